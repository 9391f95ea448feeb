//! Links between layers, made once every stage has run: the event each figure counts, and so
//! the figures of each event.
//!
//! A figure belongs to the event whose trigger is nearest to it in its own sentence. A casualty
//! count in a sentence without any trigger ("Più di mille persone sono state ferite") belongs to
//! the article's main violent happening: among the ASSAULT, PROTEST and COERCE events, the one
//! described most often (then the first). Other counts without a trigger stay unlinked.
use crate::events::Event;
use crate::figures::Figure;
use cronaca_model::FigureCategory;
use cronaca_text::Segmentation;

/// PLOVER categories whose happenings kill, injure or detain people.
const VIOLENT: [&str; 3] = ["ASSAULT", "PROTEST", "COERCE"];

/// The event (index into `events`) of each figure, in figure order.
pub(crate) fn figure_events(
    seg: &Segmentation,
    figures: &[Figure],
    events: &[Event],
) -> Vec<Option<usize>> {
    let sentence_of = |at: usize| {
        seg.sentences
            .partition_point(|s| s.span.start <= at)
            .saturating_sub(1)
    };
    // (sentence, trigger start, event) for every trigger, sorted by sentence.
    let mut triggers: Vec<(usize, usize, usize)> = events
        .iter()
        .enumerate()
        .flat_map(|(k, e)| e.triggers.iter().map(move |t| (t.start, k)))
        .map(|(start, k)| (sentence_of(start), start, k))
        .collect();
    triggers.sort_unstable();
    let main = events
        .iter()
        .enumerate()
        .filter(|(_, e)| VIOLENT.contains(&e.kind))
        .max_by(|(i, a), (j, b)| a.triggers.len().cmp(&b.triggers.len()).then(j.cmp(i)))
        .map(|(k, _)| k);
    figures
        .iter()
        .map(|f| {
            let s = sentence_of(f.number.start);
            let from = triggers.partition_point(|t| t.0 < s);
            let to = triggers.partition_point(|t| t.0 <= s);
            let nearest = triggers[from..to]
                .iter()
                .min_by_key(|t| t.1.abs_diff(f.number.start))
                .map(|t| t.2);
            nearest.or_else(|| main.filter(|_| is_casualty(f.category)))
        })
        .collect()
}

fn is_casualty(category: FigureCategory) -> bool {
    matches!(
        category,
        FigureCategory::Killed
            | FigureCategory::Injured
            | FigureCategory::Hospitalized
            | FigureCategory::Critical
            | FigureCategory::Missing
    )
}
