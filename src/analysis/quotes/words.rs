//! The small closed word classes the speaker rules lean on: determiners, auxiliaries and
//! adverbs between a subject and its verb, pronouns, clause openers.

use crate::analysis::lexicon::LEXICON;
use crate::analysis::text::{is_capitalised, Token};
use crate::text::lexicon::WORDS;

pub(super) fn words_lower(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect()
}

/// How many words at the start of `toks` form a title (`prime minister`), or 0.
pub(super) fn title_len_at(toks: &[Token]) -> usize {
    (1..=LEXICON.max_title_words.min(toks.len()))
        .rev()
        .find(|&n| {
            let words: Vec<&str> = toks[..n].iter().map(|t| t.text).collect();
            LEXICON.title(&words).is_some()
        })
        .unwrap_or(0)
}

/// Whether `word`, in lower case, is one of `list`.
pub(super) fn in_list(list: &[&str], word: &str) -> bool {
    crate::analysis::lexicon::with_lower(word, |w| list.contains(&w))
}

pub(super) fn is_role_word(w: &str) -> bool {
    LEXICON.title(&[w]).is_some() || LEXICON.is_speaker_noun(w)
}

/// Words of a block with their offsets, and the index of the first token at or after `at`.
pub(super) fn token_index(toks: &[Token], at: usize) -> usize {
    toks.partition_point(|t| t.start < at)
}

/// An adverb between a subject and its verb (`jokingly said`, `again told`).
pub(super) fn skips_before_verb(word: &str) -> bool {
    let manner = word.len() >= 5
        && word.ends_with("ly")
        && word.chars().all(char::is_lowercase)
        && LEXICON.usual_tag(word).is_none_or(|t| t == "ADV");
    manner || in_list(&WORDS.skip_before_verb, word)
}

pub(super) fn opens_description(word: &str) -> bool {
    in_list(&WORDS.describing, word)
}

/// A word that can stand inside a description before its noun: a name, a noun, an adjective,
/// a number, or a word the lexicon does not know.
pub(super) fn inside_description(word: &str) -> bool {
    let shape = word.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '’' || c == '\'')
        && word.chars().next().is_some_and(char::is_alphanumeric);
    let tag = LEXICON.usual_tag(word);
    shape
        && !LEXICON.is_speech_verb(word)
        && !in_list(&WORDS.function_after, word)
        && !in_list(&WORDS.pronouns, word)
        && (is_capitalised(word) || tag.is_none_or(|t| matches!(t, "NOUN" | "ADJ" | "NUM" | "PROPN")))
}

/// The word that ends a description: a common noun in lower case (`man`, `worker`).
pub(super) fn ends_description(word: &str) -> bool {
    inside_description(word)
        && word.chars().all(|c| c.is_lowercase() || c == '-')
        // (An unknown word in `-ly` is an adverb, in `-ed` a verb: `Roe hammered Dunne`.)
        && !((word.ends_with("ly") || word.ends_with("ed")) && LEXICON.usual_tag(word).is_none())
        && LEXICON.usual_tag(word).is_none_or(|t| t == "NOUN")
}

/// Words after a description that say its speaker is kept anonymous.
pub(super) fn anonymous(rest: &str) -> bool {
    let lower = rest.to_lowercase();
    ["anonymity", "not to be named", "not be named", "not authorized", "not authorised", "declined to be named"]
        .iter()
        .any(|p| lower.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adverbs_before_a_verb_are_passed_over_but_names_are_not() {
        assert!(skips_before_verb("jokingly"));
        assert!(skips_before_verb("also"));
        assert!(!skips_before_verb("Kelly"));
        assert!(!skips_before_verb("family"));
    }

    #[test]
    fn descriptions_end_on_a_common_noun() {
        assert!(opens_description("a") && opens_description("The"));
        assert!(ends_description("worker") && ends_description("man"));
        assert!(!ends_description("said") && !ends_description("Birch") && !ends_description("quickly"));
        assert!(inside_description("poll") && inside_description("Democratic"));
    }

    #[test]
    fn anonymity_is_read_from_the_words_after() {
        assert!(anonymous(" who asked not to be named"));
        assert!(anonymous(", speaking on condition of anonymity"));
        assert!(!anonymous(" at the rally on Monday"));
    }
}
