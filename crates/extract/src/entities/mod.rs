//! The `entities` stage: people, organisations and places, each with all its mentions.
//!
//! The statistical tagger ([`cronaca_ner`]) labels the tokens of each sentence; runs of
//! `B-`/`I-` labels become mentions; [`coref`] groups the mentions of one real-world entity
//! within the document ("Vladimir Putin" … "Putin"; "Organizzazione del Trattato di Sicurezza
//! Collettiva (Csto)" … "Csto"). Languages without a model get no entity layer.
//!
//! [`link`] then links each entity with the gazetteer ([`cronaca_gazetteer`]): canonical
//! name, subtype, ids, country and coordinates, and the gazetteer's type where the tagger got
//! a well-known name wrong ("Tass" tagged PER).

pub mod coref;
pub mod link;
mod training;

pub use training::{TrainingError, training_document};

use cronaca_gazetteer::Kinds;
use cronaca_lang::{Lang, NameWord, Phrases, SpeakerWord};
use cronaca_model::{CharIndex, EntityIds, EntityType, Geo, Span};
use cronaca_ner::{GazetteerHit, Label, Sentence, Tagger};
use cronaca_text::Segmentation;
use std::ops::Range;

/// One surface mention of a name, in bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// Token indices in the segmentation.
    pub tokens: Range<usize>,
    /// The type the tagger gave it.
    pub kind: EntityType,
    /// The tagger's confidence: the lowest of its tokens'.
    pub confidence: f32,
}

/// One entity of the document, in bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// PER, ORG or LOC.
    pub kind: EntityType,
    /// Canonical name.
    pub name: String,
    /// The mentions, in text order.
    pub mentions: Vec<Mention>,
    /// Confidence, 0 to 1.
    pub confidence: f64,
    /// The gazetteer's link, when [`link::link_entities`] found one.
    pub link: Option<cronaca_gazetteer::Link>,
}

impl Entity {
    /// The `cronaca/1` entity, with id `e{n}`.
    pub fn to_model(&self, n: usize, text: &str, index: &CharIndex) -> cronaca_model::Entity {
        let link = self.link.as_ref();
        cronaca_model::Entity {
            id: format!("e{n}"),
            kind: self.kind,
            subtype: link.and_then(|l| l.subtype).map(|s| s.as_str().to_string()),
            name: self.name.clone(),
            ids: link.map_or_else(EntityIds::default, |l| EntityIds {
                wikidata: l.ids.wikidata.clone(),
                geonames: l.ids.geonames.map(u64::from),
                iso3166: l.ids.iso3166.clone(),
            }),
            country: link.and_then(|l| l.country.clone()),
            geo: link.and_then(|l| l.geo).map(|g| Geo {
                lat: g.lat,
                lon: g.lon,
                precision: precision(g.precision).to_string(),
            }),
            mentions: self
                .mentions
                .iter()
                .map(|m| Span::from_bytes(text, index, m.span.clone()))
                .collect(),
            confidence: self.confidence,
        }
    }
}

fn precision(p: cronaca_gazetteer::Precision) -> &'static str {
    match p {
        cronaca_gazetteer::Precision::City => "city",
        cronaca_gazetteer::Precision::Admin2 => "admin2",
        cronaca_gazetteer::Precision::Admin1 => "admin1",
        cronaca_gazetteer::Precision::Country => "country",
    }
}

/// The tagger for a language code, if cronaca has one.
pub fn tagger(lang: &str) -> Option<&'static Tagger> {
    cronaca_ner::builtin(lang)
}

/// The gazetteer classes the tagger sees as features, one per kind of name (user dictionary
/// entries are left out: the models are trained without them).
const GAZETTEER_CLASSES: &[(Kinds, &str)] = &[
    (Kinds::COUNTRY, "country"),
    (Kinds::ADMIN1, "admin1"),
    (Kinds::ADMIN2, "admin2"),
    (Kinds::CITY, "city"),
    (Kinds::BIG_CITY, "big_city"),
    (Kinds::CAPITAL, "capital"),
    (Kinds::ORG, "org"),
    (Kinds::MEDIA, "media"),
    (Kinds::PERSON, "person"),
    (Kinds::DEMONYM, "demonym"),
    (Kinds::ORG_PATTERN, "org_pattern"),
];

/// The built-in gazetteer's names in a document's tokens (language `lang`), found once for the
/// tagger's features and the linking context alike; empty without a gazetteer.
pub(crate) fn gazetteer_matches(lang: &str, tokens: &[&str]) -> Vec<cronaca_gazetteer::Match> {
    link::gazetteer().map_or_else(Vec::new, |gaz| gaz.annotate(lang, tokens))
}

