//! HTML pages to documents: main text with our own block extractor (`blocks.rs`) or,
//! where it is not sure, trafilatura (Rust port); metadata from JSON-LD, `<meta>` tags,
//! `<time>`, the byline and the URL.
//!
//! Why this split (numbers in `docs/quality.md`, "HTML extraction"): with trafilatura-rs on every
//! page we were ~4× faster than Python trafilatura, not the 10× wanted, and two thirds of our time
//! was inside trafilatura-rs. Our extractor reads the one `scraper` parse that our metadata
//! reader also uses, and on the pages where it is sure (122 of the 149 dev pages) it is as good
//! as trafilatura or better (dev HTML_F1 0.9128 for the mix, 0.9037 with trafilatura
//! everywhere); the other pages still get trafilatura's extraction, whose recall-oriented
//! heuristics win there. trafilatura's metadata reader is also asked for pages without a date
//! in their metadata or URL, since it finds dates written in bylines. Our own code further adds
//! what the record needs: byte decoding ([`crate::decode_html`]), publication dates with their
//! time and offset, language, canonical URL, outlet, and a plain fallback for pages where no
//! extractor finds anything.
use crate::blocks::main_text;
use crate::dates::{date_from_url, normalize_date};
use crate::{Document, decode::looks_binary, decode_html};
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;
use std::sync::LazyLock;
use trafilatura::dom::Document as Dom;

/// Transport metadata that helps read a page: its URL and the charset of an HTTP header.
#[derive(Clone, Copy, Debug, Default)]
pub struct HtmlHints<'a> {
    /// The page's URL (WARC target URI, feed link, JSONL `uri`).
    pub uri: Option<&'a str>,
    /// A charset declared outside the page (HTTP `Content-Type`).
    pub charset: Option<&'a str>,
}

/// A document from the bytes of an HTML page named `name` (its uri; a canonical URL the page
/// states goes to `canonical_url`).
///
/// The text is the page title, a blank line, and the main text (headings, paragraphs, lists,
/// block quotes, one block per paragraph) without navigation, ads, comments, related links,
/// cookie banners or scripts. Problems (undecodable bytes, binary data, no main text) become
/// warnings naming `name`.
pub fn read_html(bytes: &[u8], name: &str) -> Document {
    let mut doc = read_html_with(bytes, name, HtmlHints::default());
    doc.uri = Some(name.to_string());
    doc
}

/// [`read_html`] with transport metadata; `uri` is the hint's uri, else the page's canonical URL.
pub fn read_html_with(bytes: &[u8], name: &str, hints: HtmlHints) -> Document {
    let (source, warnings) = decode_html(bytes, name, hints.charset);
    let mut doc = html_document(&source, name, hints.uri);
    doc.warnings.splice(0..0, warnings);
    doc
}

/// A document from already decoded HTML (a JSON Lines `html` field).
pub fn html_document(html: &str, name: &str, uri: Option<&str>) -> Document {
    let mut warnings = Vec::new();
    if looks_binary(html) {
        return Document {
            uri: uri.map(str::to_string),
            warnings: vec![format!(
                "{name}: looks like binary data, not HTML; no text extracted"
            )],
            ..Document::default()
        };
    }
    let depth = nesting_depth(html, MAX_DEPTH);
    if depth > MAX_DEPTH {
        warnings.push(format!(
            "{name}: tags nested more than {MAX_DEPTH} deep; text extracted without layout analysis"
        ));
        let text = paragraphs(&flat_text(html));
        if text.is_empty() {
            warnings.push(format!("{name}: no text found in the page"));
        }
        return Document {
            text,
            uri: uri.map(str::to_string),
            published: uri.and_then(date_from_url),
            warnings,
            ..Document::default()
        };
    }
    let inert_free = without_inert(html);
    let parsed = Html::parse_document(&only_read_attributes(&inert_free));
    let page = PageMeta::read(&parsed);
    let own = main_text(&parsed);
    let mut byline_found: Option<(String, Option<String>)> = None;
    let (text, meta) = if own.sure {
        // trafilatura's metadata reader also finds dates written in the page ("02/10/2020" in
        // a byline): asked only when neither the page's metadata nor its URL has a date.
        let undated = page.published.is_none()
            && uri
                .or(page.canonical.as_deref())
                .and_then(date_from_url)
                .is_none();
        // A date and an author in the byline make that search (a second parse and walk of the
        // page) unnecessary.
        let (date, author) = if undated {
            byline(&parsed)
        } else {
            (None, None)
        };
        let author = page.author.clone().or(author);
        let meta = match date {
            Some(date) if author.is_some() => {
                byline_found = Some((date, author));
                None
            }
            _ => undated.then(|| {
                trafilatura::metadata::extract_metadata(
                    &Dom::parse(&inert_free),
                    &trafilatura_options(&page, uri),
                )
            }),
        };
        (own.text, meta)
    } else {
        trafilatura_text(&inert_free, html, &parsed, &page, uri, name, &mut warnings)
    };
    let meta = meta.unwrap_or_default();
    let nonempty = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    // A "title" of more than 300 characters is a paragraph that trafilatura fell back on.
    let title = page
        .title
        .clone()
        .or_else(|| nonempty(&meta.title))
        .filter(|t| t.chars().count() <= 300);
    let url_date = uri
        .and_then(date_from_url)
        .or_else(|| page.canonical.as_deref().and_then(date_from_url));
    let published = choose_date(
        page.published.clone().or_else(|| {
            uri.filter(|u| date_from_url(u).is_none())
                .map(unarchived)
                .and_then(url_year_month)
                .and_then(|ym| date_in_month(html, ym))
        }),
        meta.date
            .map(|d| d.format("%Y-%m-%d").to_string())
            .or_else(|| byline_found.as_ref().map(|(d, _)| d.clone())),
        url_date,
    );
    let canonical = page.canonical.clone().or_else(|| nonempty(&meta.url));
    let host = uri
        .map(unarchived)
        .or(canonical.as_deref())
        .and_then(|u| url::Url::parse(u).ok())
        .and_then(|u| {
            u.host_str()
                .map(|h| h.trim_start_matches("www.").to_string())
        });
    let outlet = page
        .site_name
        .clone()
        .or_else(|| nonempty(&meta.sitename))
        .or(host);
    let author = nonempty(&meta.author)
        .or(page.author.clone())
        .or_else(|| byline_found.and_then(|(_, a)| a));
    let mut body = paragraphs(&text);
    if body.is_empty() {
        warnings.push(format!("{name}: no text found in the page"));
    }
    if let Some(t) = &title
        && !body.is_empty()
        && !body.starts_with(t.as_str())
    {
        body = format!("{t}\n\n{body}");
    }
    let language = page.language.filter(|declared| {
        let sample: String = body.chars().take(1000).collect();
        match detected_language(&sample) {
            Some(found) if found != declared => {
                warnings.push(format!(
                    "{name}: the page declares language {declared:?} but its text reads as {found:?}; declaration ignored"
                ));
                false
            }
            _ => true,
        }
    });
    Document {
        text: body,
        uri: uri.map(str::to_string).or(canonical.clone()),
        outlet,
        title,
        published,
        language,
        author,
        canonical_url: canonical,
        warnings,
        ..Document::default()
    }
}

