use super::lexicon::{
    ascii_spaces, delete_lines, ends_like_sentence, has_sentence_break, is_credit_line, raw_words,
    snippet, starts_with_dateline,
};
use crate::declare_rule;
use crate::diagnostic::{Applicability, Severity, Suggestion};
use crate::document::{Document, is_blank, trim_span};
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;
use regex_lite::Regex;
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it does
    /// Finds page chrome that no phrase list knows, by the shape of its lines:
    /// - a run of title-case section labels before the first paragraph or after the
    ///   last one ("Home World Politics Sport Opinion", or one label per line);
    /// - a line of three or more short items joined by `|`, `·`, `»`, `›` or ` / `
    ///   (breadcrumbs, menus, "By Jane Doe · 3 min read · Sep 27, 2022");
    /// - a lone date or timestamp line after the last paragraph ("Updated: Sep 27,
    ///   2022 10:15 AM", "27/09/2022"), and a lone relative age or reading time
    ///   anywhere ("4 years ago", "2 Min Read").
    ///
    /// ## Why is this bad?
    /// Menus, breadcrumbs and time stamps are the page around the story. A scraper
    /// flattens them into lines of copy before the headline or after the last word.
    ///
    /// The headline, subheads, datelines ("MOSCOW:"), bylines and credit lines are not
    /// section labels: they have names, verbs or function words, and subheads sit
    /// between paragraphs, where label runs are not looked for. Tables are lines of
    /// items too, so a line is left alone when a neighbour has the same number of
    /// items or when its items are mostly figures.
    ///
    /// ## Example
    /// ```text flag
    /// Home World Politics Sport Opinion
    /// Russians flee mobilization
    ///
    /// Thousands of men crossed the border on Friday, officials said.
    /// ```
    /// ```text flag
    /// News » World » Europe
    /// Thousands of men crossed the border on Friday, officials said.
    /// ```
    /// ```text flag
    /// Thousands of men crossed the border on Friday, officials said.
    ///
    /// Updated: September 27, 2022 10:15 AM
    /// ```
    /// Use instead:
    /// ```text pass
    /// Russian Men Flee Mobilization Drive
    ///
    /// MOSCOW: Thousands of men crossed the border on Friday, officials said.
    ///
    /// Wave of exiles in Georgia
    ///
    /// The queues stretched for miles, guards said.
    ///
    /// Team | P | W | D | L | Pts
    /// Arsenal | 10 | 8 | 1 | 1 | 25
    ///
    /// Associated Press writers in Berlin and Warsaw contributed.
    /// ```
    ///
    /// ## Fix safety
    /// Deleting the line is unsafe: the shape is evidence, not proof.
    pub struct ChromeShape {
        id: "chrome-shape",
        category: Boilerplate,
        fix: Always,
        summary: "Page chrome recognised by line shape: section menus, breadcrumbs, time stamps",
    }
}

/// Section names of news and blog menus.
const SECTIONS: &[&str] = &[
    "home",
    "news",
    "world",
    "politics",
    "sport",
    "sports",
    "business",
    "opinion",
    "opinions",
    "culture",
    "entertainment",
    "tech",
    "technology",
    "science",
    "health",
    "lifestyle",
    "travel",
    "video",
    "videos",
    "live",
    "weather",
    "podcasts",
    "podcast",
    "newsletters",
    "subscribe",
    "search",
    "menu",
    "europe",
    "asia",
    "africa",
    "americas",
    "middle",
    "east",
    "local",
    "national",
    "international",
    "economy",
    "markets",
    "money",
    "food",
    "arts",
    "style",
    "fashion",
    "music",
    "film",
    "books",
    "education",
    "environment",
    "climate",
    "latest",
    "photos",
    "gallery",
    "obituaries",
    "crime",
    "games",
    "puzzles",
    "crossword",
    "login",
    "register",
    "sign",
    "more",
    "us",
    "uk",
    "football",
    "cricket",
    "tennis",
    "golf",
    "motoring",
    "cars",
    "property",
    "jobs",
    "careers",
    "shop",
    "deals",
    "horoscopes",
    "comment",
    "analysis",
    "features",
    "investigations",
    "data",
    "multimedia",
    "about",
    "contact",
    "advertise",
    "weekend",
    "magazine",
    "reviews",
    "tv",
    "radio",
    "media",
    "royals",
    "celebrity",
    "gaming",
    "wellness",
    "family",
    "parenting",
    "religion",
    "autos",
    "crypto",
    "finance",
    "elections",
    "trending",
    "explainers",
    "fact",
    "check",
    "letters",
    "editorials",
    "columnists",
    "blogs",
    "events",
    "archive",
    "archives",
    "epaper",
    "e-paper",
    "apps",
    "account",
    "profile",
    "log",
    "out",
    "edition",
    "region",
    "regions",
    "nation",
    "city",
    "metro",
    "state",
    "topics",
    "specials",
    "interactive",
    "graphics",
    "audio",
    "shows",
    "schedule",
    "watch",
    "listen",
    "stories",
    "lifestyle",
    "real",
    "estate",
    "personal",
    "work",
    "ideas",
    "people",
    "living",
    "home",
    "garden",
    "us",
    "canada",
    "australia",
    "india",
    "china",
    "asia-pacific",
    "latin",
    "america",
];

