//! `newsflow produce`: loads RawArticle JSONL into a Kafka topic, keyed by
//! article id, for operators and tests.
//!
//! Lines are sent verbatim (a broken line is exactly what the cleaner's
//! dead-letter path must see), keyed by their `id` when they have one.
//! Delivery uses the same idempotent, acks=all producer settings as the
//! workers; the command exits non-zero if any record was not delivered.

use crate::io::{open_input, read_line, stderr_is_terminal};
use anyhow::Context as _;
use futures::stream::{FuturesUnordered, StreamExt};
use indicatif::{ProgressBar, ProgressStyle};
use rdkafka::config::ClientConfig;
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::producer::{FutureProducer, FutureRecord, Producer};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Load RawArticle JSONL into Kafka, keyed by article id.
#[derive(clap::Args)]
pub struct Args {
    /// RawArticle JSONL: a file, a `.gz` file, or `-` (the default) for stdin.
    input: Option<PathBuf>,
    /// Topic to write to.
    #[arg(long, default_value = "news.raw")]
    topic: String,
    /// Bootstrap brokers, host:port[,host:port].
    #[arg(long, env = "NEWSFLOW_BROKERS")]
    brokers: String,
    /// Records per second (default: as fast as the broker takes them).
    #[arg(long)]
    rate: Option<f64>,
    /// librdkafka property, key=value; repeatable (TLS, SASL, ...).
    #[arg(long = "kafka-property", value_name = "KEY=VALUE")]
    kafka_property: Vec<String>,
    /// Create the topic first with this many partitions (replication 1)
    /// when it does not exist; without it, a missing topic is created by the
    /// broker's defaults, if the broker allows that.
    #[arg(long)]
    partitions: Option<i32>,
    /// Skip empty lines instead of sending them as empty records.
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    skip_empty: bool,
}

/// Deliveries awaited at once; bounds memory on huge inputs.
const MAX_PENDING: usize = 10_000;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(rate) = args.rate {
        anyhow::ensure!(
            rate > 0.0 && rate.is_finite(),
            "--rate must be a positive number, got {rate}"
        );
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(produce(args))
}

