//! The end of an article: a closing label (`Previous Story`, `Comments`) and everything after it,
//! widgets in the middle of the story, and a trailing list of other stories' headlines.

use super::lines::*;
use crate::load::furniture::{self, ends_sentence, is_end_marker, is_furniture_line};

/// Lines of article prose after a widget label that show the article goes on past it.
pub(super) const PROSE_AFTER_WIDGET: usize = 2;
/// Words in a paragraph longer than any teaser's blurb.
const LONG_PARAGRAPH_WORDS: usize = 40;
/// Words in a headline of another story, bulleted or not.
const TEASER_BULLET_WORDS: usize = 25;
/// Words in a line of article prose, for that count.
pub(super) const PROSE_WORDS: usize = 12;

/// A line that reads as the article's own prose: a finished sentence of some length that is no
/// furniture.
pub(super) fn is_prose(l: &Line) -> bool {
    l.kind == Kind::Text
        && ends_sentence(&l.text)
        && word_count(&l.text) >= PROSE_WORDS
        && !is_furniture_line(&l.text)
        && !is_end_marker(&l.text)
}

/// Marks the end of the article and everything after it as furniture. A widget label with the
/// article's prose after it (`Related: …`, `Read more` in the middle of a story) is removed
/// alone, with the teaser lines right after it; only a label with no article after it, or a
/// closing label such as `Comments`, ends the article.
pub(super) fn cut_end(lines: &mut [Line], body: usize, removed: &mut Removed) {
    let mut prose_seen = false;
    let mut end = None;
    let mut j = body;
    while j < lines.len() {
        let l = &lines[j];
        if l.kind != Kind::Text {
            j += 1;
            continue;
        }
        let marker = if prose_seen { furniture::end_marker(&l.text) } else { None };
        match marker {
            Some(furniture::End::Closing) => {
                end = Some(j);
                break;
            }
            Some(furniture::End::Widget) => {
                // The article goes on past the widget: two paragraphs of prose, or one too long for
                // a teaser's blurb.
                let prose: Vec<&Line> =
                    lines[j + 1..].iter().filter(|l| is_prose(l)).take(PROSE_AFTER_WIDGET).collect();
                let goes_on = prose.len() == PROSE_AFTER_WIDGET
                    || prose.first().is_some_and(|l| word_count(&l.text) > LONG_PARAGRAPH_WORDS);
                if !goes_on {
                    end = Some(j);
                    break;
                }
                j = take_widget(lines, j, removed);
                continue;
            }
            None => {}
        }
        if ends_sentence(&l.text) && word_count(&l.text) >= 8 {
            prose_seen = true;
        }
        j += 1;
    }
    if let Some(end) = end {
        for j in end..lines.len() {
            removed.take(lines, j);
        }
    }
    cut_teaser_tail(lines, body, removed);
    cut_republication_note(lines, body, removed);
}

/// Words in a note about where the article first ran; longer, it is the story's own prose.
const NOTE_WORDS: usize = 45;

/// `This report by … was first published by …`, `A version of this story appeared in …`: a
/// closing note about the article itself, not part of it. Only the last line is looked at, since
/// `This report, published on Monday, found …` may open a paragraph of the story.
fn cut_republication_note(lines: &mut [Line], body: usize, removed: &mut Removed) {
    let Some(j) = (body..lines.len()).rev().find(|&j| lines[j].kind != Kind::Blank && lines[j].kind != Kind::Gone)
    else {
        return;
    };
    let ws = furniture::words(&lines[j].text);
    let about_itself = ws.windows(2).take(4).any(|w| {
        w[0] == "this" && matches!(w[1].as_str(), "article" | "story" | "report" | "piece" | "post" | "column")
    });
    let where_it_ran = ws.iter().any(|w| matches!(w.as_str(), "published" | "appeared" | "republished"));
    if lines[j].kind == Kind::Text && about_itself && where_it_ran && ws.len() <= NOTE_WORDS {
        removed.take(lines, j);
    }
}

/// Removes the widget label at `j` and its teasers (short unfinished lines, bulleted headlines)
/// up to the next prose; returns where the article goes on.
pub(super) fn take_widget(lines: &mut [Line], mut j: usize, removed: &mut Removed) -> usize {
    removed.take(lines, j);
    j += 1;
    while j < lines.len() && lines[j].kind != Kind::Heading && !is_prose(&lines[j]) {
        let t = &lines[j];
        let teaser = match t.kind {
            Kind::Text => !ends_sentence(&t.text) && word_count(&t.text) <= PROSE_WORDS,
            // A list of other stories' headlines under `Most Popular`.
            Kind::Bullet => word_count(&t.text) <= TEASER_BULLET_WORDS,
            _ => true,
        };
        if !teaser {
            break;
        }
        if matches!(t.kind, Kind::Text | Kind::Bullet) {
            removed.take(lines, j);
        }
        j += 1;
    }
    j
}

