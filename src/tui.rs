//! The terminal session: set up, the event loop, and restoring the terminal however it ends.
//!
//! However byline stops, the terminal is handed back as it was: on quit and on error (the loop
//! returns and the screen is restored before any message), on a panic on any thread (the hook
//! restores the screen, prints one message and exits with status 101), on SIGTERM, SIGHUP and
//! SIGINT (the loop quits as if `q` were pressed, saving first), and on Ctrl-Z or SIGTSTP (the
//! screen is restored, byline stops, and `fg` brings it back with a full redraw).

use crate::keys;
use crate::state::{update, Action, Effect, SaveStatus, State};
use crate::store::Store;
use crate::view;
use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::execute;
use crossterm::terminal::{disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::CrosstermBackend;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Once};
use std::time::{Duration, Instant};

type Term = ratatui::Terminal<CrosstermBackend<std::io::Stdout>>;

/// How long to wait for a key before looking for background results.
const TICK: Duration = Duration::from_millis(50);
/// How long to wait for a key when nothing runs in the background: signals are looked at in
/// between.
const IDLE: Duration = Duration::from_millis(250);

/// Whether the terminal is ours (raw mode, alternate screen), for the panic hook.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();

fn enter() -> std::io::Result<Term> {
    enable_raw_mode()?;
    execute!(std::io::stdout(), EnterAlternateScreen)?;
    ACTIVE.store(true, Ordering::SeqCst);
    ratatui::Terminal::new(CrosstermBackend::new(std::io::stdout()))
}

/// Hands the terminal back. Errors are ignored: after SIGHUP there may be no terminal left.
fn leave() {
    ACTIVE.store(false, Ordering::SeqCst);
    let _ = disable_raw_mode();
    let _ = execute!(std::io::stdout(), LeaveAlternateScreen, crossterm::cursor::Show);
}

/// A panic that no article guard caught is a bug in byline itself: restore the screen, say so
/// once, and stop with a failure status rather than leave a broken screen or a dead thread.
fn install_panic_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if ACTIVE.load(Ordering::SeqCst) {
                leave();
                eprintln!("byline stopped on an internal error, please report it: {info}");
                std::process::exit(101);
            }
            previous(info);
        }));
        // Panics inside an article's guard stay quiet and never reach the hook above.
        crate::guard::reinstall();
    });
}

/// The last signal asked of us, or 0.
struct Signals(Arc<AtomicUsize>);

impl Signals {
    fn register() -> std::io::Result<Self> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};
        let last = Arc::new(AtomicUsize::new(0));
        for sig in [SIGTERM, SIGHUP, SIGINT, SIGTSTP] {
            let last = Arc::clone(&last);
            signal_hook::flag::register_usize(sig, last, sig as usize)?;
        }
        Ok(Signals(last))
    }

    fn take(&self) -> Option<i32> {
        match self.0.swap(0, Ordering::SeqCst) {
            0 => None,
            s => i32::try_from(s).ok(),
        }
    }
}

/// Runs the reader until the user quits. `background` brings actions from a loader thread.
/// The store of highlights and read marks is the loop's: the state asks for each change to be
/// saved ([`Effect::Save`]) and hears back how it went.
pub fn run(mut state: State, store: Store, background: Option<Receiver<Action>>) -> anyhow::Result<()> {
    if !std::io::stdout().is_terminal() {
        anyhow::bail!("needs a terminal to draw in; use `byline export` for JSON output");
    }
    let signals = Signals::register()?;
    install_panic_hook();
    let mut terminal = match enter() {
        Ok(t) => t,
        Err(e) => {
            leave();
            return Err(e.into());
        }
    };
    let mut saver = Saver::new(store);
    let result = event_loop(&mut terminal, &mut state, &mut saver, background, &signals);
    saver.before_quitting(&mut state);
    leave();
    if state.unsaved && result.is_ok() {
        // The screen that showed the warning is gone: say it where it stays, and keep what
        // could not be saved in a file the next byline can import.
        let warning = state.warning.clone().unwrap_or_default();
        let why = warning.strip_prefix("not saved: ").unwrap_or(&warning);
        match saver.store.write_recovery() {
            Ok((path, n)) => anyhow::bail!(
                "{n} {} to highlights or read marks could not be saved ({why}).\n\
                 They are kept in {p}; `byline highlights --import {p}` brings them back.",
                if n == 1 { "change" } else { "changes" },
                p = path.display()
            ),
            Err(e) => anyhow::bail!(
                "highlights or read marks made in this session were lost ({why}); no recovery file could be written ({e})"
            ),
        }
    }
    result
}

