//! The project's first real input (an Al Jazeera Arabic wire story), cleaned:
//! the labels the annotation guide gives it.

use newsflow_classify::Classifier;
use newsflow_proto::CleanedArticle;

fn seed() -> CleanedArticle {
    serde_json::from_str(include_str!("fixtures/seed.cleaned.json"))
        .expect("fixture is a CleanedArticle")
}

#[test]
fn seed_article_gets_the_guide_labels() {
    let classifier = Classifier::new().expect("embedded data compiles");
    let out = classifier.classify(seed());

    let topics: Vec<&str> = out.topics.iter().map(|t| t.label.as_str()).collect();
    assert!(topics.contains(&"security"), "{topics:?}");
    assert!(topics.contains(&"diplomacy"), "{topics:?}");
    assert!(!topics.contains(&"economy"), "{topics:?}");
    for t in &out.topics {
        assert!((0.5..=1.0).contains(&t.score), "{t:?}");
        assert!(!t.evidence.is_empty(), "{t:?}");
    }

    let countries: Vec<&str> = out.countries.iter().map(|c| c.code.as_str()).collect();
    for code in ["MA", "FR", "LY", "ML", "DZ"] {
        assert!(
            countries.contains(&code),
            "{code} missing from {countries:?}"
        );
    }
    assert_eq!(out.primary_country.as_deref(), Some("MA"));

    let explicit: Vec<&str> = out
        .regions
        .iter()
        .filter(|r| r.explicit)
        .map(|r| r.code.as_str())
        .collect();
    for code in ["maghreb", "sahel", "north_africa"] {
        assert!(explicit.contains(&code), "{code} missing from {explicit:?}");
    }
    assert!(!out.pipeline.taxonomy.is_empty() && out.pipeline.gazetteer.starts_with("gazetteer-"));
}

#[test]
fn explain_says_where_terms_fired() {
    let classifier = Classifier::new().expect("embedded data compiles");
    let article = seed();
    let e = classifier.explain(&article);
    let security = e
        .topics
        .iter()
        .find(|t| t.label == "security")
        .expect("security scored");
    assert!(security.assigned);
    // The headline's "أمن الحدود" fires in the title, at its byte offset.
    let in_title = security
        .hits
        .iter()
        .find(|h| h.zone.as_str() == "title")
        .expect("a title hit");
    assert_eq!(
        &article.title[in_title.offset..in_title.offset + in_title.text.len()],
        in_title.text
    );
    for h in security.hits.iter().filter(|h| h.zone.as_str() != "title") {
        assert_eq!(
            &article.body[h.offset..h.offset + h.text.len()],
            h.text,
            "{h:?}"
        );
    }
}
