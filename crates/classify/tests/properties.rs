//! Properties over arbitrary text: the classifier never panics, scores stay in
//! [0, 1], and every reported hit points at its own text in the article.

use newsflow_classify::Classifier;
use newsflow_proto::CleanedArticle;
use proptest::prelude::*;
use std::sync::OnceLock;

fn classifier() -> &'static Classifier {
    static C: OnceLock<Classifier> = OnceLock::new();
    C.get_or_init(|| Classifier::new().expect("embedded data compiles"))
}

/// Text mixing Arabic (with diacritics and tatweel), accented Latin, digits,
/// punctuation and the words the rules and gazetteer look for.
fn news_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "المغرب",
        "العربي",
        "بالأمن",
        "الأمنيّة",
        "ـ",
        "\u{064E}",
        "مالي",
        "الساحل",
        "(الفرنسية)",
        "l'armée",
        "sécurité",
        "Niger",
        "Chad",
        "Jordan",
        "Bank of China",
        "Georgia",
        "US",
        "é",
        " ",
        "\n\n",
        ".",
        "-",
        "'",
        "؟",
        "123",
        "x",
        "Ω",
        "ﷺ",
        "🙂",
        "\u{200f}",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_panics_and_hits_point_at_their_text(
        title in news_text(),
        body in news_text(),
        lang in prop::sample::select(vec!["ar", "fr", "en", "und"]),
    ) {
        let article = CleanedArticle {
            id: "p".into(),
            title: title.clone(),
            body: body.clone(),
            language: lang.into(),
            ..Default::default()
        };
        let e = classifier().explain(&article);
        for t in &e.topics {
            prop_assert!((0.0..=1.0).contains(&t.score));
            for h in &t.hits {
                let field = if h.zone.as_str() == "title" { &title } else { &body };
                prop_assert_eq!(field.get(h.offset..h.offset + h.text.len()), Some(h.text.as_str()));
            }
        }
        for c in &e.countries {
            prop_assert_eq!(c.mentions as usize, c.hits.len());
        }
        let out = classifier().classify(article);
        prop_assert!(out.topics.iter().all(|t| t.score >= 0.5));
    }
}
