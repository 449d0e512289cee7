use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::Document;
use crate::document::trim_span;
use crate::rule::{Emitter, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Flags a line written in another alphabet (Cyrillic, Greek, Arabic, Hebrew,
    /// Hangul, Chinese, Japanese, Thai...) inside copy that is otherwise in the Latin
    /// alphabet: the menu of a Korean ministry's site ("바로가기 메뉴"), the banner of
    /// a Russian feed reader ("Появились новые статьи"), an image's alt text
    /// ("1.13.(월).jpg 이미지입니다."), a "related news" heading in the source
    /// language.
    ///
    /// A line is flagged when at least 60% of its letters (and at least three) are
    /// of another alphabet, and only when the rest of the document is at least 95%
    /// Latin letters over 200 letters or more, and the flagged lines hold at most a
    /// fifth of the document's letters, so bilingual copy, a passage quoted in the
    /// original and stories in other languages stay clean. A line with a Latin-script translation beside the
    /// original ("Слава Україні (Glory to Ukraine)") keeps enough Latin letters to
    /// pass, and so does a line inside a quotation.
    ///
    /// A passage the story sets out in the original stays clean too: a run of such
    /// lines right after a sentence that ends in a colon ("the wording has been
    /// preserved by Herodotus:", "The sign reads, in full:"), or a run of two lines or
    /// more (a stanza, an inscription) right under or over a line that names a
    /// language ("Greek inscription", "the Hebrew original"), or a stanza set beside its
    /// translation (verse: short lines broken at commas or dashes). Interface text
    /// follows a menu or a label, never a sentence announcing a quotation, and menu
    /// lines never end in a comma.
    ///
    /// ## Why is this bad?
    /// English copy scraped from a site in another language, or from a translated
    /// page, drags the site's own interface text along; no reader of the English
    /// story can read it, and it is never part of the article.
    ///
    /// ## Example
    /// ```text flag
    /// 바로가기 메뉴
    /// 본문 바로가기
    ///
    /// Good afternoon. Let me start today's briefing. First, the Minister of Foreign Affairs will visit the Russian Federation on June 17 and meet his Russian counterpart. In the meeting, the two ministers will review the progress made since the summit last year and discuss ways to advance relations between the two countries.
    /// ```
    /// Use instead:
    /// ```text pass
    /// Good afternoon. Let me start today's briefing. First, the Minister of Foreign Affairs will visit the Russian Federation on June 17 and meet his Russian counterpart. In the meeting, the two ministers will review the progress made since the summit last year and discuss ways to advance relations between the two countries.
    /// ```
    ///
    /// ## Fix safety
    /// Deleting the line is right for interface text, but a line could be a quotation
    /// the story keeps in the original on purpose: unsafe.
    pub struct ForeignScriptLine {
        id: "foreign-script-line",
        category: Boilerplate,
        fix: Always,
        summary: "Line in another alphabet inside Latin-script copy (site menus, alt text)",
    }
}

/// Letters of the Latin alphabet, accented ones and Vietnamese included.
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}')
            && c != '\u{d7}'
            && c != '\u{f7}'
}

/// Latin and other letters in `s`.
fn letters(s: &str) -> (usize, usize) {
    let mut latin = 0;
    let mut other = 0;
    for c in s.chars() {
        if is_latin(c) {
            latin += 1;
        } else if c.is_alphabetic() {
            other += 1;
        }
    }
    (latin, other)
}

/// Letters of another alphabet in `s`, looking only at its non-ASCII characters.
fn other_letters(s: &str) -> usize {
    let b = s.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < b.len() {
        if b[i] < 0x80 {
            i += 1;
            continue;
        }
        // `i` is always at the start of a character: only whole ones are skipped.
        let Some(c) = s.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
        if !is_latin(c) && c.is_alphabetic() {
            n += 1;
        }
        i += c.len_utf8();
    }
    n
}

/// Share of letters that must be of another alphabet for a line to be flagged.
const LINE_SHARE: f64 = 0.6;
/// Share of Latin letters the rest of the document must have.
const DOC_SHARE: f64 = 0.95;
/// Latin letters the rest of the document must have.
const DOC_MIN: usize = 200;
/// Most of the document's letters the flagged lines may hold: interface text is a
/// small part of a page, a passage of another language is not.
const FLAGGED_SHARE: f64 = 0.2;

/// A sentence that announces what follows ("The inscription reads:"): it ends in a
/// colon and has at least three words, so a label ("Weather:", "Currency rates:") is
/// not one.
fn announces_quotation(s: &str) -> bool {
    let t = s.trim_end();
    t.ends_with(':') && t.split_whitespace().count() >= 3
}

/// A short line broken in mid-sentence, as verse is: it ends with a comma, a
/// semicolon or a dash ("Our Ukraine,", "young robin chortles —"). Menu and banner
/// lines never do.
fn verse_line(s: &str) -> bool {
    let t = s.trim_end();
    (1..=10).contains(&t.split_whitespace().count()) && t.ends_with([',', ';', '—', '–', '―'])
}

