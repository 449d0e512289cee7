use super::lexicon::{
    ascii_spaces, bullet_body, content_stems, delete_lines, ends_like_sentence, is_credit_line,
    is_headline_shaped, is_related_heading, raw_words, snippet, starts_with_dateline,
};
use crate::declare_rule;
use crate::diagnostic::{Applicability, Suggestion};
use crate::document::{Document, is_blank, trim_span};
use crate::rule::{Emitter, Rule, RuleMeta};
use crate::span::Span;
use regex_lite::Regex;
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it does
    /// Flags other stories carried in the copy after (or inside) the article: a
    /// related-stories heading ("More Stories", "Read also", "You may also like")
    /// followed by headline-shaped lines, or a second dateline ("DAVOS, Switzerland:")
    /// that opens text whose vocabulary has little in common with the article before
    /// it. The headline and summary bullets just above such a dateline are part of the
    /// foreign story. One finding spans the whole foreign part.
    ///
    /// ## Why is this bad?
    /// The scraper kept the page's related-stories box or the next article on an
    /// infinite-scroll page. Published as is, the story ends with another story.
    ///
    /// A dateline alone is not enough: a roundup or a story reported from two cities
    /// shares its subject with what comes before, so the change of subject is measured
    /// from the words themselves.
    ///
    /// ## Example
    /// ```text flag
    /// Times of Israel staff contributed to this report.
    /// More Stories
    /// Two children killed, 11 injured in stabbing attack at dance party in UK
    /// Putin warns US against deploying long-range missiles in Germany | NATO
    /// ```
    /// Use instead:
    /// ```text pass
    /// Times of Israel staff contributed to this report.
    /// ```
    /// ```text before
    /// The council approved the budget on Tuesday.
    /// Related
    /// Mayor unveils plan for new tram line across the river
    /// ```
    /// ```text after
    /// The council approved the budget on Tuesday.
    /// ```
    ///
    /// ## Fix safety
    /// Removing the tail is unsafe: the boundary is inferred, and an editor should
    /// check that no line of the story went with it.
    pub struct AppendedArticle {
        id: "appended-article",
        category: Boilerplate,
        fix: Always,
        summary: "Another story or a related-stories list carried in the copy",
    }
}

/// Below this share of the tail's vocabulary found in the body, the subject changed.
const MAX_OVERLAP: f64 = 0.25;
/// Fewest distinct content words in a tail for the overlap to mean anything.
const MIN_TAIL_STEMS: usize = 15;
/// Fewest content words of body before a second dateline.
const MIN_BODY_STEMS: usize = 20;
/// Fewest words of a single prose paragraph that make a body on its own.
const MIN_BODY_WORDS: usize = 45;
/// How far above a dateline to look for its headline and summary bullets.
const MAX_HEADER_LINES: usize = 6;

struct L<'a> {
    span: Span,
    text: &'a str,
}

fn content_lines<'a>(doc: &Document<'a>) -> Vec<L<'a>> {
    doc.lines()
        .iter()
        .filter(|l| !is_blank(doc.slice(l.span)))
        .map(|l| {
            let span = trim_span(doc.text(), l.span);
            L {
                span,
                text: doc.slice(span),
            }
        })
        .collect()
}

/// A list item of a related-stories box: a headline, bare or bulleted.
fn is_list_headline(t: &str) -> bool {
    is_headline_shaped(bullet_body(t).unwrap_or(t)) && !is_credit_line(t)
}

/// A related-stories heading followed by the headlines it lists.
fn related_block(lines: &[L]) -> Option<(usize, usize)> {
    for (i, l) in lines.iter().enumerate() {
        if !is_related_heading(l.text) {
            continue;
        }
        let run = lines[i + 1..]
            .iter()
            .take_while(|m| is_list_headline(m.text))
            .count();
        if run >= 1 {
            return Some((i, i + run));
        }
    }
    None
}

fn union(sets: &[Vec<u64>]) -> HashSet<u64> {
    sets.iter().flatten().copied().collect()
}

fn overlap(part: &HashSet<u64>, whole: &HashSet<u64>) -> f64 {
    if part.is_empty() {
        return 1.0;
    }
    part.iter().filter(|s| whole.contains(*s)).count() as f64 / part.len() as f64
}

