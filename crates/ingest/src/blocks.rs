//! Our own main-text extractor: one walk over a parsed page, block scoring, container choice.
//!
//! The page is cut into text segments at every block boundary (`<p>`, `<div>`, `<li>`, `<br>`…);
//! each segment belongs to its innermost block element. Elements that are page furniture
//! (navigation, headers, footers, asides, forms, and elements whose class or id carries a word of
//! `data/boilerplate.tsv`) are skipped with everything inside them. Paragraph-like segments
//! (25 characters or more, mostly not link text) score 1 + their commas + one point per 100
//! characters (at most 3); a segment's score goes to the parent of its block, half of it to the
//! grandparent, so the element that directly holds the article's paragraphs wins. The main text
//! is that element plus its siblings that also hold a good share of the paragraphs, read block
//! by block in page order without link lists.
//!
//! The result says whether it is sure: a short text, or one that leaves much of the page's
//! paragraph text outside the chosen container, is not, and the caller then asks trafilatura;
//! a long text is sure all the same when what it leaves out is scattered (no rival container,
//! no element holding a tenth of the paragraph text).
use ego_tree::{NodeId, NodeRef, iter::Edge};
use rustc_hash::FxHashMap as HashMap;
use scraper::{Html, Node};
use std::sync::LazyLock;

/// What the extractor found.
pub(crate) struct MainText {
    /// One block per line.
    pub text: String,
    /// False when the caller should prefer another extractor.
    pub sure: bool,
}

/// Class and id words that mark page furniture (`data/boilerplate.tsv`), lower-cased.
static BOILERPLATE: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    include_str!("../data/boilerplate.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split('\t').next())
        .map(str::to_ascii_lowercase)
        .collect()
});

/// Longest class or id token looked up in [`BOILERPLATE`] (longer ones are never its words).
const LONGEST_WORD: usize = 48;

/// Elements whose content is never article text.
const INERT: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "select", "head", "button",
];
/// Elements whose content is usually not article text.
const FURNITURE: &[&str] = &[
    "nav", "header", "footer", "aside", "form", "figure", "menu", "dialog",
];
/// Elements that start and end a text segment (and a line of the plain block walk in `html`).
pub(crate) const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "td",
    "th",
    "tr",
    "br",
    "section",
    "article",
    "main",
    "dd",
    "dt",
    "table",
    "ul",
    "ol",
    "dl",
    "figcaption",
    "body",
];
/// Elements never skipped for a class or id word (templates tag the whole page).
const NEVER_FURNITURE: &[&str] = &["html", "body", "main", "article"];

/// A piece of text between two block boundaries.
struct Segment {
    /// Its innermost block element.
    block: NodeId,
    text: String,
    /// Bytes of `text` inside links.
    link: usize,
}

impl Segment {
    fn link_density(&self) -> f64 {
        self.link as f64 / self.text.len().max(1) as f64
    }

    /// Paragraph-like: long enough and mostly not a link.
    fn is_paragraph(&self) -> bool {
        self.text.chars().count() >= 25 && self.link_density() < 0.5
    }

    fn score(&self) -> f64 {
        let commas = self.text.matches([',', '،', '，', '、']).count() as f64;
        1.0 + commas + (self.text.chars().count() as f64 / 100.0).min(3.0)
    }
}

/// True when the element is page furniture: a furniture tag, or a boilerplate class/id word.
pub(crate) fn is_furniture(e: &scraper::node::Element) -> bool {
    let name = e.name();
    if INERT.contains(&name) || FURNITURE.contains(&name) {
        return true;
    }
    if NEVER_FURNITURE.contains(&name) {
        return false;
    }
    // One pass over the attributes (each `attr` lookup would scan them again).
    let mut marked = false;
    for (name, value) in e.attrs() {
        marked |= match name {
            "hidden" => true,
            "aria-hidden" => value == "true",
            "class" | "id" => has_boilerplate_word(value),
            _ => false,
        };
        if marked {
            return true;
        }
    }
    false
}

