use super::charsets::cp1252_char;
use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::Document;
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;
use regex::Regex;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it does
    /// Flags HTML character references that leaked into the copy as text: whole ones
    /// (`&amp;`, `&#39;`, `&#x27;`, `&rsquo;`), double-escaped ones (`&amp;#39;`) and
    /// ones whose `&` or `&#` was lost on the way (`#x27;`, `x27;`, `#039;`, `quot;`).
    ///
    /// ## Why is this bad?
    /// The reader sees markup instead of an apostrophe or a quotation mark. A truncated
    /// reference also means the scraper cut the text around it: words next to it may
    /// be lost too.
    ///
    /// ## Example
    /// ```text flag
    /// Smith &amp; Sons said it&#8217;s over.
    /// ```
    /// ```text flag
    /// the authorities of Georgia and Russia. x27;other countries
    /// ```
    /// Use instead:
    /// ```text pass
    /// Smith & Sons said it’s over, and the lamp; the camp; stayed lit.
    /// ```
    ///
    /// ## Fix safety
    /// Decoding a whole reference is safe. Decoding a truncated one is unsafe: the text
    /// around it may have been damaged as well and needs a human look.
    pub struct EntityLeak {
        id: "entity-leak",
        category: Encoding,
        fix: Always,
        summary: "HTML character reference shown as text",
    }
}

/// Names whose `&` is often lost on the way while the rest survives (`quot;`,
/// `rsquo;`). Only these count without their `&`: the full table holds ordinary words
/// ("star;", "part;", "image;") that must stay clean.
const TRUNCATABLE: &[&str] = &[
    "amp", "quot", "apos", "nbsp", "rsquo", "lsquo", "rdquo", "ldquo", "sbquo", "bdquo", "laquo",
    "raquo", "lsaquo", "rsaquo", "mdash", "ndash", "hellip", "eacute", "egrave", "aacute",
    "agrave", "iacute", "oacute", "uacute", "ccedil", "ntilde", "auml", "ouml", "uuml", "szlig",
    "acirc", "ecirc", "ocirc", "atilde", "otilde", "Eacute", "euro", "pound", "copy", "reg",
    "trade", "deg", "middot", "bull", "shy", "zwnj", "zwj", "thinsp", "ensp", "emsp",
];

/// Entity names that are also English words.
const ENGLISH_WORDS: &[&str] = &[
    "amp", "euro", "pound", "copy", "reg", "trade", "deg", "bull", "shy", "cent", "yen", "para",
    "sect", "times", "not",
];

/// Names that a scraper often leaves glued to the word before once the `&` is gone;
/// short ones like `amp` are not in the list because "lamp;" is a word.
const GLUEABLE: &[&str] = &[
    "rsquo", "lsquo", "rdquo", "ldquo", "hellip", "mdash", "ndash", "nbsp", "quot", "laquo",
    "raquo",
];

/// A name of the HTML5 set (written with `;`), case-sensitive as HTML is.
fn named(name: &str) -> Option<&'static str> {
    crate::markup::entity::named(name)
}

fn numeric(body: &str) -> Option<char> {
    let n = if let Some(hex) = body.strip_prefix(['x', 'X']) {
        u32::from_str_radix(hex, 16).ok()?
    } else {
        body.parse().ok()?
    };
    // HTML maps the C1 range to Windows-1252, as browsers do: `&#146;` is `’`.
    let c = match n {
        0x80..=0x9F => cp1252_char(n as u8),
        _ => char::from_u32(n)?,
    };
    Some(c).filter(|c| !c.is_control() || *c == '\t')
}

/// Decodes one reference body (`#39`, `#x27`, `rsquo`) to its text.
fn decode_body(body: &str) -> Option<String> {
    if let Some(num) = body.strip_prefix('#') {
        numeric(num).map(String::from)
    } else {
        named(body).map(String::from)
    }
}

static WHOLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"&(?:amp;)*(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});").unwrap()
});
/// What a lost-`&` reference decodes to, and whether the reading is sure enough.
fn truncated_at(text: &str, semi: usize) -> Option<(usize, String)> {
    let bytes = text.as_bytes();
    let mut start = semi;
    while start > 0
        && semi - start < 40
        && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'#')
    {
        start -= 1;
    }
    let run = &text[start..semi];
    let before = text[..start].chars().next_back();
    let after = text[semi + 1..].chars().next();
    if run.is_empty() || before == Some('&') {
        return None;
    }
    let glued_after = after.is_some_and(char::is_alphanumeric);
    if let Some(hash) = run.rfind('#') {
        // `#x27;`, `#039;`, `it#39;s`: the `&` is gone, the `#` survived.
        let body = &run[hash + 1..];
        let (digits, hex) = match body.strip_prefix(['x', 'X']) {
            Some(h) => (h, true),
            None => (body, false),
        };
        let ok_len = if hex {
            (2..=6).contains(&digits.len())
        } else {
            (2..=7).contains(&digits.len())
        };
        let ok_digits = if hex {
            digits.bytes().all(|b| b.is_ascii_hexdigit())
        } else {
            digits.bytes().all(|b| b.is_ascii_digit())
        };
        if !ok_len || !ok_digits {
            return None;
        }
        let c = numeric(body)?;
        if c.is_alphanumeric() {
            return None;
        }
        // "ranked #39; the team" is a number; a decimal needs more evidence.
        let glued = hash > 0 || glued_after;
        if !hex && !glued && !digits.starts_with('0') && !COMMON_LEAKS.contains(&c) {
            return None;
        }
        if !hex && !glued && !digits.starts_with('0') && after != Some(' ') && after.is_some() {
            return None;
        }
        return Some((start + hash, c.to_string()));
    }
    if before.is_some_and(char::is_alphanumeric) {
        return None;
    }
    // `x27;` with both `&` and `#` lost: only at the start of a word.
    if let Some(h) = run.strip_prefix(['x', 'X'])
        && (2..=4).contains(&h.len())
        && h.bytes().all(|b| b.is_ascii_hexdigit())
    {
        let c = numeric(run)?;
        return (!c.is_alphanumeric()).then(|| (start, c.to_string()));
    }
    // `amp;` glued inside a URL query: `?id=5amp;page=2`.
    if run.len() > 3 && run.ends_with("amp") && in_query(text, start, semi + 1) {
        return Some((semi - 3, "&".to_string()));
    }
    if !run.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    if TRUNCATABLE.contains(&run) {
        // A bare short name before a space ("said amp; then") needs more evidence, and
        // so does a name that is also an English word ("the euro; the pound"): the
        // leak shows itself by sticking to the next word ("copy;2024", "amp;D").
        let glued_right = after.is_some_and(char::is_alphanumeric);
        if (run.len() < 4 || ENGLISH_WORDS.contains(&run)) && !glued_right {
            return None;
        }
        return named(run).map(|v| (start, v.to_string()));
    }
    // Glued to the word before: `itrsquo;s`, `warhellip;`.
    for name in GLUEABLE {
        if run.len() > name.len() && run.ends_with(name) {
            return named(name).map(|v| (semi - name.len(), v.to_string()));
        }
    }
    None
}

/// Characters a decimal reference usually stands for when it leaks.
const COMMON_LEAKS: &[char] = &[
    '\'', '"', '&', '’', '‘', '“', '”', '–', '—', '…', '\u{a0}', '«', '»',
];

/// Whether `start..after` sits in a URL query: `key=value` before, `key=` after.
fn in_query(text: &str, start: usize, after: usize) -> bool {
    let chunk_start = crate::document::chunk_start(text, start);
    let head = &text[chunk_start..start];
    let tail = text[after..]
        .split(char::is_whitespace)
        .next()
        .unwrap_or("");
    head.contains('?')
        && head.contains('=')
        && tail.split_once('=').is_some_and(|(k, _)| {
            !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        })
}

impl Rule for EntityLeak {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let mut taken: Vec<Span> = Vec::new();
        // No ampersand, no whole reference: the regex need not even compile.
        let amp = memchr::memchr(b'&', text.as_bytes()).is_some();
        for c in amp.then(|| WHOLE.captures_iter(text)).into_iter().flatten() {
            let m = c.get(0).unwrap();
            let body = c.get(1).unwrap().as_str();
            let Some(decoded) = decode_body(body) else {
                continue;
            };
            // Markup quoted as code (`&amp;`) is meant to be seen.
            if in_code_span(text, m.start()) {
                continue;
            }
            let span = Span::new(m.start(), m.end());
            taken.push(span);
            let double = m.as_str().starts_with("&amp;") && body != "amp";
            let msg = if double {
                format!("double-escaped HTML character reference `{}`", m.as_str())
            } else {
                format!("HTML character reference `{}` shown as text", m.as_str())
            };
            out.emit(span, msg).replace(
                format!("replace with `{}`", shown(&decoded)),
                span,
                decoded,
                Applicability::Safe,
            );
        }
        let mut k = 0;
        for semi in memchr_iter(text) {
            let Some((start, decoded)) = truncated_at(text, semi) else {
                continue;
            };
            if in_code_span(text, start) {
                continue;
            }
            let span = Span::new(start, semi + 1);
            while k < taken.len() && taken[k].end <= span.start {
                k += 1;
            }
            if taken.get(k).is_some_and(|t| t.overlaps(span)) {
                continue;
            }
            out.emit(
                span,
                format!(
                    "truncated HTML character reference `{}` shown as text",
                    doc.slice(span)
                ),
            )
            .note("the `&` or `&#` of this reference was lost; text next to it may be missing too")
            .replace(
                format!("replace with `{}`", shown(&decoded)),
                span,
                decoded,
                Applicability::Unsafe,
            );
        }
    }
}

