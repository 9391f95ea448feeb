//! Linking entities to the gazetteer ([`cronaca_gazetteer`]): canonical name, subtype, ids,
//! country and coordinates.
//!
//! Each entity is linked with all its mention strings, against a context built once from the
//! article's tokens. The tagger's type is tried first; when that finds nothing, the other types
//! are tried, and the entity takes the gazetteer's type only for a confident organisation of
//! the team's facts ("Tass" tagged PER is the news agency, "Cremlino" tagged LOC the Kremlin)
//! — never for a place (see `may_override` for why).

use super::Entity;
use cronaca_gazetteer::{Context, Gazetteer, Ids, Link, Subtype};
use cronaca_model::EntityType;
use std::sync::LazyLock;

/// The built-in gazetteer, loaded on first use; `None` if it fails to load (no linking then).
pub fn gazetteer() -> Option<&'static Gazetteer> {
    static GAZETTEER: LazyLock<Option<Gazetteer>> = LazyLock::new(|| Gazetteer::builtin().ok());
    GAZETTEER.as_ref()
}

/// Lowest confidence of a link that may change the tagger's type.
const OVERRIDE_CONFIDENCE: f32 = 0.9;

/// Whether a link may change the tagger's type: a confident organisation (media, government,
/// international body …) of the team's facts. Never a place: on the dev sets a country tagged
/// ORG is usually the state or team acting (KIND tags it ORG), and a person tagged PER whose
/// cluster caught a country in parentheses ("Wilson Kipketer (Denmark)") is still a person.
fn may_override(link: &Link) -> bool {
    link.confidence >= OVERRIDE_CONFIDENCE
        && link.entity_type == EntityType::Org
        && !link.rule.starts_with("geonames:")
}

/// A country tagged ORG ("la Russia ha risposto"): the state acting. It keeps the tagger's
/// type and gets the country's name, ids and country code, without the place's subtype,
/// GeoNames id and coordinates.
fn state_as_actor(kind: EntityType, mut link: Link) -> Option<Link> {
    if kind != EntityType::Org
        || link.subtype != Some(Subtype::Country)
        || link.confidence < OVERRIDE_CONFIDENCE
    {
        return None;
    }
    link.entity_type = EntityType::Org;
    link.subtype = None;
    link.geo = None;
    link.ids.geonames = None;
    Some(link)
}

/// How much less sure a part of a place is than the place ("Italia settentrionale" from
/// "Italia").
const PART_OF_PLACE: f32 = 0.8;

/// A place written with a lower-case word after its name, "Italia settentrionale", "Cina
/// meridionale", "Asia centrale", that the gazetteer does not know as a whole: a part of the
/// place it knows without that word. Its country is that place's, and it has no ids or
/// coordinates of its own (a part of Italy is not Italy).
fn part_of_place(
    gaz: &Gazetteer,
    text: &str,
    lang: &str,
    ctx: &Context,
    e: &Entity,
) -> Option<Link> {
    if e.kind != EntityType::Loc {
        return None;
    }
    let first = &text[e.mentions.first()?.span.clone()];
    let (core, last) = first.rsplit_once(' ')?;
    if !last.chars().next().is_some_and(char::is_lowercase) {
        return None;
    }
    let place = gaz.link(EntityType::Loc, &[core], lang, ctx)?;
    let country = place
        .country
        .clone()
        .or_else(|| place.ids.iso3166.clone())?;
    Some(Link {
        entity_type: EntityType::Loc,
        subtype: Some(Subtype::Place),
        name: first.to_string(),
        ids: Ids::default(),
        country: Some(country),
        geo: None,
        confidence: place.confidence * PART_OF_PLACE,
        rule: format!("{}+part", place.rule),
    })
}

/// Links every entity of `entities` (in place) with the gazetteer, for language `lang`, in
/// the article context `ctx` (built once per document from the gazetteer matches).
pub fn link_entities(
    gaz: &Gazetteer,
    text: &str,
    lang: &str,
    ctx: &Context,
    entities: &mut [Entity],
) {
    for e in entities.iter_mut() {
        let mentions: Vec<&str> = e.mentions.iter().map(|m| &text[m.span.clone()]).collect();
        let tagged = e.kind;
        let link = gaz.link(tagged, &mentions, lang, ctx).or_else(|| {
            // The other types, each tried once: a confident organisation may override the
            // tagger, else a place keeps its link (as a state acting, below).
            let others: Vec<(EntityType, Link)> =
                [EntityType::Org, EntityType::Loc, EntityType::Per]
                    .into_iter()
                    .filter(|&t| t != tagged)
                    .filter_map(|t| Some((t, gaz.link(t, &mentions, lang, ctx)?)))
                    .collect();
            let place = others
                .iter()
                .find(|(t, _)| *t == EntityType::Loc)
                .map(|(_, l)| l.clone());
            others
                .into_iter()
                .map(|(_, l)| l)
                .filter(may_override)
                .max_by(|a, b| a.confidence.total_cmp(&b.confidence))
                .or(place)
        });
        let Some(mut link) = link.or_else(|| part_of_place(gaz, text, lang, ctx, e)) else {
            continue;
        };
        if link.entity_type != e.kind && !may_override(&link) {
            match state_as_actor(e.kind, link) {
                Some(state) => link = state,
                None => continue,
            }
        }
        let linked = link.entity_type;
        let tagger = e.confidence;
        let gazetteer = f64::from(link.confidence);
        let confidence = if linked == e.kind {
            // Two sources agree: the link can raise a hesitant tagger halfway, never lower it.
            tagger.max((tagger + gazetteer) / 2.0)
        } else {
            // The tagger was wrong about the type: trust the link, a little less than alone.
            (gazetteer * 0.9).min(0.9)
        };
        e.confidence = (confidence * 1000.0).round() / 1000.0;
        e.kind = linked;
        e.name = link.name.clone();
        e.link = Some(link);
    }
}
