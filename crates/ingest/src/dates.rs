//! Publication dates as pages and feeds write them, to ISO 8601.
//!
//! Hand-written rather than `chrono`/`jiff` parsing alone: pages mix ISO date-times, RFC 2822
//! with localised day and month names ("mar, 04 gen 2022 10:00:00 +0100", which feed-rs
//! rejects), and free text ("5 gennaio 2022", "January 5, 2022", "5. Januar 2022"). The local
//! date as written is kept (no conversion to UTC), since that is the date a reader sees.

/// Month names and abbreviations (lower case, without trailing dots) in the languages of the
/// pages and feeds we read: en, it, es, fr, de, pt, nl, pl, ru (nominative and genitive).
const MONTHS: [&[&str]; 12] = [
    &[
        "january",
        "jan",
        "gennaio",
        "gen",
        "enero",
        "ene",
        "janvier",
        "janv",
        "januar",
        "jän",
        "janeiro",
        "januari",
        "stycznia",
        "styczeń",
        "sty",
        "января",
        "январь",
        "янв",
    ],
    &[
        "february",
        "feb",
        "febbraio",
        "febrero",
        "février",
        "fevrier",
        "févr",
        "fév",
        "februar",
        "fevereiro",
        "fev",
        "februari",
        "lutego",
        "luty",
        "lut",
        "февраля",
        "февраль",
        "фев",
    ],
    &[
        "march",
        "mar",
        "marzo",
        "mars",
        "märz",
        "maerz",
        "mär",
        "março",
        "marco",
        "maart",
        "marca",
        "marzec",
        "марта",
        "март",
        "мар",
    ],
    &[
        "april",
        "apr",
        "aprile",
        "abril",
        "abr",
        "avril",
        "avr",
        "kwietnia",
        "kwiecień",
        "kwi",
        "апреля",
        "апрель",
        "апр",
    ],
    &[
        "may", "maggio", "mag", "mayo", "may", "mai", "maio", "mei", "maja", "maj", "мая", "май",
    ],
    &[
        "june", "jun", "giugno", "giu", "junio", "juin", "juni", "junho", "czerwca", "czerwiec",
        "cze", "июня", "июнь", "июн",
    ],
    &[
        "july", "jul", "luglio", "lug", "julio", "juillet", "juil", "juli", "julho", "lipca",
        "lipiec", "lip", "июля", "июль", "июл",
    ],
    &[
        "august",
        "aug",
        "agosto",
        "ago",
        "août",
        "aout",
        "agosto",
        "augustus",
        "sierpnia",
        "sierpień",
        "sie",
        "августа",
        "август",
        "авг",
    ],
    &[
        "september",
        "sep",
        "sept",
        "settembre",
        "set",
        "septiembre",
        "septembre",
        "setembro",
        "września",
        "wrzesień",
        "wrz",
        "сентября",
        "сентябрь",
        "сен",
    ],
    &[
        "october",
        "oct",
        "ottobre",
        "ott",
        "octubre",
        "octobre",
        "oktober",
        "okt",
        "outubro",
        "out",
        "października",
        "październik",
        "paź",
        "октября",
        "октябрь",
        "окт",
    ],
    &[
        "november",
        "nov",
        "novembre",
        "noviembre",
        "novembro",
        "listopada",
        "listopad",
        "lis",
        "ноября",
        "ноябрь",
        "ноя",
    ],
    &[
        "december",
        "dec",
        "dicembre",
        "dic",
        "diciembre",
        "décembre",
        "decembre",
        "déc",
        "dezember",
        "dez",
        "dezembro",
        "grudnia",
        "grudzień",
        "gru",
        "декабря",
        "декабрь",
        "дек",
    ],
];

/// The month (1–12) a word names, if any.
fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&w.as_str()))
        .map(|i| i as u32 + 1)
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    (1990..=2100).contains(&y)
        && (1..=12).contains(&m)
        && (1..=31).contains(&d)
        && jiff::civil::Date::new(y as i16, m as i8, d as i8).is_ok()
}

/// An ISO 8601 date or date-time for a date as written, or `None`.
///
/// ISO forms keep their time and offset (`2022-01-06T10:30:00+06:00`); other forms give the
/// date, plus time and offset when RFC 2822 states them.
pub fn normalize_date(raw: &str) -> Option<String> {
    let s = raw.trim();
    iso(s).or_else(|| textual(s))
}

/// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYYMMDD` at the start, with an optional ISO time.
fn iso(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(r)?;
        if part.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(part).ok()?.parse().ok()
        } else {
            None
        }
    };
    let (y, m, d, rest) = if b.len() >= 10 && matches!(b[4], b'-' | b'/' | b'.') && b[7] == b[4] {
        (digits(0..4)?, digits(5..7)?, digits(8..10)?, &s[10..])
    } else if b.len() >= 8 && b.get(8).is_none_or(|c| !c.is_ascii_digit()) {
        (digits(0..4)?, digits(4..6)?, digits(6..8)?, &s[8..])
    } else {
        return None;
    };
    let y = y as i32;
    if !valid(y, m, d) {
        return None;
    }
    let date = format!("{y:04}-{m:02}-{d:02}");
    let Some(time) = rest.strip_prefix(['T', ' ']) else {
        return Some(date);
    };
    let tb = time.as_bytes();
    let hm = |i: usize| -> Option<u32> {
        let p = tb.get(i..i + 2)?;
        p.iter()
            .all(u8::is_ascii_digit)
            .then(|| u32::from(p[0] - b'0') * 10 + u32::from(p[1] - b'0'))
    };
    let (Some(h), Some(mi)) = (hm(0), hm(3)) else {
        return Some(date);
    };
    if tb.get(2) != Some(&b':') || h > 23 || mi > 59 {
        return Some(date);
    }
    let mut end = 5;
    let mut sec = 0;
    if tb.get(5) == Some(&b':')
        && let Some(s) = hm(6)
    {
        sec = s.min(59);
        end = 8;
        if tb.get(8) == Some(&b'.') {
            end = 9 + tb[9..].iter().take_while(|c| c.is_ascii_digit()).count();
        }
    }
    let zone = time[end..].trim_start();
    let offset = if zone.starts_with('Z') {
        "Z".to_string()
    } else if let Some(sign @ ('+' | '-')) = zone.chars().next() {
        let z: String = zone[1..]
            .chars()
            .filter(|c| *c != ':')
            .take_while(char::is_ascii_digit)
            .collect();
        if z.len() == 4 {
            format!("{sign}{}:{}", &z[..2], &z[2..])
        } else if z.len() == 2 {
            format!("{sign}{z}:00")
        } else {
            String::new()
        }
    } else {
        String::new()
    };
    Some(format!("{date}T{h:02}:{mi:02}:{sec:02}{offset}"))
}

