//! Headless sessions: key presses go through the real key table into `update`.

use byline::keys::action_for;
use byline::state::{update, Action, Pane, State};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn press(s: &mut State, code: KeyCode) {
    if let Some(a) = action_for(s, KeyEvent::new(code, KeyModifiers::NONE)) {
        update(s, a);
    }
}

#[test]
fn open_the_third_article_search_and_step_through_matches() {
    let mut s = State::new(byline::load::bundled());
    update(&mut s, Action::Resize(80, 24));
    press(&mut s, KeyCode::Char('j'));
    press(&mut s, KeyCode::Char('j'));
    press(&mut s, KeyCode::Enter);
    assert_eq!((s.selected, s.focus), (2, Pane::Reader));
    press(&mut s, KeyCode::Char('/'));
    for c in "defence".chars() {
        press(&mut s, KeyCode::Char(c));
    }
    press(&mut s, KeyCode::Enter);
    let matches = s.search.as_ref().unwrap().matches.len();
    assert!(
        matches >= 3,
        "the third article says defence {matches} times"
    );
    assert_eq!(
        s.search.as_ref().unwrap().current,
        0,
        "Enter goes to the first match"
    );
    let first_scroll = s.scroll;
    press(&mut s, KeyCode::Char('n'));
    assert_eq!(s.search.as_ref().unwrap().current, 1);
    press(&mut s, KeyCode::Char('n'));
    assert_eq!(s.search.as_ref().unwrap().current, 2);
    press(&mut s, KeyCode::Char('N'));
    let search = s.search.clone().unwrap();
    assert_eq!(search.current, 1, "N steps back to the second match");
    // The second match is on screen.
    let m = &search.matches[1];
    let line = byline::layout::line_of(&s.reader_lines(), m.block, m.range.start).unwrap();
    let height = usize::from(s.areas().reader_text().height);
    assert!(
        line >= s.scroll && line < s.scroll + height,
        "line {line} scroll {}",
        s.scroll
    );
    assert!(s.scroll >= first_scroll);
}

#[test]
fn q_quits_but_not_while_typing_a_search() {
    let mut s = State::new(byline::load::bundled());
    press(&mut s, KeyCode::Char('/'));
    press(&mut s, KeyCode::Char('q'));
    assert!(!s.quit);
    assert_eq!(s.prompt.as_deref(), Some("q"));
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Char('q'));
    assert!(s.quit);
}

#[test]
fn the_problems_list_opens_and_closes() {
    let mut s = State::new(byline::load::bundled());
    press(&mut s, KeyCode::Char('p'));
    assert_eq!(s.overlay, Some(byline::state::Overlay::Problems));
    press(&mut s, KeyCode::Esc);
    assert_eq!(s.overlay, None);
}
