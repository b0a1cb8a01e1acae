//! Topic rules that depend on more than one term: a stance of one state
//! towards another (two countries close together), and sport vocabulary that
//! counts against the hard-news labels. Sentences written for the tests, in
//! Arabic, French and English.

mod common;

use common::{assigned, explain, group_points};

const STANCE: &str = "one state towards another";

#[test]
fn a_stance_between_two_states_is_diplomacy() {
    let cases = [
        (
            "ar",
            "الصين ترد على الولايات المتحدة",
            "اتهمت الصين الولايات المتحدة بالتدخل في شؤونها الداخلية، وحذرت واشنطن من عواقب قرارها.",
        ),
        (
            "fr",
            "Alger accuse Rabat",
            "L'Algérie accuse le Maroc d'ingérence et menace de revoir ses relations avec le royaume.",
        ),
        (
            "en",
            "Iran warns Israel",
            "Iran warned Israel on Sunday and accused the Israeli government of interference in Lebanon.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, "diplomacy", STANCE) > 0.0,
            "{lang}: stance group should fire in {body:?}"
        );
        assert!(assigned(&e, "diplomacy"), "{lang}: {body:?} is diplomacy");
    }
}

#[test]
fn the_same_verbs_about_one_country_are_not_a_stance() {
    let cases = [
        (
            "ar",
            "المعارضة تنتقد الحكومة",
            "انتقدت المعارضة في تونس الحكومة واتهمتها بالتقصير، وحذرت من تدهور الخدمات.",
        ),
        (
            "fr",
            "L'opposition accuse le gouvernement",
            "Au Sénégal, l'opposition accuse le gouvernement et dénonce la hausse des prix.",
        ),
        (
            "en",
            "Opposition accuses ministers",
            "In Kenya the opposition accused ministers of waste and warned of protests.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert_eq!(
            group_points(&e, "diplomacy", STANCE),
            0.0,
            "{lang}: one country only in {body:?}"
        );
        assert!(
            !assigned(&e, "diplomacy"),
            "{lang}: {body:?} is not diplomacy"
        );
    }
}

