//! People, organisations, places, amounts and dates named in an article.
//!
//! A name is a run of capitalised words (particles such as `von der` may stand inside it). Titles
//! and honorifics at its front (`Prime Minister`, `Sir`, `NATO chief`) are taken off and
//! remembered: they say the rest is a person, sometimes the gender, and which role the person
//! holds, so that `the Prime Minister` or `NATO’s chief` can later be resolved to them. Short
//! forms (`Smith`, `Mr Smith`, `Sir John`) become aliases of the full name; across the corpus
//! a lone surname is matched to the one full name it belongs to.

use super::lexicon::{Gender, KnownKind, LEXICON};
use super::text::{self, is_acronym, is_capitalised, strip_possessive, Token, PARTICLES};
use crate::article::{Article, BlockKind};
use crate::text::slice;
use regex::Regex;
use serde::Serialize;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Money,
    Date,
    Other,
}

impl EntityKind {
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "People",
            EntityKind::Organization => "Organisations",
            EntityKind::Place => "Places",
            EntityKind::Money => "Amounts",
            EntityKind::Date => "Dates",
            EntityKind::Other => "Other names",
        }
    }
}

/// A title a person was named with, and the body or country written before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub org: Option<String>,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    pub mentions: usize,
    /// For a date: the day or period it names, worked out from the publication date
    /// (`2025-10-19`, `2025-03`, `2025-10-20..2025-10-26`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(skip)]
    pub gender: Option<Gender>,
    #[serde(skip)]
    pub roles: Vec<Role>,
    /// Named at least once after `the` (`the House`): a thing, never someone's surname.
    #[serde(skip)]
    pub definite: bool,
}

/// Where an entity is named: the bytes of the name itself, without its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub block: usize,
    pub range: Range<usize>,
    pub entity: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entities {
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
}

impl Entities {
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.entities.iter().position(|e| e.name == name)
    }

    /// The entity named inside `range` of `block`, preferring people, then bodies and places.
    pub fn within(&self, block: usize, range: &Range<usize>) -> Option<usize> {
        let rank = |k: EntityKind| match k {
            EntityKind::Person => 0,
            EntityKind::Organization => 1,
            EntityKind::Place => 2,
            _ => 3,
        };
        // Mentions are in text order: start at the first one in the range.
        let from = self.mentions.partition_point(|m| (m.block, m.range.start) < (block, range.start));
        self.mentions[from..]
            .iter()
            .take_while(|m| m.block == block && m.range.start < range.end)
            .filter(|m| m.range.end <= range.end)
            .min_by_key(|m| (rank(self.entities[m.entity].kind), std::cmp::Reverse(m.range.start)))
            .map(|m| m.entity)
    }
}

/// A name as first found, before short forms are joined to full ones.
#[derive(Debug, Clone)]
struct Raw {
    block: usize,
    range: Range<usize>,
    name: String,
    /// The words as written, with an honorific (`Mr Smith`), for the alias list.
    surface: String,
    kind: Option<EntityKind>,
    gender: Option<Gender>,
    honorific: Option<String>,
    role: Option<Role>,
    initial: bool,
    definite: bool,
}

static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:[£$€¥]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:bn|billion|mn|million|m|k|trillion|tn|thousand)(?-u:\b))?
          |(?-u:\b)\d[\d,]*(?:\.\d+)?\s?(?:billion|million|trillion|bn|m)?\s(?:euros?|dollars|pounds|yen|roubles|rubles|francs)(?-u:\b))
        (?:\s\([£$€¥]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:bn|billion|mn|million|m|k|trillion|tn))?\))?",
    )
    .expect("money pattern")
});

static RELATIVE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?-u:\b)(?:
            (?:this|last|next)\ (?:week|month|year|weekend|morning|afternoon|evening)
            |today|yesterday|tomorrow|tonight
            |(?:(?:last|next|on)\ )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)
            |(?:\d{1,2}(?:st|nd|rd|th)?\ )?(?:January|February|March|April|May|June|July|August|September|October|November|December)
                (?:\ \d{1,2}(?:st|nd|rd|th)?)?(?:,?\ \d{4})?
        )(?-u:\b)",
    )
    .expect("date pattern")
});

