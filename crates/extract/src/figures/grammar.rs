//! The patterns that tie a number to a casualty word, on the items of one sentence.

use super::{Count, Figure};
use cronaca_lang::{Counted, FigureCue, Lang, Modality, QuoteWord, SpeakerWord};
use cronaca_model::{FigureCategory, Group, Qualifier};
use cronaca_text::{Token, TokenKind};
use std::ops::Range;

/// What one item of a sentence is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Kind<'l> {
    /// A countable number: index in the sentence's counts.
    Number(usize),
    /// A casualty word and its data line.
    Category(FigureCategory, &'l str),
    /// A noun for the people counted.
    Counted(Counted),
    /// A small word around figures.
    Cue(FigureCue),
    /// A modality cue.
    Modal(Modality),
    /// Any other word; `capital` when it starts with a capital inside the sentence (a name or,
    /// in English, a nationality: "12 Palestinians"); `function`, right after a count only, for
    /// a lower-case function word of `speakers.tsv` or the first word of a `speech.tsv` cue
    /// ("mentre", "secondo", "according"), which opens no counted noun phrase.
    Word { capital: bool, function: bool },
    /// "(" or "[".
    Open,
    /// ")" or "]".
    Close,
    /// ",".
    Comma,
    /// Any other punctuation, and numbers that are not counts.
    Stop,
}

/// One or more tokens that play one part.
#[derive(Clone, Debug)]
pub(crate) struct Item<'l> {
    pub(crate) kind: Kind<'l>,
    pub(crate) span: Range<usize>,
}

/// The items of one sentence: counts first, then the longest phrase of any list at each token
/// (casualty words win ties over counted nouns, cues and modality), then single tokens.
/// `folded` holds the folded form of each of `tokens`.
pub(crate) fn items<'l>(
    text: &str,
    tokens: &[Token],
    folded: &[&str],
    lang: &'l Lang,
    counts: &[&Count],
) -> Vec<Item<'l>> {
    // The count starting in each token, and the first token at or after each that starts one.
    let mut count_at = vec![None; tokens.len()];
    let mut c = 0;
    for (i, t) in tokens.iter().enumerate() {
        while c < counts.len() && counts[c].span.start < t.span.start {
            c += 1;
        }
        if c < counts.len() && counts[c].span.start < t.span.end {
            count_at[i] = Some(c);
        }
    }
    let mut next_count = vec![tokens.len(); tokens.len() + 1];
    for i in (0..tokens.len()).rev() {
        next_count[i] = if count_at[i].is_some() {
            i
        } else {
            next_count[i + 1]
        };
    }
    let lex = &lang.figures;
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        if let Some(c) = count_at[i] {
            let end = counts[c].span.end;
            while i < tokens.len() && tokens[i].span.start < end {
                i += 1;
            }
            out.push(Item {
                kind: Kind::Number(c),
                span: counts[c].span.clone(),
            });
            continue;
        }
        // Phrases stop before the next count.
        let words = &folded[..next_count[i]];
        let mut best: Option<(Kind<'l>, usize)> = None;
        let mut offer = |kind: Kind<'l>, n: usize| {
            if best.is_none_or(|(_, m)| n > m) {
                best = Some((kind, n));
            }
        };
        if let Some((p, n)) = lex.categories.longest_at(words, i) {
            // The same phrase, borrowed from the language rather than through `words`.
            let rule = lex
                .categories
                .iter()
                .find(|q| std::ptr::eq(*q, p))
                .map_or("", |q| q.rule.as_str());
            offer(Kind::Category(p.label, rule), n);
        }
        if let Some((p, n)) = lex.counted.longest_at(words, i) {
            offer(Kind::Counted(p.label), n);
        }
        if let Some((p, n)) = lex.cues.longest_at(words, i) {
            offer(Kind::Cue(p.label), n);
        }
        if let Some((p, n)) = lang.modality.longest_at(words, i) {
            offer(Kind::Modal(p.label), n);
        }
        let token = &tokens[i];
        // A possessive written apart ("'s" in `speakers.tsv`) stays with the word before it:
        // "fighters of the People's Protection Units were hospitalized".
        if best.is_none()
            && token.kind == TokenKind::Word
            && !text[token.span.clone()].starts_with(char::is_alphanumeric)
            && lang.quote_words.get(folded[i]).speaker_kinds
                & QuoteWord::bit(SpeakerWord::Possessive)
                != 0
            && let Some(prev) = out.last_mut()
            && matches!(prev.kind, Kind::Word { .. } | Kind::Counted(_))
        {
            prev.span.end = token.span.end;
            i += 1;
            continue;
        }
        let (kind, n) = best.unwrap_or_else(|| {
            let s = &text[token.span.clone()];
            let kind = match token.kind {
                TokenKind::Word => {
                    let capital = i > 0 && s.starts_with(char::is_uppercase);
                    // Only read where it is asked: right after a count.
                    let after_count = matches!(
                        out.last(),
                        Some(Item {
                            kind: Kind::Number(_),
                            ..
                        })
                    );
                    Kind::Word {
                        capital,
                        function: !capital && after_count && {
                            let q = lang.quote_words.get(folded[i]);
                            q.speech || q.speaker_kinds & QuoteWord::bit(SpeakerWord::Function) != 0
                        },
                    }
                }
                TokenKind::Number => Kind::Stop,
                TokenKind::Punct => match s {
                    "(" | "[" => Kind::Open,
                    ")" | "]" => Kind::Close,
                    "," => Kind::Comma,
                    _ => Kind::Stop,
                },
            };
            (kind, 1)
        });
        out.push(Item {
            kind,
            span: token.span.start..tokens[i + n - 1].span.end,
        });
        i += n;
    }
    out
}

