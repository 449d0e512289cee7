use super::gender::{self, Gender};
use super::mentions::{Kind, Mention, find, paragraph_start, window_start};
use crate::declare_rule;
use crate::diagnostic::Applicability;
use crate::document::{Document, TokenKind};
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::rules::translation::lexicon::{
    is_institution_head, is_reporting_verb, lowercase, strip_possessive,
};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags "he" or "she" used for an organisation: a ministry, government, agency,
    /// company, court, party, the Kremlin, the White House. The pronoun must be the
    /// subject of an attribution (", he said in a statement") or open the sentence
    /// after one in which the organisation made a statement ("The ministry said … .
    /// However, he did not …"), and no person may be named or described in the
    /// two paragraphs before it — unless every such person is named after the
    /// institution in its own sentence ("headed by Luis Caputo") or in an earlier
    /// paragraph, and is of the other gender, in a story that so far names nobody
    /// of the pronoun's gender.
    /// A reported clause ("The bank said he would …") is flagged even when people
    /// appear earlier in the story if the copy calls the institution "its" since
    /// it came up, names or describes nobody in that stretch, and neither names
    /// anyone nor says "he" or "she" in the paragraph before. A "he"/"she"/"his"/
    /// "her" opening the next sentence after a flagged pronoun, with nobody in
    /// between, is flagged too.
    ///
    /// ## Why is this bad?
    /// French, Spanish and Russian give institutions gendered pronouns; machine
    /// translation carries them over and the reader looks for a man who is not there.
    ///
    /// ## Example
    /// ```text flag
    /// The Russian Defense Ministry has not sent any request to Kazakhstan, he said in a statement.
    /// ```
    /// ```text flag
    /// The Interior Ministry said 98,000 Russians had arrived. However, he did not provide any comparison.
    /// ```
    /// Use instead:
    /// ```text pass
    /// The ministry said 98,000 Russians had arrived, according to spokesman Ivan Petrov. He did not give a comparison.
    /// ```
    ///
    /// ## Fix safety
    /// Display only: "it" is the usual fix, but the verb or a possessive may need to
    /// change too.
    pub struct InstitutionPronoun {
        id: "institution-pronoun",
        category: Pronoun,
        fix: Always,
        summary: "Organisation referred to as he or she",
    }
}

const CONNECTIVES: &[&str] = &[
    "however",
    "but",
    "and",
    "yet",
    "still",
    "also",
    "moreover",
    "furthermore",
    "meanwhile",
    "nevertheless",
    "nonetheless",
    "besides",
    "instead",
    "later",
    "then",
];

