use super::context::{in_code_span, in_machine_token};
use crate::declare_rule;
use crate::diagnostic::{Applicability, Severity};
use crate::document::Document;
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags two words run together across punctuation: after a closing bracket or
    /// quotation mark ("[in Russia]said", "“No”she said"), after the punctuation that
    /// ends a sentence or a clause ("London.The minister", "Moscow,Kyiv"), after an
    /// ellipsis ("waiting…well"), before an opening quotation mark ("said“We",
    /// "threatened.“Greece"), before the pronoun "I" ("every day.I know"), and
    /// before a word that opens a sentence ("East MediterraneanWhen asked").
    ///
    /// Not flagged: abbreviations and initials (U.S., e.g., a.m., J.R.R.), decimals,
    /// times and version numbers (3.5, 10.30, 2.0.1), URLs, e-mail addresses, domain
    /// and file names (bbc.co.uk, report.pdf), words in brackets that form one word
    /// ("(re)elected", "friend(s)"), and apostrophes.
    ///
    /// ## Why is this bad?
    /// The space was lost with markup removed by a scraper, or by a translation engine;
    /// the reader sees one garbled word.
    ///
    /// ## Example
    /// ```text flag
    /// “There is complete chaos [in Russia]said the 24-year-old.
    /// ```
    /// ```text before
    /// He arrived in London.The minister left.
    /// ```
    /// ```text after
    /// He arrived in London. The minister left.
    /// ```
    /// Use instead:
    /// ```text pass
    /// U.S. officials met at 10.30 a.m., e.g. in Kyiv; see bbc.co.uk or mail desk@un.org. J.R.R. Tolkien was (re)elected.
    /// ```
    ///
    /// ## Fix safety
    /// Inserting a space changes no word, so the fix is safe.
    pub struct MissingSpace {
        id: "missing-space",
        category: Typography,
        fix: Always,
        summary: "Two words run together across punctuation",
    }
}

/// How many letters end `s`, and whether the last is lower-case.
fn trailing_letters(s: &str) -> (usize, bool) {
    let mut n = 0;
    let mut lower = false;
    for (k, c) in s.chars().rev().enumerate() {
        if !c.is_alphabetic() {
            break;
        }
        if k == 0 {
            lower = c.is_lowercase();
        }
        n += 1;
    }
    (n, lower)
}

