//! The archive cache: a second reading uses it, and whatever happens to the files or to the
//! cache, what byline shows is what a fresh reading shows.

use assert_cmd::Command;
use byline::loader::{read_in_order, CacheReport};
use byline::state::Doc;
use std::path::{Path, PathBuf};

const SPEAKER: &str = "Harbour plan passes\n\n“We will build it,” Dana Vantorp said on Monday.\n\n\
                       The council agreed after a long debate.\n";
const SURNAME: &str = "Harbour costs rise\n\nThe cost went up again.\n\n“It is too much,” Vantorp said.\n";
const FULL_NAME: &str = "Vantorp speaks\n\nMayor Dana Vantorp spoke to reporters on Monday.\n";

struct Folder {
    _dir: tempfile::TempDir,
    articles: PathBuf,
    cache: PathBuf,
}

fn folder(files: &[(&str, &str)]) -> Folder {
    let dir = tempfile::tempdir().expect("temp dir");
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).expect("folder");
    // An archive's files were mostly written long before they are read.
    let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for (name, text) in files {
        std::fs::write(articles.join(name), text).expect("article written");
        set_modified(&articles.join(name), long_ago);
    }
    let cache = dir.path().join("cache.bin");
    Folder { _dir: dir, articles, cache }
}

fn set_modified(path: &Path, when: std::time::SystemTime) {
    std::fs::File::options().write(true).open(path).and_then(|f| f.set_modified(when)).expect("time set");
}

fn files(dir: &Path) -> Vec<PathBuf> {
    byline::load::discover(&[dir.to_path_buf()]).expect("folder exists").files
}

fn read(f: &Folder) -> (Vec<Doc>, CacheReport) {
    let (docs, _, report) = read_in_order(&files(&f.articles), Some(&f.cache));
    (docs, report)
}

fn fresh(f: &Folder) -> Vec<Doc> {
    read_in_order(&files(&f.articles), None).0
}

fn speaker_of(docs: &[Doc], title: &str) -> Option<String> {
    let d = docs.iter().find(|d| d.article.title == title).expect("article read");
    d.analysis.quotes.first().and_then(|q| q.speaker.clone())
}

#[test]
fn a_second_reading_uses_the_cache_and_shows_the_same() {
    let f = folder(&[("a.txt", SPEAKER), ("b.txt", SURNAME), ("empty.txt", "")]);
    let (first, report) = read(&f);
    assert_eq!((report.reused, report.read, report.written), (0, 3, true), "{report:?}");
    let written = std::fs::metadata(&f.cache).expect("cache written").modified().expect("mtime");
    let (second, report) = read(&f);
    assert_eq!((report.reused, report.read, report.written), (3, 0, false), "{report:?}");
    assert_eq!(report.unread, 3, "settled files are not read again: {report:?}");
    assert_eq!(second, first);
    assert_eq!(second, fresh(&f));
    let unchanged = std::fs::metadata(&f.cache).expect("cache kept").modified().expect("mtime");
    assert_eq!(written, unchanged, "an unchanged folder does not rewrite its cache");
}

#[test]
fn a_changed_file_is_read_again_and_the_others_are_not() {
    let f = folder(&[("a.txt", SPEAKER), ("b.txt", SURNAME)]);
    read(&f);
    let changed = SPEAKER.replace("Monday", "Sunday");
    assert_eq!(changed.len(), SPEAKER.len());
    std::fs::write(f.articles.join("a.txt"), &changed).expect("rewritten");
    let (docs, report) = read(&f);
    assert_eq!((report.reused, report.read, report.written), (1, 1, true), "{report:?}");
    assert!(docs[0].article.blocks.iter().any(|b| b.text.contains("Sunday")));
    assert_eq!(docs, fresh(&f));
    assert_eq!(read(&f).1.reused, 2);
}

#[test]
fn a_file_changed_within_a_tick_of_its_reading_is_told_by_its_content() {
    // Same size and the same time (a clock tick is coarse): until the file had settled when it
    // was read, only the content hash tells. A time ahead of the clock never settles.
    let f = folder(&[("a.txt", SPEAKER)]);
    let soon = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
    let a = f.articles.join("a.txt");
    set_modified(&a, soon);
    read(&f);
    let changed = SPEAKER.replace("Monday", "Sunday");
    std::fs::write(&a, &changed).expect("rewritten");
    set_modified(&a, soon);
    let (docs, report) = read(&f);
    assert_eq!((report.reused, report.read, report.unread), (0, 1, 0), "{report:?}");
    assert!(docs[0].article.blocks.iter().any(|b| b.text.contains("Sunday")));
    // Read and unchanged, it is still checked by its content, and reused.
    let (_, report) = read(&f);
    assert_eq!((report.reused, report.unread), (1, 0), "{report:?}");
}

#[test]
fn a_deleted_file_leaves_the_cache() {
    let f = folder(&[("a.txt", SPEAKER), ("b.txt", SURNAME)]);
    read(&f);
    std::fs::remove_file(f.articles.join("b.txt")).expect("removed");
    let (docs, report) = read(&f);
    assert_eq!(docs.len(), 1);
    assert!(report.written, "the cache is rewritten without the file: {report:?}");
    let cached = byline::cache::read(&f.cache).expect("cache reads");
    assert_eq!(cached.len(), 1);
    assert!(cached.keys().all(|k| k.ends_with("a.txt")));
}

