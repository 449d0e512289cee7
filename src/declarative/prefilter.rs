//! A cheap test of whether a regex can match a document at all, worked out from the
//! regex's syntax: a pattern that cannot match need not even be compiled.
//!
//! A [`Filter`] is a list of [`Seq`]s; every match of the regex contains a string
//! that matches one of them (or, for a sequence anchored at the line start, begins
//! with one). A sequence is a chain of literal sets and runs of a character class:
//! `(?:him|her)\s+that` is `{him, her}`, one or more white-space characters, `{that}`.
//! One of its literal sets is the anchor that an Aho-Corasick pass over the document
//! looks for; the rest is checked around each hit. If no sequence is found, the
//! regex cannot match and is neither compiled nor run.
//!
//! Literals are in a canonical form (ASCII lower-cased) so that one ASCII
//! case-insensitive pass finds them. The few non-ASCII characters that case-fold to
//! ASCII letters (the Kelvin sign, the long s) are canonicalised to those letters; a
//! document containing one of them ([`FOLDS_TO_ASCII`]) is not filtered at all.
//!
//! This file depends only on `regex-syntax` and std: `build.rs` includes it to work
//! out the filters of the embedded rule files at build time, so start-up parses no
//! regex. The analysis only ever widens what a sequence accepts, never narrows it.

use regex_syntax::hir::{Class, Hir, HirKind, Look};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// Most strings a literal set may hold; larger products are kept as separate links.
const SET_LIMIT: usize = 64;
/// Most characters a class may have to be treated as a set of literals.
const CLASS_LIMIT: usize = 8;
/// Most links a sequence keeps (the check around a hit stays cheap).
const SEQ_LIMIT: usize = 12;
/// Most steps one check around a hit may take; past it the check says "may match".
const STEP_BUDGET: u32 = 4096;

/// Non-ASCII characters whose simple case folding includes an ASCII letter: the
/// Kelvin sign (k) and the long s (s). Tested against regex-syntax's own tables.
pub const FOLDS_TO_ASCII: &[&str] = &["\u{212A}", "\u{17F}"];

/// One link of a sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elem<'a> {
    /// One of these canonical strings (the empty string allowed).
    Lit(&'a [&'a [u8]]),
    /// Between `min` and `max` characters of the class (`u32::MAX`: no bound).
    Class {
        ranges: &'a [(char, char)],
        min: u32,
        max: u32,
    },
    /// One of these chains (an alternation or an optional group).
    Alt(&'a [&'a [Elem<'a>]]),
}

/// A chain of links and where the search for it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seq<'a> {
    pub elems: &'a [Elem<'a>],
    /// Index of the literal set that the document is searched for; `None`: the
    /// sequence starts at the beginning of the (trimmed) line, for whole-line
    /// patterns.
    pub anchor: Option<usize>,
}

/// Every match contains (or, line-anchored, starts with) one of these sequences.
pub type Filter<'a> = &'a [Seq<'a>];

/// The regex a rule file's pattern compiles to: whole-line patterns are anchored.
pub fn regex_source(pattern: &str, whole_line: bool) -> String {
    if whole_line {
        format!("^(?:{pattern})$")
    } else {
        pattern.to_string()
    }
}

/// The canonical form of text: ASCII lower-cased, characters in [`FOLDS_TO_ASCII`]
/// replaced by their ASCII letter.
pub fn canonical(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        push_char(&mut out, c);
    }
    out
}

fn push_char(out: &mut Vec<u8>, c: char) {
    match c {
        '\u{212A}' => out.push(b'k'),
        '\u{17F}' => out.push(b's'),
        _ => {
            let mut buf = [0; 4];
            out.extend(c.to_ascii_lowercase().encode_utf8(&mut buf).as_bytes());
        }
    }
}

// ---------------------------------------------------------------------------------
// Analysis (build time).

type Set = BTreeSet<Vec<u8>>;

