//! Cost of the runtime's per-record bookkeeping: track a consumed offset,
//! acknowledge it out of order, compute commit positions, release on commit.
//! `cargo bench -p newsflow-kafka --bench offsets`

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use newsflow_kafka::offsets::OffsetTracker;
use std::hint::black_box;

/// One window of `in_flight` records on `partitions` partitions, acknowledged
/// in blocks of 16 in reverse order (as a parallel stage finishes them), a
/// commit every 64 acknowledgements.
fn window(partitions: i32, in_flight: i64) -> usize {
    let mut tracker = OffsetTracker::new();
    let mut generations = Vec::new();
    for p in 0..partitions {
        for o in 0..in_flight {
            let g = tracker.consumed("news.raw", p, o).expect("increasing");
            if o == 0 {
                generations.push(g);
            }
        }
    }
    let mut acked = 0usize;
    let mut released = 0usize;
    for p in 0..partitions {
        let tp = ("news.raw".to_owned(), p);
        for block in (0..in_flight).step_by(16) {
            for o in (block..(block + 16).min(in_flight)).rev() {
                tracker.acknowledged(&tp, generations[p as usize], o);
                acked += 1;
                if acked.is_multiple_of(64) {
                    for (tp, position) in tracker.commit_candidates() {
                        released += tracker.committed(&tp, position);
                    }
                }
            }
        }
    }
    for (tp, position) in tracker.commit_candidates() {
        released += tracker.committed(&tp, position);
    }
    released
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("offset_tracker");
    for (partitions, in_flight) in [(1, 1000), (8, 125), (32, 1000)] {
        let records = partitions as u64 * in_flight as u64;
        group.throughput(Throughput::Elements(records));
        group.bench_with_input(
            BenchmarkId::new("consume_ack_commit", format!("{partitions}x{in_flight}")),
            &(partitions, in_flight),
            |b, &(partitions, in_flight)| b.iter(|| black_box(window(partitions, in_flight))),
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
