//! WARC archives (plain, or gzip per record as Common Crawl writes them) to HTML pages.
//!
//! Hand-written over `flate2::bufread::GzDecoder` rather than the `warc` crate: we need the
//! byte offset of every gzip member (for warnings that say where a truncated or corrupt
//! archive broke), to skip the bodies of records we do not want without buffering them, and
//! to keep the records read before a broken one. The record format itself (a header block like
//! HTTP's and a `Content-Length` body) is small.
use flate2::bufread::GzDecoder;
use std::io::{self, BufRead, BufReader, Read};

/// Response bodies larger than this are skipped with a warning (memory stays bounded).
pub const MAX_BODY: u64 = 64 << 20;
/// Header blocks (WARC or HTTP) larger than this are treated as corrupt.
const MAX_HEADER: usize = 64 << 10;

/// An HTML page from a WARC `response` record.
#[derive(Debug, Clone, PartialEq)]
pub struct WarcPage {
    /// The HTTP body, de-chunked and decompressed.
    pub body: Vec<u8>,
    /// `WARC-Target-URI`.
    pub uri: Option<String>,
    /// `WARC-Date` (the capture time).
    pub date: Option<String>,
    /// The charset of the HTTP `Content-Type`, if any.
    pub charset: Option<String>,
    /// Byte offset of the record (of its gzip member, for compressed archives) in the file.
    pub offset: u64,
}

/// What a WARC archive yields: pages, and problems naming the file and byte offset.
#[derive(Debug, Clone, PartialEq)]
pub enum WarcItem {
    /// A `response` record with an HTML body.
    Page(WarcPage),
    /// Something that could not be read: `name: at byte N: …`.
    Problem(String),
}

/// A streaming reader of WARC records: one [`WarcItem::Page`] per HTML `response` record,
/// other records skipped; memory is bounded by the largest page read (at most [`MAX_BODY`]).
///
/// A truncated or corrupt gzip member gives a [`WarcItem::Problem`] with its offset; the
/// reader then looks for the next gzip member, so the records before (and after) are kept.
pub struct WarcReader<R> {
    input: Counting<R>,
    name: String,
    gzip: Option<bool>,
    done: bool,
    pending: std::collections::VecDeque<WarcItem>,
}

impl<R: BufRead> WarcReader<R> {
    /// A reader over `input`; `name` is used in problems.
    pub fn new(input: R, name: &str) -> WarcReader<R> {
        WarcReader {
            input: Counting {
                inner: input,
                pos: 0,
            },
            name: name.to_string(),
            gzip: None,
            done: false,
            pending: Default::default(),
        }
    }

    fn problem(&self, offset: u64, what: impl std::fmt::Display) -> WarcItem {
        WarcItem::Problem(format!("{}: at byte {offset}: {what}", self.name))
    }

    /// Reads the next gzip member (or, uncompressed, the next record) into `pending`.
    fn step(&mut self) {
        let offset = self.input.pos;
        let head = match self.input.fill_buf() {
            Ok(b) => b.get(..2).map(<[u8]>::to_vec).unwrap_or_else(|| b.to_vec()),
            Err(e) => {
                let p = self.problem(self.input.pos, format!("read error: {e}"));
                self.pending.push_back(p);
                self.done = true;
                return;
            }
        };
        if head.is_empty() {
            self.done = true;
            return;
        }
        let gzip = *self.gzip.get_or_insert(head.starts_with(&[0x1f, 0x8b]));
        if !gzip {
            let mut items = Vec::new();
            let result = read_record(&mut self.input, offset, &mut items);
            let failed = result.is_err();
            self.pending
                .extend(items.into_iter().map(|i| i.into_item(&self.name)));
            if let Err(e) = result {
                let p = self.problem(offset, e);
                self.pending.push_back(p);
            }
            // An uncompressed archive cannot be resynchronised reliably: stop at the first
            // broken record.
            self.done |= failed;
            return;
        }
        if !head.starts_with(&[0x1f, 0x8b]) {
            // Garbage between members: skip to the next gzip magic.
            let p = self.problem(offset, "not a gzip member; skipped to the next one");
            self.pending.push_back(p);
            self.resync();
            return;
        }
        let mut member = BufReader::new(GzDecoder::new(&mut self.input));
        let mut items = Vec::new();
        let mut outcome = Ok(());
        // A member usually holds one record, but may hold several (or all).
        loop {
            match member.fill_buf() {
                Ok([]) => break,
                Ok(_) => {}
                Err(e) => {
                    outcome = Err(e);
                    break;
                }
            }
            if let Err(e) = read_record(&mut member, offset, &mut items) {
                outcome = Err(e);
                break;
            }
        }
        drop(member);
        self.pending
            .extend(items.into_iter().map(|i| i.into_item(&self.name)));
        if let Err(e) = outcome {
            let what = if e.kind() == io::ErrorKind::UnexpectedEof {
                format!("truncated gzip member or record ({e}); its records are lost")
            } else {
                format!("corrupt gzip member or record ({e}); skipped to the next member")
            };
            let p = self.problem(offset, what);
            self.pending.push_back(p);
            if self.input.pos == offset {
                self.input.consume(1);
            }
            self.resync();
        }
    }

