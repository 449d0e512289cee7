//! Files too large to lint at once are read, linted and reported in segments. The
//! hidden `--segment-bytes` option makes segments tiny here, so that small files
//! cross many segment boundaries: findings of rules that look no further than a
//! paragraph must come out exactly as when the whole file is linted, with the same
//! lines, columns and byte offsets, none lost or doubled at a boundary.

mod common;

use common::run_cli;
use std::path::Path;

/// Rules that look no further than their own paragraph. Document-wide rules, and
/// rules that read the sentence before a paragraph, see one segment at a time: a
/// documented limitation.
const LOCAL: &str = "entity-leak,word-stutter,mojibake,invisible-character,irregular-whitespace,\
                     missing-space,doubled-punctuation,space-before-punctuation,literal-escape,non-nfc-text";

/// One sentence per line, most with something to find, many multi-byte.
const SENTENCES: &[&str] = &[
    "The minister said it was over.",
    "He went to the the market on Monday.",
    "Smith &amp; Sons reported a loss.",
    "Prices rose in Zürich , officials said.",
    "The café\u{200b} closed early.",
    "It was a Ã©vÃ©nement for the city.",
    "They met again.Next week they vote.",
    "Officials  said nothing more.",
    "“We are ready,” she said.",
    "The 😀 emoji appeared twice!!",
    "A line with\\n an escape in it.",
    "the talks resumed in Geneva.",
];

/// Paragraphs of one to three lines, separated by blank lines, with `nl` as the
/// line end.
fn article(paragraphs: usize, nl: &str) -> String {
    let mut text = String::new();
    let mut k = 0;
    for p in 0..paragraphs {
        if p > 0 {
            text.push_str(nl);
        }
        for _ in 0..1 + p % 3 {
            text.push_str(SENTENCES[k % SENTENCES.len()]);
            text.push_str(nl);
            k += 7;
        }
    }
    text
}

/// The same sentences on one line.
fn one_line(sentences: usize) -> String {
    (0..sentences)
        .map(|k| SENTENCES[(k * 5) % SENTENCES.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

/// `check` output (exit code, stdout) for `path` in `format`, whole or in segments.
fn check(path: &str, format: &str, segment: Option<usize>, extra: &[&str]) -> (i32, String) {
    let seg = segment.map(|n| n.to_string());
    let mut args = vec![
        "check",
        "--no-config",
        "--select",
        LOCAL,
        "--format",
        format,
    ];
    if let Some(n) = &seg {
        args.extend(["--segment-bytes", n]);
    }
    args.extend(extra);
    args.push(path);
    let (code, out, err) = run_cli(&args, "");
    assert!(code < 2, "{err}");
    (code, out)
}

/// Equal outputs, or a panic that shows where they part.
#[track_caller]
fn assert_same(got: &str, want: &str, what: &str) {
    if got == want {
        return;
    }
    let (g, w): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
    let k = g.iter().zip(&w).take_while(|(a, b)| a == b).count();
    let show = |v: &[&str]| v[k.saturating_sub(3)..(k + 3).min(v.len())].join("\n");
    panic!(
        "{what}: outputs part at line {}:\n--- got\n{}\n--- want\n{}",
        k + 1,
        show(&g),
        show(&w)
    );
}

fn json(out: &str) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_str(out).expect("valid JSON report");
    v["diagnostics"].as_array().unwrap().clone()
}

#[test]
fn every_format_reports_segments_as_the_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    for (name, nl, bom) in [
        ("lf.txt", "\n", false),
        ("crlf.txt", "\r\n", true),
        ("cr.txt", "\r", false),
    ] {
        let text = format!("{}{}", if bom { "\u{feff}" } else { "" }, article(40, nl));
        let p = write(dir.path(), name, &text);
        let whole = check(&p, "json", None, &[]).1;
        let diags = json(&whole);
        assert!(diags.len() > 40, "{name}: {}", diags.len());
        // Findings far past the first segments, on lines far down.
        assert!(diags.iter().any(|d| d["line"].as_u64().unwrap() > 60));
        for format in [
            "json", "jsonl", "concise", "github", "sarif", "human", "html",
        ] {
            let whole = check(&p, format, None, &[]);
            // Lines are shorter than half a segment: every cut is between lines, so
            // even the reporters that show the source show it exactly as whole.
            for seg in [97, 160, 401] {
                let pieces = check(&p, format, Some(seg), &[]);
                assert_eq!(pieces.0, whole.0);
                let what = format!("{name} as {format} in segments of {seg}");
                if format == "human" && nl == "\r" {
                    // codespan ends lines at `\n` only: to it the whole file is one
                    // line, and a segment can show only its own part of that line.
                    let at = |s: &str| {
                        s.lines()
                            .filter(|l| l.contains("┌─ "))
                            .collect::<Vec<_>>()
                            .join("\n")
                    };
                    assert_same(&at(&pieces.1), &at(&whole.1), &what);
                    continue;
                }
                assert_same(&pieces.1, &whole.1, &what);
            }
        }
    }
}

#[test]
fn no_finding_is_lost_or_doubled_at_any_cut() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "story.txt", &article(16, "\n"));
    let whole = check(&p, "json", None, &[]).1;
    // Sizes that put the cuts at every place between lines and paragraphs.
    for seg in (64..420).step_by(11) {
        let pieces = check(&p, "json", Some(seg), &[]).1;
        assert_same(&pieces, &whole, &format!("segments of {seg}"));
    }
}

