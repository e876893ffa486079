//! Where each pane sits on the screen and how article text wraps inside the reader.
//!
//! The state needs this as much as the view does: jumping to a search match means knowing which
//! wrapped line it falls on, and that depends on the reader's width. Keeping the geometry here,
//! pure and terminal-free, lets `update` and `render` agree without either calling the other.

use crate::article::{Article, BlockKind};
use crate::text::slice;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use std::ops::Range;

/// Below this size the three panes cannot show anything useful.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

/// The screen split into panes. Each pane's `Rect` includes its border.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub list: Rect,
    pub reader: Rect,
    pub side: Rect,
    pub status: Rect,
    pub reading_width: u16,
}

/// What decides the panes' widths besides the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arrangement {
    /// Reading full width: the list and the side panel hidden unless one of them has the focus.
    pub wide: bool,
    /// Whether the list or the side panel has the focus: a focused pane is always shown.
    pub list_focused: bool,
    pub side_focused: bool,
    /// The widest the reader's lines may be; wider panes centre the text.
    pub reading_width: u16,
    /// Lines the status bar needs: more than one while a long message or warning is shown.
    pub status_lines: u16,
}

impl Default for Arrangement {
    fn default() -> Self {
        Arrangement {
            wide: false,
            list_focused: true,
            side_focused: false,
            reading_width: READING_WIDTH,
            status_lines: 1,
        }
    }
}

/// The lines the status bar needs to show `said` (a message, a warning) whole at `width`
/// columns, next to what the position part takes; at most three.
pub fn status_lines(said: &str, width: u16) -> u16 {
    use unicode_width::UnicodeWidthStr;
    let width = usize::from(width.max(1));
    if said.is_empty() || said.width() + 40 <= width {
        return 1;
    }
    let lines = wrap_ranges(said, width).len();
    u16::try_from(lines.clamp(1, 3)).unwrap_or(3)
}

/// Lines longer than this are hard to follow; a wider reader centres its text instead.
pub const READING_WIDTH: u16 = 80;
/// The narrowest reader worth keeping the other panes for: on a narrower screen the side panel
/// goes first, then the list.
const MIN_READER: u16 = 36;

impl Areas {
    pub fn arrange(screen: Rect, how: Arrangement) -> Self {
        let status_lines = how.status_lines.clamp(1, 3);
        let [main, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(status_lines)]).areas(screen);
        let w = main.width;
        let mut list = if how.wide && !how.list_focused { 0 } else { (w * 27 / 100).max(20) };
        let mut side = if how.wide && !how.side_focused { 0 } else { (w * 22 / 100).max(16) };
        if w.saturating_sub(list + side) < MIN_READER && !how.side_focused {
            side = 0;
        }
        if w.saturating_sub(list + side) < MIN_READER && !how.list_focused {
            list = 0;
        }
        if w.saturating_sub(list + side) < MIN_READER {
            // The focused pane stays; the other one makes room.
            if how.side_focused {
                list = 0;
            } else {
                side = 0;
            }
        }
        let [list, reader, side] =
            Layout::horizontal([Constraint::Length(list), Constraint::Min(10), Constraint::Length(side)]).areas(main);
        Areas { list, reader, side, status, reading_width: how.reading_width }
    }

    /// The reader's text area inside its border, with one column of margin on each side, no
    /// wider than the reading width and centred in the pane.
    pub fn reader_text(&self) -> Rect {
        let inside = reader_text(self.reader);
        let width = inside.width.min(self.reading_width.max(20));
        Rect { x: inside.x + (inside.width - width) / 2, width, ..inside }
    }
}

/// A window of `width` × `height` in the middle of the screen, no bigger than the screen.
pub fn centered(screen: Rect, width: u16, height: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(height.min(screen.height))]).flex(Flex::Center).areas(screen);
    let [h] = Layout::horizontal([Constraint::Length(width.min(screen.width))]).flex(Flex::Center).areas(v);
    h
}

/// Lines of text a window of `height` rows shows inside its border, and how far text of `lines`
/// lines can scroll in it.
pub fn window_scroll(height: u16, lines: usize) -> usize {
    lines.saturating_sub(usize::from(height.saturating_sub(2)))
}

/// The problems window: the screen less a margin.
pub fn problems_window(screen: Rect) -> Rect {
    centered(screen, screen.width.saturating_sub(8), screen.height.saturating_sub(4))
}

/// The problems as the problems window shows them, wrapped to its inside: each file's path
/// (`true`), then its error, indented.
pub fn problem_lines(problems: &[crate::load::Problem], window: Rect) -> Vec<(bool, String)> {
    let width = usize::from(window.width.saturating_sub(2)).max(8);
    let mut out = Vec::new();
    for p in problems {
        out.extend(wrap_ranges(&p.path, width).into_iter().map(|r| (true, slice::range(&p.path, r).to_string())));
        // The error is indented by two under its path.
        out.extend(
            wrap_ranges(&p.error, width - 2).into_iter().map(|r| (false, slice::range(&p.error, r).to_string())),
        );
    }
    out
}

/// The text area inside a reader pane: inside the border, one column of margin each side.
pub fn reader_text(pane: Rect) -> Rect {
    Rect { x: pane.x + 2, y: pane.y + 1, width: pane.width.saturating_sub(4), height: pane.height.saturating_sub(2) }
}

pub fn too_small(screen: Rect) -> bool {
    screen.width < MIN_WIDTH || screen.height < MIN_HEIGHT
}

