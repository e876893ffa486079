//! A speaker named before a quotation: in its lead-in (`X said:`, `X shared her worry, “…”`,
//! `- X: “…”`) or in the sentence that introduced it (`X announced the suit. “We …”`).

use super::context::{Ctx, Said};
use crate::analysis::entities::EntityKind;
use crate::article::BlockKind;
use crate::text::slice;
use std::ops::Range;

impl Ctx<'_> {
    /// The speaker named in a lead-in (a sentence or clause before a quotation).
    pub(super) fn speaker_in_lead_in(&self, b: usize, range: Range<usize>) -> Option<Said> {
        let text = self.text(b);
        // `Pollsters agree - Hal Dunne: “…”`: a person named right before the colon, after a
        // dash or alone, is the one quoted, whatever the clause before says (not so in `Roe
        // added about Dunne:`).
        let lead = slice::range(text, range.clone()).trim_end();
        let colon = lead.strip_suffix(':').map(|l| range.start + l.len());
        let mentions = &self.ents.mentions;
        let from = mentions.partition_point(|m| (m.block, m.range.start) < (b, range.start));
        let in_lead = || mentions[from..].iter().take_while(|m| m.block == b && m.range.start < range.end);
        if let Some(colon) = colon {
            let m = in_lead().find(|m| m.range.end == colon);
            let headed = |m: &&crate::analysis::entities::Mention| {
                let before = slice::from_to(text, range.start, m.range.start).trim_end();
                before.is_empty() || before.ends_with(['-', '–', '—'])
            };
            if let Some(m) = m.filter(headed).filter(|m| self.ents.entities[m.entity].kind == EntityKind::Person) {
                return Some(self.said_by_entity(m.entity));
            }
        }
        // `Roe said on Monday, in reply to a question, “…”`: the last verb, or one before it.
        let verbs = self.toks_in(b, &range).iter().filter(|t| self.is_verb_here(b, t) && !self.in_quote(b, t.start));
        for v in verbs.rev().take(3) {
            if let Some(s) = self.speaker_of_verb(b, *v, range.start) {
                return Some(s);
            }
        }
        // `Said Hal Dunne, who grew up nearby, “…”`: the verb opens the sentence.
        if let [v, next, ..] = self.toks_in(b, &range) {
            if matches!(v.text, "Said" | "Says" | "Added" | "Adds") {
                if let Some(said) = self.np_after(b, next.start).and_then(|np| self.resolve(b, np)) {
                    return Some(said);
                }
            }
        }
        // `According to the Gazette: “…”`, `According to Hal Dunne of the league, “…”`.
        // (After a comma, only when the phrase is the whole lead-in: in `According to the
        // playbook, the staff were told, “…”` the clause has its own subject.)
        let lone_according = lead.strip_suffix(',').is_some_and(|l| {
            let l = l.trim_start();
            l.get(..13).is_some_and(|w| w.eq_ignore_ascii_case("according to ")) && !l.contains(',')
        });
        if colon.is_some() || lone_according {
            if let Some(said) = self.according_to(b, range.clone()) {
                return Some(said);
            }
        }
        if colon.is_some() {
            // `X has unveiled a plan:` names its speaker without a speech verb.
            let person = in_lead()
                .filter(|m| m.range.end <= range.end && self.ents.entities[m.entity].kind == EntityKind::Person)
                .last();
            if let Some(m) = person {
                return Some(self.said_by_entity(m.entity));
            }
            return self.sentence_subject(b, range.start).and_then(|np| self.resolve(b, np));
        }
        // `Roe shared her worry with an audience in the city, “I do not know …”`: a clause
        // whose subject is a person, then a comma and the quotation.
        if slice::range(text, range.clone()).trim_end().ends_with(',') {
            let np = self.sentence_subject(b, range.start)?;
            return self.resolve(b, np).filter(|s| s.person);
        }
        None
    }

    /// `Roe is upbeat about the vote. ¶ “Not only can we win …”`: a paragraph that is all
    /// quotation, after a paragraph whose last sentence is about someone quoted before, is theirs.
    pub(super) fn speaker_last_about(&self, b: usize, open: usize) -> Option<Said> {
        if !slice::before(self.text(b), open).trim().is_empty() {
            return None;
        }
        let pb = b.checked_sub(1).filter(|&p| self.article.blocks[p].kind != BlockKind::Heading)?;
        let pt = self.text(pb).trim_end();
        if pt.is_empty() || !pt.ends_with('.') || self.in_quote(pb, pt.len() - 1) {
            return None;
        }
        let np = self.sentence_subject(pb, pt.len() - 1)?;
        let said = self.resolve(pb, np).filter(|s| s.person)?;
        self.quoted.iter().any(|s| s.said.speaker == said.speaker).then_some(said)
    }

    /// `Rep. Dan Ortiz was blunt. “This is a disgrace.”`: a quotation with no attribution, right
    /// after a sentence of its paragraph about a person, is theirs.
    /// (Not when a verb of speech follows it: `“…,” said one insider.` keeps its source
    /// unnamed.)
    pub(super) fn subject_just_before(&self, b: usize, open: usize, end_block: usize, end: usize) -> Option<Said> {
        let before = slice::before(self.text(b), open).trim_end();
        if !before.ends_with('.') || self.in_quote(b, before.len() - 1) {
            return None;
        }
        // (A sentence with a quotation of its own is about what was said.)
        let sent = self.sentence(b, before.len() - 1);
        if slice::range(self.text(b), sent).contains(['“', '”', '"']) {
            return None;
        }
        let after = end..self.sentence(end_block, end).end;
        if self.toks_in(end_block, &after).iter().any(|t| self.is_verb_here(end_block, t)) {
            return None;
        }
        let np = self.sentence_subject(b, before.len() - 1)?;
        self.resolve(b, np).filter(|s| s.person)
    }

    /// `Why was he out in the heat? “My mom says I have to save up.”`: a quotation right after a
    /// question about someone, in its paragraph, is their answer.
    pub(super) fn answer_to_question(&self, b: usize, open: usize) -> Option<Said> {
        let text = self.text(b);
        let before = slice::before(text, open).trim_end();
        if !before.ends_with('?') || self.in_quote(b, before.len() - 1) {
            return None;
        }
        let sent = self.sentence(b, before.len() - 1);
        let toks = self.toks_in(b, &(sent.start..before.len()));
        // (Asked by the text, not quoted: `“Why?” he asked.` has its own attribution.)
        if toks.iter().any(|t| self.in_quote(b, t.start)) {
            return None;
        }
        let who = toks.iter().find(|t| matches!(t.text, "he" | "she" | "He" | "She"))?;
        self.resolve(b, who.start..who.end).filter(|s| s.person)
    }

    /// `Park announced the lawsuit on Monday. “We are seeking …”`: a quotation with no
    /// attribution of its own, right after a sentence (in its paragraph or ending the one
    /// before) whose speech verb has a subject, is that subject's.
    pub(super) fn introduced_before(&self, b: usize, open: usize) -> Option<Said> {
        let text = self.text(b);
        let (pb, at) = if slice::before(text, open).trim().is_empty() {
            let pb = b.checked_sub(1).filter(|&p| self.article.blocks[p].kind != BlockKind::Heading)?;
            (pb, self.text(pb).trim_end().len())
        } else {
            (b, slice::before(text, open).trim_end().len())
        };
        let pt = self.text(pb);
        let before = slice::before(pt, at);
        // `Roe said the plan had “no chance.”` then a paragraph that is all quotation: the
        // speaker of the phrase goes on.
        let unquoted = before.trim_end_matches(['”', '"']);
        if unquoted.len() < before.len() && pb + 1 == b && pb != b {
            let open = match before.ends_with('”') {
                true => unquoted.rfind('“'),
                false => unquoted.rfind('"'),
            }?;
            let sent = self.sentence(pb, open);
            let v = self.last_verb(pb, sent.start..open)?;
            return self.speaker_of_verb(pb, v, sent.start);
        }
        if at == 0 || !before.ends_with(['.', ':']) || self.in_quote(pb, at - 1) {
            return None;
        }
        let sent = self.sentence(pb, at - 1);
        // `Carter said that for decades critics had been predicting a retreat.`: the verb that
        // reports comes first; those after it are in what was reported.
        let first = self.first_verb(pb, sent.clone())?;
        if let Some(s) = self.speaker_of_verb(pb, first, sent.start).filter(|s| s.person) {
            return Some(s);
        }
        let v = self.last_verb(pb, sent.clone())?;
        self.speaker_of_verb(pb, v, sent.start)
    }
}
