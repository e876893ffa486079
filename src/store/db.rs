//! The store on disk: a SQLite database in the data folder, one row per highlight, deletion and
//! read mark.
//!
//! Every change the reader makes is recorded as a [`Change`] and written in one small
//! transaction, so its cost does not grow with the store, and a save writes only this
//! process's changes: a note edited in one byline is never reverted by a read mark saved in
//! another. Each save and each tick ask SQLite whether another connection changed the database
//! (`PRAGMA data_version`) and reload only then; changes not yet written stay in memory, are
//! applied again on top of a reload, and are retried with the next save. The schema version is
//! `PRAGMA user_version`: a newer one opens read-only, never downgraded. The database is made
//! private (0600, the data folder 0700) and opened through a symbolic link, never replaced.

use super::{Data, Highlight, ReadMark, StoreError, VERSION};
use rusqlite::{params, Connection, ErrorCode};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub const FILE: &str = "byline.db";
/// The JSON store of earlier versions, imported once and renamed `store.json.imported`.
pub const OLD_FILE: &str = "store.json";
/// The schema this byline writes.
pub const SCHEMA: i64 = 1;
/// How long a save waits for another byline's transaction before it gives up (and retries
/// with the next change).
const BUSY: std::time::Duration = std::time::Duration::from_millis(250);

/// One change the reader made, kept until it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Add(Highlight),
    Delete(String),
    Note(String, Option<String>),
    Read(String, ReadMark),
}

/// The open database, shared by clones of the store (the state is cloned in tests).
#[derive(Clone)]
pub(super) struct Db {
    conn: Arc<Mutex<Connection>>,
    /// `PRAGMA data_version` when the store last read the database.
    seen: i64,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Db")
    }
}

fn io(path: &Path, e: impl std::fmt::Display) -> String {
    format!("{}: {e}", path.display())
}

/// Makes the data folder (private) and the database file (private) if they are missing.
fn prepare(dir: &Path, path: &Path) -> Result<(), String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
        if !dir.exists() {
            std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir).map_err(|e| io(dir, e))?;
        }
        // Through a symbolic link if it is one: the link stays, its target is used.
        if std::fs::metadata(path).is_err() {
            std::fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(false)
                .mode(0o600)
                .open(path)
                .map_err(|e| io(path, e))?;
        }
    }
    #[cfg(not(unix))]
    std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    Ok(())
}

fn schema(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "BEGIN IMMEDIATE;
         CREATE TABLE IF NOT EXISTS highlights (
             id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, path TEXT NOT NULL, title TEXT NOT NULL,
             exact TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL,
             start INTEGER NOT NULL, end INTEGER NOT NULL,
             note TEXT, created INTEGER NOT NULL, modified INTEGER NOT NULL);
         CREATE TABLE IF NOT EXISTS deleted (id TEXT PRIMARY KEY, at INTEGER NOT NULL);
         CREATE TABLE IF NOT EXISTS read_marks (fingerprint TEXT PRIMARY KEY, read INTEGER NOT NULL, at INTEGER NOT NULL);
         PRAGMA user_version = 1;
         COMMIT;",
    )
    .inspect_err(|_| {
        // A batch that failed half-way leaves its transaction open: close it, to try again.
        if !conn.is_autocommit() {
            let _ = conn.execute_batch("ROLLBACK");
        }
    })
}

/// Opens the database in `dir`: the connection, whether it is read-only (a newer schema), and
/// why, when it is.
pub(super) fn open(dir: &Path) -> Result<(Db, Option<String>), String> {
    let path = dir.join(FILE);
    prepare(dir, &path)?;
    let conn = Connection::open(&path).map_err(|e| io(&path, e))?;
    conn.busy_timeout(BUSY).map_err(|e| io(&path, e))?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| io(&path, format!("not a byline database ({e})")))?;
    let newer = (version > SCHEMA).then(|| {
        format!(
            "{} was written by a newer byline (schema {version}, this one knows {SCHEMA}): highlights are read-only",
            path.display()
        )
    });
    if newer.is_none() {
        // Two bylines opening a new store at once: switching to WAL and creating the tables
        // take the whole file, and SQLite answers "locked" at once rather than waiting, so
        // each is tried again for a while.
        when_free(|| conn.pragma_update(None, "journal_mode", "WAL")).map_err(|e| io(&path, e))?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(|e| io(&path, e))?;
        if version < SCHEMA {
            when_free(|| schema(&conn)).map_err(|e| io(&path, e))?;
        }
    }
    let seen = data_version(&conn).map_err(|e| io(&path, e))?;
    Ok((Db { conn: Arc::new(Mutex::new(conn)), seen }, newer))
}

