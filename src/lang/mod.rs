//! Per-language conventions, in one table per language. Nothing outside this
//! module branches on a language: stages ask the table.
//!
//! Sources for every convention are cited in `docs/languages.md`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

mod en;
mod ru;

/// The six official languages of the United Nations.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ar,
    Zh,
    #[default]
    En,
    Fr,
    Ru,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 6] = [Lang::Ar, Lang::Zh, Lang::En, Lang::Fr, Lang::Ru, Lang::Es];

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == code.trim().to_ascii_lowercase())
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ru => "ru",
            Lang::Es => "es",
        }
    }

    /// The table of conventions, or `None` for a language draftdec does not
    /// support yet.
    pub fn table(self) -> Option<&'static LangTable> {
        match self {
            Lang::En => Some(&en::TABLE),
            Lang::Ru => Some(&ru::TABLE),
            _ => None,
        }
    }

    /// The English name, used in the masthead of every version ("Russian").
    pub fn english_name(self) -> &'static str {
        match self {
            Lang::Ar => "Arabic",
            Lang::Zh => "Chinese",
            Lang::En => "English",
            Lang::Fr => "French",
            Lang::Ru => "Russian",
            Lang::Es => "Spanish",
        }
    }
}

/// How a sequence of siblings is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counter {
    Arabic,
    UpperRoman,
    LowerRoman,
    UpperLatin,
    LowerLatin,
}

impl Counter {
    pub fn format(self, n: u32) -> String {
        match self {
            Counter::Arabic => n.to_string(),
            Counter::UpperRoman => roman(n),
            Counter::LowerRoman => roman(n).to_lowercase(),
            Counter::UpperLatin => latin(n),
            Counter::LowerLatin => latin(n).to_lowercase(),
        }
    }

    /// Reads a typed designation back into its ordinal.
    pub fn parse(self, s: &str) -> Option<u32> {
        (1..=500).find(|&n| self.format(n) == s)
    }
}

/// `a`…`z`, then `aa`, `bb` … as in UN documents.
fn latin(n: u32) -> String {
    let letter = char::from(b'A' + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// How a sub-paragraph designation is printed at one level.
#[derive(Clone, Copy, Debug)]
pub struct SubStyle {
    pub counter: Counter,
    /// Text before and after the designation: `("(", ")")`, `("", ")")`, `("", ".")`.
    pub wrap: (&'static str, &'static str),
}

impl SubStyle {
    pub fn display(&self, n: u32) -> String {
        format!("{}{}{}", self.wrap.0, self.counter.format(n), self.wrap.1)
    }
}

/// The words a reference prints in front of a designation; `{}` stands for it.
#[derive(Clone, Copy, Debug)]
pub struct RefWords {
    pub section: &'static str,
    pub subsection: &'static str,
    pub paragraph: &'static str,
    pub preambular: &'static str,
    pub annex: &'static str,
    pub decision: &'static str,
    /// A decision that has no number yet.
    pub draft_decision: &'static str,
}

/// Fixed words of the masthead.
#[derive(Clone, Copy, Debug)]
pub struct MastheadWords {
    /// `Item {} of the provisional agenda`.
    pub agenda_item: &'static str,
    /// The heading of an annex: `Annex` (one annex) or `Annex {}`.
    pub annex: &'static str,
    pub annex_numbered: &'static str,
    /// The heading printed over a draft decision without a number.
    pub draft_decision: &'static str,
}

/// Every convention of one language.
#[derive(Debug)]
pub struct LangTable {
    pub lang: Lang,
    /// The language's own name for itself (`English`, `русский`).
    pub native_name: &'static str,
    pub rtl: bool,
    /// Sections, sub-sections and numbered paragraphs.
    pub section: Counter,
    pub subsection: Counter,
    /// Sub-paragraph levels 1 to 4.
    pub sub_levels: [SubStyle; 4],
    pub refs: RefWords,
    /// Words that open an *Ibid.* footnote.
    pub ibid: &'static [&'static str],
    /// Opening words of preambular clauses.
    pub preambular: &'static [&'static str],
    /// Opening words of operative paragraphs.
    pub operative: &'static [&'static str],
    /// Actors that a paragraph may address right after its opening words.
    pub actors: &'static [&'static str],
    /// Opening words start with a capital letter (English) or not (Russian).
    pub capitalised_openers: bool,
    /// The footnote indicator stands before punctuation (French, Spanish,
    /// Russian) rather than after it (English).
    pub footnote_before_punctuation: bool,
    pub masthead: MastheadWords,
}

