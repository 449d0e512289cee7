//! End-to-end tests of the binary: exit codes, input handling and every format.

use assert_cmd::Command;
use std::fs;

fn copylint() -> Command {
    let mut c = Command::cargo_bin("copylint").unwrap();
    c.env_remove("NO_COLOR");
    c
}

fn stdout_of(c: &mut Command) -> (i32, String, String) {
    let o = c.output().unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8_lossy(&o.stdout).into(),
        String::from_utf8_lossy(&o.stderr).into(),
    )
}

const DIRTY: &str = "The minister said it&#39;s over.\n";
const CLEAN: &str = "The minister said it is over.\n";

#[test]
fn exit_zero_when_clean_one_with_findings() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), CLEAN).unwrap();
    let (code, out, _) = stdout_of(copylint().arg("check").arg(dir.path()));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("No problems found in 1 file."));
    fs::write(dir.path().join("b.txt"), DIRTY).unwrap();
    let (code, out, _) = stdout_of(copylint().arg("check").arg(dir.path()));
    assert_eq!(code, 1);
    assert!(out.contains("error[entity-leak]"), "{out}");
    assert!(out.contains("b.txt:1:21"), "{out}");
    assert!(out.contains("help: replace with `'` (safe fix)"), "{out}");
}

#[test]
fn stdin_with_a_name() {
    let (code, out, _) = stdout_of(
        copylint()
            .args([
                "check",
                "--format",
                "concise",
                "--stdin-filename",
                "story.txt",
                "-",
            ])
            .write_stdin(DIRTY),
    );
    assert_eq!(code, 1);
    assert_eq!(
        out.lines().next().unwrap(),
        "story.txt:1:21: error[entity-leak] HTML character reference `&#39;` shown as text"
    );
}

#[test]
fn json_follows_the_contract() {
    let (code, out, _) = stdout_of(
        copylint()
            .args(["check", "--format", "json", "-"])
            .write_stdin("Café &amp; bar\n"),
    );
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["summary"]["files"], 1);
    assert_eq!(v["summary"]["diagnostics"], 1);
    assert_eq!(v["summary"]["by_severity"]["error"], 1);
    assert_eq!(v["summary"]["by_category"]["encoding"], 1);
    assert_eq!(v["summary"]["by_category"]["spam"], 0);
    let d = &v["diagnostics"][0];
    let keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
    let mut want = vec![
        "path",
        "rule",
        "category",
        "severity",
        "message",
        "span",
        "line",
        "column",
        "end_line",
        "end_column",
        "labels",
        "suggestions",
    ];
    want.sort();
    assert_eq!(keys, want);
    assert_eq!(d["path"], "<stdin>");
    assert_eq!(d["rule"], "entity-leak");
    assert_eq!(d["category"], "encoding");
    assert_eq!(d["severity"], "error");
    // "Café " is 6 bytes but 5 characters: span in bytes, column in characters.
    assert_eq!(d["span"]["start"], 6);
    assert_eq!(d["span"]["end"], 11);
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(6))
    );
    assert_eq!(
        (d["end_line"].as_u64(), d["end_column"].as_u64()),
        (Some(1), Some(11))
    );
    let s = &d["suggestions"][0];
    assert_eq!(s["applicability"], "safe");
    assert_eq!(
        s["edits"][0],
        serde_json::json!({"start": 6, "end": 11, "replacement": "&"})
    );
}

#[test]
fn color_only_when_asked_or_on_a_terminal() {
    let (_, out, _) = stdout_of(copylint().args(["check", "-"]).write_stdin(DIRTY));
    assert!(!out.contains('\u{1b}'), "no colour when piped");
    let (_, out, _) = stdout_of(
        copylint()
            .args(["check", "--color", "always", "-"])
            .write_stdin(DIRTY),
    );
    assert!(out.contains('\u{1b}'), "colour when forced");
}

#[test]
fn broken_rule_file_is_a_spanned_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bad.toml"),
        "id = \"bad\"\ncategory = \"boilerplate\"\nkind = \"pattern\"\nsummary = \"s\"\ndescription = \"d\"\nmessage = \"m\"\npatterns = [\"(unclosed\"]\nexamples = [\"x\"]\n",
    )
    .unwrap();
    let (code, _, err) = stdout_of(
        copylint()
            .args(["check", "--rules"])
            .arg(dir.path())
            .arg("-")
            .write_stdin(CLEAN),
    );
    assert_eq!(code, 2);
    assert!(err.contains("error[rule-file]"), "{err}");
    assert!(err.contains("bad.toml:7:13"), "{err}");
    assert!(err.contains("invalid regex"), "{err}");
}

