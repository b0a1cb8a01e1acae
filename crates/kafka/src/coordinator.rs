//! The poll thread: the only owner of the consumer and of the offset tracker.
//!
//! It runs on its own OS thread because librdkafka's consumer API blocks
//! (poll, synchronous commits, the rebalance callback that must finish the
//! revoked partitions' work before returning); doing that on an async
//! executor thread would stall unrelated tasks. Each turn of its loop:
//! take acknowledgements and commit results, commit what is done, pause or
//! resume partitions against the in-flight bound, poll one message and hand
//! it to its partition's lane. Pausing keeps the loop (and so the group
//! membership) alive while no records are taken.

use crate::config::Settings;
use crate::events::{Event, RetryKind};
use crate::health::Health;
use crate::lane::{Ack, LaneHandle, LaneShared, Producer, Work};
use crate::offsets::{OffsetTracker, TopicPartition};
use rdkafka::client::ClientContext;
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer, ConsumerContext, Rebalance};
use rdkafka::error::{KafkaError, KafkaResult, RDKafkaErrorCode};
use rdkafka::message::{BorrowedMessage, Message};
use rdkafka::producer::Producer as _;
use rdkafka::statistics::Statistics;
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// How long one poll waits for a message; also the longest delay before an
/// acknowledgement is turned into a commit or a resume.
const POLL_INTERVAL: Duration = Duration::from_millis(10);
/// At-least-once: positions are committed at most this often (more often
/// when the in-flight bound is half used).
const COMMIT_INTERVAL: Duration = Duration::from_millis(50);
/// Exactly-once: a transaction commits when it holds this many records ...
const TRANSACTION_MAX_RECORDS: usize = 500;
/// ... or when it has been open this long.
const TRANSACTION_MAX_AGE: Duration = Duration::from_millis(200);
/// Timeout of one transactional call.
const TRANSACTION_CALL_TIMEOUT: Duration = Duration::from_secs(30);
/// Resume below this fraction of the in-flight bound, so the loop does not
/// pause and resume on every record.
const RESUME_FRACTION: f64 = 0.75;

/// The consumer's context: rebalance, commit and statistics callbacks run on
/// the poll thread inside `poll()`, and reach the coordinator through it.
pub struct WorkerContext {
    coordinator: Mutex<Option<Coordinator>>,
    input_topic: String,
}

impl WorkerContext {
    pub fn new(input_topic: String) -> Self {
        WorkerContext {
            coordinator: Mutex::new(None),
            input_topic,
        }
    }

    fn lock(&self) -> MutexGuard<'_, Option<Coordinator>> {
        // A panic while holding the lock is a bug; keep going with the data.
        self.coordinator
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl ClientContext for WorkerContext {
    fn stats(&self, statistics: Statistics) {
        let Some(topic) = statistics.topics.get(&self.input_topic) else {
            return;
        };
        for (partition, stats) in &topic.partitions {
            // -1 is librdkafka's internal "unassigned" partition; a negative
            // lag means unknown.
            if *partition < 0 || stats.consumer_lag < 0 {
                continue;
            }
            Event::ConsumerLag {
                topic: &self.input_topic,
                partition: *partition,
                lag: stats.consumer_lag,
            }
            .emit();
        }
    }

    fn error(&self, error: KafkaError, reason: &str) {
        Event::ClientError {
            client: "consumer",
            error: format!("{error}: {reason}"),
        }
        .emit();
    }
}

impl ConsumerContext for WorkerContext {
    fn pre_rebalance(&self, consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        let mut guard = self.lock();
        let Some(coordinator) = guard.as_mut() else {
            return;
        };
        match rebalance {
            Rebalance::Revoke(partitions) => coordinator.on_revoke(consumer, partitions),
            Rebalance::Assign(_) => {}
            Rebalance::Error(error) => Event::ConsumerError {
                error: format!("rebalance failed: {error}"),
            }
            .emit(),
        }
    }

