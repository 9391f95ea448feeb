//! Time vocabulary of one language: `months.tsv`, `weekdays.tsv` and `relative_time.tsv`.
//!
//! Every form is cut into tokens with the language's own segmentation rules, folded (lower
//! case, Latin accents removed, apostrophes made `'`) and stored under its first token, so
//! that a recogniser can look up a token sequence of the text with one hash probe.
use crate::LangFiles;
use crate::error::Problems;
use cronaca_text::{SegmentRules, segment};
use std::collections::HashMap;

/// A calendar or clock unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeUnit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Weekends.
    Weekend,
    /// Months.
    Month,
    /// Quarters.
    Quarter,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

impl TimeUnit {
    fn parse(s: &str) -> Option<TimeUnit> {
        Some(match s {
            "second" => TimeUnit::Second,
            "minute" => TimeUnit::Minute,
            "hour" => TimeUnit::Hour,
            "day" => TimeUnit::Day,
            "week" => TimeUnit::Week,
            "weekend" => TimeUnit::Weekend,
            "month" => TimeUnit::Month,
            "quarter" => TimeUnit::Quarter,
            "year" => TimeUnit::Year,
            "decade" => TimeUnit::Decade,
            "century" => TimeUnit::Century,
            _ => return None,
        })
    }
}

/// Which side of its number or noun a word stands on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Before: "hace 2 días", "in 5 minutes".
    Before,
    /// After: "2 giorni fa", "two days ago".
    After,
}

