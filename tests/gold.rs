//! The bundled articles read as `tests/fixtures/seeds.json` says a correct reading reads them.
//!
//! Comparisons fold typography (curly and straight quotes, dashes, spaces) as the gold file's
//! scorer does, and nothing else.

use byline::article::{Article, BlockKind};
use serde_json::Value;

mod common;
use common::fold;

fn gold() -> Vec<Value> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds.json"))
        .expect("gold fixture");
    serde_json::from_str(&text).expect("gold fixture is JSON")
}

fn article_for(articles: &[Article], file: &str) -> Article {
    articles
        .iter()
        .find(|a| a.file_name() == file)
        .cloned()
        .unwrap_or_else(|| panic!("{file} is not among the bundled articles"))
}

fn paragraphs(a: &Article) -> Vec<String> {
    a.blocks.iter().map(|b| fold(&b.text)).collect()
}

#[test]
fn every_seed_is_bundled() {
    let loaded = byline::load::bundled();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.articles.len(), gold().len());
    for g in gold() {
        article_for(&loaded.articles, g["file"].as_str().unwrap());
    }
}

#[test]
fn titles_match_the_gold_reading() {
    let loaded = byline::load::bundled();
    for g in gold() {
        let a = article_for(&loaded.articles, g["file"].as_str().unwrap());
        match g["title"].as_str() {
            Some(t) => {
                assert_eq!(fold(&a.title), fold(t), "{}", a.path);
                assert!(!a.title_derived);
            }
            None => assert!(a.title_derived, "{}: no headline, so the title is derived", a.path),
        }
    }
}

#[test]
fn dates_match_the_gold_reading() {
    let loaded = byline::load::bundled();
    for g in gold() {
        let a = article_for(&loaded.articles, g["file"].as_str().unwrap());
        let got = a.date.map(|d| d.format("%Y-%m-%d").to_string());
        assert_eq!(got.as_deref(), g["date"].as_str(), "{}", a.path);
    }
}

#[test]
fn sources_and_sections_match_where_given() {
    let loaded = byline::load::bundled();
    for g in gold() {
        let a = article_for(&loaded.articles, g["file"].as_str().unwrap());
        if let Some(s) = g["source"].as_str() {
            assert_eq!(a.source.as_deref(), Some(s), "{}", a.path);
        }
        if let Some(s) = g["section"].as_str() {
            assert_eq!(a.section.as_deref(), Some(s), "{}", a.path);
        }
    }
}

/// The body holds the gold start before the gold end, and nothing after the end: what follows
/// the article is furniture. (A standfirst may stand before the first body paragraph.)
#[test]
fn the_body_starts_and_ends_where_the_article_does() {
    let loaded = byline::load::bundled();
    for g in gold() {
        let a = article_for(&loaded.articles, g["file"].as_str().unwrap());
        let paras = paragraphs(&a);
        let flat = paras.join(" ");
        let start = fold(g["body_start"].as_str().unwrap());
        let end = fold(g["body_end"].as_str().unwrap());
        let s = flat.find(&start).unwrap_or_else(|| panic!("{}: no body start", a.path));
        assert!(paras[..2.min(paras.len())].iter().any(|p| p.starts_with(&start)), "{}: body starts late", a.path);
        assert!(flat.rfind(&end).is_some_and(|e| e > s), "{}: no body end after the start", a.path);
        assert!(paras.last().unwrap().ends_with(&end), "{}: text after the end", a.path);
    }
}

#[test]
fn furniture_is_removed_and_kept() {
    let loaded = byline::load::bundled();
    for g in gold() {
        let a = article_for(&loaded.articles, g["file"].as_str().unwrap());
        let paras = paragraphs(&a);
        let flat = paras.join(" ");
        let removed = fold(&a.removed.join(" "));
        for line in g["boilerplate"].as_array().unwrap() {
            let line = fold(line.as_str().unwrap());
            assert!(!paras.contains(&line), "{}: kept {line:?}", a.path);
            assert!(line.len() <= 24 || !flat.contains(&line), "{}: kept {line:?}", a.path);
            assert!(removed.contains(&line), "{}: {line:?} is not in `removed`", a.path);
        }
    }
}

#[test]
fn headings_are_headings() {
    let loaded = byline::load::bundled();
    for g in gold() {
        let a = article_for(&loaded.articles, g["file"].as_str().unwrap());
        let headings: Vec<String> =
            a.blocks.iter().filter(|b| b.kind == BlockKind::Heading).map(|b| fold(&b.text)).collect();
        for h in g["headings"].as_array().into_iter().flatten() {
            let h = fold(h.as_str().unwrap());
            assert!(headings.contains(&h), "{}: {h:?} not a heading; headings are {headings:?}", a.path);
        }
    }
}

