//! `copylint lsp`: a language server over stdio, so that editors show findings as
//! the copy is written and offer the suggestions as quick fixes.
//!
//! One thread reads messages from standard input; the calling thread handles them in
//! order, lints, and writes every message to the writer it was given. Linting a news
//! article takes milliseconds, so no request waits on another for long; edits are
//! debounced so that typing does not lint on every keystroke.

mod actions;
pub mod position;

use crate::diagnostic::{Diagnostic, Severity};
use crate::linter::{Linter, default_registry};
use crate::markup::InputKind;
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeConfiguration, DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument,
    DidOpenTextDocument, DidSaveTextDocument, Exit, Initialized, Notification as _,
    PublishDiagnostics,
};
use lsp_types::request::{CodeActionRequest, Initialize, Request as _, Shutdown};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    DiagnosticRelatedInformation, DiagnosticSeverity, DidChangeTextDocumentParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams,
    InitializeResult, Location, NumberOrString, PositionEncodingKind, PublishDiagnosticsParams,
    SaveOptions, ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};
use position::PositionIndex;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// The one place that decides which rules lint a document and how to read it:
/// `copylint.toml` from the file's directory upward, as on the command line.
pub fn linter_for(path: Option<&Path>) -> Result<(Linter, InputKind), String> {
    let overrides = crate::config::Overrides::default();
    let dir = path
        .and_then(Path::parent)
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let settings = match crate::config::discover(&dir) {
        Some(p) => crate::config::Settings::load(&p, &overrides),
        None => crate::config::Settings::defaults(&overrides),
    }
    .map_err(|es| {
        es.iter()
            .map(|e| format!("{}: {}", e.path, e.message))
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    Ok(match path {
        Some(p) => (settings.linter_for(p).into_owned(), settings.input_kind(p)),
        None => (settings.linter, InputKind::Text),
    })
}

/// How long after the last edit a changed document is linted.
pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(250);

/// Serves LSP on standard input and `out` until `exit`; returns the process exit
/// code (0 after `shutdown` then `exit`, 1 otherwise, as LSP prescribes).
pub fn run_stdio(out: &mut dyn Write, log: &mut dyn Write) -> io::Result<i32> {
    let rx = spawn_reader(io::BufReader::new(io::stdin()));
    serve(rx, out, log)
}

/// Reads messages on a thread of its own; the channel closes at end of input.
pub fn spawn_reader<R: BufRead + Send + 'static>(mut input: R) -> Receiver<io::Result<Message>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        loop {
            match Message::read(&mut input) {
                Ok(Some(m)) => {
                    if tx.send(Ok(m)).is_err() {
                        break;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    let _ = tx.send(Err(e));
                    break;
                }
            }
        }
    });
    rx
}

struct Doc {
    text: String,
    version: i32,
    path: Option<PathBuf>,
    /// Findings for `text`, kept for code actions.
    diagnostics: Vec<Diagnostic>,
    /// When a changed document is due to be linted.
    due: Option<Instant>,
}

struct Server<'o> {
    out: &'o mut dyn Write,
    log: &'o mut dyn Write,
    docs: HashMap<Uri, Doc>,
    initialized: bool,
    shutdown: bool,
    debounce: Duration,
}

/// Handles messages from `rx` until `exit` or the end of input.
pub fn serve(
    rx: Receiver<io::Result<Message>>,
    out: &mut dyn Write,
    log: &mut dyn Write,
) -> io::Result<i32> {
    let mut s = Server {
        out,
        log,
        docs: HashMap::new(),
        initialized: false,
        shutdown: false,
        debounce: DEFAULT_DEBOUNCE,
    };
    loop {
        let next_due = s.docs.values().filter_map(|d| d.due).min();
        let received = match next_due {
            Some(due) => rx.recv_timeout(due.saturating_duration_since(Instant::now())),
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        match received {
            Ok(Ok(msg)) => {
                if let Some(code) = s.handle(msg)? {
                    return Ok(code);
                }
            }
            Ok(Err(e)) => {
                writeln!(s.log, "copylint lsp: unreadable message: {e}")?;
                return Ok(1);
            }
            Err(RecvTimeoutError::Timeout) => s.lint_due()?,
            // Input closed without `exit`: the client is gone.
            Err(RecvTimeoutError::Disconnected) => return Ok(if s.shutdown { 0 } else { 1 }),
        }
    }
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(true),
                })),
                ..Default::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::SOURCE_FIX_ALL,
            ]),
            ..Default::default()
        })),
        ..Default::default()
    }
}

