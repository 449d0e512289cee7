use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::{Document, Token, TokenKind};
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::rules::translation::lexicon::is_function_word;
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags an apostrophe that a scraper or an encoding step turned into a space:
    /// a contraction split in two ("don t", "can t", "it s", "I m", "they ll") and a
    /// possessive `s` left on its own ("South Korea s link", "the government s plan"),
    /// and a contraction whose apostrophe was deleted ("didnt", "thats", "theyre",
    /// "Im going"), in spellings that are never English words; "cant", "wont",
    /// "ill", "its" and "were" are words and are left alone.
    ///
    /// A contraction is only flagged when its first half is one that the second can
    /// follow ("don" + "t", "they" + "ll"). A lone `s` is taken for a possessive only
    /// after a content word of two letters or more and before another word, so
    /// letters in lists ("a, b, s"), units ("10 s"), talk about the letter ("the
    /// letter s is silent", "words ending in s and") and Czech, Slovak, Croatian or
    /// transliterated Russian, where `s` is a preposition ("s ministrem"), stay clean.
    ///
    /// ## Why is this bad?
    /// The reader sees two words where there is one, and the copy looks broken.
    ///
    /// ## Example
    /// ```text flag
    /// Officials said they don t expect a deal before South Korea s election.
    /// ```
    /// ```text flag
    /// Well, thats not quite true: I didnt think much about it.
    /// ```
    /// Use instead:
    /// ```text pass
    /// The letter s is silent in some words. The sprinter ran 100 m in 9.58 s on Sunday.
    /// ```
    /// ```text before
    /// The minister said it s too early to say.
    /// ```
    /// ```text after
    /// The minister said it's too early to say.
    /// ```
    ///
    /// ## Fix safety
    /// Restoring the apostrophe of a contraction is safe. A possessive is unsafe: the
    /// `s` may have been a plural ("Korea s" for "Koreas") or something else.
    pub struct LostApostrophe {
        id: "lost-apostrophe",
        category: Typography,
        fix: Always,
        summary: "Apostrophe lost from a contraction or possessive",
    }
}

/// Stems that take "t" in a negative contraction.
const NT_STEMS: &[&str] = &[
    "don", "doesn", "didn", "can", "couldn", "won", "wouldn", "isn", "aren", "wasn", "weren",
    "hasn", "haven", "hadn", "shouldn", "mustn", "needn", "mightn", "shan", "ain",
];

/// Words that take a contracted "s" ("it’s", "let’s").
const S_STEMS: &[&str] = &[
    "it", "that", "there", "here", "what", "who", "where", "he", "she", "let", "how",
];

const LL_STEMS: &[&str] = &[
    "i", "you", "we", "they", "he", "she", "it", "that", "there", "who",
];

const VE_STEMS: &[&str] = &[
    "i", "you", "we", "they", "could", "would", "should", "might", "must", "who",
];

const RE_STEMS: &[&str] = &["you", "we", "they"];

/// Words after which a lone `s` is the letter itself, not a possessive.
const LETTER_CONTEXT: &[&str] = &[
    "letter",
    "plural",
    "final",
    "silent",
    "extra",
    "double",
    "capital",
    "lowercase",
    "uppercase",
    "trailing",
    "ending",
    "possessive",
    "lone",
    "single",
    "small",
    "big",
];

/// Letters found in Czech and Slovak but not in English loanwords: a line with them
/// may use `s` as the preposition "with".
const CZECH_SLOVAK: &[char] = &['ě', 'š', 'č', 'ř', 'ž', 'ů', 'ť', 'ď', 'ň', 'ľ', 'ĺ', 'ŕ'];

