//! Which rule gives a quotation its speaker, in order: the attribution after it, the lead-in
//! before it, a speaker going on from the quotation before, a sentence that introduced it, a
//! signature below it, and last a description of someone unnamed.

use super::context::{Ctx, Said};
use super::marks::{starts_with_open_mark, Found};
use super::words::anonymous;
use super::{after_char, Quote};
use crate::analysis::entities::plausible_full_name;
use crate::analysis::lexicon::{Gender, LEXICON};
use crate::analysis::text::{is_capitalised, is_possessive, strip_possessive};
use crate::analysis::EntityKind;
use crate::article::BlockKind;
use crate::text::slice;

pub(super) fn attribute_full(ctx: &Ctx, q: &Found, earlier: &[Quote]) -> Option<Said> {
    // `Jane Roe spoke. ¶ “…,” he said.`: when `he` or `she` finds nobody, no other rule may
    // give the words to someone the pronoun cannot mean.
    let want = pronoun_after(ctx, q);
    speaker_of_full(ctx, q, earlier).filter(|s| want.is_none_or(|w| s.gender.is_none_or(|g| g == w)))
}

/// The gender of `he` or `she` in the attribution right after a quotation (`“…,” she said`,
/// `said he`).
fn pronoun_after(ctx: &Ctx, q: &Found) -> Option<Gender> {
    let end = attribution_end(ctx, q);
    let from = ctx.attribution_start(q.end_block, q.end, end)?;
    let toks = ctx.toks_in(q.end_block, &(from..end));
    let word = match toks {
        [p, v, ..] if ctx.is_verb_here(q.end_block, v) => p.text,
        [v, p, ..] if ctx.is_verb_here(q.end_block, v) => p.text,
        _ => return None,
    };
    match word {
        "he" | "He" => Some(Gender::Male),
        "she" | "She" => Some(Gender::Female),
        _ => None,
    }
}

