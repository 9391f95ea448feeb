//! Per-language knowledge for cronaca, read from `data/lang/<code>/`: one schema, one loader,
//! the same file names in every language.
//!
//! # Overview
//! - [`Languages`] holds every language: the ones embedded in the binary
//!   ([`Languages::builtin`]) or the ones in a directory laid out like `data/lang/`
//!   ([`Languages::load_dir`]). The folder `xx` is the fallback for undetermined text.
//! - [`Lang`] is one language: its [`Conventions`] (decimal and group marks, elision), its
//!   segmentation rules (abbreviations) and its number words.
//! - [`LoadError`] lists every bad line of every file at once, as `path:line: problem`.
//!
//! A missing file means "none" (a language without `abbreviations.txt` has no abbreviations);
//! `conventions.toml` is required.
//!
//! # Example
//! ```
//! let langs = cronaca_lang::Languages::builtin().unwrap();
//! let it = langs.get("it").unwrap();
//! assert_eq!(it.conventions.decimal_mark, ',');
//! assert!(it.segment_rules.is_abbreviation("Sig."));
//! assert_eq!(langs.fallback().code, "xx");
//! ```
//!
//! # Features
//! None. The built-in data is embedded at compile time, so the binary needs no files at run
//! time.
#![deny(missing_docs)]

mod channels;
mod error;
mod events;
mod figures;
mod files;
mod language;
mod modality;
mod name_words;
mod numbers;
mod phrases;
mod quote_words;
mod segmentation;
mod speakers;
mod speech;
mod times;

pub use channels::ChannelWord;
pub use error::LoadError;
pub use events::{
    ACLED_EVENT_TYPES, ACLED_SUB_EVENT_TYPES, EventEvidence, EventLexicon, EventRole, EventTrigger,
    PLOVER_TYPES, TriggerPart,
};
pub use figures::{Counted, FigureCue, FigureLexicon};
pub use files::LangFiles;
pub use language::{Conventions, Lang, Languages};
pub use modality::Modality;
pub use name_words::NameWord;
pub use numbers::{
    Bound, NumberWord, Numbers, PatternPart, Probe, QuantifierReading, QuantifierWord,
    RangePattern, Reading, Role, UnitKind, UnitPosition, UnitWord, fold_into, strip_accents,
};
pub use phrases::{FirstBytes, FoldedTokens, Phrase, PhraseWord, Phrases};
pub use quote_words::{QuoteWord, QuoteWords};
pub use speakers::SpeakerWord;
pub use speech::SpeechRole;
pub use times::{
    HolidayDate, NumericOrder, Side, TimeEntry, TimeLexicon, TimeUnit, TimeWord, fold as fold_time,
    fold_into as fold_time_into,
};