/// One screen line of the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The block this line shows part of; `None` for the blank line between blocks.
    pub block: Option<usize>,
    /// Speakers named on this line, above the block where each is first quoted.
    pub label: Option<Vec<String>>,
    /// Byte range of the block's text on this line.
    pub range: Range<usize>,
    /// First line of its block (where a list item draws its bullet).
    pub first: bool,
    /// A line of the headline, which leads the reader whole however long it is; `range` is
    /// then a range of the title.
    pub headline: bool,
}

/// Width taken by the bullet of a list item, on every line of the item.
pub const BULLET_WIDTH: usize = 2;

/// Lays the article's blocks out at `width` columns: each block wrapped by `textwrap` (which
/// measures display width, so CJK and emoji take their real room), a blank line between blocks,
/// and a label line above a block whose `labels` name speakers.
pub fn wrap_article(article: &Article, width: u16, labels: &[(usize, String)]) -> Vec<Line> {
    let width = usize::from(width.max(1));
    let blank = Line { block: None, label: None, range: 0..0, first: false, headline: false };
    let mut out: Vec<Line> = wrap_ranges(&article.title, width)
        .into_iter()
        .map(|range| Line { block: None, label: None, range, first: false, headline: true })
        .collect();
    out.push(blank.clone());
    for (i, block) in article.blocks.iter().enumerate() {
        if i > 0 {
            out.push(blank.clone());
        }
        let names: Vec<String> = labels.iter().filter(|(b, _)| *b == i).map(|(_, n)| n.clone()).collect();
        if !names.is_empty() {
            out.push(Line { block: None, label: Some(names), range: 0..0, first: false, headline: false });
        }
        let w = match block.kind {
            BlockKind::ListItem => width.saturating_sub(BULLET_WIDTH).max(1),
            _ => width,
        };
        let mut first = true;
        for range in wrap_ranges(&block.text, w) {
            out.push(Line { block: Some(i), label: None, range, first, headline: false });
            first = false;
        }
    }
    out
}

/// An article laid out at one width, with an index from each block to its first line so that
/// finding the line of an offset takes a binary search, not a scan: an article of megabytes has
/// hundreds of thousands of lines, and keys must not wait on them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wrapped {
    pub lines: Vec<Line>,
    /// The text lines of each block, as a range of `lines`.
    block_lines: Vec<Range<usize>>,
    /// Where each block starts in the article's flat text (see `store::block_starts`).
    pub block_starts: Vec<usize>,
}

impl Wrapped {
    pub fn new(article: &Article, width: u16, labels: &[(usize, String)]) -> Self {
        let lines = wrap_article(article, width, labels);
        let mut block_lines = vec![0..0; article.blocks.len()];
        for (i, l) in lines.iter().enumerate() {
            if let Some(r) = l.block.and_then(|b| block_lines.get_mut(b)) {
                if r.start == r.end {
                    *r = i..i + 1;
                } else {
                    r.end = i + 1;
                }
            }
        }
        Wrapped { lines, block_lines, block_starts: crate::store::block_starts(article) }
    }

    /// The index of the line showing byte `at` of block `block`.
    pub fn line_of(&self, block: usize, at: usize) -> Option<usize> {
        let r = self.block_lines.get(block).filter(|r| !r.is_empty())?.clone();
        let k = self.lines.get(r.clone())?.partition_point(|l| l.range.start <= at);
        Some(r.start + k.saturating_sub(1))
    }
}

/// The byte ranges of `text` that `textwrap` puts on each line. textwrap hands back slices of
/// the input (it is told never to hyphenate), so each is found by searching forward.
pub fn wrap_ranges(text: &str, width: usize) -> Vec<Range<usize>> {
    let opts = textwrap::Options::new(width).break_words(true);
    let mut pos = 0;
    let mut out = Vec::new();
    for piece in textwrap::wrap(text, opts) {
        let piece = piece.as_ref();
        let start = slice::after(text, pos).find(piece).map_or(pos, |off| pos + off);
        let end = (start + piece.len()).min(text.len());
        out.push(start..end);
        pos = end;
    }
    if out.is_empty() {
        out.push(0..0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_ranges_cover_the_words_in_order() {
        let text = "The quick brown fox jumps over the lazy dog";
        let ranges = wrap_ranges(text, 10);
        let lines: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(lines, ["The quick", "brown fox", "jumps over", "the lazy", "dog"]);
    }

    #[test]
    fn wide_characters_wrap_by_display_width() {
        // Each of these takes two columns: five fit in ten.
        let text = "日本語の文章を折り返す";
        let ranges = wrap_ranges(text, 10);
        assert!(ranges.len() >= 3, "{ranges:?}");
        for r in &ranges {
            assert!(unicode_width::UnicodeWidthStr::width(&text[r.clone()]) <= 10);
        }
        let joined: String = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn line_of_finds_the_line_holding_an_offset() {
        let text = "The quick brown fox jumps over the lazy dog";
        let a = crate::load::normalize("a.txt", &format!("A headline\n{text}.\n"));
        let wrapped = Wrapped::new(&a, 10, &[]);
        let at = a.blocks[0].text.find("lazy").unwrap();
        // The headline and a blank line come first.
        assert!(wrapped.lines[0].headline && !wrapped.lines[1].headline);
        assert_eq!(wrapped.line_of(0, at), Some(5));
        assert_eq!(wrapped.line_of(0, 0), Some(2));
        assert_eq!(wrapped.line_of(7, 0), None);
    }

    #[test]
    fn tiny_screens_are_too_small() {
        assert!(too_small(Rect::new(0, 0, 39, 24)));
        assert!(too_small(Rect::new(0, 0, 80, 9)));
        assert!(!too_small(Rect::new(0, 0, 40, 10)));
    }
}
