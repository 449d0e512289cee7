//! Turning file bytes into text without losing anything: a BOM is kept (spans stay
//! byte offsets into the file), invalid UTF-8 and binary files are clear errors.
//!
//! Files too large to lint as one document are read and linted as a sequence of
//! [`Segment`]s, cut where the copy itself breaks (paragraphs, then lines, then
//! sentences and words), so memory stays bounded whatever the file size.

use crate::diagnostic::Diagnostic;
use crate::markup::InputKind;
use crate::span::Span;
use std::fmt;
use std::io::{self, Read};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not UTF-8; `offset` is the first bad byte.
    InvalidUtf8 { offset: usize },
    /// Contains NUL bytes: not copy.
    Binary,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::InvalidUtf8 { offset } => {
                write!(f, "not valid UTF-8 (first invalid byte at offset {offset})")
            }
            DecodeError::Binary => f.write_str("binary file (contains NUL bytes), skipped"),
        }
    }
}

pub fn decode(bytes: Vec<u8>) -> Result<String, DecodeError> {
    if memchr_nul(&bytes) {
        return Err(DecodeError::Binary);
    }
    String::from_utf8(bytes).map_err(|e| DecodeError::InvalidUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

fn memchr_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

/// Checks a file the way [`decode`] does, reading it in chunks instead of holding it
/// whole: a NUL byte anywhere makes it binary, else the first invalid UTF-8 byte is
/// named by its offset in the file.
pub fn scan(mut reader: impl Read) -> io::Result<Result<(), DecodeError>> {
    let mut buf = vec![0u8; 64 * 1024];
    // The bytes of a character cut by the end of the previous chunk, kept in front.
    let mut carry = 0;
    // File offset of `buf[0]`.
    let mut offset = 0;
    let mut invalid = None;
    loop {
        let n = match reader.read(&mut buf[carry..]) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let end = carry + n;
        if memchr_nul(&buf[carry..end]) {
            return Ok(Err(DecodeError::Binary));
        }
        carry = 0;
        if invalid.is_some() {
            continue;
        }
        match std::str::from_utf8(&buf[..end]) {
            Ok(_) => offset += end,
            Err(e) if e.error_len().is_none() => {
                let valid = e.valid_up_to();
                buf.copy_within(valid..end, 0);
                offset += valid;
                carry = end - valid;
            }
            Err(e) => invalid = Some(offset + e.valid_up_to()),
        }
    }
    if invalid.is_none() && carry > 0 {
        invalid = Some(offset);
    }
    Ok(match invalid {
        Some(offset) => Err(DecodeError::InvalidUtf8 { offset }),
        None => Ok(()),
    })
}

/// Where a piece of a file starts, so that findings in the piece are reported at
/// their place in the whole file. A file linted at once is one piece at
/// [`Origin::START`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// Byte offset of the piece in the file.
    pub offset: usize,
    /// Line ends before the piece (`\n`, `\r\n` or a lone `\r`): it starts on line
    /// `line + 1`.
    pub line: usize,
    /// Characters before the piece on its first line (a BOM not counted).
    pub column: usize,
    /// The previous piece ended with `\r`: a `\n` opening this one completes that
    /// line end instead of making another.
    pub after_cr: bool,
    /// Not the first piece of its file.
    pub continued: bool,
}

impl Origin {
    pub const START: Origin = Origin {
        offset: 0,
        line: 0,
        column: 0,
        after_cr: false,
        continued: false,
    };

    /// The origin of the piece that follows `text`, when `text` starts here.
    pub fn after(&self, text: &str) -> Origin {
        let b = text.as_bytes();
        let skip = usize::from(self.after_cr && b.first() == Some(&b'\n'));
        let mut line = self.line;
        // Just after the last line end.
        let mut line_start = (skip == 1).then_some(1);
        let mut i = skip;
        while i < b.len() {
            match b[i] {
                b'\n' => {
                    line += 1;
                    line_start = Some(i + 1);
                }
                b'\r' => {
                    if b.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line += 1;
                    line_start = Some(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        let column = match line_start {
            Some(s) => text[s..].chars().count(),
            None => {
                let bom = usize::from(!self.continued && text.starts_with('\u{feff}'));
                self.column + text.chars().count() - bom
            }
        };
        Origin {
            offset: self.offset + text.len(),
            line,
            column,
            after_cr: b.last() == Some(&b'\r'),
            continued: true,
        }
    }

    /// A span in the file as a span in the piece.
    pub fn local(&self, span: Span) -> Span {
        Span::new(
            span.start.saturating_sub(self.offset),
            span.end.saturating_sub(self.offset),
        )
    }
}

/// Moves a finding by `by` bytes: from its piece to its place in the file.
pub fn shift(d: &mut Diagnostic, by: usize) {
    d.span = d.span.offset(by);
    for l in &mut d.labels {
        l.span = l.span.offset(by);
    }
    for s in &mut d.suggestions {
        for e in &mut s.edits {
            e.start += by;
            e.end += by;
        }
    }
}

/// A finding in the file as a finding in the piece at `origin`.
pub fn localize(d: &Diagnostic, origin: &Origin) -> Diagnostic {
    let mut d = d.clone();
    d.span = origin.local(d.span);
    for l in &mut d.labels {
        l.span = origin.local(l.span);
    }
    for s in &mut d.suggestions {
        for e in &mut s.edits {
            let local = origin.local(e.span());
            (e.start, e.end) = (local.start, local.end);
        }
    }
    d
}

/// One piece of a large file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Byte offset in the file.
    pub offset: usize,
    pub text: String,
}

/// Why a file could not be read in segments.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    Decode(DecodeError),
}

/// Bytes read past a segment's end, so that a cut can see what follows it.
const LOOKAHEAD: usize = 4096;

/// The smallest segment size: room for a few characters of any width.
const MIN_SEGMENT: usize = 16;

/// Reads text in segments of at most `max` bytes, holding only about one segment.
/// Every byte is in exactly one segment, in order; invalid UTF-8 and NUL bytes end
/// the sequence with an error naming the offset in the file.
pub struct Segments<R> {
    reader: R,
    buf: Vec<u8>,
    /// File offset of `buf[0]`.
    offset: usize,
    /// Where cuts may fall depends on the markup.
    kind: InputKind,
    max: usize,
    eof: bool,
    done: bool,
}

impl<R: Read> Segments<R> {
    pub fn new(reader: R, max: usize, kind: InputKind) -> Self {
        Segments {
            reader,
            buf: Vec::new(),
            offset: 0,
            kind,
            max: max.max(MIN_SEGMENT),
            eof: false,
            done: false,
        }
    }

    fn fill(&mut self) -> io::Result<()> {
        let want = self.max + LOOKAHEAD;
        while !self.eof && self.buf.len() < want {
            let len = self.buf.len();
            self.buf.resize(want, 0);
            let read = self.reader.read(&mut self.buf[len..]);
            self.buf.truncate(len + *read.as_ref().unwrap_or(&0));
            match read {
                Ok(0) => self.eof = true,
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    fn next_segment(&mut self) -> Result<Option<Segment>, ReadError> {
        self.fill().map_err(ReadError::Io)?;
        if self.buf.is_empty() {
            return Ok(None);
        }
        if memchr_nul(&self.buf) {
            return Err(ReadError::Decode(DecodeError::Binary));
        }
        let text = match std::str::from_utf8(&self.buf) {
            Ok(s) => s,
            // Valid as far as it goes: the rest is read with the next segment, or is
            // reported when that segment starts with it.
            Err(e) => std::str::from_utf8(&self.buf[..e.valid_up_to()]).unwrap_or_default(),
        };
        let cut = if text.len() <= self.max {
            text.len()
        } else {
            cut_point(text, self.max, self.kind)
        };
        if cut == 0 {
            return Err(ReadError::Decode(DecodeError::InvalidUtf8 {
                offset: self.offset,
            }));
        }
        let segment = Segment {
            offset: self.offset,
            text: text[..cut].to_string(),
        };
        self.buf.drain(..cut);
        self.offset += cut;
        Ok(Some(segment))
    }
}

impl<R: Read> Iterator for Segments<R> {
    type Item = Result<Segment, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let r = self.next_segment();
        if !matches!(r, Ok(Some(_))) {
            self.done = true;
        }
        r.transpose()
    }
}

/// Where to end a segment of `text` (longer than `max`): a cut in `(0, max]`, in
/// the latter half when the copy allows, at the most natural break found there.
/// In order of preference: between paragraphs (before a single empty line, then
/// before any blank run), between lines, before the space after a sentence, before
/// a space between words, before any whitespace, and at last any character boundary.
/// A cut never splits `\r\n` and never leaves U+FEFF first in a segment (it would
/// pass for a BOM). Blank lines go to the start of the next segment, so no segment
/// ends with blank lines that the file does not end with. Nor does a cut fall inside
/// what must be read whole (see [`guarded`]) unless nothing else is in reach.
pub fn cut_point(text: &str, max: usize, kind: InputKind) -> usize {
    let max = max.min(text.len());
    let guards = guarded(text, kind);
    let free = |p: usize| {
        let k = guards.partition_point(|g| g.0 < p);
        !text[p..].starts_with('\u{feff}') && (k == 0 || guards[k - 1].1 <= p)
    };
    [max / 2, 0]
        .into_iter()
        .find_map(|lo| natural_cut(text, max, lo, &free))
        .unwrap_or_else(|| boundary_cut(text, max))
}

/// The best cut in `(lo, max]` where `free` allows one, by the preference of
/// [`cut_point`], short of cutting at a mere character boundary.
fn natural_cut(text: &str, max: usize, lo: usize, free: &dyn Fn(usize) -> bool) -> Option<usize> {
    let b = text.as_bytes();
    let ok = |p: usize| p > lo && p <= max && free(p);
    // Line starts: [single empty line between paragraphs, any paragraph break, line].
    let mut best: [Option<usize>; 3] = [None; 3];
    let mut start = 0;
    let mut prev_blank = true;
    while start <= max {
        let (end, next) = line_end(b, start);
        let blank = crate::document::is_blank(&text[start..end]);
        if ok(start) && !prev_blank {
            if !blank {
                best[2] = Some(start);
            } else if let Some(single) = blank_run(text, start) {
                best[usize::from(!single)] = Some(start);
            }
        }
        if next == end {
            break;
        }
        prev_blank = blank;
        start = next;
    }
    if let Some(p) = best.iter().flatten().next() {
        return Some(*p);
    }
    // Inside a line: [sentence end, between words, any whitespace].
    let mut best: [Option<usize>; 3] = [None; 3];
    let from = (lo + 1..=max)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(max);
    let before: Vec<char> = text[..from].chars().rev().take(2).collect();
    let (mut p1, mut p2) = (
        before.first().copied().unwrap_or(' '),
        before.get(1).copied().unwrap_or(' '),
    );
    let mut chars = text[from..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = from + i;
        if at > max {
            break;
        }
        let next = chars.peek().map_or(' ', |x| x.1);
        if c.is_whitespace() && !(c == '\n' && p1 == '\r') && ok(at) {
            best[2] = Some(at);
            if c == ' ' && !p1.is_whitespace() && !next.is_whitespace() {
                best[1] = Some(at);
                let terminal = |x: char| matches!(x, '.' | '!' | '?' | '…');
                let closer = matches!(p1, '"' | '\'' | '’' | '”' | '»' | ')');
                if (terminal(p1) || (closer && terminal(p2))) && next.is_uppercase() {
                    best[0] = Some(at);
                }
            }
        }
        (p2, p1) = (p1, c);
    }
    best.into_iter().flatten().next()
}

/// The last character boundary at or before `max` that splits no `\r\n` and puts
/// no U+FEFF first.
fn boundary_cut(text: &str, max: usize) -> usize {
    let b = text.as_bytes();
    let mut p = max;
    loop {
        while p > 1 && !text.is_char_boundary(p) {
            p -= 1;
        }
        let bad =
            text[p..].starts_with('\u{feff}') || (b[p - 1] == b'\r' && b.get(p) == Some(&b'\n'));
        if !bad || p <= 1 {
            return p;
        }
        p -= 1;
    }
}

/// HTML elements whose content the markup reader skips whole (see
/// `markup::html`): a segment starting inside one would read it as copy.
const SKIPPED: &[&str] = &[
    "script", "style", "template", "noscript", "pre", "textarea", "title", "svg", "math",
];

/// Byte ranges of `text` that a cut must not fall strictly inside, sorted and
/// disjoint: in HTML every tag, comment and skipped element; in Markdown comments,
/// skipped elements and fenced code; in any copy a suppression comment with the copy
/// it governs (a `copylint-disable` region, a `disable-next-line` comment and the
/// line after it), so that no segment sees half of one.
pub fn guarded(text: &str, kind: InputKind) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    match kind {
        InputKind::Text => {}
        InputKind::Html => markup_ranges(text, true, &mut out),
        InputKind::Markdown => {
            markup_ranges(text, false, &mut out);
            fence_ranges(text, &mut out);
        }
    }
    suppression_ranges(text, &mut out);
    out.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
    for (a, b) in out {
        match merged.last_mut() {
            Some(last) if a < last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// Comments and skipped elements, and with `tags` every other tag too.
fn markup_ranges(text: &str, tags: bool, out: &mut Vec<(usize, usize)>) {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(k) = b[i..].iter().position(|&c| c == b'<') {
        let j = i + k;
        let rest = &b[j..];
        let end = if rest.starts_with(b"<!--") {
            find(b, j + 4, b"-->").map_or(b.len(), |e| e + 3)
        } else if let Some(name) = SKIPPED.iter().find(|n| opens(rest, n)) {
            let close = format!("</{name}");
            find_ci(b, j + 1, close.as_bytes()).map_or(b.len(), |e| tag_end(b, e))
        } else if tags
            && rest
                .get(1)
                .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?'))
        {
            tag_end(b, j)
        } else {
            i = j + 1;
            continue;
        };
        out.push((j, end));
        i = end.max(j + 1);
    }
}

/// Whether `rest` opens the element `name`: `<name`, then no more of a name.
fn opens(rest: &[u8], name: &str) -> bool {
    let n = name.len();
    rest.len() > n + 1
        && rest[1..=n].eq_ignore_ascii_case(name.as_bytes())
        && !rest[n + 1].is_ascii_alphanumeric()
        && rest[n + 1] != b'-'
}

/// Just past the `>` that ends the tag opened at `at`, quoted values skipped.
fn tag_end(b: &[u8], at: usize) -> usize {
    let mut quote = None;
    for (k, &c) in b[at + 1..].iter().enumerate() {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, b'>') => return at + 1 + k + 1,
            _ => {}
        }
    }
    b.len()
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|k| from + k)
}

fn find_ci(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|k| from + k)
}

/// Markdown fenced code blocks (```` ``` ```` or `~~~`), from the opening fence line
/// to the end of the closing one.
fn fence_ranges(text: &str, out: &mut Vec<(usize, usize)>) {
    let b = text.as_bytes();
    let fence = |start: usize, end: usize| {
        let line = &text[start..end];
        let body = line.trim_start_matches(' ');
        if line.len() - body.len() > 3 {
            return None;
        }
        let c = body.chars().next().filter(|c| matches!(c, '`' | '~'))?;
        let n = body.len() - body.trim_start_matches(c).len();
        (n >= 3).then_some((c, n, body[n..].trim().is_empty()))
    };
    let mut start = 0;
    let mut open: Option<(usize, char, usize)> = None;
    loop {
        let (end, next) = line_end(b, start);
        match (open, fence(start, end)) {
            (None, Some((c, n, _))) => open = Some((start, c, n)),
            (Some((from, c, n)), Some((d, m, bare))) if d == c && m >= n && bare => {
                out.push((from, next));
                open = None;
            }
            _ => {}
        }
        if next == end {
            break;
        }
        start = next;
    }
    if let Some((from, ..)) = open {
        out.push((from, text.len()));
    }
}

/// Suppression comments with the copy they govern.
fn suppression_ranges(text: &str, out: &mut Vec<(usize, usize)>) {
    const DISABLE: &str = "copylint-disable";
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(k) = text[i..].find(DISABLE) {
        let at = i + k;
        i = at + DISABLE.len();
        let Some(open) = text[..at]
            .rfind("<!--")
            .filter(|&o| text[o + 4..at].trim().is_empty())
        else {
            continue;
        };
        let close = |from: usize| {
            text[from..]
                .find("-->")
                .map_or(text.len(), |e| from + e + 3)
        };
        let end = if text[at..].starts_with("copylint-disable-next-line") {
            // The comment's line and the one after it.
            let (_, next) = line_end(b, close(at).min(text.len().saturating_sub(1)));
            if next < text.len() {
                line_end(b, next).1
            } else {
                next
            }
        } else {
            text[at..]
                .find("copylint-enable")
                .map_or(text.len(), |e| close(at + e))
        };
        out.push((open, end));
    }
}

/// The end of the line starting at `start` (before its terminator) and the start of
/// the next one (`== end` on a last line without a terminator).
fn line_end(b: &[u8], start: usize) -> (usize, usize) {
    match b[start..].iter().position(|&c| c == b'\n' || c == b'\r') {
        None => (b.len(), b.len()),
        Some(k) => {
            let end = start + k;
            let crlf = b[end] == b'\r' && b.get(end + 1) == Some(&b'\n');
            (end, end + 1 + usize::from(crlf))
        }
    }
}

/// For a run of blank lines starting at `start`: `Some(true)` when it is one empty
/// line, `Some(false)` for a longer or whitespace-holding run, `None` when no
/// non-blank line follows it in `text` (the break may not be between paragraphs).
fn blank_run(text: &str, start: usize) -> Option<bool> {
    let b = text.as_bytes();
    let mut lines = 0;
    let mut empty = true;
    let mut s = start;
    loop {
        let (end, next) = line_end(b, s);
        if !crate::document::is_blank(&text[s..end]) {
            return (lines > 0).then_some(lines == 1 && empty);
        }
        if next == end {
            return None;
        }
        lines += 1;
        empty &= end == s;
        s = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_and_reports() {
        assert_eq!(decode(b"\xef\xbb\xbfhi".to_vec()).unwrap(), "\u{feff}hi");
        assert_eq!(
            decode(b"ab\xffc".to_vec()),
            Err(DecodeError::InvalidUtf8 { offset: 2 })
        );
        assert_eq!(decode(b"a\0b".to_vec()), Err(DecodeError::Binary));
        assert_eq!(decode(Vec::new()).unwrap(), "");
    }

    /// A reader that hands out at most `n` bytes per read.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.1.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    /// Deterministic texts from pieces that stress cuts and line counting.
    fn texts() -> Vec<String> {
        const PIECES: &[&str] = &[
            "The minister said.",
            " ",
            "  ",
            "\n",
            "\n\n",
            "\r\n",
            "\r\n\r\n",
            "\r",
            " \n \n",
            "é",
            "😀",
            "\u{feff}",
            "\u{a0}",
            "“Yes.” He left. ",
            "word",
            "Zürich",
            "\t",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut out = vec![String::new(), "a".repeat(100), "\u{feff}Hi\r\nthere".into()];
        for _ in 0..60 {
            let mut t = String::new();
            if next() % 4 == 0 {
                t.push('\u{feff}');
            }
            let n = next() % 120;
            for _ in 0..n {
                t.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            }
            out.push(t);
        }
        out
    }

    fn segments(text: &str, max: usize, read: usize) -> Vec<Segment> {
        Segments::new(Trickle(text.as_bytes(), read), max, InputKind::Text)
            .map(|s| s.unwrap())
            .collect()
    }

    #[test]
    fn scan_agrees_with_decode() {
        let mut inputs: Vec<Vec<u8>> = texts().into_iter().map(String::into_bytes).collect();
        let long = "é".repeat(40_000).into_bytes();
        inputs.push(long.clone());
        for bad in [b"\xff".as_slice(), b"\xc3", b"\xe2\x82", b"\xc3(", b"\x00"] {
            for at in [0, 1, 7, 65_535, 65_536, 79_999] {
                let mut v = long.clone();
                v.splice(at..at, bad.iter().copied());
                inputs.push(v.clone());
                v.truncate(at + bad.len());
                inputs.push(v);
            }
        }
        // A NUL after invalid UTF-8 still makes the file binary.
        inputs.push(b"ab\xffcd\x00".to_vec());
        for input in &inputs {
            let want = decode(input.clone()).map(|_| ());
            for read in [1, 3, 4096, 1 << 20] {
                let got = scan(Trickle(input, read)).unwrap();
                assert_eq!(got, want, "read size {read}, {} bytes", input.len());
            }
        }
    }

    #[test]
    fn segments_cover_the_text_in_order() {
        for text in texts() {
            for max in [16, 23, 64, 200, 5000] {
                let segs = segments(&text, max, 7);
                let whole: String = segs.iter().map(|s| s.text.as_str()).collect();
                assert_eq!(whole, text);
                let mut offset = 0;
                for s in &segs {
                    assert_eq!(s.offset, offset);
                    assert!(!s.text.is_empty() && s.text.len() <= max, "{max}: {s:?}");
                    if offset > 0 {
                        assert!(!s.text.starts_with('\u{feff}'), "{s:?}");
                        let b = text.as_bytes();
                        assert!(!(b[offset - 1] == b'\r' && b[offset] == b'\n'), "{s:?}");
                    }
                    offset += s.text.len();
                }
            }
        }
    }

    #[test]
    fn segments_end_with_an_error_at_the_bad_byte() {
        let mut bytes = "abc def\n".repeat(10).into_bytes();
        bytes.extend_from_slice(b"x\xffy");
        let got: Vec<_> = Segments::new(Trickle(&bytes, 5), 32, InputKind::Text).collect();
        let (ok, err): (Vec<_>, Vec<_>) = got.into_iter().partition(|r| r.is_ok());
        let read: String = ok.into_iter().map(|r| r.unwrap().text).collect();
        assert_eq!(read.len(), 81);
        assert!(matches!(
            err.as_slice(),
            [Err(ReadError::Decode(DecodeError::InvalidUtf8 {
                offset: 81
            }))]
        ));
    }

    #[test]
    fn origins_give_positions_in_the_whole_file() {
        use crate::render::LineIndex;
        for text in texts() {
            let whole = LineIndex::new(&text);
            // Cut where segments would, and at every third character boundary too.
            let mut cuts: Vec<Vec<usize>> = vec![
                segments(&text, 16, 4096).iter().map(|s| s.offset).collect(),
                segments(&text, 50, 4096).iter().map(|s| s.offset).collect(),
            ];
            cuts.push(
                (1..text.len())
                    .filter(|&i| text.is_char_boundary(i))
                    .step_by(3)
                    .collect(),
            );
            for cut in cuts {
                let mut bounds: Vec<usize> = cut.into_iter().filter(|&c| c > 0).collect();
                bounds.push(text.len());
                let mut origin = Origin::START;
                let mut start = 0;
                for end in bounds {
                    let piece = &text[start..end];
                    let idx = LineIndex::at(piece, origin);
                    for (i, _) in piece.char_indices() {
                        // The `\n` of a `\r\n` cut in two belongs to no line of its own.
                        if i == 0 && origin.after_cr && piece.starts_with('\n') {
                            continue;
                        }
                        assert_eq!(
                            idx.line_col(start + i),
                            whole.line_col(start + i),
                            "offset {} in {text:?}",
                            start + i
                        );
                    }
                    assert_eq!(origin.offset, start);
                    origin = origin.after(piece);
                    start = end;
                }
                // Past the last piece, as a next piece would start.
                let end = LineIndex::at("", origin).line_col(origin.offset);
                assert_eq!(end, whole.line_col(text.len()));
            }
        }
    }

    #[test]
    fn cuts_fall_between_paragraphs_then_lines_then_sentences() {
        let text = "First para.\nStill first.\n\nSecond para here.\nAnd its line.\n\nThird.";
        // Between paragraphs, before the blank line, when it lies in the second half.
        assert_eq!(
            &text[..cut_point(text, 45, InputKind::Text)],
            "First para.\nStill first.\n"
        );
        let p = cut_point(text, 60, InputKind::Text);
        assert_eq!(
            &text[..p],
            "First para.\nStill first.\n\nSecond para here.\nAnd its line.\n"
        );
        // No paragraph break in reach: a line break.
        let text = "One line here.\nTwo lines here.\nThree lines.";
        assert_eq!(
            &text[..cut_point(text, 35, InputKind::Text)],
            "One line here.\nTwo lines here.\n"
        );
        // One long line: after a sentence, then between words, the space going on.
        let text = "He said it. They left at noon and went home quietly afterwards.";
        assert_eq!(&text[..cut_point(text, 20, InputKind::Text)], "He said it.");
        assert_eq!(
            &text[..cut_point(text, 40, InputKind::Text)],
            "He said it. They left at noon and went"
        );
        // No space at all: a character boundary, never inside a character.
        let text = "ééééééééééééééééééééé";
        let p = cut_point(text, 17, InputKind::Text);
        assert!(p <= 17 && text.is_char_boundary(p) && p > 8);
    }

    #[test]
    fn cuts_stay_out_of_markup_read_whole() {
        let html = "<p>One.</p>\n\n<script>\nvar a = 1;\n\nvar b = '</p>';\n</script>\n\n<p title=\"a\n\nb\">Two.</p>\n\n<p>Three.</p>";
        let guards = guarded(html, InputKind::Html);
        let script = html.find("<script").unwrap();
        let end = html.find("</script>").unwrap() + 9;
        assert!(guards.contains(&(script, end)), "{guards:?}");
        for max in 14..html.len() {
            let p = cut_point(html, max, InputKind::Html);
            let inside = guards.iter().any(|&(a, b)| a < p && p < b);
            assert!(!inside, "cut {p} of {max} inside markup: {guards:?}");
        }
        // As plain text the blank line in the script is a paragraph break.
        assert_eq!(
            cut_point(html, 40, InputKind::Text),
            html.find("\n\nvar b").unwrap() + 1
        );
        let md = "Intro.\n\n```\ncode\n\nmore code\n```\n\nAfter.\n\n<!-- note\n\nstill note -->\n\nEnd.";
        let guards = guarded(md, InputKind::Markdown);
        assert_eq!(guards[0], (8, md.find("```\n\nAfter").unwrap() + 4));
        for max in 14..md.len() {
            let p = cut_point(md, max, InputKind::Markdown);
            assert!(!guards.iter().any(|&(a, b)| a < p && p < b), "{max}: {p}");
        }
    }

    #[test]
    fn suppressions_keep_their_copy_in_one_segment() {
        let text = "A.\n\n<!-- copylint-disable word-stutter -->\nthe the\n\nthe the\n<!-- copylint-enable -->\n\n\
                    <!-- copylint-disable-next-line entity-leak -->\n\n&amp;\n\nZ.";
        let guards = guarded(text, InputKind::Text);
        let region = (4, text.find("enable -->").unwrap() + 10);
        assert_eq!(guards[0], region);
        let next = text.find("<!-- copylint-disable-next").unwrap();
        assert_eq!(guards[1], (next, text.find("&amp;").unwrap()));
        // An unclosed region runs to the end: then only a plain cut is left.
        let open = "Hi.\n\n<!-- copylint-disable -->\n\nthe the\n\nthe the";
        assert_eq!(guarded(open, InputKind::Text), [(5, open.len())]);
        assert_eq!(cut_point(open, 30, InputKind::Text), 4);
    }
}