/// Opens a link or file with the system's opener, detached: its output would scribble over the
/// screen, and byline does not wait for a browser to close.
fn open_outside(target: &str, configured: Option<&str>) -> Result<(), String> {
    use std::process::{Command, Stdio};
    let opener = configured.map_or_else(crate::state::opener, str::to_string);
    let mut words = opener.split_whitespace();
    let program = words.next().unwrap_or("xdg-open");
    let child = Command::new(program)
        .args(words)
        .arg(target)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("Could not run {program} (set opener in config.toml or BYLINE_OPENER): {e}"))?;
    // Reap it when it ends, so no zombie is left behind.
    std::thread::spawn(move || {
        let mut child = child;
        let _ = child.wait();
    });
    Ok(())
}

/// How long quitting waits for the writer to finish what it was given.
const QUIT_WAIT: Duration = Duration::from_secs(2);
/// A write slower than this shows "saving…" in the status bar.
const SLOW_SAVE: Duration = Duration::from_millis(200);
/// How often a save that failed is tried again when no new change comes to carry it.
const RETRY: Duration = Duration::from_secs(2);

/// Highlights and read marks are saved as soon as they change, so a crash loses none: handed
/// to the store's writer thread, so the screen never waits for the disk. A read-only store
/// keeps the change in memory, says so, and it goes to the recovery file at quit.
struct Saver {
    store: Store,
    /// Changes have come since the last hand-off to the writer.
    dirty: bool,
    last: Instant,
}

impl Saver {
    fn new(store: Store) -> Self {
        Saver { store, dirty: false, last: Instant::now() }
    }

    /// Takes a change the state made, to be written on the next tick.
    fn record(&mut self, change: crate::store::Change) {
        self.store.change(change);
        self.dirty = true;
    }

    fn save(&mut self, state: &mut State) {
        self.dirty = false;
        self.last = Instant::now();
        if self.store.read_only && !self.store.pending.is_empty() {
            let why = crate::store::StoreError::ReadOnly.to_string();
            tell(state, SaveStatus::Failed(why));
            return;
        }
        self.store.save_in_background();
    }

    /// Saves what changed; also retries, now and then, a save that failed before.
    fn tick(&mut self, state: &mut State) -> bool {
        let retry = state.unsaved && !self.store.read_only && self.last.elapsed() > RETRY;
        let changed = self.dirty;
        if changed || retry {
            self.save(state);
        }
        changed | self.hear(state)
    }

    /// What the writer said since the last tick, told to the state when it changes anything.
    fn hear(&mut self, state: &mut State) -> bool {
        let before = (state.unsaved, state.saving);
        match self.store.collect(Duration::ZERO) {
            Some(Err(e)) => tell(state, SaveStatus::Failed(e.to_string())),
            Some(Ok(())) if self.store.unwritten().is_empty() => tell(state, SaveStatus::Saved),
            _ => {}
        }
        let slow = self.store.saving_for().is_some_and(|d| d > SLOW_SAVE);
        if slow != state.saving {
            tell(state, SaveStatus::Slow(slow));
        }
        before != (state.unsaved, state.saving)
    }

    /// Another byline on the same data folder: its highlights and read marks show here too.
    fn refresh(&mut self, state: &mut State) -> bool {
        let came = self.store.refresh();
        if came {
            let _ = update(state, Action::MarksChanged(self.store.data.clone()));
        }
        came
    }

    /// On the way out: whatever is unsaved is handed to the writer, which gets a moment to finish.
    fn before_quitting(&mut self, state: &mut State) {
        self.save(state);
        let status = if !self.store.flush(QUIT_WAIT) {
            let why = self.store.collect(Duration::ZERO).and_then(Result::err).map(|e| e.to_string());
            Some(SaveStatus::Failed(why.unwrap_or_else(|| "the disk did not answer in time".into())))
        } else {
            (!self.store.read_only).then_some(SaveStatus::Saved)
        };
        if let Some(status) = status {
            tell(state, status);
        }
    }
}

/// What the terminal's input has for the event loop.
enum Input {
    Ready,
    Quiet,
    Lost,
}

/// Waits up to `timeout` for input on the terminal. Ours, not crossterm's, because crossterm
/// reads a terminal whose other end has closed (end of input, forever) in a loop that never
/// returns, at full speed; a hangup or an error on it is seen here first.
#[cfg(unix)]
fn wait_for_input(timeout: Duration) -> std::io::Result<Input> {
    use rustix::event::{poll, PollFd, PollFlags};
    use std::os::fd::AsFd;
    let stdin = std::io::stdin();
    // crossterm reads standard input when it is the terminal, else the terminal itself.
    let tty = match stdin.is_terminal() {
        true => None,
        false => Some(std::fs::File::open("/dev/tty")?),
    };
    let stdin_fd = stdin.as_fd();
    let fd = tty.as_ref().map_or(stdin_fd, |t| t.as_fd());
    let mut fds = [PollFd::from_borrowed_fd(fd, PollFlags::IN)];
    let wait = rustix::event::Timespec::try_from(timeout).unwrap_or_default();
    match poll(&mut fds, Some(&wait)) {
        Ok(0) => Ok(Input::Quiet),
        Ok(_) if fds[0].revents().intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) => Ok(Input::Lost),
        Ok(_) => Ok(Input::Ready),
        Err(rustix::io::Errno::INTR) => Ok(Input::Quiet),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(unix))]
