//! Diplomacy rule families (`data/topics/diplomacy.toml`): climate conferences,
//! international law, one state's accusations and proxies, and the market and
//! resignation words that count against the label. Sentences written for the
//! tests, in Arabic, French and English.

mod common;

use common::{assert_no_points, explain};
use newsflow_classify::Explanation;

/// Points that the named group of the diplomacy label added to the evidence.
fn group_points(e: &Explanation, group: &str) -> f64 {
    common::group_points(e, "diplomacy", group)
}

fn diplomacy(e: &Explanation) -> bool {
    common::assigned(e, "diplomacy")
}

#[test]
fn un_climate_conferences_are_international_conferences() {
    let cases = [
        (
            "ar",
            "الوفود تصل إلى مؤتمر المناخ",
            "وصلت وفود أكثر من مئة دولة إلى مؤتمر الأطراف للمناخ في مصر، حيث طالب رئيس السنغال فرنسا والدول الغنية بالوفاء بتعهداتها لدول الجنوب.",
        ),
        (
            "fr",
            "Les délégations arrivent à la COP28",
            "Les délégations de plus de cent pays arrivent à la COP28 à Dubaï, où le Sénégal demande à la France et aux pays riches de tenir leurs promesses de financement.",
        ),
        (
            "en",
            "Leaders urged to keep their pledges at COP27",
            "Delegations from more than a hundred countries arrived at the climate summit in Egypt, where Senegal asked Britain and other rich nations to honour their pledges.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, "international organisations") > 0.0,
            "{lang}: no conference points in {title:?}"
        );
        assert!(diplomacy(&e), "{lang}: {title:?} should be diplomacy");
    }
}

#[test]
fn international_law_is_between_states() {
    let cases = [
        (
            "ar",
            "بيان",
            "قالت الحكومة إن القصف يعد انتهاكا للقانون الدولي.",
        ),
        (
            "fr",
            "Communiqué",
            "Le gouvernement estime que ces frappes violent le droit international.",
        ),
        (
            "en",
            "Statement",
            "The government said the strikes were a breach of international law.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, "talks, treaties and sanctions") > 0.0,
            "{lang}: no points for international law in {body:?}"
        );
    }
}

#[test]
fn west_texas_intermediate_is_crude_not_a_mediator() {
    let cases = [
        ("ar", "النفط", "ارتفع خام غرب تكساس الوسيط إلى 70 دولارا."),
        ("en", "Oil", "West Texas Intermediate rose to 70 dollars."),
    ];
    assert_no_points(&cases, "diplomacy", "talks, treaties and sanctions");
}

#[test]
fn one_states_allegations_and_denials_about_another_count() {
    let cases = [
        (
            "fr",
            "Paris et Londres rejettent les allégations de Moscou",
            "La France et le Royaume-Uni rejettent les allégations de la Russie selon lesquelles l'Ukraine préparerait une provocation. Kiev a démenti toute accusation de la Russie.",
        ),
        (
            "en",
            "London rejects Moscow's allegations",
            "Britain and France rejected the allegations by Russia that Ukraine was planning a provocation. Ukraine denied the accusation by Russia.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, "one state towards another") > 0.0,
            "{lang}: no state-to-state points in {title:?}"
        );
    }
    // The same words in a domestic court story name one country: no points.
    let e = explain(
        "en",
        "Mayor denies the allegations",
        "The mayor of a town in France denied the allegations of fraud in court on Monday.",
    );
    assert_eq!(group_points(&e, "one state towards another"), 0.0);
}

#[test]
fn a_states_proxies_are_relations_between_states() {
    let cases = [
        (
            "ar",
            "تحذير",
            "قال رئيس الوزراء الإسرائيلي إن إسرائيل ستتحرك ضد إيران وليس ضد وكلائها في سوريا فقط.",
        ),
        (
            "en",
            "Warning",
            "The Israeli prime minister said Israel would act against Iran and not only its proxies in Syria.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, "one state towards another") > 0.0,
            "{lang}: no state-to-state points in {body:?}"
        );
    }
}

