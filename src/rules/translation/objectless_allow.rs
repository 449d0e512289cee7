use crate::declare_rule;
use crate::document::{Document, TokenKind};
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags "allow", "enable" or "permit" followed straight by "to" and a verb, with
    /// no object in between: "the closures would allow to save 80 billion pesos",
    /// "this enables to reduce costs", "a measure which would permit to avoid delays". It
    /// is the French "permettre de", the Spanish "permitir" and the Russian
    /// "позволяет" rendered word for word.
    ///
    /// The passive ("he was allowed to leave", "they were permitted to stay") and a
    /// verb whose object stands earlier in the sentence ("the firms that the law
    /// allows to operate") are English and stay clean, as does the recipe imperative
    /// ("allow to cool").
    ///
    /// ## Why is this bad?
    /// In English these verbs need someone who is allowed: "would allow the state to
    /// save", "allows costs to be cut", or a gerund, "allows saving". Without it the
    /// sentence reads as a translation.
    ///
    /// ## Example
    /// ```text flag
    /// The ministry said the closures would allow to save some 80,000 million pesos a year.
    /// ```
    /// Use instead:
    /// ```text pass
    /// The ministry said the closures would allow the state to save some 80,000 million pesos a year.
    /// ```
    /// ```text pass
    /// He was allowed to leave, and the firms that the law permits to operate stayed open.
    /// ```
    pub struct ObjectlessAllow {
        id: "objectless-allow",
        category: Translation,
        fix: None,
        summary: "`allow to`, `enables to` without an object: a translated construction",
    }
}

/// Forms of the verbs that need an object before "to". The past participles are
/// left out: "was allowed to leave" is the passive; so is "permits", a noun as often.
fn is_allow_form(w: &str) -> Option<Form> {
    match w {
        "allow" | "enable" | "permit" => Some(Form::Base),
        // Not "permits": a plural noun as often ("work permits to stay").
        "allows" | "enables" | "allowing" | "enabling" => Some(Form::Finite),
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Form {
    /// "allow": an imperative in recipes ("allow to cool"), so only after a modal
    /// or "to".
    Base,
    Finite,
}

/// Words after which the base form is a verb with a subject: "would allow to save".
const MODALS: &[&str] = &[
    "would", "will", "could", "can", "should", "may", "might", "must", "to", "not", "also",
];

/// Words that cannot start the verb phrase after "to": "allows to the public" is
/// another construction, not an infinitive.
const NOT_VERB: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
    "your", "my", "all", "some", "any", "each", "every", "such", "both", "no", "and", "or", "what",
    "which", "whom", "who", "it", "them", "him", "us", "me", "you",
];

/// Relative words: a relative pronoun before the subject of "allows" means the
/// object was moved in front ("the firms that the law allows to operate").
const RELATIVES: &[&str] = &["that", "which", "whom", "who", "what", "whose"];

impl Rule for ObjectlessAllow {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        if !(text.contains("allow") || text.contains("enabl") || text.contains("permit")) {
            return;
        }
        for s in doc.sentences() {
            let toks: Vec<(Span, &str)> = doc
                .tokens_in(s.span)
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| (t.span, t.span.text(text)))
                .collect();
            for (i, &(span, w)) in toks.iter().enumerate() {
                let Some(form) = is_allow_form(w) else {
                    continue;
                };
                let (Some(&(to_span, to)), Some(&(verb_span, verb))) =
                    (toks.get(i + 1), toks.get(i + 2))
                else {
                    continue;
                };
                // Single spaces only: "allow to save", not "allow, to save" or a line break.
                if to != "to"
                    || text.get(span.end..to_span.start) != Some(" ")
                    || text.get(to_span.end..verb_span.start) != Some(" ")
                {
                    continue;
                }
                if !verb.bytes().all(|b| b.is_ascii_lowercase())
                    || verb.len() < 2
                    || NOT_VERB.contains(&verb)
                {
                    continue;
                }
                let before: Vec<&str> = toks[..i].iter().rev().take(3).map(|t| t.1).collect();
                match form {
                    Form::Base => {
                        if !before.first().is_some_and(|p| MODALS.contains(p)) {
                            continue;
                        }
                    }
                    Form::Finite => {
                        // "which allows to save": the relative is the subject. "which
                        // it allows to continue": the object was moved in front.
                        let moved = before
                            .iter()
                            .skip(1)
                            .any(|p| RELATIVES.contains(&p.to_ascii_lowercase().as_str()));
                        // "is allowing to" is as wrong as "allows to"; "being allowed"
                        // never reaches here.
                        if moved {
                            continue;
                        }
                    }
                }
                let whole = Span::new(span.start, verb_span.end);
                let who = match w.as_bytes()[0] {
                    b'a' => "allowed",
                    b'e' => "enabled",
                    _ => "permitted",
                };
                out.emit(
                    whole,
                    format!(
                        "`{}` has no object: name who is {who} to {verb}, or rephrase",
                        whole.text(text)
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn flags_objectless_infinitives() {
        assert_flags(
            "The closures would allow to save money. This enables to reduce costs. \
             It is a measure which would permit to avoid delays. The reform, allowing to \
             cut taxes, passed.",
            &ObjectlessAllow,
            &[
                "allow to save",
                "enables to reduce",
                "permit to avoid",
                "allowing to cut",
            ],
        );
    }

    #[test]
    fn leaves_english_alone() {
        for t in [
            "He was allowed to leave, and they were permitted to stay.",
            "The law allows companies to hire staff and enables them to grow.",
            "Remove the pan from the heat and allow to cool for ten minutes.",
            "The firms that the law permits to operate stayed open.",
            "It is a case which the court allows to proceed.",
            "The museum allows to the public only on Sundays.",
            "The rules allow access to the site; the pass enables entry to all halls.",
            "Allow to cool. Then serve.",
            "The council would allow\nto save time.",
            "The city issued 40 permits to build homes; he has permit to enter the site.",
        ] {
            assert_no_lints(t, &ObjectlessAllow);
        }
    }
}
