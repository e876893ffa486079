//! The few styles byline uses, in one place so the panes stay consistent.

use ratatui::style::{Color, Modifier, Style};

pub const FOCUSED: Style = Style::new().fg(Color::Cyan);
pub const UNFOCUSED: Style = Style::new().fg(Color::DarkGray);
pub const SELECTED: Style = Style::new()
    .bg(Color::Blue)
    .fg(Color::White)
    .add_modifier(Modifier::BOLD);
pub const TITLE: Style = Style::new().add_modifier(Modifier::BOLD);
pub const DIM: Style = Style::new().fg(Color::DarkGray);
pub const HEADING: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
pub const MATCH: Style = Style::new().bg(Color::Yellow).fg(Color::Black);
pub const CURRENT_MATCH: Style = Style::new()
    .bg(Color::LightRed)
    .fg(Color::Black)
    .add_modifier(Modifier::BOLD);
pub const STATUS: Style = Style::new().bg(Color::DarkGray).fg(Color::White);
pub const WARNING: Style = Style::new()
    .fg(Color::LightRed)
    .add_modifier(Modifier::BOLD);
pub const KEY: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
