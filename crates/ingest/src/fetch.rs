//! Downloading feeds and pages over HTTP(S), for `cronaca extract --fetch`.
//!
//! A blocking `ureq` agent (rustls, gzip) shared by every thread: fetching happens where the
//! document is read, so `--jobs N` downloads N pages at once. Every request has a global
//! timeout and a body limit, so a slow or endless server costs one warning, never a hung batch.
use crate::Document;
use std::time::Duration;
use ureq::ResponseExt;

/// The largest body read from one URL; longer bodies are an error, not a truncated page.
pub const MAX_BODY: u64 = 32 << 20;

/// A shared HTTP(S) client. Cloning is cheap (the connection pool is shared).
#[derive(Clone, Debug)]
pub struct Fetcher {
    agent: ureq::Agent,
}

/// A downloaded body.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL the body came from, after redirects.
    pub url: String,
    /// The `Content-Type` header, when sent.
    pub content_type: Option<String>,
    /// The body, decompressed.
    pub bytes: Vec<u8>,
}

impl Fetched {
    /// True when the server says the body is a feed (RSS, Atom or generic XML).
    pub fn looks_like_feed(&self) -> bool {
        self.content_type
            .as_deref()
            .is_some_and(|t| t.contains("rss") || t.contains("atom") || t.contains("xml"))
    }
}

impl Default for Fetcher {
    fn default() -> Self {
        Fetcher::new(Duration::from_secs(30))
    }
}

impl Fetcher {
    /// A client whose every request (connect, headers and body) must finish within `timeout`.
    pub fn new(timeout: Duration) -> Fetcher {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .user_agent(concat!(
                "cronaca/",
                env!("CARGO_PKG_VERSION"),
                " (+https://github.com/cronaca)"
            ))
            .max_redirects(5)
            .build();
        Fetcher {
            agent: config.into(),
        }
    }

    /// Downloads `url`. The error says what went wrong (status, timeout, size) and names the URL.
    pub fn get(&self, url: &str) -> Result<Fetched, String> {
        let fail = |e: ureq::Error| format!("{url}: download failed: {e}");
        let mut response = self.agent.get(url).call().map_err(fail)?;
        let final_url = response.get_uri().to_string();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_ascii_lowercase);
        let bytes = response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec()
            .map_err(fail)?;
        Ok(Fetched {
            url: final_url,
            content_type,
            bytes,
        })
    }

    /// The page behind a feed item: `item` is the document made from the item (its content,
    /// title, date, author, outlet). The page's main text replaces the item's content; the
    /// page's metadata wins where it has some, the item's fills the gaps. When the download
    /// fails the item's own content is kept, with a warning naming the URL.
    pub fn item_page(&self, item: Document, url: &str) -> Document {
        let fetched = match self.get(url) {
            Ok(f) => f,
            Err(e) => {
                let mut item = item;
                item.warnings
                    .push(format!("{e}; the feed item's own content is used"));
                return item;
            }
        };
        let mut page = crate::read_html(&fetched.bytes, url);
        if page.text.trim().is_empty() {
            let mut item = item;
            item.warnings.push(format!(
                "{url}: the page has no main text; the feed item's own content is used"
            ));
            return item;
        }
        page.uri = Some(fetched.url);
        page.title = page.title.or(item.title);
        page.published = page.published.or(item.published);
        page.author = page.author.or(item.author);
        page.outlet = page.outlet.or(item.outlet);
        page.language = page.language.or(item.language);
        page.warnings.splice(0..0, item.warnings);
        page
    }
}

/// A document for a URL that could not be downloaded: empty text, the problem as a warning.
pub fn unreachable_document(url: &str, problem: String) -> Document {
    Document {
        uri: Some(url.to_string()),
        warnings: vec![problem],
        ..Document::default()
    }
}
