//! A compact multilingual gazetteer for cronaca: places with GeoNames ids and coordinates,
//! countries, organisations, media, people, demonyms and organisation patterns; a matcher over
//! token sequences for the tagger's features; and entity linking with geocoding.
//!
//! # Overview
//! - [`Gazetteer`] holds the place index (≈ 272 k places from GeoNames, built from registry
//!   packages by `scripts/build_gazetteer.py` and compiled into the binary, or memory-mapped
//!   from a file) and the team's reviewed facts (`data/gazetteer/*.tsv`,
//!   `data/lang/<code>/{demonyms,org_patterns}.tsv`), plus user dictionaries merged at load.
//! - [`Gazetteer::annotate`] finds every gazetteer name in a token sequence ([`Match`]).
//! - [`Gazetteer::link`] turns an entity (type, mentions, language, article [`Context`]) into a
//!   [`Link`]: canonical name, ids, country, coordinates, subtype, confidence.
//!
//! # Example
//! ```
//! use cronaca_gazetteer::{EntityType, Gazetteer, Subtype};
//!
//! let gaz = Gazetteer::builtin().unwrap();
//! let tokens = ["Scontri", "ad", "Almaty", ",", "in", "Kazakistan"];
//! let ctx = gaz.context_from_tokens("it", &tokens);
//! let almaty = gaz.link(EntityType::Loc, &["Almaty"], "it", &ctx).unwrap();
//! assert_eq!(almaty.ids.geonames, Some(1526384));
//! assert_eq!(almaty.country.as_deref(), Some("KZ"));
//! let matches = gaz.annotate("it", &tokens);
//! assert!(matches.iter().any(|m| m.tokens == (5..6) && m.kinds.contains(cronaca_gazetteer::Kinds::COUNTRY)));
//! let health = gaz.link(EntityType::Org, &["Ministero della Salute"], "it", &ctx).unwrap();
//! assert_eq!((health.subtype, health.country.as_deref()), (Some(Subtype::Ministry), Some("KZ")));
//! ```
//!
//! # Features
//! No Cargo features. The place index is built by `build.rs` from
//! `data/gazetteer/places.tsv.gz` and embedded; [`Gazetteer::open`] maps an index written by
//! [`write_index`] instead.

#![deny(missing_docs)]

mod entry;
mod error;
mod facts;
mod fold;
mod format;
mod kind;
mod link;
mod places;

pub use entry::{EntityType, Geo, Ids, Precision, Subtype};
pub use error::LoadError;
pub use facts::{Fact, LANGUAGES};
pub use fold::{fold, fold_into};
pub use kind::Kinds;
pub use link::{Context, Link};
pub use places::{Place, PlaceKind};

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use facts::Facts;
use places::{Backing, PlaceIndex};

static BUILTIN_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places.idx"));

/// Writes a place index for a places TSV (the format `scripts/build_gazetteer.py` documents),
/// for [`Gazetteer::open`].
pub fn write_index(places_tsv: &str) -> Result<Vec<u8>, LoadError> {
    format::write_index(places_tsv).map_err(|e| LoadError::new(vec![e]))
}

/// The gazetteer: immutable once built, `Send + Sync`; one instance serves every thread.
#[derive(Debug)]
pub struct Gazetteer {
    /// Distinguishes gazetteers (and versions of one with user entries) in the per-thread
    /// cache of [`Gazetteer::annotate`].
    id: u64,
    places: PlaceIndex,
    facts: Facts,
    /// Country code → place id of the country.
    country_places: HashMap<[u8; 2], u32>,
    /// Country code → the team's country fact (canonical name, Wikidata id).
    country_facts: HashMap<[u8; 2], u32>,
}

/// A name found by [`Gazetteer::lookup`].
#[derive(Clone, Copy, Debug)]
pub enum Candidate<'g> {
    /// A place of the index.
    Place(Place<'g>),
    /// A team-written or user entry.
    Fact(&'g Fact),
}

/// A gazetteer name found in a token sequence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    /// The tokens it covers (half-open, indices into the slice given to `annotate`).
    pub tokens: Range<usize>,
    /// What the name can be.
    pub kinds: Kinds,
}

/// Longest name, in non-empty tokens, that [`Gazetteer::annotate`] looks for.
pub const MAX_MATCH_TOKENS: usize = 8;

