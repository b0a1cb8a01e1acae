//! The newsflow record contract, `newsflow.v1`.
//!
//! `newsflow/v1/records.proto` is the source of truth; these serde types are
//! what the Rust code reads and writes. A test (`contract.rs`) parses the
//! `.proto` file and checks that every message has exactly the fields, and the
//! JSON names, that these types serialise, so the two cannot drift.
//!
//! The JSON form follows the proto3 JSON mapping with the original field names
//! preserved: 64-bit integers are written as strings, absent optional fields
//! are omitted (except `primary_country`, written as `null` so readers see the
//! decision), and readers accept the lowerCamelCase names too.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The proto package this crate implements; stamped into `PipelineInfo.code`.
pub const CONTRACT: &str = "newsflow.v1";

/// The `.proto` text, embedded so tools can show the contract they speak.
pub const RECORDS_PROTO: &str = include_str!("../newsflow/v1/records.proto");

/// A raw article as delivered. Every field is optional on the wire so that a
/// missing body is reported as a dead letter with its own reason instead of a
/// generic parse error.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RawArticle {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(
        default,
        alias = "publishedAt",
        skip_serializing_if = "Option::is_none"
    )]
    pub published_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    #[serde(
        default,
        alias = "contentType",
        skip_serializing_if = "Option::is_none"
    )]
    pub content_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

/// Place and agency of a dateline; the classifier uses the place as the
/// strongest hint for the primary country.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dateline {
    pub place: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
}

/// The clean stage's output: what the classifier needs and nothing the
/// classifier would have to undo.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CleanedArticle {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(
        default,
        alias = "publishedAt",
        skip_serializing_if = "Option::is_none"
    )]
    pub published_at: Option<String>,
    #[serde(default)]
    pub title: String,
    pub body: String,
    pub language: String,
    #[serde(default)]
    pub agencies: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TopicLabel {
    pub label: String,
    pub score: f64,
    #[serde(default)]
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CountryMention {
    pub code: String,
    pub mentions: u32,
    #[serde(default)]
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RegionLabel {
    pub code: String,
    pub explicit: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PipelineInfo {
    pub code: String,
    pub taxonomy: String,
    pub gazetteer: String,
}

/// The record published downstream.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EnrichedArticle {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(
        default,
        alias = "publishedAt",
        skip_serializing_if = "Option::is_none"
    )]
    pub published_at: Option<String>,
    #[serde(default)]
    pub title: String,
    pub body: String,
    pub language: String,
    #[serde(default)]
    pub agencies: Vec<String>,
    #[serde(default)]
    pub topics: Vec<TopicLabel>,
    #[serde(default)]
    pub countries: Vec<CountryMention>,
    #[serde(default, alias = "primaryCountry")]
    pub primary_country: Option<String>,
    #[serde(default)]
    pub regions: Vec<RegionLabel>,
    #[serde(default)]
    pub pipeline: PipelineInfo,
}

/// The stage that produced a dead letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Clean,
    Classify,
}

impl Stage {
    pub const fn as_str(self) -> &'static str {
        match self {
            Stage::Clean => "clean",
            Stage::Classify => "classify",
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a record was rejected. The set is closed so that metrics labelled by
/// reason stay bounded and operators can alert on a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    /// The bytes are not JSON.
    NotJson,
    /// Valid JSON, but not an object.
    NotObject,
    /// An object whose fields have the wrong types.
    InvalidRecord,
    /// The bytes are not UTF-8.
    InvalidUtf8,
    /// No `body` field.
    MissingBody,
    /// A body that is empty once trimmed.
    EmptyBody,
    /// Over the configured size limit.
    TooLarge,
    /// Markup with no text in it.
    MarkupOnly,
    /// A body that is not text (binary junk, unknown encoding).
    BinaryBody,
    /// A bug: the stage failed on a record it should have handled.
    Internal,
}

impl RejectReason {
    /// Every reason, for metrics pre-registration and docs.
    pub const ALL: [RejectReason; 10] = [
        RejectReason::NotJson,
        RejectReason::NotObject,
        RejectReason::InvalidRecord,
        RejectReason::InvalidUtf8,
        RejectReason::MissingBody,
        RejectReason::EmptyBody,
        RejectReason::TooLarge,
        RejectReason::MarkupOnly,
        RejectReason::BinaryBody,
        RejectReason::Internal,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            RejectReason::NotJson => "not_json",
            RejectReason::NotObject => "not_object",
            RejectReason::InvalidRecord => "invalid_record",
            RejectReason::InvalidUtf8 => "invalid_utf8",
            RejectReason::MissingBody => "missing_body",
            RejectReason::EmptyBody => "empty_body",
            RejectReason::TooLarge => "too_large",
            RejectReason::MarkupOnly => "markup_only",
            RejectReason::BinaryBody => "binary_body",
            RejectReason::Internal => "internal",
        }
    }
}

