//! The command line: parses arguments and drives the library, writing only to the
//! writers it is given so that tests can capture everything.

mod check;

pub use check::allow_progress;

use crate::config::{FileError, Overrides, Settings};
use crate::diagnostic::Severity;
use crate::rule::Rule;
use clap::{Args, Parser, Subcommand, ValueEnum};
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::Buffer};
use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::PathBuf;

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
    /// Apply fixes in place: the same as `check --fix`.
    Fix(CheckArgs),
    /// List every rule: id, category, default severity, fix, source.
    Rules(ConfigArgs),
    /// Print a rule's documentation and examples.
    Explain {
        /// Rule id, e.g. `entity-leak`.
        rule: String,
        #[command(flatten)]
        config: ConfigArgs,
    },
    /// Run the language server on standard input and output (for editors).
    Lsp {
        /// Accepted for clients that always pass it; stdio is the only transport.
        #[arg(long, hide = true)]
        stdio: bool,
    },
    /// Show the configuration that applies to a path.
    Config {
        /// Print the resolved configuration.
        #[arg(long)]
        show: bool,
        /// Where to look for copylint.toml (default: the current directory).
        path: Option<PathBuf>,
        #[command(flatten)]
        config: ConfigArgs,
    },
}

#[derive(Args, Default, Clone)]
pub(crate) struct ConfigArgs {
    /// Load extra rule files from DIR (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    rule_dirs: Vec<PathBuf>,
    /// Use this configuration file instead of looking for copylint.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Ignore every copylint.toml.
    #[arg(long)]
    no_config: bool,
}

#[derive(Clone, Copy, ValueEnum, Default, PartialEq, Eq, Debug)]
pub(crate) enum Format {
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
pub(crate) enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq, Debug)]
pub(crate) enum Level {
    Info,
    Warning,
    Error,
}

impl From<Level> for Severity {
    fn from(l: Level) -> Severity {
        match l {
            Level::Info => Severity::Info,
            Level::Warning => Severity::Warning,
            Level::Error => Severity::Error,
        }
    }
}

#[derive(Args, Clone)]
pub(crate) struct CheckArgs {
    /// Files or directories; `-` is standard input. Default: the current directory.
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    #[arg(long, value_enum, default_value_t)]
    color: ColorChoice,
    /// The name shown for standard input (also where its copylint.toml is looked for).
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
    /// Only these rules or categories (comma-separated); replaces the config's `select`.
    #[arg(long, value_delimiter = ',', value_name = "RULE|CATEGORY")]
    select: Vec<String>,
    /// Skip these rules or categories (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE|CATEGORY")]
    ignore: Vec<String>,
    /// Read inputs as this format. Default: by extension (.html .htm .xhtml → html,
    /// .md .markdown → markdown, anything else and stdin → text).
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<crate::markup::InputKind>,
    /// Override a rule's severity: `RULE=error|warning|info` (repeatable).
    #[arg(long, value_name = "RULE=LEVEL")]
    severity: Vec<String>,
    /// The lowest severity that makes the exit code 1 (default: warning).
    #[arg(long, value_enum, value_name = "LEVEL")]
    fail_on: Option<Level>,
    /// Exit 0 even when there are findings (errors reading input still exit 2).
    #[arg(long)]
    exit_zero: bool,
    /// Apply safe fixes in place (with `-`: print the fixed text).
    #[arg(long)]
    fix: bool,
    /// Also apply unsafe fixes (implies --fix unless --diff is given).
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print a unified diff of what --fix would change; write nothing.
    #[arg(long)]
    diff: bool,
    /// Print counts per rule and category instead of each finding.
    #[arg(long)]
    statistics: bool,
    /// Print only the summary line.
    #[arg(long, short)]
    quiet: bool,
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in a baseline file and exit.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["fix", "diff"])]
    write_baseline: Option<PathBuf>,
    /// Lint files larger than this many bytes in segments of at most this many (for
    /// tests; the default suits every real input).
    #[arg(long, hide = true, value_name = "BYTES")]
    segment_bytes: Option<usize>,
    #[command(flatten)]
    config: ConfigArgs,
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
        Command::Check(args) => check::run(args, stdin, out, err, env),
        Command::Fix(mut args) => {
            args.fix = true;
            check::run(args, stdin, out, err, env)
        }
        Command::Rules(c) => list_rules(&c, out, err),
        Command::Explain { rule, config } => explain(&rule, &config, out, err),
        Command::Config {
            show: _,
            path,
            config,
        } => show_config(path, &config, out, err),
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