impl Gazetteer {
    /// The gazetteer compiled into the binary with the team's facts.
    pub fn builtin() -> Result<Gazetteer, LoadError> {
        Gazetteer::from_backing(Backing::Static(BUILTIN_INDEX))
    }

    /// Memory-maps a place index written by [`write_index`], with the team's facts.
    pub fn open(path: impl AsRef<Path>) -> Result<Gazetteer, LoadError> {
        let path = path.as_ref();
        let file = std::fs::File::open(path)
            .map_err(|e| LoadError::new(vec![format!("{}: {e}", path.display())]))?;
        // SAFETY: the map is read-only; the index file is not expected to change while open
        // (as with any memory-mapped index; a truncated file is caught by the length checks).
        let map = unsafe { memmap2::Mmap::map(&file) }
            .map_err(|e| LoadError::new(vec![format!("{}: {e}", path.display())]))?;
        Gazetteer::from_backing(Backing::Mapped(map))
            .map_err(|e| LoadError::new(vec![format!("{}: {e}", path.display())]))
    }

    fn from_backing(backing: Backing) -> Result<Gazetteer, LoadError> {
        let places = PlaceIndex::new(backing).map_err(|e| LoadError::new(vec![e]))?;
        let mut facts = Facts::default();
        let mut problems = Vec::new();
        for (path, content) in facts::BUILTIN_FILES {
            facts.parse_file(path, content, &mut problems);
        }
        if !problems.is_empty() {
            return Err(LoadError::new(problems));
        }
        facts.finish();
        let country_places = places.countries().map(|p| (p.country, p.id)).collect();
        let mut gaz = Gazetteer {
            id: next_id(),
            places,
            facts,
            country_places,
            country_facts: HashMap::new(),
        };
        gaz.index_country_facts();
        Ok(gaz)
    }

    fn index_country_facts(&mut self) {
        self.country_facts = self
            .facts
            .facts
            .iter()
            .enumerate()
            .filter(|(_, f)| f.kind == Kinds::COUNTRY)
            .filter_map(|(i, f)| {
                let cc = f.country.as_ref()?.as_bytes();
                Some(([cc[0], cc[1]], i as u32))
            })
            .collect();
    }

    /// Merges a user dictionary (CSV or JSON Lines, see the crate's README) into the
    /// gazetteer; its entries come before the built-in ones of the same name when linking.
    pub fn with_user_dictionary(mut self, path: impl AsRef<Path>) -> Result<Gazetteer, LoadError> {
        self.facts.read_user(path.as_ref())?;
        self.facts.finish();
        self.id = next_id();
        self.index_country_facts();
        Ok(self)
    }

    /// Number of places in the index.
    pub fn place_count(&self) -> usize {
        self.places.len()
    }

    /// Number of team and user entries.
    pub fn fact_count(&self) -> usize {
        self.facts.facts.len()
    }

