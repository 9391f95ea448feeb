use crate::amounts::{self, Amount};
use crate::entities;
use crate::events::{self, Event};
use crate::figures::{self, Figure};
use crate::quotes::{self, Quotes};
use crate::times::{self, Time};
use crate::{Layer, Layers};
use cronaca_lang::{FoldedTokens, Lang, Languages};
use cronaca_model::{CharIndex, Doc, Document, Record, SCHEMA, Span};
use cronaca_text::{LanguageGuess, Normalized, Segmentation, segment};
use sha2::{Digest, Sha256};
use std::time::{Duration, Instant};

/// Time spent in each stage, accumulated over documents (for benchmarks).
#[derive(Debug, Clone, Default)]
pub struct StageTimes {
    stages: Vec<(&'static str, Duration)>,
}

impl StageTimes {
    /// Adds the time since `since` to `stage` and returns the current instant.
    pub fn add(&mut self, stage: &'static str, since: Instant) -> Instant {
        let now = Instant::now();
        match self.stages.iter_mut().find(|(n, _)| *n == stage) {
            Some((_, total)) => *total += now - since,
            None => self.stages.push((stage, now - since)),
        }
        now
    }

    /// Each stage and its total time, in the order the stages first ran.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, Duration)> + '_ {
        self.stages.iter().copied()
    }
}

/// Runs the analysis stages. Immutable once built; one instance serves every thread.
#[derive(Debug, Clone)]
pub struct Extractor {
    langs: Languages,
}

impl Extractor {
    /// An extractor over these languages.
    pub fn new(langs: Languages) -> Extractor {
        Extractor { langs }
    }

    /// The languages the extractor knows.
    pub fn languages(&self) -> &Languages {
        &self.langs
    }

    /// Runs every stage on `doc`.
    pub fn analyse(&self, doc: &Document) -> Analysis<'_> {
        self.analyse_layers(doc, Layers::all())
    }

    /// Runs the stages that `layers` need (see [`Layers::closure`]); the others stay empty.
    pub fn analyse_layers(&self, doc: &Document, layers: Layers) -> Analysis<'_> {
        self.analyse_timed(doc, layers, &mut StageTimes::default())
    }

    /// Runs the stages that `layers` need on `doc`, adding the time each took to `times`.
    pub fn analyse_timed(
        &self,
        doc: &Document,
        layers: Layers,
        times: &mut StageTimes,
    ) -> Analysis<'_> {
        let need = layers.closure();
        let clock = Instant::now();
        let text = Normalized::new(&doc.text).into_text();
        let clock = times.add("normalise", clock);
        let mut warnings = doc.warnings.clone();
        let language = match &doc.language {
            Some(code) if self.langs.get(code).is_some() => LanguageGuess {
                code: code.clone(),
                confidence: 1.0,
            },
            given => {
                let guess = self.langs.identifier().identify(&text);
                if let Some(code) = given {
                    warnings.push(format!(
                        "language {code:?} is not supported; identified {:?} instead",
                        guess.code
                    ));
                }
                guess
            }
        };
        if language.code == "und" && !text.trim().is_empty() {
            warnings.push(
                "language undetermined: only numbers written in digits are extracted".to_string(),
            );
        }
        let clock = times.add("language", clock);
        let lang = self.langs.get_or_fallback(&language.code);
        let segmentation = segment(&text, &lang.segment_rules);
        let mut clock = times.add("segment", clock);
        let mut analysis = Analysis {
            doc: Document {
                warnings: Vec::new(),
                ..doc.clone_metadata()
            },
            language,
            lang,
            segmentation,
            layers: need,
            amounts: Vec::new(),
            entities: None,
            times: Vec::new(),
            figures: Vec::new(),
            quotes: Quotes::default(),
            events: Vec::new(),
            warnings,
            text,
        };
        let a = &mut analysis;
        let (text, seg) = (a.text.as_str(), &a.segmentation);
        if need.contains(Layer::Amounts) {
            a.amounts = amounts::find_amounts(text, seg, lang);
            clock = times.add("amounts", clock);
        }
        if need.contains(Layer::Times) {
            a.times = times::find_times(text, seg, lang, &a.amounts, doc.published.as_deref());
            clock = times.add("times", clock);
        }
        // Without a tagger for the language, the gazetteer's names alone; none when the
        // language is unknown.
        if need.contains(Layer::Entities) && a.language.code != "und" {
            let tagger = entities::tagger(&a.language.code);
            a.entities = Some(entities::find_entities(
                text,
                seg,
                tagger,
                &a.language.code,
                lang,
            ));
        }
        if need.contains(Layer::Entities) {
            clock = times.add("entities", clock);
        }
        if need.contains(Layer::Quotes) {
            a.quotes = quotes::find_quotes(text, seg, lang, a.entities.as_deref());
            clock = times.add("quotes", clock);
        }
        if need.contains(Layer::Figures) || need.contains(Layer::Events) {
            // Folded once for both stages that match phrases.
            let folded = FoldedTokens::new(text, &seg.tokens);
            let folded = folded.words();
            clock = times.add("fold", clock);
            a.figures = figures::find_figures(
                text,
                seg,
                &folded,
                lang,
                &a.amounts,
                &a.times,
                a.entities.as_deref(),
            );
            clock = times.add("figures", clock);
            a.events = events::find_events(&events::Context {
                text,
                segmentation: seg,
                folded: &folded,
                lang,
                entities: a.entities.as_deref().unwrap_or_default(),
                times: &a.times,
                published: doc.published.as_deref(),
            });
            times.add("events", clock);
        }
        analysis
    }
}