/// The tagger's sentences for a segmented text: tokens and, as features, the gazetteer
/// `matches` of the document's tokens that lie within each sentence, one hit per match and
/// kind. The same function serves training ([`training_document`]) and tagging.
pub(crate) fn sentences<'t>(
    text: &'t str,
    seg: &Segmentation,
    matches: &[cronaca_gazetteer::Match],
) -> Vec<Sentence<'t>> {
    let mut matches = matches.iter().peekable();
    seg.sentences
        .iter()
        .map(|s| {
            let tokens: Vec<&str> = seg.tokens[s.tokens.clone()]
                .iter()
                .map(|t| &text[t.span.clone()])
                .collect();
            let mut gazetteer = Vec::new();
            // `annotate` gives matches by start token.
            while let Some(m) = matches.next_if(|m| m.tokens.start < s.tokens.end) {
                if m.tokens.start < s.tokens.start || m.tokens.end > s.tokens.end {
                    continue;
                }
                for &(kind, class) in GAZETTEER_CLASSES {
                    if m.kinds.intersects(kind) {
                        gazetteer.push(GazetteerHit {
                            start: m.tokens.start - s.tokens.start,
                            end: m.tokens.end - s.tokens.start,
                            class,
                        });
                    }
                }
            }
            Sentence { tokens, gazetteer }
        })
        .collect()
}

/// The text of every token.
pub(crate) fn token_texts<'t>(text: &'t str, seg: &Segmentation) -> Vec<&'t str> {
    seg.tokens.iter().map(|t| &text[t.span.clone()]).collect()
}

/// Every mention the tagger finds in the text (language `lang`), in text order, with the
/// media the gazetteer knows ([`media_mentions`]).
pub fn find_mentions(text: &str, seg: &Segmentation, tagger: &Tagger, lang: &str) -> Vec<Mention> {
    let matches = gazetteer_matches(lang, &token_texts(text, seg));
    mentions_with(text, seg, tagger, &matches)
}

/// [`find_mentions`] given the gazetteer matches of the document's tokens.
fn mentions_with(
    text: &str,
    seg: &Segmentation,
    tagger: &Tagger,
    matches: &[cronaca_gazetteer::Match],
) -> Vec<Mention> {
    let input = sentences(text, seg, matches);
    let tags = tagger.tag_document(&input);
    let mut mentions = Vec::new();
    for (sentence, tags) in seg.sentences.iter().zip(&tags) {
        let base = sentence.tokens.start;
        let mut open: Option<Mention> = None;
        for (i, tag) in tags.iter().enumerate() {
            let k = base + i;
            let continues = matches!(
                (tag.label, &open),
                (Label::I(t), Some(m)) if kind(t) == Some(m.kind)
            );
            if continues {
                let m = open.as_mut().expect("continues an open mention");
                m.tokens.end = k + 1;
                m.span.end = seg.tokens[k].span.end;
                m.confidence = m.confidence.min(tag.confidence);
                continue;
            }
            mentions.extend(open.take());
            if let Some(t) = tag.label.entity_type().and_then(kind) {
                open = Some(Mention {
                    span: seg.tokens[k].span.clone(),
                    tokens: k..k + 1,
                    kind: t,
                    confidence: tag.confidence,
                });
            }
        }
        mentions.extend(open);
    }
    media_mentions(text, seg, &input, &mut mentions);
    mentions
}

/// Confidence of an organisation mention that only the gazetteer found.
const MEDIA_CONFIDENCE: f32 = 0.8;

