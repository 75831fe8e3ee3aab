//! Per-language conventions, in one table per language. Nothing outside this
//! module branches on a language: stages ask the table.
//!
//! Sources for every convention are cited in `docs/languages.md`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

mod amendments;
mod ar;
mod en;
mod es;
mod fr;
pub mod mandates;
pub(crate) use amendments::AmendmentWords;
mod ru;
pub mod style;
mod zh;

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

    /// The ISO 639-2 (terminology) code Akoma Ntoso's IRIs use (`eng`).
    pub fn iso639_2(self) -> &'static str {
        match self {
            Lang::Ar => "ara",
            Lang::Zh => "zho",
            Lang::En => "eng",
            Lang::Fr => "fra",
            Lang::Ru => "rus",
            Lang::Es => "spa",
        }
    }

    /// The table of conventions of this language.
    pub(crate) fn table(self) -> &'static LangTable {
        match self {
            Lang::Ar => &ar::TABLE,
            Lang::Zh => &zh::TABLE,
            Lang::En => &en::TABLE,
            Lang::Fr => &fr::TABLE,
            Lang::Ru => &ru::TABLE,
            Lang::Es => &es::TABLE,
        }
    }

    /// Position of the language in [`Lang::ALL`] (and in
    /// [`MastheadWords::language_names`]).
    pub(crate) fn index(self) -> usize {
        Lang::ALL.iter().position(|&l| l == self).unwrap_or(0)
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
    /// Arabic letters in abjad order: أ ب ج د هـ و ز ح ط ي … (Arabic
    /// sub-paragraphs `(أ)`, the counterpart of `(a)`).
    ArabicAbjad,
    /// Names of the Arabic letters in abjad order: ألف، باء، جيم … (Arabic
    /// sub-section headings, the counterpart of `A.`, `B.`).
    ArabicLetterName,
    /// Arabic ordinal adverbs: أولاً، ثانياً … (Arabic section headings, the
    /// counterpart of `I.`, `II.`).
    ArabicOrdinal,
    /// Arabic ordinal adjectives: الأول، الثاني … (`المرفق الأول`, annex I;
    /// `الفرع الثاني`, section II).
    ArabicOrdinalAdj,
    /// Chinese numerals: 一、二、三 … 十一 … (Chinese section headings and
    /// annexes, `附件一`).
    ChineseNumeral,
    /// Parenthesised Chinese numerals ㈠ ㈡ … ㈩, then `(十一)`: the Chinese
    /// counterpart of `(i)`, `(ii)`.
    ChineseParenNumeral,
}

impl Counter {
    pub fn format(self, n: u32) -> String {
        match self {
            Counter::Arabic => n.to_string(),
            Counter::UpperRoman => roman(n),
            Counter::LowerRoman => roman(n).to_lowercase(),
            Counter::UpperLatin => latin(n),
            Counter::LowerLatin => latin(n).to_lowercase(),
            Counter::ArabicAbjad => repeat_from(&ABJAD, n),
            Counter::ArabicLetterName => repeat_from(&ABJAD_NAMES, n),
            Counter::ArabicOrdinal => word_from(&AR_ORDINAL, n),
            Counter::ArabicOrdinalAdj => word_from(&AR_ORDINAL_ADJ, n),
            Counter::ChineseNumeral => chinese(n),
            Counter::ChineseParenNumeral => match n {
                1..=10 => char::from_u32(0x3220 + n - 1).map_or_else(String::new, String::from),
                _ => format!("({})", chinese(n)),
            },
        }
    }
}

/// The 28 Arabic letters in abjad order (UN Arabic sub-paragraphs).
const ABJAD: [&str; 28] = [
    "أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق",
    "ر", "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ",
];

/// The names of the same letters (UN Arabic sub-section headings).
const ABJAD_NAMES: [&str; 28] = [
    "ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء", "كاف", "لام", "ميم",
    "نون", "سين", "عين", "فاء", "صاد", "قاف", "راء", "شين", "تاء", "ثاء", "خاء", "ذال", "ضاد",
    "ظاء", "غين",
];

/// Ordinal adverbs 1–20 (UN Arabic section headings: `أولاً -`).
const AR_ORDINAL: [&str; 20] = [
    "أولاً",
    "ثانياً",
    "ثالثاً",
    "رابعاً",
    "خامساً",
    "سادساً",
    "سابعاً",
    "ثامناً",
    "تاسعاً",
    "عاشراً",
    "حادي عشر",
    "ثاني عشر",
    "ثالث عشر",
    "رابع عشر",
    "خامس عشر",
    "سادس عشر",
    "سابع عشر",
    "ثامن عشر",
    "تاسع عشر",
    "عشرون",
];

/// Masculine ordinal adjectives 1–20 (`المرفق الأول`, `الفرع الثاني`).
const AR_ORDINAL_ADJ: [&str; 20] = [
    "الأول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
    "الحادي عشر",
    "الثاني عشر",
    "الثالث عشر",
    "الرابع عشر",
    "الخامس عشر",
    "السادس عشر",
    "السابع عشر",
    "الثامن عشر",
    "التاسع عشر",
    "العشرون",
];

/// Past the end of an alphabet, letters are doubled as in `aa`, `bb`, then
/// tripled; past that (a list longer than resolution allows, E0040) the
/// number is written in digits, so that no designation grows with the list.
fn repeat_from(alphabet: &[&str], n: u32) -> String {
    let len = alphabet.len() as u32;
    let n = n.max(1);
    let times = (n - 1) / len + 1;
    if times > MAX_LETTER_REPEAT {
        return n.to_string();
    }
    alphabet[((n - 1) % len) as usize].repeat(times as usize)
}

/// The longest run of one letter in a designation: `(zzz)`.
pub const MAX_LETTER_REPEAT: u32 = 3;

/// Past the end of a word list, the number is written in digits.
fn word_from(words: &[&str], n: u32) -> String {
    match words.get((n as usize).wrapping_sub(1)) {
        Some(w) => (*w).to_string(),
        None => n.to_string(),
    }
}

/// Chinese numerals for 1–9999 (`一`, `十一`, `二十`, `一百零五`).
fn chinese(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if n == 0 || n >= 10_000 {
        return n.to_string();
    }
    if (10..20).contains(&n) {
        return format!(
            "十{}",
            if n == 10 {
                ""
            } else {
                DIGITS[(n - 10) as usize]
            }
        );
    }
    let units = [(1000, "千"), (100, "百"), (10, "十"), (1, "")];
    let mut out = String::new();
    let mut zero = false;
    let mut started = false;
    for (value, name) in units {
        let d = (n / value) % 10;
        if d == 0 {
            zero = started;
            continue;
        }
        if zero {
            out.push_str(DIGITS[0]);
            zero = false;
        }
        out.push_str(DIGITS[d as usize]);
        out.push_str(name);
        started = true;
    }
    out
}

