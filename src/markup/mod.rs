//! Markup-aware input: HTML and Markdown are linted as the reader sees them.
//!
//! Extraction turns the source into visible text plus an [`OffsetMap`] from visible
//! bytes back to source bytes. Rules run on the visible text and know nothing about
//! markup; every span, label and edit they produce is then mapped back, so output
//! and fixes point at the source file. Plain text never comes here.
//!
//! Layout follows the reader: HTML whitespace collapses, block elements (`p`, `div`,
//! `li`, `h1`–`h6`, `blockquote`, `td`, …) become paragraph breaks and `br` a line
//! break, so line- and paragraph-based rules see the structure plain copy has.
//! Scripts, styles, code, comments and attribute values are not copy; `alt` and
//! `title` values (HTML) and image alt text (Markdown) are linted as segments of
//! their own, by every rule except the page-chrome (boilerplate) ones.

pub mod entity;
pub mod html;
pub mod map;
pub mod markdown;

use crate::diagnostic::{Applicability, Category, Diagnostic, Suggestion};
use crate::linter::Linter;
use crate::span::Span;
pub use map::OffsetMap;
use std::path::Path;

/// What kind of source a file holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum InputKind {
    #[default]
    Text,
    Html,
    Markdown,
}

impl InputKind {
    /// By extension: `.html .htm .xhtml` → HTML, `.md .markdown` → Markdown, else text.
    pub fn from_path(path: &Path) -> InputKind {
        let ext = path
            .extension()
            .and_then(|x| x.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("html" | "htm" | "xhtml") => InputKind::Html,
            Some("md" | "markdown") => InputKind::Markdown,
            _ => InputKind::Text,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            InputKind::Text => "text",
            InputKind::Html => "html",
            InputKind::Markdown => "markdown",
        }
    }

    pub fn parse(s: &str) -> Option<InputKind> {
        match s {
            "text" => Some(InputKind::Text),
            "html" => Some(InputKind::Html),
            "markdown" => Some(InputKind::Markdown),
            _ => None,
        }
    }
}

/// The word shown in place of inline code and images, which the reader sees but
/// which are not copy. Findings that begin or end on it are dropped.
pub const PLACEHOLDER: &str = "code";

/// Where a segment's text sits in the source, which decides how a replacement must
/// be written there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentKind {
    /// Plain text: visible text is the source.
    Text,
    /// HTML text content.
    HtmlText,
    /// An HTML attribute value quoted with this character.
    HtmlAttr(char),
    HtmlAttrUnquoted,
    /// Markdown prose.
    Markdown,
}

/// One run of visible prose and its map back to the source.
#[derive(Clone, Debug)]
pub struct Segment {
    pub kind: SegmentKind,
    pub text: String,
    pub map: OffsetMap,
}

/// The visible text of a source: the body first, then attribute and alt-text segments.
#[derive(Clone, Debug)]
pub struct Extraction {
    pub segments: Vec<Segment>,
    /// Source ranges of code blocks: a suppression comment shown there as an example is
    /// not a suppression.
    pub code: Vec<Span>,
}

impl Extraction {
    pub fn body(&self) -> &str {
        self.segments.first().map_or("", |s| s.text.as_str())
    }
}

/// Visible text of `source`. Plain text is one verbatim segment.
pub fn extract(source: &str, kind: InputKind) -> Extraction {
    match kind {
        InputKind::Html => html::extract(source),
        InputKind::Markdown => markdown::extract(source),
        InputKind::Text => {
            let mut b = map::Builder::default();
            b.verbatim(source, 0);
            let (text, map) = b.finish();
            Extraction {
                segments: vec![Segment {
                    kind: SegmentKind::Text,
                    text,
                    map,
                }],
                code: Vec::new(),
            }
        }
    }
}

/// Lints the visible text of a markup source; findings are in source coordinates.
pub fn lint(linter: &Linter, source: &str, kind: InputKind) -> Vec<Diagnostic> {
    if kind == InputKind::Text {
        return linter.lint(source);
    }
    let ex = extract(source, kind);
    let mut out = Vec::new();
    for (k, seg) in ex.segments.iter().enumerate() {
        if seg.text.trim().is_empty() {
            continue;
        }
        out.extend(
            linter
                .lint(&seg.text)
                .into_iter()
                // Page-chrome rules judge lines of the page; a one-line alt or title
                // text ("Share", "Print") would always look like one.
                .filter(|d| k == 0 || d.category != Category::Boilerplate)
                .filter_map(|d| map_diagnostic(d, seg, source)),
        );
    }
    // Suppression comments live in the markup, not in the visible text.
    crate::suppress::apply_outside(
        &crate::Document::new(source),
        &mut out,
        linter.reports_unused_suppressions(),
        &ex.code,
    );
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out.dedup();
    out
}

