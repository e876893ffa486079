//! Quotations and speakers: stepping between them, the side panel's rows and the corpus view.

use super::*;

impl State {
    /// The side panel: the article's speakers with their quotation counts, then its entities
    /// by kind with their mention counts.
    pub fn side_rows(&self) -> Vec<SideRow> {
        let Some(doc) = self.current() else { return Vec::new() };
        let mut rows = Vec::new();
        let mut speakers: Vec<(String, usize)> = Vec::new();
        for q in &doc.analysis.quotes {
            if let Some(name) = &q.speaker {
                match speakers.iter_mut().find(|(n, _)| n == name) {
                    Some((_, c)) => *c += 1,
                    None => speakers.push((name.clone(), 1)),
                }
            }
        }
        if !speakers.is_empty() {
            speakers.sort_by_key(|s| std::cmp::Reverse(s.1));
            rows.push(SideRow::Heading("Speakers"));
            rows.extend(speakers.into_iter().map(|(name, quotes)| SideRow::Speaker { name, quotes }));
        }
        let ents = &doc.analysis.entities.entities;
        for kind in [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Place,
            EntityKind::Money,
            EntityKind::Date,
            EntityKind::Other,
        ] {
            let mut of_kind: Vec<usize> = (0..ents.len()).filter(|&i| ents[i].kind == kind).collect();
            if of_kind.is_empty() {
                continue;
            }
            of_kind.sort_by(|&a, &b| {
                ents[b].mentions.cmp(&ents[a].mentions).then_with(|| ents[a].name.cmp(&ents[b].name))
            });
            rows.push(SideRow::Heading(kind.label()));
            rows.extend(of_kind.into_iter().map(SideRow::Entity));
        }
        rows
    }

    /// Moves the reader to quotation `i` of the current article.
    pub(super) fn go_to_quote(&mut self, i: usize) {
        let Some(q) = self.current().and_then(|d| d.analysis.quotes.get(i)).cloned() else { return };
        self.quote = Some(i);
        self.focus = Pane::Reader;
        self.reveal_span((q.block, q.start), (q.end_block, q.end));
        // The sentence cursor follows, so that J and m work from the quotation.
        let text = self.current().map(|d| d.article.blocks[q.block].text.clone()).unwrap_or_default();
        self.sentence = highlights::sentences(&text)
            .into_iter()
            .find(|r| r.start <= q.start && q.start <= r.end)
            .map(|r| (q.block, r));
        let n = self.current().map_or(0, |d| d.analysis.quotes.len());
        let who = q.speaker.as_deref().unwrap_or("speaker unknown");
        self.message = Some(format!("Quote {} of {} · {who}", i + 1, n));
    }

    /// The first quotation at or below the top of the reader, for a jump with none current.
    pub(super) fn quote_near_view(&self, forward: bool) -> Option<usize> {
        let doc = self.current()?;
        let lines = self.reader_lines();
        let line_of = |i: usize| {
            let q = &doc.analysis.quotes[i];
            lines.line_of(q.block, q.start).unwrap_or(0)
        };
        let n = doc.analysis.quotes.len();
        if forward {
            (0..n).find(|&i| line_of(i) >= self.scroll)
        } else {
            (0..n).rev().find(|&i| line_of(i) < self.scroll + self.reader_height())
        }
    }

    pub(super) fn step_quote(&mut self, forward: bool) {
        let n = self.current().map_or(0, |d| d.analysis.quotes.len());
        if n == 0 {
            self.message = Some("No quotations in this article".into());
            return;
        }
        let next = match self.quote {
            Some(i) if forward => (i + 1 < n).then_some(i + 1),
            Some(i) => i.checked_sub(1),
            None => self.quote_near_view(forward),
        };
        match next {
            Some(i) => self.go_to_quote(i),
            None => {
                let which = if forward { "last" } else { "first" };
                self.message = Some(format!("This is the {which} quotation in this article"));
            }
        }
    }

