use super::*;
use serde_json::json;
use std::sync::mpsc::Sender;

fn req(id: i32, method: &str, params: Value) -> io::Result<Message> {
    Ok(Request::new(id.into(), method.into(), params).into())
}

fn note(method: &str, params: Value) -> io::Result<Message> {
    Ok(Notification::new(method.into(), params).into())
}

/// Runs the server on a thread; returns the sender and a handle yielding
/// (exit code, messages written).
type Session = std::thread::JoinHandle<(i32, Vec<Message>)>;

fn start() -> (Sender<io::Result<Message>>, Session) {
    let (tx, rx) = mpsc::channel();
    let h = std::thread::spawn(move || {
        let mut out = Vec::new();
        let mut log = Vec::new();
        let code = serve(rx, &mut out, &mut log).unwrap();
        let mut msgs = Vec::new();
        let mut cur = io::Cursor::new(out);
        while let Some(m) = Message::read(&mut cur).unwrap() {
            msgs.push(m);
        }
        (code, msgs)
    });
    (tx, h)
}

const URI: &str = "file:///tmp/a%20b/story.txt";

fn init(tx: &Sender<io::Result<Message>>, debounce_ms: u64) {
    tx.send(req(
        1,
        "initialize",
        json!({ "capabilities": {}, "initializationOptions": { "debounceMs": debounce_ms } }),
    ))
    .unwrap();
    tx.send(note("initialized", json!({}))).unwrap();
}

fn open(tx: &Sender<io::Result<Message>>, text: &str) {
    tx.send(note(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": URI, "languageId": "plaintext", "version": 1, "text": text } }),
    ))
    .unwrap();
}

fn published(msgs: &[Message]) -> Vec<Value> {
    msgs.iter()
        .filter_map(|m| match m {
            Message::Notification(n) if n.method == "textDocument/publishDiagnostics" => {
                Some(n.params.clone())
            }
            _ => None,
        })
        .collect()
}

fn response(msgs: &[Message], id: i32) -> &Response {
    msgs.iter()
        .find_map(|m| match m {
            Message::Response(r) if r.id == id.into() => Some(r),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no response {id}"))
}

#[test]
fn session_with_utf16_positions_and_code_actions() {
    let (tx, h) = start();
    init(&tx, 1000);
    // "é😀 " is 3 UTF-16 units before the reference on line 2 (7 bytes).
    let text = "Title\né😀 it&#39;s &amp; more\n";
    open(&tx, text);
    tx.send(req(
        2,
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": URI },
            "range": { "start": { "line": 1, "character": 8 }, "end": { "line": 1, "character": 8 } },
            "context": { "diagnostics": [] },
        }),
    ))
    .unwrap();
    tx.send(req(3, "shutdown", Value::Null)).unwrap();
    tx.send(note("exit", Value::Null)).unwrap();
    let (code, msgs) = h.join().unwrap();
    assert_eq!(code, 0);

    let init = response(&msgs, 1).response_result.as_ref().unwrap();
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["serverInfo"]["name"], "copylint");

    let pubs = published(&msgs);
    assert_eq!(pubs.len(), 1);
    assert_eq!(pubs[0]["uri"], URI);
    assert_eq!(pubs[0]["version"], 1);
    let diags = pubs[0]["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), crate::lint(text).len());
    let d = &diags[0];
    assert_eq!(d["code"], "entity-leak");
    assert_eq!(d["source"], "copylint");
    assert_eq!(d["severity"], 1);
    assert_eq!(d["data"]["category"], "encoding");
    assert_eq!(
        d["range"],
        json!({ "start": { "line": 1, "character": 6 }, "end": { "line": 1, "character": 11 } })
    );

    let actions = response(&msgs, 2).response_result.as_ref().unwrap();
    let actions = actions.as_array().unwrap();
    let quick = &actions[0];
    assert_eq!(quick["kind"], "quickfix");
    assert_eq!(quick["isPreferred"], true);
    assert_eq!(quick["title"], "Replace with `'` (entity-leak)");
    assert_eq!(
        quick["edit"]["changes"][URI][0],
        json!({
            "range": { "start": { "line": 1, "character": 6 }, "end": { "line": 1, "character": 11 } },
            "newText": "'",
        })
    );
    assert!(
        actions
            .iter()
            .all(|a| a["title"] != "Replace with `&` (entity-leak)")
    );
    let all = actions
        .iter()
        .find(|a| a["kind"] == actions::FIX_ALL_KIND)
        .unwrap();
    let edit = &all["edit"]["changes"][URI][0];
    assert_eq!(edit["range"]["start"], json!({ "line": 1, "character": 6 }));
    assert_eq!(edit["newText"], "'s &");
    assert_eq!(
        response(&msgs, 3).response_result.as_ref().unwrap(),
        &Value::Null
    );
}

