//! The analysis stages of cronaca and the `cronaca/1` record they produce.
//!
//! # Overview
//! - [`Extractor`] holds the languages; [`Extractor::analyse`] runs the stages on one
//!   [`Document`](cronaca_model::Document) and returns an [`Analysis`].
//! - [`Analysis`] carries the normalised text, the language, the sentences and tokens (cut
//!   once) and each layer, all in byte offsets.
//! - [`Analysis::to_record`] converts it, once, into a [`Record`](cronaca_model::Record) with
//!   code-point offsets, writing the [`Layers`] asked for.
//!
//! Stages: normalise → identify language → segment → [`amounts`] → [`times`] → [`entities`]
//! → [`quotes`] → [`figures`] → [`events`].
//!
//! # Example
//! ```
//! use cronaca_extract::{Extractor, Layers};
//! use cronaca_lang::Languages;
//! use cronaca_model::Document;
//!
//! let extractor = Extractor::new(Languages::builtin().unwrap());
//! let doc = Document { text: "Più di mille persone sono state ferite.".into(), ..Default::default() };
//! let analysis = extractor.analyse(&doc);
//! assert_eq!(analysis.language.code, "it");
//! let record = analysis.to_record(Layers::all());
//! let amounts = record.amounts.as_ref().unwrap();
//! // "Più di mille" is a range (more than 1000) and "mille" the number inside it.
//! let (range, mille) = (&amounts[0], &amounts[1]);
//! assert_eq!((range.span.text.as_str(), range.low, range.high), ("Più di mille", Some(1001.0), None));
//! assert_eq!((mille.span.start, mille.span.text.as_str(), mille.value), (7, "mille", Some(1000.0)));
//! ```
//!
//! # Features
//! None. Number words, units and range patterns come from `data/lang/<code>/` through
//! `cronaca_lang`.
#![deny(missing_docs)]

pub mod amounts;
mod analysis;
pub mod entities;
pub mod events;
pub mod figures;
mod layers;
mod links;
pub mod quotes;
pub mod times;

pub use analysis::{Analysis, Extractor, StageTimes};
pub use layers::{Layer, Layers, UnknownLayer};
