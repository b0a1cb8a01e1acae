//! Helpers shared by the topic-rule tests: one classifier for the whole test
//! binary, and the points a rule group added to a label.

#![allow(dead_code)] // each test binary uses its own subset

use newsflow_classify::{Classifier, Explanation};
use newsflow_proto::{CleanedArticle, EnrichedArticle};
use std::sync::OnceLock;

pub fn classifier() -> &'static Classifier {
    static C: OnceLock<Classifier> = OnceLock::new();
    C.get_or_init(|| Classifier::new().expect("embedded data compiles"))
}

/// Every label's score and hits for an article written for a test.
pub fn explain(lang: &str, title: &str, body: &str) -> Explanation {
    classifier().explain(&CleanedArticle {
        id: "t".into(),
        title: title.into(),
        body: body.into(),
        language: lang.into(),
        ..Default::default()
    })
}

/// Points that the named group of `label` added to the article's evidence.
pub fn group_points(e: &Explanation, label: &str, group: &str) -> f64 {
    e.topics
        .iter()
        .filter(|t| t.label == label)
        .flat_map(|t| t.hits.iter())
        .filter(|h| h.group == group)
        .map(|h| h.points)
        .sum()
}

/// Asserts that the named group of `label` adds nothing in any of the
/// (lang, title, body) cases.
#[track_caller]
pub fn assert_no_points(cases: &[(&str, &str, &str)], label: &str, group: &str) {
    for &(lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert_eq!(group_points(&e, label, group), 0.0, "{lang}: {body:?}");
    }
}

pub fn assigned(e: &Explanation, label: &str) -> bool {
    e.topics.iter().any(|t| t.label == label && t.assigned)
}

/// The enriched record of an article written for a test.
pub fn classify(lang: &str, title: &str, body: &str) -> EnrichedArticle {
    classifier().classify(CleanedArticle {
        id: "t".into(),
        title: title.into(),
        body: body.into(),
        language: lang.into(),
        ..Default::default()
    })
}

/// Codes of the countries a body names.
pub fn countries(lang: &str, body: &str) -> Vec<String> {
    classify(lang, "", body)
        .countries
        .into_iter()
        .map(|c| c.code)
        .collect()
}

/// Asserts that the body names the country.
#[track_caller]
pub fn has(lang: &str, body: &str, code: &str) {
    let found = countries(lang, body);
    assert!(
        found.iter().any(|c| c == code),
        "{body:?}: expected {code}, got {found:?}"
    );
}

/// Asserts that the body does not name the country.
#[track_caller]
pub fn lacks(lang: &str, body: &str, code: &str) {
    let found = countries(lang, body);
    assert!(
        !found.iter().any(|c| c == code),
        "{body:?}: {code} must not count, got {found:?}"
    );
}
