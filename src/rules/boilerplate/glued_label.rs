use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::Document;
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags a page label run into the text after it, with no space or line break:
    /// a feed age ("44m agoRaw sewage pumped…", "2 hours agoThe minister…") or a
    /// button or widget label ("View full sizeBaltimore Ravens owner…", "Read
    /// moreThe", "Trending topicsUnited States", "AdvertisementThe"), and a byline
    /// or teaser heading run into its text ("ByPaula Tsoni", "IntroductionLaw and …").
    ///
    /// The label must end in lower case and the next word start with a capital,
    /// right against it: no English word ends that way ("agoThe"). A feed age needs
    /// a count and a unit before it ("44m ago", "3 hours ago", "an hour ago").
    ///
    /// ## Why is this bad?
    /// The scraper kept a piece of the page and dropped the line break after it: the
    /// label garbles the first word of the text.
    ///
    /// ## Example
    /// ```text flag
    /// 44m agoRaw sewage pumped into Lake District 20 years after promise to stop
    /// ```
    /// ```text flag
    /// artmodell.jpgView full sizeBaltimore Ravens owner Art Modell celebrates.
    /// ```
    /// Use instead:
    /// ```text pass
    /// Two years ago The Times reported it. Read more on our website.
    /// ```
    /// ```text before
    /// Read moreThe minister resigned.
    /// ```
    /// ```text after
    /// The minister resigned.
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: deleting the label restores the text, but the line around it may hold
    /// more of the page.
    pub struct GluedLabel {
        id: "glued-page-label",
        category: Boilerplate,
        fix: Always,
        summary: "Page label run into the text after it",
    }
}

/// Labels of page widgets, lower case, as they end right before the glued word.
const LABELS: &[&str] = &[
    "view full size",
    "view larger",
    "trending topics",
    "extended search",
    "read more",
    "read full story",
    "read the full story",
    "continue reading",
    "show more",
    "load more",
    "see more",
    "click here",
    "advertisement",
    "skip advertisement",
    "story continues below",
    "listen to this article",
    "scroll to continue",
    "hide caption",
    "toggle caption",
    "enlarge this image",
    "image caption",
    "media caption",
    // a byline or a teaser heading without its line break ("ByPaula Tsoni",
    // "IntroductionLaw and Home Affairs Minister …")
    "by",
    "introduction",
];

/// Units of a feed age ("44m ago", "3 hours ago").
const AGE_UNITS: &[&str] = &[
    "s", "sec", "secs", "second", "seconds", "m", "min", "mins", "minute", "minutes", "h", "hr",
    "hrs", "hour", "hours", "d", "day", "days", "w", "wk", "week", "weeks", "mo", "month",
    "months", "y", "yr", "year", "years",
];

/// Spelled-out counts before a unit ("an hour ago", "two days ago").
const NUMBER_WORDS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "few", "several",
];

impl Rule for GluedLabel {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let b = text.as_bytes();
        for &i in doc.capital_joins().iter() {
            if !b[i - 1].is_ascii_lowercase() {
                continue;
            }
            // The next word: a capital and at least one lower-case letter.
            if !b.get(i + 1).is_some_and(u8::is_ascii_lowercase) {
                continue;
            }
            let Some(start) = label_before(text, i) else {
                continue;
            };
            let span = Span::new(start, i);
            let label = span.text(text);
            let glued = text[i..]
                .find(|c: char| !c.is_alphanumeric())
                .map_or(text.len(), |k| i + k);
            out.emit(
                Span::new(start, glued),
                format!(
                    "page label `{label}` run into `{}`",
                    Span::new(i, glued).text(text)
                ),
            )
            .replace(format!("delete `{label}`"), span, "", Applicability::Unsafe);
        }
    }
}

/// Where a label that ends at `end` starts, if one does and it starts a word.
fn label_before(text: &str, end: usize) -> Option<usize> {
    let mut from = end.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[from..end];
    let word_start = |len: usize| -> bool {
        let start = end - len;
        // A label may itself be glued to what comes before ("photo.jpgView full size").
        start == 0
            || text[start..].starts_with(|c: char| c.is_ascii_uppercase())
            || !text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    };
    for label in LABELS {
        if head.len() >= label.len()
            && head.is_char_boundary(head.len() - label.len())
            && head[head.len() - label.len()..].eq_ignore_ascii_case(label)
            && word_start(label.len())
        {
            return Some(end - label.len());
        }
    }
    // "44m ago", "3 hours ago"
    if head.ends_with("ago") && word_start(3) {
        let before = text[..end - 3].strip_suffix(' ')?;
        let unit_start = before.len()
            - before
                .bytes()
                .rev()
                .take_while(u8::is_ascii_alphabetic)
                .count();
        let unit = before[unit_start..].to_ascii_lowercase();
        let num = before[..unit_start]
            .strip_suffix(' ')
            .unwrap_or(&before[..unit_start]);
        // "44m", "3 hours" or "an hour", "two days"
        let mut len = num.bytes().rev().take_while(u8::is_ascii_digit).count();
        if len == 0 {
            let word = num
                .bytes()
                .rev()
                .take_while(u8::is_ascii_alphabetic)
                .count();
            let w = num[num.len() - word..].to_ascii_lowercase();
            if NUMBER_WORDS.contains(&w.as_str()) && unit.len() > 2 && num.len() < before.len() {
                len = word;
            }
        }
        let num_start = num.len() - len;
        let boundary = !num[..num_start].ends_with(|c: char| c.is_alphanumeric());
        if AGE_UNITS.contains(&unit.as_str()) && len > 0 && boundary {
            return Some(num_start);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn glued_byline_and_teaser_heading() {
        assert_flags("ByPaula Tsoni", &GluedLabel, &["ByPaula"]);
        assert_flags(
            "IntroductionLaw and Home Affairs Minister K Shanmugam spoke.",
            &GluedLabel,
            &["IntroductionLaw"],
        );
        assert_no_lints(
            "NearbyPlaces and StandbyMode, ByteDance, Byung-chul and the course on algebra.",
            &GluedLabel,
        );
    }

    #[test]
    fn glued_labels() {
        assert_flags(
            "44m agoRaw sewage pumped into the lake",
            &GluedLabel,
            &["44m agoRaw"],
        );
        assert_flags(
            "Posted 3 hours agoThe minister said",
            &GluedLabel,
            &["3 hours agoThe"],
        );
        assert_flags(
            "photo.jpgView full sizeBaltimore Ravens owner Art Modell",
            &GluedLabel,
            &["View full sizeBaltimore"],
        );
        assert_flags(
            "Trending topicsUnited States. Extended searchHide extended search",
            &GluedLabel,
            &["Trending topicsUnited", "Extended searchHide"],
        );
        assert_fix_result("AdvertisementThe talks.", &GluedLabel, "The talks.");
        assert_flags(
            "an hour agoThe vote. Three days agoPolice said",
            &GluedLabel,
            &["an hour agoThe", "Three days agoPolice"],
        );
    }

    #[test]
    fn ordinary_text() {
        assert_no_lints(
            "Two years ago The Times said so. Read more on the site. He was in Chicago.",
            &GluedLabel,
        );
        assert_no_lints(
            "The mahjong and SantiagoBernabeu. iPhone. TheHuffPost.",
            &GluedLabel,
        );
        assert_no_lints("A long time agoThe end, in ChicagoThe", &GluedLabel);
    }
}
