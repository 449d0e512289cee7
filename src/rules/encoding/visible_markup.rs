use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::Document;
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it does
    /// Flags HTML tags and comments that the reader sees as text: `<p>`, `</div>`,
    /// `<br/>`, `<a href="...">`, `<p class="lead">`, `<!-- wp:paragraph -->`. In plain
    /// text they are tags a scraper or a copy-paste left behind; in an HTML page they
    /// come from escaped markup (`&lt;p class=&quot;lead&quot;&gt;`), which the
    /// browser shows literally.
    ///
    /// Only real HTML element names count, written in lower or upper case, with
    /// well-formed attributes; comparisons (`a < b`, `x<y>z`), hearts (`<3`), e-mail
    /// addresses in angle brackets (`<news@example.org>`) and placeholders
    /// (`<name>`, `<Enter>`) stay clean. A bare one-letter tag such as `<b>` or `<i>`
    /// counts only when its closing tag is on the same line. Tags a translation
    /// engine broke apart count too: a space after `<` (`< strong>`) or an attribute
    /// left on its own with typographic quotes (`class = “cf”>`).
    ///
    /// ## Why is this bad?
    /// Markup shown as text is noise in the middle of a sentence and a sign the copy
    /// went through a broken export: text next to it may be damaged too.
    ///
    /// ## Example
    /// ```text flag
    /// <p class="lead">The council met on Tuesday.</p>
    /// ```
    /// ```text flag
    /// The minister resigned.<br/>Her deputy takes over.
    /// ```
    /// ```text flag
    /// Tonight < strong>Russians again attacked the power grid.
    /// ```
    /// Use instead:
    /// ```text pass
    /// The council met on Tuesday. Turnout rose where a < b, and fans sent <3 to
    /// <press@example.org> about x<y>z and the <name> field.
    /// ```
    /// ```text before
    /// The minister resigned.<br/>Her deputy <b>takes over</b>.
    /// ```
    /// ```text after
    /// The minister resigned. Her deputy takes over.
    /// ```
    ///
    /// ## Fix safety
    /// Removing the tags is unsafe: whether a block tag stood for a paragraph break
    /// or a space needs a human look, and the text around a leaked tag may be damaged.
    pub struct VisibleMarkup {
        id: "visible-markup",
        category: Encoding,
        fix: Always,
        summary: "HTML tag or comment shown as text",
    }
}

/// Element names a CMS export or a scraper leaves behind; with attributes or as a
/// closing tag, any of these counts.
const ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "article",
    "aside",
    "audio",
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "label",
    "li",
    "link",
    "main",
    "mark",
    "meta",
    "nav",
    "noscript",
    "ol",
    "option",
    "p",
    "picture",
    "pre",
    "q",
    "s",
    "script",
    "section",
    "select",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "tt",
    "u",
    "ul",
    "video",
    "wbr",
];

/// Names that count even bare (`<div>`): they are not words a writer puts in angle
/// brackets as a placeholder, unlike `<title>`, `<time>`, `<label>` or `<source>`.
const BARE: &[&str] = &[
    "abbr",
    "article",
    "aside",
    "b",
    "big",
    "blockquote",
    "br",
    "center",
    "cite",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "font",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "i",
    "iframe",
    "img",
    "ins",
    "li",
    "mark",
    "nav",
    "noscript",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "script",
    "section",
    "small",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "tt",
    "u",
    "ul",
    "wbr",
];

/// Tags that stand between blocks of text: removed, they leave a space.
const BREAKING: &[&str] = &[
    "br",
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "td",
    "th",
    "table",
    "hr",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
];

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"<!--[^\n]*?-->",
        r"|</([A-Za-z][A-Za-z0-9]{0,9})[ \t]*>",
        r"|<([A-Za-z][A-Za-z0-9]{0,9})",
        r#"((?:[ \t\r\n]+[A-Za-z_:][-A-Za-z0-9_:.]*(?:[ \t]*=[ \t]*(?:"[^"\n]*"|'[^'\n]*'|[^\s"'=<>`]+))?)*)"#,
        r"[ \t]*(/?)>",
    ))
    .unwrap()
});

/// Tags a translation engine or a text filter broke apart: a space after `<`
/// ("< strong>", "< /span>", "</ strong>") or an attribute left without its tag
/// and given typographic quotes (`class = “cf”>`).
static MANGLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"<[ \t]+/?[ \t]*([a-z][a-z0-9]{1,9})[ \t]*/?>",
        r"|</[ \t]+([a-z][a-z0-9]{1,9})[ \t]*>",
        r#"|(?:^|[\s>])((?:class|style|href|src|alt|id|data-[a-z-]{1,20})[ \t]*=[ \t]*[“”"'][^“”"'\n<>]{0,80}[“”"'][ \t]*/?>)"#,
    ))
    .unwrap()
});

/// Longer "tags" are prose between a stray `<` and `>`.
const MAX_TAG: usize = 500;

