//! Every string a reader or a town's staff sees, from Fluent files in `locales/<lang>/`
//! (Japanese first, English second), embedded in the binary.

use chrono::{Datelike, NaiveDate};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::cadence::{Age, Milestone, Stage};
use crate::catalogue::Finding;
use crate::error::{Error, Result};

/// The UI languages, Japanese first.
pub const LANGUAGES: [&str; 2] = ["ja", "en"];

const SOURCES: [(&str, &str); 2] = [
    ("ja", include_str!("../locales/ja/tsunagu.ftl")),
    ("en", include_str!("../locales/en/tsunagu.ftl")),
];

/// The Fluent source of a language, for the web UI and for tests.
pub fn source(lang: &str) -> Option<&'static str> {
    SOURCES.iter().find(|(l, _)| *l == lang).map(|(_, s)| *s)
}

/// Picks the UI language for a list of preferred language tags (`ja-JP`, `en-GB`, ...).
/// Japanese when nothing matches.
pub fn negotiate(requested: &[&str]) -> &'static str {
    let requested: Vec<LanguageIdentifier> =
        requested.iter().filter_map(|r| r.parse().ok()).collect();
    let available: Vec<LanguageIdentifier> = LANGUAGES
        .iter()
        .map(|l| l.parse().expect("valid tag"))
        .collect();
    let default: LanguageIdentifier = "ja".parse().expect("valid tag");
    let chosen = fluent_langneg::negotiate_languages(
        &requested,
        &available,
        Some(&default),
        fluent_langneg::NegotiationStrategy::Lookup,
    );
    let lang = chosen.first().map(|l| l.language.as_str()).unwrap_or("ja");
    LANGUAGES.into_iter().find(|l| *l == lang).unwrap_or("ja")
}

/// The strings of one language.
pub struct I18n {
    lang: &'static str,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

/// Arguments for a message: `&[("count", 3.into())]`.
pub type Args<'a> = [(&'a str, FluentValue<'a>)];

impl I18n {
    /// The strings of `lang` (`ja` or `en`).
    pub fn new(lang: &str) -> Result<I18n> {
        let (lang, text) = SOURCES
            .iter()
            .find(|(l, _)| *l == lang)
            .copied()
            .ok_or_else(|| Error::UnknownLocale(lang.to_owned()))?;
        let resource = FluentResource::try_new(text.to_owned()).map_err(|(_, errors)| {
            Error::Catalogue(format!("locales/{lang}/tsunagu.ftl: {errors:?}"))
        })?;
        let id: LanguageIdentifier = lang.parse().expect("valid tag");
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).map_err(|errors| {
            Error::Catalogue(format!("locales/{lang}/tsunagu.ftl: {errors:?}"))
        })?;
        Ok(I18n { lang, bundle })
    }

    pub fn lang(&self) -> &'static str {
        self.lang
    }

    /// The message `key`; a missing key is returned as itself so it shows up, never panics.
    pub fn t(&self, key: &str) -> String {
        self.t_args(key, &[])
    }

    pub fn t_args(&self, key: &str, args: &Args) -> String {
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// Whether `key` exists in this language.
    pub fn has(&self, key: &str) -> bool {
        self.bundle.has_message(key)
    }

    fn t_pairs(&self, key: &str, pairs: Vec<(&'static str, String)>) -> String {
        let args: Vec<(&str, FluentValue)> = pairs
            .into_iter()
            .map(|(n, v)| (n, FluentValue::from(v)))
            .collect();
        self.t_args(key, &args)
    }

    /// An error in words, with what to do about it.
    pub fn error(&self, error: &Error) -> String {
        self.t_pairs(&format!("error-{}", error.code()), error.args())
    }

    /// A catalogue finding in words.
    pub fn finding(&self, finding: &Finding) -> String {
        self.t_pairs(&format!("finding-{}", finding.code()), finding.args())
    }

    /// 妊娠12週3日 / 生後45日 / 1歳2か月, or "12 weeks 3 days pregnant" / "day 45" / "1 year 2 months".
    pub fn age(&self, age: Age) -> String {
        match age {
            Age::Gestation { weeks, days } => self.t_args(
                "age-gestation",
                &[("weeks", weeks.into()), ("days", days.into())],
            ),
            Age::Days(days) => self.t_args("age-days", &[("days", days.into())]),
            Age::Months { years, months } => self.t_args(
                "age-months",
                &[("years", years.into()), ("months", months.into())],
            ),
        }
    }

    /// The stage header: actual age, and corrected age beside it for preterm babies.
    pub fn stage(&self, stage: Stage) -> String {
        match stage.corrected {
            None => self.age(stage.actual),
            Some(corrected) => self.t_args(
                "stage-with-corrected",
                &[
                    ("actual", self.age(stage.actual).into()),
                    ("corrected", self.corrected_age(corrected).into()),
                ],
            ),
        }
    }

    /// A preterm baby's corrected age, written as neonatal follow-up does: 修正37週5日 /
    /// "37 weeks 5 days corrected" before the due date (never "pregnant": the baby is born),
    /// 修正2か月 / "2 months corrected" after it.
    pub fn corrected_age(&self, age: Age) -> String {
        match age {
            Age::Gestation { weeks, days } => self.t_args(
                "corrected-gestation",
                &[("weeks", weeks.into()), ("days", days.into())],
            ),
            Age::Days(days) => self.t_args("corrected-days", &[("days", days.into())]),
            Age::Months { years, months } => self.t_args(
                "corrected-months",
                &[
                    ("years", years.into()),
                    ("months", months.into()),
                    ("age", self.age(age).into()),
                ],
            ),
        }
    }

    pub fn milestone(&self, milestone: Milestone) -> String {
        match milestone {
            Milestone::StablePeriod => self.t("milestone-stable-period"),
            Milestone::FullTerm => self.t("milestone-full-term"),
            Milestone::DueDate => self.t("milestone-due-date"),
            Milestone::DaysSinceBirth(days) => {
                self.t_args("milestone-days", &[("days", days.into())])
            }
        }
    }

    /// A calendar date as a reader writes it: 2026年11月25日(水) / Wed 25 Nov 2026.
    pub fn date(&self, date: NaiveDate) -> String {
        let weekday = self.t(&format!(
            "weekday-{}",
            date.weekday().num_days_from_monday()
        ));
        let month = self.t(&format!("month-{}", date.month()));
        self.t_args(
            "date",
            &[
                ("year", date.year().into()),
                ("month", date.month().into()),
                ("month-name", month.into()),
                ("day", date.day().into()),
                ("weekday", weekday.into()),
            ],
        )
    }
}
