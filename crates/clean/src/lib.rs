//! The clean stage: turns the bytes of a raw article into a [`CleanedArticle`]
//! or a [`Reject`] with a reason code.
//!
//! Pure logic: no Kafka, no files, no clocks, so that `newsflow run`, the
//! cleaner worker and the tests all run exactly the same code.
//!
//! The steps, each in its module: [`html`] extraction of the article from a
//! page, [`normalise`] (NFC, invisible characters, mojibake, entities,
//! spaces), [`noise`] (captions, template artefacts, read-more, widgets,
//! copyright, source lines), [`agencies`] and [`dateline`] (credits kept as
//! signals), [`lang`] (language identification). docs/cleaning.md has the
//! measurements behind each choice.

pub mod agencies;
pub mod dateline;
pub mod html;
pub mod lang;
pub mod noise;
pub mod normalise;

use newsflow_proto::{CleanedArticle, RawArticle, Reject, RejectReason};
use noise::LineKind;

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
    let raw: RawArticle = newsflow_proto::decode_record(bytes, "RawArticle")?;
    clean(raw, config)
}

/// Cleans one parsed raw article.
pub fn clean(raw: RawArticle, config: &CleanConfig) -> Result<CleanedArticle, Reject> {
    let Some(body) = raw.body.as_deref() else {
        return Err(
            Reject::new(RejectReason::MissingBody, "record has no body field")
                .with_id(raw.id.clone()),
        );
    };
    let id = raw.id.clone().unwrap_or_else(|| {
        newsflow_proto::derived_id(raw.url.as_deref(), raw.title.as_deref(), body)
    });
    let reject = |reason: RejectReason, message: String| {
        Err(Reject::new(reason, format!("article {id}: {message}")).with_id(Some(id.clone())))
    };
    if body.trim().is_empty() {
        return reject(RejectReason::EmptyBody, "body is empty".into());
    }
    if body.len() > config.max_bytes {
        return reject(
            RejectReason::TooLarge,
            format!(
                "body is {} bytes, over the limit of {}",
                body.len(),
                config.max_bytes
            ),
        );
    }
    if let Some(share) = binary_share(body) {
        return reject(
            RejectReason::BinaryBody,
            format!(
                "body is not text: {:.0} % control or replacement characters",
                share * 100.0
            ),
        );
    }

    let is_html = html::is_html(body, raw.content_type.as_deref());
    let (page_title, text, removed) = if is_html {
        let extracted = html::extract(body);
        (extracted.title, extracted.text, extracted.removed)
    } else {
        (String::new(), body.to_owned(), Vec::new())
    };
    let lines = normalise::normalised_lines(&text);
    if lines.is_empty() {
        let reason = if is_html {
            RejectReason::MarkupOnly
        } else {
            RejectReason::EmptyBody
        };
        return reject(reason, "body has markup but no text".into());
    }

    let title = {
        let given = normalise::normalise_line(raw.title.as_deref().unwrap_or(""));
        if given.is_empty() {
            normalise::normalise_line(&page_title)
        } else {
            given
        }
    };
    let Cleaned {
        lines,
        mut agencies,
        dateline,
    } = clean_lines(lines, &title);
    // Source lines set as captions or in removed page furniture still credit.
    for text in &removed {
        for line in normalise::normalised_lines(text) {
            if let LineKind::Source(names) = noise::classify_line(&line) {
                for name in names {
                    if !agencies.iter().any(|a| a == name) {
                        agencies.push(name.to_owned());
                    }
                }
            }
        }
    }
    if lines.is_empty() {
        let reason = if is_html {
            RejectReason::MarkupOnly
        } else {
            RejectReason::EmptyBody
        };
        return reject(
            reason,
            "nothing but page furniture and noise lines in the body".into(),
        );
    }
    let body = normalise::join_paragraphs(&lines);
    let language = lang::detect(&title, &body).to_owned();
    Ok(CleanedArticle {
        id,
        url: raw.url,
        source: raw.source,
        published_at: raw.published_at,
        title,
        body,
        language,
        agencies,
        dateline,
    })
}

