//! Towns of the home ground (the Maghreb and the Sahel) and of the Arab world
//! name their country (data/build.py, docs/classification.md "Gazetteer"):
//! Sahel towns in both scripts, Arab-world towns in Arabic down to 30,000
//! people; short names that are also words count only next to their country,
//! and names that are common words never count. Sentences written for the
//! tests, in Arabic, French and English.

mod common;

use common::{classify, has, lacks};

#[test]
fn a_sahel_town_names_its_country_in_french_and_english() {
    has(
        "fr",
        "Des combattants ont attaqué un poste près de Ménaka, selon des sources locales.",
        "ML",
    );
    has(
        "fr",
        "Le convoi a quitté Tombouctou mardi avant d'être pris dans une embuscade.",
        "ML",
    );
    has(
        "fr",
        "Une attaque a visé la gendarmerie de Djibo dans la nuit de samedi.",
        "BF",
    );
    has(
        "fr",
        "Les déplacés affluent vers Tillabéri après les violences.",
        "NE",
    );
    has(
        "en",
        "Gunmen attacked a checkpoint outside Kidal on Sunday, officials said.",
        "ML",
    );
    has(
        "en",
        "Thousands of refugees have crossed into Abéché in recent weeks.",
        "TD",
    );
}

#[test]
fn a_sahel_town_names_its_country_in_arabic() {
    has("ar", "هاجم مسلحون موقعا عسكريا قرب كيدال فجر اليوم.", "ML");
    has(
        "ar",
        "وصل مئات المهاجرين إلى أغاديز في طريقهم نحو الشمال.",
        "NE",
    );
}

#[test]
fn the_town_is_the_event_place() {
    let e = classify(
        "fr",
        "Attaque meurtrière près de Ménaka",
        "Des hommes armés ont tué plusieurs civils. Paris et Washington ont condamné l'attaque.",
    );
    assert_eq!(
        e.primary_country.as_deref(),
        Some("ML"),
        "{:?}",
        e.countries
    );
}

#[test]
fn a_syrian_or_palestinian_town_names_its_country_in_arabic() {
    has("ar", "قصفت الطائرات أحياء في مدينة عفرين صباح اليوم.", "SY");
    has(
        "ar",
        "اقتحمت قوات الاحتلال مدينة نابلس واعتقلت ثلاثة شبان.",
        "PS",
    );
    has("ar", "سقطت قذائف على بلدة خان شيخون.", "SY");
    has("ar", "تظاهر المئات في خان يونس جنوب القطاع.", "PS");
    has(
        "ar",
        "أعلنت السلطات إغلاق المدارس في ولاية منوبة بسبب الأمطار.",
        "TN",
    );
}

#[test]
fn a_four_letter_town_counts_only_next_to_its_country() {
    // درعا is also "a shield", جنين "an embryo", دوما "always".
    lacks("ar", "ارتدى الصحفي درعا واقية من الرصاص.", "SY");
    lacks("ar", "نجح العلماء في بناء جنين من الخلايا الجذعية.", "PS");
    lacks("ar", "كان دوما يردد هذه العبارة.", "SY");
    // ...and the town counts when the article names its country.
    let e = classify("ar", "", "نزح آلاف المدنيين من درعا جنوب سوريا بعد القصف.");
    let syria = e.countries.iter().find(|c| c.code == "SY");
    assert!(
        syria.is_some_and(|c| c.evidence.iter().any(|t| t == "درعا")),
        "{:?}",
        e.countries
    );
}

