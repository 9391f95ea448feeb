//! HTML extraction speed on one core: `cargo run --release -p cronaca-ingest --example
//! html_speed -- PAGES.jsonl [REPEAT]`, where each line has `html` (and optionally `uri`).
//! Prints pages/s over the best of REPEAT runs (default 3); reading and JSON parsing are not
//! timed.
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: html_speed PAGES.jsonl [REPEAT]");
    let repeat: usize = args
        .next()
        .map_or(3, |r| r.parse().expect("REPEAT is a number"));
    let pages: Vec<(String, Option<String>)> = std::fs::read_to_string(&path)
        .expect("readable input")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            let html = v.get("html")?.as_str()?.to_string();
            Some((
                html,
                v.get("uri").and_then(|u| u.as_str()).map(str::to_string),
            ))
        })
        .collect();
    let mut best = f64::MAX;
    let mut chars = 0;
    for _ in 0..repeat.max(1) {
        let start = Instant::now();
        chars = 0;
        for (html, uri) in &pages {
            chars += cronaca_ingest::html_document(html, "page", uri.as_deref())
                .text
                .len();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{} pages in {best:.3}s = {:.1} pages/s ({chars} bytes of text)",
        pages.len(),
        pages.len() as f64 / best
    );
}
