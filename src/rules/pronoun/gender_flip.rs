use super::gender::{self, Gender};
use super::mentions::{Kind, Mention, find, paragraph_start, window_start};
use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::Document;
use crate::rule::{Emitter, Rule, RuleMeta};
use rustc_hash::FxHashSet as HashSet;
use std::collections::BTreeMap;

declare_rule! {
    /// ## What it does
    /// Flags a named person who is "he" in one place and "she" in another. Each
    /// third-person pronoun outside quotations is tied to a person only when that
    /// person is the one and only person named or described in the current and the
    /// previous paragraph; the minority pronoun is reported, with labels on the name
    /// and on the majority pronouns. A given name that is one gender in every
    /// language ("Olga", "Luis") or a title ("Mr", "Queen") breaks a tie, and flags
    /// a speaker's pronoun ("He said …", "…,” he said") that contradicts it even
    /// when the story has no other pronoun for that person. A speaker's pronoun
    /// with nobody in sight goes to the story's one named person when nobody else
    /// has been named or described and the name's gender contradicts it. Where
    /// the name says nothing ("Farzana"), a story that has called its one person
    /// "she" at least twice and never "he" stands for the name. A short fronted
    /// adverbial ("Every morning, he …") keeps the pronoun the sentence's subject.
    ///
    /// ## Why is this bad?
    /// Machine translation from languages without gendered pronouns, or with names
    /// whose gender it guesses (Nikita, Andrea), flips a person's pronoun. The reader
    /// then wonders whether a second person is meant.
    ///
    /// ## Example
    /// ```text flag
    /// Nikita spent two days at the border before she could enter Georgia.
    ///
    /// “I had no choice,” Nikita told AFP after crossing the border.
    ///
    /// Like most of the men interviewed, he did not give his surname.
    /// ```
    /// Use instead:
    /// ```text pass
    /// Anna Petrova crossed the border on Monday. She said the queue was long.
    ///
    /// Her brother Ivan stayed behind. He said he would follow.
    /// ```
    ///
    /// ## Fix safety
    /// The suggestion is display-only: which pronoun is right is for the editor.
    pub struct GenderFlip {
        id: "gender-flip",
        category: Pronoun,
        fix: Sometimes,
        summary: "Same person referred to as both he and she",
    }
}

