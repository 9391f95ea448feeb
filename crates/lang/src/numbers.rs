//! Number words, vague quantifiers, units and range patterns of one language, read from
//! `numbers.tsv`, `quantifiers.tsv`, `units.tsv` and `ranges.tsv`.
//!
//! Every form is stored folded (lower case, `’` as `'`) in one [`fst::Map`] together with the
//! variants the loader generates: accent-less spellings ("ventitre" for "ventitré"), the
//! language's transliterations ("fuenf" for "fünf") and the inflected forms of ordinals
//! ("prima", "primi" from "primo"). The map is a trie, so the extractor can walk a word byte by
//! byte and find every known prefix, which is how glued compounds ("duecentoquarantatre") are
//! cut into morphemes without allocating.
use crate::error::Problems;
use crate::{Conventions, LangFiles};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::fmt;
use unicode_normalization::UnicodeNormalization;

/// What a number word does when numbers are composed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// 0–9: "tre", "three", "drei".
    Unit,
    /// 10–19: "tredici", "thirteen".
    Teen,
    /// 20–90: "trenta", "thirty", "quatre vingt".
    Ten,
    /// The word for hundred, multiplying what comes before it: "cento", "hundred", "cent".
    Hundred,
    /// A hundreds word with its own value: "doscientos" (200), "quinientos".
    Hundreds,
    /// Thousand and above, closing a group: "mila", "million", "Milliarden".
    Multiplier,
    /// An article that counts as one before a multiplier or fraction: "a", "an".
    Article,
    /// A word joining parts of a number: "e", "and", "y", "et", "und".
    Joiner,
    /// The decimal point in words: "punto", "point", "coma", "virgule".
    Decimal,
    /// A negative sign in words: "meno", "minus", "negative".
    Negative,
    /// A denominator that is not an ordinal: "mezzo" (2), "half", "quarter", "Drittel".
    Fraction,
    /// A suffix turning a cardinal into a denominator: Spanish "avos" in "veinteavos".
    FractionSuffix,
    /// "over" in "one over three": numerator, the word, denominator.
    Over,
    /// A multiplier glued to digits, matched case-sensitively: "k" in "10k", "M", "bln".
    Suffix,
    /// An ordinal ending glued to digits: "st" in "21st", "°", "esimo", "ère".
    OrdinalSuffix,
    /// A word before which a lone "one" is a pronoun, not a number: "this", "that".
    Determiner,
}

impl Role {
    const NAMES: [(&'static str, Role); 16] = [
        ("unit", Role::Unit),
        ("teen", Role::Teen),
        ("ten", Role::Ten),
        ("hundred", Role::Hundred),
        ("hundreds", Role::Hundreds),
        ("multiplier", Role::Multiplier),
        ("article", Role::Article),
        ("joiner", Role::Joiner),
        ("decimal", Role::Decimal),
        ("negative", Role::Negative),
        ("fraction", Role::Fraction),
        ("fraction-suffix", Role::FractionSuffix),
        ("over", Role::Over),
        ("suffix", Role::Suffix),
        ("ordinal-suffix", Role::OrdinalSuffix),
        ("determiner", Role::Determiner),
    ];

    fn parse(s: &str) -> Option<Role> {
        Role::NAMES.iter().find(|(n, _)| *n == s).map(|&(_, r)| r)
    }

    /// The name used in `numbers.tsv`.
    pub fn name(self) -> &'static str {
        Role::NAMES
            .iter()
            .find(|(_, r)| *r == self)
            .map_or("?", |(n, _)| n)
    }

    /// True for the roles that carry a place value (unit … multiplier).
    pub fn is_numeral(self) -> bool {
        matches!(
            self,
            Role::Unit | Role::Teen | Role::Ten | Role::Hundred | Role::Hundreds | Role::Multiplier
        )
    }
}

/// A line of `numbers.tsv`, or a variant generated from it.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberWord {
    /// The form as written in the data file (the rule id uses it).
    pub form: String,
    /// Its value (0 for roles without one).
    pub value: f64,
    /// What it does in composition.
    pub role: Role,
    /// An ordinal ("primo", "twenty-first", "milionesimo"); it can also be a denominator.
    pub ordinal: bool,
    /// A plural form (an ordinal as denominator: "quinti", "fifths").
    pub plural: bool,
    /// Only inside a glued compound, never alone ("vent" in "ventuno").
    pub inner: bool,
    /// Also an article or pronoun ("un", "una", "one"): alone it gets a low confidence.
    pub weak: bool,
    /// A ten that can take a teen after it ("soixante" + "dix").
    pub takes_teen: bool,
    /// Never a number alone, only after another number ("mila", "millions").
    pub after_number: bool,
    /// A lone occurrence after a [`Role::Determiner`] is a pronoun ("this one").
    pub pronoun: bool,
    /// A joiner after which a ten may follow a unit ("und" in "einundzwanzig").
    pub reverse: bool,
}

