//! Place-value composition of number words: "two hundred and six", "tremiladuecento",
//! "cuatrocientos cincuenta y dos mil", "dreihundertsiebenundsiebzig". See `DESIGN.md`.
use cronaca_lang::{NumberWord, Role};

/// Which place the current group (below a thousand) has filled last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    Empty,
    Hundred,
    Ten {
        takes_teen: bool,
    },
    Teen,
    Unit,
    /// After "zero": nothing can follow.
    Closed,
}

/// Builds one number from words pushed left to right, refusing a word that breaks place value
/// ("one two", "uno due" are two numbers).
#[derive(Clone, Debug)]
pub(crate) struct Composer {
    /// Closed groups: (value, multiplier), multipliers decreasing.
    parts: [(f64, f64); 8],
    nparts: usize,
    group: f64,
    slot: Slot,
    /// Words accepted so far.
    pub count: usize,
    /// The last word accepted was an ordinal.
    pub ordinal: bool,
    /// Only an article so far ("a" in "a hundred").
    pub article_only: bool,
    /// The last multiplier applied ("milioni" in "3 milioni e mezzo").
    pub last_multiplier: Option<f64>,
    /// A joiner was seen since the last numeral ("und" in "einund…").
    pub joined: bool,
    joiner_reverse: bool,
    /// The role of the last numeral accepted.
    pub last_role: Option<Role>,
    /// The value of the last numeral (digits or word) accepted.
    pub last_value: f64,
    /// The last numeral was written in digits ("322 cent").
    digits_last: bool,
}

impl Composer {
    pub(crate) fn new() -> Composer {
        Composer {
            parts: [(0.0, 0.0); 8],
            nparts: 0,
            group: 0.0,
            slot: Slot::Empty,
            count: 0,
            ordinal: false,
            article_only: false,
            last_multiplier: None,
            joined: false,
            joiner_reverse: false,
            last_role: None,
            last_value: 0.0,
            digits_last: false,
        }
    }

    /// The value composed so far.
    pub(crate) fn value(&self) -> f64 {
        self.parts[..self.nparts].iter().map(|p| p.0).sum::<f64>() + self.group
    }

    /// True when the group below the last multiplier is empty ("due milioni|").
    pub(crate) fn group_is_empty(&self) -> bool {
        self.group == 0.0 && self.slot == Slot::Empty
    }

    /// Notes a joiner ("and", "e", "und"); `reverse` lets a ten follow a unit ("einund|zwanzig").
    pub(crate) fn join(&mut self, reverse: bool) {
        self.joined = true;
        self.joiner_reverse = reverse;
    }

    /// Tries to add a word; false (and no change) when it cannot continue this number.
    pub(crate) fn push(&mut self, w: &NumberWord) -> bool {
        if self.ordinal && !w.ordinal {
            return false;
        }
        if w.after_number && self.count == 0 {
            return false;
        }
        let ok = match w.role {
            Role::Article => {
                if self.count > 0 {
                    return false;
                }
                self.group = 1.0;
                self.slot = Slot::Unit;
                self.article_only = true;
                self.count = 1;
                self.last_value = 1.0;
                self.last_role = Some(Role::Article);
                return true;
            }
            Role::Unit | Role::Teen | Role::Ten | Role::Hundreds => {
                self.push_small(w.role, w.value, w.takes_teen)
            }
            Role::Hundred => self.push_hundred(w.value),
            Role::Multiplier => self.push_multiplier(w.value),
            _ => false,
        };
        if ok {
            self.digits_last = false;
            self.count += 1;
            self.ordinal = w.ordinal;
            self.joined = false;
            self.last_role = Some(w.role);
            self.last_value = w.value;
        }
        ok
    }

    fn push_small(&mut self, role: Role, v: f64, takes_teen: bool) -> bool {
        if self.article_only {
            return false;
        }
        let slot = self.slot;
        let ok = match role {
            Role::Unit if v == 0.0 => self.count == 0,
            Role::Unit => matches!(slot, Slot::Empty | Slot::Hundred | Slot::Ten { .. }),
            Role::Teen => match slot {
                Slot::Empty | Slot::Hundred => true,
                Slot::Ten { takes_teen } => takes_teen,
                _ => false,
            },
            Role::Ten => match slot {
                Slot::Empty | Slot::Hundred => true,
                // "einundzwanzig": unit, "und", ten.
                Slot::Unit => self.joined && self.joiner_reverse && self.group % 100.0 < 10.0,
                _ => false,
            },
            Role::Hundreds => slot == Slot::Empty && self.group == 0.0,
            _ => false,
        };
        if !ok {
            return false;
        }
        self.group += v;
        self.slot = match role {
            Role::Unit if v == 0.0 => Slot::Closed,
            Role::Unit | Role::Teen if slot == Slot::Unit => Slot::Teen,
            Role::Ten if slot == Slot::Unit => Slot::Teen,
            Role::Unit => Slot::Unit,
            Role::Teen => Slot::Teen,
            Role::Ten => Slot::Ten { takes_teen },
            _ => Slot::Hundred,
        };
        true
    }

    fn push_hundred(&mut self, v: f64) -> bool {
        match self.slot {
            Slot::Empty if self.group == 0.0 => self.group = v,
            Slot::Unit | Slot::Teen
                if self.group > 0.0 && (self.group < 100.0 || self.digits_last) =>
            {
                self.group *= v;
                self.article_only = false;
            }
            _ => return false,
        }
        self.slot = Slot::Hundred;
        true
    }

    fn push_multiplier(&mut self, m: f64) -> bool {
        if self.slot == Slot::Closed {
            return false;
        }
        let mut v = self.group;
        let mut n = self.nparts;
        if self.count == 0 {
            v = 1.0;
        } else {
            if self.nparts > 0 && self.parts[self.nparts - 1].1 == m {
                return false;
            }
            while n > 0 && self.parts[n - 1].1 < m {
                v += self.parts[n - 1].0;
                n -= 1;
            }
            if v == 0.0 {
                return false;
            }
        }
        if n == self.parts.len() {
            return false;
        }
        self.nparts = n;
        self.parts[n] = (v * m, m);
        self.nparts += 1;
        self.group = 0.0;
        self.slot = Slot::Empty;
        self.article_only = false;
        self.last_multiplier = Some(m);
        true
    }

    /// Adds digits standing for a small number ("4 thousand 3 hundred and 21").
    pub(crate) fn push_digits(&mut self, v: f64) -> bool {
        let ok = match self.slot {
            Slot::Empty if self.group == 0.0 && self.count == 0 => true,
            Slot::Empty if self.group == 0.0 => v < 1000.0 && v.fract() == 0.0,
            Slot::Hundred => v < 100.0 && v.fract() == 0.0,
            _ => false,
        };
        if !ok {
            return false;
        }
        self.group += v;
        self.slot = if v < 10.0 && v.fract() == 0.0 {
            Slot::Unit
        } else {
            Slot::Teen
        };
        self.count += 1;
        self.digits_last = true;
        self.joined = false;
        self.last_role = None;
        self.last_value = v;
        true
    }
}
