//! The top of a scraped page: where the article's headline stands among the menus, site names,
//! share rows and ad labels above it.
//!
//! Every line above the first paragraph of prose is a candidate. Each is scored on the evidence a
//! headline leaves: the browser title repeats it, a byline or dateline follows it, the body starts
//! right under it, it is shaped like a headline. Shape alone proves nothing (a menu entry or a
//! widget title is shaped like a headline too), so a candidate wins only with evidence beyond its
//! shape, and then everything above it is page furniture.

use super::header::{headline_shaped, is_byline, is_name_line};
use super::lines::*;
use crate::analysis::dates;
use crate::load::furniture::{is_furniture_line, key};
use regex::Regex;
use std::sync::LazyLock;

/// Words in the first paragraph of prose, which the headline stands above; on a page of short
/// paragraphs, the first finished sentence of `SHORT_PROSE_WORDS`.
const PROSE_WORDS: usize = 20;
const SHORT_PROSE_WORDS: usize = 12;
/// How far down a page the headline is looked for, in lines with text.
const MAX_TOP_LINES: usize = 250;
/// Lines under a headline where its byline or dateline stands.
const BYLINE_REACH: usize = 3;
/// The score a candidate needs, and the part of it that must be evidence beyond its shape and
/// place: a headline-shaped line just above the body may as well be a standfirst.
const ENOUGH: i32 = 4;
/// Words in a standfirst, the sentence under the headline that sums the story up.
const STANDFIRST_WORDS: usize = 12;
const EVIDENCE: i32 = 2;

/// `LONDON (Reuters) -`, `NEW DELHI:`, `TRENTON, N.J. (AP) —`: a wire dateline opens the body.
static WIRE_DATELINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z][A-Z .,'’-]{1,30}(?:\([^)]{1,30}\))?\s*[:—–-]\s").expect("wire dateline"));

/// The first paragraph of article prose: a finished sentence of some length that is no furniture.
fn is_body_prose(l: &Line, words: usize) -> bool {
    l.kind == Kind::Text
        && crate::load::furniture::ends_sentence(&l.text)
        && word_count(&l.text) >= words
        && !title_case(&l.text)
        && !is_furniture_line(&l.text)
}

/// Could stand as a headline: a line of text of a few words that is no label, byline or date.
fn candidate(l: &Line) -> bool {
    let n = word_count(&l.text);
    matches!(l.kind, Kind::Text | Kind::Heading)
        && (3..=30).contains(&n)
        && l.text.chars().count() <= 250
        && (starts_upper(&l.text) || l.text.starts_with(['“', '"', '‘', '\'', '[']))
        && !l.text.trim_end().ends_with(':')
        && !is_furniture_line(&l.text)
        && !is_byline(&l.text)
        && !WIRE_DATELINE.is_match(&l.text)
        && dates::dateline(&l.text).is_none()
}

/// Lines a headline has under it: a byline, an author's name, a dateline, or the body opening
/// with a wire dateline.
fn is_credit(text: &str) -> bool {
    is_byline(text) || is_name_line(text) || dates::dateline(text).is_some() || WIRE_DATELINE.is_match(text)
}

/// The line of the page's headline, when the evidence shows it below other lines of text; `None`
/// when the first line is the headline or nothing is sure.
pub(super) fn headline(lines: &[Line]) -> Option<usize> {
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| matches!(lines[i].kind, Kind::Text | Kind::Bullet | Kind::Heading))
        .filter(|&i| lines[i].text.chars().any(char::is_alphanumeric))
        .take(MAX_TOP_LINES)
        .collect();
    let first = *content.first()?;
    // A page that states its headline (`# …` in Markdown) needs no guess.
    if lines[first].kind == Kind::Heading {
        return None;
    }
    // The story's prose comes after its byline: a paragraph with a byline under it is a standfirst.
    let opens_story = |k: usize, words: usize| {
        is_body_prose(&lines[content[k]], words)
            && !content[k + 1..].iter().take(BYLINE_REACH - 1).any(|&j| is_byline(&lines[j].text))
    };
    let body = (0..content.len())
        .find(|&k| opens_story(k, PROSE_WORDS))
        .or_else(|| (0..content.len()).find(|&k| opens_story(k, SHORT_PROSE_WORDS)))?;
    if body == 0 {
        return None;
    }
    let browser_title = &lines[first].text;
    let browser_key = key(browser_title);
    // (evidence, total) for the candidate at `content[k]`.
    let score = |k: usize| -> (i32, i32) {
        let l = &lines[content[k]];
        let mut evidence = 0;
        if k > 0 {
            let repeats = crate::load::title::repeated_part(browser_title, std::iter::once(l.text.as_str())).is_some();
            if repeats || key(&l.text) == browser_key {
                evidence += 4;
            }
        }
        if content[k + 1..body].iter().take(BYLINE_REACH).any(|&j| is_credit(&lines[j].text)) {
            evidence += 2;
        }
        let mut shape = match body - k {
            1..=3 => 2,
            4..=6 => 1,
            _ => 0,
        };
        if headline_shaped(&l.text) {
            shape += 1;
        }
        if (5..=20).contains(&word_count(&l.text)) {
            shape += 1;
        }
        (evidence, evidence + shape)
    };
    let first_total = if candidate(&lines[first]) { score(0).1 } else { 0 };
    let mut best: Option<(usize, i32)> = None;
    for k in (1..body).filter(|&k| candidate(&lines[content[k]])) {
        let (evidence, total) = score(k);
        if evidence >= EVIDENCE && total >= ENOUGH && total > first_total && best.is_none_or(|(_, b)| total > b) {
            best = Some((k, total));
        }
    }
    let (mut k, _) = best?;
    // A standfirst stands between the headline and the byline and has the same evidence; the
    // headline is the line right above it, much shorter, and the standfirst is no Title Case.
    while k > 0 && candidate(&lines[content[k - 1]]) {
        let (above, here) = (word_count(&lines[content[k - 1]].text), word_count(&lines[content[k]].text));
        let standfirst = here >= STANDFIRST_WORDS && here * 2 >= above * 3 && !title_case(&lines[content[k]].text);
        if score(k - 1).0 < score(k).0 || !standfirst || above < 5 {
            break;
        }
        k -= 1;
    }
    (k > 0).then(|| content[k])
}

