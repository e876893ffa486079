//! What the speaker rules share about one article: its sentences, words, quotation spans and
//! the subjects seen so far (for pronouns), and the lookups on them.

use super::after_char;
use super::marks::Found;
use super::words::token_index;
use crate::analysis::entities::{Entities, EntityKind, Mention};
use crate::analysis::lexicon::{Gender, LEXICON};
use crate::analysis::text::{sentence_at, sentence_breaks, Token};
use crate::article::{Article, BlockKind};
use crate::text::slice::{self, ceil};
use std::ops::Range;

/// Who said it: the name shown, and what pronoun resolution needs to know of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Said {
    pub(super) speaker: String,
    pub(super) gender: Option<Gender>,
    pub(super) body: bool,
    /// Named as a person the article knows (not a bare capitalised word or a description).
    pub(super) person: bool,
}

/// A subject seen in the narrative, for pronouns.
#[derive(Debug, Clone)]
pub(super) struct Subject {
    pub(super) block: usize,
    pub(super) at: usize,
    pub(super) said: Said,
    /// Whether this subject spoke a quotation (rather than only opened a sentence).
    pub(super) spoke: bool,
}

/// How far from a quotation its attribution is looked for, in bytes: longer than any real
/// sentence.
pub(super) const SENTENCE_WINDOW: usize = 1200;

pub(super) struct Ctx<'a> {
    pub(super) article: &'a Article,
    pub(super) ents: &'a Entities,
    /// Top-level quote ranges of each block (marks included), for sentence bounds.
    pub(super) spans: Vec<Vec<Range<usize>>>,
    pub(super) breaks: Vec<Vec<usize>>,
    /// The words of each block, found once.
    pub(super) toks: &'a [Vec<Token<'a>>],
    /// Subjects of narrative sentences, in order.
    pub(super) subjects: Vec<Subject>,
    /// Speakers of the quotations attributed so far, in order.
    pub(super) quoted: Vec<Subject>,
}

/// How many subjects back a pronoun is looked for.
pub(super) const PRONOUN_LOOKBACK: usize = 200;

