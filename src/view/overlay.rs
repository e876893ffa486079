//! Windows drawn over the panes: the key help and the list of files that could not be read.

use super::theme;
use crate::keys::help_lines;
use crate::layout::{centered, problem_lines, problems_window, window_scroll};
use crate::state::State;
use crate::text::slice;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

/// Every key, from the key table, one per line; the window scrolls when the screen is short.
pub fn help(state: &State, frame: &mut Frame, screen: Rect) {
    let rows = help_lines(&state.keymap);
    let label_width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
    let entry_width = rows.iter().map(|(_, h)| h.chars().count()).max().unwrap_or(0) + label_width + 2;
    let mut lines: Vec<Line> = rows
        .iter()
        .map(|(k, what)| match k.as_str() {
            "" => Line::from(Span::styled(*what, theme::HEADING)),
            k => Line::from(vec![Span::styled(format!("{k:<label_width$}  "), theme::KEY), Span::raw(*what)]),
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::from(Span::styled("j/k scroll · Esc, q or ? closes this window", theme::DIM)));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let area = centered(screen, u16::try_from(entry_width + 2).unwrap_or(u16::MAX), height);
    let scroll = state.overlay_scroll.min(window_scroll(area.height, lines.len()));
    frame.render_widget(Clear, area);
    let block = Block::default().borders(Borders::ALL).border_style(theme::FOCUSED).title(scrolled(
        " Keys ",
        scroll,
        area,
        lines.len(),
    ));
    let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}

/// A window's title, with where the view stands when the text does not fit.
fn scrolled(title: &str, scroll: usize, area: Rect, lines: usize) -> String {
    let shown = usize::from(area.height.saturating_sub(2));
    if lines <= shown {
        title.to_string()
    } else {
        format!("{title}· lines {}–{} of {lines} ", scroll + 1, (scroll + shown).min(lines))
    }
}

pub fn problems(state: &State, frame: &mut Frame, screen: Rect) {
    let area = problems_window(screen);
    let mut lines: Vec<Line> =
        if state.problems.is_empty() {
            vec![Line::from("Every file was read without trouble.")]
        } else {
            problem_lines(&state.problems, area)
                .into_iter()
                .map(|(path, text)| {
                    if path {
                        Line::from(Span::styled(text, theme::WARNING))
                    } else {
                        Line::from(format!("  {text}"))
                    }
                })
                .collect()
        };
    lines.push(Line::default());
    lines.push(Line::from(Span::styled("j/k scroll · Esc, q or p closes this window", theme::DIM)));
    let scroll = state.overlay_scroll.min(window_scroll(area.height, lines.len()));
    frame.render_widget(Clear, area);
    let title = scrolled(&format!(" File problems ({}) ", state.problems.len()), scroll, area, lines.len());
    let block = Block::default().borders(Borders::ALL).border_style(theme::WARNING).title(title);
    let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}

/// The corpus view of speakers: every speaker with quotation and article counts, or one
/// speaker's quotations across the articles.
pub fn speakers(state: &State, frame: &mut Frame, screen: Rect) {
    use ratatui::widgets::{List, ListItem, ListState};
    let area = centered(screen, screen.width.saturating_sub(6), screen.height.saturating_sub(4));
    frame.render_widget(Clear, area);
    let width = usize::from(area.width.saturating_sub(2));
    let (title, items, selected): (String, Vec<ListItem>, usize) = match state.corpus.speaker {
        None => {
            let rows = state.corpus_rows();
            let items = rows
                .iter()
                .filter_map(|&i| state.speakers.list.get(i))
                .map(|s| {
                    let counts = format!(
                        "{} quote{} · {} article{}",
                        s.quotes.len(),
                        if s.quotes.len() == 1 { "" } else { "s" },
                        s.articles,
                        if s.articles == 1 { "" } else { "s" }
                    );
                    let name = super::list::truncate(&s.name, width.saturating_sub(counts.len() + 2));
                    let pad = width.saturating_sub(unicode_width::UnicodeWidthStr::width(name.as_str()) + counts.len());
                    ListItem::new(Line::from(vec![
                        Span::styled(name, theme::speaker(Some(s.colour))),
                        Span::raw(" ".repeat(pad)),
                        Span::styled(counts, theme::DIM),
                    ]))
                })
                .collect();
            let count = match &state.corpus.filter {
                Some(f) => format!("{} of {} · “{f}”", rows.len(), state.speakers.list.len()),
                None => state.speakers.list.len().to_string(),
            };
            (
                format!(" Speakers in all articles ({count}) · Enter: their quotes · f: filter · Esc: close "),
                items,
                state.corpus.speaker_row,
            )
        }
        Some(i) => {
            let Some(sp) = state.speakers.list.get(i) else { return };
            let items = sp
                .quotes
                .iter()
                .filter_map(|r| {
                    let doc = state.docs.get(r.doc)?;
                    let q = doc.analysis.quotes.get(r.quote)?;
                    let title = super::list::truncate(&doc.article.title, width);
                    let text = super::list::truncate(&format!("“{}”", q.text.replace('\n', " ")), width);
                    Some(ListItem::new(vec![
                        Line::from(Span::styled(title, theme::DIM)),
                        Line::from(Span::styled(text, theme::speaker(Some(sp.colour)))),
                    ]))
                })
                .collect();
            (format!(" {} · Enter: open · Esc: back ", sp.name), items, state.corpus.quote_row)
        }
    };
    let empty = items.is_empty();
    let block = Block::default().borders(Borders::ALL).border_style(theme::FOCUSED).title(title);
    if empty {
        frame.render_widget(Paragraph::new("No quotation has a known speaker.").block(block), area);
        return;
    }
    let mut ls = ListState::default().with_selected(Some(selected));
    frame.render_stateful_widget(List::new(items).block(block).highlight_style(theme::SELECTED), area, &mut ls);
}

/// Every highlight across the articles: title and date, the passage, its speaker and note.
pub fn highlights(state: &State, frame: &mut Frame, screen: Rect) {
    use ratatui::widgets::{List, ListItem, ListState};
    let area = centered(screen, screen.width.saturating_sub(6), screen.height.saturating_sub(4));
    frame.render_widget(Clear, area);
    let width = usize::from(area.width.saturating_sub(2));
    let title = format!(" Highlights ({}) ", state.placed.len());
    let keys = " Enter open · e note · x delete · q close ";
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme::FOCUSED)
        .title(title)
        .title_bottom(super::list::truncate(keys, width));
    if state.placed.is_empty() {
        let help = "No highlights yet. In the reader, J and K move the sentence cursor, v selects, m highlights.";
        frame.render_widget(Paragraph::new(help).wrap(Wrap { trim: true }).block(block), area);
        return;
    }
    let items: Vec<ListItem> = state
        .placed
        .iter()
        .filter_map(|p| Some((p, state.marks.highlights.get(p.highlight)?)))
        .map(|(p, h)| {
            let (head, text, speaker) = match p.at.as_ref().and_then(|(doc, r)| Some((state.docs.get(*doc)?, r))) {
                Some((d, range)) => {
                    let date = super::date_label(d.article.date, super::SHORT_DATE);
                    let flat = crate::store::flat_text(&d.article);
                    let speaker = crate::highlights::speaker_in(&d.article, &d.analysis, range.clone());
                    (
                        format!("{date} · {}", d.article.title),
                        slice::range(&flat, range.clone()).replace('\n', " "),
                        speaker,
                    )
                }
                None if !p.loaded => (
                    format!("not loaded · {} ({})", h.article.title, h.article.path),
                    h.anchor.exact.replace('\n', " "),
                    None,
                ),
                None => (format!("orphaned · {}", h.article.title), h.anchor.exact.replace('\n', " "), None),
            };
            let mut lines = vec![
                Line::from(Span::styled(super::list::truncate(&head, width), theme::DIM)),
                Line::from(Span::styled(super::list::truncate(&text, width), theme::HIGHLIGHT)),
            ];
            let mut extra = Vec::new();
            if let Some(s) = speaker {
                extra.push(Span::styled(format!("— {s}"), theme::speaker(state.speakers.colour(&s))));
            }
            if let Some(n) = &h.note {
                extra.push(Span::styled(format!("  ✎ {n}"), theme::LABEL));
            }
            if !extra.is_empty() {
                lines.push(Line::from(extra));
            }
            ListItem::new(lines)
        })
        .collect();
    let mut ls = ListState::default().with_selected(Some(state.highlight_row));
    frame.render_stateful_widget(List::new(items).block(block).highlight_style(theme::SELECTED), area, &mut ls);
}
