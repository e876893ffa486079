//! The YAML-style block some Markdown notes open with (`title:`, `date:`, `source:`, `url:`).
//!
//! Only flat `key: value` pairs are read; that is all note-taking tools write for these fields,
//! and a full YAML parser would accept far more than an article header ever holds.

use crate::text::slice;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub section: Option<String>,
}

/// Splits `text` into its front matter (if it opens with a `---` block) and the rest.
pub fn split(text: &str) -> (Option<FrontMatter>, &str) {
    let Some(rest) = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n")) else {
        return (None, text);
    };
    let Some(end) = rest
        .match_indices("\n---")
        .map(|(i, _)| i)
        .find(|&i| slice::after(rest, i + 4).starts_with(['\n', '\r']) || rest.len() == i + 4)
    else {
        return (None, text);
    };
    let mut fm = FrontMatter::default();
    for line in slice::before(rest, end).lines() {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let v = unquote(v.trim());
        if v.is_empty() {
            continue;
        }
        let slot = match k.trim().to_lowercase().as_str() {
            "title" | "headline" => &mut fm.title,
            "date" | "published" | "pubdate" | "published_at" => &mut fm.date,
            "source" | "site" | "publisher" | "site_name" => &mut fm.source,
            "url" | "link" | "source_url" => &mut fm.url,
            "section" | "category" => &mut fm.section,
            _ => continue,
        };
        *slot = Some(v.to_string());
    }
    let body = slice::after(rest, end + 4);
    (Some(fm), body.trim_start_matches(['\r', '\n']))
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|s| s.strip_suffix(q)) {
            return inner;
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_and_returns_the_body() {
        let (fm, body) = split(
            "---\ntitle: \"A: headline\"\ndate: 2025-10-24\nsource: The Paper\nurl: https://x.test/2025/10/24/a\n---\nBody text.\n",
        );
        let fm = fm.unwrap();
        assert_eq!(fm.title.as_deref(), Some("A: headline"));
        assert_eq!(fm.date.as_deref(), Some("2025-10-24"));
        assert_eq!(fm.source.as_deref(), Some("The Paper"));
        assert_eq!(fm.url.as_deref(), Some("https://x.test/2025/10/24/a"));
        assert_eq!(body, "Body text.\n");
    }

    #[test]
    fn unclosed_block_is_plain_text() {
        let text = "---\ntitle: x\nno end";
        assert_eq!(split(text), (None, text));
    }
}
