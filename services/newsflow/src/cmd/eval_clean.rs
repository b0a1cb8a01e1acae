//! `newsflow eval-clean`: scores the clean stage alone.

use anyhow::Context as _;
use newsflow_clean::CleanConfig;
use newsflow_eval::extraction::{self, ExtractionReport};
use newsflow_eval::labelled::LabelledArticle;
use newsflow_eval::noisy::{self, NoisyRecord, NoisyReport, Prediction};
use newsflow_proto::RawArticle;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Score the clean stage: body extraction and noise removal on a noisy set
/// (body P/R/F1 with the article-extraction benchmark's shingle metric,
/// share of noise lines leaking into the body, agencies P/R, language
/// accuracy), and HTML extraction F1 on a benchmark directory.
#[derive(clap::Args)]
pub struct Args {
    /// Noisy set (JSONL of {raw, expected: {body, agencies}, noise}).
    #[arg(long)]
    noisy: Option<PathBuf>,
    /// Directory with html/*.html.gz and ground-truth.json.
    #[arg(long)]
    extraction: Option<PathBuf>,
    /// Labelled set giving the gold language of each noisy record (joined
    /// on url and title) and scored for language on its own. Defaults to
    /// ../labelled/<same file name> next to the noisy set, when present.
    #[arg(long)]
    labelled: Option<PathBuf>,
    /// Machine-readable report on stdout.
    #[arg(long)]
    json: bool,
    /// How many of the worst records or pages to list.
    #[arg(long, default_value_t = 10)]
    worst: usize,
}

#[derive(Serialize)]
struct LanguageReport {
    articles: usize,
    correct: usize,
    accuracy: f64,
    misses: Vec<(String, String, String)>,
}

#[derive(Serialize)]
struct Report {
    #[serde(skip_serializing_if = "Option::is_none")]
    noisy: Option<NoisyReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    labelled_language: Option<LanguageReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extraction: Option<ExtractionReport>,
    /// Mean cleaning time per record/page, in microseconds (wall clock over
    /// all threads divided by the count; for trends, the bench is the figure).
    timings_us: HashMap<String, f64>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(
        args.noisy.is_some() || args.extraction.is_some() || args.labelled.is_some(),
        "give --noisy, --extraction and/or --labelled"
    );
    let config = CleanConfig::default();
    let mut timings = HashMap::new();

    let labelled_path = args.labelled.clone().or_else(|| {
        let noisy = args.noisy.as_ref()?;
        let candidate = noisy
            .parent()?
            .parent()?
            .join("labelled")
            .join(noisy.file_name()?);
        candidate.exists().then_some(candidate)
    });
    let labelled = match &labelled_path {
        Some(path) => read_jsonl::<LabelledArticle>(path)?,
        None => Vec::new(),
    };

    let noisy = match &args.noisy {
        Some(path) => {
            let records = read_jsonl::<NoisyRecord>(path)?;
            let by_key: HashMap<(Option<&str>, &str), &str> = labelled
                .iter()
                .map(|a| ((a.url.as_deref(), a.title.as_str()), a.lang.as_str()))
                .collect();
            let gold: Vec<Option<String>> = records
                .iter()
                .map(|r| {
                    let key = (r.raw.url.as_deref(), r.raw.title.as_deref().unwrap_or(""));
                    by_key.get(&key).map(|l| l.to_string())
                })
                .collect();
            let start = Instant::now();
            let predictions: Vec<Prediction> = records
                .par_iter()
                .map(|r| predict(r.raw.clone(), &config))
                .collect();
            timings.insert(
                "noisy_per_record".to_owned(),
                per_item_us(start, records.len()),
            );
            Some(noisy::evaluate(&records, &predictions, &gold, args.worst))
        }
        None => None,
    };

    let labelled_language = if labelled.is_empty() {
        None
    } else {
        let results: Vec<(String, String, String)> = labelled
            .par_iter()
            .map(|a| {
                let got = predict(a.to_raw(), &config).language.unwrap_or_default();
                (a.id.clone(), a.lang.clone(), got)
            })
            .collect();
        let correct = results.iter().filter(|(_, gold, got)| gold == got).count();
        Some(LanguageReport {
            articles: results.len(),
            correct,
            accuracy: correct as f64 / results.len().max(1) as f64,
            misses: results
                .into_iter()
                .filter(|(_, gold, got)| gold != got)
                .take(args.worst)
                .collect(),
        })
    };

