//! Markup-aware input: the seed articles saved as HTML and as Markdown
//! (tests/fixtures/markup/) must give the plain-text findings, nothing from markup,
//! code or attributes, and fixes that land in the source without breaking it.

mod common;

use common::{files_in, root};
use copylint::markup::{self, InputKind, PLACEHOLDER, map::PieceKind};
use copylint::{Applicability, Diagnostic, Span, default_registry};
use std::path::{Path, PathBuf};

fn fixtures(kind: InputKind) -> Vec<(PathBuf, PathBuf)> {
    let (dir, ext) = match kind {
        InputKind::Html => ("html", "html"),
        InputKind::Markdown => ("md", "md"),
        InputKind::Text => unreachable!(),
    };
    let files = files_in(&root().join("tests/fixtures/markup").join(dir), &[ext]);
    assert_eq!(files.len(), 5, "one {dir} fixture per seed");
    files
        .into_iter()
        .map(|f| {
            let stem = f.file_stem().unwrap().to_string_lossy().into_owned();
            (f, root().join("seeds").join(format!("{stem}.txt")))
        })
        .collect()
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap()
}

/// Visible text of a piece of source, without layout: what a reader would quote.
fn visible(source: &str, kind: InputKind) -> String {
    let ex = markup::extract(source, kind);
    normalize(ex.body())
}

fn normalize(s: &str) -> String {
    s.split_whitespace()
        .filter(|w| *w != "-")
        .collect::<Vec<_>>()
        .join(" ")
}

/// (rule, flagged visible text), sorted; findings on pure layout (blank lines) are
/// left out: markup has no invisible whitespace to flag.
fn findings(diags: &[Diagnostic], source: &str, kind: InputKind) -> Vec<(String, String)> {
    // Info-level findings (document-wide notes such as mixed quote styles) point at
    // whichever quote comes first, which the markup versions write differently.
    let mut v: Vec<_> = diags
        .iter()
        .filter(|d| d.severity >= copylint::Severity::Warning)
        .map(|d| {
            let text = d.span.text(source);
            let shown = match kind {
                InputKind::Text => normalize(text),
                _ => visible(text, kind),
            };
            // A span cut at a link's text end re-parses without the link: compare
            // without brackets on both sides.
            (d.rule.to_string(), shown.replace(['[', ']'], ""))
        })
        .filter(|(_, t)| !t.is_empty())
        .collect();
    v.sort();
    v
}

/// Source bytes that show as text, across every segment.
fn visible_bytes(source: &str, kind: InputKind) -> Vec<bool> {
    let mut shown = vec![false; source.len()];
    for seg in markup::extract(source, kind).segments {
        for p in seg.map.pieces() {
            if matches!(p.kind, PieceKind::Verbatim | PieceKind::Replaced) {
                shown[p.src..p.src + p.src_len].fill(true);
            }
        }
    }
    shown
}

fn check_same_findings(kind: InputKind) {
    let linter = default_registry().linter();
    for (file, seed) in fixtures(kind) {
        let source = read(&file);
        let plain = read(&seed);
        let diags = linter.lint_source(&source, kind);
        let want = findings(&linter.lint(&plain), &plain, InputKind::Text);
        let got = findings(&diags, &source, kind);
        assert_eq!(got, want, "{}", file.display());
        // Nothing from markup, scripts, code or attribute values.
        let shown = visible_bytes(&source, kind);
        for d in &diags {
            assert!(
                !d.span.is_empty() && shown[d.span.start] && shown[d.span.end - 1],
                "{}: finding outside visible text: {} `{}`",
                file.display(),
                d.rule,
                d.span.text(&source)
            );
            assert!(source.is_char_boundary(d.span.start) && source.is_char_boundary(d.span.end));
        }
    }
}

#[test]
fn html_gives_the_plain_text_findings() {
    check_same_findings(InputKind::Html);
}

#[test]
fn markdown_gives_the_plain_text_findings() {
    check_same_findings(InputKind::Markdown);
}

/// Visible lines, order kept, with the lines the markup versions add (an editor's
/// note with code spans) left out.
fn lines_of(text: &str) -> Vec<String> {
    text.lines()
        .map(normalize)
        .filter(|l| !l.is_empty())
        .filter(|l| !l.split(' ').any(|w| w.trim_matches('.') == PLACEHOLDER))
        .collect()
}

