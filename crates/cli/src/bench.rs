//! `cronaca bench`: throughput and memory of the analysis stages over a corpus.
use crate::args::BenchArgs;
use crate::exit::{Exit, Fatal};
use crate::{check_lang, inputs, load_languages};
use cronaca_extract::{Extractor, StageTimes};
use cronaca_ingest::{Document, InputFormat};
use std::time::{Duration, Instant};

pub fn run(args: BenchArgs) -> Result<Exit, Fatal> {
    let started = Instant::now();
    let langs = load_languages(None)?;
    let lang = check_lang(&args.lang, &langs)?;
    let layers = crate::config::parse_layers(args.layers.as_deref())?;
    let extractor = Extractor::new(langs);
    let startup = started.elapsed();
    let (sources, missing) = inputs::expand(&args.paths, false);
    for m in &missing {
        eprintln!("cronaca: {m}");
    }
    let mut docs: Vec<Document> = Vec::new();
    for source in &sources {
        let read = inputs::documents(source, InputFormat::Auto, None)
            .map_err(|e| Fatal::failure(format!("{}: {e}", source.name())))?;
        docs.extend(read.filter(|d| !d.text.trim().is_empty()).map(|mut d| {
            if lang.is_some() {
                d.language.clone_from(&lang);
            }
            d
        }));
    }
    if docs.is_empty() {
        return Err(Fatal::failure("the corpus has no documents with text"));
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mut best: Option<(Duration, StageTimes, usize)> = None;
    for _ in 0..args.repeat.max(1) {
        let mut stages = StageTimes::default();
        let mut amounts = 0usize;
        let run_start = Instant::now();
        for doc in &docs {
            let analysis = extractor.analyse_timed(doc, layers, &mut stages);
            amounts += analysis.amounts.len();
            let clock = Instant::now();
            let record = analysis.to_record(layers);
            let json = serde_json::to_vec(&record).map_err(|e| Fatal::failure(e.to_string()))?;
            std::hint::black_box(json);
            stages.add("record+json", clock);
        }
        let total = run_start.elapsed();
        if best.as_ref().is_none_or(|(d, _, _)| total < *d) {
            best = Some((total, stages, amounts));
        }
    }
    let (total, stages, amounts) = best.expect("at least one run");
    let mb = bytes as f64 / 1e6;
    println!(
        "corpus: {} documents, {:.2} MB of text, {} amounts",
        docs.len(),
        mb,
        amounts
    );
    println!(
        "start-up (load language data): {:.1} ms",
        startup.as_secs_f64() * 1e3
    );
    println!(
        "{:<14} {:>10} {:>12} {:>12}",
        "stage", "seconds", "MB/s", "articles/s"
    );
    for (name, d) in stages.iter().chain(std::iter::once(("total", total))) {
        let s = d.as_secs_f64().max(1e-9);
        println!(
            "{:<14} {:>10.3} {:>12.1} {:>12.0}",
            name,
            s,
            mb / s,
            docs.len() as f64 / s
        );
    }
    if let Some(rss) = peak_rss_kib() {
        println!("peak RSS: {:.1} MB", rss as f64 / 1024.0);
    }
    println!(
        "(one thread; best of {} runs; layers {})",
        args.repeat.max(1),
        layers.closure()
    );
    Ok(Exit::Ok)
}

/// Peak resident set size of this process, from /proc (Linux only).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
