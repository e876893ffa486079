//! Reading article files and turning them into [`Article`]s.
//!
//! Files come in, articles and problems go out. A bad file never stops the others: it becomes a
//! [`Problem`] naming its path and the reason, and everything else still opens.

#![deny(clippy::string_slice)]

mod decode;
pub mod feed;
pub mod frontmatter;
pub mod furniture;
pub mod html;
pub mod normalize;
pub mod title;
pub mod unicode;

use crate::article::Article;
use serde::Serialize;
use std::path::{Path, PathBuf};

pub use decode::Fallback;
pub use normalize::{normalize, normalize_as};

/// Files above this size are not articles; reading them would only stall the reader.
/// `--max-file-size` changes it for the whole run ([`set_max_file_bytes`]).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

static MAX_FILE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(MAX_FILE_BYTES);
static FOLLOW: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The size above which a file is listed as too large instead of read, for this run.
pub fn max_file_bytes() -> u64 {
    MAX_FILE.load(std::sync::atomic::Ordering::Relaxed)
}

/// Sets the size limit for this run (`--max-file-size`).
pub fn set_max_file_bytes(limit: u64) {
    MAX_FILE.store(limit, std::sync::atomic::Ordering::Relaxed);
}

/// Whether links to folders met while walking a folder are followed, for this run (`--follow`;
/// loops are then reported, not walked round).
pub fn set_follow_links(follow: bool) {
    FOLLOW.store(follow, std::sync::atomic::Ordering::Relaxed);
}

/// Extensions picked up when walking a folder, alone or before `.gz`. A file named on the
/// command line is read whatever its extension.
const ARTICLE_EXTENSIONS: [&str; 14] =
    ["txt", "md", "markdown", "text", "html", "htm", "xhtml", "shtml", "xml", "rss", "atom", "json", "opml", "gz"];

/// The bundled corpus, embedded at build time from `assets/articles/`.
const BUNDLED: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("empty file")]
    Empty,
    #[error("binary file, not text")]
    Binary,
    #[error("too large: {size} bytes (the limit is {limit} bytes; see --max-file-size)")]
    TooLarge { size: u64, limit: u64 },
    #[error("not a regular file (a pipe, socket or device): not read")]
    NotRegular,
    #[error("dangling link: its target does not exist")]
    DanglingLink,
    #[error("not a readable gzip file: {0}")]
    Gzip(std::io::Error),
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
}

/// Something the user should know about one file: it was skipped, or opened with a caveat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Problem {
    pub path: String,
    pub error: String,
}

#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
}

/// A path given by the user that does not exist: the one error that stops byline, because the
/// user surely mistyped it.
#[derive(Debug, thiserror::Error)]
#[error("{}: no such file or folder", .0.display())]
pub struct MissingPath(pub PathBuf);

/// The embedded articles, for `byline` with no argument.
pub fn bundled() -> Loaded {
    let mut loaded = Loaded::default();
    for (name, bytes) in BUNDLED {
        read_bytes(&format!("bundled/{name}"), bytes, &mut loaded);
    }
    loaded
}

/// The article files under the given paths, and the entries that could not be walked.
#[derive(Debug, Default)]
pub struct Found {
    pub files: Vec<PathBuf>,
    pub problems: Vec<Problem>,
}

/// Lists the article files of files and folders (folders recursively, in name order) without
/// reading them.
pub fn discover(paths: &[PathBuf]) -> Result<Found, MissingPath> {
    for p in paths {
        if std::fs::symlink_metadata(p).is_err() {
            return Err(MissingPath(p.clone()));
        }
    }
    let mut found = Found::default();
    for p in paths {
        if p.is_dir() {
            walk_dir(p, &mut found);
        } else {
            found.files.push(p.clone());
        }
    }
    // A file named twice (`byline a.txt a.txt`, or a file and its folder) is read once.
    let mut seen = std::collections::HashSet::new();
    found.files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    Ok(found)
}

/// Loads files and folders (folders recursively, in name order), reading files in parallel.
pub fn load_paths(paths: &[PathBuf]) -> Result<Loaded, MissingPath> {
    use rayon::prelude::*;
    let found = discover(paths)?;
    let results: Vec<Loaded> = found
        .files
        .par_iter()
        .map(|f| {
            let mut one = Loaded::default();
            load_file(f, &mut one);
            one
        })
        .collect();
    let mut loaded = Loaded { articles: Vec::new(), problems: found.problems };
    for r in results {
        loaded.articles.extend(r.articles);
        loaded.problems.extend(r.problems);
    }
    Ok(loaded)
}