/// A link while the analysis runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnedElem {
    Lit(Set),
    Class {
        ranges: Vec<(char, char)>,
        min: u32,
        max: u32,
    },
    Alt(Vec<Vec<OwnedElem>>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnedSeq {
    pub elems: Vec<OwnedElem>,
    pub anchor: Option<usize>,
}

/// What is known about the strings a sub-expression matches.
#[derive(Default)]
struct Info {
    /// Every match matches this chain exactly.
    whole: Option<Vec<OwnedElem>>,
    /// Every match starts with a string matching this chain (possibly empty).
    prefix: Vec<OwnedElem>,
    /// Every match ends with a string matching this chain (possibly empty).
    suffix: Vec<OwnedElem>,
    /// Every match contains a string matching one of these.
    required: Option<Vec<OwnedSeq>>,
}

/// The filter of a pattern as `regex::RegexBuilder` compiles it (with
/// `case_insensitive` as the builder's flag), or `None` when no useful one is known.
/// `whole_line`: the regex is matched against each trimmed line on its own.
pub fn pattern_filter(
    source: &str,
    case_insensitive: bool,
    whole_line: bool,
) -> Option<Vec<OwnedSeq>> {
    let hir = regex_syntax::ParserBuilder::new()
        .case_insensitive(case_insensitive)
        .build()
        .parse(source)
        .ok()?;
    let info = analyse(&hir);
    let mut best = info.required;
    // A line-start check runs on every line, a search hit only where its anchor
    // occurs: the first is for patterns without a good anchor. A non-ASCII sign
    // ("°", "€", "«") is rare in English copy, so two bytes of it are enough.
    let good_anchor = best.as_ref().is_some_and(|r| {
        r.iter().all(|s| match s.anchor.map(|a| &s.elems[a]) {
            Some(OwnedElem::Lit(l)) => l
                .iter()
                .all(|x| x.len() >= 3 || (x.len() >= 2 && !x.is_ascii())),
            _ => false,
        })
    });
    if whole_line && !good_anchor && starts_at_haystack_start(&hir) {
        let chain = info.whole.unwrap_or(info.prefix);
        if line_chain_useful(&chain) {
            best = better(
                best,
                Some(vec![OwnedSeq {
                    elems: chain,
                    anchor: None,
                }]),
            );
        }
    }
    best
}

fn starts_at_haystack_start(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Look(Look::Start) => true,
        HirKind::Concat(subs) => subs.first().is_some_and(starts_at_haystack_start),
        HirKind::Capture(c) => starts_at_haystack_start(&c.sub),
        _ => false,
    }
}

/// A line-start chain is worth checking if it asks for at least two characters.
fn line_chain_useful(chain: &[OwnedElem]) -> bool {
    chain.iter().map(min_len).sum::<usize>() >= 2
}

fn analyse(hir: &Hir) -> Info {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => whole(vec![]),
        HirKind::Literal(lit) => {
            let s = match std::str::from_utf8(&lit.0) {
                Ok(s) => canonical(s),
                Err(_) => lit.0.to_ascii_lowercase(),
            };
            whole(vec![OwnedElem::Lit(Set::from([s]))])
        }
        HirKind::Class(class) => match class_elem(class, 1, 1) {
            Some(e) => whole(vec![e]),
            None => Info::default(),
        },
        HirKind::Capture(c) => analyse(&c.sub),
        HirKind::Repetition(r) => repetition(r.min, r.max, &r.sub),
        HirKind::Concat(subs) => concat(subs),
        HirKind::Alternation(subs) => alternation(subs),
    }
}

fn whole(chain: Vec<OwnedElem>) -> Info {
    let required = candidate(&chain).map(|s| vec![s]);
    Info {
        prefix: chain.clone(),
        suffix: chain.clone(),
        whole: Some(chain),
        required,
    }
}

