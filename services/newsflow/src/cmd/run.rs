//! `newsflow run`: the whole pipeline over a JSONL file, no broker needed.

use crate::io::{open_input, open_output, read_line, stderr_is_terminal};
use crate::pipeline::Pipeline;
use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressStyle};
use newsflow_clean::{CleanConfig, DEFAULT_MAX_BYTES};
use newsflow_proto::{DeadLetter, EnrichedArticle, Reject, RejectReason, Stage};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Lines handed to the thread pool at once: large enough to keep every core
/// busy, small enough that memory stays flat on any input size.
const BATCH_LINES: usize = 1024;

/// Clean and classify RawArticle JSONL into EnrichedArticle JSONL.
///
/// Runs the same stage code as the workers, in parallel on all cores, and
/// keeps the input order. Rejected lines never stop the run: they go to
/// `--rejects` as DeadLetter JSONL, and the summary on stderr accounts for
/// every line (in = out + rejected).
#[derive(clap::Args)]
pub struct Args {
    /// RawArticle JSONL: a file, a `.gz` file, or `-` (the default) for stdin.
    input: Option<PathBuf>,
    /// Where to write EnrichedArticle JSONL (`.gz` compresses); stdout by default.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Where to write DeadLetter JSONL for rejected lines.
    #[arg(long, env = "NEWSFLOW_REJECTS")]
    rejects: Option<PathBuf>,
    /// Records over this many bytes are rejected as `too_large`.
    #[arg(long, env = "NEWSFLOW_MAX_BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    max_bytes: usize,
    /// Worker threads (default: one per core).
    #[arg(long, env = "NEWSFLOW_THREADS")]
    threads: Option<usize>,
    /// Also write the summary as JSON to this file.
    #[arg(long)]
    summary_json: Option<PathBuf>,
    /// No summary on stderr.
    #[arg(short, long)]
    quiet: bool,
}

/// What a run did, for the operator and for tests.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub input: String,
    pub lines_in: u64,
    pub blank_lines: u64,
    pub articles_out: u64,
    pub rejected: u64,
    pub rejected_by_reason: BTreeMap<String, u64>,
    pub languages: BTreeMap<String, u64>,
    pub topics: BTreeMap<String, u64>,
    pub countries: BTreeMap<String, u64>,
    pub regions: BTreeMap<String, u64>,
    pub seconds: f64,
    pub articles_per_second: f64,
    pub threads: usize,
}

impl Summary {
    fn record(&mut self, article: &EnrichedArticle) {
        self.articles_out += 1;
        *self.languages.entry(article.language.clone()).or_default() += 1;
        for topic in &article.topics {
            *self.topics.entry(topic.label.clone()).or_default() += 1;
        }
        for country in &article.countries {
            *self.countries.entry(country.code.clone()).or_default() += 1;
        }
        for region in &article.regions {
            *self.regions.entry(region.code.clone()).or_default() += 1;
        }
    }

    fn reject(&mut self, reason: RejectReason) {
        self.rejected += 1;
        *self
            .rejected_by_reason
            .entry(reason.to_string())
            .or_default() += 1;
    }

    fn print(&self, out: &mut dyn Write) -> std::io::Result<()> {
        let balanced = if self.lines_in - self.blank_lines == self.articles_out + self.rejected {
            "balanced"
        } else {
            "NOT BALANCED"
        };
        writeln!(out, "newsflow run: {}", self.input)?;
        writeln!(
            out,
            "  records  in {} = out {} + rejected {} ({balanced}; {} blank lines skipped)",
            self.lines_in - self.blank_lines,
            self.articles_out,
            self.rejected,
            self.blank_lines
        )?;
        if !self.rejected_by_reason.is_empty() {
            writeln!(
                out,
                "  rejected  {}",
                join_counts(&self.rejected_by_reason, usize::MAX)
            )?;
        }
        writeln!(
            out,
            "  languages {}",
            join_counts(&self.languages, usize::MAX)
        )?;
        writeln!(out, "  topics    {}", join_counts(&self.topics, usize::MAX))?;
        writeln!(out, "  countries {}", join_counts(&self.countries, 10))?;
        writeln!(out, "  regions   {}", join_counts(&self.regions, 10))?;
        writeln!(
            out,
            "  {:.2} s, {:.0} articles/s on {} threads",
            self.seconds, self.articles_per_second, self.threads
        )
    }
}

