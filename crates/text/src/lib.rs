//! Text handling for cronaca: NFC normalisation that keeps an exact map back to the input,
//! language identification, and sentence and token boundaries.
//!
//! # Overview
//! - [`Normalized`] turns the decoded input into the record's `text` (NFC, `\n` line endings,
//!   no byte-order mark) and maps any byte offset of it back to the input.
//! - [`LanguageIdentifier`] names the language among the ones cronaca has data for, or `und`
//!   ([`identify_language`] is the same with whatlang alone).
//! - [`segment`] cuts the text once into [`Sentence`]s and [`Token`]s, guided by a language's
//!   [`SegmentRules`] (abbreviations, sentence starters, quotes, ordinals); every later stage
//!   reuses them. It also finds the title and the dateline.
//!
//! `DESIGN.md` in this crate explains the segmentation rules and the offset map.
//!
//! All offsets are byte offsets into the normalised text.
//!
//! # Example
//! ```
//! use cronaca_text::{segment, Normalized, SegmentRules, TokenKind};
//! let input = "Il Sig. Rossi ha detto: 1.000 feriti.\r\nPoi è partito.";
//! let norm = Normalized::new(input);
//! assert_eq!(norm.text(), "Il Sig. Rossi ha detto: 1.000 feriti.\nPoi è partito.");
//! let mut rules = SegmentRules::default();
//! rules.add_abbreviation("sig.");
//! let seg = segment(norm.text(), &rules);
//! let sentences: Vec<&str> = seg.sentences.iter().map(|s| &norm.text()[s.span.clone()]).collect();
//! assert_eq!(sentences, ["Il Sig. Rossi ha detto: 1.000 feriti.", "Poi è partito."]);
//! let number = seg.tokens.iter().find(|t| t.kind == TokenKind::Number).unwrap();
//! assert_eq!(&norm.text()[number.span.clone()], "1.000");
//! assert_eq!(number.span, 24..29);
//! ```
//!
//! # Features
//! None.
#![deny(missing_docs)]

mod langid;
mod normalize;
mod segment;

pub use langid::{LanguageGuess, LanguageIdentifier, identify_language};
pub use normalize::Normalized;
pub use segment::{SegmentRules, Segmentation, Sentence, Token, TokenKind, is_separator, segment};
