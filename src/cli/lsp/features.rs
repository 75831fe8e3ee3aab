//! What the server answers: its capabilities, the diagnostics it
//! publishes, and one function per request. Each works on one
//! [`Analysis`] and converts spans to positions only at the end.

use std::collections::HashMap;
use std::sync::Arc;

use draftdec::ast::{FootnoteOrigin, Span, plain_text};
use draftdec::diag::{self, Applicability};
use lsp_server::{ErrorCode, Request, Response};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, FoldingRangeRequest, Formatting,
    GotoDefinition, HoverRequest, PrepareRenameRequest, References, Rename, Request as LspRequest,
};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, CodeDescription, CompletionItem, CompletionItemKind,
    CompletionOptions, CompletionParams, CompletionResponse, CompletionTextEdit, Diagnostic,
    DiagnosticRelatedInformation, DiagnosticSeverity, DocumentSymbol, DocumentSymbolParams,
    DocumentSymbolResponse, Documentation, FoldingRange, FoldingRangeKind, FoldingRangeParams,
    FoldingRangeProviderCapability, GotoDefinitionParams, GotoDefinitionResponse, Hover,
    HoverContents, HoverParams, HoverProviderCapability, Location, MarkupContent, MarkupKind,
    NumberOrString, OneOf, Position, PrepareRenameResponse, Range, ReferenceParams, RenameOptions,
    RenameParams, ServerCapabilities, TextDocumentPositionParams, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextEdit, Uri, WorkDoneProgressOptions, WorkspaceEdit,
};

use super::analysis::{Analysis, LabelDef, first_words};

pub(crate) fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["@".into(), "#".into(), "^".into()]),
            ..CompletionOptions::default()
        }),
        document_symbol_provider: Some(OneOf::Left(true)),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::SOURCE_FIX_ALL,
            ]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// The draft's diagnostics as the protocol has them: the code with a link
/// to its page (`docs_url` + `E0102.md`), the secondary spans as related
/// information, the help after the message.
pub(crate) fn diagnostics(analysis: &Analysis, uri: &Uri, docs_url: &str) -> Vec<Diagnostic> {
    analysis
        .compiled
        .diagnostics
        .iter()
        .map(|d| diagnostic(analysis, uri, docs_url, d))
        .collect()
}

