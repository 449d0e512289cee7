//! Finding the files to lint.

use std::path::{Path, PathBuf};

pub const DEFAULT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm", "xhtml", "text"];

/// Directories never entered: version control and build output.
const SKIP_DIRS: &[&str] = &["target", "node_modules"];

/// A path that could not be walked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkError {
    pub path: String,
    pub message: String,
}

/// Expands files and directories into a sorted, de-duplicated list of files. Files
/// named explicitly are always linted; files found in directories are linted when
/// their extension is in `extensions`. Hidden entries and `target/` are skipped.
pub fn collect(paths: &[PathBuf], extensions: &[String]) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for root in paths {
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                errors.push(WalkError {
                    path: root.display().to_string(),
                    message: io_message(&e),
                });
                continue;
            }
        };
        if !meta.is_dir() {
            files.push(root.clone());
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0
                    || !skipped(
                        e.file_name().to_string_lossy().as_ref(),
                        e.file_type().is_dir(),
                    )
            });
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() && has_extension(e.path(), extensions) => {
                    files.push(e.into_path());
                }
                Ok(_) => {}
                Err(e) => {
                    let path = e
                        .path()
                        .map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                    let message = if e.loop_ancestor().is_some() {
                        "directory symlink loop, not followed".to_string()
                    } else if let Some(io) = e.io_error() {
                        io_message(io)
                    } else {
                        e.to_string()
                    };
                    errors.push(WalkError { path, message });
                }
            }
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

fn skipped(name: &str, is_dir: bool) -> bool {
    name.starts_with('.') || (is_dir && SKIP_DIRS.contains(&name))
}

fn has_extension(path: &Path, extensions: &[String]) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| extensions.iter().any(|e| e.eq_ignore_ascii_case(x)))
}

pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
