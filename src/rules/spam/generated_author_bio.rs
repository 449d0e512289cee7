use crate::declare_rule;
use crate::diagnostic::{Applicability, Suggestion};
use crate::document::{Document, is_blank};
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::rules::boilerplate::lexicon::{delete_lines, snippet};
use crate::span::Span;
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it does
    /// Flags an author "bio" made by a bio generator: three or more short, verbless,
    /// capitalised fragments, each ending in a full stop, built around persona nouns —
    /// "Beer buff. Devoted pop culture scholar. Coffee ninja. Evil zombie fan.
    /// Organizer." The shape is what is detected: a hobby or subject plus a persona
    /// noun ("Music maven", "Twitter trailblazer"), stacked adjectives ("Lifelong web
    /// nerd", "Hardcore problem solver"), single persona words ("Introvert."), with
    /// the odd stock phrase in between ("Falls down a lot.").
    ///
    /// ## Why is this bad?
    /// Content farms paste these generated bios under copied articles by the thousand.
    /// They say nothing about any author and mark the page as spam.
    ///
    /// Sentences are not fragments: a real bio ("Jane Doe is a reporter covering energy
    /// for the paper."), a credit line, a list of names or a headline has verbs,
    /// capitalised names or no full stops, and is left alone. A list of job titles
    /// ("Writer. Editor. Teacher.") needs at least one compound persona to count.
    ///
    /// ## Example
    /// ```text flag
    /// “Beer buff. Devoted pop culture scholar. Coffee ninja. Evil zombie fan. Organizer.”
    /// ```
    /// ```text flag
    /// Music maven. Twitter trailblazer. Lifelong web nerd. Hardcore problem solver.
    /// ```
    /// Use instead:
    /// ```text pass
    /// Jane Doe is a reporter covering energy for the paper.
    /// ```
    /// ```text pass
    /// Frank Jordans. Vanessa Gera. Jan Olsen. Zeynep Bilginsoy.
    /// ```
    /// ```text before
    /// Times of Israel staff contributed to this report.
    /// Coffee ninja. Avid reader. Typical web evangelist. Food fanatic.
    /// ```
    /// ```text after
    /// Times of Israel staff contributed to this report.
    /// ```
    ///
    /// ## Fix safety
    /// Deleting the line is safe when the bio is the whole line; when other text shares
    /// the line, only the bio is removed, and that is unsafe.
    pub struct GeneratedAuthorBio {
        id: "generated-author-bio",
        category: Spam,
        fix: Always,
        summary: "Generated author bio: a string of persona fragments",
    }
}

/// Persona nouns of the generator family: the head of a fragment like "Coffee ninja".
const PERSONAS: &[&str] = &[
    "buff",
    "ninja",
    "scholar",
    "fan",
    "fanatic",
    "enthusiast",
    "junkie",
    "nerd",
    "geek",
    "guru",
    "maven",
    "evangelist",
    "advocate",
    "expert",
    "specialist",
    "aficionado",
    "afficionado",
    "lover",
    "fiend",
    "addict",
    "practitioner",
    "trailblazer",
    "pioneer",
    "ambassador",
    "connoisseur",
    "devotee",
    "explorer",
    "thinker",
    "creator",
    "communicator",
    "introvert",
    "extrovert",
    "ambivert",
    "troublemaker",
    "solver",
    "student",
    "reader",
    "gamer",
    "writer",
    "organizer",
    "organiser",
    "analyst",
    "entrepreneur",
    "nut",
    "snob",
    "wizard",
    "whisperer",
    "hacker",
    "tinkerer",
    "dreamer",
    "doer",
    "wannabe",
    "hipster",
    "freak",
    "maniac",
    "obsessive",
    "apologist",
    "champion",
    "dork",
    "savant",
    "zealot",
    "wanderer",
    "traveler",
    "traveller",
    "foodie",
    "bibliophile",
    "cinephile",
    "audiophile",
    "technophile",
    "seeker",
    "adventurer",
    "hobbyist",
    "collector",
    "fanboy",
    "fangirl",
    "holic",
    "aholic",
    "webaholic",
    "alcoholaholic",
    "coffeeaholic",
    "bacon",
    "lifer",
    "devotee",
    "addict",
    "practitioner",
    "creator",
    "junky",
    "connoisseur",
    "evangelizer",
    "scientist",
    "philosopher",
    "artist",
    "ninja",
    "rockstar",
    "superstar",
    "jedi",
];