    /// Skips to the next gzip magic (`1f 8b 08`).
    fn resync(&mut self) {
        loop {
            let buf = match self.input.fill_buf() {
                Ok([]) | Err(_) => {
                    self.done = true;
                    return;
                }
                Ok(b) => b,
            };
            if let Some(p) = buf.windows(3).position(|w| w == [0x1f, 0x8b, 0x08]) {
                self.input.consume(p);
                return;
            }
            let keep = buf.len().min(2);
            let n = buf.len() - keep;
            if n == 0 {
                // Fewer than 3 bytes left and no magic.
                let len = buf.len();
                self.input.consume(len);
                self.done = true;
                return;
            }
            self.input.consume(n);
        }
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = WarcItem;

    fn next(&mut self) -> Option<WarcItem> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            self.step();
        }
    }
}

/// A page or a problem found inside one record, before the file name is known.
enum Found {
    Page(WarcPage),
    Problem(u64, String),
}

impl Found {
    fn into_item(self, name: &str) -> WarcItem {
        match self {
            Found::Page(p) => WarcItem::Page(p),
            Found::Problem(at, what) => WarcItem::Problem(format!("{name}: at byte {at}: {what}")),
        }
    }
}

/// Reads one WARC record from `r`; an HTML response is pushed to `out`. Errors are I/O or
/// format errors that make the rest of the stream unreadable.
fn read_record(r: &mut impl BufRead, offset: u64, out: &mut Vec<Found>) -> io::Result<()> {
    let bad = |what: &str| io::Error::new(io::ErrorKind::InvalidData, what.to_string());
    // Blank lines between records.
    let mut first = String::new();
    loop {
        first.clear();
        if read_line(r, &mut first)? == 0 {
            return Ok(());
        }
        if !first.trim().is_empty() {
            break;
        }
    }
    if !first.starts_with("WARC/") {
        return Err(bad("not a WARC record (no WARC/ version line)"));
    }
    let headers = read_headers(r)?;
    let get = |k: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(k))
            .map(|(_, v)| v.clone())
    };
    let length: u64 = get("Content-Length")
        .and_then(|l| l.parse().ok())
        .ok_or_else(|| bad("record without a valid Content-Length"))?;
    let kind = get("WARC-Type").unwrap_or_default();
    let mut block = r.take(length);
    if !kind.eq_ignore_ascii_case("response") || length > MAX_BODY {
        if length > MAX_BODY && kind.eq_ignore_ascii_case("response") {
            out.push(Found::Problem(
                offset,
                format!("response of {length} bytes skipped (limit {MAX_BODY})"),
            ));
        }
        let skipped = io::copy(&mut block, &mut io::sink())?;
        if skipped < length {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "record cut short",
            ));
        }
        return Ok(());
    }
    let mut raw = Vec::with_capacity(length.min(1 << 20) as usize);
    block.read_to_end(&mut raw)?;
    if (raw.len() as u64) < length {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "record cut short",
        ));
    }
    let uri = get("WARC-Target-URI").map(|u| u.trim_matches(['<', '>']).to_string());
    let date = get("WARC-Date");
    match http_html(&raw) {
        Ok(Some((body, charset))) => out.push(Found::Page(WarcPage {
            body,
            uri,
            date,
            charset,
            offset,
        })),
        Ok(None) => {}
        Err(what) => out.push(Found::Problem(
            offset,
            format!("{}: {what}", uri.as_deref().unwrap_or("response")),
        )),
    }
    Ok(())
}

/// A line of at most [`MAX_HEADER`] bytes, lossily decoded.
fn read_line(r: &mut impl BufRead, line: &mut String) -> io::Result<usize> {
    let mut raw = Vec::new();
    let n = r.take(MAX_HEADER as u64).read_until(b'\n', &mut raw)?;
    line.push_str(&String::from_utf8_lossy(&raw));
    Ok(n)
}