/// Contractions whose apostrophe was deleted outright ("didnt", "thats"): none of
/// these spellings is an English word. "cant", "wont", "ill", "were", "well", "its",
/// "lets", "shed" and "Ive" (a surname) are, and are left out. Looked up per word
/// token: a regex with Unicode word boundaries was ~1 ms per article.
fn is_glued_contraction(lower: &str) -> bool {
    matches!(
        lower,
        "didnt"
            | "doesnt"
            | "dont"
            | "isnt"
            | "wasnt"
            | "werent"
            | "arent"
            | "hasnt"
            | "havent"
            | "hadnt"
            | "couldnt"
            | "wouldnt"
            | "shouldnt"
            | "mustnt"
            | "neednt"
            | "thats"
            | "whats"
            | "theres"
            | "wheres"
            | "shes"
            | "youre"
            | "theyre"
            | "youve"
            | "theyve"
            | "weve"
            | "couldve"
            | "wouldve"
            | "shouldve"
            | "youll"
            | "theyll"
            | "itll"
            | "thatll"
            | "youd"
            | "theyd"
    )
}

/// Words that follow "I'm" at the start of a sentence; after the Korean surname Im
/// come verbs of saying and capitalised names instead.
const AFTER_IM: &[&str] = &[
    "going",
    "not",
    "sure",
    "so",
    "very",
    "still",
    "just",
    "glad",
    "happy",
    "sorry",
    "afraid",
    "here",
    "there",
    "trying",
    "looking",
    "proud",
    "a",
    "an",
    "also",
    "really",
    "always",
    "never",
    "tired",
    "done",
    "ready",
    "convinced",
    "confident",
    "worried",
];

/// Where the apostrophe goes back into a glued contraction, counted from its end.
fn glued_split(lower: &str) -> usize {
    if lower.ends_with("nt") || lower.ends_with('s') || lower.ends_with('m') || lower.ends_with('d')
    {
        1
    } else {
        2 // 're, 've, 'll
    }
}

/// Flags "didnt", "thats", "Im going": contractions whose apostrophe was deleted.
/// [`is_glued_contraction`] for a word of any case, without allocating.
fn glued_ascii(w: &str) -> bool {
    let mut buf = [0u8; 8];
    let Some(dst) = buf.get_mut(..w.len()) else {
        return false;
    };
    dst.copy_from_slice(w.as_bytes());
    dst.make_ascii_lowercase();
    std::str::from_utf8(dst).is_ok_and(is_glued_contraction)
}

fn check_glued(doc: &Document, apostrophe: &str, out: &mut Emitter) {
    let text = doc.text();
    for t in doc.tokens() {
        if t.kind != TokenKind::Word || !(2..=8).contains(&t.span.len()) {
            continue;
        }
        let w = t.span.text(text);
        if w != "Im" && !glued_ascii(w) {
            continue;
        }
        let (start, end) = (t.span.start, t.span.end);
        // Mixed case ("DiDnt") is a code or a handle, not prose.
        let rest = &w[1..];
        if rest != rest.to_lowercase() && rest != rest.to_uppercase() {
            continue;
        }
        if w == "Im" {
            let before = text[..start].trim_end_matches([' ', '\t']);
            let starts_sentence =
                before.is_empty() || before.ends_with(['.', '!', '?', '\n', '"', '“', ':']);
            let next = text[end..]
                .strip_prefix(' ')
                .map(|r| r.split(|c: char| !c.is_alphabetic()).next().unwrap_or(""));
            if !starts_sentence || !next.is_some_and(|n| AFTER_IM.contains(&n)) {
                continue;
            }
        }
        let at = end - glued_split(&w.to_ascii_lowercase());
        let fixed = format!("{}{apostrophe}{}", &w[..at - start], &text[at..end]);
        out.emit(
            Span::new(start, end),
            format!("apostrophe lost from the contraction `{w}`"),
        )
        .replace(
            format!("write `{fixed}`"),
            Span::new(at, at),
            apostrophe,
            Applicability::Safe,
        );
    }
}

/// Words before a plural name or title ("the Koreas", "both Clintons", "two
/// Chinas", "their Lordships").
const BEFORE_PLURAL: &[&str] = &[
    "the", "both", "two", "three", "all", "these", "those", "many", "several", "other", "their",
    "our", "your", "his", "her", "my", "its", "of",
];

