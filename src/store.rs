//! Highlights and read marks, kept on disk so that none is ever lost.
//!
//! The store is one JSON file with a version field. Every save is atomic (a temporary file in
//! the same folder, fsync, rename, fsync of the folder), so the file is always either the old or
//! the new version. Two byline processes do not lose each other's work: a save takes an
//! exclusive lock on a side file, re-reads the store, merges (highlights by id, deletions kept as
//! tombstones, read marks by latest change) and only then writes. A store that cannot be read is
//! never overwritten: the caller is told and byline runs with highlights read-only.
//!
//! A highlight is anchored to the text, not to offsets alone: the passage's exact words with
//! some words before and after, plus an offset hint (the W3C Web Annotation TextQuoteSelector and
//! TextPositionSelector idea), and the article by a fingerprint of its text plus its path.

use crate::article::Article;
use crate::text::slice;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

pub const VERSION: u32 = 1;
const FILE: &str = "store.json";
const LOCK: &str = "store.lock";
/// Characters of context kept on each side of a passage.
const CONTEXT: usize = 32;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot read {path}: {why}. It is left untouched; highlights are read-only this session")]
    Unreadable { path: String, why: String },
    #[error("cannot save to {path}: {why}")]
    Write { path: String, why: String },
    #[error("highlights are read-only this session: the store could not be read")]
    ReadOnly,
}

/// Which article a highlight belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRef {
    pub fingerprint: String,
    pub path: String,
    pub title: String,
}

/// The passage: its exact text, some text before and after, and where it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    /// Byte offsets in the article's flat text ([`flat_text`]) when it was made.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Highlight {
    pub id: String,
    pub article: ArticleRef,
    pub anchor: Anchor,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Milliseconds since 1970, for ordering.
    pub created: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadMark {
    pub read: bool,
    /// Milliseconds since 1970: the later change wins a merge.
    pub at: u64,
}

/// What the file holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Data {
    pub version: u32,
    pub highlights: Vec<Highlight>,
    /// Ids of highlights removed, so that a merge does not bring them back.
    #[serde(default)]
    pub deleted: Vec<String>,
    /// Read marks by article fingerprint.
    #[serde(default)]
    pub read: BTreeMap<String, ReadMark>,
}

impl Data {
    /// Joins what another process saved into this: every highlight either side has, less those
    /// either side deleted; for read marks, the later change.
    pub fn merge(&mut self, other: &Data) {
        for id in &other.deleted {
            if !self.deleted.contains(id) {
                self.deleted.push(id.clone());
            }
        }
        for h in &other.highlights {
            if !self.highlights.iter().any(|x| x.id == h.id) {
                self.highlights.push(h.clone());
            }
        }
        let deleted = &self.deleted;
        self.highlights.retain(|h| !deleted.contains(&h.id));
        self.highlights.sort_by(|a, b| a.created.cmp(&b.created).then_with(|| a.id.cmp(&b.id)));
        for (k, m) in &other.read {
            let keep = self.read.get(k).is_some_and(|mine| mine.at >= m.at);
            if !keep {
                self.read.insert(k.clone(), *m);
            }
        }
    }
}

/// The store on disk and what this session knows of it.
#[derive(Debug, Clone)]
pub struct Store {
    pub dir: PathBuf,
    pub data: Data,
    /// Set when the file exists but could not be read: nothing is ever written then.
    pub read_only: bool,
    /// False for a store that lives in memory only (no data folder).
    pub persist: bool,
}

pub fn now_millis() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// The folder highlights are kept in: `--data-dir`, then `BYLINE_DATA_DIR`, then the platform's
/// data folder (`$XDG_DATA_HOME/byline` on Linux).
pub fn default_dir(flag: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = flag {
        return Some(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os("BYLINE_DATA_DIR").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "byline").map(|d| d.data_dir().to_path_buf())
}

fn read_file(path: &Path) -> Result<Option<Data>, String> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    let data: Data = serde_json::from_slice(&bytes).map_err(|e| format!("not a byline store ({e})"))?;
    if data.version != VERSION {
        return Err(format!("store version {} is not one this byline knows ({VERSION})", data.version));
    }
    Ok(Some(data))
}

