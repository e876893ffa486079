//! The archive cache: what the loader and the analysis made of each file, kept between launches
//! so that reopening an archive of years of news re-reads only what changed.
//!
//! One file per set of opened folders, under the platform's cache folder. It is a stream of
//! records, one per article (or per file that gave none), each framed by its length and a
//! checksum, behind a header naming the build that wrote it. A record is trusted only for a
//! file of the same path, size, modification time and content hash (the hash is not read again
//! for a file that had settled long before it was read, see [`FileKey::unchanged`]); a header from another build
//! or any damaged frame makes the whole cache ignored, so a stale or broken cache costs time,
//! never a wrong reading. The file is written beside its final name and renamed over it: two
//! byline writing at once leave one whole cache, the later one.
//!
//! Postcard (serde, compact, no schema) keeps records small and fast to decode; the archive is
//! only ever read whole, so the queries a database would give are not needed.

use crate::analysis::{Entities, Quote};
use crate::article::Article;
use crate::load::Problem;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"bylinec\x01";
/// Records decoded at once, in parallel: enough to keep every core busy, few enough that the
/// undecoded bytes stay small next to what they decode to.
const DECODE_BATCH: usize = 2048;
/// A frame longer than this is damage, not a record (files are limited to far less).
const MAX_RECORD: usize = 1 << 30;

/// What a file was when it was read: a cached reading is used only for the same file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileKey {
    pub size: u64,
    /// See [`modified`].
    pub modified: u128,
    pub hash: u64,
    /// When the file was looked at for this reading (nanoseconds since the epoch).
    pub read_at: u128,
}

/// How long after its last change a file counts as settled. A file changed again within one
/// tick of the file system's clock (2 s on the coarsest, FAT) may keep its size and time: until
/// this long has passed between the change and the reading, only the content hash tells.
const SETTLE_NS: u128 = 2_000_000_000;

impl FileKey {
    pub fn of(meta: &std::fs::Metadata, bytes: &[u8], read_at: u128) -> FileKey {
        FileKey { size: meta.len(), modified: modified(meta), hash: xxhash_rust::xxh3::xxh3_64(bytes), read_at }
    }

    /// Whether `other` is a reading of the same bytes.
    pub fn same_bytes(&self, other: &FileKey) -> bool {
        (self.size, self.modified, self.hash) == (other.size, other.modified, other.hash)
    }

    /// Whether the file, now of metadata `meta`, is certainly the one this reading was of, without
    /// reading it again: same size and time, and already settled when it was read, so that any
    /// later change moved its time (the rule `git` and `make` rely on too).
    pub fn unchanged(&self, meta: &std::fs::Metadata) -> bool {
        self.size == meta.len()
            && self.modified == modified(meta)
            && self.modified != 0
            && self.modified.saturating_add(SETTLE_NS) < self.read_at
    }
}

/// Now, in nanoseconds since the epoch (0 when the clock is before it).
pub fn now_ns() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos())
}

/// A file's modification time in nanoseconds since the epoch, 0 when the system cannot say.
pub fn modified(meta: &std::fs::Metadata) -> u128 {
    meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos())
}

/// One article as the loader and the analysis left it. `names` are the article's own names
/// before the corpus step (encoded, as they are only needed again when that step's outcome
/// changes); `joined` fingerprints the names after it, which the quotations were found with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub article: Article,
    /// The article's [`crate::store::fingerprint`], which highlights are kept by.
    pub fingerprint: String,
    pub names: Vec<u8>,
    pub joined: u64,
    pub quotes: Vec<Quote>,
}

/// An [`Item`] borrowed from the articles being loaded, to write without copying them.
#[derive(Serialize, Clone, Copy)]
pub struct ItemRef<'a> {
    pub article: &'a Article,
    pub fingerprint: &'a str,
    pub names: &'a [u8],
    pub joined: u64,
    pub quotes: &'a [Quote],
}

/// What is cached of one file: the problems reading it met and its articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub key: FileKey,
    pub problems: Vec<Problem>,
    pub items: Vec<Item>,
}

#[derive(Serialize, Deserialize)]
struct Record {
    file: String,
    key: FileKey,
    part: u32,
    parts: u32,
    problems: Vec<Problem>,
    item: Option<Item>,
}

/// Why a cache was not used: said in the status bar, never an error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unused {
    #[error("no cache yet")]
    Missing,
    #[error("cache written by another version of byline")]
    OtherBuild,
    #[error("cache damaged ({0})")]
    Damaged(String),
}

/// The build whose analysis a cache holds (a hash of byline's sources and word lists).
pub fn build_id() -> &'static str {
    env!("BYLINE_BUILD_ID")
}

