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

#[test]
fn speakers_of_one_article_never_share_a_colour_and_each_quotation_is_labelled() {
    // Eight speakers quoted elsewhere take the corpus palette's eight colours first.
    let mut others = String::from("Other voices of the week\n\n");
    for name in ["Ann Abel", "Ben Bold", "Cy Cole", "Di Dunn", "Ed Eck", "Flo Finn", "Gus Gray", "Hal Hunt"] {
        for _ in 0..3 {
            others.push_str(&format!("“We will see,” said {name}.\n\n"));
        }
    }
    let story = "Two voices on the harbour\n\n“The plan is sound,” said Jane Roe.\n\n\
                 “It costs too much,” said John Doe.\n\n“We disagree,” Roe said.\n";
    let mut s = state_with(&[&others, story]);
    let doc = s.shown.iter().copied().find(|&d| s.docs[d].article.title.starts_with("Two voices")).unwrap();
    s.select(doc);
    let speakers = s.article_speakers();
    assert_eq!(*speakers, ["Jane Roe", "John Doe"]);
    let (roe, doe) = (colour_in(&speakers, "Jane Roe"), colour_in(&speakers, "John Doe"));
    assert!(roe.is_some() && roe != doe);
    let labels = s.labels();
    let blocks: Vec<(usize, &str)> = labels.iter().map(|(b, n)| (*b, n.as_str())).collect();
    assert_eq!(blocks, [(0, "Jane Roe"), (1, "John Doe"), (2, "Jane Roe")], "a label at every quotation");
}

#[test]
fn enter_on_a_name_marks_its_mention_and_goes_round_them() {
    let mut s = state_with(&[&quoted_article(30)]);
    update(&mut s, Action::NextPane);
    update(&mut s, Action::NextPane);
    assert_eq!(s.focus, Pane::Side);
    let rows = s.side_rows();
    let row = rows
        .iter()
        .position(|r| matches!(r, SideRow::Entity(e) if s.docs[0].analysis.entities.entities[*e].name == "Jane Roe"))
        .expect("Jane Roe is listed");
    s.side_selected = row;
    let SideRow::Entity(e) = rows[row] else { unreachable!() };
    let n = s.docs[0].analysis.entities.mentions.iter().filter(|m| m.entity == e).count();
    assert!(n >= 30, "{n} mentions");
    update(&mut s, Action::Open);
    assert_eq!(s.mention, Some((e, 0)));
    update(&mut s, Action::Open);
    assert_eq!(s.mention, Some((e, 1)), "Enter again goes to the next mention");
    assert!(s.message.as_deref().is_some_and(|m| m.contains("mention 2 of")), "{:?}", s.message);
    for _ in 0..n - 2 {
        update(&mut s, Action::Open);
    }
    let last = s.docs[0].analysis.entities.mentions.iter().rfind(|m| m.entity == e).unwrap().clone();
    let line = s.reader_lines().line_of(last.block, last.range.start).unwrap();
    assert!(line >= s.scroll && line < s.scroll + s.reader_height(), "the last mention is on screen");
    update(&mut s, Action::Open);
    assert_eq!(s.mention, Some((e, 0)), "and round to the first");
}

#[test]
fn opening_a_quotation_the_date_filter_hides_says_the_filter_was_cleared() {
    let a = "Old harbour story\n\nPublished: 3 March 2020\n\n“The plan is sound,” said Jane Roe.\n";
    let b = "New harbour story\n\nPublished: 3 March 2024\n\n“It costs too much,” said John Doe.\n";
    let mut s = state_with(&[a, b]);
    s.set_filter("2024").unwrap();
    assert_eq!(s.shown.len(), 1);
    update(&mut s, Action::ToggleSpeakers);
    let roe = s.speakers.list.iter().position(|x| x.name == "Jane Roe").unwrap();
    s.corpus.speaker_row = roe;
    update(&mut s, Action::Open);
    update(&mut s, Action::Open);
    assert_eq!(s.docs[s.selected].article.title, "Old harbour story");
    assert_eq!(s.filter, None);
    let m = s.message.clone().unwrap_or_default();
    assert!(m.contains("date filter “2024” cleared"), "{m}");
}

#[test]
fn narrow_screens_hide_the_side_panel_first_and_wide_ones_cap_the_line() {
    let mut s = state_with(&[&quoted_article(5)]);
    update(&mut s, Action::Resize(40, 20));
    update(&mut s, Action::Open);
    let a = s.areas();
    assert_eq!((a.list.width, a.side.width), (0, 0), "the reader has the screen at 40 columns");
    assert_eq!(a.reader.width, 40);
    update(&mut s, Action::Resize(60, 20));
    update(&mut s, Action::Back);
    let a = s.areas();
    assert!(a.list.width > 0 && a.side.width == 0, "the focused list stays, the side panel goes: {a:?}");
    assert!(a.reader.width >= 36, "{a:?}");
    update(&mut s, Action::Resize(200, 40));
    let text = s.areas().reader_text();
    assert_eq!(text.width, crate::layout::READING_WIDTH);
    let reader = s.areas().reader;
    assert!(text.x > reader.x + 2, "centred in the pane");
}