impl Rule for InstitutionPronoun {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let text = doc.text();
        let ms = find(doc);
        let sentences = doc.sentences();
        let mut last_flag: Option<(usize, Mention)> = None;
        for (i, m) in ms.iter().enumerate() {
            let word = m.span.text(text);
            if m.quoted {
                continue;
            }
            if let Some((l, inst)) = &last_flag
                && continues_flag(doc, &ms, i, *l)
            {
                let inst = inst.clone();
                flag(doc, m, &inst, out);
                last_flag = Some((i, inst));
                continue;
            }
            if matches!(word, "his" | "her") {
                for_part(doc, &ms, i, out);
                continue;
            }
            if !matches!(word, "he" | "she" | "He" | "She") {
                continue;
            }
            let sent = sentences[m.sentence].span;
            let toks = doc.tokens_in(sent);
            let Some(pos) = toks.iter().position(|t| t.span == m.span) else {
                continue;
            };
            let next = toks
                .get(pos + 1)
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| t.span.text(text));
            let Some(next) = next else { continue };
            if !next.chars().next().is_some_and(char::is_lowercase) {
                continue;
            }
            let prev = pos.checked_sub(1).map(|p| toks[p].span.text(text));
            // ", he said" / "…,” he said"
            let attribution = matches!(prev, Some("," | "”" | "»")) && is_reporting_verb(next);
            // "He did not …" / "However, he did not …"
            let opening = pos <= 3 && {
                let before: Vec<&str> = toks[..pos]
                    .iter()
                    .map(|t| t.span.text(text))
                    .filter(|s| *s != ",")
                    .collect();
                before.is_empty()
                    || (before.len() == 1
                        && CONNECTIVES.contains(&before[0].to_lowercase().as_str()))
            };
            // "The ministry said in a statement that he had received …"
            let clause = !attribution && !opening && reported_clause(doc, toks, pos);
            if !attribution && !opening && !clause {
                continue;
            }
            // The nearest institution before the pronoun, in this or the previous
            // sentence, with nobody else in sight.
            let window_from = paragraph_start(doc, m.paragraph, if clause { 3 } else { 2 });
            let window: Vec<&Mention> = ms[window_start(&ms, i, window_from)..i].iter().collect();
            let persons: Vec<&Mention> = window
                .iter()
                .copied()
                .filter(|x| is_person(doc, x))
                .collect();
            let Some(inst) = window.iter().rev().find(|x| x.kind == Kind::Institution) else {
                continue;
            };
            // "The bank, which raised its rate, … The bank said he would …": the copy
            // calls the institution "its" and nobody else is in sight since.
            // "The agency, which opened its headquarters …, said that she …": the
            // subject, not the thing it owns.
            let owner = window
                .iter()
                .rev()
                .find(|x| x.kind == Kind::Institution && !owned(text, x))
                .copied();
            if clause
                && let Some(owner) = owner
                && institution_topic(doc, &ms, i, owner)
            {
                flag(doc, m, owner, out);
                last_flag = Some((i, owner.clone()));
                continue;
            }
            if !persons.is_empty()
                && (attribution || !excluded_by_gender(doc, &ms, i, inst, &persons))
            {
                continue;
            }
            if inst.paragraph + 1 < m.paragraph || inst.sentence + 1 < m.sentence {
                continue;
            }
            // "…, Kazinform News Agency reports. He said …": the agency is the source
            // of the story, the pronoun is the person the sentence was about.
            if inst.sentence < m.sentence && source_tail(text, inst.span) {
                continue;
            }
            // Nobody at all before the pronoun in the whole story: the reported clause
            // can only be about the institution.
            if clause
                && (inst.sentence != m.sentence
                    || speaks_of_people(inst.span.text(text))
                    || ms[..i]
                        .iter()
                        .any(|x| is_person(doc, x) && !persons.iter().any(|p| p.span == x.span)))
            {
                continue;
            }
            if !(attribution || clause || inst.sentence < m.sentence && states(doc, inst)) {
                continue;
            }
            flag(doc, m, inst, out);
            last_flag = Some((i, (*inst).clone()));
        }
    }
}

fn flag(doc: &Document, m: &Mention, inst: &Mention, out: &mut Emitter) {
    let text = doc.text();
    let word = m.span.text(text);
    let possessive = matches!(word, "his" | "His" | "her" | "Her");
    let it = match (possessive, word.starts_with(['H', 'S'])) {
        (true, true) => "Its",
        (true, false) => "its",
        (false, true) => "It",
        (false, false) => "it",
    };
    let name = inst.span.text(text);
    out.emit(
        m.span,
        format!("`{word}` refers to an institution (`{name}`), which is “it”"),
    )
    .label(inst.span, "subject introduced here")
    .replace(format!("use `{it}`"), m.span, it, Applicability::Display);
}

