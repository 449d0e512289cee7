//! Embeds every `lints/*.toml` in the binary, so phrase rules ship without a rebuild
//! step of their own: dropping a file in `lints/` is enough.
//!
//! For each pattern of those files it also works out a cheap test of whether a
//! document can match it (src/declarative/prefilter.rs), so that at run time a
//! pattern is compiled only for documents that pass, and start-up parses no regex.
use std::{env, fs, path::Path};

#[allow(dead_code)]
#[path = "src/declarative/prefilter.rs"]
mod prefilter;

#[allow(dead_code)]
#[path = "src/declarative/lines.rs"]
mod lines;

#[path = "src/declarative/docs.rs"]
mod docs;

fn main() {
    println!("cargo:rerun-if-changed=lints");
    println!("cargo:rerun-if-changed=src/declarative/prefilter.rs");
    println!("cargo:rerun-if-changed=src/declarative/lines.rs");
    println!("cargo:rerun-if-changed=src/declarative/docs.rs");
    // A position-dependent executable on x86-64 Linux: the loader then has no
    // relocations to apply to the rule tables at start-up (34k of them as PIE),
    // which is ~0.5 ms of a 5 ms editor-on-save run. Binaries only: the library,
    // tests and proc macros keep the default.
    if env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux")
        && env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("x86_64")
    {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("lints");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "toml"));
    files.sort();
    let mut out = String::from(
        "pub static EMBEDDED_LINTS: &[(&str, &str, Option<EmbeddedFile>, PatternFilters)] = &[\n",
    );
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        println!("cargo:rerun-if-changed={}", f.display());
        let text = fs::read_to_string(&f).unwrap_or_default();
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?}), {}, &[{}]),\n",
            f.display().to_string(),
            embedded_file(&text),
            pattern_filters(&text)
        ));
    }
    out.push_str("];\n");
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("embedded_lints.rs"),
        out,
    )
    .unwrap();
}

/// The rule file's fields as Rust source for an `Option<EmbeddedFile>`, so that
/// start-up parses no TOML. `None` when the file has anything unexpected: the
/// program then parses the text itself and reports the problem.
fn embedded_file(text: &str) -> String {
    const KNOWN: &[&str] = &[
        "id",
        "category",
        "severity",
        "kind",
        "summary",
        "description",
        "message",
        "phrases",
        "patterns",
        "substitutions",
        "case_sensitive",
        "whole_word",
        "whole_line",
        "fix",
        "replacement",
        "applicability",
        "examples",
        "counterexamples",
    ];
    let Ok(t) = text.parse::<toml::Table>() else {
        return "None".into();
    };
    if t.keys().any(|k| !KNOWN.contains(&k.as_str())) {
        return "None".into();
    }
    let string = |k: &str| t.get(k).map(|v| v.as_str().map(|s| format!("{s:?}")));
    let opt_string = |k: &str| match string(k) {
        None => Some("None".to_string()),
        Some(Some(s)) => Some(format!("Some({s})")),
        Some(None) => None,
    };
    let flag = |k: &str| match t.get(k) {
        None => Some(None),
        Some(v) => v.as_bool().map(Some),
    };
    let list = |k: &str| -> Option<String> {
        let Some(v) = t.get(k) else {
            return Some("&[]".into());
        };
        let mut out = String::from("&[");
        for item in v.as_array()? {
            out.push_str(&format!("{:?}, ", item.as_str()?));
        }
        out.push(']');
        Some(out)
    };
    let substitutions = || -> Option<String> {
        let Some(v) = t.get("substitutions") else {
            return Some("&[]".into());
        };
        let map: std::collections::BTreeMap<&String, &str> = v
            .as_table()?
            .iter()
            .map(|(k, v)| v.as_str().map(|v| (k, v)))
            .collect::<Option<_>>()?;
        let mut out = String::from("&[");
        for (k, v) in map {
            out.push_str(&format!("({k:?}, {v:?}), "));
        }
        out.push(']');
        Some(out)
    };
    // Whole-line phrases in their normal form (see src/declarative/lines.rs).
    let normalised = || -> Option<String> {
        let whole_line = flag("whole_line")?.unwrap_or(false);
        let case_sensitive = flag("case_sensitive")?.unwrap_or(false);
        if !whole_line || t.get("kind").and_then(|k| k.as_str()) != Some("phrase") {
            return Some("&[]".into());
        }
        let mut out = String::from("&[");
        for p in t.get("phrases")?.as_array()? {
            let n = lines::normalise_line(p.as_str()?, case_sensitive);
            out.push_str(&format!("{n:?}, "));
        }
        out.push(']');
        Some(out)
    };
    let strings = |k: &str| -> Option<Vec<&str>> {
        match t.get(k) {
            None => Some(Vec::new()),
            Some(v) => v.as_array()?.iter().map(|i| i.as_str()).collect(),
        }
    };
    let docs = || -> Option<String> {
        let d = docs::rule_docs(
            t.get("description")?.as_str()?,
            strings("examples")?,
            strings("counterexamples")?,
        );
        Some(format!("{d:?}"))
    };
    let fields = || -> Option<String> {
        Some(format!(
            "Some(EmbeddedFile {{ id: {}, category: {}, severity: {}, kind: {}, summary: {}, \
             description: {}, message: {}, phrases: {}, patterns: {}, substitutions: {}, \
             case_sensitive: {:?}, whole_word: {:?}, whole_line: {:?}, fix: {}, \
             replacement: {}, applicability: {}, examples: {}, counterexamples: {}, \
             normalised: {}, docs: {} }})",
            string("id")??,
            string("category")??,
            opt_string("severity")?,
            string("kind")??,
            string("summary")??,
            string("description")??,
            string("message")??,
            list("phrases")?,
            list("patterns")?,
            substitutions()?,
            flag("case_sensitive")?,
            flag("whole_word")?,
            flag("whole_line")?,
            opt_string("fix")?,
            opt_string("replacement")?,
            opt_string("applicability")?,
            list("examples")?,
            list("counterexamples")?,
            normalised()?,
            docs()?,
        ))
    };
    fields().unwrap_or_else(|| "None".into())
}

/// Rust source for the filter of each pattern of a rule file: one `Some(&[Seq ..])`
/// or `None` per pattern. A file that does not parse gets none (the rule file
/// tests report it).
fn pattern_filters(text: &str) -> String {
    let Ok(table) = text.parse::<toml::Table>() else {
        return String::new();
    };
    let flag = |k: &str| table.get(k).and_then(|v| v.as_bool()).unwrap_or(false);
    let (case_sensitive, whole_line) = (flag("case_sensitive"), flag("whole_line"));
    let Some(patterns) = table.get("patterns").and_then(|v| v.as_array()) else {
        return String::new();
    };
    let mut out = String::new();
    for p in patterns {
        let filter = p.as_str().and_then(|p| {
            let source = prefilter::regex_source(p, whole_line);
            prefilter::pattern_filter(&source, !case_sensitive, whole_line)
        });
        match filter {
            Some(f) => out.push_str(&format!("Some({}), ", prefilter::to_rust(&f))),
            None => out.push_str("None, "),
        }
    }
    out
}
