//! What byline understands about an article beyond its text: who and what it names, and who
//! said what.
//!
//! Runs once per article after loading, then once across the corpus so that a surname in one
//! article can be matched with the full name given in another. The state and the view only
//! read the results.

#![deny(clippy::string_slice)]

pub mod dates;
pub mod entities;
pub mod lexicon;
pub mod pipeline;
pub mod quotes;
pub use crate::text::words as text;

pub use entities::{Entities, Entity, EntityKind, Mention};
pub use quotes::Quote;

/// Everything the side panel and the jumps need about one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    pub entities: Entities,
    pub quotes: Vec<Quote>,
}

pub use pipeline::{analyse, analyse_all};

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
