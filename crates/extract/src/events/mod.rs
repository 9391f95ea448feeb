//! The `events` layer: who did what to whom, where and when, typed with PLOVER 2.0 and ACLED
//! (see `DESIGN.md` in this folder).
//!
//! Triggers come from the language's `events.tsv`, the evidence that decides their mode from
//! `event_evidence.tsv`, the structure words that find actors and recipients from
//! `event_roles.tsv`, and statuses from `modality.tsv`; the code knows no language.
//!
//! # Example
//! ```
//! use cronaca_extract::{Extractor, Layers};
//! use cronaca_lang::Languages;
//! use cronaca_model::Document;
//!
//! let extractor = Extractor::new(Languages::builtin().unwrap());
//! let doc = Document {
//!     text: "Ieri una sparatoria tra militari e uomini armati ha sconvolto Almaty.".into(),
//!     published: Some("2022-01-06".into()),
//!     ..Default::default()
//! };
//! let record = extractor.analyse(&doc).to_record(Layers::all());
//! let ev = &record.events.as_ref().unwrap()[0];
//! assert_eq!((ev.kind.as_str(), ev.mode.as_deref()), ("ASSAULT", Some("firearms")));
//! assert_eq!((ev.trigger.start, ev.trigger.text.as_str()), (9, "sparatoria"));
//! assert_eq!(ev.actors[0].text, "militari");
//! assert_eq!(ev.recipients[0].text, "uomini armati");
//! assert_eq!(ev.acled.as_ref().unwrap().sub_event_type, "Armed clash");
//! assert_eq!(ev.time.as_ref().unwrap().value, "2022-01-05");
//! ```
mod merge;
mod parties;
mod sentence;

use crate::entities::Entity;
use crate::times::Time;
use cronaca_lang::Lang;
use cronaca_model::{
    Acled, Attribution, CharIndex, EventStatus, EventTime, Participant, Precision, Span,
};
use cronaca_text::Segmentation;
use std::ops::Range;

/// An actor or a recipient, in bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Party {
    /// Byte range of the words naming it.
    pub span: Range<usize>,
    /// Index of its entity in the entity layer (record id `e{k+1}`).
    pub entity: Option<usize>,
}

/// When an event happened.
#[derive(Clone, Debug, PartialEq)]
pub enum When {
    /// The time expression at this index of the times layer (record id `t{i+1}`).
    Expression(usize),
    /// No expression in the sentence: the ISO week of the publication date.
    Published(String),
}

/// One event of the document, in bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// PLOVER 2.0 category.
    pub kind: &'static str,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// PLOVER contexts.
    pub context: Vec<String>,
    /// ACLED event type and sub-event type.
    pub acled: Option<(&'static str, &'static str)>,
    /// Every trigger of the happening, in text order; the first is the record's `trigger`.
    pub triggers: Vec<Range<usize>>,
    /// The sentence of the first trigger.
    pub sentence: Range<usize>,
    /// Who acted.
    pub actors: Vec<Party>,
    /// Who was acted upon.
    pub recipients: Vec<Party>,
    /// Where: an index into the entity layer.
    pub location: Option<usize>,
    /// Whether `location` is named in the event's own sentence (rather than the article's
    /// main place).
    pub located_in_sentence: bool,
    /// When.
    pub time: Option<When>,
    /// Asserted, reported, claimed…
    pub status: EventStatus,
    /// The data lines and rules that produced it: `data/lang/it/events.tsv:12`.
    pub rule: String,
    /// Confidence, 0 to 1.
    pub confidence: f64,
}

impl Event {
    /// The record form. `figures` and `source` come from the figures and quotes layers: the
    /// ids of the figures counting this event's victims, arrests or participants, and who
    /// reports it.
    pub fn to_model(
        &self,
        id: String,
        text: &str,
        index: &CharIndex,
        times: &[Time],
        figures: Vec<String>,
        source: Option<Attribution>,
    ) -> cronaca_model::Event {
        let span = |r: &Range<usize>| Span::from_bytes(text, index, r.clone());
        let party = |p: &Party| Participant {
            entity: p.entity.map(|k| format!("e{}", k + 1)),
            text: text[p.span.clone()].to_string(),
            role: None,
        };
        cronaca_model::Event {
            id,
            kind: self.kind.to_string(),
            mode: self.mode.clone(),
            context: self.context.clone(),
            acled: self.acled.map(|(t, s)| Acled {
                event_type: t.to_string(),
                sub_event_type: s.to_string(),
            }),
            trigger: span(&self.triggers[0]),
            mentions: self.triggers.iter().map(span).collect(),
            sentence: span(&self.sentence),
            actors: self.actors.iter().map(party).collect(),
            recipients: self.recipients.iter().map(party).collect(),
            location: self.location.map(|k| format!("e{}", k + 1)),
            time: self.time.as_ref().map(|w| match w {
                When::Expression(i) => EventTime {
                    value: times[*i].value.clone(),
                    precision: times[*i].precision,
                    time: Some(format!("t{}", i + 1)),
                },
                When::Published(week) => EventTime {
                    value: week.clone(),
                    precision: Precision::Week,
                    time: None,
                },
            }),
            figures,
            source,
            status: self.status,
            rule: self.rule.clone(),
            confidence: self.confidence,
        }
    }
}

/// What the events stage reads from the earlier layers.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// The normalised text.
    pub text: &'a str,
    /// Its sentences and tokens.
    pub segmentation: &'a Segmentation,
    /// The folded form of every token ([`cronaca_lang::FoldedTokens::words`]).
    pub folded: &'a [&'a str],
    /// The language's knowledge.
    pub lang: &'a Lang,
    /// The entity layer, when the language has one.
    pub entities: &'a [Entity],
    /// The times layer.
    pub times: &'a [Time],
    /// `doc.published`, ISO 8601.
    pub published: Option<&'a str>,
}

/// Finds the events of a document, one per happening, in text order.
pub fn find_events(cx: &Context<'_>) -> Vec<Event> {
    let doc = sentence::Document::new(cx);
    let mut found = Vec::new();
    let mut agents = Vec::new();
    for k in 0..cx.segmentation.sentences.len() {
        sentence::events_of(cx, &doc, k, &mut found, &mut agents);
    }
    let mut events = merge::merge(cx.text, found);
    merge::attach_agents(&mut events, agents);
    events
}

#[cfg(test)]
mod tests;