fn diagnostic(analysis: &Analysis, uri: &Uri, docs_url: &str, d: &diag::Diagnostic) -> Diagnostic {
    let range = |span| analysis.lines.range(&analysis.text, span);
    let mut message = d.message.clone();
    if !d.primary.message.is_empty() && d.primary.message != d.message {
        message = format!("{message}\n{}", d.primary.message);
    }
    if let Some(help) = &d.help {
        message = format!("{message}\nhelp: {help}");
    }
    let related: Vec<_> = d
        .secondary
        .iter()
        .map(|s| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), range(s.span)),
            message: s.message.clone(),
        })
        .collect();
    Diagnostic {
        range: range(d.primary.span),
        severity: Some(match d.severity {
            diag::Severity::Error => DiagnosticSeverity::ERROR,
            diag::Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.as_str().into())),
        code_description: format!("{docs_url}{}.md", d.code.as_str())
            .parse()
            .ok()
            .map(|href| CodeDescription { href }),
        source: Some("draftdec".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// Answers `request` from the analysis of its draft.
pub(crate) fn handle(
    request: Request,
    analysis_of: &dyn Fn(&Uri) -> Option<Arc<Analysis>>,
    docs_url: &str,
) -> Response {
    let open = |uri: &Uri| analysis_of(uri).ok_or_else(|| format!("{} is not open", uri.as_str()));
    let at = |p: &TextDocumentPositionParams| {
        open(&p.text_document.uri).map(|a| {
            let offset = a.lines.offset(&a.text, p.position);
            (a, offset)
        })
    };
    match request.method.as_str() {
        HoverRequest::METHOD => on::<HoverRequest>(request, |p: HoverParams| {
            let (a, offset) = at(&p.text_document_position_params)?;
            Ok(hover(&a, offset))
        }),
        GotoDefinition::METHOD => on::<GotoDefinition>(request, |p: GotoDefinitionParams| {
            let params = p.text_document_position_params;
            let (a, offset) = at(&params)?;
            let uri = params.text_document.uri;
            Ok(definition(&a, offset)
                .map(|span| GotoDefinitionResponse::Scalar(location(&a, &uri, span))))
        }),
        References::METHOD => on::<References>(request, |p: ReferenceParams| {
            let params = p.text_document_position;
            let (a, offset) = at(&params)?;
            let uri = params.text_document.uri;
            Ok(symbol_at(&a, offset).map(|symbol| {
                occurrences(&a, symbol, p.context.include_declaration)
                    .into_iter()
                    .map(|span| location(&a, &uri, span))
                    .collect()
            }))
        }),
        PrepareRenameRequest::METHOD => {
            on::<PrepareRenameRequest>(request, |p: TextDocumentPositionParams| {
                let (a, offset) = at(&p)?;
                Ok(symbol_at(&a, offset).map(|symbol| {
                    let (span, name) = under_cursor(&a, symbol, offset);
                    PrepareRenameResponse::RangeWithPlaceholder {
                        range: a.lines.range(&a.text, span),
                        placeholder: name,
                    }
                }))
            })
        }
        Rename::METHOD => on::<Rename>(request, |p: RenameParams| {
            let params = p.text_document_position;
            let (a, offset) = at(&params)?;
            rename(&a, &params.text_document.uri, offset, &p.new_name).map(Some)
        }),
        Completion::METHOD => on::<Completion>(request, |p: CompletionParams| {
            let (a, offset) = at(&p.text_document_position)?;
            Ok(Some(CompletionResponse::Array(super::complete::complete(
                &a, offset,
            ))))
        }),
        DocumentSymbolRequest::METHOD => {
            on::<DocumentSymbolRequest>(request, |p: DocumentSymbolParams| {
                let a = open(&p.text_document.uri)?;
                Ok(Some(DocumentSymbolResponse::Nested(outline(&a))))
            })
        }
        FoldingRangeRequest::METHOD => {
            on::<FoldingRangeRequest>(request, |p: FoldingRangeParams| {
                let a = open(&p.text_document.uri)?;
                Ok(Some(folding(&a)))
            })
        }
        Formatting::METHOD => on::<Formatting>(request, |p| {
            let a = open(&p.text_document.uri)?;
            formatting(&a).map(Some)
        }),
        CodeActionRequest::METHOD => on::<CodeActionRequest>(request, |p: CodeActionParams| {
            let a = open(&p.text_document.uri)?;
            Ok(Some(code_actions(
                &a,
                &p.text_document.uri,
                p.range,
                docs_url,
            )))
        }),
        _ => Response::new_err(
            request.id,
            ErrorCode::MethodNotFound as i32,
            format!("draftdec lsp does not answer {}", request.method),
        ),
    }
}

/// Reads the parameters of request `R`, answers with `f`'s result or its
/// message (a request the server cannot answer, such as one on a draft
/// that is not open).
fn on<R: LspRequest>(
    request: Request,
    f: impl FnOnce(R::Params) -> Result<R::Result, String>,
) -> Response {
    let id = request.id.clone();
    match request.extract::<R::Params>(R::METHOD) {
        Ok((id, params)) => match f(params) {
            Ok(result) => Response::new_ok(id, result),
            Err(message) => Response::new_err(id, ErrorCode::RequestFailed as i32, message),
        },
        Err(e) => Response::new_err(id, ErrorCode::InvalidParams as i32, format!("{e:?}")),
    }
}

fn location(a: &Analysis, uri: &Uri, span: Span) -> Location {
    Location::new(uri.clone(), a.lines.range(&a.text, span))
}

fn contains(span: Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}

/// Something with a definition and references.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Symbol {
    /// A label, by the span of its definition.
    Label(Span),
    /// A footnote, by its position in `Document::footnotes`.
    Footnote(usize),
}

/// The label or footnote under the cursor: at its definition or at a
/// reference to it.
fn symbol_at(a: &Analysis, offset: usize) -> Option<Symbol> {
    let index = &a.index;
    if let Some(def) = index.labels.iter().find(|d| contains(d.label.span, offset)) {
        return Some(Symbol::Label(def.label.span));
    }
    if let Some(target) = index
        .cross_refs
        .iter()
        .find(|r| contains(r.span, offset))
        .and_then(|r| r.target.as_ref())
    {
        return Some(Symbol::Label(target.label_span));
    }
    if let Some(id) = index
        .footnote_refs
        .iter()
        .find(|r| contains(r.span, offset) && r.label.is_some())
        .and_then(|r| r.id)
    {
        return Some(Symbol::Footnote(id));
    }
    a.document()
        .footnotes
        .iter()
        .position(|f| f.label.as_ref().is_some_and(|l| contains(l.span, offset)))
        .map(Symbol::Footnote)
}

/// The spans of a symbol's name: the definition (if asked) and every
/// reference, in source order.
fn occurrences(a: &Analysis, symbol: Symbol, declaration: bool) -> Vec<Span> {
    let index = &a.index;
    let (definition, references): (Option<Span>, Vec<Span>) = match symbol {
        Symbol::Label(span) => (
            Some(span),
            index
                .cross_refs
                .iter()
                .filter(|r| r.target.as_ref().is_some_and(|t| t.label_span == span))
                .map(|r| r.label.span)
                .collect(),
        ),
        Symbol::Footnote(id) => (
            footnote_label(a, id),
            index
                .footnote_refs
                .iter()
                .filter(|r| r.id == Some(id))
                .filter_map(|r| r.label.as_ref().map(|l| l.span))
                .collect(),
        ),
    };
    let mut spans: Vec<Span> = definition.filter(|_| declaration).into_iter().collect();
    spans.extend(references);
    spans.sort_by_key(|s| s.start);
    spans
}

/// The name of a named footnote where it is defined (`^name:`).
fn footnote_label(a: &Analysis, id: usize) -> Option<Span> {
    a.document()
        .footnotes
        .get(id)?
        .label
        .as_ref()
        .map(|l| l.span)
}

/// The occurrence of `symbol` under the cursor and the name written there.
fn under_cursor(a: &Analysis, symbol: Symbol, offset: usize) -> (Span, String) {
    let span = occurrences(a, symbol, true)
        .into_iter()
        .find(|s| contains(*s, offset))
        .unwrap_or_default();
    (span, a.text[span.start..span.end].to_string())
}

fn definition(a: &Analysis, offset: usize) -> Option<Span> {
    match symbol_at(a, offset)? {
        Symbol::Label(span) => Some(span),
        Symbol::Footnote(id) => footnote_label(a, id),
    }
}

/// Whether `name` may be written as a label: a letter or digit, then
/// letters, digits, marks, `_` and `-` (`label_name` in the grammar).
fn is_label(name: &str) -> bool {
    use unicode_normalization::char::is_combining_mark;
    let mut chars = name.chars();
    chars.next().is_some_and(char::is_alphanumeric)
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '-' || is_combining_mark(c))
}

