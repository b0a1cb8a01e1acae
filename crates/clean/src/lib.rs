//! The clean stage: turns the bytes of a raw article into a [`CleanedArticle`]
//! or a [`Reject`] with a reason code.
//!
//! Pure logic: no Kafka, no files, no clocks, so that `newsflow run`, the
//! cleaner worker and the tests all run exactly the same code.

use newsflow_proto::{CleanedArticle, RawArticle, Reject, RejectReason};

/// Limits applied before any parsing, so a hostile record costs little.
#[derive(Debug, Clone)]
pub struct CleanConfig {
    /// Records larger than this many bytes are rejected as `too_large`.
    pub max_bytes: usize,
}

/// 2 MiB: larger than any real article page, small enough to bound memory.
pub const DEFAULT_MAX_BYTES: usize = 2 * 1024 * 1024;

impl Default for CleanConfig {
    fn default() -> Self {
        CleanConfig {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Parses and cleans one record as it arrives on the wire (one JSONL line or
/// one Kafka value).
pub fn clean_bytes(bytes: &[u8], config: &CleanConfig) -> Result<CleanedArticle, Reject> {
    if bytes.len() > config.max_bytes {
        return Err(Reject::new(
            RejectReason::TooLarge,
            format!(
                "record is {} bytes, over the limit of {} bytes",
                bytes.len(),
                config.max_bytes
            ),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Reject::new(
            RejectReason::InvalidUtf8,
            format!("record is not UTF-8: {e}"),
        )
    })?;
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| Reject::new(RejectReason::NotJson, format!("record is not JSON: {e}")))?;
    if !value.is_object() {
        return Err(Reject::new(
            RejectReason::NotObject,
            format!(
                "record is JSON but not an object (found {})",
                json_kind(&value)
            ),
        ));
    }
    let id_hint = value.get("id").and_then(|v| v.as_str()).map(str::to_owned);
    let raw: RawArticle = serde_json::from_value(value).map_err(|e| {
        Reject::new(
            RejectReason::InvalidRecord,
            format!("record does not fit RawArticle: {e}"),
        )
        .with_id(id_hint)
    })?;
    clean(raw, config)
}

fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Cleans one parsed raw article.
pub fn clean(raw: RawArticle, _config: &CleanConfig) -> Result<CleanedArticle, Reject> {
    let Some(body) = raw.body.as_deref() else {
        return Err(
            Reject::new(RejectReason::MissingBody, "record has no body field")
                .with_id(raw.id.clone()),
        );
    };
    let id = raw.id.clone().unwrap_or_else(|| {
        newsflow_proto::derived_id(raw.url.as_deref(), raw.title.as_deref(), body)
    });
    if body.trim().is_empty() {
        return Err(Reject::new(RejectReason::EmptyBody, "body is empty").with_id(Some(id)));
    }
    let is_html = match raw.content_type.as_deref() {
        Some(ct) => ct.contains("html"),
        None => body.trim_start().starts_with('<'),
    };
    let text = if is_html {
        strip_tags(body)
    } else {
        body.to_owned()
    };
    let body = normalise(&text);
    if body.is_empty() {
        return Err(
            Reject::new(RejectReason::MarkupOnly, "body has markup but no text").with_id(Some(id)),
        );
    }
    let title = normalise(raw.title.as_deref().unwrap_or(""));
    let language = script_language(&format!("{title}\n{body}")).to_owned();
    Ok(CleanedArticle {
        id,
        url: raw.url,
        source: raw.source,
        published_at: raw.published_at,
        title,
        body,
        language,
        agencies: Vec::new(),
        dateline: None,
    })
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => {
                in_tag = true;
                out.push('\n');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// NFC, spaces collapsed, paragraphs separated by one blank line.
fn normalise(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let nfc: String = text.nfc().collect();
    let paragraphs: Vec<String> = nfc
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect();
    paragraphs.join("\n\n")
}

/// Arabic script wins when it holds most letters; otherwise French or English
/// by their commonest function words.
fn script_language(text: &str) -> &'static str {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for ch in text.chars() {
        if ('\u{0600}'..='\u{06FF}').contains(&ch) {
            arabic += 1;
        } else if ch.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&ch) {
            latin += 1;
        }
    }
    if arabic == 0 && latin == 0 {
        return "und";
    }
    if arabic >= latin {
        return "ar";
    }
    let lower = text.to_lowercase();
    let count = |words: &[&str]| -> usize {
        lower
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| words.contains(w))
            .count()
    };
    let french = count(&[
        "le", "la", "les", "des", "est", "une", "du", "et", "dans", "pour",
    ]);
    let english = count(&[
        "the", "of", "and", "to", "is", "in", "for", "that", "was", "with",
    ]);
    if french > english {
        "fr"
    } else {
        "en"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(bytes: &[u8]) -> RejectReason {
        clean_bytes(bytes, &CleanConfig::default())
            .expect_err("should reject")
            .reason
    }

    #[test]
    fn rejects_each_kind_of_bad_input_with_its_reason() {
        assert_eq!(reason(b"not json"), RejectReason::NotJson);
        assert_eq!(reason(b"[1,2]"), RejectReason::NotObject);
        assert_eq!(reason(b"{\"body\":\"\xff\"}"), RejectReason::InvalidUtf8);
        assert_eq!(reason(br#"{"title":"x"}"#), RejectReason::MissingBody);
        assert_eq!(reason(br#"{"body":"  "}"#), RejectReason::EmptyBody);
        assert_eq!(reason(br#"{"body":42}"#), RejectReason::InvalidRecord);
        assert_eq!(
            reason(br#"{"body":"<div><span></span></div>","content_type":"text/html"}"#),
            RejectReason::MarkupOnly
        );
        let small = CleanConfig { max_bytes: 10 };
        let err = clean_bytes(br#"{"body":"long enough"}"#, &small).expect_err("too large");
        assert_eq!(err.reason, RejectReason::TooLarge);
    }

    #[test]
    fn derives_a_stable_id_when_absent() {
        let a = clean_bytes(br#"{"body":"hello world"}"#, &CleanConfig::default()).expect("ok");
        let b = clean_bytes(br#"{"body":"hello world"}"#, &CleanConfig::default()).expect("ok");
        assert_eq!(a.id, b.id);
        assert!(a.id.starts_with("sha256:"));
    }
}
