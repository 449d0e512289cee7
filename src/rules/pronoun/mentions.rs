//! A light mention finder for the pronoun rules: named people, person nouns,
//! institutions and third-person singular pronouns, in document order. It does no
//! parsing; the rules that use it stay silent whenever the picture is ambiguous.

use crate::document::{Document, TokenKind};
use crate::rules::translation::context::{document_capitals, inside, quote_spans, words};
use crate::rules::translation::lexicon::{
    is_all_caps, is_function_word, is_institution_head, is_institution_word, is_person_noun,
    is_place_or_date, is_title, lowercase, starts_upper, strip_possessive,
};
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A capitalised name that is not a place, date or institution.
    Person,
    /// A singular noun that denotes a person ("the man", "his wife").
    PersonNoun,
    /// An organisation: "the Russian Defense Ministry", "the ministry".
    Institution,
    /// he, him, his, himself
    He,
    /// she, her, hers, herself
    She,
}

#[derive(Clone, Debug)]
pub struct Mention {
    pub span: Span,
    pub kind: Kind,
    /// For people: the lower-cased last word of the name ("tokayev"); for a bare
    /// surname later in the story, the same key.
    pub key: String,
    pub sentence: usize,
    pub paragraph: usize,
    pub quoted: bool,
    /// A person noun right next to a name ("spokesman Maximilian Kall",
    /// "Soudakov, a 32-year-old executive"): the same person, not a new one.
    pub apposition: bool,
}

const NAME_PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "bin", "al", "da", "dos", "du", "le", "la", "di", "ibn", "el",
];

pub fn find(doc: &Document) -> std::sync::Arc<Vec<Mention>> {
    struct Key;
    doc.memo::<Key, _>(|| compute(doc))
}

fn compute(doc: &Document) -> Vec<Mention> {
    let text = doc.text();
    let quotes = quote_spans(doc);
    let ws = words(doc);
    let caps = document_capitals(doc);
    let mut starts_unit = rustc_hash::FxHashSet::default();
    for w in ws.iter() {
        if w.starts_unit {
            starts_unit.insert(w.span.start);
        }
    }
    let mut out: Vec<Mention> = Vec::new();
    for (si, s) in doc.sentences().iter().enumerate() {
        let toks = doc.tokens_in(s.span);
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            if t.kind != TokenKind::Word {
                i += 1;
                continue;
            }
            let w = t.span.text(text);
            let lower = lowercase(w);
            let push = |out: &mut Vec<Mention>, span: Span, kind: Kind, key: String| {
                out.push(Mention {
                    span,
                    kind,
                    key,
                    sentence: si,
                    paragraph: s.paragraph,
                    quoted: inside(&quotes, span.start),
                    apposition: false,
                });
            };
            match &*lower {
                "he" | "him" | "his" | "himself" => {
                    push(&mut out, t.span, Kind::He, String::new());
                    i += 1;
                    continue;
                }
                "she" | "her" | "hers" | "herself" => {
                    push(&mut out, t.span, Kind::She, String::new());
                    i += 1;
                    continue;
                }
                _ => {}
            }
            if starts_upper(w) && !is_all_caps(w) {
                // Gather the capitalised run, with name particles and "Mr." dots.
                let mut j = i;
                let mut run: Vec<Span> = Vec::new();
                while j < toks.len() {
                    let tj = toks[j];
                    let sj = tj.span.text(text);
                    let same_line = run
                        .last()
                        .is_none_or(|l| !text[l.end..tj.span.start].contains('\n'));
                    if !same_line {
                        break;
                    }
                    if tj.kind == TokenKind::Word && starts_upper(sj) && !is_all_caps(sj) {
                        run.push(tj.span);
                        j += 1;
                    } else if let Some(k) = institution_of(toks, j, &run, text) {
                        // "Ministry of Energy", "Central Bank of the Republic of
                        // Turkey": one institution, not a ministry and a person.
                        j = k;
                    } else if (tj.kind == TokenKind::Punct
                        && sj == "."
                        && run.last().is_some_and(|l| is_title(l.text(text))))
                        || (tj.kind == TokenKind::Word
                            && NAME_PARTICLES.contains(&sj)
                            && !run.is_empty()
                            && toks
                                .get(j + 1)
                                .is_some_and(|n| starts_upper(n.span.text(text))))
                    {
                        j += 1;
                    } else {
                        break;
                    }
                }
                let j = j.max(i + 1);
                classify_run(doc, &run, &starts_unit, &caps, &mut |span, kind, key| {
                    push(&mut out, span, kind, key)
                });
                i = j;
                continue;
            }
            if let Some(from) = acronym_institution(toks, i, text) {
                push(
                    &mut out,
                    Span::new(from, t.span.end),
                    Kind::Institution,
                    String::new(),
                );
                i += 1;
                continue;
            }
            // "her ex-husband", "his stepmother": the kinship noun inside.
            let kin = super::gender::kin_base(&lower) != &*lower
                && is_person_noun(super::gender::kin_base(&lower));
            if (is_person_noun(&lower) || kin) && person_noun_here(toks, i, text) {
                // "the 23-year-old" right after a quotation or opening a sentence
                // picks up the person just quoted.
                if lower.ends_with("-year-old") {
                    let prev: Vec<&str> = toks[..i]
                        .iter()
                        .rev()
                        .take(3)
                        .map(|t| t.span.text(text))
                        .collect();
                    let after_quote = prev.first().is_some_and(|p| p.eq_ignore_ascii_case("the"))
                        && (prev
                            .get(1)
                            .is_some_and(|p| matches!(*p, "”" | "\"" | "," | "»"))
                            || i == 1);
                    let next = toks.get(i + 1).map(|t| t.span.text(text));
                    let is_noun_mod = next.is_some_and(|n| is_person_noun(&lowercase(n)));
                    if after_quote || is_noun_mod {
                        i += 1;
                        continue;
                    }
                }
                push(&mut out, t.span, Kind::PersonNoun, String::new());
                i += 1;
                continue;
            }
            if is_institution_head(&lower) {
                let determined = toks[..i]
                    .iter()
                    .rev()
                    .filter(|t| t.kind == TokenKind::Word)
                    .take(3)
                    .map(|t| t.span.text(text))
                    .take_while(|p| !starts_upper(p) || *p == "The")
                    .any(|p| matches!(&*lowercase(p), "the" | "its" | "this"));
                if determined {
                    push(&mut out, t.span, Kind::Institution, String::new());
                }
            }
            i += 1;
        }
    }
    mark_appositions(&mut out, text);
    resolve_surnames(&mut out);
    out
}

