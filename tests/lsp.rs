//! End-to-end test of `copylint lsp`: spawns the real binary and speaks JSON-RPC to
//! it over its stdin/stdout as an editor would. Every wait has a deadline, and the
//! server is killed when the test ends, so a hung server fails the test.

mod common;

use copylint::Applicability;
use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::{Value, json};
use std::io::{BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(20);

struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    rx: Receiver<Message>,
    next_id: i32,
    /// Notifications seen while waiting for something else.
    backlog: Vec<Notification>,
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_copylint"))
            .args(["lsp", "--stdio"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Ok(Some(m)) = Message::read(&mut r) {
                if tx.send(m).is_err() {
                    break;
                }
            }
        });
        Client {
            stdin: child.stdin.take(),
            child,
            rx,
            next_id: 1,
            backlog: Vec::new(),
        }
    }

    fn send(&mut self, m: impl Into<Message>) {
        let stdin = self.stdin.as_mut().unwrap();
        m.into().write(stdin).unwrap();
        stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(Notification::new(method.into(), params));
    }

    fn next(&mut self, deadline: Instant, waiting_for: &str) -> Message {
        match self
            .rx
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            Ok(m) => m,
            Err(RecvTimeoutError::Timeout) => panic!("timed out waiting for {waiting_for}"),
            Err(RecvTimeoutError::Disconnected) => {
                panic!("server closed its output while we waited for {waiting_for}")
            }
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(Request::new(id.into(), method.into(), params));
        let deadline = Instant::now() + WAIT;
        loop {
            match self.next(deadline, method) {
                Message::Response(r) if r.id == RequestId::from(id) => {
                    return r
                        .response_result
                        .unwrap_or_else(|e| panic!("{method} failed: {e:?}"));
                }
                Message::Notification(n) => self.backlog.push(n),
                other => panic!("unexpected {other:?}"),
            }
        }
    }

    /// The next publishDiagnostics for `uri` with `version`.
    fn published(&mut self, uri: &str, version: i32) -> Vec<Value> {
        let deadline = Instant::now() + WAIT;
        let matches = |n: &Notification| {
            n.method == "textDocument/publishDiagnostics"
                && n.params["uri"] == uri
                && n.params["version"] == version
        };
        if let Some(k) = self.backlog.iter().position(matches) {
            let n = self.backlog.remove(k);
            return n.params["diagnostics"].as_array().unwrap().clone();
        }
        loop {
            match self.next(deadline, "publishDiagnostics") {
                Message::Notification(n) if matches(&n) => {
                    return n.params["diagnostics"].as_array().unwrap().clone();
                }
                Message::Notification(n) => self.backlog.push(n),
                other => panic!("unexpected {other:?}"),
            }
        }
    }
}

fn file_uri(path: &std::path::Path) -> String {
    let mut s = String::from("file://");
    for b in path.to_str().unwrap().bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}

/// LSP position of a byte offset, computed independently of the server.
fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |k| k + 1);
    json!({
        "line": before.matches('\n').count(),
        "character": before[line_start..].encode_utf16().count(),
    })
}

/// Applies LSP text edits (non-overlapping) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let line = p["line"].as_u64().unwrap() as usize;
        let ch = p["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= ch {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    spans.sort();
    let mut out = String::new();
    let mut pos = 0;
    for (a, b, t) in spans {
        out.push_str(&text[pos..a]);
        out.push_str(t);
        pos = b;
    }
    out.push_str(&text[pos..]);
    out
}

#[test]
fn editor_session_over_stdio() {
    let seed = common::root().join("seeds/001_b076359117b8e084.txt");
    let text = std::fs::read_to_string(&seed).unwrap();
    let expected = copylint::lint(&text);
    assert!(expected.len() > 2, "the seed should have several findings");
    let uri = file_uri(&seed);

    let mut c = Client::start();
    let init = c.request(
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": {},
                "initializationOptions": { "debounceMs": 100 } }),
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    c.notify("initialized", json!({}));
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "plaintext", "version": 1, "text": text } }),
    );

    // The seed's findings, with positions in UTF-16 units (the seed has curly quotes).
    let diags = c.published(&uri, 1);
    assert_eq!(diags.len(), expected.len());
    for (d, e) in diags.iter().zip(&expected) {
        assert_eq!(d["code"], e.rule);
        assert_eq!(d["source"], "copylint");
        assert_eq!(d["data"]["category"], e.category.as_str());
        assert_eq!(d["range"]["start"], position(&text, e.span.start));
        assert_eq!(d["range"]["end"], position(&text, e.span.end));
    }

    // Quick fixes for the first finding that has a safe suggestion.
    let k = expected
        .iter()
        .position(|d| {
            d.suggestions
                .iter()
                .any(|s| s.applicability == Applicability::Safe)
        })
        .expect("a finding with a safe fix");
    let actions = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": diags[k]["range"],
                "context": { "diagnostics": [diags[k]] } }),
    );
    let actions = actions.as_array().unwrap();
    let quick: Vec<&Value> = actions.iter().filter(|a| a["kind"] == "quickfix").collect();
    assert!(!quick.is_empty());
    let preferred = quick.iter().find(|a| a["isPreferred"] == true).unwrap();
    assert_eq!(preferred["diagnostics"][0]["code"], expected[k].rule);
    let edits = preferred["edit"]["changes"][&uri].as_array().unwrap();
    let fixed_one = apply(&text, edits);
    let sugg = &expected[k].suggestions[0];
    assert_eq!(
        fixed_one,
        copylint::fix::apply_suggestions(&text, [sugg]).text
    );

    // "Fix all safe" gives what `fix_until_stable` gives.
    let fix_all = actions
        .iter()
        .find(|a| a["kind"] == "source.fixAll.copylint")
        .expect("fix-all action");
    let edits = fix_all["edit"]["changes"][&uri].as_array().unwrap();
    let all_fixed = apply(&text, edits);
    let linter = copylint::default_registry().linter();
    let stable = copylint::fix::fix_until_stable(
        &linter,
        &text,
        copylint::InputKind::Text,
        Applicability::Safe,
    );
    assert_eq!(all_fixed, stable.text);
    assert!(stable.fixed > 0);

    // An edit with astral and non-ASCII characters before a new finding on line 1.
    let changed = format!("😀 é it&#39;s\n{text}");
    c.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [{ "text": changed }] }),
    );
    let diags = c.published(&uri, 2);
    assert_eq!(diags.len(), copylint::lint(&changed).len());
    assert_eq!(diags[0]["code"], "entity-leak");
    assert_eq!(
        diags[0]["range"],
        json!({ "start": { "line": 0, "character": 7 }, "end": { "line": 0, "character": 12 } })
    );

    // Orderly exit.
    assert_eq!(c.request("shutdown", Value::Null), Value::Null);
    c.notify("exit", Value::Null);
    drop(c.stdin.take());
    let deadline = Instant::now() + WAIT;
    let status = loop {
        if let Some(s) = c.child.try_wait().unwrap() {
            break s;
        }
        assert!(Instant::now() < deadline, "server did not exit");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
}
