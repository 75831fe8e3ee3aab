//! Text hygiene: what a file's bytes may hold before the grammar sees them.
//!
//! - [`decode`] turns a file's bytes into text: invalid UTF-8 (and UTF-16,
//!   which Word calls "Unicode text") is reported with its byte offset; a
//!   lone CR (old Mac line ending) becomes LF, which keeps every byte offset
//!   and makes line numbers right for any diagnostic renderer.
//! - [`check`] reports characters that must not reach the output: control
//!   characters that XML 1.0 forbids (Word refuses a DOCX holding one) or that
//!   are invisible mojibake (E0012), and invisible formatting or bidirectional
//!   controls that make the text read differently from what it is (W0013).
//! - [`line_col`] gives the line and column of a byte offset with `\n`,
//!   `\r\n` and lone `\r` line endings, ignoring a leading BOM.

use std::borrow::Cow;

use crate::ast::Span;
use crate::diag::{Applicability, Code, Diagnostic};

/// At most this many invalid UTF-8 sequences are reported: after that the
/// file is clearly not UTF-8 text.
pub const MAX_UTF8_REPORTS: usize = 10;
/// At most this many character diagnostics of each code are reported; the
/// last one says how many more there are.
pub const MAX_CHAR_REPORTS: usize = 50;

/// The text of a `.draft` file. Lone CRs become LFs (same length, so byte
/// offsets into the text are byte offsets into the file). Render diagnostics
/// against the returned text.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, Vec<Diagnostic>> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(vec![
            Diagnostic::new(
                Code::E0011,
                Span::new(0, 2),
                "this file is UTF-16 text, not UTF-8 (byte 0 starts a UTF-16 byte-order mark)",
            )
            .label("UTF-16 byte-order mark")
            .help("save the file as UTF-8 (in Word: Plain Text, encoding Unicode (UTF-8))"),
        ]);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => return Err(invalid_utf8(bytes)),
    };
    if text.contains('\r') && has_lone_cr(text) {
        let mut out = text.as_bytes().to_vec();
        for i in 0..out.len() {
            if out[i] == b'\r' && out.get(i + 1) != Some(&b'\n') {
                out[i] = b'\n';
            }
        }
        let out = String::from_utf8(out).expect("replacing ASCII by ASCII keeps UTF-8");
        return Ok(Cow::Owned(out));
    }
    Ok(Cow::Borrowed(text))
}

fn has_lone_cr(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter()
        .enumerate()
        .any(|(i, &c)| c == b'\r' && b.get(i + 1) != Some(&b'\n'))
}

/// One diagnostic per invalid sequence (up to [`MAX_UTF8_REPORTS`]), naming
/// its byte offset, line and column.
fn invalid_utf8(bytes: &[u8]) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut at = 0;
    let mut total = 0;
    while at < bytes.len() {
        match std::str::from_utf8(&bytes[at..]) {
            Ok(_) => break,
            Err(e) => {
                let start = at + e.valid_up_to();
                let len = e.error_len().unwrap_or(bytes.len() - start).max(1);
                total += 1;
                if diags.len() < MAX_UTF8_REPORTS {
                    let (line, col) = line_col_bytes(bytes, start);
                    let shown: Vec<String> = bytes[start..start + len]
                        .iter()
                        .map(|b| format!("0x{b:02X}"))
                        .collect();
                    let what = if e.error_len().is_none() {
                        "the file ends in the middle of a UTF-8 character"
                    } else {
                        "invalid UTF-8"
                    };
                    diags.push(
                        Diagnostic::new(
                            Code::E0011,
                            Span::new(start, start + len),
                            format!(
                                "{what} at byte {start} (line {line}, column {col}): {}",
                                shown.join(" ")
                            ),
                        )
                        .label("not UTF-8")
                        .help(
                            "save the file as UTF-8; text pasted from an old Windows or \
                             Cyrillic code page (Windows-1252, Windows-1251, KOI8-R) \
                             must be converted",
                        ),
                    );
                }
                at = start + len;
            }
        }
    }
    if total > diags.len()
        && let Some(last) = diags.last_mut()
    {
        last.message.push_str(&format!(
            " ({} more invalid sequences not shown)",
            total - MAX_UTF8_REPORTS
        ));
    }
    diags
}

