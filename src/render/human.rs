use super::{FileReport, Reporter, Summary};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Config, termcolor::Buffer};
use std::io::{self, Write};

/// Compiler-style output through codespan-reporting.
pub struct Human<'w> {
    out: &'w mut dyn Write,
    color: bool,
    config: Config,
}

impl<'w> Human<'w> {
    pub fn new(out: &'w mut dyn Write, color: bool) -> Self {
        Human {
            out,
            color,
            config: Config::default(),
        }
    }
}

pub(crate) fn to_codespan(d: &Diagnostic) -> CsDiagnostic<()> {
    let severity = match d.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    };
    let mut labels = vec![Label::primary((), d.span.range())];
    labels.extend(
        d.labels
            .iter()
            .map(|l| Label::secondary((), l.span.range()).with_message(&l.message)),
    );
    let mut notes: Vec<String> = d.notes.iter().map(|n| format!("note: {n}")).collect();
    for s in &d.suggestions {
        let tag = match s.applicability {
            Applicability::Safe => "safe fix",
            Applicability::Unsafe => "unsafe fix",
            Applicability::Display => "suggestion",
        };
        notes.push(format!("help: {} ({tag})", s.message));
    }
    CsDiagnostic::new(severity)
        .with_code(d.rule)
        .with_message(&d.message)
        .with_labels(labels)
        .with_notes(notes)
}

impl Reporter for Human<'_> {
    fn file(&mut self, f: &FileReport) -> io::Result<()> {
        let file = SimpleFile::new(f.path, f.text);
        let mut buf = if self.color {
            Buffer::ansi()
        } else {
            Buffer::no_color()
        };
        for d in f.diagnostics {
            term::emit_to_write_style(&mut buf, &self.config, &file, &to_codespan(d))
                .map_err(io::Error::other)?;
        }
        self.out.write_all(buf.as_slice())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        writeln!(self.out, "{}", summary.line())
    }
}
