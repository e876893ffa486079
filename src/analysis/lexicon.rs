//! The word lists the analysis leans on, shipped in `assets/lexicon/` and embedded at build time.
//!
//! They are general knowledge about English news prose (honorifics, offices, speech verbs,
//! places, organisations, given names), never facts about particular articles. Multi-word
//! entries are matched with Aho-Corasick so a run of capitalised words can be checked against
//! hundreds of places and bodies in one pass.

use crate::text::lexicon::{entries, sections};
use crate::text::slice;
use crate::text::words::strip_possessive;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
// FxHash: the keys are short words, and SipHash's resistance to crafted keys buys nothing here.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Gender {
    Male,
    Female,
}

fn gender(code: &str) -> Option<Gender> {
    match code.trim() {
        "m" => Some(Gender::Male),
        "f" => Some(Gender::Female),
        _ => None,
    }
}

pub struct Lexicon {
    /// Lower case, without a full stop.
    honorifics: HashMap<String, Option<Gender>>,
    /// Lower-case titles and roles, one or more words.
    titles: HashMap<String, Option<Gender>>,
    /// The longest title in words, to bound look-ups.
    pub max_title_words: usize,
    speech: HashSet<String>,
    speaker_nouns: HashSet<String>,
    /// Speaker nouns that name a text (`report`, `lawsuit`): a voice only with an article.
    text_nouns: HashSet<String>,
    claim_nouns: HashSet<String>,
    places: HashSet<String>,
    /// Other names of a place or body to the one shown (`U.S.` → `US`).
    canonical: HashMap<String, String>,
    demonyms: HashSet<String>,
    /// Adjectives made from one-word places: a stem of the name (the whole name or up to three
    /// letters shorter, at least four long) and an ending (`Russia` → `Russian`).
    derived_demonyms: HashSet<String>,
    /// Last words that make a name a place's (`Fairfax County`, `Jarvis Street`).
    place_suffixes: HashSet<String>,
    place_prefixes: HashSet<String>,
    /// First words of titles, for a cheap test before the full look-up.
    title_starts: HashSet<String>,
    orgs: HashSet<String>,
    org_suffixes: HashSet<String>,
    /// `None` when a name is common for both.
    first_names: HashMap<String, Option<Gender>>,
    /// Words the treebank writes in lower case (`sometimes`, `asked`): capitalised, they only
    /// open a sentence.
    /// With the part of speech they have most often there (`sometimes` → `ADV`).
    ordinary: HashMap<String, String>,
    surnames: HashSet<String>,
    /// Finds places and organisations inside a longer run of capitalised words.
    known: AhoCorasick,
    known_kinds: Vec<KnownKind>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KnownKind {
    Place,
    Org,
}

/// Every name of a `[section]` whose lines may give several names for one thing
/// (`US = United States = U.S.`), recording each name's first form in `canonical`.
fn names_with_aliases(lines: Option<&Vec<&str>>, canonical: &mut HashMap<String, String>) -> HashSet<String> {
    let mut out = HashSet::default();
    for line in lines.into_iter().flatten() {
        let names: Vec<&str> = line.split(" = ").map(str::trim).collect();
        for n in &names {
            out.insert(n.to_string());
            if *n != names[0] {
                canonical.insert(n.to_string(), names[0].to_string());
            }
        }
    }
    out
}

fn derive_demonyms(places: &HashSet<String>) -> HashSet<String> {
    let mut out = HashSet::default();
    for p in places.iter().filter(|p| !p.contains(' ') && !p.contains('.')) {
        let chars: Vec<char> = p.chars().collect();
        for cut in 0..=3 {
            let Some(len) = chars.len().checked_sub(cut).filter(|&l| l >= 4) else { continue };
            let stem: String = chars[..len].iter().collect();
            for ending in ["ian", "an", "n", "ish", "ese", "i"] {
                out.insert(format!("{stem}{ending}"));
            }
        }
    }
    out
}

pub use crate::text::words::with_lower;

impl Lexicon {
    fn load() -> Self {
        let honorifics = entries(include_str!("../../assets/lexicon/honorifics.txt"))
            .map(|l| {
                let (w, g) = l.split_once('\t').unwrap_or((l, "-"));
                (w.trim().to_lowercase(), gender(g))
            })
            .collect();
        let titles: HashMap<String, Option<Gender>> = entries(include_str!("../../assets/lexicon/titles.txt"))
            .map(|l| {
                let (w, g) = l.split_once('\t').unwrap_or((l, "-"));
                (w.trim().to_lowercase(), gender(g))
            })
            .collect();
        let title_starts = titles.keys().filter_map(|t| t.split_whitespace().next()).map(str::to_string).collect();
        let max_title_words = titles.keys().map(|t| t.split_whitespace().count()).max().unwrap_or(1);
        let speech = entries(include_str!("../../assets/lexicon/speech_verbs.txt"))
            .flat_map(|l| l.split_whitespace())
            .map(str::to_lowercase)
            .collect();
        let speaker_lists = sections(include_str!("../../assets/lexicon/speaker_nouns.txt"));
        let listed = |name: &str| speaker_lists.get(name).into_iter().flatten().map(|w| w.to_lowercase());
        let speaker_nouns = listed("").chain(listed("texts")).collect();
        let text_nouns = listed("texts").collect();
        let claim_nouns = listed("claims").collect();
        let place_sections = sections(include_str!("../../assets/lexicon/places.txt"));
        let mut canonical = HashMap::default();
        let places = names_with_aliases(place_sections.get("place"), &mut canonical);
        let demonyms = place_sections.get("demonym").into_iter().flatten().map(|s| s.to_string()).collect();
        let org_sections = sections(include_str!("../../assets/lexicon/organizations.txt"));
        let derived_demonyms = derive_demonyms(&places);
        let orgs = names_with_aliases(org_sections.get("name"), &mut canonical);
        let org_suffixes = org_sections.get("suffix").into_iter().flatten().map(|s| s.to_string()).collect();
        let place_suffixes = place_sections.get("suffix").into_iter().flatten().map(|s| s.to_string()).collect();
        let place_prefixes = place_sections.get("prefix").into_iter().flatten().map(|s| s.to_string()).collect();
        let mut first_names: HashMap<String, Option<Gender>> = HashMap::default();
        for (section, names) in sections(include_str!("../../assets/lexicon/first_names.txt")) {
            let g = gender(section);
            for name in names.iter().flat_map(|l| l.split_whitespace()) {
                first_names
                    .entry(name.to_string())
                    .and_modify(|old| {
                        if *old != g {
                            *old = None;
                        }
                    })
                    .or_insert(g);
            }
        }
        let ordinary: HashMap<String, String> = entries(include_str!("../../assets/lexicon/ordinary_words.txt"))
            .filter_map(|l| l.split_once(' '))
            .map(|(w, tag)| (w.to_string(), tag.to_string()))
            .collect();
        let surnames = entries(include_str!("../../assets/lexicon/surnames.txt"))
            .flat_map(str::split_whitespace)
            .filter(|w| !ordinary.contains_key(&w.to_lowercase()))
            .map(str::to_string)
            .collect();
        let mut patterns: Vec<&str> = Vec::new();
        let mut known_kinds = Vec::new();
        for p in &places {
            patterns.push(p);
            known_kinds.push(KnownKind::Place);
        }
        for o in &orgs {
            patterns.push(o);
            known_kinds.push(KnownKind::Org);
        }
        let known = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("lexicon patterns build an automaton");
        Lexicon {
            honorifics,
            titles,
            max_title_words,
            speech,
            speaker_nouns,
            text_nouns,
            claim_nouns,
            places,
            canonical,
            demonyms,
            derived_demonyms,
            place_suffixes,
            place_prefixes,
            title_starts,
            orgs,
            org_suffixes,
            first_names,
            ordinary,
            surnames,
            known,
            known_kinds,
        }
    }