#[test]
fn extra_rule_directory_is_used() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("house.toml"),
        "id = \"house-style\"\ncategory = \"translation\"\nkind = \"substitution\"\nsummary = \"s\"\ndescription = \"d\"\nmessage = \"write `{replacement}`\"\nsubstitutions = { \"Kiev\" = \"Kyiv\" }\ncase_sensitive = true\nexamples = [\"in Kiev\"]\ncounterexamples = [\"in Kyiv\"]\n",
    )
    .unwrap();
    let (code, out, _) = stdout_of(
        copylint()
            .args(["check", "--format", "concise", "--rules"])
            .arg(dir.path())
            .arg("-")
            .write_stdin("Talks in Kiev.\n"),
    );
    assert_eq!(code, 1);
    assert!(out.contains("warning[house-style] write `Kyiv`"), "{out}");
    let (_, out, _) = stdout_of(copylint().args(["rules", "--rules"]).arg(dir.path()));
    assert!(out.contains("house-style"), "{out}");
}

#[test]
fn bad_input_is_reported_and_the_rest_is_linted() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), DIRTY).unwrap();
    fs::write(dir.path().join("bad.txt"), b"ok \xff\xfe bytes").unwrap();
    fs::write(dir.path().join("bin.txt"), b"\x00\x01\x02").unwrap();
    fs::write(dir.path().join("empty.txt"), b"").unwrap();
    let (code, out, err) = stdout_of(
        copylint()
            .args(["check", "--format", "concise"])
            .arg(dir.path()),
    );
    assert_eq!(code, 2, "decoding errors make exit 2");
    assert!(
        err.contains("bad.txt: not valid UTF-8 (first invalid byte at offset 3)"),
        "{err}"
    );
    assert!(err.contains("bin.txt: binary file"), "{err}");
    assert!(
        out.contains("a.txt:1:21"),
        "other files still linted: {out}"
    );
}

#[test]
fn missing_path_is_an_error() {
    let (code, _, err) = stdout_of(copylint().args(["check", "no/such/file.txt"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("no/such/file.txt: no such file or directory"),
        "{err}"
    );
}

#[test]
fn bom_and_crlf_keep_positions() {
    let (_, out, _) = stdout_of(
        copylint()
            .args(["check", "--format", "concise", "-"])
            .write_stdin("\u{feff}Fine.\r\nIt&#39;s\r\n"),
    );
    assert!(out.starts_with("<stdin>:2:3: error[entity-leak]"), "{out}");
}

#[test]
fn select_and_ignore() {
    let text = "Spread the love\n\nIt&#39;s here.\n";
    let (_, out, _) = stdout_of(
        copylint()
            .args(["check", "--format", "concise", "--select", "encoding", "-"])
            .write_stdin(text),
    );
    assert!(
        out.contains("entity-leak") && !out.contains("chrome-share"),
        "{out}"
    );
    let (_, out, _) = stdout_of(
        copylint()
            .args([
                "check",
                "--format",
                "concise",
                "--ignore",
                "entity-leak",
                "-",
            ])
            .write_stdin(text),
    );
    assert!(
        !out.contains("entity-leak") && out.contains("chrome-share"),
        "{out}"
    );
    let (code, _, err) = stdout_of(
        copylint()
            .args(["check", "--select", "nope", "-"])
            .write_stdin(text),
    );
    assert_eq!(code, 2);
    assert!(err.contains("unknown rule or category `nope`"), "{err}");
}

#[test]
fn rules_and_explain() {
    let (code, out, _) = stdout_of(copylint().arg("rules"));
    assert_eq!(code, 0);
    assert!(
        out.lines().any(|l| l.starts_with("entity-leak")
            && l.contains("encoding")
            && l.contains("built-in")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("chrome-share") && l.contains("lints/chrome-share.toml")),
        "{out}"
    );
    let (code, out, _) = stdout_of(copylint().args(["explain", "entity-leak"]));
    assert_eq!(code, 0);
    assert!(
        out.contains("## What it does")
            && out.contains("## Why is this bad?")
            && out.contains("```text flag"),
        "{out}"
    );
    let (code, _, err) = stdout_of(copylint().args(["explain", "nope"]));
    assert_eq!(code, 2);
    assert!(err.contains("unknown rule `nope`"));
}

#[test]
fn usage_errors_exit_two() {
    let (code, _, err) = stdout_of(copylint().args(["check", "--format", "yaml"]));
    assert_eq!(code, 2);
    assert!(err.contains("invalid value"), "{err}");
    let (code, out, _) = stdout_of(copylint().arg("--version"));
    assert_eq!(code, 0);
    assert!(out.contains("copylint"));
}

#[test]
fn directories_skip_hidden_and_other_extensions() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(".hidden")).unwrap();
    fs::create_dir(dir.path().join("target")).unwrap();
    fs::write(dir.path().join(".hidden/a.txt"), DIRTY).unwrap();
    fs::write(dir.path().join("target/a.txt"), DIRTY).unwrap();
    fs::write(dir.path().join("code.rs"), DIRTY).unwrap();
    fs::write(dir.path().join("story.md"), CLEAN).unwrap();
    let (code, out, _) = stdout_of(copylint().arg("check").arg(dir.path()));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("in 1 file"), "{out}");
    // A file named explicitly is linted whatever its extension.
    let (code, _, _) = stdout_of(copylint().arg("check").arg(dir.path().join("code.rs")));
    assert_eq!(code, 1);
}
