//! Property tests: whatever the input, no rule panics, every span and edit lies on
//! character boundaries inside the text, selected fixes never overlap, and fixing
//! converges so that a second fix run changes nothing. The runner is seeded, so CI
//! is reproducible; `PROPTEST_CASES=5000 cargo test --test properties` explores more.

use copylint::markup::InputKind;
use copylint::{Applicability, Diagnostic, default_registry};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

/// Pieces that tend to break text code: multi-byte and invisible characters, line
/// ends of every kind, quotes, entities, markup, abbreviations, names.
const FRAGMENTS: &[&str] = &[
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u{a0}",
    "\u{feff}",
    "\u{200b}",
    "\u{ad}",
    "é",
    "e\u{301}",
    "Ł",
    "😀",
    "👩‍💻",
    "ß",
    "İ",
    "Σ",
    "中文",
    "Ã©",
    "â€™",
    "Â",
    "\u{fffd}",
    "\u{1}",
    "\u{85}",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "…",
    "...",
    " .",
    " ,",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    "„",
    "(",
    ")",
    "[",
    "]",
    "<",
    ">",
    "<p>",
    "</div>",
    "<!--",
    "-->",
    "<!-- copylint-disable -->",
    "<!-- copylint-enable -->",
    "&",
    "&amp;",
    "&amp;amp;",
    "&#39;",
    "&#x27;",
    "#x27;",
    "x27;",
    "quot;",
    "&rsquo;",
    "&#",
    "&#x",
    "\\n",
    "\\u00e9",
    "\\\"",
    "http://x.org/a?b=1amp;c=2",
    "a@b.org",
    "*",
    "**",
    "`",
    "```",
    "#",
    "- ",
    "| ",
    "the",
    "The",
    "the the",
    "do not don’t",
    "he said",
    "she said",
    "He",
    "She",
    "him",
    "her",
    "it",
    "Mr.",
    "U.S.",
    "a.m.",
    "3.5",
    "10,000",
    "2024",
    "February 24.",
    "Kazakhstan",
    "the Kazakhstan",
    "kyiv",
    "Kyiv",
    "Tokayev",
    "Tokaev",
    "ministry",
    "The ministry said",
    "judges him that",
    "assured him",
    "They",
    "In",
    "Spread the love",
    "Source link",
    "More Stories",
    "Share",
    "Beer buff.",
    "Coffee ninja.",
    "Devoted pop culture scholar.",
    "MOSCOW:",
    "LONDON (AP) —",
    "Comments are closed.",
    "https://t.co/x",
    "Previous Article",
    "—",
    "–",
    "-",
    "/",
    "·",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..60).prop_map(|v| v.concat())
}

fn check_spans(text: &str, diags: &[Diagnostic]) -> Result<(), TestCaseError> {
    let ok = |s: usize, e: usize| {
        s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    for d in diags {
        prop_assert!(
            ok(d.span.start, d.span.end),
            "[{}] span {:?} in {:?}",
            d.rule,
            d.span,
            text
        );
        for l in &d.labels {
            prop_assert!(
                ok(l.span.start, l.span.end),
                "[{}] label {:?} in {:?}",
                d.rule,
                l.span,
                text
            );
        }
        for s in &d.suggestions {
            for e in &s.edits {
                prop_assert!(
                    ok(e.start, e.end),
                    "[{}] edit {:?} in {:?}",
                    d.rule,
                    e,
                    text
                );
            }
        }
    }
    Ok(())
}

fn runner() -> TestRunner {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(300);
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha))
}

#[test]
fn spans_are_valid_for_every_input_kind() {
    let linter = default_registry().linter();
    runner()
        .run(&text_strategy(), |text| {
            for kind in [InputKind::Text, InputKind::Html, InputKind::Markdown] {
                check_spans(&text, &linter.lint_source(&text, kind))?;
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn fixing_converges_and_is_idempotent() {
    let linter = default_registry().linter();
    runner()
        .run(&text_strategy(), |text| {
            for kind in [InputKind::Text, InputKind::Html] {
                let once =
                    copylint::fix::fix_until_stable(&linter, &text, kind, Applicability::Unsafe);
                prop_assert!(once.converged, "fixes did not converge on {:?}", text);
                let twice = copylint::fix::fix_until_stable(
                    &linter,
                    &once.text,
                    kind,
                    Applicability::Unsafe,
                );
                prop_assert_eq!(&twice.text, &once.text, "second fix run changed {:?}", text);
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn selected_fixes_never_overlap() {
    let linter = default_registry().linter();
    runner()
        .run(&text_strategy(), |text| {
            let diags = linter.lint(&text);
            let mut taken: Vec<(usize, usize)> = Vec::new();
            for s in copylint::fix::fixable(&diags, Applicability::Unsafe) {
                let applied = copylint::fix::apply_suggestions(&text, std::iter::once(s));
                prop_assert!(applied.applied <= 1);
                for e in &s.edits {
                    taken.push((e.start, e.end));
                }
            }
            // Whatever overlaps, apply_suggestions keeps a consistent subset.
            let all = copylint::fix::apply_suggestions(
                &text,
                copylint::fix::fixable(&diags, Applicability::Unsafe),
            );
            prop_assert_eq!(
                all.applied + all.skipped,
                copylint::fix::fixable(&diags, Applicability::Unsafe).count()
            );
            Ok(())
        })
        .unwrap();
}