/// True when a class or id value has a word of `data/boilerplate.tsv` among its tokens.
fn has_boilerplate_word(value: &str) -> bool {
    let mut buf = [0u8; LONGEST_WORD];
    value
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.len() <= LONGEST_WORD)
        .any(|w| {
            let lower = &mut buf[..w.len()];
            lower.copy_from_slice(w.as_bytes());
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).is_ok_and(|l| BOILERPLATE.contains(l))
        })
}

/// The bytes of text inside each element that could be furniture, and in the whole page
/// (scripts and styles not counted).
fn text_sizes(page: &Html) -> (HashMap<NodeId, usize>, usize) {
    let mut sizes = HashMap::default();
    let mut open: Vec<usize> = vec![0];
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(_) => open.push(0),
                Node::Text(t) => {
                    if let Some(top) = open.last_mut() {
                        *top += t.len();
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    let size = open.pop().unwrap_or(0);
                    if INERT.contains(&e.name()) {
                        continue;
                    }
                    if let Some(top) = open.last_mut() {
                        *top += size;
                    }
                    if is_furniture(e) {
                        sizes.insert(node.id(), size);
                    }
                }
            }
        }
    }
    (sizes, open.first().copied().unwrap_or(0))
}

/// The page's text segments in order, furniture left out. Scripts, styles and the like always
/// are; an element that holds half of the page's text or more is never furniture otherwise,
/// whatever its class says (`has-sidebar` on a page wrapper, a `<form>` around the page).
fn segments(page: &Html) -> Vec<Segment> {
    let (sizes, total) = text_sizes(page);
    let furniture = |node: NodeRef<Node>, e: &scraper::node::Element| {
        INERT.contains(&e.name()) || sizes.get(&node.id()).is_some_and(|&size| size * 2 < total)
    };
    let mut out = Vec::new();
    let mut blocks: Vec<NodeId> = Vec::new();
    let mut skipping = 0usize;
    let mut links = 0usize;
    let mut current = Segment {
        block: page.tree.root().id(),
        text: String::new(),
        link: 0,
    };
    let flush = |current: &mut Segment, out: &mut Vec<Segment>, next: NodeId| {
        let block = std::mem::replace(&mut current.block, next);
        let text = std::mem::take(&mut current.text);
        let link = std::mem::take(&mut current.link);
        if !text.trim().is_empty() {
            out.push(Segment { block, text, link });
        }
    };
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) if skipping > 0 || furniture(node, e) => {
                    if skipping == 0 {
                        let back = blocks.last().copied().unwrap_or(current.block);
                        flush(&mut current, &mut out, back);
                    }
                    skipping += 1;
                }
                Node::Element(e) if BLOCKS.contains(&e.name()) => {
                    flush(&mut current, &mut out, node.id());
                    blocks.push(node.id());
                }
                Node::Element(e) if e.name() == "a" => links += 1,
                Node::Text(t) if skipping == 0 => {
                    current.text.push_str(t);
                    if links > 0 {
                        current.link += t.len();
                    }
                }
                _ => {}
            },
            Edge::Close(node) => match node.value() {
                Node::Element(_) if skipping > 0 => skipping -= 1,
                Node::Element(e) if BLOCKS.contains(&e.name()) => {
                    blocks.pop();
                    let back = blocks.last().copied().unwrap_or(page.tree.root().id());
                    flush(&mut current, &mut out, back);
                }
                Node::Element(e) if e.name() == "a" => links = links.saturating_sub(1),
                _ => {}
            },
        }
    }
    flush(&mut current, &mut out, page.tree.root().id());
    out
}

