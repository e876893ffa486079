//! Saved web pages: the article is found by the `trafilatura` extractor, then written out as a
//! small Markdown note (front matter for the page's metadata, `#` for headings, `-` for list
//! items) that byline's own normaliser reads like any other. So the headline, dateline and
//! furniture rules, and the analysis after them, are the same whatever the source.

use crate::text::slice::{after, before};
use ego_tree::iter::Edge;
use scraper::{Html, Node};
use std::sync::LazyLock;

/// What a page's metadata and the extractor give, written as a Markdown note.
#[derive(Debug)]
pub struct Extracted {
    pub note: String,
    /// The article's paragraphs alone, without the metadata and headline that open `note`.
    pub body: String,
    /// The extractor found no article; `note` holds the page's whole visible text instead.
    pub whole_page: bool,
}

/// Whether a file name says web page: `.html`, `.htm`, `.xhtml`, `.shtml`.
pub fn has_html_extension(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".html", ".htm", ".xhtml", ".shtml"].iter().any(|e| lower.ends_with(e))
}

/// Whether text is an HTML document whatever its file is called (a page saved as `.txt`).
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start_matches('\u{feff}').trim_start().chars().take(64).collect();
    let head = head.to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && text.contains("<html")
}

/// The charset a page declares in its first few kilobytes (`<meta charset="…">` or the
/// `http-equiv` form), used only when its bytes are not UTF-8.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    static CHARSET: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
        regex::bytes::Regex::new(r#"(?i)<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_:.-]+)"#).expect("charset pattern")
    });
    let head = &bytes[..bytes.len().min(4096)];
    CHARSET.captures(head).map(|c| String::from_utf8_lossy(&c[1]).into_owned())
}

/// The article of a page as a Markdown note. When the extractor finds no article (a page of
/// links, a tiny page), the page's visible text is kept instead, so nothing saved is lost.
pub fn extract(html: &str) -> Extracted {
    if nesting(html) > MAX_NESTING {
        // Parsing and extracting go deeper with the page: a hostile or broken page thousands
        // of elements deep would take minutes or overflow the stack. Read it flat instead.
        return whole(blocks(&Html::parse_document(&flatten(html))));
    }
    let options = trafilatura::Options::default().with_fallback(true);
    match trafilatura::extract(html, &options) {
        Ok(found) if !found.content_html.trim().is_empty() => {
            let m = &found.metadata;
            let mut note = String::from("---\n");
            let host = m.hostname.trim_start_matches("www.");
            let source = if m.sitename.is_empty() || m.sitename.contains("://") { host } else { &m.sitename };
            let body = blocks(&Html::parse_fragment(&found.content_html));
            let page_title = one_line(&m.title);
            let title = headline(&page_title, &body, source, host);
            let source = if source.is_empty() { site_in_title(&page_title, &title) } else { source };
            field(&mut note, "date", &m.date.map(|d| d.to_string()).unwrap_or_default());
            field(&mut note, "source", source);
            field(&mut note, "url", &m.url);
            field(&mut note, "section", m.categories.first().map_or("", String::as_str));
            note.push_str("---\n\n");
            if !title.is_empty() {
                note.push_str("# ");
                note.push_str(&title);
                note.push_str("\n\n");
            }
            note.push_str(&body);
            Extracted { note, body, whole_page: false }
        }
        _ => whole(blocks(&Html::parse_document(html))),
    }
}

fn whole(text: String) -> Extracted {
    Extracted { note: text.clone(), body: text, whole_page: true }
}

/// Deeper than any real page (they stay under a hundred or so), shallow enough to parse fast.
const MAX_NESTING: usize = 400;