static SECTION_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| SECTIONS.iter().copied().collect());

/// Words that a label never carries but a headline or a subhead often does.
const NOT_LABEL: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "from", "is", "are",
    "was", "be", "will", "not", "as", "after", "over", "amid", "into", "says", "said",
];

static NOT_LABEL_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| NOT_LABEL.iter().copied().collect());

// ASCII digits only (`[0-9]`, not Unicode `\d`): page metadata is written so, and the
// smaller classes keep these case-insensitive regexes cheap to compile.
static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    // English month and day names, and the Indonesian and Malay ones of Antara,
    // Bernama and their syndicators ("11 Mei 2013 01:13", "Jumat, 1 April 2016").
    let month = r"(?:jan(?:uary|uari)?|feb(?:ruary|ruari)?|mar(?:ch|et)?|apr(?:il)?|may|mei|jun[ei]?|jul[yi]?|aug(?:ust)?|agu(?:stus)?|sept?(?:ember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|nop(?:ember)?|dec(?:ember)?|des(?:ember)?)\.?";
    let day = r"(?:(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|senin|selasa|rabu|kamis|jumat|sabtu|minggu)\.?,?\s+)?";
    let time = r"(?:,?\s*(?:at\s+)?[0-9]{1,2}[:.][0-9]{2}(?::[0-9]{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}|(?:GMT|UTC)[+-]?[0-9]{0,2})?)?";
    let date = format!(
        r"(?:{day}{month}\s+[0-9]{{1,2}}(?:st|nd|rd|th)?,?\s+[0-9]{{4}}|{day}[0-9]{{1,2}}(?:st|nd|rd|th)?\s+{month},?\s+[0-9]{{4}}|[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}(?:[T ][0-9]{{2}}:[0-9]{{2}}(?::[0-9]{{2}})?(?:Z|[+-][0-9]{{2}}:?[0-9]{{2}})?)?|[0-9]{{1,2}}[/.][0-9]{{1,2}}[/.][0-9]{{2,4}})"
    );
    let prefix = r"(?:(?:last\s+)?(?:updated|published|posted|modified|first\s+published|created)(?:\s+on)?\s*:?\s*)?";
    Regex::new(&format!(
        r"(?i)^{prefix}(?:{date}{time}|[0-9]{{1,2}}[:.][0-9]{{2}}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?,?\s+{date}|[0-9]{{1,3}}\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago|[0-9]{{1,3}}\s+min(?:ute)?s?\s+read)$"
    ))
    .unwrap()
});

/// Relative ages and reading times ("4 years ago", "2 Min Read"): page metadata
/// wherever the line stands, since copy spells such a line out as a sentence.
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:updated|published|posted)\s*:?\s*)?(?:([0-9]{1,3})|an?)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago$|^[0-9]{1,3}\s+min(?:ute)?s?\s+read$",
    )
    .unwrap()
});

/// A date or a clock time: an item of a metadata strip, not a figure of a table.
static DATE_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:[0-9]{1,2}[:.][0-9]{2}\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?|[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[ T][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+[0-9]{1,2},?\s+[0-9]{4}|[0-9]{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+[0-9]{4})$",
    )
    .unwrap()
});

fn is_prose(t: &str) -> bool {
    (ends_like_sentence(t) && raw_words(t).count() >= 5)
        || has_sentence_break(t)
        || starts_with_dateline(t)
}

