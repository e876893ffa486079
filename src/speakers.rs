//! Every speaker across the corpus, with their quotations and the colour they are drawn in.
//!
//! Built once from the analysed articles. Colours here are handed out in order of how much each
//! speaker is quoted, so the most quoted voices get distinct colours in the corpus view and the
//! highlight list. The reader and the side panel colour by the article's own speakers instead
//! (`State::article_speakers`): there two voices of one article must never look alike.

use crate::analysis::Analysis;
use std::collections::HashMap;

/// Where a quotation is: article index and quote index within that article's analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteRef {
    pub doc: usize,
    pub quote: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub name: String,
    pub quotes: Vec<QuoteRef>,
    pub articles: usize,
    /// Index into the view's palette.
    pub colour: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Speakers {
    /// Most quoted first.
    pub list: Vec<Speaker>,
    by_name: HashMap<String, usize>,
}

impl Speakers {
    pub fn build<'a>(analyses: impl IntoIterator<Item = &'a Analysis>) -> Self {
        let mut by_name: HashMap<String, usize> = HashMap::new();
        let mut list: Vec<Speaker> = Vec::new();
        for (doc, a) in analyses.into_iter().enumerate() {
            for (quote, q) in a.quotes.iter().enumerate() {
                let Some(name) = &q.speaker else { continue };
                let i = *by_name.entry(name.clone()).or_insert_with(|| {
                    list.push(Speaker { name: name.clone(), quotes: Vec::new(), articles: 0, colour: 0 });
                    list.len() - 1
                });
                let s = &mut list[i];
                if s.quotes.last().is_none_or(|r| r.doc != doc) {
                    s.articles += 1;
                }
                s.quotes.push(QuoteRef { doc, quote });
            }
        }
        list.sort_by(|a, b| b.quotes.len().cmp(&a.quotes.len()).then_with(|| a.name.cmp(&b.name)));
        for (i, s) in list.iter_mut().enumerate() {
            s.colour = i;
        }
        let by_name = list.iter().enumerate().map(|(i, s)| (s.name.clone(), i)).collect();
        Speakers { list, by_name }
    }

    pub fn get(&self, name: &str) -> Option<&Speaker> {
        self.by_name.get(name).map(|&i| &self.list[i])
    }

    pub fn colour(&self, name: &str) -> Option<usize> {
        self.get(name).map(|s| s.colour)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{self, Quote};

    fn quote(speaker: Option<&str>) -> Quote {
        Quote {
            speaker: speaker.map(str::to_string),
            text: "x".into(),
            block: 0,
            partial: false,
            start: 0,
            end_block: 0,
            end: 1,
        }
    }

    #[test]
    fn speakers_are_counted_across_articles_most_quoted_first() {
        let a = analysis::Analysis {
            quotes: vec![quote(Some("A")), quote(Some("B")), quote(Some("B"))],
            ..Default::default()
        };
        let b =
            analysis::Analysis { quotes: vec![quote(Some("A")), quote(None), quote(Some("A"))], ..Default::default() };
        let s = Speakers::build([&a, &b]);
        let names: Vec<(&str, usize, usize)> =
            s.list.iter().map(|x| (x.name.as_str(), x.quotes.len(), x.articles)).collect();
        assert_eq!(names, [("A", 3, 2), ("B", 2, 1)]);
        assert_eq!(s.colour("A"), Some(0));
        assert_eq!(s.get("A").unwrap().quotes[1], QuoteRef { doc: 1, quote: 0 });
    }
}
