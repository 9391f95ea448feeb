//! The seed article's nine quotes against its gold record (`../shared/seed/`, development data
//! kept outside the repository: the test says so and passes when the folder is absent).
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn seed(name: &str) -> Option<std::path::PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/seed")
        .join(name);
    path.exists().then_some(path)
}

fn span(v: &Value) -> (u64, u64) {
    (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap())
}

#[test]
fn the_seed_quotes_match_the_gold_record() {
    let (Some(text), Some(gold)) = (
        seed("kazakhstan-2022-01.it.txt"),
        seed("kazakhstan-2022-01.it.gold.json"),
    ) else {
        eprintln!("../shared/seed is not here: nothing to compare");
        return;
    };
    let out = Command::new(env!("CARGO_BIN_EXE_cronaca"))
        .args([
            "extract",
            "--published",
            "2022-01-06",
            "--layers",
            "quotes,entities",
        ])
        .arg(&text)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let record: Value = serde_json::from_slice(&out.stdout).unwrap();
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(gold).unwrap()).unwrap();
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
