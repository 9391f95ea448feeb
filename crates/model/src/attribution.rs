use crate::Span;
use serde::{Deserialize, Serialize};

/// Who says something, and how it reached us: the source of a figure or event, the speaker of a
/// quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The source as written, or the nearest mention of it: "Ministero della Salute".
    pub text: String,
    /// Where `text` is in the record's text, when it is there.
    pub span: Option<Span>,
    /// The entity the source is, when known: `e11`.
    pub entity: Option<String>,
    /// The medium the words went through: a TV channel, Telegram, a statement…
    pub channel: Option<Channel>,
    /// Who relayed someone else's words.
    pub via: Option<Via>,
}

/// The medium through which a statement reached the reporter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Channel {
    /// The kind of medium.
    #[serde(rename = "type")]
    pub kind: ChannelType,
    /// Its name when the text gives one: "Khabar-24", "Telegram".
    pub name: Option<String>,
    /// The words naming the channel.
    pub span: Option<Span>,
}

/// The kind of a [`Channel`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelType {
    /// Television.
    Tv,
    /// Radio.
    Radio,
    /// A Telegram channel.
    Telegram,
    /// X/Twitter, Facebook, VKontakte…
    SocialMedia,
    /// A written statement, note or communiqué.
    Statement,
    /// A press conference or briefing.
    PressConference,
    /// An interview.
    Interview,
    /// A website.
    Website,
    /// A news agency report.
    Agency,
    /// A newspaper.
    Newspaper,
    /// Anything else.
    Other,
}

/// Who relayed the words of the source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Via {
    /// The relayer as written: "Maria Zakharova".
    pub text: String,
    /// The relayer's entity, when known.
    pub entity: Option<String>,
    /// Where the relayer is named.
    pub span: Span,
}
