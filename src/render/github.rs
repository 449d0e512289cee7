use super::{FileReport, LineIndex, Reporter, Summary};
use crate::diagnostic::{Diagnostic, Severity};
use std::io::{self, Write};

/// GitHub Actions workflow commands: each finding becomes an annotation on the pull
/// request's diff. Written file by file; the summary line goes to the log as text.
pub struct Github<'w> {
    out: &'w mut dyn Write,
}

impl<'w> Github<'w> {
    pub fn new(out: &'w mut dyn Write) -> Self {
        Github { out }
    }
}

/// Escapes the message part of a workflow command (after `::`).
pub fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes a property value (`file=`, `title=`): as data, plus the separators `:`, `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One workflow command line, without the line end.
pub fn annotation(path: &str, idx: &LineIndex, d: &Diagnostic) -> String {
    let command = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let (line, col) = idx.line_col(d.span.start);
    let (end_line, end_col) = idx.line_col(d.span.end);
    // GitHub accepts columns only on a one-line annotation.
    let position = if line == end_line {
        format!("line={line},col={col},endLine={end_line},endColumn={end_col}")
    } else {
        format!("line={line},endLine={end_line}")
    };
    let mut message = d.message.clone();
    if let Some(s) = d.suggestions.first() {
        message.push_str(&format!("\nhelp: {} ({} fix)", s.message, s.applicability));
    }
    format!(
        "::{command} file={},{position},title={}::{}",
        escape_property(path),
        escape_property(&format!("copylint({})", d.rule)),
        escape_data(&message)
    )
}

impl Reporter for Github<'_> {
    fn file(&mut self, f: &FileReport) -> io::Result<()> {
        if f.diagnostics.is_empty() {
            return Ok(());
        }
        let idx = f.line_index();
        for d in f.diagnostics {
            writeln!(self.out, "{}", annotation(f.path, &idx, d))?;
        }
        self.out.flush()
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        writeln!(self.out, "{}", summary.line())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Applicability, Category};
    use crate::span::Span;

    fn diag(severity: Severity, span: Span, message: &str) -> Diagnostic {
        Diagnostic {
            rule: "entity-leak",
            category: Category::Encoding,
            severity,
            message: message.into(),
            span,
            labels: Vec::new(),
            notes: Vec::new(),
            suggestions: Vec::new(),
        }
    }

    #[test]
    fn escapes_data_and_properties() {
        assert_eq!(escape_data("50% a:b,c\r\nd"), "50%25 a:b,c%0D%0Ad");
        assert_eq!(escape_property("50% a:b,c\r\nd"), "50%25 a%3Ab%2Cc%0D%0Ad");
        // `%` first, so that an escape is never escaped twice.
        assert_eq!(escape_property("%3A"), "%253A");
    }

    #[test]
    fn formats_one_line_annotations() {
        let text = "ab\nçd &amp; e\n";
        let idx = LineIndex::new(text);
        let mut d = diag(Severity::Error, Span::new(7, 12), "reference `&amp;`: 100%");
        d.replace("replace with `&`", d.span, "&", Applicability::Safe);
        assert_eq!(
            annotation("dir,x/a:b.txt", &idx, &d),
            "::error file=dir%2Cx/a%3Ab.txt,line=2,col=4,endLine=2,endColumn=9,\
             title=copylint(entity-leak)::reference `&amp;`: 100%25%0Ahelp: replace with `&` (safe fix)"
        );
        let w = diag(Severity::Warning, Span::new(0, 5), "two\nlines");
        assert_eq!(
            annotation("a.txt", &idx, &w),
            "::warning file=a.txt,line=1,endLine=2,title=copylint(entity-leak)::two%0Alines"
        );
        let i = diag(Severity::Info, Span::new(0, 1), "x");
        assert!(annotation("a.txt", &idx, &i).starts_with("::notice file=a.txt,line=1,col=1,"));
    }

    #[test]
    fn one_line_per_finding_and_a_summary() {
        let text = "It&#39;s here &amp; there.\nSpread the love\n";
        let diags = crate::lint(text);
        let mut buf = Vec::new();
        let mut r = Github::new(&mut buf);
        r.file(&FileReport::new("a.txt", text, &diags)).unwrap();
        let mut s = Summary::default();
        s.add(&diags);
        r.finish(&s).unwrap();
        let out = String::from_utf8(buf).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), diags.len() + 1);
        for l in &lines[..diags.len()] {
            assert!(l.starts_with("::error file=a.txt,line=") || l.starts_with("::warning "));
            assert!(l.contains(",title=copylint("), "{l}");
        }
        assert!(lines.last().unwrap().starts_with("Found "));
    }
}
