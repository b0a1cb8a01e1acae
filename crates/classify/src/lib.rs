//! The classify stage: a [`CleanedArticle`] in, an [`EnrichedArticle`] out.
//!
//! Pure logic over data compiled into the binary (taxonomy rules and the
//! gazetteer under `data/`), so a worker container needs no files at run time.

use newsflow_proto::{CleanedArticle, EnrichedArticle, PipelineInfo};

/// Why the embedded data could not be compiled into matchers. Raised once at
/// start-up, never per article.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("invalid classifier data in {file}: {message}")]
    Data { file: &'static str, message: String },
}

/// The compiled classifier; build it once and share it between threads.
#[derive(Debug)]
pub struct Classifier {
    pipeline: PipelineInfo,
}

impl Classifier {
    /// Compiles the embedded taxonomy and gazetteer.
    pub fn new() -> Result<Self, LoadError> {
        Ok(Classifier {
            pipeline: PipelineInfo {
                code: format!(
                    "newsflow {} ({})",
                    env!("CARGO_PKG_VERSION"),
                    newsflow_proto::CONTRACT
                ),
                taxonomy: "none".into(),
                gazetteer: "none".into(),
            },
        })
    }

    /// Versions stamped into every record.
    pub fn pipeline(&self) -> &PipelineInfo {
        &self.pipeline
    }

    pub fn classify(&self, article: CleanedArticle) -> EnrichedArticle {
        EnrichedArticle {
            id: article.id,
            url: article.url,
            source: article.source,
            published_at: article.published_at,
            title: article.title,
            body: article.body,
            language: article.language,
            agencies: article.agencies,
            topics: Vec::new(),
            countries: Vec::new(),
            primary_country: None,
            regions: Vec::new(),
            pipeline: self.pipeline.clone(),
        }
    }
}
