//! Small helpers shared by the stages.

/// Levenshtein distance over characters, for "did you mean" suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// "Did you mean" looks at most at this many candidates, and not at all
/// for a word longer than [`MAX_SUGGESTED_LEN`] characters: the edit
/// distance is quadratic in the words' lengths, and a hostile draft could
/// hold a million labels or a label a million characters long.
pub const MAX_CANDIDATES: usize = 5_000;
pub const MAX_SUGGESTED_LEN: usize = 64;
/// Unknown names (of one kind, in one draft) that get a suggestion; the
/// rest get the general help only.
pub const MAX_SUGGESTIONS: usize = 50;

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let len = word.chars().count();
    if len > MAX_SUGGESTED_LEN {
        return None;
    }
    let limit = (len / 3).max(2);
    candidates
        .into_iter()
        .take(MAX_CANDIDATES)
        .filter(|c| c.len() <= 4 * (MAX_SUGGESTED_LEN + limit))
        .filter(|c| c.chars().count().abs_diff(len) <= limit)
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    #[test]
    fn distance() {
        assert_eq!(super::edit_distance("op-coop", "op-cop"), 1);
        assert_eq!(
            super::closest("op-cop", ["op-coop", "intro"]),
            Some("op-coop")
        );
    }
}
