//! Loads what the segmenter and the language identifier need: `abbreviations.txt`,
//! `segmentation.toml` and `stopwords.txt`. Kept apart from `language.rs` so that file only
//! calls in here.

use crate::LangFiles;
use crate::error::Problems;
use cronaca_text::SegmentRules;
use serde::Deserialize;

/// `segmentation.toml`: per-language settings of the sentence splitter. Every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct SegmentationFile {
    /// A period after a number and before a capitalised word marks an ordinal ("am 6. Januar").
    ordinal_period: bool,
    /// Closing quotes that may stand after a space (French "là. »").
    spaced_closing_quotes: Vec<char>,
    /// Words that, capitalised, start sentences; after an abbreviation, an initial or an
    /// ordinal they show the period was an end.
    sentence_starters: Vec<String>,
}

/// Builds the segmenter's rules from the language's files; `elision` comes from
/// `conventions.toml`.
pub(crate) fn segment_rules(
    files: &LangFiles,
    elision: bool,
    problems: &mut Problems,
) -> SegmentRules {
    let mut rules = SegmentRules::default();
    rules.elision = elision;
    let path = files
        .get("abbreviations.txt")
        .map_or("abbreviations.txt", |(p, _)| p);
    let mut seen = std::collections::HashSet::new();
    for (line_no, line) in files.data_lines("abbreviations.txt") {
        let mut fields = line.split_whitespace();
        let Some(abbreviation) = fields.next() else {
            continue;
        };
        if !seen.insert(abbreviation.to_lowercase()) {
            problems.at(
                path,
                line_no,
                format!("duplicate abbreviation {abbreviation:?}"),
            );
            continue;
        }
        match (fields.next(), fields.next()) {
            (None, _) => rules.add_abbreviation(abbreviation),
            (Some("ending"), None) => rules.add_ending_abbreviation(abbreviation),
            (Some(other), _) => problems.at(
                path,
                line_no,
                format!(
                    "unknown mark {other:?} after {abbreviation:?} (expected nothing or \"ending\")"
                ),
            ),
        }
    }
    if let Some((path, content)) = files.get("segmentation.toml") {
        match toml::from_str::<SegmentationFile>(content) {
            Ok(file) => {
                rules.ordinal_period = file.ordinal_period;
                for q in file.spaced_closing_quotes {
                    rules.add_spaced_closing_quote(q);
                }
                for w in &file.sentence_starters {
                    rules.add_sentence_starter(w);
                }
            }
            Err(e) => {
                let line = e
                    .span()
                    .map_or(1, |s| content[..s.start].matches('\n').count() + 1);
                problems.at(path, line, e.message());
            }
        }
    }
    rules
}

/// The function words of `stopwords.txt` (none when the file is missing).
pub(crate) fn stopwords<'f>(files: &'f LangFiles, problems: &mut Problems) -> Vec<&'f str> {
    let path = files
        .get("stopwords.txt")
        .map_or("stopwords.txt", |(p, _)| p);
    let mut seen = std::collections::HashSet::new();
    let mut words = Vec::new();
    for (line_no, line) in files.data_lines("stopwords.txt") {
        let word = line.trim();
        if word.chars().any(|c| !c.is_alphabetic() || c.is_uppercase()) {
            problems.at(path, line_no, format!("{word:?} is not one lowercase word"));
        } else if !seen.insert(word) {
            problems.at(path, line_no, format!("duplicate word {word:?}"));
        } else {
            words.push(word);
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(name: &str, content: &str) -> LangFiles {
        let mut f = LangFiles::default();
        f.insert(name, format!("data/lang/zz/{name}"), content.to_string());
        f
    }

    #[test]
    fn abbreviations_with_marks() {
        let mut problems = Problems::default();
        let f = files(
            "abbreviations.txt",
            "# c\nsig.\netc. ending\netc.\nx. final\n",
        );
        let rules = segment_rules(&f, true, &mut problems);
        assert!(rules.is_abbreviation("Sig.") && rules.is_abbreviation("ETC."));
        assert_eq!(
            problems.0,
            [
                "data/lang/zz/abbreviations.txt:4: duplicate abbreviation \"etc.\"",
                "data/lang/zz/abbreviations.txt:5: unknown mark \"final\" after \"x.\" (expected nothing or \"ending\")"
            ]
        );
    }

    #[test]
    fn bad_segmentation_toml_names_the_line() {
        let mut problems = Problems::default();
        let f = files("segmentation.toml", "ordinal_period = true\nordinals = 1\n");
        segment_rules(&f, false, &mut problems);
        assert_eq!(problems.0.len(), 1);
        assert!(
            problems.0[0].starts_with("data/lang/zz/segmentation.toml:2:"),
            "{:?}",
            problems.0
        );
    }

    #[test]
    fn stopwords_are_checked() {
        let mut problems = Problems::default();
        let f = files("stopwords.txt", "il\nIl\nil\ndi per\n");
        assert_eq!(stopwords(&f, &mut problems), ["il"]);
        assert_eq!(problems.0.len(), 3, "{:?}", problems.0);
    }
}