    fn post_rebalance(&self, consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        let mut guard = self.lock();
        let Some(coordinator) = guard.as_mut() else {
            return;
        };
        coordinator.after_rebalance(consumer, rebalance);
    }
}

/// The producer's context: a lost cluster turns /readyz to 503 at once (the
/// runtime's metadata probe turns it back on). Broker states in the
/// statistics are not used: an idle producer keeps no connection open, so no
/// broker is `UP` although the cluster is reachable.
pub struct ProducerContext {
    pub health: Arc<Health>,
}

impl ClientContext for ProducerContext {
    fn error(&self, error: KafkaError, reason: &str) {
        if error.rdkafka_error_code() == Some(RDKafkaErrorCode::AllBrokersDown) {
            self.health.set_producer_connected(false);
        }
        Event::ClientError {
            client: "producer",
            error: format!("{error}: {reason}"),
        }
        .emit();
    }
}

pub type WorkerConsumer = BaseConsumer<WorkerContext>;

/// State owned by the poll thread (and its callbacks).
pub struct Coordinator {
    tracker: OffsetTracker,
    lanes: HashMap<TopicPartition, LaneHandle>,
    assigned: HashSet<TopicPartition>,
    acks: crossbeam_channel::Receiver<Ack>,
    lane_shared: Arc<LaneShared>,
    runtime: tokio::runtime::Handle,
    producer: Producer,
    health: Arc<Health>,
    max_in_flight: usize,
    exactly_once: bool,
    /// How long a revoke may wait for the revoked partitions' work.
    revoke_timeout: Duration,
    paused: bool,
    shutting_down: bool,
    /// At-least-once: when the last commit was made.
    last_commit: Instant,
    /// Exactly-once: when the open transaction began and what it holds.
    transaction_started: Instant,
    transaction_records: usize,
    last_in_flight_reported: usize,
}

/// Why the poll loop stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum CoordinatorError {
    #[error("transaction failed for good: {0}")]
    Transaction(String),
    #[error("{0}")]
    Fatal(String),
}

impl Coordinator {
    pub fn new(
        settings: &Settings,
        acks: crossbeam_channel::Receiver<Ack>,
        lane_shared: Arc<LaneShared>,
        runtime: tokio::runtime::Handle,
        producer: Producer,
        health: Arc<Health>,
    ) -> Self {
        Coordinator {
            tracker: OffsetTracker::new(),
            lanes: HashMap::new(),
            assigned: HashSet::new(),
            acks,
            lane_shared,
            runtime,
            producer,
            health,
            max_in_flight: settings.max_in_flight,
            exactly_once: settings.exactly_once,
            revoke_timeout: settings.shutdown_timeout.min(Duration::from_secs(60)),
            paused: false,
            shutting_down: false,
            last_commit: Instant::now(),
            transaction_started: Instant::now(),
            transaction_records: 0,
            last_in_flight_reported: usize::MAX,
        }
    }

    fn drain_acks(&mut self) {
        while let Ok(ack) = self.acks.try_recv() {
            if self
                .tracker
                .acknowledged(&ack.tp, ack.generation, ack.offset)
            {
                self.transaction_records += 1;
            }
        }
    }

    fn candidates_list(candidates: &[(TopicPartition, i64)]) -> TopicPartitionList {
        let mut list = TopicPartitionList::with_capacity(candidates.len());
        for ((topic, partition), position) in candidates {
            // Cannot fail: the offset is a plain non-negative position.
            let _ = list.add_partition_offset(topic, *partition, Offset::Offset(*position));
        }
        list
    }

    /// At-least-once: commits the positions that moved, at most every
    /// `COMMIT_INTERVAL`, or at once when half the in-flight bound waits for
    /// a commit. Synchronous, on this thread: the result is known before any
    /// record is released from the in-flight count. An asynchronous manual
    /// commit cannot be used: librdkafka 2.12 gives it no reply queue unless
    /// an `offset_commit_cb` is set (rdkafka_offset.c, rd_kafka_commit), and
    /// rdkafka 0.39's event-based consumer sets none, so its result never
    /// comes back. While no group coordinator is reachable the commit waits
    /// for one (the poll loop waits with it; /healthz turns 503 after 90 s).
    fn commit_progress(&mut self, consumer: &WorkerConsumer) {
        let urgent = self.tracker.in_flight() * 2 >= self.max_in_flight;
        if !urgent && self.last_commit.elapsed() < COMMIT_INTERVAL {
            return;
        }
        self.commit_now(consumer, None);
    }

