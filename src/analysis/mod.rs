//! What byline understands about an article beyond its text.
//!
//! Runs once per article after loading; the state and the view only read its results.

pub mod dates;
pub mod names;

use crate::article::Article;

/// Everything the side panel and the jumps need about one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    pub names: Vec<names::Name>,
}

pub fn analyse(article: &Article) -> Analysis {
    Analysis {
        names: names::names(article),
    }
}
