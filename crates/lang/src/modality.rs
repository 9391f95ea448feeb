//! Modality cues (`modality.tsv`): words that make a statement negated, hypothetical, denied,
//! claimed or planned rather than asserted. Figures and events read them.

use crate::LangFiles;
use crate::error::Problems;
use crate::phrases::Phrases;
use std::str::FromStr;

/// What a modality cue does to the statement it governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Modality {
    /// "nessun", "no", "non ci sono stati": nothing of the kind happened.
    Negated,
    /// "potrebbe", "may have", "se": possibly, conditionally.
    Hypothetical,
    /// "ha smentito", "denied": a party says it did not happen.
    Denied,
    /// "ha rivendicato", "claimed": a party says it did it.
    Claimed,
    /// "minaccia di", "plans to", "will": announced, not yet done.
    Planned,
}

impl FromStr for Modality {
    type Err = String;

    fn from_str(s: &str) -> Result<Modality, String> {
        Ok(match s {
            "negated" => Modality::Negated,
            "hypothetical" => Modality::Hypothetical,
            "denied" => Modality::Denied,
            "claimed" => Modality::Claimed,
            "planned" => Modality::Planned,
            other => {
                return Err(format!(
                    "unknown modality {other:?} (expected negated, hypothetical, denied, claimed or planned)"
                ));
            }
        })
    }
}

/// Reads `modality.tsv`: `cue<TAB>modality`.
pub(crate) fn load(code: &str, files: &LangFiles, problems: &mut Problems) -> Phrases<Modality> {
    Phrases::load(code, files, "modality.tsv", problems, |cols| match cols {
        [m] | [m, ..] if !m.is_empty() => m.parse(),
        _ => Err("missing the modality column".into()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Languages;

    #[test]
    fn builtin_languages_read_their_cues() {
        let langs = Languages::builtin().unwrap();
        let cases = [
            (
                "it",
                "potrebbero essere centinaia",
                Modality::Hypothetical,
                2,
            ),
            ("it", "ha smentito", Modality::Denied, 2),
            ("en", "no casualties", Modality::Negated, 1),
            ("fr", "aucune victime", Modality::Negated, 1),
            ("de", "keine Toten", Modality::Negated, 1),
        ];
        for (code, text, modality, len) in cases {
            let words: Vec<String> = text.split(' ').map(crate::fold_time).collect();
            let (cue, n) = langs
                .get(code)
                .unwrap()
                .modality
                .longest_at(&words, 0)
                .unwrap();
            assert_eq!((cue.label, n), (modality, len), "{code}: {text}");
        }
    }
}
