use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::{Document, TokenKind};
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags an adverb or adjective joined to itself by "and" or "or" ("operate
    /// smoothly and smoothly", "effective and effective measures"): a machine
    /// translation that rendered two near-synonyms of the source with one English word.
    ///
    /// Only words with an adverb or adjective ending (-ly, -ive, -ous, -ful, -ical,
    /// -able, -ible, -ic) are considered, so the English idioms of repetition stay
    /// clean: "again and again", "more and more", "over and over", "on and on",
    /// "bigger and bigger", "years and years", "waited and waited", "neck and neck".
    ///
    /// ## Why is this bad?
    /// The phrase says nothing twice; the reader sees that a word of the original was
    /// lost.
    ///
    /// ## Example
    /// ```text flag
    /// The Prime Minister asked ministries to operate the new apparatus smoothly and smoothly.
    /// ```
    /// Use instead:
    /// ```text pass
    /// Prices rose again and again, more and more slowly; they waited and waited, bigger and bigger crowds.
    /// ```
    /// ```text before
    /// They took effective and effective measures.
    /// ```
    /// ```text after
    /// They took effective measures.
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: dropping the repeat gives grammatical English, but a second word of the
    /// original was probably meant ("smoothly and efficiently").
    pub struct CoordinatedRepeat {
        id: "coordinated-repeat",
        category: Translation,
        fix: Always,
        summary: "Adverb or adjective coordinated with itself",
    }
}

/// Endings of adverbs and adjectives; nouns and verbs repeat for emphasis in English.
const ENDINGS: &[&str] = &["ly", "ive", "ous", "ful", "ical", "able", "ible", "ic"];

/// Words with those endings that are nouns or verbs, or idioms ("only and only").
const NOT_MODIFIERS: &[&str] = &[
    "only",
    "family",
    "ally",
    "rally",
    "supply",
    "reply",
    "apply",
    "comply",
    "rely",
    "imply",
    "multiply",
    "assembly",
    "anomaly",
    "monopoly",
    "italy",
    "july",
    "belly",
    "jelly",
    "bully",
    "lily",
    "holly",
    "fly",
    "butterfly",
    "homily",
    "tally",
    "sally",
    "folly",
    "doily",
    "gully",
    "ply",
    "table",
    "cable",
    "fable",
    "stable",
    "able",
    "bible",
    "music",
    "magic",
    "public",
    "clinic",
    "topic",
    "logic",
    "traffic",
    "panic",
    "picnic",
    "tonic",
    "comic",
    "epic",
    "critic",
    "relic",
    "mimic",
    "tunic",
    "arabic",
    "pacific",
    "attic",
    "disc",
    "mosaic",
    "plastic",
    "graphic",
    "olive",
    "drive",
    "live",
    "five",
    "give",
    "hive",
    "dive",
    "alive",
    "motive",
    "native",
    "detective",
    "objective",
    "executive",
    "representative",
    "relative",
    "initiative",
    "alternative",
    "incentive",
    "perspective",
    "directive",
    "narrative",
    "collective",
    "cooperative",
    "offensive",
    "explosive",
    "sedative",
];

impl Rule for CoordinatedRepeat {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        if !text.contains(" and ") && !text.contains(" or ") {
            return;
        }
        let toks = doc.tokens();
        for k in 1..toks.len().saturating_sub(1) {
            let mid = toks[k];
            let m = mid.span.text(text);
            if !matches!(m, "and" | "or") {
                continue;
            }
            let (a, b) = (toks[k - 1], toks[k + 1]);
            if a.kind != TokenKind::Word || b.kind != TokenKind::Word {
                continue;
            }
            let (x, y) = (a.span.text(text), b.span.text(text));
            if x != y || x.len() < 4 || !x.bytes().all(|c| c.is_ascii_lowercase()) {
                continue;
            }
            if !ENDINGS.iter().any(|e| x.ends_with(e)) || NOT_MODIFIERS.contains(&x) {
                continue;
            }
            // Same line, single spaces: "smoothly and smoothly".
            let gap1 = Span::new(a.span.end, mid.span.start).text(text);
            let gap2 = Span::new(mid.span.end, b.span.start).text(text);
            if gap1 != " " || gap2 != " " {
                continue;
            }
            let span = Span::new(a.span.start, b.span.end);
            out.emit(
                span,
                format!("`{x}` coordinated with itself: `{}`", span.text(text)),
            )
            .replace(
                "drop the repeat",
                Span::new(a.span.end, b.span.end),
                "",
                Applicability::Unsafe,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn flags_repeats() {
        assert_flags(
            "Operate the apparatus smoothly and smoothly. It was effective or effective.",
            &CoordinatedRepeat,
            &["smoothly and smoothly", "effective or effective"],
        );
        assert_fix_result(
            "A comprehensive and comprehensive plan.",
            &CoordinatedRepeat,
            "A comprehensive plan.",
        );
    }

    #[test]
    fn idioms_and_emphasis() {
        assert_no_lints(
            "Again and again, more and more, over and over, on and on, round and round, \
             through and through, by and by, bigger and bigger, years and years, \
             waited and waited, neck and neck, half and half, talking and talking.",
            &CoordinatedRepeat,
        );
        assert_no_lints(
            "Public and public, family and family, only and only.",
            &CoordinatedRepeat,
        );
        assert_no_lints(
            "Smoothly and Smoothly. smoothly, and smoothly. smoothly and\nsmoothly.",
            &CoordinatedRepeat,
        );
    }
}
