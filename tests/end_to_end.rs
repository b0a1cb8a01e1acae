//! End to end on a real broker: the 2,000-article sample goes raw -> cleaner
//! -> classifier -> enriched; every record equals what the library stages
//! make of the same bytes (what `newsflow run` does), and the workers'
//! /metrics count exactly what went through. Also: /readyz follows partition
//! assignment, and bad configuration exits 64.

use newsflow_clean::CleanConfig;
use newsflow_proto::DeadLetter;
use newsflow_tests::*;
use std::collections::BTreeMap;
use std::time::Duration;

#[test]
fn sample_flows_raw_to_enriched_like_the_library_pipeline_and_metrics_count_it() {
    let _serial = serial();
    let broker = Broker::start();
    let topics = Topics::create(&broker, "e2e");
    let inputs = sample_inputs();
    let expected = Expected::compute(&inputs, &CleanConfig::default());

    let mut cleaner = Worker::spawn(WorkerSpec::cleaner(&broker, &topics));
    let mut classifier = Worker::spawn(WorkerSpec::classifier(&broker, &topics));
    cleaner.wait_ready(LONG_WAIT);
    classifier.wait_ready(LONG_WAIT);

    let cleaned = Collector::start(broker.bootstrap(), &topics.cleaned, false);
    let enriched = Collector::start(broker.bootstrap(), &topics.enriched, false);
    let dlq = Collector::start(broker.bootstrap(), &topics.dlq, false);
    produce_all(broker.bootstrap(), &topics.raw, &inputs);

    enriched.wait_for_keys(expected.enriched.len(), LONG_WAIT);
    dlq.wait_for_records(expected.rejected.len(), LONG_WAIT);

    // Content: every record as the library makes it, every id at least once.
    let cleaned_records = cleaned.records();
    let enriched_records = enriched.records();
    let cleaned_dups = assert_matches_oracle(&cleaned_records, &expected.cleaned, "cleaned");
    let enriched_dups = assert_matches_oracle(&enriched_records, &expected.enriched, "enriched");
    eprintln!(
        "e2e: {} inputs, {} cleaned ({cleaned_dups} duplicates), {} enriched ({enriched_dups} duplicates), {} dead letters",
        inputs.len(),
        cleaned_records.len(),
        enriched_records.len(),
        expected.rejected.len()
    );

    // Rejects of the sample (if any) are dead-lettered with the library's reason.
    let mut want_reasons: Vec<&str> = expected.rejected.iter().map(|r| r.as_str()).collect();
    let mut got_reasons: Vec<String> = dlq
        .records()
        .iter()
        .map(|r| {
            let letter: DeadLetter = serde_json::from_slice(&r.value).expect("DeadLetter JSON");
            letter.reason.as_str().to_owned()
        })
        .collect();
    want_reasons.sort_unstable();
    got_reasons.sort_unstable();
    assert_eq!(got_reasons, want_reasons, "dead-letter reasons");

    // Metrics: counts equal what the topics hold. Counted from the observed
    // records (not from the sample) so a legitimate redelivery cannot make
    // the test flaky; a quiet run has none anyway.
    let inputs_n = inputs.len() as f64;
    let cleaned_n = cleaned_records.len() as f64;
    let enriched_n = enriched_records.len() as f64;
    let dead_n = expected.rejected.len() as f64;

    let clean = [("stage", "clean")];
    wait_until("cleaner metrics to settle", LONG_WAIT, || {
        let m = cleaner.metrics();
        m.sum("newsflow_records_consumed_total", &clean) == inputs_n
            && m.sum("newsflow_in_flight_records", &clean) == 0.0
    });
    let m = cleaner.metrics();
    assert_eq!(m.sum("newsflow_records_produced_total", &clean), cleaned_n);
    assert_eq!(
        m.sum("newsflow_records_dead_lettered_total", &clean),
        dead_n
    );
    assert_eq!(
        m.sum("newsflow_stage_duration_seconds_count", &clean),
        inputs_n
    );
    assert_eq!(
        m.sum("newsflow_end_to_end_latency_seconds_count", &clean),
        cleaned_n
    );
    assert_eq!(
        m.sum("newsflow_partitions_assigned", &clean),
        PARTITIONS as f64
    );
    assert_eq!(
        m.counts_by_label("newsflow_articles_by_language_total", "language", &clean),
        language_counts(&cleaned_records, "language"),
        "cleaner: articles by language"
    );
    assert_build_info(&m, "clean");
    assert_lag_series(&cleaner, "clean", &topics.raw);

    let classify = [("stage", "classify")];
    wait_until("classifier metrics to settle", LONG_WAIT, || {
        let m = classifier.metrics();
        m.sum("newsflow_records_consumed_total", &classify) == cleaned_n
            && m.sum("newsflow_in_flight_records", &classify) == 0.0
    });
    let m = classifier.metrics();
    assert_eq!(
        m.sum("newsflow_records_produced_total", &classify),
        enriched_n
    );
    assert_eq!(
        m.sum("newsflow_records_dead_lettered_total", &classify),
        0.0
    );
    assert_eq!(
        m.sum("newsflow_stage_duration_seconds_count", &classify),
        cleaned_n
    );
    assert_eq!(
        m.sum("newsflow_end_to_end_latency_seconds_count", &classify),
        enriched_n
    );
    assert_eq!(
        m.sum("newsflow_partitions_assigned", &classify),
        PARTITIONS as f64
    );
    assert_eq!(
        m.counts_by_label("newsflow_articles_by_language_total", "language", &classify),
        language_counts(&enriched_records, "language"),
        "classifier: articles by language"
    );
    assert_eq!(
        m.counts_by_label("newsflow_articles_labelled_total", "label", &classify),
        nested_counts(&enriched_records, "topics", "label"),
        "classifier: articles per topic label"
    );
    assert_eq!(
        m.counts_by_label("newsflow_articles_by_region_total", "region", &classify),
        nested_counts(&enriched_records, "regions", "code"),
        "classifier: articles per region"
    );
    assert_build_info(&m, "classify");
    assert_lag_series(&classifier, "classify", &topics.cleaned);

    // Both still healthy after the run.
    assert_eq!(cleaner.get("/healthz").map(|r| r.0), Some(200));
    assert_eq!(classifier.get("/healthz").map(|r| r.0), Some(200));
}

