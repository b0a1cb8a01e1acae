//! In-body noise: lines that a page or a feed wrapped around the story.
//!
//! Each rule describes a *family* (a caption is a short line carrying a
//! photo-credit marker; a read-more line starts with a read-more phrase and
//! is short), never one string, so that new wordings of the same family are
//! caught. Every rule is bounded by line length so that a story paragraph
//! that merely mentions "Reuters" or "share" is never dropped.

use crate::agencies::{agencies_in, agency_named};
use regex::Regex;
use std::sync::LazyLock;

/// Why a line is not story text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    Story,
    /// `undefined`, `[object Object]`, `{{ title }}`...
    Artifact,
    /// Photo captions and credits.
    Caption,
    /// "Read more", "اقرأ أيضا", related-story lists.
    ReadMore,
    /// Share, follow, advertisement widgets.
    Widget,
    /// Copyright footers.
    Copyright,
    /// A line that is only a date or time ("Published 1 day ago",
    /// "Nov 18, 2019 @17:19 PM · Updated: ...").
    Date,
    /// Source/attribution lines; they credit these agencies.
    Source(Vec<&'static str>),
}

fn words(line: &str) -> usize {
    line.split_whitespace().count()
}

/// Compiles a noise pattern. `\b` is made an ASCII word boundary: a
/// Unicode boundary forces the regex crate off its DFA onto the PikeVM on
/// non-ASCII text (measured: 100x slower on Arabic lines), and every `\b`
/// here sits next to a Latin keyword.
fn re(pattern: &str) -> Regex {
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)")).expect("noise pattern is valid")
}

/// Unrendered template or JavaScript values.
static ARTIFACT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^[\s\p{P}]*(?:(?:undefined|null|nan|none|\[object \w+\]|object object|\{\{[^{}]*\}\}|\$\{[^{}]*\}|<%[^%]*%>|\{%[^%]*%\}|%%\w+%%)[\s\p{P}]*)+$",
    )
});

/// Template values embedded in a story line.
static INLINE_ARTIFACT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\[/?(?:button|caption|embed|gallery|video|audio|vc_\w+|et_pb_\w+)(?:\s[^\]]{0,200})?\]|\[object (?:Object|Array|HTMLDivElement|Promise)\]|\{\{[^{}\n]{0,80}\}\}|\$\{[^{}\n]{0,80}\}",
    )
});

/// Source/attribution lines, with the credited part captured.
static SOURCE_LINE: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    vec![
        // المصدر : الجزيرة + الفرنسية / المصادر: وكالات
        re(r"^[\(\[]?\s*(?:ال)?(?:مصدر|مصادر)\s*[:：\-–]\s*(?P<who>.+?)[\)\]]?\s*\.?$"),
        // Source: Reuters / Sources : AFP, AP / Source - Reuters
        re(r"(?i)^[\(\[]?\s*(?:sources?|d['’]après|selon)\s*[:：\-–]\s*(?P<who>.+?)[\)\]]?\s*\.?$"),
        // Avec AFP / (avec agences) / With Reuters / Avec l'AFP
        re(r"(?i)^[\(\[]?\s*(?:avec|with)\s+(?:l['’]\s*)?(?P<who>.+?)[\)\]]?\s*\.?$"),
        // Additional reporting by AP / Reporting by X; Editing by Y / Writing by ...
        re(
            r"(?i)^[\(\[]?\s*(?:additional\s+|further\s+)?(?:reporting|writing|editing|compiled|written|translated|contributed|research)(?:\s+\w+)?\s+(?:by|from)\s+(?P<who>.+?)[\)\]]?\s*\.?$",
        ),
        // (Rédaction ...) / Rédigé par ... / Édité par ...
        re(
            r"(?i)^[\(\[]?\s*(?:rédaction|rédigé par|édité par|édition|avec la rédaction)\b\s*:?\s*(?P<who>.*?)[\)\]]?\s*\.?$",
        ),
        // Reuters contributed to this report / The Associated Press contributed reporting
        re(
            r"(?i)^[\(\[]?\s*(?:the\s+)?(?P<who>.{1,80}?)\s+contributed\s+(?:to\s+this\s+(?:report|story|article)|reporting|to\s+this\s+reporting)[\)\]]?\s*\.?$",
        ),
        // Par AFP / Par la rédaction avec AFP / Par Le Monde avec Reuters
        re(r"(?i)^[\(\[]?\s*par\s+(?P<who>.+?)[\)\]]?\s*\.?$"),
        // (أ ف ب) / - AFP / — Reuters : a lone credit
        re(r"^[\(\[\-–—\s]*(?P<who>[^()\[\]]{1,30}?)[\)\]\s]*\.?$"),
    ]
});