struct Cleaned {
    lines: Vec<String>,
    agencies: Vec<String>,
    dateline: Option<newsflow_proto::Dateline>,
}

/// Keeps the story lines, credits the agencies of source lines and the
/// dateline, drops a repeat of the title at the top.
fn clean_lines(lines: Vec<String>, title: &str) -> Cleaned {
    let mut kept: Vec<String> = Vec::with_capacity(lines.len());
    let mut agencies: Vec<String> = Vec::new();
    let credit = |name: &str, agencies: &mut Vec<String>| {
        if !agencies.iter().any(|a| a == name) {
            agencies.push(name.to_owned());
        }
    };
    for line in lines {
        match noise::classify_line(&line) {
            LineKind::Story => {
                let line = noise::strip_inline_artifacts(&line).unwrap_or(line);
                if !line.is_empty() {
                    kept.push(line);
                }
            }
            LineKind::Source(names) => {
                for name in names {
                    credit(name, &mut agencies);
                }
            }
            _ => {}
        }
    }
    while kept.len() > 1 && !title.is_empty() && kept[0] == title {
        kept.remove(0);
    }
    drop_foreign_script_lines(&mut kept);
    let mut dateline = None;
    if let Some(first) = kept.first_mut() {
        if let Some(found) = dateline::find(first) {
            if agencies::is_wire_agency(found.agency) {
                credit(found.agency, &mut agencies);
            }
            *first = found.line;
            dateline = found.dateline;
        }
    }
    Cleaned {
        lines: kept,
        agencies,
        dateline,
    }
}

/// Arabic and Latin letters of a line.
fn script_letters(line: &str) -> (usize, usize) {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in line.chars() {
        if c.is_ascii_alphabetic() || matches!(c, '\u{00C0}'..='\u{024F}') {
            latin += 1;
        } else if matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{06D3}')
        {
            arabic += 1;
        }
    }
    (arabic, latin)
}

/// In a story written in one script, a whole line in the other one is
/// what the page wrapped around it: the English caption of an Arabic
/// story without any credit marker, an Arabic line in a French page. In the
/// 5,173 Arabic plain-text items of shared/data/corpus every Latin-only line
/// of 6+ words is a caption, credit or widget. Lines need 4+ words and 15+
/// letters, so names, acronyms and numbers stay.
fn drop_foreign_script_lines(lines: &mut Vec<String>) {
    let (arabic, latin) = lines
        .iter()
        .map(|l| script_letters(l))
        .fold((0, 0), |(a, l), (x, y)| (a + x, l + y));
    let total = arabic + latin;
    if total == 0 {
        return;
    }
    let dominant_arabic = arabic * 3 >= total * 2;
    let dominant_latin = latin * 3 >= total * 2;
    if !dominant_arabic && !dominant_latin {
        return;
    }
    lines.retain(|line| {
        let (a, l) = script_letters(line);
        let long = line.split_whitespace().count() >= 4;
        let foreign = if dominant_arabic {
            a == 0 && l >= 15
        } else {
            l == 0 && a >= 15
        };
        !(long && foreign)
    });
}

/// The share of characters that no text has (C0/C1 controls other than
/// line breaks and tabs, U+FFFD), when it is high enough to call the body
/// binary or in an unknown encoding.
fn binary_share(body: &str) -> Option<f64> {
    let (mut bad, mut total) = (0usize, 0usize);
    for c in body.chars() {
        total += 1;
        let control = c.is_control() && !matches!(c, '\n' | '\r' | '\t');
        if control || c == '\u{FFFD}' {
            bad += 1;
        }
    }
    let share = bad as f64 / total.max(1) as f64;
    (bad >= 4 && share > 0.1).then_some(share)
}
