//! The `amounts` layer: every number in the text, in digits or words.
//!
//! # Overview
//! [`find_amounts`] walks the tokens once. At each token that can start a number it tries, in
//! order, a unit written before a number ("$10", "percent of 10"), then one number expression
//! (`words::Parser::parse`): digits scanned with the language's marks (`digits`), number words
//! composed by place value (`compose`), fractions, decimals in words, dozens and vague
//! multiples; then a unit after it ("%", "euro"). A second pass (`ranges`) matches the
//! language's range patterns ("tra {a} e {b}", "more than {a}") around the numbers found.
//! Everything language-specific comes from `data/lang/<code>/` through [`cronaca_lang::Numbers`];
//! `DESIGN.md` in this folder explains the composition algorithm.
mod compose;
mod digits;
mod pieces;
mod ranges;
#[cfg(test)]
mod tests;
mod words;

use cronaca_lang::{Lang, Reading, Role, UnitKind, UnitPosition};
use cronaca_model::{AmountKind, Vague};
use cronaca_text::{Segmentation, TokenKind};
use pieces::Pieces;
use std::ops::Range;
use words::{Parsed, Parser};

/// A number found in the text, in byte offsets.
#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    /// Byte range of the whole expression.
    pub span: Range<usize>,
    /// The value; `None` for ranges and vague multiples.
    pub value: Option<f64>,
    /// Cardinal, ordinal, percent, money or range.
    pub kind: AmountKind,
    /// Lower bound (ranges, vague multiples).
    pub low: Option<f64>,
    /// Upper bound (ranges, vague multiples).
    pub high: Option<f64>,
    /// Unit or currency code.
    pub unit: Option<String>,
    /// The vague reading, for "decine", "dozens", "una decina".
    pub vague: Option<Vague>,
    /// The rule that produced it.
    pub rule: String,
    /// Confidence, 0 to 1.
    pub confidence: f64,
}

impl Amount {
    /// The record form, given the span converted to code points.
    pub fn to_model(&self, span: cronaca_model::Span) -> cronaca_model::Amount {
        cronaca_model::Amount {
            span,
            value: self.value,
            kind: self.kind,
            low: self.low,
            high: self.high,
            unit: self.unit.clone(),
            vague: self.vague.clone(),
            rule: self.rule.clone(),
            confidence: self.confidence,
        }
    }
}

/// Finds every number in `text`: one amount per number expression (and, for a range, one more
/// covering the expression and its numbers), in text order.
pub fn find_amounts(text: &str, segmentation: &Segmentation, lang: &Lang) -> Vec<Amount> {
    let pieces = Pieces::new(text, segmentation, &lang.numbers);
    let mut parser = Parser {
        pieces: &pieces,
        conv: &lang.conventions,
        buf: String::new(),
    };
    let urls = url_regions(text);
    let mut found: Vec<(Amount, usize, usize)> = Vec::new();
    let mut next = 0;
    let mut i = 0;
    while i < pieces.len() {
        if i < next || !can_start(&pieces, i) || in_regions(&urls, pieces.list[i].start) {
            i += 1;
            continue;
        }
        if let Some((amount, first, last)) = unit_before(&mut parser, lang, i) {
            next = last + 1;
            found.push((amount, first, last));
            i += 1;
            continue;
        }
        let Some(parsed) = parser.parse(i) else {
            i += 1;
            continue;
        };
        if parsed.pronoun && i > 0 && is_determiner(&pieces, i - 1) {
            next = parsed.last + 1;
            i += 1;
            continue;
        }
        let (amounts, last) = build(&pieces, lang, &parsed, i);
        next = last + 1;
        let piece = pieces.list[last];
        for a in amounts {
            found.push((a, i, last));
        }
        // "192.168.1.2": digits left in the token after the number ends.
        if piece.kind == TokenKind::Number && parsed.end < piece.end {
            rest_of_token(text, lang, parsed.end, piece.end, last, &mut found);
        }
        i += 1;
    }
    ranges::add_ranges(&pieces, lang, &mut found);
    found.sort_by(|a, b| {
        a.0.span
            .start
            .cmp(&b.0.span.start)
            .then(b.0.span.end.cmp(&a.0.span.end))
    });
    found.into_iter().map(|(a, _, _)| a).collect()
}

