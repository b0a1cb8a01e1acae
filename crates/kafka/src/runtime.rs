//! The worker's life, top to bottom: logs, build info, metrics, Kafka
//! clients, HTTP endpoint, transactions, subscribe, poll thread, wait for a
//! signal, drain within the deadline, exit.

use crate::config::{ConfigError, Settings, EXIT_CONFIG};
use crate::coordinator::{
    Coordinator, PollLoop, PollOutcome, ProducerContext, WorkerConsumer, WorkerContext,
};
use crate::events::Event;
use crate::health::Health;
use crate::lane::{LaneShared, Producer};
use crate::{telemetry, Stage};
use rdkafka::config::ClientConfig;
use rdkafka::consumer::Consumer;
use rdkafka::producer::Producer as _;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Exit code after a second signal (128 + SIGINT, as shells report it).
pub const EXIT_SECOND_SIGNAL: i32 = 130;

/// Parses the command line, turning clap's usage errors into exit code 64
/// (help and version still exit 0).
pub fn parse_cli<P: clap::Parser>() -> P {
    match P::try_parse() {
        Ok(parsed) => parsed,
        Err(error) => {
            let usage = error.use_stderr();
            let _ = error.print();
            if usage {
                std::process::exit(EXIT_CONFIG as i32);
            }
            std::process::exit(0);
        }
    }
}

/// Reports a configuration error the way every worker does.
pub fn exit_config_error(program: &str, error: &ConfigError) -> ExitCode {
    eprintln!("{program}: configuration error: {error}");
    ExitCode::from(EXIT_CONFIG)
}

enum Failure {
    /// The configuration was accepted by our checks but not by librdkafka.
    Config(String),
    Runtime(String),
}

/// Runs a worker until SIGTERM/SIGINT (exit 0 after draining) or a fatal
/// error (exit 1). Configuration that librdkafka rejects exits 64.
pub fn run(program: &str, settings: Settings, stage: impl Stage) -> ExitCode {
    telemetry::init_logs(settings.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("newsflow-io")
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("{program}: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(serve(settings, Arc::new(stage)));
    // Lanes still waiting for the pool or the producer are abandoned: their
    // offsets were not committed.
    runtime.shutdown_timeout(Duration::from_secs(1));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Config(message)) => {
            tracing::error!(error = %message, "configuration rejected");
            eprintln!("{program}: configuration error: {message}");
            ExitCode::from(EXIT_CONFIG)
        }
        Err(Failure::Runtime(message)) => {
            tracing::error!(error = %message, "worker failed");
            ExitCode::FAILURE
        }
    }
}

