//! Shared harness for the cross-service tests (issue 5): a real Apache Kafka
//! broker started through `scripts/kafka-local`, the `cleaner` and
//! `classifier` binaries run as child processes, and rdkafka clients that
//! produce the input and collect what comes out.
//!
//! Every wait is bounded and panics with what it was waiting for; every
//! background loop stops by itself (a stop flag and a deadline). Child
//! processes are killed by `Drop` guards, also when a test panics, and the
//! broker is stopped by a watchdog when the test binary exits, however it
//! exits. When a test fails, the tails of the worker logs are printed.
//!
//! The tests compare what the workers publish with what the library stages
//! (`newsflow_clean::clean_bytes`, `newsflow_classify::Classifier`) produce
//! for the same bytes: the library is the oracle, so no result is hard-coded.

use newsflow_classify::Classifier;
use newsflow_clean::CleanConfig;
use newsflow_proto::RejectReason;
use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{Headers, Message};
use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
use rdkafka::{Offset, TopicPartitionList};
use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The number of articles in the committed sample.
pub const SAMPLE_ARTICLES: usize = 2000;

/// Partitions of every topic a test creates: enough for two instances of a
/// worker to split them, few enough for a one-node test broker.
pub const PARTITIONS: i32 = 4;

/// No single wait in a test is longer than this: a broken worker fails the
/// test instead of hanging CI.
pub const LONG_WAIT: Duration = Duration::from_secs(240);

