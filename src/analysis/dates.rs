//! Calendar dates written the ways news pages write them.
//!
//! Two questions are answered here: "is this line a dateline?" (the loader asks it of the lines
//! around the headline, where the publication date lives) and "which date does this text name?".
//! A date mentioned inside a story is not a publication date, which is why the loader only asks
//! the first question of header lines and labelled lines (`Published: …`).

use crate::text::slice;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

const MONTHS: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?P<m>{MONTHS})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?:(?-u:\b)|\d{{1,2}}:\d\d)"
    ))
    .expect("month-first date pattern")
});
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTHS})\.?,?\s+(?P<y>\d{{4}})(?:(?-u:\b)|\d{{1,2}}:\d\d)"
    ))
    .expect("day-first date pattern")
});
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:(?-u:\b)|T)").expect("ISO date pattern")
});
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?P<a>\d{1,2})(?:[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})|/(?P<b2>\d{1,2})/(?P<y2>\d{2}))(?-u:\b)")
        .expect("numeric date")
});
/// Words that may stand beside a date on a dateline without making it a sentence.
static DATELINE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:published|updated|posted|last|modified|on|at|by|date|am|pm|a\.m|p\.m|gmt|utc|bst|cet|cest|est|edt|pst|pdt|ist|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)(?-u:\b)|\d{1,2}[:.]\d{2}|[+-]\d{2}:?\d{2}",
    )
    .expect("dateline words")
});

/// The months' names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month a name or abbreviation (`Sept`, `nov`) stands for, 1 for January.
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.to_lowercase();
    let idx = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .iter()
        .position(|m| n.starts_with(m))?;
    u32::try_from(idx + 1).ok()
}

fn ymd(y: &str, m: u32, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m, d.parse().ok()?)
}

/// The first date written in `text`, with the byte range it occupies.
pub fn find_date(text: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    let mut best: Option<(NaiveDate, std::ops::Range<usize>)> = None;
    let mut consider = |date: Option<NaiveDate>, range: std::ops::Range<usize>| {
        if let Some(date) = date {
            if best.as_ref().is_none_or(|(_, r)| range.start < r.start) {
                best = Some((date, range));
            }
        }
    };
    for c in MONTH_FIRST.captures_iter(text) {
        let m = month_number(&c["m"]);
        consider(m.and_then(|m| ymd(&c["y"], m, &c["d"])), c.get(0).map_or(0..0, |x| x.range()));
    }
    for c in DAY_FIRST.captures_iter(text) {
        let m = month_number(&c["m"]);
        consider(m.and_then(|m| ymd(&c["y"], m, &c["d"])), c.get(0).map_or(0..0, |x| x.range()));
    }
    for c in ISO.captures_iter(text) {
        let m = c["m"].parse().ok();
        consider(m.and_then(|m| ymd(&c["y"], m, &c["d"])), c.get(0).map_or(0..0, |x| x.range()));
    }
    for c in NUMERIC.captures_iter(text) {
        // `11/18/19`: a two-digit year is this century's.
        let (b, y) = match (c.name("b"), c.name("y"), c.name("b2"), c.name("y2")) {
            (Some(b), Some(y), _, _) => (b.as_str(), y.as_str().to_string()),
            (_, _, Some(b), Some(y)) => (b.as_str(), format!("20{}", y.as_str())),
            _ => continue,
        };
        let (a, b): (u32, u32) = match (c["a"].parse(), b.parse()) {
            (Ok(a), Ok(b)) => (a, b),
            _ => continue,
        };
        // 03/04/2025 could be either; only a day above 12 tells which is which.
        let date = match (a > 12, b > 12) {
            (true, false) => ymd(&y, b, &c["a"]),
            (false, true) => ymd(&y, a, &b.to_string()),
            _ => None,
        };
        consider(date, c.get(0).map_or(0..0, |x| x.range()));
    }
    best
}

/// Words before the dash of a wire dateline that opens a story.
const OPENING_DATELINE_WORDS: usize = 10;

/// The date in a wire dateline that opens a paragraph: `SPRINGVALE, Ohio, Jan. 5, 2022 -- The
/// company …`, `NEW YORK, March 3, 2019 (AP) — …`.
pub fn opening_dateline(text: &str) -> Option<NaiveDate> {
    let cut = [" -- ", " — ", " – ", " - ", " /"].iter().filter_map(|sep| text.find(sep)).min()?;
    let head = slice::before(text, cut);
    if head.split_whitespace().count() > OPENING_DATELINE_WORDS || !head.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    // The place comes first, in capitals: `SPRINGVALE,` or `NEW YORK,`.
    let place = head.split(',').next()?;
    if place.chars().any(char::is_lowercase) {
        return None;
    }
    find_date(head).map(|(d, _)| d)
}

