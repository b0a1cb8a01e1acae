//! Poison records: malformed JSON, non-UTF-8 bytes, an empty body, an empty
//! value, an oversized record and records of the wrong shape are mixed into
//! the stream. Each lands in the dead-letter topic with the reason the
//! library gives it, the original bytes and the source coordinates (in the
//! value and in the headers); every good record still arrives; the committed
//! offsets move past the poison.

use newsflow_clean::CleanConfig;
use newsflow_proto::{DeadLetter, RejectReason, Stage};
use newsflow_tests::*;
use std::collections::{BTreeSet, HashMap};

/// Small enough that the oversized record stays cheap to produce.
const MAX_BYTES: usize = 100_000;

fn poison_inputs() -> Vec<Input> {
    let oversized = format!(
        "{{\"id\":\"poison-big\",\"body\":\"{}\"}}",
        "news ".repeat(MAX_BYTES / 5 + 100)
    );
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "poison-json",
            b"{\"id\": \"poison-json\", \"body\": ".to_vec(),
        ),
        (
            "poison-utf8",
            b"{\"id\":\"poison-utf8\",\"body\":\"caf\xe9 cr\xe8me\"}".to_vec(),
        ),
        (
            "poison-empty",
            b"{\"id\":\"poison-empty\",\"title\":\"t\",\"body\":\"  \\n \"}".to_vec(),
        ),
        ("poison-nothing", Vec::new()),
        ("poison-big", oversized.into_bytes()),
        ("poison-array", b"[1, 2, 3]".to_vec()),
        (
            "poison-nobody",
            b"{\"id\":\"poison-nobody\",\"title\":\"t\"}".to_vec(),
        ),
        (
            "poison-types",
            b"{\"id\":\"poison-types\",\"body\":42}".to_vec(),
        ),
        ("poison-binary", vec![0x00, 0x9f, 0x92, 0x96, 0xff, 0xfe]),
    ];
    cases
        .into_iter()
        .map(|(key, value)| Input {
            key: Some(key.as_bytes().to_vec()),
            value,
        })
        .collect()
}

