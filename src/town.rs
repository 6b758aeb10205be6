//! The town a build is branded for: its name, colours, programme span, support contacts and feed
//! address, and the installed app's own name and identifier, from `content/towns/<id>/town.toml`,
//! embedded at compile time. The demo town is the default; `TSUNAGU_TOWN=<id>` at build time picks
//! another. `check` finds every problem in a town folder; `bundle` turns it into a Tauri overlay.

pub mod bundle;
pub mod check;
pub mod colour;
mod problem;

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::cadence::Programme;
use crate::error::{Error, Result};

/// A text in each language, Japanese first.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct Localised(BTreeMap<String, String>);

impl Localised {
    /// The text in `lang`, or in Japanese when that language is missing.
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.get("ja"))
            .map(String::as_str)
            .unwrap_or("")
    }
}

/// A support contact shown when messages are stopped and in Settings.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: Localised,
    pub phone: Option<String>,
    pub url: Option<String>,
    pub hours: Option<Localised>,
}

/// A town's brand and settings.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Town {
    pub id: String,
    #[serde(default)]
    pub sample: bool,
    programme: String,
    pub primary_color: String,
    pub accent_color: String,
    pub feed_url: String,
    /// The minisign public key (base64) that the town's feed must be signed with.
    pub public_key: String,
    pub name: Localised,
    pub description: Localised,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    pub app: AppIdentity,
}

/// What the installed app and its store listing show: one town's app must not be mistaken for,
/// or installed over, another town's.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct AppIdentity {
    /// The name in the store and the window title.
    pub name: Localised,
    /// The name under the icon on a home screen, where about 12 Latin letters fit.
    pub short_name: Localised,
    /// Reverse domain (`jp.lg.example.kosodate`): the stores' and the data folder's key.
    pub identifier: String,
    /// ASCII: the binary's and the Debian package's name, which cannot be Japanese.
    pub package: String,
    pub publisher: String,
    pub short_description: Localised,
}

impl Town {
    /// The town this binary was built for.
    pub fn embedded() -> Result<Town> {
        let id = option_env!("TSUNAGU_TOWN").unwrap_or("demo");
        let text = crate::catalogue::content_file(&format!("towns/{id}/town.toml"))
            .ok_or_else(|| Error::Catalogue(format!("content/towns/{id}/town.toml is missing")))?;
        Town::parse(text)
    }

    /// Reads a `town.toml`.
    pub fn parse(text: &str) -> Result<Town> {
        let town: Town = toml::from_str(text)
            .map_err(|e| Error::Catalogue(format!("town.toml: {}", e.message())))?;
        if Programme::from_name(&town.programme).is_none() {
            return Err(Error::Catalogue(format!(
                "town.toml: unknown programme {}",
                town.programme
            )));
        }
        Ok(town)
    }

    /// The programme span the town runs.
    pub fn programme(&self) -> Programme {
        Programme::from_name(&self.programme).expect("checked in parse")
    }
}
