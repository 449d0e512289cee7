//! End-to-end: --fix, --unsafe-fixes, --diff, the fix subcommand, stdin fixing,
//! atomic writes that keep permissions, BOM and line endings.

use assert_cmd::Command;
use std::fs;

fn copylint() -> Command {
    let mut c = Command::cargo_bin("copylint").unwrap();
    c.env_remove("NO_COLOR");
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

// A safe fix (whole entity), an unsafe one (truncated entity) and a safe line deletion.
const TEXT: &str =
    "It&#39;s late.\r\n\r\nThe Ministry of #x27; Interior spoke.\r\n\r\nSource link\r\n";

#[test]
fn fix_applies_safe_fixes_only_and_keeps_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    fs::write(&f, TEXT).unwrap();
    let (code, out, _) = run(copylint()
        .args(["check", "--fix", "--format", "concise"])
        .arg(&f));
    let fixed = fs::read_to_string(&f).unwrap();
    assert_eq!(
        fixed,
        "It's late.\r\n\r\nThe Ministry of #x27; Interior spoke.\r\n"
    );
    assert_eq!(code, 1, "the unsafe finding remains: {out}");
    assert!(out.contains("Fixed 3 problems in 1 file."), "{out}");
    assert!(out.contains("truncated HTML character reference"), "{out}");
}

#[test]
fn unsafe_fixes_opt_in() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    fs::write(&f, TEXT).unwrap();
    let (_, _, _) = run(copylint().args(["fix", "--unsafe-fixes"]).arg(&f));
    assert_eq!(
        fs::read_to_string(&f).unwrap(),
        "It's late.\r\n\r\nThe Ministry of ' Interior spoke.\r\n"
    );
}

#[test]
fn diff_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    fs::write(&f, TEXT).unwrap();
    let (code, out, _) = run(copylint().args(["check", "--diff"]).arg(&f));
    assert_eq!(code, 1);
    assert!(
        out.contains("-It&#39;s late.") && out.contains("+It's late."),
        "{out}"
    );
    assert!(out.contains("-Source link"), "{out}");
    assert_eq!(
        fs::read_to_string(&f).unwrap(),
        TEXT,
        "--diff must not write"
    );
    fs::write(&f, "Nothing to fix.\n").unwrap();
    let (code, out, _) = run(copylint().args(["check", "--diff"]).arg(&f));
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn stdin_fix_prints_the_fixed_text() {
    let (code, out, err) = run(copylint()
        .args(["check", "--fix", "-"])
        .write_stdin("\u{feff}It&#39;s late.\n"));
    assert_eq!(out, "\u{feff}It's late.\n", "BOM kept");
    assert_eq!(code, 0, "{err}");
}

#[cfg(unix)]
#[test]
fn fix_keeps_permissions_and_skips_unchanged_files() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    let clean = dir.path().join("clean.txt");
    fs::write(&f, TEXT).unwrap();
    fs::write(&clean, "Nothing to fix.\n").unwrap();
    fs::set_permissions(&f, fs::Permissions::from_mode(0o640)).unwrap();
    let before = fs::metadata(&clean).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    run(copylint().arg("fix").arg(dir.path()));
    assert_eq!(
        fs::metadata(&f).unwrap().permissions().mode() & 0o777,
        0o640
    );
    assert_eq!(
        fs::metadata(&clean).unwrap().modified().unwrap(),
        before,
        "unchanged file not rewritten"
    );
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn second_fix_run_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for (i, seed) in [
        "000_f0aba9f6e7a93dc8.txt",
        "001_b076359117b8e084.txt",
        "003_aa80568b4da406dd.txt",
    ]
    .iter()
    .enumerate()
    {
        let text =
            fs::read_to_string(format!("{}/seeds/{seed}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        fs::write(dir.path().join(format!("{i}.txt")), text).unwrap();
    }
    run(copylint().args(["fix", "--unsafe-fixes"]).arg(dir.path()));
    let after: Vec<String> = (0..3)
        .map(|i| fs::read_to_string(dir.path().join(format!("{i}.txt"))).unwrap())
        .collect();
    let (_, out, _) = run(copylint()
        .args(["check", "--diff", "--unsafe-fixes"])
        .arg(dir.path()));
    assert_eq!(out, "", "fixes converge in one run");
    let again: Vec<String> = (0..3)
        .map(|i| fs::read_to_string(dir.path().join(format!("{i}.txt"))).unwrap())
        .collect();
    assert_eq!(after, again);
}

#[cfg(unix)]
#[test]
fn unwritable_file_is_reported_and_left_intact() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    fs::write(&f, TEXT).unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let (code, _, err) = run(copylint().arg("fix").arg(&f));
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    if fs::read_to_string(&f).unwrap() != TEXT {
        return; // running as root: the directory was writable after all
    }
    assert_eq!(code, 2);
    assert!(err.contains("cannot write fixes"), "{err}");
}
