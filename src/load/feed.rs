//! Feeds (RSS, Atom, JSON Feed) and OPML subscription lists.
//!
//! A feed file holds many articles: each item becomes a Markdown note (front matter for its
//! date, the feed's title as source and the item's link; its content or summary cleaned like a
//! page) that the normaliser reads like any other, so an item is an article like any other. An
//! OPML list is shown as one article listing its feeds, so nothing opened is lost.

use super::html;

/// Whether a file name says feed or subscription list.
pub fn has_feed_extension(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".xml", ".rss", ".atom", ".json", ".opml"].iter().any(|e| lower.ends_with(e))
}

/// What kind of feed text is, from its first element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Feed,
    Opml,
}

/// The kind of feed `text` is, if it is one: an XML document whose first element is `<rss>`,
/// `<feed>`, `<rdf:RDF>` or `<opml>`, or a JSON Feed.
pub fn sniff(text: &str) -> Option<Kind> {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('{') {
        let head: String = t.chars().take(400).collect();
        return head.contains("jsonfeed.org/version").then_some(Kind::Feed);
    }
    // The first element after the XML declaration, comments and processing instructions.
    let mut rest = t;
    while let Some(after) = rest.strip_prefix('<') {
        if after.starts_with('?') || after.starts_with('!') {
            rest = after.find('>').map_or("", |e| after.get(e + 1..).unwrap_or("")).trim_start();
            continue;
        }
        let name: String =
            after.chars().take_while(|c| c.is_alphanumeric() || *c == ':').collect::<String>().to_lowercase();
        return match name.as_str() {
            "rss" | "feed" | "rdf:rdf" | "rdf" => Some(Kind::Feed),
            "opml" => Some(Kind::Opml),
            _ => None,
        };
    }
    None
}

/// One item of a feed as a Markdown note, with the name it is shown under (`feed.xml#3`).
#[derive(Debug)]
pub struct Item {
    pub path: String,
    pub note: String,
    /// Where `note`'s body (the item's content) starts: a fetched page replaces it.
    pub body_at: usize,
    /// The item's link, and its id (which is the link when the feed gives none).
    pub link: String,
    pub id: String,
}

/// The items of a feed, newest file order kept; the reason when it is not a feed byline reads.
pub fn items(path: &str, text: &str) -> Result<Vec<Item>, String> {
    let feed = feed_rs::parser::parse(text.as_bytes()).map_err(|e| format!("not a feed byline can read: {e}"))?;
    let source = feed.title.as_ref().map(|t| plain(&t.content)).unwrap_or_default();
    let items = feed
        .entries
        .iter()
        .enumerate()
        .map(|(k, e)| {
            let mut note = String::from("---\n");
            let date = e.published.or(e.updated).map(|d| d.date_naive().to_string()).unwrap_or_default();
            field(&mut note, "date", &date);
            field(&mut note, "source", &source);
            field(&mut note, "url", e.links.first().map_or("", |l| l.href.as_str()));
            field(&mut note, "section", e.categories.first().map_or("", |c| c.term.as_str()));
            note.push_str("---\n\n");
            let title = e.title.as_ref().map(|t| plain(&t.content)).unwrap_or_default();
            if !title.is_empty() {
                note.push_str(&format!("# {title}\n\n"));
            }
            let authors: Vec<&str> =
                e.authors.iter().filter_map(|a| a.name.as_deref()).map(str::trim).filter(|n| !n.is_empty()).collect();
            if !authors.is_empty() {
                note.push_str(&format!("By {}\n\n", authors.join(" and ")));
            }
            let body_at = note.len();
            let body =
                e.content.as_ref().and_then(|c| c.body.as_deref()).or(e.summary.as_ref().map(|s| s.content.as_str()));
            note.push_str(&body.map(content).unwrap_or_default());
            let link = e.links.first().map_or(String::new(), |l| l.href.clone());
            let id = if e.id.is_empty() { link.clone() } else { e.id.clone() };
            Item { path: format!("{path}#{}", k + 1), note, body_at, link, id }
        })
        .collect();
    Ok(items)
}

/// An OPML list as a note: its title, then one list item per feed with its address.
pub fn subscriptions(text: &str) -> Result<String, String> {
    let opml = opml::OPML::from_str(text).map_err(|e| format!("not an OPML list byline can read: {e}"))?;
    let mut note = String::new();
    let title = opml.head.as_ref().and_then(|h| h.title.clone()).unwrap_or_else(|| "Subscriptions".to_string());
    note.push_str(&format!("# {}\n\n", plain(&title)));
    // Outlines nest (folders of feeds); walk them with a stack, not recursion.
    let mut stack: Vec<&opml::Outline> = opml.body.outlines.iter().rev().collect();
    while let Some(o) = stack.pop() {
        let name = plain(o.title.as_deref().unwrap_or(&o.text));
        match o.xml_url.as_deref().or(o.url.as_deref()) {
            Some(url) => note.push_str(&format!("- {name}: {url}\n")),
            None if !o.outlines.is_empty() => note.push_str(&format!("\n## {name}\n\n")),
            None => {}
        }
        stack.extend(o.outlines.iter().rev());
    }
    Ok(note)
}