#[test]
fn w_reads_full_width_and_brings_the_panes_back() {
    let mut s = state_with(&[&quoted_article(5)]);
    update(&mut s, Action::Resize(100, 30));
    update(&mut s, Action::ToggleWide);
    assert_eq!(s.focus, Pane::Reader);
    let a = s.areas();
    assert_eq!((a.list.width, a.side.width, a.reader.width), (0, 0, 100));
    update(&mut s, Action::Back);
    assert!(s.areas().list.width > 0, "the list shows while it has the focus");
    update(&mut s, Action::ToggleWide);
    assert!(s.areas().side.width > 0);
}

#[test]
fn resizing_keeps_the_text_at_the_top_of_the_reader() {
    let mut s = state_with(&[&quoted_article(40)]);
    update(&mut s, Action::Resize(120, 40));
    update(&mut s, Action::Open);
    for _ in 0..4 {
        update(&mut s, Action::PageDown);
    }
    let top = |s: &State| {
        let lines = s.reader_lines();
        let l = lines.lines.iter().skip(s.scroll).find(|l| l.block.is_some()).unwrap().clone();
        (l.block.unwrap(), l.range.start)
    };
    let (block, _) = top(&s);
    let (block_line_start, at) = top(&s);
    assert_eq!(block, block_line_start);
    for (w, h) in [(80, 24), (100, 30), (120, 40)] {
        update(&mut s, Action::Resize(w, h));
        let (b, byte) = top(&s);
        assert_eq!(b, block, "at {w}×{h}");
        assert!(byte <= at && at < byte + 120, "the same text is at the top at {w}×{h}: {byte} vs {at}");
    }
}

#[test]
fn the_list_scrolls_with_its_cursor_and_n_finds_the_next_unread() {
    let texts: Vec<String> = (0..30).map(|i| format!("Story number {i} here\n\nText of story {i}.\n")).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let mut s = state_with(&refs);
    let rows = s.list_rows();
    for _ in 0..rows {
        update(&mut s, Action::Down);
    }
    assert_eq!(s.list_top, 1, "one entry down, not a page");
    update(&mut s, Action::Up);
    assert_eq!(s.list_top, 1, "moving up inside the screen does not scroll");
    update(&mut s, Action::Top);
    assert_eq!(s.list_top, 0);

    assert_eq!(s.unread, 30);
    update(&mut s, Action::ToggleRead);
    assert_eq!(s.unread, 29);
    let first = s.selected;
    update(&mut s, Action::Down);
    update(&mut s, Action::ToggleRead);
    update(&mut s, Action::Top);
    update(&mut s, Action::NextMatch);
    assert_eq!(s.cursor(), Some(2), "n skips the read ones");
    assert_ne!(s.selected, first);
    update(&mut s, Action::MarkAllRead);
    assert_eq!(s.unread, 0);
    update(&mut s, Action::NextMatch);
    assert_eq!(s.message.as_deref(), Some("No unread articles"));
}

#[test]
fn a_count_repeats_a_movement_and_zz_centres_the_cursor() {
    let texts: Vec<String> = (0..30).map(|i| format!("Story number {i} here\n\nText of story {i}.\n")).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let mut s = state_with(&refs);
    update(&mut s, Action::Count(1));
    update(&mut s, Action::Count(2));
    assert_eq!(s.message.as_deref(), Some("12…"));
    update(&mut s, Action::Down);
    assert_eq!(s.cursor(), Some(12));
    update(&mut s, Action::Count(3));
    update(&mut s, Action::Bottom);
    assert_eq!(s.cursor(), Some(2), "3G is the third entry");
    update(&mut s, Action::Down);
    assert_eq!(s.cursor(), Some(3), "the count was used up");

    let mut s = state_with(&[&quoted_article(30)]);
    update(&mut s, Action::Open);
    update(&mut s, Action::Count(4));
    update(&mut s, Action::NextQuote);
    assert_eq!(s.quote, Some(3));
    update(&mut s, Action::NextSentence);
    update(&mut s, Action::Centre);
    let (b, r) = s.sentence.clone().unwrap();
    let line = s.reader_lines().line_of(b, r.start).unwrap();
    assert_eq!(line - s.scroll, s.reader_height() / 2);
}

#[test]
fn the_speakers_view_filters_by_name_and_a_miss_changes_nothing() {
    let story = "Two voices on the harbour\n\n“The plan is sound,” said Jane Roe.\n\n\
                 “It costs too much,” said John Doe.\n\n“We disagree,” said José Núñez.\n";
    let mut s = state_with(&[story]);
    update(&mut s, Action::ToggleSpeakers);
    assert_eq!(s.corpus_rows().len(), 3);
    update(&mut s, Action::StartSpeakerFilter);
    for c in "nunez".chars() {
        update(&mut s, Action::SearchInput(c));
    }
    update(&mut s, Action::SearchSubmit);
    let names: Vec<&str> = s.corpus_rows().iter().map(|&i| s.speakers.list[i].name.as_str()).collect();
    assert_eq!(names, ["José Núñez"]);
    update(&mut s, Action::Open);
    let shown = s.corpus.speaker.map(|i| s.speakers.list[i].name.clone());
    assert_eq!(shown.as_deref(), Some("José Núñez"), "Enter opens the speaker on the filtered row");
    update(&mut s, Action::Back);
    update(&mut s, Action::StartSpeakerFilter);
    update(&mut s, Action::PromptClear);
    for c in "Smith".chars() {
        update(&mut s, Action::SearchInput(c));
    }
    update(&mut s, Action::SearchSubmit);
    assert!(s.message.as_deref().is_some_and(|m| m.starts_with("Filter unchanged")));
    assert_eq!(s.corpus_rows().len(), 1, "the filter is as it was");
}
