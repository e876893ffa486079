//! Writes a deterministic corpus of realistic article files, for benchmarks and load tests.
//!
//! Usage: `cargo run --release --example gen_corpus -- DIR N [SEED]`
//! Articles are spread over subfolders of 1,000 files so that any file manager copes.

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: gen_corpus DIR N [SEED]";
    let dir = PathBuf::from(args.next().ok_or_else(|| anyhow::anyhow!(usage))?);
    let n: usize = args.next().ok_or_else(|| anyhow::anyhow!(usage))?.parse()?;
    let seed: u64 = args.next().map(|s| s.parse()).transpose()?.unwrap_or(42);
    let source = byline::synth::Source::bundled();
    let mut bytes = 0;
    for i in 0..n {
        let (name, text) = source.article(seed, i);
        let sub = dir.join(format!("{:03}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&sub)?;
        }
        bytes += text.len();
        std::fs::write(sub.join(name), text)?;
    }
    println!("wrote {n} articles, {:.1} MB, to {}", bytes as f64 / 1e6, dir.display());
    Ok(())
}
