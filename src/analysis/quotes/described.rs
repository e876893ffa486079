//! Someone described rather than named (`the man shouted`, `said a poll worker`): the
//! description speaks, unless the sentence keeps the speaker anonymous.

use super::context::{Ctx, Said};
use super::words::*;
use crate::analysis::text::strip_possessive;
use crate::text::slice;
use std::ops::Range;

impl<'a> Ctx<'a> {
    /// `the man shouted`, `a poll worker said`: someone described rather than named, ending
    /// just before byte `end` (adverbs and auxiliaries between it and the verb passed over).
    pub(super) fn description_before(&self, b: usize, end: usize, floor: usize) -> Option<Range<usize>> {
        let toks = self.toks_until(b, end);
        let mut k = toks.len();
        while k > 0 && toks[k - 1].start >= floor && skips_before_verb(toks[k - 1].text) {
            k -= 1;
        }
        let last = k.checked_sub(1)?;
        let next = toks.get(k).map_or(end, |t| t.start);
        if !ends_description(toks[last].text) || !slice::from_to(self.text(b), toks[last].end, next).trim().is_empty() {
            return None;
        }
        let mut s = last;
        while s > 0 && last - s < 5 && toks[s - 1].start >= floor && self.joined(b, s - 1) {
            let w = toks[s - 1].text;
            if opens_description(w) {
                // (`issued a statement saying`: the object of a verb is no speaker.)
                let np = toks[s - 1].start..toks[last].end;
                return (!self.is_object(b, &np)).then_some(np);
            }
            if !inside_description(w) {
                break;
            }
            s -= 1;
        }
        None
    }

    /// The same description starting at byte `from`: `said a poll worker`.
    pub(super) fn description_after(&self, b: usize, from: usize) -> Option<Range<usize>> {
        let toks = &self.toks[b];
        let k = token_index(toks, from);
        let first = toks.get(k).filter(|t| opens_description(t.text) && t.start == from)?;
        let mut e = k + 1;
        let mut end = None;
        while e < toks.len() && e - k <= 5 && self.joined(b, e - 1) && inside_description(toks[e].text) {
            if ends_description(toks[e].text) {
                end = Some(toks[e].end);
            }
            e += 1;
        }
        end.map(|end| first.start..end)
    }

    /// Whether word `k` of block `b` runs into the next with only a space between.
    pub(super) fn joined(&self, b: usize, k: usize) -> bool {
        let toks = &self.toks[b];
        toks.get(k + 1).is_some_and(|n| slice::from_to(self.text(b), toks[k].end, n.start) == " ")
    }

    /// A description as a speaker: shown as written, unless the sentence says the speaker is
    /// kept anonymous.
    pub(super) fn described(&self, b: usize, np: Range<usize>) -> Option<Said> {
        let text = self.text(b);
        let sent = self.sentence(b, np.start);
        if anonymous(slice::from_to(text, np.end, sent.end)) {
            return None;
        }
        let shown = strip_possessive(slice::range(text, np)).to_string();
        Some(Said { speaker: shown, gender: None, body: false, person: false })
    }
}
