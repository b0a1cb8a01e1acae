//! Graceful shutdown: SIGTERM while input is flowing. The worker
//! exits 0 within its drain deadline, says so in its log, and a restart
//! re-processes at most the in-flight bound.

use newsflow_clean::CleanConfig;
use newsflow_tests::*;
use std::time::Duration;

const MAX_IN_FLIGHT: usize = 100;
const SHUTDOWN_TIMEOUT_SECS: u64 = 15;

#[test]
fn sigterm_under_load_drains_exits_0_and_a_restart_redoes_at_most_the_in_flight_bound() {
    let _serial = serial();
    let broker = Broker::start();
    let topics = Topics::create(&broker, "shutdown");
    let inputs = sample_inputs();
    let expected = Expected::compute(&inputs, &CleanConfig::default());

    let spec = |spec: WorkerSpec| WorkerSpec {
        max_in_flight: MAX_IN_FLIGHT,
        shutdown_timeout_secs: SHUTDOWN_TIMEOUT_SECS,
        ..spec
    };
    let mut cleaner = Worker::spawn(spec(WorkerSpec::cleaner(&broker, &topics)));
    let mut classifier = Worker::spawn(spec(WorkerSpec::classifier(&broker, &topics)));
    cleaner.wait_ready(LONG_WAIT);
    classifier.wait_ready(LONG_WAIT);

    let cleaned = Collector::start(broker.bootstrap(), &topics.cleaned, false);
    let enriched = Collector::start(broker.bootstrap(), &topics.enriched, false);
    // Input keeps arriving for 20 s, so each signal lands mid-stream.
    let total = inputs.len();
    let producer = PacedProducer::start(broker.bootstrap(), &topics.raw, inputs, 100);

    // Deadline: the drain deadline plus time to flush, commit and leave.
    let exit_deadline = Duration::from_secs(SHUTDOWN_TIMEOUT_SECS + 15);
    for kind in [Kind::Cleaner, Kind::Classifier] {
        let worker = match kind {
            Kind::Cleaner => {
                cleaned.wait_for_keys(300, LONG_WAIT);
                &mut cleaner
            }
            Kind::Classifier => {
                enriched.wait_for_keys(600, LONG_WAIT);
                &mut classifier
            }
        };
        let m = worker.metrics();
        let stage = [("stage", kind.stage())];
        let consumed = m.sum("newsflow_records_consumed_total", &stage);
        let in_flight = m.sum("newsflow_in_flight_records", &stage);
        let sent = producer.sent();
        eprintln!(
            "SIGTERM {} after {consumed} consumed, {in_flight} in flight, {sent} of {total} sent",
            kind.binary(),
        );
        assert!(sent < total, "the signal must land while input is arriving");
        worker.signal("TERM");
        let status = worker.wait_exit(exit_deadline).unwrap_or_else(|| {
            panic!(
                "{} still running {exit_deadline:?} after SIGTERM:\n{}",
                kind.binary(),
                worker.log_tail(30)
            )
        });
        assert_eq!(status.code(), Some(0), "{} exit status", kind.binary());
        let log = worker.log_text();
        assert!(
            log.lines()
                .any(|line| line.contains("\"message\":\"shutdown complete\"")),
            "{}: no `shutdown complete` log line:\n{}",
            kind.binary(),
            worker.log_tail(20)
        );
        worker.restart();
        worker.wait_ready(LONG_WAIT);
    }

    producer.finish();
    enriched.wait_for_keys(expected.enriched.len(), LONG_WAIT);
    let cleaned_duplicates =
        assert_matches_oracle(&cleaned.records(), &expected.cleaned, "cleaned");
    let enriched_duplicates =
        assert_matches_oracle(&enriched.records(), &expected.enriched, "enriched");
    eprintln!(
        "graceful shutdown: {cleaned_duplicates} duplicates on cleaned, {enriched_duplicates} on enriched"
    );
    assert!(
        cleaned_duplicates <= MAX_IN_FLIGHT,
        "{cleaned_duplicates} records re-processed by the restarted cleaner, bound {MAX_IN_FLIGHT}"
    );
    assert!(
        enriched_duplicates <= cleaned_duplicates + MAX_IN_FLIGHT,
        "{enriched_duplicates} duplicates on enriched, bound {cleaned_duplicates} + {MAX_IN_FLIGHT}"
    );
}

/// A worker with nothing to do stops at once on SIGINT too, with exit 0.
#[test]
fn sigint_when_idle_exits_0() {
    let _serial = serial();
    let broker = Broker::start();
    let topics = Topics::create(&broker, "sigint");
    let mut cleaner = Worker::spawn(WorkerSpec::cleaner(&broker, &topics));
    cleaner.wait_ready(LONG_WAIT);
    cleaner.signal("INT");
    let status = cleaner
        .wait_exit(Duration::from_secs(30))
        .expect("the idle cleaner exits after SIGINT");
    assert_eq!(status.code(), Some(0));
    let log = cleaner.log_text();
    assert!(log.contains("\"message\":\"listening\""), "start-up line");
    assert!(
        log.contains("\"message\":\"shutdown complete\""),
        "final line"
    );
}

/// A second signal does not wait for the drain: the worker exits at once
/// with 130. The broker is killed first so that the drain (flush, commit,
/// leave the group) cannot finish and the first signal alone would keep the
/// worker alive until its deadline.
#[test]
fn a_second_signal_exits_at_once_with_130() {
    let _serial = serial();
    let broker = Broker::start();
    let topics = Topics::create(&broker, "second-signal");
    let mut cleaner = Worker::spawn(WorkerSpec {
        shutdown_timeout_secs: 120,
        ..WorkerSpec::cleaner(&broker, &topics)
    });
    cleaner.wait_ready(LONG_WAIT);
    let inputs: Vec<Input> = sample_inputs().into_iter().take(200).collect();
    produce_all(broker.bootstrap(), &topics.raw, &inputs);
    broker.kill();

    cleaner.signal("TERM");
    // Still draining (it cannot reach the broker) well after the first signal.
    std::thread::sleep(Duration::from_secs(2));
    assert!(
        cleaner.wait_exit(Duration::ZERO).is_none(),
        "the drain ended without a broker:\n{}",
        cleaner.log_tail(20)
    );
    cleaner.signal("TERM");
    // "At once": far below the 120 s drain deadline.
    let status = cleaner
        .wait_exit(Duration::from_secs(20))
        .expect("the cleaner exits after the second signal");
    assert_eq!(
        status.code(),
        Some(130),
        "exit status after a second signal"
    );
}
