//! The vocabulary of links: entity types, subtypes, ids — as the `cronaca/1` contract names them.

use serde::{Deserialize, Serialize};

pub use cronaca_model::EntityType;

/// Parses an entity type as user dictionaries write it: `PER`, `ORG`, `LOC` in any case
/// (`PERSON`, `LOCATION`, `GPE` accepted).
pub fn parse_entity_type(s: &str) -> Option<EntityType> {
    match s.to_ascii_uppercase().as_str() {
        "PER" | "PERSON" => Some(EntityType::Per),
        "ORG" | "ORGANIZATION" | "ORGANISATION" => Some(EntityType::Org),
        "LOC" | "LOCATION" | "GPE" | "PLACE" => Some(EntityType::Loc),
        _ => None,
    }
}

macro_rules! subtypes {
    ($($variant:ident => $name:literal, $ty:ident;)*) => {
        /// The `subtype` enumeration of `cronaca/1`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Subtype {
            $(
                #[doc = concat!("`", $name, "` (", stringify!($ty), ")")]
                $variant,
            )*
        }

        impl Subtype {
            /// Every subtype.
            pub const ALL: &'static [Subtype] = &[$(Subtype::$variant),*];

            /// The name used in `cronaca/1` and in the data files.
            pub fn as_str(self) -> &'static str {
                match self { $(Subtype::$variant => $name),* }
            }

            /// The entity type this subtype belongs to.
            pub fn entity_type(self) -> EntityType {
                match self { $(Subtype::$variant => EntityType::$ty),* }
            }

            /// Parses a subtype name.
            pub fn parse(s: &str) -> Option<Subtype> {
                match s { $($name => Some(Subtype::$variant),)* _ => None }
            }
        }
    };
}

subtypes! {
    Country => "country", Loc;
    Admin1 => "admin1", Loc;
    Admin2 => "admin2", Loc;
    City => "city", Loc;
    Place => "place", Loc;
    Facility => "facility", Loc;
    Government => "government", Org;
    Ministry => "ministry", Org;
    Military => "military", Org;
    Police => "police", Org;
    ArmedGroup => "armed_group", Org;
    Party => "party", Org;
    InternationalOrg => "international_org", Org;
    NewsAgency => "news_agency", Org;
    Media => "media", Org;
    Platform => "platform", Org;
    Company => "company", Org;
    Ngo => "ngo", Org;
    Official => "official", Per;
    Spokesperson => "spokesperson", Per;
    Politician => "politician", Per;
    Person => "person", Per;
}

impl std::fmt::Display for Subtype {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Identifiers of a linked entity (whichever are known).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Ids {
    /// Wikidata item, `Q…`; only where the team is certain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// GeoNames id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geonames: Option<u32>,
    /// ISO 3166-1 alpha-2 code (countries).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso3166: Option<String>,
}

/// How precise coordinates are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A populated place's point.
    City,
    /// The centre of a second-level division.
    Admin2,
    /// The centre of a first-level division.
    Admin1,
    /// The centre of a country.
    Country,
}

/// Coordinates of a linked location.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Geo {
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// What the point stands for.
    pub precision: Precision,
}
