//! Feature extraction: every feature is a template id and the hashes of a few strings, mixed
//! into a bucket.
//!
//! Templates (token `i` of a sentence): bias; the lower-cased word and the word as written; its
//! shape (`Xxxx`, `dd.d`) and short shape (`Xx`, `d.d`); prefixes and suffixes of 1–4
//! characters; the words (±1) and short shapes (±1) of the neighbours and word bigrams around
//! it (±2); the words within three tokens on each side, as a bag per side; sentence-initial
//! position; an ALL-CAPS sentence flag (headlines); what the document says about the word
//! elsewhere (capitalised in mid-sentence, written in lower case; the neighbours of its other
//! occurrences); the gazetteer classes of the names that cover the token ([`GazetteerHit`]),
//! alone, with the words just before and after the name, and together when several cover it;
//! the training lexicon's label counts of the word ([`crate::lexicon`]: the share of each label,
//! how often it was seen); whether the word, or the word before it, is a given name
//! ([`FIRST_NAMES`]); and, when the model was trained with them ([`Options::char_trigrams`]),
//! the character trigrams of capitalised words.
//!
//! Only the hash of a feature is kept, never its string: the model is a table of
//! `2^bits` rows of one weight per label. Each token's strings (lower-cased word, word, shapes,
//! affixes) are hashed once, in one pass over its characters and without allocating; a feature
//! then costs a multiply per part and a finaliser.

use crate::lexicon::{HashedMap, HashedSet, LexiconView};
use std::sync::LazyLock;

/// A name found by a gazetteer in a sentence: tokens `start..end` (token indices in the
/// sentence, `end` exclusive), of class `class` (`"LOC"`, `"PER"`, `"ORG:company"`… any short
/// string the gazetteer uses consistently at training and at tagging time).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GazetteerHit<'a> {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The gazetteer's class of the name.
    pub class: &'a str,
}

/// One sentence to tag: its tokens as written and, optionally, gazetteer matches over them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence<'a> {
    /// The tokens, as written in the text.
    pub tokens: Vec<&'a str>,
    /// Gazetteer matches (may be empty; the model then relies on the other features).
    pub gazetteer: Vec<GazetteerHit<'a>>,
}

impl<'a> Sentence<'a> {
    /// A sentence without gazetteer matches.
    pub fn new(tokens: Vec<&'a str>) -> Sentence<'a> {
        Sentence {
            tokens,
            gazetteer: Vec::new(),
        }
    }
}

/// The hashed features of one sentence: `buckets[offsets[i]..offsets[i + 1]]` are token `i`'s.
#[derive(Clone, Debug, Default)]
pub(crate) struct SentenceFeatures {
    pub offsets: Vec<u32>,
    pub buckets: Vec<u32>,
}

impl SentenceFeatures {
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    pub fn token(&self, i: usize) -> &[u32] {
        &self.buckets[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }
}

/// A string hash fed one character at a time (FNV-1a over code points).
#[derive(Clone, Copy)]
struct StrHash(u64);

impl StrHash {
    const NEW: StrHash = StrHash(0xcbf2_9ce4_8422_2325);

    #[inline]
    fn char(self, c: char) -> StrHash {
        StrHash((self.0 ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01b3))
    }

