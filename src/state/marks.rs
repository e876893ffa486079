//! Highlights, notes and read marks: placing the store's highlights in the articles, the
//! sentence cursor and selection, and keeping read marks.

use super::*;

impl State {
    /// Shows what `store` holds: its highlights placed in the articles, its read marks counted.
    /// The store stays with the caller, which writes the changes [`Effect::Save`] asks for.
    pub fn attach_store(&mut self, store: &Store) {
        self.marks_read_only = store.read_only;
        self.take_marks(store.data.clone());
    }

    /// Highlights and read marks as another byline left them (with this session's on top).
    pub(super) fn take_marks(&mut self, marks: store::Data) {
        self.marks = marks;
        self.replace_highlights();
        self.recount_unread();
    }

    /// What the writer said: a failure stays on screen as the warning until dismissed (the first
    /// says most: an unreadable store says why it cannot save) and the changes wait for the
    /// next try; "saving…" shows while a write is slow.
    pub(super) fn hear_save(&mut self, status: SaveStatus) {
        match status {
            SaveStatus::Saved => self.unsaved = false,
            SaveStatus::Slow(slow) => self.saving = slow,
            SaveStatus::Failed(why) => {
                self.unsaved = true;
                self.warning.get_or_insert_with(|| format!("not saved: {why}"));
            }
        }
    }

    /// Makes a change to highlights or read marks here, and asks for it to be saved.
    fn record(&mut self, change: store::Change) {
        self.marks.apply(std::slice::from_ref(&change));
        self.effects.push(Effect::Save(change));
    }

    /// Places again the highlights that pointed into the given articles, which were replaced by
    /// their whole text: a position found in a first look is no position in the whole article.
    pub(super) fn replace_highlights_in(&mut self, docs: &[usize]) {
        let mut flats: Vec<(usize, String)> = Vec::new();
        for p in &mut self.placed {
            let Some((doc, _)) = &p.at else { continue };
            let doc = *doc;
            if !docs.contains(&doc) {
                continue;
            }
            let Some(h) = self.marks.highlights.get(p.highlight) else {
                p.at = None;
                continue;
            };
            let Some(d) = self.docs.get(doc) else {
                p.at = None;
                p.loaded = false;
                continue;
            };
            let k = match flats.iter().position(|(i, _)| *i == doc) {
                Some(k) => k,
                None => {
                    flats.push((doc, store::flat_text(&d.article)));
                    flats.len() - 1
                }
            };
            p.at = store::locate(&flats[k].1, &h.anchor).map(|(s, e)| (doc, s..e));
        }
    }

    pub(super) fn replace_highlights(&mut self) {
        let articles: Vec<&Article> = self.docs.iter().map(|d| &d.article).collect();
        self.placed = highlights::place(&self.marks.highlights, &articles, &self.fingerprints);
    }

    pub fn is_read(&self, doc: usize) -> bool {
        self.fingerprints.get(doc).and_then(|f| self.marks.read.get(f)).is_some_and(|m| m.read)
    }

    pub(super) fn set_read(&mut self, doc: usize, read: bool) {
        if self.is_read(doc) == read {
            return;
        }
        if let Some(f) = self.fingerprints.get(doc) {
            self.record(store::Change::Read(f.clone(), ReadMark { read, at: store::now_millis() }));
            if self.position.get(doc).is_some_and(|&p| p != usize::MAX) {
                self.unread = if read { self.unread.saturating_sub(1) } else { self.unread + 1 };
            }
        }
    }

    /// Highlighted ranges of the current article's block `b`.
    pub fn highlights_in_block(&self, b: usize) -> Vec<Range<usize>> {
        let Some(doc) = self.current() else { return Vec::new() };
        let starts = &self.reader_lines().block_starts;
        let (start, len) = (starts.get(b).copied().unwrap_or(0), doc.article.blocks.get(b).map_or(0, |x| x.text.len()));
        self.placed
            .iter()
            .filter_map(|p| p.at.as_ref())
            .filter(|(d, _)| *d == self.selected)
            .filter(|(_, r)| r.start < start + len && r.end > start)
            .map(|(_, r)| r.start.max(start) - start..r.end.min(start + len) - start)
            .collect()
    }

    /// The passage `m` would highlight: the selection, or the sentence under the cursor, as a
    /// range of the article's flat text.
    pub fn passage(&self) -> Option<Range<usize>> {
        self.current()?;
        let (b, r) = self.sentence.clone()?;
        let start = *self.reader_lines().block_starts.get(b)?;
        let cur = start + r.start..start + r.end;
        Some(match self.selecting {
            Some(anchor) if anchor < cur.start => anchor..cur.end,
            Some(anchor) => cur.start..self.selection_end(anchor).max(cur.end),
            None => cur,
        })
    }

    /// The end of the sentence that starts at flat offset `anchor`.
    pub(super) fn selection_end(&self, anchor: usize) -> usize {
        let Some(doc) = self.current() else { return anchor };
        let starts = &self.reader_lines().block_starts;
        let (b, at) = highlights::block_of(starts, anchor);
        let text = &doc.article.blocks[b].text;
        highlights::sentences(text).into_iter().find(|r| r.start == at).map_or(anchor, |r| starts[b] + r.end)
    }