#[test]
fn a_market_report_that_cites_sanctions_is_not_diplomacy() {
    let cases = [
        (
            "ar",
            "أسعار النفط ترتفع",
            "ارتفعت أسعار النفط اليوم وصعد خام برنت إلى 80 دولارا للبرميل، مع مخاوف من تراجع الإمدادات بسبب العقوبات، وارتفعت الأسهم في البورصة.",
        ),
        (
            "fr",
            "Le prix du pétrole grimpe",
            "Le prix du pétrole grimpe : le Brent gagne deux dollars le baril, porté par les craintes liées aux sanctions, et la Bourse de Paris recule.",
        ),
        (
            "en",
            "Oil prices rise",
            "Oil prices rose on Monday and Brent gained two dollars a barrel on fears that sanctions would cut supply, while shares fell on Wall Street.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, "markets") < 0.0,
            "{lang}: no market points in {title:?}"
        );
        assert!(!diplomacy(&e), "{lang}: {title:?} should not be diplomacy");
    }
}

#[test]
fn a_foreign_minister_resigning_is_domestic_politics() {
    let cases = [
        (
            "ar",
            "استقالة وزير الخارجية",
            "أعلن وزير الخارجية استقالته من الحكومة اليوم بعد خلاف مع رئيس الوزراء حول خطة الحكومة.",
        ),
        (
            "fr",
            "Démission du ministre des Affaires étrangères",
            "Le ministre des Affaires étrangères a présenté sa démission au président, en désaccord avec le Premier ministre sur le programme du gouvernement.",
        ),
        (
            "en",
            "Foreign secretary resigns",
            "The foreign secretary resigned from the cabinet on Monday after a dispute with the prime minister over the government's plan.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, "resignations and reshuffles") < 0.0,
            "{lang}: no resignation points in {title:?}"
        );
        assert!(!diplomacy(&e), "{lang}: {title:?} should not be diplomacy");
    }
}

#[test]
fn a_ban_or_a_recognition_at_home_is_not_diplomacy() {
    // A ban decided at home, a confession, facial recognition: no second state.
    let cases = [
        (
            "ar",
            "افتتاح أول دار سينما بعد حظر طويل",
            "افتتحت أول دار سينما في المدينة بعد حظر دام عقودا، وأعلنت السلطات حظر التدخين في القاعات. وجاء الاعتراف بالخطأ من المنظمين.",
        ),
        (
            "fr",
            "La reconnaissance faciale interdite dans les écoles",
            "Le gouvernement a interdit la reconnaissance faciale dans les écoles après une plainte de parents.",
        ),
        (
            "en",
            "Facial recognition banned in schools",
            "Ministers banned facial recognition in schools after complaints from parents about privacy.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert_eq!(
            group_points(&e, "talks, treaties and sanctions"),
            0.0,
            "{lang}: {body:?}"
        );
        assert!(!diplomacy(&e), "{lang}: {body:?} is not diplomacy");
    }
}

#[test]
fn an_embargo_between_states_is_diplomacy() {
    let e = explain(
        "ar",
        "تمديد حظر الأسلحة على ليبيا",
        "قرر مجلس الأمن الدولي بالإجماع تمديد حظر الأسلحة المفروض على ليبيا لعام آخر، وطالب الأمين العام للأمم المتحدة الدول الأعضاء باحترام الحظر.",
    );
    assert!(group_points(&e, "talks, treaties and sanctions") > 0.0);
    assert!(diplomacy(&e));
    // One state's ban on another: the stance of one state towards another.
    let e = explain(
        "ar",
        "السعودية تحظر واردات من كندا",
        "أعلنت السعودية حظر الواردات من كندا ردا على انتقادات كندا لسجلها الحقوقي.",
    );
    assert!(group_points(&e, "one state towards another") > 0.0);
    // The chemical-weapons watchdog is an international organisation, and
    // its subject is security.
    let e = explain(
        "ar",
        "مفتشو منظمة حظر الأسلحة الكيميائية يصلون",
        "وصل مفتشو منظمة حظر الأسلحة الكيميائية إلى سوريا للتحقيق في الهجوم.",
    );
    assert!(group_points(&e, "international organisations") > 0.0);
    assert!(common::group_points(&e, "security", "weapons of mass destruction") > 0.0);
}

