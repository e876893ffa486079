//! Headless sessions: key presses go through the real key table into `update`.

use byline::keys::action_for;
use byline::state::{update, Action, Arrived, Pane, State};
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
    assert_eq!((s.cursor(), s.focus()), (Some(2), Pane::Reader));
    press(&mut s, KeyCode::Char('/'));
    for c in "defense".chars() {
        press(&mut s, KeyCode::Char(c));
    }
    press(&mut s, KeyCode::Enter);
    let matches = s.search().unwrap().matches.len();
    assert!(matches >= 3, "the third article says defense {matches} times");
    assert_eq!(s.search().unwrap().current, 0, "Enter goes to the first match");
    let first_scroll = s.scroll();
    press(&mut s, KeyCode::Char('n'));
    assert_eq!(s.search().unwrap().current, 1);
    press(&mut s, KeyCode::Char('n'));
    assert_eq!(s.search().unwrap().current, 2);
    press(&mut s, KeyCode::Char('N'));
    let search = s.search().cloned().unwrap();
    assert_eq!(search.current, 1, "N steps back to the second match");
    // The second match is on screen.
    let m = &search.matches[1];
    let line = s.reader_lines().line_of(m.block, m.range.start).unwrap();
    let height = usize::from(s.areas().reader_text().height);
    assert!(line >= s.scroll() && line < s.scroll() + height, "line {line} scroll {}", s.scroll());
    assert!(s.scroll() >= first_scroll);
}

#[test]
fn q_quits_but_not_while_typing_a_search() {
    let mut s = State::new(byline::load::bundled());
    press(&mut s, KeyCode::Char('/'));
    press(&mut s, KeyCode::Char('q'));
    assert!(!s.quitting());
    assert_eq!(s.prompt(), Some("q"));
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Char('q'));
    assert!(s.quitting());
}

#[test]
fn the_problems_list_opens_and_closes() {
    let mut s = State::new(byline::load::bundled());
    press(&mut s, KeyCode::Char('p'));
    assert_eq!(s.overlay(), Some(byline::state::Overlay::Problems));
    press(&mut s, KeyCode::Esc);
    assert_eq!(s.overlay(), None);
}

/// Moves the list cursor to the article whose file name starts with `prefix`.
fn go_to(s: &mut State, prefix: &str) {
    update(s, Action::Top);
    for _ in 0..s.docs().len() {
        if s.docs()[s.selected()].article.file_name().starts_with(prefix) {
            return;
        }
        press(s, KeyCode::Char('j'));
    }
    panic!("no article {prefix}");
}

fn current_quote(s: &State) -> (usize, Option<String>, String) {
    let q = &s.docs()[s.selected()].analysis.quotes[s.quote().expect("a current quotation")];
    (s.selected(), q.speaker.clone(), q.text.chars().take(20).collect())
}

#[test]
fn brackets_step_through_the_quotations_of_an_article() {
    let mut s = State::new(byline::load::bundled());
    update(&mut s, Action::Resize(100, 30));
    go_to(&mut s, "001");
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Char(']'));
    assert_eq!(current_quote(&s).1.as_deref(), Some("Sergei Lavrov"));
    press(&mut s, KeyCode::Char(']'));
    assert_eq!(current_quote(&s).1.as_deref(), Some("Keir Starmer"));
    press(&mut s, KeyCode::Char('['));
    assert_eq!(current_quote(&s).1.as_deref(), Some("Sergei Lavrov"));
    press(&mut s, KeyCode::Char('['));
    assert!(s.message().unwrap().contains("first quotation"));
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
    assert_eq!(speaker.as_deref(), Some("Keir Starmer"));
    assert_eq!(s.cursor(), Some(1), "crossed into the second article of the list (doc {doc})");
    let mut seen = vec![s.cursor()];
    for _ in 0..20 {
        press(&mut s, KeyCode::Char('}'));
        assert_eq!(current_quote(&s).1.as_deref(), Some("Keir Starmer"));
        seen.push(s.cursor());
    }
    // The list is 000 (dated), then undated by title: 004, 003, 001, 002; 002 never quotes him.
    assert!(seen.contains(&Some(3)), "reached the last article in the list quoting him: {seen:?}");
    press(&mut s, KeyCode::Char('{'));
    assert_eq!(current_quote(&s).1.as_deref(), Some("Keir Starmer"));
}

#[test]
fn enter_on_a_speaker_in_the_side_panel_jumps_to_their_first_quote() {
    let mut s = State::new(byline::load::bundled());
    update(&mut s, Action::Resize(100, 30));
    go_to(&mut s, "001");
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
    assert_eq!(s.focus(), Pane::Reader);
    assert_eq!(current_quote(&s).1.as_deref(), Some("Maria Zakharova"));
}

#[test]
fn the_corpus_view_opens_a_speakers_quote_in_its_article() {
    let mut s = State::new(byline::load::bundled());
    update(&mut s, Action::Resize(100, 30));
    press(&mut s, KeyCode::Char('S'));
    let vdl = s.speakers().list.iter().position(|x| x.name == "Ursula von der Leyen").unwrap();
    for _ in 0..vdl {
        press(&mut s, KeyCode::Char('j'));
    }
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Char('j'));
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.overlay(), None);
    let (doc, speaker, text) = current_quote(&s);
    assert_eq!(speaker.as_deref(), Some("Ursula von der Leyen"));
    assert!(s.docs()[doc].article.file_name().starts_with("002"), "her second quotation is in 002");
    assert!(text.starts_with("clear and present"), "{text}");
    press(&mut s, KeyCode::Char('S'));
    press(&mut s, KeyCode::Esc);
    assert_eq!(s.corpus().speaker, None, "Esc goes back to the speaker list");
}