    pub(super) fn move_sentence(&mut self, forward: bool) {
        let Some(doc) = self.current() else { return };
        let blocks = &doc.article.blocks;
        let next = match self.sentence.clone() {
            None => {
                // Start from the top of the reader.
                let lines = self.reader_lines();
                let first = lines.lines.iter().skip(self.scroll).find_map(|l| l.block).unwrap_or(0);
                (first..blocks.len())
                    .find_map(|b| highlights::sentences(&blocks[b].text).into_iter().next().map(|r| (b, r)))
            }
            Some((b, _)) if b >= blocks.len() => None,
            Some((b, r)) => {
                let here = highlights::sentences(&blocks[b].text);
                let i = here.iter().position(|x| *x == r).unwrap_or(0);
                if forward {
                    here.get(i + 1).cloned().map(|r| (b, r)).or_else(|| {
                        (b + 1..blocks.len())
                            .find_map(|nb| highlights::sentences(&blocks[nb].text).into_iter().next().map(|r| (nb, r)))
                    })
                } else {
                    i.checked_sub(1).map(|j| (b, here[j].clone())).or_else(|| {
                        (0..b)
                            .rev()
                            .find_map(|pb| highlights::sentences(&blocks[pb].text).into_iter().last().map(|r| (pb, r)))
                    })
                }
            }
        };
        if let Some((b, r)) = next {
            self.focus = Pane::Reader;
            self.reveal_text(b, r.start);
            self.sentence = Some((b, r));
        }
    }

    /// Highlights the passage, or removes the highlight that is exactly this passage.
    pub(super) fn toggle_highlight(&mut self, note: Option<String>) {
        if self.marks_read_only {
            self.message = Some("Highlights are read-only: the store could not be read".into());
            return;
        }
        let Some(range) = self.passage() else {
            self.message = Some("Move the sentence cursor with J and K first".into());
            return;
        };
        let doc = self.selected;
        let existing = self.placed.iter().find(|p| p.at.as_ref() == Some(&(doc, range.clone()))).map(|p| p.highlight);
        match (existing.filter(|&i| i < self.marks.highlights.len()), note) {
            (Some(i), None) => {
                let id = self.marks.highlights[i].id.clone();
                self.record(store::Change::Delete(id));
                self.message = Some("Highlight removed".into());
            }
            (Some(i), Some(n)) => {
                let id = self.marks.highlights[i].id.clone();
                self.record(store::Change::Note(id, Some(n)));
                self.message = Some("Note saved".into());
            }
            (None, note) => {
                let Some(d) = self.current() else { return };
                let flat = store::flat_text(&d.article);
                let now = store::now_millis();
                let id = format!("{now:x}-{:x}-{}", std::process::id(), self.marks.highlights.len());
                self.record(store::Change::Add(Highlight {
                    id,
                    article: store::ArticleRef {
                        fingerprint: self.fingerprints[doc].clone(),
                        path: d.article.path.clone(),
                        title: d.article.title.clone(),
                    },
                    anchor: store::anchor(&flat, range.start, range.end),
                    note: note.filter(|n| !n.trim().is_empty()),
                    created: now,
                }));
                self.message = Some("Highlighted".into());
            }
        }
        self.selecting = None;
        self.replace_highlights();
    }

    /// The store index of the highlight selected in the highlight list, if the store can change.
    fn chosen_highlight(&mut self) -> Option<usize> {
        if self.marks_read_only {
            self.message = Some("Highlights are read-only: the store could not be read".into());
            return None;
        }
        let i = self.placed.get(self.highlight_row).map(|p| p.highlight);
        i.filter(|&i| i < self.marks.highlights.len())
    }

    /// `x` in the highlight list: the highlight is deleted, and the deletion remembered so that
    /// another byline's save does not bring it back.
    pub(super) fn delete_highlight(&mut self) {
        let Some(i) = self.chosen_highlight() else { return };
        let id = self.marks.highlights[i].id.clone();
        self.record(store::Change::Delete(id));
        self.replace_highlights();
        self.highlight_row = self.highlight_row.min(self.placed.len().saturating_sub(1));
        self.message = Some("Highlight deleted".into());
    }

    /// `e` in the highlight list: the note prompt opens with the note as it is.
    pub(super) fn edit_highlight_note(&mut self) {
        let Some(i) = self.chosen_highlight() else { return };
        let h = &self.marks.highlights[i];
        let note = h.note.clone().unwrap_or_default();
        self.editing = Some(h.id.clone());
        self.open_prompt(PromptKind::EditNote, note);
    }

    /// The edited note is saved; an empty one removes the note, not the highlight.
    pub(super) fn set_note(&mut self, text: &str) {
        let Some(id) = self.editing.take() else { return };
        if !self.marks.highlights.iter().any(|h| h.id == id) {
            self.message = Some("That highlight was deleted meanwhile".into());
            return;
        }
        self.record(store::Change::Note(id, (!text.is_empty()).then(|| text.to_string())));
        self.message = Some(if text.is_empty() { "Note removed" } else { "Note saved" }.into());
    }

    /// Opens the highlight at `row` of the highlight list in the reader.
    pub(super) fn open_highlight(&mut self, row: usize) {
        let Some(p) = self.placed.get(row).cloned() else { return };
        let Some((doc, range)) = p.at else {
            let path = self.marks.highlights.get(p.highlight).map(|h| h.article.path.clone());
            match path {
                Some(path) if !p.loaded => {
                    self.message = Some(format!("Reading {path}…"));
                    self.effects.push(Effect::Load(path.into(), p.highlight));
                }
                _ => self.message = Some("This highlight's passage is no longer in its article (orphaned)".into()),
            }
            return;
        };
        self.overlay = None;
        let lifted = self.unhide(doc);
        let Some(d) = self.docs.get(doc) else { return };
        let starts = store::block_starts(&d.article);
        self.select(doc);
        let (b, at) = highlights::block_of(&starts, range.start);
        self.focus = Pane::Reader;
        self.reveal_text(b, at);
        self.message = lifted;
    }
}
