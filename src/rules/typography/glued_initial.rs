use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::Document;
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::rules::translation::lexicon::is_function_word;
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags an initial written against the surname, without a space: "K.Tokayev",
    /// "N.Nazarbayev", "Sh.Mirziyoyev", "A.B.Smith". Wire services in Central Asia
    /// write names this way in Russian; English copy puts a space after the initial.
    ///
    /// Abbreviations ("U.S.Steel" is left to other rules, "E.ON"), regional names
    /// ("S.Korea", "N.Ireland"), brand names ("J.Crew", "E.Leclerc") and a sentence
    /// run into the next after a one-letter word ("Plan A.The talks") stay clean.
    ///
    /// ## Why is this bad?
    /// It reads as one garbled word and marks the copy as an unedited translation.
    ///
    /// ## Example
    /// ```text flag
    /// According to the Akorda press service, K.Tokayev informed the guests.
    /// ```
    /// Use instead:
    /// ```text pass
    /// K. Tokayev met U.S. envoys; S.Korea and J.Crew were mentioned; E.ON rose.
    /// ```
    /// ```text before
    /// The letter was sent to N.Nazarbayev on Monday.
    /// ```
    /// ```text after
    /// The letter was sent to N. Nazarbayev on Monday.
    /// ```
    ///
    /// ## Fix safety
    /// Inserting a space changes no letter, so the fix is safe.
    pub struct GluedInitial {
        id: "glued-initial",
        category: Typography,
        fix: Always,
        summary: "Initial written against the surname",
    }
}

/// Two-letter initials of transliterated names ("Sh.Mirziyoyev").
const DIGRAPHS: &[&str] = &["Sh", "Ch", "Zh", "Kh", "Ts", "Yu", "Ya", "Ye", "Yo", "Sch"];

/// Words that follow a compass initial in headline shorthand ("S.Korea").
const REGIONS: &[&str] = &[
    "Korea",
    "Korean",
    "Koreans",
    "Africa",
    "African",
    "Sudan",
    "Ireland",
    "Irish",
    "Carolina",
    "Dakota",
    "Ossetia",
    "Macedonia",
    "Cyprus",
    "Yemen",
    "Vietnam",
    "Virginia",
    "Timor",
    "Europe",
    "Asia",
    "America",
    "Kivu",
    "Waziristan",
    "Kordofan",
    "Darfur",
    "Wales",
    "Caucasus",
    "Syria",
    "Iraq",
    "Kazakhstan",
    "Sulawesi",
    "Sumatra",
    "Kalimantan",
    "Java",
    "Island",
    "Sinai",
    "Lebanon",
    "Gaza",
];

/// Names that are spelled with a glued initial.
const BRANDS: &[&str] = &[
    "J.Crew",
    "E.Leclerc",
    "S.Pellegrino",
    "J.Lindeberg",
    "A.Lange",
    "E.Coli",
    "T.Rex",
    "D.Va",
    "L.L.Bean",
    "A.P.Moller",
    "J.P.Morgan",
    "T.J.Maxx",
    "S.C.Johnson",
    "C.H.Robinson",
    // the newspaper Folha de S.Paulo and its city, as the paper styles them
    "S.Paulo",
];

/// Initial chains that are abbreviations, not initials.
const ABBREVIATIONS: &[&str] = &[
    "U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "L.A.", "N.Y.", "N.Z.",
];

