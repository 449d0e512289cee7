use super::context::words;
use super::lexicon::{
    is_ambiguous, is_function_word, is_institution_word, is_month, is_person_noun, is_title,
    lowercase, proper_form, starts_upper, strip_possessive, upper_first,
};
use crate::declare_rule;
use crate::diagnostic::{Applicability, Severity};
use crate::document::{Document, TokenKind};
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

declare_rule! {
    /// ## What it does
    /// Flags a proper noun written in lower case ("denounced by kyiv"): countries,
    /// capitals and major cities, continents, days, months, nationalities and
    /// languages from a built-in gazetteer, plus names the document itself writes
    /// capitalised in mid-sentence elsewhere (reported as info: the evidence is thin).
    /// Two-word names made of ordinary words ("new york", "hong kong", "united
    /// nations") are matched as a pair.
    ///
    /// Gazetteer words that are also ordinary words (china, turkey, chad, march,
    /// may, august, polish, french) need two things: the document capitalises the
    /// word elsewhere, and the context points at the name (a month before a number,
    /// a place after "in", "to", "from", or a capitalised place next to it), and an
    /// infinitive ("to polish the image") is a verb. URLs,
    /// hashtags, handles, hyphenated compounds and all-lower-case lines are skipped.
    ///
    /// ## Why is this bad?
    /// A lower-case name looks like a typo or scraped markup and, for words like
    /// "turkey", can change the meaning.
    ///
    /// ## Example
    /// ```text flag
    /// Referendums were denounced as simulacra by kyiv in four regions.
    /// ```
    /// ```text flag
    /// Turkey reopened its border. Flights from turkey resumed on may 5.
    /// ```
    /// Use instead:
    /// ```text pass
    /// They served turkey and plates of fine china. Prices may rise in march formation.
    /// ```
    /// ```text before
    /// The talks in moscow ended on tuesday.
    /// ```
    /// ```text after
    /// The talks in Moscow ended on Tuesday.
    /// ```
    ///
    /// ## Fix safety
    /// Capitalising an unambiguous gazetteer word is safe; anything else is unsafe.
    pub struct LowercaseProperNoun {
        id: "lowercase-proper-noun",
        category: Translation,
        fix: Always,
        summary: "Proper noun written in lower case",
    }
}

/// Lower-case links inside multi-word names and titles ("Head of State",
/// "Minister for Europe", "Banco de España").
const NAME_LINKS: &[&str] = &[
    "of", "for", "de", "del", "da", "di", "du", "des", "von", "van",
];

const PLACE_PREPS: &[&str] = &[
    "in", "to", "from", "between", "across", "toward", "towards", "into", "via", "visit",
    "visited", "visiting", "and",
];

