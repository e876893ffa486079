//! The one table from keys to [`Action`]s.
//!
//! The help overlay, the status-bar hints and `--help` are all generated from [`BINDINGS`], so
//! they cannot disagree with what the keys really do.

use crate::state::{Action, Overlay, Pane, State};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A key as bindings name it: a key code, with Ctrl or without.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn key(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), ctrl: true }
}

impl Key {
    fn of(event: KeyEvent) -> Self {
        Key { code: event.code, ctrl: event.modifiers.contains(KeyModifiers::CONTROL) }
    }
}

/// One key binding: the keys, how help shows them, and what they do.
pub struct Binding {
    pub keys: &'static [Key],
    /// How the keys are written in help (`j ↓`).
    pub label: &'static str,
    pub action: Action,
    pub help: &'static str,
}

const fn bind(keys: &'static [Key], label: &'static str, action: Action, help: &'static str) -> Binding {
    Binding { keys, label, action, help }
}

pub const BINDINGS: &[Binding] = &[
    bind(&[key(KeyCode::Char('j')), key(KeyCode::Down)], "j ↓", Action::Down, "down a line / next entry"),
    bind(&[key(KeyCode::Char('k')), key(KeyCode::Up)], "k ↑", Action::Up, "up a line / previous entry"),
    bind(&[key(KeyCode::PageDown), key(KeyCode::Char(' '))], "PgDn Space", Action::PageDown, "down a page"),
    bind(&[key(KeyCode::PageUp), key(KeyCode::Char('b'))], "PgUp b", Action::PageUp, "up a page"),
    bind(&[ctrl('d')], "Ctrl-D", Action::HalfPageDown, "down half a page"),
    bind(&[ctrl('u')], "Ctrl-U", Action::HalfPageUp, "up half a page"),
    bind(&[key(KeyCode::Char('g')), key(KeyCode::Home)], "g Home", Action::Top, "go to the top"),
    bind(&[key(KeyCode::Char('G')), key(KeyCode::End)], "G End", Action::Bottom, "go to the bottom"),
    bind(
        &[key(KeyCode::Enter), key(KeyCode::Char('l')), key(KeyCode::Right)],
        "Enter l →",
        Action::Open,
        "open the article / jump to the name",
    ),
    bind(
        &[key(KeyCode::Esc), key(KeyCode::Char('h')), key(KeyCode::Left)],
        "Esc h ←",
        Action::Back,
        "back to the list",
    ),
    bind(&[key(KeyCode::Tab)], "Tab", Action::NextPane, "next pane"),
    bind(&[key(KeyCode::BackTab)], "Shift-Tab", Action::PrevPane, "previous pane"),
    bind(&[key(KeyCode::Char('/'))], "/", Action::StartSearch, "search this article"),
    bind(&[key(KeyCode::Char('n'))], "n", Action::NextMatch, "next match; in the list, next unread article"),
    bind(&[key(KeyCode::Char('N'))], "N", Action::PrevMatch, "previous match"),
    bind(&[key(KeyCode::Char('J'))], "J", Action::NextSentence, "sentence cursor to the next sentence"),
    bind(&[key(KeyCode::Char('K'))], "K", Action::PrevSentence, "sentence cursor to the previous sentence"),
    bind(&[key(KeyCode::Char('v'))], "v", Action::ToggleSelection, "select from here (grow with J/K)"),
    bind(&[key(KeyCode::Char('m'))], "m", Action::ToggleHighlight, "highlight or un-highlight"),
    bind(&[key(KeyCode::Char('M'))], "M", Action::NoteHighlight, "highlight with a note"),
    bind(&[key(KeyCode::Char('\''))], "'", Action::ToggleHighlightList, "every highlight"),
    bind(&[key(KeyCode::Char('u'))], "u", Action::ToggleRead, "mark read / unread"),
    bind(&[key(KeyCode::Char('A'))], "A", Action::MarkAllRead, "mark every article in the list read"),
    bind(&[key(KeyCode::Char('r'))], "r", Action::Reread, "read files added to the folder since"),
    bind(&[key(KeyCode::Char('d'))], "d", Action::StartDateFilter, "filter the list by date"),
    bind(&[key(KeyCode::Char('f'))], "f", Action::StartTextFilter, "filter the list: title, source, speaker, name"),
    bind(&[key(KeyCode::Char('s'))], "s", Action::CycleSort, "sort by date, title or source"),
    bind(&[key(KeyCode::Char('o'))], "o", Action::OpenLink, "open the link (or the file)"),
    bind(&[key(KeyCode::Char(']'))], "]", Action::NextQuote, "next quotation"),
    bind(&[key(KeyCode::Char('['))], "[", Action::PrevQuote, "previous quotation"),
    bind(&[key(KeyCode::Char('}'))], "}", Action::NextBySpeaker, "next quotation by this speaker (any article)"),
    bind(&[key(KeyCode::Char('{'))], "{", Action::PrevBySpeaker, "previous quotation by this speaker"),
    bind(&[key(KeyCode::Char('S'))], "S", Action::ToggleSpeakers, "every speaker in all articles"),
    bind(&[key(KeyCode::Char('p'))], "p", Action::ToggleProblems, "files skipped or read with problems"),
    // Digits are read as a count before the table is looked up (see `action_for`).
    bind(&[], "1–9", Action::Count(0), "a count: 5j, 3] repeat; 12G goes to line or entry 12"),
    bind(&[key(KeyCode::Char('z'))], "zz", Action::Centre, "centre the reader on the sentence cursor or quotation"),
    bind(&[key(KeyCode::Char('w'))], "w", Action::ToggleWide, "wide reading: hide or show the list and names"),
    bind(&[key(KeyCode::Char('?'))], "?", Action::ToggleHelp, "this help"),
    bind(&[key(KeyCode::Char('q'))], "q", Action::Quit, "close this window or pane; on the list, quit"),
    bind(&[key(KeyCode::Char('Q')), ctrl('c'), ctrl('q')], "Q Ctrl-C", Action::Quit, "quit from anywhere"),
];

