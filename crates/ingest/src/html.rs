use crate::{Document, decode};
use scraper::{ElementRef, Html, Node, Selector};

/// Elements whose text is a block of the article.
const BLOCKS: &str = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, td";
/// Elements whose text is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button",
    "template", "svg", "iframe",
];

/// A document from an HTML page: title, declared language and a simple main text (the text of
/// headings, paragraphs, list items and block quotes outside navigation, headers, footers and
/// scripts, one block per paragraph).
pub fn read_html(bytes: &[u8], name: &str) -> Document {
    let (source, warning) = decode(bytes, name);
    let page = Html::parse_document(&source);
    let title = first_text(&page, "title")
        .or_else(|| meta(&page, "og:title"))
        .or_else(|| first_text(&page, "h1"));
    let language = page
        .root_element()
        .value()
        .attr("lang")
        .and_then(|l| l.split(['-', '_']).next())
        .map(str::to_ascii_lowercase)
        .filter(|l| l.len() == 2);
    let published = meta(&page, "article:published_time");
    let blocks = Selector::parse(BLOCKS).expect("valid selector");
    let mut paragraphs: Vec<String> = Vec::new();
    for el in page.select(&blocks) {
        if in_skipped(el) || has_block_ancestor(el) {
            continue;
        }
        let text = collapse(&element_text(el));
        if !text.is_empty() {
            paragraphs.push(text);
        }
    }
    let title_is_first = paragraphs.first() == title.as_ref();
    let mut text = paragraphs.join("\n\n");
    if text.is_empty() {
        text = collapse(&element_text(page.root_element()));
    }
    if let Some(t) = &title
        && !title_is_first
        && !text.is_empty()
    {
        text = format!("{t}\n\n{text}");
    }
    Document {
        text,
        uri: Some(name.to_string()),
        title,
        published,
        language,
        warnings: warning.into_iter().collect(),
        ..Document::default()
    }
}

fn first_text(page: &Html, selector: &str) -> Option<String> {
    let sel = Selector::parse(selector).ok()?;
    page.select(&sel)
        .map(|e| collapse(&e.text().collect::<String>()))
        .find(|t| !t.is_empty())
}

fn meta(page: &Html, property: &str) -> Option<String> {
    let sel = Selector::parse(&format!(
        r#"meta[property="{property}"], meta[name="{property}"]"#
    ))
    .ok()?;
    page.select(&sel)
        .filter_map(|e| e.value().attr("content"))
        .map(|c| c.trim().to_string())
        .find(|c| !c.is_empty())
}

fn in_skipped(el: ElementRef) -> bool {
    el.ancestors()
        .filter_map(|n| n.value().as_element())
        .any(|e| SKIP.contains(&e.name()))
}

fn has_block_ancestor(el: ElementRef) -> bool {
    el.ancestors()
        .filter_map(|n| n.value().as_element())
        .any(|e| matches!(e.name(), "p" | "li" | "blockquote" | "pre" | "td"))
}

/// The element's text without skipped elements.
fn element_text(el: ElementRef) -> String {
    let mut out = String::new();
    for node in el.descendants() {
        if let Node::Text(t) = node.value() {
            let skipped = node
                .ancestors()
                .filter_map(|n| n.value().as_element())
                .any(|e| SKIP.contains(&e.name()));
            if !skipped {
                out.push_str(t);
            }
        } else if let Node::Element(e) = node.value()
            && e.name() == "br"
        {
            out.push(' ');
        }
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_article_blocks_and_drops_navigation_and_scripts() {
        let page = r#"<!doctype html><html lang="it-IT"><head><title>Rivolta</title>
            <meta property="article:published_time" content="2022-01-06T10:00:00Z">
            <script>var x = "non testo";</script></head><body>
            <nav><ul><li>Home</li><li>Esteri</li></ul></nav>
            <article><h1>Rivolta del gas</h1><p>Più di <b>mille</b> feriti.</p>
            <blockquote><p>Circa 400 ospedalizzati.</p></blockquote></article>
            <footer><p>Copyright</p></footer></body></html>"#;
        let doc = read_html(page.as_bytes(), "page.html");
        assert_eq!(doc.title.as_deref(), Some("Rivolta"));
        assert_eq!(doc.language.as_deref(), Some("it"));
        assert_eq!(doc.published.as_deref(), Some("2022-01-06T10:00:00Z"));
        assert_eq!(
            doc.text,
            "Rivolta\n\nRivolta del gas\n\nPiù di mille feriti.\n\nCirca 400 ospedalizzati."
        );
    }

    #[test]
    fn a_page_without_blocks_keeps_its_text() {
        let doc = read_html(b"<div>solo testo</div>", "x.html");
        assert_eq!(doc.text, "solo testo");
        assert!(doc.title.is_none());
    }
}
