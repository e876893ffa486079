//! Recognising page furniture: navigation, widgets, teasers and labels that are not the article.
//!
//! Phrases live in `assets/lexicon/furniture.txt` so that adding a site's habits is a data
//! change. Lines are compared folded (lower case, letters and digits only), which makes
//! `Back toTop`, `BACK TO TOP` and `Back to top.` one line. Length limits keep a real sentence that
//! happens to start like a widget from being taken.

use crate::text::lexicon::WORDS;
use crate::text::slice;
use crate::text::words::word_count;
use std::sync::LazyLock;

const LEXICON: &str = include_str!("../../assets/lexicon/furniture.txt");

/// Lines longer than this (in words) are never whole-line furniture.
const MAX_LINE_WORDS: usize = 10;
/// A marker that ends the article is a short label, never a sentence.
const MAX_END_WORDS: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Pattern {
    Exact(String),
    /// Folded words the line must begin with.
    Prefix(Vec<String>),
}

impl Pattern {
    fn parse(entry: &str) -> Self {
        match entry.strip_suffix('*') {
            Some(p) => Pattern::Prefix(words(p)),
            None => Pattern::Exact(key(entry)),
        }
    }

    fn matches(&self, line_key: &str, line_words: &[String]) -> bool {
        match self {
            Pattern::Exact(k) => k == line_key,
            Pattern::Prefix(ws) => line_words.starts_with(ws),
        }
    }
}

#[derive(Debug, Default)]
struct Lexicon {
    end: Vec<Pattern>,
    closing: Vec<Pattern>,
    line: Vec<Pattern>,
    prefix: Vec<String>,
    contains: Vec<String>,
    section: Vec<String>,
    role: Vec<String>,
    /// Characters in the longest `[prefix]` entry.
    longest_prefix: usize,
}

static LEX: LazyLock<Lexicon> = LazyLock::new(|| parse_lexicon(LEXICON));

fn parse_lexicon(text: &str) -> Lexicon {
    let mut lex = Lexicon::default();
    for (part, lines) in crate::text::lexicon::sections(text) {
        for line in lines {
            match part {
                "end" => lex.end.push(Pattern::parse(line)),
                "closing" => lex.closing.push(Pattern::parse(line)),
                "line" => lex.line.push(Pattern::parse(line)),
                "prefix" => lex.prefix.push(line.to_lowercase()),
                "contains" => lex.contains.push(key(line)),
                "section" => lex.section.push(key(line)),
                "role" => lex.role.push(key(line)),
                _ => {}
            }
        }
    }
    lex.longest_prefix = lex.prefix.iter().map(|p| p.chars().count()).max().unwrap_or(0);
    lex
}

/// A word that names a writer's job at the end of a byline (`Jane Roe, Contributor`).
pub fn is_role_word(word: &str) -> bool {
    let k = key(word);
    LEX.role.contains(&k)
}

/// Letters and digits only, lower case: the form lines are compared in.
pub fn key(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Lower-case alphanumeric words.
pub fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').map(key).filter(|w| !w.is_empty()).collect()
}

/// Ends with the punctuation of a finished sentence, looking through closing quotes and brackets.
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['”', '’', '"', '\'', ')', ']', '»', ' ']);
    t.ends_with(['.', '!', '?', '…'])
}

/// How a label line may end the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// A widget (`Related articles`, `Previous Story`): the end unless the article goes on.
    Widget,
    /// Nothing after it is the article (`Comments`, `About the author`).
    Closing,
}

/// Whether `line` is a label that may end the article, and how.
pub fn end_marker(line: &str) -> Option<End> {
    if word_count(line) > MAX_END_WORDS || line.ends_with('.') {
        return None;
    }
    let (k, ws) = (key(line), words(line));
    if k.is_empty() {
        return None;
    }
    if LEX.closing.iter().any(|p| p.matches(&k, &ws)) {
        Some(End::Closing)
    } else {
        LEX.end.iter().any(|p| p.matches(&k, &ws)).then_some(End::Widget)
    }
}

/// A label that marks the end of the article (`Previous Story`, `Comments`, `Related articles`).
pub fn is_end_marker(line: &str) -> bool {
    end_marker(line).is_some()
}

