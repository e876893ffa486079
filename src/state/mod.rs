//! The reader's model: plain data, changed only by [`update`] with an [`Action`].
//!
//! Nothing here draws or reads the terminal. The screen size arrives as an action like any key,
//! so a test can drive the whole application headless and check where it ends up.

mod list;
mod marks;
mod origin;
mod prompt;
mod quotes;
mod read;
mod reader;
#[cfg(test)]
mod tests;
mod update;

pub use list::colour_in;
pub use origin::opener;
pub use update::update;

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
use std::path::PathBuf;

/// An article with what the analysis found in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    pub article: Article,
    pub analysis: Analysis,
    /// False while only the start of the file has been read (a large folder still loading).
    pub ready: bool,
}

/// A whole article from the background reading for list entry `slot`, with its fingerprint
/// worked out there: hashing every article's text would hold up the keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arrived {
    pub slot: usize,
    pub doc: Doc,
    pub fingerprint: String,
}

impl Arrived {
    pub fn new(slot: usize, doc: Doc) -> Self {
        let fingerprint = store::fingerprint(&doc.article);
        Arrived { slot, doc, fingerprint }
    }
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
    /// How the list title shows the order: which way it runs, not an arrow to decode.
    pub fn label(self) -> &'static str {
        match self {
            SortOrder::Date => "newest first",
            SortOrder::Title => "A–Z",
            SortOrder::Source => "by source",
        }
    }

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
    TextFilter,
    /// The note of a highlight chosen in the highlight list.
    EditNote,
    /// Words of a speaker's name, for the corpus view.
    SpeakerFilter,
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
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CorpusView {
    /// The speaker whose quotations are listed; `None` while the speakers are listed.
    pub speaker: Option<usize>,
    /// Selected row of the speaker list.
    pub speaker_row: usize,
    /// Selected row of the quotation list.
    pub quote_row: usize,
    /// Only speakers whose name holds this (folded as search folds) are listed.
    pub filter: Option<String>,
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
    /// A digit of a count typed before a movement (`5j`, `3]`, `12G`).
    Count(u8),
    /// Centre the reader on the sentence cursor, the current quotation or the current match.
    Centre,
    /// Move down half a screenful (Ctrl-D).
    HalfPageDown,
    /// Move up half a screenful (Ctrl-U).
    HalfPageUp,
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
    /// Start typing a filter for the speakers of the corpus view.
    StartSpeakerFilter,
    /// Start typing a date filter for the list.
    StartDateFilter,
    /// Start typing a source filter for the list.
    StartTextFilter,
    /// Open the article's link (or its file) with the system's opener.
    OpenLink,
    /// Order the list by the next key: date, title, source.
    CycleSort,
    /// A character typed into the search prompt.
    SearchInput(char),
    /// Delete the last character of the search prompt.
    SearchBackspace,
    /// Delete the last word of the prompt (Ctrl-W).
    PromptDeleteWord,
    /// Clear the prompt (Ctrl-U).
    PromptClear,
    /// The previous (`true`) or next entry of this prompt's history (Up, Down).
    PromptHistory(bool),
    /// Dismiss the data-folder warning.
    DismissWarning,
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
    /// Read full width: hide the list and the side panel, or bring them back.
    ToggleWide,
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
    /// Delete the highlight selected in the highlight list.
    DeleteHighlight,
    /// Write or change the note of the highlight selected in the highlight list.
    EditHighlightNote,
    /// Mark the selected article read or unread.
    ToggleRead,
    /// Mark every article the list shows read.
    MarkAllRead,
    /// Close whatever overlay is open.
    CloseOverlay,
    /// Whole articles read and analysed in the background.
    Loaded(Vec<Arrived>),
    /// Articles read at the user's request, added to the list: the file of a highlight (which is
    /// then opened, see [`Effect::Load`]) or the new files `r` found.
    Added(Vec<Doc>, Option<usize>),
    /// Look in the folders byline was opened on for files added since.
    Reread,
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
    /// Another byline changed the store: its highlights and read marks, with this session's
    /// unwritten changes on top.
    MarksChanged(store::Data),
    /// How saving goes, as the store's writer last told it.
    SaveStatus(SaveStatus),
    /// Something the event loop could not do for the user (open a link, read a file): why.
    Failed(String),
    /// Leave byline.
    Quit,
}

/// How saving highlights and read marks goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Everything asked is written.
    Saved,
    /// Whether a write on its way has taken a noticeable while.
    Slow(bool),
    /// Changes could not be written (why): they wait for the next try, or the recovery file.
    Failed(String),
}

