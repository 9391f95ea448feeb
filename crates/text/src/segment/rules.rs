use std::collections::HashSet;

/// What a language tells the segmenter. Built once from the language's data
/// (`abbreviations.txt`, `segmentation.toml`, `conventions.toml`) and shared by every thread.
#[derive(Clone, Debug, Default)]
pub struct SegmentRules {
    /// Abbreviations (lowercase, with the final period) whose period never ends a sentence by
    /// itself: "sig.", "dr.", "gen.", "u.s.".
    pub(super) abbreviations: HashSet<String>,
    /// Abbreviations (lowercase, with the final period) that often close a sentence: "etc.",
    /// "ecc.". Their period ends a sentence when a sentence start follows.
    pub(super) ending_abbreviations: HashSet<String>,
    /// Words that, capitalised, nearly always start a sentence ("The", "Die", "Он"): after an
    /// abbreviation, an initial or an ordinal number they show that the period was an end.
    pub(super) sentence_starters: HashSet<String>,
    /// Closing quotes that may stand after a space (French « … »).
    pub(super) spaced_closing_quotes: Vec<char>,
    /// Languages that elide articles and prepositions with an apostrophe ("l’esercito",
    /// "d’accord") keep the apostrophe with the word before it; others keep a possessive
    /// "'s" apart ("Putin", "'s") and other apostrophes inside the word ("O'Brien").
    pub elision: bool,
    /// A period right after a number and before a capitalised word marks an ordinal, not the
    /// end of a sentence (German "am 6. Januar", "der 2. Weltkrieg"), unless the word is a
    /// sentence starter.
    pub ordinal_period: bool,
}

impl SegmentRules {
    /// Adds an abbreviation, written with its final period ("sig.", "u.s.", "gen.").
    /// Matching ignores case.
    pub fn add_abbreviation(&mut self, abbreviation: &str) {
        self.abbreviations.insert(abbreviation.to_lowercase());
    }

    /// Adds an abbreviation that often ends a sentence ("etc.", "ecc."): it does not end one
    /// before a lowercase word or a number, but does before a capitalised word.
    pub fn add_ending_abbreviation(&mut self, abbreviation: &str) {
        self.ending_abbreviations
            .insert(abbreviation.to_lowercase());
    }

    /// True when `word` (with its final period) is a known abbreviation of either kind.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.abbreviations.contains(&lower) || self.ending_abbreviations.contains(&lower)
    }

    /// Adds a word that starts sentences ("The", "Die"); written capitalised or not.
    pub fn add_sentence_starter(&mut self, word: &str) {
        self.sentence_starters.insert(word.to_lowercase());
    }

    /// Adds a closing quote that may follow the sentence's last mark after a space
    /// (French `« Nous sommes là. »`).
    pub fn add_spaced_closing_quote(&mut self, quote: char) {
        if !self.spaced_closing_quotes.contains(&quote) {
            self.spaced_closing_quotes.push(quote);
        }
    }

    pub(crate) fn abbreviation_kind(&self, lowercase: &str) -> Option<AbbreviationKind> {
        if self.abbreviations.contains(lowercase) {
            Some(AbbreviationKind::Inner)
        } else if self.ending_abbreviations.contains(lowercase) {
            Some(AbbreviationKind::Ending)
        } else {
            None
        }
    }

    pub(crate) fn is_sentence_starter(&self, lowercase: &str) -> bool {
        self.sentence_starters.contains(lowercase)
    }

    pub(crate) fn has_sentence_starters(&self) -> bool {
        !self.sentence_starters.is_empty()
    }

    pub(crate) fn is_spaced_closing_quote(&self, c: char) -> bool {
        self.spaced_closing_quotes.contains(&c)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbreviationKind {
    /// Never ends a sentence by itself ("Sig. Rossi").
    Inner,
    /// Ends a sentence before a capitalised word ("etc. The").
    Ending,
}
