//! The matching form: one normalisation for rule terms and for article text,
//! so a term matches whatever spelling variants fold to the same form.
//!
//! Arabic: diacritics and tatweel removed, أ إ آ ٱ -> ا, ى -> ي, ة -> ه,
//! ؤ -> و, ئ -> ي (Persian ی ک folded too). Latin: lower case, accents
//! removed (é -> e, ç -> c), ligatures split. Everything that is not a letter
//! or digit separates tokens, which also splits French elisions (l'armée ->
//! l armee) and hyphenated names. Clitics and suffixes are not stripped here:
//! the matcher accepts them around a match (see `matcher`), so a word is
//! never mangled into something it is not.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Where a token sits in the article; title and lead weigh more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Zone {
    Title,
    Lead,
    Body,
}

impl Zone {
    pub fn as_str(self) -> &'static str {
        match self {
            Zone::Title => "title",
            Zone::Lead => "lead",
            Zone::Body => "body",
        }
    }
}

/// One token of the matching form, with its place in the original field.
#[derive(Debug, Clone)]
pub struct Token {
    /// Byte range in `MatchText::text`.
    pub start: usize,
    pub end: usize,
    pub zone: Zone,
    /// Byte range in the original field (title or body).
    pub orig_start: usize,
    pub orig_end: usize,
}

/// An article in matching form: tokens separated by single spaces, with a
/// space at both ends so every token is delimited on both sides.
#[derive(Debug, Clone)]
pub struct MatchText {
    pub text: String,
    pub tokens: Vec<Token>,
    /// Number of sentences in the article.
    pub sentences: u32,
}

/// Tokens of the body at the start of the article that count as its lead
/// when the body has no paragraph break early on.
const LEAD_MAX_TOKENS: usize = 60;

/// Appends the matching form of `c` to `out`.
pub fn fold_char(c: char, out: &mut String) {
    match c {
        // Arabic diacritics (harakat, shadda, sukun, dagger alif) and tatweel.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => {}
        'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
        'ى' | 'ی' => out.push('ي'),
        'ة' => out.push('ه'),
        'ؤ' => out.push('و'),
        'ئ' => out.push('ي'),
        'ک' => out.push('ك'),
        '٠'..='٩' => out.push(char::from(b'0' + (c as u32 - '٠' as u32) as u8)),
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c if ('\u{0600}'..='\u{06FF}').contains(&c) => out.push(c),
        c => {
            let mut base = String::new();
            decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    base.push(d);
                }
            });
            for l in base.chars().flat_map(char::to_lowercase) {
                out.push(l);
            }
        }
    }
}

/// The matching form of a rule term: its tokens joined by single spaces.
pub fn normalize_term(term: &str) -> String {
    let mut out = String::new();
    let mut folded = String::new();
    for c in term.chars() {
        folded.clear();
        fold_char(c, &mut folded);
        for f in folded.chars() {
            if f.is_alphanumeric() {
                out.push(f);
            } else if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        }
        if folded.is_empty() && !is_arabic_mark(c) && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim_end().to_owned()
}

fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}')
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '\n' | '؛' | ';')
}

impl MatchText {
    /// Builds the matching form of a title and a body.
    pub fn new(title: &str, body: &str) -> MatchText {
        let mut m = MatchText {
            text: String::with_capacity(title.len() + body.len() + 8),
            tokens: Vec::new(),
            sentences: 0,
        };
        m.text.push(' ');
        m.push_field(title, |_, _| Zone::Title);
        m.sentences += 1;
        let lead_end = lead_end(body);
        let body_first = m.tokens.len();
        m.push_field(body, |offset, index| {
            if offset < lead_end && index < LEAD_MAX_TOKENS {
                Zone::Lead
            } else {
                Zone::Body
            }
        });
        debug_assert!(m.tokens[body_first..].iter().all(|t| t.zone != Zone::Title));
        m.sentences += 1;
        m
    }

    fn push_field(&mut self, field: &str, zone: impl Fn(usize, usize) -> Zone) {
        let first = self.tokens.len();
        let mut folded = String::new();
        let mut open: Option<(usize, usize)> = None; // (text start, orig start)
        let mut sentence_break = false;
        for (offset, c) in field.char_indices() {
            folded.clear();
            fold_char(c, &mut folded);
            if is_arabic_mark(c) {
                continue;
            }
            let is_word = !folded.is_empty() && folded.chars().all(char::is_alphanumeric);
            if is_word {
                if open.is_none() {
                    if sentence_break {
                        self.sentences += 1;
                        sentence_break = false;
                    }
                    open = Some((self.text.len(), offset));
                }
                self.text.push_str(&folded);
                continue;
            }
            if let Some((start, orig_start)) = open.take() {
                let index = self.tokens.len() - first;
                self.tokens.push(Token {
                    start,
                    end: self.text.len(),
                    zone: zone(orig_start, index),
                    orig_start,
                    orig_end: offset,
                });
                self.text.push(' ');
            }
            if ends_sentence(c) {
                sentence_break = true;
            }
        }
        if let Some((start, orig_start)) = open.take() {
            let index = self.tokens.len() - first;
            self.tokens.push(Token {
                start,
                end: self.text.len(),
                zone: zone(orig_start, index),
                orig_start,
                orig_end: field.len(),
            });
            self.text.push(' ');
        }
    }

    /// The token whose text range contains byte `pos`, if any.
    pub fn token_at(&self, pos: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.end < pos);
        let t = self.tokens.get(i)?;
        (t.start <= pos && pos <= t.end).then_some(i)
    }

    /// Number of tokens in the body (lead included).
    pub fn body_tokens(&self) -> usize {
        self.tokens.iter().filter(|t| t.zone != Zone::Title).count()
    }
}

/// Byte offset where the lead ends: the first paragraph break, if early.
fn lead_end(body: &str) -> usize {
    match body.find("\n\n") {
        Some(i) => i,
        None => body.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_folding() {
        assert_eq!(normalize_term("الأمنيّة"), "الامنيه");
        assert_eq!(normalize_term("إسرائيل"), "اسراييل");
        assert_eq!(normalize_term("مستشفى"), "مستشفي");
        assert_eq!(normalize_term("الــمغرب"), "المغرب");
    }

    #[test]
    fn french_elision_and_accents() {
        assert_eq!(normalize_term("l'armée"), "l armee");
        assert_eq!(normalize_term("Sécurité"), "securite");
        assert_eq!(normalize_term("Guinée-Bissau"), "guinee bissau");
        assert_eq!(normalize_term("cœur"), "coeur");
    }

    #[test]
    fn tokens_keep_original_offsets_and_zones() {
        let m = MatchText::new("Attaque à Gao", "Premier paragraphe.\n\nSecond, l'armée.");
        assert_eq!(m.text, " attaque a gao premier paragraphe second l armee ");
        let armee = m.tokens.last().unwrap();
        assert_eq!(armee.zone, Zone::Body);
        assert_eq!(armee.orig_start, "Premier paragraphe.\n\nSecond, l'".len());
        assert_eq!(m.tokens[0].zone, Zone::Title);
        assert_eq!(m.tokens[3].zone, Zone::Lead);
    }
}
