use std::time::Instant;
fn main() {
    let mut paths: Vec<_> = std::fs::read_dir("lints").unwrap().filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let t: toml::Table = toml::from_str(&text).unwrap();
        let cs = t.get("case_sensitive").and_then(|v| v.as_bool()).unwrap_or(false);
        let wl = t.get("whole_line").and_then(|v| v.as_bool()).unwrap_or(false);
        let Some(pats) = t.get("patterns").and_then(|v| v.as_array()) else { continue };
        println!("== {}", p.display());
        for pat in pats {
            let pat = pat.as_str().unwrap();
            let src = if wl { format!("^(?:{pat})$") } else { pat.to_string() };
            let lits = copylint::declarative::prefilter::pattern_literals(&src, !cs);
            let t0 = Instant::now();
            let _re = regex::RegexBuilder::new(&src).case_insensitive(!cs).build().unwrap();
            let dt = t0.elapsed();
            let shown = lits.map(|l| l.iter().map(|s| String::from_utf8_lossy(s).into_owned()).collect::<Vec<_>>());
            println!("  {:>10?} {:.60}\n      {:?}", dt, pat, shown);
        }
    }
}