async fn serve(settings: Settings, stage: Arc<dyn Stage>) -> Result<(), Failure> {
    // Build info and metrics first, so that every later event is counted.
    let metrics = telemetry::install_metrics(settings.stage).map_err(Failure::Runtime)?;
    crate::events::register_series(settings.stage);
    Event::BuildInfo {
        version: env!("CARGO_PKG_VERSION"),
        git_sha: env!("NEWSFLOW_GIT_SHA"),
    }
    .emit();
    Event::Configured {
        summary: summary(&settings),
    }
    .emit();
    let health = Arc::new(Health::default());
    health.beat();

    // Kafka clients: librdkafka validates the pass-through properties here.
    let producer: Producer = producer_config(&settings)
        .create_with_context(ProducerContext {
            health: health.clone(),
        })
        .map_err(|e| Failure::Config(format!("producer: {e}")))?;
    let consumer: WorkerConsumer = consumer_config(&settings)
        .create_with_context(WorkerContext::new(settings.input_topic.clone()))
        .map_err(|e| Failure::Config(format!("consumer: {e}")))?;

    // HTTP endpoint.
    let listener = tokio::net::TcpListener::bind(settings.http_addr)
        .await
        .map_err(|e| Failure::Runtime(format!("cannot listen on {}: {e}", settings.http_addr)))?;
    let http_addr = listener
        .local_addr()
        .map_or_else(|_| settings.http_addr.to_string(), |a| a.to_string());
    let (http_stop, http_stopped) = tokio::sync::oneshot::channel::<()>();
    let app = crate::http::router(crate::http::HttpState {
        health: health.clone(),
        metrics: metrics.clone(),
    });
    let http = tokio::spawn(async move {
        let _ = axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = http_stopped.await;
            })
            .await;
    });
    let upkeep = tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(5));
        loop {
            every.tick().await;
            metrics.run_upkeep();
        }
    });
    Event::Listening { http_addr }.emit();

    // Connectivity for /readyz: the producer's cluster answers a metadata
    // request (every 5 s, on the blocking pool: the call blocks).
    let probe = {
        let producer = producer.clone();
        let health = health.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(5));
            loop {
                every.tick().await;
                let producer = producer.clone();
                let reachable = tokio::task::spawn_blocking(move || {
                    producer
                        .client()
                        .fetch_metadata(None, Duration::from_secs(5))
                        .is_ok()
                })
                .await
                .unwrap_or(false);
                health.set_producer_connected(reachable);
            }
        })
    };

    if settings.exactly_once {
        let transactional = producer.clone();
        tokio::task::spawn_blocking(move || {
            transactional.init_transactions(Duration::from_secs(60))?;
            transactional.begin_transaction()
        })
        .await
        .map_err(|e| Failure::Runtime(format!("transactions: {e}")))?
        .map_err(|e| {
            Failure::Runtime(format!(
                "cannot start transactions (transactional id {}): {e}",
                settings.transactional_id
            ))
        })?;
    }

    consumer
        .subscribe(&[settings.input_topic.as_str()])
        .map_err(|e| {
            Failure::Runtime(format!("cannot subscribe to {}: {e}", settings.input_topic))
        })?;

    // The stage's pool and the lanes' shared parts.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(settings.parallelism)
        .thread_name(|i| format!("newsflow-stage-{i}"))
        .build()
        .map_err(|e| Failure::Runtime(format!("cannot start the stage pool: {e}")))?;
    let (ack_sender, acks) = crossbeam_channel::unbounded();
    let (fatal_sender, fatal) = crossbeam_channel::unbounded();
    let lane_shared = Arc::new(LaneShared {
        stage,
        stage_name: settings.stage,
        pool: Arc::new(pool),
        producer: producer.clone(),
        output_topic: settings.output_topic.clone(),
        dlq_topic: settings.dlq_topic.clone(),
        acks: ack_sender,
        transaction_gate: settings
            .exactly_once
            .then(|| Arc::new(tokio::sync::RwLock::new(()))),
        fatal: fatal_sender,
    });
    let coordinator = Coordinator::new(
        &settings,
        acks,
        lane_shared,
        tokio::runtime::Handle::current(),
        producer,
        health.clone(),
    );

    // The poll thread.
    let shutdown = Arc::new(AtomicBool::new(false));
    let (finished, mut poll_result) = tokio::sync::oneshot::channel();
    let poll_loop = PollLoop {
        consumer,
        shutdown: shutdown.clone(),
        fatal,
        shutdown_timeout: settings.shutdown_timeout,
    };
    std::thread::Builder::new()
        .name("newsflow-poll".to_owned())
        .spawn(move || {
            let _ = finished.send(poll_loop.run(coordinator));
        })
        .map_err(|e| Failure::Runtime(format!("cannot start the poll thread: {e}")))?;

    // Run until a signal, or until the poll loop stops by itself (fatal).
    let early = tokio::select! {
        signal = first_signal() => {
            Event::ShutdownRequested { signal }.emit();
            shutdown.store(true, Ordering::SeqCst);
            tokio::spawn(async {
                let _ = first_signal().await;
                eprintln!("second signal: exiting at once");
                std::process::exit(EXIT_SECOND_SIGNAL);
            });
            None
        }
        result = &mut poll_result => Some(result),
    };

    // Drain: the poll thread stops fetching, waits for the lanes, commits,
    // flushes and leaves the group within the deadline; a margin covers
    // leaving the group.
    let outcome = match early {
        Some(result) => result,
        None => match tokio::time::timeout(
            settings.shutdown_timeout + Duration::from_secs(15),
            &mut poll_result,
        )
        .await
        {
            Ok(result) => result,
            Err(_) => {
                upkeep.abort();
                probe.abort();
                return Err(Failure::Runtime(
                    "the poll thread did not stop within the shutdown deadline".to_owned(),
                ));
            }
        },
    };
    upkeep.abort();
    probe.abort();
    let _ = http_stop.send(());
    let _ = http.await;
    match outcome {
        Ok(Ok(PollOutcome { drained, in_flight })) => {
            Event::ShutdownComplete { drained, in_flight }.emit();
            Ok(())
        }
        Ok(Err(error)) => Err(Failure::Runtime(error.to_string())),
        Err(_) => Err(Failure::Runtime("the poll thread panicked".to_owned())),
    }
}

