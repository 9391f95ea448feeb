//! Recognising time expressions in a sentence's tokens, driven by the language's lexicon.
//!
//! The parser reads *components* (a weekday, a day number, a month, a year, a clock time, a
//! part of day, a relative word, a modifier with its unit…) separated by glue words, and
//! composes them into one [`Point`]; quantities ("tre giorni", "two days ago", "ogni
//! settimana") become durations, shifts and sets. Word order is free: "6 gennaio",
//! "January 6", "el 6 de enero" and "am 6. Januar" are the same components.
use super::resolve::duration_value;
use crate::amounts::Amount;
use cronaca_lang::{HolidayDate, Lang, NumericOrder, Side, TimeUnit, TimeWord};
use cronaca_model::{AmountKind, Precision};
use cronaca_text::TokenKind;

/// A clock time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Clock {
    pub hour: u8,
    pub minute: u8,
    pub second: Option<u8>,
    /// Whether minutes were written ("14:00" vs "14").
    pub minute_written: bool,
    /// am (false) or pm (true), when written.
    pub meridiem: Option<bool>,
}

impl Clock {
    fn new(hour: u8, minute: u8) -> Clock {
        Clock {
            hour,
            minute,
            second: None,
            minute_written: false,
            meridiem: None,
        }
    }

    /// The 24-hour clock, given am/pm and the part of day it sits in.
    pub fn with_part(&self, pod: Option<&str>) -> Clock {
        let mut c = *self;
        if c.hour == 24 {
            c.hour = 0;
        }
        match c.meridiem {
            Some(true) if c.hour < 12 => c.hour += 12,
            Some(false) if c.hour == 12 => c.hour = 0,
            _ => {}
        }
        if c.meridiem.is_none() {
            match pod {
                Some("AF" | "EV") if c.hour < 12 => c.hour += 12,
                Some("NI") if (6..12).contains(&c.hour) => c.hour += 12,
                Some("NI") if c.hour == 12 => c.hour = 0,
                _ => {}
            }
        }
        c
    }
}

/// A point or stretch of calendar, as far as the text states it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Point {
    pub now: bool,
    pub day_offset: Option<i32>,
    /// Weekday and its modifier.
    pub weekday: Option<(u8, Option<i32>)>,
    pub day: Option<u8>,
    /// Whether the day was written as an ordinal ("18th", "primo").
    pub day_strong: bool,
    pub month: Option<u8>,
    pub month_mod: Option<i32>,
    pub year: Option<i32>,
    /// "this week", "l'anno scorso": a unit and an offset.
    pub rel_unit: Option<(TimeUnit, i32)>,
    pub pod: Option<String>,
    /// The day a part of day or a modified part of day points to ("stasera", "last night").
    pub pod_day: Option<i32>,
    pub clock: Option<Clock>,
    pub season: Option<(String, Option<i32>)>,
    /// A movable holiday (Easter-based, nth weekday).
    pub holiday: Option<HolidayDate>,
    /// An ISO week number ("week 10").
    pub week_no: Option<u8>,
    /// "the first Monday of March", "the last week of July", "the third quarter": the rank
    /// (-1 = last) and what is counted, inside the month or year the point names.
    pub nth: Option<(i32, Nth)>,
    /// "the end of the day", "alla fine di domani": the last second of the day.
    pub day_end: bool,
    /// A decade as its first three digits ("1990s", "los años noventa" = 199).
    pub decade: Option<i32>,
    /// "this past" (-1), "this upcoming" (1): the nearest occurrence that way, whatever the
    /// tense.
    pub direction: Option<i32>,
    /// "Thanksgiving weekend": the weekend of the holiday.
    pub weekend: bool,
    /// "fiscal year", "school year": the prefix of the year's value (`FY2019`).
    pub year_kind: Option<String>,
}

/// What an ordinal counts inside a month or year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Nth {
    Weekday(u8),
    Unit(TimeUnit),
}

/// A recognised expression, before resolution.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Point(Point),
    Duration(f64, TimeUnit),
    /// A duration of several units: "2 years 1 month" (coarsest first).
    Sum(Vec<(f64, TimeUnit)>),
    /// A set: its value and precision.
    Set(String, Precision),
    /// "two days ago" (-1), "in 5 minutes" (1).
    Shift(Vec<(f64, TimeUnit)>, i32),
    /// "in una settimana": a shift forward, or a duration in a sentence about the past.
    Within(f64, TimeUnit),
    /// "three weeks from tomorrow" (1), "2 weeks before Christmas" (-1): a shift from a date.
    Anchored(Vec<(f64, TimeUnit)>, i32, Point),
}

/// A recognised expression and the tokens it covers.
#[derive(Clone, Debug)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    pub rule: String,
}

/// A lexicon match at a token.
#[derive(Clone, Debug)]
struct Hit<'l> {
    end: usize,
    word: &'l TimeWord,
    rule: &'l str,
}

/// The folded form of every token, in one buffer.
struct Folded {
    buffer: String,
    bounds: Vec<(usize, usize)>,
}

impl Folded {
    fn get(&self, i: usize) -> &str {
        let (s, e) = self.bounds[i];
        &self.buffer[s..e]
    }
}

/// One sentence (or text) ready for parsing.
pub struct Parser<'a> {
    text: &'a str,
    lang: &'a Lang,
    /// Token byte ranges, kinds and folded forms.
    spans: Vec<(usize, usize)>,
    kinds: Vec<TokenKind>,
    folded: Folded,
    /// Lexicon matches of every token, longest first, in one vector: those of token `i` are
    /// `hits[hit_bounds[i]..hit_bounds[i + 1]]`.
    hits: Vec<Hit<'a>>,
    hit_bounds: Vec<u32>,
    /// Value of a number written in words starting at a token, and the token after it.
    word_numbers: Vec<Option<(f64, usize, bool)>>,
    /// The parser token of each segmentation token, and the count at the end.
    index: Vec<usize>,
}

