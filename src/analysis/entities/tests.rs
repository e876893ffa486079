//! Entities found in made-up sentences.

use super::*;
use crate::analysis::text;
use crate::load::normalize;
use build::resolve_across;
use kinds::plausible_full_name;

pub(super) fn ents(text: &str) -> Entities {
    let a = normalize("a.txt", &format!("A headline for the test\n\n{text}\n"));
    let words: Vec<_> = a.blocks.iter().map(|b| text::tokens(&b.text)).collect();
    find(&a, &words)
}

fn kind_of(e: &Entities, name: &str) -> Option<EntityKind> {
    e.entities.iter().find(|x| x.name == name).map(|x| x.kind)
}

#[test]
fn titles_and_honorifics_are_stripped_and_short_forms_join_the_full_name() {
    let e =
        ents("Prime Minister Sir John Harland spoke. Sir John said more. Mr Harland left, and Harland’s aides stayed.");
    let p = e.entities.iter().find(|x| x.name == "John Harland").expect("one person");
    assert_eq!(p.kind, EntityKind::Person);
    assert_eq!(p.mentions, 4);
    assert!(p.aliases.contains(&"Sir John".to_string()), "{:?}", p.aliases);
    assert!(p.aliases.contains(&"Mr Harland".to_string()));
    assert!(!e.entities.iter().any(|x| x.name == "John"));
    assert_eq!(p.roles[0].title, "prime minister");
    assert_eq!(p.gender, Some(Gender::Male));
}

#[test]
fn particles_and_accents_stay_in_names() {
    let e = ents("European Commission President Ingrid van der Berg met Irish Taoiseach Seán Ó Briain.");
    assert_eq!(kind_of(&e, "Ingrid van der Berg"), Some(EntityKind::Person));
    assert_eq!(kind_of(&e, "Seán Ó Briain"), Some(EntityKind::Person));
    assert_eq!(kind_of(&e, "European Commission"), Some(EntityKind::Organization));
}

#[test]
fn places_firms_and_products_are_not_people() {
    let e = ents("A firm, Anduril, will send Altius 600m drones to Kyiv and the Black Sea, officials in London said.");
    assert_eq!(kind_of(&e, "Kyiv"), Some(EntityKind::Place));
    assert_eq!(kind_of(&e, "Black Sea"), Some(EntityKind::Place));
    assert_eq!(kind_of(&e, "London"), Some(EntityKind::Place));
    let e = ents("Northgate Foods said it would talk. Northgate Foods has 900 workers.");
    assert_eq!(kind_of(&e, "Northgate Foods"), Some(EntityKind::Organization));
    for name in ["Anduril", "Altius"] {
        assert_ne!(kind_of(&e, name), Some(EntityKind::Person), "{name}");
    }
}

#[test]
fn a_capital_that_only_begins_a_sentence_is_not_a_name() {
    let e = ents("Officials met. Faster progress was made. Leaders agreed.");
    assert!(e.entities.is_empty(), "{:?}", e.entities);
    // A common word that opens a known place stays in it.
    let e = ents("New Hampshire votes first. Then the New Democratic Party met in New Orleans.");
    assert_eq!(kind_of(&e, "New Hampshire"), Some(EntityKind::Place));
    assert_eq!(kind_of(&e, "New Orleans"), Some(EntityKind::Place));
    assert_eq!(kind_of(&e, "NDP"), Some(EntityKind::Organization));
    assert!(!e.entities.iter().any(|x| x.name == "Hampshire"), "{:?}", e.entities);
}

