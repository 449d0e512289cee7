//! Code actions: one quick fix per applicable suggestion of a finding under the
//! cursor (safe ones preferred), and a source action that applies every safe fix
//! until the text is stable.

use super::position::PositionIndex;
use super::to_lsp;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::fix::fix_until_stable;
use crate::linter::Linter;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::HashMap;

/// The kind of the "fix all safe" action, under `source.fixAll` so that editors can
/// run it on save.
pub const FIX_ALL_KIND: &str = "source.fixAll.copylint";

fn wanted(only: Option<&Vec<CodeActionKind>>, kind: &str) -> bool {
    only.is_none_or(|ks| {
        ks.iter().any(|k| {
            let k = k.as_str();
            kind == k || kind.strip_prefix(k).is_some_and(|r| r.starts_with('.'))
        })
    })
}

fn capitalize(s: &str) -> String {
    let mut cs = s.chars();
    cs.next()
        .map(|c| c.to_uppercase().collect::<String>() + cs.as_str())
        .unwrap_or_default()
}

fn workspace_edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit::new(HashMap::from([(uri.clone(), edits)]))
}

/// The one edit that turns `old` into `new`: the changed middle, on char boundaries.
pub fn minimal_edit(old: &str, new: &str) -> (usize, usize, String) {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let mut pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    while !old.is_char_boundary(pre) {
        pre -= 1;
    }
    let max_suf = a.len().min(b.len()) - pre;
    let mut suf = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(max_suf)
        .take_while(|(x, y)| x == y)
        .count();
    while !old.is_char_boundary(a.len() - suf) {
        suf -= 1;
    }
    (pre, a.len() - suf, new[pre..b.len() - suf].to_string())
}

pub fn code_actions(
    uri: &Uri,
    text: &str,
    diagnostics: &[Diagnostic],
    params: &CodeActionParams,
    linter: impl FnOnce() -> Option<(Linter, crate::markup::InputKind)>,
) -> Vec<CodeActionOrCommand> {
    let idx = PositionIndex::new(text);
    let only = params.context.only.as_ref();
    let mut out = Vec::new();
    if wanted(only, CodeActionKind::QUICKFIX.as_str()) {
        let (a, b) = (idx.offset(params.range.start), idx.offset(params.range.end));
        for d in diagnostics
            .iter()
            .filter(|d| d.span.start <= b && a <= d.span.end)
        {
            for s in d
                .suggestions
                .iter()
                .filter(|s| s.applicability != Applicability::Display && !s.edits.is_empty())
            {
                let edits = s
                    .edits
                    .iter()
                    .map(|e| TextEdit::new(idx.range(e.span()), e.replacement.clone()))
                    .collect();
                let unsafe_note = if s.applicability == Applicability::Unsafe {
                    ", unsafe"
                } else {
                    ""
                };
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("{} ({}{unsafe_note})", capitalize(&s.message), d.rule),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![to_lsp(uri, &idx, d)]),
                    edit: Some(workspace_edit(uri, edits)),
                    is_preferred: Some(s.applicability == Applicability::Safe),
                    ..Default::default()
                }));
            }
        }
    }
    let any_safe = diagnostics.iter().any(|d| {
        d.suggestions
            .iter()
            .any(|s| s.applicability == Applicability::Safe)
    });
    if any_safe
        && wanted(only, FIX_ALL_KIND)
        && let Some((linter, kind)) = linter()
    {
        let fixed = fix_until_stable(&linter, text, kind, Applicability::Safe);
        if fixed.fixed > 0 && fixed.text != text {
            let (start, end, new_text) = minimal_edit(text, &fixed.text);
            let range = lsp_types::Range::new(idx.position(start), idx.position(end));
            out.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!(
                    "Fix all safe copylint problems ({} fix{})",
                    fixed.fixed,
                    if fixed.fixed == 1 { "" } else { "es" }
                ),
                kind: Some(CodeActionKind::from(FIX_ALL_KIND)),
                edit: Some(workspace_edit(uri, vec![TextEdit::new(range, new_text)])),
                ..Default::default()
            }));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_edits_stay_on_char_boundaries() {
        assert_eq!(minimal_edit("abc", "abc"), (3, 3, String::new()));
        assert_eq!(minimal_edit("a&amp;b", "a&b"), (2, 6, String::new()));
        // é (c3 a9) vs è (c3 a8): same first byte, the edit takes the whole char.
        assert_eq!(minimal_edit("xéy", "xèy"), (1, 3, "è".into()));
        assert_eq!(minimal_edit("aa", "aaa"), (2, 2, "a".into()));
        assert_eq!(minimal_edit("", "x"), (0, 0, "x".into()));
    }

    #[test]
    fn kinds_filter_by_prefix() {
        let only = vec![CodeActionKind::SOURCE_FIX_ALL];
        assert!(wanted(Some(&only), FIX_ALL_KIND));
        assert!(!wanted(Some(&only), "quickfix"));
        assert!(wanted(None, "quickfix"));
        let only = vec![CodeActionKind::from("source.fix")];
        assert!(!wanted(Some(&only), FIX_ALL_KIND));
    }
}
