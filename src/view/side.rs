//! The side panel: the article's speakers with their quotation counts, in their colours, then
//! the people, organisations, places, amounts and dates it names, with mention counts.

use super::{list::truncate, pane_block, theme};
use crate::state::{colour_in, Pane, SideRow, State};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};
use ratatui::Frame;

pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let block = pane_block(state, Pane::Side, format!(" {} ", Pane::Side.name()));
    let width = usize::from(area.width.saturating_sub(2));
    let rows = state.side_rows();
    let Some(doc) = state.current() else {
        frame.render_widget(block, area);
        return;
    };
    let entities = &doc.analysis.entities.entities;
    let speakers = state.article_speakers();
    let row = |name: &str, count: String, style| {
        let name = truncate(name, width.saturating_sub(count.chars().count() + 1));
        ListItem::new(Line::from(vec![Span::styled(name, style), Span::styled(format!(" {count}"), theme::DIM)]))
    };
    let items: Vec<ListItem> = rows
        .iter()
        .map(|r| match r {
            SideRow::Heading(h) => ListItem::new(Line::from(Span::styled(*h, theme::HEADING))),
            SideRow::Speaker { name, quotes } => {
                let style = theme::speaker(colour_in(&speakers, name));
                row(name, quotes.to_string(), style)
            }
            SideRow::Entity(e) => {
                let ent = &entities[*e];
                // A date shows the day it names, worked out from the publication date.
                let name = match &ent.value {
                    Some(v) if *v != ent.name => format!("{} → {v}", ent.name),
                    _ => ent.name.clone(),
                };
                row(&name, ent.mentions.to_string(), ratatui::style::Style::new())
            }
        })
        .collect();
    let mut ls = ListState::default();
    if state.focus == Pane::Side && !rows.is_empty() {
        ls.select(Some(state.side_selected));
    }
    frame.render_stateful_widget(List::new(items).block(block).highlight_style(theme::SELECTED), area, &mut ls);
}
