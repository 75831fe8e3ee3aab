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

/// How the masthead's footnote (the provisional agenda) is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MastheadNote {
    /// Numbered with the text's footnotes, as their first: UNEP-serviced
    /// meetings' documents (`UNEP/MC/COP.6/21`: "Item 5 (c) of the
    /// provisional agenda¹", the text's footnotes from 2).
    Numbered,
    /// An asterisk, the text's footnotes numbered from 1: the Secretariat's
    /// masthead documents (`E/CN.7/2003/10`: "Item 5 of the provisional
    /// agenda*"), WHO's.
    Asterisk,
}

impl MastheadNote {
    /// The printed mark when it is not a number.
    pub fn mark(self) -> Option<&'static str> {
        match self {
            MastheadNote::Numbered => None,
            MastheadNote::Asterisk => Some("*"),
        }
    }
}

/// A name in the six languages, in [`super::Lang::ALL`] order.
pub type Names = [&'static str; 6];

pub static GENERAL_ASSEMBLY: Names = [
    "الجمعية العامة",
    "大会",
    "General Assembly",
    "Assemblée générale",
    "Генеральная Ассамблея",
    "Asamblea General",
];
pub static SECURITY_COUNCIL: Names = [
    "مجلس الأمن",
    "安全理事会",
    "Security Council",
    "Conseil de sécurité",
    "Совет Безопасности",
    "Consejo de Seguridad",
];
pub static ECONOMIC_AND_SOCIAL_COUNCIL: Names = [
    "المجلس الاقتصادي والاجتماعي",
    "经济及社会理事会",
    "Economic and Social Council",
    "Conseil économique et social",
    "Экономический и Социальный Совет",
    "Consejo Económico y Social",
];
pub static UNEP: Names = [
    "برنامج الأمم المتحدة للبيئة",
    "联合国环境规划署",
    "United Nations Environment Programme",
    "Programme des Nations Unies pour l'environnement",
    "Программа Организации Объединенных Наций по окружающей среде",
    "Programa de las Naciones Unidas para el Medio Ambiente",
];
/// The secretariat of the climate convention, as its documents' masthead
/// names it under "United Nations" (FCCC/CP/2015/L.9).
pub static UNFCCC: Names = [
    "الاتفاقية الإطارية بشأن تغير المناخ",
    "气候变化框架公约",
    "Framework Convention on Climate Change",
    "Convention-cadre sur les changements climatiques",
    "Рамочная конвенция об изменении климата",
    "Convención Marco sobre el Cambio Climático",
];
pub static WHO: Names = [
    "منظمة الصحة العالمية",
    "世界卫生组织",
    "World Health Organization",
    "Organisation mondiale de la Santé",
    "Всемирная организация здравоохранения",
    "Organización Mundial de la Salud",
];
pub static PAHO: Names = [
    "منظمة الصحة للبلدان الأمريكية",
    "泛美卫生组织",
    "Pan American Health Organization",
    "Organisation panaméricaine de la Santé",
    "Панамериканская организация здравоохранения",
    "Organización Panamericana de la Salud",
];

/// The organ or programme a document's symbol names, for the masthead
/// line under "United Nations" when the house style names none: the
/// documents of meetings UNEP services print "United Nations Environment
/// Programme" (UNEP/OzL.Pro.27/1/Add.1, UNEP/MC/COP.1/29), the principal
/// organs their own name (E/CN.7/2003/10: "Economic and Social Council").
/// The longest prefix that starts the symbol wins.
pub static SYMBOL_ORGANS: [(&str, &Names); 5] = [
    ("UNEP/", &UNEP),
    ("FCCC/", &UNFCCC),
    ("A/", &GENERAL_ASSEMBLY),
    ("S/", &SECURITY_COUNCIL),
    ("E/", &ECONOMIC_AND_SOCIAL_COUNCIL),
];

/// The organ or programme [`SYMBOL_ORGANS`] gives `symbol`.
pub fn organ_of_symbol(symbol: &str) -> Option<&'static Names> {
    let symbol = symbol.trim();
    SYMBOL_ORGANS
        .iter()
        .filter(|(prefix, _)| symbol.starts_with(prefix))
        .max_by_key(|(prefix, _)| prefix.len())
        .map(|(_, names)| *names)
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
    /// The agency over the masthead, where the UN's documents print
    /// "United Nations" (`LangTable.masthead.united_nations`): WHO's and
    /// PAHO's own name. `None`: the United Nations.
    pub agency: Option<&'static Names>,
    /// The organ under it (`General Assembly`). `None`: the organ or
    /// programme the symbol names ([`organ_of_symbol`]), if any.
    pub masthead_organ: Option<&'static Names>,
    /// How the masthead's footnote is marked.
    pub masthead_note: MastheadNote,
    /// The designations of first-degree sub-paragraphs when the organ
    /// numbers them its own way: WHO's "(1)", "(2)" under "REQUESTS the
    /// Director-General:". `None`: the language's ((a), a), (أ)).
    pub sub_first: Option<super::SubStyle>,
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
        agency: None,
        masthead_organ: None,
        masthead_note: MastheadNote::Numbered,
        sub_first: None,
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
        agency: None,
        masthead_organ: Some(&GENERAL_ASSEMBLY),
        masthead_note: MastheadNote::Asterisk,
        sub_first: None,
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
        agency: None,
        masthead_organ: Some(&SECURITY_COUNCIL),
        masthead_note: MastheadNote::Asterisk,
        sub_first: None,
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
        agency: None,
        masthead_organ: Some(&ECONOMIC_AND_SOCIAL_COUNCIL),
        masthead_note: MastheadNote::Asterisk,
        sub_first: None,
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
        agency: Some(&WHO),
        masthead_organ: None,
        masthead_note: MastheadNote::Asterisk,
        sub_first: Some(super::SubStyle {
            counter: super::Counter::Arabic,
            wrap: ("(", ")"),
        }),
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
        agency: Some(&PAHO),
        masthead_organ: None,
        masthead_note: MastheadNote::Asterisk,
        sub_first: None,
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

#[cfg(test)]
mod tests {
    use crate::ast::Block;

    /// The designations of the items under a WHO-style "REQUESTS the
    /// Director-General:" typed with `markers`, and the diagnostics' codes.
    fn items(organ: &str, markers: [&str; 2]) -> (Vec<String>, Vec<String>) {
        let [m1, m2] = markers;
        let src = format!(
            "type: resolution\norgan: {organ}\nsymbol: WHA55.15\nlanguage: en\n\n::: decision\nThe Fifty-fifth World Health Assembly,\n\n#. REQUESTS the Director-General:\n{m1} to report;\n{m2} to act.\n:::\n"
        );
        let compiled = crate::compile(&src);
        let Some(Block::Decision(d)) = compiled.document.body.first() else {
            panic!("no decision: {:?}", compiled.document.body);
        };
        let Some(crate::ast::Operative::Paragraph(p)) = d.operative.first() else {
            panic!("no operative paragraph: {:?}", d.operative);
        };
        let designations = p
            .subparagraphs
            .iter()
            .map(|s| {
                s.number
                    .as_ref()
                    .map_or(String::new(), |n| n.display.clone())
            })
            .collect();
        let codes = compiled
            .diagnostics
            .iter()
            .map(|d| d.code.to_string())
            .collect();
        (designations, codes)
    }

    #[test]
    fn who_numbers_items_under_an_operative_paragraph() {
        let who = ["(1)".to_string(), "(2)".to_string()];
        assert_eq!(items("who", ["-", "-"]), (who.to_vec(), vec![]));
        assert_eq!(items("who", ["(1)", "(2)"]), (who.to_vec(), vec![]));
        // A typed number is checked against the house style's.
        let (designations, codes) = items("who", ["(1)", "(1)"]);
        assert_eq!(designations, who);
        assert_eq!(codes.len(), 1, "{codes:?}");
        assert_eq!(items("ga", ["-", "-"]).0, ["(a)", "(b)"]);
        assert_eq!(
            items("paho", ["(a)", "(b)"]),
            (vec!["(a)".to_string(), "(b)".to_string()], vec![])
        );
    }
}
