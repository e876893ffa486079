//! The status bar: where the reader is, the search prompt, messages and problems.

use super::theme;
use crate::keys::hints;
use crate::state::{Pane, PromptKind, State};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let width = usize::from(area.width);
    if state.prompt.is_none() && area.height > 1 {
        // A message too long for one line gets the lines it needs, whole.
        let text = Span::styled(state.said(), if state.warning.is_some() { theme::WARNING } else { Style::new() });
        let para = Paragraph::new(Line::from(text)).wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(para.style(theme::STATUS), area);
        return;
    }
    let line = match &state.prompt {
        Some(q) => prompt_line(state.prompt_kind, q, width),
        None => status_line(state, width),
    };
    frame.render_widget(Paragraph::new(line).style(theme::STATUS), area);
}

/// The prompt, its label shortened and the start of a long entry left out so that what is
/// being typed is always in view.
fn prompt_line(kind: PromptKind, typed: &str, width: usize) -> Line<'static> {
    let (long, short) = match kind {
        PromptKind::Search => ("/", "/"),
        PromptKind::Note | PromptKind::EditNote => ("note for this highlight: ", "note: "),
        PromptKind::SpeakerFilter => ("speakers whose name has (empty lists all): ", "speakers: "),
        PromptKind::TextFilter => ("filter (words of a title, source, speaker or name; empty clears): ", "filter: "),
        PromptKind::DateFilter => {
            ("date filter (2025-10, 2025-03..2025-06, >=2025-01-01, 7d, undated; empty clears): ", "date: ")
        }
    };
    let typed_width = typed.width() + 1;
    let label = if long.width() + typed_width <= width { long } else { short };
    let room = width.saturating_sub(label.width() + 1);
    let shown = if typed.width() <= room {
        typed.to_string()
    } else {
        // Keep the end, where the typing happens.
        let mut tail = String::new();
        let mut used = 1;
        for c in typed.chars().rev() {
            used += c.width().unwrap_or(0);
            if used > room {
                break;
            }
            tail.insert(0, c);
        }
        format!("…{tail}")
    };
    Line::from(vec![Span::styled(label, theme::KEY), Span::raw(shown), Span::raw("▏")])
}

fn status_line(state: &State, width: usize) -> Line<'static> {
    let mut spans = vec![Span::raw(position(state))];
    if let Some((done, total)) = state.loading {
        spans.push(Span::styled(format!(" · reading {done}/{total}…"), theme::KEY));
    }
    if !state.problems.is_empty() {
        let n = state.problems.len();
        let s = if n == 1 { "" } else { "s" };
        spans.push(Span::styled(format!(" · {n} file problem{s} (p)"), theme::WARNING));
    }
    let mut said = Vec::new();
    if let Some(w) = &state.warning {
        said.push(Span::styled(format!(" · ⚠ {w} (Esc to dismiss)"), theme::WARNING));
    }
    if let Some(m) = &state.message {
        said.push(Span::raw(format!(" · {m}")));
    }
    if said.is_empty() {
        for (k, what) in hints(state) {
            spans.push(Span::raw(" · "));
            spans.push(Span::styled(k, theme::KEY));
            spans.push(Span::raw(format!(" {what}")));
        }
        return Line::from(spans);
    }
    // What byline has to say comes before where the reader is when both do not fit.
    let wide = |v: &[Span]| v.iter().map(|s| s.content.width()).sum::<usize>();
    if wide(&spans) + wide(&said) > width {
        if let Some(first) = said.first_mut() {
            first.content = first.content.trim_start_matches(" · ").to_string().into();
        }
        return Line::from(said);
    }
    spans.extend(said);
    Line::from(spans)
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
