//! The issuing organs of UN and UN-system document symbols. The grammar
//! reads a symbol by its form; an organ not listed here is still a symbol,
//! with a warning (W0113), since a new body or series must not stop a
//! draft. Sources are cited in `docs/symbols.md`.

use crate::ast::{DecisionRef, Span};

/// Series prefixes, by the letters before any session number (`EB` of
/// `EB154/2`, `GC` of `GC(66)/RES/6`, `IDB` of `IDB.51/Dec.3`).
const ORGANS: &[&str] = &[
    // Principal organs, the Secretariat and subsidiary bodies with series
    // of their own.
    "A", "S", "E", "T", "ST", "SG", "SC", "GA", "DP", "UNW", "TD", "PBC", "HSP", "EC",
    // Regional commissions.
    "ECE", "ECA", "ESCAP", "ESCWA", "ECLAC", "LC", // Human rights treaty bodies.
    "CAT", "CCPR", "CED", "CEDAW", "CERD", "CMW", "CRC", "CRPD", "HRI",
    // Environment and other treaties and their secretariats.
    "UNEP", "FCCC", "ICCD", "CBD", "IPBES", "SAICM", "GEF", "ISBA", "SPLOS", "BWC", "CCW", "NPT",
    "CD", "APLC", "ATT", // Specialized agencies and related organizations.
    "WHA", "EB", "EM", "AFR", "EUR", "SEA", "WPR", "CE", "CSP", "GC", "GOV", "IDB", "GB", "WFP",
];

/// The bodies whose decisions the UNFCCC numbers `1/CP.21`: the
/// Conference of the Parties, and the Conferences serving as the meeting
/// of the Parties to the Kyoto Protocol and to the Paris Agreement.
const FCCC_BODIES: [&str; 3] = ["CP", "CMP", "CMA"];

/// A UNFCCC decision number as the grammar reads it (`1/CP.21`, `-/CMA.1`,
/// the `-` of a decision not yet numbered), or `None` for any other
/// decision symbol. The grammar admits only well-formed ones, so there is
/// nothing to report.
pub(crate) fn fccc_decision(text: &str, span: Span) -> Option<DecisionRef> {
    let (number, rest) = text.split_once('/')?;
    let (body, session) = rest.split_once('.')?;
    if !FCCC_BODIES.contains(&body) {
        return None;
    }
    Some(DecisionRef {
        text: text.to_string(),
        symbol: text.to_string(),
        convention: body.to_string(),
        extraordinary: false,
        meeting: Some(session.parse().ok()?),
        number: if number == "-" {
            None
        } else {
            Some(number.parse().ok()?)
        },
        span,
    })
}

/// Whether a decision symbol is a UNFCCC decision number.
pub(crate) fn is_fccc(r: &DecisionRef) -> bool {
    FCCC_BODIES.contains(&r.convention.as_str())
}

/// Whether the organ of a document symbol is a known one.
pub(super) fn known_organ(organ: &str) -> bool {
    let letters = organ
        .find(|c: char| !c.is_ascii_uppercase())
        .map_or(organ, |end| &organ[..end]);
    ORGANS.contains(&letters)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organs_with_a_session() {
        assert!(known_organ("EB154"));
        assert!(known_organ("GC(66)"));
        assert!(known_organ("IDB.51"));
        assert!(known_organ("UNEP"));
        assert!(!known_organ("WHO"));
        assert!(!known_organ("XYZ"));
    }
}
