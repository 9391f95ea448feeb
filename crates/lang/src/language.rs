use crate::channels::ChannelWord;
use crate::error::Problems;
use crate::events::EventLexicon;
use crate::figures::FigureLexicon;
use crate::modality::Modality;
use crate::name_words::NameWord;
use crate::numbers::Numbers;
use crate::phrases::Phrases;
use crate::quote_words::QuoteWords;
use crate::speakers::SpeakerWord;
use crate::speech::SpeechRole;
use crate::times::TimeLexicon;
use crate::{LangFiles, LoadError};
use cronaca_text::{LanguageIdentifier, SegmentRules};
use include_dir::{Dir, include_dir};
use serde::Deserialize;
use std::path::Path;

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../data/lang");

/// The code of the fallback folder, used for text in no supported language.
const FALLBACK: &str = "xx";

/// How a language writes numbers and words (`conventions.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conventions {
    /// The language's own name.
    pub name: String,
    /// ISO 639-3 code, used to match language identification.
    pub iso639_3: String,
    /// The mark between integer and fraction: ',' in "1,5", '.' in "2.3".
    pub decimal_mark: char,
    /// Marks that group thousands: '.' in "1.000", ',' in "1,000", spaces.
    pub group_marks: Vec<char>,
    /// Whether an apostrophe closes an elided word ("l’", "d’").
    pub elision: bool,
    /// Whether number words glue into one word ("duecentoquarantatre", "dreiundzwanzig").
    #[serde(default)]
    pub compounds: bool,
    /// Ordinal inflections: each list is an ending of the forms written in `numbers.tsv`
    /// followed by the endings that replace it ("o" → "a", "i", "e").
    #[serde(default)]
    pub ordinal_endings: Vec<Vec<String>>,
    /// Which of those endings make a plural (an ordinal read as a denominator: "quinti").
    #[serde(default)]
    pub plural_endings: Vec<String>,
    /// Spellings generated for number words: ["ü", "ue"] makes "fuenf" from "fünf".
    #[serde(default)]
    pub transliterations: Vec<[String; 2]>,
    /// Whether the name of an organisation takes a national adjective after it: "governo
    /// inglese", "polizia francese", "ministero degli Esteri russo" are one name (as Italian
    /// news and KIND write them; English puts the adjective first, outside the name).
    #[serde(default)]
    pub national_adjective_in_names: bool,
    /// Whether every noun is capitalised ("der Zug", "das Essen"): a capital then tells no name
    /// from a word.
    #[serde(default)]
    pub nouns_capitalised: bool,
    /// Endings of the participles that go on with a clause after a comma ("…, killing five
    /// police", "…, including two women", "…, uccidendo tre persone"): a reported clause
    /// runs on over them.
    #[serde(default)]
    pub gerund_endings: Vec<String>,
}

/// One language's knowledge.
#[derive(Debug, Clone)]
pub struct Lang {
    /// ISO 639-1 code (`xx` for the fallback).
    pub code: String,
    /// Number and word conventions.
    pub conventions: Conventions,
    /// What the sentence and token segmenter needs.
    pub segment_rules: SegmentRules,
    /// Number words, vague quantifiers, units and range patterns.
    pub numbers: Numbers,
    /// Months, weekdays and relative time words (`months.tsv`, `weekdays.tsv`,
    /// `relative_time.tsv`).
    pub times: TimeLexicon,
    /// Cues that make a statement negated, hypothetical, denied, claimed or planned
    /// (`modality.tsv`).
    pub modality: Phrases<Modality>,
    /// What makes a number a figure: casualty words, counted nouns and the words around them
    /// (`figures.tsv`, `groups.tsv`, `figure_cues.tsv`).
    pub figures: FigureLexicon,
    /// Reported-speech cues, complementisers, agent and relay markers (`speech.tsv`).
    pub speech: Phrases<SpeechRole>,
    /// Media through which words reach the reporter (`channels.tsv`).
    pub channels: Phrases<ChannelWord>,
    /// Role nouns, pronouns, determiners and name connectors of speakers (`speakers.tsv`).
    pub speakers: Phrases<SpeakerWord>,
    /// Head nouns of institution names and the common nouns that complete them
    /// (`name_words.tsv`).
    pub name_words: Phrases<NameWord>,
    /// The first words of the three lists above, for a quick test per token.
    pub quote_words: QuoteWords,
    /// Event triggers, the evidence that decides their mode and the structure words around
    /// them (`events.tsv`, `event_evidence.tsv`, `event_roles.tsv`).
    pub events: EventLexicon,
}