/// `f`, tried again while the database is busy or locked, for up to [`BUSY`].
fn when_free(mut f: impl FnMut() -> rusqlite::Result<()>) -> rusqlite::Result<()> {
    let start = std::time::Instant::now();
    loop {
        match f() {
            Err(e)
                if matches!(e.sqlite_error_code(), Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked))
                    && start.elapsed() < BUSY =>
            {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            other => return other,
        }
    }
}

fn data_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA data_version", [], |r| r.get(0))
}

impl Db {
    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Everything in the database.
    pub(super) fn load(&mut self) -> rusqlite::Result<Data> {
        let shared = Arc::clone(&self.conn);
        let conn = shared.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let (data, seen) = load_from(&conn)?;
        self.seen = seen;
        Ok(data)
    }

    /// Everything in the database if another program changed it since it was last read;
    /// `None` when nothing changed, or when the writer thread is using the connection (it is
    /// asked again on the next tick rather than waited for).
    pub(super) fn reload_if_changed(&mut self) -> Option<rusqlite::Result<Data>> {
        let shared = Arc::clone(&self.conn);
        let conn = match shared.try_lock() {
            Ok(c) => c,
            Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => return None,
        };
        if data_version(&conn).ok()? == self.seen {
            return None;
        }
        Some(load_from(&conn).map(|(data, seen)| {
            self.seen = seen;
            data
        }))
    }

    /// Sets how long a write waits for another program's transaction.
    pub(super) fn wait_when_busy(&self, busy: std::time::Duration) {
        let _ = self.lock().busy_timeout(busy);
    }
    /// Writes `changes` in one transaction: all or none.
    pub(super) fn write(&mut self, changes: &[Change]) -> rusqlite::Result<()> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let now = super::now_millis() as i64;
        for c in changes {
            match c {
                Change::Add(h) => {
                    tx.execute(
                        "INSERT INTO highlights (id, fingerprint, path, title, exact, prefix, suffix, start, end, note, created, modified)
                         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12
                         WHERE NOT EXISTS (SELECT 1 FROM deleted WHERE id = ?1)
                         ON CONFLICT (id) DO NOTHING",
                        params![
                            h.id,
                            h.article.fingerprint,
                            h.article.path,
                            h.article.title,
                            h.anchor.exact,
                            h.anchor.prefix,
                            h.anchor.suffix,
                            h.anchor.start as i64,
                            h.anchor.end as i64,
                            h.note,
                            h.created as i64,
                            now
                        ],
                    )?;
                }
                Change::Delete(id) => {
                    tx.execute("DELETE FROM highlights WHERE id = ?1", params![id])?;
                    tx.execute(
                        "INSERT INTO deleted (id, at) VALUES (?1, ?2) ON CONFLICT (id) DO NOTHING",
                        params![id, now],
                    )?;
                }
                Change::Note(id, note) => {
                    tx.execute("UPDATE highlights SET note = ?2, modified = ?3 WHERE id = ?1", params![id, note, now])?;
                }
                Change::Read(fingerprint, m) => {
                    tx.execute(
                        "INSERT INTO read_marks (fingerprint, read, at) VALUES (?1, ?2, ?3)
                         ON CONFLICT (fingerprint) DO UPDATE SET read = excluded.read, at = excluded.at
                         WHERE excluded.at >= read_marks.at",
                        params![fingerprint, m.read, m.at as i64],
                    )?;
                }
            }
        }
        tx.commit()
    }
}

/// Everything in the database, and the `data_version` it was read at.
fn load_from(conn: &Connection) -> rusqlite::Result<(Data, i64)> {
    let mut data = Data { version: VERSION, ..Data::default() };
    let mut q = conn.prepare(
        "SELECT id, fingerprint, path, title, exact, prefix, suffix, start, end, note, created
         FROM highlights ORDER BY created, id",
    )?;
    let rows = q.query_map([], |r| {
        Ok(Highlight {
            id: r.get(0)?,
            article: super::ArticleRef { fingerprint: r.get(1)?, path: r.get(2)?, title: r.get(3)? },
            anchor: super::Anchor {
                exact: r.get(4)?,
                prefix: r.get(5)?,
                suffix: r.get(6)?,
                start: r.get::<_, i64>(7)?.max(0) as usize,
                end: r.get::<_, i64>(8)?.max(0) as usize,
            },
            note: r.get(9)?,
            created: r.get::<_, i64>(10)?.max(0) as u64,
        })
    })?;
    data.highlights = rows.collect::<rusqlite::Result<_>>()?;
    let mut q = conn.prepare("SELECT id FROM deleted ORDER BY at, id")?;
    data.deleted = q.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let mut q = conn.prepare("SELECT fingerprint, read, at FROM read_marks")?;
    let marks = q.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, ReadMark { read: r.get(1)?, at: r.get::<_, i64>(2)?.max(0) as u64 }))
    })?;
    data.read = marks.collect::<rusqlite::Result<_>>()?;
    drop(q);
    Ok((data, data_version(conn)?))
}

