//! One change to a large highlights store, with 100,000 read marks and 10,000 highlights
//! already in the database: written (one small transaction, the writer thread's part), and
//! handed to the writer thread (the UI thread's part). Neither should depend on the store's size.

use byline::store::{Anchor, ArticleRef, Change, Data, Highlight, ReadMark, Store};
use criterion::{criterion_group, criterion_main, Criterion};

fn filled(dir: &std::path::Path) -> Store {
    let (mut store, err) = Store::open(dir);
    assert!(err.is_none(), "{err:?}");
    let mut data = Data::default();
    for i in 0..10_000u64 {
        data.highlights.push(Highlight {
            id: format!("h{i}"),
            article: ArticleRef {
                fingerprint: format!("{i:016x}"),
                path: format!("a/{i}.txt"),
                title: "A headline".into(),
            },
            anchor: Anchor {
                exact: "a passage of some length".into(),
                prefix: "words before it ".into(),
                suffix: " words after it".into(),
                start: 100,
                end: 124,
            },
            note: (i % 3 == 0).then(|| "a note".to_string()),
            created: i,
        });
    }
    for i in 0..100_000u64 {
        data.read.insert(format!("{i:016x}"), ReadMark { read: i % 2 == 0, at: i });
    }
    for c in byline::store::db::changes_of(&data) {
        store.change(c);
    }
    store.save().expect("the store is filled");
    store
}

fn one_change(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = filled(dir.path());
    let mut i = 0u64;
    c.bench_function("read mark toggled and saved, 100,000 marks and 10,000 highlights", |b| {
        b.iter(|| {
            i += 1;
            let at = byline::store::now_millis() + i;
            store.change(Change::Read(format!("{:016x}", i % 100_000), ReadMark { read: i % 2 == 1, at }));
            store.save().expect("saved");
        })
    });
}

fn handed_to_the_writer(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = filled(dir.path());
    let mut i = 0u64;
    c.bench_function("read mark toggled and handed to the writer thread (the UI thread's part)", |b| {
        b.iter(|| {
            i += 1;
            let at = byline::store::now_millis() + i;
            store.change(Change::Read(format!("{:016x}", i % 100_000), ReadMark { read: i % 2 == 1, at }));
            store.save_in_background();
            store.collect(std::time::Duration::ZERO);
        })
    });
    // (Criterion makes changes far faster than keys do: the writer is left to catch up.)
}

criterion_group!(benches, one_change, handed_to_the_writer);
criterion_main!(benches);