/// How a number was tied to its casualty word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pattern {
    /// "62 feriti", "decine di morti", "Tre bambini morti".
    Right,
    /// "uccise sei persone", "i morti sono 12", "il ferimento di circa cinquanta".
    Left,
    /// "Più di mille persone sono state ferite", "62 sono in terapia intensiva".
    Predicate,
    /// "di cui 44 bambini": the category of the figure before.
    Subset,
    /// "two members and five soldiers killed", "dieci persone, otto manifestanti e due
    /// poliziotti": the category of the neighbouring count.
    Coordinated,
    /// "hundreds of protesters": the category the counted noun implies.
    Noun,
}

impl Pattern {
    fn name(self) -> &'static str {
        match self {
            Pattern::Right => "right",
            Pattern::Left => "left",
            Pattern::Predicate => "predicate",
            Pattern::Subset => "subset",
            Pattern::Coordinated => "coordinated",
            Pattern::Noun => "noun",
        }
    }

    fn confidence(self) -> f64 {
        match self {
            Pattern::Right => 0.9,
            Pattern::Left => 0.85,
            Pattern::Predicate => 0.8,
            Pattern::Subset | Pattern::Coordinated => 0.7,
            Pattern::Noun => 0.6,
        }
    }
}

/// What is known around one number.
#[derive(Clone, Debug)]
struct Reading {
    /// First item of the number (its approximation word, when there is one).
    first: usize,
    /// Items of the counted noun phrase after the number.
    phrase: Range<usize>,
    /// Whether the noun phrase may name people: a counted noun, a capitalised word, or nothing.
    people: bool,
    who: Option<Range<usize>>,
    group: Option<Group>,
    implied: Option<FigureCategory>,
    /// The casualty word found, its item and how.
    found: Option<(FigureCategory, String, usize, Pattern)>,
    approx: bool,
    /// An article ("un uomo"), not a count.
    article: bool,
    /// What follows the number is punctuation glued to it ("5-", "5%").
    glued: bool,
}

