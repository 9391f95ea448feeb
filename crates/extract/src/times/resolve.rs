//! Turning a recognised expression into a TIMEX3-style value, given the reference date.
use super::parse::{Clock, Expr, Nth, Point};
use cronaca_lang::{HolidayDate, TimeUnit};
use cronaca_model::{Precision, TimeType};
use jiff::ToSpan;
use jiff::civil::{Date, DateTime, Time, Weekday};

/// The reference point: `doc.published`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reference {
    /// The civil date and time (midnight when only a date was given).
    pub at: DateTime,
    /// Whether a time of day was given.
    pub has_time: bool,
}

impl Reference {
    /// Reads an ISO date, a civil date-time or a timestamp with offset (the offset is
    /// dropped: the local civil time is what the article means by "today").
    pub fn parse(s: &str) -> Option<Reference> {
        let s = s.trim();
        if s.len() >= 16 && matches!(s.as_bytes()[10], b'T' | b't' | b' ') {
            let date: Date = s[..10].parse().ok()?;
            let rest = &s[11..];
            let end = rest
                .find(|c: char| !(c.is_ascii_digit() || c == ':'))
                .unwrap_or(rest.len());
            let time: Time = rest[..end].parse().ok()?;
            return Some(Reference {
                at: date.to_datetime(time),
                has_time: true,
            });
        }
        let date: Date = s.get(..10)?.parse().ok()?;
        Some(Reference {
            at: date.to_datetime(Time::midnight()),
            has_time: false,
        })
    }
}

/// A resolved value.
#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    pub value: String,
    pub kind: TimeType,
    pub precision: Precision,
    pub relative: bool,
}

fn weekday_number(w: Weekday) -> i8 {
    w.to_monday_one_offset()
}

