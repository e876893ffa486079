//! A person's gender as the text shows it. The given-name list guesses (`Marty` is usually a
//! man's name, `Brigid` it does not know); the pronouns that follow a person who opens a
//! sentence (`Walz approaches it calmly. She said she'd …`) say.

use super::{surname_of, Entities, EntityKind};
use crate::analysis::lexicon::Gender;
use crate::analysis::text::{is_capitalised, Token};
use crate::article::{Article, BlockKind};
use crate::text::slice;
use std::collections::HashMap;

/// Pronouns in sentences opened by a person, counted for that person. A count settles an
/// unknown gender; overturning the list's guess takes two pronouns and none of the other kind.
pub(super) fn from_pronouns(article: &Article, words: &[Vec<Token>], ents: &mut Entities) {
    let mut votes = vec![(0u32, 0u32); ents.entities.len()];
    // `Clinton` may be either of two Clintons: its pronouns count for neither.
    let mut surnames: HashMap<&str, usize> = HashMap::new();
    for e in ents.entities.iter().filter(|e| e.kind == EntityKind::Person) {
        *surnames.entry(surname_of(&e.name)).or_default() += 1;
    }
    let counted = |e: &super::Entity| e.kind == EntityKind::Person && surnames.get(surname_of(&e.name)) == Some(&1);
    for (i, m) in ents.mentions.iter().enumerate() {
        if !counted(&ents.entities[m.entity]) {
            continue;
        }
        let Some(block) = article.blocks.get(m.block).filter(|b| b.kind != BlockKind::Heading) else { continue };
        let text = &block.text;
        let toks = &words[m.block];
        if !opens_sentence(text, m.range.start) {
            continue;
        }
        // The name must be the subject: a lower-case word follows (`Walz approaches`), not
        // `'s` or a comma.
        let from = toks.partition_point(|t| t.start < m.range.end);
        let subject = toks.get(from).is_some_and(|t| {
            slice::from_to(text, m.range.end, t.start) == " " && t.text.chars().all(char::is_lowercase)
        });
        if !subject {
            continue;
        }
        // Later mentions in the same block, to stop at the next person named.
        let next_person = ents.mentions[i + 1..]
            .iter()
            .take_while(|n| n.block == m.block)
            .find(|n| n.entity != m.entity && ents.entities[n.entity].kind == EntityKind::Person)
            .map_or(usize::MAX, |n| n.range.start);
        let mut ends = 0;
        let mut prev_end = m.range.end;
        for t in &toks[from..] {
            let gap = slice::from_to(text, prev_end, t.start);
            // Pronouns inside a quotation are the speaker's own, about someone else.
            if gap.contains(['“', '”', '"']) || t.start >= next_person {
                break;
            }
            if gap.contains(['.', '!', '?']) {
                ends += 1;
                if ends == 2 {
                    break;
                }
            }
            prev_end = t.end;
            if is_capitalised(t.text) && t.text != "He" && t.text != "She" {
                continue;
            }
            // `she'd`, `he’s`: the pronoun before the apostrophe.
            let word = t.text.split(['\'', '’']).next().unwrap_or("");
            match word.to_lowercase().as_str() {
                "he" | "him" | "his" | "himself" => votes[m.entity].0 += 1,
                "she" | "her" | "hers" | "herself" => votes[m.entity].1 += 1,
                _ => {}
            }
        }
    }
    for (e, (male, female)) in ents.entities.iter_mut().zip(votes) {
        let shown = match (male, female) {
            (m, 0) if m > 0 => Gender::Male,
            (0, f) if f > 0 => Gender::Female,
            _ => continue,
        };
        if e.gender.is_none() || male.max(female) >= 2 {
            e.gender = Some(shown);
        }
    }
}

/// Whether the name at `at` opens its sentence, perhaps after a title (`Professor Jo Pike`).
fn opens_sentence(text: &str, at: usize) -> bool {
    let before = slice::before(text, at);
    let from = before.rfind(['.', '!', '?']).map_or(0, |i| i + 1);
    slice::after(before, from).split_whitespace().all(is_capitalised)
}

#[cfg(test)]
mod tests {
    use super::super::tests::ents;
    use crate::analysis::lexicon::Gender;

    fn gender_of(text: &str, name: &str) -> Option<Gender> {
        ents(text).entities.into_iter().find(|e| e.name == name).and_then(|e| e.gender)
    }

    #[test]
    fn pronouns_after_a_subject_show_a_gender_the_name_list_does_not_know() {
        let text = "Professor Zorya Harrison teaches politics. She said the race was close.";
        assert_eq!(gender_of(text, "Zorya Harrison"), Some(Gender::Female));
    }

    #[test]
    fn two_pronouns_overturn_the_name_lists_guess_but_one_does_not() {
        let text = "Marty Walz chairs the council. Walz approaches it calmly. She said she’d wait.";
        assert_eq!(gender_of(text, "Marty Walz"), Some(Gender::Female));
        let text = "Marty Walz chairs the council. Walz approaches it calmly. She waits.";
        assert_eq!(gender_of(text, "Marty Walz"), Some(Gender::Male));
    }

    #[test]
    fn pronouns_about_someone_else_do_not_count() {
        // Another person named first, a possessive, a quotation: none of these pronouns is hers.
        for text in [
            "Professor Zorya Harrison met Tom Brack. He said little.",
            "Professor Zorya Harrison’s husband said he was tired.",
            "Professor Zorya Harrison said, “He is wrong.”",
            "Professor Zorya Harrison met Tom Harrison. Harrison said he was tired.",
        ] {
            assert_eq!(gender_of(text, "Zorya Harrison"), None, "{text}");
        }
    }
}