/// trafilatura's options for a page: its URL, comments left out (they are never main text),
/// and no date search when the page's own metadata has a date (that date wins in
/// [`choose_date`]; trafilatura's search walks the whole tree).
fn trafilatura_options(page: &PageMeta, uri: Option<&str>) -> trafilatura::Options {
    let mut opts = trafilatura::Options::default();
    if page.published.is_some() {
        opts.html_date_mode = trafilatura::HtmlDateMode::Disabled;
    }
    opts.original_url = uri
        .map(unarchived)
        .or(page.canonical.as_deref())
        .and_then(|u| url::Url::parse(u).ok())
        .filter(|u| matches!(u.scheme(), "http" | "https"));
    opts.exclude_comments = true;
    opts
}

/// The main text as trafilatura finds it, with its metadata: for the pages our own extractor
/// is not sure about.
fn trafilatura_text(
    inert_free: &str,
    html: &str,
    parsed: &Html,
    page: &PageMeta,
    uri: Option<&str>,
    name: &str,
    warnings: &mut Vec<String>,
) -> (String, Option<trafilatura::Metadata>) {
    let opts = trafilatura_options(page, uri);
    match trafilatura::extract_document(Dom::parse(inert_free), &opts) {
        Ok(result) if result.content_text.trim().len() >= SHORT => {
            // trafilatura's `content_text` joins paragraphs with spaces; its HTML keeps them.
            (
                block_text(&Html::parse_fragment(&result.content_html)),
                Some(result.metadata),
            )
        }
        // On a short page trafilatura falls back to all the body's text, menus included: our
        // block walk, which drops navigation, headers, footers and asides, does better there.
        Ok(result) if !result.content_text.trim().is_empty() => {
            let own = block_text(parsed);
            let text = if own.trim().is_empty() {
                block_text(&Html::parse_fragment(&result.content_html))
            } else {
                own
            };
            (text, Some(result.metadata))
        }
        outcome => {
            let why = match outcome {
                Err(e) => e.to_string(),
                Ok(_) => "empty main text".to_string(),
            };
            let meta = trafilatura::metadata::extract_metadata(&Dom::parse(html), &opts);
            let text = block_text(parsed);
            if !text.trim().is_empty() {
                warnings.push(format!(
                    "{name}: no main text found ({why}); kept the text of every block"
                ));
            }
            (text, Some(meta))
        }
    }
}

/// The publication date: the page's own metadata, else trafilatura's date, else the URL's.
///
/// A URL date one day away from a UTC metadata time stamp wins: the time stamp is then usually
/// that of an evening article, the URL the local publication date readers see.
fn choose_date(page: Option<String>, found: Option<String>, url: Option<String>) -> Option<String> {
    let day = |d: &str| d.get(..10)?.parse::<jiff::civil::Date>().ok();
    match (page.or(found), url) {
        (Some(d), Some(u)) => match (day(&d), day(&u)) {
            (Some(a), Some(b)) if a != b && (a - b).get_days().abs() <= 1 && is_utc(&d) => Some(u),
            _ => Some(d),
        },
        (d, u) => d.or(u),
    }
}

