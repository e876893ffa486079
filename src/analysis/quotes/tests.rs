//! Quotations and speakers in made-up paragraphs.

use super::*;
use crate::analysis::{entities, text};
use crate::load::normalize;

fn quotes(body: &str) -> Vec<(Option<String>, String, bool)> {
    headlined("A headline for the test", body)
}

fn headlined(headline: &str, body: &str) -> Vec<(Option<String>, String, bool)> {
    let a = normalize("t.txt", &format!("{headline}\n\n{body}\n"));
    let words: Vec<_> = a.blocks.iter().map(|b| text::tokens(&b.text)).collect();
    let e = entities::find(&a, &words);
    find(&a, &e, &words).into_iter().map(|q| (q.speaker, q.text, q.partial)).collect()
}

fn speaker(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn names_and_one_word_epithets_are_not_quotations() {
    let q = quotes(
        "A group called “Citizens for Roads” formed. Hal Dunne called him a “liar” on Monday. It is a “safe space” for all.",
    );
    assert!(q.is_empty(), "{q:?}");
    let q = quotes("Hal Dunne called the speech a “critical moment” for the party.");
    assert_eq!(q, [(speaker("Hal Dunne"), "critical moment".to_string(), true)]);
    // Reported, a single word is someone's.
    let q = quotes("Hal Dunne said he is “open” to it. The plan may be “strategic,” said Mara Linden.");
    let got: Vec<_> = q.iter().map(|x| (x.0.as_deref(), x.1.as_str())).collect();
    assert_eq!(got, [(Some("Hal Dunne"), "open"), (Some("Mara Linden"), "strategic,")]);
}

#[test]
fn a_nationality_alone_names_nobody() {
    let q = quotes("The talks stalled on Monday. “It is cold here,” a Russian told reporters.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_ne!(q[0].0.as_deref(), Some("Russian"));
}

#[test]
fn apostrophes_are_not_quote_marks() {
    let q = quotes("Russia’s envoy said the plan ‘won’t work’ and don’t expect more.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "won’t work");
}

#[test]
fn speaker_before_a_colon_and_after_a_comma() {
    let q = quotes(
        "Prime Minister Jane Smith, who chairs the talks, said: “We will act.”\n\n“It is time,” Smith told reporters. “Now.”",
    );
    assert_eq!(q.len(), 3, "{q:?}");
    assert!(q.iter().all(|x| x.0 == speaker("Jane Smith")), "{q:?}");
}

#[test]
fn speech_verbs_of_memory_and_of_a_letter_going_on() {
    let q = quotes(
        "“Everyone told her not to do it,” remembered Tom Vale, the firm's former spokesman.\n\n\
         “It was a mistake,” Vale continued.\n\n\
         But support for the harbour plan will continue “for as long as it takes.”",
    );
    assert_eq!(q[0].0, speaker("Tom Vale"));
    assert_eq!(q[1].0, speaker("Tom Vale"));
    let plan = q.iter().find(|x| x.1.contains("as long as"));
    assert!(plan.is_none_or(|x| x.0.is_none()), "a plan that will continue says nothing: {q:?}");
}

#[test]
fn a_paragraph_of_quotation_goes_on_from_the_phrase_quoted_before_it() {
    let q = quotes(
        "The mayor, Ana Reyes, said the harbour plan had “every chance of success.”\n\n\
         “We have waited long enough, and the town knows it.”",
    );
    let whole = q.iter().find(|x| x.1.starts_with("We have waited")).expect("the quotation is found");
    assert_eq!(whole.0, speaker("Ana Reyes"), "{q:?}");
}

#[test]
fn a_time_phrase_with_a_number_opens_the_sentence_before_its_subject() {
    let q = quotes(
        "Ana Reyes spoke to the council on Monday.\n\n\
         Eight years ago, she backed the old plan and said, “The harbour can wait no longer.”",
    );
    assert_eq!(q[0].0, speaker("Ana Reyes"), "{q:?}");
}

#[test]
fn a_quotation_over_several_paragraphs_is_one() {
    let q = quotes("A spokeswoman for the Home Office said: “The first part.\n\n“The second part.\n\n“The end.”");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, speaker("Home Office"));
    assert!(q[0].1.starts_with("The first part.") && q[0].1.ends_with("The end."));
}

#[test]
fn pronouns_go_to_the_last_subject_of_their_gender_across_paragraphs() {
    let q = quotes(
        "President Maria Lopez met Mr John Brown in Madrid.\n\nBrown left early. Lopez stayed.\n\nShe said: “We agreed.”\n\nHe added: “We did not.”",
    );
    assert_eq!(q[0].0, speaker("Maria Lopez"));
    assert_eq!(q[1].0, speaker("John Brown"));
}

#[test]
fn names_and_scare_quotes_are_not_speech() {
    let q = quotes(
        "Countries may join a “coalition of the able” to help. The government’s “Plan for Growth” was praised. The so-called ‘deal of the century’ failed. It was a “bold” idea.",
    );
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_term_in_reported_speech_is_the_speakers_words() {
    // The same phrase with a verb of speech before it in its sentence is someone's words; a
    // single word after a determiner, or a phrase reported from a group, is still a term.
    let q = quotes(
        "Jane Roe says countries may join a “coalition of the able” to help. She said it was a “caper” in town. Officials say a “league of the keen” will meet.",
    );
    assert_eq!(q, vec![(speaker("Jane Roe"), "coalition of the able".to_string(), true)]);
    // A phrase the headline names is the article's term for something.
    let q = headlined("Roe’s “league of the keen” meets", "Jane Roe said a “league of the keen” will meet in May.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn partial_quotations_take_the_subject_of_the_speech_verb() {
    let q = quotes("Jane Smith has said the city is at a “pivotal” moment, hours after the mayor John Brown said it faced “grave danger”.");
    assert_eq!(
        q,
        vec![(speaker("Jane Smith"), "pivotal".into(), true), (speaker("John Brown"), "grave danger".into(), true),]
    );
}

#[test]
fn a_title_in_quote_marks_that_nobody_says_is_not_a_quotation() {
    assert!(quotes("The magazine named him. “Missing” was its cover line.").is_empty());
    let q = quotes("“Missing,” Jane Roe said.");
    assert_eq!(q[0].0, speaker("Jane Roe"));
}

#[test]
fn the_listener_is_not_the_speaker() {
    let q = quotes("Mr John Brown later spoke about the meeting, telling the BBC’s Anna Green, “I do not regret it.”");
    assert_eq!(q[0].0, speaker("John Brown"));
}

#[test]
fn roles_resolve_to_the_person_named_with_them() {
    let q =
        quotes("NATO chief Mark Stone spoke in Oslo.\n\nLater, NATO’s chief said the alliance faced “a long winter”.");
    assert_eq!(q[0].0, speaker("Mark Stone"));
}

#[test]
fn a_name_in_quote_marks_is_not_its_own_speaker() {
    let q = quotes("Listen to our weekly politics podcast, “Ground Game.”");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_quotation_nobody_is_given_goes_to_whom_the_headline_has_speak() {
    let body = "Jane Roe met voters on Friday.\n\nOn the budget\n\n\"We will pass it as it stands.\"";
    let q = headlined("Ten things Jane Roe said the morning after her win", body);
    assert_eq!(q[0].0, speaker("Jane Roe"), "{q:?}");
    // Not when the paragraph is about someone else (whose words they are), and not without
    // the headline.
    let body = "Jane Roe met voters.\n\nTom Brack was there. \"We will pass it as it stands.\"";
    let q = headlined("Ten things Jane Roe said the morning after her win", body);
    assert_eq!(q[0].0, speaker("Tom Brack"), "{q:?}");
    let q = quotes("Jane Roe met voters on Friday.\n\n\"We will pass it as it stands.\"");
    assert_eq!(q[0].0, None, "{q:?}");
}

#[test]
fn a_paragraph_of_quotation_under_a_name_line_is_that_persons() {
    let body = "Questions after the game.\n\nHEAD COACH Maurice Joseph\n\nOn the win:\n\n“Very important, especially at home.”\n\nOn the crowd:\n\n“They were loud all night.”";
    let q = quotes(body);
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q.iter().all(|(s, _, _)| *s == speaker("Maurice Joseph")), "{q:?}");
}

#[test]
fn a_quote_with_no_speaker_has_none() {
    let q = quotes("The sign read: “Closed for the winter.”\n\nNobody knew why.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, None);
}

#[test]
fn two_speakers_in_one_paragraph() {
    let q = quotes("“Yes,” said Mr John Brown. But Ms Anna Green disagreed, stating: “No.”");
    assert_eq!(q[0].0, speaker("John Brown"));
    assert_eq!(q[1].0, speaker("Anna Green"));
}

#[test]
fn nested_quotations_stay_inside_the_outer_one() {
    let q = quotes("Jane Smith said: “They told me ‘never again’ and I believed them.”");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].1.contains("‘never again’"));
}

#[test]
fn wire_copy_conventions() {
    let q = quotes(
        "LONDON (Reuters) - Finance Minister Anna Berg said the plan would \"protect jobs\".\n\n\"We will not raise taxes,\" Berg, 52, told reporters.\n\nMr. John O'Neill was unconvinced. \"This is a fantasy,\" said Mr. O'Neill.\n\n\"It does not add up,\" he added.\n\nThe central bank said in a statement: \"Inflation remains too high.\"\n\nAccording to Dr. Maria Costa, \"the numbers are optimistic.\"",
    );
    let speakers: Vec<Option<&str>> = q.iter().map(|x| x.0.as_deref()).collect();
    assert_eq!(
        speakers,
        [
            Some("Anna Berg"),
            Some("Anna Berg"),
            Some("John O'Neill"),
            Some("John O'Neill"),
            Some("central bank"),
            Some("Maria Costa")
        ]
    );
}

#[test]
fn a_name_in_apposition_before_the_verb_speaks() {
    let q = quotes("The union's general secretary, Daniel Kebede, said members were \"angry and exhausted\".");
    assert_eq!(q, vec![(speaker("Daniel Kebede"), "angry and exhausted".into(), true)]);
    let q = quotes("Prime Minister Jane Smith, speaking in Merseyside, warned: “Not yet.”");
    assert_eq!(q[0].0, speaker("Jane Smith"));
}

#[test]
fn a_body_with_for_in_its_name_speaks_through_its_spokesperson() {
    let q = quotes("A Department for Education spokesperson added that the offer was \"fair and affordable\".");
    assert_eq!(q[0].0, speaker("Department for Education"));
}

#[test]
fn a_speaker_introduced_by_a_description_after_the_quote() {
    let q = quotes("“People are tired,” one voter, Maria Lopez, 45, told reporters.");
    assert_eq!(q[0].0, speaker("Maria Lopez"));
}

#[test]
fn a_role_with_an_adjective_after_the_verb() {
    let q = quotes("\"We have never seen anything like it,\" said local councillor Jane Penrose.");
    assert_eq!(q[0].0, speaker("Jane Penrose"));
}

#[test]
fn a_pronoun_after_a_role_named_in_apposition() {
    let q = quotes("Hungary's prime minister, Viktor Orbán, was scathing. \"Brussels abuses its power,\" he wrote.");
    assert_eq!(q[0].0, speaker("Viktor Orbán"));
}

#[test]
fn a_pronoun_after_a_person_in_apposition_to_a_plain_noun() {
    let q = quotes(
        "‘We are close,’ says Dr Amélie Roux.\n\nHer colleague, engineer Paul Martin, is more cautious. “There is a long way to go,” he says.",
    );
    assert_eq!(q.iter().map(|x| x.0.as_deref()).collect::<Vec<_>>(), [Some("Amélie Roux"), Some("Paul Martin")]);
}

#[test]
fn said_a_role_then_the_name_in_apposition() {
    let q = quotes("“We will not back down,” said the minister, Jane Doe, on Monday.");
    assert_eq!(q[0].0, speaker("Jane Doe"));
    let q = quotes("“Nor will we,” said her deputy, John Roe.");
    assert_eq!(q[0].0, speaker("John Roe"));
}

#[test]
fn straight_quotes_after_a_colon() {
    let q = quotes("Russian Foreign Minister Sergei Ivanov opposed the plan, stating:\n\n\"This would be war.\"");
    assert_eq!(q, vec![(speaker("Sergei Ivanov"), "This would be war.".into(), false)]);
}

#[test]
fn a_headline_quoted_with_its_byline_is_no_ones_words() {
    let q = quotes("STAGE NEWS—“Mara Linden is leaving the show,” by the Courier’s Tom Birch: “Mara Linden, the star of the musical, is leaving next month.”");
    assert!(!q.iter().any(|(_, text, _)| text.starts_with("Mara Linden is leaving")), "{q:?}");
    // Someone's words before `by` stay: `“We will win,” said Roe, by all accounts.`
    let q = quotes("“We will win,” said Jane Roe, by all accounts the favourite.");
    assert_eq!(q[0].0, speaker("Jane Roe"), "{q:?}");
}

#[test]
fn they_after_a_list_of_names_is_not_the_last_two() {
    let q = quotes("Some of the victims, such as Tom Birch, Dan Ortiz and Hal Dunne, have become familiar names in the movement. But the marchers also paid tribute to young men like Ted Vale, 22, who was shot in June.\n\nAs they made their way down Broad Street, they chanted “stop killing our sons” and “no justice, no peace.”");
    assert!(q.iter().all(|(s, _, _)| s.as_deref() != Some("Dan Ortiz and Hal Dunne")), "{q:?}");
}
