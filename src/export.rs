//! `byline export`: what the loader and the analysis made, as JSON for scripts and tests.

use crate::analysis::{Analysis, Entity, Quote};
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
    entities: &'a [Entity],
    quotes: &'a [Quote],
}

/// The export document, pretty-printed.
pub fn to_json(loaded: &Loaded, analyses: &[Analysis]) -> String {
    let doc = Export {
        articles: loaded
            .articles
            .iter()
            .zip(analyses)
            .map(|(a, an)| ArticleOut { article: a, entities: &an.entities.entities, quotes: &an.quotes })
            .collect(),
        problems: &loaded.problems,
    };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