/// The figures of one sentence.
pub(crate) fn figures_in(list: &[Item], counts: &[&Count]) -> Vec<Figure> {
    let numbers: Vec<usize> = (0..list.len())
        .filter(|&k| matches!(list[k].kind, Kind::Number(_)))
        .collect();
    let mut readings: Vec<Reading> = numbers.iter().map(|&k| read(list, counts, k)).collect();
    // "di cui 44 bambini": the category of the figure before in the sentence.
    for n in 0..readings.len() {
        let r = &readings[n];
        if r.found.is_none() && !r.article && !r.glued && subset_before(list, r.first) {
            let before = readings[..n].iter().rev().find_map(|r| r.found.clone());
            if let Some((cat, rule, at, _)) = before {
                readings[n].found = Some((cat, rule, at, Pattern::Subset));
            }
        }
    }
    // "two members and five soldiers killed": the next count, joined by "and".
    for n in (0..readings.len()).rev() {
        let r = &readings[n];
        if r.found.is_some() || !r.people || n + 1 == readings.len() {
            continue;
        }
        let next = &readings[n + 1];
        let joined = matches!(
            list.get(r.phrase.end).map(|i| i.kind),
            Some(Kind::Cue(FigureCue::And))
        ) && next.first == r.phrase.end + 1;
        if let (true, Some((cat, rule, at, Pattern::Right | Pattern::Predicate))) =
            (joined, next.found.clone())
        {
            readings[n].found = Some((cat, rule, at, Pattern::Coordinated));
        }
    }
    // "dieci persone, otto manifestanti e due poliziotti": the count before, when this one
    // follows its noun phrase after a comma, "(" or "and".
    for n in 1..readings.len() {
        let r = &readings[n];
        let prev = &readings[n - 1];
        if r.found.is_some() || !r.people || r.who.is_none() || r.first == 0 {
            continue;
        }
        let sep = list[r.first - 1].kind;
        let follows = matches!(sep, Kind::Comma | Kind::Open | Kind::Cue(FigureCue::And))
            && prev.phrase.end == r.first - 1
            && prev.who.is_some();
        if let (true, Some((cat, rule, at, _))) = (follows, prev.found.clone()) {
            readings[n].found = Some((cat, rule, at, Pattern::Coordinated));
        }
    }
    let mut out = Vec::new();
    for (n, &k) in numbers.iter().enumerate() {
        let r = &readings[n];
        let Kind::Number(c) = list[k].kind else {
            continue;
        };
        let count = counts[c];
        let found = r.found.clone().or_else(|| {
            r.implied
                .filter(|_| r.people)
                .map(|cat| (cat, count.rule.clone(), r.phrase.start, Pattern::Noun))
        });
        let Some((category, rule, at, pattern)) = found else {
            continue;
        };
        let number = list[r.first].span.start..count.span.end;
        let mut span = number.clone();
        let own_word = matches!(pattern, Pattern::Right | Pattern::Left | Pattern::Predicate);
        if own_word {
            span.start = span.start.min(list[at].span.start);
            span.end = span.end.max(list[at].span.end);
        }
        if let Some(w) = &r.who {
            span.end = span.end.max(list[w.end - 1].span.end);
        }
        let (qualifier, low, high) = if r.approx {
            (Qualifier::Approx, None, None)
        } else {
            (count.qualifier, count.low, count.high)
        };
        let hypothetical = hypothetical(list, r.first, if own_word { at } else { k });
        let confidence = pattern.confidence() * if hypothetical { 0.6 } else { 1.0 };
        out.push(Figure {
            category,
            span,
            number,
            stated: count.stated,
            qualifier,
            low,
            high,
            vague_term: count.vague_term.clone(),
            who: r
                .who
                .as_ref()
                .map(|w| list[w.start].span.start..list[w.end - 1].span.end),
            group: r.group,
            sentence: 0..0,
            repeats: Vec::new(),
            location: None,
            time: None,
            negated: false,
            hypothetical,
            rule: format!("figures/{}:{rule}", pattern.name()),
            confidence,
        });
    }
    out.extend(negated(list));
    out
}

