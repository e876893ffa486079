//! The header of an article: headline, dateline, bylines, section label and the page-top
//! furniture around them, read from the top of the page down to the first line of the body.

use super::lines::*;
use crate::analysis::dates;
use crate::load::furniture::{self, ends_sentence, is_furniture_line, key};
use crate::text::slice;
use chrono::NaiveDate;

/// Could be a headline: a single line of a few to forty words without closing punctuation.
pub(super) fn headline_shaped(s: &str) -> bool {
    let n = word_count(s);
    (2..=40).contains(&n) && s.chars().count() <= 300 && !ends_clause(s) && starts_upper(s)
}

/// A first line that stands alone as a paragraph and is shorter than the paragraph after it
/// is the headline even when it ends in a full stop: copied headlines often gain one, and a
/// headline of two sentences (`X Suffered A Blow. Here Is His Plan.`) is still one title.
pub(super) fn lone_headline(lines: &[Line], i: usize) -> bool {
    let n = word_count(&lines[i].text);
    let t = lines[i].text.trim_end_matches([';', ' ']);
    if !(2..=25).contains(&n) || !starts_upper(t) || t.ends_with([',', ':']) {
        return false;
    }
    if lines.get(i + 1).is_none_or(|l| l.kind != Kind::Blank) {
        return false;
    }
    let Some(j) = next_content(lines, i + 1) else { return false };
    // The longest of the next few paragraphs: a short standfirst may come first.
    let mut longest = 0;
    let mut at = j;
    for _ in 0..PARAGRAPHS_AFTER_HEADLINE {
        let Some(p) = next_content(lines, at).filter(|&p| lines[p].kind == Kind::Text) else { break };
        let len = lines[p..].iter().take_while(|l| l.kind == Kind::Text).count();
        longest = longest.max(lines[p..p + len].iter().map(|l| word_count(&l.text)).sum::<usize>());
        at = p + len;
    }
    lines[j].kind == Kind::Text && longest > n + 5
}

/// Paragraphs after a lone first line among which one must be longer than it.
const PARAGRAPHS_AFTER_HEADLINE: usize = 3;

/// Words in an entry of a site's menu.
const MENU_WORDS: usize = 3;
/// Words in a bullet of a menu of story links between a browser title and the headline.
const MENU_BULLET_WORDS: usize = 8;

pub(super) struct Header {
    pub(super) title: Option<String>,
    pub(super) date: Option<chrono::NaiveDate>,
    pub(super) updated: Option<chrono::NaiveDate>,
    pub(super) section: Option<String>,
    /// The first line of the body.
    pub(super) body: usize,
}

