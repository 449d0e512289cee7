use super::mentions::{Kind, Mention, find, paragraph_start, window_start};
use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::{Document, TokenKind};
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::rules::translation::lexicon::is_reporting_verb;
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags "he" or "she" used for an organisation: a ministry, government, agency,
    /// company, court, party, the Kremlin, the White House. The pronoun must be the
    /// subject of an attribution (", he said in a statement") or open the sentence
    /// after one in which the organisation made a statement ("The ministry said … .
    /// However, he did not …"), and no person may be named or described in the
    /// two paragraphs before it.
    ///
    /// ## Why is this bad?
    /// French, Spanish and Russian give institutions gendered pronouns; machine
    /// translation carries them over and the reader looks for a man who is not there.
    ///
    /// ## Example
    /// ```text flag
    /// The Russian Defense Ministry has not sent any request to Kazakhstan, he said in a statement.
    /// ```
    /// ```text flag
    /// The Interior Ministry said 98,000 Russians had arrived. However, he did not provide any comparison.
    /// ```
    /// Use instead:
    /// ```text pass
    /// The ministry said 98,000 Russians had arrived, according to spokesman Ivan Petrov. He did not give a comparison.
    /// ```
    ///
    /// ## Fix safety
    /// Display only: "it" is the usual fix, but the verb or a possessive may need to
    /// change too.
    pub struct InstitutionPronoun {
        id: "institution-pronoun",
        category: Pronoun,
        fix: Always,
        summary: "Organisation referred to as he or she",
    }
}

const CONNECTIVES: &[&str] = &[
    "however",
    "but",
    "and",
    "yet",
    "still",
    "also",
    "moreover",
    "furthermore",
    "meanwhile",
    "nevertheless",
    "nonetheless",
    "besides",
    "instead",
    "later",
    "then",
];

impl Rule for InstitutionPronoun {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let ms = find(doc);
        let sentences = doc.sentences();
        for (i, m) in ms.iter().enumerate() {
            let word = m.span.text(text);
            if m.quoted || !matches!(word, "he" | "she" | "He" | "She") {
                continue;
            }
            let sent = sentences[m.sentence].span;
            let toks = doc.tokens_in(sent);
            let Some(pos) = toks.iter().position(|t| t.span == m.span) else {
                continue;
            };
            let next = toks
                .get(pos + 1)
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| t.span.text(text));
            let Some(next) = next else { continue };
            if !next.chars().next().is_some_and(char::is_lowercase) {
                continue;
            }
            let prev = pos.checked_sub(1).map(|p| toks[p].span.text(text));
            // ", he said" / "…,” he said"
            let attribution = matches!(prev, Some("," | "”" | "»")) && is_reporting_verb(next);
            // "He did not …" / "However, he did not …"
            let opening = pos <= 3 && {
                let before: Vec<&str> = toks[..pos]
                    .iter()
                    .map(|t| t.span.text(text))
                    .filter(|s| *s != ",")
                    .collect();
                before.is_empty()
                    || (before.len() == 1
                        && CONNECTIVES.contains(&before[0].to_lowercase().as_str()))
            };
            if !attribution && !opening {
                continue;
            }
            // The nearest institution before the pronoun, in this or the previous
            // sentence, with nobody else in sight.
            let window_from = paragraph_start(doc, m.paragraph, 2);
            let window: Vec<&Mention> = ms[window_start(&ms, i, window_from)..i].iter().collect();
            if window.iter().any(|x| {
                matches!(x.kind, Kind::Person | Kind::He | Kind::She)
                    || (x.kind == Kind::PersonNoun && !x.apposition)
            }) {
                continue;
            }
            let Some(inst) = window.iter().rev().find(|x| x.kind == Kind::Institution) else {
                continue;
            };
            if inst.paragraph + 1 < m.paragraph || inst.sentence + 1 < m.sentence {
                continue;
            }
            if !(attribution || inst.sentence < m.sentence && states(doc, inst)) {
                continue;
            }
            let it = if word.starts_with('H') || word.starts_with('S') {
                "It"
            } else {
                "it"
            };
            let name = inst.span.text(text);
            out.emit(
                m.span,
                format!("`{word}` refers to an institution (`{name}`), which is “it”"),
            )
            .label(inst.span, "subject introduced here")
            .replace(format!("use `{it}`"), m.span, it, Applicability::Display);
        }
    }
}

/// Whether a reporting verb follows the institution in its sentence: it made a
/// statement the next sentence continues.
fn states(doc: &Document, inst: &Mention) -> bool {
    let sent = doc.sentences()[inst.sentence].span;
    doc.words_in(Span::new(inst.span.end, sent.end))
        .take(25)
        .any(|(_, w)| is_reporting_verb(&w.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn attribution_after_institution() {
        assert_flags(
            "The Russian Defense Ministry will not send requests to Georgia and Russia. Other countries were not asked either, he said in a statement.",
            &InstitutionPronoun,
            &["he"],
        );
        assert_flags(
            "For its part , the Interior Ministry of Kazakhstan said 98,000 Russians had arrived.\n\nHowever, he did not provide any comparison.",
            &InstitutionPronoun,
            &["he"],
        );
    }

    #[test]
    fn people_in_sight_keep_it_clean() {
        assert_no_lints(
            "The ministry said 98,000 Russians had arrived, spokesman Ivan Petrov told reporters. He did not give a comparison.",
            &InstitutionPronoun,
        );
        assert_no_lints(
            "The court sentenced the man on Monday. He said he would appeal.",
            &InstitutionPronoun,
        );
        assert_no_lints(
            "Anna Berg runs the press office. The company said it was “not aware,” she said.",
            &InstitutionPronoun,
        );
    }

    #[test]
    fn object_pronoun_after_said_is_not_attribution() {
        assert_no_lints(
            "The court said he had been released on bail.",
            &InstitutionPronoun,
        );
        assert_no_lints(
            "Police said on Monday that the driver fled. He was later arrested.",
            &InstitutionPronoun,
        );
    }
}
