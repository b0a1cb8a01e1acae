//! What /healthz and /readyz report, shared between the poll thread, the
//! producer's callbacks and the HTTP server.

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The poll loop is considered stuck when it has not turned for this long.
/// Well above the longest legitimate pause (a revoke waiting for work, a
/// transaction commit), well below librdkafka's max.poll.interval.ms.
pub const STALL_AFTER: Duration = Duration::from_secs(90);

#[derive(Debug)]
pub struct Health {
    started: Instant,
    /// Milliseconds since `started` at the poll loop's last turn.
    last_beat_ms: AtomicU64,
    assigned: AtomicUsize,
    producer_connected: AtomicBool,
}

impl Default for Health {
    fn default() -> Self {
        Health {
            started: Instant::now(),
            last_beat_ms: AtomicU64::new(0),
            assigned: AtomicUsize::new(0),
            producer_connected: AtomicBool::new(false),
        }
    }
}

impl Health {
    pub fn beat(&self) {
        let now = self.started.elapsed().as_millis() as u64;
        self.last_beat_ms.store(now, Ordering::Relaxed);
    }

    pub fn set_assigned(&self, partitions: usize) {
        self.assigned.store(partitions, Ordering::Relaxed);
    }

    pub fn set_producer_connected(&self, connected: bool) {
        self.producer_connected.store(connected, Ordering::Relaxed);
    }

    /// Alive: the poll loop turned recently.
    pub fn is_live(&self) -> bool {
        let now = self.started.elapsed().as_millis() as u64;
        let last = self.last_beat_ms.load(Ordering::Relaxed);
        now.saturating_sub(last) < STALL_AFTER.as_millis() as u64
    }

    /// Ready: partitions assigned and the producer reaches a broker.
    pub fn is_ready(&self) -> bool {
        self.is_live()
            && self.assigned.load(Ordering::Relaxed) > 0
            && self.producer_connected.load(Ordering::Relaxed)
    }

    pub fn assigned(&self) -> usize {
        self.assigned.load(Ordering::Relaxed)
    }

    pub fn producer_connected(&self) -> bool {
        self.producer_connected.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ready_needs_partitions_and_a_connected_producer() {
        let health = Health::default();
        health.beat();
        assert!(health.is_live());
        assert!(!health.is_ready());
        health.set_assigned(3);
        assert!(!health.is_ready());
        health.set_producer_connected(true);
        assert!(health.is_ready());
        health.set_assigned(0);
        assert!(!health.is_ready(), "revoked everything");
    }
}