    /// Synchronous commit of some partitions (revoke, shutdown).
    fn commit_now(&mut self, consumer: &WorkerConsumer, only: Option<&HashSet<TopicPartition>>) {
        let candidates: Vec<_> = self
            .tracker
            .commit_candidates()
            .into_iter()
            .filter(|(tp, _)| self.assigned.contains(tp) && only.is_none_or(|set| set.contains(tp)))
            .collect();
        if candidates.is_empty() {
            return;
        }
        let list = Self::candidates_list(&candidates);
        self.last_commit = Instant::now();
        match consumer.commit(&list, CommitMode::Sync) {
            Ok(()) => {
                self.mark_committed(&candidates);
            }
            Err(error) => Event::Retry {
                kind: RetryKind::Commit,
                error: format!("synchronous commit failed: {error}"),
            }
            .emit(),
        }
    }

    /// Records that the broker now holds these positions.
    fn mark_committed(&mut self, candidates: &[(TopicPartition, i64)]) {
        for (tp, position) in candidates {
            self.tracker.committed(tp, *position);
        }
        Event::Committed {
            partitions: candidates.len(),
        }
        .emit();
    }

    /// Exactly-once: commits the open transaction with the offsets of every
    /// record whose output it holds, then opens the next one. On an abortable
    /// error, aborts and rewinds every partition to its committed position.
    fn commit_transaction(
        &mut self,
        consumer: &WorkerConsumer,
        force: bool,
    ) -> Result<(), CoordinatorError> {
        let due = self.transaction_records >= TRANSACTION_MAX_RECORDS
            || self.transaction_started.elapsed() >= TRANSACTION_MAX_AGE;
        if !force && !due {
            return Ok(());
        }
        let Some(gate) = self.lane_shared.transaction_gate.clone() else {
            return Ok(());
        };
        // No lane enqueues while the gate is held: what the transaction holds
        // is exactly what the acknowledgements drained below say.
        let _closed = gate.blocking_write();
        self.drain_acks();
        let candidates: Vec<_> = self
            .tracker
            .commit_candidates()
            .into_iter()
            .filter(|(tp, _)| self.assigned.contains(tp))
            .collect();
        if candidates.is_empty() && self.transaction_records == 0 {
            self.transaction_started = Instant::now();
            return Ok(());
        }
        let list = Self::candidates_list(&candidates);
        let metadata = consumer.group_metadata().ok_or_else(|| {
            CoordinatorError::Transaction("the consumer has no group metadata".to_owned())
        })?;
        let result = if candidates.is_empty() {
            Ok(())
        } else {
            self.producer
                .send_offsets_to_transaction(&list, &metadata, TRANSACTION_CALL_TIMEOUT)
        }
        .and_then(|()| self.commit_with_retries());
        match result {
            Ok(()) => {
                self.mark_committed(&candidates);
            }
            Err(KafkaError::Transaction(error)) if error.txn_requires_abort() => {
                Event::TransactionAborted {
                    error: error.to_string(),
                }
                .emit();
                self.producer
                    .abort_transaction(TRANSACTION_CALL_TIMEOUT)
                    .map_err(|e| CoordinatorError::Transaction(format!("abort failed: {e}")))?;
                self.rewind(consumer);
            }
            Err(error) => return Err(CoordinatorError::Transaction(error.to_string())),
        }
        self.producer
            .begin_transaction()
            .map_err(|e| CoordinatorError::Transaction(format!("begin failed: {e}")))?;
        self.transaction_started = Instant::now();
        self.transaction_records = 0;
        Ok(())
    }

    fn commit_with_retries(&self) -> KafkaResult<()> {
        let mut attempt = 0;
        loop {
            match self.producer.commit_transaction(TRANSACTION_CALL_TIMEOUT) {
                Err(KafkaError::Transaction(error)) if error.is_retriable() && attempt < 5 => {
                    attempt += 1;
                    Event::Retry {
                        kind: RetryKind::Transaction,
                        error: error.to_string(),
                    }
                    .emit();
                    std::thread::sleep(Duration::from_millis(100 << attempt));
                }
                other => return other,
            }
        }
    }

