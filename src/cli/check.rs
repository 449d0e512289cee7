//! `copylint check` and `copylint fix`.

use super::{
    CheckArgs, ColorChoice, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, Env, Format, render_file_error,
};
use crate::baseline::Baseline;
use crate::config::{FileError, Overrides, Settings, discover};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::fix::{fix_until_stable, write_atomic};
use crate::markup::InputKind;
use crate::render::{
    Concise, FileReport, Github, Html, Human, Json, JsonLines, Reporter, Sarif, Summary,
};
use crate::rule::Rule;
use crate::source::{DecodeError, decode};
use crate::walk;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What happened to one input.
struct Outcome {
    path: String,
    /// On disk, for writing fixes; `None` for stdin.
    file: Option<PathBuf>,
    original: String,
    /// The text after fixes (== original when not fixing).
    text: String,
    diagnostics: Vec<Diagnostic>,
    fixed: usize,
    converged: bool,
    /// The lowest severity that fails the run, from this file's configuration.
    fail_on: Severity,
    error: Option<String>,
    /// Skipped with a note (binary files), not an error.
    skipped: bool,
}

enum Mode {
    Report,
    Fix(Applicability),
    Diff(Applicability),
}

/// Finds and loads each configuration once.
struct Resolver {
    overrides: Overrides,
    fixed: Option<Arc<Settings>>,
    by_config: HashMap<Option<PathBuf>, Arc<Settings>>,
    by_dir: HashMap<PathBuf, Option<PathBuf>>,
    errors: Vec<FileError>,
}

impl Resolver {
    fn settings_for_dir(&mut self, dir: &Path) -> Option<Arc<Settings>> {
        if let Some(s) = &self.fixed {
            return Some(s.clone());
        }
        let config = self
            .by_dir
            .entry(dir.to_path_buf())
            .or_insert_with(|| discover(dir))
            .clone();
        if let Some(s) = self.by_config.get(&config) {
            return Some(s.clone());
        }
        let loaded = match &config {
            Some(p) => Settings::load(p, &self.overrides),
            None => Settings::defaults(&self.overrides),
        };
        match loaded {
            Ok(s) => {
                let s = Arc::new(s);
                self.by_config.insert(config, s.clone());
                Some(s)
            }
            Err(es) => {
                if !self.by_config.contains_key(&config)
                    && self
                        .errors
                        .iter()
                        .all(|e| es.iter().all(|n| n.path != e.path))
                {
                    self.errors.extend(es);
                }
                None
            }
        }
    }
}

