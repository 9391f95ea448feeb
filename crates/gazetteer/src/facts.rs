//! Team-written facts (organisations, media, people, country names, demonyms, organisation
//! patterns) and user dictionaries: parsed at load (a few thousand lines, about a
//! millisecond) into a small `fst` built in memory.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use crate::entry::{EntityType, Subtype, parse_entity_type};
use crate::error::LoadError;
use crate::fold::fold;
use crate::kind::Kinds;

/// Languages whose data folders the gazetteer reads.
pub const LANGUAGES: &[&str] = &["it", "en", "es", "fr", "de", "ru"];

/// One team-written or user entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    /// Canonical name (for organisation patterns: the English head, "Ministry of Health").
    pub name: String,
    /// What the entry is (one kind).
    pub kind: Kinds,
    /// PER, ORG or LOC.
    pub entity_type: EntityType,
    /// Subtype, when known.
    pub subtype: Option<Subtype>,
    /// ISO 3166-1 alpha-2 country the entity belongs to.
    pub country: Option<String>,
    /// Wikidata id, only where certain.
    pub wikidata: Option<String>,
    /// GeoNames id (user dictionaries).
    pub geonames: Option<u32>,
    /// Language of a demonym or pattern; `None` for names valid in every language.
    pub lang: Option<String>,
    /// Role of a person ("president", "foreign minister", "spokesperson").
    pub role: Option<String>,
    /// Where it was read: `data/gazetteer/organizations.tsv:12`.
    pub source: String,
}

/// One name of a fact: `exact` holds the name when it must match case-sensitively (acronyms
/// that are also common words: `=UN`, `=EU`, `=X` in the data).
#[derive(Clone, Debug)]
pub(crate) struct Posting {
    pub fact: u32,
    pub exact: Option<Box<str>>,
}

#[derive(Debug, Default)]
pub(crate) struct Facts {
    pub facts: Vec<Fact>,
    names: BTreeMap<String, Vec<Posting>>,
    pub fst: fst::Map<Vec<u8>>,
    pub postings: Vec<Vec<Posting>>,
    /// Names written starting in lower case ("dpa", "al-Qaeda"), as written: a name the team
    /// wrote so is a name without a capital too.
    pub lower_initial: HashSet<Box<str>>,
}

macro_rules! builtin {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../../../", $path)))),*]
    };
}

/// The team's files, embedded.
pub(crate) const BUILTIN_FILES: &[(&str, &str)] = builtin![
    "data/gazetteer/countries.tsv",
    "data/gazetteer/organizations.tsv",
    "data/gazetteer/media.tsv",
    "data/gazetteer/people.tsv",
    "data/lang/it/demonyms.tsv",
    "data/lang/en/demonyms.tsv",
    "data/lang/es/demonyms.tsv",
    "data/lang/fr/demonyms.tsv",
    "data/lang/de/demonyms.tsv",
    "data/lang/ru/demonyms.tsv",
    "data/lang/it/org_patterns.tsv",
    "data/lang/en/org_patterns.tsv",
    "data/lang/es/org_patterns.tsv",
    "data/lang/fr/org_patterns.tsv",
    "data/lang/de/org_patterns.tsv",
    "data/lang/ru/org_patterns.tsv",
];

fn data_lines(content: &str) -> impl Iterator<Item = (usize, &str)> {
    content
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s != "-").then(|| s.to_string())
}

fn check_country(cc: &str) -> Result<Option<String>, String> {
    match opt(cc) {
        None => Ok(None),
        Some(c) if c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()) => Ok(Some(c)),
        Some(c) => Err(format!(
            "bad country {c:?} (expected an ISO 3166-1 alpha-2 code such as RU)"
        )),
    }
}

fn check_wikidata(q: &str) -> Result<Option<String>, String> {
    match opt(q) {
        None => Ok(None),
        Some(q)
            if q.starts_with('Q') && q.len() > 1 && q[1..].bytes().all(|b| b.is_ascii_digit()) =>
        {
            Ok(Some(q))
        }
        Some(q) => Err(format!(
            "bad wikidata id {q:?} (expected Q followed by digits, or -)"
        )),
    }
}

