//! Grammatical gender of the people a story names, where the copy itself says it:
//! a title ("Mr", "Queen"), a gendered noun ("spokeswoman"), a pronoun, or a given
//! name that is one gender in every language news copy borrows from. Names that
//! change gender between languages ("Jean", "Andrea", "Nicola", "Kim") are absent,
//! so an unknown stays unknown.

use super::mentions::{Kind, Mention};
use crate::document::Document;
use crate::rules::translation::lexicon::{lowercase, strip_possessive};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    pub fn other(self) -> Gender {
        match self {
            Gender::Male => Gender::Female,
            Gender::Female => Gender::Male,
        }
    }
}

const MALE_NAMES: &[&str] = &[
    "abdullah",
    "ahmad",
    "ahmed",
    "aleksandr",
    "aleksei",
    "alexander",
    "alexei",
    "alexey",
    "ali",
    "andrei",
    "andrey",
    "andriy",
    "antonio",
    "barack",
    "bashar",
    "benjamin",
    "boris",
    "carlos",
    "charles",
    "cyril",
    "daniel",
    "david",
    "dmitri",
    "dmitry",
    "donald",
    "emmanuel",
    "emomali",
    "evgeny",
    "fernando",
    "friedrich",
    "george",
    "gustavo",
    "hakan",
    "hassan",
    "hussein",
    "ibrahim",
    "igor",
    "ilham",
    "imran",
    "ivan",
    "jair",
    "james",
    "javier",
    "john",
    "jorge",
    "jose",
    "joseph",
    "josé",
    "juan",
    "keir",
    "khalid",
    "luis",
    "mahmoud",
    "mark",
    "michael",
    "miguel",
    "mikhail",
    "mohamed",
    "mohammad",
    "mohammed",
    "muhammad",
    "mustafa",
    "narendra",
    "nikolai",
    "nikolay",
    "nursultan",
    "olaf",
    "oleg",
    "oleksandr",
    "omar",
    "paul",
    "pavel",
    "pedro",
    "peter",
    "ramzan",
    "recep",
    "richard",
    "rishi",
    "robert",
    "sergei",
    "sergey",
    "shavkat",
    "stephen",
    "steven",
    "thomas",
    "viktor",
    "vitaly",
    "vladimir",
    "volodymyr",
    "william",
    "yevgeny",
    "yuri",
    "yury",
    "yusuf",
];

const FEMALE_NAMES: &[&str] = &[
    "aisha",
    "ana",
    "angela",
    "anna",
    "annalena",
    "carmen",
    "catherine",
    "christine",
    "claudia",
    "cristina",
    "dilma",
    "ekaterina",
    "elena",
    "elizabeth",
    "emily",
    "emma",
    "fatima",
    "giorgia",
    "hillary",
    "irina",
    "iryna",
    "jacinda",
    "janet",
    "jennifer",
    "julia",
    "kamala",
    "karen",
    "kristalina",
    "laura",
    "linda",
    "lyudmila",
    "margaret",
    "maria",
    "marina",
    "mary",
    "maría",
    "michelle",
    "nancy",
    "natalia",
    "natalya",
    "nirmala",
    "oksana",
    "olena",
    "olga",
    "sarah",
    "sophie",
    "svetlana",
    "tatiana",
    "tatyana",
    "theresa",
    "ursula",
    "valentina",
    "victoria",
    "yelena",
    "yulia",
];

const MALE_WORDS: &[&str] = &[
    "boy",
    "brother",
    "businessman",
    "chairman",
    "congressman",
    "father",
    "husband",
    "king",
    "man",
    "mr",
    "prince",
    "sir",
    "son",
    "spokesman",
    "sultan",
];

const FEMALE_WORDS: &[&str] = &[
    "actress",
    "businesswoman",
    "chairwoman",
    "congresswoman",
    "daughter",
    "girl",
    "lady",
    "madam",
    "mother",
    "mrs",
    "ms",
    "princess",
    "queen",
    "sister",
    "spokeswoman",
    "widow",
    "wife",
    "woman",
];

