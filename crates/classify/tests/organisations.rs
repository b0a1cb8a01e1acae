//! Clubs, parties and companies that stand for a country (gazetteer kinds
//! `org` and `company`): primary-country weight, never a mention, in the
//! three languages.

mod common;

use common::{classify, explain, has, lacks};

fn primary(lang: &str, title: &str, body: &str) -> Option<String> {
    classify(lang, title, body).primary_country
}

/// The primary country of a text that names no country, only an
/// organisation: the organisation is no mention.
fn primary_named_by_organisation_only(lang: &str, title: &str, body: &str) -> Option<String> {
    let record = classify(lang, title, body);
    assert!(
        record.countries.is_empty(),
        "an organisation is no mention: {:?}",
        record.countries
    );
    record.primary_country
}

#[test]
fn a_club_named_after_its_city_is_no_mention_of_the_country() {
    lacks("ar", "فاز ريال مدريد على ضيفه بثلاثة أهداف.", "ES");
    lacks(
        "fr",
        "Le Real Madrid a battu son hôte trois buts à zéro.",
        "ES",
    );
    lacks(
        "en",
        "Real Madrid beat their hosts three goals to nil.",
        "ES",
    );
    lacks("ar", "تعاقد باريس سان جيرمان مع مهاجم جديد.", "FR");
    lacks("fr", "Le Paris Saint-Germain a recruté un attaquant.", "FR");
    lacks("en", "Manchester United signed a new striker.", "GB");
    // The city alone is still a place.
    has("ar", "وصل الوفد إلى مدريد مساء أمس.", "ES");
    has(
        "en",
        "The delegation arrived in Manchester last night.",
        "GB",
    );
}

#[test]
fn a_club_makes_its_country_primary_over_a_players_nationality() {
    // The country is named: the club adds to it.
    assert_eq!(
        primary(
            "ar",
            "يوفنتوس يتعثر في افتتاح الموسم",
            "قاد المهاجم البرازيلي هجوم يوفنتوس في مباراة الدوري الإيطالي أمام فريق متواضع."
        )
        .as_deref(),
        Some("IT")
    );
    assert_eq!(
        primary(
            "fr",
            "Arsenal chute encore à domicile",
            "L'entraîneur espagnol d'Arsenal a reconnu une défaite méritée en championnat anglais."
        )
        .as_deref(),
        Some("GB")
    );
    // The country is not named: the club still makes it a candidate.
    assert_eq!(
        primary(
            "ar",
            "ريال مدريد يفوز بثلاثية",
            "فاز ريال مدريد على ضيفه بثلاثة أهداف، سجل منها المهاجم الفرنسي هدفين."
        )
        .as_deref(),
        Some("ES")
    );
    assert_eq!(
        primary_named_by_organisation_only(
            "en",
            "Bayern hold on for a narrow win",
            "Bayern scored late to beat their rivals in the Bundesliga.",
        )
        .as_deref(),
        Some("DE")
    );
}

#[test]
fn a_party_stands_for_its_country() {
    assert_eq!(
        primary(
            "en",
            "Labour pledges to cut visa fees for Indian students",
            "The party said the plan would help British universities compete for students."
        )
        .as_deref(),
        Some("GB")
    );
    assert_eq!(
        primary(
            "fr",
            "Ennahdha appelle au dialogue",
            "Le parti islamiste a demandé une réunion avec le président algérien de passage à Tunis."
        )
        .as_deref(),
        Some("TN")
    );
    assert_eq!(
        primary(
            "ar",
            "حركة النهضة تدعو إلى الحوار",
            "دعت الحركة إلى لقاء مع الرئيس الجزائري خلال زيارته إلى تونس."
        )
        .as_deref(),
        Some("TN")
    );
}

#[test]
fn hezbollah_is_lebanese_and_kataib_hezbollah_iraqi() {
    assert_eq!(
        primary_named_by_organisation_only(
            "ar",
            "حزب الله يرفض المشاركة في الحكومة",
            "أعلن حزب الله أنه لن يشارك في الحكومة الجديدة.",
        )
        .as_deref(),
        Some("LB")
    );
    assert_eq!(
        primary(
            "en",
            "Hezbollah names its candidates",
            "Hezbollah named its candidates for the parliamentary election."
        )
        .as_deref(),
        Some("LB")
    );
    assert_eq!(
        primary(
            "fr",
            "Le Hezbollah présente ses candidats",
            "Le Hezbollah a présenté ses candidats aux législatives."
        )
        .as_deref(),
        Some("LB")
    );
    assert_eq!(
        primary(
            "ar",
            "كتائب حزب الله تتوعد القوات الأجنبية",
            "توعدت كتائب حزب الله القوات الأجنبية بالرد."
        )
        .as_deref(),
        Some("IQ")
    );
}

#[test]
fn a_company_counts_only_for_a_country_the_text_names() {
    // No country named: a product story is about no country.
    assert_eq!(
        primary(
            "en",
            "Google adds a new feature to its maps",
            "Users can now save places offline and share them with friends."
        ),
        None
    );
    assert_eq!(
        primary(
            "ar",
            "غوغل تطلق ميزة جديدة",
            "أصبح بإمكان المستخدمين حفظ الأماكن دون اتصال بالإنترنت."
        ),
        None
    );
    // Named once, in the body: the company in the headline makes it primary.
    assert_eq!(
        primary(
            "ar",
            "أبل تعترف بخلل في هواتفها",
            "أقرت الشركة بوجود خلل في البطاريات، وقالت صحيفة بريطانية إن الخلل قديم. \
             وتعد الشركة الأمريكية من أكبر الشركات في العالم."
        )
        .as_deref(),
        Some("US")
    );
    assert_eq!(
        primary(
            "fr",
            "Samsung rappelle ses téléphones",
            "Le groupe sud-coréen a reconnu un défaut de batterie signalé par un journal français."
        )
        .as_deref(),
        Some("KR")
    );
}

#[test]
fn organisations_are_evidence_in_explain_but_not_in_the_record() {
    let title = "Juventus sign a new striker";
    let body = "The Italian champions confirmed the deal on Monday.";
    let e = explain("en", title, body);
    let it = e
        .countries
        .iter()
        .find(|c| c.code == "IT")
        .expect("Italian names Italy");
    assert_eq!(it.mentions, 1, "Juventus is no mention");
    assert!(it
        .hits
        .iter()
        .any(|h| h.kind == "organisation" && h.text == "Juventus"));
    let record = classify("en", title, body);
    let it = record
        .countries
        .iter()
        .find(|c| c.code == "IT")
        .expect("Italian names Italy");
    assert_eq!(it.evidence, vec!["Italian".to_owned()]);
    assert_eq!(record.primary_country.as_deref(), Some("IT"));
}

#[test]
fn an_organisation_does_not_name_its_country_for_guarded_places() {
    // العيون (Laayoune, also "the eyes") counts only in an article that names
    // the Maghreb or Morocco; a Moroccan club does not name Morocco.
    lacks(
        "ar",
        "لعب الوداد البيضاوي أمس وفتح المشجعون العيون على الملعب.",
        "EH",
    );
    lacks(
        "ar",
        "لعب الوداد البيضاوي أمس وفتح المشجعون العيون على الملعب.",
        "MA",
    );
}

#[test]
fn a_club_named_like_a_person_is_not_one_before_a_surname() {
    let e = explain(
        "en",
        "Chelsea Clinton visits a clinic",
        "Chelsea Clinton toured a clinic on Monday.",
    );
    assert!(
        e.organisations.is_empty() && e.countries.is_empty(),
        "{:?} {:?}",
        e.organisations,
        e.countries
    );
}