impl Store {
    /// Opens the store in `dir`. An unreadable store comes back read-only, with the error to
    /// show; a missing one is empty.
    pub fn open(dir: &Path) -> (Store, Option<StoreError>) {
        let path = dir.join(FILE);
        match read_file(&path) {
            Ok(data) => {
                let data = data.unwrap_or(Data { version: VERSION, ..Data::default() });
                (Store { dir: dir.to_path_buf(), data, read_only: false, persist: true }, None)
            }
            Err(why) => {
                let err = StoreError::Unreadable { path: path.display().to_string(), why };
                let data = Data { version: VERSION, ..Data::default() };
                (Store { dir: dir.to_path_buf(), data, read_only: true, persist: true }, Some(err))
            }
        }
    }

    /// A store that is never written, for when there is no data folder at all.
    pub fn in_memory() -> Store {
        Store {
            dir: PathBuf::new(),
            data: Data { version: VERSION, ..Data::default() },
            read_only: false,
            persist: false,
        }
    }

    /// Merges with what is on disk and writes atomically, under the lock.
    pub fn save(&mut self) -> Result<(), StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        if !self.persist {
            return Ok(());
        }
        let path = self.dir.join(FILE);
        let werr = |why: String| StoreError::Write { path: path.display().to_string(), why };
        std::fs::create_dir_all(&self.dir).map_err(|e| werr(e.to_string()))?;
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.dir.join(LOCK))
            .map_err(|e| werr(e.to_string()))?;
        lock.lock().map_err(|e| werr(e.to_string()))?;
        match read_file(&path) {
            Ok(Some(disk)) => self.data.merge(&disk),
            Ok(None) => {}
            Err(why) => {
                // Someone replaced the store with something we cannot read: leave it be.
                self.read_only = true;
                return Err(StoreError::Unreadable { path: path.display().to_string(), why });
            }
        }
        let json = serde_json::to_vec_pretty(&self.data).map_err(|e| werr(e.to_string()))?;
        let tmp = self.dir.join(format!("{FILE}.{}.tmp", std::process::id()));
        let write = || -> std::io::Result<()> {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(&json)?;
            f.sync_all()?;
            std::fs::rename(&tmp, &path)?;
            // The rename itself is durable only once the folder is synced.
            if let Ok(d) = std::fs::File::open(&self.dir) {
                let _ = d.sync_all();
            }
            Ok(())
        };
        let result = write().map_err(|e| werr(e.to_string()));
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }
}

/// The article's text as one string: blocks joined by blank lines. Anchors count in it.
pub fn flat_text(article: &Article) -> String {
    article.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n\n")
}

/// Where each block starts in [`flat_text`].
pub fn block_starts(article: &Article) -> Vec<usize> {
    let mut out = Vec::with_capacity(article.blocks.len());
    let mut at = 0;
    for b in &article.blocks {
        out.push(at);
        at += b.text.len() + 2;
    }
    out
}

/// A fingerprint of the article's text: FNV-1a over its words, so that spacing changes made by
/// a newer normaliser do not change it.
pub fn fingerprint(article: &Article) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in &article.blocks {
        for w in b.text.split_whitespace() {
            for byte in w.bytes().chain(std::iter::once(b' ')) {
                h ^= u64::from(byte);
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
    }
    format!("{h:016x}")
}

/// The anchor of bytes `start..end` of `flat`.
pub fn anchor(flat: &str, start: usize, end: usize) -> Anchor {
    let (start, end) = (slice::floor(flat, start), slice::ceil(flat, end));
    let pre = slice::floor(flat, start.saturating_sub(CONTEXT));
    let post = slice::ceil(flat, end + CONTEXT);
    Anchor {
        exact: slice::from_to(flat, start, end).to_string(),
        prefix: slice::from_to(flat, pre, start).to_string(),
        suffix: slice::from_to(flat, end, post).to_string(),
        start,
        end,
    }
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Finds the anchored passage in `flat`: every place its exact text occurs is scored by how much
/// of the context matches and how near it is to where it was. `None` when the text is gone.
pub fn locate(flat: &str, a: &Anchor) -> Option<(usize, usize)> {
    if a.exact.is_empty() {
        return None;
    }
    let mut best: Option<(i64, usize)> = None;
    for (at, _) in flat.match_indices(a.exact.as_str()) {
        let before = slice::from_to(flat, slice::floor(flat, at.saturating_sub(CONTEXT)), at);
        let after_end = at + a.exact.len();
        let after = slice::from_to(flat, after_end, slice::ceil(flat, after_end + CONTEXT));
        let context = common_suffix(before, &a.prefix) + common_prefix(after, &a.suffix);
        let distance = at.abs_diff(a.start) as i64;
        let score = i64::try_from(context).unwrap_or(0) * 1000 - distance.min(999);
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, at));
        }
    }
    best.map(|(_, at)| (at, at + a.exact.len()))
}

