//! Turns `Diagnostic`s into text for people and tools.
//!
//! One visual style: codespan-reporting draws the rustc-style (`human`) and
//! `file:line:col` (`short`) forms. miette is used only for what codespan
//! lacks, the screen-reader (`narratable`) form. Neither writes JSON with
//! lines and columns, so the `json` form is draftdec's own.
//!
//! Everything is written into strings: the library does no I/O, and whether
//! to colour is the caller's decision (only the command, `src/cli/`, knows about terminals).

use std::fmt;
use std::ops::Range;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::{self, Files};
use codespan_reporting::term::{self, Config, DisplayStyle, termcolor};
use serde::Serialize;

use super::excerpt::{self, Excerpt, visible};
use super::{Applicability, Code, Diagnostic, Severity};
use crate::ast::Span;

/// The output formats of `draftdec check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Short,
    Json,
    Narratable,
}

/// Where lines start in a source file, so that byte offsets become 1-based
/// lines and columns. A line ends at `\n`, `\r\n` or a lone `\r` (old Mac
/// files and some copy-pastes from word processors). A leading byte-order
/// mark is not part of line 1: editors do not count it as a column.
#[derive(Clone, Debug)]
pub(crate) struct LineIndex {
    starts: Vec<usize>,
    /// Every `CHECKPOINT` bytes (on a character boundary), the offset and
    /// the number of characters since its line's start: a column is then
    /// counted over at most that many bytes, so many diagnostics on one
    /// long line cost linear time, not quadratic.
    checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT: usize = 1024;

/// A 1-based line and column; the column counts Unicode scalar values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct Position {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        let bytes = source.as_bytes();
        let first = if source.starts_with('\u{FEFF}') {
            '\u{FEFF}'.len_utf8()
        } else {
            0
        };
        let mut starts = vec![first];
        let mut checkpoints = Vec::new();
        let mut chars = 0;
        let mut next = CHECKPOINT;
        for (i, &b) in bytes.iter().enumerate() {
            if i >= next && source.is_char_boundary(i) {
                checkpoints.push((i, chars));
                next = i + CHECKPOINT;
            }
            // A UTF-8 continuation byte starts no character.
            if b & 0xC0 != 0x80 && i >= first {
                chars += 1;
            }
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends_line {
                starts.push(i + 1);
                chars = 0;
            }
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// The bytes of 0-based line `line`, its line break included.
    pub fn range(&self, line: usize, len: usize) -> Range<usize> {
        let start = self.start_of(line, len).unwrap_or(len);
        start..self.start_of(line + 1, len).unwrap_or(len)
    }

    /// The 0-based line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// The byte where 0-based line `line` starts; the file's length for the
    /// line after the last, as codespan expects.
    fn start_of(&self, line: usize, len: usize) -> Option<usize> {
        match line.cmp(&self.starts.len()) {
            std::cmp::Ordering::Less => self.starts.get(line).copied(),
            std::cmp::Ordering::Equal => Some(len),
            std::cmp::Ordering::Greater => None,
        }
    }

    /// The 1-based line and column of `offset` in `source`. Offsets past
    /// the end or inside a character are moved to the nearest boundary
    /// before them, so a wrong span never makes the renderer fail.
    pub fn position(&self, source: &str, offset: usize) -> Position {
        let offset = floor_boundary(source, offset);
        let line = self.line_of(offset);
        let start = self.starts.get(line).copied().unwrap_or(0).min(offset);
        let i = self.checkpoints.partition_point(|&(at, _)| at <= offset);
        let (from, before) = match i.checked_sub(1).map(|i| self.checkpoints[i]) {
            Some((at, chars)) if at >= start => (at, chars),
            _ => (start, 0),
        };
        Position {
            line: line + 1,
            column: before
                + source
                    .get(from..offset)
                    .map_or(0, |text| text.chars().count())
                + 1,
        }
    }
}

fn floor_boundary(source: &str, offset: usize) -> usize {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn ceil_boundary(source: &str, offset: usize) -> usize {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

/// `span` as a valid range of `source`. Stages should never produce a span
/// outside the file or inside a character, but a renderer that panicked or
/// dropped a diagnostic because of one would hide the real problem.
fn clamp(source: &str, span: Span) -> Range<usize> {
    let start = floor_boundary(source, span.start);
    let end = ceil_boundary(source, span.end.max(start));
    start..end
}

/// One source file as codespan sees it, with draftdec's line rules.
struct SourceFile<'a> {
    name: &'a str,
    source: &'a str,
    lines: LineIndex,
}

impl<'a> Files<'a> for SourceFile<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.source)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, files::Error> {
        Ok(self.lines.line_of(byte_index))
    }

