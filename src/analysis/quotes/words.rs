//! The small closed word classes the speaker rules lean on: determiners, auxiliaries and
//! adverbs between a subject and its verb, pronouns, clause openers.

use crate::analysis::lexicon::LEXICON;
use crate::analysis::text::Token;

pub(super) const DETERMINERS: &[&str] =
    &["a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those", "my", "your"];
pub(super) const FUNCTION_AFTER: &[&str] = &[
    "to", "is", "was", "are", "were", "has", "have", "had", "will", "would", "and", "or", "of", "in", "on", "for",
    "with", "that", "which", "who", "as", "at", "by", "from", "could", "can", "may", "might", "should", "must",
];

pub(super) fn words_lower(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect()
}

pub(super) const SKIP_BEFORE_VERB: &[&str] = &[
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
pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it"];

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

/// Words that open a sentence with a clause or an adverb before its subject.
pub(super) const OPENERS: &[&str] = &[
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
