//! Word sequences with labels, read from a `data/lang/<code>/*.tsv` file and matched on tokens.
//!
//! Many kinds of knowledge are lists of phrases with a label: speech verbs with their role,
//! casualty words with their category, modality cues with the status they give. They share one
//! file shape and one matcher:
//!
//! ```text
//! # phrase<TAB>label columns…
//! ha smentito<TAB>denied
//! ferit*<TAB>injured
//! ```
//!
//! A phrase is one or more words separated by spaces, matched against consecutive tokens after
//! folding both with [`fold`](crate::fold_time) (lower case, Latin accents removed, apostrophes
//! as `'`). A word ending in `*` matches any token that starts with it ("ferit*" matches
//! "ferito", "feriti", "ferite"). The matcher is a hash lookup on the first word (exact, or each
//! prefix of the token for `*` words), then a check of the following words: it allocates nothing
//! per token and needs no automaton, which is why it is written here rather than with
//! aho-corasick (whose matches would need re-aligning to token boundaries and `*` endings).

use crate::LangFiles;
use crate::error::Problems;
use crate::times::fold;
use std::collections::HashMap;

/// One word of a [`Phrase`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhraseWord {
    /// The folded token must equal this.
    Exact(String),
    /// The folded token must start with this (written `word*`).
    Prefix(String),
}

impl PhraseWord {
    fn matches(&self, folded: &str) -> bool {
        match self {
            PhraseWord::Exact(w) => w == folded,
            PhraseWord::Prefix(p) => folded.starts_with(p.as_str()),
        }
    }
}

/// A phrase of a [`Phrases`] list and its label.
#[derive(Debug, Clone)]
pub struct Phrase<L> {
    /// The phrase as written in the file.
    pub text: String,
    /// Its folded words.
    pub words: Vec<PhraseWord>,
    /// What the phrase means.
    pub label: L,
    /// `<path>:<line>` of the phrase, for the `rule` of what it produces.
    pub rule: String,
}

/// A list of labelled phrases, indexed by first word.
#[derive(Debug, Clone)]
pub struct Phrases<L> {
    phrases: Vec<Phrase<L>>,
    exact: HashMap<String, Vec<usize>>,
    prefix: HashMap<String, Vec<usize>>,
    longest_prefix: usize,
}

impl<L> Default for Phrases<L> {
    fn default() -> Self {
        Phrases {
            phrases: Vec::new(),
            exact: HashMap::new(),
            prefix: HashMap::new(),
            longest_prefix: 0,
        }
    }
}

impl<L> Phrases<L> {
    /// Reads `name` from `files`: the first column is the phrase, the others are given to
    /// `label` (which says what is wrong with them, or gives the label). Bad lines and
    /// duplicate phrases with the same label are added to `problems`; a missing file is an empty
    /// list.
    pub(crate) fn load(
        code: &str,
        files: &LangFiles,
        name: &str,
        problems: &mut Problems,
        mut label: impl FnMut(&[&str]) -> Result<L, String>,
    ) -> Phrases<L>
    where
        L: PartialEq,
    {
        let path = files.get(name).map_or_else(
            || format!("data/lang/{code}/{name}"),
            |(p, _)| p.to_string(),
        );
        let mut list = Phrases::default();
        for (line, text) in files.data_lines(name) {
            let cols: Vec<&str> = text.split('\t').map(str::trim).collect();
            let phrase = cols[0];
            if phrase.is_empty() {
                problems.at(&path, line, "empty phrase in the first column");
                continue;
            }
            let parsed = match label(&cols[1..]) {
                Ok(l) => l,
                Err(e) => {
                    problems.at(&path, line, format!("{phrase:?}: {e}"));
                    continue;
                }
            };
            let words: Vec<PhraseWord> = phrase
                .split_whitespace()
                .map(|w| match w.strip_suffix('*') {
                    Some(p) => PhraseWord::Prefix(fold(p)),
                    None => PhraseWord::Exact(fold(w)),
                })
                .collect();
            if words
                .iter()
                .any(|w| matches!(w, PhraseWord::Prefix(p) if p.is_empty()))
            {
                problems.at(
                    &path,
                    line,
                    format!("{phrase:?}: a lone `*` matches everything"),
                );
                continue;
            }
            if let Some(first) = list
                .phrases
                .iter()
                .find(|p| p.words == words && p.label == parsed)
            {
                problems.at(
                    &path,
                    line,
                    format!("{phrase:?} repeats {} with the same meaning", first.rule),
                );
                continue;
            }
            list.push(Phrase {
                text: phrase.to_string(),
                words,
                label: parsed,
                rule: format!("{path}:{line}"),
            });
        }
        list
    }

