//! Reading many files: in the background while the list is already on screen, or at once for
//! `byline export`, through the archive cache either way.
//!
//! Each file is read whole; one the cache knows unchanged keeps its cached reading, the others
//! are normalised and their names found, on every core. Names are then joined across the corpus,
//! and each article's quotations found with the joined names, unless the cache holds quotations
//! found with the very same names. Results go out as [`LoadEvent`]s, in batches, with progress
//! along the way; the cache is rewritten when anything in it changed.

use crate::analysis::pipeline::{self, STAGES};
use crate::analysis::{entities::Entities, Analysis, Quote};
use crate::article::Article;
use crate::cache::{self, FileKey, Hit, ItemRef};
use crate::load;
use crate::load::Problem;
use crate::state::{Action, Arrived, Doc};
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

/// Files handled between two progress reports.
const CHUNK: usize = 512;

/// What reading files reports. Article numbers (`slot`s): file `i`'s first article is `i`, the
/// further articles of feeds are numbered after the last file, in the order met.
#[derive(Debug)]
pub enum LoadEvent {
    /// Work done out of work to do.
    Progress(usize, usize),
    Problems(Vec<Problem>),
    /// Files that gave no article.
    Skipped(Vec<usize>),
    Loaded(Vec<Arrived>),
    /// The file each further article of a feed came from, in article-number order.
    Extra(Vec<usize>),
    /// The cache was damaged or could not be written: reading works, but will be slow again.
    CacheTrouble(Problem),
    /// Everything is loaded; the cache, if any, was used or why not.
    Done(CacheReport),
}

/// What the cache did for one load, for the status bar and the tests.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CacheReport {
    /// Files whose cached reading was used.
    pub reused: usize,
    /// Of those, files not even read again: settled, with the size and time of their reading.
    pub unread: usize,
    /// Files read and analysed afresh.
    pub read: usize,
    /// Articles whose quotations were found again because the corpus's names changed.
    pub rejoined: usize,
    /// The cache was written by another version of byline (as after an upgrade): not used.
    pub other_build: bool,
    /// Why the cache was damaged or could not be written.
    pub trouble: Option<String>,
    pub written: bool,
}

impl LoadEvent {
    /// What the event means to the reader, if anything.
    pub fn action(self) -> Option<Action> {
        Some(match self {
            LoadEvent::Progress(done, total) => Action::LoadProgress(done, total),
            LoadEvent::Problems(p) => Action::LoadProblems(p),
            LoadEvent::Skipped(s) => Action::Skipped(s),
            LoadEvent::Loaded(b) => Action::Loaded(b),
            LoadEvent::Extra(_) => return None,
            LoadEvent::CacheTrouble(p) => Action::LoadProblems(vec![p]),
            LoadEvent::Done(_) => Action::LoadDone,
        })
    }
}

/// Reads `files` in the background, sending what it finds to the event loop. Stops early when
/// the receiver is gone (byline quit).
pub fn start(files: Vec<PathBuf>, cache: Option<PathBuf>, tx: Sender<Action>) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        read_all(&files, cache.as_deref(), &mut |e| e.action().is_none_or(|a| tx.send(a).is_ok()))
    })
}

/// The list's first look at each file: the last reading's look where the file's size and time
/// are unchanged, else one from the start of the file.
pub fn first_looks(files: &[PathBuf], cache_path: Option<&Path>) -> Vec<Article> {
    let heads = cache_path.and_then(|c| cache::read_heads(c).ok()).unwrap_or_default();
    files
        .par_iter()
        .map(|f| {
            let same = |(size, modified, _): &&(u64, u128, Article)| {
                std::fs::metadata(f).is_ok_and(|m| m.is_file() && m.len() == *size && cache::modified(&m) == *modified)
            };
            match heads.get(&f.display().to_string()).filter(same) {
                Some((_, _, look)) => look.clone(),
                None => load::first_look(f),
            }
        })
        .collect()
}

