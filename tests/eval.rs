//! The evaluation set: realistic scraped and machine-translated articles written for
//! this purpose (tests/fixtures/eval/, annotated in expected.tsv), scored like the
//! seeds, plus every clean fixture (markup files linted as markup). It prints recall,
//! precision and false alarms, and fails when recall drops below the rows found so far
//! or false positives rise above the recorded ceiling.

mod common;

use common::{files_in, root};
use copylint::{Diagnostic, InputKind, Severity, Span};
use std::path::Path;

/// Rows of tests/fixtures/eval/expected.tsv found so far, as "file-prefix:line:category".
/// A row leaving this list is a regression; a row joining it is progress: add it here.
const FOUND: &[&str] = &[];

/// Warning/error findings on the eval set that overlap no annotated row.
const MAX_FALSE_POSITIVES: usize = usize::MAX;

struct Row {
    file: String,
    line: usize,
    category: String,
    trigger: String,
}

fn rows() -> Vec<Row> {
    let text = std::fs::read_to_string(root().join("tests/fixtures/eval/expected.tsv")).unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Row {
                file: f[0].into(),
                line: f[1].parse().unwrap(),
                category: f[2].into(),
                trigger: f[3].into(),
            }
        })
        .collect()
}

fn lint_path(path: &Path) -> (String, Vec<Diagnostic>) {
    let text = std::fs::read_to_string(path).unwrap();
    let kind = InputKind::from_path(path);
    let diags = copylint::default_registry()
        .linter()
        .lint_source(&text, kind);
    (text, diags)
}

/// Byte span of the row's trigger on its line, or the whole line when it is empty.
fn trigger_span(text: &str, row: &Row) -> Span {
    let doc = copylint::Document::new(text);
    let line = doc.lines()[row.line - 1];
    let s = doc.slice(line.span);
    if row.trigger.is_empty() {
        return Span::new(line.span.start, line.next.max(line.span.start + 1));
    }
    let i = s
        .find(row.trigger.as_str())
        .unwrap_or_else(|| panic!("trigger {:?} not on line {}", row.trigger, row.line));
    Span::new(line.span.start + i, line.span.start + i + row.trigger.len())
}

fn hits(d: &Diagnostic, t: Span) -> bool {
    d.span.overlaps(t) || (d.span.is_empty() && t.contains(d.span.start))
}

fn key(row: &Row) -> String {
    format!("{}:{}:{}", &row.file[..3], row.line, row.category)
}

#[test]
fn eval_set_recall_and_precision() {
    let dir = root().join("tests/fixtures/eval");
    let rows = rows();
    let files = files_in(&dir, &["txt", "md", "html"]);
    let mut found = Vec::new();
    let mut missing = Vec::new();
    let mut false_pos = Vec::new();
    let mut findings = 0usize;
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let (text, diags) = lint_path(f);
        let idx = copylint::render::LineIndex::new(&text);
        let mine: Vec<(&Row, Span)> = rows
            .iter()
            .filter(|r| r.file == name)
            .map(|r| (r, trigger_span(&text, r)))
            .collect();
        let loud: Vec<&Diagnostic> = diags
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
            .collect();
        findings += loud.len();
        for (row, t) in &mine {
            let ok = loud
                .iter()
                .any(|d| d.category.as_str() == row.category && hits(d, *t));
            let k = format!("{}:{}", key(row), row.trigger);
            if ok { found.push(k) } else { missing.push(k) }
        }
        for d in &loud {
            if !mine.iter().any(|(_, t)| hits(d, *t)) {
                let (line, col) = idx.line_col(d.span.start);
                false_pos.push(format!(
                    "{name}:{line}:{col}: [{}] {} `{}`",
                    d.rule,
                    d.message,
                    d.span.text(&text)
                ));
            }
        }
    }
    let recall = found.len() as f64 / rows.len() as f64;
    let precision = (findings - false_pos.len()) as f64 / findings.max(1) as f64;
    println!(
        "eval: found {}/{} rows (recall {:.1}%), {} of {} findings overlap no row (precision {:.1}%)",
        found.len(),
        rows.len(),
        100.0 * recall,
        false_pos.len(),
        findings,
        100.0 * precision
    );
    for m in &missing {
        println!("  not found: {m}");
    }
    for fp in &false_pos {
        println!("  false positive: {fp}");
    }
    let regressions: Vec<_> = FOUND
        .iter()
        .filter(|k| !found.iter().any(|f| f.starts_with(&format!("{k}:"))))
        .collect();
    assert!(regressions.is_empty(), "rows no longer found: {regressions:#?}");
    assert!(
        false_pos.len() <= MAX_FALSE_POSITIVES,
        "{} false positives (ceiling {MAX_FALSE_POSITIVES})",
        false_pos.len()
    );
}

/// Clean copy in every house style gives no warning, markup files linted as markup
/// (tests/fixtures/clean-markup/ holds HTML that is clean only as HTML).
#[test]
fn clean_fixtures_as_markup_give_no_warnings() {
    let mut alarms = Vec::new();
    let mut n = 0;
    for dir in ["tests/fixtures/clean", "tests/fixtures/clean-markup"] {
        for f in files_in(&root().join(dir), &["txt", "md", "html"]) {
            n += 1;
            let (text, diags) = lint_path(&f);
            let idx = copylint::render::LineIndex::new(&text);
            for d in diags.iter().filter(|d| d.severity >= Severity::Warning) {
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
    }
    println!("clean: {n} files, {} false alarm(s)", alarms.len());
    assert!(alarms.is_empty(), "false alarms:\n{}", alarms.join("\n"));
}
