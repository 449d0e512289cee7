use super::context::headline_lines;
use super::lexicon::{is_month, lower_first, starts_lower, starts_upper};
use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::{Document, TokenKind};
use crate::rule::{Emitter, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Flags a capitalised pronoun, preposition, article, conjunction or auxiliary in
    /// the middle of a sentence ("young man They shot a Russian officer In the
    /// recruitment office", "[Russians] They were arriving"): the mark of a machine
    /// translation that stitched sentence fragments together.
    ///
    /// The word must come right after a lower-case word or a closing bracket and be
    /// followed by a lower-case word, so names and titles ("The Hague", "the album
    /// In Rainbows", "Bank Of America") stay clean, as do words after a sentence end,
    /// colon, dash, opening quotation mark or bracket, words opening a line, and
    /// title-case headlines. Two shapes count after all: "They" or "We" between a
    /// name and a verb ("The Northern Tigers They will perform"), and "On" or "In"
    /// before a date ("that On 19 May").
    ///
    /// ## Why is this bad?
    /// The capital tells the reader a new sentence starts where none does; the copy
    /// is probably garbled around it and needs a human look.
    ///
    /// ## Example
    /// ```text flag
    /// On Monday a young man They shot a Russian officer In the recruitment office.
    /// ```
    /// ```text flag
    /// He said that The Northern Tigers They will perform, and that On 19 May all voted.
    /// ```
    /// Use instead:
    /// ```text pass
    /// The court in The Hague ruled on Monday. She said: They will appeal.
    /// ```
    /// ```text before
    /// From 5,000 to 6,000 [Russians] They were arriving daily.
    /// ```
    /// ```text after
    /// From 5,000 to 6,000 [Russians] they were arriving daily.
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: lower-casing is usually right, but the sentence around it may need
    /// rewriting.
    pub struct StrayCapital {
        id: "stray-capital",
        category: Translation,
        fix: Always,
        summary: "Capitalised common word in mid-sentence",
    }
}

const WORDS: &[&str] = &[
    "They",
    "We",
    "He",
    "She",
    "It",
    "You",
    "Them",
    "Him",
    "His",
    "Their",
    "Our",
    "Its",
    "Your",
    "These",
    "Those",
    "This",
    "That",
    "In",
    "On",
    "At",
    "Of",
    "For",
    "With",
    "From",
    "By",
    "To",
    "Into",
    "Under",
    "Over",
    "After",
    "Before",
    "During",
    "Without",
    "Between",
    "Against",
    "Through",
    "About",
    "Across",
    "The",
    "An",
    "Is",
    "Are",
    "Was",
    "Were",
    "Has",
    "Have",
    "Had",
    "Would",
    "Could",
    "Should",
    "Must",
    "Does",
    "Did",
    "And",
    "But",
    "Or",
    "Because",
    "While",
    "When",
    "Where",
    "Which",
    "Who",
    "If",
    "There",
    "According",
];

