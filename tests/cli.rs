//! The `byline` command as a user or a script runs it.

use assert_cmd::Command;
use predicates::str::contains;
use serde_json::Value;

/// Readings cached by the runs below stay in the build folder, not the user's cache.
const CACHE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/cache");

fn byline() -> Command {
    let mut byline = Command::cargo_bin("byline").expect("the byline binary is built");
    byline.env("BYLINE_CACHE_DIR", CACHE);
    byline
}

fn export(args: &[&str]) -> Value {
    let out = byline().arg("export").args(args).assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).expect("export prints JSON")
}

#[test]
fn export_of_the_bundled_articles_has_the_fixed_fields() {
    let doc = export(&[]);
    let articles = doc["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    for a in articles {
        for field in ["path", "title", "date", "source", "blocks", "removed", "entities", "quotes"] {
            assert!(a.get(field).is_some(), "missing {field}");
        }
        for b in a["blocks"].as_array().unwrap() {
            let kind = b["kind"].as_str().unwrap();
            assert!(["paragraph", "heading", "list_item"].contains(&kind), "{kind}");
        }
    }
    assert_eq!(articles[0]["date"], "2025-10-24");
    assert_eq!(doc["problems"].as_array().unwrap().len(), 0);
}

#[test]
fn a_missing_path_is_one_line_and_status_2() {
    byline()
        .args(["export", "/no/such/place"])
        .assert()
        .code(2)
        .stderr(contains("/no/such/place: no such file or folder"));
    byline().arg("/no/such/place").assert().code(2).stderr(contains("/no/such/place"));
}

#[test]
fn a_folder_of_bad_files_reports_each_and_opens_the_good_one() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("empty.txt"), "").unwrap();
    std::fs::write(p.join("binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    std::fs::write(p.join("latin1.txt"), b"A headline from Dublin\n\nMiche\xe1l Martin said \x93yes\x94 to it.\n")
        .unwrap();
    std::fs::write(p.join("good.md"), "---\ntitle: A good one\ndate: 2024-03-05\n---\nThe text of it.\n").unwrap();
    std::fs::write(p.join("image.png"), b"\x89PNG").unwrap();
    let doc = export(&[p.to_str().unwrap()]);
    let titles: Vec<&str> = doc["articles"].as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["A good one", "A headline from Dublin"]);
    let latin = &doc["articles"][1]["blocks"][0]["text"];
    assert_eq!(latin, "Micheál Martin said “yes” to it.");
    let problems = doc["problems"].as_array().unwrap();
    let find = |name: &str| {
        problems
            .iter()
            .find(|x| x["path"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("no problem for {name}: {problems:?}"))["error"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(find("empty.txt").contains("empty"));
    assert!(find("binary.txt").contains("binary"));
    assert!(find("latin1.txt").contains("not UTF-8"));
}

#[test]
fn a_huge_file_and_a_dangling_link_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let big = std::fs::File::create(p.join("huge.txt")).unwrap();
    big.set_len(byline::load::MAX_FILE_BYTES + 1).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(p.join("gone.txt"), p.join("link.txt")).unwrap();
    std::fs::write(p.join("ok.txt"), "A fine headline\n\nSome text here.\n").unwrap();
    let doc = export(&[p.to_str().unwrap()]);
    assert_eq!(doc["articles"].as_array().unwrap().len(), 1);
    let errors: Vec<String> = doc["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| format!("{} {}", x["path"].as_str().unwrap(), x["error"].as_str().unwrap()))
        .collect();
    assert!(errors.iter().any(|e| e.contains("huge.txt") && e.contains("too large")), "{errors:?}");
    #[cfg(unix)]
    assert!(errors.iter().any(|e| e.contains("link.txt") && e.contains("dangling")), "{errors:?}");
}

#[cfg(unix)]
#[test]
fn links_to_folders_inside_a_folder_are_reported_not_walked() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("ok.txt"), "A fine headline\n\nSome text here.\n").unwrap();
    // A link to the root would walk the whole file system; a link to the folder itself, loop.
    std::os::unix::fs::symlink("/", p.join("root")).unwrap();
    std::os::unix::fs::symlink(p, p.join("again")).unwrap();
    let doc = export(&[p.to_str().unwrap()]);
    assert_eq!(doc["articles"].as_array().unwrap().len(), 1);
    let problems = doc["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 2, "{problems:?}");
    let error = |name: &str| {
        let hit = problems.iter().find(|x| x["path"].as_str().unwrap().ends_with(name));
        hit.map(|x| x["error"].as_str().unwrap().to_string()).unwrap_or_default()
    };
    assert!(error("root").contains("link to a folder"), "{problems:?}");
    assert!(error("again").contains("loop"), "{problems:?}");
}

#[cfg(unix)]
#[test]
fn with_follow_links_to_folders_are_walked_and_loops_reported() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let elsewhere = p.join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::fs::write(elsewhere.join("far.txt"), "A far headline\n\nSome text from far away.\n").unwrap();
    let folder = p.join("folder");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("ok.txt"), "A fine headline\n\nSome text here.\n").unwrap();
    std::os::unix::fs::symlink(&elsewhere, folder.join("linked")).unwrap();
    std::os::unix::fs::symlink(&folder, folder.join("again")).unwrap();
    let f = folder.to_str().unwrap();
    assert_eq!(export(&[f])["articles"].as_array().unwrap().len(), 1, "not followed by default");
    let doc = export(&["--follow", f]);
    let titles: Vec<&str> = doc["articles"].as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["A far headline", "A fine headline"], "linked/far.txt sorts before ok.txt");
    let problems = doc["problems"].as_array().unwrap();
    assert!(problems.iter().any(|x| x["error"].as_str().unwrap().contains("loop")), "{problems:?}");
}

