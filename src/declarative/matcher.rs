//! The three matcher kinds of rule files. User rule files are compiled at load time
//! (they must be validated); the embedded ones compile each automaton and regex on
//! first use, and a pattern only for documents that pass its filter (see
//! [`super::prefilter`]).

pub(super) use super::lines::normalise_line;
use super::lines::trim_line;
use super::prefilter::Filter;
use super::{Kind, RuleFile};
use crate::document::{Document, is_blank};
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Regex, RegexBuilder};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

/// Limits for user-supplied regexes, so a hostile rule file fails to load instead of
/// exhausting memory.
const REGEX_SIZE_LIMIT: usize = 1 << 20;
const REGEX_DFA_LIMIT: usize = 4 << 20;

pub(super) struct Hit {
    pub span: Span,
    pub replacement: Option<String>,
}

/// The filter of each pattern of an embedded rule file, in order, as worked out by
/// `build.rs` (see [`super::prefilter`]); `None`: the pattern always runs.
pub type PatternFilters = &'static [Option<Filter<'static>>];

/// One regex of a pattern rule.
pub(super) struct Pattern {
    /// The regex as compiled (whole-line patterns anchored).
    pub source: String,
    case_insensitive: bool,
    /// What a document needs for the pattern to match; `None`: nothing is known.
    pub filter: Option<Filter<'static>>,
    /// `None` inside only if an embedded pattern failed to compile, which the rule
    /// file tests rule out.
    regex: OnceLock<Option<Regex>>,
}

impl Pattern {
    fn compile(source: &str, case_insensitive: bool) -> Result<Regex, regex::Error> {
        RegexBuilder::new(source)
            .case_insensitive(case_insensitive)
            .size_limit(REGEX_SIZE_LIMIT)
            .dfa_size_limit(REGEX_DFA_LIMIT)
            .build()
    }

    /// The compiled regex, compiling it now if need be.
    pub fn regex(&self) -> Option<&Regex> {
        self.regex
            .get_or_init(|| Self::compile(&self.source, self.case_insensitive).ok())
            .as_ref()
    }

    fn is_compiled(&self) -> bool {
        self.regex.get().is_some()
    }
}

/// An Aho-Corasick automaton built on first use: the linter's combined automaton
/// finds the phrases of every rule at once, so a rule's own is seldom needed.
pub(super) struct LazyAutomaton {
    case_sensitive: bool,
    automaton: OnceLock<Result<AhoCorasick, String>>,
}

impl LazyAutomaton {
    fn new(case_sensitive: bool) -> Self {
        LazyAutomaton {
            case_sensitive,
            automaton: OnceLock::new(),
        }
    }

    fn get(&self, pats: &[String]) -> Result<&AhoCorasick, &str> {
        self.automaton
            .get_or_init(|| automaton(pats.iter().map(String::as_str), self.case_sensitive))
            .as_ref()
            .map_err(String::as_str)
    }
}

pub(super) enum Matcher {
    Phrases {
        ac: LazyAutomaton,
        whole_word: bool,
        /// The phrases `ac` is built from, in order, for the combined automaton.
        phrases: Vec<String>,
        case_sensitive: bool,
    },
    /// `whole_line` phrases: a normalised line looked up in a set (built on first
    /// use: the linter's combined pass has its own).
    Lines {
        phrases: Vec<String>,
        /// The phrases' normal forms, if `build.rs` worked them out.
        normalised: Option<&'static [&'static str]>,
        set: OnceLock<HashSet<String>>,
        case_sensitive: bool,
    },
    Patterns {
        patterns: Vec<Pattern>,
        whole_line: bool,
        case_sensitive: bool,
    },
    Substitution {
        ac: LazyAutomaton,
        /// The left-hand sides `ac` is built from, in order.
        left: Vec<String>,
        right: Vec<String>,
        whole_word: bool,
        case_sensitive: bool,
    },
}

type BuildError = (Option<Range<usize>>, String);

impl Matcher {
    /// The `k`th phrase or substitution key, as the combined pass looks it up; empty
    /// for other kinds (which have no such literals).
    pub(super) fn literal(&self, k: usize) -> &[u8] {
        match self {
            Matcher::Phrases { phrases: l, .. } | Matcher::Substitution { left: l, .. } => {
                l.get(k).map_or(&[][..], |p| p.as_bytes())
            }
            _ => &[],
        }
    }