/// The pronoun opens the next sentence after a pronoun this rule flagged, with
/// nobody named or described in between: "… said that she would maintain it. Her
/// director, Jean Kaseya, …" continues the same (mis)reference.
fn continues_flag(doc: &Document, ms: &[Mention], i: usize, l: usize) -> bool {
    let (m, prev) = (&ms[i], &ms[l]);
    let same_gender = matches!(
        (prev.kind, m.kind),
        (Kind::He, Kind::He) | (Kind::She, Kind::She)
    );
    let sent = doc.sentences()[m.sentence].span;
    let opens = doc
        .text()
        .get(sent.start..m.span.start)
        .is_some_and(|b| b.trim().is_empty());
    same_gender
        && opens
        && m.sentence == prev.sentence + 1
        && ms[l + 1..i].iter().all(|x| !is_person(doc, x))
}

/// "its headquarters", "their party": an institution owned by another.
fn owned(text: &str, x: &Mention) -> bool {
    // "its headquarters", "its new headquarters"
    text.get(..x.span.start)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .take(2)
        .any(|w| matches!(w, "its" | "their" | "his" | "her"))
}

/// Whether the institution of a reported clause ("The bank said he would …") is
/// the topic the copy has been calling "its": from the sentence of its first
/// mention in the previous or this sentence up to the pronoun, the copy writes
/// "its" after the institution and names, describes or pronominalises nobody; and
/// the previous paragraph names nobody and uses no "he" or "she" either. A person
/// in sight ("Navalny died. The prison service said he had felt unwell") is what
/// such a pronoun usually means, so any keeps the rule silent.
fn institution_topic(doc: &Document, ms: &[Mention], i: usize, inst: &Mention) -> bool {
    let text = doc.text();
    let m = &ms[i];
    if inst.sentence != m.sentence || speaks_of_people(inst.span.text(text)) {
        return false;
    }
    // "Central Bank of the Republic of Turkey" and "the bank": the head word.
    let head = |x: &Mention| {
        let words: Vec<String> = x
            .span
            .text(text)
            .split(' ')
            .map(|w| lowercase(strip_possessive(w)).into_owned())
            .collect();
        words
            .iter()
            .rev()
            .find(|w| is_institution_head(w))
            .or(words.last())
            .cloned()
    };
    let h = head(inst);
    let lo = window_start(ms, i, paragraph_start(doc, m.paragraph, 1));
    let first = ms[lo..i]
        .iter()
        .find(|x| x.kind == Kind::Institution && x.sentence + 1 >= m.sentence && head(x) == h)
        .unwrap_or(inst);
    let sentences = doc.sentences();
    let from = sentences[first.sentence].span.start;
    let region = Span::new(from, m.span.start);
    let its = doc
        .words_in(Span::new(first.span.end, m.span.start))
        .any(|(_, w)| w == "its" || w == "itself");
    if !its {
        return false;
    }
    // The story was already about it: its head word or name comes up in the
    // previous paragraph or sentence ("the central bank …. The bank said he …").
    // A new institution reporting on a person ("The Federal Penitentiary
    // Service … said that he had felt unwell") is most often about that person.
    let before = text
        .get(paragraph_start(doc, m.paragraph, 1)..sentences[inst.sentence].span.start)
        .unwrap_or("")
        .to_lowercase();
    let name = inst.span.text(text).to_lowercase();
    let mentioned = h
        .as_deref()
        .is_some_and(|h| before.split(|c: char| !c.is_alphanumeric()).any(|w| w == h))
        || before.contains(&name);
    if !mentioned {
        return false;
    }
    let prev_para = paragraph_start(doc, m.paragraph, 1);
    let para = paragraph_start(doc, m.paragraph, 0);
    ms[window_start(ms, i, prev_para)..i].iter().all(|x| {
        let inside = x.span.start >= region.start;
        let this_para = x.span.start >= para;
        match x.kind {
            Kind::Institution => true,
            Kind::He | Kind::She => false,
            Kind::Person => !is_person(doc, x),
            Kind::PersonNoun => x.apposition || (!inside && !this_para),
        }
    })
}

