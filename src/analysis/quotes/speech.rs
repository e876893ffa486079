//! Speech or not: a whole sentence in quote marks is speech; a phrase inside a sentence is
//! speech only when it does not read as a name or a term.

use super::marks::Found;
use super::words::words_lower;
use crate::analysis::lexicon::LEXICON;
use crate::analysis::text::is_capitalised;
use crate::article::Article;
use crate::text::lexicon::WORDS;
use crate::text::slice;

/// Words that introduce a name rather than report speech.
pub(super) const NAMING: &[&str] = &[
    "so-called",
    "called",
    "dubbed",
    "named",
    "termed",
    "branded",
    "labelled",
    "labeled",
    "nicknamed",
    "titled",
    "entitled",
    "known as",
];

const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "we", "i"];

/// Verbs that characterise something in the speaker's own words (`called the speech a
/// “critical moment”`).
const CHARACTERISING: &[&str] = &[
    "call",
    "calls",
    "called",
    "calling",
    "dub",
    "dubs",
    "dubbed",
    "label",
    "labels",
    "labeled",
    "labelled",
    "brand",
    "brands",
    "branded",
    "describe",
    "describes",
    "described",
    "describing",
];

/// Whether the text before a quotation ends with a characterising verb and its object, with
/// no break between (`Roe called the plan a`).
fn characterised(before: &str) -> bool {
    last_clause(before).split_whitespace().rev().take(6).any(|w| CHARACTERISING.contains(&w))
}

/// What breaks a sentence into clauses, for the checks around a quoted phrase.
const CLAUSE_BREAKS: [char; 6] = [',', '.', ';', ':', '(', '—'];

/// The clause that ends `before`.
fn last_clause(before: &str) -> &str {
    before.rsplit(CLAUSE_BREAKS).next().unwrap_or(before)
}

/// Ends with a full stop, question or exclamation mark (the marks of a quotation are already
/// off: unlike the loader's `ends_sentence`, nothing is looked through).
pub(super) fn ends_with_stop(s: &str) -> bool {
    s.trim_end().ends_with(['.', '!', '?', '…'])
}

/// Words in title case: every word of more than three letters capitalised.
fn title_case(words: &[&str]) -> bool {
    words.iter().filter(|w| w.chars().count() > 3).all(|w| is_capitalised(w)) && words.iter().any(|w| is_capitalised(w))
}

/// A few words in title case (`Time`, `Missing`, `Plan for Growth`): a name, not a sentence.
pub(super) fn is_title(text: &str) -> bool {
    let words: Vec<&str> = text.trim_end_matches(['.', ',', '!', '?']).split_whitespace().collect();
    words.len() <= 3 && title_case(&words)
}

/// `“Matthew Morrison is leaving the show,” by the Times’ Jo Pike: …`: a headline with its
/// byline after it, not someone's words.
pub(super) fn titled_by(q: &Found, article: &Article) -> bool {
    let text = &article.blocks[q.end_block].text;
    let after = slice::after(text, q.end).trim_start_matches(['”', '’', '"', '\'', ',', ' ']);
    let mut words = after.split_whitespace().skip_while(|w| *w == "by").skip_while(|w| *w == "the");
    after.starts_with("by ") && words.next().is_some_and(is_capitalised)
}

/// A quoted phrase that reads as a name or a term rather than as someone's words.
pub(super) fn name_like(q: &Found, article: &Article) -> bool {
    let text = &article.blocks[q.block].text;
    let phrase = q.text.trim_end_matches(['.', ',', '!', '?', ';', ':']);
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if title_case(&words) {
        return true;
    }
    // The two words before the quotation are all that is looked at.
    let before = slice::before(text, q.open);
    let cut = before.char_indices().rev().filter(|(_, c)| c.is_whitespace()).nth(2).map_or(0, |(i, _)| i);
    let lead = words_lower(slice::after(before, cut));
    let last = lead.last().map(String::as_str).unwrap_or("");
    let last_two = lead.iter().rev().take(2).rev().cloned().collect::<Vec<_>>().join(" ");
    // (`who he dubbed “the little senator”`, `what Newt Vale called “…”`: a person doing the
    // naming says the words; `a plan called “…”` is named.)
    let named_before = slice::after(before, cut).split_whitespace().rev().nth(1).is_some_and(is_capitalised);
    let by_someone = lead.len() >= 2
        && (SUBJECT_PRONOUNS.contains(&lead[lead.len() - 2].as_str()) || named_before && words.len() >= 2);
    if (NAMING.contains(&last) || NAMING.contains(&last_two.as_str())) && !by_someone {
        return true;
    }
    // `a “safe space” to`: a short term after a determiner; `a “caricature of the worst
    // possibilities”` is someone's words, and so is `he said it was a “glide path” to …`, a
    // phrase in reported speech (see [`term_in_report`]).
    determiner_term(q, article)
        && !(words.len() >= 2
            && (characterised(before) || reported(before.rsplit(['.', '!', '?']).next().unwrap_or(before))))
}

