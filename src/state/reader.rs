//! The reader pane: the article laid out at the pane's width, scrolling, and search.

use super::*;

impl State {
    pub fn areas(&self) -> Areas {
        Areas::new(self.screen)
    }

    /// The current article laid out at the reader's width.
    pub fn reader_lines(&self) -> std::rc::Rc<layout::Wrapped> {
        let width = self.areas().reader_text().width;
        let key = (self.selected, width, self.generation);
        if let Some((k, w)) = self.wrapped.borrow().as_ref() {
            if *k == key {
                return std::rc::Rc::clone(w);
            }
        }
        let w = std::rc::Rc::new(match self.current() {
            Some(d) => layout::Wrapped::new(&d.article, width, &self.labels()),
            None => layout::Wrapped::default(),
        });
        *self.wrapped.borrow_mut() = Some((key, std::rc::Rc::clone(&w)));
        w
    }

    pub(super) fn reader_height(&self) -> usize {
        usize::from(self.areas().reader_text().height.max(1))
    }

    pub(super) fn max_scroll(&self) -> usize {
        self.reader_lines().lines.len().saturating_sub(self.reader_height())
    }

    pub(super) fn scroll_to(&mut self, line: usize) {
        self.scroll = line.min(self.max_scroll());
    }

    /// Scrolls so that `line` is on screen, a few lines below the top when it was not.
    pub(super) fn reveal(&mut self, line: usize) {
        let h = self.reader_height();
        if line < self.scroll || line >= self.scroll + h {
            self.scroll_to(line.saturating_sub(h / 4));
        }
    }

    pub(super) fn reveal_text(&mut self, block: usize, at: usize) {
        if let Some(line) = self.reader_lines().line_of(block, at) {
            self.reveal(line);
        }
    }

    pub(super) fn run_search(&self, query: &str) -> Option<Search> {
        let doc = self.current()?;
        Some(Search { query: query.to_string(), matches: search::find_in_article(&doc.article, query), current: 0 })
    }

    pub(super) fn go_to_match(&mut self, forward: bool, announce_wrap: bool) {
        let Some(s) = &mut self.search else {
            self.message = Some("No search yet: press / to search".into());
            return;
        };
        if s.matches.is_empty() {
            self.message = Some(format!("“{}” is not in this article", s.query));
            return;
        }
        let n = s.matches.len();
        let was = s.current;
        s.current = if forward { (s.current + 1) % n } else { (s.current + n - 1) % n };
        let m = s.matches[s.current].clone();
        // Like less and vim, say when the search went round the end of the article.
        let wrapped = match (announce_wrap, forward) {
            (false, _) => "",
            (true, true) if s.current <= was && n > 1 => " (wrapped to the top)",
            (true, false) if s.current >= was && n > 1 => " (wrapped to the bottom)",
            _ => "",
        };
        let msg = format!("Match {} of {} for “{}”{wrapped}", s.current + 1, n, s.query);
        self.message = Some(msg);
        self.reveal_text(m.block, m.range.start);
    }

    pub(super) fn move_by(&mut self, delta: isize) {
        if let Some(max) = self.overlay_max_scroll() {
            self.overlay_scroll = self.overlay_scroll.min(max).saturating_add_signed(delta).min(max);
            return;
        }
        if self.overlay == Some(Overlay::Highlights) {
            let last = self.placed.len().saturating_sub(1);
            self.highlight_row = self.highlight_row.saturating_add_signed(delta).min(last);
            return;
        }
        if self.overlay == Some(Overlay::Speakers) {
            let len = self.corpus_len();
            let row = match self.corpus.speaker {
                Some(_) => &mut self.corpus.quote_row,
                None => &mut self.corpus.speaker_row,
            };
            *row = row.saturating_add_signed(delta).min(len.saturating_sub(1));
            return;
        }
        match self.focus {
            Pane::List => {
                if let Some(last) = self.shown.len().checked_sub(1) {
                    let pos = self.cursor().unwrap_or(0).saturating_add_signed(delta).min(last);
                    self.select(self.shown[pos]);
                }
            }
            Pane::Reader => self.scroll_to(self.scroll.saturating_add_signed(delta)),
            Pane::Side => {
                let last = self.side_rows().len().saturating_sub(1);
                self.side_selected = self.side_selected.saturating_add_signed(delta).min(last);
            }
        }
    }

    /// How far the help or problems window can scroll, when one of them is open: as far as
    /// the view draws it (`view::overlay`), with one line for each entry.
    fn overlay_max_scroll(&self) -> Option<usize> {
        match self.overlay {
            Some(Overlay::Help) => {
                let lines = crate::keys::BINDINGS.len() + 2;
                let height = u16::try_from(lines + 2).unwrap_or(u16::MAX).min(self.screen.height);
                Some(layout::window_scroll(height, lines))
            }
            Some(Overlay::Problems) => {
                let window = layout::problems_window(self.screen);
                let lines = layout::problem_lines(&self.problems, window).len().max(1) + 2;
                Some(layout::window_scroll(window.height, lines))
            }
            _ => None,
        }
    }

    pub(super) fn page(&self) -> isize {
        if matches!(self.overlay, Some(Overlay::Help | Overlay::Problems)) {
            let h = usize::from(self.screen.height.saturating_sub(6));
            return isize::try_from(h.max(1)).unwrap_or(1);
        }
        let h = match self.focus {
            Pane::Reader => self.reader_height(),
            Pane::List => usize::from(self.areas().list.height.saturating_sub(2)) / 2,
            Pane::Side => usize::from(self.areas().side.height.saturating_sub(2)),
        };
        isize::try_from(h.saturating_sub(1).max(1)).unwrap_or(1)
    }
}