/// The cache file for a set of opened paths: `$BYLINE_CACHE_DIR`, else the platform's cache
/// folder (`~/.cache/byline` on Linux), then `archives/` and a hash of the paths.
pub fn location(sources: &[PathBuf]) -> Option<PathBuf> {
    let base = std::env::var_os("BYLINE_CACHE_DIR")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| directories::ProjectDirs::from("", "", "byline").map(|d| d.cache_dir().to_path_buf()))?;
    let mut names: Vec<String> =
        sources.iter().map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()).display().to_string()).collect();
    names.sort();
    let hash = xxhash_rust::xxh3::xxh3_64(names.join("\0").as_bytes());
    Some(base.join("archives").join(format!("{hash:016x}.bin")))
}

/// What the corpus step did to an article (the names it changed, or the names after it),
/// reduced to what tells two outcomes apart.
pub fn fingerprint(outcome: &impl Serialize) -> u64 {
    xxhash_rust::xxh3::xxh3_64(&postcard::to_stdvec(outcome).unwrap_or_default())
}

pub fn encode_names(names: &Entities) -> Vec<u8> {
    postcard::to_stdvec(names).unwrap_or_default()
}

/// The names `encode_names` wrote; `None` if they do not decode (then the file is read again).
pub fn decode_names(bytes: &[u8]) -> Option<Entities> {
    postcard::from_bytes(bytes).ok()
}

/// Reads the cache at `path`: each file's cached reading by path.
pub fn read(path: &Path) -> Result<HashMap<String, Hit>, Unused> {
    let mut parts: Parts = HashMap::default();
    read_records(path, |r: Record| add(&mut parts, r))?;
    Ok(parts
        .into_iter()
        .filter_map(|(file, (key, problems, items))| {
            // A file some of whose articles are missing is read again.
            let items: Option<Vec<Item>> = items.into_iter().collect();
            items.map(|items| (file, Hit { key, problems, items }))
        })
        .collect())
}

/// Decodes every record of the file at `path`, in parallel batches, handing each to `add`.
fn read_records<R: DeserializeOwned + Send>(
    path: &Path,
    mut add: impl FnMut(R) -> Result<(), Unused>,
) -> Result<(), Unused> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Unused::Missing),
        Err(e) => return Err(Unused::Damaged(e.to_string())),
    };
    let mut input = BufReader::with_capacity(1 << 20, file);
    read_header(&mut input)?;
    let mut frames = Vec::with_capacity(DECODE_BATCH);
    loop {
        let frame = read_frame(&mut input)?;
        let end = frame.is_none();
        frames.extend(frame);
        if frames.len() == DECODE_BATCH || (end && !frames.is_empty()) {
            let records: Result<Vec<R>, postcard::Error> =
                std::mem::take(&mut frames).par_iter().map(|f| postcard::from_bytes(f)).collect();
            for r in records.map_err(|e| Unused::Damaged(e.to_string()))? {
                add(r)?;
            }
        }
        if end {
            return Ok(());
        }
    }
}

type Parts = HashMap<String, (FileKey, Vec<Problem>, Vec<Option<Item>>)>;

fn add(parts: &mut Parts, r: Record) -> Result<(), Unused> {
    let damaged = || Unused::Damaged("records disagree".into());
    let count = r.parts as usize;
    let entry = parts.entry(r.file).or_insert_with(|| (r.key, Vec::new(), vec![None; count]));
    if entry.0 != r.key || entry.2.len() != count {
        return Err(damaged());
    }
    entry.1.extend(r.problems);
    // A file that gave no article has one record, with its problems and no item.
    if let Some(item) = r.item {
        *entry.2.get_mut(r.part as usize).ok_or_else(damaged)? = Some(item);
    }
    Ok(())
}

fn read_header(input: &mut impl Read) -> Result<(), Unused> {
    let mut magic = [0u8; 8];
    let mut len = [0u8; 2];
    if input.read_exact(&mut magic).is_err() || &magic != MAGIC || input.read_exact(&mut len).is_err() {
        return Err(Unused::OtherBuild);
    }
    let mut id = vec![0u8; u16::from_le_bytes(len) as usize];
    if input.read_exact(&mut id).is_err() || id != build_id().as_bytes() {
        return Err(Unused::OtherBuild);
    }
    Ok(())
}

/// The next record's bytes, `None` at a clean end (the end marker).
fn read_frame(input: &mut impl Read) -> Result<Option<Vec<u8>>, Unused> {
    let damaged = |what: &str| Unused::Damaged(what.to_string());
    let mut head = [0u8; 12];
    input.read_exact(&mut head).map_err(|_| damaged("cut short"))?;
    let len = u32::from_le_bytes([head[0], head[1], head[2], head[3]]) as usize;
    let sum = u64::from_le_bytes([head[4], head[5], head[6], head[7], head[8], head[9], head[10], head[11]]);
    if len == 0 {
        // The end marker: twelve zero bytes. A file cut before it is damaged.
        return if sum == 0 { Ok(None) } else { Err(damaged("bad end")) };
    }
    if len > MAX_RECORD {
        return Err(damaged("frame too long"));
    }
    let mut bytes = vec![0u8; len];
    input.read_exact(&mut bytes).map_err(|_| damaged("cut short"))?;
    if xxhash_rust::xxh3::xxh3_64(&bytes) != sum {
        return Err(damaged("checksum"));
    }
    Ok(Some(bytes))
}

