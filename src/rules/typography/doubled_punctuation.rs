use super::context::{in_code_span, in_machine_token};
use crate::declare_rule;
use crate::diagnostic::{Applicability, Severity};
use crate::document::Document;
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags punctuation marks typed twice or stacked where one belongs: ",,", "..",
    /// ". .", ";;", ",.", "?.", "!,". A pair of `?` and `!` ("?!", "!!") is reported as
    /// info only, since some copy uses it on purpose.
    ///
    /// Not flagged: ellipses ("...", "…", ". . ."), an abbreviation's full stop
    /// followed by a comma or other mark ("etc.,", "U.S.?"), a name that ends in its
    /// own mark inside a sentence ("En Marche!, Richard Ferrand"), "::", "--", and
    /// runs inside URLs or code.
    ///
    /// ## Why is this bad?
    /// It is a slip that readers notice at once, often left where an editor or a
    /// translation engine joined two sentences.
    ///
    /// ## Example
    /// ```text flag
    /// The ministry said,, on Tuesday, that it would not act..
    /// ```
    /// ```text before
    /// It will not seek extradition,, the ministry said.
    /// ```
    /// ```text after
    /// It will not seek extradition, the ministry said.
    /// ```
    /// Use instead:
    /// ```text pass
    /// He waited... and waited… Apples, pears, etc., were sold in the U.S.; see ../a.
    /// The secretary of En Marche!, Richard Ferrand, agreed.
    /// ```
    ///
    /// ## Fix safety
    /// Dropping a repeated mark is safe; which of two different marks to keep is a
    /// guess, so that fix is unsafe.
    pub struct DoubledPunctuation {
        id: "doubled-punctuation",
        category: Typography,
        fix: Always,
        summary: "Punctuation mark doubled or stacked",
    }
}

fn is_mark(b: u8) -> bool {
    matches!(b, b',' | b'.' | b';' | b':' | b'!' | b'?')
}

impl Rule for DoubledPunctuation {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if !is_mark(bytes[i]) {
                i += 1;
                continue;
            }
            // A run of marks, possibly with single spaces between them (". .").
            let mut j = i + 1;
            while j < bytes.len()
                && (is_mark(bytes[j])
                    || (bytes[j] == b' ' && bytes.get(j + 1).copied().is_some_and(is_mark)))
            {
                j += 1;
            }
            let run = &text[i..j];
            let marks: Vec<u8> = run.bytes().filter(|&b| b != b' ').collect();
            let start = i;
            i = j;
            if marks.len() < 2 {
                continue;
            }
            if let Some((sev, keep)) = judge(text, start, &marks, run)
                && !in_machine_token(text, start)
                && !in_code_span(text, start)
            {
                // A line of nothing but marks is a separator, not a slip.
                let line = doc.line_with_terminator(start);
                if doc
                    .slice(line)
                    .trim()
                    .bytes()
                    .all(|b| is_mark(b) || b == b' ')
                {
                    continue;
                }
                let span = Span::new(start, j);
                let same = marks.iter().all(|&m| m == marks[0]);
                let app = if same {
                    Applicability::Safe
                } else {
                    Applicability::Unsafe
                };
                let d = out.emit(span, format!("doubled punctuation `{run}`"));
                d.replace(
                    format!("replace with `{keep}`"),
                    span,
                    keep.to_string(),
                    app,
                );
                if sev == Severity::Info {
                    d.severity(Severity::Info);
                }
            }
        }
    }
}

/// Whether a run of marks is a slip, how sure we are, and which mark to keep.
fn judge(text: &str, start: usize, marks: &[u8], run: &str) -> Option<(Severity, char)> {
    let first = marks[0];
    let last = *marks.last().expect("two or more marks");
    let dots = marks.iter().filter(|&&m| m == b'.').count();
    // Ellipses: "...", "....", ". . .", "?..." and "word...,".
    if dots >= 3 || run.contains("...") || run.contains(". . .") {
        return None;
    }
    if marks.iter().all(|m| matches!(m, b'?' | b'!')) {
        return Some((Severity::Info, last as char));
    }
    if marks.len() > 2 {
        return Some((Severity::Warning, first as char));
    }
    let prev = text[..start].chars().next_back();
    let next = text[start + run.len()..].chars().next();
    match (first, last) {
        (b'.', b'.') => {
            // "1..10" ranges, "../" paths.
            if prev.is_some_and(|c| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit())
                || next == Some('/')
                || prev.is_none_or(char::is_whitespace)
            {
                None
            } else {
                Some((Severity::Warning, '.'))
            }
        }
        // A full stop before a semicolon after a plain word ("the United States.;"):
        // machine-made lists end each item with both.
        (b'.', b';') if plain_word_before(&text[..start]) => Some((Severity::Warning, ';')),
        // An abbreviation's stop before another mark: "etc.,", "U.S.?", "Inc.:".
        (b'.', _) => None,
        (b':', b':') => None,
        (a, b) if a == b => Some((Severity::Warning, a as char)),
        // ",." ";." ":." and "?." "!,": keep the stronger, final mark for a comma
        // before a stop, the question or exclamation mark otherwise.
        (b',' | b';' | b':', b) => Some((Severity::Warning, b as char)),
        // "En Marche!, Richard Ferrand", "Yahoo!, Google": a name that ends in its
        // own mark, inside a sentence, takes the comma after it.
        (b'?' | b'!', b',' | b';' | b':') if name_with_mark(&text[..start]) => None,
        (a @ (b'?' | b'!'), _) => Some((Severity::Warning, a as char)),
        _ => None,
    }
}