/// News agencies, broadcasters, newspapers and platforms of the gazetteer ("Telegram",
/// "Khabar-24") written with capitals become organisation mentions where the tagger found
/// nothing, or only names inside them ("Khabar" of "Khabar-24"): the tagger has seen few of
/// them, and they are sources the record must name.
fn media_mentions(
    text: &str,
    seg: &Segmentation,
    input: &[Sentence<'_>],
    mentions: &mut Vec<Mention>,
) {
    let mut added = false;
    for (sentence, s) in seg.sentences.iter().zip(input) {
        let base = sentence.tokens.start;
        for hit in s.gazetteer.iter().filter(|h| h.class == "media") {
            let tokens = base + hit.start..base + hit.end;
            let capitalised = s.tokens[hit.start..hit.end]
                .iter()
                .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                || written_as_lower_case_name(text, seg, &tokens);
            let overlaps = |m: &Mention| m.tokens.start < tokens.end && tokens.start < m.tokens.end;
            let inside = |m: &Mention| tokens.start <= m.tokens.start && m.tokens.end <= tokens.end;
            if !capitalised || mentions.iter().any(|m| overlaps(m) && !inside(m)) {
                continue;
            }
            mentions.retain(|m| !overlaps(m));
            mentions.push(Mention {
                span: token_span(seg, &tokens),
                tokens,
                kind: EntityType::Org,
                confidence: MEDIA_CONFIDENCE,
            });
            added = true;
        }
    }
    if added {
        mentions.sort_by_key(|m| m.tokens.start);
    }
}

/// The byte span of a run of tokens.
fn token_span(seg: &Segmentation, tokens: &Range<usize>) -> Range<usize> {
    seg.tokens[tokens.start].span.start..seg.tokens[tokens.end - 1].span.end
}

/// Whether the tokens are written exactly as a name the gazetteer has in lower case ("dpa").
fn written_as_lower_case_name(text: &str, seg: &Segmentation, tokens: &Range<usize>) -> bool {
    link::gazetteer().is_some_and(|g| g.is_lower_case_name(&text[token_span(seg, tokens)]))
}

/// Confidence of a mention the gazetteer alone found, in a language without a tagger.
const GAZETTEER_CONFIDENCE: f32 = 0.7;

/// What a gazetteer name is as a mention in a language without a tagger: people, organisations
/// (media and ministry patterns too) and the places that are seldom common words — countries,
/// first-level divisions, capitals and cities of 100,000 people or more. Smaller places and
/// demonyms are no mentions there.
fn gazetteer_type(kinds: Kinds) -> Option<EntityType> {
    if kinds.intersects(Kinds::PERSON) {
        Some(EntityType::Per)
    } else if kinds.intersects(Kinds::ORG | Kinds::MEDIA | Kinds::ORG_PATTERN) {
        Some(EntityType::Org)
    } else if kinds.intersects(Kinds::COUNTRY | Kinds::ADMIN1 | Kinds::CAPITAL | Kinds::BIG_CITY) {
        Some(EntityType::Loc)
    } else {
        None
    }
}

/// The mentions of a text in a language cronaca has no tagger for: the gazetteer's `matches`
/// (of the document's tokens, in [`Gazetteer::annotate`] order) of a [`gazetteer_type`],
/// within one sentence, starting with a capital (or written as a lower-case name of the
/// gazetteer: "laut dpa"), and people named by a given name ([`given_name_people`]); the
/// longest at each start, left to right without overlap. Dropped: a one-word city right after
/// a determiner of the language (a common noun or a club: "der Zug", "das Essen", "el Madrid";
/// a name that takes its article, "El Salvador", "Le Havre", is matched from the article on);
/// a one-word name opening a sentence that the language's speaker word lists know ("Dabei");
/// where only names are capitalised, a one-word place next to another capitalised word, part
/// of a longer name ("Banco Central", "Manchester United").
///
/// [`Gazetteer::annotate`]: cronaca_gazetteer::Gazetteer::annotate
fn gazetteer_mentions(
    text: &str,
    seg: &Segmentation,
    matches: &[cronaca_gazetteer::Match],
    language: &Lang,
) -> Vec<Mention> {
    let speakers = &language.speakers;
    let nouns_capitalised = language.conventions.nouns_capitalised;
    let word = |k: usize| &text[seg.tokens[k].span.clone()];
    let speaker_word =
        |k: usize, is: &dyn Fn(SpeakerWord) -> bool| is_speaker_word(text, seg, speakers, k, is);
    let determiner = |w| matches!(w, SpeakerWord::Definite | SpeakerWord::Indefinite);
    let capitalised = |k: usize| word(k).chars().next().is_some_and(char::is_uppercase);
    let mut sentence_of = vec![0; seg.tokens.len()];
    for (n, s) in seg.sentences.iter().enumerate() {
        sentence_of[s.tokens.clone()].fill(n);
    }
    // The candidates, by first token: the longest gazetteer name of a type there, and people
    // named by a given name and capitalised words after it.
    let mut candidates: Vec<(Range<usize>, EntityType, f32)> = Vec::new();
    let mut i = 0;
    while i < matches.len() {
        let start = matches[i].tokens.start;
        let mut best = None;
        while i < matches.len() && matches[i].tokens.start == start {
            let m = &matches[i];
            if sentence_of[m.tokens.end - 1] == sentence_of[start]
                && let Some(kind) = gazetteer_type(m.kinds)
            {
                best = Some((m.tokens.clone(), kind, m.kinds));
            }
            i += 1;
        }
        let Some((tokens, kind, kinds)) = best else {
            continue;
        };
        if !(capitalised(start) || written_as_lower_case_name(text, seg, &tokens)) {
            continue;
        }
        // A one-word city right after a determiner is a common noun or a club; a one-word name
        // opening the sentence that the language's word lists know is a function word
        // ("Dabei", "Sólo").
        let one_city = tokens.len() == 1
            && kinds.intersects(Kinds::CAPITAL | Kinds::BIG_CITY)
            && !kinds.intersects(Kinds::COUNTRY | Kinds::ADMIN1 | Kinds::ORG | Kinds::PERSON);
        let after_determiner = start > 0 && speaker_word(start - 1, &determiner);
        let opening = seg.sentences[sentence_of[start]].tokens.start == start;
        // Where only names are capitalised, a one-word place (not a country) next to another
        // capitalised word is part of a name the gazetteer does not know: "Academia Nacional
        // de…", "Actes Sud", "Valencia CF", "Google Chrome".
        let name_word = |k: usize| {
            sentence_of.get(k) == Some(&sentence_of[start])
                && capitalised(k)
                && seg.sentences[sentence_of[k]].tokens.start != k
                && !speaker_word(k, &|_| true)
        };
        let in_longer_name = !nouns_capitalised
            && tokens.len() == 1
            && kinds.is_place()
            && !kinds.intersects(Kinds::COUNTRY)
            && ((start > 0 && name_word(start - 1)) || name_word(start + 1));
        if in_longer_name
            || (one_city && after_determiner)
            || (tokens.len() == 1 && opening && speaker_word(start, &|_| true))
        {
            continue;
        }
        candidates.push((tokens, kind, GAZETTEER_CONFIDENCE));
    }
    // Given names that are also countries, regions or capitals ("Florida", "Israel") are left
    // to the gazetteer: "Florida International University" is no person.
    let strong_place = Kinds::COUNTRY | Kinds::ADMIN1 | Kinds::CAPITAL;
    let place_at = |k: usize| {
        matches
            .iter()
            .any(|m| m.tokens == (k..k + 1) && m.kinds.intersects(strong_place))
    };
    candidates.extend(
        given_name_people(seg, &sentence_of, &word, &|k| speaker_word(k, &|_| true))
            .filter(|c| !place_at(c.0.start)),
    );
    // Earlier first, then longer.
    candidates.sort_by_key(|c| (c.0.start, std::cmp::Reverse(c.0.end)));
    let mut out = Vec::new();
    let mut next = 0;
    for (tokens, kind, confidence) in candidates {
        if tokens.start < next {
            continue;
        }
        next = tokens.end;
        out.push(Mention {
            span: token_span(seg, &tokens),
            tokens,
            kind,
            confidence,
        });
    }
    out
}

/// How sure a person named by a given name and capitalised words is.
const GIVEN_NAME_CONFIDENCE: f32 = 0.6;

/// The longest person name by given name, tokens within one sentence.
const GIVEN_NAME_TOKENS: usize = 4;

/// People without a tagger: a capitalised given name of the tagger's list followed, in the
/// same sentence, by one to three capitalised words ("Víctor Ramírez", "Kyle Platzer"), where
/// the gazetteer alone would take the surname for a place ("Mora") or see nobody.
fn given_name_people<'a>(
    seg: &'a Segmentation,
    sentence_of: &'a [usize],
    word: &'a dyn Fn(usize) -> &'a str,
    listed: &'a dyn Fn(usize) -> bool,
) -> impl Iterator<Item = (Range<usize>, EntityType, f32)> + 'a {
    let n = seg.tokens.len();
    // A capitalised word, no word of the language's lists ("El", "Para"), written in the case of
    // the given name: all in capitals (three letters or more) after one in capitals, else
    // with small letters ("US News", "GUADALUPE FC" are no people).
    let name_word = move |k: usize, caps: bool| {
        let w = word(k);
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            && caps != w.chars().any(char::is_lowercase)
            && (!caps || w.chars().count() > 2)
            && !listed(k)
    };
    (0..n).filter_map(move |k| {
        let caps = !word(k).chars().any(char::is_lowercase);
        if !(name_word(k, caps) && cronaca_ner::is_given_name(word(k))) {
            return None;
        }
        let mut end = k + 1;
        while end < n
            && end - k < GIVEN_NAME_TOKENS
            && sentence_of[end] == sentence_of[k]
            && name_word(end, caps)
        {
            end += 1;
        }
        (end > k + 1).then_some((k..end, EntityType::Per, GIVEN_NAME_CONFIDENCE))
    })
}