/// Dates with a month name ("5 gennaio 2022", "January 5, 2022", "Tue, 04 Jan 2022 10:00:00
/// +0100") or numeric day-first ("05.01.2022", "5/1/2022" when unambiguous or day-first).
fn textual(s: &str) -> Option<String> {
    // A leading weekday ("Tue,", "mar,"): Italian "mar" would otherwise read as March.
    let s = match s.split_once(',') {
        Some((day, rest)) if day.chars().all(char::is_alphabetic) => rest,
        _ => s,
    };
    let tokens: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | '-' | '(' | ')'))
        .filter(|t| !t.is_empty())
        .collect();
    let number = |t: &str| -> Option<u32> {
        let t = t.trim_end_matches('.');
        let t = t
            .trim_end_matches("st")
            .trim_end_matches("nd")
            .trim_end_matches("rd")
            .trim_end_matches("th")
            .trim_end_matches('º')
            .trim_end_matches("er");
        (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    for (i, t) in tokens.iter().enumerate() {
        let Some(m) = month_of(t) else { continue };
        // Day before the month ("5 gennaio", "5. Januar", "5 de enero") or after ("January 5").
        let before = i
            .checked_sub(1)
            .and_then(|j| number(tokens[j]))
            .or_else(|| {
                let de = i.checked_sub(1).map(|j| tokens[j]);
                matches!(de, Some("de" | "del"))
                    .then(|| i.checked_sub(2).and_then(|j| number(tokens[j])))
                    .flatten()
            })
            .filter(|d| (1..=31).contains(d));
        let after = tokens
            .get(i + 1)
            .and_then(|t| number(t))
            .filter(|d| (1..=31).contains(d));
        let day = before.or(after);
        let year_at = tokens[i + 1..]
            .iter()
            .take(3)
            .position(|t| number(t).is_some_and(|n| n >= 1990) && t.len() >= 4)?;
        let y = number(tokens[i + 1 + year_at])? as i32;
        let Some(d) = day else { continue };
        if !valid(y, m, d) {
            continue;
        }
        let date = format!("{y:04}-{m:02}-{d:02}");
        // An RFC 2822 time and zone right after the year.
        let mut rest = tokens[i + 2 + year_at..].iter();
        if let Some(time) = rest.next()
            && let Some((h, mi)) = time.split_once(':')
            && let (Ok(h), Some(Ok(mi))) = (h.parse::<u32>(), mi.get(..2).map(str::parse::<u32>))
            && h < 24
            && mi < 60
        {
            let offset = match rest.next().copied() {
                Some("GMT" | "UTC" | "UT" | "Z") => "Z".to_string(),
                Some(z)
                    if z.len() == 5
                        && z.starts_with(['+', '-'])
                        && z[1..].bytes().all(|b| b.is_ascii_digit()) =>
                {
                    format!("{}:{}", &z[..3], &z[3..])
                }
                _ => String::new(),
            };
            return Some(format!("{date}T{h:02}:{mi:02}:00{offset}"));
        }
        return Some(date);
    }
    // Numeric, day first: 05.01.2022, 5/1/2022 (a first part above 12 is a day either way).
    let parts: Vec<&str> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() >= 3 && s.contains(['.', '/']) {
        let (a, b, c) = (parts[0], parts[1], parts[2]);
        if a.len() <= 2 && b.len() <= 2 && c.len() == 4 {
            let (a, b, y) = (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
            let (d, m) = if s.contains('/') && a <= 12 && b > 12 {
                (b, a)
            } else {
                (a, b)
            };
            if valid(y, m, d) {
                return Some(format!("{y:04}-{m:02}-{d:02}"));
            }
        }
    }
    None
}

/// The date in a URL path: `/2022/01/06/`, `/2022-01-06-`, `/20220106/`.
pub fn date_from_url(url: &str) -> Option<String> {
    // An archived page: the date of the original URL, not of the capture.
    let url = match url.find("/web/") {
        Some(i) if url[..i].contains("archive.org") => {
            let rest = &url[i + 5..];
            rest.split_once('/').map_or(rest, |(_, original)| original)
        }
        _ => url,
    };
    let path = url.split_once("://").map_or(url, |(_, r)| r);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let b = path.as_bytes();
    for start in 0..b.len() {
        if start > 0 && b[start - 1].is_ascii_digit() {
            continue;
        }
        if !b[start].is_ascii_digit() {
            continue;
        }
        let rb = &b[start..];
        if rb.len() >= 10
            && rb[..4].iter().all(u8::is_ascii_digit)
            && matches!(rb[4], b'/' | b'-' | b'_')
            && matches!(rb[7], b'/' | b'-' | b'_')
            && rb[5..7].iter().chain(&rb[8..10]).all(u8::is_ascii_digit)
            && rb.get(10).is_none_or(|c| !c.is_ascii_digit())
            && let Some(d) = std::str::from_utf8(&rb[..10])
                .ok()
                .and_then(|d| iso(&format!("{}-{}-{}", &d[..4], &d[5..7], &d[8..10])))
        {
            return Some(d);
        }
        if rb.len() >= 8
            && rb[..8].iter().all(u8::is_ascii_digit)
            && rb.get(8).is_none_or(|c| !c.is_ascii_digit())
            && let Some(d) = std::str::from_utf8(&rb[..8]).ok().and_then(iso)
        {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_forms() {
        let n = |s| normalize_date(s);
        assert_eq!(n("2022-01-06").as_deref(), Some("2022-01-06"));
        assert_eq!(
            n("2022-01-06T23:30:00-05:00").as_deref(),
            Some("2022-01-06T23:30:00-05:00")
        );
        assert_eq!(
            n("2022-01-06T10:30:15.123Z").as_deref(),
            Some("2022-01-06T10:30:15Z")
        );
        assert_eq!(
            n("2022-01-06 10:30").as_deref(),
            Some("2022-01-06T10:30:00")
        );
        assert_eq!(n("20220106").as_deref(), Some("2022-01-06"));
        assert_eq!(n("2022/01/06").as_deref(), Some("2022-01-06"));
        assert_eq!(n("2022-13-06"), None);
    }

    #[test]
    fn dates_in_any_language() {
        let n = |s| normalize_date(s).unwrap_or_default();
        assert_eq!(n("5 gennaio 2022"), "2022-01-05");
        assert_eq!(n("January 5th, 2022"), "2022-01-05");
        assert_eq!(n("5. Januar 2022"), "2022-01-05");
        assert_eq!(n("5 de enero de 2022"), "2022-01-05");
        assert_eq!(n("mardi 4 janvier 2022"), "2022-01-04");
        assert_eq!(n("4 января 2022 г."), "2022-01-04");
        assert_eq!(n("Tue, 04 Jan 2022 10:00:00 GMT"), "2022-01-04T10:00:00Z");
        assert_eq!(
            n("mar, 04 gen 2022 10:00:00 +0100"),
            "2022-01-04T10:00:00+01:00"
        );
        assert_eq!(n("05.01.2022"), "2022-01-05");
        assert_eq!(n("12/25/2021"), "2021-12-25");
        assert_eq!(n("nothing here"), "");
    }

    #[test]
    fn url_dates() {
        let u = |s| date_from_url(s).unwrap_or_default();
        assert_eq!(
            u("https://x.it/esteri/2022/01/06/rivolta-123/"),
            "2022-01-06"
        );
        assert_eq!(u("https://x.com/news/2022-01-06-riot"), "2022-01-06");
        assert_eq!(u("https://x.com/a/20220106/b.html"), "2022-01-06");
        assert_eq!(u("http://x.cn/local/2020-02/19/c_1.htm"), "2020-02-19");
        assert_eq!(u("https://x.com/a/id=1234567890"), "");
        assert_eq!(u("https://x.com/a/123"), "");
        assert_eq!(u("https://x.com/202204/é/2022-01-0é"), "");
        assert_eq!(
            u("https://web.archive.org/web/20160218174457/http://x.de/2010/05/19/a/"),
            "2010-05-19"
        );
    }
}
