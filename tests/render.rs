//! Whole screens drawn into ratatui's `TestBackend`: snapshots for the layout, cell checks for
//! the colours snapshots cannot see.

use byline::keys::action_for;
use byline::state::{update, Action, State};
use byline::view::{render, theme};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn state(w: u16, h: u16) -> State {
    let mut s = State::new(byline::load::bundled());
    update(&mut s, Action::Resize(w, h));
    s
}

fn keys(s: &mut State, codes: &[KeyCode]) {
    for &c in codes {
        let action = action_for(s, KeyEvent::new(c, KeyModifiers::NONE));
        if let Some(a) = action {
            update(s, a);
        }
    }
}

fn typed(s: &mut State, text: &str) {
    let codes: Vec<KeyCode> = text.chars().map(KeyCode::Char).collect();
    keys(s, &codes);
}

fn draw(s: &State) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(s.screen().width, s.screen().height)).unwrap();
    t.draw(|f| render(s, f)).unwrap();
    t
}

#[test]
fn three_panes_at_120_by_40() {
    let s = state(120, 40);
    insta::assert_snapshot!(draw(&s).backend());
}

#[test]
fn three_panes_at_80_by_24() {
    let s = state(80, 24);
    insta::assert_snapshot!(draw(&s).backend());
}

#[test]
fn reading_the_second_article_at_80_by_24() {
    let mut s = state(80, 24);
    keys(&mut s, &[KeyCode::Char('j'), KeyCode::Enter, KeyCode::Char('j'), KeyCode::Char('j')]);
    insta::assert_snapshot!(draw(&s).backend());
}

#[test]
fn help_overlay_lists_every_key() {
    let mut s = state(120, 40);
    keys(&mut s, &[KeyCode::Char('?')]);
    let t = draw(&s);
    // Two screens at most: the first, and the end (G), between them every key.
    let mut screen = format!("{}", t.backend());
    keys(&mut s, &[KeyCode::Char('G')]);
    screen.push_str(&format!("{}", draw(&s).backend()));
    for b in byline::keys::HELP.iter().flat_map(|(_, table)| table.iter()) {
        assert!(screen.contains(b.help), "help is missing {:?}", b.help);
    }
    insta::assert_snapshot!(t.backend());
}

#[test]
fn help_at_80_by_24_scrolls_to_every_key_with_its_whole_text() {
    let mut s = state(80, 24);
    keys(&mut s, &[KeyCode::Char('?')]);
    let first = format!("{}", draw(&s).backend());
    assert!(first.contains("lines 1–"), "a short screen says the help goes on:\n{first}");
    let mut seen = first;
    for _ in 0..70 {
        keys(&mut s, &[KeyCode::Char('j')]);
        seen.push_str(&format!("{}", draw(&s).backend()));
    }
    for b in byline::keys::HELP.iter().flat_map(|(_, table)| table.iter()) {
        assert!(seen.contains(&format!("{}  ", b.label)), "help never shows the key {:?}", b.label);
        assert!(seen.contains(b.help), "help never shows all of {:?}", b.help);
    }
    keys(&mut s, &[KeyCode::Char('q')]);
    assert!(s.overlay().is_none() && !s.quitting(), "q closes the help");
}

#[test]
fn a_tiny_window_says_so() {
    for (w, h) in [(39, 24), (80, 9), (10, 3), (1, 1)] {
        let s = state(w, h);
        let t = draw(&s);
        let screen: String = t.backend().buffer().content().iter().map(|c| c.symbol()).collect();
        assert!(screen.contains("small") || w * h < 20, "{w}×{h}: {screen}");
    }
    insta::assert_snapshot!(draw(&state(39, 12)).backend());
}

#[test]
fn the_selected_article_and_search_matches_are_coloured() {
    let mut s = state(120, 40);
    // The fourth article in the list (001, undated, titled "UK and France …") mentions drones.
    keys(&mut s, &[KeyCode::Char('j'), KeyCode::Char('j'), KeyCode::Char('j'), KeyCode::Enter, KeyCode::Char('/')]);
    typed(&mut s, "drones");
    keys(&mut s, &[KeyCode::Enter]);
    let t = draw(&s);
    let buf = t.backend().buffer();
    // The list's fourth article (rows 7-8 inside the border) carries the selection style.
    let list_cell = &buf[(2, 7)];
    assert_eq!(list_cell.bg, theme::SELECTED.bg.unwrap());
    let current: Vec<String> = buf
        .content()
        .iter()
        .filter(|c| c.bg == theme::CURRENT_MATCH.bg.unwrap())
        .map(|c| c.symbol().to_string())
        .collect();
    assert_eq!(current.concat().to_lowercase(), "drones");
    insta::assert_snapshot!(t.backend());
}