fn fmt_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn fmt_week(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

fn fmt_clock(c: &Clock) -> String {
    match c.second {
        Some(s) => format!("T{:02}:{:02}:{:02}", c.hour, c.minute, s),
        None => format!("T{:02}:{:02}", c.hour, c.minute),
    }
}

fn clock_precision(c: &Clock) -> Precision {
    if c.minute == 0 && c.second.is_none() && !c.minute_written {
        Precision::Hour
    } else {
        Precision::Minute
    }
}

/// The ISO duration of `n` units.
pub fn duration_value(n: f64, unit: TimeUnit) -> String {
    match unit {
        TimeUnit::Second => format!("PT{}S", fmt_num(n)),
        TimeUnit::Minute => format!("PT{}M", fmt_num(n)),
        TimeUnit::Hour => format!("PT{}H", fmt_num(n)),
        TimeUnit::Day => format!("P{}D", fmt_num(n)),
        TimeUnit::Weekend => format!("P{}WE", fmt_num(n)),
        TimeUnit::Week => format!("P{}W", fmt_num(n)),
        TimeUnit::Month => format!("P{}M", fmt_num(n)),
        TimeUnit::Quarter => format!("P{}M", fmt_num(3.0 * n)),
        TimeUnit::Year => format!("P{}Y", fmt_num(n)),
        TimeUnit::Decade => format!("P{}Y", fmt_num(10.0 * n)),
        TimeUnit::Century => format!("P{}Y", fmt_num(100.0 * n)),
    }
}

/// The ISO duration of several quantities, coarsest first: `P2Y1M21D`, `PT2H30M`.
fn sum_value(parts: &[(f64, TimeUnit)]) -> String {
    let mut date = String::new();
    let mut time = String::new();
    for (n, u) in parts {
        let (v, letter, in_time) = match u {
            TimeUnit::Second => (*n, 'S', true),
            TimeUnit::Minute => (*n, 'M', true),
            TimeUnit::Hour => (*n, 'H', true),
            TimeUnit::Day => (*n, 'D', false),
            TimeUnit::Week => (*n, 'W', false),
            TimeUnit::Weekend => return duration_value(*n, *u),
            TimeUnit::Month => (*n, 'M', false),
            TimeUnit::Quarter => (3.0 * n, 'M', false),
            TimeUnit::Year => (*n, 'Y', false),
            TimeUnit::Decade => (10.0 * n, 'Y', false),
            TimeUnit::Century => (100.0 * n, 'Y', false),
        };
        let out = if in_time { &mut time } else { &mut date };
        out.push_str(&fmt_num(v));
        out.push(letter);
    }
    if time.is_empty() {
        format!("P{date}")
    } else {
        format!("P{date}T{time}")
    }
}

pub fn unit_precision(unit: TimeUnit) -> Precision {
    match unit {
        TimeUnit::Second | TimeUnit::Minute => Precision::Minute,
        TimeUnit::Hour => Precision::Hour,
        TimeUnit::Day => Precision::Day,
        TimeUnit::Week | TimeUnit::Weekend => Precision::Week,
        TimeUnit::Month | TimeUnit::Quarter => Precision::Month,
        TimeUnit::Year | TimeUnit::Decade | TimeUnit::Century => Precision::Year,
    }
}

/// The date `months` months after the first of `d`'s month.
fn add_months(d: Date, months: i32) -> Option<Date> {
    let first = d.first_of_month();
    first.checked_add(i64::from(months).months()).ok()
}

/// Resolves `expr` against `reference`; `direction` is -1 (past) or 1 (future) for
/// expressions that leave it open (a bare weekday or a date without a year).
pub fn resolve(expr: &Expr, reference: Option<Reference>, direction: i32) -> Option<Value> {
    match expr {
        Expr::Duration(n, unit) => Some(Value {
            value: duration_value(*n, *unit),
            kind: TimeType::Duration,
            precision: unit_precision(*unit),
            relative: false,
        }),
        Expr::Sum(parts) => Some(Value {
            value: sum_value(parts),
            kind: TimeType::Duration,
            precision: unit_precision(parts.last()?.1),
            relative: false,
        }),
        Expr::Set(value, precision) => Some(Value {
            value: value.clone(),
            kind: TimeType::Set,
            precision: *precision,
            relative: false,
        }),
        Expr::Shift(parts, sign) => resolve_shift(parts, *sign, reference),
        Expr::Within(n, unit) if direction < 0 => resolve(&Expr::Duration(*n, *unit), None, 0),
        Expr::Within(n, unit) => resolve_shift(&[(*n, *unit)], 1, reference),
        Expr::Anchored(parts, sign, point) => {
            let anchor = resolve_point(point, reference, direction)?;
            let day = anchor
                .value
                .get(..10)
                .and_then(|d| d.parse::<Date>().ok())
                .filter(|_| matches!(anchor.precision, Precision::Day));
            match day {
                Some(d) => resolve_shift(
                    parts,
                    *sign,
                    Some(Reference {
                        at: d.to_datetime(Time::midnight()),
                        has_time: false,
                    }),
                )
                .map(|v| Value {
                    relative: anchor.relative,
                    ..v
                }),
                None => resolve_shift(parts, *sign, None),
            }
        }
        Expr::Point(p) => resolve_point(p, reference, direction),
    }
}

fn resolve_shift(
    parts: &[(f64, TimeUnit)],
    sign: i32,
    reference: Option<Reference>,
) -> Option<Value> {
    let fine = parts.iter().any(|(n, u)| {
        matches!(u, TimeUnit::Second | TimeUnit::Minute | TimeUnit::Hour) || n.fract() != 0.0
    });
    let Some(r) = reference else {
        return Some(Value {
            value: if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into(),
            kind: if fine {
                TimeType::Datetime
            } else {
                TimeType::Date
            },
            precision: if fine {
                Precision::Minute
            } else {
                Precision::Day
            },
            relative: true,
        });
    };
    let mut at = r.at;
    for (n, unit) in parts {
        let s = f64::from(sign) * n;
        let whole = s.trunc() as i64;
        at = match unit {
            TimeUnit::Second => at.checked_add((s.round() as i64).seconds()).ok()?,
            TimeUnit::Minute => at.checked_add(((s * 60.0).round() as i64).seconds()).ok()?,
            TimeUnit::Hour => at.checked_add(((s * 60.0).round() as i64).minutes()).ok()?,
            TimeUnit::Day => at.checked_add(((s * 24.0).round() as i64).hours()).ok()?,
            TimeUnit::Week | TimeUnit::Weekend => {
                at.checked_add(((s * 7.0).round() as i64).days()).ok()?
            }
            TimeUnit::Month => at.checked_add(whole.months()).ok()?,
            TimeUnit::Quarter => at.checked_add((3 * whole).months()).ok()?,
            TimeUnit::Year => at.checked_add(whole.years()).ok()?,
            TimeUnit::Decade => at.checked_add((10 * whole).years()).ok()?,
            TimeUnit::Century => at.checked_add((100 * whole).years()).ok()?,
        };
    }
    Some(if fine {
        Value {
            value: format!(
                "{}T{:02}:{:02}",
                fmt_date(at.date()),
                at.hour(),
                at.minute()
            ),
            kind: TimeType::Datetime,
            precision: Precision::Minute,
            relative: true,
        }
    } else {
        Value {
            value: fmt_date(at.date()),
            kind: TimeType::Date,
            precision: Precision::Day,
            relative: true,
        }
    })
}

/// What the date part of a point resolved to.
enum Calendar {
    Day(Date),
    Week(Date),
    Weekend(Date),
    Month(i16, i8),
    Quarter(i16, i8),
    Season(i16, String),
    Year(i16),
    /// Not resolvable: the value with placeholders and its precision.
    Open(String, Precision),
}

fn resolve_point(p: &Point, reference: Option<Reference>, direction: i32) -> Option<Value> {
    // "this past Wednesday", "este pasado miércoles": the nearest one that way.
    let direction = p.direction.unwrap_or(direction);
    if p.now {
        return Some(Value {
            value: "PRESENT_REF".into(),
            kind: TimeType::Datetime,
            precision: Precision::Minute,
            relative: true,
        });
    }
    let today = reference.map(|r| r.at.date());
    // "this fiscal year", "school year 2008", "fiscal year" alone (`FYXXXX`).
    if let Some(kind) = &p.year_kind {
        let (year, relative) = match (p.year, p.rel_unit, today) {
            (Some(y), _, _) => (format!("{y:04}"), false),
            (None, Some((TimeUnit::Year, k)), Some(t)) => {
                (format!("{:04}", i32::from(t.year()) + k), true)
            }
            (None, Some(_), None) => ("XXXX".into(), true),
            _ => ("XXXX".into(), false),
        };
        return Some(Value {
            value: format!("{kind}{year}"),
            kind: TimeType::Period,
            precision: Precision::Year,
            relative,
        });
    }
    let mut relative = false;
    let calendar = match calendar(p, reference, direction, &mut relative)? {
        Some(Calendar::Day(d)) if p.weekend => Some(Calendar::Weekend(weekend_of(d))),
        c => c,
    };
    let (date_value, date_precision, day) = match &calendar {
        Some(Calendar::Day(d)) => (fmt_date(*d), Precision::Day, Some(*d)),
        Some(Calendar::Week(d)) => (fmt_week(*d), Precision::Week, None),
        Some(Calendar::Weekend(d)) => (format!("{}-WE", fmt_week(*d)), Precision::Week, None),
        Some(Calendar::Month(y, m)) => (format!("{y:04}-{m:02}"), Precision::Month, None),
        Some(Calendar::Quarter(y, q)) => (format!("{y:04}-Q{q}"), Precision::Month, None),
        Some(Calendar::Season(y, s)) => (format!("{y:04}-{s}"), Precision::Month, None),
        Some(Calendar::Year(y)) => (format!("{y:04}"), Precision::Year, None),
        Some(Calendar::Open(v, prec)) => (v.clone(), *prec, None),
        None => (String::new(), Precision::Day, None),
    };
    let has_day = matches!(&calendar, Some(Calendar::Day(_)))
        || matches!(&calendar, Some(Calendar::Open(_, Precision::Day)));
    if let Some(clock) = &p.clock {
        let clock = clock.with_part(p.pod.as_deref());
        if has_day {
            return Some(Value {
                value: format!("{date_value}{}", fmt_clock(&clock)),
                kind: TimeType::Datetime,
                precision: clock_precision(&clock),
                relative,
            });
        }
        if calendar.is_some() {
            // A clock time in a week or month: keep the calendar value only.
            return Some(Value {
                value: date_value,
                kind: TimeType::Period,
                precision: date_precision,
                relative,
            });
        }
        let Some(r) = reference else {
            return Some(Value {
                value: fmt_clock(&clock),
                kind: TimeType::Time,
                precision: clock_precision(&clock),
                relative: false,
            });
        };
        Time::new(
            clock.hour as i8 % 24,
            clock.minute as i8,
            clock.second.unwrap_or(0) as i8,
            0,
        )
        .ok()?;
        // A clock time alone is on the reference day (news: "alle 14.30" is today unless a
        // date says otherwise).
        let d = r.at.date();
        return Some(Value {
            value: format!(
                "{}{}",
                fmt_date(d),
                fmt_clock(&Clock {
                    hour: clock.hour % 24,
                    ..clock
                })
            ),
            kind: TimeType::Time,
            precision: clock_precision(&clock),
            relative: true,
        });
    }
    if p.day_end && has_day {
        return Some(Value {
            value: format!("{date_value}T23:59:59"),
            kind: TimeType::Datetime,
            precision: Precision::Minute,
            relative,
        });
    }
    if let Some(pod) = &p.pod {
        if has_day {
            return Some(Value {
                value: format!("{date_value}T{pod}"),
                kind: TimeType::Period,
                precision: Precision::PartOfDay,
                relative,
            });
        }
        if calendar.is_none() {
            // A part of day alone ("in serata"): the reference day.
            return Some(match today {
                Some(d) => Value {
                    value: format!("{}T{pod}", fmt_date(d)),
                    kind: TimeType::Period,
                    precision: Precision::PartOfDay,
                    relative: true,
                },
                None => Value {
                    value: format!("XXXX-XX-XXT{pod}"),
                    kind: TimeType::Period,
                    precision: Precision::PartOfDay,
                    relative: true,
                },
            });
        }
    }
    let _ = day;
    calendar.as_ref()?;
    let kind = if date_precision == Precision::Day {
        TimeType::Date
    } else {
        TimeType::Period
    };
    Some(Value {
        value: date_value,
        kind,
        precision: date_precision,
        relative,
    })
}

/// Western Easter Sunday of `year` (the anonymous Gregorian computus).
fn easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as i8, day as i8).ok()
}

