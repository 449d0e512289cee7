//! The command line: parses arguments and drives the library, writing only to the
//! writers it is given so that tests can capture everything.

use crate::declarative::RuleFileError;
use crate::diagnostic::Severity;
use crate::linter::{Linter, Registry, default_registry};
use crate::render::{
    Concise, FileReport, Github, Html, Human, Json, JsonLines, Reporter, Sarif, Summary,
};
use crate::rule::Rule;
use crate::source::{DecodeError, decode};
use crate::walk;
use clap::{Args, Parser, Subcommand, ValueEnum};
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::Buffer};
use rayon::prelude::*;
use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::Arc;

/// What the process knows about its surroundings.
pub struct Env {
    pub stdout_is_terminal: bool,
    pub no_color: bool,
}

pub const EXIT_CLEAN: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

#[derive(Parser)]
#[command(
    name = "copylint",
    version,
    about = "A linter for scraped and machine-translated news copy"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint files and directories (`-` reads standard input).
    Check(CheckArgs),
    /// List every rule: id, category, default severity, fix, source.
    Rules(RuleArgs),
    /// Print a rule's documentation and examples.
    Explain {
        /// Rule id, e.g. `entity-leak`.
        rule: String,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Run the language server on standard input and output (for editors).
    Lsp {
        /// Accepted for clients that always pass it; stdio is the only transport.
        #[arg(long, hide = true)]
        stdio: bool,
    },
}

#[derive(Args, Default)]
struct RuleArgs {
    /// Load extra rule files from DIR (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    rule_dirs: Vec<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum, Default, PartialEq, Eq)]
enum Format {
    #[default]
    Human,
    Concise,
    Json,
    Jsonl,
    Sarif,
    Github,
    Html,
}

#[derive(Clone, Copy, ValueEnum, Default)]
enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Args)]
struct CheckArgs {
    /// Files or directories; `-` is standard input. Default: the current directory.
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    #[arg(long, value_enum, default_value_t)]
    color: ColorChoice,
    /// The name shown for standard input.
    #[arg(long, value_name = "NAME", default_value = "<stdin>")]
    stdin_filename: String,
    /// Only these rules or categories (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE|CATEGORY")]
    select: Vec<String>,
    /// Skip these rules or categories (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE|CATEGORY")]
    ignore: Vec<String>,
    #[command(flatten)]
    rules: RuleArgs,
}

pub fn run(
    args: impl IntoIterator<Item = OsString>,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
    env: &Env,
) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() {
                EXIT_ERROR
            } else {
                EXIT_CLEAN
            };
            let text = e.render().to_string();
            let _ = if e.use_stderr() {
                err.write_all(text.as_bytes())
            } else {
                out.write_all(text.as_bytes())
            };
            return code;
        }
    };
    let result = match cli.command {
        Command::Check(args) => check(args, stdin, out, err, env),
        Command::Rules(args) => list_rules(&args, out, err),
        Command::Explain { rule, rules } => explain(&rule, &rules, out, err),
        Command::Lsp { .. } => crate::lsp::run_stdio(out, err),
    };
    result.unwrap_or_else(|e| {
        // Output closed early (a pipe to `head`): nothing more to say.
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            let _ = writeln!(err, "error: {e}");
        }
        EXIT_ERROR
    })
}

/// The registry with any `--rules DIR` loaded; rule-file errors are rendered.
fn registry(args: &RuleArgs, err: &mut dyn Write) -> std::io::Result<Option<Registry>> {
    let mut reg = default_registry().clone();
    let mut errors = Vec::new();
    for dir in &args.rule_dirs {
        if let Err(e) = reg.load_dir(dir) {
            errors.extend(e);
        }
    }
    if errors.is_empty() {
        return Ok(Some(reg));
    }
    for e in &errors {
        render_rule_file_error(e, err)?;
    }
    Ok(None)
}

pub fn render_rule_file_error(e: &RuleFileError, err: &mut dyn Write) -> std::io::Result<()> {
    match &e.span {
        Some(span) => {
            let file = SimpleFile::new(e.path.as_str(), e.source.as_ref());
            let d = CsDiagnostic::error()
                .with_code("rule-file")
                .with_message(format!("{} is not a valid rule file", e.path))
                .with_labels(vec![
                    Label::primary((), span.clone()).with_message(&e.message),
                ]);
            let mut buf = Buffer::no_color();
            term::emit_to_write_style(&mut buf, &term::Config::default(), &file, &d)
                .map_err(std::io::Error::other)?;
            err.write_all(buf.as_slice())
        }
        None => writeln!(err, "error[rule-file]: {}: {}", e.path, e.message),
    }
}

struct Outcome {
    path: String,
    text: String,
    diagnostics: Vec<crate::Diagnostic>,
    error: Option<String>,
    /// Skipped with a note, not an error (binary files).
    skipped: bool,
}

