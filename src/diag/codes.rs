//! The registry of diagnostic codes: one line per code, and the `Code` type
//! generated from it, so that a code that is not registered cannot be
//! raised (it does not compile) and a registered one always has its
//! severity, title, page and raising stage.
//!
//! Each code has one cause. A code that covered several was retired and
//! split; its number is never reused and its page (under `RETIRED`) says
//! which codes replaced it. `docs/architecture.md` holds a table of the
//! registry that a test keeps equal to it.

use std::fmt;

use serde::{Serialize, Serializer};

use super::Severity;

/// The pipeline stage (top-level module of `src/`) that raises a code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Hygiene,
    Syntax,
    Lower,
    Resolve,
    Validate,
    Versions,
    /// The final gate (`check --final`).
    Negotiation,
    /// The amendments document (`diff --to amendments`).
    Amendments,
}

impl Stage {
    /// The module's name: `src/<name>.rs` or `src/<name>/`.
    pub fn module(self) -> &'static str {
        match self {
            Stage::Hygiene => "hygiene",
            Stage::Syntax => "syntax",
            Stage::Lower => "lower",
            Stage::Resolve => "resolve",
            Stage::Validate => "validate",
            Stage::Versions => "versions",
            Stage::Negotiation => "negotiation",
            Stage::Amendments => "amendments",
        }
    }
}

/// What an error leaves of the draft. Callers decide from this, never from
/// the code's text, whether to go on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Only reported: the document still holds everything the drafter wrote.
    Reported,
    /// The document no longer holds the text as written (a metadata line,
    /// a block or a sub-paragraph dropped, moved or read as something
    /// else), or printing it would settle the error by a guess (closing
    /// markup or a decision where draftdec assumes it ends): `fmt` refuses.
    Unformattable,
    /// The parser refused the file and the document is empty: resolution
    /// and validation are skipped, and `fmt` refuses too.
    Unparsed,
}

macro_rules! codes {
    (
        raised {
            $($code:ident $sev:ident [$($stage:ident)+] $effect:ident $title:literal;)*
        }
        retired {
            $($old:ident $old_title:literal => [$($new:ident)+];)*
        }
    ) => {
        /// A diagnostic code. Serialised and displayed as its text (`E0102`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Code {
            $($code,)*
        }

        impl Code {
            /// Every code, in registry order.
            pub const ALL: &'static [Code] = &[$(Code::$code,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$code => stringify!($code),)*
                }
            }

            pub fn severity(self) -> Severity {
                match self {
                    $(Code::$code => Severity::$sev,)*
                }
            }

            /// One line, for `draftdec explain --list`.
            pub fn title(self) -> &'static str {
                match self {
                    $(Code::$code => $title,)*
                }
            }

            /// The page under `docs/diagnostics/`, printed by `draftdec explain`.
            pub fn page(self) -> &'static str {
                match self {
                    $(Code::$code => include_str!(concat!(
                        "../../docs/diagnostics/", stringify!($code), ".md"
                    )),)*
                }
            }

            /// The stages whose modules raise it (a test checks the sources).
            pub fn stages(self) -> &'static [Stage] {
                match self {
                    $(Code::$code => &[$(Stage::$stage),+],)*
                }
            }

            pub fn effect(self) -> Effect {
                match self {
                    $(Code::$code => Effect::$effect,)*
                }
            }
        }

        /// Codes no longer raised: each was split into codes with one cause.
        pub static RETIRED: &[Retired] = &[
            $(Retired {
                code: stringify!($old),
                title: $old_title,
                split_into: &[$(Code::$new),+],
                page: include_str!(concat!(
                    "../../docs/diagnostics/", stringify!($old), ".md"
                )),
            },)*
        ];
    };
}

/// A retired code: its page redirects to the codes that replaced it.
pub struct Retired {
    pub code: &'static str,
    pub title: &'static str,
    pub split_into: &'static [Code],
    pub page: &'static str,
}