impl Rule for StrayCapital {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        // Built on the first candidate: most documents have none.
        let heads = std::cell::OnceCell::new();
        let he_name = std::cell::OnceCell::new();
        for s in doc.sentences() {
            let toks = doc.tokens_in(s.span);
            for i in 1..toks.len() {
                let t = toks[i];
                let w = t.span.text(text);
                if t.kind != TokenKind::Word
                    || !w.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
                    || !WORDS.contains(&w)
                {
                    continue;
                }
                let line = doc.line_index(t.span.start);
                if heads.get_or_init(|| headline_lines(doc)).contains(&line)
                    || doc.lines()[line].span.start == t.span.start
                {
                    continue;
                }
                let prev = toks[i - 1];
                if doc.line_index(prev.span.start) != line {
                    continue; // first on its line
                }
                let ps = prev.span.text(text);
                // "The Northern Tigers They will perform": a subject pronoun after a
                // name and before a verb repeats the subject the engine already gave.
                let after_name = matches!(w, "They" | "We")
                    && prev.kind == TokenKind::Word
                    && starts_upper(ps)
                    && toks.get(i + 1).is_some_and(|n| {
                        n.kind == TokenKind::Word && VERBS_AFTER_NAME.contains(&n.span.text(text))
                    });
                let prev_ok = (prev.kind == TokenKind::Word && starts_lower(ps))
                    || matches!(ps, "]" | ")")
                    || (ps == "," && after_comma(doc, toks, i, &he_name))
                    || after_name;
                if !prev_ok
                    || (ps == ")"
                        && (after_dateline(text, doc.lines()[line].span.start, prev.span.start)
                            || item_marker(text, doc.lines()[line].span.start, prev.span.start)))
                    || (matches!(ps, "]" | ")")
                        && bracket_after_sentence_end(text, prev.span.start))
                {
                    continue;
                }
                let Some(next) = toks.get(i + 1) else {
                    continue;
                };
                let ns = next.span.text(text);
                // "I remind you that On 19 May all parties voted": a date after the
                // stray preposition.
                let date_after = matches!(w, "On" | "In")
                    && next.kind == TokenKind::Number
                    && ns.len() <= 2
                    && toks.get(i + 2).is_some_and(|m| is_month(m.span.text(text)));
                if !date_after
                    && (next.kind != TokenKind::Word || !starts_lower(ns) || starts_upper(ns))
                {
                    continue;
                }
                // "According to the agency" in mid-sentence, not a title ("the film
                // According to Greta"): "to" and a lower-case word must follow.
                if w == "According"
                    && (ns != "to"
                        || !toks.get(i + 2).is_some_and(|t| {
                            t.kind == TokenKind::Word && starts_lower(t.span.text(text))
                        }))
                {
                    continue;
                }
                let fixed = lower_first(w);
                out.emit(t.span, format!("capitalised `{w}` in mid-sentence"))
                    .replace(
                        format!("write `{fixed}`"),
                        t.span,
                        fixed,
                        Applicability::Unsafe,
                    );
            }
        }
    }
}

/// Verbs that follow a subject pronoun the engine doubled after a name.
const VERBS_AFTER_NAME: &[&str] = &[
    "will", "would", "are", "were", "have", "had", "can", "could", "also", "did", "do", "should",
    "must", "may", "might", "said", "say", "need",
];

/// Subject words that a translation engine capitalises after a comma when it
/// joins two sentences: "on the road, This became known".
const AFTER_COMMA: &[&str] = &[
    "This",
    "It",
    "He",
    "She",
    "They",
    "These",
    "Those",
    "There",
    "The",
    "Its",
    "Their",
    "His",
    "According",
];

/// Whether the word at `i`, right after a comma, is a stray capital: one of
/// `AFTER_COMMA` after a lower-case word and before one that is not a conjunction
/// ("Carrie, It and Misery" lists titles). "He" may be the Chinese surname ("…
/// cooperation, He said" of He Lifeng), so it counts only when no "He" in the copy
/// stands next to a capitalised word.
fn after_comma(
    doc: &Document,
    toks: &[crate::document::Token],
    i: usize,
    he_name: &std::cell::OnceCell<bool>,
) -> bool {
    let text = doc.text();
    let w = toks[i].span.text(text);
    if i < 2 || !AFTER_COMMA.contains(&w) {
        return false;
    }
    let before = toks[i - 2];
    let comma = toks[i - 1];
    if before.kind != TokenKind::Word
        || !starts_lower(before.span.text(text))
        || before.span.end != comma.span.start
        || text.get(comma.span.end..toks[i].span.start) != Some(" ")
    {
        return false;
    }
    if toks
        .get(i + 1)
        .is_some_and(|n| matches!(n.span.text(text), "and" | "or" | "nor"))
    {
        return false;
    }
    w != "He" || !*he_name.get_or_init(|| he_is_a_name(text))
}

