//! One pass over a document for every declarative rule of a linter: a single
//! Aho-Corasick automaton for all phrases and substitutions and for the required
//! literals of the patterns, one lookup per line for all whole-line phrases, and
//! then only the patterns whose literals occur (compiled on first need). Each rule's
//! hits are exactly what its own matcher would find;
//! [`super::DeclarativeRule::check`] picks them up from the document instead of
//! scanning again.

use super::DeclarativeRule;
use super::keyscan::KeyScan;
use super::matcher::{Hit, Matcher, line_fits, normalise_line, word_bounded};
use super::prefilter::{Seq, anchor_literals, check_hit, check_line};
use crate::document::{Document, is_blank, trim_span};
use crate::rule::Rule;
use crate::span::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::{RegexSet, RegexSetBuilder};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

/// Size limits for the combined regex sets: generous, since each member already
/// compiled under the per-rule limits. A set that does not fit is not built, and its
/// rules run on their own.
const SET_SIZE_LIMIT: usize = 32 << 20;
const SET_DFA_LIMIT: usize = 32 << 20;

/// Regex sets are off: the patterns use Unicode word boundaries, which the lazy DFA
/// cannot search on non-ASCII copy, so a set falls back to the PikeVM and is slower
/// (and far costlier to compile at start-up) than the rules' own regexes. The code
/// stays for patterns a set can serve; see the benchmark notes in bench/README.md.
const USE_SETS: bool = false;

/// The automaton looks for at most this many leading bytes of each literal; a hit
/// is then checked against the whole literal. Short keys make a small automaton
/// that is cheap to build, which is most of what one small file costs.
const KEY_LEN: usize = 6;

/// Documents searched with the NFA before the DFA is built.
const DFA_AFTER: usize = 8;

/// A literal of the combined automaton.
enum Literal {
    /// A phrase or substitution key: the `local`th of the rule in `slot`, read
    /// from the rule at a hit rather than copied here (a build copying ~1,000
    /// phrases was a tenth of a one-article run).
    Phrase {
        slot: usize,
        local: usize,
        /// For case-sensitive rules: the automaton matches ASCII case-insensitively,
        /// so the matched bytes are compared with the phrase as well.
        exact: bool,
        whole_word: bool,
    },
    /// The anchor of a filter sequence of pattern `k` of a rule: unless one of its
    /// sequences is found around a hit, the pattern cannot match.
    Required {
        slot: usize,
        k: usize,
        seq: &'static Seq<'static>,
    },
    /// A character that case-folds to an ASCII letter: the required literals, which
    /// are matched ASCII case-insensitively, cannot be trusted in this document.
    Unfold,
}

pub struct Combined {
    rules: Vec<Arc<dyn Rule>>,
    /// Finds the keys in the first documents, at no build cost.
    literals: Option<KeyScan>,
    /// The keys, for the automaton a long run searches with.
    key_bytes: Vec<Vec<u8>>,
    /// Documents searched so far, and the DFA built once a run proves long.
    searched: AtomicUsize,
    dfa: OnceLock<Option<AhoCorasick>>,
    literal_info: Vec<Literal>,
    /// The literals (indices into `literal_info`) that start with key `k`, in order:
    /// `key_lits[key_start[k]..key_start[k + 1]]`.
    key_start: Vec<u32>,
    key_lits: Vec<u32>,
    /// Normalised whole-line phrase -> rules (slots), case-insensitive and sensitive.
    lines_folded: FxHashMap<Cow<'static, str>, Vec<usize>>,
    lines_exact: FxHashMap<Cow<'static, str>, Vec<usize>>,
    /// The most characters of any key of those maps: longer lines are not looked up.
    line_chars: usize,
    /// Whole-line patterns: one set, run on each trimmed line.
    line_set: Option<(RegexSet, Vec<usize>)>,
    /// Other patterns: one set over the copy says which regexes can match at all.
    free_set: Option<(RegexSet, Vec<(usize, usize)>)>,
    /// Rules whose automaton or set could not be built, and pattern rules: they
    /// run on their own (patterns with a filter only if their literals occur).
    alone: Vec<usize>,
    /// Per slot of a pattern rule, per pattern: whether it has a filter.
    filtered: Vec<Vec<bool>>,
    /// Filter sequences anchored at the start of a line: (slot, pattern, sequence).
    line_seqs: Vec<(usize, usize, &'static Seq<'static>)>,
}

/// The hits of each rule of a [`Combined`], by rule address, kept with the document.
pub(super) struct DocumentHits(pub FxHashMap<usize, Vec<Hit>>);

/// Marker for the document memo.
pub(super) struct HitsKey;

pub(super) fn address(rule: &DeclarativeRule) -> usize {
    rule as *const DeclarativeRule as usize
}

