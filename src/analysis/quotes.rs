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
//!    (title case, `so-called`, `a “…” to`, a phrase the article keeps quoting).
//! 3. **Speakers.** The subject of the speech verb before the quotation (`X said:`, `X, who …,
//!    said`, `…, stating:`), or after it (`“…,” X told reporters`, `said X`), or carried over
//!    from the previous paragraph or quotation. Pronouns go to the last subject of that gender;
//!    roles (`the Prime Minister`, `NATO’s chief`) to the person named with that role; bodies
//!    (`Downing Street`, `a spokeswoman for …`) speak for themselves. No evidence, no speaker.

use super::entities::{Entities, EntityKind};
use super::lexicon::{Gender, LEXICON};
use super::text::{self, is_capitalised, sentence_at, sentence_breaks, strip_possessive, Token};
use crate::article::{Article, BlockKind};
use crate::text::slice::{self, ceil};
use serde::Serialize;
use std::collections::HashMap;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    pub speaker: Option<String>,
    /// The words quoted, without the outer marks; paragraphs of a long quotation joined by `\n`.
    pub text: String,
    /// The block the quotation opens in.
    pub block: usize,
    pub partial: bool,
    /// Byte offset in `block` just after the opening mark.
    #[serde(skip)]
    pub start: usize,
    /// The block the quotation closes in, and the byte offset of its closing mark there.
    #[serde(skip)]
    pub end_block: usize,
    #[serde(skip)]
    pub end: usize,
}

impl Quote {
    /// Whether byte `at` of `block` lies inside the quotation (marks included).
    pub fn covers(&self, block: usize, at: usize) -> bool {
        let after_start = block > self.block || (block == self.block && at + 1 >= self.start);
        let before_end = block < self.end_block || (block == self.end_block && at <= self.end);
        after_start && before_end
    }

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

/// The byte after the character at `at` (a closing mark), or the end of the text.
fn after_char(text: &str, at: usize) -> usize {
    text.get(at..).and_then(|t| t.chars().next()).map_or(text.len(), |c| at + c.len_utf8())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Double,
    Single,
}

/// A pair of marks found in one block.
#[derive(Debug, Clone)]
struct Span {
    /// Byte offset of the opening mark.
    open: usize,
    /// Byte offset just after the opening mark.
    inner: usize,
    /// Byte offset of the closing mark, or `None` if the block ends inside the quotation.
    close: Option<usize>,
}

fn is_open_context(p: Option<char>) -> bool {
    p.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | '“' | '"' | '/' | ':'))
}

/// Top-level quotation spans of one block. `continuing` says the block starts inside a
/// quotation carried over from the paragraph before (its re-opening mark already consumed).
fn scan(text: &str, continuing: bool) -> Vec<Span> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut stack: Vec<(Mark, usize, usize)> = Vec::new();
    if continuing {
        let inner = chars.first().map_or(0, |&(i, c)| if matches!(c, '“' | '"' | '«') { i + c.len_utf8() } else { i });
        stack.push((Mark::Double, 0, inner));
    }
    for (k, &(i, c)) in chars.iter().enumerate() {
        if continuing && k == 0 && matches!(c, '“' | '"' | '«') {
            continue;
        }
        let p = k.checked_sub(1).map(|j| chars[j].1);
        let n = chars.get(k + 1).map(|x| x.1);
        let in_double = stack.iter().any(|s| s.0 == Mark::Double);
        let in_single = stack.last().is_some_and(|s| s.0 == Mark::Single);
        let after = i + c.len_utf8();
        let event = match c {
            '“' | '«' | '„' => Some((Mark::Double, true)),
            '”' | '»' => in_double.then_some((Mark::Double, false)),
            '"' => Some((Mark::Double, !in_double)),
            '‘' if is_open_context(p) => Some((Mark::Single, true)),
            '’' | '\''
                if in_single && p.is_some_and(|c| !c.is_whitespace()) && !n.is_some_and(char::is_alphanumeric) =>
            {
                Some((Mark::Single, false))
            }
            '\'' if is_open_context(p) && n.is_some_and(char::is_alphabetic) => Some((Mark::Single, true)),
            _ => None,
        };
        match event {
            Some((m, true)) => stack.push((m, i, after)),
            Some((m, false)) => {
                if let Some(pos) = stack.iter().rposition(|s| s.0 == m) {
                    let (_, open, inner) = stack[pos];
                    stack.truncate(pos);
                    if stack.is_empty() {
                        out.push(Span { open, inner, close: Some(i) });
                    }
                }
            }
            None => {}
        }
    }
    // A double quote left open runs to the end of the block; an unclosed single quote was an
    // apostrophe after all.
    if let Some(&(_, open, inner)) = stack.iter().find(|s| s.0 == Mark::Double) {
        out.push(Span { open, inner, close: None });
    }
    out
}

fn starts_with_open_mark(text: &str) -> bool {
    text.starts_with(['“', '"', '«'])
}

/// A quotation as found, before it is judged.
#[derive(Debug, Clone)]
struct Found {
    block: usize,
    open: usize,
    start: usize,
    end_block: usize,
    end: usize,
    text: String,
    closed: bool,
}

