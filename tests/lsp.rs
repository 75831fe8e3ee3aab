//! `draftdec lsp` driven as an editor drives it: JSON-RPC over the
//! server's standard input and output (initialize, didOpen, didChange,
//! hover, definition, references, rename, completion, symbols, folding,
//! formatting, code actions, shutdown), on the shipped examples, the
//! Russian and Arabic ones among them. Positions are computed here, in
//! UTF-16 code units, independently of the server's conversion.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How long any answer may take before the test fails rather than hangs.
const PATIENCE: Duration = Duration::from_secs(60);

struct Server {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    /// Notifications read while waiting for a response.
    pending: Vec<Value>,
    next_id: i64,
    _cache: tempfile::TempDir,
}

impl Server {
    fn start() -> Server {
        let cache = tempfile::tempdir().expect("a temporary directory");
        let mut child = common::draftdec()
            .arg("lsp")
            .env("XDG_CACHE_HOME", cache.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("draftdec lsp starts");
        let stdin = child.stdin.take().expect("stdin is piped");
        let stdout = child.stdout.take().expect("stdout is piped");
        let (tx, messages) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        let mut server = Server {
            child,
            stdin,
            messages,
            pending: Vec::new(),
            next_id: 0,
            _cache: cache,
        };
        let init = server.request("initialize", json!({"capabilities": {}, "processId": null}));
        assert!(
            init["capabilities"]["hoverProvider"] == json!(true),
            "{init}"
        );
        server.notify("initialized", json!({}));
        server
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len())
            .and_then(|()| self.stdin.flush())
            .expect("the server reads");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn next(&mut self) -> Value {
        self.messages
            .recv_timeout(PATIENCE)
            .expect("the server answers in time")
    }

    /// Sends a request; its response (`result`, or `error` as a value).
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.next();
            if message["id"] == json!(id) && message.get("method").is_none() {
                return match message.get("error") {
                    Some(error) => json!({"error": error}),
                    None => message["result"].clone(),
                };
            }
            self.pending.push(message);
        }
    }

    /// The next diagnostics published for `uri` (and, if given, version).
    fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        let wanted = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && version.is_none_or(|v| m["params"]["version"] == json!(v))
        };
        if let Some(i) = self.pending.iter().position(wanted) {
            let message = self.pending.remove(i);
            return message["params"]["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default();
        }
        loop {
            let message = self.next();
            if wanted(&message) {
                return message["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
            }
            self.pending.push(message);
        }
    }

    fn open(&mut self, uri: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "draft", "version": 1, "text": text}}),
        );
        self.diagnostics(uri, Some(1))
    }

    fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    fn at(&mut self, method: &str, uri: &str, position: Value) -> Value {
        self.request(
            method,
            json!({"textDocument": {"uri": uri}, "position": position}),
        )
    }

    /// Shuts the server down as a client does; it must exit with status 0.
    fn shutdown(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().expect("the server exits");
        assert!(status.success(), "draftdec lsp exited with {status}");
    }
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// The LSP position of byte `offset`: the line (counting `\n`, `\r\n` and
/// a lone `\r`) and the UTF-16 units before it on that line.
fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line = before.replace("\r\n", "\n").matches(['\n', '\r']).count();
    let character = before[line_start..].encode_utf16().count();
    json!({"line": line, "character": character})
}

/// The byte offset of an LSP position (the inverse of [`position`]).
fn offset(text: &str, position: &Value) -> usize {
    let (line, character) = (
        position["line"].as_u64().unwrap(),
        position["character"].as_u64().unwrap(),
    );
    let mut start = 0;
    for _ in 0..line {
        let rest = &text[start..];
        let i = rest.find(['\n', '\r']).expect("the line exists");
        start += i + if rest[i..].starts_with("\r\n") { 2 } else { 1 };
    }
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character as usize {
            return start + i;
        }
        units += c.len_utf16() as u64 as usize;
    }
    text.len()
}

/// The position `delta` bytes into the `nth` (0-based) occurrence of `needle`.
fn pos(text: &str, needle: &str, nth: usize, delta: usize) -> Value {
    let at = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} in the text"))
        .0;
    position(text, at + delta)
}