fn declarative(rule: &Arc<dyn Rule>) -> &DeclarativeRule {
    rule.as_declarative()
        .expect("combined rules are declarative")
}

impl Combined {
    /// The declarative rules among `rules`, compiled together; `None` if there are none.
    pub fn build(rules: &[Arc<dyn Rule>]) -> Option<Combined> {
        let rules: Vec<Arc<dyn Rule>> = rules
            .iter()
            .filter(|r| r.as_declarative().is_some())
            .cloned()
            .collect();
        if rules.is_empty() {
            return None;
        }
        let mut c = Combined {
            rules: Vec::new(),
            literals: None,
            key_bytes: Vec::new(),
            searched: AtomicUsize::new(0),
            dfa: OnceLock::new(),
            literal_info: Vec::new(),
            key_start: Vec::new(),
            key_lits: Vec::new(),
            lines_folded: FxHashMap::default(),
            lines_exact: FxHashMap::default(),
            line_chars: 0,
            line_set: None,
            free_set: None,
            alone: Vec::new(),
            filtered: vec![Vec::new(); rules.len()],
            line_seqs: Vec::new(),
        };
        let mut literals: Vec<&[u8]> = Vec::new();
        let mut line_patterns: Vec<(String, usize)> = Vec::new();
        let mut free_patterns: Vec<(String, usize, usize)> = Vec::new();
        for (slot, rule) in rules.iter().enumerate() {
            let matcher = &declarative(rule).matcher;
            match matcher {
                Matcher::Phrases {
                    whole_word,
                    phrases: list,
                    case_sensitive,
                    ..
                }
                | Matcher::Substitution {
                    whole_word,
                    left: list,
                    case_sensitive,
                    ..
                } => {
                    for (local, p) in list.iter().enumerate() {
                        literals.push(p.as_bytes());
                        c.literal_info.push(Literal::Phrase {
                            slot,
                            local,
                            exact: *case_sensitive,
                            whole_word: *whole_word,
                        });
                    }
                }
                Matcher::Lines { case_sensitive, .. } => {
                    let map = if *case_sensitive {
                        &mut c.lines_exact
                    } else {
                        &mut c.lines_folded
                    };
                    for key in matcher.normal_lines() {
                        let v = map.entry(key).or_default();
                        if !v.contains(&slot) {
                            v.push(slot);
                        }
                    }
                }
                Matcher::Patterns {
                    patterns,
                    whole_line,
                    case_sensitive,
                } => {
                    for (k, p) in patterns.iter().enumerate() {
                        c.filtered[slot].push(p.filter.is_some_and(|f| !f.is_empty()));
                        for seq in p.filter.unwrap_or_default() {
                            if seq.anchor.is_none() {
                                c.line_seqs.push((slot, k, seq));
                                continue;
                            }
                            let lits = anchor_literals(seq);
                            if lits.is_empty() {
                                // Not made by the analysis; no filter then.
                                c.filtered[slot][k] = false;
                            }
                            for lit in lits {
                                literals.push(lit);
                                c.literal_info.push(Literal::Required { slot, k, seq });
                            }
                        }
                        // The source is only wanted for a set.
                        let src = match (USE_SETS, *case_sensitive) {
                            (false, _) => String::new(),
                            (true, true) => format!("(?:{})", p.source),
                            (true, false) => format!("(?i:{})", p.source),
                        };
                        if *whole_line {
                            line_patterns.push((src, slot));
                        } else {
                            free_patterns.push((src, slot, k));
                        }
                    }
                }
            }
        }
        if c.filtered.iter().flatten().any(|&f| f) {
            for ch in super::prefilter::FOLDS_TO_ASCII {
                literals.push(ch.as_bytes());
                c.literal_info.push(Literal::Unfold);
            }
        }
        // One key per distinct (case-folded) leading part: literals sorted by their
        // packed key, then by index, so each key's literals stay in order.
        let mut packed: Vec<(u64, u32)> = literals
            .iter()
            .enumerate()
            .map(|(i, lit)| {
                let mut b = [0u8; 8];
                let n = lit.len().min(KEY_LEN);
                b[..n].copy_from_slice(&lit[..n]);
                b[..n].make_ascii_lowercase();
                b[7] = n as u8;
                (u64::from_le_bytes(b), i as u32)
            })
            .collect();
        packed.sort_unstable();
        let mut keys: Vec<Vec<u8>> = Vec::new();
        for (j, &(key, i)) in packed.iter().enumerate() {
            if j == 0 || packed[j - 1].0 != key {
                let b = key.to_le_bytes();
                keys.push(b[..b[7] as usize].to_vec());
                c.key_start.push(j as u32);
            }
            c.key_lits.push(i);
        }
        c.key_start.push(packed.len() as u32);
        if !keys.is_empty() {
            // Keys are ASCII lower case and the search runs over an ASCII-lowered
            // copy of the text (same byte offsets).
            match KeyScan::new(&keys) {
                Some(scan) => {
                    c.literals = Some(scan);
                    c.key_bytes = keys;
                }
                None => {
                    // Every rule runs on its own; no pattern is filtered.
                    c.alone
                        .extend(c.literal_info.iter().filter_map(|l| match l {
                            Literal::Phrase { slot, .. } => Some(*slot),
                            _ => None,
                        }));
                    c.literal_info.clear();
                    c.key_start.clear();
                    c.key_lits.clear();
                    c.filtered.iter_mut().flatten().for_each(|f| *f = false);
                    c.line_seqs.clear();
                }
            }
        }
        if USE_SETS && !line_patterns.is_empty() {
            match set(line_patterns.iter().map(|p| p.0.as_str())) {
                Some(s) => c.line_set = Some((s, line_patterns.iter().map(|p| p.1).collect())),
                None => c.alone.extend(line_patterns.iter().map(|p| p.1)),
            }
        }
        if USE_SETS && !free_patterns.is_empty() {
            match set(free_patterns.iter().map(|p| p.0.as_str())) {
                Some(s) => {
                    c.free_set = Some((s, free_patterns.iter().map(|p| (p.1, p.2)).collect()))
                }
                None => c.alone.extend(free_patterns.iter().map(|p| p.1)),
            }
        }
        if !USE_SETS {
            c.alone.extend(line_patterns.iter().map(|p| p.1));
            c.alone.extend(free_patterns.iter().map(|p| p.1));
        }
        c.alone.sort_unstable();
        c.alone.dedup();
        c.line_chars = (c.lines_folded.keys())
            .chain(c.lines_exact.keys())
            .map(|k| k.chars().count())
            .max()
            .unwrap_or(0);
        c.rules = rules;
        Some(c)
    }