/// What a time word means. One form may carry several meanings ("mar": Tuesday or March).
#[derive(Clone, Debug, PartialEq)]
pub enum TimeWord {
    /// A month, 1 to 12; `weak` forms ("may", "mar") count only next to a day or year.
    Month {
        /// 1 = January.
        month: u8,
        /// Only valid next to a day number, a year or a modifier.
        weak: bool,
    },
    /// A weekday, 1 = Monday to 7 = Sunday.
    Weekday {
        /// 1 = Monday.
        day: u8,
        /// Only valid next to a date, or alone in its sentence.
        weak: bool,
        /// A habitual plural ("Montags", "los lunes"): a set.
        set: bool,
    },
    /// A day relative to the reference: "ieri" = -1.
    DayOffset(i32),
    /// The present moment: "now", "adesso".
    Now,
    /// A unit: "giorni", "weeks".
    Unit(TimeUnit),
    /// A unit standing for several of another: "fortnight" = 2 weeks (a count column after
    /// the unit in `relative_time.tsv`). Only quantities read it.
    Units(f64, TimeUnit),
    /// A relative modifier: "scorso" = -1, "questo" = 0, "next" = 1.
    Modifier(i32),
    /// A modifier only after its unit or weekday: "the week after next" = 2.
    ModifierAfter(i32),
    /// A kind of year with its own value prefix: "fiscal year" = `FY`, "school year" = `SY`.
    YearKind(String),
    /// A part of the day: `MO`, `AF`, `EV`, `NI`, `MI`.
    PartOfDay(String),
    /// A habitual plural part of the day ("mornings", "Friday nights"): a set.
    PartOfDaySet(String),
    /// A day and a part of it in one word: "stasera" = (0, EV).
    DayPart(i32, String),
    /// "ago", "fa", "hace", "il y a", "vor".
    Ago(Side),
    /// "in", "tra", "dans", "en": a point after the reference.
    Later(Side),
    /// "in" that is a point after the reference in a sentence about the future ("arriva in
    /// una settimana") but a duration in one about the past ("in una settimana sono morte
    /// 200 persone").
    Within,
    /// "ogni", "every", "cada", "chaque", "jeden", and the step it counts ("every other" =
    /// 2).
    Every(f64),
    /// A frequency word and its period: "daily" = 1 day, "bimonthly" = 2 months.
    Frequency(f64, TimeUnit),
    /// "tutto il", "all", "ganzen": the whole of one unit.
    Whole,
    /// A small count written as a word, or a vague count ("few" = 3, `true`): a quantity, but
    /// never an hour or a day ("from some of them").
    Count(f64, bool),
    /// A season: `SP`, `SU`, `FA`, `WI`; `true` for a weak form that is also a common verb
    /// ("fall", "été"), which alone needs an article.
    Season(String, bool),
    /// A clock time written as a word: "mezzogiorno" = 12:00.
    Clock(u8, u8),
    /// A word announcing a clock hour: "alle", "at", "um", "à".
    HourIntro,
    /// A word after a clock hour: "Uhr", "h", "o'clock".
    HourSuffix,
    /// `true` for pm.
    Meridiem(bool),
    /// Minutes past (`1`) or to (`-1`) the hour: "e", "past", "nach"; "meno", "to", "vor".
    MinuteLink(i32),
    /// "mezza", "half", "demie": 30 minutes.
    Half,
    /// "quarto", "quarter", "Viertel": 15 minutes.
    Quarter,
    /// German "halb 8" = 7:30: half an hour before the hour that follows.
    HalfBefore,
    /// Words that may stand between the parts of a date: "di", "of", ",".
    Glue,
    /// An article, glue that also belongs to the span when it opens an expression
    /// ("la scorsa notte", "the last week").
    Article,
    /// A plural article or unit ("i", "los", "years"): "i giorni", "over the years" name no
    /// current unit.
    Plural,
    /// Words between two ends of a range: "al", "to", "bis".
    RangeLink,
    /// Words opening a range: "between", "tra", "entre", "zwischen" (after them "3 e 20" is
    /// two ends, not minutes).
    RangeIntro,
    /// Prepositions that may introduce a date or a year: "in", "nel", "since".
    Prep,
    /// Words that mark a duration: "for", "per", "durante".
    DurationIntro,
    /// A suffix or word making a number an ordinal day: "th", "°", "er".
    OrdinalMark,
    /// An ordinal day written as a word: "primo" = 1.
    DayOrdinal(u8),
    /// A word that makes the sentence past (`-1`) or future (`1`).
    Tense(i32),
    /// "fine", "end", "Ende", "principios": the end or start of the unit that follows, which
    /// then needs no modifier ("a fine mese", "Ende des Monats"); `true` for the end
    /// (value `end`), `false` for the start (value `start`).
    Edge(bool),
    /// "before" (`-1`), "after", "from" (`1`) between a quantity and a date: "three weeks
    /// from tomorrow", "2 weeks before Christmas".
    Anchor(i32),
    /// A quarter written with its letter: "Q1" = 1.
    QuarterNo(u8),
    /// A named day (`holidays.tsv`).
    Holiday(HolidayDate),
}

/// When a holiday falls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HolidayDate {
    /// Every year on this month and day.
    Fixed(u8, u8),
    /// Days after (or before) Western Easter Sunday.
    Easter(i16),
    /// The `n`th weekday (1 = Monday) of a month, `n` = -1 for the last one, and days added
    /// to it ("Black Friday" = the day after the fourth Thursday of November).
    NthWeekday {
        /// 1 = January.
        month: u8,
        /// 1 = Monday.
        weekday: u8,
        /// 1 to 5, or -1 for the last.
        n: i8,
        /// Days after that weekday.
        offset: i8,
    },
}

impl HolidayDate {
    fn parse(s: &str) -> Option<HolidayDate> {
        if let Some(off) = s.strip_prefix("easter") {
            let off = if off.is_empty() {
                0
            } else {
                off.trim_start_matches('+').parse().ok()?
            };
            return Some(HolidayDate::Easter(off));
        }
        let parts: Vec<&str> = s.split('-').collect();
        match parts.as_slice() {
            [m, d] => {
                let (m, d): (u8, u8) = (m.parse().ok()?, d.parse().ok()?);
                ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(HolidayDate::Fixed(m, d))
            }
            [m, w, n] => {
                let (m, w): (u8, u8) = (m.parse().ok()?, w.parse().ok()?);
                // "4+1": the day after the fourth; "last": the last one.
                let (n, offset) = match n.split_once('+') {
                    Some((n, off)) => (n, off.parse().ok()?),
                    None => (*n, 0),
                };
                let n: i8 = if n == "last" { -1 } else { n.parse().ok()? };
                ((1..=12).contains(&m) && (1..=7).contains(&w) && (n == -1 || (1..=5).contains(&n)))
                    .then_some(HolidayDate::NthWeekday {
                        month: m,
                        weekday: w,
                        n,
                        offset,
                    })
            }
            _ => None,
        }
    }
}

