//! Channel words (`channels.tsv`): the media through which words reach the reporter — a
//! statement, a TV channel, Telegram, a news agency — and whether the word is itself a name
//! ("Telegram", "CNN") or a common noun that a name may follow ("agenzia Tass", "televisione
//! Khabar-24").

use crate::LangFiles;
use crate::error::Problems;
use crate::phrases::Phrases;
use std::str::FromStr;

/// The kind of medium a channel word names (the `channel.type` of the record).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChannelKind {
    /// Television.
    Tv,
    /// Radio.
    Radio,
    /// Telegram.
    Telegram,
    /// X/Twitter, Facebook and other social media.
    SocialMedia,
    /// A statement, note or communiqué.
    Statement,
    /// A press conference or briefing.
    PressConference,
    /// An interview.
    Interview,
    /// A website.
    Website,
    /// A news agency.
    Agency,
    /// A newspaper.
    Newspaper,
    /// Anything else.
    Other,
}

/// One entry of `channels.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ChannelWord {
    /// The medium.
    pub kind: ChannelKind,
    /// True when the phrase is the channel's own name ("Telegram"); false for a common noun
    /// that a name may follow ("agenzia").
    pub named: bool,
}

impl FromStr for ChannelKind {
    type Err = String;

    fn from_str(s: &str) -> Result<ChannelKind, String> {
        Ok(match s {
            "tv" => ChannelKind::Tv,
            "radio" => ChannelKind::Radio,
            "telegram" => ChannelKind::Telegram,
            "social_media" => ChannelKind::SocialMedia,
            "statement" => ChannelKind::Statement,
            "press_conference" => ChannelKind::PressConference,
            "interview" => ChannelKind::Interview,
            "website" => ChannelKind::Website,
            "agency" => ChannelKind::Agency,
            "newspaper" => ChannelKind::Newspaper,
            "other" => ChannelKind::Other,
            other => {
                return Err(format!(
                    "unknown channel type {other:?} (expected tv, radio, telegram, social_media, statement, press_conference, interview, website, agency, newspaper or other)"
                ));
            }
        })
    }
}

/// Reads `channels.tsv`: `phrase<TAB>type<TAB>name|noun`.
pub(crate) fn load(code: &str, files: &LangFiles, problems: &mut Problems) -> Phrases<ChannelWord> {
    Phrases::load(code, files, "channels.tsv", problems, |cols| match cols {
        [kind, form, ..] => Ok(ChannelWord {
            kind: kind.parse()?,
            named: match *form {
                "name" => true,
                "noun" => false,
                other => return Err(format!("unknown form {other:?} (expected name or noun)")),
            },
        }),
        _ => Err("expected two columns after the phrase: type and name|noun".into()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Languages;

    #[test]
    fn builtin_languages_read_their_channels() {
        let langs = Languages::builtin().unwrap();
        let cases = [
            ("it", "Telegram", ChannelKind::Telegram, true),
            ("it", "nota", ChannelKind::Statement, false),
            (
                "it",
                "conferenza stampa",
                ChannelKind::PressConference,
                false,
            ),
            ("en", "statement", ChannelKind::Statement, false),
            ("es", "comunicado", ChannelKind::Statement, false),
            ("fr", "communiqué", ChannelKind::Statement, false),
            ("de", "Mitteilung", ChannelKind::Statement, false),
        ];
        for (code, text, kind, named) in cases {
            let words: Vec<String> = text.split(' ').map(crate::fold_time).collect();
            let (word, _) = langs
                .get(code)
                .unwrap()
                .channels
                .longest_at(&words, 0)
                .unwrap_or_else(|| panic!("{code}: {text}"));
            assert_eq!(word.label, ChannelWord { kind, named }, "{code}: {text}");
        }
    }
}
