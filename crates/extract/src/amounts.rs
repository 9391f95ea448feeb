//! The `amounts` layer: every number in the text, in digits or words.
use cronaca_lang::Lang;
use cronaca_model::{AmountKind, Vague};
use cronaca_text::Segmentation;
use std::ops::Range;

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

/// Finds every number in `text`.
pub fn find_amounts(text: &str, segmentation: &Segmentation, lang: &Lang) -> Vec<Amount> {
    let _ = lang;
    segmentation
        .tokens
        .iter()
        .filter(|t| {
            t.kind == cronaca_text::TokenKind::Number
                && text[t.span.clone()].bytes().all(|b| b.is_ascii_digit())
        })
        .map(|t| Amount {
            span: t.span.clone(),
            value: text[t.span.clone()].parse().ok(),
            kind: AmountKind::Cardinal,
            low: None,
            high: None,
            unit: None,
            vague: None,
            rule: "digits".into(),
            confidence: 0.9,
        })
        .collect()
}
