use crate::declare_rule;
use crate::diagnostic::{Applicability, Severity, Suggestion};
use crate::document::Document;
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Pairs quotation marks paragraph by paragraph and flags a quotation opened and
    /// never closed, one closed with a mark of another style (“ … », « … ”, or a low
    /// „ or ‚ opener in English copy), and a closing mark with no opener. It follows
    /// the wire convention for quotations that run over several paragraphs: a paragraph
    /// may stay open when the next one opens with a quotation mark again. Apostrophes
    /// (’s, s’, ’90s, rock ’n’ roll, ’em, o’clock, don't) never count as quotes, nor do
    /// spaced guillemets used as arrows ("News » World") or quotes inside leaked HTML
    /// tags. In copy that opens quotations with “, a quotation opened with ” is flagged,
    /// and so is a curly ‘ closed with a typewriter '.
    ///
    /// ## Why is this bad?
    /// A reader cannot tell where the quoted words stop and the reporter's resume. A
    /// missing closer is also a sign that the scraper or the translation lost text.
    ///
    /// ## Example
    /// ```text flag
    /// Rinkevics said many were “agreeing to kill Ukrainians. They did not protest then.
    ///
    /// The only EU country that still accepts them is Finland.
    /// ```
    /// ```text flag
    /// “In recent days, many people come to us from Russia. »
    /// ```
    /// Use instead:
    /// ```text pass
    /// “The first paragraph of a long quotation stays open,” she said. “So does this one.
    ///
    /// “And this one closes,” she added. Rock ’n’ roll in the ’90s, o’clock, the boys’ bags.
    /// ```
    ///
    /// ## Fix safety
    /// Only where the quotation should end is a matter of judgement, so the suggestions
    /// are shown, never applied.
    pub struct UnbalancedQuotation {
        id: "unbalanced-quotation",
        category: Typography,
        fix: Always,
        summary: "Quotation mark without its partner, or closed with the wrong style",
    }
}

#[derive(Clone, Copy, Debug)]
struct Open {
    pos: usize,
    ch: char,
    double: bool,
}

/// Elisions written with a left single quote by autocorrect: ‘em, ‘n’, ‘til.
const ELISIONS: &[&str] = &[
    "em", "n", "til", "cause", "tis", "twas", "bout", "round", "nuff", "cuz", "s",
];

fn closes(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '…' | '—' | '–' | '-'
            )
            || matches!(c, '”' | '’' | '»' | '«' | '"' | '\'' | '“')
    })
}

fn opens(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_none_or(|p| {
        p.is_whitespace()
            || matches!(
                p,
                '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '«' | '„' | '‚'
            )
    }) && next.is_some_and(|n| !n.is_whitespace())
}

/// The usual closer of an opener, for the suggestion.
fn partner(open: char) -> char {
    match open {
        '“' | '„' => '”',
        '«' => '»',
        '»' => '«',
        '‘' | '‚' => '’',
        '"' => '"',
        '”' => '”',
        _ => '”',
    }
}

/// Whether a closer properly ends a quotation opened with `open` in English copy.
fn matches_pair(open: char, close: char) -> bool {
    matches!(
        (open, close),
        ('“', '”')
            | ('“', '“')
            | ('“', '"')
            | ('"', '"')
            | ('"', '”')
            | ('«', '»')
            | ('»', '«')
            | ('”', '”')
            | ('‘', '’')
    )
}