/// Reads one file whole: the article, with any caveat, or why it was skipped.
pub fn read_file(path: &Path) -> Loaded {
    let mut one = Loaded::default();
    load_file(path, &mut one);
    one
}

/// Bytes read for a first look at a file: enough for the headline, dateline and first lines.
const HEAD_BYTES: usize = 1024;
/// Lines and bytes of the start that are normalised for that first look.
const HEAD_LINES: usize = 8;
const HEAD_TEXT: usize = 600;

/// A first look at an article from the start of its file, so a long list can be shown before
/// every file is read: title, date and source are right; the blocks are only the first few.
/// `None` when the start does not decode as text; reading the whole file says why.
pub fn read_head(path: &Path) -> Option<Article> {
    use std::io::Read;
    if !std::fs::metadata(path).ok()?.is_file() {
        return None;
    }
    let shown = path.display().to_string();
    if html::has_html_extension(&shown) {
        return page_head(path, &shown);
    }
    if is_gzip_name(&shown) {
        return None;
    }
    let mut buf = vec![0u8; HEAD_BYTES];
    let mut f = std::fs::File::open(path).ok()?;
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(_) => return None,
        }
    }
    buf.truncate(n);
    // The headline, dateline and standfirst stand in the first few lines: keep whole lines up
    // to a few hundred bytes, so that no word or character is split.
    let mut end = 0;
    for (k, line) in buf.split_inclusive(|&b| b == b'\n').enumerate() {
        if k >= HEAD_LINES || end >= HEAD_TEXT || (!line.ends_with(b"\n") && n == HEAD_BYTES) {
            break;
        }
        end += line.len();
    }
    if end == 0 {
        // One long first line: cut it at a space, which never falls inside a character.
        end = buf.iter().rposition(|&b| b == b' ').unwrap_or(n);
    }
    let (text, _) = decode::decode(&buf[..end]).ok()?;
    Some(normalize::header_only(&path.display().to_string(), &text))
}

/// What the list shows of a file before it is read whole: its first look, else its name.
pub fn first_look(path: &Path) -> Article {
    read_head(path).unwrap_or_else(|| {
        let name = path.display().to_string();
        let mut a = normalize(&name, "");
        a.title = path.file_name().map_or(name.clone(), |n| n.to_string_lossy().into_owned());
        a
    })
}

/// A whole article cut to what a first look holds: its headline and dates, and the start of
/// its text.
pub fn look_of(article: &Article) -> Article {
    let mut preview = String::new();
    for b in article.blocks.iter().filter(|b| b.kind != crate::article::BlockKind::Heading) {
        if preview.len() >= HEAD_TEXT {
            break;
        }
        if !preview.is_empty() {
            preview.push(' ');
        }
        preview.push_str(&b.text);
    }
    if preview.len() > HEAD_TEXT {
        let cut = crate::text::slice::floor(&preview, HEAD_TEXT);
        let cut = crate::text::slice::before(&preview, cut).rfind(' ').unwrap_or(cut);
        preview.truncate(cut);
    }
    let blocks = match preview.is_empty() {
        true => Vec::new(),
        false => vec![crate::article::Block::new(crate::article::BlockKind::Paragraph, preview)],
    };
    Article {
        path: article.path.clone(),
        title: article.title.clone(),
        title_derived: article.title_derived,
        date: article.date,
        updated: article.updated,
        source: article.source.clone(),
        section: article.section.clone(),
        url: article.url.clone(),
        blocks,
        removed: Vec::new(),
    }
}

/// A web page's first look: its `<title>`, which stands in the first few kilobytes.
fn page_head(path: &Path, shown: &str) -> Option<Article> {
    use std::io::Read;
    let mut head = Vec::new();
    std::fs::File::open(path).ok()?.take(PAGE_HEAD_BYTES).read_to_end(&mut head).ok()?;
    let title = html::title(&String::from_utf8_lossy(&head))?;
    let mut article = normalize::header_only(shown, "");
    article.title = title;
    article.title_derived = false;
    Some(article)
}

/// Bytes of a page read for its `<title>`.
const PAGE_HEAD_BYTES: u64 = 32 * 1024;

fn is_gzip_name(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".gz")
}

