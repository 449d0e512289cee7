//! The offset map from visible-text bytes back to source bytes, and the builder that
//! lays out visible text the way a browser would: collapsed whitespace, block breaks.

use crate::diagnostic::Edit;
use crate::span::Span;

/// How a run of visible text relates to the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceKind {
    /// Copied byte for byte: visible offset `k` inside the piece is source `src + k`.
    Verbatim,
    /// Stands for the whole source range as one unit: a decoded entity, a collapsed
    /// whitespace run, a Markdown soft break. Edits must cover it whole.
    Replaced,
    /// Inserted by the layout (a line or paragraph break from a tag); has no source
    /// bytes of its own and sits at `src` with `src_len == 0`.
    Synthetic,
    /// A placeholder for content the reader sees but that is not copy (a code span);
    /// findings that begin or end on it are dropped, edits touching it are refused.
    Opaque,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Start in the visible text.
    pub vis: usize,
    /// Start in the source.
    pub src: usize,
    pub src_len: usize,
    pub kind: PieceKind,
}

impl Piece {
    fn src_end(&self) -> usize {
        self.src + self.src_len
    }
}

/// Pieces cover the visible text contiguously, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
    len: usize,
}

impl OffsetMap {
    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    fn vis_end(&self, i: usize) -> usize {
        self.pieces.get(i + 1).map_or(self.len, |p| p.vis)
    }

    /// Index of the piece holding visible byte `off` (`off < len`).
    fn piece_at(&self, off: usize) -> Option<usize> {
        if off >= self.len {
            return None;
        }
        let k = self.pieces.partition_point(|p| p.vis <= off);
        k.checked_sub(1)
    }

    /// Source offset of a span start at visible `off`: a start inside a replaced unit
    /// widens to the unit's start.
    fn start_point(&self, off: usize) -> usize {
        match self.piece_at(off) {
            Some(i) => {
                let p = self.pieces[i];
                match p.kind {
                    PieceKind::Verbatim => p.src + (off - p.vis),
                    _ => p.src,
                }
            }
            None => self.pieces.last().map_or(0, Piece::src_end),
        }
    }

    /// Source offset of a span end at visible `off` (exclusive): an end inside a
    /// replaced unit widens to the unit's end.
    fn end_point(&self, off: usize) -> usize {
        if off == 0 {
            return self.pieces.first().map_or(0, |p| p.src);
        }
        match self.piece_at(off - 1) {
            Some(i) => {
                let p = self.pieces[i];
                match p.kind {
                    PieceKind::Verbatim => p.src + (off - p.vis),
                    _ => p.src_end(),
                }
            }
            None => self.pieces.last().map_or(0, Piece::src_end),
        }
    }

    /// The source range a visible span stands for. A span touching part of a decoded
    /// entity covers the whole entity.
    pub fn to_source(&self, span: Span) -> Span {
        let start = self.start_point(span.start);
        if span.is_empty() {
            return Span::new(start, start);
        }
        let end = self.end_point(span.end);
        Span::new(start, end.max(start))
    }

    /// Whether the span begins or ends on an opaque placeholder.
    pub fn touches_opaque(&self, span: Span) -> bool {
        let opaque = |off: usize| {
            self.piece_at(off)
                .is_some_and(|i| self.pieces[i].kind == PieceKind::Opaque)
        };
        opaque(span.start) || (span.end > span.start && opaque(span.end - 1))
    }