#[test]
fn a_town_name_that_is_a_common_word_never_counts() {
    // بيان "statement" (Bayan, Kuwait), ثورة "revolution" (Thawra, Syria),
    // الهندية "Indian" (Hindiya, Iraq), إطار "frame" (Atar, Mauritania),
    // السلط "the authorities" in Tunisian Arabic (Salt, Jordan).
    lacks("ar", "أصدرت الوزارة بيان صحفي مساء الأحد.", "KW");
    lacks("ar", "تحدث الكاتب عن ثورة في عالم الاتصالات.", "SY");
    lacks("ar", "ارتفعت صادرات الشركة الهندية هذا العام.", "IQ");
    lacks("ar", "وقع الطرفان اتفاقا في إطار التعاون الثنائي.", "MR");
    lacks("ar", "دعا الأهالي السلط الجهوية إلى التدخل.", "JO");
    // الرمادي "grey" (Ramadi) counts only next to Iraq.
    lacks("ar", "يتوفر الهاتف باللون الرمادي والأزرق.", "IQ");
    // Sahel towns that are words or names: San (San Francisco), Léo (a given name).
    lacks("fr", "Le festival s'est ouvert à San Francisco.", "ML");
    lacks("fr", "Léo a marqué deux buts samedi.", "BF");
}

#[test]
fn a_sahel_town_that_is_a_surname_needs_no_name_beside_it() {
    lacks(
        "en",
        "Chinese commerce ministry spokesman Gao Feng said talks had stalled.",
        "ML",
    );
    lacks(
        "ar",
        "قال المتحدث باسم وزارة التجارة الصينية غاو فنغ إن المفاوضات متوقفة.",
        "ML",
    );
    has(
        "en",
        "A suicide bomber struck a market in Gao on Friday.",
        "ML",
    );
}

#[test]
fn a_tiny_capital_named_like_a_bigger_city_is_that_city() {
    // Plymouth (Montserrat), Hamilton (Bermuda), Victoria (Seychelles): in the
    // news these are the English port, the Canadian city, BC's capital.
    lacks(
        "en",
        "Plymouth City Council met on Monday to discuss care homes.",
        "MS",
    );
    lacks(
        "en",
        "Fans travelled from Hamilton to Toronto for the game.",
        "BM",
    );
    lacks(
        "fr",
        "Le maire de Plymouth a inauguré un nouveau port.",
        "MS",
    );
    // A given name is not a country with an ending; the country still is.
    lacks(
        "en",
        "An award honours the actress Phoebe Frances Brown.",
        "FR",
    );
    has(
        "en",
        "The actress was born in France and moved to London.",
        "FR",
    );
}

#[test]
fn tunisian_customs_are_not_diwaniyah() {
    // الديوانة is the customs service in Tunisia.
    lacks(
        "ar",
        "أحبطت المصالح الديوانية تهريب بنزين على متن ثلاث شاحنات في الكاف.",
        "IQ",
    );
    has(
        "ar",
        "تظاهر المئات في الديوانية جنوبي العراق احتجاجا على البطالة.",
        "IQ",
    );
}

#[test]
fn words_that_look_like_places_in_maghrebi_news() {
    // Indian hemp (cannabis), "the country" (القطر), the building, a given name.
    lacks("ar", "حجز 30 صفيحة من القنب الهندي على متن سيارة.", "IN");
    lacks("ar", "انتشرت الاحتجاجات في كامل القطر الجزائري.", "QA");
    has("ar", "انتشرت الاحتجاجات في كامل القطر الجزائري.", "DZ");
    has("ar", "وصل وفد من قطر إلى تونس.", "QA");
    lacks("ar", "اندلع حريق في شقة بالطابق الثالث من العمارة.", "IQ");
    lacks("ar", "قال المدرب رشيد إن الفريق جاهز.", "EG");
    has("ar", "تظاهر المئات في العمارة جنوب العراق.", "IQ");
}

#[test]
fn news_cities_outside_the_arab_world_name_their_country_in_arabic() {
    has("ar", "قتلى وجرحى بانفجار شاحنة مفخخة في قندهار.", "AF");
    has(
        "ar",
        "عقدت المحكمة الجنائية الدولية جلستها في لاهاي أمس.",
        "NL",
    );
    has("ar", "اعتقلت الشرطة رجلا في مانشستر بعد الهجوم.", "GB");
    has(
        "ar",
        "تظاهر العشرات في الأهواز احتجاجا على انقطاع المياه.",
        "IR",
    );
    has("ar", "قصفت القوات مواقع في ضواحي دونيتسك ليلا.", "UA");
}