/// The date of a holiday in `year`.
fn holiday_date(h: HolidayDate, year: i16) -> Option<Date> {
    match h {
        HolidayDate::Fixed(m, d) => Date::new(year, m as i8, d as i8).ok(),
        HolidayDate::Easter(off) => easter(year)?.checked_add(i64::from(off).days()).ok(),
        HolidayDate::NthWeekday {
            month,
            weekday,
            n,
            offset,
        } => {
            let first = Date::new(year, month as i8, 1).ok()?;
            let d = if n > 0 {
                let delta =
                    (i64::from(weekday) - i64::from(weekday_number(first.weekday()))).rem_euclid(7);
                first
                    .checked_add((delta + 7 * (i64::from(n) - 1)).days())
                    .ok()
                    .filter(|d| d.month() == month as i8)?
            } else {
                let last = first.last_of_month();
                let delta =
                    (i64::from(weekday_number(last.weekday())) - i64::from(weekday)).rem_euclid(7);
                last.checked_sub(delta.days()).ok()?
            };
            d.checked_add(i64::from(offset).days()).ok()
        }
    }
}

/// A day of the weekend that goes with a holiday on `d`: a Monday holiday closes the weekend
/// before it ("Labor Day weekend"), any other day belongs to its own week's weekend.
fn weekend_of(d: Date) -> Date {
    if d.weekday() == Weekday::Monday {
        d.yesterday().unwrap_or(d)
    } else {
        d
    }
}