/// The keys of the prompt in the status bar (search, filters, notes): every other key is text.
pub const PROMPT_BINDINGS: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Enter", Action::SearchSubmit, "run the search or set the filter"),
    bind(&[key(KeyCode::Esc)], "Esc", Action::SearchCancel, "close the prompt, changing nothing"),
    bind(&[key(KeyCode::Backspace)], "Backspace", Action::SearchBackspace, "delete a character"),
    bind(&[ctrl('w')], "Ctrl-W", Action::PromptDeleteWord, "delete a word"),
    bind(&[ctrl('u')], "Ctrl-U", Action::PromptClear, "delete the whole line"),
    bind(&[key(KeyCode::Up)], "↑", Action::PromptHistory(true), "what was typed before at this prompt"),
    bind(&[key(KeyCode::Down)], "↓", Action::PromptHistory(false), "back towards the newest"),
    bind(&[ctrl('c')], "Ctrl-C", Action::Quit, "quit"),
];

/// The keys of the highlight list (`'`), besides moving and Enter.
pub const HIGHLIGHT_LIST_BINDINGS: &[Binding] = &[
    bind(&[key(KeyCode::Char('e'))], "e", Action::EditHighlightNote, "write or change the note"),
    bind(&[key(KeyCode::Char('x')), key(KeyCode::Delete)], "x Del", Action::DeleteHighlight, "delete the highlight"),
    bind(
        &[key(KeyCode::Char('q')), key(KeyCode::Char('\'')), key(KeyCode::Esc), key(KeyCode::Char('h'))],
        "q ' Esc",
        Action::ToggleHighlightList,
        "close the list",
    ),
];

/// The keys of the corpus view of speakers (`S`), besides moving, Enter and Esc.
pub const SPEAKER_LIST_BINDINGS: &[Binding] = &[
    bind(
        &[key(KeyCode::Char('f')), key(KeyCode::Char('/'))],
        "f /",
        Action::StartSpeakerFilter,
        "list only speakers whose name has…",
    ),
    bind(&[key(KeyCode::Char('q')), key(KeyCode::Char('S'))], "q S", Action::ToggleSpeakers, "close the view"),
];

