use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::Document;
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::rules::translation::lexicon::is_month;
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags a headline or a site name run into the dateline or byline that follows
    /// it, with no space or line break between them: "…takes advantage of blockade
    /// effectsHavana, Jul 12 (Prensa Latina) Cuban…", "…unityBEIJING, July 12
    /// (Xinhua) --", "AzernewsBy Vugar Khalilov", "Apr. 27By Umid Niayesh".
    ///
    /// A dateline is a place name followed by a month and a day (", Jul 12") or an
    /// upper-case place followed by an agency in brackets ("WASHINGTON (Reuters)").
    /// The word before it must be plain lower case, so camel-case names ("YouTube",
    /// "WhatsApp", "JPMorgan", "iPhone", "eBay", "McDonald") stay clean; a byline is
    /// "By" and a two-word name glued to the end of a word or number.
    ///
    /// ## Why is this bad?
    /// The scraper dropped the line break between two blocks of the page; the reader
    /// sees a garbled word, and the headline reads as part of the story.
    ///
    /// ## Example
    /// ```text flag
    /// Media campaign against Cuba takes advantage of blockade effectsHavana, Jul 12 (Prensa Latina) Cuban President Miguel Diaz-Canel spoke on Monday.
    /// ```
    /// ```text flag
    /// Politics Tue, 27 Sep 2022 By AzernewsBy Vugar Khalilov
    /// ```
    /// Use instead:
    /// ```text pass
    /// The clip was posted on YouTube, Jan 5, and shared on WhatsApp, May 3 by JPMorgan staff.
    /// ```
    /// ```text before
    /// Rains hit the northHanoi, Oct 3 (VNA) Heavy rain fell.
    /// ```
    /// ```text after
    /// Rains hit the north
    /// Hanoi, Oct 3 (VNA) Heavy rain fell.
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: a line break restores the two blocks, but the headline may belong
    /// elsewhere or be better removed.
    pub struct GluedDateline {
        id: "glued-dateline",
        category: Typography,
        fix: Always,
        summary: "Headline or site name run into a dateline or byline",
    }
}

/// Camel-case names that open in lower case, as the glued word they form.
const GLUED_BRANDS: &[&str] = &[
    "Baltic", "Jet", "Bay", "Phone", "Pad", "Tunes", "Dreams", "Rxiv", "Media",
];

/// Lower-case stems of camel-case words that end in "By" ("StandBy").
const BY_WORDS: &[&str] = &[
    "stand", "good", "lulla", "near", "pass", "fly", "drive", "hush",
];

impl Rule for GluedDateline {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let b = text.as_bytes();
        for &i in doc.capital_joins().iter() {
            let rest = &text[i..];
            // The glued word, looked for in the last 40 bytes only (linear time).
            let mut lo = i.saturating_sub(40);
            while !text.is_char_boundary(lo) {
                lo += 1;
            }
            let chunk = &text[lo + crate::document::chunk_start(&text[lo..i], i - lo)..i];
            let what = if byline_at(rest) && by_prefix_ok(chunk) {
                "byline"
            } else if b[i - 1].is_ascii_lowercase() && lower_prefix_ok(chunk) && dateline_at(rest) {
                "dateline"
            } else {
                continue;
            };
            let end = rest.find([',', ' ']).map_or(text.len(), |k| i + k);
            let span = Span::new(i - chunk.len(), end);
            out.emit(
                span,
                format!("{what} run into the text before it: `{}`", span.text(text)),
            )
            .replace(
                format!("start the {what} on a new line"),
                Span::new(i, i),
                "\n",
                Applicability::Unsafe,
            );
        }
    }
}

/// The glued word before a dateline: plain lower-case letters, three or more, so
/// camel-case brands ("YouTube", "iPhone", "JPMorgan") do not qualify.
fn lower_prefix_ok(chunk: &str) -> bool {
    let word = chunk.trim_start_matches(|c: char| !c.is_alphanumeric());
    word.len() >= 3 && word.bytes().all(|c| c.is_ascii_lowercase())
}

/// Before "By": a word or number, but not a camel-case word that ends in "By".
fn by_prefix_ok(chunk: &str) -> bool {
    let lower = chunk.to_ascii_lowercase();
    chunk.len() >= 2 && !BY_WORDS.iter().any(|w| lower.ends_with(w))
}

/// "By Name Surname" at the start of `s`.
fn byline_at(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("By ") else {
        return false;
    };
    let (first, rest) = cap_word(rest);
    first >= 2 && rest.starts_with(' ') && cap_word(&rest[1..]).0 >= 2
}