#[test]
fn changes_are_debounced_and_saves_lint_at_once() {
    let (tx, h) = start();
    init(&tx, 150);
    open(&tx, "clean text\n");
    for (v, text) in [(2, "a &amp;"), (3, "a &amp; b"), (4, "a &amp; b &lt;")] {
        tx.send(note(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": URI, "version": v }, "contentChanges": [{ "text": text }] }),
        ))
        .unwrap();
    }
    std::thread::sleep(Duration::from_millis(700));
    // An incremental change, then a save: published at once.
    tx.send(note(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": URI, "version": 5 }, "contentChanges": [{
            "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 1 } },
            "text": "An" }] }),
    ))
    .unwrap();
    tx.send(note(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": URI } }),
    ))
    .unwrap();
    tx.send(note(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": URI } }),
    ))
    .unwrap();
    drop(tx);
    let (code, msgs) = h.join().unwrap();
    assert_eq!(code, 1, "input closed without exit");
    let pubs = published(&msgs);
    let versions: Vec<&Value> = pubs.iter().map(|p| &p["version"]).collect();
    assert_eq!(versions, [&json!(1), &json!(4), &json!(5), &Value::Null]);
    assert_eq!(pubs[0]["diagnostics"].as_array().unwrap().len(), 0);
    assert_eq!(pubs[1]["diagnostics"].as_array().unwrap().len(), 2);
    let after_edit = &pubs[2]["diagnostics"][0]["range"]["start"];
    assert_eq!(after_edit, &json!({ "line": 0, "character": 3 }));
    assert_eq!(pubs[3]["diagnostics"].as_array().unwrap().len(), 0);
}

#[test]
fn protocol_errors() {
    let (tx, h) = start();
    tx.send(req(7, "textDocument/codeAction", json!({})))
        .unwrap();
    init(&tx, 10);
    tx.send(req(8, "textDocument/hover", json!({}))).unwrap();
    tx.send(req(9, "textDocument/codeAction", json!({ "bad": 1 })))
        .unwrap();
    tx.send(note("exit", Value::Null)).unwrap();
    let (code, msgs) = h.join().unwrap();
    assert_eq!(code, 1, "exit without shutdown");
    let err = |id| {
        response(&msgs, id)
            .response_result
            .as_ref()
            .unwrap_err()
            .code
    };
    assert_eq!(err(7), ErrorCode::ServerNotInitialized as i32);
    assert_eq!(err(8), ErrorCode::MethodNotFound as i32);
    assert_eq!(err(9), ErrorCode::InvalidParams as i32);
}

#[test]
fn file_uris_to_paths() {
    let p = |s: &str| uri_to_path(&s.parse().unwrap());
    assert_eq!(p(URI), Some(PathBuf::from("/tmp/a b/story.txt")));
    assert_eq!(
        p("file://localhost/x/%C3%A9.md"),
        Some(PathBuf::from("/x/é.md"))
    );
    assert_eq!(p("file:///C:/x.txt"), Some(PathBuf::from("C:/x.txt")));
    assert_eq!(p("untitled:Untitled-1"), None);
}