/// Arabic vowel marks (harakat, tanwin, superscript alef) and tatweel, which
/// UN texts write or omit freely (`علماً` / `علما`).
/// `’` read as `'` when words are compared.
fn fold_quote(c: char) -> char {
    if c == '\u{2019}' { '\'' } else { c }
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

fn strip_marks(s: &str) -> String {
    s.chars().filter(|&c| !is_mark(c)).collect()
}

/// A CJK ideograph: Chinese writes no space between words.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// `a`…`z`, then `aa`, `bb` … as in UN documents.
fn latin(n: u32) -> String {
    let n = n.max(1);
    let times = (n - 1) / 26 + 1;
    if times > MAX_LETTER_REPEAT {
        return n.to_string();
    }
    let letter = char::from(b'A' + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, times as usize).collect()
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
    /// The only annex of a document, which has no numeral ("the annex").
    pub annex_single: &'static str,
    pub decision: &'static str,
    /// A decision that has no number yet.
    pub draft_decision: &'static str,
    /// A sub-paragraph named alone (`@.label`): "subparagraph {}", `{}`
    /// being its own designation (`(d)`).
    pub subparagraph: &'static str,
    /// A reference into an annex from outside it: `{ref}` is the reference
    /// as it reads inside the annex, `{}` the annex's numeral ("{ref} of
    /// annex {}": "paragraph 2 of annex I").
    pub in_annex: &'static str,
    /// The same, into a document's only annex ("{ref} of the annex").
    pub in_single_annex: &'static str,
    /// The heading of an option of an option block, and a reference to
    /// it: "Option {}", `{}` being its number in Western digits (as the
    /// negotiating texts print them in every language).
    pub option: &'static str,
    /// The words of a paragraph inserted after another (`9 bis`, `9 ter`):
    /// bis, ter, quater … in the language's form, up to decies.
    pub inserted: [&'static str; 9],
}

/// The mark in front of a dash item (`– text`), in every language.
pub const DASH_ITEM: &str = "\u{2013}";

/// The words of inserted paragraphs as typed (`9 bis.`) and in anchors
/// (`op-9-bis`): the Latin ones, in every language version.
pub const INSERTED_LATIN: [&str; 9] = [
    "bis",
    "ter",
    "quater",
    "quinquies",
    "sexies",
    "septies",
    "octies",
    "novies",
    "decies",
];

/// Fixed words of the masthead.
#[derive(Clone, Copy, Debug)]
pub struct MastheadWords {
    /// The line over the masthead of a UN document, left of the symbol
    /// (`United Nations`, `Nations Unies`); a specialized agency's house
    /// style names the agency instead ([`style::HouseStyle::agency`]).
    pub united_nations: &'static str,
    /// `Item {} of the provisional agenda`; `{}` stands for the item with its
    /// sub-item as [`LangTable::agenda_item`] prints it (`5 (c)`, `5 c)`).
    pub agenda_item: &'static str,
    /// The heading of an annex: `Annex` (one annex) or `Annex {}`, `{}` being
    /// the annex number printed with [`LangTable::annex_counter`].
    pub annex: &'static str,
    pub annex_numbered: &'static str,
    /// The heading printed over a draft decision without a number; before
    /// a UNFCCC number not yet given, "Draft decision -/CP.21".
    pub draft_decision: &'static str,
    /// The heading of a numbered UNFCCC decision, `{}` being its number:
    /// "Decision 1/CP.21", "第1/CP.21号决定" (`docs/languages.md`).
    pub decision_numbered: &'static str,
    /// Between a decision's symbol (or `draft_decision`) and its title.
    pub heading_separator: &'static str,
    /// The language of the distribution block (`Distr.`, date, version,
    /// `Original`): English in the Arabic, Chinese, English and Russian
    /// versions, French and Spanish in theirs (`docs/languages.md`).
    pub distribution_lang: Lang,
    /// `Distr.: General`, `Distr.: Limited`, `Distr.: Restricted`, in the
    /// order of [`Distribution`], in `distribution_lang`.
    pub distribution: [&'static str; 3],
    /// The line naming the language of this version (`French`, `Français`).
    pub language_line: &'static str,
    /// `Original: {}`, `{}` being one of `language_names`.
    pub original: &'static str,
    /// Names of the six languages, in [`Lang::ALL`] order, as the
    /// `Original:` line prints them (`anglais`, `inglés`).
    pub language_names: [&'static str; 6],
    /// Between the place and the dates of the meeting (`Geneva, 3–7
    /// November 2025`): the language's own comma, `، ` in Arabic, `，` in
    /// Chinese.
    pub list_separator: &'static str,
    /// Month names for the masthead date.
    pub months: [&'static str; 12],
    /// The date with `{d}`, `{m}`, `{y}`: `{d} {m} {y}`, `{d} de {m} de {y}`.
    pub date_pattern: &'static str,
    /// How the first day of a month is written when it is not `1` (`1er`).
    pub first_day: Option<&'static str>,
}

/// The words printed around a body's texts (draft and adopted
/// resolutions and decisions): `{}` stands for a field, `{organ}` for the
/// house style's name of the organ, `{date}` for a date in
/// [`KindWords::date_pattern`], `{n}` for a meeting's number as
/// [`KindWords::ordinal`] writes it.
#[derive(Clone, Copy, Debug)]
pub struct KindWords {
    /// `Agenda item {}`: the agenda of a session, adopted.
    pub agenda_item: &'static str,
    /// The sponsor line of a draft resolution: `{}: draft resolution`.
    pub sponsors_resolution: &'static str,
    pub sponsors_decision: &'static str,
    /// `Resolution adopted by {organ} on {date}`.
    pub resolution_adopted_on: &'static str,
    pub decision_adopted_on: &'static str,
    /// `Adopted by {organ} at its {n} meeting, on {date}` (Security Council).
    pub adopted_at_meeting: &'static str,
    /// `Resolution {}`: the heading of a resolution with a number and no
    /// title (Security Council).
    pub resolution_number: &'static str,
    pub decision_number: &'static str,
    /// `[{}]`: the reference line of a General Assembly resolution.
    pub committee: &'static str,
    /// `{n} plenary meeting`, over the date of adoption.
    pub plenary_meeting: &'static str,
    /// `{n} plenary meeting, {date}` on one line, `{n}` in words when
    /// [`KindWords::ordinal_words`] has it (`Seventh plenary meeting`).
    pub plenary_line: &'static str,
    /// How `{n}` is written.
    pub ordinal: Ordinal,
    /// Ordinal words from one (`First`, `Second` …), capitalised to open a line.
    pub ordinal_words: &'static [&'static str],
    /// Months for dates in the text, in the language itself (the masthead's
    /// date is in the distribution block's language).
    pub months: [&'static str; 12],
    /// `{d} {m} {y}`, `{d} de {m} de {y}`, `{y}年{m}月{d}日`.
    pub date_pattern: &'static str,
    /// How the first day of a month is written when it is not `1` (`1er`).
    pub first_day: Option<&'static str>,
}

/// The day of a date as `{d}` prints it.
fn day(d: u32, first_day: Option<&str>) -> String {
    match (d, first_day) {
        (1, Some(first)) => first.to_string(),
        _ => d.to_string(),
    }
}

/// How a meeting's number is written in `{n}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ordinal {
    /// The number alone: the template carries the ending (`{n}e séance`).
    Plain,
    /// English suffixes: `1st`, `2nd`, `3rd`, `11th`, `64th`.
    EnglishSuffix,
}

impl KindWords {
    /// `n` as `{n}` prints it.
    pub fn ordinal(&self, n: u32) -> String {
        match self.ordinal {
            Ordinal::Plain => n.to_string(),
            Ordinal::EnglishSuffix => {
                let suffix = match (n % 10, n % 100) {
                    (_, 11..=13) => "th",
                    (1, _) => "st",
                    (2, _) => "nd",
                    (3, _) => "rd",
                    _ => "th",
                };
                format!("{n}{suffix}")
            }
        }
    }

    /// `n` in words if the table has them, else as [`KindWords::ordinal`].
    pub fn ordinal_in_words(&self, n: u32) -> String {
        match self.ordinal_words.get((n as usize).wrapping_sub(1)) {
            Some(w) => (*w).to_string(),
            None => self.ordinal(n),
        }
    }

    /// A date in the text's language; `None` unless `iso` is a real
    /// `YYYY-MM-DD` date.
    pub fn date(&self, iso: &str) -> Option<String> {
        let (y, m, d) = parse_iso_date(iso.trim())?;
        Some(
            self.date_pattern
                .replace("{d}", &day(d, self.first_day))
                .replace("{m}", self.months[(m - 1) as usize])
                .replace("{y}", &y.to_string()),
        )
    }
}

/// How text of one language is set: locales and fonts per script, for the
/// DOCX and HTML backends.
///
/// Word chooses a font and a language for each character by its script:
/// Latin (`w:ascii`/`w:hAnsi`, `w:lang w:val`), East Asian (`w:eastAsia`)
/// and complex scripts such as Arabic (`w:cs`, `w:lang w:bidi`). Each table
/// names all three, so a Latin symbol in an Arabic sentence and a Han
/// character in a Russian one still get a sensible face.
#[derive(Clone, Copy, Debug)]
pub struct Typography {
    /// BCP 47 tag of the document (`en-GB`, `zh-CN`): HTML `lang` (a region
    /// or script lets browsers pick Simplified Chinese glyph forms) and
    /// `dc:language`.
    pub locale: &'static str,
    /// Word's `w:lang`: `w:val` (Latin-script text), `w:eastAsia`, `w:bidi`.
    pub word_lang: [&'static str; 3],
    /// Word's `w:rFonts`: Latin (`w:ascii`, `w:hAnsi`), East Asian, complex script.
    pub fonts: [&'static str; 3],
    /// `w:rFonts w:hint="eastAsia"` on runs of the language's own script:
    /// Word sets shared punctuation (“ ” ‘ ’ …) in the East Asian font, full
    /// width. (Right-to-left runs need no hint: `w:rtl` makes them complex
    /// script, and ISO/IEC 29500 knows no `cs` hint.)
    pub east_asia_hint: bool,
    /// The face of opening words when the script has no italics: Chinese
    /// sets them upright in a Kai (楷体) face, never a slanted Song. `None`:
    /// opening words are italic.
    pub opening_face: Option<&'static str>,
    /// CSS `font-family` of the HTML page, most specific first.
    pub css_fonts: &'static str,
    /// CSS `font-family` of [`Typography::opening_face`], for the HTML
    /// page: opening words and emphasis upright in that face. `None`: in
    /// italics.
    pub css_opening_face: Option<&'static str>,
    /// Words are separated by spaces: the space between opening words and
    /// the rest of a clause is put back. Chinese runs words together
    /// ("回顾其决定"), so none is.
    pub word_spaces: bool,
}

/// The serif UN documents use for Latin and Cyrillic text; LibreOffice and
/// browsers substitute its metric twin, Liberation Serif.
/// The closing punctuation marks of a language: each list starts with the
/// language's own mark (the one a fix writes), then the forms it also
/// accepts (Latin marks typed in Arabic or Chinese text).
#[derive(Clone, Copy, Debug)]
pub struct Marks {
    pub comma: &'static [char],
    pub semicolon: &'static [char],
    pub full_stop: &'static [char],
    pub colon: &'static [char],
    /// Between footnote indicators at one place (`1,2`): the Editorial
    /// Manual's comma (*Footnotes*, IX.B).
    pub footnote_separator: &'static str,
}

/// The Latin marks, used by the languages written in Latin or Cyrillic.
pub const LATIN_MARKS: Marks = Marks {
    comma: &[','],
    semicolon: &[';'],
    full_stop: &['.'],
    colon: &[':'],
    footnote_separator: ",",
};

/// The distribution of a document, as the `distribution:` key writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Distribution {
    General,
    Limited,
    Restricted,
}

impl Distribution {
    pub const ALL: [Distribution; 3] = [
        Distribution::General,
        Distribution::Limited,
        Distribution::Restricted,
    ];

    /// The value of the `distribution:` key (`General`).
    pub fn key(self) -> &'static str {
        match self {
            Distribution::General => "General",
            Distribution::Limited => "Limited",
            Distribution::Restricted => "Restricted",
        }
    }

    pub fn from_key(value: &str) -> Option<Distribution> {
        Distribution::ALL.into_iter().find(|d| d.key() == value)
    }
}

/// The English prefix (`MC`) of a decision symbol written with a localised
/// prefix in any language (`МК`): symbols are read before the document's
/// language is known, so every table's prefixes count.
pub fn canonical_convention(prefix: &str) -> Option<&'static str> {
    Lang::ALL
        .iter()
        .flat_map(|l| l.table().decision_prefixes)
        .find(|(local, _)| *local == prefix)
        .map(|(_, canonical)| *canonical)
}

/// The language codes, as a drafter writes them (`ar, zh, en, fr, ru, es`).
pub fn language_codes() -> String {
    Lang::ALL.map(Lang::code).join(", ")
}

/// The opening words the drafting rules know in one language (W0206,
/// W0207 check clauses against them). Public for editors, which complete
/// and explain opening words; [`lexicon`] gives it.
#[derive(Clone, Copy, Debug)]
pub struct Lexicon {
    /// Opening words of preambular clauses (`Recalling`).
    pub preambular: &'static [&'static str],
    /// Opening words of operative paragraphs (`Requests`).
    pub operative: &'static [&'static str],
}

/// The opening-word lexicon of `lang`, as validation reads it.
pub fn lexicon(lang: Lang) -> Lexicon {
    let table = lang.table();
    Lexicon {
        preambular: table.preambular,
        operative: table.operative,
    }
}

/// A template with one `{}` cut around it: the words before and after.
pub fn split_template(template: &str) -> (&str, &str) {
    template.split_once("{}").unwrap_or((template, ""))
}

/// The family of Latin-script text in every language (a language's
/// `Typography` names its East Asian and complex-script faces). Liberation
/// Serif is its metric twin, so LibreOffice substitutes it without changing
/// a line break.
pub const SERIF: &str = "Times New Roman";
/// The CSS stack behind [`SERIF`].
pub const CSS_SERIF: &str =
    "\"Times New Roman\", Times, \"Liberation Serif\", \"Nimbus Roman\", \"Tinos\", serif";

/// Typography of the languages written in Latin or Cyrillic script: one
/// serif for everything, Word's defaults for East Asian and complex-script
/// text that a quotation may bring in.
pub const fn western(locale: &'static str) -> Typography {
    Typography {
        locale,
        word_lang: [locale, "zh-CN", "ar-SA"],
        fonts: [SERIF, SERIF, SERIF],
        east_asia_hint: false,
        opening_face: None,
        css_fonts: CSS_SERIF,
        css_opening_face: None,
        word_spaces: true,
    }
}

/// Adverbs written before or after any entry of the opening-word lexicon:
/// "*Also requests*", "*Requests also*", "*Stressing further*",
/// "*Expressing deep concern also*". Before-adverbs are followed by a space
/// unless they end in an ideograph (`又回顾`); after-adverbs follow the
/// entry and a space.
#[derive(Clone, Copy, Debug)]
pub struct Adverbs {
    pub before: &'static [&'static str],
    pub after: &'static [&'static str],
}