/// Renames a label or a named footnote at its definition and every
/// reference; refuses a name the grammar would not read as a label, or
/// one another label (or footnote) already has.
fn rename(a: &Analysis, uri: &Uri, offset: usize, new_name: &str) -> Result<WorkspaceEdit, String> {
    let symbol = symbol_at(a, offset)
        .ok_or("only a label or a named footnote can be renamed here".to_string())?;
    if !is_label(new_name) {
        return Err(format!(
            "`{new_name}` is not a label: it starts with a letter or digit and has only \
             letters, digits, `-` and `_`"
        ));
    }
    let taken = match symbol {
        Symbol::Label(_) => a.index.labels.iter().any(|d| d.label.name == new_name),
        Symbol::Footnote(_) => a
            .document()
            .footnotes
            .iter()
            .any(|f| f.label.as_ref().is_some_and(|l| l.name == new_name)),
    };
    if taken {
        return Err(format!("`{new_name}` is already defined in this draft"));
    }
    let edits = occurrences(a, symbol, true)
        .into_iter()
        .map(|span| TextEdit::new(a.lines.range(&a.text, span), new_name.to_string()))
        .collect();
    Ok(WorkspaceEdit::new(HashMap::from([(uri.clone(), edits)])))
}

fn markdown(value: String, range: Option<Range>) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range,
    }
}

