//! Drawing: a pure function of [`State`] onto a ratatui [`Frame`].
//!
//! One file per pane. Nothing here reads files or changes the state, so the same state always
//! draws the same screen, which is what the snapshot tests rely on.

mod list;
mod overlay;
mod reader;
mod side;
mod status;
pub mod theme;

use crate::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use crate::state::{Overlay, Pane, State};
use ratatui::layout::Alignment;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

/// A date as the list (`SHORT_DATE`) or the reader's header (`LONG_DATE`) shows it, or
/// `undated`.
fn date_label(date: Option<chrono::NaiveDate>, format: &str) -> String {
    date.map_or_else(|| "undated".to_string(), |d| d.format(format).to_string())
}

const SHORT_DATE: &str = "%Y-%m-%d";
const LONG_DATE: &str = "%-d %b %Y";

pub fn render(state: &State, frame: &mut Frame) {
    let screen = frame.area();
    if layout::too_small(screen) {
        let msg = format!(
            "Window too small: byline needs {MIN_WIDTH}×{MIN_HEIGHT}, this is {}×{}. Enlarge it, or press q to quit.",
            screen.width, screen.height
        );
        frame.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }).alignment(Alignment::Center), screen);
        state.palette.apply(frame.buffer_mut());
        return;
    }
    let areas = state.areas();
    // A pane the screen has no room for (or wide reading hides) has no width and is not drawn.
    if areas.list.width > 0 {
        list::render(state, frame, areas.list);
    }
    reader::render(state, frame, areas.reader);
    if areas.side.width > 0 {
        side::render(state, frame, areas.side);
    }
    status::render(state, frame, areas.status);
    match state.overlay {
        Some(Overlay::Help) => overlay::help(state, frame, screen),
        Some(Overlay::Problems) => overlay::problems(state, frame, screen),
        Some(Overlay::Speakers) => overlay::speakers(state, frame, screen),
        Some(Overlay::Highlights) => overlay::highlights(state, frame, screen),
        None => {}
    }
    state.palette.apply(frame.buffer_mut());
}

/// A pane's frame, brighter when it has the focus.
fn pane_block(state: &State, pane: Pane, title: String) -> Block<'static> {
    let style = if state.focus == pane && state.overlay.is_none() { theme::FOCUSED } else { theme::UNFOCUSED };
    Block::default().borders(Borders::ALL).border_style(style).title(title)
}
