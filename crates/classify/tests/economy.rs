//! Economy rule families (`data/topics/economy.toml`): the words that look
//! economic but are not. Sentences written for the tests, in Arabic, French
//! and English.

mod common;

use common::explain;
use newsflow_classify::Explanation;

/// The economy terms that fired, as they were written in the rules.
fn economy_terms(e: &Explanation) -> Vec<String> {
    e.topics
        .iter()
        .filter(|t| t.label == "economy")
        .flat_map(|t| t.hits.iter())
        .filter(|h| h.points > 0.0)
        .map(|h| h.term.clone())
        .collect()
}

/// Asserts that no economy term fires in any of the (lang, title, body) cases.
#[track_caller]
fn assert_no_economy_terms(cases: &[(&str, &str, &str)]) {
    for &(lang, title, body) in cases {
        let terms = economy_terms(&explain(lang, title, body));
        assert!(
            terms.is_empty(),
            "{lang}: economy terms {terms:?} in {title:?}"
        );
    }
}

/// Asserts that each (lang, title, body, term) case is economy, with `term`
/// among the terms that fired.
#[track_caller]
fn assert_economy_by(cases: &[(&str, &str, &str, &str)]) {
    for &(lang, title, body, term) in cases {
        let e = explain(lang, title, body);
        let terms = economy_terms(&e);
        assert!(terms.iter().any(|t| t == term), "{lang}: {terms:?}");
        assert!(economy(&e), "{lang}: {title:?} should be economy");
    }
}

fn economy(e: &Explanation) -> bool {
    common::assigned(e, "economy")
}

#[test]
fn a_card_is_not_energy() {
    // بطاقة (card) reads as بـ + طاقة (with energy) once the proclitic is
    // stripped: identity and credit cards are not energy markets.
    let e = explain(
        "ar",
        "قواعد جديدة للتحقق من السن",
        "سيطلب من المستخدمين تقديم بطاقة هوية أو بطاقة الائتمان، وتقول الهيئة إن البطاقات لن تحفظ.",
    );
    let terms = economy_terms(&e);
    assert!(
        !terms.iter().any(|t| t == "الطاقة"),
        "card counted as energy: {terms:?}"
    );

    // The word for energy itself still counts.
    let e = explain(
        "ar",
        "ارتفاع أسعار الطاقة",
        "ارتفعت أسعار الطاقة والمحروقات في الأسواق هذا الشهر.",
    );
    assert!(economy_terms(&e).iter().any(|t| t == "الطاقة"));
    assert!(economy(&e));
}

#[test]
fn words_with_a_second_sense_need_an_economic_neighbour() {
    // صناعة is "making" as well as "industry", التشغيل "operating" as well as
    // "employment": alone they do not count.
    let e = explain(
        "ar",
        "الميليشيات تستحدث معامل جديدة",
        "استحدثت الميليشيات معامل لصناعة الألغام، وقال المسؤول إن التشغيل السليم للمطار يتطلب جدارا.",
    );
    let terms = economy_terms(&e);
    assert!(
        !terms.iter().any(|t| t == "الصناعة" || t == "التشغيل"),
        "{terms:?}"
    );

    // Next to an economic term they still count.
    let e = explain(
        "ar",
        "تراجع الصناعة",
        "تراجعت الصناعة في البلاد مع ارتفاع أسعار الطاقة وتباطؤ النمو الاقتصادي.",
    );
    assert!(economy_terms(&e).iter().any(|t| t == "الصناعة"));
    assert!(economy(&e));
}

