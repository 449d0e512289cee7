use super::{FileReport, Reporter, Summary, json_diagnostic};
use std::io::{self, Write};

/// One diagnostic object per line, with the fields of the JSON contract, written and
/// flushed file by file so that a consumer can act before the run ends. No summary
/// line: every line is a diagnostic.
pub struct JsonLines<'w> {
    out: &'w mut dyn Write,
}

impl<'w> JsonLines<'w> {
    pub fn new(out: &'w mut dyn Write) -> Self {
        JsonLines { out }
    }
}

impl Reporter for JsonLines<'_> {
    fn file(&mut self, f: &FileReport) -> io::Result<()> {
        if f.diagnostics.is_empty() {
            return Ok(());
        }
        let idx = f.line_index();
        for d in f.diagnostics {
            serde_json::to_writer(&mut *self.out, &json_diagnostic(f.path, &idx, d))?;
            self.out.write_all(b"\n")?;
        }
        self.out.flush()
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linter::default_registry;

    #[test]
    fn one_parseable_line_per_diagnostic() {
        let text = "It&#39;s here &amp; there.\n\nSpread the love\n";
        let diags = default_registry().linter().lint(text);
        assert!(diags.len() >= 3);
        let mut buf = Vec::new();
        let mut r = JsonLines::new(&mut buf);
        for path in ["a.txt", "b.txt"] {
            r.file(&FileReport::new(path, text, &diags)).unwrap();
        }
        r.finish(&Summary::default()).unwrap();
        let out = String::from_utf8(buf).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2 * diags.len());
        for (line, d) in lines.iter().zip(diags.iter().chain(&diags)) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(v["rule"], d.rule);
            assert_eq!(v["span"]["start"], d.span.start);
        }
        assert!(lines[0].contains("\"path\":\"a.txt\""));
    }
}
