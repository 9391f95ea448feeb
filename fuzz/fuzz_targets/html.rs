//! Any bytes as an HTML page: decoding, extraction and metadata must not panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let doc = cronaca_ingest::read_html(data, "fuzz.html");
    // Dates are ISO when present.
    if let Some(d) = &doc.published {
        assert!(d.len() >= 10 && d.as_bytes()[4] == b'-', "{d}");
    }
    let _ = cronaca_ingest::normalize_date(&String::from_utf8_lossy(data));
    let _ = cronaca_ingest::date_from_url(&String::from_utf8_lossy(data));
});