fn walk_dir(dir: &Path, found: &mut Found) {
    // Hidden files and folders (`.git`, byline's own `.fetch-state.json`) are not articles.
    let hidden = |e: &walkdir::DirEntry| e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
    let follow = FOLLOW.load(std::sync::atomic::Ordering::Relaxed);
    let mut walk =
        walkdir::WalkDir::new(dir).follow_links(true).sort_by_file_name().into_iter().filter_entry(|e| !hidden(e));
    while let Some(entry) = walk.next() {
        match entry {
            // A link to a folder inside the folder is not followed unless asked (`--follow`): it
            // may lead anywhere (`/`, a network mount), and what it holds is not what the user
            // asked to open.
            Ok(e) if e.file_type().is_dir() && e.depth() > 0 && e.path_is_symlink() && !follow => {
                walk.skip_current_dir();
                let error = "a link to a folder: not followed (give --follow, or open that folder itself)".to_string();
                found.problems.push(Problem { path: e.path().display().to_string(), error });
            }
            Ok(e) if e.file_type().is_dir() => {}
            Ok(e) if has_article_extension(e.path()) && !e.file_type().is_file() => found
                .problems
                .push(Problem { path: e.path().display().to_string(), error: LoadError::NotRegular.to_string() }),
            Ok(e) if has_article_extension(e.path()) => found.files.push(e.path().to_path_buf()),
            Ok(_) => {}
            Err(err) => {
                let path = err.path().map(Path::to_path_buf).unwrap_or_else(|| dir.to_path_buf());
                // A broken entry we would not have read anyway (an image, say) is not news.
                if err.loop_ancestor().is_none() && path.extension().is_some() && !has_article_extension(&path) {
                    continue;
                }
                let error = match err.io_error() {
                    Some(io) if io.kind() == std::io::ErrorKind::NotFound => LoadError::DanglingLink.to_string(),
                    Some(io) => format!("cannot read: {io}"),
                    None => err.to_string(),
                };
                found.problems.push(Problem { path: path.display().to_string(), error });
            }
        }
    }
}

fn has_article_extension(p: &Path) -> bool {
    let known = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
    };
    // `page.html.gz` is an article; `logs.tar.gz` is not.
    known(p) && (!is_gzip_name(&p.to_string_lossy()) || p.file_stem().is_some_and(|s| known(Path::new(s))))
}

fn load_file(path: &Path, loaded: &mut Loaded) {
    match read_regular(path) {
        Ok((_, bytes)) => read_bytes(&path.display().to_string(), &bytes, loaded),
        Err(problem) => loaded.problems.push(problem),
    }
}

/// The bytes of a regular file not too large to read, with what the file system says of it.
pub fn read_regular(path: &Path) -> Result<(std::fs::Metadata, Vec<u8>), Problem> {
    read_checked(path).map_err(|e| Problem { path: path.display().to_string(), error: e.to_string() })
}

fn read_checked(path: &Path) -> Result<(std::fs::Metadata, Vec<u8>), LoadError> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && path.is_symlink() => return Err(LoadError::DanglingLink),
        Err(e) => return Err(e.into()),
    };
    // Opening a named pipe waits for a writer forever; only regular files are opened.
    if !meta.is_file() {
        return Err(LoadError::NotRegular);
    }
    let limit = max_file_bytes();
    if meta.len() > limit {
        return Err(LoadError::TooLarge { size: meta.len(), limit });
    }
    let bytes = std::fs::read(path)?;
    Ok((meta, bytes))
}

/// The article of a file's bytes as if read from `path`, for tools that hold the bytes already.
pub fn from_bytes(path: &str, bytes: &[u8]) -> Loaded {
    let mut loaded = Loaded::default();
    read_bytes(path, bytes, &mut loaded);
    loaded
}

fn read_bytes(path: &str, bytes: &[u8], loaded: &mut Loaded) {
    let problem = |loaded: &mut Loaded, error: String| loaded.problems.push(Problem { path: path.to_string(), error });
    let (name, unzipped) = match path.len().checked_sub(3).filter(|_| is_gzip_name(path)) {
        Some(cut) => match gunzip(bytes) {
            Ok(b) => (path.get(..cut).unwrap_or(path), Some(b)),
            Err(e) => return problem(loaded, e.to_string()),
        },
        None => (path, None),
    };
    let bytes = unzipped.as_deref().unwrap_or(bytes);
    let (text, fallback) = match decode::decode_as(bytes, html::declared_charset) {
        Ok(t) => t,
        Err(e) => return problem(loaded, e.to_string()),
    };
    if let Some(how) = fallback {
        problem(
            loaded,
            match how {
                Fallback::Windows1252 => {
                    "not UTF-8: read as Windows-1252 (Latin-1); check accented letters".to_string()
                }
                Fallback::Utf16 => "UTF-16 text: converted to UTF-8".to_string(),
                Fallback::Declared(charset) => format!("{charset} text: converted to UTF-8"),
                Fallback::Guessed(charset) => {
                    format!("not UTF-8, no charset given: read as {charset}; check the letters")
                }
            },
        );
    }
    for (path, text, markdown) in notes(path, name, text, loaded) {
        match crate::guard::catch(|| normalize::normalize_as(&path, &text, markdown)) {
            Ok(article) => loaded.articles.push(article),
            Err(why) => {
                loaded
                    .problems
                    .push(Problem { path: path.clone(), error: format!("could not clean (shown as it is): {why}") });
                loaded.articles.push(plain(&path, &text));
            }
        }
    }
}