fn find_all(article: &Article) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut carrying: Option<usize> = None;
    for (b, block) in article.blocks.iter().enumerate() {
        if block.kind == BlockKind::Heading {
            carrying = None;
            continue;
        }
        let text = &block.text;
        let continuing = carrying.is_some() && starts_with_open_mark(text);
        if !continuing {
            carrying = None;
        }
        for (k, s) in scan(text, continuing).into_iter().enumerate() {
            let end = s.close.unwrap_or(text.len());
            let piece = slice::from_to(text, s.inner, end).trim();
            if continuing && k == 0 {
                if let Some(q) = carrying.and_then(|i| out.get_mut(i)) {
                    q.text.push('\n');
                    q.text.push_str(piece);
                    q.end_block = b;
                    q.end = end;
                    q.closed = s.close.is_some();
                }
            } else {
                out.push(Found {
                    block: b,
                    open: s.open,
                    start: s.inner,
                    end_block: b,
                    end,
                    text: piece.to_string(),
                    closed: s.close.is_some(),
                });
            }
            carrying = (s.close.is_none()).then(|| out.len() - 1);
        }
    }
    out.retain(|q| !q.text.trim().is_empty());
    out
}

/// Words that introduce a name rather than report speech.
const NAMING: &[&str] = &[
    "so-called",
    "called",
    "dubbed",
    "named",
    "termed",
    "branded",
    "labelled",
    "labeled",
    "nicknamed",
    "titled",
    "entitled",
    "known as",
];
const DETERMINERS: &[&str] =
    &["a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those", "my", "your"];
const FUNCTION_AFTER: &[&str] = &[
    "to", "is", "was", "are", "were", "has", "have", "had", "will", "would", "and", "or", "of", "in", "on", "for",
    "with", "that", "which", "who", "as", "at", "by", "from", "could", "can", "may", "might", "should", "must",
];

fn words_lower(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect()
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with(['.', '!', '?', '…'])
}

/// A quoted phrase that reads as a name or a term rather than as someone's words.
fn name_like(q: &Found, article: &Article, quoted: &HashMap<String, usize>) -> bool {
    let text = &article.blocks[q.block].text;
    let phrase = q.text.trim_end_matches(['.', ',', '!', '?', ';', ':']);
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let title_case = !words.is_empty()
        && words.iter().filter(|w| w.chars().count() > 3).all(|w| is_capitalised(w))
        && words.iter().any(|w| is_capitalised(w));
    if title_case {
        return true;
    }
    // The two words before the quotation are all that is looked at.
    let before = slice::before(text, q.open);
    let cut = before.char_indices().rev().filter(|(_, c)| c.is_whitespace()).nth(2).map_or(0, |(i, _)| i);
    let lead = words_lower(slice::after(before, cut));
    let last = lead.last().map(String::as_str).unwrap_or("");
    let last_two = lead.iter().rev().take(2).rev().cloned().collect::<Vec<_>>().join(" ");
    if NAMING.contains(&last) || NAMING.contains(&last_two.as_str()) {
        return true;
    }
    let next = text.get(q.end..).map(|rest| {
        rest.trim_start_matches(['”', '’', '"', '\'', '»']).split_whitespace().next().unwrap_or("").to_lowercase()
    });
    if DETERMINERS.contains(&last)
        && !ends_sentence(&q.text)
        && next.as_deref().is_none_or(|n| n.is_empty() || FUNCTION_AFTER.contains(&n))
    {
        return true;
    }
    if words.len() >= 3 {
        return quoted.get(&phrase.to_lowercase()).is_some_and(|&n| n > 1);
    }
    false
}

/// Whether the quotation stands as a sentence of its own rather than inside one.
fn is_full(q: &Found, article: &Article) -> bool {
    if q.end_block > q.block {
        return true;
    }
    let text = &article.blocks[q.block].text;
    let first_upper = q.text.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| c.is_uppercase() || c.is_numeric());
    if !first_upper {
        return false;
    }
    let lead = slice::before(text, q.open).trim_end();
    if lead.is_empty() || lead.ends_with([':', ',', '.', '!', '?', '—', '–']) {
        return true;
    }
    let last = lead.rsplit(' ').next().unwrap_or("");
    LEXICON.is_speech_verb(last) && q.closed && ends_sentence(&q.text)
}

/// Who said it: the name shown, and what pronoun resolution needs to know of them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Said {
    speaker: String,
    gender: Option<Gender>,
    body: bool,
}

/// A subject seen in the narrative, for pronouns.
#[derive(Debug, Clone)]
struct Subject {
    block: usize,
    at: usize,
    said: Said,
}

/// How far from a quotation its attribution is looked for, in bytes: longer than any real
/// sentence.
const SENTENCE_WINDOW: usize = 1200;

struct Ctx<'a> {
    article: &'a Article,
    ents: &'a Entities,
    /// Top-level quote ranges of each block (marks included), for sentence bounds.
    spans: Vec<Vec<Range<usize>>>,
    breaks: Vec<Vec<usize>>,
    /// The words of each block, found once.
    toks: &'a [Vec<Token<'a>>],
    /// Subjects of narrative sentences, in order.
    subjects: Vec<Subject>,
    /// Speakers of the quotations attributed so far, in order.
    quoted: Vec<Subject>,
}

/// How many subjects back a pronoun is looked for.
const PRONOUN_LOOKBACK: usize = 200;