/// What a label's node is, as a reference prints it, and its first words.
fn describe_label(a: &Analysis, def: &LabelDef) -> String {
    let printed = a.index.printed(def).unwrap_or(&def.what);
    let uses = occurrences(a, Symbol::Label(def.label.span), false).len();
    format!(
        "**{printed}** ({})\n\n> {}\n\nreferenced {uses} time{}",
        def.what,
        def.first_words,
        if uses == 1 { "" } else { "s" }
    )
}

fn footnote_text(a: &Analysis, id: usize) -> String {
    let Some(footnote) = a.document().footnotes.get(id) else {
        return String::new();
    };
    let number = footnote
        .number
        .map_or("never referenced".to_string(), |n| n.to_string());
    format!(
        "**Footnote {number}**\n\n> {}",
        plain_text(&footnote.content)
    )
}

/// Hover: a reference's printed text and its target's first words; a
/// label's node; a footnote's number and text; what the symbol of a
/// decision or document says; the lexicon entry of opening words.
fn hover(a: &Analysis, offset: usize) -> Option<Hover> {
    let index = &a.index;
    let range = |span| Some(a.lines.range(&a.text, span));
    if let Some(r) = index.cross_refs.iter().find(|r| contains(r.span, offset)) {
        let text = match (
            &r.target,
            index
                .labels
                .iter()
                .find(|d| Some(d.label.span) == r.target.as_ref().map(|t| t.label_span)),
        ) {
            (Some(target), Some(def)) => format!("**{}**\n\n> {}", target.text, def.first_words),
            (Some(target), None) => format!("**{}**", target.text),
            (None, _) => format!("no label `{}` in this draft", r.label.name),
        };
        return Some(markdown(text, range(r.span)));
    }
    if let Some(def) = index.labels.iter().find(|d| contains(d.label.span, offset)) {
        return Some(markdown(describe_label(a, def), range(def.label.span)));
    }
    if let Some(r) = index
        .footnote_refs
        .iter()
        .find(|r| contains(r.span, offset))
    {
        let text = r.id.map_or_else(
            || {
                format!(
                    "no footnote `{}` in this draft",
                    r.label.as_ref().map_or("", |l| l.name.as_str())
                )
            },
            |id| footnote_text(a, id),
        );
        return Some(markdown(text, range(r.span)));
    }
    if let Some(id) = a.document().footnotes.iter().position(|f| {
        f.origin == FootnoteOrigin::Named
            && f.label.as_ref().is_some_and(|l| contains(l.span, offset))
    }) {
        return Some(markdown(
            footnote_text(a, id),
            range(footnote_label(a, id)?),
        ));
    }
    if let Some(r) = index
        .decision_refs
        .iter()
        .find(|r| contains(r.span, offset))
    {
        let mut text = format!("**Decision {}**", r.symbol);
        text.push_str(&format!("\n\n- convention: {}", r.convention));
        if let Some(meeting) = r.meeting {
            let kind = if r.extraordinary {
                "extraordinary meeting"
            } else {
                "meeting"
            };
            text.push_str(&format!("\n- {kind}: {meeting}"));
        }
        match r.number {
            Some(n) => text.push_str(&format!("\n- decision number: {n}")),
            None => text.push_str("\n- not yet numbered"),
        }
        return Some(markdown(text, range(r.span)));
    }
    if let Some(r) = index
        .document_refs
        .iter()
        .find(|r| contains(r.span, offset))
    {
        let own = a
            .document()
            .meta
            .symbol
            .as_ref()
            .is_some_and(|s| s.text == r.symbol);
        let text = format!(
            "**Document {}**{}",
            r.symbol,
            if own {
                "\n\nthis document's own symbol"
            } else {
                ""
            }
        );
        return Some(markdown(text, range(r.span)));
    }
    let at = index
        .openings
        .iter()
        .find(|o| contains(o.opening.span, offset))?;
    let lang = a.document().language;
    let kind = if at.preambular {
        "preambular"
    } else {
        "operative"
    };
    let lexicon = draftdec::lexicon(lang);
    let list = if at.preambular {
        lexicon.preambular
    } else {
        lexicon.operative
    };
    let text = &at.opening.text;
    let entry = list
        .iter()
        .filter(|e| text.to_lowercase().contains(&e.to_lowercase()))
        .max_by_key(|e| e.len());
    let source = match (at.opening.source, entry) {
        (draftdec::ast::OpeningSource::Lexicon, Some(entry)) => format!(
            "{kind} opening words; lexicon entry *{entry}* ({}, {} entries)",
            lang.code(),
            list.len()
        ),
        (draftdec::ast::OpeningSource::Lexicon, None) => {
            format!("{kind} opening words from the {} lexicon", lang.code())
        }
        (draftdec::ast::OpeningSource::Marked, _) => format!(
            "{kind} opening words marked by the drafter (`*…*`), not in the {} lexicon",
            lang.code()
        ),
    };
    Some(markdown(
        format!("**{text}**\n\n{source}"),
        range(at.opening.span),
    ))
}