fn speaker_of_full(ctx: &Ctx, q: &Found, earlier: &[Quote]) -> Option<Said> {
    let b = q.block;
    let text = ctx.text(b);
    let sent = ctx.sentence(b, q.open);
    // `…, writing in an email: “We want it.” Adler, the owner, said …`: after a lead-in ending in
    // a colon, a quotation that ends its sentence is the lead-in's; a new sentence follows.
    let colon = slice::before(text, q.open).trim_end().ends_with(':');
    if colon && q.closed && q.text.trim_end().ends_with(['.', '!', '?']) {
        if let Some(s) = ctx.speaker_in_lead_in(b, sent.start..q.open) {
            return Some(s);
        }
    }
    if q.closed && !answered_after(ctx, q) {
        if let Some(s) = ctx.after_quote(q.end_block, q.end, attribution_end(ctx, q)) {
            return Some(s);
        }
    }
    // `“…,” a spokesperson for the ministry said.`: an attribution of its own, if only a
    // description, comes before any speaker going on from earlier.
    if let Some(s) = described_after(ctx, q) {
        return Some(s);
    }
    if kept_anonymous(ctx, q) {
        return None;
    }
    let lead = sent.start..q.open;
    if !slice::range(text, lead.clone()).trim().is_empty() {
        if let Some(s) = ctx.speaker_in_lead_in(b, lead.clone()).or_else(|| as_they_put_it(ctx, b, lead)) {
            return Some(s);
        }
    }
    if q.open == 0 || slice::before(text, q.open).trim().is_empty() {
        if let Some(prev) = (0..b).rev().find(|&p| ctx.article.blocks[p].kind != BlockKind::Heading) {
            let pt = ctx.text(prev);
            if pt.trim_end().ends_with(':') && prev + 1 == b {
                let ps = ctx.sentence(prev, pt.trim_end().len().saturating_sub(1));
                if let Some(s) = ctx.speaker_in_lead_in(prev, ps) {
                    return Some(s);
                }
            }
        }
    }
    // The same speaker goes on: an earlier quotation in this paragraph, or a quotation-only
    // paragraph just before.
    // Earlier quotations are in order: look back only as far as the paragraph before.
    let recent = || earlier.iter().rev().take_while(|e| e.end_block + 1 >= b);
    // A phrase quoted inside a sentence goes on only when its own attribution is all that
    // stands between (`But “if you disagree, forget it,” said Roffman. “He turns …”`), an
    // apposition included (`…,” said Tom Birch, an analyst with the Center. “A long …”`): one
    // sentence's end, and a verb.
    let attributed_just_before = |e: &Quote| {
        let between = slice::from_to(text, e.end, q.open);
        let one_clause = !between.trim_end().trim_end_matches(['.', ' ']).contains(". ");
        between.split_whitespace().count() <= 20
            && one_clause
            && ctx.toks_in(b, &(e.end..q.open)).iter().any(|t| ctx.is_verb_here(b, t))
    };
    let same_block = recent()
        .find(|e| e.end_block == b && e.speaker.is_some() && (!e.partial || e.block == b && attributed_just_before(e)));
    if let Some(e) = same_block {
        return e.speaker.as_deref().map(|speaker| ctx.said_again(speaker));
    }
    let own_lead_in = !slice::before(text, q.open).trim().is_empty();
    // (A phrase quoted at the very end of the paragraph before goes on too: `…, but now said
    // Pike had “the chance to unite us.”` then `“I think he can do that.”`)
    let ends_block =
        |e: &Quote| slice::after(ctx.text(e.end_block), after_char(ctx.text(e.end_block), e.end)).trim().is_empty();
    let prev_block = recent().find(|e| e.end_block + 1 == b && e.speaker.is_some() && (!e.partial || ends_block(e)));
    if let Some(e) = prev_block.filter(|_| !own_lead_in) {
        let pt = ctx.text(e.end_block);
        if starts_with_open_mark(pt) || e.block != e.end_block || e.partial {
            return e.speaker.as_deref().map(|speaker| ctx.said_again(speaker));
        }
    }
    ctx.introduced_before(b, q.open)
        .or_else(|| ctx.speaker_last_about(b, q.open))
        .or_else(|| ctx.answer_to_question(b, q.open))
        .or_else(|| signed_below(ctx, q))
        .or_else(|| described_speaker(ctx, q))
        .or_else(|| ctx.subject_just_before(b, q.open, q.end_block, q.end))
        .or_else(|| name_line_above(ctx, q))
        .or_else(|| headline_speaker(ctx, b))
}

/// How many blocks back a quotation's name line is looked for.
const NAME_LINE_LOOKBACK: usize = 12;

/// `Jane Roe` on a line of its own, then `On the win:` and `“…”`: in an interview written up as
/// questions and answers, a paragraph of quotation under a name line is that person's. Only
/// short lines and other such paragraphs may stand between.
fn name_line_above(ctx: &Ctx, q: &Found) -> Option<Said> {
    let b = q.block;
    if !slice::before(ctx.text(b), q.open).trim().is_empty() {
        return None;
    }
    for j in (b.saturating_sub(NAME_LINE_LOOKBACK)..b).rev() {
        let block = &ctx.article.blocks[j];
        let person = ctx.person_within(j, &(0..block.text.len()));
        if block.kind == BlockKind::Heading {
            if let Some(e) = person {
                return Some(ctx.said_by_entity(e));
            }
            continue;
        }
        let label = block.text.split_whitespace().count() <= 16 && person.is_none();
        if !(label || starts_with_open_mark(&block.text)) {
            return None;
        }
    }
    None
}

