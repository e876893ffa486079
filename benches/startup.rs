//! Time to the first drawn frame, and to everything loaded, on large folders.
//!
//! Corpora come from `byline::synth` and are written once under `target/bench-corpus/N/`.
//! The first frame is what `byline FOLDER` does before it can draw: list the files, take a
//! first look at each (in parallel; from the archive cache's looks when it has them), build the
//! state and draw it into a `TestBackend`. "Everything loaded" goes on as the background loader
//! does, with a warm cache: every article whole, with its quotations, speakers and the `S`
//! view's index, in the state.

use byline::state::{update, Action, State};
use criterion::{criterion_group, criterion_main, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::path::{Path, PathBuf};

mod common;
use common::{corpus, today};

fn first_frame(dir: &Path, cache: Option<&Path>) -> State {
    let found = byline::load::discover(&[dir.to_path_buf()]).expect("the corpus exists");
    let stubs = byline::loader::first_looks(&found.files, cache);
    let mut state = State::loading(stubs, found.problems, today());
    update(&mut state, Action::Resize(120, 40));
    let mut t = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    t.draw(|f| byline::view::render(&state, f)).expect("a drawn frame");
    state
}

fn everything(dir: &Path, cache: &Path) -> usize {
    let mut state = first_frame(dir, Some(cache));
    let files = byline::load::discover(&[dir.to_path_buf()]).expect("the corpus exists").files;
    byline::loader::read_all(&files, Some(cache), &mut |event| {
        if let Some(action) = event.action() {
            update(&mut state, action);
        }
        true
    });
    state.speakers().list.len()
}

/// A cache of the corpus, written once (a first launch) before the warm runs are measured.
fn warm_cache(n: usize, dir: &Path) -> PathBuf {
    let cache = dir.with_file_name(format!("cache-{n}.bin"));
    let files = byline::load::discover(&[dir.to_path_buf()]).expect("the corpus exists").files;
    let (_, _, report) = byline::loader::read_in_order(&files, Some(&cache));
    assert!(report.trouble.is_none(), "{report:?}");
    cache
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("first frame");
    group.sample_size(10);
    for n in [10_000, 100_000] {
        let dir = corpus(n);
        group.bench_function(format!("{n} articles"), |b| b.iter(|| first_frame(&dir, None).shown().len()));
        let cache = warm_cache(n, &dir);
        group.bench_function(format!("{n} articles, warm cache"), |b| {
            b.iter(|| first_frame(&dir, Some(&cache)).shown().len())
        });
    }
    group.finish();
    let mut group = c.benchmark_group("everything loaded");
    group.sample_size(10);
    for n in [10_000, 100_000] {
        let dir = corpus(n);
        let cache = warm_cache(n, &dir);
        group.bench_function(format!("{n} articles, warm cache"), |b| b.iter(|| everything(&dir, &cache)));
    }
    group.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
