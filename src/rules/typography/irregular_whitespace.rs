use crate::declare_rule;
use crate::diagnostic::{Applicability, Severity};
use crate::document::{Document, is_blank};
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags whitespace left over from a scraper or an editing tool: spaces at the end
    /// of a line, a tab between words, two or more spaces inside a sentence, more than
    /// one blank line between paragraphs, and blank lines at the end of the file.
    ///
    /// ## Why is this bad?
    /// It is invisible in the editor but not in every output: extra blank lines become
    /// empty paragraphs, tabs and doubled spaces show as gaps, trailing whitespace turns
    /// up in diffs and breaks "identical text" checks between versions of a story.
    ///
    /// ## Example
    /// ```text flag
    /// The council met on Tuesday.  It voted.
    /// ```
    /// ```text before
    /// The council  met on Tuesday.
    ///
    ///
    /// It voted.
    /// ```
    /// ```text after
    /// The council met on Tuesday.
    ///
    /// It voted.
    /// ```
    /// Use instead:
    /// ```text pass
    /// The council met on Tuesday.
    ///
    /// It voted.
    /// ```
    ///
    /// ## Fix safety
    /// The fixes only remove whitespace between paragraphs or collapse it inside a line,
    /// so they cannot change what the copy says. Two spaces after a full stop (an older
    /// typing convention) are reported as info only.
    pub struct IrregularWhitespace {
        id: "irregular-whitespace",
        category: Typography,
        fix: Always,
        summary: "Trailing spaces, tabs, doubled spaces or extra blank lines",
    }
}

fn is_hspace(c: char) -> bool {
    c.is_whitespace() && c != '\n' && c != '\r'
}

impl Rule for IrregularWhitespace {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let lines = doc.lines();
        let blank: Vec<bool> = lines.iter().map(|l| is_blank(doc.slice(l.span))).collect();
        let Some(last) = blank.iter().rposition(|b| !b) else {
            return;
        };
        // Blank lines at the end: keep the last line's terminator, drop the rest.
        let tail = Span::new(lines[last].next, text.len());
        if !tail.is_empty() && last + 1 < lines.len() {
            let n = lines.len() - last - 1;
            out.emit(
                tail,
                format!(
                    "{n} blank line{} at the end of the file",
                    if n == 1 { "" } else { "s" }
                ),
            )
            .replace("remove them", tail, "", Applicability::Safe);
        }
        let mut i = 0;
        while i <= last {
            if !blank[i] {
                line_inner(doc, lines[i].span, out);
                i += 1;
                continue;
            }
            let mut j = i;
            while j <= last && blank[j] {
                j += 1;
            }
            let n = j - i;
            if n > 1 && i > 0 {
                // Keep one blank line; remove the others whole.
                let span = Span::new(lines[i + 1].span.start, lines[j].span.start);
                out.emit(span, format!("{n} blank lines in a row")).replace(
                    "keep one blank line",
                    span,
                    "",
                    Applicability::Safe,
                );
            } else {
                for line in &lines[i..j] {
                    if !line.span.is_empty() {
                        out.emit(line.span, "whitespace on a blank line").replace(
                            "remove it",
                            line.span,
                            "",
                            Applicability::Safe,
                        );
                    }
                }
            }
            i = j;
        }
    }
}

