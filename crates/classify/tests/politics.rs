//! Politics rule families (`data/topics/politics.toml`) found on the unlabelled
//! corpus by its section labels: words with a second sense outside politics
//! (a clinical trial, a household bill, a repair, a chief executive's
//! resignation, the armed opposition, the public prosecutor), sources and
//! bodies that are not domestic politics, and the phrases that make a head of
//! government a political subject. Sentences written for the tests, in
//! Arabic, French and English where the family exists in that language.

mod common;

use common::explain;
use newsflow_classify::Explanation;

/// Points that the named group of the politics label added to the evidence.
fn group_points(e: &Explanation, group: &str) -> f64 {
    common::group_points(e, "politics", group)
}

fn politics(e: &Explanation) -> bool {
    common::assigned(e, "politics")
}

#[test]
fn a_trial_alone_is_a_court_case() {
    let cases = [
        (
            "ar",
            "بدء محاكمة المتهمين بقتل تاجر",
            "بدأت اليوم محاكمة ثلاثة رجال متهمين بقتل تاجر في السوق، وأجلت المحكمة الجلسة إلى الشهر المقبل.",
        ),
        (
            "fr",
            "Ouverture du procès des meurtriers d'un commerçant",
            "Le procès de trois hommes accusés du meurtre d'un commerçant s'est ouvert lundi; le tribunal a renvoyé l'audience au mois prochain.",
        ),
        (
            "en",
            "Trial of three men accused of shopkeeper murder opens",
            "The trial of three men accused of murdering a shopkeeper opened on Monday and the judge adjourned the hearing until next month.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, "trials") > 0.0,
            "{lang}: the trial should still be seen in {title:?}"
        );
        assert!(!politics(&e), "{lang}: {title:?} is a court case");
    }
}