/// Finds the article a highlight belongs to: by fingerprint, then by path, then as the one
/// article holding its exact text.
pub fn find_article<A: std::borrow::Borrow<Article>>(
    articles: &[A],
    fingerprints: &[String],
    r: &ArticleRef,
    exact: &str,
) -> Option<usize> {
    if let Some(i) = fingerprints.iter().position(|f| *f == r.fingerprint) {
        return Some(i);
    }
    if let Some(i) = articles.iter().position(|a| a.borrow().path == r.path) {
        return Some(i);
    }
    let holders: Vec<usize> =
        articles.iter().enumerate().filter(|(_, a)| flat_text(a.borrow()).contains(exact)).map(|(i, _)| i).collect();
    match holders.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::normalize;

    fn hl(id: &str, created: u64) -> Highlight {
        Highlight {
            id: id.into(),
            article: ArticleRef { fingerprint: "f".into(), path: "p".into(), title: "t".into() },
            anchor: Anchor { exact: "x".into(), prefix: String::new(), suffix: String::new(), start: 0, end: 1 },
            note: None,
            created,
        }
    }

    #[test]
    fn merging_keeps_both_sides_and_honours_deletions() {
        let mut a = Data { version: VERSION, highlights: vec![hl("1", 1), hl("2", 2)], ..Data::default() };
        let b = Data {
            version: VERSION,
            highlights: vec![hl("1", 1), hl("3", 3)],
            deleted: vec!["2".into()],
            ..Data::default()
        };
        a.merge(&b);
        let ids: Vec<&str> = a.highlights.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["1", "3"]);
    }

    #[test]
    fn read_marks_merge_by_latest_change() {
        let mut a = Data::default();
        a.read.insert("x".into(), ReadMark { read: true, at: 5 });
        let mut b = Data::default();
        b.read.insert("x".into(), ReadMark { read: false, at: 9 });
        b.read.insert("y".into(), ReadMark { read: true, at: 1 });
        a.merge(&b);
        assert_eq!(a.read["x"], ReadMark { read: false, at: 9 });
        assert!(a.read["y"].read);
    }

    #[test]
    fn an_anchor_finds_its_passage_after_the_text_around_it_changes() {
        let flat = "The minister spoke. We will act now. Later she said: We will act now, again.";
        let start = flat.rfind("We will act now").unwrap();
        let a = anchor(flat, start, start + "We will act now".len());
        // A sentence added at the top moves every offset.
        let changed = format!("A new first line.\n\n{flat}");
        let (s, e) = locate(&changed, &a).unwrap();
        assert_eq!(&changed[s..e], "We will act now");
        assert!(changed[..s].ends_with("she said: "), "the second occurrence, by its context");
        assert_eq!(locate("Nothing like it.", &a), None);
    }

    #[test]
    fn fingerprints_ignore_spacing_but_not_words() {
        let a = normalize("a.txt", "A headline\n\nSome words here.\n");
        let b = normalize("b.txt", "A headline\n\nSome   words here.\n");
        let c = normalize("c.txt", "A headline\n\nOther words here.\n");
        assert_eq!(fingerprint(&a), fingerprint(&b));
        assert_ne!(fingerprint(&a), fingerprint(&c));
    }

    #[test]
    fn a_corrupt_store_is_left_byte_for_byte_and_never_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE);
        let junk = b"{\"version\": 1, \"highlights\": [oops\x00\xff";
        std::fs::write(&path, junk).unwrap();
        let (mut store, err) = Store::open(dir.path());
        assert!(matches!(err, Some(StoreError::Unreadable { .. })));
        assert!(store.read_only);
        store.data.highlights.push(hl("1", 1));
        assert!(matches!(store.save(), Err(StoreError::ReadOnly)));
        assert_eq!(std::fs::read(&path).unwrap(), junk);
    }

    #[test]
    fn saves_survive_reopening_and_two_writers_merge() {
        let dir = tempfile::tempdir().unwrap();
        let (mut one, _) = Store::open(dir.path());
        let (mut two, _) = Store::open(dir.path());
        one.data.highlights.push(hl("a", 1));
        one.save().unwrap();
        two.data.highlights.push(hl("b", 2));
        two.save().unwrap();
        let (three, err) = Store::open(dir.path());
        assert!(err.is_none());
        let ids: Vec<&str> = three.data.highlights.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
    }
}