impl<'a> Ctx<'a> {
    pub(super) fn new(article: &'a Article, ents: &'a Entities, toks: &'a [Vec<Token<'a>>], found: &[Found]) -> Self {
        let mut spans = vec![Vec::new(); article.blocks.len()];
        for q in found {
            for (b, block_spans) in spans.iter_mut().enumerate().take(q.end_block + 1).skip(q.block) {
                let text = &article.blocks[b].text;
                let start = if b == q.block { q.open } else { 0 };
                let end = if b == q.end_block { after_char(text, q.end) } else { text.len() };
                block_spans.push(start..end);
            }
        }
        let breaks = article.blocks.iter().zip(&spans).map(|(b, s)| sentence_breaks(&b.text, s)).collect();
        Ctx { article, ents, spans, breaks, toks, subjects: Vec::new(), quoted: Vec::new() }
    }

    pub(super) fn text(&self, b: usize) -> &'a str {
        &self.article.blocks[b].text
    }

    /// The sentence around `at`, but never more than [`SENTENCE_WINDOW`] bytes either side: a
    /// block with no sentence breaks (a page saved as one line) must not make every quotation
    /// look through all of it.
    pub(super) fn sentence(&self, b: usize, at: usize) -> Range<usize> {
        let text = self.text(b);
        let s = sentence_at(&self.breaks[b], text.len(), at);
        let start = s.start.max(ceil(text, at.saturating_sub(SENTENCE_WINDOW)));
        let end = s.end.min(slice::floor(text, at.saturating_add(SENTENCE_WINDOW)));
        start..end.max(start)
    }

    /// The words of block `b` inside `range`, found by binary search.
    pub(super) fn toks_in(&self, b: usize, range: &Range<usize>) -> &[Token<'a>] {
        let toks = self.toks_until(b, range.end);
        &toks[token_index(toks, range.start)..]
    }

    /// The words of block `b` that end at or before byte `end`.
    pub(super) fn toks_until(&self, b: usize, end: usize) -> &[Token<'a>] {
        let toks = &self.toks[b];
        &toks[..toks.partition_point(|t| t.end <= end)]
    }

    /// Spans are in order and do not overlap: a binary search.
    pub(super) fn in_quote(&self, b: usize, at: usize) -> bool {
        let spans = &self.spans[b];
        let k = spans.partition_point(|s| s.start <= at);
        spans[..k].last().is_some_and(|s| at < s.end)
    }
    /// A speaker going on from an earlier quotation, with what was known of them then.
    pub(super) fn said_again(&self, speaker: &str) -> Said {
        let known = self.quoted.iter().rev().find(|s| s.said.speaker == speaker).map(|s| s.said.clone());
        known.unwrap_or_else(|| Said { speaker: speaker.to_string(), gender: None, body: false, person: false })
    }

    pub(super) fn said_by_entity(&self, e: usize) -> Said {
        let ent = &self.ents.entities[e];
        let person = ent.kind == EntityKind::Person;
        Said { speaker: ent.name.clone(), gender: ent.gender, body: !person, person }
    }

    pub(super) fn role_holder(&self, title: &str, org: Option<&str>) -> Option<usize> {
        fn class(t: &str) -> &str {
            match t {
                "chief" | "boss" | "head" | "leader" | "secretary general" | "secretary-general"
                | "general secretary" | "director general" | "director-general" | "chair" | "chairman"
                | "chairwoman" => "head",
                other => other,
            }
        }
        let want = class(title);
        let mut best: Option<(usize, usize)> = None;
        for (i, e) in self.ents.entities.iter().enumerate() {
            if e.kind != EntityKind::Person {
                continue;
            }
            let fits = e.roles.iter().any(|r| {
                class(&r.title) == want
                    && match org {
                        Some(o) => r.org.as_deref().is_some_and(|ro| ro.eq_ignore_ascii_case(o)),
                        None => true,
                    }
            });
            let plain = e.roles.iter().any(|r| r.org.is_none() && class(&r.title) == want);
            let score = e.mentions + if plain { 1000 } else { 0 };
            if fits && best.is_none_or(|(_, s)| score > s) {
                best = Some((i, score));
            }
        }
        best.map(|(i, _)| i)
    }

    /// The subjects before byte `at` of block `b`, latest first: the narrative's and the
    /// speakers of quotations, merged (a speaker wins a tie, as the later finding).
    pub(super) fn subjects_before(&self, b: usize, at: usize) -> impl Iterator<Item = &Subject> {
        fn before(list: &[Subject], b: usize, at: usize) -> &[Subject] {
            &list[..list.partition_point(|s| (s.block, s.at) < (b, at))]
        }
        let (mut n, mut q) = (before(&self.subjects, b, at), before(&self.quoted, b, at));
        std::iter::from_fn(move || {
            let take_q = match (n.last(), q.last()) {
                (None, None) => return None,
                (Some(x), Some(y)) => (y.block, y.at) >= (x.block, x.at),
                (None, Some(_)) => true,
                (Some(_), None) => false,
            };
            let list = if take_q { &mut q } else { &mut n };
            let (last, rest) = list.split_last()?;
            *list = rest;
            Some(last)
        })
    }

    /// `he` / `she`: the last subject of that gender; a body counts when it spoke last.
    pub(super) fn pronoun(&self, p: &str, b: usize, at: usize) -> Option<Said> {
        let want = match p {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            _ => None,
        };
        // `As for Trump, he said …`: the topic the sentence opened with.
        if let Some(topic) = self.topic_before(b, at) {
            if want.is_some() && topic.person && topic.gender.is_none_or(|g| Some(g) == want) {
                return Some(topic);
            }
        }
        let mut first = true;
        for s in self.subjects_before(b, at).take(PRONOUN_LOOKBACK) {
            if want.is_none() {
                // (`Jane Roe and Dan Ortiz run the shelter. “…,” they said.`: the two.)
                return if s.said.body { Some(s.said.clone()) } else { self.pair_at(s.block, s.at) };
            }
            if s.said.body {
                // `China may outnumber them, he says`: a body is `he` only as the last speaker,
                // and not when a person was named since.
                if first && s.spoke && self.person_named_between((s.block, s.at), (b, at), want).is_none() {
                    return Some(s.said.clone());
                }
            } else if s.said.gender == want || s.said.gender.is_none() && (s.said.person || s.spoke) {
                // A capitalised word that opened a sentence (`University`) is nobody's `she`.
                // `… the report said that Vale had seen bruises. “…,” he wrote.`: a person named
                // in this paragraph, though not its subject, is nearer than one from before it.
                if s.block < b {
                    if let Some(e) = self.clause_subject_in(b, at, want) {
                        return Some(self.said_by_entity(e));
                    }
                }
                // `Aides say Roe also advises her father. ¶ “…,” she said.`: so is one named in
                // the paragraph just before, when the subject found is older than that.
                if s.block + 1 < b {
                    let prev = b - 1;
                    if let Some(e) = self.clause_subject_in(prev, self.text(prev).len(), want) {
                        return Some(self.said_by_entity(e));
                    }
                    // (`To professor Jane Roe, the stare reflected sadness. ¶ “…,” she said.`:
                    // and one named there at all, when the name says she is a she, and the
                    // subject found is not named since. An owner (`Obama’s campaign`) is not
                    // whom the text is about.)
                    let m = &self.ents.mentions;
                    let (lo, hi) = (
                        m.partition_point(|x| x.block < prev),
                        m.partition_point(|x| (x.block, x.range.start) < (b, at)),
                    );
                    let since = m[lo..hi].iter().any(|x| self.ents.entities[x.entity].name == s.said.speaker);
                    let known = self
                        .people_named_between((prev, 0), (b, at), want)
                        .find(|x| want.is_some() && self.ents.entities[x.entity].gender == want && !self.is_owner(x));
                    if let Some(x) = known.filter(|_| !since) {
                        return Some(self.said_by_entity(x.entity));
                    }
                }
                return Some(s.said.clone());
            }
            first = false;
        }
        // `One of the claims of President Hal Dunne's speech … He told his audience`: no person
        // was a subject, so the person named last, in this paragraph or the one before.
        let from = (b.saturating_sub(1), 0);
        want.and(self.person_named_between(from, (b, at), want)).map(|e| self.said_by_entity(e))
    }

    /// Two people named at byte `at` of block `b` joined by `and` (`Jane Roe and Dan Ortiz`),
    /// as one speaker.
    fn pair_at(&self, b: usize, at: usize) -> Option<Said> {
        let m = &self.ents.mentions;
        let k = m.partition_point(|x| (x.block, x.range.start) < (b, at));
        let [one, two] = m.get(k..k + 2)? else { return None };
        let person = |x: &Mention| x.block == b && self.ents.entities[x.entity].kind == EntityKind::Person;
        let text = self.text(b);
        // (Only as the subject that opens its sentence, a verb after it: not the end of a list,
        // `victims such as Roe, Dunne and Pike, have become …`.)
        let opens = at == self.sentence(b, at).start;
        let verb_after =
            slice::after(text, two.range.end).strip_prefix(' ').is_some_and(|r| r.starts_with(char::is_lowercase));
        let joined = one.range.start == at
            && opens
            && verb_after
            && slice::from_to(text, one.range.end, two.range.start) == " and ";
        (joined && person(one) && person(two)).then(|| {
            let names = (&self.ents.entities[one.entity].name, &self.ents.entities[two.entity].name);
            Said { speaker: format!("{} and {}", names.0, names.1), gender: None, body: false, person: false }
        })
    }

    /// Whether a verb of speech follows byte `at` of block `b`, at most one adverb between.
    fn speech_verb_follows(&self, b: usize, at: usize) -> bool {
        let toks = &self.toks[b];
        let k = toks.partition_point(|t| t.start < at);
        let gap = |k: usize| toks.get(k).is_some_and(|t| slice::from_to(self.text(b), at, t.start).trim().is_empty());
        let verb = |t: &Token| self.is_verb_here(b, t);
        match (toks.get(k), toks.get(k + 1)) {
            (Some(t), _) if gap(k) && verb(t) => true,
            (Some(adv), Some(t)) => gap(k) && adv.text.ends_with("ly") && verb(t),
            _ => false,
        }
    }

    /// The last person of a gender that fits `want` named before byte `at` of block `b` as the
    /// subject of a verb (`… said that Vale had seen …`), not as an object or an owner.
    fn clause_subject_in(&self, b: usize, at: usize, want: Option<Gender>) -> Option<usize> {
        let text = self.text(b);
        self.people_named_between((b, 0), (b, at), want)
            .find(|x| {
                let verb = |w: &str| {
                    w.chars().all(char::is_lowercase)
                        && (w.ends_with("ed") || matches!(LEXICON.usual_tag(w), Some("VERB" | "AUX")))
                };
                // (`Gilda Moore, a member of the committee, recalled`: past an apposition.)
                // (An owner is not a subject: `Roe’s lead could erode`.)
                if self.is_owner(x) {
                    return false;
                }
                let mut rest = slice::after(text, x.range.end);
                if let Some(inner) = rest.strip_prefix(", ").filter(|i| i.starts_with(char::is_lowercase)) {
                    let close = inner.find(", ").filter(|&c| c < 80 && !slice::before(inner, c).contains(['.', ';']));
                    if let Some(c) = close {
                        rest = slice::after(inner, c + 1);
                    }
                }
                let mut next = rest.strip_prefix(' ').map(|r| r.split(' ')).into_iter().flatten();
                // (`Roe also advises`: one adverb may stand between.)
                match next.next() {
                    Some(w) if verb(w) => true,
                    Some(w) if LEXICON.usual_tag(w) == Some("ADV") => next.next().is_some_and(verb),
                    _ => false,
                }
            })
            .map(|x| x.entity)
    }

    /// The last person of a gender that fits `want` named between two places of the text,
    /// outside quotations.
    fn person_named_between(&self, from: (usize, usize), to: (usize, usize), want: Option<Gender>) -> Option<usize> {
        self.people_named_between(from, to, want).next().map(|x| x.entity)
    }

    /// The mentions of people of a gender that fits `want` between two places of the text,
    /// latest first. (A name inside a quotation is what was said, not whom the text is about.)
    fn people_named_between(
        &self,
        from: (usize, usize),
        to: (usize, usize),
        want: Option<Gender>,
    ) -> impl Iterator<Item = &Mention> {
        let m = &self.ents.mentions;
        let end = m.partition_point(|x| (x.block, x.range.start) < to);
        m[..end].iter().rev().take_while(move |x| (x.block, x.range.start) >= from).filter(move |x| {
            let e = &self.ents.entities[x.entity];
            e.kind == EntityKind::Person
                && e.gender.is_none_or(|g| Some(g) == want)
                && !self.in_quote(x.block, x.range.start)
        })
    }

    /// The person a sentence opens with as its topic (`As for Roe, …`), when the words at `at`
    /// follow that opening straight after its comma.
    fn topic_before(&self, b: usize, at: usize) -> Option<Said> {
        let text = self.text(b);
        let sent = self.sentence(b, at);
        let opening = slice::from_to(text, sent.start, at).trim_end();
        let topic = opening.strip_suffix(',')?;
        let rest = ["As for ", "As to ", "As regards "].iter().find_map(|p| topic.strip_prefix(p))?;
        if rest.contains([',', ';', '.']) || rest.split_whitespace().count() > 4 {
            return None;
        }
        let from = sent.start + (topic.len() - rest.len());
        let np = self.np_after(b, from)?;
        self.resolve(b, np)
    }

    /// The person named with a possessive at the start of `np` (`Roe’s` in `Roe’s lawsuit`),
    /// when `np` is not that person.
    fn person_owning(&self, b: usize, np: &Range<usize>) -> Option<Said> {
        let m = &self.ents.mentions;
        let k = m.partition_point(|x| (x.block, x.range.start) < (b, np.start));
        let x = m.get(k).filter(|x| x.block == b && x.range.start == np.start && x.range.end < np.end)?;
        let owns_more = self.is_owner(x) && slice::from_to(self.text(b), x.range.end, np.end).contains(' ');
        (owns_more && self.ents.entities[x.entity].kind == EntityKind::Person).then(|| self.said_by_entity(x.entity))
    }

    /// Whether a mention is written as an owner (`Roe’s`, `Roe's`).
    fn is_owner(&self, x: &Mention) -> bool {
        slice::after(self.text(x.block), x.range.end).starts_with(['’', '\''])
    }

    /// Records the subject of every narrative sentence, for pronouns. Each subject is
    /// resolved against the ones before it, so `He` in one sentence takes the person of an
    /// earlier one.
    pub(super) fn collect_subjects(&mut self) {
        self.subjects.clear();
        for (b, block) in self.article.blocks.iter().enumerate() {
            // (A question on a line of its own, `Was Dunne satisfied?`, may be taken for a
            // heading; it is still about someone.)
            if block.kind == BlockKind::Heading && !block.text.ends_with('?') {
                continue;
            }
            let starts: Vec<usize> = std::iter::once(0).chain(self.breaks[b].iter().copied()).collect();
            for s in starts {
                if s >= block.text.len() || self.in_quote(b, s) {
                    continue;
                }
                if let Some(np) = self.sentence_subject(b, s) {
                    // `Roe’s lawsuit demands … He also seeks`: the owner of a subject is a
                    // person a `he` or `she` after it may mean.
                    if let Some(owner) = self.person_owning(b, &np) {
                        self.subjects.push(Subject { block: b, at: np.start, said: owner, spoke: false });
                    }
                    if let Some(mut said) = self.resolve(b, np.clone()) {
                        // `Cruz openly admitted …`: a name that is the subject of a verb of
                        // speech is someone's, for a `he` or `she` after it.
                        if !said.body && !said.person && self.speech_verb_follows(b, np.end) {
                            said.person = true;
                        }
                        self.subjects.push(Subject { block: b, at: np.start, said, spoke: false });
                    }
                }
                // `Some accusations are hard to prove, said Grant Green.`: the person reported
                // last is who a following `he` means.
                if let Some(said) = self.reported_after_comma(b, s) {
                    self.subjects.push(Subject { block: b, at: said.0, said: said.1, spoke: false });
                }
            }
        }
    }
}
