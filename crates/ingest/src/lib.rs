//! Readers that turn bytes into cronaca [`Document`]s: plain text, HTML, JSON Lines, WARC and RSS/Atom feeds.
//!
//! # Overview
//! - [`InputFormat`] names a format; [`InputFormat::sniff`] guesses it from a file name and
//!   the first bytes.
//! - [`decode`] turns bytes into text, lossily with a warning when they are not UTF-8.
//! - [`read_text`], [`read_html`] and [`JsonlReader`] produce documents. A bad line or a bad
//!   file never stops a batch: it becomes a document with a warning (and, for a JSONL line that
//!   cannot be read, no text), so that every input still yields exactly one record.
//!
//! # Example
//! ```
//! use cronaca_ingest::JsonlReader;
//! let input = "{\"id\": \"a\", \"text\": \"Uno.\"}\nnot json\n";
//! let docs: Vec<_> = JsonlReader::new(input.as_bytes(), "in.jsonl").collect();
//! assert_eq!(docs.len(), 2);
//! assert_eq!(docs[0].id.as_deref(), Some("a"));
//! assert!(docs[1].warnings[0].starts_with("in.jsonl:2: "));
//! ```
//!
//! # Features
//! - `fetch` (off by default; the `cronaca` binary turns it on): [`Fetcher`] downloads feeds
//!   and pages over HTTP(S) for `cronaca extract --fetch`.
#![deny(missing_docs)]

mod blocks;
mod charset;
mod dates;
mod decode;
mod feed;
#[cfg(feature = "fetch")]
mod fetch;
mod format;
mod html;
mod jsonl;
mod warc;

pub use charset::decode_html;
pub use cronaca_model::Document;
pub use dates::{date_from_url, normalize_date};
pub use decode::decode;
pub use feed::read_feed;
#[cfg(feature = "fetch")]
pub use fetch::{Fetched, Fetcher, unreachable_document};
pub use format::InputFormat;
pub use html::{HtmlHints, html_document, read_html, read_html_with};
pub use jsonl::{JsonlLine, JsonlReader};
pub use warc::{MAX_BODY, WarcItem, WarcPage, WarcReader, warc_record};

/// The document of a WARC page: its HTML read with the HTTP charset, `uri` the target URI, and
/// the capture date (`WARC-Date`) as `published` when the page states none.
pub fn warc_document(page: WarcPage, name: &str) -> Document {
    let at = format!("{name}@{}", page.offset);
    let hints = HtmlHints {
        uri: page.uri.as_deref(),
        charset: page.charset.as_deref(),
    };
    let mut doc = read_html_with(&page.body, page.uri.as_deref().unwrap_or(&at), hints);
    if doc.published.is_none() {
        doc.published = page.date.as_deref().and_then(normalize_date);
    }
    doc.uri = page.uri.or(Some(at));
    doc
}

/// A plain-text document: the decoded bytes, with `name` as its uri. An empty file gives an
/// empty document with a warning.
pub fn read_text(bytes: &[u8], name: &str) -> Document {
    let (text, warning) = decode(bytes, name);
    let mut warnings: Vec<String> = warning.into_iter().collect();
    if text.trim().is_empty() {
        warnings.push(format!("{name}: no text (empty or only white space)"));
    }
    Document {
        text,
        uri: Some(name.to_string()),
        warnings,
        ..Document::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_is_flagged() {
        let doc = read_text(b" \n", "e.txt");
        assert_eq!(doc.warnings, ["e.txt: no text (empty or only white space)"]);
        assert!(read_text(b"Ciao", "c.txt").warnings.is_empty());
    }
}
