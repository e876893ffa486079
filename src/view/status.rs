//! The status bar: where the reader is, the search prompt, messages and problems.

use super::theme;
use crate::keys::hints;
use crate::state::{Pane, PromptKind, State};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let line = if let Some(q) = &state.prompt {
        let label = match state.prompt_kind {
            PromptKind::Search => "/",
            PromptKind::Note => "note for this highlight: ",
            PromptKind::SourceFilter => "source filter (part of a source's name; empty clears): ",
            PromptKind::DateFilter => {
                "date filter (2025-10, 2025-03..2025-06, >=2025-01-01, 7d, undated; empty clears): "
            }
        };
        Line::from(vec![Span::styled(label, theme::KEY), Span::raw(q.clone()), Span::raw("▏")])
    } else {
        let mut spans = vec![Span::raw(position(state))];
        if let Some((done, total)) = state.loading {
            spans.push(Span::styled(format!(" · reading {done}/{total}…"), theme::KEY));
        }
        if !state.problems.is_empty() {
            let n = state.problems.len();
            let s = if n == 1 { "" } else { "s" };
            spans.push(Span::styled(format!(" · {n} file problem{s} (p)"), theme::WARNING));
        }
        if let Some(m) = &state.message {
            spans.push(Span::raw(format!(" · {m}")));
        } else {
            for (k, what) in hints(state) {
                spans.push(Span::raw(" · "));
                spans.push(Span::styled(k, theme::KEY));
                spans.push(Span::raw(format!(" {what}")));
            }
        }
        Line::from(spans)
    };
    frame.render_widget(Paragraph::new(line).style(theme::STATUS), area);
}

fn position(state: &State) -> String {
    if state.docs.is_empty() {
        return " No articles".into();
    }
    let Some(cursor) = state.cursor() else {
        return format!(" No article shown · filter {}", state.filter_text);
    };
    let mut s = format!(" Article {}/{} · {}", cursor + 1, state.shown.len(), state.focus.name());
    if state.filter.is_some() {
        s.push_str(&format!(" · date {} ({}/{})", state.filter_text, state.shown.len(), state.article_count()));
    }
    if state.focus == Pane::Reader {
        let total = state.reader_lines().lines.len();
        let h = usize::from(state.areas().reader_text().height);
        let pct = if total <= h { 100 } else { ((state.scroll + h) * 100 / total).min(100) };
        s.push_str(&format!(" · {pct}%"));
    }
    s
}