/// Section-label words in a line, if every word of it is a capitalised label word.
fn label_score(t: &str) -> Option<(usize, usize)> {
    if t.contains(['.', ',', ';', ':', '!', '?', '“', '”', '"']) || is_credit_line(t) {
        return None;
    }
    let words: Vec<&str> = raw_words(t).collect();
    if words.is_empty() || words.len() > 10 {
        return None;
    }
    let mut sections = 0;
    for w in &words {
        let lw = w.to_lowercase();
        if NOT_LABEL_SET.contains(lw.as_str()) {
            return None;
        }
        if !w.chars().next().is_some_and(char::is_uppercase) && lw != "and" {
            return None;
        }
        if SECTION_SET.contains(lw.as_str()) {
            sections += 1;
        }
    }
    Some((sections, words.len()))
}

const SEPARATORS: &[&str] = &[" | ", " · ", "»", "›", " / ", " • "];

/// Items of a line joined by one kind of separator, if it has three or more.
fn items(t: &str) -> Option<(&'static str, Vec<&str>)> {
    for sep in SEPARATORS {
        let parts: Vec<&str> = t.split(sep).map(str::trim).collect();
        if parts.len() >= 3 {
            return Some((sep, parts));
        }
    }
    None
}

fn is_figure(item: &str) -> bool {
    if !item.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    if DATE_ITEM.is_match(&ascii_spaces(item)) {
        return false;
    }
    let digits = item.chars().filter(char::is_ascii_digit).count();
    let letters = item.chars().filter(|c| c.is_alphabetic()).count();
    digits > 0 && digits >= letters
}

impl Rule for ChromeShape {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let lines: Vec<Span> = doc
            .lines()
            .iter()
            .filter(|l| !is_blank(doc.slice(l.span)))
            .map(|l| trim_span(text, l.span))
            .collect();
        let Some(first_prose) = lines.iter().position(|&l| is_prose(doc.slice(l))) else {
            return;
        };
        let last_prose = lines
            .iter()
            .rposition(|&l| is_prose(doc.slice(l)))
            .unwrap_or(first_prose);
        let mut taken = vec![false; lines.len()];

        // Section-label runs before the first and after the last paragraph.
        for range in [0..first_prose, last_prose + 1..lines.len()] {
            let mut k = range.start;
            while k < range.end {
                let mut j = k;
                let (mut sec, mut words) = (0, 0);
                while j < range.end {
                    match label_score(doc.slice(lines[j])) {
                        Some((s, w)) if s * 2 >= w && s > 0 => {
                            sec += s;
                            words += w;
                            j += 1;
                        }
                        _ => break,
                    }
                }
                if j > k && sec >= 3 && sec * 10 >= words * 8 {
                    let span = lines[k].cover(lines[j - 1]);
                    let sev = if sec >= 4 && sec == words {
                        Severity::Warning
                    } else {
                        Severity::Info
                    };
                    emit(doc, out, span, "section menu", sev);
                    taken[k..j].iter_mut().for_each(|t| *t = true);
                }
                k = j.max(k + 1);
            }
        }

        // Lines of separated items: breadcrumbs, menus, metadata strips.
        for (i, &l) in lines.iter().enumerate() {
            let t = doc.slice(l);
            if taken[i] || ends_like_sentence(t) || t.starts_with('|') {
                continue;
            }
            let Some((sep, parts)) = items(t) else {
                continue;
            };
            if parts
                .iter()
                .any(|p| p.is_empty() || raw_words(p).count() > 5)
            {
                continue;
            }
            if parts.iter().filter(|p| is_figure(p)).count() * 2 >= parts.len() {
                continue;
            }
            // A neighbour with as many items makes a table, not a menu.
            let same = |j: usize| {
                lines.get(j).is_some_and(|&m| {
                    items(doc.slice(m)).is_some_and(|(s, p)| s == sep && p.len() == parts.len())
                })
            };
            if same(i + 1) || (i > 0 && same(i - 1)) {
                continue;
            }
            let sev = if matches!(sep, "»" | "›") {
                Severity::Warning
            } else {
                Severity::Info
            };
            let what = if matches!(sep, "»" | "›") {
                "breadcrumb"
            } else {
                "menu or metadata strip"
            };
            emit(doc, out, l, what, sev);
            taken[i] = true;
        }

        // Lone date or time stamps after the last paragraph; relative ages and
        // reading times anywhere ("a year ago" only outside the body).
        for (i, &l) in lines.iter().enumerate() {
            if taken[i] {
                continue;
            }
            let t = doc.slice(l);
            // Every stamp has a digit; every age or reading time says "ago" or "read".
            let digit = t.bytes().any(|b| b.is_ascii_digit());
            let cue = t.len() <= 40 && {
                let l = t.to_ascii_lowercase();
                l.contains("ago") || l.contains("read")
            };
            let stamp = (i > last_prose && digit && TIMESTAMP.is_match(&ascii_spaces(t)))
                || (cue
                    && RELATIVE
                        .captures(&ascii_spaces(t))
                        .is_some_and(|c| c.get(1).is_some() || i < first_prose || i > last_prose));
            if stamp {
                emit(doc, out, l, "time stamp", Severity::Warning);
            }
        }
    }
}

