//! `cleaner`: consumes raw articles, cleans them, publishes cleaned articles.
//!
//! Reads top to bottom: configuration (flags, `NEWSFLOW_…` env, TOML; exit 64
//! when bad), the stage, then the shared runtime, which sets up logs, build
//! info, metrics, the HTTP endpoint and the Kafka clients, runs until
//! SIGTERM/SIGINT and drains within the deadline. See docs/operations.md.

use clap::Parser;
use newsflow_clean::{CleanConfig, DEFAULT_MAX_BYTES};
use newsflow_kafka::config::{read_file_config, ConfigError};
use newsflow_kafka::{Settings, Stage, StageDefaults, StageOutput, WorkerArgs};
use newsflow_proto::{Reject, RejectReason};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "cleaner",
    version,
    about = "newsflow cleaner worker: RawArticle JSON in, CleanedArticle JSON out, rejects to the dead-letter topic"
)]
struct Cli {
    #[command(flatten)]
    worker: WorkerArgs,
    /// Records larger than this many bytes are dead-lettered as too_large.
    #[arg(long, env = "NEWSFLOW_MAX_BYTES")]
    max_bytes: Option<usize>,
}

/// The clean stage as the runtime runs it.
struct CleanStage {
    config: CleanConfig,
}

impl Stage for CleanStage {
    fn process(&self, payload: &[u8]) -> Result<StageOutput, Reject> {
        let cleaned = newsflow_clean::clean_bytes(payload, &self.config)?;
        let value = serde_json::to_vec(&cleaned).map_err(|e| {
            Reject::new(
                RejectReason::Internal,
                format!("cannot serialise cleaned article {}: {e}", cleaned.id),
            )
            .with_id(Some(cleaned.id.clone()))
        })?;
        Ok(StageOutput {
            id: cleaned.id,
            value,
            language: cleaned.language,
            topics: Vec::new(),
            regions: Vec::new(),
        })
    }
}

fn main() -> ExitCode {
    let cli: Cli = newsflow_kafka::parse_cli();
    let (settings, config) = match configure(&cli) {
        Ok(configured) => configured,
        Err(error) => return newsflow_kafka::exit_config_error("cleaner", &error),
    };
    newsflow_kafka::run("cleaner", settings, CleanStage { config })
}

fn configure(cli: &Cli) -> Result<(Settings, CleanConfig), ConfigError> {
    let file = read_file_config(cli.worker.config.as_deref())?;
    let settings = Settings::resolve(&cli.worker, &file, StageDefaults::CLEAN)?;
    let max_bytes = cli
        .max_bytes
        .or(file.max_bytes)
        .unwrap_or(DEFAULT_MAX_BYTES);
    if max_bytes == 0 {
        return Err(ConfigError::Invalid {
            key: "max_bytes",
            message: "must be at least 1".to_owned(),
        });
    }
    Ok((settings, CleanConfig { max_bytes }))
}