/// Generic credits that name no agency but still mark a source line.
static GENERIC_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:و\s*)?(?:وكالات|الوكالات|وكالة|مواقع|agencies|agences|agence|wires|news agencies|dépêches|staff|la rédaction|rédaction)(?:$|[^\p{L}\p{N}])",
    )
});

/// Read-more and related-story lines (start of line).
static READ_MORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^[\s\p{P}]*(?:(?:اقرأ|إقرأ|اقرا|إقرا|إقرأ|أقرأ)\s*(?:أيضا|أيضاً|ايضا|ايضاً|أيضًا|المزيد|كذلك|التفاصيل)|(?:شاهد|طالع|تابع)\s*(?:أيضا|أيضاً|ايضا|ايضاً|أيضًا|المزيد)|(?:مواضيع|أخبار|اخبار|مقالات|قصص)\s*(?:ذات صلة|متعلقة|مرتبطة|أخرى)|ذات صلة|المزيد\s*:|(?:[àa]\s+)?(?:lire|voir|regarder|écouter|découvrir)\s+(?:aussi|également|la suite|plus)|sur le même (?:sujet|thème)|(?:articles?|contenus?)\s+(?:liés|connexes|similaires|associés)|(?:read|see|watch|also read|also see)\s+(?:more|also|next|too)\b|also\s*:|also\s+(?:read|see|watch|on)\b|more\s*:\s*$|related\s*(?:articles?|stories|story|content|news|coverage|topics|links?|reading)?\s*[:\-–]?|more\s+(?:on this|from|about)\b|recommended(?:\s+for you)?|(?:continue|keep)\s+reading|click here|(?:you may|you might) also like|trending\s*:|most read)",
    )
});

