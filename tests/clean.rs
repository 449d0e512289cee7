//! Clean, well-edited copy must give no warning: every false alarm costs trust.

mod common;

use common::{files_in, root};
use copylint::Severity;

#[test]
fn clean_fixtures_give_no_warnings() {
    let files = files_in(&root().join("tests/fixtures/clean"), &["txt", "md", "html"]);
    assert!(!files.is_empty(), "no clean fixtures");
    let mut alarms = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let idx = copylint::render::LineIndex::new(&text);
        for d in copylint::lint(&text)
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
        {
            let (line, col) = idx.line_col(d.span.start);
            alarms.push(format!(
                "{}:{line}:{col}: [{}] {} `{}`",
                f.file_name().unwrap().to_string_lossy(),
                d.rule,
                d.message,
                d.span.text(&text)
            ));
        }
    }
    assert!(
        alarms.is_empty(),
        "{} false alarm(s):\n{}",
        alarms.len(),
        alarms.join("\n")
    );
}