#[cfg(unix)]
#[test]
fn a_link_to_a_device_is_not_read_and_the_size_limit_can_be_set() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::os::unix::fs::symlink("/dev/zero", p.join("zero.txt")).unwrap();
    std::fs::write(p.join("ok.txt"), "A fine headline\n\nSome text here, a little longer than the limit.\n").unwrap();
    let doc = export(&[p.to_str().unwrap()]);
    assert_eq!(doc["articles"].as_array().unwrap().len(), 1);
    let problems = doc["problems"].as_array().unwrap();
    assert!(
        problems.iter().any(|x| x["path"].as_str().unwrap().ends_with("zero.txt")
            && x["error"].as_str().unwrap().contains("not a regular file")),
        "{problems:?}"
    );
    let doc = export(&["--max-file-size", "20", p.to_str().unwrap()]);
    assert_eq!(doc["articles"].as_array().unwrap().len(), 0);
    assert!(doc["problems"].as_array().unwrap().iter().any(|x| x["error"].as_str().unwrap().contains("too large")));
    byline().args(["--max-file-size", "lots", "export"]).assert().code(2).stderr(contains("not a size"));
}

#[test]
fn help_lists_the_keys() {
    byline()
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("export"))
        .stdout(contains("search this article"))
        .stdout(contains("quit"));
}

#[test]
fn without_a_terminal_the_reader_says_so_instead_of_drawing() {
    let out = byline().assert().failure().stderr(contains("byline: needs a terminal"));
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(!err.contains("byline: byline"), "one prefix: {err}");
}

#[test]
fn a_file_named_twice_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("one.txt");
    std::fs::write(&f, "A headline for the test\n\nThe only paragraph of the only article in this folder.\n").unwrap();
    let f = f.to_str().unwrap();
    let out = export(&[f, f, dir.path().to_str().unwrap()]);
    assert_eq!(out["articles"].as_array().unwrap().len(), 1, "{out}");
}

fn paths(doc: &Value) -> Vec<String> {
    let articles = doc["articles"].as_array().expect("an article list");
    articles.iter().map(|a| a["path"].as_str().expect("a path").to_string()).collect()
}

#[test]
fn export_takes_a_date_filter() {
    let october = export(&["--date", "2025-10"]);
    assert_eq!(paths(&october), ["bundled/000_263899c74a907b18.txt"]);
    let undated = export(&["--date", "undated"]);
    assert_eq!(paths(&undated).len(), 4);
    assert!(undated["articles"].as_array().unwrap().iter().all(|a| a["date"].is_null()));
}

#[test]
fn a_bad_date_filter_exits_2_and_says_why() {
    byline().args(["export", "--date", "2025-13"]).assert().code(2).stderr(contains("no month 13"));
    byline().args(["--date", "soon"]).assert().code(2).stderr(contains("“soon” is not a date"));
    // An option that means nothing to the command is an error, not ignored.
    byline().args(["fetch", "--date", "2025", "urls"]).assert().code(2).stderr(contains("--date"));
}