// One line per code: code, severity, the stages that raise it, its effect,
// its title. The page is docs/diagnostics/CODE.md. Numbers: E00xx syntax
// and structure, E01xx references and symbols, W02xx drafting, E03xx
// language versions, E04xx amendments; a number is never reused (E0008 was retired before
// this registry kept retired codes).
codes! {
    raised {
        E0001 Error   [Syntax]           Unparsed      "syntax error";
        E0002 Error   [Lower]            Unformattable "unknown metadata field";
        E0003 Error   [Lower]            Unformattable "metadata field set twice";
        E0004 Error   [Validate]         Reported      "required metadata missing";
        E0005 Error   [Resolve Validate] Reported      "invalid metadata value";
        E0006 Error   [Lower]            Unformattable "markup opened and not closed";
        E0011 Error   [Hygiene]          Unparsed      "file is not UTF-8";
        E0012 Error   [Hygiene]          Reported      "forbidden control character";
        W0013 Warning [Hygiene]          Reported      "invisible formatting character";
        E0014 Error   [Syntax]           Unparsed      "markup nested too deeply";
        E0015 Error   [Lower]            Unformattable "heading without a title";
        E0016 Error   [Lower]            Unformattable "heading more than three levels deep";
        E0017 Error   [Lower]            Unformattable "sub-section outside a section";
        E0018 Error   [Lower]            Unformattable "`:::` that closes nothing";
        E0019 Error   [Lower]            Unformattable "decision inside a decision";
        E0020 Error   [Lower]            Unformattable "unknown block";
        E0021 Error   [Lower]            Unformattable "label on the organ's formula";
        E0022 Error   [Lower]            Unformattable "unnumbered paragraph after the operative paragraphs";
        E0023 Error   [Resolve]          Reported      "label on an unnumbered paragraph";
        E0024 Error   [Lower]            Unformattable "decision not closed";
        E0025 Error   [Lower]            Unformattable "backslash at the end of a line";
        E0026 Error   [Lower]            Unformattable "sub-paragraphs nested too deeply";
        E0027 Error   [Lower]            Unformattable "heading in a decision with no paragraph under it";
        E0028 Error   [Lower]            Unformattable "option block not closed";
        E0029 Error   [Lower]            Unformattable "text after `::: option`";
        E0030 Error   [Lower]            Reported      "option block before the organ's formula";
        E0040 Error   [Resolve]          Reported      "too many sub-paragraphs at one level";
        E0101 Error   [Resolve]          Reported      "duplicate label";
        E0102 Error   [Resolve]          Reported      "unknown label";
        E0103 Error   [Resolve]          Reported      "undefined footnote";
        W0104 Warning [Resolve]          Reported      "unused footnote";
        E0105 Error   [Resolve]          Reported      "Ibid. with no preceding footnote";
        E0106 Error   [Resolve]          Reported      "typed number out of sequence";
        E0107 Error   [Lower]            Unformattable "sub-paragraph outside a paragraph";
        E0108 Error   [Lower]            Reported      "malformed decision symbol";
        E0109 Error   [Lower]            Reported      "malformed document symbol";
        E0110 Error   [Validate]         Reported      "unbalanced square brackets";
        W0111 Warning [Validate]         Reported      "unbalanced quotation marks";
        E0112 Error   [Resolve]          Reported      "footnote defined twice";
        W0113 Warning [Lower]            Reported      "document symbol of an unknown organ";
        E0114 Error   [Resolve]          Reported      "label on an unnumbered heading or dash item";
        E0115 Error   [Resolve]          Reported      "inserted paragraph with no paragraph above it";
        E0116 Error   [Negotiation]      Reported      "square brackets left in a final text";
        E0117 Error   [Negotiation]      Reported      "alternatives left in a final text";
        E0118 Error   [Negotiation]      Reported      "option block left in a final text";
        E0130 Error   [Resolve]          Reported      "footnote inside a footnote";
        W0141 Warning [Validate]         Reported      "label written in several scripts";
        W0142 Warning [Validate]         Reported      "label that looks like another";
        W0201 Warning [Validate]         Reported      "preambular clause does not end with the house style's mark";
        W0202 Warning [Validate]         Reported      "operative paragraph does not end with a semicolon";
        W0203 Warning [Validate]         Reported      "last operative paragraph does not end with a full stop";
        W0204 Warning [Validate]         Reported      "no colon or comma before sub-paragraphs";
        W0205 Warning [Validate]         Reported      "sub-paragraph punctuation";
        W0206 Warning [Validate]         Reported      "unknown opening words";
        W0207 Warning [Validate]         Reported      "capitalisation of opening words";
        W0208 Warning [Validate]         Reported      "footnote indicator on the wrong side of punctuation";
        W0209 Warning [Validate]         Reported      "footnote or reference in the opening words";
        W0210 Warning [Validate]         Reported      "bold or italics used for emphasis";
        E0302 Error   [Versions]         Reported      "symbol differs between language versions";
        E0303 Error   [Versions]         Reported      "two versions in the same language";
        E0304 Error   [Versions]         Reported      "part missing from a language version";
        E0305 Error   [Versions]         Reported      "part not in the first language version";
        E0306 Error   [Versions]         Reported      "label differs between language versions";
        E0307 Error   [Versions]         Reported      "references differ between language versions";
        E0401 Error   [Amendments]       Reported      "no confirmed wording of amendments in the draft's language";
        E0402 Error   [Amendments]       Reported      "change in a part an amendment cannot name";
        E0403 Error   [Amendments]       Reported      "amendment that would not read back as written";
    }
    retired {
        E0007 "misplaced block" => [E0015 E0016 E0017 E0018 E0019 E0020 E0021 E0022 E0023];
        E0301 "language versions differ" => [E0302 E0303 E0304 E0305 E0306 E0307];
    }
}