/// Photo captions and credits: markers that only credits carry. Captions
/// can be long (a whole paragraph describing the picture), so these hold up
/// to [`CAPTION_MAX_WORDS`].
static CAPTION_STRONG: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
        \b(?:AFP|AP|EPA|REUTERS|Reuters|ANADOLU|Anadolu|XINHUA|Xinhua|DPA|dpa|SIPA|ABACA|MAXPPP|Getty)\s*(?:PHOTO|Photo|photo|IMAGES|Images|/)
      | \(\s*(?:Photo|Photos|Image|Picture|Foto|File\s+photo|Archive\s+photo|Photo\s+d['’]archives?)\b
      | \b(?:Photo|Photos|Image|Picture|Photograph|Illustration)\s+(?:by|de|par|credit)\b
      | \bvia\s+Getty\b | \bGetty\s+Images\b | \bShutterstock\b | \bAlamy\b
      | (?i:\bcr[ée]dits?\s*(?:photos?|images?)?\s*:) | (?i:\bphoto\s+credit\b)
      | ©\s*\p{L}
      | (?i:\bfile\s+photo\b) | (?i:\bphoto\s+d['’]archives\b)
      | /\s*(?:AFP|Reuters|REUTERS|AP|EPA|Getty\s+Images|Anadolu)\s*\.?\s*$
    ")
});

/// Weaker caption markers: only on short lines.
static CAPTION_WEAK: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
        (?i:^[\s\p{P}]*(?:photo|photos|image|images|illustration|source\s+photo)\s*:)
      | (?i:\bcapture\s+d['’]écran\b) | (?i:\bphoto\s+d['’](?:archives?|illustration)\b)
      | ^[\s\p{P}]*(?:ال)?صور(?:ة|ه)?\s*(?:أرشيفية|ارشيفية|من|لـ?\s|:|\(|توضيحية|تعبيرية)
      | (?:-|–|\()\s*(?:أرشيف|ارشيف|أرشيفية|ارشيفية)\s*\)?\s*\.?$
      | \(\s*(?:رويترز|الفرنسية|أ\s*ف\s*ب|أ\.ف\.ب|فرانس\s+برس|أسوشيتد\s+برس|الأناضول|الاناضول|الجزيرة|غيتي(?:\s+إيميجز)?|الأوروبية|إي\s+بي\s+إيه|د\s*ب\s*أ|الألمانية|شينخوا|EPA|AFP|Reuters|AP|Getty\s+Images|File|Archives?)\s*\)\s*\.?$
    ")
});

const CAPTION_MAX_WORDS: usize = 120;
const WEAK_CAPTION_MAX_WORDS: usize = 30;

/// Share, follow and advertisement vocabulary: a short line made only of
/// these words is a widget.
const WIDGET_WORDS: &[&str] = &[
    // en
    "share",
    "shares",
    "this",
    "article",
    "story",
    "post",
    "page",
    "on",
    "via",
    "the",
    "tweet",
    "follow",
    "us",
    "our",
    "advertisement",
    "advert",
    "ad",
    "ads",
    "sponsored",
    "content",
    "subscribe",
    "to",
    "newsletter",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "instagram",
    "linkedin",
    "telegram",
    "youtube",
    "tiktok",
    "email",
    "e-mail",
    "print",
    "copy",
    "link",
    "pin",
    "it",
    "save",
    "comment",
    "comments",
    "below",
    "continue",
    "reading",
    "scroll",
    "for",
    "more",
    "and",
    "or",
    "now",
    "here",
    "sign",
    "up",
    "up.",
    "news",
    "updates",
    "google",
    "messenger",
    "reddit",
    "flipboard",
    "sms",
    // fr
    "partager",
    "partagez",
    "partage",
    "cet",
    "cette",
    "l'article",
    "l’article",
    "sur",
    "suivez-nous",
    "suivez",
    "nous",
    "publicité",
    "pub",
    "annonce",
    "sponsorisé",
    "abonnez-vous",
    "abonnez",
    "vous",
    "à",
    "notre",
    "imprimer",
    "envoyer",
    "par",
    "commenter",
    "commentaires",
    "lien",
    "copier",
    "et",
    "la",
    "le",
    "les",
    "lettre",
    "d'information",
    "inscrivez-vous",
    "contenu",
    // ar
    "شارك",
    "شاركها",
    "شاركوا",
    "مشاركة",
    "شارك الخبر",
    "المقال",
    "الخبر",
    "الموضوع",
    "على",
    "عبر",
    "تابعونا",
    "تابعنا",
    "تابع",
    "تابعوا",
    "إعلان",
    "اعلان",
    "إعلانات",
    "اعلانات",
    "محتوى",
    "مدفوع",
    "ممول",
    "فيسبوك",
    "فيس",
    "بوك",
    "تويتر",
    "إكس",
    "واتساب",
    "واتس",
    "آب",
    "انستغرام",
    "إنستغرام",
    "يوتيوب",
    "تيليغرام",
    "تلغرام",
    "طباعة",
    "أرسل",
    "ارسل",
    "لصديق",
    "نسخ",
    "الرابط",
    "و",
    "اشترك",
    "اشتركوا",
    "النشرة",
    "البريدية",
    "في",
    "قناتنا",
    "صفحتنا",
    "حسابنا",
    "حساباتنا",
    "التواصل",
    "الاجتماعي",
    "مواقع",
    "تعليقات",
    "التعليقات",
    "أضف",
    "تعليق",
    "pinterest",
    "pint",
    "download",
    "télécharger",
    "baixar",
    "compartilhar",
    "compartir",
    "tags",
    "tag",
    "mots-clés",
    "الوسوم",
    "كلمات",
    "مفتاحية",
    "هذا",
    "هذه",
    "المقالة",
    "الصفحة",
    "تجاري",
    "suite",
    "après",
    "main",
];

/// Words that make a line a widget by themselves (not just filler).
const WIDGET_CORE: &[&str] = &[
    "share",
    "tweet",
    "follow",
    "advertisement",
    "advert",
    "ad",
    "ads",
    "sponsored",
    "subscribe",
    "newsletter",
    "print",
    "partager",
    "partagez",
    "suivez-nous",
    "suivez",
    "publicité",
    "pub",
    "annonce",
    "sponsorisé",
    "abonnez-vous",
    "abonnez",
    "imprimer",
    "شارك",
    "شاركها",
    "شاركوا",
    "مشاركة",
    "تابعونا",
    "تابعنا",
    "تابعوا",
    "إعلان",
    "اعلان",
    "إعلانات",
    "اعلانات",
    "مدفوع",
    "ممول",
    "طباعة",
    "اشترك",
    "اشتركوا",
    "comment",
    "comments",
    "commenter",
    "commentaires",
    "تعليقات",
    "التعليقات",
    "pin",
    "copy",
    "نسخ",
    "email",
    "e-mail",
    "envoyer",
    "tags",
    "tag",
    "mots-clés",
    "الوسوم",
    "compartilhar",
    "compartir",
    "pinterest",
];

/// Social networks: a line listing two of them is a share bar.
const NETWORKS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "instagram",
    "linkedin",
    "telegram",
    "pinterest",
    "pint",
    "youtube",
    "tiktok",
    "reddit",
    "flipboard",
    "messenger",
    "email",
    "e-mail",
    "فيسبوك",
    "تويتر",
    "واتساب",
    "انستغرام",
    "إنستغرام",
    "يوتيوب",
    "تيليغرام",
    "تلغرام",
];

fn is_widget(line: &str) -> bool {
    let count = words(line);
    if count == 0 || count > 8 {
        return false;
    }
    let mut has_core = false;
    let mut networks = 0;
    for raw in line.split_whitespace() {
        let word = raw
            .trim_matches(|c: char| {
                c.is_ascii_punctuation() || matches!(c, '،' | '…' | '»' | '«' | '|' | '·' | '•')
            })
            .to_lowercase();
        if word.is_empty() {
            continue;
        }
        if !WIDGET_WORDS.contains(&word.as_str()) {
            return false;
        }
        has_core |= WIDGET_CORE.contains(&word.as_str());
        networks += usize::from(NETWORKS.contains(&word.as_str()));
    }
    has_core || networks >= 2
}

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)©|\(c\)\s*\d{4}|\bcopyright\b|all rights? reserved|tous droits (?:de reproduction )?réservés|droits réservés|جميع الحقوق محفوظة|كل الحقوق محفوظة|الحقوق محفوظة|حقوق (?:النشر|الطبع)",
    )
});

