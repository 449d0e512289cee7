//! `copylint check` and `copylint fix`.

use super::{
    CheckArgs, ColorChoice, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, Env, Format, render_file_error,
};
use crate::baseline::Baseline;
use crate::config::{FileError, Overrides, Settings, discover};
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::fix::{AtomicFile, fix_until_stable, write_atomic};
use crate::markup::InputKind;
use crate::render::{
    Concise, FileReport, Github, Html, Human, Json, JsonLines, Reporter, Sarif, Summary,
};
use crate::rule::Rule;
use crate::source::{DecodeError, Origin, ReadError, Segment, Segments, decode, scan, shift};
use crate::walk;
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
    /// Too large to lint at once: read, linted and reported in segments when its
    /// turn comes.
    pending: Option<Pending>,
}

/// Files larger than this many bytes are linted in segments of at most this many,
/// cut where the copy breaks. A document costs up to 40 times its size in memory
/// while it is linted (views, per-character tables, findings) and a core lints one
/// at a time; the lint time per byte does not depend on the segment size. 256 KiB
/// keeps a run near 45 MB at its peak and is still 25 articles' worth of copy.
/// The price: rules that look across a document (duplicate content, name variants,
/// pronoun consistency, quote styles, an appended article) or at the sentence
/// before a paragraph see one segment at a time.
pub const SEGMENT_BYTES: usize = 256 * 1024;

/// A large input, checked and ready to be read again in segments.
struct Pending {
    source: Box<dyn Read + Send>,
    linter: crate::Linter,
    kind: InputKind,
    max: usize,
}

impl Outcome {
    /// An input not yet read: no text, no findings.
    fn new(path: String, file: Option<PathBuf>) -> Outcome {
        Outcome {
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
            pending: None,
        }
    }

    /// Whether fixing changed the text (in report mode `original` is not kept).
    fn changed(&self) -> bool {
        self.fixed > 0 && self.text != self.original
    }
}

