//! The cost of one key in the reader on a 10 MB article, drawn into a `TestBackend` as the event
//! loop does, against the same keys on a small article: the layout is cached per article and
//! width, so the figures should match.

use byline::keys::action_for;
use byline::state::{update, Action, State};
use criterion::{criterion_group, criterion_main, Criterion};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn state_of(bytes: usize) -> State {
    let bundled = byline::load::bundled();
    let body: String =
        bundled.articles.iter().flat_map(|a| a.blocks.iter().map(|b| format!("{}\n\n", b.text))).collect();
    let text = format!("A very long article\n\n{}", byline::synth::repeat_to(&body, bytes));
    let article = byline::load::normalize("long.txt", &text);
    let mut s = State::new(byline::load::Loaded { articles: vec![article], problems: Vec::new() });
    update(&mut s, Action::Resize(120, 40));
    update(&mut s, Action::Open);
    s
}

fn keys(c: &mut Criterion) {
    for (label, bytes) in [("20 KB", 20_000), ("10 MB", 10_000_000)] {
        let mut state = state_of(bytes);
        let mut t = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
        let mut group = c.benchmark_group(format!("one key in a {label} article"));
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
        press("down and up a line (j, k)", &[KeyCode::Char('j'), KeyCode::Char('k')], &mut state);
        press("page down and up", &[KeyCode::PageDown, KeyCode::PageUp], &mut state);
        press("bottom and top (G, g)", &[KeyCode::Char('G'), KeyCode::Char('g')], &mut state);
        press("next and previous quotation (], [)", &[KeyCode::Char(']'), KeyCode::Char('[')], &mut state);
        press("sentence cursor (J, K)", &[KeyCode::Char('J'), KeyCode::Char('K')], &mut state);
        press("next and previous match (n, N)", &[KeyCode::Char('n'), KeyCode::Char('N')], &mut state);
        group.finish();
    }
}

criterion_group!(benches, keys);
criterion_main!(benches);
