//! Noun phrases around a speech verb: where they start and end (whom they name is
//! `resolve.rs`).

use super::context::Ctx;
use super::words::*;
use crate::analysis::entities::{is_date_word, is_kin, EntityKind};
use crate::analysis::lexicon::LEXICON;
use crate::analysis::text::{self, is_capitalised, Token};
use crate::text::lexicon::WORDS;
use crate::text::slice;
use std::ops::Range;

impl<'a> Ctx<'a> {
    /// The noun phrase that ends just before byte `end`: the subject of a verb there.
    pub(super) fn np_before(&self, b: usize, end: usize, floor: usize) -> Option<Range<usize>> {
        let text = self.text(b);
        let toks = self.toks_until(b, end);
        let mut k = toks.len();
        // Auxiliaries and adverbs between the subject and its verb.
        while k > 0 && toks[k - 1].start >= floor && skips_before_verb(toks[k - 1].text) {
            let gap = slice::from_to(text, toks[k - 1].end, if k < toks.len() { toks[k].start } else { end });
            if gap.contains(',') {
                break;
            }
            k -= 1;
        }
        // `who Beck on Wednesday called`: a day between the subject and its verb.
        let next = if k < toks.len() { toks[k].start } else { end };
        if k >= 2
            && is_date_word(toks[k - 1].text)
            && matches!(toks[k - 2].text, "on" | "last" | "this")
            && slice::from_to(text, toks[k - 1].end, next).trim().is_empty()
        {
            k -= 2;
        }
        let stop = if k < toks.len() { toks[k].start } else { end };
        // `Sen. Dana Quill (D-Ore.) said`: a short aside in parentheses after the name.
        let stop = self.before_aside(b, stop, floor);
        // A clause between commas: `X, who will chair the meeting, said` leaves the subject
        // before the first comma.
        let tail = slice::before(text, stop).trim_end();
        // `A former candidate -- Tom Birch, who lost in 2008 -- said`: an aside between dashes;
        // the person it names speaks, or else the phrase before it.
        if let Some(inner) = tail.strip_suffix("--").or_else(|| tail.strip_suffix(['—', '–'])) {
            let aside = slice::from_to(text, floor, floor.max(inner.len()));
            if let Some(open) =
                ["--", "—", "–"].iter().filter_map(|d| aside.rfind(d).map(|o| (o + floor, d.len()))).max()
            {
                let after_dash = slice::after(text, open.0 + open.1);
                let start = open.0 + open.1 + (after_dash.len() - after_dash.trim_start().len());
                if let Some(np) = self.np_after(b, start).filter(|np| self.person_within(b, np).is_some()) {
                    return Some(np);
                }
                return self.np_ending(b, slice::before(text, open.0).trim_end().len(), floor);
            }
        }
        if tail.ends_with(',') {
            let inner_end = tail.len() - 1;
            // `Gov. Jo Pike (R-OH), said`: the aside, then the comma.
            if let Some(np) = self
                .np_ending(b, self.before_aside(b, inner_end, floor), floor)
                .filter(|np| np.end < inner_end && self.person_heading(b, np).is_some())
            {
                return Some(np);
            }
            // `The union's leader, Jane Doe, said`: a person named between the commas speaks.
            if let Some(np) = self.np_ending(b, inner_end, floor) {
                let person = self.person_within(b, &np);
                let apposition = slice::before(text, np.start).trim_end().ends_with(',');
                if person.is_some() && apposition {
                    return Some(np);
                }
            }
            let prev = slice::from_to(text, floor, inner_end).rfind(',').map(|p| p + floor)?;
            if self.in_quote(b, prev) || slice::from_to(text, prev, inner_end).contains(['“', '"']) {
                return None;
            }
            // (`… for the Ledger, the state's paper, mocking`: after a preposition the phrase
            // is an object, and nobody's subject.)
            // (Nor is a place: `Speaking in Salem, New Hampshire, Roe went after Pike, calling`.)
            let np = self.np_ending(b, prev, floor)?;
            return (self.preposition_before(b, &np).is_none() && !self.names_place(b, &np)).then_some(np);
        }
        self.np_ending(b, stop, floor)
    }

    /// The person named inside `range` of block `b`, if the name there is a person's.
    pub(super) fn person_within(&self, b: usize, range: &Range<usize>) -> Option<usize> {
        self.ents.within(b, range).filter(|&e| self.ents.entities[e].kind == EntityKind::Person)
    }

