//! Scoring the clean stage on a noisy set in the format of
//! `shared/data/noisy/dev.jsonl`: each record holds a `raw` RawArticle (text
//! or HTML with injected noise), the `expected` body and agencies, and the
//! `noise` lines that were injected.

use crate::metrics::{Counts, Prf};
use crate::shingles::{aggregate, match_shingles, tokenize, ShingleMatch, ShingleScores};
use newsflow_proto::RawArticle;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize)]
pub struct NoisyRecord {
    pub raw: RawArticle,
    pub expected: Expected,
    #[serde(default)]
    pub noise: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Expected {
    pub body: String,
    #[serde(default)]
    pub agencies: Vec<String>,
    /// Gold language when the set carries it; otherwise the caller joins it
    /// from the labelled set.
    #[serde(default)]
    pub lang: Option<String>,
}

/// What the clean stage produced for one record (`None` fields when it
/// rejected the record).
#[derive(Debug, Clone, Default)]
pub struct Prediction {
    pub body: Option<String>,
    pub agencies: Vec<String>,
    pub language: Option<String>,
    /// The reject reason code, when rejected.
    pub rejected: Option<String>,
}

/// One record whose body leaked noise, lost story text or got agencies wrong.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    pub id: String,
    pub precision: f64,
    pub recall: f64,
    pub leaked: Vec<String>,
    pub agencies_expected: Vec<String>,
    pub agencies_predicted: Vec<String>,
    pub language_expected: Option<String>,
    pub language_predicted: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NoisyReport {
    pub records: usize,
    pub rejected: usize,
    pub body: ShingleScores,
    pub noise_lines: usize,
    pub noise_leaked: usize,
    /// Share of injected noise lines found in the predicted body.
    pub noise_leak_rate: f64,
    /// Micro precision/recall over (record, agency) pairs.
    pub agencies: Prf,
    pub language_scored: usize,
    pub language_correct: usize,
    pub language_accuracy: f64,
    /// Worst records first.
    pub misses: Vec<Miss>,
}

/// How many times `needle`'s token sequence occurs in `haystack`'s.
fn occurrences(haystack: &[&str], needle: &[&str]) -> usize {
    if needle.is_empty() || needle.len() > haystack.len() {
        return 0;
    }
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// A noise line leaks when its tokens occur in the predicted body more often
/// than in the expected body (so a story that itself says "Avec AFP" is not
/// counted against us). Lines with no word token cannot be measured.
pub fn leaked_lines<'a>(noise: &'a [String], expected: &str, predicted: &str) -> Vec<&'a str> {
    let expected_tokens = tokenize(expected);
    let predicted_tokens = tokenize(predicted);
    noise
        .iter()
        .filter(|line| {
            let needle = tokenize(line);
            occurrences(&predicted_tokens, &needle) > occurrences(&expected_tokens, &needle)
        })
        .map(String::as_str)
        .collect()
}