/// The text a range covers.
fn slice<'a>(text: &'a str, range: &Value) -> &'a str {
    &text[offset(text, &range["start"])..offset(text, &range["end"])]
}

/// Applies text edits (non-overlapping) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"]),
                offset(text, &e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (start, end, new) in spans {
        out.replace_range(start..end, new);
    }
    out
}

fn hover_text(hover: &Value) -> String {
    hover["contents"]["value"]
        .as_str()
        .unwrap_or_else(|| panic!("a hover: {hover}"))
        .to_string()
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

const TOUR: &str = "file:///drafts/tour.en.draft";

#[test]
fn diagnostics_on_open_and_on_every_change() {
    let text = common::read("examples/tour.en.draft");
    let mut server = Server::start();
    let clean = server.open(TOUR, &text);
    assert!(clean.iter().all(|d| d["severity"] != 1), "{clean:?}");

    // A reference to no label, and a label defined twice.
    let broken = text
        .replace("@p-options below", "@p-optoins below")
        .replace("<opt-a>", "<sub-a>");
    server.change(TOUR, 2, &broken);
    let diagnostics = server.diagnostics(TOUR, Some(2));
    let unknown = diagnostics
        .iter()
        .find(|d| d["code"] == "E0102")
        .expect("E0102");
    assert_eq!(slice(&broken, &unknown["range"]), "p-optoins");
    assert_eq!(unknown["source"], "draftdec");
    assert_eq!(unknown["severity"], 1);
    // The link opens the code's page, the one `draftdec explain` prints.
    let href = unknown["codeDescription"]["href"].as_str().expect("a link");
    let page = std::fs::read_to_string(href.strip_prefix("file://").expect("a file URL"))
        .expect("the page exists");
    assert_eq!(page, common::read("docs/diagnostics/E0102.md"));
    let duplicate = diagnostics
        .iter()
        .find(|d| d["code"] == "E0101")
        .expect("E0101");
    let related = &duplicate["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], TOUR);
    assert_eq!(slice(&broken, &related["location"]["range"]), "sub-a");
    assert_ne!(related["location"]["range"], duplicate["range"]);

    // Fixed again: the list empties.
    server.change(TOUR, 3, &text);
    assert_eq!(codes(&server.diagnostics(TOUR, Some(3))), codes(&clean));
    server.shutdown();
}

#[test]
fn only_the_newest_of_quick_changes_is_published() {
    let text = common::read("examples/cooperation.en.draft");
    let uri = "file:///drafts/cooperation.en.draft";
    let mut server = Server::start();
    server.open(uri, &text);
    for version in 2..=30 {
        let edited = text.replace("#. ", &format!("#. {} ", "x".repeat(version as usize)));
        server.change(uri, version, &edited);
    }
    server.change(uri, 31, &format!("{text}\n#. @nowhere.\n"));
    let last = server.diagnostics(uri, Some(31));
    assert!(codes(&last).contains(&"E0102".to_string()), "{last:?}");
    // Whatever was published in between was for a version in order, and
    // never after the newest.
    let versions: Vec<i64> = server
        .pending
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .map(|m| m["params"]["version"].as_i64().unwrap())
        .collect();
    assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
    server.shutdown();
}

#[test]
fn hover_definition_references_and_rename_of_labels() {
    let text = common::read("examples/tour.en.draft");
    let mut server = Server::start();
    server.open(TOUR, &text);

    let hover = server.at("textDocument/hover", TOUR, pos(&text, "@p-options", 0, 3));
    let shown = hover_text(&hover);
    assert!(
        shown.contains("**paragraph 3**") && shown.contains("Three options were considered"),
        "{shown}"
    );
    assert_eq!(slice(&text, &hover["range"]), "@p-options");

    let hover = server.at("textDocument/hover", TOUR, pos(&text, "@#opt-a", 0, 2));
    assert!(hover_text(&hover).contains("**3 (a)**"), "{hover}");

    // Definition of a reference: the label where it is defined.
    let target = server.at("textDocument/definition", TOUR, pos(&text, "@#opt-a", 1, 4));
    assert_eq!(target["uri"], TOUR);
    assert_eq!(target["range"]["start"], pos(&text, "<opt-a>", 0, 1));
    assert_eq!(slice(&text, &target["range"]), "opt-a");

    // References: every `@opt-a`, `@#opt-a`, and the definition if asked.
    let refs = server.request(
        "textDocument/references",
        json!({"textDocument": {"uri": TOUR}, "position": pos(&text, "<opt-a>", 0, 2), "context": {"includeDeclaration": true}}),
    );
    let found: Vec<&str> = refs
        .as_array()
        .unwrap()
        .iter()
        .map(|l| slice(&text, &l["range"]))
        .collect();
    assert_eq!(found, ["opt-a"; 4]);

    // Rename: every occurrence, and the draft still resolves.
    let prepared = server.at(
        "textDocument/prepareRename",
        TOUR,
        pos(&text, "@opt-a", 0, 1),
    );
    assert_eq!(prepared["placeholder"], "opt-a");
    let edit = server.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": TOUR}, "position": pos(&text, "@opt-a", 0, 1), "newName": "option-a"}),
    );
    let renamed = apply(&text, edit["changes"][TOUR].as_array().unwrap());
    assert_eq!(renamed, text.replace("opt-a", "option-a"));
    server.change(TOUR, 2, &renamed);
    assert!(!codes(&server.diagnostics(TOUR, Some(2))).contains(&"E0102".to_string()));

    // A name that is not a label, or one already used, is refused.
    for bad in ["two words", "intro"] {
        let refused = server.request(
            "textDocument/rename",
            json!({"textDocument": {"uri": TOUR}, "position": pos(&renamed, "<option-a>", 0, 1), "newName": bad}),
        );
        assert!(refused["error"]["message"].is_string(), "{bad}: {refused}");
    }
    server.shutdown();
}

#[test]
fn footnotes_decisions_documents_and_opening_words() {
    let text = common::read("examples/tour.en.draft");
    let mut server = Server::start();
    server.open(TOUR, &text);

    let hover =
        hover_text(&server.at("textDocument/hover", TOUR, pos(&text, "^mandate The", 0, 2)));
    assert!(
        hover.contains("**Footnote 2**") && hover.contains("See the report of the Conference"),
        "{hover}"
    );
    let definition = server.at(
        "textDocument/definition",
        TOUR,
        pos(&text, "^mandate The", 0, 2),
    );
    assert_eq!(definition["range"]["start"], pos(&text, "^mandate:", 0, 1));
    let hover = hover_text(&server.at("textDocument/hover", TOUR, pos(&text, "^{Ibid.", 0, 0)));
    assert!(
        hover.contains("**Footnote 3**") && hover.contains("Ibid., para. 12."),
        "{hover}"
    );

    let hover = hover_text(&server.at("textDocument/hover", TOUR, pos(&text, "MC-5/3", 0, 2)));
    assert!(
        hover.contains("**Decision MC-5/3**")
            && hover.contains("meeting: 5")
            && hover.contains("decision number: 3"),
        "{hover}"
    );
    let hover = hover_text(&server.at("textDocument/hover", TOUR, pos(&text, "MC-6/[…]", 0, 1)));
    assert!(hover.contains("not yet numbered"), "{hover}");
    let hover = hover_text(&server.at(
        "textDocument/hover",
        TOUR,
        pos(&text, "UNEP/MC/COP.6/INF/99;", 0, 3),
    ));
    assert!(hover.contains("this document's own symbol"), "{hover}");

    let hover = hover_text(&server.at(
        "textDocument/hover",
        TOUR,
        pos(&text, "Requests the secretariat", 0, 2),
    ));
    assert!(
        hover.contains("**Requests**")
            && hover.contains("operative opening words; lexicon entry *Requests* (en"),
        "{hover}"
    );
    let hover = hover_text(&server.at(
        "textDocument/hover",
        TOUR,
        pos(&text, "Noting with appreciation", 0, 2),
    ));
    assert!(hover.contains("preambular"), "{hover}");
    server.shutdown();
}

#[test]
fn completion_of_labels_footnotes_keys_and_opening_words() {
    let text = common::read("examples/tour.en.draft");
    let mut server = Server::start();
    server.open(TOUR, &text);
    let labels = |items: &Value| -> Vec<String> {
        items
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["label"].as_str().unwrap().to_string())
            .collect()
    };

    let after_at = server.at(
        "textDocument/completion",
        TOUR,
        pos(&text, "@p-options below", 0, 3),
    );
    let names = labels(&after_at);
    for label in [
        "intro",
        "p-mandate",
        "p-options",
        "opt-a",
        "annex-draft",
        "op-req-a-i",
    ] {
        assert!(names.iter().any(|n| n == label), "{label} in {names:?}");
    }
    let item = &after_at
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "p-options")
        .unwrap();
    assert_eq!(item["detail"], "paragraph 3");
    // It replaces the word being typed, `p-`.
    assert_eq!(slice(&text, &item["textEdit"]["range"]), "p-");

    let footnotes = server.at(
        "textDocument/completion",
        TOUR,
        pos(&text, "^mandate The", 0, 1),
    );
    assert_eq!(labels(&footnotes), ["mandate"]);

    // In the masthead: the keys not yet set.
    let edited = text.replacen("kind: Note by the secretariat\n", "ki\n", 1);
    server.change(TOUR, 2, &edited);
    let keys = labels(&server.at(
        "textDocument/completion",
        TOUR,
        pos(&edited, "\nki\n", 0, 3),
    ));
    assert!(
        keys.contains(&"kind".to_string()) && !keys.contains(&"symbol".to_string()),
        "{keys:?}"
    );

    // At the start of an operative paragraph in a decision: the lexicon.
    let edited = text.replacen("#. Invites Parties", "#. Re\n\n#. Invites Parties", 1);
    server.change(TOUR, 3, &edited);
    let words = labels(&server.at(
        "textDocument/completion",
        TOUR,
        pos(&edited, "#. Re\n", 0, 5),
    ));
    assert!(
        words.contains(&"Requests".to_string()) && words.contains(&"Decides".to_string()),
        "{words:?}"
    );
    assert!(!words.contains(&"Recalling".to_string()));
    server.shutdown();
}