/// A name run into its possessive `s` ("Indonesias position") in a story that writes
/// the possessive with its apostrophe elsewhere ("Indonesia's seriousness"): the
/// story's own spelling is the evidence. Only names ending in `a` (Indonesia, Russia,
/// Korea) are taken: their plural is rare, while "Democrats", "Israelis" or
/// "Americans" sit beside "Democrat's", "Israeli's", "American's" in any story.
fn check_glued_possessive(doc: &Document, out: &mut Emitter) {
    let text = doc.text();
    if !text.contains("'s") && !text.contains("’s") {
        return;
    }
    let toks = doc.tokens();
    let mut stems: Vec<(&str, &str)> = Vec::new();
    for t in toks {
        let w = t.span.text(text);
        if t.kind != TokenKind::Word || !w.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        for ap in ["'s", "’s"] {
            if let Some(stem) = w.strip_suffix(ap)
                && stem.chars().count() >= 4
                && stem.ends_with('a')
                && stem.chars().all(char::is_alphabetic)
                && !stems.iter().any(|x| x.0 == stem)
            {
                stems.push((stem, if ap == "'s" { "'" } else { "’" }));
            }
        }
    }
    if stems.is_empty() {
        return;
    }
    for i in 0..toks.len() {
        let t = toks[i];
        let w = t.span.text(text);
        if t.kind != TokenKind::Word {
            continue;
        }
        let Some(stem) = w.strip_suffix('s') else {
            continue;
        };
        let Some(&(_, ap)) = stems.iter().find(|x| x.0 == stem) else {
            continue;
        };
        // A possessive stands before the word it qualifies.
        let next_is_word = toks.get(i + 1).is_some_and(|n| {
            n.kind == TokenKind::Word && single_space(text, t.span.end, n.span.start)
        });
        let prev_plural = i > 0 && {
            let p = toks[i - 1];
            p.kind == TokenKind::Number
                || BEFORE_PLURAL.contains(&p.span.text(text).to_lowercase().as_str())
        };
        if !next_is_word || prev_plural {
            continue;
        }
        let at = t.span.end - 1;
        out.emit(
            t.span,
            format!("apostrophe lost from the possessive `{w}` (the story writes `{stem}{ap}s`)"),
        )
        .replace(
            format!("write `{stem}{ap}s`"),
            Span::new(at, at),
            ap,
            Applicability::Unsafe,
        );
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Contraction,
    Possessive,
}

impl Rule for LostApostrophe {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let apostrophe = if text.contains('’') { "’" } else { "'" };
        check_glued(doc, apostrophe, out);
        check_glued_possessive(doc, out);
        // Cheap gate: a one- or two-letter suffix standing alone between spaces.
        if ![" s ", " t", " m ", " ll ", " ve ", " re "]
            .iter()
            .any(|p| text.contains(p))
        {
            return;
        }
        let toks = doc.tokens();
        for i in 1..toks.len() {
            let t = toks[i];
            let w = t.span.text(text);
            if t.kind != TokenKind::Word || w.len() > 2 {
                continue;
            }
            if !matches!(w, "s" | "t" | "m" | "ll" | "ve" | "re") {
                continue;
            }
            let prev = toks[i - 1];
            if prev.kind != TokenKind::Word || !single_space(text, prev.span.end, t.span.start) {
                continue;
            }
            let next = toks
                .get(i + 1)
                .filter(|n| single_space(text, t.span.end, n.span.start));
            let Some(kind) = classify(doc, toks, i, next) else {
                continue;
            };
            let p = prev.span.text(text);
            let span = Span::new(prev.span.start, t.span.end);
            let gap = Span::new(prev.span.end, t.span.start);
            let fixed = format!("{p}{apostrophe}{w}");
            let (what, app) = match kind {
                Kind::Contraction => ("contraction", Applicability::Safe),
                Kind::Possessive => ("possessive", Applicability::Unsafe),
            };
            out.emit(
                span,
                format!("apostrophe lost from the {what} `{}`", span.text(text)),
            )
            .replace(format!("write `{fixed}`"), gap, apostrophe, app);
        }
    }
}

/// Exactly one space (or no-break space) between two tokens.
fn single_space(text: &str, a: usize, b: usize) -> bool {
    matches!(text.get(a..b), Some(" " | "\u{a0}"))
}