/// Moves one finding from visible-text to source coordinates; `None` for a finding
/// about a placeholder (code or an image, not copy).
pub fn map_diagnostic(mut d: Diagnostic, seg: &Segment, source: &str) -> Option<Diagnostic> {
    if seg.map.touches_opaque(d.span) {
        return None;
    }
    d.span = seg.map.to_source(d.span);
    for l in &mut d.labels {
        l.span = seg.map.to_source(l.span);
    }
    d.suggestions = d
        .suggestions
        .into_iter()
        .map(|s| map_suggestion(s, seg, source))
        .collect();
    Some(d)
}

/// Maps every edit; a suggestion whose edits cannot be made exactly in the source
/// (crossing a tag, cutting an entity, a replacement the markup cannot hold) is kept
/// for display only.
fn map_suggestion(s: Suggestion, seg: &Segment, source: &str) -> Suggestion {
    let exact: Option<Vec<_>> = s
        .edits
        .iter()
        .map(|e| {
            let r = escape(&e.replacement, seg.kind)?;
            let mut edit = seg.map.edit_to_source(&seg.text, e.span(), &r)?;
            if seg.kind == SegmentKind::Markdown && edit.replacement.is_empty() {
                widen_over_emphasis(source, &mut edit);
            }
            Some(edit)
        })
        .collect();
    match exact {
        Some(edits) => Suggestion { edits, ..s },
        None => Suggestion {
            applicability: Applicability::Display,
            edits: s
                .edits
                .iter()
                .map(|e| crate::diagnostic::Edit::new(seg.map.to_source(e.span()), &*e.replacement))
                .collect(),
            ..s
        },
    }
}

/// Deleting all of `*text*` must take the delimiters too: left empty, `**` would
/// show as text.
fn widen_over_emphasis(source: &str, edit: &mut crate::diagnostic::Edit) {
    let b = source.as_bytes();
    while edit.start > 0
        && edit.end < b.len()
        && matches!(b[edit.start - 1], b'*' | b'_' | b'~')
        && b[edit.start - 1] == b[edit.end]
    {
        edit.start -= 1;
        edit.end += 1;
    }
}

/// The replacement as the source must spell it, or `None` when it cannot be written
/// there without changing the markup.
fn escape(r: &str, kind: SegmentKind) -> Option<String> {
    match kind {
        SegmentKind::Text => Some(r.to_string()),
        SegmentKind::HtmlText => Some(html_escape(r, None)),
        SegmentKind::HtmlAttr(q) => Some(html_escape(r, Some(q))),
        SegmentKind::HtmlAttrUnquoted => {
            let bad = |c: char| c.is_ascii_whitespace() || "\"'=<>`".contains(c);
            (!r.contains(bad)).then(|| html_escape(r, None))
        }
        // Inline Markdown syntax in a replacement would change the rendering.
        SegmentKind::Markdown => {
            (!r.contains(['\\', '`', '*', '_', '[', ']', '<', '&', '|'])).then(|| r.to_string())
        }
    }
}

fn html_escape(r: &str, quote: Option<char>) -> String {
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if quote == Some('"') => out.push_str("&quot;"),
            '\'' if quote == Some('\'') => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Every source span a segment's map can produce for spans on char boundaries of the
/// visible text; used by tests to check the map never splits a character.
#[doc(hidden)]
pub fn all_mapped_spans(seg: &Segment) -> Vec<Span> {
    let idx: Vec<usize> = seg
        .text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(seg.text.len()))
        .collect();
    let mut out = Vec::new();
    for (k, &a) in idx.iter().enumerate() {
        for &b in &idx[k..] {
            out.push(seg.map.to_source(Span::new(a, b)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_from_extension() {
        assert_eq!(InputKind::from_path(Path::new("a/b.HTML")), InputKind::Html);
        assert_eq!(InputKind::from_path(Path::new("x.xhtml")), InputKind::Html);
        assert_eq!(InputKind::from_path(Path::new("x.md")), InputKind::Markdown);
        assert_eq!(InputKind::from_path(Path::new("x.txt")), InputKind::Text);
        assert_eq!(InputKind::from_path(Path::new("<stdin>")), InputKind::Text);
    }

    #[test]
    fn replacements_are_escaped_for_their_place() {
        assert_eq!(escape("a & b", SegmentKind::HtmlText).unwrap(), "a &amp; b");
        assert_eq!(
            escape("it's \"x\"", SegmentKind::HtmlAttr('"')).unwrap(),
            "it's &quot;x&quot;"
        );
        assert_eq!(escape("a b", SegmentKind::HtmlAttrUnquoted), None);
        assert_eq!(escape("*x*", SegmentKind::Markdown), None);
        assert_eq!(escape("it’s", SegmentKind::Markdown).unwrap(), "it’s");
    }
}
