//! Throughput of the analysis stages over a corpus of real articles.
//!
//! The corpus is the articles of the shared development suites (`../shared/dev/{quotes,figures,html}`,
//! HTML pages through the HTML reader) when they sit next to the checkout, else the team-written fixtures of the CLI tests; neither
//! is copied into the repository. Run with `cargo bench -p cronaca-extract`.
use cronaca_extract::{Extractor, Layers};
use cronaca_ingest::JsonlReader;
use cronaca_lang::Languages;
use cronaca_model::Document;
use divan::counter::BytesCount;
use std::path::Path;
use std::sync::LazyLock;

fn main() {
    divan::main();
}

static EXTRACTOR: LazyLock<Extractor> =
    LazyLock::new(|| Extractor::new(Languages::builtin().expect("built-in language data")));

static CORPUS: LazyLock<Vec<Document>> = LazyLock::new(load_corpus);

fn load_corpus() -> Vec<Document> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut docs = Vec::new();
    for suite in ["quotes", "figures", "html"] {
        let path = root.join("../shared/dev").join(suite).join("input.jsonl");
        let Ok(file) = std::fs::File::open(&path) else {
            continue;
        };
        let reader = JsonlReader::new(std::io::BufReader::new(file), &path.display().to_string());
        docs.extend(reader.filter(|d| !d.text.trim().is_empty()));
    }
    if docs.is_empty() {
        for name in ["scontri.it.txt", "storm.en.txt"] {
            let path = root.join("crates/cli/tests/fixtures").join(name);
            let text = std::fs::read_to_string(&path).expect("fixture");
            docs.push(Document {
                text,
                ..Document::default()
            });
        }
    }
    docs
}

fn corpus_bytes() -> usize {
    CORPUS.iter().map(|d| d.text.len()).sum()
}

/// Every stage that exists, language identified per document.
#[divan::bench]
fn analyse(bencher: divan::Bencher) {
    let extractor = &*EXTRACTOR;
    bencher.counter(BytesCount::new(corpus_bytes())).bench(|| {
        let amounts: usize = CORPUS
            .iter()
            .map(|d| extractor.analyse(d).amounts.len())
            .sum();
        assert!(amounts > 0, "the corpus has numbers");
        amounts
    });
}

/// The stages and the conversion to a JSON record.
#[divan::bench]
fn analyse_and_serialise(bencher: divan::Bencher) {
    let extractor = &*EXTRACTOR;
    bencher.counter(BytesCount::new(corpus_bytes())).bench(|| {
        CORPUS
            .iter()
            .map(|d| {
                let record = extractor.analyse(d).to_record(Layers::all());
                serde_json::to_vec(&record).expect("serialisable").len()
            })
            .sum::<usize>()
    });
}
