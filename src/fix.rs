//! Applying suggestions to text.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Suggestion};

/// The outcome of applying a set of suggestions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub text: String,
    /// How many suggestions were applied; the rest overlapped an earlier one.
    pub applied: usize,
    pub skipped: usize,
}

/// Applies suggestions in order of position. A suggestion is taken whole or not at
/// all: one that overlaps an already-taken edit, or is malformed (out of bounds, not on
/// a char boundary, edits overlapping each other), is skipped. Identical edits from
/// several suggestions (two findings that both delete the same line) apply once.
pub fn apply_suggestions<'s>(
    text: &str,
    suggestions: impl IntoIterator<Item = &'s Suggestion>,
) -> Applied {
    let mut sugg: Vec<&Suggestion> = suggestions.into_iter().collect();
    sugg.sort_by_key(|s| s.span().map(|sp| (sp.start, sp.end)));
    let mut taken: Vec<&Edit> = Vec::new();
    let (mut applied, mut skipped) = (0, 0);
    'outer: for s in sugg {
        let mut edits: Vec<&Edit> = s.edits.iter().collect();
        edits.sort();
        for (k, e) in edits.iter().enumerate() {
            let ok = e.start <= e.end
                && e.end <= text.len()
                && text.is_char_boundary(e.start)
                && text.is_char_boundary(e.end)
                && edits[..k].iter().all(|p| p.end <= e.start);
            let clash = taken.iter().any(|t| *t != *e && overlaps(t, e));
            if !ok || clash {
                skipped += 1;
                continue 'outer;
            }
        }
        for e in edits {
            if !taken.contains(&e) {
                taken.push(e);
            }
        }
        applied += 1;
    }
    taken.sort();
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for e in taken {
        out.push_str(&text[pos..e.start]);
        out.push_str(&e.replacement);
        pos = e.end;
    }
    out.push_str(&text[pos..]);
    Applied {
        text: out,
        applied,
        skipped,
    }
}

/// Two edits clash when their ranges overlap, or when both insert at the same point
/// (their order would be arbitrary).
fn overlaps(a: &Edit, b: &Edit) -> bool {
    if a.start == a.end && b.start == b.end {
        return a.start == b.start;
    }
    a.start < b.end && b.start < a.end
        || (a.start == a.end && b.start < a.start && a.start < b.end)
        || (b.start == b.end && a.start < b.start && b.start < a.end)
}

/// The first suggestion of each diagnostic that is at least as trusted as `min`.
pub fn fixable(
    diagnostics: &[Diagnostic],
    min: Applicability,
) -> impl Iterator<Item = &Suggestion> {
    diagnostics.iter().filter_map(move |d| {
        d.suggestions
            .iter()
            .find(|s| s.applicability >= min && s.applicability != Applicability::Display)
    })
}

/// The result of fixing a text until no applicable suggestion is left.
#[derive(Debug, Clone)]
pub struct FixOutcome {
    pub text: String,
    /// Suggestions applied over all rounds.
    pub fixed: usize,
    pub rounds: usize,
    /// False when the round limit was hit with fixes still pending: a rule whose fix
    /// keeps producing new fixable findings is a bug.
    pub converged: bool,
    /// What is left after the last round.
    pub remaining: Vec<Diagnostic>,
}

pub const MAX_FIX_ROUNDS: usize = 10;

/// Lints, applies every suggestion at least as trusted as `min`, and lints again until
/// nothing applicable is left (at most [`MAX_FIX_ROUNDS`] rounds).
pub fn fix_until_stable(
    linter: &crate::Linter,
    text: &str,
    kind: crate::markup::InputKind,
    min: Applicability,
) -> FixOutcome {
    let mut current = text.to_string();
    let mut fixed = 0;
    let mut diags = linter.lint_source(&current, kind);
    for round in 1..=MAX_FIX_ROUNDS {
        let applied = apply_suggestions(&current, fixable(&diags, min));
        if applied.applied == 0 || applied.text == current {
            return FixOutcome {
                text: current,
                fixed,
                rounds: round - 1,
                converged: true,
                remaining: diags,
            };
        }
        fixed += applied.applied;
        current = applied.text;
        diags = linter.lint_source(&current, kind);
    }
    let converged = fixable(&diags, min).next().is_none();
    FixOutcome {
        text: current,
        fixed,
        rounds: MAX_FIX_ROUNDS,
        converged,
        remaining: diags,
    }
}

