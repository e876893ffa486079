//! The reader's model: plain data, changed only by [`update`] with an [`Action`].
//!
//! Nothing here draws or reads the terminal. The screen size arrives as an action like any key,
//! so a test can drive the whole application headless and check where it ends up.

mod origin;

pub use origin::opener;

use crate::analysis::{self, Analysis, EntityKind};
use crate::article::Article;
use crate::datefilter::{self, DateFilter};
use crate::highlights::{self, Placed};
use crate::layout::{self, Areas};
use crate::load::{Loaded, Problem};
use crate::search::{self, Match};
use crate::speakers::{QuoteRef, Speakers};
use crate::store::{self, Highlight, ReadMark, Store};
use chrono::NaiveDate;
use ratatui::layout::Rect;
use std::ops::Range;

/// An article with what the analysis found in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    pub article: Article,
    pub analysis: Analysis,
    /// False while only the start of the file has been read (a large folder still loading).
    pub ready: bool,
}

/// The pane that receives movement keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    List,
    Reader,
    Side,
}

impl Pane {
    pub fn name(self) -> &'static str {
        match self {
            Pane::List => "Articles",
            Pane::Reader => "Reader",
            Pane::Side => "Who & what",
        }
    }

    fn next(self) -> Pane {
        match self {
            Pane::List => Pane::Reader,
            Pane::Reader => Pane::Side,
            Pane::Side => Pane::List,
        }
    }

    fn prev(self) -> Pane {
        match self {
            Pane::List => Pane::Side,
            Pane::Reader => Pane::List,
            Pane::Side => Pane::Reader,
        }
    }
}

/// How the article list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// Newest first, undated last.
    #[default]
    Date,
    Title,
    /// By source, newest first within a source; no source last.
    Source,
}

impl SortOrder {
    pub fn name(self) -> &'static str {
        match self {
            SortOrder::Date => "date",
            SortOrder::Title => "title",
            SortOrder::Source => "source",
        }
    }

    fn next(self) -> Self {
        match self {
            SortOrder::Date => SortOrder::Title,
            SortOrder::Title => SortOrder::Source,
            SortOrder::Source => SortOrder::Date,
        }
    }
}

/// What the prompt in the status bar is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PromptKind {
    #[default]
    Search,
    DateFilter,
    SourceFilter,
    /// A note for the passage being highlighted.
    Note,
}

/// A window drawn over the panes that takes the keys while it is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    Problems,
    /// Every speaker in the corpus, then one speaker's quotations.
    Speakers,
    /// Every highlight across the articles.
    Highlights,
}

/// Where the corpus view of speakers stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CorpusView {
    /// The speaker whose quotations are listed; `None` while the speakers are listed.
    pub speaker: Option<usize>,
    /// Selected row of the speaker list.
    pub speaker_row: usize,
    /// Selected row of the quotation list.
    pub quote_row: usize,
}

/// One row of the side panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SideRow {
    Heading(&'static str),
    /// A speaker of this article and how many quotations they have in it.
    Speaker {
        name: String,
        quotes: usize,
    },
    /// An entity of this article, by index.
    Entity(usize),
}

/// The search in the current article: the query and where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub matches: Vec<Match>,
    /// The match the reader was last moved to.
    pub current: usize,
}

