use super::context::{inside, quote_spans};
use super::lexicon::{is_function_word, starts_upper};
use crate::declare_rule;
use crate::diagnostic::{Applicability, Severity};
use crate::document::{Document, Token, TokenKind};
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it does
    /// Flags a word written twice in a row ("the the", "of of", "will will not") and a
    /// negation kept in two forms ("do not don’t", "cannot can’t"), which is what a
    /// machine translation or an editing pass leaves when two renderings are merged.
    ///
    /// Legitimate repeats stay clean: "had had", "that that", "is is" after a
    /// what-clause ("What it is is a scandal"), names ("Bora Bora", "Duran Duran"),
    /// numbers. Emphatic repeats of content words ("very very") are reported as info,
    /// and not at all inside quoted speech, where speakers double intensifiers.
    ///
    /// ## Why is this bad?
    /// A doubled word reads as a typo and a doubled negation reads as garbled copy.
    ///
    /// ## Example
    /// ```text flag
    /// Russians do not don’t need a visa.
    /// ```
    /// ```text flag
    /// The talks will resume in the the spring.
    /// ```
    /// Use instead:
    /// ```text pass
    /// He had had enough. She said that that was final. They flew to Bora Bora.
    /// ```
    /// ```text before
    /// It is part of of the plan.
    /// ```
    /// ```text after
    /// It is part of the plan.
    /// ```
    ///
    /// ## Fix safety
    /// Dropping an exact repeat of a function word is safe. Dropping one form of a
    /// doubled negation, or a repeated content word, is unsafe: the writer may have
    /// meant something else.
    pub struct WordStutter {
        id: "word-stutter",
        category: Translation,
        fix: Always,
        summary: "Word or negation repeated",
    }
}

/// Repeats that are correct English.
const ALLOWED_REPEATS: &[&str] = &[
    "had", "that", "do", "bye", "ha", "haha", "blah", "tut", "chop", "knock", "boo", "night",
    "there", "well", "now", "yeah", "no", "yes", "oh", "la", "mahi", "beri", "tom", "pooh", "so",
    "go", "hush", "cha", "choo", "bora", "pago", "walla", "sing", "dum", "tsk", "hip", "rah", "ho",
    "hey", "wait", "come",
];

/// Intensifiers that speakers double for emphasis; left alone inside quotations.
const EMPHATIC: &[&str] = &[
    "very", "really", "much", "too", "far", "many", "more", "way",
];

/// Particles that legitimately meet their preposition twin ("logged in in Paris").
const PARTICLES: &[&str] = &[
    "in", "on", "up", "out", "off", "over", "down", "by", "through", "about", "around", "back",
    "along", "across", "away", "to",
];

/// Full negation and its contraction, either order.
const NEGATIONS: &[(&str, &str)] = &[
    ("do not", "don’t"),
    ("does not", "doesn’t"),
    ("did not", "didn’t"),
    ("is not", "isn’t"),
    ("are not", "aren’t"),
    ("was not", "wasn’t"),
    ("were not", "weren’t"),
    ("have not", "haven’t"),
    ("has not", "hasn’t"),
    ("had not", "hadn’t"),
    ("will not", "won’t"),
    ("would not", "wouldn’t"),
    ("cannot", "can’t"),
    ("can not", "can’t"),
    ("could not", "couldn’t"),
    ("should not", "shouldn’t"),
    ("must not", "mustn’t"),
    ("need not", "needn’t"),
];

/// Words before "is is" that make the second "is" the main verb of a what-clause.
const CLAUSE_HEADS: &[&str] = &[
    "what", "where", "why", "how", "who", "whatever", "all", "thing", "problem", "question",
    "point", "issue", "truth", "reality", "fact", "trouble", "idea", "reason", "matter", "worry",
    "concern",
];

fn norm(w: &str) -> String {
    w.replace('\'', "’").to_lowercase()
}

