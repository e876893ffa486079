//! The article list: its order, its filter, and which article is selected.

use super::*;

impl State {
    /// Orders `sorted` by the sort order, then filters.
    pub(super) fn resort(&mut self) {
        let docs = &self.docs;
        let mut order: Vec<usize> = (0..docs.len()).collect();
        let title = |i: usize| docs[i].article.title.to_lowercase();
        match self.sort {
            SortOrder::Date => order.sort_by_cached_key(|&i| {
                let d = docs[i].article.date;
                (d.is_none(), std::cmp::Reverse(d), title(i))
            }),
            SortOrder::Title => order.sort_by_cached_key(|&i| title(i)),
            SortOrder::Source => order.sort_by(|&a, &b| {
                let (sa, sb) = (&docs[a].article.source, &docs[b].article.source);
                sb.is_some()
                    .cmp(&sa.is_some())
                    .then_with(|| sa.as_deref().map(str::to_lowercase).cmp(&sb.as_deref().map(str::to_lowercase)))
                    .then(docs[b].article.date.cmp(&docs[a].article.date))
            }),
        }
        self.sorted = order;
        self.refilter();
    }

    /// Applies the date filter to `sorted`, keeping the selected article if it is still shown.
    pub(super) fn refilter(&mut self) {
        self.shown = datefilter::apply(self.filter.as_ref(), &self.dates, &self.sorted);
        if !self.skipped.is_empty() {
            self.shown.retain(|i| !self.skipped.contains(i));
        }
        if self.text_filter.is_some() {
            let keep = self.text_shown();
            self.shown.retain(|&i| keep[i]);
        }
        self.position = vec![usize::MAX; self.docs.len()];
        for (pos, &doc) in self.shown.iter().enumerate() {
            self.position[doc] = pos;
        }
        self.recount_unread();
        if self.position.get(self.selected).is_none_or(|&p| p == usize::MAX) {
            if let Some(&first) = self.shown.first() {
                self.select(first);
            }
        }
    }

    pub(super) fn recount_unread(&mut self) {
        self.unread = self.shown.iter().filter(|&&d| !self.is_read(d)).count();
    }

    /// Entries of the list on screen (two lines each).
    pub(super) fn list_rows(&self) -> usize {
        (usize::from(self.areas().list.height.saturating_sub(2)) / 2).max(1)
    }

    /// Scrolls the list just enough to keep its cursor on screen, as less and vim do.
    pub(super) fn follow_list(&mut self) {
        let rows = self.list_rows();
        let cursor = self.cursor().unwrap_or(0);
        let last_top = self.shown.len().saturating_sub(rows);
        if cursor < self.list_top {
            self.list_top = cursor;
        } else if cursor >= self.list_top + rows {
            self.list_top = cursor + 1 - rows;
        }
        self.list_top = self.list_top.min(last_top);
    }

    /// `n` in the list: the next unread article after the cursor, round to the top.
    pub(super) fn next_unread(&mut self) {
        let n = self.shown.len();
        let from = self.cursor().map_or(0, |c| c + 1);
        let found = (0..n).map(|k| self.shown[(from + k) % n.max(1)]).find(|&d| !self.is_read(d));
        match found {
            Some(d) => {
                self.select(d);
                self.message = Some(format!("{} unread", self.unread));
            }
            None => self.message = Some("No unread articles".into()),
        }
    }

    /// `A`: every article the list shows marked read.
    pub(super) fn mark_all_read(&mut self) {
        let shown = self.shown.clone();
        let was = self.unread;
        for d in shown {
            self.set_read(d, true);
        }
        self.message = Some(format!("Marked {was} articles read"));
    }

    /// Lifts the filters that hide article `doc`, so that it can be opened from a window that
    /// lists every article. Says which were lifted: a filter is never cleared behind the user's back.
    pub(super) fn unhide(&mut self, doc: usize) -> Option<String> {
        if self.position.get(doc).is_some_and(|&p| p != usize::MAX) {
            return None;
        }
        let mut lifted = Vec::new();
        if self.filter.is_some() {
            lifted.push(format!("date filter “{}”", self.filter_text));
            self.filter = None;
            self.filter_text.clear();
        }
        if let Some(source) = self.text_filter.take() {
            lifted.push(format!("filter “{source}”"));
        }
        self.refilter();
        (!lifted.is_empty()).then(|| format!("{} cleared to show this article", lifted.join(" and ")))
    }

    /// Sets the filter from an expression; an invalid one says why and changes nothing.
    pub fn set_filter(&mut self, expr: &str) -> Result<(), String> {
        let filter = datefilter::parse(expr, self.today)?;
        self.filter = filter;
        self.filter_text = if filter.is_some() { expr.trim().to_string() } else { String::new() };
        self.refilter();
        Ok(())
    }

    /// Speaker labels of the current article: the name of each quotation's speaker above the
    /// block the quotation opens in, so that no quotation leaves its speaker to be guessed.
    pub fn labels(&self) -> Vec<(usize, String)> {
        let Some(doc) = self.current() else { return Vec::new() };
        let mut out: Vec<(usize, String)> = Vec::new();
        for q in &doc.analysis.quotes {
            if let Some(name) = &q.speaker {
                if !out.iter().rev().take_while(|(b, _)| *b == q.block).any(|(_, n)| n == name) {
                    out.push((q.block, name.clone()));
                }
            }
        }
        out
    }

    /// The current article's speakers in the order they are first quoted. A speaker's colour in
    /// the reader and the side panel is their place here ([`colour_in`]), so two speakers of one
    /// article never share a colour while the palette lasts, whatever the rest of the corpus holds.
    pub fn article_speakers(&self) -> std::rc::Rc<Vec<String>> {
        let key = (self.selected, self.generation);
        if let Some((k, v)) = self.speakers_of.borrow().as_ref() {
            if *k == key {
                return std::rc::Rc::clone(v);
            }
        }
        let mut out: Vec<String> = Vec::new();
        if let Some(doc) = self.current() {
            for name in doc.analysis.quotes.iter().filter_map(|q| q.speaker.as_deref()) {
                if !out.iter().any(|o| o == name) {
                    out.push(name.to_string());
                }
            }
        }
        let out = std::rc::Rc::new(out);
        // Made once per article: the reader and the side panel ask on every frame.
        *self.speakers_of.borrow_mut() = Some((key, std::rc::Rc::clone(&out)));
        out
    }

    pub(super) fn select(&mut self, i: usize) {
        let i = i.min(self.docs.len().saturating_sub(1));
        if i != self.selected {
            self.selected = i;
            self.scroll = 0;
            self.side_selected = 0;
            self.quote = None;
            self.mention = None;
            self.sentence = None;
            self.selecting = None;
            if let Some(q) = self.search.as_ref().map(|s| s.query.clone()) {
                self.search = self.run_search(&q);
            }
        }
    }
}

/// The colour of `name` among an article's speakers (see [`State::article_speakers`]).
pub fn colour_in(speakers: &[String], name: &str) -> Option<usize> {
    speakers.iter().position(|s| s == name)
}
