//! Shared harness for the cross-service tests (issue 5).
