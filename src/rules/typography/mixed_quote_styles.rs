use crate::declare_rule;
use crate::document::Document;
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Reports, once per document and as info, copy that mixes straight quotation
    /// marks or apostrophes (`"`, `'`) with curly ones (“ ” ‘ ’), with a label on the
    /// first mark of each style. Straight marks after a digit (feet and inches: 5'10",
    /// a 12" pizza) are not counted.
    ///
    /// ## Why is this bad?
    /// A house style uses one kind. A mix shows that paragraphs came from different
    /// sources or tools (a CMS, a scraper, a translation engine) and were never
    /// made consistent.
    ///
    /// ## Example
    /// ```text flag
    /// “We will stay,” she said. The country's interior ministry agreed.
    /// ```
    /// Use instead:
    /// ```text pass
    /// “We will stay,” she said. The country’s interior ministry agreed.
    /// ```
    pub struct MixedQuoteStyles {
        id: "mixed-quote-styles",
        category: Typography,
        severity: Info,
        fix: None,
        summary: "Straight and curly quotation marks mixed in one document",
    }
}

impl Rule for MixedQuoteStyles {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let mut straight: Option<(usize, char)> = None;
        let mut curly: Option<(usize, char)> = None;
        let mut prev: Option<char> = None;
        for (i, c) in text.char_indices() {
            let p = prev;
            prev = Some(c);
            match c {
                '"' | '\'' if straight.is_none() && !p.is_some_and(|p| p.is_ascii_digit()) => {
                    straight = Some((i, c));
                }
                '“' | '”' | '‘' | '’' if curly.is_none() => curly = Some((i, c)),
                _ => {}
            }
            if straight.is_some() && curly.is_some() {
                break;
            }
        }
        let (Some((s, sc)), Some((c, cc))) = (straight, curly) else {
            return;
        };
        let (first, fc, other, oc) = if s < c {
            (s, sc, c, cc)
        } else {
            (c, cc, s, sc)
        };
        let kind = |ch: char| {
            if matches!(ch, '"' | '\'') {
                "straight"
            } else {
                "curly"
            }
        };
        out.emit(
            Span::new(first, first + fc.len_utf8()),
            "straight and curly quotation marks are mixed in this document",
        )
        .label(
            Span::new(first, first + fc.len_utf8()),
            format!("first {} mark `{fc}`", kind(fc)),
        )
        .label(
            Span::new(other, other + oc.len_utf8()),
            format!("first {} mark `{oc}`", kind(oc)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::testing::*;

    const R: MixedQuoteStyles = MixedQuoteStyles;

    #[test]
    fn one_info_per_document() {
        let lints = lint_with("“Go,” he said. It's late. \"Now\" and 'then'.", &R);
        assert_eq!(lints.len(), 1);
        assert_eq!(lints[0].severity, Severity::Info);
        assert_eq!(lints[0].labels.len(), 2);
    }

    #[test]
    fn one_style_is_fine() {
        assert_no_lints("“Go,” he said. It’s late.", &R);
        assert_no_lints("\"Go,\" he said. It's late.", &R);
        assert_no_lints("“Go,” he said. He is 5'10\" and ate a 12\" pizza.", &R);
    }
}
