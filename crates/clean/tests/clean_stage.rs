//! The clean stage end to end on committed fixtures and on hostile input.

use newsflow_clean::{clean, clean_bytes, CleanConfig};
use newsflow_proto::{RawArticle, RejectReason};
use proptest::prelude::*;

const SEED: &str = include_str!("fixtures/rabat-border-security.raw.txt");
const PAGE: &str = include_str!("fixtures/noisy-page.fr.html");
const PAGE_EXPECTED: &str = include_str!("fixtures/noisy-page.fr.expected.json");

fn text_article(title: &str, body: &str) -> RawArticle {
    RawArticle {
        id: Some("t".into()),
        title: Some(title.into()),
        body: Some(body.into()),
        content_type: Some("text/plain".into()),
        ..RawArticle::default()
    }
}

#[test]
fn the_seed_article_is_cleaned_as_the_issue_requires() {
    let (title, body) = SEED.split_once('\n').expect("title line");
    let cleaned = clean(text_article(title, body), &CleanConfig::default()).expect("cleaned");
    assert_eq!(cleaned.language, "ar");
    assert_eq!(cleaned.agencies, ["Al Jazeera", "AFP"]);
    assert_eq!(cleaned.title, "مؤتمر إقليمي بشأن أمن الحدود في الرباط");
    for noise in [
        "AFP PHOTO",
        "Moroccan Foreign Minister",
        "undefined",
        "المصدر",
        "الجزيرة",
    ] {
        assert!(!cleaned.body.contains(noise), "{noise} left in the body");
    }
    // The sub-heading is story text and stays, as its own paragraph.
    assert!(cleaned.body.split("\n\n").any(|p| p == "متابعة تنفيذ"));
    assert!(cleaned
        .body
        .starts_with("انطلقت في الرباط أعمال المؤتمر الإقليمي"));
    assert!(cleaned.body.ends_with("التي خلفت 37 قتيلا."));
    assert!(!cleaned.body.contains("\n\n\n"));
    assert_eq!(cleaned.body.split("\n\n").count(), 10);
}

#[test]
fn a_noisy_html_page_gives_the_story_and_its_credit() {
    let expected: serde_json::Value = serde_json::from_str(PAGE_EXPECTED).expect("json");
    let raw = RawArticle {
        id: Some("page".into()),
        title: expected["title"].as_str().map(str::to_owned),
        body: Some(PAGE.into()),
        content_type: Some("text/html".into()),
        ..RawArticle::default()
    };
    let cleaned = clean(raw, &CleanConfig::default()).expect("cleaned");
    assert_eq!(cleaned.language, "fr");
    assert_eq!(cleaned.agencies, ["AFP"]);
    let expected_body = expected["expected_body"].as_str().expect("body");
    let expected_paragraphs: Vec<&str> = expected_body.split("\n\n").collect();
    let got: Vec<&str> = cleaned.body.split("\n\n").collect();
    assert_eq!(got, expected_paragraphs);
}

#[test]
fn a_caption_in_the_other_script_goes_even_without_a_credit() {
    let body =
        "انطلقت في الرباط أعمال المؤتمر الإقليمي بشأن أمن الحدود بحضور ممثلين عن دول الساحل.\n\n\
                Ministers gather in Rabat for the regional conference on border security.\n\n\
                وأكد وزير الخارجية ضرورة اعتماد مقاربة شاملة لأمن الحدود بين بلدان المنطقة.\n\n\
                وقال المتحدث إن منظمة NATO و UN تتابعان الوضع.";
    let cleaned = clean(text_article("مؤتمر", body), &CleanConfig::default()).expect("cleaned");
    assert!(!cleaned.body.contains("Ministers gather"));
    assert_eq!(cleaned.body.split("\n\n").count(), 3);
    assert!(cleaned.body.contains("NATO"));
}

#[test]
fn datelines_are_kept_as_signals() {
    let body = "الرباط - (أ ف ب) - أعلن وزير الخارجية المغربي الاثنين عن اتفاق جديد مع موريتانيا بشأن الحدود.\n\nوأضاف أن الاتفاق يشمل التعاون الأمني.";
    let cleaned = clean(text_article("اتفاق", body), &CleanConfig::default()).expect("cleaned");
    let dateline = cleaned.dateline.expect("dateline");
    assert_eq!(dateline.place, "الرباط");
    assert_eq!(dateline.agency.as_deref(), Some("AFP"));
    assert_eq!(cleaned.agencies, ["AFP"]);
    assert!(cleaned.body.starts_with("الرباط - أعلن وزير الخارجية"));
    assert!(!cleaned.body.contains("أ ف ب"));
}