/// The original URL of a web-archive capture (`https://web.archive.org/web/<time>/<url>`).
fn unarchived(uri: &str) -> &str {
    match uri.find("/web/") {
        Some(i) if uri[..i].contains("archive.org") => {
            let rest = &uri[i + 5..];
            rest.split_once('/').map_or(uri, |(_, original)| original)
        }
        _ => uri,
    }
}

/// The year and month of a URL path without a day (`/2010/05/slug`).
fn url_year_month(url: &str) -> Option<(i32, u32)> {
    let path = url.split_once("://").map_or(url, |(_, r)| r);
    let parts: Vec<&str> = path.split('/').collect();
    parts.windows(2).find_map(|w| {
        let (y, m) = (w[0].parse::<i32>().ok()?, w[1].parse::<u32>().ok()?);
        ((1990..=2100).contains(&y) && w[1].len() == 2 && (1..=12).contains(&m)).then_some((y, m))
    })
}

/// The first date written in the page's text in the given year and month ("19. Mai 2010"
/// for a URL `/2010/05/…`): the URL gives the month, the byline the day.
fn date_in_month(html: &str, (year, month): (i32, u32)) -> Option<String> {
    let text = flat_text(html);
    let y = year.to_string();
    let prefix = format!("{y}-{month:02}-");
    text.match_indices(&y).find_map(|(at, _)| {
        let mut start = at.saturating_sub(30);
        while !text.is_char_boundary(start) {
            start += 1;
        }
        let window = &text[start..at + 4];
        (0..window.len())
            .filter(|&i| window.is_char_boundary(i))
            .find_map(|i| normalize_date(&window[i..]).filter(|d| d.starts_with(&prefix)))
    })
}

/// The date and the author's name the page's byline states, outside page furniture: the text
/// of a short element whose class or id names a date or time, not an update
/// (`<span class="itemPostDate">am 25.08.2015 22:30</span>`, `<span class="time">02/10/2020</span>`),
/// and that of one whose class, id, `rel` or `itemprop` names the author
/// (`<div class="author">Written by: Ann Smith</div>`: what follows a colon).
fn byline(page: &Html) -> (Option<String>, Option<String>) {
    let (mut date, mut author) = (None, None);
    let mut furniture = 0usize;
    for edge in page.tree.root().traverse() {
        let node = match edge {
            Edge::Open(node) => node,
            Edge::Close(node) => {
                if furniture > 0 && matches!(node.value(), Node::Element(_)) {
                    furniture -= 1;
                }
                continue;
            }
        };
        let Node::Element(e) = node.value() else {
            continue;
        };
        if furniture > 0 || crate::blocks::is_furniture(e) {
            furniture += 1;
            continue;
        }
        let named = |words: &[&str], attrs: &[&str]| {
            e.attrs().any(|(name, value)| {
                attrs.contains(&name) && {
                    let v = value.to_ascii_lowercase();
                    words.iter().any(|w| v.contains(w))
                        && !v.contains("update")
                        && !v.contains("modif")
                }
            })
        };
        let short_text = || {
            let text: String = ElementRef::wrap(node)?.text().collect();
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            Some(text).filter(|t| !t.is_empty() && t.len() <= 80)
        };
        if date.is_none() && named(&["date", "time"], &["class", "id"]) {
            date = short_text().and_then(|text| {
                std::iter::once(0)
                    .chain(text.match_indices(' ').map(|(i, _)| i + 1))
                    .find_map(|i| normalize_date(&text[i..]))
            });
        }
        if author.is_none() && named(&["author"], &["class", "id", "rel", "itemprop"]) {
            author = short_text()
                .map(|t| {
                    t.rsplit_once(':')
                        .map_or(t.as_str(), |(_, a)| a)
                        .trim()
                        .to_string()
                })
                .filter(|a| a.chars().count() >= 3 && a.chars().count() <= 60);
        }
        if date.is_some() && author.is_some() {
            break;
        }
    }
    (date, author)
}

/// A date-time stated in UTC (`Z`, `+00:00`), rather than in the publisher's local time.
fn is_utc(date: &str) -> bool {
    date.len() > 10 && (date.ends_with('Z') || date.ends_with("+00:00"))
}

/// One paragraph per line of extracted text, separated by blank lines, spaces collapsed.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text.lines() {
        let mut first = true;
        for word in line.split_whitespace() {
            if first {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                first = false;
            } else {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

/// Metadata read straight from the page.
#[derive(Debug, Default)]
struct PageMeta {
    title: Option<String>,
    published: Option<String>,
    language: Option<String>,
    canonical: Option<String>,
    site_name: Option<String>,
    author: Option<String>,
}

/// `<meta>` names and properties stating a publication date, best first.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "og:published_time",
    "published_time",
    "article.published",
    "publication_date",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
    "article:modified_time",
];

/// A CSS selector of this module (all are valid: the tests parse every page).
fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("valid selector")
}

static META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
static JSON_LD: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"script[type="application/ld+json"]"#));
static ITEMPROP_DATE: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"[itemprop="datePublished"]"#));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static LINK_REL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel]"));
static HTML: LazyLock<Selector> = LazyLock::new(|| selector("html"));

/// All the text inside an element.
fn text_of(e: ElementRef) -> String {
    e.text().collect()
}