fn in_code_span(text: &str, pos: usize) -> bool {
    let line_start = text[..pos].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..pos].matches('`').count() % 2 == 1
}

fn memchr_iter(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b';')
        .map(|(i, _)| i)
}

/// Invisible replacements are named, visible ones shown as they are.
fn shown(s: &str) -> String {
    if s == "\u{a0}" {
        return "no-break space".into();
    }
    s.chars()
        .map(|c| {
            if c == ' '
                || !(c.is_whitespace()
                    || c.is_control()
                    || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}'))
            {
                c.to_string()
            } else {
                format!("U+{:04X}", c as u32)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn whole_numeric_and_named() {
        assert_lint_count("It&#39;s &amp; &#x27; &rsquo;", &EntityLeak, 4);
        assert_fix_result("It&#39;s here", &EntityLeak, "It's here");
    }

    #[test]
    fn double_escaped() {
        assert_fix_result("It&amp;#39;s", &EntityLeak, "It's");
        assert_fix_result("Tom &amp;amp; Jerry", &EntityLeak, "Tom & Jerry");
    }

    #[test]
    fn truncated_forms() {
        assert_lint_count("Ministry of #x27; Interior", &EntityLeak, 1);
        assert_lint_count("and Russia. x27;other countries", &EntityLeak, 1);
        assert_lint_count("he said #039;no#039;", &EntityLeak, 2);
        assert_lint_count("itrsquo;s late", &EntityLeak, 1);
    }

    #[test]
    fn entity_names_that_are_words_need_a_glued_word() {
        assert_no_lints(
            "Edit this copy; see the note. The euro; the pound; trade; a bull;",
            &EntityLeak,
        );
        assert_lint_count("Copyright copy;2024 and R amp;D", &EntityLeak, 2);
    }

    #[test]
    fn ordinary_words_stay_clean() {
        assert_no_lints(
            "the lamp; the camp; a stamp; box27; &unknownthing;",
            &EntityLeak,
        );
        assert_no_lints("Call 555-1234; x-ray; Box 12; tax;", &EntityLeak);
        assert_no_lints("Write `&amp;` for an ampersand.", &EntityLeak);
    }

    #[test]
    fn full_html5_set_case_sensitive() {
        assert_fix_result(
            "Caf&eacute; &hearts; &Dagger; &ThinSpace;x",
            &EntityLeak,
            "Café ♥ ‡ \u{2009}x",
        );
        assert_no_lints("&Amp; &EACUTE; &nosuchname;", &EntityLeak);
        assert_lint_count("&AMP; &amp;", &EntityLeak, 2);
    }

    #[test]
    fn c1_numeric_references_map_to_windows_1252() {
        assert_fix_result("it&#146;s &#151; done", &EntityLeak, "it’s — done");
    }

    #[test]
    fn truncated_named_needs_a_known_leak() {
        assert_flags("he said quot;no", &EntityLeak, &["quot;"]);
        assert_flags("itrsquo;s late", &EntityLeak, &["rsquo;"]);
        assert_no_lints(
            "He was a star; she was not. The male; the image; apart; a block;",
            &EntityLeak,
        );
        assert_fix_result("itrsquo;s late", &EntityLeak, "it’s late");
    }

    #[test]
    fn amp_glued_in_a_url_query() {
        assert_flags(
            "see example.com/list?id=5amp;page=2 for more",
            &EntityLeak,
            &["amp;"],
        );
        assert_no_lints("the lamp; the camp;", &EntityLeak);
    }

    #[test]
    fn truncated_decimal_needs_entity_shape() {
        assert_no_lints("Room #65; the team ranked #12; fine", &EntityLeak);
        assert_flags("it#39;s", &EntityLeak, &["#39;"]);
        assert_flags("x #039;y", &EntityLeak, &["#039;"]);
    }

    #[test]
    fn fix_leaves_other_bytes() {
        assert_fix_result(
            "Smith &amp; Sons — it&#8217;s Łódź.",
            &EntityLeak,
            "Smith & Sons — it’s Łódź.",
        );
    }
}
