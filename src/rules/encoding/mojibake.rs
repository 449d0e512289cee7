use super::charsets::{cp1252_byte, mac_roman_byte};
use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::Document;
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags mojibake: UTF-8 text that was decoded as Windows-1252 or Latin-1 (or Mac
    /// Roman) somewhere on its way, so that `’` shows as `â€™`, `é` as `Ã©`, `ł` as
    /// `Å‚`, a no-break space as `Â `, and twice-broken text as `Ã¢â‚¬â„¢`.
    ///
    /// It does not work from a list of strings: it maps each suspicious run back to the
    /// bytes it came from and decodes them as UTF-8. The run is reported only when that
    /// succeeds and gives a plausible character (a Latin letter, common punctuation, a
    /// symbol, or a word in one other script), so real text with Ã, Â or € ("SÃO
    /// PAULO", "€20", "IRMÃ”") stays clean.
    ///
    /// ## Why is this bad?
    /// Readers see garbage in place of apostrophes, quotation marks and accented names.
    ///
    /// ## Example
    /// ```text flag
    /// Itâ€™s the first visit to ZÃ¼rich by the Åódź mayor.
    /// ```
    /// ```text before
    /// The cafÃ© costs Â£5.
    /// ```
    /// ```text after
    /// The café costs £5.
    /// ```
    /// Use instead:
    /// ```text pass
    /// SÃO PAULO — Tickets cost €20 (£17). Ãgua, Âmbito; ÉTÉ… CAFÉ”.
    /// ```
    ///
    /// ## Fix safety
    /// The repair is very likely right but rests on a guess about how the text was
    /// broken, so it is unsafe.
    pub struct Mojibake {
        id: "mojibake",
        category: Encoding,
        fix: Sometimes,
        summary: "UTF-8 text garbled by a wrong decoding (`â€™`, `Ã©`)",
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Foreign,
}

/// Whether a repaired character is one real copy would contain, and of which kind.
fn plausible(c: char) -> Option<Script> {
    let u = c as u32;
    match u {
        0xA0..=0x24F | 0x2BB | 0x2BC | 0x1E00..=0x1EFF => Some(Script::Latin),
        0x2010..=0x2027 | 0x2030..=0x205E | 0x20A0..=0x20CF | 0x2100..=0x214F => {
            Some(Script::Latin)
        }
        0x2190..=0x22FF | 0x2460..=0x27BF | 0x1F000..=0x1FAFF => Some(Script::Latin),
        0x370..=0x3FF | 0x400..=0x4FF | 0x5D0..=0x5EA | 0x620..=0x64A | 0x660..=0x6FF => {
            Some(Script::Foreign)
        }
        0x3040..=0x30FF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF => Some(Script::Foreign),
        _ => None,
    }
}

/// Characters that may follow a word ending in an upper-case accented letter in real
/// copy: "IRMÃ”", "ÉTÉ…". A run ending in one of them after a letter is not repaired.
fn trailing_punct(c: char) -> bool {
    matches!(
        c,
        '…' | '”'
            | '’'
            | '“'
            | '‘'
            | '–'
            | '—'
            | '•'
            | '›'
            | '‹'
            | '„'
            | '‚'
            | '«'
            | '»'
            | '\u{a0}'
            | '·'
            | '¡'
            | '¿'
            | '°'
            | '´'
            | '¨'
            | '™'
            | '®'
            | '©'
    )
}

#[derive(Clone, Copy)]
enum Charset {
    Windows1252,
    MacRoman,
    /// Windows-874 / TIS-620, the Thai code page of some hosts: `»` shows as `ยป`.
    Thai,
}

/// The Windows-874 byte of a character, for the bytes a UTF-8 sequence can hold.
fn thai_byte(c: char) -> Option<u8> {
    let u = c as u32;
    Some(match c {
        '€' => 0x80,
        '…' => 0x85,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '\u{a0}' => 0xA0,
        '\u{e01}'..='\u{e3a}' => (u - 0xE01 + 0xA1) as u8,
        '\u{e3f}'..='\u{e5b}' => (u - 0xE3F + 0xDF) as u8,
        _ => return None,
    })
}

fn is_thai(c: char) -> bool {
    ('\u{e00}'..='\u{e7f}').contains(&c)
}

impl Charset {
    fn byte(self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return None;
        }
        match self {
            Charset::Windows1252 => cp1252_byte(c),
            Charset::MacRoman => mac_roman_byte(c),
            Charset::Thai => thai_byte(c),
        }
    }
}