    /// After an abort: forget every uncommitted record and seek each
    /// partition back to its committed position, so the aborted records are
    /// read and processed again.
    fn rewind(&mut self, consumer: &WorkerConsumer) {
        for tp in self.tracker.partitions() {
            let Some(position) = self.tracker.committed_position(&tp) else {
                continue;
            };
            self.tracker.remove(&tp);
            if let Some(lane) = self.lanes.remove(&tp) {
                lane.cancel();
            }
            if !self.assigned.contains(&tp) {
                continue;
            }
            let (topic, partition) = &tp;
            match consumer.seek(
                topic,
                *partition,
                Offset::Offset(position),
                Duration::from_secs(10),
            ) {
                Ok(()) => Event::Rewound {
                    topic,
                    partition: *partition,
                    offset: position,
                }
                .emit(),
                Err(error) => Event::ConsumerError {
                    error: format!("seek of {topic}/{partition} to {position} failed: {error}"),
                }
                .emit(),
            }
        }
    }

    /// Records of `partitions` not yet acknowledged.
    fn pending(&self, partitions: &HashSet<TopicPartition>) -> usize {
        partitions
            .iter()
            .map(|tp| self.tracker.pending_of(tp))
            .sum()
    }

    /// Waits (on this thread: it is the poll thread, and the group is waiting
    /// for it anyway) until the given partitions' work is acknowledged or the
    /// deadline passes. Returns whether everything was acknowledged.
    fn wait_for(&mut self, partitions: &HashSet<TopicPartition>, deadline: Instant) -> bool {
        loop {
            self.drain_acks();
            if self.pending(partitions) == 0 {
                return true;
            }
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            let wait = (deadline - now).min(POLL_INTERVAL);
            if let Ok(ack) = self.acks.recv_timeout(wait) {
                if self
                    .tracker
                    .acknowledged(&ack.tp, ack.generation, ack.offset)
                {
                    self.transaction_records += 1;
                }
            }
        }
    }

    /// Revoke: finish the revoked partitions' work (bounded), commit what is
    /// done, then forget them, before librdkafka completes the revoke.
    fn on_revoke(&mut self, consumer: &WorkerConsumer, list: &TopicPartitionList) {
        let revoked: HashSet<TopicPartition> = list
            .elements()
            .iter()
            .map(|e| (e.topic().to_owned(), e.partition()))
            .collect();
        if consumer.assignment_lost() {
            // Someone else owns them already: committing would be wrong.
            Event::ConsumerError {
                error: format!(
                    "assignment lost for {} partition(s): dropping their work",
                    revoked.len()
                ),
            }
            .emit();
        } else {
            let deadline = Instant::now() + self.revoke_timeout;
            let finished = self.wait_for(&revoked, deadline);
            if !finished {
                Event::ConsumerError {
                    error: format!(
                        "revoke: {} record(s) of the revoked partitions not done within {:?}; they will be processed again by the next owner",
                        self.pending(&revoked),
                        self.revoke_timeout
                    ),
                }
                .emit();
            }
            if self.exactly_once {
                if let Err(error) = self.commit_transaction(consumer, true) {
                    Event::ConsumerError {
                        error: format!("revoke: {error}"),
                    }
                    .emit();
                }
            } else {
                self.commit_now(consumer, Some(&revoked));
            }
        }
        for tp in &revoked {
            self.tracker.remove(tp);
            if let Some(lane) = self.lanes.remove(tp) {
                lane.cancel();
            }
            self.assigned.remove(tp);
        }
    }

    fn after_rebalance(&mut self, consumer: &WorkerConsumer, rebalance: &Rebalance<'_>) {
        let change = match rebalance {
            Rebalance::Assign(_) => "assigned",
            Rebalance::Revoke(_) => "revoked",
            Rebalance::Error(_) => "unchanged",
        };
        let assignment = consumer.assignment().unwrap_or_default();
        self.assigned = assignment
            .elements()
            .iter()
            .map(|e| (e.topic().to_owned(), e.partition()))
            .collect();
        if self.paused && !self.assigned.is_empty() {
            // New partitions start unpaused; keep the bound.
            let _ = consumer.pause(&assignment);
        }
        self.health.set_assigned(self.assigned.len());
        let mut names: Vec<String> = self
            .assigned
            .iter()
            .map(|(t, p)| format!("{t}/{p}"))
            .collect();
        names.sort();
        Event::PartitionsAssigned {
            count: self.assigned.len(),
            change,
            partitions: names.join(","),
        }
        .emit();
    }