/// The parts of a hyphenated word to read apart ("mid-November", "Jan-Feb", "five-thirty",
/// "am-3" in "8am-3"): the whole not a time word, each part letters or digits, and either a
/// part that is a strong time word (a month, a weekday, a part of day…), or letter parts that
/// are all time words with one of those among them ("Jan-Feb"; not "Mar-a-Lago"), or two
/// parts that start numbers ("thirty-six" is one number and stays whole).
fn hyphen_pieces(
    text: &str,
    span: std::ops::Range<usize>,
    lang: &Lang,
    amounts: &[Amount],
) -> Option<Vec<(usize, usize)>> {
    let word = &text[span.clone()];
    if !word.contains(['-', '‐', '‑']) {
        return None;
    }
    let mut pieces = Vec::new();
    let mut start = span.start;
    for (k, c) in word.char_indices() {
        if matches!(c, '-' | '‐' | '‑') {
            pieces.push((start, span.start + k));
            start = span.start + k + c.len_utf8();
        }
    }
    pieces.push((start, span.end));
    let letters = |(s, e): (usize, usize)| text[s..e].chars().all(char::is_alphabetic);
    if pieces
        .iter()
        .any(|&(s, e)| s == e || !(letters((s, e)) || is_digits(&text[s..e])))
    {
        return None;
    }
    let times = &lang.times;
    if !times
        .starting_with(&cronaca_lang::fold_time(word))
        .is_empty()
    {
        return None;
    }
    // For each letter part: (has a time word, has a strong time word, has a weak one).
    let mut all_known = true;
    let mut strong = false;
    let mut weak = false;
    for &(s, e) in pieces.iter().filter(|&&p| letters(p)) {
        let entries = times.starting_with(&cronaca_lang::fold_time(&text[s..e]));
        let single = || entries.iter().filter(|en| en.rest.is_empty());
        all_known &= single().next().is_some();
        for en in single() {
            match en.word {
                TimeWord::Month { weak: true, .. } | TimeWord::Weekday { weak: true, .. } => {
                    weak = true
                }
                TimeWord::Month { .. }
                | TimeWord::Weekday { .. }
                | TimeWord::PartOfDay(_)
                | TimeWord::Season(..)
                | TimeWord::Clock(..)
                | TimeWord::Holiday(_)
                | TimeWord::Meridiem(_) => strong = true,
                _ => {}
            }
        }
    }
    let numbers = pieces
        .iter()
        .filter(|&&(s, e)| {
            letters((s, e)) && amounts.binary_search_by_key(&s, |a| a.span.start).is_ok()
        })
        .count();
    let read = strong && (all_known || pieces.iter().all(|&p| letters(p)))
        || weak && all_known
        || numbers >= 2;
    read.then_some(pieces)
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

impl<'a> Parser<'a> {
    pub fn new(
        text: &'a str,
        tokens: &[cronaca_text::Token],
        lang: &'a Lang,
        amounts: &[Amount],
    ) -> Parser<'a> {
        let mut spans: Vec<(usize, usize)> = Vec::with_capacity(tokens.len());
        let mut kinds = Vec::with_capacity(tokens.len());
        let mut index = Vec::with_capacity(tokens.len() + 1);
        // The hyphens inside a word read apart: no time word ("late-night" has no range link).
        let mut split_dashes = Vec::new();
        // Every token folded once, into one buffer.
        let mut buffer = String::with_capacity(text.len() + 16);
        let mut bounds = Vec::with_capacity(tokens.len());
        let mut push = |span: (usize, usize), kind, spans: &mut Vec<_>, kinds: &mut Vec<_>| {
            let start = buffer.len();
            cronaca_lang::fold_time_into(&text[span.0..span.1], &mut buffer);
            bounds.push((start, buffer.len()));
            spans.push(span);
            kinds.push(kind);
        };
        for t in tokens {
            index.push(spans.len());
            let pieces = if t.kind == TokenKind::Word {
                hyphen_pieces(text, t.span.clone(), lang, amounts)
            } else {
                None
            };
            match pieces {
                Some(pieces) => {
                    for (k, piece) in pieces.iter().enumerate() {
                        if k > 0 {
                            let prev = pieces[k - 1].1;
                            split_dashes.push(spans.len());
                            push((prev, piece.0), TokenKind::Punct, &mut spans, &mut kinds);
                        }
                        let kind = if is_digits(&text[piece.0..piece.1]) {
                            TokenKind::Number
                        } else {
                            TokenKind::Word
                        };
                        push(*piece, kind, &mut spans, &mut kinds);
                    }
                }
                None => push((t.span.start, t.span.end), t.kind, &mut spans, &mut kinds),
            }
        }
        index.push(spans.len());
        let folded = Folded { buffer, bounds };
        let n = spans.len();
        let mut hits: Vec<Hit> = Vec::with_capacity(n / 2);
        let mut hit_bounds = Vec::with_capacity(n + 1);
        hit_bounds.push(0);
        for i in 0..n {
            let first = hits.len();
            if split_dashes.binary_search(&i).is_ok() {
                hit_bounds.push(first as u32);
                continue;
            }
            for e in lang.times.starting_with(folded.get(i)) {
                let len = e.rest.len();
                if i + len < n
                    && e.rest
                        .iter()
                        .enumerate()
                        .all(|(k, r)| folded.get(i + 1 + k) == r)
                {
                    hits.push(Hit {
                        end: i + 1 + len,
                        word: &e.word,
                        rule: &e.rule,
                    });
                }
            }
            // Longest first.
            hits[first..].sort_by_key(|h| std::cmp::Reverse(h.end));
            hit_bounds.push(hits.len() as u32);
        }
        // Numbers in words, from the amounts layer (cardinals and ordinals).
        let mut word_numbers = vec![None; n];
        let mut a = 0;
        for i in 0..n {
            let (start, _) = spans[i];
            while a < amounts.len() && amounts[a].span.start < start {
                a += 1;
            }
            // The first cardinal or ordinal starting here ("ninth" under the range "ninth
            // through seventeenth").
            if kinds[i] == TokenKind::Word
                && let Some(am) = amounts[a..]
                    .iter()
                    .take_while(|am| am.span.start == start)
                    .find(|am| matches!(am.kind, AmountKind::Cardinal | AmountKind::Ordinal))
                && let Some(v) = am.value
            {
                let end = spans[i..]
                    .iter()
                    .position(|t| t.1 >= am.span.end)
                    .map_or(n, |k| i + k + 1);
                word_numbers[i] = Some((v, end, am.kind == AmountKind::Ordinal));
            }
        }
        Parser {
            text,
            lang,
            spans,
            kinds,
            folded,
            hits,
            hit_bounds,
            word_numbers,
            index,
        }
    }

    /// The parser token where segmentation token `i` starts (a hyphenated word read as its
    /// parts, "mid-November", takes several).
    pub fn index(&self, i: usize) -> usize {
        self.index[i]
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether an expression may start at token `i`: a number, or a time word that is not
    /// only glue (most tokens of a text fail this one test).
    fn can_start(&self, i: usize) -> bool {
        self.may_start(i)
            // Not inside a glue phrase ("tarde" in "más tarde").
            && !(i.saturating_sub(2)..i).any(|j| {
                self.words(j)
                    .any(|h| h.end > i && matches!(h.word, TimeWord::Glue))
            })
    }

    fn may_start(&self, i: usize) -> bool {
        self.kinds[i] == TokenKind::Number
            || self.word_numbers[i].is_some()
            // "Sep-23-2020", "Ott/2": a month name glued to numbers; "Dec31".
            || self.tok(i).contains('-')
            || self.kinds[i] == TokenKind::Word
                && self.tok(i).as_bytes().last().is_some_and(u8::is_ascii_digit)
            || (i + 1 < self.len() && self.glued(i + 1) && matches!(self.tok(i + 1), "/" | "-"))
            || self.words(i).any(|h| {
                !matches!(
                    h.word,
                    TimeWord::Glue
                        | TimeWord::Article
                        | TimeWord::Prep
                        | TimeWord::RangeLink
                        | TimeWord::RangeIntro
                        | TimeWord::Plural
                        | TimeWord::DurationIntro
                        | TimeWord::Tense(_)
                        | TimeWord::OrdinalMark
                        | TimeWord::MinuteLink(_)
                        | TimeWord::Meridiem(_)
                        | TimeWord::HourSuffix
                        | TimeWord::HourIntro
                )
            })
    }

    /// The lexicon matches at token `i` (none past the end).
    fn hits_at(&self, i: usize) -> &[Hit<'a>] {
        match (self.hit_bounds.get(i), self.hit_bounds.get(i + 1)) {
            (Some(&s), Some(&e)) => &self.hits[s as usize..e as usize],
            _ => &[],
        }
    }

    fn tok(&self, i: usize) -> &'a str {
        let (s, e) = self.spans[i];
        &self.text[s..e]
    }

    /// True when token `i` follows token `i - 1` with no space.
    fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.len() && self.spans[i - 1].1 == self.spans[i].0
    }

    fn words(&self, i: usize) -> impl Iterator<Item = &Hit<'a>> {
        self.hits_at(i).iter()
    }

    fn has(&self, i: usize, f: impl Fn(&TimeWord) -> bool) -> Option<usize> {
        self.words(i).find(|h| f(h.word)).map(|h| h.end)
    }

    fn is_punct(&self, i: usize, s: &str) -> bool {
        i < self.len() && self.kinds[i] == TokenKind::Punct && self.tok(i) == s
    }

    /// The sum of tense cues in tokens `range`.
    pub fn tense(&self, range: std::ops::Range<usize>) -> i32 {
        let mut sum = 0;
        for i in range {
            if let Some(h) = self.words(i).find(|h| matches!(h.word, TimeWord::Tense(_)))
                && let TimeWord::Tense(t) = h.word
            {
                sum += t;
                continue;
            }
            let f = self.folded.get(i);
            if self.kinds[i] == TokenKind::Word && f.len() >= 6 && f.chars().count() >= 6 {
                for (suffix, t) in &self.lang.times.tense_suffixes {
                    if f.ends_with(suffix.as_str()) {
                        sum += t;
                        break;
                    }
                }
            }
        }
        sum
    }

    /// An integer written in digits at `i`: its value, its digit count.
    fn int(&self, i: usize) -> Option<(u32, usize)> {
        if i >= self.len() || self.kinds[i] != TokenKind::Number {
            return None;
        }
        let s = self.tok(i);
        if !is_digits(s) || s.len() > 4 {
            return None;
        }
        Some((s.parse().ok()?, s.len()))
    }

    /// A count: digits (with a decimal mark), a number in words, or a count word.
    fn count(&self, i: usize) -> Option<(f64, usize)> {
        if i >= self.len() {
            return None;
        }
        if self.kinds[i] == TokenKind::Number {
            let s = self.tok(i);
            if is_digits(s) {
                return Some((s.parse().ok()?, i + 1));
            }
            let mark = self.lang.conventions.decimal_mark;
            let parts: Vec<&str> = s.split(['.', ',']).collect();
            if parts.len() == 2 && s.contains(mark) && parts[1].len() <= 2 {
                return Some((format!("{}.{}", parts[0], parts[1]).parse().ok()?, i + 1));
            }
            return None;
        }
        if let Some((v, end, false)) = self.word_numbers[i] {
            return Some((v, end));
        }
        self.words(i).find_map(|h| match h.word {
            TimeWord::Count(n, _) => Some((*n, h.end)),
            _ => None,
        })
    }

    /// A count that may be an hour or a day: not a vague one ("some", "alcuni").
    fn exact_count(&self, i: usize) -> Option<(f64, usize)> {
        if self
            .words(i)
            .any(|h| matches!(h.word, TimeWord::Count(_, true)))
            && self.word_numbers[i].is_none()
        {
            return None;
        }
        self.count(i)
    }

    /// A unit word at `i`.
    fn unit(&self, i: usize) -> Option<(TimeUnit, usize)> {
        self.words(i).find_map(|h| match h.word {
            TimeWord::Unit(u) => Some((*u, h.end)),
            _ => None,
        })
    }

    /// A unit at `i` and how many of it the word stands for ("fortnight" = 2 weeks).
    fn unit_times(&self, i: usize) -> Option<(f64, TimeUnit, usize)> {
        self.words(i).find_map(|h| match h.word {
            TimeWord::Unit(u) => Some((1.0, *u, h.end)),
            TimeWord::Units(n, u) => Some((*n, *u, h.end)),
            _ => None,
        })
    }

    /// A habitual part of day at `i` ("mornings").
    fn pod_set(&self, i: usize) -> Option<&'a str> {
        self.words(i).find_map(|h| match h.word {
            TimeWord::PartOfDaySet(p) if h.end == i + 1 => Some(p.as_str()),
            _ => None,
        })
    }

    fn modifier(&self, i: usize) -> Option<(i32, usize)> {
        self.words(i).find_map(|h| match h.word {
            TimeWord::Modifier(m) => Some((*m, h.end)),
            _ => None,
        })
    }

    /// Glue words, prepositions and range links to skip at `i`.
    /// An ordinal at `i` ("3rd", "1°", "third", "primo") or a "last" modifier: its rank
    /// (-1 = last) and the token after it.
    fn rank(&self, i: usize) -> Option<(i32, usize)> {
        if self.kinds[i] == TokenKind::Number {
            let (n, len) = self.int(i)?;
            let e = self.has(i + 1, |w| matches!(w, TimeWord::OrdinalMark))?;
            return (len <= 2 && (1..=53).contains(&n) && self.glued(i + 1))
                .then_some((n as i32, e));
        }
        if let Some((v, e, true)) = self.word_numbers[i]
            && v.fract() == 0.0
            && (1.0..=53.0).contains(&v)
        {
            return Some((v as i32, e));
        }
        self.words(i).find_map(|h| match h.word {
            TimeWord::DayOrdinal(d) => Some((*d as i32, h.end)),
            TimeWord::Modifier(-1) => Some((-1, h.end)),
            _ => None,
        })
    }

    /// "the first Monday of March", "l'ultima settimana di settembre", "el tercer trimestre
    /// de 2018", "the 9th month of next year": a rank, a weekday or unit, and (except for
    /// quarters) a month or year after it.
    fn nth(&self, i: usize) -> Option<(usize, Comp)> {
        let (n, e) = self.rank(i)?;
        if e >= self.len() {
            return None;
        }
        let (what, e2) = if let Some((u, e2)) = self.unit(e) {
            if !matches!(
                u,
                TimeUnit::Day | TimeUnit::Week | TimeUnit::Month | TimeUnit::Quarter
            ) {
                return None;
            }
            (Nth::Unit(u), e2)
        } else {
            self.words(e).find_map(|h| match h.word {
                TimeWord::Weekday {
                    day, set: false, ..
                } => Some((Nth::Weekday(*day), h.end)),
                _ => None,
            })?
        };
        let next = self.skip_between(e2);
        let container = next < self.len()
            && (self.int(next).is_some_and(|(_, len)| len == 4)
                || self
                    .has(next, |w| {
                        matches!(
                            w,
                            TimeWord::Month { .. }
                                | TimeWord::Modifier(_)
                                | TimeWord::Unit(TimeUnit::Month | TimeUnit::Year)
                        )
                    })
                    .is_some());
        if !container && what != Nth::Unit(TimeUnit::Quarter) {
            return None;
        }
        if n < 0 && !container {
            return None;
        }
        Some((e2, Comp::Nth(n, what)))
    }

    /// A quarter written with its letter at `i` ("Q1"): its number and the token after it.
    fn quarter_no(&self, i: usize) -> Option<(i32, usize)> {
        self.words(i).find_map(|h| match h.word {
            TimeWord::QuarterNo(n) => Some((*n as i32, h.end)),
            _ => None,
        })
    }

    fn skip_glue(&self, mut i: usize) -> usize {
        while let Some(end) = self.has(i, |w| matches!(w, TimeWord::Glue | TimeWord::Article)) {
            i = end;
        }
        i
    }

    /// Words allowed between two components of one point: glue, prepositions, hour words
    /// ("Tuesday by 2 in the afternoon", "lunedì in serata", "domani alle 17").
    fn skip_between(&self, mut i: usize) -> usize {
        loop {
            if let Some(end) = self.has(i, |w| {
                matches!(
                    w,
                    TimeWord::Glue | TimeWord::Article | TimeWord::Prep | TimeWord::HourIntro
                )
            }) {
                i = end;
            } else if self.is_punct(i, "-")
                && self.glued(i)
                && self.glued(i + 1)
                && self
                    .has(i + 1, |w| matches!(w, TimeWord::Month { .. }))
                    .is_some()
            {
                // "1er-Mai": a hyphen between a day and its month.
                i += 1;
            } else {
                return i;
            }
        }
    }

    fn intro_before(&self, i: usize) -> bool {
        // An hour intro right before `i` (possibly with glue between: "alle ore 10").
        let mut j = i;
        while j > 0 {
            j -= 1;
            if self
                .words(j)
                .any(|h| matches!(h.word, TimeWord::HourIntro) && h.end == i)
            {
                return true;
            }
            // Multi-token intros ending at `i`.
            if self
                .words(j)
                .any(|h| h.end == i && matches!(h.word, TimeWord::HourIntro))
            {
                return true;
            }
            if i - j > 3 {
                break;
            }
        }
        false
    }

    /// Whether token `e` is the dot of an abbreviation ("gen.", "Tue."): glued, and not
    /// ending the sentence (the end of the text or a capital after it: "in May. The").
    fn abbreviation_dot(&self, e: usize) -> bool {
        self.is_punct(e, ".")
            && self.glued(e)
            && e + 1 < self.len()
            && !self
                .tok(e + 1)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// Whether a word of the kind `f` ends right before token `i`.
    fn word_before(&self, i: usize, f: impl Fn(&TimeWord) -> bool) -> bool {
        (i.saturating_sub(3)..i).any(|j| self.words(j).any(|h| h.end == i && f(h.word)))
    }

    /// The first token of the run of glue words (not punctuation) ending right before `i`
    /// ("mid" in "after mid May"), or `i`.
    fn skip_glue_back(&self, mut i: usize) -> usize {
        while i > 0
            && self.kinds[i - 1] == TokenKind::Word
            && self.has(i - 1, |w| matches!(w, TimeWord::Glue)) == Some(i)
        {
            i -= 1;
        }
        i
    }

    fn prep_before(&self, i: usize) -> bool {
        (i.saturating_sub(3)..i).any(|j| {
            self.words(j).any(|h| {
                h.end == i
                    && matches!(
                        h.word,
                        TimeWord::Prep
                            | TimeWord::Glue
                            | TimeWord::Article
                            | TimeWord::HourIntro
                            | TimeWord::RangeLink
                    )
            })
        })
    }

    /// Whether token `i` may follow a number read as a time (punctuation, end, or a time word).
    fn time_context_after(&self, i: usize) -> bool {
        i >= self.len()
            || self.kinds[i] == TokenKind::Punct && !matches!(self.tok(i), "%" | "€" | "$" | "£")
            || !self.hits_at(i).is_empty()
    }

    // ------------------------------------------------------------------ clock times

    /// A clock time starting at `i`; `intro` is true when an hour word precedes.
    fn clock(&self, i: usize, intro: bool) -> Option<(usize, Clock)> {
        self.clock_in(i, intro, false)
    }

    /// A clock time; `date_context` is true right after a date ("Monday 11-4").
    fn clock_in(&self, i: usize, intro: bool, date_context: bool) -> Option<(usize, Clock)> {
        if i >= self.len() {
            return None;
        }
        // Clock words: "mezzogiorno", "midnight".
        if let Some((h, m, end)) = self.words(i).find_map(|h| match h.word {
            TimeWord::Clock(hh, mm) => Some((*hh, *mm, h.end)),
            _ => None,
        }) {
            // "mezzogiorno meno un quarto": the tail may change the minutes.
            let (e, mut c) = self.clock_tail(end, Clock::new(h, m));
            c.minute_written = true;
            return Some((e, c));
        }
        // "at nine thirty", "five-thirty pm".
        if let Some((e, c)) = self.words_clock(i)
            && (intro || date_context || c.meridiem.is_some())
            && self.time_context_after(e)
        {
            return Some((e, c));
        }
        // "half past seven", "quarter to five", "viertel nach drei".
        let frac = self.words(i).find_map(|h| match h.word {
            TimeWord::Half => Some((30u8, h.end)),
            TimeWord::Quarter => Some((15u8, h.end)),
            _ => None,
        });
        let frac = frac.or_else(|| {
            // "a quarter": count 1 + quarter.
            let (n, e) = self.count(i)?;
            let e2 = self.has(e, |w| matches!(w, TimeWord::Quarter))?;
            Some(((15.0 * n) as u8, e2))
        });
        if let Some((mins, e)) = frac
            && let Some((dir, e2)) = self.words(e).find_map(|h| match h.word {
                TimeWord::MinuteLink(d) => Some((*d, h.end)),
                _ => None,
            })
            && let Some((h, e3)) = self.hour_number(e2)
        {
            let c = if dir > 0 {
                Clock::new(h, mins)
            } else {
                Clock::new((h + 23) % 24, 60 - mins)
            };
            let mut c = c;
            c.minute_written = true;
            return Some(self.clock_tail(e3, c));
        }
        // "fifteen past eight", "20 min past eight", "ten to five": minutes, a link, an hour
        // (a link that also joins ranges needs the minute unit: "5 to 6pm" is a range).
        if let Some((n, e)) = self.count(i)
            && n.fract() == 0.0
            && (1.0..60.0).contains(&n)
        {
            let unit_end = self
                .unit(e)
                .filter(|(u, _)| *u == TimeUnit::Minute)
                .map(|(_, e1)| e1);
            let e1 = unit_end.unwrap_or(e);
            if let Some((dir, e2)) = self.words(e1).find_map(|h| match h.word {
                TimeWord::MinuteLink(d) => Some((*d, h.end)),
                _ => None,
            }) && (unit_end.is_some()
                || dir > 0 && self.has(e1, |w| matches!(w, TimeWord::RangeLink)).is_none())
                && let Some((h, mut e3)) = self.hour_number(e2)
            {
                let m = n as u8;
                let mut c = if dir > 0 {
                    Clock::new(h, m)
                } else {
                    Clock::new((h + 23) % 24, 60 - m)
                };
                c.minute_written = true;
                if let Some(e4) = self.has(e3, |w| matches!(w, TimeWord::HourSuffix)) {
                    e3 = e4;
                }
                return Some(self.clock_tail(e3, c));
            }
        }
        // "halb 8" = 7:30.
        if let Some(e) = self.has(i, |w| matches!(w, TimeWord::HalfBefore))
            && let Some((h, e2)) = self.hour_number(e)
        {
            let mut c = Clock::new((h + 23) % 24, 30);
            c.minute_written = true;
            return Some(self.clock_tail(e2, c));
        }
        let (h, mut end, digits) = match self.int(i) {
            Some((h, len)) if len <= 2 => (h, i + 1, true),
            // "between 0730-0930": four digits from zero after an hour word.
            Some((hm, 4)) if intro && self.tok(i).starts_with('0') && hm % 100 < 60 => {
                let mut c = Clock::new((hm / 100) as u8, (hm % 100) as u8);
                c.minute_written = true;
                return Some(self.clock_tail(i + 1, c));
            }
            Some((hm, 3 | 4))
                if self
                    .has(i + 1, |w| matches!(w, TimeWord::Meridiem(_)))
                    .is_some() =>
            {
                // "1140 a.m."
                let (h, m) = (hm / 100, hm % 100);
                if h > 12 || m > 59 {
                    return None;
                }
                let mut c = Clock::new(h as u8, m as u8);
                c.minute_written = true;
                return Some(self.clock_tail(i + 1, c));
            }
            Some(_) => return None,
            None => {
                if self.kinds[i] == TokenKind::Number {
                    // "14.30": only with an hour word before or a suffix after.
                    let s = self.tok(i);
                    let (a, b) = s.split_once('.')?;
                    if !is_digits(a)
                        || !is_digits(b)
                        || a.len() > 2
                        || b.len() != 2
                        || b.contains('.')
                    {
                        return None;
                    }
                    let (h, m): (u8, u8) = (a.parse().ok()?, b.parse().ok()?);
                    if h > 24 || m > 59 {
                        return None;
                    }
                    let after = self.has(i + 1, |w| {
                        matches!(w, TimeWord::HourSuffix | TimeWord::Meridiem(_))
                    });
                    if !intro && after.is_none() {
                        return None;
                    }
                    let mut c = Clock::new(h, m);
                    c.minute_written = true;
                    return Some(self.clock_tail(i + 1, c));
                }
                let (v, e) = self.exact_count(i)?;
                if v.fract() != 0.0 || v > 24.0 {
                    return None;
                }
                (v as u32, e, false)
            }
        };
        if h > 24 {
            return None;
        }
        let mut c = Clock::new(h as u8, 0);
        let mut strong = intro;
        // Whether only the hour word before makes it a time ("alle 10"): then what follows
        // must not be a noun ("alle 10 persone").
        let mut only_intro = intro;
        if digits && self.is_punct(end, ":") && self.glued(end) && self.glued(end + 1) {
            if let Some((m, 2)) = self.int(end + 1)
                && m < 60
            {
                c.minute = m as u8;
                c.minute_written = true;
                end += 2;
                strong = true;
                if self.is_punct(end, ":")
                    && self.glued(end)
                    && self.glued(end + 1)
                    && let Some((s, 2)) = self.int(end + 1)
                    && s < 60
                {
                    c.second = Some(s as u8);
                    end += 2;
                }
            } else {
                return None;
            }
        }
        // "10h30"
        if digits && end < self.len() && self.glued(end) && self.kinds[end] == TokenKind::Word {
            let f = self.folded.get(end);
            if let Some(m) = f.strip_prefix('h')
                && m.len() == 2
                && is_digits(m)
            {
                let m: u8 = m.parse().ok()?;
                if m < 60 {
                    c.minute = m;
                    c.minute_written = true;
                    end += 1;
                    strong = true;
                }
            }
        }
        // Suffix: "Uhr", "h", "o'clock" (and "18 uhr 12").
        if let Some(e) = self.has(end, |w| matches!(w, TimeWord::HourSuffix)) {
            end = e;
            strong = true;
            only_intro = false;
            let written = self
                .int(end)
                .filter(|(_, len)| *len <= 2)
                .map(|(m, _)| (m, 1))
                .or_else(|| {
                    // "sept heures dix": minutes in words.
                    let (v, e) = self.count(end)?;
                    (v.fract() == 0.0 && v >= 1.0 && self.int(end).is_none())
                        .then_some((v as u32, e - end))
                });
            if !c.minute_written
                && let Some((m, len)) = written
                && m < 60
                && self.glued(end) | !self.time_context_after(end + 1) | true
            {
                // "18 uhr 12"
                if self.time_context_after(end + len) {
                    c.minute = m as u8;
                    c.minute_written = true;
                    end += len;
                }
            }
        }
        let (mut e, mut c2) = self.clock_tail(end, c);
        // Minutes as a bare number after a link that also joins ranges ("e", "and", "y")
        // make no time by themselves ("tra 10 e 20 negozi"), and none at all after a word
        // opening a range ("between 3 and 8", "entre 3 et 12 de Sept").
        let plain = self.plain_minutes(end);
        if plain && self.range_intro_before(i) {
            (e, c2) = (end, c);
        }
        if c2 != c && !plain {
            strong = true;
        }
        if c2.meridiem.is_some() {
            strong = true;
        }
        // A range of hours: "5 to 6pm", "1-3 pm", "dalle 5 alle 6pm", "Monday 11-4". The first
        // end takes the am/pm of the second; a range after a date is a time range.
        if digits && c2.meridiem.is_none() && !self.is_punct(e, ":") {
            let link = if self.is_punct(e, "-") {
                Some(e + 1)
            } else {
                self.has(e, |w| {
                    matches!(w, TimeWord::RangeLink | TimeWord::HourIntro)
                })
            };
            if let Some(l) = link
                && let Some(l) = Some(self.skip_between(l))
                && let Some((h2, _)) = self.hour_number(l)
            {
                let second = self.clock(l, true);
                if let Some((_, c3)) = second
                    && let Some(pm) = c3.meridiem
                {
                    // Only a first end that can precede the second: "17 from 2pm" is a day
                    // and a time, not a range.
                    let h2 = c3.with_part(None).hour;
                    if pm && c2.hour < h2 {
                        if c2.hour < 12 && later_or_same(c2, 12, c3.with_part(None)) {
                            c2.meridiem = Some(true);
                        }
                        strong = true;
                    } else if !pm && c2.hour <= h2 {
                        c2.meridiem = Some(false);
                        strong = true;
                    }
                } else if date_context && h2 <= 24 {
                    strong = true;
                }
            }
        }
        if c2 != c || c2.minute_written {
            only_intro = false;
        }
        // "8 della sera", "3 del pomeriggio", "9 Uhr morgens": a part of day after the hour
        // (not "una noche": one is an article too).
        // Right next to it, the part of day ends the expression ("6 apres-midi"; not "2
        // morning sessions", "1 evening").
        let pod_next = || {
            self.has(e, |w| matches!(w, TimeWord::PartOfDay(_)))
                .is_some_and(|e2| h >= 2 && self.time_context_after(e2))
        };
        if !strong
            && (digits || h >= 2 || c2.minute_written)
            && (self.skip_between(e) > e || pod_next())
            && self
                .has(self.skip_between(e), |w| {
                    matches!(w, TimeWord::PartOfDay(_))
                })
                .is_some()
        {
            strong = true;
            only_intro = false;
        }
        if !strong {
            return None;
        }
        if only_intro && !self.time_context_after(e) && !date_context {
            return None;
        }
        Some((e, c2))
    }

    /// An hour and its minutes written as words ("nine thirty", "five-thirty", "six
    /// forty-three minutes"), with am/pm after it; a time only with an hour word before, a
    /// date, or am/pm.
    fn words_clock(&self, i: usize) -> Option<(usize, Clock)> {
        if self.kinds[i] != TokenKind::Word {
            return None;
        }
        let (h, e) = self.hour_number(i)?;
        if h > 12 {
            return None;
        }
        let m_at = if self.is_punct(e, "-") && self.glued(e) && self.glued(e + 1) {
            e + 1
        } else {
            e
        };
        let (m, mut end, false) = (*self.word_numbers.get(m_at)?)? else {
            return None;
        };
        if m.fract() != 0.0 || !(10.0..60.0).contains(&m) {
            return None;
        }
        if let Some((TimeUnit::Minute, e2)) = self.unit(end) {
            end = e2;
        }
        let mut c = Clock::new(h, m as u8);
        c.minute_written = true;
        Some(self.clock_tail(end, c))
    }

    /// Whether minutes after an hour ending at `end` are a bare number after a link that
    /// also joins ranges ("10 e 20").
    fn plain_minutes(&self, end: usize) -> bool {
        let Some(e) = self.has(end, |w| matches!(w, TimeWord::MinuteLink(1))) else {
            return false;
        };
        self.has(end, |w| matches!(w, TimeWord::RangeLink))
            .is_some()
            && self
                .has(e, |w| matches!(w, TimeWord::Half | TimeWord::Quarter))
                .is_none()
            && self
                .count(e)
                .is_some_and(|(_, e1)| self.has(e1, |w| matches!(w, TimeWord::Quarter)).is_none())
    }

    /// Whether a word opening a range stands before token `i` (an article between:
    /// "entre las 3").
    fn range_intro_before(&self, i: usize) -> bool {
        (i.saturating_sub(3)..i).any(|j| {
            self.words(j)
                .any(|h| matches!(h.word, TimeWord::RangeIntro))
                && (self.words(j).any(|h| h.end == i)
                    || self.skip_glue(j + 1) == i
                    || self.has(j + 1, |w| matches!(w, TimeWord::HourIntro)) == Some(i))
        })
    }

    /// An hour written as digits (≤ 24) or a word.
    fn hour_number(&self, i: usize) -> Option<(u8, usize)> {
        if let Some((h, len)) = self.int(i) {
            return (len <= 2 && h <= 24).then_some((h as u8, i + 1));
        }
        let (v, e) = self.exact_count(i)?;
        (v.fract() == 0.0 && (1.0..=24.0).contains(&v)).then_some((v as u8, e))
    }

    /// Minutes and am/pm after an hour: "e mezza", "y cuarto", "and a half", "meno un quarto",
    /// "e 20", "pm".
    fn clock_tail(&self, mut end: usize, mut c: Clock) -> (usize, Clock) {
        // Direct halves: "et demie".
        if !c.minute_written
            && let Some(e) = self.has(end, |w| matches!(w, TimeWord::Half))
        {
            c.minute = 30;
            c.minute_written = true;
            end = e;
        }
        if !c.minute_written
            && let Some((dir, e)) = self.words(end).find_map(|h| match h.word {
                TimeWord::MinuteLink(d) => Some((*d, h.end)),
                _ => None,
            })
        {
            // A backwards link that also joins ranges ("to") takes only "quarter" and "half":
            // "5 to 6pm" is a range.
            let link_is_range = dir < 0
                && self
                    .has(end, |w| matches!(w, TimeWord::RangeLink))
                    .is_some();
            let mins = if let Some(e2) = self.has(e, |w| matches!(w, TimeWord::Half)) {
                Some((30u32, e2))
            } else if let Some(e2) = self.has(e, |w| matches!(w, TimeWord::Quarter)) {
                Some((15, e2))
            } else if let Some((n, e1)) = self.count(e) {
                if let Some(e2) = self.has(e1, |w| matches!(w, TimeWord::Quarter)) {
                    Some(((15.0 * n) as u32, e2))
                } else if n.fract() == 0.0
                    && n > 0.0
                    && n < 60.0
                    && !link_is_range
                    && self
                        .has(e1, |w| {
                            matches!(w, TimeWord::HourSuffix | TimeWord::Meridiem(_))
                        })
                        .is_none()
                {
                    // "e 20 (minuti)"; a link that also joins ranges ("to") takes only
                    // "quarter" and "half": "5 to 6pm" is a range.
                    let e2 = self
                        .unit(e1)
                        .filter(|(u, _)| *u == TimeUnit::Minute)
                        .map_or(e1, |(_, e)| e);
                    Some((n as u32, e2))
                } else {
                    None
                }
            } else {
                None
            };
            if let Some((m, e2)) = mins
                && m < 60
            {
                if dir > 0 {
                    c.minute = m as u8;
                } else {
                    c.hour = (c.hour + 23) % 24;
                    c.minute = (60 - m) as u8;
                }
                c.minute_written = true;
                end = e2;
            }
        }
        if let Some((pm, e)) = self.words(end).find_map(|h| match h.word {
            TimeWord::Meridiem(pm) => Some((*pm, h.end)),
            _ => None,
        }) && c.hour <= 12
        {
            c.meridiem = Some(pm);
            end = e;
            // "9pm e tre quarti", "8 pm menos cuarto": minutes after am/pm.
            if !c.minute_written {
                let (e2, c2) = self.clock_tail(
                    end,
                    Clock {
                        meridiem: None,
                        ..c
                    },
                );
                if c2.minute_written {
                    return (
                        e2,
                        Clock {
                            meridiem: Some(pm),
                            ..c2
                        },
                    );
                }
            }
        }
        (end, c)
    }

    // ------------------------------------------------------------------ dates in digits

    /// A date written in digits: "06/01/2022", "22/04", "2015-3-3", "15.05.99", "22.04.".
    fn numeric_date(&self, i: usize) -> Option<(usize, Point)> {
        if i >= self.len() {
            return None;
        }
        let s = self.tok(i);
        // Dotted in one token: "15.05.99", "23.04.2022", "22.04" + ".".
        if self.kinds[i] == TokenKind::Number && s.contains('.') && !s.contains(',') {
            let parts: Vec<&str> = s.split('.').collect();
            let closing_dot = self.is_punct(i + 1, ".") && self.glued(i + 1);
            let ok_shape = match parts.len() {
                3 => parts[0].len() <= 2 && parts[1].len() <= 2 && matches!(parts[2].len(), 2 | 4),
                2 => {
                    parts[0].len() <= 2
                        && parts[1].len() <= 2
                        && closing_dot
                        && !self.intro_before(i)
                }
                _ => false,
            };
            if !ok_shape {
                return None;
            }
            let d: u8 = parts[0].parse().ok()?;
            let m: u8 = parts[1].parse().ok()?;
            let y = match parts.get(2) {
                Some(y) => Some(year_of(y)?),
                None => None,
            };
            if !valid_dm(d, m) {
                return None;
            }
            let end = if closing_dot { i + 2 } else { i + 1 };
            return Some((
                end,
                Point {
                    day: Some(d),
                    month: Some(m),
                    year: y,
                    ..Point::default()
                },
            ));
        }
        if !(is_digits(s) || self.kinds[i] == TokenKind::Word) {
            return None;
        }
        // Not the tail of a longer code ("133-03-03-2020", "32-2015"); a year first after a
        // dash standing alone is a date ("-2020-07-01-").
        if self.glued(i)
            && matches!(self.tok(i - 1), "/" | "-")
            && !(self.tok(i - 1) == "-"
                && !self.glued(i - 1)
                && self.int(i).is_some_and(|(_, l)| l == 4))
        {
            return None;
        }
        let (end, mut point) = self.date_run(i)?;
        // "10/1-11/2/2017": the first end of a range takes the year of the second.
        if point.year.is_none()
            && self.is_punct(end, "-")
            && self.glued(end)
            && self.glued(end + 1)
            && let Some((_, second)) = self.date_run(end + 1)
            && second.day.is_some()
        {
            point.year = second.year;
        }
        Some((end, point))
    }

    /// The glued run of digits and month names at `i` read as a date ("22/04", "2015-3-3").
    fn date_run(&self, i: usize) -> Option<(usize, Point)> {
        if i >= self.len() || !(is_digits(self.tok(i)) || self.kinds[i] == TokenKind::Word) {
            return None;
        }
        // The glued run of digits, words, "/" and "-", split on the separators.
        // The first separator decides: "10/1/2018-10/7/2018" is a date, then a range.
        let first_sep = self.text[self.start_of(i)..]
            .find(|c: char| c == '/' || c == '-' || c.is_whitespace())
            .and_then(|k| self.text[self.start_of(i) + k..].chars().next())
            .filter(|c| !c.is_whitespace());
        let mut end = i + 1;
        while end < self.len()
            && self.glued(end)
            && (self.kinds[end] != TokenKind::Punct
                || first_sep
                    .is_some_and(|c| self.tok(end).starts_with(c) && self.tok(end).len() == 1))
        {
            end += 1;
        }
        while end > i + 1 && self.kinds[end - 1] == TokenKind::Punct {
            end -= 1;
        }
        let run = &self.text[self.start_of(i)..self.end_of(end - 1)];
        let slash = run.contains('/');
        let dash = run.contains('-');
        if slash == dash {
            return None;
        }
        let mut parts = Vec::new();
        for piece in run.split(['/', '-']) {
            parts.push(self.piece(piece)?);
        }
        // "10-1-2018-10-7-2018": two dates in one run, each token apart; the first is read
        // here, the second by the range after it.
        if parts.len() == 6 && end - i == 11 {
            parts.truncate(3);
            let point = interpret_parts(&parts, dash, self.lang.times.numeric_order)?;
            return point.year.is_some().then_some((i + 5, point));
        }
        if !(2..=3).contains(&parts.len()) {
            return None;
        }
        let point = interpret_parts(&parts, dash, self.lang.times.numeric_order)?;
        Some((end, point))
    }

    /// Whether "1/2" at `k..e` reads as a fraction: two numbers joined by a slash after a
    /// number ("1 1/2") or with no preposition before it and no time word or punctuation
    /// after it ("1/2 a cup", "1/2 block of tofu"; not "on 22/04", "29/2.").
    fn fraction(&self, k: usize, e: usize) -> bool {
        if e != k + 3 || self.tok(k + 1) != "/" {
            return false;
        }
        if k > 0 && self.kinds[k - 1] == TokenKind::Number {
            return true;
        }
        let before = self.word_before(k, |w| {
            matches!(
                w,
                TimeWord::Prep
                    | TimeWord::Glue
                    | TimeWord::Article
                    | TimeWord::HourIntro
                    | TimeWord::RangeLink
                    | TimeWord::RangeIntro
                    | TimeWord::Modifier(_)
            )
        });
        let after = e >= self.len()
            || self.kinds[e] == TokenKind::Punct
            || self.words(e).any(|h| {
                !matches!(
                    h.word,
                    TimeWord::Article | TimeWord::Count(..) | TimeWord::Glue | TimeWord::Plural
                )
            });
        !before && !after
    }

    /// A date written as three numbers apart ("02 04 2009", "18 08 78", "2016 10 16"): the
    /// month in two digits, a year at one end, and no number after it.
    fn spaced_date(&self, i: usize) -> Option<(usize, Point)> {
        let apart = |k: usize| self.int(k).filter(|_| !self.glued(k));
        let (a, la) = self.int(i)?;
        let (b, lb) = apart(i + 1)?;
        let (c, lc) = apart(i + 2)?;
        if i + 3 < self.len() && self.kinds[i + 3] == TokenKind::Number {
            return None;
        }
        let year_first = la == 4 && lb == 2 && lc <= 2;
        // A two-digit year only with a zero-padded month ("18 08 78"; not "12 10 15").
        let year_last = la <= 2 && lb == 2 && (lc == 4 || lc == 2 && b < 10);
        if !(year_first || year_last) {
            return None;
        }
        let point = interpret_parts(
            &[Part::Num(a, la), Part::Num(b, lb), Part::Num(c, lc)],
            false,
            self.lang.times.numeric_order,
        )?;
        Some((i + 3, point))
    }

    /// A word made of a month name and a day number ("Dec31").
    fn glued_month_day(&self, k: usize) -> Option<Point> {
        let f = self.folded.get(k);
        let cut = f.find(|c: char| c.is_ascii_digit())?;
        let (name, digits) = f.split_at(cut);
        if name.is_empty() || digits.len() > 2 || !is_digits(digits) {
            return None;
        }
        let Part::Month(m) = self.piece(name)? else {
            return None;
        };
        let d: u8 = digits.parse().ok()?;
        valid_dm(d, m).then_some(Point {
            day: Some(d),
            month: Some(m),
            ..Point::default()
        })
    }

    /// One piece of a numeric date: digits or a month name.
    fn piece(&self, piece: &str) -> Option<Part> {
        if is_digits(piece) && piece.len() <= 4 {
            return Some(Part::Num(piece.parse().ok()?, piece.len()));
        }
        let folded = cronaca_lang::fold_time(piece);
        self.lang
            .times
            .starting_with(&folded)
            .iter()
            .find_map(|e| match e.word {
                TimeWord::Month { month, .. } if e.rest.is_empty() => Some(Part::Month(month)),
                _ => None,
            })
    }

    // ------------------------------------------------------------------ quantities

    /// "tre giorni", "2 settimane e 2 giorni": counts with units.
    fn quantity(&self, i: usize) -> Option<(usize, Vec<(f64, TimeUnit)>)> {
        let mut out = Vec::new();
        let mut k = i;
        loop {
            let (e, n, u) = self.one_quantity(k, out.is_empty())?;
            k = e;
            out.push((n, u));
            // "e", "and", "y", "und" + another quantity; "2 years 1 month 21 days" (not "to",
            // "until": "a week to five days a week").
            let next = match self.has(k, |w| {
                matches!(w, TimeWord::RangeLink | TimeWord::MinuteLink(1))
            }) {
                Some(l)
                    if self.kinds[k] == TokenKind::Word
                        && !self.words(k).any(|h| {
                            matches!(
                                h.word,
                                TimeWord::Prep | TimeWord::HourIntro | TimeWord::MinuteLink(-1)
                            )
                        }) =>
                {
                    l
                }
                Some(_) => break,
                None => k,
            };
            if let Some((_, e3)) = self.count(next)
                && self.int(next).is_some() == self.int(i).is_some()
                && let Some((_, u2, _)) = self.unit_times(e3)
                && out.iter().all(|(_, u1)| finer(u2, *u1))
                // Without a link, the next unit down ("2 years 1 month"; not "20 años 30
                // horas por semana").
                && (next > k || out.last().is_some_and(|(_, u1)| next_down(u2, *u1)))
            {
                k = next;
                continue;
            }
            break;
        }
        Some((k, out))
    }

    /// One count and unit at `k` ("3 days", "a fortnight", "half an hour" when `first`, "an
    /// hour and a half"): the token after it, the count in units and the unit.
    fn one_quantity(&self, k: usize, first: bool) -> Option<(usize, f64, TimeUnit)> {
        // "half an hour", "half a day"
        let (n, e) = match self.has(k, |w| matches!(w, TimeWord::Half)) {
            Some(e) if first => match self.count(e) {
                Some((1.0, e2)) if self.int(e).is_none() => (0.5, e2),
                _ => return None,
            },
            _ => self.count(k)?,
        };
        let (times, u, mut end) = self.unit_times(e)?;
        let mut n = n * times;
        // "an hour and a half", "one year and a quarter"
        if let Some(link) = self.has(end, |w| {
            matches!(w, TimeWord::RangeLink | TimeWord::MinuteLink(1))
        }) {
            let link2 = match self.count(link) {
                Some((1.0, e3)) if self.int(link).is_none() => e3,
                // "a half", "a quarter" read as one number.
                Some((v @ (0.5 | 0.25), e3)) if self.int(link).is_none() => {
                    return Some((e3, n + v * times, u));
                }
                _ => link,
            };
            if let Some(e4) = self.has(link2, |w| matches!(w, TimeWord::Half)) {
                n += 0.5 * times;
                end = e4;
            } else if let Some(e4) = self.has(link2, |w| matches!(w, TimeWord::Quarter))
                && self.unit(link2).is_none()
            {
                n += 0.25 * times;
                end = e4;
            }
        }
        Some((end, n, u))
    }

    /// "every N units", "ogni lunedì", "daily", "Montags".
    fn set(&self, i: usize) -> Option<(usize, Expr)> {
        if let Some((n, u, e)) = self.words(i).find_map(|h| match h.word {
            TimeWord::Frequency(n, u) => Some((*n, *u, h.end)),
            _ => None,
        }) {
            return Some((
                e,
                Expr::Set(duration_value(n, u), super::resolve::unit_precision(u)),
            ));
        }
        // "in the evenings", "on weekday mornings": a habitual part of day (not "quiz nights").
        if let Some(pod) = self.pod_set(i)
            && self.prep_before(i)
        {
            return Some((i + 1, pod_set_expr(None, pod)));
        }
        // "Friday mornings", "Sunday nights".
        if let Some((wd, e)) = self.words(i).find_map(|h| match h.word {
            TimeWord::Weekday { day, .. } => Some((*day, h.end)),
            _ => None,
        }) && let Some(pod) = self.pod_set(e)
        {
            return Some((e + 1, pod_set_expr(Some(wd), pod)));
        }
        if let Some((wd, e)) = self.words(i).find_map(|h| match h.word {
            TimeWord::Weekday { day, set: true, .. } => Some((*day, h.end)),
            _ => None,
        }) {
            // "Thursdays at 17.30"
            let k = self.skip_between(e);
            if let Some((e2, c)) = self.clock(k, self.intro_before(k)) {
                let c = c.with_part(None);
                let v = format!("XXXX-WXX-{wd}T{:02}:{:02}", c.hour, c.minute);
                return Some((e2, Expr::Set(v, Precision::Minute)));
            }
            return Some((e, Expr::Set(format!("XXXX-WXX-{wd}"), Precision::Day)));
        }
        let (step, e) = self.words(i).find_map(|h| match h.word {
            TimeWord::Every(step) => Some((*step, h.end)),
            _ => None,
        })?;
        // every [N] unit ("every other day" = every 2 days)
        let (n, e1) = self.count(e).unwrap_or((1.0, e));
        if let Some((k, u, e2)) = self.unit_times(e1) {
            return Some((
                e2,
                Expr::Set(
                    duration_value(n * k * step, u),
                    super::resolve::unit_precision(u),
                ),
            ));
        }
        // "every night", "every evening at 7:13 p.m."
        if let Some(pod) = self.words(e).find_map(|h| match h.word {
            TimeWord::PartOfDay(p) if h.end == e + 1 => Some(p.as_str()),
            _ => None,
        }) {
            let k = self.skip_between(e + 1);
            if let Some((e2, c)) = self.clock(k, self.intro_before(k)) {
                let c = c.with_part(Some(pod));
                let v = format!("T{:02}:{:02}", c.hour, c.minute);
                return Some((e2, Expr::Set(v, Precision::Minute)));
            }
            return Some((e + 1, pod_set_expr(None, pod)));
        }
        // every weekday [clock]
        if let Some((end, p)) = self.point(e) {
            if let Some((wd, _)) = p.weekday {
                let mut v = format!("XXXX-WXX-{wd}");
                if let Some(c) = p.clock {
                    let c = c.with_part(p.pod.as_deref());
                    v.push_str(&format!("T{:02}:{:02}", c.hour, c.minute));
                } else if let Some(pod) = &p.pod {
                    v.push_str(&format!("T{pod}"));
                }
                return Some((end, Expr::Set(v, Precision::Day)));
            }
            if p.pod.is_some() && p.clock.is_none() && p.day_offset.is_none() {
                return Some((
                    end,
                    Expr::Set(format!("T{}", p.pod.as_ref()?), Precision::PartOfDay),
                ));
            }
        }
        None
    }

    /// Durations, shifts and sets starting at `i`.
    fn quantity_expr(&self, i: usize) -> Option<(usize, usize, Expr)> {
        // "ago" or "in" before: "hace 2 días", "in 5 minutes", "il y a 2 jours".
        if let Some((side, sign, e)) = self.words(i).find_map(|h| match h.word {
            TimeWord::Ago(Side::Before) => Some((Side::Before, -1, h.end)),
            TimeWord::Later(Side::Before) => Some((Side::Before, 1, h.end)),
            _ => None,
        }) {
            let _ = side;
            let e = self.skip_glue(e);
            if let Some((end, q)) = self.quantity(e) {
                // "en los 5 años pasados": a modified stretch, not a shift.
                if let Some((_, e2)) = self.modifier(end)
                    && q.len() == 1
                    && self.point(end).is_none()
                {
                    return Some((e, e2, Expr::Duration(q[0].0, q[0].1)));
                }
                return Some((i, end, Expr::Shift(q, sign)));
            }
        }
        // "in una settimana", "in 5 minuti": one quantity.
        if let Some(e) = self.has(i, |w| matches!(w, TimeWord::Within))
            && let Some((end, q)) = self.quantity(self.skip_glue(e))
            && q.len() == 1
        {
            return Some((i, end, Expr::Within(q[0].0, q[0].1)));
        }
        // "the whole day", "tutto il giorno".
        if let Some(e) = self.has(i, |w| matches!(w, TimeWord::Whole))
            && let Some((u, e2)) = self.unit(self.skip_glue(e))
        {
            return Some((i, e2, Expr::Duration(1.0, u)));
        }
        // "i prossimi 3 giorni", "last 3 days": a modifier and a quantity.
        if let Some((m, e)) = self.modifier(i)
            && m != 0
            && let Some((e2, q)) = self.quantity(e)
            && (q[0].0 != 1.0 || self.int(e).is_some())
        {
            // "the last 3 months and 2 days ago they found it": the shift is apart.
            let shifted = self.words(e2).any(|h| {
                matches!(
                    h.word,
                    TimeWord::Ago(_) | TimeWord::Later(_) | TimeWord::Anchor(_)
                )
            });
            if q.len() > 1 && shifted {
                let (e1, n, u) = self.one_quantity(e, true)?;
                return Some((i, e1, Expr::Duration(n, u)));
            }
            return Some((i, e2, sum(q)));
        }
        // "3 prossimi mesi", "5 upcoming years"
        if let Some((n, e)) = self.count(i)
            && let Some((_, e1)) = self.modifier(e)
            && let Some((u, e2)) = self.unit(e1)
        {
            return Some((i, e2, Expr::Duration(n, u)));
        }
        let (end, q) = self.quantity(i)?;
        // "three weeks from tomorrow", "2 weeks before May 13 1999": shifted from a date.
        if let Some((s, e)) = self.words(end).find_map(|h| match h.word {
            TimeWord::Anchor(s) => Some((*s, h.end)),
            _ => None,
        }) && e < self.len()
            && q.iter()
                .all(|(_, u)| !matches!(u, TimeUnit::Second | TimeUnit::Minute | TimeUnit::Hour))
            && let Some((pe, p)) = self.point(self.skip_glue(e))
            && !p.now
            && p.clock.is_none()
        {
            return Some((i, pe, Expr::Anchored(q, s, p)));
        }
        if let Some((s, e)) = self.words(end).find_map(|h| match h.word {
            TimeWord::Ago(Side::After) => Some((-1, h.end)),
            TimeWord::Later(Side::After) => Some((1, h.end)),
            _ => None,
        }) {
            return Some((i, e, Expr::Shift(q, s)));
        }
        // "5 anni passati" (not "2 hours last week").
        if let Some((_, e)) = self.modifier(end)
            && q.len() == 1
            && self.point(end).is_none()
        {
            return Some((i, e, Expr::Duration(q[0].0, q[0].1)));
        }
        if q.len() == 1 {
            let (n, u) = q[0];
            // A unit that is also a clock suffix ("16 heures") is a duration only after a
            // duration word.
            let unit_tok = end - 1;
            let is_suffix = self
                .has(unit_tok, |w| matches!(w, TimeWord::HourSuffix))
                .is_some();
            let dur_intro = i > 0
                && (i.saturating_sub(2)..i).any(|j| {
                    self.words(j)
                        .any(|h| h.end == i && matches!(h.word, TimeWord::DurationIntro))
                });
            if is_suffix && !dur_intro {
                return None;
            }
            // "a" / "un" alone before a unit is a duration only after a duration word or
            // when it is a written number ("una hora", "one day").
            if self.int(i).is_none() && n == 1.0 && !dur_intro && self.tok(i).len() < 2 {
                return None;
            }
            return Some((i, end, Expr::Duration(n, u)));
        }
        Some((i, end, sum(q)))
    }

    // ------------------------------------------------------------------ points

    /// A point starting at `i` (after any glue).
    pub fn point(&self, i: usize) -> Option<(usize, Point)> {
        self.point_with(i, false).or_else(|| {
            // "6-8 próximo lunes", "five to seven today": a range of bare hours first.
            (i < self.len()
                && (self.word_numbers[i].is_some()
                    || self.is_punct(i + 1, "-")
                    || self
                        .has(i + 1, |w| matches!(w, TimeWord::RangeLink))
                        .is_some())
                && self.bare_hour_range(i).is_some())
            .then(|| self.point_with(i, true))
            .flatten()
        })
    }

    /// A point at `i`; `hours_first` reads a number opening it as the first end of a range
    /// of hours rather than a day.
    fn point_with(&self, i: usize, hours_first: bool) -> Option<(usize, Point)> {
        let mut st = State {
            hours_first,
            ..State::default()
        };
        let mut k = i;
        let mut first = true;
        // The longest run of components that makes a valid point.
        let mut best = None;
        loop {
            let k2 = if first
                || self
                    .has(k, |w| matches!(w, TimeWord::ModifierAfter(_)))
                    .is_some()
            {
                k
            } else {
                self.skip_between(k)
            };
            let Some((e, comp)) = self.component(k2, &st) else {
                break;
            };
            let is_clock = matches!(comp, Comp::Clock(_) | Comp::RangeClock(_));
            if !st.accept(comp) {
                break;
            }
            first = false;
            k = e;
            // A range of clock times: the point keeps the first end ("from 10:30 to 3 on
            // 1/1/2015", "le 17 de 14 à 16", "6-8 próximo lunes").
            if is_clock
                && let Some(c) = st.p.clock
                && let Some((e2, c)) = self.clock_range_end(e, c)
            {
                st.p.clock = Some(c);
                st.clock_range = true;
                k = e2;
            }
            if let Some(p) = st.clone().finish(self, i, k) {
                best = Some((k, p));
            }
        }
        best
    }

    /// The second end of a range of clock times after the first one ending at `e` ("10:30
    /// to 3", "de 14 à 16", "entre las 10 y las 11:30", "von 5 bis 6 Uhr"): the token after
    /// it and the first end, which takes pm from the second when it fits ("5 to 6pm").
    fn clock_range_end(&self, e: usize, first: Clock) -> Option<(usize, Clock)> {
        let link = if self.is_punct(e, "-") {
            e + 1
        } else {
            self.has(e, |w| {
                matches!(w, TimeWord::RangeLink | TimeWord::HourIntro)
            })?
        };
        let l = self.skip_between(link);
        let (e2, second) = self.clock_in(l, true, true)?;
        // "between 3 and 12 of Sept" is a range of days.
        if self
            .has(self.skip_between(e2), |w| {
                matches!(w, TimeWord::Month { .. })
            })
            .is_some()
        {
            return None;
        }
        let mut c = first;
        if c.meridiem.is_none()
            && second.meridiem == Some(true)
            && c.hour < 12
            && later_or_same(c, 12, second.with_part(None))
        {
            c.meridiem = Some(true);
        }
        Some((e2, c))
    }

    /// The first end of a range of bare hours ("6-8", "between 3 and 8", "five to seven"),
    /// read as a time only when the point has a day ("6-8 próximo lunes"; not "3-1", not
    /// "10 e 20 negozi"); the second end is read by [`Parser::clock_range_end`].
    fn bare_hour_range(&self, k: usize) -> Option<(usize, Clock)> {
        let (h1, e1) = self.hour_number(k)?;
        let link = if self.is_punct(e1, "-") {
            e1 + 1
        } else {
            self.has(e1, |w| matches!(w, TimeWord::RangeLink))?
        };
        // Both ends bare: "martes 4 a las siete" is a day and a time.
        let l = self.skip_glue(link);
        if self.has(l, |w| matches!(w, TimeWord::HourIntro)).is_some() {
            return None;
        }
        let (h2, e2) = self.hour_number(l)?;
        // "2 al 5 gennaio" is a range of days.
        let month_after = self
            .has(self.skip_between(e2), |w| {
                matches!(w, TimeWord::Month { .. })
            })
            .is_some();
        (h1 < h2 && !month_after).then_some((e1, Clock::new(h1, 0)))
    }

    fn component(&self, k: usize, st: &State) -> Option<(usize, Comp)> {
        if k >= self.len() {
            return None;
        }
        // Digits: a numeric date, a clock time, a day, a year (not money: "$12").
        if self.kinds[k] == TokenKind::Number {
            if self.glued(k) && matches!(self.tok(k - 1), "$" | "€" | "£") {
                return None;
            }
            if st.count == 0
                && let Some(found) = self.nth(k)
            {
                return Some(found);
            }
            if st.p.month.is_none()
                && st.p.day.is_none()
                && let Some((e, p)) = self.numeric_date(k).or_else(|| self.spaced_date(k))
                && (st.count > 0 || p.year.is_some() || !self.fraction(k, e))
            {
                return Some((e, Comp::Date(p)));
            }
            if st.p.clock.is_none()
                && let Some((e, c)) = self.clock(k, self.intro_before(k))
            {
                return Some((e, Comp::Clock(c)));
            }
            // "Monday 11-4": a range of hours right after a date (forwards, or from the
            // morning into the afternoon; "Sonntag 3-1" is a score).
            if st.p.clock.is_none()
                && (st.p.weekday.is_some() || st.p.day_offset.is_some())
                && self.is_punct(k + 1, "-")
                && let (Some((h1, _)), Some((h2, _))) = (self.int(k), self.int(k + 2))
                && (h1 < h2 || (8..=12).contains(&h1) && h2 <= 8)
                && let Some((e, c)) = self.clock_in(k, false, true)
            {
                return Some((e, Comp::Clock(c)));
            }
            if st.p.clock.is_none()
                && st.hours_here()
                && let Some((e, c)) = self.bare_hour_range(k)
            {
                return Some((e, Comp::RangeClock(c)));
            }
            if let Some((n, len)) = self.int(k) {
                // After a dash or slash glued to it, or spaced after a number ("32 - 2015").
                let code_tail = k > 0
                    && matches!(self.tok(k - 1), "-" | "/")
                    && (self.glued(k) || k > 1 && self.kinds[k - 2] == TokenKind::Number);
                // "1990s": a decade.
                if len == 4
                    && (1000..=2999).contains(&n)
                    && n % 10 == 0
                    && self.glued(k + 1)
                    && k + 1 < self.len()
                    && self.folded.get(k + 1) == "s"
                {
                    return Some((k + 2, Comp::Decade(n as i32 / 10)));
                }
                if len == 4 && (1000..=2999).contains(&n) && !code_tail {
                    // "2019-Q1": a year and a quarter.
                    if self.is_punct(k + 1, "-")
                        && self.glued(k + 1)
                        && k + 2 < self.len()
                        && self.glued(k + 2)
                        && let Some((q, e)) = self.quarter_no(k + 2)
                    {
                        let p = Point {
                            year: Some(n as i32),
                            nth: Some((q, Nth::Unit(TimeUnit::Quarter))),
                            ..Point::default()
                        };
                        return Some((e, Comp::Date(p)));
                    }
                    return Some((k + 1, Comp::Year(n as i32)));
                }
                // "3-1" glued: a score or a code, not a day ("November 19-20" is).
                let dashed = st.p.month.is_none()
                    && self.is_punct(k + 1, "-")
                    && self.glued(k + 1)
                    && self.glued(k + 2)
                    && self.int(k + 2).is_some();
                // "April of 87": a two-digit year (no day) after a month and glue.
                if len == 2
                    && n > 31
                    && st.p.month.is_some()
                    && st.p.day.is_none()
                    && st.p.year.is_none()
                    && self.kinds[k - 1] == TokenKind::Word
                    && self.has(k - 1, |w| matches!(w, TimeWord::Glue)) == Some(k)
                    && self.time_context_after(k + 1)
                {
                    return Some((k + 1, Comp::Year(year_of(self.tok(k))?)));
                }
                // "el 9 de 8 de 1971": a month number between a day and a year, glue around.
                if st.p.day.is_some()
                    && st.p.month.is_none()
                    && st.p.year.is_none()
                    && len <= 2
                    && (1..=12).contains(&n)
                    && self.skip_glue(k - 1) == k
                    && self.has(k - 1, |w| matches!(w, TimeWord::Glue)).is_some()
                    && let Some((_, 4)) = self.int(self.skip_glue(k + 1))
                    && self.skip_glue(k + 1) > k + 1
                {
                    return Some((k + 1, Comp::MonthNo(n as u8)));
                }
                if len <= 2 && (1..=31).contains(&n) && !dashed {
                    // Ordinal marks: "6th", "1°", "1er", "6." (German).
                    let mut e = k + 1;
                    let mut strong = false;
                    if let Some(e2) = self.has(e, |w| matches!(w, TimeWord::OrdinalMark))
                        && self.glued(e)
                    {
                        e = e2;
                        strong = true;
                        // "the 1st week": a rank, not a day.
                        if self.unit_times(e).is_some() {
                            return None;
                        }
                    }
                    return Some((e, Comp::Day(n as u8, strong)));
                }
            }
            return None;
        }
        // "march eighteenth nine thirty": an hour and minutes in words after a day.
        if st.p.clock.is_none()
            && (st.p.day.is_some() || st.p.weekday.is_some() || st.p.day_offset.is_some())
            && let Some((e, c)) = self.words_clock(k)
        {
            return Some((e, Comp::Clock(c)));
        }
        // Dates with month names joined by "/" or "-": "Ott/2", "23/set/2020", "Dec-2018".
        if st.p.month.is_none()
            && st.p.day.is_none()
            && self.kinds[k] == TokenKind::Word
            && let Some((e, p)) = self.numeric_date(k)
        {
            return Some((e, Comp::Date(p)));
        }
        // "Dec31", "mar4": a month name glued to its day.
        if st.p.month.is_none()
            && st.p.day.is_none()
            && self.kinds[k] == TokenKind::Word
            && let Some(p) = self.glued_month_day(k)
        {
            return Some((k + 1, Comp::Date(p)));
        }
        // "week 10", "semana 1", "Woche 23": an ISO week number.
        if st.p.week_no.is_none()
            && st.p.rel_unit.is_none()
            && self.unit(k).is_some_and(|(u, _)| u == TimeUnit::Week)
            && let Some((n, 1 | 2)) = self.int(k + 1)
            && (1..=53).contains(&n)
            // "week 10 8 p.m.": a clock time may follow.
            && (self.time_context_after(k + 2) || self.clock(k + 2, false).is_some())
            && !self.glued(k + 2)
        {
            return Some((k + 2, Comp::WeekNo(n as u8)));
        }
        // "il giorno 18", "el día 21": a day unit and a number.
        if st.p.day.is_none()
            && self.unit(k).is_some_and(|(u, _)| u == TimeUnit::Day)
            && let Some((n, 1 | 2)) = self.int(k + 1)
            && (1..=31).contains(&n)
            && self.time_context_after(k + 2)
        {
            return Some((k + 2, Comp::Day(n as u8, true)));
        }
        if st.count == 0
            && let Some(found) = self.nth(k)
        {
            return Some(found);
        }
        // "los años noventa", "gli anni 90": an article, the plural year unit and a
        // multiple of ten (the twentieth century).
        if st.count == 0
            && let Some((TimeUnit::Year, e)) = self.unit(k)
            && self.article_before(k).is_some()
            && e < self.len()
        {
            // "les années 1970": a plural unit and a year ending in 0.
            if let Some((n, 4)) = self.int(e)
                && n % 10 == 0
                && (1000..=2999).contains(&n)
                && self.has(k, |w| matches!(w, TimeWord::Plural)).is_some()
            {
                return Some((e + 1, Comp::Decade(n as i32 / 10)));
            }
            let tens = match self.int(e) {
                Some((n, 2)) => Some((n as f64, e + 1)),
                Some(_) => None,
                None => self.word_numbers[e].map(|(v, e2, _)| (v, e2)),
            };
            if let Some((n, e2)) = tens
                && n.fract() == 0.0
                && (20.0..=90.0).contains(&n)
                && n % 10.0 == 0.0
            {
                return Some((e2, Comp::Decade(190 + n as i32 / 10)));
            }
        }
        // "Q1", "q1-2019".
        if st.p.nth.is_none()
            && let Some((q, mut e)) = self.quarter_no(k)
        {
            let mut p = Point {
                nth: Some((q, Nth::Unit(TimeUnit::Quarter))),
                ..Point::default()
            };
            if self.is_punct(e, "-")
                && self.glued(e)
                && e + 1 < self.len()
                && self.glued(e + 1)
                && let Some((y, 4)) = self.int(e + 1)
            {
                p.year = Some(y as i32);
                e += 2;
            }
            return Some((e, Comp::Date(p)));
        }
        // Years in words: "two thousand and fifteen" after a day or month, "nineteen ninety
        // six" (hundreds and a two-digit number).
        if st.p.year.is_none()
            && let Some((v, e, false)) = self.word_numbers[k]
            && v.fract() == 0.0
        {
            // After a day or month, or alone after a preposition and before punctuation
            // ("in two thousand and fifteen.").
            if (1000.0..=2999.0).contains(&v)
                && (st.p.month.is_some()
                    || st.p.day.is_some()
                    || st.count == 0
                        && e > k + 1
                        && self.word_before(k, |w| matches!(w, TimeWord::Prep))
                        && (e >= self.len() || self.kinds[e] == TokenKind::Punct))
            {
                return Some((e, Comp::Year(v as i32)));
            }
            if (10.0..=29.0).contains(&v)
                && e < self.len()
                && let Some((w, e2, false)) = self.word_numbers[e]
                && w.fract() == 0.0
                && (10.0..=99.0).contains(&w)
            {
                return Some((e2, Comp::Year((v * 100.0 + w) as i32)));
            }
        }
        // Numbers in words: a day ("ventinove maggio", "zweiten Mai") or a clock time.
        let word_number = self.word_numbers[k].or_else(|| {
            self.words(k).find_map(|h| match h.word {
                TimeWord::Count(n, false) => Some((*n, h.end, false)),
                _ => None,
            })
        });
        if let Some((v, e, ord)) = word_number
            && v.fract() == 0.0
            && (1.0..=31.0).contains(&v)
            && st.p.day.is_none()
            && (self
                .has(self.skip_glue(e), |w| matches!(w, TimeWord::Month { .. }))
                .is_some()
                || st.p.month.is_some()
                // "monday the twenty fourth"
                || ord && st.p.weekday.is_some())
        {
            return Some((e, Comp::DayWord(v as u8, ord)));
        }
        if st.p.clock.is_none()
            && let Some((e, c)) = self.clock(k, self.intro_before(k))
        {
            return Some((e, Comp::Clock(c)));
        }
        if st.p.clock.is_none()
            && st.hours_here()
            && let Some((e, c)) = self.bare_hour_range(k)
        {
            return Some((e, Comp::RangeClock(c)));
        }
        let mut best: Option<(usize, Comp)> = None;
        let after_article = (k.saturating_sub(2)..k).any(|j| {
            self.words(j).any(|h| {
                h.end == k && matches!(h.word, TimeWord::Glue | TimeWord::Article | TimeWord::Prep)
            })
        });
        for h in self.words(k) {
            let comp = match h.word {
                TimeWord::DayOffset(d) => Comp::DayOffset(*d),
                TimeWord::Now => Comp::Now,
                TimeWord::Weekday {
                    day,
                    weak,
                    set: false,
                } => {
                    let mut e = h.end;
                    if *weak && self.abbreviation_dot(e) {
                        e += 1;
                    }
                    if best.is_none() {
                        best = Some((e, Comp::Weekday(*day, *weak)));
                    }
                    continue;
                }
                TimeWord::Month { month, weak } => {
                    let mut e = h.end;
                    if *weak && self.abbreviation_dot(e) {
                        e += 1;
                    }
                    Comp::Month(*month, *weak, e, k)
                }
                TimeWord::Modifier(m) => Comp::Modifier(*m),
                TimeWord::Unit(u) => Comp::Unit(*u),
                TimeWord::PartOfDay(p) => Comp::Pod(p.clone()),
                TimeWord::DayPart(d, p) => Comp::DayPart(*d, p.clone()),
                TimeWord::Season(s, weak) => Comp::Season(s.clone(), *weak),
                TimeWord::ModifierAfter(m) => Comp::ModifierAfter(*m),
                TimeWord::YearKind(y) => Comp::YearKind(y.clone()),
                TimeWord::DayOrdinal(d) => Comp::DayWord(*d, true),
                TimeWord::Edge(end) => Comp::Edge(*end),
                TimeWord::Holiday(h) => Comp::Holiday(*h),
                _ => continue,
            };
            let end = if let Comp::Month(_, _, e, _) = comp {
                e
            } else {
                h.end
            };
            // Prefer a reading that fits the state: a part of day after a day or an article
            // ("Dienstag Morgen", "am Morgen", "por la mañana"), a day alone ("morgen").
            let fits = st.fits(&comp, after_article);
            match &best {
                None => best = Some((end, comp)),
                Some((_, b)) if !st.fits(b, after_article) && fits => best = Some((end, comp)),
                _ => {}
            }
        }
        best
    }
}

