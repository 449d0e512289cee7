use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::Document;
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::rules::translation::context::{WordAt, words};
use crate::rules::translation::lexicon::{
    is_all_caps, is_function_word, is_title, lowercase, starts_upper, strip_possessive,
};
use crate::span::Span;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;

declare_rule! {
    /// ## What it does
    /// Flags a name spelled two ways in one story ("Tokayev" and "Tokaev", "Verkhny
    /// Lars" and "Verkhni Lars"). Capitalised words are compared after folding the
    /// usual transliteration variants of Russian, Ukrainian, Arabic and other names:
    /// y/i, iy/y, ya/ia, yu/iu, e/ye/ie, kh/h, ks/x, ts/tz, j/zh/dj/dzh, doubled letters,
    /// final -iy/-y/-i, apostrophes and soft signs, the Arabic article (el-/al-).
    /// Neighbouring names are compared the same way, so "Dalerjon Mirzoev" and
    /// "Dalerdzhon Mirzoyev" are one man. A French spelling among English ones
    /// ("Prigogine" or "Prigojine" for "Prigozhin", "Choïgou" for "Shoigu"), "yo" for
    /// "e" ("Gorbachyov"), and the vowels of a few Arabic names ("Gaddafi"/"Kadhafi",
    /// "Mohammed"/"Mohamed") count only with long names and a clear house spelling or
    /// a shared given name or surname. The minority spelling is reported with a label
    /// at the majority spelling.
    ///
    /// Words that merely look alike differ after folding and stay clean
    /// (Georgia/Georgian, Austria/Australia, Iran/Iraq, Kazakh/Kazakhstan, plurals,
    /// possessives and gendered surnames such as Ivanov/Ivanova). A name with and
    /// without its accents (Goïta/Goita) counts only with a shared neighbouring word or
    /// a spelling used three times. Short names must also share a given name or
    /// surname ("Kassym-Jomart Tokaev" / "Kassym-Jomart Tokayev"), so Bryan Smith and
    /// Brian Jones, or Mr Smith and Mr Smyth, are two people; so are "Mohammed bin
    /// Salman" and "Mohamed Salah". Each spelling must be a name: capitalised
    /// mid-sentence somewhere, or six letters or more and never written in lower case
    /// in the story. Forms differing only in case or in the apostrophe are left to
    /// other rules.
    ///
    /// ## Why is this bad?
    /// Readers take two spellings for two people or places, and it shows the story
    /// was stitched from sources with different transliteration styles.
    ///
    /// ## Example
    /// ```text flag
    /// President Kassym-Jomart Tokayev spoke. Later Tokayev left, and Kassym-Jomart Tokaev returned.
    /// ```
    /// ```text flag
    /// Wagner chief Yevgeny Prigozhin marched. Aides said Prigozhin stopped, and Evgeny Prigogine left.
    /// ```
    /// Use instead:
    /// ```text pass
    /// Georgia and Georgian officials met Austrian and Australian envoys from Iran and Iraq.
    /// ```
    /// ```text pass
    /// Sergei Ivanov and his wife, Marina Ivanova, met Crown Prince Mohammed bin Salman and Mohamed Salah.
    /// ```
    /// ```text before
    /// Cars queued at Verkhny Lars. Guards at Verkhni Lars waved them on.
    /// ```
    /// ```text after
    /// Cars queued at Verkhny Lars. Guards at Verkhny Lars waved them on.
    /// ```
    ///
    /// ## Fix safety
    /// Unsafe: the majority spelling is usually the house style, but not always.
    pub struct NameVariant {
        id: "name-variant",
        category: Consistency,
        fix: Always,
        summary: "Same name spelled two ways",
    }
}

/// English month and weekday names: never a name spelled two ways, and a date in the
/// source language beside them ("Kamis, 24 Februari 2011") is page chrome, not a
/// variant. ("May" is left out: it is also a given name.)
fn is_calendar(w: &str) -> bool {
    use crate::rules::translation::lexicon::{DAYS, MONTHS};
    w != "May" && (MONTHS.contains(&w) || DAYS.contains(&w))
}

