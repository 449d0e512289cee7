use super::lexicon::{bullet_body, delete_lines, norm_words, snippet};
use crate::declare_rule;
use crate::diagnostic::{Applicability, Severity, Suggestion};
use crate::document::{Document, is_blank, trim_span};
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasherDefault, Hasher};

declare_rule! {
    /// ## What it does
    /// Flags a line, headline, sentence or paragraph that repeats an earlier one in the
    /// same copy, ignoring case and punctuation, and a bullet or stand-alone line that
    /// repeats the opening words of an earlier sentence (a summary bullet pasted from
    /// the body). The first occurrence is marked with a secondary label.
    ///
    /// ## Why is this bad?
    /// Scrapers pick up the headline twice (page title and article title) and the
    /// summary box of the page after the story; the reader gets the same words again.
    ///
    /// Repeats shorter than six words are ignored (a label, a score, a credit) unless
    /// the headline of three or more words is printed twice in a row, and so is a body sentence
    /// that repeats a bullet above it: a summary that previews the story belongs to it.
    /// A short line ending in `:` or `)` said three times or more is a transcript's
    /// speaker label ("President of the Republic of Indonesia (Joko Widodo)") and is
    /// not flagged.
    ///
    /// ## Example
    /// ```text flag
    /// Moscow will not seek extradition of Russians fleeing mobilization
    ///
    /// Moscow will not seek extradition of Russians fleeing mobilization
    ///
    /// Thousands of Russians have fled the country.
    /// ```
    /// Use instead:
    /// ```text pass
    /// Moscow will not seek extradition of Russians fleeing mobilization
    ///
    /// Thousands of Russians have fled the country.
    /// ```
    /// ```text before
    /// Neighbouring countries have seen Russians arriving en masse since the draft was announced, with long queues.
    /// Kazakhstan said 98,000 Russians entered the country.
    /// - Neighbouring countries have seen Russians arriving en masse since the draft was announced
    /// ```
    /// ```text after
    /// Neighbouring countries have seen Russians arriving en masse since the draft was announced, with long queues.
    /// Kazakhstan said 98,000 Russians entered the country.
    /// ```
    ///
    /// ## Fix safety
    /// Removing the repeat is unsafe: an editor may prefer to keep the later copy.
    pub struct DuplicateContent {
        id: "duplicate-content",
        category: Boilerplate,
        fix: Always,
        summary: "Line, headline, sentence or paragraph repeated in the same copy",
    }
}

/// Fewest words for an exact repeat to count.
const MIN_EXACT: usize = 6;
/// Fewest words for a line that repeats the line right before it.
const MIN_ADJACENT: usize = 3;
/// Fewest words for a line that repeats part of an earlier sentence.
const MIN_PARTIAL: usize = 8;
/// Shingle length used to find partial repeats in linear time.
const SHINGLE: usize = 8;
/// Candidates kept per shingle: bounds the work on pathological input.
const MAX_CANDIDATES: usize = 8;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Line,
    Sentence,
    Paragraph,
}

struct Unit {
    span: Span,
    kind: Kind,
    bullet: bool,
    /// Normalised words (see `norm_words`), interned per document.
    words: Vec<u32>,
}

/// The document's normalised words, each interned once: units compare and hash
/// small ids instead of allocating a string per word per unit.
struct Words {
    /// (first alphanumeric byte, end of last alphanumeric char, id) in text order.
    at: Vec<(usize, usize, u32)>,
    ids: FxHashMap<String, u32>,
    /// Whether word `id` is all ASCII digits.
    digits: Vec<bool>,
}

