//! Date filter expressions: `2025-10`, `2025-03-01..2025-03-31`, `>=2025-10-01`, `last 7 days`,
//! `2w`, `undated`.
//!
//! The forms follow what people type into newsboat's filters and `git log --since`: a calendar
//! period stands for all its days, ranges are inclusive, and relative periods count back from
//! today. Parsing never panics; a bad expression comes back as a message that says what was
//! expected.

use crate::text::slice;
use chrono::{Datelike, Duration, Months, NaiveDate};
use std::fmt;

/// Which articles to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateFilter {
    /// Dated articles between two days, both included; `None` leaves that side open.
    Between(Option<NaiveDate>, Option<NaiveDate>),
    /// Articles with no date.
    Undated,
}

impl DateFilter {
    pub fn matches(&self, date: Option<NaiveDate>) -> bool {
        match (self, date) {
            (DateFilter::Undated, d) => d.is_none(),
            (DateFilter::Between(..), None) => false,
            (DateFilter::Between(from, to), Some(d)) => from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t),
        }
    }
}

impl fmt::Display for DateFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateFilter::Undated => write!(f, "undated"),
            DateFilter::Between(Some(a), Some(b)) if a == b => write!(f, "{a}"),
            DateFilter::Between(a, b) => {
                let side = |d: &Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
                write!(f, "{}..{}", side(a), side(b))
            }
        }
    }
}

/// A calendar period written as `2025`, `2025-10` or `2025-10-24`: its first and last day.
fn period(s: &str) -> Result<(NaiveDate, NaiveDate), String> {
    let bad = || format!("“{s}” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str| p.parse::<u32>().ok().filter(|_| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let y = i32::try_from(num(y).ok_or_else(bad)?).map_err(|_| bad())?;
            let first = NaiveDate::from_ymd_opt(y, 1, 1).ok_or_else(bad)?;
            let last = NaiveDate::from_ymd_opt(y, 12, 31).ok_or_else(bad)?;
            Ok((first, last))
        }
        [y, m] if y.len() == 4 && (1..=2).contains(&m.len()) => {
            let y = i32::try_from(num(y).ok_or_else(bad)?).map_err(|_| bad())?;
            let m = num(m).ok_or_else(bad)?;
            let first = NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(|| format!("“{s}”: there is no month {m}"))?;
            let last = first.checked_add_months(Months::new(1)).and_then(|d| d.pred_opt()).ok_or_else(bad)?;
            Ok((first, last))
        }
        [y, m, d] if y.len() == 4 && (1..=2).contains(&m.len()) && (1..=2).contains(&d.len()) => {
            let y = i32::try_from(num(y).ok_or_else(bad)?).map_err(|_| bad())?;
            let day = NaiveDate::from_ymd_opt(y, num(m).ok_or_else(bad)?, num(d).ok_or_else(bad)?)
                .ok_or_else(|| format!("“{s}” is not a day of the calendar"))?;
            Ok((day, day))
        }
        _ => Err(bad()),
    }
}

/// `7d`, `2w`, `3m`, `1y`, `last 7 days`, `last 2 weeks`: from that long before `today` to
/// `today`.
fn relative(s: &str, today: NaiveDate) -> Option<Result<DateFilter, String>> {
    let s = s.strip_prefix("last ").map(str::trim).unwrap_or(s);
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    let unit = slice::after(s, digits.len()).trim();
    if digits.is_empty() || !unit.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    let n: u32 = match digits.parse() {
        Ok(n) => n,
        Err(_) => return Some(Err(format!("“{digits}” is too large a number"))),
    };
    let from = match unit {
        "d" | "day" | "days" => today.checked_sub_signed(Duration::days(i64::from(n))),
        "w" | "week" | "weeks" => today.checked_sub_signed(Duration::weeks(i64::from(n))),
        "m" | "month" | "months" => today.checked_sub_months(Months::new(n)),
        "y" | "year" | "years" => today.checked_sub_months(Months::new(n.saturating_mul(12))),
        _ => return Some(Err(format!("“{unit}” is not a unit: use days (d), weeks (w), months (m) or years (y)"))),
    };
    Some(from.map(|f| DateFilter::Between(Some(f), Some(today))).ok_or_else(|| "that reaches too far back".to_string()))
}

/// Parses a filter expression. `Ok(None)` means the expression was empty: no filter.
pub fn parse(expr: &str, today: NaiveDate) -> Result<Option<DateFilter>, String> {
    let e = expr.trim().to_lowercase();
    if e.is_empty() {
        return Ok(None);
    }
    let f = match e.as_str() {
        "undated" | "none" => DateFilter::Undated,
        "today" => DateFilter::Between(Some(today), Some(today)),
        "yesterday" => {
            let y = today.pred_opt();
            DateFilter::Between(y, y)
        }
        "this week" => {
            let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
            DateFilter::Between(Some(monday), Some(today))
        }
        _ => {
            if let Some(r) = relative(&e, today) {
                return r.map(Some);
            }
            if let Some((a, b)) = e.split_once("..") {
                let from = (!a.trim().is_empty()).then(|| period(a.trim())).transpose()?.map(|p| p.0);
                let to = (!b.trim().is_empty()).then(|| period(b.trim())).transpose()?.map(|p| p.1);
                if from.is_none() && to.is_none() {
                    return Err("“..” needs a date on at least one side".into());
                }
                if let (Some(f), Some(t)) = (from, to) {
                    if f > t {
                        return Err(format!("the range runs backwards: {f} is after {t}"));
                    }
                }
                DateFilter::Between(from, to)
            } else if let Some(rest) = e.strip_prefix(">=") {
                DateFilter::Between(Some(period(rest.trim())?.0), None)
            } else if let Some(rest) = e.strip_prefix("<=") {
                DateFilter::Between(None, Some(period(rest.trim())?.1))
            } else if let Some(rest) = e.strip_prefix('>') {
                DateFilter::Between(Some(period(rest.trim())?.1.succ_opt().ok_or("no day after that")?), None)
            } else if let Some(rest) = e.strip_prefix('<') {
                DateFilter::Between(None, Some(period(rest.trim())?.0.pred_opt().ok_or("no day before that")?))
            } else {
                let (a, b) = period(&e)?;
                DateFilter::Between(Some(a), Some(b))
            }
        }
    };
    Ok(Some(f))
}

