use super::{FileReport, Reporter, Summary};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use crate::source::{Origin, localize};
use codespan_reporting::files::{self, Files, SimpleFile};
use codespan_reporting::term::{self, Config, termcolor::Buffer};
use std::io::{self, Write};
use std::ops::Range;

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

/// A file, or a piece of one whose lines and columns continue those before it.
struct Piece<'a> {
    file: SimpleFile<&'a str, &'a str>,
    origin: Origin,
}

impl<'a> Files<'a> for Piece<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, _: ()) -> Result<&'a str, files::Error> {
        Ok(self.file.name())
    }

    fn source(&'a self, _: ()) -> Result<&'a str, files::Error> {
        Ok(self.file.source())
    }

    fn line_index(&'a self, id: (), byte_index: usize) -> Result<usize, files::Error> {
        self.file.line_index(id, byte_index)
    }

    fn line_number(&'a self, _: (), line_index: usize) -> Result<usize, files::Error> {
        Ok(self.origin.line + line_index + 1)
    }

    fn column_number(
        &'a self,
        id: (),
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, files::Error> {
        let column = self.file.column_number(id, line_index, byte_index)?;
        Ok(if line_index == 0 {
            column + self.origin.column
        } else {
            column
        })
    }

    fn line_range(&'a self, id: (), line_index: usize) -> Result<Range<usize>, files::Error> {
        self.file.line_range(id, line_index)
    }
}

impl Reporter for Human<'_> {
    fn file(&mut self, f: &FileReport) -> io::Result<()> {
        let file = Piece {
            file: SimpleFile::new(f.path, f.text),
            origin: f.origin,
        };
        let mut buf = if self.color {
            Buffer::ansi()
        } else {
            Buffer::no_color()
        };
        for d in f.diagnostics {
            let d = if f.origin.offset == 0 {
                to_codespan(d)
            } else {
                to_codespan(&localize(d, &f.origin))
            };
            term::emit_to_write_style(&mut buf, &self.config, &file, &d)
                .map_err(io::Error::other)?;
        }
        self.out.write_all(buf.as_slice())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        writeln!(self.out, "{}", summary.line())
    }
}