    /// Whether matches must be a whole (trimmed) line.
    pub(super) fn whole_line(&self) -> bool {
        match self {
            Matcher::Lines { .. } => true,
            Matcher::Patterns { whole_line, .. } => *whole_line,
            Matcher::Phrases { .. } | Matcher::Substitution { .. } => false,
        }
    }

    /// Compiles a rule file's matcher. With `filters` (an embedded, trusted file)
    /// nothing is compiled yet; without, every regex and automaton is built now so
    /// that errors point into the file.
    pub fn build(
        f: &RuleFile,
        filters: Option<PatternFilters>,
        normalised: Option<&'static [&'static str]>,
    ) -> Result<Matcher, BuildError> {
        let at_id = || Some(f.id.span());
        let need = |ok: bool, what: &str| {
            if ok {
                Ok(())
            } else {
                Err((at_id(), what.to_string()))
            }
        };
        let whole_word = f.whole_word.unwrap_or(true);
        match f.kind {
            Kind::Phrase => {
                need(!f.phrases.is_empty(), "a `phrase` rule needs `phrases`")?;
                need(
                    f.patterns.is_empty() && f.substitutions.is_empty(),
                    "a `phrase` rule takes only `phrases`",
                )?;
                for p in &f.phrases {
                    if p.get_ref().trim().is_empty() {
                        return Err((Some(p.span()), "empty phrase".into()));
                    }
                }
                if f.whole_line {
                    return Ok(Matcher::Lines {
                        phrases: f.phrases.iter().map(|p| p.get_ref().clone()).collect(),
                        normalised: normalised.filter(|n| n.len() == f.phrases.len()),
                        set: OnceLock::new(),
                        case_sensitive: f.case_sensitive,
                    });
                }
                let m = Matcher::Phrases {
                    ac: LazyAutomaton::new(f.case_sensitive),
                    whole_word,
                    phrases: f.phrases.iter().map(|p| p.get_ref().clone()).collect(),
                    case_sensitive: f.case_sensitive,
                };
                if filters.is_none() {
                    m.automaton().map_err(|e| (at_id(), e.to_string()))?;
                }
                Ok(m)
            }
            Kind::Pattern => {
                need(!f.patterns.is_empty(), "a `pattern` rule needs `patterns`")?;
                need(
                    f.phrases.is_empty() && f.substitutions.is_empty(),
                    "a `pattern` rule takes only `patterns`",
                )?;
                let mut patterns = Vec::new();
                for (k, p) in f.patterns.iter().enumerate() {
                    let source = super::prefilter::regex_source(p.get_ref(), f.whole_line);
                    let case_insensitive = !f.case_sensitive;
                    let regex = OnceLock::new();
                    let filter = match filters {
                        // A table that does not fit the file (it cannot happen: both
                        // come from the same text) just means no filter.
                        Some(table) if table.len() == f.patterns.len() => table[k],
                        Some(_) => None,
                        None => {
                            let re = Pattern::compile(&source, case_insensitive).map_err(|e| {
                                (
                                    Some(p.span()),
                                    format!("invalid regex: {}", one_line(&e.to_string())),
                                )
                            })?;
                            let _ = regex.set(Some(re));
                            None
                        }
                    };
                    patterns.push(Pattern {
                        source,
                        case_insensitive,
                        filter,
                        regex,
                    });
                }
                Ok(Matcher::Patterns {
                    patterns,
                    whole_line: f.whole_line,
                    case_sensitive: f.case_sensitive,
                })
            }
            Kind::Substitution => {
                need(
                    !f.substitutions.is_empty(),
                    "a `substitution` rule needs `substitutions`",
                )?;
                need(
                    f.phrases.is_empty() && f.patterns.is_empty(),
                    "a `substitution` rule takes only `substitutions`",
                )?;
                let right = f.substitutions.values().cloned().collect();
                let m = Matcher::Substitution {
                    ac: LazyAutomaton::new(f.case_sensitive),
                    left: f.substitutions.keys().cloned().collect(),
                    right,
                    whole_word,
                    case_sensitive: f.case_sensitive,
                };
                if filters.is_none() {
                    m.automaton().map_err(|e| (at_id(), e.to_string()))?;
                }
                Ok(m)
            }
        }
    }

    /// Case-insensitive whole-line phrases.
    pub fn lines(phrases: &[String]) -> Matcher {
        Matcher::Lines {
            phrases: phrases.to_vec(),
            normalised: None,
            set: OnceLock::new(),
            case_sensitive: false,
        }
    }

    /// The normal forms of a whole-line phrase matcher's phrases.
    pub fn normal_lines(&self) -> Vec<std::borrow::Cow<'static, str>> {
        match self {
            Matcher::Lines {
                normalised: Some(n),
                ..
            } => n.iter().map(|s| std::borrow::Cow::Borrowed(*s)).collect(),
            Matcher::Lines {
                phrases,
                case_sensitive,
                ..
            } => phrases
                .iter()
                .map(|p| std::borrow::Cow::Owned(normalise_line(p, *case_sensitive)))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// How many of a pattern matcher's regexes have been compiled.
    pub fn compiled_patterns(&self) -> usize {
        match self {
            Matcher::Patterns { patterns, .. } => {
                patterns.iter().filter(|p| p.is_compiled()).count()
            }
            _ => 0,
        }
    }

    /// The automaton of a phrase or substitution matcher, built now if need be.
    fn automaton(&self) -> Result<&AhoCorasick, &str> {
        match self {
            Matcher::Phrases { ac, phrases, .. } => ac.get(phrases),
            Matcher::Substitution { ac, left, .. } => ac.get(left),
            _ => Err("not a literal matcher"),
        }
    }

    /// All hits in `doc`, every pattern tried.
    pub fn find(&self, doc: &Document) -> Vec<Hit> {
        self.find_where(doc, &|_| true)
    }

    /// All hits in `doc`, trying only the patterns for which `may_match(index)` is
    /// true (the others are known not to match).
    pub fn find_where(&self, doc: &Document, may_match: &dyn Fn(usize) -> bool) -> Vec<Hit> {
        let text = doc.text();
        match self {
            Matcher::Phrases { whole_word, .. } | Matcher::Substitution { whole_word, .. } => {
                let Ok(ac) = self.automaton() else {
                    return Vec::new();
                };
                let all = ac
                    .find_overlapping_iter(text)
                    .filter(|m| !*whole_word || word_bounded(text, m.start(), m.end()))
                    .map(|m| (Span::new(m.start(), m.end()), m.pattern().as_usize()))
                    .collect();
                self.literal_hits(text, all)
            }
            Matcher::Lines {
                phrases,
                set,
                case_sensitive,
                ..
            } => {
                let set = set.get_or_init(|| {
                    phrases
                        .iter()
                        .map(|p| normalise_line(p, *case_sensitive))
                        .collect()
                });
                let mut hits = Vec::new();
                for line in doc.lines() {
                    let s = doc.slice(line.span);
                    if is_blank(s) {
                        continue;
                    }
                    if set.contains(&normalise_line(s, *case_sensitive)) {
                        hits.push(Hit {
                            span: crate::document::trim_span(text, line.span),
                            replacement: None,
                        });
                    }
                }
                hits
            }
            Matcher::Patterns {
                patterns,
                whole_line,
                ..
            } => {
                let mut hits: Vec<Hit> = Vec::new();
                if *whole_line {
                    let regexes: Vec<&Regex> = patterns
                        .iter()
                        .enumerate()
                        .filter(|(k, _)| may_match(*k))
                        .filter_map(|(_, p)| p.regex())
                        .collect();
                    if regexes.is_empty() {
                        return hits;
                    }
                    for line in doc.lines() {
                        let span = crate::document::trim_span(text, line.span);
                        let s = doc.slice(span);
                        if !s.is_empty() && regexes.iter().any(|r| r.is_match(s)) {
                            hits.push(Hit {
                                span,
                                replacement: None,
                            });
                        }
                    }
                } else {
                    hits = self.free_pattern_hits(doc, may_match);
                }
                hits
            }
        }
    }

    /// The hits of a pattern matcher that is not whole-line, running only the
    /// regexes for which `may_match(index)` is true (the others are known not to).
    pub fn free_pattern_hits(&self, doc: &Document, may_match: &dyn Fn(usize) -> bool) -> Vec<Hit> {
        let Matcher::Patterns { patterns, .. } = self else {
            return Vec::new();
        };
        let mut hits: Vec<Hit> = Vec::new();
        let body = &doc.text()[doc.content_start()..];
        for (k, p) in patterns.iter().enumerate() {
            if !may_match(k) {
                continue;
            }
            let Some(re) = p.regex() else { continue };
            for m in re.find_iter(body) {
                if m.start() < m.end() {
                    let span = Span::new(m.start(), m.end()).offset(doc.content_start());
                    hits.push(Hit {
                        span,
                        replacement: None,
                    });
                }
            }
        }
        hits.sort_by_key(|h| (h.span.start, h.span.end));
        hits.dedup_by_key(|h| h.span);
        hits
    }

    /// The hits of a phrase or substitution matcher from all its automaton's
    /// overlapping matches (pattern index per match) that pass the word-boundary test.
    pub fn literal_hits(&self, text: &str, all: Vec<(Span, usize)>) -> Vec<Hit> {
        let selected = leftmost_longest(all);
        match self {
            Matcher::Substitution {
                right,
                case_sensitive,
                ..
            } => selected
                .into_iter()
                .map(|(span, pat)| {
                    let mut r = right[pat].clone();
                    if !case_sensitive {
                        r = match_case(span.text(text), &r);
                    }
                    Hit {
                        span,
                        replacement: Some(r),
                    }
                })
                .collect(),
            _ => selected
                .into_iter()
                .map(|(span, _)| Hit {
                    span,
                    replacement: None,
                })
                .collect(),
        }
    }

    /// Expands `$1`-style references in a `replacement` template for pattern rules.
    pub fn expand(&self, text: &str, span: Span, template: &str) -> String {
        if let Matcher::Patterns { patterns, .. } = self {
            let hay = span.text(text);
            for re in patterns.iter().filter_map(Pattern::regex) {
                if let Some(c) = re.captures(hay) {
                    let mut out = String::new();
                    c.expand(template, &mut out);
                    return out;
                }
            }
        }
        template.to_string()
    }
}

