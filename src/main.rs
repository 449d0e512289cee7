use std::io::{IsTerminal, Write};

fn main() {
    let env = copylint::cli::Env {
        stdout_is_terminal: std::io::stdout().is_terminal(),
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
    };
    copylint::cli::allow_progress(std::io::stderr().is_terminal());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut err = std::io::stderr();
    let code = copylint::cli::run(
        std::env::args_os(),
        &mut std::io::stdin(),
        &mut out,
        &mut err,
        &env,
    );
    // A closed pipe (`copylint check | head`) is not an error worth a panic.
    let _ = out.flush();
    std::process::exit(code);
}
