//! Speaker words (`speakers.tsv`): role nouns that name a speaker by what it is ("la
//! portavoce", "the ministry"), pronouns, and the determiners and name connectors that shape a
//! speaker's noun phrase ("il", "the"; "della" in "Ministero della Salute").

use crate::LangFiles;
use crate::error::Problems;
use crate::phrases::Phrases;
use std::str::FromStr;

/// What an entry of `speakers.tsv` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpeakerWord {
    /// A noun for a person by role: "portavoce", "spokesman", "ministro".
    Person,
    /// A noun for an organisation or a group: "alleanza", "ministry", "polizia".
    Group,
    /// A pronoun standing for a person: "lui", "she".
    Pronoun,
    /// A definite determiner: "il", "the" (a role noun after it points back at someone known).
    Definite,
    /// An indefinite determiner: "un", "a" (a role noun after it introduces someone new).
    Indefinite,
    /// A word that joins the parts of a name: "della", "of", "de".
    Connector,
    /// Another function word (preposition, conjunction): capitalised at a sentence start it is
    /// not a name ("Nella sua dichiarazione, …").
    Function,
    /// A possessive: "his", "their", "'s" (before an attitude noun it names the source:
    /// "his endorsement of…").
    Possessive,
}

impl FromStr for SpeakerWord {
    type Err = String;

    fn from_str(s: &str) -> Result<SpeakerWord, String> {
        Ok(match s {
            "person" => SpeakerWord::Person,
            "group" => SpeakerWord::Group,
            "pronoun" => SpeakerWord::Pronoun,
            "definite" => SpeakerWord::Definite,
            "indefinite" => SpeakerWord::Indefinite,
            "connector" => SpeakerWord::Connector,
            "function" => SpeakerWord::Function,
            "possessive" => SpeakerWord::Possessive,
            other => {
                return Err(format!(
                    "unknown kind {other:?} (expected person, group, pronoun, definite, indefinite, connector, function or possessive)"
                ));
            }
        })
    }
}

/// Reads `speakers.tsv`: `phrase<TAB>kind`.
pub(crate) fn load(code: &str, files: &LangFiles, problems: &mut Problems) -> Phrases<SpeakerWord> {
    Phrases::load(code, files, "speakers.tsv", problems, |cols| match cols {
        [k, ..] if !k.is_empty() => k.parse(),
        _ => Err("missing the kind column".into()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Languages;

    #[test]
    fn builtin_languages_read_their_speaker_words() {
        let langs = Languages::builtin().unwrap();
        let cases = [
            ("it", "portavoce", SpeakerWord::Person),
            ("it", "alleanza", SpeakerWord::Group),
            ("it", "della", SpeakerWord::Connector),
            ("en", "spokesman", SpeakerWord::Person),
            ("en", "she", SpeakerWord::Pronoun),
            ("es", "portavoz", SpeakerWord::Person),
            ("fr", "porte-parole", SpeakerWord::Person),
            ("de", "Sprecher", SpeakerWord::Person),
        ];
        for (code, text, kind) in cases {
            let words = [crate::fold_time(text)];
            let (word, _) = langs
                .get(code)
                .unwrap()
                .speakers
                .longest_at(&words, 0)
                .unwrap_or_else(|| panic!("{code}: {text}"));
            assert_eq!(word.label, kind, "{code}: {text}");
        }
    }
}
