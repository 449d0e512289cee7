//! The document model: the source text plus views (lines, paragraphs, sentences,
//! words) computed once, on first use, and shared by every rule.

use crate::lexicon::{EMPTY, Lexicon};
use crate::span::Span;
use std::any::{Any, TypeId};
use std::sync::{Arc, Mutex, OnceLock};

/// A line without its terminator (`\n`, `\r\n` or a lone `\r`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    pub span: Span,
    /// Index of the first byte after the terminator (== `span.end` on the last line
    /// without a terminator).
    pub next: usize,
}

/// A paragraph: a block of lines. In copy with blank lines between paragraphs a
/// paragraph is a blank-line separated block; in copy without any, every line is one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    /// Line indices `first..last` (exclusive).
    pub first_line: usize,
    pub last_line: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits) with internal apostrophes or hyphens: `don’t`, `Jean-Pierre`.
    Word,
    /// Digits with internal `,` or `.`: `10,000`, `3.5`.
    Number,
    /// Any other single non-space character.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

pub struct Document<'a> {
    text: &'a str,
    lexicon: &'a Lexicon,
    /// Where copy starts: after a UTF-8 BOM, if any.
    start: usize,
    lines: OnceLock<Vec<Line>>,
    paragraphs: OnceLock<Vec<Paragraph>>,
    sentences: OnceLock<Vec<Sentence>>,
    tokens: OnceLock<Vec<Token>>,
    /// Analyses that several rules share (mentions, quotations...), by type.
    memo: Mutex<Vec<(TypeId, Arc<dyn Any + Send + Sync>)>>,
}

impl<'a> Document<'a> {
    pub fn new(text: &'a str) -> Self {
        Self::with_lexicon(text, &EMPTY)
    }

    /// A document checked against a configured lexicon (extra proper nouns, names).
    pub fn with_lexicon(text: &'a str, lexicon: &'a Lexicon) -> Self {
        let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Document {
            text,
            lexicon,
            start,
            lines: OnceLock::new(),
            paragraphs: OnceLock::new(),
            sentences: OnceLock::new(),
            tokens: OnceLock::new(),
            memo: Mutex::new(Vec::new()),
        }
    }

    pub fn lexicon(&self) -> &'a Lexicon {
        self.lexicon
    }

    /// The whole source, BOM included, so spans index the original bytes.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Offset where the copy begins (3 after a BOM, else 0).
    pub fn content_start(&self) -> usize {
        self.start
    }

    pub fn slice(&self, span: Span) -> &'a str {
        span.text(self.text)
    }

    pub fn lines(&self) -> &[Line] {
        self.lines
            .get_or_init(|| split_lines(self.text, self.start))
    }

    /// Index of the line containing `offset` (the last line for offsets at the end).
    pub fn line_index(&self, offset: usize) -> usize {
        let lines = self.lines();
        match lines.binary_search_by(|l| l.span.start.cmp(&offset)) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        }
    }

    pub fn paragraphs(&self) -> &[Paragraph] {
        self.paragraphs
            .get_or_init(|| split_paragraphs(self.text, self.lines()))
    }

    pub fn paragraph_index(&self, offset: usize) -> Option<usize> {
        let paras = self.paragraphs();
        let i = match paras.binary_search_by(|p| p.span.start.cmp(&offset)) {
            Ok(i) => i,
            Err(0) => return None,
            Err(i) => i - 1,
        };
        (offset <= paras[i].span.end).then_some(i)
    }

    pub fn sentences(&self) -> &[Sentence] {
        self.sentences.get_or_init(|| {
            let mut out = Vec::new();
            for (i, p) in self.paragraphs().iter().enumerate() {
                split_sentences(self.text, p.span, i, &mut out);
            }
            out
        })
    }

    pub fn tokens(&self) -> &[Token] {
        self.tokens.get_or_init(|| tokenize(self.text, self.start))
    }

    /// Byte offsets of ASCII capitals glued to the lower-case letter or digit before
    /// them ("agoRaw", "27By"): where a label, dateline or byline was run into the
    /// text. Scanned once and shared by the rules that look for such joins.
    pub fn capital_joins(&self) -> Arc<Vec<usize>> {
        struct Key;
        self.memo::<Key, _>(|| {
            let b = self.text.as_bytes();
            (1..b.len())
                .filter(|&i| {
                    b[i].is_ascii_uppercase()
                        && (b[i - 1].is_ascii_lowercase() || b[i - 1].is_ascii_digit())
                })
                .collect()
        })
    }

    /// Tokens whose start lies inside `span`.
    pub fn tokens_in(&self, span: Span) -> &[Token] {
        let toks = self.tokens();
        let a = toks.partition_point(|t| t.span.start < span.start);
        let b = toks.partition_point(|t| t.span.start < span.end);
        &toks[a..b]
    }

    /// Word tokens in `span`, as text.
    pub fn words_in(&self, span: Span) -> impl Iterator<Item = (Span, &'a str)> + '_ {
        self.tokens_in(span)
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| (t.span, t.span.text(self.text)))
    }

    /// A per-document analysis shared between rules: computed by `init` on first use,
    /// then the same value for every later caller. `K` is a marker type naming the
    /// analysis.
    pub fn memo<K: Any, T: Any + Send + Sync>(&self, init: impl FnOnce() -> T) -> Arc<T> {
        let find = |memo: &[(TypeId, Arc<dyn Any + Send + Sync>)]| {
            memo.iter()
                .find(|(id, _)| *id == TypeId::of::<K>())
                .and_then(|(_, v)| v.clone().downcast::<T>().ok())
        };
        if let Some(v) = find(&self.memo.lock().unwrap_or_else(|e| e.into_inner())) {
            return v;
        }
        // Computed outside the lock: an analysis may build on another one.
        let v = Arc::new(init());
        let mut memo = self.memo.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(existing) = find(&memo) {
            return existing;
        }
        memo.push((TypeId::of::<K>(), v.clone()));
        v
    }

    /// The analysis [`Document::memo`] keeps under `K`, if it was computed.
    pub fn memo_peek<K: Any, T: Any + Send + Sync>(&self) -> Option<Arc<T>> {
        let memo = self.memo.lock().unwrap_or_else(|e| e.into_inner());
        memo.iter()
            .find(|(id, _)| *id == TypeId::of::<K>())
            .and_then(|(_, v)| v.clone().downcast::<T>().ok())
    }

    /// The span of the whole line containing `span.start`, including its terminator,
    /// which is what deleting a line must remove.
    pub fn line_with_terminator(&self, offset: usize) -> Span {
        let line = self.lines()[self.line_index(offset)];
        Span::new(line.span.start, line.next)
    }
}