/// Every convention of one language.
#[derive(Debug)]
pub struct LangTable {
    /// Right-to-left script: paragraphs are `w:bidi` and the page `dir="rtl"`,
    /// which mirrors the layout (numbers hang on the right).
    pub rtl: bool,
    pub typography: Typography,
    /// Sections, sub-sections and numbered paragraphs.
    pub section: Counter,
    pub subsection: Counter,
    /// What follows the designation in a heading or before a paragraph's
    /// text: `I.` / `A.` / `1.` in English, `أولاً -` / `ألف -` / `1 -` in
    /// Arabic, `一、` in Chinese.
    pub section_suffix: &'static str,
    pub subsection_suffix: &'static str,
    pub paragraph_suffix: &'static str,
    /// The counter a cross-reference uses for a section (`section II`,
    /// `الفرع الثاني`, `第二节`).
    pub section_ref: Counter,
    /// The counter of numbered annexes (`Annex I`, `المرفق الأول`, `附件一`).
    pub annex_counter: Counter,
    /// Between a paragraph number and its sub-paragraph designations in a
    /// reference or agenda item: `" "` (`4 (b)`, `4 b)`) or `""` (`4(b)`).
    pub ref_sub_sep: &'static str,
    /// Localised decision-symbol prefixes and the English prefix they stand
    /// for (`("МК", "MC")`): a reference is one node whatever the script.
    pub decision_prefixes: &'static [(&'static str, &'static str)],
    /// Sub-paragraph levels 1 to 4.
    pub sub_levels: [SubStyle; 4],
    pub refs: RefWords,
    /// Words that open an *Ibid.* footnote.
    pub ibid: &'static [&'static str],
    /// Opening words of preambular clauses.
    pub preambular: &'static [&'static str],
    /// Opening words of operative paragraphs.
    pub operative: &'static [&'static str],
    /// Adverbs that vary any opening words (`Also recalling`, `Recalling
    /// also`, `又回顾`): the variant is italicised as a whole.
    pub adverbs: Adverbs,
    /// Actors that a paragraph may address right after its opening words.
    pub actors: &'static [&'static str],
    /// Opening words start with a capital letter (English) or not (Russian).
    /// Meaningless for scripts without case (Arabic, Chinese), where it is
    /// `false`: use [`LangTable::opener_case_ok`] rather than testing it.
    pub capitalised_openers: bool,
    /// The footnote indicator stands before punctuation (French, Spanish,
    /// Russian) rather than after it (English).
    pub footnote_before_punctuation: bool,
    /// The closing punctuation marks the language writes.
    pub marks: Marks,
    /// The conjunctions that may follow the mark closing the last but one
    /// paragraph or sub-paragraph of a list (`; and`, `; et`, `; y`, `; и`,
    /// `؛ و`, `；以及`): the mark before them is the one checked.
    pub list_conjunctions: &'static [&'static str],
    pub masthead: MastheadWords,
    pub kinds: KindWords,
    /// What the table of mandates recognises (`crate::mandates`).
    pub mandates: &'static mandates::MandateWords,
    pub redline: RedlineWords,
    /// The words of an amendments document, where they were confirmed
    /// (`amendments.rs`); `None` where they were not, and the command
    /// refuses.
    pub amendments: Option<&'static amendments::AmendmentWords>,
}

