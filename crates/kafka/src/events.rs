//! Every metric and every log line of the runtime comes from one small event
//! type, as in Vector's `internal_events`: the code that notices something
//! emits an [`Event`], and this file alone decides its metric names, labels
//! and log fields. So names stay consistent and label values stay bounded.
//!
//! Naming rules: `newsflow_` prefix, `_total` for counters, `_seconds` for
//! durations (base units), no unit suffix for gauges of counts; labels take
//! values from closed sets only (reason codes, retry kinds, ar|fr|en|other,
//! the taxonomy's labels, the region codes of data/regions.json, partition
//! numbers). The `stage` label (clean|classify) is added to every series by
//! the exporter as a global label.

use metrics::{counter, gauge, histogram};
use newsflow_proto::RejectReason;
use std::time::Duration;

/// Where a record came from, for log fields.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub topic: &'a str,
    pub partition: i32,
    pub offset: i64,
}

/// Why a retry happened; a closed set for the `kind` label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryKind {
    /// The producer's local queue was full.
    QueueFull,
    /// A delivery failed with a retriable error and was sent again.
    Produce,
    /// An offset commit failed and will be retried.
    Commit,
    /// A transaction commit failed and was retried or aborted.
    Transaction,
}

impl RetryKind {
    pub const ALL: [RetryKind; 4] = [
        RetryKind::QueueFull,
        RetryKind::Produce,
        RetryKind::Commit,
        RetryKind::Transaction,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            RetryKind::QueueFull => "queue_full",
            RetryKind::Produce => "produce",
            RetryKind::Commit => "commit",
            RetryKind::Transaction => "transaction",
        }
    }
}

/// Maps a language code to the bounded label set.
pub fn language_label(code: &str) -> &'static str {
    match code {
        "ar" => "ar",
        "fr" => "fr",
        "en" => "en",
        _ => "other",
    }
}

/// The topic labels of the taxonomy; anything else is counted as `other`.
pub const TOPIC_LABELS: [&str; 5] = ["security", "diplomacy", "politics", "economy", "migration"];

fn topic_label(label: &str) -> &'static str {
    TOPIC_LABELS
        .iter()
        .find(|known| **known == label)
        .copied()
        .unwrap_or("other")
}

/// Region codes are data (data/regions.json): a code that does not look like
/// one is folded into `other` so a bad record cannot mint label values.
fn region_label(code: &str) -> String {
    let plausible = !code.is_empty()
        && code.len() <= 32
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'-');
    if plausible {
        code.to_owned()
    } else {
        "other".to_owned()
    }
}

/// What the runtime reports.
#[derive(Debug)]
pub enum Event<'a> {
    /// Once at start-up.
    BuildInfo {
        version: &'a str,
        git_sha: &'a str,
    },
    /// The HTTP endpoint is bound.
    Listening {
        http_addr: String,
    },
    /// Start-up summary of the effective configuration (secrets masked).
    Configured {
        summary: String,
    },
    RecordConsumed {
        source: Source<'a>,
    },
    /// The stage finished one record (success or reject).
    StageCompleted {
        elapsed: Duration,
    },
    /// The output of a record was acknowledged by the producer.
    RecordProduced {
        source: Source<'a>,
        id: &'a str,
        /// Milliseconds from the input record's timestamp to delivery.
        end_to_end: Option<Duration>,
        language: &'a str,
        topics: &'a [String],
        regions: &'a [String],
    },
    DeadLettered {
        source: Source<'a>,
        id: Option<&'a str>,
        reason: RejectReason,
        message: &'a str,
    },
    Retry {
        kind: RetryKind,
        error: String,
    },
    InFlight {
        records: usize,
    },
    PartitionsAssigned {
        count: usize,
        change: &'a str,
        partitions: String,
    },
    Paused {
        in_flight: usize,
    },
    Resumed {
        in_flight: usize,
    },
    ConsumerLag {
        topic: &'a str,
        partition: i32,
        lag: i64,
    },
    Committed {
        partitions: usize,
    },
    TransactionAborted {
        error: String,
    },
    Rewound {
        topic: &'a str,
        partition: i32,
        offset: i64,
    },
    ConsumerError {
        error: String,
    },
    ClientError {
        client: &'static str,
        error: String,
    },
    ShutdownRequested {
        signal: &'static str,
    },
    ShutdownComplete {
        drained: bool,
        in_flight: usize,
    },
}