#[test]
fn russian_and_arabic_positions_are_utf16() {
    let mut server = Server::start();
    // Russian: a Cyrillic label defined and referenced, renamed.
    let ru = common::read("examples/cooperation.ru.draft")
        .replacen(
            "2. вновь подтверждает",
            "2. <синергия> вновь подтверждает",
            1,
        )
        .replacen(
            "3. приветствует",
            "3. приветствует (см. пункт @#синергия)",
            1,
        );
    let uri = "file:///drafts/cooperation.ru.draft";
    let diagnostics = server.open(uri, &ru);
    assert!(
        diagnostics.iter().all(|d| d["severity"] != 1),
        "{diagnostics:?}"
    );
    let hover = server.at("textDocument/hover", uri, pos(&ru, "@#синергия", 0, 4));
    assert!(hover_text(&hover).starts_with("**2**"), "{hover}");
    assert_eq!(slice(&ru, &hover["range"]), "@#синергия");
    let definition = server.at("textDocument/definition", uri, pos(&ru, "@#синергия", 0, 6));
    assert_eq!(definition["range"]["start"], pos(&ru, "<синергия>", 0, 1));
    assert_eq!(slice(&ru, &definition["range"]), "синергия");
    let edit = server.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri}, "position": pos(&ru, "<синергия>", 0, 3), "newName": "синергия-программ"}),
    );
    let renamed = apply(&ru, edit["changes"][uri].as_array().unwrap());
    assert_eq!(
        renamed,
        ru.replace("синергия>", "синергия-программ>")
            .replace("@#синергия)", "@#синергия-программ)")
    );
    let hover = hover_text(&server.at("textDocument/hover", uri, pos(&ru, "МК-4/9", 0, 4)));
    assert!(hover.contains("**Decision MC-4/9**"), "{hover}");
    let hover = hover_text(&server.at("textDocument/hover", uri, pos(&ru, "> поручает", 0, 4)));
    assert!(hover.contains("lexicon entry *поручает* (ru"), "{hover}");
    // The Russian lexicon at the start of a Russian operative paragraph.
    let edited = ru.replacen("4. <requests-es>", "4. пор\n\n5. <requests-es>", 1);
    server.change(uri, 2, &edited);
    let items = server.at(
        "textDocument/completion",
        uri,
        pos(&edited, "4. пор\n", 0, "4. пор".len()),
    );
    let item = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["label"] == "поручает")
        .expect("поручает offered");
    assert_eq!(slice(&edited, &item["textEdit"]["range"]), "пор");

    // Arabic, right to left: positions are still logical UTF-16 columns.
    let ar =
        common::read("examples/cooperation.ar.draft").replacen("#. يرحب", "#. <ترحيب> يرحب", 1);
    let ar = ar.replacen("#. يؤكد من جديد", "#. يؤكد من جديد (انظر @ترحيب)", 1);
    let uri = "file:///drafts/cooperation.ar.draft";
    let diagnostics = server.open(uri, &ar);
    assert!(
        !codes(&diagnostics).contains(&"E0102".to_string()),
        "{diagnostics:?}"
    );
    let definition = server.at("textDocument/definition", uri, pos(&ar, "@ترحيب", 0, 3));
    assert_eq!(slice(&ar, &definition["range"]), "ترحيب");
    let hover = hover_text(&server.at("textDocument/hover", uri, pos(&ar, "^{المرجع", 0, 1)));
    assert!(hover.contains("المرجع نفسه"), "{hover}");
    let symbols = server.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    assert!(symbols.to_string().contains("الإجراء المقترح"), "{symbols}");
    server.shutdown();
}

