//! The highlights store: a SQLite database that two byline share without reverting or losing
//! each other's changes, private, imported once from the old JSON store, never downgraded.

use byline::store::{db, Anchor, ArticleRef, Change, Highlight, ReadMark, Store, StoreError};
use std::path::Path;

fn hl(id: &str, note: Option<&str>) -> Highlight {
    Highlight {
        id: id.into(),
        article: ArticleRef { fingerprint: "f".into(), path: "a.txt".into(), title: "A headline".into() },
        anchor: Anchor { exact: "words".into(), prefix: String::new(), suffix: String::new(), start: 0, end: 5 },
        note: note.map(str::to_string),
        created: 1,
    }
}

fn open(dir: &Path) -> Store {
    let (store, err) = Store::open(dir);
    assert!(err.is_none(), "{err:?}");
    store
}

fn note_of(store: &Store, id: &str) -> Option<String> {
    store.data.highlights.iter().find(|h| h.id == id).and_then(|h| h.note.clone())
}

#[test]
fn a_note_edited_in_one_and_a_read_mark_set_in_the_other_both_survive() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut one = open(dir.path());
    one.change(Change::Add(hl("h1", Some("old note"))));
    one.save().expect("saved");
    let mut two = open(dir.path());
    assert_eq!(note_of(&two, "h1").as_deref(), Some("old note"));

    one.change(Change::Note("h1".into(), Some("new note".into())));
    one.save().expect("saved");
    // The other still holds the old note when it saves its read mark.
    two.change(Change::Read("f".into(), ReadMark { read: true, at: 10 }));
    two.save().expect("saved");
    assert_eq!(note_of(&two, "h1").as_deref(), Some("new note"), "the save took in the other's note");

    let three = open(dir.path());
    assert_eq!(note_of(&three, "h1").as_deref(), Some("new note"), "not reverted");
    assert!(three.data.read["f"].read);
    // And the first sees the read mark on its next tick.
    assert!(one.refresh());
    assert!(one.data.read["f"].read);
    assert!(!one.refresh(), "nothing new since");
}

#[test]
fn a_deletion_stays_deleted_and_the_later_read_mark_wins() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut one = open(dir.path());
    one.change(Change::Add(hl("h1", None)));
    one.change(Change::Read("f".into(), ReadMark { read: true, at: 20 }));
    one.save().expect("saved");
    let mut two = open(dir.path());
    one.change(Change::Delete("h1".into()));
    one.save().expect("saved");
    // The other, not yet refreshed, adds the same highlight again and marks unread earlier.
    two.change(Change::Add(hl("h1", None)));
    two.change(Change::Read("f".into(), ReadMark { read: false, at: 5 }));
    two.save().expect("saved");
    let three = open(dir.path());
    assert!(three.data.highlights.is_empty(), "a deletion stays deleted");
    assert!(three.data.read["f"].read, "the later change wins");
}

/// The child of the test below: with `BYLINE_STORE_CHILD` set to `DIR:NAME`, makes 500
/// changes to the store in DIR, each saved on its own. (Run alone, it does nothing.)
#[test]
fn store_child() {
    let Some(arg) = std::env::var_os("BYLINE_STORE_CHILD") else { return };
    let arg = arg.to_string_lossy().into_owned();
    let (dir, name) = arg.rsplit_once(':').expect("DIR:NAME");
    let mut store = open(Path::new(dir));
    for i in 0..500 {
        match i % 2 {
            0 => store.change(Change::Add(hl(&format!("{name}-{i}"), None))),
            _ => store.change(Change::Read(format!("{name}-{i}"), ReadMark { read: true, at: i })),
        }
        store.save().expect("saved");
    }
}

#[test]
fn two_processes_making_500_changes_each_lose_none() {
    let dir = tempfile::tempdir().expect("temp dir");
    let me = std::env::current_exe().expect("the test binary");
    let children: Vec<_> = ["a", "b"]
        .iter()
        .map(|name| {
            std::process::Command::new(&me)
                .args(["store_child", "--exact", "--test-threads=1"])
                .env("BYLINE_STORE_CHILD", format!("{}:{name}", dir.path().display()))
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("child starts")
        })
        .collect();
    for mut c in children {
        assert!(c.wait().expect("child ends").success());
    }
    let store = open(dir.path());
    assert_eq!(store.data.highlights.len(), 500);
    assert_eq!(store.data.read.len(), 500);
}

#[test]
fn the_old_json_store_is_imported_once_with_notes_deletions_and_read_marks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = serde_json::json!({
        "version": 1,
        "highlights": [hl("h1", Some("kept note")), hl("h2", None)],
        "deleted": ["h0"],
        "read": {"f": {"read": true, "at": 7}}
    });
    std::fs::write(dir.path().join("store.json"), old.to_string()).expect("written");
    let store = open(dir.path());
    assert_eq!(store.data.highlights.len(), 2);
    assert_eq!(note_of(&store, "h1").as_deref(), Some("kept note"));
    assert_eq!(store.data.deleted, ["h0"]);
    assert!(store.data.read["f"].read);
    assert!(!dir.path().join("store.json").exists());
    assert!(dir.path().join("store.json.imported").exists(), "renamed, never deleted");
    // A deleted highlight is not brought back by importing again, nor is anything doubled.
    std::fs::copy(dir.path().join("store.json.imported"), dir.path().join("store.json")).expect("copied");
    let again = open(dir.path());
    assert_eq!(again.data.highlights.len(), 2);
}

