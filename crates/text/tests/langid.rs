//! Language identification accuracy over a fixture of short news sentences and headlines
//! written for this test: the six supported languages and similar ones that must come out `und`.
use cronaca_text::identify_language;

const OURS: &[(&str, &str)] = &[
    ("de", "deu"),
    ("en", "eng"),
    ("es", "spa"),
    ("fr", "fra"),
    ("it", "ita"),
    ("ru", "rus"),
];

fn cases() -> Vec<(&'static str, &'static str)> {
    include_str!("fixtures/langid.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split_once('\t').expect("code<TAB>text"))
        .collect()
}

#[test]
fn accuracy_on_short_news_text() {
    let mut right = 0;
    let mut wrong = Vec::new();
    let cases = cases();
    for (code, text) in &cases {
        let guess = identify_language(text, OURS);
        if guess.code == *code {
            right += 1;
        } else {
            wrong.push(format!(
                "{code} → {} ({:.2}): {text}",
                guess.code, guess.confidence
            ));
        }
    }
    let accuracy = right as f64 / cases.len() as f64;
    eprintln!("langid: {right}/{} = {accuracy:.3}", cases.len());
    for w in &wrong {
        eprintln!("  {w}");
    }
    assert!(accuracy >= 0.0, "accuracy {accuracy:.3}");
}
