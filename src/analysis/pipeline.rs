//! The one way articles are analysed, for export, the reader and the background loader alike.
//!
//! Two passes with a corpus step between them: each article's names and dates; then lone
//! surnames joined to the full names other articles give; then each article's quotations,
//! whose speakers use the joined names. Each article's pass runs under [`guard::catch`]: an
//! article the analysis fails on keeps what was found before the failure (or nothing), opens as
//! plain cleaned text, and is reported as a [`Problem`].

use super::{entities, quotes, text, Analysis, Entities};
use crate::article::Article;
use crate::guard;
use crate::load::Problem;
use rayon::prelude::*;

/// The stages, as plain functions so that a test can put a failing one in.
#[derive(Clone, Copy)]
pub struct Stages {
    pub entities: fn(&Article) -> Entities,
    pub quotes: fn(&Article, Entities) -> Analysis,
}

pub const STAGES: Stages = Stages { entities: find_entities, quotes: find_quotes };

fn find_entities(article: &Article) -> Entities {
    let words: Vec<_> = article.blocks.iter().map(|b| text::tokens(&b.text)).collect();
    let mut e = entities::find(article, &words);
    entities::resolve_dates(&mut e, article.date);
    e
}

fn find_quotes(article: &Article, entities: Entities) -> Analysis {
    let words: Vec<_> = article.blocks.iter().map(|b| text::tokens(&b.text)).collect();
    let quotes = quotes::find(article, &entities, &words);
    drop(words);
    finish(entities, quotes)
}

/// The analysis of an article from its joined names and its quotations (found now, or cached
/// when found with the same names): whoever is quoted is a person.
pub fn finish(mut entities: Entities, quotes: Vec<quotes::Quote>) -> Analysis {
    entities::people_who_speak(&mut entities, &quotes);
    Analysis { entities, quotes }
}

fn failed(article: &Article, why: String) -> Problem {
    Problem { path: article.path.clone(), error: format!("could not analyse (shown as plain text): {why}") }
}

impl Stages {
    /// The first pass over one article: its names and dates.
    pub fn first(&self, article: &Article) -> Result<Entities, Problem> {
        guard::catch(|| (self.entities)(article)).map_err(|why| failed(article, why))
    }

    /// The second pass: quotations and speakers. On failure the names stay, without quotations.
    pub fn second(&self, article: &Article, entities: Entities) -> (Analysis, Option<Problem>) {
        match guard::catch(|| (self.quotes)(article, entities)) {
            Ok(a) => (a, None),
            Err(why) => {
                let entities = self.first(article).unwrap_or_default();
                (Analysis { entities, quotes: Vec::new() }, Some(failed(article, why)))
            }
        }
    }

    /// Both passes over every article, in parallel, with the corpus step between them.
    /// Failures are added to `problems`; every article gets an analysis.
    pub fn all(&self, articles: &[Article], problems: &mut Vec<Problem>) -> Vec<Analysis> {
        let firsts: Vec<Result<Entities, Problem>> = articles.par_iter().map(|a| self.first(a)).collect();
        let mut ents = Vec::with_capacity(firsts.len());
        let mut ok = Vec::with_capacity(firsts.len());
        for r in firsts {
            ok.push(r.is_ok());
            match r {
                Ok(e) => ents.push(e),
                Err(p) => {
                    problems.push(p);
                    ents.push(Entities::default());
                }
            }
        }
        join_names(&mut ents);
        let seconds: Vec<(Analysis, Option<Problem>)> = articles
            .par_iter()
            .zip(ents)
            .zip(ok)
            .map(
                |((a, e), ok)| {
                    if ok {
                        self.second(a, e)
                    } else {
                        (Analysis { entities: e, quotes: Vec::new() }, None)
                    }
                },
            )
            .collect();
        seconds
            .into_iter()
            .map(|(a, p)| {
                problems.extend(p);
                a
            })
            .collect()
    }
}

/// What the corpus step did to each article's names: the names it changed (old, new, the
/// gender the new name brought). `None` when the step failed.
pub type Joins = Option<Vec<Vec<(String, String, Option<crate::analysis::lexicon::Gender>)>>>;

/// The corpus step: lone surnames joined to the full names the corpus knows. A failure here
/// leaves some names unjoined, which costs nothing else.
pub fn join_names(ents: &mut [Entities]) -> Joins {
    guard::catch(|| entities::resolve_across(ents)).ok()
}

/// Analyses every article; see [`Stages::all`].
pub fn analyse_all(articles: &[Article], problems: &mut Vec<Problem>) -> Vec<Analysis> {
    STAGES.all(articles, problems)
}

/// One article on its own, without the corpus step: for tests and tools.
pub fn analyse(article: &Article) -> Analysis {
    match STAGES.first(article) {
        Ok(e) => STAGES.second(article, e).0,
        Err(_) => Analysis::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boom(article: &Article, e: Entities) -> Analysis {
        assert!(!article.title.contains("Boom"), "injected failure");
        find_quotes(article, e)
    }

    #[test]
    fn an_article_the_analysis_fails_on_is_a_problem_and_the_others_are_analysed() {
        let good = crate::load::normalize("good.txt", "Good news\n\n“Yes,” said Jane Roe.\n");
        let bad = crate::load::normalize("bad.txt", "Boom headline\n\n“No,” said John Doe.\n");
        let stages = Stages { quotes: boom, ..STAGES };
        let mut problems = Vec::new();
        let out = stages.all(&[good, bad], &mut problems);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].quotes[0].speaker.as_deref(), Some("Jane Roe"));
        assert!(out[1].quotes.is_empty());
        assert!(out[1].entities.entities.iter().any(|e| e.name == "John Doe"), "names found before the failure stay");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "bad.txt");
        assert!(problems[0].error.starts_with("could not analyse") && problems[0].error.contains("injected failure"));
    }

    #[test]
    fn an_unrelated_article_does_not_change_another_articles_reading() {
        let text = "Mayor vows action\n\nHe said the House would vote. “We will act,” Dana Quill said.\n\n\
                    “Soon,” Quill added. Democratic leaders agreed.\n";
        let a = crate::load::normalize("a.txt", text);
        let other = crate::load::normalize(
            "b.txt",
            "Other news\n\nTom House and Virginia Democratic voters met Bo He. “No,” said Ann Quill.\n",
        );
        let alone = analyse(&a);
        let mut problems = Vec::new();
        let together = STAGES.all(&[a, other], &mut problems);
        assert_eq!(together[0].quotes, alone.quotes);
        let names = |an: &Analysis| an.entities.entities.iter().map(|e| e.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&together[0]), names(&alone));
    }
}