#[test]
fn a_heading_that_is_only_a_name_names_a_person() {
    let mut a = normalize("a.txt", "A headline for the test\n\nThe council met.\n");
    let lines = [
        "Pam Butler",
        "Roads Plan Stalls As Jo Pike Leaves",
        "HEAD COACH Maurice Joseph",
        "Steve Alford, Head Coach",
        "Coach: Doug Sewell",
    ];
    for h in lines {
        a.blocks.push(crate::article::Block::new(BlockKind::Heading, h));
    }
    let words: Vec<_> = a.blocks.iter().map(|b| text::tokens(&b.text)).collect();
    let e = find(&a, &words);
    for name in ["Pam Butler", "Maurice Joseph", "Steve Alford", "Doug Sewell"] {
        assert_eq!(kind_of(&e, name), Some(EntityKind::Person), "{name}: {:?}", e.entities);
    }
    assert_eq!(kind_of(&e, "Jo Pike"), None, "a name inside a headline is left out");
}

#[test]
fn a_common_family_name_after_an_unknown_word_makes_a_person() {
    let e = ents("The bill came from Sheetal Patel and Tayib Nguyen. Fort Smith and Burger King were quiet.");
    assert_eq!(kind_of(&e, "Sheetal Patel"), Some(EntityKind::Person));
    assert_eq!(kind_of(&e, "Tayib Nguyen"), Some(EntityKind::Person));
    assert_ne!(kind_of(&e, "Fort Smith"), Some(EntityKind::Person), "a place by its first word");
    assert_eq!(kind_of(&e, "Burger King"), Some(EntityKind::Organization));
}

#[test]
fn a_name_listed_with_a_person_or_with_a_middle_initial_is_a_person() {
    let e = ents("The group is suing Condoleeza Quarry and Donald Rumsfeld. The judge replaced Steffen W. Graae.");
    assert_eq!(kind_of(&e, "Condoleeza Quarry"), Some(EntityKind::Person), "{:?}", e.entities);
    assert_eq!(kind_of(&e, "Steffen W. Graae"), Some(EntityKind::Person));
    // A name after `the` is a thing's, whoever it is listed with.
    let e = ents("He served on the Seventh Circuit and Judge Jo Pike did not.");
    assert_ne!(kind_of(&e, "Seventh Circuit"), Some(EntityKind::Person), "{:?}", e.entities);
}

#[test]
fn a_party_after_a_chamber_or_place_is_no_part_of_the_name() {
    let e = ents("House Republican Thomas Massie and Ohio Democrat Mary Pike disagreed.");
    assert_eq!(kind_of(&e, "Thomas Massie"), Some(EntityKind::Person), "{:?}", e.entities);
    assert_eq!(kind_of(&e, "Mary Pike"), Some(EntityKind::Person));
    let e = ents("House Intelligence Republican Mike Poole agreed with that point.");
    assert_eq!(kind_of(&e, "Mike Poole"), Some(EntityKind::Person), "{:?}", e.entities);
}

#[test]
fn a_plural_title_before_names_is_no_part_of_them() {
    let e = ents("Senators Harry Reid and Mitch McConnell met Presidents Reagan and Bush.");
    assert_eq!(kind_of(&e, "Harry Reid"), Some(EntityKind::Person), "{:?}", e.entities);
    assert_eq!(kind_of(&e, "Mitch McConnell"), Some(EntityKind::Person));
    assert!(!e.entities.iter().any(|x| x.name.starts_with("Senators") || x.name.starts_with("Presidents")));
}

#[test]
fn a_given_name_alone_is_the_one_person_of_that_name() {
    let e = ents("Samantha Pike, 38, spoke first. Tom Pike, her brother, came later. Samantha said little.");
    let p = e.entities.iter().find(|x| x.name == "Samantha Pike").expect("a person");
    assert!(p.aliases.contains(&"Samantha".to_string()), "{:?}", e.entities);
    // Two people of one given name: the name alone is neither.
    let e = ents("Samantha Pike spoke. Samantha Lund, 40, replied. Samantha said little.");
    assert!(e.entities.iter().all(|x| x.aliases.is_empty()), "{:?}", e.entities);
}

