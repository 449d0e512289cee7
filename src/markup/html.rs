//! HTML: the text a browser shows, laid out in lines and paragraphs.
//!
//! Tokenizing is html5gum's (WHATWG tokenizer with byte spans, raw-text handling for
//! `script`/`style`/`textarea`/`title`); decoding text is ours, from the source bytes
//! of each text token, so every decoded entity maps to its exact source range.

use super::map::{Break, Flow};
use super::{Extraction, Segment, SegmentKind};
use crate::span::Span;
use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Elements whose content is never copy: skipped up to their end tag.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "template",
    "noscript",
    "pre",
    "textarea",
    "title",
    "svg",
    "math",
    "iframe",
    "object",
    "canvas",
    "video",
    "audio",
    "select",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
    "listing",
];

/// Inline elements whose content is code: replaced by an opaque placeholder.
const CODE: &[&str] = &["code", "kbd", "samp"];

/// Elements that start and end a paragraph of their own.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "option",
    "p",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "ul",
    "pre",
    "optgroup",
    "frameset",
    "frame",
];

/// Table cells: separated within their row, not blocks of their own, so a cell that
/// says "Home" is not taken for a navigation line.
const CELLS: &[&str] = &["td", "th"];
pub(super) const CELL_SEPARATOR: &str = " | ";

/// Attributes whose values are prose a reader (or a screen reader) gets.
const PROSE_ATTRS: &[&str] = &["alt", "title"];

fn is(list: &[&str], name: &str) -> bool {
    list.contains(&name)
}

struct Skip {
    name: String,
    depth: usize,
    start: usize,
    code: bool,
}