impl Rule for WordStutter {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut quotes = None;
        for p in doc.paragraphs() {
            let toks: &[Token] = doc.tokens_in(p.span);
            words.clear();
            words.extend(
                toks.iter()
                    .enumerate()
                    .filter(|(_, t)| t.kind == TokenKind::Word)
                    .map(|(i, t)| (i, t.span.text(text))),
            );
            let mut skip_until = 0usize;
            for k in 1..words.len() {
                let (ia, a) = words[k - 1];
                let (ib, b) = words[k];
                if ib != ia + 1 || toks[ia].span.start < skip_until {
                    continue; // punctuation between, or already reported
                }
                let (sa, sb) = (toks[ia].span, toks[ib].span);
                let gap = Span::new(sa.end, sb.start).text(text);
                if gap.contains('\n') {
                    continue;
                }
                // Negation variants: "do not don’t", "don’t do not".
                if let Some((span, short, keep_first)) = negation_pair(&words, toks, k) {
                    let del = widen(text, short, keep_first);
                    out.emit(
                        span,
                        format!("negation written twice: `{}`", span.text(text)),
                    )
                    .replace(
                        "keep one form of the negation",
                        del,
                        "",
                        Applicability::Unsafe,
                    );
                    skip_until = span.end;
                    continue;
                }
                // Two negated auxiliaries in a row: "do not will not will not".
                if let Some(span) = negated_aux_chain(&words, toks, k - 1) {
                    out.emit(
                        span,
                        format!("negation written twice: `{}`", span.text(text)),
                    );
                    skip_until = span.end;
                    continue;
                }
                if !same_norm(a, b) || a.chars().any(|c| c.is_ascii_digit()) {
                    continue;
                }
                let la = norm(a);
                if starts_upper(a) && starts_upper(b) {
                    continue; // names and titles: "Bora Bora", "The The"
                }
                if ALLOWED_REPEATS.contains(&la.as_str()) {
                    continue;
                }
                if matches!(la.as_str(), "is" | "was") && clause_head_before(&words[..k - 1]) {
                    continue;
                }
                // Quoted speech repeats intensifiers on purpose: “really really well”.
                if EMPHATIC.contains(&la.as_str()) && {
                    let quotes = quotes.get_or_insert_with(|| quote_spans(doc));
                    inside(quotes, sa.start)
                } {
                    continue;
                }
                // A run of the same word ("url url url url") is one finding.
                let mut last = k;
                while let Some(&(i, w)) = words.get(last + 1) {
                    let t = toks[words[last].0].span;
                    if i != words[last].0 + 1
                        || Span::new(t.end, toks[i].span.start)
                            .text(text)
                            .contains('\n')
                        || !same_norm(a, w)
                    {
                        break;
                    }
                    last += 1;
                }
                let end = toks[words[last].0].span.end;
                let span = Span::new(sa.start, end);
                let del = Span::new(sa.end, end);
                let function = is_function_word(&la);
                let particle = PARTICLES.contains(&la.as_str());
                let message = if last > k {
                    format!("word repeated {} times: `{a}`", last - k + 2)
                } else {
                    format!("word repeated: `{}`", span.text(text))
                };
                let d = out.emit(span, message);
                let app = if function && !particle {
                    Applicability::Safe
                } else {
                    Applicability::Unsafe
                };
                d.replace("remove the repeated word", del, "", app);
                if !function || particle {
                    d.severity(Severity::Info);
                }
                skip_until = span.end;
            }
        }
    }
}

/// `norm(a) == norm(b)` without allocating in the common all-ASCII case.
fn same_norm(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        // `'` maps to `’` on both sides alike, so ASCII case folding decides.
        a.eq_ignore_ascii_case(b)
    } else {
        norm(a) == norm(b)
    }
}

