//! Security rule families (`data/topics/security.toml`): weapons of mass
//! destruction, cyberattacks, drones, and the words that count against the
//! label. Sentences written for the tests, in Arabic, French and English.

mod common;

use common::explain;
use newsflow_classify::Explanation;

/// Points that the named group of the security label added to the evidence.
fn group_points(e: &Explanation, group: &str) -> f64 {
    common::group_points(e, "security", group)
}

fn security(e: &Explanation) -> bool {
    common::assigned(e, "security")
}

/// Each case must be labelled security, with points from `group`.
fn assert_security_from(group: &str, cases: &[(&str, &str, &str)]) {
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, group) > 0.0,
            "{lang}: no {group} points in {title:?}"
        );
        assert!(security(&e), "{lang}: {title:?} should be security");
    }
}

#[test]
fn chemical_weapons_inspections_are_security() {
    assert_security_from(
        "weapons of mass destruction",
        &[
            (
                "ar",
                "المفتشون يصلون إلى البلدة",
                "قال مندوب في الأمم المتحدة إن بلاده تسهل وصول خبراء منظمة حظر الأسلحة الكيمياوية إلى البلدة للتحقيق في الهجوم الكيماوي المزعوم.",
            ),
            (
                "fr",
                "Les inspecteurs attendus sur place",
                "Les experts de l'OIAC doivent enquêter sur une attaque chimique présumée dans la ville.",
            ),
            (
                "en",
                "Inspectors wait to enter the town",
                "Experts from the OPCW are waiting to investigate a suspected chemical attack on the town.",
            ),
        ],
    );
}

#[test]
fn nuclear_proliferation_is_security() {
    assert_security_from(
        "weapons of mass destruction",
        &[
            (
                "ar",
                "مخاوف من البرنامج النووي",
                "قال المسؤول إن الاتفاق لن يمنع البلاد من صنع قنبلة نووية، وطالب بوقف تخصيب اليورانيوم.",
            ),
            (
                "fr",
                "Inquiétudes sur le programme nucléaire",
                "Le ministre estime que l'accord n'empêchera pas le pays de se doter de l'arme nucléaire.",
            ),
            (
                "en",
                "Concern over the nuclear programme",
                "The minister said the deal would not stop the country from building a nuclear bomb.",
            ),
        ],
    );
}

