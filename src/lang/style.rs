//! House styles and document kinds: what differs by organ (`organ:`) and by
//! the kind of document (`type:`), as tables. A new organ is a new
//! [`HouseStyle`] in [`HOUSE_STYLES`], not code; the words each prints come
//! from the language tables ([`super::KindWords`]) and from the organ's
//! names here, one per language.
//!
//! Stages read these facts from the table, never from the organ's key:
//! punctuation reads [`HouseStyle::preamble_end`], presentation reads
//! [`HouseStyle::operative_openings`].
//! Sources for each convention are cited in `docs/language.md`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The mark a preambular clause ends with in a house style: a comma in UN
/// resolutions and decisions (`Recalling its resolution 77/1,`), a
/// semicolon in WHO and PAHO resolutions (`Recalling resolution WHA76.1;`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PreambleEnd {
    Comma,
    Semicolon,
}

/// How the opening words of operative paragraphs are set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OpeningFace {
    #[default]
    /// In italics (`*Requests* the Secretary-General`): the UN's style.
    Italic,
    /// Upright, as typed: WHO and PAHO type operative verbs in capitals
    /// (`ENDORSES`, `URGES`) and print them in roman.
    Upright,
}

/// How an adopted text ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Closing {
    /// Nothing after the last paragraph (the Security Council prints its
    /// adoption line under the title instead).
    None,
    /// `31st plenary meeting` and the date of adoption, on two lines
    /// (General Assembly, ECOSOC).
    PlenaryTwoLines,
    /// `Seventh plenary meeting, 1 June 2024` on one line (WHO, PAHO), the
    /// meeting's ordinal in words.
    PlenaryOneLine,
}

/// Where the date and meeting of adoption are printed in an adopted text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Adoption {
    /// `Resolution adopted by the General Assembly on 16 October 2023` over
    /// the title, the meeting at the end ([`Closing`]).
    AdoptedOn,
    /// `Adopted by the Security Council at its 7488th meeting, on 20 July
    /// 2015` under the title.
    AdoptedAtMeeting,
    /// Nothing over the title: the date is in the closing line (WHO, PAHO).
    ClosingOnly,
}

/// One organ's house style.
#[derive(Debug)]
pub struct HouseStyle {
    /// The value of `organ:` (`ga`, `sc`, `who`).
    pub key: &'static str,
    /// The organ's name as the adoption line prints it, in
    /// [`super::Lang::ALL`] order (`the General Assembly`,
    /// `l'Assemblée générale`).
    pub names: [&'static str; 6],
    pub preamble_end: PreambleEnd,
    pub operative_openings: OpeningFace,
    pub adoption: Adoption,
    pub closing: Closing,
    /// Between a resolution's number and its title in its heading: `. `
    /// (`78/5. Culture of peace`), two spaces in WHO's (`WHA77.1  Title`).
    pub number_separator: &'static str,
}

/// The organs draftdec knows. The first is the default: a draft with no
/// `organ:` is set as before house styles existed (an MEA's conference of
/// the parties, in the UN's style).
pub static HOUSE_STYLES: [HouseStyle; 6] = [
    HouseStyle {
        key: "cop",
        names: [
            "مؤتمر الأطراف",
            "缔约方大会",
            "the Conference of the Parties",
            "la Conférence des Parties",
            "Конференцией Сторон",
            "la Conferencia de las Partes",
        ],
        preamble_end: PreambleEnd::Comma,
        operative_openings: OpeningFace::Italic,
        adoption: Adoption::AdoptedOn,
        closing: Closing::None,
        number_separator: ". ",
    },
    HouseStyle {
        key: "ga",
        names: [
            "الجمعية العامة",
            "大会",
            "the General Assembly",
            "l'Assemblée générale",
            "Генеральной Ассамблеей",
            "la Asamblea General",
        ],
        preamble_end: PreambleEnd::Comma,
        operative_openings: OpeningFace::Italic,
        adoption: Adoption::AdoptedOn,
        closing: Closing::PlenaryTwoLines,
        number_separator: ". ",
    },
    HouseStyle {
        key: "sc",
        names: [
            "مجلس الأمن",
            "安全理事会",
            "the Security Council",
            "le Conseil de sécurité",
            "Советом Безопасности",
            "el Consejo de Seguridad",
        ],
        preamble_end: PreambleEnd::Comma,
        operative_openings: OpeningFace::Italic,
        adoption: Adoption::AdoptedAtMeeting,
        closing: Closing::None,
        number_separator: ". ",
    },
    HouseStyle {
        key: "ecosoc",
        names: [
            "المجلس الاقتصادي والاجتماعي",
            "经济及社会理事会",
            "the Economic and Social Council",
            "le Conseil économique et social",
            "Экономическим и Социальным Советом",
            "el Consejo Económico y Social",
        ],
        preamble_end: PreambleEnd::Comma,
        operative_openings: OpeningFace::Italic,
        adoption: Adoption::AdoptedOn,
        closing: Closing::PlenaryTwoLines,
        number_separator: ". ",
    },
    HouseStyle {
        key: "who",
        names: [
            "جمعية الصحة العالمية",
            "世界卫生大会",
            "the World Health Assembly",
            "l'Assemblée mondiale de la Santé",
            "Всемирной ассамблеей здравоохранения",
            "la Asamblea Mundial de la Salud",
        ],
        preamble_end: PreambleEnd::Semicolon,
        operative_openings: OpeningFace::Upright,
        adoption: Adoption::ClosingOnly,
        closing: Closing::PlenaryOneLine,
        number_separator: "  ",
    },
    HouseStyle {
        key: "paho",
        names: [
            "المجلس التوجيهي",
            "执行理事会",
            "the Directing Council",
            "le Conseil directeur",
            "Директивным советом",
            "el Consejo Directivo",
        ],
        preamble_end: PreambleEnd::Semicolon,
        operative_openings: OpeningFace::Upright,
        adoption: Adoption::ClosingOnly,
        closing: Closing::PlenaryOneLine,
        number_separator: "  ",
    },
];

impl HouseStyle {
    /// The style of `organ:`'s value, if it names one.
    pub fn from_key(key: &str) -> Option<&'static HouseStyle> {
        HOUSE_STYLES.iter().find(|s| s.key == key.trim())
    }

