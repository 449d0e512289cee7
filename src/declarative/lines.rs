//! The normal form of a line for whole-line phrases. Depends on std only:
//! `build.rs` includes this file to normalise the embedded files' phrases at build
//! time.

/// Lower-cases (unless case-sensitive), collapses white space and strips the
/// punctuation around a line, so `Comments are closed.` matches `comments are closed`.
pub fn normalise_line(s: &str, case_sensitive: bool) -> String {
    let t = trim_line(s);
    let mut out = String::with_capacity(t.len());
    for w in t.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if case_sensitive {
            out.push_str(w);
        } else {
            out.extend(w.chars().flat_map(char::to_lowercase));
        }
    }
    out
}

/// A line without the white space and punctuation around it.
pub fn trim_line(s: &str) -> &str {
    s.trim_matches(|c: char| {
        c.is_whitespace()
            || (c.is_ascii_punctuation() && c != '#' && c != '@')
            || "“”‘’«»–—…·|•".contains(c)
    })
}