/// A vague multiple (`quantifiers.tsv`): "decine", "dozens", "una decina".
#[derive(Clone, Debug, PartialEq)]
pub struct QuantifierWord {
    /// The form as written in the data file.
    pub form: String,
    /// The multiple it counts in: 10 for "decine", 12 for "dozens".
    pub unit: f64,
    /// What it means alone.
    pub reading: QuantifierReading,
    /// For a plural: the count it stays below, when that is not ten units ("dozens" stay
    /// below a gross, 144: 24–143); `None` means 10 × unit ("decine": 20–99).
    pub ceiling: Option<f64>,
}

/// How a [`QuantifierWord`] reads without a number before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuantifierReading {
    /// Several multiples: "decine" → 2u..10u−1.
    Plural,
    /// About one multiple: "una decina" → about u.
    Single,
    /// Only after a number, as a multiplier: "dz" in "3 dz".
    Abbreviation,
}

/// What a [`UnitWord`] makes of the number it goes with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// "%", "per cento", "percent".
    Percent,
    /// A currency, with its ISO code.
    Money,
    /// A unit of measure ("km", "kg").
    Measure,
}

/// Where a [`UnitWord`] stands relative to its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitPosition {
    /// "27 %", "14 euro".
    After,
    /// "$10", "percent of 10".
    Before,
    /// Either side ("€").
    Both,
}

/// A percent word, currency or unit of measure (`units.tsv`).
#[derive(Clone, Debug, PartialEq)]
pub struct UnitWord {
    /// The form as written in the data file.
    pub form: String,
    /// Percent, money or measure.
    pub kind: UnitKind,
    /// ISO 4217 code for money, the unit symbol for measures, "%" for percent.
    pub code: String,
    /// Where it stands.
    pub position: UnitPosition,
}

/// Any reading of a folded form.
#[derive(Clone, Debug, PartialEq)]
pub enum Reading {
    /// From `numbers.tsv`.
    Number(NumberWord),
    /// From `quantifiers.tsv`.
    Quantifier(QuantifierWord),
    /// From `units.tsv`.
    Unit(UnitWord),
}

/// One element of a range pattern (`ranges.tsv`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PatternPart {
    /// A word or symbol, folded.
    Literal(String),
    /// The first number, `{a}`.
    A,
    /// The second number, `{b}`.
    B,
}

/// What a range pattern says about its numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// From a to b ("tra 10 e 20").
    Between,
    /// Above a, exclusive ("più di 30").
    MoreThan,
    /// a or more ("almeno 5").
    AtLeast,
    /// Below a, exclusive ("meno di 30").
    LessThan,
    /// a or less ("fino a 30").
    AtMost,
}

/// A line of `ranges.tsv`: "più di {a}" → more than.
#[derive(Clone, Debug, PartialEq)]
pub struct RangePattern {
    /// The pattern as written.
    pub pattern: String,
    /// Its parts.
    pub parts: Vec<PatternPart>,
    /// Its meaning.
    pub bound: Bound,
    /// The index of `{a}` in `parts`.
    pub a: usize,
    /// The part a match checks first, when it is a literal: the one right before `{a}` (or,
    /// when `{a}` comes first, right after it), folded and without accents
    /// ([`strip_accents`]). A word that differs from it in that form cannot match it.
    pub first_literal: Option<String>,
}

/// What [`Numbers::probe`] found for a word.
#[derive(Clone, Copy, Debug)]
pub struct Probe<'a> {
    /// The word's readings (empty if it is not a form).
    pub readings: &'a [Reading],
    /// A numeral form is a strict prefix of the word, which is no form, in a language whose
    /// number words glue ([`Numbers::compounds`]).
    pub numeral_prefix: bool,
    /// A multi-word form starts with the word and a space.
    pub multi_word: bool,
}