#[test]
fn crlf_files_count_lines_as_the_editor_does() {
    let text = common::read("examples/tour.en.draft").replace('\n', "\r\n");
    let mut server = Server::start();
    let diagnostics = server.open(TOUR, &text);
    assert!(
        diagnostics.iter().all(|d| d["severity"] != 1),
        "{diagnostics:?}"
    );
    let target = server.at(
        "textDocument/definition",
        TOUR,
        pos(&text, "@annex-options", 0, 3),
    );
    assert_eq!(
        target["range"]["start"],
        pos(&text, "<annex-options>", 0, 1)
    );
    assert_eq!(slice(&text, &target["range"]), "annex-options");
    server.shutdown();
}

#[test]
fn outline_and_folding() {
    let text = common::read("examples/tour.en.draft");
    let mut server = Server::start();
    server.open(TOUR, &text);
    let symbols = server.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": TOUR}}),
    );
    let names = |nodes: &Value| -> Vec<String> {
        nodes
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        names(&symbols),
        [
            "I. Introduction",
            "II. Options",
            "III. Suggested action by the Conference of the Parties",
            "Annex I Draft decision on thresholds for mercury waste",
            "Annex II Options in detail"
        ]
    );
    let annex = &symbols[3];
    let decision = &annex["children"][0];
    assert_eq!(decision["name"], "MC-6/[…]: Thresholds for mercury waste");
    assert_eq!(
        names(&decision["children"]),
        [
            "Paragraph 1 Adopts",
            "Paragraph 2 Requests",
            "Paragraph 3 Invites"
        ]
    );
    assert_eq!(slice(&text, &decision["selectionRange"]), "dec-thresholds");
    assert_eq!(
        names(&symbols[1]["children"]),
        [
            "A. Thresholds for category (c) waste",
            "B. Other considerations"
        ]
    );

    let folds = server.request(
        "textDocument/foldingRange",
        json!({"textDocument": {"uri": TOUR}}),
    );
    let folds = folds.as_array().unwrap();
    // The metadata block, lines 3 to 16 (0-based 2 to 15).
    assert!(
        folds
            .iter()
            .any(|f| f["startLine"] == 2 && f["endLine"] == 15 && f["kind"] == "imports"),
        "{folds:?}"
    );
    // The two comment lines at the top.
    assert!(
        folds
            .iter()
            .any(|f| f["startLine"] == 0 && f["endLine"] == 1 && f["kind"] == "comment"),
        "{folds:?}"
    );
    let decision_line = pos(&text, "::: decision", 0, 0)["line"].clone();
    assert!(
        folds.iter().any(|f| f["startLine"] == decision_line),
        "{folds:?}"
    );
    server.shutdown();
}

