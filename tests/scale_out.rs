//! Scale-out: two instances of each worker in one consumer group split the
//! partitions; stopping one (SIGTERM for a cleaner, `kill -9` for a
//! classifier) hands its partitions to the other, and nothing is lost.

use newsflow_clean::CleanConfig;
use newsflow_tests::*;

fn assigned(worker: &Worker) -> f64 {
    worker.metrics().sum(
        "newsflow_partitions_assigned",
        &[("stage", worker.spec.kind.stage())],
    )
}

#[test]
fn two_instances_split_the_partitions_and_survive_losing_one() {
    let _serial = serial();
    let broker = Broker::start();
    let topics = Topics::create(&broker, "scale");
    let inputs = sample_inputs();
    let expected = Expected::compute(&inputs, &CleanConfig::default());

    let with_fast_session = |spec: WorkerSpec| WorkerSpec {
        extra_args: fast_session_args(),
        ..spec
    };
    let cleaner_spec = with_fast_session(WorkerSpec::cleaner(&broker, &topics));
    let classifier_spec = with_fast_session(WorkerSpec::classifier(&broker, &topics));
    let mut cleaners = [
        Worker::spawn(cleaner_spec.clone()),
        Worker::spawn(cleaner_spec),
    ];
    let mut classifiers = [
        Worker::spawn(classifier_spec.clone()),
        Worker::spawn(classifier_spec),
    ];

    // Both instances of each group hold partitions, together all of them.
    let total = PARTITIONS as f64;
    for pair in [&cleaners, &classifiers] {
        let name = pair[0].spec.kind.binary();
        wait_until(
            &format!("two {name}s to split {total} partitions"),
            LONG_WAIT,
            || {
                let (a, b) = (assigned(&pair[0]), assigned(&pair[1]));
                a > 0.0 && b > 0.0 && a + b == total
            },
        );
    }
    for worker in cleaners.iter_mut().chain(classifiers.iter_mut()) {
        worker.wait_ready(LONG_WAIT);
    }

    let enriched = Collector::start(broker.bootstrap(), &topics.enriched, false);
    let producer = PacedProducer::start(broker.bootstrap(), &topics.raw, inputs, 100);

    enriched.wait_for_keys(expected.enriched.len() / 3, LONG_WAIT);
    eprintln!("SIGTERM one cleaner ({} sent)", producer.sent());
    cleaners[1].signal("TERM");
    let status = cleaners[1].wait_exit(LONG_WAIT).expect("the cleaner exits");
    assert!(status.success(), "cleaner exit status {status}");
    wait_until(
        "the remaining cleaner to hold every partition",
        LONG_WAIT,
        || assigned(&cleaners[0]) == total,
    );

    enriched.wait_for_keys(expected.enriched.len() * 2 / 3, LONG_WAIT);
    eprintln!("kill -9 one classifier ({} sent)", producer.sent());
    classifiers[1].kill9();
    wait_until(
        "the remaining classifier to hold every partition",
        LONG_WAIT,
        || assigned(&classifiers[0]) == total,
    );

    producer.finish();
    enriched.wait_for_keys(expected.enriched.len(), LONG_WAIT);
    let duplicates = assert_matches_oracle(&enriched.records(), &expected.enriched, "enriched");
    eprintln!("scale-out: {duplicates} duplicates on enriched");
}
