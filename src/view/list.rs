//! The article list: title, then date and source, one article per two lines.

use super::{pane_block, theme};
use crate::state::{Pane, State};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};
use ratatui::Frame;

pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let filters: Vec<&str> =
        [state.filter.is_some().then_some(state.filter_text.as_str()), state.text_filter.as_deref()]
            .into_iter()
            .flatten()
            .collect();
    let title = list_title(state, usize::from(area.width.saturating_sub(2)), &filters);
    let order = format!(" {} ", state.sort.label());
    let block =
        pane_block(state, Pane::List, title).title_bottom(truncate(&order, usize::from(area.width.saturating_sub(4))));
    let width = usize::from(area.width.saturating_sub(2));
    // Only the rows on screen are built: a page of the list at a time, so the cost of drawing
    // does not grow with the archive.
    let rows = usize::from(area.height.saturating_sub(2)) / 2;
    let cursor = state.cursor();
    let first = state.list_top.min(cursor.unwrap_or(0));
    let items: Vec<ListItem> = state.shown[first.min(state.shown.len())..]
        .iter()
        .take(rows.max(1))
        .map(|&i| {
            let a = &state.docs[i].article;
            let date = super::date_label(a.date, super::SHORT_DATE);
            let source = a.source.as_deref().unwrap_or("");
            let source_width = width.saturating_sub(DATE_COLUMN + 1);
            ListItem::new(vec![
                Line::from(Span::styled(
                    truncate(&a.title, width),
                    if state.is_read(i) { theme::READ } else { theme::UNREAD },
                )),
                Line::from(Span::styled(
                    format!("{date:<DATE_COLUMN$} {}", truncate(source, source_width)),
                    theme::DIM,
                )),
            ])
        })
        .collect();
    if items.is_empty() && !state.docs.is_empty() {
        let msg = "No article matches the date filter. Press d and clear it.";
        frame.render_widget(
            ratatui::widgets::Paragraph::new(msg).wrap(ratatui::widgets::Wrap { trim: true }).block(block),
            area,
        );
        return;
    }
    let list = List::new(items).block(block).highlight_style(theme::SELECTED);
    let mut ls = ListState::default().with_selected(cursor.map(|c| c - first));
    frame.render_stateful_widget(list, area, &mut ls);
}

/// The list's title: how many articles, how many unread, and the filters; shorter forms on a
/// narrow pane so that the numbers are never the part cut off.
fn list_title(state: &State, width: usize, filters: &[&str]) -> String {
    use unicode_width::UnicodeWidthStr;
    let (shown, all, unread) = (state.shown.len(), state.article_count(), state.unread);
    let count = if filters.is_empty() { format!("{all}") } else { format!("{shown}/{all}") };
    let unread_long = if unread > 0 { format!(" · {unread} unread") } else { String::new() };
    let unread_short = if unread > 0 { format!(" · {unread} new") } else { String::new() };
    let filters = if filters.is_empty() { String::new() } else { format!(" · {}", filters.join(" · ")) };
    let candidates = [
        format!(" Articles {count}{unread_long}{filters} "),
        format!(" Articles {count}{unread_long} "),
        format!(" Articles {count}{unread_short} "),
        format!(" {count}{unread_short} "),
    ];
    let fits = candidates.iter().find(|c| c.width() <= width);
    fits.cloned().unwrap_or_else(|| truncate(&candidates[3], width))
}

/// Width of the date column: `2025-10-24` or `undated`.
const DATE_COLUMN: usize = 10;

/// Cuts `s` to `width` display columns, ending in `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::truncate;

    #[test]
    fn truncation_counts_display_columns_and_keeps_graphemes_whole() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("日本語の文章", 7), "日本語…");
        assert_eq!(truncate("e\u{301}e\u{301}e\u{301}e\u{301}", 3), "e\u{301}e\u{301}…");
        assert_eq!(truncate("👍👍👍", 4), "👍…");
    }
}
