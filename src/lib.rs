//! copylint: a linter for news copy that went through scrapers and machine
//! translation. The library never prints; the CLI in [`cli`] writes only to the
//! writers it is given.

pub mod baseline;
pub mod cli;
pub mod config;
pub mod declarative;
pub mod diagnostic;
pub mod document;
pub mod fix;
pub mod lexicon;
pub mod linter;
pub mod lsp;
pub mod markup;
pub mod render;
pub mod rule;
pub mod rules;
pub mod source;
pub mod span;
pub mod suppress;
pub mod testing;
pub mod walk;

pub use diagnostic::{Applicability, Category, Diagnostic, Edit, Label, Severity, Suggestion};
pub use document::Document;
pub use linter::{Linter, Registry, default_registry};
pub use markup::InputKind;
pub use rule::{Emitter, Rule, RuleMeta};
pub use span::Span;

/// Lints `text` with every built-in rule.
pub fn lint(text: &str) -> Vec<Diagnostic> {
    default_registry().linter().lint(text)
}
