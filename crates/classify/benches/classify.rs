//! Articles per second per core for the classify stage, on the seed article
//! and on a mix of Arabic, French and English fixtures (single-threaded, so
//! the figure is per core). Also measures `Classifier::new` (worker start-up).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsflow_classify::Classifier;
use newsflow_proto::CleanedArticle;
use std::hint::black_box;

fn fixtures() -> Vec<CleanedArticle> {
    let text = include_str!("../tests/fixtures/articles.jsonl");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("fixture line is a CleanedArticle"))
        .collect()
}

fn bench(c: &mut Criterion) {
    let classifier = Classifier::new().expect("embedded data compiles");
    let articles = fixtures();
    let mut group = c.benchmark_group("classify");
    group.throughput(Throughput::Elements(articles.len() as u64));
    group.bench_function("fixtures_mix", |b| {
        b.iter(|| {
            for a in &articles {
                black_box(classifier.classify(black_box(a.clone())));
            }
        })
    });
    group.finish();
    c.bench_function("classifier_new", |b| {
        b.iter(|| black_box(Classifier::new().expect("embedded data compiles")))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
