//! Fuzzes everything a feed server controls: the document parser and its checks, the signature
//! check (with the demo town's key), and the body renderer and linter. None may panic, whatever
//! the bytes. Input: the feed's bytes, optionally a NUL and then the signature's bytes.

#![no_main]

use libfuzzer_sys::fuzz_target;
use tsunagu::feed;

/// The demo town's sample public key (content/towns/demo/town.toml).
const KEY: &str = "RWSgkd3U1yexd4FUJ+DgkaZiCpLGejw9WmcsCR/5gBs/1TZlI07Gd1FM";

fuzz_target!(|data: &[u8]| {
    let (body, signature) = match data.iter().position(|b| *b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    if let Ok(parsed) = feed::parse(body) {
        for o in &parsed.feed.overlays {
            let html = feed::body_html(&o.body);
            assert!(!html.contains("<script"), "a script survived: {html}");
            let _ = feed::body_text(&o.body);
        }
    }
    let _ = feed::verify(body, signature, KEY);
    if let Ok(text) = std::str::from_utf8(body) {
        let html = feed::body_html(text);
        assert!(
            !html.contains("<script") && !html.contains("<iframe"),
            "markup survived: {html}"
        );
        let _ = feed::body_lints(text);
        let _ = feed::TrustedComment::parse(text);
        let _ = feed::parse_gestation(text);
    }
});
