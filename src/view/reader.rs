//! The reader: the current article wrapped to the pane under its whole headline, headings and
//! bullets styled, quotations in their speaker's colour (one colour per speaker of the article)
//! with the speaker named above each paragraph a quotation opens in, search matches highlighted
//! on top.

use super::{list::truncate, pane_block, theme};
use crate::article::BlockKind;
use crate::layout::{self, BULLET_WIDTH};
use crate::state::{colour_in, Doc, Pane, State};
use crate::text::slice;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use std::ops::Range;

pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let Some(doc) = state.current() else {
        let block = pane_block(state, Pane::Reader, " Reader ".into());
        let msg = if state.docs.is_empty() { "No articles to show." } else { "No article matches the date filter." };
        frame.render_widget(Paragraph::new(msg).block(block), area);
        return;
    };
    let date = super::date_label(doc.article.date, super::LONG_DATE);
    let title = format!(" {date} · {} ", doc.article.title);
    let title = truncate(&title, usize::from(area.width.saturating_sub(4)));
    // Where the article comes from, on the bottom border: its source and its link.
    let origin: Vec<&str> = [doc.article.source.as_deref(), doc.article.url.as_deref()].into_iter().flatten().collect();
    let mut block = pane_block(state, Pane::Reader, title);
    if !origin.is_empty() {
        let origin = format!(" {} ", origin.join(" · "));
        block = block.title_bottom(truncate(&origin, usize::from(area.width.saturating_sub(4))));
    }
    frame.render_widget(block, area);
    let text_area = state.areas().reader_text();
    let wrapped = state.reader_lines();
    let speakers = state.article_speakers();
    let visible: Vec<Line> = wrapped
        .lines
        .iter()
        .skip(state.scroll)
        .take(usize::from(text_area.height))
        .map(|l| draw_line(state, doc, &speakers, l))
        .collect();
    frame.render_widget(Paragraph::new(visible), text_area);
}

/// Byte ranges of the block to style, in order of precedence (later wins).
fn styled_ranges(state: &State, doc: &Doc, speakers: &[String], block: usize) -> Vec<(Range<usize>, Style)> {
    let text = &doc.article.blocks[block].text;
    let mut out = Vec::new();
    // Quotations are in order and do not overlap: only those from the first that ends at or
    // after this block to the last that opens at or before it can touch it.
    let quotes = &doc.analysis.quotes;
    let (lo, hi) = (quotes.partition_point(|q| q.end_block < block), quotes.partition_point(|q| q.block <= block));
    for (i, q) in quotes.iter().enumerate().take(hi).skip(lo) {
        if let Some(r) = q.range_in(block, text) {
            let colour = q.speaker.as_deref().and_then(|s| colour_in(speakers, s));
            let mut style = theme::speaker(colour);
            if state.quote == Some(i) {
                style = style.add_modifier(theme::CURRENT_QUOTE);
            }
            out.push((r, style));
        }
    }
    if let Some((e, k)) = state.mention {
        let m = doc.analysis.entities.mentions.iter().filter(|m| m.entity == e).nth(k);
        if let Some(m) = m.filter(|m| m.block == block) {
            out.push((m.range.clone(), theme::CURRENT_MENTION));
        }
    }
    for r in state.highlights_in_block(block) {
        out.push((r, theme::HIGHLIGHT));
    }
    if let Some(p) = state.passage().filter(|_| state.selecting.is_some()) {
        let starts = &state.reader_lines().block_starts;
        let (start, len) = (starts[block], text.len());
        if p.start < start + len && p.end > start {
            out.push((p.start.max(start) - start..p.end.min(start + len) - start, theme::SELECTION));
        }
    }
    if let Some((b, r)) = &state.sentence {
        if *b == block {
            out.push((r.clone(), theme::SENTENCE_CURSOR));
        }
    }
    if let Some(search) = &state.search {
        for (i, m) in search.matches.iter().enumerate().filter(|(_, m)| m.block == block) {
            let style = if i == search.current { theme::CURRENT_MATCH } else { theme::MATCH };
            out.push((m.range.clone(), style));
        }
    }
    out
}

fn draw_line(state: &State, doc: &Doc, speakers: &[String], line: &layout::Line) -> Line<'static> {
    if line.headline {
        let text = slice::range(&doc.article.title, line.range.clone()).to_string();
        return Line::from(Span::styled(text, theme::TITLE));
    }
    if let Some(names) = &line.label {
        let mut spans = Vec::new();
        for (i, n) in names.iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(" · ", theme::DIM));
            }
            let style = theme::speaker(colour_in(speakers, n)).patch(theme::LABEL);
            spans.push(Span::styled(format!("▍{n}"), style));
        }
        return Line::from(spans);
    }
    let Some(b) = line.block else { return Line::default() };
    let block = &doc.article.blocks[b];
    let base = match block.kind {
        BlockKind::Heading => theme::HEADING,
        _ => Style::new(),
    };
    let mut spans = Vec::new();
    if block.kind == BlockKind::ListItem {
        // A numbered item shows its own number instead of a bullet.
        let numbered = block.text.split_once(' ').is_some_and(|(n, _)| {
            n.len() <= 4 && n.ends_with(['.', ')']) && n[..n.len() - 1].chars().all(|c| c.is_ascii_digit())
        });
        let bullet = if line.first && !numbered { "•" } else { "" };
        spans.push(Span::styled(format!("{bullet:<BULLET_WIDTH$}"), theme::KEY));
    }
    let ranges = styled_ranges(state, doc, speakers, b);
    // Cut the line at every range boundary, then give each piece the style of every range
    // covering it, later ranges patched over earlier ones.
    let mut cuts = vec![line.range.start, line.range.end];
    for (r, _) in &ranges {
        for p in [r.start, r.end] {
            if p > line.range.start && p < line.range.end && block.text.is_char_boundary(p) {
                cuts.push(p);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let (from, to) = (w[0], w[1]);
        let style =
            ranges.iter().filter(|(r, _)| r.start <= from && to <= r.end).fold(base, |acc, (_, s)| acc.patch(*s));
        spans.push(Span::styled(slice::from_to(&block.text, from, to).to_string(), style));
    }
    Line::from(spans)
}
