//! Entity types and IOB2 labels.

use std::fmt;

/// The kind of a name. `Misc` exists only for training data that marks it (CoNLL-2003); it is
/// never written in a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A place.
    Loc,
    /// Another name (nationality, event, work): CoNLL-2003's MISC.
    Misc,
}

impl EntityType {
    /// Every type, in label order.
    pub const ALL: [EntityType; 4] = [
        EntityType::Per,
        EntityType::Org,
        EntityType::Loc,
        EntityType::Misc,
    ];

    /// `PER`, `ORG`, `LOC` or `MISC`.
    pub fn name(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }

    /// Parses `PER`, `ORG`, `LOC` or `MISC`.
    pub fn from_name(name: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.name() == name)
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One IOB2 label: outside, or the beginning or inside of a name of some type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// Not part of a name.
    O,
    /// First token of a name.
    B(EntityType),
    /// A later token of a name.
    I(EntityType),
}

impl Label {
    /// The label's type, if any.
    pub fn entity_type(self) -> Option<EntityType> {
        match self {
            Label::O => None,
            Label::B(t) | Label::I(t) => Some(t),
        }
    }

    /// True when `self` may follow `prev` in IOB2 (`I-X` only after `B-X` or `I-X`); `prev` is
    /// `None` at the start of a sentence.
    pub fn may_follow(self, prev: Option<Label>) -> bool {
        match self {
            Label::I(t) => matches!(prev, Some(Label::B(p) | Label::I(p)) if p == t),
            _ => true,
        }
    }

    /// Parses `O`, `B-PER`, `I-LOC`…
    pub fn parse(s: &str) -> Option<Label> {
        match s {
            "O" => Some(Label::O),
            _ => {
                let (bio, ty) = s.split_once('-')?;
                let ty = EntityType::from_name(ty)?;
                match bio {
                    "B" => Some(Label::B(ty)),
                    "I" => Some(Label::I(ty)),
                    _ => None,
                }
            }
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Label::O => f.write_str("O"),
            Label::B(t) => write!(f, "B-{t}"),
            Label::I(t) => write!(f, "I-{t}"),
        }
    }
}

/// The labels of a tagger over `types`: `O`, then `B-`/`I-` of each type.
pub(crate) fn label_set(types: &[EntityType]) -> Vec<Label> {
    let mut labels = vec![Label::O];
    for &t in types {
        labels.push(Label::B(t));
        labels.push(Label::I(t));
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_labels() {
        for s in ["O", "B-PER", "I-ORG", "B-LOC", "I-MISC"] {
            assert_eq!(Label::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(Label::parse("B-XYZ"), None);
        assert!(!Label::I(EntityType::Per).may_follow(Some(Label::B(EntityType::Org))));
        assert!(!Label::I(EntityType::Per).may_follow(None));
        assert!(Label::I(EntityType::Per).may_follow(Some(Label::B(EntityType::Per))));
    }
}