fn split_lines(text: &str, start: usize) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut line_start = start;
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(Line {
                    span: Span::new(line_start, i),
                    next: i + 1,
                });
                i += 1;
                line_start = i;
            }
            b'\r' => {
                let next = if bytes.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                lines.push(Line {
                    span: Span::new(line_start, i),
                    next,
                });
                i = next;
                line_start = i;
            }
            _ => i += 1,
        }
    }
    if line_start < bytes.len() || lines.is_empty() {
        lines.push(Line {
            span: Span::new(line_start, bytes.len()),
            next: bytes.len(),
        });
    }
    lines
}

pub(crate) fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

fn split_paragraphs(text: &str, lines: &[Line]) -> Vec<Paragraph> {
    let blank: Vec<bool> = lines.iter().map(|l| is_blank(l.span.text(text))).collect();
    // Blank-line mode if any blank line separates two non-blank lines.
    let first = blank.iter().position(|b| !b);
    let last = blank.iter().rposition(|b| !b);
    let blank_mode = match (first, last) {
        (Some(f), Some(l)) => blank[f..l].iter().any(|&b| b),
        _ => false,
    };
    let mut paras = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if blank[i] {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        if blank_mode {
            while j < lines.len() && !blank[j] {
                j += 1;
            }
        }
        let span = Span::new(lines[i].span.start, lines[j - 1].span.end);
        paras.push(Paragraph {
            span: trim_span(text, span),
            first_line: i,
            last_line: j,
        });
        i = j;
    }
    paras
}

/// Byte offset just after the last whitespace character before `pos` (0 if none):
/// the start of the whitespace-delimited chunk that contains `pos`.
pub fn chunk_start(text: &str, pos: usize) -> usize {
    text[..pos]
        .char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Shrink a span so it starts and ends on non-whitespace.
pub fn trim_span(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return Span::new(span.start, span.start);
    }
    Span::new(span.start + lead, span.end - trail)
}

/// Abbreviations after which a full stop does not end a sentence.
const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "col", "lt", "sgt", "capt", "cpl",
    "gov", "sen", "rep", "rev", "fr", "no", "nos", "vs", "v", "mt", "ft", "ave", "blvd", "approx",
    "e.g", "i.e", "cf", "u.s", "u.k", "u.n", "e.u", "u.s.a", "jan", "feb", "aug", "sept", "sep",
    "oct", "nov", "dec", "corp", "inc", "co", "ltd", "dept", "est", "fig", "op", "vol", "pp",
    "art", "sec",
];

/// Abbreviations that often end a sentence too: they end one only before a capital.
const SOMETIMES_FINAL: &[&str] = &["a.m", "p.m", "etc", "al"];

fn word_before(text: &str, dot: usize, floor: usize) -> &str {
    let before = &text[floor..dot];
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '.')
        .last()
        .map(|(i, _)| i)
        .unwrap_or(before.len());
    &before[start..]
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '’' | '”' | '»' | ')' | ']' | '›')
}

