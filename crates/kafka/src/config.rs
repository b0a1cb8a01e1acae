//! Worker configuration: flags, `NEWSFLOW_…` environment variables and an
//! optional TOML file, merged in that order of precedence and validated once
//! at start-up. Every error here is an operator's mistake, reported with the
//! key and the value at fault, and the binaries exit with code 64 (EX_USAGE).

use clap::Args;
use serde::Deserialize;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Exit code for a bad configuration (sysexits EX_USAGE).
pub const EXIT_CONFIG: u8 = 64;

/// The flags shared by both workers. Every field is optional here so that an
/// absent flag can fall back to the TOML file, then to the stage's default.
#[derive(Debug, Clone, Default, Args)]
pub struct WorkerArgs {
    /// TOML file with the same keys in snake_case; flags and env vars win.
    #[arg(long, env = "NEWSFLOW_CONFIG", value_name = "FILE.toml")]
    pub config: Option<PathBuf>,
    /// Bootstrap brokers, comma-separated host:port list.
    #[arg(long, env = "NEWSFLOW_BROKERS", value_name = "HOST:PORT,...")]
    pub brokers: Option<String>,
    /// Consumer group; instances with the same group split the partitions.
    #[arg(long, env = "NEWSFLOW_GROUP_ID")]
    pub group_id: Option<String>,
    #[arg(long, env = "NEWSFLOW_INPUT_TOPIC")]
    pub input_topic: Option<String>,
    #[arg(long, env = "NEWSFLOW_OUTPUT_TOPIC")]
    pub output_topic: Option<String>,
    /// Where records that cannot be processed go.
    #[arg(long, env = "NEWSFLOW_DLQ_TOPIC")]
    pub dlq_topic: Option<String>,
    /// Address of the /healthz, /readyz and /metrics endpoints.
    #[arg(long, env = "NEWSFLOW_HTTP_ADDR", value_name = "IP:PORT")]
    pub http_addr: Option<String>,
    /// CPU threads for the stage (default: the number of cores).
    #[arg(long, env = "NEWSFLOW_PARALLELISM")]
    pub parallelism: Option<usize>,
    /// Records consumed but not yet committed, all partitions together.
    #[arg(long, env = "NEWSFLOW_MAX_IN_FLIGHT")]
    pub max_in_flight: Option<usize>,
    /// Transactional producer: outputs and input offsets commit atomically.
    #[arg(long, env = "NEWSFLOW_EXACTLY_ONCE", num_args = 0..=1, default_missing_value = "true", value_name = "BOOL")]
    pub exactly_once: Option<bool>,
    /// Unique per instance (default: group id, host name and pid).
    #[arg(long, env = "NEWSFLOW_TRANSACTIONAL_ID")]
    pub transactional_id: Option<String>,
    /// Producer batch size in messages (librdkafka batch.num.messages).
    #[arg(long, env = "NEWSFLOW_BATCH_SIZE")]
    pub batch_size: Option<usize>,
    /// Producer linger in milliseconds (librdkafka linger.ms).
    #[arg(long, env = "NEWSFLOW_LINGER_MS")]
    pub linger_ms: Option<u64>,
    /// Drain deadline after SIGTERM/SIGINT, in seconds.
    #[arg(long, env = "NEWSFLOW_SHUTDOWN_TIMEOUT", value_name = "SECS")]
    pub shutdown_timeout: Option<u64>,
    /// librdkafka property passed through, `key=value`; repeatable. In the
    /// environment variable, separate several with `;`.
    #[arg(
        long = "kafka-property",
        env = "NEWSFLOW_KAFKA_PROPERTY",
        value_name = "KEY=VALUE",
        value_delimiter = ';'
    )]
    pub kafka_property: Vec<String>,
    /// `json` (default) or `text`.
    #[arg(long, env = "NEWSFLOW_LOG_FORMAT")]
    pub log_format: Option<String>,
}

/// The TOML file: the same keys as the flags. Unknown keys are errors, so a
/// typo never silently falls back to a default.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub brokers: Option<String>,
    pub group_id: Option<String>,
    pub input_topic: Option<String>,
    pub output_topic: Option<String>,
    pub dlq_topic: Option<String>,
    pub http_addr: Option<String>,
    pub parallelism: Option<usize>,
    pub max_in_flight: Option<usize>,
    pub exactly_once: Option<bool>,
    pub transactional_id: Option<String>,
    pub batch_size: Option<usize>,
    pub linger_ms: Option<u64>,
    pub shutdown_timeout: Option<u64>,
    #[serde(default)]
    pub kafka_property: Vec<String>,
    pub log_format: Option<String>,
    /// Cleaner only; the classifier rejects it.
    pub max_bytes: Option<usize>,
}

