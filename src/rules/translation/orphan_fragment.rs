use super::lexicon::{is_day, is_month};
use crate::declare_rule;
use crate::document::{Document, TokenKind};
use crate::rule::{Emitter, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Flags a "sentence" that is only a date or a number, left behind after a
    /// complete sentence in the same paragraph ("… after Russia invaded their
    /// country. February 24."), which is what machine translation makes of an
    /// apposition or a dropped "on".
    ///
    /// Only fragments in the middle of a paragraph count, so headlines, subheads,
    /// datelines, sign-offs and list items (their own paragraphs) are never checked;
    /// nor are answers after a question, quotations, or list and Q&A paragraphs, nor
    /// text after an abbreviation's full stop ("Washington, D.C. in August 1963.").
    ///
    /// ## Why is this bad?
    /// The fragment hangs loose: the reader cannot tell what the date belongs to.
    ///
    /// ## Example
    /// ```text flag
    /// Some walked on, as Ukrainians did after Russia invaded their country. February 24.
    /// ```
    /// Use instead:
    /// ```text pass
    /// Russia invaded Ukraine on February 24. When did it start? February 24.
    /// ```
    pub struct OrphanFragment {
        id: "orphan-fragment",
        category: Translation,
        fix: None,
        summary: "Date or number left as a sentence of its own",
    }
}

const LEADS: &[&str] = &[
    "on", "in", "since", "until", "by", "from", "On", "In", "Since", "Until", "By", "From",
];

impl Rule for OrphanFragment {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let sentences = doc.sentences();
        let quotes = super::context::quote_spans(doc);
        for k in 1..sentences.len() {
            let (prev, cur) = (sentences[k - 1], sentences[k]);
            if prev.paragraph != cur.paragraph {
                continue;
            }
            let p = prev.span.text(text);
            let c = cur.span.text(text);
            if !p.ends_with('.') || !c.ends_with('.') || c.ends_with("..") {
                continue;
            }
            if super::context::inside(&quotes, cur.span.start) {
                continue;
            }
            // "… in Washington, D.C. in August 1963.": the full stop belonged to an
            // abbreviation, and the "fragment" goes on the same sentence.
            if c.starts_with(|ch: char| ch.is_lowercase()) || ends_with_abbreviation(p) {
                continue;
            }
            // "Astana. July 4. KazTAG - …": a dateline, not a complete sentence. A
            // sentence has at least one lower-case word; a place name alone has none.
            if !p
                .split_whitespace()
                .any(|w| w.starts_with(|ch: char| ch.is_lowercase()))
            {
                continue;
            }
            // "  2. As well as …": a numbered list item's marker at the start of
            // its line, not a number left behind by a sentence.
            if c.len() > 1
                && c[..c.len() - 1].bytes().all(|b| b.is_ascii_digit())
                && text[..cur.span.start]
                    .rsplit('\n')
                    .next()
                    .is_some_and(|lead| lead.trim().is_empty())
            {
                continue;
            }
            let para = doc.paragraphs()[cur.paragraph].span.text(text);
            if para.starts_with(['-', '•', '*', '–', '—'])
                || para.starts_with("Q") && para[1..].starts_with([':', '.'])
            {
                continue;
            }
            let toks: Vec<_> = doc
                .tokens_in(cur.span)
                .iter()
                .filter(|t| t.span.text(text) != ",")
                .copied()
                .collect();
            let toks = &toks[..toks.len().saturating_sub(1)]; // drop the final "."
            let mut words: Vec<(TokenKind, &str)> =
                toks.iter().map(|t| (t.kind, t.span.text(text))).collect();
            if words.first().is_some_and(|(_, w)| LEADS.contains(w)) {
                words.remove(0);
            }
            if is_date_or_number(&words) {
                out.emit(
                    cur.span,
                    format!("fragment `{c}` after a complete sentence"),
                )
                .note("join it to the sentence it belongs to, or drop it");
            }
        }
    }
}

