//! The table in `tests/fixtures/speakers.txt`: made-up sentences in the shapes real news
//! attributes speech, each with the speaker byline must find. It grows with every rule.

use byline::analysis::analyse;
use byline::load::normalize;

struct Case {
    line: usize,
    text: String,
    want: Vec<(String, Option<String>)>,
}

fn cases() -> Vec<Case> {
    let table = include_str!("fixtures/speakers.txt");
    let mut out = Vec::new();
    for (i, line) in table.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (text, wants) = line.split_once(" => ").unwrap_or_else(|| panic!("line {}: no ` => `", i + 1));
        let want = wants
            .split(" ; ")
            .map(|w| {
                let (q, s) = w.split_once(" = ").unwrap_or_else(|| panic!("line {}: no ` = `", i + 1));
                (q.trim().to_string(), (s.trim() != "-").then(|| s.trim().to_string()))
            })
            .collect();
        out.push(Case { line: i + 1, text: text.replace(" ¶ ", "\n\n"), want });
    }
    out
}

#[test]
fn every_speaker_in_the_table_is_found() {
    let mut failures = Vec::new();
    let all = cases();
    for case in &all {
        let article = normalize("case.txt", &format!("A headline for the case\n\n{}\n", case.text));
        let analysis = analyse(&article);
        for (start, speaker) in &case.want {
            let got =
                analysis.quotes.iter().find(|q| q.text.trim_start_matches(['“', '"', '‘']).starts_with(start.as_str()));
            match got {
                None => failures.push(format!("line {}: no quotation starting {start:?}", case.line)),
                Some(q) if q.speaker != *speaker => {
                    failures.push(format!("line {}: {start:?} said by {:?}, want {speaker:?}", case.line, q.speaker))
                }
                Some(_) => {}
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} cases fail:\n{}", failures.len(), all.len(), failures.join("\n"));
}
