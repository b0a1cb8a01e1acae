//! `classifier`: consumes cleaned articles, classifies them by topic, country
//! and region, publishes enriched articles.
//!
//! Reads top to bottom: configuration (flags, `NEWSFLOW_…` env, TOML; exit 64
//! when bad), the stage (the classifier data compiled once), then the shared
//! runtime, which sets up logs, build info, metrics, the HTTP endpoint and the
//! Kafka clients, runs until SIGTERM/SIGINT and drains within the deadline.
//! See docs/operations.md.

use clap::Parser;
use newsflow_classify::Classifier;
use newsflow_kafka::config::{read_file_config, ConfigError};
use newsflow_kafka::{Settings, Stage, StageDefaults, StageOutput, WorkerArgs};
use newsflow_proto::{CleanedArticle, Reject, RejectReason};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "classifier",
    version,
    about = "newsflow classifier worker: CleanedArticle JSON in, EnrichedArticle JSON out, rejects to the dead-letter topic"
)]
struct Cli {
    #[command(flatten)]
    worker: WorkerArgs,
}

/// The classify stage as the runtime runs it: the input is another worker's
/// output, but it still comes off a topic anyone can write to, so it is
/// checked and rejected with the same reason codes as the clean stage.
struct ClassifyStage {
    classifier: Classifier,
}

impl Stage for ClassifyStage {
    fn process(&self, payload: &[u8]) -> Result<StageOutput, Reject> {
        let article = parse_cleaned(payload)?;
        let id = article.id.clone();
        let enriched = self.classifier.classify(article);
        let value = serde_json::to_vec(&enriched).map_err(|e| {
            Reject::new(
                RejectReason::Internal,
                format!("cannot serialise enriched article {id}: {e}"),
            )
            .with_id(Some(id.clone()))
        })?;
        Ok(StageOutput {
            id: enriched.id,
            value,
            language: enriched.language,
            topics: enriched.topics.into_iter().map(|t| t.label).collect(),
            regions: enriched.regions.into_iter().map(|r| r.code).collect(),
        })
    }
}

/// Bytes to a CleanedArticle, or the reason they are not one.
fn parse_cleaned(payload: &[u8]) -> Result<CleanedArticle, Reject> {
    let article: CleanedArticle = newsflow_proto::decode_record(payload, "CleanedArticle")?;
    if article.id.trim().is_empty() {
        return Err(Reject::new(
            RejectReason::InvalidRecord,
            "cleaned article has an empty id",
        ));
    }
    if article.body.trim().is_empty() {
        return Err(Reject::new(
            RejectReason::EmptyBody,
            format!("cleaned article {} has an empty body", article.id),
        )
        .with_id(Some(article.id)));
    }
    Ok(article)
}

fn main() -> ExitCode {
    let cli: Cli = newsflow_kafka::parse_cli();
    let settings = match configure(&cli) {
        Ok(settings) => settings,
        Err(error) => return newsflow_kafka::exit_config_error("classifier", &error),
    };
    let classifier = match Classifier::new() {
        Ok(classifier) => classifier,
        Err(error) => {
            eprintln!("classifier: cannot load the classifier data: {error}");
            return ExitCode::FAILURE;
        }
    };
    newsflow_kafka::run("classifier", settings, ClassifyStage { classifier })
}

fn configure(cli: &Cli) -> Result<Settings, ConfigError> {
    let file = read_file_config(cli.worker.config.as_deref())?;
    if file.max_bytes.is_some() {
        return Err(ConfigError::Invalid {
            key: "max_bytes",
            message: "applies to the cleaner only".to_owned(),
        });
    }
    Settings::resolve(&cli.worker, &file, StageDefaults::CLASSIFY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_input_gets_its_own_reason() {
        let cases: &[(&[u8], RejectReason)] = &[
            (b"\xff\xfe", RejectReason::InvalidUtf8),
            (b"{not json", RejectReason::NotJson),
            (b"[1,2]", RejectReason::NotObject),
            (
                br#"{"id":"a","body":3,"language":"en"}"#,
                RejectReason::InvalidRecord,
            ),
            (
                br#"{"id":"","body":"x","language":"en"}"#,
                RejectReason::InvalidRecord,
            ),
            (
                br#"{"id":"a","body":"  ","language":"en"}"#,
                RejectReason::EmptyBody,
            ),
        ];
        for (bytes, reason) in cases {
            let reject = parse_cleaned(bytes).expect_err("rejected");
            assert_eq!(reject.reason, *reason, "{}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn a_cleaned_article_is_classified_and_keyed_by_its_id() {
        let stage = ClassifyStage {
            classifier: Classifier::new().expect("classifier data"),
        };
        let output = stage
            .process(br#"{"id":"a1","title":"t","body":"Rabat, Morocco: talks.","language":"en"}"#)
            .expect("classified");
        assert_eq!(output.id, "a1");
        let enriched: newsflow_proto::EnrichedArticle =
            serde_json::from_slice(&output.value).expect("enriched JSON");
        assert_eq!(enriched.id, "a1");
        assert_eq!(output.language, "en");
    }
}