fn read_headers(r: &mut impl BufRead) -> io::Result<Vec<(String, String)>> {
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut total = 0;
    loop {
        let mut line = String::new();
        let n = read_line(r, &mut line)?;
        if n == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "header block cut short",
            ));
        }
        total += n;
        if total > MAX_HEADER {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "header block too long",
            ));
        }
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            return Ok(headers);
        }
        if line.starts_with([' ', '\t']) {
            if let Some((_, v)) = headers.last_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
        } else if let Some((k, v)) = line.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
}

/// An HTTP body and the charset its headers declare.
type HtmlBody = (Vec<u8>, Option<String>);

/// The body and charset of an HTTP response block when it is a successful HTML page;
/// `Ok(None)` for other responses (redirects, errors, images…).
fn http_html(raw: &[u8]) -> Result<Option<HtmlBody>, String> {
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| (p, p + 4))
        .or_else(|| {
            raw.windows(2)
                .position(|w| w == b"\n\n")
                .map(|p| (p, p + 2))
        });
    let Some((head_end, body_start)) = end else {
        return Err("HTTP headers without an end".to_string());
    };
    let head = String::from_utf8_lossy(&raw[..head_end]);
    let mut lines = head.lines();
    let status: u16 = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or("no HTTP status line")?;
    if !(200..300).contains(&status) {
        return Ok(None);
    }
    let mut content_type = String::new();
    let (mut chunked, mut encoding) = (false, String::new());
    for line in lines {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let v = v.trim().to_ascii_lowercase();
        match k.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = v,
            "transfer-encoding" => chunked = v.contains("chunked"),
            "content-encoding" => encoding = v,
            _ => {}
        }
    }
    let mime = content_type.split(';').next().unwrap_or("").trim();
    if !(mime.is_empty() || mime == "text/html" || mime == "application/xhtml+xml") {
        return Ok(None);
    }
    let charset = content_type
        .split(';')
        .skip(1)
        .find_map(|p| p.trim().strip_prefix("charset="))
        .map(|c| c.trim_matches(['"', '\'']).to_string());
    let mut body = raw[body_start..].to_vec();
    if chunked {
        body = dechunk(&body).ok_or("bad chunked transfer encoding")?;
    }
    match encoding.as_str() {
        "" | "identity" => {}
        "gzip" | "x-gzip" | "deflate" => {
            let mut out = Vec::new();
            let result = if encoding == "deflate" {
                flate2::read::ZlibDecoder::new(&body[..])
                    .take(MAX_BODY)
                    .read_to_end(&mut out)
            } else {
                flate2::read::MultiGzDecoder::new(&body[..])
                    .take(MAX_BODY)
                    .read_to_end(&mut out)
            };
            result.map_err(|e| format!("cannot decompress the {encoding} body: {e}"))?;
            body = out;
        }
        other => return Err(format!("unsupported content encoding {other:?}")),
    }
    Ok(Some((body, charset)))
}

/// The payload of a chunked HTTP body.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let line_end = b.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&b[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        b = &b[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(..size)?);
        b = b.get(size..)?;
        b = b.strip_prefix(b"\r\n").unwrap_or(b);
    }
}

/// A `BufRead` that counts the bytes consumed (the offset of the next gzip member).
struct Counting<R> {
    inner: R,
    pos: u64,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.pos += amt as u64;
        self.inner.consume(amt);
    }
}

