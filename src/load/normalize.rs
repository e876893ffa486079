//! Raw article text to a clean [`Article`]: the heart of the loader.
//!
//! The text goes through four passes, each reading the lines the one before left:
//!
//! 1. **Lines** (`lines.rs`): clean characters, then tag each line blank, bullet, Markdown
//!    heading or text.
//! 2. **Header** (`header.rs`): from the top, take datelines, reading times, section labels and widgets as
//!    metadata or furniture, and the first headline-shaped line as the title.
//! 3. **End** (`ending.rs`): everything from a closing label (`Previous Story`, `Comments`, `Sources…`) on, and
//!    a trailing run of teaser headlines and cut-off snippets, is furniture.
//! 4. **Blocks** (`reflow.rs`): drop furniture lines and repeats of the headline, join hard-wrapped lines into
//!    paragraphs, and turn bullets and short title lines into list items and headings.
//!
//! Everything taken out goes to `Article::removed` in reading order.

use super::ending::cut_end;
use super::frontmatter::{self, FrontMatter};
use super::furniture::{is_furniture_line, key};
use super::header::{drop_browser_title, glued_section, late_dateline, read_header, Header, HEADLINE_REPEAT_LINES};
use super::lines::*;
use super::reflow::{mark_headings, reflow};
use super::unicode;
use crate::analysis::dates;
use crate::article::{Article, Block, BlockKind};
use crate::text::slice;
use regex::Regex;
use std::sync::LazyLock;

pub(crate) fn is_markdown(path: &str) -> bool {
    let p = path.to_lowercase();
    p.ends_with(".md") || p.ends_with(".markdown")
}

/// `…reports Gulf Wire News` at the end of a standfirst: the agency that filed the story.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:…|\.{3}|\s[-–—]\s*|\s)reports\s+(?P<src>(?:[A-Z][\w&’'.-]*\s*){1,6})$").expect("credit pattern")
});
/// `LONDON (Reuters) - ` at the start of wire copy.
static WIRE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][A-Za-z .,'-]{1,40}\s*\((?P<src>[A-Z][A-Za-z&. ]{1,30})\)\s*[-–—]\s").expect("wire pattern")
});

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
    let at = super::top::headline(lines)?;
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
        super::title::repeated_part(t, near.map(|l| l.text.as_str())).map(str::to_string)
    });
    // A browser title with no headline under it: the site's name is cut off.
    let from_page = fm.title.is_none();
    let title = repeated.or_else(|| {
        title.map(|t| match super::title::without_site(&t).filter(|_| from_page) {
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
    fn numbered_items_keep_their_numbers() {
        let a = normalize("a.txt", "Title of story\nIntro sentence here.\n1. First point\n2) Second point\n");
        let items: Vec<(BlockKind, &str)> = a.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(items[1..], [(BlockKind::ListItem, "1. First point"), (BlockKind::ListItem, "2) Second point")]);
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

    #[test]
    fn a_dateline_below_the_standfirst_and_a_photo_caption_dates_the_article() {
        let a = normalize(
            "a.txt",
            "Harbour plan wins approval after long fight\n\
             Councillors back the scheme, ending a decade of delays\n\
             (Photo: Pat Lane/Example Press)\n\
             Share\n\
             \u{2022} July 2, 2018\n\
             The harbour plan was approved on Monday after a vote of the full council.\n",
        );
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2018, 7, 2));
        assert!(!a.blocks.iter().any(|b| b.text.contains("2018")), "{:?}", a.blocks);
    }

    #[test]
    fn a_date_after_two_paragraphs_of_prose_is_the_story_not_the_dateline() {
        let a = normalize(
            "a.txt",
            "Harbour plan wins approval after long fight\n\n\
             The harbour plan was approved on Monday after a vote of the full council.\n\n\
             Work is due to start in the spring and finish within two years, officials said.\n\n\
             July 2, 2018\n",
        );
        assert_eq!(a.date, None);
    }
}
