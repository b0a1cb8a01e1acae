//! `newsflow explain`: why one article got its labels.

use anyhow::Context as _;
use newsflow_classify::{Classifier, CountryExplanation, Explanation};
use newsflow_clean::CleanConfig;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Show, for one article, every label with its score and the terms that
/// fired, with where they fired (title, lead, or body with byte offset).
///
/// The article goes through the same clean stage as `newsflow run` first,
/// so offsets refer to the cleaned title and body.
#[derive(clap::Args)]
pub struct Args {
    /// A RawArticle as JSON (a file holding one object, or a JSONL file:
    /// see --line). `-` or nothing reads stdin.
    input: Option<PathBuf>,
    /// Which line of a JSONL input to explain (1-based).
    #[arg(long, default_value_t = 1)]
    line: usize,
    /// Machine-readable output.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut text = String::new();
    match args.input.as_deref().filter(|p| p.as_os_str() != "-") {
        Some(path) => {
            text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
        }
        None => {
            std::io::stdin()
                .read_to_string(&mut text)
                .context("cannot read stdin")?;
        }
    }
    let record = pick_record(&text, args.line)?;
    let cleaned = newsflow_clean::clean_bytes(record.as_bytes(), &CleanConfig::default())
        .map_err(|reject| anyhow::anyhow!("the clean stage rejected the article: {reject}"))?;
    let classifier = Classifier::new().context("loading the classifier data")?;
    let explanation = classifier.explain(&cleaned);
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &explanation)?;
        writeln!(out)?;
    } else {
        print(&mut out, &cleaned.title, &explanation)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The whole input when it is one JSON object, else line `line` of JSONL.
fn pick_record(text: &str, line: usize) -> anyhow::Result<String> {
    let trimmed = text.trim();
    if serde_json::from_str::<serde_json::Value>(trimmed).is_ok() {
        return Ok(trimmed.to_owned());
    }
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .nth(line.saturating_sub(1))
        .map(str::to_owned)
        .with_context(|| format!("the input has no line {line}"))
}

fn print(out: &mut dyn Write, title: &str, e: &Explanation) -> std::io::Result<()> {
    writeln!(out, "article {}  language {}", e.id, e.language)?;
    writeln!(out, "title   {title}")?;
    writeln!(
        out,
        "\nTOPICS (assigned when score >= 0.50; score 0.50 = evidence at the label's threshold)"
    )?;
    for t in &e.topics {
        writeln!(
            out,
            "  {} {:<10} score {:.2}  evidence {:.2} / threshold {:.2}",
            if t.assigned { "+" } else { "-" },
            t.label,
            t.score,
            t.evidence,
            t.threshold
        )?;
        for h in &t.hits {
            writeln!(
                out,
                "      {:<24} {:>6.2}  {:<5} @{:<6} [{}] term {:?}",
                h.text,
                h.points,
                h.zone.as_str(),
                h.offset,
                h.group,
                h.term
            )?;
        }
    }
    writeln!(out, "\nCOUNTRIES")?;
    write_countries(out, &e.countries)?;
    if !e.organisations.is_empty() {
        writeln!(
            out,
            "\nNAMED ONLY BY A CLUB OR PARTY (primary-country candidates, not mentions)"
        )?;
        write_countries(out, &e.organisations)?;
    }
    writeln!(
        out,
        "\nPRIMARY {}  ({})",
        e.primary_country.as_deref().unwrap_or("none"),
        e.primary_reason
    )?;
    writeln!(out, "\nREGIONS")?;
    for r in &e.regions {
        writeln!(
            out,
            "  {:<18} {}  {}",
            r.code,
            if r.explicit { "explicit" } else { "derived " },
            r.because.join(", ")
        )?;
    }
    Ok(())
}

fn write_countries(out: &mut dyn Write, countries: &[CountryExplanation]) -> std::io::Result<()> {
    for c in countries {
        writeln!(
            out,
            "  {}  mentions {}  primary weight {:.1}",
            c.code, c.mentions, c.primary_weight
        )?;
        for h in &c.hits {
            writeln!(
                out,
                "      {:<24} {:<12} {:<5} @{:<6} term {:?}",
                h.text,
                h.kind,
                h.zone.as_str(),
                h.offset,
                h.term
            )?;
        }
    }
    Ok(())
}