#[test]
fn one_long_line_is_cut_between_sentences_with_columns_kept() {
    let dir = tempfile::tempdir().unwrap();
    let text = one_line(120);
    let p = write(dir.path(), "line.txt", &text);
    let whole = check(&p, "json", None, &[]).1;
    let diags = json(&whole);
    assert!(
        diags
            .iter()
            .any(|d| d["column"].as_u64().unwrap() > 3000 && d["line"] == 1)
    );
    for seg in [200, 333, 1000] {
        for format in ["json", "concise", "sarif"] {
            let pieces = check(&p, format, Some(seg), &[]).1;
            let whole = check(&p, format, None, &[]).1;
            assert_same(&pieces, &whole, &format!("{format} in segments of {seg}"));
        }
        // Source snippets show the part of the line in the finding's segment,
        // under the line and column of the whole file.
        let human = check(&p, "human", Some(seg), &[]).1;
        let locations: Vec<&str> = human.lines().filter(|l| l.contains("┌─ ")).collect();
        let want: Vec<String> = diags
            .iter()
            .map(|d| format!("{}:{}:{}", p, d["line"], d["column"]))
            .collect();
        assert_eq!(locations.len(), want.len());
        for (l, w) in locations.iter().zip(&want) {
            assert!(l.ends_with(w.as_str()), "{l} / {w}");
        }
        let html = check(&p, "html", Some(seg), &[]).1;
        assert_eq!(html.matches("data-finding=").count(), diags.len());
        assert_eq!(html.matches("id=\"f1-L1\"").count(), 1);
    }
}

#[test]
fn markdown_in_segments_maps_to_the_source() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "# Title\n\n{}",
        article(30, "\n").replace("Smith", "*Smith*")
    );
    let p = write(dir.path(), "story.md", &text);
    let whole = check(&p, "json", None, &[]).1;
    assert!(json(&whole).len() > 20);
    for seg in [150, 400] {
        assert_same(
            &check(&p, "json", Some(seg), &[]).1,
            &whole,
            &seg.to_string(),
        );
    }
}

