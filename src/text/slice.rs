//! Cutting text at byte positions that may not be character boundaries.
//!
//! A start position snaps forward and an end position snaps back, so a cut never takes part
//! of a character; positions past the end are clamped; a start after the end gives `""`.

use std::ops::Range;

/// The last character boundary at or before `i` (clamped to the text).
pub fn floor(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The first character boundary at or after `i` (clamped to the text).
pub fn ceil(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The text from `start` to `end`.
pub fn from_to(s: &str, start: usize, end: usize) -> &str {
    s.get(ceil(s, start)..floor(s, end)).unwrap_or("")
}

/// The text in `r`.
pub fn range(s: &str, r: Range<usize>) -> &str {
    from_to(s, r.start, r.end)
}

/// The text before `i`.
pub fn before(s: &str, i: usize) -> &str {
    from_to(s, 0, i)
}

/// The text from `i` on.
pub fn after(s: &str, i: usize) -> &str {
    from_to(s, i, s.len())
}

/// The position just after the character that starts at or contains `i`, or the end.
pub fn next_char(s: &str, i: usize) -> usize {
    let at = floor(s, i);
    after(s, at).chars().next().map_or(s.len(), |c| at + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_inside_a_character_snap_to_its_edges() {
        let s = "a”b";
        // `”` takes bytes 1..4.
        assert_eq!(before(s, 2), "a");
        assert_eq!(after(s, 2), "b");
        assert_eq!(from_to(s, 2, 3), "");
        assert_eq!(from_to(s, 0, 99), s);
        assert_eq!(from_to(s, 3, 1), "");
        assert_eq!(next_char(s, 1), 4);
        assert_eq!(next_char(s, 2), 4);
        assert_eq!(next_char(s, 9), s.len());
        assert_eq!((floor(s, 2), ceil(s, 2)), (1, 4));
    }
}
