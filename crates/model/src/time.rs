use crate::Span;
use serde::{Deserialize, Serialize};

/// A date, time, period, duration or set written in the text, with a TIMEX3-style value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Time {
    /// `t1`, `t2`… in text order.
    pub id: String,
    /// The expression as written: "la scorsa notte".
    pub span: Span,
    /// What kind of time it is.
    #[serde(rename = "type")]
    pub kind: TimeType,
    /// TIMEX3-style value: `2022-01-05TNI`, `2022-W01`, `P3D`, `XXXX-01-06`, `PAST_REF`.
    pub value: String,
    /// The finest unit the value states.
    pub precision: Precision,
    /// True when the value depends on the reference date (`doc.published`).
    pub relative: bool,
    /// The rule that produced it, `<lang>/<file>:<form>` of its head word or a generic name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rule: String,
}

/// What kind of time expression a [`Time`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeType {
    /// A calendar day: "6 gennaio 2022", "ieri".
    Date,
    /// A clock time without a date: "alle 14.30".
    Time,
    /// A day and a clock time: "domani alle 17".
    Datetime,
    /// A stretch of calendar: a part of a day, a week, a month, a season, a year.
    Period,
    /// A length of time: "per tre giorni" (`P3D`).
    Duration,
    /// A recurrence: "ogni giorno" (`P1D`).
    Set,
}

/// The finest unit a [`Time`] value states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A year (or a decade, a century).
    Year,
    /// A month (or a quarter, a season).
    Month,
    /// An ISO week or a weekend.
    Week,
    /// A day.
    Day,
    /// Morning, afternoon, evening, night.
    PartOfDay,
    /// An hour.
    Hour,
    /// A minute (or a second).
    Minute,
}