/// How numeric dates are ordered in a language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum NumericOrder {
    /// 06/01/2022 is 6 January.
    #[default]
    DayMonth,
    /// 01/06/2022 is 6 January.
    MonthDay,
}

/// One entry of the lexicon: the tokens after the first one, and the meaning.
#[derive(Clone, Debug)]
pub struct TimeEntry {
    /// Folded tokens that must follow the first one.
    pub rest: Vec<String>,
    /// What the form means.
    pub word: TimeWord,
    /// The rule id: `<lang>/<file>:<form>`.
    pub rule: String,
}

/// The time vocabulary of one language.
#[derive(Clone, Debug, Default)]
pub struct TimeLexicon {
    entries: FnvMap<String, Vec<TimeEntry>>,
    /// Order of day and month in numeric dates.
    pub numeric_order: NumericOrder,
    /// Word endings marking a past (`-1`) or future (`1`) verb, longest first.
    pub tense_suffixes: Vec<(String, i32)>,
}

/// Lower case, Latin accents removed, apostrophes as `'`: the form every lookup uses.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`], appending to `out` (no allocation when `out` has room).
pub fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        for b in s.bytes() {
            out.push(match b {
                b'`' => '\'',
                _ => b.to_ascii_lowercase() as char,
            });
        }
        return;
    }
    for c in s.chars() {
        for l in c.to_lowercase() {
            out.push(match l {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
                'è' | 'é' | 'ê' | 'ë' => 'e',
                'ì' | 'í' | 'î' | 'ï' => 'i',
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
                'ù' | 'ú' | 'û' | 'ü' => 'u',
                'ç' => 'c',
                'ñ' => 'n',
                'ÿ' => 'y',
                '’' | 'ʼ' | '‘' | '`' | '´' => '\'',
                '–' | '—' | '‐' | '‑' => '-',
                'º' => '°',
                other => other,
            });
        }
    }
}

/// FNV-1a: a fast hash for the short keys of the lexicon.
#[derive(Clone, Copy, Debug, Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

impl TimeLexicon {
    /// Reads the three files; bad lines are added to `problems`.
    pub(crate) fn load(
        code: &str,
        files: &LangFiles,
        rules: &SegmentRules,
        problems: &mut Problems,
    ) -> TimeLexicon {
        let mut lex = TimeLexicon::default();
        let path = |name: &str| {
            files.get(name).map_or_else(
                || format!("data/lang/{code}/{name}"),
                |(p, _)| p.to_string(),
            )
        };
        let mut seen: HashMap<(String, String), usize> = HashMap::new();
        for name in [
            "months.tsv",
            "weekdays.tsv",
            "relative_time.tsv",
            "holidays.tsv",
        ] {
            let file_path = path(name);
            let stem = name.trim_end_matches(".tsv");
            for (line, text) in files.data_lines(name) {
                let cols: Vec<&str> = text.split('\t').map(str::trim).collect();
                let parsed = match name {
                    "months.tsv" => parse_month(&cols),
                    "weekdays.tsv" => parse_weekday(&cols),
                    "holidays.tsv" => parse_holiday(&cols),
                    _ => parse_relative(&cols, &mut lex),
                };
                let word = match parsed {
                    Ok(Some(w)) => w,
                    Ok(None) => continue,
                    Err(e) => {
                        problems.at(&file_path, line, e);
                        continue;
                    }
                };
                let form = cols[0];
                let key = (fold(form), format!("{word:?}"));
                if let Some(first) = seen.insert(key, line) {
                    problems.at(
                        &file_path,
                        line,
                        format!("duplicate of line {first}: {form:?}"),
                    );
                    continue;
                }
                lex.add(form, word, format!("{code}/{stem}:{form}"), rules);
            }
        }
        lex.tense_suffixes
            .sort_by_key(|s| std::cmp::Reverse(s.0.chars().count()));
        lex
    }

