//! What the table of mandates (`crate::mandates`) recognises in each
//! language: mandate verbs, addressees, conditions and deadlines, each
//! under a key that is the same in every language, so that the six
//! versions of a decision give the same rows.

/// A key and the forms of it in one language.
pub type Forms = &'static [(&'static str, &'static [&'static str])];

#[derive(Debug)]
pub struct MandateWords {
    /// Opening words that give a mandate, matched at the end of the
    /// opening (`Also requests` is `request`); the longest form wins.
    pub verbs: Forms,
    /// The same verbs inside a paragraph, where an addressee follows
    /// ("and requests the secretariat").
    pub inline_verbs: Forms,
    /// Addressees: the actors of the lexicon and their other cases.
    pub actors: Forms,
    /// Conditions on a mandate.
    pub conditions: Forms,
    /// When the mandate is due, or to whom it reports.
    pub deadlines: Forms,
    /// The table's column headings: document, decision, paragraph,
    /// addressee, action, text, conditions, deadline.
    pub headings: [&'static str; 8],
}

pub const EN: MandateWords = MandateWords {
    verbs: &[
        ("request", &["requests"]),
        ("invite", &["invites"]),
        ("urge", &["urges"]),
        ("encourage", &["encourages"]),
        ("call_upon", &["calls upon", "calls on"]),
        ("authorize", &["authorizes"]),
        ("instruct", &["instructs"]),
    ],
    inline_verbs: &[
        ("request", &["requests"]),
        ("invite", &["invites"]),
        ("urge", &["urges"]),
        ("encourage", &["encourages"]),
        ("authorize", &["authorizes"]),
    ],
    actors: &[
        ("executive_secretary", &["the Executive Secretary"]),
        ("executive_director", &["the Executive Director"]),
        ("secretary_general", &["the Secretary-General"]),
        ("secretariat", &["the secretariat"]),
        ("bureau", &["the Bureau"]),
        ("parties", &["Parties", "all Parties", "the Parties"]),
        ("gef", &["the Global Environment Facility"]),
    ],
    conditions: &[(
        "availability_of_resources",
        &[
            "subject to the availability of resources",
            "subject to the availability of financial resources",
            "within available resources",
        ],
    )],
    deadlines: &[
        ("next_meeting", &["at its next meeting"]),
        ("next_session", &["at its next session"]),
    ],
    headings: [
        "Document",
        "Decision",
        "Paragraph",
        "Addressee",
        "Action",
        "Text",
        "Conditions",
        "Deadline or report",
    ],
};

pub const FR: MandateWords = MandateWords {
    verbs: &[
        ("request", &["prie"]),
        ("invite", &["invite"]),
        ("urge", &["prie instamment", "exhorte"]),
        ("encourage", &["encourage"]),
        ("call_upon", &["demande"]),
        ("authorize", &["autorise"]),
    ],
    inline_verbs: &[
        ("request", &["prie"]),
        ("invite", &["invite"]),
        ("urge", &["exhorte"]),
        ("encourage", &["encourage"]),
        ("authorize", &["autorise"]),
    ],
    actors: &[
        (
            "executive_secretary",
            &["le Secrétaire exécutif", "la Secrétaire exécutive"],
        ),
        (
            "executive_director",
            &["le Directeur exécutif", "la Directrice exécutive"],
        ),
        ("secretary_general", &["le Secrétaire général"]),
        ("secretariat", &["le secrétariat"]),
        ("bureau", &["le Bureau"]),
        ("parties", &["les Parties", "toutes les Parties"]),
        ("gef", &["le Fonds pour l'environnement mondial"]),
    ],
    conditions: &[(
        "availability_of_resources",
        &[
            "sous réserve de la disponibilité de ressources",
            "sous réserve de la disponibilité des ressources",
            "dans la limite des ressources disponibles",
        ],
    )],
    deadlines: &[
        ("next_meeting", &["à sa prochaine réunion"]),
        ("next_session", &["à sa prochaine session"]),
    ],
    headings: [
        "Document",
        "Décision",
        "Paragraphe",
        "Destinataire",
        "Action",
        "Texte",
        "Conditions",
        "Échéance ou rapport",
    ],
};

pub const ES: MandateWords = MandateWords {
    verbs: &[
        ("request", &["solicita", "pide"]),
        ("invite", &["invita"]),
        ("urge", &["insta"]),
        ("encourage", &["alienta"]),
        ("call_upon", &["exhorta"]),
        ("authorize", &["autoriza"]),
    ],
    inline_verbs: &[
        ("request", &["solicita", "pide"]),
        ("invite", &["invita"]),
        ("urge", &["insta"]),
        ("encourage", &["alienta"]),
        ("authorize", &["autoriza"]),
    ],
    actors: &[
        (
            "executive_secretary",
            &[
                "al Secretario Ejecutivo",
                "a la Secretaria Ejecutiva",
                "el Secretario Ejecutivo",
                "la Secretaria Ejecutiva",
            ],
        ),
        (
            "executive_director",
            &["al Director Ejecutivo", "a la Directora Ejecutiva"],
        ),
        ("secretary_general", &["al Secretario General"]),
        ("secretariat", &["a la Secretaría", "la Secretaría"]),
        ("bureau", &["a la Mesa"]),
        (
            "parties",
            &["a las Partes", "a todas las Partes", "las Partes"],
        ),
        ("gef", &["al Fondo para el Medio Ambiente Mundial"]),
    ],
    conditions: &[(
        "availability_of_resources",
        &[
            "con sujeción a la disponibilidad de recursos",
            "siempre que se disponga de recursos",
        ],
    )],
    deadlines: &[
        ("next_meeting", &["en su próxima reunión"]),
        ("next_session", &["en su próximo período de sesiones"]),
    ],
    headings: [
        "Documento",
        "Decisión",
        "Párrafo",
        "Destinatario",
        "Acción",
        "Texto",
        "Condiciones",
        "Plazo o informe",
    ],
};

pub const RU: MandateWords = MandateWords {
    verbs: &[
        ("request", &["поручает", "просит"]),
        ("invite", &["предлагает"]),
        ("urge", &["настоятельно призывает"]),
        ("encourage", &["рекомендует", "побуждает"]),
        ("call_upon", &["призывает"]),
        ("authorize", &["уполномочивает"]),
    ],
    inline_verbs: &[
        ("request", &["поручает", "просит"]),
        ("invite", &["предлагает"]),
        ("urge", &["настоятельно призывает"]),
        ("encourage", &["рекомендует", "побуждает"]),
        ("authorize", &["уполномочивает"]),
    ],
    actors: &[
        (
            "executive_secretary",
            &[
                "Исполнительному секретарю",
                "Исполнительного секретаря",
                "Исполнительный секретарь",
            ],
        ),
        (
            "executive_director",
            &["Директору-исполнителю", "Директора-исполнителя"],
        ),
        (
            "secretary_general",
            &["Генеральному секретарю", "Генерального секретаря"],
        ),
        ("secretariat", &["секретариату", "секретариат"]),
        ("bureau", &["Бюро"]),
        ("parties", &["Сторонам", "Стороны", "всем Сторонам"]),
        ("gef", &["Глобальному экологическому фонду"]),
    ],
    conditions: &[(
        "availability_of_resources",
        &["при условии наличия ресурсов", "при наличии ресурсов"],
    )],
    deadlines: &[
        (
            "next_meeting",
            &[
                "на ее следующем совещании",
                "на его следующем совещании",
                "на своем следующем совещании",
            ],
        ),
        (
            "next_session",
            &["на ее следующей сессии", "на своей следующей сессии"],
        ),
    ],
    headings: [
        "Документ",
        "Решение",
        "Пункт",
        "Адресат",
        "Действие",
        "Текст",
        "Условия",
        "Срок или доклад",
    ],
};

pub const AR: MandateWords = MandateWords {
    verbs: &[
        ("request", &["يطلب إلى", "يطلب"]),
        ("invite", &["يدعو"]),
        ("urge", &["يحث"]),
        ("encourage", &["يشجع"]),
        ("call_upon", &["يهيب"]),
        ("authorize", &["يأذن"]),
    ],
    inline_verbs: &[
        ("request", &["ويطلب إلى", "يطلب إلى"]),
        ("invite", &["ويدعو"]),
        ("urge", &["ويحث"]),
        ("encourage", &["ويشجع"]),
        ("authorize", &["ويأذن"]),
    ],
    actors: &[
        (
            "executive_secretary",
            &["الأمين التنفيذي", "الأمينة التنفيذية"],
        ),
        (
            "executive_director",
            &["المدير التنفيذي", "المديرة التنفيذية"],
        ),
        ("secretary_general", &["الأمين العام"]),
        // `أمانة` is the construct form: "the secretariat of the Convention".
        ("secretariat", &["الأمانة", "أمانة"]),
        ("bureau", &["المكتب"]),
        ("parties", &["الأطراف", "جميع الأطراف"]),
        ("gef", &["مرفق البيئة العالمية"]),
    ],
    conditions: &[(
        "availability_of_resources",
        &["رهناً بتوافر الموارد", "رهنا بتوافر الموارد"],
    )],
    deadlines: &[
        ("next_meeting", &["في اجتماعه المقبل"]),
        ("next_session", &["في دورته المقبلة"]),
    ],
    headings: [
        "الوثيقة",
        "المقرر",
        "الفقرة",
        "الجهة المخاطبة",
        "الإجراء",
        "النص",
        "الشروط",
        "الموعد أو التقرير",
    ],
};

pub const ZH: MandateWords = MandateWords {
    verbs: &[
        ("request", &["请"]),
        ("invite", &["邀请"]),
        ("urge", &["敦促", "促请"]),
        ("encourage", &["鼓励"]),
        ("call_upon", &["吁请"]),
        ("authorize", &["授权"]),
    ],
    // Inside a sentence "请" is also part of other words (申请, to apply):
    // only the conjoined forms open a mandate there.
    inline_verbs: &[
        ("request", &["并请", "还请"]),
        ("invite", &["并邀请"]),
        ("urge", &["并敦促"]),
        ("encourage", &["并鼓励"]),
        ("authorize", &["并授权"]),
    ],
    actors: &[
        ("executive_secretary", &["执行秘书"]),
        ("executive_director", &["执行主任"]),
        ("secretary_general", &["秘书长"]),
        ("secretariat", &["秘书处"]),
        ("bureau", &["主席团"]),
        ("parties", &["缔约方", "各缔约方", "所有缔约方"]),
        ("gef", &["全球环境基金"]),
    ],
    conditions: &[(
        "availability_of_resources",
        &["在有资源的情况下", "视资源情况"],
    )],
    deadlines: &[
        ("next_meeting", &["下次会议"]),
        ("next_session", &["下届会议"]),
    ],
    headings: [
        "文件",
        "决定",
        "段落",
        "对象",
        "行动",
        "案文",
        "条件",
        "期限或报告",
    ],
};
