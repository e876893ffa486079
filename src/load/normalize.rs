//! Raw article text to a clean [`Article`]: the heart of the loader.
//!
//! The text goes through four passes, each reading the lines the one before left:
//!
//! 1. **Lines**: clean characters, then tag each line blank, bullet, Markdown heading or text.
//! 2. **Header**: from the top, take datelines, reading times, section labels and widgets as
//!    metadata or furniture, and the first headline-shaped line as the title.
//! 3. **End**: everything from a closing label (`Previous Story`, `Comments`, `Sources…`) on, and
//!    a trailing run of teaser headlines and cut-off snippets, is furniture.
//! 4. **Blocks**: drop furniture lines and repeats of the headline, join hard-wrapped lines into
//!    paragraphs, and turn bullets and short title lines into list items and headings.
//!
//! Everything taken out goes to `Article::removed` in reading order.

use super::frontmatter::{self, FrontMatter};
use super::furniture::{self, ends_sentence, is_end_marker, is_furniture_line, key};
use super::unicode;
use crate::analysis::dates;
use crate::article::{Article, Block, BlockKind};
use crate::text::slice;
use regex::Regex;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    Text,
    Bullet,
    /// A `#` heading in Markdown: structure the author stated, not one we guessed.
    Heading,
    /// Taken out; the text is already in `removed`.
    Gone,
}

#[derive(Debug, Clone)]
struct Line {
    kind: Kind,
    text: String,
}

/// Collects what is taken out, remembering where it stood so `removed` reads in page order.
#[derive(Default)]
struct Removed(Vec<(usize, String)>);

impl Removed {
    fn take(&mut self, lines: &mut [Line], i: usize) {
        if lines[i].kind != Kind::Gone && lines[i].kind != Kind::Blank {
            self.0.push((i, std::mem::take(&mut lines[i].text)));
        }
        lines[i].kind = Kind::Gone;
    }
    fn note(&mut self, i: usize, text: impl Into<String>) {
        self.0.push((i, text.into()));
    }
    fn into_sorted(mut self) -> Vec<String> {
        self.0.sort_by_key(|(i, _)| *i);
        self.0.into_iter().map(|(_, t)| t).collect()
    }
}

/// Short connecting words. A line ending in one was cut by a wrap, never a headline.
const FUNCTION_WORDS: [&str; 58] = [
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as",
    "into", "onto", "over", "under", "about", "after", "before", "than", "that", "which", "who", "whom", "whose",
    "where", "when", "while", "if", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
    "can", "could", "should", "may", "might", "such", "its", "their", "his", "her", "our", "this", "these",
];

/// Whether `line` folds to `folded` (a [`key`]), without building the line's key: most lines
/// differ in their first letters.
fn same_key(folded: &str, line: &str) -> bool {
    let mut want = folded.chars();
    for c in line.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase) {
        if want.next() != Some(c) {
            return false;
        }
    }
    want.next().is_none()
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn last_word(s: &str) -> String {
    s.split_whitespace()
        .last()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .unwrap_or_default()
}

fn starts_upper(s: &str) -> bool {
    s.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// Ends in a mark that cannot end a headline: a full stop, comma, colon or semicolon.
fn ends_clause(s: &str) -> bool {
    let t = s.trim_end_matches(['”', '’', '"', '\'', ')', ']', '»']);
    t.ends_with(['.', ',', ';', ':', '…'])
}

/// Could be a headline: a single line of a few to forty words without closing punctuation.
fn headline_shaped(s: &str) -> bool {
    let n = word_count(s);
    (2..=40).contains(&n) && s.chars().count() <= 300 && !ends_clause(s) && starts_upper(s)
}

/// A first line that stands alone as a paragraph and is shorter than the paragraph after it
/// is the headline even when it ends in a full stop: copied headlines often gain one, and a
/// headline of two sentences (`X Suffered A Blow. Here Is His Plan.`) is still one title.
fn lone_headline(lines: &[Line], i: usize) -> bool {
    let n = word_count(&lines[i].text);
    let t = lines[i].text.trim_end_matches([';', ' ']);
    if !(2..=25).contains(&n) || !starts_upper(t) || t.ends_with([',', ':']) {
        return false;
    }
    if lines.get(i + 1).is_none_or(|l| l.kind != Kind::Blank) {
        return false;
    }
    let Some(j) = next_content(lines, i + 1) else { return false };
    let next: usize = lines[j..].iter().take_while(|l| l.kind == Kind::Text).map(|l| word_count(&l.text)).sum();
    lines[j].kind == Kind::Text && next > n + 5
}

/// Could be a section heading inside the article: shorter still.
fn heading_shaped(s: &str) -> bool {
    let n = word_count(s);
    // A long line with a clause break is a standfirst, not a heading.
    if n >= 8 && s.contains(", ") {
        return false;
    }
    // A quoted question (`“Why now?”`) or two sentences (`… he pressed. “Maybe …`) is prose.
    // Looked at last, on lines already short enough to be headings.
    let quoted_question = || s.ends_with(['”', '"']) && s.trim_end_matches(['”', '"']).ends_with(['?', '!']);
    let two_sentences = || {
        s.char_indices().any(|(i, c)| {
            matches!(c, '.' | '?' | '!')
                && slice::before(s, i).chars().next_back().is_some_and(char::is_lowercase)
                && slice::after(s, i + 1).starts_with(' ')
                && slice::after(s, i + 1).trim_start().starts_with(|n: char| n.is_uppercase() || matches!(n, '“' | '"'))
        })
    };
    (1..=14).contains(&n)
        && s.chars().count() <= 120
        && !ends_clause(s)
        && starts_upper(s)
        && !FUNCTION_WORDS.contains(&last_word(s).as_str())
        && !quoted_question()
        && !two_sentences()
}

pub(crate) fn is_markdown(path: &str) -> bool {
    let p = path.to_lowercase();
    p.ends_with(".md") || p.ends_with(".markdown")
}

static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[•·▪◦‣*+]|[-–—])\s+(\S.*)$").expect("bullet pattern"));
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d{1,3}[.)]\s+(\S.*)$").expect("numbered pattern"));
static MD_HEADING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^#{1,6}\s+(.*?)\s*#*$").expect("md heading"));
static MD_IMAGE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"!\[([^\]]*)\]\([^)]*\)").expect("md image"));
static MD_LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[([^\]]+)\]\([^)]*\)").expect("md link"));
static MD_STRONG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\*\*|__").expect("md strong"));
static MD_EMPHASIS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(^|\s)[*_]|[*_](\s|$)").expect("md emphasis"));
/// `…reports Gulf Wire News` at the end of a standfirst: the agency that filed the story.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:…|\.{3}|\s[-–—]\s*|\s)reports\s+(?P<src>(?:[A-Z][\w&’'.-]*\s*){1,6})$").expect("credit pattern")
});
/// `LONDON (Reuters) - ` at the start of wire copy.
static WIRE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][A-Za-z .,'-]{1,40}\s*\((?P<src>[A-Z][A-Za-z&. ]{1,30})\)\s*[-–—]\s").expect("wire pattern")
});

