//! Amounts of money and relative dates, found by pattern rather than by capitals.

use super::names::Raw;
use super::EntityKind;
use regex::Regex;
use std::sync::LazyLock;

pub(super) static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:[£$€¥]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:bn|billion|mn|million|m|k|trillion|tn|thousand)(?-u:\b))?
          |(?-u:\b)\d[\d,]*(?:\.\d+)?\s?(?:billion|million|trillion|bn|m)?\s(?:euros?|dollars|pounds|yen|roubles|rubles|francs)(?-u:\b))
        (?:\s\([£$€¥]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:bn|billion|mn|million|m|k|trillion|tn))?\))?",
    )
    .expect("money pattern")
});

pub(super) static RELATIVE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?-u:\b)(?:
            (?:this|last|next)\ (?:week|month|year|weekend|morning|afternoon|evening)
            |today|yesterday|tomorrow|tonight
            |(?:(?:last|next|on)\ )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)
            |(?:\d{1,2}(?:st|nd|rd|th)?\ )?(?:January|February|March|April|May|June|July|August|September|October|November|December)
                (?:\ \d{1,2}(?:st|nd|rd|th)?)?(?:,?\ \d{4})?
        )(?-u:\b)",
    )
    .expect("date pattern")
});

pub(super) fn scan_patterns(block: usize, text: &str, out: &mut Vec<Raw>) {
    for (re, kind) in [(&*MONEY, EntityKind::Money), (&*RELATIVE_DATE, EntityKind::Date)] {
        for m in re.find_iter(text) {
            let name = m.as_str().strip_prefix("on ").unwrap_or(m.as_str()).to_string();
            out.push(Raw::known(block, m.range(), name, kind));
        }
    }
}
