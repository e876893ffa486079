//! The prompt in the status bar: opening it, and its history (Up and Down recall what was typed
//! before at the same prompt, as in a shell).

use super::*;

/// How many entries the history keeps.
const HISTORY: usize = 100;

impl State {
    pub(super) fn open_prompt(&mut self, kind: PromptKind, text: String) {
        self.prompt = Some(text);
        self.prompt_kind = kind;
        self.history_at = None;
    }

    /// Keeps a submitted entry, once, as the newest of its prompt's history.
    pub(super) fn remember(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let kind = self.prompt_kind;
        self.history.retain(|(k, t)| !(*k == kind && t == text));
        self.history.push((kind, text.to_string()));
        if self.history.len() > HISTORY {
            self.history.remove(0);
        }
    }

    /// Up (`back`) or Down at the prompt: the previous or next entry of this prompt's history;
    /// Down past the newest empties the prompt.
    pub(super) fn recall(&mut self, back: bool) {
        let kind = self.prompt_kind;
        let mine: Vec<usize> = (0..self.history.len()).filter(|&i| self.history[i].0 == kind).collect();
        let here = self.history_at.and_then(|h| mine.iter().position(|&i| i == h));
        let next = match (here, back) {
            (None, true) => mine.last().copied(),
            (Some(k), true) => Some(mine[k.saturating_sub(1)]),
            (Some(k), false) => mine.get(k + 1).copied(),
            (None, false) => None,
        };
        match next {
            Some(i) => {
                self.history_at = Some(i);
                self.prompt = Some(self.history[i].1.clone());
            }
            None if !back => {
                self.history_at = None;
                self.prompt = Some(String::new());
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::normalize;

    fn state() -> State {
        let articles = vec![normalize("a.txt", "Harbour plan approved\n\nThe council met on Monday.\n")];
        State::new(Loaded { articles, problems: Vec::new() })
    }

    fn type_in(s: &mut State, text: &str) {
        for c in text.chars() {
            update(s, Action::SearchInput(c));
        }
    }

    #[test]
    fn ctrl_w_deletes_a_word_and_ctrl_u_the_line() {
        let mut s = state();
        update(&mut s, Action::StartSearch);
        type_in(&mut s, "harbour council  ");
        update(&mut s, Action::PromptDeleteWord);
        assert_eq!(s.prompt.as_deref(), Some("harbour "));
        update(&mut s, Action::PromptDeleteWord);
        assert_eq!(s.prompt.as_deref(), Some(""));
        type_in(&mut s, "council");
        update(&mut s, Action::PromptClear);
        assert_eq!(s.prompt.as_deref(), Some(""));
    }

    #[test]
    fn up_and_down_recall_what_was_typed_at_the_same_prompt() {
        let mut s = state();
        for q in ["harbour", "council", "harbour"] {
            update(&mut s, Action::StartSearch);
            type_in(&mut s, q);
            update(&mut s, Action::SearchSubmit);
        }
        update(&mut s, Action::StartDateFilter);
        type_in(&mut s, "2024");
        update(&mut s, Action::SearchSubmit);
        update(&mut s, Action::StartSearch);
        update(&mut s, Action::PromptHistory(true));
        assert_eq!(s.prompt.as_deref(), Some("harbour"), "the newest, once");
        update(&mut s, Action::PromptHistory(true));
        assert_eq!(s.prompt.as_deref(), Some("council"));
        update(&mut s, Action::PromptHistory(true));
        assert_eq!(s.prompt.as_deref(), Some("council"), "the oldest stays");
        update(&mut s, Action::PromptHistory(false));
        assert_eq!(s.prompt.as_deref(), Some("harbour"));
        update(&mut s, Action::PromptHistory(false));
        assert_eq!(s.prompt.as_deref(), Some(""), "past the newest, an empty prompt");
    }
}