struct Fix {
    start: usize,
    end: usize,
    /// Index range into the char vector.
    k0: usize,
    k1: usize,
    repaired: char,
    script: Script,
}

/// Tries to read the chars from `k` as one mis-decoded UTF-8 sequence.
fn decode_at(chars: &[(usize, char)], k: usize, cs: Charset) -> Option<(usize, char)> {
    let lead = cs.byte(chars[k].1)?;
    let need = match lead {
        0xC2..=0xDF => 1,
        0xE0..=0xEF => 2,
        0xF0..=0xF4 => 3,
        _ => return None,
    };
    let mut buf = [lead, 0, 0, 0];
    for (j, slot) in buf.iter_mut().enumerate().skip(1).take(need) {
        let b = cs.byte(chars.get(k + j)?.1)?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        *slot = b;
    }
    let s = std::str::from_utf8(&buf[..=need]).ok()?;
    let c = s.chars().next()?;
    Some((k + need + 1, c))
}

fn find_fixes(text: &str, chars: &[(usize, char)]) -> Vec<Fix> {
    let mut fixes: Vec<Fix> = Vec::new();
    let pos = |k: usize| chars.get(k).map_or(text.len(), |x| x.0);
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k].1;
        if c.is_ascii() {
            k += 1;
            continue;
        }
        let mut found = None;
        if let Some((k1, d)) = decode_at(chars, k, Charset::Windows1252)
            && let Some(script) = plausible(d)
        {
            found = Some((k1, d, script));
        } else if let Some((k1, d)) = decode_at(chars, k, Charset::MacRoman)
            && matches!(d as u32, 0xA0..=0x17F | 0x2010..=0x206F)
        {
            found = Some((k1, d, Script::Latin));
        } else if is_thai(c)
            && let Some((k1, d)) = decode_at(chars, k, Charset::Thai)
            && plausible(d) == Some(Script::Latin)
            // Thai letters on either side: a Thai word, not a broken `»`.
            && !k.checked_sub(1).is_some_and(|j| is_thai(chars[j].1))
            && !chars.get(k1).is_some_and(|x| is_thai(x.1))
        {
            found = Some((k1, d, Script::Latin));
        }
        let Some((k1, d, script)) = found else {
            k += 1;
            continue;
        };
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(k1).map(|x| x.1);
        // An upper-case accented letter ending a word, then punctuation: real copy.
        let ambiguous = k1 - k == 2
            && c.is_uppercase()
            && prev.is_some_and(char::is_uppercase)
            && trailing_punct(chars[k + 1].1)
            && !next.is_some_and(char::is_alphanumeric);
        // A letter of another script glued to Latin letters is a coincidence.
        let glued = script == Script::Foreign
            && (prev.is_some_and(|p| p.is_ascii_alphabetic())
                || next.is_some_and(|n| n.is_ascii_alphabetic()));
        if ambiguous || glued {
            k += 1;
            continue;
        }
        fixes.push(Fix {
            start: pos(k),
            end: pos(k1),
            k0: k,
            k1,
            repaired: d,
            script,
        });
        k = k1;
    }
    fixes
}

impl Rule for Mojibake {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        if text.is_ascii() {
            return;
        }
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let fixes = find_fixes(text, &chars);
        // Clusters: fixes in one word (separated only by letters or digits).
        let mut i = 0;
        while i < fixes.len() {
            let mut j = i + 1;
            while j < fixes.len()
                && chars[fixes[j - 1].k1..fixes[j].k0]
                    .iter()
                    .all(|x| x.1.is_alphanumeric() && x.1.is_ascii())
            {
                j += 1;
            }
            let group = &fixes[i..j];
            i = j;
            // A lone letter of another script is more likely real text.
            if group.iter().all(|f| f.script == Script::Foreign) && group.len() < 2 {
                continue;
            }
            let span = Span::new(group[0].start, group[group.len() - 1].end);
            let mut repaired = String::new();
            let mut at = span.start;
            for f in group {
                repaired.push_str(&text[at..f.start]);
                repaired.push(f.repaired);
                at = f.end;
            }
            // Twice-broken text repairs again: Ã¢â‚¬â„¢ → â€™ → ’.
            for _ in 0..2 {
                let inner: Vec<(usize, char)> = repaired.char_indices().collect();
                let again = find_fixes(&repaired, &inner);
                if again.is_empty() {
                    break;
                }
                let mut next = String::new();
                let mut at = 0;
                for f in &again {
                    next.push_str(&repaired[at..f.start]);
                    next.push(f.repaired);
                    at = f.end;
                }
                next.push_str(&repaired[at..]);
                repaired = next;
            }
            emit(out, doc, span, &repaired);
        }
        lost_bytes(doc, &chars, &fixes, out);
        cyrillic_greek_punct(doc, &chars, out);
    }
}

