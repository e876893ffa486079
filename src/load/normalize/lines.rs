//! The loader's view of a text: lines tagged blank, text, bullet or heading, and the small
//! questions every pass asks of a line (how many words, how it starts and ends).

use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Blank,
    Text,
    Bullet,
    /// A `#` heading in Markdown: structure the author stated, not one we guessed.
    Heading,
    /// Taken out; the text is already in `removed`.
    Gone,
}

#[derive(Debug, Clone)]
pub(super) struct Line {
    pub(super) kind: Kind,
    pub(super) text: String,
}

/// Collects what is taken out, remembering where it stood so `removed` reads in page order.
#[derive(Default)]
pub(super) struct Removed(Vec<(usize, String)>);

impl Removed {
    pub(super) fn take(&mut self, lines: &mut [Line], i: usize) {
        if lines[i].kind != Kind::Gone && lines[i].kind != Kind::Blank {
            self.0.push((i, std::mem::take(&mut lines[i].text)));
        }
        lines[i].kind = Kind::Gone;
    }
    pub(super) fn note(&mut self, i: usize, text: impl Into<String>) {
        self.0.push((i, text.into()));
    }
    pub(super) fn into_sorted(mut self) -> Vec<String> {
        self.0.sort_by_key(|(i, _)| *i);
        self.0.into_iter().map(|(_, t)| t).collect()
    }
}

/// Whether `line` folds to `folded` (a [`key`]), without building the line's key: most lines
/// differ in their first letters.
pub(super) fn same_key(folded: &str, line: &str) -> bool {
    let mut want = folded.chars();
    for c in line.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase) {
        if want.next() != Some(c) {
            return false;
        }
    }
    want.next().is_none()
}

pub(super) use crate::text::words::word_count;

/// Words with a letter in them: `ID: 284713` has one.
pub(super) fn lettered_words(s: &str) -> usize {
    s.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count()
}

pub(super) fn last_word(s: &str) -> String {
    s.split_whitespace()
        .last()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .unwrap_or_default()
}

pub(super) fn starts_upper(s: &str) -> bool {
    s.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// Title Case: nearly every word of four letters or more is capitalised, as in a headline and
/// never in a paragraph of prose.
pub(super) fn title_case(s: &str) -> bool {
    let long: Vec<&str> =
        s.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    long.len() >= 3 && long.iter().filter(|w| starts_upper(w)).count() * 5 >= long.len() * 4
}

pub(super) fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// Ends in a mark that cannot end a headline: a full stop, comma, colon or semicolon.
pub(super) fn ends_clause(s: &str) -> bool {
    let t = s.trim_end_matches(['”', '’', '"', '\'', ')', ']', '»']);
    t.ends_with(['.', ',', ';', ':', '…'])
}

pub(super) fn next_content(lines: &[Line], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&j| matches!(lines[j].kind, Kind::Text | Kind::Bullet | Kind::Heading))
}

pub(super) static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[•·▪◦‣*+]|[-–—])\s+(\S.*)$").expect("bullet pattern"));
pub(super) static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,3}[.)]\s+(\S.*)$").expect("numbered pattern"));
pub(super) static MD_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^#{1,6}\s+(.*?)\s*#*$").expect("md heading"));
pub(super) static MD_IMAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"!\[([^\]]*)\]\([^)]*\)").expect("md image"));
pub(super) static MD_LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[([^\]]+)\]\([^)]*\)").expect("md link"));
pub(super) static MD_STRONG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\*\*|__").expect("md strong"));
pub(super) static MD_EMPHASIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|\s)[*_]|[*_](\s|$)").expect("md emphasis"));
pub(super) fn classify(text: &str, markdown: bool) -> Vec<Line> {
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
            if let Some(c) = BULLET.captures(&l) {
                return Line { kind: Kind::Bullet, text: c[1].trim().to_string() };
            }
            // A numbered item keeps its number: the order is part of what it says.
            if NUMBERED.is_match(&l) {
                return Line { kind: Kind::Bullet, text: l };
            }
            if l.chars().all(|c| matches!(c, '•' | '·' | '-' | '*' | ' ')) && l.chars().count() <= 2 {
                return Line { kind: Kind::Blank, text: String::new() };
            }
            Line { kind: Kind::Text, text: l }
        })
        .collect()
}

pub(super) fn markdown_inline(l: &str) -> String {
    let l = MD_IMAGE.replace_all(l, "");
    let l = MD_LINK.replace_all(&l, "$1");
    let l = MD_STRONG.replace_all(&l, "");
    MD_EMPHASIS.replace_all(&l, "$1$2").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::{classify, Kind};
    use crate::article::BlockKind;
    use crate::load::normalize;
    use crate::load::normalize::texts;

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
    fn lines_are_tagged_blank_bullet_heading_or_text() {
        let kinds = |text: &str, md: bool| -> Vec<(Kind, String)> {
            classify(text, md).into_iter().map(|l| (l.kind, l.text)).collect()
        };
        let plain = kinds("Port reopens\n\n• Ships return\n2. Second point\n·\n# not a heading here", false);
        assert_eq!(
            plain,
            [
                (Kind::Text, "Port reopens".into()),
                (Kind::Blank, String::new()),
                (Kind::Bullet, "Ships return".into()),
                (Kind::Bullet, "2. Second point".into()),
                (Kind::Blank, String::new()),
                (Kind::Text, "# not a heading here".into()),
            ]
        );
        let md = kinds("## Port **reopens**\n> A [quoted](https://x.test) line", true);
        assert_eq!(md, [(Kind::Heading, "Port reopens".into()), (Kind::Text, "A quoted line".into())]);
    }
}