/// How deep the elements of a page nest, from its tags alone: elements whose end tag may be left
/// out (`<p>`, `<li>`, `<td>` …) and void ones (`<br>`) do not count, so old pages that never
/// close a paragraph are not mistaken for deep ones.
fn nesting(html: &str) -> usize {
    const OPEN_ENDED: [&str; 14] =
        ["p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rt"];
    const VOID: [&str; 14] =
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];
    let mut open: Vec<String> = Vec::new();
    let mut deepest = 0;
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = after(rest, at + 1);
        if let Some(comment) = rest.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |e| after(comment, e + 3));
            continue;
        }
        let closing = rest.starts_with('/');
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let end = rest.find('>').unwrap_or(rest.len());
        let self_closing = before(rest, end).ends_with('/');
        rest = after(rest, end);
        if name.is_empty() || OPEN_ENDED.contains(&name.as_str()) || VOID.contains(&name.as_str()) {
            continue;
        }
        if closing {
            if let Some(k) = open.iter().rposition(|o| *o == name) {
                open.truncate(k);
            }
        } else if name == "script" || name == "style" {
            rest = end_tag(rest, &name).map_or("", |e| after(rest, e));
        } else if !self_closing {
            open.push(name);
            deepest = deepest.max(open.len());
        }
    }
    deepest
}

/// Where `</name` next stands in `s`, in any case.
fn end_tag(s: &str, name: &str) -> Option<usize> {
    s.match_indices("</")
        .map(|(i, _)| i)
        .find(|&i| s.as_bytes().get(i + 2..i + 2 + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes())))
}

/// A page with every tag dropped but a paragraph break where a block began or ended, which
/// parses flat whatever the page's nesting.
fn flatten(html: &str) -> String {
    static TAG: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?is)<script.*?</script>|<style.*?</style>|<!--.*?-->|<(/?)([a-z][a-z0-9]*)[^>]*>")
            .expect("tag pattern")
    });
    TAG.replace_all(html, |c: &regex::Captures| match c.get(2) {
        Some(name) if BLOCKS.contains(&name.as_str().to_ascii_lowercase().as_str()) => "<p>".to_string(),
        _ => String::new(),
    })
    .into_owned()
}

/// The text of an HTML fragment (a feed item's content), one block per paragraph.
pub(super) fn fragment_text(fragment: &str) -> String {
    if nesting(fragment) > MAX_NESTING {
        return blocks(&Html::parse_fragment(&flatten(fragment)));
    }
    blocks(&Html::parse_fragment(fragment))
}

/// The page's `<title>`, for a first look at a long list before each page is read in full.
pub fn title(html: &str) -> Option<String> {
    static TITLE: LazyLock<scraper::Selector> =
        LazyLock::new(|| scraper::Selector::parse("title").expect("title selector"));
    let doc = Html::parse_document(html);
    let title = doc.select(&TITLE).next()?.text().collect::<String>();
    let title = one_line(&title);
    (!title.is_empty()).then_some(title)
}

use super::title::SEPARATORS as TITLE_SEPARATORS;

/// The headline of a page: the article's own `<h1>` when the page title holds it, otherwise the
/// page title without the site's name and a leading section label (`Opinion | …`, `… – Site`).
fn headline(page_title: &str, body: &str, site: &str, host: &str) -> String {
    let h1 = body.lines().find_map(|l| l.strip_prefix("# ")).map(str::trim).unwrap_or("");
    if !h1.is_empty() && (page_title.is_empty() || squash(page_title).contains(&squash(h1))) {
        return h1.to_string();
    }
    let mut parts: Vec<&str> = vec![page_title];
    for sep in TITLE_SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    let names_site = |part: &str| {
        let (k, site, label) =
            (squash(part), squash(site), squash(host.trim_start_matches("www.").split('.').next().unwrap_or("")));
        k.chars().count() >= 3
            && (site.contains(&k) || k.contains(&site) && !site.is_empty() || label.len() >= 4 && k.contains(&label))
    };
    let mut from = 0;
    let mut to = parts.len();
    while to - from > 1 && names_site(parts[to - 1]) {
        to -= 1;
    }
    while to - from > 1 && (names_site(parts[from]) || super::furniture::is_section_label(parts[from])) {
        from += 1;
    }
    if (from, to) == (0, parts.len()) {
        return page_title.to_string();
    }
    // Join what is left with the separators it had: find it in the original.
    let (first, last) = (parts[from], parts[to - 1]);
    let start = page_title.find(first).unwrap_or(0);
    let end = page_title.rfind(last).map_or(page_title.len(), |i| i + last.len());
    page_title.get(start..end).unwrap_or(page_title).trim().to_string()
}