impl Rule for MissingSpace {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let mut it = text.char_indices().peekable();
        let mut prev: Option<char> = None;
        // Straight double quotes seen so far on this line, for their direction.
        let mut straight = 0usize;
        while let Some((i, c)) = it.next() {
            let quotes_before = straight;
            match c {
                '\n' => straight = 0,
                '"' => straight += 1,
                _ => {}
            }
            let next = it.peek().map(|x| x.1);
            let end = i + c.len_utf8();
            let p = prev;
            prev = Some(c);
            let Some(n) = next else { break };
            // Chinese, Japanese and Thai put no space after punctuation: a mark with
            // one of their characters on either side is set right.
            if p.is_some_and(unspaced_script) || unspaced_script(n) {
                continue;
            }
            let hit = match c {
                ')' | ']' => n.is_alphabetic() && bracket_has_space(text, i, c),
                '”' => n.is_alphabetic() && p.is_some_and(|p| !p.is_whitespace()),
                '“' => {
                    // said“We: report the gap before the opener.
                    if p.is_some_and(char::is_alphabetic) && n.is_alphabetic() && !skip(text, i) {
                        let at = Span::new(i, i);
                        emit(out, Span::new(i - p.map_or(0, char::len_utf8), end), at, c);
                    }
                    // "if it is threatened.“Greece will": a sentence glued to the
                    // quotation that follows it.
                    if let Some(pc) = p.filter(|pc| matches!(pc, '.' | ',' | '!' | '?' | ':' | ';'))
                        && n.is_alphabetic()
                        && text[..i - pc.len_utf8()]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_alphabetic)
                        && !skip(text, i)
                    {
                        let at = Span::new(i, i);
                        emit(out, Span::new(i - pc.len_utf8(), end), at, c);
                    }
                    false
                }
                '…' => {
                    if n.is_alphabetic() && p.is_some_and(char::is_alphabetic) && !skip(text, i) {
                        emit_ellipsis(out, Span::new(i, end + n.len_utf8()), end, n, "…");
                    }
                    false
                }
                '.' if text[end..].starts_with("..") => false,
                '.' if text[..i].ends_with("..") => {
                    let glued = n.is_alphabetic()
                        && text[..i - 2]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_alphabetic);
                    if glued && !skip(text, i) {
                        emit_ellipsis(out, Span::new(i - 2, end + n.len_utf8()), end, n, ".");
                    }
                    false
                }
                '.' if glued_after_number_or_quote(text, i, n) => true,
                // "Opportunity to assess Union's path.(APS, 17/02/2019)": a bracketed
                // source glued to the sentence before it.
                '.' if n == '(' => {
                    let (letters, lower) = trailing_letters(&text[..i]);
                    letters >= 3
                        && lower
                        && text[end + 1..]
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase)
                }
                // "on Monday, April 27,2020": the year glued to the day of the month.
                ',' if n.is_ascii_digit() => glued_year(text, i),
                '.' if cap_tld_after(&text[end..]) => false,
                // "Adana (Turkey):A day after": a bracketed dateline glued to the story.
                ':' if p == Some(')') => {
                    n.is_uppercase()
                        && text[end..]
                            .split_once(' ')
                            .is_some_and(|(w, _)| w.chars().all(char::is_alphabetic))
                        && dateline_bracket(&text[..i])
                }
                ':' => {
                    let (letters, _) = trailing_letters(&text[..i]);
                    letters >= 2
                        && n.is_uppercase()
                        && word_after(&text[end..]) >= 3
                        && !ticker(text, i, letters)
                }
                '%' => {
                    p.is_some_and(|p| p.is_ascii_digit())
                        && n.is_lowercase()
                        && word_after(&text[end..]) >= 3
                }
                '.' | '!' | '?' => {
                    let (letters, lower) = trailing_letters(&text[..i]);
                    let word_start = i - text[..i]
                        .chars()
                        .rev()
                        .take(letters)
                        .map(char::len_utf8)
                        .sum::<usize>();
                    let dotted = text[..word_start].ends_with('.');
                    let mut after = text[end..].chars();
                    let second = after.nth(1);
                    let word = &text[word_start..i];
                    letters >= 2
                        && lower
                        && !dotted
                        && n.is_uppercase()
                        && (second.is_some_and(char::is_lowercase)
                            // "every day.I honestly do not know": the pronoun.
                            || (n == 'I'
                                && letters >= 3
                                && matches!(second, Some(' ' | '\'' | '’'))
                                && !ROMAN_BEFORE.contains(&word.to_lowercase().as_str())))
                }
                // "&quot;took": the entity is entity-leak's finding, not a lost space.
                ';' if entity_before(&text[..i]) => false,
                // "land,"Reyes said" / "said,"We will": a straight quote after a
                // comma or full stop with a letter on its other side.
                '"' if p.is_some_and(|p| matches!(p, ',' | '.' | '!' | '?'))
                    && n.is_alphabetic() =>
                {
                    if quotes_before % 2 == 1 {
                        true // closes: the space after it was lost
                    } else {
                        // opens: the space before it was lost
                        if !skip(text, i) {
                            out.emit(Span::new(i - 1, end), "missing space before `\"`")
                                .replace(
                                    "insert a space",
                                    Span::new(i, i),
                                    " ",
                                    Applicability::Safe,
                                );
                        }
                        false
                    }
                }
                ',' | ';' => {
                    let (letters, _) = trailing_letters(&text[..i]);
                    let after: usize = text[end..]
                        .chars()
                        .take_while(|c| c.is_alphabetic())
                        .count();
                    letters >= 2 && after >= 2
                }
                _ => false,
            };
            if hit && !skip(text, i) {
                let at = Span::new(end, end);
                emit(out, Span::new(i, end + n.len_utf8()), at, c);
            }
        }
        glued_opener(doc, out);
    }
}

/// Characters of scripts written without spaces between words or after punctuation:
/// Han ideographs, kana, Thai, Lao, Khmer and Myanmar.
fn unspaced_script(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' // hiragana, katakana
        | '\u{3400}'..='\u{4dbf}' // CJK extension A
        | '\u{4e00}'..='\u{9fff}' // CJK unified ideographs
        | '\u{f900}'..='\u{faff}' // CJK compatibility ideographs
        | '\u{0e00}'..='\u{0eff}' // Thai, Lao
        | '\u{1000}'..='\u{109f}' // Myanmar
        | '\u{1780}'..='\u{17ff}' // Khmer
    )
}

