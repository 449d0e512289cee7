//! The registry of rules and the engine that runs a selection of them over a document.

use crate::declarative::{self, Combined, RuleFileError};
use crate::diagnostic::{Applicability, Category, Diagnostic, Severity};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::rule::{Emitter, Rule, RuleSource};
use crate::suppress::UnusedSuppression;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

mod embedded {
    use crate::declarative::prefilter::{Elem, Seq};
    use crate::declarative::{EmbeddedFile, PatternFilters};
    include!(concat!(env!("OUT_DIR"), "/embedded_lints.rs"));
}

/// Every known rule: built-in Rust rules, the rule files embedded from `lints/`, and
/// any loaded at run time. Sorted by id.
#[derive(Clone)]
pub struct Registry {
    rules: Vec<Arc<dyn Rule>>,
}

impl Registry {
    /// Built-in rules plus the embedded rule files.
    pub fn builtin() -> Result<Registry, Vec<RuleFileError>> {
        let mut rules: Vec<Arc<dyn Rule>> = crate::rules::builtin();
        let mut errors = Vec::new();
        // Nothing is compiled here (patterns compile on first use), so loading is
        // cheap and stays on this thread: no thread pool is started for one file.
        for (name, text, parsed, filters) in embedded::EMBEDDED_LINTS {
            let path = format!("lints/{name}");
            let source = RuleSource::Embedded(name);
            match declarative::load_trusted(&path, text, parsed.as_ref(), source, filters) {
                Ok(r) => rules.push(Arc::new(r)),
                Err(e) => errors.push(e),
            }
        }
        let mut reg = Registry { rules };
        reg.check_unique(&mut errors);
        if errors.is_empty() {
            Ok(reg)
        } else {
            Err(errors)
        }
    }

    /// Adds the rule files of a directory; a file whose id is already taken is refused.
    pub fn load_dir(&mut self, dir: &Path) -> Result<(), Vec<RuleFileError>> {
        let loaded = declarative::load_dir(dir)?;
        self.rules
            .extend(loaded.into_iter().map(|r| Arc::new(r) as Arc<dyn Rule>));
        let mut errors = Vec::new();
        self.check_unique(&mut errors);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn check_unique(&mut self, errors: &mut Vec<RuleFileError>) {
        self.rules.sort_by_key(|r| r.meta().id);
        let mut k = 1;
        while k < self.rules.len() {
            if self.rules[k].meta().id == self.rules[k - 1].meta().id {
                let dup = self.rules.remove(k);
                errors.push(RuleFileError {
                    path: dup.meta().source.describe(),
                    source: Arc::from(""),
                    span: None,
                    message: format!(
                        "rule id `{}` is already defined by {}",
                        dup.meta().id,
                        self.rules[k - 1].meta().source.describe()
                    ),
                });
            } else {
                k += 1;
            }
        }
    }

    pub fn rules(&self) -> &[Arc<dyn Rule>] {
        &self.rules
    }

    pub fn get(&self, id: &str) -> Option<&Arc<dyn Rule>> {
        self.rules.iter().find(|r| r.meta().id == id)
    }

    /// All rules, or only those named in `select` (ids or category names), minus
    /// those in `ignore`. An unknown name is an error.
    pub fn select(&self, select: &[String], ignore: &[String]) -> Result<Linter, String> {
        let matches = |r: &Arc<dyn Rule>, name: &str| {
            r.meta().id == name || Category::parse(name) == Some(r.meta().category) || name == "all"
        };
        for name in select.iter().chain(ignore) {
            if !self.rules.iter().any(|r| matches(r, name)) {
                return Err(format!(
                    "unknown rule or category `{name}` (see `copylint rules`)"
                ));
            }
        }
        let rules = self
            .rules
            .iter()
            .filter(|r| select.is_empty() || select.iter().any(|s| matches(r, s)))
            .filter(|r| !ignore.iter().any(|s| matches(r, s)))
            .cloned()
            .collect();
        Ok(Linter::from_rules(rules))
    }

    pub fn linter(&self) -> Linter {
        Linter::from_rules(self.rules.clone())
    }
}

/// A selection of rules, ready to lint, with the configuration that shapes its
/// findings. Cheap to clone and shareable across threads.
#[derive(Clone)]
pub struct Linter {
    rules: Vec<Arc<dyn Rule>>,
    severity: HashMap<&'static str, Severity>,
    /// Per-rule fix trust: `Safe` promotes unsafe suggestions, `Unsafe` demotes safe ones.
    fix_trust: HashMap<&'static str, Applicability>,
    lexicon: Arc<Lexicon>,
    /// The rule files among `rules`, compiled into one pass; built on first use.
    combined: OnceLock<Option<Arc<Combined>>>,
}

impl Linter {
    pub fn from_rules(rules: Vec<Arc<dyn Rule>>) -> Self {
        Linter {
            rules,
            severity: HashMap::new(),
            fix_trust: HashMap::new(),
            lexicon: Arc::default(),
            combined: OnceLock::new(),
        }
    }

