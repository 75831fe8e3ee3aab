//! The issuing organs of UN and UN-system document symbols. The grammar
//! reads a symbol by its form; an organ not listed here is still a symbol,
//! with a warning (W0113), since a new body or series must not stop a
//! draft. Sources are cited in `docs/symbols.md`.

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
