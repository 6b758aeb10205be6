//! Feed bodies for the screen and for notifications. A body is Markdown from the network: it is
//! rendered with pulldown-cmark, HTML in it is turned into text, and the result is sanitised by
//! ammonia down to p, strong, ul, ol, li, a and br, with https, mailto and tel links only. Scripts,
//! event handlers, `javascript:` links, iframes and images cannot survive.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(HashSet::from(["p", "strong", "ul", "ol", "li", "a", "br"]))
        .tag_attributes(HashMap::from([
            ("a", HashSet::from(["href"])),
            ("ol", HashSet::from(["start"])),
        ]))
        .generic_attributes(HashSet::new())
        .generic_attribute_prefixes(HashSet::new())
        .url_schemes(HashSet::from(["https", "mailto", "tel"]))
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(Some("noopener noreferrer"))
        .set_tag_attribute_value("a", "target", "_blank")
        .clean_content_tags(HashSet::from([
            "script", "style", "iframe", "noscript", "template", "object", "svg", "math",
            "textarea", "title",
        ]))
        .strip_comments(true);
    builder
});

/// Whether a body link may be followed: https, mailto and tel only.
pub fn is_allowed_link(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    ["https://", "mailto:", "tel:"]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// A body as safe HTML for the reader's screen.
///
/// ```
/// let html = tsunagu::feed::body_html("**予約**は[こちら](https://example.jp)<script>alert(1)</script>");
/// assert_eq!(
///     html,
///     "<p><strong>予約</strong>は<a href=\"https://example.jp\" target=\"_blank\" rel=\"noopener noreferrer\">こちら</a>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
/// );
/// ```
pub fn body_html(markdown: &str) -> String {
    let events = Parser::new(markdown).map(|event| match event {
        // HTML becomes visible text (a block of it, a paragraph); ammonia then sees no markup
        // from it at all.
        Event::Start(Tag::HtmlBlock) => Event::Start(Tag::Paragraph),
        Event::End(TagEnd::HtmlBlock) => Event::End(TagEnd::Paragraph),
        Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
        other => other,
    });
    let mut html = String::with_capacity(markdown.len() * 2);
    pulldown_cmark::html::push_html(&mut html, events);
    SANITISER.clean(&html).to_string()
}

/// A body as plain text, Markdown marks removed: for notifications and previews. HTML stays the
/// literal text it is on screen (where [`body_html`] shows it escaped).
pub fn body_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => out.push('\n'),
            Event::Start(Tag::Item) => out.push('・'),
            _ => {}
        }
    }
    out.trim_end().to_owned()
}
