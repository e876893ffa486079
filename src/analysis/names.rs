//! Capitalised names in running text, with how often each occurs.
//!
//! A run of capitalised words (`Ursula von der Leyen`, `Foreign Office`) is one name. A capital
//! that only begins a sentence or a heading says nothing, so a single word in that position
//! counts only if the same word also appears capitalised mid-sentence elsewhere.

use crate::article::{Article, BlockKind};
use std::collections::HashMap;
use unicode_segmentation::UnicodeSegmentation;

/// Lower-case particles that stay inside a name (`von der Leyen`, `da Silva`, `bin Salman`).
const PARTICLES: [&str; 12] = [
    "von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "bin", "al",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub text: String,
    pub count: usize,
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Strips a possessive: `Russia’s` → `Russia`.
fn base(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
}

/// How many particles start `words` when a capitalised word follows them (`von der Leyen`).
fn particle_run(words: &[&str]) -> Option<usize> {
    let n = words.iter().take_while(|w| PARTICLES.contains(w)).count();
    (n > 0 && words.get(n).is_some_and(|w| is_capitalised(w))).then_some(n)
}

/// Names found in the article's paragraphs and list items, most frequent first.
pub fn names(article: &Article) -> Vec<Name> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut first_only: HashMap<String, usize> = HashMap::new();
    for block in article
        .blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Heading)
    {
        for sentence in block.text.unicode_sentences() {
            let words: Vec<&str> = sentence.unicode_words().collect();
            let mut i = 0;
            while i < words.len() {
                if !is_capitalised(words[i]) {
                    i += 1;
                    continue;
                }
                let start = i;
                let mut end = i + 1;
                while end < words.len() {
                    if is_capitalised(words[end]) && !words[end - 1].ends_with("’s") {
                        end += 1;
                    } else if let Some(n) = particle_run(&words[end..]) {
                        end += n + 1;
                    } else {
                        break;
                    }
                }
                let name = words[start..end]
                    .iter()
                    .enumerate()
                    .map(|(k, w)| if k + start + 1 == end { base(w) } else { *w })
                    .collect::<Vec<_>>()
                    .join(" ");
                let single = end == start + 1;
                if name.chars().count() > 1 {
                    let slot = if start == 0 && single {
                        &mut first_only
                    } else {
                        &mut counts
                    };
                    *slot.entry(name).or_default() += 1;
                }
                i = end;
            }
        }
    }
    for (name, n) in first_only {
        if let Some(c) = counts.get_mut(&name) {
            *c += n;
        }
    }
    let mut out: Vec<Name> = counts
        .into_iter()
        .map(|(text, count)| Name { text, count })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::normalize;

    fn found(text: &str) -> Vec<(String, usize)> {
        let a = normalize("a.txt", text);
        names(&a).into_iter().map(|n| (n.text, n.count)).collect()
    }

    #[test]
    fn runs_of_capitals_are_one_name_and_particles_stay_inside() {
        let got = found("Some headline here\nThe plan came from Ursula von der Leyen in Brussels. It was praised by Ursula von der Leyen’s allies.\n");
        assert!(
            got.contains(&("Ursula von der Leyen".to_string(), 2)),
            "{got:?}"
        );
        assert!(got.contains(&("Brussels".to_string(), 1)), "{got:?}");
    }

    #[test]
    fn sentence_initial_capital_alone_is_not_a_name() {
        let got = found("Some headline here\nThe summit ended. However the talks went on.\n");
        assert!(got.is_empty(), "{got:?}");
    }
}
