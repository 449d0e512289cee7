//! End-to-end: copylint.toml discovery and options, CLI overrides, suppression
//! comments and baselines.

use assert_cmd::Command;
use std::fs;
use std::path::Path;

fn copylint(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("copylint").unwrap();
    c.current_dir(dir).env_remove("NO_COLOR");
    c
}

fn run(c: &mut Command) -> (i32, String, String) {
    let o = c.output().unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8_lossy(&o.stdout).into(),
        String::from_utf8_lossy(&o.stderr).into(),
    )
}

const DIRTY: &str = "It&#39;s late.\n\nSpread the love\n";

#[test]
fn config_is_found_upward_and_applied() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("desk/today")).unwrap();
    fs::write(
        dir.path().join("copylint.toml"),
        "ignore = [\"boilerplate\"]\n[severity]\n\"entity-leak\" = \"info\"\n",
    )
    .unwrap();
    fs::write(dir.path().join("desk/today/a.txt"), DIRTY).unwrap();
    let (code, out, err) = run(copylint(dir.path()).args(["check", "--format", "concise", "desk"]));
    assert_eq!(code, 0, "info only: {out}{err}");
    assert!(
        out.contains("info[entity-leak]") && !out.contains("chrome-share"),
        "{out}"
    );
    // --no-config ignores it, --select replaces its selection.
    let (code, out, _) =
        run(copylint(dir.path()).args(["check", "--no-config", "--format", "concise", "desk"]));
    assert_eq!(code, 1);
    assert!(
        out.contains("error[entity-leak]") && out.contains("chrome-share"),
        "{out}"
    );
    let (_, out, _) = run(copylint(dir.path()).args([
        "check",
        "--format",
        "concise",
        "--severity",
        "entity-leak=error",
        "desk",
    ]));
    assert!(out.contains("error[entity-leak]"), "{out}");
    let (code, _, _) =
        run(copylint(dir.path()).args(["check", "--exit-zero", "--no-config", "desk"]));
    assert_eq!(code, 0);
}

