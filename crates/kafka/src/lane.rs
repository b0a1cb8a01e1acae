//! One lane per assigned partition: run the stage on the CPU pool, then hand
//! the outputs to the producer in offset order, then report each record back
//! to the poll thread as acknowledged.
//!
//! Why per partition: records of one partition must reach the producer in the
//! order they were consumed (the key is the article id, so a later version of
//! an article must not overtake an earlier one), while different partitions
//! must not wait for each other. Within a lane the stage still runs in
//! parallel: up to the in-flight bound of jobs sit on the pool, and a
//! `FuturesOrdered` puts their results back in order.

use crate::events::{Event, RetryKind, Source};
use crate::offsets::TopicPartition;
use crate::{Stage, StageOutput};
use futures::stream::{FuturesOrdered, FuturesUnordered, StreamExt};
use newsflow_proto::{DeadLetter, Reject, RejectReason};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{DeliveryFuture, FutureProducer, FutureRecord};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::sync::mpsc;

/// The producer type of the workers, with the context that tracks
/// connectivity for /readyz.
pub type Producer = FutureProducer<crate::coordinator::ProducerContext>;

/// A consumed record on its way through a lane.
#[derive(Debug)]
pub struct Work {
    pub topic: Arc<str>,
    pub partition: i32,
    pub offset: i64,
    pub generation: u64,
    pub key: Option<Vec<u8>>,
    pub payload: Option<Vec<u8>>,
    /// The input record's timestamp (ms since the epoch), carried to the
    /// output so end-to-end latency spans the whole pipeline.
    pub timestamp_ms: Option<i64>,
}

impl Work {
    fn source(&self) -> Source<'_> {
        Source {
            topic: &self.topic,
            partition: self.partition,
            offset: self.offset,
        }
    }
}

/// A record whose output the producer has accepted (exactly-once: enqueued in
/// the open transaction) or delivered (at-least-once).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ack {
    pub tp: TopicPartition,
    pub generation: u64,
    pub offset: i64,
}

/// What every lane shares.
pub struct LaneShared {
    pub stage: Arc<dyn Stage>,
    pub stage_name: newsflow_proto::Stage,
    pub pool: Arc<rayon::ThreadPool>,
    pub producer: Producer,
    pub output_topic: String,
    pub dlq_topic: String,
    pub acks: crossbeam_channel::Sender<Ack>,
    /// Exactly-once only: held for reading while a lane enqueues a record and
    /// reports it, held for writing while the poll thread commits a
    /// transaction, so every enqueued output's offset is in the same
    /// transaction as the output.
    pub transaction_gate: Option<Arc<tokio::sync::RwLock<()>>>,
    /// Set when the lane's work must not be produced any more.
    pub fatal: crossbeam_channel::Sender<String>,
}

/// The poll thread's handle on a lane.
pub struct LaneHandle {
    pub generation: u64,
    pub sender: mpsc::UnboundedSender<Work>,
    pub cancelled: Arc<AtomicBool>,
}

impl LaneHandle {
    /// Starts a lane for one partition's current generation.
    pub fn spawn(
        shared: Arc<LaneShared>,
        runtime: &tokio::runtime::Handle,
        generation: u64,
    ) -> LaneHandle {
        let (sender, receiver) = mpsc::unbounded_channel();
        let cancelled = Arc::new(AtomicBool::new(false));
        runtime.spawn(run_lane(shared, receiver, cancelled.clone()));
        LaneHandle {
            generation,
            sender,
            cancelled,
        }
    }

    /// Drops the lane's remaining work: the partition was revoked or rewound.
    /// Dropping the handle closes the channel, so the task ends.
    pub fn cancel(self) {
        self.cancelled.store(true, Ordering::SeqCst);
    }
}

/// An output ready for the producer.
#[derive(Debug, Clone)]
struct Outgoing {
    topic_is_dlq: bool,
    key: Option<Vec<u8>>,
    value: Vec<u8>,
    headers: Option<OwnedHeaders>,
    timestamp_ms: Option<i64>,
}