use super::dates::MONTH_NAMES as MONTHS;
const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

pub(crate) fn is_date_word(w: &str) -> bool {
    MONTHS.contains(&w) || WEEKDAYS.contains(&w)
}

/// Honorifics written before a given name rather than a surname (`Sir Keir`, `Dame Judi`).
fn before_given_name(h: &str) -> bool {
    matches!(h.trim_end_matches('.').to_lowercase().as_str(), "sir" | "dame" | "lord" | "lady")
}

/// Whether the words `toks[j]` and `toks[j + 1]` can belong to one name.
fn joins(text: &str, toks: &[Token], j: usize) -> bool {
    text::joins_name(slice::from_to(text, toks[j].end, toks[j + 1].start), toks[j].text)
}

fn sentence_initial(text: &str, at: usize) -> bool {
    match slice::before(text, at).trim_end().chars().next_back() {
        None => true,
        Some(c) => matches!(c, '.' | '!' | '?' | ':' | '“' | '‘' | '"' | '\'' | '•' | '(' | '—' | '–'),
    }
}

/// Titles inside `words`: the span of the last one, the gender it implies, and whether it was
/// an honorific.
fn last_title(words: &[&str]) -> Option<(Range<usize>, Option<Gender>, bool)> {
    let lx = &*LEXICON;
    let mut found = None;
    let mut i = 0;
    while i < words.len() {
        let mut matched = false;
        for k in (1..=lx.max_title_words.min(words.len() - i)).rev() {
            if let Some(g) = lx.title(&words[i..i + k]) {
                found = Some((i..i + k, g, false));
                i += k;
                matched = true;
                break;
            }
        }
        if !matched {
            if let Some(g) = lx.honorific(words[i]) {
                found = Some((i..i + 1, g, true));
            }
            i += 1;
        }
    }
    found
}

/// Lower-case title words right before a run (`NATO chief`, `spokeswoman`), with the
/// capitalised body before them: (title, org, gender).
fn title_before(text: &str, toks: &[Token], start: usize) -> Option<(String, Option<String>, Option<Gender>)> {
    let lx = &*LEXICON;
    for k in (1..=lx.max_title_words.min(start)).rev() {
        let span = &toks[start - k..start];
        if span.iter().any(|t| is_capitalised(t.text)) {
            continue;
        }
        let contiguous = (start - k..start).all(|j| joins(text, toks, j));
        if !contiguous {
            continue;
        }
        let words: Vec<&str> = span.iter().map(|t| t.text).collect();
        if let Some(g) = lx.title(&words) {
            let mut org = None;
            let first = start - k;
            if first > 0 && joins(text, toks, first - 1) {
                let mut s = first;
                while s > 0 && is_capitalised(toks[s - 1].text) && (s == first || joins(text, toks, s - 1)) {
                    s -= 1;
                    if text::is_possessive(toks[s].text) && s != first - 1 {
                        s += 1;
                        break;
                    }
                }
                while s < first && text::is_common(toks[s].text) {
                    s += 1;
                }
                if s < first {
                    let o = slice::from_to(text, toks[s].start, toks[first - 1].end).to_string();
                    org = Some(strip_possessive(&o).to_string());
                }
            }
            return Some((words.join(" "), org, g));
        }
    }
    None
}

