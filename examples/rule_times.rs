//! Prints how long each rule takes over a directory of copy (a profiling aid):
//! `cargo run --release --example rule_times -- DIR`.
use copylint::{Document, Emitter, default_registry};
use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: rule_times DIR");
    let mut texts = Vec::new();
    for e in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        if e.file_type().is_file()
            && let Ok(t) = std::fs::read_to_string(e.path())
        {
            texts.push(t);
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let t0 = Instant::now();
    let _ = default_registry();
    println!("registry load: {:?}", t0.elapsed());
    let mut rows = Vec::new();
    for rule in default_registry().rules() {
        let mut t = std::time::Duration::ZERO;
        let mut n = 0;
        for text in &texts {
            let doc = Document::new(text);
            // Views are built outside the timing of the first rule that needs them.
            doc.sentences();
            doc.tokens();
            let mut out = Vec::new();
            let s = Instant::now();
            rule.check(&doc, &mut Emitter::new(rule.meta(), &mut out));
            t += s.elapsed();
            n += out.len();
        }
        rows.push((t, rule.meta().id, n));
    }
    rows.sort();
    rows.reverse();
    let total: std::time::Duration = rows.iter().map(|r| r.0).sum();
    for (d, id, n) in rows {
        println!(
            "{:>10.1?} {:>8.1} MB/s  {id} ({n})",
            d,
            bytes as f64 / 1e6 / d.as_secs_f64()
        );
    }
    println!("total {total:?} for {} MB", bytes as f64 / 1e6);
    let t = Instant::now();
    for text in &texts {
        let doc = Document::new(text);
        doc.sentences();
        doc.tokens();
    }
    println!("views: {:?}", t.elapsed());
}