impl Words {
    fn new(text: &str, from: usize) -> Words {
        let mut w = Words {
            at: Vec::with_capacity(text.len() / 6),
            ids: FxHashMap::default(),
            digits: Vec::new(),
        };
        let mut cur = String::new();
        let (mut start, mut end) = (0, 0);
        for (i, c) in text[from..].char_indices() {
            let i = i + from;
            if c.is_alphanumeric() {
                if cur.is_empty() {
                    start = i;
                }
                if c.is_ascii() {
                    cur.push(c.to_ascii_lowercase());
                } else {
                    cur.extend(c.to_lowercase());
                }
                end = i + c.len_utf8();
            } else if matches!(c, '\'' | '’' | '‘' | '-' | '‑' | '.' | ',') && !cur.is_empty()
            {
                // inner joiners, as in `norm_words`
            } else if !cur.is_empty() {
                let id = w.intern(&cur);
                w.at.push((start, end, id));
                cur.clear();
            }
        }
        if !cur.is_empty() {
            let id = w.intern(&cur);
            w.at.push((start, end, id));
        }
        w
    }

    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.digits.len() as u32;
        self.digits.push(word.chars().all(|c| c.is_ascii_digit()));
        self.ids.insert(word.to_string(), id);
        id
    }

    /// The words of `span`, the same as `norm_words` of its text: taken from the
    /// document's words when no word straddles an edge of the span, else recomputed.
    fn of(&mut self, text: &str, span: Span) -> Vec<u32> {
        let a = self.at.partition_point(|w| w.1 <= span.start);
        let b = self.at.partition_point(|w| w.0 < span.end);
        let inside = &self.at[a..b.max(a)];
        let clean = inside
            .first()
            .is_none_or(|w| w.0 >= span.start && inside.last().is_some_and(|l| l.1 <= span.end));
        if clean {
            return inside.iter().map(|w| w.2).collect();
        }
        norm_words(span.text(text))
            .iter()
            .map(|w| self.intern(w))
            .collect()
    }
}

fn shingle_hash(words: &[u32]) -> u64 {
    // FNV-1a over the ids; candidates are verified word by word, so collisions only
    // cost a comparison.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &w in words {
        h = (h ^ u64::from(w)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Hashes a `u64` key that is already a hash.
#[derive(Default)]
struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

fn units(doc: &Document) -> (Vec<Unit>, Vec<bool>) {
    let text = doc.text();
    let mut words = Words::new(text, doc.content_start());
    let mut out = Vec::new();
    let mut line_spans = rustc_hash::FxHashSet::default();
    for line in doc.lines() {
        let s = doc.slice(line.span);
        if is_blank(s) {
            continue;
        }
        let span = trim_span(text, line.span);
        let t = doc.slice(span);
        let (body, bullet) = match bullet_body(t) {
            Some(b) => (b, true),
            None => (t, false),
        };
        line_spans.insert(span);
        let body_span = Span::new(span.end - body.len(), span.end);
        out.push(Unit {
            span,
            kind: Kind::Line,
            bullet,
            words: words.of(text, body_span),
        });
    }
    for p in doc.paragraphs() {
        if p.last_line - p.first_line > 1 {
            out.push(Unit {
                span: p.span,
                kind: Kind::Paragraph,
                bullet: false,
                words: words.of(text, p.span),
            });
        }
    }
    for s in doc.sentences() {
        if line_spans.contains(&s.span) {
            continue;
        }
        let t = doc.slice(s.span);
        let body = bullet_body(t).unwrap_or(t);
        out.push(Unit {
            span: s.span,
            kind: Kind::Sentence,
            bullet: bullet_body(t).is_some(),
            words: words.of(text, Span::new(s.span.end - body.len(), s.span.end)),
        });
    }
    out.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(b.span.end.cmp(&a.span.end))
    });
    (out, words.digits)
}

/// A line that is a quarter figures or more is a score or a table row: a match result
/// may stand both under the headline and in the results list.
fn is_score_line(words: &[u32], digits: &[bool]) -> bool {
    let figures = words.iter().filter(|&&w| digits[w as usize]).count();
    figures * 4 >= words.len()
}

/// Whether the unit stands on a line of its own (a headline, a bullet, a lone line).
fn standalone(u: &Unit) -> bool {
    u.kind == Kind::Line || u.bullet
}