#[test]
fn a_trial_reinforces_a_political_story() {
    let cases = [
        (
            "ar",
            "محاكمة زعيم المعارضة",
            "بدأت محاكمة زعيم حزب المعارضة بتهمة إهانة الرئيس، وندد نواب البرلمان بما وصفوه بمحاكمة سياسية قبل الانتخابات.",
        ),
        (
            "fr",
            "Procès du chef de l'opposition",
            "Le procès du chef du principal parti d'opposition s'est ouvert; les députés dénoncent un procès politique avant l'élection présidentielle.",
        ),
        (
            "en",
            "Opposition leader goes on trial",
            "The opposition leader went on trial accused of insulting the president, and MPs from his party called it a political trial before the election.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(group_points(&e, "trials") > 0.0, "{lang}: no trial points");
        assert!(politics(&e), "{lang}: {title:?} should be politics");
    }
}

#[test]
fn clinical_and_field_trials_are_not_court_trials() {
    let e = explain(
        "en",
        "Vaccine trials show promise",
        "Early trials of the vaccine were trialled in three hospitals and the company plans larger trials next year.",
    );
    assert_eq!(group_points(&e, "trials"), 0.0);
    assert!(!politics(&e));
}

#[test]
fn household_bills_are_not_legislation() {
    let e = explain(
        "en",
        "Grocery bills to rise again",
        "Families face higher grocery bills this winter, and the new service was billed as a way to save money.",
    );
    assert_eq!(group_points(&e, "parliament and government"), 0.0);
    assert!(!politics(&e));
    let e = explain(
        "en",
        "MPs back the bill",
        "MPs voted for the bill in parliament on Tuesday.",
    );
    assert!(group_points(&e, "parliament and government") > 0.0);
}

#[test]
fn a_football_vote_is_sport() {
    let cases = [
        (
            "ar",
            "الفيفا يصوت على استضافة كأس العالم",
            "بدأ التصويت في الفيفا على الملفات المرشحة لاستضافة مونديال 2030، وتنافس المرشحون على أصوات الاتحادات، فيما أعلن المدرب قائمة المنتخب.",
        ),
        (
            "fr",
            "La Fifa vote pour le Mondial",
            "Le vote de la Fifa pour attribuer la Coupe du monde a commencé; chaque candidat a défendu son dossier et l'entraîneur a publié sa liste.",
        ),
        (
            "en",
            "Fifa votes on World Cup hosts",
            "Fifa members began the vote on who will host the World Cup, with each candidate defending its bid while the coach named his squad for the tournament.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, "sport and culture") < 0.0,
            "{lang}: no sport points in {title:?}"
        );
        assert!(!politics(&e), "{lang}: {title:?} is sport");
    }
}

#[test]
fn economic_reforms_and_repairs_are_not_political_reform() {
    let cases = [
        (
            "ar",
            "صندوق النقد يشيد بالإصلاح الاقتصادي",
            "أشاد صندوق النقد الدولي ببرنامج الإصلاح الذي تنفذه البلاد، وقال إن الإصلاحات الاقتصادية خفضت العجز. وأعلنت الشركة إصلاح العطل في الشبكة.",
        ),
        (
            "fr",
            "Le FMI salue les réformes économiques",
            "Le FMI salue les réformes économiques du pays, qui ont réduit le déficit, et demande de poursuivre la réforme économique.",
        ),
        (
            "en",
            "IMF praises economic reforms",
            "The IMF praised the country's economic reforms, saying economic reform had cut the deficit.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert_eq!(
            group_points(&e, "parliament and government"),
            0.0,
            "{lang}: reform counted in {title:?}"
        );
        assert!(!politics(&e), "{lang}: {title:?} is economy");
    }
}

#[test]
fn a_chief_executive_resigns_too() {
    let cases = [
        (
            "ar",
            "استقالة مؤسس تطبيق للتواصل",
            "أعلن مؤسس تطبيق التواصل الشهير استقالته من منصبه بعد خلاف مع مجلس إدارة الشركة حول الخصوصية.",
        ),
        (
            "fr",
            "Démission du patron d'une banque",
            "Le directeur général de la banque présente sa démission après une année de pertes record.",
        ),
        (
            "en",
            "Bank chief executive resigns",
            "The chief executive of the bank resigned after a year of record losses, the company said.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert_eq!(
            group_points(&e, "resignations"),
            0.0,
            "{lang}: resignation counted in {title:?}"
        );
        assert!(!politics(&e), "{lang}: {title:?} is business news");
    }
}

#[test]
fn an_office_holder_resigns() {
    let cases = [
        (
            "ar",
            "استقالة وزير الصحة",
            "قدم وزير الصحة استقالته إلى رئيس الحكومة بعد انتقادات النواب لإدارته للأزمة.",
        ),
        (
            "fr",
            "Démission du ministre de la Santé",
            "Le ministre de la Santé a présenté sa démission au Premier ministre après les critiques des députés.",
        ),
        (
            "en",
            "Health minister resigns",
            "The health minister resigned on Friday after criticism from MPs over his handling of the crisis.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, "resignations") > 0.0,
            "{lang}: no resignation points in {title:?}"
        );
        assert!(politics(&e), "{lang}: {title:?} should be politics");
    }
    // A title that another label lists whole (diplomacy's "foreign minister") still tells
    // that the resignation is an office holder's.
    let e = explain(
        "en",
        "Foreign minister resigns",
        "The foreign minister resigned on Friday.",
    );
    assert!(group_points(&e, "resignations") > 0.0);
}

#[test]
fn a_new_prime_minister_is_government_formation() {
    let cases = [
        (
            "ar",
            "رئيس الوزراء الجديد يلقي كلمته الأولى",
            "ألقى رئيس الوزراء الجديد كلمته الأولى أمام المواطنين ووعد بمعالجة الأزمة.",
        ),
        (
            "fr",
            "Le nouveau Premier ministre s'adresse au pays",
            "Le nouveau Premier ministre a prononcé son premier discours et promis de régler la crise.",
        ),
        (
            "en",
            "New prime minister addresses the nation",
            "The new prime minister gave his first speech and promised to fix the crisis.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, "new governments") > 0.0,
            "{lang}: no points in {title:?}"
        );
        assert!(politics(&e), "{lang}: {title:?} should be politics");
    }
}

#[test]
fn a_council_or_a_law_alone_is_not_politics() {
    let e = explain(
        "en",
        "Council approves care home takeover",
        "The county council approved the takeover of a care home, and the council said residents would not have to move.",
    );
    assert!(group_points(&e, "councils and the law") > 0.0);
    assert!(!politics(&e));
    let e = explain(
        "en",
        "Singer must face copyright case, judge rules",
        "A judge ruled that the singer must face the copyright case under US law.",
    );
    assert!(!politics(&e));
    let e = explain(
        "en",
        "Government plans new law on strikes",
        "The government is planning a new law to limit strikes in public services.",
    );
    assert!(group_points(&e, "parliament and government") > 0.0);
}

#[test]
fn chaired_by_is_not_the_presidency() {
    let e = explain(
        "ar",
        "اجتماع برئاسة وزير التجارة",
        "عقد مجلس التجارة الإلكترونية اجتماعه الأول برئاسة وزير التجارة لبحث تطوير القطاع.",
    );
    assert_eq!(group_points(&e, "parliament and government"), 0.0);
    assert!(!politics(&e));
}

#[test]
fn the_armed_opposition_is_a_side_in_a_war() {
    let cases = [
        (
            "ar",
            "إجلاء مقاتلي المعارضة",
            "بدأ إجلاء مقاتلي المعارضة وعائلاتهم من البلدة بعد اتفاق مع فصائل المعارضة، وقالت المعارضة السورية إن القصف استمر حتى الصباح بحسب المرصد السوري لحقوق الإنسان.",
        ),
        (
            "fr",
            "Évacuation des combattants",
            "Les combattants de l'opposition armée quittent la ville, selon l'Observatoire syrien des droits de l'homme; l'opposition syrienne dénonce les bombardements.",
        ),
        (
            "en",
            "Fighters leave besieged town",
            "Opposition fighters began leaving the town, the Syrian Observatory for Human Rights said, as the Syrian opposition accused the army of shelling.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        let points = group_points(&e, "elections and parties")
            + group_points(&e, "parliament and government");
        assert_eq!(points, 0.0, "{lang}: political points in {title:?}");
        assert!(!politics(&e), "{lang}: {title:?} is war news");
    }
}

#[test]
fn un_human_rights_bodies_are_international() {
    let cases = [
        (
            "ar",
            "المفوضية السامية لحقوق الإنسان تنتقد",
            "انتقدت المفوضية السامية لحقوق الإنسان استمرار القصف، ودعا مجلس حقوق الإنسان إلى تحقيق.",
        ),
        (
            "fr",
            "Le Conseil des droits de l'homme demande une enquête",
            "Le Conseil des droits de l'homme et le Haut-Commissariat aux droits de l'homme demandent une enquête.",
        ),
        (
            "en",
            "Human Rights Council calls for inquiry",
            "The Human Rights Council and the High Commissioner for Human Rights called for an inquiry.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert_eq!(
            group_points(&e, "parliament and government"),
            0.0,
            "{lang}: human-rights points in {title:?}"
        );
    }
}

#[test]
fn armed_parties_are_militant_groups() {
    let cases = [
        (
            "ar",
            "غارات على مواقع حزب العمال الكردستاني",
            "قصفت الطائرات مواقع لحزب العمال الكردستاني في الجبال، وقال الجيش إن مسلحي الحزب الإسلامي التركستاني انسحبوا.",
        ),
        (
            "fr",
            "Frappes contre le Parti des travailleurs du Kurdistan",
            "L'armée a frappé des positions du Parti des travailleurs du Kurdistan dans les montagnes.",
        ),
        (
            "en",
            "Strikes on Kurdistan Workers' Party positions",
            "Jets struck positions of the Kurdistan Workers' Party in the mountains, the army said.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert_eq!(
            group_points(&e, "elections and parties"),
            0.0,
            "{lang}: party points in {title:?}"
        );
        assert!(!politics(&e), "{lang}: {title:?} is war news");
    }
}

#[test]
fn the_public_prosecutor_is_not_a_deputy() {
    let e = explain(
        "ar",
        "النائب العام يكشف سبب الوفاة",
        "كشف النائب العام نتائج التحقيق في وفاة سائحين في الفندق.",
    );
    assert_eq!(group_points(&e, "government"), 0.0);
    assert!(!politics(&e));
}

#[test]
fn a_cabinet_reshuffle_in_each_usage() {
    let cases = [
        // Tunisian papers write تحوير وزاري where others write تعديل وزاري.
        (
            "ar",
            "تحوير وزاري مرتقب",
            "يستعد رئيس الحكومة لإعلان التحوير الوزاري خلال الأيام القادمة.",
        ),
        (
            "ar",
            "تعديل وزاري مرتقب",
            "يستعد رئيس الحكومة لإعلان التعديل الوزاري خلال الأيام القادمة.",
        ),
        (
            "fr",
            "Un remaniement attendu",
            "Le chef du gouvernement s'apprête à annoncer un remaniement dans les prochains jours.",
        ),
        (
            "en",
            "Reshuffle expected",
            "The prime minister is expected to announce a reshuffle in the coming days.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, "parliament and government") > 0.0,
            "{lang}: no reshuffle points in {title:?}"
        );
        assert!(politics(&e), "{lang}: {title:?} should be politics");
    }
}

#[test]
fn political_tension_in_a_market_report_is_a_cause_not_a_subject() {
    let cases = [
        (
            "ar",
            "الذهب يرتفع",
            "ارتفعت أسعار الذهب بفعل التوترات السياسية في أوروبا، وسط المخاطر السياسية التي تخشاها الأسواق.",
        ),
        (
            "fr",
            "L'or progresse",
            "L'or progresse sur fond d'incertitude politique en Europe, un risque politique que craignent les marchés.",
        ),
        (
            "en",
            "Gold rises",
            "Gold prices rose on political uncertainty in Europe, a political risk that markets fear.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert_eq!(
            group_points(&e, "parliament and government"),
            0.0,
            "{lang}: political points in {title:?}"
        );
        assert!(!politics(&e), "{lang}: {title:?} is a market report");
    }
}

#[test]
fn a_vote_on_a_draft_resolution_is_the_un_not_a_parliament() {
    let cases = [
        (
            "ar",
            "مجلس الأمن",
            "أرجأ مجلس الأمن التصويت على مشروع قرار بشأن الهدنة.",
        ),
        (
            "fr",
            "Conseil de sécurité",
            "Le Conseil de sécurité a reporté le vote sur le projet de résolution sur la trêve.",
        ),
        (
            "en",
            "Security Council",
            "The Security Council postponed the vote on a draft resolution on the truce.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert_eq!(
            group_points(&e, "elections and parties"),
            0.0,
            "{lang}: a UN vote counted as an election in {body:?}"
        );
    }
}
