//! Embeds every `lints/*.toml` in the binary, so phrase rules ship without a rebuild
//! step of their own: dropping a file in `lints/` is enough.
use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=lints");
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("lints");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "toml"));
    files.sort();
    let mut out = String::from("pub static EMBEDDED_LINTS: &[(&str, &str)] = &[\n");
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        println!("cargo:rerun-if-changed={}", f.display());
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            f.display().to_string()
        ));
    }
    out.push_str("];\n");
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("embedded_lints.rs"),
        out,
    )
    .unwrap();
}