fn classify(text: &str, markdown: bool) -> Vec<Line> {
    text.lines()
        .map(|l| {
            let l = l.trim();
            if l.is_empty() {
                return Line { kind: Kind::Blank, text: String::new() };
            }
            let l = if markdown { markdown_inline(l) } else { l.to_string() };
            if markdown {
                if let Some(c) = MD_HEADING.captures(&l) {
                    return Line { kind: Kind::Heading, text: c[1].to_string() };
                }
                if let Some(rest) = l.strip_prefix('>') {
                    return Line { kind: Kind::Text, text: rest.trim().to_string() };
                }
            }
            if let Some(c) = BULLET.captures(&l).or_else(|| NUMBERED.captures(&l)) {
                return Line { kind: Kind::Bullet, text: c[1].trim().to_string() };
            }
            if l.chars().all(|c| matches!(c, '•' | '·' | '-' | '*' | ' ')) && l.chars().count() <= 2 {
                return Line { kind: Kind::Blank, text: String::new() };
            }
            Line { kind: Kind::Text, text: l }
        })
        .collect()
}

fn markdown_inline(l: &str) -> String {
    let l = MD_IMAGE.replace_all(l, "");
    let l = MD_LINK.replace_all(&l, "$1");
    let l = MD_STRONG.replace_all(&l, "");
    MD_EMPHASIS.replace_all(&l, "$1$2").trim().to_string()
}

/// The label before a no-break space on the first line (`International News\u{a0}UK and …`):
/// page templates put one between a section label and the headline.
fn nbsp_label(raw: &str) -> Option<String> {
    let first = raw.lines().find(|l| !l.trim().is_empty())?;
    let (label, rest) = first.trim().split_once('\u{a0}')?;
    let label = label.trim();
    let n = word_count(label);
    ((1..=3).contains(&n) && label.split_whitespace().all(starts_upper) && !rest.trim().is_empty())
        .then(|| label.to_string())
}

struct Header {
    title: Option<String>,
    date: Option<chrono::NaiveDate>,
    updated: Option<chrono::NaiveDate>,
    section: Option<String>,
    /// The first line of the body.
    body: usize,
}

fn next_content(lines: &[Line], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&j| matches!(lines[j].kind, Kind::Text | Kind::Bullet | Kind::Heading))
}

