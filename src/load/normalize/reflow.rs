//! Lines to paragraphs: hard-wrapped lines joined, bullets made list items, short title lines
//! made headings.

use super::lines::*;
use crate::article::BlockKind;
use crate::load::furniture::ends_sentence;
use crate::text::lexicon::WORDS;
use crate::text::slice;

/// Could be a section heading inside the article: shorter than a headline.
pub(super) fn heading_shaped(s: &str) -> bool {
    let n = word_count(s);
    // A long line with a clause break is a standfirst, not a heading.
    if n >= 8 && s.contains(", ") {
        return false;
    }
    // A quoted question (`“Why now?”`) or two sentences (`… he pressed. “Maybe …`) is prose.
    // Looked at last, on lines already short enough to be headings.
    let quoted_question = || s.ends_with(['”', '"']) && s.trim_end_matches(['”', '"']).ends_with(['?', '!']);
    let two_sentences = || {
        s.char_indices().any(|(i, c)| {
            matches!(c, '.' | '?' | '!')
                && slice::before(s, i).chars().next_back().is_some_and(char::is_lowercase)
                && slice::after(s, i + 1).starts_with(' ')
                && slice::after(s, i + 1).trim_start().starts_with(|n: char| n.is_uppercase() || matches!(n, '“' | '"'))
        })
    };
    (1..=14).contains(&n)
        && s.chars().count() <= 120
        && !ends_clause(s)
        && starts_upper(s)
        && !WORDS.function_words.contains(&last_word(s).as_str())
        && !quoted_question()
        && !two_sentences()
}

/// Widths of a hard-wrapped file: `Some(width)` when most lines that continue into another line
/// stop near one right margin, as text wrapped at 72 or 80 columns does.
pub(super) fn wrap_width(lines: &[Line]) -> Option<usize> {
    let widths: Vec<usize> = lines
        .windows(2)
        .filter(|w| w[0].kind == Kind::Text && w[1].kind == Kind::Text)
        .map(|w| w[0].text.chars().count())
        .collect();
    let max = *widths.iter().max()?;
    if widths.len() < 3 || max > 120 {
        return None;
    }
    let near = widths.iter().filter(|&&w| w * 4 >= max * 3).count();
    (near * 10 >= widths.len() * 7).then_some(max)
}

/// Whether `next` continues the paragraph whose last line is `prev`.
pub(super) fn continues(prev: &str, next: &str, wrap: Option<usize>) -> bool {
    // `“…a lasting peace,”` / `Smith told reporters.`: a quotation and its attribution.
    let p = prev.trim_end();
    if p.ends_with(",”") || p.ends_with(",\"") || p.ends_with(",’") {
        return true;
    }
    if starts_lower(next) {
        return true;
    }
    if ends_sentence(p) || p.ends_with([':', ';']) {
        return wrap.is_some_and(|w| p.chars().count() * 5 >= w * 4);
    }
    if WORDS.function_words.contains(&last_word(p).as_str()) || p.ends_with([',', '–', '—', '-']) {
        return true;
    }
    !heading_shaped(p)
}

pub(super) struct Draft {
    pub(super) kind: BlockKind,
    pub(super) text: String,
    pub(super) lines: usize,
    /// Whether the author marked it a heading (Markdown), so no shape test applies.
    pub(super) stated: bool,
}

pub(super) fn reflow(lines: &[Line], body: usize, markdown: bool) -> Vec<Draft> {
    let wrap = wrap_width(&lines[body..]);
    let mut out: Vec<Draft> = Vec::new();
    let mut open = false;
    let mut last_line = String::new();
    // Whether something was taken out since the last line kept (a byline, a widget).
    let mut gap = false;
    for l in &lines[body..] {
        match l.kind {
            Kind::Gone => gap = true,
            Kind::Blank => {
                // A blank between a quotation and its attribution does not end the paragraph.
                let t = last_line.trim_end();
                open = open && (t.ends_with(",”") || t.ends_with(",\""));
            }
            Kind::Heading => {
                out.push(Draft { kind: BlockKind::Heading, text: l.text.clone(), lines: 1, stated: true });
                open = false;
            }
            Kind::Bullet => {
                out.push(Draft { kind: BlockKind::ListItem, text: l.text.clone(), lines: 1, stated: false });
                open = true;
                last_line = l.text.clone();
            }
            Kind::Text => {
                let join = open
                    && out.last().is_some()
                    && (markdown || continues(&last_line, &l.text, wrap))
                    // A capitalised line after a bullet starts a new paragraph.
                    && (starts_lower(&l.text)
                        || !out.last().is_some_and(|d| d.kind == BlockKind::ListItem))
                    // Across a removed line, only a sentence cut mid-way goes on.
                    && (!gap || starts_lower(&l.text) || cut_mid_clause(&last_line));
                match out.last_mut() {
                    Some(d) if join => {
                        d.text.push(' ');
                        d.text.push_str(&l.text);
                        d.lines += 1;
                    }
                    _ => out.push(Draft { kind: BlockKind::Paragraph, text: l.text.clone(), lines: 1, stated: false }),
                }
                open = true;
                gap = false;
                last_line = l.text.clone();
            }
        }
    }
    out
}