    /// `Some(gender)` when `word` is an honorific (`Mr`, `Dame`, `Dr.`).
    pub fn honorific(&self, word: &str) -> Option<Option<Gender>> {
        self.honorifics.get(&word.trim_end_matches('.').to_lowercase()).copied()
    }

    /// `Some(gender)` when the words form a title or role (`prime minister`, `spokeswoman`).
    pub fn title(&self, words: &[&str]) -> Option<Option<Gender>> {
        let first = words.first()?.trim_end_matches('.');
        if !with_lower(first, |w| self.title_starts.contains(w)) {
            return None;
        }
        let key = words.iter().map(|w| w.trim_end_matches('.').to_lowercase()).collect::<Vec<_>>().join(" ");
        self.titles.get(&key).copied()
    }

    pub fn is_speech_verb(&self, word: &str) -> bool {
        with_lower(word, |w| self.speech.contains(w))
    }

    pub fn is_text_noun(&self, word: &str) -> bool {
        with_lower(word, |w| self.text_nouns.contains(w))
    }

    /// A noun for something said (`claim`, `remarks`).
    pub fn is_claim_noun(&self, word: &str) -> bool {
        with_lower(word, |w| self.claim_nouns.contains(w))
    }

    pub fn is_speaker_noun(&self, word: &str) -> bool {
        with_lower(word, |w| self.speaker_nouns.contains(w))
    }

