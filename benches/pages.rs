//! Reading the inputs that are not plain text: a saved web page (trafilatura, then the one
//! normaliser) and an RSS feed of items, from the made-up fixtures in `tests/fixtures/inputs`,
//! against the same article as plain text. Throughput is in bytes of the file read.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn pages(c: &mut Criterion) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inputs");
    let read = |name: &str| std::fs::read(dir.join(name)).expect("a fixture");
    let page = read("harbour.html");
    let feed = read("harbour-post.rss");
    let text = byline::load::from_bytes("harbour.html", &page).articles[0]
        .blocks
        .iter()
        .map(|b| format!("{}\n\n", b.text))
        .collect::<String>();
    let text = format!("Port of Eastfield reopens after three-day storm\n\n{text}");
    let mut group = c.benchmark_group("read one file");
    for (name, path, bytes) in
        [("saved page", "a.html", page), ("RSS feed", "a.rss", feed), ("same text", "a.txt", text.into_bytes())]
    {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name, |b| b.iter(|| byline::load::from_bytes(path, &bytes)));
    }
    group.finish();
}

criterion_group!(benches, pages);
criterion_main!(benches);