/// What the stage made of one record.
enum Processed {
    Output(StageOutput),
    Rejected(Reject),
}

type StageResult = (Work, Processed);

async fn run_lane(
    shared: Arc<LaneShared>,
    mut receiver: mpsc::UnboundedReceiver<Work>,
    cancelled: Arc<AtomicBool>,
) {
    let mut staged: FuturesOrdered<tokio::sync::oneshot::Receiver<StageResult>> =
        FuturesOrdered::new();
    let mut deliveries = FuturesUnordered::new();
    let mut open = true;
    loop {
        if !open && staged.is_empty() && deliveries.is_empty() {
            break;
        }
        tokio::select! {
            biased;
            Some(()) = deliveries.next(), if !deliveries.is_empty() => {}
            Some(result) = staged.next(), if !staged.is_empty() => {
                let Ok((work, processed)) = result else {
                    // The pool dropped the job without running it: only at
                    // exit, when nothing more is produced anyway.
                    continue;
                };
                if cancelled.load(Ordering::SeqCst) {
                    continue;
                }
                if let Some(delivery) = produce(&shared, &cancelled, work, processed).await {
                    deliveries.push(delivery);
                }
            }
            work = receiver.recv(), if open => match work {
                Some(work) => staged.push_back(run_stage(&shared, work)),
                None => open = false,
            },
        }
    }
}

/// Runs the stage on the CPU pool; the returned receiver resolves when done.
fn run_stage(shared: &Arc<LaneShared>, work: Work) -> tokio::sync::oneshot::Receiver<StageResult> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    let stage = shared.stage.clone();
    shared.pool.spawn(move || {
        let started = Instant::now();
        let payload = work.payload.as_deref().unwrap_or_default();
        let outcome =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| stage.process(payload)));
        Event::StageCompleted {
            elapsed: started.elapsed(),
        }
        .emit();
        let processed = match outcome {
            Ok(Ok(output)) => Processed::Output(output),
            Ok(Err(reject)) => Processed::Rejected(reject),
            Err(panic) => {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".to_owned());
                Processed::Rejected(Reject::new(
                    RejectReason::Internal,
                    format!("the stage panicked: {what}"),
                ))
            }
        };
        let _ = tx.send((work, processed));
    });
    rx
}

