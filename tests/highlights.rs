//! Highlights and read marks: made with keys, kept on disk, found again, never lost.

use assert_cmd::Command;
use byline::keys::action_for;
use byline::load::{self, Loaded};
use byline::state::{update, Action, Effect, Overlay, State};
use byline::store::Store;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;

/// Readings cached by the runs below stay in the build folder, not the user's cache.
const CACHE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/cache");

/// The reader as the event loop runs it: the state, the store its changes are saved to, and
/// what else it asked the loop for.
struct Reader {
    state: State,
    store: Store,
    asked: Vec<Effect>,
}

impl Reader {
    fn new(state: State, store: Store) -> Self {
        let mut r = Reader { state, store, asked: Vec::new() };
        r.state.attach_store(&r.store);
        r
    }
}

impl std::ops::Deref for Reader {
    type Target = State;
    fn deref(&self) -> &State {
        &self.state
    }
}

impl std::ops::DerefMut for Reader {
    fn deref_mut(&mut self) -> &mut State {
        &mut self.state
    }
}

fn press(r: &mut Reader, code: KeyCode) {
    if let Some(a) = action_for(r, KeyEvent::new(code, KeyModifiers::NONE)) {
        act(r, a);
    }
}

/// What the event loop does with an action: saves go to the store, the rest is noted.
fn act(r: &mut Reader, a: Action) {
    for e in update(&mut r.state, a) {
        match e {
            Effect::Save(change) => r.store.change(change),
            other => r.asked.push(other),
        }
    }
}

const STORY: &str = "Harbour plan approved\n\nPublished: 3 March 2024\n\n\
    The council approved the harbour plan on Monday. Mayor Jane Doe said: “This is a good day for the town.”\n\n\
    Work starts in May. Critics say the cost is too high.\n";

fn open(paths: &[&Path], data: &Path) -> Reader {
    let paths: Vec<_> = paths.iter().map(|p| p.to_path_buf()).collect();
    let mut s = State::new(load::load_paths(&paths).expect("the paths exist"));
    update(&mut s, Action::Resize(100, 30));
    let (store, err) = Store::open(data);
    assert!(err.is_none(), "{err:?}");
    Reader::new(s, store)
}

/// The bundled articles, with a store in `data`.
fn bundled(data: &Path) -> Reader {
    let mut s = State::new(load::bundled());
    update(&mut s, Action::Resize(100, 30));
    Reader::new(s, Store::open(data).0)
}

/// Highlights the second sentence of the first paragraph with the keys a user would press.
fn highlight_second_sentence(s: &mut Reader) {
    press(s, KeyCode::Enter);
    press(s, KeyCode::Char('J'));
    press(s, KeyCode::Char('J'));
    press(s, KeyCode::Char('m'));
    assert_eq!(s.store.pending.len(), 2, "the read mark and the highlight wait to be saved");
    s.store.save().expect("the store saves");
}

/// The story in a folder of its own, opened with a data folder, its second sentence highlighted.
fn story_with_a_highlight() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf, Reader) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let article = dir.path().join("harbour.txt");
    std::fs::write(&article, STORY).expect("the story is written");
    let data = dir.path().join("data");
    let mut s = open(&[&article], &data);
    highlight_second_sentence(&mut s);
    (dir, article, data, s)
}

fn placed_texts(s: &State) -> Vec<Option<String>> {
    s.placed()
        .iter()
        .map(|p| p.at.as_ref().map(|(doc, r)| byline::store::flat_text(&s.docs()[*doc].article)[r.clone()].to_string()))
        .collect()
}

#[test]
fn a_highlight_survives_quitting_and_reopening() {
    let (_dir, article, data, _s) = story_with_a_highlight();
    let again = open(&[&article], &data);
    assert_eq!(placed_texts(&again), [Some("Mayor Jane Doe said: “This is a good day for the town.”".to_string())]);
    assert_eq!(again.highlights_in_block(0).len(), 1, "drawn in the reader");
    assert!(again.is_read(0), "opening the article marked it read");
}

