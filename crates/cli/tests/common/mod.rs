//! The seed article and its gold record (`../shared/seed/`, development data kept outside the
//! repository), run through the binary for the seed tests of each layer.
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// The seed's record (extracted with `--published 2022-01-06` and `layers`, all when `None`)
/// and its gold record; `None`, with a note on standard error, when `../shared/seed` is absent.
pub fn seed_record(layers: Option<&str>) -> Option<(Value, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed");
    let (text, gold) = (
        dir.join("kazakhstan-2022-01.it.txt"),
        dir.join("kazakhstan-2022-01.it.gold.json"),
    );
    if !text.exists() || !gold.exists() {
        eprintln!("skipped: {} not present", dir.display());
        return None;
    }
    let mut command = Command::new(env!("CARGO_BIN_EXE_cronaca"));
    command.args(["extract", "--published", "2022-01-06", "--output", "jsonl"]);
    if let Some(layers) = layers {
        command.args(["--layers", layers]);
    }
    let out = command.arg(&text).output().expect("cronaca runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let record = serde_json::from_slice(&out.stdout).expect("one JSON record");
    let gold = serde_json::from_str(&std::fs::read_to_string(&gold).unwrap()).unwrap();
    Some((record, gold))
}
