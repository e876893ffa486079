//! Raw article text to a clean [`Article`]: the heart of the loader.
//!
//! The text goes through five passes, one file each,, each reading the lines the one before left:
//!
//! 1. **Lines** (`lines.rs`): clean characters, then tag each line blank, bullet, Markdown
//!    heading or text.
//! 2. **Header** (`header.rs`): from the top, take datelines, reading times, section labels and
//!    widgets as metadata or furniture, and the first headline-shaped line as the title;
//!    `top.rs` finds the headline among the page's first lines.
//! 3. **Tail** (`tail.rs`): everything from a closing label (`Previous Story`, `Comments`,
//!    `Sources…`) on, and a trailing run of teaser headlines and cut-off snippets, is furniture.
//! 4. **Blocks** (`reflow.rs`): drop furniture lines and repeats of the headline, join
//!    hard-wrapped lines into paragraphs, and turn bullets and short title lines into list items
//!    and headings.
//! 5. **Source** (`source.rs`): a credit or wire dateline in the first paragraphs names who
//!    filed the story.
//!
//! Everything taken out goes to `Article::removed` in reading order.

use crate::analysis::dates;
use crate::article::{Article, Block, BlockKind};
use crate::load::frontmatter::{self, FrontMatter};
use crate::load::furniture::{is_furniture_line, key};
use crate::load::unicode;
use crate::text::slice;
use header::{drop_browser_title, glued_section, late_dateline, read_header, Header, HEADLINE_REPEAT_LINES};
use lines::*;
use reflow::{mark_headings, reflow};
use source::find_source;
use tail::cut_end;

mod header;
mod lines;
mod reflow;
mod source;
mod tail;
mod top;

pub(crate) fn is_markdown(path: &str) -> bool {
    let p = path.to_lowercase();
    p.ends_with(".md") || p.ends_with(".markdown")
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

/// A title for an article without a headline: its first sentence, cut at a word boundary.
fn derive_title(blocks: &[Block]) -> String {
    const MAX: usize = 80;
    const WHOLE_PARAGRAPH_WORDS: usize = 16;
    let Some(first) = blocks.iter().find(|b| b.kind == BlockKind::Paragraph).or(blocks.first()) else {
        return String::from("(untitled)");
    };
    // A short first paragraph is a headline the page did not mark (`X Falls. Why Y.`); of a
    // longer one, the first sentence, not cut at an initial or a title (`John M. Ford`, `Sen.`).
    let sentence = if first.text.split_whitespace().count() <= WHOLE_PARAGRAPH_WORDS {
        first.text.trim()
    } else {
        let end = crate::text::words::sentence_breaks(&first.text, &[]).first().copied().unwrap_or(first.text.len());
        slice::before(&first.text, end).trim()
    };
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
/// Everything above a headline found lower on the page is furniture (menus, share rows, the site's
/// name); a dateline among it is kept as the date. The headline is marked so the header takes it.
fn drop_above_headline(lines: &mut [Line], nbsp: Option<&str>, removed: &mut Removed) -> Option<chrono::NaiveDate> {
    // A section label glued to the headline on the first line is read by the header.
    if next_content(lines, 0).is_some_and(|first| glued_section(lines, first, nbsp).is_some()) {
        return None;
    }
    let at = top::headline(lines)?;
    let mut date = None;
    for i in 0..at {
        if date.is_none() && matches!(lines[i].kind, Kind::Text) && !dates::is_updated_line(&lines[i].text) {
            date = dates::dateline(&lines[i].text);
        }
        removed.take(lines, i);
    }
    lines[at].kind = Kind::Heading;
    date
}

fn start(raw: &str, markdown: bool) -> Start {
    let (fm, body_raw) = frontmatter::split(raw);
    let fm = fm.unwrap_or_default();
    let nbsp = nbsp_label(body_raw);
    let text = unicode::clean(body_raw);
    let mut lines = classify(&text, markdown);
    let mut removed = Removed::default();
    drop_browser_title(&mut lines, &mut removed);
    let above = drop_above_headline(&mut lines, nbsp.as_deref(), &mut removed);
    let mut header = read_header(&mut lines, nbsp, &mut removed);
    header.date = header.date.or(above);
    let title = fm.title.as_deref().map(unicode::clean).or_else(|| header.title.take());
    // A browser title (`Headline | Site`) above the page's own headline: keep the headline.
    let repeated = title.as_deref().and_then(|t| {
        let near = lines.iter().skip(header.body).filter(|l| l.kind != Kind::Gone).take(HEADLINE_REPEAT_LINES);
        crate::load::title::repeated_part(t, near.map(|l| l.text.as_str())).map(str::to_string)
    });
    // A browser title with no headline under it: the site's name is cut off.
    let from_page = fm.title.is_none();
    let title = repeated.or_else(|| {
        title.map(|t| match crate::load::title::without_site(&t).filter(|_| from_page) {
            Some(head) => head.to_string(),
            None => t,
        })
    });
    let mut date = fm_date(&fm).or(header.date);
    if date.is_none() {
        let (late, updated) = late_dateline(&mut lines, header.body, &mut removed);
        date = late;
        header.updated = header.updated.or(updated);
    }
    let date = date.or_else(|| fm.url.as_deref().and_then(dates::date_in_url));
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
        // The last update dates a page that gives nothing else.
        date: date.or(header.updated),
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
            || title.as_deref().is_some_and(|h| crate::load::title::is_browser_title_of(t, h))
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
    // The last update dates a page that gives nothing else.
    let date = date.or(updated);
    Article {
        path: path.to_string(),
        title,
        title_derived,
        date: date.or(updated),
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

/// The blocks of `a` as (kind, text), for the passes' tests.
#[cfg(test)]
fn texts(a: &Article) -> Vec<(BlockKind, &str)> {
    a.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_derived_title_is_not_cut_at_an_initial_and_a_short_paragraph_is_whole() {
        let a = normalize(
            "a.txt",
            "Harbour Tolls Rise Again. Why Crews Say They Cannot Pay.\n\n\
             More text follows here in a paragraph of its own that is long enough to be the body.\n",
        );
        assert_eq!(a.title, "Harbour Tolls Rise Again. Why Crews Say They Cannot Pay.");
        let b = normalize(
            "b.txt",
            "Novelist John M. Reed returned to the harbour town where he was born and wrote his last three \
             books there. He died in 1999.\n",
        );
        assert!(b.title.starts_with("Novelist John M. Reed returned"), "{}", b.title);
    }

    #[test]
    fn a_date_in_the_front_matter_url_dates_the_article() {
        let a = normalize(
            "n.md",
            "---\ntitle: Old news\nurl: https://example.test/world/2014/06/20/old-news\n---\nText.\n",
        );
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2014, 6, 20));
    }
}