/// A line that is furniture wherever it stands (`Key points`, `Back to top`, `READ MORE: …`,
/// `5 mins read`, image labels, share and cookie widgets).
pub fn is_furniture_line(line: &str) -> bool {
    // Prefixes are short: lower-casing the start of the line is enough to compare them.
    let head: String = line.chars().take(LEX.longest_prefix).collect::<String>().to_lowercase();
    if LEX.prefix.iter().any(|p| head.starts_with(p.as_str())) || is_credited_caption(line) || is_handle_bio(line) {
        return true;
    }
    if line.split_whitespace().nth(MAX_LINE_WORDS).is_some() {
        return false;
    }
    let (k, ws) = (key(line), words(line));
    if k.is_empty() {
        // Lines of pure punctuation or symbols ("***", "|", "—") separate widgets.
        return !line.chars().any(char::is_alphanumeric);
    }
    // `A` `A` `A`: the buttons of a text-size widget.
    if k.chars().count() == 1 && !k.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    LEX.line.iter().any(|p| p.matches(&k, &ws))
        || LEX.contains.iter().any(|c| k.contains(c.as_str()))
        || is_counter(&ws)
        || is_breadcrumb(line)
        || is_section_run(line)
        || is_story_code(line)
        || is_time_label(&ws)
        || is_share_row(&ws)
}

/// `Share Tweet Submit`, `Close share panel`, `Whatsapp Facebook Pin`: a row of share buttons,
/// most of its words the names of buttons.
fn is_share_row(ws: &[String]) -> bool {
    let buttons = ws.iter().filter(|w| WORDS.share_buttons.contains(&w.as_str())).count();
    let others = ws
        .iter()
        .filter(|w| !WORDS.share_buttons.contains(&w.as_str()) && !WORDS.share_filler.contains(&w.as_str()))
        .count();
    buttons >= 1 && others * 2 <= buttons
}

/// `Published 1 day ago`, `Posted Nov 19, 6:51 AM`, `Updated at 5:36 PM`: when a page was put
/// up, with nothing else on the line.
fn is_time_label(ws: &[String]) -> bool {
    const WHEN: [&str; 5] = ["on", "at", "by", "today", "yesterday"];
    const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    match ws {
        // `Monday 6:30PM`: a weekday and a time.
        [day, h, m] if WEEKDAYS.contains(&day.as_str()) => {
            h.chars().all(|c| c.is_ascii_digit())
                && m.trim_end_matches(['a', 'p', 'm']).chars().all(|c| c.is_ascii_digit())
        }
        // `Updated an hour ago`.
        [label, .., ago] if ws.len() <= TIME_LABEL_WORDS && ago == "ago" => {
            matches!(label.as_str(), "posted" | "published" | "updated" | "modified")
        }
        [label, next, ..] if ws.len() <= TIME_LABEL_WORDS => {
            matches!(label.as_str(), "posted" | "published" | "updated" | "modified")
                && (next.starts_with(|c: char| c.is_ascii_digit())
                    || WHEN.contains(&next.as_str())
                    || (next.len() <= 9 && crate::analysis::dates::month_number(next).is_some()))
        }
        _ => false,
    }
}

/// Words in a line that says when the page was posted.
const TIME_LABEL_WORDS: usize = 7;

/// `News ID: 284713`, `Story code: 9981234`: a content system's number for the story.
fn is_story_code(line: &str) -> bool {
    let Some((label, code)) = line.split_once(':') else { return false };
    let code = code.trim();
    word_count(label) <= 3
        && !code.contains(' ')
        && code.chars().filter(char::is_ascii_digit).count() >= 4
        && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// `World Europe Americas Africa Asia Middle East`: a navigation menu flattened into one line,
/// a run of capitalised words most of which are section labels.
fn is_section_run(line: &str) -> bool {
    let ws: Vec<&str> = line.split_whitespace().collect();
    if ws.len() < 4 || ends_sentence(line) || !ws.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase)) {
        return false;
    }
    let labels = ws.iter().filter(|w| LEX.section.contains(&key(w))).count();
    labels * 3 >= ws.len() * 2
}

/// Words in a caption that ends with its photographer's credit.
const CAPTION_WORDS: usize = 40;

