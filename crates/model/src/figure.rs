use crate::{Attribution, Span};
use serde::{Deserialize, Serialize};

/// A number of people (or things) affected by an event: "Più di mille persone sono state ferite".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// `f1`, `f2`… in text order.
    pub id: String,
    /// What happened to those counted.
    pub category: FigureCategory,
    /// The whole phrase.
    pub span: Span,
    /// The numeric part: "Più di mille".
    pub number: Span,
    /// The number as written, normalised; null for vague terms and ranges.
    #[serde(serialize_with = "crate::amount::number")]
    pub stated: Option<f64>,
    /// How the number bounds the count.
    pub qualifier: Qualifier,
    /// Lower bound implied by the qualifier (see `contract/OUTPUT.md`); null when unknown.
    #[serde(serialize_with = "crate::amount::number")]
    pub low: Option<f64>,
    /// Upper bound implied by the qualifier; null when unbounded or unknown.
    #[serde(serialize_with = "crate::amount::number")]
    pub high: Option<f64>,
    /// "decine", "dozens"… when the qualifier is `vague`.
    pub vague_term: Option<String>,
    /// The counted noun phrase: "persone", "assalitori".
    pub who: Option<Span>,
    /// The kind of people counted, when the text says.
    pub group: Option<Group>,
    /// Who states the figure.
    pub source: Option<Attribution>,
    /// The event the figure belongs to: `ev4`.
    pub event: Option<String>,
    /// The place, an entity id.
    pub location: Option<String>,
    /// The time, a time id.
    pub time: Option<String>,
    /// True for negated counts: "nessun morto".
    pub negated: bool,
    /// True for hypothetical counts: "potrebbero essere centinaia" (never counted as asserted).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hypothetical: bool,
    /// The pattern and the data line that made it a figure.
    pub rule: String,
    /// Confidence, 0 to 1.
    pub confidence: f64,
}

/// What happened to the people a [`Figure`] counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureCategory {
    /// Killed, dead.
    Killed,
    /// Injured, wounded.
    Injured,
    /// Taken to hospital.
    Hospitalized,
    /// In critical condition, intensive care.
    Critical,
    /// Missing.
    Missing,
    /// Arrested, detained.
    Arrested,
    /// Kidnapped, abducted, taken hostage.
    Kidnapped,
    /// Displaced, fled their homes.
    Displaced,
    /// Evacuated.
    Evacuated,
    /// Rescued, saved.
    Rescued,
    /// Affected in general.
    Affected,
    /// Taking part: protesters, marchers.
    Participants,
    /// Deployed: troops, police.
    Deployed,
    /// Things affected: buildings destroyed, vehicles burnt.
    Other,
}

/// How the number of a [`Figure`] bounds the count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// "62 feriti".
    Exact,
    /// "circa 400".
    Approx,
    /// "almeno 5".
    AtLeast,
    /// "più di mille".
    MoreThan,
    /// "fino a 30".
    AtMost,
    /// "meno di 10".
    LessThan,
    /// "tra 10 e 20".
    Range,
    /// "decine", "dozens".
    Vague,
}

/// The kind of people a [`Figure`] counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Civilians.
    Civilians,
    /// Police, soldiers, security agents.
    SecurityForces,
    /// Attackers, gunmen, assailants.
    Attackers,
    /// Protesters, demonstrators, rioters.
    Protesters,
    /// Children.
    Children,
    /// Journalists.
    Journalists,
}
