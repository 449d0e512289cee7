//! The `explain` text of a rule file. Shared with build.rs, which writes it into
//! the binary for the embedded files so that start-up formats no docs.

/// The description, then each example as a fenced block marked `flag` (must be
/// flagged) or `pass` (must not be), which `tests/rule_docs.rs` runs.
pub fn rule_docs<'a>(
    description: &str,
    flag: impl IntoIterator<Item = &'a str>,
    pass: impl IntoIterator<Item = &'a str>,
) -> String {
    let mut out = format!("{}\n\n## Example\n", description.trim_end());
    for (mark, list) in [
        ("flag", flag.into_iter().collect::<Vec<_>>()),
        ("pass", pass.into_iter().collect()),
    ] {
        for e in list {
            out.push_str(&format!("```text {mark}\n{e}\n```\n"));
        }
    }
    out
}
