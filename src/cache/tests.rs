use super::*;

fn article(path: &str, text: &str) -> Article {
    crate::load::normalize(path, text)
}

fn key(n: u64) -> FileKey {
    FileKey { size: n, modified: 7, hash: n * 31, read_at: 9 }
}

fn write(path: &Path, records: &[Vec<u8>]) {
    let mut w = Writer::create(path).expect("cache opens");
    for r in records {
        w.push(r).expect("record written");
    }
    w.finish().expect("cache written");
}

#[test]
fn records_read_back_by_file_with_their_parts_in_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("c.bin");
    let a = article("feed.xml", "Harbour opens today\n\nThe first item of the feed.\n");
    let b = article("feed.xml#2", "Bridge closes tonight\n\nThe second item of the feed.\n");
    let problem = Problem { path: "feed.xml".into(), error: "one item had no link".into() };
    let item = |a| ItemRef { article: a, fingerprint: "f", names: &[0, 0], joined: 5, quotes: &[] };
    write(
        &path,
        &[
            record("feed.xml", key(1), 1, 2, &[], Some(item(&b))),
            record("empty.txt", key(2), 0, 0, &[Problem { path: "empty.txt".into(), error: "empty".into() }], None),
            record("feed.xml", key(1), 0, 2, std::slice::from_ref(&problem), Some(item(&a))),
        ],
    );
    let hits = read(&path).expect("the cache reads");
    let feed = &hits["feed.xml"];
    assert_eq!(feed.key, key(1));
    assert_eq!(feed.problems, vec![problem]);
    assert_eq!(
        feed.items.iter().map(|i| i.article.title.as_str()).collect::<Vec<_>>(),
        ["Harbour opens today", "Bridge closes tonight"]
    );
    assert_eq!(feed.items[0].joined, 5);
    assert!(hits["empty.txt"].items.is_empty());
    assert_eq!(hits["empty.txt"].problems.len(), 1);
}

#[test]
fn a_file_with_a_part_missing_is_not_a_hit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("c.bin");
    let a = article("feed.xml", "Harbour opens today\n\nThe first item of the feed.\n");
    let item = ItemRef { article: &a, fingerprint: "f", names: &[0, 0], joined: 5, quotes: &[] };
    write(&path, &[record("feed.xml", key(1), 0, 2, &[], Some(item))]);
    assert!(read(&path).expect("the cache reads").is_empty());
}

#[test]
fn a_missing_cache_another_builds_and_a_damaged_one_are_told_apart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("c.bin");
    assert_eq!(read(&path), Err(Unused::Missing));
    let a = article("a.txt", "One\n\nText.\n");
    let item = ItemRef { article: &a, fingerprint: "f", names: &[0, 0], joined: 5, quotes: &[] };
    write(&path, &[record("a.txt", key(1), 0, 1, &[], Some(item))]);
    let good = std::fs::read(&path).expect("written");
    assert_eq!(read(&path).expect("reads").len(), 1);

    // Another build: the same layout under another id.
    let mut other = good.clone();
    other[10] ^= 1;
    std::fs::write(&path, &other).expect("write");
    assert_eq!(read(&path), Err(Unused::OtherBuild));

    // A flipped byte in a record, a cut file, garbage.
    let mut flipped = good.clone();
    let at = good.len() - 20;
    flipped[at] ^= 0x40;
    for bad in [flipped, good[..good.len() - 5].to_vec(), good[..good.len() - 12].to_vec()] {
        std::fs::write(&path, &bad).expect("write");
        assert!(matches!(read(&path), Err(Unused::Damaged(_))), "{:?}", read(&path));
    }
    std::fs::write(&path, b"not a cache at all").expect("write");
    assert_eq!(read(&path), Err(Unused::OtherBuild));
}

#[test]
fn an_unfinished_writer_leaves_nothing_behind() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("c.bin");
    let mut w = Writer::create(&path).expect("opens");
    w.push(&[1, 2, 3]).expect("written");
    drop(w);
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}

#[test]
fn names_round_trip_and_fingerprints_tell_outcomes_apart() {
    let a = article("a.txt", "Mayor speaks\n\n“We will act,” Dana Quill said. Quill added more.\n");
    let names = crate::analysis::analyse(&a).entities;
    assert_eq!(decode_names(&encode_names(&names)), Some(names.clone()));
    let mut renamed = names.clone();
    renamed.entities[0].name.push('x');
    assert_ne!(fingerprint(&names), fingerprint(&renamed));
    assert_eq!(decode_names(&[0xff, 0xff, 0xff]), None);
}
