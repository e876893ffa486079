//! Windows drawn over the panes: the key help and the list of files that could not be read.

use super::theme;
use crate::keys::BINDINGS;
use crate::state::State;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

fn centered(screen: Rect, width: u16, height: u16) -> Rect {
    let [v] = Layout::vertical([Constraint::Length(height.min(screen.height))])
        .flex(Flex::Center)
        .areas(screen);
    let [h] = Layout::horizontal([Constraint::Length(width.min(screen.width))])
        .flex(Flex::Center)
        .areas(v);
    h
}

pub fn help(frame: &mut Frame, screen: Rect) {
    let width = BINDINGS
        .iter()
        .map(|b| b.label.chars().count())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = BINDINGS
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(format!("{:<width$}  ", b.label), theme::KEY),
                Span::raw(b.help),
            ])
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Esc or ? closes this window",
        theme::DIM,
    )));
    let area = centered(
        screen,
        60,
        u16::try_from(lines.len() + 2).unwrap_or(u16::MAX),
    );
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::FOCUSED)
        .title(" Keys ");
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
                [
                    Line::from(Span::styled(p.path.clone(), theme::WARNING)),
                    Line::from(format!("  {}", p.error)),
                ]
            })
            .collect()
    };
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        "Esc or p closes this window",
        theme::DIM,
    )));
    let area = centered(
        screen,
        screen.width.saturating_sub(8),
        screen.height.saturating_sub(4),
    );
    frame.render_widget(Clear, area);
    let title = format!(" File problems ({}) ", state.problems.len());
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::WARNING)
        .title(title);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        area,
    );
}