impl Rule for LowercaseProperNoun {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let ws = words(doc);
        let caps = super::context::document_capitals(doc);
        // Capitalised on their own, not as part of a longer name ("Interior Ministry").
        let mut standalone: HashMap<std::borrow::Cow<str>, usize> = HashMap::default();
        // Title-case headlines capitalise every word ("China Willing to Cooperate"):
        // no evidence that the word is a name. Judged per line on first need.
        let mut title_case: Vec<u8> = Vec::new();
        for (k, w) in ws.iter().enumerate() {
            let s = w.span.text(text);
            if w.starts_unit || !starts_upper(s) {
                continue;
            }
            let cap = |j: Option<&super::context::WordAt>| {
                j.is_some_and(|x| x.sentence == w.sentence && starts_upper(x.span.text(text)))
            };
            if cap(k.checked_sub(1).and_then(|j| ws.get(j))) || cap(ws.get(k + 1)) {
                continue;
            }
            // "Minister of State", "Head of State": the tail of a title, not a
            // name of its own, so "the state news agency" is not contradicted.
            let title_tail = k >= 2
                && ws[k - 1].sentence == w.sentence
                && NAME_LINKS.contains(&ws[k - 1].span.text(text))
                && cap(ws.get(k - 2));
            // "Conference of Presidents", "Bank of England": the head of a longer
            // name, so "a press conference" is not contradicted either.
            let name_head = ws.get(k + 1).is_some_and(|n| {
                n.sentence == w.sentence && NAME_LINKS.contains(&n.span.text(text))
            }) && cap(ws.get(k + 2));
            if title_tail || name_head || on_title_case_line(doc, w.span.start, &mut title_case) {
                continue;
            }
            *standalone
                .entry(lowercase(strip_possessive(s)))
                .or_default() += 1;
        }
        // Lower-case uses per word, counted on first need (rarely needed).
        let lower_count = std::cell::OnceCell::new();
        let lower_count = || {
            lower_count.get_or_init(|| {
                let mut counts: HashMap<&str, usize> = HashMap::default();
                for w in ws.iter() {
                    let s = w.span.text(text);
                    if !s.chars().any(char::is_uppercase) {
                        *counts.entry(strip_possessive(s)).or_default() += 1;
                    }
                }
                counts
            })
        };
        let toks = doc.tokens();
        for (ti, t) in toks.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let w = t.span.text(text);
            if w.chars().any(|c| c.is_uppercase() || c.is_ascii_digit()) || w.contains('-') {
                continue;
            }
            let base = strip_possessive(w);
            if (is_function_word(base) && base != "may") || base.chars().count() < 3 {
                continue;
            }
            // Table lookups first: most words are in no table, and the checks below
            // look around the word.
            let next_word = toks.get(ti + 1).filter(|n| {
                n.kind == TokenKind::Word && text.get(t.span.end..n.span.start) == Some(" ")
            });
            let gazetteer = gazetteer_form(base);
            let candidate = gazetteer.is_some()
                || standalone.get(base).is_some_and(|&n| n >= 2)
                || next_word.is_some_and(|n| {
                    two_word_place(base, strip_possessive(n.span.text(text))).is_some()
                });
            if !candidate || in_link(text, t.span) {
                continue;
            }
            let line = doc.lines()[doc.line_index(t.span.start)].span;
            if !line.text(text).chars().any(char::is_uppercase) {
                continue;
            }
            let word_at = |k: isize| -> Option<&str> {
                let j = ti as isize + k;
                (j >= 0)
                    .then(|| toks.get(j as usize))
                    .flatten()
                    .filter(|t| t.kind != TokenKind::Punct || k != 1)
                    .map(|t| t.span.text(text))
            };
            let fixed = upper_first(w);
            if let Some(next) = next_word {
                let second = strip_possessive(next.span.text(text));
                if let Some(proper) = two_word_place(base, second)
                    && proper_form(second).is_none()
                {
                    let span = Span::new(t.span.start, t.span.end + 1 + second.len());
                    out.emit(span, format!("proper noun `{base} {second}` in lower case"))
                        .replace(
                            format!("write `{proper}`"),
                            span,
                            proper,
                            Applicability::Safe,
                        );
                    continue;
                }
            }
            match gazetteer {
                Some(_) if !is_ambiguous(base) => {
                    out.emit(t.span, format!("proper noun `{w}` in lower case"))
                        .replace(
                            format!("write `{fixed}`"),
                            t.span,
                            fixed,
                            Applicability::Safe,
                        );
                }
                Some(proper) => {
                    let evidence = caps.contains_key(base);
                    let next = toks.get(ti + 1);
                    let cue = if is_month(proper) {
                        let after = toks.get(ti + 2).map(|a| a.span.text(text));
                        next.is_some_and(|n| {
                            n.kind == TokenKind::Number
                                && n.span.len() <= 4
                                && text[t.span.end..n.span.start] == *" "
                        }) && !after
                            .is_some_and(|a| a.chars().next().is_some_and(char::is_lowercase))
                    } else {
                        // "to polish the image", "to march on": an infinitive.
                        let infinitive = word_at(-1) == Some("to")
                            && word_at(1).is_some_and(|n| {
                                matches!(
                                    n,
                                    "the"
                                        | "a"
                                        | "an"
                                        | "its"
                                        | "their"
                                        | "his"
                                        | "her"
                                        | "our"
                                        | "this"
                                        | "that"
                                        | "up"
                                        | "on"
                                        | "off"
                                        | "away"
                                )
                            });
                        evidence
                            && !infinitive
                            && (word_at(-1).is_some_and(|p| PLACE_PREPS.contains(&p))
                                || [word_at(-2), word_at(2), word_at(-1), word_at(1)]
                                    .into_iter()
                                    .flatten()
                                    .any(|n| {
                                        starts_upper(n) && proper_form(&lowercase(n)).is_some()
                                    }))
                    };
                    if cue {
                        out.emit(t.span, format!("proper noun `{w}` in lower case"))
                            .replace(
                                format!("write `{fixed}`"),
                                t.span,
                                fixed,
                                Applicability::Unsafe,
                            );
                    }
                }
                None => {
                    let seen = standalone.get(base).copied().unwrap_or(0);
                    // Titles and person nouns ("the Minister said", "the sector
                    // minister") vary by house style, not by mistake.
                    if seen >= 2
                        && !is_institution_word(base)
                        && !is_title(&fixed)
                        && !is_person_noun(base)
                        && lower_count().get(base) == Some(&1)
                        && base.chars().count() >= 5
                    {
                        out.emit(
                            t.span,
                            format!("`{w}` is capitalised elsewhere in the story ({seen} times)"),
                        )
                        .severity(Severity::Info)
                        .replace(
                            format!("write `{fixed}`"),
                            t.span,
                            fixed,
                            Applicability::Unsafe,
                        );
                    }
                }
            }
        }
    }
}