    /// The source edit for replacing visible `span`, or `None` when no exact edit
    /// exists: the span crosses markup (a tag, a break, a skipped element), cuts
    /// through an entity, or touches a placeholder. `visible` is the visible text.
    pub fn edit_to_source(&self, visible: &str, span: Span, replacement: &str) -> Option<Edit> {
        if span.start > span.end || span.end > self.len {
            return None;
        }
        let (mut a, mut b) = (span.start, span.end);
        let mut repl = replacement;
        // Breaks at the ends of a deletion (a whole line with its terminator) stay:
        // the markup around the emptied element keeps the structure.
        while a < b {
            let i = self.piece_at(a)?;
            if self.pieces[i].kind != PieceKind::Synthetic {
                break;
            }
            let end = self.vis_end(i).min(b);
            let brk = visible.get(a..end)?;
            if let Some(r) = repl.strip_prefix(brk) {
                repl = r;
            } else if !repl.is_empty() {
                return None;
            }
            a = end;
        }
        while a < b {
            let i = self.piece_at(b - 1)?;
            if self.pieces[i].kind != PieceKind::Synthetic {
                break;
            }
            let start = self.pieces[i].vis.max(a);
            let brk = visible.get(start..b)?;
            if let Some(r) = repl.strip_suffix(brk) {
                repl = r;
            } else if !repl.is_empty() {
                return None;
            }
            b = start;
        }
        if a == b {
            let at = self.insertion_point(a)?;
            return Some(Edit::new(Span::new(at, at), repl));
        }
        let i = self.piece_at(a)?;
        let j = self.piece_at(b - 1)?;
        for k in i..=j {
            let p = self.pieces[k];
            if matches!(p.kind, PieceKind::Synthetic | PieceKind::Opaque) {
                return None;
            }
            if k < j && p.src_end() != self.pieces[k + 1].src {
                return None;
            }
        }
        let (pi, pj) = (self.pieces[i], self.pieces[j]);
        if pi.kind == PieceKind::Replaced && a != pi.vis {
            return None;
        }
        if pj.kind == PieceKind::Replaced && b != self.vis_end(j) {
            return None;
        }
        let s = self.to_source(Span::new(a, b));
        Some(Edit::new(s, repl))
    }

    /// Where an insertion at visible `off` lands: inside verbatim text exactly; at a
    /// boundary, at the start of the following text or the end of the preceding one.
    fn insertion_point(&self, off: usize) -> Option<usize> {
        let after = self.piece_at(off);
        if let Some(i) = after {
            let p = self.pieces[i];
            if p.kind == PieceKind::Verbatim {
                return Some(p.src + (off - p.vis));
            }
            if p.vis == off && p.kind == PieceKind::Replaced {
                return Some(p.src);
            }
            if p.vis != off {
                return None;
            }
        }
        let before = off.checked_sub(1).and_then(|o| self.piece_at(o));
        match before.map(|i| self.pieces[i]) {
            Some(p) if matches!(p.kind, PieceKind::Verbatim | PieceKind::Replaced) => {
                Some(p.src_end())
            }
            None if after.is_none() => Some(self.pieces.last().map_or(0, Piece::src_end)),
            _ => None,
        }
    }
}

/// Appends visible text with its source pieces.
#[derive(Default)]
pub struct Builder {
    pub text: String,
    map: OffsetMap,
}

impl Builder {
    fn push(&mut self, s: &str, src: usize, src_len: usize, kind: PieceKind) {
        if s.is_empty() {
            return;
        }
        let vis = self.text.len();
        if let Some(last) = self.map.pieces.last()
            && last.kind == kind
            && matches!(kind, PieceKind::Verbatim | PieceKind::Synthetic)
            && last.src_end() == src
        {
            // Contiguous verbatim text (or breaks at one point) is one piece.
            let last = self.map.pieces.last_mut().expect("checked");
            last.src_len += src_len;
        } else {
            self.map.pieces.push(Piece {
                vis,
                src,
                src_len,
                kind,
            });
        }
        self.text.push_str(s);
        self.map.len = self.text.len();
    }

    pub fn verbatim(&mut self, s: &str, src: usize) {
        self.push(s, src, s.len(), PieceKind::Verbatim);
    }

    pub fn replaced(&mut self, s: &str, src: Span) {
        self.push(s, src.start, src.len(), PieceKind::Replaced);
    }

    pub fn synthetic(&mut self, s: &str, at: usize) {
        self.push(s, at, 0, PieceKind::Synthetic);
    }

    pub fn opaque(&mut self, s: &str, src: Span) {
        self.push(s, src.start, src.len(), PieceKind::Opaque);
    }

    pub fn finish(self) -> (String, OffsetMap) {
        (self.text, self.map)
    }
}

/// How many line breaks are pending before the next visible text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Break {
    Line,
    Paragraph,
}

