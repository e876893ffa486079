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
use std::sync::mpsc::Receiver;
use std::time::Duration;

/// How long to wait for a key before looking for background results.
const TICK: Duration = Duration::from_millis(50);

/// Runs the reader until the user quits. `background` brings actions from a loader thread.
pub fn run(mut state: State, background: Option<Receiver<Action>>) -> anyhow::Result<()> {
    if !std::io::stdout().is_terminal() {
        anyhow::bail!("byline needs a terminal to draw in; use `byline export` for JSON output");
    }
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(&mut terminal, &mut state, background);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    state: &mut State,
    mut background: Option<Receiver<Action>>,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    update(state, Action::Resize(size.width, size.height));
    let mut dirty = true;
    while !state.quit {
        if dirty {
            terminal.draw(|f| view::render(state, f))?;
            dirty = false;
        }
        if event::poll(if background.is_some() { TICK } else { Duration::from_secs(3600) })? {
            let action = match event::read()? {
                Event::Key(key) => keys::action_for(state, key),
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
                _ => None,
            };
            if let Some(a) = action {
                update(state, a);
                dirty = true;
            }
        }
        if let Some(rx) = &background {
            // Take what the loader has finished, but never so much that a key waits.
            let started = std::time::Instant::now();
            while started.elapsed() < TICK {
                match rx.try_recv() {
                    Ok(a) => {
                        update(state, a);
                        dirty = true;
                    }
                    Err(std::sync::mpsc::TryRecvError::Empty) => break,
                    Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                        background = None;
                        break;
                    }
                }
            }
        }
        // Highlights and read marks are saved as soon as they change, so a crash loses none.
        if state.store_dirty {
            state.store_dirty = false;
            if let Err(e) = state.store.save() {
                state.message = Some(e.to_string());
            }
            dirty = true;
        }
    }
    Ok(())
}