static PERSONA_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| PERSONAS.iter().copied().collect());

/// Words that make a fragment a sentence rather than a label.
const VERBS_AND_PRONOUNS: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "said",
    "says",
    "will",
    "would",
    "can",
    "could",
    "did",
    "does",
    "do",
    "he",
    "she",
    "they",
    "we",
    "i",
    "it",
    "his",
    "her",
    "their",
    "our",
    "my",
    "who",
    "which",
    "that",
    "covers",
    "covering",
    "joined",
    "works",
    "worked",
    "lives",
    "reported",
    "contributed",
    "the",
];

static VERB_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| VERBS_AND_PRONOUNS.iter().copied().collect());

/// Agent-noun endings: a lower-case head with one of them is a persona noun too
/// ("problem solver", "web trailblazer") even if the list above does not know it.
fn agent_suffix(w: &str) -> bool {
    w.len() >= 5
        && [
            "er", "or", "ist", "ian", "eer", "ast", "phile", "holic", "ado",
        ]
        .iter()
        .any(|s| w.ends_with(s))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Frag {
    /// Not a label: a sentence, a name, a number.
    Other,
    /// A short verbless label without a persona head ("Falls down a lot").
    Label,
    /// A persona label; `compound` when it has words before the head.
    Persona { known: bool, compound: bool },
}

fn classify(frag: &str) -> Frag {
    let words: Vec<&str> = frag
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .take(9) // a ninth word already rules the fragment out
        .collect();
    if words.is_empty() || words.len() > 8 {
        return Frag::Other;
    }
    if !words[0].chars().next().is_some_and(char::is_uppercase) {
        return Frag::Other;
    }
    if frag.contains([',', ';', ':', '(', '@']) || frag.chars().any(|c| c.is_ascii_digit()) {
        return Frag::Other;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if lower.iter().any(|w| VERB_SET.contains(w.as_str())) {
        return Frag::Other;
    }
    if words.len() > 5 {
        return Frag::Label;
    }
    let head = words[words.len() - 1];
    let lhead = &lower[lower.len() - 1];
    let known = PERSONA_SET.contains(lhead.as_str())
        || lhead.ends_with("aholic")
        || lhead.ends_with("holic");
    if words.len() == 1 {
        return if known {
            Frag::Persona {
                known,
                compound: false,
            }
        } else {
            Frag::Label
        };
    }
    // In a compound the head is a common noun: a capitalised head is a name
    // ("Vanessa Gera", "Tom Baker").
    let head_lower = head.chars().next().is_some_and(char::is_lowercase);
    if head_lower && (known || agent_suffix(lhead)) {
        Frag::Persona {
            known,
            compound: true,
        }
    } else if words.iter().skip(1).all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || !c.is_alphabetic())
    }) {
        Frag::Label
    } else {
        Frag::Other
    }
}

/// Fragments of a line: text up to and including each `.`, `!` or `?` that is followed
/// by a space, a closing quote or the end.
fn fragments(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in line.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let next = line[i + 1..].chars().next();
        if next.is_none_or(|n| n.is_whitespace() || matches!(n, '”' | '"' | '’' | '\'' | '»'))
        {
            let end = i + c.len_utf8();
            let text = &line[start..end];
            // A fragment starts after any opening quote or label colon inside it.
            let lead = text
                .rfind(['“', '"', '«', ':'])
                .map(|p| p + text[p..].chars().next().map_or(1, char::len_utf8))
                .unwrap_or(0);
            let frag_start = start + lead;
            let trimmed = line[frag_start..end].trim_start();
            out.push((end - trimmed.len(), end));
            start = end;
        }
    }
    out
}