#[test]
fn an_unreadable_json_store_is_left_untouched_and_nothing_is_imported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let junk = b"{\"version\": 1, \"highlights\": [oops\x00\xff";
    std::fs::write(dir.path().join("store.json"), junk).expect("written");
    let (mut store, err) = Store::open(dir.path());
    assert!(matches!(err, Some(StoreError::Unreadable { .. })), "{err:?}");
    assert!(!store.read_only, "the database itself is fine");
    store.change(Change::Add(hl("h1", None)));
    store.save().expect("saved");
    assert_eq!(std::fs::read(dir.path().join("store.json")).expect("still there"), junk);
}

#[test]
fn a_damaged_database_is_read_only_and_never_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let junk = vec![0x42u8; 4096];
    std::fs::write(dir.path().join(db::FILE), &junk).expect("written");
    let (mut store, err) = Store::open(dir.path());
    assert!(matches!(err, Some(StoreError::Unreadable { .. })), "{err:?}");
    assert!(store.read_only && store.unreadable());
    store.change(Change::Add(hl("h1", None)));
    assert!(matches!(store.save(), Err(StoreError::ReadOnly)));
    assert_eq!(std::fs::read(dir.path().join(db::FILE)).expect("there"), junk);
}

#[test]
fn a_database_from_a_newer_byline_opens_read_only_and_is_not_downgraded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = open(dir.path());
    store.change(Change::Add(hl("h1", None)));
    store.save().expect("saved");
    drop(store);
    let conn = rusqlite::Connection::open(dir.path().join(db::FILE)).expect("opened");
    conn.execute_batch("ALTER TABLE highlights ADD COLUMN colour TEXT; PRAGMA user_version = 7;").expect("newer");
    drop(conn);
    let (mut store, err) = Store::open(dir.path());
    assert!(matches!(&err, Some(StoreError::Newer(why)) if why.contains("newer byline")), "{err:?}");
    assert!(store.read_only && !store.unreadable());
    assert_eq!(store.data.highlights.len(), 1, "what it can read, it shows");
    assert!(matches!(store.save(), Err(StoreError::ReadOnly)));
    let conn = rusqlite::Connection::open(dir.path().join(db::FILE)).expect("opened");
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("read");
    assert_eq!(version, 7);
}

#[cfg(unix)]
#[test]
fn the_database_is_private_and_a_symlink_to_it_stays_a_symlink() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let mut store = open(&data);
    store.change(Change::Add(hl("h1", None)));
    store.save().expect("saved");
    let mode = |p: &Path| std::fs::metadata(p).expect("exists").permissions().mode() & 0o777;
    assert_eq!(mode(&data.join(db::FILE)), 0o600);
    assert_eq!(mode(&data), 0o700);

    // Dotfiles kept elsewhere: the database is a link to a file in another folder.
    let real = dir.path().join("dotfiles");
    std::fs::create_dir(&real).expect("folder");
    let linked = dir.path().join("linked");
    std::fs::create_dir(&linked).expect("folder");
    std::os::unix::fs::symlink(real.join("byline.db"), linked.join(db::FILE)).expect("link");
    let mut store = open(&linked);
    store.change(Change::Add(hl("h2", None)));
    store.save().expect("saved");
    assert!(std::fs::symlink_metadata(linked.join(db::FILE)).expect("there").file_type().is_symlink());
    assert_eq!(open(&linked).data.highlights.len(), 1);
    assert!(real.join("byline.db").exists());
}

#[test]
fn changes_that_cannot_be_saved_go_to_a_recovery_file_that_import_brings_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let mut store = open(&data);
    store.change(Change::Add(hl("h1", Some("first"))));
    store.save().expect("saved");
    // Another program holds the database: these changes cannot be written.
    let other = rusqlite::Connection::open(data.join(db::FILE)).expect("opened");
    other.execute_batch("BEGIN EXCLUSIVE").expect("locked");
    store.change(Change::Add(hl("h2", None)));
    store.change(Change::Note("h1".into(), Some("second".into())));
    store.change(Change::Read("f".into(), ReadMark { read: true, at: 3 }));
    assert!(matches!(store.save(), Err(StoreError::Write { .. })));
    let (path, n) = store.write_recovery().expect("a recovery file");
    assert_eq!(n, 3);
    other.execute_batch("COMMIT").expect("released");
    drop(store);

    let out = assert_cmd::Command::cargo_bin("byline")
        .expect("built")
        .args(["highlights", "--import"])
        .arg(&path)
        .arg("--data-dir")
        .arg(&data)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let store = open(&data);
    assert_eq!(store.data.highlights.len(), 2);
    assert_eq!(note_of(&store, "h1").as_deref(), Some("second"));
    assert!(store.data.read["f"].read);
}

#[test]
fn highlights_on_an_unreadable_store_says_why_and_fails() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join(db::FILE), vec![0x42u8; 4096]).expect("written");
    let out = assert_cmd::Command::cargo_bin("byline")
        .expect("built")
        .arg("highlights")
        .arg("--data-dir")
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}

#[test]
fn its_own_background_saves_are_not_taken_for_another_bylines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = open(dir.path());
    store.change(Change::Read("f".into(), ReadMark { read: true, at: 1 }));
    store.save_in_background();
    assert!(matches!(store.collect(std::time::Duration::from_secs(5)), Some(Ok(()))));
    // Reloading the whole store after every change of its own is what made changes slow.
    assert!(!store.refresh(), "nothing came from elsewhere");
    let mut other = open(dir.path());
    other.change(Change::Read("g".into(), ReadMark { read: true, at: 2 }));
    other.save().expect("saved");
    assert!(store.refresh(), "another byline's change is seen");
    assert!(store.data.read["g"].read && store.data.read["f"].read);
}
