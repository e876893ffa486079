//! Character-level clean-up of scraped text, before any structure is looked for.
//!
//! Scraped pages carry invisible debris: no-break and thin spaces from HTML entities, zero-width
//! characters from CMS editors, `\r\n` line ends, tabs (which ratatui would drop silently) and a
//! space before an apostrophe left behind where a link or a span ended (`Russia ’s`). Cleaning it
//! here means every later rule can assume plain spaces and NFC text.

use crate::text::slice;
use unicode_normalization::UnicodeNormalization;

/// Spaces other than U+0020 that should read as a plain space.
fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{0b}' | '\u{0c}'
    )
}

/// Characters that take no room and carry no meaning in running text. ZWJ and ZWNJ are kept on
/// purpose: they glue emoji sequences and shape Persian or Indic words.
fn is_dropped(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{ad}') || (c.is_control() && c != '\n' && !is_odd_space(c))
}

/// Suffixes after an apostrophe that mark a possessive or a contraction, so that a space before
/// the apostrophe is debris rather than the start of a quotation.
const APOSTROPHE_SUFFIXES: [&str; 7] = ["s", "t", "re", "ve", "ll", "d", "m"];

/// Cleans a whole document; line breaks are kept (normalised to `\n`) because the structure rules
/// read them. Each line loses trailing spaces and runs of spaces become one.
pub fn clean(raw: &str) -> String {
    let unified: std::borrow::Cow<str> = if raw.contains('\r') {
        std::borrow::Cow::Owned(raw.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(raw)
    };
    let mut out = String::with_capacity(unified.len());
    // Most text is already composed; the quick check saves decomposing and recomposing it.
    if unified.is_ascii()
        || unicode_normalization::is_nfc_quick(unified.chars()) == unicode_normalization::IsNormalized::Yes
    {
        push_cleaned(unified.chars(), &mut out);
    } else {
        push_cleaned(unified.nfc(), &mut out);
    }
    close_up_apostrophes(out)
}

/// Spaces collapsed, odd spaces made plain, invisible characters dropped.
fn push_cleaned(chars: impl Iterator<Item = char>, out: &mut String) {
    let mut pending_space = false;
    for c in chars {
        if c == '\n' {
            pending_space = false;
            out.push('\n');
        } else if c == ' ' || is_odd_space(c) {
            pending_space = true;
        } else if is_dropped(c) {
            continue;
        } else {
            if pending_space && !out.is_empty() && !out.ends_with('\n') {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
    }
}

/// `Russia ’s` → `Russia’s`, `don 't` → `don't`; an opening `‘` is never touched.
fn close_up_apostrophes(s: String) -> String {
    if !s.contains(" ’") && !s.contains(" '") {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(pos) = rest.find([' ']) {
        let (head, tail) = rest.split_at(pos);
        out.push_str(head);
        let after = slice::after(tail, 1);
        let mut chars = after.chars();
        let apostrophe = chars.next();
        let closes =
            matches!(apostrophe, Some('’') | Some('\'')) && head.chars().last().is_some_and(char::is_alphanumeric) && {
                let suffix: String = chars.clone().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
                APOSTROPHE_SUFFIXES.contains(&suffix.as_str())
            };
        if !closes {
            out.push(' ');
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_break_and_thin_spaces_become_plain_spaces() {
        assert_eq!(clean("International\u{a0}News\u{2009}UK"), "International News UK");
    }

    #[test]
    fn zero_width_and_soft_hyphen_are_dropped() {
        assert_eq!(clean("co\u{200b}ali\u{ad}tion\u{feff}"), "coalition");
    }

    #[test]
    fn zero_width_joiner_in_emoji_is_kept() {
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(clean(family), family);
    }

    #[test]
    fn decomposed_accents_are_composed() {
        assert_eq!(clean("Michea\u{301}l"), "Micheál");
    }

    #[test]
    fn space_before_possessive_apostrophe_is_closed_up() {
        assert_eq!(clean("starving Russia ’s war"), "starving Russia’s war");
        assert_eq!(clean("we don 't know"), "we don't know");
    }

    #[test]
    fn opening_single_quote_keeps_its_space() {
        assert_eq!(clean("the ‘Coalition’"), "the ‘Coalition’");
        assert_eq!(clean("said ’tis"), "said ’tis");
    }

    #[test]
    fn crlf_and_tabs_and_space_runs() {
        assert_eq!(clean("a\tb   c  \r\nd\re"), "a b c\nd\ne");
    }
}