/// The main text of a parsed page.
pub(crate) fn main_text(page: &Html) -> MainText {
    let segments = segments(page);
    let node = |id: NodeId| page.tree.get(id);
    let mut scores: HashMap<NodeId, f64> = HashMap::default();
    for s in segments.iter().filter(|s| s.is_paragraph()) {
        let Some(parent) = node(s.block).and_then(|b| b.parent()) else {
            continue;
        };
        *scores.entry(parent.id()).or_default() += s.score();
        if let Some(grand) = parent.parent() {
            *scores.entry(grand.id()).or_default() += s.score() / 2.0;
        }
    }
    let Some((&top, &best)) = scores
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
    else {
        return MainText {
            text: String::new(),
            sure: false,
        };
    };
    // The container and those of its siblings that hold a fair share of the paragraphs.
    let mut chosen = vec![top];
    if let Some(parent) = node(top).and_then(|n| n.parent()) {
        let bar = (best * 0.2).max(10.0);
        chosen = parent
            .children()
            .filter(|c| c.id() == top || scores.get(&c.id()).is_some_and(|&s| s >= bar))
            .map(|c| c.id())
            .collect();
    }
    let inside = |id: NodeId| {
        node(id).is_some_and(|n: NodeRef<Node>| {
            std::iter::once(n)
                .chain(n.ancestors())
                .any(|a| chosen.contains(&a.id()))
        })
    };
    let mut text = String::new();
    let (mut kept, mut paragraph_total, mut paragraph_kept) = (0usize, 0usize, 0usize);
    for s in &segments {
        let is_inside = inside(s.block);
        if s.is_paragraph() {
            paragraph_total += s.text.len();
            if is_inside {
                paragraph_kept += s.text.len();
            }
        }
        if is_inside && s.link_density() < 0.5 {
            text.push_str(s.text.trim());
            text.push('\n');
            kept += s.text.len();
        }
    }
    // Sure: a long text holding most of the page's paragraph text, or a medium one holding
    // nearly all of it.
    let share = paragraph_kept as f64 / paragraph_total.max(1) as f64;
    let sure = (kept >= 1000 && share >= 0.6)
        || (kept >= 600 && share >= 0.75)
        || (kept >= 1000 && scattered_outside(page, &segments, &scores, top, &inside));
    MainText { text, sure }
}

