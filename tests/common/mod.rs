//! What the tests that compare byline's reading with a gold reading share.

/// Folds typography (curly and straight quotes, dashes, spaces) as the gold files' scorer does,
/// and nothing else.
pub fn fold(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '“' | '”' | '„' | '″' => '"',
            '‘' | '’' | '‚' | '′' => '\'',
            '–' | '—' => '-',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect();
    mapped.replace('…', "...").split_whitespace().collect::<Vec<_>>().join(" ")
}
