//! Stamps the git commit into the binary for `newsflow_build_info`.
//! `NEWSFLOW_GIT_SHA` wins (container builds without .git), then `git`.
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=NEWSFLOW_GIT_SHA");
    println!("cargo:rerun-if-changed=../../.git/HEAD");
    println!("cargo:rerun-if-changed=../../.git/refs/heads");
    let sha = std::env::var("NEWSFLOW_GIT_SHA")
        .ok()
        .filter(|s| !s.is_empty())
        .or_else(|| {
            let out = Command::new("git")
                .args(["rev-parse", "--short=12", "HEAD"])
                .output()
                .ok()?;
            out.status
                .success()
                .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned());
    println!("cargo:rustc-env=NEWSFLOW_GIT_SHA={sha}");
}