/// Folds transliteration variants so that "Tokayev" and "Tokaev" meet.
pub fn skeleton(word: &str) -> String {
    let mut s = if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.to_lowercase()
    };
    s.retain(|c| !matches!(c, '’' | '\'' | 'ʼ' | 'ʹ' | 'ъ' | 'ь' | '`'));
    // The Arabic article: "El-Sisi" / "Al-Sisi", "Ash-Shaabi" / "Al-Shaabi".
    for article in ["el-", "ad-", "an-", "ar-", "as-", "ash-", "at-", "az-"] {
        if let Some(rest) = s.strip_prefix(article).filter(|r| r.chars().count() >= 3) {
            s = format!("al-{rest}");
            break;
        }
    }
    // Most names hold none of these: look before allocating a new string.
    for (from, to) in [
        ("dzh", "j"),
        ("zh", "j"),
        ("dj", "j"),
        ("kh", "h"),
        ("ks", "x"),
        ("tz", "ts"),
        ("y", "i"),
    ] {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    collapse_doubles(&mut s);
    if s.contains("ie") {
        s = s.replace("ie", "e");
        collapse_doubles(&mut s);
    }
    s
}

/// "Zelenskii" and "Zelenski" meet: a doubled letter counts once.
fn collapse_doubles(s: &mut String) {
    let mut prev = None;
    s.retain(|c| {
        let keep = prev != Some(c) || !c.is_alphabetic();
        prev = Some(c);
        keep
    });
}

/// Drops combining marks and maps the letters with a stroke or dotless forms
/// that do not decompose, so that a name written with and without its accents
/// meets.
fn fold_marks(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if s.is_ascii() {
        return s.to_string();
    }
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'ı' => 'i',
            'ł' => 'l',
            'đ' => 'd',
            'ø' => 'o',
            c => c,
        })
        .collect()
}

/// French spelling of a Russian or Arabic name rewritten the English way:
/// "Prigogine" → "prizhozhin", "Choïgou" → "shoigu", "Gorbatchev" → "gorbachev",
/// "Serguei" → "sergei". None when the word shows no French consonant spelling
/// (ch for sh, tch for ch, g or j for zh, gu for a hard g): vowels alone
/// ("Houston"/"Huston", "Justine"/"Justin", "Martine"/"Martin") are too weak.
fn french_to_english(word: &str) -> Option<String> {
    let w: Vec<char> = fold_marks(&word.to_lowercase()).chars().collect();
    let at = |k: usize| w.get(k).copied();
    let soft = |c: Option<char>| matches!(c, Some('e' | 'i' | 'y'));
    let mut out = String::with_capacity(w.len() + 2);
    let (mut consonant, mut inner_j, mut changed) = (false, false, false);
    let mut i = 0;
    while let Some(c) = at(i) {
        match (c, at(i + 1), at(i + 2)) {
            ('t', Some('c'), Some('h')) => {
                out.push_str("ch");
                consonant = true;
                i += 3;
            }
            // German "sch" stays ("Fischer" is not "Fisher").
            ('s', Some('c'), Some('h')) => {
                out.push_str("sch");
                i += 3;
            }
            ('c', Some('h'), _) => {
                out.push_str("sh");
                consonant = true;
                i += 2;
            }
            ('g', Some('u'), n) if soft(n) => {
                out.push('g');
                consonant = true;
                i += 2;
            }
            ('g', n, _) if soft(n) => {
                out.push_str("zh");
                consonant = true;
                i += 1;
            }
            ('o', Some('u'), _) => {
                out.push('u');
                changed = true;
                i += 2;
            }
            _ => {
                inner_j |= c == 'j' && i > 0;
                out.push(c);
                i += 1;
            }
        }
    }
    // "Poutine", "Prigojine", "Lénine": the French add an e to a final -in.
    if out.ends_with("ine") {
        out.pop();
        changed = true;
    }
    (consonant || (inner_j && changed)).then_some(out)
}

/// Russian ё written "yo" after a consonant, rewritten as the plain "e" other
/// sources use: "Gorbachyov" → "gorbachev", "Potyomkin" → "potemkin".
fn yo_to_e(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    let vowel = |c: char| "aeiouy".contains(c);
    let w: Vec<char> = lower.chars().collect();
    let mut out = String::with_capacity(lower.len());
    let mut changed = false;
    let mut i = 0;
    while let Some(&c) = w.get(i) {
        let between = i > 0
            && w.get(i - 1)
                .is_some_and(|p| p.is_alphabetic() && !vowel(*p))
            && w.get(i + 2)
                .is_some_and(|n| n.is_alphabetic() && !vowel(*n));
        if c == 'y' && w.get(i + 1) == Some(&'o') && between {
            out.push('e');
            changed = true;
            i += 2;
        } else {
            out.push(c);
            i += 1;
        }
    }
    changed.then_some(out)
}