/// An acronym after "the", directly or after one capitalised word ("the CDC",
/// "The Africa CDC"), names an organisation: returns where its name starts.
fn acronym_institution(toks: &[crate::document::Token], i: usize, text: &str) -> Option<usize> {
    let w = toks[i].span.text(text);
    if !(2..=5).contains(&w.len()) || !w.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    // "the CEO", "the PM", "the MP": people.
    let lower = w.to_ascii_lowercase();
    if is_person_noun(&lower)
        || matches!(
            lower.as_str(),
            "pm" | "mp" | "mps" | "mep" | "ceo" | "cfo" | "coo" | "cto" | "dj" | "gp" | "vp" | "md"
        )
    {
        return None;
    }
    let word = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.span.text(text))
    };
    let the = |k: usize| word(k).is_some_and(|p| p.eq_ignore_ascii_case("the"));
    let p1 = i.checked_sub(1)?;
    if the(p1) {
        return Some(toks[i].span.start);
    }
    let p2 = p1.checked_sub(1)?;
    let cap = word(p1).is_some_and(|p| starts_upper(p) && !is_all_caps(p));
    (cap && the(p2)).then(|| toks[p1].span.start)
}

/// After a capitalised run holding an institution head ("Ministry", "Bank"), a
/// connector ("of", "for", "on", optionally followed by "the") and a capitalised
/// word continue the name: returns the index of that word.
fn institution_of(
    toks: &[crate::document::Token],
    j: usize,
    run: &[Span],
    text: &str,
) -> Option<usize> {
    let w = toks.get(j)?;
    let ws = w.span.text(text);
    // "Ministry of Culture and Sports", "Centers for Disease Control and
    // Prevention": "and" goes on only inside the of/for part of the name.
    let and = matches!(ws, "and" | "&")
        && run.first().is_some_and(|f| {
            text.get(f.start..w.span.start)
                .is_some_and(|r| r.contains(" of ") || r.contains(" for "))
        });
    if w.kind != TokenKind::Word || !(and || matches!(ws, "of" | "for" | "on" | "against")) {
        return None;
    }
    if !run
        .iter()
        .any(|r| is_head(&lowercase(strip_possessive(r.text(text)))))
    {
        return None;
    }
    let mut k = j + 1;
    if toks.get(k).is_some_and(|t| t.span.text(text) == "the") {
        k += 1;
    }
    let n = toks.get(k)?;
    let ns = n.span.text(text);
    let same_line = !text.get(w.span.start..n.span.start)?.contains('\n');
    if and && (is_title(ns) || super::gender::of_given_name(ns).is_some()) {
        return None;
    }
    (n.kind == TokenKind::Word && same_line && starts_upper(ns) && !is_all_caps(ns)).then_some(k)
}

