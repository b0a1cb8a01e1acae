//! HTML pages to article text.
//!
//! dom_smoothie (a Readability.js port) picks the article container; before
//! it runs we delete what is never article text (figures and their captions,
//! share bars, related lists, cookie banners, comments), which is where
//! Readability loses most precision on news pages (docs/cleaning.md has the
//! measured comparison with rs-trafilatura and plain dom_smoothie). The text
//! then goes through the same line-level noise filter as plain-text input.
//!
//! Pages nested deeper than [`MAX_DEPTH`] are not handed to the DOM (whose
//! tree walks are recursive): they are flattened by a linear tag stripper.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

/// Deeper than any real page (news pages stay under ~60).
pub const MAX_DEPTH: usize = 256;

/// Elements that are never article text.
const ALWAYS_DROP: &str = "script, style, noscript, template, iframe, svg, canvas, button, \
select, input, textarea, nav, aside, footer, figure, figcaption, picture, video, audio, \
[role=navigation], [role=complementary], [role=banner], [role=contentinfo], [aria-hidden=true], [hidden]";

/// Class or id words of page furniture (matched against the words of the
/// attribute split on `-`, `_`, spaces and digits). An element matching one
/// is kept anyway when it holds several real paragraphs: that is an article
/// container with an unlucky class ("l-sidebar-fixed l-article-body").
const FURNITURE: &[&str] = &[
    "caption",
    "captions",
    "credit",
    "credits",
    "share",
    "sharing",
    "sharebar",
    "sharedaddy",
    "social",
    "socials",
    "related",
    "newsletter",
    "promo",
    "ad",
    "ads",
    "adv",
    "advert",
    "advertisement",
    "dfp",
    "gpt",
    "sponsor",
    "sponsored",
    "cookie",
    "cookies",
    "consent",
    "comment",
    "comments",
    "disqus",
    "byline",
    "breadcrumb",
    "breadcrumbs",
    "tags",
    "subscribe",
    "signup",
    "paywall",
    "popup",
    "recommended",
    "outbrain",
    "taboola",
    "zergnet",
    "trending",
    "readmore",
    "author",
    "dateline",
    "timestamp",
    "gallery",
    "slideshow",
    "sidebar",
    "widget",
    "toolbar",
    "nocontent",
];

/// Paragraphs of at least this many characters mark real text.
const LONG_PARAGRAPH: usize = 80;

/// The extracted article.
#[derive(Debug, Default)]
pub struct Extracted {
    pub title: String,
    /// Text with one block (paragraph, heading, list item) per line.
    pub text: String,
    /// Texts of the figure captions and similar furniture removed before
    /// extraction: they are not body text, but a source line can hide there
    /// ("المصدر : رويترز" as a caption), so the caller still reads credits
    /// from them.
    pub removed: Vec<String>,
}

/// Whether a body is HTML: the declared content type when there is one,
/// otherwise a leading tag.
pub fn is_html(body: &str, content_type: Option<&str>) -> bool {
    if let Some(ct) = content_type {
        return ct.to_ascii_lowercase().contains("html");
    }
    let start = body.trim_start();
    let head: String = start
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype")
        || head.starts_with("<html")
        || head.starts_with("<?xml")
        || (head.starts_with('<')
            && [
                "<p", "<div", "<body", "<head", "<article", "<span", "<br", "<h1", "<h2",
                "<section", "<main", "<!--",
            ]
            .iter()
            .any(|t| head.starts_with(t)))
}

/// Extracts title and article text from a page.
pub fn extract(html: &str) -> Extracted {
    if max_depth(html) > MAX_DEPTH {
        return Extracted {
            title: String::new(),
            text: strip_tags(html),
            removed: Vec::new(),
        };
    }
    let doc = Document::from(html);
    let page_title = doc.select("title").text().to_string();
    let removed = preclean(&doc);
    let fallback_text = || {
        let body = doc.select("body");
        let html = if body.is_empty() {
            doc.html()
        } else {
            body.html()
        };
        strip_tags(&html)
    };
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let fallback = fallback_text();
    let parsed = Readability::with_document(doc, None, Some(config)).and_then(|mut r| r.parse());
    match parsed {
        Ok(article) if !article.text_content.trim().is_empty() => Extracted {
            title: if article.title.trim().is_empty() {
                page_title
            } else {
                article.title
            },
            text: article.text_content.to_string(),
            removed,
        },
        _ => Extracted {
            title: page_title,
            text: fallback,
            removed,
        },
    }
}