/// The date of a line that is a dateline: a date with at most a few words around it
/// (`October 24, 2025`, `Published: 24 Oct 2025 10:30 GMT`, `By Jane Doe | 2025-10-24`).
pub fn dateline(line: &str) -> Option<NaiveDate> {
    // `Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET`: a stamp in parts,
    // the publication date in the part that is no update.
    let parts = stamp_parts(line);
    if parts.len() > 1 && parts.iter().all(|p| dated_part(p).is_some() || p.split_whitespace().count() <= 2) {
        return parts.iter().filter(|p| !is_updated_line(p)).find_map(|p| dated_part(p));
    }
    dated_part(line)
}

/// The parts of a stamp line, split at ` | `, ` / ` and `; `.
fn stamp_parts(line: &str) -> Vec<&str> {
    let mut parts = vec![line];
    for sep in [" | ", " / ", "; "] {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
}

fn dated_part(line: &str) -> Option<NaiveDate> {
    let (date, range) = find_date(line)?;
    let rest = format!("{} {}", slice::before(line, range.start), slice::after(line, range.end));
    let rest = DATELINE_WORDS.replace_all(&rest, " ");
    let leftover = rest.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count();
    (leftover <= 4).then_some(date)
}

fn day_range(a: NaiveDate, b: NaiveDate) -> String {
    format!("{a}..{b}")
}

/// The day or period a date mentioned in a story names: `Sunday` is the last Sunday on or
/// before publication, `March` the last March, `this week` the week of publication. Absolute
/// dates need no publication date; relative ones give `None` without one.
pub fn resolve_mention(name: &str, published: Option<NaiveDate>) -> Option<String> {
    use chrono::{Datelike, Duration, Months};
    if let Some((d, _)) = find_date(name) {
        return Some(d.to_string());
    }
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    // `March 2025`: a month of a stated year.
    if let [m, y] = words.as_slice() {
        if let (Some(m), Ok(y)) = (month_number(m).filter(|_| m.len() >= 3), y.parse::<i32>()) {
            return Some(format!("{y}-{m:02}"));
        }
    }
    let p = published?;
    let monday = p - Duration::days(i64::from(p.weekday().num_days_from_monday()));
    let week = |start: NaiveDate| day_range(start, start + Duration::days(6));
    let month = |d: NaiveDate| format!("{}-{:02}", d.year(), d.month());
    let value = match lower.as_str() {
        "today" | "tonight" | "this morning" | "this afternoon" | "this evening" => p.to_string(),
        "yesterday" => p.pred_opt()?.to_string(),
        "tomorrow" => p.succ_opt()?.to_string(),
        "this week" => week(monday),
        "last week" => week(monday - Duration::days(7)),
        "next week" => week(monday + Duration::days(7)),
        "this weekend" => day_range(monday + Duration::days(5), monday + Duration::days(6)),
        "this month" => month(p),
        "last month" => month(p.checked_sub_months(Months::new(1))?),
        "next month" => month(p.checked_add_months(Months::new(1))?),
        "this year" => p.year().to_string(),
        "last year" => (p.year() - 1).to_string(),
        "next year" => (p.year() + 1).to_string(),
        _ => {
            const DAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
            let (shift, day) = match words.as_slice() {
                [d] => (0, *d),
                ["last", d] => (-7, *d),
                ["next", d] => (7, *d),
                _ => (0, ""),
            };
            if let Some(i) = DAYS.iter().position(|d| *d == day) {
                let (i, now) = (i as i64, i64::from(p.weekday().num_days_from_monday()));
                let back = (now - i).rem_euclid(7);
                let ahead = (i - now).rem_euclid(7);
                let d = match shift {
                    0 => p - Duration::days(back),
                    s if s < 0 => p - Duration::days(if back == 0 { 7 } else { back }),
                    _ => p + Duration::days(if ahead == 0 { 7 } else { ahead }),
                };
                d.to_string()
            } else if let [m] = words.as_slice() {
                let m = month_number(m).filter(|_| m.len() >= 3)?;
                let year = if m <= p.month() { p.year() } else { p.year() - 1 };
                format!("{year}-{m:02}")
            } else {
                return None;
            }
        }
    };
    Some(value)
}

/// A line that gives the date of an update rather than of publication.
pub fn is_updated_line(line: &str) -> bool {
    let head: String = line.trim_start().chars().take(14).collect::<String>().to_lowercase();
    ["updated", "last updated", "modified", "last modified"].iter().any(|p| head.starts_with(p))
        && stamp_parts(line).iter().skip(1).all(|p| p.trim_start().starts_with(['U', 'u']) || find_date(p).is_none())
}

static URL_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$)").expect("URL date"));