    fn push(&mut self, phrase: Phrase<L>) {
        let k = self.phrases.len();
        match &phrase.words[0] {
            PhraseWord::Exact(w) => self.exact.entry(w.clone()).or_default().push(k),
            PhraseWord::Prefix(p) => {
                self.longest_prefix = self.longest_prefix.max(p.len());
                self.prefix.entry(p.clone()).or_default().push(k);
            }
        }
        self.phrases.push(phrase);
    }

    /// Every phrase, in file order.
    pub fn iter(&self) -> impl Iterator<Item = &Phrase<L>> {
        self.phrases.iter()
    }

    /// True when the list has no phrase.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Every phrase that matches the folded tokens starting at `words[i]`, with the number of
    /// tokens it covers.
    pub fn matches_at<'a, S: AsRef<str>>(
        &'a self,
        words: &'a [S],
        i: usize,
    ) -> impl Iterator<Item = (&'a Phrase<L>, usize)> + 'a {
        let first = words.get(i).map_or("", |w| w.as_ref());
        let exact = self.exact.get(first).into_iter().flatten();
        let prefixes = (1..=first.len().min(self.longest_prefix))
            .filter(move |&n| first.is_char_boundary(n))
            .filter_map(move |n| self.prefix.get(&first[..n]))
            .flatten();
        exact.chain(prefixes).filter_map(move |&k| {
            let phrase = &self.phrases[k];
            let n = phrase.words.len();
            let rest = words.get(i..i + n)?;
            phrase
                .words
                .iter()
                .zip(rest)
                .all(|(w, t)| w.matches(t.as_ref()))
                .then_some((phrase, n))
        })
    }

    /// The longest phrase matching at `words[i]` (the first in file order among equals).
    pub fn longest_at<'a, S: AsRef<str>>(
        &'a self,
        words: &'a [S],
        i: usize,
    ) -> Option<(&'a Phrase<L>, usize)> {
        self.matches_at(words, i)
            .fold(None, |best: Option<(&Phrase<L>, usize)>, m| match best {
                Some(b) if b.1 >= m.1 => Some(b),
                _ => Some(m),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(content: &str) -> (Phrases<String>, Vec<String>) {
        let mut files = LangFiles::default();
        files.insert("t.tsv", "data/lang/it/t.tsv".into(), content.into());
        let mut problems = Problems::default();
        let phrases = Phrases::load("it", &files, "t.tsv", &mut problems, |cols| {
            match cols.first() {
                Some(l) if !l.is_empty() => Ok(l.to_string()),
                _ => Err("missing label".into()),
            }
        });
        (phrases, problems.0)
    }

    fn folded(s: &str) -> Vec<String> {
        s.split_whitespace().map(fold).collect()
    }

    #[test]
    fn matches_exact_words_prefixes_and_prefers_the_longest() {
        let (p, problems) = list(
            "# phrase\tlabel\nferit*\tinjured\nsono stati uccisi\tkilled\nsono\tcopula\nPerché\tcause\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let words = folded("Dieci sono stati uccisi e 5 FERITI perche");
        let (m, n) = p.longest_at(&words, 1).unwrap();
        assert_eq!((m.label.as_str(), n), ("killed", 3));
        assert_eq!(p.matches_at(&words, 1).count(), 2);
        let (m, n) = p.longest_at(&words, 6).unwrap();
        assert_eq!(
            (m.label.as_str(), n, m.rule.as_str()),
            ("injured", 1, "data/lang/it/t.tsv:2")
        );
        assert_eq!(p.longest_at(&words, 7).unwrap().0.label, "cause");
        assert!(p.longest_at(&words, 0).is_none());
        assert!(p.longest_at(&words, 99).is_none());
        // A phrase longer than what is left of the sentence does not match.
        assert!(
            p.longest_at(&folded("sono stati"), 0)
                .is_some_and(|(m, _)| m.label == "copula")
        );
    }

    #[test]
    fn reports_every_bad_line_with_its_number() {
        let (p, problems) = list("ferit*\tinjured\n*\tx\nmorti\t\nferit*\tinjured\n");
        assert_eq!(p.iter().count(), 1);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems[0].starts_with("data/lang/it/t.tsv:2: "),
            "{}",
            problems[0]
        );
        assert!(
            problems[1].contains(":3: \"morti\": missing label"),
            "{}",
            problems[1]
        );
        assert!(
            problems[2].contains(":4: ") && problems[2].contains("repeats data/lang/it/t.tsv:1")
        );
    }
}
