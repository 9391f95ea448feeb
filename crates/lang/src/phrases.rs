//! Word sequences with labels, read from a `data/lang/<code>/*.tsv` file and matched on tokens.
//!
//! Many kinds of knowledge are lists of phrases with a label: speech verbs with their role,
//! casualty words with their category, modality cues with the status they give. They share one
//! file shape and one matcher:
//!
//! ```text
//! # phrase<TAB>label columns…
//! ha smentito<TAB>denied
//! ferit*<TAB>injured
//! ```
//!
//! A phrase is one or more words separated by spaces, matched against consecutive tokens after
//! folding both with [`fold`](crate::fold_time) (lower case, Latin accents removed, apostrophes
//! as `'`). A word ending in `*` matches any token that starts with it ("ferit*" matches
//! "ferito", "feriti", "ferite"). The matcher is a bit-set test on the first bytes of the token
//! ([`FirstBytes`]: most tokens start no phrase and stop there), then a hash lookup on the first
//! word (exact, or each prefix length the list has for `*` words), then a check of the
//! following words: it allocates nothing per token and needs no automaton, which is why it is
//! written here rather than with aho-corasick (whose matches would need re-aligning to token
//! boundaries and `*` endings).
//!
//! [`FoldedTokens`] folds every token of a text once, for all the stages that match phrases.

use crate::LangFiles;
use crate::error::Problems;
use crate::times::{fold, fold_into};
use cronaca_text::Token;
use rustc_hash::FxHashMap;

/// One word of a [`Phrase`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhraseWord {
    /// The folded token must equal this.
    Exact(String),
    /// The folded token must start with this (written `word*`).
    Prefix(String),
}

impl PhraseWord {
    fn matches(&self, folded: &str) -> bool {
        match self {
            PhraseWord::Exact(w) => w == folded,
            PhraseWord::Prefix(p) => folded.starts_with(p.as_str()),
        }
    }
}

/// A phrase of a [`Phrases`] list and its label.
#[derive(Debug, Clone)]
pub struct Phrase<L> {
    /// The phrase as written in the file.
    pub text: String,
    /// Its folded words.
    pub words: Vec<PhraseWord>,
    /// What the phrase means.
    pub label: L,
    /// `<path>:<line>` of the phrase, for the `rule` of what it produces.
    pub rule: String,
}

/// A list of labelled phrases, indexed by first word.
#[derive(Debug, Clone)]
pub struct Phrases<L> {
    phrases: Vec<Phrase<L>>,
    // Keys are short folded words: FxHash is several times cheaper than SipHash on them, and
    // the keys come from our own data files, not from the input.
    exact: FxHashMap<String, Vec<usize>>,
    prefix: FxHashMap<String, Vec<usize>>,
    /// The byte lengths of the `*` first words, ascending: the only prefixes worth looking up.
    prefix_lens: Vec<usize>,
    starts: FirstBytes,
}

impl<L> Default for Phrases<L> {
    fn default() -> Self {
        Phrases {
            phrases: Vec::new(),
            exact: FxHashMap::default(),
            prefix: FxHashMap::default(),
            prefix_lens: Vec::new(),
            starts: FirstBytes::default(),
        }
    }
}

impl<L> Phrases<L> {
    /// Reads `name` from `files`: the first column is the phrase, the others are given to
    /// `label` (which says what is wrong with them, or gives the label). Bad lines and
    /// duplicate phrases with the same label are added to `problems`; a missing file is an empty
    /// list.
    pub(crate) fn load(
        code: &str,
        files: &LangFiles,
        name: &str,
        problems: &mut Problems,
        mut label: impl FnMut(&[&str]) -> Result<L, String>,
    ) -> Phrases<L>
    where
        L: PartialEq,
    {
        let path = files.get(name).map_or_else(
            || format!("data/lang/{code}/{name}"),
            |(p, _)| p.to_string(),
        );
        let mut list = Phrases::default();
        for (line, text) in files.data_lines(name) {
            let cols: Vec<&str> = text.split('\t').map(str::trim).collect();
            let phrase = cols[0];
            if phrase.is_empty() {
                problems.at(&path, line, "empty phrase in the first column");
                continue;
            }
            let parsed = match label(&cols[1..]) {
                Ok(l) => l,
                Err(e) => {
                    problems.at(&path, line, format!("{phrase:?}: {e}"));
                    continue;
                }
            };
            let words: Vec<PhraseWord> = phrase
                .split_whitespace()
                .map(|w| match w.strip_suffix('*') {
                    Some(p) => PhraseWord::Prefix(fold(p)),
                    None => PhraseWord::Exact(fold(w)),
                })
                .collect();
            if words
                .iter()
                .any(|w| matches!(w, PhraseWord::Prefix(p) if p.is_empty()))
            {
                problems.at(
                    &path,
                    line,
                    format!("{phrase:?}: a lone `*` matches everything"),
                );
                continue;
            }
            if let Some(first) = list
                .phrases
                .iter()
                .find(|p| p.words == words && p.label == parsed)
            {
                problems.at(
                    &path,
                    line,
                    format!("{phrase:?} repeats {} with the same meaning", first.rule),
                );
                continue;
            }
            list.push(Phrase {
                text: phrase.to_string(),
                words,
                label: parsed,
                rule: format!("{path}:{line}"),
            });
        }
        list.starts = FirstBytes::new(&list);
        list
    }