fn wait_for_input(timeout: Duration) -> std::io::Result<Input> {
    Ok(if event::poll(timeout)? { Input::Ready } else { Input::Quiet })
}

/// Gives the terminal back and stops until `fg`, then takes it again and redraws it whole.
fn suspend(terminal: &mut Term) -> anyhow::Result<()> {
    leave();
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    *terminal = enter()?;
    terminal.clear()?;
    Ok(())
}

fn event_loop(
    terminal: &mut Term,
    state: &mut State,
    saver: &mut Saver,
    mut background: Option<Receiver<Action>>,
    signals: &Signals,
) -> anyhow::Result<()> {
    use signal_hook::consts::SIGTSTP;
    let size = terminal.size()?;
    dispatch(state, saver, Action::Resize(size.width, size.height));
    let mut dirty = true;
    while !state.quit {
        match signals.take() {
            Some(SIGTSTP) => {
                saver.save(state);
                suspend(terminal)?;
                dirty = true;
            }
            Some(_) => {
                dispatch(state, saver, Action::Quit);
                break;
            }
            None => {}
        }
        if dirty {
            terminal.draw(|f| view::render(state, f))?;
            dirty = false;
        }
        // Keys typed together or pasted were read at once: crossterm holds the rest. Resizes
        // come as signals, which crossterm also turns into events.
        let ready = match wait_for_input(Duration::ZERO)? {
            Input::Lost => break,
            _ if event::poll(Duration::ZERO)? => true,
            _ => match wait_for_input(if background.is_some() { TICK } else { IDLE })? {
                Input::Ready => true,
                Input::Quiet => event::poll(Duration::ZERO)?,
                // The terminal is gone (its window closed while hangups are ignored): what
                // is unsaved is saved on the way out, and there is no one left to draw for.
                Input::Lost => break,
            },
        };
        if ready {
            let action = match event::read()? {
                Event::Key(key)
                    if key.kind == KeyEventKind::Press
                        && key.modifiers.contains(KeyModifiers::CONTROL)
                        && key.code == KeyCode::Char('z') =>
                {
                    saver.save(state);
                    suspend(terminal)?;
                    dirty = true;
                    None
                }
                Event::Key(key) => keys::action_for(state, key),
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
                _ => None,
            };
            if let Some(a) = action {
                dispatch(state, saver, a);
                dirty = true;
            }
        }
        if let Some(rx) = &background {
            // Take what the loader has finished, but never so much that a key waits.
            let started = Instant::now();
            while started.elapsed() < TICK {
                match rx.try_recv() {
                    Ok(a) => {
                        dispatch(state, saver, a);
                        dirty = true;
                    }
                    Err(std::sync::mpsc::TryRecvError::Empty) => break,
                    Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                        background = None;
                        break;
                    }
                }
            }
        }
        dirty |= saver.tick(state);
        dirty |= saver.refresh(state);
    }
    Ok(())
}

/// Hands `action` to the state and carries out what it asks: saves go to the store; a link to
/// open, a file to read or a folder to look in again are done here, and what they bring back
/// (or why they failed) goes to the state as actions in turn.
fn dispatch(state: &mut State, saver: &mut Saver, action: Action) {
    for effect in update(state, action) {
        let result = match effect {
            Effect::Save(change) => {
                saver.record(change);
                None
            }
            Effect::Open(target) => open_outside(&target, state.opener.as_deref()).err().map(Action::Failed),
            Effect::Load(path, highlight) => Some(match crate::loader::read_now(&path) {
                Ok(docs) => Action::Added(docs, Some(highlight)),
                Err(why) => Action::Failed(why),
            }),
            Effect::Reread => {
                let known: Vec<&str> = state.docs.iter().map(|d| d.article.path.as_str()).collect();
                match crate::loader::read_new(&state.sources, &known) {
                    Ok((docs, problems)) => {
                        dispatch(state, saver, Action::LoadProblems(problems));
                        Some(Action::Added(docs, None))
                    }
                    Err(why) => Some(Action::Failed(why)),
                }
            }
        };
        if let Some(a) = result {
            dispatch(state, saver, a);
        }
    }
}

