//! Paths, directories, globs and standard input, turned into a stream of documents.
use cronaca_ingest::{
    Document, Fetcher, InputFormat, JsonlLine, JsonlReader, WarcItem, WarcPage, WarcReader,
    read_feed, read_html, read_text, unreachable_document, warc_document,
};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::PathBuf;

/// Where documents come from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    Stdin,
    File(PathBuf),
    /// An http(s) URL, downloaded with `--fetch`.
    Url(String),
}

impl Source {
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_string(),
            Source::File(p) => p.display().to_string(),
            Source::Url(u) => u.clone(),
        }
    }
}

/// Expands the command line's paths: "-" (or nothing) is standard input, a directory is read
/// recursively (hidden files skipped, in name order), a pattern with `*?[` is a glob. Paths
/// that match nothing are returned as errors, one message each. An http(s) URL is a source
/// when `fetch` is set, an error otherwise.
pub fn expand(paths: &[String], fetch: bool) -> (Vec<Source>, Vec<String>) {
    if paths.is_empty() {
        return (vec![Source::Stdin], Vec::new());
    }
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        let path = PathBuf::from(p);
        if p == "-" {
            sources.push(Source::Stdin);
        } else if is_url(p) {
            if fetch {
                sources.push(Source::Url(p.clone()));
            } else {
                errors.push(format!("{p}: a URL; pass --fetch to download it"));
            }
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

fn is_url(p: &str) -> bool {
    let lower = p.get(..8).unwrap_or(p).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
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
    /// A feed item whose linked page is downloaded by the worker (`--fetch`).
    Fetch {
        item: Document,
        url: String,
        fetcher: Fetcher,
    },
}

impl Work {
    /// Where the work comes from, for warnings.
    pub fn name(&self) -> String {
        match self {
            Work::Doc(d) => d.uri.clone().unwrap_or_default(),
            Work::File { name, .. } => name.clone(),
            Work::Line(l) => l.position().to_string(),
            Work::Warc(page, file) => format!("{file}@{}", page.offset),
            Work::Fetch { url, .. } => url.clone(),
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
            Work::Fetch { item, url, fetcher } => fetcher.item_page(item, &url),
        }
    }
}

/// The work items of one source, read lazily (JSON Lines are streamed line by line). With a
/// `fetcher`, URLs are downloaded and feed items become their linked pages.
pub fn work(
    source: &Source,
    format: InputFormat,
    fetcher: Option<&Fetcher>,
) -> io::Result<Box<dyn Iterator<Item = Work>>> {
    let name = source.name();
    let mut reader: Box<dyn BufRead> = match source {
        Source::Stdin => Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
        Source::File(p) => Box::new(BufReader::with_capacity(1 << 16, File::open(p)?)),
        Source::Url(url) => {
            let Some(fetched) = fetcher.map(|f| f.get(url)) else {
                return Err(io::Error::other("a URL; pass --fetch to download it"));
            };
            match fetched {
                Ok(f) if format == InputFormat::Auto && f.looks_like_feed() => {
                    let items = read_feed(&f.bytes, &name);
                    return Ok(feed_work(items, fetcher));
                }
                Ok(f) => Box::new(Cursor::new(f.bytes)),
                Err(problem) => {
                    let doc = unreachable_document(url, problem);
                    return Ok(Box::new(std::iter::once(Work::Doc(doc))));
                }
            }
        }
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
            Ok(feed_work(read_feed(&bytes, &name), fetcher))
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

/// Feed items as work: their own content, or with a `fetcher` the page each one links to.
fn feed_work(items: Vec<Document>, fetcher: Option<&Fetcher>) -> Box<dyn Iterator<Item = Work>> {
    let fetcher = fetcher.cloned();
    Box::new(items.into_iter().map(move |item| {
        match (&fetcher, item.uri.clone().filter(|u| is_url(u))) {
            (Some(fetcher), Some(url)) => Work::Fetch {
                item,
                url,
                fetcher: fetcher.clone(),
            },
            _ => Work::Doc(item),
        }
    }))
}

/// The documents of one source, read lazily, on the calling thread.
pub fn documents(
    source: &Source,
    format: InputFormat,
    fetcher: Option<&Fetcher>,
) -> io::Result<Box<dyn Iterator<Item = Document>>> {
    Ok(Box::new(
        work(source, format, fetcher)?.map(Work::into_document),
    ))
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
