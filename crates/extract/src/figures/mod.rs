//! The `figures` layer: counts of people (or things) affected by an event — "decine di morti",
//! "Più di mille persone sono state ferite", "62 sono in terapia intensiva", "nessun morto".
//!
//! # Overview
//! [`find_figures`] works one sentence at a time on what earlier stages found: the numbers of
//! the `amounts` layer (their values, ranges and vague multiples are reused, never re-read), the
//! time expressions (numbers inside them are dates, not counts) and the entities (for the
//! place). Each sentence becomes a short list of [`items`](Item): numbers, casualty words
//! ("morti", "were killed"), counted nouns ("persone", "civilians"), the small words between
//! them and modality cues, all from `data/lang/<code>/` (`figures.tsv`, `groups.tsv`,
//! `figure_cues.tsv`, `modality.tsv`). A number becomes a figure when a casualty word is
//! reachable from it through the patterns `DESIGN.md` in this folder describes; a negation cue
//! before a casualty word ("nessun ferito") makes a negated figure of 0. Figures that repeat an
//! earlier one (same category and value) are dropped: the first mention is the figure.
//!
//! Who states a figure (`source`) comes from the quotes layer; this stage leaves it empty.
mod grammar;
#[cfg(test)]
mod tests;

use crate::amounts::Amount;
use crate::entities::Entity;
use crate::times::Time;
use cronaca_lang::Lang;
use cronaca_model::{AmountKind, EntityType, FigureCategory, Group, Qualifier, TimeType};
use cronaca_text::Segmentation;
use grammar::items;
use std::collections::HashMap;
use std::ops::Range;

/// A figure, in byte offsets.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// What happened to those counted.
    pub category: FigureCategory,
    /// The whole phrase: "Più di mille persone sono state ferite".
    pub span: Range<usize>,
    /// The numeric part, with its qualifier: "Più di mille".
    pub number: Range<usize>,
    /// The number as written; `None` for ranges and vague multiples.
    pub stated: Option<f64>,
    /// How the number bounds the count.
    pub qualifier: Qualifier,
    /// Lower bound.
    pub low: Option<f64>,
    /// Upper bound.
    pub high: Option<f64>,
    /// "decine", "dozens" for vague multiples.
    pub vague_term: Option<String>,
    /// The counted noun: "persone", "assalitori".
    pub who: Option<Range<usize>>,
    /// The kind of people counted.
    pub group: Option<Group>,
    /// The sentence the figure is in: the range whose speaker states it.
    pub sentence: Range<usize>,
    /// The phrases of later mentions of the same count ("i 62 in terapia intensiva"), which
    /// the record folds into this one: one of them may say who states it.
    pub repeats: Vec<Range<usize>>,
    /// Index in `Analysis::entities` of the place named in the sentence.
    pub location: Option<usize>,
    /// Index in `Analysis::times` of the time named in the sentence.
    pub time: Option<usize>,
    /// "nessun morto", "no casualties".
    pub negated: bool,
    /// "potrebbero essere centinaia": possible, not asserted.
    pub hypothetical: bool,
    /// The pattern and the data line that made it a figure.
    pub rule: String,
    /// Confidence, 0 to 1.
    pub confidence: f64,
}

/// Finds the figures of a text, in text order (first mention of each). `folded` holds the
/// folded form of every token ([`cronaca_lang::FoldedTokens::words`]).
pub fn find_figures(
    text: &str,
    segmentation: &Segmentation,
    folded: &[&str],
    lang: &Lang,
    amounts: &[Amount],
    times: &[Time],
    entities: Option<&[Entity]>,
) -> Vec<Figure> {
    let mut time_order: Vec<usize> = (0..times.len()).collect();
    time_order.sort_by_key(|&i| times[i].span.start);
    let counts = countable(text, amounts, times, &time_order);
    let places = places(entities);
    let mut figures = Vec::new();
    for sentence in &segmentation.sentences {
        let span = &sentence.span;
        let from = counts.partition_point(|c| c.span.start < span.start);
        let to = counts.partition_point(|c| c.span.start < span.end);
        let in_sentence: Vec<&Count> = counts[from..to]
            .iter()
            .filter(|c| c.span.end <= span.end)
            .collect();
        let tokens = &segmentation.tokens[sentence.tokens.clone()];
        let words = &folded[sentence.tokens.clone()];
        let list = items(text, tokens, words, lang, &in_sentence);
        let mut found = grammar::figures_in(&list, &in_sentence);
        if found.is_empty() {
            continue;
        }
        let location = places[places.partition_point(|p| p.0.start < span.start)..]
            .iter()
            .take_while(|p| p.0.start < span.end)
            .find(|p| p.0.end <= span.end)
            .map(|p| p.1);
        let time = time_order[time_order.partition_point(|&i| times[i].span.start < span.start)..]
            .iter()
            .take_while(|&&i| times[i].span.start < span.end)
            .copied()
            .find(|&i| {
                times[i].span.end <= span.end
                    && !matches!(times[i].kind, TimeType::Duration | TimeType::Set)
            });
        for f in &mut found {
            f.sentence = span.clone();
            f.location = location;
            f.time = time;
        }
        figures.extend(found);
    }
    figures.sort_by_key(|f| (f.number.start, f.number.end));
    first_mentions(text, figures)
}