impl Rule for DuplicateContent {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let (units, digits) = units(doc);
        let first_line = units.iter().find(|u| u.kind == Kind::Line).map(|u| u.span);
        // The standfirst slot: the second and third non-blank lines, under a headline
        // (a short first line without a full stop).
        let headed = units
            .iter()
            .find(|u| u.kind == Kind::Line)
            .is_some_and(|u| u.words.len() <= 25 && !u.bullet && !ends_sentence(doc.slice(u.span)));
        let top: Vec<Span> = doc
            .lines()
            .iter()
            .filter(|l| !is_blank(doc.slice(l.span)))
            .take(3)
            .skip(1)
            .map(|l| l.span)
            .collect();
        // Running count of prose units (a full sentence of some length) before each unit.
        let mut prose_before = Vec::with_capacity(units.len() + 1);
        prose_before.push(0usize);
        for u in &units {
            let prose = u.kind != Kind::Paragraph
                && !u.bullet
                && u.words.len() >= MIN_PARTIAL
                && ends_sentence(doc.slice(u.span));
            prose_before.push(prose_before[prose_before.len() - 1] + usize::from(prose));
        }
        let mut exact: FxHashMap<&[u32], usize> = FxHashMap::default();
        // Per shingle hash: the first and last candidate in `arena` and how many.
        let mut shingles: HashMap<u64, (u32, u32, usize), BuildHasherDefault<IdentityHasher>> =
            HashMap::default();
        // Candidates (unit, position, next candidate of the same shingle) in insertion order.
        let mut arena: Vec<(usize, usize, u32)> = Vec::new();
        let mut flagged: Vec<Span> = Vec::new();
        let labels = speaker_labels(doc, &units);
        let mut prev_line: Option<usize> = None;
        for (i, u) in units.iter().enumerate() {
            if u.kind == Kind::Line {
                let before = prev_line.replace(i);
                // A short headline printed twice in a row (page title, then article
                // title). Elsewhere short repeats are credits and labels: two photos
                // with the same credit line stand one under the other.
                if (MIN_ADJACENT..MIN_EXACT).contains(&u.words.len())
                    && !u.bullet
                    && !is_score_line(&u.words, &digits)
                    && let Some(j) = before
                        .filter(|&j| units[j].words == u.words && first_line == Some(units[j].span))
                {
                    flagged.push(u.span);
                    report(
                        doc,
                        out,
                        u,
                        &units[j],
                        first_line == Some(units[j].span),
                        false,
                    );
                    continue;
                }
            }
            if u.words.len() < MIN_EXACT || is_score_line(&u.words, &digits) {
                continue;
            }
            if flagged
                .last()
                .is_some_and(|f| f.start <= u.span.start && u.span.end <= f.end)
            {
                continue;
            }
            let key: &[u32] = &u.words;
            let mut found = exact
                .get(key)
                .copied()
                .filter(|&j| units[j].span.end <= u.span.start);
            if found.is_none() && standalone(u) && u.words.len() >= MIN_PARTIAL {
                let h = shingle_hash(&u.words[..SHINGLE]);
                if let Some(&(first, _, _)) = shingles.get(&h) {
                    let mut c = first;
                    while c != u32::MAX {
                        let (j, pos, next) = arena[c as usize];
                        let e = &units[j];
                        let fits = e.span.end <= u.span.start
                            && e.words.get(pos..pos + u.words.len()) == Some(&u.words[..])
                            && u.words.len() * 2 >= e.words.len();
                        if fits {
                            found = Some(j);
                            break;
                        }
                        c = next;
                    }
                }
            }
            if let Some(j) = found {
                let first = &units[j];
                if u.kind == Kind::Line && labels.get(&u.words[..]).is_some_and(|&n| n >= 3) {
                    continue;
                }
                // A refrain: a line of a stanza that comes back in the same stanza or
                // a later one ("It makes no difference to me").
                if u.kind == Kind::Line && in_stanza(doc, u.span) && in_stanza(doc, first.span) {
                    continue;
                }
                // A body sentence that repeats a summary bullet above it is the story
                // being told after its preview, not a paste.
                if first.bullet && !u.bullet {
                    continue;
                }
                // A standfirst under the headline that quotes a body sentence, with the
                // story begun in between: the editor's summary, not a paste. Scraped
                // copy that doubles the summary puts the two copies together.
                let standfirst = headed
                    && !u.bullet
                    && first_line != Some(first.span)
                    && top
                        .iter()
                        .any(|l| l.start <= first.span.start && first.span.end <= l.end)
                    && ends_sentence(doc.slice(first.span))
                    && {
                        let from = units.partition_point(|x| x.span.start < first.span.end);
                        from < i && prose_before[i] > prose_before[from]
                    };
                flagged.push(u.span);
                report(
                    doc,
                    out,
                    u,
                    first,
                    first_line == Some(first.span),
                    standfirst,
                );
                continue;
            }
            exact.entry(key).or_insert(i);
            if u.words.len() >= SHINGLE {
                for pos in 0..=u.words.len() - SHINGLE {
                    let h = shingle_hash(&u.words[pos..pos + SHINGLE]);
                    let at = arena.len() as u32;
                    match shingles.entry(h) {
                        Entry::Vacant(v) => {
                            v.insert((at, at, 1));
                            arena.push((i, pos, u32::MAX));
                        }
                        Entry::Occupied(mut o) => {
                            let (_, last, n) = o.get_mut();
                            if *n < MAX_CANDIDATES {
                                arena[*last as usize].2 = at;
                                *last = at;
                                *n += 1;
                                arena.push((i, pos, u32::MAX));
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Whether the line at `span` stands in a stanza: a block of three short lines or
/// more (ten words at most each) with no blank line between them, one of them broken
/// in mid-sentence at a comma, semicolon or dash, as verse is and as lists of
/// headlines and credits are not.
fn in_stanza(doc: &Document, span: Span) -> bool {
    let lines = doc.lines();
    let at = lines.partition_point(|l| l.span.end < span.start);
    let text = |k: usize| doc.slice(lines[k].span).trim();
    let short = |k: usize| {
        let n = text(k).split_whitespace().count();
        (1..=10).contains(&n)
    };
    if at >= lines.len() || !short(at) {
        return false;
    }
    let mut lo = at;
    while lo > 0 && short(lo - 1) {
        lo -= 1;
    }
    let mut hi = at;
    while hi + 1 < lines.len() && short(hi + 1) {
        hi += 1;
    }
    hi - lo >= 2 && (lo..=hi).any(|k| text(k).ends_with([',', ';', '—', '–']))
}

/// Whether `s` ends a sentence: a full stop, question or exclamation mark, perhaps
/// inside a closing quotation mark.
fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(['"', '\'', '’', '”', ')'])
        .ends_with(['.', '?', '!'])
}

/// Short lines that end in `:` or `)` ("President of the Republic of Indonesia (Joko
/// Widodo)", "MINISTER KISHIDA:"), counted by their words: said three times or more
/// they are the speaker labels of a transcript, not a repeated headline.
fn speaker_labels<'u>(doc: &Document, units: &'u [Unit]) -> FxHashMap<&'u [u32], usize> {
    let mut counts: FxHashMap<&[u32], usize> = FxHashMap::default();
    for u in units {
        if u.kind == Kind::Line
            && !u.bullet
            && (1..=12).contains(&u.words.len())
            && doc.slice(u.span).trim_end().ends_with([':', ')'])
        {
            *counts.entry(&u.words[..]).or_insert(0) += 1;
        }
    }
    counts
}

fn report(
    doc: &Document,
    out: &mut Emitter,
    u: &Unit,
    first: &Unit,
    headline: bool,
    standfirst: bool,
) {
    let what = match (u.kind, u.bullet) {
        (_, true) => "bullet",
        (Kind::Line, _) => "line",
        (Kind::Sentence, _) => "sentence",
        (Kind::Paragraph, _) => "paragraph",
    };
    let line_no = doc.line_index(first.span.start) + 1;
    let earlier = match first.kind {
        _ if headline => "the headline".to_string(),
        Kind::Sentence => format!("a sentence on line {line_no}"),
        Kind::Paragraph => format!("the paragraph on line {line_no}"),
        Kind::Line => format!("line {line_no}"),
    };
    let shown = snippet(doc.slice(u.span), 60);
    let (target, replacement) = if standalone(u) || u.kind == Kind::Paragraph {
        delete_lines(doc, u.span)
    } else {
        (sentence_with_space(doc, u.span), "")
    };
    let d = out
        .emit(u.span, format!("{what} `{shown}` repeats {earlier}"))
        .label(first.span, "first occurrence")
        .suggest(
            Suggestion::new("remove the repeat", Applicability::Unsafe).edit(target, replacement),
        );
    if standfirst {
        d.severity(Severity::Info).note(
            "the earlier copy stands under the headline: often a standfirst quoting the story",
        );
    }
}

/// A sentence plus the spaces after it (or, at a paragraph's end, before it).
fn sentence_with_space(doc: &Document, span: Span) -> Span {
    let text = doc.text();
    let after = text[span.end..]
        .char_indices()
        .find(|(_, c)| !matches!(c, ' ' | '\t'))
        .map_or(text.len() - span.end, |(i, _)| i);
    let at_eol = text[span.end + after..]
        .chars()
        .next()
        .is_none_or(|c| c == '\n' || c == '\r');
    if !at_eol {
        return Span::new(span.start, span.end + after);
    }
    let before = text[..span.start]
        .chars()
        .rev()
        .take_while(|c| matches!(c, ' ' | '\t'))
        .map(char::len_utf8)
        .sum::<usize>();
    Span::new(span.start - before, span.end + after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn repeated_headline_is_flagged_with_label() {
        let text = "Moscow will not seek extradition of Russians fleeing mobilization\n\nSpread the love\n\nMoscow will not seek extradition of Russians fleeing mobilization\n\nThe ministry said so on Tuesday.";
        assert_lint_count(text, &DuplicateContent, 1);
        let lints = lint_with(text, &DuplicateContent);
        assert_eq!(lints[0].labels[0].span.start, 0);
        assert!(lints[0].message.contains("repeats the headline"));
    }

    #[test]
    fn transcript_speaker_labels() {
        let text = "Press statement\n\nPresident of the Republic of Indonesia (Joko Widodo)\nSales rose by 80 percent.\n\nAre you going to Lampung, Sir?\n\nPresident of the Republic of Indonesia (Joko Widodo)\nYes, tomorrow.\n\nWhy now?\n\nPresident of the Republic of Indonesia (Joko Widodo)\nThe roads were damaged.";
        assert_no_lints(text, &DuplicateContent);
        // Twice only: a repeated line, even when it ends in a bracket.
        let text = "Putin signs the decree on the new regions (VIDEO)\n\nThe decree was signed.\n\nPutin signs the decree on the new regions (VIDEO)\n\nMore text.";
        assert_lint_count(text, &DuplicateContent, 1);
    }

    #[test]
    fn near_duplicates_count() {
        assert_lint_count(
            "The ministry said it would not send any requests to Kazakhstan.\nTHE MINISTRY SAID IT WOULD NOT SEND ANY REQUESTS TO KAZAKHSTAN",
            &DuplicateContent,
            1,
        );
    }

    #[test]
    fn bullet_repeating_body_prefix() {
        let text = "Neighbouring countries have seen Russians arriving en masse since the draft was announced last Wednesday, with hours-long queues at border crossings.\nOther text follows here.\n- Neighbouring countries have seen Russians arriving en masse since the draft was announced last Wednesday";
        assert_flags(
            text,
            &DuplicateContent,
            &[
                "- Neighbouring countries have seen Russians arriving en masse since the draft was announced last Wednesday",
            ],
        );
    }

    #[test]
    fn repeated_sentence_inside_paragraph() {
        let text = "The border was closed on Friday morning by the guards. Cars queued.\n\nLater that day, officials spoke. The border was closed on Friday morning by the guards. Nobody left.";
        assert_fix_result(
            text,
            &DuplicateContent,
            "The border was closed on Friday morning by the guards. Cars queued.\n\nLater that day, officials spoke. Nobody left.",
        );
    }

    #[test]
    fn summary_bullets_before_body_stay_clean() {
        assert_no_lints(
            "- Kazakhstan said 98,000 Russians entered the country since Wednesday\n\nOn Tuesday, Kazakhstan said 98,000 Russians entered the country since Wednesday.",
            &DuplicateContent,
        );
        assert_no_lints(
            "- Kazakhstan said 98,000 Russians entered the country since Wednesday\n\nKazakhstan said 98,000 Russians entered the country since Wednesday.",
            &DuplicateContent,
        );
    }

    #[test]
    fn standfirst_quoting_the_story_is_info() {
        // The standfirst under the headline repeats a sentence of the story, which
        // begins in between: an editor's summary, reported as info only.
        let text = "Sensex ends higher as banks rally\n\nThe Sensex ended 192 points higher at 40,869 while the Nifty closed at 12,060.\n\nIndian shares settled on a positive note on Tuesday as oil prices eased. The Sensex ended 192 points higher at 40,869 while the Nifty closed at 12,060. Banks led the gains.";
        let d = lint_with(text, &DuplicateContent);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Info);
        let text = "Shares close at nine-month high\nThe Sensex ended over 500 points higher at 41,893, the best week since June.\n\nDomestic markets on Friday closed at their highest level in nine months, led by Reliance.\nThe Sensex ended over 500 points higher at 41,893, the best week since June.";
        let d = lint_with(text, &DuplicateContent);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Info);
    }

    #[test]
    fn summary_doubled_by_the_scraper_stays_a_warning() {
        // The two copies stand together: the scraper took the summary twice.
        let text = "Mercenary leader defends march\nThe mercenary boss issued his first audio statement since the aborted mutiny.\nThe mercenary boss issued his first audio statement since the aborted mutiny.\nHe spoke for eleven minutes.";
        let d = lint_with(text, &DuplicateContent);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Warning);
        // A repeated headline-like line (no full stop) with only a date between.
        let text = "Site name\nPeru's energy and mines minister Merino resigns over the gas deal\nFebruary 24, 2014\nPeru's energy and mines minister Merino resigns over the gas deal\nThe minister left office on Monday after weeks of protests over the deal.";
        let d = lint_with(text, &DuplicateContent);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Warning);
    }

    #[test]
    fn repeat_under_a_body_first_line_stays_a_warning() {
        // No headline on top: the third line is body copy, and the bullet below is pasted.
        let text = "MOSCOW: Moscow said Tuesday it will not request the extradition of Russians.\nThe ministry has not sent any request to the authorities.\nNeighbouring countries have seen Russians arriving en masse since the draft was announced.\nOn Tuesday, Kazakhstan said around 98,000 Russians entered the country since Wednesday.\n- Neighbouring countries have seen Russians arriving en masse since the draft was announced";
        let d = lint_with(text, &DuplicateContent);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Warning);
    }

