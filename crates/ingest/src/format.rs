use std::fmt;

/// The format of an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// Decide per input from its extension and first bytes.
    Auto,
    /// Plain text: one document.
    Text,
    /// An HTML page: one document, its main text.
    Html,
    /// JSON Lines: one document per line.
    Jsonl,
    /// A WARC archive.
    Warc,
    /// An RSS or Atom feed: one document per item.
    Feed,
}

impl InputFormat {
    /// Every name accepted on the command line.
    pub const NAMES: [&'static str; 6] = ["auto", "text", "html", "jsonl", "warc", "feed"];

    /// Parses a name from [`InputFormat::NAMES`].
    pub fn from_name(name: &str) -> Option<InputFormat> {
        Some(match name {
            "auto" => InputFormat::Auto,
            "text" => InputFormat::Text,
            "html" => InputFormat::Html,
            "jsonl" => InputFormat::Jsonl,
            "warc" => InputFormat::Warc,
            "feed" | "rss" | "atom" => InputFormat::Feed,
            _ => return None,
        })
    }

    /// The format of a file named `name` starting with `head`: by extension first, then by
    /// content (a `{` line start means JSON Lines, a tag near the start means HTML).
    pub fn sniff(name: &str, head: &[u8]) -> InputFormat {
        let lower = name.to_ascii_lowercase();
        let ext = lower
            .trim_end_matches(".gz")
            .rsplit_once('.')
            .map(|(_, e)| e.to_string())
            .unwrap_or_default();
        match ext.as_str() {
            "jsonl" | "ndjson" => return InputFormat::Jsonl,
            "html" | "htm" | "xhtml" => return InputFormat::Html,
            "warc" => return InputFormat::Warc,
            "rss" | "atom" => return InputFormat::Feed,
            "txt" | "text" => return InputFormat::Text,
            _ => {}
        }
        if head.starts_with(&[0x1f, 0x8b]) {
            // The only compressed input we read: gzipped WARC.
            return InputFormat::Warc;
        }
        let start = String::from_utf8_lossy(&head[..head.len().min(1024)]);
        let trimmed = start.trim_start_matches('\u{feff}').trim_start();
        let lower = trimmed.to_ascii_lowercase();
        if trimmed.starts_with("WARC/") {
            InputFormat::Warc
        } else if trimmed.starts_with('<')
            && !lower.contains("<html")
            && ["<rss", "<feed", "<rdf:rdf"]
                .iter()
                .any(|t| lower.contains(t))
        {
            InputFormat::Feed
        } else if trimmed.starts_with('{') {
            InputFormat::Jsonl
        } else if trimmed.starts_with('<')
            && ["<html", "<!doctype html", "<head", "<body", "<p", "<div"]
                .iter()
                .any(|t| trimmed.to_ascii_lowercase().contains(t))
        {
            InputFormat::Html
        } else {
            InputFormat::Text
        }
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            InputFormat::Auto => "auto",
            InputFormat::Text => "text",
            InputFormat::Html => "html",
            InputFormat::Jsonl => "jsonl",
            InputFormat::Warc => "warc",
            InputFormat::Feed => "feed",
        };
        f.write_str(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_extension_then_content() {
        assert_eq!(InputFormat::sniff("a.jsonl", b"hello"), InputFormat::Jsonl);
        assert_eq!(InputFormat::sniff("a.HTM", b""), InputFormat::Html);
        assert_eq!(
            InputFormat::sniff("-", b"  {\"text\": 1}"),
            InputFormat::Jsonl
        );
        assert_eq!(
            InputFormat::sniff("x", b"<!DOCTYPE html><p>a"),
            InputFormat::Html
        );
        assert_eq!(InputFormat::sniff("x", b"WARC/1.1\r\n"), InputFormat::Warc);
        assert_eq!(
            InputFormat::sniff("CC-NEWS-1.warc.gz", b"\x1f\x8b"),
            InputFormat::Warc
        );
        assert_eq!(InputFormat::sniff("x", b"\x1f\x8b\x08"), InputFormat::Warc);
        assert_eq!(InputFormat::sniff("x", b"<3 you"), InputFormat::Text);
        assert_eq!(InputFormat::sniff("news.rss", b""), InputFormat::Feed);
        assert_eq!(
            InputFormat::sniff("x.xml", b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
            InputFormat::Feed
        );
        assert_eq!(
            InputFormat::sniff("x", b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            InputFormat::Feed
        );
        assert_eq!(
            InputFormat::sniff("notes", b"Roma, 6 gen."),
            InputFormat::Text
        );
    }
}