/// The repository root (the parent of this crate).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// Tests of one binary run one at a time: each starts a broker and several
/// JVM/worker processes, and on a 2-core CI machine running them side by side
/// only makes each slower. A poisoned lock (a failed test) is taken over.
pub fn serial() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A unique name for topics and groups, so that tests never see each other's
/// records even on a shared broker.
pub fn unique(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!(
        "{prefix}-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// Waits until `condition` holds, polling every 100 ms; panics with `what`
/// after `timeout`.
pub fn wait_until(what: &str, timeout: Duration, mut condition: impl FnMut() -> bool) {
    let deadline = Instant::now() + timeout;
    loop {
        if condition() {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "timed out after {timeout:?} waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

// ---------------------------------------------------------------------------
// The broker

/// An Apache Kafka broker started by `scripts/kafka-local` in a temporary
/// directory; stopped on drop (and by the script's watchdog if this process
/// dies without dropping it).
pub struct Broker {
    dir: tempfile::TempDir,
    bootstrap: String,
}

impl Broker {
    pub fn start() -> Broker {
        let dir = tempfile::Builder::new()
            .prefix("newsflow-kafka-")
            .tempdir()
            .expect("creating the broker directory");
        let bootstrap = kafka_local_start(dir.path());
        eprintln!("broker: {bootstrap} in {}", dir.path().display());
        Broker { dir, bootstrap }
    }

    /// `host:port`, for `bootstrap.servers` and `--brokers`.
    pub fn bootstrap(&self) -> &str {
        &self.bootstrap
    }

    /// A clean stop (SIGTERM, controlled shutdown).
    pub fn stop(&self) {
        kafka_local(&["stop", "--timeout", "30"], self.dir.path());
    }

    /// `kill -9` of the broker: a crash, no controlled shutdown.
    pub fn kill(&self) {
        kafka_local(&["kill"], self.dir.path());
    }

    /// Starts it again with the same data and port.
    pub fn restart(&self) {
        let bootstrap = kafka_local_start(self.dir.path());
        assert_eq!(
            bootstrap, self.bootstrap,
            "a restarted broker must keep its address"
        );
    }

    pub fn log_tail(&self) -> String {
        tail(&self.dir.path().join("logs/server.log"), 40)
    }
}

impl Drop for Broker {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("--- broker log tail ---\n{}", self.log_tail());
        }
        let _ = Command::new(kafka_local_path())
            .args(["stop", "--timeout", "15", "--dir"])
            .arg(self.dir.path())
            .stdout(Stdio::null())
            .status();
    }
}

fn kafka_local_path() -> PathBuf {
    repo_root().join("scripts/kafka-local")
}

fn kafka_local_start(dir: &Path) -> String {
    let owner = std::process::id().to_string();
    let out = kafka_local(&["start", "--owner-pid", &owner], dir);
    let bootstrap = out.trim().to_owned();
    assert!(
        bootstrap.starts_with("127.0.0.1:"),
        "kafka-local printed {out:?}"
    );
    bootstrap
}

fn kafka_local(args: &[&str], dir: &Path) -> String {
    let out = Command::new(kafka_local_path())
        .args(args)
        .arg("--dir")
        .arg(dir)
        .stderr(Stdio::inherit())
        .output()
        .expect("running scripts/kafka-local");
    assert!(
        out.status.success(),
        "scripts/kafka-local {args:?} failed: {}",
        out.status
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

// ---------------------------------------------------------------------------
// Topics, producing, offsets

/// The four topics of one pipeline, with names unique to the test.
#[derive(Debug, Clone)]
pub struct Topics {
    pub raw: String,
    pub cleaned: String,
    pub enriched: String,
    pub dlq: String,
}

impl Topics {
    /// Creates the four topics with [`PARTITIONS`] partitions each.
    pub fn create(broker: &Broker, test: &str) -> Topics {
        let prefix = unique(test);
        let topics = Topics {
            raw: format!("{prefix}.raw"),
            cleaned: format!("{prefix}.cleaned"),
            enriched: format!("{prefix}.enriched"),
            dlq: format!("{prefix}.dlq"),
        };
        create_topics(
            broker.bootstrap(),
            &[&topics.raw, &topics.cleaned, &topics.enriched, &topics.dlq],
            PARTITIONS,
        );
        topics
    }
}

pub fn create_topics(bootstrap: &str, names: &[&str], partitions: i32) {
    let admin: AdminClient<DefaultClientContext> = ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .create()
        .expect("creating the admin client");
    let new_topics: Vec<NewTopic> = names
        .iter()
        .map(|name| NewTopic::new(name, partitions, TopicReplication::Fixed(1)))
        .collect();
    let options = AdminOptions::new().operation_timeout(Some(Duration::from_secs(30)));
    let results = futures::executor::block_on(admin.create_topics(&new_topics, &options))
        .expect("CreateTopics request");
    for result in results {
        match result {
            Ok(_) | Err((_, RDKafkaErrorCode::TopicAlreadyExists)) => {}
            Err((name, code)) => panic!("creating topic {name}: {code}"),
        }
    }
    // The metadata of new topics reaches every client a moment later.
    let consumer = plain_consumer(bootstrap, false);
    for name in names {
        wait_until(&format!("topic {name} in metadata"), LONG_WAIT, || {
            partitions_of(&consumer, name).len() == partitions as usize
        });
    }
}

/// One record to produce: the key is the article id where there is one.
#[derive(Debug, Clone)]
pub struct Input {
    pub key: Option<Vec<u8>>,
    pub value: Vec<u8>,
}

pub fn producer(bootstrap: &str) -> BaseProducer {
    ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .set("enable.idempotence", "true")
        .set("acks", "all")
        .set("linger.ms", "5")
        .set("message.max.bytes", "4000000")
        .create()
        .expect("creating the test producer")
}

/// Produces every record and waits until all are acknowledged.
pub fn produce_all(bootstrap: &str, topic: &str, records: &[Input]) {
    let producer = producer(bootstrap);
    for record in records {
        send(&producer, topic, record);
    }
    flush(&producer);
}

fn send(producer: &BaseProducer, topic: &str, record: &Input) {
    let deadline = Instant::now() + LONG_WAIT;
    loop {
        let mut base = BaseRecord::<Vec<u8>, Vec<u8>>::to(topic).payload(&record.value);
        if let Some(key) = &record.key {
            base = base.key(key);
        }
        match producer.send(base) {
            Ok(()) => return,
            Err((KafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), _)) => {
                assert!(Instant::now() < deadline, "producer queue stayed full");
                producer.poll(Duration::from_millis(50));
            }
            Err((e, _)) => panic!("producing to {topic}: {e}"),
        }
    }
}

fn flush(producer: &BaseProducer) {
    producer
        .flush(LONG_WAIT)
        .expect("the test producer could not deliver its records");
}

/// Produces the records in the background at about `per_second`, so that a
/// test can crash or stop things while input is still arriving.
pub struct PacedProducer {
    stop: Arc<AtomicBool>,
    sent: Arc<AtomicUsize>,
    handle: Option<JoinHandle<()>>,
}

impl PacedProducer {
    pub fn start(bootstrap: &str, topic: &str, records: Vec<Input>, per_second: u32) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let sent = Arc::new(AtomicUsize::new(0));
        let producer = producer(bootstrap);
        let topic = topic.to_owned();
        let handle = {
            let stop = Arc::clone(&stop);
            let sent = Arc::clone(&sent);
            std::thread::spawn(move || {
                let started = Instant::now();
                for (i, record) in records.iter().enumerate() {
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    let due = started + Duration::from_secs_f64(i as f64 / per_second as f64);
                    if let Some(wait) = due.checked_duration_since(Instant::now()) {
                        std::thread::sleep(wait);
                    }
                    send(&producer, &topic, record);
                    producer.poll(Duration::ZERO);
                    sent.fetch_add(1, Ordering::Relaxed);
                }
                flush(&producer);
            })
        };
        PacedProducer {
            stop,
            sent,
            handle: Some(handle),
        }
    }

    pub fn sent(&self) -> usize {
        self.sent.load(Ordering::Relaxed)
    }

    /// Waits until every record is sent and acknowledged.
    pub fn finish(mut self) {
        if let Some(handle) = self.handle.take() {
            handle.join().expect("the paced producer panicked");
        }
    }
}

impl Drop for PacedProducer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
    }
}

fn plain_consumer(bootstrap: &str, read_committed: bool) -> BaseConsumer {
    ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .set("group.id", unique("newsflow-tests-reader"))
        .set("enable.auto.commit", "false")
        .set("enable.partition.eof", "false")
        .set(
            "isolation.level",
            if read_committed {
                "read_committed"
            } else {
                "read_uncommitted"
            },
        )
        .create()
        .expect("creating a test consumer")
}

fn partitions_of(consumer: &BaseConsumer, topic: &str) -> Vec<i32> {
    let Ok(metadata) = consumer.fetch_metadata(Some(topic), Duration::from_secs(5)) else {
        return Vec::new();
    };
    metadata
        .topics()
        .iter()
        .filter(|t| t.name() == topic && t.error().is_none())
        .flat_map(|t| t.partitions().iter().map(|p| p.id()))
        .collect()
}

/// The end offset of every partition of `topic`.
pub fn high_watermarks(bootstrap: &str, topic: &str) -> BTreeMap<i32, i64> {
    let consumer = plain_consumer(bootstrap, false);
    partitions_of(&consumer, topic)
        .into_iter()
        .map(|p| {
            let (_, high) = consumer
                .fetch_watermarks(topic, p, Duration::from_secs(10))
                .expect("fetching watermarks");
            (p, high)
        })
        .collect()
}

/// The offsets `group` has committed on `topic` (partitions without a commit
/// are left out).
pub fn committed_offsets(bootstrap: &str, group: &str, topic: &str) -> BTreeMap<i32, i64> {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .set("group.id", group)
        .set("enable.auto.commit", "false")
        .create()
        .expect("creating an offsets reader");
    let mut list = TopicPartitionList::new();
    for p in partitions_of(&consumer, topic) {
        list.add_partition(topic, p);
    }
    let committed = consumer
        .committed_offsets(list, Duration::from_secs(10))
        .expect("fetching committed offsets");
    committed
        .elements()
        .iter()
        .filter_map(|e| match e.offset() {
            Offset::Offset(o) => Some((e.partition(), o)),
            _ => None,
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Collecting output

/// One record read back from a topic.
#[derive(Debug, Clone)]
pub struct Record {
    pub partition: i32,
    pub offset: i64,
    pub key: Option<Vec<u8>>,
    pub value: Vec<u8>,
    pub headers: Vec<(String, Vec<u8>)>,
}

impl Record {
    pub fn key_str(&self) -> Option<String> {
        self.key
            .as_ref()
            .map(|k| String::from_utf8_lossy(k).into_owned())
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.value).unwrap_or_else(|e| {
            panic!(
                "record at partition {} offset {} is not JSON ({e}): {}",
                self.partition,
                self.offset,
                String::from_utf8_lossy(&self.value)
            )
        })
    }

    /// The `id` field of a JSON value.
    pub fn id(&self) -> String {
        self.json()["id"]
            .as_str()
            .unwrap_or_else(|| panic!("record without id at offset {}", self.offset))
            .to_owned()
    }
}

/// Reads every partition of a topic from the beginning in a background
/// thread (no consumer group, nothing committed) until dropped.
pub struct Collector {
    topic: String,
    records: Arc<Mutex<Vec<Record>>>,
    stop: Arc<AtomicBool>,
    handle: Option<JoinHandle<()>>,
}

impl Collector {
    /// `read_committed` hides records of aborted and open transactions, as
    /// downstream readers of an exactly-once pipeline must.
    pub fn start(bootstrap: &str, topic: &str, read_committed: bool) -> Collector {
        let consumer = plain_consumer(bootstrap, read_committed);
        let mut assignment = TopicPartitionList::new();
        for p in partitions_of(&consumer, topic) {
            assignment
                .add_partition_offset(topic, p, Offset::Beginning)
                .expect("building the assignment");
        }
        assert!(assignment.count() > 0, "topic {topic} has no partitions");
        consumer.assign(&assignment).expect("assigning partitions");

        let records = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let handle = {
            let records = Arc::clone(&records);
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                // Bounded even if nobody drops the collector.
                let deadline = Instant::now() + Duration::from_secs(1800);
                while !stop.load(Ordering::Relaxed) && Instant::now() < deadline {
                    let Some(result) = consumer.poll(Duration::from_millis(100)) else {
                        continue;
                    };
                    // Transport errors while a broker restarts are retried by librdkafka.
                    let Ok(message) = result else { continue };
                    let headers = message
                        .headers()
                        .map(|h| {
                            h.iter()
                                .map(|header| {
                                    (
                                        header.key.to_owned(),
                                        header.value.unwrap_or_default().to_vec(),
                                    )
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    let record = Record {
                        partition: message.partition(),
                        offset: message.offset(),
                        key: message.key().map(<[u8]>::to_vec),
                        value: message.payload().unwrap_or_default().to_vec(),
                        headers,
                    };
                    records
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .push(record);
                }
            })
        };
        Collector {
            topic: topic.to_owned(),
            records,
            stop,
            handle: Some(handle),
        }
    }

    pub fn records(&self) -> Vec<Record> {
        self.records
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    pub fn len(&self) -> usize {
        self.records.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many times each record key was seen.
    pub fn key_counts(&self) -> HashMap<String, usize> {
        let mut counts = HashMap::new();
        for record in self
            .records
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
        {
            let key = record.key_str().unwrap_or_default();
            *counts.entry(key).or_insert(0) += 1;
        }
        counts
    }

    pub fn distinct_keys(&self) -> usize {
        self.key_counts().len()
    }

    /// Waits until at least `n` distinct keys arrived.
    pub fn wait_for_keys(&self, n: usize, timeout: Duration) {
        wait_until(
            &format!("{n} distinct keys on {}", self.topic),
            timeout,
            || self.distinct_keys() >= n,
        );
    }

    /// Waits until at least `n` records arrived.
    pub fn wait_for_records(&self, n: usize, timeout: Duration) {
        wait_until(&format!("{n} records on {}", self.topic), timeout, || {
            self.len() >= n
        });
    }
}

impl Drop for Collector {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
    }
}

// ---------------------------------------------------------------------------
// The workers

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Cleaner,
    Classifier,
}

impl Kind {
    pub fn binary(self) -> &'static str {
        match self {
            Kind::Cleaner => "cleaner",
            Kind::Classifier => "classifier",
        }
    }

    /// The `stage` label of its metrics and dead letters.
    pub fn stage(self) -> &'static str {
        match self {
            Kind::Cleaner => "clean",
            Kind::Classifier => "classify",
        }
    }
}

/// How to run one worker instance.
#[derive(Debug, Clone)]
pub struct WorkerSpec {
    pub kind: Kind,
    pub brokers: String,
    pub group_id: String,
    pub input: String,
    pub output: String,
    pub dlq: String,
    pub max_in_flight: usize,
    pub exactly_once: bool,
    pub shutdown_timeout_secs: u64,
    /// Further flags, e.g. `["--max-bytes", "100000"]`.
    pub extra_args: Vec<String>,
}

impl WorkerSpec {
    /// The cleaner of the pipeline `topics`: raw -> cleaned.
    pub fn cleaner(broker: &Broker, topics: &Topics) -> WorkerSpec {
        WorkerSpec::new(
            Kind::Cleaner,
            broker,
            &topics.raw,
            &topics.cleaned,
            &topics.dlq,
        )
    }

    /// The classifier of the pipeline `topics`: cleaned -> enriched.
    pub fn classifier(broker: &Broker, topics: &Topics) -> WorkerSpec {
        WorkerSpec::new(
            Kind::Classifier,
            broker,
            &topics.cleaned,
            &topics.enriched,
            &topics.dlq,
        )
    }

    fn new(kind: Kind, broker: &Broker, input: &str, output: &str, dlq: &str) -> WorkerSpec {
        WorkerSpec {
            kind,
            brokers: broker.bootstrap().to_owned(),
            // The group is named after the input topic, which is unique per test.
            group_id: format!("{input}.{}", kind.binary()),
            input: input.to_owned(),
            output: output.to_owned(),
            dlq: dlq.to_owned(),
            max_in_flight: 100,
            exactly_once: false,
            shutdown_timeout_secs: 20,
            extra_args: Vec::new(),
        }
    }
}

/// librdkafka properties for tests that kill consumers: a dead member is
/// evicted from its group after 6 s (the test broker's minimum) instead of
/// the default 45 s, so each restart costs seconds, not minutes.
pub fn fast_session_args() -> Vec<String> {
    ["session.timeout.ms=6000", "heartbeat.interval.ms=1000"]
        .iter()
        .flat_map(|p| ["--kafka-property".to_owned(), (*p).to_owned()])
        .collect()
}

/// A running worker process; killed on drop.
pub struct Worker {
    pub spec: WorkerSpec,
    child: Option<Child>,
    http: SocketAddr,
    log_dir: tempfile::TempDir,
    log: PathBuf,
    starts: usize,
}

impl Worker {
    pub fn spawn(spec: WorkerSpec) -> Worker {
        let log_dir = tempfile::Builder::new()
            .prefix(&format!("newsflow-{}-", spec.kind.binary()))
            .tempdir()
            .expect("creating the worker log dir");
        let mut worker = Worker {
            spec,
            child: None,
            http: free_loopback_addr(),
            log_dir,
            log: PathBuf::new(),
            starts: 0,
        };
        worker.launch();
        worker
    }

    fn launch(&mut self) {
        debug_assert!(self.child.is_none(), "launch over a running child");
        self.starts += 1;
        self.log =
            self.log_dir
                .path()
                .join(format!("{}-{}.log", self.spec.kind.binary(), self.starts));
        let log = std::fs::File::create(&self.log).expect("creating the worker log");
        let spec = &self.spec;
        let mut command = worker_command(spec.kind);
        command
            .arg("--brokers")
            .arg(&spec.brokers)
            .arg("--group-id")
            .arg(&spec.group_id)
            .arg("--input-topic")
            .arg(&spec.input)
            .arg("--output-topic")
            .arg(&spec.output)
            .arg("--dlq-topic")
            .arg(&spec.dlq)
            .arg("--http-addr")
            .arg(self.http.to_string())
            .arg("--max-in-flight")
            .arg(spec.max_in_flight.to_string())
            .arg("--shutdown-timeout")
            .arg(spec.shutdown_timeout_secs.to_string())
            .arg("--parallelism")
            .arg("2")
            .arg("--log-format")
            .arg("json")
            .args(&spec.extra_args);
        if spec.exactly_once {
            // Unique per instance, stable across restarts of this instance:
            // a restart fences the zombie of the previous run.
            command
                .arg("--exactly-once")
                .arg("--transactional-id")
                .arg(format!("{}-{}", spec.group_id, self.http.port()));
        }
        let child = command
            .env_remove("NEWSFLOW_BROKERS")
            .env("RUST_LOG", "info")
            .env("RUST_BACKTRACE", "1")
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("cloning the log handle"))
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("spawning {:?}: {e}", command.get_program()));
        self.child = Some(child);
    }

    pub fn pid(&self) -> u32 {
        self.child.as_ref().expect("worker is running").id()
    }

    pub fn http_addr(&self) -> SocketAddr {
        self.http
    }

    /// `kill -9`: no drain, no commit, no goodbye.
    pub fn kill9(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Sends a signal by name (`TERM`, `INT`) with kill(1).
    pub fn signal(&self, name: &str) {
        let status = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .expect("running kill");
        assert!(status.success(), "kill -{name} {} failed", self.pid());
    }

    /// Waits for the process to exit; `None` if it is still running at the deadline.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        loop {
            let child = self.child.as_mut()?;
            if let Some(status) = child.try_wait().expect("waiting for the worker") {
                self.child = None;
                return Some(status);
            }
            if Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Starts the process again with the same flags and HTTP port (after a
    /// kill or an exit).
    pub fn restart(&mut self) {
        self.kill9();
        self.launch();
    }

    /// `GET path` on the worker's HTTP port: status code and body, or `None`
    /// while nothing answers.
    pub fn get(&self, path: &str) -> Option<(u16, String)> {
        http_get(self.http, path)
    }

    /// Waits until `/readyz` answers 200.
    pub fn wait_ready(&mut self, timeout: Duration) {
        let name = self.spec.kind.binary();
        let deadline = Instant::now() + timeout;
        loop {
            if let Some((200, _)) = self.get("/readyz") {
                return;
            }
            if let Some(status) = self
                .child
                .as_mut()
                .and_then(|c| c.try_wait().ok().flatten())
            {
                panic!(
                    "{name} exited with {status} before it was ready; log:\n{}",
                    self.log_tail(40)
                );
            }
            assert!(
                Instant::now() < deadline,
                "{name} not ready after {timeout:?}; log:\n{}",
                self.log_tail(40)
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The current Prometheus metrics. A loaded CI machine can make one
    /// scrape slow, so a failed scrape is retried (bounded) before the test
    /// gives up.
    pub fn metrics(&self) -> Metrics {
        let name = self.spec.kind.binary();
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            match self.get("/metrics") {
                Some((200, body)) => return Metrics::parse(&body),
                other => assert!(
                    Instant::now() < deadline,
                    "{name} /metrics did not answer 200 within 60 s (last: {other:?})"
                ),
            }
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    /// This run's log (stdout and stderr).
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    pub fn log_tail(&self, lines: usize) -> String {
        tail(&self.log, lines)
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.kill9();
        if std::thread::panicking() {
            for run in 1..=self.starts {
                let path = self
                    .log_dir
                    .path()
                    .join(format!("{}-{run}.log", self.spec.kind.binary()));
                eprintln!(
                    "--- {} (run {run}, http {}) log tail ---\n{}",
                    self.spec.kind.binary(),
                    self.http,
                    tail(&path, 25)
                );
            }
        }
    }
}

/// The command that runs a worker binary. Where util-linux's `setpriv` is
/// installed, the worker gets SIGKILL when the test thread that spawned it
/// ends, so even an aborted test leaves no worker behind.
fn worker_command(kind: Kind) -> Command {
    let binary = worker_binary(kind);
    let setpriv = Path::new("/usr/bin/setpriv");
    if setpriv.exists() {
        let mut command = Command::new(setpriv);
        command.arg("--pdeathsig").arg("KILL").arg("--").arg(binary);
        command
    } else {
        Command::new(binary)
    }
}

/// The worker binary of the workspace, built with the same profile as this
/// test. `NEWSFLOW_CLEANER_BIN` / `NEWSFLOW_CLASSIFIER_BIN` override it.
pub fn worker_binary(kind: Kind) -> PathBuf {
    let var = match kind {
        Kind::Cleaner => "NEWSFLOW_CLEANER_BIN",
        Kind::Classifier => "NEWSFLOW_CLASSIFIER_BIN",
    };
    if let Some(path) = std::env::var_os(var) {
        return PathBuf::from(path);
    }
    let dir = profile_dir();
    build_workers_once(&dir);
    let path = dir.join(format!("{}{}", kind.binary(), std::env::consts::EXE_SUFFIX));
    assert!(path.exists(), "{} was not built", path.display());
    path
}

/// target/<profile>: the test executable lives in target/<profile>/deps.
fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("locating the test executable");
    let deps = exe.parent().expect("the test executable has a directory");
    deps.parent()
        .expect("target/<profile>/deps has a parent")
        .to_path_buf()
}

/// `cargo test --workspace` builds the worker binaries already, but
/// `cargo test -p newsflow-tests` does not: build them (a no-op when they are
/// fresh) into the same target dir and profile.
fn build_workers_once(profile_dir: &Path) {
    static BUILT: OnceLock<()> = OnceLock::new();
    BUILT.get_or_init(|| {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let target_dir = profile_dir.parent().expect("target dir");
        let profile = profile_dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("debug");
        let mut command = Command::new(cargo);
        command
            .current_dir(repo_root())
            .args([
                "build",
                "-p",
                "newsflow-cleaner",
                "-p",
                "newsflow-classifier",
            ])
            .arg("--target-dir")
            .arg(target_dir);
        if profile != "debug" {
            command.arg("--profile").arg(profile);
        }
        let status = command.status().expect("running cargo build");
        assert!(status.success(), "building the worker binaries failed");
    });
}

fn free_loopback_addr() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").expect("binding a free port");
    listener.local_addr().expect("local addr")
}

/// A minimal HTTP/1.0 GET over loopback: the tests need a status code and a
/// body, nothing an HTTP client crate would add.
pub fn http_get(addr: SocketAddr, path: &str) -> Option<(u16, String)> {
    let timeout = Duration::from_secs(10);
    let mut stream = TcpStream::connect_timeout(&addr, timeout).ok()?;
    stream.set_read_timeout(Some(timeout)).ok()?;
    stream.set_write_timeout(Some(timeout)).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.0\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).ok()?;
    let text = String::from_utf8_lossy(&response);
    let status = text.split_whitespace().nth(1)?.parse().ok()?;
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_owned())
        .unwrap_or_default();
    Some((status, body))
}

fn tail(path: &Path, lines: usize) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

// ---------------------------------------------------------------------------
// Metrics

/// One Prometheus text exposition, parsed into samples.
#[derive(Debug, Clone, Default)]
pub struct Metrics {
    pub samples: Vec<Sample>,
}

#[derive(Debug, Clone)]
pub struct Sample {
    pub name: String,
    pub labels: BTreeMap<String, String>,
    pub value: f64,
}

impl Metrics {
    pub fn parse(text: &str) -> Metrics {
        let samples = text
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .filter_map(parse_sample)
            .collect();
        Metrics { samples }
    }

    /// Series named `name` whose labels include all of `labels`.
    pub fn series<'a>(
        &'a self,
        name: &'a str,
        labels: &'a [(&'a str, &'a str)],
    ) -> impl Iterator<Item = &'a Sample> + 'a {
        self.samples.iter().filter(move |s| {
            s.name == name
                && labels
                    .iter()
                    .all(|(k, v)| s.labels.get(*k).map(String::as_str) == Some(*v))
        })
    }

    pub fn has(&self, name: &str) -> bool {
        self.series(name, &[]).next().is_some()
    }

    /// The sum over the matching series (0 when none match).
    pub fn sum(&self, name: &str, labels: &[(&str, &str)]) -> f64 {
        self.series(name, labels).map(|s| s.value).sum()
    }

    /// Like [`Metrics::by_label`] without the zero series: counters may be
    /// pre-registered at zero for every bounded label value.
    pub fn counts_by_label(
        &self,
        name: &str,
        label: &str,
        filter: &[(&str, &str)],
    ) -> BTreeMap<String, f64> {
        let mut counts = self.by_label(name, label, filter);
        counts.retain(|_, v| *v != 0.0);
        counts
    }

    /// Label value -> value, for a series split by one label.
    pub fn by_label(
        &self,
        name: &str,
        label: &str,
        filter: &[(&str, &str)],
    ) -> BTreeMap<String, f64> {
        let mut out = BTreeMap::new();
        for sample in self.series(name, filter) {
            if let Some(value) = sample.labels.get(label) {
                *out.entry(value.clone()).or_insert(0.0) += sample.value;
            }
        }
        out
    }
}

fn parse_sample(line: &str) -> Option<Sample> {
    let (series, value) = line.rsplit_once(' ')?;
    let value = match value {
        "+Inf" => f64::INFINITY,
        "-Inf" => f64::NEG_INFINITY,
        v => v.parse().ok()?,
    };
    let (name, labels) = match series.split_once('{') {
        None => (series.to_owned(), BTreeMap::new()),
        Some((name, rest)) => (name.to_owned(), parse_labels(rest.trim_end_matches('}'))),
    };
    Some(Sample {
        name,
        labels,
        value,
    })
}

fn parse_labels(text: &str) -> BTreeMap<String, String> {
    let mut labels = BTreeMap::new();
    let mut rest = text;
    while let Some((key, after)) = rest.split_once("=\"") {
        let mut value = String::new();
        let mut chars = after.char_indices();
        let mut end = after.len();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => {
                    if let Some((_, escaped)) = chars.next() {
                        value.push(if escaped == 'n' { '\n' } else { escaped });
                    }
                }
                '"' => {
                    end = i + 1;
                    break;
                }
                c => value.push(c),
            }
        }
        labels.insert(key.trim_start_matches(',').trim().to_owned(), value);
        rest = &after[end..];
    }
    labels
}

