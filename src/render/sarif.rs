use super::{FileReport, LineIndex, Reporter, Summary};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rule::Rule;
use crate::span::Span;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::Arc;

/// SARIF 2.1.0, for code-scanning dashboards. One run; the rule metadata of every
/// rule the linter ran; one artifact per file; columns in Unicode code points (the
/// run says so), plus byte offsets that fixes use.
pub struct Sarif<'w> {
    out: &'w mut dyn Write,
    rules: Vec<Arc<dyn Rule>>,
    rule_index: HashMap<&'static str, usize>,
    artifacts: Vec<Value>,
    results: Vec<Value>,
}

pub const SARIF_SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

impl<'w> Sarif<'w> {
    /// `rules`: the rules that ran, for `tool.driver.rules`.
    pub fn new(out: &'w mut dyn Write, rules: &[Arc<dyn Rule>]) -> Self {
        let rules = rules.to_vec();
        let rule_index = rules
            .iter()
            .enumerate()
            .map(|(k, r)| (r.meta().id, k))
            .collect();
        Sarif {
            out,
            rules,
            rule_index,
            artifacts: Vec::new(),
            results: Vec::new(),
        }
    }
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// `entity-leak` → `EntityLeak`.
fn pascal_case(id: &str) -> String {
    id.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|c| c.to_ascii_uppercase().to_string() + cs.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// SARIF's `name`: the category and the id in PascalCase (`EncodingEntityLeak`). The
/// multitool (SARIF1001) refuses a name equal to the id ignoring case, which a bare
/// `Mojibake` for `mojibake` would be.
fn rule_name(id: &str, category: &str) -> String {
    let pascal = pascal_case(id);
    let cat = pascal_case(category);
    let name = if pascal.starts_with(&cat) {
        pascal
    } else {
        cat + &pascal
    };
    if name.eq_ignore_ascii_case(id) {
        name + "Rule"
    } else {
        name
    }
}

/// The first paragraph under `## What it does`, or the summary when there is none.
fn full_description(docs: &str, summary: &str) -> String {
    let mut lines = docs
        .lines()
        .skip_while(|l| !l.starts_with("## What it does"));
    lines.next();
    let para: Vec<&str> = lines
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::trim)
        .collect();
    if para.is_empty() {
        summary.to_string()
    } else {
        para.join(" ")
    }
}

fn rule_descriptor(rule: &dyn Rule) -> Value {
    let m = rule.meta();
    let docs = m.docs_text();
    json!({
        "id": m.id,
        "name": rule_name(m.id, m.category.as_str()),
        "shortDescription": { "text": m.summary },
        "fullDescription": { "text": full_description(&docs, &m.summary) },
        "help": { "text": docs, "markdown": docs },
        "defaultConfiguration": { "level": level(m.severity) },
        "properties": {
            "category": m.category,
            "fix": m.fix.as_str(),
            "source": m.source.describe(),
            "tags": [m.category.as_str()],
        },
    })
}

/// A file path as a URI reference: absolute paths become `file:` URIs, relative ones
/// stay relative (resolved against `%SRCROOT%`, the directory copylint ran in).
pub fn path_to_uri(path: &str) -> (String, bool) {
    let slashed = path.replace('\\', "/");
    let is_drive =
        slashed.as_bytes().get(1) == Some(&b':') && slashed.as_bytes()[0].is_ascii_alphabetic();
    if slashed.starts_with('/') {
        (format!("file://{}", percent_encode(&slashed)), true)
    } else if is_drive {
        (format!("file:///{}", percent_encode(&slashed)), true)
    } else {
        let rel = slashed.trim_start_matches("./");
        (percent_encode(rel), false)
    }
}

/// Percent-encodes everything but unreserved characters, `/` and a drive's `:`.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (k, b) in s.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            || (b == b':' && k == 1 && s.as_bytes()[0].is_ascii_alphabetic());
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn mime_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("md" | "markdown") => "text/markdown",
        Some("html" | "htm") => "text/html",
        _ => "text/plain",
    }
}