fn classify_name(name: &str, words: &[&str]) -> Option<EntityKind> {
    let lx = &*LEXICON;
    // A dateline city in capitals (`LONDON (Reuters)`): look it up as it is usually written.
    if words.len() == 1 && name.chars().count() > 3 && is_acronym(name) {
        let mut chars = name.chars();
        let titled: String = chars.next().into_iter().chain(chars.flat_map(char::to_lowercase)).collect();
        if lx.is_place(&titled) {
            return Some(EntityKind::Place);
        }
    }
    if lx.is_place(name) {
        return Some(EntityKind::Place);
    }
    if lx.is_org(name) {
        return Some(EntityKind::Organization);
    }
    if words.iter().all(|w| is_date_word(w)) {
        return Some(EntityKind::Date);
    }
    if words.len() >= 2 && lx.first_name(words[0]).is_some() && !words.iter().any(|w| is_acronym(w)) {
        return Some(EntityKind::Person);
    }
    if words.len() == 1 && is_acronym(words[0]) {
        return Some(EntityKind::Organization);
    }
    None
}

/// Every capitalised run in a block, split into its title and name parts.
fn scan_block(block: usize, text: &str, toks: &[Token], out: &mut Vec<Raw>) {
    let mut i = 0;
    while i < toks.len() {
        if !is_capitalised(toks[i].text) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < toks.len() {
            if !joins(text, toks, end - 1) || text::is_possessive(toks[end - 1].text) {
                break;
            }
            if is_capitalised(toks[end].text) {
                end += 1;
                continue;
            }
            // `Ministry of Defence`, `Fund for Ukraine`, `Alliance of the Able`: a body's name
            // goes on after `of` or `for` when the word before them names a kind of body.
            if let Some(n) = connector_run(text, toks, end) {
                end += n + 1;
                continue;
            }
            let particles = toks[end..].iter().take_while(|t| PARTICLES.contains(&t.text)).count();
            let after = end + particles;
            if particles > 0
                && after < toks.len()
                && is_capitalised(toks[after].text)
                && (end..after).all(|j| joins(text, toks, j))
            {
                end = after + 1;
            } else {
                break;
            }
        }
        add_run(block, text, toks, start, end, out);
        i = end;
    }
}

/// How many connecting words (`of`, `of the`, `for`) start at `at` when the word before them
/// is a kind of body and a capitalised word follows them.
fn connector_run(text: &str, toks: &[Token], at: usize) -> Option<usize> {
    if at == 0 || !LEXICON.is_org_suffix(toks[at - 1].text) {
        return None;
    }
    let n = match (toks.get(at).map(|t| t.text), toks.get(at + 1).map(|t| t.text)) {
        (Some("of" | "for"), Some("the")) => 2,
        (Some("of" | "for"), _) => 1,
        _ => return None,
    };
    let next = toks.get(at + n)?;
    let joined = (at - 1..at + n).all(|j| joins(text, toks, j));
    (joined && is_capitalised(next.text)).then_some(n)
}