    fn column_number(
        &'a self,
        (): (),
        _line_index: usize,
        byte_index: usize,
    ) -> Result<usize, files::Error> {
        Ok(self.lines.position(self.source, byte_index).column)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, files::Error> {
        let len = self.source.len();
        let max = self.lines.starts.len().saturating_sub(1);
        let too_large = files::Error::LineTooLarge {
            given: line_index,
            max,
        };
        let start = self.lines.start_of(line_index, len).ok_or(too_large)?;
        let end = self
            .lines
            .start_of(line_index + 1, len)
            .ok_or(files::Error::LineTooLarge {
                given: line_index + 1,
                max,
            })?;
        Ok(start..end)
    }
}

/// The suggested edit in words, after how sure it is: "safe fix: replace
/// `;` with `.`", "suggested fix (needs review): insert `-`". The human and
/// narratable forms print the same line, so a listener hears what a reader
/// sees.
fn fix_text(source: &str, diag: &Diagnostic) -> Option<String> {
    let fix = diag.fix.as_ref()?;
    let range = clamp(source, fix.span);
    let old = &source[range.clone()];
    let edit = if range.is_empty() {
        format!("insert `{}`", fix.replacement)
    } else if fix.replacement.is_empty() {
        format!("remove `{old}`")
    } else {
        format!("replace `{old}` with `{}`", fix.replacement)
    };
    let kind = match fix.applicability {
        Applicability::Safe => "safe fix",
        Applicability::NeedsReview => "suggested fix (needs review)",
    };
    Some(format!("{kind}: {edit}"))
}

/// The notes printed under a diagnostic: its help, then its fix.
fn notes(source: &str, diag: &Diagnostic) -> Vec<String> {
    diag.help
        .iter()
        .map(|help| format!("help: {help}"))
        .chain(fix_text(source, diag))
        .collect()
}

/// `diag` for codespan, its spans placed by `place` (the file itself, or an
/// excerpt of it) and every text shown with control characters visible.
fn to_codespan(
    source: &str,
    diag: &Diagnostic,
    place: &dyn Fn(Range<usize>) -> Range<usize>,
) -> CsDiagnostic<()> {
    let severity = match diag.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
    };
    let label = |span: Span| place(clamp(source, span));
    let mut labels = vec![
        Label::primary((), label(diag.primary.span)).with_message(visible(&diag.primary.message)),
    ];
    labels.extend(
        diag.secondary
            .iter()
            .map(|s| Label::secondary((), label(s.span)).with_message(visible(&s.message))),
    );
    CsDiagnostic::new(severity)
        .with_code(diag.code.as_str())
        .with_message(visible(&diag.message))
        .with_labels(labels)
        .with_notes(notes(source, diag).iter().map(|n| visible(n)).collect())
}

