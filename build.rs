//! Embeds every file of `assets/articles/` so that `byline` with no argument opens the bundled
//! corpus from any directory, and names this build's analysis for the archive cache.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("assets/articles/ is readable")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    let mut out = String::from("&[\n");
    for name in &names {
        let path = dir.join(name);
        writeln!(out, "    ({name:?}, include_bytes!({:?})),", path.display().to_string())
            .expect("writing to a String");
    }
    out.push_str("]\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundled.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
    build_id();
}

/// A hash of the sources and word lists: what the analysis makes of a file changes with any of
/// them, so a cache written by another build is not trusted.
fn build_id() {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "assets"] {
        println!("cargo:rerun-if-changed={}", root.join(dir).display());
        collect(&root.join(dir), &mut files);
    }
    files.sort();
    let mut h = DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut h);
    for f in &files {
        f.strip_prefix(root).unwrap_or(f).hash(&mut h);
        std::fs::read(f).unwrap_or_default().hash(&mut h);
    }
    println!("cargo:rustc-env=BYLINE_BUILD_ID={}-{:016x}", env!("CARGO_PKG_VERSION"), h.finish());
}

fn collect(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => collect(&path, files),
            Ok(t) if t.is_file() => files.push(path),
            _ => {}
        }
    }
}
