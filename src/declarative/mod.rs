//! Declarative rules: one TOML file per rule in `lints/`, in the spirit of Vale's
//! styles and Harper's self-testing rule files. A file is parsed strictly, compiled
//! once, and refused unless every example flags and every counterexample stays clean.

mod combined;
mod docs;
mod keyscan;
mod lines;
mod matcher;
pub mod prefilter;

pub use combined::Combined;
pub use matcher::PatternFilters;

use crate::diagnostic::{Applicability, Category, Severity, Suggestion};
use crate::document::Document;
use crate::rule::{Emitter, FixAvailability, Rule, RuleMeta, RuleSource};
use crate::span::Span;
use matcher::{Hit, Matcher};
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;
use toml::Spanned;

/// A rule file that could not be loaded, with a byte range into the file.
#[derive(Debug, Clone)]
pub struct RuleFileError {
    pub path: String,
    pub source: Arc<str>,
    pub span: Option<Range<usize>>,
    pub message: String,
}

impl std::fmt::Display for RuleFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
enum Kind {
    Phrase,
    Pattern,
    Substitution,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
enum FixKind {
    /// Remove the line the match is on: safe when the rule's matches cover all of it.
    DeleteLine,
    /// Remove the matched text.
    Delete,
    /// Replace the match (`replacement`, or the substitution's right-hand side).
    Replace,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    id: Spanned<String>,
    category: Category,
    severity: Option<Severity>,
    kind: Kind,
    summary: String,
    description: String,
    message: String,
    #[serde(default)]
    phrases: Vec<Spanned<String>>,
    #[serde(default)]
    patterns: Vec<Spanned<String>>,
    #[serde(default)]
    substitutions: BTreeMap<String, String>,
    #[serde(default)]
    case_sensitive: bool,
    whole_word: Option<bool>,
    #[serde(default)]
    whole_line: bool,
    fix: Option<FixKind>,
    replacement: Option<String>,
    applicability: Option<Applicability>,
    #[serde(default)]
    examples: Vec<Spanned<String>>,
    #[serde(default)]
    counterexamples: Vec<Spanned<String>>,
}

/// A rule file's fields as `build.rs` read them from an embedded file, so that
/// start-up does not parse TOML. Enums are kept as their TOML strings.
pub struct EmbeddedFile {
    pub id: &'static str,
    pub category: &'static str,
    pub severity: Option<&'static str>,
    pub kind: &'static str,
    pub summary: &'static str,
    pub description: &'static str,
    pub message: &'static str,
    pub phrases: &'static [&'static str],
    pub patterns: &'static [&'static str],
    /// Sorted by key.
    pub substitutions: &'static [(&'static str, &'static str)],
    pub case_sensitive: Option<bool>,
    pub whole_word: Option<bool>,
    pub whole_line: Option<bool>,
    pub fix: Option<&'static str>,
    pub replacement: Option<&'static str>,
    pub applicability: Option<&'static str>,
    pub examples: &'static [&'static str],
    pub counterexamples: &'static [&'static str],
    /// For whole-line phrase rules: each phrase in its normal form.
    pub normalised: &'static [&'static str],
    /// What `explain` prints, made by build.rs.
    pub docs: &'static str,
}