#[derive(Clone, Copy)]
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
    let segment_bytes = args.segment_bytes.unwrap_or(SEGMENT_BYTES);
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

    let mut stdin_outcome = None;
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
            let mut o = match read {
                Ok(bytes) if bytes.len() > segment_bytes => {
                    let bytes = std::io::Cursor::new(bytes);
                    in_segments(name, None, bytes, linter.into_owned(), kind, segment_bytes)
                }
                read => process(name, None, read, &linter, kind, mode),
            };
            o.fail_on = settings.fail_on;
            stdin_outcome = Some(o);
        }
    }
    if !resolver.errors.is_empty() {
        return report_errors(&resolver.errors, err);
    }
    let baseline = match &args.baseline {
        Some(path) if args.write_baseline.is_none() => match std::fs::read_to_string(path)
            .map_err(|e| walk::io_message(&e))
            .and_then(|s| Baseline::from_json(&s))
        {
            Ok(b) => Some(b),
            Err(m) => {
                writeln!(err, "error: baseline {}: {m}", path.display())?;
                return Ok(EXIT_ERROR);
            }
        },
        _ => None,
    };

    let stdin_fix = matches!(mode, Mode::Fix(_)) && !use_stdin.is_empty();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => env.stdout_is_terminal && !env.no_color,
    };
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

    let mut state = Consumer {
        mode,
        failed,
        baseline,
        recording: args.write_baseline.as_ref().map(|_| Baseline::new()),
        recorded: 0,
        recorded_files: 0,
        summary: Summary::default(),
        baselined: 0,
        fixed_total: 0,
        fixed_files: 0,
        changed: 0,
        serious: false,
        stats: BTreeMap::new(),
    };
    // With stdin fixed, its text goes to stdout and the report to stderr, after the
    // notes about single files: the report is held until the end.
    let mut held_report = SharedBuf::default();
    let held = held_report.0.clone();
    let wants_report = !(args.quiet || args.statistics)
        && args.write_baseline.is_none()
        && !matches!(mode, Mode::Diff(_));
    let mut plain_out: Option<&mut dyn Write> = Some(out);
    let report_sink: Option<&mut dyn Write> = match (wants_report, stdin_fix) {
        (false, _) => None,
        (true, false) => plain_out.take(),
        (true, true) => Some(&mut held_report),
    };
    let reporter: Option<Box<dyn Reporter + '_>> = report_sink.map(|sink| {
        let r: Box<dyn Reporter + '_> = match args.format {
            Format::Human => Box::new(Human::new(sink, color)),
            Format::Concise => Box::new(Concise::new(sink)),
            Format::Json => Box::new(Json::new(sink)),
            Format::Jsonl => Box::new(JsonLines::new(sink)),
            Format::Sarif => Box::new(Sarif::new(sink, &used_rules)),
            Format::Github => Box::new(Github::new(sink)),
            Format::Html => Box::new(Html::new(sink)),
        };
        r
    });
    let mut io = Sinks {
        err,
        out: plain_out,
        reporter,
    };
    if let Some(o) = stdin_outcome.take() {
        state.take(o, &mut io)?;
    }
    let progress = Progress::new(jobs.len(), args.quiet);
    let input_format = args.input_format;
    // Files are linted in parallel and consumed here one at a time, in path order,
    // as soon as each is ready: only a bounded window of documents is ever in memory.
    for_each_in_order(
        jobs,
        move |(p, s): (PathBuf, Arc<Settings>)| {
            let linter = s.linter_for(&p);
            let kind = input_format.unwrap_or_else(|| s.input_kind(&p));
            let name = p.display().to_string();
            let mut o = match open(&p, segment_bytes) {
                Ok(Opened::Large(file)) => in_segments(
                    name,
                    Some(p),
                    file,
                    linter.into_owned(),
                    kind,
                    segment_bytes,
                ),
                Ok(Opened::Small(bytes)) => process(name, Some(p), Ok(bytes), &linter, kind, mode),
                Err(e) => process(name, Some(p), Err(e), &linter, kind, mode),
            };
            o.fail_on = s.fail_on;
            o
        },
        |o| {
            progress.tick();
            state.take(o, &mut io)
        },
    )?;
    progress.finish();
    if matches!(mode, Mode::Fix(_)) {
        state.summary.fixed = Some((state.fixed_total, state.fixed_files));
    }
    state.summary.baselined = state.baselined;
    let Sinks {
        err,
        out: mut plain_out,
        reporter,
    } = io;
    if let Some(mut r) = reporter {
        r.finish(&state.summary)?;
    }
    if stdin_fix {
        err.write_all(&held.borrow())?;
    }

    if let Some(path) = &args.write_baseline {
        let b = state.recording.take().unwrap_or_default();
        if let Err(e) = std::fs::write(path, b.to_json()) {
            writeln!(err, "error: {}: {}", path.display(), walk::io_message(&e))?;
            return Ok(EXIT_ERROR);
        }
        if let Some(out) = plain_out.as_deref_mut() {
            writeln!(
                out,
                "Recorded {} findings in {} files to {}.",
                state.recorded,
                state.recorded_files,
                path.display()
            )?;
        }
        return Ok(if state.failed { EXIT_ERROR } else { EXIT_CLEAN });
    }
    if let Mode::Diff(_) = mode {
        writeln!(
            err,
            "{} fixes would change {} files.",
            state.fixed_total, state.changed
        )?;
        return Ok(if state.failed {
            EXIT_ERROR
        } else if state.changed > 0 {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        });
    }
    if args.quiet || args.statistics {
        let sink: &mut dyn Write = match (stdin_fix, plain_out) {
            (false, Some(out)) => out,
            _ => err,
        };
        if args.statistics {
            write_statistics(sink, &state.stats)?;
        }
        writeln!(sink, "{}", state.summary.line())?;
    }
    if state.failed {
        return Ok(EXIT_ERROR);
    }
    if args.exit_zero {
        return Ok(EXIT_CLEAN);
    }
    Ok(if state.serious {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

/// A buffer that can be read while a reporter still holds a writer to it.
#[derive(Default)]
struct SharedBuf(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl Write for SharedBuf {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Where the consumer of outcomes writes.
struct Sinks<'e, 'r> {
    err: &'e mut dyn Write,
    /// stdout when no reporter holds it: diffs, a fixed stdin text.
    out: Option<&'e mut dyn Write>,
    reporter: Option<Box<dyn Reporter + 'r>>,
}

/// What the run keeps while files stream past: counters, not documents.
struct Consumer {
    mode: Mode,
    failed: bool,
    baseline: Option<Baseline>,
    recording: Option<Baseline>,
    recorded: usize,
    recorded_files: usize,
    summary: Summary,
    baselined: usize,
    fixed_total: usize,
    fixed_files: usize,
    /// Files a `--diff` would change.
    changed: usize,
    /// Some finding at or above its file's `fail-on` level.
    serious: bool,
    stats: BTreeMap<(&'static str, &'static str), usize>,
}

impl Consumer {
    /// One file's outcome, in order: write its fixes, say what went wrong, then
    /// record, diff or report it.
    fn take(&mut self, mut o: Outcome, io: &mut Sinks) -> std::io::Result<()> {
        if o.error.is_none()
            && let Some(p) = o.pending.take()
        {
            return self.take_segments(o, p, io);
        }
        if let Mode::Fix(_) = self.mode
            && o.error.is_none()
            && o.changed()
            && let Some(f) = &o.file
            && let Err(e) = write_atomic(f, o.text.as_bytes())
        {
            o.error = Some(format!("cannot write fixes: {}", walk::io_message(&e)));
        }
        if let Some(m) = &o.error {
            if o.skipped {
                writeln!(io.err, "note: {}: {m}", o.path)?;
            } else {
                writeln!(io.err, "error: {}: {m}", o.path)?;
                self.failed = true;
            }
            return Ok(());
        } else if !o.converged {
            writeln!(
                io.err,
                "warning: {}: fixes did not settle after the maximum number of rounds",
                o.path
            )?;
        }
        if let Some(b) = &mut self.recording {
            b.record(&o.path, &o.text, &o.diagnostics);
            self.recorded += o.diagnostics.len();
            self.recorded_files += 1;
            return Ok(());
        }
        if let Some(b) = &self.baseline {
            self.baselined += b.filter(&o.path, &o.text, &mut o.diagnostics);
        }
        self.fixed_total += o.fixed;
        if let Mode::Diff(_) = self.mode {
            if o.changed() {
                self.changed += 1;
                if let Some(out) = io.out.as_deref_mut() {
                    let diff = similar::TextDiff::from_lines(&o.original, &o.text);
                    write!(
                        out,
                        "{}",
                        diff.unified_diff()
                            .context_radius(2)
                            .header(&format!("a/{}", o.path), &format!("b/{}", o.path))
                    )?;
                }
            }
            return Ok(());
        }
        if matches!(self.mode, Mode::Fix(_))
            && o.file.is_none()
            && let Some(out) = io.out.as_deref_mut()
        {
            // A fixed stdin: the text goes to stdout.
            out.write_all(o.text.as_bytes())?;
        }
        self.summary.add(&o.diagnostics);
        self.fixed_files += usize::from(o.fixed > 0);
        self.serious |= o.diagnostics.iter().any(|d| d.severity >= o.fail_on);
        for d in &o.diagnostics {
            *self.stats.entry((d.rule, d.category.as_str())).or_default() += 1;
        }
        if let Some(r) = io.reporter.as_deref_mut() {
            r.file(&FileReport::new(&o.path, &o.text, &o.diagnostics))?;
        }
        Ok(())
    }

    /// A large file, segment by segment: each is linted (or fixed) on the pool while
    /// the ones before it are reported, its findings moved to their place in the
    /// file. Fixes go to a temporary file that replaces the original only when every
    /// segment was read and written.
    fn take_segments(&mut self, o: Outcome, p: Pending, io: &mut Sinks) -> std::io::Result<()> {
        let mode = self.mode;
        let path = o.path;
        let mut fixes_to = None;
        if let (Mode::Fix(_), Some(f)) = (mode, &o.file) {
            match AtomicFile::new(f) {
                Ok(w) => fixes_to = Some(w),
                Err(e) => {
                    writeln!(
                        io.err,
                        "error: {path}: cannot write fixes: {}",
                        walk::io_message(&e)
                    )?;
                    self.failed = true;
                    return Ok(());
                }
            }
        }
        let stdin_fix = matches!(mode, Mode::Fix(_)) && o.file.is_none();
        let mut at = Origin::START;
        let mut error: Option<String> = None;
        let (mut fixed, mut changed, mut converged) = (0, false, true);
        let mut diff = DiffGroups::default();
        // What the baseline still absorbs in this file, over all its segments.
        let mut known = self
            .baseline
            .as_ref()
            .and_then(|b| b.files.get(&path).cloned());
        let Pending {
            source,
            linter,
            kind,
            max,
        } = p;
        let window = rayon::current_num_threads() + 2;
        in_order(
            Segments::new(source, max, kind),
            window,
            move |seg| lint_segment(seg, &linter, kind, mode),
            |r| {
                if error.is_some() {
                    return Ok(());
                }
                let mut s = match r {
                    Ok(s) => s,
                    Err(m) => {
                        error = Some(m);
                        return Ok(());
                    }
                };
                fixed += s.fixed;
                changed |= s.changed;
                converged &= s.converged;
                if let Some(w) = &mut fixes_to
                    && let Err(e) = w.write_all(s.text.as_bytes())
                {
                    error = Some(format!("cannot write fixes: {}", walk::io_message(&e)));
                    return Ok(());
                }
                if let Mode::Diff(_) = mode {
                    return diff.push(&s.original, &s.text, &path, io.out.as_deref_mut());
                }
                if let Some(b) = &mut self.recording {
                    b.record(&path, &s.text, &s.diagnostics);
                    self.recorded += s.diagnostics.len();
                    return Ok(());
                }
                if let Some(known) = &mut known {
                    self.baselined += Baseline::filter_known(known, &s.text, &mut s.diagnostics);
                }
                if stdin_fix && let Some(out) = io.out.as_deref_mut() {
                    out.write_all(s.text.as_bytes())?;
                }
                for d in &mut s.diagnostics {
                    shift(d, at.offset);
                }
                if !at.continued {
                    self.summary.files += 1;
                }
                self.summary.add_piece(&s.diagnostics);
                self.serious |= s.diagnostics.iter().any(|d| d.severity >= o.fail_on);
                for d in &s.diagnostics {
                    *self.stats.entry((d.rule, d.category.as_str())).or_default() += 1;
                }
                if let Some(r) = io.reporter.as_deref_mut() {
                    r.file(&FileReport {
                        path: &path,
                        text: &s.text,
                        diagnostics: &s.diagnostics,
                        origin: at,
                    })?;
                }
                at = at.after(&s.text);
                Ok(())
            },
        )?;
        if error.is_none()
            && let Mode::Diff(_) = mode
        {
            diff.finish(&path, io.out.as_deref_mut())?;
        }
        if error.is_none()
            && changed
            && let Some(w) = fixes_to
            && let Err(e) = w.commit()
        {
            error = Some(format!("cannot write fixes: {}", walk::io_message(&e)));
        }
        if let Some(m) = error {
            writeln!(io.err, "error: {path}: {m}")?;
            self.failed = true;
            return Ok(());
        }
        if !converged {
            writeln!(
                io.err,
                "warning: {path}: fixes did not settle after the maximum number of rounds"
            )?;
        }
        if self.recording.is_some() {
            self.recorded_files += 1;
            return Ok(());
        }
        self.fixed_total += fixed;
        self.fixed_files += usize::from(fixed > 0);
        self.changed += usize::from(changed && matches!(mode, Mode::Diff(_)));
        Ok(())
    }
}

/// One segment of a large file, linted or fixed.
struct SegmentOutcome {
    /// As read; kept only for `--diff`.
    original: String,
    /// As read, or fixed.
    text: String,
    /// In the segment's offsets.
    diagnostics: Vec<Diagnostic>,
    fixed: usize,
    changed: bool,
    converged: bool,
}

fn lint_segment(
    segment: Result<Segment, ReadError>,
    linter: &crate::Linter,
    kind: InputKind,
    mode: Mode,
) -> Result<SegmentOutcome, String> {
    let segment = segment.map_err(|e| match e {
        ReadError::Io(e) => walk::io_message(&e),
        ReadError::Decode(e) => e.to_string(),
    })?;
    Ok(match mode {
        Mode::Report => SegmentOutcome {
            diagnostics: linter.lint_source(&segment.text, kind),
            original: String::new(),
            text: segment.text,
            fixed: 0,
            changed: false,
            converged: true,
        },
        Mode::Fix(min) | Mode::Diff(min) => {
            let f = fix_until_stable(linter, &segment.text, kind, min);
            SegmentOutcome {
                changed: f.fixed > 0 && f.text != segment.text,
                original: if matches!(mode, Mode::Diff(_)) {
                    segment.text
                } else {
                    String::new()
                },
                text: f.text,
                diagnostics: f.remaining,
                fixed: f.fixed,
                converged: f.converged,
            }
        }
    })
}

/// `--diff` of a large file: segments are gathered until one ends a line, then the
/// group is diffed and its hunks numbered by their lines in the whole file.
#[derive(Default)]
struct DiffGroups {
    old: String,
    new: String,
    /// Lines before the group, on either side.
    old_line: usize,
    new_line: usize,
    header: bool,
}

impl DiffGroups {
    fn push(
        &mut self,
        old: &str,
        new: &str,
        path: &str,
        out: Option<&mut (dyn Write + '_)>,
    ) -> std::io::Result<()> {
        self.old.push_str(old);
        self.new.push_str(new);
        if self.old.ends_with(['\n', '\r']) {
            self.flush(path, out)?;
        }
        Ok(())
    }

    fn finish(&mut self, path: &str, out: Option<&mut (dyn Write + '_)>) -> std::io::Result<()> {
        self.flush(path, out)
    }

    fn flush(&mut self, path: &str, out: Option<&mut (dyn Write + '_)>) -> std::io::Result<()> {
        if self.old != self.new
            && let Some(out) = out
        {
            let diff = similar::TextDiff::from_lines(&self.old, &self.new);
            for hunk in diff.unified_diff().context_radius(2).iter_hunks() {
                let ops = hunk.ops();
                let (Some(first), Some(last)) = (ops.first(), ops.last()) else {
                    continue;
                };
                if !self.header {
                    write!(out, "--- a/{path}\n+++ b/{path}\n")?;
                    self.header = true;
                }
                let range = |start: usize, end: usize, base: usize| {
                    let len = end - start;
                    match len {
                        1 => format!("{}", base + start + 1),
                        0 => format!("{},0", base + start),
                        _ => format!("{},{len}", base + start + 1),
                    }
                };
                let body = hunk.to_string();
                let body = body.split_once('\n').map_or("", |(_, b)| b);
                write!(
                    out,
                    "@@ -{} +{} @@\n{body}",
                    range(first.old_range().start, last.old_range().end, self.old_line),
                    range(first.new_range().start, last.new_range().end, self.new_line),
                )?;
            }
        }
        self.old_line += Origin::START.after(&self.old).line;
        self.new_line += Origin::START.after(&self.new).line;
        self.old.clear();
        self.new.clear();
        Ok(())
    }
}

/// Runs `work` over `jobs` on the thread pool and hands the results to `consume` in
/// job order, each as soon as it and all before it are done. At most a window of
/// results is pending, so memory stays bounded however many jobs there are.
fn for_each_in_order<J, R>(
    jobs: Vec<J>,
    work: impl Fn(J) -> R + Send + Sync + 'static,
    mut consume: impl FnMut(R) -> std::io::Result<()>,
) -> std::io::Result<()>
where
    J: Send + 'static,
    R: Send + 'static,
{
    if jobs.len() <= 1 {
        // One file (the editor-on-save case): no threads to start.
        for j in jobs {
            consume(work(j))?;
        }
        return Ok(());
    }
    let window = (4 * rayon::current_num_threads()).max(16);
    in_order(jobs.into_iter(), window, work, consume)
}

/// [`for_each_in_order`] over jobs made as they are needed, at most `window` of
/// them pending at once.
fn in_order<J, R>(
    jobs: impl Iterator<Item = J>,
    window: usize,
    work: impl Fn(J) -> R + Send + Sync + 'static,
    mut consume: impl FnMut(R) -> std::io::Result<()>,
) -> std::io::Result<()>
where
    J: Send + 'static,
    R: Send + 'static,
{
    let work = Arc::new(work);
    let (tx, rx) = std::sync::mpsc::channel::<(usize, R)>();
    let mut pending = jobs.enumerate();
    let mut spawn_next = || {
        if let Some((i, job)) = pending.next() {
            let (tx, work) = (tx.clone(), work.clone());
            rayon::spawn(move || {
                // The receiver may be gone after a write error; nothing to do then.
                let _ = tx.send((i, work(job)));
            });
            true
        } else {
            false
        }
    };
    let mut in_flight = 0;
    while in_flight < window && spawn_next() {
        in_flight += 1;
    }
    let mut ready: BTreeMap<usize, R> = BTreeMap::new();
    let mut next = 0;
    while in_flight > 0 {
        let Ok((i, r)) = rx.recv() else { break };
        ready.insert(i, r);
        while let Some(r) = ready.remove(&next) {
            next += 1;
            in_flight -= 1;
            consume(r)?;
            if spawn_next() {
                in_flight += 1;
            }
        }
    }
    Ok(())
}

/// Whether `copylint check` may draw a progress bar: set by the binary when stderr is
/// a terminal (the library, tests and the language server never draw one).
static PROGRESS_ALLOWED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Lets `check` draw a progress bar on stderr for long runs.
pub fn allow_progress(allowed: bool) {
    PROGRESS_ALLOWED.store(allowed, std::sync::atomic::Ordering::Relaxed);
}

/// Fewest files for a progress bar.
const PROGRESS_MIN_FILES: usize = 100;

struct Progress(Option<indicatif::ProgressBar>);

impl Progress {
    fn new(files: usize, quiet: bool) -> Progress {
        let on = PROGRESS_ALLOWED.load(std::sync::atomic::Ordering::Relaxed)
            && !quiet
            && files >= PROGRESS_MIN_FILES;
        Progress(on.then(|| {
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(files as u64),
                indicatif::ProgressDrawTarget::stderr(),
            );
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} files {per_sec} eta {eta}",
            ) {
                bar.set_style(style);
            }
            bar
        }))
    }

    fn tick(&self) {
        if let Some(b) = &self.0 {
            b.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(b) = &self.0 {
            b.finish_and_clear();
        }
    }
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
    mode: Mode,
) -> Outcome {
    let mut o = Outcome::new(path, file);
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
                    o.text = text;
                    return o;
                }
                Mode::Fix(min) | Mode::Diff(min) => {
                    let f = fix_until_stable(linter, &text, kind, min);
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

/// A file small enough to lint at once, read; or a large one, open.
enum Opened {
    Small(Vec<u8>),
    Large(std::fs::File),
}

fn open(path: &Path, segment_bytes: usize) -> std::io::Result<Opened> {
    let mut file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    if len > segment_bytes as u64 {
        return Ok(Opened::Large(file));
    }
    let mut bytes = Vec::with_capacity(len as usize + 1);
    file.read_to_end(&mut bytes)?;
    Ok(Opened::Small(bytes))
}

/// An outcome that leaves a large input to be linted in segments, once it is known
/// to be text: like [`decode`], without holding it.
fn in_segments(
    path: String,
    file: Option<PathBuf>,
    source: impl Read + std::io::Seek + Send + 'static,
    linter: crate::Linter,
    kind: InputKind,
    max: usize,
) -> Outcome {
    let mut o = Outcome::new(path, file);
    let mut source = source;
    let checked = scan(&mut source).and_then(|r| {
        source.seek(std::io::SeekFrom::Start(0))?;
        Ok(r)
    });
    match checked {
        Ok(Ok(())) => {
            o.pending = Some(Pending {
                source: Box::new(source),
                linter,
                kind,
                max,
            })
        }
        Ok(Err(e)) => {
            o.skipped = e == DecodeError::Binary;
            o.error = Some(e.to_string());
        }
        Err(e) => o.error = Some(walk::io_message(&e)),
    }
    o
}

fn write_statistics(
    out: &mut dyn Write,
    counts: &BTreeMap<(&'static str, &'static str), usize>,
) -> std::io::Result<()> {
    let mut by_cat: BTreeMap<&str, usize> = BTreeMap::new();
    for ((_, cat), n) in counts {
        *by_cat.entry(cat).or_default() += n;
    }
    let mut rows: Vec<_> = counts.iter().collect();
    rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for ((rule, cat), n) in rows {
        writeln!(out, "{n:>6}  {rule:<28} {cat}")?;
    }
    for (cat, n) in by_cat {
        writeln!(out, "{n:>6}  {:<28} (category total)", cat)?;
    }
    Ok(())
}
