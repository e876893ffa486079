//! Browser titles: `Headline | Site`, `Headline – Site`, `Section - Headline`. Scraped pages
//! often carry the page's title above the article's own headline; the headline is the part the
//! page repeats, and the title line is furniture.

use super::furniture::key;

/// Separators between a headline and the site's name (or a section) in a browser title.
pub const SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "];

/// The part of a browser title that `lines` repeat on a line of its own, if any: the headline.
pub fn repeated_part<'a, 'l>(title: &'a str, mut lines: impl Iterator<Item = &'l str>) -> Option<&'a str> {
    let parts = parts(title);
    if parts.is_empty() {
        return None;
    }
    let keys: Vec<(String, &str)> = parts.into_iter().map(|p| (key(p), p)).collect();
    lines.find_map(|l| {
        let k = key(l);
        keys.iter().find(|(pk, _)| *pk == k).map(|(_, p)| *p)
    })
}

/// Whether `line` is `title` with a short site name or section before or after it.
pub fn is_browser_title_of(line: &str, title: &str) -> bool {
    let t = key(title);
    !t.is_empty()
        && parts(line).iter().any(|p| key(p) == t)
        && SEPARATORS.iter().any(|s| line.matches(s).count() <= 2 && line.contains(s))
}

/// Words a site's name or a section may have in a browser title.
const SITE_WORDS: usize = 5;

/// The headline candidates of a browser title: each run of its separated parts that is long
/// enough to be a headline (three words at least) when what stands before and after the run is
/// short enough to be a site's name or a section (`Opinion | Headline - The Daily Paper`).
fn parts(title: &str) -> Vec<&str> {
    let mut cuts: Vec<(usize, usize)> =
        SEPARATORS.iter().flat_map(|sep| title.match_indices(sep).map(|(at, s)| (at, at + s.len()))).collect();
    cuts.sort_unstable();
    cuts.dedup_by(|b, a| b.0 < a.1);
    if cuts.is_empty() {
        return Vec::new();
    }
    // Segment k runs from the end of cut k-1 to the start of cut k.
    let starts: Vec<usize> = std::iter::once(0).chain(cuts.iter().map(|c| c.1)).collect();
    let ends: Vec<usize> = cuts.iter().map(|c| c.0).chain(std::iter::once(title.len())).collect();
    let words = |a: usize, b: usize| title.get(a..b).map_or(0, |t| t.split_whitespace().count());
    let mut out = Vec::new();
    for (i, &start) in starts.iter().enumerate() {
        for (j, &end) in ends.iter().enumerate().skip(i) {
            if i == 0 && j == ends.len() - 1 {
                continue;
            }
            let (before, after) = (words(0, start), words(end, title.len()));
            let run = title.get(start..end).unwrap_or("").trim();
            if before <= SITE_WORDS && after <= SITE_WORDS && run.split_whitespace().count() >= 3 {
                out.push(run);
            }
        }
    }
    out
}

/// A headline with a site's name after it (`Headline | The Daily Paper`, `Headline - site.com`):
/// the headline. The tail must look like a name: a few capitalised words or a domain, without
/// the closing punctuation a headline's own second part (`… – Refused Immediately.`) has.
pub fn without_site(title: &str) -> Option<&str> {
    let (head, tail) = SEPARATORS.iter().filter_map(|sep| title.rsplit_once(sep)).min_by_key(|(_, t)| t.len())?;
    let tail_words: Vec<&str> = tail.split_whitespace().collect();
    let named =
        tail_words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_numeric()) || w.contains('.'));
    let closed = tail.trim_end().ends_with(['.', '!', '?', '”', '"', '’']) && !tail.contains(".com");
    ((1..=3).contains(&tail_words.len()) && named && !closed && head.split_whitespace().count() >= 4)
        .then(|| head.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_headline_is_the_part_the_page_repeats() {
        let lines = ["Home", "World", "Ferry strike ends after ten days", "By Jo Pike"];
        let got = repeated_part("Ferry strike ends after ten days | The Island Times", lines.into_iter());
        assert_eq!(got, Some("Ferry strike ends after ten days"));
        let got = repeated_part("World News - Ferry strike ends after ten days", lines.into_iter());
        assert_eq!(got, Some("Ferry strike ends after ten days"));
        // Not repeated: the title stays as it is.
        assert_eq!(repeated_part("Ferry strike ends | Island Times", ["Other text"].into_iter()), None);
        // A headline whose dash is its own is not split: nothing repeats a part of it.
        assert_eq!(repeated_part("Strike ends - and ferries run again", lines.into_iter()), None);
    }

    #[test]
    fn a_scraped_page_with_a_browser_title_and_a_menu_reads_from_its_headline() {
        let page = "Ferry strike ends after ten days | The Island Times\nHome\nNews\nSport\n\
            Ferry strike ends after ten days\nBy Jo Pike\nMarch 3, 2024\n\n\
            The ferry strike that stranded islanders for ten days ended on Sunday, the operator said.\n\n\
            “We are glad it is over,” said Ana Ruiz, a shop owner.\n";
        let a = crate::load::normalize("page.txt", page);
        assert_eq!(a.title, "Ferry strike ends after ten days");
        assert_eq!(a.date, chrono::NaiveDate::from_ymd_opt(2024, 3, 3));
        assert_eq!(a.blocks.len(), 2, "{:?}", a.blocks);
        assert!(a.blocks[0].text.starts_with("The ferry strike"));
        for furniture in ["Ferry strike ends after ten days | The Island Times", "Home", "Sport", "By Jo Pike"] {
            assert!(a.removed.iter().any(|r| r == furniture), "{furniture} not kept in removed: {:?}", a.removed);
        }
        // The browser title after the headline is furniture too.
        let a = crate::load::normalize("b.txt", "Ferry strike ends after ten days\n\nFerry strike ends after ten days - Island Times\n\nThe strike ended on Sunday after the union accepted a new offer.\n");
        assert_eq!(a.blocks.len(), 1, "{:?}", a.blocks);
    }

    #[test]
    fn a_site_name_after_the_headline_is_cut_off() {
        assert_eq!(
            without_site("Harbour ferry fares rise again | The Island Times"),
            Some("Harbour ferry fares rise again")
        );
        assert_eq!(
            without_site("Harbour ferry fares rise again - islandtimes.net"),
            Some("Harbour ferry fares rise again")
        );
        assert_eq!(without_site("Mayor Backs New Ferry – Critics Refused Immediately."), None);
        assert_eq!(without_site("Council pushes ahead - and pays a price"), None);
        assert_eq!(without_site("Ferries - The Facts"), None);
    }

    #[test]
    fn parts_of_a_title_with_a_section_before_and_a_site_after() {
        let lines = ["Menu", "Harbour ferry fares rise again"];
        let got = repeated_part("Opinion | Harbour ferry fares rise again - The Island Times", lines.into_iter());
        assert_eq!(got, Some("Harbour ferry fares rise again"));
    }

    #[test]
    fn a_browser_title_line_is_known_by_its_headline() {
        assert!(is_browser_title_of(
            "Ferry strike ends after ten days – Island Times",
            "Ferry strike ends after ten days"
        ));
        assert!(!is_browser_title_of("Ferry strike ends after ten days", "Ferry strike ends after ten days"));
        assert!(!is_browser_title_of("Talks fail - strike goes on for a long time yet", "Ferry strike ends"));
    }
}
