//! The writer thread: the reader hands it batches of changes and goes on drawing, so a slow
//! disk or another program holding the database never freezes the screen. It writes through
//! the store's own connection: a connection does not see its own commits as changes, so the
//! reader's check for another byline's writes is not set off by its own (and skips a tick
//! while the writer holds the connection, rather than waiting for it).

use super::db::{self, Change};
use std::collections::VecDeque;
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
    /// Starts the thread writing through `conn`. It answers each batch, in order.
    pub(super) fn start(conn: db::Db) -> Writer {
        let (tx, rx) = channel::<Vec<Change>>();
        let (done_tx, done) = channel();
        conn.wait_when_busy(BUSY);
        std::thread::spawn(move || {
            let mut conn = conn;
            for batch in rx {
                if done_tx.send(conn.write(&batch).map_err(|e| e.to_string())).is_err() {
                    return;
                }
            }
        });
        Writer { tx, done, in_flight: VecDeque::new() }
    }

    /// Hands `batch` to the thread, keeping a copy until it is answered; gives it back if the
    /// thread is gone.
    pub(super) fn send(&mut self, batch: Vec<Change>) -> Result<(), Vec<Change>> {
        self.in_flight.push_back((batch.clone(), Instant::now()));
        self.tx.send(batch).map_err(|e| {
            self.in_flight.pop_back();
            e.0
        })
    }

    /// The next answer, waiting up to `wait` for it.
    pub(super) fn answer(&self, wait: Duration) -> Option<Result<(), String>> {
        match wait.is_zero() {
            true => self.done.try_recv().ok(),
            false => self.done.recv_timeout(wait).ok(),
        }
    }
}
