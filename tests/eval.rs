//! The evaluation set: realistic scraped and machine-translated articles written for
//! this purpose (tests/fixtures/eval/articles/, annotated in tests/fixtures/eval/
//! expected.tsv), scored like the
//! seeds, plus every clean fixture (markup files linted as markup). It prints recall,
//! precision and false alarms, and fails when recall drops below the rows found so far
//! or false positives rise above the recorded ceiling.

mod common;

use common::{files_in, root};
use copylint::{Diagnostic, InputKind, Severity, Span};
use std::path::Path;

/// Rows of tests/fixtures/eval/expected.tsv found so far, as
/// "file-prefix:line:category:trigger". A row leaving this list is a regression; a row
/// joining it is progress: add it here.
const FOUND: &[&str] = &[
    "e01:3:boilerplate:Share this article",
    "e01:5:boilerplate:Mali: the junta refuses to extend the mandate of the UN mission",
    "e01:9:pronoun:He added",
    "e01:11:translation:estimates him that",
    "e01:13:typography:“We",
    "e01:17:translation:new york",
    "e01:17:encoding:&quot;",
    "e01:17:typography:”",
    "e01:19:typography:observers ,",
    "e01:19:translation:risks to leave",
    "e01:25:consistency:Goïta",
    "e01:27:boilerplate:Read also",
    "e01:28:boilerplate:Burkina Faso: at least 40 soldiers killed in an ambush in the north",
    "e01:29:boilerplate:Niger: the former president Mohamed Bazoum still detained, according to his relatives",
    "e02:8:translation:the Kazakhstan",
    "e02:9:typography:“People",
    "e02:11:consistency:Tokaev",
    "e02:12:pronoun:for his part, said that he would publish",
    "e02:14:boilerplate:Subscribe to our Telegram channel to be the first to know the news!",
    "e02:15:boilerplate:Tags: Kazakhstan, Tokayev, nuclear power plant, referendum",
    "e03:9:pronoun:She specified",
    "e03:9:translation:allow to save",
    "e03:13:translation:do not will not will not",
    "e03:21:translation:the",
    "e03:21:translation:madrid",
    "e03:23:boilerplate:Related news",
    "e03:25:boilerplate:Milei and the IMF: the details of the new agreement",
    "e03:27:boilerplate:Caputo anticipates that inflation will be of one digit in April",
    "e03:29:boilerplate:Copyright © 2024 Agencia EFE. All rights reserved.",
    "e04:1:encoding:MbappÃ©",
    "e04:5:encoding:â€”",
    "e04:5:encoding:MbappÃ©",
    "e04:5:encoding:BernabÃ©u",
    "e04:7:encoding:VinÃ\u{ad}cius",
    "e04:7:encoding:JÃºnior",
    "e04:9:encoding:â€œHe",
    "e04:9:encoding:games,â€",
    "e04:9:encoding:â€œToday",
    "e04:9:encoding:well.â€",
    "e04:11:typography:visitors ,",
    "e04:13:typography:time,his",
    "e04:15:encoding:ModriÄ‡",
    "e04:19:boilerplate:Advertisement",
    "e04:21:encoding:GarcÃ\u{ad}a",
    "e04:27:encoding:MilitÃ£o",
    "e04:27:encoding:RÃ¼diger",
    "e04:27:encoding:MbappÃ©",
    "e04:27:encoding:VinÃ\u{ad}cius",
    "e04:29:encoding:MbappÃ©",
    "e04:31:boilerplate:Click here to subscribe to our newsletter",
    "e04:33:boilerplate:Sign up for our daily sports newsletter and never miss a goal.",
    "e05:2:translation:kyiv",
    "e05:4:translation:the ukraine",
    "e05:6:translation:They attacked the city of Kharkiv With",
    "e05:8:consistency:Zelenskyy",
    "e05:11:translation:October 3.",
    "e05:15:spam:Journalist. Internet lover. Award-winning music nerd. Passionate travel geek. Bacon evangelist.",
    "e05:16:boilerplate:Related posts",
    "e05:17:boilerplate:Orban: Hungary will block new EU aid to Ukraine",
    "e05:18:boilerplate:Gas prices in Europe rose by 8% after the attack on the pipeline",
    "e06:9:pronoun:he arrives",
    "e06:19:pronoun:he says",
    "e06:27:boilerplate:Don't miss",
    "e06:28:boilerplate:Pakistan: the monsoon rains kill 20 people in Punjab",
    "e06:29:boilerplate:The price of wheat flour reaches a record in Karachi",
    "e07:3:boilerplate:Facebook Twitter LinkedIn Email Print",
    "e07:7:encoding:<br>",
    "e07:11:encoding:\\n\\n",
    "e07:15:typography:\"Reyes",
    "e07:19:boilerplate:Continue reading below",
    "e07:21:typography:..",
    "e07:25:boilerplate:Council member Rita Okafor, who voted against the deal",
    "e07:29:encoding:\u{200b}",
    "e07:31:boilerplate:Copyright 2024 Harbor City Herald. All rights reserved.",
    "e07:31:boilerplate:This material may not be published, broadcast, rewritten or redistributed.",
    "e07:33:boilerplate:About the Author",
    "e07:36:boilerplate:Leave a Reply Cancel reply",
    "e07:37:boilerplate:Your email address will not be published. Required fields are marked *",
    "e08:8:boilerplate:Japan's central bank holds rates, signals patience on further hikes",
    "e08:9:boilerplate:https://bit.ly/3xBoJrate",
    "e08:10:boilerplate:- The central bank left its short-term policy rate at 0.25% by a unanimous vote",
    "e08:11:boilerplate:Oil steadies after storm shuts Gulf of Mexico output",
    "e08:12:boilerplate:- Hurricane forced producers to halt about 40% of regional crude output",
    "e08:13:boilerplate:SINGAPORE:",
    "e08:14:boilerplate:Brent crude futures",
    "e08:15:boilerplate:Analysts said the supply disruption was likely to be short-lived.",
    "e08:16:typography:",
    "e09:1:translation:will will",
    "e09:5:consistency:Erdoğan",
    "e09:7:typography:said.Turkey",
    "e09:9:translation:the the",
    "e09:15:typography:Turkey ,",
    "e09:15:pronoun:he would keep",
    "e09:19:translation:in",
    "e10:3:boilerplate:Listen to this article",
    "e10:4:boilerplate:00:00 / 03:12",
    "e10:14:pronoun:she would maintain it",
    "e10:14:pronoun:Her director",
    "e10:18:boilerplate:ALSO READ: Cholera: WHO warns of vaccine shortage as cases rise",
    "e10:20:typography:“We still",
    "e10:28:boilerplate:Loading...",
    "e10:30:boilerplate:Please enable JavaScript to view the comments powered by Disqus.",
];