fn read_header(lines: &mut [Line], nbsp: Option<String>, removed: &mut Removed) -> Header {
    let mut h = Header { title: None, date: None, updated: None, section: None, body: lines.len() };
    let mut i = 0;
    while i < lines.len() {
        let text = lines[i].text.clone();
        match lines[i].kind {
            Kind::Blank | Kind::Gone => {}
            Kind::Bullet if is_furniture_line(&text) => removed.take(lines, i),
            Kind::Bullet => break,
            Kind::Heading if h.title.is_none() => {
                h.title = Some(text);
                lines[i].kind = Kind::Gone;
            }
            Kind::Heading => break,
            Kind::Text => {
                let updated = dates::is_updated_line(&text);
                if (h.date.is_none() && !updated) || (h.updated.is_none() && updated) {
                    if let Some(d) = dates::dateline(&text) {
                        *(if updated { &mut h.updated } else { &mut h.date }) = Some(d);
                        removed.take(lines, i);
                        i += 1;
                        continue;
                    }
                }
                if is_furniture_line(&text) {
                    removed.take(lines, i);
                    // `Image caption,` labels the line after it, which is the caption.
                    if furniture::labels_next_line(&text) {
                        if let Some(j) = next_content(lines, i + 1) {
                            removed.take(lines, j);
                        }
                    }
                } else if h.title.is_none() && menu_run(lines, i) >= 3 {
                    // A run of one- and two-word lines at the top is the site's navigation.
                    for _ in 0..menu_run(lines, i) {
                        if let Some(j) = next_content(lines, i) {
                            removed.take(lines, j);
                        }
                    }
                    continue;
                } else if h.title.is_none() && h.section.is_none() && furniture::is_section_label(&text) {
                    h.section = Some(text);
                    removed.take(lines, i);
                } else if h.title.is_none() {
                    if let Some((section, title)) = glued_section(lines, i, nbsp.as_deref()) {
                        removed.note(i, section.clone());
                        h.section = Some(section);
                        h.title = Some(title);
                        lines[i].kind = Kind::Gone;
                    } else if (headline_shaped(&text) || lone_headline(lines, i))
                        && next_content(lines, i + 1).is_some()
                    {
                        h.title = Some(text);
                        lines[i].kind = Kind::Gone;
                    } else {
                        break;
                    }
                } else if is_byline(&text)
                    || is_name_line(&text)
                    || h.title.as_deref().is_some_and(|t| same_key(&key(t), &text))
                {
                    removed.take(lines, i);
                } else {
                    // A standfirst may come before the byline and dateline: look a few
                    // lines further for them, leaving the standfirst in the body.
                    take_late_header(lines, i, &mut h, removed);
                    break;
                }
            }
        }
        i += 1;
    }
    h.body = i;
    h
}

/// Bylines and a dateline among the few lines after `from` (which stays).
fn take_late_header(lines: &mut [Line], from: usize, h: &mut Header, removed: &mut Removed) {
    let mut seen = 0;
    for j in from + 1..lines.len() {
        match lines[j].kind {
            Kind::Blank | Kind::Gone => continue,
            Kind::Text if seen < 3 => seen += 1,
            _ => break,
        }
        let t = lines[j].text.clone();
        let date = (h.date.is_none() && !dates::is_updated_line(&t)).then(|| dates::dateline(&t)).flatten();
        if let Some(d) = date {
            h.date = Some(d);
            removed.take(lines, j);
        } else if is_byline(&t) || is_name_line(&t) {
            removed.take(lines, j);
        }
    }
}

/// How many lines from `i` on (blank lines skipped) are one or two words with no sentence
/// punctuation: the shape of a navigation menu.
fn menu_run(lines: &[Line], i: usize) -> usize {
    lines[i..]
        .iter()
        .filter(|l| l.kind != Kind::Blank && l.kind != Kind::Gone)
        .take_while(|l| {
            l.kind == Kind::Text && word_count(&l.text) <= 2 && !ends_clause(&l.text) && !ends_sentence(&l.text)
        })
        .count()
}

/// A byline without `By`: a person's name alone on its line (`Jane Doe`), or the desk line
/// under it (`BBC News, Cornwall`), found by a given name or a news outlet's name.
fn is_name_line(s: &str) -> bool {
    use crate::analysis::lexicon::LEXICON;
    let words: Vec<&str> = s.split_whitespace().collect();
    if ends_sentence(s) || words.len() > 6 || !words.iter().all(|w| starts_upper(w) || w.len() <= 3) {
        return false;
    }
    // `Jane Doe`, `Jane Doe in Brussels`.
    let person = match words.iter().position(|w| *w == "in") {
        Some(at) if at >= 2 && words.len() - at <= 3 => &words[..at],
        _ => &words[..],
    };
    let name = (2..=3).contains(&person.len())
        && !s.contains(',')
        && LEXICON.first_name(person[0]).is_some()
        && person.iter().all(|w| starts_upper(w));
    let desk = s.contains(',') && words.iter().any(|w| w.trim_end_matches(',') == "News");
    name || desk
}

/// `By Jane Doe`, `By Jane Doe and John Roe, Political Editor`.
fn is_byline(s: &str) -> bool {
    let lower = s.to_lowercase();
    (lower.starts_with("by ") || lower.starts_with("words by ")) && word_count(s) <= 10 && !ends_sentence(s)
}

/// A section label glued to the headline on the first line: `International News UK and …`.
/// Taken only with evidence beyond the lexicon: a no-break space after the label, the headline
/// repeated on its own further down, or a label that names itself as news.
fn glued_section(lines: &[Line], i: usize, nbsp: Option<&str>) -> Option<(String, String)> {
    let text = &lines[i].text;
    let cut = match nbsp {
        Some(label) if text.starts_with(label) && text.len() > label.len() => label.len(),
        _ => furniture::section_prefix(text)?,
    };
    let (label, rest) = (slice::before(text, cut).trim(), slice::after(text, cut).trim());
    if !headline_shaped(rest) || !starts_upper(rest) {
        return None;
    }
    let rest_key = key(rest);
    let repeated = lines[i + 1..].iter().take(12).any(|l| l.kind == Kind::Text && key(&l.text) == rest_key);
    let news_label = label.to_lowercase().ends_with("news");
    (nbsp.is_some() || repeated || news_label).then(|| (label.to_string(), rest.to_string()))
}