/// True when the paragraphs left outside the chosen containers are scattered: no container
/// outside them scores a quarter of the best one, and no element directly holds a tenth of the
/// page's paragraph text outside them (comments, teasers, captions around one article, rather
/// than a second body of text the choice may have missed).
fn scattered_outside(
    page: &Html,
    segments: &[Segment],
    scores: &HashMap<NodeId, f64>,
    top: NodeId,
    inside: &dyn Fn(NodeId) -> bool,
) -> bool {
    let node = |id: NodeId| page.tree.get(id);
    let best = scores.get(&top).copied().unwrap_or(0.0);
    // The chosen containers are siblings of `top`: their ancestors are its ancestors.
    let above: Vec<NodeId> = node(top)
        .map(|n| n.ancestors().map(|a| a.id()).collect())
        .unwrap_or_default();
    let rival = scores
        .iter()
        .filter(|(id, _)| !above.contains(id) && !inside(**id))
        .map(|(_, &s)| s)
        .fold(0.0, f64::max);
    if rival >= best * 0.25 {
        return false;
    }
    let mut outside: HashMap<NodeId, usize> = HashMap::default();
    let mut total = 0;
    for s in segments.iter().filter(|s| s.is_paragraph()) {
        total += s.text.len();
        if !inside(s.block)
            && let Some(parent) = node(s.block).and_then(|b| b.parent())
        {
            *outside.entry(parent.id()).or_default() += s.text.len();
        }
    }
    outside.values().all(|&bytes| bytes * 10 < total)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><body class="single has-sidebar">
        <div id="top-menu"><a href="/">Home</a> <a href="/world">World</a></div>
        <div class="wrap"><div class="story">
        <h1>Floods in the valley</h1>
        <p>Heavy rain flooded the valley on Monday, and more than a thousand people left their homes, officials said.</p>
        <div class="ad-slot">Buy now, limited offer for readers</div>
        <p>The river rose by two metres overnight, according to the regional agency, which warned of more rain.</p>
        <div class="share-tools">Share on social networks</div>
        <p>Schools were closed, roads were cut, and the army sent boats to the villages, the mayor said.</p>
        </div>
        <div class="related-links"><ul><li><a href="/a">Another story about rain in the valley this year</a></li></ul></div>
        </div><footer>All rights reserved by the publisher</footer></body></html>"#;

    #[test]
    fn paragraphs_of_the_best_container_without_furniture() {
        let found = main_text(&Html::parse_document(PAGE));
        let lines: Vec<&str> = found.text.lines().collect();
        assert_eq!(lines[0], "Floods in the valley");
        assert_eq!(lines.len(), 4, "{lines:?}");
        assert!(lines[3].starts_with("Schools were closed"));
        assert!(!found.text.contains("Buy now"));
        assert!(!found.text.contains("Share"));
        assert!(!found.text.contains("Another story"));
        assert!(!found.text.contains("rights reserved"));
        // Short: the caller is told to check with another extractor.
        assert!(!found.sure);
    }

    #[test]
    fn a_long_article_is_sure() {
        let paragraph = "<p>The talks went on for hours, the delegates said, and ended with a joint statement on trade, energy and borders.</p>";
        let page = format!(
            "<html><body><nav>Menu</nav><article>{}</article></body></html>",
            paragraph.repeat(12)
        );
        let found = main_text(&Html::parse_document(&page));
        assert!(found.sure);
        assert_eq!(found.text.lines().count(), 12);
        assert!(!found.text.contains("Menu"));
    }

    #[test]
    fn a_long_article_among_scattered_paragraphs_is_sure() {
        let paragraph = "<p>The talks went on for hours, the delegates said, and ended with a joint statement on trade, energy and borders.</p>";
        let teaser = "<div class=\"teaser\"><p>Another story of the day, told in one line with a comma, for readers.</p></div>";
        let page = format!(
            "<html><body><article>{}</article>{}</body></html>",
            paragraph.repeat(10),
            teaser.repeat(12)
        );
        let found = main_text(&Html::parse_document(&page));
        assert!(found.sure, "{}", found.text);
        assert_eq!(found.text.lines().count(), 10);
        // A second body of paragraphs elsewhere is a rival: not sure.
        let page = format!(
            "<html><body><article>{}</article><div><div><div class=\"more\">{}</div></div></div></body></html>",
            paragraph.repeat(10),
            paragraph.repeat(9)
        );
        assert!(!main_text(&Html::parse_document(&page)).sure);
    }

    #[test]
    fn a_page_wrapper_is_never_furniture() {
        let paragraph = "<p>The talks went on for hours, the delegates said, and ended with a joint statement on trade, energy and borders.</p>";
        let page = format!(
            "<html><head><script type=\"application/ld+json\">{}</script></head><body>\
             <div class=\"page has-sidebar\"><div class=\"sidebar\">Most read today</div>\
             <div class=\"story\">{}</div></div></body></html>",
            r#"{"headline": "x"}"#.repeat(300),
            paragraph.repeat(12)
        );
        let found = main_text(&Html::parse_document(&page));
        assert!(found.sure);
        assert_eq!(found.text.lines().count(), 12);
        assert!(!found.text.contains("Most read"));
        assert!(!found.text.contains("headline"));
    }

    #[test]
    fn boilerplate_words_fit_the_lookup() {
        assert!(BOILERPLATE.iter().all(|w| w.len() <= LONGEST_WORD));
    }

    #[test]
    fn boilerplate_words_match_whole_class_tokens() {
        let page = Html::parse_document(
            r#"<div class="header-ad">x</div><div class="adventure">y</div><div id="main-nav">z</div>"#,
        );
        let divs: Vec<bool> = page
            .select(&scraper::Selector::parse("div").unwrap())
            .map(|d| is_furniture(d.value()))
            .collect();
        assert_eq!(divs, [true, false, true]);
    }
}