    #[inline]
    fn str(self, s: &str) -> StrHash {
        s.chars().fold(self, StrHash::char)
    }
}

/// Which optional feature templates a model uses (recorded in its header, so that tagging
/// computes the features the model was trained with).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The character trigrams of the lower-cased word (with `^` and `$` at its ends), for
    /// tokens with a capital initial or in capitals only: unknown names typed by how they are
    /// spelt ("Alinghi", "Macromedia"). Lower-case tokens get none. On for Italian (KIND is
    /// small: +0.003 F1), off for English (−0.004; docs/quality.md).
    pub char_trigrams: bool,
}

/// Stands for the word before the first token and after the last one.
const START: u64 = 0x5354_4152_545f_5f31;
const END: u64 = 0x454e_445f_5f5f_5f32;

/// A feature: its template id and the hashes of its parts, combined with a multiply-rotate
/// step per part and finalised into a row of the table.
#[derive(Clone, Copy)]
struct Feature(u64);

impl Feature {
    #[inline]
    fn new(template: u8) -> Feature {
        Feature((u64::from(template) + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    #[inline]
    fn part(self, h: u64) -> Feature {
        Feature(
            (self.0 ^ h)
                .wrapping_mul(0xbf58_476d_1ce4_e5b9)
                .rotate_left(27),
        )
    }

    /// The row: the top bits of one more multiply (the parts are already mixed by
    /// [`Feature::part`]; a full 64-bit finaliser cost a tenth of the tagging time).
    #[inline]
    fn bucket(self, bits: u32) -> u32 {
        let x = (self.0 ^ (self.0 >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        (x >> (64 - bits)) as u32
    }
}

/// What is computed once per token: hashes of its forms, no strings.
#[derive(Clone, Copy, Default)]
struct Tok {
    /// The lower-cased word (typographic quotes and apostrophes folded to ASCII).
    lower: u64,
    /// The word as written (quotes folded).
    word: u64,
    /// Shape (`Xxxxx-Xxxxx`: runs cut at four) and short shape (`Xx-Xx`).
    shape: u64,
    short: u64,
    /// The lower-cased word's first and last 1–4 characters.
    prefix: [u64; 4],
    suffix: [u64; 4],
    alpha: bool,
    upper_initial: bool,
    /// Every letter is a capital (and there is one).
    caps: bool,
    /// A double quote.
    quote: bool,
}

#[inline]
fn fold_quote(c: char) -> char {
    match c {
        '’' | '‘' | 'ʼ' | '`' => '\'',
        '“' | '”' | '«' | '»' | '„' => '"',
        c => c,
    }
}

#[inline]
fn shape_class(c: char) -> char {
    if c.is_ascii() {
        match c {
            'A'..='Z' => 'X',
            'a'..='z' => 'x',
            '0'..='9' => 'd',
            c => c,
        }
    } else if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_alphabetic() {
        'a'
    } else {
        c
    }
}

fn tok(word: &str) -> Tok {
    let (mut lower, mut written, mut shape, mut short) =
        (StrHash::NEW, StrHash::NEW, StrHash::NEW, StrHash::NEW);
    let mut prefix = [0u64; 4];
    // The last four lower-case characters, most recent last.
    let mut tail = ['\0'; 4];
    let mut lowered = 0usize;
    let (mut run, mut last) = (0, '\0');
    let (mut letters, mut capitals) = (0, 0);
    let mut first = None;
    for c in word.chars().map(fold_quote) {
        first.get_or_insert(c);
        written = written.char(c);
        let s = shape_class(c);
        if s == last {
            run += 1;
        } else {
            run = 1;
            short = short.char(s);
        }
        if run <= 4 {
            shape = shape.char(s);
        }
        last = s;
        if c.is_alphabetic() {
            letters += 1;
            capitals += usize::from(c.is_uppercase());
        }
        let mut push = |l: char| {
            lower = lower.char(l);
            if lowered < 4 {
                prefix[lowered] = lower.0;
            }
            lowered += 1;
            tail = [tail[1], tail[2], tail[3], l];
        };
        if c.is_ascii() {
            push(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(push);
        }
    }
    for p in prefix.iter_mut().skip(lowered.min(4)) {
        *p = lower.0;
    }
    let mut suffix = [0u64; 4];
    for (k, s) in suffix.iter_mut().enumerate() {
        let n = (k + 1).min(lowered);
        *s = tail[4 - n..].iter().fold(StrHash::NEW, |h, &c| h.char(c)).0;
    }
    let first = first.unwrap_or(' ');
    Tok {
        lower: lower.0,
        word: written.0,
        shape: shape.0,
        short: short.0,
        prefix,
        suffix,
        alpha: first.is_alphabetic(),
        upper_initial: first.is_uppercase(),
        caps: letters > 0 && capitals == letters,
        quote: first == '"' && word.chars().count() == 1,
    }
}

/// Given names of many languages, lower-cased, one a line (`data/ner/first_names.txt`, made
/// by `scripts/fetch_names.py`), by the hash of the word.
static FIRST_NAMES: LazyLock<HashedSet> = LazyLock::new(|| {
    include_str!("../../../data/ner/first_names.txt")
        .lines()
        .map(|w| tok(w).lower)
        .collect()
});

/// Whether `word` (any case) is in the list of given names the tagger reads.
pub fn is_given_name(word: &str) -> bool {
    FIRST_NAMES.contains(&tok(word).lower)
}

/// The key of a word in the lexicon: the hash of its lower-cased form.
pub(crate) fn lexicon_key(word: &str) -> u64 {
    tok(word).lower
}

/// True when most words of the sentence are written in capitals (headlines, datelines).
fn is_caps_sentence(toks: &[Tok]) -> bool {
    let (mut caps, mut words) = (0, 0);
    for t in toks.iter().filter(|t| t.alpha) {
        words += 1;
        caps += usize::from(t.caps);
    }
    words >= 2 && caps * 3 >= words * 2
}

/// Occurrences of a word whose neighbours become features of its other occurrences.
const DOC_CONTEXTS: usize = 8;

/// What the document says about its words, by the hash of the lower-cased word.
#[derive(Default)]
struct Doc {
    /// Bit 0: capitalised in mid-sentence; bit 1: written in lower case.
    seen: HashedMap<u8>,
    /// Lower-cased neighbours (previous, next) of the first occurrences of capitalised words.
    contexts: HashedMap<Vec<(u64, u64)>>,
}

/// Computes the features of every token of a document (the sentences in text order).
pub(crate) fn document_features(
    doc_sentences: &[Sentence<'_>],
    bits: u32,
    lexicon: &LexiconView<'_>,
    skip: Skip,
    options: Options,
) -> Vec<SentenceFeatures> {
    let mut toks: Vec<Tok> = Vec::new();
    let mut bounds: Vec<usize> = Vec::with_capacity(doc_sentences.len() + 1);
    for s in doc_sentences {
        bounds.push(toks.len());
        toks.extend(s.tokens.iter().map(|w| tok(w)));
    }
    bounds.push(toks.len());
    let sentences: Vec<&[Tok]> = bounds.windows(2).map(|w| &toks[w[0]..w[1]]).collect();
    let caps: Vec<bool> = sentences.iter().map(|s| is_caps_sentence(s)).collect();
    // The lexicon's label counts of every token.
    let l = lexicon.all.labels;
    let mut counts = vec![0u32; toks.len() * l];
    for (t, c) in toks.iter().zip(counts.chunks_exact_mut(l)) {
        if t.alpha {
            lexicon.counts(t.lower, c);
        }
    }
    let mut doc = Doc::default();
    for (s, sent) in sentences.iter().enumerate() {
        for (i, t) in sent.iter().enumerate() {
            if t.upper_initial {
                let prev = if i > 0 { sent[i - 1].lower } else { START };
                let next = sent.get(i + 1).map_or(END, |n| n.lower);
                let v = doc.contexts.entry(t.lower).or_default();
                if v.len() < DOC_CONTEXTS {
                    v.push((prev, next));
                }
            }
            if !t.alpha || caps[s] {
                continue;
            }
            let bit = if !t.upper_initial {
                2
            } else if i > 0 && !sent[i - 1].quote {
                1
            } else {
                0
            };
            *doc.seen.entry(t.lower).or_default() |= bit;
        }
    }
    sentences
        .iter()
        .zip(doc_sentences)
        .zip(&caps)
        .zip(bounds.windows(2))
        .map(|(((sent, input), &caps), b)| {
            let counts = &counts[b[0] * l..b[1] * l];
            sentence_features(sent, input, caps, &doc, bits, counts, l, skip, options)
        })
        .collect()
}

/// The hashes of the document-knowledge flags (template 23).
const SEEN_FLAGS: [&str; 4] = ["-", "C", "L", "CL"];

/// Which tokens get no features (and so are tagged O without being scored).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Skip {
    /// None: every token is scored (training).
    Nothing,
    /// Lower-case words that the training data had at least `seen` times, always outside a
    /// name (label 0 is O), and that no gazetteer name covers ("che", "ha", "detto", "the",
    /// "said"): about a fifth of the tokens of a news text, which the tagger gave O anyway.
    /// Words seen inside a name even rarely ("di", "e", "of") are still scored: letting them
    /// through with a share of up to 1% in names cost 0.4 F1 points in Italian.
    KnownOutside { seen: u32 },
}

#[allow(clippy::too_many_arguments)]
fn sentence_features(
    toks: &[Tok],
    input: &Sentence<'_>,
    caps: bool,
    doc: &Doc,
    bits: u32,
    counts: &[u32],
    l: usize,
    skip: Skip,
    options: Options,
) -> SentenceFeatures {
    let n = toks.len();
    let mut out = SentenceFeatures {
        offsets: Vec::with_capacity(n + 1),
        buckets: Vec::with_capacity(n * 40),
    };
    out.offsets.push(0);
    let at = |i: isize| -> Option<&Tok> { usize::try_from(i).ok().and_then(|i| toks.get(i)) };
    let lower = |i: isize| at(i).map_or(if i < 0 { START } else { END }, |t| t.lower);
    let short = |i: isize| at(i).map_or(if i < 0 { START } else { END }, |t| t.short);
    let given: Vec<bool> = toks
        .iter()
        .map(|t| t.upper_initial && FIRST_NAMES.contains(&t.lower))
        .collect();
    for (i, t) in toks.iter().enumerate() {
        if let Skip::KnownOutside { seen } = skip
            && t.alpha
            && !t.upper_initial
            && !caps
            && counts[i * l] >= seen
            && counts[i * l + 1..(i + 1) * l].iter().all(|&k| k == 0)
            && !input.gazetteer.iter().any(|h| h.start <= i && i < h.end)
        {
            out.offsets.push(out.buckets.len() as u32);
            continue;
        }
        let b = &mut out.buckets;
        let ii = i as isize;
        let mut f = |h: Feature| b.push(h.bucket(bits));
        let (l1, r1) = (lower(ii - 1), lower(ii + 1));
        let (l2, r2) = (lower(ii - 2), lower(ii + 2));
        let (sl, sr) = (short(ii - 1), short(ii + 1));
        f(Feature::new(0));
        f(Feature::new(1).part(t.lower));
        f(Feature::new(2).part(t.word));
        f(Feature::new(3).part(t.shape));
        f(Feature::new(4).part(t.short));
        for k in 0..4 {
            f(Feature::new(5 + k as u8).part(t.prefix[k]));
            f(Feature::new(9 + k as u8).part(t.suffix[k]));
        }
        f(Feature::new(13).part(l1));
        f(Feature::new(14).part(r1));
        f(Feature::new(17).part(sl));
        f(Feature::new(18).part(sr));
        f(Feature::new(19).part(l1).part(t.lower));
        f(Feature::new(20).part(t.lower).part(r1));
        f(Feature::new(21).part(sl).part(t.short).part(sr));
        if i == 0 {
            f(Feature::new(22).part(t.shape));
        }
        if t.alpha {
            let flags = doc.seen.get(&t.lower).copied().unwrap_or(0);
            let flags = StrHash::NEW.str(SEEN_FLAGS[usize::from(flags)]).0;
            f(Feature::new(23).part(t.short).part(flags));
        }
        if caps {
            f(Feature::new(24).part(t.short));
            f(Feature::new(36).part(t.lower));
        }
        f(Feature::new(25).part(l1).part(t.short));
        f(Feature::new(26).part(t.short).part(r1));
        f(Feature::new(27).part(l2).part(l1));
        f(Feature::new(28).part(r1).part(r2));
        for d in [-3isize, -2, -1, 1, 2, 3] {
            if let Some(o) = at(ii + d).filter(|o| o.alpha) {
                f(Feature::new(if d < 0 { 31 } else { 37 }).part(o.lower));
            }
        }
        if t.upper_initial
            && let Some(ctx) = doc.contexts.get(&t.lower)
        {
            for &(prev, next) in ctx {
                f(Feature::new(32).part(prev));
                f(Feature::new(33).part(next));
            }
        }
        if t.alpha {
            let c = &counts[i * l..(i + 1) * l];
            let total: u32 = c.iter().sum();
            let case = u64::from(t.upper_initial);
            if total == 0 {
                f(Feature::new(41).part(case));
            } else {
                let seen = u64::from(total.min(2) + u32::from(total >= 5) + u32::from(total >= 20));
                f(Feature::new(42).part(case).part(seen));
                for (y, &k) in c.iter().enumerate().filter(|(_, k)| **k > 0) {
                    let share = match k * 10 / total {
                        9.. => 3,
                        5.. => 2,
                        1.. => 1,
                        _ => 0,
                    };
                    f(Feature::new(43).part(case).part(y as u64).part(share));
                }
            }
        }
        if options.char_trigrams && t.alpha && (t.upper_initial || t.caps) {
            char_trigrams(input.tokens[i], &mut f);
        }
        if given[i] {
            f(Feature::new(48).part(sr));
        }
        if i > 0 && given[i - 1] {
            f(Feature::new(49).part(t.short));
        }
        // The classes of every name covering the token, as one feature.
        let mut signature = Feature::new(40);
        let mut hits = 0;
        for hit in input.gazetteer.iter().filter(|h| h.start <= i && i < h.end) {
            let class = StrHash::NEW.str(hit.class).0;
            let begins = u64::from(hit.start == i);
            let whole = u64::from(hit.end - hit.start == 1);
            f(Feature::new(29).part(begins).part(class));
            f(Feature::new(30).part(class).part(whole).part(t.short));
            f(Feature::new(38)
                .part(class)
                .part(lower(hit.start as isize - 1)));
            f(Feature::new(39).part(class).part(lower(hit.end as isize)));
            signature = signature.part(class).part(begins);
            hits += 1;
        }
        if hits > 1 {
            f(signature);
        }
        out.offsets.push(out.buckets.len() as u32);
    }
    out
}

/// The character trigrams of `word`, lower-cased and quotes folded, with `^` before its first
/// character and `$` after its last ("^al", "ali", …, "hi$"; a one-letter word has "^x$").
fn char_trigrams(word: &str, f: &mut impl FnMut(Feature)) {
    let mut window = ['\0', '\0', '^'];
    let mut seen = 1;
    let mut push = |c: char, f: &mut dyn FnMut(Feature)| {
        window = [window[1], window[2], c];
        seen += 1;
        if seen >= 3 {
            f(Feature::new(50).part(window.iter().fold(StrHash::NEW, |h, &c| h.char(c)).0));
        }
    };
    for c in word.chars().map(fold_quote) {
        if c.is_ascii() {
            push(c.to_ascii_lowercase(), f);
        } else {
            c.to_lowercase().for_each(|l| push(l, f));
        }
    }
    push('$', f);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn h(s: &str) -> u64 {
        StrHash::NEW.str(s).0
    }

    #[test]
    fn shapes_and_affixes() {
        let t = tok("Kassym-Jomart");
        assert_eq!(t.shape, h("Xxxxx-Xxxxx"));
        assert_eq!(t.short, h("Xx-Xx"));
        assert_eq!(t.lower, h("kassym-jomart"));
        assert_eq!(t.prefix[3], h("kass"));
        assert_eq!(t.suffix[2], h("art"));
        assert!(t.upper_initial && t.alpha && !t.caps);
        let t = tok("è");
        assert_eq!((t.prefix[3], t.suffix[3]), (h("è"), h("è")));
        assert_eq!(tok("dell’").lower, h("dell'"));
        assert_eq!(tok("1.000").short, h("d.d"));
        assert!(tok("NATO").caps && tok("«").quote);
        assert_eq!(tok("ÉCOLE").lower, h("école"));
    }

    #[test]
    fn gazetteer_hits_add_features() {
        let lex = Lexicon::new(7);
        let empty = LexiconView {
            all: &lex,
            minus: None,
        };
        let plain = Sentence::new(vec!["a", "Roma"]);
        let mut with = plain.clone();
        with.gazetteer.push(GazetteerHit {
            start: 1,
            end: 2,
            class: "LOC",
        });
        let a = document_features(&[plain], 20, &empty, Skip::Nothing, Options::default());
        let b = document_features(&[with], 20, &empty, Skip::Nothing, Options::default());
        assert_eq!(a[0].token(0), b[0].token(0));
        // Class alone, with the token's shape, with the word before and the word after.
        assert_eq!(b[0].token(1).len(), a[0].token(1).len() + 4);
    }

    #[test]
    fn given_names_and_the_lexicon_add_features() {
        let mut lex = Lexicon::new(7);
        let empty = LexiconView {
            all: &lex,
            minus: None,
        };
        let named = document_features(
            &[Sentence::new(vec!["Mario", "Rossi"])],
            20,
            &empty,
            Skip::Nothing,
            Options::default(),
        );
        let unknown = document_features(
            &[Sentence::new(vec!["Xqzw", "Rossi"])],
            20,
            &empty,
            Skip::Nothing,
            Options::default(),
        );
        assert_eq!(named[0].token(0).len(), unknown[0].token(0).len() + 1);
        assert_eq!(named[0].token(1).len(), unknown[0].token(1).len() + 1);
        // A word seen with two labels: its count bin and the share of each label, instead of
        // the "never seen" feature.
        lex.add(lexicon_key("Rossi"), 1);
        lex.add(lexicon_key("rossi"), 2);
        let seen = document_features(
            &[Sentence::new(vec!["Xqzw", "Rossi"])],
            20,
            &lex.view(),
            Skip::Nothing,
            Options::default(),
        );
        assert_eq!(seen[0].token(1).len(), unknown[0].token(1).len() + 2);
        assert_ne!(seen[0].token(1), unknown[0].token(1));
    }

    #[test]
    fn words_always_outside_names_get_no_features_when_skipping() {
        let mut lex = Lexicon::new(7);
        for _ in 0..3 {
            lex.add(lexicon_key("che"), 0);
            lex.add(lexicon_key("di"), 0);
            lex.add(lexicon_key("raro"), 0);
        }
        lex.add(lexicon_key("di"), 2);
        let raro = lexicon_key("raro");
        lex.add(raro, 0);
        let words = vec!["Disse", "che", "Banca", "di", "Roma", "che", "raro"];
        let skip = Skip::KnownOutside { seen: 4 };
        let plain = document_features(
            &[Sentence::new(words.clone())],
            20,
            &lex.view(),
            skip,
            Options::default(),
        );
        let lens: Vec<usize> = (0..words.len()).map(|i| plain[0].token(i).len()).collect();
        // "che" seen 3 times (< 4) is scored; "raro" seen 4 times, always O, is not; "di"
        // was once inside a name; capitalised words are always scored.
        assert!(
            lens.iter().enumerate().all(|(i, &n)| (n == 0) == (i == 6)),
            "{lens:?}"
        );
        // A gazetteer name over a skippable word keeps its features.
        let mut named = Sentence::new(words.clone());
        named.gazetteer.push(GazetteerHit {
            start: 6,
            end: 7,
            class: "LOC",
        });
        let covered = document_features(&[named], 20, &lex.view(), skip, Options::default());
        assert!(!covered[0].token(6).is_empty());
        let all = document_features(
            &[Sentence::new(words)],
            20,
            &lex.view(),
            Skip::Nothing,
            Options::default(),
        );
        assert!(!all[0].token(6).is_empty());
    }

    #[test]
    fn other_occurrences_lend_their_neighbours() {
        let lex = Lexicon::new(7);
        let empty = LexiconView {
            all: &lex,
            minus: None,
        };
        let one = Sentence::new(vec!["Alinghi", "vince"]);
        let two = Sentence::new(vec!["il", "team", "Alinghi"]);
        let alone = document_features(
            std::slice::from_ref(&one),
            20,
            &empty,
            Skip::Nothing,
            Options::default(),
        );
        let both = document_features(&[one, two], 20, &empty, Skip::Nothing, Options::default());
        // Two occurrences: each gets the (previous, next) pairs of both.
        assert_eq!(both[0].token(0).len(), alone[0].token(0).len() + 2);
        assert!(both[0].token(0).starts_with(&alone[0].token(0)[..10]));
    }

    #[test]
    fn capitalised_words_get_character_trigrams() {
        let lex = Lexicon::new(7);
        let empty = LexiconView {
            all: &lex,
            minus: None,
        };
        let words = vec!["Alinghi", "vince", "la", "NATO", "e"];
        let doc = [Sentence::new(words.clone())];
        let on = Options {
            char_trigrams: true,
        };
        let a = document_features(&doc, 20, &empty, Skip::Nothing, Options::default());
        let b = document_features(&doc, 20, &empty, Skip::Nothing, on);
        // "^al", "ali", "lin", "ing", "ngh", "ghi", "hi$"; "^na", "nat", "ato", "to$".
        let added: Vec<usize> = (0..words.len())
            .map(|i| b[0].token(i).len() - a[0].token(i).len())
            .collect();
        assert_eq!(added, [7, 0, 0, 4, 0]);
        assert!(b[0].token(0).starts_with(a[0].token(0)));
        let mut grams = Vec::new();
        char_trigrams("ÉL’", &mut |f| grams.push(f.0));
        let expected: Vec<u64> = ["^él", "él'", "l'$"]
            .iter()
            .map(|g| Feature::new(50).part(h(g)).0)
            .collect();
        assert_eq!(grams, expected, "lower-cased, quotes folded");
        char_trigrams("a", &mut |f| grams.push(f.0));
        assert_eq!(grams.len(), 4);
    }
}
