//! The rule trait shared by built-in (Rust) rules and declarative (TOML) rules.

use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::document::Document;
use crate::span::Span;
use std::borrow::Cow;

/// Whether a rule offers fixes; checked against what it emits by the harness tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixAvailability {
    None,
    Sometimes,
    Always,
}

impl FixAvailability {
    pub fn as_str(self) -> &'static str {
        match self {
            FixAvailability::None => "no",
            FixAvailability::Sometimes => "sometimes",
            FixAvailability::Always => "yes",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleSource {
    Builtin,
    /// A rule file embedded at build time (`lints/NAME.toml`).
    Embedded(&'static str),
    /// A rule file loaded at run time.
    File(std::path::PathBuf),
}

impl RuleSource {
    pub fn describe(&self) -> String {
        match self {
            RuleSource::Builtin => "built-in".into(),
            RuleSource::Embedded(name) => format!("lints/{name}"),
            RuleSource::File(p) => p.display().to_string(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct RuleMeta {
    /// Stable kebab-case id, e.g. `entity-leak`.
    pub id: &'static str,
    pub category: Category,
    pub severity: Severity,
    /// One line, shown by `copylint rules`.
    pub summary: Cow<'static, str>,
    /// Markdown with "What it does / Why is this bad? / Example", shown by `explain`.
    pub docs: Cow<'static, str>,
    pub fix: FixAvailability,
    pub source: RuleSource,
}

/// A stateless check over one document. Rules hold only configuration built at load
/// time, so one instance serves every document, in parallel.
impl RuleMeta {
    /// The docs with the one-space indent of `///` comments removed.
    pub fn docs_text(&self) -> String {
        let mut out = String::new();
        for line in self.docs.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out.trim_end().to_string()
    }
}

pub trait Rule: Send + Sync {
    fn meta(&self) -> &RuleMeta;
    fn check(&self, doc: &Document, out: &mut Emitter);

    /// Rule files answer `Some`, so a linter can match all of them in one pass.
    fn as_declarative(&self) -> Option<&crate::declarative::DeclarativeRule> {
        None
    }
}

/// Collects a rule's findings, filling in the rule id, category and default severity.
pub struct Emitter<'a> {
    meta: &'a RuleMeta,
    out: &'a mut Vec<Diagnostic>,
}

impl<'a> Emitter<'a> {
    pub fn new(meta: &'a RuleMeta, out: &'a mut Vec<Diagnostic>) -> Self {
        Emitter { meta, out }
    }

    pub fn emit(&mut self, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        self.out.push(Diagnostic {
            rule: self.meta.id,
            category: self.meta.category,
            severity: self.meta.severity,
            message: message.into(),
            span,
            labels: Vec::new(),
            notes: Vec::new(),
            suggestions: Vec::new(),
        });
        self.out.last_mut().expect("just pushed")
    }
}

/// Declares a built-in rule: a unit struct plus its `META`, with the doc comment as
/// the text `copylint explain` prints and `tests/rule_docs.rs` runs.
///
/// ```ignore
/// declare_rule! {
///     /// ## What it does
///     /// ...
///     pub struct EntityLeak {
///         id: "entity-leak",
///         category: Encoding,
///         fix: Sometimes,
///         summary: "HTML character reference shown as text",
///     }
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis struct $name:ident {
            id: $id:literal,
            category: $cat:ident,
            $(severity: $sev:ident,)?
            fix: $fix:ident,
            summary: $summary:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Default, Clone, Copy)]
        $vis struct $name;

        impl $name {
            pub const META: $crate::rule::RuleMeta = $crate::rule::RuleMeta {
                id: $id,
                category: $crate::diagnostic::Category::$cat,
                severity: $crate::declare_rule!(@sev $cat $($sev)?),
                summary: ::std::borrow::Cow::Borrowed($summary),
                docs: ::std::borrow::Cow::Borrowed(concat!($($doc, "\n"),*)),
                fix: $crate::rule::FixAvailability::$fix,
                source: $crate::rule::RuleSource::Builtin,
            };
        }
    };
    (@sev $cat:ident $sev:ident) => { $crate::diagnostic::Severity::$sev };
    (@sev $cat:ident) => { $crate::diagnostic::Category::$cat.default_severity() };
}
