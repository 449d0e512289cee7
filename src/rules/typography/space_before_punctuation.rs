use super::context::{in_code_span, in_machine_token};
use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::Document;
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags a space between a word and the comma, full stop, semicolon, colon,
    /// question mark or exclamation mark that follows it ("For its part , the",
    /// "much of Europe ."), and a space inside round brackets next to a word ("PAP
    /// ( Polska Agencja Prasowa )"); brackets with figures in them are a score or a
    /// table and are left alone.
    ///
    /// ## Why is this bad?
    /// English sets these marks directly after the word. The stray space is a typical
    /// trace of machine translation or of markup removed around the word, and a line
    /// break may separate the mark from its word.
    ///
    /// Not flagged: ellipses (" …", " ..."), decimals (" .5"), emoticons (" :)"),
    /// a no-break space before `;:!?` (French typography, deliberate), and anything
    /// inside a URL, e-mail address or code span.
    ///
    /// ## Example
    /// ```text flag
    /// For its part , the Interior Ministry said 98,000 people had arrived.
    /// ```
    /// ```text before
    /// free movement across much of Europe .
    /// ```
    /// ```text after
    /// free movement across much of Europe.
    /// ```
    /// Use instead:
    /// ```text pass
    /// It rose .5 percent … or so . . . she said :) at 10 :30 on .NET.
    /// ```
    ///
    /// ## Fix safety
    /// Removing the space cannot change the meaning.
    pub struct SpaceBeforePunctuation {
        id: "space-before-punctuation",
        category: Typography,
        fix: Always,
        summary: "Space between a word and the punctuation after it",
    }
}

fn word_end(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '”' | '’' | '"' | ')' | ']' | '»' | '%')
}

impl Rule for SpaceBeforePunctuation {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let bytes = text.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if !matches!(b, b',' | b'.' | b';' | b':' | b'!' | b'?') || i == 0 {
                continue;
            }
            // The run of spaces before the mark, on the same line.
            let before = &text[..i];
            let word = before.trim_end_matches([' ', '\t', '\u{a0}', '\u{202f}']);
            if word.len() == before.len() {
                continue;
            }
            let gap = &before[word.len()..];
            if !word.chars().next_back().is_some_and(word_end) {
                continue;
            }
            let next = text[i + 1..].chars().next();
            let next2 = text[i + 1..].chars().nth(1);
            let after_ok = next.is_none_or(|n| {
                n.is_whitespace() || matches!(n, '”' | '’' | '"' | ')' | ']' | '»')
            });
            let skip = match b {
                // Ellipsis, spaced ellipsis, decimal, file extension.
                b'.' => next == Some('.') || (next == Some(' ') && next2 == Some('.')) || !after_ok,
                b':' | b';' => {
                    next.is_some_and(|n| {
                        n.is_ascii_digit()
                            || matches!(
                                n,
                                ')' | '('
                                    | '-'
                                    | 'D'
                                    | 'P'
                                    | 'p'
                                    | 'O'
                                    | 'o'
                                    | '/'
                                    | '|'
                                    | '*'
                                    | ']'
                                    | '['
                                    | '\''
                                    | '3'
                            )
                    }) || gap.contains(['\u{a0}', '\u{202f}'])
                }
                b'!' | b'?' => {
                    gap.contains(['\u{a0}', '\u{202f}'])
                        || !after_ok && !matches!(next, Some('!' | '?'))
                        || (b == b'?' && next == Some(')') && open_paren(word))
                }
                _ => next.is_some_and(|n| n.is_ascii_digit()),
            };
            if skip || in_machine_token(text, i) || in_code_span(text, i) {
                continue;
            }
            let span = Span::new(word.len(), i + 1);
            let space = Span::new(word.len(), i);
            out.emit(span, format!("space before `{}`", b as char))
                .replace("remove the space", space, "", Applicability::Safe);
        }
        inner_bracket_spaces(text, out);
    }
}

