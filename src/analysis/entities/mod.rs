//! People, organisations, places, amounts and dates named in an article.
//!
//! A name is a run of capitalised words (particles such as `von der` may stand inside it). Titles
//! and honorifics at its front (`Prime Minister`, `Sir`, `NATO chief`) are taken off and
//! remembered: they say the rest is a person, sometimes the gender, and which role the person
//! holds, so that `the Prime Minister` or `NATO’s chief` can later be resolved to them. Short
//! forms (`Smith`, `Mr Smith`, `Sir John`) become aliases of the full name; across the corpus
//! a lone surname is matched to the one full name it belongs to.

mod build;
mod gender;
mod kinds;
mod names;
mod patterns;

pub(crate) use kinds::{is_date_word, is_kin, plausible_full_name};

use super::text::Token;
use crate::analysis::lexicon::Gender;
use crate::article::{Article, BlockKind};
use crate::text::slice;
use build::build;
use names::scan_block;
use patterns::scan_patterns;
use serde::{Deserialize, Serialize};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Money,
    Date,
    Other,
}

impl EntityKind {
    /// A person, organisation or place: a name someone may look articles up by.
    pub fn is_named(self) -> bool {
        matches!(self, EntityKind::Person | EntityKind::Organization | EntityKind::Place)
    }

    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "People",
            EntityKind::Organization => "Organisations",
            EntityKind::Place => "Places",
            EntityKind::Money => "Amounts",
            EntityKind::Date => "Dates",
            EntityKind::Other => "Other names",
        }
    }
}

/// A title a person was named with, and the body or country written before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub org: Option<String>,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    pub mentions: usize,
    /// For a date: the day or period it names, worked out from the publication date
    /// (`2025-10-19`, `2025-03`, `2025-10-20..2025-10-26`).
    pub value: Option<String>,
    pub gender: Option<Gender>,
    pub roles: Vec<Role>,
    /// Named at least once after `the` (`the House`): a thing, never someone's surname.
    pub definite: bool,
}

/// Where an entity is named: the bytes of the name itself, without its title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub block: usize,
    pub range: Range<usize>,
    pub entity: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entities {
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
}

impl Entities {
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.entities.iter().position(|e| e.name == name)
    }

    /// The entity named inside `range` of `block`, preferring people, then bodies and places.
    pub fn within(&self, block: usize, range: &Range<usize>) -> Option<usize> {
        let rank = |k: EntityKind| match k {
            EntityKind::Person => 0,
            EntityKind::Organization => 1,
            EntityKind::Place => 2,
            _ => 3,
        };
        // Mentions are in text order: start at the first one in the range.
        let from = self.mentions.partition_point(|m| (m.block, m.range.start) < (block, range.start));
        self.mentions[from..]
            .iter()
            .take_while(|m| m.block == block && m.range.start < range.end)
            .filter(|m| m.range.end <= range.end)
            .min_by_key(|m| (rank(self.entities[m.entity].kind), std::cmp::Reverse(m.range.start)))
            .map(|m| m.entity)
    }
}

/// Finds the entities of one article. Headings are left out, as their capitals are style, unless
/// a heading is a person's name and nothing else (`Jane Roe` over a profile or a signature).
/// `words` holds the words of each block ([`crate::text::words::tokens`]), shared with the quotation pass.
pub fn find(article: &Article, words: &[Vec<Token>]) -> Entities {
    let mut raws = Vec::new();
    for (i, b) in article.blocks.iter().enumerate() {
        if b.kind == BlockKind::Heading {
            // `Jane Roe`, `HEAD COACH Jane Roe`, `Jane Roe, Head Coach`, `Coach: Jane Roe`: a
            // name line, over what someone said or in a list of who was there.
            let mut found = Vec::new();
            scan_block(i, &b.text, &words[i], &mut found);
            if let Some(one) = found.iter().find(|r| r.kind == Some(EntityKind::Person)) {
                let before = slice::before(&b.text, one.range.start).trim();
                let after = slice::after(&b.text, one.range.end);
                let titled = one.role.is_some() || one.honorific.is_some();
                // (`Coach: Jane Roe`: a label before the name.)
                let opened = before.is_empty() || titled || before.ends_with(':');
                let alone = opened && (after.is_empty() || after.starts_with(','));
                if alone && one.name.contains(' ') {
                    raws.push(one.clone());
                }
            }
            continue;
        }
        let from = raws.len();
        scan_block(i, &b.text, &words[i], &mut raws);
        kinds::people_in_lists(&b.text, &mut raws[from..]);
        scan_patterns(i, &b.text, &mut raws);
    }
    let mut ents = build(raws);
    // In text order, which `within` relies on.
    ents.mentions.sort_by_key(|m| (m.block, m.range.start));
    gender::from_pronouns(article, words, &mut ents);
    // Kept for every article of an archive: no spare capacity.
    ents.entities.shrink_to_fit();
    ents.mentions.shrink_to_fit();
    ents
}

/// The last word of a name: the surname, as the corpus step matches it.
fn surname_of(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

/// A name of two or more words that speaks in a quotation is a person, even when no title or
/// known given name said so (`Sadiq Khan said`).
pub fn people_who_speak(ents: &mut Entities, quotes: &[super::quotes::Quote]) {
    for e in ents.entities.iter_mut().filter(|e| e.kind == EntityKind::Other && plausible_full_name(&e.name)) {
        if quotes.iter().any(|q| q.speaker.as_deref() == Some(e.name.as_str())) {
            e.kind = EntityKind::Person;
        }
    }
}

/// Works out the day or period each date entity names, from the publication date.
pub fn resolve_dates(ents: &mut Entities, published: Option<chrono::NaiveDate>) {
    for e in ents.entities.iter_mut().filter(|e| e.kind == EntityKind::Date) {
        e.value = super::dates::resolve_mention(&e.name, published);
    }
}

pub use build::resolve_across;

#[cfg(test)]
mod tests;