/// Every change the user can make. Keys map to these in `keys.rs`; nothing else changes state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Move down one line (reader) or one entry (list, side panel).
    Down,
    /// Move up one line or entry.
    Up,
    /// Move down a screenful.
    PageDown,
    /// Move up a screenful.
    PageUp,
    /// Go to the first line or entry.
    Top,
    /// Go to the last line or entry.
    Bottom,
    /// Open the selected article in the reader, or jump to the selected name.
    Open,
    /// Go back to the article list.
    Back,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Start typing a search for the current article.
    StartSearch,
    /// Start typing a date filter for the list.
    StartDateFilter,
    /// Start typing a source filter for the list.
    StartSourceFilter,
    /// Open the article's link (or its file) with the system's opener.
    OpenLink,
    /// Order the list by the next key: date, title, source.
    CycleSort,
    /// A character typed into the search prompt.
    SearchInput(char),
    /// Delete the last character of the search prompt.
    SearchBackspace,
    /// Run the typed search and jump to its first match.
    SearchSubmit,
    /// Close the search prompt without searching.
    SearchCancel,
    /// Jump to the next search match.
    NextMatch,
    /// Jump to the previous search match.
    PrevMatch,
    /// Show or hide the list of keys.
    ToggleHelp,
    /// Show or hide the files that could not be read.
    ToggleProblems,
    /// Jump to the next quotation in the article.
    NextQuote,
    /// Jump to the previous quotation in the article.
    PrevQuote,
    /// Jump to the next quotation by the same speaker, into later articles if need be.
    NextBySpeaker,
    /// Jump to the previous quotation by the same speaker, into earlier articles if need be.
    PrevBySpeaker,
    /// Show or hide every speaker across the articles.
    ToggleSpeakers,
    /// Move the sentence cursor to the next sentence.
    NextSentence,
    /// Move the sentence cursor to the previous sentence.
    PrevSentence,
    /// Start (or drop) a selection that grows with the sentence cursor.
    ToggleSelection,
    /// Highlight the selection or the sentence under the cursor; un-highlight it if it is one.
    ToggleHighlight,
    /// Highlight with a note, typed at a prompt.
    NoteHighlight,
    /// Show or hide every highlight across the articles.
    ToggleHighlightList,
    /// Mark the selected article read or unread.
    ToggleRead,
    /// Close whatever overlay is open.
    CloseOverlay,
    /// Whole articles read and analysed in the background, by index.
    Loaded(Vec<(usize, Doc)>),
    /// Progress of the background reading: files read, of how many.
    LoadProgress(usize, usize),
    /// Files the background reading skipped or read with a caveat.
    LoadProblems(Vec<Problem>),
    /// Files, by index, that turned out not to be readable articles.
    Skipped(Vec<usize>),
    /// The background reading is done: corpus-wide indexes can be built.
    LoadDone,
    /// The terminal now has this size.
    Resize(u16, u16),
    /// Leave byline.
    Quit,
}

#[derive(Debug, Clone)]
pub struct State {
    pub docs: Vec<Doc>,
    pub problems: Vec<Problem>,
    /// While a large folder loads: articles read whole so far, and how many there are.
    pub loading: Option<(usize, usize)>,
    /// The article shown in the reader, as an index into `docs`.
    pub selected: usize,
    /// The articles the list shows, in order: sorted, then filtered.
    pub shown: Vec<usize>,
    /// Each article's place in `shown`, or `usize::MAX` when the filter hides it.
    position: Vec<usize>,
    /// Every article in the current sort order, before filtering.
    sorted: Vec<usize>,
    /// Files the background reading skipped (listed in `problems`): no longer in the list.
    pub skipped: std::collections::BTreeSet<usize>,
    /// Each article's date, for filtering without touching the articles.
    dates: Vec<Option<NaiveDate>>,
    pub sort: SortOrder,
    pub filter: Option<DateFilter>,
    /// The filter as the user wrote it, for showing and editing.
    pub filter_text: String,
    /// Only articles whose source contains this (any case) are listed.
    pub source_filter: Option<String>,
    /// A link or file the user asked to open (`o`); the terminal loop opens it and clears this.
    pub open_request: Option<String>,
    /// The day relative filters (`7d`) count back from.
    pub today: NaiveDate,
    pub prompt_kind: PromptKind,
    pub focus: Pane,
    pub overlay: Option<Overlay>,
    /// The search query being typed, while the prompt is open.
    pub prompt: Option<String>,
    pub search: Option<Search>,
    /// First reader line on screen.
    pub scroll: usize,
    /// Selected row of the side panel.
    pub side_selected: usize,
    /// Line of text shown in the status bar until the next action.
    pub message: Option<String>,
    pub screen: Rect,
    pub quit: bool,
    /// Speakers across all articles.
    pub speakers: Speakers,
    /// The quotation the reader last jumped to, in the current article.
    pub quote: Option<usize>,
    pub corpus: CorpusView,
    /// Highlights and read marks, and whether they changed since the last save.
    pub store: Store,
    pub store_dirty: bool,
    /// Each article's text fingerprint, as the store knows articles.
    pub fingerprints: Vec<String>,
    /// Where each stored highlight falls in the loaded articles.
    pub placed: Vec<Placed>,
    /// The sentence under the cursor: block and byte range.
    pub sentence: Option<(usize, Range<usize>)>,
    /// Where a selection started, as an offset in the article's flat text.
    pub selecting: Option<usize>,
    /// Selected row of the highlight list.
    pub highlight_row: usize,
    /// Bumped whenever articles are replaced, so that layouts made of the old ones are dropped.
    generation: u64,
    /// The current article laid out at the reader's width, made once per article, width and
    /// generation: wrapping a long article on every key and frame would make keys wait.
    wrapped: std::cell::RefCell<Option<(WrapKey, std::rc::Rc<layout::Wrapped>)>>,
}

