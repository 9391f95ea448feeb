//! What a matched name can be: a small bit set, stored with every key of the index.
//!
//! Also compiled into `build.rs` (with `#[path]`).

/// A set of kinds of gazetteer entry that carry a name (a bit set).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Kinds(pub u16);

impl Kinds {
    /// A country (ISO 3166-1).
    pub const COUNTRY: Kinds = Kinds(1);
    /// A first-level administrative division (region, state, oblast).
    pub const ADMIN1: Kinds = Kinds(1 << 1);
    /// A second-level administrative division (province, county, district).
    pub const ADMIN2: Kinds = Kinds(1 << 2);
    /// A populated place.
    pub const CITY: Kinds = Kinds(1 << 3);
    /// A populated place of at least 100,000 inhabitants.
    pub const BIG_CITY: Kinds = Kinds(1 << 4);
    /// A national capital.
    pub const CAPITAL: Kinds = Kinds(1 << 5);
    /// An organisation (government body, international organisation, party, company …).
    pub const ORG: Kinds = Kinds(1 << 6);
    /// A news agency, broadcaster, newspaper or platform.
    pub const MEDIA: Kinds = Kinds(1 << 7);
    /// A person.
    pub const PERSON: Kinds = Kinds(1 << 8);
    /// A demonym or national adjective ("russo", "kazakh").
    pub const DEMONYM: Kinds = Kinds(1 << 9);
    /// The head of an organisation pattern ("ministero della Salute", "Innenministerium").
    pub const ORG_PATTERN: Kinds = Kinds(1 << 10);
    /// An entry from a user dictionary.
    pub const USER: Kinds = Kinds(1 << 11);

    /// The empty set.
    pub const fn empty() -> Kinds {
        Kinds(0)
    }

    /// Whether every kind of `other` is in `self`.
    pub const fn contains(self, other: Kinds) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether `self` and `other` share a kind.
    pub const fn intersects(self, other: Kinds) -> bool {
        self.0 & other.0 != 0
    }

    /// The kinds of both sets (`|` in a `const`).
    pub const fn union(self, other: Kinds) -> Kinds {
        Kinds(self.0 | other.0)
    }

    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether any place kind (country, admin division, city) is in the set.
    pub const fn is_place(self) -> bool {
        self.0 & 0b11_1111 != 0
    }
}

impl std::ops::BitOr for Kinds {
    type Output = Kinds;
    fn bitor(self, rhs: Kinds) -> Kinds {
        Kinds(self.0 | rhs.0)
    }
}

impl std::ops::BitOrAssign for Kinds {
    fn bitor_assign(&mut self, rhs: Kinds) {
        self.0 |= rhs.0;
    }
}