/// The text of each article in a file, by what the file is: a web page and each item of a feed
/// become Markdown notes; any other text is read as it is. `(path, text, is Markdown)`.
fn notes(path: &str, name: &str, text: String, loaded: &mut Loaded) -> Vec<(String, String, bool)> {
    let mut problem = |error: String| loaded.problems.push(Problem { path: path.to_string(), error });
    let feed = feed::sniff(&text);
    if feed.is_none() && (html::has_html_extension(name) || html::looks_like_html(&text)) {
        return match crate::guard::catch(|| html::extract(&text)) {
            Ok(page) => {
                if page.whole_page {
                    problem("no article found in the page: showing all of its text".to_string());
                }
                vec![(path.to_string(), page.note, true)]
            }
            Err(why) => {
                problem(format!("could not read the page (shown as it is): {why}"));
                vec![(path.to_string(), text, false)]
            }
        };
    }
    let read: Result<Vec<(String, String)>, String> = match feed {
        Some(feed::Kind::Feed) => crate::guard::catch(|| feed::items(path, &text))
            .and_then(|r| r)
            .map(|items| items.into_iter().map(|i| (i.path, i.note)).collect()),
        Some(feed::Kind::Opml) => crate::guard::catch(|| feed::subscriptions(&text))
            .and_then(|r| r)
            .map(|note| vec![(path.to_string(), note)]),
        None if feed::has_feed_extension(name) => Err("not a feed, list or page byline can read".to_string()),
        None => return vec![(path.to_string(), text, normalize::is_markdown(name))],
    };
    match read {
        Ok(items) if items.is_empty() => {
            problem("a feed with no items".to_string());
            Vec::new()
        }
        Ok(items) => items.into_iter().map(|(path, note)| (path, note, true)).collect(),
        Err(why) => {
            problem(why);
            Vec::new()
        }
    }
}

/// A gzipped file's content, refused past the size limit however small the file itself is.
fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, LoadError> {
    use std::io::Read;
    let mut out = Vec::new();
    let limit = max_file_bytes();
    flate2::read::GzDecoder::new(bytes).take(limit + 1).read_to_end(&mut out).map_err(LoadError::Gzip)?;
    if out.len() as u64 > limit {
        return Err(LoadError::TooLarge { size: out.len() as u64, limit });
    }
    Ok(out)
}

/// The text as it is, one block per paragraph, for an article the cleaning failed on: nothing
/// here can fail, so the user still reads what they saved.
fn plain(path: &str, text: &str) -> Article {
    use crate::article::{Block, BlockKind};
    let blocks: Vec<Block> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| Block::new(BlockKind::Paragraph, p))
        .collect();
    let title = blocks.first().map(|b| b.text.lines().next().unwrap_or("").to_string()).unwrap_or_default();
    Article {
        path: path.to_string(),
        title,
        title_derived: true,
        date: None,
        updated: None,
        source: None,
        section: None,
        url: None,
        blocks,
        removed: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_look_finds_the_title_and_date_from_the_start_of_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        let body = "A long paragraph of the story that goes on. ".repeat(100);
        std::fs::write(&path, format!("The headline of it\nOctober 24, 2025\n\n{body}\n")).unwrap();
        let head = read_head(&path).unwrap();
        assert_eq!(head.title, "The headline of it");
        assert_eq!(head.date, chrono::NaiveDate::from_ymd_opt(2025, 10, 24));
        let long_line = dir.path().join("b.txt");
        std::fs::write(&long_line, format!("Officials met in Oslo. {body}")).unwrap();
        assert!(read_head(&long_line).unwrap().title.starts_with("Officials met in Oslo"));
    }
}
