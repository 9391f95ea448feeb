//! Channel mentions: "su Telegram", "alla televisione Khabar-24", "in una nota", "sul sito del
//! Cremlino", "l'agenzia Tass". Channel words come from `channels.tsv`; a common noun takes the
//! capitalised name that follows it (after at most one adjective and a connector).

use super::view::View;
use cronaca_model::ChannelType;
use cronaca_text::TokenKind;
use std::ops::Range;

/// One mention of a channel, in tokens.
#[derive(Clone, Debug)]
pub(crate) struct ChannelMention {
    pub kind: ChannelType,
    /// The words naming the channel: "televisione Khabar-24".
    pub tokens: Range<usize>,
    /// Its name, when given: "Khabar-24".
    pub name: Option<Range<usize>>,
}

/// Every channel mention outside quotations, in text order.
pub(crate) fn find_channels(v: &View) -> Vec<ChannelMention> {
    let mut out = Vec::new();
    let mut t = 0;
    let n = v.tokens.len();
    while t < n {
        if !v.channel[t] || v.region_of[t].is_some() || v.tokens[t].kind != TokenKind::Word {
            t += 1;
            continue;
        }
        let Some((phrase, len)) = v.lang.channels.longest_at(&v.words, t) else {
            t += 1;
            continue;
        };
        let word = phrase.label;
        let first_upper = v
            .token_text(t)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if word.named && !first_upper {
            t += 1;
            continue;
        }
        let name = if word.named {
            Some(t..t + len)
        } else {
            name_after(v, t + len)
        };
        let end = name.as_ref().map_or(t + len, |r| r.end.max(t + len));
        out.push(ChannelMention {
            kind: word.kind,
            tokens: t..end,
            name,
        });
        t = end;
    }
    out
}

/// The name right after a channel noun: "Tass" in "agenzia Tass", "Cremlino" in "sito del
/// Cremlino", "The Daily Mirror" in "quotidiano britannico The Daily Mirror".
fn name_after(v: &View, t: usize) -> Option<Range<usize>> {
    let sentence_end = v.sentences[v.sentence_of.get(t).copied()?].end;
    for k in t..t + 2 {
        if k >= sentence_end {
            return None;
        }
        if let Some(name) = v.name_at(k, sentence_end) {
            return Some(name);
        }
        if v.is_punct(k) || v.is_determiner(k) {
            return None;
        }
    }
    None
}
