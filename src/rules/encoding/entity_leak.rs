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

/// Named references worth knowing by heart; anything else must be whole (`&name;`)
/// and in this table to count.
const NAMED: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("rsquo", "’"),
    ("lsquo", "‘"),
    ("rdquo", "”"),
    ("ldquo", "“"),
    ("sbquo", "‚"),
    ("bdquo", "„"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("lsaquo", "‹"),
    ("rsaquo", "›"),
    ("mdash", "—"),
    ("ndash", "–"),
    ("hellip", "…"),
    ("bull", "•"),
    ("middot", "·"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("deg", "°"),
    ("euro", "€"),
    ("pound", "£"),
    ("yen", "¥"),
    ("cent", "¢"),
    ("sect", "§"),
    ("para", "¶"),
    ("times", "×"),
    ("divide", "÷"),
    ("plusmn", "±"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("shy", "\u{ad}"),
    ("zwnj", "\u{200c}"),
    ("zwj", "\u{200d}"),
    ("thinsp", "\u{2009}"),
    ("ensp", "\u{2002}"),
    ("emsp", "\u{2003}"),
    ("prime", "′"),
    ("Prime", "″"),
    ("iexcl", "¡"),
    ("iquest", "¿"),
    ("aacute", "á"),
    ("Aacute", "Á"),
    ("eacute", "é"),
    ("Eacute", "É"),
    ("iacute", "í"),
    ("oacute", "ó"),
    ("uacute", "ú"),
    ("agrave", "à"),
    ("egrave", "è"),
    ("ograve", "ò"),
    ("acirc", "â"),
    ("ecirc", "ê"),
    ("ocirc", "ô"),
    ("auml", "ä"),
    ("euml", "ë"),
    ("iuml", "ï"),
    ("ouml", "ö"),
    ("uuml", "ü"),
    ("Auml", "Ä"),
    ("Ouml", "Ö"),
    ("Uuml", "Ü"),
    ("szlig", "ß"),
    ("ccedil", "ç"),
    ("Ccedil", "Ç"),
    ("ntilde", "ñ"),
    ("Ntilde", "Ñ"),
    ("atilde", "ã"),
    ("otilde", "õ"),
    ("oslash", "ø"),
    ("Oslash", "Ø"),
    ("aring", "å"),
    ("Aring", "Å"),
    ("aelig", "æ"),
    ("AElig", "Æ"),
];

/// Names that a scraper often leaves glued to the word before once the `&` is gone;
/// short ones like `amp` are not in the list because "lamp;" is a word.
const GLUEABLE: &[&str] = &[
    "rsquo", "lsquo", "rdquo", "ldquo", "hellip", "mdash", "ndash", "nbsp", "quot", "laquo",
    "raquo",
];

fn named(name: &str) -> Option<&'static str> {
    NAMED.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

fn numeric(body: &str) -> Option<char> {
    let n = if let Some(hex) = body.strip_prefix(['x', 'X']) {
        u32::from_str_radix(hex, 16).ok()?
    } else {
        body.parse().ok()?
    };
    char::from_u32(n).filter(|c| !c.is_control() || *c == '\t')
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
static TRUNCATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(#[xX][0-9a-fA-F]{2,6}|#[0-9]{2,7}|\b[xX][0-9a-fA-F]{2,4}|[A-Za-z]{2,8});")
        .unwrap()
});

impl Rule for EntityLeak {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let mut taken: Vec<Span> = Vec::new();
        for c in WHOLE.captures_iter(text) {
            let m = c.get(0).unwrap();
            let body = c.get(1).unwrap().as_str();
            let Some(decoded) = decode_body(body) else {
                continue;
            };
            let span = Span::new(m.start(), m.end());
            taken.push(span);
            let double = m.as_str().starts_with("&amp;") && m.len() > "&amp;".len();
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
        for c in TRUNCATED.captures_iter(text) {
            let m = c.get(0).unwrap();
            let mut span = Span::new(m.start(), m.end());
            if taken.iter().any(|t| t.overlaps(span)) {
                continue;
            }
            let mut body = c.get(1).unwrap().as_str();
            // "itrsquo;s": the run of letters swallowed the word before the name.
            let glued = GLUEABLE
                .iter()
                .find(|g| body.len() > g.len() && body.ends_with(*g));
            if let Some(g) = glued.filter(|_| named(body).is_none()) {
                span.start = m.end() - g.len() - 1;
                body = g;
            }
            let m = &text[span.start..span.end];
            let before = text[..span.start].chars().next_back();
            let after = text[span.end..].chars().next();
            let decoded = if body.starts_with('#') {
                if before == Some('&') {
                    continue;
                }
                decode_body(body)
            } else if body.starts_with(['x', 'X'])
                && body[1..].bytes().all(|b| b.is_ascii_hexdigit())
            {
                if matches!(before, Some('#' | '&')) {
                    continue;
                }
                numeric(body)
                    .filter(|c| !c.is_alphanumeric())
                    .map(String::from)
            } else {
                let Some(v) = named(body) else { continue };
                let glued = before.is_some_and(char::is_alphanumeric);
                if before == Some('&') || (glued && !GLUEABLE.contains(&body)) {
                    continue;
                }
                // A bare word followed by `;` ("said quot;") needs the next char to
                // be something an entity would sit against.
                if !glued && body.len() < 4 && after.is_some_and(|a| a == ' ') {
                    continue;
                }
                Some(v.to_string())
            };
            let Some(decoded) = decoded else { continue };
            out.emit(
                span,
                format!("truncated HTML character reference `{m}` shown as text"),
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

/// Invisible replacements are named, visible ones shown as they are.
fn shown(s: &str) -> String {
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
    fn ordinary_words_stay_clean() {
        assert_no_lints(
            "the lamp; the camp; a stamp; box27; &unknownthing;",
            &EntityLeak,
        );
        assert_no_lints("Call 555-1234; x-ray; Box 12; tax;", &EntityLeak);
    }
}
