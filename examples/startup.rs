//! Where start-up time goes (a profiling aid):
//! `cargo run --release --example startup -- FILE`.
use copylint::default_registry;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: startup FILE");
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    if std::env::var_os("LOAD").is_some() {
        let t = Instant::now();
        let n = copylint::rules::builtin().len();
        println!("built-in rules:  {:?} ({n})", t.elapsed());
        let mut paths: Vec<_> = std::fs::read_dir("lints")
            .expect("run from the repository")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        paths.sort();
        // What each file would cost compiled in full, as `--rules` loads it (the
        // embedded ones compile each pattern only when a document may match it).
        for p in paths {
            let text = std::fs::read_to_string(&p).expect("rule file");
            let t = Instant::now();
            let r = copylint::declarative::load(
                "x",
                &text,
                copylint::rule::RuleSource::File(p.clone()),
            );
            println!("  {:>10?} {} {}", t.elapsed(), p.display(), r.is_ok());
        }
    }
    let t = Instant::now();
    let reg = default_registry();
    println!("registry load:   {:?}", t.elapsed());
    if std::env::var_os("COLD").is_some() {
        // Each rule's first run, lazy statics included.
        let doc = copylint::Document::new(&text);
        let t = Instant::now();
        doc.sentences();
        doc.tokens();
        println!("views:           {:?}", t.elapsed());
        for rule in reg.rules() {
            let t = Instant::now();
            let mut out = Vec::new();
            rule.check(&doc, &mut copylint::Emitter::new(rule.meta(), &mut out));
            println!("  cold {:>10?} {}", t.elapsed(), rule.meta().id);
        }
    }
    let t = Instant::now();
    let linter = reg.linter();
    let n = linter.lint(&text).len();
    println!("first lint:      {:?} ({n} findings)", t.elapsed());
    for rule in reg.rules() {
        if let Some(d) = rule.as_declarative()
            && d.compiled_patterns() > 0
        {
            println!(
                "  compiled {} pattern(s) of {}",
                d.compiled_patterns(),
                rule.meta().id
            );
        }
    }
    let t = Instant::now();
    linter.lint(&text);
    println!("second lint:     {:?}", t.elapsed());
    if std::env::var_os("LOOP").is_some() {
        let t = Instant::now();
        for _ in 0..200 {
            linter.lint(&text);
        }
        println!("200 lints:       {:?}", t.elapsed());
    }
    for rule in reg.rules() {
        let doc = copylint::Document::new(&text);
        let t = Instant::now();
        let mut out = Vec::new();
        rule.check(&doc, &mut copylint::Emitter::new(rule.meta(), &mut out));
        let d = t.elapsed();
        if d.as_micros() > 200 {
            println!("  {:>10?} {}", d, rule.meta().id);
        }
    }
}
