//! `cronaca extract`: documents in, one record each out, in input order.
use crate::config::{ExtractConfig, OutputFormat};
use crate::exit::{Exit, Fatal};
use crate::inputs;
use std::io::{self, BufWriter, Write};

pub fn run(config: ExtractConfig) -> Result<Exit, Fatal> {
    for m in &config.missing {
        eprintln!("cronaca: {m}");
    }
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut written = 0usize;
    let mut with_problems = 0usize;
    let mut first_problem: Option<String> = None;
    let mut unreadable = config.missing.len();
    for source in &config.sources {
        let docs = match inputs::documents(source, config.format) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("cronaca: {}: {e}", source.name());
                unreadable += 1;
                continue;
            }
        };
        for mut doc in docs {
            if !doc.warnings.is_empty() {
                with_problems += 1;
                first_problem.get_or_insert_with(|| doc.warnings[0].clone());
            }
            if config.lang.is_some() {
                doc.language.clone_from(&config.lang);
            }
            if doc.published.is_none() {
                doc.published.clone_from(&config.published);
            }
            let record = config.extractor.analyse(&doc).to_record(config.layers);
            let result = match config.output {
                OutputFormat::Jsonl => serde_json::to_writer(&mut out, &record),
                OutputFormat::Json => serde_json::to_writer_pretty(&mut out, &record),
            };
            result
                .map_err(io::Error::from)
                .and_then(|()| out.write_all(b"\n"))
                .or_else(closed_pipe)?;
            written += 1;
        }
    }
    out.flush().or_else(closed_pipe)?;
    if written == 0 && unreadable > 0 {
        return Err(Fatal::failure("no input could be read"));
    }
    if with_problems > 0 || unreadable > 0 {
        let mut summary =
            format!("{written} record(s) written; {with_problems} document(s) had problems");
        if unreadable > 0 {
            summary.push_str(&format!(", {unreadable} input(s) could not be read"));
        }
        if let Some(first) = first_problem {
            summary.push_str(&format!(" (first: {first})"));
        }
        eprintln!("cronaca: {summary}");
        return Ok(Exit::Problems);
    }
    Ok(Exit::Ok)
}

/// A reader that went away (`cronaca extract … | head`) is not an error.
fn closed_pipe(e: io::Error) -> Result<(), Fatal> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    Err(Fatal::failure(format!("cannot write output: {e}")))
}
