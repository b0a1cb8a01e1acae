//! Crash: `kill -9` each worker several times while input is still arriving
//! and restart it. At-least-once: no id is missing downstream, and each kill
//! re-delivers at most the in-flight bound. With `--exactly-once` and
//! `read_committed` readers: no duplicate at all.

use newsflow_clean::CleanConfig;
use newsflow_tests::*;

/// Small, so that the bound says something about the offsets the workers
/// commit.
const MAX_IN_FLIGHT: usize = 50;
const KILLS_PER_WORKER: usize = 3;
/// Slow enough that every kill lands mid-stream.
const RATE_PER_SECOND: u32 = 100;

struct Outcome {
    cleaned_duplicates: usize,
    enriched_duplicates: usize,
}

fn crash_and_restart(exactly_once: bool) -> Outcome {
    let broker = Broker::start();
    let topics = Topics::create(&broker, if exactly_once { "crash-eos" } else { "crash" });
    let inputs = sample_inputs();
    let expected = Expected::compute(&inputs, &CleanConfig::default());

    let spec = |spec: WorkerSpec| WorkerSpec {
        max_in_flight: MAX_IN_FLIGHT,
        exactly_once,
        extra_args: fast_session_args(),
        ..spec
    };
    let mut cleaner = Worker::spawn(spec(WorkerSpec::cleaner(&broker, &topics)));
    let mut classifier = Worker::spawn(spec(WorkerSpec::classifier(&broker, &topics)));
    cleaner.wait_ready(LONG_WAIT);
    classifier.wait_ready(LONG_WAIT);

    let cleaned = Collector::start(broker.bootstrap(), &topics.cleaned, exactly_once);
    let enriched = Collector::start(broker.bootstrap(), &topics.enriched, exactly_once);
    let producer = PacedProducer::start(broker.bootstrap(), &topics.raw, inputs, RATE_PER_SECOND);

    // Kill points spread over the stream: after about 1/8, 3/8, 5/8 of the
    // output for the cleaner, and between those for the classifier.
    let step = expected.enriched.len() / (2 * KILLS_PER_WORKER + 2);
    for round in 0..KILLS_PER_WORKER {
        enriched.wait_for_keys(step * (2 * round + 1), LONG_WAIT);
        eprintln!(
            "kill -9 cleaner (round {round}, {} sent, {} enriched)",
            producer.sent(),
            enriched.distinct_keys()
        );
        cleaner.kill9();
        cleaner.restart();

        enriched.wait_for_keys(step * (2 * round + 2), LONG_WAIT);
        eprintln!(
            "kill -9 classifier (round {round}, {} sent, {} enriched)",
            producer.sent(),
            enriched.distinct_keys()
        );
        classifier.kill9();
        classifier.restart();
    }
    producer.finish();
    enriched.wait_for_keys(expected.enriched.len(), LONG_WAIT);
    // Everything is there; give late duplicates of the last restart a moment
    // to show up by waiting for the workers to be idle again.
    cleaner.wait_ready(LONG_WAIT);
    classifier.wait_ready(LONG_WAIT);
    wait_until("both workers idle", LONG_WAIT, || {
        cleaner
            .metrics()
            .sum("newsflow_in_flight_records", &[("stage", "clean")])
            == 0.0
            && classifier
                .metrics()
                .sum("newsflow_in_flight_records", &[("stage", "classify")])
                == 0.0
    });

    let cleaned_duplicates =
        assert_matches_oracle(&cleaned.records(), &expected.cleaned, "cleaned");
    let enriched_duplicates =
        assert_matches_oracle(&enriched.records(), &expected.enriched, "enriched");
    eprintln!(
        "exactly_once={exactly_once}: {cleaned_duplicates} duplicates on cleaned, {enriched_duplicates} on enriched after {KILLS_PER_WORKER} kills of each worker"
    );
    Outcome {
        cleaned_duplicates,
        enriched_duplicates,
    }
}

#[test]
fn kill_9_loses_nothing_and_duplicates_stay_within_the_in_flight_bound() {
    let _serial = serial();
    let outcome = crash_and_restart(false);
    // Each kill of the cleaner re-delivers at most MAX_IN_FLIGHT records;
    // the classifier re-delivers its own share plus whatever duplicates the
    // cleaner published.
    let bound = KILLS_PER_WORKER * MAX_IN_FLIGHT;
    assert!(
        outcome.cleaned_duplicates <= bound,
        "{} duplicates on cleaned, bound {bound}",
        outcome.cleaned_duplicates
    );
    assert!(
        outcome.enriched_duplicates <= outcome.cleaned_duplicates + bound,
        "{} duplicates on enriched, bound {} + {bound}",
        outcome.enriched_duplicates,
        outcome.cleaned_duplicates
    );
}

#[test]
fn kill_9_with_exactly_once_gives_no_duplicates_to_read_committed_readers() {
    let _serial = serial();
    let outcome = crash_and_restart(true);
    assert_eq!(outcome.cleaned_duplicates, 0, "duplicates on cleaned");
    assert_eq!(outcome.enriched_duplicates, 0, "duplicates on enriched");
}