impl LangTable {
    /// The longest lexicon entry that opens `text` on a word boundary,
    /// compared without regard to case (capitalisation is a separate lint).
    pub fn match_opening(&self, text: &str, preambular: bool) -> Option<usize> {
        let list = if preambular {
            self.preambular
        } else {
            self.operative
        };
        longest_prefix(text, list)
    }

    /// The actor opening `text` (after the opening words and a space).
    pub fn match_actor(&self, text: &str) -> Option<usize> {
        longest_prefix(text, self.actors)
    }

    /// The lexicon entry closest to `word` (for "did you mean").
    pub fn closest_opening(&self, text: &str, preambular: bool) -> Option<&'static str> {
        let list = if preambular {
            self.preambular
        } else {
            self.operative
        };
        let first: String = text.split_whitespace().next().unwrap_or("").to_lowercase();
        list.iter()
            .map(|entry| {
                (
                    crate::util::edit_distance(
                        &first,
                        &entry.split(' ').next().unwrap_or("").to_lowercase(),
                    ),
                    *entry,
                )
            })
            .filter(|(d, _)| *d <= 2.max(first.chars().count() / 4))
            .min_by_key(|(d, entry)| (*d, entry.len()))
            .map(|(_, e)| e)
    }

    pub fn is_ibid(&self, text: &str) -> bool {
        let t = text.trim_start();
        self.ibid.iter().any(|w| t.starts_with(w))
    }
}

/// The masthead's date line. UN documents print it in English in every
/// language version ("20 August 2025"), as they do "Distr.: General" and
/// "Original: English". Returns `None` unless `iso` is a valid `YYYY-MM-DD`.
pub fn masthead_date(iso: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let b = iso.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| iso.get(r)?.parse::<u32>().ok();
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m) || d == 0 || d > days[(m - 1) as usize] {
        return None;
    }
    Some(format!("{d} {} {y}", MONTHS[(m - 1) as usize]))
}

fn longest_prefix(text: &str, list: &[&str]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for entry in list {
        if let Some(len) = prefix_len_ci(text, entry) {
            let at_boundary = text[len..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if at_boundary && best.is_none_or(|b| len > b) {
                best = Some(len);
            }
        }
    }
    best
}

/// Byte length of `entry` at the start of `text`, compared case-insensitively.
fn prefix_len_ci(text: &str, entry: &str) -> Option<usize> {
    let mut t = text.char_indices();
    for e in entry.chars() {
        let (_, c) = t.next()?;
        if !c.to_lowercase().eq(e.to_lowercase()) {
            return None;
        }
    }
    Some(t.next().map_or(text.len(), |(i, _)| i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masthead_dates() {
        assert_eq!(
            masthead_date("2025-08-20").as_deref(),
            Some("20 August 2025")
        );
        assert_eq!(
            masthead_date("2024-02-29").as_deref(),
            Some("29 February 2024")
        );
        assert_eq!(masthead_date("2025-02-29"), None);
        assert_eq!(masthead_date("20 August 2025"), None);
    }

    #[test]
    fn counters_round_trip() {
        assert_eq!(Counter::UpperRoman.format(14), "XIV");
        assert_eq!(Counter::LowerLatin.format(27), "aa");
        assert_eq!(Counter::LowerRoman.parse("iv"), Some(4));
        assert_eq!(Counter::LowerLatin.parse("c"), Some(3));
    }

    #[test]
    fn longest_opening_wins_on_a_word_boundary() {
        let t = Lang::Ru.table().unwrap();
        let text = "принимает к сведению совместный доклад";
        assert_eq!(
            t.match_opening(text, false),
            Some("принимает к сведению".len())
        );
        assert_eq!(t.match_opening("принимающий", false), None);
        let en = Lang::En.table().unwrap();
        assert_eq!(
            en.match_opening("Recalling also its decision", true),
            Some("Recalling also".len())
        );
    }
}
