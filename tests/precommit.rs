//! The pre-commit hook definition, run by the real pre-commit against a temporary git
//! repository: a dirty file fails the hook, a clean one passes. pre-commit builds
//! copylint from this repository with cargo, so the first run takes minutes; its
//! environments are kept in target/pre-commit-home for the next run.

use std::path::Path;
use std::process::Command;

fn available() -> bool {
    Command::new("pre-commit")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git")
        .current_dir(dir)
        .args(args)
        .status()
        .unwrap()
        .success();
    assert!(ok, "git {args:?}");
}

#[test]
fn hook_fails_on_dirty_copy_and_passes_on_clean_copy() {
    // pre-commit rebuilds copylint for every new commit (minutes on two cores), so
    // locally it runs on request; CI always runs it.
    if std::env::var_os("CI").is_none() && std::env::var_os("COPYLINT_TEST_PRECOMMIT").is_none() {
        eprintln!("skipped: set COPYLINT_TEST_PRECOMMIT=1 to run the pre-commit test (CI runs it)");
        return;
    }
    if !available() {
        assert!(
            std::env::var("CI").is_err(),
            "pre-commit is required in CI (pip install pre-commit)"
        );
        eprintln!("skipped: pre-commit is not installed (pip install pre-commit)");
        return;
    }
    let repo = env!("CARGO_MANIFEST_DIR");
    let home = Path::new(repo).join("target/pre-commit-home");
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    std::fs::write(
        dir.path().join("dirty.txt"),
        "The minister said it&#39;s over.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("clean.txt"),
        "The minister said it is over.\n",
    )
    .unwrap();
    git(dir.path(), &["add", "."]);
    let run = |file: &str| {
        let o = Command::new("pre-commit")
            .current_dir(dir.path())
            .env("PRE_COMMIT_HOME", &home)
            .args(["try-repo", repo, "copylint", "--files", file])
            .output()
            .unwrap();
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
        )
    };
    let (code, out) = run("dirty.txt");
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("dirty.txt:1:21: error[entity-leak]"), "{out}");
    let (code, out) = run("clean.txt");
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("Passed"), "{out}");
}
