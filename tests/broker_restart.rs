//! Broker restart mid-stream: the broker is stopped and started again (same
//! port, same data) while input is arriving. The workers are not restarted:
//! they reconnect by themselves and nothing is lost.

use newsflow_clean::CleanConfig;
use newsflow_tests::*;
use std::time::Duration;

#[test]
fn workers_reconnect_after_a_broker_restart_and_lose_nothing() {
    let _serial = serial();
    let broker = Broker::start();
    let topics = Topics::create(&broker, "restart");
    let inputs = sample_inputs();
    let expected = Expected::compute(&inputs, &CleanConfig::default());

    let mut cleaner = Worker::spawn(WorkerSpec::cleaner(&broker, &topics));
    let mut classifier = Worker::spawn(WorkerSpec::classifier(&broker, &topics));
    cleaner.wait_ready(LONG_WAIT);
    classifier.wait_ready(LONG_WAIT);

    let enriched = Collector::start(broker.bootstrap(), &topics.enriched, false);
    let producer = PacedProducer::start(broker.bootstrap(), &topics.raw, inputs, 100);

    enriched.wait_for_keys(expected.enriched.len() / 4, LONG_WAIT);
    eprintln!(
        "stopping the broker ({} sent, {} enriched)",
        producer.sent(),
        enriched.distinct_keys()
    );
    broker.stop();
    // Down long enough for every client to notice and start retrying.
    std::thread::sleep(Duration::from_secs(5));
    for worker in [&mut cleaner, &mut classifier] {
        assert!(
            worker.wait_exit(Duration::ZERO).is_none(),
            "{} exited while the broker was down:\n{}",
            worker.spec.kind.binary(),
            worker.log_tail(30)
        );
    }
    broker.restart();
    eprintln!("broker restarted ({} sent)", producer.sent());

    producer.finish();
    enriched.wait_for_keys(expected.enriched.len(), LONG_WAIT);
    let duplicates = assert_matches_oracle(&enriched.records(), &expected.enriched, "enriched");
    eprintln!("broker restart: {duplicates} duplicates on enriched");

    // Same processes throughout, ready again.
    cleaner.wait_ready(LONG_WAIT);
    classifier.wait_ready(LONG_WAIT);
    for worker in [&mut cleaner, &mut classifier] {
        assert!(
            worker.wait_exit(Duration::ZERO).is_none(),
            "{} exited",
            worker.spec.kind.binary()
        );
    }
}