/// The most recent date at or before `today` (direction < 0) or the next at or after it
/// (direction > 0) among `candidates` (ascending).
fn pick(candidates: &[Date], today: Date, direction: i32) -> Option<Date> {
    if direction < 0 {
        candidates.iter().rev().find(|d| **d <= today).copied()
    } else {
        candidates.iter().find(|d| **d >= today).copied()
    }
}

/// "the first Monday of March", "the last week of July", "il terzo trimestre 2018": the
/// ranked weekday, day, week, month or quarter inside the month or year the point names
/// (the current year when none is written). Weeks are ISO weeks: the nth week of a month is
/// the one holding its day 1 + 7(n-1), the last one the week of its last Monday; the nth week
/// of a year is ISO week n.
fn nth_calendar(p: &Point, today: Option<Date>, year_shift: Option<i32>) -> Option<Calendar> {
    let (n, what) = p.nth?;
    let year = match p.year {
        Some(y) => y as i16,
        None => today?.year() + year_shift.unwrap_or(0) as i16,
    };
    let month = match (p.month, p.rel_unit) {
        (Some(m), _) => Some((year, m as i8)),
        (None, Some((TimeUnit::Month, k))) => {
            let d = add_months(today?, k)?;
            Some((d.year(), d.month()))
        }
        _ => None,
    };
    let first = |(y, m): (i16, i8)| Date::new(y, m, 1).ok();
    let last = |(y, m): (i16, i8)| first((y, m)).map(|d| d.last_of_month());
    match (what, month) {
        (Nth::Weekday(wd), Some(ym)) => {
            let d = if n > 0 {
                let f = first(ym)?;
                let delta = (wd as i64 - weekday_number(f.weekday()) as i64).rem_euclid(7);
                f.checked_add((delta + 7 * (n as i64 - 1)).days()).ok()?
            } else {
                let l = last(ym)?;
                let delta = (weekday_number(l.weekday()) as i64 - wd as i64).rem_euclid(7);
                l.checked_sub(delta.days()).ok()?
            };
            (d.month() == ym.1).then_some(Calendar::Day(d))
        }
        (Nth::Unit(TimeUnit::Day), Some(ym)) => Some(Calendar::Day(if n > 0 {
            Date::new(ym.0, ym.1, n as i8).ok()?
        } else {
            last(ym)?
        })),
        (Nth::Unit(TimeUnit::Week), Some(ym)) => Some(Calendar::Week(if n > 0 {
            first(ym)?.checked_add((7 * (n as i64 - 1)).days()).ok()?
        } else {
            let l = last(ym)?;
            l.checked_sub(((weekday_number(l.weekday()) - 1) as i64).days())
                .ok()?
        })),
        (Nth::Unit(TimeUnit::Week), None) => Some(if n > 0 {
            Calendar::Open(format!("{year:04}-W{n:02}"), Precision::Week)
        } else {
            Calendar::Week(Date::new(year, 12, 28).ok()?)
        }),
        (Nth::Unit(TimeUnit::Month), None) if n <= 12 => {
            Some(Calendar::Month(year, if n > 0 { n as i8 } else { 12 }))
        }
        (Nth::Unit(TimeUnit::Quarter), None) if n <= 4 => {
            Some(Calendar::Quarter(year, if n > 0 { n as i8 } else { 4 }))
        }
        _ => None,
    }
}