/// Lays text out as a renderer would: whitespace runs collapse to one space, breaks
/// from block elements come out once, nothing leads or trails a line.
#[derive(Default)]
pub struct Flow {
    pub b: Builder,
    newlines: usize,
    break_at: usize,
    /// A pending collapsed space: its source run, and whether that run is one plain
    /// space (kept verbatim so edits around it stay exact).
    space: Option<(Span, bool)>,
    /// A placeholder that shows only when it is not alone on its line: a paragraph
    /// that is all code or all image has no prose.
    opaque: Option<Span>,
    /// A pending separator between table cells: written only before more text on the
    /// same line, so empty cells and row ends leave no stray spaces.
    separator: Option<(&'static str, usize)>,
    collapse: bool,
}

impl Flow {
    /// `collapse`: HTML whitespace rules (runs of spaces and newlines show as one space).
    pub fn new(collapse: bool) -> Self {
        Flow {
            collapse,
            ..Flow::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.b.text.is_empty()
    }

    fn at_line_start(&self) -> bool {
        self.b.text.is_empty() || self.b.text.ends_with('\n')
    }

    /// Requests a break at source offset `at`; repeated requests do not stack, except
    /// line breaks (`<br><br>` is a paragraph break).
    pub fn brk(&mut self, kind: Break, at: usize) {
        if self.opaque.is_some() {
            if self.at_line_start() {
                self.opaque = None;
            } else {
                self.materialize();
            }
        }
        if self.newlines == 0 {
            self.break_at = at;
        }
        self.newlines = match kind {
            Break::Paragraph => 2,
            Break::Line => (self.newlines + 1).min(2),
        };
        self.space = None;
        self.separator = None;
    }

    fn materialize(&mut self) {
        if let Some(src) = self.opaque.take() {
            self.b.opaque(super::PLACEHOLDER, src);
        }
    }

    fn flush(&mut self) {
        self.materialize();
        if self.newlines > 0 {
            if !self.b.text.is_empty() {
                // Breaks already written (before a dropped all-image paragraph)
                // count towards this one.
                let written = self.b.text.len() - self.b.text.trim_end_matches('\n').len();
                let n = self.newlines.saturating_sub(written);
                self.b.synthetic(&"\n".repeat(n), self.break_at);
            }
            self.newlines = 0;
            self.space = None;
            self.separator = None;
        }
        if let Some((sep, at)) = self.separator.take()
            && !self.at_line_start()
        {
            self.space = None;
            self.b.synthetic(sep, at);
        }
        if let Some((sp, plain)) = self.space.take()
            && !self.at_line_start()
        {
            if plain {
                self.b.verbatim(" ", sp.start);
            } else {
                self.b.replaced(" ", sp);
            }
        }
    }

    /// A separator between inline items (table cells): nothing at a line start.
    pub fn separator(&mut self, s: &'static str, at: usize) {
        self.materialize();
        if self.newlines > 0 || self.at_line_start() {
            return;
        }
        self.space = None;
        self.separator.get_or_insert((s, at));
    }

    /// A run of whitespace in the source.
    pub fn space(&mut self, src: Span, raw: &str) {
        self.materialize();
        if !self.collapse {
            self.flush();
            self.b.verbatim(raw, src.start);
            return;
        }
        if self.newlines > 0 || self.at_line_start() || self.b.text.ends_with(' ') {
            return;
        }
        self.space = Some(match self.space {
            Some((s, _)) if s.end == src.start => (s.cover(src), false),
            Some(pending) => pending,
            None => (src, raw == " "),
        });
    }

    pub fn verbatim(&mut self, s: &str, src: usize) {
        self.flush();
        self.b.verbatim(s, src);
    }

    pub fn replaced(&mut self, s: &str, src: Span) {
        self.flush();
        self.b.replaced(s, src);
    }

    /// Content that is not copy (a code span, an image), shown as a placeholder word.
    pub fn opaque(&mut self, src: Span) {
        self.flush();
        self.opaque = Some(src);
    }

    /// Source text with its entities decoded (`attr`: attribute-value rules for
    /// legacy references) and, when collapsing, whitespace runs collapsed.
    pub fn text(&mut self, raw: &str, base: usize, attr: bool) {
        let bytes = raw.as_bytes();
        let mut i = 0;
        let mut run = 0;
        while i < bytes.len() {
            let c = bytes[i];
            let ws = matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
            if (ws && self.collapse) || c == b'&' {
                if run < i {
                    self.verbatim(&raw[run..i], base + run);
                }
                if ws {
                    let mut j = i;
                    while j < bytes.len()
                        && matches!(bytes[j], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
                    {
                        j += 1;
                    }
                    self.space(Span::new(base + i, base + j), &raw[i..j]);
                    i = j;
                } else if let Some((len, decoded)) = super::entity::decode_at(raw, i, attr) {
                    self.replaced(&decoded, Span::new(base + i, base + i + len));
                    i += len;
                } else {
                    self.verbatim("&", base + i);
                    i += 1;
                }
                run = i;
            } else {
                i += 1;
            }
        }
        if run < bytes.len() {
            self.verbatim(&raw[run..], base + run);
        }
    }

    pub fn finish(mut self) -> (String, OffsetMap) {
        self.brk(Break::Paragraph, 0);
        self.b.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built(f: impl FnOnce(&mut Flow)) -> (String, OffsetMap) {
        let mut fl = Flow::new(true);
        f(&mut fl);
        fl.finish()
    }

    #[test]
    fn verbatim_pieces_merge_and_map_exactly() {
        let src = "<p>Hello world</p>";
        let (text, map) = built(|f| f.text(&src[3..14], 3, false));
        assert_eq!(text, "Hello world");
        assert_eq!(map.to_source(Span::new(6, 11)), Span::new(9, 14));
        let e = map.edit_to_source(&text, Span::new(5, 6), "").unwrap();
        assert_eq!((e.start, e.end), (8, 9));
    }

    #[test]
    fn entity_maps_whole_and_refuses_partial_edits() {
        let src = "It&rsquo;s";
        let (text, map) = built(|f| f.text(src, 0, false));
        assert_eq!(text, "It’s");
        assert_eq!(map.to_source(Span::new(2, 5)), Span::new(2, 9));
        // A span inside the decoded char widens to the whole entity.
        assert_eq!(map.to_source(Span::new(3, 4)), Span::new(2, 9));
        let e = map.edit_to_source(&text, Span::new(2, 5), "'").unwrap();
        assert_eq!((e.start, e.end, e.replacement.as_str()), (2, 9, "'"));
        assert!(map.edit_to_source(&text, Span::new(0, 3), "x").is_none());
    }

    #[test]
    fn breaks_are_synthetic_and_trimmed_from_deletions() {
        // Source: "<p>One</p><p>Two</p>".
        let (text, map) = built(|f| {
            f.text("One", 3, false);
            f.brk(Break::Paragraph, 6);
            f.text("Two", 13, false);
        });
        assert_eq!(text, "One\n\nTwo");
        let e = map.edit_to_source(&text, Span::new(0, 5), "").unwrap();
        assert_eq!((e.start, e.end), (3, 6));
        // Joining two paragraphs would cross the tags.
        assert!(map.edit_to_source(&text, Span::new(2, 6), "e T").is_none());
        assert_eq!(map.to_source(Span::new(2, 6)), Span::new(5, 14));
    }

    #[test]
    fn whitespace_runs_collapse_to_one_replaced_space() {
        let src = "a \r\n  b";
        let (text, map) = built(|f| f.text(src, 0, false));
        assert_eq!(text, "a b");
        assert_eq!(map.to_source(Span::new(1, 2)), Span::new(1, 6));
        let e = map.edit_to_source(&text, Span::new(1, 2), "").unwrap();
        assert_eq!((e.start, e.end), (1, 6));
    }

    #[test]
    fn multibyte_text_maps_on_char_boundaries() {
        let src = "<b>Café «ok»</b>";
        let (text, map) = built(|f| f.text(&src[3..src.len() - 4], 3, false));
        for (i, _) in text.char_indices() {
            let s = map.to_source(Span::new(i, text.len()));
            assert!(src.is_char_boundary(s.start) && src.is_char_boundary(s.end));
        }
        assert_eq!(map.to_source(Span::new(3, 5)).text(src), "é");
    }

    #[test]
    fn insertions_land_next_to_text() {
        let (text, map) = built(|f| {
            f.text("One", 3, false);
            f.brk(Break::Paragraph, 6);
            f.text("Two", 13, false);
        });
        let e = map.edit_to_source(&text, Span::new(5, 5), "X").unwrap();
        assert_eq!(e.start, 13);
        let e = map.edit_to_source(&text, Span::new(3, 3), ".").unwrap();
        assert_eq!(e.start, 6);
        let e = map.edit_to_source(&text, Span::new(8, 8), ".").unwrap();
        assert_eq!(e.start, 16);
    }
}