fn parent_dir(p: &Path) -> PathBuf {
    match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

pub(super) fn run(
    args: CheckArgs,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
    env: &Env,
) -> std::io::Result<i32> {
    let mut severity = Vec::new();
    for item in &args.severity {
        match item
            .split_once('=')
            .and_then(|(r, l)| Some((r.trim().to_string(), Severity::parse(l.trim())?)))
        {
            Some(pair) => severity.push(pair),
            None => {
                writeln!(
                    err,
                    "error: --severity expects RULE=error|warning|info, got `{item}`"
                )?;
                return Ok(EXIT_ERROR);
            }
        }
    }
    let overrides = Overrides {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        severity,
        rule_dirs: args.config.rule_dirs.clone(),
        fail_on: args.fail_on.map(Into::into),
    };
    let mut resolver = Resolver {
        fixed: None,
        overrides: overrides.clone(),
        by_config: HashMap::new(),
        by_dir: HashMap::new(),
        errors: Vec::new(),
    };
    if args.config.no_config {
        resolver.fixed = Some(Arc::new(match Settings::defaults(&overrides) {
            Ok(s) => s,
            Err(es) => return report_errors(&es, err),
        }));
    } else if let Some(p) = &args.config.config {
        resolver.fixed = Some(Arc::new(match Settings::load(p, &overrides) {
            Ok(s) => s,
            Err(es) => return report_errors(&es, err),
        }));
    }
    let trust = if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let mode = if args.diff {
        Mode::Diff(trust)
    } else if args.fix || args.unsafe_fixes {
        Mode::Fix(trust)
    } else {
        Mode::Report
    };

    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let (use_stdin, roots): (Vec<_>, Vec<_>) =
        paths.into_iter().partition(|p| p.as_os_str() == "-");
    let mut failed = false;
    let mut jobs: Vec<(PathBuf, Arc<Settings>)> = Vec::new();
    for root in &roots {
        let dir = if root.is_dir() {
            root.clone()
        } else {
            parent_dir(root)
        };
        let Some(settings) = resolver.settings_for_dir(&dir) else {
            continue;
        };
        let (files, walk_errors) = walk::collect(std::slice::from_ref(root), &settings.extensions);
        for e in &walk_errors {
            writeln!(err, "error: {}: {}", e.path, e.message)?;
            failed = true;
        }
        for f in files {
            if let Some(s) = resolver.settings_for_dir(&parent_dir(&f)) {
                jobs.push((f, s));
            }
        }
    }
    jobs.sort_by(|a, b| a.0.cmp(&b.0));
    jobs.dedup_by(|a, b| a.0 == b.0);

    let mut outcomes = Vec::new();
    if !use_stdin.is_empty() {
        let name = args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| "<stdin>".into());
        let dir = args
            .stdin_filename
            .as_ref()
            .map_or_else(|| PathBuf::from("."), |n| parent_dir(Path::new(n)));
        if let Some(settings) = resolver.settings_for_dir(&dir) {
            let mut buf = Vec::new();
            let read = stdin.read_to_end(&mut buf).map(|_| buf);
            let linter = settings.linter_for(Path::new(&name));
            let kind = args
                .input_format
                .unwrap_or_else(|| InputKind::from_path(Path::new(&name)));
            let mut o = process(name, None, read, &linter, kind, &mode);
            o.fail_on = settings.fail_on;
            outcomes.push(o);
        }
    }
    if !resolver.errors.is_empty() {
        return report_errors(&resolver.errors, err);
    }
    let mut from_files: Vec<Outcome> = jobs
        .par_iter()
        .map(|(p, s)| {
            let linter = s.linter_for(p);
            let kind = args.input_format.unwrap_or_else(|| s.input_kind(p));
            let mut o = process(
                p.display().to_string(),
                Some(p.clone()),
                std::fs::read(p),
                &linter,
                kind,
                &mode,
            );
            o.fail_on = s.fail_on;
            o
        })
        .collect();
    outcomes.append(&mut from_files);

    // Write fixes (files only; stdin gets its text on stdout below).
    if let Mode::Fix(_) = mode {
        for o in outcomes
            .iter_mut()
            .filter(|o| o.error.is_none() && o.text != o.original)
        {
            if let Some(f) = &o.file
                && let Err(e) = write_atomic(f, o.text.as_bytes())
            {
                o.error = Some(format!("cannot write fixes: {}", walk::io_message(&e)));
            }
        }
    }

    for o in &outcomes {
        if let Some(m) = &o.error {
            if o.skipped {
                writeln!(err, "note: {}: {m}", o.path)?;
            } else {
                writeln!(err, "error: {}: {m}", o.path)?;
                failed = true;
            }
        } else if !o.converged {
            writeln!(
                err,
                "warning: {}: fixes did not settle after the maximum number of rounds",
                o.path
            )?;
        }
    }
    let ok: Vec<&mut Outcome> = outcomes.iter_mut().filter(|o| o.error.is_none()).collect();

    if let Some(path) = &args.write_baseline {
        let mut b = Baseline::new();
        let mut n = 0;
        for o in &ok {
            b.record(&o.path, &o.text, &o.diagnostics);
            n += o.diagnostics.len();
        }
        if let Err(e) = std::fs::write(path, b.to_json()) {
            writeln!(err, "error: {}: {}", path.display(), walk::io_message(&e))?;
            return Ok(EXIT_ERROR);
        }
        writeln!(
            out,
            "Recorded {n} findings in {} files to {}.",
            ok.len(),
            path.display()
        )?;
        return Ok(if failed { EXIT_ERROR } else { EXIT_CLEAN });
    }
    let mut ok = ok;
    let mut baselined = 0;
    if let Some(path) = &args.baseline {
        let b = match std::fs::read_to_string(path)
            .map_err(|e| walk::io_message(&e))
            .and_then(|s| Baseline::from_json(&s))
        {
            Ok(b) => b,
            Err(m) => {
                writeln!(err, "error: baseline {}: {m}", path.display())?;
                return Ok(EXIT_ERROR);
            }
        };
        for o in ok.iter_mut() {
            baselined += b.filter(&o.path, &o.text, &mut o.diagnostics);
        }
    }

    if let Mode::Diff(_) = mode {
        let mut changed = 0;
        for o in ok.iter().filter(|o| o.text != o.original) {
            changed += 1;
            let diff = similar::TextDiff::from_lines(&o.original, &o.text);
            write!(
                out,
                "{}",
                diff.unified_diff()
                    .context_radius(2)
                    .header(&format!("a/{}", o.path), &format!("b/{}", o.path))
            )?;
        }
        let fixes: usize = ok.iter().map(|o| o.fixed).sum();
        writeln!(err, "{fixes} fixes would change {changed} files.")?;
        return Ok(if failed {
            EXIT_ERROR
        } else if changed > 0 {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        });
    }

    let stdin_fix = matches!(mode, Mode::Fix(_)) && !use_stdin.is_empty();
    if stdin_fix {
        // The fixed text goes to stdout; what remains is reported on stderr.
        for o in ok.iter().filter(|o| o.file.is_none()) {
            out.write_all(o.text.as_bytes())?;
        }
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => env.stdout_is_terminal && !env.no_color,
    };
    let sink: &mut dyn Write = if stdin_fix { err } else { out };
    // Every rule any configuration in use selected, for formats that describe rules.
    let mut used_rules: Vec<Arc<dyn Rule>> = Vec::new();
    for s in resolver.fixed.iter().chain(resolver.by_config.values()) {
        for r in s.linter.rules() {
            if !used_rules.iter().any(|u| u.meta().id == r.meta().id) {
                used_rules.push(r.clone());
            }
        }
    }
    used_rules.sort_by_key(|r| r.meta().id);
    let mut summary = Summary::default();
    let mut fixed_total = 0;
    let mut fixed_files = 0;
    {
        let mut reporter: Option<Box<dyn Reporter + '_>> = if args.quiet || args.statistics {
            None
        } else {
            Some(match args.format {
                Format::Human => Box::new(Human::new(sink, color)),
                Format::Concise => Box::new(Concise::new(sink)),
                Format::Json => Box::new(Json::new(sink)),
                Format::Jsonl => Box::new(JsonLines::new(sink)),
                Format::Sarif => Box::new(Sarif::new(sink, &used_rules)),
                Format::Github => Box::new(Github::new(sink)),
                Format::Html => Box::new(Html::new(sink)),
            })
        };
        for o in &ok {
            summary.add(&o.diagnostics);
            fixed_total += o.fixed;
            fixed_files += usize::from(o.fixed > 0);
            if let Some(r) = reporter.as_mut() {
                r.file(&FileReport {
                    path: &o.path,
                    text: &o.text,
                    diagnostics: &o.diagnostics,
                })?;
            }
        }
        if matches!(mode, Mode::Fix(_)) {
            summary.fixed = Some((fixed_total, fixed_files));
        }
        summary.baselined = baselined;
        if let Some(r) = reporter.as_mut() {
            r.finish(&summary)?;
        }
    }
    if args.quiet || args.statistics {
        let sink: &mut dyn Write = if stdin_fix { err } else { out };
        if args.statistics {
            write_statistics(sink, &ok.iter().map(|o| &o.diagnostics).collect::<Vec<_>>())?;
        }
        writeln!(sink, "{}", summary.line())?;
    }
    if failed {
        return Ok(EXIT_ERROR);
    }
    if args.exit_zero {
        return Ok(EXIT_CLEAN);
    }
    let serious = ok
        .iter()
        .any(|o| o.diagnostics.iter().any(|d| d.severity >= o.fail_on));
    Ok(if serious { EXIT_FINDINGS } else { EXIT_CLEAN })
}