#[test]
fn wide_and_combining_characters_keep_the_columns() {
    let text = "東京の記者 👩‍👩‍👧 report\n\nMiche\u{301}al said the café in 東京 was busy with 👍 readers every day.\n";
    let a = byline::load::normalize("wide.txt", text);
    let mut s = State::new(byline::load::Loaded { articles: vec![a], problems: vec![] });
    update(&mut s, Action::Resize(80, 24));
    let t = draw(&s);
    let buf = t.backend().buffer();
    // Every row still ends with the side panel's right border in the last column.
    for y in 0..23 {
        assert_eq!(
            buf[(79, y)].symbol(),
            if y == 0 {
                "┐"
            } else if y == 22 {
                "┘"
            } else {
                "│"
            },
            "row {y}"
        );
    }
    insta::assert_snapshot!(t.backend());
}

#[test]
fn quotations_take_their_speakers_colour_in_the_reader_and_the_side_panel() {
    let mut s = state(120, 40);
    keys(&mut s, &[KeyCode::Enter, KeyCode::Char(']')]);
    let t = draw(&s);
    let buf = t.backend().buffer();
    let colour = theme::speaker(byline::state::colour_in(&s.article_speakers(), "Keir Starmer")).fg.unwrap();
    let text_of = |y: u16, x0: u16, x1: u16| -> String { (x0..x1).map(|x| buf[(x, y)].symbol()).collect() };
    // The label above Starmer's first quotation, and the quotation itself, in his colour.
    let label_row = (0..40).find(|&y| text_of(y, 30, 100).contains("▍Keir Starmer")).expect("a speaker label");
    let label_x = (30..100).find(|&x| buf[(x, label_row)].symbol() == "▍").unwrap();
    assert_eq!(buf[(label_x, label_row)].fg, colour);
    let quoted = (label_row + 1..label_row + 6)
        .flat_map(|y| (30..100).map(move |x| (x, y)))
        .filter(|&(x, y)| buf[(x, y)].fg == colour && buf[(x, y)].symbol().chars().all(char::is_alphabetic))
        .count();
    assert!(quoted > 20, "the quotation below the label is in the speaker's colour ({quoted} cells)");
    // The side panel lists Starmer under Speakers in the same colour.
    let side_x = s.areas().side.x + 1;
    let side_row = (0..40).find(|&y| text_of(y, side_x, side_x + 12) == "Keir Starmer").unwrap();
    assert_eq!(buf[(side_x, side_row)].fg, colour);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn the_corpus_view_lists_every_speaker_then_their_quotations() {
    let mut s = state(120, 40);
    keys(&mut s, &[KeyCode::Char('S')]);
    insta::assert_snapshot!("corpus_speakers", draw(&s).backend());
    keys(&mut s, &[KeyCode::Enter]);
    insta::assert_snapshot!("corpus_one_speaker", draw(&s).backend());
}

#[test]
fn a_list_filtered_by_date() {
    let mut s = state(120, 40);
    keys(&mut s, &[KeyCode::Char('d')]);
    typed(&mut s, "undated");
    keys(&mut s, &[KeyCode::Enter]);
    let screen = format!("{}", draw(&s).backend());
    // The list says it is filtered; the status bar says by what.
    assert!(screen.contains("Articles 4/5 · 4 unread"), "{screen}");
    assert!(screen.contains("date undated (4/5)"), "{screen}");
    insta::assert_snapshot!(draw(&s).backend());
}

#[test]
fn forty_file_problems_scroll_to_the_last() {
    let mut loaded = byline::load::bundled();
    loaded.problems = (1..=40)
        .map(|i| byline::load::Problem { path: format!("clippings/broken-{i:02}.txt"), error: "not text".into() })
        .collect();
    let mut s = State::new(loaded);
    update(&mut s, Action::Resize(80, 24));
    keys(&mut s, &[KeyCode::Char('p')]);
    let top = format!("{}", draw(&s).backend());
    assert!(top.contains("broken-01") && !top.contains("broken-40"), "{top}");
    keys(&mut s, &[KeyCode::Char('G')]);
    let bottom = format!("{}", draw(&s).backend());
    assert!(bottom.contains("broken-40") && bottom.contains("closes this window"), "{bottom}");
    keys(&mut s, &[KeyCode::Char('g')]);
    assert!(format!("{}", draw(&s).backend()).contains("broken-01"), "g goes back to the top");
}

#[test]
fn a_long_headline_is_shown_whole_at_the_top_of_the_reader() {
    let headline =
        "Harbour board votes to raise tolls for the third time in two years as crews warn the small boats will leave";
    let a =
        byline::load::normalize("long.txt", &format!("{headline}\n\nThe harbour board raised its tolls on Monday.\n"));
    let mut s = State::new(byline::load::Loaded { articles: vec![a], problems: Vec::new() });
    update(&mut s, Action::Resize(80, 24));
    keys(&mut s, &[KeyCode::Enter]);
    let screen = format!("{}", draw(&s).backend());
    for word in headline.split_whitespace() {
        assert!(screen.contains(word), "{word} of the headline is not shown:\n{screen}");
    }
    assert!(screen.contains("leave"), "the end of the headline is shown");
}

fn status_row(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    let y = buf.area.height - 1;
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

#[test]
fn what_is_typed_at_a_prompt_stays_in_view_at_80_columns() {
    let mut s = state(80, 24);
    keys(&mut s, &[KeyCode::Char('d')]);
    typed(&mut s, "2025-03..2025-06");
    let row = status_row(&draw(&s));
    assert!(row.contains("date: 2025-03..2025-06▏"), "{row}");
    // Longer than the line: the end, where the typing happens, is shown.
    keys(&mut s, &[KeyCode::Esc, KeyCode::Char('/')]);
    let long = "coalition ".repeat(12) + "willing";
    typed(&mut s, &long);
    let row = status_row(&draw(&s));
    assert!(row.starts_with("/…") && row.contains("coalition willing▏"), "{row}");
    insta::assert_snapshot!(row);
}

#[test]
fn a_long_message_takes_the_place_of_the_position() {
    let mut s = state(80, 24);
    s.set_warning("the store could not be read".into());
    let row = status_row(&draw(&s));
    assert!(row.contains(" · ⚠ the store could not be read (Esc to dismiss)"), "{row}");
    // The warning stays through keys until Esc dismisses it.
    keys(&mut s, &[KeyCode::Char('j'), KeyCode::Char('j')]);
    assert!(status_row(&draw(&s)).contains("could not be read"));
    // Longer than a line: the status bar takes the lines it needs and shows it whole.
    let long = "cannot read /home/someone/.local/share/byline/store.json: Not a directory (os error 20). \
                It is left untouched; highlights are read-only this session";
    s.set_warning(long.into());
    let t = draw(&s);
    let buf = t.backend().buffer();
    let bottom: String = (21..24).flat_map(|y| (0..80).map(move |x| (x, y))).map(|p| buf[p].symbol()).collect();
    let bottom = bottom.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(bottom.contains(&format!("⚠ {long} (Esc to dismiss)")), "{bottom}");
    assert!(s.areas().status.height > 1);
    keys(&mut s, &[KeyCode::Esc]);
    assert!(s.warning().is_none());
    assert_eq!(s.areas().status.height, 1);
    assert!(status_row(&draw(&s)).starts_with(" Article 3/5"));
}

#[test]
fn wide_reading_at_80_by_24_labels_each_quotation() {
    let mut s = state(80, 24);
    keys(&mut s, &[KeyCode::Char('j'), KeyCode::Enter, KeyCode::Char('w'), KeyCode::Char(']'), KeyCode::Char(']')]);
    let t = draw(&s);
    let screen = format!("{}", t.backend());
    assert!(screen.contains("▍"), "a speaker label is on screen:\n{screen}");
    assert_eq!(s.areas().reader.width, 80, "the reader has the whole width");
    insta::assert_snapshot!(t.backend());
}
