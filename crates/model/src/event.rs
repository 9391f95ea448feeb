use crate::{Attribution, Precision, Span};
use serde::{Deserialize, Serialize};

/// Who did what to whom, where, when, according to whom.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `ev1`, `ev2`… in text order.
    pub id: String,
    /// PLOVER 2.0 category: `ASSAULT`, `PROTEST`, `AGREE`… (one of the 16).
    #[serde(rename = "type")]
    pub kind: String,
    /// PLOVER mode of that category: `firearms`, `riot`…
    pub mode: Option<String>,
    /// PLOVER contexts: `military`, `economic`…
    pub context: Vec<String>,
    /// ACLED event type and sub-event type, where one applies.
    pub acled: Option<Acled>,
    /// The word or phrase that signals the event: "sparatoria".
    pub trigger: Span,
    /// Every trigger of the happening in the article, `trigger` first: repeated descriptions
    /// of one clash are one event.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Span>,
    /// The sentence the trigger is in.
    pub sentence: Span,
    /// Who acted.
    pub actors: Vec<Participant>,
    /// Who was acted upon.
    pub recipients: Vec<Participant>,
    /// Where, an entity id.
    pub location: Option<String>,
    /// When.
    pub time: Option<EventTime>,
    /// Ids of the figures that count the event's victims, arrests, participants…
    pub figures: Vec<String>,
    /// Who reports the event.
    pub source: Option<Attribution>,
    /// Whether the event is asserted, reported, denied…
    pub status: EventStatus,
    /// The rule or model that produced the event: `it/events.tsv:sparatoria`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rule: String,
    /// Confidence, 0 to 1.
    pub confidence: f64,
}

/// ACLED's classification of an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acled {
    /// "Battles", "Riots", "Protests", "Violence against civilians", "Explosions/Remote violence",
    /// "Strategic developments" or "Other".
    pub event_type: String,
    /// ACLED's sub-event type: "Armed clash", "Violent demonstration"…
    pub sub_event_type: String,
}

/// An actor or a recipient of an [`Event`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    /// The entity, when the participant is one.
    pub entity: Option<String>,
    /// The participant as written: "militari".
    pub text: String,
    /// A role when known: "government", "rebels"…
    #[serde(default)]
    pub role: Option<String>,
}

/// When an [`Event`] happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventTime {
    /// A TIMEX3-style value: `2022-01-06`.
    pub value: String,
    /// The finest unit the value states.
    pub precision: Precision,
    /// The time expression it comes from, when there is one: `t2`.
    pub time: Option<String>,
}

/// Whether an [`Event`] is asserted, reported, denied…
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventStatus {
    /// Stated as fact by the article.
    Asserted,
    /// Reported by a named source.
    Reported,
    /// Claimed by a party to it.
    Claimed,
    /// Denied.
    Denied,
    /// Planned or announced.
    Planned,
    /// Possible, conditional.
    Hypothetical,
    /// Said not to have happened.
    Negated,
}