/// The words of a redline (`draftdec diff --to html`): its title, and what
/// a screen reader hears, and a printed page shows, around each change,
/// so that a change is not told by colour alone.
#[derive(Debug)]
pub struct RedlineWords {
    pub title: &'static str,
    pub inserted: &'static str,
    pub deleted: &'static str,
    /// Before the old place of a paragraph moved here (`moved from 4.`).
    pub moved_from: &'static str,
    /// Before the new place of a paragraph moved away (`moved to 2.`).
    pub moved_to: &'static str,
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
        // Where an entry may start: at the beginning, or after an adverb.
        let mut starts = vec![0];
        if let Some(len) = longest_prefix(text, self.adverbs.before) {
            if text[..len].chars().last().is_some_and(is_han) {
                starts.push(len);
            } else if text[len..].starts_with(' ') {
                starts.push(len + 1);
            }
        }
        starts
            .into_iter()
            .filter_map(|start| {
                let end = start + longest_prefix(&text[start..], list)?;
                let after = text[end..]
                    .strip_prefix(' ')
                    .and_then(|rest| longest_prefix(rest, self.adverbs.after));
                Some(after.map_or(end, |len| end + 1 + len))
            })
            .max()
    }

    /// The actor opening `text` (after the opening words and a space).
    pub fn match_actor(&self, text: &str) -> Option<usize> {
        longest_prefix(text, self.actors)
    }

    /// The lexicon entry closest to the first word of `text`, when that
    /// word looks like a typo of it (for "did you mean").
    pub fn closest_opening(&self, text: &str, preambular: bool) -> Option<&'static str> {
        let list = if preambular {
            self.preambular
        } else {
            self.operative
        };
        let first: String =
            strip_marks(text.split_whitespace().next().unwrap_or("")).to_lowercase();
        list.iter()
            .map(|entry| {
                let head = strip_marks(entry.split(' ').next().unwrap_or("")).to_lowercase();
                // Chinese has no spaces: compare as many characters as the
                // entry has.
                let candidate: String = if head.chars().next().is_some_and(is_han) {
                    first.chars().take(head.chars().count()).collect()
                } else {
                    first.clone()
                };
                let len = candidate.chars().count();
                (crate::util::edit_distance(&candidate, &head), *entry, len)
            })
            // Close means a typo: one edit in a short word, two in a long
            // one, never the whole word; a first word that is right but
            // followed by words no entry has gets no suggestion.
            .filter(|&(d, _, len)| d >= 1 && d < len && d <= if len <= 7 { 1 } else { 2 })
            .min_by_key(|(d, entry, _)| (*d, entry.len()))
            .map(|(_, e, _)| e)
    }

    pub fn is_ibid(&self, text: &str) -> bool {
        let t = text.trim_start();
        self.ibid.iter().any(|w| t.starts_with(w))
    }

    /// Whether the case of the first letter of `text` fits
    /// `capitalised_openers`. Always true for a caseless script.
    pub fn opener_case_ok(&self, text: &str) -> bool {
        match text.trim_start().chars().next() {
            Some(c) if c.is_uppercase() => self.capitalised_openers,
            Some(c) if c.is_lowercase() => !self.capitalised_openers,
            _ => true,
        }
    }

    /// A sub-paragraph designation at `level` (1 to 4): `(b)`, `b)`, `(ب)`.
    /// (The unit tests pin each convention through it.)
    #[cfg(test)]
    pub fn sub_designation(&self, level: usize, n: u32) -> String {
        let i = level.clamp(1, self.sub_levels.len()) - 1;
        self.sub_levels[i].display(n)
    }

    /// The label of a section heading: `II.`, `ثانياً -`, `二、`.
    pub fn section_label(&self, n: u32) -> String {
        format!("{}{}", self.section.format(n), self.section_suffix)
    }

    /// The label of a sub-section heading: `B.`, `باء -`.
    pub fn subsection_label(&self, n: u32) -> String {
        format!("{}{}", self.subsection.format(n), self.subsection_suffix)
    }

    /// The label before a numbered paragraph: `4.`, `4 -`.
    pub fn paragraph_label(&self, n: impl std::fmt::Display) -> String {
        format!("{n}{}", self.paragraph_suffix)
    }

    /// A number followed by sub-paragraph designations, one per level:
    /// `4 (b) (i)`, `4 b) i)`, `4 (ب)`, `4(b)㈠`.
    /// (The unit tests pin each convention through it.)
    #[cfg(test)]
    pub fn numbered_with_subs(&self, n: u32, subs: &[u32]) -> String {
        let mut out = n.to_string();
        for (i, &s) in subs.iter().enumerate() {
            out.push_str(self.ref_sub_sep);
            out.push_str(&self.sub_designation(i + 1, s));
        }
        out
    }

    /// A reference to an operative paragraph and its sub-paragraphs:
    /// `paragraph 4 (b)`, `paragraphe 4 b)`, `الفقرة 4 (ب)`, `第4(b)段`.
    /// (The unit tests pin each convention through it.)
    #[cfg(test)]
    pub fn paragraph_ref(&self, n: u32, subs: &[u32]) -> String {
        self.refs
            .paragraph
            .replace("{}", &self.numbered_with_subs(n, subs))
    }

    /// A reference to section `n`: `section II`, `الفرع الثاني`, `第二节`.
    pub fn section_ref(&self, n: u32) -> String {
        self.refs.section.replace("{}", &self.section_ref.format(n))
    }

    /// A reference to annex `n`: `annex II`, `المرفق الثاني`, `附件二`.
    pub fn annex_ref(&self, n: u32) -> String {
        self.refs.annex.replace("{}", &self.annex_counter.format(n))
    }

    /// The masthead's agenda line: `Item 5 (c) of the provisional agenda`,
    /// `Point 5 c) de l'ordre du jour provisoire`, `临时议程项目5(c)`.
    /// (The unit tests pin each convention through it.)
    #[cfg(test)]
    pub fn agenda_item(&self, item: u32, sub: Option<u32>) -> String {
        let subs: Vec<u32> = sub.into_iter().collect();
        self.masthead
            .agenda_item
            .replace("{}", &self.numbered_with_subs(item, &subs))
    }

    /// An annex heading: `Annex` alone, or `Annex II`, `المرفق الثاني`, `附件二`.
    pub fn annex_heading(&self, n: Option<u32>) -> String {
        match n {
            None => self.masthead.annex.to_string(),
            Some(n) => self
                .masthead
                .annex_numbered
                .replace("{}", &self.annex_counter.format(n)),
        }
    }

    /// The masthead date in this version's masthead language: `20 August
    /// 2025`, `20 août 2025`, `20 de agosto de 2025`.
    pub fn masthead_date(&self, iso: &str) -> Option<String> {
        let (y, m, d) = parse_iso_date(iso)?;
        Some(
            self.masthead
                .date_pattern
                .replace("{d}", &day(d, self.masthead.first_day))
                .replace("{m}", self.masthead.months[(m - 1) as usize])
                .replace("{y}", &y.to_string()),
        )
    }

    /// `Original: English` in this version's masthead language.
    pub fn original_line(&self, original: Lang) -> String {
        self.masthead
            .original
            .replace("{}", self.masthead.language_names[original.index()])
    }
}