/// A later dateline that opens a story on another subject: returns the first line of
/// the foreign story (its headline, if any) and the last content line.
fn second_story(lines: &[L]) -> Option<(usize, usize)> {
    let first_prose = lines.iter().position(|l| ends_like_sentence(l.text))?;
    // A transcript: "LUDDEN: …", "FRANK MORRIS: …", "MORRIS: Nathan Pike is …".
    // A dialogue has two speakers at least; one label repeated ("FOCUS: …") is a
    // section tag, not a transcript.
    let labels: Vec<&str> = lines.iter().filter_map(|l| speaker_label(l.text)).collect();
    let speakers = labels.iter().collect::<HashSet<_>>().len();
    let speaker = |t: &str| {
        speakers >= 2
            && speaker_label(t).is_some_and(|lab| {
                labels.len() >= 3 || labels.iter().filter(|l| l.ends_with(lab)).count() >= 2
            })
    };
    let later: Vec<usize> = (first_prose + 1..lines.len())
        .filter(|&k| {
            let t = lines[k].text;
            starts_with_dateline(t) && opens_sentence(t) && !speaker(t)
        })
        .collect();
    if later.is_empty() {
        return None;
    }
    // A roundup carries several stories on purpose: it says so at the top, or it has
    // a dateline for each of three or more stories.
    let datelines = later.len()
        + lines[..=first_prose]
            .iter()
            .filter(|l| starts_with_dateline(l.text))
            .count();
    // A live blog stamps each entry with its time on a line of its own ("1.53am",
    // "10.28pm BST", "16:12"): its entries change subject on purpose.
    let stamps = lines.iter().filter(|l| is_time_stamp(l.text)).count();
    if datelines >= 3 || stamps >= 2 || lines.first().is_some_and(|l| is_roundup_title(l.text)) {
        return None;
    }
    // Stems per line, computed once: the walk below compares many prefixes.
    let stems: Vec<Vec<u64>> = lines.iter().map(|l| content_stems(l.text)).collect();
    for k in later {
        // Walk up over the foreign story's headline and summary bullets: lines that
        // are not prose and whose words are new to everything above them.
        let mut start = k;
        while start > first_prose + 1 && k - start < MAX_HEADER_LINES {
            let m = &lines[start - 1];
            let header = bullet_body(m.text).is_some() || is_headline_shaped(m.text);
            if !header {
                break;
            }
            let own = union(&stems[start - 1..start]);
            if overlap(&own, &union(&stems[..start - 1])) >= 0.5 {
                break;
            }
            start -= 1;
        }
        // A story opens with its own dateline under a headline, a summary line and a
        // photo caption: the dateline is "second" only after a body of prose (two
        // sentence lines, or one paragraph longer than any summary line).
        let prose: Vec<usize> = lines[..start]
            .iter()
            .filter(|l| ends_like_sentence(l.text))
            .map(|l| raw_words(l.text).count())
            .filter(|&n| n >= 8)
            .collect();
        if prose.len() < 2 && prose.iter().sum::<usize>() < MIN_BODY_WORDS {
            continue;
        }
        let body = union(&stems[..start]);
        let tail = union(&stems[start..]);
        if body.len() < MIN_BODY_STEMS || tail.len() < MIN_TAIL_STEMS {
            continue;
        }
        if overlap(&tail, &body) < MAX_OVERLAP {
            return Some((start, lines.len() - 1));
        }
    }
    None
}

/// The capitalised label before a colon that opens a line: "MORRIS" in
/// "MORRIS: Nathan Pike is …", "NEAL CONAN, HOST" is not one (it has a comma).
/// Government transcripts set the label off with a spaced dash ("THE MINISTER - No,
/// it's not finished"), and mark the interviewer "Q." ("Q. - Does the group …").
fn speaker_label(t: &str) -> Option<&str> {
    // Network transcripts stamp the time before the label and give the speaker's
    // role after the name: "[19:00:24] ANA CABRERA, CNN HOST:", "KRISTEN HOLMES,
    // CNN NATIONAL CORRESPONDENT:". The name is what must be short.
    let t = match t.strip_prefix('[').and_then(|r| r.split_once("] ")) {
        Some((stamp, rest)) if stamp.chars().all(|c| c.is_ascii_digit() || c == ':') => rest,
        _ => t,
    };
    let cut = [":", " - ", " – ", " — "]
        .iter()
        .filter_map(|sep| t.find(sep))
        .min()?;
    let label = t[..cut].trim_end();
    if matches!(label, "Q" | "Q." | "A" | "A.") {
        return Some(label);
    }
    let (name, role) = label.split_once(", ").unwrap_or((label, ""));
    (name.len() <= 30
        && label.len() <= 80
        && name.chars().filter(char::is_ascii_uppercase).count() >= 3
        && label
            .chars()
            .all(|c| c.is_ascii_uppercase() || matches!(c, ' ' | '.' | '\'' | '-' | ','))
        && role.split_whitespace().count() <= 8)
        .then_some(label)
}

