use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Turns news articles into structured, source-attributed event data.
#[derive(Parser, Debug)]
#[command(name = "cronaca", version, long_version = crate::train::LONG_VERSION, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Extract cronaca/1 records from articles (text, HTML, JSON Lines, WARC).
    Extract(ExtractArgs),
    /// Measure throughput and memory of the analysis stages over a corpus.
    Bench(BenchArgs),
    /// Train a model (`cronaca train ner`).
    Train(crate::train::TrainArgs),
}

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Files, directories (read recursively), globs, or "-" for standard input (the default).
    pub paths: Vec<String>,
    /// Input format: auto, text, html, jsonl, warc, feed (RSS/Atom). auto decides per file by
    /// extension and content.
    #[arg(long, default_value = "auto", value_name = "FORMAT")]
    pub input: String,
    /// Output format: json (one pretty object per document) or jsonl (one object per line).
    /// Default: json for one text or HTML document on a terminal, jsonl otherwise.
    #[arg(long, value_name = "FORMAT")]
    pub output: Option<String>,
    /// Language of the documents (it, en, es, fr, de, ru) or auto to identify it per document.
    #[arg(long, default_value = "auto", value_name = "CODE")]
    pub lang: String,
    /// Publication date or date-time (ISO 8601) for documents that do not state one.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Comma-separated layers to write: entities,times,amounts,figures,quotes,events.
    #[arg(long, value_name = "LIST")]
    pub layers: Option<String>,
    /// Number of documents analysed at once (threads); default 1. Output order is the input
    /// order whatever the number.
    #[arg(long, short = 'j', default_value_t = 1, value_name = "N")]
    pub jobs: usize,
    /// Read language data from this directory (laid out like data/lang/) instead of the
    /// built-in data.
    #[arg(long, value_name = "DIR")]
    pub lang_data: Option<PathBuf>,
    /// Download http(s) URLs given as inputs (feeds or pages) and, for feed items, the article
    /// page each item links to (its metadata fills what the page lacks). Without it URLs are
    /// refused and feed items keep their own content.
    #[arg(long)]
    pub fetch: bool,
}

#[derive(Args, Debug)]
pub struct BenchArgs {
    /// Corpus files or directories (text, HTML or JSON Lines with "text"/"html").
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// How many times to run over the corpus (the best run is reported).
    #[arg(long, default_value_t = 3)]
    pub repeat: usize,
    /// Language of the documents, or auto.
    #[arg(long, default_value = "auto", value_name = "CODE")]
    pub lang: String,
    /// Comma-separated layers to produce, with the stages they need (default: all).
    #[arg(long, value_name = "LIST")]
    pub layers: Option<String>,
}
