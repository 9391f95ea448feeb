//! Within-document coreference: which mentions name the same entity.
//!
//! Conservative string rules, tried for each mention from the longest to the shortest:
//! 1. the same words (case-insensitive) as a mention already placed;
//! 2. an acronym introduced in parentheses after the name of an organisation or place whose
//!    initials it uses ("Organizzazione del Trattato di Sicurezza Collettiva (Csto)"), alone or
//!    inside a short mention ("Organizzazione Csto");
//! 3. an acronym of the initials of a longer name's capitalised words ("Nazioni Unite" → "NU");
//! 4. for people, the last words of exactly one longer name ("Putin" → "Vladimir Putin").
//!
//! A mention that matches nothing starts a new entity. The entity's type is the type most of
//! its mentions got (weighted by confidence), its name the longest mention.

use super::{Entity, Mention};
use cronaca_model::EntityType;

fn words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            w.chars()
                .map(|c| if c == '’' { '\'' } else { c })
                .flat_map(char::to_lowercase)
                .collect()
        })
        .collect()
}

/// An acronym-like word: 2–8 letters, starting with a capital, with no lower-case letters or
/// with at most the usual Italian spelling "Csto", "Onu" (capital then lower case).
fn acronym_like(w: &str) -> bool {
    let n = w.chars().count();
    (2..=8).contains(&n)
        && w.chars().all(char::is_alphabetic)
        && w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `acronym` (acronym-like) can abbreviate `name`: each of its letters is the initial
/// of some word of the name, in any order ("Csto" for "Organizzazione del Trattato di
/// Sicurezza Collettiva", "ONU" for "Organizzazione delle Nazioni Unite") — so a country in
/// parentheses after a name ("Wilson Kipketer (Denmark)") is not taken for its acronym.
pub(crate) fn abbreviates(acronym: &str, name: &str) -> bool {
    let initials: Vec<char> = name
        .split(|c: char| c.is_whitespace() || c == '-' || c == '\'' || c == '’')
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect();
    acronym_like(acronym)
        && acronym
            .chars()
            .flat_map(char::to_lowercase)
            .all(|c| initials.contains(&c))
}

fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Groups `mentions` (in text order) into entities, ordered by first mention.
pub fn cluster(text: &str, mentions: Vec<Mention>) -> Vec<Entity> {
    let n = mentions.len();
    let texts: Vec<&str> = mentions.iter().map(|m| &text[m.span.clone()]).collect();
    let ws: Vec<Vec<String>> = texts.iter().map(|t| words(t)).collect();
    // Acronyms in parentheses right after a mention: (mention, acronym in lower case).
    let mut aliases: Vec<(usize, String)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let after = text[m.span.end..].trim_start();
        if let Some(rest) = after.strip_prefix('(')
            && let Some(close) = rest.find(')')
        {
            let inner = rest[..close].trim();
            if m.kind != EntityType::Per && ws[i].len() >= 2 && abbreviates(inner, texts[i]) {
                aliases.push((i, inner.to_lowercase()));
            }
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(ws[i].len()), i));
    let mut cluster_of: Vec<Option<usize>> = vec![None; n];
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for &i in &order {
        let placed = |j: usize| cluster_of[j];
        // 1. Same words.
        let mut target = (0..n)
            .filter(|&j| j != i && ws[j] == ws[i])
            .find_map(placed);
        // 2. A parenthesised acronym, alone or inside a short mention.
        if target.is_none() && ws[i].len() <= 3 {
            target = aliases
                .iter()
                .filter(|(long, a)| *long != i && ws[i].contains(a))
                .find_map(|(long, _)| placed(*long));
        }
        // 3. Initials of a longer name.
        if target.is_none() && ws[i].len() == 1 && acronym_like(texts[i]) {
            target = unique(clusters.iter().enumerate().filter(|(_, c)| {
                c.iter().any(|&j| {
                    ws[j].len() >= 2
                        && mentions[j].kind == EntityType::Org
                        && initials(texts[j]) == ws[i][0]
                })
            }));
        }
        // 4. The last words of one person's longer name.
        if target.is_none() && mentions[i].kind == EntityType::Per {
            target = unique(clusters.iter().enumerate().filter(|(_, c)| {
                c.iter().any(|&j| {
                    mentions[j].kind == EntityType::Per
                        && ws[j].len() > ws[i].len()
                        && ws[j].ends_with(&ws[i])
                })
            }));
        }
        match target {
            Some(c) => {
                clusters[c].push(i);
                cluster_of[i] = Some(c);
            }
            None => {
                cluster_of[i] = Some(clusters.len());
                clusters.push(vec![i]);
            }
        }
    }
    let mut entities: Vec<Entity> = clusters
        .into_iter()
        .map(|mut c| {
            c.sort_unstable();
            let mut votes = [0.0f32; 3];
            for &j in &c {
                votes[mentions[j].kind as usize] += mentions[j].confidence + 1e-3;
            }
            let kind = [EntityType::Per, EntityType::Org, EntityType::Loc]
                [(0..3).fold(0, |b, k| if votes[k] > votes[b] { k } else { b })];
            let longest = c
                .iter()
                .copied()
                .max_by_key(|&j| (texts[j].chars().count(), std::cmp::Reverse(j)))
                .expect("a cluster has a mention");
            let confidence = c
                .iter()
                .map(|&j| mentions[j].confidence)
                .fold(0.0f32, f32::max);
            Entity {
                kind,
                name: texts[longest].to_string(),
                mentions: c.iter().map(|&j| mentions[j].clone()).collect(),
                confidence: (f64::from(confidence) * 1000.0).round() / 1000.0,
                link: None,
            }
        })
        .collect();
    entities.sort_by_key(|e| e.mentions[0].span.start);
    entities
}