impl Rule for UnbalancedQuotation {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let paras = doc.paragraphs();
        let english_openers = text.contains('“');
        let mut chars: Vec<(usize, char)> = Vec::new();
        for (pi, para) in paras.iter().enumerate() {
            let ptext = doc.slice(para.span);
            if !ptext.contains(['“', '”', '«', '»', '„', '‚', '‘', '"']) {
                continue;
            }
            chars.clear();
            chars.extend(ptext.char_indices().map(|(i, c)| (para.span.start + i, c)));
            let mut stack: Vec<Open> = Vec::new();
            let mut tag_end = 0usize;
            // Last closers of the paragraph, found once: "does one follow?" in O(1).
            let last_guillemet = chars.iter().rposition(|x| x.1 == '»');
            let last_right_single = chars.iter().rposition(|x| x.1 == '’');
            let last_right_double = chars.iter().rposition(|x| x.1 == '”');
            for k in 0..chars.len() {
                let (pos, c) = chars[k];
                let prev = k.checked_sub(1).map(|j| chars[j].1);
                let next = chars.get(k + 1).map(|x| x.1);
                // Quotes inside leaked HTML tags (`<img alt="" />`) are attribute
                // syntax, reported by the markup rules.
                if k < tag_end {
                    continue;
                }
                if c == '<'
                    && next.is_some_and(|n| n.is_ascii_alphabetic() || n == '/')
                    && let Some(len) = chars[k + 1..]
                        .iter()
                        .take(400)
                        .take_while(|x| x.1 != '\n' && x.1 != '<')
                        .position(|x| x.1 == '>')
                {
                    tag_end = k + len + 2;
                    continue;
                }
                // "â€" then a quote mark is mojibake of a dash or quote (reported
                // by the encoding rules), not a quotation mark.
                if prev == Some('€') && k >= 2 && chars[k - 2].1 == 'â' {
                    continue;
                }
                let top = stack.last().copied();
                let top_double = stack.iter().rev().find(|o| o.double).copied();
                // `2”` is an inch mark ("up to 2” of rain", "2-3”, or 5-7”") when no
                // quotation is open, or when a closer follows before any new opener
                // and so can close the one that is.
                if c == '”'
                    && prev.is_some_and(|p| p.is_ascii_digit())
                    && (top_double.is_none() || closer_comes_first(&chars[k + 1..]))
                {
                    continue;
                }
                match c {
                    '“' | '„' | '«' | '"' | '»' | '”' => {
                        let closing = match c {
                            '“' => {
                                top_double.is_some_and(|o| matches!(o.ch, '“' | '„'))
                                    && prev.is_some_and(|p| !p.is_whitespace())
                                    && closes(next)
                            }
                            '„' => false,
                            '«' => {
                                top_double.is_some_and(|o| o.ch == '»')
                                    && prev.is_some_and(|p| !p.is_whitespace())
                                    && closes(next)
                            }
                            '"' => {
                                top_double.is_some_and(|o| o.ch == '"')
                                    || (top_double.is_some_and(|o| o.ch == '“')
                                        && prev.is_some_and(|p| !p.is_whitespace())
                                        && closes(next))
                            }
                            // » opens German copy (»so«) when nothing it could close is open.
                            '»' => top_double.is_some() || !opens(prev, next),
                            // ” opens Swedish-style copy (”så”) the same way.
                            _ => top_double.is_some() || !opens(prev, next),
                        };
                        if !closing {
                            // "« Previous": a spaced arrow, when no » follows to close it.
                            if c == '«'
                                && spaced(prev, next)
                                && last_guillemet.is_none_or(|j| j < k)
                            {
                                continue;
                            }
                            if c == '"' && prev.is_some_and(|p| p.is_ascii_digit()) {
                                continue; // inch mark: 12" pizza
                            }
                            if c == '"' && !opens(prev, next) && closes(next) {
                                // A straight closer with no opener: thin evidence.
                                stray(out, pos, c, Severity::Info);
                                continue;
                            }
                            // “… declared as “absconder”. …”: a word or two quoted
                            // inside a quotation with the same marks, as court copy
                            // quoting a judgment does. The outer one stays open.
                            if c == '“'
                                && top.is_some_and(|t| t.double && t.ch == '“')
                                && nested_term(&chars, k, last_right_double)
                            {
                                stack.push(Open {
                                    pos,
                                    ch: c,
                                    double: true,
                                });
                                continue;
                            }
                            if let Some(t) = top.filter(|t| t.double && t.ch == c) {
                                stack.pop();
                                // The wire convention inside one block: a quotation
                                // running on into a new paragraph, set on its own line
                                // after the last one's full stop, opens it again.
                                if !reopens_line(&chars[..k]) {
                                    unclosed_before(out, text, t, pos);
                                }
                            }
                            // ”Nyansapo” in copy that opens its quotations with “.
                            if c == '”' && english_openers {
                                closer_as_opener(out, pos);
                            }
                            stack.push(Open {
                                pos,
                                ch: c,
                                double: true,
                            });
                            continue;
                        }
                        // Close the innermost double quotation; single ones left open
                        // inside it were apostrophes after all.
                        let Some(idx) = stack.iter().rposition(|o| o.double) else {
                            // A spaced » with nothing open is an arrow or a breadcrumb
                            // separator ("News » World", "Read more »"), not a quote.
                            if c == '»' && spaced(prev, next) {
                                continue;
                            }
                            stray(out, pos, c, Severity::Warning);
                            continue;
                        };
                        let open = stack[idx];
                        stack.truncate(idx);
                        let low = matches!(open.ch, '„');
                        if low || !matches_pair(open.ch, c) {
                            mismatch(out, text, open, pos, c);
                        }
                    }
                    '‘' | '‚' => {
                        let apostrophe = prev.is_some_and(char::is_alphanumeric)
                            || next.is_some_and(|n| n.is_ascii_digit())
                            || elision_follows(&chars[k + 1..]);
                        if c == '‘'
                            && top.is_some_and(|o| o.ch == '‚')
                            && prev.is_some_and(|p| !p.is_whitespace())
                            && closes(next)
                        {
                            let open = stack.pop().expect("top exists");
                            mismatch(out, text, open, pos, c);
                            continue;
                        }
                        if apostrophe || (c == '‚' && !opens(prev, next)) {
                            continue;
                        }
                        stack.push(Open {
                            pos,
                            ch: c,
                            double: false,
                        });
                    }
                    // Two apostrophes typed together after a word close a double
                    // quotation, as typewriter and TeX-style copy writes the closing
                    // mark: "get him,'' seduced him", “a wise goal,’’ said Fenton.
                    '\'' | '’'
                        if next == Some(c)
                            && prev.is_some_and(|p| !p.is_whitespace())
                            && !chars.get(k + 2).is_some_and(|x| x.1.is_alphanumeric())
                            && let Some(idx) = stack.iter().rposition(|o| o.double) =>
                    {
                        stack.truncate(idx);
                        tag_end = k + 2;
                    }
                    // ‘forced step': a typewriter mark closing a curly opener, when no
                    // curly closer follows (else it is an apostrophe: the boys' bags).
                    '\'' => {
                        if let Some(o) = top.filter(|o| !o.double && o.ch == '‘')
                            && prev.is_some_and(|p| !p.is_whitespace())
                            && !next.is_some_and(char::is_alphanumeric)
                            && last_right_single.is_none_or(|j| j < k)
                        {
                            stack.pop();
                            mismatch(out, text, o, pos, c);
                        }
                    }
                    '’' => {
                        if let Some(o) = top.filter(|o| !o.double)
                            && prev.is_some_and(|p| !p.is_whitespace())
                            && !next.is_some_and(char::is_alphanumeric)
                        {
                            stack.pop();
                            if o.ch == '‚' {
                                mismatch(out, text, o, pos, c);
                            }
                        }
                    }
                    _ => {}
                }
            }
            if stack.is_empty() {
                continue;
            }
            // Wire convention: a quotation running on opens the next paragraph again.
            let continues = paras.get(pi + 1).is_some_and(|n| {
                doc.slice(n.span)
                    .starts_with(['“', '"', '«', '„', '»', '”', '‘'])
            });
            // Hard-wrapped copy: a short line (wrapped at a fixed width) stops
            // mid-sentence, on a word or a comma, and the sentence goes on in the
            // very next line, where the quotation may close.
            let wrapped = ptext.chars().count() <= 100
                && ptext
                    .trim_end()
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == ',')
                && paras.get(pi + 1).is_some_and(|n| {
                    matches!(text.get(para.span.end..n.span.start), Some("\n" | "\r\n"))
                });
            if continues || wrapped {
                continue;
            }
            let end = para.span.end;
            let last = text[..end].chars().next_back().map_or(0, char::len_utf8);
            for o in stack {
                let d = out.emit(
                    Span::new(o.pos, o.pos + o.ch.len_utf8()),
                    format!(
                        "quotation opened with `{}` is not closed before the paragraph ends",
                        o.ch
                    ),
                );
                d.label(
                    Span::new(end - last, end),
                    "paragraph ends here without a closing quote",
                )
                .suggest(
                    Suggestion::new(
                        format!("close the quotation with `{}` where it ends", partner(o.ch)),
                        Applicability::Display,
                    )
                    .edit(Span::new(end, end), partner(o.ch).to_string()),
                );
                if !o.double {
                    // ‘ doubles as a mistyped apostrophe.
                    d.severity(Severity::Info);
                }
            }
        }
    }
}

