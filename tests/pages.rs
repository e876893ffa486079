//! Scraped pages in the shapes byline meets on the web (menus, browser titles, bylines of every
//! form, captions, share rows, widget remnants, trailers) read as `tests/fixtures/pages.json`
//! says: the headline, the publication date, the body from its first to its last sentence, and
//! the page furniture removed and kept. The pages are invented; each stands for a pattern seen
//! across real sites.

mod common;

use byline::article::Article;
use common::fold;
use serde_json::Value;
use std::path::PathBuf;

fn fixtures() -> (Vec<Article>, Vec<Value>) {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pages"));
    let loaded = byline::load::load_paths(&[dir]).expect("fixture folder");
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let gold =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pages.json")).expect("pages gold");
    let gold: Vec<Value> = serde_json::from_str(&gold).expect("pages gold is JSON");
    assert_eq!(loaded.articles.len(), gold.len(), "one reading per fixture page");
    (loaded.articles, gold)
}

/// Each fixture's article with its expected reading.
fn pairs() -> Vec<(Article, Value)> {
    let (articles, gold) = fixtures();
    gold.into_iter()
        .map(|g| {
            let file = g["file"].as_str().expect("file name");
            let a = articles.iter().find(|a| a.file_name() == file).cloned();
            (a.unwrap_or_else(|| panic!("{file} not read")), g)
        })
        .collect()
}

/// Runs `check` on every page and fails with all the pages it finds wrong, not just the first.
fn all_pages(check: impl Fn(&Article, &Value) -> Option<String>) {
    let wrong: Vec<String> =
        pairs().iter().filter_map(|(a, g)| check(a, g).map(|w| format!("{}: {w}", a.path))).collect();
    assert!(wrong.is_empty(), "{} pages read wrong:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn there_are_thirty_pages_or_more() {
    assert!(fixtures().1.len() >= 30);
}

#[test]
fn the_headline_is_the_title() {
    all_pages(|a, g| match g["title"].as_str() {
        Some(t) if fold(&a.title) == fold(t) && !a.title_derived => None,
        None if a.title_derived => None,
        _ => Some(format!("title {:?}, expected {}", a.title, g["title"])),
    });
}

#[test]
fn the_date_is_the_publication_date() {
    all_pages(|a, g| {
        let got = a.date.map(|d| d.format("%Y-%m-%d").to_string());
        (got.as_deref() != g["date"].as_str()).then(|| format!("date {got:?}, expected {}", g["date"]))
    });
}

/// The first or second paragraph (after a standfirst) opens the story, and the last one ends it.
#[test]
fn the_body_runs_from_the_first_sentence_to_the_last() {
    all_pages(|a, g| {
        let paras: Vec<String> = a.blocks.iter().map(|b| fold(&b.text)).collect();
        let start = fold(g["body_start"].as_str()?);
        let end = fold(g["body_end"].as_str()?);
        if !paras.iter().take(2).any(|p| p.contains(&start)) {
            return Some(format!("body starts {:?}", paras.first()));
        }
        (!paras.last()?.ends_with(&end)).then(|| format!("body ends {:?}", paras.last()))
    });
}

#[test]
fn furniture_is_removed_and_kept() {
    all_pages(|a, g| {
        let paras: Vec<String> = a.blocks.iter().map(|b| fold(&b.text)).collect();
        let flat = paras.join(" ");
        let removed = fold(&a.removed.join(" "));
        g["boilerplate"].as_array()?.iter().filter_map(Value::as_str).map(fold).find_map(|line| {
            if flat.contains(&line) {
                Some(format!("kept {line:?}"))
            } else if !removed.contains(&line) {
                Some(format!("{line:?} lost: not in `removed`"))
            } else {
                None
            }
        })
    });
}

/// Nothing but furniture goes: every word of the page is in the body, the title or `removed`.
#[test]
fn nothing_is_lost() {
    all_pages(|a, _| {
        let raw = std::fs::read_to_string(&a.path).ok()?;
        let kept = fold(&format!(
            "{} {} {}",
            a.title,
            a.blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join(" "),
            a.removed.join(" ")
        ));
        raw.lines()
            .map(|l| fold(l.trim_start_matches(['•', ' '])))
            .filter(|l| !l.is_empty())
            .find(|l| !kept.contains(l.as_str()))
            .map(|l| format!("{l:?} is nowhere"))
    });
}