fn repetition(min: u32, max: Option<u32>, sub: &Hir) -> Info {
    let max_or = max.unwrap_or(u32::MAX);
    // A class repeated: one link.
    if let HirKind::Class(class) = sub.kind() {
        let small = class_elem(class, 1, 1).is_some_and(|e| matches!(e, OwnedElem::Lit(_)));
        if !(small && max_or <= 1) {
            return match class_elem_large(class, min, max_or) {
                Some(e) => whole(vec![e]),
                None => Info::default(),
            };
        }
    }
    let s = analyse(sub);
    // `x?` and small fixed counts of a literal set stay literal sets.
    if let Some([OwnedElem::Lit(set)]) = s.whole.as_deref() {
        if min == 0 && max == Some(1) {
            let mut set = set.clone();
            set.insert(Vec::new());
            return whole(vec![OwnedElem::Lit(set)]);
        }
        if max == Some(min) && (1..=4).contains(&min) {
            let mut acc = Set::from([Vec::new()]);
            for _ in 0..min {
                match cross(&acc, set) {
                    Some(a) => acc = a,
                    None => return at_least(min, s),
                }
            }
            return whole(vec![OwnedElem::Lit(acc)]);
        }
    }
    if min == 0 {
        // `(?:...)?` of a chain: the chain or nothing.
        return match s.whole {
            Some(chain) if max == Some(1) && alt_ok(&[&chain]) => {
                whole(vec![OwnedElem::Alt(vec![chain, vec![]])])
            }
            _ => Info::default(),
        };
    }
    at_least(min, s)
}

/// Whether chains are small enough to keep as one alternation link.
fn alt_ok(chains: &[&Vec<OwnedElem>]) -> bool {
    chains.len() <= SET_LIMIT && chains.iter().map(|c| weight(c)).sum::<usize>() <= 4 * SET_LIMIT
}

fn weight(chain: &[OwnedElem]) -> usize {
    chain
        .iter()
        .map(|e| match e {
            OwnedElem::Lit(s) => s.len(),
            OwnedElem::Class { .. } => 1,
            OwnedElem::Alt(bs) => bs.iter().map(|b| weight(b)).sum::<usize>() + 1,
        })
        .sum()
}

/// `x{min,}` (or bounded), min >= 1: starts and ends with copies of x.
fn at_least(min: u32, s: Info) -> Info {
    match s.whole {
        Some(chain) => {
            let copies = min.min(2) as usize;
            let mut rep = Vec::new();
            for _ in 0..copies {
                append(&mut rep, chain.clone());
            }
            let required = better(s.required, candidate(&rep).map(|c| vec![c]));
            Info {
                whole: None,
                prefix: rep.clone(),
                suffix: rep,
                required,
            }
        }
        None => Info {
            whole: None,
            prefix: s.prefix,
            suffix: s.suffix,
            required: s.required,
        },
    }
}

fn concat(subs: &[Hir]) -> Info {
    let mut required: Option<Vec<OwnedSeq>> = None;
    let mut cur: Vec<OwnedElem> = Vec::new();
    let mut prefix: Option<Vec<OwnedElem>> = None;
    for sub in subs {
        let i = analyse(sub);
        match i.whole {
            Some(chain) => append(&mut cur, chain),
            None => {
                append(&mut cur, i.prefix);
                required = better(required, candidate(&cur).map(|c| vec![c]));
                if prefix.is_none() {
                    prefix = Some(cur.clone());
                }
                required = better(required, i.required);
                cur = i.suffix;
            }
        }
    }
    let required = better(required, candidate(&cur).map(|c| vec![c]));
    match prefix {
        None => Info {
            prefix: cur.clone(),
            suffix: cur.clone(),
            whole: Some(cur),
            required,
        },
        Some(prefix) => Info {
            whole: None,
            prefix,
            suffix: cur,
            required,
        },
    }
}