#[test]
fn formatting_is_the_canonical_formatter() {
    let text = common::read("examples/tour.en.draft");
    let messy = text.replacen("# Options\n", "#    Options\n", 1).replacen(
        "(b) A leaching",
        "(b)    A leaching",
        1,
    );
    assert_ne!(messy, text);
    let mut server = Server::start();
    server.open(TOUR, &messy);
    let edits = server.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": TOUR}, "options": {"tabSize": 4, "insertSpaces": true}}),
    );
    let edits = edits.as_array().unwrap();
    assert_eq!(edits.len(), 2, "only the lines that change: {edits:?}");
    assert_eq!(apply(&messy, edits), draftdec::fmt::format(&messy).unwrap());
    assert_eq!(apply(&messy, edits), text);

    // A draft the formatter refuses: an error, not an edit.
    server.change(TOUR, 2, &format!("{text}\n::: decision\nThe Conference,\n"));
    let refused = server.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": TOUR}, "options": {"tabSize": 4, "insertSpaces": true}}),
    );
    assert!(refused["error"]["message"].is_string(), "{refused}");
    server.shutdown();
}

#[test]
fn code_actions_apply_fixes() {
    let text = common::read("examples/tour.en.draft");
    // A typed number out of sequence (E0106, a safe fix) and a lower-case
    // opening word (W0207, safe).
    let edited = text.replacen("#. Adopts [a", "1. Adopts [a", 1).replacen(
        "#. <op-requests> Requests",
        "7. <op-requests> requests",
        1,
    );
    let mut server = Server::start();
    let diagnostics = server.open(TOUR, &edited);
    let wrong = diagnostics
        .iter()
        .find(|d| d["code"] == "E0106")
        .expect("E0106");
    let actions = server.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": TOUR}, "range": wrong["range"], "context": {"diagnostics": [wrong]}}),
    );
    let actions = actions.as_array().unwrap();
    let quick = actions
        .iter()
        .find(|a| a["kind"] == "quickfix" && a["title"].as_str().unwrap().starts_with("E0106"))
        .expect("a fix for E0106");
    assert_eq!(quick["isPreferred"], true);
    let fixed = apply(&edited, quick["edit"]["changes"][TOUR].as_array().unwrap());
    assert!(fixed.contains("2. <op-requests> requests"), "{fixed}");

    let all = actions
        .iter()
        .find(|a| a["kind"] == "source.fixAll")
        .expect("fix all");
    let fixed = apply(&edited, all["edit"]["changes"][TOUR].as_array().unwrap());
    assert!(fixed.contains("2. <op-requests> Requests"), "{fixed}");
    server.change(TOUR, 2, &fixed);
    let left = server.diagnostics(TOUR, Some(2));
    assert!(
        !codes(&left).iter().any(|c| c == "E0106" || c == "W0207"),
        "{left:?}"
    );
    server.shutdown();
}