/// The gazetteer spelling of a word, or of the singular of a plural demonym in -an
/// ("americans", "ukrainians"). Other plurals are left out: "poles", "swedes".
fn gazetteer_form(lower: &str) -> Option<&'static str> {
    proper_form(lower).or_else(|| {
        lower
            .strip_suffix('s')
            // afghans are blankets and persians cats, in lower case too.
            .filter(|s| {
                s.ends_with("an") && !is_ambiguous(s) && !matches!(*s, "afghan" | "persian")
            })
            .and_then(proper_form)
    })
}

/// Whether the line at `offset` has its longer words mostly capitalised: a title-case
/// headline. (Unlike `headline_lines`, a short line without a full stop does not
/// count, so hard-wrapped copy keeps its evidence.) `cache` holds 0 = not yet
/// judged, 1 = no, 2 = yes per line.
fn on_title_case_line(doc: &Document, offset: usize, cache: &mut Vec<u8>) -> bool {
    let lines = doc.lines();
    if cache.is_empty() {
        cache.resize(lines.len(), 0);
    }
    let i = doc.line_index(offset);
    if cache[i] == 0 {
        let (mut long, mut caps) = (0, 0);
        for (_, w) in doc.words_in(lines[i].span) {
            if w.chars().nth(3).is_some() {
                long += 1;
                caps += usize::from(starts_upper(w));
            }
        }
        cache[i] = if long >= 3 && caps * 10 >= long * 7 {
            2
        } else {
            1
        };
    }
    cache[i] == 2
}

/// Two-word place and institution names whose words are ordinary words on their
/// own ("new", "york"), in the form they are written.
const TWO_WORD_PLACES: &[&str] = &[
    "New York",
    "New Delhi",
    "New Zealand",
    "New Orleans",
    "New Jersey",
    "New Mexico",
    "Hong Kong",
    "Buenos Aires",
    "Los Angeles",
    "Las Vegas",
    "San Francisco",
    "San Diego",
    "Sao Paulo",
    "São Paulo",
    "Tel Aviv",
    "Abu Dhabi",
    "Kuala Lumpur",
    "Sri Lanka",
    "El Salvador",
    "Costa Rica",
    "Puerto Rico",
    "North Korea",
    "South Korea",
    "Saudi Arabia",
    "South Sudan",
    "United States",
    "United Kingdom",
    "United Nations",
    "European Union",
    "Cape Town",
    "Addis Ababa",
    "Phnom Penh",
];

fn two_word_place(first: &str, second: &str) -> Option<&'static str> {
    // The first words of the names, lower case: a cheap gate before building the key.
    static FIRST_WORDS: std::sync::LazyLock<HashSet<String>> = std::sync::LazyLock::new(|| {
        TWO_WORD_PLACES
            .iter()
            .filter_map(|p| p.split(' ').next())
            .map(str::to_lowercase)
            .collect()
    });
    static MAP: std::sync::LazyLock<HashMap<String, &'static str>> =
        std::sync::LazyLock::new(|| {
            TWO_WORD_PLACES
                .iter()
                .map(|p| (p.to_lowercase(), *p))
                .collect()
        });
    if first.len() + second.len() > 20 || !FIRST_WORDS.contains(first) {
        return None;
    }
    MAP.get(&format!("{first} {second}")).copied()
}

