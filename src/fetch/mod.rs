//! `byline fetch`: download feeds and the full page of each new item into the archive, as
//! Markdown notes byline (or any editor) opens later, offline.
//!
//! One failing feed or page never stops the others; every failure is in the summary with its
//! reason. Each note is written to a temporary name and renamed, so the archive never holds half
//! a file, and an item already stored is not fetched again.

pub mod http;

use crate::load::{feed, html};
use http::{Client, Got, Validators};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Where the validators of every feed are kept between runs, inside the archive.
const STATE_FILE: &str = ".fetch-state.json";

pub struct Options {
    pub archive: PathBuf,
    /// For each request, from connecting to the last byte.
    pub timeout: Duration,
    /// Feeds fetched at once.
    pub jobs: usize,
    /// The largest feed or page accepted, in bytes.
    pub limit: u64,
}

impl Options {
    pub fn new(archive: PathBuf) -> Options {
        Options { archive, timeout: Duration::from_secs(20), jobs: 4, limit: crate::load::max_file_bytes() }
    }
}

#[derive(Debug, Default)]
pub struct Summary {
    pub feeds: usize,
    pub unchanged: usize,
    pub new_items: usize,
    /// New items whose full page was fetched and read.
    pub pages: usize,
    /// What failed (a feed's or a page's address) and why.
    pub failures: Vec<(String, String)>,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{} feeds: {} new articles ({} with their full page), {} feeds unchanged, {} failures",
            self.feeds,
            self.new_items,
            self.pages,
            self.unchanged,
            self.failures.len()
        )?;
        for (what, why) in &self.failures {
            writeln!(f, "  {what}: {why}")?;
        }
        Ok(())
    }
}

/// Feed addresses from a newsboat `urls` file (one a line, `#` comments, tags after the address
/// ignored) or from an OPML list. Lines that are not web addresses (newsboat's `query:` and
/// `exec:` feeds) are left out.
pub fn read_urls(text: &str) -> Vec<String> {
    if feed::sniff(text) == Some(feed::Kind::Opml) {
        return feed::opml_urls(text).unwrap_or_default();
    }
    text.lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(|u| u.trim_matches('"'))
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .map(str::to_string)
        .collect()
}

/// Fetches every feed in `urls` into the archive; `progress(done, total)` after each feed.
pub fn run(urls: &[String], opts: &Options, progress: &(dyn Fn(usize, usize) + Sync)) -> Summary {
    let mut summary = Summary { feeds: urls.len(), ..Summary::default() };
    if let Err(e) = std::fs::create_dir_all(&opts.archive) {
        summary.failures.push((opts.archive.display().to_string(), format!("cannot create the archive: {e}")));
        return summary;
    }
    let state_path = opts.archive.join(STATE_FILE);
    let (mut state, state_ok) = match read_state(&state_path) {
        Ok(s) => (s, true),
        Err(why) => {
            summary.failures.push((state_path.display().to_string(), format!("{why}; left as it is")));
            (BTreeMap::new(), false)
        }
    };
    let client = Client::new(opts.timeout, opts.limit);
    let done = AtomicUsize::new(0);
    // Items claimed in this run, so two feeds carrying one item (a feed and its old address)
    // fetch and store it once.
    let claimed = Mutex::new(HashSet::new());
    let pool = rayon::ThreadPoolBuilder::new().num_threads(opts.jobs.max(1)).build();
    let one = |url: &String| {
        let result = fetch_feed(&client, url, state.get(url).cloned().unwrap_or_default(), &opts.archive, &claimed);
        progress(done.fetch_add(1, Ordering::Relaxed) + 1, urls.len());
        (url.clone(), result)
    };
    let results: Vec<(String, FeedResult)> = match pool {
        Ok(pool) => pool.install(|| urls.par_iter().map(one).collect()),
        Err(_) => urls.iter().map(one).collect(),
    };
    for (url, r) in results {
        summary.new_items += r.new_items;
        summary.pages += r.pages;
        summary.unchanged += usize::from(r.unchanged);
        summary.failures.extend(r.failures);
        if let Some(v) = r.validators {
            state.insert(url, v);
        }
    }
    if state_ok {
        let json = serde_json::to_vec_pretty(&state).unwrap_or_default();
        if let Err(e) = write_atomic(&state_path, &json) {
            summary.failures.push((state_path.display().to_string(), format!("cannot save: {e}")));
        }
    }
    summary
}

#[derive(Default)]
struct FeedResult {
    new_items: usize,
    pages: usize,
    unchanged: bool,
    failures: Vec<(String, String)>,
    validators: Option<Validators>,
}