#[test]
fn sport_vocabulary_counts_against_security_and_diplomacy() {
    let cases = [
        (
            "ar",
            "ميدالية ذهبية للمغرب في الألعاب الأولمبية",
            "فاز العداء المغربي بالميدالية الذهبية في سباق الألعاب الأولمبية بعد معركة مع منافسه الكيني، وقال المدرب إن الاتفاق مع الاتحاد كان مفتاح الفوز.",
        ),
        (
            "fr",
            "Jeux olympiques : une médaille d'or pour le Kenya",
            "L'athlète kényan a remporté la médaille d'or après une bataille avec le Marocain ; son entraîneur salue l'accord avec la fédération.",
        ),
        (
            "en",
            "Commonwealth Games: gold medal for Kenya",
            "The Kenyan athlete won the gold medal after a battle with the Moroccan; his coach praised the agreement with the federation.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(!assigned(&e, "security"), "{lang}: {title:?} is sport");
        assert!(!assigned(&e, "diplomacy"), "{lang}: {title:?} is sport");
    }
}

#[test]
fn flight_from_a_war_is_migration_without_the_word_refugee() {
    let cases = [
        (
            "ar",
            "طلاب أفارقة عالقون على الحدود",
            "يروي طلاب أفارقة فروا من الحرب في أوكرانيا كيف بقوا عالقين على الحدود مع بولندا، بينما تواصل سفاراتهم إجلاء الرعايا. وقال أحد الفارين إن الإجلاء تأخر أياما.",
        ),
        (
            "fr",
            "Des étudiants africains bloqués à la frontière",
            "Des étudiants africains qui ont fui la guerre en Ukraine sont restés bloqués à la frontière polonaise. Leurs ambassades organisent l'évacuation des ressortissants ; d'autres attendent d'être rapatriés après avoir dû fuir Kharkiv.",
        ),
        (
            "en",
            "African students stranded at the border",
            "African students who fled the war in Ukraine were stranded at the Polish border. Embassies began the evacuation of their nationals, and some were repatriated after fleeing Kharkiv.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(assigned(&e, "migration"), "{lang}: {title:?} is migration");
    }
}

#[test]
fn a_suspect_who_fled_is_not_migration() {
    let cases = [
        (
            "ar",
            "سرقة متجر في المدينة",
            "سرق رجل متجرا في وسط المدينة ثم فر، وقالت الشرطة إنها تبحث عنه.",
        ),
        (
            "fr",
            "Braquage d'une bijouterie",
            "Le suspect a braqué une bijouterie avant de fuir à moto, selon la police.",
        ),
        (
            "en",
            "Shop robbed in town centre",
            "The suspect robbed a shop and fled on foot, police said.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            !assigned(&e, "migration"),
            "{lang}: {title:?} is not migration"
        );
    }
}

#[test]
fn market_words_with_another_sense_need_an_economic_neighbour() {
    const AMBIGUOUS: &str = "words with another common sense";
    let away = [
        (
            "fr",
            "Un collectif défend ses actions",
            "Le porte-parole du groupe affirme que nos actions sont pacifiques ; la société civile nous soutient.",
        ),
        (
            "en",
            "Activist takes firm stance",
            "She took a firm stance and shares a video of the rally every week.",
        ),
    ];
    for (lang, title, body) in away {
        let e = explain(lang, title, body);
        assert_eq!(
            group_points(&e, "economy", AMBIGUOUS),
            0.0,
            "{lang}: {body:?}"
        );
        assert!(!assigned(&e, "economy"), "{lang}: {body:?} is not economy");
    }
    let near = [
        (
            "fr",
            "La Bourse recule",
            "À la Bourse de Casablanca, les actions des banques reculent après la hausse des taux d'intérêt.",
        ),
        (
            "en",
            "Shares fall",
            "Shares in the firm fell after its profit warning, and the stock market closed lower.",
        ),
    ];
    for (lang, title, body) in near {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, "economy", AMBIGUOUS) > 0.0,
            "{lang}: {body:?}"
        );
    }
}

#[test]
fn strikes_are_labour_news_not_politics() {
    let cases = [
        (
            "ar",
            "إضراب عام للمعلمين",
            "دعت النقابة إلى إضراب عام للمعلمين للمطالبة بالزيادة في الأجور، وقالت إن الإضراب سيستمر ثلاثة أيام. وقال الوزير إن الحكومة مستعدة للحوار.",
        ),
        (
            "fr",
            "Grève des enseignants",
            "Les syndicats d'enseignants appellent à la grève pour les salaires ; le ministre dit que le gouvernement reste ouvert au dialogue.",
        ),
        (
            "en",
            "Teachers vote for strike action",
            "Teachers' unions voted for strike action in a pay dispute; the minister said the government would meet union leaders.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            !assigned(&e, "politics"),
            "{lang}: {title:?} is not politics"
        );
        assert!(assigned(&e, "economy"), "{lang}: {title:?} is labour news");
    }
}

#[test]
fn a_political_transition_is_not_an_energy_transition_and_bills_are_not_laws() {
    let transition = explain(
        "fr",
        "La transition sera dirigée par un civil",
        "Après le coup d'État, la junte promet que la transition sera dirigée par un civil et que des élections suivront.",
    );
    assert!(group_points(&transition, "politics", "transitions and resignations") > 0.0);
    let energy = explain(
        "fr",
        "La transition énergétique s'accélère",
        "La transition énergétique du pays passe par le solaire et l'éolien.",
    );
    assert_eq!(
        group_points(&energy, "politics", "transitions and resignations"),
        0.0
    );
    let bills = explain(
        "en",
        "Plans to cut energy bills",
        "Households could cut their energy bills by avoiding peak-time use, and gas bills may fall too.",
    );
    assert!(
        !assigned(&bills, "politics"),
        "energy bills are not legislation"
    );
    assert!(group_points(&bills, "economy", "business, jobs, energy, prices") > 0.0);
}