fn add_run(block: usize, text: &str, toks: &[Token], start: usize, end: usize, out: &mut Vec<Raw>) {
    let mut s = start;
    while s < end && text::is_common(toks[s].text) {
        s += 1;
    }
    // `Sometimes Mara Linden`, `Asked` alone: a capitalised adverb or verb only opens the
    // sentence.
    if s < end && sentence_initial(text, toks[s].start) && LEXICON.opens_before_names(toks[s].text) {
        s += 1;
    }
    if s == end {
        return;
    }
    let words: Vec<&str> = toks[s..end].iter().map(|t| t.text).collect();
    // A title alone (`the Prime Minister`) or an adjective of nationality is not a name.
    let bare: Vec<&str> = words.iter().map(|w| strip_possessive(w)).collect();
    if bare.iter().all(|w| is_date_word(w)) {
        return;
    }
    if LEXICON.title(&bare).is_some()
        || words.iter().all(|w| LEXICON.is_demonym(w) || LEXICON.is_demonym(strip_possessive(w)))
        || (words.len() == 1 && LEXICON.honorific(words[0]).is_some())
    {
        return;
    }
    let initial = s == start && sentence_initial(text, toks[s].start);
    let the = |t: &Token| t.text.eq_ignore_ascii_case("the");
    let definite = (s > start && the(&toks[s - 1])) || (s == start && start > 0 && the(&toks[start - 1]));
    let mut name_from = 0;
    let mut gender = None;
    let mut honorific = None;
    let mut role = None;
    if let Some((span, g, is_honorific)) = last_title(&words) {
        if span.end < words.len() {
            name_from = span.end;
            gender = g;
            let title = words[span.clone()].join(" ");
            if is_honorific {
                honorific = Some(title);
                // An office may stand before the honorific: `Prime Minister Sir John Harland`.
                if let Some((inner, _, false)) = last_title(&words[..span.start]) {
                    let org = (inner.start > 0).then(|| strip_possessive(&words[..inner.start].join(" ")).to_string());
                    role = Some(Role { org, title: words[inner].join(" ").to_lowercase() });
                }
            } else {
                let org = (span.start > 0).then(|| strip_possessive(&words[..span.start].join(" ")).to_string());
                if let Some(org) = &org {
                    add_prefix(block, text, &toks[s..s + span.start], org, out);
                }
                role = Some(Role { org, title: title.to_lowercase() });
            }
        }
    }
    if role.is_none() && honorific.is_none() {
        if let Some((title, org, g)) = title_before(text, toks, s) {
            role = Some(Role { org, title });
            gender = g;
        }
    }
    let name_toks = &toks[s + name_from..end];
    let first = name_toks[0].start;
    let last = name_toks[name_toks.len() - 1];
    let raw_name = slice::from_to(text, first, last.end);
    let name = strip_possessive(raw_name).to_string();
    let name_words: Vec<&str> = name.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let titled = role.is_some() || honorific.is_some();
    let mut kind = classify_name(&name, &name_words);
    if titled && !matches!(kind, Some(EntityKind::Place | EntityKind::Organization | EntityKind::Date)) {
        kind = Some(EntityKind::Person);
    }
    if kind.is_none() && name_from == 0 {
        // Part of a longer run may still be a known place or body: `The London`, `Thales LMM`.
        let known = LEXICON.known_in(&name);
        if let Some((r, k)) = known.first().filter(|(r, _)| r.len() < name.len()) {
            let kind = match k {
                KnownKind::Place => EntityKind::Place,
                KnownKind::Org => EntityKind::Organization,
            };
            let range = first + r.start..first + r.end;
            let n = slice::range(&name, r.clone()).to_string();
            out.push(Raw {
                block,
                range,
                surface: n.clone(),
                name: n,
                kind: Some(kind),
                gender: None,
                honorific: None,
                role: None,
                initial: false,
                definite: false,
            });
            return;
        }
    }
    if kind.is_none() && name_from == 0 && plausible_full_name(&name) && person_by_context(text, first, last.end) {
        kind = Some(EntityKind::Person);
    }
    if gender.is_none() && kind == Some(EntityKind::Person) {
        gender = LEXICON.first_name(name_words[0]).flatten();
    }
    let surface = match &honorific {
        Some(h) => format!("{h} {name}"),
        None => name.clone(),
    };
    out.push(Raw {
        block,
        range: first..first + name.len(),
        name,
        surface,
        kind,
        gender,
        honorific,
        role,
        initial: initial && name_from == 0,
        definite,
    });
}

/// The body or country before a title (`European Commission` President …), when it is known.
fn add_prefix(block: usize, text: &str, toks: &[Token], org: &str, out: &mut Vec<Raw>) {
    let words: Vec<&str> = org.split(' ').collect();
    if let Some(kind @ (EntityKind::Place | EntityKind::Organization)) = classify_name(org, &words) {
        let start = toks[0].start;
        out.push(Raw {
            block,
            range: start..start + org.len().min(text.len() - start),
            name: org.to_string(),
            surface: org.to_string(),
            kind: Some(kind),
            gender: None,
            honorific: None,
            role: None,
            initial: false,
            definite: false,
        });
    }
}

