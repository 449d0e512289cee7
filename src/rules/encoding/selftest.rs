//! Checks shared by every encoding and typography rule: the doc examples hold, and
//! every suggestion, applied alone, changes only the bytes it says it changes.

use crate::diagnostic::{Applicability, Category};
use crate::fix::apply_suggestions;
use crate::rule::Rule;
use crate::testing::lint_with;
use std::sync::Arc;

fn ours() -> Vec<Arc<dyn Rule>> {
    crate::rules::builtin()
        .into_iter()
        .filter(|r| matches!(r.meta().category, Category::Encoding | Category::Typography))
        .collect()
}

/// (tag, text) for each ```` ```text TAG ```` block of a rule's docs.
fn blocks(docs: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut cur: Option<(String, Vec<&str>)> = None;
    for line in docs.lines() {
        if let Some((tag, body)) = &mut cur {
            if line.trim() == "```" {
                out.push((tag.clone(), body.join("\n")));
                cur = None;
            } else {
                body.push(line);
            }
        } else if let Some(tag) = line.trim().strip_prefix("```text ") {
            cur = Some((tag.trim().to_string(), Vec::new()));
        }
    }
    out
}

#[test]
fn doc_examples_hold() {
    for rule in ours() {
        let id = rule.meta().id;
        let bl = blocks(&rule.meta().docs_text());
        assert!(bl.iter().any(|(t, _)| t == "flag"), "{id}: no flag block");
        for (k, (tag, body)) in bl.iter().enumerate() {
            let found = lint_with(body, rule.as_ref());
            match tag.as_str() {
                "flag" => assert!(!found.is_empty(), "{id}: flag block {k} is clean:\n{body}"),
                "pass" => assert!(found.is_empty(), "{id}: pass block {k} flagged: {found:#?}"),
                "before" => {
                    let after = &bl[k + 1];
                    assert_eq!(after.0, "after", "{id}: before without after");
                    let fixed = apply_suggestions(
                        body,
                        found.iter().filter_map(|d| {
                            d.suggestions
                                .iter()
                                .find(|s| s.applicability != Applicability::Display)
                        }),
                    );
                    assert_eq!(fixed.text, after.1, "{id}: before/after");
                }
                _ => {}
            }
        }
    }
}

fn corpus() -> Vec<String> {
    let mut texts = Vec::new();
    for dir in ["seeds", "tests/fixtures"] {
        for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
            if entry.path().extension().is_some_and(|e| e == "txt")
                && let Ok(t) = std::fs::read_to_string(entry.path())
            {
                texts.push(t);
            }
        }
    }
    for rule in ours() {
        texts.extend(blocks(&rule.meta().docs_text()).into_iter().map(|b| b.1));
    }
    texts.push(
        "Itâ€™s Â£5 at cafÃ© &amp; co,, a  b\t c \n\n\n\n“x » \\u2019 Zu\u{308}rich\u{200b}."
            .into(),
    );
    texts
}

#[test]
fn each_suggestion_changes_only_its_edits() {
    let texts = corpus();
    for rule in ours() {
        for text in &texts {
            for d in lint_with(text, rule.as_ref()) {
                assert!(
                    text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
                    "{}: span off a char boundary",
                    d.rule
                );
                for s in &d.suggestions {
                    let applied = apply_suggestions(text, std::iter::once(s));
                    assert_eq!(applied.applied, 1, "{}: malformed suggestion {s:?}", d.rule);
                    // Rebuild by hand: everything outside the edits must be the input.
                    let mut edits = s.edits.clone();
                    edits.sort();
                    let mut want = String::new();
                    let mut at = 0;
                    for e in &edits {
                        want.push_str(&text[at..e.start]);
                        want.push_str(&e.replacement);
                        at = e.end;
                    }
                    want.push_str(&text[at..]);
                    assert_eq!(applied.text, want, "{}: {s:?}", d.rule);
                    // Edits stay on the finding's line or its paragraph neighbourhood.
                    let sp = s.span().expect("suggestions carry edits");
                    assert!(
                        sp.start + 2000 >= d.span.start && sp.end <= d.span.end + 2000,
                        "{}: edit far from finding",
                        d.rule
                    );
                }
            }
        }
    }
}

#[test]
fn safe_fixes_converge() {
    for rule in ours() {
        for text in corpus() {
            let found = lint_with(&text, rule.as_ref());
            let fixed = apply_suggestions(
                &text,
                found.iter().filter_map(|d| {
                    d.suggestions
                        .iter()
                        .find(|s| s.applicability == Applicability::Safe)
                }),
            );
            let again = lint_with(&fixed.text, rule.as_ref());
            let safe_again = again
                .iter()
                .filter(|d| {
                    d.suggestions
                        .iter()
                        .any(|s| s.applicability == Applicability::Safe)
                })
                .count();
            let safe_before = found
                .iter()
                .filter(|d| {
                    d.suggestions
                        .iter()
                        .any(|s| s.applicability == Applicability::Safe)
                })
                .count();
            assert!(
                safe_again <= fixed.skipped || safe_again < safe_before || safe_before == 0,
                "{}: safe fixes do not converge on {text:?}: {again:#?}",
                rule.meta().id
            );
        }
    }
}
