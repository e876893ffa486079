//! The corpus the large-folder benchmarks share, written once under `target/bench-corpus/N/`.

use rayon::prelude::*;
use std::path::{Path, PathBuf};

pub fn corpus(n: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-corpus").join(n.to_string());
    let done = dir.join(".complete");
    if !done.exists() {
        let source = byline::synth::Source::bundled();
        (0..n).into_par_iter().for_each(|i| {
            let (name, text) = source.article(42, i);
            let sub = dir.join(format!("{:03}", i / 1000));
            std::fs::create_dir_all(&sub).expect("the corpus folder can be made");
            std::fs::write(sub.join(name), text).expect("the corpus can be written");
        });
        std::fs::write(&done, "").expect("the corpus can be marked complete");
    }
    dir
}

pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 11, 20).expect("a valid date")
}
