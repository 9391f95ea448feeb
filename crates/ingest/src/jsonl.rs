use crate::{Document, decode, html_document};
use serde::Deserialize;
use serde_json::Value;
use std::io::BufRead;

/// Reads JSON Lines: one [`Document`] per non-blank line, in order.
///
/// Each line is an object with `text` (or `html`) and optionally `id`, `title`, `uri`,
/// `outlet`, `published`, `language`; unknown fields are ignored. A line that cannot be read
/// (bad JSON, no text, invalid UTF-8, an I/O error) still yields a document: empty text and a
/// warning `name:line: problem`, and the id recovered from the line when possible.
pub struct JsonlReader<R> {
    reader: R,
    name: String,
    line: usize,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    /// A reader over `reader`; `name` is used in warnings.
    pub fn new(reader: R, name: &str) -> JsonlReader<R> {
        JsonlReader {
            reader,
            name: name.to_string(),
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }
}

#[derive(Deserialize)]
struct Line {
    text: Option<Value>,
    html: Option<String>,
    id: Option<Value>,
    title: Option<String>,
    uri: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    language: Option<String>,
}

/// One line of a JSON Lines input, read but not yet parsed (parsing and HTML extraction can
/// then run on another thread, with [`JsonlLine::into_document`]).
#[derive(Debug)]
pub enum JsonlLine {
    /// The line's bytes and its position (`name:line`).
    Line(Vec<u8>, String),
    /// A line that could not be read: its document, with a warning.
    Broken(Document),
}

impl JsonlLine {
    /// The document of the line (see [`JsonlReader`]).
    pub fn into_document(self) -> Document {
        match self {
            JsonlLine::Line(raw, at) => parse_line(&raw, &at),
            JsonlLine::Broken(doc) => doc,
        }
    }

    /// Where the line is (`name:line`).
    pub fn position(&self) -> &str {
        match self {
            JsonlLine::Line(_, at) => at,
            JsonlLine::Broken(doc) => doc.warnings.first().map_or("", String::as_str),
        }
    }
}

impl<R: BufRead> JsonlReader<R> {
    /// The next non-blank line, unparsed.
    pub fn next_line(&mut self) -> Option<JsonlLine> {
        loop {
            if self.done {
                return None;
            }
            self.buf.clear();
            self.line += 1;
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    return Some(JsonlLine::Broken(broken(
                        format!("{}:{}: read error: {e}", self.name, self.line),
                        None,
                    )));
                }
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let at = format!("{}:{}", self.name, self.line);
            return Some(JsonlLine::Line(std::mem::take(&mut self.buf), at));
        }
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        self.next_line().map(JsonlLine::into_document)
    }
}

fn parse_line(raw: &[u8], at: &str) -> Document {
    let (line, decode_warning) = decode(raw, at);
    let parsed: Line = match serde_json::from_str(&line) {
        Ok(l) => l,
        Err(e) => {
            let warning = format!("{at}: invalid JSON line, no text extracted: {e}");
            return broken(warning, recover_id(&line));
        }
    };
    let id = parsed.id.and_then(|v| match v {
        Value::String(s) => Some(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    });
    let mut doc = match (parsed.text, parsed.html) {
        (Some(Value::String(text)), _) => Document {
            text,
            ..Document::default()
        },
        (_, Some(html)) => {
            let uri = parsed.uri.as_deref().or(parsed.url.as_deref());
            html_document(&html, at, uri)
        }
        (Some(other), None) if !other.is_null() => {
            let warning = format!("{at}: \"text\" is not a string; no text extracted");
            return broken(warning, id);
        }
        _ => {
            let warning = format!("{at}: no \"text\" or \"html\" field; no text extracted");
            return broken(warning, id);
        }
    };
    doc.id = id;
    doc.uri = parsed.uri.or(parsed.url).or(doc.uri);
    doc.title = parsed.title.or(doc.title);
    doc.outlet = parsed.outlet.or(doc.outlet);
    doc.published = parsed.published.or(doc.published);
    doc.language = parsed.language.or(doc.language);
    doc.warnings.extend(decode_warning);
    doc
}

fn broken(warning: String, id: Option<String>) -> Document {
    Document {
        id,
        warnings: vec![warning],
        ..Document::default()
    }
}

/// The value of a top-level-looking `"id": "…"` in a line that is not valid JSON, so that a
/// broken line's record can still be matched to its input.
fn recover_id(line: &str) -> Option<String> {
    let after = &line[line.find("\"id\"")? + 4..];
    let after = after.trim_start().strip_prefix(':')?.trim_start();
    if let Some(rest) = after.strip_prefix('"') {
        let end = rest.find('"')?;
        Some(rest[..end].to_string()).filter(|s| !s.contains('\\'))
    } else {
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '.'))
            .unwrap_or(after.len());
        Some(after[..end].to_string()).filter(|s| !s.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &[u8]) -> Vec<Document> {
        JsonlReader::new(input, "in.jsonl").collect()
    }

    #[test]
    fn reads_fields_and_ignores_unknown_ones() {
        let docs = read(
            br#"{"id": 7, "text": "Ciao", "title": "T", "published": "2022-01-06", "language": "it", "extra": [1]}"#,
        );
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.id.as_deref(), Some("7"));
        assert_eq!(d.text, "Ciao");
        assert_eq!(d.title.as_deref(), Some("T"));
        assert_eq!(d.published.as_deref(), Some("2022-01-06"));
        assert_eq!(d.language.as_deref(), Some("it"));
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn every_non_blank_line_gives_one_document_in_order() {
        let input = b"{\"id\":\"a\",\"text\":\"x\"}\n\n{\"id\": \"b\", \"text\": \"unterminated\n{\"id\":\"c\"}\n[1,2]\n{\"id\":\"e\",\"text\":null,\"html\":\"<p>Ciao</p>\"}\n\xff\xfe\n";
        let docs = read(input);
        let ids: Vec<Option<&str>> = docs.iter().map(|d| d.id.as_deref()).collect();
        assert_eq!(
            ids,
            [Some("a"), Some("b"), Some("c"), None, Some("e"), None]
        );
        assert!(docs[0].warnings.is_empty());
        assert!(docs[1].warnings[0].starts_with("in.jsonl:3: invalid JSON line"));
        assert!(docs[2].warnings[0].contains("no \"text\" or \"html\""));
        assert!(docs[3].warnings[0].starts_with("in.jsonl:5: invalid JSON"));
        assert_eq!(docs[4].text, "Ciao");
        assert!(docs[5].warnings[0].starts_with("in.jsonl:7: invalid JSON"));
    }

    #[test]
    fn recovers_ids_from_broken_lines() {
        assert_eq!(
            recover_id(r#"{"id": "x-1", "text": "oops"#).as_deref(),
            Some("x-1")
        );
        assert_eq!(recover_id(r#"{"id":42,"text"#).as_deref(), Some("42"));
        assert_eq!(recover_id(r#"{"text": "no id"#), None);
    }
}
