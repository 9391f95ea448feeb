//! Drives the `cronaca` binary as scripts do, pinning `contract/CLI.md`: records on standard
//! output in input order, exit codes 0/1/2/3, messages on standard error.
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn records(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
            .collect()
    }
}

fn cronaca(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cronaca"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cronaca runs");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cronaca-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// (text, value) of every amount.
fn amounts(record: &Value) -> Vec<(String, Value)> {
    record["amounts"]
        .as_array()
        .expect("amounts layer")
        .iter()
        .map(|a| {
            (
                a["span"]["text"].as_str().unwrap().to_string(),
                a["value"].clone(),
            )
        })
        .collect()
}

#[test]
fn italian_article_gives_one_record_with_title_language_and_amounts() {
    let run = cronaca(
        &[
            "extract",
            "--published",
            "2023-03-03",
            &fixture("scontri.it.txt"),
        ],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let records = run.records();
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(r["schema"], "cronaca/1");
    assert_eq!(r["doc"]["language"], "it");
    assert_eq!(r["doc"]["published"], "2023-03-03");
    assert_eq!(
        r["doc"]["title"],
        "Scontri a Valdoria dopo il rincaro del pane: il governo invia l’esercito"
    );
    assert!(r["doc"]["id"].as_str().unwrap().starts_with("sha256:"));
    assert_eq!(r["warnings"], Value::Array(vec![]));
    // Spans are code points into text.
    let text: Vec<char> = r["text"].as_str().unwrap().chars().collect();
    for a in r["amounts"].as_array().unwrap() {
        let (s, e) = (
            a["span"]["start"].as_u64().unwrap() as usize,
            a["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text[s..e].iter().collect::<String>(),
            a["span"]["text"].as_str().unwrap()
        );
    }
    let found = amounts(r);
    for (text, value) in [("duemila", 2000), ("300", 300), ("45", 45), ("12", 12)] {
        assert!(
            found
                .iter()
                .any(|(t, v)| t.contains(text) && v == &Value::from(value)),
            "{text} = {value} not in {found:?}"
        );
    }
}

#[test]
fn vague_multiples_percent_and_money_are_marked() {
    let run = cronaca(
        &["extract", "--output", "jsonl", &fixture("scontri.it.txt")],
        b"",
    );
    let r = &run.records()[0];
    let all = r["amounts"].as_array().unwrap();
    let by_text = |t: &str| {
        all.iter()
            .find(|a| a["span"]["text"].as_str().unwrap().contains(t))
            .unwrap_or_else(|| panic!("no amount with {t:?} in {all:?}"))
    };
    let decine = by_text("decine");
    assert_eq!(decine["value"], Value::Null);
    assert_eq!(decine["vague"]["unit"], 10);
    assert_eq!(
        (decine["low"].clone(), decine["high"].clone()),
        (Value::from(20), Value::from(99))
    );
    assert_eq!(by_text("centinaia")["vague"]["unit"], 100);
    let percent = by_text("25");
    assert_eq!(
        (percent["kind"].as_str(), percent["value"].as_i64()),
        (Some("percent"), Some(25))
    );
    let money = all
        .iter()
        .find(|a| a["span"]["text"] == "3,50 euro" && a["kind"] == "money")
        .expect("money amount");
    assert_eq!(money["kind"], "money");
    assert_eq!(money["value"], 3.5);
    assert_eq!(money["unit"], "EUR");
    let range = by_text("Tra 10 e 20");
    assert_eq!(
        (
            range["kind"].as_str(),
            range["low"].as_i64(),
            range["high"].as_i64()
        ),
        (Some("range"), Some(10), Some(20))
    );
}

#[test]
fn english_article_is_identified_and_read_with_english_separators() {
    let run = cronaca(&["extract", &fixture("storm.en.txt")], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let r = &run.records()[0];
    assert_eq!(r["doc"]["language"], "en");
    let found = amounts(r);
    for (text, value) in [
        ("1,500", Value::from(1500)),
        ("Thirty-six", Value::from(36)),
        ("2.5 million", Value::from(2_500_000)),
    ] {
        assert!(
            found.iter().any(|(t, v)| t == text && v == &value),
            "{text} not in {found:?}"
        );
    }
}

#[test]
fn jsonl_keeps_order_ids_and_one_record_per_line_with_broken_lines() {
    let mut input = String::new();
    for i in 0..10_000 {
        if i % 100 == 37 {
            input.push_str(&format!("{{\"id\": \"d{i}\", \"text\": \"broken\n"));
        } else {
            input.push_str(&format!(
                "{{\"id\": \"d{i}\", \"text\": \"Sono arrivati {i} soldati.\", \"language\": \"it\"}}\n"
            ));
        }
    }
    let run = cronaca(
        &["extract", "--input", "jsonl", "--output", "jsonl"],
        input.as_bytes(),
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    let records = run.records();
    assert_eq!(records.len(), 10_000);
    for (i, r) in records.iter().enumerate() {
        assert_eq!(r["doc"]["id"], format!("d{i}"));
        if i % 100 == 37 {
            assert_eq!(r["text"], "");
            assert_eq!(r["amounts"], Value::Array(vec![]));
            let w = r["warnings"][0].as_str().unwrap();
            assert!(
                w.starts_with(&format!("<stdin>:{}: invalid JSON line", i + 1)),
                "{w}"
            );
        } else {
            assert_eq!(r["warnings"], Value::Array(vec![]));
        }
    }
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stderr);
    assert!(
        lines[0].starts_with("cronaca: 10000 record(s) written; 100 document(s) had problems"),
        "{}",
        lines[0]
    );
}

#[test]
fn doc_id_is_stable_and_follows_the_text() {
    let a = cronaca(
        &["extract", "--output", "jsonl"],
        "Ciao a tutti.".as_bytes(),
    );
    let b = cronaca(
        &["extract", "--output", "jsonl", "-"],
        "Ciao a tutti.".as_bytes(),
    );
    let c = cronaca(
        &["extract", "--output", "jsonl"],
        "Ciao a tutte.".as_bytes(),
    );
    let id = |r: &Run| r.records()[0]["doc"]["id"].as_str().unwrap().to_string();
    assert_eq!(id(&a), id(&b));
    assert_ne!(id(&a), id(&c));
    assert_eq!(a.records()[0]["doc"]["uri"], Value::Null);
}

#[test]
fn layers_flag_selects_what_is_written() {
    let run = cronaca(
        &["extract", "--layers", "times", "--output", "jsonl"],
        b"Sono 3.",
    );
    assert_eq!(run.code, 0);
    assert!(run.records()[0].get("amounts").is_none());
    let run = cronaca(&["extract", "--layers", "amounts"], b"Sono 3.");
    assert_eq!(run.records()[0]["amounts"][0]["value"], 3);
}

#[test]
fn json_output_is_pretty_one_object_per_document() {
    let run = cronaca(&["extract", "--output", "json"], b"Sono 3.");
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.starts_with("{\n  \"schema\": \"cronaca/1\""),
        "{}",
        run.stdout
    );
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["text"], "Sono 3.");
}

#[test]
fn empty_binary_and_invalid_utf8_inputs_give_records_with_warnings() {
    let dir = temp_dir("malformed");
    std::fs::write(dir.join("empty.txt"), b"").unwrap();
    std::fs::write(
        dir.join("garbage.bin"),
        [0u8, 159, 146, 150, 7, 0, 255, 1, 2, 3],
    )
    .unwrap();
    std::fs::write(dir.join("latin1.txt"), b"Citt\xe0 di Almaty: 62 feriti.").unwrap();
    let run = cronaca(
        &["extract", "--output", "jsonl", dir.to_str().unwrap()],
        b"",
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    let records = run.records();
    assert_eq!(records.len(), 3, "one record per file, in name order");
    let warning = |i: usize| records[i]["warnings"][0].as_str().unwrap().to_string();
    assert!(
        warning(0).ends_with("empty.txt: no text (empty or only white space)"),
        "{}",
        warning(0)
    );
    assert!(
        warning(1).contains("garbage.bin: invalid UTF-8 at byte 1;"),
        "{}",
        warning(1)
    );
    assert!(warning(1).contains("binary"), "{}", warning(1));
    assert!(
        warning(2).contains("latin1.txt: invalid UTF-8 at byte 4;"),
        "{}",
        warning(2)
    );
    assert_eq!(records[2]["text"], "Citt\u{fffd} di Almaty: 62 feriti.");
    assert_eq!(amounts(&records[2]).last().unwrap().1, 62);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
}

#[test]
fn a_fifty_megabyte_file_is_processed_whole() {
    let dir = temp_dir("big");
    let path = dir.join("big.txt");
    let paragraph = "Più di mille persone sono state ferite e circa 400 ricoverate, secondo il ministero. \
                     Gli scontri sono durati tre giorni.\n\n";
    let big = paragraph.repeat(50_000_000 / paragraph.len() + 1);
    std::fs::write(&path, &big).unwrap();
    let run = cronaca(
        &[
            "extract",
            "--output",
            "jsonl",
            "--layers",
            "amounts",
            path.to_str().unwrap(),
        ],
        b"",
    );
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let records = run.records();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["text"].as_str().unwrap().len(), big.len());
    let count = records[0]["amounts"].as_array().unwrap().len();
    assert_eq!(
        count % (big.len() / paragraph.len()),
        0,
        "same amounts in every paragraph"
    );
    assert!(count > 0);
}

#[test]
fn globs_and_multiple_paths_keep_command_line_order() {
    let run = cronaca(
        &[
            "extract",
            "--output",
            "jsonl",
            &fixture("storm.en.txt"),
            &fixture("*.it.txt"),
        ],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let langs: Vec<Value> = run
        .records()
        .iter()
        .map(|r| r["doc"]["language"].clone())
        .collect();
    assert_eq!(langs, ["en", "it"]);
}

#[test]
fn usage_errors_exit_2_naming_the_flag() {
    let cases: [(&[&str], &str); 6] = [
        (&["extract", "--frobnicate"], "--frobnicate"),
        (
            &["extract", "--lang", "pt"],
            "--lang: unknown language \"pt\" (expected auto or one of de, en, es, fr, it, ru)",
        ),
        (
            &["extract", "--layers", "amounts,numbers"],
            "--layers: unknown layer \"numbers\"",
        ),
        (
            &["extract", "--published", "06/01/2022"],
            "--published: \"06/01/2022\" is not an ISO 8601 date",
        ),
        (
            &["extract", "--input", "pdf"],
            "--input: unknown format \"pdf\"",
        ),
        (
            &["extract", "--output", "xml"],
            "--output: unknown format \"xml\"",
        ),
    ];
    for (args, message) in cases {
        let run = cronaca(args, b"");
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty());
    }
}

#[test]
fn unreadable_paths_exit_1_or_3() {
    let run = cronaca(&["extract", "/no/such/file.txt"], b"");
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("cronaca: /no/such/file.txt: no such file or directory"),
        "{}",
        run.stderr
    );
    let run = cronaca(
        &[
            "extract",
            "--output",
            "jsonl",
            "/no/such/file.txt",
            &fixture("storm.en.txt"),
        ],
        b"",
    );
    assert_eq!(run.code, 3);
    assert_eq!(run.records().len(), 1);
}

