//! The seed article's nine quotes against its gold record (`../shared/seed/`, development data
//! kept outside the repository: the test says so and passes when the folder is absent).
mod common;

use serde_json::Value;

fn span(v: &Value) -> (u64, u64) {
    (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap())
}

#[test]
fn the_seed_quotes_match_the_gold_record() {
    let Some((record, gold)) = common::seed_record(Some("quotes,entities")) else {
        return;
    };
    let quotes = record["quotes"].as_array().unwrap();
    let gold_quotes = gold["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), gold_quotes.len(), "{quotes:#?}");
    for g in gold_quotes {
        let q = quotes
            .iter()
            .find(|q| span(&q["content"]) == span(&g["content"]))
            .unwrap_or_else(|| panic!("no quote with content {}", g["content"]["text"]));
        let (qs, gs) = (&q["speaker"], &g["speaker"]);
        assert_eq!(q["kind"], g["kind"], "{}", g["id"]);
        let (a, b) = (span(&qs["span"]), span(&gs["span"]));
        assert!(
            a.0 < b.1 && b.0 < a.1,
            "{}: speaker {} for {}",
            g["id"],
            qs["text"],
            gs["text"]
        );
        let (c, d) = (span(&q["cue"]), span(&g["cue"]));
        assert!(
            c.0 < d.1 && d.0 < c.1,
            "{}: cue {} for {}",
            g["id"],
            q["cue"]["text"],
            g["cue"]["text"]
        );
        assert_eq!(qs["channel"]["type"], gs["channel"]["type"], "{}", g["id"]);
        assert_eq!(qs["channel"]["name"], gs["channel"]["name"], "{}", g["id"]);
        assert_eq!(qs["via"]["text"], gs["via"]["text"], "{}", g["id"]);
        assert!(
            qs["entity"].is_string(),
            "{}: speaker without entity",
            g["id"]
        );
    }
    // "La portavoce" is Azirbek, the speaker of the quotes before.
    let by_content = |text: &str| {
        quotes
            .iter()
            .find(|q| q["content"]["text"].as_str().unwrap().contains(text))
            .unwrap()["speaker"]["entity"]
            .clone()
    };
    assert_eq!(
        by_content("evitare di uscire"),
        by_content("La scorsa notte")
    );
}