impl RuleFile {
    /// The same file as `toml::from_str` would give (spans aside: they are empty),
    /// or `None` if an enum value is unknown.
    fn from_embedded(e: &EmbeddedFile) -> Option<RuleFile> {
        fn parse<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
            use serde::de::IntoDeserializer;
            let d: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
                s.into_deserializer();
            T::deserialize(d).ok()
        }
        fn opt<T: serde::de::DeserializeOwned>(s: Option<&str>) -> Option<Option<T>> {
            match s {
                None => Some(None),
                Some(s) => parse(s).map(Some),
            }
        }
        let spanned = |s: &str| Spanned::new(0..0, s.to_string());
        let list = |l: &[&str]| l.iter().map(|s| spanned(s)).collect();
        Some(RuleFile {
            id: spanned(e.id),
            category: parse(e.category)?,
            severity: opt(e.severity)?,
            kind: parse(e.kind)?,
            summary: e.summary.to_string(),
            description: e.description.to_string(),
            message: e.message.to_string(),
            phrases: list(e.phrases),
            patterns: list(e.patterns),
            substitutions: e
                .substitutions
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            case_sensitive: e.case_sensitive.unwrap_or(false),
            whole_word: e.whole_word,
            whole_line: e.whole_line.unwrap_or(false),
            fix: opt(e.fix)?,
            replacement: e.replacement.map(str::to_string),
            applicability: opt(e.applicability)?,
            examples: list(e.examples),
            counterexamples: list(e.counterexamples),
        })
    }
}

pub struct DeclarativeRule {
    meta: RuleMeta,
    matcher: Matcher,
    message: String,
    fix: Option<FixKind>,
    replacement: Option<String>,
    applicability: Option<Applicability>,
}

/// A line that ends a hard-wrapped sentence ("…as seen in the\nphoto."): it opens in
/// lower case, ends like a sentence and sits right under running prose cut short. A
/// chrome label alone on a line never reads like that; the tail of a sentence does.
fn wrapped_continuation(doc: &Document, span: Span) -> bool {
    let text = doc.text();
    let li = doc.line_index(span.start);
    let line = doc.lines()[li].span;
    let own = text[line.start..line.end].trim();
    let opens_lower = own.chars().next().is_some_and(char::is_lowercase);
    let ends_sentence = own
        .trim_end_matches(['"', '\'', '’', '”', '»', ')'])
        .ends_with(['.', '!', '?']);
    if !opens_lower || !ends_sentence || li == 0 {
        return false;
    }
    // Running prose, cut mid-sentence: several words, ending in a lower-case letter
    // or a comma (a headline above a label rarely does both).
    let prev = doc.slice(doc.lines()[li - 1].span).trim_end();
    prev.split_whitespace().nth(7).is_some()
        && prev
            .chars()
            .next_back()
            .is_some_and(|c| c.is_lowercase() || c == ',')
}

/// Loads, compiles and self-tests one rule file.
pub fn load(path: &str, text: &str, source: RuleSource) -> Result<DeclarativeRule, RuleFileError> {
    load_with(path, text, None, source, None)
}

/// Loads a rule file without compiling its regexes or running its examples: for the
/// files embedded from `lints/`, whose examples `cargo test` runs
/// (tests/lint_files.rs), so start-up does not pay for them on every run. Each
/// pattern compiles on first use, and only for documents that pass its filter in
/// `filters` (one entry per pattern, worked out by `build.rs`). With `parsed`
/// (the same file as read by `build.rs`), `text` is not parsed again.
pub fn load_trusted(
    path: &str,
    text: &str,
    parsed: Option<&EmbeddedFile>,
    source: RuleSource,
    filters: PatternFilters,
) -> Result<DeclarativeRule, RuleFileError> {
    load_with(path, text, parsed, source, Some(filters))
}

