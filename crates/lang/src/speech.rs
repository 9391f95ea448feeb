//! Reported-speech cues (`speech.tsv`): the words that introduce what someone said, and the
//! small words around them that the quotes stage reads (complementisers, agent and relay
//! markers). Which role a phrase plays is data; the quotes stage interprets the roles the same
//! way in every language.

use crate::LangFiles;
use crate::error::Problems;
use crate::phrases::Phrases;
use std::str::FromStr;

/// What a [`Phrases`] entry of `speech.tsv` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpeechRole {
    /// A speech or thought verb whose subject is the speaker: "ha dichiarato", "said",
    /// "ritiene". `bare` verbs also take a clause without a complementiser ("said the army
    /// left").
    Verb {
        /// Whether a reported clause may follow without a complementiser.
        bare: bool,
        /// An attitude verb whose object noun phrase, a name included, or infinitive is what
        /// the subject holds: "supports Trump", "has long opposed the deal", "wants to win".
        /// Implies `bare`.
        object: bool,
    },
    /// An attitude noun with its preposition: "endorsement of", "support for", "criticism
    /// of". A possessive right before it ("his", "Graham's") is the source; the phrase after
    /// it is the content.
    Noun,
    /// An attitude noun whose source may go unnamed: "new questions about", "bitter debate
    /// on", "reports that". Read as [`SpeechRole::Noun`] after a possessive; without one the
    /// noun phrase itself stands for the unnamed holders.
    OpenNoun,
    /// A past participle of an attitude verb read in the passive ("viewed as", "blamed
    /// for"): after a form of "be" the clause around it is the content, and the source is the
    /// agent after "by" or goes unnamed ("The deal is viewed as a threat").
    Passive,
    /// A form of "be" before a [`SpeechRole::Passive`] participle: "is", "were", "being".
    Be,
    /// The infinitive marker ("to"): after an attitude verb the infinitive is the content
    /// ("wants to lose").
    Infinitive,
    /// A clitic that makes the verb after it point back at the previous sentence: "lo" in
    /// "Lo riferisce l'agenzia Tass".
    Clitic,
    /// A preposition naming the source of what follows or precedes: "secondo", "according to",
    /// "selon", "laut".
    Source,
    /// An impersonal cue whose source is the owner of the channel: "si legge", "it reads".
    Impersonal,
    /// A word opening the reported clause after a verb: "che", "that", "que", "dass".
    That,
    /// A word opening an infinitive reported clause; the word belongs to the content: "di".
    ThatInfinitive,
    /// A passive agent marker ("dalla", "by"): who released an impersonal statement.
    By,
    /// A relay marker ("tramite", "through"): who passed the speaker's words on.
    Through,
    /// A coordinating conjunction ("and", "but"): a verb right after it, with no subject of
    /// its own, goes on with the clause before ("said X and called him…").
    Conjunction,
    /// A conjunction that opens a clause with its own subject ("mentre", "whereas"): a
    /// reported clause ends before it when a speech verb follows ("riportava 3 morti mentre
    /// la STT parlava di una vittima").
    ClauseLink,
}

impl FromStr for SpeechRole {
    type Err = String;

    fn from_str(s: &str) -> Result<SpeechRole, String> {
        Ok(match s {
            "verb" => SpeechRole::Verb {
                bare: false,
                object: false,
            },
            "verb_bare" => SpeechRole::Verb {
                bare: true,
                object: false,
            },
            "verb_object" => SpeechRole::Verb {
                bare: true,
                object: true,
            },
            "noun" => SpeechRole::Noun,
            "noun_open" => SpeechRole::OpenNoun,
            "passive" => SpeechRole::Passive,
            "be" => SpeechRole::Be,
            "inf" => SpeechRole::Infinitive,
            "clitic" => SpeechRole::Clitic,
            "source" => SpeechRole::Source,
            "impersonal" => SpeechRole::Impersonal,
            "that" => SpeechRole::That,
            "that_inf" => SpeechRole::ThatInfinitive,
            "by" => SpeechRole::By,
            "through" => SpeechRole::Through,
            "conj" => SpeechRole::Conjunction,
            "clause_link" => SpeechRole::ClauseLink,
            other => {
                return Err(format!(
                    "unknown role {other:?} (expected verb, verb_bare, verb_object, noun, noun_open, passive, be, inf, clitic, source, impersonal, that, that_inf, by, through, conj or clause_link)"
                ));
            }
        })
    }
}

/// Reads `speech.tsv`: `phrase<TAB>role`.
pub(crate) fn load(code: &str, files: &LangFiles, problems: &mut Problems) -> Phrases<SpeechRole> {
    Phrases::load(code, files, "speech.tsv", problems, |cols| match cols {
        [r, ..] if !r.is_empty() => r.parse(),
        _ => Err("missing the role column".into()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Languages;

    #[test]
    fn builtin_languages_read_their_speech_cues() {
        let langs = Languages::builtin().unwrap();
        let cases = [
            (
                "it",
                "dichiarato",
                SpeechRole::Verb {
                    bare: false,
                    object: false,
                },
                1,
            ),
            ("it", "secondo", SpeechRole::Source, 1),
            ("it", "si legge", SpeechRole::Impersonal, 2),
            ("en", "according to", SpeechRole::Source, 2),
            (
                "en",
                "said",
                SpeechRole::Verb {
                    bare: true,
                    object: false,
                },
                1,
            ),
            (
                "en",
                "supports",
                SpeechRole::Verb {
                    bare: true,
                    object: true,
                },
                1,
            ),
            ("en", "endorsement of", SpeechRole::Noun, 2),
            ("en", "and", SpeechRole::Conjunction, 1),
            ("es", "según", SpeechRole::Source, 1),
            ("fr", "selon", SpeechRole::Source, 1),
            ("de", "laut", SpeechRole::Source, 1),
        ];
        for (code, text, role, len) in cases {
            let words: Vec<String> = text.split(' ').map(crate::fold_time).collect();
            let (cue, n) = langs
                .get(code)
                .unwrap()
                .speech
                .longest_at(&words, 0)
                .unwrap_or_else(|| panic!("{code}: {text}"));
            assert_eq!((cue.label, n), (role, len), "{code}: {text}");
        }
    }

    #[test]
    fn unknown_roles_name_the_line() {
        let mut files = LangFiles::default();
        files.insert(
            "speech.tsv",
            "data/lang/it/speech.tsv".into(),
            "# c\nha detto\tverb\nurlato\tshout\n".into(),
        );
        let mut problems = Problems::default();
        let list = load("it", &files, &mut problems);
        assert_eq!(list.iter().count(), 1);
        assert!(
            problems.0[0].starts_with("data/lang/it/speech.tsv:3: \"urlato\": unknown role"),
            "{:?}",
            problems.0
        );
    }
}