/// Whether `first` moved `hours` later is still at or before `second` ("2:30 to 2:15 pm":
/// 14:30 is after 14:15, so the first end stays in the morning).
fn later_or_same(first: Clock, hours: u16, second: Clock) -> bool {
    let m = |c: Clock, h: u16| (u16::from(c.hour) + h) * 60 + u16::from(c.minute);
    m(first, hours) <= m(second, 0)
}

/// One duration of one or more quantities ("3 months and 2 weeks" = `P3M2W`).
fn sum(q: Vec<(f64, TimeUnit)>) -> Expr {
    match q.as_slice() {
        [(n, u)] => Expr::Duration(*n, *u),
        _ => Expr::Sum(q),
    }
}

/// Whether `a` is a finer unit than `b` ("2 years 1 month": month after year).
fn finer(a: TimeUnit, b: TimeUnit) -> bool {
    unit_rank(a) < unit_rank(b)
}

/// Whether `a` is at most two steps finer than `b` (month after year, day after month).
fn next_down(a: TimeUnit, b: TimeUnit) -> bool {
    finer(a, b) && unit_rank(b) - unit_rank(a) <= 2
}

fn unit_rank(u: TimeUnit) -> u8 {
    match u {
        TimeUnit::Second => 0,
        TimeUnit::Minute => 1,
        TimeUnit::Hour => 2,
        TimeUnit::Day => 3,
        TimeUnit::Week | TimeUnit::Weekend => 4,
        TimeUnit::Month => 5,
        TimeUnit::Quarter => 6,
        TimeUnit::Year => 7,
        TimeUnit::Decade => 8,
        TimeUnit::Century => 9,
    }
}

