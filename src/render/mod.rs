//! Reporters: one per output format, fed one file at a time in path order.

mod concise;
mod github;
mod html;
mod human;
mod json;
mod jsonl;
mod sarif;

pub use concise::Concise;
pub use github::Github;
pub use html::Html;
pub use human::Human;
pub use json::{Json, json_diagnostic};
pub use jsonl::JsonLines;
pub use sarif::Sarif;

use crate::diagnostic::{Category, Diagnostic, Severity};
use std::collections::BTreeMap;
use std::io;

pub use crate::source::Origin;

/// One linted file, or one piece of a file too large to lint at once: what the
/// reporters need to show it. The pieces of a file come one after another, in order,
/// the first at an origin that is not `continued`; spans are offsets in the whole file.
pub struct FileReport<'a> {
    pub path: &'a str,
    /// The file's text, or the piece's.
    pub text: &'a str,
    pub diagnostics: &'a [Diagnostic],
    pub origin: Origin,
}

impl<'a> FileReport<'a> {
    /// A whole file.
    pub fn new(path: &'a str, text: &'a str, diagnostics: &'a [Diagnostic]) -> Self {
        FileReport {
            path,
            text,
            diagnostics,
            origin: Origin::START,
        }
    }

    /// A line index for this file or piece, counting lines and columns in the file.
    pub fn line_index(&self) -> LineIndex<'a> {
        LineIndex::at(self.text, self.origin)
    }
}

#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub files: usize,
    pub diagnostics: usize,
    pub by_severity: BTreeMap<Severity, usize>,
    pub by_category: BTreeMap<Category, usize>,
    /// With `--fix`: (problems fixed, files changed).
    pub fixed: Option<(usize, usize)>,
    /// Findings hidden because a baseline knows them.
    pub baselined: usize,
}

impl Summary {
    pub fn add(&mut self, diagnostics: &[Diagnostic]) {
        self.files += 1;
        self.add_piece(diagnostics);
    }

    /// Counts the findings of one piece of a file, not the file.
    pub fn add_piece(&mut self, diagnostics: &[Diagnostic]) {
        self.diagnostics += diagnostics.len();
        for d in diagnostics {
            *self.by_severity.entry(d.severity).or_default() += 1;
            *self.by_category.entry(d.category).or_default() += 1;
        }
    }

    pub fn count(&self, s: Severity) -> usize {
        self.by_severity.get(&s).copied().unwrap_or(0)
    }

    /// "Found 3 problems (1 error, 2 warnings) in 2 files." plus what was fixed and
    /// what a baseline hid.
    pub fn line(&self) -> String {
        let mut line = self.found_line();
        if let Some((n, files)) = self.fixed {
            line.push_str(&format!(
                " Fixed {} in {}.",
                plural(n, "problem", "problems"),
                plural(files, "file", "files")
            ));
        }
        if self.baselined > 0 {
            line.push_str(&format!(
                " {} hidden by the baseline.",
                plural(self.baselined, "finding", "findings")
            ));
        }
        line
    }

    fn found_line(&self) -> String {
        let files = plural(self.files, "file", "files");
        if self.diagnostics == 0 {
            return format!("No problems found in {files}.");
        }
        let parts: Vec<String> = [
            (Severity::Error, "error", "errors"),
            (Severity::Warning, "warning", "warnings"),
            (Severity::Info, "info", "info"),
        ]
        .iter()
        .filter(|(s, ..)| self.count(*s) > 0)
        .map(|(s, one, many)| plural(self.count(*s), one, many))
        .collect();
        format!(
            "Found {} ({}) in {files}.",
            plural(self.diagnostics, "problem", "problems"),
            parts.join(", ")
        )
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub trait Reporter {
    fn file(&mut self, file: &FileReport) -> io::Result<()>;
    fn finish(&mut self, summary: &Summary) -> io::Result<()>;
}

/// 1-based line and column (in Unicode scalar values) of a byte offset, counting
/// `\n`, `\r\n` and a lone `\r` as line ends, and not counting a leading BOM. For a
/// piece of a file, offsets, lines and columns are those of the whole file.
pub struct LineIndex<'a> {
    text: &'a str,
    origin: Origin,
    starts: Vec<usize>,
    /// For long lines: (byte offset, chars from the line start) every
    /// `MARK_EVERY` bytes, so columns on a 10 MB line cost no more than on a short one.
    marks: std::cell::RefCell<std::collections::HashMap<usize, Vec<(usize, usize)>>>,
}

/// Spacing of the column checkpoints on long lines.
const MARK_EVERY: usize = 4096;

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        Self::at(text, Origin::START)
    }

    /// The index of a piece of a file that starts at `origin`.
    pub fn at(text: &'a str, origin: Origin) -> Self {
        let bytes = text.as_bytes();
        // A BOM, or the `\n` of a `\r\n` whose `\r` ended the previous piece, is
        // before the first line proper.
        let first = if !origin.continued && text.starts_with('\u{feff}') {
            3
        } else if origin.after_cr && text.starts_with('\n') {
            1
        } else {
            0
        };
        let mut starts = vec![first];
        let mut i = first;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            text,
            origin,
            starts,
            marks: Default::default(),
        }
    }

    /// Line and column of a byte offset in the file.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let (line, col) = self.local_line_col(offset.saturating_sub(self.origin.offset));
        let col = if line == 1 {
            col + self.origin.column
        } else {
            col
        };
        (line + self.origin.line, col)
    }

    /// Line and column of a byte offset in this text, as if it were the whole file.
    fn local_line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1) - 1;
        let start = self.starts[line].min(offset);
        let col = match self.text.get(start..offset) {
            None => offset - start,
            Some(s) if s.len() <= 2 * MARK_EVERY => s.chars().count(),
            Some(_) => self.long_line_col(line, start, offset),
        };
        (line + 1, col + 1)
    }

    /// Chars from `start` (the start of `line`) to `offset`, a char boundary, counted
    /// from the nearest checkpoint.
    fn long_line_col(&self, line: usize, start: usize, offset: usize) -> usize {
        let mut marks = self.marks.borrow_mut();
        let m = marks.entry(line).or_insert_with(|| {
            let end = self
                .starts
                .get(line + 1)
                .copied()
                .unwrap_or(self.text.len());
            let mut m = vec![(start, 0)];
            let mut last = start;
            for (n, (i, _)) in self.text[start..end].char_indices().enumerate() {
                if start + i - last >= MARK_EVERY {
                    last = start + i;
                    m.push((last, n));
                }
            }
            m
        });
        let k = m.partition_point(|&(b, _)| b <= offset) - 1;
        let (b, n) = m[k];
        n + self.text[b..offset].chars().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars_and_line_ends() {
        let idx = LineIndex::new("ab\r\nçd\re");
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(4), (2, 1));
        assert_eq!(idx.line_col(6), (2, 2));
        assert_eq!(idx.line_col(8), (3, 1));
        let bom = LineIndex::new("\u{feff}hi");
        assert_eq!(bom.line_col(3), (1, 1));
    }

    #[test]
    fn long_lines_count_columns_like_short_ones() {
        let text = format!("short\n{}\nend", "aé “b” ".repeat(5000));
        let idx = LineIndex::new(&text);
        for (off, _) in text.char_indices().step_by(97) {
            let start = text[..off].rfind('\n').map_or(0, |i| i + 1);
            let line = text[..off].matches('\n').count() + 1;
            let naive = text[start..off].chars().count() + 1;
            assert_eq!(idx.line_col(off), (line, naive), "offset {off}");
        }
    }
}