/// What [`update`] asks of the world outside the state; the event loop carries it out. The
/// state stays plain data: it never writes a file, runs a program or reads a folder itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write this change to the store of highlights and read marks.
    Save(store::Change),
    /// Open this link or file with the system's opener.
    Open(String),
    /// Read this file, add it to the articles and open the highlight (a store index) in it.
    Load(PathBuf, usize),
    /// Look in the sources for files added since they were read.
    Reread,
}

#[derive(Debug, Clone)]
pub struct State {
    pub(crate) docs: Vec<Doc>,
    pub(crate) problems: Vec<Problem>,
    /// While a large folder loads: articles read whole so far, and how many there are.
    pub(crate) loading: Option<(usize, usize)>,
    /// The article shown in the reader, as an index into `docs`.
    pub(crate) selected: usize,
    /// The articles the list shows, in order: sorted, then filtered.
    pub(crate) shown: Vec<usize>,
    /// Each article's place in `shown`, or `usize::MAX` when the filter hides it.
    position: Vec<usize>,
    /// Every article in the current sort order, before filtering.
    sorted: Vec<usize>,
    /// Files the background reading skipped (listed in `problems`): no longer in the list.
    pub(crate) skipped: std::collections::BTreeSet<usize>,
    /// Each article's date, for filtering without touching the articles.
    dates: Vec<Option<NaiveDate>>,
    pub(crate) sort: SortOrder,
    pub(crate) filter: Option<DateFilter>,
    /// The filter as the user wrote it, for showing and editing.
    pub(crate) filter_text: String,
    /// Only articles whose source contains this (any case) are listed.
    pub(crate) text_filter: Option<String>,
    /// The files and folders byline was opened on, which `r` looks in again; empty for the
    /// bundled articles.
    pub(crate) sources: Vec<std::path::PathBuf>,
    /// The day relative filters (`7d`) count back from.
    pub(crate) today: NaiveDate,
    pub(crate) prompt_kind: PromptKind,
    pub(crate) focus: Pane,
    pub(crate) overlay: Option<Overlay>,
    /// The search query being typed, while the prompt is open.
    pub(crate) prompt: Option<String>,
    pub(crate) search: Option<Search>,
    /// First reader line on screen.
    pub(crate) scroll: usize,
    /// Selected row of the side panel.
    pub(crate) side_selected: usize,
    /// The first list entry on screen: the list scrolls with its cursor, not by pages.
    pub(crate) list_top: usize,
    /// Unread articles among those shown, kept as marks change.
    pub(crate) unread: usize,
    /// Line of text shown in the status bar until the next action.
    pub(crate) message: Option<String>,
    /// A problem with the data folder (unreadable store, failed save): shown until the user
    /// dismisses it with Esc, never wiped by the next key or a resize.
    pub(crate) warning: Option<String>,
    /// Highlights or read marks that the last save could not write: retried on the next change
    /// and on quit, and reported if they are still unsaved then.
    pub(crate) unsaved: bool,
    /// A save has been on its way for a noticeable while: the status bar says "saving…".
    pub(crate) saving: bool,
    /// What was typed at each prompt before, oldest first, for Up and Down at the prompt.
    pub(crate) history: Vec<(PromptKind, String)>,
    /// A count being typed (`5` of `5j`), applied to the next movement.
    pub(crate) count: Option<usize>,
    /// Where Up and Down are in the history while the prompt is open.
    pub(crate) history_at: Option<usize>,
    pub(crate) screen: Rect,
    /// Wide reading: the reader takes the whole screen (the list and side panel come back
    /// while one of them has the focus).
    pub(crate) wide: bool,
    /// The widest the reader's lines may be.
    pub(crate) reading_width: u16,
    /// How the screen is coloured (dark, light, none).
    pub(crate) palette: crate::view::theme::Palette,
    /// The key table as the config file changed it.
    pub(crate) keymap: crate::keys::Keymap,
    /// The program that opens links, from the config file (else `$BYLINE_OPENER` or the system's).
    pub(crate) opener: Option<String>,
    pub(crate) quit: bool,
    /// Speakers across all articles.
    pub(crate) speakers: Speakers,
    /// The quotation the reader last jumped to, in the current article.
    pub(crate) quote: Option<usize>,
    /// The entity mention the side panel last jumped to: entity, and which of its mentions.
    pub(crate) mention: Option<(usize, usize)>,
    pub(crate) corpus: CorpusView,
    /// Highlights and read marks as the store holds them, with this session's changes: the
    /// store itself is the event loop's, which [`Effect::Save`] asks to write each change.
    pub(crate) marks: store::Data,
    /// The store could not be read: highlights are shown but not changed.
    pub(crate) marks_read_only: bool,
    /// What the actions being handled ask of the event loop; [`update`] hands them over.
    effects: Vec<Effect>,
    /// Each article's text fingerprint, as the store knows articles.
    pub(crate) fingerprints: Vec<String>,
    /// Where each stored highlight falls in the loaded articles.
    pub(crate) placed: Vec<Placed>,
    /// The sentence under the cursor: block and byte range.
    pub(crate) sentence: Option<(usize, Range<usize>)>,
    /// Where a selection started, as an offset in the article's flat text.
    pub(crate) selecting: Option<usize>,
    /// Selected row of the highlight list.
    pub(crate) highlight_row: usize,
    /// The highlight (by id: a save may reorder the store meanwhile) whose note the prompt edits.
    pub(crate) editing: Option<String>,
    /// How far the help or problems window is scrolled.
    pub(crate) overlay_scroll: usize,
    /// Bumped whenever articles are replaced, so that layouts made of the old ones are dropped.
    generation: u64,
    /// The current article laid out at the reader's width, made once per article, width and
    /// generation: wrapping a long article on every key and frame would make keys wait.
    wrapped: std::cell::RefCell<Option<(WrapKey, std::rc::Rc<layout::Wrapped>)>>,
    /// The current article's speakers in order, made once per article and generation.
    speakers_of: std::cell::RefCell<Option<(SpeakersKey, std::rc::Rc<Vec<String>>)>>,
}