/// The site's name as a browser title gives it after the headline (`Headline - Site`), for a
/// page that names its site nowhere else.
fn site_in_title<'a>(page_title: &'a str, headline: &str) -> &'a str {
    let rest = page_title.strip_prefix(headline).unwrap_or("");
    let site = TITLE_SEPARATORS.iter().find_map(|sep| rest.strip_prefix(sep)).unwrap_or("").trim();
    if (1..=5).contains(&site.split_whitespace().count()) {
        site
    } else {
        ""
    }
}

/// Letters and digits only, lower case: how two spellings of a name are compared.
fn squash(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn field(note: &mut String, key: &str, value: &str) {
    let value = one_line(value);
    if !value.is_empty() {
        note.push_str(&format!("{key}: {value}\n"));
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Elements whose text never belongs to the article.
const HIDDEN: [&str; 8] = ["script", "style", "noscript", "template", "head", "svg", "iframe", "select"];

/// Elements that end the paragraph before them and start a new one.
const BLOCKS: [&str; 33] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "li",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "form",
    "address",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
];

/// The text of a parsed page or fragment, one block per paragraph, headings and list items
/// marked the Markdown way. Walked with open/close edges, not recursion, so no depth of nesting
/// can overflow the stack.
fn blocks(doc: &Html) -> String {
    let mut out = Writer::default();
    let mut hidden = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) if HIDDEN.contains(&e.name()) => hidden += 1,
                Node::Element(e) if hidden == 0 && BLOCKS.contains(&e.name()) => {
                    out.end_block();
                    out.mark = match e.name() {
                        "h1" => "# ",
                        "h2" | "h3" | "h4" | "h5" | "h6" => "## ",
                        "li" => "- ",
                        _ => out.mark,
                    };
                }
                Node::Text(t) if hidden == 0 => out.text(t),
                _ => {}
            },
            Edge::Close(node) => match node.value() {
                Node::Element(e) if HIDDEN.contains(&e.name()) => hidden = hidden.saturating_sub(1),
                Node::Element(e) if hidden == 0 && BLOCKS.contains(&e.name()) => {
                    out.end_block();
                    out.mark = "";
                }
                _ => {}
            },
        }
    }
    out.end_block();
    out.done
}

#[derive(Default)]
struct Writer {
    done: String,
    block: String,
    /// How the next block starts: `# `, `## `, `- ` or nothing.
    mark: &'static str,
}

impl Writer {
    fn text(&mut self, t: &str) {
        for (k, word) in t.split_whitespace().enumerate() {
            let glued = k == 0 && !t.starts_with(char::is_whitespace);
            if !self.block.is_empty() && !glued {
                self.block.push(' ');
            }
            self.block.push_str(word);
        }
        if t.ends_with(char::is_whitespace) && !self.block.is_empty() && !self.block.ends_with(' ') {
            self.block.push(' ');
        }
    }