fn codespan(
    name: &str,
    source: &str,
    diags: &[Diagnostic],
    style: DisplayStyle,
    color: bool,
) -> String {
    let name = visible(name);
    let file = SourceFile {
        name: &name,
        source,
        lines: LineIndex::new(source),
    };
    let config = Config {
        display_style: style,
        ..Config::default()
    };
    let mut buffer = if color {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    for diag in diags {
        let spans: Vec<Range<usize>> = std::iter::once(diag.primary.span)
            .chain(diag.secondary.iter().map(|s| s.span))
            .map(|s| clamp(source, s))
            .collect();
        // Long lines and control characters are printed through an excerpt;
        // everything else as codespan prints a file.
        let emitted = if excerpt::needed(source, &file.lines, &spans) {
            let part = Excerpt::new(&name, source, &file.lines, &spans);
            let cs = to_codespan(source, diag, &|r| part.map_range(r));
            term::emit_to_write_style(&mut buffer, &config, &part, &cs)
        } else {
            let cs = to_codespan(source, diag, &|r| r);
            term::emit_to_write_style(&mut buffer, &config, &file, &cs)
        };
        if emitted.is_err() {
            // Spans are clamped, so this is not expected; still, a
            // diagnostic must never be lost, so fall back to one plain line.
            let at = file.lines.position(source, diag.primary.span.start);
            let line = format!(
                "{name}:{}:{}: {}[{}]: {}\n",
                at.line,
                at.column,
                severity_word(diag.severity),
                diag.code,
                visible(&diag.message)
            );
            let _ = std::io::Write::write_all(&mut buffer, line.as_bytes());
        }
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The rustc-style form: header with code, the source lines with the
/// primary and secondary spans underlined and labelled, then help notes.
pub fn human(name: &str, source: &str, diags: &[Diagnostic], color: bool) -> String {
    codespan(name, source, diags, DisplayStyle::Rich, color)
}

/// One line per diagnostic: `file:line:col: error[E0102]: message`.
pub fn short(name: &str, source: &str, diags: &[Diagnostic], color: bool) -> String {
    codespan(name, source, diags, DisplayStyle::Short, color)
}

/// A span in the JSON form: byte offsets (`end` exclusive) and the 1-based
/// line and column of both ends (the end is the position just after the
/// last character).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonSpan {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonLabel {
    #[serde(flatten)]
    pub span: JsonSpan,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonFix {
    #[serde(flatten)]
    pub span: JsonSpan,
    pub replacement: String,
    /// `safe` or `needs_review`.
    pub applicability: Applicability,
}

/// One diagnostic in the JSON form of `draftdec check --format json`
/// (documented in `docs/cli.md`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct JsonDiagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub file: String,
    pub primary: JsonLabel,
    pub secondary: Vec<JsonLabel>,
    pub help: Option<String>,
    pub fix: Option<JsonFix>,
}

/// The JSON records of one file's diagnostics. `draftdec check` joins the
/// records of every file into one array.
pub fn json_records(name: &str, source: &str, diags: &[Diagnostic]) -> Vec<JsonDiagnostic> {
    let lines = LineIndex::new(source);
    let span = |span: Span| {
        let range = clamp(source, span);
        let from = lines.position(source, range.start);
        let to = lines.position(source, range.end);
        JsonSpan {
            start: range.start,
            end: range.end,
            line: from.line,
            column: from.column,
            end_line: to.line,
            end_column: to.column,
        }
    };
    diags
        .iter()
        .map(|d| JsonDiagnostic {
            code: d.code,
            severity: d.severity,
            message: d.message.clone(),
            file: name.to_string(),
            primary: JsonLabel {
                span: span(d.primary.span),
                label: d.primary.message.clone(),
            },
            secondary: d
                .secondary
                .iter()
                .map(|s| JsonLabel {
                    span: span(s.span),
                    label: s.message.clone(),
                })
                .collect(),
            help: d.help.clone(),
            fix: d.fix.as_ref().map(|f| JsonFix {
                span: span(f.span),
                replacement: f.replacement.clone(),
                applicability: f.applicability,
            }),
        })
        .collect()
}

/// Records as a pretty-printed JSON array, with a final newline.
pub fn json_array(records: &[JsonDiagnostic]) -> String {
    // Serialising plain structs of strings and integers cannot fail; an
    // empty array is still valid output if it somehow did.
    let mut out = serde_json::to_string_pretty(records).unwrap_or_else(|_| "[]".to_string());
    out.push('\n');
    out
}

/// One file's diagnostics as a JSON array.
pub fn json(name: &str, source: &str, diags: &[Diagnostic]) -> String {
    json_array(&json_records(name, source, diags))
}

/// A draftdec diagnostic as miette sees it.
struct Narrated<'a> {
    diag: &'a Diagnostic,
    source: &'a miette::NamedSource<String>,
    spans: Vec<(Range<usize>, Option<String>, bool)>,
    help: Option<String>,
}

impl fmt::Display for Narrated<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&visible(&self.diag.message))
    }
}

impl fmt::Debug for Narrated<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diag, f)
    }
}

impl std::error::Error for Narrated<'_> {}

impl miette::Diagnostic for Narrated<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.diag.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diag.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display + 'b>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        Some(Box::new(self.spans.iter().map(
            |(range, label, primary)| {
                let span = (range.start, range.len());
                if *primary {
                    miette::LabeledSpan::new_primary_with_span(label.clone(), span)
                } else {
                    miette::LabeledSpan::new_with_span(label.clone(), span)
                }
            },
        )))
    }
}