fn load_with(
    path: &str,
    text: &str,
    parsed: Option<&EmbeddedFile>,
    source: RuleSource,
    filters: Option<PatternFilters>,
) -> Result<DeclarativeRule, RuleFileError> {
    let src: Arc<str> = Arc::from(text);
    let err = |span: Option<Range<usize>>, message: String| RuleFileError {
        path: path.to_string(),
        source: src.clone(),
        span,
        message,
    };
    let normalised = parsed.map(|p| p.normalised);
    let file: RuleFile = match parsed.and_then(RuleFile::from_embedded) {
        Some(f) => f,
        None => toml::from_str(text).map_err(|e| {
            err(
                e.span(),
                format!("invalid rule file: {}", e.message().trim()),
            )
        })?,
    };
    let id = file.id.get_ref();
    if !is_kebab(id) {
        return Err(err(
            Some(file.id.span()),
            format!("rule id `{id}` is not kebab-case"),
        ));
    }
    let matcher = Matcher::build(&file, filters, normalised).map_err(|(span, m)| err(span, m))?;
    if file.fix == Some(FixKind::Replace)
        && file.kind != Kind::Substitution
        && file.replacement.is_none()
    {
        return Err(err(
            Some(file.id.span()),
            "`fix = \"replace\"` needs a `replacement`".into(),
        ));
    }
    if file.examples.is_empty() {
        return Err(err(
            Some(file.id.span()),
            "a rule file needs at least one entry in `examples`".into(),
        ));
    }
    let fix = match file.kind {
        Kind::Substitution => file.fix.or(Some(FixKind::Replace)),
        _ => file.fix,
    };
    let fix_availability = if fix.is_some() {
        FixAvailability::Always
    } else {
        FixAvailability::None
    };
    let docs = match parsed {
        Some(p) => Cow::Borrowed(p.docs),
        None => Cow::Owned(docs::rule_docs(
            &file.description,
            file.examples.iter().map(|e| e.get_ref().as_str()),
            file.counterexamples.iter().map(|e| e.get_ref().as_str()),
        )),
    };
    let rule = DeclarativeRule {
        meta: RuleMeta {
            id: leak(id),
            category: file.category,
            severity: file.severity.unwrap_or(file.category.default_severity()),
            summary: Cow::Owned(file.summary.clone()),
            docs,
            fix: fix_availability,
            source,
        },
        matcher,
        message: file.message.clone(),
        fix,
        replacement: file.replacement.clone(),
        applicability: file.applicability,
    };
    if filters.is_some() {
        return Ok(rule);
    }
    for ex in &file.examples {
        if rule.run(ex.get_ref()).is_empty() {
            return Err(err(
                Some(ex.span()),
                "this example does not trigger the rule".into(),
            ));
        }
    }
    for ex in &file.counterexamples {
        let found = rule.run(ex.get_ref());
        if let Some(d) = found.first() {
            return Err(err(
                Some(ex.span()),
                format!("this counterexample triggers the rule: {}", d.message),
            ));
        }
    }
    Ok(rule)
}

/// A whole-line phrase rule built from a configuration's extra chrome phrases.
pub fn chrome_lexicon_rule(phrases: &[String]) -> DeclarativeRule {
    DeclarativeRule {
        meta: RuleMeta {
            id: "config-chrome",
            category: Category::Boilerplate,
            severity: Category::Boilerplate.default_severity(),
            summary: Cow::Borrowed("A line that is only page chrome named in copylint.toml"),
            docs: Cow::Borrowed(
                "## What it does\nFlags lines that consist only of a phrase listed under \
                 `[lexicon] chrome` in copylint.toml.\n\n## Why is this bad?\nA newsroom knows \
                 the chrome of its own sources best; these lines are page furniture, not copy.",
            ),
            fix: FixAvailability::Always,
            source: RuleSource::Builtin,
        },
        matcher: Matcher::lines(phrases),
        message: "page-chrome line `{match}`".into(),
        fix: Some(FixKind::DeleteLine),
        replacement: None,
        applicability: None,
    }
}

/// Loads every `*.toml` in a directory, sorted by name; all errors are returned.
pub fn load_dir(dir: &Path) -> Result<Vec<DeclarativeRule>, Vec<RuleFileError>> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        vec![RuleFileError {
            path: dir.display().to_string(),
            source: Arc::from(""),
            span: None,
            message: format!("cannot read rule directory: {e}"),
        }]
    })?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let (mut rules, mut errors) = (Vec::new(), Vec::new());
    for p in paths {
        let shown = p.display().to_string();
        match std::fs::read_to_string(&p) {
            Ok(text) => match load(&shown, &text, RuleSource::File(p.clone())) {
                Ok(r) => rules.push(r),
                Err(e) => errors.push(e),
            },
            Err(e) => errors.push(RuleFileError {
                path: shown,
                source: Arc::from(""),
                span: None,
                message: format!("cannot read rule file: {e}"),
            }),
        }
    }
    if errors.is_empty() {
        Ok(rules)
    } else {
        Err(errors)
    }
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Rule ids live for the whole process; rule files are loaded once at start-up.
fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