/// Builds the output or dead letter, enqueues it in order and returns the
/// future that waits for its delivery.
async fn produce(
    shared: &Arc<LaneShared>,
    cancelled: &Arc<AtomicBool>,
    work: Work,
    processed: Processed,
) -> Option<futures::future::BoxFuture<'static, ()>> {
    let (outgoing, meta) = match processed {
        Processed::Output(output) => {
            let outgoing = Outgoing {
                topic_is_dlq: false,
                key: Some(output.id.clone().into_bytes()),
                value: output.value,
                headers: None,
                timestamp_ms: work.timestamp_ms,
            };
            let meta = DeliveredMeta::Output {
                id: output.id,
                language: output.language,
                topics: output.topics,
                regions: output.regions,
            };
            (outgoing, meta)
        }
        Processed::Rejected(reject) => dead_letter(shared.stage_name, &work, reject, None),
    };

    // Exactly-once: no transaction may commit between the enqueue and the
    // acknowledgement, and a cancelled lane must not enqueue at all.
    let _gate = match &shared.transaction_gate {
        Some(gate) => Some(gate.clone().read_owned().await),
        None => None,
    };
    if cancelled.load(Ordering::SeqCst) {
        return None;
    }
    let sent = if outgoing.topic_is_dlq {
        enqueue_dead_letter(shared, &work, outgoing, meta).await
    } else {
        match enqueue(shared, &outgoing).await {
            Ok(delivery) => Some((outgoing, meta, delivery)),
            Err(error) if is_too_large(&error) => {
                // The output does not fit the producer's limit: it becomes a
                // dead letter (itself truncated if it must be).
                let reject = output_too_large(&outgoing, &error, meta.id());
                let (dlq, meta) = dead_letter(shared.stage_name, &work, reject, None);
                enqueue_dead_letter(shared, &work, dlq, meta).await
            }
            Err(error) if shared.transaction_gate.is_some() && is_transaction_state(&error) => {
                // The open transaction has failed; the poll thread will
                // abort it and rewind this partition, so the record is read
                // again. Nothing to report.
                None
            }
            Err(error) => {
                let _ = shared.fatal.send(format!(
                    "cannot produce the output of {}/{} offset {}: {error}",
                    work.topic, work.partition, work.offset
                ));
                None
            }
        }
    };
    let (outgoing, meta, delivery) = sent?;
    let exactly_once = shared.transaction_gate.is_some();
    let ack = Ack {
        tp: (work.topic.to_string(), work.partition),
        generation: work.generation,
        offset: work.offset,
    };
    if exactly_once {
        let _ = shared.acks.send(ack.clone());
    }
    let shared = shared.clone();
    Some(Box::pin(async move {
        let (outgoing, meta) = match await_delivery(&shared, &outgoing, delivery).await {
            Delivery::Delivered => (outgoing, meta),
            Delivery::Failed => return,
            Delivery::TooLarge(error) if !outgoing.topic_is_dlq && !exactly_once => {
                // The broker's limit is lower than the producer's.
                let reject = output_too_large(&outgoing, &error, meta.id());
                let (dlq, meta) = dead_letter(shared.stage_name, &work, reject, None);
                let Some((dlq, meta, delivery)) =
                    enqueue_dead_letter(&shared, &work, dlq, meta).await
                else {
                    return;
                };
                match await_delivery(&shared, &dlq, delivery).await {
                    Delivery::Delivered => (dlq, meta),
                    _ => {
                        let _ = shared.fatal.send(format!(
                            "the dead letter of {}/{} offset {} was refused by the broker",
                            work.topic, work.partition, work.offset
                        ));
                        return;
                    }
                }
            }
            Delivery::TooLarge(error) => {
                let _ = shared.fatal.send(format!(
                    "a record of {}/{} offset {} was refused by the broker as too large: {error}",
                    work.topic, work.partition, work.offset
                ));
                return;
            }
        };
        let _ = outgoing;
        meta.emit(&work);
        if !exactly_once {
            let _ = shared.acks.send(ack);
        }
    }))
}

fn output_too_large(outgoing: &Outgoing, error: &KafkaError, id: Option<String>) -> Reject {
    Reject::new(
        RejectReason::TooLarge,
        format!(
            "output of {} bytes refused as too large: {error}",
            outgoing.value.len()
        ),
    )
    .with_id(id)
}

/// A dead letter's record: DeadLetter JSON, the input key, the headers.
fn dead_letter(
    stage: newsflow_proto::Stage,
    work: &Work,
    reject: Reject,
    truncate_to: Option<usize>,
) -> (Outgoing, DeliveredMeta) {
    let payload = work.payload.as_deref().unwrap_or_default();
    let (payload, note) = match truncate_to {
        Some(limit) if payload.len() > limit => (
            &payload[..limit],
            format!(
                " (payload truncated from {} to {limit} bytes to fit the dead-letter topic)",
                payload.len()
            ),
        ),
        _ => (payload, String::new()),
    };
    let reason = reject.reason;
    let id = reject.id.clone();
    let message = format!("{}{note}", reject.message);
    let mut letter = DeadLetter::new(
        payload,
        stage,
        Reject {
            message: message.clone(),
            ..reject
        },
    );
    letter.topic = Some(work.topic.to_string());
    letter.partition = Some(work.partition);
    letter.offset = Some(work.offset);
    let value = serde_json::to_vec(&letter).unwrap_or_else(|e| {
        format!("{{\"reason\":\"internal\",\"message\":\"cannot serialise a dead letter: {e}\"}}")
            .into_bytes()
    });
    let headers = OwnedHeaders::new_with_capacity(5)
        .insert(Header {
            key: "newsflow.stage",
            value: Some(stage.as_str()),
        })
        .insert(Header {
            key: "newsflow.reason",
            value: Some(reason.as_str()),
        })
        .insert(Header {
            key: "newsflow.source.topic",
            value: Some(&*work.topic),
        })
        .insert(Header {
            key: "newsflow.source.partition",
            value: Some(&work.partition.to_string()),
        })
        .insert(Header {
            key: "newsflow.source.offset",
            value: Some(&work.offset.to_string()),
        });
    let outgoing = Outgoing {
        topic_is_dlq: true,
        key: work.key.clone(),
        value,
        headers: Some(headers),
        timestamp_ms: work.timestamp_ms,
    };
    (
        outgoing,
        DeliveredMeta::DeadLetter {
            id,
            reason,
            message,
        },
    )
}