/// Trailing whitespace, tabs and space runs inside one non-blank line.
fn line_inner(doc: &Document, line: Span, out: &mut Emitter) {
    let s = doc.slice(line);
    let body = s.trim_end_matches(is_hspace);
    if body.len() < s.len() {
        let span = Span::new(line.start + body.len(), line.end);
        let d = out.emit(span, "trailing whitespace");
        d.replace("remove it", span, "", Applicability::Safe);
        // One or two spaces after the text: invisible once rendered and common in
        // clean copy pasted from a CMS, so only info.
        if s.len() - body.len() <= 2 && s[body.len()..].bytes().all(|b| b == b' ') {
            d.severity(Severity::Info);
        }
    }
    // Only runs holding a tab or two spaces can be reported or mark a table.
    if !body.contains('\t') && !body.contains("  ") {
        return;
    }
    let lead = body.len() - body.trim_start_matches(is_hspace).len();
    // Runs of horizontal whitespace between two visible characters.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in body.char_indices().skip_while(|&(i, _)| i < lead) {
        match (is_hspace(c), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                runs.push((st, i));
                start = None;
            }
            _ => {}
        }
    }
    // A line with several tab runs is a table; leave it alone.
    let tab_runs = runs
        .iter()
        .filter(|&&(a, b)| body[a..b].contains('\t'))
        .count();
    // Several wide space runs: columns aligned by hand, not a slip.
    let aligned = runs
        .iter()
        .filter(|&&(a, b)| b - a >= 3 && body[a..b].bytes().all(|x| x == b' '))
        .count()
        >= 2;
    for (a, b) in runs {
        let run = &body[a..b];
        let span = Span::new(line.start + a, line.start + b);
        if run.contains('\t') {
            if tab_runs == 1 {
                out.emit(span, "tab inside a line of prose").replace(
                    "replace with one space",
                    span,
                    " ",
                    Applicability::Safe,
                );
            }
            continue;
        }
        if aligned || run.chars().count() < 2 || !run.chars().all(|c| c == ' ') {
            continue;
        }
        let before = body[..a].trim_end_matches(['”', '’', '"', '\'', ')', ']', '»']);
        let after_sentence = before.ends_with(['.', '!', '?', ':']);
        let d = out.emit(span, format!("{} spaces in a row", run.len()));
        d.replace("replace with one space", span, " ", Applicability::Safe);
        // Two spaces between words are a typing slip that HTML hides ("far-off  border");
        // only runs of three or more point to something removed from the line.
        if after_sentence || run.len() == 2 {
            d.severity(Severity::Info);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    const R: IrregularWhitespace = IrregularWhitespace;

    #[test]
    fn trailing_blank_lines_at_end() {
        let text = "Rutte told a panel.\n\n\n\n";
        assert_flags(text, &R, &["\n\n\n"]);
        assert_fix_result(text, &R, "Rutte told a panel.\n");
        assert_no_lints("Rutte told a panel.\n", &R);
        assert_no_lints("Rutte told a panel.", &R);
    }

    #[test]
    fn blank_line_runs() {
        assert_fix_result("Title\n\n\n\nBody.\n", &R, "Title\n\nBody.\n");
        assert_no_lints("Title\n\nBody.\n\nMore.\n", &R);
    }

    #[test]
    fn trailing_spaces_and_tabs() {
        assert_fix_result("One. \nTwo.\t\nThree.\n", &R, "One.\nTwo.\nThree.\n");
        assert_fix_result("The\tcouncil met.", &R, "The council met.");
        assert_no_lints("Team\tP\tW\tPts\nArsenal\t10\t8\t24\n", &R);
        assert_no_lints("\tIndented paragraph.\n", &R);
        assert_no_lints("Team      Pts     W\nArsenal   24      8\n", &R);
    }

    #[test]
    fn double_spaces() {
        assert_fix_result("The  council met.", &R, "The council met.");
        let lints = lint_with("It met.  It voted.", &R);
        assert_eq!(lints.len(), 1);
        assert_eq!(lints[0].severity, Severity::Info);
    }

    #[test]
    fn small_invisible_slips_are_info() {
        let sev = |t: &str| {
            lint_with(t, &R)
                .iter()
                .map(|d| d.severity)
                .collect::<Vec<_>>()
        };
        // A stray space or two after a sentence, and two spaces between words.
        assert_eq!(sev("Residents left. \nThey came back.\n"), [Severity::Info]);
        assert_eq!(sev("camps in far-off  border towns"), [Severity::Info]);
        // Longer runs are layout residue: warnings.
        assert_eq!(sev("Residents left.     \nBack.\n"), [Severity::Warning]);
        assert_eq!(sev("camps in far-off    border towns"), [Severity::Warning]);
    }

    #[test]
    fn blank_line_with_spaces() {
        assert_fix_result("One.\n   \nTwo.\n", &R, "One.\n\nTwo.\n");
    }

    #[test]
    fn crlf() {
        assert_fix_result("One. \r\n\r\n\r\n\r\nTwo.\r\n", &R, "One.\r\n\r\nTwo.\r\n");
    }
}
