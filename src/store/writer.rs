//! The writer thread: the reader hands it batches of changes and goes on drawing, so a slow
//! disk or another program holding the database never freezes the screen. It has its own
//! connection and waits for a busy database longer than the reader's own saves would.

use super::db::{self, Change};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::{channel, Receiver, Sender};
use std::time::{Duration, Instant};

/// How long the writer waits for another program's transaction before the batch fails (and is
/// handed back, to be tried again).
const BUSY: Duration = Duration::from_secs(2);

pub(super) struct Writer {
    tx: Sender<Vec<Change>>,
    done: Receiver<Result<(), String>>,
    /// Batches sent and not yet answered, oldest first, with when they were sent.
    pub(super) in_flight: VecDeque<(Vec<Change>, Instant)>,
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Writer({} in flight)", self.in_flight.len())
    }
}

impl Writer {
    /// Starts the thread for the database in `dir`. It answers each batch, in order.
    pub(super) fn start(dir: PathBuf) -> Writer {
        let (tx, rx) = channel::<Vec<Change>>();
        let (done_tx, done) = channel();
        std::thread::spawn(move || {
            let mut conn: Option<db::Db> = None;
            for batch in rx {
                let result = (|| {
                    if conn.is_none() {
                        conn = Some(db::open_writer(&dir, BUSY)?);
                    }
                    let c = conn.as_mut().ok_or("no connection")?;
                    c.write(&batch).map_err(|e| e.to_string())
                })();
                if result.is_err() {
                    // A fresh connection next time: the failure may have been the connection's.
                    conn = None;
                }
                if done_tx.send(result).is_err() {
                    return;
                }
            }
        });
        Writer { tx, done, in_flight: VecDeque::new() }
    }

    /// Hands `batch` to the thread, keeping a copy until it is answered. `false` if the thread
    /// is gone (the batch is then not kept here).
    pub(super) fn send(&mut self, batch: Vec<Change>) -> bool {
        self.in_flight.push_back((batch.clone(), Instant::now()));
        if self.tx.send(batch).is_err() {
            self.in_flight.pop_back();
            return false;
        }
        true
    }

    /// The next answer, waiting up to `wait` for it.
    pub(super) fn answer(&self, wait: Duration) -> Option<Result<(), String>> {
        match wait.is_zero() {
            true => self.done.try_recv().ok(),
            false => self.done.recv_timeout(wait).ok(),
        }
    }
}