#[test]
fn a_highlight_follows_its_article_to_another_folder_and_a_changed_text() {
    let (dir, article, data, _s) = story_with_a_highlight();

    let moved_dir = dir.path().join("moved");
    std::fs::create_dir(&moved_dir).unwrap();
    let moved = moved_dir.join("renamed.txt");
    std::fs::rename(&article, &moved).unwrap();
    let after_move = open(&[&moved], &data);
    assert!(placed_texts(&after_move)[0].as_deref().is_some_and(|t| t.starts_with("Mayor Jane Doe")));

    // A new paragraph and different spacing: the fingerprint changes, the anchor still holds.
    let edited = STORY.replace("The council", "Update: a correction was made.\n\nThe  council");
    std::fs::write(&moved, edited).unwrap();
    let after_edit = open(&[&moved], &data);
    assert!(placed_texts(&after_edit)[0].as_deref().is_some_and(|t| t.starts_with("Mayor Jane Doe")));

    // With the passage gone the highlight is orphaned: listed, never dropped.
    std::fs::write(&moved, STORY.replace("This is a good day", "Nothing")).unwrap();
    let mut orphaned = open(&[&moved], &data);
    assert_eq!(placed_texts(&orphaned), [None]);
    orphaned.store.save().unwrap();
    let (store, _) = Store::open(&data);
    assert_eq!(store.data.highlights.len(), 1, "an orphan is kept on disk");
}

#[test]
fn m_on_a_highlighted_passage_removes_it_and_v_selects_several_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("harbour.txt");
    std::fs::write(&article, STORY).unwrap();
    let mut s = open(&[&article], &dir.path().join("data"));
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Char('J'));
    press(&mut s, KeyCode::Char('v'));
    press(&mut s, KeyCode::Char('J'));
    press(&mut s, KeyCode::Char('J'));
    press(&mut s, KeyCode::Char('m'));
    let texts = placed_texts(&s);
    assert_eq!(texts.len(), 1);
    let t = texts[0].clone().unwrap();
    assert!(t.starts_with("The council approved") && t.ends_with("Work starts in May."), "{t}");
    // The cursor is on "Work starts in May." alone now: highlight it, then un-highlight it.
    press(&mut s, KeyCode::Char('m'));
    assert_eq!(s.placed().len(), 2);
    press(&mut s, KeyCode::Char('m'));
    assert_eq!(s.placed().len(), 1);
    assert_eq!(s.store.data.deleted.len(), 1, "the removal is remembered for merges");
}

#[test]
fn the_highlight_list_opens_the_article_at_the_passage() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut s = bundled(&data);
    // Highlight a sentence near the end of the last article in the list.
    press(&mut s, KeyCode::Char('G'));
    press(&mut s, KeyCode::Enter);
    for _ in 0..12 {
        press(&mut s, KeyCode::Char('J'));
    }
    press(&mut s, KeyCode::Char('M'));
    for c in "check this".chars() {
        press(&mut s, KeyCode::Char(c));
    }
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.store.data.highlights[0].note.as_deref(), Some("check this"));
    let doc = s.selected();
    let scroll = s.scroll();
    press(&mut s, KeyCode::Char('g'));
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Char('g'));
    assert_ne!(s.selected(), doc);
    press(&mut s, KeyCode::Char('\''));
    assert_eq!(s.overlay(), Some(Overlay::Highlights));
    press(&mut s, KeyCode::Enter);
    assert_eq!((s.overlay(), s.selected()), (None, doc));
    let (hdoc, range) = s.placed()[0].at.clone().unwrap();
    assert_eq!(hdoc, doc);
    let starts = byline::store::block_starts(&s.docs()[doc].article);
    let (block, at) = byline::highlights::block_of(&starts, range.start);
    let line = s.reader_lines().line_of(block, at).unwrap();
    let height = usize::from(s.areas().reader_text().height);
    assert!(
        line >= s.scroll() && line < s.scroll() + height,
        "the passage is on screen (line {line}, scroll {})",
        s.scroll()
    );
    assert!(scroll > 0, "the passage was far down the article");
}

#[test]
fn u_toggles_read_and_the_list_shows_unread_in_bold() {
    let mut s = State::new(Loaded { articles: vec![load::normalize("a.txt", STORY)], problems: vec![] });
    update(&mut s, Action::Resize(100, 30));
    let mut s = Reader::new(s, Store::in_memory());
    assert!(!s.is_read(0));
    press(&mut s, KeyCode::Char('u'));
    assert!(s.is_read(0));
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    t.draw(|f| byline::view::render(&s, f)).unwrap();
    assert!(!t.backend().buffer()[(1, 1)].modifier.contains(ratatui::style::Modifier::BOLD));
    press(&mut s, KeyCode::Char('u'));
    t.draw(|f| byline::view::render(&s, f)).unwrap();
    assert!(t.backend().buffer()[(1, 1)].modifier.contains(ratatui::style::Modifier::BOLD));
}

fn byline() -> Command {
    let mut byline = Command::cargo_bin("byline").expect("the byline binary is built");
    byline.env("BYLINE_CACHE_DIR", CACHE);
    byline
}