/// What differs between the two workers' defaults.
#[derive(Debug, Clone, Copy)]
pub struct StageDefaults {
    pub stage: newsflow_proto::Stage,
    pub group_id: &'static str,
    pub input_topic: &'static str,
    pub output_topic: &'static str,
}

impl StageDefaults {
    pub const CLEAN: StageDefaults = StageDefaults {
        stage: newsflow_proto::Stage::Clean,
        group_id: "newsflow-cleaner",
        input_topic: "news.raw",
        output_topic: "news.cleaned",
    };
    pub const CLASSIFY: StageDefaults = StageDefaults {
        stage: newsflow_proto::Stage::Classify,
        group_id: "newsflow-classifier",
        input_topic: "news.cleaned",
        output_topic: "news.enriched",
    };
}

pub const DEFAULT_DLQ_TOPIC: &str = "news.dlq";
pub const DEFAULT_HTTP_ADDR: &str = "0.0.0.0:9464";
pub const DEFAULT_MAX_IN_FLIGHT: usize = 1000;
pub const DEFAULT_SHUTDOWN_TIMEOUT_SECS: u64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Json,
    Text,
}

/// The validated configuration the runtime runs with.
#[derive(Debug, Clone)]
pub struct Settings {
    pub stage: newsflow_proto::Stage,
    pub brokers: String,
    pub group_id: String,
    pub input_topic: String,
    pub output_topic: String,
    pub dlq_topic: String,
    pub http_addr: SocketAddr,
    pub parallelism: usize,
    pub max_in_flight: usize,
    pub exactly_once: bool,
    pub transactional_id: String,
    pub batch_size: Option<usize>,
    pub linger_ms: Option<u64>,
    pub shutdown_timeout: Duration,
    /// librdkafka pass-through, in the order given (later wins).
    pub kafka_properties: Vec<(String, String)>,
    pub log_format: LogFormat,
}

/// A configuration mistake, with the key at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {message}")]
    File { path: String, message: String },
    #[error("invalid config file {path}: {message}")]
    FileSyntax { path: String, message: String },
    #[error("{key}: {message}")]
    Invalid { key: &'static str, message: String },
}

fn invalid(key: &'static str, message: impl Into<String>) -> ConfigError {
    ConfigError::Invalid {
        key,
        message: message.into(),
    }
}

