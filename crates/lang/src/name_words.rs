//! Words of institution names (`name_words.tsv`): the capitalised head nouns institution
//! names start with ("Camera", "Corte") and the common nouns that complete them after "di",
//! "della"… ("Camera dei deputati", "Corte suprema di cassazione"), and the lower-case
//! particles inside names ("de" of "Óscar de la Hoya").

use crate::LangFiles;
use crate::error::Problems;
use crate::phrases::Phrases;
use std::str::FromStr;

/// What an entry of `name_words.tsv` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameWord {
    /// The noun an institution's name starts with: "Camera", "Corte", "Ufficio".
    Head,
    /// A common noun that completes an institution's name after "di": "deputati",
    /// "cassazione", "presidenza".
    Complement,
    /// A lower-case word inside names, never at their end: "di", "della", "de", "van".
    Particle,
    /// A masculine singular article, alone or with a preposition: "il", "lo", "dello".
    Masculine,
    /// A lower-case title written inside a person's name: "don", "suor".
    Title,
    /// A capitalised word sports clubs put before their town: "Rugby", "AS", "Real".
    Club,
    /// A lower-case adjective of direction or position: "settentrionale", "centrale".
    Direction,
}

impl FromStr for NameWord {
    type Err = String;

    fn from_str(s: &str) -> Result<NameWord, String> {
        match s {
            "head" => Ok(NameWord::Head),
            "complement" => Ok(NameWord::Complement),
            "particle" => Ok(NameWord::Particle),
            "masculine" => Ok(NameWord::Masculine),
            "title" => Ok(NameWord::Title),
            "club" => Ok(NameWord::Club),
            "direction" => Ok(NameWord::Direction),
            other => Err(format!(
                "unknown kind {other:?} (expected head, complement, particle, masculine, title, club or direction)"
            )),
        }
    }
}

/// Reads `name_words.tsv`: `phrase<TAB>kind`.
pub(crate) fn load(code: &str, files: &LangFiles, problems: &mut Problems) -> Phrases<NameWord> {
    Phrases::load(code, files, "name_words.tsv", problems, |cols| match cols {
        [k, ..] if !k.is_empty() => k.parse(),
        _ => Err("missing the kind column".into()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Languages;

    #[test]
    fn italian_reads_its_name_words() {
        let langs = Languages::builtin().unwrap();
        let it = langs.get("it").unwrap();
        let label = |w: &str| it.name_words.longest_at(&[w], 0).map(|(p, _)| p.label);
        assert_eq!(label("camera"), Some(NameWord::Head));
        assert_eq!(label("deputati"), Some(NameWord::Complement));
        assert_eq!(label("sanita"), Some(NameWord::Complement));
        assert_eq!(label("casa"), None);
        assert_eq!(label("de"), Some(NameWord::Particle));
        assert_eq!(label("lo"), Some(NameWord::Masculine));
        assert_eq!(label("suor"), Some(NameWord::Title));
        assert_eq!(label("rugby"), Some(NameWord::Club));
        assert_eq!(label("centrale"), Some(NameWord::Direction));
    }
}
