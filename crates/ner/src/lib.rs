//! The cronaca named-entity tagger: finds names of people, organisations and places in
//! tokenised sentences.
//!
//! # Overview
//! - [`Tagger`] tags the sentences of a document with IOB2 [`Label`]s and a confidence per
//!   token; [`builtin`] gives the tagger trained for a language (Italian on KIND, English on
//!   CoNLL-2003), embedded in the binary.
//! - [`Sentence`] is the input: tokens as written, and optional [`GazetteerHit`]s, names a
//!   gazetteer found over the tokens, which become features.
//! - [`train`] learns a [`Model`] from [`TrainDocument`]s: structured averaged perceptrons
//!   with Viterbi decoding under IOB2 constraints, over hashed word, shape, affix, context,
//!   document and gazetteer features, the training data's label counts of each word (the
//!   `lexicon` module) and a list of given names (see the `features` module). Training is
//!   deterministic.
//!
//! # Example
//! ```
//! use cronaca_ner::{EntityType, Label, Sentence, builtin};
//! let tagger = builtin("it").unwrap();
//! let words = ["Il", "presidente", "Sergio", "Mattarella", "è", "arrivato", "a", "Napoli", "."];
//! let tags = tagger.tag(&Sentence::new(words.to_vec()));
//! let labels: Vec<Label> = tags.iter().map(|t| t.label).collect();
//! assert_eq!(labels[2..4], [Label::B(EntityType::Per), Label::I(EntityType::Per)]);
//! assert_eq!(labels[7], Label::B(EntityType::Loc));
//! assert_eq!(labels[0], Label::O);
//! ```
//!
//! # Features
//! None. The built-in models carry their training data and licence in their header
//! ([`Model::header`]): the Italian model is trained on KIND (annotations CC BY-NC 4.0,
//! non-commercial), the English one on CoNLL-2003 (research use only).
#![deny(missing_docs)]

mod features;
mod label;
mod lexicon;
mod model;
mod tagger;
mod train;

pub use features::{GazetteerHit, Options as FeatureOptions, Sentence, is_given_name};
pub use label::{EntityType, Label};
pub use model::{Model, ModelError};
pub use tagger::{Tag, Tagger};
pub use train::{EpochReport, TrainConfig, TrainDocument, TrainSentence, train};

use std::sync::OnceLock;

/// The model files embedded in the binary, by language.
const BUILTIN: &[(&str, &[u8])] = &[
    ("it", include_bytes!("../../../models/ner-it.bin")),
    ("en", include_bytes!("../../../models/ner-en.bin")),
];

/// The languages with a built-in model.
pub fn builtin_languages() -> impl Iterator<Item = &'static str> {
    BUILTIN.iter().map(|(code, _)| *code)
}

/// The built-in tagger for `lang` (`it`, `en`), read on first use; `None` for other languages
/// or if the embedded model is missing or unreadable.
pub fn builtin(lang: &str) -> Option<&'static Tagger> {
    static CELLS: [OnceLock<Option<Tagger>>; 2] = [OnceLock::new(), OnceLock::new()];
    let i = BUILTIN.iter().position(|(code, _)| *code == lang)?;
    CELLS[i]
        .get_or_init(|| Tagger::from_bytes(BUILTIN[i].1).ok())
        .as_ref()
}
