//! A mutation fuzzer for the whole reading path: bytes → load → normalise → analyse → state →
//! a drawn frame.
//!
//! Random strings rarely reach the paths where real news breaks a reader (a curly quote right
//! before a dash, a letter that changes length in lower case, a paragraph that never ends), so
//! the fuzzer starts from real article text and damages it the way saved pages are damaged:
//! splices of two texts, cuts, and insertions of quote marks of every kind, apostrophes,
//! combining marks, emoji, zero-width and right-to-left marks, CR, tabs, NULs and very long
//! lines. Each input runs under [`guard::catch`](crate::guard::catch); a panic is recorded by
//! its message and location, so the same bug found twice counts once.

use crate::state::{update, Action, State};
use std::collections::BTreeMap;

/// Pieces inserted into the text.
const PIECES: &[&str] = &[
    "‘",
    "’",
    "“",
    "”",
    "«",
    "»",
    "„",
    "‚",
    "'",
    "\"",
    "’s",
    "don’t",
    "e\u{301}",
    "\u{308}",
    "👩‍👩‍👧",
    "🇺🇦",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{202e}",
    "\u{200f}",
    "\u{061c}",
    "שלום",
    "\r",
    "\r\n",
    "\t",
    "\0",
    "\n",
    "\n\n",
    "İ",
    "ǅ",
    "ß",
    "ﬁ",
    "—",
    "–",
    "…",
    " said ",
    ", he said.",
    "“Yes,” said Mr. ",
    "Prime Minister ",
    " according to ",
    ":",
    "Previous Story\n",
    "By Jane Roe\n",
    "\u{a0}",
    "東京",
    "Ⅻ",
];

/// A small, fast, seeded generator (xorshift64*): the same seed gives the same inputs.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            usize::try_from(self.next_u64() % n as u64).unwrap_or(0)
        }
    }
}

/// One damaged input made from the texts of `seeds`.
pub fn mutate(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let pick = |rng: &mut Rng| -> &[u8] { seeds.get(rng.below(seeds.len())).map_or(&[][..], |s| s.as_slice()) };
    let base = pick(rng);
    // A window of the text, so that inputs stay small and many.
    let len = 1 + rng.below(3000);
    let start = rng.below(base.len().saturating_sub(len / 2));
    let mut out = base.get(start..(start + len).min(base.len())).unwrap_or(&[]).to_vec();
    for _ in 0..1 + rng.below(12) {
        let at = rng.below(out.len() + 1);
        match rng.below(10) {
            0 => {
                // Splice in part of another text.
                let other = pick(rng);
                let s = rng.below(other.len());
                let e = (s + rng.below(400)).min(other.len());
                out.splice(at..at, other.get(s..e).unwrap_or(&[]).iter().copied());
            }
            1 => out.truncate(at),
            2 => {
                let e = (at + rng.below(50)).min(out.len());
                out.drain(at..e);
            }
            3 => {
                // A very long line: a run of one character or of a short phrase.
                let piece = PIECES[rng.below(PIECES.len())].as_bytes().to_vec();
                let times = rng.below(2000);
                let run: Vec<u8> = piece.iter().copied().cycle().take(piece.len() * times).collect();
                out.splice(at..at, run);
            }
            4 => {
                // A raw byte, which may break UTF-8.
                let b = u8::try_from(rng.below(256)).unwrap_or(0);
                out.insert(at, b);
            }
            _ => {
                let piece = PIECES[rng.below(PIECES.len())].as_bytes();
                out.splice(at..at, piece.iter().copied());
            }
        }
    }
    out
}

/// Runs one input through everything a user's file goes through, drawn at `w`×`h`.
pub fn run_one(bytes: &[u8], w: u16, h: u16) {
    let name = if bytes.first() == Some(&b'-') { "x.md" } else { "x.txt" };
    let loaded = crate::load::from_bytes(name, bytes);
    let mut s = State::new(loaded);
    update(&mut s, Action::Resize(w, h));
    let actions = [
        Action::Open,
        Action::NextQuote,
        Action::NextSentence,
        Action::ToggleSelection,
        Action::NextSentence,
        Action::PageDown,
        Action::NextBySpeaker,
        Action::Bottom,
        Action::PrevQuote,
    ];
    let Ok(mut t) = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h));
    for a in actions {
        update(&mut s, a);
        let _ = t.draw(|f| crate::view::render(&s, f));
    }
}

/// What a fuzzing run found.
#[derive(Debug, Default)]
pub struct Report {
    pub inputs: u64,
    /// Each distinct panic (message and place), with how often it came and a smallest input.
    pub panics: BTreeMap<String, (u64, Vec<u8>)>,
}

/// Runs `n` inputs made from `seeds` with `seed`.
pub fn run(seeds: &[Vec<u8>], seed: u64, n: u64) -> Report {
    let mut rng = Rng::new(seed);
    let mut report = Report::default();
    for _ in 0..n {
        let input = mutate(&mut rng, seeds);
        let (w, h) = (u16::try_from(1 + rng.below(160)).unwrap_or(80), u16::try_from(1 + rng.below(50)).unwrap_or(24));
        report.inputs += 1;
        if let Err(why) = crate::guard::catch(|| run_one(&input, w, h)) {
            let entry = report.panics.entry(why).or_insert_with(|| (0, input.clone()));
            entry.0 += 1;
            if input.len() < entry.1.len() {
                entry.1 = input;
            }
        }
    }
    report
}

/// The bundled articles' bytes: seeds that are always there.
pub fn bundled_seeds() -> Vec<Vec<u8>> {
    crate::load::bundled()
        .articles
        .iter()
        .map(|a| {
            let mut t = format!("{}\n\n", a.title);
            for b in &a.blocks {
                t.push_str(&b.text);
                t.push_str("\n\n");
            }
            t.into_bytes()
        })
        .collect()
}
