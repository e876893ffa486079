//! Windows drawn over the panes: the key help and the list of files that could not be read.

use super::theme;
use crate::keys::BINDINGS;
use crate::state::State;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

fn centered(screen: Rect, width: u16, height: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(height.min(screen.height))]).flex(Flex::Center).areas(screen);
    let [h] = Layout::horizontal([Constraint::Length(width.min(screen.width))]).flex(Flex::Center).areas(v);
    h
}

pub fn help(frame: &mut Frame, screen: Rect) {
    let width = BINDINGS.iter().map(|b| b.label.chars().count()).max().unwrap_or(0);
    let mut lines: Vec<Line> = BINDINGS
        .iter()
        .map(|b| Line::from(vec![Span::styled(format!("{:<width$}  ", b.label), theme::KEY), Span::raw(b.help)]))
        .collect();
    lines.push(Line::default());
    lines.push(Line::from(Span::styled("Esc or ? closes this window", theme::DIM)));
    let area = centered(screen, 60, u16::try_from(lines.len() + 2).unwrap_or(u16::MAX));
    frame.render_widget(Clear, area);
    let block = Block::default().borders(Borders::ALL).border_style(theme::FOCUSED).title(" Keys ");
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

pub fn problems(state: &State, frame: &mut Frame, screen: Rect) {
    let mut lines: Vec<Line> = if state.problems.is_empty() {
        vec![Line::from("Every file was read without trouble.")]
    } else {
        state
            .problems
            .iter()
            .flat_map(|p| {
                [Line::from(Span::styled(p.path.clone(), theme::WARNING)), Line::from(format!("  {}", p.error))]
            })
            .collect()
    };
    lines.push(Line::default());
    lines.push(Line::from(Span::styled("Esc or p closes this window", theme::DIM)));
    let area = centered(screen, screen.width.saturating_sub(8), screen.height.saturating_sub(4));
    frame.render_widget(Clear, area);
    let title = format!(" File problems ({}) ", state.problems.len());
    let block = Block::default().borders(Borders::ALL).border_style(theme::WARNING).title(title);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), area);
}

/// The corpus view of speakers: every speaker with quotation and article counts, or one
/// speaker's quotations across the articles.
pub fn speakers(state: &State, frame: &mut Frame, screen: Rect) {
    use ratatui::widgets::{List, ListItem, ListState};
    let area = centered(screen, screen.width.saturating_sub(6), screen.height.saturating_sub(4));
    frame.render_widget(Clear, area);
    let width = usize::from(area.width.saturating_sub(2));
    let (title, items, selected): (String, Vec<ListItem>, usize) = match state.corpus.speaker {
        None => {
            let items = state
                .speakers
                .list
                .iter()
                .map(|s| {
                    let counts = format!(
                        "{} quote{} · {} article{}",
                        s.quotes.len(),
                        if s.quotes.len() == 1 { "" } else { "s" },
                        s.articles,
                        if s.articles == 1 { "" } else { "s" }
                    );
                    let name = super::list::truncate(&s.name, width.saturating_sub(counts.len() + 2));
                    let pad = width.saturating_sub(unicode_width::UnicodeWidthStr::width(name.as_str()) + counts.len());
                    ListItem::new(Line::from(vec![
                        Span::styled(name, theme::speaker(Some(s.colour))),
                        Span::raw(" ".repeat(pad)),
                        Span::styled(counts, theme::DIM),
                    ]))
                })
                .collect();
            (
                format!(
                    " Speakers in all articles ({}) · Enter: their quotes · Esc: close ",
                    state.speakers.list.len()
                ),
                items,
                state.corpus.speaker_row,
            )
        }
        Some(i) => {
            let Some(sp) = state.speakers.list.get(i) else { return };
            let items = sp
                .quotes
                .iter()
                .filter_map(|r| {
                    let doc = state.docs.get(r.doc)?;
                    let q = doc.analysis.quotes.get(r.quote)?;
                    let title = super::list::truncate(&doc.article.title, width);
                    let text = super::list::truncate(&format!("“{}”", q.text.replace('\n', " ")), width);
                    Some(ListItem::new(vec![
                        Line::from(Span::styled(title, theme::DIM)),
                        Line::from(Span::styled(text, theme::speaker(Some(sp.colour)))),
                    ]))
                })
                .collect();
            (format!(" {} · Enter: open · Esc: back ", sp.name), items, state.corpus.quote_row)
        }
    };
    let empty = items.is_empty();
    let block = Block::default().borders(Borders::ALL).border_style(theme::FOCUSED).title(title);
    if empty {
        frame.render_widget(Paragraph::new("No quotation has a known speaker.").block(block), area);
        return;
    }
    let mut ls = ListState::default().with_selected(Some(selected));
    frame.render_stateful_widget(List::new(items).block(block).highlight_style(theme::SELECTED), area, &mut ls);
}
