//! The token stream as the amounts stage sees it: words cut at hyphens ("quatre-vingt-dix",
//! "twenty-one"), each piece looked up once in the language's lexicon.
use cronaca_lang::{Numbers, Reading, fold_into};
use cronaca_text::{Segmentation, TokenKind};

/// A piece of a token, in byte offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Cut from the same word as the piece before it, at a hyphen.
    pub hyphen_before: bool,
    /// The word it comes from has digits and letters ("Khabar-24", "e10").
    pub mixed: bool,
}

/// The pieces of a text and their lexicon readings.
pub(crate) struct Pieces<'a> {
    pub text: &'a str,
    pub list: Vec<Piece>,
    pub readings: Vec<&'a [Reading]>,
    /// The piece may start a multi-word form ("per" of "per cent of") or a glued compound
    /// ("duecento…") although it is not itself in the lexicon.
    pub multi_start: Vec<bool>,
    /// A multi-word form starts with the piece and a space (`Probe::multi_word`).
    multi_next: Vec<bool>,
    pub numbers: &'a Numbers,
}

/// True when `gap` holds an empty line ("\n\n").
pub(crate) fn blank_line(gap: &str) -> bool {
    gap.as_bytes().windows(2).any(|w| w == b"\n\n")
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// What a byte says about the word holding it (bits of [`BYTE_CLASS`]).
const DIGIT: u8 = 1;
const UPPER: u8 = 2;
const NON_ASCII: u8 = 4;
/// '-', or the first byte of '‐' and '‑'.
const DASH: u8 = 8;

const BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c == b'-' {
            DASH
        } else if c == 0xE2 {
            NON_ASCII | DASH
        } else if c >= 0x80 {
            NON_ASCII
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The [`BYTE_CLASS`] bits of the bytes of `s`, in one pass: most words need no closer look.
fn classes(s: &str) -> u8 {
    s.bytes().fold(0, |acc, b| acc | BYTE_CLASS[usize::from(b)])
}

impl<'a> Pieces<'a> {
    pub(crate) fn new(text: &'a str, seg: &Segmentation, numbers: &'a Numbers) -> Pieces<'a> {
        let n = seg.tokens.len() + 8;
        let mut pieces = Pieces {
            text,
            list: Vec::with_capacity(n),
            readings: Vec::with_capacity(n),
            multi_start: Vec::with_capacity(n),
            multi_next: Vec::with_capacity(n),
            numbers,
        };
        let mut buf = String::new();
        for t in &seg.tokens {
            let s = &text[t.span.clone()];
            let class = classes(s);
            let word = t.kind == TokenKind::Word;
            if !word || class & DASH == 0 || !s.contains(is_hyphen) {
                let mixed = word && class & DIGIT != 0 && s.chars().any(char::is_alphabetic);
                let piece = Piece {
                    start: t.span.start,
                    end: t.span.end,
                    kind: t.kind,
                    hyphen_before: false,
                    mixed,
                };
                pieces.push(piece, class, &mut buf);
                continue;
            }
            let mixed = class & DIGIT != 0;
            let mut first = true;
            let mut start = t.span.start;
            for part in s.split(is_hyphen) {
                let end = start + part.len();
                if !part.is_empty() {
                    let piece = Piece {
                        start,
                        end,
                        kind: TokenKind::Word,
                        hyphen_before: !first,
                        mixed,
                    };
                    pieces.push(piece, classes(part), &mut buf);
                }
                first = false;
                // Skip the hyphen (every hyphen we split on is 1 or 3 bytes).
                start = end + text[end..].chars().next().map_or(1, char::len_utf8);
            }
        }
        pieces
    }

    /// Adds a piece (its bytes' `class`) with what the lexicon says about it.
    fn push(&mut self, p: Piece, class: u8, buf: &mut String) {
        let (mut readings, mut multi_start, mut multi_next) = (&[][..], false, false);
        if p.kind != TokenKind::Number && !p.mixed {
            let word = &self.text[p.start..p.end];
            // Lower-case ASCII is its own folded form, and most words are.
            let folded = if class & (UPPER | NON_ASCII) == 0 {
                word
            } else {
                fold_into(word, buf);
                buf
            };
            let probe = self.numbers.probe(folded.as_bytes());
            multi_next = probe.multi_word;
            if probe.readings.is_empty() && p.kind == TokenKind::Word {
                multi_start = probe.numeral_prefix || probe.multi_word;
            }
            readings = probe.readings;
        }
        self.list.push(p);
        self.readings.push(readings);
        self.multi_start.push(multi_start);
        self.multi_next.push(multi_next);
    }

    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    pub(crate) fn str(&self, i: usize) -> &'a str {
        &self.text[self.list[i].start..self.list[i].end]
    }

    /// True when pieces `i` and `i + 1` may belong to one number: only spaces between them (no
    /// blank line), or a hyphen.
    pub(crate) fn joinable(&self, i: usize) -> bool {
        let Some(next) = self.list.get(i + 1) else {
            return false;
        };
        if next.hyphen_before {
            return true;
        }
        let gap = &self.text[self.list[i].end..next.start];
        !gap.is_empty() && gap.chars().all(char::is_whitespace) && !blank_line(gap)
    }

    /// Like [`joinable`](Self::joinable), also across a spaced hyphen ("ninety - five"): returns
    /// the index of the next piece.
    pub(crate) fn next_joined(&self, i: usize, across_dash: bool) -> Option<usize> {
        let dash_next = self
            .list
            .get(i + 1)
            .is_some_and(|p| p.kind == TokenKind::Punct);
        if self.joinable(i) && !dash_next {
            return Some(i + 1);
        }
        if across_dash
            && self
                .list
                .get(i + 1)
                .is_some_and(|p| p.kind == TokenKind::Punct)
            && self.str(i + 1) == "-"
            && self.text[self.list[i].end..self.list[i + 1].start] == *" "
            && self.joinable(i + 1)
        {
            return Some(i + 2);
        }
        None
    }

    /// The longest lexicon form starting at piece `i` (several pieces for "per cento",
    /// "quatre vingt"): (readings, index of the last piece).
    pub(crate) fn lookup(&self, i: usize, buf: &mut String) -> Option<(&'a [Reading], usize)> {
        let single = self.readings[i];
        let mut best = (!single.is_empty()).then_some((single, i));
        // `multi_next` says whether the first `has_prefix` below can succeed.
        if self.numbers.max_words > 1
            && self.list[i].kind == TokenKind::Word
            && !self.list[i].mixed
            && self.multi_next[i]
        {
            fold_into(self.str(i), buf);
            let mut j = i;
            let mut part = String::new();
            for _ in 1..self.numbers.max_words {
                if !self.joinable(j) || self.list[j + 1].kind == TokenKind::Number {
                    break;
                }
                buf.push(' ');
                if !self.numbers.has_prefix(buf.as_bytes()) {
                    break;
                }
                j += 1;
                fold_into(self.str(j), &mut part);
                buf.push_str(&part);
                let r = self.numbers.get(buf);
                if !r.is_empty() {
                    best = Some((r, j));
                }
            }
        }
        best
    }
}