fn classify(doc: &Document, toks: &[Token], i: usize, next: Option<&Token>) -> Option<Kind> {
    let text = doc.text();
    let w = toks[i].span.text(text);
    let prev = toks[i - 1].span.text(text);
    let lower = prev.to_ascii_lowercase();
    let next_word = next
        .filter(|n| n.kind == TokenKind::Word)
        .map(|n| n.span.text(text));
    let in_list = |list: &[&str]| list.contains(&lower.as_str());
    match w {
        "t" => in_list(NT_STEMS).then_some(Kind::Contraction),
        "m" => (prev == "I" && next_word.is_some() && !after_capital(text, toks, i - 1))
            .then_some(Kind::Contraction),
        "ll" | "ve" => {
            let list = if w == "ll" { LL_STEMS } else { VE_STEMS };
            let ok = in_list(list)
                && next_word.is_some()
                && (lower != "i" || !after_capital(text, toks, i - 1));
            ok.then_some(Kind::Contraction)
        }
        "re" => {
            // "they re elected" may be a lost hyphen ("re-elected"), not "they’re".
            let ok = in_list(RE_STEMS) && next_word.is_some_and(|n| !n.ends_with("ed"));
            ok.then_some(Kind::Contraction)
        }
        "s" => {
            let next = next_word?;
            if in_list(S_STEMS) {
                return Some(Kind::Contraction);
            }
            possessive(doc, toks, i, &lower, next).then_some(Kind::Possessive)
        }
        _ => None,
    }
}

/// Whether the token before `i` is a capitalised word: "World War I m…" is a numeral.
fn after_capital(text: &str, toks: &[Token], i: usize) -> bool {
    i > 0 && {
        let p = toks[i - 1];
        p.kind == TokenKind::Word
            && p.span.text(text).starts_with(|c: char| c.is_uppercase())
            && single_space(text, p.span.end, toks[i].span.start)
    }
}

fn possessive(doc: &Document, toks: &[Token], i: usize, prev_lower: &str, next: &str) -> bool {
    let text = doc.text();
    let prev = toks[i - 1].span.text(text);
    if prev.chars().filter(|c| c.is_alphabetic()).count() < 2
        || !prev.chars().all(|c| c.is_alphabetic() || c == '-')
        || is_function_word(prev_lower)
        || LETTER_CONTEXT.contains(&prev_lower)
    {
        return false;
    }
    let next_lower = next.to_ascii_lowercase();
    // A possessive is followed by what it owns, not by a verb or a conjunction.
    if next == "s"
        || (is_function_word(&next_lower) && !matches!(next_lower.as_str(), "own" | "most"))
        || matches!(
            next_lower.as_str(),
            "is" | "are" | "was" | "were" | "has" | "have"
        )
    {
        return false;
    }
    let line = doc.lines()[doc.line_index(toks[i].span.start)]
        .span
        .text(text);
    !line.contains(CZECH_SLOVAK) && !slavic_instrumental(&next_lower)
}

