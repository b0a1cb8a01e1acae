//! News agencies and outlets credited by source lines and datelines,
//! normalised to one name each so downstream counts do not split
//! "فرانس برس", "أ ف ب" and "Agence France-Presse".

use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

/// (canonical name, spellings). Arabic spellings may carry the
/// conjunction و ("والفرنسية"); Latin ones are matched case-sensitively
/// where the short form is also an ordinary word (AP, MAP, SPA).
const AGENCIES: &[(&str, &[&str])] = &[
    (
        "Al Jazeera",
        &[
            "الجزيرة نت",
            "الجزيرة",
            "Al Jazeera",
            "Al-Jazeera",
            "Aljazeera",
            "Al Jazira",
        ],
    ),
    (
        "AFP",
        &[
            "الفرنسية",
            "فرانس برس",
            "فرانس بريس",
            "أ ف ب",
            "ا ف ب",
            "أ.ف.ب",
            "أف ب",
            "AFP",
            "Agence France-Presse",
            "Agence France Presse",
            "France-Presse",
            "France Presse",
        ],
    ),
    ("Reuters", &["رويترز", "رويتر", "Reuters", "REUTERS"]),
    (
        "AP",
        &[
            "أسوشيتد برس",
            "اسوشيتد برس",
            "أسوشييتد برس",
            "أسوشيتدبرس",
            "أ ب",
            "AP",
            "Associated Press",
        ],
    ),
    (
        "Anadolu",
        &[
            "الأناضول",
            "الاناضول",
            "Anadolu",
            "Anadolu Agency",
            "Anadolou",
        ],
    ),
    ("EPA", &["الأوروبية", "إي بي إيه", "EPA"]),
    ("DPA", &["الألمانية", "د ب أ", "د.ب.أ", "DPA", "dpa"]),
    ("Xinhua", &["شينخوا", "Xinhua"]),
    ("EFE", &["إفي", "إيفي", "EFE"]),
    ("UPI", &["يو بي آي", "UPI"]),
    ("ANSA", &["آكي", "ANSA"]),
    ("Sputnik", &["سبوتنيك", "Sputnik"]),
    ("TASS", &["تاس", "TASS"]),
    ("Bloomberg", &["بلومبرغ", "بلومبيرغ", "Bloomberg"]),
    ("MAP", &["لاماب", "و م ع", "MAP"]),
    ("APS", &["واج", "APS"]),
    ("TAP", &["وات", "TAP"]),
    ("WAM", &["وام", "WAM"]),
    ("SPA", &["واس", "SPA"]),
    ("QNA", &["قنا", "QNA"]),
    ("KUNA", &["كونا", "KUNA"]),
    ("MENA", &["أ ش أ", "MENA"]),
    ("SANA", &["سانا", "SANA"]),
    ("Petra", &["بترا", "Petra"]),
    ("BBC", &["بي بي سي", "BBC"]),
    ("CNN", &["سي إن إن", "CNN"]),
    ("Al Arabiya", &["العربية نت", "Al Arabiya"]),
    ("Sky News Arabia", &["سكاي نيوز عربية", "Sky News Arabia"]),
    ("Kyodo", &["كيودو", "Kyodo"]),
    ("Yonhap", &["يونهاب", "Yonhap"]),
    ("Belga", &["Belga"]),
    ("Interfax", &["إنترفاكس", "Interfax"]),
];