#[test]
fn poison_is_dead_lettered_with_reason_and_headers_and_the_stream_moves_on() {
    let _serial = serial();
    let broker = Broker::start();
    let topics = Topics::create(&broker, "poison");
    let clean_config = CleanConfig {
        max_bytes: MAX_BYTES,
    };

    // 400 good articles with the poison spread among them.
    let good: Vec<Input> = sample_inputs().into_iter().take(400).collect();
    let poison = poison_inputs();
    let mut inputs = Vec::new();
    for (i, record) in good.iter().enumerate() {
        if i % 40 == 7 {
            if let Some(p) = poison.get(i / 40) {
                inputs.push(p.clone());
            }
        }
        inputs.push(record.clone());
    }
    assert_eq!(inputs.len(), good.len() + poison.len());

    // The oracle: the library's verdict for every input.
    let expected = Expected::compute(&inputs, &clean_config);
    let mut want_reason: HashMap<String, RejectReason> = HashMap::new();
    for p in &poison {
        let key = String::from_utf8(p.key.clone().unwrap_or_default()).expect("utf-8 key");
        let reject = newsflow_clean::clean_bytes(&p.value, &clean_config)
            .expect_err("a poison record must be rejected by the library");
        want_reason.insert(key, reject.reason);
    }
    let reasons: BTreeSet<&str> = want_reason.values().map(|r| r.as_str()).collect();
    for must in ["not_json", "invalid_utf8", "empty_body", "too_large"] {
        assert!(
            reasons.contains(must),
            "the poison covers {must}: {reasons:?}"
        );
    }

    // Poison for the classifier too: garbage written straight to its input.
    let classifier_poison = vec![
        Input {
            key: Some(b"cpoison-json".to_vec()),
            value: b"<html>not a cleaned article</html>".to_vec(),
        },
        Input {
            key: Some(b"cpoison-types".to_vec()),
            value: b"{\"id\":\"cpoison-types\",\"body\":[\"x\"],\"language\":7}".to_vec(),
        },
    ];

    let mut cleaner = Worker::spawn(WorkerSpec {
        extra_args: vec!["--max-bytes".into(), MAX_BYTES.to_string()],
        ..WorkerSpec::cleaner(&broker, &topics)
    });
    let mut classifier = Worker::spawn(WorkerSpec::classifier(&broker, &topics));
    cleaner.wait_ready(LONG_WAIT);
    classifier.wait_ready(LONG_WAIT);

    let raw = Collector::start(broker.bootstrap(), &topics.raw, false);
    let enriched = Collector::start(broker.bootstrap(), &topics.enriched, false);
    let dlq = Collector::start(broker.bootstrap(), &topics.dlq, false);
    produce_all(broker.bootstrap(), &topics.raw, &inputs);
    produce_all(broker.bootstrap(), &topics.cleaned, &classifier_poison);

    enriched.wait_for_keys(expected.enriched.len(), LONG_WAIT);
    let dead_total = poison.len() + classifier_poison.len();
    dlq.wait_for_keys(dead_total, LONG_WAIT);
    raw.wait_for_records(inputs.len(), LONG_WAIT);

    // Every good record arrives, as the library makes it.
    assert_matches_oracle(&enriched.records(), &expected.enriched, "enriched");

    // Every dead letter: right stage and reason, original bytes, coordinates
    // that point at the original record, the same facts in the headers.
    let raw_records: HashMap<(i32, i64), Record> = raw
        .records()
        .into_iter()
        .map(|r| ((r.partition, r.offset), r))
        .collect();
    let mut seen = BTreeSet::new();
    for record in dlq.records() {
        let key = record.key_str().expect("dead letters keep the input key");
        let letter: DeadLetter = serde_json::from_slice(&record.value)
            .unwrap_or_else(|e| panic!("dead letter {key} is not DeadLetter JSON: {e}"));
        let payload = letter.payload_bytes().expect("payload decodes");
        let (partition, offset) = (
            letter.partition.expect("dead letter partition"),
            letter.offset.expect("dead letter offset"),
        );
        let source_topic = letter.topic.clone().expect("dead letter topic");

        if let Some(reason) = want_reason.get(&key) {
            assert_eq!(letter.stage, Stage::Clean, "{key}: stage");
            assert_eq!(letter.reason, *reason, "{key}: reason ({})", letter.message);
            assert_eq!(source_topic, topics.raw, "{key}: source topic");
            let original = raw_records
                .get(&(partition, offset))
                .unwrap_or_else(|| panic!("{key}: no raw record at {partition}/{offset}"));
            assert_eq!(original.key_str().as_deref(), Some(key.as_str()));
            assert_eq!(
                payload, original.value,
                "{key}: payload is the original bytes"
            );
        } else {
            let original = classifier_poison
                .iter()
                .find(|p| p.key.as_deref() == Some(key.as_bytes()))
                .unwrap_or_else(|| panic!("unexpected dead letter {key}: {}", letter.message));
            assert_eq!(letter.stage, Stage::Classify, "{key}: stage");
            assert_eq!(source_topic, topics.cleaned, "{key}: source topic");
            assert_eq!(
                payload, original.value,
                "{key}: payload is the original bytes"
            );
            if key == "cpoison-json" {
                assert_eq!(letter.reason, RejectReason::NotJson, "{key}");
            } else {
                assert_eq!(letter.reason, RejectReason::InvalidRecord, "{key}");
            }
        }
        assert!(!letter.message.trim().is_empty(), "{key}: a message");

        // The headers say the same, for consumers that do not parse values.
        assert_eq!(
            record.header("newsflow.stage").as_deref(),
            Some(letter.stage.as_str()),
            "{key}: newsflow.stage header"
        );
        assert_eq!(
            record.header("newsflow.reason").as_deref(),
            Some(letter.reason.as_str()),
            "{key}: newsflow.reason header"
        );
        assert_eq!(
            record.header("newsflow.source.topic").as_deref(),
            Some(source_topic.as_str()),
            "{key}: newsflow.source.topic header"
        );
        assert_eq!(
            record.header("newsflow.source.partition"),
            Some(partition.to_string()),
            "{key}: newsflow.source.partition header"
        );
        assert_eq!(
            record.header("newsflow.source.offset"),
            Some(offset.to_string()),
            "{key}: newsflow.source.offset header"
        );
        seen.insert(key);
    }
    assert_eq!(seen.len(), dead_total, "every poison record dead-lettered");

    // Offsets move past the poison: each group commits up to the end of its input.
    for (group, topic) in [
        (&cleaner.spec.group_id, &topics.raw),
        (&classifier.spec.group_id, &topics.cleaned),
    ] {
        let ends = high_watermarks(broker.bootstrap(), topic);
        wait_until(
            &format!("{group} to commit the end of {topic} {ends:?}"),
            LONG_WAIT,
            || committed_offsets(broker.bootstrap(), group, topic) == ends,
        );
    }

    // And the dead-letter counters agree, by reason.
    let mut want_counts: HashMap<String, f64> = HashMap::new();
    for reason in want_reason.values() {
        *want_counts.entry(reason.as_str().to_owned()).or_insert(0.0) += 1.0;
    }
    let got = cleaner.metrics().counts_by_label(
        "newsflow_records_dead_lettered_total",
        "reason",
        &[("stage", "clean")],
    );
    assert_eq!(got.into_iter().collect::<HashMap<_, _>>(), want_counts);
    let got = classifier.metrics().sum(
        "newsflow_records_dead_lettered_total",
        &[("stage", "classify")],
    );
    assert_eq!(got, classifier_poison.len() as f64);
    drop(cleaner);
    drop(classifier);
}
