//! One number expression starting at a piece: digits, words or both, with fractions, decimals
//! in words, dozens and vague multiples. See `DESIGN.md` for the algorithm.
use super::compose::Composer;
use super::digits::{self, DigitNumber};
use super::pieces::Pieces;
use cronaca_lang::{Conventions, NumberWord, QuantifierReading, QuantifierWord, Reading, Role};
use cronaca_text::TokenKind;

/// What [`parse`] found.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Parsed {
    /// Byte span.
    pub start: usize,
    pub end: usize,
    /// Piece range, inclusive.
    pub first: usize,
    pub last: usize,
    /// None for a vague plural ("decine").
    pub value: Option<f64>,
    pub ordinal: bool,
    /// A second reading of the same words ("tre trilionesimo": ordinal 3e18 / fraction 3e-18):
    /// (is it the ordinal reading, value).
    pub alt: Option<(bool, f64)>,
    /// The quantifier, when it is a vague multiple or an approximate one.
    pub vague: Option<(QuantifierWord, String)>,
    /// The form that names the rule ("mille"), None for digits only.
    pub rule_form: Option<String>,
    /// Which data file the rule form comes from.
    pub rule_file: &'static str,
    /// One weak word alone ("un", "one").
    pub weak: bool,
    /// One word alone that can be a pronoun ("one").
    pub pronoun: bool,
    /// Plain digits with nothing around (for ranges "10-20").
    pub digits_only: bool,
    /// The digits carried an ordinal ending ("21st").
    pub digit_ordinal: bool,
}