#[test]
fn the_markdown_export_of_highlights() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut s = bundled(&data);
    press(&mut s, KeyCode::Enter);
    for _ in 0..3 {
        press(&mut s, KeyCode::Char('J'));
    }
    press(&mut s, KeyCode::Char('m'));
    press(&mut s, KeyCode::Char(']'));
    press(&mut s, KeyCode::Char('J'));
    press(&mut s, KeyCode::Char('M'));
    for c in "the key line".chars() {
        press(&mut s, KeyCode::Char(c));
    }
    press(&mut s, KeyCode::Enter);
    s.store.save().unwrap();
    let out = byline().args(["highlights", "--data-dir"]).arg(&data).assert().success().get_output().stdout.clone();
    let md = String::from_utf8(out).unwrap();
    assert!(md.contains("— Keir Starmer"), "the passage in a quotation names its speaker:\n{md}");
    insta::assert_snapshot!(md);
    let json = byline().args(["highlights", "--format", "json", "--data-dir"]).arg(&data).assert().success();
    let groups: serde_json::Value = serde_json::from_slice(&json.get_output().stdout).unwrap();
    assert_eq!(groups[0]["highlights"].as_array().unwrap().len(), 2);
}

#[test]
fn a_corrupt_store_is_reported_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.json");
    std::fs::write(&path, b"not json at all {").unwrap();
    byline()
        .args(["highlights", "--data-dir"])
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicates::str::contains("cannot read"))
        .stderr(predicates::str::contains("left untouched"));
    assert_eq!(std::fs::read(&path).unwrap(), b"not json at all {");
}

/// The child of the test below: with `BYLINE_STRESS_DIR` set, adds a thousand highlights to
/// the store there, one save at a time. (Run alone, it does nothing.)
#[test]
fn stress_child() {
    let Some(dir) = std::env::var_os("BYLINE_STRESS_DIR") else { return };
    let (mut store, err) = Store::open(std::path::Path::new(&dir));
    assert!(err.is_none(), "{err:?}");
    for i in 0..1000 {
        let exact = format!("passage {i} of process {}", std::process::id());
        store.change(byline::store::Change::Add(byline::store::Highlight {
            id: format!("{}-{i}", std::process::id()),
            article: byline::store::ArticleRef {
                fingerprint: "stress".into(),
                path: "stress.txt".into(),
                title: "Stress".into(),
            },
            anchor: byline::store::anchor(&exact, 0, exact.len()),
            note: None,
            created: byline::store::now_millis(),
        }));
        store.save().expect("saved");
    }
}

/// Children saving highlights one at a time are killed at random moments; after each, the
/// store must read cleanly and hold at least what it held before (the old set or a newer one).
#[test]
fn a_store_killed_mid_save_is_always_old_or_new() {
    let dir = tempfile::tempdir().unwrap();
    let me = std::env::current_exe().expect("the test binary");
    let mut rng = byline::synth::Rng::new(99);
    let mut last = 0;
    for round in 0..25 {
        let mut child = std::process::Command::new(&me)
            .args(["stress_child", "--exact", "--test-threads=1"])
            .env("BYLINE_STRESS_DIR", dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5 + rng.below(40) as u64));
        let _ = child.kill();
        let _ = child.wait();
        let (store, err) = Store::open(dir.path());
        assert!(err.is_none(), "round {round}: {err:?}");
        let n = store.data.highlights.len();
        assert!(n >= last, "round {round}: {n} highlights after {last}");
        last = n;
    }
    assert!(last > 0, "the children saved something");
    // No temporary file is left behind: only the database and SQLite's own journal files.
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(["byline.db", "byline.db-wal", "byline.db-shm"].contains(&name.as_str()), "stray file {name}");
    }
}

#[test]
fn a_highlight_made_in_another_folder_is_not_loaded_not_orphaned_and_opens_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("harbour.txt");
    std::fs::write(&article, STORY).unwrap();
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "Rail line reopens\n\nThe rail line reopened on Tuesday after repairs.\n").unwrap();
    let data = dir.path().join("data");
    let mut s = open(&[&article], &data);
    highlight_second_sentence(&mut s);

    let mut elsewhere = open(&[&other], &data);
    assert_eq!(placed_texts(&elsewhere), [None]);
    assert!(!elsewhere.placed()[0].loaded, "the article is out of view, not changed");
    press(&mut elsewhere, KeyCode::Char('\''));
    press(&mut elsewhere, KeyCode::Enter);
    let Some(Effect::Load(path, highlight)) = elsewhere.asked.pop() else { panic!("opening it asks for its file") };
    assert_eq!((path.as_path(), highlight), (article.as_path(), 0));
    // What the event loop does with the request.
    let docs = byline::loader::read_now(&path).expect("the file reads");
    act(&mut elsewhere, Action::Added(docs, Some(highlight)));
    assert_eq!(elsewhere.docs().len(), 2);
    assert_eq!(elsewhere.overlay(), None);
    let doc = elsewhere.current().expect("an article is open");
    assert_eq!(doc.article.title, "Harbour plan approved");
    assert!(placed_texts(&elsewhere)[0].as_deref().is_some_and(|t| t.starts_with("Mayor Jane Doe")));

    let out = Command::cargo_bin("byline")
        .unwrap()
        .arg("--data-dir")
        .arg(&data)
        .arg("highlights")
        .arg(&other)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&format!("(article not loaded: {})", article.display())), "{text}");
    assert!(!text.contains("orphaned"), "{text}");
}