fn scan_patterns(block: usize, text: &str, out: &mut Vec<Raw>) {
    for (re, kind) in [(&*MONEY, EntityKind::Money), (&*RELATIVE_DATE, EntityKind::Date)] {
        for m in re.find_iter(text) {
            let name = m.as_str().strip_prefix("on ").unwrap_or(m.as_str()).to_string();
            out.push(Raw {
                block,
                range: m.range(),
                surface: name.clone(),
                name,
                kind: Some(kind),
                gender: None,
                honorific: None,
                role: None,
                initial: false,
                definite: false,
            });
        }
    }
}

/// Finds the entities of one article. Headings are left out: their capitals are style.
/// `words` holds the words of each block ([`text::tokens`]), shared with the quotation pass.
pub fn find(article: &Article, words: &[Vec<Token>]) -> Entities {
    let mut raws = Vec::new();
    for (i, b) in article.blocks.iter().enumerate() {
        if b.kind == BlockKind::Heading {
            continue;
        }
        scan_block(i, &b.text, &words[i], &mut raws);
        scan_patterns(i, &b.text, &mut raws);
    }
    let mut ents = build(raws);
    // In text order, which `within` relies on.
    ents.mentions.sort_by_key(|m| (m.block, m.range.start));
    // Kept for every article of an archive: no spare capacity.
    ents.entities.shrink_to_fit();
    ents.mentions.shrink_to_fit();
    ents
}

fn last_word(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

fn build(raws: Vec<Raw>) -> Entities {
    let mut out = Entities::default();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    // Full names of people first, so that short forms can find them.
    // Full names by their last and by their first word: one look-up per short form, however
    // many people the article names.
    let mut by_last: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut by_first: HashMap<&str, Vec<&str>> = HashMap::new();
    for r in raws.iter().filter(|r| r.kind == Some(EntityKind::Person) && r.name.contains(' ')) {
        for (map, key) in [(&mut by_last, last_word(&r.name)), (&mut by_first, r.name.split(' ').next().unwrap_or(""))]
        {
            let names = map.entry(key).or_default();
            if !names.contains(&r.name.as_str()) {
                names.push(&r.name);
            }
        }
    }
    let non_initial_words: std::collections::HashSet<&str> =
        raws.iter().filter(|r| !r.initial).map(|r| r.name.as_str()).collect();
    for r in &raws {
        let single = !r.name.contains(' ');
        let matching_full = |r: &Raw| -> Option<String> {
            let by_given = r.honorific.as_deref().is_some_and(before_given_name);
            let hits = if by_given { by_first.get(r.name.as_str()) } else { by_last.get(r.name.as_str()) }?;
            match hits.as_slice() {
                [one] => Some(one.to_string()),
                _ => None,
            }
        };
        let (name, kind) = match r.kind {
            Some(EntityKind::Person) if single => match matching_full(r) {
                Some(full) => (full, EntityKind::Person),
                None => (r.name.clone(), EntityKind::Person),
            },
            Some(k @ (EntityKind::Place | EntityKind::Organization)) => (LEXICON.canonical(&r.name).to_string(), k),
            Some(k) => (r.name.clone(), k),
            None if single => match matching_full(r) {
                Some(full) => (full, EntityKind::Person),
                None if r.initial && !non_initial_words.contains(r.name.as_str()) => continue,
                None => (r.name.clone(), EntityKind::Other),
            },
            None => (r.name.clone(), EntityKind::Other),
        };
        let idx = *by_name.entry(name.clone()).or_insert_with(|| {
            out.entities.push(Entity {
                name: name.clone(),
                kind,
                aliases: Vec::new(),
                mentions: 0,
                value: None,
                gender: None,
                roles: Vec::new(),
                definite: false,
            });
            out.entities.len() - 1
        });
        let e = &mut out.entities[idx];
        e.mentions += 1;
        e.definite |= r.definite;
        if e.gender.is_none() {
            e.gender = r.gender;
        }
        if let Some(role) = &r.role {
            if !e.roles.contains(role) {
                e.roles.push(role.clone());
            }
        }
        if r.surface != e.name && !e.aliases.contains(&r.surface) {
            e.aliases.push(r.surface.clone());
        }
        out.mentions.push(Mention { block: r.block, range: r.range.clone(), entity: idx });
    }
    out
}

/// Whether the words around a name (bytes `start..end` of `text`) treat it as a person's: an
/// age or a description in apposition after it (`Hal Dunne, 52,`, `Hal Dunne, a farmer`), a
/// role in apposition before it (`the minister, Hal Dunne,`), or a speech verb after it.
fn person_by_context(text: &str, start: usize, end: usize) -> bool {
    let after = slice::after(text, end);
    let next_word = |s: &str| s.split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).map(str::to_string);
    if let Some(rest) = after.strip_prefix(", ") {
        let age =
            rest.split(',').next().is_some_and(|w| (1..=3).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit()));
        let described = ["a ", "an ", "who "].iter().any(|p| rest.starts_with(p));
        if age || described {
            return true;
        }
    }
    if after.starts_with(' ') && next_word(after).is_some_and(|w| LEXICON.is_speech_verb(&w)) {
        return true;
    }
    let before = slice::before(text, start).trim_end();
    before.strip_suffix(',').is_some_and(|b| {
        let role = b.rsplit(' ').next().unwrap_or("");
        LEXICON.title(&[role]).is_some() || LEXICON.is_speaker_noun(role) && !is_capitalised(role)
    })
}

