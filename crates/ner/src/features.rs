//! Feature extraction: every feature is a template id and a few strings, hashed into a bucket.
//!
//! Templates (token `i` of a sentence): bias; the lower-cased word and the word as written; its
//! shape (`Xxxx`, `dd.d`) and short shape (`Xx`, `d.d`); prefixes and suffixes of 1–4
//! characters; the words and short shapes of the neighbours (±1, ±2) and word bigrams around
//! it; the words within three tokens on each side, as a bag per side; sentence-initial position; an ALL-CAPS sentence flag (headlines); what the document
//! says about the word elsewhere (capitalised in mid-sentence, written in lower case); and the
//! gazetteer classes of the names that cover the token ([`GazetteerHit`]).
//!
//! Only the hash of a feature is kept, never its string: the model is a table of
//! `2^bits` rows of one weight per label.

use std::collections::HashMap;

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

/// FNV-1a over the template id and the parts, then a 64-bit finaliser.
struct Hash(u64);

impl Hash {
    fn new(template: u8) -> Hash {
        let mut h = Hash(0xcbf2_9ce4_8422_2325);
        h.byte(template);
        h
    }

    #[inline]
    fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }

    #[inline]
    fn part(mut self, s: &str) -> Hash {
        for b in s.bytes() {
            self.byte(b);
        }
        self.byte(0x1f);
        self
    }

    #[inline]
    fn bucket(self, bits: u32) -> u32 {
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        x ^= x >> 33;
        (x >> (64 - bits)) as u32
    }
}

/// What is computed once per token.
struct Tok {
    word: String,
    lower: String,
    shape: String,
    short: String,
    /// Byte offsets of the lower-cased word's first four and last four character boundaries.
    prefix_ends: [usize; 4],
    suffix_starts: [usize; 4],
    alpha: bool,
    upper_initial: bool,
}

const START: &str = "<s>";
const END: &str = "</s>";

fn tok(word: &str) -> Tok {
    // Typographic apostrophes and quotes fold to ASCII so "dell’" and "dell'" are one word.
    let word: String = word
        .chars()
        .map(|c| match c {
            '’' | '‘' | 'ʼ' | '`' => '\'',
            '“' | '”' | '«' | '»' | '„' => '"',
            c => c,
        })
        .collect();
    let lower = word.to_lowercase();
    let mut shape = String::new();
    let mut short = String::new();
    let mut run = 0;
    let mut last = '\0';
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if s == last {
            run += 1;
        } else {
            run = 1;
            short.push(s);
        }
        if run <= 4 {
            shape.push(s);
        }
        last = s;
    }
    let bounds: Vec<usize> = lower
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(lower.len()))
        .collect();
    let n = bounds.len() - 1;
    let mut prefix_ends = [0; 4];
    let mut suffix_starts = [lower.len(); 4];
    for k in 0..4 {
        prefix_ends[k] = bounds[(k + 1).min(n)];
        suffix_starts[k] = bounds[n.saturating_sub(k + 1)];
    }
    let first = word.chars().next().unwrap_or(' ');
    Tok {
        alpha: first.is_alphabetic(),
        upper_initial: first.is_uppercase(),
        word,
        lower,
        shape,
        short,
        prefix_ends,
        suffix_starts,
    }
}

/// True when most words of the sentence are written in capitals (headlines, datelines).
fn is_caps_sentence(toks: &[Tok]) -> bool {
    let (mut caps, mut words) = (0, 0);
    for t in toks.iter().filter(|t| t.alpha) {
        words += 1;
        if t.word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
        {
            caps += 1;
        }
    }
    words >= 2 && caps * 3 >= words * 2
}

/// Computes the features of every token of a document (the sentences in text order).
pub(crate) fn document_features(
    doc_sentences: &[Sentence<'_>],
    bits: u32,
) -> Vec<SentenceFeatures> {
    let toks: Vec<Vec<Tok>> = doc_sentences
        .iter()
        .map(|s| s.tokens.iter().map(|w| tok(w)).collect())
        .collect();
    let caps: Vec<bool> = toks.iter().map(|s| is_caps_sentence(s)).collect();
    // What the document says about each word elsewhere: bit 0 = capitalised in mid-sentence,
    // bit 1 = written in lower case.
    let mut seen: HashMap<&str, u8> = HashMap::new();
    for (s, sent) in toks.iter().enumerate() {
        for (i, t) in sent.iter().enumerate() {
            if !t.alpha || caps[s] {
                continue;
            }
            let bit = if !t.upper_initial {
                2
            } else if i > 0 && sent[i - 1].word != "\"" {
                1
            } else {
                0
            };
            *seen.entry(t.lower.as_str()).or_default() |= bit;
        }
    }
    // The neighbours of each capitalised word at its other places in the document.
    let mut contexts: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
    for sent in &toks {
        for (i, t) in sent.iter().enumerate() {
            if !t.upper_initial {
                continue;
            }
            let prev = if i > 0 {
                sent[i - 1].lower.as_str()
            } else {
                START
            };
            let next = sent.get(i + 1).map_or(END, |n| n.lower.as_str());
            let v = contexts.entry(t.lower.as_str()).or_default();
            if v.len() < DOC_CONTEXTS {
                v.push((prev, next));
            }
        }
    }
    let doc = Doc { seen, contexts };
    toks.iter()
        .zip(doc_sentences)
        .zip(&caps)
        .map(|((sent, input), &caps)| sentence_features(sent, input, caps, &doc, bits))
        .collect()
}

/// Occurrences of a word whose neighbours become features of its other occurrences.
const DOC_CONTEXTS: usize = 8;

/// What the document says about its words.
struct Doc<'d> {
    /// Bit 0: capitalised in mid-sentence; bit 1: written in lower case.
    seen: HashMap<&'d str, u8>,
    /// Lower-cased neighbours (previous, next) of the first occurrences of capitalised words.
    contexts: HashMap<&'d str, Vec<(&'d str, &'d str)>>,
}