/// Time from a change to its published diagnostics, on the Russian seed and
/// on a generated 1 MiB draft. Run with `cargo test --release --test lsp
/// -- --ignored --nocapture` (docs/editor.md quotes the figures).
#[test]
#[ignore = "a measurement, run on demand"]
fn latency_of_diagnostics() {
    let seed = common::read("examples/cooperation.ru.draft");
    let big =
        draftdec_bench::corpus::sized(1, 1 << 20, draftdec_bench::corpus::CorpusLang::En).draft;
    let mut server = Server::start();
    for (name, text) in [("seed (cooperation.ru)", seed), ("1 MiB draft", big)] {
        let uri = format!("file:///drafts/{}.draft", name.len());
        server.open(&uri, &text);
        let mut times = Vec::new();
        for version in 2..12 {
            let edited = format!("{text}\n// edit {version}\n");
            let start = Instant::now();
            server.change(&uri, version, &edited);
            server.diagnostics(&uri, Some(version));
            times.push(start.elapsed());
        }
        times.sort();
        println!(
            "{name} ({} bytes): median {:?}, max {:?}",
            text.len(),
            times[times.len() / 2],
            times[times.len() - 1]
        );
    }
    server.shutdown();
}

/// The protocol's exit status: 1 when the client exits without a shutdown.
#[test]
fn exit_without_shutdown_is_status_1() {
    let mut server = Server::start();
    server.notify("exit", Value::Null);
    let status = server.child.wait().expect("the server exits");
    assert_eq!(status.code(), Some(1));
}
