use super::lexicon::{starts_lower, upper_first};
use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::{Document, TokenKind};
use crate::rule::{Emitter, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Flags a sentence that starts with a lower-case letter after a full stop in the
    /// middle of a paragraph ("… at the border. the ministry said …").
    ///
    /// Not after abbreviations ("approx.", "vs.", "Ga."), initials, numbers or
    /// ellipses; not for words written in lower case on purpose (iPhone, eBay, de
    /// Klerk), URLs or e-mail addresses, and not after a question or exclamation
    /// mark, where a quotation may go on ("“Why?” she asked").
    ///
    /// ## Why is this bad?
    /// Either the capital was lost or the full stop is wrong; both read as a slip.
    ///
    /// ## Example
    /// ```text flag
    /// Queues formed at the border. the ministry said it was ready.
    /// ```
    /// Use instead:
    /// ```text pass
    /// Sales of the iPhone rose. eBay fell. “Why?” she asked. It rose 3.5 percent.
    /// ```
    /// ```text before
    /// Queues formed at the border. the ministry said it was ready.
    /// ```
    /// ```text after
    /// Queues formed at the border. The ministry said it was ready.
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: when the full stop is the error, the fix is to remove it instead.
    pub struct LowercaseSentenceStart {
        id: "lowercase-sentence-start",
        category: Translation,
        fix: Always,
        summary: "Sentence starts with a lower-case letter",
    }
}

const ABBREVIATIONS: &[&str] = &[
    "vs", "etc", "approx", "cf", "ca", "al", "ed", "eds", "pp", "vol", "no", "op", "fig", "incl",
    "esp", "viz", "resp", "min", "max", "km", "kg", "mi", "ft", "oz", "lb", "lbs", "hr", "hrs",
    "sq", "tel", "ext", "dept", "univ", "assn", "bros", "av", "ave", "rd", "st", "mt", "govt",
    "intl", "natl", "asst",
];

const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "dos", "du", "la", "le", "al", "el", "bin", "ibn",
    "ter", "ten", "zu", "di", "del", "della",
];

impl Rule for LowercaseSentenceStart {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let sentences = doc.sentences();
        for k in 1..sentences.len() {
            let (prev, cur) = (sentences[k - 1], sentences[k]);
            if prev.paragraph != cur.paragraph {
                paragraph_start(doc, prev, cur, out);
                continue;
            }
            let p = prev.span.text(text);
            if !p.ends_with('.') || p.ends_with("..") {
                continue;
            }
            let body = &p[..p.len() - 1];
            let last = body
                .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"'))
                .next()
                .unwrap_or("");
            let letters = last.chars().filter(|c| c.is_alphabetic()).count();
            if last.is_empty()
                || last.contains('.')
                || !last.chars().any(char::is_alphabetic)
                || last.chars().any(|c| c.is_ascii_digit())
                || letters == 1
                || (letters <= 4 && last.chars().next().is_some_and(char::is_uppercase))
                || ABBREVIATIONS.contains(&last.to_lowercase().as_str())
            {
                continue;
            }
            let Some(first) = doc.tokens_in(cur.span).first().copied() else {
                continue;
            };
            if first.kind != TokenKind::Word || first.span.start != cur.span.start {
                continue;
            }
            let w = first.span.text(text);
            // The article "a" counts only as a bare word before a lower-case word
            // ("of time. a prominent challenge"), never as a list letter ("a)", "a.").
            let lone_a = w == "a"
                && text[first.span.end..]
                    .strip_prefix(' ')
                    .is_some_and(|r| r.chars().next().is_some_and(char::is_lowercase));
            if !starts_lower(w)
                || w.chars().any(char::is_uppercase)
                || PARTICLES.contains(&w)
                || w.chars().any(|c| c.is_ascii_digit())
                || (w.chars().count() < 2 && !lone_a)
            {
                continue;
            }
            let chunk_end = text[first.span.end..cur.span.end]
                .find(char::is_whitespace)
                .map(|i| first.span.end + i)
                .unwrap_or(cur.span.end);
            let chunk = text[first.span.start..chunk_end].trim_end_matches(['.', ',', ';', ':']);
            if chunk.contains(['.', '/', '@', '_', ';', '&', '#']) {
                continue;
            }
            let fixed = upper_first(w);
            out.emit(first.span, format!("sentence starts with lower-case `{w}`"))
                .replace(
                    format!("write `{fixed}`"),
                    first.span,
                    fixed,
                    Applicability::Unsafe,
                );
        }
    }
}