/// Whether a run of capitalised words can be a person's full name: not a place and a party
/// (`Virginia Democratic`), not a nationality (`Cuban-American`). A surname that is also an
/// adjective (`Young`) needs a given name that is not a place before it.
fn plausible_full_name(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    let Some((last, first)) = words.split_last().zip(words.first()) else { return false };
    let given = LEXICON.first_name(first).is_some() && !LEXICON.is_place(first);
    let adjective = |w: &str| LEXICON.usual_tag(w) == Some("ADJ") || LEXICON.is_demonym(w);
    let name_word = |w: &&str| (is_capitalised(w) || PARTICLES.contains(w)) && !LEXICON.is_org_suffix(w);
    (2..=4).contains(&words.len())
        && words.iter().all(name_word)
        && !words
            .iter()
            .any(|w| LEXICON.is_demonym(w) || w.contains('-') && w.split('-').any(|p| LEXICON.is_demonym(p)))
        && (given || !adjective(last.0) && !LEXICON.is_place(first))
}

/// A name of two or more words that speaks in a quotation is a person, even when no title or
/// known given name said so (`Sadiq Khan said`).
pub fn people_who_speak(ents: &mut Entities, quotes: &[super::quotes::Quote]) {
    for e in ents.entities.iter_mut().filter(|e| e.kind == EntityKind::Other && plausible_full_name(&e.name)) {
        if quotes.iter().any(|q| q.speaker.as_deref() == Some(e.name.as_str())) {
            e.kind = EntityKind::Person;
        }
    }
}

/// Works out the day or period each date entity names, from the publication date.
pub fn resolve_dates(ents: &mut Entities, published: Option<chrono::NaiveDate>) {
    for e in ents.entities.iter_mut().filter(|e| e.kind == EntityKind::Date) {
        e.value = super::dates::resolve_mention(&e.name, published);
    }
}