    /// Takes one consumed message: track it and hand it to its lane.
    fn dispatch(&mut self, message: &BorrowedMessage<'_>) {
        let tp: TopicPartition = (message.topic().to_owned(), message.partition());
        if self.shutting_down || !self.assigned.contains(&tp) {
            // Not tracked, so never committed: whoever owns the partition
            // next reads it again.
            return;
        }
        let offset = message.offset();
        let generation = match self.tracker.consumed(&tp.0, tp.1, offset) {
            Ok(generation) => generation,
            Err(error) => {
                // The consumer went back (a seek or an offset reset we did
                // not ask for): start the partition afresh from here.
                Event::ConsumerError {
                    error: error.to_string(),
                }
                .emit();
                self.tracker.remove(&tp);
                if let Some(lane) = self.lanes.remove(&tp) {
                    lane.cancel();
                }
                match self.tracker.consumed(&tp.0, tp.1, offset) {
                    Ok(generation) => generation,
                    Err(_) => return,
                }
            }
        };
        let stale = self
            .lanes
            .get(&tp)
            .is_some_and(|lane| lane.generation != generation);
        if stale {
            if let Some(lane) = self.lanes.remove(&tp) {
                lane.cancel();
            }
        }
        let lane = self.lanes.entry(tp.clone()).or_insert_with(|| {
            LaneHandle::spawn(self.lane_shared.clone(), &self.runtime, generation)
        });
        let topic: Arc<str> = Arc::from(tp.0.as_str());
        Event::RecordConsumed {
            source: crate::events::Source {
                topic: &topic,
                partition: tp.1,
                offset,
            },
        }
        .emit();
        let work = Work {
            topic,
            partition: tp.1,
            offset,
            generation,
            key: message.key().map(<[u8]>::to_vec),
            payload: message.payload().map(<[u8]>::to_vec),
            timestamp_ms: message.timestamp().to_millis(),
        };
        if lane.sender.send(work).is_err() {
            // The lane task is gone (runtime shutting down); the record stays
            // uncommitted.
            self.tracker.remove(&tp);
            self.lanes.remove(&tp);
        }
    }

    /// Pauses every assigned partition at the in-flight bound and resumes
    /// them below a lower mark; the poll loop keeps running either way.
    fn apply_backpressure(&mut self, consumer: &WorkerConsumer) {
        let in_flight = self.tracker.in_flight();
        let resume_below = ((self.max_in_flight as f64) * RESUME_FRACTION) as usize;
        if !self.paused && in_flight >= self.max_in_flight {
            if let Ok(assignment) = consumer.assignment() {
                if consumer.pause(&assignment).is_ok() {
                    self.paused = true;
                    Event::Paused { in_flight }.emit();
                }
            }
        } else if self.paused && !self.shutting_down && in_flight <= resume_below {
            if let Ok(assignment) = consumer.assignment() {
                if consumer.resume(&assignment).is_ok() {
                    self.paused = false;
                    Event::Resumed { in_flight }.emit();
                }
            }
        }
        if in_flight != self.last_in_flight_reported {
            self.last_in_flight_reported = in_flight;
            Event::InFlight { records: in_flight }.emit();
        }
    }

    /// One turn of housekeeping between polls.
    fn housekeeping(&mut self, consumer: &WorkerConsumer) -> Result<(), CoordinatorError> {
        self.drain_acks();
        if self.exactly_once {
            self.commit_transaction(consumer, false)?;
        } else {
            self.commit_progress(consumer);
        }
        self.apply_backpressure(consumer);
        self.health.beat();
        Ok(())
    }

    /// Stops taking records: pauses everything and drops what still arrives.
    fn begin_shutdown(&mut self, consumer: &WorkerConsumer) {
        self.shutting_down = true;
        if let Ok(assignment) = consumer.assignment() {
            let _ = consumer.pause(&assignment);
        }
        self.paused = true;
    }
}

/// Everything the poll thread needs to run.
pub struct PollLoop {
    pub consumer: WorkerConsumer,
    pub shutdown: Arc<AtomicBool>,
    pub fatal: crossbeam_channel::Receiver<String>,
    pub shutdown_timeout: Duration,
}

/// How the poll loop ended.
#[derive(Debug)]
pub struct PollOutcome {
    /// Every consumed record was finished and committed before the deadline.
    pub drained: bool,
    pub in_flight: usize,
}