/// Everything a language says about numbers.
#[derive(Clone, Default)]
pub struct Numbers {
    map: fst::Map<Vec<u8>>,
    readings: Vec<Vec<Reading>>,
    /// A hashed set of the first one, two and three bytes of every form: a word whose first
    /// (up to) three bytes are not in it is no form and starts none. Empty: no filter.
    starts: Vec<u64>,
    /// [`probe`](Self::probe) without the trie: every form and every start of a multi-word
    /// form before a space ("per" of "per cento"), with the form's readings (an index into
    /// `readings`, `u32::MAX` for none) and whether a multi-word form starts with it and a
    /// space. The trie walk costs a node decoding per byte; one hash lookup is several times
    /// cheaper, and most words of a text are looked up.
    words: FxHashMap<Box<[u8]>, (u32, bool)>,
    /// A hashed set of the numerals' first (up to) three bytes, to tell cheaply that no
    /// numeral is a prefix of a word.
    numeral_starts: Vec<u64>,
    /// Multipliers glued to digits, longest first, matched case-sensitively: ("k", 1000).
    pub suffixes: Vec<(String, f64)>,
    /// Ordinal endings after digits, longest first, folded: "esimo", "st", "°".
    pub ordinal_suffixes: Vec<String>,
    /// Range patterns, in file order.
    pub ranges: Vec<RangePattern>,
    /// Whether number words glue into one word ("duecentoquarantatre").
    pub compounds: bool,
    /// The largest number of words in a multi-word form ("per cento" = 2).
    pub max_words: usize,
}

impl fmt::Debug for Numbers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Numbers")
            .field("forms", &self.map.len())
            .field("suffixes", &self.suffixes)
            .field("ranges", &self.ranges.len())
            .finish()
    }
}

/// Folds a form or a word the way the lexicon stores it: lower case, `’`/`ʼ` as `'`.
/// Appends to `out`, which is cleared first, so callers can reuse one buffer.
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match c {
            '’' | 'ʼ' | '‘' => out.push('\''),
            c if c.is_uppercase() => out.extend(c.to_lowercase()),
            c => out.push(c),
        }
    }
}

fn fold(word: &str) -> String {
    let mut s = String::new();
    fold_into(word, &mut s);
    s
}

/// The form without accents on Latin letters ("ventitré" → "ventitre"); other scripts keep
/// theirs (Russian "й" stays).
pub fn strip_accents(form: &str) -> String {
    let mut out = String::with_capacity(form.len());
    for c in form.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let mut base = c.to_string().nfd().collect::<Vec<char>>();
        if base.len() > 1 && base[0].is_ascii_alphabetic() {
            base.truncate(1);
            out.push(base[0]);
        } else {
            out.push(c);
        }
    }
    out
}

/// The bit of [`Numbers::starts`] (or `numeral_starts`) for the first bytes of a word.
fn start_bit(head: &[u8]) -> usize {
    let mut h = head.len() as u32;
    for &b in head {
        h = (h ^ u32::from(b)).wrapping_mul(0x9E37_79B1);
    }
    ((h ^ (h >> 16)) & 0xFFFF) as usize
}

impl Numbers {
    /// False when no form starts with the first (up to three) bytes of `folded`: then neither
    /// [`get`](Self::get) nor [`has_prefix`](Self::has_prefix) can find anything.
    fn may_start(&self, folded: &[u8]) -> bool {
        if self.starts.is_empty() || folded.is_empty() {
            return true;
        }
        let bit = start_bit(&folded[..folded.len().min(3)]);
        self.starts[bit >> 6] & (1 << (bit & 63)) != 0
    }

    /// Every reading of an already folded form.
    pub fn get(&self, folded: &str) -> &[Reading] {
        if !self.may_start(folded.as_bytes()) {
            return &[];
        }
        match self.map.get(folded) {
            Some(i) => &self.readings[i as usize],
            None => &[],
        }
    }

    /// Calls `found(len, readings)` for every known form that is a prefix of `folded`
    /// (a walk down the trie: no allocation).
    pub fn prefixes<'a>(&'a self, folded: &[u8], mut found: impl FnMut(usize, &'a [Reading])) {
        let fst = self.map.as_fst();
        let mut node = fst.root();
        let mut out = fst::raw::Output::zero();
        for (i, &b) in folded.iter().enumerate() {
            match node.find_input(b) {
                Some(t) => {
                    let tr = node.transition(t);
                    out = out.cat(tr.out);
                    node = fst.node(tr.addr);
                    if node.is_final() {
                        let idx = out.cat(node.final_output()).value();
                        found(i + 1, &self.readings[idx as usize]);
                    }
                }
                None => return,
            }
        }
    }

