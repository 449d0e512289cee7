//! HTML character references as a browser decodes them: the full HTML5 named set
//! (from the `entities` crate, which carries the WHATWG table), numeric references
//! with the spec's replacements, and legacy names without a semicolon.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Name (without `&`, with `;` when the table has it) → decoded text.
static NAMED: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    entities::ENTITIES
        .iter()
        .filter_map(|e| Some((e.entity.strip_prefix('&')?, e.characters)))
        .collect()
});

/// The text of a named reference written with `;` (`name` without `&` and `;`), the
/// one table shared by extraction and the `entity-leak` rule.
pub fn named(name: &str) -> Option<&'static str> {
    let mut key = String::with_capacity(name.len() + 1);
    key.push_str(name);
    key.push(';');
    NAMED.get(key.as_str()).copied()
}

/// The longest name in the table, semicolon included.
const MAX_NAME: usize = 33;

/// Windows-1252 meanings the spec gives to numeric references 0x80–0x9F.
const C1: [u32; 32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
];

/// Decodes the character reference starting at `text[at]` (which must be `&`):
/// `(source length, decoded text)`, or `None` when the `&` is a literal ampersand.
/// `attr`: inside an attribute value a legacy name followed by an alphanumeric or `=`
/// is not a reference (`?a=1&copy=2`).
pub fn decode_at(text: &str, at: usize, attr: bool) -> Option<(usize, String)> {
    let rest = text.get(at..)?.strip_prefix('&')?;
    if let Some(num) = rest.strip_prefix('#') {
        let (hex, digits) = match num.strip_prefix(['x', 'X']) {
            Some(h) => (true, h),
            None => (false, num),
        };
        let n = digits
            .bytes()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if n == 0 {
            return None;
        }
        let radix = if hex { 16 } else { 10 };
        let value = digits[..n].bytes().fold(0u32, |acc, b| {
            let d = (b as char).to_digit(radix).unwrap_or(0);
            acc.saturating_mul(radix).saturating_add(d)
        });
        let semi = usize::from(digits[n..].starts_with(';'));
        let len = 1 + 1 + usize::from(hex) + n + semi;
        return Some((len, numeric(value).to_string()));
    }
    let name_len = rest
        .bytes()
        .take(MAX_NAME)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    if name_len == 0 {
        return None;
    }
    if rest[name_len..].starts_with(';')
        && let Some(v) = NAMED.get(&rest[..=name_len])
    {
        return Some((name_len + 2, (*v).to_string()));
    }
    // Legacy references without `;` match their longest known prefix ("&notit" → "¬it").
    for k in (2..=name_len.min(8)).rev() {
        if let Some(v) = NAMED.get(&rest[..k]) {
            let next = rest.as_bytes().get(k);
            if attr && next.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'=') {
                return None;
            }
            return Some((k + 1, (*v).to_string()));
        }
    }
    None
}

fn numeric(n: u32) -> char {
    let n = match n {
        0x80..=0x9F => C1[(n - 0x80) as usize],
        _ => n,
    };
    match n {
        0 => '\u{FFFD}',
        _ => char::from_u32(n).unwrap_or('\u{FFFD}'),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<(usize, String)> {
        decode_at(s, 0, false)
    }

    #[test]
    fn named_numeric_and_legacy() {
        assert_eq!(d("&amp;x"), Some((5, "&".into())));
        assert_eq!(d("&rsquo;s"), Some((7, "’".into())));
        assert_eq!(d("&#x27;s"), Some((6, "'".into())));
        assert_eq!(d("&#39"), Some((4, "'".into())));
        assert_eq!(d("&#150;"), Some((6, "–".into())));
        assert_eq!(d("&#0;"), Some((4, "\u{FFFD}".into())));
        assert_eq!(d("&#xD800;"), Some((8, "\u{FFFD}".into())));
        assert_eq!(d("&#99999999999;"), Some((14, "\u{FFFD}".into())));
        assert_eq!(d("&notit;"), Some((4, "¬".into())));
        assert_eq!(d("&amp x"), Some((4, "&".into())));
        assert_eq!(
            d("&CounterClockwiseContourIntegral;"),
            Some((33, "∳".into()))
        );
    }

    #[test]
    fn literal_ampersands() {
        assert_eq!(d("& x"), None);
        assert_eq!(d("&#;"), None);
        assert_eq!(d("&#x;"), None);
        assert_eq!(d("&bogus;"), None);
        assert_eq!(d("&"), None);
        assert_eq!(decode_at("?a=1&copy=2", 4, true), None);
        assert_eq!(decode_at("?a=1&copy=2", 4, false), Some((5, "©".into())));
    }
}