/// The last character of a UTF-8 punctuation mark `E2 80 xx` read with the Cyrillic
/// (Windows-1251) or Greek (Windows-1253) code page, and the mark it stood for.
/// Bytes the code page has no character for are dropped by the reader.
fn punct_tail(greek: bool, c: char) -> Option<char> {
    Some(match (greek, c) {
        (_, '™') => '’',
        (_, '“') => '–',
        (_, '”') => '—',
        (_, '¦') => '…',
        (false, 'њ') => '“',
        (false, 'ќ') => '”',
        (false, 'ў') => '•',
        (true, 'Ά') => '•',
        _ => return None,
    })
}

/// `вЂ™` and `β€™`: a quotation mark, apostrophe or dash read with the Cyrillic or
/// Greek code page. A lower-case `в` before the Serbian capital `Ђ`, or `β` before
/// `€`, never occurs in real text of those languages.
fn cyrillic_greek_punct(doc: &Document, chars: &[(usize, char)], out: &mut Emitter) {
    let text = doc.text();
    if !text.contains("вЂ") && !text.contains("β€") {
        return;
    }
    let pos = |k: usize| chars.get(k).map_or(text.len(), |x| x.0);
    for k in 0..chars.len().saturating_sub(1) {
        let greek = match (chars[k].1, chars[k + 1].1) {
            ('в', 'Ђ') => false,
            ('β', '€') => true,
            _ => continue,
        };
        let tail = chars.get(k + 2).and_then(|x| punct_tail(greek, x.1));
        let end = pos(k + if tail.is_some() { 3 } else { 2 });
        let span = Span::new(chars[k].0, end);
        let page = if greek { "Greek" } else { "Cyrillic" };
        let d = out.emit(
            span,
            format!(
                "mojibake `{}`: a quotation mark or dash read with the {page} code page",
                doc.slice(span)
            ),
        );
        match tail {
            Some(mark) => {
                d.replace(
                    format!("replace with `{mark}`"),
                    span,
                    mark.to_string(),
                    Applicability::Unsafe,
                );
            }
            None => {
                d.note(
                    "its last byte was lost: the original was probably ‘ “ or ”; check the source",
                );
            }
        }
    }
}

fn emit(out: &mut Emitter, doc: &Document, span: Span, repaired: &str) {
    let shown = repaired.replace('\u{a0}', "\u{a0}(no-break space)");
    out.emit(
        span,
        format!(
            "mojibake `{}`: UTF-8 text decoded with the wrong character set",
            doc.slice(span)
        ),
    )
    .replace(
        format!("replace with `{shown}`"),
        span,
        repaired,
        Applicability::Unsafe,
    );
}

