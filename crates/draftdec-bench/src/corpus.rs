//! A deterministic generator of realistic draft documents, for the
//! benchmarks (`benches/`) and the comparison with pandoc
//! (`scripts/bench-vs-pandoc.sh`).
//!
//! Each generated document exists three times with the same words: as a
//! `.draft` source, as pandoc Markdown (footnotes, fenced divs, fancy lists)
//! and as bluebell's Akoma Ntoso text (a `statement`: a PREFACE, CHAPTER,
//! PART and PARA elements, FOOTNOTE blocks), so that the tools are timed on
//! the same content. The same seed always gives
//! the same bytes, on every platform: the generator uses its own xorshift
//! rather than `rand`, whose streams may change between versions.
//!
//! The output compiles without a single diagnostic (a test checks it), so a
//! benchmark measures the path a clean draft takes, backends included.

use std::fmt::Write as _;

/// xorshift64*: tiny, fast and good enough to vary prose.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // splitmix64 of the seed, so that neighbouring seeds diverge at once
        // and seed 0 (a fixed point of xorshift) is usable.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as usize
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next_u64() % items.len() as u64) as usize]
    }
}

/// The languages the generator writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CorpusLang {
    En,
    Ru,
}

impl CorpusLang {
    pub fn code(self) -> &'static str {
        match self {
            CorpusLang::En => "en",
            CorpusLang::Ru => "ru",
        }
    }

    pub fn from_code(code: &str) -> Option<CorpusLang> {
        match code {
            "en" => Some(CorpusLang::En),
            "ru" => Some(CorpusLang::Ru),
            _ => None,
        }
    }

    fn words(self) -> &'static Words {
        match self {
            CorpusLang::En => &EN,
            CorpusLang::Ru => &RU,
        }
    }
}

/// One generated document in the three notations.
#[derive(Clone, Debug)]
pub struct Generated {
    pub lang: CorpusLang,
    pub draft: String,
    pub markdown: String,
    /// The same document for bluebell (laws-africa/bluebell, the peer in
    /// `scripts/bench-vs-pandoc.sh`), parsed as a `statement`.
    pub bluebell: String,
}

/// A document of realistic size (roughly 8–40 KiB): the `index`-th of a
/// corpus drawn from `seed`.
pub fn document(seed: u64, index: u64, lang: CorpusLang) -> Generated {
    let mut rng = Rng::new(seed ^ index.wrapping_mul(0xA24B_AED4_963E_E407));
    let chapters = rng.range(1, 3);
    let mut w = Writer::new(lang, rng, index);
    w.masthead();
    for _ in 0..chapters {
        w.chapter();
    }
    w.annex();
    w.finish()
}

/// One document of at least `bytes` bytes of `.draft` source (it stops at
/// the first chapter boundary past the size), for throughput and linearity
/// measurements on 1 MiB to 100 MiB inputs.
pub fn sized(seed: u64, bytes: usize, lang: CorpusLang) -> Generated {
    let rng = Rng::new(seed);
    let mut w = Writer::new(lang, rng, 0);
    w.masthead();
    loop {
        w.chapter();
        if w.draft.len() >= bytes {
            break;
        }
    }
    w.annex();
    w.finish()
}

/// The language of the `index`-th document of a mixed corpus: mostly
/// English, as in the secretariats' archives, with every third in Russian.
pub fn mixed_lang(index: u64) -> CorpusLang {
    if index % 3 == 2 {
        CorpusLang::Ru
    } else {
        CorpusLang::En
    }
}

/// Writes the three notations side by side, so that they cannot drift apart.
struct Writer {
    lang: CorpusLang,
    words: &'static Words,
    rng: Rng,
    draft: String,
    markdown: String,
    bluebell: String,
    /// Markdown footnote definitions waiting for the end of their paragraph.
    pending_md_notes: Vec<(String, String)>,
    /// bluebell footnote blocks waiting for the end of their paragraph,
    /// written at `bb_indent`, the indentation of that paragraph's text.
    pending_bb_notes: Vec<(String, String)>,
    bb_indent: usize,
    /// Numbers shown in the Markdown, where pandoc cannot compute them.
    section_no: usize,
    para_no: usize,
    decision_no: usize,
    /// Labels defined so far, with their designation for the Markdown.
    targets: Vec<(String, String)>,
    next_label: usize,
    next_note: usize,
    next_bb_note: usize,
    doc_index: u64,
}

