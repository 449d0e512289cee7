use super::{FileReport, Reporter, Summary};
use std::io::{self, Write};

/// `path:line:col: severity[rule] message`, one per line: greppable.
pub struct Concise<'w> {
    out: &'w mut dyn Write,
}

impl<'w> Concise<'w> {
    pub fn new(out: &'w mut dyn Write) -> Self {
        Concise { out }
    }
}

impl Reporter for Concise<'_> {
    fn file(&mut self, f: &FileReport) -> io::Result<()> {
        let idx = f.line_index();
        for d in f.diagnostics {
            let (line, col) = idx.line_col(d.span.start);
            writeln!(
                self.out,
                "{}:{line}:{col}: {}[{}] {}",
                f.path, d.severity, d.rule, d.message
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        writeln!(self.out, "{}", summary.line())
    }
}