/// The largest payload kept whole in a dead letter when the original does not
/// fit: well under librdkafka's default message.max.bytes (1,000,000).
const DEAD_LETTER_TRUNCATE_BYTES: usize = 256 * 1024;

async fn enqueue_dead_letter(
    shared: &Arc<LaneShared>,
    work: &Work,
    dlq: Outgoing,
    meta: DeliveredMeta,
) -> Option<(Outgoing, DeliveredMeta, DeliveryFuture)> {
    match enqueue(shared, &dlq).await {
        Ok(delivery) => Some((dlq, meta, delivery)),
        Err(error) if is_too_large(&error) => {
            let DeliveredMeta::DeadLetter {
                reason,
                message,
                id,
            } = meta
            else {
                unreachable!("dead letters carry dead-letter metadata");
            };
            let reject = Reject {
                reason,
                message,
                id,
            };
            let (dlq, meta) = dead_letter(
                shared.stage_name,
                work,
                reject,
                Some(DEAD_LETTER_TRUNCATE_BYTES),
            );
            match enqueue(shared, &dlq).await {
                Ok(delivery) => Some((dlq, meta, delivery)),
                Err(error) => {
                    let _ = shared.fatal.send(format!(
                        "cannot produce the dead letter of {}/{} offset {}: {error}",
                        work.topic, work.partition, work.offset
                    ));
                    None
                }
            }
        }
        Err(error) if shared.transaction_gate.is_some() && is_transaction_state(&error) => None,
        Err(error) => {
            let _ = shared.fatal.send(format!(
                "cannot produce the dead letter of {}/{} offset {}: {error}",
                work.topic, work.partition, work.offset
            ));
            None
        }
    }
}

/// Puts one record in the producer's queue, waiting (never blocking the
/// thread) while the queue is full.
async fn enqueue(shared: &LaneShared, outgoing: &Outgoing) -> Result<DeliveryFuture, KafkaError> {
    let topic = if outgoing.topic_is_dlq {
        &shared.dlq_topic
    } else {
        &shared.output_topic
    };
    let mut backoff = Duration::from_millis(5);
    loop {
        let mut record: FutureRecord<'_, [u8], [u8]> =
            FutureRecord::to(topic).payload(&outgoing.value[..]);
        if let Some(key) = &outgoing.key {
            record = record.key(&key[..]);
        }
        if let Some(headers) = &outgoing.headers {
            record = record.headers(headers.clone());
        }
        if let Some(ts) = outgoing.timestamp_ms {
            record = record.timestamp(ts);
        }
        match shared.producer.send_result(record) {
            Ok(delivery) => return Ok(delivery),
            Err((KafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), _)) => {
                Event::Retry {
                    kind: RetryKind::QueueFull,
                    error: "producer queue full".to_owned(),
                }
                .emit();
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(Duration::from_millis(200));
            }
            Err((error, _)) => return Err(error),
        }
    }
}

enum Delivery {
    Delivered,
    /// Refused as too large by the broker.
    TooLarge(KafkaError),
    /// Given up: the process is exiting, or the failure was reported as
    /// fatal, or (exactly-once) the transaction will abort.
    Failed,
}