/// Arabic given names (and a few household names) whose vowels vary between
/// sources: "Mohammed", "Muhammad", "Mohamed". Keys are skeletons. Common given
/// names are shared by many people, so the `true` classes need a shared neighbour
/// ("Mohammed Deif" / "Mohamed Deif").
const ARABIC_NAMES: &[(&str, &str, bool)] = &[
    ("mohamed", "muhammad", true),
    ("mohamad", "muhammad", true),
    ("muhamad", "muhammad", true),
    ("muhamed", "muhammad", true),
    ("mouhamed", "muhammad", true),
    ("mouhamad", "muhammad", true),
    ("ahmed", "ahmad", true),
    ("ahmad", "ahmad", true),
    ("mahmoud", "mahmud", true),
    ("mahmud", "mahmud", true),
    ("husein", "hussein", true),
    ("husain", "hussein", true),
    ("hosein", "hussein", true),
    ("osama", "usama", true),
    ("usama", "usama", true),
    ("ousama", "usama", true),
    ("abdulah", "abdullah", true),
    ("abdalah", "abdullah", true),
    ("abdelah", "abdullah", true),
    ("abdoulah", "abdullah", true),
    ("haled", "khalid", true),
    ("halid", "khalid", true),
    ("iusuf", "yusuf", true),
    ("iusef", "yusuf", true),
    ("iousef", "yusuf", true),
    ("iousif", "yusuf", true),
    ("iousouf", "yusuf", true),
    ("mustafa", "mustafa", true),
    ("mostafa", "mustafa", true),
    ("moustafa", "mustafa", true),
    ("mustapha", "mustafa", true),
    ("gadafi", "gaddafi", false),
    ("gadhafi", "gaddafi", false),
    ("qadafi", "gaddafi", false),
    ("qadhafi", "gaddafi", false),
    ("kadafi", "gaddafi", false),
    ("kadhafi", "gaddafi", false),
    ("hezbolah", "hezbollah", false),
    ("hizbolah", "hezbollah", false),
    ("hizbulah", "hezbollah", false),
    ("hizbalah", "hezbollah", false),
];

/// The grouping key of a name form: its skeleton without accents, or its class in
/// [`ARABIC_NAMES`] ("\u{1}" marks a common given name, "\u{2}" another class).
fn group_key(form: &str) -> String {
    let key = fold_marks(&skeleton(form));
    match ARABIC_NAMES.iter().find(|(k, _, _)| *k == key) {
        Some((_, class, true)) => format!("\u{1}{class}"),
        Some((_, class, false)) => format!("\u{2}{class}"),
        None => key,
    }
}

/// A lower-case Arabic article before a capitalised name: "el-Sisi", "al-Assad".
fn arabic_article(form: &str) -> bool {
    [
        "al-", "el-", "ad-", "an-", "ar-", "as-", "ash-", "at-", "az-",
    ]
    .iter()
    .any(|a| form.strip_prefix(a).is_some_and(starts_upper))
}

/// How two spellings were matched, weakest evidence last.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tie {
    /// Same skeleton.
    Plain,
    /// Same skeleton once accents are dropped ("Goita"/"Goïta").
    Accents,
    /// Same after rewriting a French spelling, or in the same name class
    /// ("Prigogine"/"Prigozhin", "Gaddafi"/"Kadhafi").
    Loose,
    /// Spellings of a common given name ("Mohamed"/"Muhammad").
    Common,
}

/// A capitalised word right next to a name. Neighbours are compared by skeleton,
/// so that "Dalerjon Mirzoev" and "Dalerdzhon Mirzoyev" share theirs; the
/// skeletons are only computed for the rare forms that meet another spelling.
struct Neighbour<'t> {
    word: &'t str,
    title: bool,
}

impl Neighbour<'_> {
    fn same_key(&self, other: &Neighbour) -> bool {
        self.word == other.word || skeleton(self.word) == skeleton(other.word)
    }
}

struct Occ<'t> {
    span: Span,
    mid: bool,
    prev: Option<Neighbour<'t>>,
    next: Option<Neighbour<'t>>,
    /// The capitalised word right before, with only a space between: a given name.
    given: bool,
}