/// Tells the state how saving goes (a status asks nothing of the loop).
fn tell(state: &mut State, status: SaveStatus) {
    let _ = update(state, Action::SaveStatus(status));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{normalize, Loaded};

    /// Ticks of the event loop until `done`, for at most five seconds.
    fn until(state: &mut State, saver: &mut Saver, done: impl Fn(&State) -> bool) {
        let start = Instant::now();
        while !done(state) && start.elapsed() < Duration::from_secs(5) {
            saver.hear(state);
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// One article, opened with a store in a data folder of its own.
    fn reader_with_a_store() -> (tempfile::TempDir, std::path::PathBuf, State, Saver) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let data = dir.path().join("data");
        let articles = vec![normalize("a.txt", "Harbour plan approved\n\nThe council met on Monday.\n")];
        let mut state = State::new(Loaded { articles, problems: Vec::new() });
        let (store, err) = Store::open(&data);
        assert!(err.is_none(), "{err:?}");
        state.attach_store(&store);
        (dir, data, state, Saver::new(store))
    }

    /// Another program holding the database for longer than the writer waits.
    fn lock(data: &std::path::Path) -> rusqlite::Connection {
        let other = rusqlite::Connection::open(data.join(crate::store::db::FILE)).expect("opened");
        other.execute_batch("BEGIN EXCLUSIVE").expect("locked");
        other
    }

    #[test]
    fn a_failed_save_stays_on_screen_and_is_retried() {
        let (_dir, data, mut state, mut saver) = reader_with_a_store();
        let other = lock(&data);
        dispatch(&mut state, &mut saver, Action::Open);
        assert!(saver.dirty, "opening marks the article read");
        let started = Instant::now();
        saver.save(&mut state);
        assert!(started.elapsed() < Duration::from_millis(100), "the screen does not wait for the disk");
        until(&mut state, &mut saver, |s| s.saving);
        assert!(state.said().contains("saving…"), "{}", state.said());
        until(&mut state, &mut saver, |s| s.unsaved);
        assert!(state.unsaved);
        let warning = state.warning.clone().expect("a warning");
        assert!(warning.starts_with("not saved") && warning.contains("locked"), "{warning}");
        dispatch(&mut state, &mut saver, Action::Resize(100, 30));
        dispatch(&mut state, &mut saver, Action::Down);
        assert_eq!(state.warning.as_deref(), Some(warning.as_str()), "kept through keys and resizes");
        // Once it lets go, the next try writes what was kept.
        other.execute_batch("COMMIT").expect("released");
        saver.save(&mut state);
        until(&mut state, &mut saver, |s| !s.unsaved && !s.saving);
        assert!(!state.unsaved && !state.saving);
        let (store, err) = Store::open(&data);
        assert!(err.is_none());
        assert_eq!(store.data.read.len(), 1, "the read mark reached the disk");
        dispatch(&mut state, &mut saver, Action::DismissWarning);
        assert_eq!(state.warning, None);
    }

    #[test]
    fn quitting_waits_for_the_writer_and_what_it_could_not_write_is_kept() {
        let (_dir, data, mut state, mut saver) = reader_with_a_store();
        dispatch(&mut state, &mut saver, Action::Open);
        saver.save(&mut state);
        saver.before_quitting(&mut state);
        assert!(!state.unsaved, "written before the end");
        assert_eq!(Store::open(&data).0.data.read.len(), 1);
        // Held for longer than quitting waits: the change is still there to recover.
        let _other = lock(&data);
        dispatch(&mut state, &mut saver, Action::ToggleRead);
        saver.before_quitting(&mut state);
        assert!(state.unsaved);
        let (path, n) = saver.store.write_recovery().expect("a recovery file");
        assert_eq!(n, 1);
        assert!(std::fs::read_to_string(path).expect("written").contains("\"read\": false"));
    }

    #[test]
    fn another_bylines_changes_reach_the_screen_and_ours_reach_the_disk() {
        let (_dir, data, mut state, mut saver) = reader_with_a_store();
        let (mut other, _) = Store::open(&data);
        let fingerprint = crate::store::fingerprint(&state.docs[0].article);
        other.change(crate::store::Change::Read(fingerprint, crate::store::ReadMark { read: true, at: 1 }));
        other.save().expect("the other byline saves");
        assert!(!state.is_read(0));
        assert!(saver.refresh(&mut state), "the change is seen");
        assert!(state.is_read(0), "and shown");
        dispatch(&mut state, &mut saver, Action::ToggleRead);
        assert!(!state.is_read(0));
        saver.tick(&mut state);
        assert!(saver.store.flush(Duration::from_secs(2)), "written");
        assert!(other.refresh(), "the other byline hears of it");
        assert!(other.data.read.values().all(|m| !m.read), "the other byline sees ours");
    }
}