    fn push(&mut self, phrase: Phrase<L>) {
        let k = self.phrases.len();
        match &phrase.words[0] {
            PhraseWord::Exact(w) => self.exact.entry(w.clone()).or_default().push(k),
            PhraseWord::Prefix(p) => {
                if let Err(at) = self.prefix_lens.binary_search(&p.len()) {
                    self.prefix_lens.insert(at, p.len());
                }
                self.prefix.entry(p.clone()).or_default().push(k);
            }
        }
        self.phrases.push(phrase);
    }

    /// Every phrase, in file order.
    pub fn iter(&self) -> impl Iterator<Item = &Phrase<L>> {
        self.phrases.iter()
    }

    /// True when the list has no phrase.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// False when no phrase of the list can start with the folded token `word` (true does not
    /// mean one does).
    #[inline]
    pub fn may_start(&self, word: &str) -> bool {
        self.starts.may_start(word)
    }

    /// Every phrase that matches the folded tokens starting at `words[i]`, with the number of
    /// tokens it covers: exact first words first, then `*` words from the shortest, each in
    /// file order.
    pub fn matches_at<'a, S: AsRef<str>>(
        &'a self,
        words: &'a [S],
        i: usize,
    ) -> impl Iterator<Item = (&'a Phrase<L>, usize)> + 'a {
        // Nothing is allocated unless a phrase matches, which few tokens do.
        let mut found = Vec::new();
        self.for_each_at(words, i, |p, n| found.push((p, n)));
        found.into_iter()
    }

    /// The longest phrase matching at `words[i]` (the first in file order among equals).
    pub fn longest_at<'a, S: AsRef<str>>(
        &'a self,
        words: &[S],
        i: usize,
    ) -> Option<(&'a Phrase<L>, usize)> {
        let mut best: Option<(&Phrase<L>, usize)> = None;
        self.for_each_at(words, i, |p, n| {
            if best.is_none_or(|b| n > b.1) {
                best = Some((p, n));
            }
        });
        best
    }

    /// Calls `found` with every phrase matching at `words[i]` and the number of tokens it
    /// covers, in the order of [`matches_at`](Self::matches_at), without allocating.
    #[inline]
    pub fn for_each_at<'a, S: AsRef<str>>(
        &'a self,
        words: &[S],
        i: usize,
        mut found: impl FnMut(&'a Phrase<L>, usize),
    ) {
        let Some(first) = words.get(i).map(AsRef::as_ref) else {
            return;
        };
        if !self.starts.may_start(first) {
            return;
        }
        // The key lookup has matched the first word; the others are checked here.
        let mut check = |list: &[usize]| {
            for &k in list {
                let phrase = &self.phrases[k];
                let n = phrase.words.len();
                if let Some(rest) = words.get(i + 1..i + n)
                    && phrase.words[1..]
                        .iter()
                        .zip(rest)
                        .all(|(w, t)| w.matches(t.as_ref()))
                {
                    found(phrase, n);
                }
            }
        };
        if let Some(list) = self.exact.get(first) {
            check(list);
        }
        for &n in &self.prefix_lens {
            if n > first.len() {
                break;
            }
            if first.is_char_boundary(n)
                && let Some(list) = self.prefix.get(&first[..n])
            {
                check(list);
            }
        }
    }
}

