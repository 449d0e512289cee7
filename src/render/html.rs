use super::{FileReport, LineIndex, Reporter, Summary};
use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::source::{Origin, localize};
use std::fmt::Write as _;
use std::io::{self, Write};

/// One self-contained HTML page for copy editors: counts per category, then each
/// file's text with every finding highlighted in its category's colour and explained
/// under the line where it ends. No scripts, no external assets; readable from disk.
///
/// Each finding is exactly one `<mark data-finding=N>` element (its first piece);
/// where findings cross rather than nest, the later one continues in further
/// `<mark data-cont=N>` pieces, so no finding is ever dropped or merged.
pub struct Html<'w> {
    out: &'w mut dyn Write,
    files: Vec<FileEntry>,
    body: String,
    /// The file being reported, while its pieces come in.
    open: Option<OpenFile>,
}

struct FileEntry {
    path: String,
    findings: usize,
}

/// A file whose pieces are still coming: its heading, which shows the count of
/// findings, is written when it is complete.
struct OpenFile {
    path: String,
    findings: usize,
    content: String,
}

impl<'w> Html<'w> {
    pub fn new(out: &'w mut dyn Write) -> Self {
        Html {
            out,
            files: Vec::new(),
            body: String::new(),
            open: None,
        }
    }

    fn close_file(&mut self) {
        let Some(f) = self.open.take() else {
            return;
        };
        let n = f.findings;
        let _ = writeln!(
            self.body,
            "<section class=\"file\" id=\"f{}\"><details{}><summary><h2>{}</h2><span class=\"fcount\">{}</span></summary>",
            self.files.len() + 1,
            if n > 0 { " open" } else { "" },
            escape(&f.path),
            if n == 1 {
                "1 finding".to_string()
            } else {
                format!("{n} findings")
            }
        );
        self.body.push_str("<div class=\"text\">\n");
        self.body.push_str(&f.content);
        self.body.push_str("</div>\n</details></section>\n");
        self.files.push(FileEntry {
            path: f.path,
            findings: n,
        });
    }
}

/// Escapes text for element content and attribute values alike.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Characters a copy editor cannot see but must know about.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
        || (c.is_control() && c != '\t')
}

/// Escapes copy for display, making invisible characters visible.
fn escape_copy(s: &str, out: &mut String) {
    for c in s.chars() {
        if is_invisible(c) {
            let _ = write!(
                out,
                "<span class=\"inv\" title=\"invisible character\">U+{:04X}</span>",
                c as u32
            );
        } else {
            out.push_str(&escape(&c.to_string()));
        }
    }
}

/// Copy quoted in a message or a fix: line ends shown as `↵`.
fn escape_snippet(s: &str) -> String {
    let mut out = String::new();
    escape_copy(&s.replace("\r\n", "↵").replace(['\n', '\r'], "↵"), &mut out);
    out
}

/// A message with its `code` spans (backtick-quoted copy) set in code; an unpaired
/// backtick leaves the message as plain text.
fn message_html(msg: &str) -> String {
    if msg.matches('`').count() % 2 == 1 {
        return escape(msg);
    }
    let mut out = String::new();
    for (k, part) in msg.split('`').enumerate() {
        if k % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", escape_snippet(part));
        } else {
            out.push_str(&escape(part));
        }
    }
    out
}

fn category_label(c: Category) -> &'static str {
    c.as_str()
}

/// A finding's span, clamped into the text and widened to char boundaries.
#[derive(Clone, Copy)]
struct Item {
    start: usize,
    end: usize,
    n: usize,
}

fn clamp(text: &str, d: &Diagnostic) -> (usize, usize) {
    let mut start = d.span.start.min(text.len());
    let mut end = d.span.end.clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    (start, end)
}

/// Lines as (start, content end, end including the line break).
fn lines(text: &str) -> Vec<(usize, usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                out.push((start, i, i + 1));
                start = i + 1;
            }
            b'\r' => {
                let end = if b.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                out.push((start, i, end));
                start = end;
                i = end - 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < b.len() || out.is_empty() {
        out.push((start, b.len(), b.len()));
    }
    out
}

struct FileRenderer<'a> {
    /// The file's text, or the piece's, with `diags` in its offsets.
    text: &'a str,
    diags: &'a [Diagnostic],
    /// Element-id prefix of this file.
    fid: String,
    idx: LineIndex<'a>,
    /// For a piece of a file: lines before it, and whether it starts inside a line.
    first_line: usize,
    mid_line: bool,
    /// Findings numbered in earlier pieces of the file.
    first_n: usize,
}