impl Writer {
    fn new(lang: CorpusLang, rng: Rng, doc_index: u64) -> Writer {
        Writer {
            lang,
            words: lang.words(),
            rng,
            draft: String::with_capacity(64 * 1024),
            markdown: String::with_capacity(64 * 1024),
            bluebell: String::with_capacity(64 * 1024),
            pending_md_notes: Vec::new(),
            pending_bb_notes: Vec::new(),
            bb_indent: 0,
            section_no: 0,
            para_no: 0,
            decision_no: 0,
            targets: Vec::new(),
            next_label: 0,
            next_note: 0,
            next_bb_note: 0,
            doc_index,
        }
    }

    fn finish(self) -> Generated {
        Generated {
            lang: self.lang,
            draft: self.draft,
            markdown: self.markdown,
            bluebell: self.bluebell,
        }
    }

    fn masthead(&mut self) {
        let w = self.words;
        let meeting = self.rng.range(3, 7);
        let number = 10 + self.doc_index % 40;
        let symbol = format!("UNEP/MC/COP.{meeting}/{number}");
        let title = self.sentence_np(true);
        let title = w.title_prefix.to_string() + &title;
        let agenda = format!(
            "{} {}",
            self.rng.range(1, 9),
            self.rng.pick(w.agenda_letters)
        );
        let date = format!(
            "2025-{:02}-{:02}",
            self.rng.range(1, 12),
            self.rng.range(1, 28)
        );
        let fields: [(&str, String); 14] = [
            ("symbol", symbol.clone()),
            ("distribution", "General".to_string()),
            ("date", date),
            ("original", "en".to_string()),
            ("language", self.lang.code().to_string()),
            ("body", w.body.to_string()),
            ("meeting", w.meetings[meeting - 3].to_string()),
            (
                "place",
                w.places[self.rng.range(0, w.places.len() - 1)].to_string(),
            ),
            ("dates", w.dates.to_string()),
            ("agenda-item", agenda.clone()),
            ("agenda-title", self.sentence_np(true)),
            ("provisional-agenda", format!("UNEP/MC/COP.{meeting}/1")),
            ("title", title.clone()),
            ("kind", w.kind.to_string()),
        ];
        let _ = writeln!(
            self.draft,
            "// Generated by draftdec-bench (crates/draftdec-bench): do not edit."
        );
        for (key, value) in &fields {
            let _ = writeln!(self.draft, "{key}: {value}");
        }
        self.draft.push('\n');

        let _ = writeln!(
            self.markdown,
            "---\ntitle: \"{}\"\nsubtitle: \"{}\"\nlang: {}\n---\n",
            yaml_escape(&title),
            w.kind,
            self.lang.code()
        );
        // The masthead as pandoc has no notion of one: the same words, as a
        // block of lines, with the provisional agenda as its footnote.
        let _ = writeln!(
            self.markdown,
            "| **{symbol}**\n| General\n| {}\n| {}\n| {}\n| {}, {}\n| {}[^agenda]\n| {}\n",
            fields[2].1, w.body, fields[6].1, fields[7].1, w.dates, agenda, fields[10].1
        );
        let _ = writeln!(self.markdown, "[^agenda]: UNEP/MC/COP.{meeting}/1.\n");

        // bluebell: the masthead's lines in the preface, one line each.
        let _ = writeln!(
            self.bluebell,
            "PREFACE\n  **{symbol}**\n  General\n  {}\n  {}\n  {}\n  {}, {}\n  {}{{{{FOOTNOTE agenda}}}}\n  FOOTNOTE agenda\n    UNEP/MC/COP.{meeting}/1.\n  {}\n  **{}**\n  {}\n\nBODY",
            fields[2].1,
            w.body,
            fields[6].1,
            fields[7].1,
            w.dates,
            agenda,
            fields[10].1,
            title,
            w.kind
        );
    }

    /// A few sections of narrative, then the suggested action with its
    /// draft decision: the shape of a pre-session note.
    fn chapter(&mut self) {
        let sections = self.rng.range(2, 4);
        for _ in 0..sections {
            self.section(None);
        }
        let title = self.words.action_heading;
        self.section(Some(title));
    }

    fn section(&mut self, action: Option<&str>) {
        self.section_no += 1;
        let label = self.new_label(
            "sec",
            format!("{} {}", self.words.section_word, roman(self.section_no)),
        );
        let title = match action {
            Some(t) => t.to_string(),
            None => self.sentence_np(true),
        };
        let _ = writeln!(self.draft, "# <{label}> {title}\n");
        let _ = writeln!(self.markdown, "# {title} {{#{label}}}\n");
        let _ = writeln!(
            self.bluebell,
            "CHAPTER {} - {title}",
            roman(self.section_no)
        );
        let paras = if action.is_some() {
            0
        } else {
            self.rng.range(2, 6)
        };
        for _ in 0..paras {
            self.narrative_paragraph();
        }
        if action.is_some() {
            self.para_no += 1;
            let intro = self.words.may_wish;
            let _ = writeln!(self.draft, "#. {intro}\n");
            let _ = writeln!(self.markdown, "{}. {intro}\n", self.para_no);
            let _ = writeln!(self.bluebell, "  PARA {}.\n    {intro}", self.para_no);
            self.decision();
        }
    }