impl Rule for GenderFlip {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let ms = find(doc);
        // key -> (first name mention, he pronouns, she pronouns)
        let mut by_person: BTreeMap<String, (usize, Vec<usize>, Vec<usize>)> = BTreeMap::new();
        let mut lo = 0usize;
        let mut story = Story::default();
        // People whose gender only the story's own pronouns give.
        let mut by_story: BTreeMap<String, Gender> = BTreeMap::new();
        for (i, m) in ms.iter().enumerate() {
            story.add(doc, m, i);
            if !matches!(m.kind, Kind::He | Kind::She) || m.quoted {
                continue;
            }
            let from = paragraph_start(doc, m.paragraph, 1);
            lo = lo.max(window_start(&ms, i, from));
            let not_meant = if m.kind == Kind::He {
                Gender::Female
            } else {
                Gender::Male
            };
            let person = match sole_person(doc, &ms[lo..i], not_meant) {
                Some(p) => {
                    let p = lo + p;
                    // The story's one person, called "she" twice and never "he".
                    if story.only_called(not_meant)
                        && story.described_as(not_meant)
                        && goes_on_about(&ms, i, not_meant)
                        && story
                            .sole(not_meant)
                            .is_some_and(|s| ms[s].key == ms[p].key)
                    {
                        by_story.insert(ms[p].key.clone(), not_meant);
                    }
                    p
                }
                // Nobody in sight: "He said." in a story that so far names one
                // person only, a woman by her given name or title (or a man, for
                // "she"), or one the story has called "she" at least twice and
                // never "he", and describes nobody else.
                None if names_nobody(doc, &ms[lo..i], not_meant) && speaker(doc, m) => {
                    match story.sole(not_meant) {
                        Some(p) if gender::of_mention(doc, &ms[p], &ms[..p]) == Some(not_meant) => {
                            p
                        }
                        Some(p)
                            if story.only_called(not_meant)
                                && story.described_as(not_meant)
                                && goes_on_about(&ms, i, not_meant) =>
                        {
                            by_story.insert(ms[p].key.clone(), not_meant);
                            p
                        }
                        _ => continue,
                    }
                }
                None => continue,
            };
            let e =
                by_person
                    .entry(ms[person].key.clone())
                    .or_insert((person, Vec::new(), Vec::new()));
            if m.kind == Kind::He {
                e.1.push(i);
            } else {
                e.2.push(i);
            }
        }
        for (first, he, she) in by_person.values() {
            let key = &ms[*first].key;
            // The given name or title, where the copy says it ("Olga", "Mr"), breaks
            // a tie and stands for the majority when only the wrong pronoun appears;
            // against the pronouns' majority it makes the picture unclear.
            let from_story = by_story.get(key).copied();
            let named = gender::of_mention(doc, &ms[*first], &ms[..*first]).or(from_story);
            let (minority, majority, maj_word, by_name) = match named {
                _ if he.is_empty() && she.is_empty() => continue,
                Some(Gender::Female) if she.is_empty() || she.len() >= he.len() => {
                    (he, she, "she", she.is_empty())
                }
                Some(Gender::Male) if he.is_empty() || he.len() >= she.len() => {
                    (she, he, "he", he.is_empty())
                }
                Some(_) => continue,
                None if he.is_empty() || she.is_empty() || he.len() == she.len() => continue,
                None if he.len() < she.len() => (he, she, "she", false),
                None => (she, he, "he", false),
            };
            if minority.is_empty()
                || (by_name
                    && (minority.len() > 2 || !minority.iter().all(|&k| speaker(doc, &ms[k]))))
            {
                continue;
            }
            let name = ms[*first].span.text(text);
            for &k in minority {
                let m = &ms[k];
                let word = m.span.text(text);
                let why = if by_name && from_story.is_none() {
                    "by name or title"
                } else {
                    "elsewhere in the story"
                };
                let d = out.emit(
                    m.span,
                    format!("`{word}` for {name}, who is “{maj_word}” {why}"),
                );
                d.label(ms[*first].span, "person named here");
                for &j in majority.iter().take(3) {
                    d.label(ms[j].span, format!("“{maj_word}” here"));
                }
                if let Some(r) = counterpart(word) {
                    d.replace(format!("use `{r}`"), m.span, r, Applicability::Display);
                }
            }
        }
    }
}

/// The people the story has named or described so far, kept as the mentions are
/// read, so that looking back over the whole story costs nothing per pronoun.
#[derive(Default)]
struct Story {
    /// The first mention of the one person named so far; `None` once there are two.
    only: Option<usize>,
    key: Option<String>,
    several: bool,
    /// Person nouns a "he" or a "she" could mean ("the farmer"), lower-cased
    /// with their gender if they have one.
    nouns: Vec<(String, Option<Gender>)>,
    /// Genders of nouns set beside the name ("the teacher Farzana Begum, a
    /// mother of two").
    described: Vec<Gender>,
    /// Unquoted "he" and "she" pronouns read so far.
    he: usize,
    she: usize,
}

impl Story {
    fn add(&mut self, doc: &Document, m: &Mention, i: usize) {
        match m.kind {
            Kind::Person if m.key.starts_with('?') => self.several = true,
            Kind::Person => match &self.key {
                None => {
                    self.key = Some(m.key.clone());
                    self.only = Some(i);
                }
                Some(k) if *k != m.key => self.several = true,
                _ => {}
            },
            Kind::He if !m.quoted => self.he += 1,
            Kind::She if !m.quoted => self.she += 1,
            Kind::PersonNoun => {
                let w = m.span.text(doc.text()).to_lowercase();
                if m.apposition {
                    // "The nurse who kept …" in the headline, then "the nurse
                    // Gulnara Sadykova": the noun was the named person all along.
                    self.nouns.retain(|(n, _)| *n != w);
                    if let Some(g) = gender::of_word(&w)
                        && !self.described.contains(&g)
                    {
                        self.described.push(g);
                    }
                } else {
                    if !self.nouns.iter().any(|(n, _)| *n == w) {
                        let g = gender::of_word(&w);
                        self.nouns.push((w, g));
                    }
                }
            }
            _ => {}
        }
    }