/// Whether none of `persons` can be meant by pronoun `i` because of gender:
/// "The Ministry of Economy, headed by Luis Caputo, indicated … . She specified …".
/// Only for an institution that opens its sentence, with every such person named
/// after it in that sentence (an agent or apposition), of the other gender, in a
/// story that so far names nobody of the pronoun's gender. A pronoun after a
/// quotation is left alone: there it is more often a person's flipped gender.
fn excluded_by_gender(
    doc: &Document,
    ms: &[Mention],
    i: usize,
    inst: &Mention,
    persons: &[&Mention],
) -> bool {
    let text = doc.text();
    let m = &ms[i];
    let gender = if matches!(m.span.text(text), "he" | "He") {
        Gender::Male
    } else {
        Gender::Female
    };
    let sent = doc.sentences()[inst.sentence].span;
    let opens = doc
        .words_in(Span::new(sent.start, inst.span.start))
        .all(|(_, w)| w.eq_ignore_ascii_case("the"));
    // People in the institution's sentence must come after it ("headed by …");
    // others must be in an earlier paragraph, out of the current exchange.
    let placed = |p: &Mention| {
        if p.sentence == inst.sentence {
            p.span.start > inst.span.end
        } else {
            p.paragraph < inst.paragraph
        }
    };
    opens
        && persons.iter().all(|p| {
            placed(p)
                && p.kind != Kind::He
                && p.kind != Kind::She
                && gender::of_mention(doc, p, &ms[..i]) == Some(gender.other())
        })
        && !gender::anyone_of(doc, &ms[..i], m.span.start, gender)
}

/// Whether a mention in the look-back window is a person the pronoun could mean.
/// A one-word "name" after "the" is a nationality, a place or a group ("the Malian
/// authorities", "the Netherlands", "the Wagner group"), not a person.
fn is_person(doc: &Document, x: &Mention) -> bool {
    match x.kind {
        Kind::He | Kind::She => true,
        Kind::PersonNoun => !x.apposition,
        Kind::Person => {
            let text = doc.text();
            let name = x.span.text(text);
            let one_word = !name.contains(' ');
            let after_the = text
                .get(..x.span.start)
                .map(str::trim_end)
                .and_then(|b| b.rsplit(|c: char| !c.is_alphabetic()).next())
                .is_some_and(|w| w.eq_ignore_ascii_case("the"));
            // "the Official Bulletin": a longer capitalised name right after "the"
            // is a thing unless it opens with a given name.
            let given = name
                .split(' ')
                .next()
                .is_some_and(|f| gender::of_given_name(f).is_some());
            !(after_the && (one_word || !given))
        }
        Kind::Institution => false,
    }
}

/// Institutions that usually speak about individuals (a defendant, a patient, a
/// player), so "the court said he …" is most often a person.
fn speaks_of_people(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name).to_lowercase();
    matches!(
        last.as_str(),
        "court"
            | "tribunal"
            | "police"
            | "prosecutor’s"
            | "club"
            | "team"
            | "league"
            | "university"
            | "embassy"
            | "consulate"
            | "newspaper"
            | "broadcaster"
            | "network"
            | "command"
            | "military"
            | "navy"
            | "army"
    )
}

/// The pronoun opens the clause a reporting verb introduces, shortly after the
/// institution: "The ministry said (in a statement) (that) he …". The caller also
/// requires the institution in the same sentence and nobody else in sight.
fn reported_clause(doc: &Document, toks: &[crate::document::Token], pos: usize) -> bool {
    let text = doc.text();
    let words: Vec<&str> = toks[pos.saturating_sub(8)..pos]
        .iter()
        .map(|t| t.span.text(text))
        .collect();
    let Some(v) = words.iter().rposition(|w| is_reporting_verb(w)) else {
        return false;
    };
    // Between the verb and the pronoun: "that", or a short adjunct ("in a statement",
    // "on Tuesday"), never a noun phrase that could be the antecedent.
    let between = &words[v + 1..];
    between.len() <= 5
        && between.iter().all(|w| {
            matches!(
                *w,
                "that" | "in" | "a" | "an" | "its" | "statement" | "on" | "late" | "earlier"
            ) || crate::rules::translation::lexicon::is_place_or_date(w)
        })
        && between
            .last()
            .is_none_or(|w| *w == "that" || is_place_or_date_word(w))
}

