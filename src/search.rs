//! Finding a query in an article's blocks, ignoring case.
//!
//! Matching is done character by character on the text as shown, so the byte ranges found are
//! ranges of the block text itself: lower-casing a copy would shift offsets for letters whose
//! lower case has another length (`İ`).

use crate::article::Article;
use crate::text::slice;
use std::ops::Range;
use unicode_normalization::char::is_combining_mark;

/// One occurrence of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub block: usize,
    pub range: Range<usize>,
}

/// A character as search compares it: lower case, without accents, with curly quotes and
/// dashes as their plain forms, so that `Tokyo's` finds `Tokyo’s`, `7-2` finds `7–2` and
/// `Lopez` finds `López`.
fn fold(c: char) -> char {
    let c = match c {
        '‘' | '’' | '‚' | '′' | '`' => '\'',
        '“' | '”' | '„' | '″' | '«' | '»' => '"',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
        '\u{a0}' | '\u{202f}' => ' ',
        c => c,
    };
    let mut base = c;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if base == c && !is_combining_mark(d) {
            base = d;
        }
    });
    base.to_lowercase().next().unwrap_or(base)
}

/// `text` folded as search compares it, for matching whole fields (titles, names).
pub fn folded(text: &str) -> String {
    text.chars().filter(|&c| !is_combining_mark(c)).map(fold).collect()
}

/// Every non-overlapping occurrence of `query` in `text`, case-insensitively.
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = query.chars().filter(|&c| !is_combining_mark(c)).map(fold).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut skip_to = 0;
    for (start, _) in text.char_indices() {
        if start < skip_to {
            continue;
        }
        // Combining accents in the text (`o` then U+0301) are passed over, as the query's are.
        let mut chars = slice::after(text, start).char_indices().filter(|&(_, c)| !is_combining_mark(c));
        let mut end = start;
        let mut ok = true;
        for &n in &needle {
            match chars.next() {
                Some((off, c)) if fold(c) == n => end = start + off + c.len_utf8(),
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            out.push(start..end);
            skip_to = end;
        }
    }
    out
}

/// Every occurrence of `query` in the article, in reading order.
pub fn find_in_article(article: &Article, query: &str) -> Vec<Match> {
    article
        .blocks
        .iter()
        .enumerate()
        .flat_map(|(block, b)| find_all(&b.text, query).into_iter().map(move |range| Match { block, range }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_ignore_case_and_keep_offsets_of_the_original() {
        let text = "Kyiv and KYIV and kyiv’s";
        let got = find_all(text, "kyiv");
        assert_eq!(got.len(), 3);
        assert_eq!(&text[got[1].clone()], "KYIV");
    }

    #[test]
    fn quotes_dashes_and_accents_are_folded() {
        assert_eq!(find_all("Tokyo’s mayor", "tokyo's").len(), 1);
        assert_eq!(find_all("won 7–2 at home", "7-2"), vec![4..9]);
        assert_eq!(find_all("Ana López and Ana Lo\u{301}pez", "lopez").len(), 2);
        assert_eq!(find_all("said “no”", "\"no\"").len(), 1);
    }

    #[test]
    fn accented_and_wide_text_matches() {
        assert_eq!(find_all("Micheál MICHEÁL", "micheál").len(), 2);
        assert_eq!(find_all("東京と東京", "東京"), vec![0..6, 9..15]);
    }

    #[test]
    fn empty_query_matches_nothing() {
        assert!(find_all("abc", "").is_empty());
    }
}