#[test]
fn each_kind_of_bad_record_is_rejected_with_its_reason() {
    let reason = |bytes: &[u8]| {
        clean_bytes(bytes, &CleanConfig::default())
            .expect_err("should reject")
            .reason
    };
    assert_eq!(reason(b"not json"), RejectReason::NotJson);
    assert_eq!(reason(b"[1,2]"), RejectReason::NotObject);
    assert_eq!(reason(b"{\"body\":\"\xff\"}"), RejectReason::InvalidUtf8);
    assert_eq!(reason(br#"{"title":"x"}"#), RejectReason::MissingBody);
    assert_eq!(reason(br#"{"body":"  "}"#), RejectReason::EmptyBody);
    assert_eq!(reason(br#"{"body":42}"#), RejectReason::InvalidRecord);
    let small = CleanConfig { max_bytes: 10 };
    let err = clean_bytes(br#"{"body":"long enough"}"#, &small).expect_err("too large");
    assert_eq!(err.reason, RejectReason::TooLarge);
}

#[test]
fn a_markup_only_page_is_rejected_as_markup_only() {
    for body in [
        "<div><span></span></div>",
        "<html><head><script>var a = 1;</script><style>p{}</style></head><body><nav></nav><img src=x></body></html>",
    ] {
        let raw = RawArticle {
            body: Some(body.into()),
            ..RawArticle::default()
        };
        let err = clean(raw, &CleanConfig::default()).expect_err("markup only");
        assert_eq!(err.reason, RejectReason::MarkupOnly, "{body}");
    }
}

#[test]
fn binary_junk_and_unknown_encodings_are_rejected_as_binary() {
    let junk: String = (0u8..=255).cycle().take(4000).map(char::from).collect();
    let err = clean(text_article("", &junk), &CleanConfig::default()).expect_err("binary");
    assert_eq!(err.reason, RejectReason::BinaryBody);
    // A body decoded with the wrong codec upstream: replacement characters.
    let garbled = "\u{FFFD}\u{FFFD}a\u{FFFD}\u{FFFD}b\u{FFFD}\u{FFFD}".repeat(50);
    let err = clean(text_article("", &garbled), &CleanConfig::default()).expect_err("binary");
    assert_eq!(err.reason, RejectReason::BinaryBody);
}

#[test]
fn mojibake_is_repaired() {
    let cleaned = clean(
        text_article(
            "",
            "Le prÃ©sident a dÃ©clarÃ© que la rÃ©union Ã©tait un succÃ¨s pour la rÃ©gion.",
        ),
        &CleanConfig::default(),
    )
    .expect("cleaned");
    assert_eq!(
        cleaned.body,
        "Le président a déclaré que la réunion était un succès pour la région."
    );
    assert_eq!(cleaned.language, "fr");
}

#[test]
fn ten_thousand_nested_divs_are_cleaned_without_overflow() {
    let depth = 10_000;
    let page = format!(
        "<html><body>{}<p>Le texte profond de l'article reste lisible.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let raw = RawArticle {
        body: Some(page),
        content_type: Some("text/html".into()),
        ..RawArticle::default()
    };
    let cleaned = clean(raw, &CleanConfig::default()).expect("cleaned");
    assert_eq!(cleaned.body, "Le texte profond de l'article reste lisible.");
}

#[test]
fn a_two_mib_single_line_is_handled() {
    let line = "word ".repeat(2 * 1024 * 1024 / 5);
    let cleaned = clean(text_article("", &line), &CleanConfig::default()).expect("cleaned");
    assert!(!cleaned.body.contains('\n'));
    assert_eq!(cleaned.body.len(), line.trim_end().len());
    // Over the limit through the wire path: rejected before parsing.
    let json =
        serde_json::to_vec(&serde_json::json!({ "body": line + "xxxxxxxxxx" })).expect("json");
    let err = clean_bytes(&json, &CleanConfig::default()).expect_err("too large");
    assert_eq!(err.reason, RejectReason::TooLarge);
}

#[test]
fn an_unclosed_tag_soup_is_handled() {
    let soup = "<p>Début <b>gras <i>italique <div><p>Le ministre a parlé <<<>>> de la frontière."
        .repeat(200);
    let raw = RawArticle {
        body: Some(soup),
        content_type: Some("text/html".into()),
        ..RawArticle::default()
    };
    let cleaned = clean(raw, &CleanConfig::default()).expect("cleaned");
    assert!(cleaned.body.contains("Le ministre a parlé"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn clean_never_panics_on_text(body in "\\PC{0,400}", title in "\\PC{0,40}") {
        let _ = clean(text_article(&title, &body), &CleanConfig::default());
    }

    #[test]
    fn clean_never_panics_on_markup(body in "(<[a-z]{1,6}( [a-z]+=\"[^\"]{0,8}\")?>|</[a-z]{1,6}>|[^<>]{0,20}|&[a-z#0-9]{0,6};?){0,60}") {
        let raw = RawArticle { body: Some(body), content_type: Some("text/html".into()), ..RawArticle::default() };
        let _ = clean(raw, &CleanConfig::default());
    }

    #[test]
    fn clean_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = clean_bytes(&bytes, &CleanConfig::default());
    }

    #[test]
    fn cleaned_bodies_are_normalised(body in "[a-zé \\n\\u{00A0}\\u{200B}\\u{0640}ـ]{1,200}") {
        if let Ok(cleaned) = clean(text_article("", &body), &CleanConfig::default()) {
            prop_assert!(!cleaned.body.contains("\n\n\n"));
            let invisible = ['\u{200B}', '\u{0640}'];
            prop_assert!(!cleaned.body.contains(invisible));
            prop_assert!(!cleaned.body.contains("  "));
            prop_assert_eq!(cleaned.body.trim(), cleaned.body.as_str());
        }
    }
}
