//! Primary-country evidence that mention counts miss: a dateline line left at
//! the start of the body, the country of the speaker a headline quotes, and
//! when no country dominates at all. See docs/classification.md.

use crate::normalize::{normalize_term, MatchText, Zone};

/// The longest place part of a body dateline, in characters and in words
/// ("Dubai, United Arab Emirates" is 4 words; a sentence is longer).
const DATELINE_PLACE_MAX_CHARS: usize = 80;
const DATELINE_PLACE_MAX_WORDS: usize = 6;
/// The longest agency credit in a dateline's parentheses, in characters.
const DATELINE_AGENCY_MAX_CHARS: usize = 25;
/// A headline's speaker prefix ("Lavrov: ...") is a name, not a sentence.
const SPEAKER_MAX_TOKENS: usize = 4;
/// How many tokens before the speaker's name its country may be named
/// ("the Turkish President Recep Tayyip Erdogan": three name tokens).
const SPEAKER_WINDOW: usize = 4;
/// How many tokens after the speaker's name an apposition may name their
/// country, when none is named before it.
const APPOSITION_WINDOW: usize = 10;

/// Byte offset where the place part of a dateline line at the very start of
/// the body ends: "Dubai, United Arab Emirates (CNN) -- ..." gives the offset
/// of "(". Such a line says where the story was filed; the clean stage
/// recognises only some dateline forms, so the classifier looks for the
/// "place (agency) dash" form itself.
pub(crate) fn body_dateline(body: &str) -> Option<usize> {
    let start = body.len() - body.trim_start().len();
    let rest = &body[start..];
    let open = rest
        .char_indices()
        .take(DATELINE_PLACE_MAX_CHARS)
        .take_while(|(_, c)| *c != '\n' && *c != '.' && *c != ')')
        .find(|(_, c)| *c == '(')
        .map(|(i, _)| i)?;
    let words = rest[..open].split_whitespace().count();
    if words == 0 || words > DATELINE_PLACE_MAX_WORDS {
        return None;
    }
    let after_open = &rest[open + 1..];
    let close = after_open
        .char_indices()
        .take(DATELINE_AGENCY_MAX_CHARS)
        .take_while(|(_, c)| *c != '\n' && *c != '(')
        .find(|(_, c)| *c == ')')
        .map(|(i, _)| i)?;
    let after_close = after_open[close + 1..].trim_start();
    let dash = after_close.chars().next()?;
    if !matches!(dash, '-' | '—' | '–' | '‒' | '―') {
        return None;
    }
    Some(start + open)
}

/// Whether a dateline's place names one of the source's newsroom cities: a
/// desk line ("Dubai (CNN) --" on every story of CNN's Arabic service) says
/// nothing about where the event is. `newsrooms` are in matching form.
pub(crate) fn names_newsroom(place: &str, newsrooms: &[String]) -> bool {
    let place = format!(" {} ", normalize_term(place));
    newsrooms
        .iter()
        .any(|city| !city.is_empty() && place.contains(&format!(" {city} ")))
}

/// Byte offset of the colon of a "Speaker: quote" headline, when the part
/// before it is short enough to be a name.
pub(crate) fn speaker_colon(text: &MatchText, title: &str) -> Option<usize> {
    let colon = title.find(':')?;
    let prefix = text
        .tokens
        .iter()
        .filter(|t| t.zone == Zone::Title && t.orig_end <= colon)
        .count();
    (1..=SPEAKER_MAX_TOKENS).contains(&prefix).then_some(colon)
}

/// Index of the first body token that names the headline's speaker (the first
/// word of the part before the colon), allowing Arabic proclitics ("وأردوغان").
/// In Latin script a name is capitalised: a lower-case first mention means the
/// headline opened with a common noun ("Fraud: ..."), not a speaker.
pub(crate) fn speaker_mention(text: &MatchText, body: &str) -> Option<usize> {
    let first = text.tokens.first().filter(|t| t.zone == Zone::Title)?;
    let name = &text.text[first.start..first.end];
    let name_chars = name.chars().count();
    if name_chars < 3 || name.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let arabic = name.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    let (i, token) = text
        .tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.zone != Zone::Title)
        .find(|(_, t)| {
            let word = &text.text[t.start..t.end];
            word == name
                || (arabic && word.ends_with(name) && word.chars().count() <= name_chars + 2)
        })?;
    let capitalised = body
        .get(token.orig_start..)
        .and_then(|s| s.chars().next())
        .is_some_and(|c| !c.is_lowercase());
    (arabic || capitalised).then_some(i)
}

/// Whether a place ending at token `last` (starting at `first`) sits in the
/// few tokens just before the speaker's name: "the Russian foreign minister
/// Sergei Lavrov", "وزير الخارجية الروسي سيرغي لافروف".
pub(crate) fn introduces_speaker(first: usize, last: usize, speaker: usize) -> bool {
    last < speaker && first + SPEAKER_WINDOW >= speaker
}

/// Whether a place at tokens `first..=last` follows the speaker's name closely
/// enough to be an apposition: "Moqtada al-Sadr, the Shia leader in Iraq",
/// "سلطان بن سحيم آل ثاني، أن النظام القطري".
pub(crate) fn follows_speaker(first: usize, last: usize, speaker: usize) -> bool {
    first > speaker && last <= speaker + APPOSITION_WINDOW
}

/// Whether a stretch of text ends a sentence (an apposition does not).
pub(crate) fn crosses_sentence(between: &str) -> bool {
    between.contains(['.', '!', '?', '؟', '\n'])
}

