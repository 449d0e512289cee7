//! `copylint.toml`: found from a file's directory upward, parsed strictly (unknown keys
//! and bad values are errors with a span into the file), merged with command-line
//! overrides into the [`Settings`] that lint one file.

use crate::declarative;
use crate::diagnostic::{Applicability, Category, Severity};
use crate::lexicon::Lexicon;
use crate::linter::{Linter, Registry, default_registry};
use crate::markup::InputKind;
use crate::rule::Rule;
use globset::{Glob, GlobMatcher};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

pub const CONFIG_NAMES: &[&str] = &["copylint.toml", ".copylint.toml"];

/// A configuration or rule file that could not be used, with a span into it.
#[derive(Debug, Clone)]
pub struct FileError {
    pub path: String,
    pub source: Arc<str>,
    pub span: Option<Range<usize>>,
    pub message: String,
    /// "configuration file" or "rule file", for the error's title.
    pub what: &'static str,
}

impl From<declarative::RuleFileError> for FileError {
    fn from(e: declarative::RuleFileError) -> Self {
        FileError {
            path: e.path,
            source: e.source,
            span: e.span,
            message: e.message,
            what: "rule file",
        }
    }
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    #[serde(default)]
    pub select: Vec<Spanned<String>>,
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
    #[serde(default)]
    pub extensions: Option<Vec<String>>,
    /// Extra rule directories, relative to the configuration file.
    #[serde(default)]
    pub rules: Vec<String>,
    pub fail_on: Option<Spanned<String>>,
    #[serde(default)]
    pub severity: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    pub per_path_ignores: BTreeMap<String, Vec<Spanned<String>>>,
    #[serde(default)]
    pub extend_safe_fixes: Vec<Spanned<String>>,
    #[serde(default)]
    pub extend_unsafe_fixes: Vec<Spanned<String>>,
    #[serde(default)]
    pub lexicon: LexiconConfig,
    /// Extra extensions per input kind: `html = ["tpl"]`, `markdown = ["mdx"]`.
    #[serde(default)]
    pub input_format: BTreeMap<Spanned<String>, Vec<String>>,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LexiconConfig {
    #[serde(default)]
    pub proper_nouns: Vec<String>,
    #[serde(default)]
    pub accepted_names: Vec<String>,
    #[serde(default)]
    pub chrome: Vec<String>,
}

/// Command-line settings, which win over the configuration file.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    /// Replaces the file's `select` when not empty.
    pub select: Vec<String>,
    /// Added to the file's `ignore`.
    pub ignore: Vec<String>,
    pub severity: Vec<(String, Severity)>,
    pub rule_dirs: Vec<PathBuf>,
    pub fail_on: Option<Severity>,
}

/// Everything needed to lint files under one configuration.
pub struct Settings {
    pub config_path: Option<PathBuf>,
    pub file: ConfigFile,
    pub linter: Linter,
    pub extensions: Vec<String>,
    pub fail_on: Severity,
    per_path: Vec<(GlobMatcher, Vec<String>)>,
    base_dir: PathBuf,
    /// Lower-case extension → input kind, from `[input-format]`.
    kinds: BTreeMap<String, InputKind>,
}

/// The nearest configuration file at or above `dir`.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    dir.ancestors()
        .find_map(|d| CONFIG_NAMES.iter().map(|n| d.join(n)).find(|p| p.is_file()))
}

impl Settings {
    /// Built-in defaults plus command-line overrides, without any file.
    pub fn defaults(o: &Overrides) -> Result<Settings, Vec<FileError>> {
        Self::build(None, String::new(), ConfigFile::default(), o)
    }