impl DeclarativeRule {
    /// How many of this rule's patterns have been compiled so far: embedded ones
    /// compile only for documents that may match them (for tests and profiling).
    pub fn compiled_patterns(&self) -> usize {
        self.matcher.compiled_patterns()
    }

    fn run(&self, text: &str) -> Vec<crate::diagnostic::Diagnostic> {
        let doc = Document::new(text);
        let mut out = Vec::new();
        self.check(&doc, &mut Emitter::new(&self.meta, &mut out));
        out
    }

    fn format(&self, matched: &str, replacement: Option<&str>) -> String {
        let mut m = self.message.replace("{match}", matched);
        if let Some(r) = replacement {
            m = m.replace("{replacement}", r);
        }
        m
    }
}

impl Rule for DeclarativeRule {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn as_declarative(&self) -> Option<&DeclarativeRule> {
        Some(self)
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        // Hits found by the linter's one pass over the document, else our own scan.
        let primed = doc.memo_peek::<combined::HitsKey, combined::DocumentHits>();
        let own;
        let hits: &[Hit] = match primed
            .as_ref()
            .and_then(|p| p.0.get(&combined::address(self)))
        {
            Some(h) => h,
            None => {
                own = self.matcher.find(doc);
                &own
            }
        };
        // For delete-line fixes: how much of each line the matches cover.
        let mut covered: BTreeMap<usize, Vec<Span>> = BTreeMap::new();
        if self.fix == Some(FixKind::DeleteLine) {
            for h in hits {
                covered
                    .entry(doc.line_index(h.span.start))
                    .or_default()
                    .push(h.span);
            }
        }
        let whole_line = self.matcher.whole_line();
        for &Hit {
            span,
            ref replacement,
        } in hits
        {
            if whole_line && wrapped_continuation(doc, span) {
                continue;
            }
            let matched = doc.slice(span);
            let replacement = match (&self.replacement, replacement) {
                (_, Some(r)) => Some(r.clone()),
                (Some(tpl), None) => Some(self.matcher.expand(doc.text(), span, tpl)),
                (None, None) => None,
            };
            let message = self.format(matched, replacement.as_deref());
            let d = out.emit(span, message);
            let cap = |a: Applicability| match self.applicability {
                Some(limit) => a.min(limit),
                None => a,
            };
            match self.fix {
                None => {}
                Some(FixKind::Delete) => {
                    let a = cap(Applicability::Unsafe);
                    d.suggest(Suggestion::new("remove this text", a).edit(span, ""));
                }
                Some(FixKind::Replace) => {
                    if let Some(r) = replacement {
                        let a = cap(Applicability::Safe);
                        d.suggest(Suggestion::new(format!("replace with `{r}`"), a).edit(span, r));
                    }
                }
                Some(FixKind::DeleteLine) => {
                    let li = doc.line_index(span.start);
                    let line = doc.lines()[li].span;
                    let whole = line_is_covered(doc.slice(line), line.start, &covered[&li]);
                    let a = cap(if whole {
                        Applicability::Safe
                    } else {
                        Applicability::Unsafe
                    });
                    let target = doc.line_with_terminator(span.start);
                    d.suggest(Suggestion::new("delete this line", a).edit(target, ""));
                }
            }
        }
    }
}

/// True when nothing but whitespace and punctuation lies outside `spans`.
fn line_is_covered(line: &str, base: usize, spans: &[Span]) -> bool {
    line.char_indices()
        .all(|(i, c)| !c.is_alphanumeric() || spans.iter().any(|s| s.contains(base + i)))
}
