//! Time to the first drawn frame on large folders.
//!
//! Corpora come from `byline::synth` and are written once under `target/bench-corpus/N/`.
//! The first frame is what `byline FOLDER` does before it can draw: list the files, take a
//! first look at each (in parallel), build the state and draw it into a `TestBackend`.

use byline::state::{update, Action, State};
use criterion::{criterion_group, criterion_main, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use rayon::prelude::*;
use std::path::Path;

mod common;
use common::{corpus, today};

fn first_frame(dir: &Path) -> usize {
    let found = byline::load::discover(&[dir.to_path_buf()]).expect("the corpus exists");
    let stubs: Vec<_> = found.files.par_iter().filter_map(|f| byline::load::read_head(f)).collect();
    let mut state = State::loading(stubs, found.problems, today());
    update(&mut state, Action::Resize(120, 40));
    let mut t = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    t.draw(|f| byline::view::render(&state, f)).expect("a drawn frame");
    state.shown.len()
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("first frame");
    group.sample_size(10);
    for n in [10_000, 100_000] {
        let dir = corpus(n);
        group.bench_function(format!("{n} articles"), |b| b.iter(|| first_frame(&dir)));
    }
    group.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