    pub fn load(path: &Path, o: &Overrides) -> Result<Settings, Vec<FileError>> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            vec![FileError {
                path: path.display().to_string(),
                source: Arc::from(""),
                span: None,
                message: format!("cannot read: {}", crate::walk::io_message(&e)),
                what: "configuration file",
            }]
        })?;
        let file: ConfigFile = toml::from_str(&text).map_err(|e| {
            vec![FileError {
                path: path.display().to_string(),
                source: Arc::from(text.as_str()),
                span: e.span(),
                message: e.message().trim().to_string(),
                what: "configuration file",
            }]
        })?;
        Self::build(Some(path.to_path_buf()), text, file, o)
    }

    fn build(
        path: Option<PathBuf>,
        text: String,
        file: ConfigFile,
        o: &Overrides,
    ) -> Result<Settings, Vec<FileError>> {
        let src: Arc<str> = Arc::from(text.as_str());
        let shown = path
            .as_ref()
            .map_or_else(String::new, |p| p.display().to_string());
        let err = |span: Range<usize>, message: String| FileError {
            path: shown.clone(),
            source: src.clone(),
            span: Some(span),
            message,
            what: "configuration file",
        };
        let base_dir = path
            .as_ref()
            .and_then(|p| p.parent())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let mut registry: Registry = default_registry().clone();
        let mut errors: Vec<FileError> = Vec::new();
        let dirs: Vec<PathBuf> = file
            .rules
            .iter()
            .map(|d| base_dir.join(d))
            .chain(o.rule_dirs.iter().cloned())
            .collect();
        for d in &dirs {
            if let Err(es) = registry.load_dir(d) {
                errors.extend(es.into_iter().map(FileError::from));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let known = |name: &str| {
            name == "all" || Category::parse(name).is_some() || registry.get(name).is_some()
        };
        let check_names = |list: &[Spanned<String>], errors: &mut Vec<FileError>| {
            for n in list {
                if !known(n.get_ref()) {
                    errors.push(err(
                        n.span(),
                        format!("unknown rule or category `{}`", n.get_ref()),
                    ));
                }
            }
        };
        check_names(&file.select, &mut errors);
        check_names(&file.ignore, &mut errors);
        check_names(&file.extend_safe_fixes, &mut errors);
        check_names(&file.extend_unsafe_fixes, &mut errors);
        let mut per_path = Vec::new();
        for (glob, names) in &file.per_path_ignores {
            check_names(names, &mut errors);
            match Glob::new(glob) {
                Ok(g) => per_path.push((
                    g.compile_matcher(),
                    names.iter().map(|n| n.get_ref().clone()).collect(),
                )),
                Err(e) => errors.push(FileError {
                    span: None,
                    message: format!("invalid glob `{glob}` in per-path-ignores: {e}"),
                    ..err(0..0, String::new())
                }),
            }
        }
        let mut severities: Vec<(String, Severity)> = Vec::new();
        for (rule, level) in &file.severity {
            match Severity::parse(level.get_ref()) {
                Some(s) if registry.get(rule).is_some() => severities.push((rule.clone(), s)),
                Some(_) => errors.push(err(level.span(), format!("unknown rule `{rule}`"))),
                None => errors.push(err(
                    level.span(),
                    "expected `error`, `warning` or `info`".into(),
                )),
            }
        }
        let mut kinds = BTreeMap::new();
        for (kind, exts) in &file.input_format {
            match InputKind::parse(kind.get_ref()) {
                Some(k) => kinds.extend(
                    exts.iter()
                        .map(|e| (e.trim_start_matches('.').to_ascii_lowercase(), k)),
                ),
                None => errors.push(err(
                    kind.span(),
                    "expected `text`, `html` or `markdown`".into(),
                )),
            }
        }
        let fail_on = match (&o.fail_on, &file.fail_on) {
            (Some(s), _) => *s,
            (None, Some(level)) => Severity::parse(level.get_ref()).unwrap_or_else(|| {
                errors.push(err(
                    level.span(),
                    "expected `error`, `warning` or `info`".into(),
                ));
                Severity::Warning
            }),
            (None, None) => Severity::Warning,
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let select: Vec<String> = if o.select.is_empty() {
            file.select.iter().map(|s| s.get_ref().clone()).collect()
        } else {
            o.select.clone()
        };
        let ignore: Vec<String> = file
            .ignore
            .iter()
            .map(|s| s.get_ref().clone())
            .chain(o.ignore.iter().cloned())
            .collect();
        let mut linter = registry.select(&select, &ignore).map_err(|m| {
            vec![FileError {
                path: "command line".into(),
                source: Arc::from(""),
                span: None,
                message: m,
                what: "option",
            }]
        })?;
        for (rule, s) in severities.iter().chain(o.severity.iter()) {
            match registry.get(rule) {
                Some(r) => linter.set_severity(r.meta().id, *s),
                None => {
                    return Err(vec![FileError {
                        path: "command line".into(),
                        source: Arc::from(""),
                        span: None,
                        message: format!("unknown rule `{rule}` in --severity"),
                        what: "option",
                    }]);
                }
            }
        }
        let matches_rule = |r: &dyn Rule, name: &str| {
            name == "all" || r.meta().id == name || Category::parse(name) == Some(r.meta().category)
        };
        for r in registry.rules() {
            if file
                .extend_safe_fixes
                .iter()
                .any(|n| matches_rule(r.as_ref(), n.get_ref()))
            {
                linter.set_fix_trust(r.meta().id, Applicability::Safe);
            }
            if file
                .extend_unsafe_fixes
                .iter()
                .any(|n| matches_rule(r.as_ref(), n.get_ref()))
            {
                linter.set_fix_trust(r.meta().id, Applicability::Unsafe);
            }
        }
        linter.set_lexicon(Lexicon {
            proper_nouns: file.lexicon.proper_nouns.iter().cloned().collect(),
            accepted_names: file.lexicon.accepted_names.iter().cloned().collect(),
        });
        if !file.lexicon.chrome.is_empty() {
            linter.add_rule(Arc::new(declarative::chrome_lexicon_rule(
                &file.lexicon.chrome,
            )));
        }
        let mut extensions: Vec<String> = file.extensions.clone().unwrap_or_else(|| {
            crate::walk::DEFAULT_EXTENSIONS
                .iter()
                .map(|s| s.to_string())
                .collect()
        });
        for k in kinds.keys() {
            if !extensions.contains(k) {
                extensions.push(k.clone());
            }
        }
        Ok(Settings {
            config_path: path,
            file,
            linter,
            extensions,
            fail_on,
            per_path,
            base_dir,
            kinds,
        })
    }

    /// How to read a file: `[input-format]` first, then the extension.
    pub fn input_kind(&self, path: &Path) -> InputKind {
        let ext = path
            .extension()
            .and_then(|x| x.to_str())
            .map(str::to_ascii_lowercase);
        ext.and_then(|e| self.kinds.get(&e).copied())
            .unwrap_or_else(|| InputKind::from_path(path))
    }

    /// The linter for one file: per-path ignores drop rules for matching paths.
    pub fn linter_for(&self, path: &Path) -> std::borrow::Cow<'_, Linter> {
        if self.per_path.is_empty() {
            return std::borrow::Cow::Borrowed(&self.linter);
        }
        let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let base = std::fs::canonicalize(&self.base_dir).unwrap_or_else(|_| self.base_dir.clone());
        let rel = abs.strip_prefix(&base).unwrap_or(path);
        let names: Vec<&String> = self
            .per_path
            .iter()
            .filter(|(g, _)| g.is_match(rel) || g.is_match(path))
            .flat_map(|(_, n)| n)
            .collect();
        if names.is_empty() {
            return std::borrow::Cow::Borrowed(&self.linter);
        }
        let mut l = self.linter.clone();
        l.retain(|r| {
            !names.iter().any(|n| {
                n.as_str() == "all"
                    || r.meta().id == n.as_str()
                    || Category::parse(n) == Some(r.meta().category)
            })
        });
        std::borrow::Cow::Owned(l)
    }

    /// The resolved configuration as TOML, for `copylint config --show`.
    pub fn show(&self) -> String {
        let list = |v: &[String]| {
            format!(
                "[{}]",
                v.iter()
                    .map(|s| format!("{s:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let spanned = |v: &[Spanned<String>]| {
            list(&v.iter().map(|s| s.get_ref().clone()).collect::<Vec<_>>())
        };
        let mut out = String::new();
        out.push_str(&format!(
            "# configuration: {}\n",
            self.config_path
                .as_ref()
                .map_or("none (built-in defaults)".into(), |p| p
                    .display()
                    .to_string())
        ));
        out.push_str(&format!("select = {}\n", spanned(&self.file.select)));
        out.push_str(&format!("ignore = {}\n", spanned(&self.file.ignore)));
        out.push_str(&format!("extensions = {}\n", list(&self.extensions)));
        out.push_str(&format!("rules = {}\n", list(&self.file.rules)));
        out.push_str(&format!("fail-on = {:?}\n", self.fail_on.as_str()));
        out.push_str(&format!(
            "extend-safe-fixes = {}\n",
            spanned(&self.file.extend_safe_fixes)
        ));
        out.push_str(&format!(
            "extend-unsafe-fixes = {}\n",
            spanned(&self.file.extend_unsafe_fixes)
        ));
        out.push_str("\n[severity]\n");
        for (k, v) in &self.file.severity {
            out.push_str(&format!("{k:?} = {:?}\n", v.get_ref()));
        }
        out.push_str("\n[per-path-ignores]\n");
        for (k, v) in &self.file.per_path_ignores {
            out.push_str(&format!("{k:?} = {}\n", spanned(v)));
        }
        out.push_str("\n[input-format]\n");
        for (k, v) in &self.file.input_format {
            out.push_str(&format!("{:?} = {}\n", k.get_ref(), list(v)));
        }
        out.push_str("\n[lexicon]\n");
        out.push_str(&format!(
            "proper-nouns = {}\n",
            list(&self.file.lexicon.proper_nouns)
        ));
        out.push_str(&format!(
            "accepted-names = {}\n",
            list(&self.file.lexicon.accepted_names)
        ));
        out.push_str(&format!("chrome = {}\n", list(&self.file.lexicon.chrome)));
        out.push_str("\n# active rules (id, severity):\n");
        for r in self.linter.rules() {
            out.push_str(&format!("#   {} {}\n", r.meta().id, r.meta().severity));
        }
        out
    }
}
