//! Cost of the clean stage per article: plain text (the seed, with its
//! caption, artefact and source line) and an HTML page (a noisy-set page
//! with navigation, figures, related list and footer).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newsflow_clean::{clean, CleanConfig};
use newsflow_proto::RawArticle;
use std::hint::black_box;

const SEED: &str = include_str!("../tests/fixtures/rabat-border-security.raw.txt");
const PAGE: &str = include_str!("../tests/fixtures/noisy-page.fr.html");

fn seed_article() -> RawArticle {
    let (title, body) = SEED.split_once('\n').unwrap_or(("", SEED));
    RawArticle {
        id: Some("seed".into()),
        title: Some(title.into()),
        body: Some(body.into()),
        content_type: Some("text/plain".into()),
        ..RawArticle::default()
    }
}

fn page_article() -> RawArticle {
    RawArticle {
        id: Some("page".into()),
        body: Some(PAGE.into()),
        content_type: Some("text/html".into()),
        ..RawArticle::default()
    }
}

fn bench(c: &mut Criterion) {
    let config = CleanConfig::default();
    let mut group = c.benchmark_group("clean");
    let text = seed_article();
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_function("text_seed_ar", |b| {
        b.iter(|| clean(black_box(text.clone()), &config))
    });
    let page = page_article();
    group.throughput(Throughput::Bytes(PAGE.len() as u64));
    group.bench_function("html_page_fr", |b| {
        b.iter(|| clean(black_box(page.clone()), &config))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
