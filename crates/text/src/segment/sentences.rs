//! Sentence boundaries over the token list. See `crates/text/DESIGN.md` for the rules.

use super::rules::AbbreviationKind;
use super::tokens::{char_at, is_apostrophe};
use super::{SegmentRules, Sentence, Token, TokenKind};
use std::ops::Range;

/// What the whitespace between two tokens holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Tokens touch.
    None,
    /// Spaces or tabs only.
    Space,
    /// One line break.
    Line,
    /// A blank line (two or more line breaks).
    Paragraph,
}

fn gap(text: &str, from: usize, to: usize) -> Gap {
    if from == to {
        return Gap::None;
    }
    let bytes = &text.as_bytes()[from..to];
    // U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR are rare; count them as breaks.
    let mut lines = 0;
    for (k, &b) in bytes.iter().enumerate() {
        match b {
            b'\n' | 0x0b | 0x0c => lines += 1,
            0xE2 if bytes.get(k + 1) == Some(&0x80) => match bytes.get(k + 2) {
                Some(0xA8) => lines += 1,
                Some(0xA9) => lines += 2,
                _ => {}
            },
            _ => {}
        }
    }
    match lines {
        0 => Gap::Space,
        1 => Gap::Line,
        _ => Gap::Paragraph,
    }
}

fn first_char(text: &str, t: &Token) -> char {
    char_at(text, t.span.start).unwrap_or(' ')
}

fn is_terminal(s: &str) -> bool {
    s.starts_with(['.', '!', '?', '…'])
}

/// Marks that close a quotation or bracket when they touch the sentence's last mark. “ and ‘
/// close German „…“ quotes, « closes German »…« quotes.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '”'
            | '“'
            | '»'
            | '«'
            | '’'
            | '‘'
            | '\''
            | ')'
            | ']'
            | '}'
            | '›'
            | '‹'
            | '」'
            | '』'
    )
}

/// Marks that may open a sentence before its first word: quotes, brackets, inverted marks.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '“'
            | '„'
            | '«'
            | '»'
            | '‘'
            | '‚'
            | '\''
            | '('
            | '['
            | '‹'
            | '›'
            | '¿'
            | '¡'
            | '「'
            | '『'
    )
}

/// Dialogue dashes and list bullets.
fn is_dash_or_bullet(c: char) -> bool {
    matches!(
        c,
        '-' | '–'
            | '—'
            | '―'
            | '•'
            | '·'
            | '*'
            | '▪'
            | '►'
            | '■'
            | '◦'
            | '‣'
            | '●'
            | '○'
            | '→'
    )
}

struct Splitter<'a> {
    text: &'a str,
    tokens: &'a [Token],
    rules: &'a SegmentRules,
    lower: String,
}

