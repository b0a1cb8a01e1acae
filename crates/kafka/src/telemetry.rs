//! Logs and metrics set-up, once per process.

use crate::config::LogFormat;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

/// JSON logs are one object per line with the event's fields at the top level
/// (`"message":"listening","http_addr":...`), so log shippers need no parsing
/// rules. `NEWSFLOW_LOG` sets the filter (default `info`).
pub fn init_logs(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("NEWSFLOW_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let result = match format {
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(false)
            .with_span_list(false)
            .try_init(),
        LogFormat::Text => builder.try_init(),
    };
    // Already initialised (tests): keep the existing subscriber.
    let _ = result;
}

/// Buckets for the `_seconds` histograms: from 100 µs (one stage call) to a
/// minute (end-to-end under backlog).
const SECONDS_BUCKETS: [f64; 16] = [
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0,
    15.0, 60.0,
];

/// Installs the global recorder, labelling every series with the stage.
pub fn install_metrics(stage: newsflow_proto::Stage) -> Result<PrometheusHandle, String> {
    PrometheusBuilder::new()
        .add_global_label("stage", stage.as_str())
        .set_buckets_for_metric(Matcher::Suffix("_seconds".to_owned()), &SECONDS_BUCKETS)
        .map_err(|e| e.to_string())?
        .install_recorder()
        .map_err(|e| e.to_string())
}