    fn add(&mut self, form: &str, word: TimeWord, rule: String, rules: &SegmentRules) {
        let seg = segment(form, rules);
        let mut toks: Vec<String> = seg
            .tokens
            .iter()
            .map(|t| fold(&form[t.span.clone()]))
            .collect();
        if toks.is_empty() {
            return;
        }
        // An elided form ("quest'", "l'"): in running text the apostrophe stays with the word
        // ("quest’anno"), so keep it in the same token.
        if toks.len() >= 2 && toks.last().is_some_and(|t| t == "'") && form.ends_with(['\'', '’'])
        {
            toks.pop();
            if let Some(last) = toks.last_mut() {
                last.push('\'');
            }
        }
        let first = toks.remove(0);
        let entry = TimeEntry {
            rest: toks,
            word,
            rule,
        };
        self.entries.entry(first).or_default().push(entry);
    }

    /// The entries whose first token is `folded`.
    pub fn starting_with(&self, folded: &str) -> &[TimeEntry] {
        self.entries.get(folded).map_or(&[], Vec::as_slice)
    }

    /// True when the lexicon has no word at all.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn number<T: std::str::FromStr>(s: Option<&&str>, what: &str) -> Result<T, String> {
    let s = s.ok_or_else(|| format!("missing {what} column"))?;
    s.parse()
        .map_err(|_| format!("bad {what} {s:?} (expected a number)"))
}

