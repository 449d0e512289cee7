use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::Document;
use crate::markup::PLACEHOLDER;
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags a parenthesis that repeats, word for word, the words just before it:
    /// "the Supreme Court (Supreme Court) ordered", "the Ministry of Unification
    /// (Ministry of Unification)". Korean, Japanese and Chinese copy glosses a name
    /// in brackets with its Chinese characters or its short form; a translation
    /// engine renders both in English and they come out the same.
    ///
    /// Only an exact repeat counts (case aside), of at least three characters with a
    /// letter among them; a gloss that adds anything ("Seoul (Yonhap)", "the Fed
    /// (Federal Reserve)", "NATO (North Atlantic Treaty Organization)") stays clean,
    /// and so does the last word of a longer name given as its short form ("the
    /// High Court (Court)").
    ///
    /// ## Why is this bad?
    /// The reader sees the same name twice and looks for a difference that is not
    /// there.
    ///
    /// ## Example
    /// ```text flag
    /// He said the Supreme Court (Supreme Court) ordered Japanese companies to pay.
    /// ```
    /// Use instead:
    /// ```text pass
    /// The Korea Development Institute (KDI) and Seoul (Yonhap) reported it.
    /// ```
    /// ```text before
    /// The Ministry of Unification (Ministry of Unification) said so.
    /// ```
    /// ```text after
    /// The Ministry of Unification said so.
    /// ```
    ///
    /// ## Fix safety
    /// Safe: the bracket repeats the words before it and adds nothing.
    pub struct ParentheticalEcho {
        id: "parenthetical-echo",
        category: Translation,
        fix: Always,
        summary: "Brackets that repeat the words before them",
    }
}

/// Longer brackets are asides, not glosses of a name.
const MAX_GLOSS: usize = 80;

impl Rule for ParentheticalEcho {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let mut from = 0;
        while let Some(k) = text[from..].find(" (") {
            let open = from + k + 1;
            from = open + 1;
            let Some(len) = text[open + 1..]
                .bytes()
                .take(MAX_GLOSS + 1)
                .position(|b| matches!(b, b')' | b'(' | b'\n'))
            else {
                continue;
            };
            let close = open + 1 + len;
            if text.as_bytes()[close] != b')' {
                continue;
            }
            let inner = &text[open + 1..close];
            // Inline code in Markdown or HTML reaches rules as a placeholder word:
            // "`a` (`b`)" is two different codes, not a repeat.
            let placeholders = inner
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .all(|w| w == PLACEHOLDER);
            if inner.len() < 3
                || !inner.chars().any(char::is_alphabetic)
                || inner.trim() != inner
                || placeholders
            {
                continue;
            }
            let before = &text[..open - 1];
            let Some(start) = before.len().checked_sub(inner.len()) else {
                continue;
            };
            let Some(prev) = before.get(start..) else {
                continue;
            };
            // The repeat must start at a word boundary: "Court (Supreme Court)"
            // repeats nothing.
            let boundary = before[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if !boundary || !prev.eq_ignore_ascii_case(inner) {
                continue;
            }
            // "the High Court (Court)": one word of a longer name, given as its
            // short form.
            if !inner.contains(' ')
                && before[..start]
                    .trim_end()
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .is_some_and(|w| w.starts_with(char::is_uppercase))
            {
                continue;
            }
            let span = Span::new(start, close + 1);
            out.emit(
                Span::new(open, close + 1),
                format!("`({inner})` repeats the words before it"),
            )
            .label(span, "repeated here")
            .replace(
                "remove the bracket",
                Span::new(open - 1, close + 1),
                "",
                Applicability::Safe,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn flags_repeated_gloss() {
        assert_flags(
            "He said the Supreme Court (Supreme Court) ordered it.",
            &ParentheticalEcho,
            &["(Supreme Court)"],
        );
        assert_lint_count("Talks in Seoul (seoul) ended.", &ParentheticalEcho, 1);
        assert_fix_result(
            "The Ministry of Unification (Ministry of Unification) said so.",
            &ParentheticalEcho,
            "The Ministry of Unification said so.",
        );
        assert_message(
            "The Supreme Court (Supreme Court) ruled.",
            &ParentheticalEcho,
            "`(Supreme Court)` repeats the words before it",
        );
    }

    #[test]
    fn glosses_that_add_something() {
        assert_no_lints(
            "The Korea Development Institute (KDI), Seoul (Yonhap), the Fed (Federal Reserve), 100 (100) and the High Court (Court) ruled.",
            &ParentheticalEcho,
        );
        assert_no_lints("The Sun (UK) said. The ab (ab) test.", &ParentheticalEcho);
        assert_no_lints("A court ( court ) and (", &ParentheticalEcho);
        assert_no_lints("Rules such as code (code, code) apply.", &ParentheticalEcho);
    }
}
