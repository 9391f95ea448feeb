//! Paths, directories, globs and standard input, turned into a stream of documents.
use cronaca_ingest::{
    Document, InputFormat, JsonlLine, JsonlReader, WarcItem, WarcPage, WarcReader, read_feed,
    read_html, read_text, warc_document,
};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;

/// Where documents come from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }
}

/// Expands the command line's paths: "-" (or nothing) is standard input, a directory is read
/// recursively (hidden files skipped, in name order), a pattern with `*?[` is a glob. Paths
/// that match nothing are returned as errors, one message each.
pub fn expand(paths: &[String]) -> (Vec<Source>, Vec<String>) {
    if paths.is_empty() {
        return (vec![Source::Stdin], Vec::new());
    }
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        let path = PathBuf::from(p);
        if p == "-" {
            sources.push(Source::Stdin);
        } else if path.is_dir() {
            let before = sources.len();
            let walk = walkdir::WalkDir::new(&path)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                });
            for entry in walk {
                match entry {
                    Ok(e) if e.file_type().is_file() => sources.push(Source::File(e.into_path())),
                    Ok(_) => {}
                    Err(e) => errors.push(format!("{p}: {e}")),
                }
            }
            if sources.len() == before {
                errors.push(format!("{p}: directory has no files"));
            }
        } else if path.exists() {
            sources.push(Source::File(path));
        } else if p.contains(['*', '?', '[']) {
            match glob::glob(p) {
                Ok(matches) => {
                    let before = sources.len();
                    for m in matches {
                        match m {
                            Ok(f) if f.is_file() => sources.push(Source::File(f)),
                            Ok(_) => {}
                            Err(e) => errors.push(format!("{p}: {e}")),
                        }
                    }
                    if sources.len() == before {
                        errors.push(format!("{p}: no file matches this pattern"));
                    }
                }
                Err(e) => errors.push(format!("{p}: bad glob pattern: {e}")),
            }
        } else {
            errors.push(format!("{p}: no such file or directory"));
        }
    }
    (sources, errors)
}

/// One unit of work: bytes read from an input, turned into a [`Document`] (decoding, HTML
/// extraction, JSON parsing) by whichever thread calls [`Work::into_document`].
#[derive(Debug)]
pub enum Work {
    /// A document that is already read (feed items, unreadable lines).
    Doc(Document),
    /// A whole file of text or HTML.
    File {
        bytes: Vec<u8>,
        name: String,
        html: bool,
        stdin: bool,
    },
    /// One JSON Lines line.
    Line(JsonlLine),
    /// An HTML page from a WARC archive, and the archive's name.
    Warc(WarcPage, String),
}

impl Work {
    /// Where the work comes from, for warnings.
    pub fn name(&self) -> String {
        match self {
            Work::Doc(d) => d.uri.clone().unwrap_or_default(),
            Work::File { name, .. } => name.clone(),
            Work::Line(l) => l.position().to_string(),
            Work::Warc(page, file) => format!("{file}@{}", page.offset),
        }
    }

    /// The document: decoded, extracted, parsed.
    pub fn into_document(self) -> Document {
        match self {
            Work::Doc(d) => d,
            Work::File {
                bytes,
                name,
                html,
                stdin,
            } => {
                let mut doc = if html {
                    read_html(&bytes, &name)
                } else {
                    read_text(&bytes, &name)
                };
                if stdin {
                    doc.uri = None;
                }
                doc
            }
            Work::Line(l) => l.into_document(),
            Work::Warc(page, file) => warc_document(page, &file),
        }
    }
}

/// The work items of one source, read lazily (JSON Lines are streamed line by line).
pub fn work(source: &Source, format: InputFormat) -> io::Result<Box<dyn Iterator<Item = Work>>> {
    let name = source.name();
    let mut reader: Box<dyn BufRead> = match source {
        Source::Stdin => Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
        Source::File(p) => Box::new(BufReader::with_capacity(1 << 16, File::open(p)?)),
    };
    let format = match format {
        InputFormat::Auto => InputFormat::sniff(&name, reader.fill_buf()?),
        f => f,
    };
    match format {
        InputFormat::Jsonl => {
            let mut lines = JsonlReader::new(reader, &name);
            Ok(Box::new(std::iter::from_fn(move || {
                lines.next_line().map(Work::Line)
            })))
        }
        InputFormat::Warc => {
            let file = name.clone();
            Ok(Box::new(WarcReader::new(reader, &name).map(
                move |item| match item {
                    WarcItem::Page(page) => Work::Warc(page, file.clone()),
                    WarcItem::Problem(warning) => Work::Doc(Document {
                        warnings: vec![warning],
                        uri: Some(file.clone()),
                        ..Document::default()
                    }),
                },
            )))
        }
        InputFormat::Feed => {
            let mut bytes = Vec::new();
            reader.read_to_end(&mut bytes)?;
            Ok(Box::new(
                read_feed(&bytes, &name).into_iter().map(Work::Doc),
            ))
        }
        InputFormat::Html | InputFormat::Text | InputFormat::Auto => {
            let mut bytes = Vec::new();
            reader.read_to_end(&mut bytes)?;
            Ok(Box::new(std::iter::once(Work::File {
                bytes,
                name,
                html: format == InputFormat::Html,
                stdin: *source == Source::Stdin,
            })))
        }
    }
}

/// The documents of one source, read lazily, on the calling thread.
pub fn documents(
    source: &Source,
    format: InputFormat,
) -> io::Result<Box<dyn Iterator<Item = Document>>> {
    Ok(Box::new(work(source, format)?.map(Work::into_document)))
}

/// True when the inputs are one plain-text or HTML document (pretty JSON is then the default
/// on a terminal).
pub fn is_single_document(sources: &[Source], format: InputFormat) -> bool {
    match (sources, format) {
        ([Source::File(p)], InputFormat::Auto) => {
            let mut head = [0u8; 1024];
            let n = File::open(p)
                .and_then(|mut f| f.read(&mut head))
                .unwrap_or(0);
            matches!(
                InputFormat::sniff(&p.display().to_string(), &head[..n]),
                InputFormat::Text | InputFormat::Html
            )
        }
        ([_], InputFormat::Text | InputFormat::Html) => true,
        _ => false,
    }
}