/// Whether "He" is used as a name: "Vice Premier He", "He Lifeng".
fn he_is_a_name(text: &str) -> bool {
    text.match_indices("He ").any(|(k, _)| {
        let after_cap = text[k + 3..].starts_with(|c: char| c.is_uppercase());
        let before = text[..k].trim_end_matches(' ');
        let titled = before.len() < k
            && before
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .is_some_and(|p| starts_upper(p) && !p.is_empty());
        after_cap || titled
    })
}

/// Whether the `)` at `close` ends a dateline credit at the start of its line:
/// "Havana, Mar 6 (Prensa Latina) With …", "BEIJING, Dec. 4 (Xinhua) The …", or a
/// short bracketed credit that opens the line: "(AFP files) In a picture …".
fn after_dateline(text: &str, line_start: usize, close: usize) -> bool {
    let Some(line) = text.get(line_start..close) else {
        return false;
    };
    let Some(open) = line.rfind('(') else {
        return false;
    };
    let prefix = line[..open].trim();
    // "(AFP files) In a file picture …", "(Reuters) The …": a credit or label in
    // brackets opens the line.
    if prefix.is_empty() {
        return close - line_start - open <= 40
            && line[open + 1..].starts_with(|c: char| c.is_uppercase());
    }
    prefix.len() <= 60
        && prefix.contains([',', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])
        && prefix.split_whitespace().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        && line[open + 1..].starts_with(|c: char| c.is_uppercase())
}

/// Whether the `)` at `close` ends the marker that opens its line: a list item or an
/// interview label ("1) The ministry …", "b) The fund …", "Q) Has the Ministry …",
/// "A) We will not …"). What follows starts a sentence of its own.
fn item_marker(text: &str, line_start: usize, close: usize) -> bool {
    text.get(line_start..close).is_some_and(|m| {
        let m = m.trim_start();
        (1..=3).contains(&m.len()) && m.chars().all(|c| c.is_ascii_alphanumeric())
    })
}

