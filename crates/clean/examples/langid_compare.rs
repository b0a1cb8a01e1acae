//! Language identification compared on the developer sets: our script +
//! function-word rule (`newsflow_clean::lang`) against whatlang and
//! whichlang used alone, on the same inputs.
//!
//! cargo run --release -p newsflow-clean --example langid_compare -- \
//!     /work/shared/data/labelled/dev.jsonl /work/shared/data/noisy/dev.jsonl
//!
//! Three conditions: clean article text (labelled set: title + text), raw
//! plain-text feed items before cleaning (noisy set: English captions,
//! credits and artefacts still inside Arabic and French stories), and
//! titles alone.

use std::collections::HashMap;
use std::io::BufRead;
use std::time::Instant;

type Detector = fn(&str, &str) -> String;

fn ours(title: &str, body: &str) -> String {
    newsflow_clean::lang::detect(title, body).to_owned()
}

fn whatlang_alone(title: &str, body: &str) -> String {
    let text = format!("{title}\n{body}");
    match whatlang::detect(&text).map(|i| i.lang().code()) {
        Some("ara") => "ar".into(),
        Some("eng") => "en".into(),
        Some("fra") => "fr".into(),
        Some(other) => other.into(),
        None => "und".into(),
    }
}

fn whichlang_alone(title: &str, body: &str) -> String {
    let text = format!("{title}\n{body}");
    match whichlang::detect_language(&text).three_letter_code() {
        "ara" => "ar".into(),
        "eng" => "en".into(),
        "fra" => "fr".into(),
        other => other.into(),
    }
}

fn read_jsonl(path: &str) -> Vec<serde_json::Value> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
    std::io::BufReader::new(file)
        .lines()
        .map(|l| serde_json::from_str(&l.expect("line")).expect("json"))
        .collect()
}

fn field<'a>(v: &'a serde_json::Value, path: &[&str]) -> &'a str {
    let mut cur = v;
    for key in path {
        cur = &cur[*key];
    }
    cur.as_str().unwrap_or("")
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(labelled_path), Some(noisy_path)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: langid_compare LABELLED.jsonl NOISY.jsonl");
        std::process::exit(64);
    };
    let labelled = read_jsonl(labelled_path);
    let noisy = read_jsonl(noisy_path);
    let gold_by_url: HashMap<(String, String), String> = labelled
        .iter()
        .map(|a| {
            (
                (
                    field(a, &["url"]).to_owned(),
                    field(a, &["title"]).to_owned(),
                ),
                field(a, &["lang"]).to_owned(),
            )
        })
        .collect();

    // (gold, title, body) per condition.
    let clean: Vec<(String, String, String)> = labelled
        .iter()
        .map(|a| {
            (
                field(a, &["lang"]).to_owned(),
                field(a, &["title"]).to_owned(),
                field(a, &["text"]).to_owned(),
            )
        })
        .collect();
    let raw_text: Vec<(String, String, String)> = noisy
        .iter()
        .filter(|r| field(r, &["raw", "content_type"]) == "text/plain")
        .filter_map(|r| {
            let key = (
                field(r, &["raw", "url"]).to_owned(),
                field(r, &["raw", "title"]).to_owned(),
            );
            let gold = gold_by_url.get(&key)?;
            Some((gold.clone(), key.1, field(r, &["raw", "body"]).to_owned()))
        })
        .collect();
    let titles: Vec<(String, String, String)> = clean
        .iter()
        .map(|(g, t, _)| (g.clone(), t.clone(), String::new()))
        .collect();

    let detectors: [(&str, Detector); 3] = [
        ("ours (script + function words, whatlang fallback)", ours),
        ("whatlang 0.18 alone", whatlang_alone),
        ("whichlang 0.1 alone", whichlang_alone),
    ];
    println!("| detector | clean text (n={}) | raw feed text (n={}) | titles only (n={}) | µs per article (clean text) |", clean.len(), raw_text.len(), titles.len());
    println!("|---|---|---|---|---|");
    for (name, detect) in detectors {
        let accuracy = |set: &[(String, String, String)]| {
            let ok = set.iter().filter(|(g, t, b)| detect(t, b) == *g).count();
            100.0 * ok as f64 / set.len().max(1) as f64
        };
        let start = Instant::now();
        for (_, t, b) in &clean {
            std::hint::black_box(detect(t, b));
        }
        let us = start.elapsed().as_secs_f64() * 1e6 / clean.len().max(1) as f64;
        println!(
            "| {name} | {:.2} % | {:.2} % | {:.2} % | {us:.1} |",
            accuracy(&clean),
            accuracy(&raw_text),
            accuracy(&titles)
        );
        if std::env::var_os("SHOW_MISSES").is_some() {
            for (g, t, b) in clean.iter().chain(&raw_text).chain(&titles) {
                let got = detect(t, b);
                if got != *g {
                    println!(
                        "    miss: {g} -> {got}: {}",
                        t.chars().take(80).collect::<String>()
                    );
                }
            }
        }
    }
}
