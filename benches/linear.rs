//! Normalise + analyse cost per byte from 10 KB to 10 MB on adversarial text (one endless
//! line, nothing but quote marks, nothing but capitalised words, an unclosed quotation, short
//! quoted paragraphs). Criterion reports throughput: flat figures across sizes mean linear cost.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn linear(c: &mut Criterion) {
    for (name, unit) in byline::synth::ADVERSARIAL {
        let mut group = c.benchmark_group(format!("normalise+analyse, {name}"));
        group.sample_size(10);
        for kb in [10usize, 100, 1_000, 10_000] {
            let text = byline::synth::repeat_to(unit, kb * 1000);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(format!("{kb} KB")), &text, |b, text| {
                b.iter(|| {
                    let a = byline::load::normalize("x.txt", text);
                    byline::analysis::analyse(&a).quotes.len()
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, linear);
criterion_main!(benches);