fn lint_bytes(path: String, bytes: std::io::Result<Vec<u8>>, linter: &Linter) -> Outcome {
    let mut o = Outcome {
        path,
        text: String::new(),
        diagnostics: Vec::new(),
        error: None,
        skipped: false,
    };
    match bytes.map_err(|e| walk::io_message(&e)).and_then(|b| {
        decode(b).map_err(|e| (e.to_string(), e)).map_err(|(m, e)| {
            o.skipped = e == DecodeError::Binary;
            m
        })
    }) {
        Ok(text) => {
            o.diagnostics = linter.lint(&text);
            o.text = text;
        }
        Err(m) => o.error = Some(m),
    }
    o
}

fn check(
    args: CheckArgs,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
    env: &Env,
) -> std::io::Result<i32> {
    let Some(reg) = registry(&args.rules, err)? else {
        return Ok(EXIT_ERROR);
    };
    let linter = match reg.select(&args.select, &args.ignore) {
        Ok(l) => l,
        Err(m) => {
            writeln!(err, "error: {m}")?;
            return Ok(EXIT_ERROR);
        }
    };
    let mut failed = false;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut outcomes = Vec::new();
    let (use_stdin, file_args): (Vec<_>, Vec<_>) =
        paths.into_iter().partition(|p| p.as_os_str() == "-");
    if !use_stdin.is_empty() {
        let mut buf = Vec::new();
        let read = stdin.read_to_end(&mut buf).map(|_| buf);
        outcomes.push(lint_bytes(args.stdin_filename.clone(), read, &linter));
    }
    let exts: Vec<String> = walk::DEFAULT_EXTENSIONS
        .iter()
        .map(|s| s.to_string())
        .collect();
    let (files, walk_errors) = walk::collect(&file_args, &exts);
    for e in &walk_errors {
        writeln!(err, "error: {}: {}", e.path, e.message)?;
        failed = true;
    }
    let linter = Arc::new(linter);
    let mut from_files: Vec<Outcome> = files
        .par_iter()
        .map(|p| lint_bytes(p.display().to_string(), std::fs::read(p), &linter))
        .collect();
    outcomes.append(&mut from_files);

    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => env.stdout_is_terminal && !env.no_color,
    };
    let mut reporter: Box<dyn Reporter> = match args.format {
        Format::Human => Box::new(Human::new(out, color)),
        Format::Concise => Box::new(Concise::new(out)),
        Format::Json => Box::new(Json::new(out)),
        Format::Jsonl => Box::new(JsonLines::new(out)),
        Format::Sarif => Box::new(Sarif::new(out, linter.rules())),
        Format::Github => Box::new(Github::new(out)),
        Format::Html => Box::new(Html::new(out)),
    };
    let mut summary = Summary::default();
    for o in &outcomes {
        if let Some(m) = &o.error {
            if o.skipped {
                writeln!(err, "note: {}: {m}", o.path)?;
            } else {
                writeln!(err, "error: {}: {m}", o.path)?;
                failed = true;
            }
            continue;
        }
        summary.add(&o.diagnostics);
        reporter.file(&FileReport {
            path: &o.path,
            text: &o.text,
            diagnostics: &o.diagnostics,
        })?;
    }
    reporter.finish(&summary)?;
    if failed {
        return Ok(EXIT_ERROR);
    }
    let serious = summary.count(Severity::Warning) + summary.count(Severity::Error);
    Ok(if serious > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

fn list_rules(args: &RuleArgs, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    let Some(reg) = registry(args, err)? else {
        return Ok(EXIT_ERROR);
    };
    writeln!(
        out,
        "{:<28} {:<12} {:<8} {:<10} SOURCE",
        "RULE", "CATEGORY", "SEVERITY", "FIX"
    )?;
    for r in reg.rules() {
        let m = r.meta();
        writeln!(
            out,
            "{:<28} {:<12} {:<8} {:<10} {}",
            m.id,
            m.category,
            m.severity,
            m.fix.as_str(),
            m.source.describe()
        )?;
    }
    Ok(EXIT_CLEAN)
}

fn explain(
    id: &str,
    args: &RuleArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let Some(reg) = registry(args, err)? else {
        return Ok(EXIT_ERROR);
    };
    let Some(rule) = reg.get(id) else {
        writeln!(err, "error: unknown rule `{id}` (see `copylint rules`)")?;
        return Ok(EXIT_ERROR);
    };
    write_explanation(rule.as_ref(), out)?;
    Ok(EXIT_CLEAN)
}

fn write_explanation(rule: &dyn Rule, out: &mut dyn Write) -> std::io::Result<()> {
    let m = rule.meta();
    writeln!(out, "# {}\n", m.id)?;
    writeln!(out, "{}\n", m.summary)?;
    writeln!(
        out,
        "Category: {} · default severity: {} · fix: {} · source: {}\n",
        m.category,
        m.severity,
        m.fix.as_str(),
        m.source.describe()
    )?;
    writeln!(out, "{}", m.docs_text())
}