impl PageMeta {
    fn read(page: &Html) -> PageMeta {
        let mut meta = PageMeta::default();
        let mut tags: Vec<(String, String)> = Vec::new();
        for e in page.select(&META) {
            let e = e.value();
            let key = ["property", "name", "itemprop", "http-equiv"]
                .iter()
                .find_map(|a| e.attr(a));
            if let (Some(k), Some(v)) = (key, e.attr("content")) {
                let v = v.trim().to_string();
                if !v.is_empty() {
                    tags.push((k.trim().to_ascii_lowercase(), v));
                }
            }
        }
        let tag = |k: &str| tags.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
        let mut ld = JsonLd::default();
        for e in page.select(&JSON_LD) {
            if let Ok(v) = serde_json::from_str::<Value>(text_of(e).trim()) {
                ld.visit(&v, 0);
            }
        }
        let from_meta = || {
            DATE_META
                .iter()
                .find_map(|k| tag(k).and_then(|v| normalize_date(&v)))
        };
        let from_ld = || ld.published.iter().find_map(|d| normalize_date(d));
        meta.published = from_meta()
            .or_else(from_ld)
            .or_else(|| {
                page.select(&ITEMPROP_DATE).find_map(|e| {
                    ["datetime", "content"]
                        .iter()
                        .find_map(|a| e.value().attr(a).map(str::to_string))
                        .or_else(|| Some(text_of(e)))
                        .and_then(|v| normalize_date(&v))
                })
            })
            .or_else(|| {
                let pubdate = page
                    .select(&TIME)
                    .find(|e| e.value().attr("pubdate").is_some())
                    .or_else(|| page.select(&TIME).next());
                pubdate.and_then(|e| {
                    e.value()
                        .attr("datetime")
                        .and_then(normalize_date)
                        .or_else(|| normalize_date(&text_of(e)))
                })
            });
        meta.title = tag("og:title")
            .or(ld.headline.clone())
            .or_else(|| {
                page.select(&TITLE)
                    .next()
                    .map(|e| text_of(e).trim().to_string())
            })
            .filter(|t| !t.is_empty());
        meta.site_name = tag("og:site_name").or(ld.publisher.clone());
        meta.author = ld.author.clone().or_else(|| tag("author"));
        meta.canonical = page
            .select(&LINK_REL)
            .find(|e| {
                e.value().attr("rel").is_some_and(|r| {
                    r.split_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                })
            })
            .and_then(|e| e.value().attr("href").map(str::to_string))
            .or_else(|| tag("og:url"))
            .map(|u| u.trim().to_string())
            .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
        meta.language = page
            .select(&HTML)
            .next()
            .and_then(|e| e.value().attr("lang").map(str::to_string))
            .or_else(|| tag("content-language"))
            .or_else(|| tag("og:locale"))
            .or(ld.language.clone())
            .and_then(|l| language_code(&l));
        meta
    }
}

/// The ISO 639-1 code of the language whatlang reliably identifies in `text`, if any. Pages
/// often declare a template's language (`<html lang="en">` on a Spanish article), and a
/// declared language is trusted downstream, so a clear contradiction drops it.
fn detected_language(text: &str) -> Option<&'static str> {
    const CODES: &[(&str, &str)] = &[
        ("eng", "en"),
        ("ita", "it"),
        ("spa", "es"),
        ("fra", "fr"),
        ("deu", "de"),
        ("rus", "ru"),
        ("por", "pt"),
        ("nld", "nl"),
        ("pol", "pl"),
        ("ukr", "uk"),
        ("tur", "tr"),
        ("ara", "ar"),
        ("cmn", "zh"),
        ("jpn", "ja"),
        ("kor", "ko"),
        ("ben", "bn"),
        ("hin", "hi"),
        ("swe", "sv"),
        ("dan", "da"),
        ("nob", "no"),
        ("fin", "fi"),
        ("ces", "cs"),
        ("ron", "ro"),
        ("hun", "hu"),
        ("ell", "el"),
        ("heb", "he"),
        ("pes", "fa"),
        ("cat", "ca"),
        ("bul", "bg"),
        ("hrv", "hr"),
        ("srp", "sr"),
        ("slk", "sk"),
        ("slv", "sl"),
        ("ind", "id"),
        ("vie", "vi"),
        ("tha", "th"),
    ];
    let info = whatlang::detect(text)?;
    if !info.is_reliable() || text.len() < 200 {
        return None;
    }
    let code = info.lang().code();
    CODES
        .iter()
        .find(|(three, _)| *three == code)
        .map(|(_, two)| *two)
}

/// The ISO 639-1 code at the start of a language tag ("it-IT", "en_US", "de").
fn language_code(tag: &str) -> Option<String> {
    let code = tag
        .trim()
        .split(['-', '_', ',', ' '])
        .next()?
        .to_ascii_lowercase();
    (code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase())).then_some(code)
}

/// What the page's JSON-LD says about the article.
#[derive(Debug, Default)]
struct JsonLd {
    published: Vec<String>,
    headline: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    language: Option<String>,
}