/// Abbreviations of four letters or more that take a full stop.
const LONG_ABBREVIATIONS: &[&str] = &[
    "admin", "approx", "assoc", "ariz", "blvd", "bros", "calif", "capt", "colo", "comm", "conn",
    "corp", "dept", "dist", "esp", "excl", "govt", "incl", "intl", "mass", "mich", "minn", "misc",
    "natl", "nebr", "okla", "penn", "prof", "sept", "supt", "tenn", "univ", "wash",
];

/// Whether `before` ends with a word of four letters or more that is no
/// abbreviation: "States", "about", not "etc", "Corp", "U.S" or "No. 5".
fn plain_word_before(before: &str) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(k, c)| k + c.len_utf8());
    let word = &before[word_start..];
    if word.chars().count() < 4 {
        return false;
    }
    if before[..word_start]
        .chars()
        .next_back()
        .is_some_and(|c| c == '.' || c.is_alphanumeric())
    {
        return false;
    }
    let lower = word.to_lowercase();
    !LONG_ABBREVIATIONS.contains(&lower.as_str())
}

/// Whether `before` ends with a capitalised word that does not open its sentence
/// ("… the secretary of En Marche", "… rivals such as Yahoo").
fn name_with_mark(before: &str) -> bool {
    let word_start = before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |k| {
        k + before[k..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &before[word_start..];
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let earlier = before[..word_start].trim_end_matches([' ', '\t']);
    !(earlier.is_empty() || earlier.ends_with(['.', '!', '?', '\n', '"', '“', '‘', '\'', ':', '(']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    const R: DoubledPunctuation = DoubledPunctuation;

    #[test]
    fn names_ending_in_a_mark() {
        assert_no_lints(
            "The secretary of En Marche!, Richard Ferrand, spoke. Rivals such as Yahoo!, Bing and others.",
            &R,
        );
        assert_lint_count("It ended. Done!, he said.", &R, 1);
        assert_lint_count("He shouted stop!, and ran.", &R, 1);
    }

    #[test]
    fn flags_doubles() {
        assert_flags(
            "said,, on. It ended.. Then;; and . . end",
            &R,
            &[",,", "..", ";;"],
        );
        assert_flags("Why?. And so,. Done!,", &R, &["?.", ",.", "!,"]);
        assert_flags("it ended. .", &R, &[". ."]);
        assert_fix_result("extradition,, the", &R, "extradition, the");
        assert_fix_result("it ended. . Then", &R, "it ended. Then");
    }

    #[test]
    fn stop_and_semicolon_after_a_word() {
        assert_flags(
            "– first we need information from the United States.;\n– Contacts are planned.",
            &R,
            &[".;"],
        );
        assert_fix_result(
            "they will inform us about.; then",
            &R,
            "they will inform us about; then",
        );
        assert_no_lints(
            "Acme Corp.; Widget Inc.; Apples etc.; U.S.; No. 5.; Calif.;",
            &R,
        );
    }

    #[test]
    fn ellipses_and_abbreviations_pass() {
        assert_no_lints(
            "He waited... and... waited…. Apples, etc., in the U.S.? Inc.: yes. . . . .",
            &R,
        );
        assert_no_lints("pages 1..10, see ../index and std::fmt or `a,,b`.", &R);
        assert_no_lints("......\n. . . .\n", &R);
    }

    #[test]
    fn question_exclamation_is_info() {
        let lints = lint_with("Really?! No!!", &R);
        assert_eq!(lints.len(), 2);
        assert!(lints.iter().all(|d| d.severity == Severity::Info));
    }
}