/// A paragraph of prose that opens with a lower-case function word ("the president
/// will travel …", "in Istanbul, thousands …") after a paragraph that ended a
/// sentence: the capital was lost. Only function words, which are never written in
/// lower case on purpose, and only when the paragraph is itself a full sentence.
fn paragraph_start(
    doc: &Document,
    prev: crate::document::Sentence,
    cur: crate::document::Sentence,
    out: &mut Emitter,
) {
    let text = doc.text();
    let p = prev.span.text(text).trim_end();
    let ended = p
        .trim_end_matches(['”', '"', '’', ')'])
        .ends_with(['.', '!', '?']);
    let Some(para) = doc.paragraphs().get(cur.paragraph) else {
        return;
    };
    if !ended || para.span.start != cur.span.start {
        return;
    }
    let body = para.span.text(text).trim_end();
    // A paragraph of copy ends like a sentence, possibly inside a quotation.
    if !body.ends_with(['.', '”', '"', '’', '!', '?']) || body.split_whitespace().count() < 6 {
        return;
    }
    let Some(first) = doc.tokens_in(cur.span).first().copied() else {
        return;
    };
    let w = first.span.text(text);
    if first.kind != TokenKind::Word
        || first.span.start != cur.span.start
        || !w.chars().all(|c| c.is_ascii_lowercase())
        || w.len() < 2
        || PARTICLES.contains(&w)
        || !super::lexicon::is_function_word(w)
    {
        return;
    }
    let fixed = upper_first(w);
    out.emit(
        first.span,
        format!("paragraph starts with lower-case `{w}`"),
    )
    .replace(
        format!("write `{fixed}`"),
        first.span,
        fixed,
        Applicability::Unsafe,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn flags_lowercase_start() {
        assert_flags(
            "Queues formed at the border. the ministry said it was ready.",
            &LowercaseSentenceStart,
            &["the"],
        );
        assert_flags(
            "His image looked weaker after a short period of time. a prominent challenge came.",
            &LowercaseSentenceStart,
            &["a"],
        );
    }

    #[test]
    fn list_letters_stay_clean() {
        assert_no_lints(
            "The plan has two parts. a) a tax cut. b) a new levy.",
            &LowercaseSentenceStart,
        );
        assert_no_lints("See note a. b. c. d.", &LowercaseSentenceStart);
        assert_no_lints(
            "It covers items a and b. a. The first.",
            &LowercaseSentenceStart,
        );
    }

    #[test]
    fn abbreviations_brands_and_quotes() {
        assert_no_lints(
            "The iPhone sold well. eBay fell. “Why?” she asked.",
            &LowercaseSentenceStart,
        );
        assert_no_lints(
            "Zarif a media: govt. spokesman\n\nThe intl. desk and the asst. director agreed.",
            &LowercaseSentenceStart,
        );
        assert_no_lints(
            "It weighs approx. ten tonnes and costs 3.5 million.",
            &LowercaseSentenceStart,
        );
        assert_no_lints(
            "He lives in Atlanta, Ga. and works there.",
            &LowercaseSentenceStart,
        );
        assert_no_lints(
            "Smith et al. showed it. Visit example.com. bit.ly links fail.",
            &LowercaseSentenceStart,
        );
        assert_no_lints(
            "He met the leader. de Klerk agreed.",
            &LowercaseSentenceStart,
        );
        assert_no_lints(
            "The war ended.\n\nthe next chapter",
            &LowercaseSentenceStart,
        );
    }

    #[test]
    fn paragraph_opening_in_lower_case() {
        assert_flags(
            "Inflation fell in March.\n\nthe president will travel next week to Spain.",
            &LowercaseSentenceStart,
            &["the"],
        );
        assert_flags(
            "The bank held rates.\n\nin Istanbul, thousands of people marched on Saturday.",
            &LowercaseSentenceStart,
            &["in"],
        );
        // A list after a colon, a brand, a name particle, a fragment: left alone.
        assert_no_lints(
            "He named three demands:\n\nthe release of all the prisoners held since May.",
            &LowercaseSentenceStart,
        );
        assert_no_lints(
            "Sales rose.\n\niPhone sales rose by a third in the quarter.\n\nde Klerk said it was over at last.",
            &LowercaseSentenceStart,
        );
        assert_no_lints("Sales rose.\n\nthe end", &LowercaseSentenceStart);
        // A lost drop capital before a paragraph that ends inside a quotation.
        assert_flags(
            "The girl survived.\n\nhe firefighter told reporters: “I thought, ‘Let me catch her.’",
            &LowercaseSentenceStart,
            &["he"],
        );
    }
}