/// `file:///a%20b/c.txt` → `/a b/c.txt`; None for other schemes.
pub fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // Skip the authority (`localhost` or empty).
    let path = &rest[rest.find('/')?..];
    let mut bytes = Vec::with_capacity(path.len());
    let b = path.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let hex = b
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        if let (b'%', Some(v)) = (b[i], hex) {
            bytes.push(v);
            i += 3;
            continue;
        }
        bytes.push(b[i]);
        i += 1;
    }
    let mut s = String::from_utf8(bytes).ok()?;
    // `/C:/x` on Windows.
    if s.len() > 2 && s.as_bytes()[2] == b':' && s.as_bytes()[1].is_ascii_alphabetic() {
        s.remove(0);
    }
    Some(PathBuf::from(s))
}

impl Server<'_> {
    fn send(&mut self, msg: impl Into<Message>) -> io::Result<()> {
        msg.into().write(&mut self.out)?;
        self.out.flush()
    }

    fn respond_err(&mut self, id: RequestId, code: ErrorCode, message: String) -> io::Result<()> {
        self.send(Response::new_err(id, code as i32, message))
    }

    /// Some(exit code) when the server should stop.
    fn handle(&mut self, msg: Message) -> io::Result<Option<i32>> {
        match msg {
            Message::Request(req) => self.request(req).map(|_| None),
            Message::Response(_) => Ok(None),
            Message::Notification(n) if n.method == Exit::METHOD => {
                Ok(Some(if self.shutdown { 0 } else { 1 }))
            }
            Message::Notification(n) => {
                if self.initialized && !self.shutdown {
                    self.notification(n)?;
                }
                Ok(None)
            }
        }
    }

    fn request(&mut self, req: Request) -> io::Result<()> {
        if req.method == Initialize::METHOD {
            if self.initialized {
                return self.respond_err(
                    req.id,
                    ErrorCode::InvalidRequest,
                    "initialize sent twice".into(),
                );
            }
            self.initialized = true;
            if let Some(ms) = req
                .params
                .pointer("/initializationOptions/debounceMs")
                .and_then(Value::as_u64)
            {
                self.debounce = Duration::from_millis(ms.min(10_000));
            }
            let result = InitializeResult {
                capabilities: capabilities(),
                server_info: Some(ServerInfo {
                    name: "copylint".into(),
                    version: Some(env!("CARGO_PKG_VERSION").into()),
                }),
            };
            return self.send(Response::new_ok(req.id, result));
        }
        if !self.initialized {
            return self.respond_err(
                req.id,
                ErrorCode::ServerNotInitialized,
                "initialize first".into(),
            );
        }
        if self.shutdown {
            return self.respond_err(
                req.id,
                ErrorCode::InvalidRequest,
                "shutdown was requested".into(),
            );
        }
        match req.method.as_str() {
            Shutdown::METHOD => {
                self.shutdown = true;
                self.send(Response::new_ok(req.id, Value::Null))
            }
            CodeActionRequest::METHOD => {
                match serde_json::from_value::<CodeActionParams>(req.params) {
                    Ok(p) => {
                        let uri = p.text_document.uri.clone();
                        self.lint_now_if_due(&uri)?;
                        let actions = match self.docs.get(&uri) {
                            Some(doc) => {
                                actions::code_actions(&uri, &doc.text, &doc.diagnostics, &p, || {
                                    linter_for(doc.path.as_deref()).ok()
                                })
                            }
                            None => Vec::new(),
                        };
                        self.send(Response::new_ok(req.id, actions))
                    }
                    Err(e) => self.respond_err(req.id, ErrorCode::InvalidParams, e.to_string()),
                }
            }
            _ => self.respond_err(
                req.id,
                ErrorCode::MethodNotFound,
                format!("unhandled method {}", req.method),
            ),
        }
    }

    fn notification(&mut self, n: Notification) -> io::Result<()> {
        let method = n.method.clone();
        let parsed = |s: &mut Self, r: Result<(), serde_json::Error>| match r {
            Ok(()) => Ok(()),
            Err(e) => writeln!(s.log, "copylint lsp: bad {method} params: {e}"),
        };
        match n.method.as_str() {
            Initialized::METHOD => Ok(()),
            DidOpenTextDocument::METHOD => {
                match serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                    Ok(p) => {
                        let uri = p.text_document.uri;
                        let path = uri_to_path(&uri);
                        self.docs.insert(
                            uri.clone(),
                            Doc {
                                text: p.text_document.text,
                                version: p.text_document.version,
                                path,
                                diagnostics: Vec::new(),
                                due: None,
                            },
                        );
                        self.lint_and_publish(&uri)
                    }
                    Err(e) => parsed(self, Err(e)),
                }
            }
            DidChangeTextDocument::METHOD => {
                match serde_json::from_value::<DidChangeTextDocumentParams>(n.params) {
                    Ok(p) => {
                        let due = Instant::now() + self.debounce;
                        if let Some(doc) = self.docs.get_mut(&p.text_document.uri) {
                            for change in p.content_changes {
                                match change.range {
                                    Some(r) => {
                                        let idx = PositionIndex::new(&doc.text);
                                        let (a, b) = (idx.offset(r.start), idx.offset(r.end));
                                        let (a, b) = (a.min(b), a.max(b));
                                        doc.text.replace_range(a..b, &change.text);
                                    }
                                    None => doc.text = change.text,
                                }
                            }
                            doc.version = p.text_document.version;
                            doc.due = Some(due);
                        }
                        Ok(())
                    }
                    Err(e) => parsed(self, Err(e)),
                }
            }
            DidSaveTextDocument::METHOD => {
                match serde_json::from_value::<DidSaveTextDocumentParams>(n.params) {
                    Ok(p) => {
                        if let (Some(doc), Some(text)) =
                            (self.docs.get_mut(&p.text_document.uri), p.text)
                        {
                            doc.text = text;
                        }
                        self.lint_and_publish(&p.text_document.uri)
                    }
                    Err(e) => parsed(self, Err(e)),
                }
            }
            DidCloseTextDocument::METHOD => {
                match serde_json::from_value::<DidCloseTextDocumentParams>(n.params) {
                    Ok(p) => {
                        self.docs.remove(&p.text_document.uri);
                        self.publish(p.text_document.uri, Vec::new(), None)
                    }
                    Err(e) => parsed(self, Err(e)),
                }
            }
            // The configuration may have changed: lint everything again.
            DidChangeConfiguration::METHOD | DidChangeWatchedFiles::METHOD => {
                let uris: Vec<Uri> = self.docs.keys().cloned().collect();
                for uri in uris {
                    self.lint_and_publish(&uri)?;
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    fn lint_due(&mut self) -> io::Result<()> {
        let now = Instant::now();
        let due: Vec<Uri> = self
            .docs
            .iter()
            .filter(|(_, d)| d.due.is_some_and(|t| t <= now))
            .map(|(u, _)| u.clone())
            .collect();
        for uri in due {
            self.lint_and_publish(&uri)?;
        }
        Ok(())
    }

    fn lint_now_if_due(&mut self, uri: &Uri) -> io::Result<()> {
        if self.docs.get(uri).is_some_and(|d| d.due.is_some()) {
            self.lint_and_publish(uri)?;
        }
        Ok(())
    }

    fn lint_and_publish(&mut self, uri: &Uri) -> io::Result<()> {
        let Some(doc) = self.docs.get_mut(uri) else {
            return Ok(());
        };
        doc.due = None;
        let (linter, kind) = match linter_for(doc.path.as_deref()) {
            Ok(l) => l,
            Err(e) => {
                writeln!(self.log, "copylint lsp: {e}; using the default rules")?;
                let kind = doc
                    .path
                    .as_deref()
                    .map_or(InputKind::Text, InputKind::from_path);
                (default_registry().linter(), kind)
            }
        };
        doc.diagnostics = linter.lint_source(&doc.text, kind);
        let idx = PositionIndex::new(&doc.text);
        let diags = doc
            .diagnostics
            .iter()
            .map(|d| to_lsp(uri, &idx, d))
            .collect();
        let version = Some(doc.version);
        self.publish(uri.clone(), diags, version)
    }

    fn publish(
        &mut self,
        uri: Uri,
        diagnostics: Vec<lsp_types::Diagnostic>,
        version: Option<i32>,
    ) -> io::Result<()> {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Notification::new(PublishDiagnostics::METHOD.into(), params))
    }
}

/// Our finding as an LSP diagnostic: the rule id is the code, `copylint` the source,
/// the category travels in `data`, notes follow the message, labels become related
/// information.
pub fn to_lsp(uri: &Uri, idx: &PositionIndex, d: &Diagnostic) -> lsp_types::Diagnostic {
    let mut message = d.message.clone();
    for n in &d.notes {
        message.push_str("\nnote: ");
        message.push_str(n);
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .map(|l| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), idx.range(l.span)),
            message: l.message.clone(),
        })
        .collect();
    lsp_types::Diagnostic {
        range: idx.range(d.span),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.rule.to_string())),
        code_description: None,
        source: Some("copylint".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: Some(json!({ "category": d.category, "rule": d.rule })),
    }
}

#[cfg(test)]
mod tests;
