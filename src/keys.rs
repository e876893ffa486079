//! The one table from keys to [`Action`]s.
//!
//! The help overlay, the status-bar hints and `--help` are all generated from [`BINDINGS`], so
//! they cannot disagree with what the keys really do.

use crate::state::{Action, Overlay, Pane, State};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// One key binding: the keys, how help shows them, and what they do.
pub struct Binding {
    pub keys: &'static [KeyCode],
    /// How the keys are written in help (`j ↓`).
    pub label: &'static str,
    pub action: Action,
    pub help: &'static str,
}

const fn bind(keys: &'static [KeyCode], label: &'static str, action: Action, help: &'static str) -> Binding {
    Binding { keys, label, action, help }
}

pub const BINDINGS: &[Binding] = &[
    bind(&[KeyCode::Char('j'), KeyCode::Down], "j ↓", Action::Down, "down a line / next entry"),
    bind(&[KeyCode::Char('k'), KeyCode::Up], "k ↑", Action::Up, "up a line / previous entry"),
    bind(&[KeyCode::PageDown, KeyCode::Char(' ')], "PgDn Space", Action::PageDown, "down a page"),
    bind(&[KeyCode::PageUp, KeyCode::Char('b')], "PgUp b", Action::PageUp, "up a page"),
    bind(&[KeyCode::Char('g'), KeyCode::Home], "g Home", Action::Top, "go to the top"),
    bind(&[KeyCode::Char('G'), KeyCode::End], "G End", Action::Bottom, "go to the bottom"),
    bind(
        &[KeyCode::Enter, KeyCode::Char('l'), KeyCode::Right],
        "Enter l →",
        Action::Open,
        "open the article / jump to the name",
    ),
    bind(&[KeyCode::Esc, KeyCode::Char('h'), KeyCode::Left], "Esc h ←", Action::Back, "back to the list"),
    bind(&[KeyCode::Tab], "Tab", Action::NextPane, "next pane"),
    bind(&[KeyCode::BackTab], "Shift-Tab", Action::PrevPane, "previous pane"),
    bind(&[KeyCode::Char('/')], "/", Action::StartSearch, "search this article"),
    bind(&[KeyCode::Char('n')], "n", Action::NextMatch, "next match"),
    bind(&[KeyCode::Char('N')], "N", Action::PrevMatch, "previous match"),
    bind(&[KeyCode::Char('J')], "J", Action::NextSentence, "sentence cursor to the next sentence"),
    bind(&[KeyCode::Char('K')], "K", Action::PrevSentence, "sentence cursor to the previous sentence"),
    bind(&[KeyCode::Char('v')], "v", Action::ToggleSelection, "select from here (grow with J/K)"),
    bind(&[KeyCode::Char('m')], "m", Action::ToggleHighlight, "highlight or un-highlight"),
    bind(&[KeyCode::Char('M')], "M", Action::NoteHighlight, "highlight with a note"),
    bind(&[KeyCode::Char('\'')], "'", Action::ToggleHighlightList, "every highlight"),
    bind(&[KeyCode::Char('u')], "u", Action::ToggleRead, "mark read / unread"),
    bind(&[KeyCode::Char('d')], "d", Action::StartDateFilter, "filter the list by date"),
    bind(&[KeyCode::Char('f')], "f", Action::StartSourceFilter, "filter the list by source"),
    bind(&[KeyCode::Char('s')], "s", Action::CycleSort, "sort by date, title or source"),
    bind(&[KeyCode::Char('o')], "o", Action::OpenLink, "open the link (or the file)"),
    bind(&[KeyCode::Char(']')], "]", Action::NextQuote, "next quotation"),
    bind(&[KeyCode::Char('[')], "[", Action::PrevQuote, "previous quotation"),
    bind(&[KeyCode::Char('}')], "}", Action::NextBySpeaker, "next quotation by this speaker (any article)"),
    bind(&[KeyCode::Char('{')], "{", Action::PrevBySpeaker, "previous quotation by this speaker"),
    bind(&[KeyCode::Char('S')], "S", Action::ToggleSpeakers, "every speaker in all articles"),
    bind(&[KeyCode::Char('p')], "p", Action::ToggleProblems, "files skipped or read with problems"),
    bind(&[KeyCode::Char('w')], "w", Action::ToggleWide, "wide reading: hide or show the list and names"),
    bind(&[KeyCode::Char('?')], "?", Action::ToggleHelp, "this help"),
    bind(&[KeyCode::Char('q')], "q", Action::Quit, "close this window or pane; on the list, quit"),
    bind(&[KeyCode::Char('Q')], "Q Ctrl-C", Action::Quit, "quit from anywhere"),
];

/// The few bindings the status bar has room for.
const HINTS: &[(&str, &str)] = &[("?", "help"), ("/", "search"), ("] [", "quotes"), ("S", "speakers")];

/// The status bar's hints for where the user is: what `q` does depends on it.
pub fn hints(state: &State) -> impl Iterator<Item = (&'static str, &'static str)> {
    let q = if state.overlay.is_some() {
        "close"
    } else if state.focus == Pane::List {
        "quit"
    } else {
        "back"
    };
    HINTS.iter().copied().chain(std::iter::once(("q", q)))
}