/// Whether the `“` at `k` opens a short term quoted mid-sentence (after a word, not a
/// sentence end) whose `”` comes within a few words, with another `”` after it left to
/// close the quotation around it.
fn nested_term(chars: &[(usize, char)], k: usize, last_close: Option<usize>) -> bool {
    let mut back = chars[..k].iter().rev().map(|x| x.1);
    if back.next() != Some(' ') || back.next().is_none_or(|c| !c.is_alphanumeric()) {
        return false;
    }
    let Some(len) = chars[k + 1..]
        .iter()
        .take(40)
        .take_while(|x| !matches!(x.1, '“' | '\n'))
        .position(|x| x.1 == '”')
    else {
        return false;
    };
    let words = chars[k + 1..k + 1 + len]
        .iter()
        .filter(|x| x.1 == ' ')
        .count()
        + 1;
    words <= 4 && last_close.is_some_and(|j| j > k + 1 + len)
}

/// Whether the quotation mark after `before` starts a line (bar spaces) and the line
/// before it ends a sentence.
fn reopens_line(before: &[(usize, char)]) -> bool {
    let mut it = before.iter().rev().map(|x| x.1);
    if it
        .by_ref()
        .find(|&c| c != ' ' && c != '\t')
        .is_none_or(|c| c != '\n')
    {
        return false;
    }
    it.find(|&c| !matches!(c, ' ' | '\t' | '\r'))
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | ':'))
}