/// `data` after `changes`, as this process sees them before they are written.
pub(super) fn apply(data: &mut Data, changes: &[Change]) {
    for c in changes {
        match c {
            Change::Add(h) => {
                if !data.deleted.contains(&h.id) && !data.highlights.iter().any(|x| x.id == h.id) {
                    data.highlights.push(h.clone());
                }
            }
            Change::Delete(id) => {
                data.highlights.retain(|h| h.id != *id);
                if !data.deleted.contains(id) {
                    data.deleted.push(id.clone());
                }
            }
            Change::Note(id, note) => {
                if let Some(h) = data.highlights.iter_mut().find(|h| h.id == *id) {
                    h.note = note.clone();
                }
            }
            Change::Read(f, m) => {
                if data.read.get(f).is_none_or(|old| old.at <= m.at) {
                    data.read.insert(f.clone(), *m);
                }
            }
        }
    }
}

/// The changes that bring `data` (an old JSON store or a recovery file) into a store: its
/// highlights (with their notes, which win over older ones), deletions and read marks.
pub fn changes_of(data: &Data) -> Vec<Change> {
    let mut out: Vec<Change> = data.highlights.iter().cloned().map(Change::Add).collect();
    out.extend(data.highlights.iter().filter(|h| h.note.is_some()).map(|h| Change::Note(h.id.clone(), h.note.clone())));
    out.extend(data.deleted.iter().cloned().map(Change::Delete));
    out.extend(data.read.iter().map(|(f, m)| Change::Read(f.clone(), *m)));
    out
}

/// What `pending` changed, as a store's JSON for a recovery file: the highlights added or
/// annotated (whole, as they are now), the deletions and the read marks.
pub fn recovery_data(now: &Data, pending: &[Change]) -> Data {
    let mut out = Data { version: VERSION, ..Data::default() };
    for c in pending {
        match c {
            Change::Add(Highlight { id, .. }) | Change::Note(id, _) => {
                if let Some(h) = now.highlights.iter().find(|h| h.id == *id) {
                    if !out.highlights.iter().any(|x| x.id == h.id) {
                        out.highlights.push(h.clone());
                    }
                }
            }
            Change::Delete(id) => out.deleted.push(id.clone()),
            Change::Read(f, m) => {
                out.read.insert(f.clone(), *m);
            }
        }
    }
    out
}

/// Where a recovery file goes: beside the database, else in the temporary folder.
pub fn recovery_paths(dir: &Path) -> [PathBuf; 2] {
    let name = format!("byline-recovery-{}-{}.json", super::now_millis(), std::process::id());
    [dir.join(&name), std::env::temp_dir().join(name)]
}

/// Reads an old `store.json` or a recovery file.
pub fn read_json(path: &Path) -> Result<Option<Data>, String> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    let data: Data = serde_json::from_slice(&bytes).map_err(|e| format!("not a byline store ({e})"))?;
    if data.version != VERSION {
        return Err(format!("store version {} is not one this byline knows ({VERSION})", data.version));
    }
    Ok(Some(data))
}

/// Imports `store.json` from `dir` into the database once, renaming it `store.json.imported`.
/// An unreadable one is left untouched and said.
pub(super) fn import_old(dir: &Path, db: &mut Db) -> Option<StoreError> {
    let path = dir.join(OLD_FILE);
    match read_json(&path) {
        Ok(None) => None,
        Ok(Some(data)) => {
            let werr = |why: String| StoreError::Write { path: path.display().to_string(), why };
            if let Err(e) = db.write(&changes_of(&data)) {
                return Some(werr(format!("could not import it ({e}); it is left as it was")));
            }
            std::fs::rename(&path, dir.join(format!("{OLD_FILE}.imported"))).err().map(|e| werr(e.to_string()))
        }
        Err(why) => Some(StoreError::Unreadable {
            path: path.display().to_string(),
            why: format!("{why}; nothing was imported from it"),
        }),
    }
}