const EN_MONTHS: [&str; 12] = [
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

/// The English names of the six languages, in [`Lang::ALL`] order.
const EN_LANGUAGE_NAMES: [&str; 6] = [
    "Arabic", "Chinese", "English", "French", "Russian", "Spanish",
];

/// The masthead words shared by the versions whose masthead lines are
/// printed in English (English, Arabic, Chinese, Russian); each table
/// overrides the words that are translated.
const EN_MASTHEAD: MastheadWords = MastheadWords {
    united_nations: "United Nations",
    agenda_item: "Item {} of the provisional agenda",
    annex: "Annex",
    annex_numbered: "Annex {}",
    draft_decision: "Draft decision",
    decision_numbered: "Decision {}",
    heading_separator: ": ",
    distribution_lang: Lang::En,
    distribution: ["Distr.: General", "Distr.: Limited", "Distr.: Restricted"],
    language_line: "English",
    original: "Original: {}",
    language_names: EN_LANGUAGE_NAMES,
    list_separator: ", ",
    months: EN_MONTHS,
    date_pattern: "{d} {m} {y}",
    first_day: None,
};

/// `YYYY-MM-DD` into year, month and day, if it is a real date.
fn parse_iso_date(iso: &str) -> Option<(u32, u32, u32)> {
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
    Some((y, m, d))
}

/// The masthead's date line. UN documents print it in English in every
/// language version ("20 August 2025"), as they do "Distr.: General" and
/// "Original: English". Returns `None` unless `iso` is a valid `YYYY-MM-DD`.
pub fn masthead_date(iso: &str) -> Option<String> {
    en::TABLE.masthead_date(iso)
}

fn longest_prefix(text: &str, list: &[&str]) -> Option<usize> {
    // The first letters compared as `prefix_len_ci` compares them: most
    // entries differ there, and are passed over without setting it up.
    let first = |s: &str| s.chars().find(|&c| !is_mark(c)).map(fold_quote);
    let text_first = first(text)?;
    let mut best: Option<usize> = None;
    for entry in list {
        let same_first = first(entry)
            .is_some_and(|e| e == text_first || e.to_lowercase().eq(text_first.to_lowercase()));
        if !same_first {
            continue;
        }
        if let Some(len) = prefix_len_ci(text, entry) {
            // Chinese runs words together: an entry ending in an ideograph
            // needs no boundary after it.
            let at_boundary = entry.chars().last().is_some_and(is_han)
                || text[len..]
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

/// Byte length of `entry` at the start of `text`, compared case-insensitively,
/// ignoring Arabic vowel marks and tatweel on either side and treating `'`
/// and `’` alike. Marks right after the match belong to it.
fn prefix_len_ci(text: &str, entry: &str) -> Option<usize> {
    let fold = fold_quote;
    let mut t = text.char_indices().filter(|&(_, c)| !is_mark(c)).peekable();
    for e in entry.chars().filter(|&c| !is_mark(c)) {
        let (_, c) = t.next()?;
        if !fold(c).to_lowercase().eq(fold(e).to_lowercase()) {
            return None;
        }
    }
    let end = match t.peek() {
        Some(&(i, _)) => i,
        None => text.len(),
    };
    Some(end)
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
    fn latin_counters() {
        assert_eq!(Counter::UpperRoman.format(14), "XIV");
        assert_eq!(Counter::LowerLatin.format(27), "aa");
    }

    #[test]
    fn longest_opening_wins_on_a_word_boundary() {
        let t = Lang::Ru.table();
        let text = "принимает к сведению совместный доклад";
        assert_eq!(
            t.match_opening(text, false),
            Some("принимает к сведению".len())
        );
        assert_eq!(t.match_opening("принимающий", false), None);
        let en = Lang::En.table();
        assert_eq!(
            en.match_opening("Recalling also its decision", true),
            Some("Recalling also".len())
        );
    }

    #[test]
    fn every_language_has_a_table() {
        for l in Lang::ALL {
            let t = l.table();
            assert!(t.preambular.len() >= 27, "{l:?} preambular lexicon");
            assert!(t.operative.len() >= 30, "{l:?} operative lexicon");
            assert!(!t.masthead.language_names[Lang::En.index()].is_empty());
        }
        assert!(Lang::Ar.table().rtl);
        assert_eq!(Lang::ALL.iter().filter(|l| l.table().rtl).count(), 1);
    }

    #[test]
    fn new_counters() {
        assert_eq!(Counter::ArabicAbjad.format(1), "أ");
        assert_eq!(Counter::ArabicAbjad.format(3), "ج");
        assert_eq!(Counter::ArabicAbjad.format(5), "هـ");
        assert_eq!(Counter::ArabicAbjad.format(8), "ح");
        assert_eq!(Counter::ArabicAbjad.format(10), "ي");
        assert_eq!(Counter::ArabicLetterName.format(2), "باء");
        assert_eq!(Counter::ArabicOrdinal.format(1), "أولاً");
        assert_eq!(Counter::ArabicOrdinal.format(11), "حادي عشر");
        assert_eq!(Counter::ArabicOrdinal.format(25), "25");
        assert_eq!(Counter::ArabicOrdinalAdj.format(2), "الثاني");
        assert_eq!(Counter::ChineseNumeral.format(1), "一");
        assert_eq!(Counter::ChineseNumeral.format(10), "十");
        assert_eq!(Counter::ChineseNumeral.format(14), "十四");
        assert_eq!(Counter::ChineseNumeral.format(20), "二十");
        assert_eq!(Counter::ChineseNumeral.format(35), "三十五");
        assert_eq!(Counter::ChineseNumeral.format(105), "一百零五");
        assert_eq!(Counter::ChineseParenNumeral.format(1), "㈠");
        assert_eq!(Counter::ChineseParenNumeral.format(10), "㈩");
        assert_eq!(Counter::ChineseParenNumeral.format(11), "(十一)");
    }

    #[test]
    fn sub_paragraph_designations() {
        let d = |l: Lang, level, n| l.table().sub_designation(level, n);
        assert_eq!(d(Lang::En, 1, 2), "(b)");
        assert_eq!(d(Lang::En, 2, 3), "(iii)");
        assert_eq!(d(Lang::En, 3, 1), "a.");
        assert_eq!(d(Lang::Fr, 1, 2), "b)");
        assert_eq!(d(Lang::Fr, 2, 4), "iv)");
        assert_eq!(d(Lang::Es, 1, 3), "c)");
        assert_eq!(d(Lang::Es, 2, 1), "i)");
        assert_eq!(d(Lang::Ru, 1, 1), "a)");
        assert_eq!(d(Lang::Ar, 1, 2), "(ب)");
        assert_eq!(d(Lang::Ar, 1, 3), "(ج)");
        assert_eq!(d(Lang::Ar, 2, 1), "\u{2019}1\u{2018}");
        assert_eq!(d(Lang::Zh, 1, 2), "(b)");
        assert_eq!(d(Lang::Zh, 2, 2), "㈡");
    }

    #[test]
    fn headings_and_paragraph_labels() {
        assert_eq!(Lang::En.table().section_label(2), "II.");
        assert_eq!(Lang::Fr.table().subsection_label(1), "A.");
        assert_eq!(Lang::Ar.table().section_label(1), "أولاً -");
        assert_eq!(Lang::Ar.table().subsection_label(1), "ألف -");
        assert_eq!(Lang::Ar.table().paragraph_label(4), "4 -");
        assert_eq!(Lang::Zh.table().section_label(2), "二、");
        assert_eq!(Lang::Zh.table().paragraph_label(4), "4.");
        assert_eq!(Lang::Es.table().section_ref(3), "sección III");
        assert_eq!(Lang::Ar.table().section_ref(2), "الفرع الثاني");
        assert_eq!(Lang::Zh.table().section_ref(2), "第二节");
    }

    #[test]
    fn cross_references() {
        let r = |l: Lang| l.table().paragraph_ref(4, &[2]);
        assert_eq!(r(Lang::En), "paragraph 4 (b)");
        assert_eq!(r(Lang::Fr), "paragraphe 4 b)");
        assert_eq!(r(Lang::Es), "párrafo 4 b)");
        assert_eq!(r(Lang::Ru), "пункт 4 b)");
        assert_eq!(r(Lang::Ar), "الفقرة 4 (ب)");
        assert_eq!(r(Lang::Zh), "第4(b)段");
        assert_eq!(
            Lang::En.table().paragraph_ref(4, &[2, 1]),
            "paragraph 4 (b) (i)"
        );
        assert_eq!(Lang::Zh.table().paragraph_ref(7, &[]), "第7段");
        assert_eq!(Lang::Ar.table().annex_ref(1), "المرفق الأول");
        assert_eq!(Lang::Zh.table().annex_ref(2), "附件二");
        assert_eq!(Lang::Fr.table().annex_ref(2), "annexe II");
    }

    #[test]
    fn masthead_words() {
        let a = |l: Lang| l.table().agenda_item(5, Some(3));
        assert_eq!(a(Lang::En), "Item 5 (c) of the provisional agenda");
        assert_eq!(a(Lang::Fr), "Point 5 c) de l'ordre du jour provisoire");
        assert_eq!(a(Lang::Es), "Tema 5 c) del programa provisional");
        assert_eq!(a(Lang::Ru), "Пункт 5 c) предварительной повестки дня");
        assert_eq!(a(Lang::Ar), "البند 5 (ج) من جدول الأعمال المؤقت");
        assert_eq!(a(Lang::Zh), "临时议程项目5(c)");
        assert_eq!(Lang::Zh.table().agenda_item(3, None), "临时议程项目3");
        assert_eq!(Lang::Fr.table().annex_heading(None), "Annexe");
        assert_eq!(Lang::Es.table().annex_heading(Some(2)), "Anexo II");
        assert_eq!(Lang::Ar.table().annex_heading(Some(1)), "المرفق الأول");
        assert_eq!(Lang::Zh.table().annex_heading(Some(1)), "附件一");
        assert_eq!(
            Lang::Fr.table().masthead.draft_decision,
            "Projet de décision"
        );
        assert_eq!(Lang::Ar.table().masthead.draft_decision, "مشروع مقرر");
        assert_eq!(
            Lang::Fr.table().masthead_date("2025-08-20").as_deref(),
            Some("20 août 2025")
        );
        assert_eq!(
            Lang::Es.table().masthead_date("2025-08-20").as_deref(),
            Some("20 de agosto de 2025")
        );
        assert_eq!(
            Lang::Ar.table().masthead_date("2025-08-20").as_deref(),
            Some("20 August 2025")
        );
        assert_eq!(Lang::Es.table().original_line(Lang::En), "Original: inglés");
        assert_eq!(
            Lang::Fr.table().original_line(Lang::En),
            "Original\u{A0}: anglais"
        );
        assert_eq!(
            Lang::Zh.table().original_line(Lang::En),
            "Original: English"
        );
    }

    #[test]
    fn ibid_words() {
        assert!(Lang::En.table().is_ibid("Ibid., annex II."));
        assert!(Lang::Fr.table().is_ibid("Ibid., annexe II."));
        assert!(Lang::Es.table().is_ibid("Ibid., anexo II."));
        assert!(Lang::Es.table().is_ibid("Ibíd., anexo II."));
        assert!(Lang::Ru.table().is_ibid("Там же, приложение II."));
        assert!(Lang::Ar.table().is_ibid("المرجع نفسه، المرفق الثاني."));
        assert!(Lang::Zh.table().is_ibid("同上,附件二。"));
        assert!(!Lang::Zh.table().is_ibid("UNEP/MC/COP.6/INF/29,附件一。"));
    }

    #[test]
    fn opening_words_in_each_language() {
        let op = |l: Lang, text: &str| l.table().match_opening(text, false);
        let pre = |l: Lang, text: &str| l.table().match_opening(text, true);
        assert_eq!(
            pre(
                Lang::Fr,
                "Rappelant ses décisions MC-3/11, MC-4/9 et MC-5/19,"
            ),
            Some("Rappelant".len())
        );
        assert_eq!(
            op(
                Lang::Fr,
                "Prie également le Secrétaire exécutif de poursuivre"
            ),
            Some("Prie également".len())
        );
        assert_eq!(
            op(Lang::Fr, "Prend note du rapport conjoint"),
            Some("Prend note".len())
        );
        assert_eq!(
            pre(
                Lang::Es,
                "Recordando sus decisiones MC-3/11, MC-4/9 y MC-5/19,"
            ),
            Some("Recordando".len())
        );
        assert_eq!(
            op(Lang::Es, "Toma nota del informe conjunto"),
            Some("Toma nota".len())
        );
        let ar = "وإذ يشير إلى مقرراته ا م-3/11،";
        assert_eq!(pre(Lang::Ar, ar), Some("وإذ يشير".len()));
        let ar_op = "يحيط علماً بالتقرير المشترك";
        assert_eq!(op(Lang::Ar, ar_op), Some("يحيط علماً".len()));
        let ar_req = "يطلب إلى الأمين التنفيذي أن يواصل";
        let n = op(Lang::Ar, ar_req).unwrap();
        assert_eq!(&ar_req[..n], "يطلب إلى");
        assert_eq!(
            Lang::Ar.table().match_actor(&ar_req[n + 1..]),
            Some("الأمين التنفيذي".len())
        );
        assert_eq!(op(Lang::Ar, "يحيطون"), None);
        let zh = "回顾其第MC-3/11号决定,";
        assert_eq!(pre(Lang::Zh, zh), Some("回顾".len()));
        assert_eq!(
            op(Lang::Zh, "满意地注意到两个秘书处的联合报告;"),
            Some("满意地注意到".len())
        );
        assert_eq!(op(Lang::Zh, "请执行秘书继续"), Some("请".len()));
        assert_eq!(
            Lang::Zh.table().match_actor("执行秘书继续"),
            Some("执行秘书".len())
        );
        assert_eq!(
            Lang::Fr
                .table()
                .match_actor("le Secrétaire exécutif de poursuivre"),
            Some("le Secrétaire exécutif".len())
        );
        // Typographic apostrophe in the text, straight one in the lexicon.
        assert_eq!(
            pre(Lang::Fr, "Ayant à l’esprit que"),
            Some("Ayant à l’esprit".len())
        );
    }

    /// Multi-word phrases and their adverb variants match as a whole.
    #[test]
    fn adverb_variants_in_every_language() {
        let whole = |l: Lang, text: &str, pre: bool, words: &str| {
            assert_eq!(
                l.table().match_opening(text, pre).map(|n| &text[..n]),
                Some(words),
                "{l:?}: {text}"
            );
        };
        whole(
            Lang::En,
            "Expressing deep concern also at the",
            true,
            "Expressing deep concern also",
        );
        whole(
            Lang::En,
            "Stressing further that",
            true,
            "Stressing further",
        );
        whole(
            Lang::En,
            "Noting with satisfaction also the",
            true,
            "Noting with satisfaction also",
        );
        whole(
            Lang::En,
            "Also recalling its resolution",
            true,
            "Also recalling",
        );
        whole(
            Lang::En,
            "Requests also the Secretary-General",
            false,
            "Requests also",
        );
        whole(
            Lang::En,
            "Strongly condemns the attack",
            false,
            "Strongly condemns",
        );
        whole(
            Lang::En,
            "Demands once more that",
            false,
            "Demands once more",
        );
        whole(
            Lang::En,
            "Acting under Chapter VII of the Charter of the United Nations,",
            true,
            "Acting under Chapter VII of the Charter of the United Nations",
        );
        whole(
            Lang::Fr,
            "Rappelant également sa résolution",
            true,
            "Rappelant également",
        );
        whole(
            Lang::Fr,
            "Condamne de nouveau",
            false,
            "Condamne de nouveau",
        );
        whole(
            Lang::Es,
            "Recordando además su resolución",
            true,
            "Recordando además",
        );
        whole(
            Lang::Es,
            "Condena una vez más",
            false,
            "Condena una vez más",
        );
        whole(
            Lang::Ru,
            "ссылаясь также на свою резолюцию",
            true,
            "ссылаясь также на",
        );
        whole(Lang::Ru, "также постановляет", false, "также постановляет");
        whole(Lang::Ru, "осуждает также", false, "осуждает также");
        whole(Lang::Zh, "又回顾其决议", true, "又回顾");
        whole(Lang::Zh, "还谴责", false, "还谴责");
        whole(
            Lang::Zh,
            "根据《联合国宪章》第七章采取行动,",
            true,
            "根据《联合国宪章》第七章采取行动",
        );
        whole(Lang::Ar, "وإذ تشير أيضا إلى قرارها", true, "وإذ تشير أيضا");
        whole(Lang::Ar, "وإذ تدين كذلك", true, "وإذ تدين كذلك");
        // An adverb alone opens nothing, and a word that merely starts
        // like one is no adverb.
        assert_eq!(
            Lang::En.table().match_opening("Also the Bureau", false),
            None
        );
        assert_eq!(
            Lang::En.table().match_opening("Requests alsoo", false),
            Some("Requests".len())
        );
    }

    #[test]
    fn suggestions_for_unknown_openers() {
        assert_eq!(
            Lang::Fr
                .table()
                .closest_opening("Rapellant ses décisions", true),
            Some("Rappelant")
        );
        assert_eq!(
            Lang::Es
                .table()
                .closest_opening("Recordado sus decisiones", true),
            Some("Recordando")
        );
        assert_eq!(
            Lang::Zh.table().closest_opening("回故其决定", true),
            Some("回顾")
        );
        // Only a likely typo: not a different verb, nor the right first
        // word followed by words no entry has.
        let en = Lang::En.table();
        assert_eq!(en.closest_opening("Wonders whether", false), None);
        assert_eq!(en.closest_opening("Taking steps", true), None);
        assert_eq!(en.closest_opening("Requets the", false), Some("Requests"));
        assert_eq!(Lang::Zh.table().closest_opening("注回其决定", true), None);
    }

    #[test]
    fn opener_case() {
        assert!(Lang::En.table().opener_case_ok("Recalling"));
        assert!(!Lang::En.table().opener_case_ok("recalling"));
        assert!(Lang::Fr.table().opener_case_ok("Rappelant"));
        assert!(!Lang::Ru.table().opener_case_ok("Напоминая"));
        assert!(Lang::Ar.table().opener_case_ok("إذ يشير"));
        assert!(Lang::Zh.table().opener_case_ok("回顾"));
        assert!(Lang::Fr.table().footnote_before_punctuation);
        assert!(!Lang::Zh.table().footnote_before_punctuation);
    }

    #[test]
    fn localised_decision_symbols() {
        assert_eq!(canonical_convention("МК"), Some("MC"));
        assert_eq!(canonical_convention("БК"), Some("BC"));
        assert_eq!(canonical_convention("СК"), Some("SC"));
        assert_eq!(canonical_convention("MC"), None);
        assert_eq!(language_codes(), "ar, zh, en, fr, ru, es");
        assert_eq!(split_template("Item {} of"), ("Item ", " of"));
        assert_eq!(split_template("Annex"), ("Annex", ""));
    }
}