impl PollLoop {
    /// Runs until `shutdown` is set (then drains within the deadline) or a
    /// fatal error.
    pub fn run(self, coordinator: Coordinator) -> Result<PollOutcome, CoordinatorError> {
        let PollLoop {
            consumer,
            shutdown,
            fatal,
            shutdown_timeout,
        } = self;
        let context = consumer.context().clone();
        *context.lock() = Some(coordinator);

        let mut failure = None;
        while !shutdown.load(Ordering::SeqCst) {
            if let Ok(message) = fatal.try_recv() {
                failure = Some(CoordinatorError::Fatal(message));
                break;
            }
            let turn = {
                let mut guard = context.lock();
                let Some(coordinator) = guard.as_mut() else {
                    break;
                };
                coordinator.housekeeping(&consumer)
            };
            if let Err(error) = turn {
                failure = Some(error);
                break;
            }
            match consumer.poll(POLL_INTERVAL) {
                None => {}
                Some(Ok(message)) => {
                    let mut guard = context.lock();
                    if let Some(coordinator) = guard.as_mut() {
                        coordinator.dispatch(&message);
                    }
                }
                Some(Err(error)) => {
                    if error.rdkafka_error_code() == Some(RDKafkaErrorCode::Fatal) {
                        failure = Some(CoordinatorError::Fatal(format!("consumer: {error}")));
                        break;
                    }
                    Event::ConsumerError {
                        error: error.to_string(),
                    }
                    .emit();
                }
            }
        }

        // Drain: stop fetching, let the lanes finish, commit, then leave the
        // group. Also after a fatal error, so that what is done is kept.
        let deadline = Instant::now() + shutdown_timeout;
        {
            let mut guard = context.lock();
            if let Some(coordinator) = guard.as_mut() {
                coordinator.begin_shutdown(&consumer);
            }
        }
        let drained = loop {
            let (pending, in_flight) = {
                let mut guard = context.lock();
                let Some(coordinator) = guard.as_mut() else {
                    break false;
                };
                if let Err(error) = coordinator.housekeeping(&consumer) {
                    failure.get_or_insert(error);
                    break false;
                }
                let all: HashSet<TopicPartition> =
                    coordinator.tracker.partitions().into_iter().collect();
                (coordinator.pending(&all), coordinator.tracker.in_flight())
            };
            if pending == 0 {
                break true;
            }
            debug_assert!(in_flight >= pending);
            if Instant::now() >= deadline {
                break false;
            }
            // Serves callbacks; any record still delivered is dropped.
            if let Some(Ok(message)) = consumer.poll(POLL_INTERVAL) {
                let mut guard = context.lock();
                if let Some(coordinator) = guard.as_mut() {
                    coordinator.dispatch(&message);
                }
            }
        };

        let in_flight = {
            let mut guard = context.lock();
            match guard.as_mut() {
                Some(coordinator) => {
                    coordinator.drain_acks();
                    if coordinator.exactly_once {
                        if let Err(error) = coordinator.commit_transaction(&consumer, true) {
                            failure.get_or_insert(error);
                        }
                    } else {
                        coordinator.commit_now(&consumer, None);
                    }
                    let remaining = deadline.saturating_duration_since(Instant::now());
                    let _ = coordinator
                        .producer
                        .flush(remaining.max(Duration::from_millis(100)));
                    for (_, lane) in coordinator.lanes.drain() {
                        lane.cancel();
                    }
                    // Uncommitted records are what a restart reads again.
                    coordinator.tracker.in_flight()
                }
                None => 0,
            }
        };

        // Leave the group: the revoke callback finds nothing left to do.
        {
            let mut guard = context.lock();
            if let Some(coordinator) = guard.as_mut() {
                let all: Vec<TopicPartition> = coordinator.tracker.partitions();
                for tp in all {
                    coordinator.tracker.remove(&tp);
                }
            }
        }
        let coordinator = context.lock().take();
        drop(coordinator);
        // Dropping the consumer closes it: librdkafka revokes the partitions
        // (the callback finds no coordinator and does nothing) and leaves the
        // group, so the remaining members rebalance at once.
        drop(consumer);

        match failure {
            Some(error) => Err(error),
            None => Ok(PollOutcome { drained, in_flight }),
        }
    }
}