/// Warning/error findings on the eval set that overlap no annotated row.
const MAX_FALSE_POSITIVES: usize = 0;

struct Row {
    file: String,
    line: usize,
    category: String,
    trigger: String,
}

fn rows() -> Vec<Row> {
    let text = std::fs::read_to_string(root().join("tests/fixtures/eval/expected.tsv")).unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Row {
                file: f[0].into(),
                line: f[1].parse().unwrap(),
                category: f[2].into(),
                trigger: f[3].into(),
            }
        })
        .collect()
}

fn lint_path(path: &Path) -> (String, Vec<Diagnostic>) {
    let text = std::fs::read_to_string(path).unwrap();
    let kind = InputKind::from_path(path);
    let diags = copylint::default_registry()
        .linter()
        .lint_source(&text, kind);
    (text, diags)
}

/// Byte span of the row's trigger on its line, or the whole line when it is empty.
fn trigger_span(text: &str, row: &Row) -> Span {
    let doc = copylint::Document::new(text);
    let line = doc.lines()[row.line - 1];
    let s = doc.slice(line.span);
    if row.trigger.is_empty() {
        return Span::new(line.span.start, line.next.max(line.span.start + 1));
    }
    let i = s
        .find(row.trigger.as_str())
        .unwrap_or_else(|| panic!("trigger {:?} not on line {}", row.trigger, row.line));
    Span::new(line.span.start + i, line.span.start + i + row.trigger.len())
}