/// A numeral in a word: one lexicon word or the morphemes of a glued compound.
enum WordAtom<'a> {
    Simple(&'a NumberWord),
    Compound(Vec<&'a NumberWord>, CompoundEnd),
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum CompoundEnd {
    /// All morphemes are numerals.
    Plain,
    /// Ends with a half ("zweieinhalb"): add 1/d.
    AddFraction(f64),
    /// Ends with a denominator suffix or a plural ordinal ("veinteavos", "trentacinquesimi"):
    /// the whole word is a denominator.
    Denominator,
}

pub(crate) struct Parser<'p, 'a> {
    pub pieces: &'p Pieces<'a>,
    pub conv: &'a Conventions,
    pub buf: String,
}

fn numeral(r: &Reading) -> Option<&NumberWord> {
    match r {
        Reading::Number(w) if w.role.is_numeral() => Some(w),
        _ => None,
    }
}

fn role_word(readings: &[Reading], role: Role) -> Option<&NumberWord> {
    readings.iter().find_map(|r| match r {
        Reading::Number(w) if w.role == role => Some(w),
        _ => None,
    })
}

fn quantifier(readings: &[Reading]) -> Option<&QuantifierWord> {
    readings.iter().find_map(|r| match r {
        Reading::Quantifier(q) => Some(q),
        _ => None,
    })
}

/// A word that can be a denominator: a fraction word, or an ordinal of 3 or more.
fn denominator(readings: &[Reading], singular_ok: bool) -> Option<&NumberWord> {
    readings.iter().find_map(|r| match r {
        Reading::Number(w) if w.role == Role::Fraction && !w.inner => Some(w),
        Reading::Number(w)
            if w.ordinal && !w.inner && w.value >= 3.0 && (w.plural || singular_ok) =>
        {
            Some(w)
        }
        _ => None,
    })
}

impl<'p, 'a> Parser<'p, 'a> {
    fn text(&self) -> &'a str {
        self.pieces.text
    }

    fn is_word(&self, i: usize) -> bool {
        let p = &self.pieces.list[i];
        p.kind == TokenKind::Word && !p.mixed
    }

    /// The digits at piece `i` (a number token, or the decimal mark before one).
    pub(crate) fn digits_at(&self, i: usize) -> Option<(DigitNumber, usize)> {
        let p = self.pieces.list[i];
        let text = self.text();
        let starts = match p.kind {
            TokenKind::Number => true,
            TokenKind::Punct => {
                text[p.start..].starts_with(self.conv.decimal_mark)
                    && text[p.start + self.conv.decimal_mark.len_utf8()..]
                        .starts_with(|c: char| c.is_ascii_digit())
                    && (p.start == 0
                        || text[..p.start].ends_with(|c: char| c.is_whitespace() || c == '('))
            }
            TokenKind::Word => false,
        };
        if !starts {
            return None;
        }
        let d = digits::scan(text, p.start, self.conv, self.pieces.numbers);
        let mut last = i;
        while last + 1 < self.pieces.len() && self.pieces.list[last + 1].start < d.end {
            last += 1;
        }
        Some((d, last))
    }

    /// The numeral word at piece `i`: a lexicon word (not inner) or a glued compound.
    fn word_atom(&mut self, i: usize) -> Option<(WordAtom<'a>, usize)> {
        if !self.is_word(i) {
            return None;
        }
        let mut buf = std::mem::take(&mut self.buf);
        let found = self.pieces.lookup(i, &mut buf);
        self.buf = buf;
        if let Some((readings, last)) = found {
            if let Some(w) = readings.iter().filter_map(numeral).find(|w| !w.inner) {
                return Some((WordAtom::Simple(w), last));
            }
            return None;
        }
        if !self.pieces.numbers.compounds {
            return None;
        }
        let mut folded = String::new();
        cronaca_lang::fold_into(self.pieces.str(i), &mut folded);
        let (morphemes, end) = self.segment(&folded)?;
        Some((WordAtom::Compound(morphemes, end), i))
    }

    /// Cuts a glued word into morphemes that compose ("duecentoquarantatre").
    fn segment(&self, folded: &str) -> Option<(Vec<&'a NumberWord>, CompoundEnd)> {
        let mut out = Vec::new();
        let end = self.segment_from(folded.as_bytes(), 0, &mut out, Composer::new())?;
        (out.len() >= 2).then_some((out, end))
    }

    fn segment_from(
        &self,
        bytes: &[u8],
        at: usize,
        out: &mut Vec<&'a NumberWord>,
        composer: Composer,
    ) -> Option<CompoundEnd> {
        if at == bytes.len() {
            return (composer.count > 0 && !composer.article_only).then_some(CompoundEnd::Plain);
        }
        // At most a handful of forms are prefixes of one another: a fixed array, no allocation.
        let mut cands: [(usize, &'a [Reading]); 16] = [(0, &[]); 16];
        let mut n = 0;
        self.pieces.numbers.prefixes(&bytes[at..], |len, r| {
            if n < cands.len() {
                cands[n] = (len, r);
                n += 1;
            }
        });
        for &(len, readings) in cands[..n].iter().rev() {
            let is_last = at + len == bytes.len();
            for r in readings {
                let Reading::Number(w) = r else { continue };
                match w.role {
                    _ if w.role.is_numeral() && !(w.plural && w.ordinal) => {
                        let mut c = composer.clone();
                        if c.push(w) {
                            out.push(w);
                            if let Some(end) = self.segment_from(bytes, at + len, out, c) {
                                return Some(end);
                            }
                            out.pop();
                        }
                    }
                    _ if w.ordinal && w.plural && is_last && composer.count > 0 => {
                        // "trentacinquesimi": the whole word is a denominator.
                        let mut c = composer.clone();
                        let mut w2 = w.clone();
                        w2.ordinal = true;
                        w2.plural = false;
                        if c.push(&w2) {
                            out.push(w);
                            return Some(CompoundEnd::Denominator);
                        }
                    }
                    Role::Joiner if composer.count > 0 && !is_last => {
                        let mut c = composer.clone();
                        c.join(w.reverse);
                        out.push(w);
                        if let Some(end) = self.segment_from(bytes, at + len, out, c) {
                            return Some(end);
                        }
                        out.pop();
                    }
                    Role::Fraction if is_last && composer.count > 0 => {
                        out.push(w);
                        return Some(CompoundEnd::AddFraction(w.value));
                    }
                    Role::FractionSuffix if is_last && composer.count > 0 => {
                        out.push(w);
                        return Some(CompoundEnd::Denominator);
                    }
                    _ => {}
                }
            }
        }
        None
    }

    /// The value of a compound's morphemes (as a plain number).
    fn compound_value(morphemes: &[&NumberWord]) -> (f64, bool) {
        let mut c = Composer::new();
        let mut ordinal = false;
        for w in morphemes {
            match w.role {
                Role::Joiner => c.join(w.reverse),
                _ if w.role.is_numeral() => {
                    let mut w2 = (*w).clone();
                    if w2.plural {
                        w2.plural = false;
                    }
                    c.push(&w2);
                    ordinal = w.ordinal;
                }
                _ => {}
            }
        }
        (c.value(), ordinal)
    }

    /// Pushes a compound's morphemes into `c`; false if one is refused.
    fn push_compound(c: &mut Composer, morphemes: &[&NumberWord]) -> bool {
        let mut t = c.clone();
        for w in morphemes {
            match w.role {
                Role::Joiner => t.join(w.reverse),
                Role::Fraction | Role::FractionSuffix => {}
                _ => {
                    if !t.push(w) {
                        return false;
                    }
                }
            }
        }
        *c = t;
        true
    }

    fn next(&self, i: usize, dash: bool) -> Option<usize> {
        self.pieces
            .next_joined(i, dash && self.is_word(i))
            .filter(|&j| !dash || j == i + 1 || self.is_word(j))
    }

    /// A fraction phrase at `i`: "mezzo", "a half", "tre quarti", "two fifths", "un demi", with
    /// an optional multiplier after it ("a half million"). Returns (value, multiplied, last).
    fn fraction_phrase(&mut self, i: usize) -> Option<(f64, bool, usize)> {
        let mut c = Composer::new();
        let mut p = i;
        let mut last_num = None;
        loop {
            if let Some((atom, last)) = self.word_atom(p) {
                let ok = match &atom {
                    WordAtom::Simple(w) => !w.ordinal && c.push(w),
                    WordAtom::Compound(m, CompoundEnd::Plain) => {
                        !Self::compound_value(m).1 && Self::push_compound(&mut c, m)
                    }
                    _ => false,
                };
                if ok {
                    last_num = Some(last);
                    p = self.next(last, true)?;
                    continue;
                }
            } else if c.count == 0 {
                let r = self.pieces.readings[p];
                if let Some(a) = role_word(r, Role::Article) {
                    c.push(a);
                    last_num = Some(p);
                    p = self.next(p, false)?;
                    continue;
                }
            }
            break;
        }
        let readings = self.pieces.readings[p];
        let (den, dlast) = if c.count > 0
            && let Some((d, dl)) = self.ordinal_run(p)
        {
            (d, dl)
        } else if let Some(d) = denominator(readings, true) {
            if c.count == 0 && d.role != Role::Fraction {
                return None;
            }
            (d.value, p)
        } else if let Some((WordAtom::Compound(m, CompoundEnd::Denominator), last)) =
            self.word_atom_compound_only(p)
        {
            (Self::compound_value(&m).0, last)
        } else {
            return None;
        };
        let _ = last_num;
        let num = if c.count == 0 { 1.0 } else { c.value() };
        // A singular ordinal is a denominator only after "one": "un quinto", not "dos milésimo".
        if num != 1.0
            && let Some(d) = denominator(readings, true)
            && d.ordinal
            && !d.plural
            && dlast == p
        {
            return None;
        }
        let mut value = num / den;
        let mut last = dlast;
        let mut multiplied = false;
        if let Some(j) = self.next(dlast, false)
            && let Some((WordAtom::Simple(w), wl)) = self.word_atom_any(j)
            && w.role == Role::Multiplier
        {
            value *= w.value;
            last = wl;
            multiplied = true;
        }
        Some((value, multiplied, last))
    }

    /// An ordinal spelled in several words from piece `i` ("twenty-first", "one hundred
    /// fifth"), read as a denominator: (value, last piece).
    fn ordinal_run(&mut self, i: usize) -> Option<(f64, usize)> {
        let mut c = Composer::new();
        let mut p = i;
        let mut n = 0;
        loop {
            if n > 0
                && let Some(j) = role_word(self.pieces.readings[p], Role::Joiner)
            {
                c.join(j.reverse);
                p = self.next(p, false)?;
                continue;
            }
            let (atom, l) = self.word_atom(p)?;
            let WordAtom::Simple(w) = atom else {
                return None;
            };
            let mut w2 = w.clone();
            w2.plural = false;
            if !c.push(&w2) {
                return None;
            }
            n += 1;
            if w.ordinal {
                return (n >= 2 && c.value() >= 3.0).then(|| (c.value(), l));
            }
            p = self.next(l, true)?;
        }
    }

    /// Like `word_atom` but accepting multipliers that need a number before them.
    fn word_atom_any(&mut self, i: usize) -> Option<(WordAtom<'a>, usize)> {
        if !self.is_word(i) {
            return None;
        }
        let mut buf = std::mem::take(&mut self.buf);
        let found = self.pieces.lookup(i, &mut buf);
        self.buf = buf;
        let (readings, last) = found?;
        readings
            .iter()
            .filter_map(numeral)
            .find(|w| !w.inner)
            .map(|w| (WordAtom::Simple(w), last))
    }

    fn word_atom_compound_only(&mut self, i: usize) -> Option<(WordAtom<'a>, usize)> {
        if !self.is_word(i) || !self.pieces.readings[i].is_empty() || !self.pieces.numbers.compounds
        {
            return None;
        }
        let mut folded = String::new();
        cronaca_lang::fold_into(self.pieces.str(i), &mut folded);
        let (m, end) = self.segment(&folded)?;
        Some((WordAtom::Compound(m, end), i))
    }

    /// Decimal digits in words after "punto"/"point": "nought four" → 0.04, "ventinove" → 0.29.
    fn decimal_words(&mut self, i: usize) -> Option<(f64, usize)> {
        // Digit by digit first.
        let mut digits = String::new();
        let mut p = i;
        let mut last = i;
        loop {
            match self.word_atom(p) {
                Some((WordAtom::Simple(w), l))
                    if w.role == Role::Unit
                        && !w.ordinal
                        && w.value.fract() == 0.0
                        && w.value < 10.0 =>
                {
                    digits.push(char::from(b'0' + w.value as u8));
                    last = l;
                }
                _ => break,
            }
            match self.next(last, true) {
                Some(n) => p = n,
                None => break,
            }
        }
        if digits.len() >= 2 {
            return Some((format!("0.{digits}").parse().ok()?, last));
        }
        let mut c = Composer::new();
        let mut p = i;
        let mut last = None;
        while let Some((atom, l)) = self.word_atom(p) {
            let ok = match &atom {
                WordAtom::Simple(w) => !w.ordinal && c.push(w),
                WordAtom::Compound(m, CompoundEnd::Plain) => Self::push_compound(&mut c, m),
                _ => false,
            };
            if !ok {
                break;
            }
            last = Some(l);
            match self.next(l, true) {
                Some(n) => p = n,
                None => break,
            }
        }
        let last = last?;
        let v = c.value();
        if v.fract() != 0.0 {
            return None;
        }
        let width = format!("{v}").len() as i32;
        Some((v / 10f64.powi(width), last))
    }

    /// Parses the number expression starting at piece `i`, if any.
    pub(crate) fn parse(&mut self, i: usize) -> Option<Parsed> {
        let pieces = self.pieces;
        let mut c = Composer::new();
        let mut p = i;
        let mut first_form: Option<String> = None;
        let rule_file = "numbers";
        let mut last: Option<usize> = None;
        let mut value_override: Option<f64> = None;
        let mut alt: Option<(bool, f64)> = None;

        let mut digits_only = false;
        let mut digit_ordinal = false;
        let mut weak = false;
        let mut pronoun = false;
        let mut words = 0usize;
        // A vulgar fraction character: "¾".
        if pieces.list[p].kind == TokenKind::Word {
            let s = pieces.str(p);
            let mut chars = s.chars();
            if let (Some(ch), None) = (chars.next(), chars.next())
                && let Some(v) = digits::vulgar_fraction(ch)
            {
                return Some(self.finish(
                    i, p, v, false, None, None, None, "numbers", false, false, true, false,
                ));
            }
        }
        // A leading number in digits.
        if let Some((d, dl)) = self.digits_at(p) {
            if d.ordinal {
                return Some(self.finish(
                    i, dl, d.value, true, None, None, None, "numbers", false, false, false, true,
                ));
            }
            if d.suffixed {
                return Some(self.finish(
                    i, dl, d.value, false, None, None, None, "numbers", false, false, true, false,
                ));
            }
            let mut value = d.value;
            let mut dlast = dl;
            // "2 1/4": a whole number and a fraction.
            if d.integer
                && let Some(n) = pieces.next_joined(dl, false)
                && let Some((f, fl)) = self.digits_at(n)
                && f.fraction
            {
                value += f.value;
                dlast = fl;
                return Some(self.finish(
                    i, dlast, value, false, None, None, None, "numbers", false, false, true, false,
                ));
            }
            if d.fraction {
                return Some(self.finish(
                    i, dlast, value, false, None, None, None, "numbers", false, false, true, false,
                ));
            }
            c.push_digits(value);
            last = Some(dlast);
            digits_only = true;
            match pieces.next_joined(dlast, false) {
                Some(n) => p = n,
                None => {
                    return Some(self.finish(
                        i, dlast, value, false, None, None, None, "numbers", false, false, true,
                        false,
                    ));
                }
            }
            value = 0.0;
            let _ = value;
        }
        let mut pending_joiner = false;
        loop {
            let readings = pieces.readings[p];
            // Numerals.
            if let Some((atom, al)) = if c.count == 0 {
                self.word_atom(p)
            } else {
                self.word_atom_any(p).or_else(|| self.word_atom(p))
            } {
                match atom {
                    WordAtom::Simple(w) => {
                        let before = c.clone();
                        if w.ordinal && w.plural {
                            // A plural ordinal: a denominator ("cinque ottavi"), and for
                            // multipliers also an ordinal ("tres millonesimos").
                            if c.count == 0 {
                                if matches!(w.role, Role::Multiplier | Role::Hundred) {
                                    return Some(self.finish(
                                        i,
                                        al,
                                        w.value,
                                        true,
                                        None,
                                        None,
                                        Some(w.form.clone()),
                                        rule_file,
                                        false,
                                        false,
                                        false,
                                        false,
                                    ));
                                }
                                return None;
                            }
                            if w.value < 3.0 || c.ordinal {
                                break;
                            }
                            let num = c.value();
                            let mut w2 = w.clone();
                            w2.plural = false;
                            let mut c2 = c.clone();
                            if matches!(w.role, Role::Multiplier | Role::Hundred) && c2.push(&w2) {
                                alt = Some((true, c2.value()));
                            }
                            value_override = Some(num / w.value);
                            last = Some(al);
                            words += 1;
                            self.after_fraction(&mut value_override, &mut last);
                            break;
                        }
                        if c.push(w) {
                            if w.ordinal
                                && before.count > 0
                                && matches!(w.role, Role::Multiplier | Role::Hundred)
                                && !before.ordinal
                            {
                                alt = Some((false, before.value() / w.value));
                            }
                            first_form.get_or_insert_with(|| w.form.clone());
                            weak = w.weak;
                            pronoun = w.pronoun;
                            words += 1;
                            last = Some(al);
                            pending_joiner = false;
                            match self.next(al, true) {
                                Some(n) => {
                                    p = n;
                                    continue;
                                }
                                None => break,
                            }
                        }
                        // Refused: maybe a denominator spelled in several words
                        // ("three twenty-firsts", "one one hundred fifth").
                        if c.count > 0
                            && !c.ordinal
                            && !pending_joiner
                            && !w.ordinal
                            && let Some((den, dl)) = self.ordinal_run(p)
                        {
                            value_override = Some(c.value() / den);
                            last = Some(dl);
                            words += 1;
                            self.after_fraction(&mut value_override, &mut last);
                            break;
                        }
                        // Refused: maybe a denominator ("un ottavo", "trois cinquieme"); not
                        // a capitalised singular ordinal after a count above one, which starts
                        // a name: "two Fifth Corps members" counts two.
                        if w.ordinal
                            && c.count > 0
                            && (w.plural
                                || c.value() == 1.0
                                || !self.text()[self.pieces.list[p].start..]
                                    .starts_with(char::is_uppercase))
                            && w.value >= 3.0
                            && !c.ordinal
                            && !pending_joiner
                        {
                            value_override = Some(c.value() / w.value);
                            last = Some(al);
                            words += 1;
                            self.after_fraction(&mut value_override, &mut last);
                        }
                        break;
                    }
                    WordAtom::Compound(m, end) => {
                        match end {
                            CompoundEnd::Denominator => {
                                let (d, _) = Self::compound_value(&m);
                                if c.count > 0 && !c.ordinal && !pending_joiner {
                                    value_override = Some(c.value() / d);
                                    last = Some(al);
                                    words += 1;
                                    self.after_fraction(&mut value_override, &mut last);
                                } else if c.count == 0 {
                                    // Alone: the ordinal it spells.
                                    return Some(self.finish(
                                        i,
                                        al,
                                        d,
                                        true,
                                        None,
                                        None,
                                        Some(self.pieces.str(al).to_string()),
                                        rule_file,
                                        false,
                                        false,
                                        false,
                                        false,
                                    ));
                                }
                                break;
                            }
                            CompoundEnd::AddFraction(d) => {
                                if Self::push_compound(&mut c, &m) {
                                    value_override = Some(c.value() + 1.0 / d);
                                    first_form
                                        .get_or_insert_with(|| self.pieces.str(al).to_string());
                                    last = Some(al);
                                    words += 1;
                                    if let Some(n) = self.next(al, false)
                                        && let Some((WordAtom::Simple(w), wl)) =
                                            self.word_atom_any(n)
                                        && w.role == Role::Multiplier
                                    {
                                        value_override = value_override.map(|v| v * w.value);
                                        last = Some(wl);
                                    }
                                }
                                break;
                            }
                            CompoundEnd::Plain => {
                                let before = c.clone();
                                if Self::push_compound(&mut c, &m) {
                                    let lastm = m.last().copied();
                                    if let Some(w) = lastm
                                        && w.ordinal
                                        && before.count > 0
                                        && matches!(w.role, Role::Multiplier | Role::Hundred)
                                    {
                                        alt = Some((
                                            false,
                                            before.value() / Self::compound_value(&m).0,
                                        ));
                                    }
                                    first_form
                                        .get_or_insert_with(|| self.pieces.str(al).to_string());
                                    words += 2;
                                    last = Some(al);
                                    pending_joiner = false;
                                    match self.next(al, true) {
                                        Some(n) => {
                                            p = n;
                                            continue;
                                        }
                                        None => break,
                                    }
                                }
                                // A glued ordinal after a number: a denominator ("un venticinquesimo").
                                let (d, ord) = Self::compound_value(&m);
                                if ord && c.count > 0 && !c.ordinal && d >= 3.0 && !pending_joiner {
                                    value_override = Some(c.value() / d);
                                    last = Some(al);
                                    words += 1;
                                    self.after_fraction(&mut value_override, &mut last);
                                }
                                break;
                            }
                        }
                    }
                }
            }
            // Digits after words: "4 thousand 3 hundred and 21".
            if c.count > 0
                && pieces.list[p].kind == TokenKind::Number
                && let Some((d, dl)) = self.digits_at(p)
                && d.integer
                && !d.ordinal
                && c.push_digits(d.value)
            {
                last = Some(dl);
                pending_joiner = false;
                match pieces.next_joined(dl, false) {
                    Some(n) => {
                        p = n;
                        continue;
                    }
                    None => break,
                }
            }
            if c.count == 0 {
                // Words that start a number without a numeral.
                if let Some(q) = quantifier(readings) {
                    let term = pieces.str(p).to_string();
                    return match q.reading {
                        QuantifierReading::Abbreviation => None,
                        QuantifierReading::Plural => Some(self.finish(
                            i,
                            p,
                            f64::NAN,
                            false,
                            None,
                            Some((q.clone(), term)),
                            Some(q.form.clone()),
                            "quantifiers",
                            false,
                            false,
                            false,
                            false,
                        )),
                        QuantifierReading::Single => Some(self.finish(
                            i,
                            p,
                            q.unit,
                            false,
                            None,
                            Some((q.clone(), term)),
                            Some(q.form.clone()),
                            "quantifiers",
                            false,
                            false,
                            false,
                            false,
                        )),
                    };
                }
                if let Some(n) = role_word(readings, Role::Negative) {
                    let next = pieces.next_joined(p, false)?;
                    let inner = self.parse(next)?;
                    if inner.ordinal || inner.value.is_none() {
                        return None;
                    }
                    let mut out = inner;
                    out.value = out.value.map(|v| -v);
                    out.start = pieces.list[i].start;
                    out.first = i;
                    out.rule_form = Some(n.form.clone());
                    out.weak = false;
                    out.pronoun = false;
                    out.digits_only = false;
                    return Some(out);
                }
                if let Some(a) = role_word(readings, Role::Article)
                    && let Some(n) = self.next(p, false)
                {
                    // "a hundred", "a dozen", "a half", "a trillionth".
                    if let Some((f, _, fl)) = self.fraction_phrase(p) {
                        return Some(self.finish(
                            i,
                            fl,
                            f,
                            false,
                            None,
                            None,
                            Some(a.form.clone()),
                            rule_file,
                            false,
                            false,
                            false,
                            false,
                        ));
                    }
                    if let Some(q) = quantifier(pieces.readings[n]) {
                        if q.reading == QuantifierReading::Single {
                            let term = pieces.str(n).to_string();
                            return Some(self.finish(
                                i,
                                n,
                                q.unit,
                                false,
                                None,
                                Some((q.clone(), term)),
                                Some(q.form.clone()),
                                "quantifiers",
                                false,
                                false,
                                false,
                                false,
                            ));
                        }
                        return None;
                    }
                    c.push(a);
                    first_form = Some(a.form.clone());
                    last = Some(p);
                    p = n;
                    continue;
                }
                // "mezzo milione", "half million", "mezza dozzina".
                if let Some(f) = role_word(readings, Role::Fraction)
                    && let Some(n) = self.next(p, false)
                {
                    if let Some((WordAtom::Simple(w), wl)) = self.word_atom_any(n)
                        && w.role == Role::Multiplier
                    {
                        return Some(self.finish(
                            i,
                            wl,
                            w.value / f.value,
                            false,
                            None,
                            None,
                            Some(f.form.clone()),
                            rule_file,
                            false,
                            false,
                            false,
                            false,
                        ));
                    }
                    if let Some(q) = quantifier(pieces.readings[n]) {
                        return Some(self.finish(
                            i,
                            n,
                            q.unit / f.value,
                            false,
                            None,
                            None,
                            Some(f.form.clone()),
                            rule_file,
                            false,
                            false,
                            false,
                            false,
                        ));
                    }
                }
                return None;
            }
            if c.article_only {
                return None;
            }
            // After a number.
            if let Some(q) = quantifier(readings)
                && !c.ordinal
            {
                // "tre docenas", "trecento e due dozzine": the last small number times u.
                let v = c.value();
                let small = c.last_value;
                let total = v - small + small * q.unit;
                let vq = if c.count == 1 && small == 1.0 && q.reading == QuantifierReading::Single {
                    Some((q.clone(), pieces.str(p).to_string()))
                } else {
                    None
                };
                return Some(self.finish(
                    i,
                    p,
                    total,
                    false,
                    None,
                    vq,
                    first_form.or(Some(q.form.clone())),
                    rule_file,
                    false,
                    false,
                    false,
                    false,
                ));
            }
            if let Some(j) = role_word(readings, Role::Joiner)
                && !pending_joiner
                && !c.ordinal
                && let Some(n) = self.next(p, false)
            {
                if let Some((f, multiplied, fl)) = self.fraction_phrase(n) {
                    let base = c.value();
                    let add = match c.last_multiplier {
                        Some(m) if !multiplied && c.group_is_empty() => f * m,
                        _ => f,
                    };
                    value_override = Some(base + add);
                    last = Some(fl);
                    words += 2;
                    break;
                }
                c.join(j.reverse);
                pending_joiner = true;
                p = n;
                continue;
            }
            if pending_joiner {
                break;
            }
            if role_word(readings, Role::Decimal).is_some()
                && !c.ordinal
                && c.value().fract() == 0.0
            {
                let Some(n) = self.next(p, false) else { break };
                if let Some((f, multiplied, fl)) = self.fraction_phrase(n) {
                    let base = c.value();
                    let add = match c.last_multiplier {
                        Some(m) if !multiplied && c.group_is_empty() => f * m,
                        _ => f,
                    };
                    value_override = Some(base + add);
                    last = Some(fl);
                    words += 2;
                    break;
                }
                if let Some((f, fl)) = self.decimal_words(n) {
                    value_override = Some(c.value() + f);
                    last = Some(fl);
                    words += 2;
                }
                break;
            }
            let mut buf = std::mem::take(&mut self.buf);
            let (multi, ml) = pieces.lookup(p, &mut buf).unwrap_or((readings, p));
            self.buf = buf;
            if role_word(multi, Role::Over).is_some() && !c.ordinal {
                let Some(n) = self.next(ml, false) else { break };
                if let Some(den) = self.parse(n)
                    && !den.ordinal
                    && let Some(dv) = den.value
                    && dv != 0.0
                    && c.value() < dv
                {
                    value_override = Some(c.value() / dv);
                    last = Some(den.last);
                    words += 2;
                }
                break;
            }
            // A fraction word after a number: "cinco medios", "drei halbe".
            if let Some(d) = denominator(readings, false)
                && !c.ordinal
                && d.role == Role::Fraction
            {
                value_override = Some(c.value() / d.value);
                last = Some(p);
                words += 1;
                self.after_fraction(&mut value_override, &mut last);
            }
            break;
        }
        let last = last?;

        if digits_only && words == 0 {
            // Digits followed by nothing that composes.
            return Some(self.finish(
                i,
                last,
                c.value(),
                false,
                None,
                None,
                None,
                "numbers",
                false,
                false,
                true,
                digit_ordinal,
            ));
        }
        if c.count == 0 || c.article_only {
            return None;
        }
        let value = value_override.unwrap_or_else(|| c.value());
        let ordinal = value_override.is_none() && c.ordinal;
        let single = words == 1 && !digits_only;
        digit_ordinal = false;
        Some(self.finish(
            i,
            last,
            value,
            ordinal,
            alt,
            None,
            first_form,
            rule_file,
            single && weak,
            single && pronoun,
            false,
            digit_ordinal,
        ))
    }

    /// After a fraction, a multiplier or quantifier multiplies it ("tre quarti di milione" is
    /// not handled; "three quarters million", "zwei Drittel Millionen" are).
    fn after_fraction(&mut self, value: &mut Option<f64>, last: &mut Option<usize>) {
        let Some(l) = *last else { return };
        let Some(n) = self.next(l, false) else { return };
        if let Some((WordAtom::Simple(w), wl)) = self.word_atom_any(n)
            && w.role == Role::Multiplier
        {
            *value = value.map(|v| v * w.value);
            *last = Some(wl);
        } else if let Some(q) = quantifier(self.pieces.readings[n]) {
            *value = value.map(|v| v * q.unit);
            *last = Some(n);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        first: usize,
        last: usize,
        value: f64,
        ordinal: bool,
        alt: Option<(bool, f64)>,
        vague: Option<(QuantifierWord, String)>,
        rule_form: Option<String>,
        rule_file: &'static str,
        weak: bool,
        pronoun: bool,
        digits_only: bool,
        digit_ordinal: bool,
    ) -> Parsed {
        let l = &self.pieces.list;
        let mut end = l[last].end;
        if (digits_only || digit_ordinal)
            && let Some((d, dl)) = self.digits_at(first)
            && dl == last
        {
            end = d.end;
        }
        Parsed {
            start: l[first].start,
            end: end.max(l[first].start + 1).min(self.text().len()),
            first,
            last,
            value: (!value.is_nan()).then_some(value),
            ordinal: ordinal || digit_ordinal,
            alt,
            vague,
            rule_form,
            rule_file,
            weak,
            pronoun,
            digits_only,
            digit_ordinal,
        }
    }
}