    /// Whether the story so far calls someone by the pronoun of gender `g` at
    /// least twice and never by the other, but for the pronoun being read (which
    /// `add` has already counted).
    fn only_called(&self, g: Gender) -> bool {
        let (same, other) = match g {
            Gender::Male => (self.he, self.she),
            Gender::Female => (self.she, self.he),
        };
        same >= 2 && other == 1
    }

    /// Whether the copy has described someone by a noun of gender `g`
    /// ("the 46-year-old woman"): the pronouns alone are thin evidence.
    fn described_as(&self, g: Gender) -> bool {
        self.nouns.iter().any(|(_, n)| *n == Some(g)) || self.described.contains(&g)
    }

    /// The one person of the story so far, if nobody else could be meant by a
    /// pronoun that cannot mean someone of gender `not_meant`.
    fn sole(&self, not_meant: Gender) -> Option<usize> {
        let noun = self.nouns.iter().any(|(_, g)| *g != Some(not_meant));
        if self.several || noun {
            None
        } else {
            self.only
        }
    }
}

/// Whether the story goes on about the person after pronoun `i` with a pronoun
/// of gender `g`, in the rest of its sentence or the next ("… he arrives at
/// seven. Pupils follow her lessons"): a man the copy never names ("she married a
/// carpenter. Every evening, he …") ends the passage instead.
fn goes_on_about(ms: &[Mention], i: usize, g: Gender) -> bool {
    let kind = match g {
        Gender::Male => Kind::He,
        Gender::Female => Kind::She,
    };
    let sentence = ms[i].sentence;
    ms[i + 1..]
        .iter()
        .take_while(|x| x.sentence <= sentence + 1)
        .any(|x| x.kind == kind && !x.quoted)
}

/// Whether the window names no person or institution and describes nobody a pronoun that cannot
/// mean gender `not_meant` could refer to.
fn names_nobody(doc: &Document, window: &[Mention], not_meant: Gender) -> bool {
    window.iter().all(|m| match m.kind {
        // An institution may be the "he" (the other rule's business), unless a
        // quotation names it ("If I waited for the government, …").
        Kind::Institution => m.quoted,
        Kind::Person => false,
        Kind::PersonNoun => {
            m.apposition || gender::of_word(m.span.text(doc.text())) == Some(not_meant)
        }
        _ => true,
    })
}

/// A pronoun that can only be the person just named: it opens its sentence ("He
/// said the queue was long") or is the speaker of a quotation ("…,” he said).
/// "Olga Petrova said he had left" may well be someone else.
fn speaker(doc: &Document, m: &Mention) -> bool {
    let text = doc.text();
    let sent = doc.sentences()[m.sentence].span;
    let before = text.get(sent.start..m.span.start).unwrap_or("").trim_end();
    let next = text
        .get(m.span.end..)
        .unwrap_or("")
        .split_whitespace()
        .next()
        .unwrap_or("");
    // "Every morning, he arrives …": the subject after a short fronted adverbial
    // of lower-case words.
    let fronted = before.strip_suffix(',').is_some_and(|b| {
        let words: Vec<&str> = b.split_whitespace().collect();
        (1..=3).contains(&words.len())
            && words[1..]
                .iter()
                .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
            && !words[0].contains(['”', '"', '»', '“'])
    });
    before.is_empty()
        || fronted
        || (before.ends_with([',', '”', '"', '»'])
            && crate::rules::translation::lexicon::is_reporting_verb(
                next.trim_end_matches(|c: char| !c.is_alphabetic()),
            ))
}

