//! The embedded rule files compile their regexes only for documents that may match
//! them (a filter worked out by build.rs); the findings must be exactly those of
//! the same files loaded and compiled in full, as `--rules` loads them.

mod common;

use common::{files_in, root};
use copylint::declarative::load;
use copylint::rule::{Rule, RuleSource};
use copylint::{Linter, Registry};
use std::sync::Arc;

/// The built-in rules with every lints/*.toml loaded as a user file: compiled at
/// load time, no filters.
fn eager() -> Linter {
    let mut rules: Vec<Arc<dyn Rule>> = copylint::rules::builtin();
    for p in files_in(&root().join("lints"), &["toml"]) {
        let text = std::fs::read_to_string(&p).unwrap();
        let r = load(&p.display().to_string(), &text, RuleSource::File(p.clone())).unwrap();
        rules.push(Arc::new(r));
    }
    rules.sort_by_key(|r| r.meta().id);
    Linter::from_rules(rules)
}

fn texts() -> Vec<String> {
    let mut v: Vec<String> = files_in(&root().join("tests/fixtures"), &["txt", "md", "html"])
        .into_iter()
        .chain(files_in(&root().join("seeds"), &["txt"]))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    // Every example and counterexample of the rule files.
    for p in files_in(&root().join("lints"), &["toml"]) {
        let t: toml::Table = std::fs::read_to_string(p).unwrap().parse().unwrap();
        for k in ["examples", "counterexamples"] {
            for e in t.get(k).and_then(|v| v.as_array()).into_iter().flatten() {
                v.push(e.as_str().unwrap().to_string());
            }
        }
    }
    v.extend(
        [
            // Characters that case-fold to ASCII letters, which the filters' ASCII
            // search cannot see: `ſ` is an `s`, the Kelvin sign a `k`.
            "The minister ſtressed him that the plan would fail.",
            "Officials \u{212A}ept saying it. Page 2 of 5\n",
            // White space of every kind between the parts of a pattern.
            "He underlined\u{a0}him\n\tthat nothing was decided.",
            "Read more:\nthe full story",
            "Read more: the full story",
            "Screenshot 2024-01-02 at 10.11.12\nIMG_1234\n3 / 12 photos\n1 2 3 next »",
            "[ad_1] text [/ad_1]\nShare Tweet Email\nTags: politics, budget",
            "Copyright © 2021 Acme News. All rights reserved.",
        ]
        .map(String::from),
    );
    v
}

#[test]
fn filtered_patterns_find_what_compiled_ones_find() {
    let lazy = Registry::builtin().unwrap().linter();
    let eager = eager();
    for text in texts() {
        assert_eq!(lazy.lint(&text), eager.lint(&text), "on {text:?}");
    }
}

fn compiled(reg: &Registry) -> usize {
    reg.rules()
        .iter()
        .filter_map(|r| r.as_declarative())
        .map(|d| d.compiled_patterns())
        .sum()
}

#[test]
fn patterns_compile_only_for_documents_that_may_match() {
    let reg = Registry::builtin().unwrap();
    assert_eq!(compiled(&reg), 0, "loading compiles nothing");
    let linter = reg.linter();
    linter.lint("The council met on Tuesday and approved the budget.\n\nIt said more was needed.");
    assert_eq!(compiled(&reg), 0, "plain copy needs no rule-file regex");
    let found = linter.lint("Copyright 2022 The Associated Press. All rights reserved.");
    assert!(found.iter().any(|d| d.rule == "chrome-footer-text"));
    assert_eq!(compiled(&reg), 1, "only the copyright pattern is compiled");
}

#[test]
fn rule_files_read_at_build_time_describe_the_same_rules() {
    let reg = Registry::builtin().unwrap();
    let eager = eager();
    for e in eager
        .rules()
        .iter()
        .filter(|r| r.as_declarative().is_some())
    {
        let (a, b) = (e.meta(), reg.get(e.meta().id).unwrap().meta());
        assert_eq!(
            (a.category, a.severity, &a.summary, &a.docs, a.fix),
            (b.category, b.severity, &b.summary, &b.docs, b.fix),
            "{}",
            a.id
        );
    }
}

/// A whole-line chrome word that ends a hard-wrapped sentence is the sentence's tail.
#[test]
fn whole_line_chrome_is_not_the_tail_of_a_wrapped_sentence() {
    let linter = Registry::builtin().unwrap().linter();
    let rules =
        |text: &str| -> Vec<&'static str> { linter.lint(text).iter().map(|d| d.rule).collect() };
    let wrapped = "Rescuers reached the village by boat on Tuesday, as seen in the\nphoto.\n";
    assert!(
        !rules(wrapped).contains(&"chrome-media"),
        "{:?}",
        rules(wrapped)
    );
    let wrapped = "The council said residents could find the new bus routes on the\nmap.\n";
    assert!(rules(wrapped).iter().all(|r| !r.starts_with("chrome-")));
    // Alone, after a finished sentence or after a headline, it is still chrome.
    assert!(
        rules("Rescuers reached the village by boat on Tuesday.\nPhoto\n")
            .contains(&"chrome-media")
    );
    assert!(
        rules("Floods cut off villages\nphoto\nRescuers arrived on Tuesday.\n")
            .contains(&"chrome-media")
    );
}
