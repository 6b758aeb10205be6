//! Today, the archive, search and opening a message.

use tsunagu::Result;
use tsunagu::store::{ArchiveEntry, ArchiveFilter, TownEntry};

use crate::state::Core;
use crate::views::{
    ArchiveEntryView, ArchiveItemView, ChildView, MessageView, NoticeView, TodayChild, TodayView,
    TownEntryView,
};

/// Records everything due up to today (computed from the dates), then builds today's screen.
pub fn today(core: &mut Core) -> Result<TodayView> {
    let today = core.clock.today();
    let now = core.clock.now();
    let programme = core.town.programme();
    core.store.catch_up(&core.catalogue, programme, today)?;
    let archive = core.store.archive(ArchiveFilter {
        unread_only: true,
        ..Default::default()
    })?;
    let mut children = Vec::new();
    for record in core.store.children()? {
        let view = ChildView::new(&record, core);
        let Some(due) = record.child.due_on(programme, today) else {
            children.push(TodayChild {
                child: view,
                message: None,
                missing: None,
                milestone: None,
                ask_if_born: false,
                notices: Vec::new(),
                visits_opening: Vec::new(),
            });
            continue;
        };
        let entry = match due.slot {
            Some(slot) => core.store.delivery_of(record.id, slot)?,
            None => None,
        };
        let message = match &entry {
            Some(e) => {
                core.store.mark_shown(e.id, now)?;
                message_view(core, e)
            }
            None => None,
        };
        let missing = due.slot.filter(|_| message.is_none()).map(|s| {
            core.t()
                .t_args("message-missing", &[("slot", s.to_string().into())])
        });
        let notices = core
            .store
            .town_overlays_on(
                &core.town.id,
                &record.child,
                programme,
                today,
                core.t().lang(),
            )?
            .into_iter()
            .map(|o| NoticeView {
                title: o.title,
                html: tsunagu::feed::body_html(&o.body),
            })
            .collect();
        children.push(TodayChild {
            child: view,
            message,
            missing,
            milestone: due.milestone.map(|m| core.t().milestone(m)),
            ask_if_born: due.ask_if_born,
            notices,
            visits_opening: crate::api::schedule::opening_today(core, &record, today),
        });
    }
    let unread_earlier = archive
        .iter()
        .filter(|e| e.due_on < today && !e.earlier)
        .count();
    let survey = super::town::survey_card(core)?;
    Ok(TodayView {
        date: today.to_string(),
        date_label: core.t().date(today),
        children,
        unread_earlier,
        survey,
    })
}

fn message_view(core: &Core, entry: &ArchiveEntry) -> Option<MessageView> {
    let t = core.t();
    let (_, message) = core.catalogue.message_or_primary(t.lang(), entry.slot)?;
    let record = core.store.child(entry.child_id).ok()?;
    let stage = record
        .child
        .stage_on(entry.due_on)
        .map(|s| t.stage(s))
        .unwrap_or_default();
    Some(MessageView {
        delivery_id: entry.id,
        child_id: entry.child_id,
        slot: entry.slot.to_string(),
        due_on: entry.due_on.to_string(),
        date_label: t.date(entry.due_on),
        stage,
        title: message.title.clone(),
        html: message.html(),
        read: entry.read,
        bookmarked: entry.bookmarked,
        earlier: entry.earlier,
    })
}

/// The archive, newest first: the catalogue's messages and, unless only unread or bookmarked
/// messages are asked for, the town's overlays on their days (a message before the town's items
/// of the same day).
pub fn archive(core: &mut Core, filter: ArchiveFilter) -> Result<Vec<ArchiveItemView>> {
    let today = core.clock.today();
    let programme = core.town.programme();
    core.store.catch_up(&core.catalogue, programme, today)?;
    let entries = core.store.archive(filter)?;
    let town = if filter.unread_only || filter.bookmarked_only {
        Vec::new()
    } else {
        let lang = core.t().lang();
        core.store
            .town_archive(&core.town.id, programme, today, lang, filter.child_id)?
    };
    Ok(merged(core, &entries, &town))
}

pub fn search(core: &mut Core, query: &str) -> Result<Vec<ArchiveItemView>> {
    let entries = core.store.search(query, 200)?;
    let today = core.clock.today();
    let lang = core.t().lang();
    let town = core
        .store
        .search_town(&core.town.id, core.town.programme(), today, lang, query)?;
    Ok(merged(core, &entries, &town))
}

/// Messages and town items in one list, newest day first; both come newest first.
fn merged(core: &Core, messages: &[ArchiveEntry], town: &[TownEntry]) -> Vec<ArchiveItemView> {
    let t = core.t();
    let mut out = Vec::with_capacity(messages.len() + town.len());
    let (mut m, mut k) = (messages.iter().peekable(), town.iter().peekable());
    loop {
        let take_message = match (m.peek(), k.peek()) {
            (Some(e), Some(o)) => e.due_on >= o.due_on,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        out.push(if take_message {
            ArchiveItemView::Message(ArchiveEntryView::new(m.next().expect("peeked"), t))
        } else {
            ArchiveItemView::Town(TownEntryView::new(k.next().expect("peeked"), t))
        });
    }
    out
}

/// The message with this archive id, marked read.
pub fn open(core: &mut Core, delivery_id: i64) -> Result<MessageView> {
    let now = core.clock.now();
    core.store.mark_read(delivery_id, now)?;
    let entry = core.store.delivery(delivery_id)?;
    message_view(core, &entry).ok_or_else(|| tsunagu::Error::UnknownSlot(entry.slot.to_string()))
}

pub fn set_bookmark(core: &mut Core, delivery_id: i64, bookmarked: bool) -> Result<()> {
    core.store.set_bookmark(delivery_id, bookmarked)
}
