//! Bytes to text, refusing what is not text and rescuing what is text in an old encoding.
//!
//! Saved articles come from many tools. Most are UTF-8; some are Windows-1252 or Latin-1 (old
//! browsers, Windows editors), another legacy encoding (Shift JIS, KOI8-R…), or UTF-16 with or
//! without a byte-order mark. Those are decoded, not dropped, and the caller is told so the user
//! knows. An undeclared legacy encoding is guessed by `chardetng` (Firefox's detector). Binary
//! files are refused.

use super::LoadError;

/// How the text was decoded when it was not plain UTF-8; `None` from [`decode`] means UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    Windows1252,
    Utf16,
    /// The charset the file declared, by its WHATWG name.
    Declared(&'static str),
    /// The charset the bytes looked like, undeclared, by its WHATWG name.
    Guessed(&'static str),
}

/// Legacy encodings of the Latin alphabet, by WHATWG name.
const LATIN: &[&str] = &[
    "windows-1250",
    "windows-1252",
    "windows-1254",
    "windows-1257",
    "windows-1258",
    "ISO-8859-2",
    "ISO-8859-4",
    "ISO-8859-13",
    "ISO-8859-15",
];

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
    if let Some(encoding) = utf16_without_bom(bytes) {
        let text = encoding.decode_without_bom_handling(bytes).0.into_owned();
        return match text.trim().is_empty() {
            true => Err(LoadError::Empty),
            false => Ok((text, Some(Fallback::Utf16))),
        };
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
            let (e, how) = match stated {
                Some(e) => (e, Fallback::Declared(e.name())),
                None => {
                    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
                    detector.feed(bytes, true);
                    match detector.guess(None, chardetng::Utf8Detection::Deny) {
                        // Among the Latin code pages a short text gives the detector little to
                        // go on (one `á` makes it Central European): browsers read undeclared
                        // Latin text as Windows-1252, and so does byline. Another script (Cyrillic,
                        // Greek, Japanese…) is told apart reliably.
                        e if !LATIN.contains(&e.name()) => (e, Fallback::Guessed(e.name())),
                        _ => (encoding_rs::WINDOWS_1252, Fallback::Windows1252),
                    }
                }
            };
            (e.decode_without_bom_handling(bytes).0.into_owned(), Some(how))
        }
    };
    if text.0.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    Ok(text)
}

/// UTF-16 saved without a byte-order mark: in text that is mostly ASCII, every other byte is
/// NUL (the high one, second in little-endian, first in big-endian) and the rest are not.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let zeros = |first: bool| head.chunks_exact(2).filter(|p| (p[0] == 0) == first && (p[1] == 0) != first).count();
    let mostly = |n: usize| n * 10 >= pairs * 9;
    match (mostly(zeros(false)), mostly(zeros(true))) {
        (true, false) => Some(encoding_rs::UTF_16LE),
        (false, true) => Some(encoding_rs::UTF_16BE),
        _ => None,
    }
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

    #[test]
    fn utf16_without_bom_is_decoded_either_way_round() {
        let text = "Port reopens. “We are back,” the harbour master said.";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).unwrap(), (text.into(), Some(Fallback::Utf16)));
        assert_eq!(decode(&be).unwrap(), (text.into(), Some(Fallback::Utf16)));
        // Binary with NULs here and there is still binary.
        assert!(matches!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0"), Err(LoadError::Binary)));
    }

    #[test]
    fn an_undeclared_legacy_encoding_is_guessed() {
        let cyrillic = "Президент заявил журналистам, что переговоры продолжатся на следующей неделе в Москве.";
        let (bytes, _, _) = encoding_rs::KOI8_R.encode(cyrillic);
        let (text, how) = decode(&bytes).unwrap();
        assert_eq!(text, cyrillic);
        assert!(matches!(how, Some(Fallback::Guessed(name)) if name.starts_with("KOI8")), "{how:?}");
    }
}