impl fmt::Display for RejectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A stage's refusal of one record: a code for machines, a sentence for people.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason}: {message}")]
pub struct Reject {
    pub reason: RejectReason,
    pub message: String,
    /// The article id, when the record got far enough to have one.
    pub id: Option<String>,
}

impl Reject {
    pub fn new(reason: RejectReason, message: impl Into<String>) -> Self {
        Reject {
            reason,
            message: message.into(),
            id: None,
        }
    }

    pub fn with_id(mut self, id: Option<String>) -> Self {
        self.id = id;
        self
    }
}

/// How `DeadLetter.payload` is encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PayloadEncoding {
    Utf8,
    Base64,
}

/// A record a stage could not process, with everything needed to replay it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeadLetter {
    pub payload: String,
    pub payload_encoding: PayloadEncoding,
    pub stage: Stage,
    pub reason: RejectReason,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition: Option<i32>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "int64_as_string"
    )]
    pub offset: Option<i64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "int64_as_string"
    )]
    pub line: Option<u64>,
}

impl DeadLetter {
    /// Wraps the original bytes: kept as text when they are UTF-8 so an
    /// operator can read them, base64 otherwise so nothing is lost.
    pub fn new(payload: &[u8], stage: Stage, reject: Reject) -> Self {
        use base64::Engine as _;
        let (payload, payload_encoding) = match std::str::from_utf8(payload) {
            Ok(text) => (text.to_owned(), PayloadEncoding::Utf8),
            Err(_) => (
                base64::engine::general_purpose::STANDARD.encode(payload),
                PayloadEncoding::Base64,
            ),
        };
        DeadLetter {
            payload,
            payload_encoding,
            stage,
            reason: reject.reason,
            message: reject.message,
            id: reject.id,
            topic: None,
            partition: None,
            offset: None,
            line: None,
        }
    }

    /// The original bytes, decoded back from the payload.
    pub fn payload_bytes(&self) -> Result<Vec<u8>, base64::DecodeError> {
        use base64::Engine as _;
        match self.payload_encoding {
            PayloadEncoding::Utf8 => Ok(self.payload.as_bytes().to_vec()),
            PayloadEncoding::Base64 => {
                base64::engine::general_purpose::STANDARD.decode(&self.payload)
            }
        }
    }
}

