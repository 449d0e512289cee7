//! Document-level facts several rules need: where quotations are, which words the
//! document itself capitalises in mid-sentence, which lines are headlines.

use super::lexicon::{is_all_caps, starts_upper};
use crate::document::{Document, TokenKind};
use crate::span::Span;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;

/// Spans of quoted speech: `“…”` pairs and straight `"…"` pairs, per paragraph. A
/// quotation left open runs to the end of its paragraph.
pub fn quote_spans(doc: &Document) -> Arc<Vec<Span>> {
    struct Key;
    doc.memo::<Key, _>(|| compute_quote_spans(doc))
}

fn compute_quote_spans(doc: &Document) -> Vec<Span> {
    let text = doc.text();
    let mut out = Vec::new();
    for p in doc.paragraphs() {
        let s = p.span.text(text);
        let mut open: Option<usize> = None;
        let mut straight = false;
        // Only `"` and the multi-byte marks led by 0xC2 (« ») or 0xE2 (“ ” „) matter.
        for i in memchr::memchr3_iter(b'"', 0xC2, 0xE2, s.as_bytes()) {
            let Some(c) = s[i..].chars().next() else {
                continue;
            };
            let at = p.span.start + i;
            match c {
                '“' | '«' | '„' if open.is_none() => {
                    open = Some(at);
                    straight = false;
                }
                '”' | '»' if open.is_some() && !straight => {
                    out.push(Span::new(open.take().unwrap_or(at), at + c.len_utf8()));
                }
                '"' => match open {
                    None => {
                        open = Some(at);
                        straight = true;
                    }
                    Some(o) if straight => {
                        out.push(Span::new(o, at + 1));
                        open = None;
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        if let Some(o) = open {
            out.push(Span::new(o, p.span.end));
        }
    }
    out
}

/// True when `offset` lies inside one of the sorted, disjoint `spans`.
pub fn inside(spans: &[Span], offset: usize) -> bool {
    let i = spans.partition_point(|s| s.end <= offset);
    spans.get(i).is_some_and(|s| s.contains(offset))
}

/// Word tokens with their sentence position: index in the sentence's word list
/// (0 = first word) and whether a punctuation mark that opens a sentence-like unit
/// (quote, colon, dash, bracket) comes right before.
#[derive(Clone, Copy, Debug)]
pub struct WordAt {
    pub span: Span,
    pub sentence: usize,
    /// True for the first word of a sentence or of a quotation, or after a colon.
    pub starts_unit: bool,
}

/// Every word token of the document with its sentence index.
pub fn words(doc: &Document) -> Arc<Vec<WordAt>> {
    struct Key;
    doc.memo::<Key, _>(|| compute_words(doc))
}

fn compute_words(doc: &Document) -> Vec<WordAt> {
    let text = doc.text();
    let mut out = Vec::new();
    for (si, s) in doc.sentences().iter().enumerate() {
        let mut first = true;
        let mut prev_punct: Option<char> = None;
        for t in doc.tokens_in(s.span) {
            match t.kind {
                TokenKind::Punct => {
                    prev_punct = t.span.text(text).chars().next();
                }
                _ => {
                    let opener = prev_punct.is_some_and(|c| {
                        matches!(
                            c,
                            '“' | '"'
                                | '«'
                                | '„'
                                | '‘'
                                | ':'
                                | '—'
                                | '–'
                                | '('
                                | '['
                                | '•'
                                | '*'
                                | '-'
                                | '…'
                                | '>'
                                | '|'
                                | ';'
                        )
                    });
                    if t.kind == TokenKind::Word {
                        out.push(WordAt {
                            span: t.span,
                            sentence: si,
                            starts_unit: first || opener,
                        });
                    }
                    first = false;
                    prev_punct = None;
                }
            }
        }
    }
    out
}

/// Lower-cased words the document writes capitalised somewhere other than at the
/// start of a sentence or quotation, with how often.
pub fn midsentence_capitals(doc: &Document, words: &[WordAt]) -> HashMap<String, usize> {
    let text = doc.text();
    let mut m: HashMap<String, usize> = HashMap::default();
    for w in words {
        let s = w.span.text(text);
        if !w.starts_unit && starts_upper(s) && !is_all_caps(s) {
            let l = super::lexicon::lowercase(super::lexicon::strip_possessive(s));
            match m.get_mut(&*l) {
                Some(n) => *n += 1,
                None => {
                    m.insert(l.into_owned(), 1);
                }
            }
        }
    }
    m
}

/// [`midsentence_capitals`] of the document's [`words`], computed once per document.
pub fn document_capitals(doc: &Document) -> Arc<HashMap<String, usize>> {
    struct Key;
    doc.memo::<Key, _>(|| midsentence_capitals(doc, &words(doc)))
}

/// Lines that read as headlines or titles: most of their longer words capitalised,
/// or short with no closing punctuation.
pub fn headline_lines(doc: &Document) -> HashSet<usize> {
    let text = doc.text();
    let mut out = HashSet::default();
    for (i, l) in doc.lines().iter().enumerate() {
        let s = l.span.text(text).trim();
        if s.is_empty() {
            continue;
        }
        let (mut n, mut long, mut caps) = (0, 0, 0);
        for (_, w) in doc.words_in(l.span) {
            n += 1;
            if w.chars().nth(3).is_some() {
                long += 1;
                caps += usize::from(starts_upper(w));
            }
        }
        let ends_open = !s.ends_with(['.', '!', '?', '”', '"', ':', ';', ',']);
        if (long >= 2 && caps * 10 >= long * 6) || (ends_open && n <= 14) {
            out.insert(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_pair_and_run_open() {
        let text = "“Go,” she said. “Stay here\n\nNo more.";
        let d = Document::new(text);
        let q = quote_spans(&d);
        assert_eq!(q.len(), 2);
        assert!(inside(&q, 1));
        assert!(!inside(&q, text.find("she").unwrap()));
        assert!(inside(&q, text.find("Stay").unwrap()));
        assert!(!inside(&q, text.find("No").unwrap()));
    }

    #[test]
    fn capitals_ignore_sentence_starts() {
        let d = Document::new("Nikita left. He met Nikita in Paris.");
        let w = words(&d);
        let m = midsentence_capitals(&d, &w);
        assert_eq!(m.get("nikita"), Some(&1));
        assert!(!m.contains_key("he"));
    }
}