/// The date in a URL path such as `/2014/06/20/`, as news sites write them.
pub fn date_in_url(url: &str) -> Option<NaiveDate> {
    let c = URL_DATE.captures(url)?;
    ymd(&c["y"], c["m"].parse().ok()?, &c["d"])
}

/// A labelled publication line anywhere on the page (`Published: …`, `Posted on …`).
pub fn labelled_date(line: &str) -> Option<NaiveDate> {
    let head: String = line.trim_start().chars().take(16).collect::<String>().to_lowercase();
    let lower = head;
    let labelled = ["published", "posted", "first published", "date:", "updated", "last updated"]
        .iter()
        .any(|p| lower.starts_with(p));
    if labelled && line.split_whitespace().count() <= 12 {
        find_date(line).map(|(d, _)| d)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn stamps_as_pages_print_them() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(super::dateline("Nov 15, 20195:45 AM"), d(2019, 11, 15));
        assert_eq!(super::dateline("By Jo Park - 11/18/19 11:04 PM EST"), d(2019, 11, 18));
        let both = "Updated Nov. 19, 2019 8:21 am ET / Original Nov. 18, 2019 8:02 am ET";
        assert_eq!(super::dateline(both), d(2019, 11, 18));
        assert!(!super::is_updated_line(both));
        assert!(super::is_updated_line("Updated: 5 March 2024 10:30 GMT"));
        assert_eq!(super::dateline("November 19, 2019 | 4:20am | Updated November 20, 2019 | 9:32pm"), d(2019, 11, 19));
        assert_eq!(super::dateline("Version 1.12.19 ships"), None);
    }
    #[test]
    fn a_wire_dateline_opening_the_story_gives_its_date() {
        let d = |t| super::opening_dateline(t);
        assert_eq!(d("SPRINGVALE, Ohio, Jan. 5, 2022 -- The firm opened."), NaiveDate::from_ymd_opt(2022, 1, 5));
        assert_eq!(d("NEW YORK, March 3, 2019 (AP) — Shares fell."), NaiveDate::from_ymd_opt(2019, 3, 3));
        assert_eq!(d("On March 3, 2019 - a Sunday - shares fell."), None);
        assert_eq!(d("LONDON - Shares fell on March 3, 2019."), None);
    }

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn common_written_forms() {
        for (s, want) in [
            ("October 24, 2025", d(2025, 10, 24)),
            ("Oct. 24, 2025", d(2025, 10, 24)),
            ("Oct 24 2025", d(2025, 10, 24)),
            ("24 October 2025", d(2025, 10, 24)),
            ("24 Oct 2025", d(2025, 10, 24)),
            ("24th of October, 2025", d(2025, 10, 24)),
            ("2025-10-24", d(2025, 10, 24)),
            ("2025-10-24T09:30:00Z", d(2025, 10, 24)),
            ("24/10/2025", d(2025, 10, 24)),
            ("10/24/2025", d(2025, 10, 24)),
            ("03/04/2025", None),
            ("February 30, 2025", None),
        ] {
            assert_eq!(find_date(s).map(|x| x.0), want, "{s}");
        }
    }

    #[test]
    fn datelines_allow_labels_times_and_zones() {
        for s in [
            "October 24, 2025",
            "Published: 24 Oct 2025",
            "Updated October 24, 2025 at 10:30 a.m. EDT",
            "Friday, October 24, 2025 10:30 GMT",
            "By Jane Doe | 2025-10-24",
        ] {
            assert_eq!(dateline(s), d(2025, 10, 24), "{s}");
        }
    }

    #[test]
    fn mentions_resolve_against_the_publication_date() {
        // A Friday.
        let p = d(2025, 10, 24).unwrap();
        for (name, want) in [
            ("Sunday", "2025-10-19"),
            ("Friday", "2025-10-24"),
            ("last Friday", "2025-10-17"),
            ("next Monday", "2025-10-27"),
            ("today", "2025-10-24"),
            ("yesterday", "2025-10-23"),
            ("this week", "2025-10-20..2025-10-26"),
            ("last week", "2025-10-13..2025-10-19"),
            ("March", "2025-03"),
            ("November", "2024-11"),
            ("March 2023", "2023-03"),
            ("24 October 2025", "2025-10-24"),
            ("last year", "2024"),
        ] {
            assert_eq!(resolve_mention(name, Some(p)).as_deref(), Some(want), "{name}");
        }
        assert_eq!(resolve_mention("Sunday", None), None);
        assert_eq!(resolve_mention("March 2023", None).as_deref(), Some("2023-03"));
    }

    #[test]
    fn sentences_with_dates_are_not_datelines() {
        assert_eq!(
            dateline("The missiles are part of a package announced on October 24, 2025 in London by ministers."),
            None
        );
    }
}
