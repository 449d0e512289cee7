//! Lint + fix on arbitrary input, for every input kind. Invariants: no panic; every
//! span, label and edit lies on character boundaries inside the text; fixing
//! converges and a second fix run changes nothing.
//! Run: `RUSTC_BOOTSTRAP=1 cargo fuzz run lint_fix` (from the repository root).
#![no_main]

use copylint::markup::InputKind;
use copylint::{Applicability, Diagnostic, default_registry};
use libfuzzer_sys::fuzz_target;

fn check_spans(text: &str, diags: &[Diagnostic]) {
    let ok = |s: usize, e: usize| {
        s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    for d in diags {
        assert!(ok(d.span.start, d.span.end), "[{}] span {:?}", d.rule, d.span);
        for l in &d.labels {
            assert!(ok(l.span.start, l.span.end), "[{}] label {:?}", d.rule, l.span);
        }
        for s in &d.suggestions {
            for e in &s.edits {
                assert!(ok(e.start, e.end), "[{}] edit {:?}", d.rule, e);
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the input kind; the rest is the copy.
    let Some((&k, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let kind = match k % 3 {
        0 => InputKind::Text,
        1 => InputKind::Html,
        _ => InputKind::Markdown,
    };
    let linter = default_registry().linter();
    check_spans(text, &linter.lint_source(text, kind));
    let once = copylint::fix::fix_until_stable(&linter, text, kind, Applicability::Unsafe);
    assert!(once.converged, "fixes did not converge");
    let twice = copylint::fix::fix_until_stable(&linter, &once.text, kind, Applicability::Unsafe);
    assert_eq!(twice.text, once.text, "a second fix run changed the text");
});