/// Whether the next curly double quote in `rest` is a closer `”` (not an opener).
fn closer_comes_first(rest: &[(usize, char)]) -> bool {
    rest.iter()
        .find(|x| matches!(x.1, '“' | '”'))
        .is_some_and(|x| x.1 == '”')
}

/// White space (or the edge of the paragraph) on both sides of a mark.
fn spaced(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_none_or(char::is_whitespace) && next.is_none_or(char::is_whitespace)
}

fn elision_follows(rest: &[(usize, char)]) -> bool {
    let word: String = rest
        .iter()
        .map(|x| x.1)
        .take_while(|c| c.is_alphabetic())
        .take(6)
        .collect();
    let after = rest.get(word.chars().count()).map(|x| x.1);
    ELISIONS.contains(&word.to_lowercase().as_str())
        && !matches!(after, Some('’') if word.len() > 1)
}

fn stray(out: &mut Emitter, pos: usize, c: char, severity: Severity) {
    let span = Span::new(pos, pos + c.len_utf8());
    out.emit(span, format!("closing quote `{c}` has no opening quote"))
        .severity(severity)
        .suggest(
            Suggestion::new(
                "remove it, or add the opening quote",
                Applicability::Display,
            )
            .edit(span, ""),
        );
}

fn closer_as_opener(out: &mut Emitter, pos: usize) {
    let span = Span::new(pos, pos + '”'.len_utf8());
    out.emit(
        span,
        "quotation opened with the closing mark `”`; this copy opens quotations with `“`",
    )
    .suggest(Suggestion::new("open it with `“`", Applicability::Display).edit(span, "“"));
}

fn unclosed_before(out: &mut Emitter, text: &str, open: Open, next: usize) {
    let _ = text;
    let d = out.emit(
        Span::new(open.pos, open.pos + open.ch.len_utf8()),
        format!(
            "quotation opened with `{}` is not closed before the next one opens",
            open.ch
        ),
    );
    d.label(
        Span::new(next, next + open.ch.len_utf8()),
        "a new quotation opens here",
    )
    .suggest(
        Suggestion::new(
            format!(
                "close the quotation with `{}` where it ends",
                partner(open.ch)
            ),
            Applicability::Display,
        )
        .edit(Span::new(next, next), partner(open.ch).to_string()),
    );
    if !open.double {
        d.severity(Severity::Info);
    }
}