#[test]
fn hackers_and_cyberattacks_are_security() {
    // Hackers count through their own group, next to the intelligence service here.
    let cases = [
        (
            "ar",
            "قراصنة يخترقون هاتف وزيرة",
            "تمكن قراصنة من اختراق هاتف الوزيرة المسؤولة عن جهاز المخابرات ونشروا رسائلها.",
        ),
        (
            "fr",
            "Des hackers piratent le téléphone d'une ministre",
            "Des pirates informatiques ont pris le contrôle du téléphone de la ministre chargée du renseignement.",
        ),
        (
            "en",
            "Hackers target the minister's phone",
            "Hackers took over the phone of the minister in charge of intelligence services.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        let points = group_points(&e, "cyberattacks") + group_points(&e, "hackers");
        assert!(points > 0.0, "{lang}: no hacker points in {title:?}");
        assert!(security(&e), "{lang}: {title:?} should be security");
    }
}

#[test]
fn an_unmanned_aircraft_is_a_drone() {
    // "طائرتها الأولى دون طيار": a possessive and an adjective split the
    // usual "طائرة دون طيار"; "دون طيار" alone still means a drone.
    let e = explain(
        "ar",
        "الدولة تنهي صنع طائرتها الأولى دون طيار",
        "أعلنت الهيئة أن الطائرة قادرة على حمل صواريخ موجهة والتحليق لمسافة طويلة.",
    );
    assert!(group_points(&e, "military and defence") > 0.0);
    assert!(security(&e));
}

#[test]
fn a_data_leak_or_an_online_scam_alone_is_not_security() {
    let cases = [
        (
            "fr",
            "Un logiciel vérifie les numéros qui ont fuité",
            "Un site permet de vérifier si son numéro de téléphone figure dans la fuite de données du réseau social.",
        ),
        (
            "en",
            "Check whether your number leaked",
            "A website lets users check whether their phone number was in the social network's data leak.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert_eq!(group_points(&e, "cyberattacks"), 0.0, "{lang}: {title:?}");
        assert!(!security(&e), "{lang}: {title:?} should not be security");
    }
}

#[test]
fn a_life_in_culture_or_history_that_recounts_wars_is_not_security() {
    let cases = [
        (
            "ar",
            "رحيل المؤرخ البارز عن عمر يناهز 90 عاما",
            "توفي المؤرخ الذي كتب عن الحرب الأهلية وعن التطرف في المنطقة. وكان كتابه عن الحرب مرجعا للباحثين، وألف رواية عن المنفى.",
        ),
        (
            "fr",
            "Un pianiste en exil rêve de rapprocher deux mondes",
            "Le musicien a fui la guerre et les bombardements. Dans ses concerts, le pianiste chante l'exil, et sa musique parle des combattants qu'il a connus.",
        ),
        (
            "en",
            "A historian of the Middle East dies aged 101",
            "The historian wrote about war and extremism in the region. The historian's books on the war are still read by students.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, "culture, history and obituaries") < 0.0,
            "{lang}: no culture points in {title:?}"
        );
        assert!(!security(&e), "{lang}: {title:?} should not be security");
    }
}

#[test]
fn a_plural_on_the_first_word_of_a_french_phrase_still_counts() {
    // The matcher accepts endings at the end of a term only: "coups d'État"
    // and "conflits armés" are listed as terms of their own.
    let e = explain(
        "fr",
        "Le pays se souvient",
        "Le capitaine a mené deux coups d'État avant d'être élu. Les conflits armés de la région ont marqué son mandat.",
    );
    let hits: Vec<&str> = e
        .topics
        .iter()
        .filter(|t| t.label == "security")
        .flat_map(|t| t.hits.iter())
        .map(|h| h.term.as_str())
        .collect();
    assert!(hits.contains(&"coups d'État"), "{hits:?}");
    assert!(hits.contains(&"conflits armés"), "{hits:?}");
}

#[test]
fn the_world_wars_are_history_not_a_war_today() {
    let cases = [
        (
            "ar",
            "إعادة تمثيل مشهد تاريخي",
            "أعاد أطفال تمثيل مشهد من الحرب العالمية الأولى في احتفال مدرسي.",
        ),
        (
            "fr",
            "Une reconstitution historique",
            "Des enfants ont rejoué une scène de la Première Guerre mondiale lors d'une fête d'école.",
        ),
        (
            "en",
            "A historical re-enactment",
            "Children re-enacted a scene from the First World War at a school fete.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert_eq!(
            group_points(&e, "armed conflict"),
            0.0,
            "{lang}: a world war scored as armed conflict in {body:?}"
        );
    }
}

#[test]
fn border_forces_and_criminal_gangs_are_organised_crime_and_borders() {
    let cases = [
        (
            "ar",
            "قمة أوروبية حول الهجرة",
            "يبحث القادة تعزيز الحدود الخارجية ودعم خفر السواحل وإنشاء قوة لمراقبة الحدود.",
        ),
        (
            "fr",
            "Un gang démantelé",
            "Les chefs du gang ont été inculpés; le réseau criminel opérait depuis plusieurs pays avec l'aide de la mafia locale.",
        ),
        (
            "en",
            "Leaders discuss border control",
            "Leaders discussed the external borders, more coast guard patrols and a criminal network smuggling people.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, "organised crime and borders") >= 2.0,
            "{lang}: {body:?}"
        );
    }
    // A river is not a gang: "gang" takes no ending.
    let e = explain(
        "en",
        "Bodies found in the Ganges",
        "Bodies were found in the Ganges.",
    );
    assert_eq!(group_points(&e, "organised crime and borders"), 0.0);
}

#[test]
fn ngos_without_borders_are_not_borders() {
    let cases = [
        (
            "ar",
            "تقرير منظمة مراسلون بلا حدود",
            "نشرت منظمة مراسلون بلا حدود تقريرها السنوي.",
        ),
        (
            "fr",
            "Le rapport de Reporters sans frontières",
            "Reporters sans frontières publie son rapport annuel.",
        ),
        (
            "en",
            "Doctors Without Borders report",
            "Doctors Without Borders published its annual report.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        let scored: f64 = e
            .topics
            .iter()
            .filter(|t| t.label == "security")
            .flat_map(|t| t.hits.iter())
            .map(|h| h.points)
            .sum();
        assert_eq!(scored, 0.0, "{lang}: {title:?}");
    }
}

#[test]
fn phrases_listed_by_another_label_still_count_for_security() {
    // Politics lists the military council and the armed opposition, diplomacy the arms
    // embargo: longer phrases that would hide the security term, so security lists the
    // same phrases and both labels see them.
    let cases = [
        (
            "ar",
            "military and defence",
            "المجلس العسكري يعلن موعد الانتخابات",
            "أعلن المجلس العسكري أن الانتخابات ستجرى قبل نهاية العام.",
        ),
        (
            "ar",
            "military and defence",
            "تمديد حظر الأسلحة",
            "قرر المجلس تمديد حظر الأسلحة المفروض على البلاد لعام آخر.",
        ),
        (
            "fr",
            "armed conflict",
            "L'opposition armée avance vers la ville",
            "Selon des témoins, l'opposition armée a pris deux villages près de l'autoroute.",
        ),
    ];
    for (lang, group, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, group) > 0.0,
            "{lang}: no {group} points in {title:?}"
        );
    }
}

#[test]
fn a_space_launch_is_not_a_missile() {
    let cases = [
        (
            "ar",
            "إطلاق صاروخ يحمل قمرا صناعيا للأرصاد",
            "انطلق صاروخ من قاعدة الإطلاق حاملا قمرا صناعيا لرصد الطقس، وقالت وكالة الفضاء إن الصاروخ وضع القمر الصناعي في مداره.",
        ),
        (
            "ar",
            "انفجار صاروخ فضائي بعد ثوان من إقلاعه",
            "انفجر صاروخ فضائي طورته شركة خاصة بعد ثوان من إقلاعه، ولم يكن على متنه أحد.",
        ),
        (
            "en",
            "Rocket puts weather satellite into orbit",
            "A rocket lifted off from the launch pad carrying a weather satellite, and the space agency said the rocket reached orbit.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(!security(&e), "{lang}: {title:?} should not be security");
    }
}

#[test]
fn a_missile_strike_seen_by_satellite_is_still_security() {
    assert_security_from(
        "armed conflict",
        &[
            (
                "ar",
                "صواريخ تستهدف قاعدة جوية",
                "أطلقت جماعة مسلحة صواريخ على قاعدة جوية، وأظهرت صور الأقمار الصناعية أضرارا في المدرج بعد الغارات.",
            ),
            (
                "en",
                "Rockets hit an air base",
                "Militants fired rockets at an air base, and satellite images showed damage to the runway after the shelling.",
            ),
        ],
    );
}

#[test]
fn a_war_of_words_or_a_legal_battle_is_a_metaphor() {
    let cases = [
        (
            "ar",
            "حرب كلامية بين الوزير والنقابة",
            "تواصلت الحرب الكلامية بين الوزير والنقابة، فيما تخوض الشركة معركة قضائية مع منافستها.",
        ),
        (
            "fr",
            "Guerre des mots entre le ministre et le syndicat",
            "La guerre des mots se poursuit entre le ministre et le syndicat, tandis que l'entreprise poursuit sa bataille judiciaire.",
        ),
        (
            "en",
            "War of words between minister and union",
            "The war of words between the minister and the union went on, while the company lost its legal battle over the brand.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert_eq!(
            group_points(&e, "armed conflict"),
            0.0,
            "{lang}: a metaphorical war scored as armed conflict in {title:?}"
        );
        assert!(!security(&e), "{lang}: {title:?} should not be security");
    }
}

#[test]
fn an_overturned_vehicle_is_an_accident_not_a_coup() {
    // Arabic انقلاب is a coup and also the overturning of a vehicle or a boat.
    let e = explain(
        "ar",
        "قتلى وجرحى في انقلاب حافلة تقل عمالا",
        "لقي ثلاثة أشخاص حتفهم وأصيب عشرة آخرون إثر انقلاب حافلة تقل عمالا على الطريق الجهوي.",
    );
    assert_eq!(group_points(&e, "armed conflict"), 0.0);
    assert!(!security(&e), "a bus overturning should not be security");
    // "Road terrorism" is the toll of road accidents.
    let road = explain(
        "ar",
        "إرهاب الطرقات يحصد خمسة ضحايا",
        "لقي خمسة أشخاص حتفهم في حادث مرور على الطريق الوطنية، في حصيلة جديدة لإرهاب الطرقات.",
    );
    assert!(!security(&road), "road carnage should not be security");
    let coup = explain(
        "ar",
        "انقلاب في العاصمة",
        "أعلن ضباط في الجيش الاستيلاء على السلطة في انقلاب فجر اليوم.",
    );
    assert!(group_points(&coup, "armed conflict") > 0.0);
    assert!(security(&coup), "a coup should be security");
}

#[test]
fn a_nuclear_power_station_is_energy_not_a_weapon() {
    let cases = [
        (
            "ar",
            "تشغيل أول محطة نووية لإنتاج الكهرباء",
            "أعلنت الشركة موعد تشغيل أول مفاعل نووي في البلاد، وقالت إن المحطة ستوفر ربع حاجات الكهرباء.",
        ),
        (
            "fr",
            "Une première centrale nucléaire mise en service",
            "L'entreprise annonce la mise en service de la centrale nucléaire, qui fournira un quart de l'électricité du pays grâce à l'énergie nucléaire.",
        ),
        (
            "en",
            "First nuclear power station switched on",
            "The company switched on the country's first nuclear power station, saying nuclear energy would supply a quarter of its electricity.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert_eq!(
            group_points(&e, "military and defence"),
            0.0,
            "{lang}: nuclear power scored as military in {title:?}"
        );
        assert!(!security(&e), "{lang}: {title:?} should not be security");
    }
}

#[test]
fn mood_disorders_and_crisis_cells_are_not_unrest_or_terror_cells() {
    // اضطرابات is unrest and also a medical disorder; خلية a terror cell and also a
    // living cell or a government crisis cell.
    let e = explain(
        "ar",
        "دراسة تربط الساعة البيولوجية باضطرابات المزاج",
        "وجد الباحثون أن اضطراب الساعة البيولوجية يرتبط باضطرابات المزاج، وأن الخلايا العصبية تتأثر بقلة النوم. وشكلت الوزارة خلية أزمة لمتابعة الحالات.",
    );
    assert_eq!(group_points(&e, "organised crime and borders"), 0.0);
    assert!(!security(&e), "a medical study should not be security");
}

#[test]
fn an_earthquake_or_a_flood_with_casualties_is_not_security() {
    let cases = [
        (
            "ar",
            "قتلى وجرحى في زلزال قوي",
            "أعلنت الشرطة مقتل خمسة أشخاص وإصابة العشرات في زلزال قوي ضرب المدينة، وشارك الجيش في رفع الأنقاض.",
        ),
        (
            "fr",
            "Morts et blessés après un séisme",
            "La police annonce cinq morts et des dizaines de blessés après un séisme qui a secoué la ville; l'armée participe aux secours.",
        ),
        (
            "en",
            "Dead and injured after a strong earthquake",
            "Police said five people were killed and dozens injured in an earthquake that hit the city, and the army joined the rescue.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert!(
            group_points(&e, "natural disasters") < 0.0,
            "{lang}: {title:?}"
        );
        assert!(!security(&e), "{lang}: {title:?} should not be security");
    }
}

#[test]
fn a_verbal_attack_or_a_team_attack_is_not_an_armed_attack() {
    let cases = [
        (
            "ar",
            "الداعية يشن هجوما لاذعا على مقدم البرامج",
            "شن الداعية هجوما لاذعا على مقدم البرامج بعد حلقة عن الدين، فيما قال المدرب إن السلاح الهجومي للفريق جاهز.",
        ),
        (
            "fr",
            "Attaques verbales contre l'animateur",
            "Le prédicateur a multiplié les attaques verbales contre l'animateur après l'émission.",
        ),
        (
            "en",
            "Preacher launches personal attack on presenter",
            "The preacher launched a personal attack on the presenter after the programme on religion.",
        ),
    ];
    for (lang, title, body) in cases {
        let e = explain(lang, title, body);
        assert_eq!(
            group_points(&e, "armed conflict"),
            0.0,
            "{lang}: a verbal attack scored as armed conflict in {title:?}"
        );
        assert!(!security(&e), "{lang}: {title:?} should not be security");
    }
}

#[test]
fn landmines_and_ramming_attacks_are_security() {
    assert_security_from(
        "armed conflict",
        &[
            (
                "ar",
                "إصابة راع في انفجار لغم",
                "أصيب راع بجروح خطيرة إثر انفجار لغم قرب الجبل صباح اليوم.",
            ),
            (
                "ar",
                "القبض على منفذ عملية دهس",
                "ألقت الشرطة القبض على منفذ عملية دهس استهدفت المارة أمام المسجد.",
            ),
            (
                "fr",
                "Un berger blessé par une mine antipersonnel",
                "Un berger a été grièvement blessé par une mine antipersonnel près de la montagne.",
            ),
            (
                "en",
                "Shepherd hurt by a landmine",
                "A shepherd was seriously injured when a landmine exploded near the mountain.",
            ),
        ],
    );
}

#[test]
fn hackers_alone_reinforce_but_do_not_make_a_security_story() {
    // A hacked phone or ride-hailing app is technology news; hackers count for
    // security only next to a core theme such as a cyberattack on a state.
    let consumer = [
        (
            "ar",
            "قراصنة يستغلون ثغرة في تطبيق للهواتف",
            "قالت الشركة إن القراصنة استغلوا ثغرة في تطبيقها، ودعت المستخدمين إلى تحديث هواتفهم.",
        ),
        (
            "fr",
            "Des hackers exploitent une faille d'une application",
            "L'entreprise indique que des hackers ont exploité une faille de son application et invite les utilisateurs à la mettre à jour.",
        ),
        (
            "en",
            "Hackers exploit a flaw in a phone app",
            "The company said hackers had exploited a flaw in its app and urged users to update their phones.",
        ),
    ];
    for (lang, title, body) in consumer {
        let e = explain(lang, title, body);
        assert!(!security(&e), "{lang}: {title:?} should not be security");
    }
    assert_security_from(
        "cyberattacks",
        &[
            (
                "ar",
                "هجوم إلكتروني على وزارة الدفاع",
                "قالت الوزارة إن قراصنة مرتبطين بدولة أجنبية شنوا هجوما إلكترونيا على شبكاتها.",
            ),
            (
                "en",
                "Cyber-attack on the defence ministry",
                "The ministry said hackers linked to a foreign state carried out a cyber-attack on its networks.",
            ),
        ],
    );
}