/// Drops figures that repeat an earlier one (keeping their phrases in its `repeats`) or whose
/// number overlaps an earlier figure's.
fn first_mentions(text: &str, figures: Vec<Figure>) -> Vec<Figure> {
    type Key = (FigureCategory, bool, Qualifier, [Option<u64>; 3]);
    let key = |f: &Figure| -> Key {
        let bits = |v: Option<f64>| v.map(f64::to_bits);
        (
            f.category,
            f.negated,
            f.qualifier,
            [bits(f.stated), bits(f.low), bits(f.high)],
        )
    };
    let mut by_value: HashMap<Key, Vec<usize>> = HashMap::new();
    let mut kept: Vec<Figure> = Vec::with_capacity(figures.len());
    let mut number_end = 0;
    for f in figures {
        let same = by_value.entry(key(&f)).or_default();
        if let Some(&k) = same.iter().find(|&&k| repeats(text, &kept[k], &f)) {
            kept[k].repeats.push(f.span);
            continue;
        }
        if f.number.start < number_end {
            continue;
        }
        number_end = f.number.end;
        same.push(kept.len());
        kept.push(f);
    }
    kept
}

/// The mentions of places, by start: (byte range, entity index).
fn places(entities: Option<&[Entity]>) -> Vec<(Range<usize>, usize)> {
    let mut out: Vec<(Range<usize>, usize)> = entities
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityType::Loc)
        .flat_map(|(k, e)| e.mentions.iter().map(move |m| (m.span.clone(), k)))
        .collect();
    out.sort_by_key(|p| p.0.start);
    out
}

/// Whether `later`, with the same category, negation, qualifier and value, repeats `first`:
/// the same counted noun (or
/// none on one side: "43 morti" … "sono morte 43 persone"). Vague multiples repeat only with
/// the same noun: "decine di morti" and "le decine di assalitori" are two figures.
fn repeats(text: &str, first: &Figure, later: &Figure) -> bool {
    let who = |f: &Figure| f.who.clone().map(|w| cronaca_lang::fold_time(&text[w]));
    match (who(first), who(later)) {
        (Some(a), Some(b)) => a == b,
        (None, None) => true,
        _ => first.qualifier != Qualifier::Vague,
    }
}

/// A number that may be a count: its span (with an approximation word before it, when there
/// is one, added later), value and bounds.
#[derive(Clone, Debug)]
pub(crate) struct Count {
    span: Range<usize>,
    stated: Option<f64>,
    qualifier: Qualifier,
    low: Option<f64>,
    high: Option<f64>,
    vague_term: Option<String>,
    /// Written as a word meaning one ("un", "una", "uno"): a count only without a noun after it.
    article_one: bool,
    rule: String,
}

/// The amounts that can count people: outermost ones (a range, not the numbers inside it),
/// cardinal and whole, without a unit, outside dates and times, not phone-number-like.
fn countable(text: &str, amounts: &[Amount], times: &[Time], time_order: &[usize]) -> Vec<Count> {
    let mut order: Vec<&Amount> = amounts.iter().collect();
    order.sort_by(|a, b| {
        (a.span.start, std::cmp::Reverse(a.span.end))
            .cmp(&(b.span.start, std::cmp::Reverse(b.span.end)))
    });
    let mut out: Vec<Count> = Vec::new();
    // The furthest end of the amounts before: an amount ending before it lies inside one of
    // them (or repeats it).
    let mut covered = None;
    for (i, a) in order.iter().enumerate() {
        let inside = covered.is_some_and(|end| a.span.end <= end);
        covered = covered.max(Some(a.span.end));
        if inside {
            continue;
        }
        // A number in a time (a date, "alle 7:34", "45 anni"); a range is one only when the
        // time covers it all ("tra 10 e 20" holds the clock-like "10 e 20").
        let before = time_order.partition_point(|&t| times[t].span.start < a.span.end);
        let in_time = time_order[..before]
            .iter()
            .rev()
            .take(3)
            .map(|&t| &times[t].span)
            .any(|t| match a.kind {
                AmountKind::Range => t.start <= a.span.start && a.span.end <= t.end,
                _ => a.span.start < t.end,
            });
        let written = &text[a.span.clone()];
        let phone = written.len() > 1 && written.starts_with('0');
        if in_time || phone || a.unit.is_some() || score_like(text, &a.span) {
            continue;
        }
        let count = match a.kind {
            AmountKind::Cardinal => cardinal(a, written),
            AmountKind::Range => range(a, &order[i + 1..]),
            _ => None,
        };
        out.extend(count);
    }
    out
}

