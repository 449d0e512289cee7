//! Markdown: the prose of a CommonMark document, from pulldown-cmark's events with
//! their source ranges.

use super::map::{Break, Flow};
use super::{Extraction, Segment, SegmentKind};
use crate::span::Span;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub fn extract(source: &str) -> Extraction {
    // No smart punctuation: the reader's quotes are the ones in the source.
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut flow = Flow::new(false);
    let mut alts: Vec<Segment> = Vec::new();
    let mut alt: Option<(Flow, usize)> = None;
    let mut skip = 0usize;
    let mut code: Vec<Span> = Vec::new();
    for (event, range) in Parser::new_ext(source, opts).into_offset_iter() {
        let span = Span::new(range.start.min(source.len()), range.end.min(source.len()));
        if skip > 0 {
            match event {
                Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_)) => {
                    skip += 1
                }
                Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_)) => {
                    skip -= 1;
                    if skip == 0 {
                        flow.brk(Break::Paragraph, span.end);
                    }
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Image { .. }) => {
                match &mut alt {
                    Some((_, depth)) => *depth += 1,
                    None => {
                        flow.opaque(span);
                        alt = Some((Flow::new(false), 1));
                    }
                }
                continue;
            }
            Event::End(TagEnd::Image) => {
                if let Some((_, depth)) = &mut alt {
                    *depth -= 1;
                    if *depth == 0 {
                        let (f, _) = alt.take().expect("checked");
                        let (text, map) = f.finish();
                        if !text.trim().is_empty() {
                            alts.push(Segment {
                                kind: SegmentKind::Markdown,
                                text,
                                map,
                            });
                        }
                    }
                }
                continue;
            }
            _ => {}
        }
        let out = match &mut alt {
            Some((f, _)) => f,
            None => &mut flow,
        };
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_)) => {
                if matches!(event, Event::Start(Tag::CodeBlock(_))) {
                    code.push(span);
                }
                out.brk(Break::Paragraph, span.start);
                skip = 1;
            }
            Event::Start(Tag::TableCell) => out.separator(super::html::CELL_SEPARATOR, span.start),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => out.brk(Break::Line, span.end),
            Event::Start(tag) => {
                if is_block(&tag) {
                    out.brk(Break::Paragraph, span.start);
                }
            }
            Event::End(tag) => {
                if is_block_end(&tag) {
                    out.brk(Break::Paragraph, span.end);
                }
            }
            Event::Text(t) => {
                if source.get(span.range()) == Some(t.as_ref()) {
                    out.verbatim(&t, span.start);
                } else {
                    // An entity, an escape: the text stands for its whole source.
                    out.replaced(&t, span);
                }
            }
            Event::Code(_) => out.opaque(span),
            Event::SoftBreak => out.replaced(" ", span),
            Event::HardBreak => out.brk(Break::Line, span.start),
            Event::Rule => out.brk(Break::Paragraph, span.start),
            Event::InlineHtml(h) => {
                let tag: String = h
                    .chars()
                    .filter(|c| !c.is_whitespace() && *c != '/')
                    .collect();
                if tag.eq_ignore_ascii_case("<br>") {
                    out.brk(Break::Line, span.start);
                }
            }
            Event::Html(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => {}
        }
    }
    let (text, map) = flow.finish();
    let mut segments = vec![Segment {
        kind: SegmentKind::Markdown,
        text,
        map,
    }];
    segments.extend(alts);
    Extraction { segments, code }
}

fn is_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Table(_)
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Table
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::PLACEHOLDER;

    fn visible(src: &str) -> String {
        extract(src).segments[0].text.clone()
    }

    #[test]
    fn prose_without_markup() {
        let src = "---\ntitle: x27;\n---\n\n# Head *line*\n\nIt's [a link](http://x.org/x27;) and `x27;`.\nSecond line.\n\n- one\n- two\n\n> quoted\n\n```\ncode x27;\n```\n\n    indented code\n\nEnd &amp; out.<!-- hidden -->\n";
        assert_eq!(
            visible(src),
            format!(
                "Head line\n\nIt's a link and {PLACEHOLDER}. Second line.\n\none\n\ntwo\n\nquoted\n\nEnd & out."
            )
        );
    }

    #[test]
    fn spans_map_into_the_source() {
        let src = "Smith &amp; Sons *said* it.\r\nNext line.\r\n\r\n| a | b |\n|---|---|\n| cell é | x |\n";
        let ex = extract(src);
        let seg = &ex.segments[0];
        let at = seg.text.find('&').unwrap();
        assert_eq!(seg.map.to_source(Span::new(at, at + 1)).text(src), "&amp;");
        let at = seg.text.find("said").unwrap();
        assert_eq!(seg.map.to_source(Span::new(at, at + 4)).text(src), "said");
        let at = seg.text.find("é").unwrap();
        assert_eq!(seg.map.to_source(Span::new(at, at + 2)).text(src), "é");
        assert!(seg.text.contains("it. Next line."));
        assert!(seg.text.contains("a | b\ncell é | x"), "{:?}", seg.text);
    }

    #[test]
    fn empty_table_cells_leave_no_stray_spaces() {
        let src = "| run | time | rss |\n| --- | --- | --- |\n| one | 37 ms | |\n| | | x |\n";
        assert_eq!(visible(src), "run | time | rss\none | 37 ms\nx");
    }

    #[test]
    fn image_alt_is_a_segment() {
        let ex = extract("Text ![A *man* waits](a.jpg \"t\") here.");
        assert_eq!(ex.segments[0].text, format!("Text {PLACEHOLDER} here."));
        assert_eq!(ex.segments[1].text, "A man waits");
    }

    #[test]
    fn image_only_paragraph_leaves_one_blank_line() {
        let ex = extract("First.\n\n![Alt](a.jpg)\n\n*Caption.*\n");
        assert_eq!(ex.segments[0].text, "First.\n\nCaption.");
        let ex = extract("First.\n\n![Alt](a.jpg)\n\n![Alt](b.jpg)\n\nLast.");
        assert_eq!(ex.segments[0].text, "First.\n\nLast.");
    }

    #[test]
    fn malformed_input_does_not_panic() {
        for src in [
            "[", "```", "`", "<!--", "---\n", "![", "*a **b", "&#", "|a|\n|-", "\r",
        ] {
            let ex = extract(src);
            for seg in &ex.segments {
                let sp = seg.map.to_source(Span::new(0, seg.text.len()));
                assert!(src.get(sp.range()).is_some(), "{src:?}");
            }
        }
    }
}