    /// What the lexicon says about a folded word: its readings, whether a numeral is a strict
    /// prefix of it (a glued compound may start there; asked only in languages that glue
    /// number words, of words that are no form), and whether a multi-word form starts with it
    /// ("per" of "per cento").
    pub fn probe(&self, folded: &[u8]) -> Probe<'_> {
        let mut probe = Probe {
            readings: &[],
            numeral_prefix: false,
            multi_word: false,
        };
        if folded.is_empty() {
            probe.multi_word = self.has_prefix(b" ");
            return probe;
        }
        if let Some(&(k, multi_word)) = self.words.get(folded) {
            if let Some(r) = self.readings.get(k as usize) {
                probe.readings = r;
            }
            probe.multi_word = multi_word;
        }
        probe.numeral_prefix =
            self.compounds && probe.readings.is_empty() && self.numeral_prefix(folded);
        probe
    }

    /// True when a numeral form is a strict prefix of `folded`.
    fn numeral_prefix(&self, folded: &[u8]) -> bool {
        let has = |head: &[u8]| {
            let bit = start_bit(head);
            self.numeral_starts
                .get(bit >> 6)
                .is_some_and(|w| w & (1 << (bit & 63)) != 0)
        };
        if !(1..folded.len().min(4)).any(|n| has(&folded[..n])) {
            return false;
        }
        let mut found = false;
        self.prefixes(&folded[..folded.len() - 1], |_, readings| {
            found |= readings
                .iter()
                .any(|r| matches!(r, Reading::Number(w) if w.role.is_numeral()));
        });
        found
    }

    /// True when some form starts with `folded` (used for multi-word forms: "per" → "per cento").
    pub fn has_prefix(&self, folded: &[u8]) -> bool {
        if !self.may_start(folded) {
            return false;
        }
        let fst = self.map.as_fst();
        let mut node = fst.root();
        for &b in folded {
            match node.find_input(b) {
                Some(t) => node = fst.node(node.transition(t).addr),
                None => return false,
            }
        }
        true
    }

    /// How many folded forms the lexicon holds (variants included).
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when the language has no number data.
    pub fn is_empty(&self) -> bool {
        self.map.len() == 0
    }

    /// Reads the number files of a language; a missing file means "none".
    pub(crate) fn load(
        code: &str,
        files: &LangFiles,
        conventions: Option<&Conventions>,
        problems: &mut Problems,
    ) -> Numbers {
        let mut builder = Builder {
            entries: BTreeMap::new(),
            written: BTreeMap::new(),
            conventions,
        };
        let mut numbers = Numbers {
            compounds: conventions.is_some_and(|c| c.compounds),
            ..Numbers::default()
        };
        let path_of = |name: &str| {
            files.get(name).map_or_else(
                || format!("data/lang/{code}/{name}"),
                |(p, _)| p.to_string(),
            )
        };
        let path = path_of("numbers.tsv");
        for (line, text) in files.data_lines("numbers.tsv") {
            let cols: Vec<&str> = text.split('\t').collect();
            if cols.len() < 3 || cols.len() > 4 {
                problems.at(&path, line, format!("expected 3 or 4 tab-separated columns (form, value, role, flags), found {}", cols.len()));
                continue;
            }
            let form = cols[0].trim();
            let Some(role) = Role::parse(cols[2].trim()) else {
                let names: Vec<&str> = Role::NAMES.iter().map(|(n, _)| *n).collect();
                problems.at(
                    &path,
                    line,
                    format!(
                        "unknown role {:?} (expected {})",
                        cols[2].trim(),
                        names.join(", ")
                    ),
                );
                continue;
            };
            let value = match cols[1].trim() {
                "-" => 0.0,
                v => {
                    match parse_value(v) {
                        Some(v) => v,
                        None => {
                            problems.at(&path, line, format!("bad value {v:?} (expected a number, a fraction such as 1/2, or -)"));
                            continue;
                        }
                    }
                }
            };
            let mut word = NumberWord {
                form: form.to_string(),
                value,
                role,
                ordinal: false,
                plural: false,
                inner: false,
                weak: false,
                takes_teen: false,
                after_number: false,
                pronoun: false,
                reverse: false,
            };
            let mut stem = false;
            let mut bad = false;
            for flag in cols
                .get(3)
                .map_or("", |f| f.trim())
                .split(',')
                .map(str::trim)
                .filter(|f| !f.is_empty())
            {
                match flag {
                    "ordinal" => word.ordinal = true,
                    "plural" => word.plural = true,
                    "inner" => word.inner = true,
                    "weak" => word.weak = true,
                    "+teen" => word.takes_teen = true,
                    "after-number" => word.after_number = true,
                    "pronoun" => word.pronoun = true,
                    "reverse" => word.reverse = true,
                    "stem" => stem = true,
                    other => {
                        problems.at(&path, line, format!("unknown flag {other:?} (expected ordinal, plural, inner, weak, +teen, after-number, pronoun, reverse, stem)"));
                        bad = true;
                    }
                }
            }
            if bad || !builder.check_form(form, &path, line, problems) {
                continue;
            }
            match role {
                Role::Suffix => {
                    numbers.suffixes.push((form.to_string(), value));
                    continue;
                }
                Role::OrdinalSuffix => {
                    numbers.ordinal_suffixes.push(fold(form));
                    continue;
                }
                _ => {}
            }
            let key = (
                fold(form),
                format!(
                    "{}{}{}",
                    role.name(),
                    if word.ordinal { " ordinal" } else { "" },
                    if stem { " stem" } else { "" }
                ),
            );
            if let Some(first) = builder.written.insert(key, line) {
                problems.at(
                    &path,
                    line,
                    format!(
                        "duplicate form {form:?} with role {} (first on line {first})",
                        role.name()
                    ),
                );
                continue;
            }
            if word.ordinal {
                builder.add_ordinal(word, stem);
            } else {
                builder.add(form, Reading::Number(word));
            }
        }
        let path = path_of("quantifiers.tsv");
        for (line, text) in files.data_lines("quantifiers.tsv") {
            let cols: Vec<&str> = text.split('\t').map(str::trim).collect();
            if !(3..=4).contains(&cols.len()) {
                problems.at(
                    &path,
                    line,
                    format!(
                        "expected 3 or 4 tab-separated columns (form, unit, reading, ceiling), found {}",
                        cols.len()
                    ),
                );
                continue;
            }
            let Some(unit) = parse_value(cols[1]) else {
                problems.at(
                    &path,
                    line,
                    format!("bad unit {:?} (expected a number)", cols[1]),
                );
                continue;
            };
            let reading = match cols[2] {
                "plural" => QuantifierReading::Plural,
                "single" => QuantifierReading::Single,
                "abbreviation" => QuantifierReading::Abbreviation,
                other => {
                    problems.at(
                        &path,
                        line,
                        format!(
                            "unknown reading {other:?} (expected plural, single, abbreviation)"
                        ),
                    );
                    continue;
                }
            };
            if !builder.check_form(cols[0], &path, line, problems) {
                continue;
            }
            if let Some(first) = builder
                .written
                .insert((fold(cols[0]), "quantifier".into()), line)
            {
                problems.at(
                    &path,
                    line,
                    format!("duplicate form {:?} (first on line {first})", cols[0]),
                );
                continue;
            }
            let ceiling = match cols.get(3).map(|c| parse_value(c)) {
                None => None,
                Some(Some(c)) if reading == QuantifierReading::Plural && c > 2.0 * unit => Some(c),
                Some(_) => {
                    problems.at(
                        &path,
                        line,
                        format!(
                            "bad ceiling {:?} (a number above twice the unit, for plurals only)",
                            cols[3]
                        ),
                    );
                    continue;
                }
            };
            builder.add(
                cols[0],
                Reading::Quantifier(QuantifierWord {
                    form: cols[0].to_string(),
                    unit,
                    reading,
                    ceiling,
                }),
            );
        }
        let path = path_of("units.tsv");
        for (line, text) in files.data_lines("units.tsv") {
            let cols: Vec<&str> = text.split('\t').map(str::trim).collect();
            if cols.len() != 4 {
                problems.at(
                    &path,
                    line,
                    format!(
                        "expected 4 tab-separated columns (form, kind, code, position), found {}",
                        cols.len()
                    ),
                );
                continue;
            }
            let kind = match cols[1] {
                "percent" => UnitKind::Percent,
                "money" => UnitKind::Money,
                "measure" => UnitKind::Measure,
                other => {
                    problems.at(
                        &path,
                        line,
                        format!("unknown kind {other:?} (expected percent, money, measure)"),
                    );
                    continue;
                }
            };
            let position = match cols[3] {
                "after" => UnitPosition::After,
                "before" => UnitPosition::Before,
                "both" => UnitPosition::Both,
                other => {
                    problems.at(
                        &path,
                        line,
                        format!("unknown position {other:?} (expected after, before, both)"),
                    );
                    continue;
                }
            };
            if !builder.check_form(cols[0], &path, line, problems) {
                continue;
            }
            if let Some(first) = builder.written.insert((fold(cols[0]), "unit".into()), line) {
                problems.at(
                    &path,
                    line,
                    format!("duplicate form {:?} (first on line {first})", cols[0]),
                );
                continue;
            }
            builder.add(
                cols[0],
                Reading::Unit(UnitWord {
                    form: cols[0].to_string(),
                    kind,
                    code: cols[2].to_string(),
                    position,
                }),
            );
        }
        let path = path_of("ranges.tsv");
        for (line, text) in files.data_lines("ranges.tsv") {
            let cols: Vec<&str> = text.split('\t').map(str::trim).collect();
            if cols.len() != 2 {
                problems.at(
                    &path,
                    line,
                    format!(
                        "expected 2 tab-separated columns (pattern, bound), found {}",
                        cols.len()
                    ),
                );
                continue;
            }
            let bound = match cols[1] {
                "between" => Bound::Between,
                "more-than" => Bound::MoreThan,
                "at-least" => Bound::AtLeast,
                "less-than" => Bound::LessThan,
                "at-most" => Bound::AtMost,
                other => {
                    problems.at(&path, line, format!("unknown bound {other:?} (expected between, more-than, at-least, less-than, at-most)"));
                    continue;
                }
            };
            let parts = pattern_parts(cols[0]);
            let a = parts.iter().filter(|p| **p == PatternPart::A).count();
            let b = parts.iter().filter(|p| **p == PatternPart::B).count();
            let want_b = usize::from(bound == Bound::Between);
            if a != 1 || b != want_b {
                problems.at(
                    &path,
                    line,
                    format!(
                        "pattern {:?} needs {{a}} once{}",
                        cols[0],
                        if want_b == 1 {
                            " and {b} once"
                        } else {
                            " and no {b}"
                        }
                    ),
                );
                continue;
            }
            if numbers.ranges.iter().any(|r| r.parts == parts) {
                problems.at(&path, line, format!("duplicate pattern {:?}", cols[0]));
                continue;
            }
            let ka = parts
                .iter()
                .position(|p| *p == PatternPart::A)
                .expect("{a} was counted once");
            let next = if ka > 0 {
                parts.get(ka - 1)
            } else {
                parts.get(1)
            };
            let first_literal = match next {
                Some(PatternPart::Literal(lit)) => Some(strip_accents(lit)),
                _ => None,
            };
            numbers.ranges.push(RangePattern {
                pattern: cols[0].to_string(),
                parts,
                bound,
                a: ka,
                first_literal,
            });
        }
        numbers
            .suffixes
            .sort_by_key(|s| std::cmp::Reverse(s.0.len()));
        numbers
            .ordinal_suffixes
            .sort_by_key(|s| std::cmp::Reverse(s.len()));
        numbers.max_words = builder
            .entries
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        if !builder.entries.contains_key("") {
            let mut starts = vec![0u64; 1024];
            for k in builder.entries.keys() {
                let k = k.as_bytes();
                for n in 1..=k.len().min(3) {
                    let bit = start_bit(&k[..n]);
                    starts[bit >> 6] |= 1 << (bit & 63);
                }
            }
            numbers.starts = starts;
        }
        let mut numeral_starts = vec![0u64; 1024];
        for (k, readings) in &builder.entries {
            let numeral = readings
                .iter()
                .any(|r| matches!(r, Reading::Number(w) if w.role.is_numeral()));
            if numeral && !k.is_empty() {
                let bit = start_bit(&k.as_bytes()[..k.len().min(3)]);
                numeral_starts[bit >> 6] |= 1 << (bit & 63);
            }
        }
        numbers.numeral_starts = numeral_starts;
        let mut words: FxHashMap<Box<[u8]>, (u32, bool)> = FxHashMap::default();
        for (k, key) in builder.entries.keys().enumerate() {
            words
                .entry(key.as_bytes().into())
                .or_insert((u32::MAX, false))
                .0 = k as u32;
            for (at, _) in key.match_indices(' ') {
                words
                    .entry(key.as_bytes()[..at].into())
                    .or_insert((u32::MAX, false))
                    .1 = true;
            }
        }
        numbers.words = words;
        let mut readings = Vec::with_capacity(builder.entries.len());
        let map = fst::Map::from_iter(builder.entries.into_iter().map(|(k, v)| {
            readings.push(v);
            (k, readings.len() as u64 - 1)
        }))
        .expect("keys come sorted from a BTreeMap");
        numbers.map = map;
        numbers.readings = readings;
        numbers
    }
}