// ---------------------------------------------------------------------------
// The sample and the oracle

/// The committed sample: one raw article JSON per line.
pub fn sample_lines() -> Vec<Vec<u8>> {
    let path = repo_root().join("tests/data/corpus-2000.jsonl.gz");
    let file =
        std::fs::File::open(&path).unwrap_or_else(|e| panic!("opening {}: {e}", path.display()));
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(file));
    let lines: Vec<Vec<u8>> = reader
        .split(b'\n')
        .map(|line| line.expect("reading the sample"))
        .filter(|line| !line.is_empty())
        .collect();
    assert_eq!(lines.len(), SAMPLE_ARTICLES, "{}", path.display());
    lines
}

/// The sample as records keyed by article id, as a crawler would produce them.
pub fn sample_inputs() -> Vec<Input> {
    sample_lines()
        .into_iter()
        .map(|value| {
            let id = serde_json::from_slice::<serde_json::Value>(&value)
                .ok()
                .and_then(|v| v["id"].as_str().map(str::to_owned));
            Input {
                key: id.map(String::into_bytes),
                value,
            }
        })
        .collect()
}

/// What the library stages make of each input: the oracle for the workers.
#[derive(Debug, Default)]
pub struct Expected {
    /// Article id -> the CleanedArticle JSON the cleaner must publish.
    pub cleaned: HashMap<String, serde_json::Value>,
    /// Article id -> the EnrichedArticle JSON the classifier must publish.
    pub enriched: HashMap<String, serde_json::Value>,
    /// Inputs the clean stage rejects, with the reason, in input order.
    pub rejected: Vec<RejectReason>,
}