/// Lines of article prose after a widget label that show the article goes on past it.
const PROSE_AFTER_WIDGET: usize = 2;
/// Words in a line of article prose, for that count.
const PROSE_WORDS: usize = 12;

/// A line that reads as the article's own prose: a finished sentence of some length that is no
/// furniture.
fn is_prose(l: &Line) -> bool {
    l.kind == Kind::Text
        && ends_sentence(&l.text)
        && word_count(&l.text) >= PROSE_WORDS
        && !is_furniture_line(&l.text)
        && !is_end_marker(&l.text)
}

/// Marks the end of the article and everything after it as furniture. A widget label with the
/// article's prose after it (`Related: …`, `Read more` in the middle of a story) is removed
/// alone, with the teaser lines right after it; only a label with no article after it, or a
/// closing label such as `Comments`, ends the article.
fn cut_end(lines: &mut [Line], body: usize, removed: &mut Removed) {
    let mut prose_seen = false;
    let mut end = None;
    let mut j = body;
    while j < lines.len() {
        let l = &lines[j];
        if l.kind != Kind::Text {
            j += 1;
            continue;
        }
        let marker = if prose_seen { furniture::end_marker(&l.text) } else { None };
        match marker {
            Some(furniture::End::Closing) => {
                end = Some(j);
                break;
            }
            Some(furniture::End::Widget) => {
                let goes_on = lines[j + 1..].iter().filter(|l| is_prose(l)).take(PROSE_AFTER_WIDGET).count()
                    == PROSE_AFTER_WIDGET;
                if !goes_on {
                    end = Some(j);
                    break;
                }
                removed.take(lines, j);
                j += 1;
                // The widget's teasers: short unfinished lines up to the next prose.
                while j < lines.len() && !matches!(lines[j].kind, Kind::Heading | Kind::Bullet) && !is_prose(&lines[j])
                {
                    let t = &lines[j];
                    if t.kind == Kind::Text && (ends_sentence(&t.text) || word_count(&t.text) > PROSE_WORDS) {
                        break;
                    }
                    if t.kind == Kind::Text {
                        removed.take(lines, j);
                    }
                    j += 1;
                }
                continue;
            }
            None => {}
        }
        if ends_sentence(&l.text) && word_count(&l.text) >= 8 {
            prose_seen = true;
        }
        j += 1;
    }
    if let Some(end) = end {
        for j in end..lines.len() {
            removed.take(lines, j);
        }
    }
    cut_teaser_tail(lines, body, removed);
}

/// After the last finished sentence, a run of headline-shaped lines and cut-off snippets is a
/// list of other stories, not the article.
fn cut_teaser_tail(lines: &mut [Line], body: usize, removed: &mut Removed) {
    let mut tail = Vec::new();
    let mut stories = 0;
    for j in (body..lines.len()).rev() {
        let l = &lines[j];
        match l.kind {
            Kind::Blank | Kind::Gone => continue,
            Kind::Bullet | Kind::Heading => break,
            Kind::Text => {
                if is_furniture_line(&l.text) {
                    tail.push(j);
                } else if ends_sentence(&l.text) || l.text.ends_with(':') {
                    break;
                } else {
                    stories += 1;
                    tail.push(j);
                }
            }
        }
    }
    // A single unfinished line may be the article's own last paragraph, cut short by the save.
    let remove_all = stories >= 2 || stories == 0;
    for j in tail {
        if remove_all || is_furniture_line(&lines[j].text) {
            removed.take(lines, j);
        }
    }
}

/// Widths of a hard-wrapped file: `Some(width)` when most lines that continue into another line
/// stop near one right margin, as text wrapped at 72 or 80 columns does.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    let widths: Vec<usize> = lines
        .windows(2)
        .filter(|w| w[0].kind == Kind::Text && w[1].kind == Kind::Text)
        .map(|w| w[0].text.chars().count())
        .collect();
    let max = *widths.iter().max()?;
    if widths.len() < 3 || max > 120 {
        return None;
    }
    let near = widths.iter().filter(|&&w| w * 4 >= max * 3).count();
    (near * 10 >= widths.len() * 7).then_some(max)
}

/// Whether `next` continues the paragraph whose last line is `prev`.
fn continues(prev: &str, next: &str, wrap: Option<usize>) -> bool {
    // `“…a lasting peace,”` / `Smith told reporters.`: a quotation and its attribution.
    let p = prev.trim_end();
    if p.ends_with(",”") || p.ends_with(",\"") || p.ends_with(",’") {
        return true;
    }
    if starts_lower(next) {
        return true;
    }
    if ends_sentence(p) || p.ends_with([':', ';']) {
        return wrap.is_some_and(|w| p.chars().count() * 5 >= w * 4);
    }
    if FUNCTION_WORDS.contains(&last_word(p).as_str()) || p.ends_with([',', '–', '—', '-']) {
        return true;
    }
    !heading_shaped(p)
}

struct Draft {
    kind: BlockKind,
    text: String,
    lines: usize,
    /// Whether the author marked it a heading (Markdown), so no shape test applies.
    stated: bool,
}