/// Reads what surrounds the number at item `k`: an approximation word before it, the noun
/// phrase after it, and a casualty word to the right, to the left or after a verb.
fn read(list: &[Item], counts: &[&Count], k: usize) -> Reading {
    let Kind::Number(c) = list[k].kind else {
        unreachable!("read is called on numbers")
    };
    let count = counts[c];
    let approx = k > 0
        && list[k - 1].kind == Kind::Cue(FigureCue::Approx)
        && count.qualifier == Qualifier::Exact;
    let first = if approx { k - 1 } else { k };
    let n = list.len();
    // Right: "di", "of" then the noun phrase.
    let mut j = k + 1;
    while j < n && j < k + 3 && list[j].kind == Kind::Cue(FigureCue::Between) {
        j += 1;
    }
    // "12 dei 13", "three of the victims": a part of something named after.
    let partitive = j > k + 1;
    let start = j;
    let (mut who, mut group, mut implied) = (None::<Range<usize>>, None, None);
    let (mut unknown, mut capital, mut others) = (0, false, false);
    while j < n && j < start + 4 {
        match list[j].kind {
            Kind::Counted(cn) => {
                who = Some(who.map_or(j..j + 1, |w| w.start..j + 1));
                group = group.or(cn.group);
                implied = implied.or(cn.category);
            }
            Kind::Word { capital: cap, .. } => {
                unknown += 1;
                capital |= cap;
            }
            // "48 others": the people are the others; what follows is another phrase.
            Kind::Cue(FigureCue::Other) if who.is_none() && unknown == 0 => {
                others = true;
                j += 1;
                break;
            }
            Kind::Cue(FigureCue::Other) => {}
            _ => break,
        }
        j += 1;
    }
    if others && let Some(Kind::Counted(cn)) = list.get(j).map(|i| i.kind) {
        who = Some(j..j + 1);
        group = cn.group;
        implied = cn.category;
        j += 1;
    }
    // "le vittime sono tre mentre…": a function word right after the number opens no noun
    // phrase, when a casualty word before the number tells what is counted (and none ends
    // the phrase: "sent hundreds to their death").
    let bare = start == k + 1
        && matches!(
            list.get(start).map(|i| i.kind),
            Some(Kind::Word { function: true, .. })
        )
        && !matches!(list.get(j).map(|i| i.kind), Some(Kind::Category(..)))
        && left(list, first).is_some();
    if bare {
        j = start;
        unknown = 0;
    }
    let phrase = start..j;
    let people = who.is_some() || unknown == 0 || capital || others || partitive;
    let mut reading = Reading {
        first,
        phrase: phrase.clone(),
        people,
        who,
        group,
        implied,
        found: None,
        approx,
        article: false,
        glued: list
            .get(k + 1)
            .is_some_and(|i| i.kind == Kind::Stop && i.span.start == list[k].span.end),
    };
    // "un uomo", "a man": an article, not a count; "uno è morto", "una vittima" are counts.
    if count.article_one && !partitive && !phrase.is_empty() {
        reading.people = false;
        reading.article = true;
        return reading;
    }
    if let Some(Kind::Category(cat, rule)) = list.get(j).map(|i| i.kind)
        && unknown <= 2
    {
        // "Due dei feriti si trovavano in gravi condizioni": what happened to the part.
        let part = (partitive && phrase.is_empty())
            .then(|| predicate(list, j + 1))
            .flatten();
        reading.found = Some(match part.map(|at| (at, list[at].kind)) {
            Some((at, Kind::Category(cat, rule))) => {
                (cat, rule.to_string(), at, Pattern::Predicate)
            }
            _ => (cat, rule.to_string(), j, Pattern::Right),
        });
        return reading;
    }
    if !people {
        // "40 homes were destroyed": things, counted only as `other`.
        if let Some(at) = predicate(list, j)
            && let Kind::Category(FigureCategory::Other, rule) = list[at].kind
        {
            reading.found = Some((
                FigureCategory::Other,
                rule.to_string(),
                at,
                Pattern::Predicate,
            ));
        }
        return reading;
    }
    if let Some(at) = left(list, first)
        && let Kind::Category(cat, rule) = list[at].kind
    {
        reading.found = Some((cat, rule.to_string(), at, Pattern::Left));
        return reading;
    }
    if let Some(at) = predicate(list, j)
        && let Kind::Category(cat, rule) = list[at].kind
    {
        reading.found = Some((cat, rule.to_string(), at, Pattern::Predicate));
    }
    reading
}

/// A casualty word just before the number, across "di", "sono", "altri": "uccise sei",
/// "i morti sono 12", "ferendone altre 8".
///
/// The casualty word may take a short complement of its own, opened by "di", "of": "il numero
/// di vittime della sparatoria è di otto", "the death toll of the attack has risen to 24".
fn left(list: &[Item], first: usize) -> Option<usize> {
    let mut j = first;
    // Words of the complement seen so far, and whether a "di"/"of" opened it.
    let (mut words, mut opened) = (0, false);
    for _ in 0..7 {
        j = j.checked_sub(1)?;
        match list[j].kind {
            Kind::Category(..) if words == 0 || opened => return Some(j),
            Kind::Cue(FigureCue::Between) if words > 0 => opened = true,
            Kind::Cue(FigureCue::Other | FigureCue::Between | FigureCue::Link) if words == 0 => {}
            Kind::Word { capital: false, .. } if !opened && words < 2 => {
                // Only after the link to the number: "vittime della sparatoria è di otto".
                if j + 1 == first {
                    return None;
                }
                words += 1;
            }
            _ => return None,
        }
    }
    None
}

