//! Topic rules: one TOML file per label under `data/topics/`, compiled into
//! one shared matcher so that a longer phrase of one label ("مجلس الأمن",
//! "Security Council") hides the shorter term of another ("الأمن").
//!
//! A label's evidence is the sum of its hits: each weighted by its group's
//! weight and by where it sits (title > lead > body), repeated mentions of one
//! term giving less and less, and the body part damped by the article's
//! length so that a long article needs more mentions than a short one. A
//! label with `core` groups gets no score unless one of them fired: the core
//! is what the article must be about; the other groups only reinforce it.
//! The evidence maps to a score in [0, 1) through the logistic curve of
//! [`score_of`]: 0.5 exactly at the label's threshold, which is the decision
//! line, and a slope fitted so that a score reads as the chance the label is
//! right.

use crate::matcher::{Affix, Case, Hit, Matcher, PatternSpec};
use crate::normalize::{MatchText, Zone};
use crate::LoadError;
use serde::Deserialize;

pub const RULE_FILES: [(&str, &str); 5] = [
    (
        "data/topics/security.toml",
        include_str!("../../../data/topics/security.toml"),
    ),
    (
        "data/topics/diplomacy.toml",
        include_str!("../../../data/topics/diplomacy.toml"),
    ),
    (
        "data/topics/politics.toml",
        include_str!("../../../data/topics/politics.toml"),
    ),
    (
        "data/topics/economy.toml",
        include_str!("../../../data/topics/economy.toml"),
    ),
    (
        "data/topics/migration.toml",
        include_str!("../../../data/topics/migration.toml"),
    ),
];

/// Weight of a hit by zone: the headline and the lead say what the article is about.
pub fn zone_factor(zone: Zone) -> f64 {
    match zone {
        Zone::Title => 3.0,
        Zone::Lead => 1.5,
        Zone::Body => 1.0,
    }
}

/// A label whose evidence is under this share of the strongest label's is a
/// side theme of the article, not a main subject: its evidence is scaled down
/// in proportion (see `side_theme`).
const SIDE_THEME_SHARE: f64 = 0.25;

/// Evidence after the side-theme penalty: unchanged when the label has at
/// least `SIDE_THEME_SHARE` of the strongest label's evidence, else reduced
/// by the ratio it falls short by.
pub fn side_theme(evidence: f64, strongest: f64) -> f64 {
    let bar = SIDE_THEME_SHARE * strongest;
    if evidence >= bar || bar <= 0.0 {
        return evidence;
    }
    evidence * (evidence / bar)
}

/// How far past its threshold a label must get on reinforcing terms alone,
/// without any core term. 2.0 before: 1.5 lets a police operation told only
/// with police and arrest words count (security tune +0.015, holdout equal).
const CORELESS_FACTOR: f64 = 1.5;

/// Slope of the score curve `1 / (1 + (threshold / evidence)^k)`. Fitted by
/// log-loss on the `tune` half of the dev set with
/// `scripts/experiments/calibration.py --fit`; on `holdout` it lowers the
/// log-loss from 0.165 (the former `1 - 0.5^(evidence / threshold)`) to 0.157.
/// Any slope keeps 0.5 at the threshold, so no decision depends on it.
const CALIBRATION_SLOPE: f64 = 3.0;

/// A label's score from its evidence: 0 without evidence, 0.5 at the
/// threshold, towards 1 past it.
fn score_of(evidence: f64, threshold: f64) -> f64 {
    debug_assert!(threshold > 0.0);
    if evidence <= 0.0 {
        return 0.0;
    }
    1.0 / (1.0 + (threshold / evidence).powf(CALIBRATION_SLOPE))
}

/// Body tokens over which hits count at full weight; longer bodies are damped
/// by the square root of their length in these units.
const BODY_UNIT_TOKENS: f64 = 250.0;

