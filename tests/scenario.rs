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
    assert!(matches >= 3, "the third article says defence {matches} times");
    assert_eq!(s.search.as_ref().unwrap().current, 0, "Enter goes to the first match");
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
    assert!(line >= s.scroll && line < s.scroll + height, "line {line} scroll {}", s.scroll);
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

fn current_quote(s: &State) -> (usize, Option<String>, String) {
    let q = &s.docs[s.selected].analysis.quotes[s.quote.expect("a current quotation")];
    (s.selected, q.speaker.clone(), q.text.chars().take(20).collect())
}

#[test]
fn brackets_step_through_the_quotations_of_an_article() {
    let mut s = State::new(byline::load::bundled());
    update(&mut s, Action::Resize(100, 30));
    press(&mut s, KeyCode::Char('j'));
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Char(']'));
    assert_eq!(current_quote(&s).1.as_deref(), Some("Sergei Lavrov"));
    press(&mut s, KeyCode::Char(']'));
    assert_eq!(current_quote(&s).1.as_deref(), Some("Keir Starmer"));
    press(&mut s, KeyCode::Char('['));
    assert_eq!(current_quote(&s).1.as_deref(), Some("Sergei Lavrov"));
    press(&mut s, KeyCode::Char('['));
    assert!(s.message.as_deref().unwrap().contains("first quotation"));
}

#[test]
fn braces_follow_one_speaker_into_the_next_article() {
    let mut s = State::new(byline::load::bundled());
    update(&mut s, Action::Resize(100, 30));
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Char(']'));
    assert_eq!(current_quote(&s).1.as_deref(), Some("Keir Starmer"));
    press(&mut s, KeyCode::Char('}'));
    let (doc, speaker, _) = current_quote(&s);
    assert_eq!((doc, speaker.as_deref()), (1, Some("Keir Starmer")), "crossed into the second article");
    let mut seen = vec![doc];
    for _ in 0..20 {
        press(&mut s, KeyCode::Char('}'));
        assert_eq!(current_quote(&s).1.as_deref(), Some("Keir Starmer"));
        seen.push(s.selected);
    }
    assert!(seen.contains(&4), "reached the last article quoting him: {seen:?}");
    press(&mut s, KeyCode::Char('{'));
    assert_eq!(current_quote(&s).1.as_deref(), Some("Keir Starmer"));
}

#[test]
fn enter_on_a_speaker_in_the_side_panel_jumps_to_their_first_quote() {
    let mut s = State::new(byline::load::bundled());
    update(&mut s, Action::Resize(100, 30));
    press(&mut s, KeyCode::Char('j'));
    let rows = s.side_rows();
    let zak = rows
        .iter()
        .position(|r| matches!(r, byline::state::SideRow::Speaker { name, .. } if name == "Maria Zakharova"))
        .unwrap();
    press(&mut s, KeyCode::Tab);
    press(&mut s, KeyCode::Tab);
    for _ in 0..zak {
        press(&mut s, KeyCode::Char('j'));
    }
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.focus, Pane::Reader);
    assert_eq!(current_quote(&s).1.as_deref(), Some("Maria Zakharova"));
}

#[test]
fn the_corpus_view_opens_a_speakers_quote_in_its_article() {
    let mut s = State::new(byline::load::bundled());
    update(&mut s, Action::Resize(100, 30));
    press(&mut s, KeyCode::Char('S'));
    let vdl = s.speakers.list.iter().position(|x| x.name == "Ursula von der Leyen").unwrap();
    for _ in 0..vdl {
        press(&mut s, KeyCode::Char('j'));
    }
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Char('j'));
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.overlay, None);
    let (doc, speaker, text) = current_quote(&s);
    assert_eq!(speaker.as_deref(), Some("Ursula von der Leyen"));
    assert_eq!(doc, 2, "her second quotation is in the third article");
    assert!(text.starts_with("clear and present"), "{text}");
    press(&mut s, KeyCode::Char('S'));
    press(&mut s, KeyCode::Esc);
    assert_eq!(s.corpus.speaker, None, "Esc goes back to the speaker list");
}