fn is_place_or_date_word(w: &str) -> bool {
    crate::rules::translation::lexicon::is_place_or_date(w)
        || matches!(w, "statement" | "today" | "yesterday")
}

/// "The commission, for his part, said …": a possessive for the institution in
/// the French "pour sa part" calque.
fn for_part(doc: &Document, ms: &[Mention], i: usize, out: &mut Emitter) {
    let text = doc.text();
    let m = &ms[i];
    let before = text.get(..m.span.start).unwrap_or("");
    let after = text.get(m.span.end..).unwrap_or("");
    if !after.starts_with(" part") || !before.ends_with(", for ") {
        return;
    }
    let Some(prev) = i.checked_sub(1).map(|j| &ms[j]) else {
        return;
    };
    let gap = text.get(prev.span.end..m.span.start).unwrap_or("");
    if prev.kind != Kind::Institution || gap != ", for " || prev.sentence != m.sentence {
        return;
    }
    let word = m.span.text(text);
    out.emit(
        m.span,
        format!(
            "`{word}` refers to an institution (`{}`), which is “it”",
            prev.span.text(text)
        ),
    )
    .label(prev.span, "subject introduced here")
    .replace("use `its`", m.span, "its", Applicability::Display);
}

/// Whether the institution only names the source at the end of a sentence:
/// "…, Kazinform News Agency reports." / "…, Trend reports with reference to …".
fn source_tail(text: &str, inst: Span) -> bool {
    let before = text.get(..inst.start).unwrap_or("").trim_end();
    let before = before.strip_suffix("the").unwrap_or(before).trim_end();
    if !before.ends_with(',') {
        return false;
    }
    let after = text.get(inst.end..).unwrap_or("");
    let after = after.split(['\n', '.']).next().unwrap_or("").trim_start();
    let verb = after.split(' ').next().unwrap_or("");
    matches!(
        verb,
        "reports" | "reported" | "learnt" | "learned" | "informs" | "writes" | "wrote" | "has"
    ) && (verb != "has" || after.starts_with("has learnt") || after.starts_with("has learned"))
        && after.split(' ').count() <= 8
}