/// An institution head, or a word that heads one only in a capitalised name
/// ("Kennedy Center", "Africa Centres for Disease Control"); lower-case "the
/// center" may be a player.
fn is_head(lower: &str) -> bool {
    is_institution_head(lower) || matches!(lower, "centre" | "center" | "centres" | "centers")
}

/// A one-word name that is the surname of exactly one full name seen before takes
/// that name's key; the surname of several ("Jane Smith", "John Smith") is marked
/// ambiguous with a leading `?`. A one-word name that is no one's surname but the
/// given name of full names seen before resolves the same way.
fn resolve_surnames(out: &mut [Mention]) {
    let mut full: rustc_hash::FxHashMap<String, Vec<String>> = Default::default();
    let mut given: rustc_hash::FxHashMap<String, Vec<String>> = Default::default();
    for m in out.iter_mut() {
        if m.kind != Kind::Person {
            continue;
        }
        match m.key.rsplit_once(' ') {
            Some((_, last)) => {
                let v = full.entry(last.to_string()).or_default();
                if !v.contains(&m.key) {
                    v.push(m.key.clone());
                }
                let first = m.key.split(' ').next().unwrap_or("").to_string();
                let g = given.entry(first).or_default();
                if !g.contains(&m.key) {
                    g.push(m.key.clone());
                }
            }
            None => {
                if let Some(v) = full.get(&m.key) {
                    m.key = if v.len() == 1 {
                        v[0].clone()
                    } else {
                        format!("?{}", m.key)
                    };
                } else if let Some(v) = given.get(&m.key) {
                    // "Farzana Begum" … "Farzana": a feature's first-name mention.
                    m.key = if v.len() == 1 {
                        v[0].clone()
                    } else {
                        format!("?{}", m.key)
                    };
                }
            }
        }
    }
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "this", "that", "our", "my", "your", "one",
    "another", "every", "each", "no", "whose",
];

/// Nouns that double as adjectives or verbs ("official list", "to recruit") count
/// only after a determiner and before a verb, a function word or punctuation.
fn person_noun_here(toks: &[crate::document::Token], i: usize, text: &str) -> bool {
    let prev: Vec<String> = toks[..i]
        .iter()
        .rev()
        .take(2)
        .map(|t| t.span.text(text).to_lowercase())
        .collect();
    let determined = prev
        .iter()
        .any(|p| DETERMINERS.contains(&p.as_str()) || p.ends_with("’s") || p.ends_with("'s"));
    if !determined {
        return false;
    }
    match toks.get(i + 1) {
        Some(n) if n.kind == TokenKind::Word => {
            let nl = n.span.text(text).to_lowercase();
            !starts_upper(n.span.text(text))
                && (is_function_word(&nl)
                    || crate::rules::translation::lexicon::is_reporting_verb(&nl)
                    || nl.ends_with("ed")
                    || nl.ends_with('s'))
                || starts_upper(n.span.text(text))
        }
        _ => true,
    }
}