/// The index of the only item, or `None` when there are none or several.
fn unique<'a, T: 'a>(mut it: impl Iterator<Item = (usize, &'a T)>) -> Option<usize> {
    let first = it.next()?.0;
    it.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Mentions at every occurrence of each `(needle, type)` in `text`.
    fn mentions(text: &str, names: &[(&str, EntityType)]) -> Vec<Mention> {
        let mut out = Vec::new();
        for &(name, kind) in names {
            for (at, _) in text.match_indices(name) {
                let inside = out
                    .iter()
                    .any(|m: &Mention| m.span.start <= at && at < m.span.end);
                if !inside {
                    out.push(Mention {
                        span: at..at + name.len(),
                        tokens: 0..1,
                        kind,
                        confidence: 0.9,
                    });
                }
            }
        }
        out.sort_by_key(|m| m.span.start);
        out
    }

    fn summary(text: &str, es: &[Entity]) -> Vec<String> {
        es.iter()
            .map(|e| {
                let ms: Vec<&str> = e.mentions.iter().map(|m| &text[m.span.clone()]).collect();
                format!("{:?} {} = {}", e.kind, e.name, ms.join(" | "))
            })
            .collect()
    }

    #[test]
    fn last_names_join_the_full_name_wherever_it_is() {
        let text = "Putin ha inviato truppe. Il Cremlino e Vladimir Putin hanno parlato. \
                    Putin e Lavrov. Sergej Lavrov ha detto.";
        let ms = mentions(
            text,
            &[
                ("Vladimir Putin", EntityType::Per),
                ("Sergej Lavrov", EntityType::Per),
                ("Putin", EntityType::Per),
                ("Lavrov", EntityType::Per),
                ("Cremlino", EntityType::Org),
            ],
        );
        let es = cluster(text, ms);
        assert_eq!(
            summary(text, &es),
            [
                "Per Vladimir Putin = Putin | Vladimir Putin | Putin",
                "Org Cremlino = Cremlino",
                "Per Sergej Lavrov = Lavrov | Sergej Lavrov",
            ]
        );
    }

    #[test]
    fn an_ambiguous_last_name_stays_apart() {
        let text = "Joe Biden e Jill Biden. Biden ha parlato.";
        let ms = mentions(
            text,
            &[
                ("Joe Biden", EntityType::Per),
                ("Jill Biden", EntityType::Per),
                ("Biden", EntityType::Per),
            ],
        );
        assert_eq!(cluster(text, ms).len(), 3);
    }

    #[test]
    fn acronyms_join_their_expansion() {
        let text = "L'Organizzazione del Trattato di Sicurezza Collettiva (Csto) ha inviato \
                    truppe. La Csto riferisce. L'Organizzazione Csto è guidata da Mosca. \
                    L'Organizzazione delle Nazioni Unite tace; l'ONU non commenta.";
        let ms = mentions(
            text,
            &[
                (
                    "Organizzazione del Trattato di Sicurezza Collettiva",
                    EntityType::Org,
                ),
                ("Organizzazione delle Nazioni Unite", EntityType::Org),
                ("Organizzazione Csto", EntityType::Org),
                ("Csto", EntityType::Loc),
                ("ONU", EntityType::Org),
                ("Mosca", EntityType::Loc),
            ],
        );
        let es = cluster(text, ms);
        assert_eq!(
            summary(text, &es),
            [
                "Org Organizzazione del Trattato di Sicurezza Collettiva = \
                 Organizzazione del Trattato di Sicurezza Collettiva | Csto | Csto | \
                 Organizzazione Csto",
                "Loc Mosca = Mosca",
                "Org Organizzazione delle Nazioni Unite = Organizzazione delle Nazioni Unite | ONU",
            ]
        );
    }

    #[test]
    fn a_country_in_parentheses_is_not_an_acronym() {
        let text = "Wilson Kipketer (Denmark) won; Denmark cheered. Real Madrid (Spain) lost.";
        let ms = mentions(
            text,
            &[
                ("Wilson Kipketer", EntityType::Per),
                ("Real Madrid", EntityType::Org),
                ("Denmark", EntityType::Loc),
                ("Spain", EntityType::Loc),
            ],
        );
        assert_eq!(
            summary(text, &cluster(text, ms)),
            [
                "Per Wilson Kipketer = Wilson Kipketer",
                "Loc Denmark = Denmark | Denmark",
                "Org Real Madrid = Real Madrid",
                "Loc Spain = Spain",
            ]
        );
        assert!(abbreviates(
            "Csto",
            "Organizzazione del Trattato di Sicurezza Collettiva"
        ));
        assert!(!abbreviates("Spain", "Real Madrid"));
    }

    #[test]
    fn identical_names_are_one_entity_with_the_majority_type() {
        let text = "Almaty brucia. Ad Almaty e ad Almaty si spara.";
        let mut ms = mentions(text, &[("Almaty", EntityType::Loc)]);
        ms[1].kind = EntityType::Org;
        let es = cluster(text, ms);
        assert_eq!(
            summary(text, &es),
            ["Loc Almaty = Almaty | Almaty | Almaty"]
        );
    }
}