#[test]
fn a_visit_is_diplomacy_between_two_states() {
    // A head of government touring a province at home.
    let e = explain(
        "ar",
        "رئيس الحكومة في زيارة إلى الجنوب",
        "أدى رئيس الحكومة زيارة ميدانية إلى ولاية تطاوين حيث اطلع على سير المشاريع في الجهة.",
    );
    assert!(!diplomacy(&e), "a visit at home");
    // One state's leader visiting another.
    let e = explain(
        "ar",
        "العاهل المغربي في زيارة إلى فرنسا",
        "بدأ العاهل المغربي زيارة إلى فرنسا يلتقي خلالها الرئيس الفرنسي لبحث التعاون بين المغرب وفرنسا.",
    );
    assert!(group_points(&e, "one state towards another") > 0.0);
    assert!(diplomacy(&e));
}

#[test]
fn safety_greetings_and_names_are_not_peace() {
    // السلامة (safety) folds to السلام + a possessive ه; عبد السلام is a name,
    // السلام عليكم a greeting, دار السلام a city, the Nobel peace prize an award.
    let cases = [
        "حذرت هيئة الطيران من مخاطر على سلامة الركاب وطالبت الشركات بإجراءات للسلامة.",
        "قال المتحدث عبد السلام في كلمة بدأها بعبارة السلام عليكم إن الوفد وصل إلى دار السلام.",
        "فازت الناشطة بجائزة نوبل للسلام لهذا العام.",
    ];
    for body in cases {
        let e = explain("ar", "خبر", body);
        assert_eq!(
            group_points(&e, "talks, treaties and sanctions"),
            0.0,
            "{body:?}"
        );
    }
    // Peace between states still counts.
    let e = explain(
        "ar",
        "خبر",
        "دعا الرئيس إلى السلام بين البلدين بعد سنوات من الحرب.",
    );
    assert!(group_points(&e, "talks, treaties and sanctions") > 0.0);
}

#[test]
fn a_province_is_not_a_boycott() {
    // مقاطعة is a province (مقاطعة كيبيك) as often as a boycott: alone it
    // counts only with two countries close by.
    let e = explain(
        "ar",
        "حرائق في الغابات",
        "اندلعت حرائق في الغابات في مقاطعة شمالية وأجلت السلطات السكان من القرى المجاورة.",
    );
    assert_eq!(group_points(&e, "talks, treaties and sanctions"), 0.0);
    assert_eq!(group_points(&e, "one state towards another"), 0.0);
    // One state boycotting another.
    let e = explain(
        "ar",
        "السعودية تعلن مقاطعة قطر",
        "أعلنت السعودية مقاطعة قطر وقطع العلاقات معها، وطالبت الدول المقاطعة الدوحة بتنفيذ مطالبها.",
    );
    assert!(group_points(&e, "one state towards another") > 0.0);
    assert!(diplomacy(&e));
}

#[test]
fn pay_talks_between_unions_and_employers_are_not_diplomacy() {
    let cases = [
        (
            "ar",
            "انطلاق المفاوضات الاجتماعية",
            "أعلنت النقابة انطلاق مفاوضات الأجور مع الحكومة الأسبوع المقبل، وقال الأمين العام إن المفاوضات الاجتماعية ستشمل القطاع العام.",
        ),
        (
            "fr",
            "Reprise des négociations salariales",
            "Les syndicats des enseignants et le gouvernement reprennent les négociations salariales lundi.",
        ),
        (
            "en",
            "Nurses demand pay talks",
            "The nurses' union said it would strike again unless the health secretary reopened pay talks, and pay negotiations with employers stalled.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert_eq!(
            group_points(&e, "talks, treaties and sanctions"),
            0.0,
            "{lang}: {title:?}"
        );
        assert!(!diplomacy(&e), "{lang}: {title:?} is not diplomacy");
    }
    // Talks between states still count.
    let e = explain(
        "en",
        "Talks in Geneva",
        "Russia and Ukraine began talks in Geneva on Monday.",
    );
    assert!(group_points(&e, "talks, treaties and sanctions") > 0.0);
}

