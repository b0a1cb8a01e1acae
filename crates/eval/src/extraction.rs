//! Scoring HTML article extraction on a directory laid out like the
//! article-extraction benchmark: `html/<key>.html.gz` pages and
//! `ground-truth.json` mapping each key to `{ "articleBody": ... }`.

use crate::shingles::{aggregate, match_shingles, ShingleMatch, ShingleScores};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One benchmark page with its expected body.
#[derive(Debug, Clone)]
pub struct Page {
    pub key: String,
    pub url: Option<String>,
    pub html: String,
    pub expected_body: String,
}

#[derive(Debug, Deserialize)]
struct Truth {
    #[serde(rename = "articleBody", default)]
    article_body: String,
    #[serde(default)]
    url: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a ground-truth map: {source}")]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
}

/// Loads every page named in `ground-truth.json`, in key order. Pages are
/// decoded as UTF-8 with lossy replacement (the benchmark's pages are UTF-8).
pub fn load_dir(dir: &Path) -> Result<Vec<Page>, LoadError> {
    let truth_path = dir.join("ground-truth.json");
    let text = std::fs::read_to_string(&truth_path).map_err(|source| LoadError::Io {
        path: truth_path.clone(),
        source,
    })?;
    let truth: BTreeMap<String, Truth> =
        serde_json::from_str(&text).map_err(|source| LoadError::Json {
            path: truth_path.clone(),
            source,
        })?;
    let mut pages = Vec::with_capacity(truth.len());
    for (key, t) in truth {
        let path = dir.join("html").join(format!("{key}.html.gz"));
        let html = read_gz(&path).map_err(|source| LoadError::Io {
            path: path.clone(),
            source,
        })?;
        pages.push(Page {
            key,
            url: t.url,
            html: String::from_utf8_lossy(&html).into_owned(),
            expected_body: t.article_body,
        });
    }
    Ok(pages)
}

fn read_gz(path: &Path) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// One page's score, kept so reports can list the worst pages.
#[derive(Debug, Clone, Serialize)]
pub struct PageScore {
    pub key: String,
    pub url: Option<String>,
    pub precision: f64,
    pub recall: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExtractionReport {
    pub scores: ShingleScores,
    /// Pages sorted worst first by F1.
    pub pages: Vec<PageScore>,
}

/// Scores predicted bodies (one per page, same order as `pages`); `None`
/// means the extractor produced nothing (scored as an empty body).
pub fn score(pages: &[Page], predicted: &[Option<String>]) -> ExtractionReport {
    debug_assert_eq!(pages.len(), predicted.len());
    let mut matches: Vec<ShingleMatch> = Vec::with_capacity(pages.len());
    let mut per_page = Vec::with_capacity(pages.len());
    for (page, pred) in pages.iter().zip(predicted) {
        let m = match_shingles(&page.expected_body, pred.as_deref().unwrap_or(""));
        per_page.push(PageScore {
            key: page.key.clone(),
            url: page.url.clone(),
            precision: m.precision(),
            recall: m.recall(),
        });
        matches.push(m);
    }
    let f1 = |p: &PageScore| {
        if p.precision + p.recall == 0.0 {
            0.0
        } else {
            2.0 * p.precision * p.recall / (p.precision + p.recall)
        }
    };
    per_page.sort_by(|a, b| f1(a).total_cmp(&f1(b)));
    ExtractionReport {
        scores: aggregate(&matches),
        pages: per_page,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn loads_a_benchmark_dir_and_scores_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(dir.path().join("html")).expect("mkdir");
        let truth = r#"{"k1": {"articleBody": "one two three four five", "url": "http://x"}}"#;
        std::fs::write(dir.path().join("ground-truth.json"), truth).expect("write");
        let file = std::fs::File::create(dir.path().join("html/k1.html.gz")).expect("create");
        let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::default());
        gz.write_all(b"<p>one two three four five</p>").expect("gz");
        gz.finish().expect("finish");

        let pages = load_dir(dir.path()).expect("load");
        assert_eq!(pages.len(), 1);
        assert!(pages[0].html.contains("<p>"));
        let report = score(&pages, &[Some("one two three four five".into())]);
        assert_eq!(report.scores.f1, 1.0);
        let report = score(&pages, &[None]);
        assert_eq!(report.scores.recall, 0.0);
    }
}