/// Whether `sentence` ends with an abbreviation's full stop: an initialism with
/// inner dots ("D.C.", "U.S.", "a.m.") or a short title or company suffix.
fn ends_with_abbreviation(sentence: &str) -> bool {
    let last = sentence
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let body = &last[..last.len().saturating_sub(1)];
    body.contains('.')
        || matches!(
            body,
            "Jr" | "Sr" | "Inc" | "Co" | "Corp" | "Ltd" | "Bros" | "St" | "Mt" | "Ft" | "No"
        )
}

fn is_date_or_number(w: &[(TokenKind, &str)]) -> bool {
    use TokenKind::{Number, Word};
    let month = |s: &str| is_month(s) && s.chars().next().is_some_and(char::is_uppercase);
    match w {
        // "4-3.": a running score, set apart on purpose in match reports.
        [(Number, n)] => !is_score(n),
        [(Word, d)] => is_day(d) && d.chars().next().is_some_and(char::is_uppercase),
        [(Word, m), (Number, _)] | [(Number, _), (Word, m)] => month(m),
        [(Word, m), (Number, _), (Number, _)] | [(Number, _), (Word, m), (Number, _)] => month(m),
        [(Word, d), (Word, m), (Number, _)] => is_day(d) && month(m),
        _ => false,
    }
}

/// A scoreline such as "4-3" or "2–1": digits on both sides of one dash.
fn is_score(n: &str) -> bool {
    n.split_once(['-', '–']).is_some_and(|(a, b)| {
        !a.is_empty()
            && !b.is_empty()
            && a.bytes().all(|c| c.is_ascii_digit())
            && b.bytes().all(|c| c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn abbreviation_full_stops_are_not_sentence_ends() {
        assert_no_lints(
            "King spoke in Washington, D.C. in August 1963. He was 34.",
            &OrphanFragment,
        );
        assert_no_lints(
            "The shares were sold by Smith Bros. March 3. It rose.",
            &OrphanFragment,
        );
        assert_no_lints(
            "The vote came at 10 a.m. Tuesday. It passed.",
            &OrphanFragment,
        );
    }

    #[test]
    fn flags_date_fragment() {
        assert_flags(
            "Some walked on, as Ukrainians did after Russia invaded their country. February 24.",
            &OrphanFragment,
            &["February 24."],
        );
        assert_lint_count("It happened then. On 24 February 2022.", &OrphanFragment, 1);
    }

    #[test]
    fn headlines_answers_and_sentences_stay_clean() {
        assert_no_lints("February 24.\n\nThe war began.", &OrphanFragment);
        assert_no_lints("When did it begin? February 24.", &OrphanFragment);
        assert_no_lints("It began on February 24. He left.", &OrphanFragment);
        assert_no_lints("“It began. February 24.”", &OrphanFragment);
        assert_no_lints("The score was level. They won in May.", &OrphanFragment);
    }

    #[test]
    fn running_scores_in_match_reports_stay_clean() {
        assert_no_lints(
            "The visitors pulled two back before the break. 3-2. Then the rain came.",
            &OrphanFragment,
        );
        assert_lint_count("The match was replayed later. 2019.", &OrphanFragment, 1);
    }

    #[test]
    fn numbered_list_markers_stay_clean() {
        assert_no_lints(
            "Six things I learned:\n\n  1. Judges look less severe on screen than in robes.\n  2. Take away the dog's chewbone before the hearing.\n  3. Patience is still a virtue.",
            &OrphanFragment,
        );
        assert_no_lints(
            "The list was long.\n2. The second point was made.",
            &OrphanFragment,
        );
        // Mid-line, a bare year after a sentence is still a fragment.
        assert_lint_count(
            "Judges look less severe on screen than in robes. 2021.\n  3. Patience is a virtue.",
            &OrphanFragment,
            1,
        );
    }

    #[test]
    fn datelines_are_not_complete_sentences() {
        assert_no_lints(
            "Astana. July 4. Agency - The president held talks with his guest.",
            &OrphanFragment,
        );
        assert_no_lints("NEW YORK. March 3. The index fell.", &OrphanFragment);
        assert_lint_count("The index fell in New York. March 3.", &OrphanFragment, 1);
    }
}
