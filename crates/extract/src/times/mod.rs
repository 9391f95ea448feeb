//! The `times` layer: dates, times, periods, durations and sets, with TIMEX3-style values
//! resolved against the publication date (see `DESIGN.md` in this folder).
//!
//! Recognition is driven by the language's `months.tsv`, `weekdays.tsv`,
//! `relative_time.tsv` and `holidays.tsv`; the code knows no language.
//!
//! # Example
//! ```
//! use cronaca_extract::{Extractor, Layers};
//! use cronaca_lang::Languages;
//! use cronaca_model::Document;
//!
//! let extractor = Extractor::new(Languages::builtin().unwrap());
//! let text = "La scorsa notte forze estremiste hanno assaltato gli edifici.";
//! let doc = Document {
//!     text: text.into(),
//!     published: Some("2022-01-06".into()),
//!     ..Default::default()
//! };
//! let record = extractor.analyse(&doc).to_record(Layers::all());
//! let t = &record.times.as_ref().unwrap()[0];
//! assert_eq!((t.span.start, t.span.end, t.span.text.as_str()), (0, 15, "La scorsa notte"));
//! assert_eq!((t.value.as_str(), t.relative), ("2022-01-05TNI", true));
//!
//! // Without a publication date the value stays unresolved.
//! let doc = Document { text: text.into(), ..Default::default() };
//! let record = extractor.analyse(&doc).to_record(Layers::all());
//! assert_eq!(record.times.as_ref().unwrap()[0].value, "XXXX-XX-XXTNI");
//! ```
mod parse;
mod resolve;

use crate::amounts::Amount;
use cronaca_lang::Lang;
use cronaca_model::{Precision, TimeType};
use cronaca_text::Segmentation;
use parse::Parser;
pub use resolve::Reference;
use std::ops::Range;

/// A time expression found in the text, in byte offsets.
#[derive(Clone, Debug, PartialEq)]
pub struct Time {
    /// Byte range of the expression.
    pub span: Range<usize>,
    /// Date, time, datetime, period, duration or set.
    pub kind: TimeType,
    /// TIMEX3-style value.
    pub value: String,
    /// The finest unit the value states.
    pub precision: Precision,
    /// Whether the value depends on the reference date.
    pub relative: bool,
    /// The rule that produced it.
    pub rule: String,
}

impl Time {
    /// The record form, given the span converted to code points and the id.
    pub fn to_model(&self, id: String, span: cronaca_model::Span) -> cronaca_model::Time {
        cronaca_model::Time {
            id,
            span,
            kind: self.kind,
            value: self.value.clone(),
            precision: self.precision,
            relative: self.relative,
            rule: self.rule.clone(),
        }
    }
}

/// Finds every time expression in `text`. `published` is `doc.published`; without it,
/// relative expressions keep unresolved values (`XXXX-XX-XX`, `PAST_REF`).
pub fn find_times(
    text: &str,
    segmentation: &Segmentation,
    lang: &Lang,
    amounts: &[Amount],
    published: Option<&str>,
) -> Vec<Time> {
    if lang.times.is_empty() {
        return Vec::new();
    }
    let parser = Parser::new(text, &segmentation.tokens, lang, amounts);
    let reference = published.and_then(Reference::parse);
    let tenses: Vec<i32> = segmentation
        .sentences
        .iter()
        .map(|s| parser.tense(parser.index(s.tokens.start)..parser.index(s.tokens.end)))
        .collect();
    let doc_tense = tenses.iter().sum::<i32>().signum();
    let mut out = Vec::new();
    // An expression may run over a sentence cut the segmenter made inside a date ("am 6.
    // Januar"): the next sentence starts after it.
    let mut next_free = 0;
    for (sentence, tense) in segmentation.sentences.iter().zip(&tenses) {
        let tense = tense.signum();
        let direction = match (tense, doc_tense) {
            (0, 0) => 1,
            (0, d) => d,
            (t, _) => t,
        };
        let end = parser.index(sentence.tokens.end);
        let mut i = parser.index(sentence.tokens.start).max(next_free);
        while i < end {
            match parser.best_at(i) {
                Some(found) => {
                    for f in found {
                        if let Some(v) = resolve::resolve(&f.expr, reference, direction) {
                            let first = match &f.expr {
                                parse::Expr::Point(_) => {
                                    parser.article_before(f.start).unwrap_or(f.start)
                                }
                                _ => f.start,
                            };
                            let (s, e) = (parser.start_of(first), parser.end_of(f.end - 1));
                            out.push(Time {
                                span: s..e,
                                kind: v.kind,
                                value: v.value,
                                precision: v.precision,
                                relative: v.relative,
                                rule: f.rule.clone(),
                            });
                        }
                        i = i.max(f.end);
                    }
                    next_free = i;
                }
                None => i += 1,
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