    pub fn is_place(&self, name: &str) -> bool {
        self.places.contains(name)
    }

    /// A listed place, or a name of two words or more ending in a word such as `County` or
    /// `Street`, or starting with one such as `Fort` or `Mount`: `Jarvis Street` is a place even
    /// though `Jarvis` is a given name.
    pub fn is_place_name(&self, name: &str) -> bool {
        self.is_place(name)
            || name.rsplit_once(' ').is_some_and(|(_, last)| self.place_suffixes.contains(strip_possessive(last)))
            || name.split_once(' ').is_some_and(|(first, _)| self.place_prefixes.contains(first))
    }

    /// An adjective of nationality or region (`Russian`, `European`, `French`): listed, or a
    /// place's name with its ending changed.
    pub fn is_demonym(&self, word: &str) -> bool {
        if self.demonyms.contains(word) {
            return true;
        }
        self.derived_demonyms.contains(word) && !self.places.contains(word)
    }

    /// A known body, or a name ending in a kind of body (`Foreign Office`) or starting with one
    /// followed by `of`/`for` (`Ministry of Defence`).
    pub fn is_org(&self, name: &str) -> bool {
        let words: Vec<&str> = name.split_whitespace().collect();
        self.orgs.contains(name)
            || (words.len() > 1 && words.last().is_some_and(|w| self.org_suffixes.contains(*w)))
            || (words.len() > 2 && self.org_suffixes.contains(words[0]) && matches!(words[1], "of" | "for"))
    }

    /// The name a place or body is shown by.
    pub fn canonical<'a>(&'a self, name: &'a str) -> &'a str {
        self.canonical.get(name).map_or(name, String::as_str)
    }

    pub fn is_org_suffix(&self, word: &str) -> bool {
        self.org_suffixes.contains(word)
    }

    pub fn first_name(&self, word: &str) -> Option<Option<Gender>> {
        self.first_names.get(word).copied()
    }

    /// An ordinary English word (any case) that is not also a given name: capitalised, it is
    /// a name only where the text shows it is one.
    /// A common family name that is no ordinary word (`Patel`, `Nguyen`; not `Brown`).
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }

    pub fn is_ordinary(&self, word: &str) -> bool {
        with_lower(word, |w| self.ordinary.contains_key(w)) && !self.first_names.contains_key(word)
    }