fn reflow(lines: &[Line], body: usize, markdown: bool) -> Vec<Draft> {
    let wrap = wrap_width(&lines[body..]);
    let mut out: Vec<Draft> = Vec::new();
    let mut open = false;
    let mut last_line = String::new();
    // Whether something was taken out since the last line kept (a byline, a widget).
    let mut gap = false;
    for l in &lines[body..] {
        match l.kind {
            Kind::Gone => gap = true,
            Kind::Blank => {
                // A blank between a quotation and its attribution does not end the paragraph.
                let t = last_line.trim_end();
                open = open && (t.ends_with(",”") || t.ends_with(",\""));
            }
            Kind::Heading => {
                out.push(Draft { kind: BlockKind::Heading, text: l.text.clone(), lines: 1, stated: true });
                open = false;
            }
            Kind::Bullet => {
                out.push(Draft { kind: BlockKind::ListItem, text: l.text.clone(), lines: 1, stated: false });
                open = true;
                last_line = l.text.clone();
            }
            Kind::Text => {
                let join = open
                    && out.last().is_some()
                    && (markdown || continues(&last_line, &l.text, wrap))
                    // A capitalised line after a bullet starts a new paragraph.
                    && (starts_lower(&l.text)
                        || !out.last().is_some_and(|d| d.kind == BlockKind::ListItem))
                    // Across a removed line, only a sentence cut mid-way goes on.
                    && (!gap || starts_lower(&l.text) || cut_mid_clause(&last_line));
                match out.last_mut() {
                    Some(d) if join => {
                        d.text.push(' ');
                        d.text.push_str(&l.text);
                        d.lines += 1;
                    }
                    _ => out.push(Draft { kind: BlockKind::Paragraph, text: l.text.clone(), lines: 1, stated: false }),
                }
                open = true;
                gap = false;
                last_line = l.text.clone();
            }
        }
    }
    out
}

/// A line that stops inside a clause: on a connecting word, a comma or a dash.
fn cut_mid_clause(line: &str) -> bool {
    let t = line.trim_end();
    FUNCTION_WORDS.contains(&last_word(t).as_str()) || t.ends_with([',', '–', '—', '-'])
}

fn mark_headings(drafts: &mut [Draft]) {
    for i in 0..drafts.len() {
        let next_is_text = drafts.get(i + 1).is_some_and(|d| d.kind != BlockKind::Heading || d.stated);
        let after_lead_in = i > 0 && drafts[i - 1].text.ends_with(':');
        let d = &mut drafts[i];
        if d.kind == BlockKind::Paragraph && d.lines == 1 && next_is_text && !after_lead_in && heading_shaped(&d.text) {
            d.kind = BlockKind::Heading;
        }
    }
}

/// Takes the credit off the standfirst (`…reports Gulf Wire News`) or reads a wire dateline.
fn find_source(blocks: &mut [Block], removed: &mut Removed, at: usize) -> Option<String> {
    for b in blocks.iter_mut().take(3) {
        if let Some(c) = CREDIT.captures(&b.text) {
            let whole = c.get(0).map_or(0..0, |m| m.range());
            let src = c["src"].trim().to_string();
            removed.note(at, slice::range(&b.text, whole.clone()).trim().to_string());
            b.text.truncate(whole.start);
            b.text.truncate(b.text.trim_end().len());
            return Some(src);
        }
        if let Some(c) = WIRE.captures(&b.text) {
            return Some(c["src"].trim().to_string());
        }
    }
    None
}

