//! The front matter of a catalogue message: TOML between `+++` lines. Shared with `build.rs`, so a
//! message whose front matter does not parse fails the build rather than the app.

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    pub topics: Vec<String>,
}

/// Splits a message file into its parsed front matter and its Markdown body.
pub fn split(text: &str) -> Result<(FrontMatter, &str), String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
        .ok_or("the file must start with a +++ line")?;
    let end = rest
        .match_indices("+++")
        .find(|(i, _)| {
            (*i == 0 || rest[..*i].ends_with('\n')) && rest[i + 3..].starts_with(['\n', '\r'])
        })
        .map(|(i, _)| i)
        .ok_or("no closing +++ line")?;
    let front: FrontMatter = toml::from_str(&rest[..end]).map_err(|e| e.message().to_owned())?;
    let body = rest[end + 3..].trim_start_matches(['\r', '\n']);
    Ok((front, body))
}