/// Scores predictions (same order as `records`). `gold_lang[i]` overrides
/// `records[i].expected.lang` when given.
pub fn evaluate(
    records: &[NoisyRecord],
    predictions: &[Prediction],
    gold_lang: &[Option<String>],
    worst: usize,
) -> NoisyReport {
    debug_assert_eq!(records.len(), predictions.len());
    let mut matches: Vec<ShingleMatch> = Vec::with_capacity(records.len());
    let mut agencies = Counts::default();
    let (mut noise_lines, mut noise_leaked, mut rejected) = (0, 0, 0);
    let (mut lang_scored, mut lang_correct) = (0, 0);
    let mut misses = Vec::new();
    for (i, (record, pred)) in records.iter().zip(predictions).enumerate() {
        if pred.rejected.is_some() {
            rejected += 1;
        }
        let body = pred.body.as_deref().unwrap_or("");
        let m = match_shingles(&record.expected.body, body);
        matches.push(m);
        let leaked = leaked_lines(&record.noise, &record.expected.body, body);
        noise_lines += record.noise.len();
        noise_leaked += leaked.len();
        agencies.add_sets(
            pred.agencies.iter().map(String::as_str),
            record.expected.agencies.iter().map(String::as_str),
        );
        let gold = gold_lang
            .get(i)
            .cloned()
            .flatten()
            .or_else(|| record.expected.lang.clone());
        let lang_ok = match &gold {
            Some(g) => {
                lang_scored += 1;
                let ok = pred.language.as_deref() == Some(g.as_str());
                lang_correct += usize::from(ok);
                ok
            }
            None => true,
        };
        let mut sorted_pred = pred.agencies.clone();
        sorted_pred.sort();
        let mut sorted_gold = record.expected.agencies.clone();
        sorted_gold.sort();
        let perfect = m.precision() >= 1.0 && m.recall() >= 1.0;
        if !perfect || !leaked.is_empty() || sorted_pred != sorted_gold || !lang_ok {
            misses.push(Miss {
                id: record.raw.id.clone().unwrap_or_else(|| format!("#{i}")),
                precision: m.precision(),
                recall: m.recall(),
                leaked: leaked.iter().map(|s| s.to_string()).collect(),
                agencies_expected: record.expected.agencies.clone(),
                agencies_predicted: pred.agencies.clone(),
                language_expected: gold,
                language_predicted: pred.language.clone(),
            });
        }
    }
    misses.sort_by(|a, b| {
        let key = |m: &Miss| m.precision.min(m.recall) - m.leaked.len() as f64;
        key(a).total_cmp(&key(b))
    });
    misses.truncate(worst);
    let ratio = |num: usize, den: usize| {
        if den == 0 {
            0.0
        } else {
            num as f64 / den as f64
        }
    };
    NoisyReport {
        records: records.len(),
        rejected,
        body: aggregate(&matches),
        noise_lines,
        noise_leaked,
        noise_leak_rate: ratio(noise_leaked, noise_lines),
        agencies: agencies.scores(),
        language_scored: lang_scored,
        language_correct: lang_correct,
        language_accuracy: if lang_scored == 0 {
            0.0
        } else {
            ratio(lang_correct, lang_scored)
        },
        misses,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(body: &str, expected: &str, noise: &[&str], agencies: &[&str]) -> NoisyRecord {
        NoisyRecord {
            raw: RawArticle {
                id: Some("r1".into()),
                body: Some(body.into()),
                ..RawArticle::default()
            },
            expected: Expected {
                body: expected.into(),
                agencies: agencies.iter().map(|s| s.to_string()).collect(),
                lang: Some("en".into()),
            },
            noise: noise.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn noise_in_the_story_itself_is_not_a_leak() {
        let noise = vec!["Avec AFP".to_string(), "undefined".to_string()];
        let expected = "Le texte cite Avec AFP dans une phrase";
        let leaked = leaked_lines(&noise, expected, expected);
        assert!(leaked.is_empty());
        let leaked = leaked_lines(&noise, expected, &format!("{expected}\n\nundefined"));
        assert_eq!(leaked, ["undefined"]);
    }

    #[test]
    fn scores_body_noise_agencies_and_language() {
        let story = "The minister met his counterpart in Rabat on Monday.";
        let records = vec![record(
            &format!("{story}\nundefined\nSource: Reuters"),
            story,
            &["undefined", "Source: Reuters"],
            &["Reuters"],
        )];
        let good = Prediction {
            body: Some(story.into()),
            agencies: vec!["Reuters".into()],
            language: Some("en".into()),
            rejected: None,
        };
        let report = evaluate(&records, &[good], &[None], 10);
        assert_eq!(report.body.f1, 1.0);
        assert_eq!(report.noise_leaked, 0);
        assert_eq!(report.agencies.precision, 1.0);
        assert_eq!(report.language_accuracy, 1.0);
        assert!(report.misses.is_empty());

        let bad = Prediction {
            body: Some(format!("{story}\n\nundefined")),
            agencies: vec![],
            language: Some("fr".into()),
            rejected: None,
        };
        let report = evaluate(&records, &[bad], &[None], 10);
        assert_eq!(report.noise_leaked, 1);
        assert_eq!(report.agencies.recall, 0.0);
        assert_eq!(report.language_accuracy, 0.0);
        assert_eq!(report.misses.len(), 1);
    }
}
