//! One index over the first words of `speech.tsv`, `speakers.tsv` and `channels.tsv`, so that
//! the quotes stage pays one fast hash probe per token instead of a lookup in each list: most
//! tokens start no phrase at all, and a one-word speaker word (determiners, connectors, function
//! words: the bulk of the hits) is answered by the index itself.

use crate::phrases::{PhraseWord, Phrases};
use crate::speakers::SpeakerWord;
use crate::times::Fnv;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// What a folded word can start.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QuoteWord {
    /// The first word of some `speech.tsv` phrase.
    pub speech: bool,
    /// The first word of some `channels.tsv` phrase.
    pub channel: bool,
    /// The first word of a `speakers.tsv` phrase of several words, or a word matched by a
    /// `*` entry: the list itself must be asked.
    pub speaker_phrase: bool,
    /// The kind of the first one-word `speakers.tsv` entry equal to the word (what the list's
    /// longest match gives when no longer phrase matches).
    pub speaker: Option<SpeakerWord>,
    /// Every kind of the one-word `speakers.tsv` entries equal to the word, as
    /// [`QuoteWord::bit`]s.
    pub speaker_kinds: u8,
}

impl QuoteWord {
    /// The bit of a speaker kind in [`QuoteWord::speaker_kinds`].
    pub fn bit(kind: SpeakerWord) -> u8 {
        1 << match kind {
            SpeakerWord::Person => 0,
            SpeakerWord::Group => 1,
            SpeakerWord::Pronoun => 2,
            SpeakerWord::Definite => 3,
            SpeakerWord::Indefinite => 4,
            SpeakerWord::Connector => 5,
            SpeakerWord::Function => 6,
            SpeakerWord::Possessive => 7,
        }
    }
}

/// The index; see the module documentation.
#[derive(Debug, Clone, Default)]
pub struct QuoteWords {
    exact: HashMap<String, QuoteWord, BuildHasherDefault<Fnv>>,
    /// `*` entries of any list: a word starting with one of these is sent to every list.
    prefixes: Vec<String>,
}

/// Everything may start here: ask every list.
const ASK_ALL: QuoteWord = QuoteWord {
    speech: true,
    channel: true,
    speaker_phrase: true,
    speaker: None,
    speaker_kinds: 0,
};

impl QuoteWords {
    pub(crate) fn new<S, C>(
        speech: &Phrases<S>,
        speakers: &Phrases<SpeakerWord>,
        channels: &Phrases<C>,
    ) -> QuoteWords {
        let mut index = QuoteWords::default();
        for p in speech.iter() {
            if let PhraseWord::Exact(w) = &p.words[0] {
                index.exact.entry(w.clone()).or_default().speech = true;
            } else if let PhraseWord::Prefix(w) = &p.words[0] {
                index.prefixes.push(w.clone());
            }
        }
        for p in channels.iter() {
            if let PhraseWord::Exact(w) = &p.words[0] {
                index.exact.entry(w.clone()).or_default().channel = true;
            } else if let PhraseWord::Prefix(w) = &p.words[0] {
                index.prefixes.push(w.clone());
            }
        }
        for p in speakers.iter() {
            match (&p.words[0], p.words.len()) {
                (PhraseWord::Exact(w), 1) => {
                    let e = index.exact.entry(w.clone()).or_default();
                    e.speaker.get_or_insert(p.label);
                    e.speaker_kinds |= QuoteWord::bit(p.label);
                }
                (PhraseWord::Exact(w), _) => {
                    index.exact.entry(w.clone()).or_default().speaker_phrase = true;
                }
                (PhraseWord::Prefix(w), _) => index.prefixes.push(w.clone()),
            }
        }
        index
    }

    /// What the folded token `word` can start.
    pub fn get(&self, word: &str) -> QuoteWord {
        if !self.prefixes.is_empty() && self.prefixes.iter().any(|p| word.starts_with(p.as_str())) {
            return ASK_ALL;
        }
        self.exact.get(word).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Languages;

    #[test]
    fn one_probe_tells_what_a_word_can_start() {
        let langs = Languages::builtin().unwrap();
        let en = &langs.get("en").unwrap().quote_words;
        assert!(en.get("said").speech);
        assert!(en.get("according").speech);
        let the = en.get("the");
        assert_eq!(the.speaker, Some(SpeakerWord::Definite));
        assert_ne!(the.speaker_kinds & QuoteWord::bit(SpeakerWord::Definite), 0);
        // "the statement said" is a speech phrase.
        assert!(the.speech && !the.speaker_phrase);
        let of = en.get("of");
        assert_eq!(of.speaker, Some(SpeakerWord::Connector));
        assert!(!of.speech && !of.channel);
        // "campaign officials" is a phrase of two words: the list must be asked.
        assert!(en.get("campaign").speaker_phrase);
        assert_eq!(en.get("zzyzx"), QuoteWord::default());
        // A `*` entry ("giornalist*") sends its words to every list.
        let it = &langs.get("it").unwrap().quote_words;
        assert!(it.get("giornalisti").speaker_phrase);
        assert!(!it.get("gatto").speaker_phrase);
    }
}
