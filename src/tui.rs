//! The terminal session: set up, the event loop, and restoring the terminal however it ends.
//!
//! `ratatui::init` installs a panic hook that restores the terminal before the panic message is
//! printed; errors from the loop are returned only after `ratatui::restore`, so the message lands
//! on a normal screen.

use crate::keys;
use crate::state::{update, Action, State};
use crate::view;
use crossterm::event::{self, Event};
use std::io::IsTerminal;

pub fn run(mut state: State) -> anyhow::Result<()> {
    if !std::io::stdout().is_terminal() {
        anyhow::bail!("byline needs a terminal to draw in; use `byline export` for JSON output");
    }
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(&mut terminal, &mut state);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, state: &mut State) -> anyhow::Result<()> {
    let size = terminal.size()?;
    update(state, Action::Resize(size.width, size.height));
    while !state.quit {
        terminal.draw(|f| view::render(state, f))?;
        let action = match event::read()? {
            Event::Key(key) => keys::action_for(state, key),
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            _ => None,
        };
        if let Some(a) = action {
            update(state, a);
        }
        // Highlights and read marks are saved as soon as they change, so a crash loses none.
        if state.store_dirty {
            state.store_dirty = false;
            if let Err(e) = state.store.save() {
                state.message = Some(e.to_string());
            }
        }
    }
    Ok(())
}