/// A dateline opens a sentence of the story. A capitalised label followed by a bare
/// reference number ("DOI: 10.1038/nature11128", "ISBN: 978-0-14-044") is a citation
/// line, not a dateline: one or two words follow the label, the first a number.
fn opens_sentence(t: &str) -> bool {
    let Some((i, c)) = t
        .char_indices()
        .find(|(_, c)| matches!(c, ':' | '—' | '–' | '-'))
    else {
        return false;
    };
    let rest = t.get(i + c.len_utf8()..).unwrap_or("");
    let mut words = raw_words(rest);
    let first_is_number = words
        .next()
        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    !(first_is_number && words.take(2).count() < 2)
}

/// A line holding only a time of day, as live blogs stamp their entries: "1.53am",
/// "10.28pm BST", "16:12", "11:24 a.m. ET".
/// (`regex_lite`, ASCII digits: cheap to compile, see `lexicon::ascii_spaces`.)
static TIME_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[01]?[0-9]|2[0-3])[.:][0-5][0-9](?:\s*(?:[ap]\.?m\.?))?(?:\s+[A-Z]{2,4})?$")
        .unwrap()
});

fn is_time_stamp(t: &str) -> bool {
    // Every stamp starts with a digit; most lines are ruled out before the regex.
    let t = t.trim();
    t.len() <= 20
        && t.starts_with(|c: char| c.is_ascii_digit())
        && TIME_STAMP.is_match(&ascii_spaces(t))
}

fn is_roundup_title(t: &str) -> bool {
    let t = t.to_lowercase();
    [
        "in brief",
        "roundup",
        "round-up",
        "briefs",
        "briefing",
        "digest",
        "at a glance",
        "news summary",
        "what you need to know",
        "live updates",
    ]
    .iter()
    .any(|k| t.contains(k))
}

impl Rule for AppendedArticle {
    fn meta(&self) -> &RuleMeta {
        &Self::META
    }

