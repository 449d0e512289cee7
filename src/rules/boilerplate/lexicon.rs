//! Line shapes and word lists shared by the boilerplate rules: what a headline, a
//! dateline, a bullet or a credit line looks like, and how to compare vocabularies.

use regex_lite::Regex;
use rustc_hash::FxHashSet as HashSet;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Lower-cased letters and digits of each word, so that case, apostrophes, hyphens
/// and punctuation do not tell two copies of a sentence apart.
pub fn norm_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_norm_word(s, |w| out.push(w.to_string()));
    out
}

/// Calls `f` with each word of `norm_words` in turn, from one reused buffer.
fn each_norm_word(s: &str, mut f: impl FnMut(&str)) {
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            if c.is_ascii() {
                cur.push(c.to_ascii_lowercase());
            } else {
                cur.extend(c.to_lowercase());
            }
        } else if matches!(c, '\'' | '’' | '‘' | '-' | '‑' | '.' | ',') && !cur.is_empty() {
            // inner joiners: "don't", "hours-long", "98,000", "U.S." stay one word
        } else if !cur.is_empty() {
            f(&cur);
            cur.clear();
        }
    }
    if !cur.is_empty() {
        f(&cur);
    }
}

/// Words of a line as written (letters, digits and inner joiners), for shape checks.
pub fn raw_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

/// The text of a bullet item without its marker, or `None` for other lines.
pub fn bullet_body(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let rest = t.strip_prefix(['-', '•', '*', '–', '—', '·', '▪', '►', '‣'])?;
    rest.starts_with(' ').then(|| rest.trim_start())
}

/// Closing quotes and brackets that may follow a sentence's final punctuation.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '’' | '”' | '»' | ')' | ']' | '›' | '*')
}

/// True when the line ends like a sentence: `.`, `!`, `?` or `…`, before any closers.
pub fn ends_like_sentence(line: &str) -> bool {
    let t = line.trim_end().trim_end_matches(is_closer);
    t.ends_with(['.', '!', '?', '…'])
}

/// Matches a wire-style dateline at the start of a line: `MOSCOW:`, `DAVOS,
/// Switzerland:`, `ISTANBUL (AP) —`, `KYIV, Ukraine (Reuters) -`.
/// The line with every non-ASCII white-space character written as as many ASCII
/// spaces as it has bytes: offsets stay put, and the `\s` of `regex_lite` (ASCII
/// only) then sees what Unicode calls white space.
///
/// The regexes over single short lines (datelines, time stamps) use `regex_lite`:
/// it compiles them five to eight times faster than `regex` (several million
/// instructions for the time-stamp pattern), which a one-article run pays in full,
/// and a line is too short for its slower search to matter.
pub(super) fn ascii_spaces(line: &str) -> Cow<'_, str> {
    if line.is_ascii() || !line.chars().any(|c| !c.is_ascii() && c.is_whitespace()) {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if !c.is_ascii() && c.is_whitespace() {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?(?: \([A-Za-z .&-]{2,30}\))?\s*(?::|—|–|--| - )\s*\S",
    )
    .unwrap()
});

/// Capitalised labels that end with a colon like a dateline's city.
const LABELS: &[&str] = &[
    "ALSO READ",
    "READ ALSO",
    "READ MORE",
    "SEE ALSO",
    "RELATED",
    "MORE",
    "WATCH",
    "LISTEN",
    "VIDEO",
    "PHOTO",
    "PHOTOS",
    "UPDATE",
    "UPDATED",
    "BREAKING",
    "BREAKING NEWS",
    "EXCLUSIVE",
    "ANALYSIS",
    "OPINION",
    "CORRECTION",
    "CLARIFICATION",
    "EDITOR'S NOTE",
    "EDITOR’S NOTE",
    "NOTE",
    "FACTBOX",
    "EXPLAINER",
    "LIVE",
    "WARNING",
    "SOURCE",
    "SOURCES",
];

