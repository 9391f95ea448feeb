//! RSS and Atom feeds to documents, one per item.
//!
//! `feed-rs` parses the feed; item dates are read from the raw XML by us as well, because
//! feed-rs converts dates to UTC (changing the local day of evening items) and drops dates it
//! cannot parse, such as RFC 2822 with Italian or French day and month names.
use crate::dates::normalize_date;
use crate::{Document, html_document};

/// The documents of a feed named `name`: one per item, its text the item's content (or
/// summary) read as HTML, with the item's link as `uri`, its title, author and date, and the
/// feed's title as `outlet` and its language. A feed that cannot be parsed or has no items
/// gives one empty document with a warning naming `name`.
pub fn read_feed(bytes: &[u8], name: &str) -> Vec<Document> {
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(f) => f,
        Err(e) => {
            return vec![problem(format!(
                "{name}: not a readable RSS/Atom feed: {e}"
            ))];
        }
    };
    if feed.entries.is_empty() {
        return vec![problem(format!("{name}: the feed has no items"))];
    }
    let raw_dates = raw_item_dates(bytes);
    let raw_dates = (raw_dates.len() == feed.entries.len()).then_some(raw_dates);
    let outlet = feed.title.as_ref().map(|t| t.content.trim().to_string());
    let language = feed
        .language
        .as_deref()
        .and_then(|l| l.split(['-', '_']).next())
        .map(str::to_ascii_lowercase)
        .filter(|l| l.len() == 2);
    feed.entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            let at = format!("{name}#item{}", i + 1);
            let link = entry.links.first().map(|l| l.href.clone());
            let body = entry
                .content
                .as_ref()
                .and_then(|c| c.body.clone())
                .filter(|b| !b.trim().is_empty())
                .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
                .unwrap_or_default();
            let title = entry
                .title
                .as_ref()
                .map(|t| t.content.trim().to_string())
                .filter(|t| !t.is_empty());
            // Item bodies are HTML fragments: a page of their own for the extractor.
            let page = format!(
                "<html><head><title>{}</title></head><body><article>{body}</article></body></html>",
                escape(title.as_deref().unwrap_or(""))
            );
            let mut doc = html_document(&page, &at, link.as_deref());
            if body.trim().is_empty() {
                doc.warnings
                    .push(format!("{at}: the item has no content or summary"));
            }
            let raw = raw_dates.as_ref().and_then(|d| d[i].as_deref());
            doc.published = raw
                .and_then(normalize_date)
                .or_else(|| entry.published.or(entry.updated).map(|d| d.to_rfc3339()))
                .or(doc.published);
            doc.title = title.or(doc.title);
            doc.author = entry
                .authors
                .first()
                .and_then(|p| p.name.as_deref())
                .map(|n| n.trim().to_string())
                .filter(|a| !a.is_empty())
                .or(doc.author);
            doc.outlet = outlet.clone().filter(|o| !o.is_empty()).or(doc.outlet);
            doc.language = language.clone().or(doc.language);
            doc.uri = link.or(Some(at));
            doc
        })
        .collect()
}

fn problem(warning: String) -> Document {
    Document {
        warnings: vec![warning],
        ..Document::default()
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;")
}

/// The first date element's raw text in each `<item>` or `<entry>`, in order.
fn raw_item_dates(bytes: &[u8]) -> Vec<Option<String>> {
    let xml = String::from_utf8_lossy(bytes);
    let mut dates = Vec::new();
    let mut starts: Vec<usize> = ["<item>", "<item ", "<entry>", "<entry "]
        .iter()
        .flat_map(|t| xml.match_indices(t).map(|(i, _)| i))
        .collect();
    starts.sort_unstable();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(xml.len());
        let item = &xml[start..end];
        let date = [
            "pubDate",
            "dc:date",
            "published",
            "updated",
            "dcterms:created",
        ]
        .iter()
        .find_map(|tag| {
            let open = format!("<{tag}>");
            let from = item.find(&open)? + open.len();
            let to = item[from..].find(&format!("</{tag}>"))? + from;
            let text = item[from..to].trim();
            let text = text
                .strip_prefix("<![CDATA[")
                .and_then(|t| t.strip_suffix("]]>"))
                .unwrap_or(text);
            Some(text.trim().to_string())
        });
        dates.push(date);
    }
    dates
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Cronaca Feed</title><link>https://feed.example/</link><language>it-IT</language>
<item><title>Scontri ad Almaty</title><link>https://feed.example/2022/01/scontri</link>
<pubDate>gio, 06 gen 2022 22:30:00 +0100</pubDate><dc:creator>Maria Rossi</dc:creator>
<description><![CDATA[<p>Decine di persone sono rimaste ferite negli scontri.</p><p>Le proteste continuano.</p>]]></description></item>
<item><title>Seconda notizia</title><link>https://feed.example/2</link>
<pubDate>Fri, 07 Jan 2022 08:00:00 GMT</pubDate><description>Testo semplice della seconda notizia.</description></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Test</title><id>urn:x</id><updated>2022-01-07T00:00:00Z</updated>
<entry><title>Storm</title><id>urn:1</id><link href="https://atom.example/storm"/>
<published>2022-01-06T23:30:00-05:00</published><updated>2022-01-07T10:00:00Z</updated>
<author><name>John Smith</name></author>
<content type="html">&lt;p&gt;A storm left 20,000 homes without power.&lt;/p&gt;</content></entry>
</feed>"#;

    #[test]
    fn rss_items_with_localised_dates() {
        let docs = read_feed(RSS.as_bytes(), "f.rss");
        assert_eq!(docs.len(), 2);
        let d = &docs[0];
        assert_eq!(
            d.uri.as_deref(),
            Some("https://feed.example/2022/01/scontri")
        );
        assert_eq!(d.title.as_deref(), Some("Scontri ad Almaty"));
        assert_eq!(d.published.as_deref(), Some("2022-01-06T22:30:00+01:00"));
        assert_eq!(d.outlet.as_deref(), Some("Cronaca Feed"));
        assert_eq!(d.author.as_deref(), Some("Maria Rossi"));
        assert_eq!(d.language.as_deref(), Some("it"));
        assert_eq!(
            d.text,
            "Scontri ad Almaty\n\nDecine di persone sono rimaste ferite negli scontri.\n\nLe proteste continuano."
        );
        assert_eq!(docs[1].published.as_deref(), Some("2022-01-07T08:00:00Z"));
        assert!(
            docs[1]
                .text
                .ends_with("Testo semplice della seconda notizia.")
        );
    }

    #[test]
    fn atom_entries_keep_the_local_day() {
        let docs = read_feed(ATOM.as_bytes(), "f.atom");
        assert_eq!(docs.len(), 1);
        assert_eq!(
            docs[0].published.as_deref(),
            Some("2022-01-06T23:30:00-05:00")
        );
        assert_eq!(docs[0].author.as_deref(), Some("John Smith"));
        assert!(docs[0].text.contains("20,000 homes"), "{}", docs[0].text);
    }

    #[test]
    fn empty_and_broken_feeds_give_a_warning_document() {
        let empty = r#"<rss version="2.0"><channel><title>Vuoto</title></channel></rss>"#;
        let docs = read_feed(empty.as_bytes(), "e.rss");
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].warnings, ["e.rss: the feed has no items"]);
        let docs = read_feed(b"\x00\x01 not xml", "b.rss");
        assert!(docs[0].warnings[0].starts_with("b.rss: not a readable RSS/Atom feed"));
    }
}