/// `Crowds on the quay. Picture by Dan Hughes`: a photo caption ending with its credit, a
/// name of a few capitalised words after `Picture by` or `Photo by`.
fn is_credited_caption(line: &str) -> bool {
    if word_count(line) > CAPTION_WORDS * 2 {
        return false;
    }
    // `… in Buffalo, N.Y. (AP Photo/Jeffrey Barnes)`: a caption ending with its credit in brackets.
    if let Some(open) = line.trim_end().strip_suffix(')').and_then(|l| l.rfind('(')) {
        let credit = slice::after(line, open + 1).to_lowercase();
        if ["photo", "ap photo", "file photo", "image", "picture", "credit"].iter().any(|p| credit.starts_with(p)) {
            return true;
        }
    }
    // Most lines name no photographer: only those with `by` or `credit` are looked at closely.
    let maybe = ["by ", "By ", "BY ", "redit"].iter().any(|m| line.contains(m));
    if !maybe || word_count(line) > CAPTION_WORDS {
        return false;
    }
    let lower = line.to_lowercase();
    let Some(at) =
        ["picture by ", "photo by ", "photograph by ", "photos by ", "image by ", "photo credit: ", "credit..."]
            .iter()
            .filter_map(|m| lower.rfind(m).map(|i| i + m.len()))
            .max()
    else {
        return false;
    };
    let credit = slice::after(line, at).trim();
    let names: Vec<&str> = credit.split(|c: char| c.is_whitespace() || c == '/').filter(|w| !w.is_empty()).collect();
    // `Mara Quist for The Dale Times`, `Ann Lee/Coast News`.
    (1..=8).contains(&names.len())
        && !ends_sentence(credit)
        && names.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) || matches!(*w, "for" | "of" | "and" | "via" | "the")
        })
}

/// `Jo Park (@jopark) is a contributor to …`: the author's note, with a social handle.
fn is_handle_bio(line: &str) -> bool {
    let Some((name, rest)) = line.split_once(" (@") else { return false };
    let Some((_, after)) = rest.split_once(") ") else { return false };
    word_count(line) <= CAPTION_WORDS
        && (1..=4).contains(&word_count(name))
        && name.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && ["is ", "was ", "writes ", "covers "].iter().any(|v| after.starts_with(v))
}

/// `12 comments`, `3 shares`, `2 hours ago`: counters and relative times from widgets.
fn is_counter(ws: &[String]) -> bool {
    const UNITS: [&str; 14] = [
        "comment", "comments", "share", "shares", "view", "views", "like", "likes", "second", "seconds", "minute",
        "minutes", "hour", "hours",
    ];
    // `New, 6 comments`.
    let ws = ws.strip_prefix(&["new".to_string()]).unwrap_or(ws);
    match ws {
        // `Image 1 of 23`, `Photo 3 of 12`.
        [what, n, of, m] => {
            matches!(what.as_str(), "image" | "photo" | "picture" | "slide")
                && of == "of"
                && [n, m].iter().all(|x| x.chars().all(|c| c.is_ascii_digit()))
        }
        [n, unit] => n.chars().all(|c| c.is_ascii_digit()) && UNITS.contains(&unit.as_str()),
        [n, unit, ago] => {
            n.chars().all(|c| c.is_ascii_digit())
                && ago == "ago"
                && (UNITS.contains(&unit.as_str()) || unit.starts_with("day"))
        }
        _ => false,
    }
}

/// `Home > News > World`, `News / Politics`: a trail of short labels.
fn is_breadcrumb(line: &str) -> bool {
    for sep in [" > ", " › ", " » ", " / ", " | "] {
        let parts: Vec<&str> = line.split(sep).collect();
        if parts.len() >= 2 && parts.iter().all(|p| (1..=3).contains(&word_count(p)) && !ends_sentence(p)) {
            return true;
        }
    }
    false
}

/// A label whose next line is part of the same widget (`Image caption,` then the caption;
/// `Image` then a short line, the picture's description).
pub fn labels_next_line(line: &str, next: &str) -> bool {
    match key(line).as_str() {
        "imagecaption" | "caption" | "photocaption" | "mediacaption" => true,
        "image" | "photo" | "picture" => word_count(next) <= CAPTION_LINE_WORDS,
        _ => false,
    }
}

/// Words in the short description a lone `Image` label stands over.
const CAPTION_LINE_WORDS: usize = 12;