impl JsonLd {
    /// Walks objects, arrays and `@graph`s; article-like objects are read first.
    fn visit(&mut self, v: &Value, depth: usize) {
        if depth > 16 {
            return;
        }
        match v {
            Value::Array(items) => items.iter().for_each(|i| self.visit(i, depth + 1)),
            Value::Object(o) => {
                let kind = match o.get("@type") {
                    Some(Value::String(s)) => s.clone(),
                    Some(Value::Array(a)) => a
                        .iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(" "),
                    _ => String::new(),
                };
                let article = ["Article", "Posting", "Report", "BlogPosting", "WebPage"]
                    .iter()
                    .any(|k| kind.contains(k));
                if article || kind.is_empty() {
                    if let Some(Value::String(d)) = o.get("datePublished") {
                        if kind.contains("WebPage") {
                            self.published.push(d.clone());
                        } else {
                            self.published.insert(0, d.clone());
                        }
                    }
                    if self.headline.is_none()
                        && let Some(Value::String(h)) = o.get("headline")
                    {
                        self.headline = Some(h.trim().to_string()).filter(|h| !h.is_empty());
                    }
                    if self.author.is_none() {
                        self.author = o.get("author").and_then(name_of);
                    }
                    if self.publisher.is_none() {
                        self.publisher = o.get("publisher").and_then(name_of);
                    }
                    if self.language.is_none() {
                        self.language = o.get("inLanguage").and_then(name_of);
                    }
                }
                for (k, child) in o {
                    if matches!(k.as_str(), "@graph" | "mainEntity" | "mainEntityOfPage") {
                        self.visit(child, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }
}

/// A name: a string, an object's `name`, or the names of a list joined by ", ".
fn name_of(v: &Value) -> Option<String> {
    let name = match v {
        Value::String(s) => s.trim().to_string(),
        Value::Object(o) => o.get("name").and_then(name_of)?,
        Value::Array(a) => a.iter().filter_map(name_of).collect::<Vec<_>>().join(", "),
        _ => return None,
    };
    Some(name).filter(|n| !n.is_empty())
}

/// Elements whose text is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button",
    "template", "svg", "iframe", "select", "head",
];

/// The text of every block outside navigation, headers, footers and scripts, one block per
/// line: trafilatura's cleaned HTML, or the whole page when trafilatura finds no main text.
/// One iterative walk, so deep nesting costs no stack.
fn block_text(page: &Html) -> String {
    let mut out = String::new();
    let mut skipping = 0usize;
    for edge in page.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) if SKIP.contains(&e.name()) => skipping += 1,
                Node::Element(e) if crate::blocks::BLOCKS.contains(&e.name()) => out.push('\n'),
                Node::Text(t) if skipping == 0 => out.push_str(t),
                _ => {}
            },
            Edge::Close(node) => match node.value() {
                Node::Element(e) if SKIP.contains(&e.name()) => skipping -= 1,
                Node::Element(e) if crate::blocks::BLOCKS.contains(&e.name()) => out.push('\n'),
                _ => {}
            },
        }
    }
    out
}

/// Extracted text shorter than this (bytes) is checked against our own block walk.
const SHORT: usize = 250;

/// Deeper pages skip trafilatura and html5ever, whose costs grow with depth (html5ever's
/// scope checks walk the stack of open elements: quadratic on 100,000 nested `<div>`s).
const MAX_DEPTH: usize = 1000;

/// The page without what can never be main text or metadata: scripts (except JSON-LD), styles,
/// inline SVG and comments. They are often half of a news page's bytes, and every text node
/// costs the parser and trafilatura's per-node trimming; cutting them first makes extraction
/// markedly faster with the same output. A byte scan rather than a DOM pass, because the point
/// is to avoid building those nodes at all; an element left open runs to the end of the page,
/// as an HTML parser would read it.
fn without_inert(html: &str) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut at = 0;
    while let Some(k) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + k;
        let rest = &bytes[start + 1..];
        let end = if rest.starts_with(b"!--") {
            find(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3)
        } else if let Some(name) = [&b"script"[..], b"style", b"svg"]
            .into_iter()
            .find(|n| starts_with_tag(rest, n))
        {
            let open_end = memchr::memchr(b'>', &bytes[start..]).map_or(bytes.len(), |e| start + e);
            let open = &bytes[start..open_end];
            if name == b"script" && find(open, 0, b"ld+json").is_some() {
                at = open_end.min(bytes.len() - 1) + 1;
                continue;
            }
            closing_tag(bytes, open_end, name).unwrap_or(bytes.len())
        } else {
            at = start + 1;
            continue;
        };
        let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
        buf.push_str(&html[copied..start]);
        copied = end;
        at = end;
        if at >= bytes.len() {
            break;
        }
    }
    match out {
        None => std::borrow::Cow::Borrowed(html),
        Some(mut buf) => {
            buf.push_str(&html[copied.min(html.len())..]);
            std::borrow::Cow::Owned(buf)
        }
    }
}

/// Attributes our own readers look at (`PageMeta`, `blocks`, [`byline`]; `type` also decides
/// where the tree builder puts an `<input>` in a table). `href` is read on `<link>` only.
const READ_ATTRIBUTES: &[&str] = &[
    "class",
    "id",
    "hidden",
    "aria-hidden",
    "rel",
    "content",
    "property",
    "name",
    "itemprop",
    "http-equiv",
    "type",
    "datetime",
    "pubdate",
    "lang",
    "charset",
];

/// Elements whose content is text, not markup, up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "title",
    "textarea",
    "noscript",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// The page with only the attributes our own readers use, for our own parse (trafilatura
