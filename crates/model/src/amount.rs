use crate::Span;
use serde::{Deserialize, Serialize, Serializer};

/// A number written in the text, in digits or words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    /// The whole expression: "1,5 milioni", "tra 10 e 20", "decine".
    pub span: Span,
    /// The value; null for ranges and vague multiples.
    #[serde(serialize_with = "number")]
    pub value: Option<f64>,
    /// What kind of number it is.
    pub kind: AmountKind,
    /// Lower bound for ranges and vague multiples; null when unbounded or not a range.
    #[serde(serialize_with = "number")]
    pub low: Option<f64>,
    /// Upper bound for ranges and vague multiples; null when unbounded or not a range.
    #[serde(serialize_with = "number")]
    pub high: Option<f64>,
    /// Unit of measure or currency (`EUR`, `USD`, `km`, `%` is implied by `kind`), when written.
    pub unit: Option<String>,
    /// Set when the amount is a vague multiple ("decine", "dozens") or an approximate count
    /// ("una decina"); null for numbers written exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vague: Option<Vague>,
    /// The rule that produced the amount, as `<lang>/<file>:<form>` or a generic rule name.
    pub rule: String,
    /// Confidence, 0 to 1.
    pub confidence: f64,
}

/// What kind of number an [`Amount`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AmountKind {
    /// A count or measure: "62", "trentasei", "1,5 milioni".
    Cardinal,
    /// A rank: "primo", "3rd", "21esimo".
    Ordinal,
    /// A percentage, with the number as written: "27%" → 27.
    Percent,
    /// An amount of money, with `unit` the currency code.
    Money,
    /// A range with `low`/`high`: "tra 10 e 20", "10-20", "more than 30".
    Range,
}

/// The vague reading of an [`Amount`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Vague {
    /// The vague word as written: "decine", "dozens", "centinaia".
    pub term: String,
    /// The multiple it counts in: 10 for "decine", 12 for "dozens", 100 for "centinaia".
    #[serde(serialize_with = "number_plain")]
    pub unit: f64,
    /// True for plural multiples ("decine": 2u..10u−1), false for a single approximate one
    /// ("una decina": about u).
    pub plural: bool,
}

/// Writes integral values as JSON integers (1000, not 1000.0) and others as floats.
pub(crate) fn number<S: Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        None => s.serialize_none(),
        Some(v) => number_plain(v, s),
    }
}

fn number_plain<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}
