//! Capitalised runs of words, split into the title before a name and the name itself.

use super::kinds::{
    classify_name, is_date_word, named_after_kin, person_by_context, plausible_full_name, MAX_NAME_WORDS,
};
use super::{EntityKind, Role};
use crate::analysis::lexicon::{Gender, KnownKind, LEXICON};
use crate::analysis::text::{self, is_capitalised, strip_possessive, Token, PARTICLES};
use crate::text::slice;
use std::ops::Range;

/// A name as first found, before short forms are joined to full ones.
#[derive(Debug, Clone)]
pub(super) struct Raw {
    pub(super) block: usize,
    pub(super) range: Range<usize>,
    pub(super) name: String,
    /// The words as written, with an honorific (`Mr Smith`), for the alias list.
    pub(super) surface: String,
    pub(super) kind: Option<EntityKind>,
    pub(super) gender: Option<Gender>,
    pub(super) honorific: Option<String>,
    pub(super) role: Option<Role>,
    pub(super) initial: bool,
    pub(super) definite: bool,
}

impl Raw {
    /// A name whose kind is known from a list or a pattern, with nothing else to it.
    pub(super) fn known(block: usize, range: Range<usize>, name: String, kind: EntityKind) -> Self {
        Raw {
            block,
            range,
            surface: name.clone(),
            name,
            kind: Some(kind),
            gender: None,
            honorific: None,
            role: None,
            initial: false,
            definite: false,
        }
    }
}

/// Parties and leanings written before a person's name as a description of them.
const AFFILIATIONS: [&str; 11] = [
    "Republican",
    "Democrat",
    "Conservative",
    "Liberal",
    "Labour",
    "Tory",
    "Libertarian",
    "Independent",
    "Socialist",
    "Progressive",
    "GOP",
];

/// Honorifics written before a given name rather than a surname (`Sir Keir`, `Dame Judi`).
pub(super) fn before_given_name(h: &str) -> bool {
    matches!(h.trim_end_matches('.').to_lowercase().as_str(), "sir" | "dame" | "lord" | "lady")
}

/// Whether the words `toks[j]` and `toks[j + 1]` can belong to one name.
pub(super) fn joins(text: &str, toks: &[Token], j: usize) -> bool {
    text::joins_name(slice::from_to(text, toks[j].end, toks[j + 1].start), toks[j].text)
}

pub(super) fn sentence_initial(text: &str, at: usize) -> bool {
    match slice::before(text, at).trim_end().chars().next_back() {
        None => true,
        Some(c) => matches!(c, '.' | '!' | '?' | ':' | '“' | '‘' | '"' | '\'' | '•' | '(' | '—' | '–'),
    }
}