fn kind(t: cronaca_ner::EntityType) -> Option<EntityType> {
    match t {
        cronaca_ner::EntityType::Per => Some(EntityType::Per),
        cronaca_ner::EntityType::Org => Some(EntityType::Org),
        cronaca_ner::EntityType::Loc => Some(EntityType::Loc),
        cronaca_ner::EntityType::Misc => None,
    }
}

/// The entities of a text: mentions found by `tagger` (by the gazetteer alone without one:
/// [`gazetteer_mentions`]), grouped by [`coref::cluster`], linked with the built-in gazetteer
/// for language `lang` ([`link::link_entities`]); `language` has its writing conventions
/// ([`cronaca_lang::Conventions::national_adjective_in_names`]), name words and determiners.
pub fn find_entities(
    text: &str,
    seg: &Segmentation,
    tagger: Option<&Tagger>,
    lang: &str,
    language: &Lang,
) -> Vec<Entity> {
    let tokens = token_texts(text, seg);
    let matches = gazetteer_matches(lang, &tokens);
    let mut mentions = match tagger {
        Some(tagger) => mentions_with(text, seg, tagger, &matches),
        None => gazetteer_mentions(text, seg, &matches, language),
    };
    if !language.name_words.is_empty() {
        trailing_particles(text, seg, language, &mut mentions);
        titles(text, seg, language, &mut mentions);
        clubs(text, seg, language, &mut mentions);
        directions(text, seg, language, &mut mentions);
        institution_complements(text, seg, language, &mut mentions);
    }
    if language.conventions.national_adjective_in_names {
        national_adjectives(text, seg, &matches, &mut mentions);
    }
    repeated_names(text, seg, &mut mentions);
    closing_quotes(text, seg, &mut mentions);
    acronyms(text, seg, &mut mentions);
    surnames_and_given_names(text, seg, language, &mut mentions);
    let mut entities = coref::cluster(text, mentions);
    if let Some(gaz) = link::gazetteer() {
        let ctx = gaz.context_from_matches(lang, &tokens, &matches);
        link::link_entities(gaz, text, lang, &ctx, &mut entities);
    }
    entities
}

