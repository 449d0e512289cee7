//! Criterion benchmarks: one news-size document through every rule, each rule
//! family on its own, and the shared document views. `cargo bench --bench lint`.
//! The whole-CLI figures (MB/s, files/s, peak RSS) come from bench/run.sh.

use copylint::diagnostic::Category;
use copylint::{Document, default_registry};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

/// About 10 KB of copy: the seed articles (real artifacts) and clean fixtures.
fn article() -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut text = String::new();
    for dir in ["seeds", "tests/fixtures/clean"] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            if text.len() >= 10_000 {
                return text;
            }
            text.push_str(&std::fs::read_to_string(p).unwrap());
            text.push_str("\n\n");
        }
    }
    text
}

fn benches(c: &mut Criterion) {
    let text = article();
    let reg = default_registry();

    let mut g = c.benchmark_group("document");
    g.throughput(Throughput::Bytes(text.len() as u64));
    let all = reg.linter();
    g.bench_function("all-rules", |b| b.iter(|| black_box(all.lint(&text))));
    g.bench_function("views", |b| {
        b.iter(|| {
            let doc = Document::new(&text);
            black_box(doc.sentences().len() + doc.tokens().len())
        })
    });
    g.finish();

    let mut g = c.benchmark_group("family");
    g.throughput(Throughput::Bytes(text.len() as u64));
    for cat in Category::ALL {
        let linter = reg
            .select(&[cat.as_str().to_string()], &[])
            .expect("every category has rules");
        g.bench_with_input(BenchmarkId::from_parameter(cat.as_str()), &text, |b, t| {
            b.iter(|| black_box(linter.lint(t)))
        });
    }
    g.finish();
}

criterion_group!(lint, benches);
criterion_main!(lint);