/// The numbers left in one digit token after the first: "1" and "2" of "192.168.1.2".
fn rest_of_token(
    text: &str,
    lang: &Lang,
    mut at: usize,
    end: usize,
    piece: usize,
    found: &mut Vec<(Amount, usize, usize)>,
) {
    while at < end {
        while at < end && !text.as_bytes()[at].is_ascii_digit() {
            at += 1;
        }
        if at >= end {
            break;
        }
        let d = digits::scan_strict(&text[..end], at, &lang.conventions, &lang.numbers);
        found.push((
            Amount {
                span: at..d.end,
                value: Some(d.value),
                kind: AmountKind::Cardinal,
                low: None,
                high: None,
                unit: None,
                vague: None,
                rule: "digits".into(),
                confidence: 0.6,
            },
            piece,
            piece,
        ));
        at = d.end.max(at + 1);
    }
}

/// Cheap test before parsing: a number token, a decimal mark before digits, a symbol or word
/// the lexicon knows, or a word that may start a multi-word form or a glued compound.
fn can_start(pieces: &Pieces, i: usize) -> bool {
    let p = &pieces.list[i];
    match p.kind {
        TokenKind::Number => true,
        TokenKind::Punct => {
            !pieces.readings[i].is_empty()
                || pieces.text[p.end..].starts_with(|c: char| c.is_ascii_digit())
        }
        TokenKind::Word => {
            if p.mixed {
                return false;
            }
            if !pieces.readings[i].is_empty() || pieces.multi_start[i] {
                return true;
            }
            let s = pieces.str(i);
            let mut chars = s.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if digits::vulgar_fraction(c).is_some())
        }
    }
}

fn is_determiner(pieces: &Pieces, i: usize) -> bool {
    pieces.readings[i]
        .iter()
        .any(|r| matches!(r, Reading::Number(w) if w.role == Role::Determiner))
}

/// Byte ranges of URLs (a run of non-space characters with "://" or starting "www."): their
/// digits are not amounts.
fn url_regions(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = text[from..]
        .find("://")
        .or_else(|| text[from..].find("www."))
    {
        let at = from + k;
        let start = text[..at].rfind(char::is_whitespace).map_or(0, |s| {
            s + text[s..].chars().next().map_or(1, char::len_utf8)
        });
        let end = text[at..]
            .find(char::is_whitespace)
            .map_or(text.len(), |e| at + e);
        out.push(start..end);
        from = end;
        if from >= text.len() {
            break;
        }
    }
    out
}

fn in_regions(regions: &[Range<usize>], at: usize) -> bool {
    regions.iter().any(|r| r.contains(&at))
}

/// A unit reading of the lexicon form at `i` with one of the positions.
fn unit_at<'a>(
    pieces: &Pieces<'a>,
    i: usize,
    before: bool,
    buf: &mut String,
) -> Option<(&'a cronaca_lang::UnitWord, usize)> {
    let (readings, last) = pieces.lookup(i, buf)?;
    readings.iter().find_map(|r| match r {
        Reading::Unit(u)
            if u.position == UnitPosition::Both
                || (u.position == UnitPosition::Before) == before =>
        {
            Some((u, last))
        }
        _ => None,
    })
}

/// True when only spaces (or nothing) separate pieces `i` and `i + 1`.
fn close(pieces: &Pieces, i: usize) -> bool {
    let Some(n) = pieces.list.get(i + 1) else {
        return false;
    };
    let gap = &pieces.text[pieces.list[i].end..n.start];
    gap.len() <= 3 && gap.chars().all(|c| c.is_whitespace() && c != '\n')
}

/// "$10000", "percent of 10": a unit, then a number.
fn unit_before(parser: &mut Parser, lang: &Lang, i: usize) -> Option<(Amount, usize, usize)> {
    let pieces = parser.pieces;
    let mut buf = String::new();
    let (unit, ul) = unit_at(pieces, i, true, &mut buf)?;
    if !close(pieces, ul) {
        return None;
    }
    let parsed = parser.parse(ul + 1)?;
    if parsed.ordinal || parsed.value.is_none() {
        return None;
    }
    let (mut amounts, last) = build(pieces, lang, &parsed, ul + 1);
    let mut a = amounts.remove(0);
    a.span.start = pieces.list[i].start;
    apply_unit(&mut a, unit, lang);
    Some((a, i, last))
}