impl Event<'_> {
    pub fn emit(self) {
        match self {
            Event::BuildInfo { version, git_sha } => {
                gauge!("newsflow_build_info", "version" => version.to_owned(), "git_sha" => git_sha.to_owned()).set(1.0);
                tracing::info!(version, git_sha, "build info");
            }
            Event::Listening { http_addr } => tracing::info!(http_addr = %http_addr, "listening"),
            Event::Configured { summary } => tracing::info!(config = %summary, "configured"),
            Event::RecordConsumed { source } => {
                counter!("newsflow_records_consumed_total").increment(1);
                tracing::trace!(
                    topic = source.topic,
                    partition = source.partition,
                    offset = source.offset,
                    "consumed"
                );
            }
            Event::StageCompleted { elapsed } => {
                histogram!("newsflow_stage_duration_seconds").record(elapsed.as_secs_f64());
            }
            Event::RecordProduced {
                source,
                id,
                end_to_end,
                language,
                topics,
                regions,
            } => {
                counter!("newsflow_records_produced_total").increment(1);
                if let Some(latency) = end_to_end {
                    histogram!("newsflow_end_to_end_latency_seconds").record(latency.as_secs_f64());
                }
                counter!("newsflow_articles_by_language_total", "language" => language_label(language)).increment(1);
                for label in topics {
                    counter!("newsflow_articles_labelled_total", "label" => topic_label(label))
                        .increment(1);
                }
                for region in regions {
                    counter!("newsflow_articles_by_region_total", "region" => region_label(region))
                        .increment(1);
                }
                tracing::debug!(
                    topic = source.topic,
                    partition = source.partition,
                    offset = source.offset,
                    id,
                    "produced"
                );
            }
            Event::DeadLettered {
                source,
                id,
                reason,
                message,
            } => {
                counter!("newsflow_records_dead_lettered_total", "reason" => reason.as_str())
                    .increment(1);
                tracing::warn!(
                    topic = source.topic,
                    partition = source.partition,
                    offset = source.offset,
                    id,
                    reason = reason.as_str(),
                    error = message,
                    "dead-lettered"
                );
            }
            Event::Retry { kind, error } => {
                counter!("newsflow_retries_total", "kind" => kind.as_str()).increment(1);
                tracing::warn!(kind = kind.as_str(), error = %error, "retrying");
            }
            Event::InFlight { records } => gauge!("newsflow_in_flight_records").set(records as f64),
            Event::PartitionsAssigned {
                count,
                change,
                partitions,
            } => {
                gauge!("newsflow_partitions_assigned").set(count as f64);
                tracing::info!(count, change, partitions = %partitions, "partitions {change}");
            }
            Event::Paused { in_flight } => {
                tracing::debug!(in_flight, "paused partitions: in-flight bound reached")
            }
            Event::Resumed { in_flight } => tracing::debug!(in_flight, "resumed partitions"),
            Event::ConsumerLag {
                topic,
                partition,
                lag,
            } => {
                gauge!("newsflow_consumer_lag", "topic" => topic.to_owned(), "partition" => partition.to_string()).set(lag as f64);
            }
            Event::Committed { partitions } => tracing::debug!(partitions, "committed"),
            Event::TransactionAborted { error } => {
                counter!("newsflow_retries_total", "kind" => RetryKind::Transaction.as_str())
                    .increment(1);
                tracing::warn!(error = %error, "transaction aborted, rewinding to the last committed offsets");
            }
            Event::Rewound {
                topic,
                partition,
                offset,
            } => tracing::info!(topic, partition, offset, "rewound"),
            Event::ConsumerError { error } => tracing::warn!(error = %error, "consumer error"),
            Event::ClientError { client, error } => {
                tracing::warn!(client, error = %error, "kafka client error")
            }
            Event::ShutdownRequested { signal } => {
                tracing::info!(signal, "shutdown requested: draining")
            }
            Event::ShutdownComplete { drained, in_flight } => {
                tracing::info!(drained, in_flight, "shutdown complete")
            }
        }
    }
}

/// Registers the series that must exist from the start (at zero), so that
/// dashboards and alerts see them before the first record.
pub fn register_series(stage: newsflow_proto::Stage) {
    counter!("newsflow_records_consumed_total").absolute(0);
    counter!("newsflow_records_produced_total").absolute(0);
    for reason in RejectReason::ALL {
        counter!("newsflow_records_dead_lettered_total", "reason" => reason.as_str()).absolute(0);
    }
    for kind in RetryKind::ALL {
        counter!("newsflow_retries_total", "kind" => kind.as_str()).absolute(0);
    }
    for language in ["ar", "fr", "en", "other"] {
        counter!("newsflow_articles_by_language_total", "language" => language).absolute(0);
    }
    if stage == newsflow_proto::Stage::Classify {
        for label in TOPIC_LABELS {
            counter!("newsflow_articles_labelled_total", "label" => label).absolute(0);
        }
    }
    gauge!("newsflow_in_flight_records").set(0.0);
    gauge!("newsflow_partitions_assigned").set(0.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_values_stay_bounded() {
        assert_eq!(language_label("ar"), "ar");
        assert_eq!(language_label("und"), "other");
        assert_eq!(language_label("de"), "other");
        assert_eq!(topic_label("economy"), "economy");
        assert_eq!(topic_label("sports; DROP"), "other");
        assert_eq!(region_label("maghreb"), "maghreb");
        assert_eq!(region_label("west_africa"), "west_africa");
        assert_eq!(region_label("Not A Region!"), "other");
        assert_eq!(region_label(&"x".repeat(200)), "other");
    }
}