/// Month abbreviations, beside the month names of the translation lexicon, for a date
/// written "April 27,2020".
const MONTH_ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Whether the comma at `i` stands between a month's day and a year with no space:
/// "April 27,2020", "Dec. 3,1998".
fn glued_year(text: &str, i: usize) -> bool {
    let after = &text[i + 1..];
    let year = after.bytes().take_while(u8::is_ascii_digit).count();
    if year != 4 || !(after.starts_with("19") || after.starts_with("20")) {
        return false;
    }
    let before = &text[..i];
    let day = before.bytes().rev().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&day) {
        return false;
    }
    let Some(rest) = before[..before.len() - day].strip_suffix(' ') else {
        return false;
    };
    let rest = rest.strip_suffix('.').unwrap_or(rest);
    (crate::rules::translation::lexicon::MONTHS.iter())
        .chain(MONTH_ABBREVIATIONS)
        .any(|m| {
            rest.strip_suffix(m)
                .is_some_and(|r| !r.chars().next_back().is_some_and(char::is_alphanumeric))
        })
}

/// Words that open a sentence or a clause in news copy. Glued to a lower-case word
/// ("East MediterraneanWhen asked"), one marks a lost space or line break: no name
/// or brand ends in lower case and goes on with one of these.
const OPENERS: &[&str] = &[
    "When",
    "The",
    "He",
    "She",
    "They",
    "It",
    "In",
    "On",
    "At",
    "After",
    "Before",
    "As",
    "But",
    "And",
    "However",
    "According",
    "This",
    "That",
    "While",
    "During",
    "Meanwhile",
    "If",
    "We",
    "His",
    "Her",
    "Their",
    "There",
    "Since",
    "Although",
    "Despite",
    "Earlier",
    "Later",
    "Asked",
    "Speaking",
    "Asserting",
    "Noting",
    "Stressing",
    "Recalling",
    "Answering",
    "Referring",
    "Responding",
    "Underlining",
    "Emphasizing",
    "Emphasising",
];

/// "MediterraneanWhen asked": a word that opens a sentence glued to the word before.
fn glued_opener(doc: &Document, out: &mut Emitter) {
    let text = doc.text();
    let b = text.as_bytes();
    for &i in doc.capital_joins().iter() {
        let word_end = text[i..]
            .find(|c: char| !c.is_ascii_alphabetic())
            .map_or(text.len(), |k| i + k);
        if !OPENERS.contains(&&text[i..word_end]) || b.get(word_end) != Some(&b' ') {
            continue;
        }
        // The left part: a lower-case word of four letters or more, started by a
        // letter after a space or the line start (not a handle, tag or code).
        let left_start = text[..i]
            .rfind(|c: char| !c.is_alphabetic())
            .map_or(0, |k| {
                k + text[k..].chars().next().map_or(1, char::len_utf8)
            });
        let left = &text[left_start..i];
        let opened = text[..left_start]
            .chars()
            .next_back()
            .is_none_or(|c| c == ' ' || c == '\n');
        if left.chars().count() < 4
            || !left.chars().skip(1).all(char::is_lowercase)
            || !opened
            || skip(text, i)
        {
            continue;
        }
        out.emit(
            Span::new(left_start, word_end),
            format!("missing space before `{}`", &text[i..word_end]),
        )
        .replace("insert a space", Span::new(i, i), " ", Applicability::Safe);
    }
}

/// Words after which a full stop and "I" are a roman numeral ("Vol.I"), not a
/// sentence and the pronoun.
const ROMAN_BEFORE: &[&str] = &[
    "vol", "chap", "art", "sec", "fig", "part", "book", "act", "no",
];

/// Whether `before` ends with a bracketed place at the start of its line:
/// "Adana (Turkey)", "KYIV (Reuters)".
fn dateline_bracket(before: &str) -> bool {
    let line = before.rsplit('\n').next().unwrap_or(before);
    let Some(open) = line.rfind('(') else {
        return false;
    };
    let (place, inner) = (&line[..open], &line[open + 1..line.len() - 1]);
    !place.trim().is_empty()
        && place.len() <= 40
        && place.chars().next().is_some_and(char::is_uppercase)
        && place
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '.' | ','))
        && inner.chars().next().is_some_and(char::is_uppercase)
        && inner.chars().all(|c| c.is_alphabetic() || c == ' ')
}

