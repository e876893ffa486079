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

/// How the drawn screen is coloured: the styles above are written for a dark terminal; a light
/// one gets them darkened, and `NO_COLOR` (or `colours = "none"`) gets no colour at all, with
/// coloured backgrounds (selection, matches, highlights, the status bar) shown reversed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Palette {
    #[default]
    Dark,
    Light,
    None,
}

impl Palette {
    /// The palette named in the config file: `dark`, `light` or `none`.
    pub fn named(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "dark" => Some(Palette::Dark),
            "light" => Some(Palette::Light),
            "none" | "no" | "mono" => Some(Palette::None),
            _ => None,
        }
    }

    /// Recolours a drawn frame. Done on the finished buffer, so that every pane follows
    /// without each knowing about palettes.
    pub fn apply(self, buf: &mut ratatui::buffer::Buffer) {
        if self == Palette::Dark {
            return;
        }
        for cell in buf.content.iter_mut() {
            match self {
                Palette::None => {
                    if cell.bg != Color::Reset {
                        cell.modifier.toggle(Modifier::REVERSED);
                    }
                    cell.fg = Color::Reset;
                    cell.bg = Color::Reset;
                }
                Palette::Light => {
                    let (fg, bg) = (cell.fg, cell.bg);
                    cell.bg = lighter(bg);
                    cell.fg = if bg == Color::Reset || bg == Color::Yellow || bg == Color::LightRed {
                        darker(fg)
                    } else if matches!(bg, Color::Rgb(..)) {
                        Color::Black
                    } else {
                        fg
                    };
                }
                Palette::Dark => {}
            }
        }
    }
}

/// A colour made for a dark background, as it reads on a light one.
fn darker(c: Color) -> Color {
    match c {
        Color::White => Color::Black,
        Color::Gray | Color::DarkGray => Color::Rgb(100, 100, 100),
        Color::Cyan | Color::LightCyan => Color::Rgb(0, 110, 140),
        Color::LightMagenta => Color::Rgb(150, 0, 150),
        Color::LightGreen => Color::Rgb(0, 120, 0),
        Color::LightBlue => Color::Rgb(30, 60, 200),
        Color::Yellow => Color::Rgb(150, 110, 0),
        Color::LightRed => Color::Rgb(190, 0, 0),
        Color::Rgb(255, 165, 80) => Color::Rgb(180, 90, 0),
        Color::Rgb(200, 160, 255) => Color::Rgb(100, 60, 180),
        Color::Rgb(120, 220, 200) => Color::Rgb(0, 120, 110),
        Color::Rgb(255, 130, 160) => Color::Rgb(190, 30, 80),
        c => c,
    }
}

/// A dark background colour as a light one.
fn lighter(c: Color) -> Color {
    match c {
        Color::Rgb(90, 70, 20) => Color::Rgb(255, 230, 150),
        Color::Rgb(40, 60, 110) => Color::Rgb(190, 210, 255),
        Color::DarkGray => Color::Rgb(220, 220, 220),
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    #[test]
    fn no_colour_leaves_no_colour_and_shows_backgrounds_reversed() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
        buf[(0, 0)].set_style(speaker(Some(0)));
        buf[(1, 0)].set_style(SELECTED);
        buf[(2, 0)].set_style(SENTENCE_CURSOR);
        Palette::None.apply(&mut buf);
        assert!(buf.content.iter().all(|c| c.fg == Color::Reset && c.bg == Color::Reset));
        assert!(buf[(1, 0)].modifier.contains(Modifier::REVERSED), "the selection stays visible");
        assert!(buf[(2, 0)].modifier.contains(Modifier::REVERSED), "the cursor stays reversed");
    }

    #[test]
    fn a_light_palette_darkens_text_colours() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 2, 1));
        buf[(0, 0)].set_style(speaker(Some(0)));
        buf[(1, 0)].set_style(HIGHLIGHT);
        Palette::Light.apply(&mut buf);
        assert_eq!(buf[(0, 0)].fg, Color::Rgb(0, 110, 140));
        assert_eq!((buf[(1, 0)].fg, buf[(1, 0)].bg), (Color::Black, Color::Rgb(255, 230, 150)));
    }
}