/// Whether the weights have no dominant country: at least three countries,
/// the strongest less than twice the next. With no country in the title,
/// lead or dateline, such an article is about no single country (a global
/// market report, an international ranking).
pub(crate) fn no_dominant_country(mut weights: Vec<f64>) -> bool {
    if weights.len() < 3 {
        return false;
    }
    weights.sort_by(|a, b| b.total_cmp(a));
    weights[0] < 2.0 * weights[1]
}

/// Whether every country is named only once: passing mentions ("a French
/// study found", "like Germany did") in an article about no country.
pub(crate) fn only_passing_mentions(mut mentions: impl Iterator<Item = u32>) -> bool {
    mentions.all(|m| m <= 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn body_dateline_never_panics_and_cuts_on_a_char_boundary(
            body in "[ \\n(),.\\-—a-zA-Zé\\u{0600}-\\u{06FF}]{0,120}"
        ) {
            if let Some(end) = body_dateline(&body) {
                proptest::prop_assert!(body.is_char_boundary(end));
                proptest::prop_assert_eq!(&body[end..end + 1], "(");
            }
        }
    }

    #[test]
    fn body_dateline_in_three_languages() {
        let ar = "دبي، الإمارات العربية المتحدة (CNN)-- قال مسؤول";
        assert_eq!(body_dateline(ar), ar.find('('));
        let fr = "Bamako, Mali (AFP) — Le gouvernement a annoncé";
        assert_eq!(body_dateline(fr), fr.find('('));
        let en = "  LAGOS, Nigeria (Reuters) - Police said";
        assert_eq!(body_dateline(en), en.find('('));
    }

    #[test]
    fn parentheses_in_a_sentence_are_no_dateline() {
        assert_eq!(
            body_dateline("The ministry (which denied it) said on Monday."),
            None
        );
        assert_eq!(
            body_dateline("Le président a parlé. Ensuite (AFP) - rien."),
            None
        );
        assert_eq!(body_dateline("(AFP) - Le président a parlé."), None);
        assert_eq!(
            body_dateline("Le nouveau maire socialiste de la ville de Lyon (PS) - élu hier"),
            None
        );
    }

    #[test]
    fn newsroom_matches_whole_words() {
        let newsrooms = vec![normalize_term("دبي")];
        assert!(names_newsroom("دبي، الإمارات العربية المتحدة ", &newsrooms));
        assert!(!names_newsroom("أبوظبي، الإمارات ", &newsrooms));
        let paris = vec![normalize_term("Paris")];
        assert!(names_newsroom("PARIS ", &paris));
        assert!(!names_newsroom("Bamako, Mali ", &paris));
    }

    #[test]
    fn speaker_is_found_with_proclitics() {
        let title = "لافروف: مستعدون للحوار";
        let text = MatchText::new(title, "قال وزير الخارجية الروسي سيرغي لافروف إن بلاده مستعدة");
        assert!(speaker_colon(&text, title).is_some());
        let body = "قال وزير الخارجية الروسي سيرغي لافروف إن بلاده مستعدة";
        let i = speaker_mention(&text, body).unwrap();
        assert_eq!(
            &text.text[text.tokens[i].start..text.tokens[i].end],
            "لافروف"
        );
        let text = MatchText::new(title, "ورد ولافروف على السؤال");
        assert!(speaker_mention(&text, "ورد ولافروف على السؤال").is_some());
    }

    #[test]
    fn a_common_noun_is_no_speaker() {
        let title = "Fraude : trois suspects arrêtés";
        let body = "Trois suspects de fraude ont été arrêtés.";
        let text = MatchText::new(title, body);
        assert_eq!(speaker_mention(&text, body), None);
        let title = "Fraud: three held";
        let body = "Three people were held over a fraud.";
        assert_eq!(speaker_mention(&MatchText::new(title, body), body), None);
        let title = "Lavrov: talks now";
        let body = "The Russian diplomat Sergei Lavrov said talks must start.";
        assert!(speaker_mention(&MatchText::new(title, body), body).is_some());
    }

    #[test]
    fn a_long_headline_prefix_is_no_speaker() {
        let title = "Why the talks between the two sides failed again: an analysis";
        let text = MatchText::new(title, "The talks failed.");
        assert_eq!(speaker_colon(&text, title), None);
        let title = "Macron : « nous agirons »";
        let text = MatchText::new(title, "Le président français Emmanuel Macron a déclaré");
        assert!(speaker_colon(&text, title).is_some());
    }

    #[test]
    fn dominance() {
        assert!(no_dominant_country(vec![2.0, 1.2, 1.2, 1.0]));
        assert!(!no_dominant_country(vec![5.0, 1.2, 1.2]));
        assert!(!no_dominant_country(vec![1.2, 1.2]));
    }

    #[test]
    fn passing_mentions() {
        assert!(only_passing_mentions([1, 1].into_iter()));
        assert!(only_passing_mentions([1].into_iter()));
        assert!(!only_passing_mentions([1, 2].into_iter()));
    }

    #[test]
    fn apposition_stays_in_the_sentence() {
        assert!(follows_speaker(5, 6, 2));
        assert!(!follows_speaker(1, 1, 2));
        assert!(!follows_speaker(12, 13, 2));
        assert!(crosses_sentence(" spoke on Monday. "));
        assert!(crosses_sentence("، قال؟ "));
        assert!(!crosses_sentence(", the commander of forces in eastern "));
    }
}