    fn end_block(&mut self) {
        let text = self.block.trim();
        if !text.is_empty() {
            self.done.push_str(self.mark);
            self.done.push_str(text);
            self.done.push_str("\n\n");
            self.mark = "";
        }
        self.block.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Port reopens after storm | The Gazette</title>
        <meta property="og:title" content="Port reopens after storm">
        <meta property="og:site_name" content="The Gazette">
        <meta property="article:published_time" content="2024-03-05T08:00:00Z">
        <script>var x = "<p>not text</p>";</script></head>
        <body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
        <article><h1>Port reopens after storm</h1>
        <p>The harbour at Eastfield <b>reopened</b> on Tuesday after three days of high winds kept
        ships at anchor, officials said.</p>
        <h2>Ships return</h2>
        <p>“We are glad to be back,” said Mara Quill, a captain who waited offshore.</p>
        <ul><li>Ferries run from noon.</li><li>Cargo resumes on Wednesday.</li></ul>
        <p>The storm caused damage along the coast, where repair crews worked through the night to clear the roads.</p>
        </article><footer>© The Gazette. All rights reserved.</footer></body></html>"#;

    #[test]
    fn a_page_becomes_a_note_with_its_metadata_and_structure() {
        let got = extract(PAGE);
        assert!(!got.whole_page);
        let note = got.note;
        assert!(note.starts_with("---\n"), "{note}");
        assert!(note.contains("date: 2024-03-05\n"), "{note}");
        assert!(note.contains("source: The Gazette\n"), "{note}");
        assert!(note.contains("# Port reopens after storm\n"), "{note}");
        assert!(note.contains("The harbour at Eastfield reopened on Tuesday after three days of high winds kept ships"));
        assert!(note.contains("## Ships return\n"), "{note}");
        assert!(note.contains("- Ferries run from noon.\n"), "{note}");
        assert!(!note.contains("not text"), "{note}");
        assert!(!note.contains("All rights reserved"), "{note}");
    }

    #[test]
    fn a_browser_title_loses_the_site_name_and_section() {
        let t = |title: &str| headline(title, "Body text.\n\n", "The Gazette", "www.gazette-online.test");
        assert_eq!(t("Port reopens after storm | The Gazette"), "Port reopens after storm");
        assert_eq!(t("Port reopens after storm - Gazette Online"), "Port reopens after storm");
        assert_eq!(t("Opinion | Port reopens – at last"), "Port reopens – at last");
        assert_eq!(t("Port reopens - a review"), "Port reopens - a review");
        // The article's own heading wins when the page title holds it.
        assert_eq!(headline("Gazette: Port reopens", "# Port reopens\n\nText.\n\n", "x", "y"), "Port reopens");
        assert_eq!(site_in_title("Port reopens | Valley Wire", "Port reopens"), "Valley Wire");
        assert_eq!(site_in_title("Port reopens", "Port reopens"), "");
    }

    #[test]
    fn words_split_by_inline_tags_stay_whole() {
        let doc = Html::parse_fragment("<p>Mid<b>word</b> and <i>two</i> words<br>next line</p>");
        assert_eq!(blocks(&doc), "Midword and two words\n\nnext line\n\n");
    }

    #[test]
    fn deep_nesting_is_read_flat() {
        let deep = format!(
            "<html><body>{}<p>Deep text &amp; more</p>{}</body></html>",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        assert_eq!(nesting(&deep), 20_002);
        let got = extract(&deep);
        assert!(got.whole_page);
        assert_eq!(got.note.trim(), "Deep text & more");
        let unclosed = format!("<html><body>{}</body></html>", "<b><i>x".repeat(50_000));
        assert!(extract(&unclosed).whole_page);
        // Paragraphs and list items never closed are an old page, not a deep one.
        assert!(nesting(&"<div><p>a<li>b<br>".repeat(3)) <= 3);
        assert_eq!(nesting("<div><script>if (a<b) {}</script><img src=x/></div>"), 1);
    }

    #[test]
    fn html_is_recognised_by_name_or_content() {
        assert!(has_html_extension("a/Page.HTM"));
        assert!(!has_html_extension("notes.txt"));
        assert!(looks_like_html("\n  <!doctype html><html>"));
        assert!(!looks_like_html("A headline about <html> tags"));
        assert_eq!(declared_charset(b"<meta charset=\"windows-1251\">").as_deref(), Some("windows-1251"));
        assert_eq!(title(PAGE).as_deref(), Some("Port reopens after storm | The Gazette"));
    }
}