#[test]
fn markup_and_suppressions_are_never_cut_in_two() {
    let dir = tempfile::tempdir().unwrap();
    let script = "<script>\nvar s = \"the the &amp;\";\n\nvar t = \"it  is\";\n\nvar u = '</p>';\n</script>\n";
    let mut html = String::from("<html><body>\n");
    let mut md = String::from("# Title\n\n");
    for (k, para) in article(24, "\n").split("\n\n").enumerate() {
        html.push_str(&format!("<p>{}</p>\n\n", para.replace('\n', "<br>\n")));
        md.push_str(para);
        md.push_str("\n\n");
        if k % 5 == 2 {
            html.push_str(script);
            html.push_str("<pre>\nHe went to the the market.\n\nSmith &amp;amp; Sons\n</pre>\n\n");
            md.push_str("```\nHe went to the the market.\n\nSmith &amp; Sons\n```\n\n");
            md.push_str(
                "<!-- copylint-disable word-stutter -->\nHe went to the the market.\n\n\
                 It is is over.\n<!-- copylint-enable -->\n\n\
                 <!-- copylint-disable-next-line entity-leak -->\nSmith &amp; Sons.\n\n",
            );
        }
    }
    html.push_str("</body></html>\n");
    for (name, text) in [("page.html", html), ("story.md", md)] {
        let p = write(dir.path(), name, &text);
        let whole = check(&p, "json", None, &[]).1;
        assert!(json(&whole).len() > 20, "{name}");
        for seg in (90..600).step_by(17) {
            let pieces = check(&p, "json", Some(seg), &[]).1;
            assert_same(&pieces, &whole, &format!("{name} in segments of {seg}"));
        }
    }
}

#[test]
fn standard_input_is_segmented_too() {
    let text = article(30, "\r\n");
    let lint = |seg: Option<&str>| {
        let mut args = vec![
            "check",
            "--no-config",
            "--select",
            LOCAL,
            "--format",
            "json",
        ];
        if let Some(n) = seg {
            args.extend(["--segment-bytes", n]);
        }
        args.push("-");
        run_cli(&args, &text)
    };
    let whole = lint(None);
    assert!(json(&whole.1).len() > 20);
    let pieces = lint(Some("120"));
    assert_eq!(pieces.0, whole.0);
    assert_same(&pieces.1, &whole.1, "stdin");
    // Fixed, the text goes to standard output and the report to standard error.
    let fix = |seg: &str| {
        let args = [
            "check",
            "--no-config",
            "--select",
            LOCAL,
            "--segment-bytes",
            seg,
            "--fix",
            "-",
        ];
        run_cli(&args, &text)
    };
    let whole = fix("1000000");
    assert_ne!(whole.1, text);
    let pieces = fix("120");
    assert_same(&pieces.1, &whole.1, "fixed stdin");
    assert_same(&pieces.2, &whole.2, "report on stderr");
}

#[test]
fn fixing_in_segments_writes_what_a_whole_fix_writes() {
    let dir = tempfile::tempdir().unwrap();
    for nl in ["\n", "\r\n"] {
        let text = format!("{}{}", article(40, nl), one_line(30));
        let a = write(dir.path(), "a.txt", &text);
        let b = write(dir.path(), "b.txt", &text);
        let (code_a, out_a) = check(&a, "json", None, &["--fix"]);
        let (code_b, out_b) = check(&b, "json", Some(150), &["--fix"]);
        let fixed = std::fs::read_to_string(&a).unwrap();
        assert_ne!(fixed, text);
        assert_eq!(std::fs::read_to_string(&b).unwrap(), fixed);
        // What is left is reported at its place in the fixed file.
        assert_eq!(code_b, code_a);
        assert_same(&out_b.replace("b.txt", "a.txt"), &out_a, "fixed");
        // Fixed text is written whole, once: no temporary file is left behind.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        // Nothing left to fix: the file is not rewritten.
        let before = std::fs::metadata(&b).unwrap().modified().unwrap();
        check(&b, "json", Some(150), &["--fix"]);
        assert_eq!(std::fs::read_to_string(&b).unwrap(), fixed);
        assert_eq!(std::fs::metadata(&b).unwrap().modified().unwrap(), before);
    }
}

