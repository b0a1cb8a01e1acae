//! Primary country: dateline first, then title and lead over body counts, and
//! the source's home country only when the text names none.

use newsflow_classify::Classifier;
use newsflow_proto::{CleanedArticle, Dateline};

fn classifier() -> Classifier {
    Classifier::new().expect("embedded data compiles")
}

#[test]
fn dateline_place_is_a_mention_and_wins_over_counts() {
    let article = CleanedArticle {
        id: "d".into(),
        title: "Talks on the crisis".into(),
        body: "France and French officials said France would send aid; the French minister agreed."
            .into(),
        language: "en".into(),
        dateline: Some(Dateline {
            place: "RABAT".into(),
            agency: Some("AFP".into()),
        }),
        ..Default::default()
    };
    assert_eq!(
        classifier().classify(article).primary_country.as_deref(),
        Some("FR")
    );
}

#[test]
fn dateline_adds_to_a_named_country() {
    let article = CleanedArticle {
        id: "d2".into(),
        title: "Talks on border security".into(),
        body: "Officials met in Rabat. France and French officials said France would send aid; \
               the French minister agreed."
            .into(),
        language: "en".into(),
        dateline: Some(Dateline {
            place: "RABAT".into(),
            agency: None,
        }),
        ..Default::default()
    };
    assert_eq!(
        classifier().classify(article).primary_country.as_deref(),
        Some("MA")
    );
}

#[test]
fn title_outweighs_body_mentions() {
    let article = CleanedArticle {
        id: "t".into(),
        title: "هجوم مسلح في النيجر".into(),
        body: "قتل عشرة جنود في هجوم على قاعدة عسكرية.\n\nوقال مسؤول فرنسي إن فرنسا تتابع الوضع."
            .into(),
        language: "ar".into(),
        ..Default::default()
    };
    assert_eq!(
        classifier().classify(article).primary_country.as_deref(),
        Some("NE")
    );
}

#[test]
fn source_home_country_only_when_no_country_is_named() {
    let local = |body: &str| CleanedArticle {
        id: "s".into(),
        source: Some("Jawhara FM".into()),
        title: "حادث مرور".into(),
        body: body.into(),
        language: "ar".into(),
        ..Default::default()
    };
    let c = classifier();
    assert_eq!(
        c.classify(local("أصيب ثلاثة أشخاص في حادث مرور."))
            .primary_country
            .as_deref(),
        Some("TN")
    );
    assert_eq!(
        c.classify(local(
            "أصيب ثلاثة أشخاص في حادث مرور في الجزائر ووصل الجرحى إلى الجزائر."
        ))
        .primary_country
        .as_deref(),
        Some("DZ")
    );
    let global = CleanedArticle {
        id: "g".into(),
        title: "Markets wait".into(),
        body: "Investors waited for news.".into(),
        language: "en".into(),
        ..Default::default()
    };
    assert_eq!(c.classify(global).primary_country, None);
}

#[test]
fn a_headline_names_its_subject_first() {
    // Both countries are in the title; the one named later is named more
    // often in the body, but the headline's subject is where the event is.
    let article = CleanedArticle {
        id: "h".into(),
        title: "Kenya deports traders from Uganda".into(),
        body: "The traders had crossed from Uganda. Uganda's government protested the decision \
               taken by Kenya."
            .into(),
        language: "en".into(),
        ..Default::default()
    };
    let enriched = classifier().classify(article);
    let codes: Vec<&str> = enriched.countries.iter().map(|c| c.code.as_str()).collect();
    assert!(codes.contains(&"UG") && codes.contains(&"KE"), "{codes:?}");
    assert_eq!(enriched.primary_country.as_deref(), Some("KE"));
}
