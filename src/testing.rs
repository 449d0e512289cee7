//! One-line assertions for rule tests, after Harper's: a rule's edge cases read as a
//! list of sentences and counts.

use crate::diagnostic::{Applicability, Diagnostic};
use crate::document::Document;
use crate::fix::apply_suggestions;
use crate::rule::Rule;

/// Runs one rule alone over `text` through the engine (suppressions, sorting).
pub fn lint_with(text: &str, rule: &dyn Rule) -> Vec<Diagnostic> {
    crate::linter::run_rules(&Document::new(text), std::iter::once(rule))
}

fn describe(text: &str, lints: &[Diagnostic]) -> String {
    lints
        .iter()
        .map(|d| {
            format!(
                "  {}..{} `{}`: {}",
                d.span.start,
                d.span.end,
                d.span.text(text),
                d.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[track_caller]
pub fn assert_lint_count(text: &str, rule: &dyn Rule, n: usize) {
    let lints = lint_with(text, rule);
    assert_eq!(
        lints.len(),
        n,
        "expected {n} finding(s) of `{}` in {text:?}, got {}:\n{}",
        rule.meta().id,
        lints.len(),
        describe(text, &lints)
    );
}

#[track_caller]
pub fn assert_no_lints(text: &str, rule: &dyn Rule) {
    assert_lint_count(text, rule, 0);
}

/// Asserts that exactly the given substrings (in order) are flagged.
#[track_caller]
pub fn assert_flags(text: &str, rule: &dyn Rule, expected: &[&str]) {
    let lints = lint_with(text, rule);
    let got: Vec<&str> = lints.iter().map(|d| d.span.text(text)).collect();
    assert_eq!(
        got,
        expected,
        "findings of `{}` in {text:?}:\n{}",
        rule.meta().id,
        describe(text, &lints)
    );
}

/// Applies the first suggestion of every finding that is not display-only, once.
#[track_caller]
pub fn assert_fix_result(text: &str, rule: &dyn Rule, expected: &str) {
    let lints = lint_with(text, rule);
    let fixed = apply_suggestions(
        text,
        lints.iter().filter_map(|d| {
            d.suggestions
                .iter()
                .find(|s| s.applicability >= Applicability::Unsafe)
        }),
    );
    assert_eq!(
        fixed.text,
        expected,
        "fixing `{}` in {text:?}",
        rule.meta().id
    );
}

#[track_caller]
pub fn assert_message(text: &str, rule: &dyn Rule, message: &str) {
    let lints = lint_with(text, rule);
    assert!(
        lints.iter().any(|d| d.message == message),
        "no finding with message {message:?}:\n{}",
        describe(text, &lints)
    );
}