    fn narrative_paragraph(&mut self) {
        self.para_no += 1;
        let designation = format!("{} {}", self.words.paragraph_word, self.para_no);
        let label = self
            .rng
            .chance(25)
            .then(|| self.new_label("para", designation));
        let sentences = self.rng.range(2, 5);
        let mut draft = String::new();
        let mut md = String::new();
        let mut bb = String::new();
        for i in 0..sentences {
            if i > 0 {
                draft.push(' ');
                md.push(' ');
                bb.push(' ');
            }
            self.narrative_sentence(&mut draft, &mut md, &mut bb);
        }
        let _ = writeln!(self.bluebell, "  PARA {}.\n    {bb}", self.para_no);
        self.bb_indent = 4;
        match &label {
            Some(l) => {
                let _ = writeln!(self.draft, "#. <{l}> {draft}");
                let _ = writeln!(self.markdown, "{}. []{{#{l}}}{md}", self.para_no);
            }
            None => {
                let _ = writeln!(self.draft, "#. {draft}");
                let _ = writeln!(self.markdown, "{}. {md}", self.para_no);
            }
        }
        self.flush_notes();
    }

    /// One sentence of a note's narrative, with the inline constructs a
    /// real note carries: decision and document symbols, references,
    /// footnotes and italics.
    fn narrative_sentence(&mut self, draft: &mut String, md: &mut String, bb: &mut String) {
        let w = self.words;
        let start = self.rng.pick(w.narrative_starts);
        let np = self.noun_phrase();
        let s = format!("{start} {np}");
        draft.push_str(&s);
        md.push_str(&s);
        bb.push_str(&s);
        match self.rng.range(0, 9) {
            0 | 1 => {
                let syms = self.decision_symbols();
                let s = format!("{} {syms}", w.pursuant_to);
                draft.push_str(&s);
                md.push_str(&s);
                bb.push_str(&s);
            }
            2 => {
                let n = self.rng.range(10, 40);
                let s = format!("{} UNEP/MC/COP.6/INF/{n}", w.as_set_out_in);
                draft.push_str(&s);
                md.push_str(&s);
                bb.push_str(&s);
            }
            3 if !self.targets.is_empty() => {
                let (label, designation) =
                    self.targets[self.rng.range(0, self.targets.len() - 1)].clone();
                draft.push_str(&format!("{} @{label}", w.as_described_in));
                md.push_str(&format!("{} [{designation}](#{label})", w.as_described_in));
                bb.push_str(&format!(
                    "{} {{{{>#{label} {designation}}}}}",
                    w.as_described_in
                ));
            }
            4 => {
                let italic = self.rng.pick(w.italic_terms);
                draft.push_str(&format!(", *{italic}*"));
                md.push_str(&format!(", *{italic}*"));
                bb.push_str(&format!(", //{italic}//"));
            }
            _ => {
                let more = self.noun_phrase();
                let s = format!(", {} {more}", w.including);
                draft.push_str(&s);
                md.push_str(&s);
                bb.push_str(&s);
            }
        }
        // Russian puts the footnote indicator before the full stop, English after.
        let note = self.rng.chance(30).then(|| self.footnote());
        let (before, after) = match (&note, self.lang) {
            (Some(n), CorpusLang::Ru) => (Some(n.clone()), None),
            (Some(n), CorpusLang::En) => (None, Some(n.clone())),
            (None, _) => (None, None),
        };
        for n in before.iter() {
            draft.push_str(&n.0);
            md.push_str(&n.1);
            bb.push_str(&n.2);
        }
        draft.push('.');
        md.push('.');
        bb.push('.');
        for n in after.iter() {
            draft.push_str(&n.0);
            md.push_str(&n.1);
            bb.push_str(&n.2);
        }
    }

    /// A footnote in the three notations: inline or labelled, the labelled
    /// ones defined after the paragraph (bluebell has only the latter).
    fn footnote(&mut self) -> (String, String, String) {
        let text = self.footnote_text();
        self.next_bb_note += 1;
        let bb_name = format!("b{}", self.next_bb_note);
        let bb = format!("{{{{FOOTNOTE {bb_name}}}}}");
        self.pending_bb_notes.push((bb_name, text.clone()));
        if self.rng.chance(50) {
            return (format!("^{{{text}}}"), format!("^[{text}]"), bb);
        }
        self.next_note += 1;
        let name = format!("n{}", self.next_note);
        // The blank line ends the definition: an unmarked paragraph below
        // would otherwise continue it.
        let _ = writeln!(self.draft, "^{name}: {text}\n");
        self.pending_md_notes.push((name.clone(), text));
        (format!("^{name}"), format!("[^{name}]"), bb)
    }