fn alternation(subs: &[Hir]) -> Info {
    let infos: Vec<Info> = subs.iter().map(analyse).collect();
    // All plain literal sets: one set.
    let mut union = Set::new();
    let mut all_lit = true;
    for i in &infos {
        match i.whole.as_deref() {
            Some([OwnedElem::Lit(s)]) => union.extend(s.iter().cloned()),
            Some([]) => {
                union.insert(Vec::new());
            }
            _ => all_lit = false,
        }
    }
    if all_lit && union.len() <= SET_LIMIT {
        return whole(vec![OwnedElem::Lit(union)]);
    }
    // All chains: one alternation link.
    let chains: Option<Vec<&Vec<OwnedElem>>> = infos.iter().map(|i| i.whole.as_ref()).collect();
    if let Some(chains) = chains
        && alt_ok(&chains)
    {
        return whole(vec![OwnedElem::Alt(chains.into_iter().cloned().collect())]);
    }
    // Otherwise: what every branch starts (ends) with, and any branch's requirement.
    let first = |chain: &Vec<OwnedElem>| chain.first().cloned();
    let last = |chain: &Vec<OwnedElem>| chain.last().cloned();
    let prefix = union_of(infos.iter().map(|i| first(&i.prefix)));
    let suffix = union_of(infos.iter().map(|i| last(&i.suffix)));
    let mut required = Some(Vec::new());
    for i in infos {
        required = match (required, i.required) {
            (Some(mut a), Some(b)) => {
                a.extend(b);
                Some(a)
            }
            _ => None,
        };
    }
    Info {
        whole: None,
        prefix: prefix.into_iter().collect(),
        suffix: suffix.into_iter().collect(),
        required,
    }
}

/// The union of literal-set links, if every one is a literal set.
fn union_of(links: impl Iterator<Item = Option<OwnedElem>>) -> Option<OwnedElem> {
    let mut set = Set::new();
    for l in links {
        match l? {
            OwnedElem::Lit(s) => set.extend(s),
            _ => return None,
        }
    }
    (set.len() <= SET_LIMIT).then_some(OwnedElem::Lit(set))
}

/// Appends a chain, crossing adjacent literal sets while they stay small.
fn append(cur: &mut Vec<OwnedElem>, chain: Vec<OwnedElem>) {
    for e in chain {
        if let OwnedElem::Lit(s) = &e
            && s.len() == 1
            && s.contains(&Vec::new())
        {
            continue;
        }
        if let (Some(OwnedElem::Lit(a)), OwnedElem::Lit(b)) = (cur.last(), &e)
            && let Some(x) = cross(a, b)
        {
            *cur.last_mut().expect("checked") = OwnedElem::Lit(x);
            continue;
        }
        cur.push(e);
    }
}

fn cross(a: &Set, b: &Set) -> Option<Set> {
    if a.len() * b.len() > SET_LIMIT {
        return None;
    }
    let mut out = Set::new();
    for x in a {
        for y in b {
            let mut s = x.clone();
            s.extend_from_slice(y);
            out.insert(s);
        }
    }
    Some(out)
}

/// A chain as a requirement: anchored at its best literal set, if it has one worth
/// searching for. Long chains are cut to a window around the anchor.
fn candidate(chain: &[OwnedElem]) -> Option<OwnedSeq> {
    let anchor = chain
        .iter()
        .enumerate()
        .filter_map(|(k, e)| match e {
            OwnedElem::Lit(s) if anchor_ok(s) => Some((k, anchor_score(s))),
            _ => None,
        })
        .max_by_key(|&(k, score)| (score, std::cmp::Reverse(k)))?
        .0;
    let lo = anchor.saturating_sub(SEQ_LIMIT / 2);
    let hi = (anchor + SEQ_LIMIT / 2 + 1).min(chain.len());
    Some(OwnedSeq {
        elems: chain[lo..hi].to_vec(),
        anchor: Some(anchor - lo),
    })
}

/// A literal set worth an Aho-Corasick search: no empty string, and every string
/// either three bytes or more or made of rarer punctuation.
fn anchor_ok(s: &Set) -> bool {
    !s.is_empty()
        && s.iter().all(|l| {
            !l.is_empty()
                && (l.len() >= 3
                    || l.iter()
                        .all(|&b| !b.is_ascii_alphanumeric() && !b" \t\r\n.,'\"-".contains(&b)))
        })
}

fn anchor_score(s: &Set) -> (usize, isize) {
    let min = s.iter().map(Vec::len).min().unwrap_or(0);
    (min.min(8), -(s.len() as isize))
}

