//! Shared helpers for the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the CLI in-process and returns (exit code, stdout, stderr).
pub fn run_cli(args: &[&str], stdin: &str) -> (i32, String, String) {
    let env = copylint::cli::Env {
        stdout_is_terminal: false,
        no_color: true,
    };
    let mut out = Vec::new();
    let mut err = Vec::new();
    let argv = std::iter::once("copylint")
        .chain(args.iter().copied())
        .map(Into::into);
    let code = copylint::cli::run(argv, &mut stdin.as_bytes(), &mut out, &mut err, &env);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

/// Sorted files with one of `exts` below `dir`.
pub fn files_in(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| exts.contains(&x))
        })
        .collect();
    v.sort();
    v
}

/// Fails on a listed row that is no longer found (a regression) and on a found row that
/// is not listed yet (progress to record), so the list always says exactly what is found.
pub fn assert_found_list(found: &[String], listed: &[&str]) {
    let regressions: Vec<_> = listed
        .iter()
        .filter(|k| !found.iter().any(|f| f == *k))
        .collect();
    assert!(
        regressions.is_empty(),
        "rows no longer found: {regressions:#?}"
    );
    let unlisted: Vec<_> = found
        .iter()
        .filter(|k| !listed.contains(&k.as_str()))
        .collect();
    assert!(
        unlisted.is_empty(),
        "rows now found: add them to FOUND: {unlisted:#?}"
    );
}
