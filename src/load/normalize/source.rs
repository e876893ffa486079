//! The source pass: who filed the story, when the text says so itself: a credit at the end of
//! the standfirst (`…reports Gulf Wire News`, taken out and kept as removed) or a wire dateline
//! (`LONDON (Reuters) - `, left in the text).

use super::lines::Removed;
use crate::article::Block;
use crate::text::slice;
use regex::Regex;
use std::sync::LazyLock;

/// `…reports Gulf Wire News` at the end of a standfirst: the agency that filed the story.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:…|\.{3}|\s[-–—]\s*|\s)reports\s+(?P<src>(?:[A-Z][\w&’'.-]*\s*){1,6})$").expect("credit pattern")
});
/// `LONDON (Reuters) - ` at the start of wire copy.
static WIRE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z][A-Za-z .,'-]{1,40}\s*\((?P<src>[A-Z][A-Za-z&. ]{1,30})\)\s*[-–—]\s").expect("wire pattern")
});

/// Takes the credit off the standfirst (`…reports Gulf Wire News`) or reads a wire dateline.
pub(super) fn find_source(blocks: &mut [Block], removed: &mut Removed, at: usize) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use crate::load::normalize;

    #[test]
    fn wire_dateline_names_the_source() {
        let a = normalize("a.txt", "Markets fall on rate fears\nLONDON (Reuters) - Shares fell on Monday.\n");
        assert_eq!(a.source.as_deref(), Some("Reuters"));
    }
}