/// `Roe says Ontario must step up`, `10 things Jane Roe said`, `Jane Roe: ‘We will act’`: the
/// person the headline has speak, for a quotation the text itself gives nobody, in a paragraph
/// (block `b`) that names no one else.
fn headline_speaker(ctx: &Ctx, b: usize) -> Option<Said> {
    let title = ctx.article.title.as_str();
    let named_here: Vec<usize> = ctx
        .ents
        .mentions
        .iter()
        .filter(|m| m.block == b && !ctx.in_quote(b, m.range.start))
        .filter(|m| ctx.ents.entities[m.entity].kind == EntityKind::Person)
        .map(|m| m.entity)
        .collect();
    let speaks = |rest: &str| {
        rest.starts_with(':')
            || rest.split_whitespace().next().is_some_and(|w| LEXICON.is_speech_verb(w.trim_end_matches([',', ':'])))
    };
    let people = ctx
        .ents
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Person && plausible_full_name(&e.name))
        // (A person the text shows as one: a given name or a gender it knows.)
        .filter(|(_, e)| {
            e.gender.is_some() || e.name.split(' ').next().is_some_and(|w| LEXICON.first_name(w).is_some())
        })
        .filter(|(i, _)| named_here.iter().all(|n| n == i));
    for (i, e) in people {
        let names = std::iter::once(e.name.as_str()).chain(e.name.rsplit(' ').next().filter(|s| *s != e.name));
        for name in names {
            for (at, _) in title.match_indices(name) {
                let before = slice::before(title, at).chars().next_back();
                let rest = slice::after(title, at + name.len());
                let whole = !before.is_some_and(char::is_alphanumeric) && !rest.starts_with(char::is_alphanumeric);
                if whole && speaks(rest.trim_start_matches(['’', '\'', 's']).trim_start()) {
                    return Some(ctx.said_by_entity(i));
                }
            }
        }
    }
    None
}

/// `“…”` then a line `- Sanders.`: a quotation that fills its paragraph, signed on the next.
fn signed_below(ctx: &Ctx, q: &Found) -> Option<Said> {
    let eb = ctx.text(q.end_block);
    if !slice::after(eb, after_char(eb, q.end)).trim().is_empty() {
        return None;
    }
    let nb = q.end_block + 1;
    let next = ctx.article.blocks.get(nb)?;
    let line = next.text.as_str();
    if !q.closed {
        return signed_inside(ctx, nb, line);
    }
    // The loader may have read the dash as a list item's.
    let name = line.strip_prefix(['-', '–', '—']).or((next.kind == BlockKind::ListItem).then_some(line))?;
    if name.split_whitespace().count() > 6 {
        return None;
    }
    let at = line.len() - name.trim_start().len();
    let np = ctx.np_after(nb, at)?;
    ctx.resolve(nb, np)
}

/// `“… we need to do stimulus. ⏎ Dana Quill, Harbour Institute.”`: a pull quote whose closing
/// mark ends a short line of its own that opens with a person's name, the signature.
fn signed_inside(ctx: &Ctx, nb: usize, line: &str) -> Option<Said> {
    let signature = line.trim_end().strip_suffix(['"', '”'])?;
    if signature.split_whitespace().count() > 10 || !signature.ends_with('.') {
        return None;
    }
    let np = ctx.np_after(nb, line.len() - line.trim_start().len())?;
    let person = ctx.person_within(nb, &np).is_some();
    let rest = slice::after(signature, np.end).trim_start();
    (person && (rest == "." || rest.starts_with(','))).then(|| ctx.resolve(nb, np)).flatten()
}

/// `“Why now?” Roe then wrote back, “You look cute.”`: after a question, an attribution that
/// leads into another quotation is the answer's, not the question's.
fn answered_after(ctx: &Ctx, q: &Found) -> bool {
    if !q.text.trim_end().ends_with('?') {
        return false;
    }
    let eb = ctx.text(q.end_block);
    let rest = slice::after(eb, after_char(eb, q.end));
    let Some(open) = rest.find(['“', '"']) else { return false };
    let lead = slice::before(rest, open).trim_end();
    let words = lead.split_whitespace().count();
    // (`“Why now?” Roe asked, “when we could wait?”` goes on with the same question.)
    let answer_opens =
        slice::after(rest, open).chars().skip(1).find(|c| c.is_alphanumeric()).is_some_and(char::is_uppercase);
    (2..=8).contains(&words) && lead.ends_with([',', ':']) && !lead.contains(['.', '?', '!']) && answer_opens
}

