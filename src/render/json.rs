use super::{FileReport, LineIndex, Reporter, Summary};
use crate::diagnostic::{Category, Diagnostic, Severity};
use serde_json::{Value, json};
use std::io::{self, Write};

/// The JSON contract (version 1), documented in the README. The object's keys are
/// in sorted order (`diagnostics`, `summary`, `version`), so diagnostics stream out
/// as files are reported and only the counts wait for the end; the bytes are those
/// of pretty-printing the whole object at once.
pub struct Json<'w> {
    out: &'w mut dyn Write,
    written: usize,
}

impl<'w> Json<'w> {
    pub fn new(out: &'w mut dyn Write) -> Self {
        Json { out, written: 0 }
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
        if f.diagnostics.is_empty() {
            return Ok(());
        }
        let idx = f.line_index();
        for d in f.diagnostics {
            let item = serde_json::to_string_pretty(&json_diagnostic(f.path, &idx, d))?;
            let head = if self.written == 0 {
                "{\n  \"diagnostics\": [\n"
            } else {
                ",\n"
            };
            self.out.write_all(head.as_bytes())?;
            // One level deeper than on its own: JSON strings hold no raw newlines.
            for (k, line) in item.split('\n').enumerate() {
                if k > 0 {
                    self.out.write_all(b"\n")?;
                }
                self.out.write_all(b"    ")?;
                self.out.write_all(line.as_bytes())?;
            }
            self.written += 1;
        }
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
        let rest = json!({
            "version": 1,
            "summary": {
                "files": s.files,
                "diagnostics": s.diagnostics,
                "by_severity": by_severity,
                "by_category": by_category,
            },
        });
        let rest = serde_json::to_string_pretty(&rest)?;
        if self.written == 0 {
            self.out.write_all(b"{\n  \"diagnostics\": []")?;
        } else {
            self.out.write_all(b"\n  ]")?;
        }
        // `rest` is `{` + the remaining keys: continue the object after a comma.
        self.out.write_all(b",")?;
        self.out
            .write_all(rest.get(1..).unwrap_or_default().as_bytes())?;
        writeln!(self.out)
    }
}
