//! Byte offsets (the AST's spans) and LSP positions (a line and a column
//! in UTF-16 code units, the protocol's default and the only encoding every
//! client accepts).
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as the protocol counts them;
//! the compiler sees the same offsets (`draftdec::decode` turns a lone `\r`
//! into `\n` without moving anything).

use draftdec::ast::Span;
use lsp_types::{Position, Range};

/// Where each line of one text starts.
pub(crate) struct LineIndex {
    /// Byte offset of the first character of each line; `starts[0]` is 0.
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    /// The position of byte `offset` of `text` (clamped to the text, and
    /// back to the start of the character it falls in).
    pub(crate) fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(self.len);
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let character: usize = text[start..offset].chars().map(char::len_utf16).sum();
        Position::new(to_u32(line), to_u32(character))
    }

    pub(crate) fn range(&self, text: &str, span: Span) -> Range {
        Range::new(
            self.position(text, span.start),
            self.position(text, span.end),
        )
    }

    /// The byte offset of `position`: a line past the end is the end of
    /// the text, a column past the end of its line (or inside a surrogate
    /// pair) the end of that line (or the character's start).
    pub(crate) fn offset(&self, text: &str, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.len;
        };
        let end = self.line_end(text, position.line as usize);
        let mut units = 0;
        for (i, c) in text[start..end].char_indices() {
            units += c.len_utf16();
            if units > position.character as usize {
                return start + i;
            }
        }
        end
    }

    /// Where the line's text ends, before its line break.
    fn line_end(&self, text: &str, line: usize) -> usize {
        let next = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let body = &text[self.starts[line]..next];
        let trimmed = body
            .strip_suffix("\r\n")
            .or_else(|| body.strip_suffix('\n'))
            .or_else(|| body.strip_suffix('\r'))
            .unwrap_or(body);
        self.starts[line] + trimmed.len()
    }

    pub(crate) fn span(&self, text: &str, range: Range) -> Span {
        Span::new(self.offset(text, range.start), self.offset(text, range.end))
    }
}

/// Positions beyond `u32` would mean a 4 GiB draft; clamp rather than panic.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character boundary of `text` goes to a position and back.
    fn round_trip(text: &str) {
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let position = index.position(text, offset);
            // A line break's own offsets are past the line's text; the
            // position there is the line's end, which maps back to it.
            let back = index.offset(text, position);
            let at_break = text[back..offset].chars().all(|c| c == '\r' || c == '\n');
            assert!(
                back <= offset && at_break,
                "{text:?} @ {offset}: {position:?} -> {back}"
            );
        }
    }

    #[test]
    fn columns_count_utf16_units() {
        // Cyrillic and Arabic: one unit per letter, two bytes each.
        let ru = "#. Просит секретариат;\n";
        let index = LineIndex::new(ru);
        let at = ru.find("секретариат").unwrap();
        assert_eq!(index.position(ru, at), Position::new(0, 10));
        let ar = "يطلب إلى الأمانة\n";
        let at = ar.find("الأمانة").unwrap();
        assert_eq!(LineIndex::new(ar).position(ar, at), Position::new(0, 9));
        // Chinese: one unit, three bytes; an emoji outside the BMP: two units.
        let zh = "请秘书处😀报告";
        let at = zh.find("报告").unwrap();
        assert_eq!(LineIndex::new(zh).position(zh, at), Position::new(0, 6));
        for text in [ru, ar, zh] {
            round_trip(text);
        }
    }

    #[test]
    fn every_line_break_counts() {
        let text = "a\r\nбб\rв\nг";
        let index = LineIndex::new(text);
        assert_eq!(
            index.position(text, text.find('б').unwrap()),
            Position::new(1, 0)
        );
        assert_eq!(
            index.position(text, text.find('в').unwrap()),
            Position::new(2, 0)
        );
        assert_eq!(
            index.position(text, text.find('г').unwrap()),
            Position::new(3, 0)
        );
        // The end of a CRLF line is before its `\r`.
        assert_eq!(index.offset(text, Position::new(0, 99)), 1);
        assert_eq!(index.offset(text, Position::new(9, 0)), text.len());
        round_trip(text);
    }

    #[test]
    fn a_column_inside_a_surrogate_pair_is_the_characters_start() {
        let text = "x😀y";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, Position::new(0, 2)), 1);
        assert_eq!(index.offset(text, Position::new(0, 3)), 5);
        // A byte offset inside a character is its start.
        assert_eq!(index.position(text, 2), Position::new(0, 1));
    }
}