/// Whether token `k` is a one-word `name_words.tsv` entry of `kind` (a word may have several).
fn is_name_word(text: &str, seg: &Segmentation, language: &Lang, k: usize, kind: NameWord) -> bool {
    let Some(t) = seg.tokens.get(k) else {
        return false;
    };
    let folded = [cronaca_lang::fold_time(&text[t.span.clone()])];
    let mut found = false;
    language.name_words.for_each_at(&folded, 0, |p, n| {
        found |= n == 1 && p.label == kind;
    });
    found
}

/// Whether token `k` alone is a `speakers.tsv` word for which `is` holds.
fn is_speaker_word(
    text: &str,
    seg: &Segmentation,
    speakers: &Phrases<SpeakerWord>,
    k: usize,
    is: impl Fn(SpeakerWord) -> bool,
) -> bool {
    let Some(t) = seg.tokens.get(k) else {
        return false;
    };
    let folded = [cronaca_lang::fold_time(&text[t.span.clone()])];
    let mut found = false;
    speakers.for_each_at(&folded, 0, |p, n| found |= n == 1 && is(p.label));
    found
}

/// Whether token `k` starts with a lower-case (`lower`) or an upper-case letter.
fn starts_with_case(text: &str, seg: &Segmentation, k: usize, lower: bool) -> bool {
    seg.tokens.get(k).is_some_and(|t| {
        text[t.span.clone()].chars().next().is_some_and(|c| {
            if lower {
                c.is_lowercase()
            } else {
                c.is_uppercase()
            }
        })
    })
}