/// The keys of the help and problems windows, besides moving.
pub const WINDOW_BINDINGS: &[Binding] = &[
    bind(
        &[key(KeyCode::Char('q')), key(KeyCode::Esc), key(KeyCode::Enter), key(KeyCode::Char('h'))],
        "q Esc",
        Action::CloseOverlay,
        "close the window",
    ),
    bind(&[key(KeyCode::Char('?'))], "?", Action::ToggleHelp, "help, or back to it"),
    bind(&[key(KeyCode::Char('p'))], "p", Action::ToggleProblems, "the problems list, or back to it"),
];

/// Help's sections: a heading (none for the first) and its bindings.
pub const HELP: &[(&str, &[Binding])] = &[
    ("", BINDINGS),
    ("At a prompt", PROMPT_BINDINGS),
    ("In the highlight list (')", HIGHLIGHT_LIST_BINDINGS),
    ("In the speakers view (S)", SPEAKER_LIST_BINDINGS),
    ("In help and the problems list", WINDOW_BINDINGS),
];

/// Help as lines of (keys, what it does), with the keys as `keymap` has them; a heading is a
/// line with no keys, after a blank one.
pub fn help_lines(keymap: &Keymap) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for (heading, bindings) in HELP {
        if !heading.is_empty() {
            out.push((String::new(), ""));
            out.push((String::new(), *heading));
        }
        // The config file rebinds the main table only (the first section).
        let rebindable = heading.is_empty();
        out.extend(bindings.iter().map(|b| (if rebindable { keymap.label(b) } else { b.label.to_string() }, b.help)));
    }
    out
}

fn lookup(table: &[Binding], k: Key) -> Option<Action> {
    table.iter().find(|b| b.keys.contains(&k)).map(|b| b.action.clone())
}

/// The main table as the config file changed it: an action given keys there answers to those
/// keys only, and those keys do nothing else.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    rebound: Vec<(Action, Vec<Key>)>,
}

/// The name of an action in the config file: `NextQuote` is `next_quote`.
pub fn action_name(action: &Action) -> String {
    let debug = format!("{action:?}");
    let mut out = String::new();
    for (i, c) in debug.chars().take_while(|c| c.is_alphanumeric()).enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// A key as the config file writes it: `j`, `J`, `Ctrl-D`, `Down`, `PgDn`, `Space`, `F1`.
pub fn parse_key(name: &str) -> Option<Key> {
    let name = name.trim();
    if let Some(rest) = name.strip_prefix("Ctrl-").or_else(|| name.strip_prefix("C-")) {
        let mut chars = rest.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) => Some(ctrl(c.to_ascii_lowercase())),
            _ => None,
        };
    }
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.clone().next()) {
        return Some(key(KeyCode::Char(c)));
    }
    let code = match name.to_ascii_lowercase().as_str() {
        "space" => KeyCode::Char(' '),
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" | "shift-tab" => KeyCode::BackTab,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "pgup" | "pageup" => KeyCode::PageUp,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "del" | "delete" => KeyCode::Delete,
        "backspace" => KeyCode::Backspace,
        f => KeyCode::F(f.strip_prefix('f')?.parse().ok().filter(|n| (1..=12).contains(n))?),
    };
    Some(key(code))
}

/// How help writes a key.
fn key_label(k: &Key) -> String {
    match k.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) if k.ctrl => format!("Ctrl-{}", c.to_ascii_uppercase()),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Down => "↓".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    }
}

