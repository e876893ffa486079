//! Reading a large folder in the background while the list is already on screen.
//!
//! The list first shows a look at the start of every file (see [`load::read_head`]). This
//! thread then reads each file whole, normalises and analyses it on every core, joins names
//! across the corpus, and sends the finished articles to the event loop as actions, in batches,
//! with progress along the way. The user can read, search and quit meanwhile.

use crate::analysis::pipeline::{self, STAGES};
use crate::analysis::{entities, Analysis};
use crate::load;
use crate::load::Problem;
use crate::state::{Action, Doc};
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::mpsc::Sender;

/// Files handled between two progress reports.
const CHUNK: usize = 512;

/// Reads `files` whole in the background; the article of file `i` is sent as `Loaded((i, …))`,
/// the further articles of a feed with the numbers after the last file.
/// Stops early when the receiver is gone (byline quit).
pub fn start(files: Vec<PathBuf>, tx: Sender<Action>) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || run(&files, &tx))
}

fn run(files: &[PathBuf], tx: &Sender<Action>) {
    let total = files.len();
    // Phase one: read, normalise and find entities, reporting progress.
    let mut read: Vec<Option<(crate::article::Article, entities::Entities, bool)>> = Vec::with_capacity(total);
    // A feed holds many articles: the first takes its file's place, the others are numbered
    // after the last file, and the list grows to show them.
    let mut more = Vec::new();
    let first_stage = |a: crate::article::Article, problems: &mut Vec<Problem>| match STAGES.first(&a) {
        Ok(e) => (a, e, true),
        Err(p) => {
            problems.push(p);
            (a, entities::Entities::default(), false)
        }
    };
    for (c, chunk) in files.chunks(CHUNK).enumerate() {
        let results: Vec<load::Loaded> = chunk.par_iter().map(|f| load::read_file(f)).collect();
        let mut problems = Vec::new();
        let mut skipped = Vec::new();
        for r in results {
            problems.extend(r.problems);
            let mut articles = r.articles.into_iter();
            let article = articles.next();
            if article.is_none() {
                skipped.push(read.len());
            }
            read.push(article.map(|a| first_stage(a, &mut problems)));
            more.extend(articles.map(|a| Some(first_stage(a, &mut problems))));
        }
        let sent = tx.send(Action::LoadProgress((c * CHUNK + chunk.len()).min(total) / 2, total));
        if sent.is_err()
            || (!problems.is_empty() && tx.send(Action::LoadProblems(problems)).is_err())
            || (!skipped.is_empty() && tx.send(Action::Skipped(skipped)).is_err())
        {
            return;
        }
    }
    read.append(&mut more);
    // Names across the corpus, then quotations, whose speakers use the joined names.
    let mut ents: Vec<entities::Entities> =
        read.iter_mut().map(|r| r.as_mut().map(|(_, e, _)| std::mem::take(e)).unwrap_or_default()).collect();
    pipeline::join_names(&mut ents);
    let mut items: Vec<(usize, crate::article::Article, entities::Entities, bool)> =
        read.into_iter().zip(ents).enumerate().filter_map(|(i, (r, e))| r.map(|(a, _, ok)| (i, a, e, ok))).collect();
    let mut done = 0;
    while !items.is_empty() {
        let rest = items.split_off(items.len().min(CHUNK));
        let results: Vec<(usize, Doc, Option<Problem>)> = std::mem::replace(&mut items, rest)
            .into_par_iter()
            .map(|(i, article, entities, ok)| {
                let (analysis, problem) = match ok {
                    true => STAGES.second(&article, entities),
                    false => (Analysis { entities, quotes: Vec::new() }, None),
                };
                (i, Doc { article, analysis, ready: true }, problem)
            })
            .collect();
        let mut problems = Vec::new();
        let batch: Vec<(usize, Doc)> = results
            .into_iter()
            .map(|(i, d, p)| {
                problems.extend(p);
                (i, d)
            })
            .collect();
        done += batch.len();
        if (!problems.is_empty() && tx.send(Action::LoadProblems(problems)).is_err())
            || tx.send(Action::Loaded(batch)).is_err()
            || tx.send(Action::LoadProgress(total / 2 + done / 2, total)).is_err()
        {
            return;
        }
    }
    let _ = tx.send(Action::LoadDone);
}

/// Reads and analyses `paths` on the caller's thread (files a user asked for, few enough not
/// to need the background), with the problems met.
fn read_docs(paths: &[PathBuf]) -> Result<(Vec<Doc>, Vec<Problem>), String> {
    let mut loaded = load::load_paths(paths).map_err(|e| e.to_string())?;
    let analyses = crate::analysis::analyse_all(&loaded.articles, &mut loaded.problems);
    let docs =
        loaded.articles.into_iter().zip(analyses).map(|(article, analysis)| Doc { article, analysis, ready: true });
    Ok((docs.collect(), loaded.problems))
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
