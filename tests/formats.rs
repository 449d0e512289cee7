//! End-to-end tests of the machine formats against their real consumers: SARIF
//! through Microsoft's SARIF multitool, HTML through headless Chromium. Where a tool
//! is missing the test fails in CI (`CI=true`, where `.ci/run` installs it) and is
//! skipped with a notice elsewhere.

mod common;

use assert_cmd::Command;
use common::root;
use copylint::diagnostic::{Applicability, Category, Diagnostic, Label, Severity};
use copylint::render::{FileReport, Reporter, Sarif, Summary};
use copylint::span::Span;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

fn copylint() -> Command {
    let mut c = Command::cargo_bin("copylint").unwrap();
    c.env_remove("NO_COLOR");
    c
}

fn seed_paths() -> Vec<PathBuf> {
    common::files_in(&root().join("seeds"), &["txt"])
}

/// Findings the library reports for the seeds, per file.
fn seed_findings() -> usize {
    seed_paths()
        .iter()
        .map(|p| copylint::lint(&std::fs::read_to_string(p).unwrap()).len())
        .sum()
}

/// A tool found on PATH, or None (skip) outside CI; in CI a missing tool fails.
fn require_tool(names: &[&str], why: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in names {
        for dir in std::env::split_paths(&path) {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "{} is required in CI for {why} (.ci/run installs it)",
            names[0]
        );
    }
    eprintln!(
        "notice: skipping {why}: {} not found on PATH (.ci/run installs it)",
        names[0]
    );
    None
}

/// Runs a command with stdout to a file, killing it after `limit`.
fn run_with_timeout(cmd: &mut std::process::Command, limit: Duration) -> (bool, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("stdout");
    let err_path = dir.path().join("stderr");
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    (
        status.success(),
        std::fs::read_to_string(out_path).unwrap_or_default(),
        std::fs::read_to_string(err_path).unwrap_or_default(),
    )
}

#[test]
fn jsonl_one_parseable_line_per_diagnostic() {
    let o = copylint()
        .args(["check", "--format", "jsonl"])
        .arg(root().join("seeds"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), seed_findings());
    for l in lines {
        let v: Value = serde_json::from_str(l).unwrap();
        for key in [
            "path", "rule", "category", "severity", "message", "span", "line",
        ] {
            assert!(v.get(key).is_some(), "{key} missing in {l}");
        }
    }
}

#[test]
fn github_annotations_escape_and_name_the_rule() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a,b:c.txt");
    std::fs::write(&file, "It&#39;s 100% done.\n").unwrap();
    let o = copylint()
        .args(["check", "--format", "github"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    let mut lines = out.lines();
    let first = lines.next().unwrap();
    let escaped = file
        .display()
        .to_string()
        .replace(',', "%2C")
        .replace(':', "%3A");
    assert_eq!(
        first,
        format!(
            "::error file={escaped},line=1,col=3,endLine=1,endColumn=8,title=copylint(entity-leak)::\
             HTML character reference `&#39;` shown as text%0Ahelp: replace with `'` (safe fix)"
        )
    );
    assert_eq!(lines.next(), Some("Found 1 problem (1 error) in 1 file."));
}

fn multitool_validate(multitool: &Path, sarif: &Path) -> Vec<(String, String, String)> {
    let out = sarif.with_extension("validation.sarif");
    let (_, stdout, stderr) = run_with_timeout(
        std::process::Command::new(multitool)
            .arg("validate")
            .arg(sarif)
            .arg("--output")
            .arg(&out)
            .args(["--log", "ForceOverwrite"]),
        Duration::from_secs(180),
    );
    let text = std::fs::read_to_string(&out)
        .unwrap_or_else(|e| panic!("no validation log ({e}):\n{stdout}\n{stderr}"));
    let log: Value = serde_json::from_str(&text).unwrap();
    let run = &log["runs"][0];
    // A tool failure (unreadable input, schema violation) is a notification.
    if let Some(n) = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .and_then(|a| a.first())
    {
        panic!("multitool reported a tool failure: {n}\n{stdout}");
    }
    run["results"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap_or("").to_string(),
                r["level"].as_str().unwrap_or("warning").to_string(),
                r["message"].to_string(),
            )
        })
        .collect()
}

/// Errors fail; so do warnings, except for `informationUri` (copylint has no web
/// page yet).
fn assert_valid(findings: &[(String, String, String)]) {
    let bad: Vec<_> = findings
        .iter()
        .filter(|(id, level, _)| level == "error" || (level == "warning" && id != "SARIF2005"))
        .collect();
    assert!(bad.is_empty(), "SARIF validation failed: {bad:#?}");
}

