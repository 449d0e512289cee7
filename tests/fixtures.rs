//! Per-rule fixtures: `tests/fixtures/<rule-id>/*.txt` is linted with that rule
//! alone; the rendered report and the text after its fixes are snapshotted, so every
//! change in what a user sees is reviewed.

mod common;

use common::{files_in, root};
use copylint::render::{FileReport, Human, Reporter, Summary};
use copylint::{Applicability, default_registry};

#[test]
fn rule_fixtures() {
    let base = root().join("tests/fixtures");
    let mut seen = 0;
    for file in files_in(&base, &["txt", "md", "html"]) {
        let rule_dir = file
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if rule_dir == "clean" || file.parent().unwrap().parent().unwrap() != base {
            continue;
        }
        let rule = default_registry()
            .get(&rule_dir)
            .unwrap_or_else(|| panic!("tests/fixtures/{rule_dir}/ names no rule"));
        let text = std::fs::read_to_string(&file).unwrap();
        let diags = copylint::Linter::from_rules(vec![rule.clone()]).lint(&text);
        assert!(
            !diags.is_empty(),
            "{} produces no finding of {rule_dir}",
            file.display()
        );
        let name = format!("{rule_dir}/{}", file.file_name().unwrap().to_string_lossy());
        let mut out = Vec::new();
        let mut h = Human::new(&mut out, false);
        h.file(&FileReport::new(&name, &text, &diags)).unwrap();
        let mut summary = Summary::default();
        summary.add(&diags);
        h.finish(&summary).unwrap();
        let fixed = copylint::fix::apply_suggestions(
            &text,
            copylint::fix::fixable(&diags, Applicability::Unsafe),
        );
        let snap = format!(
            "{}\n----- after safe and unsafe fixes -----\n{}",
            String::from_utf8(out).unwrap(),
            fixed.text
        );
        insta::assert_snapshot!(name.replace('/', "__"), snap);
        seen += 1;
    }
    assert!(seen > 0, "no rule fixtures found");
}