/// A line that stops inside a clause: on a connecting word, a comma or a dash.
pub(super) fn cut_mid_clause(line: &str) -> bool {
    let t = line.trim_end();
    WORDS.function_words.contains(&last_word(t).as_str()) || t.ends_with([',', '–', '—', '-'])
}

pub(super) fn mark_headings(drafts: &mut [Draft]) {
    for i in 0..drafts.len() {
        let next_is_text = drafts.get(i + 1).is_some_and(|d| d.kind != BlockKind::Heading || d.stated);
        let after_lead_in = i > 0 && drafts[i - 1].text.ends_with(':');
        let d = &mut drafts[i];
        if d.kind == BlockKind::Paragraph && d.lines == 1 && next_is_text && !after_lead_in && heading_shaped(&d.text) {
            d.kind = BlockKind::Heading;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::article::BlockKind;
    use crate::load::normalize;
    use crate::load::normalize::texts;

    #[test]
    fn hard_wrapped_line_joins_its_paragraph() {
        let a =
            normalize("a.txt", "Headline here\nThe move comes as the president faces\ndwindling support at home.\n");
        assert_eq!(a.title, "Headline here");
        assert_eq!(
            texts(&a),
            vec![(BlockKind::Paragraph, "The move comes as the president faces dwindling support at home.")]
        );
    }

    #[test]
    fn quotation_ending_in_comma_joins_its_attribution() {
        let a = normalize(
            "a.txt",
            "A headline for this\n“We will act,”\nthe minister said. “Soon.”\nAnother paragraph follows here.\n",
        );
        assert_eq!(a.blocks[0].text, "“We will act,” the minister said. “Soon.”");
        assert_eq!(a.blocks.len(), 2);
    }

    #[test]
    fn column_wrapped_text_with_blank_line_paragraphs() {
        let raw = "A wrapped story\n\nThe first paragraph of this story is wrapped at a fixed\n\
                   width by the tool that saved it. Every line stops near the\n\
                   same margin. A sentence may even end at the margin.\n\
                   And the paragraph goes on after it for one more line.\n\n\
                   The second paragraph is short.\n";
        let a = normalize("a.txt", raw);
        assert_eq!(a.blocks.len(), 2, "{:#?}", a.blocks);
        assert!(a.blocks[0].text.ends_with("for one more line."));
    }

    #[test]
    fn bullets_become_list_items() {
        let a =
            normalize("a.txt", "Title of story\nIntro sentence here.\n• First point\n- Second point\n* Third point\n");
        let kinds: Vec<_> = a.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(kinds, [BlockKind::Paragraph, BlockKind::ListItem, BlockKind::ListItem, BlockKind::ListItem]);
    }

    #[test]
    fn numbered_items_keep_their_numbers() {
        let a = normalize("a.txt", "Title of story\nIntro sentence here.\n1. First point\n2) Second point\n");
        let items: Vec<(BlockKind, &str)> = a.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(items[1..], [(BlockKind::ListItem, "1. First point"), (BlockKind::ListItem, "2) Second point")]);
    }

    #[test]
    fn short_title_lines_between_paragraphs_are_headings() {
        let a = normalize(
            "a.txt",
            "Big story today\nFirst paragraph of the story.\nA coalition takes shape\nSecond paragraph of the story.\n",
        );
        assert_eq!(a.blocks[1].kind, BlockKind::Heading);
    }

    #[test]
    fn a_short_line_of_quoted_speech_is_not_a_heading() {
        for line in ["“Would it work?” Roe pressed. “Maybe?”", "“Why now?”", "Roe left. Then he came back"]
        {
            let a = normalize(
                "a.txt",
                &format!("Big story today\n\nFirst paragraph of the story.\n\n{line}\n\nMore of it.\n"),
            );
            assert!(a.blocks.iter().all(|b| b.kind != BlockKind::Heading), "{line}: {:?}", a.blocks);
        }
    }

    #[test]
    fn line_ending_in_a_preposition_is_a_wrap_not_a_heading() {
        let a = normalize(
            "a.txt",
            "Big story today\nFirst paragraph.\nThe urgency of the summit was underscored by\nMoreau’s clash with Dumont.\n",
        );
        assert_eq!(a.blocks[1].text, "The urgency of the summit was underscored by Moreau’s clash with Dumont.");
    }
}