#[test]
fn city_names_that_are_also_brands_people_or_other_places_do_not_count() {
    lacks("ar", "اشترى سيارة تويوتا جديدة الشهر الماضي.", "JP");
    lacks(
        "ar",
        "سيطرت القوات على مدينة زنجبار عاصمة محافظة أبين.",
        "TZ",
    );
    lacks("ar", "عقد مجلس وزاريا اجتماعه الأسبوعي.", "NG");
    lacks("ar", "شاهد الجمهور فيلم باتمان الجديد.", "TR");
}

#[test]
fn a_city_name_after_saint_is_part_of_another_place() {
    let body = "حاول تفجير مصنع في سان كوانتان-فالافييه، وسط شرق فرنسا.";
    lacks("ar", body, "MY");
    has("ar", body, "FR");
}

#[test]
fn regions_inside_a_country_name_it() {
    has("ar", "قتل عشرة مسلحين في عملية للجيش شمال سيناء.", "EG");
    has(
        "fr",
        "Des combats ont repris au Darfour, selon l'ONU.",
        "SD",
    );
    has(
        "en",
        "Shelling continued in Eastern Ghouta overnight.",
        "SY",
    );
    has("ar", "سيطرت القوات على مواقع جديدة في حضرموت.", "YE");
    has(
        "fr",
        "Des migrants ont tenté de franchir la clôture de Melilla.",
        "ES",
    );
    has(
        "en",
        "Rescuers brought the migrants ashore on Lampedusa.",
        "IT",
    );
}

#[test]
fn region_names_that_are_also_words_or_names_need_their_country() {
    // Tunisian Arabic: الجولان is traffic.
    lacks(
        "ar",
        "يعرض صاحب السيارة سيارته على الفحص بعد أربع سنوات من وضعها في الجولان.",
        "SY",
    );
    has("ar", "قصفت إسرائيل مواقع في الجولان السوري.", "SY");
    // French Galilée is Galileo; Mount Sinai a New York medical school.
    lacks("fr", "Le manuscrit de Galilée a été retrouvé.", "IL");
    lacks(
        "fr",
        "Une étude de l'École de médecine du Mont Sinaï a été publiée.",
        "EG",
    );
}

#[test]
fn places_the_corpus_names_after_governorate_or_city() {
    has(
        "ar",
        "قتلى في حادث مرور بالطريق السيارة قرب المنستير.",
        "TN",
    );
    has(
        "ar",
        "عثر على الجاسوس وابنته فاقدين للوعي في مدينة سالزبري.",
        "GB",
    );
    has("ar", "شن التنظيم هجوما على قرى في محافظة السويداء.", "SY");
    has("ar", "فر آلاف الروهينغا من ولاية راخين.", "MM");
    // حجة is also "argument": only when Yemen is named.
    lacks("ar", "قدم المحامي حجة قوية أمام المحكمة.", "YE");
    has("ar", "قصف التحالف مواقع في محافظة حجة شمال اليمن.", "YE");
}

#[test]
fn states_and_provinces_name_their_country() {
    has("en", "Heavy rain flooded villages across Tamil Nadu.", "IN");
    has(
        "fr",
        "Des rebelles ont attaqué un camp dans le Nord-Kivu.",
        "CD",
    );
    has(
        "fr",
        "Les djihadistes contrôlent une partie de Cabo Delgado.",
        "MZ",
    );
    has("en", "Officials in Hubei reported new cases.", "CN");
    // The province is named whole: KwaZulu-Natal is not Natal in Brazil.
    lacks("en", "Storms hit KwaZulu-Natal on Monday.", "BR");
}

#[test]
fn towns_of_the_newsrooms_countries_name_them_but_not_as_surnames() {
    has("en", "Police in Ipswich arrested two men on Friday.", "GB");
    has("fr", "Un incendie a ravagé un entrepôt à Bordeaux.", "FR");
    lacks("en", "Nancy Pelosi met the delegation on Monday.", "FR");
    lacks(
        "en",
        "The minister, Jayne Poole, said the review would widen.",
        "GB",
    );
}