fn check_subtype(s: &str, ty: Option<EntityType>) -> Result<Option<Subtype>, String> {
    match opt(s) {
        None => Ok(None),
        Some(s) => match Subtype::parse(&s) {
            Some(st) if ty.is_none_or(|t| st.entity_type() == t) => Ok(Some(st)),
            _ => {
                let allowed: Vec<&str> = Subtype::ALL
                    .iter()
                    .filter(|st| ty.is_none_or(|t| st.entity_type() == t))
                    .map(|st| st.as_str())
                    .collect();
                Err(format!(
                    "unknown subtype {s:?} (expected {})",
                    allowed.join(", ")
                ))
            }
        },
    }
}

impl Facts {
    pub(crate) fn add(&mut self, fact: Fact, names: &[&str]) {
        let id = self.facts.len() as u32;
        self.facts.push(fact);
        for name in names {
            let name = name.trim();
            let (exact, name) = match name.strip_prefix('=') {
                Some(n) => (Some(n.into()), n),
                None => (None, name),
            };
            let key = fold(name);
            if key.is_empty() {
                continue;
            }
            if name.chars().next().is_some_and(char::is_lowercase) {
                self.lower_initial.insert(name.into());
            }
            let list = self.names.entry(key).or_default();
            if !list.iter().any(|p| p.fact == id && p.exact == exact) {
                list.push(Posting { fact: id, exact });
            }
        }
    }

    /// Parses one team file; `path` decides its schema.
    pub(crate) fn parse_file(&mut self, path: &str, content: &str, problems: &mut Vec<String>) {
        let file = path.rsplit('/').next().unwrap_or(path);
        let lang = path
            .strip_prefix("data/lang/")
            .or_else(|| path.split("/lang/").nth(1))
            .and_then(|p| p.split('/').next())
            .map(str::to_string);
        for (line, text) in data_lines(content) {
            let f: Vec<&str> = text.split('\t').collect();
            let at = format!("{path}:{line}");
            let result = match file {
                "countries.tsv" => self.country_line(&f, &at),
                "organizations.tsv" | "media.tsv" => self.org_line(&f, &at, file),
                "people.tsv" => self.person_line(&f, &at),
                "demonyms.tsv" => self.demonym_line(&f, &at, lang.clone()),
                "org_patterns.tsv" => self.pattern_line(&f, &at, lang.clone()),
                _ => Err(format!("unknown gazetteer file {file:?}")),
            };
            if let Err(e) = result {
                problems.push(format!("{at}: {e}"));
            }
        }
    }

