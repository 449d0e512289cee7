use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::{Document, TokenKind};
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::rules::pronoun::mentions::{Kind, find, paragraph_start, window_start};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags "him" or "her" after a verb that takes a person ("assured him",
    /// "promised her", "reminded him") when the subject is a named person and nobody
    /// else is named or described in the two paragraphs before: the pronoun can only
    /// be the subject itself. This is the inverted attribution of French wire copy,
    /// "a-t-il assuré mardi", rendered as "X assured him on Tuesday".
    ///
    /// ## Why is this bad?
    /// The reader looks for the man who was assured and finds none; the sentence
    /// means "X gave assurances on Tuesday that …".
    ///
    /// ## Example
    /// ```text flag
    /// Kazakh President Kassym-Jomart Tokaev assured him on Tuesday that his country would protect Russians.
    /// ```
    /// Use instead:
    /// ```text pass
    /// Tom Berg asked whether the loan was safe. Sara Lund assured him that the money would arrive.
    /// ```
    /// ```text before
    /// President Ilham Aliyev assured him on Tuesday that the border would stay open.
    /// ```
    /// ```text after
    /// President Ilham Aliyev assured on Tuesday that the border would stay open.
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: dropping the pronoun gives the intended meaning, but the editor may
    /// prefer "gave assurances" or "said".
    pub struct DanglingObjectPronoun {
        id: "dangling-object-pronoun",
        category: Translation,
        fix: Always,
        summary: "Object pronoun with no antecedent after a reporting verb",
    }
}

const VERBS: &[&str] = &[
    "assured",
    "assures",
    "reassured",
    "reassures",
    "promised",
    "promises",
    "reminded",
    "reminds",
    "confided",
    "confides",
];

impl Rule for DanglingObjectPronoun {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let ms = find(doc);
        for (i, m) in ms.iter().enumerate() {
            let word = m.span.text(text);
            if m.quoted || !matches!(word, "him" | "her") {
                continue;
            }
            let toks = doc.tokens_in(doc.sentences()[m.sentence].span);
            let Some(pos) = toks.iter().position(|t| t.span == m.span) else {
                continue;
            };
            if pos < 2 {
                continue;
            }
            let verb = toks[pos - 1];
            if verb.kind != TokenKind::Word || !VERBS.contains(&verb.span.text(text)) {
                continue;
            }
            // "her" must be the object, not a possessive: "assured her family".
            let next = toks.get(pos + 1).map(|t| t.span.text(text)).unwrap_or("");
            if word == "her"
                && !matches!(
                    next,
                    "that" | "on" | "in" | "at" | "," | "." | "last" | "this"
                )
            {
                continue;
            }
            // The subject: a named person ending right before the verb.
            let Some(subject) = ms[..i]
                .iter()
                .rev()
                .take(3)
                .find(|x| x.kind == Kind::Person && x.span.end <= verb.span.start)
            else {
                continue;
            };
            let gap = Span::new(subject.span.end, verb.span.start).text(text);
            if !gap.trim().is_empty() {
                continue;
            }
            let from = paragraph_start(doc, m.paragraph, 2);
            let other = ms[window_start(&ms, i, from)..i].iter().any(|x| {
                x.span.start < verb.span.start
                    && match x.kind {
                        Kind::Person => x.key != subject.key,
                        Kind::PersonNoun => !x.apposition,
                        _ => false,
                    }
            });
            if other {
                continue;
            }
            let vb = verb.span.text(text);
            let del = Span::new(verb.span.end, m.span.end);
            out.emit(
                Span::new(verb.span.start, m.span.end),
                format!("`{vb} {word}`: `{word}` has no antecedent other than the subject"),
            )
            .label(subject.span, "the only person in sight")
            .replace(format!("drop `{word}`"), del, "", Applicability::Unsafe);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn flags_self_referring_object() {
        assert_flags(
            "The ministry said 98,000 people arrived.\n\nKazakh President Kassym-Jomart Tokaev assured him on Tuesday that his country would help.",
            &DanglingObjectPronoun,
            &["assured him"],
        );
        assert_fix_result(
            "President Tokaev assured him on Tuesday that aid would come.",
            &DanglingObjectPronoun,
            "President Tokaev assured on Tuesday that aid would come.",
        );
    }

    #[test]
    fn real_antecedent_keeps_it_clean() {
        assert_no_lints(
            "Tom Berg asked about the loan. Sara Lund assured him that the money would arrive.",
            &DanglingObjectPronoun,
        );
        assert_no_lints(
            "Her father was worried. Sara Lund assured him that the money would arrive.",
            &DanglingObjectPronoun,
        );
        assert_no_lints(
            "Sara Lund assured her family that she was safe.",
            &DanglingObjectPronoun,
        );
        assert_no_lints(
            "She assured him that it would work.",
            &DanglingObjectPronoun,
        );
    }
}
