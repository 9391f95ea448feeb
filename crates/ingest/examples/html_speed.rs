//! HTML extraction speed on one core: `cargo run --release -p cronaca-ingest --example
//! html_speed -- PAGES.jsonl [REPEAT]`, where each line has `html` (and optionally `uri`).
//! Prints pages/s over the best of REPEAT runs (default 3), in wall time and in CPU time of
//! this process (the CPU figure stays comparable on a machine busy with other work, and is the
//! one `scripts/html_speed_python.py` reports for Python trafilatura); reading and JSON parsing
//! are not timed.
use std::time::Instant;

/// CPU time (user + system) of this process so far, in seconds.
fn cpu_seconds() -> f64 {
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    secs(usage.ru_utime) + secs(usage.ru_stime)
}

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
    let mut best_cpu = f64::MAX;
    let mut chars = 0;
    for _ in 0..repeat.max(1) {
        let start = Instant::now();
        let cpu = cpu_seconds();
        chars = 0;
        for (html, uri) in &pages {
            chars += cronaca_ingest::html_document(html, "page", uri.as_deref())
                .text
                .len();
        }
        best = best.min(start.elapsed().as_secs_f64());
        best_cpu = best_cpu.min(cpu_seconds() - cpu);
    }
    println!(
        "{} pages in {best:.3}s wall = {:.1} pages/s; {best_cpu:.3}s CPU = {:.1} pages/s ({chars} bytes of text)",
        pages.len(),
        pages.len() as f64 / best,
        pages.len() as f64 / best_cpu
    );
}