/// The first term listed twice in one label (in one language), if any.
fn repeated_in_label(
    specs: &[PatternSpec],
    spec_group: &[(usize, usize)],
) -> Option<(String, usize)> {
    let mut seen = std::collections::HashSet::new();
    specs
        .iter()
        .zip(spec_group)
        .find(|(spec, (label, _))| !seen.insert((spec.term.clone(), spec.lang, *label)))
        .map(|(spec, (label, _))| (spec.term.clone(), *label))
}

/// For each spec, the specs of other labels that match exactly the same way.
fn twin_specs(specs: &[PatternSpec], spec_group: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let key = |s: &PatternSpec| (s.term.clone(), s.lang, s.affix, s.case);
    let mut by_key: std::collections::HashMap<_, Vec<usize>> = Default::default();
    for (i, spec) in specs.iter().enumerate() {
        by_key.entry(key(spec)).or_default().push(i);
    }
    specs
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            by_key[&key(spec)]
                .iter()
                .copied()
                .filter(|&j| spec_group[j].0 != spec_group[i].0)
                .collect()
        })
        .collect()
}

/// What the gazetteer found in the article, as far as topic rules use it.
#[derive(Debug)]
pub struct PlaceContext<'a> {
    /// Countries the article names, and how many of them twice or more.
    pub named: usize,
    pub repeated: usize,
    /// Per token: part of a country, capital or city name (so not a topic term).
    pub tokens: &'a [bool],
    /// Every reference to a country (token, code), in text order.
    pub mentions: &'a [(usize, &'a str)],
}