impl Keymap {
    /// Builds the map from the config file's `[keys]` table; each bad entry is a problem.
    pub fn from_names(table: &std::collections::BTreeMap<String, Vec<String>>) -> (Keymap, Vec<String>) {
        let mut map = Keymap::default();
        let mut problems = Vec::new();
        for (name, keys) in table {
            let Some(b) = BINDINGS.iter().find(|b| !b.keys.is_empty() && action_name(&b.action) == *name) else {
                problems.push(format!("[keys] {name}: no such action (the names are in `byline --help`)"));
                continue;
            };
            let parsed: Vec<Option<Key>> = keys.iter().map(|k| parse_key(k)).collect();
            if let Some(bad) = keys.iter().zip(&parsed).find(|(_, p)| p.is_none()).map(|(k, _)| k) {
                problems.push(format!("[keys] {name}: “{bad}” is not a key (j, J, Ctrl-D, Down, PgDn, Space, F1…)"));
                continue;
            }
            map.rebound.push((b.action.clone(), parsed.into_iter().flatten().collect()));
        }
        (map, problems)
    }

    /// The keys the config file gave `action`, if it gave any.
    pub fn rebound(&self, action: &Action) -> Option<&[Key]> {
        self.rebound.iter().find(|(a, _)| a == action).map(|(_, k)| k.as_slice())
    }

    /// The first key that does `action` in the main table, as the config file left it.
    fn first_key(&self, action: &Action) -> Option<Key> {
        match self.rebound(action) {
            Some(keys) => keys.first().copied(),
            None => BINDINGS.iter().find(|b| b.action == *action).and_then(|b| b.keys.first().copied()),
        }
    }

    /// The action of `k` in the main table.
    fn lookup(&self, k: Key) -> Option<Action> {
        if let Some((a, _)) = self.rebound.iter().find(|(_, keys)| keys.contains(&k)) {
            return Some(a.clone());
        }
        BINDINGS
            .iter()
            .filter(|b| self.rebound(&b.action).is_none())
            .find(|b| b.keys.contains(&k))
            .map(|b| b.action.clone())
    }

    /// How help labels a binding of the main table: its own label, or the keys the config
    /// file gave it.
    fn label(&self, b: &Binding) -> String {
        match self.rebound(&b.action) {
            Some(keys) => keys.iter().map(key_label).collect::<Vec<_>>().join(" "),
            None => b.label.to_string(),
        }
    }
}

/// What the status bar offers in each mode, from that mode's table: the actions (their first
/// keys, as bound, are shown) and a word for them. The main table's `q` comes last, named for
/// what it does where the user is.
const MAIN_HINTS: &[(&[Action], &str)] = &[
    (&[Action::ToggleHelp], "help"),
    (&[Action::StartSearch], "search"),
    (&[Action::NextQuote, Action::PrevQuote], "quotes"),
    (&[Action::ToggleSpeakers], "speakers"),
];
const HIGHLIGHT_LIST_HINTS: &[(&[Action], &str)] = &[
    (&[Action::EditHighlightNote], "note"),
    (&[Action::DeleteHighlight], "delete"),
    (&[Action::ToggleHighlightList], "close"),
];
const SPEAKER_LIST_HINTS: &[(&[Action], &str)] = &[
    (&[Action::Open], "their quotations"),
    (&[Action::StartSpeakerFilter], "filter"),
    (&[Action::ToggleSpeakers], "close"),
];
const SPEAKER_QUOTATION_HINTS: &[(&[Action], &str)] =
    &[(&[Action::Open], "read it"), (&[Action::Back], "all speakers"), (&[Action::ToggleSpeakers], "close")];
const WINDOW_HINTS: &[(&[Action], &str)] = &[(&[Action::CloseOverlay], "close")];