pub fn starts_with_dateline(line: &str) -> bool {
    // Cheap gate before the regex: two capitals (or a capital and a joiner) open it.
    let b = line.trim_start().as_bytes();
    if !(b.len() > 2 && b[0].is_ascii_uppercase() && !b[1].is_ascii_lowercase()) {
        return false;
    }
    let spaced = ascii_spaces(line);
    let Some(m) = DATELINE.find(&spaced) else {
        return false;
    };
    // The city must have at least three capital letters ("UN:" is not a dateline).
    let head = &line[..m.end()];
    // A capitalised label is not a city: "ALSO READ: …", "UPDATE: …".
    let label = head
        .trim_start()
        .split([':', '—', '–', '('])
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches(" -")
        .to_uppercase();
    if LABELS.contains(&label.as_str()) {
        return false;
    }
    // The match ends with the first character after the separator, which does not
    // count: "JK: And there…" (an interviewee's initials) is no city.
    let first = head.chars().next_back().map_or(0, char::len_utf8);
    if head[..head.len() - first]
        .chars()
        .filter(|c| c.is_ascii_uppercase())
        .count()
        < 3
    {
        return false;
    }
    // A transcript's speaker label ("STEVE INSKEEP: Since your party's defeat…",
    // "PRESIDENT OBAMA: I don't think…") opens speech, which a dateline never does.
    let rest = &line[m.end() - first..];
    !(head[..head.len() - first].trim_end().ends_with(':') && opens_speech(rest))
}

/// First- or second-person words among the first words after a label: speech.
fn opens_speech(rest: &str) -> bool {
    raw_words(rest).take(12).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'');
        matches!(
            w,
            "I" | "I’m"
                | "I'm"
                | "I’ve"
                | "I've"
                | "I’d"
                | "I'd"
                | "I’ll"
                | "I'll"
                | "me"
                | "my"
                | "we"
                | "We"
                | "we’re"
                | "we're"
                | "our"
                | "Our"
                | "us"
                | "you"
                | "You"
                | "your"
                | "Your"
                | "you’re"
                | "you're"
        )
    })
}

/// Phrases of a credit line ("contributed to this report", "Editing by …"), matched
/// as whole words, case-insensitively. A table rather than a regex: a Unicode-aware
/// case-insensitive regex with word boundaries costs ~3 ms to compile, more than
/// the rest of an editor-on-save run.
const CREDIT_PHRASES: &[&str] = &[
    "contributed",
    "reporting by",
    "writing by",
    "editing by",
    "edited by",
    "additional reporting",
    "compiled by",
    "reported from",
    "with reporting from",
    "produced by",
    "photograph by",
    "photographs by",
    "photo by",
    "photos by",
    "video by",
    "graphic by",
    "graphics by",
    "translated by",
];

/// Lines that credit reporters or agencies: part of the article, never chrome.
pub fn is_credit_line(line: &str) -> bool {
    line.trim_start().starts_with("By ") || line.contains('©') || has_credit_phrase(line)
}

fn has_credit_phrase(line: &str) -> bool {
    // Case folding as a regex's `(?i)` does it for these letters: ASCII, plus the
    // long s that folds to `s`.
    let lower: String = line
        .chars()
        .map(|c| {
            if c == 'ſ' {
                's'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    CREDIT_PHRASES.iter().any(|p| {
        lower.match_indices(p).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let after = lower[i + p.len()..].chars().next();
            !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
        })
    })
}

/// A character of a word in the sense of a regex's Unicode `\w`.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || c == '_'
        || unicode_normalization::char::is_combining_mark(c)
        || matches!(c, '\u{200C}' | '\u{200D}')
}

/// True when the line is shaped like a headline: a few words to a long line, starting
/// with a capital or a digit, without a sentence's final full stop, not a dateline or
/// a bullet. Site suffixes ("– DW – 07/29/2024", "| NATO") are allowed.
pub fn is_headline_shaped(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || bullet_body(t).is_some() || starts_with_dateline(t) {
        return false;
    }
    let first = t.chars().next().unwrap_or(' ');
    let first = if matches!(first, '“' | '"' | '‘' | '\'') {
        t.chars().nth(1).unwrap_or(' ')
    } else {
        first
    };
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return false;
    }
    let n = raw_words(t).count();
    if !(4..=30).contains(&n) {
        return false;
    }
    if t.ends_with('.') && !t.ends_with("...") {
        return false;
    }
    // Inner sentence breaks mean prose, not a headline.
    !has_sentence_break(t)
}

/// True when a full stop inside the line ends a sentence: ". " after a word that is not
/// an initial or an abbreviation ("U.S.", "St.", "J.").
pub fn has_sentence_break(t: &str) -> bool {
    let mut from = 0;
    while let Some(i) = t[from..].find(". ").map(|i| i + from) {
        from = i + 2;
        let before = t[..i]
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let letters = before.chars().filter(|c| c.is_alphabetic()).count();
        let abbrev = before.contains('.')
            || (letters <= 2 && before.chars().next().is_some_and(char::is_uppercase));
        if !abbrev {
            return true;
        }
    }
    false
}

