//! `draftdec lsp`: the Language Server Protocol over standard input and
//! output, for editors (`docs/editor.md`).
//!
//! Two threads. The main one reads the client's messages and never
//! compiles: it keeps the text of each open draft and queues work. The
//! worker compiles and answers requests in the order they came. A change
//! does not wait for the compilation of the one before it: when the
//! worker takes its queue it keeps only the newest change of each draft,
//! so typing while a large draft compiles costs one compilation, not one
//! per keystroke, and diagnostics of a text already replaced are never
//! published. A request is answered on the text it was sent for (the
//! newest the client sent before it), compiled first if need be.

mod analysis;
mod complete;
mod features;
mod position;

use std::collections::{HashMap, HashSet};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    Cancel, DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Exit,
    Notification as _, PublishDiagnostics,
};
use lsp_types::request::{Request as _, Shutdown};
use lsp_types::{
    CancelParams, DidChangeTextDocumentParams, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, NumberOrString, PublishDiagnosticsParams, Uri,
};

use self::analysis::Analysis;
use super::{CLEAN, DRAFT_ERRORS, Failure};

/// Runs the server until the client says `exit`.
pub(crate) fn lsp() -> Result<u8, Failure> {
    let (connection, io_threads) = Connection::stdio();
    let capabilities =
        serde_json::to_value(features::capabilities()).map_err(|e| Failure(format!("lsp: {e}")))?;
    let params = connection
        .initialize(capabilities)
        .map_err(|e| Failure(format!("lsp: {e}")))?;
    let docs_url = docs_url(&params);
    let shared = Arc::new(Shared::default());
    let (jobs, queue) = mpsc::channel();
    let worker = {
        let shared = Arc::clone(&shared);
        let sender = connection.sender.clone();
        thread::spawn(move || work(&queue, &shared, &docs_url, &|m| sender.send(m).is_ok()))
    };
    let status = read(&connection, &shared, jobs);
    // The worker ends when its queue is dropped, after the jobs in it.
    let _ = worker.join();
    // The protocol: status 0 after `shutdown` then `exit`, 1 when the
    // client exits (or goes) without asking for a shutdown.
    let status = status.map(|request| match request {
        Some(shutdown) => connection.handle_shutdown(&shutdown).map(|_| CLEAN),
        None => Ok(DRAFT_ERRORS),
    });
    drop(connection);
    io_threads
        .join()
        .map_err(|e| Failure(format!("lsp: {e}")))?;
    match status {
        Ok(Ok(status)) => Ok(status),
        Ok(Err(e)) | Err(e) => Err(Failure(format!("lsp: {e}"))),
    }
}

/// What the worker does next.
enum Job {
    /// Compile the newest text of a draft and publish its diagnostics.
    Compile(Uri),
    Request(Request),
}

/// An open draft.
struct Doc {
    text: Arc<str>,
    /// The client's version of the text.
    version: i32,
    /// The server's count of its texts, which `Analysis::generation` names.
    generation: u64,
    analysis: Option<Arc<Analysis>>,
    /// The generation whose diagnostics were last published.
    published: Option<u64>,
}

/// What the two threads share.
#[derive(Default)]
struct Shared {
    docs: Mutex<HashMap<Uri, Doc>>,
    /// Requests the client cancelled before the worker reached them.
    cancelled: Mutex<HashSet<RequestId>>,
}

/// A lock whose holder panicked still guards consistent data: every
/// update under it is a single assignment.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Shared {
    /// The analysis of the newest text of `uri`, compiling it if need be
    /// (without holding the lock). `None` for a draft that is not open.
    fn analysis(&self, uri: &Uri) -> Option<Arc<Analysis>> {
        let (text, generation) = {
            let docs = lock(&self.docs);
            let doc = docs.get(uri)?;
            if let Some(analysis) = doc
                .analysis
                .as_ref()
                .filter(|a| a.generation == doc.generation)
            {
                return Some(Arc::clone(analysis));
            }
            (Arc::clone(&doc.text), doc.generation)
        };
        let analysis = Arc::new(Analysis::new(generation, text));
        if let Some(doc) = lock(&self.docs).get_mut(uri)
            && doc.generation == generation
        {
            doc.analysis = Some(Arc::clone(&analysis));
        }
        Some(analysis)
    }
}