/// A set of parts of day, on a weekday or every day: `XXXX-WXX-5TMO`, `TMO`.
fn pod_set_expr(weekday: Option<u8>, pod: &str) -> Expr {
    match weekday {
        Some(wd) => Expr::Set(format!("XXXX-WXX-{wd}T{pod}"), Precision::PartOfDay),
        None => Expr::Set(format!("T{pod}"), Precision::PartOfDay),
    }
}

/// One part of a numeric date.
#[derive(Clone, Copy, Debug)]
enum Part {
    Num(u32, usize),
    Month(u8),
}

fn valid_dm(d: u8, m: u8) -> bool {
    (1..=31).contains(&d) && (1..=12).contains(&m)
}

fn year_of(s: &str) -> Option<i32> {
    let y: i32 = s.parse().ok()?;
    Some(match s.len() {
        2 => {
            if y <= 30 {
                2000 + y
            } else {
                1900 + y
            }
        }
        4 => y,
        _ => return None,
    })
}

fn interpret_parts(parts: &[Part], dash: bool, order: NumericOrder) -> Option<Point> {
    use Part::*;
    let yr = |n: u32, len: usize| year_of(&format!("{n:0len$}"));
    let dm = |a: u32, b: u32| -> Option<(u8, u8)> {
        let (a, b) = (a as u8, b as u8);
        let (d, m) = match order {
            NumericOrder::DayMonth => (a, b),
            NumericOrder::MonthDay => (b, a),
        };
        if valid_dm(d, m) {
            Some((d, m))
        } else if valid_dm(m, d) {
            Some((m, d))
        } else {
            None
        }
    };
    let p = |d: u8, m: u8, y: Option<i32>| Point {
        day: Some(d),
        month: Some(m),
        year: y,
        ..Point::default()
    };
    match *parts {
        // y-m-d, y/m/d
        [Num(y, 4), Num(m, _), Num(d, _)] => {
            valid_dm(d as u8, m as u8).then(|| p(d as u8, m as u8, Some(y as i32)))
        }
        // y-m: "2015-3"
        [Num(y, 4), Num(m, 1 | 2)]
            if dash && (1..=12).contains(&m) && (1900..=2100).contains(&y) =>
        {
            Some(Point {
                month: Some(m as u8),
                year: Some(y as i32),
                ..Point::default()
            })
        }
        [Num(a, 1 | 2), Num(b, 1 | 2), Num(y, l)] if l == 2 || l == 4 => {
            let (d, m) = dm(a, b)?;
            Some(p(d, m, Some(yr(y, l)?)))
        }
        // "Dec-2018", "12-2015", "2018/12"
        [Month(m), Num(y, 4)] | [Num(y, 4), Month(m)] => Some(Point {
            month: Some(m),
            year: Some(y as i32),
            ..Point::default()
        }),
        [Num(m, 1 | 2), Num(y, 4)] if (1..=12).contains(&m) && (1900..=2100).contains(&y) => {
            Some(Point {
                month: Some(m as u8),
                year: Some(y as i32),
                ..Point::default()
            })
        }
        [Num(a, 1 | 2), Num(b, 1 | 2)] if !dash => {
            let (d, m) = dm(a, b)?;
            Some(p(d, m, None))
        }
        [Month(m), Num(d, 1 | 2)] | [Num(d, 1 | 2), Month(m)] => {
            valid_dm(d as u8, m).then(|| p(d as u8, m, None))
        }
        // "4-Jul-95"
        [Num(d, 1 | 2), Month(m), Num(y, 2)] => {
            valid_dm(d as u8, m).then(|| p(d as u8, m, yr(y, 2)))
        }
        [Month(m), Num(d, 1 | 2), Num(y, 4)]
        | [Num(d, 1 | 2), Month(m), Num(y, 4)]
        | [Num(y, 4), Month(m), Num(d, 1 | 2)]
        | [Num(y, 4), Num(d, 1 | 2), Month(m)]
        | [Month(m), Num(y, 4), Num(d, 1 | 2)]
        | [Num(d, 1 | 2), Num(y, 4), Month(m)] => {
            valid_dm(d as u8, m).then(|| p(d as u8, m, Some(y as i32)))
        }
        _ => None,
    }
}

