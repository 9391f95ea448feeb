//! Who states a figure: the speaker of the quote or attribution around it, or of the same
//! count stated again elsewhere in the article.
use cronaca_extract::{Extractor, Layers};
use cronaca_lang::Languages;
use cronaca_model::Document;

/// (number as written, source as written) of every figure of `text`.
fn sources(text: &str, lang: &str) -> Vec<(String, Option<String>)> {
    let extractor = Extractor::new(Languages::builtin().unwrap());
    let doc = Document {
        text: text.into(),
        language: Some(lang.into()),
        ..Default::default()
    };
    let record = extractor.analyse(&doc).to_record(Layers::all());
    record
        .figures
        .expect("the figure layer is written")
        .into_iter()
        .map(|f| (f.number.text, f.source.map(|s| s.text)))
        .collect()
}

fn pair(n: &str, s: Option<&str>) -> (String, Option<String>) {
    (n.to_string(), s.map(str::to_string))
}

#[test]
fn a_headline_count_takes_the_source_of_the_same_count_in_the_body() {
    let got = sources(
        "Police detain 26 militants\n\nNewspapers said police detained 26 militants in the \
         capital on Friday. Three more people were arrested in the south.",
        "en",
    );
    assert_eq!(got, [pair("26", Some("Newspapers")), pair("Three", None)]);
}

#[test]
fn the_same_count_of_other_nouns_takes_the_source_stated_for_it() {
    let got = sources(
        "Police said 26 militants were arrested in the capital. The 26 suspects were arrested \
         in a dawn raid. Four soldiers were injured.",
        "en",
    );
    assert_eq!(
        got,
        [
            pair("26", Some("Police")),
            pair("26", Some("Police")),
            pair("Four", None),
        ]
    );
}

#[test]
fn trailing_attributions_with_counts_long_names_and_participles() {
    let got = sources(
        "At least 24 people were killed, the governor said. Clashes left five soldiers \
         killed, the UK-based Syrian Observatory for Human Rights (SOHR) said. The army says \
         a bomb went off in the city, killing two police and wounding eight.",
        "en",
    );
    assert_eq!(
        got,
        [
            pair("At least 24", Some("the governor")),
            pair("five", Some("UK-based Syrian Observatory for Human Rights")),
            pair("two", Some("The army")),
            pair("eight", Some("The army")),
        ]
    );
}
