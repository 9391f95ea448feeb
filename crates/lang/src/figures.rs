//! Figure words: what makes a number a count of people affected by an event.
//!
//! Three phrase lists, all read with [`Phrases`]:
//! - `figures.tsv`: casualty words, nouns, verbs and participles with the category of the
//!   people they count ("morti" → killed, "sono state ferite"… "ferit*" → injured, "in terapia
//!   intensiva" → critical);
//! - `groups.tsv`: nouns for the people counted ("persone", "civili", "poliziotti"), with the
//!   kind of group and, optionally, the category they imply on their own ("manifestanti" →
//!   participants);
//! - `figure_cues.tsv`: the small words between a number and those words (`between`: "di",
//!   "of"; `link`: "sono stati", "were"; `other`: "altri", "others"), approximation words
//!   (`approx`: "circa", "about"), subset cues (`subset`: "di cui", "including") and
//!   coordinating conjunctions (`and`).

use crate::LangFiles;
use crate::error::Problems;
use crate::phrases::Phrases;
use cronaca_model::{FigureCategory, Group};
use serde::Deserialize;
use serde::de::IntoDeserializer;
use serde::de::value::{Error as ValueError, StrDeserializer};

/// The role of a word of `figure_cues.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FigureCue {
    /// "circa", "about", "nearly": the number is approximate.
    Approx,
    /// "sono", "were", "have been": a verb between the counted people and what happened.
    Link,
    /// "di", "of", "the", "il numero di": words that may stand between a number and its noun.
    Between,
    /// "altri", "others", "another": "altre tre persone".
    Other,
    /// "di cui", "including": what follows is part of the figure before.
    Subset,
    /// "e", "and": two counts sharing one casualty word.
    And,
}

/// What a counted noun says (`groups.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    /// The kind of people, when the noun says it.
    pub group: Option<Group>,
    /// The category the noun implies when no casualty word is found ("protesters" →
    /// participants).
    pub category: Option<FigureCategory>,
}

/// The figure words of one language.
#[derive(Debug, Clone, Default)]
pub struct FigureLexicon {
    /// Casualty words and their category (`figures.tsv`).
    pub categories: Phrases<FigureCategory>,
    /// Nouns for the people counted (`groups.tsv`).
    pub counted: Phrases<Counted>,
    /// The words around numbers and casualty words (`figure_cues.tsv`).
    pub cues: Phrases<FigureCue>,
}

fn parse<'de, T: Deserialize<'de>>(s: &'de str, what: &str) -> Result<T, String> {
    let de: StrDeserializer<'de, ValueError> = s.into_deserializer();
    T::deserialize(de).map_err(|_| format!("unknown {what} {s:?}"))
}

fn category(s: &str) -> Result<FigureCategory, String> {
    parse(s, "category").map_err(|e| {
        format!(
            "{e} (expected killed, injured, hospitalized, critical, missing, arrested, kidnapped, \
             displaced, evacuated, rescued, affected, participants, deployed or other)"
        )
    })
}

fn optional<T>(s: &str, read: impl Fn(&str) -> Result<T, String>) -> Result<Option<T>, String> {
    match s {
        "" | "-" => Ok(None),
        s => read(s).map(Some),
    }
}

impl FigureLexicon {
    /// Reads the three files; bad lines go to `problems`.
    pub(crate) fn load(code: &str, files: &LangFiles, problems: &mut Problems) -> FigureLexicon {
        let categories = Phrases::load(code, files, "figures.tsv", problems, |cols| match cols {
            [c, ..] if !c.is_empty() => category(c),
            _ => Err("missing the category column".into()),
        });
        let counted = Phrases::load(code, files, "groups.tsv", problems, |cols| {
            let group = optional(cols.first().copied().unwrap_or(""), |g| {
                parse::<Group>(g, "group").map_err(|e| {
                    format!(
                        "{e} (expected civilians, security_forces, attackers, protesters, \
                         children, journalists or -)"
                    )
                })
            })?;
            let category = optional(cols.get(1).copied().unwrap_or(""), category)?;
            Ok(Counted { group, category })
        });
        let cues = Phrases::load(code, files, "figure_cues.tsv", problems, |cols| {
            Ok(match cols.first().copied().unwrap_or("") {
                "approx" => FigureCue::Approx,
                "link" => FigureCue::Link,
                "between" => FigureCue::Between,
                "other" => FigureCue::Other,
                "subset" => FigureCue::Subset,
                "and" => FigureCue::And,
                other => {
                    return Err(format!(
                        "unknown role {other:?} (expected approx, link, between, other, subset or and)"
                    ));
                }
            })
        });
        FigureLexicon {
            categories,
            counted,
            cues,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Languages;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(crate::fold_time).collect()
    }

    #[test]
    fn builtin_languages_read_their_figure_words() {
        let langs = Languages::builtin().unwrap();
        let cases = [
            ("it", "in terapia intensiva", FigureCategory::Critical, 3),
            ("it", "ferite", FigureCategory::Injured, 1),
            ("en", "death toll", FigureCategory::Killed, 2),
            ("es", "detenidos", FigureCategory::Arrested, 1),
            ("fr", "blessées", FigureCategory::Injured, 1),
            ("de", "Tote", FigureCategory::Killed, 1),
        ];
        for (code, text, cat, len) in cases {
            let lex = &langs.get(code).unwrap().figures;
            let w = words(text);
            let (m, n) = lex.categories.longest_at(&w, 0).unwrap();
            assert_eq!((m.label, n), (cat, len), "{code}: {text}");
        }
        let it = &langs.get("it").unwrap().figures;
        let w = words("assalitori");
        let (m, _) = it.counted.longest_at(&w, 0).unwrap();
        assert_eq!(m.label.group, Some(Group::Attackers));
        let w = words("circa");
        let (m, _) = it.cues.longest_at(&w, 0).unwrap();
        assert_eq!(m.label, FigureCue::Approx);
    }

    #[test]
    fn bad_lines_name_file_line_and_what_is_allowed() {
        let mut files = LangFiles::default();
        files.insert(
            "figures.tsv",
            "data/lang/zz/figures.tsv".into(),
            "morti\tkilled\nferiti\twounded\n".into(),
        );
        files.insert(
            "groups.tsv",
            "data/lang/zz/groups.tsv".into(),
            "civili\tcivilians\nsoldati\tarmy\n".into(),
        );
        files.insert(
            "figure_cues.tsv",
            "data/lang/zz/figure_cues.tsv".into(),
            "circa\tapprox\ncirca\tabout\n".into(),
        );
        let mut problems = Problems::default();
        let lex = FigureLexicon::load("zz", &files, &mut problems);
        assert_eq!(lex.categories.iter().count(), 1);
        assert_eq!(problems.0.len(), 3, "{:?}", problems.0);
        assert!(
            problems.0[0].starts_with("data/lang/zz/figures.tsv:2: \"feriti\": unknown category")
        );
        assert!(problems.0[1].starts_with("data/lang/zz/groups.tsv:2: \"soldati\": unknown group"));
        assert!(problems.0[2].contains("figure_cues.tsv:2: \"circa\": unknown role \"about\""));
    }
}