/// The main thread: reads messages until `shutdown` (returned, to be
/// answered once the worker is done) or the end of input.
fn read(
    connection: &Connection,
    shared: &Shared,
    jobs: mpsc::Sender<Job>,
) -> Result<Option<Request>, lsp_server::ProtocolError> {
    let mut generation = 0;
    for message in &connection.receiver {
        match message {
            Message::Request(request) if request.method == Shutdown::METHOD => {
                return Ok(Some(request));
            }
            Message::Request(request) => {
                let _ = jobs.send(Job::Request(request));
            }
            Message::Notification(notification) => {
                if notification.method == Exit::METHOD {
                    return Ok(None);
                }
                generation += 1;
                if let Some(uri) = update(shared, notification, generation, connection) {
                    let _ = jobs.send(Job::Compile(uri));
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(None)
}

/// Applies a notification to the open drafts; the draft to compile, if any.
fn update(
    shared: &Shared,
    notification: Notification,
    generation: u64,
    connection: &Connection,
) -> Option<Uri> {
    match notification.method.as_str() {
        DidOpenTextDocument::METHOD => {
            let params: DidOpenTextDocumentParams =
                notification.extract(DidOpenTextDocument::METHOD).ok()?;
            let doc = params.text_document;
            lock(&shared.docs).insert(
                doc.uri.clone(),
                Doc {
                    text: doc.text.into(),
                    version: doc.version,
                    generation,
                    analysis: None,
                    published: None,
                },
            );
            Some(doc.uri)
        }
        DidChangeTextDocument::METHOD => {
            let params: DidChangeTextDocumentParams =
                notification.extract(DidChangeTextDocument::METHOD).ok()?;
            let mut docs = lock(&shared.docs);
            let doc = docs.get_mut(&params.text_document.uri)?;
            // Full synchronisation: each change is the whole text; the last
            // one is the newest.
            let change = params.content_changes.into_iter().last()?;
            doc.text = change.text.into();
            doc.version = params.text_document.version;
            doc.generation = generation;
            Some(params.text_document.uri)
        }
        DidCloseTextDocument::METHOD => {
            let params: DidCloseTextDocumentParams =
                notification.extract(DidCloseTextDocument::METHOD).ok()?;
            lock(&shared.docs).remove(&params.text_document.uri);
            // A closed draft's problems leave the editor's list.
            let clear = PublishDiagnosticsParams::new(params.text_document.uri, Vec::new(), None);
            let _ = connection
                .sender
                .send(Notification::new(PublishDiagnostics::METHOD.into(), clear).into());
            None
        }
        Cancel::METHOD => {
            let params: CancelParams = notification.extract(Cancel::METHOD).ok()?;
            let id = match params.id {
                NumberOrString::Number(n) => RequestId::from(n),
                NumberOrString::String(s) => RequestId::from(s),
            };
            lock(&shared.cancelled).insert(id);
            None
        }
        _ => None,
    }
}

/// The worker: takes every job queued, drops the compilations a newer
/// change of the same draft makes useless, and does the rest in order.
fn work(queue: &Receiver<Job>, shared: &Shared, docs_url: &str, send: &dyn Fn(Message) -> bool) {
    while let Ok(first) = queue.recv() {
        let mut batch: Vec<Option<Job>> = std::iter::once(first)
            .chain(queue.try_iter())
            .map(Some)
            .collect();
        for i in 0..batch.len() {
            let superseded = match &batch[i] {
                Some(Job::Compile(uri)) => batch[i + 1..]
                    .iter()
                    .any(|later| matches!(later, Some(Job::Compile(u)) if u == uri)),
                _ => false,
            };
            let alive = match batch[i].take() {
                Some(Job::Compile(uri)) if !superseded => publish(shared, &uri, docs_url, send),
                Some(Job::Request(request)) => answer(shared, request, docs_url, send),
                _ => true,
            };
            if !alive {
                return;
            }
        }
    }
}

/// Publishes the diagnostics of the newest text of `uri`, unless they are
/// already published; false when the client is gone.
fn publish(shared: &Shared, uri: &Uri, docs_url: &str, send: &dyn Fn(Message) -> bool) -> bool {
    let Some(analysis) = shared.analysis(uri) else {
        return true;
    };
    let version = {
        let mut docs = lock(&shared.docs);
        let Some(doc) = docs.get_mut(uri) else {
            return true;
        };
        if doc.generation != analysis.generation || doc.published == Some(analysis.generation) {
            return true;
        }
        doc.published = Some(analysis.generation);
        doc.version
    };
    let diagnostics = features::diagnostics(&analysis, uri, docs_url);
    let params = PublishDiagnosticsParams::new(uri.clone(), diagnostics, Some(version));
    send(Notification::new(PublishDiagnostics::METHOD.into(), params).into())
}

/// Answers one request; false when the client is gone.
fn answer(
    shared: &Shared,
    request: Request,
    docs_url: &str,
    send: &dyn Fn(Message) -> bool,
) -> bool {
    let response = if lock(&shared.cancelled).remove(&request.id) {
        Response::new_err(
            request.id,
            ErrorCode::RequestCanceled as i32,
            "cancelled".into(),
        )
    } else {
        features::handle(request, &|uri| shared.analysis(uri), docs_url)
    };
    send(response.into())
}

/// Where the pages of the diagnostic codes are, as a URL prefix:
/// `initializationOptions.docsUrl` when the client gives one (a published
/// copy of `docs/diagnostics/`); otherwise this version's pages, which the
/// binary holds (`draftdec explain`), written once into the user's cache,
/// so that a code's link opens its page offline and never a page of
/// another version.
fn docs_url(params: &serde_json::Value) -> String {
    if let Some(url) = params
        .pointer("/initializationOptions/docsUrl")
        .and_then(serde_json::Value::as_str)
    {
        return format!("{}/", url.trim_end_matches('/'));
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| std::path::Path::new(&home).join(".cache")))
        .unwrap_or_else(std::env::temp_dir);
    let dir = base
        .join(format!("draftdec-{}", env!("CARGO_PKG_VERSION")))
        .join("diagnostics");
    let written = std::fs::create_dir_all(&dir).is_ok()
        && draftdec::diag::Code::ALL.iter().all(|code| {
            let path = dir.join(format!("{}.md", code.as_str()));
            std::fs::read_to_string(&path).is_ok_and(|page| page == code.page())
                || std::fs::write(&path, code.page()).is_ok()
        });
    // Without the pages a link would lead nowhere: diagnostics go without.
    if !written {
        return String::new();
    }
    let mut url = String::from("file://");
    for byte in dir.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                url.push(char::from(byte));
            }
            _ => url.push_str(&format!("%{byte:02X}")),
        }
    }
    url.push('/');
    url
}