/// A value: "12", "0.5", "1e6", "1/2".
fn parse_value(v: &str) -> Option<f64> {
    if let Some((n, d)) = v.split_once('/') {
        let (n, d): (f64, f64) = (n.trim().parse().ok()?, d.trim().parse().ok()?);
        return (d != 0.0).then(|| n / d);
    }
    v.parse().ok().filter(|x: &f64| x.is_finite())
}

/// Splits a range pattern into literals and placeholders; punctuation becomes one literal per
/// character, as the segmenter cuts it ("x>=" → "x", ">", "=").
fn pattern_parts(pattern: &str) -> Vec<PatternPart> {
    let mut parts = Vec::new();
    for chunk in pattern.split_whitespace() {
        match chunk {
            "{a}" => parts.push(PatternPart::A),
            "{b}" => parts.push(PatternPart::B),
            _ => {
                let mut word = String::new();
                for c in chunk.chars() {
                    if c.is_alphanumeric() || (c == '\'' || c == '’') && !word.is_empty() {
                        word.push(c);
                        if c == '\'' || c == '’' {
                            parts.push(PatternPart::Literal(fold(&word)));
                            word.clear();
                        }
                    } else {
                        if !word.is_empty() {
                            parts.push(PatternPart::Literal(fold(&word)));
                            word.clear();
                        }
                        parts.push(PatternPart::Literal(c.to_string()));
                    }
                }
                if !word.is_empty() {
                    parts.push(PatternPart::Literal(fold(&word)));
                }
            }
        }
    }
    parts
}

