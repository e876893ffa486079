//! What byline understands about an article beyond its text: who and what it names, and who
//! said what.
//!
//! Runs once per article after loading, then once across the corpus so that a surname in one
//! article can be matched with the full name given in another. The state and the view only
//! read the results.

pub mod dates;
pub mod entities;
pub mod lexicon;
pub mod quotes;
pub mod text;

use crate::article::Article;
pub use entities::{Entities, Entity, EntityKind, Mention};
pub use quotes::Quote;

/// Everything the side panel and the jumps need about one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    pub entities: Entities,
    pub quotes: Vec<Quote>,
}

/// Entities and quotations of one article, before names are joined across the corpus.
pub fn analyse(article: &Article) -> Analysis {
    let entities = entities::find(article);
    let quotes = quotes::find(article, &entities);
    Analysis { entities, quotes }
}

/// Analyses every article in parallel: entities first, then names joined across the corpus,
/// then quotations, whose speakers are named with the joined names.
pub fn analyse_all(articles: &[Article]) -> Vec<Analysis> {
    use rayon::prelude::*;
    let mut ents: Vec<Entities> = articles.par_iter().map(entities::find).collect();
    entities::resolve_across(&mut ents);
    articles
        .par_iter()
        .zip(ents)
        .map(|(article, entities)| {
            let quotes = quotes::find(article, &entities);
            Analysis { entities, quotes }
        })
        .collect()
}