/// Waits for a delivery; retriable failures are sent again with backoff
/// (at-least-once), never dead-lettered.
async fn await_delivery(
    shared: &LaneShared,
    outgoing: &Outgoing,
    mut delivery: DeliveryFuture,
) -> Delivery {
    let exactly_once = shared.transaction_gate.is_some();
    let mut backoff = Duration::from_millis(100);
    loop {
        let error = match delivery.await {
            Ok(Ok(_)) => return Delivery::Delivered,
            // The producer is gone: the process is exiting.
            Err(_canceled) => return Delivery::Failed,
            Ok(Err((error, _message))) => error,
        };
        if is_too_large(&error) {
            return Delivery::TooLarge(error);
        }
        if exactly_once {
            // The transaction that holds this record will fail to commit and
            // be aborted and rewound (its abort is counted then); re-sending
            // would put the record in the next transaction twice.
            return Delivery::Failed;
        }
        if !is_retriable(&error) {
            let topic = if outgoing.topic_is_dlq {
                &shared.dlq_topic
            } else {
                &shared.output_topic
            };
            let _ = shared
                .fatal
                .send(format!("delivery to {topic} failed for good: {error}"));
            return Delivery::Failed;
        }
        Event::Retry {
            kind: RetryKind::Produce,
            error: error.to_string(),
        }
        .emit();
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(Duration::from_secs(5));
        delivery = match enqueue(shared, outgoing).await {
            Ok(delivery) => delivery,
            Err(error) => {
                let _ = shared
                    .fatal
                    .send(format!("cannot re-send a record: {error}"));
                return Delivery::Failed;
            }
        };
    }
}

/// The producer refuses records because the open transaction is in an
/// error state (abortable until the poll thread aborts it).
fn is_transaction_state(error: &KafkaError) -> bool {
    error.rdkafka_error_code() == Some(RDKafkaErrorCode::State)
}

fn is_too_large(error: &KafkaError) -> bool {
    matches!(
        error.rdkafka_error_code(),
        Some(RDKafkaErrorCode::MessageSizeTooLarge) | Some(RDKafkaErrorCode::InvalidMessageSize)
    )
}

/// Errors that a later attempt can cure (brokers down, leaders moving,
/// timeouts). Size and authorisation errors are not: retrying them forever
/// would stall the partition.
pub fn is_retriable(error: &KafkaError) -> bool {
    use RDKafkaErrorCode as C;
    !matches!(
        error.rdkafka_error_code(),
        Some(
            C::MessageSizeTooLarge
                | C::InvalidMessageSize
                | C::InvalidMessage
                | C::TopicAuthorizationFailed
                | C::ClusterAuthorizationFailed
                | C::TransactionalIdAuthorizationFailed
                | C::Fatal
                | C::InvalidTopic
        )
    )
}

/// What to report once a record's output is delivered.
enum DeliveredMeta {
    Output {
        id: String,
        language: String,
        topics: Vec<String>,
        regions: Vec<String>,
    },
    DeadLetter {
        id: Option<String>,
        reason: RejectReason,
        message: String,
    },
}

impl DeliveredMeta {
    fn id(&self) -> Option<String> {
        match self {
            DeliveredMeta::Output { id, .. } => Some(id.clone()),
            DeliveredMeta::DeadLetter { id, .. } => id.clone(),
        }
    }

    fn emit(&self, work: &Work) {
        match self {
            DeliveredMeta::Output {
                id,
                language,
                topics,
                regions,
            } => Event::RecordProduced {
                source: work.source(),
                id,
                end_to_end: work.timestamp_ms.and_then(latency_since),
                language,
                topics,
                regions,
            }
            .emit(),
            DeliveredMeta::DeadLetter {
                id,
                reason,
                message,
            } => Event::DeadLettered {
                source: work.source(),
                id: id.as_deref(),
                reason: *reason,
                message,
            }
            .emit(),
        }
    }
}

fn latency_since(timestamp_ms: i64) -> Option<Duration> {
    let now_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .ok()?
        .as_millis() as i64;
    let elapsed = now_ms.checked_sub(timestamp_ms)?;
    (elapsed >= 0).then(|| Duration::from_millis(elapsed as u64))
}