#[cfg(test)]
mod tests {
    use crate::load::normalize;

    #[test]
    fn a_headline_under_menus_and_share_rows_is_found_by_its_byline() {
        let page = "The Valley Courier\n\nSubscribe\n\nSign in\n\n  • Facebook\n  • Twitter\n\nLocal\n\n\
            Weather Desk Wins Award For Flood Coverage\n\nBy Tomas Reyes and Ellen Marsh, Courier Staff\n\n\
            Nov. 4, 2021 7:15 am ET\n\n\
            The paper's weather desk won a regional award on Wednesday for its reporting during the spring floods, \
            the judges said.\n\nThe team filed forty stories in two weeks.\n";
        let a = normalize("courier.txt", page);
        assert_eq!(a.title, "Weather Desk Wins Award For Flood Coverage");
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2021, 11, 4));
        assert!(a.blocks[0].text.starts_with("The paper's weather desk"), "{:?}", a.blocks);
        for gone in ["The Valley Courier", "Subscribe", "Local", "By Tomas Reyes and Ellen Marsh, Courier Staff"] {
            assert!(a.removed.iter().any(|r| r == gone), "{gone} not in removed: {:?}", a.removed);
        }
    }

    #[test]
    fn a_standfirst_under_a_first_line_headline_stays_in_the_body() {
        let page = "Harbour Tolls Rise: Fishing Crews Say They Cannot Pay.\n\n\
            Were the tolls ever fair to the small boats?\n\n\
            The harbour board raised its tolls for the third time in two years on Monday, and crews that fish \
            from the old quay say the rise will push them out.\n";
        let a = normalize("tolls.txt", page);
        assert_eq!(a.title, "Harbour Tolls Rise: Fishing Crews Say They Cannot Pay.");
        assert_eq!(a.blocks[0].text, "Were the tolls ever fair to the small boats?");
    }
}