/// One component of a point.
#[derive(Clone, Debug, PartialEq)]
enum Comp {
    Date(Point),
    Clock(Clock),
    /// The first end of a range of bare hours: a time only with a day.
    RangeClock(Clock),
    Year(i32),
    Day(u8, bool),
    /// A day written as a word ("first", "twenty fourth"): never a date without a month or
    /// a weekday ("the first to arrive").
    DayWord(u8, bool),
    /// Month, weak, end token, start token.
    Month(u8, bool, usize, usize),
    /// A month written as a number between a day and a year.
    MonthNo(u8),
    Weekday(u8, bool),
    DayOffset(i32),
    Now,
    Modifier(i32),
    Unit(TimeUnit),
    Pod(String),
    DayPart(i32, String),
    Season(String, bool),
    ModifierAfter(i32),
    /// "fiscal year", "school year": the year's prefix (`FY`, `SY`).
    YearKind(String),
    Edge(bool),
    Holiday(HolidayDate),
    WeekNo(u8),
    Nth(i32, Nth),
    Decade(i32),
}

/// What the last component could take a modifier for.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
enum Target {
    #[default]
    None,
    Weekday,
    Month,
    Unit,
    Pod,
    Season,
}

#[derive(Clone, Default)]
struct State {
    p: Point,
    pending_mod: Option<i32>,
    pending_unit: Option<TimeUnit>,
    last: Target,
    weak_month: bool,
    weak_weekday: bool,
    /// The token of the month name.
    month_tok: Option<usize>,
    edge: bool,
    /// The edge is an end ("fine", "end"), not a start.
    edge_end: bool,
    /// The day number came before the weekday or after a clock time ("11 giovedì",
    /// "dalle 9 alle 11"): without a month it is no date.
    day_late: bool,
    /// The unit after an edge word: a modifier after it replaces the implied "this".
    edge_unit: bool,
    count: usize,
    /// The clock time is the first end of a range ("from 2pm to 4pm").
    clock_range: bool,
    /// The clock time is a bare hour starting a range ("6-8"): it needs a day.
    bare_range: bool,
    /// Read a number opening the point as an hour ("6-8 próximo lunes").
    hours_first: bool,
    /// The day was written as a word.
    day_word: bool,
    /// The year came right after the year unit ("year 2012").
    year_unit: bool,
    /// The season is a weak form ("fall", "été"): alone it needs an article.
    weak_season: bool,
    /// A holiday was read: a clock time or part of day after it is an expression of its own
    /// ("Christmas eve at 6 p.m.", as the reference suites split it).
    holiday: bool,
}

