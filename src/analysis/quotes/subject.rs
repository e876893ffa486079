//! The grammatical subject of a sentence, found without a parse: past an opening clause, a
//! dateline or an adverb, the first noun phrase.

use super::context::Ctx;
use super::words::*;
use crate::analysis::entities::EntityKind;
use crate::analysis::lexicon::LEXICON;
use crate::analysis::text::{self, is_capitalised, Token};
use crate::text::lexicon::WORDS;
use crate::text::slice;
use std::ops::Range;

impl Ctx<'_> {
    /// The grammatical subject of the sentence around `at`: its first noun phrase once an
    /// opening clause (`In response to …,`) or adverb is passed.
    pub(super) fn sentence_subject(&self, b: usize, at: usize) -> Option<Range<usize>> {
        let text = self.text(b);
        let sent = self.sentence(b, at);
        let toks = self.toks_until(b, sent.end);
        let mut k = token_index(toks, after_dateline(text, &sent));
        let first = toks.get(k)?;
        if let Some(person) = self.named_in_apposition(b, toks, k, sent.end) {
            return Some(person);
        }
        // `Speaking at a rally in Salem, New Hampshire, Roe said`: an adverb, a participle or a
        // preposition opens a clause before the subject.
        // `Eight years ago, he said`, `In 2008, …`: a number opens a time phrase before the
        // subject, and so does `Hours later,`.
        let head = slice::from_to(text, first.start, sent.end).split_once(',').map(|(h, _)| h);
        let short_head = |n: usize| head.is_some_and(|h| h.split_whitespace().count() <= n);
        // (`76-year-old Morton Vale, founder of …,` is a subject.)
        let hyphened = slice::after(text, first.end).starts_with('-');
        let number = (LEXICON.usual_tag(first.text) == Some("NUM") || first.text.chars().all(|c| c.is_ascii_digit()))
            && short_head(5)
            && !hyphened;
        let time = short_head(4)
            && head
                .and_then(|h| h.split_whitespace().next_back())
                .is_some_and(|w| matches!(w, "later" | "earlier" | "ago"));
        let opener = in_list(&WORDS.openers, first.text)
            || number
            || time
            || (LEXICON.opens_before_names(first.text)
                && !in_list(&WORDS.pronouns, first.text)
                && !in_list(&WORDS.determiners, first.text));
        if !opener {
            let np = self.np_after(b, first.start)?;
            return Some(self.apposition_after(b, &np).unwrap_or(np));
        }
        // `And even Hal Dunne tried …`: a conjunction or a focusing word, then the name; or an
        // adverb without its comma (`Meanwhile Ruiz, who …, spoke`).
        let mut j = k;
        let adverb = |t: &Token| in_list(&WORDS.openers, t.text) && LEXICON.usual_tag(t.text) == Some("ADV");
        while toks.get(j).is_some_and(|t| in_list(&WORDS.linking, t.text) || adverb(t)) {
            j += 1;
        }
        // (`But state Rep. Gilda Moore, …`: a lower-case word may open a name with its title.)
        if j > k && toks.get(j).is_some_and(|t| !in_list(&WORDS.openers, t.text)) {
            let gap = slice::from_to(text, first.start, toks[j].start);
            let named = |np: &Range<usize>| is_capitalised(toks[j].text) || self.person_within(b, np).is_some();
            let np = self.np_after(b, toks[j].start).filter(named);
            if let Some(np) = np.filter(|_| !gap.contains(',')) {
                return Some(self.apposition_after(b, &np).unwrap_or(np));
            }
        }
        let mut from = first.end;
        for _ in 0..3 {
            let comma = slice::from_to(text, from, sent.end).find(',').map(|c| c + from);
            match comma {
                Some(c) if !self.in_quote(b, c) && words_lower(slice::from_to(text, first.end, c)).len() <= 16 => {
                    k = token_index(toks, c);
                }
                _ => {
                    k = token_index(toks, from).max(k + 1);
                    break;
                }
            }
            let opened = k;
            // (An article stays: `On Monday, the former model Jo Pike said` is a phrase.)
            while k < toks.len()
                && text::is_common(toks[k].text)
                && !in_list(&WORDS.pronouns, toks[k].text)
                && !in_list(&WORDS.determiners, toks[k].text)
            {
                k += 1;
            }
            // `…in Salem, New Hampshire, Roe said`: a place after the comma still belongs to
            // the opening clause.
            let t = toks.get(k)?;
            // (`On Thursday, after staying neutral, Roe endorsed …`: a second opening phrase,
            // a participle after a preposition.)
            let participle = t.text.ends_with("ing") && t.text.chars().all(char::is_lowercase);
            if participle && in_list(&WORDS.openers, toks[opened].text) {
                from = t.end;
                continue;
            }
            // (`On Tuesday, his wife, Jane, called …`)
            if let Some(person) = self.named_in_apposition(b, toks, k, sent.end) {
                return Some(person);
            }
            let np = self.np_after(b, t.start)?;
            // `Catch up with our podcast, Ground Game.`: a name that ends the sentence is no
            // one's subject.
            if !slice::from_to(text, np.end, sent.end).chars().any(char::is_alphabetic) {
                return None;
            }
            let place = self.ents.within(b, &np).is_some_and(|e| self.ents.entities[e].kind == EntityKind::Place);
            // (`At a rally in Salem, on Thursday afternoon, Roe said`: a phrase after a
            // preposition, too.)
            let governed = toks[opened..k].iter().any(|t| LEXICON.usual_tag(t.text) == Some("ADP"));
            let rest = slice::after(text, np.end);
            let to_comma = rest.find(',').map(|c| slice::before(rest, c));
            let phrase_ends = rest.starts_with(',')
                || governed && to_comma.is_some_and(|w| w.split_whitespace().count() <= 2 && !w.contains(['.', ';']));
            if !((place || governed) && phrase_ends) {
                return Some(self.apposition_after(b, &np).unwrap_or(np));
            }
            from = np.end;
        }
        let t = toks.get(k)?;
        let np = self.np_after(b, t.start)?;
        Some(self.apposition_after(b, &np).unwrap_or(np))
    }

    /// `Her colleague, engineer Paul Martin, is …`: a plain noun phrase opening at token `k`
    /// with a determiner, then the person named in apposition to it.
    fn named_in_apposition(&self, b: usize, toks: &[Token], k: usize, sent_end: usize) -> Option<Range<usize>> {
        let text = self.text(b);
        let first = toks.get(k).filter(|t| in_list(&WORDS.determiners, t.text))?;
        let comma = slice::from_to(text, first.end, sent_end).find(", ").map_or(sent_end, |c| c + first.end);
        let head = toks[k..].iter().take_while(|t| t.end <= comma).collect::<Vec<_>>();
        let head_end = head.last()?.end;
        let plain = head.len() <= 4 && head.iter().skip(1).all(|t| !is_capitalised(t.text));
        if !(plain && slice::after(text, head_end).starts_with(", ")) {
            return None;
        }
        self.apposition_after(b, &(first.start..head_end))
    }
}

/// `LA CROSSE, Wis. — Gov. Jo Pike said`: a dateline in capitals and a dash open a story's first
/// sentence, whose subject comes after them. Where the sentence proper starts.
fn after_dateline(text: &str, sent: &Range<usize>) -> usize {
    let s = slice::range(text, sent.clone());
    let first = s.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if first.chars().count() < 2 || !first.chars().all(char::is_uppercase) {
        return sent.start;
    }
    for dash in [" — ", " – ", " -- ", " - "] {
        if let Some(i) = s.find(dash) {
            let head = slice::before(s, i);
            let words = head.split_whitespace().count();
            let named = head.split_whitespace().all(|w| w.starts_with(|c: char| c.is_uppercase() || c == '('));
            if words <= 6 && named {
                return sent.start + i + dash.len();
            }
        }
    }
    sent.start
}
