//! The registry of diagnostic codes. Each code has a page under
//! `docs/diagnostics/CODE.md`, printed by `draftdec explain CODE`.

use super::Severity;

pub struct CodeInfo {
    pub code: &'static str,
    pub severity: Severity,
    /// One line, for `draftdec explain --list`.
    pub title: &'static str,
    /// The page under `docs/diagnostics/`.
    pub page: &'static str,
}

macro_rules! codes {
    ($($code:literal $sev:ident $title:literal;)*) => {
        pub static CODES: &[CodeInfo] = &[
            $(CodeInfo {
                code: $code,
                severity: Severity::$sev,
                title: $title,
                page: include_str!(concat!("../../docs/diagnostics/", $code, ".md")),
            },)*
        ];
    };
}

codes! {
    "E0001" Error "syntax error";
    "E0002" Error "unknown metadata field";
    "E0003" Error "metadata field set twice";
    "E0004" Error "required metadata missing";
    "E0005" Error "invalid metadata value";
    "E0006" Error "markup opened and not closed";
    "E0007" Error "misplaced block";
    "E0011" Error "file is not UTF-8";
    "E0012" Error "forbidden control character";
    "W0013" Warning "invisible formatting character";
    "E0014" Error "markup nested too deeply";
    "E0101" Error "duplicate label";
    "E0102" Error "unknown label";
    "E0103" Error "undefined footnote";
    "W0104" Warning "unused footnote";
    "E0105" Error "Ibid. with no preceding footnote";
    "E0106" Error "typed number out of sequence";
    "E0107" Error "sub-paragraph outside a paragraph";
    "E0108" Error "malformed decision symbol";
    "E0109" Error "malformed document symbol";
    "E0110" Error "unbalanced square brackets";
    "W0111" Warning "unbalanced quotation marks";
    "E0301" Error "language versions differ";
    "W0201" Warning "preambular clause does not end with a comma";
    "W0202" Warning "operative paragraph does not end with a semicolon";
    "W0203" Warning "last operative paragraph does not end with a full stop";
    "W0204" Warning "no colon before sub-paragraphs";
    "W0205" Warning "sub-paragraph punctuation";
    "W0206" Warning "unknown opening words";
    "W0207" Warning "capitalisation of opening words";
    "W0208" Warning "footnote indicator on the wrong side of punctuation";
}

pub fn lookup(code: &str) -> Option<&'static CodeInfo> {
    let code = code.trim().to_ascii_uppercase();
    CODES.iter().find(|c| c.code == code)
}

/// The severity registered for `code`. Panics on an unregistered code: that
/// is a bug in draftdec, caught by the tests of every rule.
pub fn severity(code: &str) -> Severity {
    match lookup(code) {
        Some(info) => info.severity,
        None => panic!("diagnostic code {code} is not registered"),
    }
}
