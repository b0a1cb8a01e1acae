//! `newsflow eval`: scores the pipeline on a labelled set.

use crate::pipeline::Pipeline;
use anyhow::Context as _;
use newsflow_clean::CleanConfig;
use newsflow_eval::gaps::{DEFAULT_DRAWS, GAP_TARGET};
use newsflow_eval::labelled::{evaluate, LabelledArticle, Report, Scores, TOPICS};
use rayon::prelude::*;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Score topics, countries, regions, primary country and language on a
/// labelled set (the format of shared/data/labelled/dev.jsonl).
///
/// Prints per-topic precision/recall/F1, micro P/R/F1 for countries and for
/// explicit regions, primary-country and language accuracy, the same per
/// language and per half of the set (`tune` to write rules against,
/// `holdout` to check them), how far each topic's worst language trails its
/// best (with credible intervals: a few positives in one language make a gap
/// uncertain), and the articles with the worst misses.
#[derive(clap::Args)]
pub struct Args {
    /// Labelled JSONL (fields id, lang, title, text, gold).
    labelled: PathBuf,
    /// Machine-readable report on stdout instead of tables.
    #[arg(long)]
    json: bool,
    /// How many of the worst-scored articles to list.
    #[arg(long, default_value_t = 15)]
    worst: usize,
    /// Only score articles of this language (ar, fr, en).
    #[arg(long)]
    lang: Option<String>,
    /// Posterior draws for the language gaps' 95 % credible intervals (0:
    /// skip the gaps). Seeded: the same predictions give the same intervals.
    #[arg(long, default_value_t = DEFAULT_DRAWS)]
    draws: usize,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let file = std::fs::File::open(&args.labelled)
        .with_context(|| format!("cannot open {}", args.labelled.display()))?;
    let mut articles = Vec::new();
    for (index, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("reading {}", args.labelled.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let article: LabelledArticle = serde_json::from_str(&line).with_context(|| {
            format!(
                "{} line {}: not a labelled article",
                args.labelled.display(),
                index + 1
            )
        })?;
        if args.lang.as_ref().is_none_or(|l| *l == article.lang) {
            articles.push(article);
        }
    }
    anyhow::ensure!(
        !articles.is_empty(),
        "no labelled articles in {}",
        args.labelled.display()
    );

    let pipeline = Pipeline::new(CleanConfig::default())?;
    let items: Vec<_> = articles
        .into_par_iter()
        .map(|article| {
            let result = pipeline.process(article.to_raw());
            (article, result)
        })
        .collect();
    let report = evaluate(&items, args.worst, args.draws);
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        print_report(&mut out, &report)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_report(out: &mut dyn Write, report: &Report) -> std::io::Result<()> {
    writeln!(
        out,
        "{} articles ({} rejected by the pipeline)",
        report.articles, report.rejected
    )?;
    writeln!(out)?;
    writeln!(out, "topic        precision  recall     F1  support")?;
    for topic in TOPICS {
        if let Some(p) = report.overall.topics.get(topic) {
            writeln!(
                out,
                "{topic:<12} {:>9.3} {:>7.3} {:>6.3} {:>8}",
                p.precision, p.recall, p.f1, p.support
            )?;
        }
    }
    writeln!(out)?;
    let s = &report.overall;
    writeln!(
        out,
        "countries (micro)         P {:.3}  R {:.3}  F1 {:.3}  (support {})",
        s.countries.precision, s.countries.recall, s.countries.f1, s.countries.support
    )?;
    writeln!(
        out,
        "explicit regions (micro)  P {:.3}  R {:.3}  F1 {:.3}  (support {})",
        s.regions_explicit.precision,
        s.regions_explicit.recall,
        s.regions_explicit.f1,
        s.regions_explicit.support
    )?;
    writeln!(
        out,
        "primary country accuracy  {:.3}",
        s.primary_country_accuracy
    )?;
    writeln!(out, "language accuracy         {:.3}", s.language_accuracy)?;
    writeln!(out)?;
    print_breakdown(out, "by language", &report.by_language)?;
    print_breakdown(
        out,
        "by half (rules written on tune; holdout checks them)",
        &report.by_half,
    )?;
    print_gaps(out, report)?;
    if !report.worst_misses.is_empty() {
        writeln!(out, "worst misses")?;
        for miss in &report.worst_misses {
            writeln!(
                out,
                "  {} [{}] {} (errors {})",
                miss.id, miss.lang, miss.title, miss.errors
            )?;
            for detail in &miss.details {
                writeln!(out, "      {detail}")?;
            }
        }
    }
    Ok(())
}

fn print_breakdown(
    out: &mut dyn Write,
    heading: &str,
    groups: &std::collections::BTreeMap<String, Scores>,
) -> std::io::Result<()> {
    writeln!(out, "{heading}")?;
    write!(out, "  {:<8} {:>5}", "group", "n")?;
    for topic in TOPICS {
        write!(out, " {:>9}", &topic[..topic.len().min(9)])?;
    }
    writeln!(
        out,
        " {:>9} {:>8} {:>8} {:>6}",
        "countries", "regions", "primary", "lang"
    )?;
    for (name, s) in groups {
        write!(out, "  {name:<8} {:>5}", s.articles)?;
        for topic in TOPICS {
            let f1 = s.topics.get(topic).map_or(0.0, |p| p.f1);
            write!(out, " {f1:>9.3}")?;
        }
        writeln!(
            out,
            " {:>9.3} {:>8.3} {:>8.3} {:>6.3}",
            s.countries.f1, s.regions_explicit.f1, s.primary_country_accuracy, s.language_accuracy
        )?;
    }
    writeln!(out, "  (topic, country and region columns are F1)")?;
    writeln!(out)
}

fn print_gaps(out: &mut dyn Write, report: &Report) -> std::io::Result<()> {
    if report.language_gaps.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "language gaps (F1 [95 % credible interval]; target: no language more than {GAP_TARGET} behind)"
    )?;
    for topic in TOPICS {
        let Some(gap) = report.language_gaps.get(topic) else {
            continue;
        };
        write!(out, "  {topic:<10}")?;
        for (lang, f1) in &gap.by_language {
            write!(
                out,
                " {lang} {:.3} [{:.2}, {:.2}] n+{:<3}",
                f1.f1, f1.low, f1.high, f1.support
            )?;
        }
        writeln!(
            out,
            "  gap {:.3}: P({} more than {GAP_TARGET} behind {}) = {:.2}",
            gap.gap, gap.trailing, gap.leading, gap.p_behind
        )?;
    }
    writeln!(
        out,
        "  (n+: gold positives; P near 1: the target is missed, near 0: met, between: the set cannot tell)"
    )?;
    writeln!(out)
}
