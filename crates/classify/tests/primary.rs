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
        body: "Officials deported forty traders on Monday.\n\nThe traders had crossed from \
               Uganda. Uganda's government protested the decision taken by Kenya."
            .into(),
        language: "en".into(),
        ..Default::default()
    };
    let enriched = classifier().classify(article);
    let codes: Vec<&str> = enriched.countries.iter().map(|c| c.code.as_str()).collect();
    assert!(codes.contains(&"UG") && codes.contains(&"KE"), "{codes:?}");
    assert_eq!(enriched.primary_country.as_deref(), Some("KE"));
}

fn primary_of(
    c: &Classifier,
    lang: &str,
    source: Option<&str>,
    title: &str,
    body: &str,
) -> Option<String> {
    c.classify(CleanedArticle {
        id: "p".into(),
        source: source.map(str::to_owned),
        title: title.into(),
        body: body.into(),
        language: lang.into(),
        ..Default::default()
    })
    .primary_country
}

/// Asserts the primary country of one article, naming the case when it fails.
#[track_caller]
fn expect_primary(
    c: &Classifier,
    lang: &str,
    source: Option<&str>,
    title: &str,
    body: &str,
    expected: Option<&str>,
) {
    assert_eq!(
        primary_of(c, lang, source, title, body).as_deref(),
        expected,
        "{lang}: {title:?}"
    );
}

#[test]
fn a_dateline_line_left_in_the_body_names_the_event_place() {
    let c = classifier();
    expect_primary(
        &c,
        "en",
        None,
        "Talks on the border dispute",
        "NAIROBI, Kenya (Reuters) - Officials from Ethiopia met on Tuesday. Ethiopia said \
             Ethiopian troops would stay.",
        Some("KE"),
    );
    expect_primary(
        &c,
        "fr",
        None,
        "Négociations sur la frontière",
        "Bamako, Mali (AFP) - Des responsables algériens sont arrivés mardi. L'Algérie a \
             proposé une médiation, a dit le ministre algérien.",
        Some("ML"),
    );
    expect_primary(
        &c,
        "ar",
        None,
        "محادثات حول الحدود",
        "الخرطوم، السودان (CNN)-- وصل وفد مصري إلى العاصمة يوم الثلاثاء، وقالت مصر إن \
             الوفد المصري سيبقى أسبوعا.",
        Some("SD"),
    );
}

#[test]
fn a_dateline_at_the_source_newsroom_weighs_nothing() {
    // CNN's Arabic service heads stories with its newsroom, Dubai.
    let c = classifier();
    expect_primary(
        &c,
        "ar",
        Some("CNN"),
        "جراح يتحدث عن الوضع: كارثة",
        "دبي، الإمارات العربية المتحدة (CNN)-- قال طبيب إن الوضع في حلب كارثي.",
        Some("SY"),
    );
}

#[test]
fn a_quoted_speaker_brings_the_country_that_introduces_them() {
    let c = classifier();
    expect_primary(
        &c,
        "ar",
        None,
        "أردوغان: لن نسمح بالهجوم على سوريا",
        "قال الرئيس التركي رجب طيب أردوغان إن بلاده لن تسمح بأي هجوم على سوريا.\n\n\
             وأضاف أن الحل يجب أن يكون سياسيا.",
        Some("TR"),
    );
    expect_primary(
        &c,
        "fr",
        None,
        "Lavrov : « nous sommes prêts à discuter de la Syrie »",
        "Le chef de la diplomatie russe, Sergueï Lavrov, a dit que son pays \
             discuterait d'un cessez-le-feu en Syrie. La Syrie reste divisée.",
        Some("RU"),
    );
    expect_primary(
        &c,
        "en",
        None,
        "Scholz: 'We will keep helping Ukraine'",
        "German Chancellor Olaf Scholz said aid to Ukraine would continue. Ukraine has asked \
             for more air defence.",
        Some("DE"),
    );
}