type WrapKey = (usize, u16, u64);

impl State {
    pub fn new(loaded: Loaded) -> Self {
        Self::with_today(loaded, chrono::Local::now().date_naive())
    }

    /// A state whose relative date filters count back from `today`.
    pub fn with_today(mut loaded: Loaded, today: NaiveDate) -> Self {
        let analyses = analysis::analyse_all(&loaded.articles, &mut loaded.problems);
        let docs: Vec<Doc> = loaded
            .articles
            .into_iter()
            .zip(analyses)
            .map(|(article, analysis)| Doc { article, analysis, ready: true })
            .collect();
        Self::from_docs(docs, loaded.problems, today)
    }

    /// A state for a folder still loading: the list shows these first looks at the articles
    /// (from the start of each file) until [`Action::Loaded`] brings the whole of each.
    pub fn loading(stubs: Vec<Article>, problems: Vec<Problem>, today: NaiveDate) -> Self {
        let total = stubs.len();
        let docs =
            stubs.into_iter().map(|article| Doc { article, analysis: Analysis::default(), ready: false }).collect();
        let mut s = Self::from_docs(docs, problems, today);
        s.loading = Some((0, total));
        s
    }

    fn from_docs(docs: Vec<Doc>, problems: Vec<Problem>, today: NaiveDate) -> Self {
        let speakers = Speakers::build(docs.iter().map(|d| &d.analysis));
        let dates = docs.iter().map(|d| d.article.date).collect();
        // A first look is not the article: its fingerprint comes when it is read whole.
        let fingerprints =
            docs.iter().map(|d| if d.ready { store::fingerprint(&d.article) } else { String::new() }).collect();
        let mut state = State {
            docs,
            problems,
            loading: None,
            selected: 0,
            shown: Vec::new(),
            position: Vec::new(),
            sorted: Vec::new(),
            skipped: Default::default(),
            dates,
            sort: SortOrder::Date,
            filter: None,
            filter_text: String::new(),
            source_filter: None,
            open_request: None,
            today,
            prompt_kind: PromptKind::Search,
            focus: Pane::List,
            overlay: None,
            prompt: None,
            search: None,
            scroll: 0,
            side_selected: 0,
            message: None,
            screen: Rect::new(0, 0, 80, 24),
            quit: false,
            speakers,
            quote: None,
            corpus: CorpusView::default(),
            store: Store::in_memory(),
            store_dirty: false,
            fingerprints,
            placed: Vec::new(),
            sentence: None,
            selecting: None,
            highlight_row: 0,
            generation: 0,
            wrapped: Default::default(),
        };
        state.resort();
        if let Some(&first) = state.shown.first() {
            state.selected = first;
        }
        state
    }

    /// Uses `store` for highlights and read marks, placing its highlights in the articles.
    pub fn attach_store(&mut self, store: Store) {
        self.store = store;
        self.replace_highlights();
    }

    /// Saves the store, which also takes in what another byline saved meanwhile. Highlights are
    /// placed again when that changed the list, so no position is used against the wrong list.
    pub fn save_store(&mut self) -> Result<(), store::StoreError> {
        let ids = |s: &Self| s.store.data.highlights.iter().map(|h| h.id.clone()).collect::<Vec<_>>();
        let before = ids(self);
        let result = self.store.save();
        if ids(self) != before {
            self.replace_highlights();
        }
        result
    }

