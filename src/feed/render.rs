//! Feed bodies for the screen and for notifications. A body is Markdown from the network. It is
//! rendered from pulldown-cmark's events through an allow-list: only p, strong, ul, ol, li, a and
//! br are ever written, every piece of text is escaped, links keep an https, mailto or tel target
//! only, and HTML in the body is shown as the text it is. Nothing from the body becomes markup, so
//! scripts, event handlers, `javascript:` links, iframes and images cannot survive.

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

/// Whether a body link may be followed: https, mailto and tel only.
pub fn is_allowed_link(url: &str) -> bool {
    allowed_link(url).is_some()
}

/// The one form of a link that may leave the app, or `None`: an `https://` address with a host
/// and no user-info; a `mailto:` address with at most a `subject` and a `body`; a `tel:` number
/// of digits, `+`, `-`, `*` and `#` (`%23`). What is checked is what is opened: callers open the
/// returned value, never their input.
pub fn allowed_link(url: &str) -> Option<String> {
    let url = url.trim();
    if url.len() > 2_000 || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let parsed = url::Url::parse(url).ok()?;
    match parsed.scheme() {
        "https" => {
            let no_user = parsed.username().is_empty() && parsed.password().is_none();
            (no_user && parsed.host().is_some()).then(|| parsed.to_string())
        }
        "mailto" => {
            let address = parsed.path();
            let plausible = address.split_once('@').is_some_and(|(who, host)| {
                !who.is_empty() && host.contains('.') && !address.contains(',')
            });
            let only_subject_and_body = parsed
                .query_pairs()
                .all(|(k, _)| k == "subject" || k == "body");
            (plausible && only_subject_and_body && parsed.fragment().is_none())
                .then(|| parsed.to_string())
        }
        "tel" => {
            let number = url["tel:".len()..].replace("%23", "#");
            let dialable = !number.is_empty()
                && number
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '*' | '#'));
            dialable.then(|| format!("tel:{}", number.replace('#', "%23")))
        }
        _ => None,
    }
}

/// A body as safe HTML for the reader's screen.
///
/// ```
/// let html = tsunagu::feed::body_html("**予約**は[こちら](https://example.jp)<script>alert(1)</script>");
/// assert_eq!(
///     html,
///     "<p><strong>予約</strong>は<a href=\"https://example.jp/\" target=\"_blank\" rel=\"noopener noreferrer\">こちら</a>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
/// );
/// ```
pub fn body_html(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() * 2);
    // For each open link, whether its <a> was written (its target was allowed).
    let mut links: Vec<bool> = Vec::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Start(tag) => match tag {
                // Headings, code blocks and blocks of HTML read as plain paragraphs.
                Tag::Paragraph | Tag::Heading { .. } | Tag::HtmlBlock => out.push_str("<p>"),
                Tag::CodeBlock(CodeBlockKind::Fenced(_) | CodeBlockKind::Indented) => {
                    out.push_str("<p>")
                }
                Tag::Strong => out.push_str("<strong>"),
                Tag::List(None) => out.push_str("<ul>\n"),
                Tag::List(Some(1)) => out.push_str("<ol>\n"),
                Tag::List(Some(start)) => out.push_str(&format!("<ol start=\"{start}\">\n")),
                Tag::Item => out.push_str("<li>"),
                Tag::Link { dest_url, .. } => {
                    let link = allowed_link(&dest_url);
                    let allowed = link.is_some();
                    if let Some(link) = link {
                        out.push_str("<a href=\"");
                        escape_into(&mut out, &link);
                        out.push_str("\" target=\"_blank\" rel=\"noopener noreferrer\">");
                    }
                    links.push(allowed);
                }
                // Emphasis, quotes, images (their text stays) and the rest: no markup.
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::HtmlBlock | TagEnd::CodeBlock => {
                    out.push_str("</p>\n")
                }
                TagEnd::Strong => out.push_str("</strong>"),
                TagEnd::List(false) => out.push_str("</ul>\n"),
                TagEnd::List(true) => out.push_str("</ol>\n"),
                TagEnd::Item => out.push_str("</li>\n"),
                // The guard pops the link either way; only a written <a> is closed.
                TagEnd::Link if links.pop() == Some(true) => out.push_str("</a>"),
                _ => {}
            },
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                escape_into(&mut out, &t)
            }
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => out.push_str("<br>\n"),
            _ => {}
        }
    }
    out
}

/// Text or an attribute value with every character that could start markup escaped.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
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
