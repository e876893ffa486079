//! Where a quotation's speaker is named: after it (`“…,” X said`), before it (`X said:`), in
//! `according to X`, in the sentence that introduces it, or carried over from the one before.

use super::context::{Ctx, Said};
use super::words::*;
use crate::analysis::entities::EntityKind;
use crate::analysis::lexicon::LEXICON;
use crate::analysis::text::{is_capitalised, Token};
use crate::text::lexicon::WORDS;
use crate::text::slice::{self, ceil};
use std::ops::Range;

impl<'a> Ctx<'a> {
    /// Who is said to speak by the speech verb at token `v` of block `b`.
    pub(super) fn speaker_of_verb(&self, b: usize, v: Token, floor: usize) -> Option<Said> {
        // `Roe issued a statement saying …`, `Roe replied on Facebook writing …`: the statement
        // and Facebook are objects; Roe speaks. (In `after the paper's editorial telling …` and
        // `with Roe saying …` the phrase is the participle's subject.)
        let participle = v.text.ends_with("ing");
        // (`returned the compliment to Adler, telling …`: nor is a name after a preposition;
        // but in `with Roe saying` and `after Roe's editorial telling` it is the subject.)
        let placed = |np: &Range<usize>| {
            matches!(
                self.preposition_before(b, np),
                Some("on" | "in" | "at" | "during" | "to" | "for" | "from" | "about" | "against" | "into")
            )
        };
        // (`… his rival, Hillary Clinton, saying …`: nor is a name in apposition to a noun.)
        let appositive = |np: &Range<usize>| {
            let before = slice::before(self.text(b), np.start).trim_end();
            before.strip_suffix(',').and_then(|b| b.split_whitespace().next_back()).is_some_and(|w| {
                w.chars().all(char::is_lowercase)
                    && !matches!(
                        LEXICON.usual_tag(w),
                        Some("VERB" | "AUX" | "ADV" | "ADP" | "PRON" | "SCONJ" | "CCONJ")
                    )
                    && !LEXICON.is_speech_verb(w)
            })
        };
        let np = self
            .np_before(b, v.start, floor)
            .filter(|np| !(participle && (self.is_object(b, np) || placed(np) || appositive(np))));
        // `A letter from the league obtained by the Courier warns …`: a name after `by` is the
        // agent of a participle; what the participle follows speaks.
        if let Some((np, by)) = np.as_ref().and_then(|np| Some((np, self.by_before(b, np, floor)?))) {
            let before = self.toks_until(b, by.start);
            let participle = before.last().filter(|t| {
                t.text.chars().all(char::is_lowercase)
                    && (t.text.ends_with("ed") || LEXICON.usual_tag(t.text) == Some("VERB"))
            });
            let Some(participle) = participle else {
                // (`a story by the website Politico says`: the author speaks.)
                return self.resolve(b, np.clone());
            };
            return self.np_before(b, participle.start, floor).and_then(|np| self.resolve(b, np));
        }
        // `said Scott Reed, the group's strategist, who added that …`: `who` is the person
        // named before it in the sentence.
        // (Only after a comma: `an official who spoke anonymously said` is described.)
        let who = self.toks_until(b, v.start).last().filter(|t| t.text == "who");
        if let Some(who) = who.filter(|w| slice::before(self.text(b), w.start).trim_end().ends_with(',')) {
            return self.antecedent_of_who(b, who.start);
        }
        // `…, telling X` or `…, stating:` after a clause: the clause's subject speaks.
        // `Clinton, 35, the daughter of …, said` and `Roe called on her to resign and said`: a
        // verb after appositions or after `and` has the sentence's subject.
        let before = slice::before(self.text(b), v.start).trim_end();
        let coordinated = before.ends_with(',') || before.ends_with(" and") || before.ends_with(" but");
        let subject_speaks =
            participle || (np.is_none() && (v.text.ends_with("ed") || coordinated && v.text != "told"));
        np.and_then(|np| self.resolve(b, np)).or_else(|| {
            if !subject_speaks {
                return None;
            }
            // `“…,” said Roe at the time, adding that “…”`: the speaker of a quotation earlier in
            // the sentence goes on.
            let sent = self.sentence(b, v.start);
            let earlier = self.quoted.last().filter(|s| s.block == b && (sent.start..v.start).contains(&s.at));
            if let Some(s) = earlier {
                return Some(s.said.clone());
            }
            // `with Roe tweeting that … and asking, “…”`: a participle joined to one before it
            // has its speaker.
            if participle && before.ends_with(" and") {
                if let Some(s) = self.last_verb(b, sent.start..v.start).and_then(|p| self.speaker_of_verb(b, p, floor))
                {
                    return Some(s);
                }
            }
            // `Vance left early, Haddad said, adding, “…”`: the subject of the verb of speech
            // just before, not the sentence's.
            if participle {
                if let Some(s) = self.said_just_before(b, v.start, sent.start) {
                    return Some(s);
                }
            }
            self.sentence_subject(b, v.start).and_then(|np| self.resolve(b, np))
        })
    }

