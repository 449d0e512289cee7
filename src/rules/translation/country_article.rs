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
    /// Two-word names count too ("movements in the North Korea, officials said").
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
    /// ```text flag
    /// Officials watch moves by the North Korea relating to its missile programme.
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
    // A preposition that cannot take the name as a modifier: "moves by the North
    // Korea relating to missile development", "the Syria during the war".
    "during",
    "relating",
    "regarding",
    "concerning",
];

/// Country names of two words that take no article.
const TWO_WORD: &[(&str, &str)] = &[
    ("North", "Korea"),
    ("South", "Korea"),
    ("Saudi", "Arabia"),
    ("New", "Zealand"),
    ("South", "Africa"),
    ("Sri", "Lanka"),
    ("Costa", "Rica"),
    ("North", "Macedonia"),
    ("South", "Sudan"),
    ("Burkina", "Faso"),
    ("Sierra", "Leone"),
    ("East", "Timor"),
    ("San", "Marino"),
];

/// The index of the second word when tokens `k` and `k + 1` are a two-word
/// country name separated by one space.
fn two_word_name(doc: &Document, k: usize) -> Option<usize> {
    let text = doc.text();
    let toks = doc.tokens();
    let (a, b) = (toks.get(k)?, toks.get(k + 1)?);
    if b.kind != TokenKind::Word || text.get(a.span.end..b.span.start) != Some(" ") {
        return None;
    }
    let pair = (a.span.text(text), b.span.text(text));
    TWO_WORD
        .iter()
        .any(|&(x, y)| pair == (x, y))
        .then_some(k + 1)
}

/// Names that also belong to a river or a ship ("the Jordan's waters", "the
/// Georgia's crew"), where the article is right.
const POSSESSIVE_EXCEPTIONS: &[&str] = &["Jordan", "Niger", "Georgia"];

/// A country name in the possessive right after "the" ("the Mongolia’s Vice
/// Minister", "the North Korea's missiles"): the index of its last token and the
/// bare name. The possessive cannot belong to a noun the name modifies, so the
/// article is wrong whatever follows.
fn possessive_name<'a>(doc: &Document<'a>, k: usize) -> Option<(usize, &'a str)> {
    let text = doc.text();
    let toks = doc.tokens();
    let stem = |i: usize| {
        let w = toks
            .get(i)
            .filter(|t| t.kind == TokenKind::Word)?
            .span
            .text(text);
        w.strip_suffix("’s").or_else(|| w.strip_suffix("'s"))
    };
    if let Some(s) = stem(k) {
        return (COUNTRIES_NO_ARTICLE.contains(&s) && !POSSESSIVE_EXCEPTIONS.contains(&s))
            .then_some((k, s));
    }
    let (a, b) = (toks.get(k)?, toks.get(k + 1)?);
    if a.kind != TokenKind::Word || text.get(a.span.end..b.span.start) != Some(" ") {
        return None;
    }
    let (first, second) = (a.span.text(text), stem(k + 1)?);
    TWO_WORD
        .iter()
        .any(|&(x, y)| (first, second) == (x, y))
        .then(|| {
            (
                k + 1,
                &text[a.span.start..b.span.end - (b.span.text(text).len() - second.len())],
            )
        })
}

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
            if b.kind != TokenKind::Word || text[a.span.end..b.span.start] != *" " {
                continue;
            }
            if let Some((last, name)) = possessive_name(doc, i + 1) {
                let span = Span::new(a.span.start, toks[last].span.end);
                let d = out.emit(
                    span,
                    format!("`{name}` takes no article: `{}`", span.text(text)),
                );
                if art == "the" {
                    d.replace(
                        format!("write `{}`", &text[b.span.start..span.end]),
                        Span::new(a.span.start, b.span.start),
                        "",
                        Applicability::Unsafe,
                    );
                }
                continue;
            }
            // A two-word name ("the North Korea") ends one token later.
            let (last, name) = match two_word_name(doc, i + 1) {
                Some(end) => (end, &text[b.span.start..toks[end].span.end]),
                None if COUNTRIES_NO_ARTICLE.contains(&b.span.text(text)) => {
                    (i + 1, b.span.text(text))
                }
                None => continue,
            };
            let first = b;
            let b = toks[last];
            let i = last - 1;
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
                    Span::new(a.span.start, first.span.start),
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
        assert_flags(
            "We have monitored moves by the North Korea relating to missile development, and movements in the North Korea, officials said.",
            &CountryArticle,
            &["the North Korea", "the North Korea"],
        );
        assert_fix_result(
            "Trade with the Saudi Arabia, its neighbour, grew.",
            &CountryArticle,
            "Trade with Saudi Arabia, its neighbour, grew.",
        );
    }

    #[test]
    fn flags_article_before_a_possessive_country() {
        assert_flags(
            "with O.Erdenebulgan, the Mongolia’s Vice Minister of Mining; Susan Gregson, the Canada’s Deputy Minister",
            &CountryArticle,
            &["the Mongolia’s", "the Canada’s"],
        );
        assert_fix_result(
            "He criticised the North Korea's missile tests.",
            &CountryArticle,
            "He criticised North Korea's missile tests.",
        );
        assert_no_lints(
            "The Jordan's waters fell. The Georgia's crew was rescued. Mongolia’s cabinet met. The Netherlands' team won. The Gambia's president spoke.",
            &CountryArticle,
        );
    }

    #[test]
    fn two_word_names_before_a_noun_or_in_a_list() {
        assert_no_lints(
            "The North Korea talks stalled. The South Africa squad flew home. Leaders of the North Korea, South Korea and Japan group met. The New Zealand dollar fell.",
            &CountryArticle,
        );
        assert_no_lints("He spoke of the South as a whole.", &CountryArticle);
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