#[cfg(unix)]
#[test]
fn a_named_pipe_in_a_folder_is_a_problem_and_never_opened() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let made = std::process::Command::new("mkfifo").arg(p.join("pipe.txt")).status().expect("mkfifo runs");
    assert!(made.success());
    std::fs::write(p.join("good.txt"), "A headline\n\n“We will win,” said—loudly—the minister.\n").unwrap();
    let out = byline()
        .args(["export"])
        .arg(p)
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).expect("export prints JSON");
    assert_eq!(doc["articles"].as_array().unwrap().len(), 1);
    let problems = doc["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0]["path"].as_str().unwrap().ends_with("pipe.txt"));
    assert!(problems[0]["error"].as_str().unwrap().contains("not a regular file"));
    // Named on the command line, it is refused the same way.
    let out = byline().arg("export").arg(p.join("pipe.txt")).timeout(std::time::Duration::from_secs(30)).assert();
    let doc: Value = serde_json::from_slice(&out.success().get_output().stdout).unwrap();
    assert!(doc["problems"][0]["error"].as_str().unwrap().contains("not a regular file"));
}

/// The made-up pages and feeds of `tests/fixtures/inputs`, one page gzipped as browsers and
/// archivers save them.
fn inputs_folder() -> tempfile::TempDir {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let from = std::path::Path::new("tests/fixtures/inputs");
    for entry in std::fs::read_dir(from).expect("the fixtures folder") {
        let path = entry.expect("a fixture").path();
        let name = path.file_name().and_then(|n| n.to_str()).expect("a file name").to_string();
        let bytes = std::fs::read(&path).expect("a readable fixture");
        if name == "valley.html" {
            let file = std::fs::File::create(dir.path().join("valley.html.gz")).expect("a new file");
            let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::default());
            gz.write_all(&bytes).and_then(|_| gz.finish()).expect("gzipped");
        } else {
            std::fs::write(dir.path().join(name), bytes).expect("a copy");
        }
    }
    dir
}

#[test]
fn pages_feeds_and_lists_open_as_articles() {
    let dir = inputs_folder();
    let doc = export(&[dir.path().to_str().unwrap()]);
    let got: Vec<(String, Value, Value, String)> = doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let path = a["path"].as_str().unwrap();
            let name = path.rsplit('/').next().unwrap().to_string();
            (name, a["date"].clone(), a["source"].clone(), a["title"].as_str().unwrap().to_string())
        })
        .collect();
    let want = [
        ("harbour-post.rss#1", "2024-03-04", "Harbour Post", "Fishing fleet stays ashore as prices fall"),
        ("harbour-post.rss#2", "2024-03-02", "Harbour Post", "New lifeboat named at ceremony"),
        ("harbour.html", "2024-03-05", "The Harbour Gazette", "Port of Eastfield reopens after three-day storm"),
        ("lake-notes.json#1", "2024-04-01", "Lake Notes", "Ice leaves the lake a week early"),
        ("valley-wire.atom#1", "2023-11-21", "Valley Wire", "Reservoir to be lowered by two metres"),
        ("valley.html.gz", "2023-11-20", "", "Dam inspection finds cracks in spillway"),
    ];
    for (name, date, source, title) in want {
        let a = got.iter().find(|g| g.0 == name).unwrap_or_else(|| panic!("{name} missing from {got:?}"));
        assert_eq!(a.1, date, "{name}");
        if !source.is_empty() {
            assert_eq!(a.2, source, "{name}");
        }
        assert_eq!(a.3, title, "{name}");
    }
    assert!(got.iter().any(|g| g.0 == "subscriptions.opml" && g.3 == "My news"), "{got:?}");
    let problems = doc["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0]["path"].as_str().unwrap().ends_with("broken-feed.xml"));
    assert!(problems[0]["error"].as_str().unwrap().starts_with("not a feed byline can read"));

    // The page is read without its menu, share row, comments or footer; its quotation found.
    let page = doc["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["path"].as_str().unwrap().ends_with("harbour.html"))
        .unwrap();
    let text: Vec<&str> = page["blocks"].as_array().unwrap().iter().map(|b| b["text"].as_str().unwrap()).collect();
    assert!(text[0].starts_with("The port of Eastfield reopened"), "{text:?}");
    assert!(text.contains(&"Ferries return"));
    assert!(
        !text.iter().any(|t| t.contains("Most read") || t.contains("All rights") || t.contains("Sport")),
        "{text:?}"
    );
    assert_eq!(page["quotes"][0]["speaker"], "Tomas Reyes");
}
