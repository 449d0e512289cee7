use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::Document;
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags characters that take no space on the page but live in the text: zero-width
    /// spaces, non-joiners and joiners outside the scripts and emoji sequences that
    /// need them, soft hyphens inside words, a byte-order mark after the start of the
    /// file, C0 and C1 control characters (other than tab and line breaks), bidi
    /// control characters in text without right-to-left script, and U+FFFD replacement
    /// characters.
    ///
    /// ## Why is this bad?
    /// They break search ("Zelen\u{ad}sky" does not match "Zelensky"), word counts and
    /// spell checking, and can reorder or hide text. A U+FFFD means a character was
    /// lost when the text was decoded.
    ///
    /// ## Example
    /// ```text flag
    /// The Kremlin​ said on Tuesday that talks had failed.
    /// ```
    /// Use instead:
    /// ```text pass
    /// The Kremlin said on Tuesday that talks had failed. 👩‍💻 مرحبا‌ها
    /// ```
    ///
    /// ## Fix safety
    /// Removing an invisible character leaves the visible text as it was, so it is
    /// safe. A U+FFFD stands for a lost character that only a person can restore: its
    /// suggestion is shown, never applied.
    pub struct InvisibleCharacter {
        id: "invisible-character",
        category: Encoding,
        fix: Always,
        summary: "Invisible or control character in the copy",
    }
}

fn describe(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200b}' => "zero-width space",
        '\u{200c}' => "zero-width non-joiner",
        '\u{200d}' => "zero-width joiner",
        '\u{2060}' => "word joiner",
        '\u{feff}' => "byte-order mark",
        '\u{ad}' => "soft hyphen",
        '\u{fffd}' => "replacement character",
        '\u{200e}' | '\u{200f}' | '\u{61c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            "bidi control character"
        }
        '\t' | '\n' | '\r' => return None,
        '\u{0}'..='\u{1f}' | '\u{7f}' => "control character",
        '\u{80}'..='\u{9f}' => "C1 control character",
        _ => return None,
    })
}

/// Letters of scripts that use joiners and zero-width spaces in ordinary writing
/// (Arabic, Persian, Indic, Thai, Khmer and so on).
fn complex_script(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        c.is_alphabetic()
            && ('\u{590}'..='\u{1fff}').contains(&c)
            && !('\u{1e00}'..='\u{1eff}').contains(&c)
    })
}

fn emoji_like(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        let u = c as u32;
        (0x1F000..=0x1FAFF).contains(&u)
            || (0x2600..=0x27BF).contains(&u)
            || (0xFE00..=0xFE0F).contains(&u)
            || (0x1F3FB..=0x1F3FF).contains(&u)
            || u == 0x20E3
    })
}

fn is_rtl(c: char) -> bool {
    ('\u{590}'..='\u{8ff}').contains(&c)
        || ('\u{fb1d}'..='\u{fdff}').contains(&c)
        || ('\u{fe70}'..='\u{feff}').contains(&c) && c != '\u{feff}'
}

impl Rule for InvisibleCharacter {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let start = doc.content_start();
        let mut rtl_line: Option<(usize, bool)> = None;
        let mut prev: Option<char> = None;
        let mut it = text[start..].char_indices().peekable();
        while let Some((k, c)) = it.next() {
            let i = start + k;
            let p = prev;
            prev = Some(c);
            let Some(what) = describe(c) else { continue };
            let next = it.peek().map(|x| x.1);
            let keep = match c {
                '\u{200c}' | '\u{200d}' | '\u{200b}' => {
                    complex_script(p)
                        || complex_script(next)
                        || (c == '\u{200d}' && (emoji_like(p) || emoji_like(next)))
                }
                // A soft hyphen only matters inside a word.
                '\u{ad}' => {
                    !(p.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic))
                }
                '\u{200e}'
                | '\u{200f}'
                | '\u{61c}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}' => {
                    let line = doc.line_index(i);
                    if rtl_line.is_none_or(|(l, _)| l != line) {
                        let has = doc.slice(doc.lines()[line].span).chars().any(is_rtl);
                        rtl_line = Some((line, has));
                    }
                    rtl_line.is_some_and(|(_, has)| has)
                }
                // A C1 control after a Latin-1 letter is part of mojibake; that rule
                // reports it with its repair.
                '\u{80}'..='\u{9f}' => p.is_some_and(|p| ('\u{c0}'..='\u{ff}').contains(&p)),
                _ => false,
            };
            if keep {
                continue;
            }
            let span = Span::new(i, i + c.len_utf8());
            let code = format!("U+{:04X}", c as u32);
            let d = out.emit(span, format!("invisible {what} ({code}) in the text"));
            if c == '\u{fffd}' {
                d.note("a character was lost when the text was decoded")
                    .replace(
                        "restore the lost character",
                        span,
                        "",
                        crate::diagnostic::Applicability::Display,
                    );
            } else {
                d.replace(format!("remove the {what}"), span, "", Applicability::Safe);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    const R: InvisibleCharacter = InvisibleCharacter;

    #[test]
    fn flags_and_removes() {
        assert_fix_result("Krem\u{200b}lin said", &R, "Kremlin said");
        assert_fix_result("Zelen\u{ad}sky", &R, "Zelensky");
        assert_fix_result("a\u{feff}b\u{7}c\u{200e}d", &R, "abcd");
        assert_lint_count("a\u{202e}b\u{2066}c", &R, 2);
    }

    #[test]
    fn leading_bom_and_legit_uses_pass() {
        assert_no_lints("\u{feff}Hello, tab\there.\r\n", &R);
        assert_no_lints("👩\u{200d}💻 and 👍\u{1f3fd}", &R);
        assert_no_lints("می\u{200c}خواهم and क्\u{200d}ष", &R);
        assert_no_lints("שלום\u{200f} (Tel Aviv)", &R);
        assert_no_lints("line-\u{ad}\nbreak", &R);
    }

    #[test]
    fn replacement_char_is_display_only() {
        assert_lint_count("Z\u{fffd}rich", &R, 1);
        assert_fix_result("Z\u{fffd}rich", &R, "Z\u{fffd}rich");
    }

    #[test]
    fn c1_after_latin1_letter_left_to_mojibake() {
        assert_no_lints("Å\u{81}Ã³dÅº", &R);
        assert_lint_count("a\u{85}b", &R, 1);
    }
}