type WrapKey = (usize, u16, u64);
/// The article and generation a list of speakers was made for.
type SpeakersKey = (usize, u64);

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
            text_filter: None,
            sources: Vec::new(),
            today,
            prompt_kind: PromptKind::Search,
            focus: Pane::List,
            overlay: None,
            prompt: None,
            search: None,
            scroll: 0,
            side_selected: 0,
            list_top: 0,
            unread: 0,
            message: None,
            warning: None,
            unsaved: false,
            saving: false,
            history: Vec::new(),
            history_at: None,
            count: None,
            screen: Rect::new(0, 0, 80, 24),
            wide: false,
            reading_width: layout::READING_WIDTH,
            palette: Default::default(),
            keymap: Default::default(),
            opener: None,
            quit: false,
            speakers,
            quote: None,
            mention: None,
            corpus: CorpusView::default(),
            marks: Store::in_memory().data,
            marks_read_only: false,
            effects: Vec::new(),
            fingerprints,
            placed: Vec::new(),
            sentence: None,
            selecting: None,
            highlight_row: 0,
            editing: None,
            overlay_scroll: 0,
            generation: 0,
            wrapped: Default::default(),
            speakers_of: Default::default(),
        };
        state.resort();
        if let Some(&first) = state.shown.first() {
            state.selected = first;
        }
        state
    }

    /// How many articles there are: files that turned out not to hold one are not counted.
    pub fn article_count(&self) -> usize {
        self.docs.len() - self.skipped.len()
    }

    /// Where the selected article stands in the list, if the filter shows it.
    pub fn cursor(&self) -> Option<usize> {
        self.position.get(self.selected).copied().filter(|&p| p != usize::MAX)
    }

    /// One more article at the end, with the date and fingerprint kept beside each article.
    pub(super) fn push_doc(&mut self, doc: Doc) {
        let fingerprint = store::fingerprint(&doc.article);
        self.push_fingerprinted(doc, fingerprint);
    }

    pub(super) fn push_fingerprinted(&mut self, doc: Doc, fingerprint: String) {
        self.dates.push(doc.article.date);
        self.fingerprints.push(fingerprint);
        self.docs.push(doc);
    }

    /// Takes the settings of the config file; its problems become the warning.
    pub fn configure(&mut self, config: crate::config::Config) {
        if let Some(w) = config.reading_width {
            self.reading_width = w;
        }
        self.palette = config.palette;
        self.keymap = config.keymap;
        self.opener = config.opener;
        if !config.problems.is_empty() {
            self.warning = Some(config.problems.join("; "));
        }
    }

    /// The article in the reader; none when the filter hides every article.
    pub fn current(&self) -> Option<&Doc> {
        self.cursor().and_then(|_| self.docs.get(self.selected))
    }
}