#[test]
fn hard_wrapped_lines_are_rejoined() {
    let loaded = byline::load::bundled();
    for g in gold() {
        let a = article_for(&loaded.articles, g["file"].as_str().unwrap());
        let paras = paragraphs(&a);
        for r in g["rejoined"].as_array().into_iter().flatten() {
            let r = fold(r.as_str().unwrap());
            assert!(paras.iter().any(|p| p.contains(&r)), "{}: {r:?} not rejoined", a.path);
        }
    }
}

/// Lower-case letters and digits only, as the gold scorer compares quotations and names.
fn key(s: &str) -> String {
    let folded = fold(s).to_lowercase();
    let spaced: String = folded.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A speaker matches the gold's when one holds the other, or when it holds the surname.
fn speaker_matches(got: &str, want: &[&str]) -> bool {
    let g = key(got);
    want.iter().map(|w| key(w)).any(|k| {
        g == k
            || g.contains(&k)
            || (g.len() > 3 && k.contains(&g))
            || (k.split(' ').count() >= 2 && k.rsplit(' ').next().is_some_and(|last| g.split(' ').any(|x| x == last)))
    })
}

fn analysed() -> Vec<(Article, byline::analysis::Analysis)> {
    let loaded = byline::load::bundled();
    let mut problems = Vec::new();
    let analyses = byline::analysis::analyse_all(&loaded.articles, &mut problems);
    assert!(problems.is_empty(), "{problems:?}");
    loaded.articles.into_iter().zip(analyses).collect()
}

#[test]
fn quotations_and_speakers_match_the_gold_reading() {
    let all = analysed();
    for g in gold() {
        let file = g["file"].as_str().unwrap();
        let (a, an) = all.iter().find(|(a, _)| a.file_name() == file).expect("bundled");
        let mut used = vec![false; an.quotes.len()];
        for gq in g["quotes"].as_array().into_iter().flatten() {
            let want = key(gq["text"].as_str().unwrap());
            let hit = an.quotes.iter().enumerate().position(|(i, q)| {
                let got = key(&q.text);
                !used[i] && (got.starts_with(&want) || got.get(..want.len() + 40).unwrap_or(&got).contains(&want))
            });
            let i = hit.unwrap_or_else(|| panic!("{}: quotation not found: {want:?}", a.path));
            used[i] = true;
            let q = &an.quotes[i];
            if let Some(end) = gq["ends_with"].as_str() {
                assert!(key(&q.text).ends_with(&key(end)), "{}: {want:?} is cut short: {:?}", a.path, q.text);
            }
            if let Some(kind) = gq["kind"].as_str() {
                assert_eq!(q.partial, kind == "partial", "{}: {want:?} is {kind}", a.path);
            }
            let mut names = vec![gq["speaker"].as_str()];
            names.extend(gq["speaker_alt"].as_array().into_iter().flatten().map(Value::as_str));
            let names: Vec<&str> = names.into_iter().flatten().collect();
            match (&q.speaker, names.is_empty()) {
                (None, true) => {}
                (Some(s), false) => assert!(speaker_matches(s, &names), "{}: {want:?} said by {s:?}", a.path),
                (got, _) => panic!("{}: {want:?} said by {got:?}, want {names:?}", a.path),
            }
        }
        let extra: Vec<&str> =
            an.quotes.iter().zip(&used).filter(|(_, u)| !**u).map(|(q, _)| q.text.as_str()).collect();
        assert!(extra.is_empty(), "{}: quotations the gold does not have: {extra:?}", a.path);
    }
}

#[test]
fn people_match_the_gold_reading() {
    let all = analysed();
    for g in gold() {
        let file = g["file"].as_str().unwrap();
        let (a, an) = all.iter().find(|(a, _)| a.file_name() == file).expect("bundled");
        let people: Vec<String> = an
            .entities
            .entities
            .iter()
            .filter(|e| e.kind == byline::analysis::EntityKind::Person)
            .map(|e| key(&e.name))
            .collect();
        for p in g["people"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            assert!(people.contains(&key(p)), "{}: {p} is a person; found {people:?}", a.path);
        }
        for p in g["not_people"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            assert!(!people.contains(&key(p)), "{}: {p} is not a person", a.path);
        }
    }
}