    /// `}` / `{`: the next quotation by the current speaker, in this article or the next one
    /// that quotes them.
    pub(super) fn step_speaker(&mut self, forward: bool) {
        let here = self.quote.or_else(|| self.quote_near_view(forward));
        let Some(here) = here else {
            self.message = Some("No quotation here: use ] to pick one first".into());
            return;
        };
        let speaker = self.current().and_then(|d| d.analysis.quotes.get(here)).and_then(|q| q.speaker.clone());
        let Some(name) = speaker else {
            self.message = Some("This quotation has no known speaker".into());
            return;
        };
        if self.quote.is_none() {
            self.quote = Some(here);
        }
        let Some(mut list) = self.speakers.get(&name).map(|s| s.quotes.clone()) else { return };
        // In the order the list shows the articles; articles the filter hides are skipped.
        list.retain(|r| self.position[r.doc] != usize::MAX);
        list.sort_by_key(|r| (self.position[r.doc], r.quote));
        let me = QuoteRef { doc: self.selected, quote: here };
        let pos = list.iter().position(|r| *r == me);
        let target = match (pos, forward) {
            (Some(p), true) => list.get(p + 1).copied(),
            (Some(p), false) => p.checked_sub(1).and_then(|p| list.get(p).copied()),
            (None, _) => None,
        };
        match target {
            Some(r) => self.open_quote(r),
            None => {
                let which = if forward { "last" } else { "first" };
                self.message = Some(format!("This is the {which} quotation by {name}"));
            }
        }
    }

    /// Opens article `r.doc` in the reader at quotation `r.quote`.
    pub(super) fn open_quote(&mut self, r: QuoteRef) {
        let lifted = self.unhide(r.doc);
        self.select(r.doc);
        self.go_to_quote(r.quote);
        if let (Some(lifted), Some(m)) = (lifted, &mut self.message) {
            *m = format!("{m} · {lifted}");
        }
    }

    /// Enter on the side panel: a speaker's first quotation, or an entity's first mention.
    pub(super) fn open_side_row(&mut self) {
        let Some(row) = self.side_rows().get(self.side_selected).cloned() else { return };
        let Some(doc) = self.current() else { return };
        match row {
            SideRow::Heading(_) => {}
            SideRow::Speaker { name, .. } => {
                if let Some(i) = doc.analysis.quotes.iter().position(|q| q.speaker.as_deref() == Some(&name)) {
                    self.go_to_quote(i);
                }
            }
            SideRow::Entity(e) => {
                // Enter again on the same name goes on to its next mention, round to the first.
                let ents = &doc.analysis.entities;
                let at: Vec<(usize, usize)> =
                    ents.mentions.iter().filter(|m| m.entity == e).map(|m| (m.block, m.range.start)).collect();
                let k = match self.mention {
                    Some((was, k)) if was == e => (k + 1) % at.len().max(1),
                    _ => 0,
                };
                let name = ents.entities.get(e).map(|x| x.name.clone()).unwrap_or_default();
                if let Some(&(block, start)) = at.get(k) {
                    self.mention = Some((e, k));
                    self.reveal_text(block, start);
                    self.message = Some(format!("{name}: mention {} of {} · Enter for the next", k + 1, at.len()));
                }
            }
        }
    }

    pub(super) fn corpus_len(&self) -> usize {
        match self.corpus.speaker {
            Some(s) => self.speakers.list.get(s).map_or(0, |s| s.quotes.len()),
            None => self.corpus_rows().len(),
        }
    }

    /// The speakers the corpus view lists, as indices into `speakers.list`: all of them, or
    /// those whose name holds the view's filter.
    pub fn corpus_rows(&self) -> Vec<usize> {
        let wanted = self.corpus.filter.as_deref().map(crate::search::folded);
        let list = &self.speakers.list;
        (0..list.len())
            .filter(|&i| wanted.as_deref().is_none_or(|w| crate::search::folded(&list[i].name).contains(w)))
            .collect()
    }

    /// Filters the corpus view's speakers; an empty filter lists all again, and words no
    /// speaker's name has say so and change nothing.
    pub(super) fn set_speaker_filter(&mut self, text: &str) {
        let text = text.trim();
        let before = self.corpus.filter.take();
        self.corpus.filter = (!text.is_empty()).then(|| text.to_string());
        let n = self.corpus_rows().len();
        self.message = Some(match (&self.corpus.filter, n) {
            (None, _) => "Speaker filter cleared".to_string(),
            (Some(_), 0) => {
                self.corpus.filter = before;
                format!("Filter unchanged: no speaker's name has “{text}”")
            }
            (Some(_), n) => format!("{n} speakers with “{text}”"),
        });
        self.corpus.speaker_row = 0;
    }

    pub(super) fn corpus_open(&mut self) {
        match self.corpus.speaker {
            None if !self.speakers.list.is_empty() => {
                if let Some(&i) = self.corpus_rows().get(self.corpus.speaker_row) {
                    self.corpus.speaker = Some(i);
                    self.corpus.quote_row = 0;
                }
            }
            None => {}
            Some(s) => {
                let r = self.speakers.list.get(s).and_then(|sp| sp.quotes.get(self.corpus.quote_row)).copied();
                if let Some(r) = r {
                    self.overlay = None;
                    self.open_quote(r);
                }
            }
        }
    }
}
