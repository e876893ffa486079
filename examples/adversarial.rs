//! How normalise + analyse time grows with size on adversarial text: one long line, nothing but
//! quote marks, nothing but capitalised words. Prints MB/s per size; flat figures mean linear
//! cost. `cargo run --release --example adversarial -- [MAX_MB]`
use std::time::Instant;

fn main() {
    let max_mb: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10);
    for (name, unit) in byline::synth::ADVERSARIAL {
        for kb in [10usize, 100, 1000, 10_000].into_iter().filter(|kb| *kb <= max_mb * 1000) {
            let text = byline::synth::repeat_to(unit, kb * 1000);
            let t = Instant::now();
            let a = byline::load::normalize("x.txt", &text);
            let n = t.elapsed().as_secs_f64();
            let an = byline::analysis::analyse(&a);
            let s = t.elapsed().as_secs_f64();
            if std::env::var_os("BYLINE_SPLIT").is_some() {
                println!("normalise {n:.3} s, analyse {:.3} s, {} blocks", s - n, a.blocks.len());
            }
            println!(
                "{name:>22} {kb:>6} KB  {:>7.3} s  {:>6.1} MB/s  ({} quotes)",
                s,
                kb as f64 / 1000.0 / s,
                an.quotes.len()
            );
        }
    }
}
