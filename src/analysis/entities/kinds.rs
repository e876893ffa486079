//! What kind of thing a name names: a place, a body, a date, or a person, from the lexicons and
//! from how the text treats it.

use super::names::Raw;
use super::EntityKind;
use crate::analysis::lexicon::LEXICON;
use crate::analysis::text::{is_acronym, is_capitalised, is_initial, PARTICLES};
use crate::text::slice;

use crate::analysis::dates::MONTH_NAMES as MONTHS;
pub(super) const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

pub(crate) fn is_date_word(w: &str) -> bool {
    MONTHS.contains(&w) || WEEKDAYS.contains(&w) || MONTH_ABBREVIATIONS.contains(&w)
}

/// Months as news writes them before a day (`Feb. 1`); `Jan`, `Mar` and `Jun` are left out as
/// they are names as well.
const MONTH_ABBREVIATIONS: [&str; 9] = ["Feb", "Apr", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"];

/// The most words a person's name is taken to have (`Ingrid van der Berg`).
pub(super) const MAX_NAME_WORDS: usize = 4;

pub(super) fn classify_name(name: &str, words: &[&str]) -> Option<EntityKind> {
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
    // A listed body first: `Downing Street` speaks for a government.
    if lx.is_org(name) {
        return Some(EntityKind::Organization);
    }
    if lx.is_place_name(name) {
        return Some(EntityKind::Place);
    }
    if words.iter().all(|w| is_date_word(w)) {
        return Some(EntityKind::Date);
    }
    // `Leon E. Panetta`: an initial is part of a person's name; other capitals (`Jean BNP`) are not.
    // `Al-Shabaab` is one word, whatever `Al` may be elsewhere.
    let given = lx.first_name(words[0]).is_some() && name.contains(' ');
    // More capitalised words than a name has are a headline in title case.
    let short = words.iter().filter(|w| is_capitalised(w)).count() <= MAX_NAME_WORDS;
    if words.len() >= 2 && given && short && !words.iter().any(|w| is_acronym(w) && !is_initial(w)) {
        return Some(EntityKind::Person);
    }
    if words.len() == 1 && is_acronym(words[0]) {
        return Some(EntityKind::Organization);
    }
    None
}

/// Whether the words around a name (bytes `start..end` of `text`) treat it as a person's: an
/// age or a description in apposition after it (`Hal Dunne, 52,`, `Hal Dunne, a farmer`), a
/// role in apposition before it (`the minister, Hal Dunne,`), or a speech verb after it.
pub(super) fn person_by_context(text: &str, start: usize, end: usize) -> bool {
    let after = slice::after(text, end);
    if let Some(rest) = after.strip_prefix(", ") {
        let age =
            rest.split(',').next().is_some_and(|w| (1..=3).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit()));
        let described = ["a ", "an ", "who "].iter().any(|p| rest.starts_with(p));
        if age || described {
            return true;
        }
    }
    if after.starts_with(' ')
        && after
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .is_some_and(|w| LEXICON.is_speech_verb(w))
    {
        return true;
    }
    let before = slice::before(text, start).trim_end();
    // `Jagdeep Sarai runs the mill. She bought it in 1990.`: the subject of a sentence the next
    // one calls he or she.
    let opens = before.is_empty() || before.ends_with(['.', '!', '?']);
    if opens {
        let next = after.find(". ").map(|i| slice::after(after, i + 2).trim_start());
        if next.is_some_and(|n| ["He ", "She "].iter().any(|p| n.starts_with(p))) {
            return true;
        }
    }
    before.strip_suffix(',').is_some_and(|b| {
        let role = b.rsplit(' ').next().unwrap_or("");
        LEXICON.title(&[role]).is_some() || LEXICON.is_speaker_noun(role) && !is_capitalised(role)
    }) || named_after_kin(text, start)
}

/// `his wife, Melania,`: a relative named in apposition, perhaps by a given name alone.
pub(super) fn named_after_kin(text: &str, start: usize) -> bool {
    let before = slice::before(text, start).trim_end();
    before.strip_suffix(',').is_some_and(|b| is_kin(b.rsplit(' ').next().unwrap_or("")))
        && slice::after(text, start).split_once(' ').is_some_and(|(_, rest)| !rest.is_empty())
}

pub(crate) fn is_kin(w: &str) -> bool {
    KIN.contains(&w)
}

/// Nouns for relatives, which a person's name may follow in apposition.
const KIN: [&str; 20] = [
    "wife",
    "husband",
    "son",
    "daughter",
    "mother",
    "father",
    "brother",
    "sister",
    "widow",
    "widower",
    "partner",
    "fiancée",
    "fiancé",
    "grandson",
    "granddaughter",
    "grandmother",
    "grandfather",
    "niece",
    "nephew",
    "cousin",
];

/// Whether a run of capitalised words can be a person's full name: not a place and a party
/// (`Virginia Democratic`), not a nationality (`Cuban-American`). A surname that is also an
/// adjective (`Young`) needs a given name that is not a place before it.
pub(crate) fn plausible_full_name(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    let Some((last, first)) = words.split_last().zip(words.first()) else { return false };
    let given = LEXICON.first_name(first).is_some() && !LEXICON.is_place(first);
    let adjective = |w: &str| LEXICON.usual_tag(w) == Some("ADJ") || LEXICON.is_demonym(w);
    let name_word = |w: &&str| (is_capitalised(w) || PARTICLES.contains(w)) && !LEXICON.is_org_suffix(w);
    (2..=MAX_NAME_WORDS).contains(&words.len())
        && words.iter().all(name_word)
        && !LEXICON.is_place_name(name)
        && !words
            .iter()
            .any(|w| LEXICON.is_demonym(w) || w.contains('-') && w.split('-').any(|p| LEXICON.is_demonym(p)))
        && (given || !adjective(last.0) && !LEXICON.is_place(first) && !LEXICON.is_ordinary(first))
}

/// `Condoleeza Rice and Donald Rumsfeld`, `Mary John, Russell Dyk, Webb Jennings`: a full name
/// listed with a person's is a person's too. `raws` are one block's names, in text order.
pub(super) fn people_in_lists(text: &str, raws: &mut [Raw]) {
    let listed = |a: &Raw, b: &Raw| {
        let gap = slice::from_to(text, a.range.end, b.range.start);
        matches!(gap, " and " | ", " | ", and " | " or ")
    };
    // (`the Seventh Circuit and Judge Jo Pike`: a name after `the` is a thing's.)
    let full = |r: &Raw| r.name.contains(' ') && !r.definite;
    let mut changed = true;
    while changed {
        changed = false;
        for i in 1..raws.len() {
            let (a, b) = (&raws[i - 1], &raws[i]);
            if !listed(a, b) || !full(a) || !full(b) {
                continue;
            }
            let unknown = match (a.kind, b.kind) {
                (Some(EntityKind::Person), None) => i,
                (None, Some(EntityKind::Person)) => i - 1,
                _ => continue,
            };
            if plausible_full_name(&raws[unknown].name) {
                raws[unknown].kind = Some(EntityKind::Person);
                changed = true;
            }
        }
    }
}
