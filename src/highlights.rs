//! Highlights placed in the loaded articles, and the reports made of them.
//!
//! The store ([`crate::store`]) keeps anchors; this module finds where each one falls in the
//! articles loaded now, and turns them into the list the `'` window shows and the Markdown or
//! JSON that `byline highlights` prints.

use crate::analysis::Analysis;
use crate::article::Article;
use crate::store::{self, Highlight};
use crate::text::slice;
use serde::Serialize;
use std::borrow::Borrow;
use std::ops::Range;

/// Where a stored highlight falls now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// Index into the store's highlights.
    pub highlight: usize,
    /// The article and the byte range in its flat text; `None` when it cannot be placed.
    pub at: Option<(usize, Range<usize>)>,
    /// Whether the article it was made in is among those loaded: when it is not, the highlight
    /// is not orphaned, only out of view.
    pub loaded: bool,
}

/// Places every highlight in `articles`. One that cannot be placed is kept as orphaned.
pub fn place<A: Borrow<Article>>(highlights: &[Highlight], articles: &[A], fingerprints: &[String]) -> Vec<Placed> {
    let mut flats: Vec<Option<String>> = vec![None; articles.len()];
    highlights
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let doc = store::find_article(articles, fingerprints, &h.article, &h.anchor.exact);
            let at = doc.and_then(|doc| {
                let flat = flats[doc].get_or_insert_with(|| store::flat_text(articles[doc].borrow()));
                store::locate(flat, &h.anchor).map(|(s, e)| (doc, s..e))
            });
            Placed { highlight: i, at, loaded: doc.is_some() }
        })
        .collect()
}

/// The sentences of a block as byte ranges, trailing spaces left out: the sentences the
/// analysis reads (`text::words::sentence_breaks`), so that the cursor steps over `Mr.` and
/// `U.S.` as the analysis does.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let breaks = crate::text::words::sentence_breaks(text, &[]);
    let starts = std::iter::once(0).chain(breaks.iter().copied());
    let ends = breaks.iter().copied().chain(std::iter::once(text.len()));
    starts
        .zip(ends)
        .map(|(a, b)| a..a + slice::from_to(text, a, b).trim_end().len())
        .filter(|r| !r.is_empty())
        .collect()
}

/// The block and byte of flat offset `at`.
pub fn block_of(starts: &[usize], at: usize) -> (usize, usize) {
    let b = starts.partition_point(|&s| s <= at).saturating_sub(1);
    (b, at - starts.get(b).copied().unwrap_or(0))
}

/// The speaker of the first quotation the passage overlaps. Overlap, not "starts inside", so
/// that a passage selected from the opening quote mark still takes the quotation's speaker.
pub fn speaker_in(article: &Article, analysis: &Analysis, passage: Range<usize>) -> Option<String> {
    let starts = store::block_starts(article);
    let (first, from) = block_of(&starts, passage.start);
    let (last, to) = block_of(&starts, passage.end.saturating_sub(1).max(passage.start));
    analysis.quotes.iter().find_map(|q| {
        let overlaps = (first..=last).any(|b| {
            let Some(text) = article.blocks.get(b).map(|x| x.text.as_str()) else { return false };
            let Some(quoted) = q.range_in(b, text) else { return false };
            let lo = if b == first { from } else { 0 };
            let hi = if b == last { to + 1 } else { text.len() };
            quoted.start < hi && lo < quoted.end
        });
        if overlaps {
            q.speaker.clone()
        } else {
            None
        }
    })
}

/// One highlight as reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub text: String,
    pub note: Option<String>,
    pub speaker: Option<String>,
    /// False when the passage could not be found in any loaded article.
    pub placed: bool,
    /// False when the article it was made in is not among those read this time.
    pub loaded: bool,
}

/// Highlights grouped by article, in the order of the articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    pub title: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub path: String,
    pub highlights: Vec<Entry>,
}

/// Groups highlights by article, then the orphaned ones by the article they were made in.
pub fn report(highlights: &[Highlight], placed: &[Placed], articles: &[Article], analyses: &[Analysis]) -> Vec<Group> {
    let mut groups: Vec<(Option<usize>, Group)> = Vec::new();
    for p in placed {
        let Some(h) = highlights.get(p.highlight) else { continue };
        let (key, group, entry) = match p.at.as_ref().and_then(|(doc, r)| Some((doc, articles.get(*doc)?, r))) {
            Some((doc, a, range)) => {
                let flat = store::flat_text(a);
                let entry = Entry {
                    text: slice::range(&flat, range.clone()).to_string(),
                    note: h.note.clone(),
                    speaker: analyses.get(*doc).and_then(|an| speaker_in(a, an, range.clone())),
                    placed: true,
                    loaded: true,
                };
                let group = Group {
                    title: a.title.clone(),
                    date: a.date.map(|d| d.to_string()),
                    source: a.source.clone(),
                    path: a.path.clone(),
                    highlights: Vec::new(),
                };
                (Some(*doc), group, entry)
            }
            None => {
                let entry = Entry {
                    text: h.anchor.exact.clone(),
                    note: h.note.clone(),
                    speaker: None,
                    placed: false,
                    loaded: p.loaded,
                };
                let group = Group {
                    title: h.article.title.clone(),
                    date: None,
                    source: None,
                    path: h.article.path.clone(),
                    highlights: Vec::new(),
                };
                (None, group, entry)
            }
        };
        let slot = groups.iter().position(|(k, g)| *k == key && g.path == group.path);
        match slot {
            Some(i) => groups[i].1.highlights.push(entry),
            None => {
                let mut g = group;
                g.highlights.push(entry);
                groups.push((key, g));
            }
        }
    }
    groups.sort_by_key(|(k, _)| k.unwrap_or(usize::MAX));
    groups.into_iter().map(|(_, g)| g).collect()
}

/// The report as Markdown: a heading per article, a quoted passage per highlight.
pub fn markdown(groups: &[Group]) -> String {
    let mut out = String::from("# Highlights\n");
    for g in groups {
        out.push_str(&format!("\n## {}\n\n", g.title));
        let meta: Vec<String> =
            [g.date.clone(), g.source.clone(), Some(format!("`{}`", g.path))].into_iter().flatten().collect();
        out.push_str(&format!("{}\n", meta.join(" · ")));
        for e in &g.highlights {
            out.push('\n');
            for line in e.text.lines() {
                out.push_str(&format!("> {line}\n"));
            }
            if let Some(s) = &e.speaker {
                out.push_str(&format!(">\n> — {s}\n"));
            }
            if let Some(n) = &e.note {
                out.push_str(&format!("\nNote: {n}\n"));
            }
            if !e.loaded {
                out.push_str(&format!("\n(article not loaded: {})\n", g.path));
            } else if !e.placed {
                out.push_str("\n(orphaned: this passage is no longer in the article)\n");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_found_with_their_offsets() {
        let t = "Mr Smith spoke. He said “we will act.” Then he left!";
        let s: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(s, ["Mr Smith spoke.", "He said “we will act.”", "Then he left!"]);
        // The cursor's sentences are the analysis's: abbreviations do not end one.
        let t = "Mr. Smith went to the U.S. Embassy. He left.";
        let s: Vec<&str> = sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(s, ["Mr. Smith went to the U.S. Embassy.", "He left."]);
    }

    #[test]
    fn flat_offsets_map_back_to_blocks() {
        let starts = [0, 10, 30];
        assert_eq!(block_of(&starts, 0), (0, 0));
        assert_eq!(block_of(&starts, 12), (1, 2));
        assert_eq!(block_of(&starts, 45), (2, 15));
    }
}