/// A line that only separates blocks: "_______", "***", "---".
fn separator(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty()
        && t.chars()
            .all(|c| matches!(c, '_' | '-' | '*' | '=' | '~' | '·' | '•'))
}

/// Names of languages and scripts a story gives when it quotes a passage in the
/// original.
const LANGUAGE_NAMES: &[&str] = &[
    "arabic",
    "armenian",
    "belarusian",
    "bulgarian",
    "cantonese",
    "chinese",
    "cyrillic",
    "georgian",
    "greek",
    "hangul",
    "hebrew",
    "hindi",
    "japanese",
    "kazakh",
    "korean",
    "macedonian",
    "mandarin",
    "mongolian",
    "persian",
    "farsi",
    "russian",
    "serbian",
    "tamil",
    "thai",
    "ukrainian",
    "urdu",
    "yiddish",
    "bengali",
    "punjabi",
    "amharic",
];

/// A short line that names a language: a heading or caption over or under a passage
/// in that language ("Greek inscription", "Ukrainian original"). A paragraph of the
/// story that mentions "Korean" in passing is no caption.
fn names_language(s: &str) -> bool {
    s.split_whitespace().count() <= 8
        && s.split(|c: char| !c.is_alphabetic())
            .any(|w| w.len() >= 4 && LANGUAGE_NAMES.iter().any(|n| w.eq_ignore_ascii_case(n)))
}

fn opens_quote(s: &str) -> bool {
    s.starts_with(['"', '“', '«', '„', '\'', '‘', '「', '『'])
}

