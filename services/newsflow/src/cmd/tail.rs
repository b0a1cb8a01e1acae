//! `newsflow tail`: prints the records of a topic, then follows it.
//!
//! Reads every partition directly (no consumer group, nothing committed), so
//! tailing never disturbs the workers' groups.

use anyhow::Context as _;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::{Headers, Message};
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};
use serde_json::{json, Value};
use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

/// Print a topic's records (pretty, or JSON lines) and follow it.
#[derive(clap::Args)]
pub struct Args {
    /// Topic to read.
    #[arg(long, default_value = "news.enriched")]
    topic: String,
    /// Bootstrap brokers, host:port[,host:port].
    #[arg(long, env = "NEWSFLOW_BROKERS")]
    brokers: String,
    /// One JSON object per record (topic, partition, offset, key, timestamp,
    /// headers, value) instead of the pretty form.
    #[arg(long)]
    json: bool,
    /// Start at the oldest record instead of the newest.
    #[arg(long)]
    from_beginning: bool,
    /// Stop after this many records.
    #[arg(long)]
    max: Option<u64>,
    /// Stop when no record arrives for this many seconds (default: follow forever).
    #[arg(long, value_name = "SECS")]
    idle_timeout: Option<u64>,
    /// librdkafka property, key=value; repeatable (TLS, SASL, ...).
    #[arg(long = "kafka-property", value_name = "KEY=VALUE")]
    kafka_property: Vec<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut config = ClientConfig::new();
    config
        .set("bootstrap.servers", &args.brokers)
        .set("group.id", format!("newsflow-tail-{}", std::process::id()))
        .set("enable.auto.commit", "false")
        .set("enable.partition.eof", "false")
        .set("isolation.level", "read_committed");
    for property in &args.kafka_property {
        let (key, value) = property
            .split_once('=')
            .with_context(|| format!("--kafka-property {property:?} is not key=value"))?;
        config.set(key.trim(), value);
    }
    let consumer: BaseConsumer = config.create().context("creating the Kafka consumer")?;
    let metadata = consumer
        .fetch_metadata(Some(&args.topic), Duration::from_secs(15))
        .with_context(|| format!("reading the metadata of {}", args.topic))?;
    let partitions: Vec<i32> = metadata
        .topics()
        .iter()
        .filter(|t| t.name() == args.topic && t.error().is_none())
        .flat_map(|t| t.partitions().iter().map(|p| p.id()))
        .collect();
    anyhow::ensure!(
        !partitions.is_empty(),
        "topic {} not found or has no partitions",
        args.topic
    );
    let start = if args.from_beginning {
        Offset::Beginning
    } else {
        Offset::End
    };
    let mut assignment = TopicPartitionList::new();
    for partition in &partitions {
        assignment
            .add_partition_offset(&args.topic, *partition, start)
            .context("building the assignment")?;
    }
    consumer
        .assign(&assignment)
        .context("assigning the partitions")?;

    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut seen = 0u64;
    let mut idle = Duration::ZERO;
    let tick = Duration::from_millis(200);
    while args.max.is_none_or(|max| seen < max) {
        let Some(result) = consumer.poll(tick) else {
            idle += tick;
            if args
                .idle_timeout
                .is_some_and(|secs| idle >= Duration::from_secs(secs))
            {
                break;
            }
            continue;
        };
        idle = Duration::ZERO;
        let message = result.context("reading a record")?;
        let record = describe(&message);
        let written = if args.json {
            writeln!(out, "{record}")
        } else {
            writeln!(out, "{}", pretty(&record))
        };
        if written.and_then(|()| out.flush()).is_err() {
            // The reader went away (`| head`): not an error.
            return Ok(ExitCode::SUCCESS);
        }
        seen += 1;
    }
    Ok(ExitCode::SUCCESS)
}

/// A record as JSON: the value parsed when it is JSON, else as text.
fn describe<M: Message>(message: &M) -> Value {
    let value = match message.payload() {
        None => Value::Null,
        Some(bytes) => serde_json::from_slice(bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(bytes).into_owned())),
    };
    let mut headers = serde_json::Map::new();
    if let Some(list) = message.headers() {
        for header in list.iter() {
            let text = header.value.map_or(Value::Null, |v| {
                Value::String(String::from_utf8_lossy(v).into_owned())
            });
            headers.insert(header.key.to_owned(), text);
        }
    }
    json!({
        "topic": message.topic(),
        "partition": message.partition(),
        "offset": message.offset(),
        "key": message.key().map(|k| String::from_utf8_lossy(k).into_owned()),
        "timestamp": message.timestamp().to_millis(),
        "headers": headers,
        "value": value,
    })
}

fn pretty(record: &Value) -> String {
    let key = record["key"].as_str().unwrap_or("-");
    let mut head = format!(
        "── {}/{}@{} key={key}",
        record["topic"].as_str().unwrap_or("?"),
        record["partition"],
        record["offset"]
    );
    if let Some(headers) = record["headers"].as_object().filter(|h| !h.is_empty()) {
        let list: Vec<String> = headers
            .iter()
            .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or("")))
            .collect();
        head.push_str(&format!(" [{}]", list.join(" ")));
    }
    let body = serde_json::to_string_pretty(&record["value"]).unwrap_or_default();
    format!("{head}\n{body}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rdkafka::message::{OwnedMessage, Timestamp};

    #[test]
    fn records_are_described_with_parsed_json_or_text() {
        let message = OwnedMessage::new(
            Some(br#"{"id":"a"}"#.to_vec()),
            Some(b"a".to_vec()),
            "t".into(),
            Timestamp::CreateTime(5),
            1,
            9,
            None,
        );
        let record = describe(&message);
        assert_eq!(record["value"]["id"], "a");
        assert_eq!(record["key"], "a");
        assert_eq!(record["offset"], 9);
        assert!(pretty(&record).starts_with("── t/1@9 key=a"));
        let message = OwnedMessage::new(
            Some(b"not json".to_vec()),
            None,
            "t".into(),
            Timestamp::NotAvailable,
            0,
            0,
            None,
        );
        assert_eq!(describe(&message)["value"], "not json");
    }
}