/// Everything known about one document, in byte offsets into [`Analysis::text`].
#[derive(Debug, Clone)]
pub struct Analysis<'l> {
    /// The document's metadata as it came in (its `text` and `warnings` are left empty: the
    /// normalised text is [`Analysis::text`], the warnings [`Analysis::warnings`]).
    pub doc: Document,
    /// The normalised text every offset points into.
    pub text: String,
    /// The identified (or given) language.
    pub language: LanguageGuess,
    /// The language data used (the fallback for `und`).
    pub lang: &'l Lang,
    /// Sentences and tokens.
    pub segmentation: Segmentation,
    /// The layers computed (the others are empty).
    pub layers: Layers,
    /// Every number in the text.
    pub amounts: Vec<Amount>,
    /// People, organisations and places; `None` when the language has no tagger.
    pub entities: Option<Vec<entities::Entity>>,
    /// Every time expression.
    pub times: Vec<Time>,
    /// Counts of people or things affected, in text order (ids `f1`, `f2`…).
    pub figures: Vec<Figure>,
    /// Direct, indirect and mixed quotes, and attribution sentences.
    pub quotes: Quotes,
    /// Who did what to whom, one event per happening, in text order.
    pub events: Vec<Event>,
    /// Problems with this document.
    pub warnings: Vec<String>,
}