/// A mention the tagger ends at a lower-case particle of `name_words.tsv` ("Óscar de",
/// "Ordine nazionale dei"): no name ends with one, so it goes on over at most two more
/// particles to the capitalised word after them (for an organisation, also to a noun that
/// completes institution names: "Ordine nazionale dei giornalisti"), taking in a mention that
/// starts there ("Óscar de" + "Hoya"), or, when no such word follows, lets the particles go
/// (and the mention, if nothing is left). A function word of `speakers.tsv` at the end
/// ("Ministero senza") goes too (no training name ends with one either).
fn trailing_particles(
    text: &str,
    seg: &Segmentation,
    language: &Lang,
    mentions: &mut Vec<Mention>,
) {
    let particle = |k: usize| {
        starts_with_case(text, seg, k, true)
            && is_name_word(text, seg, language, k, NameWord::Particle)
    };
    let function_word = |k: usize| {
        starts_with_case(text, seg, k, true) && {
            let folded = [cronaca_lang::fold_time(&text[seg.tokens[k].span.clone()])];
            let mut found = false;
            language.speakers.for_each_at(&folded, 0, |p, n| {
                found |= n == 1 && p.label == SpeakerWord::Function;
            });
            found
        }
    };
    // Mentions are in text order and do not overlap.
    let mut changed = false;
    for i in 0..mentions.len() {
        let (start, old_end, kind) = {
            let m = &mentions[i];
            (m.tokens.start, m.tokens.end, m.kind)
        };
        if start == old_end {
            continue;
        }
        let mut end = old_end;
        if particle(old_end - 1) {
            let next = mentions[i + 1..]
                .iter()
                .position(|n| !n.tokens.is_empty())
                .map(|j| i + 1 + j);
            let free = |k: usize| next.is_none_or(|j| mentions[j].tokens.start != k);
            let mut k = old_end;
            while k < old_end + 2 && free(k) && particle(k) {
                k += 1;
            }
            let completes = starts_with_case(text, seg, k, false)
                || (kind == EntityType::Org
                    && starts_with_case(text, seg, k, true)
                    && is_name_word(text, seg, language, k, NameWord::Complement));
            if k < seg.tokens.len() && completes {
                end = k + 1;
                if let Some(j) = next.filter(|&j| mentions[j].tokens.start == k) {
                    end = mentions[j].tokens.end;
                    mentions[j].tokens = k..k;
                }
            } else {
                while end > start && particle(end - 1) {
                    end -= 1;
                }
            }
        }
        // Nor with a function word ("Ministero senza"): it goes, and nothing is taken in.
        while end > start + 1 && end <= old_end && function_word(end - 1) {
            end -= 1;
        }
        if end != old_end {
            let m = &mut mentions[i];
            m.tokens.end = end;
            if !m.tokens.is_empty() {
                m.span = token_span(seg, &m.tokens);
            }
            changed = true;
        }
    }
    if changed {
        mentions.retain(|m| !m.tokens.is_empty());
    }
}

/// Which neighbour of a mention [`take_neighbour`] looks at.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Before,
    After,
}

/// Extends every mention for which `applies` holds over the token just before or after it
/// (`side`) when `takes` holds for that token and no other mention touches it, giving it the
/// type `becomes` if one is given. Mentions are in text order and do not overlap.
fn take_neighbour(
    seg: &Segmentation,
    mentions: &mut [Mention],
    side: Side,
    applies: impl Fn(&Mention) -> bool,
    takes: impl Fn(usize) -> bool,
    becomes: Option<EntityType>,
) {
    let edges: Vec<usize> = mentions
        .iter()
        .map(|m| match side {
            Side::Before => m.tokens.end,
            Side::After => m.tokens.start,
        })
        .collect();
    for m in mentions.iter_mut().filter(|m| applies(m)) {
        let k = match side {
            Side::Before => match m.tokens.start.checked_sub(1) {
                Some(k) => k,
                None => continue,
            },
            Side::After => m.tokens.end,
        };
        let touched = match side {
            Side::Before => edges.binary_search(&m.tokens.start).is_ok(),
            Side::After => edges.binary_search(&k).is_ok(),
        };
        if k >= seg.tokens.len() || touched || !takes(k) {
            continue;
        }
        match side {
            Side::Before => {
                m.tokens.start = k;
                m.span.start = seg.tokens[k].span.start;
            }
            Side::After => {
                m.tokens.end = k + 1;
                m.span.end = seg.tokens[k].span.end;
            }
        }
        if let Some(kind) = becomes {
            m.kind = kind;
        }
    }
}

/// A person's mention right after a lower-case title of `name_words.tsv` ("suor Rosanna",
/// "don Zeno") starts at the title, as KIND writes these names.
fn titles(text: &str, seg: &Segmentation, language: &Lang, mentions: &mut [Mention]) {
    take_neighbour(
        seg,
        mentions,
        Side::Before,
        |m| m.kind == EntityType::Per,
        |k| {
            starts_with_case(text, seg, k, true)
                && is_name_word(text, seg, language, k, NameWord::Title)
        },
        None,
    );
}

/// A mention right after a capitalised club word of `name_words.tsv` ("Rugby Roma", "AS
/// Roma") is the club: it starts at the word and is an organisation.
fn clubs(text: &str, seg: &Segmentation, language: &Lang, mentions: &mut [Mention]) {
    take_neighbour(
        seg,
        mentions,
        Side::Before,
        |_| true,
        |k| {
            starts_with_case(text, seg, k, false)
                && is_name_word(text, seg, language, k, NameWord::Club)
        },
        Some(EntityType::Org),
    );
}

