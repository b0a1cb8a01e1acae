//! Scores predictions against a labelled set in the format of
//! `shared/data/labelled/dev.jsonl` (labels defined in its GUIDE.md).

use crate::gaps::{topic_gap, Outcome, TopicGap};
use crate::metrics::{Counts, Prf};
use newsflow_proto::{EnrichedArticle, RawArticle, Reject};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The topic labels, in the order reports print them.
pub const TOPICS: [&str; 5] = ["security", "diplomacy", "politics", "economy", "migration"];

/// One labelled article. Unknown fields (`corpus`, `note`, ...) are ignored.
#[derive(Debug, Clone, Deserialize)]
pub struct LabelledArticle {
    pub id: String,
    pub lang: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub title: String,
    pub text: String,
    /// `text/html` when `text` is a raw page (a labelled set rebuilt from
    /// noisy feed items); plain text when absent.
    #[serde(default)]
    pub content_type: Option<String>,
    pub gold: Gold,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    pub topics: BTreeMap<String, bool>,
    #[serde(default)]
    pub countries_mentioned: Vec<String>,
    #[serde(default)]
    pub primary_country: Option<String>,
    #[serde(default)]
    pub regions_mentioned: Vec<String>,
}

impl LabelledArticle {
    /// The article as the pipeline receives it: plain text, with the
    /// labelled language given only as a hint (the clean stage must find it).
    pub fn to_raw(&self) -> RawArticle {
        RawArticle {
            id: Some(self.id.clone()),
            url: self.url.clone(),
            source: self.source.clone(),
            published_at: None,
            title: Some(self.title.clone()),
            body: Some(self.text.clone()),
            content_type: Some(
                self.content_type
                    .clone()
                    .unwrap_or_else(|| "text/plain".into()),
            ),
            lang: None,
        }
    }

    /// A stable split of the set into two halves, so that rules can be
    /// written looking at `tune` and checked on `holdout`.
    pub fn half(&self) -> &'static str {
        // FNV-1a: stable across platforms and Rust versions, unlike the std hasher.
        let hash = self.id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        if hash % 2 == 0 {
            "tune"
        } else {
            "holdout"
        }
    }
}

/// Scores over one subset of articles.
#[derive(Debug, Clone, Serialize)]
pub struct Scores {
    pub articles: usize,
    pub topics: BTreeMap<String, Prf>,
    pub topics_macro_f1: f64,
    pub countries: Prf,
    pub regions_explicit: Prf,
    pub primary_country_accuracy: f64,
    pub language_accuracy: f64,
}

/// An article the pipeline got most wrong, with what it missed and added.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    pub id: String,
    pub lang: String,
    pub title: String,
    /// Weighted error count used for ranking.
    pub errors: u32,
    /// Human-readable differences, one per label family.
    pub details: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub articles: usize,
    /// Articles the pipeline rejected (scored as predicting nothing).
    pub rejected: usize,
    pub overall: Scores,
    pub by_language: BTreeMap<String, Scores>,
    pub by_half: BTreeMap<String, Scores>,
    /// Per topic, how far the worst language trails the best, with credible
    /// intervals (empty with one language or no draws).
    pub language_gaps: BTreeMap<String, TopicGap>,
    pub worst_misses: Vec<Miss>,
}

#[derive(Default)]
struct Tally {
    articles: usize,
    topics: BTreeMap<&'static str, Counts>,
    countries: Counts,
    regions: Counts,
    primary_correct: usize,
    language_correct: usize,
}

impl Tally {
    fn add(&mut self, gold: &LabelledArticle, predicted: Option<&EnrichedArticle>) {
        self.articles += 1;
        let predicted_topics: BTreeSet<&str> = predicted
            .map(|p| p.topics.iter().map(|t| t.label.as_str()).collect())
            .unwrap_or_default();
        for topic in TOPICS {
            let gold_value = gold.gold.topics.get(topic).copied().unwrap_or(false);
            self.topics
                .entry(topic)
                .or_default()
                .add(predicted_topics.contains(topic), gold_value);
        }
        let countries = predicted_countries(predicted);
        self.countries.add_sets(
            countries.iter().copied(),
            gold.gold.countries_mentioned.iter().map(String::as_str),
        );
        let regions = predicted_explicit_regions(predicted);
        self.regions.add_sets(
            regions.iter().copied(),
            gold.gold.regions_mentioned.iter().map(String::as_str),
        );
        let primary = predicted.and_then(|p| p.primary_country.as_deref());
        if primary == gold.gold.primary_country.as_deref() {
            self.primary_correct += 1;
        }
        if predicted.map(|p| p.language.as_str()) == Some(gold.lang.as_str()) {
            self.language_correct += 1;
        }
    }

