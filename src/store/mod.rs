//! Highlights and read marks, kept on disk so that none is ever lost.
//!
//! The store is a SQLite database in the data folder ([`db`]); this module holds what it keeps
//! and the in-memory copy the reader works on. A store that cannot be read is never
//! overwritten: the caller is told and byline runs with highlights read-only.
//!
//! A highlight is anchored to the text, not to offsets alone: the passage's exact words with
//! some words before and after, plus an offset hint (the W3C Web Annotation TextQuoteSelector and
//! TextPositionSelector idea), and the article by a fingerprint of its text plus its path.

use crate::article::Article;
use crate::text::slice;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub mod db;
mod writer;
pub use db::Change;

/// The version of the JSON form (old stores, recovery files, `highlights --format json`).
pub const VERSION: u32 = 1;
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
    #[error("{0}")]
    Newer(String),
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
    /// The data after `changes`, as this session sees them before they are written.
    pub fn apply(&mut self, changes: &[Change]) {
        db::apply(self, changes);
    }
}

/// The store on disk and what this session knows of it.
#[derive(Debug, Clone)]
pub struct Store {
    pub dir: PathBuf,
    /// What the database holds, with this session's changes applied.
    pub data: Data,
    /// Set when the database cannot be read or is newer than this byline: nothing is written.
    pub read_only: bool,
    /// False for a store that lives in memory only (no data folder).
    pub persist: bool,
    /// Changes made in this session and not yet written, oldest first.
    pub pending: Vec<Change>,
    db: Option<db::Db>,
    /// The writer thread, once the reader has saved in the background.
    writer: Option<std::sync::Arc<std::sync::Mutex<writer::Writer>>>,
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

impl Store {
    /// Opens the store in `dir`, importing an old `store.json` once. An unreadable or newer
    /// store comes back read-only, with the error to show; a missing one is empty.
    pub fn open(dir: &Path) -> (Store, Option<StoreError>) {
        let empty = Data { version: VERSION, ..Data::default() };
        let store = |data, read_only, db| Store {
            dir: dir.to_path_buf(),
            data,
            read_only,
            persist: true,
            pending: Vec::new(),
            db,
            writer: None,
        };
        let unreadable = |why: String| StoreError::Unreadable { path: dir.join(db::FILE).display().to_string(), why };
        let (mut conn, newer) = match db::open(dir) {
            Ok(opened) => opened,
            Err(why) => return (store(empty, true, None), Some(unreadable(why))),
        };
        let imported = if newer.is_none() { db::import_old(dir, &mut conn) } else { None };
        match conn.load() {
            Ok(data) => {
                let read_only = newer.is_some();
                (store(data, read_only, Some(conn)), newer.map(StoreError::Newer).or(imported))
            }
            Err(e) => (store(empty, true, None), Some(unreadable(e.to_string()))),
        }
    }

    /// A store that is never written, for when there is no data folder at all.
    pub fn in_memory() -> Store {
        Store {
            dir: PathBuf::new(),
            data: Data { version: VERSION, ..Data::default() },
            read_only: false,
            persist: false,
            pending: Vec::new(),
            db: None,
            writer: None,
        }
    }

    /// Whether the store on disk could not be read at all (not merely read-only).
    pub fn unreadable(&self) -> bool {
        self.persist && self.read_only && self.db.is_none()
    }

    /// Makes a change now, in memory; [`Store::save`] writes it.
    pub fn change(&mut self, change: Change) {
        db::apply(&mut self.data, std::slice::from_ref(&change));
        if self.persist {
            self.pending.push(change);
        }
    }

