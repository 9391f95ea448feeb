//! The seed article's figures against its gold record, through the binary: category, stated
//! value, qualifier, bounds and vague term of each, in order, and their sources.
mod common;

use serde_json::Value;

fn summary(figure: &Value) -> String {
    format!(
        "{} stated={} {} low={} high={} vague={}",
        figure["category"],
        figure["stated"],
        figure["qualifier"],
        figure["low"],
        figure["high"],
        figure["vague_term"]
    )
}

/// Runs only when the shared development data is next to the checkout.
#[test]
fn seed_figures_match_the_gold_record() {
    let Some((record, gold)) = common::seed_record(None) else {
        return;
    };
    let got: Vec<String> = record["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(summary)
        .collect();
    let want: Vec<String> = gold["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(summary)
        .collect();
    assert_eq!(got, want);
    // Spans are code points into the record's text and repeat it.
    let chars: Vec<char> = record["text"].as_str().unwrap().chars().collect();
    for f in record["figures"].as_array().unwrap() {
        for key in ["span", "number"] {
            let (s, e) = (
                f[key]["start"].as_u64().unwrap(),
                f[key]["end"].as_u64().unwrap(),
            );
            let text: String = chars[s as usize..e as usize].iter().collect();
            assert_eq!(f[key]["text"], text.as_str());
        }
    }
    let ids: Vec<&str> = record["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["f1", "f2", "f3", "f4", "f5", "f6"]);
    // Sources: who states each figure (the gold text may drop the article: "Ministero della
    // Salute" for "il Ministero della Salute") and through which channel.
    for (got, want) in record["figures"]
        .as_array()
        .unwrap()
        .iter()
        .zip(gold["figures"].as_array().unwrap())
    {
        let (g, w) = (&got["source"], &want["source"]);
        assert_eq!(g.is_null(), w.is_null(), "{} source: {g} vs {w}", got["id"]);
        if w.is_null() {
            continue;
        }
        let text = g["text"].as_str().unwrap();
        assert!(
            text.contains(w["text"].as_str().unwrap()),
            "{}: {text:?} vs {}",
            got["id"],
            w["text"]
        );
        assert_eq!(g["channel"]["type"], w["channel"]["type"], "{}", got["id"]);
        assert_eq!(g["channel"]["name"], w["channel"]["name"], "{}", got["id"]);
    }
}
