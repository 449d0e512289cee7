//! copylint's own prose passes copylint: the README (as Markdown) and every rule's
//! summary give no warning.

use copylint::{InputKind, Severity, default_registry};

#[test]
fn readme_passes_its_own_linter() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let idx = copylint::render::LineIndex::new(&text);
    let bad: Vec<String> = default_registry()
        .linter()
        .lint_source(&text, InputKind::Markdown)
        .into_iter()
        .filter(|d| d.severity >= Severity::Warning)
        .map(|d| {
            format!(
                "README.md:{:?} [{}] {}",
                idx.line_col(d.span.start),
                d.rule,
                d.message
            )
        })
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn rule_summaries_pass_their_own_linter() {
    let linter = default_registry().linter();
    let mut bad = Vec::new();
    for r in default_registry().rules() {
        // As Markdown: a summary may quote an artifact in a code span.
        for d in linter.lint_source(&format!("{}.\n", r.meta().summary), InputKind::Markdown) {
            if d.severity >= Severity::Warning {
                bad.push(format!("{}: [{}] {}", r.meta().id, d.rule, d.message));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