#[test]
fn a_title_word_after_a_title_is_a_surname() {
    let e = ents("Ohio Congressman Pete King spoke, and New York Senator Jo Bishop replied.");
    assert_eq!(kind_of(&e, "Pete King"), Some(EntityKind::Person));
    assert_eq!(kind_of(&e, "Jo Bishop"), Some(EntityKind::Person));
    assert_eq!(kind_of(&e, "New York"), Some(EntityKind::Place));
}

#[test]
fn roles_written_in_lower_case_before_a_name_are_kept() {
    let e = ents("Earlier NATO chief Mark Stone spoke, and Foreign Ministry spokeswoman Maria Ivanova replied.");
    let stone = e.entities.iter().find(|x| x.name == "Mark Stone").unwrap();
    assert_eq!(stone.roles, [Role { org: Some("NATO".into()), title: "chief".into() }]);
    let z = e.entities.iter().find(|x| x.name == "Maria Ivanova").unwrap();
    assert_eq!(z.gender, Some(Gender::Female));
}

#[test]
fn an_office_of_a_department_is_a_title_before_the_name() {
    let e = ents("Secretary of State Hal Dunne met Secretary of Harbour Affairs Tarquin Bloggsworth.");
    assert_eq!(kind_of(&e, "Hal Dunne"), Some(EntityKind::Person));
    let t = e.entities.iter().find(|x| x.name == "Tarquin Bloggsworth").expect("the name alone");
    assert_eq!(t.kind, EntityKind::Person);
    assert_eq!(t.roles, [Role { org: Some("Harbour Affairs".into()), title: "secretary".into() }]);
}

#[test]
fn initials_parties_and_place_words_around_names() {
    let e = ents("Former secretary Leon E. Panetta met George H.W. Bush and Dora K Mbeki.");
    for name in ["Leon E. Panetta", "George H.W. Bush", "Dora K Mbeki"] {
        assert_eq!(kind_of(&e, name), Some(EntityKind::Person), "{name}: {:?}", e.entities);
    }
    let e = ents("The crowd cheered Republican Dora Bloggsworth and Kentuckian Hal Dunne.");
    assert_eq!(kind_of(&e, "Dora Bloggsworth"), Some(EntityKind::Person), "{:?}", e.entities);
    assert_eq!(kind_of(&e, "Hal Dunne"), Some(EntityKind::Person), "{:?}", e.entities);
    // A given name before `Harbour` or `County` names a place after someone.
    let e = ents("They walked from Stanley Harbour to Jarvis Street, in Dora County.");
    for name in ["Stanley Harbour", "Jarvis Street", "Dora County"] {
        assert_eq!(kind_of(&e, name), Some(EntityKind::Place), "{name}: {:?}", e.entities);
    }
    let e = ents("Officer Tarquin Bloggsworth arrived. Al-Shabaab denied it.");
    assert_ne!(kind_of(&e, "Al-Shabaab"), Some(EntityKind::Person));
    assert_eq!(kind_of(&e, "Tarquin Bloggsworth"), Some(EntityKind::Person));
    let e = ents("The paper ran Dora Bloggsworth Scores Direct Hit On Harbour Plan on its front page.");
    assert_eq!(kind_of(&e, "Dora Bloggsworth"), Some(EntityKind::Person), "a headline: {:?}", e.entities);
    assert_eq!(e.entities.iter().filter(|x| x.kind == EntityKind::Person).count(), 1);
    assert!(text::is_initial("E.") && text::is_initial("H.W.") && text::is_initial("K"));
    assert!(!text::is_initial("NATO") && !text::is_initial("UN") && !text::is_initial("Ed"));
}

#[test]
fn amounts_are_found_whole() {
    let e = ents("It costs €800 billion (£670bn), plus £1.6 billion and $30m, or 800 billion euros.");
    let money: Vec<&str> = e.entities.iter().filter(|x| x.kind == EntityKind::Money).map(|x| x.name.as_str()).collect();
    assert_eq!(money, ["€800 billion (£670bn)", "£1.6 billion", "$30m", "800 billion euros"]);
}

