use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::Document;
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it does
    /// Flags escape sequences printed as text: `\n`, `\r`, `\t`, `\"`, `\'`, `\/`,
    /// `\u2019`, `\u{e9}`, `\x27`, left by a JSON or JavaScript export that was never
    /// decoded.
    ///
    /// Not flagged: Windows paths (`C:\new`, `\\server\share`) and code spans.
    ///
    /// ## Why is this bad?
    /// The reader sees a backslash code where a line break, a quotation mark or an
    /// accented letter should be.
    ///
    /// ## Example
    /// ```text flag
    /// The minister said \"we will not\" act.\nThe talks ended.
    /// ```
    /// ```text before
    /// It\u2019s over, Jos\u00e9 said.
    /// ```
    /// ```text after
    /// It’s over, José said.
    /// ```
    /// Use instead:
    /// ```text pass
    /// The file is in C:\news\report.doc; type `printf("\n")` to test.
    /// ```
    ///
    /// ## Fix safety
    /// Decoding a quote, slash or Unicode escape is safe. Whether `\n` was a line break
    /// or a paragraph break, and `\t` a space, is a guess: those fixes are unsafe.
    pub struct LiteralEscape {
        id: "literal-escape",
        category: Encoding,
        fix: Always,
        summary: "Escape sequence such as `\\n` or `\\u2019` shown as text",
    }
}

static ESCAPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"\\(?:u([0-9a-fA-F]{4})(?:\\u([dD][c-fC-F][0-9a-fA-F]{2}))?|u\{([0-9a-fA-F]{1,6})\}|U([0-9a-fA-F]{8})|x([0-9a-fA-F]{2})|([nrt"'/]))"#,
    )
    .unwrap()
});

fn hex(s: &str) -> Option<u32> {
    u32::from_str_radix(s, 16).ok()
}

/// The whitespace-delimited chunk around `pos` looks like a file path.
fn in_path(text: &str, pos: usize) -> bool {
    let start = crate::document::chunk_start(text, pos);
    let end = text[pos..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| pos + i);
    let chunk = &text[start..end];
    chunk.contains(":\\") || chunk.contains("\\\\")
}

fn in_code_span(text: &str, pos: usize) -> bool {
    let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..pos].matches('`').count() % 2 == 1
}

impl Rule for LiteralEscape {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        // Every escape is a backslash and one of these; a lone backslash (a path, a
        // smiley) is no reason to compile the regex.
        let opens = |w: &[u8]| w[0] == b'\\' && b"uUxnrt\"'/".contains(&w[1]);
        if !text.as_bytes().windows(2).any(opens) {
            return;
        }
        for c in ESCAPE.captures_iter(text) {
            let m = c.get(0).unwrap();
            if in_path(text, m.start()) || in_code_span(text, m.start()) {
                continue;
            }
            let (decoded, app) = if let Some(hi) = c.get(1) {
                let hi = hex(hi.as_str()).unwrap_or(0);
                let ch = match c.get(2).and_then(|lo| hex(lo.as_str())) {
                    Some(lo) if (0xD800..0xDC00).contains(&hi) => {
                        char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                    }
                    _ => char::from_u32(hi),
                };
                let Some(ch) = ch.filter(|c| !c.is_control()) else {
                    continue;
                };
                (ch.to_string(), Applicability::Safe)
            } else if let Some(h) = c.get(3).or(c.get(4)) {
                let Some(ch) = hex(h.as_str())
                    .and_then(char::from_u32)
                    .filter(|c| !c.is_control())
                else {
                    continue;
                };
                (ch.to_string(), Applicability::Safe)
            } else if let Some(h) = c.get(5) {
                // \x escapes: only printable ASCII is a sure reading.
                let Some(ch) = hex(h.as_str())
                    .and_then(char::from_u32)
                    .filter(|c| c.is_ascii_graphic())
                else {
                    continue;
                };
                (ch.to_string(), Applicability::Safe)
            } else {
                let k = c.get(6).unwrap().as_str();
                let next = text[m.end()..].chars().next();
                match k {
                    "n" | "r" | "t" => {
                        // `\nThe`, `\n\n`, `word.\n` at the end: an escaped break. A
                        // backslash word (`\noindent`) with no break-like context is not.
                        let prev = text[..m.start()].chars().next_back();
                        let after_word = prev.is_some_and(|p| !p.is_whitespace());
                        let before_break = next.is_none_or(|n| {
                            n.is_uppercase()
                                || n.is_whitespace()
                                || n == '\\'
                                || n == '"'
                                || n.is_ascii_digit()
                        });
                        if !(after_word || before_break) {
                            continue;
                        }
                        let rep = match k {
                            "n" => "\n",
                            "t" => " ",
                            _ => "",
                        };
                        (rep.to_string(), Applicability::Unsafe)
                    }
                    q => (q.to_string(), Applicability::Safe),
                }
            };
            let span = Span::new(m.start(), m.end());
            let shown = match decoded.as_str() {
                "\n" => "a line break".to_string(),
                "" => "nothing".to_string(),
                " " => "a space".to_string(),
                d => format!("`{d}`"),
            };
            out.emit(
                span,
                format!("escape sequence `{}` shown as text", m.as_str()),
            )
            .replace(format!("replace with {shown}"), span, decoded, app);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    const R: LiteralEscape = LiteralEscape;

    #[test]
    fn decodes_escapes() {
        assert_fix_result(
            "It\\u2019s over, Jos\\u00e9 said \\\"no\\\" \\ud83d\\ude00.",
            &R,
            "It’s over, José said \"no\" 😀.",
        );
        assert_fix_result("end.\\nThe next", &R, "end.\nThe next");
        assert_lint_count("a\\/b \\x27 \\u{e9}", &R, 3);
    }

    #[test]
    fn paths_and_code_pass() {
        assert_no_lints("Saved in C:\\news\\report.doc and \\\\server\\share.", &R);
        assert_no_lints("Type `printf(\"\\n\")` to test.", &R);
        assert_no_lints("A lone \\ backslash and \\noindent here.", &R);
    }
}
