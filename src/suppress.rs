//! Suppression comments: `<!-- copylint-disable RULE, RULE -->` … `<!-- copylint-enable -->`
//! and `<!-- copylint-disable-next-line RULE -->`. They are HTML comments, so they stay
//! invisible in rendered Markdown and HTML; plain-text copy uses a baseline instead.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::document::Document;
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it does
    /// Reports a `copylint-disable` comment that suppresses nothing: no finding of the
    /// rules it names lies in its range.
    ///
    /// ## Why is this bad?
    /// A stale suppression hides the next real problem in its range, and it is clutter
    /// in the source that editors must keep reading past.
    ///
    /// ## Example
    /// ```text flag
    /// <!-- copylint-disable-next-line entity-leak -->
    /// The minister said it is over.
    /// ```
    /// Use instead:
    /// ```text pass
    /// The minister said it is over.
    /// ```
    pub struct UnusedSuppression {
        id: "unused-suppression",
        category: Boilerplate,
        severity: Info,
        fix: Always,
        summary: "A suppression comment that suppresses nothing",
    }
}

impl Rule for UnusedSuppression {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    /// The work happens in [`apply`], after every other rule has run.
    fn check(&self, _doc: &Document, _out: &mut Emitter) {}
}

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*copylint-(disable-next-line|disable|enable)\b([^>]*?)\s*-->").unwrap()
});

struct Suppression {
    comment: Span,
    /// Rule ids or category names; empty means every rule.
    names: Vec<String>,
    region: Span,
    used: bool,
}

fn names(s: &str) -> Vec<String> {
    s.split([',', ' '])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(String::from)
        .collect()
}

fn parse(doc: &Document) -> Vec<Suppression> {
    let text = doc.text();
    let mut out: Vec<Suppression> = Vec::new();
    // Open `disable` regions: (index into `out`, rule name or "" for all).
    let mut open: Vec<(usize, String)> = Vec::new();
    for c in COMMENT.captures_iter(text) {
        let m = c.get(0).expect("match");
        let comment = Span::new(m.start(), m.end());
        let list = names(c.get(2).map_or("", |g| g.as_str()));
        match &c[1] {
            "disable-next-line" => {
                let line = doc.line_index(m.end());
                let region = doc
                    .lines()
                    .get(line + 1)
                    .map_or(Span::new(text.len(), text.len()), |l| {
                        Span::new(l.span.start, l.next.max(l.span.end))
                    });
                out.push(Suppression {
                    comment,
                    names: list,
                    region,
                    used: false,
                });
            }
            "disable" => {
                let idx = out.len();
                out.push(Suppression {
                    comment,
                    names: list.clone(),
                    region: Span::new(m.end(), text.len()),
                    used: false,
                });
                if list.is_empty() {
                    open.push((idx, String::new()));
                } else {
                    open.extend(list.into_iter().map(|n| (idx, n)));
                }
            }
            _ => {
                // `enable` closes every open region it names (all of them when bare).
                let closes =
                    |name: &String| list.is_empty() || list.contains(name) || name.is_empty();
                for (idx, _) in open.iter().filter(|(_, n)| closes(n)) {
                    out[*idx].region.end = out[*idx].region.end.min(m.start());
                }
                open.retain(|(_, n)| !closes(n));
            }
        }
    }
    out
}

fn names_rule(s: &Suppression, d: &Diagnostic) -> bool {
    s.names.is_empty()
        || s.names
            .iter()
            .any(|n| n == d.rule || n == d.category.as_str())
}

/// Drops suppressed findings; when `report_unused` is set, adds an
/// `unused-suppression` finding for every comment that suppressed nothing.
pub fn apply(doc: &Document, diags: &mut Vec<Diagnostic>, report_unused: bool) {
    apply_outside(doc, diags, report_unused, &[]);
}

/// [`apply`], ignoring comments that lie inside `code` (examples in a code block).
pub fn apply_outside(
    doc: &Document,
    diags: &mut Vec<Diagnostic>,
    report_unused: bool,
    code: &[Span],
) {
    if !doc.text().contains("copylint-") {
        return;
    }
    let mut sups = parse(doc);
    sups.retain(|s| !code.iter().any(|c| c.contains(s.comment.start)));
    if sups.is_empty() {
        return;
    }
    diags.retain(|d| {
        let mut keep = true;
        for s in sups.iter_mut() {
            if s.region.contains(d.span.start) && names_rule(s, d) {
                s.used = true;
                keep = false;
            }
        }
        keep
    });
    if report_unused {
        let mut out = Vec::new();
        let mut em = Emitter::new(&UnusedSuppression::META, &mut out);
        for s in sups.iter().filter(|s| !s.used) {
            let what = if s.names.is_empty() {
                "any rule".to_string()
            } else {
                format!("`{}`", s.names.join(", "))
            };
            let line = doc.lines()[doc.line_index(s.comment.start)].span;
            let alone = doc.slice(line).trim() == doc.slice(s.comment);
            let (span, a) = if alone {
                (
                    doc.line_with_terminator(s.comment.start),
                    Applicability::Safe,
                )
            } else {
                (s.comment, Applicability::Unsafe)
            };
            em.emit(
                s.comment,
                format!("suppression of {what} suppresses nothing"),
            )
            .replace("remove the comment", span, "", a);
        }
        diags.extend(out);
    }
}