/// How many different countries are named within `window` tokens of `token`.
fn countries_within(mentions: &[(usize, &str)], token: usize, window: usize) -> usize {
    let mut codes: Vec<&str> = mentions
        .iter()
        .filter(|(t, _)| t.abs_diff(token) <= window)
        .map(|(_, code)| *code)
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes.len()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    label: String,
    #[serde(default)]
    iptc: Vec<String>,
    threshold: f64,
    /// Evidence added per country named at least twice, beyond the first.
    #[serde(default)]
    multi_country_bonus: f64,
    /// Share of the evidence kept when the article names at most one country.
    #[serde(default = "one")]
    single_country_factor: f64,
    #[serde(rename = "group")]
    groups: Vec<GroupFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupFile {
    name: String,
    weight: f64,
    #[serde(default)]
    core: bool,
    /// Hits count only within `window` tokens of a hit of one of these groups
    /// (of the same label).
    #[serde(default)]
    near: Vec<String>,
    #[serde(default = "default_window")]
    window: usize,
    /// Hits count only where at least this many different countries are
    /// named within `window` tokens: a stance of one state towards another
    /// ("China hits back at the US") is diplomacy, the same verb about one
    /// country is not.
    #[serde(default)]
    countries_near: usize,
    #[serde(default)]
    ar: Vec<String>,
    #[serde(default)]
    fr: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
}

fn one() -> f64 {
    1.0
}

fn default_window() -> usize {
    12
}

#[derive(Debug)]
pub struct Group {
    pub name: String,
    pub weight: f64,
    pub core: bool,
    pub near: Vec<usize>,
    pub window: usize,
    pub countries_near: usize,
}

#[derive(Debug)]
pub struct Label {
    pub label: String,
    pub iptc: Vec<String>,
    pub threshold: f64,
    pub multi_country_bonus: f64,
    pub single_country_factor: f64,
    pub groups: Vec<Group>,
}

#[derive(Debug)]
pub struct Topics {
    pub labels: Vec<Label>,
    /// Per matcher spec: (label index, group index).
    pub spec_group: Vec<(usize, usize)>,
    /// Per matcher spec: the specs of other labels with the same term. The
    /// matcher keeps one hit per span, and a term two labels list ("strike
    /// ballot": economy for, politics against) must count for both.
    pub twins: Vec<Vec<usize>>,
    pub matcher: Matcher,
}

/// One hit that counted towards a label, with its contribution.
#[derive(Debug, Clone)]
pub struct TopicHit {
    pub hit: Hit,
    pub group: usize,
    pub points: f64,
}

#[derive(Debug, Clone)]
pub struct TopicScore {
    pub label: usize,
    pub evidence: f64,
    pub score: f64,
    pub hits: Vec<TopicHit>,
}

impl Topics {
    pub fn load() -> Result<Topics, LoadError> {
        let mut labels = Vec::new();
        let mut specs = Vec::new();
        let mut spec_group = Vec::new();
        for (file, text) in RULE_FILES {
            let err = |message: String| LoadError::Data { file, message };
            let rules: RuleFile = toml::from_str(text).map_err(|e| err(e.to_string()))?;
            if rules.threshold.is_nan() || rules.threshold <= 0.0 {
                return Err(err("threshold must be positive".into()));
            }
            let label_index = labels.len();
            let names: Vec<&str> = rules.groups.iter().map(|g| g.name.as_str()).collect();
            let mut groups = Vec::new();
            for (gi, g) in rules.groups.iter().enumerate() {
                let near = g
                    .near
                    .iter()
                    .map(|n| {
                        names.iter().position(|x| x == n).ok_or_else(|| {
                            err(format!("group {}: unknown near group {n:?}", g.name))
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                groups.push(Group {
                    name: g.name.clone(),
                    weight: g.weight,
                    core: g.core,
                    near,
                    window: g.window,
                    countries_near: g.countries_near,
                });
                for (lang, terms) in [("ar", &g.ar), ("fr", &g.fr), ("en", &g.en)] {
                    for term in terms {
                        let affix = if term.ends_with('*') {
                            Affix::Any
                        } else if term.ends_with('=') {
                            Affix::Exact
                        } else {
                            Affix::Inflected
                        };
                        // Written capitalised in the rules: a name, matched only
                        // capitalised ("Labour" the party, not "labour" the work).
                        let letters = || term.chars().filter(|c| c.is_alphabetic());
                        let case = if letters().count() >= 2 && letters().all(char::is_uppercase) {
                            Case::Upper
                        } else if letters().next().is_some_and(char::is_uppercase) {
                            Case::Capitalized
                        } else {
                            Case::Any
                        };
                        specs.push(PatternSpec {
                            term: term.trim_end_matches('=').to_owned(),
                            lang: Some(lang),
                            affix,
                            case,
                            strip_article: true,
                        });
                        spec_group.push((label_index, gi));
                    }
                }
            }
            labels.push(Label {
                label: rules.label,
                iptc: rules.iptc,
                threshold: rules.threshold,
                multi_country_bonus: rules.multi_country_bonus,
                single_country_factor: rules.single_country_factor,
                groups,
            });
        }
        if let Some((term, label)) = repeated_in_label(&specs, &spec_group) {
            return Err(LoadError::Data {
                file: "data/topics/*.toml",
                message: format!(
                    "{term:?} is listed twice in label {}: only one of its groups would count",
                    labels[label].label
                ),
            });
        }
        let twins = twin_specs(&specs, &spec_group);
        let matcher = Matcher::new(specs).map_err(|message| LoadError::Data {
            file: "data/topics/*.toml",
            message,
        })?;
        Ok(Topics {
            labels,
            spec_group,
            twins,
            matcher,
        })
    }

    /// Scores every label (passing or not), in label order.
    pub fn score(
        &self,
        text: &MatchText,
        lang: &str,
        title: &str,
        body: &str,
        places: &PlaceContext,
    ) -> Vec<TopicScore> {
        // A word that is a place name here (مالي the country, not "financial") is not a topic term;
        // a longer term that names a place inside it ("الريال اليمني", the Yemeni riyal) still is.
        let hits: Vec<Hit> = self
            .matcher
            .find(text, lang, title, body)
            .into_iter()
            .flat_map(|h| {
                let twins = self.twins[h.spec]
                    .iter()
                    .map(move |&spec| Hit { spec, ..h });
                std::iter::once(h).chain(twins)
            })
            .filter(|h| {
                !places
                    .tokens
                    .get(h.first..=h.last)
                    .is_some_and(|s| s.iter().all(|p| *p))
            })
            .collect();
        let body_tokens = text.body_tokens() as f64;
        let damping = (body_tokens / BODY_UNIT_TOKENS).max(1.0).sqrt();
        let mut out = Vec::new();
        for (li, label) in self.labels.iter().enumerate() {
            let mine: Vec<(Hit, usize)> = hits
                .iter()
                .filter_map(|h| {
                    let (l, g) = self.spec_group[h.spec];
                    (l == li).then_some((*h, g))
                })
                .collect();
            let mut counted = Vec::new();
            let mut seen: std::collections::HashMap<usize, u32> = Default::default();
            let mut has_core = false;
            let mut evidence = 0.0;
            for (hit, gi) in &mine {
                let group = &label.groups[*gi];
                if !group.near.is_empty() {
                    let close = mine.iter().any(|(other, og)| {
                        group.near.contains(og) && other.first.abs_diff(hit.first) <= group.window
                    });
                    if !close {
                        continue;
                    }
                }
                if group.countries_near > 0
                    && countries_within(places.mentions, hit.first, group.window)
                        < group.countries_near
                {
                    continue;
                }
                // Each repetition of one term is worth half the one before.
                let n = seen.entry(hit.spec).or_insert(0);
                let repeat = 0.5_f64.powi(*n as i32);
                *n += 1;
                let mut points = group.weight * zone_factor(hit.zone) * repeat;
                if hit.zone == Zone::Body {
                    points /= damping;
                }
                has_core |= group.core && group.weight > 0.0;
                evidence += points;
                counted.push(TopicHit {
                    hit: *hit,
                    group: *gi,
                    points,
                });
            }
            // Without a core term, reinforcing terms alone carry the label only when
            // they reach CORELESS_FACTOR times the threshold by themselves (a security
            // forces' operation told with police words only), never as a stray mention.
            let needs_core = label.groups.iter().any(|g| g.core);
            if needs_core && !has_core && evidence < CORELESS_FACTOR * label.threshold {
                evidence = 0.0;
            }
            let (named, repeated) = (places.named, places.repeated);
            if evidence > 0.0 && repeated > 1 {
                evidence += label.multi_country_bonus * (repeated - 1).min(3) as f64;
            }
            if named <= 1 {
                evidence *= label.single_country_factor;
            }
            out.push(TopicScore {
                label: li,
                evidence: evidence.max(0.0),
                score: 0.0,
                hits: counted,
            });
        }
        let strongest = out.iter().map(|s| s.evidence).fold(0.0, f64::max);
        for s in &mut out {
            s.evidence = side_theme(s.evidence, strongest);
            s.score = score_of(s.evidence, self.labels[s.label].threshold);
            debug_assert!((0.0..=1.0).contains(&s.score));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::score_of;

    #[test]
    fn score_is_one_half_at_the_threshold_and_rises_with_evidence() {
        assert_eq!(score_of(0.0, 4.0), 0.0);
        assert_eq!(score_of(4.0, 4.0), 0.5);
        assert!(score_of(3.9, 4.0) < 0.5);
        let scores: Vec<f64> = [1.0, 2.0, 4.0, 8.0, 16.0, 64.0]
            .iter()
            .map(|e| score_of(*e, 4.0))
            .collect();
        assert!(scores.windows(2).all(|w| w[0] < w[1]), "{scores:?}");
        assert!(scores.iter().all(|s| (0.0..1.0).contains(s)), "{scores:?}");
        // Twice the threshold: 1 / (1 + 0.5^3).
        assert!((score_of(8.0, 4.0) - 8.0 / 9.0).abs() < 1e-12);
    }
}