#[test]
fn drafts_decisions_and_idioms_are_not_economy() {
    let cases = [
        (
            "ar",
            "تصويت في مجلس الأمن",
            "يصوت المجلس على مشروع قرار يدين الهجوم، وقال مصدر قريب من دوائر صناعة القرار إن الوفد سيطلب التصدي لتمويل الإرهاب.",
        ),
        (
            "fr",
            "Les joueurs sont prêts à tout",
            "Les alliés sont prêts à resserrer l'étau. Le scrutin ne servira pas de monnaie d'échange, et la lutte contre le financement du terrorisme continue.",
        ),
        (
            "en",
            "Crackdown on terror financing",
            "Police said the network was involved in terrorist financing across the region.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        let terms = economy_terms(&e);
        assert!(
            terms.is_empty(),
            "{lang}: economy terms {terms:?} in {title:?}"
        );
    }

    // A loan is still a loan, and a budget a budget.
    let e = explain(
        "fr",
        "Le FMI accorde un prêt au Sénégal",
        "Le prêt doit soutenir le budget et réduire le déficit.",
    );
    assert!(economy_terms(&e).iter().any(|t| t == "prêt"));
    assert!(economy(&e));
}

/// Evidence the economy label got, after every group (negative ones too).
fn economy_evidence(e: &Explanation) -> f64 {
    e.topics
        .iter()
        .filter(|t| t.label == "economy")
        .map(|t| t.evidence)
        .sum()
}

#[test]
fn asset_freezes_are_sanctions_not_economy() {
    let cases = [
        (
            "ar",
            "الاتحاد الأوروبي يمدد تجميد أصول مالية لوزراء سابقين",
            "قرر الاتحاد الأوروبي تمديد تجميد الأصول المالية لعدد من الوزراء السابقين لعام آخر، وقالت الحكومة إنها ستواصل جهودها لاسترجاع الأموال.",
        ),
        (
            "fr",
            "L'UE prolonge le gel des avoirs financiers d'anciens ministres",
            "Le gel des avoirs, décidé il y a sept ans, vise des fonds et des comptes financiers d'anciens dirigeants.",
        ),
        (
            "en",
            "EU extends asset freeze on former ministers",
            "The asset freeze covers financial accounts held by the former ministers, the EU said.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(!economy(&e), "{lang}: {title:?} should not be economy");
        assert!(
            economy_evidence(&e) < 2.0,
            "{lang}: economy evidence {} in {title:?}",
            economy_evidence(&e)
        );
        // The same words still make the story diplomacy (sanctions).
        let sanction_points: f64 = e
            .topics
            .iter()
            .filter(|t| t.label == "diplomacy")
            .flat_map(|t| t.hits.iter())
            .filter(|h| h.points > 0.0)
            .map(|h| h.points)
            .sum();
        assert!(
            sanction_points > 0.0,
            "{lang}: no diplomacy points in {title:?}"
        );
    }
}

#[test]
fn food_banks_and_the_tax_office_name_are_not_finance() {
    // A food bank is a charity and "Revenue" in the tax office's name is not
    // a company's revenue: the compound hides the economic word.
    let cases = [
        (
            "ar",
            "متطوعون يوزعون الطعام",
            "افتتح متطوعون بنك الطعام في الحي لمساعدة الأسر، ويستقبل بنك الدم المتبرعين يوم الجمعة.",
            "بنك",
        ),
        (
            "fr",
            "Des bénévoles distribuent des repas",
            "La banque alimentaire du quartier accueille chaque semaine des familles, et la banque de sang appelle aux dons.",
            "banque",
        ),
        (
            "en",
            "Volunteers hand out meals",
            "The food bank opened on Monday. HM Revenue and Customs said its phone lines would reopen tomorrow.",
            "bank",
        ),
    ];
    for (lang, title, body, word) in cases {
        let terms = economy_terms(&explain(lang, title, body));
        assert!(
            !terms.iter().any(|t| t == word || t == "revenue"),
            "{lang}: {terms:?}"
        );
    }

    // A bank and a company's revenue are still economic.
    let e = explain(
        "en",
        "Bank profits rise",
        "The bank said revenue rose 8% as interest rates climbed.",
    );
    let terms = economy_terms(&e);
    assert!(
        terms.iter().any(|t| t == "bank") && terms.iter().any(|t| t == "revenue"),
        "{terms:?}"
    );
}

#[test]
fn commercial_flights_and_economic_pressure_are_not_trade() {
    // "Commercial" flights are scheduled air travel, and "economic pressure"
    // on a government is a diplomatic lever: neither is trade or the economy.
    let cases = [
        (
            "ar",
            "استئناف الرحلات إلى العاصمة",
            "أعلنت الحكومة استئناف الرحلات التجارية إلى العاصمة، في إطار الضغوط الاقتصادية على النظام.",
        ),
        (
            "fr",
            "Reprise des vols vers la capitale",
            "Les vols commerciaux reprendront lundi, a annoncé le gouvernement, qui veut accentuer la pression économique sur le régime.",
        ),
        (
            "en",
            "Flights to the capital resume",
            "Commercial flights will resume on Monday, the government said, as it keeps up economic pressure on the regime.",
        ),
    ];
    assert_no_economy_terms(&cases);
}

#[test]
fn chlorine_gas_and_christmas_markets_are_not_energy_or_trade() {
    let cases = [
        (
            "ar",
            "المفتشون يؤكدون استخدام غاز الكلور",
            "قال المحققون إن غاز الكلور استخدم في الهجوم، وقتل شخص في أحد أسواق عيد الميلاد.",
        ),
        (
            "fr",
            "Attaque sur un marché de Noël",
            "Un camion a foncé sur le marché de Noël de la ville.",
        ),
        (
            "en",
            "Inspectors confirm chlorine gas use",
            "Inspectors said chlorine gas was used in the attack, and a lorry drove into a Christmas market.",
        ),
    ];
    assert_no_economy_terms(&cases);
}

#[test]
fn real_madrid_and_a_transfer_fee_are_not_the_currency_market() {
    // "الريال" alone is Real Madrid in a sport story; a fee in euros is a sum
    // of money, which only reinforces an economic theme.
    let e = explain(
        "ar",
        "الريال يقدم عرضا مذهلا لضم المهاجم",
        "قدم الريال عرضا بقيمة 100 مليون يورو لضم المهاجم، ويأمل الريال في حسم الصفقة قبل مباراة الكلاسيكو.",
    );
    let terms = economy_terms(&e);
    assert!(!terms.iter().any(|t| t == "اليورو"), "{terms:?}");
    assert!(!terms.iter().any(|t| t == "الريال"), "{terms:?}");
    assert!(!economy(&e), "{terms:?}");
    // The riyal named with its country is the currency.
    let e = explain(
        "ar",
        "تراجع الريال اليمني",
        "تراجع الريال اليمني أمام الدولار في سوق الصرف، وارتفعت أسعار المواد الغذائية.",
    );
    let terms = economy_terms(&e);
    assert!(terms.iter().any(|t| t == "الريال اليمني"), "{terms:?}");
    assert!(economy(&e), "{terms:?}");
}

#[test]
fn a_currency_named_alone_is_a_sum_a_verb_or_a_tournament() {
    // A coach's salary in dollars, a fine in euros, shelling that "pounded" a
    // town and the women's "Euros" name a currency word with no economic
    // term near it: no economy points.
    let cases = [
        (
            "ar",
            "مدرب جديد للمنتخب",
            "وقع المدرب عقدا لثلاث سنوات مقابل 90 ألف دولار شهريا، وسيقود الفريق في التصفيات المقبلة.",
            "الدولار",
        ),
        (
            "fr",
            "Une amende pour l'équipe",
            "La fédération a infligé une amende de 2 000 euros au club après la bagarre entre supporters.",
            "euro",
        ),
        (
            "en",
            "Artillery pounded the town overnight",
            "Residents said artillery pounded the town for hours before the team flew home to prepare for the Euros.",
            "pound",
        ),
    ];
    for (lang, title, body, word) in cases {
        let e = explain(lang, title, body);
        let terms = economy_terms(&e);
        assert!(
            !terms.iter().any(|t| t == word || t == "euro"),
            "{lang}: {terms:?} in {title:?}"
        );
        assert!(!economy(&e), "{lang}: {title:?} should not be economy");
    }

    // Next to an economic term the currency is the market's subject.
    let cases = [
        (
            "ar",
            "تراجع الجنيه",
            "تراجع الجنيه أمام الدولار بعد قرار البنك المركزي رفع أسعار الفائدة لمواجهة التضخم.",
            "الدولار",
        ),
        (
            "fr",
            "L'euro recule",
            "L'euro recule face au dollar après la décision de la banque centrale sur les taux d'intérêt.",
            "dollar",
        ),
        (
            "en",
            "Pound falls against the dollar",
            "The pound fell against the dollar after the central bank held interest rates as inflation rose.",
            "pound",
        ),
    ];
    assert_economy_by(&cases);
}

#[test]
fn an_institution_is_not_an_enterprise() {
    // مؤسسة is any institution (the army, the state's institutions, a school,
    // a charity); alone it is not a company.
    let e = explain(
        "ar",
        "المؤسسة العسكرية تحذر",
        "حذرت المؤسسة العسكرية من الفوضى، ودعت مؤسسة خيرية إلى حماية الأطفال في المؤسسات التربوية.",
    );
    let terms = economy_terms(&e);
    assert!(!terms.iter().any(|t| t == "مؤسسة"), "{terms:?}");

    // Next to an economic term it is an enterprise.
    let e = explain(
        "ar",
        "مؤسسة صغيرة تضاعف أرباحها",
        "ضاعفت مؤسسة صغيرة أرباحها هذا العام بعد ارتفاع مبيعات الشركة في الأسواق الخارجية.",
    );
    assert!(economy_terms(&e).iter().any(|t| t == "مؤسسة"));
    assert!(economy(&e));
}

#[test]
fn tariffs_and_trade_wars_are_trade() {
    // Diplomacy lists tariffs and trade wars as one state's stance towards
    // another; the longer phrase used to hide economy's "تجاري"/"commercial"
    // inside it. They are trade too, so both labels count them.
    let cases = [
        (
            "ar",
            "الحرب التجارية تضر بالصادرات",
            "قال الوزير إن الحرب التجارية والرسوم الجمركية الجديدة ستضر بالصادرات وبالنمو الاقتصادي.",
            "الحرب التجارية",
        ),
        (
            "fr",
            "La guerre commerciale pèse sur les exportations",
            "Les nouveaux droits de douane pèsent sur les exportations et la croissance, a dit le ministre.",
            "droits de douane",
        ),
        (
            "en",
            "Trade war hits exports",
            "New tariffs on steel will hurt exports and growth, the minister said of the trade war.",
            "tariffs",
        ),
    ];
    assert_economy_by(&cases);
}

#[test]
fn the_lira_is_a_currency_next_to_economic_terms() {
    let e = explain(
        "ar",
        "انهيار الليرة",
        "واصلت الليرة التركية تراجعها أمام الدولار مع ارتفاع التضخم وأسعار الفائدة.",
    );
    let terms = economy_terms(&e);
    assert!(terms.iter().any(|t| t == "الليرة"), "{terms:?}");
    assert!(economy(&e));
}

#[test]
fn a_fine_is_a_penalty_not_finance() {
    // "Financial" in a fine or a penalty names the form of a punishment
    // (a footballer, a smoker, a newspaper), not a financial theme.
    let cases = [
        (
            "ar",
            "عقوبة على اللاعب",
            "فرض الاتحاد غرامة مالية على اللاعب وأوقفه ثلاث مباريات بعد دفعه للحكم.",
        ),
        (
            "fr",
            "Le joueur suspendu",
            "La fédération lui inflige des pénalités financières et trois matchs de suspension.",
        ),
        (
            "en",
            "Player banned for three matches",
            "The league imposed a financial penalty and banned the player for three matches.",
        ),
    ];
    assert_no_economy_terms(&cases);
}

#[test]
fn job_counts_and_job_seekers_are_employment() {
    // وظيفة is also a function (of an app) and توظيف a use (of data, of
    // religion): only the employment collocations count on their own.
    let e = explain(
        "ar",
        "مليون طلب توظيف",
        "تلقت الهيئة مليون طلب توظيف لشغل عشرين ألف وظيفة في القطاع العام.",
    );
    let terms = economy_terms(&e);
    assert!(
        terms.iter().any(|t| t == "طلب توظيف") && terms.iter().any(|t| t == "ألف وظيفة"),
        "{terms:?}"
    );

    let e = explain(
        "ar",
        "تحديث جديد للتطبيق",
        "أضاف التطبيق وظيفة جديدة تسمح بحذف الرسائل، وانتقد خبراء توظيف البيانات في الإعلانات.",
    );
    assert!(economy_terms(&e).is_empty(), "{:?}", economy_terms(&e));
}

#[test]
fn financial_as_a_sum_a_reward_or_a_fine_is_not_finance() {
    // المالي/مالية is "financial" in a sum found on a suspect, a reward, a
    // prize or a fine (Tunisian خطية): none of them is a financial theme.
    // Financial corruption (الفساد المالي) and Malian forces (القوات
    // المالية) are left alone: a longer economy exclusion would hide
    // politics' الفساد and security's القوات/الجيش inside them.
    let e = explain(
        "ar",
        "تفكيك شبكة لترويج المخدرات",
        "حجزت الوحدات مبالغ مالية وخطية مالية لدى أفراد الشبكة، ورصدت الشرطة مكافأة مالية لمن يدلي بمعلومات.",
    );
    let terms = economy_terms(&e);
    assert!(
        !terms
            .iter()
            .any(|t| t == "المالية" || t == "مالي" || t == "الاقتصادية"),
        "{terms:?}"
    );
    assert!(!economy(&e), "{terms:?}");

    // The finance ministry and the financial crisis are still finance.
    let e = explain(
        "ar",
        "وزارة المالية تعرض الميزانية",
        "عرضت وزارة المالية مشروع الميزانية وقالت إن الأزمة المالية خفضت الإيرادات.",
    );
    assert!(economy_terms(&e).iter().any(|t| t == "المالية"));
    assert!(economy(&e));
}

#[test]
fn takeovers_brands_and_tycoons_need_a_business_neighbour() {
    // A takeover can be military, an acquisition one of weapons, a fusion
    // and a rachat moral or political, and "branded" means "called": these
    // deal words count only next to a business term.
    let cases = [
        (
            "en",
            "The Taliban takeover, one year on",
            "A year after the Taliban takeover, the group was branded a threat and its acquisition of weapons continued.",
        ),
        (
            "fr",
            "Un rachat des fautes",
            "Le parti promet le rachat des fautes passées et la fusion des deux mouvements avant le scrutin.",
        ),
    ];
    assert_no_economy_terms(&cases);

    let cases = [
        (
            "en",
            "Telecom firm agrees takeover",
            "The telecom company agreed a takeover by its rival, and the merger will give the firm more customers and a bigger share of advertising revenue.",
            "takeover",
        ),
        (
            "fr",
            "Un groupe bancaire annonce un rachat",
            "Le groupe bancaire annonce le rachat d'une entreprise concurrente; la fusion doit augmenter son chiffre d'affaires.",
            "rachat",
        ),
    ];
    assert_economy_by(&cases);
}

#[test]
fn a_player_on_loan_is_not_a_bank_loan() {
    // In football a loan is a player lent to another club for a season.
    let cases = [
        (
            "fr",
            "Les derniers transferts de prêt",
            "L'attaquant rejoint Grenade en prêt jusqu'à la fin de la saison, après deux périodes de prêt au Canada.",
        ),
        (
            "en",
            "Striker joins rivals on loan",
            "The striker joined the rivals on loan for the rest of the season after a loan spell in Scotland.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        let terms = economy_terms(&e);
        assert!(
            terms.is_empty(),
            "{lang}: economy terms {terms:?} in {title:?}"
        );
    }
}

#[test]
fn police_and_clergy_unions_are_not_labour_news() {
    // Unions of the security forces (Tunisia has several) and of imams speak
    // about elections, politics and religion, not pay or jobs.
    let cases = [
        (
            "ar",
            "نقابات أمنية تهدد بالطعن",
            "هددت نقابات أمنية باللجوء إلى القضاء، وقال كاتب عام نقابة الحرس الوطني إن المؤسسة الأمنية محايدة، وساندت نقابة الأئمة البيان.",
        ),
        (
            "fr",
            "Les syndicats de police menacent",
            "Les syndicats de policiers menacent de saisir la justice, a déclaré un responsable du syndicat de police.",
        ),
    ];
    assert_no_economy_terms(&cases);

    // A union in a pay dispute is still labour news.
    let e = explain(
        "ar",
        "النقابة تعلن الإضراب",
        "أعلنت النقابة العامة للتعليم الإضراب العام للمطالبة بالزيادة في الأجور.",
    );
    assert!(economy_terms(&e).iter().any(|t| t == "النقابة"));
    assert!(economy(&e));
}

#[test]
fn counterfeiting_is_a_crime_not_the_currency_market() {
    let cases = [
        (
            "ar",
            "تفكيك شبكة تزييف عملة",
            "أوقفت الشرطة شخصين بتهمة تزوير العملة وحجزت لديهما أوراقا من العملة المزورة.",
        ),
        (
            "fr",
            "Un réseau de fausse monnaie démantelé",
            "La police a arrêté deux faux-monnayeurs et saisi de la fausse monnaie.",
        ),
        (
            "en",
            "Counterfeit currency gang jailed",
            "Two men were jailed for making counterfeit currency in a garage.",
        ),
    ];
    assert_no_economy_terms(&cases);
}

#[test]
fn satellites_and_energy_drinks_are_not_industry_or_energy() {
    // A satellite is an "industrial moon" in Arabic (قمر صناعي), and an
    // energy drink is a soft drink.
    let cases = [
        (
            "ar",
            "إطلاق قمر صناعي جديد",
            "أطلقت الوكالة قمرا صناعيا لرصد الطقس، وتحذر من أن الحطام يهدد الأقمار الصناعية، فيما تبحث الحكومة حظر مشروبات الطاقة.",
        ),
        (
            "en",
            "Ban on energy drinks for children",
            "The government wants to stop shops selling energy drinks to children.",
        ),
    ];
    for (lang, title, body) in cases {
        let terms = economy_terms(&explain(lang, title, body));
        assert!(
            !terms
                .iter()
                .any(|t| t == "صناعي" || t == "الطاقة" || t == "energy"),
            "{lang}: {terms:?} in {title:?}"
        );
    }
}

#[test]
fn the_atomic_energy_agency_is_not_an_energy_market() {
    let cases = [
        (
            "ar",
            "مفتشو الوكالة الدولية للطاقة الذرية في طهران",
            "وصل مفتشو الوكالة الدولية للطاقة الذرية إلى طهران لتفقد المنشآت.",
        ),
        (
            "fr",
            "Les inspecteurs de l'AIEA à Téhéran",
            "Les inspecteurs de l'Agence internationale de l'énergie atomique sont arrivés à Téhéran.",
        ),
        (
            "en",
            "IAEA inspectors arrive in Tehran",
            "Inspectors from the International Atomic Energy Agency arrived in Tehran.",
        ),
    ];
    assert_no_economy_terms(&cases);
}

#[test]
fn malls_and_illicit_gains_are_not_trade_or_projects() {
    // A shopping centre is the place of a fire or a bomb alert, and مشروع
    // is also "legitimate" (غير مشروع "illicit", الدفاع المشروع
    // "self-defence"), not only a project.
    let cases = [
        (
            "ar",
            "حريق في مركز تجاري",
            "قتل عشرة أشخاص في حريق بمركز تجاري، ويحاكم المسؤول بتهمة الكسب غير المشروع، وقال محاميه إنه حق مشروع.",
        ),
        (
            "fr",
            "Alerte à la bombe dans un centre commercial",
            "La police a évacué le centre commercial après une alerte à la bombe.",
        ),
        (
            "en",
            "Fire at a shopping centre",
            "Firefighters evacuated the shopping centre after the blaze started on the roof.",
        ),
    ];
    assert_no_economy_terms(&cases);

    // A project is still a project.
    let e = explain(
        "ar",
        "إطلاق مشروع جديد",
        "أطلقت الحكومة مشروع محطة تحلية بتمويل من البنك الدولي لتوفير فرص العمل.",
    );
    assert!(economy_terms(&e).iter().any(|t| t == "مشروع"));
}

#[test]
fn an_indication_is_not_a_market_index() {
    // مؤشر is a market index and also any sign or indication (early
    // results, a health survey).
    let e = explain(
        "ar",
        "مؤشرات أولية على فوز الرئيس",
        "أظهرت مؤشرات أولية فوز الرئيس بولاية ثانية، في مؤشر على ضعف المعارضة.",
    );
    let terms = economy_terms(&e);
    assert!(!terms.iter().any(|t| t == "مؤشر"), "{terms:?}");

    let e = explain(
        "ar",
        "ارتفاع مؤشر البورصة",
        "ارتفع المؤشر العام للبورصة مع صعود أسهم البنوك وتراجع التضخم.",
    );
    assert!(economy_terms(&e).iter().any(|t| t == "مؤشر"));
    assert!(economy(&e));
}

#[test]
fn financial_fair_play_is_football_governance() {
    // UEFA's financial fair play rules punish clubs with bans from
    // competitions: a sport story, however "financial" its name.
    let cases = [
        (
            "ar",
            "عقوبة على النادي",
            "عاقب الاتحاد الأوروبي النادي بحرمانه من البطولات القارية لمخالفته قواعد اللعب المالي النظيف.",
        ),
        (
            "fr",
            "Le club privé de Coupe d'Europe",
            "L'UEFA prive le club de Coupe d'Europe pour non-respect du fair-play financier.",
        ),
        (
            "en",
            "Club banned from Europe",
            "Uefa banned the club from European competition for breaking Financial Fair Play rules.",
        ),
    ];
    assert_no_economy_terms(&cases);
}
