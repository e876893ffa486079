//! The reader pane: the article laid out at the pane's width, scrolling, and search.

use super::*;

/// Lines kept between a quotation jumped to and the reader's edge.
const SCROLL_MARGIN: usize = 1;

impl State {
    pub fn areas(&self) -> Areas {
        let how = layout::Arrangement {
            wide: self.wide,
            list_focused: self.focus == Pane::List,
            side_focused: self.focus == Pane::Side,
            reading_width: self.reading_width,
            status_lines: self.status_lines(),
        };
        Areas::arrange(self.screen, how)
    }

    /// Lines the status bar needs. Asked on every layout, so a short message (no more bytes
    /// than columns) is answered without building the text.
    fn status_lines(&self) -> u16 {
        let short = self.message.as_deref().is_none_or(|m| m.len() + 40 <= usize::from(self.screen.width));
        if self.warning.is_none() && short {
            return 1;
        }
        layout::status_lines(&self.said(), self.screen.width)
    }

    /// What the status bar has to say besides where the reader is: the warning, then the
    /// message, as `view::status` writes them.
    pub fn said(&self) -> String {
        let warning = self.warning.as_deref().map(|w| format!("⚠ {w} (Esc to dismiss)"));
        let saving = self.saving.then(|| "saving…".to_string());
        [warning, saving, self.message.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ")
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

    /// Where the reader is, as text rather than as a wrapped line: the article, the reader's
    /// width, and the first text on screen (block, byte); `None` at the very top.
    pub(super) fn reading_anchor(&self) -> (usize, u16, Option<(usize, usize)>) {
        let width = self.areas().reader_text().width;
        if self.scroll == 0 {
            return (self.selected, width, None);
        }
        let lines = self.reader_lines();
        let at = lines.lines.iter().skip(self.scroll).find_map(|l| l.block.map(|b| (b, l.range.start)));
        (self.selected, width, at)
    }

    /// After the reader's width changed (a resize, a pane shown or hidden), scrolls back to the
    /// text that was at the top, so no one loses their place.
    pub(super) fn keep_anchor(&mut self, before: (usize, u16, Option<(usize, usize)>)) {
        let (doc, width, at) = before;
        if doc != self.selected || width == self.areas().reader_text().width {
            return;
        }
        let lines = self.reader_lines();
        let line = match at {
            // The speaker label above the block stays in view as before.
            Some((b, byte)) => lines.line_of(b, byte).map(|l| {
                let labels = lines.lines[..l].iter().rev().take_while(|x| x.label.is_some()).count();
                l - labels
            }),
            None => Some(0),
        };
        if let Some(line) = line {
            self.scroll_to(line);
        }
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

    /// Shows the text from `from` to `to` (block, byte) whole when it fits, else from its
    /// start, with a line of margin: a quotation jumped to is not left cut at the bottom edge.
    pub(super) fn reveal_span(&mut self, from: (usize, usize), to: (usize, usize)) {
        let lines = self.reader_lines();
        let (Some(first), Some(last)) = (lines.line_of(from.0, from.1), lines.line_of(to.0, to.1)) else {
            return self.reveal_text(from.0, from.1);
        };
        self.reveal(first);
        let h = self.reader_height();
        if last + SCROLL_MARGIN >= self.scroll + h {
            let whole = (last + SCROLL_MARGIN + 1).saturating_sub(h);
            self.scroll_to(whole.min(first.saturating_sub(SCROLL_MARGIN)).max(self.scroll));
        }
    }

    /// `zz`: the reader scrolls so that the sentence cursor (else the current quotation, else
    /// the current search match) is in the middle of the screen.
    pub(super) fn centre(&mut self) {
        let Some(doc) = self.current() else { return };
        let at = self
            .sentence
            .as_ref()
            .map(|(b, r)| (*b, r.start))
            .or_else(|| self.quote.and_then(|i| doc.analysis.quotes.get(i)).map(|q| (q.block, q.start)))
            .or_else(|| self.search.as_ref().and_then(|s| s.matches.get(s.current)).map(|m| (m.block, m.range.start)));
        let Some((b, byte)) = at else {
            self.message = Some("Nothing to centre: move the sentence cursor with J first".into());
            return;
        };
        if let Some(line) = self.reader_lines().line_of(b, byte) {
            self.scroll_to(line.saturating_sub(self.reader_height() / 2));
        }
    }

    /// Whether `line` is on screen in the reader.
    fn on_screen(&self, line: usize) -> bool {
        (self.scroll..self.scroll + self.reader_height()).contains(&line)
    }

    /// After the reader scrolled, a sentence cursor that left the screen comes back to its
    /// nearest edge (as vim's cursor does), and a current quotation out of sight is let go, so
    /// that `J`, `m` and `]` work from what the reader sees.
    fn follow_view(&mut self, down: bool) {
        let Some(doc) = self.current() else { return };
        let lines = self.reader_lines();
        let quote_gone = self.quote.is_some_and(|i| {
            let line = doc.analysis.quotes.get(i).and_then(|q| lines.line_of(q.block, q.start));
            !line.is_some_and(|l| self.on_screen(l))
        });
        let cursor_gone = self.sentence.as_ref().is_some_and(|(b, r)| {
            let line = lines.line_of(*b, r.start);
            !line.is_some_and(|l| self.on_screen(l))
        });
        let mut pick = None;
        if cursor_gone {
            let blocks = &doc.article.blocks;
            let mut on_screen_blocks: Vec<usize> = Vec::new();
            for b in lines.lines.iter().skip(self.scroll).take(self.reader_height()).filter_map(|l| l.block) {
                if on_screen_blocks.last() != Some(&b) {
                    on_screen_blocks.push(b);
                }
            }
            let mut visible = on_screen_blocks
                .into_iter()
                .flat_map(|b| highlights::sentences(&blocks[b].text).into_iter().map(move |r| (b, r)))
                .filter(|(b, r)| lines.line_of(*b, r.start).is_some_and(|l| self.on_screen(l)));
            pick = if down { visible.next() } else { visible.last() };
        }
        if quote_gone {
            self.quote = None;
        }
        if pick.is_some() {
            self.sentence = pick;
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
            Pane::Reader => {
                self.scroll_to(self.scroll.saturating_add_signed(delta));
                self.follow_view(delta > 0);
            }
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
                let lines = crate::keys::help_lines(&self.keymap).len() + 2;
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
