//! Direct quotations and who said them.
//!
//! Three passes over the article's blocks:
//!
//! 1. **Marks.** Curly and straight double quotes, and single quotes told apart from
//!    apostrophes (`‘` opens after a space; `’` closes only an open single quote and only before
//!    a non-letter, so `Russia’s` and `don’t` are left alone). A paragraph that ends inside a
//!    quotation continues it when the next paragraph re-opens with a quote mark.
//! 2. **Speech or not.** Whole sentences in quote marks are speech. A phrase inside a sentence is
//!    speech only when a speech verb in the sentence reports it and it does not read as a name
//!    (title case, `so-called`, `a “…” to`). A phrase the article quotes again is still speech:
//!    a paper repeats a politician’s words more often than it coins a term.
//! 3. **Speakers.** The subject of the speech verb before the quotation (`X said:`, `X, who …,
//!    said`, `…, stating:`), or after it (`“…,” X told reporters`, `said X`), or carried over
//!    from the previous paragraph or quotation. Pronouns go to the last subject of that gender;
//!    roles (`the Prime Minister`, `NATO’s chief`) to the person named with that role; bodies
//!    (`Downing Street`, `a spokeswoman for …`) speak for themselves. No evidence, no speaker.
//!
//! `marks` finds the quotations, `speech` judges them, and the speaker rules share one
//! `context::Ctx` per article: `phrases` reads noun phrases, `resolve` says whom they name,
//! `attribution` finds a speaker named after a quotation or by its verb, `lead_in` one named
//! before it, `described` lets an unnamed description speak, `assign` tries those places in
//! order;
//! `words` holds the closed word classes they use.

mod assign;
mod attribution;
mod context;
mod described;
mod lead_in;
mod marks;
mod phrases;
mod resolve;
mod speech;
mod subject;
mod verbs;
mod words;

use super::entities::Entities;
use super::text::Token;
use crate::article::Article;
use crate::text::slice;
use assign::{attribute_full, attribute_partial};
use context::{Ctx, Said, Subject};
use marks::find_all;
use serde::{Deserialize, Serialize};
use speech::{is_full, name_like};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub speaker: Option<String>,
    /// The words quoted, without the outer marks; paragraphs of a long quotation joined by `\n`.
    pub text: String,
    /// The block the quotation opens in.
    pub block: usize,
    pub partial: bool,
    /// Byte offset in `block` just after the opening mark.
    pub start: usize,
    /// The block the quotation closes in, and the byte offset of its closing mark there.
    pub end_block: usize,
    pub end: usize,
}

impl Quote {
    /// The part of `block` (whose text is `text`) inside this quotation, marks included.
    pub fn range_in(&self, block: usize, text: &str) -> Option<Range<usize>> {
        if block < self.block || block > self.end_block {
            return None;
        }
        let start = match block == self.block {
            true => self.start - slice::before(text, self.start).chars().next_back().map_or(0, char::len_utf8),
            false => 0,
        };
        let end = if block == self.end_block { after_char(text, self.end) } else { text.len() };
        Some(start..end)
    }
}

/// `UK officials`, `critics`: a group described by a plural noun, not someone named.
fn group(s: &Said) -> bool {
    !s.person && s.speaker.rsplit(' ').next().is_some_and(|w| w.ends_with('s') && !w.ends_with("ss"))
}

/// Whether two texts have the same words, whatever their case and punctuation.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect::<Vec<_>>()
    };
    words(a) == words(b)
}

/// The byte after the character at `at` (a closing mark), or the end of the text.
fn after_char(text: &str, at: usize) -> usize {
    text.get(at..).and_then(|t| t.chars().next()).map_or(text.len(), |c| at + c.len_utf8())
}

/// Finds the quotations of an article and their speakers.
/// `words` holds the words of each block (`text::tokens`).
pub fn find<'a>(article: &'a Article, ents: &'a Entities, words: &'a [Vec<Token<'a>>]) -> Vec<Quote> {
    let found = find_all(article);
    let mut ctx = Ctx::new(article, ents, words, &found);
    ctx.collect_subjects();
    let mut out: Vec<Quote> = Vec::new();
    for q in &found {
        let full = is_full(q, article);
        if !full && (name_like(q, article) || speech::lone_epithet(q, article)) {
            continue;
        }
        let said = if full { attribute_full(&ctx, q, &out) } else { attribute_partial(&ctx, q) };
        // `our podcast, “Ground Game.”`: a name in quote marks that would be its own speaker is
        // a name, not speech.
        if said.as_ref().is_some_and(|s| same_words(&s.speaker, &q.text)) {
            continue;
        }
        if said.is_none() && (!full || speech::is_title(&q.text) || speech::titled_by(q, article)) {
            // A phrase in quote marks that nobody is said to have said: scare quotes, or a
            // name (`“Time”`, `“Missing”`).
            continue;
        }
        if !full && said.as_ref().is_some_and(|s| speech::term_in_report(q, article, group(s))) {
            continue;
        }
        if let Some(s) = &said {
            ctx.quoted.push(Subject { block: q.block, at: q.start, said: s.clone(), spoke: true });
        }
        let mut text = q.text.clone();
        text.shrink_to_fit();
        out.push(Quote {
            speaker: said.as_ref().map(|s| s.speaker.clone()),
            text,
            block: q.block,
            partial: !full,
            start: q.start,
            end_block: q.end_block,
            end: q.end,
        });
    }
    out
}

#[cfg(test)]
mod tests;
