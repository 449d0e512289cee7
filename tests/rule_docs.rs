//! Every rule's documentation is checked and executed: the required sections exist,
//! every `flag` example fires, every `pass` example stays silent, every
//! `before`/`after` pair is what the rule's fixes produce, and the rule's declared fix
//! availability matches what it emits.

use copylint::rule::FixAvailability;
use copylint::testing::lint_with;
use copylint::{Applicability, Rule, default_registry};

#[derive(Debug)]
struct Block {
    tag: String,
    body: String,
}

fn blocks(docs: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut cur: Option<Block> = None;
    for line in docs.lines() {
        let t = line.trim_start();
        match &mut cur {
            None => {
                if let Some(info) = t.strip_prefix("```") {
                    cur = Some(Block {
                        tag: info.trim().to_string(),
                        body: String::new(),
                    });
                }
            }
            Some(b) => {
                if t.starts_with("```") {
                    out.push(cur.take().unwrap());
                } else {
                    if !b.body.is_empty() {
                        b.body.push('\n');
                    }
                    b.body.push_str(line);
                }
            }
        }
    }
    out
}

fn fixed(text: &str, rule: &dyn Rule) -> String {
    let lints = lint_with(text, rule);
    copylint::fix::apply_suggestions(
        text,
        lints.iter().filter_map(|d| {
            d.suggestions
                .iter()
                .find(|s| s.applicability >= Applicability::Unsafe)
        }),
    )
    .text
}

#[test]
fn every_rule_documents_and_proves_itself() {
    let mut failures = Vec::new();
    for rule in default_registry().rules() {
        let rule = rule.as_ref();
        let m = rule.meta();
        let docs = m.docs_text();
        let builtin = m.source == copylint::rule::RuleSource::Builtin;
        let required: &[&str] = if builtin {
            &["## What it does", "## Why is this bad?", "## Example"]
        } else {
            &["## What it does", "## Why is this bad?"]
        };
        for h in required {
            if !docs.contains(h) {
                failures.push(format!("{}: docs lack `{h}`", m.id));
            }
        }
        let bs = blocks(&docs);
        if !bs
            .iter()
            .any(|b| b.tag == "text flag" || b.tag == "text before")
        {
            failures.push(format!("{}: no `text flag` example", m.id));
        }
        let mut pending_before: Option<&str> = None;
        for b in &bs {
            let found = lint_with(&b.body, rule);
            match b.tag.as_str() {
                "text flag" if found.is_empty() => failures.push(format!(
                    "{}: flag example does not fire: {:?}",
                    m.id, b.body
                )),
                "text pass" if !found.is_empty() => failures.push(format!(
                    "{}: pass example fires ({}): {:?}",
                    m.id, found[0].message, b.body
                )),
                "text before" => pending_before = Some(&b.body),
                "text after" => match pending_before.take() {
                    Some(before) => {
                        let got = fixed(before, rule);
                        if got != b.body {
                            failures.push(format!(
                                "{}: fixing {before:?} gives {got:?}, docs say {:?}",
                                m.id, b.body
                            ));
                        }
                    }
                    None => failures.push(format!("{}: `text after` without `text before`", m.id)),
                },
                _ => {}
            }
            for d in &found {
                let has = !d.suggestions.is_empty();
                match m.fix {
                    FixAvailability::None if has => failures.push(format!(
                        "{}: declares no fix but suggested one on {:?}",
                        m.id, b.body
                    )),
                    FixAvailability::Always if !has => failures.push(format!(
                        "{}: declares a fix but gave none for `{}`",
                        m.id,
                        d.span.text(&b.body)
                    )),
                    _ => {}
                }
                for s in &d.suggestions {
                    if s.message.trim().is_empty() {
                        failures.push(format!("{}: suggestion without a message", m.id));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn messages_follow_the_house_style() {
    // Lower-case start, no trailing period: checked on every flag example's findings.
    let mut failures = Vec::new();
    for rule in default_registry().rules() {
        for b in blocks(&rule.meta().docs_text())
            .iter()
            .filter(|b| b.tag == "text flag")
        {
            for d in lint_with(&b.body, rule.as_ref()) {
                // Lower-case start (an acronym such as `HTML` is fine), no full stop.
                let word = d.message.split_whitespace().next().unwrap_or("");
                let acronym = word
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase);
                let capitalised = word.chars().next().is_some_and(char::is_uppercase) && !acronym;
                if capitalised || d.message.ends_with('.') {
                    failures.push(format!("{}: {:?}", d.rule, d.message));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "messages off style:\n{}",
        failures.join("\n")
    );
}

#[test]
fn rule_ids_are_kebab_case_and_severity_follows_category() {
    for rule in default_registry().rules() {
        let m = rule.meta();
        assert!(
            m.id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{} is not kebab-case",
            m.id
        );
        assert!(!m.summary.trim().is_empty(), "{} has no summary", m.id);
    }
}

#[test]
fn every_rule_has_a_fixture_and_every_rule_file_is_registered() {
    let base = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let missing: Vec<&str> = default_registry()
        .rules()
        .iter()
        .map(|r| r.meta().id)
        .filter(|id| !std::path::Path::new(base).join(id).is_dir())
        .collect();
    assert!(
        missing.is_empty(),
        "rules without tests/fixtures/<id>/: {missing:?}"
    );
    // Every `declare_rule!` under src/rules/ is in the registry (one line in mod.rs).
    let mut unregistered = Vec::new();
    for e in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/rules")) {
        let e = e.unwrap();
        let Ok(text) = std::fs::read_to_string(e.path()) else {
            continue;
        };
        for (i, _) in text.match_indices("declare_rule! {") {
            let after = &text[i..];
            if let Some(id) = after
                .split("id: \"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                && default_registry().get(id).is_none()
            {
                unregistered.push(id.to_string());
            }
        }
    }
    assert!(
        unregistered.is_empty(),
        "rules missing from src/rules/mod.rs: {unregistered:?}"
    );
}