impl Lang {
    /// Builds a language from its files; `code` is the folder name.
    pub fn from_files(code: &str, files: &LangFiles) -> Result<Lang, LoadError> {
        let mut problems = Problems::default();
        let conventions = load_conventions(code, files, &mut problems);
        let elision = conventions.as_ref().is_some_and(|c| c.elision);
        let segment_rules = crate::segmentation::segment_rules(files, elision, &mut problems);
        let numbers = Numbers::load(code, files, conventions.as_ref(), &mut problems);
        let times = TimeLexicon::load(code, files, &segment_rules, &mut problems);
        let modality = crate::modality::load(code, files, &mut problems);
        let figures = FigureLexicon::load(code, files, &mut problems);
        let speech = crate::speech::load(code, files, &mut problems);
        let channels = crate::channels::load(code, files, &mut problems);
        let speakers = crate::speakers::load(code, files, &mut problems);
        let name_words = crate::name_words::load(code, files, &mut problems);
        let quote_words = QuoteWords::new(&speech, &speakers, &channels);
        let events = EventLexicon::load(code, files, &mut problems);
        match conventions {
            Some(conventions) if problems.0.is_empty() => Ok(Lang {
                code: code.to_string(),
                conventions,
                segment_rules,
                numbers,
                times,
                modality,
                figures,
                speech,
                channels,
                speakers,
                name_words,
                quote_words,
                events,
            }),
            _ => Err(LoadError::new(problems.0)),
        }
    }
}

fn load_conventions(code: &str, files: &LangFiles, problems: &mut Problems) -> Option<Conventions> {
    let Some((path, content)) = files.get("conventions.toml") else {
        problems.file(
            &format!("data/lang/{code}/conventions.toml"),
            "missing (every language needs one)",
        );
        return None;
    };
    match toml::from_str::<Conventions>(content) {
        Ok(c) => Some(c),
        Err(e) => {
            let line = e
                .span()
                .map_or(1, |s| content[..s.start].matches('\n').count() + 1);
            problems.at(path, line, e.message());
            None
        }
    }
}

/// Every language cronaca knows, and the fallback.
#[derive(Debug, Clone)]
pub struct Languages {
    langs: Vec<Lang>,
    fallback: Lang,
    identifier: LanguageIdentifier,
}

impl Languages {
    /// The languages embedded in the binary.
    pub fn builtin() -> Result<Languages, LoadError> {
        let mut folders = Vec::new();
        for dir in BUILTIN.dirs() {
            let code = dir.path().to_string_lossy().into_owned();
            let mut files = LangFiles::default();
            for file in dir.files() {
                let name = file
                    .path()
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy();
                let content = String::from_utf8_lossy(file.contents()).into_owned();
                files.insert(
                    &name,
                    format!("data/lang/{}", file.path().display()),
                    content,
                );
            }
            folders.push((code, files));
        }
        Languages::from_folders(folders)
    }