fn preclean(doc: &Document) -> Vec<String> {
    let mut removed: Vec<String> = doc
        .select("figcaption, [class*=caption], [class*=credit]")
        .nodes()
        .iter()
        .map(|n| n.text().to_string())
        .filter(|t| !t.trim().is_empty() && t.len() < 600)
        .collect();
    doc.select(ALWAYS_DROP).remove();
    // An <article> inside another one is an embedded card for a different
    // story (related posts under a WordPress post), not part of this one.
    let nested: Vec<String> = doc
        .select("article article")
        .nodes()
        .iter()
        .map(|n| n.text().to_string())
        .collect();
    if !nested.is_empty() {
        doc.select("article article").remove();
        removed.extend(nested.into_iter().filter(|t| t.len() < 600));
    }
    let page_prose = doc
        .select("body")
        .nodes()
        .first()
        .map_or(0, prose_len)
        .max(1);
    for node in doc.select("[class], [id], form").nodes() {
        let tag = node.node_name().map(|n| n.to_string()).unwrap_or_default();
        if matches!(
            tag.as_str(),
            "html" | "body" | "article" | "main" | "p" | "h1" | "h2" | "h3"
        ) {
            continue;
        }
        // Forms are furniture (search, newsletter) unless, as on some
        // ASP.NET sites, one wraps the whole page: the guard below decides.
        let is_form = tag == "form";
        let attrs = format!(
            "{} {}",
            node.attr("class").unwrap_or_default(),
            node.attr("id").unwrap_or_default()
        )
        .to_ascii_lowercase();
        let furniture = attrs
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|word| FURNITURE.contains(&word));
        if !furniture && !is_form {
            continue;
        }
        if holds_article_text(node, page_prose) {
            continue;
        }
        let text = node.text();
        if !text.trim().is_empty() && text.len() < 600 {
            removed.push(text.to_string());
        }
        node.remove_from_parent();
    }
    removed
}

/// Letters (not spaces) of a node's text outside links.
fn prose_len(node: &dom_query::NodeRef) -> usize {
    let count = |t: &str| t.chars().filter(|c| !c.is_whitespace()).count();
    let all = count(&node.text());
    let links: usize = dom_query::Selection::from(*node)
        .select("a")
        .nodes()
        .iter()
        .map(|a| count(&a.text()))
        .sum();
    all.saturating_sub(links)
}

/// An element with several real paragraphs, or with a large share of the
/// page's prose (text outside links), is an article container whatever its
/// class says.
fn holds_article_text(node: &dom_query::NodeRef, page_prose: usize) -> bool {
    let long_paragraphs = dom_query::Selection::from(*node)
        .select("p")
        .nodes()
        .iter()
        .filter(|p| p.text().chars().count() >= LONG_PARAGRAPH)
        .take(3)
        .count();
    if long_paragraphs >= 3 {
        return true;
    }
    prose_len(node) * 5 >= page_prose * 2
}

/// Maximum element nesting, counted without building a tree (linear).
pub fn max_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(offset) = memchr_lt(&bytes[i..]) {
        i += offset + 1;
        let Some(&next) = bytes.get(i) else { break };
        if next == b'/' {
            depth = depth.saturating_sub(1);
        } else if next.is_ascii_alphabetic() {
            let name_end = bytes[i..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .map_or(bytes.len(), |p| i + p);
            let name = html[i..name_end].to_ascii_lowercase();
            let tag_end = bytes[name_end..]
                .iter()
                .position(|&b| b == b'>')
                .map_or(bytes.len(), |p| name_end + p);
            let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
            if !is_void(&name) && !self_closing {
                depth += 1;
                max = max.max(depth);
            }
        }
    }
    max
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "p"
            | "li"
            | "option"
    )
}

