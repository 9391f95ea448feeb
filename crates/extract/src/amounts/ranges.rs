//! Ranges around the numbers found: "tra 10 e 20", "more than 30", "10-20", from the patterns
//! of the language's `ranges.tsv`. The numbers keep their own amounts; a range adds one amount
//! of kind `range` covering the whole expression.
use super::Amount;
use super::pieces::{Pieces, blank_line};
use cronaca_lang::{Bound, Lang, PatternPart, Reading, Role, fold_into, strip_accents};
use cronaca_model::AmountKind;
use std::collections::HashMap;

/// One matched range, before it becomes an amount.
struct Match {
    start: usize,
    end: usize,
    first: usize,
    last: usize,
    low: Option<f64>,
    high: Option<f64>,
    rule: String,
}

/// The last piece folded by `literal_matches` (its accent-less form when asked for), and the
/// accent-less literals: the patterns are tried one after the other on the same pieces.
struct Folds<'l> {
    piece: usize,
    folded: String,
    stripped: Option<String>,
    literals: HashMap<&'l str, String>,
}

fn literal_matches<'l>(pieces: &Pieces, i: usize, lit: &'l str, f: &mut Folds<'l>) -> bool {
    let s = pieces.str(i).as_bytes();
    let l = lit.as_bytes();
    // ASCII on both sides: folding is lowering the ASCII letters and accents play no part.
    if s.is_ascii() && l.is_ascii() {
        return s.len() == l.len() && s.iter().zip(l).all(|(a, b)| a.to_ascii_lowercase() == *b);
    }
    // Folding and stripping accents keep a leading ASCII character (lowered).
    if let (Some(a), Some(b)) = (s.first(), l.first())
        && a.is_ascii()
        && b.is_ascii()
        && a.to_ascii_lowercase() != *b
    {
        return false;
    }
    if f.piece != i {
        fold_into(pieces.str(i), &mut f.folded);
        f.piece = i;
        f.stripped = None;
    }
    let buf = &f.folded;
    if buf == lit {
        return true;
    }
    if buf.is_ascii() && lit.is_ascii() || buf.len().abs_diff(lit.len()) > 4 {
        return false;
    }
    let stripped = f.stripped.get_or_insert_with(|| strip_accents(buf));
    *stripped == *f.literals.entry(lit).or_insert_with(|| strip_accents(lit))
}

/// True when nothing but spaces (no blank line) separates pieces `a` and `a + 1`.
fn adjacent(pieces: &Pieces, a: usize) -> bool {
    let Some(n) = pieces.list.get(a + 1) else {
        return false;
    };
    let gap = &pieces.text[pieces.list[a].end..n.start];
    gap.chars().all(char::is_whitespace) && !blank_line(gap)
}

fn piece_at(pieces: &Pieces, byte: usize) -> Option<usize> {
    pieces.list.binary_search_by(|p| p.start.cmp(&byte)).ok()
}

fn tight(v: f64, exclusive_up: bool) -> f64 {
    if v.fract() == 0.0 {
        if exclusive_up { v + 1.0 } else { v - 1.0 }
    } else {
        v
    }
}

