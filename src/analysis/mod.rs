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
    let words: Vec<Vec<text::Token>> = article.blocks.iter().map(|b| text::tokens(&b.text)).collect();
    let mut entities = entities::find(article, &words);
    entities::resolve_dates(&mut entities, article.date);
    let quotes = quotes::find(article, &entities, &words);
    entities::people_who_speak(&mut entities, &quotes);
    Analysis { entities, quotes }
}

/// Analyses every article in parallel, then joins lone surnames to the full names the corpus
/// knows, renaming speakers to match.
pub fn analyse_all(articles: &[Article]) -> Vec<Analysis> {
    use rayon::prelude::*;
    let mut all: Vec<Analysis> = articles.par_iter().map(analyse).collect();
    let mut ents: Vec<Entities> = all.iter_mut().map(|a| std::mem::take(&mut a.entities)).collect();
    let renames = entities::resolve_across(&mut ents);
    for ((a, e), renamed) in all.iter_mut().zip(ents).zip(renames) {
        a.entities = e;
        for q in &mut a.quotes {
            if let Some((_, new)) = renamed.iter().find(|(old, _)| q.speaker.as_ref() == Some(old)) {
                q.speaker = Some(new.clone());
            }
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_that_speaks_is_a_person_even_without_a_known_given_name() {
        let a = crate::load::normalize("a.txt", "A headline\n\n“We will win,” Tarquin Bloggsworth said on Monday.\n");
        let an = analyse(&a);
        let e = an.entities.entities.iter().find(|e| e.name == "Tarquin Bloggsworth").expect("found");
        assert_eq!(e.kind, EntityKind::Person);
    }
}
