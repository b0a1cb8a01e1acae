//! The cleaner binary against librdkafka's in-process mock cluster: fast
//! checks of the runtime's guarantees with injected faults. The real-broker
//! tests (tests/, Apache Kafka) are the reference; these run in seconds and
//! need no Java.

use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::{Headers, Message};
use rdkafka::mocking::MockCluster;
use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};
use rdkafka::types::RDKafkaApiKey;
use rdkafka::types::RDKafkaRespErr;
use std::collections::{BTreeMap, BTreeSet};
use std::net::{SocketAddr, TcpListener};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

const PARTITIONS: i32 = 3;

fn free_addr() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").expect("binding a free port");
    listener.local_addr().expect("local address")
}

fn article(i: usize) -> String {
    serde_json::json!({
        "id": format!("mock-{i}"),
        "title": format!("Talks in Rabat, round {i}"),
        "body": format!("RABAT (Reuters) - Morocco and Mauritania held talks on trade and border security, round {i}. Ministers met for two days."),
    })
    .to_string()
}

fn produce(bootstrap: &str, topic: &str, records: &[(Option<String>, Vec<u8>)]) {
    let producer: BaseProducer = ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .create()
        .expect("test producer");
    for (key, value) in records {
        let mut record: BaseRecord<'_, str, [u8]> = BaseRecord::to(topic).payload(&value[..]);
        if let Some(key) = key {
            record = record.key(key);
        }
        producer.send(record).expect("enqueue");
    }
    producer.flush(Duration::from_secs(30)).expect("flush");
}

/// Every record of `topic` as (key, value, reason header) until `expected`
/// records arrived or the deadline passed.
fn read_all(
    bootstrap: &str,
    topic: &str,
    expected: usize,
    deadline: Duration,
) -> Vec<(Option<String>, Vec<u8>, Option<String>)> {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .set("group.id", format!("reader-{topic}"))
        .set("enable.auto.commit", "false")
        .create()
        .expect("test consumer");
    let mut assignment = TopicPartitionList::new();
    for p in 0..PARTITIONS {
        assignment
            .add_partition_offset(topic, p, Offset::Beginning)
            .expect("partition");
    }
    consumer.assign(&assignment).expect("assign");
    let started = Instant::now();
    let mut out = Vec::new();
    while out.len() < expected && started.elapsed() < deadline {
        let Some(result) = consumer.poll(Duration::from_millis(100)) else {
            continue;
        };
        let Ok(message) = result else {
            continue;
        };
        let reason = message.headers().and_then(|headers| {
            headers
                .iter()
                .find(|h| h.key == "newsflow.reason")
                .and_then(|h| h.value.map(|v| String::from_utf8_lossy(v).into_owned()))
        });
        out.push((
            message
                .key()
                .map(|k| String::from_utf8_lossy(k).into_owned()),
            message.payload().unwrap_or_default().to_vec(),
            reason,
        ));
    }
    out
}

fn committed(bootstrap: &str, group: &str, topic: &str) -> BTreeMap<i32, i64> {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .set("group.id", group)
        .create()
        .expect("offset reader");
    let mut list = TopicPartitionList::new();
    for p in 0..PARTITIONS {
        list.add_partition(topic, p);
    }
    let committed = consumer
        .committed_offsets(list, Duration::from_secs(10))
        .expect("committed offsets");
    committed
        .elements()
        .iter()
        .map(|e| (e.partition(), e.offset().to_raw().unwrap_or(-1)))
        .collect()
}

fn watermarks(bootstrap: &str, topic: &str) -> BTreeMap<i32, i64> {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", bootstrap)
        .create()
        .expect("watermark reader");
    (0..PARTITIONS)
        .map(|p| {
            let (_, high) = consumer
                .fetch_watermarks(topic, p, Duration::from_secs(10))
                .expect("watermarks");
            (p, high)
        })
        .collect()
}

struct Cleaner {
    child: Child,
    http: SocketAddr,
}

impl Cleaner {
    fn spawn(bootstrap: &str, extra: &[&str]) -> Cleaner {
        let http = free_addr();
        let child = Command::new(env!("CARGO_BIN_EXE_cleaner"))
            .args(["--brokers", bootstrap, "--group-id", "mock-cleaner"])
            .args([
                "--input-topic",
                "raw",
                "--output-topic",
                "cleaned",
                "--dlq-topic",
                "dlq",
            ])
            .args([
                "--http-addr",
                &http.to_string(),
                "--max-in-flight",
                "16",
                "--parallelism",
                "2",
            ])
            .args(["--shutdown-timeout", "10", "--max-bytes", "4096"])
            .args(extra)
            .env("NEWSFLOW_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("starting the cleaner");
        Cleaner { child, http }
    }

    fn get(&self, path: &str) -> Option<(u16, String)> {
        use std::io::{Read, Write};
        let mut stream =
            std::net::TcpStream::connect_timeout(&self.http, Duration::from_secs(2)).ok()?;
        stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
        write!(stream, "GET {path} HTTP/1.0\r\nHost: test\r\n\r\n").ok()?;
        let mut text = String::new();
        stream.read_to_string(&mut text).ok()?;
        let status = text.split_whitespace().nth(1)?.parse().ok()?;
        let body = text
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_owned())
            .unwrap_or_default();
        Some((status, body))
    }