    /// The place with id `id` (from a [`Place`] or [`Place::admin1`]).
    ///
    /// # Panics
    /// When `id` is not a place id of this gazetteer.
    pub fn place(&self, id: u32) -> Place<'_> {
        self.places.place(id)
    }

    /// The country place for an ISO 3166-1 alpha-2 code.
    pub fn country(&self, code: &str) -> Option<Place<'_>> {
        let b = code.as_bytes();
        (b.len() == 2)
            .then(|| self.country_places.get(&[b[0], b[1]]))
            .flatten()
            .map(|&id| self.places.place(id))
    }

    /// Every entry named `name` (folded for the lookup; case-sensitive acronyms must match
    /// as written): team and user facts first, then places, most populous first.
    pub fn lookup(&self, name: &str) -> Vec<Candidate<'_>> {
        let key = fold(name);
        let mut out: Vec<Candidate> = self.facts_named(&key, name).map(Candidate::Fact).collect();
        out.extend(self.places.lookup(&key).into_iter().map(Candidate::Place));
        out
    }

    /// Whether `written` is, exactly as written, a name the team or the user wrote starting in
    /// lower case ("dpa", "al-Qaeda"): such names need no capital to be names.
    pub fn is_lower_case_name(&self, written: &str) -> bool {
        self.facts.lower_initial.contains(written)
    }

    /// The team and user facts of [`Gazetteer::lookup`] alone, for `name` folded to `key`:
    /// without decoding the places of the same name (a common word may name hundreds).
    fn facts_named<'g, 'n>(
        &'g self,
        key: &str,
        name: &'n str,
    ) -> impl Iterator<Item = &'g Fact> + use<'g, 'n> {
        let name = name.trim();
        self.facts
            .lookup(key)
            .iter()
            .filter(move |p| p.exact.as_deref().is_none_or(|e| e == name))
            .map(|p| &self.facts.facts[p.fact as usize])
    }

    /// Finds every gazetteer name in `tokens` (of an article in language `lang`): for each
    /// start token, each end at which a name ends, up to [`MAX_MATCH_TOKENS`] tokens. Tokens
    /// that fold to nothing (hyphens, full stops) may sit inside a name ("Khabar - 24") but
    /// never start or end one. Demonyms and organisation patterns match only in their language.
    pub fn annotate(&self, lang: &str, tokens: &[&str]) -> Vec<Match> {
        // Every token folded into one buffer: token `k` is `all[ends[k - 1]..ends[k]]`.
        let mut all = String::new();
        let mut ends: Vec<usize> = Vec::with_capacity(tokens.len());
        for t in tokens {
            fold_into(t, &mut all);
            ends.push(all.len());
        }
        let folded = |k: usize| &all[if k == 0 { 0 } else { ends[k - 1] }..ends[k]];
        let mut out = Vec::new();
        let place_fst = self.places.fst().as_fst();
        let fact_fst = self.facts.fst.as_fst();
        FIRST_STEPS.with_borrow_mut(|(id, first_steps)| {
            if *id != self.id || first_steps.len() >= FIRST_STEPS_KEPT {
                *id = self.id;
                first_steps.clear();
            }
            for start in 0..tokens.len() {
                let first = folded(start);
                if first.is_empty() {
                    continue;
                }
                let steps = match first_steps.get(first) {
                    Some(steps) => *steps,
                    None => {
                        let steps = [
                            FirstStep::new(place_fst, first),
                            FirstStep::new(fact_fst, first),
                        ];
                        first_steps.insert(first.into(), steps);
                        steps
                    }
                };
                let [ps, fs] = steps;
                if ps.is_none() && fs.is_none() {
                    continue;
                }
                let (mut p, mut f) = (None, None);
                let mut words = 0;
                let mut prev = start;
                for end in start..tokens.len() {
                    let word = folded(end);
                    if word.is_empty() {
                        continue;
                    }
                    words += 1;
                    if words > MAX_MATCH_TOKENS {
                        break;
                    }
                    let (pv, fv) = if words == 1 {
                        (ps.and_then(|s| s.value), fs.and_then(|s| s.value))
                    } else {
                        let joined = folded(prev).ends_with('\'');
                        if words == 2 {
                            // The walks resume after the first word, or after it and a space.
                            let resume = |s: FirstStep| if joined { Some(s.at) } else { s.space };
                            p = ps.and_then(resume).map(|s| Walk::at(place_fst, s));
                            f = fs.and_then(resume).map(|s| Walk::at(fact_fst, s));
                            advance(&mut p, false, word.as_bytes());
                            advance(&mut f, false, word.as_bytes());
                        } else {
                            advance(&mut p, !joined, word.as_bytes());
                            advance(&mut f, !joined, word.as_bytes());
                        }
                        if p.is_none() && f.is_none() {
                            break;
                        }
                        (
                            p.as_ref().and_then(Walk::value),
                            f.as_ref().and_then(Walk::value),
                        )
                    };
                    prev = end;
                    let mut kinds = Kinds::empty();
                    if let Some(v) = pv {
                        kinds |= Kinds((v >> 48) as u16);
                    }
                    if let Some(v) = fv {
                        kinds |= self.fact_kinds(v, lang, &tokens[start..=end]);
                    }
                    if !kinds.is_empty() {
                        out.push(Match {
                            tokens: start..end + 1,
                            kinds,
                        });
                    }
                }
            }
        });
        out
    }

    /// Kinds of a fact key matched on `tokens`, honouring languages and exact forms.
    fn fact_kinds(&self, value: u64, lang: &str, tokens: &[&str]) -> Kinds {
        let mut kinds = Kinds::empty();
        let mut text: Option<String> = None;
        for p in &self.facts.postings[(value & 0xffff_ffff) as usize] {
            let fact = &self.facts.facts[p.fact as usize];
            if fact.lang.as_deref().is_some_and(|l| l != lang) {
                continue;
            }
            if let Some(exact) = &p.exact {
                let t = text.get_or_insert_with(|| tokens.join(" "));
                if t != exact.as_ref() && tokens.concat() != exact.as_ref() {
                    continue;
                }
            }
            kinds |= fact.kind;
        }
        kinds
    }

    pub(crate) fn facts(&self) -> &Facts {
        &self.facts
    }

    pub(crate) fn country_fact(&self, code: &[u8; 2]) -> Option<&Fact> {
        self.country_facts
            .get(code)
            .map(|&i| &self.facts.facts[i as usize])
    }

    pub(crate) fn country_place_id(&self, code: &[u8; 2]) -> Option<u32> {
        self.country_places.get(code).copied()
    }

    pub(crate) fn places_index(&self) -> &PlaceIndex {
        &self.places
    }
}