#[test]
fn sarif_validates_with_the_multitool() {
    let Some(multitool) = require_tool(&["sarif-multitool"], "SARIF validation") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // Seeds plus a file with an awkward name, a BOM, CRLF and astral characters.
    let odd = dir.path().join("odd name, ü 😀.txt");
    std::fs::write(&odd, "\u{feff}Ça 😀 it&#39;s\r\nSpread the love\r\n").unwrap();
    let o = copylint()
        .args(["check", "--format", "sarif"])
        .arg(root().join("seeds"))
        .arg(&odd)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let log: Value = serde_json::from_slice(&o.stdout).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(
        results.len(),
        seed_findings() + copylint::lint(&std::fs::read_to_string(&odd).unwrap()).len()
    );
    let sarif = dir.path().join("cli.sarif");
    std::fs::write(&sarif, &o.stdout).unwrap();
    assert_valid(&multitool_validate(&multitool, &sarif));

    // Every part of the model, including labels, notes, multi-edit and empty fixes.
    let text = "Ça va 😀 it&#39;s\nfine\n";
    let linter = copylint::default_registry().linter();
    let mut d = Diagnostic {
        rule: "entity-leak",
        category: Category::Encoding,
        severity: Severity::Error,
        message: "reference `&#39;`".into(),
        span: Span::new(14, 19),
        labels: vec![Label {
            span: Span::new(20, 24),
            message: "related".into(),
        }],
        notes: vec!["a note".into()],
        suggestions: Vec::new(),
    };
    d.suggest(
        copylint::Suggestion::new("two edits", Applicability::Unsafe)
            .edit(Span::new(14, 19), "'")
            .edit(Span::new(19, 19), "!"),
    );
    let mut unknown = d.clone();
    unknown.rule = "not-a-registered-rule";
    unknown.severity = Severity::Info;
    unknown.span = Span::new(0, 0);
    let diags = vec![d, unknown];
    let mut buf = Vec::new();
    let mut r = Sarif::new(&mut buf, linter.rules());
    r.file(&FileReport::new("/abs/path/story.txt", text, &diags))
        .unwrap();
    r.finish(&Summary::default()).unwrap();
    let sarif = dir.path().join("model.sarif");
    std::fs::write(&sarif, &buf).unwrap();
    assert_valid(&multitool_validate(&multitool, &sarif));
}

fn chromium(args: &[&str], url: &str) -> Option<String> {
    let exe = require_tool(&["chromium", "chromium-browser"], "the HTML report test")?;
    let profile = tempfile::tempdir().unwrap();
    let (ok, out, err) = run_with_timeout(
        std::process::Command::new(exe)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                "--hide-scrollbars",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(args)
            .arg(url),
        Duration::from_secs(120),
    );
    assert!(ok, "chromium failed: {err}");
    Some(out)
}

/// `(tag, attributes)` of every start tag named `name`.
fn start_tags<'a>(dom: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name} ");
    dom.match_indices(&open)
        .map(|(k, _)| {
            let rest = &dom[k..];
            &rest[..rest.find('>').unwrap()]
        })
        .collect()
}

#[test]
fn html_report_renders_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let o = copylint()
        .args(["check", "--format", "html"])
        .arg(root().join("seeds"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let html = String::from_utf8(o.stdout).unwrap();
    // Self-contained: nothing fetched, nothing scripted.
    for forbidden in ["<script", "<link", "src=", "url(", "@import", "href=\"http"] {
        assert!(!html.contains(forbidden), "report contains {forbidden}");
    }
    let page = dir.path().join("report.html");
    std::fs::write(&page, &html).unwrap();
    let url = format!("file://{}", page.display());

    let Some(dom) = chromium(&["--dump-dom"], &url) else {
        return;
    };
    let findings = seed_findings();
    assert!(findings > 0);
    let marks = start_tags(&dom, "mark");
    let firsts: Vec<&&str> = marks
        .iter()
        .filter(|m| m.contains("data-finding="))
        .collect();
    assert_eq!(firsts.len(), findings, "one highlighted span per finding");
    assert!(marks.iter().all(|m| m.contains("class=\"hl cat-")));
    assert_eq!(
        start_tags(&dom, "li")
            .iter()
            .filter(|l| l.contains("class=\"note "))
            .count(),
        findings,
        "one explanation per finding"
    );
    // The counts at the top agree with the library.
    let mut per_category = std::collections::BTreeMap::new();
    for p in seed_paths() {
        for d in copylint::lint(&std::fs::read_to_string(p).unwrap()) {
            *per_category.entry(d.category).or_insert(0) += 1;
        }
    }
    for c in Category::ALL {
        let n = per_category.get(&c).copied().unwrap_or(0);
        assert!(
            dom.contains(&format!("data-category=\"{c}\">{n}<")),
            "count of {c} should be {n}"
        );
    }
    // Copy that looks like markup shows literally.
    assert!(dom.contains("x27;"));

    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("seeds-report.png");
    let _ = std::fs::remove_file(&shot);
    chromium(
        &[
            "--window-size=1280,2000",
            &format!("--screenshot={}", shot.display()),
        ],
        &url,
    );
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert!(png.len() > 20_000, "screenshot looks blank");
}