#[test]
fn elected_is_not_the_national_team() {
    // "منتخب" after a noun is "elected": politics, not the sport term.
    let e = explain(
        "ar",
        "غياب المجالس المنتخبة",
        "قال رئيس هيئة الانتخابات إن غياب هيكل بلدي منتخب منذ سنوات سابقة، وطالب بتنظيم الانتخابات البلدية.",
    );
    assert_eq!(group_points(&e, "politics", "sport and culture"), 0.0);
    assert!(group_points(&e, "politics", "elections and parties") > 0.0);
    assert!(assigned(&e, "politics"));
    // The national team is still sport.
    let e = explain(
        "ar",
        "المنتخب يفوز",
        "فاز المنتخب الوطني على منتخب مصر في المباراة الودية.",
    );
    assert!(group_points(&e, "politics", "sport and culture") < 0.0);
}

#[test]
fn an_arms_race_and_an_election_race_are_not_sport() {
    let e = explain(
        "ar",
        "مخاوف من سباق التسلح",
        "حذر خبراء من سباق التسلح في المنطقة بعد صفقة أسلحة جديدة.",
    );
    assert_eq!(group_points(&e, "security", "sport and leisure"), 0.0);
    assert!(group_points(&e, "security", "military and defence") > 0.0);
    let e = explain(
        "ar",
        "احتدام السباق الانتخابي",
        "احتدم السباق الانتخابي بين المرشحين قبل أسبوع من الاقتراع.",
    );
    assert_eq!(group_points(&e, "politics", "sport and culture"), 0.0);
    assert!(assigned(&e, "politics"));
    let e = explain("ar", "سباق الماراثون", "فاز العداء بسباق الماراثون الدولي.");
    assert!(group_points(&e, "security", "sport and leisure") < 0.0);
}

#[test]
fn an_ending_does_not_turn_a_term_into_another_word() {
    // "according to" is not an accord, "accordée" (granted) neither, a
    // hospital ward is not a war.
    let e = explain(
        "en",
        "Hospital ward reopens",
        "According to the hospital, the ward reopened on Monday, according to staff.",
    );
    assert_eq!(
        group_points(&e, "diplomacy", "talks, treaties and sanctions"),
        0.0
    );
    assert_eq!(group_points(&e, "security", "armed conflict"), 0.0);
    let e = explain(
        "fr",
        "Une interview accordée au magazine",
        "Dans une interview accordée au magazine, l'acteur a parlé de son film.",
    );
    assert_eq!(
        group_points(&e, "diplomacy", "talks, treaties and sanctions"),
        0.0
    );
    // The words themselves still count.
    let e = explain(
        "en",
        "Accord signed",
        "The two countries signed an accord after the war ended.",
    );
    assert!(group_points(&e, "diplomacy", "talks, treaties and sanctions") > 0.0);
    assert!(group_points(&e, "security", "armed conflict") > 0.0);
}

#[test]
fn a_trade_war_is_economy_not_armed_conflict() {
    for (lang, title, body) in [
        (
            "ar",
            "كندا تخوض حرب التجارة",
            "تخوض كندا حرب تجارة مع جارتها بعد فرض رسوم على الصلب، وتدعم صناعة السيارات.",
        ),
        (
            "fr",
            "La guerre des prix s'intensifie",
            "La guerre des prix entre les supermarchés s'intensifie, selon les distributeurs.",
        ),
        (
            "en",
            "Price war in supermarkets",
            "A price war between supermarkets is hurting small shops, retailers say.",
        ),
    ] {
        let e = explain(lang, title, body);
        assert_eq!(
            group_points(&e, "security", "armed conflict"),
            0.0,
            "{lang}: {title}"
        );
        assert!(
            group_points(&e, "economy", "macroeconomy and finance") > 0.0,
            "{lang}: {title}"
        );
    }
}
