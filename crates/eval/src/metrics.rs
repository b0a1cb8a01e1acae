//! Counting precision, recall and F1 the same way everywhere.

use serde::Serialize;

/// True/false positive and false negative counts for one label or set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub tp: u64,
    pub fp: u64,
    pub r#fn: u64,
}

impl Counts {
    pub fn add(&mut self, predicted: bool, gold: bool) {
        match (predicted, gold) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.r#fn += 1,
            (false, false) => {}
        }
    }

    /// Adds the comparison of two sets of codes (micro-averaging).
    pub fn add_sets<'a>(
        &mut self,
        predicted: impl IntoIterator<Item = &'a str>,
        gold: impl IntoIterator<Item = &'a str>,
    ) {
        let predicted: std::collections::BTreeSet<&str> = predicted.into_iter().collect();
        let gold: std::collections::BTreeSet<&str> = gold.into_iter().collect();
        let tp = predicted.intersection(&gold).count() as u64;
        self.tp += tp;
        self.fp += predicted.len() as u64 - tp;
        self.r#fn += gold.len() as u64 - tp;
    }

    pub fn merge(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.r#fn += other.r#fn;
    }

    pub fn scores(&self) -> Prf {
        Prf::from_counts(*self)
    }
}

/// Precision, recall, F1 and support. An empty denominator scores 1.0 for
/// precision (nothing claimed, nothing wrong) and recall (nothing to find),
/// so a label absent from a subset does not read as a failure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Gold positives.
    pub support: u64,
}

impl Prf {
    pub fn from_counts(c: Counts) -> Prf {
        let ratio = |num: u64, den: u64| {
            if den == 0 {
                1.0
            } else {
                num as f64 / den as f64
            }
        };
        let precision = ratio(c.tp, c.tp + c.fp);
        let recall = ratio(c.tp, c.tp + c.r#fn);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
            support: c.tp + c.r#fn,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_counts_are_micro_averaged() {
        let mut c = Counts::default();
        c.add_sets(["MA", "FR"], ["MA", "DZ"]);
        c.add_sets(["LY"], ["LY"]);
        assert_eq!(
            c,
            Counts {
                tp: 2,
                fp: 1,
                r#fn: 1
            }
        );
        let s = c.scores();
        assert!((s.precision - 2.0 / 3.0).abs() < 1e-9);
        assert!((s.f1 - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.support, 3);
    }

    #[test]
    fn empty_denominators_do_not_read_as_failure() {
        let s = Counts::default().scores();
        assert_eq!((s.precision, s.recall), (1.0, 1.0));
        let only_fn = Counts {
            tp: 0,
            fp: 0,
            r#fn: 2,
        }
        .scores();
        assert_eq!(only_fn.f1, 0.0);
    }
}