/// A quick filter before a phrase lookup: the first three bytes of every phrase's first word
/// (the whole word when shorter), hashed into a bit set; `*` words shorter than three bytes are
/// hashed as prefixes of one or two bytes. A token that hits none of them cannot start a phrase,
/// which spares the hash lookups for nearly every token.
#[derive(Debug, Clone, Default)]
pub struct FirstBytes {
    bits: Vec<u64>,
    /// `32 - log2(bits in the set)`: a key is the top bits of a multiplicative hash.
    shift: u32,
    /// Whether some `*` word has one byte, or two.
    short: [bool; 2],
}

/// The first (up to) three bytes of a word, its length up to three and whether it is a short
/// `*` word, in one number.
#[inline]
fn head(bytes: &[u8], prefix: bool) -> u32 {
    let key = match *bytes {
        [] => 0,
        [a] => 1 << 24 | u32::from(a),
        [a, b] => 2 << 24 | u32::from(a) << 8 | u32::from(b),
        [a, b, c, ..] => 3 << 24 | u32::from(a) << 16 | u32::from(b) << 8 | u32::from(c),
    };
    key | u32::from(prefix) << 26
}

impl FirstBytes {
    /// The filter for the first words of `phrases`.
    pub fn new<L>(phrases: &Phrases<L>) -> FirstBytes {
        // About one bit in 32 set: few false hits, and a table small enough to stay in cache.
        let size = (phrases.phrases.len() * 32)
            .next_power_of_two()
            .clamp(512, 1 << 16);
        let mut gate = FirstBytes {
            bits: vec![0; size / 64],
            shift: 32 - size.trailing_zeros(),
            short: [false; 2],
        };
        for p in phrases.iter() {
            let key = match &p.words[0] {
                PhraseWord::Prefix(w) if w.len() < 3 => {
                    gate.short[w.len() - 1] = true;
                    head(w.as_bytes(), true)
                }
                PhraseWord::Prefix(w) | PhraseWord::Exact(w) => head(w.as_bytes(), false),
            };
            let k = gate.slot(key);
            gate.bits[k / 64] |= 1 << (k % 64);
        }
        gate
    }

    #[inline]
    fn slot(&self, key: u32) -> usize {
        (key.wrapping_mul(0x9E37_79B1) >> self.shift) as usize
    }

    #[inline]
    fn get(&self, key: u32) -> bool {
        let k = self.slot(key);
        self.bits[k / 64] & (1 << (k % 64)) != 0
    }

    /// False when no phrase can start with the folded token `word`.
    // Always inlined: it runs for every token and every list, and usually says no.
    #[inline(always)]
    pub fn may_start(&self, word: &str) -> bool {
        let b = word.as_bytes();
        if self.bits.is_empty() || b.is_empty() {
            return false;
        }
        self.get(head(b, false))
            || (self.short[0] && self.get(head(&b[..1], true)))
            || (self.short[1] && b.len() >= 2 && self.get(head(&b[..2], true)))
    }
}

/// Every token of a text folded once, as [`Phrases`] match them: each stage that matches
/// phrases used to fold the tokens again, and folding cost more than the lookups.
#[derive(Debug, Clone, Default)]
pub struct FoldedTokens {
    /// The folded tokens one after the other.
    buf: String,
    /// Where each token's folded form ends in `buf`.
    ends: Vec<usize>,
}

impl FoldedTokens {
    /// Folds each of `tokens` (byte ranges of `text`) with [`fold`](crate::fold_time).
    pub fn new(text: &str, tokens: &[Token]) -> FoldedTokens {
        let mut buf = Vec::with_capacity(text.len() + text.len() / 8);
        let mut ends = Vec::with_capacity(tokens.len());
        let mut one = String::new();
        for t in tokens {
            let s = &text[t.span.clone()];
            // `fold` maps each character on its own: ASCII here (what `fold` does to it),
            // anything else through `fold`.
            let mut k = 0;
            while k < s.len() {
                let b = s.as_bytes()[k];
                if b.is_ascii() {
                    buf.push(if b == b'`' {
                        b'\''
                    } else {
                        b.to_ascii_lowercase()
                    });
                    k += 1;
                } else {
                    let n = s[k..].chars().next().map_or(1, char::len_utf8);
                    one.clear();
                    fold_into(&s[k..k + n], &mut one);
                    buf.extend_from_slice(one.as_bytes());
                    k += n;
                }
            }
            ends.push(buf.len());
        }
        let buf = String::from_utf8(buf).expect("folding keeps whole characters");
        FoldedTokens { buf, ends }
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when there is no token.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The folded form of token `i`.
    pub fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.buf[start..self.ends[i]]
    }

