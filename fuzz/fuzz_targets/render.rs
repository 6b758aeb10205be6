//! Fuzzes the body renderer alone (town bodies are shown in the app's page): whatever the text,
//! every tag that comes out is on the allow-list (text is escaped, so any `<` is the renderer's
//! own), and every link is an https, mailto or tel address.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tsunagu::feed;

const TAGS: &[&str] = &[
    "p>", "/p>", "strong>", "/strong>", "ul>", "/ul>", "ol>", "ol start=\"", "/ol>", "li>",
    "/li>", "/a>", "br>", "a href=\"",
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let html = feed::body_html(text);
    for tag in html.split('<').skip(1) {
        assert!(
            TAGS.iter().any(|t| tag.starts_with(t)),
            "a tag off the allow-list: <{tag}"
        );
        if let Some(link) = tag.strip_prefix("a href=\"") {
            let target = link.split('"').next().unwrap_or("");
            assert!(
                ["https://", "mailto:", "tel:"].iter().any(|s| target.starts_with(s)),
                "a link that is not allowed: {target}"
            );
        }
    }
    let _ = feed::body_text(text);
    let _ = feed::allowed_link(text);
});
