//! Datelines: "الرباط - (أ ف ب) -", "RABAT (Reuters) -",
//! "PARIS, 14 nov 2013 (AFP) -". The place is the classifier's best hint
//! for the primary country, so it is kept (in the body and in
//! `CleanedArticle.dateline`); the agency part is credited and cut.

use crate::agencies::agency_named;
use newsflow_proto::Dateline;
use regex::Regex;
use std::sync::LazyLock;

/// Place (letters, spaces, dots, hyphens, apostrophes; optional date after a
/// comma), then the agency in parentheses, then a dash or colon.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<place>[\p{L}][\p{L}\p{M} .'’\-]{0,40}?)(?:\s*,\s*(?P<date>[\p{L}\p{N} .]{1,30}?))?\s*[-–—]?\s*\(\s*(?P<agency>[^()]{1,30}?)\s*\)\s*[-–—:]+\s*",
    )
    .expect("dateline pattern is valid")
});

/// "(AFP) - " with no place.
static AGENCY_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(\s*(?P<agency>[^()]{1,30}?)\s*\)\s*[-–—:]+\s*").expect("pattern is valid")
});

/// The dateline of a first story line, and the line with the agency cut.
pub struct Found {
    pub dateline: Option<Dateline>,
    pub agency: &'static str,
    pub line: String,
}

/// A dateline sits in the first characters of the line; only that prefix is
/// searched, so a long first paragraph costs nothing.
const PREFIX_CHARS: usize = 120;

pub fn find(line: &str) -> Option<Found> {
    let prefix_end = line
        .char_indices()
        .nth(PREFIX_CHARS)
        .map_or(line.len(), |(i, _)| i);
    let prefix = &line[..prefix_end];
    if !prefix.contains('(') || !prefix.contains(')') {
        return None;
    }
    find_in(line, prefix)
}

fn find_in(line: &str, prefix: &str) -> Option<Found> {
    if let Some(caps) = DATELINE.captures(prefix) {
        let agency = agency_named(caps.name("agency")?.as_str())?;
        let place = caps
            .name("place")?
            .as_str()
            .trim()
            .trim_end_matches(['-', '–', '—'])
            .trim();
        let rest = &line[caps.get(0)?.end()..];
        if place.is_empty() || rest.trim().is_empty() {
            return None;
        }
        return Some(Found {
            dateline: Some(Dateline {
                place: place.to_owned(),
                agency: Some(agency.to_owned()),
            }),
            agency,
            line: format!("{place} - {rest}"),
        });
    }
    let caps = AGENCY_ONLY.captures(prefix)?;
    let agency = agency_named(caps.name("agency")?.as_str())?;
    let rest = &line[caps.get(0)?.end()..];
    if rest.trim().is_empty() {
        return None;
    }
    Some(Found {
        dateline: None,
        agency,
        line: rest.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, place: &str, agency: &str, body: &str) {
        let found = find(line).expect(line);
        let dateline = found.dateline.expect("dateline");
        assert_eq!(dateline.place, place);
        assert_eq!(dateline.agency.as_deref(), Some(agency));
        assert_eq!(found.line, body);
    }

    #[test]
    fn datelines_in_three_languages() {
        check(
            "الرباط - (أ ف ب) - أعلن وزير الخارجية",
            "الرباط",
            "AFP",
            "الرباط - أعلن وزير الخارجية",
        );
        check(
            "RABAT (Reuters) - Morocco said on Monday",
            "RABAT",
            "Reuters",
            "RABAT - Morocco said on Monday",
        );
        check(
            "PARIS, 14 nov 2013 (AFP) - Le ministre a",
            "PARIS",
            "AFP",
            "PARIS - Le ministre a",
        );
        check(
            "نواكشوط (رويترز) - قال مسؤول",
            "نواكشوط",
            "Reuters",
            "نواكشوط - قال مسؤول",
        );
    }

    #[test]
    fn no_dateline_in_ordinary_sentences() {
        assert!(find("The minister (who arrived on Monday) - said nothing").is_none());
        assert!(find("وقال الوزير إن المؤتمر ناجح").is_none());
        let found = find("(AFP) - Talks resumed").expect("agency only");
        assert!(found.dateline.is_none());
        assert_eq!(found.line, "Talks resumed");
    }
}