#[test]
fn a_lone_surname_takes_the_corpus_full_name() {
    let a = ents("President Donald Trump spoke.");
    let b = ents("Europe worries about commitments under Trump.");
    let mut all = vec![a, b];
    resolve_across(&mut all);
    assert_eq!(kind_of(&all[1], "Donald Trump"), Some(EntityKind::Person));
}

#[test]
fn only_a_plausible_surname_takes_a_full_name_from_another_article() {
    let a = ents("Tom House and Virginia Democratic voters met Hal Price on Monday.");
    let b = ents("The House voted. He said Democratic senators and Price agreed.");
    let mut all = vec![a, b];
    resolve_across(&mut all);
    let names: Vec<&str> = all[1].entities.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.contains(&"Tom House") && !names.contains(&"Virginia Democratic"), "{names:?}");
    assert!(!names.contains(&"Hal Price"), "an adjective or noun alone is not joined: {names:?}");
}

#[test]
fn places_parties_and_nationalities_are_not_full_names() {
    assert!(plausible_full_name("Simon Rosenberg"));
    assert!(plausible_full_name("Mike Young"));
    assert!(plausible_full_name("Tarquin Bloggsworth"));
    assert!(!plausible_full_name("Virginia Democratic"));
    assert!(!plausible_full_name("Cuban-American"));
    assert!(!plausible_full_name("Muslim American"));
    assert!(!plausible_full_name("Sanders"));
    assert!(!plausible_full_name("Acme Holdings"));
    assert!(!plausible_full_name("Aggressive Driving"));
    assert!(!plausible_full_name("Office of Budget"));
}

#[test]
fn a_name_the_text_treats_as_a_person_is_one() {
    for text in [
        "The country's foreign minister, Hal Dunne, plays down the worries.",
        "Hal Dunne, 52, runs a farm.",
        "Hal Dunne, a farmer from the valley, disagrees.",
        "Hal Dunne said the vote was close.",
        "Parish pastor Tarquin Bloggsworth opened the hall.",
        "NASA Administrator Tarquin Bloggsworth opened the hall.",
        "Tarquin Bloggsworth runs the mill. He bought it in 1990.",
    ] {
        let e = ents(text);
        let named = if text.contains("Hal") { "Hal Dunne" } else { "Tarquin Bloggsworth" };
        assert_eq!(kind_of(&e, named), Some(EntityKind::Person), "{text}");
    }
    // Named once as a person, the name is a person's wherever else it stands.
    let e = ents("Tarquin Bloggsworth runs the mill. Later, Tarquin Bloggsworth, 61, sold it.");
    assert_eq!(kind_of(&e, "Tarquin Bloggsworth"), Some(EntityKind::Person));
    // The text shortens it to the surname, as it does people and seldom places or firms.
    let e = ents("The mill belongs to Tarquin Bloggsworth. Bloggsworth bought it in 1990.");
    let p = e.entities.iter().find(|x| x.name == "Tarquin Bloggsworth").expect("the full name");
    assert_eq!((p.kind, p.mentions), (EntityKind::Person, 2));
    let e = ents("Fennic Browser is fast. Fennic makes it, and Browser is its name.");
    assert_ne!(kind_of(&e, "Fennic Browser"), Some(EntityKind::Person), "both words stand alone");
    // A title word naming a body's field is no title: `Justice` is not Mr Department's.
    let e = ents("Justice Department lawyer Hal Dunne wrote, and the Justice Department agreed.");
    assert_eq!(kind_of(&e, "Justice Department"), Some(EntityKind::Organization));
    assert_eq!(kind_of(&e, "Department"), None);
    let firm = ents("Acme Holdings, a firm in the valley, disagrees.");
    assert_ne!(kind_of(&firm, "Acme Holdings"), Some(EntityKind::Person));
}

