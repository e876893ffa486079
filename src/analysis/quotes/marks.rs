//! Quote marks: which characters open and close a quotation, and the quotations of an article
//! as found, before anyone judges whether they are speech.

use crate::article::{Article, BlockKind};
use crate::text::slice;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    Double,
    Single,
}

/// A pair of marks found in one block.
#[derive(Debug, Clone)]
pub(super) struct Span {
    /// Byte offset of the opening mark.
    pub(super) open: usize,
    /// Byte offset just after the opening mark.
    pub(super) inner: usize,
    /// Byte offset of the closing mark, or `None` if the block ends inside the quotation.
    pub(super) close: Option<usize>,
}

pub(super) fn is_open_context(p: Option<char>) -> bool {
    p.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | '“' | '"' | '/' | ':'))
}

/// Top-level quotation spans of one block. `continuing` says the block starts inside a
/// quotation carried over from the paragraph before (its re-opening mark already consumed).
pub(super) fn scan(text: &str, continuing: bool) -> Vec<Span> {
    // An opening single mark never closed (`in ‘08 that …`) was an apostrophe: scan again
    // without it, so that the quotations after it are found. A few tries, as a text of stray
    // marks must cost no more than a few passes.
    let mut ignored = Vec::new();
    loop {
        let (spans, stray) = scan_ignoring(text, continuing, &ignored);
        match stray {
            Some(at) if ignored.len() < MAX_RESCANS => ignored.push(at),
            _ => return spans,
        }
    }
}

const MAX_RESCANS: usize = 3;

/// The spans of `text` with the marks at `ignored` taken as plain characters, and the first
/// opening single mark left unclosed when something was found inside it.
fn scan_ignoring(text: &str, continuing: bool, ignored: &[usize]) -> (Vec<Span>, Option<usize>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut hidden = false;
    let mut out = Vec::new();
    let mut stack: Vec<(Mark, usize, usize)> = Vec::new();
    if continuing {
        let inner = chars.first().map_or(0, |&(i, c)| if matches!(c, '“' | '"' | '«') { i + c.len_utf8() } else { i });
        stack.push((Mark::Double, 0, inner));
    }
    for (k, &(i, c)) in chars.iter().enumerate() {
        if continuing && k == 0 && matches!(c, '“' | '"' | '«') {
            continue;
        }
        let p = k.checked_sub(1).map(|j| chars[j].1);
        let n = chars.get(k + 1).map(|x| x.1);
        let in_double = stack.iter().any(|s| s.0 == Mark::Double);
        let in_single = stack.last().is_some_and(|s| s.0 == Mark::Single);
        let after = i + c.len_utf8();
        if ignored.contains(&i) {
            continue;
        }
        let event = match c {
            // `the “expedited review“ of`: an opening mark typed where the closing one belongs,
            // right after a word and before a space, closes.
            '“' if in_double && !is_open_context(p) && !n.is_some_and(char::is_alphanumeric) => {
                Some((Mark::Double, false))
            }
            '“' | '«' | '„' => Some((Mark::Double, true)),
            '”' | '»' => in_double.then_some((Mark::Double, false)),
            '"' => Some((Mark::Double, !in_double)),
            '‘' if is_open_context(p) => Some((Mark::Single, true)),
            '’' | '\''
                if in_single && p.is_some_and(|c| !c.is_whitespace()) && !n.is_some_and(char::is_alphanumeric) =>
            {
                Some((Mark::Single, false))
            }
            '\'' if is_open_context(p) && n.is_some_and(char::is_alphabetic) => Some((Mark::Single, true)),
            _ => None,
        };
        match event {
            Some((m, true)) => stack.push((m, i, after)),
            Some((m, false)) => {
                if let Some(pos) = stack.iter().rposition(|s| s.0 == m) {
                    let (_, open, inner) = stack[pos];
                    stack.truncate(pos);
                    if stack.is_empty() {
                        out.push(Span { open, inner, close: Some(i) });
                    } else if m == Mark::Double {
                        hidden = true;
                    }
                }
            }
            None => {}
        }
    }
    // A double quote left open runs to the end of the block; an unclosed single quote was an
    // apostrophe after all.
    if let Some(&(_, open, inner)) = stack.iter().find(|s| s.0 == Mark::Double) {
        out.push(Span { open, inner, close: None });
    }
    let stray = stack.first().filter(|s| hidden && s.0 == Mark::Single).map(|s| s.1);
    (out, stray)
}

pub(super) fn starts_with_open_mark(text: &str) -> bool {
    text.starts_with(['“', '"', '«'])
}

/// A quotation as found, before it is judged.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) block: usize,
    pub(super) open: usize,
    pub(super) start: usize,
    pub(super) end_block: usize,
    pub(super) end: usize,
    pub(super) text: String,
    pub(super) closed: bool,
}

pub(super) fn find_all(article: &Article) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut carrying: Option<usize> = None;
    for (b, block) in article.blocks.iter().enumerate() {
        if block.kind == BlockKind::Heading {
            carrying = None;
            continue;
        }
        let text = &block.text;
        let continuing = carrying.is_some() && starts_with_open_mark(text);
        if !continuing {
            carrying = None;
        }
        for (k, s) in scan(text, continuing).into_iter().enumerate() {
            let end = s.close.unwrap_or(text.len());
            let piece = slice::from_to(text, s.inner, end).trim();
            if continuing && k == 0 {
                if let Some(q) = carrying.and_then(|i| out.get_mut(i)) {
                    q.text.push('\n');
                    q.text.push_str(piece);
                    q.end_block = b;
                    q.end = end;
                    q.closed = s.close.is_some();
                }
            } else {
                out.push(Found {
                    block: b,
                    open: s.open,
                    start: s.inner,
                    end_block: b,
                    end,
                    text: piece.to_string(),
                    closed: s.close.is_some(),
                });
            }
            carrying = (s.close.is_none()).then(|| out.len() - 1);
        }
    }
    out.retain(|q| !q.text.trim().is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        scan(text, false).iter().map(|s| slice::from_to(text, s.inner, s.close.unwrap_or(text.len()))).collect()
    }

    #[test]
    fn an_opening_mark_typed_for_a_closing_one_closes() {
        assert_eq!(
            spans("She asked for an “expedited review“ of the pipes. “It is urgent,” she said."),
            ["expedited review", "It is urgent,"]
        );
        // Nested, it still opens: `“He said “no” to me.”`
        assert_eq!(spans("“He said “no” to me,” she said."), ["He said “no” to me,"]);
    }

    #[test]
    fn a_single_mark_never_closed_hides_no_quotation() {
        assert_eq!(spans("Dunne said in ‘08 that voters changed. “I do sense it,” he said."), ["I do sense it,"]);
        assert_eq!(spans("‘He said “no” to me,’ she said."), ["He said “no” to me,"]);
    }

    #[test]
    fn apostrophes_close_nothing_and_inner_quotes_stay_inside() {
        assert_eq!(spans("Russia’s ‘deal’ and don’t “stop ‘now’ here”"), ["deal", "stop ‘now’ here"]);
    }

    #[test]
    fn a_double_quote_left_open_runs_to_the_end_of_the_block() {
        assert_eq!(spans("He said “we go on"), ["we go on"]);
        assert!(spans("It’s the ‘rock n’ roll’s fault").len() <= 1);
    }
}
