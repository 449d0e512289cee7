//! The diagnostic model: what a rule reports, and the suggestions it offers.

use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The seven families of artifacts. The category sets a rule's default severity,
/// following clippy's category → level mapping.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Encoding,
    Boilerplate,
    Spam,
    Translation,
    Pronoun,
    Typography,
    Consistency,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Encoding,
        Category::Boilerplate,
        Category::Spam,
        Category::Translation,
        Category::Pronoun,
        Category::Typography,
        Category::Consistency,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Encoding => "encoding",
            Category::Boilerplate => "boilerplate",
            Category::Spam => "spam",
            Category::Translation => "translation",
            Category::Pronoun => "pronoun",
            Category::Typography => "typography",
            Category::Consistency => "consistency",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Leaked markup and spam are certain defects; the rest are judgement calls a
    /// copy editor should see but may overrule.
    pub const fn default_severity(self) -> Severity {
        match self {
            Category::Encoding | Category::Spam => Severity::Error,
            _ => Severity::Warning,
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Ordered so that `severity >= Severity::Warning` reads naturally.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// How far a suggestion may be trusted, ordered from least to most trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Shown to the reader, never applied.
    Display,
    /// Applied only with `--unsafe-fixes`: right in most cases, but may change meaning.
    Unsafe,
    /// Applied by `--fix`: cannot change meaning.
    Safe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Display => "display",
            Applicability::Unsafe => "unsafe",
            Applicability::Safe => "safe",
        }
    }

    pub fn parse(s: &str) -> Option<Applicability> {
        match s {
            "display" => Some(Applicability::Display),
            "unsafe" => Some(Applicability::Unsafe),
            "safe" => Some(Applicability::Safe),
            _ => None,
        }
    }
}

impl fmt::Display for Applicability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

impl Edit {
    pub fn new(span: Span, replacement: impl Into<String>) -> Self {
        Edit {
            start: span.start,
            end: span.end,
            replacement: replacement.into(),
        }
    }

    pub fn delete(span: Span) -> Self {
        Edit::new(span, "")
    }

    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    pub message: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Suggestion {
    pub fn new(message: impl Into<String>, applicability: Applicability) -> Self {
        Suggestion {
            message: message.into(),
            applicability,
            edits: Vec::new(),
        }
    }

    pub fn edit(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.edits.push(Edit::new(span, replacement));
        self
    }

    /// The smallest span covering every edit.
    pub fn span(&self) -> Option<Span> {
        self.edits.iter().map(Edit::span).reduce(Span::cover)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// One finding. `rule` is the stable kebab-case rule id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    pub labels: Vec<Label>,
    pub notes: Vec<String>,
    pub suggestions: Vec<Suggestion>,
}

impl Diagnostic {
    pub fn label(&mut self, span: Span, message: impl Into<String>) -> &mut Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    pub fn note(&mut self, note: impl Into<String>) -> &mut Self {
        self.notes.push(note.into());
        self
    }

    pub fn suggest(&mut self, suggestion: Suggestion) -> &mut Self {
        self.suggestions.push(suggestion);
        self
    }

    /// Shorthand for the common one-edit suggestion.
    pub fn replace(
        &mut self,
        message: impl Into<String>,
        span: Span,
        replacement: impl Into<String>,
        applicability: Applicability,
    ) -> &mut Self {
        self.suggest(Suggestion::new(message, applicability).edit(span, replacement))
    }

    pub fn severity(&mut self, severity: Severity) -> &mut Self {
        self.severity = severity;
        self
    }

    /// Deterministic output order, as the JSON contract states: start, then rule.
    pub fn sort_key(&self) -> (usize, &'static str, usize, &str) {
        (self.span.start, self.rule, self.span.end, &self.message)
    }
}
