//! `byline export`: what the loader and the analysis made, as JSON for scripts and tests.

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
    entities: Vec<serde_json::Value>,
    quotes: Vec<serde_json::Value>,
}

/// The export document, pretty-printed.
pub fn to_json(loaded: &Loaded) -> String {
    let doc = Export {
        articles: loaded
            .articles
            .iter()
            .map(|a| ArticleOut {
                article: a,
                entities: Vec::new(),
                quotes: Vec::new(),
            })
            .collect(),
        problems: &loaded.problems,
    };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