impl State {
    /// Whether a number here may start a range of bare hours: first in a point read that
    /// way, or after a day ("le 17 de 14 à 16", "Monday 9-11").
    fn hours_here(&self) -> bool {
        let p = &self.p;
        self.hours_first && self.count == 0
            || p.day.is_some()
            || p.weekday.is_some()
            || p.day_offset.is_some()
    }

    /// A week, month or year without a day in it: a clock time is a separate expression
    /// ("next month at 6pm", "week 10 8 p.m.").
    fn wide_without_day(&self) -> bool {
        let p = &self.p;
        (p.rel_unit.is_some_and(|(u, _)| u != TimeUnit::Day) || p.week_no.is_some())
            && p.weekday.is_none()
            && p.day.is_none()
            && p.day_offset.is_none()
            && p.pod.is_none()
    }

    fn any_date(&self) -> bool {
        let p = &self.p;
        p.day_offset.is_some()
            || p.weekday.is_some()
            || p.month.is_some()
            || p.day.is_some()
            || p.pod.is_some()
    }

    fn fits(&self, c: &Comp, after_article: bool) -> bool {
        match c {
            Comp::Pod(_) => {
                self.p.pod.is_none()
                    && (self.any_date() || self.pending_mod.is_some() || after_article)
            }
            Comp::DayOffset(_) => {
                self.p.day_offset.is_none() && self.p.weekday.is_none() && !after_article
            }
            _ => true,
        }
    }