/// The interface bounds the language label to ar|fr|en|other.
fn language_counts(records: &[Record], field: &str) -> BTreeMap<String, f64> {
    let mut counts = BTreeMap::new();
    for record in records {
        let language = record.json()[field].as_str().unwrap_or("").to_owned();
        let label = match language.as_str() {
            "ar" | "fr" | "en" => language,
            _ => "other".to_owned(),
        };
        *counts.entry(label).or_insert(0.0) += 1.0;
    }
    counts
}

/// Counts of `record[list][*][field]` over all records.
fn nested_counts(records: &[Record], list: &str, field: &str) -> BTreeMap<String, f64> {
    let mut counts = BTreeMap::new();
    for record in records {
        let value = record.json();
        for item in value[list].as_array().into_iter().flatten() {
            if let Some(name) = item[field].as_str() {
                *counts.entry(name.to_owned()).or_insert(0.0) += 1.0;
            }
        }
    }
    counts
}

fn assert_build_info(m: &Metrics, stage: &str) {
    let labels = [("stage", stage)];
    let info: Vec<&Sample> = m.series("newsflow_build_info", &labels).collect();
    assert_eq!(info.len(), 1, "{stage}: one newsflow_build_info series");
    assert_eq!(info[0].value, 1.0);
    assert_eq!(
        info[0].labels.get("version").map(String::as_str),
        Some(env!("CARGO_PKG_VERSION")),
        "{stage}: build_info version"
    );
    assert!(
        info[0].labels.contains_key("git_sha"),
        "{stage}: git_sha label"
    );
}

/// Lag comes from librdkafka statistics: one gauge per input partition, and
/// zero once everything is consumed and committed.
fn assert_lag_series(worker: &Worker, stage: &str, topic: &str) {
    let labels = [("stage", stage), ("topic", topic)];
    wait_until(
        &format!("{stage}: newsflow_consumer_lag for every partition of {topic}, all zero"),
        Duration::from_secs(90),
        || {
            let m = worker.metrics();
            let lag = m.by_label("newsflow_consumer_lag", "partition", &labels);
            lag.len() == PARTITIONS as usize && lag.values().all(|v| *v == 0.0)
        },
    );
}