/// One article between the two passes.
struct Pending {
    file: usize,
    part: usize,
    article: Article,
    names: Entities,
    /// False when finding names failed: the article opens as plain text.
    ok: bool,
    /// The names encoded for the cache (empty when there is no cache).
    encoded: Vec<u8>,
    /// The cached fingerprint of the joined names and the quotations found with them.
    cached: Option<(u64, Vec<Quote>)>,
    /// The article's fingerprint, when cached.
    fingerprint: Option<String>,
}

/// One file after the first pass.
struct FileRead {
    path: String,
    /// `None` when the file could not be read: nothing is cached for it.
    key: Option<FileKey>,
    problems: Vec<Problem>,
    articles: Vec<Pending>,
    /// How many articles the file gave.
    parts: usize,
    reused: bool,
    /// Reused without reading the file.
    unread: bool,
    /// Reused after reading its bytes, and settled now: its record is worth writing again, so
    /// that the next launch need not read it.
    settled: bool,
}

/// Reads and analyses `files`, using and renewing the cache at `cache_path`, and hands what it
/// finds to `emit`, which returns `false` to stop (nothing more is read or written).
pub fn read_all(files: &[PathBuf], cache_path: Option<&Path>, emit: &mut dyn FnMut(LoadEvent) -> bool) {
    let total = files.len();
    let caching = cache_path.is_some();
    let mut report = CacheReport::default();
    let mut old = match cache_path.map(cache::read) {
        Some(Ok(map)) => map,
        Some(Err(why)) => {
            match why {
                cache::Unused::Missing => {}
                cache::Unused::OtherBuild => report.other_build = true,
                cache::Unused::Damaged(_) => report.trouble = Some(why.to_string()),
            }
            HashMap::default()
        }
        None => HashMap::default(),
    };
    // An empty cache, or one whose first looks are missing, is written afresh.
    let mut dirty = cache_path.is_some_and(|c| old.is_empty() || !cache::heads_path(c).exists());
    let mut pending: Vec<Option<Pending>> = Vec::with_capacity(total);
    let mut more: Vec<Pending> = Vec::new();
    let mut read: Vec<FileRead> = Vec::with_capacity(total);
    for (c, chunk) in files.chunks(CHUNK).enumerate() {
        let hits: Vec<Option<Hit>> = chunk.iter().map(|f| old.remove(&f.display().to_string())).collect();
        let results: Vec<(FileRead, bool)> = chunk
            .par_iter()
            .zip(hits)
            .enumerate()
            .map(|(k, (f, hit))| {
                let had = hit.is_some();
                (read_one(c * CHUNK + k, f, hit, caching), had)
            })
            .collect();
        let mut problems = Vec::new();
        let mut skipped = Vec::new();
        for (mut r, had) in results {
            match r.reused {
                true => report.reused += 1,
                false => report.read += 1,
            }
            report.unread += usize::from(r.unread);
            // A file read afresh is written; an unreadable one only drops its old record.
            dirty |= !r.reused && (r.key.is_some() || had) || r.settled;
            problems.extend(r.problems.iter().cloned());
            let mut articles = std::mem::take(&mut r.articles).into_iter();
            let first = articles.next();
            if first.is_none() {
                skipped.push(pending.len());
            }
            pending.push(first);
            more.extend(articles);
            read.push(r);
        }
        if !emit(LoadEvent::Progress((c * CHUNK + chunk.len()).min(total) / 2, total))
            || (!problems.is_empty() && !emit(LoadEvent::Problems(problems)))
            || (!skipped.is_empty() && !emit(LoadEvent::Skipped(skipped)))
        {
            return;
        }
    }
    // Files gone since the cache was written are dropped from it.
    dirty |= !old.is_empty();
    drop(old);
    if !more.is_empty() && !emit(LoadEvent::Extra(more.iter().map(|p| p.file).collect())) {
        return;
    }
    pending.extend(more.into_iter().map(Some));

    // Names across the corpus, then quotations, whose speakers use the joined names.
    let mut names: Vec<Entities> =
        pending.iter_mut().map(|p| p.as_mut().map(|p| std::mem::take(&mut p.names)).unwrap_or_default()).collect();
    let joins = pipeline::join_names(&mut names);
    let joined: Vec<u64> = match (caching, joins) {
        (false, _) => vec![0; names.len()],
        (true, Some(joins)) => joins.iter().map(cache::fingerprint).collect(),
        // The step failed part way: what it did is told by the names themselves.
        (true, None) => names.par_iter().map(cache::fingerprint).collect(),
    };
    let changed =
        |(p, j): (&Option<Pending>, &u64)| p.as_ref().and_then(|p| p.cached.as_ref()).is_some_and(|c| c.0 != *j);
    dirty |= pending.iter().zip(&joined).any(changed);
    let mut writer = match cache_path.filter(|_| dirty) {
        Some(path) => start_writing(path, &read, &mut report),
        None => None,
    };

    let items: Vec<(usize, Pending, Entities, u64)> = pending
        .into_iter()
        .zip(names)
        .zip(joined)
        .enumerate()
        .filter_map(|(slot, ((p, e), j))| p.map(|p| (slot, p, e, j)))
        .collect();
    let mut looks: Vec<(usize, Article)> = Vec::new();
    let mut done = 0;
    // Chunks taken from the front one after another: each article is moved once.
    let mut items = items.into_iter();
    loop {
        let chunk: Vec<_> = items.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let writing = writer.is_some();
        let results: Vec<Finished> = chunk
            .into_par_iter()
            .map(|(slot, p, names, joined)| finish(slot, p, names, joined, writing.then_some(&read)))
            .collect();
        let mut problems = Vec::new();
        let mut batch = Vec::with_capacity(results.len());
        for f in results {
            report.rejoined += usize::from(f.rejoined);
            problems.extend(f.problem);
            looks.extend(f.look);
            if let (Some(w), Some(record)) = (writer.as_mut(), f.record) {
                if let Err(e) = w.push(&record) {
                    report.trouble = Some(format!("cannot write the cache: {e}"));
                    writer = None;
                }
            }
            batch.push(f.arrived);
        }
        done += batch.len();
        if (!problems.is_empty() && !emit(LoadEvent::Problems(problems)))
            || !emit(LoadEvent::Loaded(batch))
            || !emit(LoadEvent::Progress(total / 2 + done / 2, total))
        {
            return;
        }
    }
    if let (Some(w), Some(path)) = (writer, cache_path) {
        let heads =
            looks.into_iter().filter_map(|(file, look)| Some((read[file].path.as_str(), read[file].key?, look)));
        match w.finish().and_then(|()| cache::write_heads(path, heads)) {
            Ok(()) => report.written = true,
            Err(e) => report.trouble = Some(format!("cannot write the cache: {e}")),
        }
    }
    if let (Some(trouble), Some(path)) = (&report.trouble, cache_path) {
        let problem = Problem { path: path.display().to_string(), error: trouble.clone() };
        if !emit(LoadEvent::CacheTrouble(problem)) {
            return;
        }
    }
    emit(LoadEvent::Done(report));
}