#[test]
fn language_flag_overrides_identification_and_und_is_honest() {
    let run = cronaca(
        &["extract", "--lang", "en", "--output", "jsonl"],
        "Più di mille persone.".as_bytes(),
    );
    assert_eq!(run.records()[0]["doc"]["language"], "en");
    assert_eq!(run.records()[0]["doc"]["language_confidence"], 1.0);
    let pt =
        "Mais de mil pessoas ficaram feridas nos protestos em todo o país, disse o governo ontem.";
    let r = &cronaca(&["extract", "--output", "jsonl"], pt.as_bytes()).records()[0];
    assert_eq!(r["doc"]["language"], "und");
    assert!(
        r["warnings"][0]
            .as_str()
            .unwrap()
            .contains("language undetermined")
    );
}

#[test]
fn html_input_gives_its_main_text_and_title() {
    let page = "<html lang=\"it\"><head><title>Notizia</title></head><body><nav>Menu</nav>\
                <article><p>Sono arrivati 62 soldati.</p></article></body></html>";
    let run = cronaca(
        &["extract", "--input", "html", "--output", "jsonl"],
        page.as_bytes(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let r = &run.records()[0];
    assert_eq!(r["text"], "Notizia\n\nSono arrivati 62 soldati.");
    assert_eq!(r["doc"]["title"], "Notizia");
}

/// The founding example, when the shared development data is next to the checkout.
#[test]
fn seed_article_record() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/seed/kazakhstan-2022-01.it.txt");
    if !seed.exists() {
        eprintln!("skipped: {} not present", seed.display());
        return;
    }
    let run = cronaca(
        &[
            "extract",
            "--published",
            "2022-01-06",
            "--output",
            "jsonl",
            seed.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let r = &run.records()[0];
    assert_eq!(r["doc"]["language"], "it");
    assert_eq!(
        r["doc"]["title"],
        "Rivolta del gas in Kazakistan: Putin ha inviato l’esercito"
    );
    let summary: Vec<String> = r["amounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            format!(
                "{} {} value={} low={} high={} vague={}",
                a["span"]["text"], a["kind"], a["value"], a["low"], a["high"], a["vague"]
            )
        })
        .collect();
    insta::assert_snapshot!("seed_amounts", summary.join("\n"));
}

#[test]
fn jobs_keep_input_order_and_one_record_per_line() {
    let mut input = String::new();
    for i in 0..60 {
        if i % 7 == 3 {
            input.push_str(&format!("{{\"id\": \"d{i}\", \"text\": broken\n"));
        } else if i % 5 == 0 {
            input.push_str(&format!(
                "{{\"id\": \"d{i}\", \"html\": \"<p>Sono arrivati {i} soldati a Roma.</p>\"}}\n"
            ));
        } else {
            input.push_str(&format!(
                "{{\"id\": \"d{i}\", \"text\": \"Ci sono {i} feriti. {}\"}}\n",
                "Parola. ".repeat(i * 20)
            ));
        }
    }
    let one = cronaca(
        &["extract", "--input", "jsonl", "--jobs", "1"],
        input.as_bytes(),
    );
    let three = cronaca(
        &["extract", "--input", "jsonl", "--jobs", "3"],
        input.as_bytes(),
    );
    assert_eq!(one.code, 3, "{}", one.stderr);
    assert_eq!(three.code, 3, "{}", three.stderr);
    assert_eq!(one.stdout, three.stdout);
    let ids: Vec<String> = three
        .records()
        .iter()
        .map(|r| r["doc"]["id"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (0..60).map(|i| format!("d{i}")).collect();
    assert_eq!(ids, expected);
    // Not a terminal: no progress bar, only the one-line summary.
    assert_eq!(three.stderr.lines().count(), 1, "{}", three.stderr);
}

#[test]
fn jobs_zero_is_a_usage_error() {
    let run = cronaca(&["extract", "--jobs", "0"], b"x");
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--jobs"), "{}", run.stderr);
}

#[test]
fn html_metadata_reaches_the_record() {
    let page = r#"<html lang="it"><head><title>Notizia</title>
        <link rel="canonical" href="https://giornale.example/2022/01/06/notizia">
        <meta name="author" content="Anna &quot;Nina&quot; Bianchi">
        <meta property="og:site_name" content="Il Giornale"></head>
        <body><article><p>Sono arrivati 62 soldati.</p></article></body></html>"#;
    for output in ["jsonl", "json"] {
        let run = cronaca(
            &["extract", "--input", "html", "--output", output],
            page.as_bytes(),
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        let r: Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(r["doc"]["published"], "2022-01-06");
        assert_eq!(r["doc"]["outlet"], "Il Giornale");
        assert_eq!(r["doc"]["author"], "Anna Bianchi");
        assert_eq!(
            r["doc"]["canonical_url"],
            "https://giornale.example/2022/01/06/notizia"
        );
        assert!(r["doc"]["language_confidence"].is_number());
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use flate2::{Compression, write::GzEncoder};
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// A WARC record as crawlers write them.
fn warc_record(kind: &str, uri: &str, date: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n\
         Content-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http_response(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    r
}

/// A Common-Crawl-like archive (gzip per record) built from the HTML fixtures, plus a request,
/// an image and, optionally, a truncated last record.
fn test_warc(truncate: bool) -> (Vec<u8>, usize) {
    let it = std::fs::read(fixture("pages/scontri.it.html")).unwrap();
    let en = std::fs::read(fixture("pages/storm.en.html")).unwrap();
    let records = [
        warc_record(
            "warcinfo",
            "",
            "2022-01-07T00:00:00Z",
            b"software: cli test\r\n",
        ),
        warc_record(
            "request",
            "https://it.example/scontri",
            "2022-01-07T01:00:00Z",
            b"GET /scontri HTTP/1.1\r\n\r\n",
        ),
        warc_record(
            "response",
            "https://it.example/scontri",
            "2022-01-07T01:00:00Z",
            &http_response("text/html; charset=utf-8", &it),
        ),
        warc_record(
            "response",
            "https://it.example/logo.png",
            "2022-01-07T01:00:01Z",
            &http_response("image/png", b"\x89PNG\r\n\x1a\n"),
        ),
        warc_record(
            "response",
            "https://en.example/storm",
            "2022-01-08T12:00:00Z",
            &http_response("text/html", &en),
        ),
    ];
    let mut data: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    let cut_at = data.len();
    if truncate {
        let last = gzip(&warc_record(
            "response",
            "https://en.example/lost",
            "2022-01-08T12:00:00Z",
            &http_response("text/html", &en),
        ));
        data.extend_from_slice(&last[..last.len() / 2]);
    }
    (data, cut_at)
}

#[test]
fn warc_gives_one_record_per_html_response() {
    let dir = temp_dir("warc");
    let path = dir.join("CC-NEWS-test.warc.gz");
    std::fs::write(&path, test_warc(false).0).unwrap();
    let run = cronaca(&["extract", "--jobs", "2", path.to_str().unwrap()], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let records = run.records();
    assert_eq!(records.len(), 2, "{}", run.stdout);
    let (it, en) = (&records[0], &records[1]);
    assert_eq!(it["doc"]["uri"], "https://it.example/scontri");
    assert_eq!(it["doc"]["published"], "2022-01-06T09:30:00+06:00");
    assert_eq!(it["doc"]["outlet"], "Cronaca Test");
    assert_eq!(it["doc"]["language"], "it");
    let text = it["text"].as_str().unwrap();
    assert!(
        text.starts_with("Scontri ad Almaty, decine di feriti\n\nDecine di persone"),
        "{text}"
    );
    assert!(
        !text.contains("Home") && !text.contains("diritti riservati"),
        "{text}"
    );
    // No date in the page: the capture date.
    assert_eq!(en["doc"]["uri"], "https://en.example/storm");
    assert_eq!(en["doc"]["published"], "2022-01-08T12:00:00Z");
    assert_eq!(en["doc"]["outlet"], "en.example");
    let text = en["text"].as_str().unwrap();
    assert!(text.contains("more than 20,000 homes"), "{text}");
    assert!(!text.contains("cookies"), "{text}");
    // Standard input, told the format.
    let run = cronaca(&["extract", "--input", "warc"], &test_warc(false).0);
    assert_eq!(run.records().len(), 2, "{}", run.stderr);
}

#[test]
fn truncated_warc_keeps_earlier_records_and_names_file_and_offset() {
    let dir = temp_dir("warc-cut");
    let path = dir.join("cut.warc.gz");
    let (data, cut_at) = test_warc(true);
    std::fs::write(&path, data).unwrap();
    let run = cronaca(&["extract", path.to_str().unwrap()], b"");
    assert_eq!(run.code, 3, "{}", run.stderr);
    let records = run.records();
    assert_eq!(records.len(), 3, "{}", run.stdout);
    assert_eq!(records[1]["doc"]["uri"], "https://en.example/storm");
    let warning = records[2]["warnings"][0].as_str().unwrap();
    let expected = format!("{}: at byte {cut_at}: truncated", path.display());
    assert!(warning.starts_with(&expected), "{warning}");
    assert!(run.stderr.contains("cut.warc.gz"), "{}", run.stderr);
}

#[test]
fn feed_gives_one_record_per_item_with_dates_in_any_language() {
    let run = cronaca(&["extract", &fixture("feeds/cronaca.it.rss")], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let records = run.records();
    assert_eq!(records.len(), 2, "{}", run.stdout);
    assert_eq!(
        records[0]["doc"]["uri"],
        "https://feed.example/esteri/scontri-almaty"
    );
    assert_eq!(records[0]["doc"]["published"], "2022-01-06T22:30:00+01:00");
    assert_eq!(records[0]["doc"]["outlet"], "Cronaca Test Feed");
    assert_eq!(records[0]["doc"]["language"], "it");
    assert_eq!(
        records[0]["text"],
        "Scontri ad Almaty, decine di feriti\n\nDecine di persone sono rimaste ferite negli scontri avvenuti nella notte ad Almaty.\n\nLe proteste si sono estese a diverse regioni."
    );
    assert_eq!(records[1]["doc"]["published"], "2022-01-07");
    assert_eq!(records[1]["doc"]["title"], "Maltempo al nord");
}

#[test]
fn mixed_inputs_directories_and_globs() {
    let dir = temp_dir("mixed");
    std::fs::create_dir_all(dir.join("a/b")).unwrap();
    std::fs::copy(fixture("feeds/cronaca.it.rss"), dir.join("a/feed.rss")).unwrap();
    std::fs::copy(fixture("pages/storm.en.html"), dir.join("a/b/storm.html")).unwrap();
    std::fs::copy(fixture("storm.en.txt"), dir.join("a/b/storm.txt")).unwrap();
    std::fs::write(
        dir.join("a/empty.rss"),
        "<rss version=\"2.0\"><channel><title>x</title></channel></rss>",
    )
    .unwrap();
    std::fs::write(
        dir.join("lines.jsonl"),
        "{\"id\":\"j1\",\"text\":\"Uno.\"}\n",
    )
    .unwrap();
    let glob = format!("{}/*.jsonl", dir.display());
    let run = cronaca(
        &[
            "extract",
            "--jobs",
            "2",
            dir.join("a").to_str().unwrap(),
            &glob,
        ],
        b"",
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    let uris: Vec<String> = run
        .records()
        .iter()
        .map(|r| {
            r["doc"]["uri"]
                .as_str()
                .unwrap_or(r["doc"]["id"].as_str().unwrap())
                .to_string()
        })
        .collect();
    assert_eq!(uris.len(), 6, "{uris:?}");
    assert!(uris[0].ends_with("b/storm.html"), "{uris:?}");
    assert!(uris[1].ends_with("b/storm.txt"), "{uris:?}");
    assert!(
        run.records()[2]["warnings"][0]
            .as_str()
            .unwrap()
            .contains("empty.rss: the feed has no items")
    );
    assert_eq!(uris[3], "https://feed.example/esteri/scontri-almaty");
    assert_eq!(uris[5], "j1");
}

#[test]
fn bad_html_inputs_give_records_with_warnings() {
    let dir = temp_dir("bad-html");
    let n = 100_000;
    let deep = format!("{}<p>fondo</p>{}", "<div>".repeat(n), "</div>".repeat(n));
    std::fs::write(dir.join("1-deep.html"), deep).unwrap();
    let binary: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    std::fs::write(dir.join("2-binary.html"), binary).unwrap();
    let mut cp1251 = b"<html><head><meta charset=\"utf-8\"></head><body><p>".to_vec();
    for _ in 0..30 {
        cp1251.extend_from_slice(&[0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0, b' ']); // "Москва "
    }
    std::fs::write(dir.join("3-wrong-charset.html"), cp1251).unwrap();
    std::fs::write(dir.join("4-empty.html"), b"").unwrap();
    std::fs::write(dir.join("5-ok.html"), "<p>Sono arrivati 62 soldati.</p>").unwrap();
    let run = cronaca(&["extract", "--input", "html", dir.to_str().unwrap()], b"");
    assert_eq!(run.code, 3, "{}", run.stderr);
    let r = run.records();
    assert_eq!(r.len(), 5, "{}", run.stdout);
    assert_eq!(r[0]["text"], "fondo");
    assert!(
        r[0]["warnings"][0]
            .as_str()
            .unwrap()
            .contains("nested more than")
    );
    assert_eq!(r[1]["text"], "");
    assert!(r[1]["warnings"][0].as_str().unwrap().contains("binary"));
    assert!(
        r[2]["text"].as_str().unwrap().contains("Москва"),
        "{}",
        r[2]["text"]
    );
    assert!(
        r[2]["warnings"][0]
            .as_str()
            .unwrap()
            .contains("declared UTF-8 but invalid at byte")
    );
    assert!(r[3]["warnings"][0].as_str().unwrap().contains("no text"));
    assert_eq!(r[4]["text"], "Sono arrivati 62 soldati.");
}

/// Slow in a debug build: `cargo test --release -p cronaca-cli -- --ignored`.
#[test]
#[ignore]
fn a_20_mb_page_gives_a_record() {
    let dir = temp_dir("big-html");
    let para = format!(
        "<p>{}</p>\n",
        "Parola di prova numero 12 nel testo lungo. ".repeat(20)
    );
    let page = format!(
        "<html><body><article>{}</article></body></html>",
        para.repeat(20_000_000 / para.len())
    );
    let path = dir.join("big.html");
    std::fs::write(&path, page).unwrap();
    let run = cronaca(
        &["extract", "--layers", "amounts", path.to_str().unwrap()],
        b"",
    );
    assert!(run.code == 0 || run.code == 3, "{}", run.stderr);
    let r = &run.records()[0];
    assert!(r["text"].as_str().unwrap().len() > 10_000_000);
    // No 20 MB "title" (at most the first paragraph, by the segmenter).
    assert!(r["doc"]["title"].as_str().is_none_or(|t| t.len() < 2000));
}
