use crate::Span;
use serde::{Deserialize, Serialize};

/// The kind of an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntityType {
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// An organisation (government, company, party, armed group, media…).
    #[serde(rename = "ORG")]
    Org,
    /// A place (country, region, city, facility…).
    #[serde(rename = "LOC")]
    Loc,
}

/// One real-world person, organisation or place named in the article, with all its mentions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Record-local id: `e1`, `e2`… in order of first mention.
    pub id: String,
    /// PER, ORG or LOC.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// A finer class when known (`country`, `city`, `ministry`, `news_agency`, `politician`…,
    /// see `contract/OUTPUT.md`); null otherwise.
    pub subtype: Option<String>,
    /// Canonical name: the gazetteer's name once linked, else the longest mention.
    pub name: String,
    /// Identifiers in public registries, whichever are known.
    #[serde(default)]
    pub ids: EntityIds,
    /// ISO 3166-1 alpha-2 code of the country the entity belongs to or lies in, when known.
    pub country: Option<String>,
    /// Coordinates of a place, when known.
    pub geo: Option<Geo>,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
    /// Confidence, 0 to 1.
    pub confidence: f64,
}

/// Registry identifiers of an entity; absent fields are unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityIds {
    /// Wikidata item: `Q7747`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// GeoNames id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames: Option<u64>,
    /// ISO 3166 code (countries and their subdivisions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso3166: Option<String>,
}

/// Coordinates of a place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Geo {
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// What the point stands for: `country`, `admin1`, `city`, `place`…
    pub precision: String,
}