/// The positions in `order` of the articles whose date matches. Kept separate and simple so
/// that it can be measured on large lists and checked against a plain scan.
pub fn apply(filter: Option<&DateFilter>, dates: &[Option<NaiveDate>], order: &[usize]) -> Vec<usize> {
    match filter {
        None => order.to_vec(),
        Some(f) => order.iter().copied().filter(|&i| dates.get(i).is_some_and(|d| f.matches(*d))).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const TODAY: (i32, u32, u32) = (2025, 11, 20);

    fn today() -> NaiveDate {
        d(TODAY.0, TODAY.1, TODAY.2)
    }

    fn between(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Result<Option<DateFilter>, String> {
        Ok(Some(DateFilter::Between(a, b)))
    }

    #[test]
    fn valid_expressions() {
        let table = [
            ("2025-10-24", between(Some(d(2025, 10, 24)), Some(d(2025, 10, 24)))),
            ("2025-10", between(Some(d(2025, 10, 1)), Some(d(2025, 10, 31)))),
            ("2024-02", between(Some(d(2024, 2, 1)), Some(d(2024, 2, 29)))),
            ("2025", between(Some(d(2025, 1, 1)), Some(d(2025, 12, 31)))),
            ("2025-03-01..2025-03-31", between(Some(d(2025, 3, 1)), Some(d(2025, 3, 31)))),
            ("2025-03..", between(Some(d(2025, 3, 1)), None)),
            ("..2025-06", between(None, Some(d(2025, 6, 30)))),
            (">=2025-10-01", between(Some(d(2025, 10, 1)), None)),
            (">2025-10", between(Some(d(2025, 11, 1)), None)),
            ("<2025-01-01", between(None, Some(d(2024, 12, 31)))),
            ("<=2024", between(None, Some(d(2024, 12, 31)))),
            ("last 7 days", between(Some(d(2025, 11, 13)), Some(today()))),
            ("7d", between(Some(d(2025, 11, 13)), Some(today()))),
            ("2w", between(Some(d(2025, 11, 6)), Some(today()))),
            ("3m", between(Some(d(2025, 8, 20)), Some(today()))),
            ("1y", between(Some(d(2024, 11, 20)), Some(today()))),
            ("  Undated ", Ok(Some(DateFilter::Undated))),
            ("today", between(Some(today()), Some(today()))),
            ("", Ok(None)),
            ("   ", Ok(None)),
        ];
        for (expr, want) in table {
            assert_eq!(parse(expr, today()), want, "{expr:?}");
        }
    }

    #[test]
    fn invalid_expressions_say_why() {
        let table = [
            ("2025-13", "no month 13"),
            ("2025-02-30", "not a day of the calendar"),
            ("yesterday-ish", "is not a date"),
            ("25-10-2025", "is not a date"),
            ("2025-10-01..2025-09-01", "runs backwards"),
            ("..", "at least one side"),
            ("7 fortnights", "is not a unit"),
            ("99999999999999999999d", "too large"),
            (">=", "is not a date"),
            ("march", "is not a date"),
        ];
        for (expr, why) in table {
            match parse(expr, today()) {
                Err(e) => assert!(e.contains(why), "{expr:?}: {e}"),
                Ok(f) => panic!("{expr:?} parsed as {f:?}"),
            }
        }
    }

    #[test]
    fn undated_matches_only_undated() {
        assert!(DateFilter::Undated.matches(None));
        assert!(!DateFilter::Undated.matches(Some(today())));
        assert!(!DateFilter::Between(None, None).matches(None));
    }

    proptest! {
        #[test]
        fn filtering_equals_a_plain_scan(
            days in proptest::collection::vec(proptest::option::of(0i64..4000), 0..200),
            expr in "[0-9<>=.d -]{0,24}|20[0-9]{2}(-[01][0-9](-[0-3][0-9])?)?(\\.\\.(20[0-9]{2}(-[01][0-9])?)?)?|undated|[0-9]{1,3}[dwmy]",
        ) {
            let base = d(2015, 1, 1);
            let dates: Vec<Option<NaiveDate>> = days.iter().map(|o| o.map(|n| base + Duration::days(n))).collect();
            let order: Vec<usize> = (0..dates.len()).rev().collect();
            let parsed = parse(&expr, today());
            if let Ok(filter) = parsed {
                let got = apply(filter.as_ref(), &dates, &order);
                let want: Vec<usize> = order
                    .iter()
                    .copied()
                    .filter(|&i| match (&filter, dates[i]) {
                        (None, _) => true,
                        (Some(DateFilter::Undated), x) => x.is_none(),
                        (Some(DateFilter::Between(..)), None) => false,
                        (Some(DateFilter::Between(a, b)), Some(x)) => {
                            a.is_none_or(|a| a <= x) && b.is_none_or(|b| x <= b)
                        }
                    })
                    .collect();
                prop_assert_eq!(got, want);
            }
        }
    }
}
