//! `newsflow run` as an operator runs it: a file with good and bad lines,
//! rejects to a dead-letter file, a summary that accounts for every line.

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::Command;

fn newsflow() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsflow"))
}

fn read_jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .expect("readable output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

/// `newsflow eval --json` with extra arguments: the report, after checking
/// the command succeeded.
fn eval_json(labelled: &Path, extra: &[&str]) -> Value {
    let out = newsflow()
        .args(["eval", "--json"])
        .args(extra)
        .arg(labelled)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

fn good(id: &str, body: &str) -> String {
    serde_json::json!({"id": id, "title": "Talks in Rabat", "body": body}).to_string()
}

#[test]
fn run_dead_letters_every_kind_of_bad_line_and_keeps_the_count() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("in.jsonl");
    let oversized = serde_json::json!({"id": "big", "body": "word ".repeat(400)}).to_string();
    let mut file = std::fs::File::create(&input).expect("create input");
    let lines: Vec<Vec<u8>> = vec![
        good("g1", "Ministers met in Rabat on Tuesday to discuss border security.").into_bytes(),
        b"this is not json".to_vec(),
        b"[\"an\", \"array\"]".to_vec(),
        br#"{"id":"no-body","title":"t"}"#.to_vec(),
        br#"{"id":"empty","body":"   "}"#.to_vec(),
        b"{\"id\":\"latin1\",\"body\":\"caf\xe9\"}".to_vec(),
        oversized.into_bytes(),
        br#"{"id":"markup","body":"<html><body><div><span></span></div></body></html>","content_type":"text/html"}"#.to_vec(),
        Vec::new(), // a blank line is not a record
        good("g2", "Le ministre a rencontre son homologue a Alger pour parler de la frontiere.").into_bytes(),
    ];
    for line in &lines {
        file.write_all(line).expect("write");
        file.write_all(b"\n").expect("write");
    }
    drop(file);

    let output = dir.path().join("out.jsonl");
    let rejects = dir.path().join("rejects.jsonl");
    let summary = dir.path().join("summary.json");
    let status = newsflow()
        .args(["run", "--max-bytes", "1000", "--threads", "2", "--quiet"])
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .arg("--rejects")
        .arg(&rejects)
        .arg("--summary-json")
        .arg(&summary)
        .status()
        .expect("newsflow runs");
    assert!(status.success(), "bad lines must not fail the run");

    let out = read_jsonl(&output);
    let ids: Vec<&str> = out.iter().map(|a| a["id"].as_str().expect("id")).collect();
    assert_eq!(ids, ["g1", "g2"], "good lines come out in input order");

    let dead = read_jsonl(&rejects);
    let reasons: Vec<(&str, u64)> = dead
        .iter()
        .map(|d| {
            let line = d["line"].as_str().expect("line as proto3 int64 string");
            (
                d["reason"].as_str().expect("reason"),
                line.parse().expect("number"),
            )
        })
        .collect();
    assert_eq!(
        reasons,
        [
            ("not_json", 2),
            ("not_object", 3),
            ("missing_body", 4),
            ("empty_body", 5),
            ("invalid_utf8", 6),
            ("too_large", 7),
            ("markup_only", 8),
        ]
    );
    for d in &dead {
        assert_eq!(d["stage"], "clean");
        assert!(!d["message"].as_str().expect("message").is_empty());
    }
    let latin1 = &dead[4];
    assert_eq!(
        latin1["payload_encoding"], "base64",
        "non-UTF-8 bytes are kept intact"
    );

    let summary: Value =
        serde_json::from_str(&std::fs::read_to_string(&summary).expect("summary")).expect("json");
    assert_eq!(summary["lines_in"], 10);
    assert_eq!(summary["blank_lines"], 1);
    assert_eq!(summary["articles_out"], 2);
    assert_eq!(summary["rejected"], 7);
    assert_eq!(summary["rejected_by_reason"]["too_large"], 1);
}

#[test]
fn run_reads_gzip_and_stdin_alike() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gz = dir.path().join("in.jsonl.gz");
    let mut encoder = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).expect("create"),
        flate2::Compression::fast(),
    );
    for i in 0..50 {
        writeln!(
            encoder,
            "{}",
            good(&format!("a{i}"), "A story about the economy.")
        )
        .expect("write");
    }
    encoder.finish().expect("finish gzip");
    let from_file = newsflow()
        .args(["run", "--quiet"])
        .arg(&gz)
        .output()
        .expect("runs");
    assert!(from_file.status.success());

    let plain: Vec<u8> = (0..50)
        .flat_map(|i| (good(&format!("a{i}"), "A story about the economy.") + "\n").into_bytes())
        .collect();
    let mut child = newsflow()
        .args(["run", "--quiet", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawns");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&plain)
        .expect("feed stdin");
    let from_stdin = child.wait_with_output().expect("finishes");
    assert!(from_stdin.status.success());
    assert_eq!(from_file.stdout, from_stdin.stdout);
    assert_eq!(
        String::from_utf8_lossy(&from_file.stdout).lines().count(),
        50
    );
}

#[test]
fn eval_prints_metrics_as_json() {
    let dir = tempfile::tempdir().expect("temp dir");
    let labelled = dir.path().join("labelled.jsonl");
    std::fs::write(
        &labelled,
        r#"{"id":"x","lang":"en","title":"Talks","text":"Ministers met for talks.","gold":{"topics":{"security":false,"diplomacy":true,"politics":false,"economy":false,"migration":false},"countries_mentioned":[],"primary_country":null,"regions_mentioned":[]}}"#,
    )
    .expect("write");
    let report = eval_json(&labelled, &[]);
    assert_eq!(report["articles"], 1);
    assert_eq!(report["overall"]["language_accuracy"], 1.0);
    assert!(report["overall"]["topics"]["diplomacy"]["f1"].is_number());
    // One language: no gap to report.
    assert_eq!(report["language_gaps"], serde_json::json!({}));
}

#[test]
fn eval_reports_language_gaps_with_intervals() {
    let dir = tempfile::tempdir().expect("temp dir");
    let labelled = dir.path().join("labelled.jsonl");
    let article = |id: &str, lang: &str, title: &str, text: &str| {
        format!(
            r#"{{"id":"{id}","lang":"{lang}","title":"{title}","text":"{text}","gold":{{"topics":{{"security":false,"diplomacy":true,"politics":false,"economy":false,"migration":false}},"countries_mentioned":[],"primary_country":null,"regions_mentioned":[]}}}}"#
        )
    };
    let lines = [
        article(
            "en-1",
            "en",
            "Foreign ministers hold talks on the ceasefire",
            "The foreign ministers of both countries held talks on a ceasefire and signed a memorandum at the summit.",
        ),
        article(
            "fr-1",
            "fr",
            "Les ministres des Affaires étrangères se rencontrent",
            "Les ministres des Affaires étrangères ont tenu des pourparlers et signé un accord lors du sommet.",
        ),
    ];
    std::fs::write(&labelled, lines.join("\n")).expect("write");
    let report = eval_json(&labelled, &["--draws", "500"]);
    let gap = &report["language_gaps"]["diplomacy"];
    assert_eq!(gap["draws"], 500);
    let p = gap["p_behind"].as_f64().expect("a probability");
    assert!((0.0..=1.0).contains(&p), "{gap}");
    for lang in ["en", "fr"] {
        let f1 = &gap["by_language"][lang];
        let (low, high) = (f1["low"].as_f64(), f1["high"].as_f64());
        let (Some(low), Some(high)) = (low, high) else {
            panic!("no interval for {lang}: {gap}");
        };
        assert!(0.0 <= low && low <= high && high <= 1.0, "{gap}");
        assert_eq!(f1["support"], 1);
    }
    let text = newsflow()
        .args(["eval", "--draws", "500"])
        .arg(&labelled)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("language gaps"), "{text}");
    assert!(
        text.contains("P(") && text.contains("more than 0.05 behind"),
        "{text}"
    );
}
