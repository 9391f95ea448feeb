//! `cronaca extract --fetch` against a small HTTP server run by the test itself: a feed whose
//! items link to one page that exists and one that does not.
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Command;

const PAGE: &str = r#"<!doctype html><html lang="it"><head><meta charset="utf-8">
<title>Scontri al porto | Il Giornale del Porto</title>
<meta property="article:published_time" content="2023-03-02T18:00:00+01:00">
</head><body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>Scontri al porto</h1>
<p>Tre persone sono rimaste ferite ieri sera negli scontri scoppiati davanti al porto, dove
centinaia di lavoratori protestavano contro la chiusura del terminal container.</p>
<p>Secondo la questura, due agenti sono stati medicati sul posto e un manifestante è stato
fermato. Il sindacato ha annunciato un nuovo presidio per lunedì mattina.</p>
</article><footer>Tutti i diritti riservati</footer></body></html>"#;

fn feed(base: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Il Giornale del Porto</title><language>it</language>
<item><title>Scontri al porto</title><link>{base}/scontri.html</link>
<description>Breve: scontri al porto.</description><pubDate>Thu, 02 Mar 2023 18:00:00 +0100</pubDate></item>
<item><title>Pagina sparita</title><link>{base}/sparita.html</link>
<description>Il consiglio comunale si è riunito per discutere il bilancio del porto.</description>
<pubDate>Fri, 03 Mar 2023 09:00:00 +0100</pubDate></item>
</channel></rss>"#
    )
}

/// Serves `/feed.xml` and `/scontri.html`; anything else is a 404. Returns the base URL.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let feed = feed(&base);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            answer(stream, &feed);
        }
    });
    base
}

fn answer(mut stream: TcpStream, feed: &str) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let path = request.split_whitespace().nth(1).unwrap_or("");
    let (status, kind, body) = match path {
        "/feed.xml" => ("200 OK", "application/rss+xml", feed),
        "/scontri.html" => ("200 OK", "text/html; charset=utf-8", PAGE),
        _ => ("404 Not Found", "text/plain", "not here"),
    };
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
}

fn run(args: &[&str]) -> (i32, Vec<Value>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cronaca"))
        .args(args)
        .output()
        .expect("cronaca runs");
    let records = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (
        out.status.code().unwrap(),
        records,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn feed_items_become_their_pages_and_a_missing_page_keeps_the_item() {
    let base = serve();
    let feed_url = format!("{base}/feed.xml");
    let (code, records, stderr) = run(&["extract", "--fetch", "--output", "jsonl", &feed_url]);
    assert_eq!(code, 3, "one page is missing: {stderr}");
    assert_eq!(records.len(), 2);

    let page = &records[0];
    let text = page["text"].as_str().unwrap();
    assert!(text.contains("Tre persone sono rimaste ferite"), "{text}");
    assert!(text.contains("nuovo presidio"), "{text}");
    assert!(
        !text.contains("Tutti i diritti") && !text.contains("Sport"),
        "{text}"
    );
    assert_eq!(page["doc"]["uri"], format!("{base}/scontri.html"));
    assert_eq!(page["doc"]["language"], "it");
    assert!(
        page["doc"]["published"]
            .as_str()
            .unwrap()
            .starts_with("2023-03-02")
    );
    assert_eq!(page["warnings"], Value::Array(vec![]));

    let kept = &records[1];
    assert!(
        kept["text"]
            .as_str()
            .unwrap()
            .contains("consiglio comunale")
    );
    assert_eq!(kept["doc"]["title"], "Pagina sparita");
    assert!(
        kept["doc"]["published"]
            .as_str()
            .unwrap()
            .starts_with("2023-03-03")
    );
    let warning = kept["warnings"][0].as_str().unwrap();
    assert!(
        warning.contains("/sparita.html") && warning.contains("404"),
        "{warning}"
    );
}

#[test]
fn a_page_url_is_one_record_and_an_unreachable_one_a_warning() {
    let base = serve();
    let page = format!("{base}/scontri.html");
    let gone = format!("{base}/nothing.html");
    let (code, records, _) = run(&["extract", "--fetch", "--output", "jsonl", &page, &gone]);
    assert_eq!(code, 3);
    assert_eq!(records.len(), 2);
    assert!(
        records[0]["text"]
            .as_str()
            .unwrap()
            .contains("Scontri al porto")
    );
    assert_eq!(records[1]["text"], "");
    assert!(records[1]["warnings"][0].as_str().unwrap().contains("404"));
}

#[test]
fn urls_need_fetch_and_feed_items_keep_their_content_without_it() {
    let base = serve();
    let (code, records, stderr) = run(&["extract", &format!("{base}/feed.xml")]);
    assert_eq!((code, records.len()), (1, 0));
    assert!(stderr.contains("pass --fetch"), "{stderr}");

    let dir = std::env::temp_dir().join(format!("cronaca-fetch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("porto.rss");
    std::fs::write(&file, feed(&base)).unwrap();
    let (code, records, stderr) = run(&["extract", "--output", "jsonl", file.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        records[0]["text"],
        "Scontri al porto\n\nBreve: scontri al porto."
    );
    let (code, records, _) = run(&[
        "extract",
        "--fetch",
        "--output",
        "jsonl",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 3);
    assert!(
        records[0]["text"]
            .as_str()
            .unwrap()
            .contains("nuovo presidio")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