pub fn extract(source: &str) -> Extraction {
    let mut flow = Flow::new(true);
    let mut attrs = Vec::new();
    let mut skip: Option<Skip> = None;
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    // A byte-order mark is not text.
    let base = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let body = &source[base..];
    for token in Tokenizer::new_with_emitter(body, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                let span = Span::new(tag.span.start + base, tag.span.end + base);
                if let Some(s) = &mut skip {
                    if s.code && is(BLOCKS, &name) {
                        // An unclosed `<code>` ends with its paragraph.
                        end_code(&mut flow, s, span.start);
                        skip = None;
                    } else {
                        if s.name == name && !tag.self_closing {
                            s.depth += 1;
                        }
                        continue;
                    }
                }
                if is(BLOCKS, &name) {
                    flow.brk(Break::Paragraph, span.start);
                } else if name == "br" || name == "tr" {
                    flow.brk(Break::Line, span.start);
                } else if is(CELLS, &name) {
                    // A table row reads as one line: "Arsenal | 3 | 1".
                    flow.separator(CELL_SEPARATOR, span.start);
                }
                for (k, v) in &tag.attributes {
                    let k = String::from_utf8_lossy(k);
                    if is(PROSE_ATTRS, &k)
                        && let Some(seg) = attr_segment(source, base, v.span.start, v.span.end)
                    {
                        attrs.push(seg);
                    }
                }
                let void = tag.self_closing || is(&["br", "img", "hr", "input", "wbr"], &name);
                if !void && (is(SKIPPED, &name) || is(CODE, &name)) {
                    skip = Some(Skip {
                        code: is(CODE, &name),
                        name,
                        depth: 1,
                        start: span.start,
                    });
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                let span = Span::new(tag.span.start + base, tag.span.end + base);
                if let Some(s) = &mut skip {
                    if s.name == name {
                        s.depth -= 1;
                        if s.depth == 0 {
                            if s.code {
                                end_code(&mut flow, s, span.end);
                            } else if is(BLOCKS, &name) {
                                flow.brk(Break::Paragraph, span.end);
                            }
                            skip = None;
                        }
                        continue;
                    }
                    if s.code && is(BLOCKS, &name) {
                        end_code(&mut flow, s, span.start);
                        skip = None;
                    } else {
                        continue;
                    }
                }
                if is(BLOCKS, &name) {
                    flow.brk(Break::Paragraph, span.start);
                } else if name == "br" || name == "tr" {
                    // `</br>` is a line break in every browser.
                    flow.brk(Break::Line, span.start);
                }
            }
            Token::String(s) => {
                if skip.is_some() {
                    continue;
                }
                let (a, b) = (s.span.start + base, s.span.end + base);
                if let Some(raw) = source.get(a..b) {
                    flow.text(raw, a, false);
                }
            }
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    if let Some(s) = &skip
        && s.code
    {
        end_code(&mut flow, s, source.len());
    }
    let (text, map) = flow.finish();
    let mut segments = vec![Segment {
        kind: SegmentKind::HtmlText,
        text,
        map,
    }];
    segments.extend(attrs);
    Extraction {
        segments,
        code: Vec::new(),
    }
}

fn end_code(flow: &mut Flow, s: &Skip, end: usize) {
    flow.opaque(Span::new(s.start, end));
}

/// The value of one attribute as its own segment. html5gum's span runs from the
/// attribute name to the end of the value; the value itself is found here.
fn attr_segment(source: &str, base: usize, start: usize, end: usize) -> Option<Segment> {
    let (start, end) = (start + base, (end + base).min(source.len()));
    let raw = source.get(start..end)?;
    let eq = raw.find('=')?;
    let after = &raw[eq + 1..];
    let lead = after.len() - after.trim_start().len();
    let vstart = start + eq + 1 + lead;
    let rest = &after[lead..];
    let (quote, value) = match rest.chars().next()? {
        q @ ('"' | '\'') => {
            let inner = &rest[1..];
            (Some(q), &inner[..inner.find(q).unwrap_or(inner.len())])
        }
        _ => (
            None,
            &rest[..rest
                .find(|c: char| c.is_ascii_whitespace() || c == '>')
                .unwrap_or(rest.len())],
        ),
    };
    let vstart = vstart + usize::from(quote.is_some());
    let mut flow = Flow::new(true);
    flow.text(value, vstart, true);
    let (text, map) = flow.finish();
    if text.trim().is_empty() {
        return None;
    }
    Some(Segment {
        kind: match quote {
            Some(q) => SegmentKind::HtmlAttr(q),
            None => SegmentKind::HtmlAttrUnquoted,
        },
        text,
        map,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::PLACEHOLDER;

    fn visible(src: &str) -> String {
        extract(src).segments[0].text.clone()
    }

    #[test]
    fn paragraphs_breaks_and_entities() {
        assert_eq!(
            visible("<p>It&#x27;s  <b>here</b>,\n now.</p><p>Next&nbsp;one</p>"),
            "It's here, now.\n\nNext\u{a0}one"
        );
        assert_eq!(visible("a<br>b<br/><br>c"), "a\nb\n\nc");
        assert_eq!(visible("<div>\n  <p>x</p>\n</div>\n"), "x");
    }

    #[test]
    fn skips_scripts_styles_code_comments() {
        let src = "<p>Run <code>x27;</code> now.</p><script>var a = '&amp;';</script>\
                   <style>p{}</style><!-- note --><pre>raw\ntext</pre><p>End</p>";
        assert_eq!(visible(src), format!("Run {PLACEHOLDER} now.\n\nEnd"));
    }

    #[test]
    fn escaped_markup_shows_as_tags() {
        assert_eq!(
            visible("<p>&lt;p class=&quot;x&quot;&gt;Hi</p>"),
            "<p class=\"x\">Hi"
        );
        assert_eq!(visible("<p>Smith &amp;amp;#x27;</p>"), "Smith &amp;#x27;");
    }

    #[test]
    fn alt_and_title_are_segments() {
        let src = r#"<p><img src="a.jpg" alt="A man at the border"><a href="/x" title='It&#39;s' class="c">x</a></p>"#;
        let ex = extract(src);
        let texts: Vec<_> = ex.segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["x", "A man at the border", "It's"]);
        let seg = &ex.segments[1];
        let sp = seg.map.to_source(Span::new(0, seg.text.len()));
        assert_eq!(sp.text(src), "A man at the border");
        let seg = &ex.segments[2];
        assert_eq!(seg.map.to_source(Span::new(2, 3)).text(src), "&#39;");
    }

    #[test]
    fn malformed_input_does_not_panic() {
        for src in [
            "<p>unclosed <b>bold <i>both</p> stray < and > &am",
            "<",
            "&",
            "</",
            "<!--",
            "<p title=\"x",
            "<p title=x alt",
            "<code>never closed",
            "<script>never closed",
            "<a href='x'>caf\u{e9}</b></a></p></div>",
            "\u{feff}<p>bom</p>",
            "<p>&#x110000;&#xFFFFFFFFF;&#</p>",
        ] {
            let ex = extract(src);
            for seg in &ex.segments {
                let sp = seg.map.to_source(Span::new(0, seg.text.len()));
                assert!(src.get(sp.range()).is_some(), "{src:?}");
            }
        }
        assert_eq!(visible("<code>never closed"), "");
        assert_eq!(visible("<p><code>x</p><p>y</p>"), "y");
        assert_eq!(
            visible("<p>Run <code>x</p><p>y</p>"),
            format!("Run {PLACEHOLDER}\n\ny")
        );
    }
}
