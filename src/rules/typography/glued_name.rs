use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::Document;
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::rules::translation::context::words;
use crate::rules::translation::lexicon::{is_function_word, lowercase, starts_upper};
use crate::span::Span;
use rustc_hash::FxHashSet;

declare_rule! {
    /// ## What it does
    /// Flags a name run into the common word after it, with the space lost:
    /// "Mayorkasafter the hearing", "Peskovsaid". The first part must be a name the
    /// same story writes on its own, capitalised in mid-sentence ("Mayorkas"), and
    /// the second one of a short list of words that follow names ("after", "said",
    /// "that", "with"), so English words that happen to end in one ("Thereafter",
    /// "Goodwill") stay clean. No English word ends in "which" or "who", so a name
    /// glued to one of those needs no other evidence ("TV Culturawho asked").
    ///
    /// ## Why is this bad?
    /// A scraper that drops the markup between two text nodes, or a line break taken
    /// out without a space, leaves a word no reader can parse.
    ///
    /// ## Example
    /// ```text flag
    /// Secretary Alejandro Mayorkas spoke. Lawmakers questioned Mayorkasafter the hearing.
    /// ```
    /// Use instead:
    /// ```text pass
    /// Secretary Alejandro Mayorkas spoke. Thereafter, lawmakers questioned Mayorkas.
    /// ```
    /// ```text before
    /// Officials met Dmitry Peskov on Monday, and Peskovsaid the talks went well.
    /// ```
    /// ```text after
    /// Officials met Dmitry Peskov on Monday, and Peskov said the talks went well.
    /// ```
    ///
    /// ## Fix safety
    /// Inserting a space changes no letter, but the split is a guess from the story's
    /// own words: unsafe.
    pub struct GluedName {
        id: "glued-name",
        category: Typography,
        fix: Always,
        summary: "Name run into the next word",
    }
}

/// Words that follow a name in news copy, long enough not to end ordinary words
/// by chance ("-as", "-on" would).
const TAILS: &[&str] = &[
    "after", "added", "also", "and", "because", "before", "during", "from", "had", "has", "have",
    "said", "says", "that", "told", "which", "while", "who", "will", "with", "would",
];

impl Rule for GluedName {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let ws = words(doc);
        // Candidates first: a long capitalised word ending in a tail. Most copy has
        // none, and then the name set is never built.
        let glued: Vec<(Span, usize)> = ws
            .iter()
            .filter_map(|w| {
                let s = w.span.text(text);
                if s.len() < 7 || !s.is_ascii() || !starts_upper(s) {
                    return None;
                }
                TAILS
                    .iter()
                    .find(|t| s.len() >= t.len() + 4 && s.ends_with(*t))
                    .map(|t| (w.span, s.len() - t.len()))
            })
            .collect();
        if glued.is_empty() {
            return;
        }
        // Names: capitalised in mid-sentence, not function words ("When", "There").
        let names: FxHashSet<&str> = ws
            .iter()
            .filter(|w| !w.starts_unit)
            .map(|w| w.span.text(text))
            .filter(|s| starts_upper(s) && !is_function_word(&lowercase(s)))
            .collect();
        for (span, cut) in glued {
            let s = span.text(text);
            let head = &s[..cut];
            // The head must be all lower case after its capital ("Mayorkas", not
            // "McDonald" or "JPMorgan") and a name of this story.
            let tail = &s[cut..];
            // No English word ends in "which" or "who": a capitalised word that does
            // is a name glued to the relative pronoun ("TV Culturawho asked") even
            // when the story never writes the name alone.
            let sure_tail = matches!(tail, "which" | "who");
            if !head[1..].bytes().all(|b| b.is_ascii_lowercase())
                || !(names.contains(head) || sure_tail)
            {
                continue;
            }
            let at = span.start + cut;
            out.emit(
                span,
                format!("`{head}` run into `{tail}`: a space is missing"),
            )
            .replace(
                format!("write `{head} {tail}`"),
                Span::new(at, at),
                " ",
                Applicability::Unsafe,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn name_run_into_a_common_word() {
        assert_flags(
            "Secretary Alejandro Mayorkas spoke. Lawmakers questioned Mayorkasafter the hearing.",
            &GluedName,
            &["Mayorkasafter"],
        );
        assert_fix_result(
            "Officials met Dmitry Peskov on Monday, and Peskovsaid the talks went well.",
            &GluedName,
            "Officials met Dmitry Peskov on Monday, and Peskov said the talks went well.",
        );
    }

    #[test]
    fn words_that_end_like_a_tail_stay_clean() {
        // Not a name of the story, or a function word, or not glued at all.
        assert_no_lints(
            "Thereafter, the group met. There was Goodwill to spare. Good news came.",
            &GluedName,
        );
        assert_no_lints(
            "The When clause matters. Whenever it rains, it pours; Whereafter nobody knows.",
            &GluedName,
        );
        // Camel-case brands and names keep their capitals.
        assert_no_lints(
            "Analysts at JPMorgan said; shares of JPMorganwith rose. McDonald spoke, \
             and McDonaldsaid nothing.",
            &GluedName,
        );
        // A name that only opens sentences is no evidence.
        assert_no_lints("Hamilton won. Hamiltonwith lost.", &GluedName);
        assert_no_lints(
            "Somehow, Sandwich residents who met Norwich fans agreed.",
            &GluedName,
        );
    }

    #[test]
    fn relative_pronoun_tail_needs_no_evidence() {
        assert_flags(
            "He said in an interview with TV Recordwhich aired on Sunday that the program \
             “Live Wheel” of TV Culturawho asked for the change was wrong.",
            &GluedName,
            &["Recordwhich", "Culturawho"],
        );
    }
}