/// Decodes one wire record (a Kafka value or a JSONL line) into a contract
/// type, or says why it cannot be one with the reason codes every stage
/// shares: `invalid_utf8`, `not_json`, `not_object`, `invalid_record`.
/// `kind` names the expected message in the error (`RawArticle`).
pub fn decode_record<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    kind: &str,
) -> Result<T, Reject> {
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
    serde_json::from_value(value).map_err(|e| {
        Reject::new(
            RejectReason::InvalidRecord,
            format!("record does not fit {kind}: {e}"),
        )
        .with_id(id_hint)
    })
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

/// The id of an article that arrived without one: a hash of what identifies
/// the story, so that a replay of the same input gets the same id and
/// downstream deduplication works.
pub fn derived_id(url: Option<&str>, title: Option<&str>, body: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    hasher.update(url.unwrap_or("").as_bytes());
    hasher.update([0x1f]);
    hasher.update(title.unwrap_or("").as_bytes());
    hasher.update([0x1f]);
    hasher.update(body.as_bytes());
    let digest = hasher.finalize();
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// proto3 JSON writes 64-bit integers as strings and reads either form.
mod int64_as_string {
    use serde::{Deserialize, Deserializer, Serializer};
    use std::fmt::Display;
    use std::str::FromStr;

    pub fn serialize<T: Display, S: Serializer>(
        value: &Option<T>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => serializer.collect_str(v),
            None => serializer.serialize_none(),
        }
    }

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum NumberOrString<T> {
        Number(T),
        String(String),
    }

    pub fn deserialize<'de, T, D>(deserializer: D) -> Result<Option<T>, D::Error>
    where
        T: FromStr + Deserialize<'de>,
        T::Err: Display,
        D: Deserializer<'de>,
    {
        match Option::<NumberOrString<T>>::deserialize(deserializer)? {
            None => Ok(None),
            Some(NumberOrString::Number(n)) => Ok(Some(n)),
            Some(NumberOrString::String(s)) => {
                s.parse().map(Some).map_err(serde::de::Error::custom)
            }
        }
    }
}

#[cfg(test)]
mod contract;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_article_accepts_camel_case_and_ignores_unknown_fields() {
        let raw: RawArticle = serde_json::from_str(
            r#"{"body":"x","publishedAt":"2018-01-01","contentType":"text/plain","extra":{"a":1}}"#,
        )
        .expect("valid raw article");
        assert_eq!(raw.published_at.as_deref(), Some("2018-01-01"));
        assert_eq!(raw.content_type.as_deref(), Some("text/plain"));
    }

    #[test]
    fn dead_letter_keeps_non_utf8_bytes_as_base64() {
        let bytes = [0xff, 0xfe, b'{'];
        let dl = DeadLetter::new(
            &bytes,
            Stage::Clean,
            Reject::new(RejectReason::InvalidUtf8, "not UTF-8"),
        );
        assert_eq!(dl.payload_encoding, PayloadEncoding::Base64);
        assert_eq!(dl.payload_bytes().expect("decodes"), bytes.to_vec());
    }

    #[test]
    fn dead_letter_offsets_are_strings_on_the_wire_and_read_back_from_numbers() {
        let mut dl = DeadLetter::new(b"x", Stage::Clean, Reject::new(RejectReason::NotJson, "m"));
        dl.offset = Some(42);
        let json = serde_json::to_value(&dl).expect("serialises");
        assert_eq!(json["offset"], "42");
        assert_eq!(json["reason"], "not_json");
        let back: DeadLetter =
            serde_json::from_str(&json.to_string().replace("\"42\"", "42")).expect("reads numbers");
        assert_eq!(back.offset, Some(42));
    }

    #[test]
    fn enriched_writes_null_primary_country() {
        let json = serde_json::to_value(EnrichedArticle::default()).expect("serialises");
        assert!(json.get("primary_country").expect("present").is_null());
    }

    #[test]
    fn derived_id_is_stable_and_sensitive_to_each_part() {
        let a = derived_id(Some("u"), Some("t"), "b");
        assert_eq!(a, derived_id(Some("u"), Some("t"), "b"));
        assert_ne!(a, derived_id(Some("u"), Some("tb"), ""));
        assert_ne!(a, derived_id(None, Some("t"), "b"));
        assert!(a.starts_with("sha256:") && a.len() == 7 + 32);
    }

    #[test]
    fn decode_record_names_each_way_a_record_can_fail() {
        let reason = |bytes: &[u8]| {
            decode_record::<CleanedArticle>(bytes, "CleanedArticle")
                .expect_err("should fail")
                .reason
        };
        assert_eq!(reason(b"\xff{}"), RejectReason::InvalidUtf8);
        assert_eq!(reason(b"{oops"), RejectReason::NotJson);
        assert_eq!(reason(b"[1]"), RejectReason::NotObject);
        let wrong = decode_record::<CleanedArticle>(br#"{"id":"a7","body":3}"#, "CleanedArticle")
            .expect_err("wrong field type");
        assert_eq!(wrong.reason, RejectReason::InvalidRecord);
        assert_eq!(
            wrong.id.as_deref(),
            Some("a7"),
            "the id is kept for the dead letter"
        );
        assert!(wrong.message.contains("CleanedArticle"));
        let ok: CleanedArticle = decode_record(
            br#"{"id":"a","body":"b","language":"en","extra":1}"#,
            "CleanedArticle",
        )
        .expect("valid record");
        assert_eq!(ok.id, "a");
    }

    #[test]
    fn reason_codes_match_their_serde_names() {
        for reason in RejectReason::ALL {
            let json = serde_json::to_value(reason).expect("serialises");
            assert_eq!(json, reason.as_str());
        }
    }
}
