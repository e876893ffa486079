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

/// Inline Markdown as plain text: emphasis and code marks dropped, links as their text, images
/// dropped, escapes and entities resolved, by a real Markdown parser (underscores inside or at
/// the edge of words stay). The line is read as inline text only: a leading `#`, `>`, `- `,
/// `1.` or fence stays in the text for the passes to read.
pub(super) fn markdown_inline(l: &str) -> String {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let src = inline_only(l);
    let mut out = String::with_capacity(l.len());
    let mut images = 0usize;
    for event in Parser::new(&src) {
        match event {
            Event::Start(Tag::Image { .. }) => images += 1,
            Event::End(TagEnd::Image) => images = images.saturating_sub(1),
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) if images == 0 => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak if images == 0 => out.push(' '),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// `l` with a backslash before whatever would make a Markdown parser read it as a block (a
/// heading, quote, list item, rule, fence or HTML block) rather than as a line of text.
fn inline_only(l: &str) -> std::borrow::Cow<'_, str> {
    let digits = l.bytes().take_while(u8::is_ascii_digit).count();
    let (number, rest) = l.split_at(digits);
    let marker = |c: char| {
        let after = rest.chars().nth(1);
        match c {
            '#' | '>' | '<' => true,
            '.' | ')' => digits > 0,
            '-' | '+' | '*' | '_' => after.is_none_or(char::is_whitespace) || rest.chars().all(|x| x == c || x == ' '),
            '`' | '~' => rest.starts_with("```") || rest.starts_with("~~~"),
            _ => false,
        }
    };
    match rest.chars().next() {
        Some(c) if (digits > 0) == matches!(c, '.' | ')') && marker(c) => format!("{number}\\{rest}").into(),
        _ => l.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::{classify, markdown_inline, Kind};
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

    #[test]
    fn inline_markdown_keeps_the_words_and_drops_the_marks() {
        assert_eq!(markdown_inline("A *bold* and **strong** _claim_ with `code`"), "A bold and strong claim with code");
        assert_eq!(markdown_inline("see [the report](https://x.test/r) ![chart](c.png) now"), "see the report  now");
        assert_eq!(markdown_inline("the file_name_ and _id fields, 5 * 3"), "the file_name_ and _id fields, 5 * 3");
        assert_eq!(markdown_inline("Tom &amp; Jerry \\*not emphasis\\*"), "Tom & Jerry *not emphasis*");
        // What would be a block stays a line of text, for the passes to read.
        for line in ["1986. That year the port closed.", "- an item", "# a heading", "> quoted", "---", "```"] {
            assert_eq!(markdown_inline(line), line);
        }
    }
}