#[derive(Clone, Copy)]
struct Tag {
    span: Span,
    breaking: bool,
}

fn tag_name_ok(name: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    let cased = name == lower || name == name.to_ascii_uppercase();
    (cased && ELEMENTS.contains(&lower.as_str())).then_some(lower)
}

impl Rule for VisibleMarkup {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        // A tag has a `<`; an attribute left without its tag still ends in `>`.
        if !text.contains(['<', '>']) {
            return;
        }
        let mut tags: Vec<Tag> = Vec::new();
        for c in TAG.captures_iter(text) {
            let m = c.get(0).expect("whole match");
            let span = Span::new(m.start(), m.end());
            if m.len() > MAX_TAG {
                continue;
            }
            if m.as_str().starts_with("<!--") {
                tags.push(Tag {
                    span,
                    breaking: false,
                });
                continue;
            }
            if let Some(name) = c.get(1) {
                if let Some(n) = tag_name_ok(name.as_str()) {
                    tags.push(Tag {
                        span,
                        breaking: BREAKING.contains(&n.as_str()),
                    });
                }
                continue;
            }
            let Some(name) = c.get(2).and_then(|n| tag_name_ok(n.as_str())) else {
                continue;
            };
            let attrs = c.get(3).map_or("", |a| a.as_str());
            let counts = if attrs.trim().is_empty() {
                BARE.contains(&name.as_str()) && bare_tag_counts(text, &name, span)
            } else {
                // Attributes must look like HTML: at least one `name=value`.
                attrs.contains('=')
            };
            if counts {
                tags.push(Tag {
                    span,
                    breaking: BREAKING.contains(&name.as_str()),
                });
            }
        }
        let plain = tags.len();
        for c in MANGLED.captures_iter(text) {
            let (span, name) = if let Some(attr) = c.get(3) {
                (Span::new(attr.start(), attr.end()), None)
            } else {
                let m = c.get(0).expect("whole match");
                let name = c.get(1).or_else(|| c.get(2)).map(|n| n.as_str());
                (Span::new(m.start(), m.end()), name)
            };
            // Only names of real elements that count bare: `< strong>`, not
            // `a < bc >` in a formula.
            if name.is_some_and(|n| !BARE.contains(&n)) {
                continue;
            }
            // `tags` is in text order so far: look at the neighbours only.
            let at = tags[..plain].partition_point(|t| t.span.start < span.start);
            let overlaps = |t: &Tag| t.span.start < span.end && span.start < t.span.end;
            if at.checked_sub(1).is_some_and(|k| overlaps(&tags[k]))
                || tags.get(at).is_some_and(|t| at < plain && overlaps(t))
            {
                continue;
            }
            tags.push(Tag {
                span,
                breaking: name.is_some_and(|n| BREAKING.contains(&n)),
            });
        }
        tags.sort_by_key(|t| t.span.start);
        // Tags separated only by spaces are one finding.
        let mut k = 0;
        while k < tags.len() {
            let mut cluster = tags[k].span;
            let mut breaking = tags[k].breaking;
            let mut j = k + 1;
            while j < tags.len()
                && text
                    .get(cluster.end..tags[j].span.start)
                    .is_some_and(|gap| gap.bytes().all(|b| b == b' ' || b == b'\t'))
            {
                cluster = cluster.cover(tags[j].span);
                breaking |= tags[j].breaking;
                j += 1;
            }
            emit(text, cluster, breaking, j - k, out);
            k = j;
        }
    }
}

/// A bare one-letter tag (`<b>`, `<i>`) needs its closing tag later on the line; a
/// bare `<p>` must not sit between two letters (`x<p>y` is more likely algebra).
fn bare_tag_counts(text: &str, name: &str, span: Span) -> bool {
    if name.len() > 1 {
        return true;
    }
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    if name == "p" {
        return !(before.is_some_and(char::is_alphanumeric)
            && after.is_some_and(char::is_alphanumeric));
    }
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    let rest = text[span.end..line_end].to_ascii_lowercase();
    rest.contains(&format!("</{name}>"))
}

fn emit(text: &str, cluster: Span, breaking: bool, count: usize, out: &mut Emitter) {
    let shown = cluster.text(text);
    let shown = if shown.chars().count() > 60 {
        let cut: String = shown.chars().take(57).collect();
        format!("{cut}...")
    } else {
        shown.to_string()
    };
    let what = if shown.starts_with("<!--") {
        "HTML comment"
    } else if count > 1 {
        "HTML tags"
    } else {
        "HTML tag"
    };
    let (span, replacement) = removal(text, cluster, breaking);
    out.emit(cluster, format!("{what} `{shown}` shown as text"))
        .replace(
            "remove the markup",
            span,
            replacement,
            Applicability::Unsafe,
        );
}