/// `Â` before a plain space (its no-break space was normalised), `â€` whose last
/// byte was dropped and a lone Thai `โ` beside Latin text: broken beyond repair by
/// decoding, but unmistakable.
fn lost_bytes(doc: &Document, chars: &[(usize, char)], fixes: &[Fix], out: &mut Emitter) {
    let text = doc.text();
    let mut f = 0;
    for k in 0..chars.len() {
        let (i, c) = chars[k];
        if c != 'Â' && c != 'â' && c != 'โ' {
            continue;
        }
        while f < fixes.len() && fixes[f].end <= i {
            f += 1;
        }
        if fixes.get(f).is_some_and(|x| x.start <= i) {
            continue;
        }
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(k + 1).map(|x| x.1);
        if c == 'Â' && next == Some(' ') && !prev.is_some_and(char::is_alphabetic) {
            let span = Span::new(i, i + c.len_utf8());
            // "cost Â 20": drop the space after it too, or two spaces remain.
            let edit = if prev == Some(' ') {
                Span::new(i, i + c.len_utf8() + 1)
            } else {
                span
            };
            out.emit(
                span,
                "mojibake `Â`: the remains of a mis-decoded no-break space",
            )
            .replace("remove it", edit, "", Applicability::Unsafe);
        } else if c == 'â' && next == Some('€') {
            let span = Span::new(i, chars.get(k + 2).map_or(text.len(), |x| x.0));
            out.emit(
                span,
                "mojibake `â€`: a quotation mark or dash whose last byte was lost",
            )
            .note("the original was probably ’ “ ” – or —; check the source");
        } else if c == 'โ' && !prev.is_some_and(is_thai) && !next.is_some_and(is_thai) {
            // The Thai code page reads the lead byte of a UTF-8 quotation mark or dash
            // as `โ` and has no letter for the bytes after it, which get dropped. Real
            // Thai never has this leading vowel without a Thai consonant after it.
            out.emit(
                Span::new(i, i + c.len_utf8()),
                "mojibake `โ`: a quotation mark or dash read with the Thai code page, its other bytes lost",
            )
            .note("the original was probably ’ “ ” – or —; check the source");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    const R: Mojibake = Mojibake;

    #[test]
    fn repairs_windows_1252_mojibake() {
        assert_fix_result("Itâ€™s a â€œtestâ€\u{9d} â€” ok", &R, "It’s a “test” — ok");
        assert_fix_result("cafÃ© in ZÃ¼rich, Â£5", &R, "café in Zürich, £5");
        assert_fix_result("Å\u{81}Ã³dÅº and DvoÅ™Ã¡k", &R, "Łódź and Dvořák");
        assert_fix_result("SÃ£o Paulo, Ã‰lysÃ©e", &R, "São Paulo, Élysée");
    }

    #[test]
    fn repairs_thai_code_page_mojibake() {
        assert_fix_result(
            "Navalny dies in penal colony Read More ยป",
            &R,
            "Navalny dies in penal colony Read More »",
        );
        assert_fix_result("«Terrorism ยป article", &R, "«Terrorism » article");
        // Thai words stay clean.
        assert_no_lints("ประเทศไทย ยปรา and กรุงเทพฯ", &R);
    }

    #[test]
    fn repairs_twice_broken_and_other_scripts() {
        assert_fix_result("itÃ¢â‚¬â„¢s", &R, "it’s");
        assert_fix_result("ÐŸÑ€Ð¸Ð²ÐµÑ‚ said", &R, "Привет said");
        assert_fix_result("like ðŸ‘\u{8d} this", &R, "like 👍 this");
    }

    #[test]
    fn repairs_mac_roman() {
        assert_fix_result("It‚Äôs here", &R, "It’s here");
    }

    #[test]
    fn nbsp_remains_and_lost_bytes() {
        assert_fix_result("costs Â 5 now", &R, "costs 5 now");
        assert_fix_result("said:Â the", &R, "said: the");
        assert_lint_count("he said â€œno", &R, 1);
        assert_lint_count("quote: â€ end", &R, 1);
    }

    #[test]
    fn cyrillic_and_greek_code_pages() {
        assert_fix_result(
            "the countryвЂ™s port and вЂ“ a dash",
            &R,
            "the country’s port and – a dash",
        );
        assert_fix_result(
            "вЂњa turning pointвЂќ for them",
            &R,
            "“a turning point” for them",
        );
        assert_fix_result(
            "the countryβ€™s port β€” here",
            &R,
            "the country’s port — here",
        );
        // The Greek page has no letter for the last byte of “ and ”: it is lost.
        assert_lint_count("β€a turning pointβ€ for them", &R, 2);
        assert_no_lints("Он вошёл в Ђуро и купил β-блокаторы за 5 €.", &R);
    }

    #[test]
    fn lone_thai_lead_byte() {
        assert_lint_count(
            "โOur delegation is ready,โ Peskov said of Bidenโs claim.",
            &R,
            3,
        );
        assert_message(
            "he said โno",
            &R,
            "mojibake `โ`: a quotation mark or dash read with the Thai code page, its other bytes lost",
        );
        // Real Thai: the leading vowel always stands before a Thai consonant.
        assert_no_lints("The sign read โรงเรียน (school) in Thai.", &R);
        assert_no_lints("ข่าว โลก", &R);
    }

    #[test]
    fn real_text_stays_clean() {
        assert_no_lints(
            "SÃO PAULO — Tickets cost €20 (£17) in São Paulo, Zürich, Łódź, Ñuñoa, Ærø \
             and for Dvořák. ÁGUA, Âmbito, IRMÃ” and ÉTÉ… CAFÉ”, ADIÓ” bye. \
             perchè…» ok, Ö» and ß“ too.",
            &R,
        );
        assert_no_lints("“Quoted” — it’s fine… «oui» ‘single’ • bullet © 2024 ™", &R);
        assert_no_lints("l’été, l’Élysée, “Äpfel”, —école, ‘à la’", &R);
    }
}