/// Joins lone surnames to the one full name the corpus knows for them (`Trump` in an article
/// that never gives his first name).
/// Returns, for each article, the names that changed (old, new), so that speakers named with
/// the old names can follow.
pub fn resolve_across(all: &mut [Entities]) -> Vec<Vec<(String, String)>> {
    let mut surnames: HashMap<String, Vec<(String, Option<Gender>)>> = HashMap::new();
    for ents in all.iter() {
        for e in &ents.entities {
            if e.kind == EntityKind::Person && plausible_full_name(&e.name) {
                let v = surnames.entry(last_word(&e.name).to_string()).or_default();
                if !v.iter().any(|(n, _)| *n == e.name) {
                    v.push((e.name.clone(), e.gender));
                }
            }
        }
    }
    let mut renames = Vec::with_capacity(all.len());
    for ents in all.iter_mut() {
        let mut renamed = Vec::new();
        for e in ents.entities.iter_mut() {
            // An ordinary word (`House`, `He`) or a place is no surname, whatever another
            // article says.
            let word = &e.name;
            let lone = !word.contains(' ') && !LEXICON.is_ordinary(word) && !LEXICON.is_place(word);
            if !lone
                || e.definite
                || LEXICON.is_demonym(word)
                || !matches!(e.kind, EntityKind::Person | EntityKind::Other)
            {
                continue;
            }
            if let Some([(full, g)]) = surnames.get(&e.name).map(Vec::as_slice) {
                let old = std::mem::replace(&mut e.name, full.clone());
                renamed.push((old.clone(), full.clone()));
                e.aliases.push(old);
                e.kind = EntityKind::Person;
                e.gender = e.gender.or(*g);
            }
        }
        if !renamed.is_empty() {
            merge_same_names(ents);
        }
        renames.push(renamed);
    }
    renames
}