    fn fields<'a>(f: &[&'a str], n: usize, names: &str) -> Result<Vec<&'a str>, String> {
        if f.len() < n.saturating_sub(1) || f.len() > n {
            return Err(format!("{} fields (expected {n}: {names})", f.len()));
        }
        let mut v = f.to_vec();
        v.resize(n, "");
        Ok(v)
    }

    fn country_line(&mut self, f: &[&str], at: &str) -> Result<(), String> {
        let f = Self::fields(f, 4, "iso, name, wikidata, aliases")?;
        let cc = check_country(f[0])?.ok_or("missing country code")?;
        let fact = Fact {
            name: f[1].trim().to_string(),
            kind: Kinds::COUNTRY,
            entity_type: EntityType::Loc,
            subtype: Some(Subtype::Country),
            country: Some(cc),
            wikidata: check_wikidata(f[2])?,
            geonames: None,
            lang: None,
            role: None,
            source: at.to_string(),
        };
        let names: Vec<&str> = std::iter::once(f[1]).chain(f[3].split('|')).collect();
        self.add(fact, &names);
        Ok(())
    }

    fn org_line(&mut self, f: &[&str], at: &str, file: &str) -> Result<(), String> {
        let f = Self::fields(f, 5, "name, subtype, country, wikidata, aliases")?;
        let name = opt(f[0]).ok_or("missing name")?;
        let subtype = check_subtype(f[1], Some(EntityType::Org))?.ok_or("missing subtype")?;
        let fact = Fact {
            name,
            kind: if file == "media.tsv" {
                Kinds::MEDIA
            } else {
                Kinds::ORG
            },
            entity_type: EntityType::Org,
            subtype: Some(subtype),
            country: check_country(f[2])?,
            wikidata: check_wikidata(f[3])?,
            geonames: None,
            lang: None,
            role: None,
            source: at.to_string(),
        };
        let names: Vec<&str> = std::iter::once(f[0]).chain(f[4].split('|')).collect();
        self.add(fact, &names);
        Ok(())
    }

    fn person_line(&mut self, f: &[&str], at: &str) -> Result<(), String> {
        let f = Self::fields(f, 6, "name, subtype, country, wikidata, role, aliases")?;
        let name = opt(f[0]).ok_or("missing name")?;
        let fact = Fact {
            name,
            kind: Kinds::PERSON,
            entity_type: EntityType::Per,
            subtype: check_subtype(f[1], Some(EntityType::Per))?,
            country: check_country(f[2])?,
            wikidata: check_wikidata(f[3])?,
            geonames: None,
            lang: None,
            role: opt(f[4]),
            source: at.to_string(),
        };
        let names: Vec<&str> = std::iter::once(f[0]).chain(f[5].split('|')).collect();
        self.add(fact, &names);
        Ok(())
    }

    fn demonym_line(&mut self, f: &[&str], at: &str, lang: Option<String>) -> Result<(), String> {
        let f = Self::fields(f, 4, "form, country, pos, gender_number")?;
        let form = opt(f[0]).ok_or("missing form")?;
        let cc = check_country(f[1])?.ok_or("missing country")?;
        let pos = f[2].trim();
        if !matches!(pos, "adj" | "noun" | "adj/noun" | "gov") {
            return Err(format!(
                "unknown pos {pos:?} (expected adj, noun, adj/noun, gov)"
            ));
        }
        let gn = f[3].trim();
        if !matches!(
            gn,
            "" | "-" | "m.sg" | "f.sg" | "m.pl" | "f.pl" | "sg" | "pl" | "n.sg"
        ) {
            return Err(format!(
                "unknown gender_number {gn:?} (expected m.sg, f.sg, n.sg, m.pl, f.pl, sg, pl, -)"
            ));
        }
        let fact = Fact {
            name: form.clone(),
            kind: Kinds::DEMONYM,
            entity_type: EntityType::Loc,
            subtype: None,
            country: Some(cc),
            wikidata: None,
            geonames: None,
            lang,
            role: Some(pos.to_string()),
            source: at.to_string(),
        };
        self.add(fact, &[&form]);
        Ok(())
    }

    fn pattern_line(&mut self, f: &[&str], at: &str, lang: Option<String>) -> Result<(), String> {
        let f = Self::fields(f, 4, "pattern, subtype, canonical, country")?;
        let pattern = opt(f[0]).ok_or("missing pattern")?;
        let subtype = check_subtype(f[1], Some(EntityType::Org))?.ok_or("missing subtype")?;
        let fact = Fact {
            name: opt(f[2]).ok_or("missing canonical name")?,
            kind: Kinds::ORG_PATTERN,
            entity_type: EntityType::Org,
            subtype: Some(subtype),
            country: check_country(f[3])?,
            wikidata: None,
            geonames: None,
            lang,
            role: None,
            source: at.to_string(),
        };
        let names: Vec<&str> = pattern.split('|').collect();
        self.add(fact, &names);
        Ok(())
    }

    /// Reads a user dictionary: CSV with a header (`name,type,subtype,country,wikidata,
    /// geonames,aliases`; `name` and `type` required, aliases separated by `|`) or JSON Lines
    /// with the same keys (`aliases` a list or a `|`-separated string). Chosen by extension
    /// (`.csv`, `.jsonl`/`.ndjson`).
    pub(crate) fn read_user(&mut self, path: &Path) -> Result<(), LoadError> {
        let shown = path.display().to_string();
        let content = std::fs::read_to_string(path)
            .map_err(|e| LoadError::new(vec![format!("{shown}: {e}")]))?;
        let mut problems = Vec::new();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "csv" => self.user_csv(&shown, &content, &mut problems),
            "jsonl" | "ndjson" | "json" => self.user_jsonl(&shown, &content, &mut problems),
            _ => problems.push(format!(
                "{shown}: unknown dictionary format (expected a .csv or .jsonl file)"
            )),
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(LoadError::new(problems))
        }
    }

    fn user_csv(&mut self, shown: &str, content: &str, problems: &mut Vec<String>) {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .comment(Some(b'#'))
            .from_reader(content.as_bytes());
        let header: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(|s| s.trim().to_ascii_lowercase()).collect(),
            Err(e) => {
                problems.push(format!("{shown}:1: {e}"));
                return;
            }
        };
        for required in ["name", "type"] {
            if !header.iter().any(|h| h == required) {
                problems.push(format!(
                    "{shown}:1: missing column {required:?} (columns: name,type,subtype,country,wikidata,geonames,aliases)"
                ));
            }
        }
        if !problems.is_empty() {
            return;
        }
        for record in reader.records() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    problems.push(format!("{shown}:{line}: {e}"));
                    continue;
                }
            };
            let line = record.position().map_or(0, |p| p.line());
            let get = |k: &str| {
                header
                    .iter()
                    .position(|h| h == k)
                    .and_then(|i| record.get(i))
                    .unwrap_or("")
                    .to_string()
            };
            let aliases: Vec<String> = get("aliases").split('|').map(str::to_string).collect();
            if let Err(e) = self.user_entry(
                &format!("{shown}:{line}"),
                &get("name"),
                &get("type"),
                &get("subtype"),
                &get("country"),
                &get("wikidata"),
                &get("geonames"),
                &aliases,
            ) {
                problems.push(format!("{shown}:{line}: {e}"));
            }
        }
    }

    fn user_jsonl(&mut self, shown: &str, content: &str, problems: &mut Vec<String>) {
        for (line, text) in data_lines(content) {
            let value: serde_json::Value = match serde_json::from_str(text) {
                Ok(v) => v,
                Err(e) => {
                    problems.push(format!("{shown}:{line}: {e}"));
                    continue;
                }
            };
            let get = |k: &str| match value.get(k) {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Number(n)) => n.to_string(),
                _ => String::new(),
            };
            let aliases: Vec<String> = match value.get("aliases") {
                Some(serde_json::Value::Array(a)) => a
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect(),
                Some(serde_json::Value::String(s)) => s.split('|').map(str::to_string).collect(),
                _ => Vec::new(),
            };
            if let Err(e) = self.user_entry(
                &format!("{shown}:{line}"),
                &get("name"),
                &get("type"),
                &get("subtype"),
                &get("country"),
                &get("wikidata"),
                &get("geonames"),
                &aliases,
            ) {
                problems.push(format!("{shown}:{line}: {e}"));
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn user_entry(
        &mut self,
        at: &str,
        name: &str,
        ty: &str,
        subtype: &str,
        country: &str,
        wikidata: &str,
        geonames: &str,
        aliases: &[String],
    ) -> Result<(), String> {
        let name = opt(name).ok_or("missing name")?;
        let entity_type = parse_entity_type(ty.trim())
            .ok_or_else(|| format!("unknown type {ty:?} (expected PER, ORG, LOC)"))?;
        let geonames = match opt(geonames) {
            None => None,
            Some(g) => Some(
                g.parse::<u32>()
                    .map_err(|_| format!("bad geonames id {g:?} (expected a number)"))?,
            ),
        };
        let subtype = check_subtype(subtype, Some(entity_type))?;
        let kind = Kinds::USER
            | match entity_type {
                EntityType::Per => Kinds::PERSON,
                EntityType::Org => match subtype {
                    Some(Subtype::NewsAgency | Subtype::Media | Subtype::Platform) => Kinds::MEDIA,
                    _ => Kinds::ORG,
                },
                EntityType::Loc => match subtype {
                    Some(Subtype::Country) => Kinds::COUNTRY,
                    Some(Subtype::Admin1) => Kinds::ADMIN1,
                    Some(Subtype::Admin2) => Kinds::ADMIN2,
                    _ => Kinds::CITY,
                },
            };
        let fact = Fact {
            name: name.clone(),
            kind,
            entity_type,
            subtype,
            country: check_country(country)?,
            wikidata: check_wikidata(wikidata)?,
            geonames,
            lang: None,
            role: None,
            source: at.to_string(),
        };
        let names: Vec<&str> = std::iter::once(name.as_str())
            .chain(aliases.iter().map(String::as_str))
            .collect();
        self.add(fact, &names);
        Ok(())
    }

    /// Builds the name map; call after the last `add`.
    pub(crate) fn finish(&mut self) {
        let mut builder = fst::MapBuilder::memory();
        self.postings.clear();
        for (key, list) in &self.names {
            let mut kinds = Kinds::empty();
            for p in list {
                kinds |= self.facts[p.fact as usize].kind;
            }
            let value = self.postings.len() as u64 | u64::from(kinds.0) << 48;
            // Keys come sorted from the BTreeMap, so insertion cannot fail.
            builder.insert(key, value).expect("sorted keys");
            self.postings.push(list.clone());
        }
        self.fst = fst::Map::new(builder.into_inner().expect("in-memory fst")).expect("valid fst");
    }

    /// The facts named `folded`, with the exact form each requires.
    pub(crate) fn lookup(&self, folded: &str) -> &[Posting] {
        match self.fst.get(folded) {
            Some(v) => &self.postings[(v & 0xffff_ffff) as usize],
            None => &[],
        }
    }
}