fn classify_run(
    doc: &Document,
    run: &[Span],
    starts_unit: &rustc_hash::FxHashSet<usize>,
    caps: &rustc_hash::FxHashMap<String, usize>,
    emit: &mut dyn FnMut(Span, Kind, String),
) {
    let text = doc.text();
    let base = |w: &Span| {
        let s = w.text(text);
        lowercase(s.split(['’', '\'']).next().unwrap_or(""))
    };
    let skip = run
        .iter()
        .take_while(|w| is_function_word(&base(w)))
        .count();
    let ws = &run[skip..];
    if ws.is_empty() {
        return;
    }
    let whole = Span::new(ws[0].start, ws[ws.len() - 1].end);
    let lowers: Vec<std::borrow::Cow<str>> = ws
        .iter()
        .map(|w| lowercase(strip_possessive(w.text(text))))
        .collect();
    let white_house = lowers
        .windows(2)
        .any(|p| p[0] == "white" && p[1] == "house");
    // "European Council President Charles Michel": an office of the institution,
    // then a person.
    let head = lowers.iter().position(|l| is_head(l));
    if let Some(h) = head {
        let title = (h + 1..ws.len()).find(|&t| {
            is_title(ws[t].text(text))
                && ws[t + 1..]
                    .iter()
                    .any(|w| !is_title(w.text(text)) && !is_institution_word(w.text(text)))
        });
        if let Some(t) = title {
            emit(
                Span::new(ws[0].start, ws[t - 1].end),
                Kind::Institution,
                String::new(),
            );
            classify_run(doc, &ws[t..], starts_unit, caps, emit);
            return;
        }
    }
    if white_house || head.is_some() {
        emit(whole, Kind::Institution, String::new());
        return;
    }
    // Drop titles, nationalities and office words in front of a name.
    let mut k = 0;
    while k < ws.len() {
        let w = ws[k].text(text);
        if is_title(w) || is_place_or_date(w) || is_institution_word(w) {
            k += 1;
        } else {
            break;
        }
    }
    let mut e = ws.len();
    while e > k && is_place_or_date(ws[e - 1].text(text)) {
        e -= 1;
    }
    let name = &ws[k..e];
    if name.is_empty() {
        return;
    }
    let last = name[name.len() - 1].text(text);
    if is_institution_word(last) || name.iter().all(|w| is_place_or_date(w.text(text))) {
        return;
    }
    // One capitalised word opening a sentence is a name only if the document
    // capitalises it elsewhere too.
    if name.len() == 1 && starts_unit.contains(&name[0].start) {
        let l = strip_possessive(last).to_lowercase();
        if !caps.contains_key(&l) {
            return;
        }
    }
    // "at Kazbegi post", "in Samara": one word after a preposition of place.
    if name.len() == 1 && k == 0 && !last.contains(['’', '\'']) {
        let before = text[..name[0].start].trim_end();
        let mut back = before.rsplit(|c: char| !c.is_alphabetic());
        let prev = back.next().unwrap_or("");
        // "the village of Sarai", "the city of Kharkiv": a place.
        if prev == "of" && back.next().is_some_and(is_settlement) {
            return;
        }
        if matches!(
            prev,
            "at" | "in"
                | "into"
                | "near"
                | "via"
                | "across"
                | "toward"
                | "towards"
                | "outside"
                | "inside"
                | "through"
                | "around"
        ) {
            return;
        }
    }
    let span = Span::new(name[0].start, name[name.len() - 1].end);
    let key = name
        .iter()
        .map(|w| strip_possessive(w.text(text)).to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    emit(span, Kind::Person, key);
}

fn is_settlement(word: &str) -> bool {
    matches!(
        word,
        "village"
            | "town"
            | "city"
            | "region"
            | "province"
            | "district"
            | "county"
            | "island"
            | "port"
            | "settlement"
            | "municipality"
            | "oblast"
    )
}

/// Person nouns within a few words of a name, in the same sentence, describe it.
fn mark_appositions(out: &mut [Mention], text: &str) {
    for i in 0..out.len() {
        if out[i].kind != Kind::PersonNoun {
            continue;
        }
        let near = |j: usize| {
            let m = &out[j];
            m.kind == Kind::Person && m.sentence == out[i].sentence && {
                let (a, b) = if m.span.start < out[i].span.start {
                    (m.span.end, out[i].span.start)
                } else {
                    (out[i].span.end, m.span.start)
                };
                let gap = text.get(a..b).unwrap_or("");
                gap.split_whitespace().count() <= 4 && !gap.contains(['.', ';'])
            }
        };
        let lo = i.saturating_sub(3);
        let hi = (i + 4).min(out.len());
        if (lo..hi).any(|j| j != i && near(j)) {
            out[i].apposition = true;
        }
    }
}

/// How far back (in mentions) a rule may look for an antecedent: keeps the work per
/// pronoun bounded on very long paragraphs.
pub const MAX_LOOKBACK: usize = 200;

/// Index of the first mention at or after `offset`, no further back than
/// `MAX_LOOKBACK` mentions before `i`.
pub fn window_start(ms: &[Mention], i: usize, offset: usize) -> usize {
    let floor = i.saturating_sub(MAX_LOOKBACK);
    floor + ms[floor..i].partition_point(|m| m.span.start < offset)
}

/// First byte of paragraph `p - back` (or of the document).
pub fn paragraph_start(doc: &Document, p: usize, back: usize) -> usize {
    let paras = doc.paragraphs();
    paras
        .get(p.saturating_sub(back))
        .map(|x| x.span.start)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, Kind)> {
        let d = Document::new(text);
        find(&d)
            .iter()
            .filter(|m| !m.apposition)
            .map(|m| (d.slice(m.span).to_string(), m.kind))
            .collect()
    }

    #[test]
    fn finds_people_institutions_pronouns() {
        let k = kinds(
            "Kazakh President Kassym-Jomart Tokayev said the Russian Defense Ministry lied. He left.",
        );
        assert_eq!(
            k,
            [
                ("Kassym-Jomart Tokayev".to_string(), Kind::Person),
                ("Russian Defense Ministry".to_string(), Kind::Institution),
                ("He".to_string(), Kind::He),
            ]
        );
    }

    #[test]
    fn acronyms_after_the_are_institutions() {
        assert!(
            kinds("The CEO resigned. The PM agreed.")
                .iter()
                .all(|(_, k)| *k != Kind::Institution)
        );
        let k = kinds("The Africa CDC said it would act. The WHO agreed. Mr. NG left.");
        assert!(k.contains(&("Africa CDC".to_string(), Kind::Institution)));
        assert!(k.contains(&("WHO".to_string(), Kind::Institution)));
        assert!(!k.iter().any(|(s, _)| s == "NG"));
    }

    #[test]
    fn given_name_alone_is_the_same_person() {
        let d =
            Document::new("The teacher Farzana Begum lost her house. Later, Farzana rebuilt it.");
        let keys: Vec<String> = find(&d).iter().map(|m| m.key.clone()).collect();
        assert_eq!(keys.iter().filter(|k| *k == "farzana begum").count(), 2);
        let d = Document::new("Anna Petrova and Anna Smirnova met. Later, Anna left.");
        assert!(find(&d).iter().any(|m| m.key == "?anna"));
    }

    #[test]
    fn institution_names_with_and() {
        let k = kinds(
            "Cases rose, according to the Africa Centres for Disease Control and Prevention \
             (Africa CDC) and the Ministry of Culture and Sports.",
        );
        assert!(k.iter().all(|(_, k)| *k == Kind::Institution), "{k:?}");
        let k = kinds("The National Institute against Discrimination closed.");
        assert_eq!(k.len(), 1, "{k:?}");
        let k = kinds("The Ministry of Defence and John Smith disagreed.");
        assert!(
            k.contains(&("John Smith".to_string(), Kind::Person)),
            "{k:?}"
        );
    }

    #[test]
    fn kinship_compounds_are_person_nouns() {
        let k = kinds("She said her ex-husband chased her out of his house.");
        assert!(k.contains(&("ex-husband".to_string(), Kind::PersonNoun)));
        assert!(
            kinds("She sang at the ex-factory.")
                .iter()
                .all(|(_, k)| *k != Kind::PersonNoun)
        );
    }

    #[test]
    fn places_and_sentence_starts_are_not_people() {
        assert!(kinds("Floods swept the village of Sarai and the city of Multan.").is_empty());
        assert!(kinds("Lawmakers met in Georgia on Tuesday. Russians fled.").is_empty());
        let k = kinds("Nikita fled. Later Nikita told AFP he left.");
        assert_eq!(k.iter().filter(|(_, k)| *k == Kind::Person).count(), 2);
    }
}