fn flags<'a>(cols: &'a [&'a str], from: usize, allowed: &[&str]) -> Result<Vec<&'a str>, String> {
    let mut out = Vec::new();
    for c in cols.iter().skip(from).filter(|c| !c.is_empty()) {
        if !allowed.contains(c) {
            return Err(format!(
                "unknown flag {c:?} (expected {})",
                allowed.join(", ")
            ));
        }
        out.push(*c);
    }
    Ok(out)
}

fn parse_month(cols: &[&str]) -> Result<Option<TimeWord>, String> {
    let month: u8 = number(cols.get(1), "month")?;
    if !(1..=12).contains(&month) {
        return Err(format!("month {month} out of range (expected 1 to 12)"));
    }
    let f = flags(cols, 2, &["weak"])?;
    Ok(Some(TimeWord::Month {
        month,
        weak: f.contains(&"weak"),
    }))
}

fn parse_holiday(cols: &[&str]) -> Result<Option<TimeWord>, String> {
    let when = cols.get(1).copied().unwrap_or("");
    HolidayDate::parse(when)
        .map(|h| Some(TimeWord::Holiday(h)))
        .ok_or_else(|| {
            format!(
                "bad date {when:?} (expected MM-DD, easter, easter+N, easter-N or MM-weekday-n[+N], n = 1 to 5 or last)"
            )
        })
}

fn parse_weekday(cols: &[&str]) -> Result<Option<TimeWord>, String> {
    let day: u8 = number(cols.get(1), "weekday")?;
    if !(1..=7).contains(&day) {
        return Err(format!(
            "weekday {day} out of range (expected 1 = Monday to 7)"
        ));
    }
    let f = flags(cols, 2, &["weak", "set"])?;
    Ok(Some(TimeWord::Weekday {
        day,
        weak: f.contains(&"weak"),
        set: f.contains(&"set"),
    }))
}

const ROLES: &str = "day, now, unit, modifier, modifier_after, year_kind, part_of_day, day_part, ago, later, within, every, \
frequency, whole, count, season, clock, hour_intro, hour_suffix, meridiem, minute_link, half, \
quarter, half_before, glue, article, plural, range_link, range_intro, prep, duration_intro, ordinal_mark, day_ordinal, tense, \
tense_suffix, edge, anchor, quarter_no, setting";

const PARTS: [&str; 6] = ["MO", "MI", "AF", "EV", "NI", "DT"];

fn parse_relative(cols: &[&str], lex: &mut TimeLexicon) -> Result<Option<TimeWord>, String> {
    let role = cols.get(1).copied().unwrap_or("");
    let value = cols.get(2).copied().unwrap_or("");
    let unit = |v: &str| {
        TimeUnit::parse(v).ok_or_else(|| {
            format!("unknown unit {v:?} (expected second, minute, hour, day, week, weekend, month, quarter, year, decade, century)")
        })
    };
    let part = |v: &str| {
        if PARTS.contains(&v) {
            Ok(v.to_string())
        } else {
            Err(format!(
                "unknown part of day {v:?} (expected {})",
                PARTS.join(", ")
            ))
        }
    };
    let side = |v: &str| match v {
        "before" => Ok(Side::Before),
        "after" => Ok(Side::After),
        _ => Err(format!("unknown side {v:?} (expected before, after)")),
    };
    let tense = |v: &str| match v {
        "past" => Ok(-1),
        "future" => Ok(1),
        _ => Err(format!("unknown tense {v:?} (expected past, future)")),
    };
    let v = Some(&value);
    Ok(Some(match role {
        "day" => TimeWord::DayOffset(number(v, "day offset")?),
        "now" => TimeWord::Now,
        "unit" => match cols.get(3).filter(|c| !c.is_empty()) {
            // "fortnight	unit	week	2"
            Some(n) => TimeWord::Units(number(Some(n), "count")?, unit(value)?),
            None => TimeWord::Unit(unit(value)?),
        },
        "modifier" => TimeWord::Modifier(number(v, "modifier")?),
        "modifier_after" => TimeWord::ModifierAfter(number(v, "modifier")?),
        "year_kind" => match value {
            "FY" | "SY" => TimeWord::YearKind(value.to_string()),
            _ => return Err(format!("unknown year_kind {value:?} (expected FY, SY)")),
        },
        "part_of_day" => match cols.get(3).copied().unwrap_or("") {
            "" => TimeWord::PartOfDay(part(value)?),
            "set" => TimeWord::PartOfDaySet(part(value)?),
            f => return Err(format!("unknown flag {f:?} (expected set)")),
        },
        "day_part" => {
            let (off, p) = value.split_once(':').ok_or_else(|| {
                format!("bad day_part {value:?} (expected offset:PART, e.g. 0:EV)")
            })?;
            TimeWord::DayPart(number(Some(&off), "day offset")?, part(p)?)
        }
        "ago" => TimeWord::Ago(side(value)?),
        "later" => TimeWord::Later(side(value)?),
        "within" => TimeWord::Within,
        "every" if value.is_empty() => TimeWord::Every(1.0),
        "every" => TimeWord::Every(number(v, "step")?),
        "frequency" => TimeWord::Frequency(
            match cols.get(3).filter(|c| !c.is_empty()) {
                Some(n) => number(Some(n), "count")?,
                None => 1.0,
            },
            unit(value)?,
        ),
        "whole" => TimeWord::Whole,
        "count" => TimeWord::Count(
            number(v, "count")?,
            match cols.get(3).copied().unwrap_or("") {
                "" => false,
                "vague" => true,
                f => return Err(format!("unknown flag {f:?} (expected vague)")),
            },
        ),
        "season" => match value {
            "SP" | "SU" | "FA" | "WI" => TimeWord::Season(
                value.to_string(),
                match cols.get(3).copied().unwrap_or("") {
                    "" => false,
                    "weak" => true,
                    f => return Err(format!("unknown flag {f:?} (expected weak)")),
                },
            ),
            _ => {
                return Err(format!(
                    "unknown season {value:?} (expected SP, SU, FA, WI)"
                ));
            }
        },
        "clock" => {
            let (h, m) = value
                .split_once(':')
                .ok_or_else(|| format!("bad clock {value:?} (expected HH:MM)"))?;
            TimeWord::Clock(number(Some(&h), "hour")?, number(Some(&m), "minute")?)
        }
        "hour_intro" => TimeWord::HourIntro,
        "hour_suffix" => TimeWord::HourSuffix,
        "meridiem" => match value {
            "am" => TimeWord::Meridiem(false),
            "pm" => TimeWord::Meridiem(true),
            _ => return Err(format!("unknown meridiem {value:?} (expected am, pm)")),
        },
        "minute_link" => match value {
            "past" => TimeWord::MinuteLink(1),
            "to" => TimeWord::MinuteLink(-1),
            _ => return Err(format!("unknown minute_link {value:?} (expected past, to)")),
        },
        "half" => TimeWord::Half,
        "quarter" => TimeWord::Quarter,
        "half_before" => TimeWord::HalfBefore,
        "glue" => TimeWord::Glue,
        "article" => TimeWord::Article,
        "plural" => TimeWord::Plural,
        "range_link" => TimeWord::RangeLink,
        "range_intro" => TimeWord::RangeIntro,
        "prep" => TimeWord::Prep,
        "duration_intro" => TimeWord::DurationIntro,
        "ordinal_mark" => TimeWord::OrdinalMark,
        "day_ordinal" => TimeWord::DayOrdinal(number(v, "day")?),
        "tense" => TimeWord::Tense(tense(value)?),
        "quarter_no" => TimeWord::QuarterNo(number(v, "quarter")?),
        "anchor" => match value {
            "before" => TimeWord::Anchor(-1),
            "after" => TimeWord::Anchor(1),
            _ => return Err(format!("unknown anchor {value:?} (expected before, after)")),
        },
        "edge" => match value {
            "end" => TimeWord::Edge(true),
            "start" => TimeWord::Edge(false),
            _ => return Err(format!("unknown edge {value:?} (expected end, start)")),
        },
        "tense_suffix" => {
            lex.tense_suffixes.push((fold(cols[0]), tense(value)?));
            return Ok(None);
        }
        "setting" => {
            match (cols[0], value) {
                ("numeric_date", "day_month") => lex.numeric_order = NumericOrder::DayMonth,
                ("numeric_date", "month_day") => lex.numeric_order = NumericOrder::MonthDay,
                _ => {
                    return Err(format!(
                        "unknown setting {:?} = {value:?} (expected numeric_date = day_month or month_day)",
                        cols[0]
                    ));
                }
            }
            return Ok(None);
        }
        _ => return Err(format!("unknown role {role:?} (expected {ROLES})")),
    }))
}

#[cfg(test)]
mod tests {
    use super::HolidayDate;

    #[test]
    fn holiday_dates_parse() {
        assert_eq!(
            HolidayDate::parse("12-25"),
            Some(HolidayDate::Fixed(12, 25))
        );
        assert_eq!(
            HolidayDate::parse("easter-2"),
            Some(HolidayDate::Easter(-2))
        );
        let nth = |month, weekday, n, offset| HolidayDate::NthWeekday {
            month,
            weekday,
            n,
            offset,
        };
        assert_eq!(HolidayDate::parse("11-4-4"), Some(nth(11, 4, 4, 0)));
        assert_eq!(HolidayDate::parse("11-4-4+1"), Some(nth(11, 4, 4, 1)));
        assert_eq!(HolidayDate::parse("05-1-last"), Some(nth(5, 1, -1, 0)));
        assert_eq!(HolidayDate::parse("05-1-6"), None);
        assert_eq!(HolidayDate::parse("05-8-1"), None);
        assert_eq!(HolidayDate::parse("11-4-4+x"), None);
    }
}
