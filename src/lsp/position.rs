//! Byte offsets (our spans) ↔ LSP positions: zero-based lines and columns in UTF-16
//! code units, the encoding every LSP client supports. An astral-plane character
//! (an emoji) is one `char`, four bytes and two UTF-16 units.

use crate::span::Span;
use lsp_types::{Position, Range};

/// Line starts of one text; lines end at `\n`, `\r\n` or a lone `\r`, as in LSP.
pub struct PositionIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> PositionIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
        }
        PositionIndex { text, starts }
    }

    /// The position of a byte offset; an offset inside a character counts as the
    /// start of that character, one past the end as the end.
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let character: usize = self.text[start..offset].encode_utf16().count();
        Position::new(line as u32, character as u32)
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of a position; a column past the line's end means the end of
    /// the line (before its break), a line past the end means the end of the text,
    /// and a column inside a surrogate pair means the start of that character.
    pub fn offset(&self, pos: Position) -> usize {
        let Some(&start) = self.starts.get(pos.line as usize) else {
            return self.text.len();
        };
        let end = self
            .starts
            .get(pos.line as usize + 1)
            .copied()
            .unwrap_or(self.text.len());
        let line = self.text[start..end].trim_end_matches(['\n', '\r']);
        let mut units = 0usize;
        for (i, c) in line.char_indices() {
            let next = units + c.len_utf16();
            if next > pos.character as usize {
                return start + i;
            }
            units = next;
        }
        start + line.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_utf16_units_after_non_ascii() {
        // é: 2 bytes, 1 unit; 😀: 4 bytes, 2 units; 中: 3 bytes, 1 unit.
        let text = "é😀中 x\r\nab\rc\n";
        let idx = PositionIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(x, 10);
        assert_eq!(idx.position(x), Position::new(0, 5));
        assert_eq!(idx.offset(Position::new(0, 5)), x);
        assert_eq!(idx.position(text.find('a').unwrap()), Position::new(1, 0));
        assert_eq!(idx.position(text.find('c').unwrap()), Position::new(2, 0));
        assert_eq!(idx.position(text.len()), Position::new(3, 0));
        // Inside the emoji's bytes / between its surrogates: its start.
        assert_eq!(idx.position(4), Position::new(0, 1));
        assert_eq!(idx.offset(Position::new(0, 2)), 2);
        // Past the line end, past the last line.
        assert_eq!(idx.offset(Position::new(0, 99)), x + 1);
        assert_eq!(idx.offset(Position::new(99, 0)), text.len());
    }

    #[test]
    fn round_trips_every_char_boundary() {
        let text = "a😀b\n\u{feff}ü𝄞\r\n\n中";
        let idx = PositionIndex::new(text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let p = idx.position(i);
            let back = idx.offset(p);
            // Line breaks map to the end of their line.
            assert!(back == i || text[back..i].chars().all(|c| c == '\r' || c == '\n'));
        }
    }
}
