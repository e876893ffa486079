//! The reader: the current article wrapped to the pane, headings and bullets styled, search
//! matches highlighted.

use super::{list::truncate, pane_block, theme};
use crate::article::BlockKind;
use crate::layout::{self, BULLET_WIDTH};
use crate::state::{Pane, State};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use std::ops::Range;

pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let Some(doc) = state.current() else {
        let block = pane_block(state, Pane::Reader, " Reader ".into());
        frame.render_widget(Paragraph::new("No articles to show.").block(block), area);
        return;
    };
    let title = format!(
        " {} ",
        truncate(
            &doc.article.title,
            usize::from(area.width.saturating_sub(4))
        )
    );
    frame.render_widget(pane_block(state, Pane::Reader, title), area);
    let text_area = layout::reader_text(area);
    let lines = layout::wrap_article(&doc.article, text_area.width);
    let visible: Vec<Line> = lines
        .iter()
        .skip(state.scroll)
        .take(usize::from(text_area.height))
        .map(|l| draw_line(state, l))
        .collect();
    frame.render_widget(Paragraph::new(visible), text_area);
}

/// Byte ranges of the block to highlight, with the style of each.
fn highlights(state: &State, block: usize) -> Vec<(Range<usize>, Style)> {
    let Some(search) = &state.search else {
        return Vec::new();
    };
    search
        .matches
        .iter()
        .enumerate()
        .filter(|(_, m)| m.block == block)
        .map(|(i, m)| {
            let style = if i == search.current {
                theme::CURRENT_MATCH
            } else {
                theme::MATCH
            };
            (m.range.clone(), style)
        })
        .collect()
}

fn draw_line(state: &State, line: &layout::Line) -> Line<'static> {
    let Some(doc) = state.current() else {
        return Line::default();
    };
    let Some(b) = line.block else {
        return Line::default();
    };
    let block = &doc.article.blocks[b];
    let base = match block.kind {
        BlockKind::Heading => theme::HEADING,
        _ => Style::new(),
    };
    let mut spans = Vec::new();
    if block.kind == BlockKind::ListItem {
        let bullet = if line.first { "•" } else { "" };
        spans.push(Span::styled(format!("{bullet:<BULLET_WIDTH$}"), theme::KEY));
    }
    let text = &block.text;
    let mut pos = line.range.start;
    for (r, style) in highlights(state, b) {
        let start = r.start.max(line.range.start);
        let end = r.end.min(line.range.end);
        if start >= end {
            continue;
        }
        if pos < start {
            spans.push(Span::styled(text[pos..start].to_string(), base));
        }
        spans.push(Span::styled(text[start..end].to_string(), style));
        pos = end;
    }
    if pos < line.range.end {
        spans.push(Span::styled(text[pos..line.range.end].to_string(), base));
    }
    Line::from(spans)
}