impl Rule for GluedInitial {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let mut from = 0;
        while let Some(k) = text[from..].find('.') {
            let dot = from + k;
            from = dot + 1;
            // A capital after the dot, then lower-case letters.
            if !text[dot + 1..].starts_with(char::is_uppercase) {
                continue;
            }
            let Some((start, initials)) = initials_before(text, dot) else {
                continue;
            };
            let rest = &text[dot + 1..];
            let name_len = rest
                .char_indices()
                .skip(1)
                .find(|(_, c)| !c.is_lowercase())
                .map_or(rest.len(), |(i, _)| i);
            let name = &rest[..name_len];
            if name.chars().count() < 3 {
                continue;
            }
            let after = &rest[name_len..];
            // "K.Tokayev." is fine; "x.Com/" or "A.Bcd.ef" is a domain or file.
            if after.starts_with(|c: char| c.is_alphanumeric() || c == '/' || c == '@')
                || (after.starts_with('.') && after[1..].starts_with(|c: char| c.is_alphanumeric()))
            {
                continue;
            }
            let glued = &text[start..dot + 1 + name_len];
            if REGIONS.contains(&name)
                || BRANDS.contains(&glued)
                || ABBREVIATIONS.iter().any(|a| initials.starts_with(a))
                || is_function_word(&name.to_lowercase())
            {
                continue;
            }
            let span = Span::new(start, dot + 1 + name_len);
            out.emit(
                span,
                format!("initial written against the surname: `{glued}`"),
            )
            .replace(
                "put a space after the initial",
                Span::new(dot + 1, dot + 1),
                " ",
                Applicability::Safe,
            );
        }
    }
}

/// The initials that end with the full stop at `dot` ("K.", "A.B.", "Sh."), if they
/// start a word: their start and their text.
fn initials_before(text: &str, dot: usize) -> Option<(usize, &str)> {
    let mut start = dot;
    loop {
        // One initial: a capital, or a two-letter digraph, right before `start`.
        let before = &text[..start];
        let letters = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(start, |(i, _)| i);
        let initial = &text[letters..start];
        let ok = initial.chars().count() == 1 && initial.chars().all(char::is_uppercase)
            || DIGRAPHS.contains(&initial);
        if !ok {
            return None;
        }
        start = letters;
        // Another initial before it ("A.B.Smith"), or the start of the word.
        let prev = text[..start].chars().next_back();
        match prev {
            Some('.') if start >= 2 => start -= 1,
            None => break,
            Some(c) if c.is_whitespace() || "([\"“‘'«—–-/".contains(c) => break,
            Some(_) => return None,
        }
        if start == 0 {
            return None;
        }
    }
    let chain = &text[start..=dot];
    // More than two initials is an abbreviation or a list, not a name.
    (chain.matches('.').count() <= 2).then_some((start, chain))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn glued_initials() {
        assert_flags(
            "According to the press service, K.Tokayev informed the guests.",
            &GluedInitial,
            &["K.Tokayev"],
        );
        assert_flags(
            "Letters from N.Nazarbayev and Sh.Mirziyoyev (A.B.Smith) arrived.",
            &GluedInitial,
            &["N.Nazarbayev", "Sh.Mirziyoyev", "A.B.Smith"],
        );
        assert_fix_result("He met K.Tokayev.", &GluedInitial, "He met K. Tokayev.");
        assert_flags(
            "“Ş.Mirziyoyev” and Ö.Özdemir",
            &GluedInitial,
            &["Ş.Mirziyoyev", "Ö.Özdemir"],
        );
    }

    #[test]
    fn abbreviations_places_brands_domains() {
        assert_no_lints(
            "U.S. envoys met K. Tokayev. E.ON rose and J.Crew fell. S.Korea and N.Ireland voted.",
            &GluedInitial,
        );
        assert_no_lints("Plan A.The talks failed. Mr.Smith left.", &GluedInitial);
        assert_no_lints("See X.Com/news or A.Bcd.ef and v1.Beta.", &GluedInitial);
        assert_no_lints("The U.S.Steel deal and St.Petersburg.", &GluedInitial);
        assert_no_lints("Q.E.D.Then it ended.", &GluedInitial);
        assert_no_lints("L.L.Bean and A.P.Moller-Maersk", &GluedInitial);
        assert_no_lints("I.Wo ok. AK.Tokayev no.", &GluedInitial);
        assert_no_lints(
            "He spoke to the newspapers Folha de S.Paulo and El País.",
            &GluedInitial,
        );
    }
}