async fn produce(args: Args) -> anyhow::Result<ExitCode> {
    let mut config = ClientConfig::new();
    config
        .set("bootstrap.servers", &args.brokers)
        .set("enable.idempotence", "true")
        .set("acks", "all")
        .set("compression.type", "zstd")
        .set("linger.ms", "20");
    for property in &args.kafka_property {
        let (key, value) = property
            .split_once('=')
            .with_context(|| format!("--kafka-property {property:?} is not key=value"))?;
        config.set(key.trim(), value);
    }
    if let Some(partitions) = args.partitions {
        create_topic(&config, &args.topic, partitions).await?;
    }
    let producer: FutureProducer = config.create().context("creating the Kafka producer")?;

    let mut input = open_input(args.input.as_deref(), None)?;
    let progress = if stderr_is_terminal() {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {pos} records sent to {msg} ({per_sec}, {elapsed})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.set_message(args.topic.clone());
        bar.enable_steady_tick(Duration::from_millis(200));
        bar
    } else {
        ProgressBar::hidden()
    };

    let started = Instant::now();
    let mut pending = FuturesUnordered::new();
    let (mut sent, mut delivered, mut failed) = (0u64, 0u64, 0u64);
    let mut first_error: Option<String> = None;
    let mut line = Vec::new();
    while read_line(&mut *input.reader, &mut line)
        .with_context(|| format!("reading {}", input.name))?
    {
        if args.skip_empty && line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if let Some(rate) = args.rate {
            // Pace against the start time, so rounding never drifts.
            let due = started + Duration::from_secs_f64(sent as f64 / rate);
            tokio::time::sleep_until(due.into()).await;
        }
        let key = article_id(&line);
        let mut backoff = Duration::from_millis(5);
        let delivery = loop {
            let mut record: FutureRecord<'_, str, [u8]> =
                FutureRecord::to(&args.topic).payload(&line[..]);
            if let Some(key) = key.as_deref() {
                record = record.key(key);
            }
            match producer.send_result(record) {
                Ok(delivery) => break delivery,
                Err((KafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), _)) => {
                    // Let deliveries complete while waiting for room.
                    if let Some(result) = pending.next().await {
                        tally(result, &mut delivered, &mut failed, &mut first_error);
                    } else {
                        tokio::time::sleep(backoff).await;
                        backoff = (backoff * 2).min(Duration::from_millis(200));
                    }
                }
                Err((error, _)) => {
                    anyhow::bail!("cannot send record {} of {}: {error}", sent + 1, input.name)
                }
            }
        };
        pending.push(delivery);
        sent += 1;
        progress.set_position(sent);
        while pending.len() >= MAX_PENDING {
            if let Some(result) = pending.next().await {
                tally(result, &mut delivered, &mut failed, &mut first_error);
            }
        }
    }
    while let Some(result) = pending.next().await {
        tally(result, &mut delivered, &mut failed, &mut first_error);
    }
    producer
        .flush(Duration::from_secs(30))
        .context("flushing the producer")?;
    progress.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "produced {delivered} record(s) to {} in {seconds:.1}s ({:.0}/s){}",
        args.topic,
        delivered as f64 / seconds.max(1e-9),
        if failed > 0 {
            format!(", {failed} failed")
        } else {
            String::new()
        }
    );
    if let Some(error) = first_error {
        eprintln!("first delivery error: {error}");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// Creates `topic` with `partitions` partitions; an existing topic is fine.
async fn create_topic(config: &ClientConfig, topic: &str, partitions: i32) -> anyhow::Result<()> {
    use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
    use rdkafka::types::RDKafkaErrorCode;
    anyhow::ensure!(
        partitions > 0,
        "--partitions must be at least 1, got {partitions}"
    );
    let admin: AdminClient<rdkafka::client::DefaultClientContext> =
        config.create().context("creating the Kafka admin client")?;
    let options = AdminOptions::new().operation_timeout(Some(Duration::from_secs(30)));
    let results = admin
        .create_topics(
            &[NewTopic::new(topic, partitions, TopicReplication::Fixed(1))],
            &options,
        )
        .await
        .with_context(|| format!("creating topic {topic}"))?;
    for result in results {
        match result {
            Ok(_) | Err((_, RDKafkaErrorCode::TopicAlreadyExists)) => {}
            Err((name, code)) => anyhow::bail!("cannot create topic {name}: {code}"),
        }
    }
    Ok(())
}

type DeliveryOutcome = Result<
    rdkafka::producer::future_producer::OwnedDeliveryResult,
    futures::channel::oneshot::Canceled,
>;

fn tally(
    result: DeliveryOutcome,
    delivered: &mut u64,
    failed: &mut u64,
    first_error: &mut Option<String>,
) {
    match result {
        Ok(Ok(_)) => *delivered += 1,
        Ok(Err((error, _))) => {
            *failed += 1;
            first_error.get_or_insert_with(|| error.to_string());
        }
        Err(_) => {
            *failed += 1;
            first_error.get_or_insert_with(|| "producer dropped".to_owned());
        }
    }
}

/// The `id` of a JSON line, when it is an object with a string id.
fn article_id(line: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Id {
        id: Option<String>,
    }
    serde_json::from_slice::<Id>(line).ok()?.id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_come_from_the_id_when_there_is_one() {
        assert_eq!(
            article_id(br#"{"id":"a-1","body":"x"}"#).as_deref(),
            Some("a-1")
        );
        assert_eq!(article_id(br#"{"body":"x"}"#), None);
        assert_eq!(article_id(br#"{"id":7}"#), None);
        assert_eq!(article_id(b"\xff not json"), None);
    }
}