/// The screen-reader form (miette's narratable handler): plain sentences,
/// no drawing characters, every position spelt out as line and column.
pub fn narratable(name: &str, source: &str, diags: &[Diagnostic]) -> String {
    // miette breaks lines at `\n` and `\r\n` only; a lone `\r` becomes `\n`
    // (same length, so byte offsets stay valid) to agree with `LineIndex`.
    // Control characters are spoken as their pictures (`␛`), never sent to
    // the terminal; `shifts` moves offsets past each longer picture.
    let bytes = source.as_bytes();
    let mut shifts: Vec<(usize, usize)> = Vec::new();
    let mut added = 0;
    let normalised: String = source
        .char_indices()
        .map(|(i, c)| {
            if c == '\r' && bytes.get(i + 1) != Some(&b'\n') {
                return '\n';
            }
            match excerpt::picture(c).filter(|_| c != '\n' && c != '\r') {
                Some(p) => {
                    added += p.len_utf8() - c.len_utf8();
                    shifts.push((i + c.len_utf8(), added));
                    p
                }
                None => c,
            }
        })
        .collect();
    let shift = |o: usize| {
        let k = shifts.partition_point(|&(at, _)| at <= o);
        o + k.checked_sub(1).map_or(0, |k| shifts[k].1)
    };
    let moved = |r: Range<usize>| shift(r.start)..shift(r.end);
    let named = miette::NamedSource::new(visible(name), normalised);
    let handler = miette::NarratableReportHandler::new();
    let lines = LineIndex::new(source);
    let mut out = String::new();
    for diag in diags {
        let label = |m: &str| (!m.is_empty()).then(|| m.to_string());
        let mut spans = vec![(
            moved(clamp(source, diag.primary.span)),
            label(&visible(&diag.primary.message)),
            true,
        )];
        spans.extend(diag.secondary.iter().map(|s| {
            (
                moved(clamp(source, s.span)),
                label(&visible(&s.message)),
                false,
            )
        }));
        // miette has one help slot; the fix goes on its own, named line
        // so that a listener can tell advice from edit.
        let help = match (diag.help.as_deref().map(visible), fix_text(source, diag)) {
            (Some(help), Some(fix)) => Some(format!("{help}\n{}", visible(&fix))),
            (Some(help), None) => Some(help),
            (None, Some(fix)) => Some(visible(&fix)),
            (None, None) => None,
        };
        let narrated = Narrated {
            diag,
            source: &named,
            spans,
            help,
        };
        let mut one = String::new();
        if handler.render_report(&mut one, &narrated).is_err() {
            // miette could not read a span; say where the problem is in
            // words rather than lose the diagnostic.
            let at = lines.position(source, diag.primary.span.start);
            one = format!(
                "{}\n    Diagnostic severity: {}\nAt {}, line {}, column {}.\ndiagnostic code: {}\n",
                visible(&diag.message),
                severity_word(diag.severity),
                visible(name),
                at.line,
                at.column,
                diag.code
            );
        }
        out.push_str(&one);
        out.push('\n');
    }
    out
}