/// A capitalised word at the start of `s` ("Vugar", "Díaz"): its length in letters
/// (0 if none) and what follows it.
fn cap_word(s: &str) -> (usize, &str) {
    let mut chars = s.char_indices();
    match chars.next() {
        Some((_, c)) if c.is_uppercase() => {}
        _ => return (0, s),
    }
    let mut n = 1;
    let mut end = s.len();
    for (k, c) in chars {
        if !(c.is_lowercase() || c == '-' || c == '\'') {
            end = k;
            break;
        }
        n += 1;
    }
    (n, &s[end..])
}

/// "Havana, Jul 12", "New York, July 4", "BEIJING, July 12", "WASHINGTON (Reuters)".
fn dateline_at(s: &str) -> bool {
    let mut cut = s.len().min(60);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &s[..cut];
    let Some(place_end) = head.find([',', '(']) else {
        return false;
    };
    let place = head[..place_end].trim_end();
    let words: Vec<&str> = place.split(' ').collect();
    // One word of four letters or more ("Havana", not "easyJet"), or up to three
    // ("New York", "La Paz").
    if words.len() > 3 || (words.len() == 1 && words[0].len() < 4) || GLUED_BRANDS.contains(&place)
    {
        return false;
    }
    let caps = words
        .iter()
        .all(|w| w.len() >= 2 && w.bytes().all(|c| c.is_ascii_uppercase()));
    let titled = words.iter().all(|w| {
        w.len() >= 2
            && w.as_bytes()[0].is_ascii_uppercase()
            && w[1..].bytes().all(|c| c.is_ascii_lowercase())
    });
    let after = &s[place_end..];
    if let Some(date) = after.strip_prefix(", ") {
        // ", Jul 12" or ", July 12"
        // ", Jul 12", ", Dec. 4" or ", 12 July"
        let mut it = date.split([' ', '.']).filter(|w| !w.is_empty());
        let (a, b) = (it.next().unwrap_or(""), it.next().unwrap_or(""));
        let day = |w: &str| {
            let digits = w.bytes().take_while(u8::is_ascii_digit).count();
            (1..=2).contains(&digits) && w[digits..].bytes().all(|c| !c.is_ascii_alphanumeric())
        };
        (caps || titled) && ((is_month(a) && day(b)) || (day(a) && is_month(b)))
    } else if let Some(agency) = after.strip_prefix("(") {
        // "WASHINGTON (Reuters)"
        caps && agency.starts_with(|c: char| c.is_ascii_uppercase())
            && agency.find(')').is_some_and(|k| k <= 25)
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn glued_datelines() {
        assert_flags(
            "Cuba takes advantage of blockade effectsHavana, Jul 12 (Prensa Latina) Cuban",
            &GluedDateline,
            &["effectsHavana"],
        );
        assert_flags(
            "President rejects siege against national unityHavana, July 12 (Prensa Latina) The",
            &GluedDateline,
            &["unityHavana"],
        );
        assert_flags(
            "Talks resume in the capitalBEIJING, July 12 (Xinhua) -- China said",
            &GluedDateline,
            &["capitalBEIJING"],
        );
        assert_flags(
            "Markets fall on rate fearsNEW YORK (Reuters) - Stocks fell",
            &GluedDateline,
            &["fearsNEW"],
        );
        assert_flags(
            "Floods hit the westBuenos Aires, Dec. 4 (Telam) Rain",
            &GluedDateline,
            &["westBuenos"],
        );
    }

    #[test]
    fn glued_bylines() {
        assert_flags(
            "+0400 By AzernewsBy Vugar KhalilovBaku has urged",
            &GluedDateline,
            &["AzernewsBy"],
        );
        assert_flags("Apr. 27By Umid Niayesh", &GluedDateline, &["27By"]);
        assert_fix_result(
            "Tehran talks stallBy Umid Niayesh",
            &GluedDateline,
            "Tehran talks stall\nBy Umid Niayesh",
        );
    }

    #[test]
    fn camel_case_and_normal_datelines() {
        assert_no_lints(
            "It aired on YouTube, Jan 5, on WhatsApp, May 3, at JPMorgan, June 2 and McDonald, Jul 9.",
            &GluedDateline,
        );
        assert_no_lints(
            "The new iPhone, Sept 12 launch and eBay, May 3 sale. Havana, Jul 12 (Prensa Latina) The",
            &GluedDateline,
        );
        assert_no_lints("Flights on easyJet, May 3 were cut.", &GluedDateline);
        assert_no_lints(
            "The mRNA (Moderna) vaccine. A StandBy Power Unit.",
            &GluedDateline,
        );
        assert_no_lints(
            "Written By Hand Alone. The vote went ahead By Monday.",
            &GluedDateline,
        );
        assert_no_lints("Tickets on airBaltic, May 3 sold out.", &GluedDateline);
        assert_no_lints(
            "A preprint posted on medRxiv, June 3 showed it.",
            &GluedDateline,
        );
    }
}