    fn footnote_text(&mut self) -> String {
        let w = self.words;
        match self.rng.range(0, 2) {
            0 => format!(
                "UNEP/MC/COP.{}/INF/{}.",
                self.rng.range(3, 6),
                self.rng.range(2, 40)
            ),
            1 => format!(
                "{} {}.",
                self.rng.pick(w.see),
                self.rng.pick(w.footnote_sources)
            ),
            _ => format!("{}.", self.noun_phrase_cap()),
        }
    }

    /// Markdown footnote definitions go after their paragraph; the draft
    /// ones were written before the paragraph line, which the grammar allows.
    fn flush_notes(&mut self) {
        self.draft.push('\n');
        self.markdown.push('\n');
        for (name, text) in std::mem::take(&mut self.pending_md_notes) {
            let _ = writeln!(self.markdown, "[^{name}]: {text}\n");
        }
        let indent = " ".repeat(self.bb_indent);
        for (name, text) in std::mem::take(&mut self.pending_bb_notes) {
            let _ = writeln!(self.bluebell, "{indent}FOOTNOTE {name}\n{indent}  {text}");
        }
    }

    fn decision(&mut self) {
        let w = self.words;
        self.decision_no += 1;
        let label = self.new_label("dec", w.draft_decision.to_string());
        let title = self.sentence_np(true);
        let _ = writeln!(self.draft, "::: decision <{label}> MC-6/[…]: {title}");
        let _ = writeln!(
            self.markdown,
            "::: {{.decision #{label}}}\n**MC-6/[…]: {title}**\n"
        );
        let _ = writeln!(self.draft, "{}\n", w.formula);
        let _ = writeln!(self.markdown, "{}\n", w.formula);
        let _ = writeln!(
            self.bluebell,
            "  PART - **MC-6/[…]: {title}**\n    {}",
            w.formula
        );

        let preamble = self.rng.range(2, 6);
        for _ in 0..preamble {
            let opener = self.rng.pick(w.preambular);
            let np = self.noun_phrase();
            let tail = if self.rng.chance(30) {
                format!(" {} {}", w.pursuant_to, self.decision_symbols())
            } else {
                String::new()
            };
            let _ = writeln!(self.draft, "{opener} {np}{tail},\n");
            let _ = writeln!(self.markdown, "*{opener}* {np}{tail},\n");
            let _ = writeln!(self.bluebell, "    //{opener}// {np}{tail},");
        }

        let operative = self.rng.range(3, 10);
        for i in 0..operative {
            let last = i + 1 == operative;
            self.operative_paragraph(i + 1, last);
        }
        self.draft.push_str(":::\n\n");
        self.markdown.push_str(":::\n\n");
    }