/// Words of dates and times in the languages we see (month and weekday
/// names, "updated", "published"...); a short line made mostly of these and
/// of numbers is a timestamp.
const DATE_WORDS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "am",
    "pm",
    "gmt",
    "utc",
    "cst",
    "est",
    "edt",
    "pst",
    "bst",
    "cet",
    "updated",
    "update",
    "published",
    "posted",
    "last",
    "ago",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "on",
    "at",
    "by",
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "publié",
    "mis",
    "à",
    "jour",
    "le",
    "il",
    "y",
    "a",
    "h",
    "heures",
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "sábado",
    "domingo",
    "de",
    "às",
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ابريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين",
    "الأول",
    "الثاني",
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "الأحد",
    "نشر",
    "في",
    "تحديث",
    "آخر",
    "بتوقيت",
    "غرينتش",
    "مكة",
    "ساعة",
];

fn is_date_line(line: &str) -> bool {
    let count = words(line);
    if count == 0 || count > 14 {
        return false;
    }
    let mut dated = 0;
    let mut has_number = false;
    let mut has_date_name = false;
    for raw in line.split_whitespace() {
        let word = raw
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_lowercase();
        if word.is_empty() {
            dated += 1;
            continue;
        }
        let numeric = word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '/' | '.' | '-' | '@'))
            || word
                .trim_end_matches(['h', 'm', 'a', 'p'])
                .chars()
                .all(|c| c.is_ascii_digit() || c == ':');
        if numeric {
            has_number = true;
            dated += 1;
        } else if DATE_WORDS.contains(&word.as_str()) {
            dated += 1;
            has_date_name |= !matches!(
                word.as_str(),
                "on" | "at" | "by" | "de" | "le" | "à" | "a" | "il" | "y" | "في"
            );
        }
    }
    has_number && has_date_name && dated * 10 >= count * 8
}

/// Lines that point elsewhere ("click here", "requires JavaScript").
static CALL_TO_ACTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bclick(?:ing)?\s+here\b|\brequires\s+javascript\b|\benable\s+javascript\b|\bcliquez\s+ici\b|اضغط\s+هنا|انقر\s+هنا|^want more stories\b|^tell us what you think\b|^sign up for\b|^inscrivez-vous\b|^subscribe to\b|successfully subscribed|delivered to your inbox|^citation\s*:|\bretrieved\b.*\bfrom\s+https?://|^abonnez-vous\b|^اشترك\s+(?:في|الآن)",
    )
});