/// `a 3, b 2, ...`, most frequent first, at most `top` entries.
fn join_counts(counts: &BTreeMap<String, u64>, top: usize) -> String {
    if counts.is_empty() {
        return "-".into();
    }
    let mut sorted: Vec<(&String, &u64)> = counts.iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    let shown: Vec<String> = sorted
        .iter()
        .take(top)
        .map(|(k, v)| format!("{k} {v}"))
        .collect();
    let more = sorted.len().saturating_sub(top);
    if more > 0 {
        format!("{} (+{more} more)", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    anyhow::ensure!(threads > 0, "--threads must be at least 1");
    anyhow::ensure!(args.max_bytes > 0, "--max-bytes must be at least 1");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("starting the worker threads")?;
    let pipeline = Pipeline::new(CleanConfig {
        max_bytes: args.max_bytes,
    })?;

    let progress = progress_bar();
    let counter = progress.clone();
    let mut input = open_input(
        args.input.as_deref(),
        Some(Box::new(move |n| counter.inc(n))),
    )?;
    if let Some(len) = input.len {
        progress.set_length(len);
    }
    let mut output = open_output(args.output.as_deref())?;
    let mut rejects = args
        .rejects
        .as_deref()
        .map(|path| open_output(Some(path)))
        .transpose()?;

    let mut summary = Summary {
        input: input.name.clone(),
        threads,
        ..Summary::default()
    };
    let started = Instant::now();
    let mut batch: Vec<(u64, Vec<u8>)> = Vec::with_capacity(BATCH_LINES);
    let mut line_no = 0u64;
    let mut at_end = false;
    while !at_end {
        batch.clear();
        while batch.len() < BATCH_LINES {
            let mut buf = Vec::new();
            let more = read_line(&mut input.reader, &mut buf)
                .with_context(|| format!("reading {} after line {line_no}", input.name))?;
            if !more {
                at_end = true;
                break;
            }
            line_no += 1;
            summary.lines_in += 1;
            if buf.iter().all(u8::is_ascii_whitespace) {
                summary.blank_lines += 1;
                continue;
            }
            batch.push((line_no, buf));
        }
        let results: Vec<Outcome> = pool.install(|| {
            batch
                .par_iter()
                .map(|(line, bytes)| process_line(&pipeline, *line, bytes))
                .collect()
        });
        for outcome in results {
            match outcome {
                Outcome::Enriched { article, json } => {
                    summary.record(&article);
                    output.write_all(json.as_bytes())?;
                    output.write_all(b"\n")?;
                }
                Outcome::Rejected { dead_letter, json } => {
                    summary.reject(dead_letter.reason);
                    tracing::debug!(line = dead_letter.line, reason = %dead_letter.reason, message = %dead_letter.message, "rejected");
                    if let Some(rejects) = rejects.as_mut() {
                        rejects.write_all(json.as_bytes())?;
                        rejects.write_all(b"\n")?;
                    }
                }
            }
        }
    }
    output.flush().context("writing the output")?;
    if let Some(mut rejects) = rejects {
        rejects.flush().context("writing the rejects")?;
    }
    progress.finish_and_clear();

    let elapsed = started.elapsed();
    summary.seconds = elapsed.as_secs_f64();
    summary.articles_per_second = per_second(summary.articles_out + summary.rejected, elapsed);
    debug_assert_eq!(
        summary.lines_in - summary.blank_lines,
        summary.articles_out + summary.rejected
    );
    if !args.quiet {
        summary.print(&mut std::io::stderr())?;
        if summary.rejected > 0 && args.rejects.is_none() {
            eprintln!("  (rejected lines were not kept: pass --rejects FILE to keep them)");
        }
    }
    if let Some(path) = &args.summary_json {
        let json = serde_json::to_string_pretty(&summary)?;
        std::fs::write(path, json + "\n")
            .with_context(|| format!("writing the summary to {}", path.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn per_second(n: u64, elapsed: Duration) -> f64 {
    let secs = elapsed.as_secs_f64();
    if secs > 0.0 {
        n as f64 / secs
    } else {
        0.0
    }
}

fn progress_bar() -> ProgressBar {
    if !stderr_is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {elapsed_precise} [{wide_bar}] {bytes}/{total_bytes} ({bytes_per_sec}, eta {eta})",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// Boxed so that a batch of outcomes stays small whichever variant dominates.
enum Outcome {
    Enriched {
        article: Box<EnrichedArticle>,
        json: String,
    },
    Rejected {
        dead_letter: Box<DeadLetter>,
        json: String,
    },
}

/// Runs on the pool: both stages and the serialisation, so the writer thread
/// only copies bytes.
fn process_line(pipeline: &Pipeline, line: u64, bytes: &[u8]) -> Outcome {
    let result = pipeline.process_bytes(bytes).and_then(|article| {
        let json = serde_json::to_string(&article).map_err(|e| {
            Reject::new(
                RejectReason::Internal,
                format!("cannot serialise the enriched article: {e}"),
            )
            .with_id(Some(article.id.clone()))
        })?;
        Ok((article, json))
    });
    match result {
        Ok((article, json)) => Outcome::Enriched {
            article: Box::new(article),
            json,
        },
        Err(reject) => {
            let stage = if reject.reason == RejectReason::Internal {
                Stage::Classify
            } else {
                Stage::Clean
            };
            let mut dead_letter = DeadLetter::new(bytes, stage, reject);
            dead_letter.message = format!("line {line}: {}", dead_letter.message);
            dead_letter.line = Some(line);
            let json = serde_json::to_string(&dead_letter).unwrap_or_else(|e| {
                format!(r#"{{"reason":"internal","message":"line {line}: {e}"}}"#)
            });
            Outcome::Rejected {
                dead_letter: Box::new(dead_letter),
                json,
            }
        }
    }
}