/// Replaces a file's contents atomically: a temporary file in the same directory,
/// flushed to disk, given the original's permissions, then renamed over it. A crash
/// at any point leaves either the old or the new contents, never a mix.
pub fn write_atomic(path: &std::path::Path, contents: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, contents, || Ok(()))
}

/// [`write_atomic`] with a step run after the new contents are on disk in the
/// temporary file and before it replaces `path`: lets tests interrupt the write there
/// (an error or a panic) and check that `path` still holds the old contents.
pub fn write_atomic_with(
    path: &std::path::Path,
    contents: &[u8],
    before_rename: impl FnOnce() -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut file = AtomicFile::new(path)?;
    file.write_all(contents)?;
    file.commit_with(before_rename)
}

/// New contents for a file, written piece by piece (a large file fixed segment by
/// segment) to a temporary file beside it, which replaces the file only on
/// [`AtomicFile::commit`]. Dropped without a commit, it is removed and the file is
/// left as it was.
pub struct AtomicFile {
    path: std::path::PathBuf,
    tmp: tempfile::NamedTempFile,
    perms: std::fs::Permissions,
}

impl AtomicFile {
    pub fn new(path: &std::path::Path) -> std::io::Result<AtomicFile> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => std::path::Path::new("."),
        };
        let perms = std::fs::metadata(path)?.permissions();
        let tmp = tempfile::Builder::new()
            .prefix(".copylint-")
            .suffix(".tmp")
            .tempfile_in(dir)?;
        Ok(AtomicFile {
            path: path.to_path_buf(),
            tmp,
            perms,
        })
    }

    pub fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        use std::io::Write;
        self.tmp.write_all(bytes)
    }

    /// Flushes the new contents to disk, gives them the original's permissions and
    /// renames them over it.
    pub fn commit(self) -> std::io::Result<()> {
        self.commit_with(|| Ok(()))
    }

    /// [`AtomicFile::commit`] with a step run just before the rename.
    pub fn commit_with(
        self,
        before_rename: impl FnOnce() -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        self.tmp.as_file().sync_all()?;
        std::fs::set_permissions(self.tmp.path(), self.perms)?;
        before_rename()?;
        self.tmp.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn sugg(start: usize, end: usize, r: &str) -> Suggestion {
        Suggestion::new("t", Applicability::Safe).edit(Span::new(start, end), r)
    }

    #[test]
    fn applies_in_order_and_keeps_other_bytes() {
        let s = [sugg(7, 8, ""), sugg(0, 1, "T")];
        let a = apply_suggestions("the cat , sat", s.iter());
        assert_eq!(a.text, "The cat, sat");
        assert_eq!((a.applied, a.skipped), (2, 0));
    }

    #[test]
    fn skips_overlapping_suggestions() {
        let s = [sugg(0, 5, "x"), sugg(3, 8, "y")];
        let a = apply_suggestions("0123456789", s.iter());
        assert_eq!(a.text, "x56789");
        assert_eq!((a.applied, a.skipped), (1, 1));
    }

    #[test]
    fn identical_edits_apply_once() {
        let s = [sugg(0, 4, ""), sugg(0, 4, "")];
        let a = apply_suggestions("abc\ndef", s.iter());
        assert_eq!(a.text, "def");
        assert_eq!(a.applied, 2);
    }

    #[test]
    fn rejects_edits_off_char_boundaries() {
        let s = [sugg(1, 2, "")];
        let a = apply_suggestions("é", s.iter());
        assert_eq!(a.text, "é");
        assert_eq!(a.skipped, 1);
    }

    #[test]
    fn two_inserts_at_one_point_clash() {
        let s = [sugg(1, 1, "x"), sugg(1, 1, "y")];
        let a = apply_suggestions("ab", s.iter());
        assert_eq!(a.text, "axb");
        assert_eq!(a.skipped, 1);
    }
}