/// `norm(w) == target` for a target of lower-case ASCII letters and `’`, without
/// allocating. (Context-sensitive lower-casing only concerns `Σ`, which can never
/// match such a target.)
fn norm_is(w: &str, target: &str) -> bool {
    if w.len() > target.len() * 4 {
        return false;
    }
    let mut t = target.chars();
    for c in w.chars() {
        let c = if c == '\'' { '’' } else { c };
        for l in c.to_lowercase() {
            if t.next() != Some(l) {
                return false;
            }
        }
    }
    t.next().is_none()
}

/// Extends a deletion over the space that separates it from the kept words.
fn widen(text: &str, del: Span, keep_first: bool) -> Span {
    if keep_first {
        let before = &text[..del.start];
        let trimmed = before.trim_end_matches([' ', '\t']);
        Span::new(trimmed.len(), del.end)
    } else {
        let after = &text[del.end..];
        let trimmed = after.trim_start_matches([' ', '\t']);
        Span::new(del.start, text.len() - trimmed.len())
    }
}

/// A negation pair starting at word `k - 1`: returns the span of both forms, the
/// span of the contraction and whether the full form comes first.
fn negation_pair(words: &[(usize, &str)], toks: &[Token], k: usize) -> Option<(Span, Span, bool)> {
    // Whether words `from..` are adjacent tokens spelling `full` ("do not").
    let consecutive = |from: usize, full: &str| -> bool {
        for (n, part) in full.split(' ').enumerate() {
            let j = from + n;
            let Some(&(i, w)) = words.get(j) else {
                return false;
            };
            if n > 0 && words[j - 1].0 + 1 != i {
                return false;
            }
            if !norm_is(w, part) {
                return false;
            }
        }
        true
    };
    let start = k - 1;
    if !may_start_negation(words[start].1) {
        return None;
    }
    let first = norm(words[start].1);
    for (full, short) in NEGATIONS {
        // Either order opens with the full form's first word or the contraction.
        if first != full.split(' ').next().unwrap_or(full) && first != *short {
            continue;
        }
        let n_full = full.split(' ').count();
        // full then short
        if consecutive(start, full)
            && words
                .get(start + n_full)
                .is_some_and(|(i, w)| *i == words[start + n_full - 1].0 + 1 && norm_is(w, short))
        {
            let s = toks[words[start].0].span.start;
            let short = toks[words[start + n_full].0].span;
            return Some((Span::new(s, short.end), short, true));
        }
        // short then full
        if norm_is(words[start].1, short)
            && words
                .get(start + 1)
                .is_some_and(|(i, _)| *i == words[start].0 + 1)
            && consecutive(start + 1, full)
        {
            let short = toks[words[start].0].span;
            let e = toks[words[start + n_full].0].span.end;
            return Some((Span::new(short.start, e), short, false));
        }
    }
    None
}

const AUXILIARIES: &[&str] = &[
    "do", "does", "did", "is", "are", "was", "were", "have", "has", "had", "will", "would", "can",
    "could", "should", "must", "may", "might", "shall",
];

/// "aux not aux not …" from word `start`, tokens adjacent (no punctuation between):
/// no English sentence negates two auxiliaries back to back; a translation engine
/// that kept two renderings does. Returns the span of the whole chain.
fn negated_aux_chain(words: &[(usize, &str)], toks: &[Token], start: usize) -> Option<Span> {
    let pair_at = |j: usize| -> bool {
        match (words.get(j), words.get(j + 1)) {
            (Some((i, a)), Some((i2, n))) => {
                *i2 == i + 1
                    && n.eq_ignore_ascii_case("not")
                    && AUXILIARIES.iter().any(|x| a.eq_ignore_ascii_case(x))
            }
            _ => false,
        }
    };
    if !pair_at(start) || !pair_at(start + 2) || words[start + 2].0 != words[start + 1].0 + 1 {
        return None;
    }
    let mut end = start + 3;
    while pair_at(end + 1) && words[end + 1].0 == words[end].0 + 1 {
        end += 2;
    }
    let s = toks[words[start].0].span.start;
    Some(Span::new(s, toks[words[end].0].span.end))
}

