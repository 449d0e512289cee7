//! Hostile and unusual input, end to end: huge lines, files that cannot be read,
//! broken links, line endings, and a `--fix` interrupted half-way.

mod common;

use common::run_cli;
use std::path::Path;

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

fn json(out: &str) -> serde_json::Value {
    serde_json::from_str(out).expect("valid JSON report")
}

#[test]
fn ten_megabyte_line_is_linted() {
    let dir = tempfile::tempdir().unwrap();
    // Mostly long unbroken tokens (base64-like, as scrapers leave them), so the
    // debug-build test stays quick; findings at both ends of the line.
    let mut line = String::from("He went to the the market. ");
    let blob = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo".repeat(300);
    while line.len() < 10_000_000 {
        line.push_str(&blob);
        line.push_str(" é ");
    }
    line.push_str(" It is is over.");
    let p = write(dir.path(), "long.txt", &line);
    let (code, out, _) = run_cli(&["check", "--no-config", "--format", "json", &p], "");
    assert_eq!(code, 1);
    let v = json(&out);
    let diags = v["diagnostics"].as_array().unwrap();
    assert!(diags.iter().any(|d| d["rule"] == "word-stutter"));
    // Columns on the one line are counted in characters, far along the line.
    assert!(diags.iter().all(|d| d["line"] == 1));
    assert!(
        diags
            .iter()
            .any(|d| d["column"].as_u64().unwrap() > 1_000_000)
    );
}

#[test]
fn unreadable_file_is_an_error_and_others_are_linted() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let secret = write(dir.path(), "secret.txt", "It is is private.\n");
    write(dir.path(), "open.txt", "He went to the the market.\n");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    let d = dir.path().display().to_string();
    let (code, out, err) = run_cli(&["check", "--no-config", "--format", "concise", &d], "");
    // Root reads anything: then there is nothing unreadable to report.
    if std::fs::read(&secret).is_err() {
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("secret.txt"), "{err}");
        assert!(err.contains("permission denied"), "{err}");
    }
    assert!(out.contains("open.txt"), "{out}");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o644)).unwrap();
}

#[test]
fn dangling_symlink_is_named_and_others_are_linted() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "He went to the the market.\n");
    std::os::unix::fs::symlink(dir.path().join("missing.txt"), dir.path().join("b.txt")).unwrap();
    let d = dir.path().display().to_string();
    let (code, out, err) = run_cli(&["check", "--no-config", "--format", "concise", &d], "");
    assert_eq!(code, 2);
    assert!(err.contains("b.txt"), "{err}");
    assert!(out.contains("a.txt"), "{out}");
}

#[test]
fn directory_symlink_loop_terminates() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    write(&sub, "a.txt", "He went to the the market.\n");
    std::os::unix::fs::symlink(dir.path(), sub.join("up")).unwrap();
    let d = dir.path().display().to_string();
    let (code, out, err) = run_cli(&["check", "--no-config", "--format", "concise", &d], "");
    assert_eq!(code, 2);
    assert!(err.contains("loop"), "{err}");
    assert!(out.contains("a.txt"), "{out}");
}

#[test]
fn crlf_and_lone_cr_keep_their_line_endings_when_fixed() {
    let dir = tempfile::tempdir().unwrap();
    for (name, nl) in [("crlf.txt", "\r\n"), ("cr.txt", "\r"), ("lf.txt", "\n")] {
        let text = format!(
            "Headline here{nl}{nl}He went to the the market.{nl}It is part of of the plan.{nl}"
        );
        let p = write(dir.path(), name, &text);
        // Spans: the finding is on line 3, whatever the line ending.
        let (_, out, _) = run_cli(&["check", "--no-config", "--format", "json", &p], "");
        let v = json(&out);
        let stutter: Vec<_> = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["rule"] == "word-stutter")
            .collect();
        assert_eq!(stutter[0]["line"], 3, "{name}");
        assert_eq!(stutter[0]["column"], 12, "{name}");
        let (_, _, err) = run_cli(&["check", "--no-config", "--fix", &p], "");
        let fixed = std::fs::read_to_string(&p).unwrap();
        assert_eq!(
            fixed,
            format!("Headline here{nl}{nl}He went to the market.{nl}It is part of the plan.{nl}"),
            "{name}: {err}"
        );
        // A second --fix changes nothing.
        run_cli(&["check", "--no-config", "--fix", &p], "");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), fixed);
    }
}

#[test]
fn interrupted_fix_leaves_the_old_contents() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("story.txt");
    std::fs::write(&p, "old contents\n").unwrap();
    // An error between writing the temporary file and renaming it.
    let r = copylint::fix::write_atomic_with(&p, b"new contents\n", || {
        Err(std::io::Error::other("simulated crash"))
    });
    assert!(r.is_err());
    assert_eq!(std::fs::read_to_string(&p).unwrap(), "old contents\n");
    // A panic at the same point.
    let caught = std::panic::catch_unwind(|| {
        let _ = copylint::fix::write_atomic_with(&p, b"new contents\n", || panic!("killed"));
    });
    assert!(caught.is_err());
    assert_eq!(std::fs::read_to_string(&p).unwrap(), "old contents\n");
    // No temporary file is left behind.
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1);
    // And when nothing interrupts it, the new contents replace the old whole.
    copylint::fix::write_atomic(&p, b"new contents\n").unwrap();
    assert_eq!(std::fs::read_to_string(&p).unwrap(), "new contents\n");
}