    #[test]
    fn refrain_of_a_poem_is_not_a_paste() {
        let text = "The next verse begins with lines:\n\nIt makes no difference to me,\nIf I shall live or not in Ukraine\nOr whether any one shall think\nOf me mid foreign snow and rain.\nIt makes no difference to me.\n";
        assert_no_lints(text, &DuplicateContent);
        // A headline printed twice among other headlines is still a paste.
        let text = "Related stories\nCouncil approves the new budget for city parks\nMayor opens the renovated central library today\nCouncil approves the new budget for city parks\n";
        assert_lint_count(text, &DuplicateContent, 1);
    }

    #[test]
    fn short_repeats_and_distinct_lines_stay_clean() {
        assert_no_lints(
            "He declined to comment.\nShe spoke.\nHe declined to comment.\nAP Photo/Evgeniy Maloletka\nAP Photo/Evgeniy Maloletka",
            &DuplicateContent,
        );
        assert_no_lints(
            "Arsenal 2 Chelsea 1 at the Emirates on Saturday\nArsenal 1 Chelsea 2 at the Emirates on Sunday",
            &DuplicateContent,
        );
        assert_no_lints(
            "Manchester United 3, Tottenham Hotspur 2\n\nUnited won.\n\nManchester United 3, Tottenham Hotspur 2\n",
            &DuplicateContent,
        );
    }

    #[test]
    fn short_headline_printed_twice() {
        assert_flags(
            "Delegation tours Zelenograd\n\nDelegation tours Zelenograd\n\nThe visitors met the prefect.",
            &DuplicateContent,
            &["Delegation tours Zelenograd"],
        );
        // Not the headline: a repeated credit or label further down stays clean.
        assert_no_lints(
            "Council approves budget\n\nThe council met.\n\nAP Photo/Evgeniy Maloletka\nAP Photo/Evgeniy Maloletka",
            &DuplicateContent,
        );
    }

    #[test]
    fn partial_repeat_must_be_most_of_the_earlier_sentence() {
        assert_no_lints(
            "Officials said the border crossing at Verkhny Lars would stay open through the winter despite the heavy snow, the closures elsewhere and the protests from residents of the valley.\nThe border crossing at Verkhny Lars would stay open through",
            &DuplicateContent,
        );
    }
}
