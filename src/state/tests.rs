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

/// An article of `n` paragraphs, each with a quotation of a few lines.
fn quoted_article(n: usize) -> String {
    let mut t = String::from("A long headline about the harbour\n\n");
    for i in 0..n {
        t.push_str(&format!(
            "Paragraph {i} opens here. “This is quotation number {i}, and it goes on for a while so that it \
             wraps over several lines of the reader at eighty columns and more,” said Jane Roe.\n\n"
        ));
    }
    t
}

fn line_of_quote(s: &State, i: usize) -> (usize, usize) {
    let q = &s.current().unwrap().analysis.quotes[i];
    let lines = s.reader_lines();
    (lines.line_of(q.block, q.start).unwrap(), lines.line_of(q.end_block, q.end).unwrap())
}

#[test]
fn quotation_jumps_start_from_the_screen_after_scrolling() {
    let mut s = state_with(&[&quoted_article(30)]);
    update(&mut s, Action::Open);
    for _ in 0..9 {
        update(&mut s, Action::NextQuote);
    }
    assert_eq!(s.quote, Some(8));
    update(&mut s, Action::Top);
    assert_eq!(s.quote, None, "the quotation left the screen");
    update(&mut s, Action::NextQuote);
    assert_eq!(s.quote, Some(0));
}

#[test]
fn a_quotation_jumped_to_is_shown_whole() {
    let mut s = state_with(&[&quoted_article(30)]);
    update(&mut s, Action::Open);
    let h = s.reader_height();
    for i in 0..20 {
        update(&mut s, Action::NextQuote);
        let (first, last) = line_of_quote(&s, i);
        assert!(first >= s.scroll && last < s.scroll + h, "quote {i} at {first}..={last}, screen {}+{h}", s.scroll);
    }
}

#[test]
fn the_sentence_cursor_comes_back_into_view_when_the_reader_scrolls() {
    let mut s = state_with(&[&quoted_article(30)]);
    update(&mut s, Action::Open);
    update(&mut s, Action::NextSentence);
    update(&mut s, Action::PageDown);
    update(&mut s, Action::PageDown);
    let h = s.reader_height();
    let on_screen = |s: &State| {
        let (b, r) = s.sentence.clone().unwrap();
        let line = s.reader_lines().line_of(b, r.start).unwrap();
        line >= s.scroll && line < s.scroll + h
    };
    assert!(on_screen(&s), "after paging down");
    update(&mut s, Action::ToggleHighlight);
    let passage = s.passage().unwrap();
    let starts = s.reader_lines().block_starts.clone();
    let (b, _) = crate::highlights::block_of(&starts, passage.start);
    assert!(b > 2, "the highlight is made where the reader is, not at the top (block {b})");
    update(&mut s, Action::PageUp);
    assert!(on_screen(&s), "after paging up");
}