/// /readyz answers 503 while an instance has no partition and 200 once it
/// has one: two instances of one group share a one-partition topic, so one
/// of them idles; when the busy one leaves, the idle one takes over.
#[test]
fn readyz_is_503_without_partitions_and_200_with_them() {
    let _serial = serial();
    let broker = Broker::start();
    let prefix = unique("ready");
    let (raw, cleaned, dlq) = (
        format!("{prefix}.raw"),
        format!("{prefix}.cleaned"),
        format!("{prefix}.dlq"),
    );
    create_topics(broker.bootstrap(), &[&raw], 1);
    create_topics(broker.bootstrap(), &[&cleaned, &dlq], PARTITIONS);
    let topics = Topics {
        raw,
        cleaned,
        enriched: format!("{prefix}.enriched"),
        dlq,
    };

    let mut first = Worker::spawn(WorkerSpec::cleaner(&broker, &topics));
    first.wait_ready(LONG_WAIT);
    let mut second = Worker::spawn(WorkerSpec::cleaner(&broker, &topics));
    wait_until("the second instance to answer /healthz", LONG_WAIT, || {
        second.get("/healthz").map(|r| r.0) == Some(200)
    });

    // After the rebalance exactly one of them holds the only partition.
    let statuses =
        |a: &Worker, b: &Worker| (a.get("/readyz").map(|r| r.0), b.get("/readyz").map(|r| r.0));
    wait_until("one instance ready and the other not", LONG_WAIT, || {
        matches!(
            statuses(&first, &second),
            (Some(200), Some(503)) | (Some(503), Some(200))
        )
    });
    // Stable: the idle one stays unready while the group does not change.
    std::thread::sleep(Duration::from_secs(3));
    let (a, b) = statuses(&first, &second);
    assert!(
        matches!((a, b), (Some(200), Some(503)) | (Some(503), Some(200))),
        "after 3 s: first {a:?}, second {b:?}"
    );
    let (busy, idle) = if a == Some(200) {
        (&mut first, &mut second)
    } else {
        (&mut second, &mut first)
    };
    assert_eq!(
        idle.metrics()
            .sum("newsflow_partitions_assigned", &[("stage", "clean")]),
        0.0
    );

    // The busy one leaves the group (SIGTERM): the idle one gets the partition.
    busy.signal("TERM");
    let status = busy.wait_exit(LONG_WAIT).expect("the busy instance exits");
    assert!(status.success(), "SIGTERM exit status {status}");
    idle.wait_ready(LONG_WAIT);
    assert_eq!(
        idle.metrics()
            .sum("newsflow_partitions_assigned", &[("stage", "clean")]),
        1.0
    );
}

/// A bad configuration is refused at start-up with exit code 64 and a
/// message naming the problem; no broker is needed for that.
#[test]
fn bad_configuration_exits_64() {
    let dir = tempfile::tempdir().expect("temp dir");
    let unknown_key = dir.path().join("typo.toml");
    std::fs::write(
        &unknown_key,
        "brokers = \"127.0.0.1:9\"\nmax_in_flite = 10\n",
    )
    .expect("writing the config");
    let cases: Vec<(Kind, Vec<String>)> = vec![
        (Kind::Cleaner, vec![]),
        (Kind::Cleaner, vec!["--brokers".into(), "".into()]),
        (
            Kind::Classifier,
            vec![
                "--brokers".into(),
                "127.0.0.1:9".into(),
                "--max-in-flight".into(),
                "many".into(),
            ],
        ),
        (
            Kind::Cleaner,
            vec!["--config".into(), unknown_key.display().to_string()],
        ),
        (
            Kind::Classifier,
            vec![
                "--brokers".into(),
                "127.0.0.1:9".into(),
                "--log-format".into(),
                "xml".into(),
            ],
        ),
    ];
    for (kind, args) in cases {
        let out = std::process::Command::new(worker_binary(kind))
            .args(&args)
            .env_remove("NEWSFLOW_BROKERS")
            .env_remove("NEWSFLOW_CONFIG")
            .output()
            .expect("running the worker");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(64),
            "{} {args:?}: exit {:?}, stderr: {stderr}",
            kind.binary(),
            out.status
        );
        assert!(
            !stderr.trim().is_empty(),
            "{} {args:?}: no message on stderr",
            kind.binary()
        );
    }
}
