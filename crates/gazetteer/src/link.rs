//! Entity linking and geocoding: from an entity's type, mentions, language and article context
//! to ids, canonical name, country, coordinates, subtype and a confidence.
//!
//! Places are chosen among homonyms by a score (see [`Gazetteer::link`]): a country name beats
//! a city of the same name unless the article is about that city's country; a populous place
//! beats a small one; a place in a country (or first-level division) the article mentions
//! gets a bonus that outweighs one to two orders of magnitude of population.

use std::collections::HashMap;

use serde::Serialize;

use crate::entry::{EntityType, Geo, Ids, Precision, Subtype};
use crate::facts::Fact;
use crate::fold::fold;
use crate::kind::Kinds;
use crate::places::{Place, PlaceKind};
use crate::{Candidate, Gazetteer, Match};

/// What an article is about, geographically: weights of the countries and first-level
/// divisions it names. Built by [`Gazetteer::context`] or [`Gazetteer::context_from_tokens`];
/// callers may add what they know ([`Context::add_country`], e.g. the outlet's country).
#[derive(Clone, Debug, Default)]
pub struct Context {
    countries: HashMap<[u8; 2], f32>,
    admin1: HashMap<u32, f32>,
}

/// The kinds of facts that are evidence of a country in [`Gazetteer::add_evidence`].
const EVIDENCE_FACTS: Kinds = Kinds::COUNTRY
    .union(Kinds::DEMONYM)
    .union(Kinds::ORG)
    .union(Kinds::MEDIA)
    .union(Kinds::PERSON);

impl Context {
    /// An empty context: homonyms are chosen by population and feature type alone.
    pub fn new() -> Context {
        Context::default()
    }

    /// Adds `weight` to country `code` (ISO 3166-1 alpha-2; other strings are ignored).
    pub fn add_country(&mut self, code: &str, weight: f32) {
        if let [a, b] = code.as_bytes() {
            *self.countries.entry([*a, *b]).or_default() += weight;
        }
    }

    /// Adds `weight` to a first-level division (a place id).
    pub fn add_admin1(&mut self, place: u32, weight: f32) {
        *self.admin1.entry(place).or_default() += weight;
    }

    /// The countries with their weights, heaviest first.
    pub fn countries(&self) -> Vec<(String, f32)> {
        let mut v: Vec<(String, f32)> = self
            .countries
            .iter()
            .map(|(c, w)| (String::from_utf8_lossy(c).into_owned(), *w))
            .collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v
    }

    /// The article's main country: the heaviest, when it has at least 40 % of the weight or
    /// twice the weight of the next.
    pub fn main_country(&self) -> Option<String> {
        let total: f32 = self.countries.values().sum();
        let v = self.countries();
        let (code, w) = v.first()?;
        let next = v.get(1).map_or(0.0, |(_, w)| *w);
        (total > 0.0 && (*w / total >= 0.4 || *w >= 2.0 * next)).then(|| code.clone())
    }

    fn country_share(&self, code: &[u8; 2]) -> f32 {
        let max = self.countries.values().copied().fold(0.0, f32::max);
        if max <= 0.0 {
            return 0.0;
        }
        self.countries.get(code).copied().unwrap_or(0.0) / max
    }

    fn admin1_share(&self, place: u32) -> f32 {
        let max = self.admin1.values().copied().fold(0.0, f32::max);
        if max <= 0.0 {
            return 0.0;
        }
        self.admin1.get(&place).copied().unwrap_or(0.0) / max
    }
}