fn type_filter(s: &mut State, expr: &str) {
    press(s, KeyCode::Char('d'));
    // The prompt opens with the active filter; clear it first.
    while s.prompt().is_some_and(|p| !p.is_empty()) {
        press(s, KeyCode::Backspace);
    }
    for c in expr.chars() {
        press(s, KeyCode::Char(c));
    }
    press(s, KeyCode::Enter);
}

#[test]
fn the_date_filter_narrows_the_list_and_a_bad_one_changes_nothing() {
    let mut s = State::new(byline::load::bundled());
    update(&mut s, Action::Resize(100, 30));
    type_filter(&mut s, "2025-10");
    assert_eq!(s.shown().len(), 1);
    assert!(s.docs()[s.selected()].article.file_name().starts_with("000"));
    type_filter(&mut s, "2025-13");
    assert_eq!(s.shown().len(), 1, "an invalid filter leaves the old one");
    assert!(s.message().unwrap().contains("no month 13"), "{:?}", s.message());
    type_filter(&mut s, "undated");
    assert_eq!(s.shown().len(), 4);
    assert!(s.shown().iter().all(|&i| s.docs()[i].article.date.is_none()));
    type_filter(&mut s, "");
    assert_eq!((s.shown().len(), s.filter()), (5, None));
}

#[test]
fn s_cycles_the_sort_order() {
    let mut s = State::new(byline::load::bundled());
    let first = |s: &State| s.docs()[s.shown()[0]].article.file_name().to_string();
    assert!(first(&s).starts_with("000"), "newest first, undated last");
    press(&mut s, KeyCode::Char('s'));
    assert_eq!(s.sort(), byline::state::SortOrder::Title);
    assert!(first(&s).starts_with("000"), "“Coalition …” sorts first by title");
    let titles: Vec<String> = s.shown().iter().map(|&i| s.docs()[i].article.title.to_lowercase()).collect();
    assert!(titles.windows(2).all(|w| w[0] <= w[1]), "{titles:?}");
    press(&mut s, KeyCode::Char('s'));
    assert_eq!(s.sort(), byline::state::SortOrder::Source);
    assert!(first(&s).starts_with("000"), "the one article with a source comes first");
    press(&mut s, KeyCode::Char('s'));
    assert_eq!(s.sort(), byline::state::SortOrder::Date);
}

#[test]
fn a_folder_loads_in_the_background_and_bad_files_leave_the_list() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "First headline here\n\nSome text of the story.\n").unwrap();
    std::fs::write(dir.path().join("b.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(dir.path().join("c.txt"), "Second headline here\nMarch 3, 2024\n\n“Yes,” said Mr John Brown.\n")
        .unwrap();
    let found = byline::load::discover(&[dir.path().to_path_buf()]).unwrap();
    let stubs = byline::loader::first_looks(&found.files, None);
    let mut s = State::loading(stubs, found.problems, chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap());
    assert_eq!(s.shown().len(), 3);
    assert!(s.docs().iter().all(|d| !d.ready));
    let (tx, rx) = std::sync::mpsc::channel();
    byline::loader::start(found.files, None, tx).join().unwrap();
    for action in rx {
        update(&mut s, action);
    }
    assert_eq!(s.loading_progress(), None);
    assert_eq!(s.shown().len(), 2, "the binary file left the list");
    assert_eq!(s.problems().len(), 1);
    let first = &s.docs()[s.shown()[0]];
    assert!(first.ready && first.article.title == "Second headline here", "dated first");
    assert_eq!(first.analysis.quotes[0].speaker.as_deref(), Some("John Brown"));
    assert_eq!(s.speakers().list.len(), 1);
}

#[test]
fn highlights_are_placed_again_when_the_whole_article_replaces_its_first_look() {
    use byline::state::Doc;
    use byline::store::{anchor, flat_text, ArticleRef, Highlight, Store};
    let first_look = byline::load::normalize(
        "a.txt",
        "A headline here\n\nThe opening paragraph that the first look read in full. It has two sentences.\n\nThe passage kept.\n",
    );
    let flat = flat_text(&first_look);
    let at = flat.find("The passage kept.").unwrap();
    let mut store = Store::in_memory();
    store.data.highlights.push(Highlight {
        id: "h1".into(),
        article: ArticleRef { fingerprint: "none".into(), path: "a.txt".into(), title: "A headline here".into() },
        anchor: anchor(&flat, at, at + "The passage kept.".len()),
        note: None,
        created: 1,
    });
    let mut s = State::loading(vec![first_look], Vec::new(), chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap());
    s.attach_store(&store);
    assert!(s.placed()[0].at.is_some());
    // The whole file turns out shorter before the passage: the old position is past its end.
    let whole = byline::load::normalize("a.txt", "A headline here\n\nShort.\n\nThe passage kept.\n");
    let analysis = byline::analysis::analyse(&whole);
    update(&mut s, Action::Loaded(vec![Arrived::new(0, Doc { article: whole, analysis, ready: true })]));
    let (doc, range) = s.placed()[0].at.clone().expect("still placed");
    assert_eq!(&flat_text(&s.docs()[doc].article)[range], "The passage kept.");
    update(&mut s, Action::Resize(80, 24));
    update(&mut s, Action::ToggleHighlightList);
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    t.draw(|f| byline::view::render(&s, f)).unwrap();
    let screen: String = t.backend().buffer().content().iter().map(|c| c.symbol()).collect();
    assert!(screen.contains("The passage kept."));
}