struct Builder<'c> {
    entries: BTreeMap<String, Vec<Reading>>,
    /// (folded written form, role) → line, to reject duplicates.
    written: BTreeMap<(String, String), usize>,
    conventions: Option<&'c Conventions>,
}

impl Builder<'_> {
    fn check_form(&self, form: &str, path: &str, line: usize, problems: &mut Problems) -> bool {
        if form.is_empty() {
            problems.at(path, line, "empty form");
            return false;
        }
        if form.nfc().collect::<String>() != form {
            problems.at(
                path,
                line,
                format!("form {form:?} is not in NFC (the text normaliser would change it)"),
            );
            return false;
        }
        if form != form.trim() || form.contains("  ") || form.contains('\t') {
            problems.at(path, line, format!("form {form:?} has stray spaces"));
            return false;
        }
        true
    }

    /// Adds `form` and its generated variants (folded, accent-less, transliterated; hyphens
    /// and spaces are the same separator).
    fn add(&mut self, form: &str, reading: Reading) {
        let folded = fold(form).replace('-', " ");
        let mut variants = vec![folded.clone(), strip_accents(&folded)];
        if let Some(c) = self.conventions {
            for [from, to] in &c.transliterations {
                let from = fold(from);
                if folded.contains(&from) {
                    variants.push(folded.replace(&from, &fold(to)));
                }
            }
        }
        variants.sort();
        variants.dedup();
        for v in variants {
            let slot = self.entries.entry(v).or_default();
            if !slot.contains(&reading) {
                slot.push(reading.clone());
            }
        }
    }

    /// Adds an ordinal with the inflections the language's conventions list.
    fn add_ordinal(&mut self, word: NumberWord, stem: bool) {
        if !stem {
            self.add(&word.form.clone(), Reading::Number(word.clone()));
        }
        let Some(c) = self.conventions else { return };
        let folded = fold(&word.form);
        for endings in &c.ordinal_endings {
            let Some((base, rest)) = endings.split_first() else {
                continue;
            };
            if !folded.ends_with(base.as_str()) {
                continue;
            }
            let trunk = &folded[..folded.len() - base.len()];
            for ending in rest {
                let mut w = word.clone();
                w.plural = c.plural_endings.iter().any(|p| p == ending);
                self.add(&format!("{trunk}{ending}"), Reading::Number(w));
            }
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn files(name: &str, content: &str) -> LangFiles {
        let mut f = LangFiles::default();
        f.insert(
            "conventions.toml",
            "data/lang/zz/conventions.toml".into(),
            "name = \"z\"\niso639_3 = \"zzz\"\ndecimal_mark = \",\"\ngroup_marks = [\".\"]\nelision = false\ncompounds = true\nordinal_endings = [[\"o\", \"a\", \"i\"]]\nplural_endings = [\"i\"]\ntransliterations = [[\"ü\", \"ue\"]]\n".into(),
        );
        f.insert(name, format!("data/lang/zz/{name}"), content.into());
        f
    }

    #[test]
    fn bad_lines_are_all_reported_with_file_and_line() {
        let f = files(
            "numbers.tsv",
            "# header\ntre\t3\tunit\nmila\t1000\tscala\nx\tdue\tunit\ntre\t3\tunit\ny\t1\tunit\tshiny\n",
        );
        let err = Lang::from_files("zz", &f).unwrap_err();
        let p = err.problems();
        assert_eq!(p.len(), 4, "{err}");
        assert!(
            p[0].starts_with(
                "data/lang/zz/numbers.tsv:3: unknown role \"scala\" (expected unit, teen"
            ),
            "{}",
            p[0]
        );
        assert!(
            p[1].starts_with("data/lang/zz/numbers.tsv:4: bad value \"due\""),
            "{}",
            p[1]
        );
        assert!(
            p[2].starts_with("data/lang/zz/numbers.tsv:5: duplicate form \"tre\""),
            "{}",
            p[2]
        );
        assert!(p[3].contains(":6: unknown flag \"shiny\""), "{}", p[3]);
    }

    #[test]
    fn variants_are_generated() {
        let f = files(
            "numbers.tsv",
            "ventitré\t23\tunit\nfünf\t5\tunit\nterzo\t3\tunit\tordinal\nquatre-vingt\t80\tten\n",
        );
        let lang = Lang::from_files("zz", &f).unwrap();
        let n = &lang.numbers;
        for form in [
            "ventitré",
            "ventitre",
            "fünf",
            "fuenf",
            "funf",
            "terzo",
            "terza",
            "quatre vingt",
        ] {
            assert!(!n.get(form).is_empty(), "{form}");
        }
        let Reading::Number(w) = &n.get("terzi")[0] else {
            panic!()
        };
        assert!(w.plural && w.ordinal && w.value == 3.0);
        let mut found = Vec::new();
        n.prefixes(b"terzine", |len, _| found.push(len));
        assert_eq!(found, [5]);
    }

    #[test]
    fn probe_says_what_the_trie_says() {
        let langs = crate::Languages::builtin().unwrap();
        for code in ["it", "en", "fr", "de", "es", "ru"] {
            let n = &langs.get(code).unwrap().numbers;
            let words = "tre trenta trentatré tremendo tr t per cento percento un uno una unione \
                 sei seimila seicento settembre otto ottobre mille milioni dozzina decine di e \
                 the hundred hundreds one ones a an per percent quatre vingt vingts cent \
                 zwei zweihundert und dreißig dos doscientos y mil три тысячи сто x 0";
            for w in words.split(' ') {
                let p = n.probe(w.as_bytes());
                let mut numeral = false;
                n.prefixes(&w.as_bytes()[..w.len() - 1], |_, r| {
                    numeral |= r
                        .iter()
                        .any(|r| matches!(r, Reading::Number(x) if x.role.is_numeral()));
                });
                assert_eq!(p.readings, n.get(w), "{code} {w}");
                let numeral = numeral && n.compounds && p.readings.is_empty();
                assert_eq!(p.numeral_prefix, numeral, "{code} {w}");
                assert_eq!(
                    p.multi_word,
                    n.has_prefix(format!("{w} ").as_bytes()),
                    "{code} {w}"
                );
            }
        }
        let it = &langs.get("it").unwrap().numbers;
        assert!(!it.probe(b"trenta").readings.is_empty());
        assert!(it.probe(b"tremendo").numeral_prefix && it.probe(b"tremendo").readings.is_empty());
        assert!(it.probe(b"per").multi_word && !it.probe(b"tr").numeral_prefix);
    }

    #[test]
    fn missing_files_mean_none_and_bad_ranges_are_caught() {
        let f = files(
            "ranges.tsv",
            "tra {a} e {b}\tbetween\npiù di {a}\tmore-than\nda {a}\tbetween\n",
        );
        let err = Lang::from_files("zz", &f).unwrap_err();
        assert_eq!(err.problems().len(), 1);
        assert!(
            err.problems()[0]
                .contains("ranges.tsv:3: pattern \"da {a}\" needs {a} once and {b} once"),
            "{err}"
        );
        let f = files("other.tsv", "");
        let lang = Lang::from_files("zz", &f).unwrap();
        assert!(lang.numbers.is_empty());
    }
}