    fn check(&self, doc: &Document, out: &mut Emitter) {
        let lines = content_lines(doc);
        if lines.len() < 2 {
            return;
        }
        let (found, what) = match (related_block(&lines), second_story(&lines)) {
            (Some(r), Some(s)) if s.0 < r.0 => (s, "another story"),
            (Some(r), _) => (r, "related-stories list"),
            (None, Some(s)) => (s, "another story"),
            (None, None) => return,
        };
        let (a, b) = found;
        let span = Span::new(lines[a].span.start, lines[b].span.end);
        let count = raw_words(doc.slice(span)).count();
        let first = snippet(lines[a].text, 50);
        let msg = format!(
            "{what} appended to the copy from `{first}` ({} lines, {count} words)",
            b - a + 1
        );
        let (target, replacement) = delete_lines(doc, span);
        out.emit(span, msg)
            .label(lines[a].span, "the foreign part starts here")
            .note("the lines from here on do not belong to this story")
            .suggest(
                Suggestion::new("remove the appended part", Applicability::Unsafe)
                    .edit(target, replacement),
            );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    const BODY: &str = "MOSCOW: Moscow said Tuesday it will not request the extradition of Russians traveling abroad to avoid being called up to fight in Ukraine.\nNeighbouring countries have seen Russians arriving en masse since the draft was announced last Wednesday, with hours-long queues at border crossings.\nKazakh President Kassym-Jomart Tokayev vowed to protect the safety and welfare of Russians fleeing a hopeless situation.\nRussians have also headed to Georgia, which saw the number of arrivals nearly double since the mobilization announcement.\n";

    #[test]
    fn second_dateline_with_new_subject() {
        let text = format!(
            "{BODY}NATO’s Rutte says Arctic talks with Trump will focus on keeping Russia, China out\n- Donald Trump has repeatedly said he wanted to acquire Greenland, citing national security\nDAVOS, Switzerland: NATO Secretary Mark Rutte said on Thursday that he and US President Trump had discussed how the transatlantic alliance should best defend the Arctic.\nRutte said he had a very good discussion with Trump on how allies can work collectively to ensure Arctic security, including Greenland and Denmark.\n"
        );
        let lints = lint_with(&text, &AppendedArticle);
        assert_eq!(lints.len(), 1);
        assert!(
            lints[0]
                .span
                .text(&text)
                .starts_with("NATO’s Rutte says Arctic talks")
        );
        assert_fix_result(&text, &AppendedArticle, BODY);
    }

    #[test]
    fn second_dateline_on_the_same_subject_is_fine() {
        let text = format!(
            "{BODY}ASTANA, Kazakhstan: Kazakhstan said on Tuesday that Russians fleeing the mobilization had crossed the border in large numbers since the draft was announced.\nThe Kazakh president said the safety of Russians fleeing the draft would be protected, and border crossings would stay open despite hours-long queues.\n"
        );
        assert_no_lints(&text, &AppendedArticle);
    }

    #[test]
    fn transcript_speaker_labels_are_not_datelines() {
        let t = "This is TALK OF THE NATION. The worst drought in decades is causing pain across more than half the nation, and the corn and soybean belt has been hit especially hard by heat.\n\
                 FRANK MORRIS: Thank you, Jennifer, good to be here.\n\
                 LUDDEN: Frank, well, I want to start with some tape that you've provided us.\n\
                 MORRIS: Nathan Pike is a rancher who was born in the Dust Bowl and has lived on this ranch with his closest neighbour two miles away, and he has had to cull his cattle herd significantly because he lacks feed for them.\n";
        assert_no_lints(t, &AppendedArticle);
    }

    #[test]
    fn network_transcript_labels_with_roles_are_speakers() {
        let t = "Aired August 18, 2019 - 19:00 ET\n\n[19:00:24] ANA CABRERA, CNN HOST: Thanks for being with us on this Sunday. The President is back from a ten-day vacation and his welcome home sign is a warning that a recession may be looming in the months ahead.\n\nDONALD TRUMP, PRESIDENT OF THE UNITED STATES: I don't think we're having a recession. We're doing tremendously well, and our consumers are rich.\n\nCABRERA: CNN's correspondent is live in New Jersey where the vacation just wrapped up. Is it a different story in private, away from the cameras and the crowds?\n\nKRISTEN HOLMES, CNN NATIONAL CORRESPONDENT: Well, that's right, Ana, we do know that he is worried about the markets and spent the week watching them closely.\n";
        assert_no_lints(t, &AppendedArticle);
        assert_eq!(
            speaker_label("[19:00:24] ANA CABRERA, CNN HOST: Thanks"),
            Some("ANA CABRERA, CNN HOST")
        );
        // A long run of capitals is no name.
        assert_eq!(
            speaker_label("THE NATIONAL ASSEMBLY OF THE REPUBLIC OF KAZAKHSTAN: text"),
            None
        );
    }

    #[test]
    fn interview_labels_set_off_with_dashes_are_speakers() {
        let text = "Interview given by the Minister for Europe and Foreign Affairs to a television channel (excerpts)\n\nQ. - Does the group still possess a territorial base in the east of the country, or has it been eradicated for good?\n\nTHE MINISTER - No, it is not finished. There is still a territorial base, a small area, but there are still combatants there and the coalition is fighting them.\n\nQ. - That war is not over.\n\nTHE MINISTER - Even though the coalition and the allied forces are fighting this small presence, it is still there. So we must be very vigilant and carry things through, because attacks could return to the capital.\n";
        assert_no_lints(text, &AppendedArticle);
        assert_eq!(
            speaker_label("THE MINISTER - No, it is not"),
            Some("THE MINISTER")
        );
        assert_eq!(speaker_label("Q. - That war is not over."), Some("Q."));
        // A dateline is no speaker label when nobody else speaks.
        let text = format!(
            "{BODY}KYIV - Ukrainian officials said on Thursday that the grain corridor through the Black Sea would reopen next month under a new agreement with shipping insurers.\nPort operators in Odesa said freight rates had fallen by a third since the announcement was made.\n"
        );
        assert_lint_count(&text, &AppendedArticle, 1);
    }

    #[test]
    fn dateline_under_headline_dek_and_caption_opens_the_story() {
        let text = "Singapore\nPort operator to review fees for small shippers\nThe last review was put off in 2021 because freight volumes were too uncertain at the time.\nContainer cranes at a terminal in the west of the island. (File photo: Agency/Staff)\nSINGAPORE: The port operator will review the fees it charges small shipping lines, its chief executive said on Monday, after complaints from traders about rising costs.\nThe fee schedule has not changed since it was introduced ten years ago, and a committee of regulators and users is expected to report by the end of the year.\nTraders had told parliament that handling charges now made up almost a fifth of the cost of moving a container through the terminals.\n";
        assert_no_lints(text, &AppendedArticle);
    }

    #[test]
    fn roundups_are_not_appended_articles() {
        let story = "Heavy rain caused rivers to burst their banks across the region on Tuesday, forcing more than 4,000 people from their homes and closing roads.\nFirefighters used boats to reach elderly residents in villages near the river, and schools in three provinces were closed.\n";
        let other = "Chile and South Korea signed an agreement on Tuesday that gives battery makers long-term access to Chilean lithium in exchange for investment in processing plants.\nPresident Gabriel Boric said the deal would create jobs and keep more of the value of the metal in the country.\n";
        let text = format!(
            "World news in brief\nFlooding in Italy\nMILAN, Italy (AP) — {story}Chile signs lithium deal\nSANTIAGO, Chile (AP) — {other}"
        );
        assert_no_lints(&text, &AppendedArticle);
        let text = format!(
            "MILAN, Italy (AP) — {story}Chile signs lithium deal\nSANTIAGO, Chile (AP) — {other}"
        );
        assert_lint_count(&text, &AppendedArticle, 1);
    }

    #[test]
    fn inline_read_also_link_is_not_a_second_story() {
        let body = "GENEVA, May 14 — The World Health Organization declared on Thursday that the mpox outbreak in Africa is no longer an emergency of international concern, nine months after raising the alarm.\n\nThe committee noted a sustained decline in cases in Congo, Burundi and Uganda, the most affected countries, and said vaccination would continue.\n\n";
        let text = format!(
            "{body}ALSO READ: Cholera: WHO warns of vaccine shortage as cases rise\n\nIn Kinshasa, doctors said patients still arrived every week with fever, muscle pain and skin lesions typical of the clade Ib variant first detected near Kamituga.\n"
        );
        assert_no_lints(&text, &AppendedArticle);
    }

    #[test]
    fn live_blog_entries_under_time_stamps_are_not_appended() {
        let text = "Election results live: exit poll predicts big win\nThe party is on course for a majority in the Commons, according to the exit poll, and the swing could be seen in the first seats to declare.\n2.05am\nA campaign organiser said it was too early to judge but that the national question had dominated the doorstep conversations this time.\n1.53am\nRESULT: Labour has won Putney from the Tories. The seat had been held by a former education secretary who had the whip removed and chose not to stand again.\n1.50am\nA former speaker has reignited his feud with a former leader of the House, accusing her of lacking a strong grasp of parliamentary procedure and rejecting claims of bullying.\n";
        assert_no_lints(text, &AppendedArticle);
        // One time stamp is not a live blog.
        let one = format!(
            "{BODY}1.53am\nRESULT: Labour has won Putney from the Tories after a night of recounts in south-west London.\nThe former minister who held the seat had the whip removed and chose not to stand again in the election.\n"
        );
        assert_lint_count(&one, &AppendedArticle, 1);
    }

    #[test]
    fn citation_label_is_not_a_dateline() {
        let text = format!(
            "{BODY}Genomics: Bonobo genome sequenced\nDOI: 10.1038/nature11128\nThe genome sequence of the bonobo, one of our closest relatives along with chimpanzees, is presented in this week's issue of the journal.\nAnalysis reveals that over three percent of the human genome is more closely related to either ape.\n"
        );
        assert_no_lints(&text, &AppendedArticle);
        assert!(!opens_sentence("DOI: 10.1038/nature11128"));
        assert!(opens_sentence(
            "DAVOS, Switzerland: NATO Secretary Mark Rutte said"
        ));
        assert!(opens_sentence(
            "LONDON: 10 people died in the fire on Tuesday"
        ));
    }

    #[test]
    fn related_heading_with_headlines() {
        assert_flags(
            "The council met.\nMore Stories\nTwo children killed in stabbing attack at dance party\nFiber optic networks are being sabotaged – DW – 07/29/2024\n",
            &AppendedArticle,
            &[
                "More Stories\nTwo children killed in stabbing attack at dance party\nFiber optic networks are being sabotaged – DW – 07/29/2024",
            ],
        );
    }

    #[test]
    fn related_heading_without_headlines_or_as_a_word() {
        assert_no_lints("The council met.\nRead more\n", &AppendedArticle);
        assert_no_lints(
            "The council met.\nRelated\nThe mayor said the plan would be voted on in May.\n",
            &AppendedArticle,
        );
        assert_no_lints(
            "More stories emerged from the border on Friday.\nGuards said queues had grown.\n",
            &AppendedArticle,
        );
    }
}