/// A place or organisation mention followed by a lower-case adjective of direction of
/// `name_words.tsv` takes it in: "Italia settentrionale", "Asia centrale", "Banca centrale".
fn directions(text: &str, seg: &Segmentation, language: &Lang, mentions: &mut [Mention]) {
    take_neighbour(
        seg,
        mentions,
        Side::After,
        |m| m.kind != EntityType::Per,
        |k| {
            starts_with_case(text, seg, k, true)
                && is_name_word(text, seg, language, k, NameWord::Direction)
        },
        None,
    );
}

/// An organisation's mention that ends at the capitalised head noun of an institution's name
/// (`name_words.tsv`), or at the head and one lower-case adjective, followed by a connector
/// ("di", "dei", "della"… of `speakers.tsv`) and a lower-case noun that completes such names,
/// takes both in: "Camera dei deputati", "Corte suprema di cassazione", "Ufficio di
/// presidenza" (the tagger often stops at the head).
fn institution_complements(
    text: &str,
    seg: &Segmentation,
    language: &Lang,
    mentions: &mut [Mention],
) {
    let is = |k: usize, kind: NameWord| is_name_word(text, seg, language, k, kind);
    let connector = |k: usize| {
        is_speaker_word(text, seg, &language.speakers, k, |w| {
            w == SpeakerWord::Connector
        })
    };
    let first_upper = |k: usize| starts_with_case(text, seg, k, false);
    let first_lower = |k: usize| starts_with_case(text, seg, k, true);
    // Mentions are in text order and do not overlap.
    let starts: Vec<usize> = mentions.iter().map(|m| m.tokens.start).collect();
    for m in mentions.iter_mut().filter(|m| m.kind == EntityType::Org) {
        let last = m.tokens.end - 1;
        let head = if last > m.tokens.start && first_lower(last) {
            last - 1
        } else {
            last
        };
        let k = m.tokens.end;
        let free = |k: usize| starts.binary_search(&k).is_err();
        if first_upper(head)
            && is(head, NameWord::Head)
            && free(k)
            && free(k + 1)
            && connector(k)
            && first_lower(k + 1)
            && is(k + 1, NameWord::Complement)
        {
            m.tokens.end = k + 2;
            m.span.end = seg.tokens[k + 1].span.end;
        }
    }
}

/// A one-word place or organisation mention that is the surname or the given name of a
/// person the document names with both ("Francesca Schiavone" … "la Schiavone"; "April
/// Jones" … "padre di April") is that person: a two-word person mention whose first word is a
/// given name (`data/ner/first_names.txt`) gives its last word, and its first word too. Not
/// after a masculine article of `name_words.tsv` ("lo Stirpe" is a stadium), an opening
/// quote or parenthesis ("Vincent Bolloré (Bolloré)" is his firm).
fn surnames_and_given_names(
    text: &str,
    seg: &Segmentation,
    language: &Lang,
    mentions: &mut [Mention],
) {
    let mut names: Vec<&str> = Vec::new();
    for m in mentions.iter().filter(|m| m.kind == EntityType::Per) {
        let mut words = text[m.span.clone()].split_whitespace();
        if let (Some(given), Some(surname), None) = (words.next(), words.next(), words.next())
            && cronaca_ner::is_given_name(given)
        {
            names.push(given);
            names.push(surname);
        }
    }
    if names.is_empty() {
        return;
    }
    let set_off = |k: usize| {
        k.checked_sub(1).is_some_and(|j| {
            let w = &text[seg.tokens[j].span.clone()];
            matches!(w, "(" | "\"" | "«" | "“" | "'")
                || is_name_word(text, seg, language, j, NameWord::Masculine)
        })
    };
    for m in mentions
        .iter_mut()
        .filter(|m| m.kind != EntityType::Per && m.tokens.len() == 1)
    {
        if names.contains(&&text[m.span.clone()]) && !set_off(m.tokens.start) {
            m.kind = EntityType::Per;
        }
    }
}