fn emit(doc: &Document, out: &mut Emitter, span: Span, what: &str, sev: Severity) {
    let (target, replacement) = delete_lines(doc, span);
    out.emit(
        span,
        format!(
            "{what} `{}` looks like page chrome",
            snippet(doc.slice(span), 60)
        ),
    )
    .severity(sev)
    .suggest(Suggestion::new("delete the line", Applicability::Unsafe).edit(target, replacement));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    const BODY: &str = "Thousands of men crossed the border on Friday, officials said.\n\nThe queues stretched for miles, guards said.\n";

    #[test]
    fn section_menus_at_head_and_tail() {
        assert_flags(
            &format!("Home\nNews\nWorld\nPolitics\nRussians flee\n\n{BODY}"),
            &ChromeShape,
            &["Home\nNews\nWorld\nPolitics"],
        );
        assert_lint_count(
            &format!("{BODY}\nNews Sport Business Culture Opinion Weather\n"),
            &ChromeShape,
            1,
        );
    }

    #[test]
    fn headlines_and_subheads_are_not_menus() {
        assert_no_lints(
            &format!("Energy Crisis Hits Europe Markets\n\n{BODY}\nWorld Politics Sport\n\n{BODY}"),
            &ChromeShape,
        );
        assert_no_lints(
            &format!("Russian Men Flee Mobilization Drive\nBy Jane Doe\n\n{BODY}"),
            &ChromeShape,
        );
    }

    #[test]
    fn breadcrumbs_and_strips() {
        assert_lint_count(&format!("News » World » Europe\n{BODY}"), &ChromeShape, 1);
        assert_lint_count(
            &format!("By Jane Doe · 3 min read · Sep 27, 2022\n{BODY}"),
            &ChromeShape,
            1,
        );
        assert_no_lints(
            &format!(
                "{BODY}Team | P | W | D | L | Pts\nArsenal | 10 | 8 | 1 | 1 | 25\nChelsea | 10 | 7 | 2 | 1 | 23\n"
            ),
            &ChromeShape,
        );
        // Dates and clock times are items of a strip, not figures of a table.
        assert_lint_count(
            &format!("May 1, 2013 / 11:12 PM / 4 years ago\n\n{BODY}"),
            &ChromeShape,
            1,
        );
        assert_lint_count(
            &format!("2017-09-23 16:03 | www.example.az | 1\n\n{BODY}"),
            &ChromeShape,
            1,
        );
        assert_no_lints(
            &format!(
                "{BODY}Scores: 6-4 / 3-6 / 7-5\nHe said the km/h figure and/or the 1/2 share were wrong.\n"
            ),
            &ChromeShape,
        );
    }

    #[test]
    fn timestamps_only_at_the_tail() {
        for stamp in [
            "Updated: September 27, 2022 10:15 AM",
            "27/09/2022",
            "Sep 27, 2022, 3:14 p.m. EDT",
            "2022-09-27T10:15:00Z",
            "Published 3 hours ago",
            "Tuesday, 27 September 2022",
            "11 Mei 2013 01:13",
            "Jumat, 1 April 2016 9:39 WIB",
            "1 Desember 2013 23:39",
        ] {
            assert_lint_count(&format!("{BODY}\n{stamp}\n"), &ChromeShape, 1);
        }
        assert_no_lints(&format!("September 27, 2022\n\n{BODY}"), &ChromeShape);
        // Relative ages and reading times are metadata at the head too.
        assert_lint_count(
            &format!("Reuters Staff\n2 Min Read\n4 years ago\n\n{BODY}"),
            &ChromeShape,
            2,
        );
        assert_lint_count(&format!("a year ago\n{BODY}"), &ChromeShape, 1);
        // A spelled-out subhead between paragraphs is copy.
        assert_no_lints(
            &format!("{BODY}\nA year ago\n\n{BODY}\nTwo years ago\n\n{BODY}"),
            &ChromeShape,
        );
        assert_no_lints(
            &format!("{BODY}\nAssociated Press writers in Berlin contributed.\n"),
            &ChromeShape,
        );
    }
}
