//! The mutation fuzzer (see `byline::fuzz`): `cargo run --release --example fuzz -- N [SEED]`.
//! Seeds are the bundled articles plus every file under `../shared/dev/` when present. Runs on
//! every core and prints the inputs run and each distinct panic with a smallest input, saved
//! under `target/fuzz/`. Exits 1 when anything panicked.
use rayon::prelude::*;

fn walk(dir: &std::path::Path, out: &mut Vec<Vec<u8>>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => walk(&p, out),
            Ok(t) if t.is_file() && p.extension().is_some_and(|x| x == "txt" || x == "md") => {
                if let Ok(b) = std::fs::read(&p) {
                    out.push(b);
                }
            }
            _ => {}
        }
    }
}

fn main() {
    let n: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let seed: u64 = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(1);
    let mut seeds = byline::fuzz::bundled_seeds();
    walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/dev"), &mut seeds);
    eprintln!("fuzz: {} seed texts, {n} inputs", seeds.len());
    let threads = rayon::current_num_threads() as u64;
    let started = std::time::Instant::now();
    let reports: Vec<byline::fuzz::Report> = (0..threads)
        .into_par_iter()
        .map(|t| {
            byline::fuzz::run(&seeds, seed.wrapping_mul(1000).wrapping_add(t), n / threads + u64::from(t < n % threads))
        })
        .collect();
    let inputs: u64 = reports.iter().map(|r| r.inputs).sum();
    let mut panics = std::collections::BTreeMap::new();
    for r in reports {
        for (why, (count, input)) in r.panics {
            let e = panics.entry(why).or_insert((0u64, input.clone()));
            e.0 += count;
            if input.len() < e.1.len() {
                e.1 = input;
            }
        }
    }
    println!("{inputs} inputs in {:.0} s, {} distinct panics", started.elapsed().as_secs_f64(), panics.len());
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz");
    for (k, (why, (count, input))) in panics.iter().enumerate() {
        let _ = std::fs::create_dir_all(&out);
        let file = out.join(format!("panic-{k}.txt"));
        let _ = std::fs::write(&file, input);
        println!("{count:>8} × {why}\n           smallest input ({} bytes): {}", input.len(), file.display());
    }
    if !panics.is_empty() {
        std::process::exit(1);
    }
}