#[test]
fn no_dominant_country_in_the_body_is_a_global_story() {
    let c = classifier();
    expect_primary(
        &c,
        "en",
        None,
        "Oil prices rise on supply worries",
        "Prices climbed for a third day as traders weighed output cuts.\n\nDemand from \
             India, China and Brazil stayed strong, analysts said.",
        None,
    );
    expect_primary(
        &c,
        "fr",
        None,
        "Les prix du pétrole montent",
        "Les cours ont progressé pour la troisième journée.\n\nLa demande de l'Inde, de la \
             Chine et du Brésil reste forte, selon les analystes.",
        None,
    );
    expect_primary(
        &c,
        "ar",
        None,
        "أسعار النفط ترتفع",
        "ارتفعت الأسعار لليوم الثالث على التوالي.\n\nوظل الطلب من الهند والصين والبرازيل \
             قويا بحسب المحللين.",
        None,
    );
    // One country clearly ahead, even in the body only, is still the answer.
    expect_primary(
        &c,
        "en",
        None,
        "Prices rise",
        "Prices climbed.\n\nIn Brazil, Brazil's farmers in Brazil and Brazilian traders \
             sold to India and China.",
        Some("BR"),
    );
}

#[test]
fn a_speaker_apposition_names_their_country() {
    let c = classifier();
    expect_primary(
        &c,
        "en",
        None,
        "Haftar: 'We will not stop before Tripoli falls'",
        "Khalifa Haftar, the commander of forces in eastern Libya, said talks with Egypt and \
             Egypt's allies had failed.\n\nEgypt has backed him.",
        Some("LY"),
    );
    expect_primary(
        &c,
        "fr",
        None,
        "Haftar : « nous n'arrêterons pas »",
        "Khalifa Haftar, commandant des forces de l'est de la Libye, a dit que les \
             discussions avec l'Égypte avaient échoué.\n\nL'Égypte le soutient.",
        Some("LY"),
    );
    expect_primary(
        &c,
        "ar",
        None,
        "حفتر: لن نتوقف",
        "قال خليفة حفتر، قائد القوات في شرق ليبيا، إن المحادثات مع مصر فشلت.\n\nوتدعم \
             مصر قواته.",
        Some("LY"),
    );
    // A country in the next sentence is not an apposition.
    let split = primary_of(
        &c,
        "en",
        None,
        "Haftar: 'We will not stop'",
        "Khalifa Haftar spoke on Monday. Egypt said talks had failed.\n\nEgypt sent envoys to \
         Egypt's border.",
    );
    assert_eq!(split.as_deref(), Some("EG"));
}

#[test]
fn a_lead_names_its_subject_first() {
    let c = classifier();
    expect_primary(
        &c,
        "en",
        None,
        "Troops fire on protesters",
        "Kenyan police fired tear gas at crowds on Monday, witnesses said, as protests over \
             prices spread.\n\nNeighbouring Uganda and Tanzania watched closely; Uganda closed a \
             crossing and Tanzania sent envoys to Uganda.",
        Some("KE"),
    );
    expect_primary(
        &c,
        "fr",
        None,
        "Des soldats tirent sur des manifestants",
        "La police sénégalaise a tiré des gaz lacrymogènes lundi, selon des témoins.\n\nLe \
             Mali et la Mauritanie voisins observent; le Mali a fermé un poste et la Mauritanie \
             a envoyé des émissaires au Mali.",
        Some("SN"),
    );
    expect_primary(
        &c,
        "ar",
        None,
        "إطلاق نار على محتجين",
        "أطلقت الشرطة الأردنية الغاز المسيل للدموع على المحتجين يوم الاثنين بحسب شهود.\n\n\
             وتتابع سوريا والعراق الوضع، وأغلقت سوريا معبرا وأرسل العراق مبعوثا إلى سوريا.",
        Some("JO"),
    );
}

#[test]
fn countries_named_once_in_passing_are_no_focus() {
    let c = classifier();
    expect_primary(
        &c,
        "en",
        None,
        "How to sleep better in hot weather",
        "Doctors advise keeping bedrooms dark and drinking water before bed.\n\nA study \
             from Japan found that cool showers help, and sleep clinics in Canada suggest \
             light cotton sheets.",
        None,
    );
    expect_primary(
        &c,
        "fr",
        None,
        "Comment mieux dormir quand il fait chaud",
        "Les médecins conseillent de garder la chambre sombre et de boire de l'eau.\n\nUne \
             étude menée au Japon montre que les douches fraîches aident à s'endormir.",
        None,
    );
    expect_primary(
        &c,
        "ar",
        None,
        "كيف تنام جيدا في الطقس الحار",
        "ينصح الأطباء بإبقاء غرفة النوم مظلمة وشرب الماء قبل النوم.\n\nووجدت دراسة من \
             اليابان أن الاستحمام بالماء البارد يساعد، فيما تنصح عيادات في كندا بأغطية قطنية.",
        None,
    );
    // A country named twice is more than a passing mention.
    expect_primary(
        &c,
        "en",
        None,
        "How to sleep better in hot weather",
        "Doctors advise keeping bedrooms dark.\n\nA study from Japan found that cool \
             showers help; clinics across Japan now advise them.",
        Some("JP"),
    );
    // The source's home country named once is still its focus.
    expect_primary(
        &c,
        "ar",
        Some("Jawhara FM"),
        "وزارة الصحة تدعو إلى التلقيح",
        "دعت وزارة الصحة المواطنين إلى التلقيح قبل فصل الشتاء.\n\nوقالت الوزارة إن \
             الحملة تشمل كل ولايات تونس.",
        Some("TN"),
    );
}