/// The framed record of part `part` of `parts` of a file (`item` `None` and `parts` 0 for a
/// file that gave no article), ready for [`Writer::push`]. Encoded by the caller so that
/// records can be made in parallel.
pub fn record(
    file: &str,
    key: FileKey,
    part: usize,
    parts: usize,
    problems: &[Problem],
    item: Option<ItemRef>,
) -> Vec<u8> {
    #[derive(Serialize)]
    struct RecordRef<'a> {
        file: &'a str,
        key: FileKey,
        part: u32,
        parts: u32,
        problems: &'a [Problem],
        item: Option<ItemRef<'a>>,
    }
    frame(&RecordRef { file, key, part: part as u32, parts: parts as u32, problems, item })
}

fn frame(record: &impl Serialize) -> Vec<u8> {
    let body = postcard::to_stdvec(record).unwrap_or_default();
    let mut framed = Vec::with_capacity(body.len() + 12);
    framed.extend_from_slice(&(body.len() as u32).to_le_bytes());
    framed.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&body).to_le_bytes());
    framed.extend_from_slice(&body);
    framed
}

/// A cache being written: records go to a temporary file beside the cache, which replaces the
/// cache when finished. Dropped unfinished (byline quit while loading), it is removed.
pub struct Writer {
    out: BufWriter<tempfile::NamedTempFile>,
    dest: PathBuf,
}

/// Temporary files older than this were left by a byline that was killed while writing.
const STALE: std::time::Duration = std::time::Duration::from_secs(3600);

impl Writer {
    pub fn create(dest: &Path) -> std::io::Result<Writer> {
        let dir = dest.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        remove_stale(dir);
        let tmp = tempfile::Builder::new().prefix(".writing-").suffix(".tmp").tempfile_in(dir)?;
        let mut out = BufWriter::with_capacity(1 << 20, tmp);
        out.write_all(MAGIC)?;
        out.write_all(&(build_id().len() as u16).to_le_bytes())?;
        out.write_all(build_id().as_bytes())?;
        Ok(Writer { out, dest: dest.to_path_buf() })
    }

    pub fn push(&mut self, framed: &[u8]) -> std::io::Result<()> {
        self.out.write_all(framed)
    }

    /// Ends the cache and puts it in place of the old one.
    pub fn finish(mut self) -> std::io::Result<()> {
        self.out.write_all(&[0u8; 12])?;
        let tmp = self.out.into_inner().map_err(|e| e.into_error())?;
        tmp.as_file().sync_all()?;
        tmp.persist(&self.dest).map_err(|e| e.error)?;
        Ok(())
    }
}

fn remove_stale(dir: &Path) {
    let now = std::time::SystemTime::now();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let old =
            entry.metadata().and_then(|m| m.modified()).is_ok_and(|t| now.duration_since(t).is_ok_and(|d| d > STALE));
        if name.starts_with(".writing-") && name.ends_with(".tmp") && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The first looks of the last reading, beside the cache: what the list shows of each file while
/// the cache itself is read.
pub fn heads_path(cache: &Path) -> PathBuf {
    cache.with_extension("heads")
}

/// A file's first look, for a file of this size and modification time. (Not checked against
/// the content: a look is replaced by the whole article moments later.)
#[derive(Serialize, Deserialize)]
struct Head {
    file: String,
    size: u64,
    modified: u128,
    article: Article,
}

/// The first look of each file the last reading found, keyed by path, with its size and time.
pub fn read_heads(cache: &Path) -> Result<HashMap<String, (u64, u128, Article)>, Unused> {
    let mut heads = HashMap::default();
    read_records(&heads_path(cache), |h: Head| {
        heads.insert(h.file, (h.size, h.modified, h.article));
        Ok(())
    })?;
    Ok(heads)
}

/// Writes the first looks: each file's path, key and first article cut to a look.
pub fn write_heads<'a>(cache: &Path, heads: impl Iterator<Item = (&'a str, FileKey, Article)>) -> std::io::Result<()> {
    let mut w = Writer::create(&heads_path(cache))?;
    for (file, key, article) in heads {
        w.push(&frame(&Head { file: file.to_string(), size: key.size, modified: key.modified, article }))?;
    }
    w.finish()
}

#[cfg(test)]
mod tests;
