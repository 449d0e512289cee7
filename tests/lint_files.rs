//! Every rule file in lints/ loads (its examples and counterexamples pass at load
//! time), and broken rule files are refused with a span into the file.

use copylint::declarative::load;
use copylint::rule::{Rule, RuleSource};

#[test]
fn every_lints_file_loads() {
    let mut errors = Vec::new();
    let mut n = 0;
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/lints")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|x| x == "toml") {
            n += 1;
            let text = std::fs::read_to_string(&p).unwrap();
            if let Err(e) = load(&p.display().to_string(), &text, RuleSource::File(p.clone())) {
                errors.push(e.to_string());
            }
        }
    }
    assert!(n >= 2, "expected rule files in lints/");
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

const GOOD: &str = r###"
id = "test-rule"
category = "boilerplate"
kind = "phrase"
summary = "s"
description = "## What it does\nx\n## Why is this bad?\ny"
message = "chrome `{match}`"
phrases = ["Skip ad"]
examples = ["Skip ad"]
counterexamples = ["Nothing here"]
"###;

fn err_for(text: &str) -> copylint::declarative::RuleFileError {
    match load("x.toml", text, RuleSource::Embedded("x.toml")) {
        Ok(_) => panic!("rule file should be refused:\n{text}"),
        Err(e) => e,
    }
}

fn span_text(e: &copylint::declarative::RuleFileError) -> &str {
    &e.source[e.span.clone().expect("error should carry a span")]
}

#[test]
fn good_file_loads() {
    let r = load("x.toml", GOOD, RuleSource::Embedded("x.toml")).unwrap();
    assert_eq!(r.meta().id, "test-rule");
}

#[test]
fn unknown_field_is_refused_with_span() {
    let e = err_for(&GOOD.replace("kind =", "colour = \"red\"\nkind ="));
    assert!(e.message.contains("unknown field"), "{}", e.message);
    assert!(span_text(&e).contains("colour"));
}

#[test]
fn syntax_error_is_refused_with_span() {
    let e = err_for(&GOOD.replace("summary = \"s\"", "summary = \"s"));
    assert!(e.span.is_some());
}

#[test]
fn invalid_regex_points_at_the_pattern() {
    let text = GOOD
        .replace("kind = \"phrase\"", "kind = \"pattern\"")
        .replace("phrases = [\"Skip ad\"]", "patterns = [\"Skip (ad\"]");
    let e = err_for(&text);
    assert!(e.message.contains("invalid regex"), "{}", e.message);
    assert_eq!(span_text(&e), "\"Skip (ad\"");
}

#[test]
fn failing_example_points_at_the_example() {
    let e = err_for(&GOOD.replace(
        "examples = [\"Skip ad\"]",
        "examples = [\"Skip ad\", \"no match\"]",
    ));
    assert!(e.message.contains("does not trigger"), "{}", e.message);
    assert_eq!(span_text(&e), "\"no match\"");
}

#[test]
fn flagged_counterexample_points_at_it() {
    let e = err_for(&GOOD.replace(
        "counterexamples = [\"Nothing here\"]",
        "counterexamples = [\"Skip ad now\"]",
    ));
    assert!(e.message.contains("counterexample"), "{}", e.message);
    assert_eq!(span_text(&e), "\"Skip ad now\"");
}

#[test]
fn huge_regex_is_refused_not_hung() {
    let text = GOOD
        .replace("kind = \"phrase\"", "kind = \"pattern\"")
        .replace(
            "phrases = [\"Skip ad\"]",
            "patterns = [\"(\\\\w{50}){50}[a-z]{1000}\"]",
        );
    let e = err_for(&text);
    assert!(e.message.contains("invalid regex"), "{}", e.message);
}

#[test]
fn substitution_and_delete_line_fixes() {
    use copylint::testing::{assert_fix_result, lint_with};
    let sub = GOOD
        .replace("kind = \"phrase\"", "kind = \"substitution\"")
        .replace(
            "phrases = [\"Skip ad\"]",
            "substitutions = { \"Skip ad\" = \"Skip\" }",
        );
    let r = load("x.toml", &sub, RuleSource::Embedded("x.toml")).unwrap();
    assert_fix_result("skip ad here", &r, "Skip here");
    let del = GOOD.replace(
        "kind = \"phrase\"",
        "kind = \"phrase\"\nfix = \"delete-line\"",
    );
    let r = load("x.toml", &del, RuleSource::Embedded("x.toml")).unwrap();
    let text = "Para one.\nSkip ad\nPara two. Skip ad there.\n";
    let found = lint_with(text, &r);
    assert_eq!(found.len(), 2);
    assert_eq!(
        found[0].suggestions[0].applicability,
        copylint::Applicability::Safe
    );
    assert_eq!(
        found[1].suggestions[0].applicability,
        copylint::Applicability::Unsafe
    );
    assert_fix_result(
        "Para one.\nSkip ad\nPara two.\n",
        &r,
        "Para one.\nPara two.\n",
    );
}