fn apply_unit(a: &mut Amount, unit: &cronaca_lang::UnitWord, lang: &Lang) {
    match unit.kind {
        UnitKind::Percent => a.kind = AmountKind::Percent,
        UnitKind::Money => {
            a.kind = AmountKind::Money;
            a.unit = Some(unit.code.clone());
        }
        UnitKind::Measure => a.unit = Some(unit.code.clone()),
    }
    a.rule = format!("{}/units:{}", lang.code, unit.form);
}

/// The amounts for one parsed expression (with a unit after it, a sign before it) and the last
/// piece used.
fn build(pieces: &Pieces, lang: &Lang, parsed: &Parsed, i: usize) -> (Vec<Amount>, usize) {
    let mut last = parsed.last;
    let mut start = parsed.start;
    let mut value = parsed.value;
    // A minus sign glued before digits: "-9,2321312", "- 1 4/5" at the start of a line.
    if pieces.list[i].kind == TokenKind::Number && i > 0 {
        let prev = &pieces.list[i - 1];
        let sign = &pieces.text[prev.start..prev.end];
        if sign == "-" || sign == "−" {
            let gap = &pieces.text[prev.end..pieces.list[i].start];
            let before = &pieces.text[..prev.start];
            let open_before = before.is_empty()
                || before.ends_with(|c: char| c.is_whitespace() || "([=:<>".contains(c));
            let ok = (gap.is_empty() && open_before)
                || (gap == " " && before.trim_end_matches([' ', '\t']).is_empty_or_line_end());
            let prev_number =
                i >= 2 && pieces.list[i - 2].kind == TokenKind::Number && before.ends_with(' ');
            if ok && !prev_number {
                start = prev.start;
                value = value.map(|v| -v);
            }
        }
    }
    let rule = match &parsed.rule_form {
        Some(form) => format!("{}/{}:{}", lang.code, parsed.rule_file, form),
        None => "digits".to_string(),
    };
    let mut confidence = if parsed.rule_form.is_none() {
        0.95
    } else {
        0.9
    };
    if parsed.weak {
        confidence = 0.4;
    }
    let mut a = Amount {
        span: start..parsed.end,
        value,
        kind: if parsed.ordinal {
            AmountKind::Ordinal
        } else {
            AmountKind::Cardinal
        },
        low: None,
        high: None,
        unit: None,
        vague: None,
        rule,
        confidence,
    };
    if let Some((q, term)) = &parsed.vague {
        let plural = parsed.value.is_none();
        if plural {
            a.low = Some(2.0 * q.unit);
            a.high = Some(q.ceiling.unwrap_or(10.0 * q.unit) - 1.0);
        }
        a.vague = Some(Vague {
            term: term.clone(),
            unit: q.unit,
            plural,
        });
        a.confidence = 0.8;
    }
    // A unit after the number: "27%", "14.30 euro", "venti per cento".
    if !parsed.ordinal && value.is_some() && close(pieces, last) {
        let mut buf = String::new();
        if let Some((unit, ul)) = unit_at(pieces, last + 1, false, &mut buf) {
            apply_unit(&mut a, unit, lang);
            a.span.end = pieces.list[ul].end;
            last = ul;
        }
    }
    let mut out = vec![a];
    if let Some((is_ordinal, v)) = parsed.alt {
        let mut b = out[0].clone();
        b.kind = if is_ordinal {
            AmountKind::Ordinal
        } else {
            AmountKind::Cardinal
        };
        b.value = Some(v);
        b.confidence = 0.5;
        out.push(b);
    }
    (out, last)
}

trait LineEnd {
    fn is_empty_or_line_end(&self) -> bool;
}

impl LineEnd for str {
    fn is_empty_or_line_end(&self) -> bool {
        self.is_empty() || self.ends_with('\n')
    }
}