/// What a key press does in the current state, if anything. Only presses count: terminals that
/// report releases and repeats would otherwise act twice.
pub fn action_for(state: &State, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return matches!(key.code, KeyCode::Char('c') | KeyCode::Char('q')).then_some(Action::Quit);
    }
    if key.code == KeyCode::Char('Q') && state.prompt.is_none() {
        return Some(Action::Quit);
    }
    if state.prompt.is_some() {
        return match key.code {
            KeyCode::Enter => Some(Action::SearchSubmit),
            KeyCode::Esc => Some(Action::SearchCancel),
            KeyCode::Backspace => Some(Action::SearchBackspace),
            KeyCode::Char(c) => Some(Action::SearchInput(c)),
            _ => None,
        };
    }
    // The highlight list and the corpus view are lists: movement and Enter work in them as in
    // the panes.
    match state.overlay {
        Some(Overlay::Highlights) => {
            return match key.code {
                KeyCode::Char('\'') | KeyCode::Char('q') | KeyCode::Esc | KeyCode::Char('h') => {
                    Some(Action::ToggleHighlightList)
                }
                code => list_action(code, false),
            }
        }
        Some(Overlay::Speakers) => {
            return match key.code {
                KeyCode::Char('S') | KeyCode::Char('q') => Some(Action::ToggleSpeakers),
                code => list_action(code, true),
            }
        }
        _ => {}
    }
    if state.overlay.is_some() {
        return match key.code {
            KeyCode::Char('?') => Some(Action::ToggleHelp),
            KeyCode::Char('p') => Some(Action::ToggleProblems),
            KeyCode::Esc | KeyCode::Enter | KeyCode::Char('h') | KeyCode::Char('q') => Some(Action::CloseOverlay),
            // The help and problems windows scroll when the screen is short.
            code => list_action(code, false).filter(|a| *a != Action::Open),
        };
    }
    // `q` closes the current view first, as in less and newsboat: from the reader or the side
    // panel it goes back to the list, and only the list quits.
    if key.code == KeyCode::Char('q') && state.focus != Pane::List {
        return Some(Action::Back);
    }
    BINDINGS.iter().find(|b| b.keys.contains(&key.code)).map(|b| b.action.clone())
}

/// The action of `code` in a list window: movement, Enter, and Back when `back` is allowed.
fn list_action(code: KeyCode, back: bool) -> Option<Action> {
    let action = BINDINGS.iter().find(|b| b.keys.contains(&code)).map(|b| b.action.clone())?;
    let moves = matches!(
        action,
        Action::Down | Action::Up | Action::PageDown | Action::PageUp | Action::Top | Action::Bottom | Action::Open
    );
    (moves || (back && action == Action::Back)).then_some(action)
}

/// The key table as plain text, for `--help`.
pub fn help_text() -> String {
    let width = BINDINGS.iter().map(|b| b.label.chars().count()).max().unwrap_or(0);
    BINDINGS.iter().map(|b| format!("  {:<width$}  {}", b.label, b.help)).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Loaded;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn no_key_is_bound_twice() {
        let mut seen = Vec::new();
        for b in BINDINGS {
            for k in b.keys {
                assert!(!seen.contains(k), "{k:?} is bound twice");
                seen.push(*k);
            }
        }
    }

    #[test]
    fn vim_keys_and_arrows_move() {
        let s = State::new(Loaded::default());
        assert_eq!(action_for(&s, press(KeyCode::Char('j'))), Some(Action::Down));
        assert_eq!(action_for(&s, press(KeyCode::Down)), Some(Action::Down));
        assert_eq!(action_for(&s, press(KeyCode::Char('G'))), Some(Action::Bottom));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&s, ctrl_c), Some(Action::Quit));
    }

    #[test]
    fn the_search_prompt_takes_letters_that_are_keys_elsewhere() {
        let mut s = State::new(Loaded::default());
        s.prompt = Some(String::new());
        assert_eq!(action_for(&s, press(KeyCode::Char('q'))), Some(Action::SearchInput('q')));
        assert_eq!(action_for(&s, press(KeyCode::Enter)), Some(Action::SearchSubmit));
    }

    #[test]
    fn q_closes_the_current_view_and_quits_only_from_the_list() {
        let mut s = State::new(Loaded::default());
        let q = press(KeyCode::Char('q'));
        for (overlay, closes) in [
            (Overlay::Speakers, Action::ToggleSpeakers),
            (Overlay::Highlights, Action::ToggleHighlightList),
            (Overlay::Help, Action::CloseOverlay),
        ] {
            s.overlay = Some(overlay);
            assert_eq!(action_for(&s, q), Some(closes));
            assert_eq!(action_for(&s, press(KeyCode::Char('Q'))), Some(Action::Quit), "Q quits from anywhere");
        }
        s.overlay = None;
        s.focus = Pane::Reader;
        assert_eq!(action_for(&s, q), Some(Action::Back));
        s.focus = Pane::List;
        assert_eq!(action_for(&s, q), Some(Action::Quit));
    }

    #[test]
    fn releases_are_ignored() {
        let s = State::new(Loaded::default());
        let mut k = press(KeyCode::Char('q'));
        k.kind = KeyEventKind::Release;
        assert_eq!(action_for(&s, k), None);
    }
}