/// Applies a unified diff of one file to `old`, checking every context line.
fn apply_diff(old: &str, diff: &str) -> String {
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let mut out = String::new();
    let mut at = 0;
    let mut lines = diff.split_inclusive('\n').peekable();
    assert!(lines.next().unwrap().starts_with("--- a/"));
    assert!(lines.next().unwrap().starts_with("+++ b/"));
    while let Some(header) = lines.next() {
        let old_start: usize = header
            .strip_prefix("@@ -")
            .and_then(|h| h.split([',', ' ']).next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("hunk header: {header}"));
        while at + 1 < old_start {
            out.push_str(old_lines[at]);
            at += 1;
        }
        while let Some(l) = lines.next_if(|l| !l.starts_with("@@ ")) {
            let (tag, body) = l.split_at(1);
            match tag {
                " " | "-" => {
                    assert_eq!(old_lines[at], body, "line {}", at + 1);
                    at += 1;
                    if tag == " " {
                        out.push_str(body);
                    }
                }
                "+" => out.push_str(body),
                _ => panic!("diff line: {l}"),
            }
        }
    }
    for l in &old_lines[at..] {
        out.push_str(l);
    }
    out
}

#[test]
fn diff_in_segments_numbers_hunks_in_the_whole_file() {
    let dir = tempfile::tempdir().unwrap();
    let text = article(40, "\n");
    let p = write(dir.path(), "story.txt", &text);
    let diff = |seg: Option<&str>| {
        let mut args = vec!["check", "--no-config", "--select", LOCAL, "--diff"];
        if let Some(n) = seg {
            args.extend(["--segment-bytes", n]);
        }
        args.push(&p);
        run_cli(&args, "")
    };
    let (code, whole, err) = diff(None);
    assert_eq!(code, 1, "{err}");
    let fixed = apply_diff(&text, &whole);
    for seg in ["97", "300"] {
        let (c, pieces, e) = diff(Some(seg));
        assert_eq!((c, e.as_str()), (code, err.as_str()));
        assert_eq!(apply_diff(&text, &pieces), fixed, "segments of {seg}");
    }
    // Nothing was written.
    assert_eq!(std::fs::read_to_string(&p).unwrap(), text);
}

#[test]
fn a_baseline_covers_every_segment() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "story.txt", &article(30, "\n"));
    let base = dir.path().join("baseline.json").display().to_string();
    let (code, _, err) = run_cli(
        &[
            "check",
            "--no-config",
            "--segment-bytes",
            "150",
            "--write-baseline",
            &base,
            &p,
        ],
        "",
    );
    assert_eq!(code, 0, "{err}");
    for seg in [None, Some(150), Some(333)] {
        let (code, out) = check(&p, "json", seg, &["--baseline", &base]);
        assert_eq!((code, json(&out).len()), (0, 0), "{seg:?}");
    }
    // A new copy of an old problem is still reported, in whichever segment.
    let mut text = std::fs::read_to_string(&p).unwrap();
    text.push_str("\nHe went to the the market on Monday.\n");
    std::fs::write(&p, &text).unwrap();
    let (code, out) = check(&p, "json", Some(150), &["--baseline", &base]);
    assert_eq!((code, json(&out).len()), (1, 1));
}

#[test]
fn bad_bytes_deep_in_a_large_file_are_reported_before_any_finding() {
    let dir = tempfile::tempdir().unwrap();
    let text = article(40, "\n");
    let mut bytes = text.clone().into_bytes();
    let at = bytes.len() - 10;
    bytes.insert(at, 0xff);
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, &bytes).unwrap();
    let mut bytes = text.into_bytes();
    bytes.push(0);
    let binary = dir.path().join("binary.txt");
    std::fs::write(&binary, &bytes).unwrap();
    for p in [&bad, &binary] {
        let p = p.display().to_string();
        let (code, out, err) = run_cli(
            &[
                "check",
                "--no-config",
                "--segment-bytes",
                "100",
                "--format",
                "json",
                &p,
            ],
            "",
        );
        assert!(json(&out).is_empty(), "{out}");
        if p.ends_with("bad.txt") {
            assert_eq!(code, 2);
            assert!(
                err.contains(&format!(
                    "bad.txt: not valid UTF-8 (first invalid byte at offset {at})"
                )),
                "{err}"
            );
        } else {
            assert_eq!(code, 0);
            assert!(err.contains("binary file"), "{err}");
        }
    }
}