#[test]
fn bad_config_is_a_spanned_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("copylint.toml"),
        "select = [\"encoding\"]\ncolour = \"red\"\n",
    )
    .unwrap();
    fs::write(dir.path().join("a.txt"), DIRTY).unwrap();
    let (code, _, err) = run(copylint(dir.path()).args(["check", "a.txt"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("error[config]")
            && err.contains("copylint.toml:2:1")
            && err.contains("unknown field"),
        "{err}"
    );
    fs::write(dir.path().join("copylint.toml"), "select = [\"encodng\"]\n").unwrap();
    let (code, _, err) = run(copylint(dir.path()).args(["check", "a.txt"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown rule or category `encodng`") && err.contains("copylint.toml:1:11"),
        "{err}"
    );
    fs::write(
        dir.path().join("copylint.toml"),
        "[severity]\n\"entity-leak\" = \"loud\"\n",
    )
    .unwrap();
    let (code, _, err) = run(copylint(dir.path()).args(["check", "a.txt"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("expected `error`, `warning` or `info`"),
        "{err}"
    );
}

#[test]
fn per_path_ignores_extensions_lexicon_and_fail_on() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("archive")).unwrap();
    fs::write(
        dir.path().join("copylint.toml"),
        "extensions = [\"txt\", \"copy\"]\nfail-on = \"error\"\n[per-path-ignores]\n\"archive/**\" = [\"encoding\"]\n[lexicon]\nchrome = [\"Sponsored content\"]\n",
    )
    .unwrap();
    fs::write(dir.path().join("archive/old.txt"), "It&#39;s old.\n").unwrap();
    fs::write(
        dir.path().join("new.copy"),
        "Sponsored content\n\nThe vote passed.\n",
    )
    .unwrap();
    let (code, out, err) = run(copylint(dir.path()).args(["check", "--format", "concise", "."]));
    assert!(!out.contains("entity-leak"), "archive ignored: {out}");
    assert!(
        out.contains("new.copy:1:1: warning[config-chrome]"),
        "{out}{err}"
    );
    assert_eq!(code, 0, "only warnings, fail-on = error");
    let (_, out, _) = run(copylint(dir.path()).args(["config", "--show"]));
    assert!(
        out.contains("fail-on = \"error\"") && out.contains("\"archive/**\" = [\"encoding\"]"),
        "{out}"
    );
}

#[test]
fn fix_safety_overrides() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("copylint.toml"),
        "extend-unsafe-fixes = [\"entity-leak\"]\n",
    )
    .unwrap();
    fs::write(dir.path().join("a.txt"), "It&#39;s late.\n").unwrap();
    run(copylint(dir.path()).args(["fix", "a.txt"]));
    assert_eq!(
        fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        "It&#39;s late.\n",
        "demoted to unsafe"
    );
    fs::write(
        dir.path().join("copylint.toml"),
        "extend-safe-fixes = [\"encoding\"]\n",
    )
    .unwrap();
    fs::write(dir.path().join("a.txt"), "Ministry of #x27; Interior\n").unwrap();
    run(copylint(dir.path()).args(["fix", "a.txt"]));
    assert_eq!(
        fs::read_to_string(dir.path().join("a.txt")).unwrap(),
        "Ministry of ' Interior\n",
        "promoted to safe"
    );
}

#[test]
fn suppression_comments() {
    let dir = tempfile::tempdir().unwrap();
    let text = "<!-- copylint-disable-next-line entity-leak -->\nIt&amp;#39;s late.\n\n<!-- copylint-disable boilerplate -->\nSpread the love\n<!-- copylint-enable -->\n\n<!-- copylint-disable-next-line spam -->\nA fine line.\n";
    fs::write(dir.path().join("a.md"), text).unwrap();
    let (code, out, _) = run(copylint(dir.path()).args(["check", "--format", "concise", "a.md"]));
    assert_eq!(code, 0, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0], "a.md:8:1: info[unused-suppression] suppression of `spam` suppresses nothing",
        "{out}"
    );
    assert_eq!(lines.len(), 2, "{out}");
}

#[test]
fn baseline_reports_only_new_findings() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "It&#39;s late.\n").unwrap();
    let (code, out, _) =
        run(copylint(dir.path()).args(["check", "--write-baseline", "base.json", "a.txt"]));
    assert_eq!(code, 0);
    assert!(out.contains("Recorded 1 findings"), "{out}");
    fs::write(
        dir.path().join("a.txt"),
        "A new lead paragraph.\n\nIt&#39;s late.\n\nThe mayor&#39;s aide.\n",
    )
    .unwrap();
    let (code, out, _) = run(copylint(dir.path()).args([
        "check",
        "--format",
        "concise",
        "--baseline",
        "base.json",
        "a.txt",
    ]));
    assert_eq!(code, 1);
    let found: Vec<&str> = out.lines().filter(|l| l.contains("entity-leak")).collect();
    assert_eq!(found.len(), 1, "{out}");
    assert!(found[0].starts_with("a.txt:5:"), "{out}");
    assert!(out.contains("1 finding hidden by the baseline."), "{out}");
}

#[test]
fn statistics_and_quiet() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "It&#39;s &amp; late.\n\nSpread the love\n",
    )
    .unwrap();
    let (_, out, _) = run(copylint(dir.path()).args(["check", "--statistics", "a.txt"]));
    assert!(out.contains("     2  entity-leak"), "{out}");
    assert!(out.contains("     1  chrome-share"), "{out}");
    assert!(out.contains("     2  encoding"), "{out}");
    let (code, out, _) = run(copylint(dir.path()).args(["check", "--quiet", "a.txt"]));
    assert_eq!(code, 1);
    assert_eq!(out, "Found 3 problems (2 errors, 1 warning) in 1 file.\n");
}