impl<'a> Splitter<'a> {
    fn tok(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].span.clone()]
    }

    fn gap_after(&self, i: usize) -> Gap {
        match self.tokens.get(i + 1) {
            Some(next) => gap(self.text, self.tokens[i].span.end, next.span.start),
            None => Gap::Paragraph,
        }
    }

    /// True when token `j` can be the first of a sentence: a capitalised or uncased word, a
    /// number, or an opening quote, bracket, dash or bullet followed by one of those.
    fn starts_sentence(&self, j: usize) -> bool {
        let mut j = j;
        for _ in 0..3 {
            let Some(t) = self.tokens.get(j) else {
                return true;
            };
            let c = first_char(self.text, t);
            match t.kind {
                TokenKind::Number => return true,
                TokenKind::Word => return !c.is_lowercase(),
                TokenKind::Punct if is_opening(c) || is_dash_or_bullet(c) => j += 1,
                TokenKind::Punct => return false,
            }
        }
        true
    }

    /// True when word token `j` is a sentence starter of the language, written capitalised.
    fn is_starter(&mut self, j: usize) -> bool {
        let Some(t) = self.tokens.get(j) else {
            return false;
        };
        if t.kind != TokenKind::Word || !first_char(self.text, t).is_uppercase() {
            return false;
        }
        // An initial ("A. Smith") is not a starter.
        if self
            .tokens
            .get(j + 1)
            .is_some_and(|n| n.span.start == t.span.end && self.tok(j + 1) == ".")
            && self.tok(j).chars().nth(1).is_none()
        {
            return false;
        }
        if !self.rules.has_sentence_starters() {
            return false;
        }
        self.lower.clear();
        self.lower
            .extend(self.tok(j).chars().flat_map(char::to_lowercase));
        self.rules.is_sentence_starter(&self.lower)
    }

    /// The first token after the opening quotes, brackets and dashes from `j`.
    fn first_word_from(&self, j: usize) -> usize {
        let mut j = j;
        while let Some(t) = self.tokens.get(j) {
            let c = first_char(self.text, t);
            if t.kind == TokenKind::Punct && (is_opening(c) || is_dash_or_bullet(c)) {
                j += 1;
            } else {
                break;
            }
        }
        j
    }

    /// How the period at token `i` (a lone ".") should be read, looking at what it touches.
    fn period_role(&mut self, i: usize, first: usize) -> PeriodRole {
        if i == 0 {
            return PeriodRole::End;
        }
        let prev = &self.tokens[i - 1];
        if prev.span.end != self.tokens[i].span.start {
            return PeriodRole::End;
        }
        match prev.kind {
            TokenKind::Number => {
                // "1." opening a sentence or a line is a list number.
                if i - 1 == first {
                    return PeriodRole::Enumerator;
                }
                if self.rules.ordinal_period {
                    return PeriodRole::Ordinal;
                }
                PeriodRole::End
            }
            TokenKind::Word => {
                let word = self.tok(i - 1);
                let mut cs = word.chars();
                let single_upper = cs.next().is_some_and(char::is_uppercase) && cs.next().is_none();
                // Gather "U.S" back to the start of a dotted run so "U.S." matches the list.
                let mut start = prev.span.start;
                let mut j = i - 1;
                while j >= 2
                    && self.tok(j - 1) == "."
                    && self.tokens[j - 1].span.end == self.tokens[j].span.start
                    && self.tokens[j - 2].span.end == self.tokens[j - 1].span.start
                    && self.tokens[j - 2].kind == TokenKind::Word
                {
                    j -= 2;
                    start = self.tokens[j].span.start;
                }
                let end = self.tokens[i].span.end;
                if let Some(kind) = self.lookup(start, end).or_else(|| {
                    // "S.p.A." may be listed whole, "gen." alone.
                    (start != prev.span.start)
                        .then(|| self.lookup(prev.span.start, end))
                        .flatten()
                }) {
                    return match kind {
                        AbbreviationKind::Inner => PeriodRole::Abbreviation,
                        AbbreviationKind::Ending => PeriodRole::End,
                    };
                }
                if single_upper {
                    return PeriodRole::Initial;
                }
                PeriodRole::End
            }
            TokenKind::Punct => PeriodRole::End,
        }
    }

    fn lookup(&mut self, start: usize, end: usize) -> Option<AbbreviationKind> {
        // Abbreviations are short; a long run is never one.
        if end - start > 24 {
            return None;
        }
        self.lower.clear();
        self.lower
            .extend(self.text[start..end].chars().flat_map(char::to_lowercase));
        let lower = std::mem::take(&mut self.lower);
        let kind = self.rules.abbreviation_kind(&lower);
        self.lower = lower;
        kind
    }

    /// True when a single line break after token `i` ends the sentence: the line does not end
    /// mid-phrase (comma, hyphen, opening mark, abbreviation) and the next starts like a
    /// sentence, or with a bullet or dash.
    fn line_break_ends(&mut self, i: usize, first: usize) -> bool {
        let t = &self.tokens[i];
        let s = self.tok(i);
        let c = first_char(self.text, t);
        if t.kind == TokenKind::Punct {
            if matches!(c, ',' | ';' | '(' | '[' | '/' | '&' | '+' | '=') || is_hyphen_like(s) {
                return false;
            }
            if is_opening(c) && !is_closing(c) {
                return false;
            }
            if s == "." {
                let role = self.period_role(i, first);
                if matches!(role, PeriodRole::Abbreviation | PeriodRole::Initial) {
                    return false;
                }
            }
        }
        let Some(next) = self.tokens.get(i + 1) else {
            return true;
        };
        let n = first_char(self.text, next);
        if next.kind == TokenKind::Punct && is_dash_or_bullet(n) {
            return true;
        }
        self.starts_sentence(i + 1)
    }

    fn split(mut self, title: Option<&Range<usize>>) -> Vec<Sentence> {
        let tokens = self.tokens;
        let mut sentences = Vec::with_capacity(tokens.len() / 20 + 1);
        let mut first = 0;
        let mut i = 0;
        while i < tokens.len() {
            let mut end_here = false;
            let s = self.tok(i);
            if tokens[i].kind == TokenKind::Punct && is_terminal(s) {
                let role = if s == "." {
                    self.period_role(i, first)
                } else {
                    PeriodRole::End
                };
                // Take closing quotes and brackets along: touching ones, or spaced ones the
                // language allows (French « … »).
                let mut last = i;
                while let Some(next) = tokens.get(last + 1) {
                    let c = first_char(self.text, next);
                    let attached = next.span.start == tokens[last].span.end;
                    let fits = next.kind == TokenKind::Punct
                        && ((attached && is_closing(c))
                            || (self.gap_after(last) == Gap::Space
                                && self.rules.is_spaced_closing_quote(c)));
                    if !fits {
                        break;
                    }
                    last += 1;
                }
                let next_gap = self.gap_after(last);
                let next_word = self.first_word_from(last + 1);
                end_here = match role {
                    _ if next_gap == Gap::None => false,
                    _ if last + 1 == tokens.len() => true,
                    PeriodRole::End => self.starts_sentence(last + 1),
                    // "Sig. Rossi", "J. R. R. Tolkien", "am 6. Januar", "1. Punkt": only a
                    // word that starts sentences ("The", "Die") shows an end.
                    PeriodRole::Abbreviation | PeriodRole::Initial | PeriodRole::Ordinal => {
                        self.is_starter(next_word)
                    }
                    PeriodRole::Enumerator => false,
                };
                if end_here {
                    i = last;
                }
            }
            if !end_here {
                end_here = match self.gap_after(i) {
                    Gap::Paragraph => true,
                    Gap::Line => self.line_break_ends(i, first),
                    _ => false,
                } || title.is_some_and(|r| tokens[i].span.end == r.end);
            }
            if end_here || i + 1 == tokens.len() {
                sentences.push(Sentence {
                    span: tokens[first].span.start..tokens[i].span.end,
                    tokens: first..i + 1,
                });
                first = i + 1;
            }
            i += 1;
        }
        sentences
    }
}