impl FileRenderer<'_> {
    fn anchor(&self, n: usize) -> String {
        format!("{}-n{}", self.fid, self.first_n + n + 1)
    }

    fn open(&self, item: &Item, first: bool, out: &mut String) {
        let d = &self.diags[item.n];
        let attr = if first { "data-finding" } else { "data-cont" };
        let _ = write!(
            out,
            "<mark class=\"hl cat-{} sev-{}{}\" {attr}=\"{}\" title=\"{}: {}\">",
            d.category,
            d.severity,
            if item.start == item.end { " empty" } else { "" },
            self.first_n + item.n + 1,
            escape(d.rule),
            escape(&d.message)
        );
    }

    fn close(&self, item: &Item, last: bool, out: &mut String) {
        if last {
            let _ = write!(
                out,
                "<a class=\"ref\" href=\"#{}\">{}</a>",
                self.anchor(item.n),
                self.first_n + item.n + 1
            );
        }
        out.push_str("</mark>");
    }

    fn render(&self, out: &mut String) {
        let text = self.text;
        let mut items: Vec<Item> = self
            .diags
            .iter()
            .enumerate()
            .map(|(n, d)| {
                let (start, end) = clamp(text, d);
                Item { start, end, n }
            })
            .collect();
        items.sort_by_key(|i| (i.start, std::cmp::Reverse(i.end), i.n));
        // Findings explained under the line where they end.
        let all_lines = lines(text);
        let mut notes_at: Vec<Vec<usize>> = vec![Vec::new(); all_lines.len()];
        for it in &items {
            let last = if it.end > it.start {
                it.end - 1
            } else {
                it.start
            };
            let line = all_lines
                .partition_point(|l| l.2 <= last)
                .min(all_lines.len() - 1);
            notes_at[line].push(it.n);
        }
        let mut opened = vec![false; self.diags.len()];
        let mut next = 0;
        let mut live: Vec<Item> = Vec::new();
        let line_count = all_lines.len();
        for (ln, &(ls, le, te)) in all_lines.iter().enumerate() {
            let is_last = ln + 1 == line_count;
            while next < items.len()
                && (items[next].start < te || (is_last && items[next].start <= te))
            {
                live.push(items[next]);
                next += 1;
            }
            live.retain(|i| i.end > ls || (i.start == i.end && i.start >= ls));
            // Empty findings inside a CRLF belong at the line end.
            let empty_pos = |i: &Item| if i.start > le { le } else { i.start };
            let mut points: Vec<usize> = vec![ls, le, te];
            for i in &live {
                if i.start == i.end {
                    points.push(empty_pos(i));
                } else {
                    points.push(i.start.clamp(ls, te));
                    points.push(i.end.clamp(ls, te));
                }
            }
            points.sort_unstable();
            points.dedup();
            if ln == 0 && self.mid_line {
                // The rest of a line an earlier piece began: its number is there.
                out.push_str("<div class=\"line\"><span class=\"ln\"></span><span class=\"src\">");
            } else {
                let _ = write!(
                    out,
                    "<div class=\"line\" id=\"{fid}-L{n}\"><a class=\"ln\" href=\"#{fid}-L{n}\">{n}</a><span class=\"src\">",
                    fid = self.fid,
                    n = self.first_line + ln + 1
                );
            }
            let mut stack: Vec<Item> = Vec::new();
            for (k, &p) in points.iter().enumerate() {
                let seg_end = points.get(k + 1).copied();
                let mut active: Vec<Item> = match seg_end {
                    Some(b) => live
                        .iter()
                        .filter(|i| i.start < i.end && i.start <= p && i.end >= b)
                        .copied()
                        .collect(),
                    None => Vec::new(),
                };
                active.sort_by_key(|i| (i.start, std::cmp::Reverse(i.end), i.n));
                let keep = stack
                    .iter()
                    .zip(&active)
                    .take_while(|(a, b)| a.n == b.n)
                    .count();
                while stack.len() > keep {
                    let it = stack.pop().expect("non-empty");
                    self.close(&it, it.end <= p, out);
                }
                for e in live
                    .iter()
                    .filter(|i| i.start == i.end && empty_pos(i) == p)
                {
                    if !opened[e.n] && (p < te || is_last || p == le) {
                        opened[e.n] = true;
                        self.open(e, true, out);
                        self.close(e, true, out);
                    }
                }
                for it in &active[keep..] {
                    self.open(it, !opened[it.n], out);
                    opened[it.n] = true;
                    stack.push(*it);
                }
                if let Some(b) = seg_end {
                    if p >= le {
                        if !active.is_empty() {
                            out.push_str("<span class=\"eol\" title=\"line break\">↵</span>");
                        }
                    } else {
                        escape_copy(&text[p..b], out);
                    }
                }
            }
            out.push_str("</span></div>\n");
            if !notes_at[ln].is_empty() {
                out.push_str("<ol class=\"notes\">\n");
                for &n in &notes_at[ln] {
                    self.note(n, out);
                }
                out.push_str("</ol>\n");
            }
        }
    }

    fn note(&self, n: usize, out: &mut String) {
        let d = &self.diags[n];
        let (line, col) = self.idx.line_col(d.span.start);
        let _ = write!(
            out,
            "<li class=\"note cat-{cat}\" id=\"{id}\" value=\"{num}\"><span class=\"sev sev-{sev}\">{sev}</span> \
             <span class=\"cat\">{cat}</span> <code class=\"rule\">{rule}</code> \
             <span class=\"loc\">{line}:{col}</span> <span class=\"msg\">{msg}</span>",
            cat = category_label(d.category),
            id = self.anchor(n),
            num = self.first_n + n + 1,
            sev = d.severity,
            rule = escape(d.rule),
            msg = message_html(&d.message),
        );
        if !d.suggestions.is_empty() {
            out.push_str("<ul class=\"fixes\">");
            for s in &d.suggestions {
                let _ = write!(
                    out,
                    "<li><span class=\"appl appl-{a}\">{a} fix</span> {msg}",
                    a = s.applicability,
                    msg = message_html(&s.message)
                );
                for e in &s.edits {
                    let old = self.text.get(e.start..e.end).unwrap_or("");
                    out.push_str(" <span class=\"edit\">");
                    if !old.is_empty() {
                        let _ = write!(out, "<del>{}</del>", escape_snippet(old));
                    }
                    if !e.replacement.is_empty() {
                        let _ = write!(out, "<ins>{}</ins>", escape_snippet(&e.replacement));
                    }
                    out.push_str("</span>");
                }
                out.push_str("</li>");
            }
            out.push_str("</ul>");
        }
        if !d.labels.is_empty() {
            out.push_str("<ul class=\"labels\">");
            for l in &d.labels {
                let (line, col) = self.idx.line_col(l.span.start);
                let _ = write!(
                    out,
                    "<li><a href=\"#{}-L{line}\">{line}:{col}</a> <code>{}</code> {}</li>",
                    self.fid,
                    escape_snippet(l.span.text(self.text)),
                    message_html(&l.message)
                );
            }
            out.push_str("</ul>");
        }
        for note in &d.notes {
            let _ = write!(out, "<p class=\"extra\">note: {}</p>", message_html(note));
        }
        out.push_str("</li>\n");
    }
}