fn min_len(e: &OwnedElem) -> usize {
    match e {
        OwnedElem::Lit(s) => s.iter().map(Vec::len).min().unwrap_or(0),
        OwnedElem::Class { min, .. } => (*min).min(4) as usize,
        OwnedElem::Alt(bs) => bs
            .iter()
            .map(|b| b.iter().map(min_len).sum::<usize>())
            .min()
            .unwrap_or(0),
    }
}

/// How selective a requirement is: its weakest sequence's required length.
fn strength(r: &[OwnedSeq]) -> (usize, isize) {
    let weakest = r
        .iter()
        .map(|s| s.elems.iter().map(min_len).sum::<usize>() + 2 * usize::from(s.anchor.is_none()))
        .min()
        .unwrap_or(0);
    let hits: usize = r
        .iter()
        .filter_map(|s| match s.anchor.map(|a| &s.elems[a]) {
            Some(OwnedElem::Lit(l)) => Some(l.len()),
            _ => None,
        })
        .sum();
    (weakest.min(12), -(hits as isize))
}

fn better(a: Option<Vec<OwnedSeq>>, b: Option<Vec<OwnedSeq>>) -> Option<Vec<OwnedSeq>> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if strength(&b) > strength(&a) { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// A class as a link: small ones become literal sets.
fn class_elem(class: &Class, min: u32, max: u32) -> Option<OwnedElem> {
    let mut set = Set::new();
    let mut n = 0usize;
    let mut small = true;
    match class {
        Class::Unicode(c) => {
            for r in c.ranges() {
                n += r.end() as usize - r.start() as usize + 1;
                if n > CLASS_LIMIT {
                    small = false;
                    break;
                }
                for ch in r.start()..=r.end() {
                    let mut s = Vec::new();
                    push_char(&mut s, ch);
                    set.insert(s);
                }
            }
        }
        Class::Bytes(c) => {
            for r in c.ranges() {
                n += usize::from(r.end() - r.start()) + 1;
                if n > CLASS_LIMIT || !r.end().is_ascii() {
                    small = false;
                    break;
                }
                for b in r.start()..=r.end() {
                    set.insert(vec![b.to_ascii_lowercase()]);
                }
            }
        }
    }
    if small && !set.is_empty() && min == 1 && max == 1 {
        return Some(OwnedElem::Lit(set));
    }
    class_elem_large(class, min, max)
}

fn class_elem_large(class: &Class, min: u32, max: u32) -> Option<OwnedElem> {
    let ranges: Vec<(char, char)> = match class {
        Class::Unicode(c) => c.ranges().iter().map(|r| (r.start(), r.end())).collect(),
        Class::Bytes(c) => {
            if c.ranges().iter().any(|r| !r.end().is_ascii()) {
                return None;
            }
            c.ranges()
                .iter()
                .map(|r| (char::from(r.start()), char::from(r.end())))
                .collect()
        }
    };
    // An empty class never matches; say nothing rather than "matches nothing".
    (!ranges.is_empty()).then_some(OwnedElem::Class { ranges, min, max })
}

/// A filter as Rust source for a `&[Seq]` constant (used by build.rs).
pub fn to_rust(filter: &[OwnedSeq]) -> String {
    let mut out = String::from("&[");
    for s in filter {
        out.push_str("Seq { elems: ");
        chain_to_rust(&s.elems, &mut out);
        let _ = write!(out, ", anchor: {:?} }}, ", s.anchor);
    }
    out.push(']');
    out
}

fn chain_to_rust(chain: &[OwnedElem], out: &mut String) {
    out.push_str("&[");
    for e in chain {
        match e {
            OwnedElem::Lit(set) => {
                out.push_str("Elem::Lit(&[");
                for l in set {
                    let _ = write!(out, "b\"{}\", ", l.escape_ascii());
                }
                out.push_str("]), ");
            }
            OwnedElem::Class { ranges, min, max } => {
                out.push_str("Elem::Class { ranges: &[");
                for (a, b) in ranges {
                    let _ = write!(out, "({a:?}, {b:?}), ");
                }
                let _ = write!(out, "], min: {min}, max: {max} }}, ");
            }
            OwnedElem::Alt(branches) => {
                out.push_str("Elem::Alt(&[");
                for b in branches {
                    chain_to_rust(b, out);
                    out.push_str(", ");
                }
                out.push_str("]), ");
            }
        }
    }
    out.push(']');
}

// ---------------------------------------------------------------------------------
// Checking (run time).

/// Whether `text` lower-cased (ASCII only) has `lit` at `pos`.
fn has_at(text: &[u8], pos: usize, lit: &[u8]) -> bool {
    text.get(pos..pos + lit.len())
        .is_some_and(|w| w.iter().zip(lit).all(|(a, b)| a.to_ascii_lowercase() == *b))
}

fn in_class(ranges: &[(char, char)], c: char) -> bool {
    ranges.iter().any(|&(a, b)| a <= c && c <= b)
}

/// The strings of a sorted literal set that may start with byte `b` (ASCII
/// lower-cased), plus the empty string if the set has it.
fn candidates<'a>(set: &'a [&'a [u8]], b: Option<u8>) -> impl Iterator<Item = &'a [u8]> {
    let empty = set.first().filter(|l| l.is_empty()).copied();
    let range = match b {
        Some(b) => {
            let b = b.to_ascii_lowercase();
            let lo = set.partition_point(|l| l.first().is_none_or(|&f| f < b));
            let hi = set.partition_point(|l| l.first().is_none_or(|&f| f <= b));
            &set[lo..hi.max(lo)]
        }
        None => &[],
    };
    empty.into_iter().chain(range.iter().copied())
}

/// Whether `elems` match forward from `pos` and `then` accepts where they end.
fn forward(
    elems: &[Elem],
    text: &str,
    pos: usize,
    budget: &mut u32,
    then: &mut dyn FnMut(usize, &mut u32) -> bool,
) -> bool {
    if *budget == 0 {
        return true;
    }
    *budget -= 1;
    let Some((first, rest)) = elems.split_first() else {
        return then(pos, budget);
    };
    let bytes = text.as_bytes();
    match first {
        Elem::Lit(set) => candidates(set, bytes.get(pos).copied())
            .any(|l| has_at(bytes, pos, l) && forward(rest, text, pos + l.len(), budget, then)),
        Elem::Class { ranges, min, max } => {
            let Some(tail) = text.get(pos..) else {
                return true;
            };
            let mut n = 0u32;
            if *min == 0 && forward(rest, text, pos, budget, then) {
                return true;
            }
            for (i, c) in tail.char_indices() {
                if n >= *max || !in_class(ranges, c) {
                    break;
                }
                n += 1;
                if n >= *min && forward(rest, text, pos + i + c.len_utf8(), budget, then) {
                    return true;
                }
            }
            false
        }
        Elem::Alt(branches) => branches.iter().any(|b| {
            forward(b, text, pos, budget, &mut |p, budget: &mut u32| {
                forward(rest, text, p, budget, then)
            })
        }),
    }
}

/// Whether `elems` match backward, ending at `pos`, and `then` accepts where they
/// start.
fn backward(
    elems: &[Elem],
    text: &str,
    pos: usize,
    budget: &mut u32,
    then: &mut dyn FnMut(usize, &mut u32) -> bool,
) -> bool {
    if *budget == 0 {
        return true;
    }
    *budget -= 1;
    let Some((last, rest)) = elems.split_last() else {
        return then(pos, budget);
    };
    let bytes = text.as_bytes();
    match last {
        Elem::Lit(set) => set.iter().any(|l| {
            pos >= l.len()
                && has_at(bytes, pos - l.len(), l)
                && backward(rest, text, pos - l.len(), budget, then)
        }),
        Elem::Class { ranges, min, max } => {
            let Some(head) = text.get(..pos) else {
                return true;
            };
            let mut n = 0u32;
            if *min == 0 && backward(rest, text, pos, budget, then) {
                return true;
            }
            for (i, c) in head.char_indices().rev() {
                if n >= *max || !in_class(ranges, c) {
                    break;
                }
                n += 1;
                if n >= *min && backward(rest, text, i, budget, then) {
                    return true;
                }
            }
            false
        }
        Elem::Alt(branches) => branches.iter().any(|b| {
            backward(b, text, pos, budget, &mut |p, budget: &mut u32| {
                backward(rest, text, p, budget, then)
            })
        }),
    }
}

/// The strings of a sequence's anchor that an automaton must look for: those with
/// no other string of the set as a prefix (a hit is then checked from its start).
pub fn anchor_literals<'a>(seq: &Seq<'a>) -> Vec<&'a [u8]> {
    let Some(Elem::Lit(set)) = seq.anchor.map(|a| &seq.elems[a]) else {
        return Vec::new();
    };
    set.iter()
        .copied()
        .filter(|l| !set.iter().any(|p| p.len() < l.len() && l.starts_with(p)))
        .collect()
}