    fn wait_ready(&self) {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(30) {
            if self.get("/readyz").is_some_and(|(status, _)| status == 200) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the cleaner did not become ready within 30 s");
    }

    fn terminate(mut self) -> ExitStatus {
        let pid = self.child.id().to_string();
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill -TERM");
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("waiting for the cleaner") {
                return status;
            }
            if started.elapsed() > Duration::from_secs(30) {
                let _ = self.child.kill();
                panic!("the cleaner did not exit within 30 s of SIGTERM");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Cleaner {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn metric(text: &str, name_and_labels: &str) -> f64 {
    text.lines()
        .filter(|line| line.starts_with(name_and_labels))
        .filter_map(|line| {
            line.rsplit_once(' ')
                .and_then(|(_, v)| v.parse::<f64>().ok())
        })
        .sum()
}

#[test]
fn records_arrive_once_with_dead_letters_despite_produce_errors() {
    let cluster = MockCluster::new(1).expect("mock cluster");
    let bootstrap = cluster.bootstrap_servers();
    for topic in ["raw", "cleaned", "dlq"] {
        cluster.create_topic(topic, PARTITIONS, 1).expect("topic");
    }
    let good = 300;
    let mut records: Vec<(Option<String>, Vec<u8>)> = (0..good)
        .map(|i| (Some(format!("mock-{i}")), article(i).into_bytes()))
        .collect();
    let poison: Vec<(Option<String>, Vec<u8>, &str)> = vec![
        (Some("p1".into()), b"{not json".to_vec(), "not_json"),
        (Some("p2".into()), b"[1,2,3]".to_vec(), "not_object"),
        (Some("p3".into()), vec![0xff, 0xfe, b'{'], "invalid_utf8"),
        (
            Some("p4".into()),
            br#"{"id":"p4","body":"   "}"#.to_vec(),
            "empty_body",
        ),
        (
            Some("p5".into()),
            format!(r#"{{"id":"p5","body":"{}"}}"#, "x".repeat(5000)).into_bytes(),
            "too_large",
        ),
    ];
    for (i, (key, value, _)) in poison.iter().enumerate() {
        records.insert(i * 50, (key.clone(), value.clone()));
    }
    produce(&bootstrap, "raw", &records);

    // Retriable produce errors: the worker's producer must retry, never
    // dead-letter and never lose a record.
    cluster.request_errors(
        RDKafkaApiKey::Produce,
        &[
            RDKafkaRespErr::RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS,
            RDKafkaRespErr::RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT,
            RDKafkaRespErr::RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS,
        ],
    );

    let cleaner = Cleaner::spawn(&bootstrap, &[]);
    cleaner.wait_ready();
    let cleaned = read_all(&bootstrap, "cleaned", good, Duration::from_secs(60));
    let dead = read_all(&bootstrap, "dlq", poison.len(), Duration::from_secs(30));

    let ids: BTreeSet<String> = cleaned.iter().filter_map(|(k, _, _)| k.clone()).collect();
    assert_eq!(ids.len(), good, "every good record arrives, keyed by id");
    for (key, value, _) in &cleaned {
        let article: newsflow_proto::CleanedArticle =
            serde_json::from_slice(value).expect("CleanedArticle JSON");
        assert_eq!(Some(&article.id), key.as_ref());
    }
    let reasons: BTreeMap<String, String> = dead
        .iter()
        .map(|(k, _, r)| (k.clone().unwrap_or_default(), r.clone().unwrap_or_default()))
        .collect();
    for (key, _, reason) in &poison {
        assert_eq!(
            reasons
                .get(key.as_deref().unwrap_or_default())
                .map(String::as_str),
            Some(*reason),
            "{key:?}"
        );
    }
    for (_, value, _) in &dead {
        let letter: newsflow_proto::DeadLetter =
            serde_json::from_slice(value).expect("DeadLetter JSON");
        assert_eq!(letter.topic.as_deref(), Some("raw"));
        assert!(letter.offset.is_some() && letter.partition.is_some());
    }

    let (status, metrics) = cleaner.get("/metrics").expect("metrics");
    assert_eq!(status, 200);
    assert_eq!(
        metric(&metrics, "newsflow_records_produced_total{stage=\"clean\"}"),
        good as f64
    );
    assert_eq!(
        metric(
            &metrics,
            "newsflow_records_dead_lettered_total{stage=\"clean\""
        ),
        poison.len() as f64
    );
    assert_eq!(
        metric(&metrics, "newsflow_records_consumed_total{stage=\"clean\"}"),
        records.len() as f64
    );

    let status = cleaner.terminate();
    assert_eq!(status.code(), Some(0), "SIGTERM drains and exits 0");
    // Everything was committed: a restart would read nothing again.
    assert_eq!(
        committed(&bootstrap, "mock-cleaner", "raw"),
        watermarks(&bootstrap, "raw")
    );
}

#[test]
fn exactly_once_commits_outputs_and_offsets_together() {
    let cluster = MockCluster::new(1).expect("mock cluster");
    let bootstrap = cluster.bootstrap_servers();
    for topic in ["raw", "cleaned", "dlq"] {
        cluster.create_topic(topic, PARTITIONS, 1).expect("topic");
    }
    let good = 200;
    let mut records: Vec<(Option<String>, Vec<u8>)> = (0..good)
        .map(|i| (Some(format!("mock-{i}")), article(i).into_bytes()))
        .collect();
    records.push((Some("bad".into()), b"nope".to_vec()));
    produce(&bootstrap, "raw", &records);

    let cleaner = Cleaner::spawn(
        &bootstrap,
        &["--exactly-once", "--transactional-id", "mock-cleaner-1"],
    );
    cleaner.wait_ready();
    let cleaned = read_all(&bootstrap, "cleaned", good, Duration::from_secs(60));
    let ids: BTreeSet<String> = cleaned.iter().filter_map(|(k, _, _)| k.clone()).collect();
    assert_eq!(ids.len(), good);
    assert_eq!(cleaned.len(), good, "no duplicates");
    let dead = read_all(&bootstrap, "dlq", 1, Duration::from_secs(30));
    assert_eq!(dead.len(), 1);
    assert_eq!(dead[0].2.as_deref(), Some("not_json"));
    assert_eq!(cleaner.terminate().code(), Some(0));
    // The mock cluster does not expose offsets committed through a
    // transaction (TxnOffsetCommit) to OffsetFetch, so the committed
    // positions are checked against the real broker in tests/ instead.
}

#[test]
fn an_aborted_transaction_is_rewound_and_processed_again_without_duplicates() {
    let cluster = MockCluster::new(1).expect("mock cluster");
    let bootstrap = cluster.bootstrap_servers();
    for topic in ["raw", "cleaned", "dlq"] {
        cluster.create_topic(topic, PARTITIONS, 1).expect("topic");
    }
    let good = 150;
    let records: Vec<(Option<String>, Vec<u8>)> = (0..good)
        .map(|i| (Some(format!("mock-{i}")), article(i).into_bytes()))
        .collect();
    produce(&bootstrap, "raw", &records);
    // The first partitions added to a transaction are refused: librdkafka
    // turns that into an abortable transaction error.
    cluster.request_errors(
        RDKafkaApiKey::AddPartitionsToTxn,
        &[RDKafkaRespErr::RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED],
    );

    let cleaner = Cleaner::spawn(
        &bootstrap,
        &["--exactly-once", "--transactional-id", "mock-cleaner-abort"],
    );
    cleaner.wait_ready();
    let cleaned = read_all(&bootstrap, "cleaned", good, Duration::from_secs(60));
    let ids: BTreeSet<String> = cleaned.iter().filter_map(|(k, _, _)| k.clone()).collect();
    assert_eq!(ids.len(), good, "every record arrives after the rewind");
    assert_eq!(
        cleaned.len(),
        good,
        "read_committed readers see no aborted duplicates"
    );
    let (_, metrics) = cleaner.get("/metrics").expect("metrics");
    assert!(
        metric(
            &metrics,
            "newsflow_retries_total{stage=\"clean\",kind=\"transaction\"}"
        ) >= 1.0,
        "the abort is counted"
    );
    assert_eq!(cleaner.terminate().code(), Some(0));
}

#[test]
fn bad_configuration_exits_64_with_the_key_named() {
    let cases: &[(&[&str], &str)] = &[
        (&[], "brokers"),
        (&["--brokers", ""], "brokers"),
        (
            &["--brokers", "127.0.0.1:9092", "--max-in-flight", "0"],
            "max_in_flight",
        ),
        (
            &["--brokers", "127.0.0.1:9092", "--log-format", "xml"],
            "log_format",
        ),
        (
            &["--brokers", "127.0.0.1:9092", "--no-such-flag"],
            "--no-such-flag",
        ),
        (
            &[
                "--brokers",
                "127.0.0.1:9092",
                "--kafka-property",
                "no.such.property=1",
            ],
            "no.such.property",
        ),
        (
            &["--brokers", "127.0.0.1:9092", "--max-bytes", "0"],
            "max_bytes",
        ),
    ];
    for (args, named) in cases {
        let output = Command::new(env!("CARGO_BIN_EXE_cleaner"))
            .args(*args)
            .args(["--http-addr", "127.0.0.1:0"])
            .env_remove("NEWSFLOW_BROKERS")
            .output()
            .expect("running the cleaner");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(64), "{args:?}: {stderr}");
        assert!(
            stderr.contains(named),
            "{args:?} should name {named}: {stderr}"
        );
    }

    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("cleaner.toml");
    std::fs::write(&file, "brokers = \"127.0.0.1:9092\"\nmax_in_flite = 5\n").expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_cleaner"))
        .args(["--config", file.to_str().expect("utf-8 path")])
        .output()
        .expect("running the cleaner");
    assert_eq!(output.status.code(), Some(64));
    assert!(String::from_utf8_lossy(&output.stderr).contains("max_in_flite"));
}
