//! The cost of one key on a state of 100,000 articles, each read and analysed: the action
//! applied and the screen drawn again into a `TestBackend`, as the event loop does.

mod common;

use byline::keys::action_for;
use byline::state::{update, Action, State};
use common::{corpus, today};
use criterion::{criterion_group, criterion_main, Criterion};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn keys(c: &mut Criterion) {
    let dir = corpus(100_000);
    let loaded = byline::load::load_paths(&[dir]).expect("the corpus exists");
    let mut state = State::with_today(loaded, today());
    update(&mut state, Action::Resize(120, 40));
    let mut t = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    let mut group = c.benchmark_group("one key at 100000 articles");
    // Each iteration presses the keys given in turn (a key and the one that undoes it, where
    // one is needed to stay in the same place) and draws after each; the time is per key.
    let mut press = |name: &str, codes: &[KeyCode], s: &mut State| {
        group.bench_function(name, |b| {
            let mut i = 0;
            b.iter(|| {
                let code = codes[i % codes.len()];
                i += 1;
                if let Some(a) = action_for(s, KeyEvent::new(code, KeyModifiers::NONE)) {
                    update(s, a);
                }
                t.draw(|f| byline::view::render(s, f)).expect("a drawn frame");
            })
        });
    };
    press("move the selection (j, k)", &[KeyCode::Char('j'), KeyCode::Char('k')], &mut state);
    press("open an article (Enter)", &[KeyCode::Enter], &mut state);
    press("page down and up in the reader", &[KeyCode::PageDown, KeyCode::PageUp], &mut state);
    press("next and previous quotation (], [)", &[KeyCode::Char(']'), KeyCode::Char('[')], &mut state);
    group.bench_function("apply a date filter (d, expression, Enter)", |b| {
        let mut i = 0;
        b.iter(|| {
            let expr = if i % 2 == 0 { "2023-03..2024-06" } else { "" };
            i += 1;
            update(&mut state, Action::StartDateFilter);
            for c in expr.chars() {
                update(&mut state, Action::SearchInput(c));
            }
            update(&mut state, Action::SearchSubmit);
            t.draw(|f| byline::view::render(&state, f)).expect("a drawn frame");
        })
    });
    group.finish();
}

criterion_group!(benches, keys);
criterion_main!(benches);
