//! A deterministic generator of realistic article files, for benchmarks and load tests.
//!
//! Articles are assembled from the paragraphs of the bundled corpus, with the people in them
//! swapped for names from a pool, dates spread over several years (some articles undated), and
//! page furniture around them, so that the loader and the analysis do the same work on them as
//! on real saved pages. The same `seed` and index always give the same file.

use crate::analysis::{self, EntityKind};
use crate::article::BlockKind;

/// A small, fast, deterministic random source (SplitMix64); quality is ample for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next_u64() % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const GIVEN: &[&str] = &[
    "Anna", "Pedro", "Sofia", "Tomas", "Leila", "Marcus", "Ingrid", "Rahul", "Chloe", "Viktor", "Amara", "Jonas",
    "Elena", "Samuel", "Yuki", "Oliver", "Nadia", "Felix", "Grace", "Ivan",
];
const FAMILY: &[&str] = &[
    "Kowalski",
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Castillo",
    "Hughes",
    "Tanaka",
    "Novak",
    "Haddad",
    "Brennan",
    "Fischer",
    "Mendes",
    "Petrov",
    "Adeyemi",
    "Larsen",
    "Conti",
    "Whitfield",
    "Sato",
    "Dumont",
    "Varga",
];
const SECTIONS: &[&str] = &["World", "Politics", "Business", "Europe", "Analysis"];
use crate::analysis::dates::MONTH_NAMES as MONTHS;
const FURNITURE_TAIL: &[&str] = &["Previous Story", "Next Story", "Related Articles", "Comments"];

/// What the generator draws from: paragraphs and headlines of the bundled corpus, and the
/// people named in them.
pub struct Source {
    paragraphs: Vec<String>,
    headlines: Vec<String>,
    people: Vec<String>,
}

impl Source {
    pub fn bundled() -> Self {
        let mut loaded = crate::load::bundled();
        let analyses = analysis::analyse_all(&loaded.articles, &mut loaded.problems);
        let mut people: Vec<String> = analyses
            .iter()
            .flat_map(|a| a.entities.entities.iter())
            .filter(|e| e.kind == EntityKind::Person && e.name.contains(' '))
            .map(|e| e.name.clone())
            .collect();
        people.sort();
        people.dedup();
        // Longest first, so that a full name is replaced before a part of it.
        people.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let paragraphs = loaded
            .articles
            .iter()
            .flat_map(|a| a.blocks.iter())
            .filter(|b| b.kind == BlockKind::Paragraph && b.text.len() > 80)
            .map(|b| b.text.clone())
            .collect();
        let headlines = loaded.articles.iter().filter(|a| !a.title_derived).map(|a| a.title.clone()).collect();
        Source { paragraphs, headlines, people }
    }

    fn swap_names(&self, text: &str, rng: &mut Rng) -> String {
        let mut out = text.to_string();
        for p in &self.people {
            if out.contains(p.as_str()) {
                let new = format!("{} {}", rng.pick(GIVEN), rng.pick(FAMILY));
                out = out.replace(p.as_str(), &new);
                if let (Some(old_last), Some(new_last)) = (p.rsplit(' ').next(), new.rsplit(' ').next()) {
                    out = out.replace(old_last, new_last);
                }
            }
        }
        out
    }

    /// Article number `i` of a corpus made with `seed`: its file name and text.
    pub fn article(&self, seed: u64, i: usize) -> (String, String) {
        let mut rng = Rng::new(seed ^ (i as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
        let mut t = String::with_capacity(6000);
        if rng.below(4) == 0 {
            let section = rng.pick::<&str>(SECTIONS);
            t.push_str(section);
            t.push('\n');
        }
        let headline = self.swap_names(rng.pick(&self.headlines).as_str(), &mut rng);
        t.push_str(&headline);
        t.push_str("\n\n");
        if rng.below(5) != 0 {
            let (y, m, d) = (2019 + rng.below(7), rng.below(12), 1 + rng.below(28));
            match rng.below(3) {
                0 => t.push_str(&format!("{} {d}, {y}\n", MONTHS[m])),
                1 => t.push_str(&format!("Published: {d} {} {y}\n", MONTHS[m].get(..3).unwrap_or(MONTHS[m]))),
                _ => t.push_str(&format!("{y}-{:02}-{d:02}\n", m + 1)),
            }
        }
        if rng.below(3) == 0 {
            t.push_str(&format!("{} mins read\n", 2 + rng.below(8)));
        }
        t.push('\n');
        let n = 6 + rng.below(12);
        for _ in 0..n {
            let p = self.swap_names(rng.pick(&self.paragraphs).as_str(), &mut rng);
            t.push_str(&p);
            t.push_str("\n\n");
        }
        if rng.below(2) == 0 {
            for _ in 0..1 + rng.below(3) {
                let label = rng.pick::<&str>(FURNITURE_TAIL);
                t.push_str(label);
                t.push_str("\n\n");
                let teaser = self.swap_names(rng.pick(&self.headlines).as_str(), &mut rng);
                t.push_str(&teaser);
                t.push_str("\n\n");
            }
        }
        (format!("{i:06}.txt"), t)
    }
}

/// Units that, repeated, make text meant to find costs that grow faster than the text: one
/// endless line, nothing but quote marks, nothing but capitalised words, one endless quotation.
pub const ADVERSARIAL: &[(&str, &str)] = &[
    ("one long line", "“We will win,” said Jane Roe, who leads the party; "),
    ("quote marks", "“”‘’\"'«»„‚ "),
    ("capitalised words", "Prime Minister Jane Roe Of The United Nations Said "),
    ("an unclosed quotation", "“and they said that the plan would work, "),
    ("short paragraphs", "“Yes,” he said.\n\n"),
];

/// `unit` repeated up to `bytes` bytes (cut at a character boundary).
pub fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut s = unit.repeat(bytes / unit.len().max(1) + 1);
    let cut = crate::text::floor(&s, bytes);
    s.truncate(cut);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_articles() {
        let s = Source::bundled();
        assert_eq!(s.article(7, 3), s.article(7, 3));
        assert_ne!(s.article(7, 3).1, s.article(7, 4).1);
    }

    #[test]
    fn generated_articles_load_cleanly_with_new_names() {
        let s = Source::bundled();
        let mut dated = 0;
        for i in 0..50 {
            let (name, text) = s.article(1, i);
            let a = crate::load::normalize(&name, &text);
            assert!(a.blocks.len() >= 6, "{name}");
            assert!(!a.blocks.iter().any(|b| b.text == "Previous Story"), "furniture removed");
            dated += usize::from(a.date.is_some());
            for p in &s.people {
                assert!(!text.contains(p.as_str()), "{p} was swapped out");
            }
        }
        assert!((25..50).contains(&dated), "{dated} of 50 dated");
    }
}
