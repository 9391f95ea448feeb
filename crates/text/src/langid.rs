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

/// Identifies the language of `text` among `candidates`, pairs of (ISO 639-1, ISO 639-3) codes
/// taken from the languages' data.
///
/// whatlang is asked about every language it knows, not only the candidates, so that a
/// Portuguese or Polish article comes out as `und` instead of as its nearest candidate.
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
            let guess = identify_language(text, OURS);
            assert_eq!(guess.code, code, "{text}");
            assert!(guess.confidence > 0.5, "{text}: {}", guess.confidence);
        }
    }

    #[test]
    fn other_languages_and_no_text_are_und() {
        let pt =
            "Mais de mil pessoas ficaram feridas nos protestos em todo o país, disse o governo.";
        assert_eq!(identify_language(pt, OURS).code, "und");
        assert_eq!(identify_language("12 34 -- !!", OURS).code, "und");
        assert_eq!(identify_language("", OURS).code, "und");
    }
}