    fn operative_paragraph(&mut self, number: usize, last: bool) {
        let w = self.words;
        let opener = self.rng.pick(w.operative);
        let actor = self.rng.pick(w.actors);
        let np = self.noun_phrase();
        let end = if last { '.' } else { ';' };
        let label = self.rng.chance(20).then(|| {
            self.new_label(
                "op",
                format!("{} {number} {}", w.paragraph_word, w.of_the_draft_decision),
            )
        });
        let marker_draft = match &label {
            Some(l) => format!("#. <{l}> "),
            None => "#. ".to_string(),
        };
        let marker_md = match &label {
            Some(l) => format!("{number}. []{{#{l}}}"),
            None => format!("{number}. "),
        };
        let subs = if self.rng.chance(30) {
            self.rng.range(2, 5)
        } else {
            0
        };
        if subs == 0 {
            let note = self.rng.chance(15).then(|| self.footnote());
            let (nd, nm, nb) = note.unwrap_or_default();
            let (pd, pm, pb, ad, am, ab) = if self.lang == CorpusLang::Ru {
                (nd, nm, nb, String::new(), String::new(), String::new())
            } else {
                (String::new(), String::new(), String::new(), nd, nm, nb)
            };
            let _ = writeln!(
                self.bluebell,
                "    PARA {number}.\n      //{opener}// {actor} {np}{pb}{end}{ab}"
            );
            self.bb_indent = 6;
            let _ = writeln!(
                self.draft,
                "{marker_draft}{opener} {actor} {np}{pd}{end}{ad}"
            );
            let _ = writeln!(
                self.markdown,
                "{marker_md}*{opener}* {actor} {np}{pm}{end}{am}"
            );
            self.flush_notes();
            return;
        }
        let _ = writeln!(self.draft, "{marker_draft}{opener} {actor}:");
        let _ = writeln!(self.markdown, "{marker_md}*{opener}* {actor}:\n");
        let _ = writeln!(
            self.bluebell,
            "    PARA {number}.\n      //{opener}// {actor}:"
        );
        for s in 0..subs {
            let last_sub = s + 1 == subs;
            let nested = !last_sub && self.rng.chance(15);
            let letter = (b'a' + s as u8) as char;
            let (dm, mm) = match self.lang {
                CorpusLang::En => (format!("({letter})"), format!("({letter})")),
                CorpusLang::Ru => (format!("{letter})"), format!("{letter})")),
            };
            let verb = self.rng.pick(w.sub_verbs);
            let np = self.noun_phrase();
            if nested {
                let _ = writeln!(self.draft, "{dm} {verb} {np}:");
                let _ = writeln!(self.markdown, "    {mm} {verb} {np}:\n");
                let _ = writeln!(self.bluebell, "      SUBPARA {mm}\n        {verb} {np}:");
                let kids = self.rng.range(2, 3);
                for k in 0..kids {
                    let roman = ["i", "ii", "iii"][k];
                    let (dk, mk) = match self.lang {
                        CorpusLang::En => (format!("({roman})"), format!("({roman})")),
                        CorpusLang::Ru => (format!("{roman})"), format!("{roman})")),
                    };
                    let np = self.noun_phrase();
                    let _ = writeln!(self.draft, "    {dk} {np};");
                    let _ = writeln!(self.markdown, "        {mk} {np};\n");
                    let _ = writeln!(self.bluebell, "        SUBPARA {mk}\n          {np};");
                }
            } else {
                let p = if last_sub { end } else { ';' };
                let _ = writeln!(self.draft, "{dm} {verb} {np}{p}");
                let _ = writeln!(self.markdown, "    {mm} {verb} {np}{p}\n");
                let _ = writeln!(self.bluebell, "      SUBPARA {mm}\n        {verb} {np}{p}");
            }
        }
        self.flush_notes();
    }

    fn annex(&mut self) {
        let w = self.words;
        let title = self.sentence_np(true);
        let _ = writeln!(self.draft, "::: annex {title}\n");
        let _ = writeln!(
            self.markdown,
            "# {} {{.unnumbered}}\n\n## {title}\n",
            w.annex_word
        );
        let _ = writeln!(
            self.bluebell,
            "ANNEXURE {}\n  SUBHEADING {title}",
            w.annex_word
        );
        let paras = self.rng.range(1, 3);
        for _ in 0..paras {
            let mut draft = String::new();
            let mut md = String::new();
            let mut bb = String::new();
            for i in 0..self.rng.range(2, 4) {
                if i > 0 {
                    draft.push(' ');
                    md.push(' ');
                    bb.push(' ');
                }
                self.narrative_sentence(&mut draft, &mut md, &mut bb);
            }
            let _ = writeln!(self.draft, "{draft}");
            let _ = writeln!(self.markdown, "{md}");
            let _ = writeln!(self.bluebell, "  {bb}");
            self.bb_indent = 2;
            self.flush_notes();
        }
        // An annex runs to the end of the file: no closing fence.
    }

    fn new_label(&mut self, prefix: &str, designation: String) -> String {
        self.next_label += 1;
        let label = format!("{prefix}-{}", self.next_label);
        self.targets.push((label.clone(), designation));
        label
    }

    fn decision_symbols(&mut self) -> String {
        let w = self.words;
        let n = self.rng.range(1, 3);
        let mut out = String::new();
        for i in 0..n {
            if i > 0 {
                out.push_str(if i + 1 == n { w.and } else { ", " });
            }
            let conv = self.rng.pick(w.conventions);
            let _ = write!(
                out,
                "{conv}-{}/{}",
                self.rng.range(1, 5),
                self.rng.range(1, 25)
            );
        }
        out
    }

    fn noun_phrase(&mut self) -> String {
        let w = self.words;
        let head = self.rng.pick(w.nouns);
        if self.rng.chance(50) {
            format!(
                "{head} {} {}",
                self.rng.pick(w.linkers),
                self.rng.pick(w.nouns)
            )
        } else {
            head.to_string()
        }
    }

    fn noun_phrase_cap(&mut self) -> String {
        capitalise(&self.noun_phrase())
    }