    /// The languages in `dir`, laid out like `data/lang/` (one folder per ISO 639-1 code, and
    /// `xx`).
    pub fn load_dir(dir: &Path) -> Result<Languages, LoadError> {
        let unreadable =
            |e: std::io::Error| LoadError::new(vec![format!("{}: {e}", dir.display())]);
        let mut folders = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(unreadable)? {
            let entry = entry.map_err(unreadable)?;
            if entry.path().is_dir() {
                let code = entry.file_name().to_string_lossy().into_owned();
                let files = LangFiles::read_dir(&entry.path()).map_err(|e| {
                    LoadError::new(vec![format!("{}: {e}", entry.path().display())])
                })?;
                folders.push((code, files));
            }
        }
        Languages::from_folders(folders)
    }

    fn from_folders(mut folders: Vec<(String, LangFiles)>) -> Result<Languages, LoadError> {
        folders.sort_by(|a, b| a.0.cmp(&b.0));
        let mut problems = Vec::new();
        let mut langs = Vec::new();
        let mut fallback = None;
        let mut identifier = LanguageIdentifier::new();
        for (code, files) in &folders {
            match Lang::from_files(code, files) {
                Ok(lang) if code == FALLBACK => fallback = Some(lang),
                Ok(lang) => {
                    let mut bad = crate::error::Problems::default();
                    let words = crate::segmentation::stopwords(files, &mut bad);
                    identifier.add_language(code, &lang.conventions.iso639_3, words);
                    problems.extend(bad.0);
                    langs.push(lang);
                }
                Err(e) => problems.extend(e.problems().iter().cloned()),
            }
        }
        match fallback {
            Some(fallback) if problems.is_empty() => Ok(Languages {
                langs,
                fallback,
                identifier,
            }),
            _ => {
                if fallback.is_none() && problems.is_empty() {
                    problems.push(format!("data/lang/{FALLBACK}: missing fallback language"));
                }
                Err(LoadError::new(problems))
            }
        }
    }

    /// The language with ISO 639-1 code `code`.
    pub fn get(&self, code: &str) -> Option<&Lang> {
        self.langs.iter().find(|l| l.code == code)
    }

    /// The language for `code`, or the fallback.
    pub fn get_or_fallback(&self, code: &str) -> &Lang {
        self.get(code).unwrap_or(&self.fallback)
    }

    /// The fallback for text in no supported language.
    pub fn fallback(&self) -> &Lang {
        &self.fallback
    }

    /// Every supported language, in code order.
    pub fn iter(&self) -> impl Iterator<Item = &Lang> {
        self.langs.iter()
    }

    /// The language identifier over every supported language and its `stopwords.txt`.
    pub fn identifier(&self) -> &LanguageIdentifier {
        &self.identifier
    }

    /// (ISO 639-1, ISO 639-3) pairs, for language identification.
    pub fn identification_codes(&self) -> Vec<(&str, &str)> {
        self.langs
            .iter()
            .map(|l| (l.code.as_str(), l.conventions.iso639_3.as_str()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_has_six_languages_and_fallback() {
        let langs = Languages::builtin().unwrap();
        let codes: Vec<&str> = langs.iter().map(|l| l.code.as_str()).collect();
        assert_eq!(codes, ["de", "en", "es", "fr", "it", "ru"]);
        assert_eq!(langs.get_or_fallback("pt").code, "xx");
        assert!(langs.get("it").unwrap().segment_rules.elision);
    }

    #[test]
    fn bad_conventions_name_file_and_line() {
        let mut files = LangFiles::default();
        files.insert(
            "conventions.toml",
            "data/lang/zz/conventions.toml".into(),
            "name = \"x\"\niso639_3 = \"zzz\"\ndecimal_mark = \"ab\"\n".into(),
        );
        let err = Lang::from_files("zz", &files).unwrap_err();
        assert_eq!(err.problems().len(), 1);
        assert!(
            err.problems()[0].starts_with("data/lang/zz/conventions.toml:3:"),
            "{err}"
        );
        let err = Lang::from_files("zz", &LangFiles::default()).unwrap_err();
        assert!(err.to_string().contains("missing"), "{err}");
    }
}