fn sentence_features(
    toks: &[Tok],
    input: &Sentence<'_>,
    caps: bool,
    doc: &Doc<'_>,
    bits: u32,
) -> SentenceFeatures {
    let n = toks.len();
    let mut out = SentenceFeatures {
        offsets: Vec::with_capacity(n + 1),
        buckets: Vec::with_capacity(n * 36),
    };
    out.offsets.push(0);
    let lower = |i: isize| -> &str {
        if i < 0 {
            START
        } else if i as usize >= n {
            END
        } else {
            &toks[i as usize].lower
        }
    };
    let short = |i: isize| -> &str {
        if i < 0 {
            START
        } else if i as usize >= n {
            END
        } else {
            &toks[i as usize].short
        }
    };
    for (i, t) in toks.iter().enumerate() {
        let b = &mut out.buckets;
        let ii = i as isize;
        let mut f = |h: Hash| b.push(h.bucket(bits));
        f(Hash::new(0));
        f(Hash::new(1).part(&t.lower));
        f(Hash::new(2).part(&t.word));
        f(Hash::new(3).part(&t.shape));
        f(Hash::new(4).part(&t.short));
        for k in 0..4 {
            f(Hash::new(5 + k as u8).part(&t.lower[..t.prefix_ends[k]]));
            f(Hash::new(9 + k as u8).part(&t.lower[t.suffix_starts[k]..]));
        }
        f(Hash::new(13).part(lower(ii - 1)));
        f(Hash::new(14).part(lower(ii + 1)));
        f(Hash::new(15).part(lower(ii - 2)));
        f(Hash::new(16).part(lower(ii + 2)));
        f(Hash::new(17).part(short(ii - 1)));
        f(Hash::new(18).part(short(ii + 1)));
        f(Hash::new(19).part(lower(ii - 1)).part(&t.lower));
        f(Hash::new(20).part(&t.lower).part(lower(ii + 1)));
        f(Hash::new(21)
            .part(short(ii - 1))
            .part(&t.short)
            .part(short(ii + 1)));
        if i == 0 {
            f(Hash::new(22).part(&t.shape));
        }
        if t.alpha {
            let flags = doc.seen.get(t.lower.as_str()).copied().unwrap_or(0);
            f(Hash::new(23)
                .part(&t.short)
                .part(["-", "C", "L", "CL"][flags as usize]));
        }
        if caps {
            f(Hash::new(24).part(&t.short));
            f(Hash::new(24).part(&t.lower));
        }
        f(Hash::new(25).part(lower(ii - 1)).part(&t.short));
        f(Hash::new(26).part(&t.short).part(lower(ii + 1)));
        f(Hash::new(27).part(lower(ii - 2)).part(lower(ii - 1)));
        f(Hash::new(28).part(lower(ii + 1)).part(lower(ii + 2)));
        for d in [-3isize, -2, -1, 1, 2, 3] {
            let j = ii + d;
            if j >= 0 && (j as usize) < n && toks[j as usize].alpha {
                let side = if d < 0 { "L" } else { "R" };
                f(Hash::new(31).part(side).part(&toks[j as usize].lower));
            }
        }
        if t.upper_initial
            && let Some(ctx) = doc.contexts.get(t.lower.as_str())
        {
            for (prev, next) in ctx {
                f(Hash::new(32).part(prev));
                f(Hash::new(33).part(next));
            }
        }
        for hit in input.gazetteer.iter().filter(|h| h.start <= i && i < h.end) {
            let bio = if hit.start == i { "B" } else { "I" };
            let whole = if hit.end - hit.start == 1 { "1" } else { "n" };
            f(Hash::new(29).part(bio).part(hit.class));
            f(Hash::new(30).part(hit.class).part(whole).part(&t.short));
        }
        out.offsets.push(out.buckets.len() as u32);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_affixes() {
        let t = tok("Kassym-Jomart");
        assert_eq!(t.shape, "Xxxxx-Xxxxx");
        assert_eq!(t.short, "Xx-Xx");
        assert_eq!(&t.lower[..t.prefix_ends[3]], "kass");
        assert_eq!(&t.lower[t.suffix_starts[2]..], "art");
        let t = tok("è");
        assert_eq!(&t.lower[..t.prefix_ends[3]], "è");
        assert_eq!(tok("dell’").lower, "dell'");
        assert_eq!(tok("1.000").short, "d.d");
    }

    #[test]
    fn gazetteer_hits_add_features() {
        let plain = Sentence::new(vec!["a", "Roma"]);
        let mut with = plain.clone();
        with.gazetteer.push(GazetteerHit {
            start: 1,
            end: 2,
            class: "LOC",
        });
        let a = document_features(&[plain], 20);
        let b = document_features(&[with], 20);
        assert_eq!(a[0].token(0), b[0].token(0));
        assert_eq!(b[0].token(1).len(), a[0].token(1).len() + 2);
    }
}
