//! Scoring of the pipeline against labelled sets.
//!
//! The scoring is pure: callers run the stages (so `newsflow eval` measures
//! exactly the code that `newsflow run` and the workers run) and hand the
//! predictions here.

pub mod extraction;
pub mod gaps;
pub mod labelled;
pub mod metrics;
pub mod noisy;
pub mod shingles;