/// What [`check`] thinks of one character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharClass {
    /// Ordinary text.
    Ok,
    /// Forbidden: XML 1.0 does not allow it, or it is an invisible control
    /// character (C0 other than tab/LF/CR, DEL, C1, U+FFFE, U+FFFF).
    Forbidden,
    /// Allowed but invisible: zero-width and bidirectional formatting
    /// characters, a BOM after the start, a soft hyphen.
    Invisible,
}

pub fn classify(c: char) -> CharClass {
    match c {
        '\t' | '\n' | '\r' => CharClass::Ok,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{FFFE}' | '\u{FFFF}' => CharClass::Forbidden,
        // Unicode's Default_Ignorable_Code_Point set (DerivedCoreProperties),
        // the line and paragraph separators, the interlinear annotation
        // controls and the blank braille pattern: none shows as ink.
        '\u{AD}'
        | '\u{34F}'
        | '\u{61C}'
        | '\u{115F}'..='\u{1160}'
        | '\u{17B4}'..='\u{17B5}'
        | '\u{180B}'..='\u{180F}'
        | '\u{200B}'..='\u{200F}'
        | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{2800}'
        | '\u{3164}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}'
        | '\u{FFA0}'
        | '\u{FFF0}'..='\u{FFFB}'
        | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E0FFF}' => CharClass::Invisible,
        _ => CharClass::Ok,
    }
}

/// The name of a reported character, for messages.
pub fn char_name(c: char) -> String {
    let name = match c {
        '\0' => "NUL",
        '\u{7}' => "BEL",
        '\u{8}' => "BACKSPACE",
        '\u{B}' => "VERTICAL TAB (Word's manual line break)",
        '\u{C}' => "FORM FEED (Word's page break)",
        '\u{1B}' => "ESCAPE",
        '\u{7F}' => "DELETE",
        '\u{AD}' => "SOFT HYPHEN",
        '\u{61C}' => "ARABIC LETTER MARK",
        '\u{180E}' => "MONGOLIAN VOWEL SEPARATOR",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2060}' => "WORD JOINER",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE (byte-order mark)",
        '\u{34F}' => "COMBINING GRAPHEME JOINER",
        '\u{115F}' => "HANGUL CHOSEONG FILLER",
        '\u{1160}' => "HANGUL JUNGSEONG FILLER",
        '\u{3164}' => "HANGUL FILLER",
        '\u{FFA0}' => "HALFWIDTH HANGUL FILLER",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        '\u{2800}' => "BRAILLE PATTERN BLANK",
        '\u{17B4}'..='\u{17B5}' => "a Khmer inherent vowel",
        '\u{180B}'..='\u{180F}' => "a Mongolian free variation selector",
        '\u{2061}'..='\u{2064}' => "an invisible mathematical operator",
        '\u{206A}'..='\u{206F}' => "a deprecated format character",
        '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' => "a variation selector",
        '\u{FFF9}'..='\u{FFFB}' => "an interlinear annotation character",
        '\u{E0000}'..='\u{E007F}' => "a tag character",
        '\u{1D173}'..='\u{1D17A}' => "a musical symbol format character",
        '\u{1BCA0}'..='\u{1BCA3}' => "a shorthand format control",
        c if classify(c) == CharClass::Invisible => "an invisible (default-ignorable) code point",
        '\u{FFFE}' | '\u{FFFF}' => "a noncharacter",
        '\u{80}'..='\u{9F}' => "a C1 control character",
        _ => "a control character",
    };
    format!("U+{:04X} {name}", c as u32)
}