struct Matcher {
    automaton: AhoCorasick,
    /// Pattern index -> (canonical name, spelling is Arabic).
    names: Vec<(&'static str, bool)>,
}

/// Spellings matched with aho-corasick (leftmost-longest, so "الجزيرة نت"
/// wins over "الجزيرة"), word boundaries checked by hand: linear in the
/// text, where one regex with a capture group per spelling ran on the PikeVM.
static MATCHER: LazyLock<Matcher> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut names = Vec::new();
    for (name, forms) in AGENCIES {
        for form in forms.iter() {
            let is_arabic = form.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
            patterns.push(form.to_string());
            names.push((*name, is_arabic));
        }
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .expect("agency spellings build an automaton");
    Matcher { automaton, names }
});

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Agencies named in `text`, canonical, in order of first mention, no
/// duplicates. Generic words ("وكالات", "agencies", "agences") name none.
pub fn agencies_in(text: &str) -> Vec<&'static str> {
    let matcher = &*MATCHER;
    let mut found: Vec<&'static str> = Vec::new();
    for hit in matcher.automaton.find_iter(text) {
        let Some(&(name, is_arabic)) = matcher.names.get(hit.pattern().as_usize()) else {
            continue;
        };
        let before = text[..hit.start()].chars().next_back();
        let after = text[hit.end()..].chars().next();
        // Arabic names may carry a one-letter proclitic: و (and), ل (to), ب (by).
        let before_ok = match before {
            None => true,
            Some(c) if !is_word_char(c) => true,
            Some(c) if is_arabic && matches!(c, 'و' | 'ل' | 'ب') => {
                let before_clitic = text[..hit.start() - c.len_utf8()].chars().next_back();
                before_clitic.is_none_or(|b| !is_word_char(b))
            }
            Some(_) => false,
        };
        let after_ok = after.is_none_or(|c| !is_word_char(c));
        if before_ok && after_ok && !found.contains(&name) {
            found.push(name);
        }
    }
    found
}

/// Wire agencies, as opposed to broadcasters and papers: a dateline
/// "(CNN) --" names the publisher, "(AFP) -" the agency that supplied the
/// story, and only the latter is a credit.
pub fn is_wire_agency(name: &str) -> bool {
    !matches!(
        name,
        "Al Jazeera" | "BBC" | "CNN" | "Al Arabiya" | "Sky News Arabia" | "Bloomberg"
    )
}

/// The canonical name when `text` as a whole is one agency ("أ ف ب",
/// "(Reuters)"), not a sentence or a credit that mentions one ("Photo: AFP").
pub fn agency_named(text: &str) -> Option<&'static str> {
    let core = text.trim_matches(|c: char| !c.is_alphanumeric());
    let matcher = &*MATCHER;
    let hit = matcher.automaton.find(core)?;
    let (name, is_arabic) = *matcher.names.get(hit.pattern().as_usize())?;
    let prefix = &core[..hit.start()];
    let prefix_ok = prefix.is_empty() || (is_arabic && matches!(prefix, "و" | "ل" | "ب"));
    (prefix_ok && hit.end() == core.len()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_and_normalises_agencies_in_order() {
        assert_eq!(agencies_in("الجزيرة + الفرنسية"), ["Al Jazeera", "AFP"]);
        assert_eq!(agencies_in("الجزيرة نت ووكالات"), ["Al Jazeera"]);
        assert_eq!(agencies_in("رويترز"), ["Reuters"]);
        assert_eq!(agencies_in("Reuters, AFP and AP"), ["Reuters", "AFP", "AP"]);
        assert_eq!(agencies_in("Agence France-Presse"), ["AFP"]);
        assert_eq!(agencies_in("أ ف ب"), ["AFP"]);
        assert_eq!(agencies_in("الأناضول + وكالات"), ["Anadolu"]);
    }

    #[test]
    fn generic_words_name_no_agency() {
        assert!(agencies_in("وكالات").is_empty());
        assert!(agencies_in("agencies").is_empty());
        assert!(agencies_in("agences").is_empty());
        // "AP" inside a word, or lower-case "map", is not an agency.
        assert!(agencies_in("CAPITAL map").is_empty());
    }

    #[test]
    fn a_single_name_is_recognised_alone() {
        assert_eq!(agency_named(" Reuters "), Some("Reuters"));
        assert_eq!(agency_named("أ ف ب"), Some("AFP"));
        assert_eq!(agency_named("Reuters and AFP"), None);
        assert_eq!(agency_named("Photo: AFP"), None);
        assert_eq!(agency_named("(رويترز)"), Some("Reuters"));
    }
}