const SKIP_BEFORE_VERB: &[&str] = &[
    "has",
    "have",
    "had",
    "will",
    "would",
    "also",
    "then",
    "later",
    "repeatedly",
    "strongly",
    "once",
    "again",
    "previously",
    "earlier",
    "is",
    "was",
    "were",
    "are",
    "been",
    "could",
    "may",
    "might",
    "must",
    "should",
    "can",
    "did",
    "does",
    "do",
    "not",
    "never",
    "just",
    "recently",
    "reportedly",
    "publicly",
    "privately",
    "today",
    "yesterday",
    "quickly",
    "firmly",
    "further",
    "subsequently",
    "now",
    "initially",
    "separately",
    "simply",
    "clearly",
    "openly",
    "already",
    "first",
    "angrily",
    "bluntly",
    "flatly",
    "insistently",
    "only",
    "even",
    "still",
    "frequently",
    "often",
    "always",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it"];

/// How many words at the start of `toks` form a title (`prime minister`), or 0.
fn title_len_at(toks: &[Token]) -> usize {
    (1..=LEXICON.max_title_words.min(toks.len()))
        .rev()
        .find(|&n| {
            let words: Vec<&str> = toks[..n].iter().map(|t| t.text).collect();
            LEXICON.title(&words).is_some()
        })
        .unwrap_or(0)
}

/// Words that open a sentence with a clause or an adverb before its subject.
const OPENERS: &[&str] = &[
    "in",
    "at",
    "as",
    "after",
    "before",
    "during",
    "despite",
    "although",
    "though",
    "while",
    "when",
    "with",
    "without",
    "since",
    "because",
    "if",
    "following",
    "amid",
    "earlier",
    "however",
    "meanwhile",
    "elsewhere",
    "yet",
    "but",
    "and",
    "so",
    "then",
    "later",
    "also",
    "still",
    "now",
    "instead",
    "according",
    "on",
    "by",
    "for",
    "from",
    "under",
    "over",
    "once",
    "until",
    "unlike",
    "like",
    "today",
    "yesterday",
    "last",
    "next",
    "this",
    "that",
];

/// Whether `word`, in lower case, is one of `list`.
fn in_list(list: &[&str], word: &str) -> bool {
    super::lexicon::with_lower(word, |w| list.contains(&w))
}

fn is_role_word(w: &str) -> bool {
    LEXICON.title(&[w]).is_some() || LEXICON.is_speaker_noun(w)
}

/// Words of a block with their offsets, and the index of the first token at or after `at`.
fn token_index(toks: &[Token], at: usize) -> usize {
    toks.partition_point(|t| t.start < at)
}

impl<'a> Ctx<'a> {
    fn new(article: &'a Article, ents: &'a Entities, toks: &'a [Vec<Token<'a>>], found: &[Found]) -> Self {
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

    fn text(&self, b: usize) -> &'a str {
        &self.article.blocks[b].text
    }

    /// The sentence around `at`, but never more than [`SENTENCE_WINDOW`] bytes either side: a
    /// block with no sentence breaks (a page saved as one line) must not make every quotation
    /// look through all of it.
    fn sentence(&self, b: usize, at: usize) -> Range<usize> {
        let text = self.text(b);
        let s = sentence_at(&self.breaks[b], text.len(), at);
        let start = s.start.max(ceil(text, at.saturating_sub(SENTENCE_WINDOW)));
        let end = s.end.min(slice::floor(text, at.saturating_add(SENTENCE_WINDOW)));
        start..end.max(start)
    }

    /// The words of block `b` inside `range`, found by binary search.
    fn toks_in(&self, b: usize, range: &Range<usize>) -> &[Token<'a>] {
        let toks = self.toks_until(b, range.end);
        &toks[token_index(toks, range.start)..]
    }

    /// The words of block `b` that end at or before byte `end`.
    fn toks_until(&self, b: usize, end: usize) -> &[Token<'a>] {
        let toks = &self.toks[b];
        &toks[..toks.partition_point(|t| t.end <= end)]
    }

    /// Spans are in order and do not overlap: a binary search.
    fn in_quote(&self, b: usize, at: usize) -> bool {
        let spans = &self.spans[b];
        let k = spans.partition_point(|s| s.start <= at);
        spans[..k].last().is_some_and(|s| at < s.end)
    }

    /// The noun phrase that ends just before byte `end`: the subject of a verb there.
    fn np_before(&self, b: usize, end: usize, floor: usize) -> Option<Range<usize>> {
        let text = self.text(b);
        let toks = self.toks_until(b, end);
        let mut k = toks.len();
        // Auxiliaries and adverbs between the subject and its verb.
        while k > 0
            && toks[k - 1].start >= floor
            && super::lexicon::with_lower(toks[k - 1].text, |w| SKIP_BEFORE_VERB.contains(&w))
        {
            let gap = slice::from_to(text, toks[k - 1].end, if k < toks.len() { toks[k].start } else { end });
            if gap.contains(',') {
                break;
            }
            k -= 1;
        }
        let stop = if k < toks.len() { toks[k].start } else { end };
        // A clause between commas: `X, who will chair the meeting, said` leaves the subject
        // before the first comma.
        let tail = slice::before(text, stop).trim_end();
        if tail.ends_with(',') {
            let inner_end = tail.len() - 1;
            // `The union's leader, Jane Doe, said`: a person named between the commas speaks.
            if let Some(np) = self.np_ending(b, inner_end, floor) {
                let person = self.ents.within(b, &np).filter(|&e| self.ents.entities[e].kind == EntityKind::Person);
                let apposition = slice::before(text, np.start).trim_end().ends_with(',');
                if person.is_some() && apposition {
                    return Some(np);
                }
            }
            let prev = slice::from_to(text, floor, inner_end).rfind(',').map(|p| p + floor)?;
            if self.in_quote(b, prev) || slice::from_to(text, prev, inner_end).contains(['“', '"']) {
                return None;
            }
            return self.np_ending(b, prev, floor);
        }
        self.np_ending(b, stop, floor)
    }

    /// The noun phrase whose last word ends at or before `stop`.
    fn np_ending(&self, b: usize, stop: usize, floor: usize) -> Option<Range<usize>> {
        let text = self.text(b);
        let toks = self.toks_until(b, stop);
        let last = toks.last()?;
        if last.start < floor || !slice::from_to(text, last.end, stop).trim().is_empty() {
            return None;
        }
        let lw = last.text.to_lowercase();
        if PRONOUNS.contains(&lw.as_str()) {
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
                if t.start < floor || is_capitalised(t.text) && !in_list(DETERMINERS, t.text) {
                    break;
                }
                if in_list(DETERMINERS, t.text) {
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
    fn np_after(&self, b: usize, from: usize) -> Option<Range<usize>> {
        let text = self.text(b);
        let toks = &self.toks[b];
        let mut k = token_index(toks, from);
        if k >= toks.len() || !slice::from_to(text, from, toks[k].start).trim().is_empty() {
            return None;
        }
        while k < toks.len() && in_list(DETERMINERS, toks[k].text) {
            k += 1;
        }
        // `local councillor Jane Penrose`: adjectives before a role word.
        if let Some(skip) = (1..=2).find(|&n| {
            toks.get(k + n).is_some_and(|t| is_role_word(t.text))
                && toks[k..k + n].iter().all(|t| !is_capitalised(t.text) && !is_role_word(t.text))
        }) {
            k += skip;
        }
        // `former Vermont governor Hal Dunne`: a modifier before a run of names that holds a
        // role word.
        if let Some(t) = toks.get(k).filter(|t| !is_capitalised(t.text) && !is_role_word(t.text)) {
            let lower_word = t.text.chars().all(char::is_lowercase) && !in_list(FUNCTION_AFTER, t.text);
            let run = toks[k + 1..].iter().take(4).take_while(|n| is_capitalised(n.text) || is_role_word(n.text));
            let role_in_run = run.clone().any(|n| is_role_word(n.text) && !is_capitalised(n.text));
            if lower_word && toks.get(k + 1).is_some_and(|n| is_capitalised(n.text)) && role_in_run {
                k += 1;
            }
        }
        let first = *toks.get(k)?;
        if in_list(PRONOUNS, first.text) {
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
            let ok = is_capitalised(t.text)
                || is_role_word(t.text)
                || number
                || (e > k && text::PARTICLES.contains(&t.text));
            if !ok {
                break;
            }
            e += 1;
            if text::is_possessive(t.text)
                && !toks.get(e).is_some_and(|n| is_role_word(n.text))
                && title_len_at(&toks[e..]) == 0
            {
                break;
            }
        }
        (e > k).then(|| first.start..toks[e - 1].end)
    }

    /// Who a noun phrase names.
    fn resolve(&self, b: usize, np: Range<usize>) -> Option<Said> {
        let text = self.text(b);
        let phrase = slice::range(text, np.clone());
        let lower = phrase.to_lowercase();
        if PRONOUNS.contains(&lower.as_str()) {
            return self.pronoun(&lower, b, np.start);
        }
        let words: Vec<&str> = phrase.split([' ', '-']).filter(|w| !w.is_empty()).collect();
        let person = self.ents.within(b, &np).filter(|&e| self.ents.entities[e].kind == EntityKind::Person);
        if let Some(e) = person {
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
        if let Some(e) = self.ents.within(b, &np) {
            let ent = &self.ents.entities[e];
            if matches!(ent.kind, EntityKind::Organization | EntityKind::Place) {
                return Some(Said { speaker: ent.name.clone(), gender: None, body: true });
            }
        }
        let last = words.last()?;
        // A capital that only opens the sentence (`Likewise`, `Victims`) names nobody.
        let named = words.iter().any(|w| is_capitalised(w) && !LEXICON.is_ordinary(strip_possessive(w)));
        if LEXICON.is_speaker_noun(last) || named {
            let shown = strip_possessive(phrase).to_string();
            let body = LEXICON.is_speaker_noun(last);
            return Some(Said { speaker: shown, gender: None, body });
        }
        None
    }

    fn said_by_entity(&self, e: usize) -> Said {
        let ent = &self.ents.entities[e];
        Said { speaker: ent.name.clone(), gender: ent.gender, body: ent.kind != EntityKind::Person }
    }

    fn role_holder(&self, title: &str, org: Option<&str>) -> Option<usize> {
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
    fn subjects_before(&self, b: usize, at: usize) -> impl Iterator<Item = &Subject> {
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
    fn pronoun(&self, p: &str, b: usize, at: usize) -> Option<Said> {
        let want = match p {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            _ => None,
        };
        let mut first = true;
        for s in self.subjects_before(b, at).take(PRONOUN_LOOKBACK) {
            if want.is_none() {
                return s.said.body.then(|| s.said.clone());
            }
            if s.said.body {
                if first {
                    return Some(s.said.clone());
                }
            } else if s.said.gender.is_none() || s.said.gender == want {
                return Some(s.said.clone());
            }
            first = false;
        }
        None
    }

    /// The grammatical subject of the sentence around `at`: its first noun phrase once an
    /// opening clause (`In response to …,`) or adverb is passed.
    fn sentence_subject(&self, b: usize, at: usize) -> Option<Range<usize>> {
        let text = self.text(b);
        let sent = self.sentence(b, at);
        let toks = self.toks_until(b, sent.end);
        let mut k = token_index(toks, sent.start);
        let first = toks.get(k)?;
        // `Her colleague, engineer Paul Martin, is …`: a plain noun phrase, then the person.
        if in_list(DETERMINERS, first.text) {
            let comma = slice::from_to(text, first.end, sent.end).find(", ").map_or(sent.end, |c| c + first.end);
            let head = toks[k..].iter().take_while(|t| t.end <= comma).collect::<Vec<_>>();
            let head_end = head.last()?.end;
            let plain = head.len() <= 4 && head.iter().skip(1).all(|t| !is_capitalised(t.text));
            if plain && slice::after(text, head_end).starts_with(", ") {
                if let Some(person) = self.apposition_after(b, &(first.start..head_end)) {
                    return Some(person);
                }
            }
        }
        // `Speaking at a rally in Salem, New Hampshire, Roe said`: an adverb, a participle or a
        // preposition opens a clause before the subject.
        let opener = in_list(OPENERS, first.text)
            || (LEXICON.opens_before_names(first.text)
                && !in_list(PRONOUNS, first.text)
                && !in_list(DETERMINERS, first.text));
        if !opener {
            let np = self.np_after(b, first.start)?;
            return Some(self.apposition_after(b, &np).unwrap_or(np));
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
            while k < toks.len() && text::is_common(toks[k].text) && !in_list(PRONOUNS, toks[k].text) {
                k += 1;
            }
            // `…in Salem, New Hampshire, Roe said`: a place after the comma still belongs to
            // the opening clause.
            let t = toks.get(k)?;
            let np = self.np_after(b, t.start)?;
            let place = self.ents.within(b, &np).is_some_and(|e| self.ents.entities[e].kind == EntityKind::Place);
            if !(place && slice::after(text, np.end).starts_with(',')) {
                return Some(self.apposition_after(b, &np).unwrap_or(np));
            }
            from = np.end;
        }
        let t = toks.get(k)?;
        let np = self.np_after(b, t.start)?;
        Some(self.apposition_after(b, &np).unwrap_or(np))
    }

    /// `Hungary's prime minister, Viktor Orbán, was …`: the person named in apposition right
    /// after a subject that is only a role.
    fn apposition_after(&self, b: usize, np: &Range<usize>) -> Option<Range<usize>> {
        let text = self.text(b);
        let rest = slice::after(text, np.end).strip_prefix(", ")?;
        let close = rest.find([',', '.', ';'])?;
        let inner = np.end + 2..np.end + 2 + close;
        let person = self.ents.within(b, &inner).filter(|&e| self.ents.entities[e].kind == EntityKind::Person);
        let np_person = self.ents.within(b, np).is_some_and(|e| self.ents.entities[e].kind == EntityKind::Person);
        (person.is_some() && !np_person && close < 60).then_some(inner)
    }

    /// Who is said to speak by the speech verb at token `v` of block `b`.
    fn speaker_of_verb(&self, b: usize, v: Token, floor: usize) -> Option<Said> {
        let np = self.np_before(b, v.start, floor);
        // `…, telling X` or `…, stating:` after a clause: the clause's subject speaks.
        let subject_speaks = v.text.ends_with("ing") || (np.is_none() && v.text.ends_with("ed"));
        np.and_then(|np| self.resolve(b, np)).or_else(|| {
            subject_speaks.then(|| self.sentence_subject(b, v.start).and_then(|np| self.resolve(b, np))).flatten()
        })
    }

    /// The last speech verb in `range` of block `b`, outside quotations.
    fn last_verb(&self, b: usize, range: Range<usize>) -> Option<Token<'a>> {
        self.toks_in(b, &range)
            .iter()
            .filter(|t| !self.in_quote(b, t.start))
            .rfind(|t| self.is_verb_here(b, t))
            .copied()
    }

    fn first_verb(&self, b: usize, range: Range<usize>) -> Option<Token<'a>> {
        self.toks_in(b, &range).iter().filter(|t| !self.in_quote(b, t.start)).find(|t| self.is_verb_here(b, t)).copied()
    }

    /// A speech verb used as a verb: not capitalised, not after a determiner (`their
    /// continued support`).
    fn is_verb_here(&self, b: usize, t: &Token) -> bool {
        if !LEXICON.is_speech_verb(t.text) || is_capitalised(t.text) {
            return false;
        }
        let before = self.toks_until(b, t.start);
        !before.last().is_some_and(|p| in_list(DETERMINERS, p.text))
    }

    /// `According to X` in the sentence.
    fn according_to(&self, b: usize, range: Range<usize>) -> Option<Said> {
        let text = self.text(b);
        // Lower-cased in ASCII only, so that offsets in the copy are offsets in the text.
        let lower = slice::range(text, range.clone()).to_ascii_lowercase();
        let at = lower.find("according to ")? + ceil(text, range.start) + "according to ".len();
        let np = self.np_after(b, at)?;
        self.resolve(b, np)
    }

    /// The attribution after a quotation in its sentence: `“…,” X said`, `said X`.
    fn after_quote(&self, b: usize, close: usize, sent_end: usize) -> Option<Said> {
        let text = self.text(b);
        let from = slice::after(text, close)
            .char_indices()
            .find(|(_, c)| !matches!(c, '”' | '’' | '"' | '\'' | '»' | ',' | ' '))
            .map(|(i, _)| close + i)?;
        if from >= sent_end {
            return None;
        }
        let toks = self.toks_in(b, &(from..sent_end));
        let first = toks.first()?;
        if LEXICON.is_speech_verb(first.text) {
            let np = self.np_after(b, slice::next_char(text, first.end))?;
            // `said the minister, Jane Doe.`
            let np = self.apposition_after(b, &np).unwrap_or(np);
            return self.resolve(b, np);
        }
        let Some(np) = self.np_after(b, from) else {
            // `“…,” one voter, Maria Lopez, 45, told the AP`: the speech verb soon after, and
            // its subject before it.
            let verb = toks.iter().take(12).find(|t| self.is_verb_here(b, t))?;
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
        // Appositions between the speaker and the verb: `Berg, 52, told`, `Smith, a minister,
        // said`, `one voter, Maria Lopez, 45, told`.
        let mut named: Option<Range<usize>> = None;
        for _ in 0..2 {
            let Some(rest) = slice::from_to(text, after_np, sent_end).strip_prefix(", ") else { break };
            // `Poole, a former candidate, told X on Tuesday, when …`: the verb ends the appositions.
            if rest.split_whitespace().next().is_some_and(|w| LEXICON.is_speech_verb(w)) {
                break;
            }
            let Some(close) = rest.find(", ").filter(|&c| slice::before(rest, c).split_whitespace().count() <= 6)
            else {
                break;
            };
            let inner = after_np + 2..after_np + 2 + close;
            if named.is_none()
                && self.ents.within(b, &inner).is_some_and(|e| self.ents.entities[e].kind == EntityKind::Person)
            {
                named = Some(inner);
            }
            after_np += 2 + close;
        }
        if named.is_some() || slice::after(text, after_np).starts_with(',') {
            after_np += 1;
        }
        let verb = toks.iter().find(|t| t.start >= after_np)?;
        let between = slice::from_to(text, after_np, verb.start);
        let verb_ok =
            LEXICON.is_speech_verb(verb.text) && between.split_whitespace().count() <= 1 && !between.contains(',');
        if !verb_ok {
            return None;
        }
        let np_names_a_person =
            self.ents.within(b, &np).is_some_and(|e| self.ents.entities[e].kind == EntityKind::Person);
        let np = match named {
            Some(inner) if !np_names_a_person => inner,
            _ => np,
        };
        self.resolve(b, np)
    }

    /// The speaker named in a lead-in (a sentence or clause before a quotation).
    fn speaker_in_lead_in(&self, b: usize, range: Range<usize>) -> Option<Said> {
        if let Some(v) = self.last_verb(b, range.clone()) {
            if let Some(s) = self.speaker_of_verb(b, v, range.start) {
                return Some(s);
            }
        }
        let text = self.text(b);
        if slice::range(text, range.clone()).trim_end().ends_with(':') {
            // `X has unveiled a plan:` names its speaker without a speech verb.
            let mentions = &self.ents.mentions;
            let from = mentions.partition_point(|m| (m.block, m.range.start) < (b, range.start));
            let person = mentions[from..]
                .iter()
                .take_while(|m| m.block == b && m.range.start < range.end)
                .filter(|m| m.range.end <= range.end && self.ents.entities[m.entity].kind == EntityKind::Person)
                .last();
            if let Some(m) = person {
                return Some(self.said_by_entity(m.entity));
            }
            return self.sentence_subject(b, range.start).and_then(|np| self.resolve(b, np));
        }
        None
    }

    /// `Park announced the lawsuit on Monday. “We are seeking …”`: a quotation with no
    /// attribution of its own, right after a sentence (in its paragraph or ending the one
    /// before) whose speech verb has a subject, is that subject's.
    fn introduced_before(&self, b: usize, open: usize) -> Option<Said> {
        let text = self.text(b);
        let (pb, at) = if slice::before(text, open).trim().is_empty() {
            let pb = b.checked_sub(1).filter(|&p| self.article.blocks[p].kind != BlockKind::Heading)?;
            (pb, self.text(pb).trim_end().len())
        } else {
            (b, slice::before(text, open).trim_end().len())
        };
        let pt = self.text(pb);
        if at == 0 || !slice::before(pt, at).ends_with(['.', ':']) || self.in_quote(pb, at - 1) {
            return None;
        }
        let sent = self.sentence(pb, at - 1);
        let v = self.last_verb(pb, sent.clone())?;
        self.speaker_of_verb(pb, v, sent.start)
    }

    /// Records the subject of every narrative sentence, for pronouns. Each subject is
    /// resolved against the ones before it, so `He` in one sentence takes the person of an
    /// earlier one.
    fn collect_subjects(&mut self) {
        self.subjects.clear();
        for (b, block) in self.article.blocks.iter().enumerate() {
            if block.kind == BlockKind::Heading {
                continue;
            }
            let starts: Vec<usize> = std::iter::once(0).chain(self.breaks[b].iter().copied()).collect();
            for s in starts {
                if s >= block.text.len() || self.in_quote(b, s) {
                    continue;
                }
                if let Some(np) = self.sentence_subject(b, s) {
                    if let Some(said) = self.resolve(b, np.clone()) {
                        self.subjects.push(Subject { block: b, at: np.start, said });
                    }
                }
            }
        }
    }
}

/// Finds the quotations of an article and their speakers.
/// `words` holds the words of each block ([`text::tokens`]).
pub fn find<'a>(article: &'a Article, ents: &'a Entities, words: &'a [Vec<Token<'a>>]) -> Vec<Quote> {
    let found = find_all(article);
    // How often each phrase is quoted, for `name_like`.
    let mut quoted: HashMap<String, usize> = HashMap::new();
    for f in &found {
        *quoted.entry(f.text.to_lowercase().trim_end_matches(['.', ',']).to_string()).or_default() += 1;
    }
    let mut ctx = Ctx::new(article, ents, words, &found);
    ctx.collect_subjects();
    let mut out: Vec<Quote> = Vec::new();
    for q in &found {
        let full = is_full(q, article);
        if !full && name_like(q, article, &quoted) {
            continue;
        }
        let said = if full { attribute_full(&ctx, q, &out) } else { attribute_partial(&ctx, q) };
        if !full && said.is_none() {
            // A phrase in quote marks that nobody is said to have said: scare quotes.
            continue;
        }
        if let Some(s) = &said {
            ctx.quoted.push(Subject { block: q.block, at: q.start, said: s.clone() });
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

fn attribute_full(ctx: &Ctx, q: &Found, earlier: &[Quote]) -> Option<Said> {
    let b = q.block;
    let text = ctx.text(b);
    let sent = ctx.sentence(b, q.open);
    if q.closed {
        let mut end_sent = ctx.sentence(q.end_block, q.end);
        // `“Why now?” Roe asked.`: the question mark ended a sentence the attribution goes on.
        let eb = ctx.text(q.end_block);
        if slice::from_to(eb, after_char(eb, q.end), end_sent.end).trim().is_empty() && end_sent.end < eb.len() {
            end_sent = ctx.sentence(q.end_block, end_sent.end);
        }
        if let Some(s) = ctx.after_quote(q.end_block, q.end, end_sent.end) {
            return Some(s);
        }
    }
    let lead = sent.start..q.open;
    if !slice::range(text, lead.clone()).trim().is_empty() {
        if let Some(s) = ctx.speaker_in_lead_in(b, lead) {
            return Some(s);
        }
    }
    if q.open == 0 || slice::before(text, q.open).trim().is_empty() {
        if let Some(prev) = (0..b).rev().find(|&p| ctx.article.blocks[p].kind != BlockKind::Heading) {
            let pt = ctx.text(prev);
            if pt.trim_end().ends_with(':') && prev + 1 == b {
                let ps = ctx.sentence(prev, pt.trim_end().len().saturating_sub(1));
                if let Some(s) = ctx.speaker_in_lead_in(prev, ps) {
                    return Some(s);
                }
            }
        }
    }
    // The same speaker goes on: an earlier quotation in this paragraph, or a quotation-only
    // paragraph just before.
    // Earlier quotations are in order: look back only as far as the paragraph before.
    let recent = || earlier.iter().rev().take_while(|e| e.end_block + 1 >= b);
    let same_block = recent().find(|e| e.end_block == b && e.speaker.is_some() && !e.partial);
    if let Some(e) = same_block {
        return e.speaker.clone().map(|speaker| Said { speaker, gender: None, body: false });
    }
    let own_lead_in = !slice::before(text, q.open).trim().is_empty();
    let prev_block = recent().find(|e| e.end_block + 1 == b && e.speaker.is_some() && !e.partial);
    if let Some(e) = prev_block.filter(|_| !own_lead_in) {
        let pt = ctx.text(e.end_block);
        if starts_with_open_mark(pt) || e.block != e.end_block {
            return e.speaker.clone().map(|speaker| Said { speaker, gender: None, body: false });
        }
    }
    ctx.introduced_before(b, q.open)
}

fn attribute_partial(ctx: &Ctx, q: &Found) -> Option<Said> {
    let b = q.block;
    let sent = ctx.sentence(b, q.open);
    if let Some(v) = ctx.last_verb(b, sent.start..q.open) {
        if let Some(s) = ctx.speaker_of_verb(b, v, sent.start) {
            return Some(s);
        }
    }
    if let Some(s) = ctx.according_to(b, sent.clone()) {
        return Some(s);
    }
    let after = slice::next_char(ctx.text(b), q.end).min(sent.end)..sent.end;
    if let Some(v) = ctx.first_verb(b, after.clone()) {
        return ctx.speaker_of_verb(b, v, after.start);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities;
    use crate::load::normalize;

    fn quotes(body: &str) -> Vec<(Option<String>, String, bool)> {
        let a = normalize("t.txt", &format!("A headline for the test\n\n{body}\n"));
        let words: Vec<_> = a.blocks.iter().map(|b| text::tokens(&b.text)).collect();
        let e = entities::find(&a, &words);
        find(&a, &e, &words).into_iter().map(|q| (q.speaker, q.text, q.partial)).collect()
    }

    fn speaker(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        let q = quotes("Russia’s envoy said the plan ‘won’t work’ and don’t expect more.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "won’t work");
    }

    #[test]
    fn speaker_before_a_colon_and_after_a_comma() {
        let q = quotes(
            "Prime Minister Jane Smith, who chairs the talks, said: “We will act.”\n\n“It is time,” Smith told reporters. “Now.”",
        );
        assert_eq!(q.len(), 3, "{q:?}");
        assert!(q.iter().all(|x| x.0 == speaker("Jane Smith")), "{q:?}");
    }

    #[test]
    fn a_quotation_over_several_paragraphs_is_one() {
        let q = quotes("A spokeswoman for the Home Office said: “The first part.\n\n“The second part.\n\n“The end.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, speaker("Home Office"));
        assert!(q[0].1.starts_with("The first part.") && q[0].1.ends_with("The end."));
    }

    #[test]
    fn pronouns_go_to_the_last_subject_of_their_gender_across_paragraphs() {
        let q = quotes(
            "President Maria Lopez met Mr John Brown in Madrid.\n\nBrown left early. Lopez stayed.\n\nShe said: “We agreed.”\n\nHe added: “We did not.”",
        );
        assert_eq!(q[0].0, speaker("Maria Lopez"));
        assert_eq!(q[1].0, speaker("John Brown"));
    }

    #[test]
    fn names_and_scare_quotes_are_not_speech() {
        let q = quotes(
            "Officials say countries may join a “coalition of the able” to help. The government’s “Plan for Growth” was praised. The so-called ‘deal of the century’ failed. It was a “bold” idea.",
        );
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn partial_quotations_take_the_subject_of_the_speech_verb() {
        let q = quotes("Jane Smith has said the city is at a “pivotal” moment, hours after the mayor John Brown said it faced “grave danger”.");
        assert_eq!(
            q,
            vec![(speaker("Jane Smith"), "pivotal".into(), true), (speaker("John Brown"), "grave danger".into(), true),]
        );
    }

    #[test]
    fn the_listener_is_not_the_speaker() {
        let q =
            quotes("Mr John Brown later spoke about the meeting, telling the BBC’s Anna Green, “I do not regret it.”");
        assert_eq!(q[0].0, speaker("John Brown"));
    }

    #[test]
    fn roles_resolve_to_the_person_named_with_them() {
        let q = quotes(
            "NATO chief Mark Stone spoke in Oslo.\n\nLater, NATO’s chief said the alliance faced “a long winter”.",
        );
        assert_eq!(q[0].0, speaker("Mark Stone"));
    }

    #[test]
    fn a_quote_with_no_speaker_has_none() {
        let q = quotes("The sign read: “Closed for the winter.”\n\nNobody knew why.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].0, None);
    }

    #[test]
    fn two_speakers_in_one_paragraph() {
        let q = quotes("“Yes,” said Mr John Brown. But Ms Anna Green disagreed, stating: “No.”");
        assert_eq!(q[0].0, speaker("John Brown"));
        assert_eq!(q[1].0, speaker("Anna Green"));
    }

    #[test]
    fn nested_quotations_stay_inside_the_outer_one() {
        let q = quotes("Jane Smith said: “They told me ‘never again’ and I believed them.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].1.contains("‘never again’"));
    }

    #[test]
    fn wire_copy_conventions() {
        let q = quotes(
            "LONDON (Reuters) - Finance Minister Anna Berg said the plan would \"protect jobs\".\n\n\"We will not raise taxes,\" Berg, 52, told reporters.\n\nMr. John O'Neill was unconvinced. \"This is a fantasy,\" said Mr. O'Neill.\n\n\"It does not add up,\" he added.\n\nThe central bank said in a statement: \"Inflation remains too high.\"\n\nAccording to Dr. Maria Costa, \"the numbers are optimistic.\"",
        );
        let speakers: Vec<Option<&str>> = q.iter().map(|x| x.0.as_deref()).collect();
        assert_eq!(
            speakers,
            [
                Some("Anna Berg"),
                Some("Anna Berg"),
                Some("John O'Neill"),
                Some("John O'Neill"),
                Some("central bank"),
                Some("Maria Costa")
            ]
        );
    }

    #[test]
    fn a_name_in_apposition_before_the_verb_speaks() {
        let q = quotes("The union's general secretary, Daniel Kebede, said members were \"angry and exhausted\".");
        assert_eq!(q, vec![(speaker("Daniel Kebede"), "angry and exhausted".into(), true)]);
        let q = quotes("Prime Minister Jane Smith, speaking in Merseyside, warned: “Not yet.”");
        assert_eq!(q[0].0, speaker("Jane Smith"));
    }

    #[test]
    fn a_body_with_for_in_its_name_speaks_through_its_spokesperson() {
        let q = quotes("A Department for Education spokesperson added that the offer was \"fair and affordable\".");
        assert_eq!(q[0].0, speaker("Department for Education"));
    }

    #[test]
    fn a_speaker_introduced_by_a_description_after_the_quote() {
        let q = quotes("“People are tired,” one voter, Maria Lopez, 45, told reporters.");
        assert_eq!(q[0].0, speaker("Maria Lopez"));
    }

    #[test]
    fn a_role_with_an_adjective_after_the_verb() {
        let q = quotes("\"We have never seen anything like it,\" said local councillor Jane Penrose.");
        assert_eq!(q[0].0, speaker("Jane Penrose"));
    }

    #[test]
    fn a_pronoun_after_a_role_named_in_apposition() {
        let q =
            quotes("Hungary's prime minister, Viktor Orbán, was scathing. \"Brussels abuses its power,\" he wrote.");
        assert_eq!(q[0].0, speaker("Viktor Orbán"));
    }

    #[test]
    fn a_pronoun_after_a_person_in_apposition_to_a_plain_noun() {
        let q = quotes(
            "‘We are close,’ says Dr Amélie Roux.\n\nHer colleague, engineer Paul Martin, is more cautious. “There is a long way to go,” he says.",
        );
        assert_eq!(q.iter().map(|x| x.0.as_deref()).collect::<Vec<_>>(), [Some("Amélie Roux"), Some("Paul Martin")]);
    }

    #[test]
    fn said_a_role_then_the_name_in_apposition() {
        let q = quotes("“We will not back down,” said the minister, Jane Doe, on Monday.");
        assert_eq!(q[0].0, speaker("Jane Doe"));
        let q = quotes("“Nor will we,” said her deputy, John Roe.");
        assert_eq!(q[0].0, speaker("John Roe"));
    }

    #[test]
    fn straight_quotes_after_a_colon() {
        let q = quotes("Russian Foreign Minister Sergei Ivanov opposed the plan, stating:\n\n\"This would be war.\"");
        assert_eq!(q, vec![(speaker("Sergei Ivanov"), "This would be war.".into(), false)]);
    }
}
