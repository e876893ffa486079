//! Small text tools shared by the entity, quote and speaker passes: words with their offsets,
//! capitals, and sentence bounds that know about abbreviations and quotations.

use super::slice;
use std::ops::Range;

/// A word and where it stands in its block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// The words of `text`: runs of letters and digits, with an apostrophe or a full stop inside
/// kept when letters stand on both sides (`don’t`, `LBC’s`, `U.S`) and a comma or full stop
/// between digits (`1,600`, `2.5`). Hyphens and every other mark separate words. Written by
/// hand rather than with Unicode word segmentation because the analysis tokenises every block
/// and this is several times faster, with the same answer on news prose.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut start: Option<usize> = None;
    let mut i = 0;
    // The character before `i` and whether it was a letter or digit, and an ASCII digit.
    let (mut prev_alnum, mut prev_digit) = (false, false);
    while i < bytes.len() {
        let (c, len) = match bytes[i] {
            b if b < 0x80 => (char::from(b), 1),
            _ => match slice::after(text, i).chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => break,
            },
        };
        let alnum = if len == 1 { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() };
        let inside = alnum
            || (start.is_some() && {
                let next = slice::after(text, i + len).chars().next();
                match c {
                    '’' | '\'' | '.' => prev_alnum && next.is_some_and(char::is_alphanumeric),
                    ',' => prev_digit && next.is_some_and(|n| n.is_ascii_digit()),
                    _ => false,
                }
            });
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Token { start: s, end: i, text: slice::from_to(text, s, i) });
                start = None;
            }
            _ => {}
        }
        prev_alnum = alnum;
        prev_digit = c.is_ascii_digit();
        i += len;
    }
    if let Some(s) = start {
        out.push(Token { start: s, end: text.len(), text: slice::after(text, s) });
    }
    out
}

/// Abbreviated titles written with a full stop before a name (`Mr. Smith`, `Gen. Ward`).
const TITLE_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "Sgt", "Rev", "Fr", "Mx",
    "Const", "Insp", "Cpl", "Supt", "Det", "Cmdr", "Coun", "Cllr", "Maj", "Adm", "Atty", "Hon",
];

/// Whether the text `gap` between two words lets them belong to one name: a space or hyphen,
/// or the full stop of an initial (`James P. Walker`) or an abbreviated title (`Mr. Smith`).
pub fn joins_name(gap: &str, before: &str) -> bool {
    match gap {
        " " | "-" | "‑" => true,
        ". " => {
            // `J. Smith`, `George H.W. Bush`: initials go on into the name.
            is_initial(before) || TITLE_ABBREVIATIONS.contains(&before)
        }
        _ => false,
    }
}

/// Words as whitespace separates them.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// `E.`, `H.W.`, `K`: initials, with or without their last full stop, one capital between
/// each pair of stops.
pub fn is_initial(word: &str) -> bool {
    let letters = word.strip_suffix('.').unwrap_or(word);
    !letters.is_empty() && letters.split('.').all(|p| p.chars().count() == 1 && is_capitalised(p))
}

/// A word written in capitals throughout (`NATO`, `LBC`), digits allowed (`G7`).
pub fn is_acronym(word: &str) -> bool {
    word.chars().count() >= 2
        && is_capitalised(word)
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.')
}

/// `Smith’s` → `Smith`.
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")).or_else(|| word.strip_suffix('’')).unwrap_or(word)
}

pub fn is_possessive(word: &str) -> bool {
    strip_possessive(word).len() != word.len()
}

/// Words that are capitalised at the start of a sentence but never start a name.
pub const COMMON: &[&str] = &[
    "a",
    "an",
    "the",
    "as",
    "in",
    "at",
    "on",
    "for",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "if",
    "when",
    "while",
    "with",
    "without",
    "after",
    "before",
    "during",
    "despite",
    "although",
    "though",
    "however",
    "meanwhile",
    "elsewhere",
    "earlier",
    "later",
    "now",
    "then",
    "also",
    "still",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "it",
    "its",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "what",
    "which",
    "who",
    "why",
    "how",
    "where",
    "by",
    "from",
    "to",
    "of",
    "into",
    "over",
    "under",
    "about",
    "around",
    "since",
    "until",
    "amid",
    "among",
    "against",
    "between",
    "through",
    "both",
    "all",
    "some",
    "many",
    "most",
    "more",
    "other",
    "another",
    "any",
    "each",
    "every",
    "no",
    "not",
    "only",
    "just",
    "even",
    "once",
    "today",
    "yesterday",
    "tomorrow",
    "last",
    "next",
    "first",
    "new",
    "former",
    "further",
    "according",
    "following",
    "faced",
    "under",
    "instead",
    "overall",
    "together",
    "because",
    "unless",
    "whether",
    "read",
    "more",
    "such",
    "few",
    "several",
    "one",
    "two",
    "three",
    "four",
    "five",
    "ten",
    "i’ll",
    "i'll",
    "i’m",
    "i'm",
    "i’ve",
    "i've",
    "i’d",
    "i'd",
];

/// Calls `f` with `word` in lower case, without allocating for short ASCII words.
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if word.is_ascii() && word.len() <= buf.len() {
        let bytes = &mut buf[..word.len()];
        bytes.copy_from_slice(word.as_bytes());
        bytes.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(bytes) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
}

