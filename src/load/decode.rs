//! Bytes to text, refusing what is not text and rescuing what is text in an old encoding.
//!
//! Saved articles come from many tools. Most are UTF-8; some are Windows-1252 or Latin-1 (old
//! browsers, Windows editors) or UTF-16 with a byte-order mark. Those are decoded, not dropped,
//! and the caller is told so the user knows. Binary files are refused.

use super::LoadError;

/// How the text was decoded when it was not plain UTF-8; `None` from [`decode`] means UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    Windows1252,
    Utf16,
}

/// How much of the start of a file is inspected to tell text from binary.
const SNIFF: usize = 8192;

pub fn decode(bytes: &[u8]) -> Result<(String, Option<Fallback>), LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty);
    }
    if let Some(text) = decode_utf16_bom(bytes) {
        return Ok((text, Some(Fallback::Utf16)));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if looks_binary(bytes) {
        return Err(LoadError::Binary);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(_) => (bytes.iter().map(|&b| windows_1252(b)).collect(), Some(Fallback::Windows1252)),
    };
    if text.0.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    Ok(text)
}

/// NUL bytes never occur in text; many other C0 controls mean a binary format too.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF)];
    if head.contains(&0) {
        return true;
    }
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    controls * 20 > head.len()
}

fn decode_utf16_bom(bytes: &[u8]) -> Option<String> {
    let (le, body) = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (true, rest)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (false, rest)
    } else {
        return None;
    };
    let units =
        body.chunks_exact(2).map(
            |p| {
                if le {
                    u16::from_le_bytes([p[0], p[1]])
                } else {
                    u16::from_be_bytes([p[0], p[1]])
                }
            },
        );
    Some(char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')).collect())
}

/// Windows-1252 is a superset of Latin-1's printable range; decoding with it gets curly quotes
/// and dashes right in files saved by Windows tools, and is identical to Latin-1 elsewhere.
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        assert_eq!(decode("Kyiv’s".as_bytes()).unwrap(), ("Kyiv’s".into(), None));
    }

    #[test]
    fn latin1_is_decoded_and_flagged() {
        let (text, how) = decode(b"Miche\xe1l Martin said \x93yes\x94").unwrap();
        assert_eq!(text, "Micheál Martin said “yes”");
        assert_eq!(how, Some(Fallback::Windows1252));
    }

    #[test]
    fn empty_and_blank_files_are_refused() {
        assert!(matches!(decode(b""), Err(LoadError::Empty)));
        assert!(matches!(decode(b" \n\n "), Err(LoadError::Empty)));
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(decode(b"\x89PNG\r\n\x1a\n\0\0\0"), Err(LoadError::Binary)));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "Hi".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap(), ("Hi".into(), Some(Fallback::Utf16)));
    }
}