#[test]
fn a_name_another_file_brings_changes_the_speaker_of_a_cached_article() {
    // Alone, the lone surname cannot be joined to a full name.
    let f = folder(&[("b.txt", SURNAME)]);
    let (docs, _) = read(&f);
    assert_eq!(speaker_of(&docs, "Harbour costs rise").as_deref(), Some("Vantorp"));
    // A new file gives the full name: the cached article's quotations are found again.
    std::fs::write(f.articles.join("c.txt"), FULL_NAME).expect("added");
    let (docs, report) = read(&f);
    assert_eq!((report.reused, report.read, report.rejoined), (1, 1, 1), "{report:?}");
    assert_eq!(speaker_of(&docs, "Harbour costs rise").as_deref(), Some("Dana Vantorp"));
    assert_eq!(docs, fresh(&f));
    // And back, when that file goes.
    std::fs::remove_file(f.articles.join("c.txt")).expect("removed");
    let (docs, report) = read(&f);
    assert_eq!(report.rejoined, 1, "{report:?}");
    assert_eq!(speaker_of(&docs, "Harbour costs rise").as_deref(), Some("Vantorp"));
}

#[test]
fn a_cache_from_another_version_or_damaged_is_ignored_and_rebuilt() {
    let f = folder(&[("a.txt", SPEAKER), ("b.txt", SURNAME)]);
    read(&f);
    let good = std::fs::read(&f.cache).expect("cache");
    let mut other = good.clone();
    other[12] ^= 1; // inside the build id
    let mut flipped = good.clone();
    let at = good.len() - 40;
    flipped[at] ^= 0x20;
    let cases = [
        (other, "another version"),
        (flipped, "damaged"),
        (good[..good.len() / 2].to_vec(), "damaged"),
        (b"\x00\x01garbage".to_vec(), "another version"),
    ];
    for (bytes, why) in cases {
        std::fs::write(&f.cache, &bytes).expect("cache replaced");
        let (docs, report) = read(&f);
        assert_eq!(report.reused, 0, "{why}: {report:?}");
        match why {
            "another version" => assert!(report.other_build && report.trouble.is_none(), "{report:?}"),
            _ => assert!(report.trouble.as_deref().is_some_and(|t| t.contains(why)), "{report:?}"),
        }
        assert!(report.written);
        assert_eq!(docs, fresh(&f));
        assert_eq!(read(&f).1.reused, 2, "{why}: rebuilt");
    }
}

#[test]
fn an_unwritable_cache_folder_is_said_and_changes_nothing_else() {
    let f = folder(&[("a.txt", SPEAKER)]);
    let blocked = f.cache.parent().expect("parent").join("a-file");
    std::fs::write(&blocked, "").expect("file");
    let cache = blocked.join("cache.bin");
    let (docs, _, report) = read_in_order(&files(&f.articles), Some(&cache));
    assert!(!report.written);
    assert!(report.trouble.as_deref().is_some_and(|t| t.contains("cannot write the cache")), "{report:?}");
    assert_eq!(docs, fresh(&f));
}

#[test]
fn first_looks_come_from_the_cache_for_unchanged_files() {
    let f = folder(&[("a.txt", SPEAKER), ("b.txt", SURNAME)]);
    read(&f);
    let looks = byline::loader::first_looks(&files(&f.articles), Some(&f.cache));
    assert_eq!(looks[0].title, "Harbour plan passes");
    assert!(looks[0].blocks[0].text.starts_with("“We will build it,”"));
    // A file changed since is looked at afresh.
    std::fs::write(f.articles.join("b.txt"), "New headline\n\nNew text here.\n").expect("rewritten");
    let looks = byline::loader::first_looks(&files(&f.articles), Some(&f.cache));
    assert_eq!(looks[1].title, "New headline");
}

fn export(articles: &Path, cache_dir: &Path, extra: &[&str]) -> Vec<u8> {
    let out = Command::cargo_bin("byline")
        .expect("the byline binary is built")
        .env("BYLINE_CACHE_DIR", cache_dir)
        .arg("export")
        .args(extra)
        .arg(articles)
        .output()
        .expect("byline runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

#[test]
fn two_byline_writing_one_cache_at_once_lose_nothing() {
    let texts: Vec<(String, String)> = (0..60)
        .map(|i| {
            (format!("{i:02}.txt"), format!("Story {i}\n\n“Line {i},” Dana Vantorp said.\n\nVantorp added {i}.\n"))
        })
        .collect();
    let named: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let f = folder(&named);
    let cache_dir = f.cache.parent().expect("parent").join("cache");
    let expected = export(&f.articles, &cache_dir, &["--no-cache"]);
    let runs: Vec<std::thread::JoinHandle<Vec<u8>>> = (0..2)
        .map(|_| {
            let (articles, cache_dir) = (f.articles.clone(), cache_dir.clone());
            std::thread::spawn(move || export(&articles, &cache_dir, &[]))
        })
        .collect();
    for run in runs {
        assert!(run.join().expect("export ran") == expected, "a concurrent export differs from a fresh one");
    }
    // One whole cache is left, and no temporary file.
    let archives = cache_dir.join("archives");
    let names: Vec<String> = std::fs::read_dir(&archives)
        .expect("cache folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
    let cache = archives.join(names.iter().find(|n| n.ends_with(".bin")).expect("a cache"));
    assert_eq!(byline::cache::read(&cache).expect("the cache reads").len(), 60);
    assert!(export(&f.articles, &cache_dir, &[]) == expected);
}
