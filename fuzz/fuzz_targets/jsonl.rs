//! Any bytes as JSON Lines: the reader must not panic, and must give one document per line.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let docs = cronaca_ingest::JsonlReader::new(data, "fuzz.jsonl").count();
    let lines = data
        .split(|&b| b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count();
    assert_eq!(docs, lines, "one document per non-blank line");
});