/// One file's diagnostics in `format`.
pub fn render(
    format: Format,
    name: &str,
    source: &str,
    diags: &[Diagnostic],
    color: bool,
) -> String {
    match format {
        Format::Human => human(name, source, diags, color),
        Format::Short => short(name, source, diags, color),
        Format::Json => json(name, source, diags),
        Format::Narratable => narratable(name, source, diags),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "title: Test\n\n4. <op> Requests @op-cop;\n";

    fn unknown_label() -> Diagnostic {
        Diagnostic::new(Code::E0102, Span::new(30, 37), "unknown label `op-cop`")
            .label("no paragraph has this label")
            .secondary(Span::new(16, 20), "a similar label is defined here")
            .help("did you mean `op`?")
            .fix(Span::new(31, 37), "op", Applicability::NeedsReview)
    }

    fn missing_full_stop() -> Diagnostic {
        Diagnostic::new(
            Code::W0203,
            Span::new(37, 38),
            "last operative paragraph does not end with a full stop",
        )
        .label("ends with a semicolon")
        .fix(Span::new(37, 38), ".", Applicability::Safe)
    }

    #[test]
    fn line_index_handles_lf_crlf_and_lone_cr() {
        let src = "a\nb\r\nc\rd";
        let lines = LineIndex::new(src);
        let at = |o| lines.position(src, o);
        assert_eq!(at(0), Position { line: 1, column: 1 });
        assert_eq!(at(2), Position { line: 2, column: 1 });
        assert_eq!(at(3), Position { line: 2, column: 2 });
        assert_eq!(at(5), Position { line: 3, column: 1 });
        assert_eq!(at(7), Position { line: 4, column: 1 });
        assert_eq!(at(8), Position { line: 4, column: 2 });
    }

    #[test]
    fn columns_count_scalar_values_and_skip_the_bom() {
        let src = "\u{FEFF}ab\nпункт @x";
        let lines = LineIndex::new(src);
        assert_eq!(lines.position(src, 3), Position { line: 1, column: 1 });
        let at = src.find('@').unwrap_or_default();
        assert_eq!(lines.position(src, at), Position { line: 2, column: 7 });
        // Inside a two-byte letter: reported at the letter's start.
        assert_eq!(lines.position(src, 7), Position { line: 2, column: 1 });
    }

    #[test]
    fn short_form() {
        let out = short(
            "x.draft",
            SRC,
            &[unknown_label(), missing_full_stop()],
            false,
        );
        assert_eq!(
            out,
            "x.draft:3:18: error[E0102]: unknown label `op-cop`\n\
             x.draft:3:25: warning[W0203]: last operative paragraph does not end with a full stop\n"
        );
    }

    #[test]
    fn human_form_has_labels_help_and_fix() {
        let out = human(
            "x.draft",
            SRC,
            &[unknown_label(), missing_full_stop()],
            false,
        );
        assert!(!out.contains('\u{1b}'), "no colour requested: {out}");
        for needle in [
            "error[E0102]: unknown label `op-cop`",
            "┌─ x.draft:3:18",
            "no paragraph has this label",
            "a similar label is defined here",
            "= help: did you mean `op`?",
            "warning[W0203]",
            "= suggested fix (needs review): replace `op-cop` with `op`",
            "= safe fix: replace `;` with `.`",
        ] {
            assert!(out.contains(needle), "missing {needle:?} in\n{out}");
        }
        let coloured = human("x.draft", SRC, &[unknown_label()], true);
        assert!(coloured.contains("\u{1b}["), "colour requested: {coloured}");
    }

    #[test]
    fn json_form() {
        let out = json("x.draft", SRC, &[unknown_label(), missing_full_stop()]);
        let value: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
        assert_eq!(value[0]["code"], "E0102");
        assert_eq!(value[0]["severity"], "error");
        assert_eq!(value[0]["file"], "x.draft");
        assert_eq!(value[0]["primary"]["start"], 30);
        assert_eq!(value[0]["primary"]["line"], 3);
        assert_eq!(value[0]["primary"]["column"], 18);
        assert_eq!(value[0]["primary"]["end_column"], 25);
        assert_eq!(value[0]["secondary"][0]["column"], 4);
        assert_eq!(
            value[0]["secondary"][0]["label"],
            "a similar label is defined here"
        );
        assert_eq!(value[0]["help"], "did you mean `op`?");
        assert_eq!(value[0]["fix"]["replacement"], "op");
        assert_eq!(value[0]["fix"]["applicability"], "needs_review");
        assert_eq!(value[1]["severity"], "warning");
        assert_eq!(value[1]["fix"]["replacement"], ".");
        assert_eq!(value[1]["fix"]["column"], 25);
        assert_eq!(value[1]["fix"]["applicability"], "safe");
        let empty = json("x.draft", SRC, &[]);
        assert_eq!(empty, "[]\n");
    }

    #[test]
    fn narratable_form() {
        let out = narratable("x.draft", SRC, &[unknown_label()]);
        for needle in [
            "unknown label `op-cop`",
            "Diagnostic severity: error",
            "Begin snippet for x.draft starting at line 2",
            "label at line 3, columns 18 to 24: no paragraph has this label",
            "diagnostic help: did you mean `op`?",
            "suggested fix (needs review): replace `op-cop` with `op`",
            "diagnostic code: E0102",
        ] {
            assert!(out.contains(needle), "missing {needle:?} in\n{out}");
        }
    }

    #[test]
    fn lone_cr_sources_render_on_the_right_line() {
        let src = SRC.replace('\n', "\r");
        let diags = [unknown_label()];
        assert!(short("x.draft", &src, &diags, false).starts_with("x.draft:3:18:"));
        assert!(human("x.draft", &src, &diags, false).contains("3 │ 4. <op> Requests @op-cop;"));
        assert!(narratable("x.draft", &src, &diags).contains("columns 18 to 24"));
    }

    #[test]
    fn bad_spans_do_not_panic() {
        let src = "пункт";
        let diag = Diagnostic::new(Code::E0001, Span::new(1, 99), "broken span");
        for format in [
            Format::Human,
            Format::Short,
            Format::Json,
            Format::Narratable,
        ] {
            assert!(
                render(format, "x.draft", src, std::slice::from_ref(&diag), false)
                    .contains("broken span")
            );
        }
        let empty = Diagnostic::new(Code::E0001, Span::new(0, 0), "empty file");
        assert!(human("x.draft", "", &[empty], false).contains("empty file"));
    }
}