fn split_sentences(text: &str, para: Span, paragraph: usize, out: &mut Vec<Sentence>) {
    let p = para.text(text);
    let mut start = 0usize;
    let mut iter = p.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Swallow runs of terminal punctuation and closing quotes/brackets.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if matches!(d, '.' | '!' | '?' | '…') || is_closer(d) {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let rest = &p[end..];
        let trimmed = rest.trim_start();
        if trimmed.len() == rest.len() && !rest.is_empty() {
            continue; // no space after: "3.5", "U.S.", "London.The"
        }
        let next = trimmed.chars().next();
        let ellipsis = c == '…' || p[..end].ends_with("...");
        if c == '.' && !ellipsis {
            let w = word_before(p, i, start).to_lowercase();
            if NEVER_FINAL.contains(&w.as_str()) {
                continue;
            }
            if SOMETIMES_FINAL.contains(&w.as_str()) && !next.is_some_and(|n| n.is_uppercase()) {
                continue;
            }
            // Initials: "Jan M. Olsen", "J.R.R. Tolkien".
            let mut wc = w.chars();
            if w.chars().filter(|c| c.is_alphabetic()).count() == 1
                && wc.next().is_some_and(|c| c.is_alphabetic())
                && p[..i].chars().last().is_some_and(|c| c.is_uppercase())
                && next.is_some_and(|n| n.is_uppercase())
            {
                continue;
            }
        }
        if ellipsis && next.is_some_and(|n| n.is_lowercase()) {
            continue;
        }
        let span = trim_span(text, Span::new(para.start + start, para.start + end));
        if !span.is_empty() {
            out.push(Sentence { span, paragraph });
        }
        start = end;
    }
    let span = trim_span(text, Span::new(para.start + start, para.end));
    if !span.is_empty() {
        out.push(Sentence { span, paragraph });
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‑')
}

fn tokenize(text: &str, start: usize) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let s = &text[start..];
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            let mut all_digits = c.is_ascii_digit();
            loop {
                match it.peek() {
                    Some(&(_, d)) if d.is_alphanumeric() => {
                        all_digits &= d.is_ascii_digit();
                        end += d.len_utf8();
                        it.next();
                    }
                    Some(&(j, d)) if is_joiner(d) || (all_digits && matches!(d, ',' | '.')) => {
                        // Join only when an alphanumeric follows directly.
                        let after = s[j + d.len_utf8()..].chars().next();
                        let ok = if is_joiner(d) {
                            after.is_some_and(char::is_alphanumeric)
                        } else {
                            after.is_some_and(|a| a.is_ascii_digit())
                        };
                        if !ok {
                            break;
                        }
                        end = j + d.len_utf8();
                        it.next();
                    }
                    _ => break,
                }
            }
            let kind = if all_digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Token {
                span: Span::new(start + i, start + end),
                kind,
            });
        } else {
            out.push(Token {
                span: Span::new(start + i, start + i + c.len_utf8()),
                kind: TokenKind::Punct,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let d = Document::new(text);
        d.sentences().iter().map(|s| d.slice(s.span)).collect()
    }

    #[test]
    fn lines_handle_crlf_and_lone_cr() {
        let d = Document::new("a\r\nb\rc\nd");
        let l: Vec<_> = d.lines().iter().map(|l| d.slice(l.span)).collect();
        assert_eq!(l, ["a", "b", "c", "d"]);
        assert_eq!(d.line_index(4), 1);
    }

    #[test]
    fn bom_is_not_part_of_line_one() {
        let d = Document::new("\u{feff}Hello");
        assert_eq!(d.slice(d.lines()[0].span), "Hello");
        assert_eq!(d.tokens()[0].span, Span::new(3, 8));
    }

    #[test]
    fn paragraphs_by_blank_lines_or_by_line() {
        let d = Document::new("a\nb\n\nc\n");
        assert_eq!(d.paragraphs().len(), 2);
        let d = Document::new("a\nb\nc\n");
        assert_eq!(d.paragraphs().len(), 3);
    }

    #[test]
    fn sentences_respect_abbreviations() {
        assert_eq!(
            sentences("We must remember this, added Mr. Tokayev. He left."),
            ["We must remember this, added Mr. Tokayev.", "He left."]
        );
        assert_eq!(
            sentences("Jan M. Olsen in Copenhagen contributed. U.S. officials agreed."),
            [
                "Jan M. Olsen in Copenhagen contributed.",
                "U.S. officials agreed."
            ]
        );
        assert_eq!(
            sentences("It rose 3.5 percent at 10 a.m. on Monday."),
            ["It rose 3.5 percent at 10 a.m. on Monday."]
        );
        assert_eq!(
            sentences("“Go,” she said. “Now!” He went."),
            ["“Go,” she said.", "“Now!”", "He went."]
        );
        assert_eq!(
            sentences("their country. February 24."),
            ["their country.", "February 24."]
        );
    }

    #[test]
    fn tokens_join_apostrophes_and_hyphens() {
        let d = Document::new("don’t Kassym-Jomart 10,000 3.5, end-");
        let t: Vec<_> = d
            .tokens()
            .iter()
            .map(|t| (d.slice(t.span), t.kind))
            .collect();
        assert_eq!(
            t,
            [
                ("don’t", TokenKind::Word),
                ("Kassym-Jomart", TokenKind::Word),
                ("10,000", TokenKind::Number),
                ("3.5", TokenKind::Number),
                (",", TokenKind::Punct),
                ("end", TokenKind::Word),
                ("-", TokenKind::Punct),
            ]
        );
    }
}