/// Where the sentence that may attribute a closed quotation ends. `“Why now?” Roe asked.`: the
/// question mark ended a sentence the attribution goes on.
fn attribution_end(ctx: &Ctx, q: &Found) -> usize {
    let eb = ctx.text(q.end_block);
    let end = ctx.sentence(q.end_block, q.end).end;
    if slice::from_to(eb, after_char(eb, q.end), end).trim().is_empty() && end < eb.len() {
        return ctx.sentence(q.end_block, end).end;
    }
    end
}

/// `“They stole it,” the man shouted.`, `said a poll worker`, `The board wrote, “…”`: when
/// nobody is named, the description that speaks.
fn described_speaker(ctx: &Ctx, q: &Found) -> Option<Said> {
    if let Some(said) = described_after(ctx, q) {
        return Some(said);
    }
    let sent = ctx.sentence(q.block, q.open);
    let v = ctx.last_verb(q.block, sent.start..q.open)?;
    ctx.description_before(q.block, v.start, sent.start).and_then(|np| ctx.described(q.block, np))
}

/// `“They stole it,” the man shouted.`, `said a poll worker`: a description in the attribution
/// right after the quotation.
fn described_after(ctx: &Ctx, q: &Found) -> Option<Said> {
    if !q.closed {
        return None;
    }
    let b = q.end_block;
    let end = attribution_end(ctx, q);
    let from = ctx.attribution_start(b, q.end, end);
    let toks = from.map_or(&[][..], |f| ctx.toks_in(b, &(f..end)));
    let np = match toks {
        [v, next, ..] if ctx.is_verb_here(b, v) => ctx.description_after(b, next.start),
        [first, ..] => toks
            .iter()
            .take(8)
            .find(|t| ctx.is_verb_here(b, t))
            .and_then(|v| ctx.description_before(b, v.start, first.start)),
        [] => None,
    }?;
    // `the presumptive Republican nominee said`: a role with its article is the person the text
    // was about, as `the senator` is.
    ctx.role_of_recent_person(b, &np).or_else(|| ctx.described(b, np))
}

/// `“…,” said one resident, who asked not to be named.`: an attribution right after the
/// quotation that keeps its source anonymous, so that nobody from earlier is given instead.
fn kept_anonymous(ctx: &Ctx, q: &Found) -> bool {
    let b = q.end_block;
    let end = attribution_end(ctx, q);
    let Some(from) = ctx.attribution_start(b, q.end, end).filter(|_| q.closed) else { return false };
    let verb = ctx.toks_in(b, &(from..end)).iter().take(6).any(|t| ctx.is_verb_here(b, t));
    verb && anonymous(slice::from_to(ctx.text(b), from, end))
}

