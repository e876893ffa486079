//! Verbs of speech: which words of a block report speech where they stand.

use super::context::Ctx;
use super::words::*;
use crate::analysis::lexicon::LEXICON;
use crate::analysis::text::{self, is_capitalised, Token};
use crate::text::lexicon::WORDS;
use crate::text::slice;
use std::ops::Range;

impl<'a> Ctx<'a> {
    /// The last speech verb in `range` of block `b`, outside quotations.
    pub(super) fn last_verb(&self, b: usize, range: Range<usize>) -> Option<Token<'a>> {
        self.toks_in(b, &range).iter().rfind(|t| self.is_verb_here(b, t) && !self.in_quote(b, t.start)).copied()
    }

    pub(super) fn first_verb(&self, b: usize, range: Range<usize>) -> Option<Token<'a>> {
        self.toks_in(b, &range).iter().find(|t| self.is_verb_here(b, t) && !self.in_quote(b, t.start)).copied()
    }

    /// A speech verb used as a verb: not capitalised, not after a determiner or a possessive
    /// (`their continued support`, `Roe’s comments`).
    pub(super) fn is_verb_here(&self, b: usize, t: &Token) -> bool {
        if !(LEXICON.is_speech_verb(t.text) || self.answers_back(b, t)) || is_capitalised(t.text) {
            return false;
        }
        // `their continued support`, `his scathing remarks`: a noun after a determiner and at
        // most one adjective.
        let before = self.toks_until(b, t.start);
        // (`Roe’s comments`: a possessive is a determiner too; in `“… like that,” said` the
        // mark between ends the phrase.)
        let det = |i: usize| {
            before.len().checked_sub(i).is_some_and(|k| {
                let next = before.get(k + 1).map_or(t.start, |n| n.start);
                slice::from_to(self.text(b), before[k].end, next).trim().is_empty()
                    && (in_list(&WORDS.determiners, before[k].text) || text::is_possessive(before[k].text))
            })
        };
        let adjective = before.last().is_some_and(|p| {
            slice::from_to(self.text(b), p.end, t.start) == " "
                && p.text.chars().all(char::is_lowercase)
                && (matches!(LEXICON.usual_tag(p.text), Some("ADJ")) || p.text.ends_with("ing") && p.text.len() > 6)
        });
        !(det(1) || adjective && det(2) || self.compound_noun(b, t))
    }

    /// `Roe shot back, “…”`: a verb that answers only with `back` after it.
    fn answers_back(&self, b: usize, t: &Token) -> bool {
        const BACK_VERBS: &[&str] =
            &["shoot", "shoots", "shot", "shooting", "fire", "fires", "fired", "firing", "hit", "hits", "hitting"];
        if !BACK_VERBS.contains(&t.text) {
            return false;
        }
        let toks = &self.toks[b];
        let next = toks.get(toks.partition_point(|n| n.start < t.end));
        next.is_some_and(|n| n.text == "back" && slice::from_to(self.text(b), t.end, n.start) == " ")
    }

    /// `GOP state leaders`, `the report card`: a speech verb that is usually a noun, right before
    /// another noun, is the first half of a compound noun.
    fn compound_noun(&self, b: usize, t: &Token) -> bool {
        if LEXICON.usual_tag(t.text) != Some("NOUN") {
            return false;
        }
        let toks = &self.toks[b];
        let next = toks.get(toks.partition_point(|n| n.start < t.end));
        next.is_some_and(|n| {
            slice::from_to(self.text(b), t.end, n.start) == " "
                && n.text.chars().all(char::is_lowercase)
                && LEXICON.usual_tag(n.text) == Some("NOUN")
        })
    }
}
