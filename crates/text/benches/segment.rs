//! Throughput of normalisation and segmentation on news-like text.
//!
//! `cargo bench -p cronaca-text --bench segment` — the text is generated from sentences
//! written for this benchmark (Italian, Russian, English, German, with abbreviations, numbers,
//! quotes and paragraphs), shuffled deterministically. When the shared seed article is present
//! it is measured too; otherwise that benchmark is skipped.
use cronaca_text::{Normalized, SegmentRules, segment};
use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

const SENTENCES: &[&str] = &[
    "Il Sig. Rossi ha detto che l’esercito è arrivato alle 6.30 di ieri.",
    "“Circa 1.200 persone sono state evacuate”, ha dichiarato il gen. Bianchi.",
    "Secondo l’agenzia Khabar-24 i feriti sono tra 10-20, ma il bilancio è provvisorio.",
    "L’Organizzazione del Trattato (Csto) ha inviato 2.500 uomini in Kazakistan.",
    "Il presidente Kassym-Jomart Tokayev ha parlato di “terroristi”.",
    "В. В. Путин заявил, что войска прибудут в течение 2 дней.",
    "По данным МВД, пострадали более 1 000 человек, из них 62 в тяжёлом состоянии.",
    "«Ситуация под контролем», — сообщил представитель ведомства.",
    "Dr. Smith said the U.S. would send 3,000 troops by Jan. 15.",
    "\"We are not leaving,\" a protester told reporters in Almaty.",
    "Am 6. Januar wurden nach Angaben der Polizei 18 Beamte getötet.",
    "Der Präsident sprach von einem „Angriff von außen“.",
    "Sono arrivate?! Nessuno lo sa… Poi la calma.",
];

/// About `bytes` of text: paragraphs of three to six sentences, with a title.
fn news_text(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 200);
    text.push_str("Rivolta in Kazakistan: arrivano le truppe\n\n");
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    while text.len() < bytes {
        let sentences = 3 + next(4);
        for k in 0..sentences {
            if k > 0 {
                text.push(' ');
            }
            text.push_str(SENTENCES[next(SENTENCES.len())]);
        }
        text.push_str("\n\n");
    }
    text
}

fn rules() -> SegmentRules {
    let mut r = SegmentRules::default();
    r.elision = true;
    for a in ["sig.", "gen.", "dr.", "u.s.", "jan."] {
        r.add_abbreviation(a);
    }
    r
}

const MB: usize = 1 << 20;

#[divan::bench(args = [5 * MB, 50 * MB], sample_count = 5, sample_size = 1)]
fn segment_news(bencher: Bencher, bytes: usize) {
    let text = news_text(bytes);
    let rules = rules();
    let seg = segment(&text, &rules);
    // 16.4 tokens a sentence on average in the table above; a fixed seed gives fixed counts.
    assert!(
        seg.tokens.len() > text.len() / 8,
        "{} tokens",
        seg.tokens.len()
    );
    assert!(
        seg.sentences.len() > text.len() / 150,
        "{} sentences",
        seg.sentences.len()
    );
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| segment(black_box(&text), &rules).tokens.len());
}

#[divan::bench(args = [5 * MB, 50 * MB], sample_count = 5, sample_size = 1)]
fn normalise_nfc_input(bencher: Bencher, bytes: usize) {
    let text = news_text(bytes);
    assert!(Normalized::new(&text).is_identity());
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| Normalized::new(black_box(&text)).text().len());
}

/// The slow path: CRLF line endings and decomposed accents all through.
#[divan::bench(args = [5 * MB], sample_count = 5, sample_size = 1)]
fn normalise_crlf_decomposed(bencher: Bencher, bytes: usize) {
    let nfc = news_text(bytes);
    let text = nfc
        .replace('\n', "\r\n")
        .replace('è', "e\u{300}")
        .replace('й', "и\u{306}");
    assert_eq!(Normalized::new(&text).text(), nfc);
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| Normalized::new(black_box(&text)).text().len());
}

#[divan::bench(sample_count = 20)]
fn segment_seed_article(bencher: Bencher) {
    let Ok(text) = std::fs::read_to_string("/work/shared/seed/kazakhstan-2022-01.it.txt") else {
        return;
    };
    let rules = rules();
    assert!(segment(&text, &rules).tokens.len() > 300);
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| segment(black_box(&text), &rules).tokens.len());
}
