//! What the rest of byline and its tests read of the state. The fields are the state's own, so
//! that only [`update`](super::update) changes them; these are the windows onto them. (The view
//! is part of the crate and reads the fields directly.)

use super::*;

impl State {
    /// Every article, in the order they were read (the list shows them as [`State::shown`]).
    pub fn docs(&self) -> &[Doc] {
        &self.docs
    }

    /// The articles the list shows, in order, as indexes into [`State::docs`].
    pub fn shown(&self) -> &[usize] {
        &self.shown
    }

    /// The article shown in the reader, as an index into [`State::docs`].
    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// While a large folder loads: articles read whole so far, and how many there are.
    pub fn loading_progress(&self) -> Option<(usize, usize)> {
        self.loading
    }

    /// Unread articles among those shown.
    pub fn unread(&self) -> usize {
        self.unread
    }

    pub fn sort(&self) -> SortOrder {
        self.sort
    }

    pub fn filter(&self) -> Option<&DateFilter> {
        self.filter.as_ref()
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    /// What is typed at the open prompt.
    pub fn prompt(&self) -> Option<&str> {
        self.prompt.as_deref()
    }

    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    /// The first reader line on screen.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// The line the last action left in the status bar.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The problem with the data folder shown until dismissed.
    pub fn warning(&self) -> Option<&str> {
        self.warning.as_deref()
    }

    /// The terminal's size, as the last resize said.
    pub fn screen(&self) -> Rect {
        self.screen
    }

    /// Whether the user asked to leave.
    pub fn quitting(&self) -> bool {
        self.quit
    }

    pub fn speakers(&self) -> &Speakers {
        &self.speakers
    }

    /// The quotation the reader last jumped to, in the current article.
    pub fn quote(&self) -> Option<usize> {
        self.quote
    }

    pub fn corpus(&self) -> &CorpusView {
        &self.corpus
    }

    /// Where each stored highlight falls in the loaded articles.
    pub fn placed(&self) -> &[Placed] {
        &self.placed
    }

    /// The folders and files byline was opened on, which `r` looks in again.
    pub fn sources(&self) -> &[PathBuf] {
        &self.sources
    }

    /// Sets the folders and files `r` looks in again (none: the bundled articles).
    pub fn set_sources(&mut self, sources: Vec<PathBuf>) {
        self.sources = sources;
    }

    /// Shows a problem with the data folder until the user dismisses it: set as byline starts.
    pub fn set_warning(&mut self, warning: String) {
        self.warning = Some(warning);
    }
}