    /// The person a `who` at byte `at` after a comma means: named right before the comma
    /// (`from President Jo Pike, who`), before a place (`Jo Pike of Ohio, who`) or before an
    /// apposition (`Jo Pike, the group's strategist, who`).
    fn antecedent_of_who(&self, b: usize, at: usize) -> Option<Said> {
        let text = self.text(b);
        let floor = self.sentence(b, at).start;
        let comma = floor + slice::from_to(text, floor, at).rfind(',')?;
        let person = |end: usize| {
            let np = self.np_ending(b, end, floor)?;
            self.resolve(b, np).filter(|s| s.person)
        };
        person(comma).or_else(|| self.person_of_place_before(b, at)).or_else(|| {
            let prev = floor + slice::from_to(text, floor, comma).rfind(',')?;
            let apposition = slice::from_to(text, prev + 1, comma).trim_start();
            apposition.starts_with(char::is_lowercase).then(|| person(prev)).flatten()
        })
    }

    /// `Jo Pike of Ohio, who`: the person named before `of` and a place that end at the comma
    /// before byte `at`.
    fn person_of_place_before(&self, b: usize, at: usize) -> Option<Said> {
        let m = &self.ents.mentions;
        let end = m.partition_point(|x| (x.block, x.range.start) < (b, at));
        let [.., person, place] = &m[..end] else { return None };
        let text = self.text(b);
        let joined = person.block == b
            && place.block == b
            && slice::from_to(text, person.range.end, place.range.start) == " of "
            && slice::from_to(text, place.range.end, at).trim() == ",";
        let kinds = (self.ents.entities[person.entity].kind, self.ents.entities[place.entity].kind);
        (joined && kinds == (EntityKind::Person, EntityKind::Place)).then(|| self.said_by_entity(person.entity))
    }