/// "di cui", "including" just before the number.
fn subset_before(list: &[Item], first: usize) -> bool {
    let mut j = first;
    for _ in 0..3 {
        let Some(p) = j.checked_sub(1) else {
            return false;
        };
        j = p;
        match list[j].kind {
            Kind::Cue(FigureCue::Subset) => return true,
            Kind::Cue(FigureCue::Between | FigureCue::Other) => {}
            _ => return false,
        }
    }
    false
}

/// A casualty word after the noun phrase, across verbs and a few other words, within the
/// clause: "persone sono state ferite", "sono invece rimaste ferite", "were reported to have
/// been killed".
fn predicate(list: &[Item], from: usize) -> Option<usize> {
    let mut words = 0;
    let mut p = from;
    let mut steps = 0;
    while p < list.len() && steps < 10 {
        match list[p].kind {
            Kind::Category(..) => return Some(p),
            Kind::Cue(FigureCue::Link | FigureCue::Between | FigureCue::Other) => {}
            Kind::Modal(Modality::Hypothetical) => {}
            // A counted noun inside a complement is a word of it: "two fighters of the
            // People's Protection Units were hospitalized".
            Kind::Word { .. } | Kind::Counted(_) => {
                words += 1;
                if words > 4 {
                    return None;
                }
            }
            // "five people, including two elders, were killed": the subset is read on its own;
            // the predicate goes on after it, at the next link.
            Kind::Cue(FigureCue::Subset) => {
                p = (p..list.len().min(p + 10))
                    .find(|&q| list[q].kind == Kind::Cue(FigureCue::Link))?;
            }
            Kind::Cue(FigureCue::And) => {
                if matches!(list.get(p + 1).map(|i| i.kind), Some(Kind::Number(_))) {
                    return None;
                }
            }
            Kind::Comma => {
                if !matches!(
                    list.get(p + 1).map(|i| i.kind),
                    Some(Kind::Cue(FigureCue::Link | FigureCue::Subset))
                ) {
                    return None;
                }
            }
            Kind::Open => {
                p = (p..list.len().min(p + 16)).find(|&q| list[q].kind == Kind::Close)?;
            }
            _ => return None,
        }
        p += 1;
        steps += 1;
    }
    None
}

/// A hypothetical cue shortly before the number, or between it and its casualty word.
fn hypothetical(list: &[Item], first: usize, word: usize) -> bool {
    let from = first.saturating_sub(6).min(word);
    let to = first.max(word);
    list[from..to]
        .iter()
        .any(|i| i.kind == Kind::Modal(Modality::Hypothetical))
}

/// "nessun ferito", "no deaths were recorded": a negation cue before a casualty word is a
/// figure of 0, negated, unless a number follows the word ("non sono stati feriti 13").
fn negated(list: &[Item]) -> Vec<Figure> {
    let mut out = Vec::new();
    for (i, item) in list.iter().enumerate() {
        if item.kind != Kind::Modal(Modality::Negated) {
            continue;
        }
        let mut j = i + 1;
        while j < list.len()
            && j < i + 4
            && matches!(
                list[j].kind,
                Kind::Cue(FigureCue::Between | FigureCue::Other | FigureCue::Link)
            )
        {
            j += 1;
        }
        let Some(Kind::Category(category, rule)) = list.get(j).map(|i| i.kind) else {
            continue;
        };
        let number_after = list[j + 1..]
            .iter()
            .take(2)
            .find(|i| i.kind != Kind::Cue(FigureCue::Other))
            .is_some_and(|i| matches!(i.kind, Kind::Number(_)));
        if number_after {
            continue;
        }
        out.push(Figure {
            category,
            span: item.span.start..list[j].span.end,
            number: item.span.clone(),
            stated: Some(0.0),
            qualifier: Qualifier::Exact,
            low: Some(0.0),
            high: Some(0.0),
            vague_term: None,
            who: None,
            group: None,
            sentence: 0..0,
            repeats: Vec::new(),
            location: None,
            time: None,
            negated: true,
            hypothetical: false,
            rule: format!("figures/negated:{rule}"),
            confidence: 0.8,
        });
    }
    out
}