impl Rule for GeneratedAuthorBio {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        for line in doc.lines() {
            let text = doc.slice(line.span);
            if is_blank(text) || !text.contains('.') {
                continue;
            }
            let frags = fragments(text);
            let kinds: Vec<Frag> = frags.iter().map(|&(a, b)| classify(&text[a..b])).collect();
            let mut i = 0;
            while i < kinds.len() {
                if kinds[i] == Frag::Other {
                    i += 1;
                    continue;
                }
                let j = i + kinds[i..].iter().take_while(|k| **k != Frag::Other).count();
                let run = &kinds[i..j];
                let persona = run
                    .iter()
                    .filter(|k| matches!(k, Frag::Persona { .. }))
                    .count();
                let known = run
                    .iter()
                    .filter(|k| matches!(k, Frag::Persona { known: true, .. }))
                    .count();
                let compound = run
                    .iter()
                    .any(|k| matches!(k, Frag::Persona { compound: true, .. }));
                if persona >= 3 && persona * 10 >= run.len() * 6 && known >= 2 && compound {
                    let span = Span::new(frags[i].0, frags[j - 1].1).offset(line.span.start);
                    report(doc, out, span, line.span);
                }
                i = j;
            }
        }
    }
}

fn report(doc: &Document, out: &mut Emitter, span: Span, line: Span) {
    let whole = doc
        .slice(line)
        .char_indices()
        .all(|(i, c)| !c.is_alphanumeric() || span.contains(line.start + i));
    let shown = snippet(doc.slice(span), 50);
    let d = out.emit(span, format!("generated author bio `{shown}`"));
    if whole {
        let (target, replacement) = delete_lines(doc, line);
        d.suggest(
            Suggestion::new("delete this line", Applicability::Safe).edit(target, replacement),
        );
    } else {
        d.suggest(Suggestion::new("remove the bio", Applicability::Unsafe).edit(span, ""));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn seed_bio_in_quotes() {
        assert_flags(
            "It ended.\n“Beer buff. Devoted pop culture scholar. Coffee ninja. Evil zombie fan. Organizer.”\nMore Stories",
            &GeneratedAuthorBio,
            &["Beer buff. Devoted pop culture scholar. Coffee ninja. Evil zombie fan. Organizer."],
        );
    }

    #[test]
    fn unseen_bios() {
        for bio in [
            "Music maven. Twitter trailblazer. Lifelong web nerd. Hardcore problem solver.",
            "Introvert. Twitter scholar. Avid music lover. Wannabe zombie enthusiast. Coffee ninja. Freelance alcohol expert. Professional tv fanatic.",
            "Total bacon geek. Falls down a lot. Internet guru. Travel junkie. Subtly charming social media practitioner.",
            "Typical explorer. Friendly food aficionado. Pop culture evangelist. Incurable gamer.",
        ] {
            assert_lint_count(bio, &GeneratedAuthorBio, 1);
        }
    }

    #[test]
    fn bio_after_a_name_is_removed_alone() {
        assert_fix_result(
            "Jane Doe: Coffee ninja. Avid reader. Typical web evangelist.\n",
            &GeneratedAuthorBio,
            "Jane Doe: \n",
        );
    }

    #[test]
    fn sentences_names_and_titles_stay_clean() {
        for text in [
            "Jane Doe is a reporter covering energy for the paper.",
            "Times of Israel staff contributed to this report.",
            "Associated Press writers Frank Jordans in Berlin; Vanessa Gera in Warsaw, Poland; Jan M. Olsen in Copenhagen, Denmark; and Zeynep Bilginsoy in Istanbul contributed.",
            "Frank Jordans. Vanessa Gera. Jan Olsen. Zeynep Bilginsoy.",
            "Writer. Editor. Teacher. Mother.",
            "Wave of exiles in Georgia",
            "Veteran defender. Young striker. Reserve goalkeeper. Club captain.",
            "He is a coffee lover. She is a music fan. They are tech enthusiasts.",
            "Coffee. Tea. Water. Juice.",
            "Fans cheered. Players wept. Coaches argued.",
        ] {
            assert_no_lints(text, &GeneratedAuthorBio);
        }
    }
}
