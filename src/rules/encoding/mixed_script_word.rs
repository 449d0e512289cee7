use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::Document;
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags a word that mixes Latin and Cyrillic letters: "Сryptocurrencies" whose
    /// first letter is the Cyrillic `С`, "the Borisovskoye сemetery", "Mоscow" with a
    /// Cyrillic `о`. The two alphabets share look-alike letters, so the word looks
    /// right on screen.
    ///
    /// Only a single run of letters counts, so a Russian word quoted next to an English
    /// one ("the word мир (peace)") and a name written in both alphabets stay clean.
    /// Greek letters are left alone: science copy glues them to Latin on purpose
    /// ("Aβ", "TGFβ").
    ///
    /// ## Why is this bad?
    /// Search, spell checking and name matching miss the word, and a reader's screen
    /// reader spells it out. It comes from a keyboard left on the wrong layout, from
    /// machine translation that kept a source letter, or from spam that dodges filters.
    ///
    /// ## Example
    /// ```text flag
    /// He was buried in the Borisovskoye сemetery on Friday.
    /// ```
    /// Use instead:
    /// ```text pass
    /// The Russian word мир means both peace and world; Navalny (Навальный) was 47.
    /// ```
    /// ```text before
    /// Сryptocurrencies fell.
    /// ```
    /// ```text after
    /// Cryptocurrencies fell.
    /// ```
    ///
    /// ## Fix safety
    /// When the word is mostly Latin and each Cyrillic letter has a Latin look-alike,
    /// the swap gives the word the reader already sees, so it is safe. Otherwise no
    /// fix is offered.
    pub struct MixedScriptWord {
        id: "mixed-script-word",
        category: Encoding,
        fix: Sometimes,
        summary: "Word mixing Latin and Cyrillic look-alike letters",
    }
}

/// The Latin letter a Cyrillic one looks like.
fn latin_twin(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'І' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        _ => return None,
    })
}

fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4FF}').contains(&c)
}

impl Rule for MixedScriptWord {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        // Cyrillic is U+0400..U+04FF: lead bytes 0xD0..=0xD3 in UTF-8.
        if !text.bytes().any(|b| (0xD0..=0xD3).contains(&b)) {
            return;
        }
        let mut start: Option<usize> = None;
        let (mut latin, mut cyr, mut other) = (0usize, 0usize, 0usize);
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            if c.is_alphabetic() {
                start.get_or_insert(i);
                if c.is_ascii_alphabetic() {
                    latin += 1;
                } else if is_cyrillic(c) {
                    cyr += 1;
                } else if !c.is_alphabetic() || !('\u{c0}'..='\u{24f}').contains(&c) {
                    other += 1;
                }
                continue;
            }
            // A run with a third script is a glued language menu ("EngРус"), not a
            // look-alike letter: chrome rules judge it.
            // "countryвЂ™s" is a quotation mark read with the Cyrillic code page:
            // the mojibake rule reports and repairs it.
            if let Some(s) = start.take()
                && latin > 0
                && cyr > 0
                && other == 0
                && !text[s..i].contains("вЂ")
            {
                emit(out, Span::new(s, i), &text[s..i], latin, cyr);
            }
            latin = 0;
            cyr = 0;
            other = 0;
        }
    }
}

fn emit(out: &mut Emitter, span: Span, word: &str, latin: usize, cyr: usize) {
    let d = out.emit(span, format!("`{word}` mixes Cyrillic and Latin letters"));
    if latin > cyr {
        let fixed: Option<String> = word
            .chars()
            .map(|c| {
                if is_cyrillic(c) {
                    latin_twin(c)
                } else {
                    Some(c)
                }
            })
            .collect();
        if let Some(fixed) = fixed {
            d.replace(
                format!("write `{fixed}` in Latin letters"),
                span,
                fixed,
                Applicability::Safe,
            );
            return;
        }
    }
    d.note("retype the word in one alphabet");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn flags_look_alike_letters() {
        assert_flags(
            "The Most Read\nСryptocurrencies",
            &MixedScriptWord,
            &["Сryptocurrencies"],
        );
        assert_flags(
            "He was buried in the Borisovskoye сemetery.",
            &MixedScriptWord,
            &["сemetery"],
        );
        assert_lint_count("Mоscow and Kyiv; Рutin spoke.", &MixedScriptWord, 2);
    }

    #[test]
    fn fixes_mostly_latin_words() {
        assert_fix_result(
            "Сryptocurrencies fell.",
            &MixedScriptWord,
            "Cryptocurrencies fell.",
        );
        assert_fix_result("in Mоscow", &MixedScriptWord, "in Moscow");
    }

    #[test]
    fn whole_words_of_one_script_stay_clean() {
        assert_no_lints(
            "Navalny (Навальный) said мир; the word “Z” and ZOV; Aβ and TGFβ levels rose.",
            &MixedScriptWord,
        );
        assert_no_lints(
            "Plain English copy with no Cyrillic at all.",
            &MixedScriptWord,
        );
        assert_no_lints("Москва-Moscow and Kyiv/Київ", &MixedScriptWord);
        // A glued edition menu in several scripts is chrome, not a look-alike.
        assert_no_lints(
            "ՀայEngРус\nFranceIndiaItalia日本MéxicoРОССИЯUnited",
            &MixedScriptWord,
        );
    }

    #[test]
    fn mostly_cyrillic_word_gets_a_note_only() {
        assert_message(
            "Москвa",
            &MixedScriptWord,
            "`Москвa` mixes Cyrillic and Latin letters",
        );
    }
}