/// After the Czech, Slovak, Croatian or transliterated Russian preposition `s`
/// ("with") comes an instrumental: "s ministrem", "s Vladimirom", "s Evropou".
/// English words with these endings ("system", "freedom") are given up.
fn slavic_instrumental(next_lower: &str) -> bool {
    next_lower.len() >= 5
        && (["em", "ou", "ami", "ym"]
            .iter()
            .any(|e| next_lower.ends_with(e))
            || (next_lower.ends_with("om")
                && !next_lower.ends_with("dom")
                && !next_lower.ends_with("oom")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn deleted_apostrophes() {
        assert_flags(
            "Soon Ill be that woman. I didnt think much about it. Well, thats not true. Im going home.",
            &LostApostrophe,
            &["didnt", "thats", "Im"],
        );
        assert_fix_result(
            "They said they werent ready and youre late.",
            &LostApostrophe,
            "They said they weren't ready and you're late.",
        );
        assert_fix_result(
            "He said: “I don’t know if I dont.”",
            &LostApostrophe,
            "He said: “I don’t know if I don’t.”",
        );
    }

    #[test]
    fn words_that_look_like_contractions() {
        assert_no_lints(
            "He cant be reached; as was his wont, he fell ill. Its members were well. Jony Ive spoke. Let us go; lets of land.",
            &LostApostrophe,
        );
        // Im Jong-seok, a Korean surname.
        assert_no_lints(
            "Im Jong-seok met the envoy. Minister Im said talks would resume. Im in Seoul met him.",
            &LostApostrophe,
        );
        assert_no_lints("The password is DiDnt123 or ThatsIt.", &LostApostrophe);
    }

    #[test]
    fn contractions() {
        assert_flags(
            "We don t know. It can t be. They won t go, and it isn t over.",
            &LostApostrophe,
            &["don t", "can t", "won t", "isn t"],
        );
        assert_fix_result(
            "I m sure it s fine and they ll come.",
            &LostApostrophe,
            "I'm sure it's fine and they'll come.",
        );
        assert_fix_result(
            "She said it’s over and that s final.",
            &LostApostrophe,
            "She said it’s over and that’s final.",
        );
        assert_flags(
            "We ve seen it. You re right.",
            &LostApostrophe,
            &["We ve", "You re"],
        );
    }

    #[test]
    fn glued_possessive_of_a_name() {
        let text = "Indonesias Coordinating Minister spoke. He stressed Indonesias commitment \
                    and Indonesia's seriousness.";
        assert_lint_count(text, &LostApostrophe, 2);
        assert_fix_result(
            "He stressed Indonesias commitment and Indonesia's seriousness.",
            &LostApostrophe,
            "He stressed Indonesia's commitment and Indonesia's seriousness.",
        );
        // Plurals of names, and names never written with a possessive.
        assert_no_lints(
            "The two Koreas met. Korea's talks and the Americas summit. America's role, \
             both Clintons spoke. Clinton's aides. Indonesias commitment.",
            &LostApostrophe,
        );
        // Not before another word.
        assert_no_lints("Korea's growth beat all the Koreas.", &LostApostrophe);
        // Plurals of demonyms and parties beside their possessives.
        assert_no_lints(
            "A Democrat's bill failed. Democrats said so. An Israeli's death angered Israelis \
             who protested. American's views: Americans want change.",
            &LostApostrophe,
        );
        // A plural title.
        assert_no_lints(
            "His Lordship's ruling stood until it pleased their Lordships to come back.",
            &LostApostrophe,
        );
    }

    #[test]
    fn possessives() {
        assert_flags(
            "It can serve as South Korea s link to the North and the government s plan.",
            &LostApostrophe,
            &["Korea s", "government s"],
        );
        let d = lint_with("Russia s war goes on.", &LostApostrophe);
        assert_eq!(d[0].suggestions[0].applicability, Applicability::Unsafe);
        assert_message(
            "Russia s war goes on.",
            &LostApostrophe,
            "apostrophe lost from the possessive `Russia s`",
        );
    }

    #[test]
    fn letters_units_and_other_languages() {
        assert_no_lints(
            "The letter s is silent. Words ending in s and x.",
            &LostApostrophe,
        );
        assert_no_lints("Options a, b, s and t were tested.", &LostApostrophe);
        assert_no_lints("He ran 100 m in 9.58 s on Sunday.", &LostApostrophe);
        assert_no_lints("The car s.r.o. was sold. Plan s-1 failed.", &LostApostrophe);
        assert_no_lints(
            "Rozhovor s ministrem zahraničí Lipavským vyšel v pondělí.",
            &LostApostrophe,
        );
        assert_no_lints(
            "The show Vecher s Vladimirom Solovyovym and \"Rozhovor s ministrem\" aired.",
            &LostApostrophe,
        );
        assert_lint_count(
            "The country s freedom and China s boom.",
            &LostApostrophe,
            2,
        );
        assert_no_lints("Type I m sensors. World War I ll-fated.", &LostApostrophe);
        assert_no_lints("They re elected her in May.", &LostApostrophe);
        assert_no_lints("Korea s.", &LostApostrophe);
        assert_no_lints("Sales s are up. The firm s and the bank.", &LostApostrophe);
        assert_no_lints("He does t-shirts. The don took it.", &LostApostrophe);
    }
}