/// Opens a new cache and writes the records of the files that gave no article.
fn start_writing(path: &Path, read: &[FileRead], report: &mut CacheReport) -> Option<cache::Writer> {
    let mut w = match cache::Writer::create(path) {
        Ok(w) => w,
        Err(e) => {
            report.trouble = Some(format!("cannot write the cache: {e}"));
            return None;
        }
    };
    let empty = read.iter().filter(|r| r.parts == 0).filter_map(|r| Some((r, r.key?)));
    for (r, key) in empty {
        if let Err(e) = w.push(&cache::record(&r.path, key, 0, 0, &r.problems, None)) {
            report.trouble = Some(format!("cannot write the cache: {e}"));
            return None;
        }
    }
    Some(w)
}

/// One article after the second pass, with its cache record when one is being written.
struct Finished {
    arrived: Arrived,
    problem: Option<Problem>,
    rejoined: bool,
    record: Option<Vec<u8>>,
    /// The first look of a file's first article, when a cache is being written.
    look: Option<(usize, Article)>,
}

fn finish(slot: usize, p: Pending, names: Entities, joined: u64, read: Option<&Vec<FileRead>>) -> Finished {
    let rejoined = p.cached.as_ref().is_some_and(|c| c.0 != joined);
    let (analysis, problem) = match (p.ok, p.cached) {
        (false, _) => (Analysis { entities: names, quotes: Vec::new() }, None),
        (true, Some((j, quotes))) if j == joined => (pipeline::finish(names, quotes), None),
        (true, _) => STAGES.second(&p.article, names),
    };
    let fingerprint = p.fingerprint.unwrap_or_else(|| crate::store::fingerprint(&p.article));
    // An article the analysis failed on is not cached: its file is read again next time.
    let record = read.map(|r| &r[p.file]).filter(|_| p.ok && problem.is_none()).and_then(|f| {
        let item = ItemRef {
            article: &p.article,
            fingerprint: &fingerprint,
            names: &p.encoded,
            joined,
            quotes: &analysis.quotes,
        };
        let problems = if p.part == 0 { &f.problems[..] } else { &[] };
        Some(cache::record(&f.path, f.key?, p.part, f.parts, problems, Some(item)))
    });
    let look = (read.is_some() && p.part == 0).then(|| (p.file, load::look_of(&p.article)));
    let arrived = Arrived { slot, doc: Doc { article: p.article, analysis, ready: true }, fingerprint };
    Finished { arrived, problem, rejoined, record, look }
}

