//! `byline fetch` against a server on 127.0.0.1 started by the test: no test touches the
//! internet.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Readings cached by the runs below stay in the build folder, not the user's cache.
const CACHE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/cache");

const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Fishing fleet stays ashore | Harbour Post</title>
<meta property="og:site_name" content="Harbour Post"></head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>Fishing fleet stays ashore</h1>
<p>Most of the Eastfield fishing fleet stayed ashore on Monday after the price of cod at the morning auction fell for the third week running, leaving boats tied up along the north quay.</p>
<p>“It is not worth the fuel,” said Ines Palmer, who skippers a trawler out of the north quay and has fished from Eastfield for twenty years.</p>
<p>Buyers said the price would recover once the holiday orders came in, but several skippers said they would not go out again before the spring.</p>
</article><footer>© Harbour Post</footer></body></html>"#;

fn feed(base: &str) -> String {
    format!(
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Post</title>
<item><title>Fishing fleet stays ashore</title><link>{base}/fleet.html</link><guid>fleet</guid>
<pubDate>Mon, 04 Mar 2024 07:15:00 GMT</pubDate><description>Short summary of the fleet story.</description></item>
<item><title>Lifeboat named</title><link>{base}/missing.html</link><guid>lifeboat</guid>
<pubDate>Sat, 02 Mar 2024 12:00:00 GMT</pubDate><description>A new lifeboat was named on Saturday.</description></item>
</channel></rss>"#
    )
}

/// Answers each request on its own thread; counts the feed requests answered in full.
fn serve() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let base = format!("http://{}", listener.local_addr().expect("an address"));
    let full_feeds = Arc::new(AtomicUsize::new(0));
    let (b, count) = (base.clone(), full_feeds.clone());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (b, count) = (b.clone(), count.clone());
            std::thread::spawn(move || answer(stream, &b, &count));
        }
    });
    (base, full_feeds)
}

fn answer(mut stream: TcpStream, base: &str, full_feeds: &AtomicUsize) {
    let mut reader = BufReader::new(stream.try_clone().expect("a second handle"));
    let mut request = String::new();
    let _ = reader.read_line(&mut request);
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut etag_sent = false;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        etag_sent |= line.to_ascii_lowercase().starts_with("if-none-match: \"v1\"");
    }
    let (status, headers, body): (&str, String, Vec<u8>) = match path.as_str() {
        "/feed.xml" if etag_sent => ("304 Not Modified", String::new(), Vec::new()),
        "/feed.xml" => {
            full_feeds.fetch_add(1, Ordering::SeqCst);
            ("200 OK", "ETag: \"v1\"\r\n".into(), feed(base).into_bytes())
        }
        "/fleet.html" => ("200 OK", String::new(), PAGE.as_bytes().to_vec()),
        "/moved.xml" => ("301 Moved Permanently", format!("Location: {base}/feed.xml\r\n"), Vec::new()),
        "/slow.xml" => {
            std::thread::sleep(Duration::from_secs(4));
            ("200 OK", String::new(), feed(base).into_bytes())
        }
        "/huge.xml" => ("200 OK", String::new(), vec![b'x'; 20 * 1024 * 1024]),
        "/bad.xml" => ("200 OK", String::new(), b"<rss><channel><item><title>cut".to_vec()),
        _ => ("404 Not Found", String::new(), b"not here".to_vec()),
    };
    let head = format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n{headers}\r\n", body.len());
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

fn fetch(args: &[&str]) -> String {
    let out = assert_cmd::Command::cargo_bin("byline")
        .expect("the byline binary is built")
        .arg("fetch")
        .args(args)
        .timeout(Duration::from_secs(60))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("UTF-8 output")
}

#[test]
fn fetch_fills_an_archive_that_byline_reads_and_fetches_nothing_twice() {
    let (base, full_feeds) = serve();
    let dir = tempfile::tempdir().unwrap();
    let urls = dir.path().join("urls");
    let archive = dir.path().join("archive");
    let list = ["feed.xml", "moved.xml", "missing.xml", "slow.xml", "huge.xml", "bad.xml"]
        .map(|p| format!("{base}/{p} \"tag\""))
        .join("\n");
    std::fs::write(&urls, format!("# test feeds\n{list}\n")).unwrap();
    // The huge feed is 20 MiB: over a limit of 10 MiB.
    let args =
        [urls.to_str().unwrap(), "--archive", archive.to_str().unwrap(), "--timeout", "2", "--max-file-size", "10M"];

    let first = fetch(&args);
    assert!(first.starts_with("6 feeds: 2 new articles (1 with their full page), 0 feeds unchanged"), "{first}");
    assert!(first.contains("/missing.xml: the server answered 404 Not Found"), "{first}");
    assert!(first.contains("/missing.html: the server answered 404"), "{first}");
    assert!(first.contains("/slow.xml: no answer in time"), "{first}");
    assert!(first.contains("/huge.xml: too large"), "{first}");
    assert!(first.contains("/bad.xml: not a feed byline can read"), "{first}");
    // Nothing half-written: only notes and the state file.
    let folder = std::fs::read_dir(&archive).unwrap().flatten().find(|e| e.path().is_dir()).unwrap().path();
    let names: Vec<String> =
        std::fs::read_dir(&folder).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.iter().all(|n| n.ends_with(".md")), "{names:?}");

    // The archive opens like any folder: the fetched page's full text, the feed's metadata.
    let out = assert_cmd::Command::cargo_bin("byline")
        .unwrap()
        .env("BYLINE_CACHE_DIR", CACHE)
        .arg("export")
        .arg(&archive)
        .assert()
        .success();
    let doc: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let fleet =
        doc["articles"].as_array().unwrap().iter().find(|a| a["title"] == "Fishing fleet stays ashore").unwrap();
    assert_eq!(fleet["date"], "2024-03-04");
    assert_eq!(fleet["source"], "Harbour Post");
    assert_eq!(fleet["url"], format!("{base}/fleet.html"));
    assert!(fleet["blocks"][0]["text"].as_str().unwrap().starts_with("Most of the Eastfield fishing fleet"));
    assert_eq!(fleet["quotes"][0]["speaker"], "Ines Palmer");

    // Run twice: the feed and its old address are unchanged (the ETag is sent again, through the
    // redirect too), so nothing is downloaded in full and nothing new is stored.
    let second = fetch(&args);
    assert!(second.starts_with("6 feeds: 0 new articles (0 with their full page), 2 feeds unchanged"), "{second}");
    assert_eq!(full_feeds.load(Ordering::SeqCst), 2, "the feed and its moved copy, on the first run only");
}
