//! Where articles come from: the list filtered by source (a feed, a site, a paper), and `o`,
//! which asks for the article's link (or its file) to be opened outside byline.

use super::State;

impl State {
    /// Shows only articles whose source contains `text` (any case); empty shows all again. A
    /// source no article has says so and changes nothing.
    pub fn set_source_filter(&mut self, text: &str) -> Result<(), String> {
        let text = text.trim();
        if text.is_empty() {
            self.source_filter = None;
        } else {
            let wanted = text.to_lowercase();
            if !self.docs.iter().any(|d| from_source(d.article.source.as_deref(), &wanted)) {
                return Err(format!("no article from a source matching “{text}”"));
            }
            self.source_filter = Some(text.to_string());
        }
        self.refilter();
        Ok(())
    }

    /// Which articles pass the source filter, by index.
    pub(super) fn source_shown(&self) -> Vec<bool> {
        let wanted = self.source_filter.as_deref().map(str::to_lowercase);
        self.docs
            .iter()
            .map(|d| wanted.as_deref().is_none_or(|w| from_source(d.article.source.as_deref(), w)))
            .collect()
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
        self.open_request = Some(target);
    }
}

fn from_source(source: Option<&str>, wanted: &str) -> bool {
    source.is_some_and(|s| s.to_lowercase().contains(wanted))
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
    use crate::state::{update, Action, State};

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
        ];
        State::new(crate::load::Loaded { articles, problems: vec![] })
    }

    #[test]
    fn the_list_filters_by_source_and_a_bad_source_changes_nothing() {
        let mut s = state();
        assert_eq!(s.set_source_filter("harbour"), Ok(()));
        assert_eq!(s.shown.len(), 1);
        assert_eq!(s.docs[s.shown[0]].article.title, "Fleet ashore");
        assert!(s.set_source_filter("Gazette").unwrap_err().contains("Gazette"));
        assert_eq!(s.shown.len(), 1, "unchanged");
        s.set_source_filter("").unwrap();
        assert_eq!(s.shown.len(), 2);
    }

    #[test]
    fn o_asks_to_open_the_link_else_the_file() {
        let mut s = state();
        let fleet = s.shown.iter().position(|&i| s.docs[i].article.title == "Fleet ashore").unwrap();
        update(&mut s, Action::Top);
        for _ in 0..fleet {
            update(&mut s, Action::Down);
        }
        update(&mut s, Action::OpenLink);
        assert_eq!(s.open_request.as_deref(), Some("https://post.test/fleet"));
        update(&mut s, if fleet == 0 { Action::Down } else { Action::Up });
        update(&mut s, Action::OpenLink);
        assert_eq!(s.open_request.as_deref(), Some("feeds/b.xml"));
    }
}
