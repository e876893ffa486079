//! The one place state changes: every [`Action`] is carried out here.

use super::*;

/// The one place state changes. What it asks of the world outside (a save, a program to run, a
/// file to read) comes back as [`Effect`]s, in order, for the event loop to carry out.
pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    // Word from the store's writer is no key: the line the last key left stays.
    if !matches!(action, Action::MarksChanged(_) | Action::SaveStatus(_)) {
        state.message = None;
    }
    change(state, action);
    std::mem::take(&mut state.effects)
}

fn change(state: &mut State, action: Action) {
    if let Action::Count(d) = action {
        // Counts stop at four digits: `99999j` is a slip, not a wish.
        let n = state.count.unwrap_or(0).saturating_mul(10).saturating_add(usize::from(d)).min(9999);
        state.count = Some(n);
        state.message = Some(format!("{n}…"));
        return;
    }
    let count = state.count.take();
    let anchor = state.reading_anchor();
    match (action, count) {
        // `12G` goes to the twelfth line or entry, as in vim.
        (Action::Bottom, Some(n)) => {
            apply(state, Action::Top);
            state.move_by(isize::try_from(n.saturating_sub(1)).unwrap_or(0));
        }
        (a, Some(n)) if a.repeats() => {
            for _ in 0..n {
                apply(state, a.clone());
            }
        }
        (a, _) => apply(state, a),
    }
    state.keep_anchor(anchor);
    state.follow_list();
}

impl Action {
    /// Whether a count repeats this action.
    fn repeats(&self) -> bool {
        matches!(
            self,
            Action::Down
                | Action::Up
                | Action::PageDown
                | Action::PageUp
                | Action::HalfPageDown
                | Action::HalfPageUp
                | Action::NextMatch
                | Action::PrevMatch
                | Action::NextQuote
                | Action::PrevQuote
                | Action::NextBySpeaker
                | Action::PrevBySpeaker
                | Action::NextSentence
                | Action::PrevSentence
        )
    }
}