    /// The style of a draft with no `organ:`.
    pub fn default_style() -> &'static HouseStyle {
        &HOUSE_STYLES[0]
    }

    /// The values `organ:` accepts (`cop, ga, sc …`).
    pub fn keys() -> String {
        HOUSE_STYLES
            .iter()
            .map(|s| s.key)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The kind of document, as `type:` names it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DocKind {
    /// A pre-session note carrying draft decisions (the default).
    #[default]
    Note,
    /// A body's draft resolution (`A/78/L.5`, `S/2015/547`).
    DraftResolution,
    /// A body's draft decision (`UNEP/CBD/COP/15/L.25`).
    DraftDecision,
    /// A resolution as issued after adoption (`A/RES/78/5`, `WHA77.1`).
    Resolution,
    /// A decision as issued after adoption (`CBD/COP/DEC/15/4`).
    Decision,
}

impl DocKind {
    pub const ALL: [DocKind; 5] = [
        DocKind::Note,
        DocKind::DraftResolution,
        DocKind::DraftDecision,
        DocKind::Resolution,
        DocKind::Decision,
    ];

    /// The value of `type:`.
    pub fn key(self) -> &'static str {
        match self {
            DocKind::Note => "note",
            DocKind::DraftResolution => "draft-resolution",
            DocKind::DraftDecision => "draft-decision",
            DocKind::Resolution => "resolution",
            DocKind::Decision => "decision",
        }
    }

    pub fn from_key(key: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.key() == key.trim())
    }

    /// The document's class in Akoma Ntoso as the UN's profile (AKN4UN)
    /// names it: the AKN document type, the subtype of its IRI and the
    /// `name` of its root element (`docs/akn.md`).
    pub fn akn_class(self) -> (&'static str, &'static str, &'static str) {
        match self {
            DocKind::Note => ("doc", "note", "note"),
            DocKind::DraftResolution => ("statement", "resolution", "resolutionDraft"),
            DocKind::Resolution => ("statement", "resolution", "resolution"),
            DocKind::DraftDecision => ("statement", "decision", "decisionDraft"),
            DocKind::Decision => ("statement", "decision", "decision"),
        }
    }

    /// The values `type:` accepts.
    pub fn keys() -> String {
        DocKind::ALL.map(DocKind::key).join(", ")
    }

    /// The document is a body's text, not a secretariat's note: its agenda
    /// is adopted (`Agenda item 14`), its title is the decision's own, and
    /// it needs no `title:`.
    pub fn is_text_of_body(self) -> bool {
        self != DocKind::Note
    }

    /// The text was adopted: it prints the adoption line and closing lines.
    pub fn is_adopted(self) -> bool {
        matches!(self, DocKind::Resolution | DocKind::Decision)
    }
}