fn mismatch(out: &mut Emitter, text: &str, open: Open, pos: usize, close: char) {
    let span = Span::new(pos, pos + close.len_utf8());
    // Take a space before a French-style closer along: “ … safe. » → “ … safe.”
    let mut fix = span;
    if matches!(close, '»' | '«') && text[..pos].ends_with([' ', '\u{a0}', '\u{202f}']) {
        let sp = text[..pos].chars().next_back().map_or(0, char::len_utf8);
        fix = Span::new(pos - sp, span.end);
    }
    let want = match open.ch {
        '„' => '“',
        '‚' => '‘',
        c => partner(c),
    };
    let replacement = if matches!(open.ch, '„' | '‚') {
        // The opener is the odd one out in English copy.
        out.emit(
            span,
            format!(
                "quotation opened with `{}` is closed with `{close}`",
                open.ch
            ),
        )
        .label(
            Span::new(open.pos, open.pos + open.ch.len_utf8()),
            "low opening quote, not used in English copy",
        )
        .suggest(
            Suggestion::new(
                format!("open with `{want}` and close with `{}`", partner(want)),
                Applicability::Display,
            )
            .edit(
                Span::new(open.pos, open.pos + open.ch.len_utf8()),
                want.to_string(),
            )
            .edit(span, partner(want).to_string()),
        );
        return;
    } else {
        want.to_string()
    };
    out.emit(
        span,
        format!(
            "quotation opened with `{}` is closed with `{close}`",
            open.ch
        ),
    )
    .label(
        Span::new(open.pos, open.pos + open.ch.len_utf8()),
        "quotation opened here",
    )
    .suggest(
        Suggestion::new(format!("close it with `{want}`"), Applicability::Display)
            .edit(fix, replacement),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    const R: UnbalancedQuotation = UnbalancedQuotation;

    #[test]
    fn unclosed_at_paragraph_end() {
        assert_flags(
            "He said “agreeing to kill. They did not protest.\n\nThe only EU country.",
            &R,
            &["“"],
        );
        assert_flags(
            "“It’s hard. I feel sorry – scary.\n\n\nAssociated Press.",
            &R,
            &["“"],
        );
    }

    #[test]
    fn multi_paragraph_quotation_is_fine() {
        assert_no_lints(
            "“The first part runs on.\n\n“The second too.\n\n“And the last closes,” she said.",
            &R,
        );
        assert_no_lints("“First line runs on.\n“Second closes.”\nNext.", &R);
    }

    #[test]
    fn quotation_running_on_to_a_new_line_is_fine() {
        // Paragraphs set one per line: the running quotation opens each line again.
        assert_no_lints(
            "It said, “Rising prices are eroding household purchasing power.\n“We have revised our forecast upwards.” The bank said more.",
            &UnbalancedQuotation,
        );
        // A hard-wrapped sentence closes its quotation on a later line: the opener
        // is not reported, only the closer, as a stray at info level.
        let wrapped = "\"To Prime Minister Josaia Bainimarama and foreign minister Ratu\nInoke Kubuabola I have conveyed that we will be present in\nthe region,\" he said.";
        assert_lint_count(wrapped, &UnbalancedQuotation, 1);
        assert_message(
            wrapped,
            &UnbalancedQuotation,
            "closing quote `\"` has no opening quote",
        );
        // A line that ends its sentence still needs the closing mark.
        assert_lint_count(
            "\"We will be present in the region.\nHe said so on Thursday.",
            &UnbalancedQuotation,
            1,
        );
        // Mid-line it is still flagged.
        assert_lint_count(
            "It said, “Rising prices are eroding household power. “We have revised our forecast.”",
            &UnbalancedQuotation,
            1,
        );
    }

    #[test]
    fn short_terms_quoted_inside_a_quotation_with_the_same_marks() {
        assert_no_lints(
            "This Court held thus: “It is clear that the appellant was declared as “absconder”. Normally, when the accused is “absconding”, there is no question of bail.”",
            &UnbalancedQuotation,
        );
        // A new quotation after a sentence end is still a reopened one.
        assert_lint_count(
            "“There is complete chaos in Russia, said the student. “We don’t understand.” He left. “Yes.”",
            &UnbalancedQuotation,
            1,
        );
        // No closer left for the outer quotation: still flagged.
        assert_lint_count(
            "He said: “It was declared as “absconder” by the court.",
            &UnbalancedQuotation,
            1,
        );
    }

    #[test]
    fn reopened_before_close() {
        assert_flags(
            "“There is complete chaos [in Russia]said the man. “We don’t understand.”",
            &R,
            &["“"],
        );
        assert_message(
            "“There is chaos, said he. “We don’t understand.”",
            &R,
            "quotation opened with `“` is not closed before the next one opens",
        );
    }

    #[test]
    fn mismatched_pairs() {
        assert_flags("“In recent days, keep them safe. »", &R, &["»"]);
        assert_flags("« Bonjour, ” he said.", &R, &["”"]);
        assert_flags("He said „no” loudly.", &R, &["”"]);
        assert_flags("He said ‚no‘ loudly.", &R, &["‘"]);
        assert_no_lints("« Bonjour », he said. »So«, she said.", &R);
    }

    #[test]
    fn mojibake_is_not_a_quote() {
        assert_no_lints(
            "MADRID â€” Real won. â€œHe decides games,â€ he said.",
            &UnbalancedQuotation,
        );
    }

    #[test]
    fn stray_closer() {
        assert_flags("He left.” Then he came back.", &R, &["”"]);
    }

    #[test]
    fn spaced_guillemets_as_arrows() {
        assert_no_lints("News »\n\nThe council met on Monday.", &R);
        assert_no_lints("News » World » Europe\nRead more »\n« Previous", &R);
        // French spacing still pairs, and a spaced » still closes an open quote.
        assert_no_lints("Il a dit « non » hier.", &R);
        assert_flags("“In recent days, keep them safe. »", &R, &["»"]);
        assert_flags("He left.» Then he came back.", &R, &["»"]);
    }

    #[test]
    fn html_attributes_are_not_quotes() {
        assert_no_lints(
            "The minister <a href=\"//ads.example/x?a=1\"> <img src=\"x.jpg\" alt=\"\" /></a> spoke.",
            &R,
        );
        assert_flags("He said <b>“no</b>.\n\nNext.", &R, &["“"]);
    }

    #[test]
    fn closing_mark_as_opener_in_english_copy() {
        assert_flags(
            "“Go,” she said. He spoke on the station’s ”Nyansapo” show.",
            &R,
            &["”"],
        );
        // Swedish-style copy without “ keeps its ” … ” pairs.
        assert_no_lints("Han sa ”nej” i går.", &R);
    }

    #[test]
    fn typewriter_mark_closing_a_curly_single() {
        assert_flags("He called it a ‘forced step' on Sunday.", &R, &["'"]);
        assert_no_lints("He said ‘the boys' bags are here’ and left.", &R);
        assert_no_lints("He said ‘we can't’ and left.", &R);
    }

    #[test]
    fn doubled_apostrophe_closes_a_double_quotation() {
        assert_no_lints(
            "His wife threatened to \"get him,'' he said. \"You said you are non-violent?'' \"Yes.''",
            &UnbalancedQuotation,
        );
        assert_no_lints(
            "“Patient satisfaction is a wise goal,’’ said Joshua Fenton, the lead author.",
            &UnbalancedQuotation,
        );
        // A doubled apostrophe with no quotation open closes nothing, and a quotation
        // left open before it is still reported.
        assert_no_lints("Rock ’n’ roll and the ’’ mark.", &UnbalancedQuotation);
        assert_lint_count(
            "He said \"the council would meet. Then it did not.\n\nThe boys'' bags were wet.",
            &UnbalancedQuotation,
            1,
        );
    }

    #[test]
    fn apostrophes_never_count() {
        assert_no_lints(
            "Rock ’n’ roll, rock ‘n’ roll, the ’90s, the ‘90s, ’em, ‘em, o’clock, the boys’ \
             bags, James’ car, Putin’s regime, don't, it's, the 80s' music.",
            &R,
        );
        assert_no_lints(
            "“He said ‘no’ to the boys’ plan,” she said, “and that’s that.”",
            &R,
        );
    }

    #[test]
    fn straight_quotes_and_inches() {
        assert_no_lints("He said \"no\" and bought a 12\" pizza, 5'10\" tall.", &R);
        assert_flags("He said \"no way.\n\nNext paragraph.", &R, &["\""]);
    }

    #[test]
    fn curly_inch_marks() {
        assert_no_lints("Totals of 2-3”, or 5-7” for some spots, are likely.", &R);
        assert_no_lints(
            "“There is a chance of more than 2” of rain this weekend,” they said.",
            &R,
        );
        // A quotation that ends on a number still closes.
        assert_no_lints("He said “we won 2-1”. Then “we left” early.", &R);
        assert_no_lints("The score was 2-1” after the break.\n\nNext.", &R);
        assert_lint_count("She said “it rose 4”\n\nNext “one.", &R, 1);
    }

    #[test]
    fn balanced_seed_line_stays_clean() {
        assert_no_lints(
            "“What Putin does – he doesn’t come from a strong place,” Jean-Pierre told \
             reporters. “He comes from a place of weakness.”",
            &R,
        );
        assert_no_lints("He called Putin a “war criminal”.", &R);
    }

    #[test]
    fn unclosed_single_is_info() {
        let lints = lint_with("She said ‘we will see.\n\nNext.", &R);
        assert_eq!(lints.len(), 1);
        assert_eq!(lints[0].severity, Severity::Info);
    }

    #[test]
    fn label_marks_paragraph_end() {
        let text = "He said “no.\n\nNext.";
        let lints = lint_with(text, &R);
        assert_eq!(lints[0].labels[0].span.text(text), ".");
    }
}
