//! Normalise + analyse throughput, in bytes of raw article text per second.
//!
//! The corpus is 2,000 articles from `byline::synth` (about 8 MB). `single` runs the loader and
//! the analysis on one core, article by article; `parallel` runs the whole pipeline as byline
//! does at start-up, across every core.

use byline::{analysis, load, synth};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rayon::prelude::*;

fn corpus(n: usize) -> Vec<(String, String)> {
    let source = synth::Source::bundled();
    (0..n).map(|i| source.article(42, i)).collect()
}

fn throughput(c: &mut Criterion) {
    let files = corpus(2_000);
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group("normalise+analyse");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("single core, 2000 articles", |b| {
        b.iter(|| {
            files
                .iter()
                .map(|(name, text)| {
                    let a = load::normalize(name, text);
                    analysis::analyse(&a).quotes.len()
                })
                .sum::<usize>()
        })
    });
    let articles: Vec<_> = files.iter().map(|(name, text)| load::normalize(name, text)).collect();
    group.bench_function("normalise only, single core", |b| {
        b.iter(|| files.iter().map(|(name, text)| load::normalize(name, text).blocks.len()).sum::<usize>())
    });
    group.bench_function("analyse only, single core", |b| {
        b.iter(|| articles.iter().map(|a| analysis::analyse(a).quotes.len()).sum::<usize>())
    });
    group.bench_function("all cores, 2000 articles", |b| {
        b.iter(|| {
            let articles: Vec<_> = files.par_iter().map(|(name, text)| load::normalize(name, text)).collect();
            analysis::analyse_all(&articles, &mut Vec::new()).len()
        })
    });
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