/// Reads one file: from the cache when `hit` is a reading of these very bytes, else afresh
/// with its names found.
fn read_one(file: usize, path: &Path, hit: Option<Hit>, caching: bool) -> FileRead {
    let shown = path.display().to_string();
    let read_at = cache::now_ns();
    // A settled file whose size and time are those of its cached reading is not read again.
    let unchanged = hit
        .as_ref()
        .is_some_and(|h| std::fs::metadata(path).is_ok_and(|meta| meta.is_file() && h.key.unchanged(&meta)));
    let hit = match hit {
        Some(h) if unchanged => {
            if let Some(articles) = from_cache(file, h.items) {
                let parts = articles.len();
                return FileRead {
                    path: shown,
                    key: Some(h.key),
                    problems: h.problems,
                    articles,
                    parts,
                    reused: true,
                    unread: true,
                    settled: false,
                };
            }
            None
        }
        other => other,
    };
    let (meta, bytes) = match load::read_regular(path) {
        Ok(read) => read,
        Err(problem) => {
            return FileRead {
                path: shown,
                key: None,
                problems: vec![problem],
                articles: vec![],
                parts: 0,
                reused: false,
                unread: false,
                settled: false,
            }
        }
    };
    let key = caching.then(|| FileKey::of(&meta, &bytes, read_at));
    if let Some(hit) = hit.filter(|h| key.is_some_and(|k| k.same_bytes(&h.key))) {
        // Settled since it was cached: the new time of reading is worth writing down.
        let settled = key.is_some_and(|k| k.unchanged(&meta));
        if let Some(articles) = from_cache(file, hit.items) {
            let parts = articles.len();
            return FileRead {
                path: shown,
                key,
                problems: hit.problems,
                articles,
                parts,
                reused: true,
                unread: false,
                settled,
            };
        }
    }
    let loaded = load::from_bytes(&shown, &bytes);
    drop(bytes);
    let mut problems = loaded.problems;
    let articles: Vec<Pending> = loaded
        .articles
        .into_iter()
        .enumerate()
        .map(|(part, article)| {
            let (names, ok) = match STAGES.first(&article) {
                Ok(e) => (e, true),
                Err(p) => {
                    problems.push(p);
                    (Entities::default(), false)
                }
            };
            let encoded = if caching { cache::encode_names(&names) } else { Vec::new() };
            Pending { file, part, article, names, ok, encoded, cached: None, fingerprint: None }
        })
        .collect();
    let parts = articles.len();
    FileRead { path: shown, key, problems, articles, parts, reused: false, unread: false, settled: false }
}

/// The articles of a cached file, `None` if any of their names do not decode.
fn from_cache(file: usize, items: Vec<cache::Item>) -> Option<Vec<Pending>> {
    items
        .into_iter()
        .enumerate()
        .map(|(part, item)| {
            let names = cache::decode_names(&item.names)?;
            Some(Pending {
                file,
                part,
                article: item.article,
                names,
                ok: true,
                encoded: item.names,
                cached: Some((item.joined, item.quotes)),
                fingerprint: Some(item.fingerprint),
            })
        })
        .collect()
}