pub fn is_common(word: &str) -> bool {
    with_lower(word, |w| COMMON.contains(&w))
}

/// Lower-case words that may stand inside a name (`van der Berg`, `da Silva`).
pub const PARTICLES: &[&str] =
    &["von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "bin", "al", "le", "la"];

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "sr", "jr", "prof", "gen", "col", "capt", "sen", "rep", "gov", "lt", "sgt", "no",
    "const", "insp", "cpl", "supt", "det", "cmdr", "coun", "cllr", "ald", "maj", "adm", "atty", "hon", "vs", "etc",
    "inc", "ltd", "co", "corp", "u.s", "u.k", "u.n", "e.g", "i.e", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
];

/// The span strictly around `pos`, if any. `spans` are in order and do not overlap, so this is
/// a binary search: a block of thousands of quotations must not cost thousands of looks a stop.
fn span_around(pos: usize, spans: &[Range<usize>]) -> Option<&Range<usize>> {
    let k = spans.partition_point(|s| s.start < pos);
    spans[..k].last().filter(|s| pos < s.end)
}

/// Where sentences end in `text`: after `.`, `!` or `?` (and closing quotes) followed by a
/// space and a capital or an opening quote; never inside a quotation span, never after a
/// known abbreviation or a single initial.
pub fn sentence_breaks(text: &str, quotes: &[Range<usize>]) -> Vec<usize> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    for (i, stop) in text.match_indices(['.', '!', '?']) {
        let c = stop.chars().next().unwrap_or('.');
        let mut j = i + c.len_utf8();
        while let Some(n) = slice::after(text, j).chars().next() {
            if matches!(n, '”' | '’' | '"' | '\'' | ')') {
                j += n.len_utf8();
            } else {
                break;
            }
        }
        if j >= text.len() || bytes[j] != b' ' {
            continue;
        }
        let next = slice::after(text, j + 1).chars().next();
        if !next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || matches!(n, '“' | '‘' | '"' | '\'')) {
            continue;
        }
        if c == '.' {
            let word: String = slice::before(text, i)
                .chars()
                .rev()
                .take_while(|ch| ch.is_alphanumeric() || *ch == '.')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let lower = word.to_lowercase();
            // `J.` and `A.E.` are initials, the name goes on (`scholar A.E. Dick Howard`).
            let initials = word.split('.').all(|p| p.chars().count() == 1 && is_capitalised(p));
            if ABBREVIATIONS.contains(&lower.as_str()) || initials {
                continue;
            }
        }
        if span_around(i, quotes).is_some_and(|q| q.end != j && q.end != i + 1) {
            continue;
        }
        out.push(j + 1);
    }
    out
}

/// The sentence around byte `pos`: from the last break at or before it to the next one.
pub fn sentence_at(breaks: &[usize], len: usize, pos: usize) -> Range<usize> {
    let k = breaks.partition_point(|&b| b <= pos);
    let start = k.checked_sub(1).map_or(0, |i| breaks[i]);
    let end = breaks.get(k).copied().unwrap_or(len);
    start..end
}

#[cfg(test)]
#[allow(clippy::string_slice)] // a wrong offset in a test should fail it loudly
mod tests {
    use super::*;

    #[test]
    fn initials_do_not_end_a_sentence() {
        let t = "He asked scholar A.E. Dick Howard and J. Roe at the college. They agreed.";
        let b = sentence_breaks(t, &[]);
        assert_eq!(b.len(), 1, "{b:?}");
        assert_eq!(&t[b[0]..], "They agreed.");
    }

    #[test]
    fn sentences_break_after_stops_but_not_abbreviations() {
        let t = "Mr. Smith went to the U.S. Embassy. He said so. Then left";
        let b = sentence_breaks(t, &[]);
        assert_eq!(b.len(), 2, "{b:?}");
        assert_eq!(&t[b[0]..b[1]], "He said so. ");
    }

    #[test]
    fn a_full_stop_inside_a_quotation_does_not_break_it() {
        let t = "He said: “We are ready. We will act.” Then he left.";
        let quote = 9..t.find("Then").unwrap() - 1;
        let b = sentence_breaks(t, std::slice::from_ref(&quote));
        assert_eq!(b.len(), 1, "{b:?}");
        assert!(t[b[0]..].starts_with("Then"));
    }

    #[test]
    fn words_keep_apostrophes_abbreviations_and_numbers_whole() {
        let t = "LBC’s U.S. envoy can’t pay £1,600.50 to Anglo-American firms, he said.";
        let words: Vec<&str> = tokens(t).iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            ["LBC’s", "U.S", "envoy", "can’t", "pay", "1,600.50", "to", "Anglo", "American", "firms", "he", "said"]
        );
        assert!(tokens(t).iter().all(|w| &t[w.start..w.end] == w.text));
    }

    #[test]
    fn accented_and_non_latin_words() {
        let words: Vec<&str> = tokens("Micheál Martin, Zürich; 東京").iter().map(|t| t.text).collect();
        assert_eq!(words, ["Micheál", "Martin", "Zürich", "東京"]);
    }

    #[test]
    fn possessives_and_acronyms() {
        assert_eq!(strip_possessive("Smith’s"), "Smith");
        assert!(is_acronym("NATO") && is_acronym("G7") && !is_acronym("Nato") && !is_acronym("A"));
    }
}