/// Resolves on SIGTERM or SIGINT; returns the signal's name.
async fn first_signal() -> &'static str {
    use tokio::signal::unix::{signal, SignalKind};
    let mut terminate = match signal(SignalKind::terminate()) {
        Ok(s) => s,
        Err(_) => {
            let _ = tokio::signal::ctrl_c().await;
            return "SIGINT";
        }
    };
    let mut interrupt = match signal(SignalKind::interrupt()) {
        Ok(s) => s,
        Err(_) => {
            terminate.recv().await;
            return "SIGTERM";
        }
    };
    tokio::select! {
        _ = terminate.recv() => "SIGTERM",
        _ = interrupt.recv() => "SIGINT",
    }
}

fn summary(settings: &Settings) -> String {
    let properties: Vec<String> = settings
        .redacted_properties()
        .into_iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    format!(
        "brokers={} group_id={} input_topic={} output_topic={} dlq_topic={} parallelism={} max_in_flight={} exactly_once={} shutdown_timeout={}s kafka_property=[{}]",
        settings.brokers,
        settings.group_id,
        settings.input_topic,
        settings.output_topic,
        settings.dlq_topic,
        settings.parallelism,
        settings.max_in_flight,
        settings.exactly_once,
        settings.shutdown_timeout.as_secs(),
        properties.join(",")
    )
}

fn client_id(settings: &Settings) -> String {
    format!("newsflow-{}", settings.stage.as_str())
}

/// The producer: idempotent, acks from all replicas, compressed; the
/// pass-through comes last so operators can tune anything we did not fix.
pub fn producer_config(settings: &Settings) -> ClientConfig {
    let mut config = ClientConfig::new();
    config
        .set("bootstrap.servers", &settings.brokers)
        .set("client.id", client_id(settings))
        .set("enable.idempotence", "true")
        .set("acks", "all")
        .set("compression.type", "zstd")
        .set("statistics.interval.ms", "5000");
    if let Some(linger) = settings.linger_ms {
        config.set("linger.ms", linger.to_string());
    }
    if let Some(batch) = settings.batch_size {
        config.set("batch.num.messages", batch.to_string());
    }
    if settings.exactly_once {
        config.set("transactional.id", &settings.transactional_id);
    }
    for (key, value) in &settings.kafka_properties {
        config.set(key, value);
    }
    config
}

/// The consumer: offsets stored and committed only by the runtime, from the
/// earliest record when the group has no position, reading only committed
/// transactions.
pub fn consumer_config(settings: &Settings) -> ClientConfig {
    let mut config = ClientConfig::new();
    config
        .set("bootstrap.servers", &settings.brokers)
        .set("client.id", client_id(settings))
        .set("group.id", &settings.group_id)
        .set("auto.offset.reset", "earliest")
        .set("isolation.level", "read_committed")
        .set("enable.partition.eof", "false")
        .set("statistics.interval.ms", "5000");
    for (key, value) in &settings.kafka_properties {
        config.set(key, value);
    }
    // Not overridable (the config check refuses them): the guarantees rest
    // on these.
    config
        .set("enable.auto.commit", "false")
        .set("enable.auto.offset.store", "false");
    config
}