/// Reads `files` on the caller's thread, through the cache at `cache_path`: the articles in the
/// order of their files (a feed's items after it), the problems met, and what the cache did.
pub fn read_in_order(files: &[PathBuf], cache_path: Option<&Path>) -> (Vec<Doc>, Vec<Problem>, CacheReport) {
    let mut slots: Vec<Option<Doc>> = Vec::new();
    let mut extra_files = Vec::new();
    let mut problems = Vec::new();
    let mut report = CacheReport::default();
    read_all(files, cache_path, &mut |e| {
        match e {
            LoadEvent::Problems(p) => problems.extend(p),
            LoadEvent::Extra(f) => extra_files = f,
            LoadEvent::Loaded(batch) => {
                for Arrived { slot, doc, .. } in batch {
                    if slots.len() <= slot {
                        slots.resize_with(slot + 1, || None);
                    }
                    slots[slot] = Some(doc);
                }
            }
            LoadEvent::Done(r) => report = r,
            LoadEvent::Progress(..) | LoadEvent::Skipped(_) | LoadEvent::CacheTrouble(_) => {}
        }
        true
    });
    let file_of =
        |slot: usize| slot.checked_sub(files.len()).map_or(slot, |k| extra_files.get(k).copied().unwrap_or(slot));
    let mut slots: Vec<(usize, usize, Doc)> =
        slots.into_iter().enumerate().filter_map(|(s, d)| Some((file_of(s), s, d?))).collect();
    slots.sort_by_key(|(file, slot, _)| (*file, *slot));
    (slots.into_iter().map(|(_, _, d)| d).collect(), problems, report)
}

/// Reads and analyses files and folders on the caller's thread, in order, through the cache at
/// `cache_path`: for export, and for files a user asked for (few enough not to need the
/// background). The problems met include the folders' own.
pub fn read_paths(
    paths: &[PathBuf],
    cache_path: Option<&Path>,
) -> Result<(Vec<Doc>, Vec<Problem>, CacheReport), load::MissingPath> {
    let found = load::discover(paths)?;
    let (docs, problems, report) = read_in_order(&found.files, cache_path);
    let mut all = found.problems;
    all.extend(problems);
    Ok((docs, all, report))
}

fn read_docs(paths: &[PathBuf]) -> Result<(Vec<Doc>, Vec<Problem>), String> {
    read_paths(paths, None).map(|(docs, problems, _)| (docs, problems)).map_err(|e| e.to_string())
}

/// Reads one file (or folder) now, for a highlight made in it. The reason it cannot be read is
/// the error.
pub fn read_now(path: &std::path::Path) -> Result<Vec<Doc>, String> {
    let (docs, problems) = read_docs(&[path.to_path_buf()])?;
    if docs.is_empty() {
        let why = problems.first().map_or_else(|| "no article in it".to_string(), |p| p.error.clone());
        return Err(format!("{}: {why}", path.display()));
    }
    Ok(docs)
}

/// Reads the files under `sources` that are not among `known` (article paths; a feed's items,
/// `feed.xml#3`, count as its file): the new files of a folder, for `r`. A file that cannot be
/// read is a problem, as at start.
pub fn read_new(sources: &[PathBuf], known: &[&str]) -> Result<(Vec<Doc>, Vec<Problem>), String> {
    let found = load::discover(sources).map_err(|e| e.to_string())?;
    // A set: an archive holds many thousands of files, each looked up once.
    // A path is known as itself and, for a feed item, as the file before its `#`.
    let known: std::collections::HashSet<&str> =
        known.iter().flat_map(|k| [*k, k.rsplit_once('#').map_or(*k, |(file, _)| file)]).collect();
    let new: Vec<PathBuf> =
        found.files.into_iter().filter(|f| !known.contains(f.display().to_string().as_str())).collect();
    if new.is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    read_docs(&new)
}
