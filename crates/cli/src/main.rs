//! The `cronaca` command line: `extract`, `bench` and `train`.
mod args;
mod bench;
mod config;
mod exit;
mod extract;
mod inputs;
mod train;

use clap::Parser;
use exit::Fatal;
use std::process::ExitCode;

// The pipeline allocates many short-lived strings and vectors per sentence;
// mimalloc's thread-local free lists serve them faster than glibc malloc
// (measured in docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    let result = match cli.command {
        args::Command::Extract(a) => config::ExtractConfig::resolve(a).and_then(extract::run),
        args::Command::Bench(a) => bench::run(a),
        args::Command::Train(a) => train::run(a),
    };
    match result {
        Ok(exit) => exit.into(),
        Err(fatal) => {
            eprintln!("cronaca: {}", fatal.message);
            fatal.exit.into()
        }
    }
}

/// Loads the language data: built in, or from `--lang-data`.
fn load_languages(dir: Option<&std::path::Path>) -> Result<cronaca_lang::Languages, Fatal> {
    let loaded = match dir {
        Some(d) => cronaca_lang::Languages::load_dir(d),
        None => cronaca_lang::Languages::builtin(),
    };
    loaded.map_err(|e| Fatal::failure(format!("bad language data:\n{e}")))
}

/// Checks `--lang`: `auto` or a supported code.
fn check_lang(value: &str, langs: &cronaca_lang::Languages) -> Result<Option<String>, Fatal> {
    if value == "auto" {
        return Ok(None);
    }
    if langs.get(value).is_some() {
        return Ok(Some(value.to_string()));
    }
    let codes: Vec<&str> = langs.iter().map(|l| l.code.as_str()).collect();
    Err(Fatal::usage(format!(
        "--lang: unknown language {value:?} (expected auto or one of {})",
        codes.join(", ")
    )))
}