fn report_errors(es: &[FileError], err: &mut dyn Write) -> std::io::Result<i32> {
    for e in es {
        render_file_error(e, err)?;
    }
    Ok(EXIT_ERROR)
}

fn process(
    path: String,
    file: Option<PathBuf>,
    bytes: std::io::Result<Vec<u8>>,
    linter: &crate::Linter,
    kind: InputKind,
    mode: &Mode,
) -> Outcome {
    let mut o = Outcome {
        path,
        file,
        original: String::new(),
        text: String::new(),
        diagnostics: Vec::new(),
        fixed: 0,
        converged: true,
        fail_on: Severity::Warning,
        error: None,
        skipped: false,
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            o.error = Some(walk::io_message(&e));
            return o;
        }
    };
    match decode(bytes) {
        Ok(text) => {
            match mode {
                Mode::Report => {
                    o.diagnostics = linter.lint_source(&text, kind);
                    o.text = text.clone();
                }
                Mode::Fix(min) | Mode::Diff(min) => {
                    let f = fix_until_stable(linter, &text, kind, *min);
                    o.text = f.text;
                    o.fixed = f.fixed;
                    o.converged = f.converged;
                    o.diagnostics = f.remaining;
                }
            }
            o.original = text;
        }
        Err(e) => {
            o.skipped = e == DecodeError::Binary;
            o.error = Some(e.to_string());
        }
    }
    o
}

fn write_statistics(out: &mut dyn Write, files: &[&Vec<Diagnostic>]) -> std::io::Result<()> {
    let mut by_rule: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut by_cat: BTreeMap<&str, usize> = BTreeMap::new();
    for d in files.iter().flat_map(|v| v.iter()) {
        *by_rule.entry((d.rule, d.category.as_str())).or_default() += 1;
        *by_cat.entry(d.category.as_str()).or_default() += 1;
    }
    let mut rows: Vec<_> = by_rule.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for ((rule, cat), n) in rows {
        writeln!(out, "{n:>6}  {rule:<28} {cat}")?;
    }
    for (cat, n) in by_cat {
        writeln!(out, "{n:>6}  {:<28} (category total)", cat)?;
    }
    Ok(())
}