/// How many first words [`Gazetteer::annotate`] remembers per thread before starting over.
const FIRST_STEPS_KEPT: usize = 100_000;

thread_local! {
    /// Per thread, for the gazetteer with this id: where the walks down the place and fact
    /// fsts stand after each folded first word ([`FirstStep`]; `None`: no name starts so).
    /// Most walks end within their first word, and words repeat from text to text.
    static FIRST_STEPS: std::cell::RefCell<(u64, FirstSteps)> =
        std::cell::RefCell::new((0, FirstSteps::default()));
}

type FirstSteps = rustc_hash::FxHashMap<Box<str>, [Option<FirstStep>; 2]>;

/// Where a walk down an fst stands after a first word: the node reached (its address and the
/// output gathered), the value when a name ends there, and where a space after it leads (no
/// name goes on: `None`, the common case, which then costs no node decoding at all).
#[derive(Clone, Copy, Debug)]
struct FirstStep {
    at: (usize, u64),
    value: Option<u64>,
    space: Option<(usize, u64)>,
}

impl FirstStep {
    /// The step of `word` from the root of `fst`, or `None` when no name starts so.
    fn new<D: AsRef<[u8]>>(fst: &fst::raw::Fst<D>, word: &str) -> Option<FirstStep> {
        let mut w = Walk::new(fst);
        if !w.feed(word.as_bytes()) {
            return None;
        }
        let (at, value) = (w.state(), w.value());
        let space = w.feed(b" ").then(|| w.state());
        Some(FirstStep { at, value, space })
    }
}

/// A new gazetteer id (never 0, the id of no gazetteer).
fn next_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Feeds one word (after a space when `space`) to a walk; a walk that falls off becomes `None`.
fn advance<D: AsRef<[u8]>>(walk: &mut Option<Walk<'_, D>>, space: bool, word: &[u8]) {
    if let Some(w) = walk
        && !((!space || w.feed(b" ")) && w.feed(word))
    {
        *walk = None;
    }
}

/// A walk down an fst, one byte string at a time.
struct Walk<'f, D: AsRef<[u8]>> {
    fst: &'f fst::raw::Fst<D>,
    node: fst::raw::Node<'f>,
    out: fst::raw::Output,
}

impl<'f, D: AsRef<[u8]>> Walk<'f, D> {
    fn new(fst: &'f fst::raw::Fst<D>) -> Self {
        Walk {
            fst,
            node: fst.root(),
            out: fst::raw::Output::zero(),
        }
    }

    /// A walk resumed where [`Walk::state`] was taken.
    fn at(fst: &'f fst::raw::Fst<D>, (addr, out): (usize, u64)) -> Self {
        Walk {
            fst,
            node: fst.node(addr),
            out: fst::raw::Output::new(out),
        }
    }

    /// The node and output reached, to resume with [`Walk::at`].
    fn state(&self) -> (usize, u64) {
        (self.node.addr(), self.out.value())
    }

    fn feed(&mut self, bytes: &[u8]) -> bool {
        for &b in bytes {
            match self.node.find_input(b) {
                Some(i) => {
                    let t = self.node.transition(i);
                    self.out = self.out.cat(t.out);
                    self.node = self.fst.node(t.addr);
                }
                None => return false,
            }
        }
        true
    }

    fn value(&self) -> Option<u64> {
        self.node
            .is_final()
            .then(|| self.out.cat(self.node.final_output()).value())
    }
}

#[cfg(test)]
mod tests;