/// Whether a reporting verb follows the institution in its sentence: it made a
/// statement the next sentence continues.
fn states(doc: &Document, inst: &Mention) -> bool {
    let sent = doc.sentences()[inst.sentence].span;
    doc.words_in(Span::new(inst.span.end, sent.end))
        .take(25)
        .any(|(_, w)| is_reporting_verb(&w.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    #[test]
    fn attribution_after_institution() {
        assert_flags(
            "The Russian Defense Ministry will not send requests to Georgia and Russia. Other countries were not asked either, he said in a statement.",
            &InstitutionPronoun,
            &["he"],
        );
        assert_flags(
            "For its part , the Interior Ministry of Kazakhstan said 98,000 Russians had arrived.\n\nHowever, he did not provide any comparison.",
            &InstitutionPronoun,
            &["he"],
        );
    }

    #[test]
    fn person_of_the_other_gender_cannot_be_meant() {
        let text = "The Ministry of Economy, headed by Luis Caputo, indicated that the \
                    closures would save money. She specified that staff will be compensated.";
        assert_flags(text, &InstitutionPronoun, &["She"]);
        assert_flags(
            "The Interior Ministry, led by Mr. Ivanov, said the border was calm. However, she \
             did not give figures.",
            &InstitutionPronoun,
            &["she"],
        );
        // Earlier paragraphs may hold people of the other gender, here "the
        // president" the story named Javier Milei; things after "the" are not people.
        let earlier = "The president of Argentina, Javier Milei, announced the closure of 13 \
                       agencies.\n\n“The State is not an employment agency,” said the \
                       president.\n\nThe decree, to be published in the Official Bulletin, \
                       affects the National Institute against Discrimination.\n\n";
        assert_flags(&format!("{earlier}{text}"), &InstitutionPronoun, &["She"]);
        // A person of unknown gender there, or a "she", keeps it clean.
        assert_no_lints(
            &format!("{}{text}", earlier.replace("Javier Milei", "Jean Kaseya")),
            &InstitutionPronoun,
        );
        assert_no_lints(
            &format!(
                "{}{text}",
                earlier.replace("announced", "said she announced")
            ),
            &InstitutionPronoun,
        );
        // A woman named before: she may be meant.
        assert_no_lints(
            &format!("Economist Olga Petrova criticised the plan. {text}"),
            &InstitutionPronoun,
        );
        assert_no_lints(
            &format!("The spokeswoman declined to comment. {text}"),
            &InstitutionPronoun,
        );
        // A name of unknown gender, or a person opening the sentence, keeps it clean.
        assert_no_lints(
            "The Ministry of Economy, headed by Jean Kaseya, indicated that the closures \
             would save money. She specified that staff will be compensated.",
            &InstitutionPronoun,
        );
        assert_no_lints(
            "Luis Caputo said the Ministry of Economy would save money. She specified that \
             staff will be compensated.",
            &InstitutionPronoun,
        );
        // After a quotation the pronoun is more often the speaker's flipped gender.
        assert_no_lints(
            "The council, chaired by Aisha Rahman, met in Osaka. “It is a bad plan,” he said.",
            &InstitutionPronoun,
        );
    }

    #[test]
    fn people_in_sight_keep_it_clean() {
        assert_no_lints(
            "The ministry said 98,000 Russians had arrived, spokesman Ivan Petrov told reporters. He did not give a comparison.",
            &InstitutionPronoun,
        );
        assert_no_lints(
            "The court sentenced the man on Monday. He said he would appeal.",
            &InstitutionPronoun,
        );
        assert_no_lints(
            "Anna Berg runs the press office. The company said it was “not aware,” she said.",
            &InstitutionPronoun,
        );
    }

    #[test]
    fn reported_clause_and_for_its_part() {
        assert_flags(
            "The Energy Ministry said in a statement that he had already received four bids.",
            &InstitutionPronoun,
            &["he"],
        );
        assert_flags(
            "The Central Election Commission, for his part, said it would publish the question.",
            &InstitutionPronoun,
            &["his"],
        );
        // A person anywhere earlier: "he" may be that person.
        assert_no_lints(
            "Ivan Petrov, 45, was arrested in May.\n\nThe case drew attention.\n\nPrices rose.\n\nAnalysts were surprised.\n\nThe Justice Department said that he faces 20 years.",
            &InstitutionPronoun,
        );
        assert_no_lints(
            "Ivan Petrov, for his part, said it would publish the question.",
            &InstitutionPronoun,
        );
    }

    #[test]
    fn office_holder_inside_an_institution_name_is_a_person() {
        assert_no_lints(
            "European Council President Charles Michel said on Monday that talks would go on. He added that a deal was close.",
            &InstitutionPronoun,
        );
        assert_flags(
            "The Ministry of Foreign Affairs of Mali specified that troops must leave. He added that Bamako wanted a withdrawal.",
            &InstitutionPronoun,
            &["He"],
        );
    }

    #[test]
    fn agency_named_as_the_source_is_not_the_antecedent() {
        assert_no_lints(
            "Chairman of the Nuclear Energy Agency Almassadam Satkaliyev answered questions of journalists, Kazinform News Agency reports.\nHe said the cost will be determined later.",
            &InstitutionPronoun,
        );
        assert_no_lints(
            "The head of the mission met local officials, the Trend News Agency reports with reference to the ministry. He said talks went well.",
            &InstitutionPronoun,
        );
        // The agency as the subject still counts.
        assert_flags(
            "The Kazinform News Agency reported on Monday that prices rose. He added that wages fell.",
            &InstitutionPronoun,
            &["He"],
        );
    }

    #[test]
    fn institution_the_copy_calls_its_is_the_topic() {
        let bank = "The central bank, which raised its policy rate to 50% last year, has \
                    kept it unchanged since March. The bank said he would keep a tight policy.";
        // A person far back in the story does not compete with the topic.
        assert_flags(
            &format!("Erdogan spoke on Saturday.\n\nInflation fell in May.\n\n{bank}"),
            &InstitutionPronoun,
            &["he"],
        );
        // A person in the previous paragraph, or no "its": the pronoun may mean them.
        assert_no_lints(
            &format!("Governor Fatih Karahan spoke on Friday.\n\n{bank}"),
            &InstitutionPronoun,
        );
        assert_no_lints(
            "Alexei Navalny died on Friday.\n\nThe prison service said in a statement that \
             he had felt unwell after a walk.",
            &InstitutionPronoun,
        );
        assert_no_lints(
            "Alexei Navalny died on Friday.\n\nThe prison service opened its inquiry. The \
             service said that he had felt unwell after a walk.",
            &InstitutionPronoun,
        );
        // A new institution reporting on the story's person, with its "its" and
        // a neutral paragraph between: the person is meant.
        assert_no_lints(
            "Alexei Navalny died on Friday in a penal colony.\n\nThe colony is 1,900 km \
             from Moscow.\n\nThe Federal Penitentiary Service, which runs its colonies \
             through regional offices, said in a statement that he had felt unwell.",
            &InstitutionPronoun,
        );
        // A court speaks of people.
        assert_no_lints(
            "The court, which issued its ruling on Monday, said that he must pay a fine.",
            &InstitutionPronoun,
        );
    }

    #[test]
    fn the_subject_not_the_thing_it_owns() {
        let text = "Tedros Adhanom Ghebreyesus warned that the virus still circulates.\n\n\
                    Cases fell, according to the Africa Centres for Disease Control and \
                    Prevention (Africa CDC).\n\n\
                    The Africa CDC, which opened its new headquarters in May, said in a \
                    statement that she would keep the alert. Her director, Jean Kaseya, agreed.";
        assert_flags(text, &InstitutionPronoun, &["she", "Her"]);
        assert_message(
            text,
            &InstitutionPronoun,
            "`she` refers to an institution (`Africa CDC`), which is “it”",
        );
        // The director named before the statement may be the "she".
        assert_no_lints(
            &text.replace("Cases fell", "Director Jean Kaseya said cases fell"),
            &InstitutionPronoun,
        );
    }

    #[test]
    fn a_flagged_pronoun_carries_over_to_the_next_sentence() {
        assert_flags(
            "The Interior Ministry said 98,000 Russians had arrived. However, she did not \
             give a comparison. Her spokesman, Ivan Petrov, declined to comment.",
            &InstitutionPronoun,
            &["she", "Her"],
        );
        assert_flags(
            "The Interior Ministry said 98,000 Russians had arrived. However, she did not \
             give a comparison. The minister praised the border guards. Her spokesman \
             declined to comment.",
            &InstitutionPronoun,
            &["she"],
        );
    }

    #[test]
    fn officers_named_by_acronym_are_people() {
        assert_no_lints(
            "The CEO said he would resign. The PM said he agreed.",
            &InstitutionPronoun,
        );
        assert_flags(
            "The IMF said in a statement that she would lend more.",
            &InstitutionPronoun,
            &["she"],
        );
    }

    #[test]
    fn object_pronoun_after_said_is_not_attribution() {
        assert_no_lints(
            "The court said he had been released on bail.",
            &InstitutionPronoun,
        );
        assert_no_lints(
            "Police said on Monday that the driver fled. He was later arrested.",
            &InstitutionPronoun,
        );
    }
}
