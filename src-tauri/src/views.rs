//! What the UI receives: plain serialisable views, dates and stages already said in the reader's
//! language. Field names are camelCase on the wire (docs/ipc.md).

use serde::Serialize;
use tsunagu::i18n::I18n;
use tsunagu::store::{ArchiveEntry, ChildRecord, Status, TownEntry};
use tsunagu::town::Town;

use crate::state::Core;

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, rename = "Contact"))]
pub struct ContactView {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub hours: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, rename = "Town"))]
pub struct TownView {
    pub id: String,
    pub name: String,
    /// The installed app's name (window title, header): the town's own, not "tsunagu".
    pub app_name: String,
    pub sample: bool,
    pub primary_color: String,
    pub accent_color: String,
    #[cfg_attr(test, ts(type = "\"pregnancy\" | \"age1\" | \"age2\" | \"age3\""))]
    pub programme: &'static str,
    pub description: String,
    pub contacts: Vec<ContactView>,
}

impl TownView {
    pub fn new(town: &Town, lang: &str) -> TownView {
        TownView {
            id: town.id.clone(),
            name: town.name.get(lang).to_owned(),
            app_name: town.app.name.get(lang).to_owned(),
            sample: town.sample,
            primary_color: town.primary_color.clone(),
            accent_color: town.accent_color.clone(),
            programme: town.programme().name(),
            description: town.description.get(lang).to_owned(),
            contacts: town
                .contacts
                .iter()
                .map(|c| ContactView {
                    name: c.name.get(lang).to_owned(),
                    phone: c.phone.clone(),
                    url: c.url.clone(),
                    hours: c.hours.as_ref().map(|h| h.get(lang).to_owned()),
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct AppInfo {
    pub town: TownView,
    pub version: &'static str,
    #[cfg_attr(test, ts(type = "\"ja\" | \"en\""))]
    pub lang: &'static str,
    /// Whether this build can scan a share code with the camera (Android and iOS).
    pub can_scan: bool,
}

/// What the first screen needs, handed to the page before it asks (`api::start`).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct StartView {
    pub info: AppInfo,
    pub settings: SettingsView,
    pub children: Vec<ChildView>,
    pub today: TodayView,
    /// When it was made (ms since the epoch): a page loaded again later asks afresh.
    #[cfg_attr(test, ts(type = "number"))]
    pub made_at: i64,
    /// The shell's newest event number then: the page asks `shell_events` for those after it,
    /// so none raised while the page was loading is missed.
    #[cfg_attr(test, ts(type = "number"))]
    pub event_seq: u64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct ChildView {
    pub id: i64,
    pub nickname: String,
    #[cfg_attr(test, ts(type = "\"expecting\" | \"born\" | \"ended\""))]
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    #[cfg_attr(test, ts(type = "\"pregnancy-loss\" | \"child-loss\" | \"other\""))]
    pub ended_reason: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub due_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub birth_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub stage: Option<String>,
    pub preterm: bool,
    /// Added from another phone's share code.
    pub shared: bool,
}

impl ChildView {
    pub fn new(record: &ChildRecord, core: &Core) -> ChildView {
        let today = core.clock.today();
        let (status, ended_reason) = match record.status {
            Status::Expecting => ("expecting", None),
            Status::Born => ("born", None),
            Status::Ended(reason) => ("ended", Some(reason.name())),
        };
        let stage = match record.status {
            Status::Ended(_) => None,
            _ => record.child.stage_on(today).map(|s| core.t().stage(s)),
        };
        ChildView {
            id: record.id,
            nickname: record.nickname.clone(),
            status,
            ended_reason,
            due_date: record.child.due_date.map(|d| d.to_string()),
            birth_date: record.child.birth.map(|b| b.date.to_string()),
            stage,
            preterm: record.child.is_preterm(),
            shared: record.shared,
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct MessageView {
    pub delivery_id: i64,
    pub child_id: i64,
    pub slot: String,
    pub due_on: String,
    pub date_label: String,
    pub stage: String,
    pub title: String,
    pub html: String,
    pub read: bool,
    pub bookmarked: bool,
    pub earlier: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, rename = "Notice"))]
pub struct NoticeView {
    pub title: String,
    pub html: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct TodayChild {
    pub child: ChildView,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub message: Option<MessageView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub missing: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub milestone: Option<String>,
    pub ask_if_born: bool,
    pub notices: Vec<NoticeView>,
    /// Check-ups and doses whose recommended window opens today, each as a sentence.
    pub visits_opening: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct TodayView {
    pub date: String,
    pub date_label: String,
    pub children: Vec<TodayChild>,
    pub unread_earlier: usize,
    /// The town's open survey for this family, until the reader answers or dismisses it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub survey: Option<SurveyCardView>,
}

/// The town's yearly survey as a card on Today. Answering opens `url` (the town's own form, an
/// `https://` address) outside the app; nothing about it is sent anywhere.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, rename = "SurveyCard"))]
pub struct SurveyCardView {
    pub key: String,
    pub title: String,
    pub html: String,
    pub url: String,
}

/// A child's share code as the share screen shows it.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct ShareView {
    pub child_id: i64,
    /// The code as written: groups of four joined by `-`.
    pub code: String,
    /// The same code in its groups, for reading aloud.
    pub groups: Vec<String>,
    /// The QR code of the same text, an SVG document (dark modules on white; no scripts).
    pub qr_svg: String,
    pub with_nickname: bool,
    /// What the code holds, one line each, in the reader's language.
    pub holds: Vec<String>,
    /// Said when the birth was recorded, or the messages stopped or restarted, after the code
    /// was last shown: the family's phones agree again only once it is shared again.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub share_again: Option<String>,
}

/// What adding a share code did, or the question to ask before it does anything.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct AddSharedView {
    #[cfg_attr(
        test,
        ts(type = "\"added\" | \"updated\" | \"unchanged\" | \"confirm\"")
    )]
    pub outcome: &'static str,
    /// The child as it is now on this phone (unchanged while a confirmation is asked).
    pub child: ChildView,
    /// What was (or, for "confirm", would be) changed, in words.
    pub changes: Vec<String>,
    /// For "confirm": the question to ask the reader.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub question: Option<String>,
    /// For "confirm": what to send back as `confirm` once the reader agrees.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    #[cfg_attr(test, ts(type = "\"stop\" | \"resume\""))]
    pub confirm: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct ArchiveEntryView {
    pub delivery_id: i64,
    pub child_id: i64,
    pub nickname: String,
    pub slot: String,
    pub due_on: String,
    pub date_label: String,
    pub title: String,
    pub read: bool,
    pub bookmarked: bool,
    pub earlier: bool,
}

impl ArchiveEntryView {
    pub fn new(e: &ArchiveEntry, t: &I18n) -> ArchiveEntryView {
        ArchiveEntryView {
            delivery_id: e.id,
            child_id: e.child_id,
            nickname: e.nickname.clone(),
            slot: e.slot.to_string(),
            due_on: e.due_on.to_string(),
            date_label: t.date(e.due_on),
            title: if e.title.is_empty() {
                t.t("plan-unwritten")
            } else {
                e.title.clone()
            },
            read: e.read,
            bookmarked: e.bookmarked,
            earlier: e.earlier,
        }
    }
}

/// One of the town's overlays in the archive, on the child's day it fell on; its body is short,
/// so it comes whole.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct TownEntryView {
    pub key: String,
    pub child_id: i64,
    pub nickname: String,
    pub due_on: String,
    pub date_label: String,
    pub title: String,
    pub html: String,
}

impl TownEntryView {
    pub fn new(e: &TownEntry, t: &I18n) -> TownEntryView {
        TownEntryView {
            key: e.overlay.key.clone(),
            child_id: e.child_id,
            nickname: e.nickname.clone(),
            due_on: e.due_on.to_string(),
            date_label: t.date(e.due_on),
            title: e.overlay.title.clone(),
            html: tsunagu::feed::body_html(&e.overlay.body),
        }
    }
}

/// An archive row: a catalogue message or one of the town's overlays, told apart by `kind`.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, rename = "ArchiveItem"))]
pub enum ArchiveItemView {
    Message(ArchiveEntryView),
    Town(TownEntryView),
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct SettingsView {
    pub delivery_time: String,
    #[cfg_attr(test, ts(type = "\"ja\" | \"en\""))]
    pub locale: String,
    #[cfg_attr(test, ts(type = "\"standard\" | \"large\" | \"larger\""))]
    pub text_size: String,
    #[cfg_attr(test, ts(type = "\"system\" | \"light\" | \"dark\""))]
    pub theme: String,
    pub notifications_allowed: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export, rename = "FeedStatus"))]
pub struct FeedStatusView {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub version: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub updated_label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub checked_label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub error: Option<String>,
    pub expired: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct EventView {
    pub id: String,
    pub title: String,
    pub html: String,
    pub when: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub url: Option<String>,
}

/// One check-up or dose on the "Check-ups and shots" screen: its window as date labels, what was
/// recorded, and (for a dose not yet given) the earliest day the schedule allows.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct VisitView {
    /// Stable: `checkup/<id>`, `dose/<vaccine or choice>/<n>` (the .ics UIDs are made from it).
    pub id: String,
    #[cfg_attr(test, ts(type = "\"checkup\" | \"dose\""))]
    pub kind: &'static str,
    pub name: String,
    pub first: String,
    pub first_label: String,
    pub last: String,
    pub last_label: String,
    /// A dose not yet given whose minimum interval ends after the window opens: the day it may
    /// be given from.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub earliest: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub earliest_label: Option<String>,
    /// The day the family recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub done_on: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub done_label: Option<String>,
    /// For a dose: the vaccine and number to record it under. While the clinic's choice between
    /// alternatives is not recorded, `alternatives` lists them and `vaccine` is absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub vaccine: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub number: Option<u32>,
    pub alternatives: Vec<VaccineChoiceView>,
    /// Whether it can be recorded now: a check-up, or a dose whose previous dose is recorded.
    pub recordable: bool,
    /// Whether its record can be undone: a check-up, or the last recorded dose of its course.
    pub removable: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct VaccineChoiceView {
    pub vaccine: String,
    pub name: String,
}

/// A child's "Check-ups and shots": the planner's visits in four groups, soonest first, the
/// town's check-up events that concern the child, and the sentence that the clinic decides.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct ScheduleView {
    pub child: ChildView,
    pub today: String,
    pub clinic_decides: String,
    /// Said when no birth is recorded: the child's visits are placed as if born on the due date.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub assumed_birth: Option<String>,
    pub due_now: Vec<VisitView>,
    pub coming: Vec<VisitView>,
    pub talk_to_clinic: Vec<VisitView>,
    /// Most recent first.
    pub done: Vec<VisitView>,
    pub town_events: Vec<EventView>,
}
