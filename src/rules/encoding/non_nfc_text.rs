use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::Document;
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

declare_rule! {
    /// ## What it does
    /// Flags letters written in decomposed form, a base letter followed by a combining
    /// accent ("Zu\u{308}rich" instead of "Zürich"), where Unicode normalisation form C
    /// has a single precomposed character.
    ///
    /// ## Why is this bad?
    /// The two forms look the same but compare differently: search, spell checking,
    /// de-duplication and name matching miss the decomposed one. It usually comes from
    /// text pasted from a macOS file name or a PDF.
    ///
    /// ## Example
    /// ```text flag
    /// The talks in Zürich ended.
    /// ```
    /// Use instead:
    /// ```text pass
    /// The talks in Zürich, São Paulo, Łódź and Ærø ended; Dvořák played. 10 Ω.
    /// ```
    ///
    /// ## Fix safety
    /// Normalisation to NFC keeps every character's identity, so the fix is safe.
    pub struct NonNfcText {
        id: "non-nfc-text",
        category: Encoding,
        fix: Always,
        summary: "Decomposed accents: text not in Unicode NFC",
    }
}

impl Rule for NonNfcText {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        if text.is_ascii() {
            return;
        }
        // Segments: a starter that is NFC-stable plus the marks that follow it. Only
        // segments with a combining mark (or a composing jamo) are checked, so
        // singletons like the ohm sign are left alone.
        let mut seg_start = 0;
        let mut marked = false;
        let mut segments: Vec<Span> = Vec::new();
        for (i, c) in text.char_indices() {
            // Below U+0300 every character is a stable starter: skip the lookups.
            let starter = c < '\u{300}'
                || (canonical_combining_class(c) == 0
                    && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes);
            if starter {
                if marked {
                    segments.push(Span::new(seg_start, i));
                }
                seg_start = i;
                marked = false;
            } else if canonical_combining_class(c) != 0 || ('\u{1160}'..='\u{11ff}').contains(&c) {
                marked = true;
            }
        }
        if marked {
            segments.push(Span::new(seg_start, text.len()));
        }
        for span in segments {
            let s = doc.slice(span);
            let nfc: String = s.nfc().collect();
            if nfc == s {
                continue;
            }
            out.emit(span, format!("decomposed text `{s}` is not in NFC"))
                .replace(
                    format!("use the composed form `{nfc}`"),
                    span,
                    nfc,
                    Applicability::Safe,
                );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    const R: NonNfcText = NonNfcText;

    #[test]
    fn decomposed_accents() {
        assert_fix_result(
            "Zu\u{308}rich and Sa\u{303}o Paulo",
            &R,
            "Zürich and São Paulo",
        );
        assert_flags("Dvor\u{30c}a\u{301}k", &R, &["r\u{30c}", "a\u{301}"]);
    }

    #[test]
    fn precomposed_and_uncomposable_pass() {
        assert_no_lints("Zürich, São Paulo, Łódź, Ñuñoa, Ærø, Dvořák", &R);
        // No precomposed form exists: NFC keeps the mark.
        assert_no_lints("q\u{301} and j\u{323}", &R);
        assert_no_lints("10 \u{2126} resistor", &R);
    }

    #[test]
    fn hangul_jamo() {
        assert_lint_count("\u{1100}\u{1161}", &R, 1);
    }
}
