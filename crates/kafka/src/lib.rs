//! The Kafka worker runtime (see issue 5): consume, run a stage on a CPU pool,
//! produce, store offsets in order. No stage logic lives here.