    /// A title-like phrase.
    fn sentence_np(&mut self, cap: bool) -> String {
        let np = self.noun_phrase();
        if cap { capitalise(&np) } else { np }
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Upper-case Roman numerals, digit by digit. The generator keeps its own
/// rather than borrow the compiler's, so that a benchmark input never
/// depends on the code it measures.
fn roman(n: usize) -> String {
    const DIGITS: [[&str; 10]; 3] = [
        ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"],
        ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"],
        ["", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"],
    ];
    let mut out = "M".repeat(n / 1000);
    for (place, digits) in DIGITS.iter().enumerate().rev() {
        out.push_str(digits[n / 10usize.pow(place as u32) % 10]);
    }
    out
}

fn yaml_escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The vocabulary of one language. The clause openers are a subset of the
/// lexicons in draftdec's `src/lang/`, so that validation recognises them.
struct Words {
    body: &'static str,
    meetings: &'static [&'static str; 5],
    places: &'static [&'static str],
    dates: &'static str,
    kind: &'static str,
    agenda_letters: &'static [&'static str],
    title_prefix: &'static str,
    section_word: &'static str,
    paragraph_word: &'static str,
    of_the_draft_decision: &'static str,
    draft_decision: &'static str,
    annex_word: &'static str,
    action_heading: &'static str,
    may_wish: &'static str,
    formula: &'static str,
    pursuant_to: &'static str,
    as_set_out_in: &'static str,
    as_described_in: &'static str,
    including: &'static str,
    and: &'static str,
    conventions: &'static [&'static str],
    see: &'static [&'static str],
    footnote_sources: &'static [&'static str],
    italic_terms: &'static [&'static str],
    narrative_starts: &'static [&'static str],
    nouns: &'static [&'static str],
    linkers: &'static [&'static str],
    preambular: &'static [&'static str],
    operative: &'static [&'static str],
    actors: &'static [&'static str],
    sub_verbs: &'static [&'static str],
}

static EN: Words = Words {
    body: "Conference of the Parties to the Minamata Convention on Mercury",
    meetings: &[
        "Third meeting",
        "Fourth meeting",
        "Fifth meeting",
        "Sixth meeting",
        "Seventh meeting",
    ],
    places: &["Geneva", "Bali, Indonesia", "Nairobi"],
    dates: "3–7 November 2025",
    kind: "Note by the secretariat",
    agenda_letters: &["(a)", "(b)", "(c)", "(d)"],
    title_prefix: "",
    section_word: "section",
    paragraph_word: "paragraph",
    of_the_draft_decision: "of the draft decision",
    draft_decision: "the draft decision",
    annex_word: "Annex",
    action_heading: "Suggested action by the Conference of the Parties",
    may_wish: "The Conference of the Parties may wish to adopt a decision along the following lines:",
    formula: "The Conference of the Parties,",
    pursuant_to: " pursuant to decisions",
    as_set_out_in: " as set out in document",
    as_described_in: " as described in",
    including: "including",
    and: " and ",
    conventions: &["MC", "MC", "BC", "RC", "SC"],
    see: &["See", "Available at", "As reported in"],
    footnote_sources: &[
        "the report of the Conference of the Parties on the work of its fifth meeting",
        "the joint report of the secretariats, annex I",
        "the programme of work and budget for the biennium 2026–2027",
        "the guidance on the environmentally sound interim storage of mercury",
    ],
    italic_terms: &["inter alia", "mutatis mutandis", "ad hoc", "de minimis"],
    narrative_starts: &[
        "In 2024 and 2025, cooperation between the secretariats focused on",
        "The secretariat continued to work on",
        "Parties reported progress in",
        "The joint task team reviewed",
        "The Conference of the Parties reaffirmed the importance of",
        "Further work is expected on",
        "The secretariats jointly developed an outline of",
        "Support was provided through",
        "In response to the request of the Conference of the Parties, the secretariat prepared an overview of",
    ],
    nouns: &[
        "the environmentally sound management of mercury waste",
        "technical assistance and capacity-building",
        "the specific international programme",
        "the financial mechanism",
        "the effectiveness evaluation",
        "regional and subregional centres",
        "the programme of work and budget",
        "the joint task team",
        "knowledge and information management",
        "artisanal and small-scale gold mining",
        "mercury-added products",
        "national action plans",
        "the Implementation and Compliance Committee",
        "cost recovery arrangements",
        "the biennium 2026–2027",
        "the organization and servicing of meetings",
        "the training of prospective chairs and negotiators",
        "emissions and releases of mercury",
        "contaminated sites",
        "the interim storage of mercury",
        "the Chemicals and Health Branch of the United Nations Environment Programme",
        "programmatic cooperation and synergies",
        "gender mainstreaming",
        "the global mercury partnership",
    ],
    linkers: &[
        "and",
        "with regard to",
        "in the context of",
        "through",
        "for",
    ],
    preambular: &[
        "Recognizing",
        "Recalling",
        "Noting with appreciation",
        "Acknowledging",
        "Bearing in mind",
        "Welcoming",
        "Stressing",
        "Mindful of",
        "Taking into account",
        "Reaffirming",
        "Having considered",
        "Noting",
    ],
    operative: &[
        "Takes note of",
        "Welcomes",
        "Requests",
        "Invites",
        "Encourages",
        "Decides",
        "Reaffirms",
        "Also requests",
        "Further requests",
        "Urges",
        "Notes with appreciation",
        "Expresses its appreciation",
    ],
    actors: &[
        "the Executive Secretary to continue",
        "the secretariat to support",
        "Parties and others to contribute to",
        "the Global Environment Facility to consider",
        "the progress made in",
        "the work on",
    ],
    sub_verbs: &[
        "To continue cooperation on",
        "To explore ways of further strengthening",
        "To report on",
        "To share services relating to",
        "To prepare guidance on",
    ],
};