impl Code {
    /// The code written as `text` (any case, surrounding blanks ignored);
    /// `None` for text that is no code, or a retired one.
    pub fn parse(text: &str) -> Option<Code> {
        let text = text.trim();
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(text))
    }

    /// The parser refused the file: its document is empty.
    pub fn unparsed(self) -> bool {
        self.effect() == Effect::Unparsed
    }

    /// The document no longer holds the text as written, so `fmt` must not
    /// print it.
    pub fn stops_fmt(self) -> bool {
        self.effect() != Effect::Reported
    }
}

impl Retired {
    pub fn lookup(text: &str) -> Option<&'static Retired> {
        let text = text.trim();
        RETIRED.iter().find(|r| r.code.eq_ignore_ascii_case(text))
    }
}

/// The page of a code, raised or retired, written as `text`.
pub fn page(text: &str) -> Option<&'static str> {
    Code::parse(text)
        .map(Code::page)
        .or_else(|| Retired::lookup(text).map(|r| r.page))
}

/// The code, raised or retired, that a mistyped `text` most likely meant,
/// for "did you mean" (`draftdec explain`).
pub fn closest(text: &str) -> Option<&'static str> {
    let known = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .chain(RETIRED.iter().map(|r| r.code));
    crate::util::closest(&text.trim().to_ascii_uppercase(), known)
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// By text, so that diagnostics sort as they did when codes were strings.
impl Ord for Code {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_files() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/diagnostics");
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| {
                e.file_name()
                    .to_str()
                    .and_then(|n| n.strip_suffix(".md"))
                    .map(str::to_string)
            })
            .collect();
        names.sort();
        names
    }

    #[test]
    fn every_code_has_its_page_and_every_page_a_code() {
        for code in Code::ALL {
            assert!(
                code.page()
                    .starts_with(&format!("# {}: {}\n", code, code.title())),
                "{code}: the page must start with `# {code}: {}`",
                code.title()
            );
            assert_eq!(Code::parse(&code.as_str().to_lowercase()), Some(*code));
        }
        let pages = page_files();
        assert!(!pages.is_empty(), "no pages found");
        for name in &pages {
            assert!(
                Code::parse(name).is_some() || Retired::lookup(name).is_some(),
                "docs/diagnostics/{name}.md has no code in the registry"
            );
        }
        assert_eq!(pages.len(), Code::ALL.len() + RETIRED.len());
    }

    #[test]
    fn codes_are_unique_and_in_their_ranges() {
        let mut seen: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        seen.extend(RETIRED.iter().map(|r| r.code));
        // E0008 was retired before retired codes were kept.
        seen.push("E0008");
        let mut numbers: Vec<&str> = seen.iter().map(|c| &c[1..]).collect();
        numbers.sort_unstable();
        let before = numbers.len();
        numbers.dedup();
        assert_eq!(numbers.len(), before, "a number is used twice: {seen:?}");
        for code in Code::ALL {
            let letter = match code.severity() {
                Severity::Error => 'E',
                Severity::Warning => 'W',
            };
            assert!(
                code.as_str().starts_with(letter),
                "{code}: letter and severity differ"
            );
        }
    }

    #[test]
    fn retired_pages_redirect_to_every_replacement() {
        for old in RETIRED {
            assert!(
                old.page
                    .starts_with(&format!("# {}: {}\n", old.code, old.title)),
                "{}: the page must start with its code and title",
                old.code
            );
            assert!(
                Code::parse(old.code).is_none(),
                "{} is still raised",
                old.code
            );
            for new in old.split_into {
                assert!(
                    old.page.contains(&format!("[{new}]({new}.md)")),
                    "{}: the page does not link to {new}",
                    old.code
                );
            }
            assert_eq!(page(old.code), Some(old.page));
        }
    }

    #[test]
    fn unknown_text_is_no_code() {
        assert_eq!(Code::parse("E9999"), None);
        assert_eq!(Code::parse(""), None);
        assert_eq!(page("nonsense"), None);
        assert_eq!(Code::parse(" w0203 "), Some(Code::W0203));
    }
}
