//! The Kafka worker runtime (issue 5): consume, run a stage on a CPU pool,
//! produce, commit in order. No stage logic lives here: the cleaner and the
//! classifier binaries each give [`run`] a [`Stage`].
//!
//! How a record travels (see docs/operations.md for the guarantees):
//! the poll thread ([`coordinator`]) consumes it and records its offset
//! ([`offsets`]); its partition's lane ([`lane`]) runs the stage on the rayon
//! pool, enqueues the output (or a dead letter) in offset order and reports
//! the delivery back; the poll thread commits a partition's position only
//! up to the first record not yet delivered, and pauses partitions while
//! `max-in-flight` records are uncommitted.

pub mod config;
pub mod coordinator;
pub mod events;
pub mod health;
pub mod http;
pub mod lane;
pub mod offsets;
mod runtime;
pub mod telemetry;

pub use config::{Settings, StageDefaults, WorkerArgs};
pub use runtime::{exit_config_error, parse_cli, run};

use newsflow_proto::Reject;

/// One stage of the pipeline as the runtime sees it: bytes in, an output
/// record or a reject out. Runs on the CPU pool, many records at once.
pub trait Stage: Send + Sync + 'static {
    fn process(&self, payload: &[u8]) -> Result<StageOutput, Reject>;
}

/// A stage's output and what the metrics need to know about it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StageOutput {
    /// The article id: the output record's key.
    pub id: String,
    /// The output record's value (JSON).
    pub value: Vec<u8>,
    /// ISO 639-1 code of the article's language.
    pub language: String,
    /// Topic labels (classifier only).
    pub topics: Vec<String>,
    /// Region codes (classifier only).
    pub regions: Vec<String>,
}