/// The markup that must survive fixing: tags (HTML) or code, front matter, comments
/// and link destinations (Markdown), as they appear in the source.
fn markup_skeleton(source: &str, kind: InputKind) -> Vec<String> {
    match kind {
        InputKind::Html => {
            // Prose attributes (alt, title) are copy and may be fixed.
            let re = regex::Regex::new(r"<[^>]*>").unwrap();
            let prose = regex::Regex::new(r#"\b(alt|title)="[^"]*""#).unwrap();
            re.find_iter(source)
                .map(|m| prose.replace_all(m.as_str(), "$1=…").into_owned())
                .collect()
        }
        _ => {
            let re =
                regex::Regex::new(r"(?m)^```.*$|^---$|<!--.*?-->|\]\([^)]*\)|`[^`\n]+`").unwrap();
            re.find_iter(source)
                .map(|m| m.as_str().to_string())
                .collect()
        }
    }
}

/// One round of fixing, both ways: the exact suggestions applied to the visible text,
/// and their mapped edits applied to the source, must give the same visible text.
fn check_fixes(kind: InputKind) {
    let linter = default_registry().linter();
    let mut total = 0;
    for (file, _) in fixtures(kind) {
        let source = read(&file);
        let ex = markup::extract(&source, kind);
        let mut source_fixes = Vec::new();
        let mut expected = Vec::new();
        let mut visible_skipped = 0;
        for seg in &ex.segments {
            let mut visible_fixes = Vec::new();
            for d in linter.lint(&seg.text) {
                let Some(first) = d
                    .suggestions
                    .iter()
                    .find(|s| s.applicability != Applicability::Display)
                    .cloned()
                else {
                    continue;
                };
                let Some(mapped) = markup::map_diagnostic(d, seg, &source) else {
                    continue;
                };
                let exact = mapped
                    .suggestions
                    .iter()
                    .find(|s| s.message == first.message)
                    .filter(|s| s.applicability != Applicability::Display)
                    .cloned();
                if let Some(s) = exact {
                    visible_fixes.push(first);
                    source_fixes.push(s);
                }
            }
            let fixed = copylint::fix::apply_suggestions(&seg.text, visible_fixes.iter());
            visible_skipped += fixed.skipped;
            expected.push(lines_of(&fixed.text));
        }
        total += source_fixes.len();
        let fixed = copylint::fix::apply_suggestions(&source, source_fixes.iter());
        // Overlapping suggestions are skipped the same way on both sides.
        assert_eq!(fixed.skipped, visible_skipped, "{}", file.display());
        let got: Vec<Vec<String>> = markup::extract(&fixed.text, kind)
            .segments
            .iter()
            .map(|s| lines_of(&s.text))
            .filter(|l| !l.is_empty())
            .collect();
        expected.retain(|l| !l.is_empty());
        assert_eq!(got, expected, "{}", file.display());
        // The markup is untouched.
        assert_eq!(
            markup_skeleton(&fixed.text, kind),
            markup_skeleton(&source, kind),
            "{}",
            file.display()
        );
        // Fixing to the end converges, and what is left is not fixable in place.
        let all = copylint::fix::fix_until_stable(&linter, &source, kind, Applicability::Unsafe);
        assert!(all.converged, "{}", file.display());
        assert!(
            copylint::fix::fixable(&all.remaining, Applicability::Unsafe)
                .next()
                .is_none()
        );
    }
    assert!(total >= 5, "only {total} exact fixes in the fixtures");
}

#[test]
fn a_fix_across_tags_is_display_only_in_the_fixture() {
    // The widget line is split over spans and links: deleting it would cut tags.
    let linter = default_registry().linter();
    let file = root().join("tests/fixtures/markup/html/001_b076359117b8e084.html");
    let source = read(&file);
    let diags = linter.lint_source(&source, InputKind::Html);
    let widget: Vec<_> = diags.iter().filter(|d| d.rule == "chrome-widget").collect();
    assert_eq!(widget.len(), 4);
    for d in widget {
        assert!(
            d.suggestions
                .iter()
                .all(|s| s.applicability == Applicability::Display)
        );
    }
    // A chrome line that is a whole element's text is deleted exactly.
    let fixed =
        copylint::fix::fix_until_stable(&linter, &source, InputKind::Html, Applicability::Safe);
    assert!(fixed.text.contains(r#"<span class="share-label"></span>"#));
    assert!(fixed.text.contains(r#"rel="prev"></a></div>"#));
}

#[test]
fn html_fixes_land_in_the_source() {
    check_fixes(InputKind::Html);
}

#[test]
fn markdown_fixes_land_in_the_source() {
    check_fixes(InputKind::Markdown);
}

#[test]
fn extraction_shows_the_plain_text() {
    // Apart from layout and the markup versions' additions, the reader sees the seed.
    for kind in [InputKind::Html, InputKind::Markdown] {
        for (file, seed) in fixtures(kind) {
            let ex = markup::extract(&read(&file), kind);
            let mut got = lines_of(ex.body());
            let mut want = lines_of(&read(&seed));
            // Alt text is a segment of its own, not a body line.
            for seg in &ex.segments[1..] {
                got.extend(lines_of(&seg.text));
            }
            // The HTML versions add alt texts, NATO's expansion, a map title and a
            // link title, as segments of their own.
            got.retain(|l| {
                ![
                    "Portrait of the author",
                    "Men queue with luggage at a border crossing",
                    "North Atlantic Treaty Organization",
                    "Map of border crossings",
                    "Interfax news agency",
                ]
                .contains(&l.as_str())
            });
            got.sort();
            want.sort();
            assert_eq!(got, want, "{}", file.display());
        }
    }
}

#[test]
fn entity_leaks_in_html_are_decoded_references_that_show_as_references() {
    let linter = default_registry().linter();
    let src = "<p>Smith &amp; Sons said it&#x27;s &ldquo;over&rdquo;.</p>\n\
               <p>The Ministry of the Interior&amp;#x27;s office &amp;amp; staff.</p>";
    let diags = linter.lint_source(src, InputKind::Html);
    let flagged: Vec<(&str, &str)> = diags
        .iter()
        .filter(|d| d.severity >= copylint::Severity::Warning)
        .map(|d| (d.rule, d.span.text(src)))
        .collect();
    assert_eq!(
        flagged,
        [("entity-leak", "&amp;#x27;"), ("entity-leak", "&amp;amp;")]
    );
    let fixed = copylint::fix::fix_until_stable(&linter, src, InputKind::Html, Applicability::Safe);
    assert_eq!(
        visible(&fixed.text, InputKind::Html),
        "Smith & Sons said it's “over”. The Ministry of the Interior's office & staff."
    );
    assert!(fixed.text.contains("office &amp; staff"), "{}", fixed.text);
}

#[test]
fn escaped_markup_in_html_is_visible_markup() {
    let linter = default_registry().linter();
    let src = "<p>&lt;p class=&quot;lead&quot;&gt;The council met.</p><p>a &lt; b, <b>bold</b></p>";
    let diags = linter.lint_source(src, InputKind::Html);
    let flagged: Vec<(&str, &str)> = diags.iter().map(|d| (d.rule, d.span.text(src))).collect();
    assert_eq!(
        flagged,
        [("visible-markup", "&lt;p class=&quot;lead&quot;&gt;")]
    );
    let fixed =
        copylint::fix::fix_until_stable(&linter, src, InputKind::Html, Applicability::Unsafe);
    assert_eq!(
        fixed.text,
        "<p>The council met.</p><p>a &lt; b, <b>bold</b></p>"
    );
}

#[test]
fn suggestions_across_tags_are_display_only() {
    let linter = default_registry().linter();
    // Deleting a chrome line whose text is split by a real tag would cut the tag.
    let src = "<p>Spread <b>the</b> love</p><p>It rained.</p>";
    let diags = linter.lint_source(src, InputKind::Html);
    let d = diags.iter().find(|d| d.rule == "chrome-share").unwrap();
    assert_eq!(d.span.text(src), "Spread <b>the</b> love");
    assert!(
        d.suggestions
            .iter()
            .all(|s| s.applicability == Applicability::Display)
    );
}

#[test]
fn alt_and_title_text_is_linted_but_not_as_page_chrome() {
    let linter = default_registry().linter();
    let src = "<p>It rained.</p><a href=\"/s\" title=\"Share\"><img src=\"i.png\" alt=\"Print\"></a>\
               <img src=\"b.jpg\" alt=\"The minister&amp;#x27;s car\">";
    let flagged: Vec<(&str, &str)> = linter
        .lint_source(src, InputKind::Html)
        .iter()
        .map(|d| (d.rule, d.span.text(src)))
        .collect();
    assert_eq!(flagged, [("entity-leak", "&amp;#x27;")]);
    let fixed = copylint::fix::fix_until_stable(&linter, src, InputKind::Html, Applicability::Safe);
    assert!(
        fixed.text.ends_with("alt=\"The minister's car\">"),
        "{}",
        fixed.text
    );
}

#[test]
fn plain_text_takes_the_direct_path() {
    let linter = default_registry().linter();
    let src = "Spread the love\n\nIt&#39;s <p>here</p>.";
    assert_eq!(linter.lint_source(src, InputKind::Text), linter.lint(src));
}

#[test]
fn mapped_spans_lie_on_char_boundaries_inside_the_source() {
    let samples: [(&str, InputKind); 6] = [
        (
            "<p>Caf\u{e9} &eacute;t\u{e9} &#x1F600; \u{1F600}</p>\r\n<p>na\u{ef}ve&nbsp;&mdash;x</p>",
            InputKind::Html,
        ),
        (
            "<div title='&lt;\u{e9}&gt;'>\u{430}\u{431} <br>\u{4e2d}\u{6587}&#12354;</div>",
            InputKind::Html,
        ),
        (
            "<p>broken &am &#x; <b>nest <i>ing</b></i> < stray</p",
            InputKind::Html,
        ),
        (
            "# T\u{ed}tulo\r\n\r\nCaf\u{e9} &amp; *\u{fc}ber* `c\u{f3}d`\r\nline\\\r\nnext",
            InputKind::Markdown,
        ),
        (
            "- \u{e9}\n- [\u{f1}](u) ![\u{e5}lt](x)\n\n> \u{201c}q\u{201d}\n",
            InputKind::Markdown,
        ),
        (
            "| \u{e9} | b |\n|---|---|\n| \u{3042} | &copy; |\n",
            InputKind::Markdown,
        ),
    ];
    for (src, kind) in samples {
        for seg in markup::extract(src, kind).segments {
            for sp in markup::all_mapped_spans(&seg) {
                assert!(sp.start <= sp.end && sp.end <= src.len(), "{src:?} {sp:?}");
                assert!(
                    src.is_char_boundary(sp.start) && src.is_char_boundary(sp.end),
                    "{src:?} {sp:?}"
                );
            }
            // Every exact edit is on char boundaries too.
            let text = &seg.text;
            let idx: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            for &a in &idx {
                for &b in idx.iter().filter(|&&b| b >= a) {
                    if let Some(e) = seg.map.edit_to_source(text, Span::new(a, b), "x") {
                        assert!(src.is_char_boundary(e.start) && src.is_char_boundary(e.end));
                    }
                }
            }
        }
    }
}

#[test]
fn malformed_markup_never_panics() {
    let linter = default_registry().linter();
    let mut cases: Vec<String> = [
        "<p>unclosed <b>bold <i>nested</p></b> stray < and &amp",
        "<<<>>></></p><p <p>>",
        "<!-- never closed",
        "<p title=\"never closed>text",
        "<script>if (a < b) { x = '</p>' }",
        "<code>open <p>para</p>",
        "&#xFFFFFFFFFFFFFFFFFFFF; &#; &; &x27",
        "<![CDATA[ x ]]> <?php echo 1 ?> <!DOCTYPE html>",
        "\u{feff}<p>\u{e9}</p>",
        "[link](<bad> \"t) ![alt](",
        "```\nunclosed fence",
        "---\nfront: matter\nno end",
        "* * *\n***x**y*\n\\",
        "|a|\n|-|\n|b|c|d|",
    ]
    .map(String::from)
    .to_vec();
    // Every prefix of a realistic fixture, cut at every char boundary near tags.
    let html = read(&root().join("tests/fixtures/markup/html/001_b076359117b8e084.html"));
    for (i, c) in html.char_indices().take(2500) {
        if matches!(c, '<' | '>' | '&' | ';' | '"') {
            cases.push(html[..i].to_string());
        }
    }
    for src in &cases {
        for kind in [InputKind::Html, InputKind::Markdown] {
            for d in linter.lint_source(src, kind) {
                assert!(d.span.end <= src.len() && src.is_char_boundary(d.span.start));
            }
        }
    }
}

/// Documents assembled at random from tricky fragments: every mapped span and every
/// exact edit lies on char boundaries inside the source, and linting never panics.
#[test]
fn random_documents_map_onto_char_boundaries() {
    const PARTS: &[&str] = &[
        "<p>",
        "</p>",
        "<br>",
        "<b>",
        "</b>",
        "<div class=\"x\">",
        "</div>",
        "<code>",
        "</code>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<img alt=\"caf\u{e9}\">",
        "<a title='t&amp;'>",
        "&amp;",
        "&#x27;",
        "&rsquo;",
        "&amp;#x27;",
        "&lt;p&gt;",
        "&",
        "&#",
        "&nbsp;",
        "<",
        ">",
        "\u{e9}",
        "\u{1F600}",
        "\u{4e2d}",
        "\u{201c}",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\n\n",
        "word",
        "Spread the love",
        "x27;",
        "*",
        "**",
        "_",
        "`",
        "```",
        "# ",
        "- ",
        "> ",
        "[",
        "](u)",
        "![",
        "|",
        "---",
        "\\",
        "   ",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let linter = default_registry().linter();
    for _ in 0..300 {
        let len = 1 + next(24);
        let src: String = (0..len).map(|_| PARTS[next(PARTS.len())]).collect();
        for kind in [InputKind::Html, InputKind::Markdown] {
            for seg in markup::extract(&src, kind).segments {
                for sp in markup::all_mapped_spans(&seg) {
                    assert!(
                        sp.start <= sp.end
                            && sp.end <= src.len()
                            && src.is_char_boundary(sp.start)
                            && src.is_char_boundary(sp.end),
                        "{kind:?} {src:?} {sp:?}"
                    );
                }
                let idx: Vec<usize> = seg
                    .text
                    .char_indices()
                    .map(|(i, _)| i)
                    .chain([seg.text.len()])
                    .collect();
                for (k, &a) in idx.iter().enumerate() {
                    for &b in &idx[k..] {
                        if let Some(e) = seg.map.edit_to_source(&seg.text, Span::new(a, b), "") {
                            assert!(
                                e.start <= e.end
                                    && src.is_char_boundary(e.start)
                                    && src.is_char_boundary(e.end),
                                "{kind:?} {src:?} {a}..{b} -> {e:?}"
                            );
                        }
                    }
                }
            }
            for d in linter.lint_source(&src, kind) {
                assert!(src.get(d.span.range()).is_some(), "{kind:?} {src:?}");
                for s in &d.suggestions {
                    for e in &s.edits {
                        assert!(src.get(e.start..e.end).is_some(), "{kind:?} {src:?}");
                    }
                }
            }
        }
    }
}

#[test]
fn cli_picks_the_format_by_extension_or_flag() {
    let html = "tests/fixtures/markup/html/001_b076359117b8e084.html";
    let (code, out, _) = common::run_cli(&["check", "--format", "concise", html], "");
    assert_eq!(code, 1);
    assert!(
        out.contains("html:25:79: warning[chrome-share] share-bar text `Spread the love`"),
        "{out}"
    );
    assert!(!out.contains("visible-markup"), "{out}");
    // Read as plain text, the page's tags are leftover markup.
    let (_, raw, _) = common::run_cli(
        &[
            "check",
            "--format",
            "concise",
            "--input-format",
            "text",
            html,
        ],
        "",
    );
    assert!(raw.contains("visible-markup"));
    // Standard input is text unless its name or the flag says otherwise.
    let page = "<p>It&amp;#x27;s here.</p>";
    let (_, as_text, _) = common::run_cli(&["check", "--format", "concise", "-"], page);
    assert!(as_text.contains("visible-markup"), "{as_text}");
    for args in [
        &[
            "check",
            "--format",
            "concise",
            "--input-format",
            "html",
            "-",
        ][..],
        &[
            "check",
            "--format",
            "concise",
            "--stdin-filename",
            "a.htm",
            "-",
        ][..],
    ] {
        let (_, out, _) = common::run_cli(args, page);
        assert!(
            out.contains("<stdin>:1:6: error[entity-leak]")
                || out.contains("a.htm:1:6: error[entity-leak]"),
            "{out}"
        );
        assert!(!out.contains("visible-markup"), "{out}");
    }
}

#[test]
fn suppression_comments_in_code_blocks_are_examples() {
    let linter = default_registry().linter();
    let src = "Intro.\n\n```markdown\n<!-- copylint-disable-next-line entity-leak -->\n```\n\n<!-- copylint-disable-next-line spam -->\nA fine line.\n";
    let diags = linter.lint_source(src, InputKind::Markdown);
    let unused: Vec<&str> = diags
        .iter()
        .filter(|d| d.rule == "unused-suppression")
        .map(|d| d.span.text(src))
        .collect();
    assert_eq!(unused, ["<!-- copylint-disable-next-line spam -->"]);
}