fn region(idx: &LineIndex, span: Span) -> Value {
    let (start_line, start_column) = idx.line_col(span.start);
    let (end_line, end_column) = idx.line_col(span.end);
    json!({
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
        "byteOffset": span.start,
        "byteLength": span.end.saturating_sub(span.start),
    })
}

impl Sarif<'_> {
    fn result(&self, artifact: &Value, idx: &LineIndex, f: &FileReport, d: &Diagnostic) -> Value {
        let mut region = region(idx, d.span);
        let snippet = f.origin.local(d.span).text(f.text);
        if !snippet.is_empty() {
            region["snippet"] = json!({ "text": snippet });
        }
        let mut r = json!({
            "ruleId": d.rule,
            "level": level(d.severity),
            "message": { "text": d.message },
            "locations": [{
                "physicalLocation": { "artifactLocation": artifact, "region": region },
            }],
            "properties": { "category": d.category },
        });
        if let Some(k) = self.rule_index.get(d.rule) {
            r["ruleIndex"] = json!(k);
        }
        if !d.notes.is_empty() {
            r["properties"]["notes"] = json!(d.notes);
        }
        if !d.labels.is_empty() {
            r["relatedLocations"] = d
                .labels
                .iter()
                .enumerate()
                .map(|(k, l)| {
                    json!({
                        "id": k + 1,
                        "message": { "text": l.message },
                        "physicalLocation": {
                            "artifactLocation": artifact,
                            "region": self::region(idx, l.span),
                        },
                    })
                })
                .collect();
        }
        if !d.suggestions.is_empty() {
            r["fixes"] = d
                .suggestions
                .iter()
                .map(|s| {
                    let replacements: Vec<Value> = s
                        .edits
                        .iter()
                        .map(|e| {
                            json!({
                                "deletedRegion": {
                                    "byteOffset": e.start,
                                    "byteLength": e.end.saturating_sub(e.start),
                                },
                                "insertedContent": { "text": e.replacement },
                            })
                        })
                        .collect();
                    json!({
                        "description": { "text": s.message },
                        "artifactChanges": [{
                            "artifactLocation": artifact,
                            "replacements": replacements,
                        }],
                        "properties": { "applicability": s.applicability },
                    })
                })
                .collect();
        }
        r
    }
}