pub(super) fn read_header(lines: &mut [Line], nbsp: Option<String>, removed: &mut Removed) -> Header {
    let mut h = Header { title: None, date: None, updated: None, section: None, body: lines.len() };
    // The last byline or name line, whose author a note under it may describe.
    let mut author: Option<String> = None;
    let mut after_update_label = false;
    let mut i = 0;
    while i < lines.len() {
        let text = lines[i].text.clone();
        match lines[i].kind {
            Kind::Blank | Kind::Gone => {}
            Kind::Bullet if is_furniture_line(&text) => removed.take(lines, i),
            // Above the headline, a short bullet is a menu entry.
            Kind::Bullet if h.title.is_none() && word_count(&text) <= MENU_WORDS => removed.take(lines, i),
            // `• By Jane Doe`, `• July 2, 2018`: the header set as a list.
            Kind::Bullet if h.title.is_some() && is_byline(&text) => removed.take(lines, i),
            Kind::Bullet if h.title.is_some() && dates::dateline(&text).is_some() => {
                if h.date.is_none() && !dates::is_updated_line(&text) {
                    h.date = dates::dateline(&text);
                }
                removed.take(lines, i);
            }
            Kind::Bullet => break,
            Kind::Heading if h.title.is_none() => {
                h.title = Some(text);
                lines[i].kind = Kind::Gone;
            }
            Kind::Heading => break,
            Kind::Text => {
                // `| UPDATED:` on its own line labels the stamp under it.
                let updated = dates::is_updated_line(&text) || after_update_label;
                after_update_label = matches!(key(&text).as_str(), "updated" | "lastupdated" | "modified");
                if let Some(d) = dates::dateline(&text).filter(|_| h.title.is_some() || h.date.is_none()) {
                    let slot = if updated { &mut h.updated } else { &mut h.date };
                    slot.get_or_insert(d);
                    removed.take(lines, i);
                    i += 1;
                    continue;
                }
                if is_furniture_line(&text) {
                    removed.take(lines, i);
                    // `Image caption,` labels the line after it, which is the caption.
                    if let Some(j) = next_content(lines, i + 1) {
                        if furniture::labels_next_line(&text, &lines[j].text) {
                            removed.take(lines, j);
                        }
                    }
                } else if h.title.is_some() && furniture::end_marker(&text) == Some(furniture::End::Widget) {
                    // `Most Popular` and its list of headlines between the header and the story.
                    i = super::tail::take_widget(lines, i, removed);
                    continue;
                } else if h.title.is_none() && menu_run(lines, i) >= 3 {
                    // A run of one- and two-word lines at the top is the site's navigation.
                    for _ in 0..menu_run(lines, i) {
                        if let Some(j) = next_content(lines, i) {
                            removed.take(lines, j);
                        }
                    }
                    continue;
                } else if furniture::is_section_label(&text) {
                    // `World` above the headline or right under it.
                    h.section.get_or_insert(text);
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
                    if h.date.is_none() && is_byline(&text) {
                        h.date = dates::find_date(&text).map(|(d, _)| d);
                    }
                    author = Some(text);
                    removed.take(lines, i);
                } else if author.as_deref().is_some_and(|a| is_author_note(a, &text)) {
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

/// The next line with text is a dateline: what follows an author's name in a header.
fn dated_next(lines: &[Line], i: usize) -> bool {
    next_content(lines, i + 1).is_some_and(|j| dates::dateline(&lines[j].text).is_some())
}

/// Words in a note about the author under the byline.
const AUTHOR_NOTE_WORDS: usize = 30;

/// `Priya Shah is a food writer.` under the byline `Priya Shah`: one sentence about the author.
fn is_author_note(byline: &str, line: &str) -> bool {
    let name: Vec<&str> = byline.trim_start_matches("By ").split_whitespace().take(2).collect();
    let ws: Vec<&str> = line.split_whitespace().collect();
    name.len() == 2
        && ws.len() <= AUTHOR_NOTE_WORDS
        && ws.starts_with(&name)
        && matches!(ws.get(2), Some(&("is" | "was" | "writes" | "covers")))
}

/// Bylines and a dateline among the few lines after `from` (which stays), up to the story's
/// first line of prose.
pub(super) fn take_late_header(lines: &mut [Line], from: usize, h: &mut Header, removed: &mut Removed) {
    let mut seen = 0;
    for j in from + 1..lines.len() {
        match lines[j].kind {
            Kind::Blank | Kind::Gone => continue,
            Kind::Text if seen < 3 && !super::tail::is_prose(&lines[j]) => seen += 1,
            _ => break,
        }
        let t = lines[j].text.clone();
        let date = (h.date.is_none() && !dates::is_updated_line(&t)).then(|| dates::dateline(&t)).flatten();
        if let Some(d) = date {
            h.date = Some(d);
            removed.take(lines, j);
        } else if is_byline(&t) || is_name_line(&t) || (name_shaped(&t).is_some() && dated_next(lines, j)) {
            removed.take(lines, j);
        }
    }
}

/// Lines below the header where a dateline may still stand, after a standfirst, a photo and its
/// caption, a share row.
const DATE_REACH: usize = 15;
/// Paragraphs of prose after which the header is surely over.
const DATE_PROSE: usize = 2;

/// The publication date on a dateline a little below the header (also a bulleted one,
/// `• July 2, 2018`), taken out; an update line's date when that is all there is.
pub(super) fn late_dateline(
    lines: &mut [Line],
    from: usize,
    removed: &mut Removed,
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let mut updated = None;
    let mut prose = 0;
    let near: Vec<usize> =
        (from..lines.len()).filter(|&j| matches!(lines[j].kind, Kind::Text | Kind::Bullet)).take(DATE_REACH).collect();
    for j in near {
        let t = &lines[j].text;
        if let Some(d) = dates::dateline(t) {
            if !dates::is_updated_line(t) {
                removed.take(lines, j);
                return (Some(d), updated);
            }
            updated.get_or_insert(d);
        }
        // The story itself may open with a dated wire dateline; it stays in the story.
        if let Some(d) = dates::opening_dateline(t) {
            return (Some(d), updated);
        }
        if super::tail::is_prose(&lines[j]) {
            prose += 1;
            if prose >= DATE_PROSE {
                break;
            }
        }
    }
    (None, updated)
}

/// How many lines from `i` on (blank lines skipped) are one or two words with no sentence
/// punctuation: the shape of a navigation menu.
pub(super) fn menu_run(lines: &[Line], i: usize) -> usize {
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
pub(super) fn is_name_line(s: &str) -> bool {
    use crate::analysis::lexicon::LEXICON;
    let words: Vec<&str> = s.split_whitespace().collect();
    let desk = s.contains(',')
        && !ends_sentence(s)
        && words.len() <= 6
        && words.iter().all(|w| starts_upper(w) || w.len() <= 3)
        && words.iter().any(|w| w.trim_end_matches(',') == "News");
    name_shaped(s).is_some_and(|first| LEXICON.first_name(first).is_some()) || desk
}

/// `Jane Doe`, `Jane Doe in Brussels`: two or three capitalised words, maybe with a place; the
/// given name is returned.
fn name_shaped(s: &str) -> Option<&str> {
    let words: Vec<&str> = s.split_whitespace().collect();
    if ends_sentence(s) || s.contains(',') || words.len() > 6 || !words.iter().all(|w| starts_upper(w) || w.len() <= 3)
    {
        return None;
    }
    let person = match words.iter().position(|w| *w == "in") {
        Some(at) if at >= 2 && words.len() - at <= 3 => &words[..at],
        _ => &words[..],
    };
    ((2..=3).contains(&person.len()) && person.iter().all(|w| starts_upper(w))).then(|| person[0])
}

/// Words in the longest byline.
const BYLINE_WORDS: usize = 12;

/// A byline in any of the forms pages print: `By Jane Doe`, `| BY: Jane Doe, MS`, `Jane Doe and
/// John Roe, Wire Service`, `Jane Roe Contributor`, `Wire Staff`.
pub(super) fn is_byline(s: &str) -> bool {
    let t = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    if credit_then_date(t) {
        return true;
    }
    let n = word_count(t);
    if n == 0 || n > BYLINE_WORDS || ends_sentence(t) {
        return false;
    }
    let lower = t.to_lowercase();
    // `Jo Park@jopark`, `Jo Park @jopark`: a name with the author's handle.
    if let Some((name, handle)) = t.split_once('@') {
        let name: Vec<&str> = name.split_whitespace().collect();
        if (2..=3).contains(&name.len()) && name.iter().all(|w| starts_upper(w)) && !handle.contains(' ') {
            return true;
        }
    }
    // A bare `By`, the author's name on the next line.
    if lower == "by" || lower.starts_with("by ") || lower.starts_with("by:") || lower.starts_with("words by ") {
        return true;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let capitalised = words.iter().all(|w| starts_upper(w) || w.len() <= 3);
    // `Jane Roe Contributor`, `Wire Staff`, `Opinion Columnist`.
    if n <= 6 && capitalised && words.last().is_some_and(|w| furniture::is_role_word(w)) {
        return true;
    }
    // `Jane Doe and John Roe, Wire Service`: two people named by their given names.
    match t.split_once(" and ") {
        Some((a, b)) if capitalised => starts_with_person(a) && starts_with_person(b),
        _ => false,
    }
}

/// `Metro Desk The Wire Service, 20 Oct, 2015 05:52 PM`: capitalised names, a comma, then the
/// date and perhaps its time.
fn credit_then_date(s: &str) -> bool {
    // (Cheap tests first: this runs on many lines, finding a date does not.)
    if !s.contains(", ") || ends_sentence(s) || !s.starts_with(char::is_uppercase) || word_count(s) > 16 {
        return false;
    }
    let Some((_, at)) = dates::find_date(s) else { return false };
    let Some(names) = slice::before(s, at.start).trim_end().strip_suffix(',') else { return false };
    let words: Vec<&str> = names.split_whitespace().collect();
    let time = slice::after(s, at.end).split_whitespace().count() <= 3;
    (2..=8).contains(&words.len()) && words.iter().all(|w| starts_upper(w)) && time
}

/// Whether `s` begins with a given name and a capitalised surname (`Jane Doe`, `Jane Q. Doe, …`).
fn starts_with_person(s: &str) -> bool {
    use crate::analysis::lexicon::LEXICON;
    let mut words = s.split_whitespace();
    let given = words.next().is_some_and(|w| LEXICON.first_name(w.trim_end_matches(',')).is_some());
    given && words.next().is_some_and(starts_upper)
}

/// A section label glued to the headline on the first line: `International News UK and …`.
/// Taken only with evidence beyond the lexicon: a no-break space after the label, the headline
/// repeated on its own further down, or a label that names itself as news.
pub(super) fn glued_section(lines: &[Line], i: usize, nbsp: Option<&str>) -> Option<(String, String)> {
    let text = &lines[i].text;
    let cut = match nbsp {
        Some(label) if text.starts_with(label) && text.len() > label.len() => label.len(),
        _ => furniture::section_prefix(text)?,
    };
    let (label, rest) = (slice::before(text, cut).trim(), slice::after(text, cut).trim());
    if !headline_shaped(rest) || !starts_upper(rest) || lettered_words(rest) < 3 {
        return None;
    }
    let rest_key = key(rest);
    let repeated = lines[i + 1..].iter().take(12).any(|l| l.kind == Kind::Text && key(&l.text) == rest_key);
    let news_label = label.to_lowercase().ends_with("news");
    (nbsp.is_some() || repeated || news_label).then(|| (label.to_string(), rest.to_string()))
}

/// A browser title at the top (`Headline | Site`) with the page's headline repeated a few short
/// lines below (a menu between them): the title line and the menu are furniture, so the header is
/// read from the headline on, with its byline and dateline.
pub(super) fn drop_browser_title(lines: &mut [Line], removed: &mut Removed) {
    let Some(first) = next_content(lines, 0).filter(|&i| lines[i].kind == Kind::Text) else { return };
    let below: Vec<usize> = (first + 1..lines.len())
        .filter(|&j| matches!(lines[j].kind, Kind::Text | Kind::Heading))
        .take(HEADLINE_REPEAT_LINES)
        .collect();
    let Some(at) = below.iter().position(|&j| {
        crate::load::title::repeated_part(&lines[first].text, std::iter::once(lines[j].text.as_str())).is_some()
    }) else {
        return;
    };
    if below[..at].iter().any(|&j| word_count(&lines[j].text) > 4) {
        return;
    }
    // Between the two, only menus: short lines and short bullets, all furniture.
    let repeat = below[at];
    if lines[first + 1..repeat].iter().any(|l| l.kind == Kind::Bullet && word_count(&l.text) > MENU_BULLET_WORDS) {
        return;
    }
    for j in first..repeat {
        if matches!(lines[j].kind, Kind::Text | Kind::Bullet | Kind::Heading) {
            removed.take(lines, j);
        }
    }
}

/// How far below a browser title the page's own headline is looked for.
pub(super) const HEADLINE_REPEAT_LINES: usize = 12;

#[cfg(test)]
mod tests {
    use crate::article::BlockKind;
    use crate::load::normalize;
    use crate::load::normalize::texts;

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
    fn a_desk_credit_with_its_date_dates_the_article() {
        let a = normalize(
            "a.txt",
            "A headline for the story\n\nHarbour News Desk The Wire Service, 20 Oct, 2015 05:52 PM\n\nThe council met on Monday.\n",
        );
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2015, 10, 20));
        assert_eq!(a.blocks.len(), 1, "{:?}", a.blocks);
    }

    #[test]
    fn published_line_gives_the_date() {
        let a = normalize("a.txt", "A headline here\nBy Jane Doe\nPublished: 3 March 2024\nText of the story.\n");
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2024, 3, 3));
        assert_eq!(a.blocks.len(), 1);
        assert!(a.removed.contains(&"By Jane Doe".to_string()));
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