/// A mention whose words are a name of two or more words written twice, with a space between
/// ("April Jones April Jones": a title run into the next sentence; not "M.M.") is two
/// mentions of it (in the Italian training
/// gold no name of two or more words repeats itself, while 15 pairs of one name follow each
/// other).
fn repeated_names(text: &str, seg: &Segmentation, mentions: &mut Vec<Mention>) {
    let word = |k: usize| &text[seg.tokens[k].span.clone()];
    let mut halves = Vec::new();
    for m in mentions.iter_mut() {
        let n = m.tokens.len();
        let half = n / 2;
        let mid = m.tokens.start + half;
        if n < 4
            || n % 2 != 0
            || seg.tokens[mid - 1].span.end == seg.tokens[mid].span.start
            || !(0..half).all(|i| word(m.tokens.start + i) == word(mid + i))
        {
            continue;
        }
        let second = m.tokens.start + half..m.tokens.end;
        m.tokens.end = second.start;
        m.span = token_span(seg, &m.tokens);
        halves.push(Mention {
            span: token_span(seg, &second),
            tokens: second,
            kind: m.kind,
            confidence: m.confidence,
        });
    }
    if !halves.is_empty() {
        mentions.extend(halves);
        mentions.sort_by_key(|m| m.tokens.start);
    }
}

/// A mention that opens a quotation mark inside the name and stops before the mark that closes
/// it ('ospedale "Regina Margherita') takes the closing mark in: names quote whole words
/// (in the Italian training gold all 14 names with quotation marks have both).
fn closing_quotes(text: &str, seg: &Segmentation, mentions: &mut [Mention]) {
    // Mentions are in text order and do not overlap.
    let starts: Vec<usize> = mentions.iter().map(|m| m.tokens.start).collect();
    for m in mentions.iter_mut() {
        let inside = &text[m.span.clone()];
        let Some(next) = seg.tokens.get(m.tokens.end) else {
            continue;
        };
        let closing = &text[next.span.clone()];
        let open = match closing {
            "\"" => inside.matches('"').count() % 2 == 1,
            "»" => inside.matches('«').count() > inside.matches('»').count(),
            "”" => inside.matches('“').count() > inside.matches('”').count(),
            _ => false,
        };
        if open && starts.binary_search(&m.tokens.end).is_err() {
            m.tokens.end += 1;
            m.span.end = next.span.end;
        }
    }
}

/// An organisation's mention followed by a national adjective in lower case, a demonym the
/// gazetteer knows ("governo inglese", "guardia costiera americana"), takes it in.
fn national_adjectives(
    text: &str,
    seg: &Segmentation,
    matches: &[cronaca_gazetteer::Match],
    mentions: &mut [Mention],
) {
    take_neighbour(
        seg,
        mentions,
        Side::After,
        |m| m.kind == EntityType::Org,
        |k| {
            starts_with_case(text, seg, k, true)
                && matches
                    .iter()
                    .any(|x| x.tokens == (k..k + 1) && x.kinds.contains(Kinds::DEMONYM))
        },
        None,
    );
}

/// Names introduced with an acronym in parentheses: "Organizzazione del Trattato di Sicurezza
/// Collettiva (Csto)". The name's mention is extended over capitalised words the tagger left
/// before the parenthesis, and every occurrence of the acronym in the document becomes a
/// mention of the name's type (the tagger often misses or mistypes lone acronyms).
fn acronyms(text: &str, seg: &Segmentation, mentions: &mut Vec<Mention>) {
    let word = |k: usize| seg.tokens.get(k).map(|t| &text[t.span.clone()]);
    let mut found: Vec<(String, EntityType, f32)> = Vec::new();
    for m in mentions.iter_mut() {
        if m.kind == EntityType::Per || m.tokens.len() < 2 {
            continue;
        }
        let mut end = m.tokens.end;
        while end < m.tokens.end + 3
            && word(end).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            end += 1;
        }
        let (Some("("), Some(acr), Some(")")) = (word(end), word(end + 1), word(end + 2)) else {
            continue;
        };
        let name = &text[m.span.start..seg.tokens[end - 1].span.end];
        if !coref::abbreviates(acr, name) {
            continue;
        }
        m.tokens.end = end;
        m.span.end = seg.tokens[end - 1].span.end;
        found.push((acr.to_string(), m.kind, m.confidence));
    }
    // Drop mentions swallowed by an extension.
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        match kept.last() {
            Some(last) if last.tokens.end > m.tokens.start => {}
            _ => kept.push(m),
        }
    }
    for (acr, kind, confidence) in found {
        for (k, tok) in seg.tokens.iter().enumerate() {
            if text[tok.span.clone()] != acr {
                continue;
            }
            match kept.iter_mut().find(|m| m.tokens.contains(&k)) {
                Some(m) if m.tokens.len() == 1 => m.kind = kind,
                Some(_) => {}
                None => kept.push(Mention {
                    span: tok.span.clone(),
                    tokens: k..k + 1,
                    kind,
                    confidence,
                }),
            }
        }
    }
    kept.sort_by_key(|m| m.tokens.start);
    *mentions = kept;
}