    /// Places again the highlights that pointed into the given articles, which were replaced by
    /// their whole text: a position found in a first look is no position in the whole article.
    fn replace_highlights_in(&mut self, docs: &[usize]) {
        let mut flats: Vec<(usize, String)> = Vec::new();
        for p in &mut self.placed {
            let Some((doc, _)) = &p.at else { continue };
            let doc = *doc;
            if !docs.contains(&doc) {
                continue;
            }
            let Some(h) = self.store.data.highlights.get(p.highlight) else {
                p.at = None;
                continue;
            };
            let Some(d) = self.docs.get(doc) else {
                p.at = None;
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

    fn replace_highlights(&mut self) {
        let articles: Vec<&Article> = self.docs.iter().map(|d| &d.article).collect();
        self.placed = highlights::place(&self.store.data.highlights, &articles, &self.fingerprints);
    }

    pub fn is_read(&self, doc: usize) -> bool {
        self.fingerprints.get(doc).and_then(|f| self.store.data.read.get(f)).is_some_and(|m| m.read)
    }

    fn set_read(&mut self, doc: usize, read: bool) {
        if self.is_read(doc) == read {
            return;
        }
        if let Some(f) = self.fingerprints.get(doc) {
            self.store.data.read.insert(f.clone(), ReadMark { read, at: store::now_millis() });
            self.store_dirty = true;
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
    fn selection_end(&self, anchor: usize) -> usize {
        let Some(doc) = self.current() else { return anchor };
        let starts = &self.reader_lines().block_starts;
        let (b, at) = highlights::block_of(starts, anchor);
        let text = &doc.article.blocks[b].text;
        highlights::sentences(text).into_iter().find(|r| r.start == at).map_or(anchor, |r| starts[b] + r.end)
    }

    fn move_sentence(&mut self, forward: bool) {
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
    fn toggle_highlight(&mut self, note: Option<String>) {
        if self.store.read_only {
            self.message = Some("Highlights are read-only: the store could not be read".into());
            return;
        }
        let Some(range) = self.passage() else {
            self.message = Some("Move the sentence cursor with J and K first".into());
            return;
        };
        let doc = self.selected;
        let existing = self.placed.iter().find(|p| p.at.as_ref() == Some(&(doc, range.clone()))).map(|p| p.highlight);
        match (existing.filter(|&i| i < self.store.data.highlights.len()), note) {
            (Some(i), None) => {
                let id = self.store.data.highlights.remove(i).id;
                self.store.data.deleted.push(id);
                self.message = Some("Highlight removed".into());
            }
            (Some(i), Some(n)) => {
                self.store.data.highlights[i].note = Some(n);
                self.message = Some("Note saved".into());
            }
            (None, note) => {
                let Some(d) = self.current() else { return };
                let flat = store::flat_text(&d.article);
                let now = store::now_millis();
                let id = format!("{now:x}-{:x}-{}", std::process::id(), self.store.data.highlights.len());
                self.store.data.highlights.push(Highlight {
                    id,
                    article: store::ArticleRef {
                        fingerprint: self.fingerprints[doc].clone(),
                        path: d.article.path.clone(),
                        title: d.article.title.clone(),
                    },
                    anchor: store::anchor(&flat, range.start, range.end),
                    note: note.filter(|n| !n.trim().is_empty()),
                    created: now,
                });
                self.message = Some("Highlighted".into());
            }
        }
        self.selecting = None;
        self.store_dirty = true;
        self.replace_highlights();
    }

    /// Opens the highlight at `row` of the highlight list in the reader.
    fn open_highlight(&mut self, row: usize) {
        let Some(p) = self.placed.get(row).cloned() else { return };
        let Some((doc, range)) = p.at else {
            self.message = Some("This highlight's passage is no longer in any article (orphaned)".into());
            return;
        };
        self.overlay = None;
        if self.position.get(doc).is_none_or(|&x| x == usize::MAX) {
            self.filter = None;
            self.filter_text.clear();
            self.refilter();
        }
        let Some(d) = self.docs.get(doc) else { return };
        let starts = store::block_starts(&d.article);
        self.select(doc);
        let (b, at) = highlights::block_of(&starts, range.start);
        self.focus = Pane::Reader;
        self.reveal_text(b, at);
    }

    /// Orders `sorted` by the sort order, then filters.
    fn resort(&mut self) {
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
    fn refilter(&mut self) {
        self.shown = datefilter::apply(self.filter.as_ref(), &self.dates, &self.sorted);
        if !self.skipped.is_empty() {
            self.shown.retain(|i| !self.skipped.contains(i));
        }
        if self.source_filter.is_some() {
            let keep = self.source_shown();
            self.shown.retain(|&i| keep[i]);
        }
        self.position = vec![usize::MAX; self.docs.len()];
        for (pos, &doc) in self.shown.iter().enumerate() {
            self.position[doc] = pos;
        }
        if self.position.get(self.selected).is_none_or(|&p| p == usize::MAX) {
            if let Some(&first) = self.shown.first() {
                self.select(first);
            }
        }
    }

    /// How many articles there are: files that turned out not to hold one are not counted.
    pub fn article_count(&self) -> usize {
        self.docs.len() - self.skipped.len()
    }

    /// Where the selected article stands in the list, if the filter shows it.
    pub fn cursor(&self) -> Option<usize> {
        self.position.get(self.selected).copied().filter(|&p| p != usize::MAX)
    }

    /// Sets the filter from an expression; an invalid one says why and changes nothing.
    pub fn set_filter(&mut self, expr: &str) -> Result<(), String> {
        let filter = datefilter::parse(expr, self.today)?;
        self.filter = filter;
        self.filter_text = if filter.is_some() { expr.trim().to_string() } else { String::new() };
        self.refilter();
        Ok(())
    }

    /// The article in the reader; none when the filter hides every article.
    pub fn current(&self) -> Option<&Doc> {
        self.cursor().and_then(|_| self.docs.get(self.selected))
    }

    pub fn areas(&self) -> Areas {
        Areas::new(self.screen)
    }

    /// Speaker labels of the current article: each speaker's name above the block of their
    /// first quotation in it.
    pub fn labels(&self) -> Vec<(usize, String)> {
        let Some(doc) = self.current() else { return Vec::new() };
        let mut seen: Vec<&str> = Vec::new();
        let mut out = Vec::new();
        for q in &doc.analysis.quotes {
            if let Some(name) = &q.speaker {
                if !seen.contains(&name.as_str()) {
                    seen.push(name);
                    out.push((q.block, name.clone()));
                }
            }
        }
        out
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

    fn reader_height(&self) -> usize {
        usize::from(self.areas().reader_text().height.max(1))
    }

    fn max_scroll(&self) -> usize {
        self.reader_lines().lines.len().saturating_sub(self.reader_height())
    }

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

    fn select(&mut self, i: usize) {
        let i = i.min(self.docs.len().saturating_sub(1));
        if i != self.selected {
            self.selected = i;
            self.scroll = 0;
            self.side_selected = 0;
            self.quote = None;
            self.sentence = None;
            self.selecting = None;
            if let Some(q) = self.search.as_ref().map(|s| s.query.clone()) {
                self.search = self.run_search(&q);
            }
        }
    }

    fn scroll_to(&mut self, line: usize) {
        self.scroll = line.min(self.max_scroll());
    }

    /// Scrolls so that `line` is on screen, a few lines below the top when it was not.
    fn reveal(&mut self, line: usize) {
        let h = self.reader_height();
        if line < self.scroll || line >= self.scroll + h {
            self.scroll_to(line.saturating_sub(h / 4));
        }
    }

    fn reveal_text(&mut self, block: usize, at: usize) {
        if let Some(line) = self.reader_lines().line_of(block, at) {
            self.reveal(line);
        }
    }

    fn run_search(&self, query: &str) -> Option<Search> {
        let doc = self.current()?;
        Some(Search { query: query.to_string(), matches: search::find_in_article(&doc.article, query), current: 0 })
    }

    fn go_to_match(&mut self, forward: bool) {
        let Some(s) = &mut self.search else {
            self.message = Some("No search yet: press / to search".into());
            return;
        };
        if s.matches.is_empty() {
            self.message = Some(format!("“{}” is not in this article", s.query));
            return;
        }
        let n = s.matches.len();
        s.current = if forward { (s.current + 1) % n } else { (s.current + n - 1) % n };
        let m = s.matches[s.current].clone();
        let msg = format!("Match {} of {} for “{}”", s.current + 1, n, s.query);
        self.message = Some(msg);
        self.reveal_text(m.block, m.range.start);
    }

    fn move_by(&mut self, delta: isize) {
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

    fn page(&self) -> isize {
        let h = match self.focus {
            Pane::Reader => self.reader_height(),
            Pane::List => usize::from(self.areas().list.height.saturating_sub(2)) / 2,
            Pane::Side => usize::from(self.areas().side.height.saturating_sub(2)),
        };
        isize::try_from(h.saturating_sub(1).max(1)).unwrap_or(1)
    }

    /// Moves the reader to quotation `i` of the current article.
    fn go_to_quote(&mut self, i: usize) {
        let Some(q) = self.current().and_then(|d| d.analysis.quotes.get(i)).cloned() else { return };
        self.quote = Some(i);
        self.focus = Pane::Reader;
        self.reveal_text(q.block, q.start);
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
    fn quote_near_view(&self, forward: bool) -> Option<usize> {
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

    fn step_quote(&mut self, forward: bool) {
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
    fn step_speaker(&mut self, forward: bool) {
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
    fn open_quote(&mut self, r: QuoteRef) {
        if self.position.get(r.doc).is_none_or(|&p| p == usize::MAX) {
            self.filter = None;
            self.filter_text.clear();
            self.refilter();
        }
        self.select(r.doc);
        self.go_to_quote(r.quote);
    }

    /// Enter on the side panel: a speaker's first quotation, or an entity's first mention.
    fn open_side_row(&mut self) {
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
                let ents = &doc.analysis.entities;
                let hit = ents.mentions.iter().find(|m| m.entity == e).map(|m| (m.block, m.range.start));
                if let Some((block, at)) = hit {
                    self.focus = Pane::Reader;
                    self.reveal_text(block, at);
                }
            }
        }
    }

    fn corpus_len(&self) -> usize {
        match self.corpus.speaker {
            Some(s) => self.speakers.list.get(s).map_or(0, |s| s.quotes.len()),
            None => self.speakers.list.len(),
        }
    }

    fn corpus_open(&mut self) {
        match self.corpus.speaker {
            None if !self.speakers.list.is_empty() => {
                self.corpus.speaker = Some(self.corpus.speaker_row);
                self.corpus.quote_row = 0;
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

/// The one place state changes.
pub fn update(state: &mut State, action: Action) {
    state.message = None;
    match action {
        Action::Down => state.move_by(1),
        Action::Up => state.move_by(-1),
        Action::PageDown => state.move_by(state.page()),
        Action::PageUp => state.move_by(-state.page()),
        Action::Top => state.move_by(isize::MIN / 2),
        Action::Bottom => state.move_by(isize::MAX / 2),
        Action::Open if state.overlay == Some(Overlay::Speakers) => state.corpus_open(),
        Action::Open if state.overlay == Some(Overlay::Highlights) => state.open_highlight(state.highlight_row),
        Action::Open => match state.focus {
            Pane::List if state.current().is_some() => {
                state.focus = Pane::Reader;
                state.set_read(state.selected, true);
            }
            Pane::Side => state.open_side_row(),
            _ => {}
        },
        Action::Back if state.overlay == Some(Overlay::Speakers) && state.corpus.speaker.is_some() => {
            state.corpus.speaker = None;
        }
        Action::Back => {
            if state.overlay.is_some() {
                state.overlay = None;
            } else {
                state.focus = Pane::List;
            }
        }
        Action::NextQuote => state.step_quote(true),
        Action::PrevQuote => state.step_quote(false),
        Action::NextBySpeaker => state.step_speaker(true),
        Action::PrevBySpeaker => state.step_speaker(false),
        Action::NextSentence => state.move_sentence(true),
        Action::PrevSentence => state.move_sentence(false),
        Action::ToggleSelection => {
            state.selecting = match (state.selecting, state.passage()) {
                (Some(_), _) | (None, None) => None,
                (None, Some(p)) => Some(p.start),
            };
            state.message = Some(match state.selecting {
                Some(_) => "Selecting: J/K to grow, m to highlight, v to stop".into(),
                None if state.sentence.is_none() => "Move the sentence cursor with J and K first".into(),
                None => "Selection dropped".into(),
            });
        }
        Action::ToggleHighlight => state.toggle_highlight(None),
        Action::NoteHighlight => {
            if state.passage().is_some() {
                state.prompt = Some(String::new());
                state.prompt_kind = PromptKind::Note;
            } else {
                state.message = Some("Move the sentence cursor with J and K first".into());
            }
        }
        Action::ToggleHighlightList => {
            state.overlay = (state.overlay != Some(Overlay::Highlights)).then_some(Overlay::Highlights);
        }
        Action::ToggleRead => {
            if state.current().is_some() {
                let read = !state.is_read(state.selected);
                state.set_read(state.selected, read);
                state.message = Some(if read { "Marked read" } else { "Marked unread" }.into());
            }
        }
        Action::ToggleSpeakers => {
            state.overlay = (state.overlay != Some(Overlay::Speakers)).then_some(Overlay::Speakers);
        }
        Action::NextPane => state.focus = state.focus.next(),
        Action::PrevPane => state.focus = state.focus.prev(),
        Action::StartSearch => {
            state.prompt = Some(String::new());
            state.prompt_kind = PromptKind::Search;
        }
        Action::StartDateFilter => {
            state.prompt = Some(state.filter_text.clone());
            state.prompt_kind = PromptKind::DateFilter;
        }
        Action::StartSourceFilter => {
            state.prompt = Some(state.source_filter.clone().unwrap_or_default());
            state.prompt_kind = PromptKind::SourceFilter;
        }
        Action::OpenLink => state.request_open(),
        Action::CycleSort => {
            state.sort = state.sort.next();
            state.resort();
            state.message = Some(format!("Sorted by {}", state.sort.name()));
        }
        Action::SearchInput(c) => {
            if let Some(p) = &mut state.prompt {
                p.push(c);
            }
        }
        Action::SearchBackspace => {
            if let Some(p) = &mut state.prompt {
                p.pop();
            }
        }
        Action::SearchCancel => state.prompt = None,
        Action::SearchSubmit => {
            let text = state.prompt.take().unwrap_or_default();
            match state.prompt_kind {
                PromptKind::Search => submit_search(state, text.trim()),
                PromptKind::SourceFilter => {
                    state.message = Some(match state.set_source_filter(&text) {
                        Ok(()) if state.source_filter.is_some() => {
                            format!(
                                "{} of {} articles from “{}”",
                                state.shown.len(),
                                state.article_count(),
                                text.trim()
                            )
                        }
                        Ok(()) => "Source filter cleared".to_string(),
                        Err(why) => format!("Filter unchanged: {why}"),
                    });
                }
                PromptKind::Note => state.toggle_highlight(Some(text.trim().to_string())),
                PromptKind::DateFilter => {
                    state.message = Some(match state.set_filter(&text) {
                        Ok(()) => match state.filter {
                            Some(DateFilter::Undated) => {
                                format!("{} of {} articles are undated", state.shown.len(), state.docs.len())
                            }
                            Some(f) => format!("{} of {} articles dated {f}", state.shown.len(), state.docs.len()),
                            None => "Date filter cleared".to_string(),
                        },
                        Err(why) => format!("Filter unchanged: {why}"),
                    });
                }
            }
        }
        Action::NextMatch => state.go_to_match(true),
        Action::PrevMatch => state.go_to_match(false),
        Action::ToggleHelp => {
            state.overlay = (state.overlay != Some(Overlay::Help)).then_some(Overlay::Help);
        }
        Action::ToggleProblems => {
            state.overlay = (state.overlay != Some(Overlay::Problems)).then_some(Overlay::Problems);
        }
        Action::CloseOverlay => state.overlay = None,
        Action::Loaded(batch) => {
            state.generation += 1;
            let mut replaced = Vec::with_capacity(batch.len());
            let before = state.docs.len();
            for (i, doc) in batch {
                if i < state.docs.len() {
                    state.dates[i] = doc.article.date;
                    state.fingerprints[i] = store::fingerprint(&doc.article);
                    state.docs[i] = doc;
                    replaced.push(i);
                } else if i == state.docs.len() {
                    // One more article of a feed: the list grows.
                    state.dates.push(doc.article.date);
                    state.fingerprints.push(store::fingerprint(&doc.article));
                    state.docs.push(doc);
                    replaced.push(i);
                }
            }
            if state.docs.len() > before {
                state.resort();
            }
            state.replace_highlights_in(&replaced);
            state.scroll = state.scroll.min(state.max_scroll());
        }
        Action::LoadProgress(done, total) => state.loading = Some((done, total)),
        Action::LoadProblems(problems) => state.problems.extend(problems),
        Action::Skipped(files) => {
            state.skipped.extend(files);
            state.refilter();
        }
        Action::LoadDone => {
            state.loading = None;
            state.speakers = Speakers::build(state.docs.iter().map(|d| &d.analysis));
            state.resort();
            state.replace_highlights();
        }
        Action::Resize(w, h) => {
            state.screen = Rect::new(0, 0, w, h);
            state.scroll = state.scroll.min(state.max_scroll());
        }
        Action::Quit => state.quit = true,
    }
}

/// Runs a search typed at the prompt. An empty query clears the search; a query that is not in
/// the article says so and leaves the previous search as it was.
fn submit_search(state: &mut State, query: &str) {
    if query.is_empty() {
        state.search = None;
        state.message = Some("Search cleared".into());
        return;
    }
    let Some(found) = state.run_search(query) else {
        state.message = Some("No article to search".into());
        return;
    };
    if found.matches.is_empty() {
        state.message = Some(format!("“{query}” is not in this article"));
        return;
    }
    let lines = state.reader_lines();
    let first_visible = found
        .matches
        .iter()
        .position(|m| lines.line_of(m.block, m.range.start).is_some_and(|l| l >= state.scroll))
        .unwrap_or(0);
    let n = found.matches.len();
    state.search = Some(Search { current: (first_visible + n - 1) % n, ..found });
    state.go_to_match(true);
    state.focus = Pane::Reader;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::normalize;

    fn state_with(texts: &[&str]) -> State {
        let articles = texts.iter().enumerate().map(|(i, t)| normalize(&format!("{i}.txt"), t)).collect();
        let mut s = State::new(Loaded { articles, problems: Vec::new() });
        update(&mut s, Action::Resize(80, 24));
        s
    }

    fn long_article() -> String {
        let mut t = String::from("A long headline\n\n");
        for i in 0..60 {
            t.push_str(&format!("Paragraph {i} says something about the harbour.\n\n"));
        }
        t
    }

    #[test]
    fn list_movement_stays_in_bounds_and_resets_the_reader() {
        let mut s = state_with(&["One story here\nText one.\n", "Two story here\nText two.\n"]);
        update(&mut s, Action::Up);
        assert_eq!(s.selected, 0);
        update(&mut s, Action::Down);
        update(&mut s, Action::Down);
        assert_eq!(s.selected, 1);
        update(&mut s, Action::Top);
        assert_eq!(s.selected, 0);
        update(&mut s, Action::Bottom);
        assert_eq!(s.selected, 1);
    }

    #[test]
    fn reader_scroll_is_clamped_to_the_text() {
        let long = long_article();
        let mut s = state_with(&[&long]);
        update(&mut s, Action::Open);
        assert_eq!(s.focus, Pane::Reader);
        update(&mut s, Action::Up);
        assert_eq!(s.scroll, 0);
        update(&mut s, Action::Bottom);
        assert_eq!(s.scroll, s.max_scroll());
        assert!(s.scroll > 0);
        update(&mut s, Action::PageUp);
        assert!(s.scroll < s.max_scroll());
    }

    #[test]
    fn search_jumps_between_matches_and_wraps() {
        let long = long_article();
        let mut s = state_with(&[&long]);
        update(&mut s, Action::StartSearch);
        for c in "paragraph 5".chars() {
            update(&mut s, Action::SearchInput(c));
        }
        update(&mut s, Action::SearchSubmit);
        let search = s.search.clone().unwrap();
        // "Paragraph 5" and "Paragraph 50" to "Paragraph 59".
        assert_eq!(search.matches.len(), 11);
        assert_eq!(search.current, 0);
        update(&mut s, Action::NextMatch);
        assert_eq!(s.search.as_ref().unwrap().current, 1);
        assert!(s.scroll > 0, "the reader scrolled to paragraph 50");
        update(&mut s, Action::PrevMatch);
        update(&mut s, Action::PrevMatch);
        assert_eq!(s.search.as_ref().unwrap().current, 10);
    }

    #[test]
    fn a_search_with_no_match_says_so_and_keeps_the_old_one() {
        let mut s = state_with(&["A headline\nThe harbour is busy.\n"]);
        for a in [Action::StartSearch, Action::SearchInput('b'), Action::SearchInput('u'), Action::SearchSubmit] {
            update(&mut s, a);
        }
        let before = s.search.clone();
        assert!(before.is_some());
        update(&mut s, Action::StartSearch);
        update(&mut s, Action::SearchInput('z'));
        update(&mut s, Action::SearchSubmit);
        assert_eq!(s.search, before);
        assert!(s.message.as_deref().unwrap().contains("not in this article"));
    }

    #[test]
    fn tab_cycles_the_panes_and_back_returns_to_the_list() {
        let mut s = state_with(&["A headline\nText.\n"]);
        update(&mut s, Action::NextPane);
        assert_eq!(s.focus, Pane::Reader);
        update(&mut s, Action::NextPane);
        assert_eq!(s.focus, Pane::Side);
        update(&mut s, Action::PrevPane);
        update(&mut s, Action::Back);
        assert_eq!(s.focus, Pane::List);
    }

    #[test]
    fn resizing_keeps_the_scroll_inside_the_text() {
        let long = long_article();
        let mut s = state_with(&[&long]);
        update(&mut s, Action::Open);
        update(&mut s, Action::Bottom);
        update(&mut s, Action::Resize(200, 60));
        assert!(s.scroll <= s.max_scroll());
    }
}
