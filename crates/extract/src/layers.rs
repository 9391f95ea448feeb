use std::fmt;
use std::str::FromStr;

/// One layer of the record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    /// People, organisations and places.
    Entities,
    /// Dates, times, periods and durations.
    Times,
    /// Every number in the text.
    Amounts,
    /// Counts of people or things affected, with their source.
    Figures,
    /// Direct, indirect and mixed speech.
    Quotes,
    /// Who did what to whom.
    Events,
}

impl Layer {
    /// Every layer, in record order.
    pub const ALL: [Layer; 6] = [
        Layer::Entities,
        Layer::Times,
        Layer::Amounts,
        Layer::Figures,
        Layer::Quotes,
        Layer::Events,
    ];

    /// The layer's name in the record and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Layer::Entities => "entities",
            Layer::Times => "times",
            Layer::Amounts => "amounts",
            Layer::Figures => "figures",
            Layer::Quotes => "quotes",
            Layer::Events => "events",
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of layers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layers(u8);

impl Layers {
    /// Every layer.
    pub fn all() -> Layers {
        Layers(Layer::ALL.iter().fold(0, |acc, l| acc | l.bit()))
    }

    /// No layer.
    pub fn none() -> Layers {
        Layers(0)
    }

    /// True when `layer` is in the set.
    pub fn contains(self, layer: Layer) -> bool {
        self.0 & layer.bit() != 0
    }

    /// The set with `layer` added.
    pub fn with(self, layer: Layer) -> Layers {
        Layers(self.0 | layer.bit())
    }

    /// The layers in both sets.
    pub fn and(self, other: Layers) -> Layers {
        Layers(self.0 & other.0)
    }

    /// The layers that must be computed to write these, so that a written layer is the same
    /// whatever else is asked for: times read the amounts (a number is not a date); quotes
    /// name their speakers by entity; a figure carries its source (from the quotes) and the
    /// event it counts, and an event its figures, source and time, so either needs every
    /// layer.
    pub fn closure(self) -> Layers {
        let mut set = self;
        if set.contains(Layer::Figures) || set.contains(Layer::Events) {
            return Layers::all();
        }
        if set.contains(Layer::Times) {
            set = set.with(Layer::Amounts);
        }
        if set.contains(Layer::Quotes) {
            set = set.with(Layer::Entities);
        }
        set
    }
}

/// A layer name that does not exist.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown layer {0:?} (expected entities, times, amounts, figures, quotes, events)")]
pub struct UnknownLayer(pub String);

impl FromStr for Layers {
    type Err = UnknownLayer;

    /// Parses a comma-separated list: `"amounts,times"`.
    fn from_str(s: &str) -> Result<Layers, UnknownLayer> {
        let mut set = Layers::none();
        for name in s.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            let layer = Layer::ALL
                .into_iter()
                .find(|l| l.name() == name)
                .ok_or_else(|| UnknownLayer(name.to_string()))?;
            set = set.with(layer);
        }
        Ok(set)
    }
}

impl fmt::Display for Layers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = Layer::ALL
            .into_iter()
            .filter(|l| self.contains(*l))
            .map(Layer::name)
            .collect();
        write!(f, "{}", names.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lists_and_rejects_unknown_names() {
        let l: Layers = "amounts, times".parse().unwrap();
        assert!(l.contains(Layer::Amounts) && l.contains(Layer::Times));
        assert!(!l.contains(Layer::Figures));
        assert_eq!(l.to_string(), "times,amounts");
        assert_eq!(
            "amounts,numbers".parse::<Layers>(),
            Err(UnknownLayer("numbers".into()))
        );
        assert_eq!(
            Layers::all().to_string(),
            "entities,times,amounts,figures,quotes,events"
        );
    }

    #[test]
    fn a_layer_brings_what_it_reads() {
        let closure = |s: &str| s.parse::<Layers>().unwrap().closure().to_string();
        assert_eq!(closure("amounts"), "amounts");
        assert_eq!(closure("times"), "times,amounts");
        assert_eq!(closure("entities"), "entities");
        assert_eq!(closure("quotes"), "entities,quotes");
        assert_eq!(closure("figures"), Layers::all().to_string());
        assert_eq!(closure("events,amounts"), Layers::all().to_string());
        assert_eq!(closure(""), "");
    }
}
