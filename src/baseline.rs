//! Baselines for plain-text copy, where no suppression comment can be written: the
//! current findings are recorded by a fingerprint that does not depend on where they
//! are (rule, flagged text, neighbouring words), so edits elsewhere keep it valid.

use crate::diagnostic::Diagnostic;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Baseline {
    pub version: u32,
    /// path → fingerprint → how many findings carry it.
    pub files: BTreeMap<String, BTreeMap<String, usize>>,
}

/// How many words either side of the finding go into its fingerprint.
const CONTEXT_WORDS: usize = 3;

/// `rule|words before|flagged text|words after`, whitespace-normalised.
pub fn fingerprint(text: &str, d: &Diagnostic) -> String {
    // Context stays within the finding's own lines, so edits to other lines never
    // change a fingerprint.
    let before = text.get(..d.span.start).unwrap_or("");
    let before = &before[before.rfind(['\n', '\r']).map_or(0, |i| i + 1)..];
    let after = text.get(d.span.end..).unwrap_or("");
    let after = &after[..after.find(['\n', '\r']).unwrap_or(after.len())];
    let flagged = d
        .span
        .text(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut b: Vec<&str> = before
        .split_whitespace()
        .rev()
        .take(CONTEXT_WORDS)
        .collect();
    b.reverse();
    let a: Vec<&str> = after.split_whitespace().take(CONTEXT_WORDS).collect();
    format!("{}|{}|{}|{}", d.rule, b.join(" "), flagged, a.join(" "))
}

impl Baseline {
    pub fn new() -> Self {
        Baseline {
            version: 1,
            files: BTreeMap::new(),
        }
    }

    pub fn record(&mut self, path: &str, text: &str, diags: &[Diagnostic]) {
        let entry = self.files.entry(path.to_string()).or_default();
        for d in diags {
            *entry.entry(fingerprint(text, d)).or_default() += 1;
        }
    }

    /// Drops the findings the baseline knows; each recorded fingerprint absorbs as many
    /// findings as it counted, so a new copy of an old problem is still reported.
    pub fn filter(&self, path: &str, text: &str, diags: &mut Vec<Diagnostic>) -> usize {
        let Some(known) = self.files.get(path) else {
            return 0;
        };
        Self::filter_known(&mut known.clone(), text, diags)
    }

    /// Drops the findings that `left` (fingerprint → how many more it absorbs) still
    /// knows, counting it down: the segments of a large file share one allowance.
    pub fn filter_known(
        left: &mut BTreeMap<String, usize>,
        text: &str,
        diags: &mut Vec<Diagnostic>,
    ) -> usize {
        let before = diags.len();
        diags.retain(|d| match left.get_mut(&fingerprint(text, d)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        });
        before - diags.len()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    pub fn from_json(s: &str) -> Result<Baseline, String> {
        let b: Baseline = serde_json::from_str(s).map_err(|e| e.to_string())?;
        if b.version != 1 {
            return Err(format!("unsupported baseline version {}", b.version));
        }
        Ok(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn survives_edits_elsewhere() {
        let text = "Intro.\n\nIt&#39;s here.\n";
        let diags = crate::lint(text);
        let mut b = Baseline::new();
        b.record("a.txt", text, &diags);
        let edited = "A new first paragraph.\n\nIntro.\n\nIt&#39;s here.\n";
        let mut d2 = crate::lint(edited);
        assert_eq!(b.filter("a.txt", edited, &mut d2), 1);
        assert!(d2.is_empty());
        let more = "It&#39;s here.\n\nThe mayor&#39;s aide.\n";
        let mut d3 = crate::lint(more);
        b.filter("a.txt", more, &mut d3);
        assert_eq!(d3.len(), 1, "a new finding is still reported");
    }
}