const CSS: &str = r#"
:root { --fg: #1d1d1f; --muted: #6b6b70; --line: #e4e4e8; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem 2rem 4rem; color: var(--fg); background: #fbfbfa;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 0; display: inline; word-break: break-all; }
.summary { font-size: 1.1rem; margin: .25rem 0 1rem; }
table.counts { border-collapse: collapse; margin: 0 2rem 1rem 0; display: inline-table; vertical-align: top; }
table.counts th, table.counts td { padding: .2rem .7rem; border-bottom: 1px solid var(--line); text-align: left; }
table.counts td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.zero { color: var(--muted); }
.swatch { display: inline-block; width: .9em; height: .9em; border-radius: 2px; vertical-align: -1px; margin-right: .4em; }
nav ul { padding-left: 1.2rem; margin: .3rem 0 1.5rem; }
section.file { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: 1rem 0; padding: .6rem 1rem; }
summary { cursor: pointer; padding: .2rem 0; }
.fcount { color: var(--muted); margin-left: .6rem; }
.text { margin-top: .6rem; font: 16px/1.65 Georgia, "DejaVu Serif", serif; }
.line { display: grid; grid-template-columns: 3.2rem 1fr; min-height: 1.65em; }
.ln { color: #a0a0a8; font: 12px/2.2 ui-monospace, "DejaVu Sans Mono", monospace; text-align: right;
  padding-right: .8rem; text-decoration: none; user-select: none; }
.src { white-space: pre-wrap; overflow-wrap: anywhere; }
mark.hl { color: inherit; border-radius: 2px; padding: 1px 0; border-bottom: 2px solid; }
mark.hl mark.hl { padding: 0; border-bottom-width: 3px; }
mark.sev-error { border-bottom-style: solid; }
mark.sev-warning { border-bottom-style: dashed; }
mark.sev-info { border-bottom-style: dotted; }
mark.empty { display: inline-block; min-width: .5em; border-bottom: 0; border-left: 2px solid; }
mark.empty::before { content: "\2038"; }
a.ref { font: 600 10px/1 system-ui, sans-serif; vertical-align: super; margin-left: 1px;
  color: #444; text-decoration: none; user-select: none; }
.eol, .inv { color: var(--muted); font: 11px ui-monospace, "DejaVu Sans Mono", monospace; }
.inv { border: 1px dotted var(--muted); border-radius: 2px; padding: 0 1px; }
ol.notes { margin: .2rem 0 .7rem 3.2rem; padding: .4rem .8rem .4rem 2.2rem; background: #f6f6f4;
  border-left: 3px solid var(--line); font: 14px/1.45 system-ui, sans-serif; }
li.note { margin: .15rem 0; }
li.note:target { background: #fff7c2; }
.sev { font-size: 11px; font-weight: 700; text-transform: uppercase; border-radius: 3px; padding: 0 .3rem; color: #fff; }
.sev-error.sev { background: #c62828; } .sev-warning.sev { background: #b26a00; } .sev-info.sev { background: #607d8b; }
.cat { color: var(--muted); }
code { font: 13px ui-monospace, "DejaVu Sans Mono", monospace; background: #ececea; border-radius: 3px; padding: 0 .2rem; }
code.rule { background: none; color: #3b3b8f; }
.loc { color: var(--muted); font-size: 12px; }
ul.fixes, ul.labels { margin: .1rem 0 .2rem; padding-left: 1.2rem; list-style: "→ "; }
.appl { font-size: 11px; border: 1px solid; border-radius: 3px; padding: 0 .3rem; }
.appl-safe { color: #2e7d32; } .appl-unsafe { color: #b26a00; } .appl-display { color: var(--muted); }
del { background: #ffe0e0; color: #8a1c1c; } ins { background: #dcf5dc; color: #1b5e20; text-decoration: none; }
.extra { margin: .1rem 0; color: var(--muted); }
footer { color: var(--muted); font-size: 12px; margin-top: 2rem; }
"#;

/// Background and underline colour per category.
fn palette(c: Category) -> (&'static str, &'static str) {
    match c {
        Category::Encoding => ("#ffd9d6", "#c62828"),
        Category::Boilerplate => ("#e3e3e3", "#616161"),
        Category::Spam => ("#fbd3ef", "#ad1f8c"),
        Category::Translation => ("#d5e6ff", "#1e5bb8"),
        Category::Pronoun => ("#e5dcff", "#6a3fc1"),
        Category::Typography => ("#fff0b3", "#a07800"),
        Category::Consistency => ("#d5f2cf", "#2e7d32"),
    }
}

impl Reporter for Html<'_> {
    fn file(&mut self, f: &FileReport) -> io::Result<()> {
        if !f.origin.continued {
            self.close_file();
        }
        let open = self.open.get_or_insert_with(|| OpenFile {
            path: f.path.to_string(),
            findings: 0,
            content: String::new(),
        });
        // Rendered in the piece's own offsets; lines and columns stay the file's.
        let local: Vec<Diagnostic>;
        let diags = if f.origin.offset == 0 {
            f.diagnostics
        } else {
            local = f
                .diagnostics
                .iter()
                .map(|d| localize(d, &f.origin))
                .collect();
            &local
        };
        FileRenderer {
            text: f.text,
            diags,
            fid: format!("f{}", self.files.len() + 1),
            idx: LineIndex::at(
                f.text,
                Origin {
                    offset: 0,
                    ..f.origin
                },
            ),
            first_line: f.origin.line,
            mid_line: f.origin.column > 0,
            first_n: open.findings,
        }
        .render(&mut open.content);
        open.findings += diags.len();
        Ok(())
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        self.close_file();
        let mut head = String::new();
        head.push_str(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"copylint\">\n<title>copylint report</title>\n<style>",
        );
        head.push_str(CSS);
        for c in Category::ALL {
            let (bg, line) = palette(c);
            let _ = writeln!(
                head,
                "mark.cat-{c} {{ background: {bg}; border-color: {line}; }} \
                 li.cat-{c} {{ border-left: 3px solid {line}; padding-left: .4rem; }} \
                 .swatch.cat-{c} {{ background: {bg}; border: 1px solid {line}; }}"
            );
        }
        head.push_str("</style>\n</head>\n<body>\n<header>\n<h1>copylint report</h1>\n");
        let _ = writeln!(head, "<p class=\"summary\">{}</p>", escape(&s.line()));
        head.push_str(
            "<table class=\"counts\" id=\"categories\"><thead><tr><th>Category</th><th>Findings</th></tr></thead><tbody>\n",
        );
        for c in Category::ALL {
            let n = s.by_category.get(&c).copied().unwrap_or(0);
            let _ = writeln!(
                head,
                "<tr{}><td><span class=\"swatch cat-{c}\"></span>{c}</td><td class=\"num\" data-category=\"{c}\">{n}</td></tr>",
                if n == 0 { " class=\"zero\"" } else { "" }
            );
        }
        head.push_str("</tbody></table>\n<table class=\"counts\" id=\"severities\"><thead><tr><th>Severity</th><th>Findings</th></tr></thead><tbody>\n");
        for sev in [Severity::Error, Severity::Warning, Severity::Info] {
            let n = s.count(sev);
            let _ = writeln!(
                head,
                "<tr{}><td><span class=\"sev sev-{sev}\">{sev}</span></td><td class=\"num\" data-severity=\"{sev}\">{n}</td></tr>",
                if n == 0 { " class=\"zero\"" } else { "" }
            );
        }
        head.push_str("</tbody></table>\n<nav><ul>\n");
        for (k, f) in self.files.iter().enumerate() {
            let _ = writeln!(
                head,
                "<li><a href=\"#f{}\">{}</a> <span class=\"fcount\">{}</span></li>",
                k + 1,
                escape(&f.path),
                f.findings
            );
        }
        head.push_str("</ul></nav>\n</header>\n<main>\n");
        self.out.write_all(head.as_bytes())?;
        self.out.write_all(self.body.as_bytes())?;
        let footer = format!(
            "</main>\n<footer>Generated by copylint {}. Highlight colour = category; underline: solid = error, dashed = warning, dotted = info.</footer>\n</body>\n</html>\n",
            env!("CARGO_PKG_VERSION")
        );
        self.out.write_all(footer.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Applicability, Label};
    use crate::span::Span;

    fn diag(span: Span, category: Category, msg: &str) -> Diagnostic {
        Diagnostic {
            rule: "test-rule",
            category,
            severity: category.default_severity(),
            message: msg.into(),
            span,
            labels: Vec::new(),
            notes: Vec::new(),
            suggestions: Vec::new(),
        }
    }

    fn render(text: &str, diags: &[Diagnostic]) -> String {
        let mut buf = Vec::new();
        let mut r = Html::new(&mut buf);
        r.file(&FileReport::new("a&b.txt", text, diags)).unwrap();
        let mut s = Summary::default();
        s.add(diags);
        r.finish(&s).unwrap();
        String::from_utf8(buf).unwrap()
    }

    /// Checks that marks open and close in a properly nested way and that each
    /// finding has exactly one first piece.
    fn check_structure(html: &str, findings: usize) {
        let mut depth: i64 = 0;
        for (k, _) in html.match_indices("mark") {
            if html[..k].ends_with("</") {
                depth -= 1;
            } else if html[..k].ends_with('<') {
                depth += 1;
            }
            assert!(depth >= 0);
        }
        assert_eq!(depth, 0);
        for n in 1..=findings {
            assert_eq!(
                html.matches(&format!("data-finding=\"{n}\"")).count(),
                1,
                "finding {n}"
            );
            assert!(html.contains(&format!("id=\"f1-n{n}\"")));
        }
        assert_eq!(html.matches("data-finding=").count(), findings);
    }

    fn text_of(html: &str) -> String {
        // Crude tag stripper for assertions on the visible copy.
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ if !in_tag => out.push(c),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn escapes_copy_literally() {
        let text = "Smith &amp; Sons <b>said</b> \"it's\"\n";
        let d = diag(Span::new(6, 11), Category::Encoding, "reference `&amp;`");
        let html = render(text, std::slice::from_ref(&d));
        assert!(html.contains("Smith <mark"));
        assert!(html.contains("&amp;amp;</mark>") || html.contains("&amp;amp;<a class=\"ref\""));
        assert!(html.contains("&lt;b&gt;said&lt;/b&gt; &quot;it&#39;s&quot;"));
        assert!(html.contains("<h2>a&amp;b.txt</h2>"));
        assert!(html.contains("<code>&amp;amp;</code>"));
        assert!(!html.contains("<b>"));
        check_structure(&html, 1);
    }

    #[test]
    fn nested_crossing_and_empty_spans_are_all_kept() {
        let text = "abcdefghij\nklmnop\n";
        let diags = vec![
            diag(Span::new(0, 10), Category::Boilerplate, "outer"),
            diag(Span::new(2, 4), Category::Typography, "inner"),
            diag(Span::new(3, 7), Category::Spam, "crossing"),
            diag(Span::new(5, 5), Category::Translation, "empty"),
            diag(Span::new(8, 14), Category::Pronoun, "two lines"),
            diag(Span::new(10, 11), Category::Consistency, "line break"),
            diag(Span::new(10, 11), Category::Consistency, "same span twice"),
            diag(Span::new(17, 17), Category::Encoding, "empty at end"),
            diag(
                Span::new(18, 18),
                Category::Encoding,
                "empty after last line end",
            ),
        ];
        let html = render(text, &diags);
        check_structure(&html, diags.len());
        // The text survives in order, with the line break shown inside the marks.
        let visible = text_of(&html).replace(|c: char| c.is_ascii_digit(), "");
        assert!(visible.contains("abcdefghij↵"), "{visible}");
        assert!(visible.contains("klmnop"), "{visible}");
        assert!(html.contains("data-cont=\"3\""));
        assert!(html.contains("data-cont=\"5\""));
        assert!(html.contains("class=\"eol\""));
    }

    #[test]
    fn findings_explained_with_fixes_labels_notes() {
        let text = "Ça va 😀 it&#39;s\r\nfine\n";
        let mut d = diag(Span::new(14, 19), Category::Encoding, "reference `&#39;`");
        d.replace("replace with `'`", d.span, "'", Applicability::Safe);
        d.labels.push(Label {
            span: Span::new(22, 26),
            message: "here too".into(),
        });
        d.note("a note");
        let mut other = diag(Span::new(12, 19), Category::Spam, "crossing `x");
        other.severity = Severity::Info;
        let html = render(text, &[d, other]);
        check_structure(&html, 2);
        assert!(html.contains("<span class=\"appl appl-safe\">safe fix</span>"));
        assert!(html.contains("<del>&amp;#39;</del><ins>&#39;</ins>"));
        assert!(html.contains("<a href=\"#f1-L2\">2:1</a> <code>fine</code> here too"));
        assert!(html.contains("note: a note"));
        assert!(html.contains("<span class=\"loc\">1:11</span>"));
        assert!(html.contains("crossing `x"));
        assert!(html.contains("data-category=\"encoding\">1<"));
        assert!(html.contains("data-severity=\"info\">1<"));
    }

    #[test]
    fn shows_invisible_characters_and_survives_bad_spans() {
        let text = "\u{feff}a\u{200b}b é";
        let diags = vec![
            diag(Span::new(4, 7), Category::Encoding, "zero-width"),
            diag(Span::new(10, 11), Category::Typography, "mid-char"),
            diag(Span::new(50, 60), Category::Typography, "out of bounds"),
        ];
        let html = render(text, &diags);
        check_structure(&html, 3);
        assert!(html.contains("U+200B"));
        assert!(html.contains("U+FEFF"));
    }

    #[test]
    fn empty_input() {
        let html = render("", &[diag(Span::new(0, 0), Category::Encoding, "empty")]);
        check_structure(&html, 1);
        let html = render("", &[]);
        assert!(html.contains("No problems found"));
        assert!(!html.contains("http"));
    }
}