fn is_hyphen_like(s: &str) -> bool {
    s.chars().all(|c| matches!(c, '-' | '‐' | '‑'))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PeriodRole {
    End,
    Abbreviation,
    Initial,
    Ordinal,
    Enumerator,
}

pub(crate) fn split_sentences(
    text: &str,
    tokens: &[Token],
    rules: &SegmentRules,
    title: Option<&Range<usize>>,
) -> Vec<Sentence> {
    Splitter {
        text,
        tokens,
        rules,
        lower: String::new(),
    }
    .split(title)
}

/// Finds a dateline opening the body: "ALMATY, 6 gen. –", "MOSCOW (Reuters) -",
/// "Roma, 6 gennaio 2022 -". Returns the span before the dash.
pub(crate) fn find_dateline(
    text: &str,
    tokens: &[Token],
    sentence: &Sentence,
) -> Option<Range<usize>> {
    let toks = &tokens[sentence.tokens.clone()];
    let first = toks.first()?;
    if first.kind != TokenKind::Word {
        return None;
    }
    let word = &text[first.span.clone()];
    let all_caps = word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !word.chars().any(char::is_lowercase);
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    let mut has_number = false;
    let mut comma_second = false;
    for (k, t) in toks.iter().enumerate().take(16).skip(1) {
        let s = &text[t.span.clone()];
        if k == 1 && s == "," {
            comma_second = true;
        }
        if t.kind == TokenKind::Number {
            has_number = true;
        }
        let dash = t.kind == TokenKind::Punct && matches!(s, "-" | "–" | "—" | "--");
        if dash {
            let spaced = gap(text, toks[k - 1].span.end, t.span.start) != Gap::None
                && toks
                    .get(k + 1)
                    .is_some_and(|n| gap(text, t.span.end, n.span.start) != Gap::None);
            if spaced && (all_caps || (capitalised && comma_second && has_number)) {
                return Some(first.span.start..toks[k - 1].span.end);
            }
            return None;
        }
        // A dateline holds no sentence mark but abbreviation periods.
        if matches!(s, "!" | "?" | ":" | ";" | "\"" | "“" | "«") || is_apostrophe_only(s) {
            return None;
        }
    }
    None
}

fn is_apostrophe_only(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_apostrophe)
}