/// Linear fallback: block tags become line breaks, scripts and styles are
/// skipped, entities are left for the normaliser.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = &after[..gt];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        rest = &after[gt + 1..];
        if !tag.starts_with('/')
            && matches!(name.as_str(), "script" | "style" | "noscript" | "template")
        {
            let close = format!("</{name}");
            match find_ascii_ci(rest, &close) {
                Some(end) => {
                    rest = &rest[end..];
                    if let Some(gt) = rest.find('>') {
                        rest = &rest[gt + 1..];
                    }
                }
                None => rest = "",
            }
            continue;
        }
        if is_block(&name) {
            out.push('\n');
        } else {
            out.push(' ');
        }
    }
    out.push_str(rest);
    out
}

fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let h = haystack.as_bytes();
    let n = needle.as_bytes();
    if n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "tr"
            | "table"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "blockquote"
            | "pre"
            | "dd"
            | "dt"
            | "hr"
            | "main"
            | "aside"
            | "nav"
            | "figure"
            | "figcaption"
            | "title"
            | "body"
            | "html"
            | "head"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_html_bodies() {
        assert!(is_html("<!DOCTYPE html><html>", None));
        assert!(is_html("  <p>Hello</p>", None));
        assert!(!is_html("<3 this story", None));
        assert!(!is_html("Plain text", None));
        assert!(is_html("anything", Some("text/html; charset=utf-8")));
        assert!(!is_html("<p>x</p>", Some("text/plain")));
    }

    #[test]
    fn extracts_paragraphs_and_drops_furniture() {
        let page = r#"<!DOCTYPE html><html><head><title>Talks in Rabat</title><script>var x=1;</script></head>
<body><nav><a href="/">Home</a><a href="/w">World</a></nav><main><article><h1>Talks in Rabat</h1>
<p>The foreign ministers of the region met in Rabat on Monday to discuss border security and the fight against trafficking.</p>
<figure><img src="a.jpg"><figcaption>Delegates arrive. REUTERS/Youssef Boudlal</figcaption></figure>
<h2>Follow-up</h2>
<p>The conference is the second of its kind after the first one held in Tripoli in March of last year, officials said.</p>
<ul><li>First point of the plan</li><li>Second point of the plan</li></ul>
<div class="share-bar">Share on Facebook</div>
<p>The ministers agreed to meet again next year in Bamako to review progress on the joint action plan.</p>
</article><aside class="related"><h3>Related</h3><a href="/r">Another story</a></aside></main>
<footer>© 2019 All rights reserved</footer></body></html>"#;
        let out = extract(page);
        assert_eq!(out.title, "Talks in Rabat");
        assert!(out.text.contains("met in Rabat on Monday"));
        assert!(out.text.contains("Follow-up"));
        assert!(out.text.contains("Second point of the plan"));
        assert!(out.text.contains("meet again next year"));
        for noise in [
            "REUTERS/",
            "Share on Facebook",
            "Another story",
            "All rights reserved",
            "var x",
            "Home",
        ] {
            assert!(!out.text.contains(noise), "{noise} leaked: {}", out.text);
        }
        let first = out.text.find("met in Rabat").expect("first");
        let last = out.text.find("meet again").expect("last");
        assert!(first < last, "paragraph order kept");
    }

    #[test]
    fn deep_nesting_is_flattened_linearly() {
        let depth = 10_000;
        let page = format!(
            "{}<p>deep text</p>{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        assert!(max_depth(&page) > MAX_DEPTH);
        let out = extract(&page);
        assert!(out.text.contains("deep text"));
    }

    #[test]
    fn strip_tags_skips_scripts_and_breaks_blocks() {
        let text = strip_tags("<p>a</p><SCRIPT>evil()</script><p>b<b>c</b></p><style>x{}</style>");
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(lines, ["a", "b c"]);
        assert_eq!(strip_tags("unclosed <tag"), "unclosed ");
    }
}