#[test]
fn a_highlight_from_the_opening_quote_mark_takes_the_speaker() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("harbour.txt");
    std::fs::write(&article, STORY).unwrap();
    let s = open(&[&article], &dir.path().join("data"));
    let d = &s.docs()[0];
    let flat = byline::store::flat_text(&d.article);
    let from = flat.find('“').unwrap();
    let to = flat.find('”').unwrap() + '”'.len_utf8();
    assert_eq!(byline::highlights::speaker_in(&d.article, &d.analysis, from..to).as_deref(), Some("Jane Doe"));
    let before = flat.find("Mayor").unwrap();
    assert_eq!(byline::highlights::speaker_in(&d.article, &d.analysis, before..from).as_deref(), None);
}

#[test]
fn highlights_takes_global_options_before_or_after_and_honours_the_date() {
    let (_dir, article, data, _s) = story_with_a_highlight();
    let run = |args: &[&str]| {
        let out = Command::cargo_bin("byline").unwrap().env("BYLINE_CACHE_DIR", CACHE).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let (d, a) = (data.to_str().unwrap(), article.to_str().unwrap());
    assert!(run(&["--data-dir", d, "--date", "2024-03", "highlights", a]).contains("a good day for the town"));
    assert!(run(&["highlights", a, "--data-dir", d, "--date", "2024"]).contains("a good day for the town"));
    let none = run(&["highlights", a, "--data-dir", d, "--date", "1999"]);
    assert!(!none.contains("a good day"), "{none}");
}

#[test]
fn the_highlight_list_edits_a_note_and_deletes_a_highlight() {
    let (_dir, _, data, mut s) = story_with_a_highlight();
    press(&mut s, KeyCode::Char('\''));
    press(&mut s, KeyCode::Char('e'));
    for c in "worth quoting".chars() {
        press(&mut s, KeyCode::Char(c));
    }
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.store.data.highlights[0].note.as_deref(), Some("worth quoting"));
    assert_eq!(s.overlay(), Some(Overlay::Highlights), "the list stays open");
    // Editing again starts from the note; clearing it removes the note, not the highlight.
    press(&mut s, KeyCode::Char('e'));
    assert_eq!(s.prompt(), Some("worth quoting"));
    let ctrl_u = crossterm::event::KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
    let a = action_for(&s, ctrl_u).unwrap();
    act(&mut s, a);
    press(&mut s, KeyCode::Enter);
    assert_eq!(s.store.data.highlights[0].note, None);
    press(&mut s, KeyCode::Char('x'));
    assert!(s.store.data.highlights.is_empty());
    assert!(s.placed().is_empty());
    s.store.save().unwrap();
    let (store, _) = Store::open(&data);
    assert!(store.data.highlights.is_empty(), "the deletion is saved");
}

#[test]
fn r_reads_the_files_added_to_the_folder_since() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("harbour.txt"), STORY).unwrap();
    // A `#` in a file's name is not a feed item's number: the file is known as itself.
    std::fs::write(dir.path().join("notes#1.txt"), "Council notes\n\nThe council met again.\n").unwrap();
    let mut s = open(&[dir.path()], &dir.path().join("data"));
    s.set_sources(vec![dir.path().to_path_buf()]);
    press(&mut s, KeyCode::Char('r'));
    assert_eq!(s.asked, [Effect::Reread]);
    let known: Vec<&str> = s.docs().iter().map(|d| d.article.path.as_str()).collect();
    let (docs, problems) = byline::loader::read_new(s.sources(), &known).unwrap();
    assert!(docs.is_empty() && problems.is_empty(), "nothing new yet");
    std::fs::write(dir.path().join("rail.txt"), "Rail line reopens\n\nThe rail line reopened on Tuesday.\n").unwrap();
    let known: Vec<&str> = s.docs().iter().map(|d| d.article.path.as_str()).collect();
    let (docs, problems) = byline::loader::read_new(s.sources(), &known).unwrap();
    assert!(problems.is_empty());
    act(&mut s, Action::Added(docs, None));
    assert_eq!(s.message(), Some("1 new article"));
    assert_eq!(s.shown().len(), 3);
    assert_eq!(s.unread(), 3, "none has been opened");
}
