//! Whom a noun phrase names: a pronoun's person, a role's holder, a surname's full name, a
//! body, a description, or nobody (a capital that only opens a sentence).

use super::context::{Ctx, Said};
use super::words::*;
use crate::analysis::entities::{is_date_word, plausible_full_name, EntityKind};
use crate::analysis::lexicon::LEXICON;
use crate::analysis::text::{is_capitalised, is_possessive, strip_possessive, Token};
use crate::text::lexicon::WORDS;
use crate::text::slice;
use std::ops::Range;

/// How many subjects back `the senator` may look for the person it means.
const ROLE_REACH: usize = 8;

impl Ctx<'_> {
    /// `the presumptive Republican nominee`: a description with its article whose last word is
    /// a role, taken for the person the text was last about.
    pub(super) fn role_of_recent_person(&self, b: usize, np: &Range<usize>) -> Option<Said> {
        let phrase = slice::range(self.text(b), np.clone());
        let mut words = phrase.split_whitespace();
        let definite = words.next().is_some_and(|w| w.eq_ignore_ascii_case("the"));
        let role = words.next_back().is_some_and(role_noun);
        (definite && role).then(|| self.last_person(b, np.start, ROLE_REACH)).flatten()
    }

    /// The person the text was last about: the latest person among the `reach` subjects
    /// before byte `at` of block `b`.
    fn last_person(&self, b: usize, at: usize, reach: usize) -> Option<Said> {
        self.subjects_before(b, at).take(reach).find(|s| s.said.person && !s.said.body).map(|s| s.said.clone())
    }

    /// Who a noun phrase names.
    pub(super) fn resolve(&self, b: usize, np: Range<usize>) -> Option<Said> {
        let text = self.text(b);
        let phrase = slice::range(text, np.clone());
        let lower = phrase.to_lowercase();
        if WORDS.pronouns.contains(&lower.as_str()) {
            return self.pronoun(&lower, b, np.start);
        }
        let words: Vec<&str> = phrase.split([' ', '-']).filter(|w| !w.is_empty()).collect();
        if let Some(e) = self.person_heading(b, &np) {
            return Some(self.said_by_entity(e));
        }
        // A role: `NATO’s chief`, `the Prime Minister`.
        for k in 1..=LEXICON.max_title_words.min(words.len()) {
            let title = &words[words.len() - k..];
            if LEXICON.title(title).is_some() {
                let org = words[..words.len() - k].join(" ");
                let org = strip_possessive(&org).trim();
                if let Some(e) = self.role_holder(&title.join(" ").to_lowercase(), (!org.is_empty()).then_some(org)) {
                    return Some(self.said_by_entity(e));
                }
            }
        }
        // `the senator said`, with nobody named senator: the person the text was last about.
        // (`the presumptive Republican nominee`: one adjective may stand between.)
        let the = |t: &Token| t.text.eq_ignore_ascii_case("the");
        let definite = match self.toks_until(b, np.start) {
            [.., t] if the(t) => true,
            [.., t, adj] => {
                the(t)
                    && adj.text.chars().all(char::is_lowercase)
                    && !slice::from_to(text, t.end, np.start).contains([',', '.', ';', ':'])
            }
            _ => false,
        };
        let role = words.last().is_some_and(|w| role_noun(w));
        let age = words.len() == 3 && words[1] == "year" && words[2] == "old";
        if definite && (role || age) {
            // An age says less than a role: only the subject just before will do.
            let reach = if role { ROLE_REACH } else { 1 };
            if let Some(s) = self.last_person(b, np.start, reach) {
                return Some(s);
            }
            // (`said the 46-year-old`, after a subject that was only described: the speaker
            // as described.)
            if age {
                let the = self.toks_until(b, np.start).iter().rev().find(|t| the(t)).map(|t| t.start);
                if let Some(start) = the {
                    return self.described(b, start..np.end);
                }
            }
        }
        // `Florida developer Hal Dunne`: the name at the end speaks, not the place before it;
        // `Energy Department spokeswoman`: a body speaks through its spokespeople.
        let head = self.heading(b, &np, |k| !matches!(k, EntityKind::Person | EntityKind::Date | EntityKind::Money));
        // `the RNC member`, `a NY1 reporter`: a person described by the body they belong to
        // speaks as described (with its article); only a spokesperson speaks for the body.
        let member = words
            .last()
            .is_some_and(|w| w.chars().all(char::is_lowercase) && !speaks_for_body(w) && LEXICON.title(&[w]).is_none());
        // The article, perhaps with adjectives before the name: `a prominent RNC member`.
        let before = self.toks_until(b, np.start);
        let det = before
            .iter()
            .rev()
            .take(3)
            .position(|t| matches!(t.text.to_lowercase().as_str(), "the" | "a" | "an"))
            .and_then(|k| {
                let det = &before[before.len() - 1 - k];
                let between = &before[before.len() - k..];
                let plain = between.iter().all(|t| t.text.chars().all(char::is_lowercase));
                let gap = slice::from_to(text, det.end, np.start);
                (plain && !gap.contains([',', '.', ';', ':'])).then_some(det)
            });
        if let Some(det) = det.filter(|_| member && self.ents.within(b, &np).is_some()) {
            return self.described(b, det.start..np.end);
        }
        let body = head
            .or_else(|| self.ents.within(b, &np).filter(|&e| self.ents.entities[e].kind == EntityKind::Organization));
        if let Some(e) = body {
            let ent = &self.ents.entities[e];
            match ent.kind {
                EntityKind::Organization | EntityKind::Place => {
                    return Some(Said { speaker: ent.name.clone(), gender: None, body: true, person: false })
                }
                _ if plausible_full_name(&ent.name) => {
                    return Some(Said { speaker: ent.name.clone(), gender: None, body: false, person: true })
                }
                _ => {}
            }
        }
        // `Sharp said`, after `Betsy Sharp of Burke County`: a lone surname the article gave in
        // full before, even when the word is an ordinary one too.
        if let [w] = words.as_slice() {
            if let Some(e) = self.full_name_ending_in(b, np.start, strip_possessive(w)) {
                let ent = &self.ents.entities[e];
                return Some(Said { speaker: ent.name.clone(), gender: ent.gender, body: false, person: true });
            }
        }
        let last = words.last()?;
        // A capital that only opens the sentence (`Likewise`, `Victims`) names nobody.
        // Nor does a day or a month, or a participle opening it (`Dismayed by the result, …`).
        let opening = np.start == self.sentence(b, np.start).start;
        let participle =
            |w: &str| opening && words.len() == 1 && w.len() > 5 && (w.ends_with("ed") || w.ends_with("ing"));
        // (`Black Lives Matter issued a statement`: ordinary words that the article names as one
        // thing more than once are a name too.)
        let recurring = words.len() >= 2
            && self.ents.within(b, &np).is_some_and(|e| {
                let e = &self.ents.entities[e];
                e.mentions >= 2 && e.kind == EntityKind::Other && e.name == strip_possessive(phrase)
            });
        let named = recurring
            || words.iter().any(|w| {
                let w = strip_possessive(w);
                is_capitalised(w)
                    && !LEXICON.is_ordinary(w)
                    && !is_date_word(w)
                    && !participle(w)
                    && !LEXICON.is_demonym(w)
            });
        // `the report said`, `his letter reads`: a text speaks only with its article or owner,
        // and is shown with it.
        if LEXICON.is_text_noun(last) && words.len() == 1 {
            let owner = before
                .last()
                .filter(|t| in_list(&WORDS.determiners, t.text) && slice::from_to(text, t.end, np.start) == " ")?;
            // (`The report said` at a sentence's start is the same speaker as `the report`.)
            let shown = format!("{} {}", owner.text.to_lowercase(), strip_possessive(phrase));
            return Some(Said { speaker: shown, gender: None, body: true, person: false });
        }
        if LEXICON.is_speaker_noun(last) || named {
            let mut shown = strip_possessive(phrase).to_string();
            // `her team`, `the mayor’s office`: a body's voice is shown with its owner.
            if words.len() == 1 && !named {
                if let Some(owner) = self.owner_before(b, np.start) {
                    shown = strip_possessive(slice::from_to(text, owner, np.end)).to_string();
                }
            }
            let body = LEXICON.is_speaker_noun(last);
            // A plausible full name (`Mara Linden`), or a name the article uses as one
            // (`Fiorina`), may be a person; a lone capital (`Republicans`) is not taken for one
            // (`Young Latinos`, `Field Poll`, `Team Trump` are not.)
            let known = self.ents.within(b, &np).is_some_and(|e| !self.ents.entities[e].definite);
            let person = !body && (plausible_full_name(&shown) || words.len() == 1 && known);
            return Some(Said { speaker: shown, gender: None, body, person });
        }
        None
    }

    /// Where the owner written before a noun starting at byte `at` begins: `her` in `her
    /// team`, `the mayor’s` in `the mayor’s office`.
    fn owner_before(&self, b: usize, at: usize) -> Option<usize> {
        let text = self.text(b);
        let before = self.toks_until(b, at);
        let joined = |t: &Token, next: usize| slice::from_to(text, t.end, next) == " ";
        let owner = before.last().filter(|t| joined(t, at))?;
        // (An article is no owner: `the spokesman` is shown as `spokesman`.)
        if matches!(owner.text.to_lowercase().as_str(), "his" | "her" | "their" | "its" | "our" | "my" | "your") {
            return Some(owner.start);
        }
        if !is_possessive(owner.text) || is_capitalised(owner.text) {
            return None;
        }
        let det = before.len().checked_sub(2).map(|i| &before[i]);
        Some(
            det.filter(|d| joined(d, owner.start) && in_list(&WORDS.determiners, d.text))
                .map_or(owner.start, |d| d.start),
        )
    }

    /// The last name, before `(b, at)`, of two to four capitalised words that ends in `word`
    /// and is not a place or a body (unless it opens with a given name: `Don Guardian`).
    fn full_name_ending_in(&self, b: usize, at: usize, word: &str) -> Option<usize> {
        if !is_capitalised(word) || WORDS.pronouns.contains(&word.to_lowercase().as_str()) {
            return None;
        }
        // The few entities whose name fits are found first; then the one named last before.
        let fits = |ent: &crate::analysis::entities::Entity| {
            let Some(rest) = ent.name.strip_suffix(word).and_then(|r| r.strip_suffix(' ')) else { return false };
            let names: Vec<&str> = rest.split(' ').collect();
            let given = names.first().is_some_and(|f| LEXICON.first_name(f).is_some());
            let kind_ok = match ent.kind {
                EntityKind::Person | EntityKind::Other => true,
                EntityKind::Organization => given,
                _ => false,
            };
            kind_ok && !ent.definite && names.len() <= 3 && names.iter().all(|n| is_capitalised(n))
        };
        let candidates: Vec<usize> = (0..self.ents.entities.len()).filter(|&e| fits(&self.ents.entities[e])).collect();
        if candidates.is_empty() {
            return None;
        }
        let before = self.ents.mentions.partition_point(|m| (m.block, m.range.start) < (b, at));
        self.ents.mentions[..before].iter().rev().map(|m| m.entity).find(|e| candidates.contains(e))
    }

    /// The person a noun phrase is about: one named at its end (`Sen. Jo Pike`), not one that
    /// only qualifies what follows (`a Trump supporter`, `Pike's campaign`).
    pub(super) fn person_heading(&self, b: usize, np: &Range<usize>) -> Option<usize> {
        self.heading(b, np, |k| k == EntityKind::Person)
    }

    /// The last entity of a kind `want` accepts named in `np` with no lower-case word after it.
    fn heading(&self, b: usize, np: &Range<usize>, want: impl Fn(EntityKind) -> bool) -> Option<usize> {
        let text = self.text(b);
        let mentions = &self.ents.mentions;
        let from = mentions.partition_point(|m| (m.block, m.range.start) < (b, np.start));
        let m = mentions[from..]
            .iter()
            .take_while(|m| m.block == b && m.range.start < np.end)
            .filter(|m| m.range.end <= np.end && want(self.ents.entities[m.entity].kind))
            .last()?;
        // `Carson’s longtime friend`, `Carson’s`: a possessive qualifies what follows it.
        let rest = slice::after(text, m.range.end);
        let possessive = rest.starts_with(['’', '\'']);
        let rest = slice::from_to(text, m.range.end, np.end);
        let qualifies = rest.split_whitespace().any(|w| w.chars().next().is_some_and(char::is_lowercase));
        (!qualifies && !possessive).then_some(m.entity)
    }
}

/// `a GOP spokesman`, `an RNC official`: someone whose words are the body's. (`a GOP
/// strategist` speaks for themself.)
fn speaks_for_body(w: &str) -> bool {
    w.starts_with("spokes")
        || matches!(w, "official" | "officials" | "representative" | "representatives" | "source" | "sources")
}

/// A role in lower case that stands for a person (`senator`, `nominee`). A spokesman speaks for
/// someone else: not one.
fn role_noun(w: &str) -> bool {
    w.chars().all(char::is_lowercase) && LEXICON.title(&[w]).is_some() && !LEXICON.is_speaker_noun(w)
}