impl Expected {
    pub fn compute(inputs: &[Input], clean: &CleanConfig) -> Expected {
        let classifier = classifier();
        let mut expected = Expected::default();
        for input in inputs {
            match newsflow_clean::clean_bytes(&input.value, clean) {
                Ok(cleaned) => {
                    let id = cleaned.id.clone();
                    expected.cleaned.insert(
                        id.clone(),
                        serde_json::to_value(&cleaned).expect("CleanedArticle to JSON"),
                    );
                    let enriched = classifier.classify(cleaned);
                    expected.enriched.insert(
                        id,
                        serde_json::to_value(&enriched).expect("EnrichedArticle to JSON"),
                    );
                }
                Err(reject) => expected.rejected.push(reject.reason),
            }
        }
        expected
    }
}

/// The classifier, loaded once per test binary.
pub fn classifier() -> &'static Classifier {
    static CLASSIFIER: OnceLock<Classifier> = OnceLock::new();
    CLASSIFIER.get_or_init(|| Classifier::new().expect("loading the classifier data"))
}

/// Checks that every record on `output` equals the oracle's record for its
/// id (duplicates included) and that every expected id arrived; returns how
/// many records were duplicates.
pub fn assert_matches_oracle(
    records: &[Record],
    expected: &HashMap<String, serde_json::Value>,
    topic: &str,
) -> usize {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for record in records {
        let value = record.json();
        let id = value["id"]
            .as_str()
            .unwrap_or_else(|| panic!("{topic}: a record without id: {value}"));
        let (id, want) = expected
            .get_key_value(id)
            .unwrap_or_else(|| panic!("{topic}: unexpected id {id}"));
        assert_eq!(
            record.key_str().as_deref(),
            Some(id.as_str()),
            "{topic}: records are keyed by article id"
        );
        assert_eq!(
            &value, want,
            "{topic}: record {id} differs from what the library stages produce"
        );
        *seen.entry(id.as_str()).or_insert(0) += 1;
    }
    let missing: Vec<&String> = expected
        .keys()
        .filter(|id| !seen.contains_key(id.as_str()))
        .take(10)
        .collect();
    assert!(
        missing.is_empty(),
        "{topic}: {} ids never arrived, e.g. {missing:?}",
        expected.len() - seen.len()
    );
    records.len() - seen.len()
}