/// The outline: sections, decisions, annexes, numbered paragraphs.
fn outline(a: &Analysis) -> Vec<DocumentSymbol> {
    fn convert(a: &Analysis, node: &super::analysis::OutlineNode) -> DocumentSymbol {
        let children: Vec<_> = node.children.iter().map(|c| convert(a, c)).collect();
        let name = if node.name.trim().is_empty() {
            first_words(&a.text[node.span.start..node.span.end])
        } else {
            node.name.clone()
        };
        #[allow(deprecated)] // `deprecated` is a required field of the type
        DocumentSymbol {
            name,
            detail: None,
            kind: node.kind,
            tags: None,
            deprecated: None,
            range: a.lines.range(&a.text, trimmed(a, node.span)),
            selection_range: a.lines.range(&a.text, node.selection),
            children: (!children.is_empty()).then_some(children),
        }
    }
    a.index.outline.iter().map(|n| convert(a, n)).collect()
}

/// A span without the white space (and line break) it ends with.
fn trimmed(a: &Analysis, span: Span) -> Span {
    let text = &a.text[span.start..span.end.min(a.text.len())];
    Span::new(span.start, span.start + text.trim_end().len())
}

/// Folding: the metadata block, every section, decision, annex and
/// numbered paragraph that spans lines, and runs of comment lines.
fn folding(a: &Analysis) -> Vec<FoldingRange> {
    let mut ranges = Vec::new();
    let mut add = |span: Span, kind: Option<FoldingRangeKind>| {
        let span = trimmed(a, span);
        let start = a.lines.position(&a.text, span.start).line;
        let end = a.lines.position(&a.text, span.end).line;
        if end > start {
            ranges.push(FoldingRange {
                start_line: start,
                start_character: None,
                end_line: end,
                end_character: None,
                kind,
                collapsed_text: None,
            });
        }
    };
    if let Some(span) = a.index.masthead {
        add(span, Some(FoldingRangeKind::Imports));
    }
    fn walk(
        nodes: &[super::analysis::OutlineNode],
        add: &mut dyn FnMut(Span, Option<FoldingRangeKind>),
    ) {
        for node in nodes {
            add(node.span, Some(FoldingRangeKind::Region));
            walk(&node.children, add);
        }
    }
    walk(&a.index.outline, &mut add);
    let mut run: Option<Span> = None;
    for comment in &a.compiled.comments {
        run = match run {
            // Comments on consecutive lines make one run.
            Some(r) if a.text[r.end..comment.span.start].trim().is_empty() => {
                Some(r.to(comment.span))
            }
            Some(r) => {
                add(r, Some(FoldingRangeKind::Comment));
                Some(comment.span)
            }
            None => Some(comment.span),
        };
    }
    if let Some(r) = run {
        add(r, Some(FoldingRangeKind::Comment));
    }
    ranges.sort_by_key(|r| (r.start_line, std::cmp::Reverse(r.end_line)));
    ranges
}