/// Whether `occs` (the odd spelling `form`) and `major_occ` (the usual spelling
/// `major`) are one name rather than two people or two words.
fn same_name(form: &str, occs: &[Occ], major: &str, major_occ: &[Occ], tie: Tie) -> bool {
    if occs.len() > 2 || diminutive_pair(form, major) {
        return false;
    }
    let same = |a: &Option<Neighbour>, b: &Option<Neighbour>, titles: bool| match (a, b) {
        (Some(a), Some(b)) => (titles || !a.title) && a.same_key(b),
        _ => false,
    };
    let shares = |titles: bool| {
        occs.iter().any(|o| {
            major_occ
                .iter()
                .any(|m| same(&o.prev, &m.prev, titles) || same(&o.next, &m.next, true))
        })
    };
    let shares_neighbour = shares(true);
    let len = |f: &str| f.chars().count();
    match tie {
        Tie::Plain => {}
        // Accents alone ("Goita"/"Goïta", "Erdogan"/"Erdoğan"): the same name only
        // with a shared neighbour or a clear house spelling.
        Tie::Accents => {
            if !shares_neighbour && major_occ.len() < 3 {
                return false;
            }
        }
        // A looser match needs long names and a house spelling used more often,
        // or a shared given name or surname.
        Tie::Loose => {
            if len(form) < 6 || len(major) < 6 {
                return false;
            }
            if !shares(false) && (major_occ.len() < 2 || major_occ.len() <= occs.len()) {
                return false;
            }
        }
        // "Mohammed bin Salman" and "Mohamed Salah" are two men.
        Tie::Common => {
            if !shares(false) {
                return false;
            }
        }
    }
    // Short names need a shared given name or surname: a shared title alone
    // ("Mr Smith", "Mr Smyth") may be two people.
    if len(form) < 6 && !shares(false) {
        return false;
    }
    // Given names of two people: every use of each form is followed by a
    // capitalised surname, and the surnames never agree ("Dmitri Volkov",
    // "Dmitry Peskov").
    let always_next = |v: &[Occ]| v.iter().all(|o| o.next.is_some());
    if !shares_neighbour && always_next(occs) && always_next(major_occ) {
        return false;
    }
    // Surnames of two people: the odd form follows its own given name, and
    // the usual form appears with another one ("analyst Tom Phillips",
    // "founder Frits Philips"; "Phạm Thị Dung", "Nguyễn Văn Dũng"); later
    // bare mentions ("Minister Dung") refer back to them.
    // A shared title ("Minister Dung", "Minister Dũng") does not make them one.
    let given = |o: &Occ| o.given;
    !(!shares(false) && occs.iter().any(given) && major_occ.iter().any(given))
}

/// A given name and its pet form in -ie ("Steve"/"Stevie", "Jesse"/"Jessie",
/// "Anne"/"Annie") are two names, usually of two people (a father and his son in a
/// family notice). Folding "ie" to "e" is for transliterations, where the variation
/// sits inside the word ("Yevgeny"/"Evgeniy"), not in an English pet-name ending.
fn diminutive_pair(a: &str, b: &str) -> bool {
    let pet = |long: &str, short: &str| {
        long.strip_suffix("ie")
            .zip(short.strip_suffix('e'))
            .is_some_and(|(l, s)| l == s && l.chars().count() >= 2)
    };
    pet(a, b) || pet(b, a)
}

/// Majority: most occurrences, then earliest.
fn majority<'f, 'o, 't>(
    forms: &'o BTreeMap<&'f str, Vec<Occ<'t>>>,
) -> Option<(&'f str, &'o [Occ<'t>])> {
    forms
        .iter()
        .max_by(|a, b| {
            a.1.len()
                .cmp(&b.1.len())
                .then(b.1[0].span.start.cmp(&a.1[0].span.start))
        })
        .map(|(f, o)| (*f, o.as_slice()))
}

fn neighbour(w: Option<&str>) -> Option<Neighbour<'_>> {
    w.map(|w| Neighbour {
        word: w,
        title: is_title(w),
    })
}

fn emit(out: &mut Emitter, form: &str, occs: &[Occ], major: &str, major_occ: &[Occ]) {
    for o in occs {
        let times = match major_occ.len() {
            1 => String::new(),
            n => format!(" ({n} times)"),
        };
        out.emit(
            o.span,
            format!("`{form}` is spelled `{major}` elsewhere in the story{times}"),
        )
        .label(major_occ[0].span, format!("spelled `{major}` here"))
        .replace(
            format!("write `{major}`"),
            o.span,
            major.to_string(),
            Applicability::Unsafe,
        );
    }
}

