//! The few styles byline uses, in one place so the panes stay consistent.

use ratatui::style::{Color, Modifier, Style};

pub const FOCUSED: Style = Style::new().fg(Color::Cyan);
pub const UNFOCUSED: Style = Style::new().fg(Color::DarkGray);
pub const SELECTED: Style = Style::new().bg(Color::Blue).fg(Color::White);
pub const TITLE: Style = Style::new().add_modifier(Modifier::BOLD);
pub const DIM: Style = Style::new().fg(Color::DarkGray);
pub const HEADING: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
pub const MATCH: Style = Style::new().bg(Color::Yellow).fg(Color::Black);
pub const CURRENT_MATCH: Style = Style::new().bg(Color::LightRed).fg(Color::Black).add_modifier(Modifier::BOLD);
pub const STATUS: Style = Style::new().bg(Color::DarkGray).fg(Color::White);
pub const WARNING: Style = Style::new().fg(Color::LightRed).add_modifier(Modifier::BOLD);
pub const KEY: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const LABEL: Style = Style::new().add_modifier(Modifier::ITALIC);
pub const CURRENT_QUOTE: Modifier = Modifier::UNDERLINED;

/// Speaker colours, most quoted speaker first. Chosen to read on dark and light backgrounds
/// and to stay apart from the search highlight (yellow background).
const PALETTE: [Color; 8] = [
    Color::LightCyan,
    Color::LightMagenta,
    Color::LightGreen,
    Color::LightBlue,
    Color::Rgb(255, 165, 80),
    Color::Rgb(200, 160, 255),
    Color::Rgb(120, 220, 200),
    Color::Rgb(255, 130, 160),
];

/// Quotations with no known speaker.
pub const UNKNOWN_SPEAKER: Style = Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC);

pub fn speaker(colour: Option<usize>) -> Style {
    match colour {
        Some(i) => Style::new().fg(PALETTE[i % PALETTE.len()]),
        None => UNKNOWN_SPEAKER,
    }
}

pub const HIGHLIGHT: Style = Style::new().bg(Color::Rgb(90, 70, 20)).fg(Color::White);
/// The mention of a name the side panel jumped to.
pub const CURRENT_MENTION: Style = Style::new().add_modifier(Modifier::UNDERLINED).add_modifier(Modifier::BOLD);
pub const SENTENCE_CURSOR: Style = Style::new().add_modifier(Modifier::REVERSED);
pub const SELECTION: Style = Style::new().bg(Color::Rgb(40, 60, 110));
pub const UNREAD: Style = Style::new().add_modifier(Modifier::BOLD);
pub const READ: Style = Style::new();