    let extraction = match &args.extraction {
        Some(dir) => {
            let pages = extraction::load_dir(dir)
                .with_context(|| format!("loading the extraction set in {}", dir.display()))?;
            let start = Instant::now();
            let predicted: Vec<Option<String>> = pages
                .par_iter()
                .map(|page| {
                    let raw = RawArticle {
                        id: Some(page.key.clone()),
                        url: page.url.clone(),
                        body: Some(page.html.clone()),
                        content_type: Some("text/html".into()),
                        ..RawArticle::default()
                    };
                    predict(raw, &config).body
                })
                .collect();
            timings.insert(
                "extraction_per_page".to_owned(),
                per_item_us(start, pages.len()),
            );
            let mut report = extraction::score(&pages, &predicted);
            report.pages.truncate(args.worst);
            Some(report)
        }
        None => None,
    };

    let report = Report {
        noisy,
        labelled_language,
        extraction,
        timings_us: timings,
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        print_report(&mut out, &report)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn predict(raw: RawArticle, config: &CleanConfig) -> Prediction {
    match newsflow_clean::clean(raw, config) {
        Ok(cleaned) => Prediction {
            body: Some(cleaned.body),
            agencies: cleaned.agencies,
            language: Some(cleaned.language),
            rejected: None,
        },
        Err(reject) => Prediction {
            rejected: Some(reject.reason.as_str().to_owned()),
            ..Prediction::default()
        },
    }
}

fn per_item_us(start: Instant, count: usize) -> f64 {
    start.elapsed().as_secs_f64() * 1e6 / count.max(1) as f64
}

fn read_jsonl<T: serde::de::DeserializeOwned>(path: &Path) -> anyhow::Result<Vec<T>> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut items = Vec::new();
    for (index, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("reading {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let item = serde_json::from_str(&line)
            .with_context(|| format!("{} line {}: unexpected record", path.display(), index + 1))?;
        items.push(item);
    }
    Ok(items)
}

fn print_report(out: &mut dyn Write, report: &Report) -> std::io::Result<()> {
    if let Some(n) = &report.noisy {
        writeln!(
            out,
            "noisy set: {} records, {} rejected",
            n.records, n.rejected
        )?;
        writeln!(
            out,
            "  body        P {:.4}  R {:.4}  F1 {:.4}   (target F1 >= 0.98)",
            n.body.precision, n.body.recall, n.body.f1
        )?;
        writeln!(
            out,
            "  noise leak  {:.2} %  ({} of {} noise lines)   (target <= 1 %)",
            n.noise_leak_rate * 100.0,
            n.noise_leaked,
            n.noise_lines
        )?;
        writeln!(
            out,
            "  agencies    P {:.4}  R {:.4}   (target >= 0.95)",
            n.agencies.precision, n.agencies.recall
        )?;
        writeln!(
            out,
            "  language    {:.2} %  ({} of {} with a gold language)   (target >= 99.5 %)",
            n.language_accuracy * 100.0,
            n.language_correct,
            n.language_scored
        )?;
        for miss in &n.misses {
            writeln!(
                out,
                "    {}  P {:.3} R {:.3}  leaked {:?}  agencies {:?} -> {:?}  lang {:?} -> {:?}",
                miss.id,
                miss.precision,
                miss.recall,
                miss.leaked,
                miss.agencies_expected,
                miss.agencies_predicted,
                miss.language_expected,
                miss.language_predicted
            )?;
        }
    }
    if let Some(l) = &report.labelled_language {
        writeln!(
            out,
            "labelled set language: {:.2} % ({} of {})",
            l.accuracy * 100.0,
            l.correct,
            l.articles
        )?;
        for (id, gold, got) in &l.misses {
            writeln!(out, "    {id}: {gold} -> {got}")?;
        }
    }
    if let Some(e) = &report.extraction {
        writeln!(
            out,
            "extraction: {} pages  P {:.4}  R {:.4}  F1 {:.4}   (target F1 >= 0.97)",
            e.scores.documents, e.scores.precision, e.scores.recall, e.scores.f1
        )?;
        for page in &e.pages {
            writeln!(
                out,
                "    {}  P {:.3} R {:.3}  {}",
                page.key,
                page.precision,
                page.recall,
                page.url.as_deref().unwrap_or("")
            )?;
        }
    }
    let mut timings: Vec<_> = report.timings_us.iter().collect();
    timings.sort_by(|a, b| a.0.cmp(b.0));
    for (name, us) in timings {
        writeln!(out, "time {name}: {us:.0} µs (wall clock, all threads)")?;
    }
    Ok(())
}