/// Whether `norm(w)` is the first word of a negation form: a cheap filter, exact for
/// ASCII words (whose `norm` only maps `'` to `’`), permissive for the rest.
fn may_start_negation(w: &str) -> bool {
    static STARTS: LazyLock<HashSet<String>> = LazyLock::new(|| {
        NEGATIONS
            .iter()
            .flat_map(|(full, short)| [full.split(' ').next().unwrap_or(full), *short])
            .map(|s| s.replace('’', "'"))
            .collect()
    });
    if !w.is_ascii() {
        return true;
    }
    if w.len() > 16 {
        return false;
    }
    let mut buf = [0u8; 16];
    let lower = &mut buf[..w.len()];
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|l| STARTS.contains(l))
}

/// Whether a what-clause head appears among the last few words.
fn clause_head_before(words: &[(usize, &str)]) -> bool {
    words
        .iter()
        .rev()
        .take(8)
        .any(|(_, w)| CLAUSE_HEADS.contains(&w.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn exact_repeats() {
        assert_flags("He went to the the market.", &WordStutter, &["the the"]);
        assert_flags("The The sequel was dull.", &WordStutter, &[]);
        assert_flags("The the sequel was dull.", &WordStutter, &["The the"]);
        assert_fix_result("It is is over.", &WordStutter, "It is over.");
        assert_lint_count("They will will not stop.", &WordStutter, 1);
    }

    #[test]
    fn negation_variants() {
        assert_fix_result(
            "Russians do not don’t need a visa.",
            &WordStutter,
            "Russians do not need a visa.",
        );
        assert_fix_result("They won't will not go.", &WordStutter, "They will not go.");
        assert_flags("We cannot can’t wait.", &WordStutter, &["cannot can’t"]);
    }

    #[test]
    fn negated_auxiliaries_in_a_row() {
        assert_flags(
            "They do not will not will not pass, he warned.",
            &WordStutter,
            &["do not will not will not"],
        );
        assert_lint_count("Russians do not need not a visa.", &WordStutter, 0);
        assert_no_lints(
            "Whether they will or will not, is not clear. It is not, was not and will not be.",
            &WordStutter,
        );
    }

    #[test]
    fn legitimate_repeats() {
        assert_no_lints("She had had enough of it.", &WordStutter);
        assert_no_lints("He said that that was wrong.", &WordStutter);
        assert_no_lints("What the problem is is money.", &WordStutter);
        assert_no_lints("They flew to Bora Bora and Pago Pago.", &WordStutter);
        assert_no_lints(
            "Sirhan Sirhan was denied parole. Duran Duran played.",
            &WordStutter,
        );
        assert_no_lints("Turnout rose 10 10 percent.", &WordStutter);
        assert_no_lints("He said no, no, no.", &WordStutter);
        assert_no_lints("It ended in the\nthe end.", &WordStutter);
    }

    #[test]
    fn emphatic_repeats_are_info() {
        let d = lint_with("It was very very cold.", &WordStutter);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Info);
        let d = lint_with("He logged in in Paris.", &WordStutter);
        assert_eq!(d[0].severity, Severity::Info);
    }

    #[test]
    fn a_run_is_one_finding() {
        assert_message(
            "Leave a comment url url url url url here.",
            &WordStutter,
            "word repeated 5 times: `url`",
        );
        assert_fix_result(
            "It is in the the the park.",
            &WordStutter,
            "It is in the park.",
        );
    }

    #[test]
    fn quoted_intensifiers_are_speech() {
        assert_no_lints(
            "“We started the game really really well,” the coach said.",
            &WordStutter,
        );
        assert_no_lints("He said: \"It was very very hard.\"", &WordStutter);
        // Outside a quotation it stays a finding, and a doubled function word in a
        // quotation is still a stutter.
        assert_lint_count("The game went really really well.", &WordStutter, 1);
        assert_flags(
            "“We went to the the match,” he said.",
            &WordStutter,
            &["the the"],
        );
    }
}
