//! Turning file bytes into text without losing anything: a BOM is kept (spans stay
//! byte offsets into the file), invalid UTF-8 and binary files are clear errors.
//!
//! Files too large to lint as one document are read and linted as a sequence of
//! [`Segment`]s, cut where the copy itself breaks (paragraphs, then lines, then
//! sentences and words), so memory stays bounded whatever the file size.

use crate::diagnostic::Diagnostic;
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
    max: usize,
    eof: bool,
    done: bool,
}

impl<R: Read> Segments<R> {
    pub fn new(reader: R, max: usize) -> Self {
        Segments {
            reader,
            buf: Vec::new(),
            offset: 0,
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
            cut_point(text, self.max)
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
/// ends with blank lines that the file does not end with.
pub fn cut_point(text: &str, max: usize) -> usize {
    let b = text.as_bytes();
    let max = max.min(text.len());
    let lo = max / 2;
    let ok = |p: usize| p > lo && p <= max && !text[p..].starts_with('\u{feff}');
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
        return *p;
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
        if c.is_whitespace() && ok(at) && !(c == '\n' && p1 == '\r') {
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
    if let Some(p) = best.iter().flatten().next() {
        return *p;
    }
    // Any character boundary, as far along as allowed.
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
        Segments::new(Trickle(text.as_bytes(), read), max)
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
        let got: Vec<_> = Segments::new(Trickle(&bytes, 5), 32).collect();
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
        assert_eq!(&text[..cut_point(text, 45)], "First para.\nStill first.\n");
        let p = cut_point(text, 60);
        assert_eq!(
            &text[..p],
            "First para.\nStill first.\n\nSecond para here.\nAnd its line.\n"
        );
        // No paragraph break in reach: a line break.
        let text = "One line here.\nTwo lines here.\nThree lines.";
        assert_eq!(
            &text[..cut_point(text, 35)],
            "One line here.\nTwo lines here.\n"
        );
        // One long line: after a sentence, then between words, the space going on.
        let text = "He said it. They left at noon and went home quietly afterwards.";
        assert_eq!(&text[..cut_point(text, 20)], "He said it.");
        assert_eq!(
            &text[..cut_point(text, 40)],
            "He said it. They left at noon and went"
        );
        // No space at all: a character boundary, never inside a character.
        let text = "ééééééééééééééééééééé";
        let p = cut_point(text, 17);
        assert!(p <= 17 && text.is_char_boundary(p) && p > 8);
    }
}