/// Letters in the word that starts `s`, or 0 when the word goes on with digits or
/// other word characters ("Baku2015", "x_y").
fn word_after(s: &str) -> usize {
    let letters = s.chars().take_while(|c| c.is_alphabetic()).count();
    let rest = s.chars().nth(letters);
    if rest.is_some_and(|c| c.is_alphanumeric() || c == '_') {
        0
    } else {
        letters
    }
}

/// "in 2015.The minister", "on July 26.Armenian forces", "brotherhood\".Novruz",
/// "(UNDP).The": a sentence that ends in a number of two or more digits, a closing
/// quotation mark or a bracket, glued to a capitalised word. A number must stand
/// alone (not "3.14.The" or "v2.The"), so decimals and section numbers stay clean.
fn glued_after_number_or_quote(text: &str, i: usize, n: char) -> bool {
    if !n.is_uppercase()
        || text[i + 1..]
            .chars()
            .nth(1)
            .is_none_or(|c| !c.is_lowercase())
    {
        return false;
    }
    let before = &text[..i];
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 {
        let lead = before[..before.len() - digits].chars().next_back();
        return digits >= 2 && lead.is_none_or(|c| c.is_whitespace() || c == '(');
    }
    let mut back = before.chars().rev();
    let Some(q) = back.next() else { return false };
    matches!(q, '"' | '”' | '’' | '\'' | ')')
        && back
            .find(|c| !matches!(c, '"' | '”' | '’' | '\''))
            .is_some_and(|c| c.is_alphanumeric() || c == '.')
        && !before.ends_with(".)")
        && !before.ends_with(".\"")
        && !before.ends_with(".”")
}

/// Country-code domains in the capitalised spelling of news sites ("News.Az",
/// "Lenta.Ru"): no English sentence starts with these.
const CAP_TLDS: &[&str] = &[
    "Az", "Kz", "Uz", "Ru", "Ua", "Kg", "Tj", "Tm", "Md", "Ge", "Lv", "Lt", "Ee", "Cz", "Sk", "Ro",
    "Bg", "Rs", "Hr", "Vn", "Kr", "Cn", "Jp", "Tr", "Ir", "Pk", "Ng", "Ke", "Za", "Com", "Net",
    "Org", "Info",
];

/// Whether `after` (the text right after a full stop) is one of `CAP_TLDS` ending
/// the word.
fn cap_tld_after(after: &str) -> bool {
    let n = after.chars().take_while(|c| c.is_alphabetic()).count();
    let word = &after[..after.char_indices().nth(n).map_or(after.len(), |(k, _)| k)];
    CAP_TLDS.contains(&word) && !after[word.len()..].starts_with(|c: char| c.is_alphanumeric())
}

/// Whether `before` ends with an HTML entity name or number: "&quot", "&#8217".
fn entity_before(before: &str) -> bool {
    let tail: &str = before
        .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
        .next()
        .unwrap_or("");
    !tail.is_empty() && before[..before.len() - tail.len()].ends_with('&')
}

fn skip(text: &str, i: usize) -> bool {
    in_machine_token(text, i) || in_code_span(text, i)
}

/// "NYSE:WMT", "NASDAQ:AAPL": an exchange and a ticker symbol, both all capitals,
/// are written without a space.
fn ticker(text: &str, colon: usize, letters_before: usize) -> bool {
    let before = &text[..colon];
    let word = &before[before.len()
        - before
            .chars()
            .rev()
            .take(letters_before)
            .map(char::len_utf8)
            .sum::<usize>()..];
    let after: String = text[colon + 1..]
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect();
    let caps = |w: &str| w.chars().all(|c| !c.is_lowercase());
    caps(word) && caps(&after)
}

/// An ellipsis glued to words on both sides. Between two lower-case words
/// ("need…because") it is a house style of quoted speech, so only info; before a
/// capital ("forth…Nobody") two sentences were likely run together.
fn emit_ellipsis(out: &mut Emitter, span: Span, end: usize, next: char, mark: &str) {
    let d = out.emit(span, format!("missing space after `{mark}`"));
    d.replace(
        "insert a space",
        Span::new(end, end),
        " ",
        Applicability::Safe,
    );
    if next.is_lowercase() {
        d.severity(Severity::Info);
    }
}