impl Reporter for Sarif<'_> {
    fn file(&mut self, f: &FileReport) -> io::Result<()> {
        let (uri, absolute) = path_to_uri(f.path);
        let mut location = json!({ "uri": uri });
        if !absolute {
            location["uriBaseId"] = json!("%SRCROOT%");
        }
        let length = f.origin.offset + f.text.len();
        match self.artifacts.last_mut() {
            // A further piece of the file reported last.
            Some(a) if f.origin.continued => a["length"] = json!(length),
            _ => self.artifacts.push(json!({
                "location": location.clone(),
                "length": length,
                "mimeType": mime_type(f.path),
                "encoding": "utf-8",
                "roles": ["analysisTarget"],
            })),
        }
        let mut artifact = location;
        artifact["index"] = json!(self.artifacts.len() - 1);
        let idx = f.line_index();
        for d in f.diagnostics {
            let r = self.result(&artifact, &idx, f, d);
            self.results.push(r);
        }
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        let rules: Vec<Value> = self
            .rules
            .iter()
            .map(|r| rule_descriptor(r.as_ref()))
            .collect();
        let log = json!({
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {
                    "driver": {
                        "name": "copylint",
                        "version": env!("CARGO_PKG_VERSION"),
                        "semanticVersion": env!("CARGO_PKG_VERSION"),
                        "rules": rules,
                    },
                },
                "columnKind": "unicodeCodePoints",
                "artifacts": std::mem::take(&mut self.artifacts),
                "results": std::mem::take(&mut self.results),
            }],
        });
        serde_json::to_writer_pretty(&mut *self.out, &log)?;
        writeln!(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linter::default_registry;

    fn render(path: &str, text: &str) -> Value {
        let linter = default_registry().linter();
        let diags = linter.lint(text);
        let mut buf = Vec::new();
        let mut r = Sarif::new(&mut buf, linter.rules());
        r.file(&FileReport::new(path, text, &diags)).unwrap();
        r.finish(&Summary::default()).unwrap();
        serde_json::from_slice(&buf).unwrap()
    }

    #[test]
    fn uris() {
        assert_eq!(path_to_uri("./a b/c.txt"), ("a%20b/c.txt".into(), false));
        assert_eq!(
            path_to_uri("/tmp/x#1.txt"),
            ("file:///tmp/x%231.txt".into(), true)
        );
        assert_eq!(
            path_to_uri("C:\\x\\y.md"),
            ("file:///C:/x/y.md".into(), true)
        );
        assert_eq!(path_to_uri("<stdin>"), ("%3Cstdin%3E".into(), false));
    }

    #[test]
    fn names_and_descriptions() {
        assert_eq!(pascal_case("entity-leak"), "EntityLeak");
        assert_eq!(rule_name("entity-leak", "encoding"), "EncodingEntityLeak");
        assert_eq!(rule_name("mojibake", "encoding"), "EncodingMojibake");
        assert_eq!(rule_name("spam-link", "spam"), "SpamLink");
        assert_eq!(rule_name("spam", "spam"), "SpamRule");
        let docs = "## What it does\nFlags this\nand that.\n\nMore.\n## Why is this bad?\n";
        assert_eq!(full_description(docs, "s"), "Flags this and that.");
        assert_eq!(full_description("no sections", "s"), "s");
    }

    #[test]
    fn results_with_regions_and_fixes() {
        let text = "Ça va. It&#39;s here.\n";
        let log = render("story.txt", text);
        let run = &log["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        assert_eq!(rules.len(), default_registry().rules().len());
        let r = &run["results"][0];
        assert_eq!(r["ruleId"], "entity-leak");
        assert_eq!(
            rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"],
            "entity-leak"
        );
        assert_eq!(r["level"], "error");
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startColumn"], 10);
        assert_eq!(region["endColumn"], 15);
        assert_eq!(region["byteOffset"], 10);
        assert_eq!(region["byteLength"], 5);
        assert_eq!(region["snippet"]["text"], "&#39;");
        let rep = &r["fixes"][0]["artifactChanges"][0]["replacements"][0];
        assert_eq!(rep["deletedRegion"]["byteOffset"], 10);
        assert_eq!(rep["insertedContent"]["text"], "'");
        let loc = &r["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(loc["uri"], "story.txt");
        assert_eq!(loc["index"], 0);
        assert_eq!(run["artifacts"][0]["length"], text.len());
    }

    /// A buggy rule's spans (reversed, out of bounds, inside a character) must not
    /// make any of the new formats panic.
    #[test]
    fn malformed_spans_do_not_panic() {
        use crate::diagnostic::{Applicability, Category};
        use crate::render::{Github, Html, JsonLines};
        let text = "é😀\r\nx";
        let mut diags = Vec::new();
        for (a, b) in [(5, 2), (1, 3), (90, 99), (3, 3), (0, 100)] {
            let mut d = Diagnostic {
                rule: "entity-leak",
                category: Category::Encoding,
                severity: Severity::Error,
                message: "m".into(),
                span: Span::new(a, b),
                labels: Vec::new(),
                notes: Vec::new(),
                suggestions: Vec::new(),
            };
            d.label(Span::new(b, a), "l");
            d.replace("r", Span::new(a, b), "x", Applicability::Safe);
            diags.push(d);
        }
        let report = FileReport::new("a.txt", text, &diags);
        let rules = default_registry().linter().rules().to_vec();
        for format in 0..4 {
            let mut buf = Vec::new();
            let mut r: Box<dyn Reporter> = match format {
                0 => Box::new(Sarif::new(&mut buf, &rules)),
                1 => Box::new(Github::new(&mut buf)),
                2 => Box::new(JsonLines::new(&mut buf)),
                _ => Box::new(Html::new(&mut buf)),
            };
            r.file(&report).unwrap();
            r.finish(&Summary::default()).unwrap();
            drop(r);
            assert!(!buf.is_empty());
        }
    }
}