/// The status bar's hints for where the user is.
pub fn hints(state: &State) -> Vec<(String, &'static str)> {
    let (own, hints): (Option<&[Binding]>, _) = match state.overlay {
        Some(Overlay::Highlights) => (Some(HIGHLIGHT_LIST_BINDINGS), HIGHLIGHT_LIST_HINTS),
        Some(Overlay::Speakers) if state.corpus.speaker.is_some() => {
            (Some(SPEAKER_LIST_BINDINGS), SPEAKER_QUOTATION_HINTS)
        }
        Some(Overlay::Speakers) => (Some(SPEAKER_LIST_BINDINGS), SPEAKER_LIST_HINTS),
        Some(_) => (Some(WINDOW_BINDINGS), WINDOW_HINTS),
        None => (None, MAIN_HINTS),
    };
    // A mode's own table first; moving and Enter come from the main table, as the config left it.
    let first = |a: &Action| {
        own.and_then(|t| t.iter().find(|b| b.action == *a)?.keys.first().copied()).or_else(|| state.keymap.first_key(a))
    };
    let label = |actions: &[Action]| {
        actions.iter().filter_map(|a| first(a).map(|k| key_label(&k))).collect::<Vec<_>>().join(" ")
    };
    let mut out: Vec<(String, &'static str)> = hints.iter().map(|(actions, what)| (label(actions), *what)).collect();
    if state.overlay.is_none() {
        // `q` closes the current view first: only the list quits.
        let q = if state.focus == Pane::List { "quit" } else { "back" };
        out.push(("q".into(), q));
    }
    out.retain(|(k, _)| !k.is_empty());
    out
}

/// What a key press does in the current state, if anything. Only presses count: terminals that
/// report releases and repeats would otherwise act twice on one key.
pub fn action_for(state: &State, key: KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let k = Key::of(key);
    if state.prompt.is_some() {
        return match (lookup(PROMPT_BINDINGS, k), key.code) {
            (Some(a), _) => Some(a),
            (None, KeyCode::Char(c)) if !k.ctrl => Some(Action::SearchInput(c)),
            _ => None,
        };
    }
    if k.ctrl || key.code == KeyCode::Char('Q') {
        return state.keymap.lookup(k);
    }
    // A warning about the data folder stays until Esc dismisses it.
    if key.code == KeyCode::Esc && state.warning.is_some() && state.overlay.is_none() {
        return Some(Action::DismissWarning);
    }
    // The highlight list and the corpus view are lists: movement and Enter work in them as in
    // the panes.
    match state.overlay {
        Some(Overlay::Highlights) => {
            return lookup(HIGHLIGHT_LIST_BINDINGS, k).or_else(|| list_action(key.code, false));
        }
        Some(Overlay::Speakers) => {
            return lookup(SPEAKER_LIST_BINDINGS, k).or_else(|| list_action(key.code, true));
        }
        _ => {}
    }
    if state.overlay.is_some() {
        // The help and problems windows scroll when the screen is short.
        return lookup(WINDOW_BINDINGS, k).or_else(|| list_action(key.code, false));
    }
    // `q` closes the current view first, as in less and newsboat: from the reader or the side
    // panel it goes back to the list, and only the list quits.
    if key.code == KeyCode::Char('q') && state.focus != Pane::List {
        return Some(Action::Back);
    }
    // A count before a movement, as in vim (`5j`); a 0 only inside a count.
    if let KeyCode::Char(c @ '0'..='9') = key.code {
        if c != '0' || state.count.is_some() {
            return u8::try_from(c.to_digit(10).unwrap_or(0)).ok().map(Action::Count);
        }
    }
    state.keymap.lookup(k)
}

/// The action of `code` in a list window: movement, Enter, and Back when `back` is allowed.
fn list_action(code: KeyCode, back: bool) -> Option<Action> {
    let action = lookup(BINDINGS, key(code))?;
    let moves = matches!(
        action,
        Action::Down | Action::Up | Action::PageDown | Action::PageUp | Action::Top | Action::Bottom | Action::Open
    );
    (moves || (back && action == Action::Back)).then_some(action)
}

/// The key tables as plain text, for `--help`, with each action's name for the config file.
pub fn help_text(keymap: &Keymap) -> String {
    let lines = help_lines(keymap);
    let width = lines.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
    let text: Vec<String> = lines
        .iter()
        .map(|(k, what)| match k.as_str() {
            "" if what.is_empty() => String::new(),
            "" => format!("{what}:"),
            k => format!("  {k:<width$}  {what}"),
        })
        .collect();
    text.join("\n")
}

/// The actions the config file's `[keys]` table can bind, by name.
pub fn action_names() -> Vec<String> {
    let mut names: Vec<String> =
        BINDINGS.iter().filter(|b| !b.keys.is_empty()).map(|b| action_name(&b.action)).collect();
    names.dedup();
    names
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
        for (_, table) in HELP {
            let mut seen = Vec::new();
            for b in *table {
                for k in b.keys {
                    assert!(!seen.contains(k), "{k:?} is bound twice");
                    seen.push(*k);
                }
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
    fn a_rebound_action_answers_to_its_new_keys_only_and_help_says_so() {
        let table = [("next_quote".to_string(), vec!["Ctrl-N".to_string(), "x".to_string()])].into_iter().collect();
        let (keymap, problems) = Keymap::from_names(&table);
        assert!(problems.is_empty());
        let mut s = State::new(Loaded::default());
        s.keymap = keymap;
        let ctrl_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&s, ctrl_n), Some(Action::NextQuote));
        assert_eq!(action_for(&s, press(KeyCode::Char('x'))), Some(Action::NextQuote));
        assert_eq!(action_for(&s, press(KeyCode::Char(']'))), None, "the old key is free");
        assert_eq!(action_for(&s, press(KeyCode::Char('j'))), Some(Action::Down), "others are as they were");
        let help = help_text(&s.keymap);
        assert!(help.contains("  Ctrl-N x    next quotation\n"), "{help}");
    }

    #[test]
    fn keys_are_read_as_the_config_file_writes_them() {
        assert_eq!(parse_key("j"), Some(key(KeyCode::Char('j'))));
        assert_eq!(parse_key("Ctrl-D"), Some(ctrl('d')));
        assert_eq!(parse_key("PgDn"), Some(key(KeyCode::PageDown)));
        assert_eq!(parse_key("space"), Some(key(KeyCode::Char(' '))));
        assert_eq!(parse_key("F5"), Some(key(KeyCode::F(5))));
        assert_eq!(parse_key("F13"), None);
        assert_eq!(parse_key("Hyper-Q"), None);
        assert_eq!(action_name(&Action::NextBySpeaker), "next_by_speaker");
    }

    #[test]
    fn releases_and_repeats_are_ignored() {
        let s = State::new(Loaded::default());
        for kind in [KeyEventKind::Release, KeyEventKind::Repeat] {
            let mut k = press(KeyCode::Char('q'));
            k.kind = kind;
            assert_eq!(action_for(&s, k), None, "{kind:?}");
        }
    }

    #[test]
    fn help_and_problems_windows_answer_to_their_own_table() {
        let mut s = State::new(Loaded::default());
        s.overlay = Some(Overlay::Help);
        assert_eq!(action_for(&s, press(KeyCode::Char('q'))), Some(Action::CloseOverlay));
        assert_eq!(action_for(&s, press(KeyCode::Char('p'))), Some(Action::ToggleProblems));
        assert_eq!(action_for(&s, press(KeyCode::Char('j'))), Some(Action::Down), "the window scrolls");
        assert_eq!(action_for(&s, press(KeyCode::Char(']'))), None, "the reader's keys wait");
        assert!(help_text(&s.keymap).contains("In help and the problems list:"));
    }

    #[test]
    fn the_status_bar_hints_follow_the_mode_and_the_config() {
        let words = |s: &State| hints(s).into_iter().map(|(k, w)| format!("{k} {w}")).collect::<Vec<_>>();
        let mut s = State::new(Loaded::default());
        assert_eq!(words(&s), ["? help", "/ search", "] [ quotes", "S speakers", "q quit"]);
        s.overlay = Some(Overlay::Highlights);
        assert_eq!(words(&s), ["e note", "x delete", "q close"]);
        s.overlay = Some(Overlay::Speakers);
        assert_eq!(words(&s), ["Enter their quotations", "f filter", "q close"]);
        s.overlay = None;
        let table = [("toggle_help".to_string(), vec!["F1".to_string()])].into_iter().collect();
        s.keymap = Keymap::from_names(&table).0;
        assert_eq!(words(&s)[0], "F1 help", "a rebound key is the one shown");
    }
}