    /// The `by` before the name `np` (`by the Courier`, `by The Associated Press`).
    fn by_before(&self, b: usize, np: &Range<usize>, floor: usize) -> Option<Token<'_>> {
        let before = self.toks_until(b, np.start);
        let before = &before[before.partition_point(|t| t.start < floor)..];
        let k = before.iter().rposition(|t| !(is_capitalised(t.text) || in_list(&WORDS.determiners, t.text)))?;
        let between = slice::from_to(self.text(b), before[k].end, np.start);
        (before[k].text == "by" && !between.contains([',', '“', '"'])).then_some(before[k])
    }

    /// `…, Haddad said, adding` and `Hollande said on Tuesday in Paris, noting`: the speaker
    /// of the verb of speech before the participle's clause, its subject opening a clause.
    fn said_just_before(&self, b: usize, at: usize, floor: usize) -> Option<Said> {
        let text = self.text(b);
        if !slice::before(text, at).trim_end().ends_with(',') {
            return None;
        }
        let prev = self.last_verb(b, floor..at)?;
        let np = self.np_before(b, prev.start, floor)?;
        // (Only a name or a pronoun at the start of its clause: `…, Haddad said,`.)
        let before = slice::before(text, np.start).trim_end();
        let opens_clause = before.is_empty() || before.ends_with([',', '.', ';']);
        opens_clause.then(|| self.resolve(b, np)).flatten()
    }

    /// Whether the noun phrase `np` is the object of a verb just before it (`issued a
    /// statement`, `put out a letter`).
    pub(super) fn is_object(&self, b: usize, np: &Range<usize>) -> bool {
        let toks = self.toks_until(b, np.start);
        let mut k = toks.len();
        while k > 0 && in_list(&WORDS.determiners, toks[k - 1].text) {
            k -= 1;
        }
        let Some(prev) = k.checked_sub(1).map(|i| toks[i]) else { return false };
        let w = prev.text;
        let verb = w.chars().all(char::is_lowercase)
            && (LEXICON.usual_tag(w) == Some("VERB") || w.ends_with("ed") || w == "out");
        // (Only words between, at most a determiner: in `concerned,” the members` the comma
        // and the mark end the clause.)
        let gap = slice::from_to(self.text(b), prev.end, np.start);
        verb && gap.split_whitespace().count() <= 1 && gap.chars().all(|c| c.is_alphabetic() || c.is_whitespace())
    }

    /// `…, said Grant Green, a former official.`: a person named after a speech verb that
    /// follows a comma in the sentence at `at`, with the verb's offset.
    pub(super) fn reported_after_comma(&self, b: usize, at: usize) -> Option<(usize, Said)> {
        let sent = self.sentence(b, at);
        let v = self.last_verb(b, sent.clone())?;
        let text = self.text(b);
        let np = if slice::before(text, v.start).trim_end().ends_with(',') {
            // (`…, accusing Roe’s followers of sexism`: a participle's object is no speaker.)
            if v.text.ends_with("ing") {
                return None;
            }
            self.np_after(b, slice::next_char(text, v.end))?
        } else {
            // `…refugees, Mayor Ted Terry noted.`, `…the ablest candidate Roe argues.`: the name
            // right before a verb that closes the sentence.
            let np = self.np_before(b, v.start, sent.start)?;
            let tail = slice::from_to(text, v.end, sent.end).split_whitespace().count();
            if np.start == sent.start || tail > 4 {
                return None;
            }
            np
        };
        let person = self.person_within(b, &np).is_some();
        let said = self.resolve(b, np).filter(|s| person && !s.body)?;
        Some((v.start, said))
    }

    /// `According to X` in the sentence.
    pub(super) fn according_to(&self, b: usize, range: Range<usize>) -> Option<Said> {
        let text = self.text(b);
        // Lower-cased in ASCII only, so that offsets in the copy are offsets in the text.
        let lower = slice::range(text, range.clone()).to_ascii_lowercase();
        let at = lower.find("according to ")? + ceil(text, range.start) + "according to ".len();
        if let Some(said) = self.np_after(b, at).and_then(|np| self.resolve(b, np)) {
            return Some(said);
        }
        // `according to a news release from the RCMP`: the person or body named in the phrase.
        let phrase_end = slice::after(text, at).find([',', '.', ';', ':', '“', '"']).map_or(range.end, |e| at + e);
        let e = self.ents.within(b, &(at..phrase_end))?;
        matches!(self.ents.entities[e].kind, EntityKind::Person | EntityKind::Organization)
            .then(|| self.said_by_entity(e))
    }

    /// Where the words after a quotation's closing mark begin (past marks, commas and spaces),
    /// if that is before `sent_end`.
    pub(super) fn attribution_start(&self, b: usize, close: usize, sent_end: usize) -> Option<usize> {
        slice::after(self.text(b), close)
            .char_indices()
            .find(|(_, c)| !matches!(c, '”' | '’' | '"' | '\'' | '»' | ',' | ' '))
            .map(|(i, _)| close + i)
            .filter(|&from| from < sent_end)
    }

    /// The attribution after a quotation in its sentence: `“…,” X said`, `said X`.
    pub(super) fn after_quote(&self, b: usize, close: usize, sent_end: usize) -> Option<Said> {
        let text = self.text(b);
        let from = self.attribution_start(b, close, sent_end)?;
        let toks = self.toks_in(b, &(from..sent_end));
        let first = toks.first()?;
        // `“…,” according to CNN.`
        if first.text.eq_ignore_ascii_case("according") && toks.get(1).is_some_and(|t| t.text == "to") {
            return self.according_to(b, from..sent_end);
        }
        // `“Absolutely not,” came the reply from Roe.`
        if let [came, the, reply, by, ..] = toks {
            let answer = matches!(reply.text, "reply" | "response" | "answer" | "retort");
            if came.text == "came" && the.text == "the" && answer && by.text == "from" {
                return self.np_after(b, slice::next_char(text, by.end)).and_then(|np| self.resolve(b, np));
            }
        }
        if LEXICON.is_speech_verb(first.text) {
            let np = self
                .np_after(b, slice::next_char(text, first.end))
                .or_else(|| self.person_after_occupation(b, first.end, sent_end))?;
            // `said the minister, Jane Doe.`
            let np = self.apposition_after(b, &np).unwrap_or(np);
            return self.resolve(b, np);
        }
        let Some(np) = self.np_after(b, from) else {
            if let Some(said) = self.said_at_the_end(b, toks) {
                return Some(said);
            }
            // `“…,” one voter, Maria Lopez, 45, told the AP`: the speech verb soon after, and
            // its subject before it.
            let verb = toks.iter().take(20).find(|t| self.is_verb_here(b, t))?;
            if let Some(said) = self.np_before(b, verb.start, from).and_then(|np| self.resolve(b, np)) {
                return Some(said);
            }
            // `“…” if it is funded, said Dana Quill`: the speaker follows the verb.
            if slice::before(text, verb.start).trim_end().ends_with(',') {
                let np = self.np_after(b, slice::next_char(text, verb.end))?;
                let np = self.apposition_after(b, &np).unwrap_or(np);
                return self.resolve(b, np);
            }
            return None;
        };
        let mut after_np = np.end;
        // `Sen. Dana Quill (D-Ore.) said`: an aside in parentheses after the name.
        if let Some(rest) = slice::from_to(text, after_np, sent_end).strip_prefix(" (") {
            if let Some(c) = rest.find(')').filter(|&c| c <= 40) {
                after_np += 2 + c + 1;
            }
        }
        // Appositions between the speaker and the verb: `Berg, 52, told`, `Smith, a minister,
        // said`, `one voter, Maria Lopez, 45, told`.
        let mut named: Option<Range<usize>> = None;
        for _ in 0..5 {
            let Some(rest) = slice::from_to(text, after_np, sent_end).strip_prefix(", ") else { break };
            // `Poole, a former candidate, told X on Tuesday, when …`: the verb ends the appositions.
            if rest.split_whitespace().next().is_some_and(|w| LEXICON.is_speech_verb(w)) {
                break;
            }
            let words_to = |c: usize| slice::before(rest, c).split_whitespace().count();
            // `Robert Roe, attorney for one of four groups to file suit over the law, said`: a
            // longer apposition when a speech verb follows it.
            let to_verb = || {
                rest.match_indices(", ").map(|(c, _)| c).take_while(|&c| words_to(c) <= 30).find(|&c| {
                    slice::after(rest, c + 2).split_whitespace().next().is_some_and(|w| LEXICON.is_speech_verb(w))
                })
            };
            let Some(close) = rest.find(", ").filter(|&c| words_to(c) <= 6).or_else(to_verb) else {
                break;
            };
            let inner = after_np + 2..after_np + 2 + close;
            if named.is_none() && self.person_within(b, &inner).is_some() {
                named = Some(inner);
            }
            after_np += 2 + close;
        }
        if named.is_some() || slice::after(text, after_np).starts_with(',') {
            after_np += 1;
        }
        let verb = toks.iter().find(|t| t.start >= after_np && !skips_before_verb(t.text))?;
        let between = slice::from_to(text, after_np, verb.start);
        // `“…?” Hannity pressed.`: right after a quotation, a name and a verb in the past that
        // ends the clause report speech even when the lexicon does not list the verb.
        let reporting =
            LEXICON.is_speech_verb(verb.text) || (np.start == from && self.ends_with_past_verb(b, verb, sent_end));
        let verb_ok = reporting && between.split_whitespace().count() <= 1 && !between.contains(',');
        if !verb_ok {
            return self
                .said_at_the_end(b, toks)
                .or_else(|| self.person_then_verb(b, &np, toks))
                .or_else(|| self.long_subject_said(b, toks));
        }
        let np_names_a_person = self.person_within(b, &np).is_some();
        let np = match named {
            Some(inner) if !np_names_a_person => inner,
            _ => np,
        };
        self.resolve(b, np)
    }

    /// `said picketer Sandeep Gill`: a person's name after a few words in lower case (an
    /// occupation the lexicon does not know) right after the verb.
    fn person_after_occupation(&self, b: usize, verb_end: usize, sent_end: usize) -> Option<Range<usize>> {
        let text = self.text(b);
        let toks = self.toks_in(b, &(verb_end..sent_end));
        let k = toks.iter().take(4).position(|t| is_capitalised(t.text))?;
        let plain = toks[..k].iter().all(|t| t.text.chars().all(|c| c.is_lowercase() || c == '-'));
        let gap = slice::from_to(text, verb_end, toks[k].start);
        if k == 0 || !plain || gap.contains([',', '.', ';', ':', '(']) {
            return None;
        }
        // (`said one Trump confidant`: a name inside a description of someone unnamed.)
        if toks[..k].iter().any(|t| matches!(t.text, "a" | "an" | "one" | "another")) {
            return None;
        }
        let np = self.np_after(b, toks[k].start)?;
        let person = self.person_within(b, &np).is_some();
        let rest = slice::from_to(text, np.end, sent_end);
        let ends = rest.trim().is_empty()
            || rest.starts_with([',', '.', ';', '!', '?'])
            || [" of ", " at ", " in ", " from ", " on ", " during ", " who "].iter().any(|p| rest.starts_with(p));
        (person && ends).then_some(np)
    }

    /// `“…” if she loses by less, said Dana Quill, an analyst.`, `“…” that would …, Dana Quill
    /// wrote.`: the sentence goes on after the quotation (`toks`) and ends with its attribution.
    fn said_at_the_end(&self, b: usize, toks: &[Token]) -> Option<Said> {
        let text = self.text(b);
        let toks = &toks[..toks.len().min(30)];
        // (`, noting the nominee …`: a participle's noun is what it reports, not who.)
        // (`, told the paper`: whom one tells is not who speaks.)
        let comma_said = toks.iter().find(|t| {
            LEXICON.is_speech_verb(t.text)
                && !t.text.ends_with("ing")
                && !in_list(&WORDS.takes_listener, t.text)
                && slice::before(text, t.start).trim_end().ends_with(',')
        });
        if let Some(np) = comma_said.and_then(|v| self.np_after(b, slice::next_char(text, v.end))) {
            let np = self.apposition_after(b, &np).unwrap_or(np);
            if let Some(said) = self.resolve(b, np) {
                return Some(said);
            }
        }
        self.comma_subject_said(b, toks)
    }

    /// `“…,” Dana Quill, the analyst who founded the site tweeted.`: a person right after the
    /// quotation, a description without its closing comma, then the speech verb, with no
    /// other person named on the way.
    fn person_then_verb(&self, b: usize, np: &Range<usize>, toks: &[Token]) -> Option<Said> {
        let person = |r: &Range<usize>| self.person_within(b, r).is_some();
        if !person(np) || !slice::after(self.text(b), np.end).starts_with(", ") {
            return None;
        }
        let after: Vec<&Token> = toks.iter().filter(|t| t.start >= np.end).take(15).collect();
        let verb = after.iter().find(|t| LEXICON.is_speech_verb(t.text) && !t.text.ends_with("ing"))?;
        let between = np.end..verb.start;
        let other = self.ents.mentions.iter().any(|m| {
            m.block == b
                && m.range.start >= between.start
                && m.range.end <= between.end
                && self.ents.entities[m.entity].kind == EntityKind::Person
        });
        (!other).then(|| self.resolve(b, np.clone())).flatten()
    }

    /// `“…,” Fight for $15 organizing director Kendall Fells told Fox`: a subject too long to
    /// parse as one phrase, then the verb, with no comma on the way; the person named right
    /// before the verb speaks.
    fn long_subject_said(&self, b: usize, toks: &[Token]) -> Option<Said> {
        let first = toks.first()?;
        let verb = toks.iter().take(12).find(|t| self.is_verb_here(b, t) && !t.text.ends_with("ing"))?;
        if slice::from_to(self.text(b), first.start, verb.start).contains([',', ';', ':', '(']) {
            return None;
        }
        let np = self.np_before(b, verb.start, first.start)?;
        let person = self.person_within(b, &np).is_some();
        person.then(|| self.resolve(b, np)).flatten()
    }

    /// A last clause among `toks`, after a comma, that is a person and a speech verb (`…,
    /// Dana Quill wrote in a filing.`), with the person.
    fn comma_subject_said(&self, b: usize, toks: &[Token]) -> Option<Said> {
        let text = self.text(b);
        let first = toks.first()?;
        // (`… that would respond to requests, Dana Quill wrote`: not every speech verb on the
        // way is the attribution's.)
        toks.iter().filter(|v| LEXICON.is_speech_verb(v.text) && !v.text.ends_with("ing")).find_map(|verb| {
            let np = self.np_before(b, verb.start, first.start)?;
            let person = self.person_within(b, &np).is_some();
            let clause_ended = slice::from_to(text, first.start, np.start).contains(',');
            (person && clause_ended).then(|| self.resolve(b, np)).flatten()
        })
    }

    /// Whether `verb` is a verb in the past (`barked`, `pressed`) that ends its clause, or is
    /// followed only by a preposition or an adverb.
    fn ends_with_past_verb(&self, b: usize, verb: &Token, sent_end: usize) -> bool {
        let w = verb.text;
        let past = w.len() > 4 && w.ends_with("ed") && w.chars().all(char::is_lowercase);
        let rest = slice::from_to(self.text(b), verb.end, sent_end).trim_start();
        let next = rest.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        // (`“…,” Dunne barked and a guard escorted him out`: a conjunction ends the clause too.)
        let closes = rest.is_empty()
            || rest.starts_with([',', '.', ';', '!', '?'])
            || matches!(next, "and" | "as" | "while" | "before");
        let light = !next.is_empty()
            && (matches!(LEXICON.usual_tag(next), Some("ADP" | "ADV")) || next.ends_with("ly") && next.len() > 4);
        past && (closes || light)
    }
}
