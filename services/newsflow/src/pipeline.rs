//! The two stages chained, as `newsflow run` and `newsflow eval` use them.
//! The workers run the same two calls, one per binary.

use anyhow::Context as _;
use newsflow_classify::Classifier;
use newsflow_clean::CleanConfig;
use newsflow_proto::{EnrichedArticle, RawArticle, Reject};

pub struct Pipeline {
    pub clean: CleanConfig,
    pub classifier: Classifier,
}

impl Pipeline {
    pub fn new(clean: CleanConfig) -> anyhow::Result<Self> {
        let classifier = Classifier::new().context("loading the classifier data")?;
        Ok(Pipeline { clean, classifier })
    }

    /// One wire record (a JSONL line) through both stages.
    pub fn process_bytes(&self, bytes: &[u8]) -> Result<EnrichedArticle, Reject> {
        let cleaned = newsflow_clean::clean_bytes(bytes, &self.clean)?;
        Ok(self.classifier.classify(cleaned))
    }

    /// An already parsed raw article through both stages.
    pub fn process(&self, raw: RawArticle) -> Result<EnrichedArticle, Reject> {
        let cleaned = newsflow_clean::clean(raw, &self.clean)?;
        Ok(self.classifier.classify(cleaned))
    }
}