    /// Writes the pending changes in one transaction, then takes in what another byline wrote
    /// meanwhile. On failure the changes stay pending, to be tried again.
    pub fn save(&mut self) -> Result<(), StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly);
        }
        let Some(conn) = self.db.as_mut() else { return Ok(()) };
        let werr = |why: String| StoreError::Write { path: self.dir.join(db::FILE).display().to_string(), why };
        if !self.pending.is_empty() {
            conn.write(&self.pending).map_err(|e| werr(e.to_string()))?;
            self.pending.clear();
        }
        if let Some(data) = conn.reload_if_changed() {
            self.data = data.map_err(|e| werr(e.to_string()))?;
        }
        Ok(())
    }

    /// Takes in what another byline wrote since this one last read the store, keeping this
    /// session's unwritten changes on top. Whether anything came in.
    pub fn refresh(&mut self) -> bool {
        let Some(loaded) = self.db.as_mut().and_then(db::Db::reload_if_changed) else { return false };
        match loaded {
            Ok(mut data) => {
                db::apply(&mut data, &self.unwritten());
                self.data = data;
                true
            }
            Err(_) => false,
        }
    }

    /// Every change not yet known to be written: sent to the writer, then still pending.
    pub fn unwritten(&self) -> Vec<Change> {
        let mut out: Vec<Change> = match &self.writer {
            Some(w) => w.lock().map(|w| w.in_flight.iter().flat_map(|(b, _)| b.clone()).collect()).unwrap_or_default(),
            None => Vec::new(),
        };
        out.extend(self.pending.iter().cloned());
        out
    }

    /// Hands the pending changes to the writer thread and returns at once; [`Store::collect`]
    /// hears how it went. Nothing is sent for a read-only store.
    pub fn save_in_background(&mut self) {
        let Some(conn) = self.db.as_ref().filter(|_| !self.read_only && !self.pending.is_empty()) else { return };
        let writer = self
            .writer
            .get_or_insert_with(|| std::sync::Arc::new(std::sync::Mutex::new(writer::Writer::start(conn.clone()))));
        let mut w = writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Err(batch) = w.send(std::mem::take(&mut self.pending)) {
            drop(w);
            self.pending = batch;
            self.writer = None;
        }
    }

    /// What the writer thread answered since last asked, waiting up to `wait` for the first
    /// answer: `None` when nothing came. A failed batch goes back to the pending changes, to be
    /// sent again; the last failure is returned.
    pub fn collect(&mut self, wait: std::time::Duration) -> Option<Result<(), StoreError>> {
        let writer = self.writer.clone()?;
        let mut w = writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut out = None;
        let mut wait = wait;
        while let Some(answer) = w.answer(wait) {
            wait = std::time::Duration::ZERO;
            let batch = w.in_flight.pop_front().map(|(b, _)| b).unwrap_or_default();
            match answer {
                Ok(()) => out = out.or(Some(Ok(()))),
                Err(why) => {
                    let mut back = batch;
                    back.append(&mut self.pending);
                    self.pending = back;
                    out = Some(Err(StoreError::Write { path: self.dir.join(db::FILE).display().to_string(), why }));
                }
            }
        }
        out
    }

    /// How long the oldest batch the writer has not answered has waited.
    pub fn saving_for(&self) -> Option<std::time::Duration> {
        let w = self.writer.as_ref()?.lock().ok()?;
        w.in_flight.front().map(|(_, sent)| sent.elapsed())
    }

    /// Sends what is pending and waits up to `wait` for every batch to be written, as byline
    /// quits. Whether all is written.
    pub fn flush(&mut self, wait: std::time::Duration) -> bool {
        self.save_in_background();
        let until = std::time::Instant::now() + wait;
        while self.saving_for().is_some() {
            let left = until.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                break;
            }
            if let Some(Err(_)) = self.collect(left) {
                break;
            }
        }
        self.saving_for().is_none() && self.pending.is_empty()
    }

    /// Writes the unwritten changes as JSON beside the database, else in the temporary folder:
    /// the file's path and how many changes it holds. `byline highlights --import` reads it.
    pub fn write_recovery(&self) -> Result<(PathBuf, usize), String> {
        let unwritten = self.unwritten();
        let data = db::recovery_data(&self.data, &unwritten);
        let json = serde_json::to_vec_pretty(&data).map_err(|e| e.to_string())?;
        let mut last = String::new();
        for path in db::recovery_paths(&self.dir) {
            match std::fs::write(&path, &json) {
                Ok(()) => return Ok((path, unwritten.len())),
                Err(e) => last = format!("{}: {e}", path.display()),
            }
        }
        Err(last)
    }

    /// Reads a recovery file or an old `store.json` into the store and saves: how many
    /// changes it held.
    pub fn import(&mut self, path: &Path) -> Result<usize, String> {
        let data = db::read_json(path)?.ok_or_else(|| format!("{}: no such file", path.display()))?;
        let changes = db::changes_of(&data);
        let n = changes.len();
        for c in changes {
            self.change(c);
        }
        self.save().map_err(|e| e.to_string())?;
        Ok(n)
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
}