    fn scores(&self) -> Scores {
        let topics: BTreeMap<String, Prf> = self
            .topics
            .iter()
            .map(|(k, c)| (k.to_string(), c.scores()))
            .collect();
        let topics_macro_f1 = if topics.is_empty() {
            0.0
        } else {
            topics.values().map(|p| p.f1).sum::<f64>() / topics.len() as f64
        };
        let share = |n: usize| {
            if self.articles == 0 {
                0.0
            } else {
                n as f64 / self.articles as f64
            }
        };
        Scores {
            articles: self.articles,
            topics,
            topics_macro_f1,
            countries: self.countries.scores(),
            regions_explicit: self.regions.scores(),
            primary_country_accuracy: share(self.primary_correct),
            language_accuracy: share(self.language_correct),
        }
    }
}

fn predicted_countries(predicted: Option<&EnrichedArticle>) -> Vec<&str> {
    predicted
        .map(|p| p.countries.iter().map(|c| c.code.as_str()).collect())
        .unwrap_or_default()
}

fn predicted_explicit_regions(predicted: Option<&EnrichedArticle>) -> Vec<&str> {
    predicted
        .map(|p| {
            p.regions
                .iter()
                .filter(|r| r.explicit)
                .map(|r| r.code.as_str())
                .collect()
        })
        .unwrap_or_default()
}

fn diff(kind: &str, predicted: &[&str], gold: &[String]) -> Option<(u32, String)> {
    let predicted: BTreeSet<&str> = predicted.iter().copied().collect();
    let gold: BTreeSet<&str> = gold.iter().map(String::as_str).collect();
    let missing: Vec<&str> = gold.difference(&predicted).copied().collect();
    let extra: Vec<&str> = predicted.difference(&gold).copied().collect();
    if missing.is_empty() && extra.is_empty() {
        return None;
    }
    let errors = (missing.len() + extra.len()) as u32;
    Some((
        errors,
        format!("{kind}: missing {missing:?}, extra {extra:?}"),
    ))
}

fn miss(gold: &LabelledArticle, predicted: Option<&EnrichedArticle>) -> Miss {
    let mut errors = 0;
    let mut details = Vec::new();
    let predicted_topics: Vec<&str> = predicted
        .map(|p| p.topics.iter().map(|t| t.label.as_str()).collect())
        .unwrap_or_default();
    let gold_topics: Vec<String> = TOPICS
        .iter()
        .filter(|t| gold.gold.topics.get(**t).copied().unwrap_or(false))
        .map(|t| t.to_string())
        .collect();
    // Topic errors weigh double: they are the labels users filter on.
    if let Some((n, d)) = diff("topics", &predicted_topics, &gold_topics) {
        errors += 2 * n;
        details.push(d);
    }
    if let Some((n, d)) = diff(
        "countries",
        &predicted_countries(predicted),
        &gold.gold.countries_mentioned,
    ) {
        errors += n;
        details.push(d);
    }
    if let Some((n, d)) = diff(
        "regions",
        &predicted_explicit_regions(predicted),
        &gold.gold.regions_mentioned,
    ) {
        errors += n;
        details.push(d);
    }
    let primary = predicted.and_then(|p| p.primary_country.clone());
    if primary != gold.gold.primary_country {
        errors += 2;
        details.push(format!(
            "primary: predicted {primary:?}, gold {:?}",
            gold.gold.primary_country
        ));
    }
    let language = predicted.map(|p| p.language.clone());
    if language.as_deref() != Some(gold.lang.as_str()) {
        errors += 2;
        details.push(format!(
            "language: predicted {language:?}, gold {}",
            gold.lang
        ));
    }
    Miss {
        id: gold.id.clone(),
        lang: gold.lang.clone(),
        title: gold.title.chars().take(90).collect(),
        errors,
        details,
    }
}

