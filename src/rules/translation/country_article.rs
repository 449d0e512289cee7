use super::lexicon::{COUNTRIES_NO_ARTICLE, starts_upper};
use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::{Document, TokenKind};
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags "the" before a country whose English name takes no article ("member of
    /// a customs union, the Kazakhstan, a former Soviet republic"), a calque of
    /// French "le Kazakhstan" or Italian "la Russia".
    ///
    /// Only countries on a built-in list of article-less names are checked, so the
    /// United States, the Netherlands, the Philippines, the Gambia, the Czech
    /// Republic, the Caucasus or the EU are never flagged. The name must also stand on
    /// its own: followed by punctuation or a verb, not by a noun it modifies ("the
    /// Kazakhstan border", "the Russia of the 1990s").
    ///
    /// ## Why is this bad?
    /// The article marks the copy as translated and reads like an error.
    ///
    /// ## Example
    /// ```text flag
    /// Allied with Moscow, the Kazakhstan, a former Soviet republic, also courts China.
    /// ```
    /// Use instead:
    /// ```text pass
    /// Queues formed at the Kazakhstan border. The Netherlands and the United States agreed.
    /// ```
    /// ```text before
    /// Trade with the Georgia, its neighbour, grew.
    /// ```
    /// ```text after
    /// Trade with Georgia, its neighbour, grew.
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the article may belong to a noun the scraper dropped.
    pub struct CountryArticle {
        id: "country-article",
        category: Translation,
        fix: Always,
        summary: "Definite article before a country name that takes none",
    }
}

const VERBS_AFTER: &[&str] = &[
    "is",
    "was",
    "has",
    "had",
    "will",
    "would",
    "said",
    "says",
    "also",
    "however",
    "which",
    "remains",
    "remained",
    "became",
    "becomes",
    "announced",
    "reported",
    "itself",
];

impl Rule for CountryArticle {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let toks = doc.tokens();
        for i in 0..toks.len().saturating_sub(1) {
            let (a, b) = (toks[i], toks[i + 1]);
            let art = a.span.text(text);
            if a.kind != TokenKind::Word || !(art == "the" || art == "The") {
                continue;
            }
            let name = b.span.text(text);
            if b.kind != TokenKind::Word
                || !COUNTRIES_NO_ARTICLE.contains(&name)
                || text[a.span.end..b.span.start] != *" "
            {
                continue;
            }
            let after = toks.get(i + 2).map(|t| (t.kind, t.span.text(text)));
            let stands_alone = match after {
                // Copy cut off mid-word ("press secretary for the Russia" + end of
                // text): the next word ("Russian President") is missing, not wrong.
                None => false,
                Some((TokenKind::Punct, p)) => {
                    if p == "," {
                        // "the Georgia, Armenia and Azerbaijan borders": a list.
                        !toks
                            .get(i + 3)
                            .is_some_and(|t| starts_upper(t.span.text(text)))
                            || toks.get(i + 3).is_some_and(|t| {
                                matches!(t.span.text(text), "a" | "an" | "the" | "its" | "which")
                            })
                    } else {
                        matches!(p, "." | ";" | ":" | ")" | "!" | "?")
                    }
                }
                Some((TokenKind::Word, w)) => VERBS_AFTER.contains(&w),
                _ => false,
            };
            if !stands_alone {
                continue;
            }
            let span = Span::new(a.span.start, b.span.end);
            let d = out.emit(
                span,
                format!("`{name}` takes no article: `{}`", span.text(text)),
            );
            if art == "the" {
                d.replace(
                    format!("write `{name}`"),
                    Span::new(a.span.start, b.span.start),
                    "",
                    Applicability::Unsafe,
                );
            } else {
                d.replace(format!("write `{name}`"), span, name, Applicability::Unsafe);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn flags_article_before_country() {
        assert_flags(
            "A member of a customs union, the Kazakhstan, a former Soviet republic, agreed.",
            &CountryArticle,
            &["the Kazakhstan"],
        );
        assert_fix_result("He left the Russia.", &CountryArticle, "He left Russia.");
        assert_lint_count("The Ukraine has said no.", &CountryArticle, 1);
    }

    #[test]
    fn names_that_take_the_and_adjective_use() {
        // Cut off at the end of the copy: "the Russia[n President]".
        assert_no_lints(
            "Dmitry Peskov, press secretary for the Russia",
            &CountryArticle,
        );
        assert_no_lints(
            "The United States, the Netherlands, the Philippines, the Gambia and the Czech Republic agreed. The Caucasus and the EU too.",
            &CountryArticle,
        );
        assert_no_lints(
            "Cars queued at the Kazakhstan border. The Kazakhstan government agreed. The Russia of the 1990s is gone.",
            &CountryArticle,
        );
        assert_no_lints(
            "Talks on the Georgia, Armenia and Azerbaijan borders.",
            &CountryArticle,
        );
    }
}