fn lookup(lower: &str, male: &[&str], female: &[&str]) -> Option<Gender> {
    if male.contains(&lower) {
        Some(Gender::Male)
    } else if female.contains(&lower) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// A gendered title or noun: "Mr", "Queen", "spokeswoman", "husband".
pub fn of_word(word: &str) -> Option<Gender> {
    let w = lowercase(strip_possessive(word.trim_end_matches('.')));
    lookup(kin_base(&w), MALE_WORDS, FEMALE_WORDS)
}

/// The kinship noun inside "ex-husband", "stepmother", "son-in-law",
/// "wife-to-be": the same person noun, and the same gender.
pub fn kin_base(lower: &str) -> &str {
    let w = lower
        .strip_prefix("ex-")
        .or_else(|| lower.strip_prefix("step-"))
        .or_else(|| lower.strip_prefix("step"))
        .unwrap_or(lower);
    let w = w
        .strip_suffix("-in-law")
        .or_else(|| w.strip_suffix("-to-be"))
        .unwrap_or(w);
    if w.is_empty() { lower } else { w }
}

/// The gender of a given name, when it is the same in every language it comes from.
pub fn of_given_name(word: &str) -> Option<Gender> {
    lookup(&lowercase(word), MALE_NAMES, FEMALE_NAMES)
}

/// The gender the copy gives a mention: the pronoun itself, a gendered noun, or for
/// a name its given name, the title right before it, or an earlier fuller mention
/// of the same surname ("Luis Caputo" … "Caputo").
pub fn of_mention(doc: &Document, m: &Mention, earlier: &[Mention]) -> Option<Gender> {
    let text = doc.text();
    match m.kind {
        Kind::He => Some(Gender::Male),
        Kind::She => Some(Gender::Female),
        Kind::Institution => None,
        Kind::PersonNoun => of_word(m.span.text(text)).or_else(|| of_role(doc, m, earlier)),
        Kind::Person => {
            let name = m.span.text(text);
            let mut words = name.split(' ');
            let first = words.next().unwrap_or("");
            let several = words.next().is_some();
            if several && let Some(g) = of_given_name(first) {
                return Some(g);
            }
            let mut before = text
                .get(..m.span.start)
                .unwrap_or("")
                .split_whitespace()
                .rev();
            let title = before.next().unwrap_or("");
            // "Mr and Mrs Obama" is a couple.
            let couple = matches!(before.next(), Some("and" | "&"));
            if let Some(g) = of_word(title).filter(|_| !couple) {
                return Some(g);
            }
            if several || m.key.is_empty() {
                return None;
            }
            earlier
                .iter()
                .rev()
                .filter(|e| e.kind == Kind::Person && e.key == m.key && e.span != m.span)
                .find_map(|e| {
                    let full = e.span.text(text);
                    full.contains(' ')
                        .then(|| of_given_name(full.split(' ').next().unwrap_or("")))
                        .flatten()
                })
        }
    }
}

/// "The president of Argentina, Javier Milei, …" then "the president": a role
/// noun the story gave one named person in apposition takes that person's gender,
/// when every such apposition names people of one gender.
fn of_role(doc: &Document, m: &Mention, earlier: &[Mention]) -> Option<Gender> {
    let text = doc.text();
    let word = lowercase(m.span.text(text));
    let mut found = None;
    // Bounded look-back keeps callers that ask about every mention linear.
    let from = earlier.len().saturating_sub(super::mentions::MAX_LOOKBACK);
    for (k, e) in earlier.iter().enumerate().skip(from) {
        if e.kind != Kind::PersonNoun
            || !e.apposition
            || e.span == m.span
            || lowercase(e.span.text(text)) != word
        {
            continue;
        }
        // The nearest name in the apposition's sentence.
        let near = |p: &&Mention| p.kind == Kind::Person && p.sentence == e.sentence;
        let before = earlier[..k].iter().rev().take(3).find(near);
        let after = earlier[k + 1..].iter().take(3).find(near);
        let person = match (before, after) {
            (Some(b), Some(a)) => {
                if e.span.start - b.span.end <= a.span.start - e.span.end {
                    b
                } else {
                    a
                }
            }
            (Some(p), None) | (None, Some(p)) => p,
            (None, None) => return None,
        };
        let idx = earlier
            .iter()
            .position(|x| x.span == person.span)
            .unwrap_or(0);
        let g = of_mention(doc, person, &earlier[..idx])?;
        if found.is_some_and(|f| f != g) {
            return None;
        }
        found = Some(g);
    }
    found
}

/// Whether the copy before `end` names or describes anyone of gender `g`: a
/// mention of that gender, or a gendered word anywhere in the text.
pub fn anyone_of(doc: &Document, earlier: &[Mention], end: usize, g: Gender) -> bool {
    if earlier
        .iter()
        .any(|m| of_mention(doc, m, earlier) == Some(g))
    {
        return true;
    }
    doc.words_in(crate::span::Span::new(0, end))
        .any(|(_, w)| of_word(w) == Some(g))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_and_disjoint() {
        for list in [MALE_NAMES, FEMALE_NAMES, MALE_WORDS, FEMALE_WORDS] {
            assert!(list.windows(2).all(|p| p[0] < p[1]), "{list:?}");
        }
        for n in MALE_NAMES {
            assert!(!FEMALE_NAMES.contains(n), "{n}");
        }
    }

    #[test]
    fn a_role_takes_the_gender_of_the_name_it_was_given() {
        use super::super::mentions::find;
        let gender_of = |text: &str, word: &str| {
            let d = Document::new(text);
            let ms = find(&d);
            let i = ms.iter().rposition(|m| d.slice(m.span) == word).unwrap();
            of_mention(&d, &ms[i], &ms[..i])
        };
        let text = "The president of Argentina, Javier Milei, spoke. Later the president resigned.";
        assert_eq!(gender_of(text, "president"), Some(Gender::Male));
        let two =
            "The minister, Olga Petrova, met the minister, Ivan Petrov. The minister resigned.";
        assert_eq!(gender_of(two, "minister"), None);
        assert_eq!(gender_of("The president resigned.", "president"), None);
    }

    #[test]
    fn words_and_names() {
        assert_eq!(of_word("Mr."), Some(Gender::Male));
        assert_eq!(of_word("spokeswoman"), Some(Gender::Female));
        assert_eq!(of_word("official"), None);
        assert_eq!(of_word("ex-husband"), Some(Gender::Male));
        assert_eq!(of_word("Stepmother"), Some(Gender::Female));
        assert_eq!(of_word("son-in-law"), Some(Gender::Male));
        assert_eq!(of_word("step"), None);
        assert_eq!(of_given_name("Luis"), Some(Gender::Male));
        assert_eq!(of_given_name("Olga"), Some(Gender::Female));
        assert_eq!(of_given_name("Jean"), None);
        assert_eq!(of_given_name("Andrea"), None);
    }
}
