use super::{FileReport, Reporter, Summary};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::source::localize;
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::{self, Files, SimpleFile};
use codespan_reporting::term::{self, Config, termcolor::Buffer};
use std::io::{self, Write};
use std::ops::Range;

/// Compiler-style output through codespan-reporting.
pub struct Human<'w> {
    out: &'w mut dyn Write,
    color: bool,
    config: Config,
    /// Where the next piece of a file starts, in codespan's own terms (only `\n`
    /// ends a line; a BOM is a character): lines before it, characters before it
    /// on its line.
    at: (usize, usize),
}

impl<'w> Human<'w> {
    pub fn new(out: &'w mut dyn Write, color: bool) -> Self {
        Human {
            out,
            color,
            config: Config::default(),
            at: (0, 0),
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
    /// Lines before the piece, characters before it on its first line.
    at: (usize, usize),
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
        Ok(self.at.0 + line_index + 1)
    }

    fn column_number(
        &'a self,
        id: (),
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, files::Error> {
        let column = self.file.column_number(id, line_index, byte_index)?;
        Ok(if line_index == 0 {
            column + self.at.1
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
        if !f.origin.continued {
            self.at = (0, 0);
        }
        let file = Piece {
            file: SimpleFile::new(f.path, f.text),
            at: self.at,
        };
        self.at = match f.text.rfind('\n') {
            Some(k) => (
                self.at.0 + f.text.matches('\n').count(),
                f.text[k + 1..].chars().count(),
            ),
            None => (self.at.0, self.at.1 + f.text.chars().count()),
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
