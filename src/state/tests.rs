//! The model driven headless: movement, scrolling, search and panes.

use super::*;
use crate::load::normalize;

fn state_with(texts: &[&str]) -> State {
    let articles = texts.iter().enumerate().map(|(i, t)| normalize(&format!("{i}.txt"), t)).collect();
    let mut s = State::new(Loaded { articles, problems: Vec::new() });
    update(&mut s, Action::Resize(80, 24));
    s
}

fn long_article() -> String {
    let mut t = String::from("A long headline\n\n");
    for i in 0..60 {
        t.push_str(&format!("Paragraph {i} says something about the harbour.\n\n"));
    }
    t
}

#[test]
fn list_movement_stays_in_bounds_and_resets_the_reader() {
    let mut s = state_with(&["One story here\nText one.\n", "Two story here\nText two.\n"]);
    update(&mut s, Action::Up);
    assert_eq!(s.selected, 0);
    update(&mut s, Action::Down);
    update(&mut s, Action::Down);
    assert_eq!(s.selected, 1);
    update(&mut s, Action::Top);
    assert_eq!(s.selected, 0);
    update(&mut s, Action::Bottom);
    assert_eq!(s.selected, 1);
}

#[test]
fn reader_scroll_is_clamped_to_the_text() {
    let long = long_article();
    let mut s = state_with(&[&long]);
    update(&mut s, Action::Open);
    assert_eq!(s.focus, Pane::Reader);
    update(&mut s, Action::Up);
    assert_eq!(s.scroll, 0);
    update(&mut s, Action::Bottom);
    assert_eq!(s.scroll, s.max_scroll());
    assert!(s.scroll > 0);
    update(&mut s, Action::PageUp);
    assert!(s.scroll < s.max_scroll());
}

#[test]
fn search_jumps_between_matches_and_wraps() {
    let long = long_article();
    let mut s = state_with(&[&long]);
    update(&mut s, Action::StartSearch);
    for c in "paragraph 5".chars() {
        update(&mut s, Action::SearchInput(c));
    }
    update(&mut s, Action::SearchSubmit);
    let search = s.search.clone().unwrap();
    // "Paragraph 5" and "Paragraph 50" to "Paragraph 59".
    assert_eq!(search.matches.len(), 11);
    assert_eq!(search.current, 0);
    assert!(!s.message.as_deref().unwrap_or("").contains("wrapped"), "{:?}", s.message);
    update(&mut s, Action::NextMatch);
    assert_eq!(s.search.as_ref().unwrap().current, 1);
    assert!(s.scroll > 0, "the reader scrolled to paragraph 50");
    update(&mut s, Action::PrevMatch);
    assert!(!s.message.as_deref().unwrap_or("").contains("wrapped"), "{:?}", s.message);
    update(&mut s, Action::PrevMatch);
    assert_eq!(s.search.as_ref().unwrap().current, 10);
    assert!(s.message.as_deref().is_some_and(|m| m.contains("wrapped to the bottom")), "{:?}", s.message);
}

#[test]
fn a_search_with_no_match_says_so_and_keeps_the_old_one() {
    let mut s = state_with(&["A headline\nThe harbour is busy.\n"]);
    for a in [Action::StartSearch, Action::SearchInput('b'), Action::SearchInput('u'), Action::SearchSubmit] {
        update(&mut s, a);
    }
    let before = s.search.clone();
    assert!(before.is_some());
    update(&mut s, Action::StartSearch);
    update(&mut s, Action::SearchInput('z'));
    update(&mut s, Action::SearchSubmit);
    assert_eq!(s.search, before);
    assert!(s.message.as_deref().unwrap().contains("not in this article"));
}

#[test]
fn tab_cycles_the_panes_and_back_returns_to_the_list() {
    let mut s = state_with(&["A headline\nText.\n"]);
    update(&mut s, Action::NextPane);
    assert_eq!(s.focus, Pane::Reader);
    update(&mut s, Action::NextPane);
    assert_eq!(s.focus, Pane::Side);
    update(&mut s, Action::PrevPane);
    update(&mut s, Action::Back);
    assert_eq!(s.focus, Pane::List);
}

#[test]
fn resizing_keeps_the_scroll_inside_the_text() {
    let long = long_article();
    let mut s = state_with(&[&long]);
    update(&mut s, Action::Open);
    update(&mut s, Action::Bottom);
    update(&mut s, Action::Resize(200, 60));
    assert!(s.scroll <= s.max_scroll());
}
