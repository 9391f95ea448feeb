//! Times the entities stage alone (mentions = gazetteer matching, features, tagging; then
//! coreference and linking) over gold JSON Lines files, after segmenting them once. Times are
//! CPU time of the thread (Linux `/proc/thread-self/schedstat`), so that other processes on a
//! shared machine count less.
//!
//! `cargo run --release -p cronaca-cli --example entities_bench -- REPEAT LANG:FILE...`
//! e.g. `… -- 5 it:../shared/dev/ner-it/dev/input.jsonl en:../shared/dev/ner-en/dev/input.jsonl`.
//! `auto:FILE` reads a JSON Lines file as `cronaca bench` does (HTML extracted, the language
//! given or identified) and keeps the documents of a language with a tagger, e.g.
//! `… -- 5 auto:../shared/dev/quotes/input.jsonl auto:../shared/dev/figures/input.jsonl
//! auto:../shared/dev/html/input.jsonl` (the benchmark corpus).
use cronaca_extract::Extractor;
use cronaca_extract::entities::{find_entities, find_mentions, tagger};
use cronaca_ingest::JsonlReader;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let repeat: usize = args[1].parse().expect("REPEAT is a number");
    let languages = cronaca_lang::Languages::builtin().expect("built-in language data");
    let language = |code: &str| languages.get_or_fallback(code);
    let extractor = Extractor::new(languages.clone());
    let mut docs = Vec::new();
    for spec in &args[2..] {
        let (code, path) = spec.split_once(':').expect("LANG:FILE");
        let file = std::fs::File::open(path).expect("readable input");
        for mut doc in JsonlReader::new(std::io::BufReader::new(file), path) {
            if code != "auto" {
                doc.language = Some(code.to_string());
            }
            let analysis = extractor.analyse(&doc);
            let lang = analysis.language.code;
            if tagger(&lang).is_some() {
                docs.push((lang, analysis.text, analysis.segmentation));
            }
        }
    }
    let bytes: usize = docs.iter().map(|d| d.1.len()).sum();
    let tokens: usize = docs.iter().map(|d| d.2.tokens.len()).sum();
    // Load the models and the gazetteer before timing.
    for (code, text, seg) in docs.iter().take(1) {
        let t = tagger(code).expect("a model");
        find_entities(text, seg, Some(t), code, language(code));
    }
    for (what, mentions_only) in [("mentions", true), ("entities", false)] {
        let mut best = f64::INFINITY;
        let mut found = 0;
        for _ in 0..repeat {
            let t0 = cpu_time();
            found = 0;
            for (code, text, seg) in &docs {
                let t = tagger(code).expect("a model");
                found += if mentions_only {
                    find_mentions(text, seg, t, code).len()
                } else {
                    find_entities(text, seg, Some(t), code, language(code)).len()
                };
            }
            best = best.min(cpu_time() - t0);
        }
        println!(
            "{what:9} {found:6} found  {best:.3} s  {:.0} tokens/s  {:.2} MB/s  ({} docs, {tokens} tokens, best of {repeat})",
            tokens as f64 / best,
            bytes as f64 / 1e6 / best,
            docs.len()
        );
    }
}

/// Seconds this thread has run on a CPU.
fn cpu_time() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").expect("Linux schedstat");
    let ns: u64 = stat
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a run time in ns");
    ns as f64 / 1e9
}