    /// Every folded token in text order: the word slice [`Phrases::matches_at`] takes (slice it
    /// with a sentence's token range for the sentence).
    pub fn words(&self) -> Vec<&str> {
        let mut start = 0;
        self.ends
            .iter()
            .map(|&end| {
                let w = &self.buf[start..end];
                start = end;
                w
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(content: &str) -> (Phrases<String>, Vec<String>) {
        let mut files = LangFiles::default();
        files.insert("t.tsv", "data/lang/it/t.tsv".into(), content.into());
        let mut problems = Problems::default();
        let phrases = Phrases::load("it", &files, "t.tsv", &mut problems, |cols| {
            match cols.first() {
                Some(l) if !l.is_empty() => Ok(l.to_string()),
                _ => Err("missing label".into()),
            }
        });
        (phrases, problems.0)
    }

    fn folded(s: &str) -> Vec<String> {
        s.split_whitespace().map(fold).collect()
    }

    #[test]
    fn matches_exact_words_prefixes_and_prefers_the_longest() {
        let (p, problems) = list(
            "# phrase\tlabel\nferit*\tinjured\nsono stati uccisi\tkilled\nsono\tcopula\nPerché\tcause\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let words = folded("Dieci sono stati uccisi e 5 FERITI perche");
        let (m, n) = p.longest_at(&words, 1).unwrap();
        assert_eq!((m.label.as_str(), n), ("killed", 3));
        assert_eq!(p.matches_at(&words, 1).count(), 2);
        let (m, n) = p.longest_at(&words, 6).unwrap();
        assert_eq!(
            (m.label.as_str(), n, m.rule.as_str()),
            ("injured", 1, "data/lang/it/t.tsv:2")
        );
        assert_eq!(p.longest_at(&words, 7).unwrap().0.label, "cause");
        assert!(p.longest_at(&words, 0).is_none());
        assert!(p.longest_at(&words, 99).is_none());
        // A phrase longer than what is left of the sentence does not match.
        assert!(
            p.longest_at(&folded("sono stati"), 0)
                .is_some_and(|(m, _)| m.label == "copula")
        );
    }

    #[test]
    fn the_gate_passes_every_first_word_and_its_short_prefixes() {
        let (p, _) = list("ab*\tx\nn*\ty\ndi\tz\nsparat*\tw\n");
        for word in ["ab", "abc", "n", "nato", "di", "sparatoria"] {
            assert!(p.may_start(word), "{word}");
            assert!(p.longest_at(&[word], 0).is_some(), "{word}");
        }
        for word in ["", "a", "dio", "spa", "zebra"] {
            assert!(p.longest_at(&[word], 0).is_none(), "{word}");
        }
        assert!(!Phrases::<String>::default().may_start("ab"));
    }

    #[test]
    fn folded_tokens_are_each_token_folded() {
        let text = "L`Aquila: È STATO «Città» 12 ДЕТЕЙ – Straße İ";
        let seg = cronaca_text::segment(text, &cronaca_text::SegmentRules::default());
        let folded = FoldedTokens::new(text, &seg.tokens);
        assert_eq!(folded.len(), seg.tokens.len());
        let expected: Vec<String> = seg
            .tokens
            .iter()
            .map(|t| fold(&text[t.span.clone()]))
            .collect();
        assert_eq!(folded.words(), expected);
        for (i, w) in expected.iter().enumerate() {
            assert_eq!(folded.get(i), w);
        }
        for w in [
            "'",
            "e",
            "stato",
            "citta",
            "детей",
            "-",
            "straße",
            "i\u{307}",
        ] {
            assert!(expected.iter().any(|e| e == w), "{w} in {expected:?}");
        }
        assert!(FoldedTokens::new("", &[]).is_empty());
    }

    #[test]
    fn reports_every_bad_line_with_its_number() {
        let (p, problems) = list("ferit*\tinjured\n*\tx\nmorti\t\nferit*\tinjured\n");
        assert_eq!(p.iter().count(), 1);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[0].starts_with("data/lang/it/t.tsv:2: "),
            "{}",
            problems[0]
        );
        assert!(
            problems[1].contains(":3: \"morti\": missing label"),
            "{}",
            problems[1]
        );
        assert!(
            problems[2].contains(":4: ") && problems[2].contains("repeats data/lang/it/t.tsv:1")
        );
    }
}