/// A short quotation of copy for a message: at most `max` characters, cut at a word.
pub fn snippet(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// Headings over a list of other stories. Compared with normalised whole lines.
pub const RELATED_HEADINGS: &[&str] = &[
    "more stories",
    "more news",
    "more articles",
    "more from this section",
    "more in this section",
    "more on this story",
    "more on this topic",
    "more to read",
    "related",
    "related stories",
    "related story",
    "related articles",
    "related article",
    "related posts",
    "related news",
    "related content",
    "related coverage",
    "related reading",
    "related links",
    "read also",
    "also read",
    "read more",
    "read next",
    "see also",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "you might be interested in",
    "recommended",
    "recommended for you",
    "recommended stories",
    "recommended articles",
    "recommended reading",
    "suggested reading",
    "suggested articles",
    "dont miss",
    "do not miss",
    "must read",
    "editors picks",
    "top stories",
    "trending",
    "trending now",
    "trending stories",
    "most read",
    "most popular",
    "most viewed",
    "popular posts",
    "popular stories",
    "latest news",
    "latest stories",
    "latest articles",
    "latest posts",
    "recent posts",
    "recent news",
    "in other news",
    "in case you missed it",
    "what to read next",
    "up next",
    "around the web",
    "from around the web",
    "keep reading",
];

static RELATED_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| RELATED_HEADINGS.iter().copied().collect());

/// True when the whole line is a related-stories heading ("More Stories", "Read also:").
pub fn is_related_heading(line: &str) -> bool {
    // Six short words at most: long lines never need splitting into words.
    if line.len() > 120 {
        return false;
    }
    let w = norm_words(line);
    if w.is_empty() || w.len() > 6 {
        return false;
    }
    RELATED_SET.contains(w.join(" ").as_str())
}

/// Common words that say nothing about a story's subject.
const STOPWORDS: &[&str] = &[
    "about",
    "above",
    "across",
    "after",
    "again",
    "against",
    "also",
    "although",
    "among",
    "another",
    "around",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "could",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "every",
    "first",
    "from",
    "further",
    "have",
    "having",
    "here",
    "however",
    "including",
    "into",
    "just",
    "last",
    "later",
    "least",
    "less",
    "like",
    "made",
    "make",
    "many",
    "might",
    "more",
    "most",
    "much",
    "must",
    "near",
    "need",
    "never",
    "news",
    "next",
    "only",
    "other",
    "others",
    "over",
    "said",
    "same",
    "says",
    "should",
    "since",
    "some",
    "still",
    "such",
    "than",
    "that",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "told",
    "under",
    "until",
    "very",
    "want",
    "well",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "will",
    "with",
    "within",
    "without",
    "would",
    "year",
    "years",
    "your",
    "week",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "according",
    "statement",
    "added",
    "people",
    "time",
    "day",
    "days",
    "thousands",
    "hundreds",
    "percent",
];

static STOP_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| STOPWORDS.iter().copied().collect());

/// A crude stem for vocabulary overlap: content words of four letters or more, cut to
/// their first five letters, so "Russia", "Russian" and "Russians" meet. Stems are
/// hashed: sets of them are compared, never shown, and no string is built per word.
pub fn content_stems(s: &str) -> Vec<u64> {
    let mut out = Vec::new();
    each_norm_word(s, |w| out.extend(stem_hash(w)));
    out
}

fn stem_hash(w: &str) -> Option<u64> {
    use std::hash::Hasher;
    if w.chars().nth(3).is_none() || w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if STOP_SET.contains(w) {
        return None;
    }
    let mut h = rustc_hash::FxHasher::default();
    for c in w.chars().take(5) {
        h.write_u32(u32::from(c));
    }
    Some(h.finish())
}

