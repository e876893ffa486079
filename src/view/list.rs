//! The article list: title, then date and source, one article per two lines.

use super::{pane_block, theme};
use crate::state::{Pane, State};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};
use ratatui::Frame;

pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let title = format!(" Articles ({}) ", state.docs.len());
    let block = pane_block(state, Pane::List, title);
    let width = usize::from(area.width.saturating_sub(2));
    let items: Vec<ListItem> = state
        .docs
        .iter()
        .map(|d| {
            let a = &d.article;
            let date = a.date.map_or_else(|| "undated".to_string(), |d| d.format("%Y-%m-%d").to_string());
            let meta = match &a.source {
                Some(s) => format!("{date} · {s}"),
                None => date,
            };
            ListItem::new(vec![
                Line::from(Span::styled(truncate(&a.title, width), theme::TITLE)),
                Line::from(Span::styled(truncate(&meta, width), theme::DIM)),
            ])
        })
        .collect();
    let list = List::new(items).block(block).highlight_style(theme::SELECTED);
    let mut ls = ListState::default().with_selected((!state.docs.is_empty()).then_some(state.selected));
    frame.render_stateful_widget(list, area, &mut ls);
}

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