/// "3-1", "2:0": a number joined to another by a dash or colon, without spaces (a score, a
/// ratio), is not a count.
fn score_like(text: &str, span: &Range<usize>) -> bool {
    let joiner = |c: char| matches!(c, '-' | '–' | ':');
    let before = text[..span.start].chars().rev().take(2).collect::<Vec<_>>();
    let after = text[span.end..].chars().take(2).collect::<Vec<_>>();
    matches!(before[..], [j, d, ..] if joiner(j) && d.is_ascii_digit())
        || matches!(after[..], [j, d, ..] if joiner(j) && d.is_ascii_digit())
}

fn whole(v: f64) -> bool {
    v >= 0.0 && v.fract() == 0.0
}

fn cardinal(a: &Amount, written: &str) -> Option<Count> {
    let base = Count {
        span: a.span.clone(),
        stated: a.value,
        qualifier: Qualifier::Exact,
        low: a.value,
        high: a.value,
        vague_term: None,
        article_one: a.value == Some(1.0) && !written.starts_with(|c: char| c.is_ascii_digit()),
        rule: a.rule.clone(),
    };
    match (&a.vague, a.value) {
        (Some(v), _) if v.plural => Some(Count {
            stated: None,
            qualifier: Qualifier::Vague,
            low: a.low,
            high: a.high,
            vague_term: Some(v.term.to_lowercase()),
            article_one: false,
            ..base
        }),
        (Some(_), Some(value)) if whole(value) => Some(Count {
            qualifier: Qualifier::Approx,
            low: None,
            high: None,
            article_one: false,
            ..base
        }),
        (None, Some(value)) if whole(value) => Some(base),
        _ => None,
    }
}

/// A range amount: "tra 10 e 20", or an open bound around one number ("più di mille",
/// "almeno 5", "fino a 30"), whose qualifier follows from the bound and the number inside.
fn range(a: &Amount, after: &[&Amount]) -> Option<Count> {
    // The number inside, read without sign ("au moins 5" holds "moins 5", read as −5): the
    // one the bounds were made from.
    let inner = after
        .iter()
        .take_while(|b| b.span.start < a.span.end)
        .filter(|b| b.span.end <= a.span.end)
        .filter_map(|b| b.value.map(f64::abs))
        .find(|&v| {
            a.low.is_some_and(|l| l == v || l == v + 1.0)
                || a.high.is_some_and(|h| h == v || h == v - 1.0)
        })?;
    if !whole(inner) {
        return None;
    }
    let (qualifier, stated) = match (a.low, a.high) {
        (Some(low), Some(high)) if low < high => (Qualifier::Range, None),
        (Some(low), None) if low == inner => (Qualifier::AtLeast, Some(inner)),
        (Some(low), None) if low > inner => (Qualifier::MoreThan, Some(inner)),
        (None, Some(high)) if high == inner => (Qualifier::AtMost, Some(inner)),
        (None, Some(high)) if high < inner => (Qualifier::LessThan, Some(inner)),
        _ => return None,
    };
    Some(Count {
        span: a.span.clone(),
        stated,
        qualifier,
        low: a.low,
        high: a.high,
        vague_term: None,
        article_one: false,
        rule: a.rule.clone(),
    })
}

impl Figure {
    /// The record form: `id`, spans converted by `span`, entity and time ids from indices, and
    /// the source found by the quotes layer.
    pub fn to_model(
        &self,
        id: String,
        span: impl Fn(&Range<usize>) -> cronaca_model::Span,
        source: Option<cronaca_model::Attribution>,
    ) -> cronaca_model::Figure {
        cronaca_model::Figure {
            id,
            category: self.category,
            span: span(&self.span),
            number: span(&self.number),
            stated: self.stated,
            qualifier: self.qualifier,
            low: self.low,
            high: self.high,
            vague_term: self.vague_term.clone(),
            who: self.who.as_ref().map(&span),
            group: self.group,
            source,
            event: None,
            location: self.location.map(|k| format!("e{}", k + 1)),
            time: self.time.map(|i| format!("t{}", i + 1)),
            negated: self.negated,
            hypothetical: self.hypothetical,
            rule: self.rule.clone(),
            confidence: self.confidence,
        }
    }
}