pub(super) fn attribute_partial(ctx: &Ctx, q: &Found) -> Option<Said> {
    let b = q.block;
    let sent = ctx.sentence(b, q.open);
    // `“The risk,” said Roe, an economist, “is that …”`: the quotation resumes after its
    // attribution.
    let text = ctx.text(b);
    let resumed = ctx.quoted.last().filter(|s| {
        s.block == b && s.at < q.open && sent.contains(&s.at) && slice::before(text, q.open).trim_end().ends_with(',')
    });
    if let Some(s) = resumed {
        if slice::from_to(text, s.at, q.open).contains(['”', '"'])
            && ctx.toks_in(b, &(s.at..q.open)).iter().any(|t| ctx.is_verb_here(b, t) && !ctx.in_quote(b, t.start))
        {
            return Some(s.said.clone());
        }
    }
    if let Some(s) = claim_of(ctx, b, sent.start..q.open) {
        return Some(s);
    }
    let verb_before = ctx.last_verb(b, sent.start..q.open);
    if let Some(s) = verb_before.and_then(|v| ctx.speaker_of_verb(b, v, sent.start)) {
        return Some(s);
    }
    if let Some(s) = ctx.according_to(b, sent.clone()) {
        return Some(s);
    }
    let after = slice::next_char(text, q.end).min(sent.end)..sent.end;
    // `“it is hard to link,” added Roe`: the attribution right after the phrase.
    if let Some(s) = ctx.after_quote(b, q.end, sent.end) {
        return Some(s);
    }
    let long = q.text.split_whitespace().count() >= MIN_UNINTRODUCED_WORDS;
    if let Some(v) = ctx.first_verb(b, after.clone()) {
        // `… “deserve someone who is with them,” said the man who built his career there.`
        return ctx.speaker_of_verb(b, v, after.start).or_else(|| long.then(|| described_speaker(ctx, q)).flatten());
    }
    if let Some(s) =
        verb_before.and_then(|v| ctx.description_before(b, v.start, sent.start)).and_then(|np| ctx.described(b, np))
    {
        return Some(s);
    }
    if let Some(s) = as_they_put_it(ctx, b, sent.start..q.open) {
        return Some(s);
    }
    // `Clinton expressed confidence it was not an issue “that is going to affect either the
    // campaign or my presidency.”`: a phrase long enough to be someone's words, in a sentence
    // about a person and with no other speaker, is that person's.
    if long {
        let np = ctx.sentence_subject(b, q.open).filter(|np| np.end <= q.open)?;
        // A person or a body, never a place or a stray capitalised word.
        let body = ctx.ents.within(b, &np).is_some_and(|e| ctx.ents.entities[e].kind == EntityKind::Organization);
        return ctx.resolve(b, np).filter(|s| s.person || body);
    }
    None
}

/// `… blamed the press for Roe's claim that Dunne “founded the gang”`: a phrase quoted in what
/// a named owner's claim, remark or promise says, with no verb of speech between, is the owner's.
fn claim_of(ctx: &Ctx, b: usize, lead: std::ops::Range<usize>) -> Option<Said> {
    let toks = ctx.toks_in(b, &lead);
    let k = toks
        .windows(2)
        .rposition(|w| is_capitalised(w[0].text) && is_possessive(w[0].text) && LEXICON.is_claim_noun(w[1].text))?;
    // (`Roe called Dunne's comments “racist”`: a claim the quotation describes is someone
    // else's; only its content, after `that`, is the owner's.)
    let after = &toks[k + 2..];
    if after.first().is_none_or(|t| t.text != "that")
        || after.len() > 12
        || after.iter().any(|t| ctx.is_verb_here(b, t))
    {
        return None;
    }
    let np = ctx.np_before(b, toks[k + 1].start, lead.start)?;
    let owner = toks[k].text;
    let np = np.start..np.end.min(toks[k].start + strip_possessive(owner).len());
    let person = ctx.person_within(b, &np)?;
    Some(ctx.said_by_entity(person))
}

/// `As Roe puts it, the plan is “…”`: the one who puts it speaks, whatever the sentence's
/// subject.
fn as_they_put_it(ctx: &Ctx, b: usize, lead: std::ops::Range<usize>) -> Option<Said> {
    let toks = ctx.toks_in(b, &lead);
    let k = toks.windows(2).position(|w| matches!(w[0].text, "put" | "puts") && w[1].text == "it")?;
    let np = ctx.np_before(b, toks[k].start, lead.start)?;
    // (`As The Post's Jane Roe puts it`: the name's owner may stand between.)
    let mut before = slice::before(ctx.text(b), np.start).split_whitespace().rev();
    let opens_with_as = match before.next() {
        Some(w) if is_possessive(w) => before.take(3).any(|w| w.eq_ignore_ascii_case("as")),
        Some(w) => w.eq_ignore_ascii_case("as"),
        None => false,
    };
    opens_with_as.then(|| ctx.resolve(b, np)).flatten()
}

/// The fewest words a phrase needs to be taken as its sentence subject's own words when no
/// verb of speech introduces it.
const MIN_UNINTRODUCED_WORDS: usize = 5;
