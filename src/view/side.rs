//! The side panel: the names found in the current article, with how often each occurs.

use super::{list::truncate, pane_block, theme};
use crate::state::{Pane, State};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};
use ratatui::Frame;

pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let block = pane_block(state, Pane::Side, " Names ".to_string());
    let width = usize::from(area.width.saturating_sub(2));
    let names = state
        .current()
        .map(|d| d.analysis.entities.entities.as_slice())
        .unwrap_or_default();
    let items: Vec<ListItem> = names
        .iter()
        .map(|n| {
            let count = format!(" {}", n.mentions);
            let name = truncate(&n.name, width.saturating_sub(count.len()));
            ListItem::new(Line::from(vec![
                Span::raw(name),
                Span::styled(count, theme::DIM),
            ]))
        })
        .collect();
    let mut ls = ListState::default();
    if state.focus == Pane::Side && !names.is_empty() {
        ls.select(Some(state.side_selected));
    }
    frame.render_stateful_widget(
        List::new(items)
            .block(block)
            .highlight_style(theme::SELECTED),
        area,
        &mut ls,
    );
}