fn emit(out: &mut Emitter, span: Span, at: Span, c: char) {
    let msg = if c == '“' {
        "missing space before `“`".to_string()
    } else if c == '.' || c == '…' {
        format!("missing space after `{}`", if c == '.' { "." } else { "…" })
    } else {
        format!("missing space after `{c}`")
    };
    out.emit(span, msg)
        .replace("insert a space", at, " ", Applicability::Safe);
}

/// Whether the bracket closed at `close` holds more than one word: "[in Russia]said"
/// is a lost space, "(re)elected" and "friend(s)" are one word.
fn bracket_has_space(text: &str, close: usize, c: char) -> bool {
    let open = if c == ')' { '(' } else { '[' };
    let line_start = text[..close].rfind('\n').map_or(0, |k| k + 1);
    let from = close.saturating_sub(300).max(line_start);
    let from = (from..=close)
        .find(|&k| text.is_char_boundary(k))
        .unwrap_or(close);
    match text[from..close].rfind(open) {
        Some(k) => text[from + k..close].contains(' '),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    const R: MissingSpace = MissingSpace;

    #[test]
    fn chinese_and_thai_punctuation_needs_no_space() {
        // Chinese copy with ASCII commas beside the English: no space in that script.
        assert_no_lints(
            "在与世界的交往中,中国常常感到自己被误解。以求向世界展现“真实的中国”。",
            &R,
        );
        assert_no_lints("ราคาน้ำมัน,ทองคำ", &R);
        // The English beside it still counts.
        assert_flags("China feels misunderstood,it said. 中国,世界", &R, &[",i"]);
    }

    #[test]
    fn after_brackets_and_quotes() {
        assert_flags("chaos [in Russia]said the man", &R, &["]s"]);
        assert_flags("“No,” he said.“Yes”she said", &R, &[".“", "”s"]);
        assert_no_lints("He was (re)elected, a friend(s) list, [sic]", &R);
        assert_fix_result("chaos [in Russia]said", &R, "chaos [in Russia] said");
    }

    #[test]
    fn source_bracket_and_year_glued() {
        assert_flags(
            "Opportunity to assess the Union's path.(APS, 17/02/2019)",
            &R,
            &[".("],
        );
        assert_fix_result(
            "briefing on Monday, April 27,2020, he said",
            &R,
            "briefing on Monday, April 27, 2020, he said",
        );
        assert_flags("It was Dec. 3,1998 when", &R, &[",1"]);
        assert_no_lints(
            "Sales were 1,2000 units? No: 12,000 units, e.g.(A) and vs.(B); see p.(4), \
             Article 5.(1) and the 27,2020 code.",
            &R,
        );
    }

    #[test]
    fn bracketed_dateline_glued_to_the_story() {
        assert_flags(
            "Adana (Turkey):A day after a powerful quake, Erdogan spoke.",
            &R,
            &[":A"],
        );
        assert_no_lints("Adana (Turkey): A day after the quake.", &R);
        assert_no_lints("The ratio (A:B) was 2:1 and (see note):The end.", &R);
        assert_no_lints("Results (2023):Q4 revenue rose.", &R);
    }

    #[test]
    fn between_sentences_and_clauses() {
        assert_flags("He arrived in London.The minister", &R, &[".T"]);
        assert_flags(
            "Really?Yes. Moscow,Kyiv and Paris;Berlin",
            &R,
            &["?Y", ",K", ";B"],
        );
        assert_fix_result("in London.The minister", &R, "in London. The minister");
    }

    #[test]
    fn sentence_opener_glued_to_a_word() {
        assert_flags(
            "President Erdogan, East MediterraneanWhen asked about it, said no.",
            &MissingSpace,
            &["MediterraneanWhen"],
        );
        assert_fix_result(
            "The talks endedThe minister left.",
            &MissingSpace,
            "The talks ended The minister left.",
        );
        assert_no_lints(
            "He posted #StandWithThe people and @sawThe band. McThe is odd. YouTube It is. iPhone The end. aboutThem.",
            &MissingSpace,
        );
    }

    #[test]
    fn pronoun_and_quotation_glued_to_a_sentence() {
        assert_lint_count(
            "He runs after his son every day.I honestly do not know. It is an affair.I hope not.",
            &MissingSpace,
            2,
        );
        assert_lint_count(
            "Greece is ready if it is threatened.“Greece will not tolerate it,” he said.",
            &MissingSpace,
            1,
        );
        assert_no_lints(
            "See Vol.I of the report. The word “I” is short. He said: “Yes.” She wrote “No”.",
            &MissingSpace,
        );
    }

    #[test]
    fn after_ellipsis_and_before_opening_quote() {
        assert_flags("six hours of waiting…well, fine", &R, &["…w"]);
        assert_flags("waiting...well", &R, &["...w"]);
        assert_flags("he said“We will", &R, &["d“"]);
        assert_fix_result("waiting…well", &R, "waiting… well");
    }

    #[test]
    fn straight_quotes_and_entities() {
        assert_flags("\"We will own the land,\"Reyes said.", &R, &["\"R"]);
        assert_flags("He said,\"We will win.\"", &R, &[",\""]);
        assert_fix_result("\"Ours,\"Reyes said.", &R, "\"Ours,\" Reyes said.");
        assert_no_lints("\"Yes,\" he said. \"No.\" The \"best\" 12\" pizza.", &R);
        // The entity is entity-leak's business.
        assert_no_lints("the organization &quot;took note", &R);
        assert_no_lints("the &#8217;s and &amp;c", &R);
    }

    #[test]
    fn after_numbers_quotes_colons_and_percent() {
        assert_flags(
            "It opened in 2015.The minister came on July 26.Armenian forces left.",
            &R,
            &[".T", ".A"],
        );
        assert_flags(
            "Draw your conclusions about such brotherhood\".Novruz Mammadov said. Funds (UNDP).The rest",
            &R,
            &[".N", ".T"],
        );
        assert_flags("By Umid Niayesh - Trend:Iranian deputy", &R, &[":I"]);
        assert_flags("Turnout was 5%merit-based", &R, &["%m"]);
        assert_fix_result("in 2015.The minister", &R, "in 2015. The minister");
    }

    #[test]
    fn numbers_domains_and_labels_that_are_fine() {
        assert_no_lints(
            "News.Az reports. Today.Az Covering Azerbaijan. Lenta.Ru said. Yahoo.Com, bbc.co.uk.",
            &R,
        );
        assert_no_lints(
            "Pi is 3.14.Then what? Version v2.Beta, section 1.The end. Use %s and %d, 100%.",
            &R,
        );
        assert_no_lints(
            "Time 10:30, John 3:16, ratio 2:1, C:Users, http://Example.com/A:B, Note: This.",
            &R,
        );
        // The quote or bracket branch reports these once, not the full stop.
        assert_flags("He said “Yes.”The end. (See U.S.)The", &R, &["”T", ")T"]);
    }

    #[test]
    fn abbreviations_numbers_machine_tokens() {
        assert_no_lints(
            "U.S. and U.K. officials, e.g. Mr. Smith, i.e. J.R.R. Tolkien at 10.30 a.m. \
             on 3.5 percent, version 2.0.1, 1,000 people.",
            &R,
        );
        assert_no_lints(
            "See https://www.Example.com/News.Today or mail Press.Office@un.org, bbc.co.uk, \
             Report.pdf, Node.js, ASP.NET and `a.B` today.",
            &R,
        );
        assert_no_lints("Yevgeny's “friends” said so… Then left.", &R);
    }

    #[test]
    fn exchange_and_ticker_symbols() {
        assert_no_lints(
            "Shares of Acme (NYSE:ACM) and Borealis (NASDAQ:BORL.O) rose; TSX:RY fell.",
            &R,
        );
        // A label glued to a capitalised word is still a lost space.
        assert_flags("Published:Friday, Region:World News", &R, &[":F", ":W"]);
    }

    #[test]
    fn closed_up_ellipsis_in_speech_is_only_info() {
        use crate::diagnostic::Severity;
        let found = lint_with(
            "\"That is all we want…because the river is still high.\"",
            &R,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Info);
        let found = lint_with("rain was easing...we still have creeks flowing", &R);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Info);
        // Before a capital two sentences were run together: a warning.
        let found = lint_with("and so on…Nobody is talking about it", &R);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
    }
}
