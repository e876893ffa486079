//! Keeping one article's failure from costing the others.
//!
//! The loader and the analysis run on text byline has never seen. A bug there must cost one
//! article, not the program: each article's work runs under [`catch`], and a panic comes back
//! as an error message that becomes a [`Problem`](crate::load::Problem). Such a panic is kept
//! off the screen by a panic hook that stays quiet on threads inside `catch`; every other panic
//! goes to the hook that was there before (the terminal's, which restores the screen first).

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

static INSTALL: Once = Once::new();

/// Installs the quiet hook around whatever hook is set now. Called by [`catch`]; the terminal
/// calls it again after setting its own hook, which is then the one wrapped.
pub fn install() {
    INSTALL.call_once(wrap_current);
}

/// Wraps the current hook even if a quiet hook was installed before: used by the terminal,
/// whose hook must stay behind the quiet one.
pub fn reinstall() {
    wrap_current();
}

fn wrap_current() {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if QUIET.with(Cell::get) {
            let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
            LAST.with(|m| *m.borrow_mut() = Some(format!("{}{at}", message(info.payload()))));
        } else {
            previous(info);
        }
    }));
}

fn message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown error".into())
}

/// Runs `f`; a panic inside it comes back as `Err` with its message, printed nowhere.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install();
    let was = QUIET.with(|q| q.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    result.map_err(|payload| LAST.with(|m| m.borrow_mut().take()).unwrap_or_else(|| message(payload.as_ref())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message_and_the_next_call_works() {
        let r: Result<(), String> = catch(|| panic!("bad offset {}", 3));
        let e = r.expect_err("caught");
        assert!(e.starts_with("bad offset 3 at src/guard.rs"), "{e}");
        assert_eq!(catch(|| 2 + 2), Ok(4));
    }
}