static RU: Words = Words {
    body: "Конференция Сторон Минаматской конвенции о ртути",
    meetings: &[
        "Третье совещание",
        "Четвертое совещание",
        "Пятое совещание",
        "Шестое совещание",
        "Седьмое совещание",
    ],
    places: &["Женева", "Бали, Индонезия", "Найроби"],
    dates: "3–7 ноября 2025 года",
    kind: "Записка секретариата",
    agenda_letters: &["a)", "b)", "c)", "d)"],
    title_prefix: "",
    section_word: "раздел",
    paragraph_word: "пункт",
    of_the_draft_decision: "проекта решения",
    draft_decision: "проект решения",
    annex_word: "Приложение",
    action_heading: "Предлагаемые меры для принятия Конференцией Сторон",
    may_wish: "Конференция Сторон может пожелать принять решение следующего содержания:",
    formula: "Конференция Сторон,",
    pursuant_to: " в соответствии с решениями",
    as_set_out_in: " как изложено в документе",
    as_described_in: " как указано в",
    including: "в том числе",
    and: " и ",
    conventions: &["МК", "МК", "БК", "РК", "СК"],
    see: &["См.", "Имеется по адресу", "Как указано в"],
    footnote_sources: &[
        "доклад Конференции Сторон о работе ее пятого совещания",
        "совместный доклад секретариатов, приложение I",
        "программа работы и бюджет на двухгодичный период 2026–2027 годов",
        "руководящие принципы экологически обоснованного временного хранения ртути",
    ],
    italic_terms: &["inter alia", "mutatis mutandis", "ad hoc", "de minimis"],
    narrative_starts: &[
        "В 2024 и 2025 годах основное внимание в ходе сотрудничества между секретариатами уделялось вопросу",
        "Секретариат продолжил работу по вопросу",
        "Стороны сообщили о прогрессе в области",
        "Целевая группа рассмотрела вопрос",
        "Конференция Сторон подтвердила важность такого направления, как",
        "Ожидается дальнейшая работа по вопросу",
        "Секретариаты совместно разработали общую концепцию по вопросу",
        "Поддержка оказывалась по линии",
        "В ответ на просьбу Конференции Сторон секретариат подготовил обзор по вопросу",
    ],
    nouns: &[
        "экологически обоснованного регулирования ртутных отходов",
        "технической помощи и создания потенциала",
        "конкретной международной программы",
        "механизма финансирования",
        "оценки эффективности",
        "региональных и субрегиональных центров",
        "программы работы и бюджета",
        "целевой группы в составе двух секретариатов",
        "работы со знаниями и информацией",
        "кустарной и мелкомасштабной золотодобычи",
        "продуктов с добавлением ртути",
        "национальных планов действий",
        "Комитета по осуществлению и соблюдению",
        "механизмов возмещения расходов",
        "двухгодичного периода 2026–2027 годов",
        "организации и обслуживания совещаний",
        "подготовки потенциальных председателей и участников переговоров",
        "выбросов и высвобождений ртути",
        "загрязненных участков",
        "временного хранения ртути",
        "Сектора химических веществ и здравоохранения Программы Организации Объединенных Наций по окружающей среде",
        "программного сотрудничества и синергии",
        "учета гендерной проблематики",
        "Глобального партнерства по ртути",
    ],
    linkers: &["и", "в отношении", "в контексте", "посредством", "для"],
    preambular: &[
        "признавая",
        "напоминая",
        "с признательностью отмечая",
        "принимая во внимание",
        "приветствуя",
        "подчеркивая",
        "памятуя",
        "учитывая",
        "вновь подтверждая",
        "рассмотрев",
        "отмечая",
        "ссылаясь на",
    ],
    operative: &[
        "принимает к сведению",
        "приветствует",
        "просит",
        "предлагает",
        "призывает",
        "постановляет",
        "вновь подтверждает",
        "просит также",
        "поручает",
        "настоятельно призывает",
        "с удовлетворением отмечает",
        "выражает признательность",
    ],
    actors: &[
        "Исполнительному секретарю продолжать работу по вопросу",
        "секретариату оказывать поддержку в области",
        "Сторонам и другим субъектам содействовать работе по вопросу",
        "Глобальному экологическому фонду рассмотреть вопрос",
        "прогресс в области",
        "работу по вопросу",
    ],
    sub_verbs: &[
        "продолжать сотрудничество по вопросу",
        "изучать способы дальнейшего укрепления",
        "представить доклад по вопросу",
        "осуществлять совместное использование услуг в области",
        "подготовить руководящие указания по вопросу",
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_clean(g: &Generated) {
        let compiled = draftdec::compile(&g.draft);
        let shown: Vec<String> = compiled
            .diagnostics
            .iter()
            .take(5)
            .map(|d| {
                let s = d.primary.span.start.saturating_sub(60);
                let e = (d.primary.span.end + 60).min(g.draft.len());
                let s = (0..=s)
                    .rev()
                    .find(|&i| g.draft.is_char_boundary(i))
                    .unwrap();
                let e = (e..=g.draft.len())
                    .find(|&i| g.draft.is_char_boundary(i))
                    .unwrap();
                format!("{} {}: …{}…", d.code, d.message, &g.draft[s..e])
            })
            .collect();
        assert!(
            compiled.diagnostics.is_empty(),
            "{} diagnostics in generated {:?} document:\n{}",
            compiled.diagnostics.len(),
            g.lang,
            shown.join("\n")
        );
    }

    /// The numbered paragraphs and sub-paragraphs of a compiled draft.
    #[derive(Default)]
    struct Counts(usize, usize);

    impl draftdec::visit::Visitor for Counts {
        fn visit_paragraph(&mut self, p: &draftdec::ast::Paragraph) {
            // The annex's unnumbered paragraphs are lines in bluebell's text.
            self.0 += usize::from(p.numbered);
            draftdec::visit::walk_paragraph(self, p);
        }
        fn visit_operative_paragraph(&mut self, p: &draftdec::ast::OperativeParagraph) {
            self.0 += 1;
            draftdec::visit::walk_operative_paragraph(self, p);
        }
        fn visit_subparagraph(&mut self, s: &draftdec::ast::SubParagraph) {
            self.1 += 1;
            draftdec::visit::walk_subparagraph(self, s);
        }
    }

    /// bluebell's twin holds what the draft holds: a `PARA` for each
    /// numbered paragraph and operative paragraph, a `SUBPARA` for each
    /// sub-paragraph, a `FOOTNOTE` block for each footnote (the masthead's
    /// included), so that the peer is timed on the same content.
    #[test]
    fn the_bluebell_twin_has_the_drafts_structure() {
        use draftdec::visit::Visitor;
        for index in 0..6 {
            for lang in [CorpusLang::En, CorpusLang::Ru] {
                let g = document(7, index, lang);
                let doc = draftdec::compile(&g.draft).document;
                let mut counts = Counts::default();
                counts.visit_document(&doc);
                let lines = |prefix: &str| {
                    g.bluebell
                        .lines()
                        .filter(|l| l.trim_start().starts_with(prefix))
                        .count()
                };
                assert_eq!(lines("PARA "), counts.0, "paragraphs of {index} {lang:?}");
                assert_eq!(
                    lines("SUBPARA "),
                    counts.1,
                    "sub-paragraphs of {index} {lang:?}"
                );
                assert_eq!(
                    lines("FOOTNOTE "),
                    doc.footnotes.len(),
                    "footnotes of {index} {lang:?}"
                );
            }
        }
    }

    #[test]
    fn generated_documents_compile_without_diagnostics() {
        for index in 0..12 {
            for lang in [CorpusLang::En, CorpusLang::Ru] {
                assert_clean(&document(7, index, lang));
            }
        }
    }

    #[test]
    fn sized_documents_compile_without_diagnostics() {
        for lang in [CorpusLang::En, CorpusLang::Ru] {
            let g = sized(1, 256 * 1024, lang);
            assert!(g.draft.len() >= 256 * 1024);
            assert_clean(&g);
        }
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        let a = document(42, 3, CorpusLang::En);
        let b = document(42, 3, CorpusLang::En);
        let c = document(43, 3, CorpusLang::En);
        assert_eq!(a.draft, b.draft);
        assert_eq!(a.markdown, b.markdown);
        assert_ne!(a.draft, c.draft);
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(1994), "MCMXCIV");
    }
}