/// "PAP ( Polska Agencja Prasowa )": a space inside a pair of round brackets,
/// next to a word. The pair must close on the same line within a short span, so a
/// stray bracket or a table cell is not taken for one.
fn inner_bracket_spaces(text: &str, out: &mut Emitter) {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(k) = text[from..].find("( ") {
        let open = from + k;
        from = open + 1;
        let before_ok = open == 0 || matches!(bytes[open - 1], b' ' | b'\n' | b'\t');
        let first = text[open + 2..].chars().next();
        if !before_ok || !first.is_some_and(char::is_alphabetic) {
            continue;
        }
        let line_end = text[open..].find('\n').map_or(text.len(), |e| open + e);
        let mut end = line_end.min(open + 122);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let Some(close) = text[open + 2..end]
            .find([')', '('])
            .map(|c| open + 2 + c)
            .filter(|&c| bytes[c] == b')')
        else {
            continue;
        };
        // "Match Ended ( Day 5 - 1st Test )": a score widget pads its brackets.
        if text[open..close].bytes().any(|b| b.is_ascii_digit())
            || in_machine_token(text, open)
            || in_code_span(text, open)
        {
            continue;
        }
        out.emit(Span::new(open, open + 2), "space after `(`")
            .replace(
                "remove the space",
                Span::new(open + 1, open + 2),
                "",
                Applicability::Safe,
            );
        // And its twin before the closing bracket: "Prasowa )".
        if bytes[close - 1] == b' '
            && text[..close - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            out.emit(Span::new(close - 1, close + 1), "space before `)`")
                .replace(
                    "remove the space",
                    Span::new(close - 1, close),
                    "",
                    Applicability::Safe,
                );
        }
    }
}

/// Whether `before` has a bracket opened on its own line and not yet closed:
/// "(were still ?)" is a transcriber's query about a word heard, set apart.
fn open_paren(before: &str) -> bool {
    let line = before.rsplit('\n').next().unwrap_or(before);
    line.rfind('(')
        .is_some_and(|o| line.rfind(')').is_none_or(|c| c < o))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    const R: SpaceBeforePunctuation = SpaceBeforePunctuation;

    #[test]
    fn flags_space_before_marks() {
        assert_flags("For its part , the ministry", &R, &[" ,"]);
        assert_flags("across much of Europe .", &R, &[" ."]);
        assert_flags("Start of widget . Skip widget?", &R, &[" ."]);
        assert_flags("Why ? Because ; then", &R, &[" ?", " ;"]);
        assert_fix_result("Europe .\nNext , line.", &R, "Europe.\nNext, line.");
    }

    #[test]
    fn leaves_ellipses_decimals_emoticons() {
        assert_no_lints("It grew … and grew ... and . . . stopped.", &R);
        assert_no_lints("A rise of .5 percent, a .22 rifle, the .NET team.", &R);
        assert_no_lints("She wrote :) and ;-) and :D to him.", &R);
        assert_no_lints("Kick-off at 10 :30 local time.", &R);
    }

    #[test]
    fn leaves_french_spacing_and_machine_tokens() {
        assert_no_lints("« Quoi\u{a0}? » dit-il\u{a0}; puis\u{202f}!", &R);
        assert_no_lints("Type `ls ; pwd` to see.", &R);
    }

    #[test]
    fn transcript_query_marks() {
        assert_no_lints(
            "when our two nations (had already ?) begun talks, and (inaudible) more.",
            &R,
        );
        // Outside a bracket it is still a stray space.
        assert_flags("Who said so ?) she asked", &R, &[" ?"]);
    }

    #[test]
    fn spaces_inside_brackets() {
        assert_flags(
            "He told PAP ( Polska Agencja Prasowa) on Monday.",
            &R,
            &["( "],
        );
        assert_fix_result(
            "He told PAP ( Polska Agencja Prasowa ) on Monday.",
            &R,
            "He told PAP (Polska Agencja Prasowa) on Monday.",
        );
        assert_no_lints(
            "A smile :( and ( ) blank, f( x) code, a ( stray bracket\nand (inaudible) more. ( 5 ) too.",
            &R,
        );
        assert_no_lints("Match Ended ( Day 5 - 1st Test ) India won.", &R);
        // No panic when the 120-byte window ends inside a character.
        let long = format!("( a{} ok", "é".repeat(80));
        assert_no_lints(&long, &R);
    }

    #[test]
    fn needs_a_word_before() {
        assert_no_lints("— , and ( . ) and\n. next", &R);
    }
}
