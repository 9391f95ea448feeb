//! Any bytes as an RSS/Atom feed: at least one document, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    assert!(!cronaca_ingest::read_feed(data, "fuzz.rss").is_empty());
});