/// parses the page as it is). Attributes are about two thirds of a news page's bytes once
/// scripts are gone (links' `href`, `data-*`, `srcset`, `style`), and html5ever reads them one
/// character at a time; the elements, their text and the attributes kept are as the parser would
/// read them from the page. A byte scan following the tokenizer's attribute rules (quoted and
/// unquoted values, `/` between attributes); a tag left open at the end is copied as it is.
fn only_read_attributes(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    let mut at = 0;
    let mut attrs = Vec::new();
    while let Some(k) = memchr::memchr(b'<', &b[at..]) {
        let start = at + k;
        at = start + 1;
        if !b.get(at).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_end = b[at..]
            .iter()
            .position(|c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'))
            .map_or(b.len(), |p| at + p);
        let name = &b[at..name_end];
        let Some((end, self_closing)) = start_tag_attributes(b, name_end, &mut attrs) else {
            break; // a tag open at the end: the parser drops it, and so it stays
        };
        let keep_href = name.eq_ignore_ascii_case(b"link");
        out.push_str(&html[copied..name_end]);
        for &(n, text) in &attrs {
            let n = &html[n.0..n.1];
            if READ_ATTRIBUTES.iter().any(|r| r.eq_ignore_ascii_case(n))
                || (keep_href && n.eq_ignore_ascii_case("href"))
            {
                out.push(' ');
                out.push_str(&html[text.0..text.1]);
            }
        }
        out.push_str(if self_closing { "/>" } else { ">" });
        copied = end;
        at = end;
        if is_one_of(RAW_TEXT, name) {
            at = if name.eq_ignore_ascii_case(b"plaintext") {
                b.len()
            } else {
                raw_end(b, end, name)
            };
        }
    }
    out.push_str(&html[copied.min(html.len())..]);
    out
}

/// A span of bytes in the page.
type Span = (usize, usize);

/// The attributes of a start tag whose name ends at `from`, into `attrs` as (name, whole
/// attribute); returns the index after its `>` and whether it ends with `/>`, or `None` when the
/// page ends inside the tag.
fn start_tag_attributes(
    b: &[u8],
    from: usize,
    attrs: &mut Vec<(Span, Span)>,
) -> Option<(usize, bool)> {
    attrs.clear();
    let mut i = from;
    loop {
        // Before an attribute name: spaces and stray slashes.
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            if b[i] == b'/' && b.get(i + 1) == Some(&b'>') {
                return Some((i + 2, true));
            }
            i += 1;
        }
        if *b.get(i)? == b'>' {
            return Some((i + 1, false));
        }
        let name_start = i;
        i += 1; // the first character belongs to the name, even `=`
        while i < b.len() && !(b[i].is_ascii_whitespace() || matches!(b[i], b'/' | b'>' | b'=')) {
            i += 1;
        }
        let name_end = i;
        let mut j = i;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if b.get(j) == Some(&b'=') {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            match *b.get(j)? {
                q @ (b'"' | b'\'') => {
                    j = memchr::memchr(q, &b[j + 1..]).map(|p| j + 1 + p + 1)?;
                }
                b'>' => {}
                _ => {
                    while j < b.len() && !(b[j].is_ascii_whitespace() || b[j] == b'>') {
                        j += 1;
                    }
                }
            }
            i = j;
        }
        attrs.push(((name_start, name_end), (name_start, i)));
    }
}

/// True when `rest` (what follows a `<`) opens the element `name`, in any case.
fn starts_with_tag(rest: &[u8], name: &[u8]) -> bool {
    rest.len() > name.len()
        && rest[..name.len()].eq_ignore_ascii_case(name)
        && matches!(rest[name.len()], b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')
}

/// Where `needle` first occurs in `hay` at or after `from`, ASCII case-insensitively.
fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    find_ascii_ci(hay.get(from..)?, needle).map(|p| from + p)
}

/// The end of `</name…>` after `from`, ASCII case-insensitively.
fn closing_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(k) = memchr::memmem::find(&bytes[at..], b"</") {
        let start = at + k;
        if starts_with_tag(&bytes[start + 2..], name) {
            return Some(
                memchr::memchr(b'>', &bytes[start..]).map_or(bytes.len(), |e| start + e + 1),
            );
        }
        at = start + 2;
    }
    None
}

/// Elements without content or whose end tag is usually implied: not counted as nesting.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th", "!doctype",
];
/// Elements whose content is not markup text.
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "noscript", "template", "svg",
];

/// One step of a byte-level tag scanner: the tag at `at` (just after `<`), as
/// (name as written, closing, self-closing, index after `>`).
fn tag_at(b: &[u8], at: usize) -> Option<(&[u8], bool, bool, usize)> {
    let closing = b.get(at) == Some(&b'/');
    let start = at + usize::from(closing);
    let first = *b.get(start)?;
    if !(first.is_ascii_alphabetic() || first == b'!') {
        return None;
    }
    let len = b[start..]
        .iter()
        .position(|c| c.is_ascii_whitespace() || matches!(c, b'>' | b'/'))
        .unwrap_or(b.len() - start);
    let end = memchr::memchr(b'>', &b[start..]).map_or(b.len(), |p| start + p + 1);
    let self_closing = end >= 2 && b[end - 2] == b'/';
    Some((&b[start..start + len], closing, self_closing, end))
}