#[test]
fn a_relative_and_a_capitalised_particle_join_the_family_name() {
    // A word that is nothing else, then a person's family name, is a relative; an ordinary
    // word before it (`Top Mendoza aides`) is not a given name.
    let e = ents("Jessica Mendoza spoke first. Tarquin Mendoza came from Texas to a rally. Top Mendoza aides met.");
    assert_eq!(kind_of(&e, "Tarquin Mendoza"), Some(EntityKind::Person));
    assert_ne!(kind_of(&e, "Top Mendoza"), Some(EntityKind::Person));
    // `De Blasio` opening a sentence is the `de Blasio` named before.
    let e = ents("Mayor Bill de Blasio spoke on Monday. De Blasio disbanded the unit in April.");
    let p = e.entities.iter().find(|x| x.name == "Bill de Blasio").expect("the full name");
    assert_eq!(p.mentions, 2);
    assert!(p.aliases.contains(&"De Blasio".to_string()), "{:?}", p.aliases);
    // A reporter is named after the title.
    let e = ents("Reporter Jomana Karadsheh says the road is closed.");
    assert_eq!(kind_of(&e, "Jomana Karadsheh"), Some(EntityKind::Person));
}

#[test]
fn an_office_of_a_department_stands_before_the_name() {
    let e = ents(
        "It came from Undersecretary for Political Affairs Wendy Sherman. Then Chairman of the Joint Chiefs of Staff Martin Dempsey left.",
    );
    assert_eq!(kind_of(&e, "Wendy Sherman"), Some(EntityKind::Person));
    assert_eq!(kind_of(&e, "Martin Dempsey"), Some(EntityKind::Person));
    let p = e.entities.iter().find(|x| x.name == "Wendy Sherman").expect("named");
    assert_eq!(p.roles[0].org.as_deref(), Some("Political Affairs"));
}

#[test]
fn a_headline_after_a_title_word_is_no_name() {
    let e = ents(
        "Anchor Expressed Fear About Future Prejudice Against Her Daughter. The anchor Ilia Calderon wrote a letter.",
    );
    assert!(
        !e.entities.iter().any(|x| x.kind == EntityKind::Person && x.name.contains("Expressed")),
        "{:?}",
        e.entities
    );
    assert_eq!(kind_of(&e, "Ilia Calderon"), Some(EntityKind::Person));
}

#[test]
fn a_month_abbreviated_before_a_day_is_no_name() {
    let e = ents("A Feb. 1 letter from the Harbour League warned the council. The vote is on Sept. 4.");
    assert_eq!(kind_of(&e, "Feb"), None);
    assert_eq!(kind_of(&e, "Sept"), None);
    assert_eq!(kind_of(&e, "Harbour League"), Some(EntityKind::Organization));
}

#[test]
fn a_relative_named_in_apposition_is_a_person_by_a_given_name_alone() {
    let e = ents("On the opening night, Ortiz's wife, Melania, is scheduled to speak. Her son, Barron, was there.");
    assert_eq!(kind_of(&e, "Melania"), Some(EntityKind::Person));
    assert_eq!(kind_of(&e, "Barron"), Some(EntityKind::Person));
}

#[test]
fn a_family_name_alone_described_as_someone_is_a_person() {
    let e = ents("Yet there in the back was Garcia, the grocery store worker. Later Gallagher, a farmer, spoke.");
    assert_eq!(kind_of(&e, "Garcia"), Some(EntityKind::Person), "{:?}", e.entities);
    assert_eq!(kind_of(&e, "Gallagher"), Some(EntityKind::Person));
    // (Not a place or a word that is also ordinary: `Paris, the capital,`, `Brown, the colour,`.)
    let e = ents("Paris, the capital, was quiet. Brown, the colour of the season, sold out.");
    assert_ne!(kind_of(&e, "Paris"), Some(EntityKind::Person));
    assert_ne!(kind_of(&e, "Brown"), Some(EntityKind::Person));
}
