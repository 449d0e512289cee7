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

fn main() {
    println!("cargo:rerun-if-changed=lints");
    println!("cargo:rerun-if-changed=src/declarative/prefilter.rs");
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("lints");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "toml"));
    files.sort();
    let mut out = String::from(
        "pub static EMBEDDED_LINTS: &[(&str, &str, crate::declarative::PatternFilters)] = &[\n",
    );
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        println!("cargo:rerun-if-changed={}", f.display());
        let text = fs::read_to_string(&f).unwrap_or_default();
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?}), &[{}]),\n",
            f.display().to_string(),
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