/// True when the tag name (any case) is one of `names` (lower case).
fn is_one_of(names: &[&str], name: &[u8]) -> bool {
    names
        .iter()
        .any(|n| n.as_bytes().eq_ignore_ascii_case(name))
}

/// Where the text of a raw element opened by tag `name` ends (its `</name`), from `from`.
fn raw_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let close = [b"</", name].concat();
    find_ascii_ci(&b[from..], &close).map_or(b.len(), |e| from + e)
}

/// The nesting depth of the page's tags, counted with a byte scanner (no DOM); counting stops
/// past `limit`.
fn nesting_depth(html: &str, limit: usize) -> usize {
    let b = html.as_bytes();
    let (mut depth, mut max, mut i) = (0usize, 0usize, 0usize);
    while let Some(p) = memchr::memchr(b'<', &b[i..]) {
        let at = i + p + 1;
        if b[at..].starts_with(b"!--") {
            i = memchr::memmem::find(&b[at..], b"-->").map_or(b.len(), |e| at + e + 3);
            continue;
        }
        let Some((name, closing, self_closing, end)) = tag_at(b, at) else {
            i = at;
            continue;
        };
        i = end;
        if closing {
            depth = depth.saturating_sub(1);
        } else if is_one_of(RAW, name) && !self_closing {
            i = raw_end(b, end, name);
        } else if !self_closing && !is_one_of(FLAT, name) {
            depth += 1;
            max = max.max(depth);
            if max > limit {
                break;
            }
        }
    }
    max
}