    fn take_mod(&mut self, target: Target) -> Option<i32> {
        self.last = target;
        self.pending_mod.take()
    }

    fn accept(&mut self, c: Comp) -> bool {
        // "fiscal year 2008", "el último año fiscal pasado": only a year or a modifier joins.
        if self.p.year_kind.is_some()
            && !matches!(
                c,
                Comp::Year(_) | Comp::Modifier(_) | Comp::ModifierAfter(_)
            )
        {
            return false;
        }
        let wide = self.wide_without_day();
        let p = &mut self.p;
        let ok = match c {
            Comp::Date(d) => {
                // "2019 Q1": a quarter after a year.
                if d.nth.is_some() {
                    if p.nth.is_some() || p.year.is_some() && d.year.is_some() {
                        return false;
                    }
                    p.nth = d.nth;
                    p.year = p.year.or(d.year);
                    self.count += 1;
                    return true;
                }
                if p.day.is_some() || p.month.is_some() || p.year.is_some() {
                    return false;
                }
                p.day = d.day;
                p.month = d.month;
                p.year = d.year;
                true
            }
            Comp::Clock(c) => {
                if p.clock.is_some() || wide || self.holiday {
                    return false;
                }
                p.clock = Some(c);
                true
            }
            Comp::RangeClock(c) => {
                if p.clock.is_some() {
                    return false;
                }
                p.clock = Some(c);
                self.bare_range = true;
                true
            }
            Comp::Year(y) => {
                if p.year.is_some() {
                    return false;
                }
                p.year = Some(y);
                // "year 2012": the unit names the number a year.
                self.year_unit = self.pending_unit == Some(TimeUnit::Year);
                self.pending_unit = None;
                true
            }
            Comp::Day(d, strong) | Comp::DayWord(d, strong) => {
                if p.day.is_some() || p.year.is_some() && p.month.is_some() {
                    return false;
                }
                self.day_word = matches!(c, Comp::DayWord(..));
                p.day = Some(d);
                p.day_strong = strong;
                self.day_late = p.weekday.is_none() || p.clock.is_some();
                true
            }
            Comp::Month(m, weak, _, at) => {
                if p.month.is_some() {
                    return false;
                }
                self.month_tok = Some(at);
                p.month = Some(m);
                self.weak_month = weak;
                let m = self.take_mod(Target::Month);
                self.p.month_mod = m;
                true
            }
            Comp::MonthNo(m) => {
                if p.month.is_some() {
                    return false;
                }
                p.month = Some(m);
                true
            }
            Comp::Weekday(d, weak) => {
                if p.weekday.is_some() || p.day_offset.is_some() || p.week_no.is_some() {
                    return false;
                }
                self.weak_weekday = weak;
                let m = self.take_mod(Target::Weekday);
                self.p.weekday = Some((d, m));
                true
            }
            Comp::DayOffset(d) => {
                if p.day_offset.is_some()
                    || p.weekday.is_some()
                    || p.month.is_some()
                    || p.pod_day.is_some()
                {
                    return false;
                }
                p.day_offset = Some(d);
                true
            }
            Comp::Now => {
                if self.count > 0 {
                    return false;
                }
                p.now = true;
                true
            }
            Comp::YearKind(y) => {
                if self.count > usize::from(self.pending_mod.is_some()) {
                    return false;
                }
                p.year_kind = Some(y);
                match self.take_mod(Target::Unit) {
                    Some(m) => {
                        self.p.rel_unit = Some((TimeUnit::Year, m));
                        self.last = Target::None;
                    }
                    // A modifier after it ("año fiscal pasado").
                    None => self.pending_unit = Some(TimeUnit::Year),
                }
                true
            }
            Comp::ModifierAfter(m) => {
                // "the week after next": only right after its unit.
                if self.last != Target::Unit || self.pending_mod.is_some() {
                    return false;
                }
                return self.accept(Comp::Modifier(m));
            }
            Comp::Modifier(m) => {
                // "this past", "este pasado", "this upcoming": a direction, not a week.
                if self.pending_mod == Some(0) && m != 0 && p.direction.is_none() {
                    p.direction = Some(m.signum());
                    self.pending_mod = None;
                    self.count += 1;
                    return true;
                }
                if self.pending_mod.is_some() {
                    return false;
                }
                // After its target: "lunedì scorso", "la settimana scorsa", "notte scorsa".
                match self.last {
                    Target::Weekday => {
                        if let Some((d, None)) = p.weekday {
                            p.weekday = Some((d, Some(m)));
                            self.last = Target::None;
                            return self.bump();
                        }
                        false
                    }
                    Target::Month if p.month_mod.is_none() && p.day.is_none() => {
                        p.month_mod = Some(m);
                        self.last = Target::None;
                        return self.bump();
                    }
                    Target::Unit => {
                        if let Some(u) = self.pending_unit.take() {
                            self.edge_unit = false;
                            p.rel_unit = Some((u, m));
                            self.last = Target::None;
                            return self.bump();
                        }
                        false
                    }
                    Target::Pod if p.pod_day.is_none() && p.day_offset.is_none() => {
                        p.pod_day = Some(pod_shift(p.pod.as_deref(), m));
                        self.last = Target::None;
                        return self.bump();
                    }
                    Target::Season => {
                        if let Some((s, None)) = &p.season {
                            p.season = Some((s.clone(), Some(m)));
                            self.last = Target::None;
                            return self.bump();
                        }
                        false
                    }
                    _ => {
                        self.pending_mod = Some(m);
                        true
                    }
                }
            }
            // "Thanksgiving weekend", "labor day 2021 weekend".
            Comp::Unit(TimeUnit::Weekend) if self.holiday && !p.weekend => {
                p.weekend = true;
                true
            }
            Comp::Unit(u) => {
                if p.rel_unit.is_some()
                    || self.pending_unit.is_some()
                    || p.clock.is_some()
                        && p.weekday.is_none()
                        && p.day.is_none()
                        && p.day_offset.is_none()
                        && !matches!(u, TimeUnit::Day)
                {
                    return false;
                }
                match self.take_mod(Target::Unit) {
                    Some(m) => {
                        self.p.rel_unit = Some((u, m));
                        self.last = Target::None;
                    }
                    None if self.edge => {
                        self.p.rel_unit = Some((u, 0));
                        self.last = Target::Unit;
                        self.pending_unit = Some(u);
                        self.edge_unit = true;
                    }
                    None => self.pending_unit = Some(u),
                }
                true
            }
            Comp::Pod(pod) => {
                if p.pod.is_some() || self.holiday {
                    return false;
                }
                p.pod = Some(pod);
                if let Some(m) = self.take_mod(Target::Pod) {
                    let pd = pod_shift(self.p.pod.as_deref(), m);
                    self.p.pod_day = Some(pd);
                    self.last = Target::None;
                }
                true
            }
            Comp::DayPart(d, pod) => {
                if p.pod.is_some()
                    || p.day_offset.is_some()
                    || p.weekday.is_some()
                    || p.month.is_some()
                {
                    return false;
                }
                p.pod = Some(pod);
                p.day_offset = Some(d);
                true
            }
            Comp::Decade(d) => {
                if self.count > 0 {
                    return false;
                }
                p.decade = Some(d);
                true
            }
            Comp::Nth(n, what) => {
                if p.nth.is_some() || self.count > 0 {
                    return false;
                }
                p.nth = Some((n, what));
                self.last = Target::None;
                true
            }
            Comp::WeekNo(n) => {
                // "Thursday, week 23" are two expressions.
                if p.week_no.is_some()
                    || p.day.is_some()
                    || p.month.is_some()
                    || p.weekday.is_some()
                {
                    return false;
                }
                p.week_no = Some(n);
                true
            }
            Comp::Edge(end) => {
                if self.edge || self.count > 0 && p.day_offset.is_none() {
                    return false;
                }
                self.edge = true;
                self.edge_end = end;
                return true;
            }
            Comp::Holiday(h) => {
                if p.month.is_some()
                    || p.day.is_some()
                    || p.holiday.is_some()
                    || p.weekday.is_some()
                {
                    return false;
                }
                self.holiday = true;
                // "next Christmas", "the following Easter".
                if let Some(m) = self.pending_mod.take() {
                    p.month_mod = Some(m);
                }
                match h {
                    HolidayDate::Fixed(m, d) => {
                        p.month = Some(m);
                        p.day = Some(d);
                    }
                    other => p.holiday = Some(other),
                }
                true
            }
            Comp::Season(s, weak) => {
                if p.season.is_some() {
                    return false;
                }
                self.weak_season = weak;
                let m = self.take_mod(Target::Season);
                self.p.season = Some((s, m));
                true
            }
        };
        if ok {
            self.count += 1;
        }
        ok
    }

    fn bump(&mut self) -> bool {
        true
    }

