use super::{FileReport, LineIndex, Reporter, Summary};
use crate::diagnostic::{Category, Diagnostic, Severity};
use serde_json::{Value, json};
use std::io::{self, Write};

/// The JSON contract (version 1), documented in the README. Diagnostics are
/// buffered until the end because the summary comes first.
pub struct Json<'w> {
    out: &'w mut dyn Write,
    diagnostics: Vec<Value>,
}

impl<'w> Json<'w> {
    pub fn new(out: &'w mut dyn Write) -> Self {
        Json {
            out,
            diagnostics: Vec::new(),
        }
    }
}

pub fn json_diagnostic(path: &str, idx: &LineIndex, d: &Diagnostic) -> Value {
    let (line, column) = idx.line_col(d.span.start);
    let (end_line, end_column) = idx.line_col(d.span.end);
    json!({
        "path": path,
        "rule": d.rule,
        "category": d.category,
        "severity": d.severity,
        "message": d.message,
        "span": d.span,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "labels": d.labels,
        "suggestions": d.suggestions,
    })
}

impl Reporter for Json<'_> {
    fn file(&mut self, f: &FileReport) -> io::Result<()> {
        let idx = LineIndex::new(f.text);
        self.diagnostics.extend(
            f.diagnostics
                .iter()
                .map(|d| json_diagnostic(f.path, &idx, d)),
        );
        Ok(())
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        let by_severity: serde_json::Map<String, Value> =
            [Severity::Error, Severity::Warning, Severity::Info]
                .iter()
                .map(|sev| (sev.as_str().to_string(), json!(s.count(*sev))))
                .collect();
        let by_category: serde_json::Map<String, Value> = Category::ALL
            .iter()
            .map(|c| {
                (
                    c.as_str().to_string(),
                    json!(s.by_category.get(c).copied().unwrap_or(0)),
                )
            })
            .collect();
        let doc = json!({
            "version": 1,
            "summary": {
                "files": s.files,
                "diagnostics": s.diagnostics,
                "by_severity": by_severity,
                "by_category": by_category,
            },
            "diagnostics": std::mem::take(&mut self.diagnostics),
        });
        serde_json::to_writer_pretty(&mut *self.out, &doc)?;
        writeln!(self.out)
    }
}
