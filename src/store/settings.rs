//! The `setting` table: the reader's choices, with their defaults.

use chrono::NaiveTime;
use rusqlite::params;

use super::Store;
use crate::error::{Error, Result};

/// How large the reading text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextSize {
    Standard,
    Large,
    Larger,
}

/// Light, dark, or as the device is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

/// The reader's settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// The local time of the day's one notification (default 08:00).
    pub delivery_time: NaiveTime,
    /// `ja` or `en`.
    pub locale: String,
    pub text_size: TextSize,
    pub theme: Theme,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            delivery_time: NaiveTime::from_hms_opt(8, 0, 0).expect("valid time"),
            locale: "ja".to_owned(),
            text_size: TextSize::Standard,
            theme: Theme::System,
        }
    }
}

const TEXT_SIZES: [(TextSize, &str); 3] = [
    (TextSize::Standard, "standard"),
    (TextSize::Large, "large"),
    (TextSize::Larger, "larger"),
];
const THEMES: [(Theme, &str); 3] = [
    (Theme::System, "system"),
    (Theme::Light, "light"),
    (Theme::Dark, "dark"),
];

impl Settings {
    /// Sets one setting from its stored text form; an unknown key or a bad value is an error and
    /// changes nothing.
    pub fn apply(&mut self, key: &str, value: &str) -> Result<()> {
        let invalid = || Error::InvalidSetting {
            key: key.to_owned(),
            value: value.to_owned(),
        };
        match key {
            "delivery-time" => {
                self.delivery_time =
                    NaiveTime::parse_from_str(value, "%H:%M").map_err(|_| invalid())?;
            }
            "locale" if crate::i18n::LANGUAGES.contains(&value) => self.locale = value.to_owned(),
            "text-size" => {
                self.text_size = TEXT_SIZES
                    .iter()
                    .find(|(_, n)| *n == value)
                    .ok_or_else(invalid)?
                    .0;
            }
            "theme" => {
                self.theme = THEMES
                    .iter()
                    .find(|(_, n)| *n == value)
                    .ok_or_else(invalid)?
                    .0
            }
            _ => return Err(invalid()),
        }
        Ok(())
    }

    /// Every setting in its stored text form.
    pub fn to_pairs(&self) -> [(&'static str, String); 4] {
        let name = |list: &[(TextSize, &'static str)], v: TextSize| {
            list.iter().find(|(t, _)| *t == v).map(|p| p.1)
        };
        let theme = THEMES
            .iter()
            .find(|(t, _)| *t == self.theme)
            .map(|p| p.1)
            .unwrap_or("system");
        [
            (
                "delivery-time",
                self.delivery_time.format("%H:%M").to_string(),
            ),
            ("locale", self.locale.clone()),
            (
                "text-size",
                name(&TEXT_SIZES, self.text_size)
                    .unwrap_or("standard")
                    .to_owned(),
            ),
            ("theme", theme.to_owned()),
        ]
    }
}

impl Store {
    /// The reader's settings, defaults filled in.
    pub fn settings(&self) -> Result<Settings> {
        let mut settings = Settings::default();
        let mut stmt = self.conn.prepare_cached("SELECT key, value FROM setting")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (key, value) = row?;
            // A value this version cannot read keeps its default rather than locking the reader out.
            let _ = settings.apply(&key, &value);
        }
        Ok(settings)
    }

    /// Changes one setting (`delivery-time` HH:MM, `locale` ja|en, `text-size`
    /// standard|large|larger, `theme` system|light|dark).
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<Settings> {
        let mut settings = self.settings()?;
        settings.apply(key, value)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        tx.commit()?;
        Ok(settings)
    }
}
