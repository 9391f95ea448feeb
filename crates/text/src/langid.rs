use std::collections::HashSet;

/// The language of a text, as an ISO 639-1 code among the ones asked for, or `und`.
#[derive(Clone, Debug, PartialEq)]
pub struct LanguageGuess {
    /// ISO 639-1 code, or `und` when the text is in none of the candidate languages or has too
    /// little text to tell.
    pub code: String,
    /// Confidence, 0 to 1.
    pub confidence: f64,
}

/// How much text is looked at: language is clear long before the end of an article.
const SAMPLE_BYTES: usize = 2000;

/// whatlang's confidence at or above which its answer is taken as is when it names a language
/// outside the candidates.
const SURE: f64 = 0.5;

/// Identifies the language of a text among a few candidates, or says `und`.
///
/// Two kinds of evidence are combined: whatlang's trigram model, asked about every language it
/// knows (so that a Portuguese or Polish text is recognised as such and comes out `und`), and
/// the share of the text's words that are function words of each candidate (its
/// `stopwords.txt`). whatlang alone is weak on headlines and short sentences (it took English
/// headlines for Dutch, Russian ones for Bulgarian); function words settle most of those.
///
/// Built once, immutable, `Send + Sync`.
#[derive(Clone, Debug, Default)]
pub struct LanguageIdentifier {
    candidates: Vec<Candidate>,
}

#[derive(Clone, Debug)]
struct Candidate {
    iso1: String,
    iso3: String,
    stopwords: HashSet<String>,
}

impl LanguageIdentifier {
    /// An identifier with no candidates (everything is `und`).
    pub fn new() -> LanguageIdentifier {
        LanguageIdentifier::default()
    }

    /// Adds a candidate language: its ISO 639-1 and 639-3 codes and its function words
    /// (lowercase).
    pub fn add_language<'w>(
        &mut self,
        iso639_1: &str,
        iso639_3: &str,
        stopwords: impl IntoIterator<Item = &'w str>,
    ) {
        self.candidates.push(Candidate {
            iso1: iso639_1.to_string(),
            iso3: iso639_3.to_string(),
            stopwords: stopwords.into_iter().map(str::to_lowercase).collect(),
        });
    }

    /// The language of `text` (only its first 2,000 bytes are read).
    pub fn identify(&self, text: &str) -> LanguageGuess {
        let mut end = text.len().min(SAMPLE_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let sample = &text[..end];
        let und = |confidence: f64| LanguageGuess {
            code: "und".to_string(),
            confidence: round2(confidence),
        };
        let mut hits = vec![0usize; self.candidates.len()];
        let mut words = 0usize;
        let mut letters = 0usize;
        for word in sample
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
        {
            words += 1;
            letters += word.chars().count();
            let lower = word.to_lowercase();
            for (h, c) in hits.iter_mut().zip(&self.candidates) {
                *h += usize::from(c.stopwords.contains(&lower));
            }
        }
        // One word ("Roma", "OK") names no language.
        if words < 2 || letters < 8 {
            return und(0.0);
        }
        let info = whatlang::detect(sample);
        let p = info.as_ref().map_or(0.0, whatlang::Info::confidence);
        let found = info.as_ref().and_then(|i| {
            self.candidates
                .iter()
                .position(|c| c.iso3 == i.lang().code())
        });
        // The candidate with the most function words; ties go to whatlang's pick.
        let best = (0..self.candidates.len()).max_by_key(|&k| (hits[k], Some(k) == found));
        let share = |k: usize| hits[k] as f64 / words as f64;
        // A text of function words only is rare: twice the share, capped, is the evidence.
        let word_evidence = |k: usize| (2.0 * share(k)).min(0.9);
        let guess = |k: usize, p: f64| LanguageGuess {
            code: self.candidates[k].iso1.clone(),
            confidence: round2(1.0 - (1.0 - p) * (1.0 - word_evidence(k))),
        };
        match (found, best) {
            (Some(c), Some(b)) => {
                if b != c && hits[b] > hits[c] && (p < SURE || hits[b] >= hits[c] + 2) {
                    guess(b, 0.0)
                } else {
                    guess(c, p)
                }
            }
            (Some(c), None) => guess(c, p),
            (None, _) if p >= SURE => und(p),
            (None, Some(b)) if hits[b] >= 2 || (hits[b] >= 1 && hits[b] * 6 >= words) => {
                // whatlang named another language, unsure; the function words are ours.
                LanguageGuess {
                    confidence: round2(word_evidence(b) * (1.0 - p)),
                    ..guess(b, 0.0)
                }
            }
            (None, _) => self.restricted(sample, p, &hits),
        }
    }

    /// whatlang named a language outside the candidates, unsure, and no function word helps:
    /// ask it again among the candidates only, and accept a clear answer with a low confidence
    /// when at least one of the text's words is a function word of that language (this is how
    /// Russian headlines that whatlang took for Bulgarian come back; Ukrainian, Dutch and
    /// Catalan sentences, which share none, stay `und`).
    fn restricted(&self, sample: &str, p: f64, hits: &[usize]) -> LanguageGuess {
        let allow: Vec<whatlang::Lang> = self
            .candidates
            .iter()
            .filter_map(|c| whatlang::Lang::from_code(&c.iso3))
            .collect();
        let detector = whatlang::Detector::with_allowlist(allow);
        match detector.detect(sample) {
            Some(info) if info.confidence() >= SURE => {
                let k = self
                    .candidates
                    .iter()
                    .position(|c| c.iso3 == info.lang().code());
                match k {
                    Some(k) if hits[k] >= 1 => LanguageGuess {
                        code: self.candidates[k].iso1.clone(),
                        confidence: round2(0.5 * info.confidence() * (1.0 - p)),
                    },
                    _ => LanguageGuess {
                        code: "und".to_string(),
                        confidence: round2(p),
                    },
                }
            }
            _ => LanguageGuess {
                code: "und".to_string(),
                confidence: round2(p),
            },
        }
    }
}