    /// The point, if the components make one.
    fn finish(mut self, parser: &Parser, start: usize, end: usize) -> Option<Point> {
        if self.pending_mod.is_some() && self.count <= 1 {
            return None;
        }
        let p = &mut self.p;
        if p.now {
            return Some(p.clone());
        }
        if p.year_kind.is_some() && self.pending_unit == Some(TimeUnit::Year) {
            self.pending_unit = None;
        }
        let p = &mut self.p;
        let mut has_anchor = p.year_kind.is_some()
            || p.day_offset.is_some()
            || p.weekday.is_some()
            || p.month.is_some()
            || p.rel_unit.is_some()
            || p.pod_day.is_some()
            || p.season.is_some()
            || p.holiday.is_some()
            || p.week_no.is_some()
            || p.nth.is_some()
            || p.decade.is_some();
        // "of the month", "del año": the current one.
        if p.nth.is_some()
            && let Some(u) = self.pending_unit.take()
            && p.rel_unit.is_none()
        {
            p.rel_unit = Some((u, 0));
        }
        // "end of the day", "fine di domani", "fin de cette dimanche": the day's last second.
        if self.edge
            && self.edge_end
            && p.clock.is_none()
            && p.pod.is_none()
            && p.month.is_none()
            && (p.day_offset.is_some()
                || p.weekday.is_some()
                || p.rel_unit.is_some_and(|(u, _)| u == TimeUnit::Day))
        {
            p.day_end = true;
        }
        if p.day.is_some() && p.month.is_none() && p.weekday.is_some() && self.day_late {
            return None;
        }
        if self.bare_range
            && !(self.clock_range
                && (p.day_offset.is_some() || p.weekday.is_some() || p.day.is_some()))
        {
            return None;
        }
        // A day number needs a month, a weekday or an ordinal with an article ("the 18th"),
        // or an article and a range of hours after it ("le 17 de 14 à 16").
        if p.day.is_some() && p.month.is_none() && p.weekday.is_none() {
            if self.day_word {
                return None;
            }
            let article = parser.article_before(start).is_some() && p.year.is_none();
            // "on 29th": a preposition, digits with an ordinal mark and nothing after.
            let prep = p.day_strong
                && p.year.is_none()
                && p.clock.is_none()
                && parser.kinds[start] == TokenKind::Number
                && parser.word_before(start, |w| matches!(w, TimeWord::Prep))
                && (end >= parser.len() || parser.kinds[end] == TokenKind::Punct);
            let ok = prep || article && (p.day_strong && p.clock.is_none() || self.clock_range);
            if !ok {
                return None;
            }
        }
        // A weak season alone ("fall", "été": also verbs) needs an article ("the fall",
        // "l'été"), a modifier or a year.
        if self.weak_season
            && p.season.as_ref().is_some_and(|(_, m)| m.is_none())
            && p.year.is_none()
            && parser.article_before(start).is_none()
        {
            return None;
        }
        // A weak month ("may", "mar") needs a day or a year, or a modifier and a capital.
        if p.month.is_some()
            && self.weak_month
            && p.day.is_none()
            && p.year.is_none()
            && p.nth.is_none()
        {
            let capital = self
                .month_tok
                .is_some_and(|k| parser.tok(k).chars().next().is_some_and(char::is_uppercase));
            // "this May", "in Feb", "after mid May".
            let cue = p.month_mod.is_some()
                || parser.word_before(parser.skip_glue_back(start), |w| {
                    matches!(w, TimeWord::Prep)
                });
            if !cue || !capital {
                return None;
            }
        }
        // A weak weekday ("mar", "sun") needs a date, or a sentence of its own.
        if p.weekday.is_some()
            && self.weak_weekday
            && p.day.is_none()
            && p.weekday.is_some_and(|(_, m)| m.is_none())
            && p.clock.is_none()
            && p.pod.is_none()
            && p.rel_unit.is_none()
        {
            let alone = (0..start).all(|j| parser.kinds[j] == TokenKind::Punct)
                && (end..parser.len()).all(|j| parser.kinds[j] == TokenKind::Punct);
            // "Mon or Tue", "Mon, Tue": after another weekday and one word or comma.
            let listed = start >= 2
                && parser.words(start - 2).any(|h| {
                    h.end == start - 1 && matches!(h.word, TimeWord::Weekday { set: false, .. })
                });
            if !alone && !listed {
                return None;
            }
        }
        // A year alone: after a preposition, or before punctuation / the end.
        if p.year.is_some() && !has_anchor && p.day.is_none() && p.clock.is_none() {
            let after_ok = end >= parser.len()
                || parser.kinds[end] == TokenKind::Punct
                    && !matches!(parser.tok(end), "%" | "-" | "/");
            let prep = (start.saturating_sub(3)..start).any(|j| {
                parser.words(j).any(|h| {
                    h.end == start
                        && matches!(h.word, TimeWord::Prep | TimeWord::Glue | TimeWord::Article)
                })
            });
            if !(prep || after_ok || self.year_unit) {
                return None;
            }
        }
        // A unit without a modifier is not a time ("settimana" alone), except a calendar
        // unit alone after a definite article and not before a number or another time word:
        // the current one ("partner of the month", "des Jahres gekürt", "per la settimana";
        // not "the day before", "la settimana del 6 ottobre", "el día once").
        if let Some(u) = self.pending_unit
            && !self.edge_unit
        {
            let closed = end >= parser.len()
                || parser.kinds[end] == TokenKind::Punct
                || parser.kinds[end] == TokenKind::Word
                    && parser.hits_at(end).is_empty()
                    && parser.word_numbers[end].is_none();
            let current = self.count == 1
                && closed
                && matches!(
                    u,
                    TimeUnit::Day | TimeUnit::Week | TimeUnit::Month | TimeUnit::Year
                )
                && parser
                    .has(start, |w| matches!(w, TimeWord::Plural))
                    .is_none()
                && parser
                    .article_before(start)
                    .is_some_and(|a| parser.has(a, |w| matches!(w, TimeWord::Plural)).is_none());
            if !current {
                return None;
            }
            p.rel_unit = Some((u, 0));
            has_anchor = true;
        }
        // A part of day alone needs a preposition or article ("in serata", "am Morgen").
        if p.pod.is_some()
            && !has_anchor
            && p.clock.is_none()
            && p.day.is_none()
            && p.year.is_none()
            && !parser.prep_before(start)
        {
            return None;
        }
        if p.clock.is_none()
            && !has_anchor
            && p.day.is_none()
            && p.year.is_none()
            && p.pod.is_none()
        {
            return None;
        }
        Some(p.clone())
    }
}

/// The day a modified part of day falls on: "last night" is the night before.
fn pod_shift(pod: Option<&str>, m: i32) -> i32 {
    match (pod, m) {
        (_, 0) => 0,
        (Some("NI" | "EV"), k) if k < 0 => -1,
        (_, k) => k.signum(),
    }
}

impl Parser<'_> {
    /// Byte offset where token `i` starts.
    pub fn start_of(&self, i: usize) -> usize {
        self.spans[i].0
    }

    /// Byte offset where token `i` ends.
    pub fn end_of(&self, i: usize) -> usize {
        self.spans[i].1
    }

    /// The longest expression starting at token `i` (two for a range whose first end borrows
    /// its month from the second: "dal 2 al 5 gennaio").
    pub fn best_at(&self, i: usize) -> Option<Vec<Found>> {
        if !self.can_start(i) {
            return None;
        }
        let mut best: Option<(usize, usize, Expr, &str)> = None;
        let mut consider = |start: usize, end: usize, expr: Expr, rule: &'static str| {
            if best.as_ref().is_none_or(|b| end > b.1) {
                best = Some((start, end, expr, rule));
            }
        };
        if let Some((s, e, x)) = self.quantity_expr(i) {
            consider(s, e, x, "times:quantity");
        }
        if let Some((e, x)) = self.set(i) {
            consider(i, e, x, "times:set");
        }
        if let Some((e, p)) = self.point(i) {
            consider(i, e, Expr::Point(p), "times:point");
        }
        let range = self.range_start(i).or_else(|| self.range_pair(i));
        if let Some((start, end, expr, generic)) = best
            && range
                .as_ref()
                .is_none_or(|r| r.last().is_some_and(|r| r.end <= end))
        {
            // The rule of the first word from the lexicon, else the generic rule.
            let rule = (start..end)
                .find_map(|k| self.hits_at(k).first())
                .map_or(generic, |h| h.rule);
            return Some(vec![Found {
                start,
                end,
                expr,
                rule: rule.to_string(),
            }]);
        }
        range
    }

    /// The token after a link between two ends of a range ("-", "to", "through"), or `None`.
    fn range_link(&self, e: usize) -> Option<usize> {
        if e < self.len() && self.kinds[e] == TokenKind::Punct && self.folded.get(e) == "-" {
            return Some(e + 1);
        }
        self.has(e, |w| matches!(w, TimeWord::RangeLink))
            .map(|l| self.skip_glue(l))
    }

    /// A month name at `i` (a weak one only with a capital: "Jan", not "may"), its number and
    /// the token after it.
    fn month_at(&self, i: usize) -> Option<(u8, usize)> {
        self.words(i).find_map(|h| match h.word {
            TimeWord::Month { month, weak }
                if !*weak || self.tok(i).chars().next().is_some_and(char::is_uppercase) =>
            {
                Some((*month, h.end))
            }
            _ => None,
        })
    }

    /// Two ends of one kind joined by a range link, the first taking what the second states:
    /// years ("2014-2018"), months ("Jan-Feb 2017", "from Sep to Nov"), days ("April 9
    /// through 17", "5/1-5/7, 2020", "10-1-2018-10-7-2018").
    fn range_pair(&self, i: usize) -> Option<Vec<Found>> {
        let two = |a: (usize, usize, Point), b: (usize, usize, Point)| {
            Some(vec![
                Found {
                    start: a.0,
                    end: a.1,
                    expr: Expr::Point(a.2),
                    rule: "times:range".into(),
                },
                Found {
                    start: b.0,
                    end: b.1,
                    expr: Expr::Point(b.2),
                    rule: "times:range".into(),
                },
            ])
        };
        let year = |y: u32| Point {
            year: Some(y as i32),
            ..Point::default()
        };
        // Years: "2014-2018", "from 2007 to 2008" (not the tail of a code).
        if let Some((y1, 4)) = self.int(i)
            && (1000..=2999).contains(&y1)
            && !(i > 0 && self.glued(i) && matches!(self.tok(i - 1), "-" | "/"))
        {
            let l = self.range_link(i + 1)?;
            let (y2, len) = self.int(l)?;
            let tail =
                l + 1 < self.len() && self.glued(l + 1) && matches!(self.tok(l + 1), "-" | "/");
            if len == 4 && y2 > y1 && y2 - y1 <= 100 && !tail {
                return two((i, i + 1, year(y1)), (l, l + 1, year(y2)));
            }
            return None;
        }
        // Months: the first takes the year of the second (the one before when it comes
        // later in the calendar: "Nov-Feb 2017").
        if let Some((m1, e1)) = self.month_at(i)
            && self.int(e1).is_none()
        {
            let l = self.range_link(e1)?;
            let (e2, p2) = self
                .point(l)
                .filter(|(_, p)| {
                    p.month.is_some()
                        && p.weekday.is_none()
                        && p.clock.is_none()
                        && p.holiday.is_none()
                })
                .or_else(|| {
                    let (m2, e2) = self.month_at(l)?;
                    Some((
                        e2,
                        Point {
                            month: Some(m2),
                            ..Point::default()
                        },
                    ))
                })?;
            let y = match (p2.year, p2.month) {
                (Some(y), Some(m2)) if m1 > m2 => Some(y - 1),
                (y, _) => y,
            };
            let p1 = Point {
                month: Some(m1),
                year: y,
                month_mod: p2.month_mod,
                ..Point::default()
            };
            return two((i, e1, p1), (l, e2, p2));
        }
        // Days: a date, a link, and a date or a later day number of the same month.
        let (e1, mut p1) = self.point(i)?;
        if p1.day.is_none() || p1.month.is_none() || p1.clock.is_some() || p1.weekday.is_some() {
            return None;
        }
        let l = self.range_link(e1)?;
        if let Some((e2, p2)) = self.date_run(l).or_else(|| self.point(l))
            && p2.day.is_some()
            && p2.month.is_some()
            && p2.clock.is_none()
        {
            // "5/1-5/7, 2020": a year after the second end.
            let (mut e2, mut p2) = (e2, p2);
            let y = self.skip_glue(e2);
            if p2.year.is_none()
                && y > e2
                && let Some((yr, 4)) = self.int(y)
                && (1000..=2999).contains(&yr)
            {
                p2.year = Some(yr as i32);
                e2 = y + 1;
            }
            if p1.year.is_none() {
                p1.year = p2.year;
            }
            return two((i, e1, p1), (l, e2, p2));
        }
        let (d2, e2) = match self.int(l) {
            Some((d, 1 | 2)) => {
                let e = self
                    .has(l + 1, |w| matches!(w, TimeWord::OrdinalMark))
                    .filter(|_| self.glued(l + 1))
                    .unwrap_or(l + 1);
                (d, e)
            }
            Some(_) => return None,
            None => match self.word_numbers.get(l).copied().flatten() {
                Some((v, e, true)) if v.fract() == 0.0 => (v as u32, e),
                _ => return None,
            },
        };
        let d1 = u32::from(p1.day?);
        let month_after = self
            .has(self.skip_between(e2), |w| {
                matches!(w, TimeWord::Month { .. })
            })
            .is_some();
        if d2 <= d1 || d2 > 31 || month_after || self.unit_times(e2).is_some() {
            return None;
        }
        let p2 = Point {
            day: Some(d2 as u8),
            ..p1.clone()
        };
        two((i, e1, p1), (l, e2, p2))
    }

    /// "2" in "dal 2 al 5 gennaio", "between 3 and 12 of Sept": a bare day number followed by
    /// a range link and a full date.
    fn range_start(&self, i: usize) -> Option<Vec<Found>> {
        let (d, len) = self.int(i)?;
        if len > 2 || !(1..=31).contains(&d) {
            return None;
        }
        let mut e = i + 1;
        if let Some(e2) = self.has(e, |w| matches!(w, TimeWord::OrdinalMark)) {
            e = e2;
        }
        let link = self.has(e, |w| matches!(w, TimeWord::RangeLink))?;
        let k = self.skip_glue(link);
        let (end, p) = self.point(k)?;
        if p.month.is_none() || p.day.is_none() {
            return None;
        }
        let first = Point {
            day: Some(d as u8),
            month: p.month,
            year: p.year,
            month_mod: p.month_mod,
            ..Point::default()
        };
        Some(vec![
            Found {
                start: i,
                end: i + 1,
                expr: Expr::Point(first),
                rule: "times:range".into(),
            },
            Found {
                start: k,
                end,
                expr: Expr::Point(p),
                rule: "times:range".into(),
            },
        ])
    }
}

impl Parser<'_> {
    /// Token `i - 1` when it is an article ("la" in "la scorsa notte"), to include in a span.
    pub fn article_before(&self, i: usize) -> Option<usize> {
        let j = i.checked_sub(1)?;
        self.words(j)
            .any(|h| h.end == i && matches!(h.word, TimeWord::Article))
            .then_some(j)
    }
}