fn merge_same_names(ents: &mut Entities) {
    let mut keep: Vec<Entity> = Vec::new();
    let mut map = Vec::with_capacity(ents.entities.len());
    for e in ents.entities.drain(..) {
        if let Some(j) = keep.iter().position(|k| k.name == e.name) {
            let k = &mut keep[j];
            k.mentions += e.mentions;
            k.gender = k.gender.or(e.gender);
            k.definite |= e.definite;
            for a in e.aliases {
                if a != k.name && !k.aliases.contains(&a) {
                    k.aliases.push(a);
                }
            }
            for r in e.roles {
                if !k.roles.contains(&r) {
                    k.roles.push(r);
                }
            }
            map.push(j);
        } else {
            map.push(keep.len());
            keep.push(e);
        }
    }
    ents.entities = keep;
    for m in &mut ents.mentions {
        m.entity = map[m.entity];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::normalize;

    fn ents(text: &str) -> Entities {
        let a = normalize("a.txt", &format!("A headline for the test\n\n{text}\n"));
        let words: Vec<_> = a.blocks.iter().map(|b| text::tokens(&b.text)).collect();
        find(&a, &words)
    }

    fn kind_of(e: &Entities, name: &str) -> Option<EntityKind> {
        e.entities.iter().find(|x| x.name == name).map(|x| x.kind)
    }

    #[test]
    fn titles_and_honorifics_are_stripped_and_short_forms_join_the_full_name() {
        let e = ents(
            "Prime Minister Sir John Harland spoke. Sir John said more. Mr Harland left, and Harland’s aides stayed.",
        );
        let p = e.entities.iter().find(|x| x.name == "John Harland").expect("one person");
        assert_eq!(p.kind, EntityKind::Person);
        assert_eq!(p.mentions, 4);
        assert!(p.aliases.contains(&"Sir John".to_string()), "{:?}", p.aliases);
        assert!(p.aliases.contains(&"Mr Harland".to_string()));
        assert!(!e.entities.iter().any(|x| x.name == "John"));
        assert_eq!(p.roles[0].title, "prime minister");
        assert_eq!(p.gender, Some(Gender::Male));
    }

    #[test]
    fn particles_and_accents_stay_in_names() {
        let e = ents("European Commission President Ingrid van der Berg met Irish Taoiseach Seán Ó Briain.");
        assert_eq!(kind_of(&e, "Ingrid van der Berg"), Some(EntityKind::Person));
        assert_eq!(kind_of(&e, "Seán Ó Briain"), Some(EntityKind::Person));
        assert_eq!(kind_of(&e, "European Commission"), Some(EntityKind::Organization));
    }

    #[test]
    fn places_firms_and_products_are_not_people() {
        let e =
            ents("A firm, Anduril, will send Altius 600m drones to Kyiv and the Black Sea, officials in London said.");
        assert_eq!(kind_of(&e, "Kyiv"), Some(EntityKind::Place));
        assert_eq!(kind_of(&e, "Black Sea"), Some(EntityKind::Place));
        assert_eq!(kind_of(&e, "London"), Some(EntityKind::Place));
        for name in ["Anduril", "Altius"] {
            assert_ne!(kind_of(&e, name), Some(EntityKind::Person), "{name}");
        }
    }

    #[test]
    fn a_capital_that_only_begins_a_sentence_is_not_a_name() {
        let e = ents("Officials met. Faster progress was made. Leaders agreed.");
        assert!(e.entities.is_empty(), "{:?}", e.entities);
    }

    #[test]
    fn roles_written_in_lower_case_before_a_name_are_kept() {
        let e = ents("Earlier NATO chief Mark Stone spoke, and Foreign Ministry spokeswoman Maria Ivanova replied.");
        let stone = e.entities.iter().find(|x| x.name == "Mark Stone").unwrap();
        assert_eq!(stone.roles, [Role { org: Some("NATO".into()), title: "chief".into() }]);
        let z = e.entities.iter().find(|x| x.name == "Maria Ivanova").unwrap();
        assert_eq!(z.gender, Some(Gender::Female));
    }

    #[test]
    fn amounts_are_found_whole() {
        let e = ents("It costs €800 billion (£670bn), plus £1.6 billion and $30m, or 800 billion euros.");
        let money: Vec<&str> =
            e.entities.iter().filter(|x| x.kind == EntityKind::Money).map(|x| x.name.as_str()).collect();
        assert_eq!(money, ["€800 billion (£670bn)", "£1.6 billion", "$30m", "800 billion euros"]);
    }

    #[test]
    fn a_lone_surname_takes_the_corpus_full_name() {
        let a = ents("President Donald Trump spoke.");
        let b = ents("Europe worries about commitments under Trump.");
        let mut all = vec![a, b];
        resolve_across(&mut all);
        assert_eq!(kind_of(&all[1], "Donald Trump"), Some(EntityKind::Person));
    }

    #[test]
    fn only_a_plausible_surname_takes_a_full_name_from_another_article() {
        let a = ents("Tom House and Virginia Democratic voters met Hal Price on Monday.");
        let b = ents("The House voted. He said Democratic senators and Price agreed.");
        let mut all = vec![a, b];
        resolve_across(&mut all);
        let names: Vec<&str> = all[1].entities.iter().map(|e| e.name.as_str()).collect();
        assert!(!names.contains(&"Tom House") && !names.contains(&"Virginia Democratic"), "{names:?}");
        assert!(!names.contains(&"Hal Price"), "an adjective or noun alone is not joined: {names:?}");
    }

    #[test]
    fn places_parties_and_nationalities_are_not_full_names() {
        assert!(plausible_full_name("Simon Rosenberg"));
        assert!(plausible_full_name("Mike Young"));
        assert!(plausible_full_name("Tarquin Bloggsworth"));
        assert!(!plausible_full_name("Virginia Democratic"));
        assert!(!plausible_full_name("Cuban-American"));
        assert!(!plausible_full_name("Muslim American"));
        assert!(!plausible_full_name("Sanders"));
        assert!(!plausible_full_name("Acme Holdings"));
        assert!(!plausible_full_name("Office of Budget"));
    }

    #[test]
    fn a_name_the_text_treats_as_a_person_is_one() {
        for text in [
            "The country's foreign minister, Hal Dunne, plays down the worries.",
            "Hal Dunne, 52, runs a farm.",
            "Hal Dunne, a farmer from the valley, disagrees.",
            "Hal Dunne said the vote was close.",
        ] {
            assert_eq!(kind_of(&ents(text), "Hal Dunne"), Some(EntityKind::Person), "{text}");
        }
        let firm = ents("Acme Holdings, a firm in the valley, disagrees.");
        assert_ne!(kind_of(&firm, "Acme Holdings"), Some(EntityKind::Person));
    }
}