/// Identifies the language of `text` among `candidates`, pairs of (ISO 639-1, ISO 639-3) codes
/// taken from the languages' data, with whatlang alone. [`LanguageIdentifier`] adds
/// function-word evidence and is much better on short text.
pub fn identify_language(text: &str, candidates: &[(&str, &str)]) -> LanguageGuess {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    let und = |confidence| LanguageGuess {
        code: "und".to_string(),
        confidence,
    };
    if sample.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return und(0.0);
    }
    let Some(info) = whatlang::detect(sample) else {
        return und(0.0);
    };
    let found = info.lang().code();
    match candidates.iter().find(|(_, iso3)| *iso3 == found) {
        Some((iso1, _)) => LanguageGuess {
            code: iso1.to_string(),
            confidence: round2(info.confidence()),
        },
        None => und(round2(info.confidence())),
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The identifier over the shipped stop-word lists (read here directly: the loader lives in
    /// `cronaca-lang`, which depends on this crate).
    fn ours() -> LanguageIdentifier {
        let mut id = LanguageIdentifier::new();
        let lists = [
            (
                "it",
                "ita",
                include_str!("../../../data/lang/it/stopwords.txt"),
            ),
            (
                "en",
                "eng",
                include_str!("../../../data/lang/en/stopwords.txt"),
            ),
            (
                "es",
                "spa",
                include_str!("../../../data/lang/es/stopwords.txt"),
            ),
            (
                "fr",
                "fra",
                include_str!("../../../data/lang/fr/stopwords.txt"),
            ),
            (
                "de",
                "deu",
                include_str!("../../../data/lang/de/stopwords.txt"),
            ),
            (
                "ru",
                "rus",
                include_str!("../../../data/lang/ru/stopwords.txt"),
            ),
        ];
        for (iso1, iso3, list) in lists {
            let words = list
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
            id.add_language(iso1, iso3, words);
        }
        id
    }

    const OURS: &[(&str, &str)] = &[
        ("it", "ita"),
        ("en", "eng"),
        ("es", "spa"),
        ("fr", "fra"),
        ("de", "deu"),
        ("ru", "rus"),
    ];

    #[test]
    fn names_the_six_languages() {
        let cases = [
            (
                "it",
                "Più di mille persone sono state ferite nel Paese nelle manifestazioni.",
            ),
            (
                "en",
                "More than a thousand people were injured in the protests across the country.",
            ),
            (
                "es",
                "Más de mil personas resultaron heridas en las protestas en todo el país.",
            ),
            (
                "fr",
                "Plus de mille personnes ont été blessées lors des manifestations dans le pays.",
            ),
            (
                "de",
                "Mehr als tausend Menschen wurden bei den Protesten im ganzen Land verletzt.",
            ),
            (
                "ru",
                "Более тысячи человек получили ранения в ходе протестов по всей стране.",
            ),
        ];
        for (code, text) in cases {
            let guess = ours().identify(text);
            assert_eq!(guess.code, code, "{text}");
            assert!(guess.confidence > 0.5, "{text}: {}", guess.confidence);
        }
    }

    #[test]
    fn other_languages_and_no_text_are_und() {
        let pt =
            "Mais de mil pessoas ficaram feridas nos protestos em todo o país, disse o governo.";
        assert_eq!(identify_language(pt, OURS).code, "und");
        assert_eq!(ours().identify(pt).code, "und");
        assert_eq!(ours().identify("Roma").code, "und");
        assert_eq!(ours().identify("\u{fffd}\u{0}\u{301}").code, "und");
        assert_eq!(identify_language("12 34 -- !!", OURS).code, "und");
        assert_eq!(identify_language("", OURS).code, "und");
    }
}
