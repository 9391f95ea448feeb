//! Any bytes as a WARC archive (plain or gzip): the reader must not panic or loop.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for item in cronaca_ingest::WarcReader::new(data, "fuzz.warc") {
        if let cronaca_ingest::WarcItem::Page(page) = item {
            let _ = cronaca_ingest::warc_document(page, "fuzz.warc");
        }
    }
});