fn calendar(
    p: &Point,
    reference: Option<Reference>,
    direction: i32,
    relative: &mut bool,
) -> Option<Option<Calendar>> {
    let today = reference.map(|r| r.at.date());
    let year_shift = match p.rel_unit {
        Some((TimeUnit::Year, k)) => Some(k),
        _ => None,
    };
    if let Some(w) = p.week_no {
        let year = p.year.map(|y| y as i16).or(today.map(|t| t.year()));
        *relative = p.year.is_none();
        return Some(Some(match year {
            Some(y) => Calendar::Open(format!("{y:04}-W{w:02}"), Precision::Week),
            None => Calendar::Open(format!("XXXX-W{w:02}"), Precision::Week),
        }));
    }
    if let Some(h) = p.holiday {
        *relative = p.year.is_none();
        let in_year = |y: i16| holiday_date(h, y);
        if let Some(y) = p.year {
            return Some(in_year(y as i16).map(Calendar::Day));
        }
        let Some(today) = today else {
            return Some(Some(Calendar::Open("XXXX".into(), Precision::Year)));
        };
        if let Some(k) = year_shift {
            return Some(in_year(today.year() + k as i16).map(Calendar::Day));
        }
        let y = today.year();
        if p.month_mod == Some(0) {
            return Some(in_year(y).map(Calendar::Day));
        }
        let dir = p.month_mod.map_or(direction, i32::signum);
        let cands: Vec<Date> = (y - 1..=y + 1).filter_map(in_year).collect();
        return Some(pick(&cands, today, dir).map(Calendar::Day));
    }
    if let Some(d) = p.decade {
        return Some(Some(Calendar::Open(format!("{d:03}"), Precision::Year)));
    }
    if let Some(c) = nth_calendar(p, today, year_shift) {
        *relative = p.year.is_none();
        return Some(Some(c));
    }
    // A full date, or parts of one.
    if let Some(m) = p.month {
        let m = m as i8;
        if let Some(d) = p.day {
            let d = d as i8;
            if let Some(y) = p.year {
                return Some(Some(match Date::new(y as i16, m, d) {
                    Ok(date) => Calendar::Day(date),
                    // "29/2/2019" does not exist: keep the written value.
                    Err(_) => Calendar::Open(format!("{y:04}-{m:02}-{d:02}"), Precision::Day),
                }));
            }
            *relative = true;
            let Some(today) = today else {
                return Some(Some(Calendar::Open(
                    format!("XXXX-{m:02}-{d:02}"),
                    Precision::Day,
                )));
            };
            if let Some(k) = year_shift {
                let y = today.year() + k as i16;
                return Some(Date::new(y, m, d).ok().map(Calendar::Day));
            }
            let y = today.year();
            let cands: Vec<Date> = (y - 4..=y + 4)
                .filter_map(|y| Date::new(y, m, d).ok())
                .collect();
            if cands.is_empty() {
                return Some(Some(Calendar::Open(
                    format!("XXXX-{m:02}-{d:02}"),
                    Precision::Day,
                )));
            }
            let dir = p
                .month_mod
                .map_or(direction, |k| if k < 0 { -1 } else { 1 });
            return Some(pick(&cands, today, dir).map(Calendar::Day));
        }
        if let Some(y) = p.year {
            return Some(Some(Calendar::Month(y as i16, m)));
        }
        *relative = true;
        let Some(today) = today else {
            return Some(Some(Calendar::Open(
                format!("XXXX-{m:02}"),
                Precision::Month,
            )));
        };
        let y = today.year();
        let year = match p.month_mod {
            Some(0) => y,
            Some(k) if k < 0 => {
                if m < today.month() {
                    y
                } else {
                    y - 1
                }
            }
            Some(_) => {
                if m > today.month() {
                    y
                } else {
                    y + 1
                }
            }
            None if direction < 0 => {
                if m <= today.month() {
                    y
                } else {
                    y - 1
                }
            }
            None => {
                if m >= today.month() {
                    y
                } else {
                    y + 1
                }
            }
        };
        return Some(Some(Calendar::Month(year, m)));
    }
    if let Some(k) = p.day_offset {
        *relative = true;
        return Some(Some(match today {
            Some(t) => Calendar::Day(t.checked_add((k as i64).days()).ok()?),
            None => Calendar::Open("XXXX-XX-XX".into(), Precision::Day),
        }));
    }
    // "Friday 23", "Tue 13th": the nearest month whose day falls on that weekday.
    if let (Some(d), Some((wd, None)), None) = (p.day, p.weekday, p.month) {
        *relative = true;
        let Some(today) = today else {
            return Some(Some(Calendar::Open(
                format!("XXXX-XX-{d:02}"),
                Precision::Day,
            )));
        };
        let cands: Vec<Date> = (-24..=24)
            .filter_map(|k| add_months(today, k))
            .filter_map(|m| Date::new(m.year(), m.month(), d as i8).ok())
            .filter(|c| weekday_number(c.weekday()) == wd as i8)
            .collect();
        return Some(pick(&cands, today, direction).map(Calendar::Day));
    }
    if let Some((wd, modifier)) = p.weekday {
        *relative = true;
        let Some(today) = today else {
            return Some(Some(Calendar::Open(
                format!("XXXX-WXX-{wd}"),
                Precision::Day,
            )));
        };
        let this_week_monday = today
            .checked_sub(((weekday_number(today.weekday()) - 1) as i64).days())
            .ok()?;
        if let Some((TimeUnit::Week, k)) = p.rel_unit {
            let d = this_week_monday
                .checked_add((7 * k as i64 + wd as i64 - 1).days())
                .ok()?;
            return Some(Some(Calendar::Day(d)));
        }
        let delta = wd as i64 - weekday_number(today.weekday()) as i64;
        let d = match modifier {
            // "lunedì scorso", "next Friday", "questa domenica": that weekday in the previous,
            // next or current calendar week (as both reference suites read them).
            Some(k) => this_week_monday
                .checked_add((7 * k as i64 + wd as i64 - 1).days())
                .ok()?,
            None if direction < 0 => {
                let back = if delta <= 0 { -delta } else { 7 - delta };
                today.checked_sub(back.days()).ok()?
            }
            None => {
                let fwd = if delta > 0 { delta } else { 7 + delta };
                today.checked_add(fwd.days()).ok()?
            }
        };
        return Some(Some(Calendar::Day(d)));
    }
    if let Some(d) = p.day {
        *relative = true;
        let Some(today) = today else {
            return Some(Some(Calendar::Open(
                format!("XXXX-XX-{d:02}"),
                Precision::Day,
            )));
        };
        let cands: Vec<Date> = (-3..=3)
            .filter_map(|k| add_months(today, k))
            .filter_map(|m| Date::new(m.year(), m.month(), d as i8).ok())
            .collect();
        return Some(pick(&cands, today, direction).map(Calendar::Day));
    }
    if let Some(y) = p.year {
        return Some(Some(Calendar::Year(y as i16)));
    }
    if let Some((season, k)) = &p.season {
        *relative = true;
        let Some(today) = today else {
            return Some(Some(Calendar::Open(season.clone(), Precision::Month)));
        };
        return Some(Some(Calendar::Season(
            today.year() + k.unwrap_or(0) as i16,
            season.clone(),
        )));
    }
    if let Some((unit, k)) = p.rel_unit {
        *relative = true;
        let Some(today) = today else {
            let (v, prec) = match unit {
                TimeUnit::Week => ("XXXX-WXX", Precision::Week),
                TimeUnit::Weekend => ("XXXX-WXX-WE", Precision::Week),
                TimeUnit::Month | TimeUnit::Quarter => ("XXXX-XX", Precision::Month),
                TimeUnit::Day => ("XXXX-XX-XX", Precision::Day),
                _ => ("XXXX", Precision::Year),
            };
            return Some(Some(Calendar::Open(v.into(), prec)));
        };
        let k64 = k as i64;
        return Some(Some(match unit {
            TimeUnit::Day => Calendar::Day(today.checked_add(k64.days()).ok()?),
            TimeUnit::Week => Calendar::Week(today.checked_add((7 * k64).days()).ok()?),
            TimeUnit::Weekend => Calendar::Weekend(today.checked_add((7 * k64).days()).ok()?),
            TimeUnit::Month => {
                let d = add_months(today, k)?;
                Calendar::Month(d.year(), d.month())
            }
            TimeUnit::Quarter => {
                let q0 = (today.month() as i32 - 1) / 3 + k;
                let y = today.year() as i32 + q0.div_euclid(4);
                Calendar::Quarter(y as i16, (q0.rem_euclid(4) + 1) as i8)
            }
            TimeUnit::Year => Calendar::Year(today.year() + k as i16),
            TimeUnit::Decade => Calendar::Open(
                format!("{}", (today.year() as i32 + 10 * k) / 10),
                Precision::Year,
            ),
            TimeUnit::Century => return Some(None),
            _ => return Some(None),
        }));
    }
    if let Some(k) = p.pod_day {
        *relative = true;
        return Some(Some(match today {
            Some(t) => Calendar::Day(t.checked_add((k as i64).days()).ok()?),
            None => Calendar::Open("XXXX-XX-XX".into(), Precision::Day),
        }));
    }
    Some(None)
}
