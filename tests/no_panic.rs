//! No input makes the loader, the analysis or the view panic.

use byline::state::{update, Action, State};
use proptest::prelude::*;

/// Text made of the pieces that trip up scrapers and quote finders: quote marks of every kind,
/// apostrophes, bullets, odd spaces, combining marks, wide characters, titles and speech verbs.
fn article_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("'".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("• ".to_string()),
        Just("\u{a0}".to_string()),
        Just("e\u{301}".to_string()),
        Just("東京".to_string()),
        Just("👩‍👩‍👧".to_string()),
        Just("Mr. ".to_string()),
        Just("Prime Minister ".to_string()),
        Just(" said: ".to_string()),
        Just(", he added. ".to_string()),
        Just("Jane von der Doe".to_string()),
        Just("£1.6bn ".to_string()),
        Just("October 24, 2025".to_string()),
        Just("Previous Story".to_string()),
        Just("---\ntitle: x\n---\n".to_string()),
        "[A-Za-z ,.:;!?-]{0,12}",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// Markup made of the pieces of pages and feeds, nested and broken at random.
fn markup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<?xml version=\"1.0\"?>".to_string()),
        Just("<!DOCTYPE html><html>".to_string()),
        Just("<rss version=\"2.0\"><channel>".to_string()),
        Just("<feed xmlns=\"http://www.w3.org/2005/Atom\">".to_string()),
        Just("<opml version=\"2.0\"><body>".to_string()),
        Just("<outline text=\"A\" xmlUrl=\"http://a.test/\"/>".to_string()),
        Just("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"title\": \"".to_string()),
        Just("<item><title>".to_string()),
        Just("</title><description>".to_string()),
        Just("</item>".to_string()),
        Just("<entry><content type=\"html\">".to_string()),
        Just("<title>".to_string()),
        Just("<h1>".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div>".to_string()),
        Just("</div>".to_string()),
        Just("<li>".to_string()),
        Just("<script>".to_string()),
        Just("<![CDATA[".to_string()),
        Just("]]>".to_string()),
        Just("&amp;&lt;&#x201c;&bogus;".to_string()),
        Just("<meta charset=\"koi8-r\">".to_string()),
        Just("“Yes,” said Jo Pike. ".to_string()),
        "[A-Za-z ,.:;<>/=\"-]{0,12}",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..50).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn pages_and_feeds_open_or_say_why(text in markup()) {
        for name in ["x.html", "x.xml", "x.json", "x.opml", "x.txt"] {
            let loaded = byline::load::from_bytes(name, text.as_bytes());
            prop_assert!(!loaded.articles.is_empty() || !loaded.problems.is_empty(), "{name}: nothing and no reason");
            for a in &loaded.articles {
                let _ = byline::analysis::analyse(a);
            }
        }
    }

    #[test]
    fn loading_analysing_and_drawing_never_panic(text in article_text(), w in 1u16..140, h in 1u16..50) {
        for name in ["a.txt", "a.md"] {
            let a = byline::load::normalize(name, &text);
            let _ = byline::load::normalize::header_only(name, &text);
            let analysis = byline::analysis::analyse(&a);
            for q in &analysis.quotes {
                prop_assert!(q.block < a.blocks.len());
            }
            let mut s = State::new(byline::load::Loaded { articles: vec![a], problems: vec![] });
            update(&mut s, Action::Resize(w, h));
            for action in [Action::Open, Action::NextQuote, Action::NextSentence, Action::ToggleSelection,
                           Action::NextSentence, Action::ToggleHighlight, Action::PageDown, Action::NextBySpeaker] {
                update(&mut s, action);
                let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
                t.draw(|f| byline::view::render(&s, f)).unwrap();
            }
        }
    }

    #[test]
    fn any_bytes_decode_or_are_refused(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.txt");
        std::fs::write(&path, &bytes).unwrap();
        let loaded = byline::load::read_file(&path);
        prop_assert_eq!(loaded.articles.len() + usize::from(loaded.articles.is_empty() && !loaded.problems.is_empty()), 1);
        let _ = byline::load::read_head(&path);
    }
}

/// Sentences shaped like the ones that once panicked the analysis on real news (made-up text):
/// offsets that landed inside a curly quote, a dash or a letter that changes length in lower case.
#[test]
fn the_shapes_that_once_panicked_are_analysed() {
    let cases = [
        // An apostrophe-like closing mark right before a comma and a participle.
        ("The start-up has a ‘no code’ focus, saying its tech suits everyone.", None),
        // A partial quotation opening the sentence, a speaker in apposition after it.
        ("Martin “is tapping into something real,” Jane Roe, a supporter, told reporters.", Some("Jane Roe")),
        // A dash straight after the speech verb.
        ("“We will win,” said—loudly—the minister.", None),
        // A capital that grows when lower-cased before an `according to`.
        ("İzmir residents were “furious”, according to Mayor Tom Ash.", Some("Tom Ash")),
        ("ǅemal and İlker were “furious”, according to Mayor Tom Ash.", Some("Tom Ash")),
    ];
    for (body, want) in cases {
        let a = byline::load::normalize("t.txt", &format!("A headline\n\n{body}\n"));
        let an = byline::analysis::analyse(&a);
        if let Some(want) = want {
            assert_eq!(an.quotes.first().and_then(|q| q.speaker.as_deref()), Some(want), "{body}");
        }
    }
}

/// A short seeded run of the mutation fuzzer (`cargo run --release --example fuzz -- N` runs
/// long ones) over the bundled articles: no input panics.
#[test]
fn a_short_fuzz_run_finds_no_panic() {
    let seeds = byline::fuzz::bundled_seeds();
    let report = byline::fuzz::run(&seeds, 7, 1500);
    assert_eq!(report.inputs, 1500);
    let found: Vec<String> = report
        .panics
        .iter()
        .map(|(why, (n, input))| format!("{n} × {why}\n{}", String::from_utf8_lossy(input)))
        .collect();
    assert!(found.is_empty(), "{}", found.join("\n\n"));
}