/// A short phrase quoted after a determiner and followed by nothing or a function word.
fn determiner_term(q: &Found, article: &Article) -> bool {
    let text = &article.blocks[q.block].text;
    let before = slice::before(text, q.open);
    let last = before.split_whitespace().next_back().unwrap_or("").to_lowercase();
    let words = q.text.split_whitespace().count();
    let next = text.get(q.end..).map(|rest| {
        rest.trim_start_matches(['”', '’', '"', '\'', '»']).split_whitespace().next().unwrap_or("").to_lowercase()
    });
    WORDS.determiners.contains(&last.as_str())
        && words <= 4
        && !ends_with_stop(&q.text)
        && next.as_deref().is_none_or(|n| n.is_empty() || WORDS.function_after.contains(&n))
}

/// `UK officials say countries may join a “coalition of the willing”`: a short phrase after a
/// determiner, reported from a group rather than from someone, or named in the headline, is a
/// term the article uses, not words it reports.
pub(super) fn term_in_report(q: &Found, article: &Article, group: bool) -> bool {
    let in_headline = || {
        let phrase = q.text.trim_end_matches(['.', ',', '!', '?', ';', ':']).to_lowercase();
        article.title.to_lowercase().contains(&phrase)
    };
    determiner_term(q, article) && (group || in_headline())
}

/// A single word quoted inside a sentence without a verb of speech in its clause: a term or an
/// epithet (`called it “ludicrous”`, `the “Ferguson effect”`). Reported, it is someone's word
/// (`said he is “open” to it`, `were “furious”, according to X`).
pub(super) fn lone_epithet(q: &Found, article: &Article) -> bool {
    if q.text.split_whitespace().count() > 1 {
        return false;
    }
    let text = &article.blocks[q.block].text;
    let before = slice::before(text, q.open);
    let clause_before = last_clause(before);
    // (`may be “strategic,” said Hal Dunne`: the attribution may follow.)
    let after = slice::after(text, q.end).trim_start_matches(['”', '’', '"', '\'', ',', ' ']);
    let clause_after = after.split(CLAUSE_BREAKS).next().unwrap_or(after);
    !reported(clause_before) && !reported(clause_after)
}

/// Whether a clause reports speech: a verb of speech that does not merely characterise, or
/// `according to`.
fn reported(clause: &str) -> bool {
    clause.to_lowercase().contains("according to")
        || clause
            .split(|c: char| !c.is_alphabetic())
            .any(|w| LEXICON.is_speech_verb(w) && !CHARACTERISING.contains(&w) && !is_capitalised(w))
}

/// Whether the quotation stands as a sentence of its own rather than inside one.
pub(super) fn is_full(q: &Found, article: &Article) -> bool {
    if q.end_block > q.block {
        return true;
    }
    let text = &article.blocks[q.block].text;
    let first_upper = q.text.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| c.is_uppercase() || c.is_numeric());
    let lead = slice::before(text, q.open).trim_end();
    // `“… they still go on,”`: words left out at the start, not a phrase inside a sentence.
    let elided = q.text.trim_start().starts_with(['…', '.']);
    if elided && (lead.is_empty() || lead.ends_with(['.', '!', '?'])) {
        return true;
    }
    if !first_upper {
        return false;
    }
    if lead.is_empty() || lead.ends_with([':', ',', '.', '!', '?', '—', '–']) {
        return true;
    }
    // `… he said on “Meet the Press.” “But …”`: a sentence that ended inside a title's marks.
    let unclosed = lead.trim_end_matches(['”', '"', '’']);
    if unclosed.len() < lead.len() && unclosed.ends_with(['.', '!', '?']) {
        return true;
    }
    let last = lead.rsplit(' ').next().unwrap_or("");
    // `… he said. But “Roe's bid is stronger now. It helps.”`: a sentence of quotation opened
    // by a conjunction alone.
    let opened = slice::before(lead, lead.len() - last.len()).trim_end();
    let alone = opened.is_empty() || opened.ends_with(['.', '!', '?', '”', '"']);
    if alone && matches!(last, "But" | "And" | "Yet" | "Still" | "So" | "Plus") {
        return true;
    }
    LEXICON.is_speech_verb(last) && q.closed && ends_with_stop(&q.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_title_case_words_are_a_title() {
        assert!(is_title("Time"));
        assert!(is_title("Plan for Growth."));
        assert!(!is_title("We will win."));
        assert!(!is_title("Make America Great Again Now"));
    }

    #[test]
    fn a_quotation_that_leaves_out_its_first_words_still_stands_alone() {
        let a = crate::load::normalize(
            "t.txt",
            "A headline\n\nShe spoke. “… and we stay,” she said.\n\nIt was “… not enough.”\n",
        );
        let found = super::super::marks::find_all(&a);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(is_full(&found[0], &a));
        assert!(!is_full(&found[1], &a), "inside a sentence it is a phrase");
    }
}