    /// The automaton to search with, once a run proves long: it takes a few ms to
    /// build and then searches several times faster than [`KeyScan`]. Both report
    /// the same occurrences. `None`: scan.
    fn automaton(&self) -> Option<&AhoCorasick> {
        if self.searched.fetch_add(1, Ordering::Relaxed) < DFA_AFTER {
            return None;
        }
        self.dfa
            .get_or_init(|| {
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .kind(Some(AhoCorasickKind::DFA))
                    .prefilter(false)
                    .build(&self.key_bytes)
                    .ok()
            })
            .as_ref()
    }

    /// Runs every rule's matcher over `doc` in one pass per kind and keeps the hits
    /// with the document, where the rules' `check` finds them.
    pub fn prime(&self, doc: &Document) {
        doc.memo::<HitsKey, _>(|| self.run(doc));
    }

    fn run(&self, doc: &Document) -> DocumentHits {
        let text = doc.text();
        let mut hits: Vec<Vec<Hit>> = (0..self.rules.len()).map(|_| Vec::new()).collect();
        let mut done = vec![false; self.rules.len()];
        // Per pattern rule and pattern: whether one of its required literals occurs.
        let mut seen: Vec<Vec<bool>> = self.filtered.iter().map(|f| vec![false; f.len()]).collect();
        let mut unfold = false;

        // Phrases and substitutions, and the patterns' required literals.
        if let Some(scan) = &self.literals {
            let mut raw: Vec<Vec<(Span, usize)>> =
                (0..self.rules.len()).map(|_| Vec::new()).collect();
            let bytes = text.as_bytes();
            let lowered = text.to_ascii_lowercase();
            let mut found = |s: usize, key: usize| {
                let lits =
                    &self.key_lits[self.key_start[key] as usize..self.key_start[key + 1] as usize];
                for &i in lits {
                    let (slot, local, exact, whole_word) = match &self.literal_info[i as usize] {
                        Literal::Phrase {
                            slot,
                            local,
                            exact,
                            whole_word,
                        } => (*slot, *local, *exact, *whole_word),
                        Literal::Required { slot, k, seq } => {
                            if !seen[*slot][*k] && check_hit(seq, text, s) {
                                seen[*slot][*k] = true;
                            }
                            continue;
                        }
                        Literal::Unfold => {
                            unfold = true;
                            continue;
                        }
                    };
                    let full = declarative(&self.rules[slot]).matcher.literal(local);
                    let e = s + full.len();
                    if !bytes
                        .get(s..e)
                        .is_some_and(|w| w.eq_ignore_ascii_case(full))
                    {
                        continue;
                    }
                    if exact && bytes[s..e] != *full {
                        continue;
                    }
                    if whole_word && !word_bounded(text, s, e) {
                        continue;
                    }
                    raw[slot].push((Span::new(s, e), local));
                }
            };
            match self.automaton() {
                Some(ac) => {
                    for m in ac.find_overlapping_iter(&lowered) {
                        found(m.start(), m.pattern().as_usize());
                    }
                }
                None => scan.for_each(lowered.as_bytes(), found),
            }
            for info in &self.literal_info {
                let Literal::Phrase { slot, .. } = *info else {
                    continue;
                };
                if !done[slot] {
                    done[slot] = true;
                    let all = std::mem::take(&mut raw[slot]);
                    hits[slot] = declarative(&self.rules[slot])
                        .matcher
                        .literal_hits(text, all);
                }
            }
        }

        // Whole-line phrases and patterns, line by line.
        let any_lines = !self.lines_folded.is_empty() || !self.lines_exact.is_empty();
        if any_lines || self.line_set.is_some() || !self.line_seqs.is_empty() {
            for line in doc.lines() {
                let s = doc.slice(line.span);
                let trimmed = trim_span(text, line.span);
                // Whole-line patterns run on each non-empty trimmed line.
                if !self.line_seqs.is_empty() && !trimmed.is_empty() {
                    for &(slot, k, seq) in &self.line_seqs {
                        if !seen[slot][k] && check_line(seq, doc.slice(trimmed)) {
                            seen[slot][k] = true;
                        }
                    }
                }
                if any_lines && !is_blank(s) && line_fits(s, self.line_chars) {
                    let span = trim_span(text, line.span);
                    for (map, exact) in [(&self.lines_folded, false), (&self.lines_exact, true)] {
                        if map.is_empty() {
                            continue;
                        }
                        if let Some(slots) = map.get(normalise_line(s, exact).as_str()) {
                            for &slot in slots {
                                hits[slot].push(Hit {
                                    span,
                                    replacement: None,
                                });
                            }
                        }
                    }
                }
                if let Some((set, slots)) = &self.line_set {
                    let span = trim_span(text, line.span);
                    let t = doc.slice(span);
                    if t.is_empty() {
                        continue;
                    }
                    let mut last = usize::MAX;
                    for k in set.matches(t).iter() {
                        let slot = slots[k];
                        // One hit per rule and line, however many patterns match.
                        if slot != last {
                            hits[slot].push(Hit {
                                span,
                                replacement: None,
                            });
                        }
                        last = slot;
                    }
                }
            }
        }

        // Other patterns: only the regexes the set saw matching run.
        if let Some((set, which)) = &self.free_set {
            let body = &text[doc.content_start()..];
            let matched = set.matches(body);
            let mut by_slot: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
            for k in matched.iter() {
                by_slot.entry(which[k].0).or_default().push(which[k].1);
            }
            for (slot, regexes) in by_slot {
                hits[slot] = declarative(&self.rules[slot])
                    .matcher
                    .free_pattern_hits(doc, &|k| regexes.contains(&k));
            }
        }
        for &slot in &self.alone {
            let (filtered, seen) = (&self.filtered[slot], &seen[slot]);
            // A pattern without required literals always runs; one with them only
            // if one occurs (or the document defeats the case-insensitive search).
            let may_match =
                |k: usize| unfold || !filtered.get(k).copied().unwrap_or(false) || seen[k];
            hits[slot] = declarative(&self.rules[slot])
                .matcher
                .find_where(doc, &may_match);
        }

        DocumentHits(
            self.rules
                .iter()
                .zip(hits)
                .map(|(r, h)| (address(declarative(r)), h))
                .collect(),
        )
    }
}

fn set<'a>(patterns: impl Iterator<Item = &'a str>) -> Option<RegexSet> {
    RegexSetBuilder::new(patterns)
        .size_limit(SET_SIZE_LIMIT)
        .dfa_size_limit(SET_DFA_LIMIT)
        .build()
        .ok()
}

#[cfg(test)]
mod tests {
    use crate::linter::default_registry;

    /// The first documents are searched with the NFA, later ones with the DFA: both
    /// must find the same phrases and pattern literals.
    #[test]
    fn nfa_and_dfa_searches_agree() {
        let text = "Share this article\nThe minister said on Monday that talks would go on.\n\
                    Read also: Talks resume in Geneva\nEarlier we reported that the plant closed.\n\
                    Tags: Kazakhstan, energy\nAdvertisement\n";
        let linter = default_registry().linter();
        let first = linter.lint(text);
        assert!(first.len() >= 3, "{first:?}");
        for _ in 0..2 * super::DFA_AFTER {
            assert_eq!(linter.lint(text), first);
        }
    }
}
