use crate::{Attribution, Span};
use serde::{Deserialize, Serialize};

/// Words someone said or wrote, reported directly, indirectly or mixed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// `q1`, `q2`… in text order.
    pub id: String,
    /// How the words are reported.
    pub kind: QuoteKind,
    /// Inside the quotation marks for direct quotes; the reported clause otherwise.
    pub content: Span,
    /// The author of the words, the channel and any relay.
    pub speaker: Attribution,
    /// The words that introduce the quote: "ha dichiarato", "si legge in una nota".
    pub cue: Option<Span>,
    /// How the quote was found: `quotes:verb-that`, `quotes:report`…
    pub rule: String,
    /// Confidence, 0 to 1.
    pub confidence: f64,
}

/// How a [`Quote`] reports the words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The words in quotation marks.
    Direct,
    /// Reported speech: "ha detto che…".
    Indirect,
    /// Reported speech with a quoted fragment.
    Mixed,
}
