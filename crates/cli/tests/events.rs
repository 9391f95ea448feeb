//! The seed article's events against its gold record, through the binary: every gold event is
//! found with its type, mode, trigger, main actor and recipient, place, status and figures.
mod common;

use serde_json::Value;

/// The names of an entity id's entity, or the id itself when the record has no such entity.
fn place(record: &Value, id: &Value) -> String {
    record["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == *id)
        .map_or_else(
            || id.to_string(),
            |e| e["name"].as_str().unwrap().to_string(),
        )
}

/// The numbers of the figures an event lists ("decine"), so that ids may differ.
fn figure_numbers(record: &Value, event: &Value) -> Vec<String> {
    event["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| {
            let f = record["figures"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["id"] == *id)
                .unwrap();
            f["number"]["text"].as_str().unwrap().to_string()
        })
        .collect()
}

/// Runs only when the shared development data is next to the checkout.
#[test]
fn seed_events_match_the_gold_record() {
    let Some((record, gold)) = common::seed_record(None) else {
        return;
    };
    let events = record["events"].as_array().unwrap();
    for want in gold["events"].as_array().unwrap() {
        let got = events
            .iter()
            .find(|e| e["trigger"]["text"] == want["trigger"]["text"])
            .unwrap_or_else(|| panic!("no event for trigger {}", want["trigger"]));
        let what = want["trigger"]["text"].as_str().unwrap();
        for key in ["type", "mode", "status"] {
            assert_eq!(got[key], want[key], "{what}: {key}");
        }
        // The gold's main actor and recipient are among the event's (texts may differ by an
        // article: "L'Organizzazione Csto" and "Organizzazione Csto").
        for side in ["actors", "recipients"] {
            let Some(w) = want[side][0]["text"].as_str() else {
                continue;
            };
            let texts: Vec<&str> = got[side]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|p| p["text"].as_str())
                .collect();
            assert!(
                texts.iter().any(|g| g.contains(w) || w.contains(g)),
                "{what}: {side} {texts:?} vs {w:?}"
            );
        }
        if !want["location"].is_null() {
            assert_eq!(
                place(&record, &got["location"]),
                place(&gold, &want["location"]),
                "{what}: location"
            );
        }
        assert_eq!(
            figure_numbers(&record, got),
            figure_numbers(&gold, want),
            "{what}: figures"
        );
    }
    // The shooting is reported by Tass, the attack claimed by the spokeswoman on Khabar-24.
    let by_trigger = |t: &str| events.iter().find(|e| e["trigger"]["text"] == t).unwrap();
    assert_eq!(by_trigger("sparatoria")["source"]["text"], "Tass");
    assert_eq!(
        by_trigger("assaltare")["source"]["channel"]["name"],
        "Khabar-24"
    );
}
