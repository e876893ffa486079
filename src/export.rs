//! `byline export`: what the loader and the analysis made, as JSON for scripts and tests.
//!
//! The document has its own shapes: the analysis keeps more than a script needs (offsets,
//! genders, roles), and the export's fields stay put when those change.

use crate::analysis::{Analysis, Entity, EntityKind, Quote};
use crate::article::Article;
use crate::load::{Loaded, Problem};
use serde::Serialize;

#[derive(Serialize)]
struct Export<'a> {
    articles: Vec<ArticleOut<'a>>,
    problems: &'a [Problem],
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    #[serde(flatten)]
    article: &'a Article,
    entities: Vec<EntityOut<'a>>,
    quotes: Vec<QuoteOut<'a>>,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    name: &'a str,
    kind: EntityKind,
    aliases: &'a [String],
    mentions: usize,
    /// For a date: the day or period it names (`2025-10-19`, `2025-03`, `2025-10-20..2025-10-26`).
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a str>,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    speaker: Option<&'a str>,
    text: &'a str,
    block: usize,
    partial: bool,
}

impl<'a> From<&'a Entity> for EntityOut<'a> {
    fn from(e: &'a Entity) -> Self {
        EntityOut { name: &e.name, kind: e.kind, aliases: &e.aliases, mentions: e.mentions, value: e.value.as_deref() }
    }
}

impl<'a> From<&'a Quote> for QuoteOut<'a> {
    fn from(q: &'a Quote) -> Self {
        QuoteOut { speaker: q.speaker.as_deref(), text: &q.text, block: q.block, partial: q.partial }
    }
}

/// The export document, pretty-printed.
pub fn to_json(loaded: &Loaded, analyses: &[Analysis]) -> String {
    let doc = Export {
        articles: loaded
            .articles
            .iter()
            .zip(analyses)
            .map(|(a, an)| ArticleOut {
                article: a,
                entities: an.entities.entities.iter().map(EntityOut::from).collect(),
                quotes: an.quotes.iter().map(QuoteOut::from).collect(),
            })
            .collect(),
        problems: &loaded.problems,
    };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