impl Analysis<'_> {
    /// The record, with the layers in `layers` that were computed.
    pub fn to_record(&self, layers: Layers) -> Record {
        let layers = layers.and(self.layers);
        let index = CharIndex::new(&self.text);
        let span = |r: &std::ops::Range<usize>| Span::from_bytes(&self.text, &index, r.clone());
        let title = self.doc.title.clone().or_else(|| {
            self.segmentation
                .title
                .as_ref()
                .map(|r| self.text[r.clone()].to_string())
        });
        let figure_events =
            crate::links::figure_events(&self.segmentation, &self.figures, &self.events);
        Record {
            schema: SCHEMA.to_string(),
            doc: Doc {
                id: self
                    .doc
                    .id
                    .clone()
                    .unwrap_or_else(|| content_id(&self.text)),
                uri: self.doc.uri.clone(),
                outlet: self.doc.outlet.clone(),
                title,
                published: self.doc.published.clone(),
                language: self.language.code.clone(),
                language_confidence: self.language.confidence,
                author: self.doc.author.clone(),
                canonical_url: self.doc.canonical_url.clone(),
            },
            text: self.text.clone(),
            entities: self
                .entities
                .as_ref()
                .filter(|_| layers.contains(Layer::Entities))
                .map(|es| {
                    es.iter()
                        .enumerate()
                        .map(|(k, e)| e.to_model(k + 1, &self.text, &index))
                        .collect()
                }),
            times: layers.contains(Layer::Times).then(|| {
                self.times
                    .iter()
                    .enumerate()
                    .map(|(i, t)| t.to_model(format!("t{}", i + 1), span(&t.span)))
                    .collect()
            }),
            amounts: layers.contains(Layer::Amounts).then(|| {
                self.amounts
                    .iter()
                    .map(|a| a.to_model(span(&a.span)))
                    .collect()
            }),
            figures: layers.contains(Layer::Figures).then(|| {
                let sources = self.figure_sources();
                self.figures
                    .iter()
                    .zip(&figure_events)
                    .zip(sources)
                    .enumerate()
                    .map(|(i, ((f, event), source))| {
                        let source = source.map(|a| a.to_model(&self.text, &index));
                        let mut figure = f.to_model(format!("f{}", i + 1), span, source);
                        figure.event = event.map(|k| format!("ev{}", k + 1));
                        figure
                    })
                    .collect()
            }),
            quotes: layers.contains(Layer::Quotes).then(|| {
                self.quotes
                    .quotes
                    .iter()
                    .enumerate()
                    .map(|(i, q)| q.to_model(i + 1, &self.text, &index))
                    .collect()
            }),
            events: layers.contains(Layer::Events).then(|| {
                self.events
                    .iter()
                    .enumerate()
                    .map(|(i, e)| {
                        let figures = figure_events
                            .iter()
                            .enumerate()
                            .filter(|(_, event)| **event == Some(i))
                            .map(|(f, _)| format!("f{}", f + 1))
                            .collect();
                        let source = e.triggers.first().and_then(|t| {
                            self.quotes
                                .attribution_of(&self.segmentation, t.clone())
                                .map(|a| a.to_model(&self.text, &index))
                        });
                        e.to_model(
                            format!("ev{}", i + 1),
                            &self.text,
                            &index,
                            &self.times,
                            figures,
                            source,
                        )
                    })
                    .collect()
            }),
            warnings: self.warnings.clone(),
        }
    }
}

impl Analysis<'_> {
    /// Who states each figure: the attribution the quotes layer gives to its phrase (the
    /// speaker of the quote it is in, else the source of an attribution sentence next to it),
    /// else to the phrase of a later mention of the same count (a headline's "at least 5
    /// killed" stated again in the body, "according to witnesses"). A figure still without one
    /// that states another's count (same category, qualifier, bounds and negation, counted
    /// nouns aside) takes the source of the first such figure that has one.
    fn figure_sources(&self) -> Vec<Option<quotes::Attribution>> {
        let mut sources: Vec<_> = self
            .figures
            .iter()
            .map(|f| {
                std::iter::once(&f.span)
                    .chain(&f.repeats)
                    .find_map(|span| self.quotes.attribution_of(&self.segmentation, span.clone()))
            })
            .collect();
        let same = |a: &Figure, b: &Figure| {
            a.category == b.category
                && a.qualifier == b.qualifier
                && a.low == b.low
                && a.high == b.high
                && a.negated == b.negated
        };
        for i in 0..sources.len() {
            if sources[i].is_none() {
                let f = &self.figures[i];
                sources[i] = (0..sources.len())
                    .find(|&k| sources[k].is_some() && same(f, &self.figures[k]))
                    .and_then(|k| sources[k].clone());
            }
        }
        sources
    }
}

/// `sha256:` and the hex digest of the normalised text.
pub(crate) fn content_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut id = String::with_capacity(7 + 64);
    id.push_str("sha256:");
    for b in digest {
        id.push_str(&format!("{b:02x}"));
    }
    id
}