/// Index (into `window`) of the one person the window names, if no other person
/// is named or described there. A noun of gender `not_meant` ("the 46-year-old
/// woman" before "he") cannot be the pronoun's antecedent and does not count.
fn sole_person(doc: &Document, window: &[Mention], not_meant: Gender) -> Option<usize> {
    let mut keys: HashSet<&str> = HashSet::default();
    let mut last = None;
    for (i, m) in window.iter().enumerate() {
        match m.kind {
            Kind::Person => {
                if m.key.starts_with('?') {
                    return None;
                }
                keys.insert(&m.key);
                last = Some(i);
            }
            Kind::PersonNoun
                if !m.apposition && gender::of_word(m.span.text(doc.text())) != Some(not_meant) =>
            {
                return None;
            }
            _ => {}
        }
    }
    if keys.len() == 1 { last } else { None }
}

fn counterpart(word: &str) -> Option<&'static str> {
    Some(match word {
        "he" => "she",
        "He" => "She",
        "she" => "he",
        "She" => "He",
        "himself" => "herself",
        "herself" => "himself",
        "him" => "her",
        "his" => "her",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn given_name_or_title_breaks_a_tie_or_stands_alone() {
        assert_flags(
            "Olga Petrova has run the shop since 1990, and she opens it at seven.\n\n\
             “Business is good,” he said.",
            &GenderFlip,
            &["he"],
        );
        assert_flags(
            "Olga Petrova crossed the border on Monday. He said the queue was long.",
            &GenderFlip,
            &["He"],
        );
        assert_flags(
            "Mr. Petrov crossed the border on Monday. She said the queue was long.",
            &GenderFlip,
            &["She"],
        );
        assert_no_lints(
            "The suite where Mr and Mrs Obama stayed was searched. “It is fake,” he said.",
            &GenderFlip,
        );
        // A noun of the other gender cannot be meant; one of the same gender can.
        assert_flags(
            "Teacher Farzana Begum rebuilt the school. She teaches there. She lives nearby.\n\n“I had no choice,” says the \
             46-year-old woman. Every morning, he arrives at seven. She sweeps the floor.",
            &GenderFlip,
            &["he"],
        );
        assert_no_lints(
            "Teacher Farzana Begum rebuilt the school. She teaches there. She lives nearby.\n\nA farmer helped the woman. \
             Every morning, he arrives at seven. She sweeps the floor.",
            &GenderFlip,
        );
        // Nobody in sight: the story's one person, a woman by name.
        let shop = "Olga Petrova opened the shop in 1990. She still runs it.\n\n\
                    Business is slow in winter.\n\n";
        assert_flags(
            &format!("{shop}He said the rent had doubled."),
            &GenderFlip,
            &["He"],
        );
        // Someone else described, or an institution in sight: stay silent.
        assert_no_lints(
            &format!("{shop}A neighbour helps out.\n\nHe said the rent had doubled."),
            &GenderFlip,
        );
        assert_no_lints(
            &format!("{shop}The city council raised the rent.\n\nHe said it had doubled."),
            &GenderFlip,
        );
        // Not a speaker: "he" may be someone the excerpt does not name.
        assert_no_lints(
            "Olga Petrova said he had left the city in March.",
            &GenderFlip,
        );
        // A name that is not one gender everywhere, and a consistent story.
        assert_no_lints(
            "Andrea Rossi crossed the border on Monday. He said the queue was long.",
            &GenderFlip,
        );
        assert_no_lints(
            "Olga Petrova crossed the border. She said the queue was long. She waited.",
            &GenderFlip,
        );
        // The name says "he", the pronouns mostly "she": unclear, stay silent.
        assert_no_lints(
            "Andrei Balakirov said he was ready to leave.\n\nThe shop closed, she said. \
             She was sad, she added.",
            &GenderFlip,
        );
    }

    #[test]
    fn story_pronouns_give_the_gender_when_the_name_does_not() {
        let story = "Farzana Begum lost her house and the school where she taught.\n\n\
                     Farzana rebuilt it, with a loan from a cooperative.\n\n\
                     “I had no choice,” says the 46-year-old woman.\n\n";
        assert_flags(
            &format!("{story}Every morning, he arrives at seven. Pupils follow her lessons."),
            &GenderFlip,
            &["he"],
        );
        // Someone else described, or a single earlier "she": stay silent.
        assert_no_lints(
            &format!(
                "{story}A neighbour helps her.\n\nEvery morning, he arrives at seven. She \
                 teaches until noon."
            ),
            &GenderFlip,
        );
        assert_no_lints(
            "Farzana Begum lost the school where she taught.\n\nFarzana rebuilt it.\n\n\
             Every morning, he arrives at seven.",
            &GenderFlip,
        );
        // A headline noun the story then gives the name ("the teacher Farzana
        // Begum") is not a second person; one it never names is.
        let feature = "The teacher who rebuilt a school\n\n\
                       Floods took the house of the teacher Farzana Begum and the school \
                       where she taught.\n\nFarzana rebuilt it. “It was hard,” says the \
                       40-year-old woman.\n\nShe borrowed the money.\n\n";
        assert_flags(
            &format!("{feature}Every morning, he arrives at seven. She teaches until noon."),
            &GenderFlip,
            &["he"],
        );
        assert_no_lints(
            &format!(
                "{}Every morning, he arrives at seven. She teaches until noon.",
                feature.replace("The teacher who", "The farmer who")
            ),
            &GenderFlip,
        );
        // A man the copy introduces with a noun it does not know ("a carpenter")
        // and never mentions again: the story has moved on, stay silent.
        assert_no_lints(
            &format!(
                "{story}Last year, she married a carpenter. Every evening, he checks the roof."
            ),
            &GenderFlip,
        );
        // The story does not go on about her after the "he": stay silent.
        assert_no_lints(
            &format!("{story}Every morning, he arrives at seven."),
            &GenderFlip,
        );
        // Not the subject of its sentence.
        assert_no_lints(
            &format!("{story}Pupils say the roof leaks, he arrives late."),
            &GenderFlip,
        );
    }

    #[test]
    fn flips_minority_pronoun() {
        let text = "Nikita spent two days at the border before she could enter Georgia.\n\n\
                    “I had no choice,” Nikita told AFP.\n\n\
                    Like most of the men interviewed, he did not give his surname.";
        assert_flags(text, &GenderFlip, &["she"]);
    }

    #[test]
    fn two_people_are_not_a_flip() {
        assert_no_lints(
            "Anna Petrova crossed the border. She said her brother Ivan stayed. He said he would follow.",
            &GenderFlip,
        );
        assert_no_lints(
            "Jane Smith said she would run. John Smith said he would not. Smith said he was tired.",
            &GenderFlip,
        );
    }

    #[test]
    fn a_role_described_without_a_name_can_be_the_she() {
        // "the cabinet member" is a second person, whom "her" and "She" mean.
        assert_no_lints(
            "A former mayor, Desmond Ogilvie, has reignited his feud with the cabinet \
             member for planning, accusing her of never reading a planning application. \
             She has called the remark beneath him.\n\nOgilvie said he stood by it.",
            &GenderFlip,
        );
        // With nobody else described, the flip is still reported.
        assert_flags(
            "A former mayor, Desmond Ogilvie, has reignited his feud with the council. \
             He said the planning office ignored him.\n\nOgilvie repeated the claim. \
             She said she stood by it. He left.",
            &GenderFlip,
            &["She", "she"],
        );
    }

    #[test]
    fn quotes_and_ties_are_ignored() {
        assert_no_lints(
            "Maria said on Monday: “He never came back. He was my son.” She wept.",
            &GenderFlip,
        );
        assert_no_lints("Sasha left. She was tired. Then he slept.", &GenderFlip);
    }
}
