//! Finding a query in an article's blocks, ignoring case.
//!
//! Matching is done character by character on the text as shown, so the byte ranges found are
//! ranges of the block text itself: lower-casing a copy would shift offsets for letters whose
//! lower case has another length (`İ`).

use crate::article::Article;
use crate::text::slice;
use std::ops::Range;

/// One occurrence of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub block: usize,
    pub range: Range<usize>,
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Every non-overlapping occurrence of `query` in `text`, case-insensitively.
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = query.chars().map(fold).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut skip_to = 0;
    for (start, _) in text.char_indices() {
        if start < skip_to {
            continue;
        }
        let mut chars = slice::after(text, start).char_indices();
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
    fn accented_and_wide_text_matches() {
        assert_eq!(find_all("Micheál MICHEÁL", "micheál").len(), 2);
        assert_eq!(find_all("東京と東京", "東京"), vec![0..6, 9..15]);
    }

    #[test]
    fn empty_query_matches_nothing() {
        assert!(find_all("abc", "").is_empty());
    }
}
