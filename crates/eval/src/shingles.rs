//! The article-extraction benchmark's body metric (scrapinghub
//! article-extraction-benchmark, `evaluate.py`), so our figures compare with
//! the published ones: 4-token shingles counted per document, TP/FP/FN
//! normalised per document so long articles weigh no more than short ones,
//! precision and recall averaged over documents, F1 of the two averages.

use serde::Serialize;
use std::collections::HashMap;

/// Shingle width used by the benchmark.
pub const SHINGLE_N: usize = 4;

/// One document's normalised true-positive, false-positive and false-negative
/// shares (they sum to 1 unless both texts are empty).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ShingleMatch {
    pub tp: f64,
    pub fp: f64,
    pub r#fn: f64,
}

impl ShingleMatch {
    /// The benchmark's per-document precision: a document with nothing
    /// predicted and nothing expected is perfect.
    pub fn precision(&self) -> f64 {
        if self.fp == 0.0 && self.r#fn == 0.0 {
            return 1.0;
        }
        if self.tp == 0.0 && self.fp == 0.0 {
            return 0.0;
        }
        self.tp / (self.tp + self.fp)
    }

    pub fn recall(&self) -> f64 {
        if self.fp == 0.0 && self.r#fn == 0.0 {
            return 1.0;
        }
        if self.tp == 0.0 && self.r#fn == 0.0 {
            return 0.0;
        }
        self.tp / (self.tp + self.r#fn)
    }
}

/// Python's `\w` on `str`: letters and numbers of any script plus `_`.
/// Combining marks (Arabic harakat) are not `\w` in Python, so they split
/// tokens there and must here too.
fn is_word_char(c: char) -> bool {
    if c == '_' {
        return true;
    }
    if is_combining_mark(c) {
        return false;
    }
    c.is_alphanumeric()
}

fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// The benchmark's tokens: maximal runs of word characters.
pub fn tokenize(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                tokens.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens.push(&text[s..]);
    }
    tokens
}

/// Shingle counts; a text shorter than `n` tokens is one short shingle, as in
/// the benchmark.
fn shingles(text: &str, n: usize) -> HashMap<Vec<&str>, u32> {
    let tokens = tokenize(text);
    let mut counts = HashMap::new();
    let windows = tokens.len().saturating_sub(n) + 1;
    for i in 0..windows.max(1) {
        let end = (i + n).min(tokens.len());
        let shingle = tokens[i.min(end)..end].to_vec();
        if shingle.is_empty() {
            continue;
        }
        *counts.entry(shingle).or_insert(0) += 1;
    }
    counts
}

/// Compares one predicted body with the expected one.
pub fn match_shingles(expected: &str, predicted: &str) -> ShingleMatch {
    let truth = shingles(expected, SHINGLE_N);
    let pred = shingles(predicted, SHINGLE_N);
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (key, &t) in &truth {
        let p = pred.get(key).copied().unwrap_or(0);
        tp += f64::from(t.min(p));
        fn_ += f64::from(t.saturating_sub(p));
    }
    for (key, &p) in &pred {
        let t = truth.get(key).copied().unwrap_or(0);
        fp += f64::from(p.saturating_sub(t));
    }
    let sum = tp + fp + fn_;
    if sum == 0.0 {
        return ShingleMatch::default();
    }
    ShingleMatch {
        tp: tp / sum,
        fp: fp / sum,
        r#fn: fn_ / sum,
    }
}

/// Averages over documents, as the benchmark reports them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ShingleScores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub documents: usize,
}

/// Mean precision over documents with something predicted, mean recall over
/// documents with something expected, F1 of the two means.
pub fn aggregate(matches: &[ShingleMatch]) -> ShingleScores {
    let precisions: Vec<f64> = matches
        .iter()
        .filter(|m| m.tp + m.fp > 0.0)
        .map(ShingleMatch::precision)
        .collect();
    let recalls: Vec<f64> = matches
        .iter()
        .filter(|m| m.tp + m.r#fn > 0.0)
        .map(ShingleMatch::recall)
        .collect();
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let precision = mean(&precisions);
    let recall = mean(&recalls);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    ShingleScores {
        precision,
        recall,
        f1,
        documents: matches.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_python_word_runs() {
        assert_eq!(
            tokenize("Hello, world! l'été 2021_x"),
            ["Hello", "world", "l", "été", "2021_x"]
        );
        // A haraka splits an Arabic word, as Python's \w does.
        assert_eq!(tokenize("مُحمد"), ["م", "حمد"]);
    }

    #[test]
    fn identical_texts_score_one_and_disjoint_zero() {
        let text = "one two three four five six";
        let m = match_shingles(text, text);
        assert_eq!((m.precision(), m.recall()), (1.0, 1.0));
        let m = match_shingles(text, "seven eight nine ten eleven");
        assert_eq!((m.precision(), m.recall()), (0.0, 0.0));
    }

    #[test]
    fn extra_text_costs_precision_not_recall() {
        let m = match_shingles("a b c d e", "a b c d e f g h i");
        assert_eq!(m.recall(), 1.0);
        // 2 true shingles, 4 extra ones.
        assert!((m.precision() - 2.0 / 6.0).abs() < 1e-9);
    }

    #[test]
    fn short_texts_are_one_shingle() {
        let m = match_shingles("a b", "a b");
        assert_eq!(m.tp, 1.0);
        let empty = match_shingles("", "");
        assert_eq!(empty, ShingleMatch::default());
    }

    #[test]
    fn aggregate_is_f1_of_the_means() {
        let perfect = match_shingles("a b c d e", "a b c d e");
        let half = ShingleMatch {
            tp: 0.5,
            fp: 0.5,
            r#fn: 0.0,
        };
        let s = aggregate(&[perfect, half]);
        assert!((s.precision - 0.75).abs() < 1e-9);
        assert_eq!(s.recall, 1.0);
        assert!((s.f1 - 2.0 * 0.75 / 1.75).abs() < 1e-9);
    }
}
