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

impl<'a> Pieces<'a> {
    pub(crate) fn new(text: &'a str, seg: &Segmentation, numbers: &'a Numbers) -> Pieces<'a> {
        let mut list = Vec::with_capacity(seg.tokens.len() + 8);
        for t in &seg.tokens {
            let s = &text[t.span.clone()];
            if t.kind != TokenKind::Word || !s.contains(is_hyphen) {
                let mixed = t.kind == TokenKind::Word
                    && s.bytes().any(|b| b.is_ascii_digit())
                    && s.chars().any(char::is_alphabetic);
                list.push(Piece {
                    start: t.span.start,
                    end: t.span.end,
                    kind: t.kind,
                    hyphen_before: false,
                    mixed,
                });
                continue;
            }
            let mixed = s.bytes().any(|b| b.is_ascii_digit());
            let mut first = true;
            let mut start = t.span.start;
            for part in s.split(is_hyphen) {
                let end = start + part.len();
                if !part.is_empty() {
                    list.push(Piece {
                        start,
                        end,
                        kind: TokenKind::Word,
                        hyphen_before: !first,
                        mixed,
                    });
                }
                first = false;
                // Skip the hyphen (every hyphen we split on is 1 or 3 bytes).
                start = end + text[end..].chars().next().map_or(1, char::len_utf8);
            }
        }
        let mut buf = String::new();
        let mut multi_start = vec![false; list.len()];
        let mut multi_next = vec![false; list.len()];
        let readings = list
            .iter()
            .enumerate()
            .map(|(i, p)| {
                if p.kind == TokenKind::Number || p.mixed {
                    return &[][..];
                }
                fold_into(&text[p.start..p.end], &mut buf);
                let probe = numbers.probe(buf.as_bytes());
                multi_next[i] = probe.multi_word;
                if probe.readings.is_empty() && p.kind == TokenKind::Word {
                    multi_start[i] =
                        (numbers.compounds && probe.numeral_prefix) || probe.multi_word;
                }
                probe.readings
            })
            .collect();
        Pieces {
            text,
            list,
            readings,
            multi_start,
            multi_next,
            numbers,
        }
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
