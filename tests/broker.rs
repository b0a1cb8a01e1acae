//! The test broker itself (scripts/kafka-local) and the harness clients:
//! the sample goes in and comes back byte for byte, keyed and spread over
//! the partitions, and survives a broker restart on the same port. Every
//! other test builds on this.

use newsflow_tests::*;
use std::collections::HashMap;

#[test]
fn kafka_local_broker_round_trips_the_sample_and_keeps_it_across_a_restart() {
    let _serial = serial();
    let broker = Broker::start();
    let topic = unique("roundtrip");
    create_topics(broker.bootstrap(), &[&topic], PARTITIONS);

    let inputs = sample_inputs();
    produce_all(broker.bootstrap(), &topic, &inputs);
    let ends = high_watermarks(broker.bootstrap(), &topic);
    assert_eq!(ends.len(), PARTITIONS as usize);
    assert_eq!(ends.values().sum::<i64>(), inputs.len() as i64);
    assert!(
        ends.values().all(|n| *n > 0),
        "keyed records spread over every partition: {ends:?}"
    );

    let check = |collector: &Collector| {
        collector.wait_for_records(inputs.len(), LONG_WAIT);
        let by_key: HashMap<Vec<u8>, Vec<u8>> = collector
            .records()
            .into_iter()
            .map(|r| (r.key.clone().unwrap_or_default(), r.value))
            .collect();
        assert_eq!(by_key.len(), inputs.len());
        for input in &inputs {
            let key = input.key.clone().unwrap_or_default();
            assert_eq!(by_key.get(&key), Some(&input.value), "value of {key:?}");
        }
    };
    check(&Collector::start(broker.bootstrap(), &topic, false));

    // No group has committed anything on this topic.
    assert!(committed_offsets(broker.bootstrap(), "nobody", &topic).is_empty());

    broker.stop();
    broker.restart();
    check(&Collector::start(broker.bootstrap(), &topic, true));
    assert_eq!(high_watermarks(broker.bootstrap(), &topic), ends);
}