#[test]
fn a_named_summit_of_states_is_an_international_conference() {
    // "القمة العربية" is a summit by name: no leader need stand next to it.
    let e = explain(
        "ar",
        "انطلاق أعمال القمة العربية",
        "تنطلق اليوم أعمال القمة العربية في دورتها الجديدة، وتناقش الأوضاع في المنطقة.",
    );
    assert!(group_points(&e, "international organisations") > 0.0);
    // A summit next to the heads of state who attend it; a monarch is one.
    let cases = [
        (
            "ar",
            "قمة في عمان",
            "استقبل العاهل الأردني الوفود المشاركة في القمة التي تبحث الأزمة في المنطقة.",
        ),
        (
            "fr",
            "Sommet à Addis-Abeba",
            "Les chefs d'État se retrouvent au sommet pour discuter de la crise dans la région.",
        ),
        (
            "en",
            "Summit in Addis Ababa",
            "Heads of state gather at the summit to discuss the crisis in the region.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, "summits") > 0.0,
            "{lang}: no summit points in {body:?}"
        );
    }
    // A mountain top is not a summit of leaders.
    let e = explain(
        "en",
        "Climbers",
        "The climbers reached the summit of the mountain on Monday.",
    );
    assert_eq!(group_points(&e, "summits"), 0.0);
}

#[test]
fn social_aid_at_home_is_not_foreign_aid() {
    let e = explain(
        "ar",
        "المساعدات الاجتماعية",
        "قررت الوزارة صرف المساعدات الاجتماعية للعائلات المعوزة قبل العيد.",
    );
    assert_eq!(group_points(&e, "talks, treaties and sanctions"), 0.0);
}

#[test]
fn blood_donors_and_landlords_are_not_aid_donors() {
    let cases = [
        (
            "fr",
            "Les loyers flambent",
            "Les bailleurs exigent trois mois de caution aux locataires de Kinshasa.",
        ),
        (
            "en",
            "Blood donors needed",
            "The hospital appealed for blood donors and organ donors after a shortage.",
        ),
    ];
    assert_no_points(&cases, "diplomacy", "talks, treaties and sanctions");
    let cases = [
        (
            "fr",
            "Conférence",
            "Les bailleurs de fonds internationaux ont promis deux milliards au Niger.",
        ),
        (
            "en",
            "Conference",
            "International donors pledged two billion dollars to Yemen at the donor conference.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, "talks, treaties and sanctions") > 0.0,
            "{lang}: {body:?}"
        );
    }
}

#[test]
fn a_foreign_minister_sacked_is_domestic_politics() {
    let cases = [
        (
            "ar",
            "إقالة وزير الخارجية",
            "أعلن الرئيس إقالة وزير الخارجية وتعيين مدير المخابرات خلفا له.",
        ),
        (
            "fr",
            "Limogeage du ministre des Affaires étrangères",
            "Le président a limogé le ministre des Affaires étrangères et nommé son directeur de cabinet.",
        ),
        (
            "en",
            "Foreign secretary sacked",
            "The prime minister sacked the foreign secretary on Monday and named the home secretary instead.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, "resignations and reshuffles") < 0.0,
            "{lang}: no dismissal points in {title:?}"
        );
        assert!(!diplomacy(&e), "{lang}: {title:?} should not be diplomacy");
    }
}

#[test]
fn one_diplomatic_word_among_many_countries_is_not_enough() {
    // A travel story that names four countries twice each and an embassy
    // once, after the lead: the countries add evidence, but not enough to
    // make one word in the body a story about relations between states.
    let cases = [
        (
            "ar",
            "موسم السياحة",
            "وصل سياح من فرنسا وإسبانيا وإيطاليا وألمانيا إلى الشواطئ هذا الصيف. وقالت شركات السفر إن الحجوزات من فرنسا وإسبانيا ارتفعت، وإن السياح من إيطاليا وألمانيا يفضلون الفنادق الصغيرة.\n\nونصحت السفارة المسافرين بحمل جوازاتهم.",
        ),
        (
            "fr",
            "La saison touristique",
            "Des touristes venus de France, d'Espagne, d'Italie et d'Allemagne sont arrivés sur les plages cet été. Les agences disent que les réservations depuis la France et l'Espagne augmentent, et que les touristes d'Italie et d'Allemagne préfèrent les petits hôtels.\n\nL'ambassade conseille aux voyageurs de garder leur passeport.",
        ),
        (
            "en",
            "The tourist season",
            "Tourists from France, Spain, Italy and Germany arrived on the beaches this summer. Travel firms said bookings from France and Spain rose, and that tourists from Italy and Germany prefer small hotels.\n\nThe embassy advised travellers to carry their passports.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, "diplomats and foreign ministries") > 0.0,
            "{lang}: the embassy should count"
        );
        assert!(!diplomacy(&e), "{lang}: {title:?} should not be diplomacy");
    }
}