fn hits(d: &Diagnostic, t: Span) -> bool {
    d.span.overlaps(t) || (d.span.is_empty() && t.contains(d.span.start))
}

fn key(row: &Row) -> String {
    format!("{}:{}:{}", &row.file[..3], row.line, row.category)
}

#[test]
fn eval_set_recall_and_precision() {
    let dir = root().join("tests/fixtures/eval/articles");
    let rows = rows();
    let files = files_in(&dir, &["txt", "md", "html"]);
    let mut found = Vec::new();
    let mut missing = Vec::new();
    let mut false_pos = Vec::new();
    let mut findings = 0usize;
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let (text, diags) = lint_path(f);
        let idx = copylint::render::LineIndex::new(&text);
        let mine: Vec<(&Row, Span)> = rows
            .iter()
            .filter(|r| r.file == name)
            .map(|r| (r, trigger_span(&text, r)))
            .collect();
        let loud: Vec<&Diagnostic> = diags
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
            .collect();
        findings += loud.len();
        for (row, t) in &mine {
            let ok = loud
                .iter()
                .any(|d| d.category.as_str() == row.category && hits(d, *t));
            let k = format!("{}:{}", key(row), row.trigger);
            if ok { found.push(k) } else { missing.push(k) }
        }
        for d in &loud {
            if !mine.iter().any(|(_, t)| hits(d, *t)) {
                let (line, col) = idx.line_col(d.span.start);
                false_pos.push(format!(
                    "{name}:{line}:{col}: [{}] {} `{}`",
                    d.rule,
                    d.message,
                    d.span.text(&text)
                ));
            }
        }
    }
    let recall = found.len() as f64 / rows.len() as f64;
    let precision = (findings - false_pos.len()) as f64 / findings.max(1) as f64;
    println!(
        "eval: found {}/{} rows (recall {:.1}%), {} of {} findings overlap no row (precision {:.1}%)",
        found.len(),
        rows.len(),
        100.0 * recall,
        false_pos.len(),
        findings,
        100.0 * precision
    );
    for m in &missing {
        println!("  not found: {m}");
    }
    for fp in &false_pos {
        println!("  false positive: {fp}");
    }
    common::assert_found_list(&found, FOUND);
    assert!(
        false_pos.len().saturating_sub(MAX_FALSE_POSITIVES) == 0,
        "{} false positives (ceiling {MAX_FALSE_POSITIVES})",
        false_pos.len()
    );
}

/// Clean copy in every house style gives no warning, markup files linted as markup
/// (tests/fixtures/eval/clean-markup/ holds HTML that is clean only as HTML: the
/// plain-text harness in tests/clean.rs would see its tags).
#[test]
fn clean_fixtures_as_markup_give_no_warnings() {
    let mut alarms = Vec::new();
    let mut n = 0;
    for dir in ["tests/fixtures/clean", "tests/fixtures/eval/clean-markup"] {
        for f in files_in(&root().join(dir), &["txt", "md", "html"]) {
            n += 1;
            let (text, diags) = lint_path(&f);
            let idx = copylint::render::LineIndex::new(&text);
            for d in diags.iter().filter(|d| d.severity >= Severity::Warning) {
                let (line, col) = idx.line_col(d.span.start);
                alarms.push(format!(
                    "{}:{line}:{col}: [{}] {} `{}`",
                    f.file_name().unwrap().to_string_lossy(),
                    d.rule,
                    d.message,
                    d.span.text(&text)
                ));
            }
        }
    }
    println!("clean: {n} files, {} false alarm(s)", alarms.len());
    assert!(alarms.is_empty(), "false alarms:\n{}", alarms.join("\n"));
}
