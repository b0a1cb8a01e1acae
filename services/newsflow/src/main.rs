//! `newsflow`: the operator CLI.
//!
//! Every subcommand runs the same stage libraries as the workers; this file
//! only parses arguments and hands over to `cmd::*`.

mod cmd;
mod io;
mod pipeline;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "newsflow",
    version,
    about = "Clean and classify news articles (Arabic, French, English) by topic and region",
    long_about = "newsflow cleans raw news articles and classifies them by topic (security, \
diplomacy, politics, economy, migration), country and macro-region, with evidence for every \
label. This CLI runs the pipeline on files with no broker, scores it against labelled sets, \
and feeds or reads the Kafka topics that the cleaner and classifier workers use."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Run(cmd::run::Args),
    Eval(cmd::eval::Args),
    EvalClean(cmd::eval_clean::Args),
    Explain(cmd::explain::Args),
    Produce(cmd::produce::Args),
    Tail(cmd::tail::Args),
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("NEWSFLOW_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .init();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run(args) => cmd::run::run(args),
        Command::Eval(args) => cmd::eval::run(args),
        Command::EvalClean(args) => cmd::eval_clean::run(args),
        Command::Explain(args) => cmd::explain::run(args),
        Command::Produce(args) => cmd::produce::run(args),
        Command::Tail(args) => cmd::tail::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("newsflow: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