/// Where `needle` first occurs in `hay`, ASCII case-insensitively; candidates are found with
/// `memchr` on the first byte (both cases), as scripts and styles make pages long.
fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, _) = needle.split_first()?;
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), hay).find(|&i| {
        hay.get(i..i + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

/// The text of a page read with the byte scanner: tags dropped, scripts and styles skipped,
/// block tags as line breaks, common entities decoded. For pages too deep for a DOM.
fn flat_text(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        let Some(p) = memchr::memchr(b'<', &b[i..]) else {
            push_decoded(&mut out, &html[i..]);
            break;
        };
        push_decoded(&mut out, &html[i..i + p]);
        let at = i + p + 1;
        if b[at..].starts_with(b"!--") {
            i = memchr::memmem::find(&b[at..], b"-->").map_or(b.len(), |e| at + e + 3);
            continue;
        }
        let Some((name, closing, self_closing, end)) = tag_at(b, at) else {
            out.push('<');
            i = at;
            continue;
        };
        i = end;
        if !closing && !self_closing && (is_one_of(RAW, name) || is_one_of(SKIP, name)) {
            i = raw_end(b, end, name);
        } else if is_one_of(crate::blocks::BLOCKS, name) {
            out.push('\n');
        }
    }
    out
}

/// `text` with the character references pages use most decoded.
fn push_decoded(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = memchr::memchr(b';', &rest.as_bytes()[..rest.len().min(12)]);
        let decoded = end.and_then(|e| {
            let entity = &rest[1..e];
            let c = match entity {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                _ => {
                    let n = entity.strip_prefix('#')?;
                    let code = match n.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok()?,
                        None => n.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inert_elements_are_cut_before_parsing_but_json_ld_stays() {
        let page = "<p>A</p><SCRIPT src=x>var s = '</p>';</script ><p>B</p><!-- <p>C</p> -->\
            <style>p{}</style><svg viewBox=\"0 0 1 1\"><text>D</text></svg><scripted>E</scripted>\
            <script type=\"application/ld+json\">{\"datePublished\":\"2022-01-06\"}</script>";
        assert_eq!(
            without_inert(page),
            "<p>A</p><p>B</p><scripted>E</scripted>\
            <script type=\"application/ld+json\">{\"datePublished\":\"2022-01-06\"}</script>"
        );
        assert!(matches!(
            without_inert("<p>plain</p>"),
            std::borrow::Cow::Borrowed(_)
        ));
        // An element left open runs to the end, as a browser reads it.
        assert_eq!(
            without_inert("<p>A</p><script>never closed <p>B</p>"),
            "<p>A</p>"
        );
        assert_eq!(without_inert("<p>A</p><!-- open"), "<p>A</p>");
        assert_eq!(without_inert("<"), "<");
        assert_eq!(without_inert("<script"), "<script", "not a tag yet");
    }

    const ARTICLE: &str = r#"<!doctype html><html lang="it-IT"><head><title>Rivolta del gas - Il Giornale</title>
        <meta property="og:site_name" content="Il Giornale">
        <link rel="canonical" href="https://www.ilgiornale.example/esteri/2022/01/06/rivolta">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebPage","datePublished":"2021-12-31"},
          {"@type":"NewsArticle","headline":"Rivolta del gas","datePublished":"2022-01-06T10:00:00+06:00",
           "author":{"@type":"Person","name":"Maria Rossi"}}]}</script>
        <script>var x = "non testo";</script></head><body>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/esteri">Esteri</a></li></ul></nav>
        <div class="cookie-banner">Usiamo i cookie per migliorare la tua esperienza.</div>
        <article><h1>Rivolta del gas</h1>
        <p>Più di mille persone sono state ferite negli scontri di Almaty, secondo il ministero della Salute del Kazakistan, che ha diffuso un bilancio nella notte.</p>
        <p>Circa 400 persone sono ricoverate in ospedale e 62 sono in terapia intensiva, ha detto il ministero in una nota diffusa all'alba.</p>
        <blockquote><p>«La situazione è sotto controllo», ha detto il presidente ai giornalisti riuniti nella capitale.</p></blockquote>
        </article>
        <aside><h3>Leggi anche</h3><ul><li><a href="/x">Altro articolo correlato da leggere</a></li></ul></aside>
        <footer><p>Copyright 2022 Il Giornale, tutti i diritti riservati</p></footer></body></html>"#;

    #[test]
    fn main_text_and_metadata() {
        let doc = read_html(ARTICLE.as_bytes(), "page.html");
        assert!(doc.text.contains("Più di mille persone"), "{}", doc.text);
        assert!(doc.text.contains("«La situazione è sotto controllo»"));
        assert!(!doc.text.contains("Home"));
        assert!(!doc.text.contains("cookie"));
        assert!(!doc.text.contains("Copyright"));
        assert!(!doc.text.contains("non testo"));
        assert!(!doc.text.contains("correlato"));
        assert!(doc.text.starts_with("Rivolta del gas\n\n"), "{}", doc.text);
        assert_eq!(doc.published.as_deref(), Some("2022-01-06T10:00:00+06:00"));
        assert_eq!(doc.language.as_deref(), Some("it"));
        assert_eq!(doc.outlet.as_deref(), Some("Il Giornale"));
        assert_eq!(doc.author.as_deref(), Some("Maria Rossi"));
        assert_eq!(
            doc.canonical_url.as_deref(),
            Some("https://www.ilgiornale.example/esteri/2022/01/06/rivolta")
        );
        assert_eq!(doc.uri.as_deref(), Some("page.html"));
        assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    }

    #[test]
    fn date_from_time_element_or_url() {
        let page = r#"<html><body><article><p>Testo.</p><time datetime="2022-01-05">ieri</time></article></body></html>"#;
        let doc = html_document(page, "a", None);
        assert_eq!(doc.published.as_deref(), Some("2022-01-05"));
        let page = "<html><body><article><p>Testo.</p></article></body></html>";
        let doc = html_document(page, "a", Some("https://x.example/2022/01/06/a.html"));
        assert_eq!(doc.published.as_deref(), Some("2022-01-06"));
        assert_eq!(doc.outlet.as_deref(), Some("x.example"));
    }

    #[test]
    fn date_and_author_from_the_byline() {
        let page = Html::parse_document(
            r#"<html><body><div id="date-widget"><span class="date">19.02.2020</span></div>
            <article><div class="post-meta"><span class="itemPostDate">am 25.08.2015 22:30</span>
            <span class="last-updated">26.08.2015</span>
            <div class="author">Written by: Ann Smith</div></div><p>Text.</p></article></body></html>"#,
        );
        assert_eq!(
            byline(&page),
            (
                Some("2015-08-25".to_string()),
                Some("Ann Smith".to_string())
            )
        );
    }

    #[test]
    fn our_parse_keeps_the_attributes_we_read() {
        let page = r#"<!doctype html><html lang=it><head><title>a <b x=1> t</title>
            <link rel="canonical" href="https://x.example/a"><meta property="og:title" content="T">
            </head><body><div class="story" data-x='1 > 2' style=color:red /id=main hidden>
            <a href="/long/link" title="t">link</a><img src=x.jpg alt="a"/><p>b</p></div>
            <textarea><p class=x onclick=y>raw</p></textarea><div class="open" data-y="never closed"#;
        assert_eq!(
            only_read_attributes(page),
            r#"<!doctype html><html lang=it><head><title>a <b x=1> t</title>
            <link rel="canonical" href="https://x.example/a"><meta property="og:title" content="T">
            </head><body><div class="story" id=main hidden>
            <a>link</a><img/><p>b</p></div>
            <textarea><p class=x onclick=y>raw</p></textarea><div class="open" data-y="never closed"#
        );
    }

    #[test]
    fn a_tiny_page_keeps_its_text() {
        let doc = read_html(b"<div>solo testo</div>", "x.html");
        assert_eq!(doc.text, "solo testo");
        assert!(doc.title.is_none());
    }

    #[test]
    fn flat_text_reads_tags_entities_and_skips_scripts() {
        let t = flat_text("<div><p>a &amp; b&#233;</p><script>x<y</script><p>c &bogus; d</div>");
        assert_eq!(paragraphs(&t), "a & bé\n\nc &bogus; d");
        assert_eq!(flat_text("&nbsp;Partię i&amp"), " Partię i&amp");
        assert_eq!(nesting_depth("<div><div><p><br></div></div>", 10), 2);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let n = 100_000;
        let page = format!("{}<p>fondo</p>{}", "<div>".repeat(n), "</div>".repeat(n));
        let doc = read_html(page.as_bytes(), "deep.html");
        assert!(doc.text.contains("fondo") || !doc.warnings.is_empty());
        assert!(
            doc.warnings[0].contains("nested more than"),
            "{:?}",
            doc.warnings
        );
        assert_eq!(doc.text, "fondo");
    }
}
