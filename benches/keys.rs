//! The cost of one key on a state of 100,000 articles, each read and analysed: the action
//! applied and the screen drawn again into a `TestBackend`, as the event loop does.

mod common;

use byline::keys::action_for;
use byline::state::{update, Action, State};
use common::{corpus, today};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
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
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let mut press = |name: &str, setup: &dyn Fn(&mut State), code: KeyCode| {
        group.bench_function(name, |b| {
            b.iter_batched_ref(
                || {
                    let mut s = state.clone();
                    setup(&mut s);
                    s
                },
                |s| {
                    if let Some(a) = action_for(s, key(code)) {
                        update(s, a);
                    }
                    t.draw(|f| byline::view::render(s, f)).expect("a drawn frame");
                },
                BatchSize::LargeInput,
            )
        });
    };
    press("move the selection (j)", &|_| {}, KeyCode::Char('j'));
    press("open an article (Enter)", &|_| {}, KeyCode::Enter);
    press("page down in the reader", &|s| update(s, Action::Open), KeyCode::PageDown);
    press("next quotation (])", &|s| update(s, Action::Open), KeyCode::Char(']'));
    press(
        "apply a date filter (2023-03..2024-06, Enter)",
        &|s| {
            update(s, Action::StartDateFilter);
            for c in "2023-03..2024-06".chars() {
                update(s, Action::SearchInput(c));
            }
        },
        KeyCode::Enter,
    );
    group.finish();
}

criterion_group!(benches, keys);
criterion_main!(benches);