fn automaton<'a>(
    pats: impl Iterator<Item = &'a str>,
    case_sensitive: bool,
) -> Result<AhoCorasick, String> {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(!case_sensitive)
        .match_kind(MatchKind::Standard)
        .build(pats)
        .map_err(|e| e.to_string())
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Whether the match `s..e` does not run into a word on either side.
pub(super) fn word_bounded(text: &str, s: usize, e: usize) -> bool {
    if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
        return false;
    }
    let first = text[s..e].chars().next();
    let last = text[s..e].chars().next_back();
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    let glued_before = is_word_char(first) && is_word_char(before);
    let glued_after = is_word_char(last) && is_word_char(after);
    !(glued_before || glued_after)
}

/// Of all matches that respect word boundaries (in the automaton's overlapping
/// order), the leftmost-longest of those that overlap: a longer phrase failing a
/// boundary check must not hide a shorter one.
fn leftmost_longest(mut all: Vec<(Span, usize)>) -> Vec<(Span, usize)> {
    all.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)));
    let mut out: Vec<(Span, usize)> = Vec::new();
    for m in all {
        if out.last().is_none_or(|l| l.0.end <= m.0.start) {
            out.push(m);
        }
    }
    out
}

/// Whether [`normalise_line`] of `s` can have at most `max_chars` characters: it
/// keeps every character of the trimmed line but white space (lower-casing never
/// removes one), so counting those, with an early stop, rules out long lines
/// without normalising them.
pub(super) fn line_fits(s: &str, max_chars: usize) -> bool {
    trim_line(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .nth(max_chars)
        .is_none()
}

/// Carries a leading capital over to the replacement.
fn match_case(matched: &str, replacement: &str) -> String {
    let upper = matched.chars().next().is_some_and(char::is_uppercase);
    let mut chars = replacement.chars();
    match chars.next() {
        Some(c) if upper && c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => replacement.to_string(),
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn long_lines_do_not_fit_short_phrases() {
        assert!(line_fits("  Skip   ad!!! ", 6));
        assert!(!line_fits("Skip this advert", 6));
        assert!(line_fits("", 0));
    }

    proptest! {
        /// A line is never ruled out when its normal form is short enough.
        #[test]
        fn a_line_always_fits_its_normal_form(
            s in "[a-zA-Z İ\u{212A}\u{a0}\t.!«»#-]{0,30}",
            case_sensitive in any::<bool>(),
        ) {
            let n = normalise_line(&s, case_sensitive).chars().count();
            prop_assert!(line_fits(&s, n), "{s:?}");
        }
    }
}