/// Reports forbidden (E0012) and invisible (W0013) characters of `src`. A
/// BOM at offset 0 is the file's byte-order mark and is accepted.
pub fn check(src: &str, diags: &mut Vec<Diagnostic>) {
    let mut forbidden = 0usize;
    let mut invisible = 0usize;
    let bytes = src.as_bytes();
    let mut next = 0;
    while next < bytes.len() {
        let at = next;
        // Printable ASCII and the three blanks are the bulk of a draft and
        // always allowed: only the rest is decoded and classified.
        let b = bytes[at];
        if (0x20..0x7F).contains(&b) || matches!(b, b'\t' | b'\n' | b'\r') {
            next += 1;
            continue;
        }
        let c = src[at..]
            .chars()
            .next()
            .expect("`at` is on a character boundary");
        next += c.len_utf8();
        if at == 0 && c == '\u{FEFF}' {
            continue;
        }
        let span = Span::new(at, next);
        match classify(c) {
            CharClass::Ok => {}
            CharClass::Forbidden => {
                forbidden += 1;
                if forbidden <= MAX_CHAR_REPORTS {
                    diags.push(
                        Diagnostic::new(
                            Code::E0012,
                            span,
                            format!("the draft contains {}", char_name(c)),
                        )
                        .label("control character")
                        .help("delete it: Word cannot open a document holding it; for a line or page break, end the paragraph instead")
                        .fix(span, "", Applicability::Safe),
                    );
                }
            }
            CharClass::Invisible => {
                invisible += 1;
                if invisible <= MAX_CHAR_REPORTS {
                    diags.push(
                        Diagnostic::new(
                            Code::W0013,
                            span,
                            format!("the draft contains the invisible character {}", char_name(c)),
                        )
                        .label("invisible character")
                        .help("delete it unless the script needs it: it changes how the text is read, searched or displayed without being seen")
                        .fix(span, "", Applicability::NeedsReview),
                    );
                }
            }
        }
    }
    for (code, count) in [(Code::E0012, forbidden), (Code::W0013, invisible)] {
        if count > MAX_CHAR_REPORTS
            && let Some(d) = diags.iter_mut().rev().find(|d| d.code == code)
        {
            d.message
                .push_str(&format!(" ({} more not shown)", count - MAX_CHAR_REPORTS));
        }
    }
}

/// The 1-based line and column (in characters) of byte `offset` of `src`.
/// `\r\n`, `\n` and a lone `\r` each end a line; a BOM at the start takes no
/// column. An offset inside a character counts as that character.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    line_col_bytes(src.as_bytes(), offset)
}

fn line_col_bytes(bytes: &[u8], offset: usize) -> (usize, usize) {
    let offset = offset.min(bytes.len());
    let start = if bytes.starts_with("\u{FEFF}".as_bytes()) {
        3.min(offset)
    } else {
        0
    };
    let (mut line, mut col) = (1, 1);
    let mut i = start;
    while i < offset {
        let b = bytes[i];
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            line += 1;
            col = 1;
        } else if b == b'\r' {
            // The CR of a CRLF: the LF ends the line.
        } else if b & 0xC0 != 0x80 {
            // Count characters by their first byte.
            col += 1;
        }
        i += 1;
    }
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_all_endings() {
        let src = "ab\r\ncd\ref\ngh";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 4), (2, 1));
        assert_eq!(line_col(src, 7), (3, 1));
        assert_eq!(line_col(src, 10), (4, 1));
        assert_eq!(line_col(src, 11), (4, 2));
        assert_eq!(line_col("\u{FEFF}ab", 4), (1, 2));
        assert_eq!(line_col("éé", 2), (1, 2));
    }

    #[test]
    fn lone_cr_becomes_lf_and_crlf_stays() {
        assert_eq!(decode(b"a\rb\r\nc").unwrap(), "a\nb\r\nc");
        assert!(matches!(decode(b"a\r\nb").unwrap(), Cow::Borrowed(_)));
    }
}
