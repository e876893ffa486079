//! The one format of every word list in `assets/lexicon/`: an entry a line, `#` comments and
//! blank lines ignored, and optional `[section]` headers that sort entries into named lists.
//! The analysis's names and verbs, the loader's furniture phrases and the closed word classes
//! are all read with it, so a list is edited the same way wherever it is used.

use std::collections::HashMap;

/// The entries of a list: trimmed lines that are neither blank nor comments.
pub fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The entries of a list by `[section]`, each in file order; entries before the first header
/// are under `""`.
pub fn sections(text: &str) -> HashMap<&str, Vec<&str>> {
    let mut out: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut current = "";
    for line in entries(text) {
        match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(name) => current = name,
            None => out.entry(current).or_default().push(line),
        }
    }
    out
}

/// Small closed classes of English words the loader and the speaker rules share, from
/// `assets/lexicon/closed_words.txt`; see its comments for what each class is for.
pub struct ClosedWords {
    pub determiners: Vec<&'static str>,
    pub function_after: Vec<&'static str>,
    pub skip_before_verb: Vec<&'static str>,
    pub pronouns: Vec<&'static str>,
    pub openers: Vec<&'static str>,
    pub describing: Vec<&'static str>,
    pub takes_listener: Vec<&'static str>,
    pub linking: Vec<&'static str>,
    pub function_words: Vec<&'static str>,
    pub share_buttons: Vec<&'static str>,
    pub share_filler: Vec<&'static str>,
}

impl ClosedWords {
    fn load() -> Self {
        let mut s = sections(include_str!("../../assets/lexicon/closed_words.txt"));
        let mut take = |name: &str| s.remove(name).unwrap_or_default();
        ClosedWords {
            determiners: take("determiners"),
            function_after: take("function_after"),
            skip_before_verb: take("skip_before_verb"),
            pronouns: take("pronouns"),
            openers: take("openers"),
            describing: take("describing"),
            takes_listener: take("takes_listener"),
            linking: take("linking"),
            function_words: take("function_words"),
            share_buttons: take("share_buttons"),
            share_filler: take("share_filler"),
        }
    }
}

pub static WORDS: std::sync::LazyLock<ClosedWords> = std::sync::LazyLock::new(ClosedWords::load);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_keep_file_order_and_skip_comments() {
        let s = sections("# a list\nloose\n[one]\nb\n  a  \n\n[two]\n# note\nc\n[one]\nd\n");
        assert_eq!(s[""], ["loose"]);
        assert_eq!(s["one"], ["b", "a", "d"]);
        assert_eq!(s["two"], ["c"]);
    }

    #[test]
    fn every_closed_word_class_is_in_the_file() {
        let w = &*WORDS;
        let classes = [
            &w.determiners,
            &w.function_after,
            &w.skip_before_verb,
            &w.pronouns,
            &w.openers,
            &w.describing,
            &w.takes_listener,
            &w.linking,
            &w.function_words,
            &w.share_buttons,
            &w.share_filler,
        ];
        assert!(classes.iter().all(|c| !c.is_empty()));
        assert!(w.pronouns.contains(&"she") && w.determiners.contains(&"the"));
    }
}
