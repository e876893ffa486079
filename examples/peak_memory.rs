//! Peak memory of opening a folder as `byline FOLDER` does: first looks, then every article
//! read and analysed by the background loader and applied to the state.
//!
//! Usage: `cargo run --release --example peak_memory -- DIR [--no-cache]`. Prints the corpus
//! size, the process's peak resident memory (VmHWM, Linux) and their ratio, the time taken, and
//! what the archive cache did (it is used as `byline DIR` uses it: run twice to see a warm start).

use byline::state::{update, State};

fn status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() -> anyhow::Result<()> {
    let dir = std::env::args().nth(1).ok_or_else(|| anyhow::anyhow!("usage: peak_memory DIR [--no-cache]"))?;
    let no_cache = std::env::args().any(|a| a == "--no-cache");
    let started = std::time::Instant::now();
    let sources = [std::path::PathBuf::from(dir)];
    let found = byline::load::discover(&sources).map_err(|e| anyhow::anyhow!("{e}"))?;
    let bytes: u64 = found.files.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum();
    let cache = if no_cache { None } else { byline::cache::location(&sources) };
    let stubs = byline::loader::first_looks(&found.files, cache.as_deref());
    let today = chrono::Local::now().date_naive();
    let mut state = State::loading(stubs, found.problems, today);
    let first = started.elapsed();
    let mut report = None;
    byline::loader::read_all(&found.files, cache.as_deref(), &mut |event| {
        if let byline::loader::LoadEvent::Done(r) = &event {
            report = Some(r.clone());
        }
        if let Some(action) = event.action() {
            update(&mut state, action);
        }
        true
    });
    let peak = status_kib("VmHWM:").unwrap_or(0) * 1024;
    let now = status_kib("VmRSS:").unwrap_or(0) * 1024;
    println!(
        "{} articles, {:.0} MB on disk; first look {:.2} s, all analysed {:.1} s; peak memory {:.0} MB = {:.2} × the corpus; {:.0} MB held at the end",
        state.docs().len(),
        bytes as f64 / 1e6,
        first.as_secs_f64(),
        started.elapsed().as_secs_f64(),
        peak as f64 / 1e6,
        peak as f64 / bytes.max(1) as f64,
        now as f64 / 1e6
    );
    println!("cache: {report:?}");
    Ok(())
}