/// Reads and parses the TOML file named by `--config`, if any.
pub fn read_file_config(path: Option<&Path>) -> Result<FileConfig, ConfigError> {
    let Some(path) = path else {
        return Ok(FileConfig::default());
    };
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError::File {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    toml::from_str(&text).map_err(|e| ConfigError::FileSyntax {
        path: path.display().to_string(),
        message: e.to_string().trim().to_owned(),
    })
}

impl Settings {
    /// Merges flags/env (already merged by clap) over the file over the
    /// stage defaults, then validates.
    pub fn resolve(
        args: &WorkerArgs,
        file: &FileConfig,
        defaults: StageDefaults,
    ) -> Result<Settings, ConfigError> {
        let text =
            |cli: &Option<String>, file: &Option<String>| cli.clone().or_else(|| file.clone());

        let brokers = text(&args.brokers, &file.brokers).ok_or_else(|| {
            invalid(
                "brokers",
                "required (--brokers, NEWSFLOW_BROKERS or brokers = \"...\" in the config file)",
            )
        })?;
        let brokers = validate_brokers(&brokers)?;

        let group_id = non_empty(
            "group_id",
            text(&args.group_id, &file.group_id),
            defaults.group_id,
        )?;
        let input_topic = topic_name(
            "input_topic",
            text(&args.input_topic, &file.input_topic),
            defaults.input_topic,
        )?;
        let output_topic = topic_name(
            "output_topic",
            text(&args.output_topic, &file.output_topic),
            defaults.output_topic,
        )?;
        let dlq_topic = topic_name(
            "dlq_topic",
            text(&args.dlq_topic, &file.dlq_topic),
            DEFAULT_DLQ_TOPIC,
        )?;
        if input_topic == output_topic {
            return Err(invalid("output_topic", format!("must differ from input_topic ({input_topic}): the worker would consume its own output")));
        }
        if input_topic == dlq_topic {
            return Err(invalid(
                "dlq_topic",
                format!("must differ from input_topic ({input_topic})"),
            ));
        }

        let http_addr_text =
            text(&args.http_addr, &file.http_addr).unwrap_or_else(|| DEFAULT_HTTP_ADDR.to_owned());
        let http_addr: SocketAddr = http_addr_text.parse().map_err(|e| {
            invalid(
                "http_addr",
                format!("{http_addr_text:?} is not IP:PORT ({e})"),
            )
        })?;

        let parallelism = args
            .parallelism
            .or(file.parallelism)
            .unwrap_or_else(default_parallelism);
        if parallelism == 0 || parallelism > 1024 {
            return Err(invalid(
                "parallelism",
                format!("{parallelism} is out of range 1..=1024"),
            ));
        }
        let max_in_flight = args
            .max_in_flight
            .or(file.max_in_flight)
            .unwrap_or(DEFAULT_MAX_IN_FLIGHT);
        if max_in_flight == 0 || max_in_flight > 1_000_000 {
            return Err(invalid(
                "max_in_flight",
                format!("{max_in_flight} is out of range 1..=1000000"),
            ));
        }
        let exactly_once = args.exactly_once.or(file.exactly_once).unwrap_or(false);
        let transactional_id = match text(&args.transactional_id, &file.transactional_id) {
            Some(id) if id.trim().is_empty() => {
                return Err(invalid("transactional_id", "must not be empty"))
            }
            Some(id) => id,
            None => format!("{group_id}-{}-{}", hostname(), std::process::id()),
        };
        let batch_size = args.batch_size.or(file.batch_size);
        if let Some(n) = batch_size {
            if n == 0 || n > 1_000_000 {
                return Err(invalid(
                    "batch_size",
                    format!("{n} is out of range 1..=1000000"),
                ));
            }
        }
        let linger_ms = args.linger_ms.or(file.linger_ms);
        if let Some(ms) = linger_ms {
            if ms > 900_000 {
                return Err(invalid(
                    "linger_ms",
                    format!("{ms} is over the librdkafka maximum of 900000"),
                ));
            }
        }
        let shutdown_secs = args
            .shutdown_timeout
            .or(file.shutdown_timeout)
            .unwrap_or(DEFAULT_SHUTDOWN_TIMEOUT_SECS);
        if shutdown_secs == 0 || shutdown_secs > 3600 {
            return Err(invalid(
                "shutdown_timeout",
                format!("{shutdown_secs} is out of range 1..=3600 seconds"),
            ));
        }

        // File properties first, so that flags and env override them.
        let mut kafka_properties = Vec::new();
        for raw in file.kafka_property.iter().chain(args.kafka_property.iter()) {
            kafka_properties.push(parse_property(raw)?);
        }

        let log_format = match text(&args.log_format, &file.log_format).as_deref() {
            None | Some("json") => LogFormat::Json,
            Some("text") => LogFormat::Text,
            Some(other) => {
                return Err(invalid(
                    "log_format",
                    format!("{other:?} is neither json nor text"),
                ))
            }
        };

        Ok(Settings {
            stage: defaults.stage,
            brokers,
            group_id,
            input_topic,
            output_topic,
            dlq_topic,
            http_addr,
            parallelism,
            max_in_flight,
            exactly_once,
            transactional_id,
            batch_size,
            linger_ms,
            shutdown_timeout: Duration::from_secs(shutdown_secs),
            kafka_properties,
            log_format,
        })
    }

    /// The pass-through properties with secrets masked, for logs.
    pub fn redacted_properties(&self) -> Vec<(String, String)> {
        self.kafka_properties
            .iter()
            .map(|(k, v)| {
                let shown = if is_secret(k) {
                    "[redacted]".to_owned()
                } else {
                    v.clone()
                };
                (k.clone(), shown)
            })
            .collect()
    }
}

fn default_parallelism() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn non_empty(
    key: &'static str,
    value: Option<String>,
    default: &str,
) -> Result<String, ConfigError> {
    let value = value.unwrap_or_else(|| default.to_owned());
    if value.trim().is_empty() {
        return Err(invalid(key, "must not be empty"));
    }
    Ok(value)
}

/// Kafka's own rule for topic names, checked here so the error names the key.
fn topic_name(
    key: &'static str,
    value: Option<String>,
    default: &str,
) -> Result<String, ConfigError> {
    let value = non_empty(key, value, default)?;
    let legal = value.len() <= 249
        && value != "."
        && value != ".."
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_' || b == b'-');
    if !legal {
        return Err(invalid(key, format!("{value:?} is not a legal Kafka topic name ([a-zA-Z0-9._-], at most 249 characters)")));
    }
    Ok(value)
}

fn validate_brokers(brokers: &str) -> Result<String, ConfigError> {
    let list: Vec<&str> = brokers
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if list.is_empty() {
        return Err(invalid("brokers", "empty broker list"));
    }
    for broker in &list {
        // Accept `host:port` and `PROTOCOL://host:port` as librdkafka does.
        let address = broker.rsplit("://").next().unwrap_or(broker);
        let Some((host, port)) = address.rsplit_once(':') else {
            return Err(invalid(
                "brokers",
                format!("{broker:?} has no port (expected host:port)"),
            ));
        };
        if host.is_empty() || port.parse::<u16>().map_or(true, |p| p == 0) {
            return Err(invalid("brokers", format!("{broker:?} is not host:port")));
        }
    }
    Ok(list.join(","))
}

fn parse_property(raw: &str) -> Result<(String, String), ConfigError> {
    let Some((key, value)) = raw.split_once('=') else {
        return Err(invalid(
            "kafka_property",
            format!("{:?} is not key=value", redact_raw(raw)),
        ));
    };
    let key = key.trim();
    if key.is_empty() {
        return Err(invalid("kafka_property", "empty property name"));
    }
    if key == "group.id" || key == "transactional.id" || key == "bootstrap.servers" {
        return Err(invalid(
            "kafka_property",
            format!("{key} is set by its own option (--group-id, --transactional-id, --brokers)"),
        ));
    }
    if key == "enable.auto.commit" || key == "enable.auto.offset.store" {
        return Err(invalid("kafka_property", format!("{key} is managed by the worker: offsets are committed only after their output is delivered")));
    }
    Ok((key.to_owned(), value.to_owned()))
}

/// librdkafka properties that hold secrets: never logged.
pub fn is_secret(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    [
        "password",
        "secret",
        "ssl.key.pem",
        "ssl_key",
        "keystore",
        "sasl.oauthbearer.config",
        "sasl.jaas",
    ]
    .iter()
    .any(|marker| key.contains(marker))
}

fn redact_raw(raw: &str) -> String {
    if is_secret(raw) {
        "[redacted]".to_owned()
    } else {
        raw.to_owned()
    }
}

fn hostname() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .filter(|h| !h.is_empty())
        .or_else(|| std::fs::read_to_string("/proc/sys/kernel/hostname").ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "localhost".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        worker: WorkerArgs,
    }

    fn args(list: &[&str]) -> WorkerArgs {
        let mut argv = vec!["worker"];
        argv.extend_from_slice(list);
        Cli::try_parse_from(argv).expect("parses").worker
    }

    fn resolve(list: &[&str]) -> Result<Settings, ConfigError> {
        Settings::resolve(&args(list), &FileConfig::default(), StageDefaults::CLEAN)
    }

    fn key_of(err: ConfigError) -> &'static str {
        match err {
            ConfigError::Invalid { key, .. } => key,
            other => panic!("expected an invalid key, got {other}"),
        }
    }

    #[test]
    fn defaults_come_from_the_stage() {
        let s = resolve(&["--brokers", "127.0.0.1:9092"]).unwrap();
        assert_eq!(s.group_id, "newsflow-cleaner");
        assert_eq!(s.input_topic, "news.raw");
        assert_eq!(s.output_topic, "news.cleaned");
        assert_eq!(s.dlq_topic, "news.dlq");
        assert_eq!(s.max_in_flight, 1000);
        assert_eq!(s.shutdown_timeout, Duration::from_secs(30));
        assert_eq!(s.http_addr, "0.0.0.0:9464".parse().unwrap());
        assert!(!s.exactly_once);
        assert!(s.transactional_id.starts_with("newsflow-cleaner-"));
        assert_eq!(s.log_format, LogFormat::Json);
        let c = Settings::resolve(
            &args(&["--brokers", "b:1"]),
            &FileConfig::default(),
            StageDefaults::CLASSIFY,
        )
        .unwrap();
        assert_eq!(
            (c.input_topic.as_str(), c.output_topic.as_str()),
            ("news.cleaned", "news.enriched")
        );
    }

    #[test]
    fn missing_or_empty_brokers_are_rejected() {
        assert_eq!(key_of(resolve(&[]).unwrap_err()), "brokers");
        assert_eq!(key_of(resolve(&["--brokers", ""]).unwrap_err()), "brokers");
        assert_eq!(
            key_of(resolve(&["--brokers", " , "]).unwrap_err()),
            "brokers"
        );
        assert_eq!(
            key_of(resolve(&["--brokers", "localhost"]).unwrap_err()),
            "brokers"
        );
        assert_eq!(
            key_of(resolve(&["--brokers", "localhost:0"]).unwrap_err()),
            "brokers"
        );
        assert!(resolve(&["--brokers", "a:9092, SSL://b:9093"]).is_ok());
    }

    #[test]
    fn invalid_values_name_their_key() {
        let cases: &[(&[&str], &str)] = &[
            (&["--parallelism", "0"], "parallelism"),
            (&["--max-in-flight", "0"], "max_in_flight"),
            (&["--shutdown-timeout", "0"], "shutdown_timeout"),
            (&["--http-addr", "localhost"], "http_addr"),
            (&["--log-format", "yaml"], "log_format"),
            (&["--input-topic", "bad topic"], "input_topic"),
            (&["--output-topic", "news.raw"], "output_topic"),
            (&["--dlq-topic", "news.raw"], "dlq_topic"),
            (&["--kafka-property", "acks"], "kafka_property"),
            (&["--kafka-property", "group.id=x"], "kafka_property"),
            (&["--transactional-id", " "], "transactional_id"),
            (&["--group-id", ""], "group_id"),
            (&["--batch-size", "0"], "batch_size"),
            (&["--linger-ms", "1000000"], "linger_ms"),
        ];
        for (extra, key) in cases {
            let mut list = vec!["--brokers", "127.0.0.1:9092"];
            list.extend_from_slice(extra);
            let err = resolve(&list).expect_err(key);
            assert_eq!(key_of(err), *key, "{extra:?}");
        }
    }

    #[test]
    fn flags_override_the_file_which_overrides_defaults() {
        let file: FileConfig = toml::from_str(
            r#"
            brokers = "file:9092"
            group_id = "from-file"
            max_in_flight = 50
            exactly_once = true
            kafka_property = ["compression.type=lz4", "sasl.password=hunter2"]
            "#,
        )
        .unwrap();
        let cli = args(&[
            "--group-id",
            "from-flag",
            "--kafka-property",
            "compression.type=zstd",
            "--exactly-once=false",
        ]);
        let s = Settings::resolve(&cli, &file, StageDefaults::CLEAN).unwrap();
        assert_eq!(s.brokers, "file:9092");
        assert_eq!(s.group_id, "from-flag");
        assert_eq!(s.max_in_flight, 50);
        assert!(!s.exactly_once);
        // Later entries win when the client config is built: the flag's zstd.
        assert_eq!(
            s.kafka_properties.last().unwrap(),
            &("compression.type".to_owned(), "zstd".to_owned())
        );
        let shown = format!("{:?}", s.redacted_properties());
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("[redacted]"));
    }

    #[test]
    fn exactly_once_flag_needs_no_value() {
        let s = resolve(&["--brokers", "b:1", "--exactly-once"]).unwrap();
        assert!(s.exactly_once);
        let s = resolve(&[
            "--exactly-once",
            "--transactional-id",
            "t-1",
            "--brokers",
            "b:1",
        ])
        .unwrap();
        assert!(s.exactly_once);
        assert_eq!(s.transactional_id, "t-1");
    }

    #[test]
    fn unknown_file_keys_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("worker.toml");
        std::fs::write(&path, "brokers = \"b:1\"\nmax_inflight = 3\n").unwrap();
        let err = read_file_config(Some(&path)).unwrap_err();
        assert!(
            matches!(&err, ConfigError::FileSyntax { message, .. } if message.contains("max_inflight")),
            "{err}"
        );
        std::fs::write(&path, "brokers = 3\n").unwrap();
        assert!(matches!(
            read_file_config(Some(&path)),
            Err(ConfigError::FileSyntax { .. })
        ));
        assert!(matches!(
            read_file_config(Some(&dir.path().join("absent.toml"))),
            Err(ConfigError::File { .. })
        ));
    }

    #[test]
    fn secrets_are_recognised() {
        for key in [
            "sasl.password",
            "ssl.key.password",
            "ssl.keystore.password",
            "sasl.oauthbearer.client.secret",
            "ssl.key.pem",
        ] {
            assert!(is_secret(key), "{key}");
        }
        for key in ["security.protocol", "sasl.mechanism", "compression.type"] {
            assert!(!is_secret(key), "{key}");
        }
        let err = resolve(&["--brokers", "b:1", "--kafka-property", "sasl.password"]).unwrap_err();
        assert!(!err.to_string().contains("sasl.password"), "{err}");
    }
}
