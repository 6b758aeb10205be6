//! A town's build settings for the Tauri CLI: the config overlay (`tauri build --config`, a JSON
//! Merge Patch over `src-tauri/tauri.conf.json`) and the Debian desktop entry that carries the
//! Japanese and English names, which the ASCII `productName` cannot.

use std::path::Path;

use serde_json::{Value, json};

use super::Town;

/// The icons `tauri icon` writes that the bundles use; `icon.png` also becomes the window's.
pub const ICONS: [&str; 6] = [
    "32x32.png",
    "128x128.png",
    "128x128@2x.png",
    "icon.png",
    "icon.icns",
    "icon.ico",
];

/// The overlay for `town`. `base` is the app's own `tauri.conf.json`: a merge patch replaces
/// arrays whole, so each window is copied from it with only its title changed. `icons` is the
/// folder `tauri icon` wrote; `desktop_template` is where `desktop_entry` is written.
///
/// ```
/// # let toml = std::fs::read_to_string("content/towns/demo/town.toml").unwrap();
/// let town = tsunagu::town::Town::parse(&toml).unwrap();
/// let base = serde_json::json!({ "app": { "windows": [{ "label": "main", "title": "x" }] } });
/// let dir = std::path::Path::new("/tmp/town");
/// let overlay = tsunagu::town::bundle::overlay(&town, &base, dir, &dir.join("app.desktop"));
/// assert_eq!(overlay["identifier"], "jp.tsunagu.demo");
/// assert_eq!(overlay["app"]["windows"][0]["label"], "main");
/// ```
pub fn overlay(town: &Town, base: &Value, icons: &Path, desktop_template: &Path) -> Value {
    let app = &town.app;
    let windows: Vec<Value> = base["app"]["windows"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|window| {
            let mut window = window.clone();
            window["title"] = app.name.get("ja").into();
            window
        })
        .collect();
    let icons: Vec<String> = ICONS
        .iter()
        .map(|name| icons.join(name).to_string_lossy().into_owned())
        .collect();
    json!({
        "identifier": app.identifier,
        "productName": app.package,
        "mainBinaryName": app.package,
        "app": { "windows": windows },
        "bundle": {
            "icon": icons,
            "publisher": app.publisher,
            // Debian's package descriptions are in English; the desktop entry carries both.
            "shortDescription": app.short_description.get("en"),
            "longDescription": town.description.get("en"),
            "linux": { "deb": { "desktopTemplate": desktop_template.to_string_lossy() } }
        }
    })
}

/// The desktop entry template (the Tauri bundler fills `{{exec}}` and `{{icon}}`): Japanese as
/// the default name, English for English desktops.
pub fn desktop_entry(town: &Town) -> String {
    let app = &town.app;
    let value = |text: &str| text.replace('\\', "\\\\");
    format!(
        "[Desktop Entry]\n\
         Type=Application\n\
         Name={}\n\
         Name[en]={}\n\
         Comment={}\n\
         Comment[en]={}\n\
         Exec={{{{exec}}}}\n\
         StartupWMClass={{{{exec}}}}\n\
         Icon={{{{icon}}}}\n\
         Terminal=false\n\
         Categories=Utility;\n",
        value(app.name.get("ja")),
        value(app.name.get("en")),
        value(app.short_description.get("ja")),
        value(app.short_description.get("en")),
    )
}