/// After the last finished sentence, a run of headline-shaped lines and cut-off snippets is a
/// list of other stories, not the article.
pub(super) fn cut_teaser_tail(lines: &mut [Line], body: usize, removed: &mut Removed) {
    let mut tail = Vec::new();
    let mut stories = 0;
    for j in (body..lines.len()).rev() {
        let l = &lines[j];
        match l.kind {
            Kind::Blank | Kind::Gone => continue,
            Kind::Bullet | Kind::Heading => break,
            Kind::Text => {
                if is_furniture_line(&l.text) {
                    tail.push(j);
                } else if ends_sentence(&l.text) || l.text.ends_with(':') || word_count(&l.text) > TEASER_BULLET_WORDS {
                    // A long line is the story's own, even when a wire credit (`… into the US. PTI`)
                    // leaves it without a full stop.
                    break;
                } else {
                    stories += 1;
                    tail.push(j);
                }
            }
        }
    }
    // A single unfinished line may be the article's own last paragraph, cut short by the save.
    let remove_all = stories >= 2 || stories == 0;
    for j in tail {
        if remove_all || is_furniture_line(&lines[j].text) {
            removed.take(lines, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::load::normalize;

    #[test]
    fn a_last_paragraph_ending_in_a_wire_credit_is_kept() {
        let a = normalize(
            "a.txt",
            "Ferry crews end their strike\n\nFerry crews returned to work on Monday after a week-long strike over pay and rotas.\n\n\
             On Friday more than two hundred crew members had voted to accept a new offer from the operator, which \
             includes a rise of six percent and fewer night shifts for older staff. NPA\n\n\
             Download Free Themes Today\n\nBest Phone Deals Of The Week\n",
        );
        assert!(a.blocks.last().is_some_and(|b| b.text.ends_with("older staff. NPA")), "{:#?}", a.blocks);
        assert!(a.removed.contains(&"Best Phone Deals Of The Week".to_string()));
    }

    #[test]
    fn one_long_paragraph_after_a_related_widget_is_the_article() {
        let a = normalize(
            "a.txt",
            "Crews could sleep through the trip to Mars\n\n\
             Scientists say putting astronauts into a deep sleep for months would save food, water and space on board.\n\n\
             Related Links\n\nSpace Agency website\n\n\
             Challenges include building a craft that runs itself while the crew sleeps, and waking them safely at the end \
             of a journey that could last half a year, with doctors on the ground watching every heartbeat and every breath the sleeping crew takes on the way.\n\n\
             Report Error\n",
        );
        assert!(a.blocks.last().is_some_and(|b| b.text.starts_with("Challenges include")), "{:#?}", a.blocks);
        assert!(a.removed.contains(&"Space Agency website".to_string()));
    }

    #[test]
    fn everything_after_an_end_label_is_removed_and_kept() {
        let a = normalize(
            "a.txt",
            "Headline of the story\n\nThe story has one paragraph of real prose in it.\n\nRelated stories\n\nSomething else happened\n\nComments\n",
        );
        assert_eq!(a.blocks.len(), 1);
        assert_eq!(a.removed, vec!["Related stories", "Something else happened", "Comments"]);
    }

    #[test]
    fn teaser_tail_without_a_label_is_removed() {
        let a = normalize(
            "a.txt",
            "Headline of the story\n\nThe story has one paragraph of real prose in it.\n\nArab world blasts annexation bid\n\nArab nations unite to denounce the bills, citing law, as a broad coalition of\n\nPlans for expansion accelerate\n",
        );
        assert_eq!(a.blocks.len(), 1, "{:#?}", a.blocks);
        assert_eq!(a.removed.len(), 3);
    }

    #[test]
    fn a_widget_in_the_middle_of_the_article_goes_alone() {
        let body = "The council voted on Tuesday to close the old bridge for repairs over the summer.\n\n\
            Related: Bridge repairs delayed again\n\nArticle Continued Below\n\n\
            Engineers said the work would take at least three months and cost more than planned.\n\n\
            Residents who cross the bridge every day were told to use the ferry until September.\n\n\
            More on this story\n\nCouncil budget row\n\nFerry fares to rise\n";
        let a = normalize("a.txt", &format!("Bridge to close for the summer\n\n{body}"));
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts.len(), 3, "{texts:#?}");
        assert!(texts[2].starts_with("Residents who cross"));
        assert_eq!(
            a.removed,
            [
                "Related: Bridge repairs delayed again",
                "Article Continued Below",
                "More on this story",
                "Council budget row",
                "Ferry fares to rise"
            ]
        );
    }

    #[test]
    fn comments_end_the_article_even_when_prose_follows() {
        let a = normalize(
            "a.txt",
            "A headline for it\n\nThe story has one paragraph of real prose in it and that is all.\n\nComments\n\n\
             I have lived here for twenty years and I have never seen the council act so quickly on anything.\n\n\
             Another reader wrote a long reply that also ends as a full sentence does at the end.\n",
        );
        assert_eq!(a.blocks.len(), 1, "{:#?}", a.blocks);
    }
}