/// Builds WARC records, for tests and fuzzing seeds: `response` records with an HTTP 200 HTML
/// body, other records as given.
#[doc(hidden)]
pub fn warc_record(kind: &str, uri: &str, date: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n\
         WARC-Record-ID: <urn:uuid:{:08x}>\r\nContent-Type: application/http; msgtype=response\r\n\
         Content-Length: {}\r\n\r\n",
        block.len(),
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{Compression, write::GzEncoder};
    use std::io::Write;

    fn http(content_type: &str, body: &str) -> Vec<u8> {
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .into_bytes()
    }

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn records() -> Vec<Vec<u8>> {
        vec![
            warc_record(
                "warcinfo",
                "",
                "2022-01-06T10:00:00Z",
                b"software: test\r\n",
            ),
            warc_record(
                "response",
                "https://a.example/1",
                "2022-01-06T10:00:00Z",
                &http("text/html; charset=windows-1252", "<p>caf\u{e9}</p>"),
            ),
            warc_record(
                "request",
                "https://a.example/1",
                "2022-01-06T10:00:00Z",
                b"GET / HTTP/1.1\r\n\r\n",
            ),
            warc_record(
                "response",
                "https://a.example/logo.png",
                "2022-01-06T10:00:01Z",
                &http("image/png", "PNG"),
            ),
            warc_record(
                "response",
                "https://a.example/2",
                "2022-01-06T10:00:02Z",
                &http("text/html", "<p>due</p>"),
            ),
        ]
    }

    fn pages(items: &[WarcItem]) -> Vec<(String, String)> {
        items
            .iter()
            .filter_map(|i| match i {
                WarcItem::Page(p) => Some((
                    p.uri.clone().unwrap_or_default(),
                    String::from_utf8_lossy(&p.body).into_owned(),
                )),
                WarcItem::Problem(_) => None,
            })
            .collect()
    }

    #[test]
    fn plain_and_gzip_per_record_archives_give_the_html_responses() {
        let plain: Vec<u8> = records().concat();
        let items: Vec<WarcItem> = WarcReader::new(&plain[..], "a.warc").collect();
        assert_eq!(pages(&items).len(), 2, "{items:?}");
        let gz_each: Vec<u8> = records().iter().flat_map(|r| gz(r)).collect();
        let items_gz: Vec<WarcItem> = WarcReader::new(&gz_each[..], "a.warc.gz").collect();
        assert_eq!(items, {
            // Offsets differ between the two; compare everything else.
            let mut v = items_gz.clone();
            for (a, b) in v.iter_mut().zip(&items) {
                if let (WarcItem::Page(a), WarcItem::Page(b)) = (a, b) {
                    a.offset = b.offset;
                }
            }
            v
        });
        let WarcItem::Page(first) = &items_gz[0] else {
            panic!()
        };
        assert_eq!(first.charset.as_deref(), Some("windows-1252"));
        assert_eq!(first.date.as_deref(), Some("2022-01-06T10:00:00Z"));
        let one_member = gz(&plain);
        let items: Vec<WarcItem> = WarcReader::new(&one_member[..], "b.warc.gz").collect();
        assert_eq!(pages(&items).len(), 2);
    }

    #[test]
    fn truncation_keeps_earlier_records_and_names_the_offset() {
        let members: Vec<Vec<u8>> = records().iter().map(|r| gz(r)).collect();
        let mut data: Vec<u8> = members[..4].concat();
        let last_at = data.len();
        data.extend_from_slice(&members[4][..members[4].len() / 2]);
        let items: Vec<WarcItem> = WarcReader::new(&data[..], "t.warc.gz").collect();
        assert_eq!(
            pages(&items),
            [(
                "https://a.example/1".to_string(),
                "<p>caf\u{e9}</p>".to_string()
            )]
        );
        let WarcItem::Problem(p) = items.last().unwrap() else {
            panic!("{items:?}")
        };
        assert!(
            p.starts_with(&format!("t.warc.gz: at byte {last_at}: truncated")),
            "{p}"
        );
    }

    #[test]
    fn garbage_between_members_is_skipped() {
        let members: Vec<Vec<u8>> = records().iter().map(|r| gz(r)).collect();
        let mut data = members[1].clone();
        data.extend_from_slice(b"garbage garbage");
        data.extend_from_slice(&members[4]);
        let items: Vec<WarcItem> = WarcReader::new(&data[..], "g.warc.gz").collect();
        assert_eq!(pages(&items).len(), 2, "{items:?}");
        assert!(
            items
                .iter()
                .any(|i| matches!(i, WarcItem::Problem(p) if p.contains("not a gzip member")))
        );
    }

    #[test]
    fn chunked_and_gzip_bodies_are_decoded() {
        let body = gz(b"<p>compresso</p>");
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
        block.extend_from_slice(format!("{:x}\r\n", body.len()).as_bytes());
        block.extend_from_slice(&body);
        block.extend_from_slice(b"\r\n0\r\n\r\n");
        let rec = warc_record(
            "response",
            "https://c.example/",
            "2022-01-06T00:00:00Z",
            &block,
        );
        let items: Vec<WarcItem> = WarcReader::new(&rec[..], "c.warc").collect();
        assert_eq!(pages(&items)[0].1, "<p>compresso</p>");
    }

    #[test]
    fn empty_and_binary_inputs_do_not_panic() {
        assert!(WarcReader::new(&b""[..], "e").next().is_none());
        let items: Vec<WarcItem> = WarcReader::new(&b"\x00\x01binary"[..], "x").collect();
        assert!(matches!(&items[..], [WarcItem::Problem(_)]));
        let items: Vec<WarcItem> = WarcReader::new(&[0x1f, 0x8b, 0x08, 0, 1][..], "y").collect();
        assert!(matches!(&items[..], [WarcItem::Problem(_)]), "{items:?}");
    }
}