/// Whether the token sits in a URL, e-mail address, hashtag, handle or file name.
fn in_link(text: &str, span: Span) -> bool {
    // Look at most 200 bytes either way: a link is never longer in practice, and
    // the bound keeps the rule linear on text without spaces.
    let mut lo = span.start.saturating_sub(200);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (span.end + 200).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let start = text[lo..span.start]
        .char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map(|(i, c)| lo + i + c.len_utf8())
        .unwrap_or(lo);
    let end = text[span.end..hi]
        .find(char::is_whitespace)
        .map(|i| span.end + i)
        .unwrap_or(hi);
    let chunk = &text[start..end];
    let inner = chunk.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '”', '"', '’']);
    inner.contains(['/', '@', '#', '_', '=', '\\'])
        || inner.trim_start_matches(['(', '“', '"']).contains('.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn gazetteer_words() {
        assert_flags(
            "Denounced by kyiv and moscow.",
            &LowercaseProperNoun,
            &["kyiv", "moscow"],
        );
        assert_fix_result(
            "It ended on tuesday’s vote.",
            &LowercaseProperNoun,
            "It ended on Tuesday’s vote.",
        );
    }

    #[test]
    fn head_of_a_longer_name_is_no_evidence() {
        assert_no_lints(
            "At a press conference in Madrid, he spoke. Aragonès missed the Conference of \
             Presidents. The Conference of Presidents meets twice a year.",
            &LowercaseProperNoun,
        );
    }

    #[test]
    fn two_word_places() {
        assert_flags(
            "In new york, the spokesman said the Council would meet.",
            &LowercaseProperNoun,
            &["new york"],
        );
        assert_fix_result(
            "Talks in hong kong and tel aviv ended.",
            &LowercaseProperNoun,
            "Talks in Hong Kong and Tel Aviv ended.",
        );
        assert_no_lints(
            "A new yorker cartoon. The united front held. See nytimes.com/new york.",
            &LowercaseProperNoun,
        );
    }

    #[test]
    fn ambiguous_words_need_evidence() {
        assert_no_lints(
            "They ate turkey in china bowls. Prices may rise.",
            &LowercaseProperNoun,
        );
        assert_flags(
            "Officials in Turkey agreed. Flights from turkey resumed on may 5.",
            &LowercaseProperNoun,
            &["turkey", "may"],
        );
        assert_no_lints(
            "They march 5 miles in march formation.",
            &LowercaseProperNoun,
        );
        assert_no_lints(
            "Many Polish farmers protested. Officials tried to polish the sector's image.",
            &LowercaseProperNoun,
        );
        assert_flags(
            "Many Polish farmers protested. Exports to polish markets rose.",
            &LowercaseProperNoun,
            &["polish"],
        );
    }

    #[test]
    fn links_and_lowercase_lines_are_skipped() {
        assert_no_lints(
            "See https://example.com/kyiv and #kyiv or @moscow. File kyiv.txt",
            &LowercaseProperNoun,
        );
        assert_no_lints(
            "moscow-will-not-seek-extradition\nthe kyiv slug",
            &LowercaseProperNoun,
        );
        assert_no_lints("A pro-russian group met.", &LowercaseProperNoun);
    }

    #[test]
    fn document_evidence_is_info() {
        let d = lint_with(
            "Akhmetjanov spoke. Officials met Akhmetjanov and later Akhmetjanov again; akhmetjanov left.",
            &LowercaseProperNoun,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, Severity::Info);
    }

    #[test]
    fn plural_demonyms() {
        assert_fix_result(
            "It would cut americans' costs, and ukrainians agreed.",
            &LowercaseProperNoun,
            "It would cut Americans' costs, and Ukrainians agreed.",
        );
        assert_no_lints(
            "Crews replaced the telegraph poles and folded the afghans.",
            &LowercaseProperNoun,
        );
    }

    #[test]
    fn titles_are_house_style() {
        assert_no_lints(
            "Then the Minister spoke. Later the Minister left. The sector minister stayed.",
            &LowercaseProperNoun,
        );
    }

    #[test]
    fn headline_capitals_are_not_evidence() {
        assert_no_lints(
            "Xi: China Willing to Cooperate with US\n\nXi: China Willing to Cooperate with US\n\n\
             Xi said China was willing to cooperate with the United States.",
            &LowercaseProperNoun,
        );
    }

    #[test]
    fn title_tails_are_not_standalone_names() {
        // "State" only closes titles here, so the common noun is fine.
        assert_no_lints(
            "The Head of State spoke. The Minister of State for Trade agreed. \
             He said the state news agency had erred.",
            &LowercaseProperNoun,
        );
        // A name capitalised on its own still counts.
        assert_lint_count(
            "Officials met Akhmetjanov. They saw Akhmetjanov again; akhmetjanov left.",
            &LowercaseProperNoun,
            1,
        );
    }
}
