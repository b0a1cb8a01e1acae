//! Text normalisation: the published body is NFC, free of invisible
//! controls, with one space between words and one blank line between
//! paragraphs. Matching forms (folding) are the classifier's business.

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

/// Characters that carry no text: zero-width spaces and joiners, bidi
/// marks and embeddings, the BOM, soft hyphens, Arabic tatweel (a
/// justification stroke that breaks word matching).
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}'
        | '\u{061C}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}')
}

/// No-break and typographic spaces.
fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

fn is_arabic_letter(c: char) -> bool {
    c != '\u{0640}'
        && matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

/// Arabic words of one or two letters that stand alone; any other one- or
/// two-letter fragment next to a no-break space is a piece of a word.
const SHORT_ARABIC_WORDS: &[&str] = &[
    "من", "في", "عن", "ما", "إن", "أن", "ان", "قد", "لا", "لم", "لن", "بن", "هو", "هي", "أو", "او",
    "ثم", "بل", "كل", "إذ", "لو", "يا", "ذا", "مع", "به", "له", "لك", "بك", "هم", "نا",
];

/// The letters of the fragment that ends (or starts) at a no-break space.
fn fragment(chars: &[char], range: impl Iterator<Item = usize>) -> String {
    let mut out = String::new();
    for i in range {
        let c = chars[i];
        if c.is_whitespace() {
            break;
        }
        if c.is_alphabetic() {
            out.push(c);
        }
    }
    out
}

/// A no-break space inside a word (a typesetting or crawler artefact:
/// "rai l", "ر اشد") is dropped; between words (`M. Macron`, `10 000`,
/// `عقد القمة`) it is a space. Between lower-case Latin letters it is taken
/// as inside a word (Latin text separates words with plain spaces); between
/// Arabic letters, when one side is a one- or two-letter fragment that is
/// not a word on its own.
fn nbsp_inside_word(chars: &[char], at: usize) -> bool {
    let prev = at.checked_sub(1).map(|j| chars[j]);
    let next = chars.get(at + 1).copied();
    let (Some(p), Some(n)) = (prev, next) else {
        return false;
    };
    if p.is_lowercase() && n.is_lowercase() {
        return true;
    }
    if !(is_arabic_letter(p) && is_arabic_letter(n)) {
        return false;
    }
    let left: String = fragment(chars, (0..at).rev()).chars().rev().collect();
    let right = fragment(chars, at + 1..chars.len());
    let is_piece = |f: &str| f.chars().count() <= 2 && !SHORT_ARABIC_WORDS.contains(&f);
    is_piece(&left) || is_piece(&right)
}

/// Tatweel (ـ) is a justification stroke and goes, except after a one-letter
/// prefix before a number or a quote ("لـ24 ساعة", "بـ "نعم""), where it is
/// the spelling.
fn tatweel_is_spelling(chars: &[char], at: usize) -> bool {
    let next = chars.get(at + 1).copied();
    if next.is_some_and(is_arabic_letter) {
        return false;
    }
    let Some(prefix) = at.checked_sub(1).map(|j| chars[j]) else {
        return false;
    };
    let before_prefix = at.checked_sub(2).map(|j| chars[j]);
    is_arabic_letter(prefix) && before_prefix.is_none_or(|c| !c.is_alphabetic())
}

/// Normalises one line: entities decoded, mojibake repaired, invisible
/// characters dropped, odd spaces made plain, NFC, spaces collapsed, trimmed.
pub fn normalise_line(line: &str) -> String {
    let decoded = decode_entities(line);
    let repaired = repair_mojibake(&decoded);
    let chars: Vec<char> = repaired.chars().filter(|c| !is_invisible(*c)).collect();
    let mut spaced = String::with_capacity(repaired.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == '\u{0640}' {
            if tatweel_is_spelling(&chars, i) {
                spaced.push(c);
            }
        } else if c == '\u{00A0}' || c == '\u{202F}' {
            if !nbsp_inside_word(&chars, i) {
                spaced.push(' ');
            }
        } else if is_odd_space(c) || c.is_whitespace() || c.is_control() {
            spaced.push(' ');
        } else {
            spaced.push(c);
        }
    }
    // Most text is already NFC; the quick check avoids rebuilding it.
    let nfc: Cow<'_, str> = match unicode_normalization::is_nfc_quick(spaced.chars()) {
        unicode_normalization::IsNormalized::Yes => Cow::Borrowed(&spaced),
        _ => Cow::Owned(spaced.nfc().collect()),
    };
    let mut out = String::with_capacity(nfc.len());
    for word in nfc.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Splits text into normalised, non-empty lines (each line of the input is
/// a paragraph or a heading; empty lines only separate).
pub fn normalised_lines(text: &str) -> Vec<String> {
    text.split(['\n', '\r', '\u{2028}', '\u{2029}', '\u{0085}'])
        .map(normalise_line)
        .filter(|l| !l.is_empty())
        .collect()
}

/// Paragraphs separated by exactly one blank line.
pub fn join_paragraphs<S: AsRef<str>>(lines: &[S]) -> String {
    let mut out = String::new();
    for line in lines {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(line.as_ref());
    }
    out
}

/// Decodes the HTML character references a feed can leave in text
/// (`&amp;`, `&#39;`, `&#x2019;`, `&nbsp;`, ...). One pass, so `&amp;amp;`
/// becomes `&amp;` (the text said that), and unknown names stay as they are.
pub fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|end| decode_reference(&after[..end]).map(|c| (c, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn decode_reference(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{00A0}',
        "shy" => '\u{00AD}',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "ldquo" => '\u{201C}',
        "rdquo" => '\u{201D}',
        "sbquo" => '\u{201A}',
        "bdquo" => '\u{201E}',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "hellip" => '\u{2026}',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "euro" => '€',
        "pound" => '£',
        "middot" => '·',
        "bull" => '•',
        "eacute" => 'é',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "agrave" => 'à',
        "acirc" => 'â',
        "ccedil" => 'ç',
        "ocirc" => 'ô',
        "icirc" => 'î',
        "iuml" => 'ï',
        "ugrave" => 'ù',
        "ucirc" => 'û',
        "Eacute" => 'É',
        "Agrave" => 'À',
        "Ccedil" => 'Ç',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        _ => return None,
    };
    Some(c)
}

/// Letters that UTF-8 Latin text shows when read as Latin-1/Windows-1252
/// (`Ã©`, `â€™`) or UTF-8 Arabic read as Windows-1252 (`Ø§`, `Ù„`).
fn latin_mojibake_score(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .filter(|w| {
            matches!(w[0], 'Ã' | 'Â' | 'â' | 'Ø' | 'Ù' | 'Ú' | 'Û')
                && matches!(
                    w[1],
                    '\u{0080}'
                        ..='\u{00BF}'
                            | '€'
                            | '‚'
                            | 'ƒ'
                            | '„'
                            | '…'
                            | '†'
                            | '‡'
                            | 'ˆ'
                            | '‰'
                            | 'Š'
                            | '‹'
                            | 'Œ'
                            | 'Ž'
                            | '‘'
                            | '’'
                            | '“'
                            | '”'
                            | '•'
                            | '–'
                            | '—'
                            | '˜'
                            | '™'
                            | 'š'
                            | '›'
                            | 'œ'
                            | 'ž'
                            | 'Ÿ'
                )
        })
        .count()
}

/// UTF-8 Arabic read as Windows-1256 alternates `ط`/`ظ` (bytes D8/D9) with
/// other letters (`ط§ظ„`): they make up about half of the letters, against a
/// few per cent in real Arabic. Returns (ط/ظ count, Arabic-block count).
fn arabic_mojibake_counts(text: &str) -> (usize, usize) {
    let (mut lead, mut arabic) = (0usize, 0usize);
    for c in text.chars() {
        if ('\u{0600}'..='\u{06FF}').contains(&c) {
            arabic += 1;
            lead += usize::from(matches!(c, 'ط' | 'ظ'));
        }
    }
    (lead, arabic)
}

/// Repairs a line that was UTF-8 decoded as Windows-1252/Latin-1 or as
/// Windows-1256, when re-encoding it gives valid UTF-8 with fewer tell-tale
/// pairs. Lines without the tell-tale signs are returned untouched.
pub fn repair_mojibake(line: &str) -> Cow<'_, str> {
    if line.is_ascii() {
        return Cow::Borrowed(line);
    }
    let leads = ['Ã', 'Â', 'â', 'Ø', 'Ù', 'Ú', 'Û'];
    let latin = if line.contains(leads) {
        latin_mojibake_score(line)
    } else {
        0
    };
    if latin >= 1 {
        if let Some(fixed) = reencode(line, encoding_rs::WINDOWS_1252) {
            if latin_mojibake_score(&fixed) < latin {
                return Cow::Owned(fixed);
            }
        }
    }
    let (lead, arabic) = arabic_mojibake_counts(line);
    if lead >= 3 && lead * 3 >= arabic {
        if let Some(fixed) = reencode(line, encoding_rs::WINDOWS_1256) {
            let (fixed_lead, fixed_arabic) = arabic_mojibake_counts(&fixed);
            if fixed_lead * 3 < fixed_arabic.max(1) {
                return Cow::Owned(fixed);
            }
        }
    }
    Cow::Borrowed(line)
}

fn reencode(line: &str, encoding: &'static encoding_rs::Encoding) -> Option<String> {
    let (bytes, _, unmappable) = encoding.encode(line);
    if unmappable {
        return None;
    }
    String::from_utf8(bytes.into_owned()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_invisible_characters_and_tatweel() {
        assert_eq!(normalise_line("عالم\u{200B}ية ـالأموال"), "عالمية الأموال");
        assert_eq!(
            normalise_line("er\u{200E}ror\u{200F} soft\u{00AD}ware"),
            "error software"
        );
        assert_eq!(normalise_line("\u{FEFF}Bonjour"), "Bonjour");
        // Tatweel after a one-letter prefix before a number or quote is spelling.
        assert_eq!(
            normalise_line("لـ24 ساعة بـ \"نعم\" فـي قيقهاـ"),
            "لـ24 ساعة بـ \"نعم\" في قيقها"
        );
    }

    #[test]
    fn nbsp_is_a_space_between_words_and_nothing_inside_one() {
        assert_eq!(normalise_line("rai\u{00A0}l net"), "rail net");
        assert_eq!(normalise_line("ر\u{00A0}اشد"), "راشد");
        assert_eq!(normalise_line("M.\u{00A0}Macron"), "M. Macron");
        assert_eq!(normalise_line("249,1\u{00A0} مليون"), "249,1 مليون");
        assert_eq!(
            normalise_line("10\u{00A0}000 «\u{00A0}mot\u{00A0}»"),
            "10 000 « mot »"
        );
    }

    #[test]
    fn collapses_spaces_and_applies_nfc() {
        assert_eq!(normalise_line("  a \t b\u{3000}c  "), "a b c");
        assert_eq!(normalise_line("e\u{0301}te\u{0301}"), "été");
    }

    #[test]
    fn decodes_entities_once() {
        assert_eq!(
            decode_entities("Tom &amp; Jerry &#39;x&#x27; &eacute;t&eacute;"),
            "Tom & Jerry 'x' été"
        );
        assert_eq!(
            decode_entities("&amp;amp; &unknown; a & b"),
            "&amp; &unknown; a & b"
        );
        assert_eq!(decode_entities("&#0; &#xZZ;"), "&#0; &#xZZ;");
    }

    #[test]
    fn repairs_latin1_and_cp1256_mojibake() {
        assert_eq!(
            repair_mojibake("Le prÃ©sident a dÃ©clarÃ©"),
            "Le président a déclaré"
        );
        assert_eq!(repair_mojibake("It\u{00e2}\u{20ac}\u{2122}s"), "It’s");
        let arabic = "المؤتمر الإقليمي";
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.decode(arabic.as_bytes());
        assert_ne!(bytes, arabic);
        assert_eq!(repair_mojibake(&bytes), arabic);
        let (latin, _, _) = encoding_rs::WINDOWS_1252.decode(arabic.as_bytes());
        assert_eq!(repair_mojibake(&latin), arabic);
        // Real text is left alone.
        for s in ["Ça va, garçon", "الطاقة والظروف", "naïve café Âge"] {
            assert_eq!(repair_mojibake(s), s);
        }
    }

    #[test]
    fn paragraphs_are_one_blank_line_apart() {
        let lines = normalised_lines("a\n\n\n b \r\nc\n");
        assert_eq!(join_paragraphs(&lines), "a\n\nb\n\nc");
    }
}