/// Whether the bracketed group closing at `close` follows a finished sentence: a
/// citation mark ("…during respiration.[3] It is…") or a credit ("…it failed.
/// (Yonhap) The office…"), so the capital after it opens a new sentence. "[Russians]
/// They" has no full stop before the bracket and stays a finding.
fn bracket_after_sentence_end(text: &str, close: usize) -> bool {
    let Some(before) = text.get(..close) else {
        return false;
    };
    let Some(open) = before.rfind(['[', '(']) else {
        return false;
    };
    if before[open..].contains(['\n', ']', ')']) {
        return false;
    }
    let lead = before[..open].trim_end_matches([' ', '\u{a0}']);
    let lead = lead.trim_end_matches(['"', '\'', '’', '”', '»']);
    lead.ends_with(['.', '!', '?', '…'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn flags_stray_capitals() {
        assert_flags(
            "Monday young man They shot a Russian officer In the recruitment office to protest.",
            &StrayCapital,
            &["They", "In"],
        );
        assert_flags(
            "“Four to five days ago from 5000 to 6000 [Russians] They were arriving in Georgia daily.",
            &StrayCapital,
            &["They"],
        );
        // A Russian "по данным" calque and a sentence joined at a comma.
        assert_flags(
            "There were ten people on board. By data According to a source, it was his.",
            &StrayCapital,
            &["According"],
        );
        assert_flags(
            "Eight bodies were found. for now, According to the agency, none is identified.",
            &StrayCapital,
            &["According"],
        );
    }

    #[test]
    fn pronoun_after_a_name_and_preposition_before_a_date() {
        assert_flags(
            "He said that The Northern Tigers They will perform in the square.",
            &StrayCapital,
            &["They"],
        );
        assert_flags(
            "I remind you that On 19 May 2022 all parties voted.",
            &StrayCapital,
            &["On"],
        );
        assert_no_lints(
            "Vice Premier Liu He said talks went well. Fans of They Might Be Giants queued. The band Us They Are toured. Pakistan On 14 August is a holiday film. It opened On Broadway.",
            &StrayCapital,
        );
        assert_no_lints("She sang Tigers They in 1994.", &StrayCapital);
    }

    #[test]
    fn according_in_its_place_stays_clean() {
        assert_no_lints(
            "According to the agency, eight bodies were found. The film According to Greta aired.",
            &StrayCapital,
        );
        assert_no_lints("Ten died, according to the ministry.", &StrayCapital);
    }

    #[test]
    fn names_titles_and_starts_stay_clean() {
        assert_no_lints(
            "The court in The Hague ruled. The film Gone With The Wind aired.",
            &StrayCapital,
        );
        assert_no_lints(
            "She said: They will appeal. He added — They know.",
            &StrayCapital,
        );
        assert_no_lints("They met at 10 a.m. They left later.", &StrayCapital);
        assert_no_lints(
            "Russians Flee To Georgia As Border Queues Grow\n\nThe queue grew.",
            &StrayCapital,
        );
        assert_no_lints("He read “The art of war” twice.", &StrayCapital);
        assert_no_lints("the report\nThe ministry said it was fine.", &StrayCapital);
        // A dateline credit before the first word of the story.
        assert_no_lints(
            "Havana, Mar 6 (Prensa Latina) With an unusual opening, the festival began.\n\
             San Juan, Apr 13 (Prensa Latina) The award-winning writer spoke.",
            &StrayCapital,
        );
        assert_no_lints(
            "He joined the band The Who in 1964 and the group Of Monsters and Men.",
            &StrayCapital,
        );
        // A bracketed agency credit opening a caption line.
        assert_no_lints(
            "Ministers met on Friday.\n(Agency files) In a picture taken last year the minister speaks.",
            &StrayCapital,
        );
        // A long bracketed aside at the line start is not a credit.
        assert_flags(
            "(The minister who spoke to reporters outside the court on Friday afternoon) They left.\nOk.",
            &StrayCapital,
            &["They"],
        );
    }

    #[test]
    fn item_and_interview_markers_open_a_sentence() {
        assert_no_lints(
            "Q) Has the Ministry noticed any signs?\nA) We do not have information.",
            &StrayCapital,
        );
        assert_no_lints(
            "The plan has two parts:\n1) The fund will grow.\nb) The levy falls.",
            &StrayCapital,
        );
        // A bracket closing inside the line is no marker.
        assert_lint_count(
            "The leaders (of Russia) They will meet on Monday.",
            &StrayCapital,
            1,
        );
    }

    #[test]
    fn brackets_after_a_full_stop_open_a_new_sentence() {
        assert_no_lints(
            "Plants give off the gas at night.[4] It also rises from volcanic vents.",
            &StrayCapital,
        );
        assert_no_lints(
            "The second launch failed, officials said. (Yonhap) The cabinet met at noon.",
            &StrayCapital,
        );
        assert_no_lints("He had resigned.” [Reuters] They left.", &StrayCapital);
        assert_flags(
            "Up to 900 a day [refugees] They were crossing at dawn.",
            &StrayCapital,
            &["They"],
        );
    }

    #[test]
    fn after_a_comma() {
        assert_flags(
            "Punishment will be toughened for those who violate the rules on the road, This became known at the meeting.",
            &StrayCapital,
            &["This"],
        );
        assert_flags(
            "Trade is balanced, It was reported, and the talks went well, He said.",
            &StrayCapital,
            &["It", "He"],
        );
        assert_no_lints(
            "She wrote Carrie, It and Misery. In Paris, The Hague and Rome, it rained.",
            &StrayCapital,
        );
        assert_no_lints("BEIJING, The ministry said.", &StrayCapital);
        assert_no_lints(
            "Vice Premier He Lifeng met the senator. The two sides have broad space for cooperation, He said.",
            &StrayCapital,
        );
        assert_no_lints("“It is fine,” He said. Yes,This one.", &StrayCapital);
    }
}