/// The canonical formatter's result as the few edits that make it: the
/// lines that differ, so that the cursor and folds elsewhere stay put.
fn formatting(a: &Analysis) -> Result<Vec<TextEdit>, String> {
    let source =
        draftdec::decode(a.text.as_bytes()).map_err(|_| "the draft is not UTF-8".to_string())?;
    let formatted = draftdec::fmt::format(&source).map_err(|e| e.to_string())?;
    let old: Vec<&str> = a.text.split_inclusive('\n').collect();
    let new: Vec<&str> = formatted.split_inclusive('\n').collect();
    let starts: Vec<usize> = std::iter::once(0)
        .chain(old.iter().scan(0, |at, line| {
            *at += line.len();
            Some(*at)
        }))
        .collect();
    let mut edits = Vec::new();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &old, &new) {
        let (old_range, new_range) = (op.old_range(), op.new_range());
        if matches!(op, similar::DiffOp::Equal { .. }) {
            continue;
        }
        let span = Span::new(starts[old_range.start], starts[old_range.end]);
        edits.push(TextEdit::new(
            a.lines.range(&a.text, span),
            new[new_range].concat(),
        ));
    }
    Ok(edits)
}

/// A code action for each diagnostic with a fix in `range`: a quick fix,
/// preferred (what an editor applies unasked) only when the fix is safe;
/// and one action that applies every safe fix of the draft.
fn code_actions(a: &Analysis, uri: &Uri, range: Range, docs_url: &str) -> Vec<CodeActionOrCommand> {
    let wanted = a.lines.span(&a.text, range);
    let overlaps = |s: Span| s.start <= wanted.end && wanted.start <= s.end;
    let edit = |fixes: Vec<&diag::Fix>| {
        let edits = fixes
            .into_iter()
            .map(|fix| TextEdit::new(a.lines.range(&a.text, fix.span), fix.replacement.clone()))
            .collect();
        WorkspaceEdit::new(HashMap::from([(uri.clone(), edits)]))
    };
    let mut actions = Vec::new();
    for d in &a.compiled.diagnostics {
        let Some(fix) = &d.fix else { continue };
        if !overlaps(d.primary.span) && !overlaps(fix.span) {
            continue;
        }
        let safe = fix.applicability == Applicability::Safe;
        let what = if fix.replacement.is_empty() {
            format!("delete `{}`", &a.text[fix.span.start..fix.span.end])
        } else {
            format!("write `{}`", fix.replacement)
        };
        let title = format!(
            "{}: {what}{}",
            d.code.as_str(),
            if safe { "" } else { " (needs review)" }
        );
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title,
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic(a, uri, docs_url, d)]),
            edit: Some(edit(vec![fix])),
            is_preferred: Some(safe),
            ..CodeAction::default()
        }));
    }
    // Every safe fix at once, keeping the first of fixes that overlap.
    let mut safe: Vec<&diag::Fix> = Vec::new();
    for fix in a.compiled.diagnostics.iter().filter_map(|d| d.fix.as_ref()) {
        let clear = safe
            .iter()
            .all(|f| f.span.end <= fix.span.start || fix.span.end <= f.span.start);
        if fix.applicability == Applicability::Safe && clear {
            safe.push(fix);
        }
    }
    if !safe.is_empty() {
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: format!("Apply every safe fix ({})", safe.len()),
            kind: Some(CodeActionKind::SOURCE_FIX_ALL),
            edit: Some(edit(safe)),
            ..CodeAction::default()
        }));
    }
    actions
}

/// Completion items share this shape: a label replacing `span`.
pub(crate) fn item(
    a: &Analysis,
    span: Span,
    label: &str,
    insert: String,
    kind: CompletionItemKind,
    detail: String,
    documentation: Option<String>,
) -> CompletionItem {
    CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail: Some(detail),
        documentation: documentation.map(|value| {
            Documentation::MarkupContent(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            })
        }),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
            a.lines.range(&a.text, span),
            insert,
        ))),
        ..CompletionItem::default()
    }
}

/// The position's line start, as a byte offset.
pub(crate) fn line_start(a: &Analysis, offset: usize) -> usize {
    let line = a.lines.position(&a.text, offset).line;
    a.lines.offset(&a.text, Position::new(line, 0))
}