impl Rule for ForeignScriptLine {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        if text.is_ascii() {
            return;
        }
        // Most copy has no line with three letters of another alphabet (curly
        // quotes and dashes are not letters): find out before counting anything.
        if !doc
            .lines()
            .iter()
            .any(|l| other_letters(doc.slice(l.span)) >= 3)
        {
            return;
        }
        let mut flagged = Vec::new();
        let mut flagged_letters = 0;
        let mut rest_latin = 0;
        let mut rest_other = 0;
        // Every line: its span and whether it is a candidate; blank lines are kept so
        // that runs of candidates separated by blank lines (stanzas) stay one run.
        let mut lines: Vec<(crate::span::Span, bool)> = Vec::new();
        for line in doc.lines() {
            let s = doc.slice(line.span);
            if s.is_ascii() {
                rest_latin += s.bytes().filter(u8::is_ascii_alphabetic).count();
                lines.push((line.span, false));
                continue;
            }
            let (latin, other) = letters(s);
            let total = latin + other;
            if other >= 3
                && other as f64 >= LINE_SHARE * total as f64
                && !opens_quote(s.trim_start())
            {
                lines.push((line.span, true));
                flagged_letters += total;
            } else {
                rest_latin += latin;
                rest_other += other;
                lines.push((line.span, false));
            }
        }
        let blank = |i: usize| doc.slice(lines[i].0).trim().is_empty();
        let mut i = 0;
        while i < lines.len() {
            if !lines[i].1 {
                i += 1;
                continue;
            }
            // The run: candidate lines with only blank lines between them.
            let start = i;
            let mut end = i;
            let mut j = i + 1;
            while j < lines.len() && (lines[j].1 || blank(j)) {
                if lines[j].1 {
                    end = j;
                }
                j += 1;
            }
            let run_lines = (start..=end).filter(|&k| lines[k].1).count();
            let before = (0..start)
                .rev()
                .find(|&k| !blank(k))
                .map(|k| doc.slice(lines[k].0));
            let after = (end + 1..lines.len())
                .find(|&k| !blank(k))
                .map(|k| doc.slice(lines[k].0));
            // A stanza beside its translation: the run is verse itself, or the
            // block of short lines next to it (past blank and separator lines) is.
            let verse_block = |ks: &mut dyn Iterator<Item = usize>| {
                let block: Vec<&str> = ks
                    .skip_while(|&k| blank(k) || separator(doc.slice(lines[k].0)))
                    .take_while(|&k| !blank(k) && !lines[k].1)
                    .map(|k| doc.slice(lines[k].0))
                    .collect();
                block.len() >= 2
                    && block.iter().all(|l| l.split_whitespace().count() <= 10)
                    && block.iter().any(|l| verse_line(l))
            };
            let run_is_verse = run_lines >= 2
                && (start..=end).any(|k| lines[k].1 && verse_line(doc.slice(lines[k].0)));
            let verse = run_is_verse
                || verse_block(&mut (0..start).rev())
                || verse_block(&mut (end + 1..lines.len()));
            let quoted = verse
                || before.is_some_and(announces_quotation)
                || run_lines >= 2
                    && (before.is_some_and(names_language) || after.is_some_and(names_language));
            if !quoted {
                flagged.extend((start..=end).filter(|&k| lines[k].1).map(|k| lines[k].0));
            }
            i = end + 1;
        }
        if flagged.is_empty()
            || rest_latin < DOC_MIN
            || (rest_latin as f64) < DOC_SHARE * (rest_latin + rest_other) as f64
            || flagged_letters as f64
                > FLAGGED_SHARE * (flagged_letters + rest_latin + rest_other) as f64
        {
            return;
        }
        for span in flagged {
            let shown = trim_span(text, span);
            let mut excerpt: String = doc.slice(shown).chars().take(40).collect();
            if excerpt.len() < shown.len() {
                excerpt.push('…');
            }
            let whole = doc.line_with_terminator(span.start);
            out.emit(
                shown,
                format!("line in another alphabet inside Latin-script copy: `{excerpt}`"),
            )
            .replace("delete the line", whole, "", Applicability::Unsafe);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    const R: ForeignScriptLine = ForeignScriptLine;

    const BODY: &str = "The Brazilian government announced on Wednesday that most of the money \
        allocated to the growth program has already been spent. At a ceremony at the \
        presidential palace, the president said many people thought it was impossible to \
        complete this volume of investment, and he urged mayors and governors to move \
        forward with their projects.";

    #[test]
    fn flags_interface_lines() {
        let text = format!(
            "Обычный вид\n\nПоявились новые статьи.\n\n{BODY}\n\n1.13.(월).jpg 이미지입니다.\n"
        );
        assert_lint_count(&text, &R, 3);
        assert_message(
            &text,
            &R,
            "line in another alphabet inside Latin-script copy: `Обычный вид`",
        );
        let text = format!("바로가기 메뉴\n{BODY}");
        assert_fix_result(&text, &R, BODY);
    }

    #[test]
    fn passages_set_out_in_the_original_pass() {
        // After a sentence that announces them.
        let text = format!(
            "{BODY} The wording has been preserved by Herodotus:\nΩ ΞΕΙΝ ΑΓΓΕΛΛΕΙΝ\nΛΑΚΕΔΑΙΜΟΝΙΟΙΣ ΟΤΙ ΤΗΔΕ\n\nPhonetically, that reads: o ksein angellein."
        );
        assert_no_lints(&text, &R);
        // A stanza under a heading that names its language.
        let text = format!(
            "Greek inscription\n\nΕἰκὼν ἡ λίθος\nεἰμί. Τίθησί με\n\nΣείκιλος ἔνθα\n\n{BODY}"
        );
        assert_no_lints(&text, &R);
        // A label is no announcing sentence, and one line under a language name is
        // not a passage.
        assert_lint_count(&format!("Weather:\nПогода сегодня\n{BODY}"), &R, 1);
        assert_lint_count(&format!("Russian\nНовости по теме\n{BODY}"), &R, 1);
        // A paragraph that mentions a language is no caption.
        assert_lint_count(
            &format!(
                "{BODY} The Korean side agreed.\n1.13.(월).jpg 이미지입니다.\n1.14.(화).jpg 이미지입니다.\n"
            ),
            &R,
            2,
        );
        // A stanza with its translation beside it, past a separator line.
        let text = format!(
            "{BODY}\nЦе той перший, що розпинав\nНашу Україну,\n____\nThis is the first to be crucified\nOur Ukraine,\n"
        );
        assert_no_lints(&text, &R);
        let text = format!(
            "{BODY}\n\ndog days of summer —\ndo I water the plants\nor write a haiku?\n\n夏の土用 ―\n"
        );
        assert_no_lints(&text, &R);
        // Menu lines beside English menu lines are no stanza.
        assert_lint_count(
            &format!("{BODY}\nHome\nNews >\n바로가기 메뉴\n본문 바로가기\n"),
            &R,
            2,
        );
        // Menu lines under the story's ordinary text still fire.
        assert_lint_count(&format!("{BODY}\n바로가기 메뉴\n본문 바로가기\n"), &R, 2);
    }

    #[test]
    fn glosses_quotes_and_short_copy_pass() {
        // A translation beside the original keeps the line Latin enough.
        assert_no_lints(
            &format!("{BODY}\nСлава Україні (Glory to Ukraine), the crowd chanted."),
            &R,
        );
        // A quotation in the original.
        assert_no_lints(&format!("{BODY}\n«Слава Україні!»"), &R);
        // Too little English to judge.
        assert_no_lints("Обычный вид\nThe minister spoke.", &R);
        // A story in another language, or bilingual copy.
        assert_no_lints(
            &format!(
                "{BODY}\nПрезидент Бразилии заявил, что большая часть средств уже потрачена, а мэры и губернаторы должны ускорить проекты по всей стране и отчитаться.\nПравительство объявило о новых инвестициях."
            ),
            &R,
        );
        // Two letters are no line.
        assert_no_lints(&format!("{BODY}\n中文"), &R);
        // Vietnamese and Turkish are Latin.
        assert_no_lints(
            &format!("{BODY}\nKết quả hình ảnh cho Iniesta\nBir cevap yazın"),
            &R,
        );
    }
}