/// A title for an article without a headline: its first sentence, cut at a word boundary.
fn derive_title(blocks: &[Block]) -> String {
    const MAX: usize = 80;
    let Some(first) = blocks.iter().find(|b| b.kind == BlockKind::Paragraph).or(blocks.first()) else {
        return String::from("(untitled)");
    };
    let sentence = first.text.unicode_sentences().next().unwrap_or(&first.text).trim();
    if sentence.chars().count() <= MAX {
        return sentence.to_string();
    }
    let mut cut = String::new();
    for w in sentence.split_whitespace() {
        if cut.chars().count() + w.chars().count() + 1 > MAX {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(w);
    }
    let cut = cut.trim_end_matches([',', ';', ':', '–', '—', '-', ' ']);
    format!("{cut}…")
}

/// What both [`normalize`] and [`header_only`] begin with: front matter split off, characters
/// cleaned, lines classified and the header read.
struct Start {
    markdown: bool,
    fm: FrontMatter,
    lines: Vec<Line>,
    removed: Removed,
    header: Header,
    /// The headline: front matter first, then the page's own.
    title: Option<String>,
    /// The publication date: front matter, then the page's header, then a date in the URL.
    date: Option<chrono::NaiveDate>,
}

/// A browser title at the top (`Headline | Site`) with the page's headline repeated a few short
/// lines below (a menu between them): the title line and the menu are furniture, so the header is
/// read from the headline on, with its byline and dateline.
fn drop_browser_title(lines: &mut [Line], removed: &mut Removed) {
    let Some(first) = next_content(lines, 0).filter(|&i| lines[i].kind == Kind::Text) else { return };
    let below: Vec<usize> = (first + 1..lines.len())
        .filter(|&j| matches!(lines[j].kind, Kind::Text | Kind::Heading))
        .take(HEADLINE_REPEAT_LINES)
        .collect();
    let Some(at) = below.iter().position(|&j| {
        super::title::repeated_part(&lines[first].text, std::iter::once(lines[j].text.as_str())).is_some()
    }) else {
        return;
    };
    if below[..at].iter().any(|&j| word_count(&lines[j].text) > 4) {
        return;
    }
    removed.take(lines, first);
    for &j in &below[..at] {
        removed.take(lines, j);
    }
}

/// How far below a browser title the page's own headline is looked for.
const HEADLINE_REPEAT_LINES: usize = 12;

fn start(raw: &str, markdown: bool) -> Start {
    let (fm, body_raw) = frontmatter::split(raw);
    let fm = fm.unwrap_or_default();
    let nbsp = nbsp_label(body_raw);
    let text = unicode::clean(body_raw);
    let mut lines = classify(&text, markdown);
    let mut removed = Removed::default();
    drop_browser_title(&mut lines, &mut removed);
    let mut header = read_header(&mut lines, nbsp, &mut removed);
    let title = fm.title.as_deref().map(unicode::clean).or_else(|| header.title.take());
    // A browser title (`Headline | Site`) above the page's own headline: keep the headline.
    let repeated = title.as_deref().and_then(|t| {
        let near = lines.iter().skip(header.body).filter(|l| l.kind != Kind::Gone).take(HEADLINE_REPEAT_LINES);
        super::title::repeated_part(t, near.map(|l| l.text.as_str())).map(str::to_string)
    });
    let title = repeated.or(title);
    let date = fm_date(&fm).or(header.date).or_else(|| fm.url.as_deref().and_then(dates::date_in_url));
    Start { markdown, fm, lines, removed, header, title, date }
}

/// The headline, or one cut from the first sentence (and marked as derived) when there is none.
fn title_or_derived(title: Option<String>, blocks: &[Block]) -> (String, bool) {
    match title {
        Some(t) => (t, false),
        None => (derive_title(blocks), true),
    }
}

/// A first look at an article from the start of its file: the header only (title, date,
/// section, front matter), with the lines after it as one paragraph to preview. Much cheaper
/// than [`normalize`], which the whole file gets once it is read.
pub fn header_only(path: &str, raw: &str) -> Article {
    let Start { fm, lines, removed, header, title, date, .. } = start(raw, is_markdown(path));
    let preview: Vec<&str> = lines[header.body.min(lines.len())..]
        .iter()
        .filter(|l| matches!(l.kind, Kind::Text | Kind::Bullet))
        .map(|l| l.text.as_str())
        .collect();
    let blocks =
        if preview.is_empty() { Vec::new() } else { vec![Block::new(BlockKind::Paragraph, preview.join(" "))] };
    let (title, title_derived) = title_or_derived(title, &blocks);
    Article {
        path: path.to_string(),
        title,
        title_derived,
        date,
        updated: header.updated,
        source: fm.source.clone(),
        section: fm.section.clone().or(header.section),
        url: fm.url.clone(),
        blocks,
        removed: removed.into_sorted(),
    }
}

/// Turns the raw text of one file into an [`Article`]. Never fails: the worst input gives an
/// article with few blocks and much in `removed`.
pub fn normalize(path: &str, raw: &str) -> Article {
    normalize_as(path, raw, is_markdown(path))
}

/// [`normalize`] for text whose format is known otherwise than by its file name: a web page
/// arrives here as Markdown written by the loader.
pub fn normalize_as(path: &str, raw: &str, markdown: bool) -> Article {
    let Start { markdown, fm, mut lines, mut removed, header, title, mut date } = start(raw, markdown);
    cut_end(&mut lines, header.body, &mut removed);

    let mut source = fm.source.clone();
    let mut updated = header.updated;
    let title_key = title.as_deref().map(key);
    for i in header.body..lines.len() {
        if lines[i].kind == Kind::Gone || lines[i].kind == Kind::Blank {
            continue;
        }
        let t = &lines[i].text;
        if let Some(src) = t.strip_prefix("Source:").filter(|_| word_count(t) <= 8) {
            source.get_or_insert_with(|| src.trim().to_string());
            removed.take(&mut lines, i);
        } else if let Some(d) = dates::labelled_date(t) {
            if dates::is_updated_line(t) {
                updated.get_or_insert(d);
            } else {
                date.get_or_insert(d);
            }
            removed.take(&mut lines, i);
        } else if is_furniture_line(t)
            || title_key.as_deref().is_some_and(|h| same_key(h, t))
            || title.as_deref().is_some_and(|h| super::title::is_browser_title_of(t, h))
        {
            removed.take(&mut lines, i);
        }
    }

    let mut drafts = reflow(&lines, header.body, markdown);
    if !markdown {
        mark_headings(&mut drafts);
    }
    // Paragraphs grew line by line; give back the slack, as a large archive keeps them all.
    let mut blocks: Vec<Block> = drafts
        .into_iter()
        .map(|mut d| {
            d.text.shrink_to_fit();
            Block::new(d.kind, d.text)
        })
        .collect();
    if source.is_none() {
        source = find_source(&mut blocks, &mut removed, header.body);
    }
    let (title, title_derived) = title_or_derived(title, &blocks);
    Article {
        path: path.to_string(),
        title,
        title_derived,
        date,
        updated,
        source,
        section: fm.section.clone().or(header.section),
        url: fm.url.clone(),
        blocks,
        removed: removed.into_sorted(),
    }
}

fn fm_date(fm: &FrontMatter) -> Option<chrono::NaiveDate> {
    fm.date.as_deref().and_then(|d| dates::find_date(d).map(|x| x.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(a: &Article) -> Vec<(BlockKind, &str)> {
        a.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect()
    }

    #[test]
    fn hard_wrapped_line_joins_its_paragraph() {
        let a =
            normalize("a.txt", "Headline here\nThe move comes as the president faces\ndwindling support at home.\n");
        assert_eq!(a.title, "Headline here");
        assert_eq!(
            texts(&a),
            vec![(BlockKind::Paragraph, "The move comes as the president faces dwindling support at home.")]
        );
    }

    #[test]
    fn quotation_ending_in_comma_joins_its_attribution() {
        let a = normalize(
            "a.txt",
            "A headline for this\n“We will act,”\nthe minister said. “Soon.”\nAnother paragraph follows here.\n",
        );
        assert_eq!(a.blocks[0].text, "“We will act,” the minister said. “Soon.”");
        assert_eq!(a.blocks.len(), 2);
    }

    #[test]
    fn column_wrapped_text_with_blank_line_paragraphs() {
        let raw = "A wrapped story\n\nThe first paragraph of this story is wrapped at a fixed\n\
                   width by the tool that saved it. Every line stops near the\n\
                   same margin. A sentence may even end at the margin.\n\
                   And the paragraph goes on after it for one more line.\n\n\
                   The second paragraph is short.\n";
        let a = normalize("a.txt", raw);
        assert_eq!(a.blocks.len(), 2, "{:#?}", a.blocks);
        assert!(a.blocks[0].text.ends_with("for one more line."));
    }

    #[test]
    fn bullets_become_list_items() {
        let a =
            normalize("a.txt", "Title of story\nIntro sentence here.\n• First point\n- Second point\n* Third point\n");
        let kinds: Vec<_> = a.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BlockKind::Paragraph, BlockKind::ListItem, BlockKind::ListItem, BlockKind::ListItem]);
    }

    #[test]
    fn short_title_lines_between_paragraphs_are_headings() {
        let a = normalize(
            "a.txt",
            "Big story today\nFirst paragraph of the story.\nA coalition takes shape\nSecond paragraph of the story.\n",
        );
        assert_eq!(a.blocks[1].kind, BlockKind::Heading);
    }

    #[test]
    fn a_short_line_of_quoted_speech_is_not_a_heading() {
        for line in ["“Would it work?” Roe pressed. “Maybe?”", "“Why now?”", "Roe left. Then he came back"]
        {
            let a = normalize(
                "a.txt",
                &format!("Big story today\n\nFirst paragraph of the story.\n\n{line}\n\nMore of it.\n"),
            );
            assert!(a.blocks.iter().all(|b| b.kind != BlockKind::Heading), "{line}: {:?}", a.blocks);
        }
    }

    #[test]
    fn line_ending_in_a_preposition_is_a_wrap_not_a_heading() {
        let a = normalize(
            "a.txt",
            "Big story today\nFirst paragraph.\nThe urgency of the summit was underscored by\nMoreau’s clash with Dumont.\n",
        );
        assert_eq!(a.blocks[1].text, "The urgency of the summit was underscored by Moreau’s clash with Dumont.");
    }

    #[test]
    fn no_headline_gives_a_derived_title() {
        let a = normalize(
            "a.txt",
            "Officials say that around twenty countries are interested in joining a coalition of nations. More text.\n",
        );
        assert!(a.title_derived);
        assert!(a.title.ends_with('…'));
        assert!(a.title.starts_with("Officials say that around"));
    }

    #[test]
    fn everything_after_an_end_label_is_removed_and_kept() {
        let a = normalize(
            "a.txt",
            "Headline of the story\n\nThe story has one paragraph of real prose in it.\n\nRelated stories\n\nSomething else happened\n\nComments\n",
        );
        assert_eq!(a.blocks.len(), 1);
        assert_eq!(a.removed, vec!["Related stories", "Something else happened", "Comments"]);
    }

    #[test]
    fn teaser_tail_without_a_label_is_removed() {
        let a = normalize(
            "a.txt",
            "Headline of the story\n\nThe story has one paragraph of real prose in it.\n\nArab world blasts annexation bid\n\nArab nations unite to denounce the bills, citing law, as a broad coalition of\n\nPlans for expansion accelerate\n",
        );
        assert_eq!(a.blocks.len(), 1, "{:#?}", a.blocks);
        assert_eq!(a.removed.len(), 3);
    }

    #[test]
    fn markdown_front_matter_and_headings() {
        let a = normalize(
            "n.md",
            "---\ntitle: From the front\ndate: 2024-03-05\nsource: The Paper\n---\n# From the front\n\nSome **bold** text with a [link](http://x.test)\nwrapped here.\n\n## Part two\n\n- item\n",
        );
        assert_eq!(a.title, "From the front");
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2024, 3, 5));
        assert_eq!(a.source.as_deref(), Some("The Paper"));
        assert_eq!(
            texts(&a),
            vec![
                (BlockKind::Paragraph, "Some bold text with a link wrapped here."),
                (BlockKind::Heading, "Part two"),
                (BlockKind::ListItem, "item"),
            ]
        );
    }

    #[test]
    fn wire_dateline_names_the_source() {
        let a = normalize("a.txt", "Markets fall on rate fears\nLONDON (Reuters) - Shares fell on Monday.\n");
        assert_eq!(a.source.as_deref(), Some("Reuters"));
    }

    #[test]
    fn an_updated_date_is_kept_apart_from_the_publication_date() {
        let a = normalize(
            "a.txt",
            "A headline here\nUpdated: 5 March 2024 10:30 GMT\nPublished: 3 March 2024\nText of the story on 9 May 2020.\n",
        );
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2024, 3, 3));
        assert_eq!(a.updated, chrono::NaiveDate::from_ymd_opt(2024, 3, 5));
    }

    #[test]
    fn a_date_in_the_front_matter_url_dates_the_article() {
        let a = normalize(
            "n.md",
            "---\ntitle: Old news\nurl: https://example.test/world/2014/06/20/old-news\n---\nText.\n",
        );
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2014, 6, 20));
    }

    #[test]
    fn dates_inside_the_story_do_not_date_it() {
        let a = normalize(
            "a.txt",
            "A headline here\n\nThe treaty signed on October 24, 2019 still holds, officials said.\n",
        );
        assert_eq!(a.date, None);
    }

    #[test]
    fn navigation_bylines_and_captions_around_the_headline_are_removed() {
        let a = normalize(
            "a.txt",
            "Skip to content\nHome\nNews\nSport\nWeather\nFlood warnings issued as storm hits coast\n2 hours ago\nShare\n\
             John Smith\nBBC News, Cornwall\nImage caption,\nWaves crashed over the wall\n\
             Flood warnings have been issued across the region tonight.\nRelated topics\nCornwall\n",
        );
        assert_eq!(a.title, "Flood warnings issued as storm hits coast");
        assert_eq!(
            texts(&a),
            vec![(BlockKind::Paragraph, "Flood warnings have been issued across the region tonight.")]
        );
        for gone in ["Sport", "John Smith", "BBC News, Cornwall", "Waves crashed over the wall", "Cornwall"] {
            assert!(a.removed.iter().any(|r| r == gone), "{gone} kept: {:?}", a.removed);
        }
    }

    #[test]
    fn a_byline_and_dateline_after_the_standfirst() {
        let a = normalize(
            "a.txt",
            "World news\nEU leaders agree migration deal\nAgreement reached on sharing responsibility, but two states vote against\n\
             Jennifer Rankin in Brussels\nFri 9 Jun 2023 02.14 BST\nEU leaders have agreed a deal on migration tonight.\n",
        );
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2023, 6, 9));
        assert_eq!(a.blocks.len(), 2, "{:?}", a.blocks);
        assert_eq!(a.blocks[0].kind, BlockKind::Paragraph, "a standfirst is not a heading");
        assert!(a.removed.contains(&"Jennifer Rankin in Brussels".to_string()));
    }

    #[test]
    fn a_widget_inside_a_wrapped_sentence_does_not_split_it() {
        let a = normalize(
            "a.txt",
            "A headline for the story\n\nThe minister said the plan would go ahead in\nAdvertisement\nMarch despite the objections.\n",
        );
        assert_eq!(a.blocks.len(), 1, "{:?}", a.blocks);
        assert!(a.blocks[0].text.ends_with("go ahead in March despite the objections."));
    }

    #[test]
    fn published_line_gives_the_date() {
        let a = normalize("a.txt", "A headline here\nBy Jane Doe\nPublished: 3 March 2024\nText of the story.\n");
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2024, 3, 3));
        assert_eq!(a.blocks.len(), 1);
        assert!(a.removed.contains(&"By Jane Doe".to_string()));
    }

    #[test]
    fn a_widget_in_the_middle_of_the_article_goes_alone() {
        let body = "The council voted on Tuesday to close the old bridge for repairs over the summer.\n\n\
            Related: Bridge repairs delayed again\n\nArticle Continued Below\n\n\
            Engineers said the work would take at least three months and cost more than planned.\n\n\
            Residents who cross the bridge every day were told to use the ferry until September.\n\n\
            More on this story\n\nCouncil budget row\n\nFerry fares to rise\n";
        let a = normalize("a.txt", &format!("Bridge to close for the summer\n\n{body}"));
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts.len(), 3, "{texts:#?}");
        assert!(texts[2].starts_with("Residents who cross"));
        assert_eq!(
            a.removed,
            [
                "Related: Bridge repairs delayed again",
                "Article Continued Below",
                "More on this story",
                "Council budget row",
                "Ferry fares to rise"
            ]
        );
    }

    #[test]
    fn comments_end_the_article_even_when_prose_follows() {
        let a = normalize(
            "a.txt",
            "A headline for it\n\nThe story has one paragraph of real prose in it and that is all.\n\nComments\n\n\
             I have lived here for twenty years and I have never seen the council act so quickly on anything.\n\n\
             Another reader wrote a long reply that also ends as a full sentence does at the end.\n",
        );
        assert_eq!(a.blocks.len(), 1, "{:#?}", a.blocks);
    }
}