/// Copyright notices long enough to pass the short-line rule.
static LONG_COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)subject to copyright|no part may be reproduced|all rights reserved|tous droits réservés|reproduction interdite|جميع الحقوق محفوظة",
    )
});

/// Breadcrumbs: "News > Nation", "Mensagens » Autoestima »": short parts
/// joined by a spaced arrow, no sentence punctuation at the end.
fn is_breadcrumb(line: &str) -> bool {
    if words(line) > 12 || line.ends_with(['.', '!', '?', '؟']) {
        return false;
    }
    let is_arrow = |w: &str| matches!(w, ">" | "»" | "›");
    let separators = line.split_whitespace().filter(|w| is_arrow(w)).count();
    let longest_part = line.split(['>', '»', '›']).map(words).max().unwrap_or(0);
    separators >= 1 && longest_part <= 4
}

/// Classifies one normalised line.
pub fn classify_line(line: &str) -> LineKind {
    let count = words(line);
    if count == 0 {
        return LineKind::Artifact;
    }
    if count <= 6 && ARTIFACT_LINE.is_match(line) {
        return LineKind::Artifact;
    }
    if count <= 16 {
        if let Some(agencies) = source_line(line) {
            return LineKind::Source(agencies);
        }
    }
    if count <= 25 && READ_MORE.is_match(line) {
        return LineKind::ReadMore;
    }
    if is_widget(line) {
        return LineKind::Widget;
    }
    if count <= CAPTION_MAX_WORDS && CAPTION_STRONG.is_match(line) {
        return LineKind::Caption;
    }
    if count <= WEAK_CAPTION_MAX_WORDS && CAPTION_WEAK.is_match(line) {
        return LineKind::Caption;
    }
    if count <= 15 && COPYRIGHT.is_match(line) {
        return LineKind::Copyright;
    }
    if count <= 50 && LONG_COPYRIGHT.is_match(line) {
        return LineKind::Copyright;
    }
    if is_breadcrumb(line) {
        return LineKind::Widget;
    }
    if is_date_line(line) {
        return LineKind::Date;
    }
    if count <= 25 && CALL_TO_ACTION.is_match(line) {
        return LineKind::Widget;
    }
    LineKind::Story
}

/// A line that credits the story to agencies (or to "agencies" generically).
fn source_line(line: &str) -> Option<Vec<&'static str>> {
    for (i, pattern) in SOURCE_LINE.iter().enumerate() {
        let Some(caps) = pattern.captures(line) else {
            continue;
        };
        let who = caps.name("who").map_or("", |m| m.as_str()).trim();
        let lone_credit = i == SOURCE_LINE.len() - 1;
        if lone_credit {
            // "© AFP" under a picture credits the photo, not the story.
            if line.contains('©') {
                continue;
            }
            // Only a line that is nothing but an agency name or "وكالات".
            if let Some(name) = agency_named(who) {
                return Some(vec![name]);
            }
            if GENERIC_CREDIT.is_match(who) && words(who) <= 2 {
                return Some(Vec::new());
            }
            continue;
        }
        // A credit names a few outlets; a longer tail is a sentence.
        if (i <= 2 || i == 6) && words(who) > 8 {
            continue;
        }
        let agencies = agencies_in(who);
        if !agencies.is_empty() {
            return Some(agencies);
        }
        if GENERIC_CREDIT.is_match(who) {
            return Some(Vec::new());
        }
        // "Reporting by John Smith; Editing by ..." credits people, still not story.
        if (i == 3 && words(who) <= 12) || (i == 5 && words(who) <= 8) {
            return Some(Vec::new());
        }
    }
    None
}

