//! Which articles the list shows by what they are about and where they come from: the text
//! filter (title, source, speakers, names), and `o`, which asks for the article's link (or its
//! file) to be opened outside byline.

use super::{Doc, Effect, State};
use crate::search;

impl State {
    /// Shows only articles whose title, source, speakers or named people, organisations and
    /// places contain `text` (case, accents and typography folded as search folds them): with
    /// the date filter this answers "which articles quote Jane Roe in March". Empty shows all
    /// again; words no article has say so and change nothing.
    pub fn set_text_filter(&mut self, text: &str) -> Result<(), String> {
        let text = text.trim();
        if text.is_empty() {
            self.text_filter = None;
        } else {
            let wanted = search::folded(text);
            if !self.docs.iter().any(|d| mentions(d, &wanted)) {
                return Err(format!("no article has “{text}” in its title, source, speakers or names"));
            }
            self.text_filter = Some(text.to_string());
        }
        self.refilter();
        Ok(())
    }

    /// Which articles pass the text filter, by index.
    pub(super) fn text_shown(&self) -> Vec<bool> {
        let wanted = self.text_filter.as_deref().map(search::folded);
        self.docs.iter().map(|d| wanted.as_deref().is_none_or(|w| mentions(d, w))).collect()
    }

    /// Asks for the selected article's link to be opened, else its file (without a feed item's
    /// `#n`); the terminal loop does the opening, so the state stays pure.
    pub fn request_open(&mut self) {
        let Some(doc) = self.current() else { return };
        let a = &doc.article;
        let target = match a.url.as_deref().filter(|u| u.starts_with("http://") || u.starts_with("https://")) {
            Some(url) => url.to_string(),
            None if a.path.starts_with("bundled/") => {
                self.message = Some("This article has no link and no file of its own".into());
                return;
            }
            None => a.path.rsplit_once('#').map_or(a.path.as_str(), |(file, _)| file).to_string(),
        };
        self.message = Some(format!("Opening {target}"));
        self.effects.push(Effect::Open(target));
    }
}

/// Whether the article's title, source, a speaker or a name holds `wanted` (already folded).
fn mentions(d: &Doc, wanted: &str) -> bool {
    let a = &d.article;
    let names = d.analysis.entities.entities.iter().filter(|e| e.kind.is_named()).map(|e| e.name.as_str());
    let speakers = d.analysis.quotes.iter().filter_map(|q| q.speaker.as_deref());
    [a.title.as_str(), a.source.as_deref().unwrap_or("")]
        .into_iter()
        .chain(speakers)
        .chain(names)
        .any(|field| search::folded(field).contains(wanted))
}

/// The program that opens links and files: `$BYLINE_OPENER`, else the system's.
pub fn opener() -> String {
    std::env::var("BYLINE_OPENER").ok().filter(|o| !o.trim().is_empty()).unwrap_or_else(|| {
        if cfg!(target_os = "macos") {
            "open".to_string()
        } else {
            "xdg-open".to_string()
        }
    })
}

#[cfg(test)]
mod tests {
    use crate::state::{update, Action, Effect, State};

    fn state() -> State {
        let note = |src: &str, title: &str, url: &str| {
            format!("---\nsource: {src}\nurl: {url}\n---\n# {title}\n\nText of {title}.\n")
        };
        let articles = vec![
            crate::load::normalize_as(
                "feeds/a.xml#1",
                &note("Harbour Post", "Fleet ashore", "https://post.test/fleet"),
                true,
            ),
            crate::load::normalize_as("feeds/b.xml#2", &note("Valley Wire", "Dam cracks", "none"), true),
            crate::load::normalize_as(
                "c.md",
                "---\nsource: Valley Wire\ndate: 2025-03-04\n---\n# Council vote\n\n\
                 “The vote was close,” said José Núñez, the mayor. Residents met at the \
                 Harbour Trust offices in Lisbon.\n",
                true,
            ),
        ];
        State::new(crate::load::Loaded { articles, problems: vec![] })
    }

    fn shown_titles(s: &State) -> Vec<&str> {
        let mut t: Vec<&str> = s.shown.iter().map(|&i| s.docs[i].article.title.as_str()).collect();
        t.sort_unstable();
        t
    }

    #[test]
    fn the_list_filters_by_title_source_speaker_and_name_and_a_miss_changes_nothing() {
        let mut s = state();
        assert_eq!(s.set_text_filter("harbour post"), Ok(()));
        assert_eq!(shown_titles(&s), ["Fleet ashore"], "by source");
        assert_eq!(s.set_text_filter("dam"), Ok(()));
        assert_eq!(shown_titles(&s), ["Dam cracks"], "by title");
        assert_eq!(s.set_text_filter("Jose Nunez"), Ok(()));
        assert_eq!(shown_titles(&s), ["Council vote"], "by speaker, accents folded");
        assert_eq!(s.set_text_filter("lisbon"), Ok(()));
        assert_eq!(shown_titles(&s), ["Council vote"], "by a place it names");
        assert_eq!(s.set_text_filter("harbour"), Ok(()));
        assert_eq!(shown_titles(&s), ["Council vote", "Fleet ashore"], "a source and a name");
        // With the date filter: who was quoted when.
        s.set_filter("2025-03").unwrap();
        s.set_text_filter("Núñez").unwrap();
        assert_eq!(shown_titles(&s), ["Council vote"]);
        s.set_filter("").unwrap();
        assert!(s.set_text_filter("Gazette").unwrap_err().contains("Gazette"));
        assert_eq!(shown_titles(&s), ["Council vote"], "unchanged");
        s.set_text_filter("").unwrap();
        assert_eq!(s.shown.len(), 3);
    }

    #[test]
    fn o_asks_to_open_the_link_else_the_file() {
        let mut s = state();
        let fleet = s.shown.iter().position(|&i| s.docs[i].article.title == "Fleet ashore").unwrap();
        update(&mut s, Action::Top);
        for _ in 0..fleet {
            update(&mut s, Action::Down);
        }
        assert_eq!(update(&mut s, Action::OpenLink), [Effect::Open("https://post.test/fleet".into())]);
        update(&mut s, if fleet == 0 { Action::Down } else { Action::Up });
        assert_eq!(update(&mut s, Action::OpenLink), [Effect::Open("feeds/b.xml".into())]);
    }
}
