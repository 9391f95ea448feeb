use crate::{Amount, Entity, Event, Figure, Quote, Time};
use serde::{Deserialize, Serialize};

/// The schema name every record carries.
pub const SCHEMA: &str = "cronaca/1";

/// One article: metadata, text, layers and warnings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Metadata of the article.
    pub doc: Doc,
    /// The article as the extractor saw it: NFC, line endings `\n`.
    pub text: String,
    /// People, organisations and places, each with all its mentions; absent when the layer
    /// was not written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entities: Option<Vec<Entity>>,
    /// Every date, time, period, duration and set; absent when the layer was not written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<Vec<Time>>,
    /// Every number in the text; absent when the layer was not written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amounts: Option<Vec<Amount>>,
    /// Counts of people or things affected, with their source; absent when not written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figures: Option<Vec<Figure>>,
    /// Direct, indirect and mixed speech with speaker and channel; absent when not written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quotes: Option<Vec<Quote>>,
    /// Who did what to whom, where, when; absent when not written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<Event>>,
    /// Anything the reader should know about this document (lossy decoding, unknown language…).
    pub warnings: Vec<String>,
}

/// Metadata of one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    /// Stable id: the input's id, else `sha256:` of the normalised text.
    pub id: String,
    /// Where the article came from: a URL, a file path, or null.
    pub uri: Option<String>,
    /// Publisher, when known.
    pub outlet: Option<String>,
    /// Title, when known.
    pub title: Option<String>,
    /// ISO 8601 publication date or date-time, when known.
    pub published: Option<String>,
    /// ISO 639-1 code of the language, or `und`.
    pub language: String,
    /// Confidence of the language, 0 to 1 (1 when given by the input or `--lang`).
    pub language_confidence: f64,
    /// Author or byline, when the input states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The page's canonical URL, when it states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_url: Option<String>,
}