/// Removes template values left inside a story line.
pub fn strip_inline_artifacts(line: &str) -> Option<String> {
    if !INLINE_ARTIFACT.is_match(line) {
        return None;
    }
    let stripped = INLINE_ARTIFACT.replace_all(line, " ");
    Some(stripped.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use LineKind::*;

    #[test]
    fn template_artifacts() {
        for line in [
            "undefined",
            "null",
            "NaN",
            "[object Object]",
            "{{ article.title }}",
            "${caption}",
            "(undefined)",
        ] {
            assert_eq!(classify_line(line), Artifact, "{line}");
        }
        assert_eq!(classify_line("The value was undefined for years."), Story);
        assert_eq!(
            strip_inline_artifacts("Le texte [object Object] suit").as_deref(),
            Some("Le texte suit")
        );
    }

    #[test]
    fn source_lines_credit_agencies() {
        assert_eq!(
            classify_line("المصدر : الجزيرة + الفرنسية"),
            Source(vec!["Al Jazeera", "AFP"])
        );
        assert_eq!(classify_line("المصدر : وكالات"), Source(vec![]));
        assert_eq!(
            classify_line("المصادر: رويترز، أسوشيتد برس"),
            Source(vec!["Reuters", "AP"])
        );
        assert_eq!(classify_line("Source: Reuters"), Source(vec!["Reuters"]));
        assert_eq!(
            classify_line("Sources : AFP, AP"),
            Source(vec!["AFP", "AP"])
        );
        assert_eq!(classify_line("Avec AFP"), Source(vec!["AFP"]));
        assert_eq!(classify_line("(avec agences)"), Source(vec![]));
        assert_eq!(
            classify_line("Additional reporting by AP"),
            Source(vec!["AP"])
        );
        assert_eq!(
            classify_line("Reporting by Ahmed Eljechtimi; Editing by Mark Heinrich"),
            Source(vec![])
        );
        assert_eq!(classify_line("(أ ف ب)"), Source(vec!["AFP"]));
        assert_eq!(classify_line("— Reuters"), Source(vec!["Reuters"]));
        // A story sentence that starts like a credit is not one.
        assert_eq!(
            classify_line(
                "Avec ses alliés, le Maroc a renforcé la surveillance des frontières du sud."
            ),
            Story
        );
    }

    #[test]
    fn captions_and_credits_in_three_languages() {
        for line in [
            "Moroccan Foreign Minister Salahdine Mezzouar (2ndL) takes part in the conference in Rabat. AFP PHOTO /FADEL SENNA",
            "Delegates arrive for talks in Geneva, November 14, 2013. REUTERS/Youssef Boudlal",
            "The envoy speaks in Cairo. (Photo by Zohra Bensemra/AFP via Getty Images)",
            "Le ministre à Tunis, le 2 février 2021. Crédit photo : AFP",
            "L'envoyé de l'ONU à Rabat. © FETHI BELAID / Reuters",
            "صورة أرشيفية لوزير الخارجية (رويترز)",
            "رئيس الوزراء خلال المؤتمر الصحفي (الفرنسية)",
            "الصورة: وزير الخارجية في الجزائر - أرشيف",
            "Vicente Aguiar loads trims into his truck in Hialeah, Fla. (AP Photo/Alan Diaz, File)",
            "A reference habitation module for a crewed Mars mission. Credit: ESA",
        ] {
            assert_eq!(classify_line(line), Caption, "{line}");
        }
    }

    #[test]
    fn read_more_widgets_and_copyright() {
        for line in [
            "اقرأ أيضا: قمة إقليمية لمناقشة الأزمة",
            "اقرأ أيضاً :",
            "Lire aussi : Le sommet de Rabat",
            "Read more: Talks stall",
            "Related:",
            "À lire également",
        ] {
            assert_eq!(classify_line(line), ReadMore, "{line}");
        }
        for line in [
            "شارك",
            "تابعونا على تويتر",
            "إعلان",
            "Advertisement",
            "Publicité",
            "Share this article",
            "Partager sur Facebook",
            "Follow us on Twitter",
            "Suivez-nous sur Instagram",
        ] {
            assert_eq!(classify_line(line), Widget, "{line}");
        }
        for line in [
            "© 2018 جميع الحقوق محفوظة",
            "Tous droits réservés",
            "All rights reserved",
            "Copyright 2019 The Associated Press.",
        ] {
            assert!(matches!(classify_line(line), Copyright | Caption), "{line}");
        }
    }

    #[test]
    fn timestamps_and_calls_to_action() {
        for line in [
            "Published 1 day ago",
            "Nov 18, 2019 @17:19 PM · Updated: Nov 18, 2019 @17:26 PM",
            "segunda-feira, 22 de janeiro de 2018 às 0:13",
            "Updated 5:27 am CST, Wednesday, November 20, 2019",
            "Publié le 14 novembre 2013 à 10h30",
            "نشر في 14 نوفمبر 2013",
        ] {
            assert_eq!(classify_line(line), Date, "{line}");
        }
        for line in [
            "GET FOX BUSINESS ON THE GO BY CLICKING HERE",
            "This slideshow requires JavaScript.",
            "Tags",
            "Whatsapp Facebook Pint Baixar",
        ] {
            assert_eq!(classify_line(line), Widget, "{line}");
        }
        assert_eq!(classify_line("More:"), ReadMore);
        assert_eq!(classify_line("News > Nation"), Widget);
        assert_eq!(
            classify_line("Subscribe to the Morning Review newsletter"),
            Widget
        );
        assert_eq!(
            strip_inline_artifacts(
                "[button link=\"x\" type=\"big\"] Send us YOUR kit review[/button]"
            )
            .as_deref(),
            Some("Send us YOUR kit review")
        );
        // A dated story sentence is not a timestamp.
        assert_eq!(
            classify_line(
                "On November 14, 2013 the ministers met in Rabat to discuss border security."
            ),
            Story
        );
        assert_eq!(
            classify_line("وفي 14 نوفمبر 2013 اجتمع الوزراء في الرباط لبحث أمن الحدود."),
            Story
        );
    }

    #[test]
    fn other_wordings_of_the_same_families() {
        for (line, expected) in [
            ("المصدر: وكالة الأنباء الفرنسية", vec!["AFP"]),
            ("المصدر : الجزيرة نت + وكالات", vec!["Al Jazeera"]),
            ("المصدر : رويترز + أ ف ب", vec!["Reuters", "AFP"]),
            ("Source : Agence France-Presse", vec!["AFP"]),
            ("(With Reuters)", vec!["Reuters"]),
            ("Avec Reuters et AFP", vec!["Reuters", "AFP"]),
            (
                "The Associated Press contributed to this report.",
                vec!["AP"],
            ),
            ("Reuters contributed reporting", vec!["Reuters"]),
            ("Par la rédaction avec AFP", vec!["AFP"]),
            ("(وكالات)", vec![]),
            ("John Smith contributed to this report.", vec![]),
        ] {
            assert_eq!(classify_line(line), Source(expected), "{line}");
        }
        for line in [
            "Photo: AFP",
            "(Photo: Reuters)",
            "Crédits : AFP",
            "© AFP",
            "Photo credit: EPA",
            "صورة من الأرشيف (أ ف ب)",
        ] {
            assert_eq!(classify_line(line), Caption, "{line}");
        }
        for line in [
            "اقرأ المزيد",
            "إقرأ أيضاً:",
            "طالع أيضا: مقال آخر",
            "Lire la suite",
            "À voir aussi",
            "A LIRE AUSSI",
            "Also read: another story",
            "READ MORE:",
            "Related Articles",
        ] {
            assert_eq!(classify_line(line), ReadMore, "{line}");
        }
        for line in [
            "شارك هذا المقال",
            "شارك على فيسبوك",
            "Partagez cet article sur Twitter",
            "Suivez-nous sur Facebook et Twitter",
            "Advertisement - Continue reading below",
            "Continue reading the main story",
        ] {
            assert!(matches!(classify_line(line), Widget | ReadMore), "{line}");
        }
        assert_eq!(classify_line("undefined undefined"), Artifact);
        assert_eq!(classify_line("Par ailleurs, le ministre a annoncé une nouvelle réunion des pays du Sahel à Bamako en décembre."), Story);
    }

    #[test]
    fn story_lines_are_kept() {
        for line in [
            "متابعة تنفيذ",
            "Share prices fell sharply on Monday after the announcement of new tariffs on steel imports.",
            "شارك وزير الخارجية في المؤتمر الإقليمي بشأن أمن الحدود في الرباط.",
            "وقال مصدر أمني لوكالة رويترز إن الهجوم وقع فجر الأحد.",
            "Reuters reported that the talks had stalled over the border dispute.",
            "Le président a déclaré : « Nous lirons aussi ce rapport. »",
            "Follow-up",
        ] {
            assert_eq!(classify_line(line), Story, "{line}");
        }
    }
}