fn fetch_feed(
    client: &Client,
    url: &str,
    validators: Validators,
    archive: &Path,
    claimed: &Mutex<HashSet<PathBuf>>,
) -> FeedResult {
    let mut r = FeedResult::default();
    let (bytes, validators) = match client.get(url, &validators) {
        Ok(Got::Unchanged) => {
            r.unchanged = true;
            return r;
        }
        Ok(Got::Body { bytes, validators }) => (bytes, validators),
        Err(why) => {
            r.failures.push((url.to_string(), why));
            return r;
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    if feed::sniff(&text) != Some(feed::Kind::Feed) {
        r.failures.push((url.to_string(), "not a feed (RSS, Atom or JSON Feed)".to_string()));
        return r;
    }
    let items = match crate::guard::catch(|| feed::items(url, &text)).and_then(|i| i) {
        Ok(items) => items,
        Err(why) => {
            r.failures.push((url.to_string(), why));
            return r;
        }
    };
    let folder = archive.join(slug(host(url), 60));
    if let Err(e) = std::fs::create_dir_all(&folder) {
        r.failures.push((folder.display().to_string(), format!("cannot create: {e}")));
        return r;
    }
    let mut stored = stored_keys(&folder);
    for item in items {
        let key = format!("{:016x}", fnv(&item.id));
        let first_claim = claimed.lock().map(|mut c| c.insert(folder.join(&key))).unwrap_or(true);
        if !stored.insert(key.clone()) || !first_claim {
            continue;
        }
        let mut note = item.note.get(..item.body_at).unwrap_or(&item.note).to_string();
        let mut full_page = false;
        match page_body(client, &item.link) {
            Some(Ok(body)) => {
                note.push_str(&body);
                full_page = true;
            }
            Some(Err(why)) => {
                r.failures.push((item.link.clone(), why));
                note.push_str(item.note.get(item.body_at..).unwrap_or(""));
            }
            None => note.push_str(item.note.get(item.body_at..).unwrap_or("")),
        }
        let title = note.lines().find_map(|l| l.strip_prefix("# ")).unwrap_or("item");
        let path = folder.join(format!("{}-{key}.md", slug(title, 50)));
        match write_new(&path, note.as_bytes()) {
            Ok(true) => {
                r.new_items += 1;
                r.pages += usize::from(full_page);
            }
            // Stored meanwhile from another feed carrying the same item.
            Ok(false) => {}
            Err(e) => r.failures.push((path.display().to_string(), format!("cannot write: {e}"))),
        }
    }
    r.validators = Some(validators);
    r
}

/// The article text of an item's page; `None` when the item links nowhere fetchable.
fn page_body(client: &Client, link: &str) -> Option<Result<String, String>> {
    if !(link.starts_with("http://") || link.starts_with("https://")) {
        return None;
    }
    Some(match client.get(link, &Validators::default()) {
        Ok(Got::Body { bytes, .. }) => {
            let text = String::from_utf8_lossy(&bytes);
            match crate::guard::catch(|| html::extract(&text)) {
                Ok(page) if !page.whole_page && !page.body.trim().is_empty() => Ok(page.body),
                Ok(_) => Err("no article found in the page: the feed's text is kept".to_string()),
                Err(why) => Err(format!("could not read the page: {why}")),
            }
        }
        Ok(Got::Unchanged) => Err("the server answered 304 to a plain request".to_string()),
        Err(why) => Err(why),
    })
}

/// The keys of the items already in a feed's folder (the last part of each note's name).
fn stored_keys(folder: &Path) -> HashSet<String> {
    let Ok(entries) = std::fs::read_dir(folder) else { return HashSet::new() };
    entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let stem = name.strip_suffix(".md")?;
            stem.rsplit('-').next().map(str::to_string)
        })
        .collect()
}

fn read_state(path: &Path) -> Result<BTreeMap<String, Validators>, String> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| format!("unreadable: {e}")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeMap::new()),
        Err(e) => Err(format!("unreadable: {e}")),
    }
}

/// Writes to a temporary file beside `path`, then renames it over `path`: a reader sees the old
/// file or the new one, never a half-written one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    written_beside(path, bytes)?.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// [`write_atomic`] for a file that must not exist yet: `Ok(false)` when it does.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<bool> {
    match written_beside(path, bytes)?.persist_noclobber(path) {
        Ok(_) => Ok(true),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e.error),
    }
}

/// `bytes` in a synced temporary file in `path`'s folder, ready to be renamed to `path`.
fn written_beside(path: &Path, bytes: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    use std::io::Write;
    let mut tmp = tempfile::NamedTempFile::new_in(path.parent().unwrap_or(Path::new(".")))?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or(rest).trim_start_matches("www.")
}

/// A file name from free text: lower-case letters and digits joined by single dashes.
fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if out.len() + word.len() >= max {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    if out.is_empty() {
        "item".to_string()
    } else {
        out
    }
}

/// FNV-1a: a hash that stays the same across Rust versions, so names in the archive do too.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_urls_file_in_newsboat_form() {
        let urls = "# my feeds\nhttps://a.test/rss news \"~Local\"\n\n\"query:Unread:unread = \\\"yes\\\"\"\nhttp://b.test/atom\n";
        assert_eq!(read_urls(urls), ["https://a.test/rss", "http://b.test/atom"]);
        let opml = r#"<opml version="2.0"><body><outline text="A" xmlUrl="https://a.test/rss"/></body></opml>"#;
        assert_eq!(read_urls(opml), ["https://a.test/rss"]);
    }

    #[test]
    fn names_in_the_archive() {
        assert_eq!(slug("Port of Eastfield: reopens!", 50), "port-of-eastfield-reopens");
        assert_eq!(slug("…", 50), "item");
        assert_eq!(host("https://www.post.test:8080/rss?x=1"), "post.test:8080");
        assert_eq!(fnv("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