/// The result of linking one entity.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    /// The entity's type as the gazetteer knows it (may differ from the tagger's: "Cremlino"
    /// tagged LOC is the Kremlin, an ORG).
    pub entity_type: EntityType,
    /// `cronaca/1` subtype.
    pub subtype: Option<Subtype>,
    /// Canonical name ("Almaty", "Ministry of Foreign Affairs of Russia").
    pub name: String,
    /// Wikidata, GeoNames and ISO 3166 ids, whichever are known.
    pub ids: Ids,
    /// ISO 3166-1 alpha-2 code of the country it belongs to or lies in.
    pub country: Option<String>,
    /// Coordinates (locations other than countries).
    pub geo: Option<Geo>,
    /// Confidence of the link, 0–1.
    pub confidence: f32,
    /// Evidence: the rule or data line that produced it (`geonames:1526384`,
    /// `data/gazetteer/organizations.tsv:7`, `data/lang/it/org_patterns.tsv:4+demonym`).
    pub rule: String,
}

const DEMONYM_WEIGHT: f32 = 0.5;

impl Gazetteer {
    /// A context from the article's entity mentions (any type; unknown names are ignored).
    pub fn context<'a>(&self, lang: &str, mentions: impl IntoIterator<Item = &'a str>) -> Context {
        let mut ctx = Context::new();
        for m in mentions {
            self.add_evidence(&mut ctx, lang, m);
        }
        ctx
    }

    /// A context from the article's tokens: every country name, demonym, known organisation
    /// or person with a country, and capitalised name of a large, unambiguous city counts.
    pub fn context_from_tokens(&self, lang: &str, tokens: &[&str]) -> Context {
        self.context_from_matches(lang, tokens, &self.annotate(lang, tokens))
    }

    /// [`Gazetteer::context_from_tokens`] for a caller that already has the
    /// [`Gazetteer::annotate`] matches of `tokens` (in the order `annotate` gives them).
    pub fn context_from_matches(&self, lang: &str, tokens: &[&str], matches: &[Match]) -> Context {
        let mut ctx = Context::new();
        // Longest match at each start, then left to right without overlap.
        let mut next = 0;
        let mut i = 0;
        while i < matches.len() {
            let start = matches[i].tokens.start;
            let mut best = &matches[i];
            while i < matches.len() && matches[i].tokens.start == start {
                best = &matches[i];
                i += 1;
            }
            if start < next {
                continue;
            }
            next = best.tokens.end;
            // Only facts of these kinds are evidence, and places only when capitalised: a
            // lower-case word that names nothing else ("via", "casa") is passed over at once.
            let capitalised = tokens[start].chars().next().is_some_and(char::is_uppercase);
            if !capitalised && !best.kinds.intersects(EVIDENCE_FACTS) {
                continue;
            }
            let text = tokens[best.tokens.clone()].join(" ");
            self.add_evidence(&mut ctx, lang, &text);
        }
        ctx
    }

    /// Adds what `name` (a gazetteer match) says of the article's countries and regions:
    /// a fact of one of the [`EVIDENCE_FACTS`] kinds, else, when capitalised, a country or a
    /// large dominant place.
    fn add_evidence(&self, ctx: &mut Context, lang: &str, name: &str) {
        let capitalised = name.chars().next().is_some_and(char::is_uppercase);
        let key = fold(name);
        for f in self.facts_named(&key, name) {
            let Some(cc) = f.country.as_deref() else {
                continue;
            };
            if f.lang.as_deref().is_some_and(|l| l != lang) {
                continue;
            }
            let w = if f.kind.contains(Kinds::COUNTRY) {
                1.0
            } else if f.kind.contains(Kinds::DEMONYM) {
                DEMONYM_WEIGHT
            } else if f.kind.intersects(Kinds::ORG | Kinds::MEDIA | Kinds::PERSON) {
                0.25
            } else {
                continue;
            };
            ctx.add_country(cc, w);
            // One fact per name is evidence enough.
            return;
        }
        if !capitalised {
            return;
        }
        let places = self.places_index().lookup(&key);
        if let Some(country) = places.iter().find(|p| p.kind == PlaceKind::Country) {
            ctx.add_country(country.country_code(), 1.0);
            return;
        }
        let Some(top) = places.first() else { return };
        let dominant = places
            .get(1)
            .is_none_or(|second| second.population.saturating_mul(5) < top.population);
        if top.population >= 100_000 && dominant {
            ctx.add_country(top.country_code(), 0.5);
            match top.kind {
                PlaceKind::Admin1 => ctx.add_admin1(top.id, 1.0),
                _ => {
                    if let Some(a1) = top.admin1 {
                        ctx.add_admin1(a1, 0.5);
                    }
                }
            }
        }
    }

    /// Links an entity of type `ty` named by `mentions` (surface forms, any order) in an
    /// article in language `lang` with geographic context `ctx`. `None` when nothing in the
    /// gazetteer fits.
    ///
    /// - LOC: countries to ISO 3166 (and GeoNames), other places to a GeoNames place with
    ///   coordinates and precision; among homonyms the highest score wins: country 4;
    ///   otherwise ½·log10(population) (+1 capital, −1.5 admin-1, −2 admin-2); +2.5 × the
    ///   share of the place's country in the context, +3 × that of its first-level division;
    ///   +0.3 when the mention is the canonical name. A LOC the team knows as an organisation
    ///   ("Cremlino") links to it.
    /// - ORG: team and user entries (aliases and acronyms in every language), then the
    ///   language's organisation patterns ("ministero degli Esteri russo" → ministry, RU; a
    ///   pattern without a country takes the article's main country).
    /// - PER: team and user entries (full names and surnames).
    pub fn link(
        &self,
        ty: EntityType,
        mentions: &[&str],
        lang: &str,
        ctx: &Context,
    ) -> Option<Link> {
        let mut mentions: Vec<&str> = mentions
            .iter()
            .map(|m| m.trim())
            .filter(|m| !m.is_empty())
            .collect();
        mentions.sort_by_key(|m| std::cmp::Reverse(m.chars().count()));
        mentions.dedup();
        match ty {
            EntityType::Loc => self
                .link_place(&mentions, ctx)
                .or_else(|| self.link_fact(&mentions, lang, ctx, None)),
            EntityType::Org => self
                .link_fact(&mentions, lang, ctx, Some(EntityType::Org))
                .or_else(|| self.link_pattern(&mentions, lang, ctx))
                .or_else(|| self.link_fact(&mentions, lang, ctx, None)),
            EntityType::Per => self.link_fact(&mentions, lang, ctx, Some(EntityType::Per)),
        }
    }

    fn place_score(&self, p: &Place, ctx: &Context) -> f32 {
        let pop = 0.5 * ((p.population as f32) + 1.0).log10();
        let base = match p.kind {
            PlaceKind::Country => 4.0,
            PlaceKind::City if p.feature == "PPLC" => pop + 1.0,
            PlaceKind::City => pop,
            PlaceKind::Admin1 => pop - 1.5,
            PlaceKind::Admin2 => pop - 2.0,
        };
        let admin = match (p.kind, p.admin1) {
            (PlaceKind::Admin1, _) => 0.0,
            (_, Some(a1)) => 3.0 * ctx.admin1_share(a1),
            _ => 0.0,
        };
        base + 2.5 * ctx.country_share(&p.country) + admin
    }

    fn link_place(&self, mentions: &[&str], ctx: &Context) -> Option<Link> {
        // place id → (score, mention count)
        let mut scores: HashMap<u32, f32> = HashMap::new();
        for m in mentions {
            let key = fold(m);
            let mut ids: Vec<(u32, bool)> = Vec::new();
            for c in self.lookup(m) {
                match c {
                    Candidate::Fact(f) if f.kind.contains(Kinds::COUNTRY) => {
                        if let Some(id) = f.country.as_deref().and_then(|cc| {
                            self.country_place_id(&[cc.as_bytes()[0], cc.as_bytes()[1]])
                        }) {
                            ids.push((id, true));
                        }
                    }
                    Candidate::Fact(_) => {}
                    Candidate::Place(p) => ids.push((p.id, fold(p.name) == key)),
                }
            }
            ids.sort_unstable();
            ids.dedup_by_key(|(id, _)| *id);
            for (id, canonical) in ids {
                let p = self.place(id);
                let s = self.place_score(&p, ctx) + if canonical { 0.3 } else { 0.0 };
                let e = scores.entry(id).or_insert(f32::MIN);
                *e = e.max(s);
            }
        }
        let mut ranked: Vec<(u32, f32)> = scores.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let (best, score) = *ranked.first()?;
        let margin = ranked.get(1).map_or(3.0, |s| score - s.1);
        let p = self.place(best);
        let cc = p.country_code().to_string();
        let confidence = (0.5 + 0.45 * (1.0 - (-margin).exp())).min(0.97);
        let (subtype, precision) = match p.kind {
            PlaceKind::Country => (Subtype::Country, Precision::Country),
            PlaceKind::Admin1 => (Subtype::Admin1, Precision::Admin1),
            PlaceKind::Admin2 => (Subtype::Admin2, Precision::Admin2),
            PlaceKind::City => (Subtype::City, Precision::City),
        };
        let (name, wikidata, iso) = if p.kind == PlaceKind::Country {
            let fact = self.country_fact(&p.country);
            (
                fact.map_or(p.name, |f| f.name.as_str()).to_string(),
                fact.and_then(|f| f.wikidata.clone()),
                Some(cc.clone()),
            )
        } else {
            (p.name.to_string(), None, None)
        };
        Some(Link {
            entity_type: EntityType::Loc,
            subtype: Some(subtype),
            name,
            ids: Ids {
                wikidata,
                geonames: p.geonames,
                iso3166: iso,
            },
            country: Some(cc),
            geo: p.coordinates.map(|(lat, lon)| Geo {
                lat: round5(lat),
                lon: round5(lon),
                precision,
            }),
            confidence: if p.kind == PlaceKind::Country {
                confidence.max(0.95)
            } else {
                confidence
            },
            rule: match p.geonames {
                Some(g) => format!("geonames:{g}"),
                None => format!("geonames:{}:{}", p.feature, p.name),
            },
        })
    }

    fn link_fact(
        &self,
        mentions: &[&str],
        lang: &str,
        ctx: &Context,
        ty: Option<EntityType>,
    ) -> Option<Link> {
        for m in mentions {
            let mut best: Option<(&Fact, f32)> = None;
            for c in self.lookup(m) {
                let Candidate::Fact(f) = c else { continue };
                if f.kind.intersects(Kinds::DEMONYM | Kinds::ORG_PATTERN)
                    || ty.is_some_and(|t| t != f.entity_type)
                    || (f.kind.contains(Kinds::COUNTRY)
                        && ty != Some(EntityType::Loc)
                        && ty.is_some())
                {
                    continue;
                }
                if f.lang.as_deref().is_some_and(|l| l != lang) {
                    continue;
                }
                let mut s = 1.0;
                if f.kind.contains(Kinds::USER) {
                    s += 1.0;
                }
                if let Some(cc) = f.country.as_deref() {
                    s += ctx.country_share(&[cc.as_bytes()[0], cc.as_bytes()[1]]);
                }
                if best.is_none_or(|(_, b)| s > b) {
                    best = Some((f, s));
                }
            }
            if let Some((f, _)) = best {
                return Some(self.fact_link(f));
            }
        }
        None
    }

    fn fact_link(&self, f: &Fact) -> Link {
        let mut ids = Ids {
            wikidata: f.wikidata.clone(),
            geonames: f.geonames,
            iso3166: None,
        };
        let mut geo = None;
        if f.kind.contains(Kinds::COUNTRY) {
            ids.iso3166 = f.country.clone();
        }
        if let Some(g) = f.geonames {
            // A user entry with a GeoNames id takes the place's coordinates.
            if let Some(p) = self
                .places_index()
                .lookup(&fold(&f.name))
                .into_iter()
                .find(|p| p.geonames == Some(g))
            {
                geo = p.coordinates.map(|(lat, lon)| Geo {
                    lat: round5(lat),
                    lon: round5(lon),
                    precision: Precision::City,
                });
            }
        }
        Link {
            entity_type: f.entity_type,
            subtype: f.subtype,
            name: f.name.clone(),
            ids,
            country: f.country.clone(),
            geo,
            confidence: if f.kind.contains(Kinds::USER) {
                0.9
            } else {
                0.93
            },
            rule: f.source.clone(),
        }
    }

    /// An organisation pattern ("ministero della salute") anywhere in a mention, with the
    /// country from a demonym or country name in the rest of it, or from the pattern, or from
    /// the article.
    fn link_pattern(&self, mentions: &[&str], lang: &str, ctx: &Context) -> Option<Link> {
        for m in mentions {
            let folded = fold(m);
            let words: Vec<&str> = folded.split(' ').collect();
            let n = words.len();
            // Longest pattern span.
            let mut found: Option<(usize, usize, &Fact)> = None;
            'outer: for len in (1..=n).rev() {
                for i in 0..=n - len {
                    let key = words[i..i + len].join(" ");
                    for p in self.facts().lookup(&key) {
                        let f = &self.facts().facts[p.fact as usize];
                        if f.kind.contains(Kinds::ORG_PATTERN)
                            && f.lang.as_deref().is_none_or(|l| l == lang)
                        {
                            found = Some((i, i + len, f));
                            break 'outer;
                        }
                    }
                }
            }
            let Some((i, j, pattern)) = found else {
                continue;
            };
            let rest: Vec<&[&str]> = vec![&words[..i], &words[j..]];
            let mut explicit: Option<(String, &'static str)> = None;
            'search: for part in rest {
                for len in (1..=part.len().min(4)).rev() {
                    for k in 0..=part.len() - len {
                        let key = part[k..k + len].join(" ");
                        if let Some(cc) = self.country_named(&key, lang) {
                            explicit = Some(cc);
                            break 'search;
                        }
                    }
                }
            }
            let (country, how, confidence) = match (&pattern.country, explicit) {
                (Some(cc), _) => (Some(cc.clone()), "", 0.9),
                (None, Some((cc, how))) => (Some(cc), how, 0.9),
                (None, None) => match ctx.main_country() {
                    Some(cc) => (Some(cc), "+context", 0.65),
                    None => (None, "", 0.5),
                },
            };
            let name = match (&pattern.country, &country) {
                (None, Some(cc)) => format!("{} of {}", pattern.name, self.country_name(cc)),
                _ => pattern.name.clone(),
            };
            return Some(Link {
                entity_type: EntityType::Org,
                subtype: pattern.subtype,
                name,
                ids: Ids::default(),
                country,
                geo: None,
                confidence,
                rule: format!("{}{how}", pattern.source),
            });
        }
        None
    }

    /// The country a folded word sequence names in `lang`: a demonym, a country fact or a
    /// country place.
    fn country_named(&self, key: &str, lang: &str) -> Option<(String, &'static str)> {
        for p in self.facts().lookup(key) {
            let f = &self.facts().facts[p.fact as usize];
            if f.kind.contains(Kinds::DEMONYM) && f.lang.as_deref().is_none_or(|l| l == lang) {
                return f.country.clone().map(|c| (c, "+demonym"));
            }
            if f.kind.contains(Kinds::COUNTRY) {
                return f.country.clone().map(|c| (c, "+country"));
            }
        }
        self.places_index()
            .lookup(key)
            .into_iter()
            .find(|p| p.kind == PlaceKind::Country)
            .map(|p| (p.country_code().to_string(), "+country"))
    }

    /// The English canonical name of a country.
    pub fn country_name(&self, code: &str) -> String {
        let b = code.as_bytes();
        if b.len() == 2
            && let Some(f) = self.country_fact(&[b[0], b[1]])
        {
            return f.name.clone();
        }
        self.country(code)
            .map_or_else(|| code.to_string(), |p| p.name.to_string())
    }
}

fn round5(x: f32) -> f64 {
    (f64::from(x) * 1e5).round() / 1e5
}