/// The feed addresses of an OPML list, folders walked.
pub fn opml_urls(text: &str) -> Result<Vec<String>, String> {
    let opml = opml::OPML::from_str(text).map_err(|e| format!("not an OPML list byline can read: {e}"))?;
    let mut urls = Vec::new();
    let mut stack: Vec<&opml::Outline> = opml.body.outlines.iter().rev().collect();
    while let Some(o) = stack.pop() {
        urls.extend(o.xml_url.clone());
        stack.extend(o.outlines.iter().rev());
    }
    Ok(urls)
}

/// Item content: HTML cleaned to paragraphs, plain text kept as it is.
fn content(body: &str) -> String {
    if body.contains('<') {
        html::fragment_text(body)
    } else {
        body.to_string()
    }
}

/// A title or name, which feeds may give as HTML or with entities, on one line.
fn plain(s: &str) -> String {
    let text = if s.contains(['<', '&']) { html::fragment_text(s) } else { s.to_string() };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn field(note: &mut String, key: &str, value: &str) {
    let value = plain(value);
    if !value.is_empty() {
        note.push_str(&format!("{key}: {value}\n"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Post</title>
        <item><title>Port reopens after storm</title><link>https://post.test/port</link>
        <pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate><author>mara@post.test (Mara Quill)</author>
        <description>&lt;p&gt;The harbour reopened on Tuesday.&lt;/p&gt;&lt;p&gt;“We are glad,” said Jo Pike.&lt;/p&gt;</description></item>
        <item><title>Second item</title><description>Plain text summary.</description></item>
        </channel></rss>"#;

    #[test]
    fn each_item_of_a_feed_is_a_note() {
        assert_eq!(sniff(RSS), Some(Kind::Feed));
        let items = items("f.xml", RSS).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].path, "f.xml#1");
        let n = &items[0].note;
        assert!(n.contains("date: 2024-03-05\n"), "{n}");
        assert!(n.contains("source: Harbour Post\n"), "{n}");
        assert!(n.contains("url: https://post.test/port\n"), "{n}");
        assert!(n.contains("# Port reopens after storm\n"), "{n}");
        assert!(n.contains("The harbour reopened on Tuesday.\n\n“We are glad,” said Jo Pike.\n"), "{n}");
        assert!(items[1].note.ends_with("Plain text summary."), "{}", items[1].note);
    }

    #[test]
    fn atom_and_json_feeds_are_read() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
            <title>Valley Wire</title><id>urn:v</id><updated>2024-01-02T00:00:00Z</updated>
            <entry><title>Dam inspected</title><id>urn:v:1</id><updated>2024-01-02T10:00:00Z</updated>
            <author><name>Ana Ruiz</name></author><link href="https://v.test/dam"/>
            <content type="html">&lt;p&gt;Engineers inspected the dam.&lt;/p&gt;</content></entry></feed>"#;
        assert_eq!(sniff(atom), Some(Kind::Feed));
        let n = &items("a.atom", atom).unwrap()[0].note;
        assert!(n.contains("source: Valley Wire\n") && n.contains("By Ana Ruiz\n"), "{n}");
        let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Lake Notes",
            "items": [{"id": "1", "title": "Ice out", "date_published": "2024-04-01T09:00:00Z",
            "content_text": "The ice left the lake."}]}"#;
        assert_eq!(sniff(json), Some(Kind::Feed));
        let n = &items("l.json", json).unwrap()[0].note;
        assert!(n.contains("date: 2024-04-01\n") && n.contains("The ice left the lake."), "{n}");
        assert_eq!(sniff(r#"{"name": "not a feed"}"#), None);
    }

    #[test]
    fn an_opml_list_is_a_note_of_its_feeds() {
        let opml = r#"<?xml version="1.0"?><opml version="2.0"><head><title>My news</title></head><body>
            <outline text="Local"><outline text="Harbour Post" xmlUrl="https://post.test/rss"/></outline>
            <outline text="Valley Wire" xmlUrl="https://v.test/atom"/></body></opml>"#;
        assert_eq!(sniff(opml), Some(Kind::Opml));
        let n = subscriptions(opml).unwrap();
        assert_eq!(
            n,
            "# My news\n\n\n## Local\n\n- Harbour Post: https://post.test/rss\n- Valley Wire: https://v.test/atom\n"
        );
    }

    #[test]
    fn a_malformed_feed_says_why() {
        assert!(items("bad.xml", "<rss><channel><item><title>x").is_err());
        assert_eq!(sniff("<html><body>"), None);
    }
}