/// What removing the tags means for the text around them: a block tag between two
/// words leaves a space; no tag leaves a double space or a space at a line's edge.
fn removal(text: &str, tags: Span, breaking: bool) -> (Span, &'static str) {
    // Tags alone on their line: the line goes, terminator included.
    let line_start = text[..tags.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[tags.end..].find('\n').map(|i| tags.end + i);
    let blank = |s: &str| s.trim().is_empty();
    if blank(&text[line_start..tags.start])
        && blank(&text[tags.end..line_end.unwrap_or(text.len())])
        && line_end.is_some()
    {
        return (
            Span::new(line_start, line_end.map_or(text.len(), |e| e + 1)),
            "",
        );
    }
    let before = text[..tags.start].chars().next_back();
    let after = text[tags.end..].chars().next();
    let space = |c: Option<char>| c.is_some_and(|c| c == ' ' || c == '\t');
    let edge = |c: Option<char>| c.is_none_or(|c| c == '\n' || c == '\r');
    match (before, after) {
        (b, a) if space(b) && (space(a) || edge(a)) => {
            // "word <b> word" or "word </p>": take the space before too.
            let lead =
                text[..tags.start].len() - text[..tags.start].trim_end_matches([' ', '\t']).len();
            (Span::new(tags.start - lead, tags.end), "")
        }
        (b, a) if edge(b) && space(a) => {
            let trail =
                text[tags.end..].len() - text[tags.end..].trim_start_matches([' ', '\t']).len();
            (Span::new(tags.start, tags.end + trail), "")
        }
        (b, a) if breaking && !edge(b) && !space(b) && !edge(a) && !space(a) => (tags, " "),
        _ => (tags, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn leftover_tags_in_plain_copy() {
        assert_flags("<p>The council met.</p>", &VisibleMarkup, &["<p>", "</p>"]);
        assert_flags(
            "Read <a href=\"https://example.org/x\">the report</a> here.",
            &VisibleMarkup,
            &["<a href=\"https://example.org/x\">", "</a>"],
        );
        assert_flags("Line one<BR>Line two", &VisibleMarkup, &["<BR>"]);
        assert_flags(
            "<!-- wp:paragraph --> The vote passed.",
            &VisibleMarkup,
            &["<!-- wp:paragraph -->"],
        );
        assert_flags(
            "<p><strong>Moscow</strong></p> <div class=\"share\">",
            &VisibleMarkup,
            &["<p><strong>", "</strong></p> <div class=\"share\">"],
        );
    }

    #[test]
    fn comparisons_addresses_and_placeholders_stay_clean() {
        assert_no_lints(
            "If a < b and b > c, then x<y>z; we <3 it; write to <desk@example.org>.",
            &VisibleMarkup,
        );
        assert_no_lints(
            "Type your <name> and press <Enter>; the <Video> label; a<b>c and n<p>m.",
            &VisibleMarkup,
        );
        assert_no_lints(
            "The <title> and <time> fields; <i think> so.",
            &VisibleMarkup,
        );
        assert_no_lints("Shares in <GOOG.O> and <ABN> rose.", &VisibleMarkup);
        assert_no_lints("He wrote <b and c> in the margin.", &VisibleMarkup);
    }

    #[test]
    fn tags_broken_by_translation() {
        assert_lint_count(
            "Tonight < strong>Russians have again attacked the energy grid.",
            &VisibleMarkup,
            1,
        );
        assert_lint_count("The vote < /strong> was held.", &VisibleMarkup, 1);
        assert_flags(
            "He spoke about the holidays.\n\nclass = “cf”>\n\nHe left.",
            &VisibleMarkup,
            &["class = “cf”>"],
        );
        assert_no_lints(
            "If a < bc > d, the set is empty. The class = 5 group met. Pay < 200 > 100.",
            &VisibleMarkup,
        );
    }

    #[test]
    fn one_letter_tags_need_their_closer() {
        assert_flags(
            "She was <i>very</i> clear.",
            &VisibleMarkup,
            &["<i>", "</i>"],
        );
        assert_flags("Stray </b> closer.", &VisibleMarkup, &["</b>"]);
        assert_no_lints("Option <b> and option <c>.", &VisibleMarkup);
    }

    #[test]
    fn fixes_keep_spacing() {
        assert_fix_result("Hello <b>world</b>.", &VisibleMarkup, "Hello world.");
        assert_fix_result("One.<br>Two.", &VisibleMarkup, "One. Two.");
        assert_fix_result("<p>Text</p>\nMore", &VisibleMarkup, "Text\nMore");
        assert_fix_result("Text </p>\nMore", &VisibleMarkup, "Text\nMore");
        assert_fix_result("a <span> b", &VisibleMarkup, "a b");
        assert_fix_result(
            "One.\n<!-- wp:paragraph -->\nTwo.",
            &VisibleMarkup,
            "One.\nTwo.",
        );
        assert_fix_result("One.\r\n  <div>\r\nTwo.", &VisibleMarkup, "One.\r\nTwo.");
    }

    #[test]
    fn messages() {
        assert_message(
            "Hi <p class=\"x\">there",
            &VisibleMarkup,
            "HTML tag `<p class=\"x\">` shown as text",
        );
    }
}