fn apply(state: &mut State, action: Action) {
    match action {
        Action::Down => state.move_by(1),
        Action::Up => state.move_by(-1),
        Action::PageDown => state.move_by(state.page()),
        Action::PageUp => state.move_by(-state.page()),
        Action::HalfPageDown => state.move_by((state.page() / 2).max(1)),
        Action::HalfPageUp => state.move_by(-(state.page() / 2).max(1)),
        Action::Top => state.move_by(isize::MIN / 2),
        Action::Bottom => state.move_by(isize::MAX / 2),
        Action::Open if state.overlay == Some(Overlay::Speakers) => state.corpus_open(),
        Action::Open if state.overlay == Some(Overlay::Highlights) => state.open_highlight(state.highlight_row),
        Action::Open => match state.focus {
            Pane::List if state.current().is_some() => {
                state.focus = Pane::Reader;
                state.set_read(state.selected, true);
            }
            Pane::Side => state.open_side_row(),
            _ => {}
        },
        Action::Back if state.overlay == Some(Overlay::Speakers) && state.corpus.speaker.is_some() => {
            state.corpus.speaker = None;
        }
        Action::Back => {
            if state.overlay.is_some() {
                state.overlay = None;
            } else {
                state.focus = Pane::List;
            }
        }
        Action::NextQuote => state.step_quote(true),
        Action::PrevQuote => state.step_quote(false),
        Action::NextBySpeaker => state.step_speaker(true),
        Action::PrevBySpeaker => state.step_speaker(false),
        Action::NextSentence => state.move_sentence(true),
        Action::PrevSentence => state.move_sentence(false),
        Action::ToggleSelection => {
            state.selecting = match (state.selecting, state.passage()) {
                (Some(_), _) | (None, None) => None,
                (None, Some(p)) => Some(p.start),
            };
            state.message = Some(match state.selecting {
                Some(_) => "Selecting: J/K to grow, m to highlight, v to stop".into(),
                None if state.sentence.is_none() => "Move the sentence cursor with J and K first".into(),
                None => "Selection dropped".into(),
            });
        }
        Action::ToggleHighlight => state.toggle_highlight(None),
        Action::NoteHighlight => {
            if state.passage().is_some() {
                state.prompt = Some(String::new());
                state.prompt_kind = PromptKind::Note;
            } else {
                state.message = Some("Move the sentence cursor with J and K first".into());
            }
        }
        Action::ToggleHighlightList => {
            state.overlay = (state.overlay != Some(Overlay::Highlights)).then_some(Overlay::Highlights);
        }
        Action::MarkAllRead => state.mark_all_read(),
        Action::Count(_) => {}
        Action::Centre => state.centre(),
        Action::DeleteHighlight => state.delete_highlight(),
        Action::EditHighlightNote => state.edit_highlight_note(),
        Action::ToggleRead => {
            if state.current().is_some() {
                let read = !state.is_read(state.selected);
                state.set_read(state.selected, read);
                state.message = Some(if read { "Marked read" } else { "Marked unread" }.into());
            }
        }
        Action::ToggleSpeakers => {
            state.overlay = (state.overlay != Some(Overlay::Speakers)).then_some(Overlay::Speakers);
        }
        Action::ToggleWide => {
            state.wide = !state.wide;
            if state.wide {
                state.focus = Pane::Reader;
            }
            state.message =
                Some(if state.wide { "Wide reading: w for the list and names" } else { "Three panes" }.into());
        }
        Action::NextPane => state.focus = state.focus.next(),
        Action::PrevPane => state.focus = state.focus.prev(),
        Action::StartSearch => state.open_prompt(PromptKind::Search, String::new()),
        Action::StartSpeakerFilter => {
            state.open_prompt(PromptKind::SpeakerFilter, state.corpus.filter.clone().unwrap_or_default());
        }
        Action::StartDateFilter => state.open_prompt(PromptKind::DateFilter, state.filter_text.clone()),
        Action::StartTextFilter => {
            state.open_prompt(PromptKind::TextFilter, state.text_filter.clone().unwrap_or_default());
        }
        Action::OpenLink => state.request_open(),
        Action::CycleSort => {
            state.sort = state.sort.next();
            state.resort();
            state.message = Some(format!("Sorted by {}", state.sort.name()));
        }
        Action::SearchInput(c) => {
            if let Some(p) = &mut state.prompt {
                p.push(c);
            }
        }
        Action::SearchBackspace => {
            if let Some(p) = &mut state.prompt {
                p.pop();
            }
        }
        Action::PromptDeleteWord => {
            if let Some(p) = &mut state.prompt {
                let kept = p.trim_end().rfind(char::is_whitespace).map_or(0, |i| i + 1);
                p.truncate(kept);
            }
        }
        Action::PromptClear => {
            if let Some(p) = &mut state.prompt {
                p.clear();
            }
        }
        Action::PromptHistory(back) => state.recall(back),
        Action::DismissWarning => state.warning = None,
        Action::SearchCancel => state.prompt = None,
        Action::SearchSubmit => {
            let text = state.prompt.take().unwrap_or_default();
            state.remember(&text);
            match state.prompt_kind {
                PromptKind::Search => submit_search(state, text.trim()),
                PromptKind::TextFilter => {
                    state.message = Some(match state.set_text_filter(&text) {
                        Ok(()) if state.text_filter.is_some() => {
                            format!(
                                "{} of {} articles with “{}”",
                                state.shown.len(),
                                state.article_count(),
                                text.trim()
                            )
                        }
                        Ok(()) => "Filter cleared".to_string(),
                        Err(why) => format!("Filter unchanged: {why}"),
                    });
                }
                PromptKind::Note => state.toggle_highlight(Some(text.trim().to_string())),
                PromptKind::EditNote => state.set_note(text.trim()),
                PromptKind::SpeakerFilter => state.set_speaker_filter(&text),
                PromptKind::DateFilter => {
                    state.message = Some(match state.set_filter(&text) {
                        Ok(()) => match state.filter {
                            Some(DateFilter::Undated) => {
                                format!("{} of {} articles are undated", state.shown.len(), state.docs.len())
                            }
                            Some(f) => format!("{} of {} articles dated {f}", state.shown.len(), state.docs.len()),
                            None => "Date filter cleared".to_string(),
                        },
                        Err(why) => format!("Filter unchanged: {why}"),
                    });
                }
            }
        }
        Action::NextMatch if state.focus == Pane::List && state.overlay.is_none() => state.next_unread(),
        Action::NextMatch => state.go_to_match(true, true),
        Action::PrevMatch => state.go_to_match(false, true),
        Action::ToggleHelp => {
            state.overlay = (state.overlay != Some(Overlay::Help)).then_some(Overlay::Help);
            state.overlay_scroll = 0;
        }
        Action::ToggleProblems => {
            state.overlay = (state.overlay != Some(Overlay::Problems)).then_some(Overlay::Problems);
            state.overlay_scroll = 0;
        }
        Action::CloseOverlay => state.overlay = None,
        Action::Loaded(batch) => {
            state.generation += 1;
            let mut replaced = Vec::with_capacity(batch.len());
            let before = state.docs.len();
            for Arrived { slot: i, doc, fingerprint } in batch {
                if i < state.docs.len() {
                    state.dates[i] = doc.article.date;
                    state.fingerprints[i] = fingerprint;
                    state.docs[i] = doc;
                    replaced.push(i);
                } else if i == state.docs.len() {
                    // One more article of a feed: the list grows.
                    state.push_fingerprinted(doc, fingerprint);
                    replaced.push(i);
                }
            }
            if state.docs.len() > before {
                state.resort();
            }
            state.replace_highlights_in(&replaced);
            state.scroll = state.scroll.min(state.max_scroll());
        }
        Action::LoadProgress(done, total) => state.loading = Some((done, total)),
        Action::LoadProblems(problems) => state.problems.extend(problems),
        Action::Skipped(files) => {
            state.skipped.extend(files);
            state.refilter();
        }
        Action::Reread if state.loading.is_some() => {
            state.message = Some("Still reading the folder: r when it is done".into());
        }
        Action::Reread if state.sources.is_empty() => {
            state.message = Some("These are the bundled articles: there is no folder to read again".into());
        }
        Action::Reread => {
            state.effects.push(Effect::Reread);
            state.message = Some("Looking for new files…".into());
        }
        Action::Added(docs, highlight) => {
            state.generation += 1;
            let added = docs.len();
            for doc in docs {
                state.push_doc(doc);
            }
            state.speakers = Speakers::build(state.docs.iter().map(|d| &d.analysis));
            state.resort();
            state.replace_highlights();
            let Some(highlight) = highlight else {
                state.message = Some(match added {
                    0 => "No new files".to_string(),
                    1 => "1 new article".to_string(),
                    n => format!("{n} new articles"),
                });
                return;
            };
            match state.placed.iter().position(|p| p.highlight == highlight) {
                Some(row) if state.placed[row].at.is_some() => state.open_highlight(row),
                _ => state.message = Some("The file was read, but this highlight's passage is not in it".into()),
            }
        }
        Action::LoadDone => {
            state.loading = None;
            state.speakers = Speakers::build(state.docs.iter().map(|d| &d.analysis));
            // The whole files bring dates the first looks lacked, so the order changes: a
            // cursor still on the first entry stays there, on what is now first.
            let at_top = state.cursor() == Some(0);
            state.resort();
            if let Some(&first) = state.shown.first().filter(|_| at_top && state.focus == Pane::List) {
                state.select(first);
            }
            state.replace_highlights();
        }
        Action::Resize(w, h) => {
            state.screen = Rect::new(0, 0, w, h);
            state.scroll = state.scroll.min(state.max_scroll());
        }
        Action::Quit => state.quit = true,
        Action::MarksChanged(marks) => state.take_marks(marks),
        Action::SaveStatus(status) => state.hear_save(status),
        Action::Failed(why) => state.message = Some(why),
    }
}

/// Runs a search typed at the prompt. An empty query clears the search; a query that is not in
/// the article says so and leaves the previous search as it was.
fn submit_search(state: &mut State, query: &str) {
    if query.is_empty() {
        state.search = None;
        state.message = Some("Search cleared".into());
        return;
    }
    let Some(found) = state.run_search(query) else {
        state.message = Some("No article to search".into());
        return;
    };
    if found.matches.is_empty() {
        state.message = Some(format!("“{query}” is not in this article"));
        return;
    }
    let lines = state.reader_lines();
    let first_visible = found
        .matches
        .iter()
        .position(|m| lines.line_of(m.block, m.range.start).is_some_and(|l| l >= state.scroll))
        .unwrap_or(0);
    let n = found.matches.len();
    state.search = Some(Search { current: (first_visible + n - 1) % n, ..found });
    state.go_to_match(true, false);
    state.focus = Pane::Reader;
}
