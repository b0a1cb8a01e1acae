//! Migration rule families (`data/topics/migration.toml`). Sentences written
//! for the tests.

mod common;

use common::{assigned, explain, group_points};

#[test]
fn tunisian_harga_counts_only_next_to_migration_words() {
    // "الحرقة", crossing the sea without papers in Tunisian usage, is also
    // heartburn and anguish.
    let e = explain(
        "ar",
        "دواء جديد ضد الحرقة",
        "قال الأطباء إن الدواء الجديد يخفف الحرقة في المعدة بعد الأكل، وينصحون بتجنب الأطعمة الحارة.",
    );
    assert_eq!(group_points(&e, "migration", "burning"), 0.0);
    assert!(!assigned(&e, "migration"));
    let e = explain(
        "ar",
        "إحباط عملية حرقة",
        "أحبطت وحدات الحرس البحري عملية الحرقة وأوقفت عشرات المهاجرين الذين كانوا ينوون اجتياز الحدود البحرية خلسة.",
    );
    assert!(group_points(&e, "migration", "burning") > 0.0);
    assert!(assigned(&e, "migration"));
}

#[test]
fn counted_migrants_in_the_accusative_are_migrants() {
    // Numbers from 11 to 99 take the accusative singular: "35 مهاجرا".
    let e = explain(
        "ar",
        "غرق 35 مهاجرا",
        "غرق 35 مهاجرا قبالة السواحل، وأنقذ الصيادون 12 لاجئا آخرين.",
    );
    assert!(group_points(&e, "migration", "migrants and refugees") > 0.0);
    assert!(assigned(&e, "migration"));
}
