//! The `cronaca/1` record: the contract between the extractor and everything that reads it.
//!
//! # Overview
//! A [`Document`] is an article as it enters the extractor; a [`Record`] is what comes out:
//! one article: its [`Doc`] metadata, the normalised `text`, one list per layer
//! and `warnings`. Every span is a [`Span`] counted in Unicode code points into `text`; the
//! extractor works in byte offsets and converts them once, with [`CharIndex`], when it builds
//! the record. The field names and enumerations follow `contract/OUTPUT.md`; layers that were not
//! computed or not asked for are absent from the JSON (absent = "not known", `[]` = "looked,
//! found none").
//!
//! # Example
//! ```
//! use cronaca_model::{CharIndex, Span};
//! let text = "Più di mille persone";
//! let index = CharIndex::new(text);
//! // "mille" starts at byte 8 ("ù" is two bytes) but at code point 7.
//! let span = Span::from_bytes(text, &index, 8..13);
//! assert_eq!((span.start, span.end, span.text.as_str()), (7, 12, "mille"));
//! ```
//!
//! # Features
//! None: this crate is types, serde and the byte-to-code-point conversion, no logic.
#![deny(missing_docs)]

mod amount;
mod attribution;
mod document;
mod entity;
mod event;
mod figure;
mod quote;
mod record;
mod span;
mod time;

pub use amount::{Amount, AmountKind, Vague};
pub use attribution::{Attribution, Channel, ChannelType, Via};
pub use document::Document;
pub use entity::{Entity, EntityIds, EntityType, Geo};
pub use event::{Acled, Event, EventStatus, EventTime, Participant};
pub use figure::{Figure, FigureCategory, Group, Qualifier};
pub use quote::{Quote, QuoteKind};
pub use record::{Doc, Record, SCHEMA};
pub use span::{CharIndex, Span};
pub use time::{Precision, Time, TimeType};