/// Titles inside `words`: the span of the last one, the gender it implies, and whether it was
/// an honorific.
pub(super) fn last_title(words: &[&str]) -> Option<(Range<usize>, Option<Gender>, bool)> {
    let lx = &*LEXICON;
    let mut found = None;
    let mut i = 0;
    while i < words.len() {
        let mut matched = false;
        for k in (1..=lx.max_title_words.min(words.len() - i)).rev() {
            if let Some(g) = lx.title(&words[i..i + k]) {
                // `Congressman Pete King`: a title at the very end, after an earlier title, is
                // a surname.
                if i + k < words.len() || found.is_none() {
                    found = Some((i..i + k, g, false));
                }
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
pub(super) fn title_before(
    text: &str,
    toks: &[Token],
    start: usize,
) -> Option<(String, Option<String>, Option<Gender>)> {
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

/// Every capitalised run in a block, split into its title and name parts.
pub(super) fn scan_block(block: usize, text: &str, toks: &[Token], out: &mut Vec<Raw>) {
    let mut i = 0;
    while i < toks.len() {
        if !is_capitalised(toks[i].text) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut office = false;
        while end < toks.len() {
            if !joins(text, toks, end - 1) || text::is_possessive(toks[end - 1].text) {
                break;
            }
            if is_capitalised(toks[end].text) {
                end += 1;
                continue;
            }
            // `Secretary of Homeland Security Jo Pike`, `Minister for Foreign Affairs Jo Pike`,
            // `Chairman of the Joint Chiefs …`: an office's department goes on after `of`.
            // (`… of Staff Martin Dempsey`: and the department's own name after that.)
            if matches!(toks[end].text, "of" | "for") && (office || LEXICON.title(&[toks[end - 1].text]).is_some()) {
                let n = if toks.get(end + 1).is_some_and(|t| t.text == "the") { 2 } else { 1 };
                if toks.get(end + n).is_some_and(|t| is_capitalised(t.text))
                    && (end..end + n).all(|j| joins(text, toks, j))
                {
                    end += n + 1;
                    office = true;
                    continue;
                }
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
pub(super) fn connector_run(text: &str, toks: &[Token], at: usize) -> Option<usize> {
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

pub(super) fn add_run(block: usize, text: &str, toks: &[Token], start: usize, mut end: usize, out: &mut Vec<Raw>) {
    let mut s = start;
    // `New Hampshire`, `First Nations`: a common word that opens a known place or body stays.
    let opens_known = |s: usize| {
        let run = slice::from_to(text, toks[s].start, toks[end - 1].end);
        LEXICON.known_prefix(run).is_some_and(|end| end > toks[s].text.len())
    };
    while s < end && text::is_common(toks[s].text) && !opens_known(s) {
        s += 1;
    }
    // `Sometimes Mara Linden`, `Asked` alone: a capitalised adverb or verb only opens the
    // sentence.
    if s < end && sentence_initial(text, toks[s].start) && LEXICON.opens_before_names(toks[s].text) {
        s += 1;
    }
    // `Republican Jeb Bush`, `Kentuckian Rand Paul`: a party or a place of origin before a
    // given name describes the person; it is not part of the name.
    // (`House Republican Thomas Massie`, `Ohio Democrat Jo Pike`, `House Intelligence
    // Republican Mike Pompeo`: a chamber, a committee or a place may come first.)
    let affiliation = |j: usize| {
        j + 2 < end
            && (AFFILIATIONS.contains(&toks[j].text) || LEXICON.is_demonym(toks[j].text))
            && LEXICON.first_name(toks[j + 1].text).is_some()
    };
    if let Some(j) = (s..(s + 3).min(end)).find(|&j| affiliation(j)) {
        s = j + 1;
    }
    // `Justices David Souter and …`, `Floridians Jeb Bush and …`: a plural title or origin
    // before a list of names.
    let plural_of =
        |w: &str, one: &dyn Fn(&str) -> bool| LEXICON.first_name(w).is_none() && w.strip_suffix('s').is_some_and(one);
    if end - s >= 2 && plural_of(toks[s].text, &|w| LEXICON.title(&[w]).is_some())
        || end - s >= 3 && plural_of(toks[s].text, &|w| LEXICON.is_demonym(w))
    {
        s += 1;
    }
    // `Zoe Dunne Expressed Fear About …`: a headline in title case, whose name ends where the
    // ordinary words begin.
    let capitals = toks[s..end].iter().filter(|t| is_capitalised(t.text)).count();
    if capitals > MAX_NAME_WORDS && LEXICON.first_name(toks[s].text).is_some() {
        let ordinary = |w: &str| LEXICON.is_ordinary(w) || w.strip_suffix('s').is_some_and(|w| LEXICON.is_ordinary(w));
        if let Some(cut) = (s + 2..end).find(|&j| ordinary(toks[j].text)) {
            add_run(block, text, toks, cut, end, out);
            end = cut;
        }
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
        // `Justice Department`, `Defense Ministry`: the title word names a body's field.
        let body = span.end + 1 == words.len() && LEXICON.is_org_suffix(strip_possessive(words[span.end]));
        if matches!(words.get(span.end), Some(&("of" | "for"))) && !is_honorific {
            // `Secretary of Homeland Security Jo Pike`: the department, then the name, which
            // starts at a given name or else is the last two words.
            let the = words.get(span.end + 1) == Some(&"the");
            let from = span.end + 2 + usize::from(the);
            let given = (from..words.len().saturating_sub(1)).find(|&j| LEXICON.first_name(words[j]).is_some());
            let j = given.unwrap_or(words.len().saturating_sub(2)).max(from);
            if j + 1 < words.len() {
                name_from = j;
                gender = g;
                let title = words[span.clone()].join(" ").to_lowercase();
                role = Some(Role { org: Some(words[span.end + 1 + usize::from(the)..j].join(" ")), title });
            }
        } else if span.end < words.len() && !body {
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
    // (`Anchor Expressed Fear About Prejudice …`: a headline in title case after a title word
    // is longer than a name.)
    let name_sized = name.split(' ').count() <= MAX_NAME_WORDS;
    if titled && name_sized && !matches!(kind, Some(EntityKind::Place | EntityKind::Organization | EntityKind::Date)) {
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
            out.push(Raw::known(block, range, n, kind));
            return;
        }
    }
    // `Sheetal Patel`: a common family name after a word that is nothing else. `Steffen W.
    // Graae`: an initial between two words.
    let surname = || name_words.len() <= 3 && name_words.last().is_some_and(|w| LEXICON.is_surname(w));
    let middle_initial = || matches!(name_words.as_slice(), [a, m, z] if text::is_initial(m) && !text::is_initial(a) && !text::is_initial(z));
    let by_context = || person_by_context(text, first, last.end);
    // `Garcia, the grocery store worker,`: a family name alone, described as a person.
    let lone_surname = || {
        let w = name_words[0];
        let described =
            slice::after(text, last.end).strip_prefix(", the ").is_some_and(|r| r.starts_with(char::is_lowercase));
        LEXICON.is_surname(w) && !LEXICON.is_ordinary(w) && (described || by_context())
    };
    if kind.is_none()
        && name_from == 0
        && ((by_context() || surname() || middle_initial()) && plausible_full_name(&name)
            || name_words.len() == 1 && (named_after_kin(text, first) || lone_surname()))
    {
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
pub(super) fn add_prefix(block: usize, text: &str, toks: &[Token], org: &str, out: &mut Vec<Raw>) {
    let words: Vec<&str> = org.split(' ').collect();
    if let Some(kind @ (EntityKind::Place | EntityKind::Organization)) = classify_name(org, &words) {
        let start = toks[0].start;
        let range = start..start + org.len().min(text.len() - start);
        out.push(Raw::known(block, range, org.to_string(), kind));
    }
}