    /// The part of speech an ordinary word usually has in lower case (`ADJ` for `democratic`).
    pub fn usual_tag(&self, word: &str) -> Option<&str> {
        with_lower(word, |w| self.ordinary.get(w).map(String::as_str))
    }

    /// An ordinary word that is not a noun or an adjective (`Sometimes`, `Asked`, `Among`,
    /// `It`): capitalised before a name it opens the sentence, it does not begin the name, as
    /// `New` in `New Hampshire` or `White` in `White House` may.
    pub fn opens_before_names(&self, word: &str) -> bool {
        let tag = with_lower(word, |w| self.ordinary.get(w).map(String::as_str).unwrap_or(""));
        matches!(tag, "ADV" | "VERB" | "ADP" | "SCONJ" | "CCONJ" | "PRON" | "AUX" | "DET" | "PART" | "INTJ")
            && !self.first_names.contains_key(word)
    }

    /// The length of the known place or body `text` opens with, as whole words, if any
    /// (`New Hampshire` in `New Hampshire voters`).
    pub fn known_prefix(&self, text: &str) -> Option<usize> {
        let m = self.known.find(text).filter(|m| m.start() == 0)?;
        (!slice::after(text, m.end()).starts_with(char::is_alphanumeric)).then_some(m.end())
    }

    /// Places and organisations named inside `text`, as whole words: byte range and kind.
    pub fn known_in(&self, text: &str) -> Vec<(std::ops::Range<usize>, KnownKind)> {
        self.known
            .find_iter(text)
            .filter(|m| {
                let before = slice::before(text, m.start()).chars().next_back();
                let after = slice::after(text, m.end()).chars().next();
                !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
            })
            .map(|m| (m.range(), self.known_kinds[m.pattern().as_usize()]))
            .collect()
    }
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

#[cfg(test)]
#[allow(clippy::string_slice)] // a wrong offset in a test should fail it loudly
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_answer() {
        let lx = &*LEXICON;
        assert_eq!(lx.honorific("Mr."), Some(Some(Gender::Male)));
        assert_eq!(lx.honorific("Dame"), Some(Some(Gender::Female)));
        assert_eq!(lx.title(&["Prime", "Minister"]), Some(None));
        assert_eq!(lx.title(&["spokeswoman"]), Some(Some(Gender::Female)));
        assert!(lx.is_speech_verb("Said"));
        assert!(lx.is_place("Kyiv"));
        assert!(lx.is_org("NATO"));
        assert!(lx.is_org("Ministry of Defence") || lx.is_org("Foreign Ministry"));
        assert!(!lx.is_org("Ministry"));
        assert_eq!(lx.first_name("Ursula"), Some(Some(Gender::Female)));
        assert_eq!(lx.first_name("Andrea"), Some(None), "given to both");
        assert_eq!(lx.first_name("Jan"), Some(None), "given to both");
        assert!(lx.is_place("Calgary") && lx.is_place("Houston"));
        for d in ["Russian", "Ukrainian", "European", "British", "Canadian", "French"] {
            assert!(lx.is_demonym(d), "{d}");
        }
        assert_eq!(lx.canonical("U.S."), "US");
        assert_eq!(lx.canonical("Number 10"), "Downing Street");
        assert_eq!(lx.canonical("Kyiv"), "Kyiv");
        for w in ["Russia", "Smith", "Belfast", "Acme", "London", "Berlin"] {
            assert!(!lx.is_demonym(w), "{w}");
        }
    }

    #[test]
    fn known_names_are_found_as_whole_words() {
        let found = LEXICON.known_in("the Black Sea and Kyiv, not Kyivstar");
        let names: Vec<_> =
            found.iter().map(|(r, k)| (&"the Black Sea and Kyiv, not Kyivstar"[r.clone()], *k)).collect();
        assert_eq!(names, [("Black Sea", KnownKind::Place), ("Kyiv", KnownKind::Place)]);
    }
}