/// The edit that deletes whole lines from the one holding `span.start` to the one
/// holding the end of `span`. At the end of the copy it also takes the blank lines
/// before, keeping one final newline if the copy had one, so no trailing gap is left.
pub fn delete_lines(
    doc: &crate::document::Document,
    span: crate::span::Span,
) -> (crate::span::Span, &'static str) {
    let text = doc.text();
    let first = doc.line_with_terminator(span.start);
    let last = doc.line_with_terminator(span.end.saturating_sub(1).max(span.start));
    let cover = first.cover(last);
    if !text[cover.end..].trim().is_empty() {
        return (cover, "");
    }
    let before = text[..cover.start].trim_end();
    if before.len() < doc.content_start() || before.is_empty() {
        return (cover, "");
    }
    let newline = if text.ends_with('\n') { "\n" } else { "" };
    (crate::span::Span::new(before.len(), text.len()), newline)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_words() {
        assert_eq!(
            norm_words("“Moscow’s 98,000 hours-long U.S. queues!”"),
            ["moscows", "98000", "hourslong", "us", "queues"]
        );
    }

    #[test]
    fn datelines() {
        assert!(starts_with_dateline("MOSCOW: Moscow said Tuesday"));
        assert!(starts_with_dateline("DAVOS, Switzerland: NATO Secretary"));
        assert!(starts_with_dateline("ISTANBUL (AP) — Military-aged men"));
        assert!(starts_with_dateline(
            "KYIV, Ukraine (Reuters) - Officials said"
        ));
        assert!(!starts_with_dateline("NATO’s Rutte says Arctic talks"));
        assert!(!starts_with_dateline("UN: talks go on"));
        // Initials as an interview's speaker label; the capital after the colon
        // is not part of the city.
        assert!(!starts_with_dateline(
            "TK:  And there are many views on that."
        ));
        assert!(!starts_with_dateline("UN: The talks go on"));
        assert!(starts_with_dateline("ROME: The talks go on"));
        assert!(!starts_with_dateline("Moscow said on Tuesday: no"));
        assert!(!starts_with_dateline("ALSO READ: Cholera: WHO warns"));
        assert!(!starts_with_dateline("UPDATE: The death toll rose"));
        assert!(!starts_with_dateline("EDITOR’S NOTE — This story"));
        assert!(!starts_with_dateline(
            "STEVE INSKEEP: Since your party's defeat in the election, you have"
        ));
        assert!(!starts_with_dateline("PRESIDENT OBAMA: I don't think so."));
        assert!(starts_with_dateline(
            "ISLAMABAD: The minister said on Monday that talks would resume."
        ));
    }

    #[test]
    fn headline_shapes() {
        assert!(is_headline_shaped(
            "Fiber optic communications networks are being sabotaged – DW – 07/29/2024"
        ));
        assert!(is_headline_shaped(
            "Putin warns US against deploying long-range missiles in Germany | NATO"
        ));
        assert!(!is_headline_shaped(
            "Russians crossed the border on Friday."
        ));
        assert!(!is_headline_shaped("- a bullet item that is long enough"));
        assert!(!is_headline_shaped("MOSCOW: Moscow said it would not"));
    }

    /// Non-ASCII white space becomes ASCII spaces at the same offsets, so the
    /// `regex_lite` patterns see a no-break space as `\s`.
    #[test]
    fn spaces_keep_their_offsets() {
        assert_eq!(ascii_spaces("MOSCOW:\u{a0}Talks"), "MOSCOW:  Talks");
        assert_eq!(
            ascii_spaces("2\u{2009}hours ago").len(),
            "2\u{2009}hours ago".len()
        );
        assert!(matches!(ascii_spaces("café – bar"), Cow::Borrowed(_)));
        assert!(starts_with_dateline("KYIV:\u{a0}Officials said"));
    }

    /// The phrase table reads lines as the regex it replaced did.
    #[test]
    fn credit_phrases_agree_with_a_regex() {
        let re = regex::Regex::new(
            r"(?i)\b(?:contributed(?: to)?(?: this)?(?: report(?:ing)?| story| article)?|reporting by|writing by|editing by|edited by|additional reporting|compiled by|reported from|with reporting from|produced by|photographs? by|photos? by|video by|graphics? by|translated by)\b",
        )
        .unwrap();
        let mut lines: Vec<String> = [
            "Reuters contributed.",
            "contributedly",
            "(Reporting by Jane Doe; Editing by John Roe)",
            "EDITED BY the desk",
            "with reporting from Kyiv",
            "reporting from Kyiv",
            "Photographs by AP",
            "photograph by",
            "standby",
            "by",
            "Video by_",
            "Photoſ by Reuters",
            "graphicsby",
            "é translated by ü",
            "translated byé",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in [
            "seeds",
            "tests/fixtures/clean",
            "tests/fixtures/eval/articles",
        ] {
            for e in std::fs::read_dir(root.join(dir)).unwrap() {
                let text = std::fs::read_to_string(e.unwrap().path()).unwrap_or_default();
                lines.extend(text.lines().map(str::to_string));
            }
        }
        for l in &lines {
            assert_eq!(has_credit_phrase(l), re.is_match(l), "{l}");
        }
    }

    #[test]
    fn related_headings_and_credits() {
        assert!(is_related_heading("More Stories"));
        assert!(is_related_heading("READ ALSO:"));
        assert!(!is_related_heading("More stories emerged from the border"));
        assert!(is_credit_line(
            "Times of Israel staff contributed to this report."
        ));
        assert!(is_credit_line(
            "Associated Press writers Frank Jordans in Berlin contributed."
        ));
    }
}
