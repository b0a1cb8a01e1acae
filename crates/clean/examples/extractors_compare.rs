//! HTML article extraction compared on a benchmark directory (pages in
//! html/*.html.gz, bodies in ground-truth.json), with the article-extraction
//! benchmark's shingle F1: rs-trafilatura and dom_smoothie used as they come,
//! and our extractor (dom_smoothie after a furniture pre-clean, then the
//! line-level noise filter), which is what `clean` runs.
//!
//! cargo run --release -p newsflow-clean --features compare-extractors \
//!     --example extractors_compare -- /work/shared/data/extraction

use dom_smoothie::{Config, Readability, TextMode};
use newsflow_eval::extraction::{load_dir, score, Page};
use newsflow_proto::RawArticle;
use std::time::Instant;

fn dom_smoothie_alone(html: &str, text_mode: TextMode) -> Option<String> {
    let config = Config {
        text_mode,
        ..Config::default()
    };
    let mut readability = Readability::new(html, None, Some(config)).ok()?;
    readability.parse().ok().map(|a| a.text_content.to_string())
}

fn rs_trafilatura(html: &str) -> Option<String> {
    rs_trafilatura::extract(html).ok().map(|r| r.content_text)
}

fn ours(html: &str) -> Option<String> {
    let raw = RawArticle {
        body: Some(html.to_owned()),
        content_type: Some("text/html".into()),
        ..RawArticle::default()
    };
    newsflow_clean::clean(raw, &newsflow_clean::CleanConfig::default())
        .ok()
        .map(|c| c.body)
}

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: extractors_compare EXTRACTION_DIR");
        std::process::exit(64);
    };
    let pages: Vec<Page> = load_dir(std::path::Path::new(&dir)).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(66);
    });
    type Extractor = Box<dyn Fn(&str) -> Option<String>>;
    let extractors: Vec<(&str, Extractor)> = vec![
        ("rs-trafilatura 0.2.2", Box::new(rs_trafilatura)),
        (
            "dom_smoothie 0.19 (raw text)",
            Box::new(|h: &str| dom_smoothie_alone(h, TextMode::Raw)),
        ),
        (
            "dom_smoothie 0.19 (formatted text)",
            Box::new(|h: &str| dom_smoothie_alone(h, TextMode::Formatted)),
        ),
        ("newsflow-clean", Box::new(ours)),
    ];
    println!("| extractor | precision | recall | F1 | ms per page |");
    println!("|---|---|---|---|---|");
    for (name, extract) in extractors {
        let start = Instant::now();
        let predicted: Vec<Option<String>> = pages.iter().map(|p| extract(&p.html)).collect();
        let ms = start.elapsed().as_secs_f64() * 1e3 / pages.len().max(1) as f64;
        let report = score(&pages, &predicted);
        println!(
            "| {name} | {:.3} | {:.3} | {:.3} | {ms:.1} |",
            report.scores.precision, report.scores.recall, report.scores.f1
        );
    }
}
