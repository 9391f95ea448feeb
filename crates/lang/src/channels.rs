//! Channel words (`channels.tsv`): the media through which words reach the reporter — a
//! statement, a TV channel, Telegram, a news agency — and whether the word is itself a name
//! ("Telegram", "CNN") or a common noun that a name may follow ("agenzia Tass", "televisione
//! Khabar-24").

use crate::LangFiles;
use crate::error::Problems;
use crate::phrases::Phrases;
use cronaca_model::ChannelType;

/// One entry of `channels.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ChannelWord {
    /// The medium.
    pub kind: ChannelType,
    /// True when the phrase is the channel's own name ("Telegram"); false for a common noun
    /// that a name may follow ("agenzia").
    pub named: bool,
}

/// The record's channel type named in the file: `tv`, `telegram`, `social_media`…
fn channel_type(s: &str) -> Result<ChannelType, String> {
    Ok(match s {
        "tv" => ChannelType::Tv,
        "radio" => ChannelType::Radio,
        "telegram" => ChannelType::Telegram,
        "social_media" => ChannelType::SocialMedia,
        "statement" => ChannelType::Statement,
        "press_conference" => ChannelType::PressConference,
        "interview" => ChannelType::Interview,
        "website" => ChannelType::Website,
        "agency" => ChannelType::Agency,
        "newspaper" => ChannelType::Newspaper,
        "other" => ChannelType::Other,
        other => {
            return Err(format!(
                "unknown channel type {other:?} (expected tv, radio, telegram, social_media, statement, press_conference, interview, website, agency, newspaper or other)"
            ));
        }
    })
}

/// Reads `channels.tsv`: `phrase<TAB>type<TAB>name|noun`.
pub(crate) fn load(code: &str, files: &LangFiles, problems: &mut Problems) -> Phrases<ChannelWord> {
    Phrases::load(code, files, "channels.tsv", problems, |cols| match cols {
        [kind, form, ..] => Ok(ChannelWord {
            kind: channel_type(kind)?,
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
            ("it", "Telegram", ChannelType::Telegram, true),
            ("it", "nota", ChannelType::Statement, false),
            (
                "it",
                "conferenza stampa",
                ChannelType::PressConference,
                false,
            ),
            ("en", "statement", ChannelType::Statement, false),
            ("es", "comunicado", ChannelType::Statement, false),
            ("fr", "communiqué", ChannelType::Statement, false),
            ("de", "Mitteilung", ChannelType::Statement, false),
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
