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
    /// and on the majority pronouns.
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
        for (i, m) in ms.iter().enumerate() {
            if !matches!(m.kind, Kind::He | Kind::She) || m.quoted {
                continue;
            }
            let from = paragraph_start(doc, m.paragraph, 1);
            lo = lo.max(window_start(&ms, i, from));
            let Some(person) = sole_person(&ms[lo..i]) else {
                continue;
            };
            let e = by_person.entry(ms[lo + person].key.clone()).or_insert((
                lo + person,
                Vec::new(),
                Vec::new(),
            ));
            if m.kind == Kind::He {
                e.1.push(i);
            } else {
                e.2.push(i);
            }
        }
        for (first, he, she) in by_person.values() {
            if he.is_empty() || she.is_empty() || he.len() == she.len() {
                continue;
            }
            let (minority, majority, maj_word) = if he.len() < she.len() {
                (he, she, "she")
            } else {
                (she, he, "he")
            };
            let name = ms[*first].span.text(text);
            for &k in minority {
                let m = &ms[k];
                let word = m.span.text(text);
                let d = out.emit(
                    m.span,
                    format!("`{word}` for {name}, who is “{maj_word}” elsewhere in the story"),
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

/// Index (into `window`) of the one person the window names, if no other person
/// is named or described there.
fn sole_person(window: &[Mention]) -> Option<usize> {
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
            Kind::PersonNoun if !m.apposition => return None,
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
    fn quotes_and_ties_are_ignored() {
        assert_no_lints(
            "Maria said on Monday: “He never came back. He was my son.” She wept.",
            &GenderFlip,
        );
        assert_no_lints("Sasha left. She was tired. Then he slept.", &GenderFlip);
    }
}