/// Codes of the countries an article names.
fn countries_of(
    c: &Classifier,
    lang: &str,
    source: Option<&str>,
    title: &str,
    body: &str,
) -> Vec<String> {
    c.classify(CleanedArticle {
        id: "h".into(),
        source: source.map(str::to_owned),
        title: title.into(),
        body: body.into(),
        language: lang.into(),
        ..Default::default()
    })
    .countries
    .into_iter()
    .map(|c| c.code)
    .collect()
}

#[test]
fn a_local_outlets_president_of_the_republic_is_its_own_state() {
    let c = classifier();
    // A Tunisian radio: the President of the Republic, named by title only,
    // is Tunisia's, and the call is where the story is, not the caller.
    let title = "رئيس الجمهورية يتلقى مكالمة هاتفية من الرئيس الفرنسي";
    let body = "تلقى رئيس الجمهورية مساء اليوم مكالمة هاتفية من الرئيس الفرنسي تناولت العلاقات \
                الثنائية. وأكد رئيس الجمهورية خلال المكالمة أهمية التعاون مع فرنسا.";
    expect_primary(&c, "ar", Some("Jawhara FM"), title, body, Some("TN"));
    let named = countries_of(&c, "ar", Some("Jawhara FM"), title, body);
    assert!(named.iter().any(|n| n == "TN"), "{named:?}");
    // A pan-Arab channel has no state of its own: the title names no country.
    let named = countries_of(&c, "ar", Some("Sky News Arabia"), title, body);
    assert!(!named.iter().any(|n| n == "TN"), "{named:?}");
    // Qualified by a place, the title is that country's.
    let named = countries_of(
        &c,
        "ar",
        Some("Jawhara FM"),
        "رئيس الجمهورية الجزائري يزور روما",
        "وصل رئيس الجمهورية الجزائري إلى روما في زيارة رسمية.",
    );
    assert!(named.iter().any(|n| n == "DZ"), "{named:?}");
    assert!(!named.iter().any(|n| n == "TN"), "{named:?}");
    // A place further on is the object: the home state's president visits it.
    let named = countries_of(
        &c,
        "ar",
        Some("Jawhara FM"),
        "رئيس الجمهورية يزور فرنسا",
        "يؤدي رئيس الجمهورية زيارة رسمية إلى فرنسا الأسبوع المقبل.",
    );
    assert!(named.iter().any(|n| n == "TN"), "{named:?}");

    // A Moroccan site in French: its head of government.
    let title = "Le chef du gouvernement reçoit une délégation espagnole";
    let body = "Le chef du gouvernement a reçu mardi une délégation espagnole. Les deux parties \
                ont évoqué la coopération avec l'Espagne.";
    expect_primary(&c, "fr", Some("Hespress"), title, body, Some("MA"));
    let named = countries_of(
        &c,
        "fr",
        Some("Hespress"),
        "Le président de la République du Sénégal en visite",
        "Le président de la République du Sénégal est arrivé lundi.",
    );
    assert!(!named.iter().any(|n| n == "MA"), "{named:?}");

    // English titles are not listed: a BBC story about Sri Lanka speaks of
    // "the prime minister" of Sri Lanka.
    let named = countries_of(
        &c,
        "en",
        Some("bbc"),
        "Prime minister resigns after protests",
        "The prime minister of Sri Lanka resigned. The prime minister said the government would stay.",
    );
    assert_eq!(named, vec!["LK".to_owned()]);
}
