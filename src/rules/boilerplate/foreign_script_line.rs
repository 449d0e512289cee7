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
        for line in doc.lines() {
            let s = doc.slice(line.span);
            if s.is_ascii() {
                rest_latin += s.bytes().filter(u8::is_ascii_alphabetic).count();
                continue;
            }
            let (latin, other) = letters(s);
            let total = latin + other;
            if other >= 3
                && other as f64 >= LINE_SHARE * total as f64
                && !opens_quote(s.trim_start())
            {
                flagged.push(line.span);
                flagged_letters += total;
            } else {
                rest_latin += latin;
                rest_other += other;
            }
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