    pub fn rules(&self) -> &[Arc<dyn Rule>] {
        &self.rules
    }

    /// Overrides the severity of one rule's findings.
    pub fn set_severity(&mut self, rule: &'static str, severity: Severity) {
        self.severity.insert(rule, severity);
    }

    /// `Safe`: the rule's unsafe suggestions become safe; `Unsafe`: its safe ones
    /// become unsafe. Display-only suggestions never change.
    pub fn set_fix_trust(&mut self, rule: &'static str, trust: Applicability) {
        self.fix_trust.insert(rule, trust);
    }

    pub fn set_lexicon(&mut self, lexicon: Lexicon) {
        self.lexicon = Arc::new(lexicon);
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    pub fn add_rule(&mut self, rule: Arc<dyn Rule>) {
        self.rules.push(rule);
        self.combined = OnceLock::new();
    }

    /// Keeps only the rules for which `keep` is true.
    pub fn retain(&mut self, keep: impl Fn(&dyn Rule) -> bool) {
        self.rules.retain(|r| keep(r.as_ref()));
        self.combined = OnceLock::new();
    }

    /// Lints one document; findings are sorted by position, then rule.
    pub fn lint(&self, text: &str) -> Vec<Diagnostic> {
        let doc = Document::with_lexicon(text, &self.lexicon);
        self.lint_document(&doc)
    }

    /// Lints a source of any kind: HTML and Markdown as the reader sees them, with
    /// every span and fix mapped back to the source. Plain text goes straight to
    /// [`Linter::lint`].
    pub fn lint_source(&self, source: &str, kind: crate::markup::InputKind) -> Vec<Diagnostic> {
        match kind {
            crate::markup::InputKind::Text => self.lint(source),
            _ => crate::markup::lint(self, source, kind),
        }
    }

    pub fn reports_unused_suppressions(&self) -> bool {
        self.rules
            .iter()
            .any(|r| r.meta().id == UnusedSuppression::META.id)
    }

    pub fn lint_document(&self, doc: &Document) -> Vec<Diagnostic> {
        if let Some(c) = self
            .combined
            .get_or_init(|| Combined::build(&self.rules).map(Arc::new))
        {
            c.prime(doc);
        }
        let mut out = run_rules(doc, self.rules.iter().map(|r| r.as_ref()));
        if !self.severity.is_empty() || !self.fix_trust.is_empty() {
            for d in &mut out {
                if let Some(s) = self.severity.get(d.rule) {
                    d.severity = *s;
                }
                if let Some(t) = self.fix_trust.get(d.rule) {
                    for s in &mut d.suggestions {
                        if s.applicability != Applicability::Display {
                            s.applicability = *t;
                        }
                    }
                }
            }
        }
        out
    }
}

/// Runs rules over a document, applies suppression comments and sorts the findings.
pub fn run_rules<'r>(doc: &Document, rules: impl Iterator<Item = &'r dyn Rule>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut report_unused = false;
    for rule in rules {
        report_unused |= rule.meta().id == UnusedSuppression::META.id;
        rule.check(doc, &mut Emitter::new(rule.meta(), &mut out));
    }
    crate::suppress::apply(doc, &mut out, report_unused);
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out.dedup();
    out
}

/// The built-in registry, parsed once per process.
pub fn default_registry() -> &'static Registry {
    static REG: std::sync::OnceLock<Registry> = std::sync::OnceLock::new();
    REG.get_or_init(|| {
        Registry::builtin().unwrap_or_else(|errors| {
            // Embedded rule files are tested by `cargo test`; reaching this is a build bug.
            panic!("embedded rule files failed to load: {errors:?}")
        })
    })
}

#[cfg(test)]
mod tests {
    use super::embedded::EMBEDDED_LINTS;
    use crate::rule::RuleSource;

    /// What build.rs read from each embedded file is what parsing its TOML gives.
    #[test]
    fn embedded_files_load_as_parsed() {
        for (name, text, parsed, _) in EMBEDDED_LINTS {
            assert!(parsed.is_some(), "{name}: build.rs did not read it");
            let fast = super::default_registry()
                .rules()
                .iter()
                .find(|r| r.meta().source == RuleSource::Embedded(name))
                .unwrap_or_else(|| panic!("{name} is not in the registry"));
            let slow = crate::declarative::load(name, text, RuleSource::Embedded(name))
                .unwrap_or_else(|e| panic!("{name}: {}", e.message));
            let (a, b) = (fast.meta(), crate::rule::Rule::meta(&slow));
            assert_eq!(a.id, b.id, "{name}");
            assert_eq!(a.docs, b.docs, "{name}");
            assert_eq!(a.summary, b.summary, "{name}");
            assert_eq!(a.severity, b.severity, "{name}");
            assert_eq!(a.category, b.category, "{name}");
        }
    }
}
