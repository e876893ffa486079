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
    /// The charset the file declared, by its WHATWG name.
    Declared(&'static str),
}

/// How much of the start of a file is inspected to tell text from binary.
const SNIFF: usize = 8192;

pub fn decode(bytes: &[u8]) -> Result<(String, Option<Fallback>), LoadError> {
    decode_as(bytes, |_| None)
}

/// Like [`decode`], trusting a charset the file declares (an HTML page's `<meta charset>`) for
/// bytes that are not UTF-8: a page saved as Shift JIS or KOI8-R is not Windows-1252. `declared`
/// is asked only for such bytes, so UTF-8 files are checked once and never searched.
pub fn decode_as(
    bytes: &[u8],
    declared: impl FnOnce(&[u8]) -> Option<String>,
) -> Result<(String, Option<Fallback>), LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty);
    }
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding != encoding_rs::UTF_8 {
            let (text, _) = encoding.decode_with_bom_removal(bytes);
            return Ok((text.into_owned(), Some(Fallback::Utf16)));
        }
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if looks_binary(bytes) {
        return Err(LoadError::Binary);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(_) => {
            let stated = declared(bytes)
                .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
                .filter(|e| *e != encoding_rs::UTF_8 && *e != encoding_rs::WINDOWS_1252);
            match stated {
                Some(e) => (e.decode_without_bom_handling(bytes).0.into_owned(), Some(Fallback::Declared(e.name()))),
                // Browsers read undeclared or mislabelled Latin-1 as Windows-1252 too.
                None => (
                    encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
                    Some(Fallback::Windows1252),
                ),
            }
        }
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
    fn a_declared_charset_is_used_for_bytes_that_are_not_utf8() {
        let (text, how) = decode_as(b"\xcf\xf0\xe8\xe2\xe5\xf2", |_| Some("windows-1251".into())).unwrap();
        assert_eq!(text, "Привет");
        assert_eq!(how, Some(Fallback::Declared("windows-1251")));
        // A wrong label on UTF-8 bytes is not believed.
        assert_eq!(decode_as("Kyiv’s".as_bytes(), |_| Some("windows-1251".into())).unwrap(), ("Kyiv’s".into(), None));
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