/// Whether sequence `seq` matches around a hit of its anchor starting at `start`.
pub fn check_hit(seq: &Seq, text: &str, start: usize) -> bool {
    let Some(a) = seq.anchor else {
        return true;
    };
    let mut budget = STEP_BUDGET;
    backward(&seq.elems[..a], text, start, &mut budget, &mut |_, _| true)
        && forward(&seq.elems[a..], text, start, &mut budget, &mut |_, _| true)
}

/// Whether line-anchored `seq` matches at the start of `line`, a trimmed line.
pub fn check_line(seq: &Seq, line: &str) -> bool {
    let mut budget = STEP_BUDGET;
    forward(seq.elems, line, 0, &mut budget, &mut |_, _| true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};

    /// Test-only: a filter with `'static` borrows, as build.rs would emit it.
    fn leak(filter: Vec<OwnedSeq>) -> Filter<'static> {
        fn chain(c: &[OwnedElem]) -> &'static [Elem<'static>] {
            let v: Vec<Elem<'static>> = c
                .iter()
                .map(|e| match e {
                    OwnedElem::Lit(set) => {
                        let v: Vec<&'static [u8]> = set
                            .iter()
                            .map(|l| &*Box::leak(l.clone().into_boxed_slice()))
                            .collect();
                        Elem::Lit(Box::leak(v.into_boxed_slice()))
                    }
                    OwnedElem::Class { ranges, min, max } => Elem::Class {
                        ranges: Box::leak(ranges.clone().into_boxed_slice()),
                        min: *min,
                        max: *max,
                    },
                    OwnedElem::Alt(bs) => {
                        let v: Vec<&'static [Elem<'static>]> =
                            bs.iter().map(|b| chain(b)).collect();
                        Elem::Alt(Box::leak(v.into_boxed_slice()))
                    }
                })
                .collect();
            Box::leak(v.into_boxed_slice())
        }
        let v: Vec<Seq<'static>> = filter
            .iter()
            .map(|s| Seq {
                elems: chain(&s.elems),
                anchor: s.anchor,
            })
            .collect();
        Box::leak(v.into_boxed_slice())
    }

    /// What the linter's combined pass decides: may the pattern match `text`?
    fn passes(filter: Filter, text: &str, whole_line: bool) -> bool {
        if FOLDS_TO_ASCII.iter().any(|c| text.contains(c)) {
            return true;
        }
        let lower = text.to_ascii_lowercase();
        filter.iter().any(|seq| match seq.anchor {
            None => whole_line && text.lines().any(|l| check_line(seq, l.trim())),
            Some(_) => anchor_literals(seq).iter().any(|lit| {
                let lit = std::str::from_utf8(lit).unwrap();
                lower
                    .match_indices(lit)
                    .any(|(i, _)| check_hit(seq, text, i))
            }),
        })
    }

    fn filter(pattern: &str, whole_line: bool) -> Option<Filter<'static>> {
        pattern_filter(&regex_source(pattern, whole_line), true, whole_line).map(leak)
    }

    fn matches(pattern: &str, text: &str, whole_line: bool) -> bool {
        let re = regex::RegexBuilder::new(&regex_source(pattern, whole_line))
            .case_insensitive(true)
            .build()
            .unwrap();
        if whole_line {
            text.lines()
                .any(|l| !l.trim().is_empty() && re.is_match(l.trim()))
        } else {
            re.is_match(text)
        }
    }

    #[test]
    fn only_the_listed_characters_fold_to_ascii_letters() {
        let mut found = Vec::new();
        for c in ('a'..='z').chain('A'..='Z') {
            let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
            class.case_fold_simple();
            for r in class.ranges() {
                for ch in r.start()..=r.end() {
                    if !ch.is_ascii() && !found.contains(&ch) {
                        found.push(ch);
                    }
                }
            }
        }
        let listed: Vec<char> = FOLDS_TO_ASCII
            .iter()
            .map(|s| s.chars().next().unwrap())
            .collect();
        assert_eq!(found.len(), listed.len(), "{found:?}");
        assert!(found.iter().all(|c| listed.contains(c)), "{found:?}");
    }

    #[test]
    fn gaps_between_literals_are_checked() {
        let f = filter(r"\b(?:said|noted)\s+(?:him|her)\s+that\b", false).unwrap();
        assert!(passes(f, "He said her  that it rained.", false));
        assert!(passes(f, "He NOTED\nhim that it rained.", false));
        assert!(!passes(f, "He said that her car was red.", false));
        assert!(!passes(f, "Nothing to see here.", false));
    }

    #[test]
    fn line_patterns_are_checked_within_the_line() {
        // No anchor worth a search (two letters, a colon): checked at line starts.
        let f = filter(r"(?:ab|cd)\s*:\s*\S.{2,}", true).unwrap();
        assert!(f.iter().all(|s| s.anchor.is_none()));
        assert!(passes(f, "Body.\nAB: the full story\n", true));
        // Only the next line has text after the colon: no match on either line.
        assert!(!passes(f, "ab:\nthe full story\n", true));
        assert!(!passes(f, "The ab: is mid-line\n", true));
    }

    #[test]
    fn a_regex_that_can_match_empty_text_has_no_filter() {
        assert!(filter(r"(?:ab)*", false).is_none());
        assert!(filter(r"x?", false).is_none());
    }

    #[test]
    fn case_folding_characters_turn_the_filter_off() {
        // `(?i)k` matches the Kelvin sign, which ASCII case folding does not see.
        let f = filter(r"\bsmoke\s+kills\b", false).unwrap();
        assert!(matches(r"\bsmoke\s+kills\b", "smoke \u{212A}ills", false));
        assert!(passes(f, "smoke \u{212A}ills", false));
    }

    /// Small regexes over a tiny alphabet, so that random texts often match.
    fn pattern() -> impl Strategy<Value = String> {
        let atom = prop_oneof![
            Just("a".to_string()),
            Just("b".to_string()),
            Just("ab".to_string()),
            Just("K".to_string()),
            Just(" ".to_string()),
            Just("é".to_string()),
            Just("[ab]".to_string()),
            Just(r"\s".to_string()),
            Just(r"\w".to_string()),
            Just(".".to_string()),
            Just(r"\b".to_string()),
            Just(":".to_string()),
        ];
        atom.prop_recursive(4, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 2..5).prop_map(|v| v.concat()),
                prop::collection::vec(inner.clone(), 2..4)
                    .prop_map(|v| format!("(?:{})", v.join("|"))),
                (inner.clone(), 0u32..3, 0u32..3).prop_map(|(p, a, b)| format!(
                    "(?:{p}){{{},{}}}",
                    a.min(a + b),
                    a + b
                )),
                (inner.clone(), 1u32..3).prop_map(|(p, a)| format!("(?:{p}){{{a},}}")),
                inner.clone().prop_map(|p| format!("(?:{p})?")),
                inner.prop_map(|p| format!("(?:{p})*")),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// The filter never rejects a text the regex matches.
        #[test]
        fn filter_never_rejects_a_match(
            p in pattern(),
            text in "[abAB Ké\u{212A}\u{17F}:\n]{0,24}",
            whole_line in any::<bool>(),
        ) {
            if let Some(f) = filter(&p, whole_line)
                && matches(&p, &text, whole_line)
            {
                prop_assert!(passes(f, &text, whole_line), "{p:?} on {text:?}");
            }
        }
    }
}