    /// Whether a place is named where `np` is (`Hampshire` of `New Hampshire` too).
    pub(super) fn names_place(&self, b: usize, np: &Range<usize>) -> bool {
        let mentions = &self.ents.mentions;
        let from = mentions.partition_point(|m| (m.block, m.range.end) <= (b, np.start));
        mentions[from..]
            .iter()
            .take_while(|m| m.block == b && m.range.start < np.end)
            .any(|m| self.ents.entities[m.entity].kind == EntityKind::Place)
    }

    /// The preposition whose object the noun phrase `np` is (`on Facebook`, `for the Ledger`),
    /// if it is one: such a phrase is nobody's subject.
    pub(super) fn preposition_before(&self, b: usize, np: &Range<usize>) -> Option<&'a str> {
        let before = self.toks_until(b, np.start);
        let t = before.iter().rev().find(|t| !in_list(&WORDS.determiners, t.text))?;
        (t.text.chars().all(char::is_lowercase) && LEXICON.usual_tag(t.text) == Some("ADP")).then_some(t.text)
    }

    /// Where the name before a short aside in parentheses ends, or `stop` if there is none.
    pub(super) fn before_aside(&self, b: usize, stop: usize, floor: usize) -> usize {
        let text = self.text(b);
        let tail = slice::from_to(text, floor, stop).trim_end();
        if !tail.ends_with(')') {
            return stop;
        }
        match tail.rfind('(') {
            Some(open) if tail.len() - open <= 40 => floor + slice::before(tail, open).trim_end().len(),
            _ => stop,
        }
    }

    /// The noun phrase whose last word ends at or before `stop`.
    pub(super) fn np_ending(&self, b: usize, stop: usize, floor: usize) -> Option<Range<usize>> {
        let text = self.text(b);
        let toks = self.toks_until(b, stop);
        let last = toks.last()?;
        if last.start < floor || !slice::from_to(text, last.end, stop).trim().is_empty() {
            return None;
        }
        let lw = last.text.to_lowercase();
        if WORDS.pronouns.contains(&lw.as_str()) {
            return Some(last.start..last.end);
        }
        if lw == "who" || lw == "which" {
            let before = slice::from_to(text, floor, last.start).trim_end().strip_suffix(',')?;
            return self.np_ending(b, floor + before.len(), floor);
        }
        let mut s = toks.len();
        while s > 0 {
            let t = toks[s - 1];
            if t.start < floor {
                break;
            }
            let joined = s == toks.len() || text::joins_name(slice::from_to(text, t.end, toks[s].start), t.text);
            if !joined {
                break;
            }
            let ok = is_capitalised(t.text)
                || is_role_word(t.text)
                || (text::PARTICLES.contains(&t.text)
                    && s < toks.len()
                    && (is_capitalised(toks[s].text) || text::PARTICLES.contains(&toks[s].text)))
                // `Department for Education spokesperson`: a body's name goes on after `for`.
                || (matches!(t.text, "of" | "for")
                    && s >= 2
                    && s < toks.len()
                    && is_capitalised(toks[s].text)
                    && LEXICON.is_org_suffix(toks[s - 2].text));
            if !ok || (s < toks.len() && text::is_possessive(t.text) && !is_role_word(toks[s].text)) {
                break;
            }
            s -= 1;
        }
        // `the central bank said`: a body named by a common noun keeps the words between it
        // and its article.
        if s + 1 == toks.len() && !is_capitalised(last.text) && LEXICON.is_speaker_noun(last.text) {
            for back in 2..=3 {
                let Some(t) = toks.len().checked_sub(back).map(|i| toks[i]) else { break };
                if t.start < floor || is_capitalised(t.text) && !in_list(&WORDS.determiners, t.text) {
                    break;
                }
                if in_list(&WORDS.determiners, t.text) {
                    s = toks.len() - back + 1;
                    break;
                }
            }
        }
        while s < toks.len() && text::is_common(toks[s].text) {
            s += 1;
        }
        // `Sometimes Roe says`: a capitalised adverb opens the sentence, not the name.
        if s + 1 < toks.len() && is_capitalised(toks[s].text) && LEXICON.opens_before_names(toks[s].text) {
            s += 1;
        }
        (s < toks.len()).then(|| toks[s].start..last.end)
    }

    /// The noun phrase starting at `from`: a pronoun, or a run of names and role words.
    pub(super) fn np_after(&self, b: usize, from: usize) -> Option<Range<usize>> {
        let text = self.text(b);
        let toks = &self.toks[b];
        let mut k = token_index(toks, from);
        if k >= toks.len() || !slice::from_to(text, from, toks[k].start).trim().is_empty() {
            return None;
        }
        let opened = k;
        while k < toks.len() && in_list(&WORDS.determiners, toks[k].text) {
            k += 1;
        }
        let determined = k > opened;
        // `local councillor Jane Penrose`: adjectives before a role word.
        // (Not `in a letter`: a text that speaks is no role; nor `one` in `one party official`.)
        if let Some(skip) = (1..=2).find(|&n| {
            toks.get(k + n).is_some_and(|t| is_role_word(t.text) && !LEXICON.is_text_noun(t.text))
                && toks[k..k + n].iter().all(|t| !is_capitalised(t.text) && !is_role_word(t.text) && t.text != "one")
        }) {
            k += skip;
        }
        // `former Vermont governor Hal Dunne`: a modifier before a run of names that holds a
        // role word.
        if let Some(t) = toks.get(k).filter(|t| !is_capitalised(t.text) && !is_role_word(t.text)) {
            let lower_word = t.text.chars().all(char::is_lowercase) && !in_list(&WORDS.function_after, t.text);
            let run = toks[k + 1..].iter().take(4).take_while(|n| is_capitalised(n.text) || is_role_word(n.text));
            // (`former South Carolina Gov. Hal Dunne`: a title may be capitalised.)
            let role_in_run = run
                .clone()
                .any(|n| is_role_word(n.text) && (!is_capitalised(n.text) || LEXICON.title(&[n.text]).is_some()));
            if lower_word && toks.get(k + 1).is_some_and(|n| is_capitalised(n.text)) && role_in_run {
                k += 1;
            }
        }
        let mut first = *toks.get(k)?;
        // `said the 46-year-old`: an age stands for the person the text is about; before a
        // name (`76-year-old Morton Vale`) it is passed.
        if first.text.chars().all(|c| c.is_ascii_digit()) {
            if let [_, year, old, rest @ ..] = &toks[k..] {
                let hyphens =
                    [(&first, year), (year, old)].iter().all(|(a, b)| slice::from_to(text, a.end, b.start) == "-");
                if hyphens && year.text == "year" && old.text == "old" {
                    if determined {
                        return Some(first.start..old.end);
                    }
                    if rest.first().is_some_and(|n| is_capitalised(n.text)) {
                        k += 3;
                        first = toks[k];
                    }
                }
            }
        }
        if in_list(&WORDS.pronouns, first.text) {
            return Some(first.start..first.end);
        }
        let mut e = k;
        while e < toks.len() {
            let t = toks[e];
            if e > k && !text::joins_name(slice::from_to(text, toks[e - 1].end, t.start), toks[e - 1].text) {
                break;
            }
            // A title of several lower-case words (`prime minister`) belongs to the phrase.
            let title = title_len_at(&toks[e..]);
            if title > 1 {
                e += title;
                continue;
            }
            // `Local 12 president`: a number inside a body's name.
            let number = e > k
                && t.text.chars().all(|c| c.is_ascii_digit())
                && toks.get(e + 1).is_some_and(|n| is_capitalised(n.text) || is_role_word(n.text));
            // `Republican pollster Tom Birch`, `Clinton campaign chairman Jo Pike`: an occupation
            // in lower case between a name's modifiers and the name.
            let noun = |n: Option<&Token>| n.is_some_and(|n| ends_description(n.text) || is_role_word(n.text));
            let capital = |n: Option<&Token>| n.is_some_and(|n| is_capitalised(n.text));
            let occupation = e > k
                && ends_description(t.text)
                && self.joined(b, e)
                && (capital(toks.get(e + 1))
                    || noun(toks.get(e + 1)) && self.joined(b, e + 1) && capital(toks.get(e + 2)));
            // `Ohio-based pollster Al Cardenas`, `Kabul-born poet`, `Pulitzer Prize-winning
            // author`: a name made an adjective by a participle after a hyphen.
            let compound = e > k
                && t.text.chars().all(char::is_lowercase)
                && (t.text.ends_with("ed") || t.text.ends_with("ing") || t.text == "born")
                && is_capitalised(toks[e - 1].text)
                && toks[e - 1].text.chars().count() > 1
                && slice::from_to(text, toks[e - 1].end, t.start) == "-";
            let ok = is_capitalised(t.text)
                || is_role_word(t.text)
                || number
                || occupation
                || compound
                || (e > k && text::PARTICLES.contains(&t.text));
            if !ok {
                // `Republican presidential nominee Jo Pike`, `party co-founder Jo Pike`, `the
                // former model Jo Pike`.
                match self.description_before_name(b, e).filter(|_| e > k || determined) {
                    Some(name) => {
                        e = name;
                        continue;
                    }
                    None => break,
                }
            }
            e += 1;
            // `Commentary’s Noah Rothman`: a possessive goes on into a role or a name; `Ortiz’s
            // wife` is the wife.
            if text::is_possessive(t.text)
                && !toks.get(e).is_some_and(|n| is_role_word(n.text) || is_capitalised(n.text))
                && title_len_at(&toks[e..]) == 0
            {
                if toks.get(e).is_some_and(|n| is_kin(n.text) && self.joined(b, e - 1)) {
                    e += 1;
                }
                break;
            }
        }
        // `a Dunne supporter`: a name that only qualifies the noun after it.
        while determined
            && e > k
            && e < toks.len()
            && e - k < 6
            && ends_description(toks[e].text)
            && self.joined(b, e - 1)
        {
            e += 1;
        }
        (e > k).then(|| first.start..toks[e - 1].end)
    }

    /// Where a name starts after a lower-case description at token `k`: up to three words,
    /// adjectives or nouns, each perhaps hyphenated (`presidential front-runner`), the last a
    /// noun or a role, then a capital.
    fn description_before_name(&self, b: usize, k: usize) -> Option<usize> {
        let toks = &self.toks[b];
        let text = self.text(b);
        let gap = |j: usize| toks.get(j + 1).map(|n| slice::from_to(text, toks[j].end, n.start));
        let lower = |t: &Token| t.text.chars().all(char::is_lowercase);
        let mut j = k;
        for _ in 0..3 {
            // A word: its parts joined by hyphens.
            let mut last = j;
            while toks.get(last).is_some_and(lower) && gap(last) == Some("-") {
                last += 1;
            }
            let (first, end) = (toks.get(j)?, toks.get(last)?);
            if !lower(first) || !lower(end) {
                return None;
            }
            let next = toks.get(last + 1)?;
            if gap(last) != Some(" ") {
                return None;
            }
            let noun = ends_description(end.text) || is_role_word(end.text);
            if is_capitalised(next.text) {
                return noun.then_some(last + 1);
            }
            let modifier = noun || LEXICON.usual_tag(end.text) == Some("ADJ");
            if !modifier {
                return None;
            }
            j = last + 1;
        }
        None
    }

    /// `Hungary's prime minister, Viktor Orbán, was …`: the person named in apposition right
    /// after a subject that is only a role.
    pub(super) fn apposition_after(&self, b: usize, np: &Range<usize>) -> Option<Range<usize>> {
        let text = self.text(b);
        let rest = slice::after(text, np.end).strip_prefix(", ")?;
        let close = rest.find([',', '.', ';'])?;
        // `…, New Hampshire, Tom Birch went on.`: only the name, not the clause it opens.
        let inner = np.end + 2..np.end + 2 + close;
        let inner = self.np_after(b, inner.start).filter(|n| n.end <= inner.end).unwrap_or(inner);
        // `Simmons, an Obama supporter, said`: the person must head the apposition; `Her
        // father, Brad, 39,`: a given name alone will do.
        let given = {
            let w = slice::range(text, inner.clone());
            !w.contains(' ') && LEXICON.first_name(w).is_some()
        };
        let person = self.person_heading(b, &inner).is_some() || given;
        // (`Ortiz's wife, Melania,`: the person named in the subject only owns its noun.)
        let head_noun = slice::range(text, np.clone()).rsplit(' ').next().is_some_and(|w| !is_capitalised(w));
        let np_person = !head_noun && self.person_within(b, np).is_some();
        (person && !np_person && close < 60).then_some(inner)
    }
}