#[test]
fn an_agreement_with_a_company_is_not_a_treaty() {
    let cases = [
        (
            "ar",
            "صفقة طاقة",
            "وقعت الحكومة اتفاقية مع شركة صينية لبناء محطة للطاقة الشمسية.",
        ),
        (
            "fr",
            "Contrat d'énergie",
            "Le ministère a signé un accord avec la société chinoise pour construire une centrale solaire.",
        ),
        (
            "en",
            "Energy contract",
            "The ministry signed an agreement with the company to build a solar plant.",
        ),
    ];
    assert_no_points(&cases, "diplomacy", "talks, treaties and sanctions");
}

#[test]
fn the_g7_and_g20_are_clubs_of_states() {
    let cases = [
        (
            "ar",
            "مجموعة العشرين تحذر",
            "حذرت مجموعة العشرين في ختام اجتماعها من خطر التوترات التجارية.",
        ),
        (
            "fr",
            "Le G20 met en garde",
            "Le G20 met en garde contre les tensions commerciales à l'issue de sa réunion.",
        ),
        (
            "en",
            "G20 warns",
            "The G20 warned of the risk of trade tensions at the end of its meeting.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, "international organisations") > 0.0,
            "{lang}: no points for the G20 in {title:?}"
        );
    }
}

#[test]
fn a_counterpart_of_another_state_is_diplomacy() {
    // "His counterpart" between two named states is a meeting of their
    // officials, with or without a word for talks next to it.
    let cases = [
        (
            "ar",
            "لقاء في موسكو",
            "التقى الرئيس الأمريكي نظيره الروسي في موسكو وتناولا الأوضاع في سوريا.",
        ),
        (
            "fr",
            "Rencontre à Moscou",
            "Le président américain a retrouvé son homologue russe à Moscou pour évoquer la Syrie.",
        ),
        (
            "en",
            "Meeting in Moscow",
            "The American president joined his Russian counterpart in Moscow to discuss Syria.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, "one state towards another") > 0.0,
            "{lang}: no counterpart points in {body:?}"
        );
    }
    // A club beating its counterpart at home names one country.
    let e = explain(
        "ar",
        "الدوري",
        "فاز النادي الأهلي على نظيره الزمالك في القاهرة.",
    );
    assert_eq!(group_points(&e, "one state towards another"), 0.0);
}

#[test]
fn the_coalitions_name_is_not_one_state_backing_another() {
    // "The Coalition to Support Legitimacy in Yemen" names every interception
    // report: its "support" is a name, not a state backing another.
    let cases = [
        (
            "ar",
            "اعتراض صاروخ",
            "أعلن تحالف دعم الشرعية في اليمن بقيادة السعودية اعتراض صاروخ أطلقه الحوثيون.",
        ),
        (
            "fr",
            "Un missile intercepté",
            "La coalition de soutien à la légitimité au Yémen, menée par l'Arabie saoudite, a intercepté un missile.",
        ),
    ];
    assert_no_points(&cases, "diplomacy", "one state towards another");
}

#[test]
fn a_british_secretary_of_state_for_health_is_not_a_diplomat() {
    // In British news a "Secretary of State for" health, education or
    // Scotland is a cabinet minister at home.
    let e = explain(
        "en",
        "Hospital waiting lists",
        "The Secretary of State for Health said waiting lists would fall, and the shadow secretary of state called the plan weak.",
    );
    assert_eq!(group_points(&e, "diplomats and foreign ministries"), 0.0);
    // The foreign secretary's full title and the American title still count.
    let e = explain(
        "en",
        "Talks in Washington",
        "The Secretary of State for Foreign Affairs flew to Washington, where the US secretary of state received her.",
    );
    assert!(group_points(&e, "diplomats and foreign ministries") > 0.0);
}