impl Rule for NameVariant {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let ws = words(doc);
        // form -> occurrences, then key -> form -> occurrences: a skeleton is
        // computed once per distinct form, not once per occurrence.
        let mut by_form: HashMap<&str, Vec<Occ>> = HashMap::default();
        let cap_word = |w: Option<&WordAt>, sentence: usize| -> Option<&str> {
            w.filter(|x| x.sentence == sentence)
                .map(|x| x.span.text(text))
                .filter(|s| starts_upper(s))
                .map(strip_possessive)
        };
        // A neighbour is a word joined by spaces alone: across a comma or a
        // semicolon ("Chí Dũng; Minister of ...") the next word starts a new item.
        let spaced = |a: usize, b: usize| {
            text.get(a..b)
                .is_some_and(|g| g.chars().all(|c| c == ' ' || c == '\u{a0}'))
        };
        for (k, w) in ws.iter().enumerate() {
            let raw = w.span.text(text);
            let form = strip_possessive(raw);
            if !(starts_upper(form) || arabic_article(form))
                || is_all_caps(form)
                || form.chars().count() < 4
                || is_function_word(&lowercase(form))
                || is_calendar(form)
            {
                continue;
            }
            let span = Span::new(w.span.start, w.span.start + form.len());
            let before = k.checked_sub(1).and_then(|j| ws.get(j));
            let occ = Occ {
                span,
                mid: !w.starts_unit,
                prev: neighbour(cap_word(
                    before.filter(|p| spaced(p.span.end, w.span.start)),
                    w.sentence,
                )),
                next: neighbour(cap_word(
                    ws.get(k + 1).filter(|n| spaced(w.span.end, n.span.start)),
                    w.sentence,
                )),
                given: before
                    .filter(|p| text.get(p.span.end..w.span.start) == Some(" "))
                    .and_then(|p| cap_word(Some(p), w.sentence))
                    .is_some_and(|p| !is_title(p) && !is_function_word(&lowercase(p))),
            };
            by_form.entry(form).or_default().push(occ);
        }
        let mut groups: BTreeMap<String, BTreeMap<&str, Vec<Occ>>> = BTreeMap::new();
        for (form, occs) in by_form {
            groups
                .entry(group_key(form))
                .or_default()
                .insert(form, occs);
        }
        // A form is a name when it is capitalised mid-sentence somewhere, or when it
        // is long and the story never writes it in lower case (a name that only opens
        // sentences: "Zelensky addressed …", then "According to Zelenskyi").
        let lower_words = std::cell::OnceCell::new();
        let named = |o: &[Occ]| {
            o.iter().any(|x| x.mid)
                || o.first().is_some_and(|x| {
                    let form = x.span.text(text);
                    form.chars().count() >= 6
                        && !lower_words
                            .get_or_init(|| {
                                ws.iter()
                                    .map(|w| w.span.text(text))
                                    .filter(|w| !starts_upper(w))
                                    .map(|w| lowercase(strip_possessive(w)))
                                    .collect::<rustc_hash::FxHashSet<_>>()
                            })
                            .contains(&*lowercase(form))
                })
        };
        let mut flagged: Vec<&str> = Vec::new();
        for (key, forms) in &groups {
            if forms.len() < 2 {
                continue;
            }
            // Forms differing only in case are a different problem.
            // So are forms differing only in the apostrophe ("O'Doherty", "O’Doherty").
            let mut lowers: Vec<String> = forms
                .keys()
                .map(|f| f.to_lowercase().replace(['’', 'ʼ', '`'], "'"))
                .collect();
            lowers.sort_unstable();
            lowers.dedup();
            if lowers.len() < forms.len() {
                continue;
            }
            if forms.values().any(|o| !named(o)) {
                continue;
            }
            let Some((major, major_occ)) = majority(forms) else {
                continue;
            };
            for (form, occs) in forms {
                if *form == major {
                    continue;
                }
                let tie = if key.starts_with('\u{1}') {
                    Tie::Common
                } else if key.starts_with('\u{2}') {
                    Tie::Loose
                } else if skeleton(form) != skeleton(major) {
                    Tie::Accents
                } else {
                    Tie::Plain
                };
                if same_name(form, occs, major, major_occ, tie) {
                    emit(out, form, occs, major, major_occ);
                    flagged.push(form);
                }
            }
        }
        // A French spelling among English ones ("Evgeny Prigogine" in a story
        // that otherwise writes "Prigozhin"), or "yo" for "e": two look-ups per form.
        for (key, forms) in &groups {
            for (form, occs) in forms {
                let others: Vec<String> = [french_to_english(form), yo_to_e(form)]
                    .into_iter()
                    .flatten()
                    .collect();
                if others.is_empty() || flagged.contains(form) || !named(occs) {
                    continue;
                }
                for other in others {
                    let target = fold_marks(&skeleton(&other));
                    if target == *key {
                        continue;
                    }
                    let Some(others) = groups.get(&target) else {
                        continue;
                    };
                    if others.values().any(|o| !named(o)) {
                        continue;
                    }
                    let Some((major, major_occ)) = majority(others) else {
                        continue;
                    };
                    if same_name(form, occs, major, major_occ, Tie::Loose) {
                        emit(out, form, occs, major, major_occ);
                        break;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn foreign_dates_are_no_variants() {
        assert_no_lints(
            "Kamis, 24 Februari 2011\n\nThe statement he made on February 21, 2011 was \
             withdrawn on February 23. Dipo Alam said on February 24 he stood by it.",
            &NameVariant,
        );
    }

    #[test]
    fn skeletons() {
        assert_eq!(skeleton("Tokayev"), skeleton("Tokaev"));
        assert_eq!(skeleton("Verkhny"), skeleton("Verkhni"));
        assert_eq!(skeleton("Zelenskyy"), skeleton("Zelenskiy"));
        assert_eq!(skeleton("Akhmetzhanov"), skeleton("Akhmetjanov"));
        assert_ne!(skeleton("Georgia"), skeleton("Georgian"));
        assert_ne!(skeleton("Austria"), skeleton("Australia"));
        assert_ne!(skeleton("Iran"), skeleton("Iraq"));
        assert_ne!(skeleton("Mali"), skeleton("Malí"));
        assert_ne!(skeleton("Jon"), skeleton("John"));
    }

    #[test]
    fn flags_minority_spelling() {
        assert_flags(
            "Kazakh President Kassym-Jomart Tokayev spoke. Mr. Tokayev left. President Kassym-Jomart Tokaev returned.",
            &NameVariant,
            &["Tokaev"],
        );
        assert_fix_result(
            "Cars queued at Verkhny Lars. Guards at Verkhni Lars waved them on.",
            &NameVariant,
            "Cars queued at Verkhny Lars. Guards at Verkhny Lars waved them on.",
        );
    }

    #[test]
    fn accents_dropped_in_one_place() {
        assert_flags(
            "Colonel Assimi Goita took power. Later, Colonel Assimi Goïta promised elections.",
            &NameVariant,
            &["Goïta"],
        );
        assert_flags(
            "President Erdogan spoke. Then Erdogan left. Aides said Erdoğan returned. Later Erdogan won.",
            &NameVariant,
            &["Erdoğan"],
        );
        // One use each, no shared neighbour: thin evidence.
        assert_no_lints("Malí and Mali are listed.", &NameVariant);
        assert_no_lints(
            "Erdoğan met Şimşek. Erdoğan said Mehmet Şimşek would stay.",
            &NameVariant,
        );
    }

    #[test]
    fn names_that_only_open_sentences() {
        assert_flags(
            "Zelensky made an address.\n\nZelensky spoke at night. According to Zelenskyi, \
             everyone has a light.",
            &NameVariant,
            &["Zelenskyi"],
        );
        // Written in lower case elsewhere: a word, not a name.
        assert_no_lints(
            "Trading halted at noon. Tradding resumed later, and trading was thin.",
            &NameVariant,
        );
        // The apostrophe alone differs: a quotation-mark style, not a spelling.
        assert_no_lints(
            "Sculptor O'Doherty dies\n\nO’Doherty was also a painter. Friends of O’Doherty wept.",
            &NameVariant,
        );
    }

    #[test]
    fn look_alikes_stay_clean() {
        assert_no_lints(
            "Georgia and Georgian officials, Russia and Russians, Kazakh and Kazakhstan, Russia’s envoy.",
            &NameVariant,
        );
        assert_no_lints(
            "Coach Bryan Smith praised striker Brian Jones.",
            &NameVariant,
        );
        assert_no_lints("Jon Berg met John Berg.", &NameVariant);
        assert_no_lints(
            "By Dmitri Volkov. Spokesman Dmitry Peskov said so. Dmitry Peskov added more.",
            &NameVariant,
        );
        assert_no_lints(
            "Shares in Philips fell after founder Frits Philips spoke; the stake in Philips rose, analyst Tom Phillips said.",
            &NameVariant,
        );
        assert_flags(
            "President Recep Tayyip Erdogan spoke. Aides said Erdogan left. In Ankara, Erdoğan returned. Later Erdogan won.",
            &NameVariant,
            &["Erdoğan"],
        );
        assert_lint_count(
            "President Tokayev spoke. Then Tokayev left. Later, Kassym-Jomart Tokaev returned.",
            &NameVariant,
            1,
        );
        assert_lint_count(
            "By Dmitri Volkov. Dmitri Volkov said so. Later, Dmitry Volkov added more.",
            &NameVariant,
            1,
        );
        assert_no_lints("The Lyon club fans cheered the Lion mascot.", &NameVariant);
    }

    #[test]
    fn two_people_whose_names_differ_by_accents() {
        assert_no_lints(
            "With him are Minister of Trade Phan Văn Dũng; Minister of Health Lê Thị Dung; \
             Minister of Finance Hồ Quốc Dũng. Minister Dũng spoke first. Minister Dung \
             said the plan would help farmers.",
            &NameVariant,
        );
    }

    #[test]
    fn list_of_officials_with_accent_only_differences() {
        // Dung and Dũng are two Vietnamese names: each follows its own given name,
        // and the capital after the semicolon starts the next list item.
        assert_no_lints(
            "With him are Minister of Health Lê Văn Dung; Minister of Trade Phan Chí Dũng; \
             Minister of Labour Hồ Quốc Dũng and Minister of Finance Võ Thị Hằng.",
            &NameVariant,
        );
    }
    #[test]
    fn skeletons_of_transliteration_families() {
        for (a, b) in [
            ("Mirzoyev", "Mirzoev"),
            ("Dalerdzhon", "Dalerjon"),
            ("Zelensky", "Zelenskiy"),
            ("Navalny", "Navalnyi"),
            ("Yevgeny", "Evgeniy"),
            ("Akhmetov", "Ahmetov"),
            ("El-Sisi", "Al-Sisi"),
            ("ash-Shaabi", "al-Shaabi"),
        ] {
            assert_eq!(skeleton(a), skeleton(b), "{a} / {b}");
        }
        for (a, b) in [
            ("Ivanov", "Ivanova"),
            ("Tokayev", "Tokaeva"),
            ("Mali", "Malawi"),
            ("Gaza", "Gazan"),
            ("Russia", "Russian"),
            ("Kyiv", "Kiev"),
        ] {
            assert_ne!(skeleton(a), skeleton(b), "{a} / {b}");
        }
    }

    #[test]
    fn french_spellings() {
        let fr = |w: &str| french_to_english(w).map(|e| skeleton(&e));
        assert_eq!(fr("Prigogine"), Some(skeleton("Prigozhin")));
        assert_eq!(fr("Prigojine"), Some(skeleton("Prigozhin")));
        assert_eq!(fr("Choïgou"), Some(skeleton("Shoigu")));
        assert_eq!(fr("Gorbatchev"), Some(skeleton("Gorbachev")));
        assert_eq!(fr("Khrouchtchev"), Some(skeleton("Khrushchev")));
        assert_eq!(fr("Loukachenko"), Some(skeleton("Lukashenko")));
        assert_eq!(fr("Evgueni"), Some(skeleton("Evgeny")));
        assert_eq!(fr("Cheikh"), Some(skeleton("Sheikh")));
        // Vowels alone are not a French spelling.
        assert_eq!(fr("Houston"), None);
        assert_eq!(fr("Justine"), None);
        assert_eq!(fr("Martine"), None);
        // German "sch" is not French "ch".
        assert_ne!(fr("Fischer"), Some(skeleton("Fisher")));
    }

    #[test]
    fn french_spelling_among_english_ones() {
        assert_flags(
            "Wagner boss Yevgeny Prigozhin spoke. His rival, Evgeny Prigogine, boss of the \
             mercenaries, marched. Tensions between Prigozhin and the generals grew, and \
             businessman Prigozhin posted videos.",
            &NameVariant,
            &["Prigogine"],
        );
        assert_flags(
            "Defence Minister Sergei Shoigu spoke. Critics said Shoigu had failed. Later \
             the minister, Sergei Choïgou, left.",
            &NameVariant,
            &["Choïgou"],
        );
        assert_flags(
            "Talks with Alexander Lukashenko began. Aides said Lukashenko agreed, and \
             Belarusian leader Alexander Loukachenko signed.",
            &NameVariant,
            &["Loukachenko"],
        );
        // One use each and no shared neighbour: thin evidence.
        assert_no_lints(
            "The envoy met Prigozhin. Later he saw Prigogine.",
            &NameVariant,
        );
    }

    #[test]
    fn english_look_alikes_of_french_spellings_stay_clean() {
        assert_no_lints(
            "Flights from Houston resumed. Houston officials said director John Huston \
             would have loved it. Houston is busy.",
            &NameVariant,
        );
        assert_no_lints(
            "Justin Smith met Justine Smith, his sister. Later Justin left and Justine \
             stayed.",
            &NameVariant,
        );
        assert_no_lints(
            "Mayor Martine Aubry met Paul Martin. Aides said Martin was pleased.",
            &NameVariant,
        );
        assert_no_lints(
            "Rodney Marsh spoke in March. Marsh said the March rally was his last.",
            &NameVariant,
        );
        assert_no_lints(
            "Carrie Fisher starred in the film. Fisher said Bobby Fischer inspired her. \
             Fisher left.",
            &NameVariant,
        );
        assert_no_lints(
            "Gillian Wood met Jillian Stone. Later Gillian Wood and Jillian Stone spoke.",
            &NameVariant,
        );
        assert_no_lints("Louis Blanc met Louise Blanc, his wife.", &NameVariant);
    }

    #[test]
    fn given_name_and_surname_both_vary() {
        // Neighbours are compared by skeleton: "Dalerjon Mirzoev" is
        // "Dalerdzhon Mirzoyev" spelled another way.
        assert_flags(
            "The court identified the suspects as Dalerdzhon Mirzoyev and Shamsidin \
             Fariduni. Later it named them as Dalerjon Mirzoev and Shamsidin Fariduni.",
            &NameVariant,
            &["Dalerjon", "Mirzoev"],
        );
        assert_flags(
            "Suspect Dalerdzhon Mirzoyev confessed. Mirzoyev is married. The court held \
             Mirzoev for two months.",
            &NameVariant,
            &["Mirzoev"],
        );
    }

    #[test]
    fn pet_names_in_ie_are_other_names() {
        // A family notice: the father Steve, his son Stevie.
        assert_no_lints(
            "Stephen Morris was remembered by his family. \"Questionable yet entertaining \
             parenting methods to Stevie and Sherry,\" the notice read. No funeral will be \
             held as per Steve's request, and friends said Steve would have approved.",
            &NameVariant,
        );
        assert!(diminutive_pair("Stevie", "Steve"));
        assert!(diminutive_pair("Jesse", "Jessie"));
        assert!(!diminutive_pair("Tokayev", "Tokaev"));
        // An ending that is not the pet suffix still meets its variant.
        assert_flags(
            "Yevgeny Prigozhin marched. Aides said Yevgeny Prigozhin stopped, and Evgeniy \
             Prigozhin left.",
            &NameVariant,
            &["Evgeniy"],
        );
    }

    #[test]
    fn relatives_and_namesakes_stay_clean() {
        assert_no_lints(
            "Sergei Ivanov and his wife, Marina Ivanova, spoke. Ivanov said Ivanova was \
             tired. Oleg Petrov met Anna Petrova.",
            &NameVariant,
        );
        assert_no_lints(
            "President Kassym-Jomart Tokayev spoke. Tokayev said his daughter, Dariga \
             Tokaeva, would attend.",
            &NameVariant,
        );
        assert_no_lints(
            "Kim Jong Un met Kim Jong Il's widow. Ali met Alia. Nguyen Van An met Nguyen \
             Van Anh.",
            &NameVariant,
        );
        assert_no_lints(
            "Emir Sheikh Tamim bin Hamad Al Thani met his father, Sheikh Hamad bin \
             Khalifa Al Thani.",
            &NameVariant,
        );
        // A shared title does not make two short names one.
        assert_no_lints(
            "Mr Smith chaired the panel. Mr Smith said the vote was close. Mr Smyth, a \
             member, disagreed.",
            &NameVariant,
        );
        assert_no_lints(
            "Iran and Iraq met Austria and Australia. Mali and Malawi voted. Gaza and \
             Gazan families, Russia and Russian officials.",
            &NameVariant,
        );
    }

    #[test]
    fn arabic_names() {
        assert_flags(
            "Commander Mohammed Deif was targeted. Officials said Mohammed Deif survived. \
             A later statement said Mohamed Deif was wounded.",
            &NameVariant,
            &["Mohamed"],
        );
        // Two men with the commonest name.
        assert_no_lints(
            "Crown Prince Mohammed bin Salman met Mohamed Salah. Mohammed bin Salman \
             praised the striker, and Muhammad Ali's daughter spoke.",
            &NameVariant,
        );
        assert_flags(
            "Muammar Gaddafi ruled Libya. Gaddafi fell in 2011. Later Kadhafi loyalists \
             fled.",
            &NameVariant,
            &["Kadhafi"],
        );
        assert_flags(
            "President Abdel Fattah al-Sisi spoke. Aides said al-Sisi would travel, and \
             Abdel Fattah el-Sisi left on Monday.",
            &NameVariant,
            &["el-Sisi"],
        );
        // Hamid and Hamad are two names.
        assert_no_lints(
            "Sheikh Hamad spoke. Hamad said Hamid Karzai agreed. Later Hamid left.",
            &NameVariant,
        );
    }

    #[test]
    fn yo_for_russian_yo() {
        assert_flags(
            "Mikhail Gorbachev spoke. Gorbachev said so. Later Mikhail Gorbachyov left.",
            &NameVariant,
            &["Gorbachyov"],
        );
        assert_no_lints(
            "Fans in Lyons cheered. Lens won, and Lyons lost.",
            &NameVariant,
        );
    }

    #[test]
    fn ukrainian_president_variants() {
        assert_flags(
            "President Volodymyr Zelensky spoke. Zelensky said so. Later Volodymyr \
             Zelenskiy left. Alexei Navalny died; Navalny was 47, and Alexei Navalnyi's \
             widow spoke.",
            &NameVariant,
            &["Zelenskiy", "Navalnyi"],
        );
    }
}
