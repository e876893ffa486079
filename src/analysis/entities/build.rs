//! From names as found to entities: short forms joined to full names in an article, and lone
//! surnames to full names across the corpus.

use super::kinds::plausible_full_name;
use super::names::{before_given_name, Raw};
use super::{surname_of, Entities, Entity, EntityKind, Mention};
use crate::analysis::lexicon::{Gender, LEXICON};
use crate::analysis::text::{is_capitalised, PARTICLES};
use std::collections::HashMap;

pub(super) fn build(mut raws: Vec<Raw>) -> Entities {
    promote_people(&mut raws);
    let mut out = Entities::default();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    // Full names of people first, so that short forms can find them.
    // Full names by their last and by their first word: one look-up per short form, however
    // many people the article names.
    let mut by_last: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut by_first: HashMap<&str, Vec<&str>> = HashMap::new();
    for r in raws.iter().filter(|r| r.kind == Some(EntityKind::Person) && r.name.contains(' ')) {
        for (map, key) in [(&mut by_last, surname_of(&r.name)), (&mut by_first, r.name.split(' ').next().unwrap_or(""))]
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
            // `Samantha Pike … said Samantha`: a given name alone, when no one has it as a
            // surname, is the one person of that given name.
            let hits = if by_given {
                by_first.get(r.name.as_str())
            } else {
                let given = || LEXICON.first_name(&r.name).is_some().then(|| by_first.get(r.name.as_str())).flatten();
                by_last.get(r.name.as_str()).or_else(given)
            }?;
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
            None => match particled_surname(&r.name, &by_last) {
                Some(full) => (full.to_string(), EntityKind::Person),
                None => (r.name.clone(), EntityKind::Other),
            },
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

/// `Bill de Blasio … De Blasio said`: a surname with a particle, capitalised to open a
/// sentence, is the one person named with it.
fn particled_surname<'a>(name: &str, by_last: &HashMap<&str, Vec<&'a str>>) -> Option<&'a str> {
    let (first, rest) = name.split_once(' ')?;
    let particle = first.to_lowercase();
    if !PARTICLES.contains(&particle.as_str()) || rest.contains(' ') {
        return None;
    }
    match by_last.get(rest)?.as_slice() {
        [one] if one.ends_with(&format!(" {particle} {rest}")) => Some(one),
        _ => None,
    }
}

/// A full name the article treats as a person's once is one wherever it is named, and so is a
/// full name whose last word the article also uses alone (`Warren Buffett … Buffett said`): a
/// place or a firm is seldom shortened to its last word. Only words that are not ordinary ones,
/// places or nationalities count as such a short form, and not when the first word is used
/// alone too (`Mozilla Firefox … Mozilla … Firefox`).
fn promote_people(raws: &mut [Raw]) {
    use std::collections::HashSet;
    let people: HashSet<String> = raws
        .iter()
        .filter(|r| r.kind == Some(EntityKind::Person) && r.name.contains(' '))
        .map(|r| r.name.clone())
        .collect();
    let lone: HashSet<String> = raws
        .iter()
        .filter(|r| matches!(r.kind, None | Some(EntityKind::Person)) && !r.name.contains(' ') && !r.definite)
        .filter(|r| !LEXICON.is_ordinary(&r.name) && !LEXICON.is_place(&r.name) && !LEXICON.is_demonym(&r.name))
        .map(|r| r.name.clone())
        .collect();
    // `Jessica Mendoza … Angel Mendoza came from Texas`: a word that is no ordinary one, then
    // a person's family name, is a relative's name (not `Top Sanders aides`, `State Clinton`).
    let families: HashSet<&str> = people.iter().map(|n| surname_of(n)).filter(|s| s.len() > 2).collect();
    let relative = |name: &str| {
        name.split_once(' ').is_some_and(|(first, last)| {
            !last.contains(' ')
                && families.contains(last)
                && is_capitalised(first)
                && (LEXICON.first_name(first).is_some()
                    || !LEXICON.is_ordinary(first) && LEXICON.usual_tag(first).is_none())
                && !PARTICLES.contains(&first.to_lowercase().as_str())
                && !LEXICON.is_place(first)
                && !LEXICON.is_demonym(first)
                && !LEXICON.is_org_suffix(last)
                && LEXICON.title(&[first]).is_none()
        })
    };
    for r in raws.iter_mut().filter(|r| r.kind.is_none() && r.name.contains(' ')) {
        let first = r.name.split(' ').next().unwrap_or("");
        let shortened = lone.contains(surname_of(&r.name)) && !lone.contains(first);
        if people.contains(&r.name) || shortened && plausible_full_name(&r.name) || relative(&r.name) {
            r.kind = Some(EntityKind::Person);
            r.gender = r.gender.or_else(|| r.name.split(' ').next().and_then(|w| LEXICON.first_name(w)).flatten());
        }
    }
}

/// Joins lone surnames to the one full name the corpus knows for them (`Trump` in an article
/// that never gives his first name).
/// Returns, for each article, the names that changed (old, new, the gender the new name
/// brought): with the article's own names, all that the corpus step did to it.
pub fn resolve_across(all: &mut [Entities]) -> Vec<Vec<(String, String, Option<Gender>)>> {
    let mut surnames: HashMap<String, Vec<(String, Option<Gender>)>> = HashMap::new();
    for ents in all.iter() {
        for e in &ents.entities {
            if e.kind == EntityKind::Person && plausible_full_name(&e.name) {
                let v = surnames.entry(surname_of(&e.name).to_string()).or_default();
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
                renamed.push((old.clone(), full.clone(), *g));
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

pub(super) fn merge_same_names(ents: &mut Entities) {
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
