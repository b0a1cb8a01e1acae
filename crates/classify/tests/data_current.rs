//! The generated data under data/ matches what data/build.py makes from the
//! shared sources. Skips (with a message) where the sources or Python are absent.

use std::path::Path;
use std::process::Command;

#[test]
fn generated_data_is_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let source = root.join("../shared/data");
    if !source.join("gazetteer").is_dir() {
        eprintln!("skipped: {} not present", source.display());
        return;
    }
    let status = match Command::new("python3")
        .arg(root.join("data/build.py"))
        .arg("--check")
        .arg("--source")
        .arg(&source)
        .status()
    {
        Ok(status) => status,
        Err(e) => {
            eprintln!("skipped: cannot run python3: {e}");
            return;
        }
    };
    assert!(
        status.success(),
        "data/ is stale: run python3 data/build.py"
    );
}