/// Scores every prediction; `worst` bounds the confusion list, `draws` sets
/// the posterior draws of the language gaps (0: no gaps).
pub fn evaluate(
    items: &[(LabelledArticle, Result<EnrichedArticle, Reject>)],
    worst: usize,
    draws: usize,
) -> Report {
    let mut outcomes: BTreeMap<&str, BTreeMap<String, Vec<Outcome>>> = BTreeMap::new();
    let mut overall = Tally::default();
    let mut by_language: BTreeMap<String, Tally> = BTreeMap::new();
    let mut by_half: BTreeMap<String, Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut rejected = 0;
    for (gold, result) in items {
        let predicted = result.as_ref().ok();
        if predicted.is_none() {
            rejected += 1;
        }
        for topic in TOPICS {
            let outcome = Outcome {
                predicted: predicted.is_some_and(|p| p.topics.iter().any(|t| t.label == topic)),
                gold: gold.gold.topics.get(topic).copied().unwrap_or(false),
            };
            outcomes
                .entry(topic)
                .or_default()
                .entry(gold.lang.clone())
                .or_default()
                .push(outcome);
        }
        overall.add(gold, predicted);
        by_language
            .entry(gold.lang.clone())
            .or_default()
            .add(gold, predicted);
        by_half
            .entry(gold.half().to_owned())
            .or_default()
            .add(gold, predicted);
        let m = miss(gold, predicted);
        if m.errors > 0 {
            misses.push(m);
        }
    }
    misses.sort_by(|a, b| b.errors.cmp(&a.errors).then_with(|| a.id.cmp(&b.id)));
    misses.truncate(worst);
    Report {
        articles: items.len(),
        rejected,
        overall: overall.scores(),
        by_language: by_language
            .iter()
            .map(|(k, t)| (k.clone(), t.scores()))
            .collect(),
        by_half: by_half
            .iter()
            .map(|(k, t)| (k.clone(), t.scores()))
            .collect(),
        language_gaps: outcomes
            .iter()
            .filter_map(|(topic, by_lang)| {
                topic_gap(by_lang, draws).map(|g| (topic.to_string(), g))
            })
            .collect(),
        worst_misses: misses,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsflow_proto::{CountryMention, RegionLabel, TopicLabel};

    fn labelled() -> LabelledArticle {
        serde_json::from_str(
            r#"{"id":"x","lang":"ar","title":"t","text":"b","gold":{"topics":{"security":true,"diplomacy":true,"politics":false,"economy":false,"migration":false},"countries_mentioned":["MA","FR"],"primary_country":"MA","regions_mentioned":["sahel"]}}"#,
        )
        .expect("valid labelled article")
    }

    #[test]
    fn a_labelled_raw_page_keeps_its_content_type() {
        let plain = labelled().to_raw();
        assert_eq!(plain.content_type.as_deref(), Some("text/plain"));
        let page: LabelledArticle = serde_json::from_str(
            r#"{"id":"x","lang":"fr","title":"t","text":"<p>b</p>","content_type":"text/html","gold":{"topics":{}}}"#,
        )
        .expect("valid labelled article");
        assert_eq!(page.to_raw().content_type.as_deref(), Some("text/html"));
    }

    fn prediction() -> EnrichedArticle {
        EnrichedArticle {
            language: "ar".into(),
            topics: vec![TopicLabel {
                label: "security".into(),
                score: 0.9,
                evidence: vec![],
            }],
            countries: vec![
                CountryMention {
                    code: "MA".into(),
                    mentions: 2,
                    evidence: vec![],
                },
                CountryMention {
                    code: "DZ".into(),
                    mentions: 1,
                    evidence: vec![],
                },
            ],
            primary_country: Some("MA".into()),
            regions: vec![
                RegionLabel {
                    code: "sahel".into(),
                    explicit: true,
                },
                RegionLabel {
                    code: "maghreb".into(),
                    explicit: false,
                },
            ],
            ..Default::default()
        }
    }

    #[test]
    fn scores_topics_countries_regions_and_accuracies() {
        let report = evaluate(&[(labelled(), Ok(prediction()))], 10, 100);
        let s = &report.overall;
        assert_eq!(s.topics["security"].f1, 1.0);
        assert_eq!(s.topics["diplomacy"].recall, 0.0);
        assert_eq!((s.countries.precision, s.countries.recall), (0.5, 0.5));
        // The derived (non-explicit) maghreb does not count against regions.
        assert_eq!(s.regions_explicit.f1, 1.0);
        assert_eq!(s.primary_country_accuracy, 1.0);
        assert_eq!(s.language_accuracy, 1.0);
        let miss = &report.worst_misses[0];
        assert_eq!(miss.errors, 2 + 2);
        assert!(miss.details.iter().any(|d| d.contains("diplomacy")));
        // One language: nothing to compare.
        assert!(report.language_gaps.is_empty());
    }

    #[test]
    fn gaps_compare_the_languages_topic_by_topic() {
        let mut english = labelled();
        english.id = "y".into();
        english.lang = "en".into();
        let mut english_prediction = prediction();
        english_prediction.language = "en".into();
        english_prediction.topics.clear();
        let items = [
            (labelled(), Ok(prediction())),
            (english, Ok(english_prediction)),
        ];
        let report = evaluate(&items, 10, 100);
        let security = &report.language_gaps["security"];
        assert_eq!(
            (security.leading.as_str(), security.trailing.as_str()),
            ("ar", "en")
        );
        assert_eq!(security.gap, 1.0);
        // Neither language finds diplomacy: no gap.
        assert_eq!(report.language_gaps["diplomacy"].gap, 0.0);
        assert!(evaluate(&items, 10, 0).language_gaps.is_empty());
    }

    #[test]
    fn a_rejected_article_counts_as_predicting_nothing() {
        let reject = Reject::new(newsflow_proto::RejectReason::EmptyBody, "empty");
        let report = evaluate(&[(labelled(), Err(reject))], 10, 100);
        assert_eq!(report.rejected, 1);
        assert_eq!(report.overall.countries.recall, 0.0);
        assert_eq!(report.overall.language_accuracy, 0.0);
    }
}