/// A section label such as `World`, `International News` or `Politics`.
pub fn is_section_label(s: &str) -> bool {
    let k = key(s);
    !k.is_empty() && word_count(s) <= 3 && LEX.section.contains(&k)
}

/// The longest section label that begins `line`, as the byte length of that prefix.
pub fn section_prefix(line: &str) -> Option<usize> {
    let mut best = None;
    for (i, _) in line.match_indices(' ') {
        if word_count(slice::before(line, i)) > 3 {
            break;
        }
        if is_section_label(slice::before(line, i)) {
            best = Some(i);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn navigation_labels_end_the_article() {
        for l in [
            "Previous Story",
            "Next Story",
            "Latest from -Top News",
            "Don't Miss",
            "Related Articles",
            "Comments",
            "Sources for this article include:",
            "You may also like",
        ] {
            assert!(is_end_marker(l), "{l}");
        }
    }

    #[test]
    fn sentences_are_not_end_markers() {
        assert!(!is_end_marker("Related talks will resume on Monday."));
        assert!(!is_end_marker("Comments made by the minister on Tuesday drew an angry response from the opposition"));
        assert!(!is_end_marker("Sources say a deal is close"));
    }

    #[test]
    fn widget_lines_are_furniture_whatever_their_spacing() {
        for l in [
            "Back toTop",
            "BACK TO TOP",
            "Key points",
            "AI Image",
            "5 mins read",
            "3 min read",
            "There are no comments to display",
            "Back",
            "Top",
            "Share this",
            "12 comments",
            "2 hours ago",
            "Home > News > World",
            "We use cookies to improve your experience",
            "READ MORE: Something else happened somewhere else today, a minister says",
            "Photo: Jane Doe/Reuters",
        ] {
            assert!(is_furniture_line(l), "{l}");
        }
    }

    #[test]
    fn a_flattened_menu_of_sections_is_furniture() {
        assert!(is_furniture_line("World Europe Americas Africa Asia Middle East"));
        assert!(is_furniture_line("News Sport Business Politics Weather"));
        assert!(!is_furniture_line("Europe And Asia Sign Trade Pact"));
        assert!(is_furniture_line("News ID: 284713"));
        assert!(!is_furniture_line("Score: 2-1"));
        assert!(is_furniture_line("A"));
        assert!(is_furniture_line("Share Tweet Submit"));
        assert!(is_furniture_line("Close share panel"));
        assert!(!is_furniture_line("Share prices fell"));
        assert!(is_furniture_line("Image 1 of 23"));
        for widget in
            ["Facebook", "Share this with Facebook", "New, 6 comments", "Monday 6:30PM", "Updated an hour ago"]
        {
            assert!(is_furniture_line(widget), "{widget}");
        }
        assert!(!is_furniture_line("17"), "a figure in a table of results");
        assert!(is_furniture_line("Fans cheer the winning goal on Tuesday in Leeds. (AP Photo/Ann Lee)"));
        assert!(is_furniture_line("Click to share on Reddit (Opens in new window)"));
        assert!(is_furniture_line("Jo Park (@jopark) is a contributor to the ideas section."));
        assert!(is_furniture_line("© 2019 The Valley Courier"));
        assert!(is_furniture_line("Published 1 day ago"));
        assert!(is_furniture_line("Posted Nov 19, 6:51 AM"));
        assert!(!is_furniture_line("Posted letters never arrived at the school"));
        assert!(is_furniture_line("Boats in the harbour at dawn. Picture by Ann Lee/Coast News"));
        assert!(!is_furniture_line("The exhibition includes a photo by her father."));
    }

    #[test]
    fn ordinary_lines_are_not_furniture() {
        for l in [
            "Russia Condemns NATO Involvement",
            "The summit was held at the top of the hill.",
            "Back to the drawing board for ministers",
            "A coalition takes shape",
            "What’s Next?",
        ] {
            assert!(!is_furniture_line(l), "{l}");
        }
    }

    #[test]
    fn section_labels_are_found_at_the_start() {
        assert_eq!(section_prefix("International News UK and France Lead"), Some(18));
        assert_eq!(section_prefix("World leaders gather"), Some(5));
        assert_eq!(section_prefix("Alliance of the Able set to meet"), None);
    }
}