/// Renders a configuration or rule-file error, pointing into the file when possible.
pub fn render_file_error(e: &FileError, err: &mut dyn Write) -> std::io::Result<()> {
    match &e.span {
        Some(span) if !e.source.is_empty() => {
            let file = SimpleFile::new(e.path.as_str(), e.source.as_ref());
            let code = if e.what == "rule file" {
                "rule-file"
            } else {
                "config"
            };
            let d = CsDiagnostic::error()
                .with_code(code)
                .with_message(format!("{} is not a valid {}", e.path, e.what))
                .with_labels(vec![
                    Label::primary((), span.clone()).with_message(&e.message),
                ]);
            let mut buf = Buffer::no_color();
            term::emit_to_write_style(&mut buf, &term::Config::default(), &file, &d)
                .map_err(std::io::Error::other)?;
            err.write_all(buf.as_slice())
        }
        _ => {
            let code = match e.what {
                "rule file" => "rule-file",
                "configuration file" => "config",
                _ => "usage",
            };
            writeln!(err, "error[{code}]: {}: {}", e.path, e.message)
        }
    }
}

/// Settings for commands that look at one place (`rules`, `explain`, `config`).
fn settings_here(
    c: &ConfigArgs,
    at: Option<&std::path::Path>,
    o: Overrides,
) -> Result<Settings, Vec<FileError>> {
    let o = Overrides {
        rule_dirs: c.rule_dirs.clone(),
        ..o
    };
    if c.no_config {
        return Settings::defaults(&o);
    }
    let found = c
        .config
        .clone()
        .or_else(|| crate::config::discover(at.unwrap_or(std::path::Path::new("."))));
    match found {
        Some(p) => Settings::load(&p, &o),
        None => Settings::defaults(&o),
    }
}

fn with_settings(
    c: &ConfigArgs,
    at: Option<&std::path::Path>,
    err: &mut dyn Write,
    f: impl FnOnce(&Settings) -> std::io::Result<i32>,
) -> std::io::Result<i32> {
    match settings_here(c, at, Overrides::default()) {
        Ok(s) => f(&s),
        Err(es) => {
            for e in &es {
                render_file_error(e, err)?;
            }
            Ok(EXIT_ERROR)
        }
    }
}

fn list_rules(c: &ConfigArgs, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<i32> {
    // Every known rule, not just the selected ones: load extra dirs but select nothing.
    let c = ConfigArgs {
        no_config: true,
        config: None,
        ..c.clone()
    };
    with_settings(&c, None, err, |s| {
        writeln!(
            out,
            "{:<28} {:<12} {:<8} {:<10} SOURCE",
            "RULE", "CATEGORY", "SEVERITY", "FIX"
        )?;
        for r in s.linter.rules() {
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
    })
}

fn explain(
    id: &str,
    c: &ConfigArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    let c = ConfigArgs {
        no_config: true,
        config: None,
        ..c.clone()
    };
    let mut unknown = false;
    let code = with_settings(&c, None, err, |s| {
        let Some(rule) = s.linter.rules().iter().find(|r| r.meta().id == id) else {
            unknown = true;
            return Ok(EXIT_ERROR);
        };
        write_explanation(rule.as_ref(), out)?;
        Ok(EXIT_CLEAN)
    })?;
    if unknown {
        writeln!(err, "error: unknown rule `{id}` (see `copylint rules`)")?;
    }
    Ok(code)
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

fn show_config(
    path: Option<PathBuf>,
    c: &ConfigArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<i32> {
    with_settings(c, path.as_deref(), err, |s| {
        out.write_all(s.show().as_bytes())?;
        Ok(EXIT_CLEAN)
    })
}