/// Adds a range amount for every range pattern matched around the amounts found.
pub(crate) fn add_ranges(pieces: &Pieces, lang: &Lang, found: &mut Vec<(Amount, usize, usize)>) {
    let patterns = &lang.numbers.ranges;
    if patterns.is_empty() || found.is_empty() {
        return;
    }
    // Amounts usable as range ends, by first piece: (value, last piece).
    let mut ends: Vec<(usize, f64, usize)> = Vec::new();
    for (a, _, last) in found.iter() {
        let (Some(v), Some(first)) = (a.value, piece_at(pieces, a.span.start)) else {
            continue;
        };
        if a.kind == AmountKind::Range || a.confidence < 0.5 {
            continue;
        }
        if ends.last().is_none_or(|e| e.0 != first) {
            ends.push((first, v, *last));
        }
        // "al menos 30": "menos" read as a minus sign also leaves the number itself.
        let negative_word = pieces.readings[first]
            .iter()
            .any(|r| matches!(r, Reading::Number(w) if w.role == Role::Negative));
        if negative_word && first < *last {
            ends.push((first + 1, -v, *last));
        }
    }
    // `found` is in text order, so `ends` is sorted by first piece (a negative word adds its
    // number right after it).
    ends.sort_by_key(|e| e.0);
    ends.dedup_by_key(|e| e.0);
    let end_at = |i: usize| {
        ends.binary_search_by_key(&i, |e| e.0)
            .ok()
            .map(|k| (ends[k].1, ends[k].2))
    };
    let mut buf = Folds {
        piece: usize::MAX,
        folded: String::new(),
        stripped: None,
        literals: HashMap::new(),
    };
    let mut matches: Vec<Match> = Vec::new();
    // The folded, accent-less form of a piece, to compare with `RangePattern::first_literal`.
    let mut scratch = String::new();
    let mut key = |i: usize| {
        fold_into(pieces.str(i), &mut scratch);
        strip_accents(&scratch)
    };
    for &(first, a, alast) in &ends {
        let (mut before, mut after) = (None, None);
        for pat in patterns {
            let ka = pat.a;
            // A literal that `literal_matches` accepts has the same folded, accent-less form
            // as the piece: most patterns are told apart here, without matching.
            if let Some(lit) = &pat.first_literal {
                let (at, slot) = if ka > 0 {
                    (first.checked_sub(1), &mut before)
                } else {
                    (Some(alast + 1).filter(|&j| j < pieces.len()), &mut after)
                };
                let Some(at) = at else { continue };
                if slot.get_or_insert_with(|| key(at)) != lit {
                    continue;
                }
            }
            // Literals before {a}, backwards.
            let mut start = first;
            let mut ok = true;
            for part in pat.parts[..ka].iter().rev() {
                let PatternPart::Literal(lit) = part else {
                    ok = false;
                    break;
                };
                if start == 0
                    || !literal_matches(pieces, start - 1, lit, &mut buf)
                    || !adjacent(pieces, start - 1)
                {
                    ok = false;
                    break;
                }
                start -= 1;
            }
            if !ok {
                continue;
            }
            // After {a}: literals and {b}.
            let mut end = alast;
            let mut b = None;
            for part in &pat.parts[ka + 1..] {
                if end + 1 >= pieces.len() {
                    ok = false;
                    break;
                }
                // The part first, then the gap: the cheaper test usually fails.
                match part {
                    PatternPart::Literal(lit)
                        if literal_matches(pieces, end + 1, lit, &mut buf)
                            && adjacent(pieces, end) =>
                    {
                        end += 1;
                    }
                    PatternPart::B => match end_at(end + 1) {
                        Some((v, l)) if adjacent(pieces, end) => {
                            b = Some(v);
                            end = l;
                        }
                        _ => {
                            ok = false;
                            break;
                        }
                    },
                    _ => {
                        ok = false;
                        break;
                    }
                }
            }
            if !ok {
                continue;
            }
            // Not inside a longer chain ("+1-222-2222", "=>30", "<>30").
            let before = &pieces.text[..pieces.list[start].start];
            let after = &pieces.text[pieces.list[end].end..];
            if before.ends_with(|c: char| c.is_ascii_digit() || "-+=<>!".contains(c))
                || after.starts_with('-') && after[1..].starts_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            let (low, high) = match pat.bound {
                Bound::Between => match b {
                    Some(b) if b > a => (Some(a), Some(b)),
                    _ => continue,
                },
                Bound::MoreThan => (Some(tight(a, true)), None),
                Bound::AtLeast => (Some(a), None),
                Bound::LessThan => (None, Some(tight(a, false))),
                Bound::AtMost => (None, Some(a)),
            };
            matches.push(Match {
                start: pieces.list[start].start,
                end: pieces.list[end].end,
                first: start,
                last: end,
                low,
                high,
                rule: format!("{}/ranges:{}", lang.code, pat.pattern),
            });
        }
    }
    // Longest first, no overlaps.
    matches.sort_by(|x, y| {
        (y.end - y.start)
            .cmp(&(x.end - x.start))
            .then(x.start.cmp(&y.start))
    });
    // Longest first, each kept unless it overlaps one already kept. The kept matches are
    // disjoint, so only the kept match starting last before `m.end` can overlap `m`.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut kept: Vec<Match> = Vec::new();
    for m in matches {
        let overlaps = taken
            .range(..m.end)
            .next_back()
            .is_some_and(|(_, &end)| end > m.start);
        if !overlaps {
            taken.insert(m.start, m.end);
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.start);
    // "greater than 100 and smaller than 300": an open lower and an open upper bound joined
    // by a joiner or a comma become one range.
    let mut merged: Vec<Match> = Vec::new();
    for m in kept {
        if let Some(prev) = merged.last_mut() {
            let between: Vec<usize> = (prev.last + 1..m.first).collect();
            let joined = between.len() <= 2
                && between.iter().all(|&i| {
                    pieces.str(i) == ","
                        || pieces.readings[i]
                            .iter()
                            .any(|r| matches!(r, Reading::Number(w) if w.role == Role::Joiner))
                })
                && (prev.last + 1..m.first).all(|i| adjacent(pieces, i - 1));
            let comp = match (prev.low, prev.high, m.low, m.high) {
                (Some(l), None, None, Some(h)) if l < h => Some((l, h)),
                (None, Some(h), Some(l), None) if l < h => Some((l, h)),
                _ => None,
            };
            let words = pieces.list[prev.first].kind == cronaca_text::TokenKind::Word
                && pieces.list[m.first].kind == cronaca_text::TokenKind::Word;
            if joined
                && words
                && let Some((l, h)) = comp
            {
                prev.low = Some(l);
                prev.high = Some(h);
                prev.end = m.end;
                prev.last = m.last;
                continue;
            }
        }
        merged.push(m);
    }
    for m in merged {
        found.push((
            Amount {
                span: m.start..m.end,
                value: None,
                kind: AmountKind::Range,
                low: m.low,
                high: m.high,
                unit: None,
                vague: None,
                rule: m.rule,
                confidence: 0.8,
            },
            m.first,
            m.last,
        ));
    }
}
