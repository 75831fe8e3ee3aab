//! The part of a source file printed under one diagnostic.
//!
//! codespan-reporting prints each labelled line whole and as it is. A draft
//! whose paragraph is one 300 KB line would then print 300 KB per
//! diagnostic, and a control character in the source (ESC, BEL) would reach
//! the terminal and act on it. An excerpt holds only the labelled lines, each
//! cut to a window around its labels ("…" where it is cut), with control
//! characters shown as their Unicode pictures (`␛`); line and column numbers
//! stay those of the real file.

use std::ops::Range;

use codespan_reporting::files::{self, Files};

use super::render::LineIndex;

/// Characters of context printed on each side of a label.
const CONTEXT: usize = 40;
/// The longest piece of one label printed; the rest of a long span is cut.
const LABEL: usize = 80;
/// Lines up to this many bytes are printed whole.
const SHORT_LINE: usize = 240;

/// What a terminal must not receive raw, as a visible stand-in: C0 controls
/// (but tab), DEL and C1 controls.
pub fn picture(c: char) -> Option<char> {
    match c {
        '\t' => None,
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32),
        '\u{7F}' => Some('\u{2421}'),
        '\u{80}'..='\u{9F}' => Some('\u{FFFD}'),
        _ => None,
    }
}

/// `text` with every control character replaced by its picture.
pub fn visible(text: &str) -> String {
    text.chars().map(|c| picture(c).unwrap_or(c)).collect()
}

/// Whether the excerpt can be skipped: every labelled line is short and
/// prints as it is.
pub fn needed(source: &str, lines: &LineIndex, spans: &[Range<usize>]) -> bool {
    spans.iter().any(|span| {
        let (first, last) = (lines.line_of(span.start), lines.line_of(span.end));
        (first..=last).any(|line| {
            let range = lines.range(line, source.len());
            let text = source[range].trim_end_matches(['\n', '\r']);
            text.len() > SHORT_LINE || text.chars().any(|c| picture(c).is_some())
        })
    })
}

/// One labelled line as printed: its real number and where its window
/// starts and ends in the source.
struct Shown {
    line: usize,
    window: Range<usize>,
    /// Where the printed line starts in the excerpt.
    at: usize,
    /// The printed text (with "…" marks and pictures), ending in `\n`.
    text: String,
}

/// A few lines of a file, cut and cleaned, with offsets mapped from the file.
pub struct Excerpt<'a> {
    name: &'a str,
    source: &'a str,
    lines: &'a LineIndex,
    shown: Vec<Shown>,
    text: String,
}

fn floor(source: &str, mut i: usize) -> usize {
    i = i.min(source.len());
    while !source.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(source: &str, mut i: usize) -> usize {
    i = i.min(source.len());
    while !source.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// `n` characters before `i` (or the line's start).
fn back(source: &str, start: usize, i: usize, n: usize) -> usize {
    source[start..i]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(start, |(j, _)| start + j)
}

/// `n` characters after `i` (or the line's end).
fn forward(source: &str, i: usize, end: usize, n: usize) -> usize {
    source[i..end]
        .char_indices()
        .nth(n)
        .map_or(end, |(j, _)| i + j)
}

impl<'a> Excerpt<'a> {
    /// The lines that `spans` (valid ranges of `source`) touch, each cut
    /// around the spans on it.
    pub fn new(
        name: &'a str,
        source: &'a str,
        lines: &'a LineIndex,
        spans: &[Range<usize>],
    ) -> Excerpt<'a> {
        let mut wanted: Vec<(usize, Range<usize>)> = Vec::new();
        for span in spans {
            let (first, last) = (lines.line_of(span.start), lines.line_of(span.end));
            for line in [first, last] {
                let range = lines.range(line, source.len());
                let content_end =
                    range.start + source[range.clone()].trim_end_matches(['\n', '\r']).len();
                let from = span.start.clamp(range.start, content_end);
                let to = span.end.clamp(from, content_end);
                let to = forward(source, from, to, LABEL).max(from);
                let start = back(source, range.start, from, CONTEXT);
                let end = forward(source, to, content_end, CONTEXT);
                match wanted.iter_mut().find(|(l, _)| *l == line) {
                    Some((_, w)) => *w = w.start.min(start)..w.end.max(end),
                    None => wanted.push((line, start..end)),
                }
            }
        }
        wanted.sort_by_key(|(line, _)| *line);
        let mut shown = Vec::new();
        let mut text = String::new();
        for (line, window) in wanted {
            let range = lines.range(line, source.len());
            let content_end =
                range.start + source[range.clone()].trim_end_matches(['\n', '\r']).len();
            let at = text.len();
            let mut printed = String::new();
            if window.start > range.start {
                printed.push('…');
            }
            printed.push_str(&visible(&source[window.clone()]));
            if window.end < content_end {
                printed.push('…');
            }
            printed.push('\n');
            text.push_str(&printed);
            shown.push(Shown {
                line,
                window,
                at,
                text: printed,
            });
        }
        Excerpt {
            name,
            source,
            lines,
            shown,
            text,
        }
    }

    /// Where `offset` of the file is printed in the excerpt: offsets before
    /// a window go to its start, after it to its end.
    pub fn map(&self, offset: usize) -> usize {
        let line = self.lines.line_of(offset);
        let Some(shown) = self
            .shown
            .iter()
            .find(|s| s.line == line)
            .or_else(|| self.shown.iter().rev().find(|s| s.line < line))
            .or(self.shown.first())
        else {
            return 0;
        };
        let lead = if shown.text.starts_with('…') {
            '…'.len_utf8()
        } else {
            0
        };
        let offset = floor(
            self.source,
            offset.clamp(shown.window.start, shown.window.end),
        );
        shown.at + lead + visible(&self.source[shown.window.start..offset]).len()
    }

    /// `range` of the file as a range of the excerpt.
    pub fn map_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.map(range.start);
        start..self.map(ceil(self.source, range.end)).max(start)
    }

    fn shown_at(&self, index: usize) -> Result<&Shown, files::Error> {
        self.shown.get(index).ok_or(files::Error::LineTooLarge {
            given: index,
            max: self.shown.len().saturating_sub(1),
        })
    }
}

impl<'a> Files<'a> for Excerpt<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, files::Error> {
        Ok(self
            .shown
            .iter()
            .rposition(|s| s.at <= byte_index)
            .unwrap_or(0))
    }

    fn line_number(&'a self, (): (), line_index: usize) -> Result<usize, files::Error> {
        Ok(self.shown_at(line_index)?.line + 1)
    }

    fn column_number(
        &'a self,
        (): (),
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, files::Error> {
        // The real column: the printed one would count the "…" and skip
        // what the window left out.
        let shown = self.shown_at(line_index)?;
        let lead = if shown.text.starts_with('…') {
            '…'.len_utf8()
        } else {
            0
        };
        let printed = byte_index.saturating_sub(shown.at + lead);
        let window = &self.source[shown.window.clone()];
        let mut used = 0;
        let mut offset = shown.window.start;
        for (i, c) in window.char_indices() {
            if used >= printed {
                break;
            }
            used += picture(c).unwrap_or(c).len_utf8();
            offset = shown.window.start + i + c.len_utf8();
        }
        Ok(self.lines.position(self.source, offset).column)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, files::Error> {
        if line_index == self.shown.len() {
            return Ok(self.text.len()..self.text.len());
        }
        let shown = self.shown_at(line_index)?;
        Ok(shown.at..shown.at + shown.text.len())
    }
}
