//! `cronaca extract`: documents in, one record each out, in input order.
//!
//! One reader thread turns the inputs into [`Work`] items (bytes, not yet decoded or
//! extracted), `--jobs` workers turn each item into a serialised record, and this thread
//! writes the records in input order. A fixed number of tickets bounds the items in flight
//! (queued, being analysed, or waiting for an earlier one to be written), so memory stays
//! bounded however large the batch and however slow one document is.
use crate::config::{ExtractConfig, OutputFormat};
use crate::exit::{Exit, Fatal};
use crate::inputs::{self, Source, Work};
use cronaca_ingest::Document;
use crossbeam_channel::{Receiver, Sender, bounded};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::collections::BTreeMap;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A written record: its bytes (with the final newline) and its first warning, if any.
struct Done {
    json: Vec<u8>,
    problem: Option<String>,
}

pub fn run(config: ExtractConfig) -> Result<Exit, Fatal> {
    for m in &config.missing {
        eprintln!("cronaca: {m}");
    }
    let jobs = config.jobs.max(1);
    let window = jobs * 16;
    let progress = progress_bar(&config.sources);
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let (work_tx, work_rx) = bounded::<(usize, Work)>(window);
    let (done_tx, done_rx) = bounded::<(usize, Done)>(window);
    let (ticket_tx, ticket_rx) = bounded::<()>(window);
    for _ in 0..window {
        ticket_tx.send(()).expect("room for every ticket");
    }
    let config = &config;
    let outcome = std::thread::scope(|scope| {
        let reader = scope.spawn(move || read_inputs(config, work_tx, ticket_rx));
        for _ in 0..jobs {
            let (rx, tx) = (work_rx.clone(), done_tx.clone());
            scope.spawn(move || analyse_all(config, rx, tx));
        }
        drop((work_rx, done_tx));
        let written = write_in_order(&mut out, &done_rx, &ticket_tx, &progress);
        drop(done_rx);
        let unreadable = reader.join().expect("the reader thread does not panic");
        written.map(|w| (w, unreadable))
    });
    progress.finish_and_clear();
    let ((written, with_problems, first_problem), unreadable) = outcome?;
    out.flush().or_else(closed_pipe)?;
    let unreadable = unreadable + config.missing.len();
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

/// Reads every source in order, numbering the work items; returns how many sources could not
/// be read. Each item takes a ticket first, which the writer gives back once it is written.
fn read_inputs(config: &ExtractConfig, tx: Sender<(usize, Work)>, tickets: Receiver<()>) -> usize {
    let mut seq = 0;
    let mut unreadable = 0;
    for source in &config.sources {
        let items = match inputs::work(source, config.format, config.fetcher.as_ref()) {
            Ok(items) => items,
            Err(e) => {
                eprintln!("cronaca: {}: {e}", source.name());
                unreadable += 1;
                continue;
            }
        };
        for item in items {
            if tickets.recv().is_err() || tx.send((seq, item)).is_err() {
                return unreadable; // the writer stopped (closed output)
            }
            seq += 1;
        }
    }
    unreadable
}

/// A worker: work items to serialised records. A panic while reading or analysing one
/// document becomes that document's warning; the batch goes on.
fn analyse_all(config: &ExtractConfig, rx: Receiver<(usize, Work)>, tx: Sender<(usize, Done)>) {
    for (seq, item) in rx {
        let name = item.name();
        let done = catch_unwind(AssertUnwindSafe(|| record(config, item.into_document())))
            .unwrap_or_else(|panic| {
                let why = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                let doc = Document {
                    warnings: vec![format!(
                        "{name}: internal error while reading this document, no text extracted ({why})"
                    )],
                    ..Document::default()
                };
                record(config, doc)
            });
        if tx.send((seq, done)).is_err() {
            return;
        }
    }
}

/// One document's record, serialised.
fn record(config: &ExtractConfig, mut doc: Document) -> Done {
    if config.lang.is_some() {
        doc.language.clone_from(&config.lang);
    }
    if doc.published.is_none() {
        doc.published.clone_from(&config.published);
    }
    let problem = doc.warnings.first().cloned();
    let record = config
        .extractor
        .analyse_layers(&doc, config.layers)
        .to_record(config.layers);
    let mut json = match config.output {
        OutputFormat::Jsonl => serde_json::to_vec(&record),
        OutputFormat::Json => serde_json::to_vec_pretty(&record),
    }
    .expect("records serialise");
    json.push(b'\n');
    Done { json, problem }
}

/// Writes records as they come, holding early ones until their predecessors are written.
/// Returns (records written, documents with warnings, first warning).
fn write_in_order(
    out: &mut impl Write,
    rx: &Receiver<(usize, Done)>,
    tickets: &Sender<()>,
    progress: &ProgressBar,
) -> Result<(usize, usize, Option<String>), Fatal> {
    let mut next = 0usize;
    let mut waiting: BTreeMap<usize, Done> = BTreeMap::new();
    let mut with_problems = 0;
    let mut first_problem = None;
    for (seq, done) in rx {
        waiting.insert(seq, done);
        while let Some(done) = waiting.remove(&next) {
            if let Some(p) = done.problem {
                with_problems += 1;
                first_problem.get_or_insert(p);
            }
            out.write_all(&done.json).or_else(closed_pipe)?;
            next += 1;
            progress.inc(1);
            let _ = tickets.send(());
        }
    }
    Ok((next, with_problems, first_problem))
}

/// A progress bar on standard error when it is a terminal (documents, documents/s, and an ETA
/// when every input is one document), else a hidden one.
fn progress_bar(sources: &[Source]) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let one_each = sources.iter().all(|s| match s {
        Source::File(p) => p.extension().is_some_and(|e| {
            matches!(
                e.to_ascii_lowercase().to_str(),
                Some("html" | "htm" | "txt" | "xhtml")
            )
        }),
        Source::Stdin | Source::Url(_) => false,
    });
    let bar = if one_each {
        ProgressBar::new(sources.len() as u64).with_style(
            ProgressStyle::with_template(
                "{bar:30} {pos}/{len} documents  {per_sec}  ETA {eta}  {elapsed}",
            )
            .expect("valid template"),
        )
    } else {
        ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {pos} documents  {per_sec}  {elapsed}")
                .expect("valid template"),
        )
    };
    bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
    bar
}

/// A reader that went away (`cronaca extract … | head`) is not an error.
fn closed_pipe(e: io::Error) -> Result<(), Fatal> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    Err(Fatal::failure(format!("cannot write output: {e}")))
}
