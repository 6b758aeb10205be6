//! Sharing a child with the family's other phones (issue #12): the share screen's code and QR
//! code, and adding a code typed, pasted or scanned on the other phone. The code and its rules
//! are the core's (`tsunagu::share`, the store's `add_shared`); here they are said in words.

use tsunagu::Result;
use tsunagu::share::{Share, ShareState, qr_svg};
use tsunagu::store::{Confirm, ShareChange, Shared};

use crate::state::Core;
use crate::views::{AddSharedView, ChildView, ShareView};

/// The child's share code, its QR code and what it holds; remembers the state shown so that the
/// screen says to share again after the birth is recorded or the messages stop.
pub fn share(core: &mut Core, id: i64, with_nickname: bool) -> Result<ShareView> {
    let (share, before) = core.store.show_share(id, with_nickname)?;
    let code = share.to_code(&core.town.id)?;
    let svg = qr_svg(&code)?;
    let t = core.t();
    let now = share.state();
    let share_again = match before {
        Some(before) if before != now => Some(t.t(match now {
            ShareState::Born => "share-again-born",
            ShareState::Stopped => "share-again-stopped",
            // From stopped back to expecting or born.
            ShareState::Expecting => "share-again-resumed",
        })),
        _ => None,
    };
    Ok(ShareView {
        child_id: id,
        groups: code.split('-').map(str::to_owned).collect(),
        code,
        qr_svg: svg,
        with_nickname: share.nickname.is_some(),
        holds: holds(core, &share),
        share_again,
    })
}

/// What a code holds, one line each.
fn holds(core: &Core, share: &Share) -> Vec<String> {
    let t = core.t();
    let mut out = Vec::new();
    out.push(match &share.nickname {
        Some(n) => t.t_args("share-holds-nickname", &[("nickname", n.clone().into())]),
        None => t.t("share-holds-no-nickname"),
    });
    if let Some(due) = share.due_date {
        out.push(t.t_args("share-holds-due", &[("date", t.date(due).into())]));
    }
    if let Some(birth) = share.birth_date {
        out.push(t.t_args("share-holds-birth", &[("date", t.date(birth).into())]));
    }
    out.push(t.t(match share.state() {
        ShareState::Expecting => "share-holds-expecting",
        ShareState::Born => "share-holds-born",
        ShareState::Stopped => "share-holds-stopped",
    }));
    let town = core.town.name.get(t.lang()).to_owned();
    out.push(t.t_args("share-holds-town", &[("town", town.into())]));
    out
}

/// Adds the child of a typed, pasted or scanned code, or brings the child it added before up to
/// date. A code that would stop or restart messages changes nothing until the reader confirms
/// (`confirm`: "stop" or "resume", as the previous answer asked).
pub fn add(core: &mut Core, code: &str, confirm: Option<&str>) -> Result<AddSharedView> {
    let share = Share::from_code(code, &core.town.id)?;
    let confirm = Confirm {
        stop: confirm == Some("stop"),
        resume: confirm == Some("resume"),
    };
    let today = core.clock.today();
    let outcome = core.store.add_shared(&share, today, confirm)?;
    let t = core.t();
    let words = |changes: &[ShareChange]| -> Vec<String> {
        changes
            .iter()
            .map(|c| {
                t.t(match c {
                    ShareChange::Nickname => "share-change-nickname",
                    ShareChange::DueDate => "share-change-due-date",
                    ShareChange::BirthRecorded => "share-change-birth-recorded",
                    ShareChange::BirthDate => "share-change-birth-date",
                    ShareChange::Stop => "share-change-stop",
                    ShareChange::Resume => "share-change-resume",
                })
            })
            .collect()
    };
    let view = |outcome, child, changes: Vec<String>| AddSharedView {
        outcome,
        child: ChildView::new(child, core),
        changes,
        question: None,
        confirm: None,
    };
    Ok(match &outcome {
        Shared::Added(child) => view("added", child, Vec::new()),
        Shared::Unchanged(child) => view("unchanged", child, Vec::new()),
        Shared::Updated { child, changes } => view("updated", child, words(changes)),
        Shared::NeedsConfirmation { child, changes } => {
            let (key, confirm) = if changes.contains(&ShareChange::Stop) {
                ("share-confirm-stop", "stop")
            } else {
                ("share-confirm-resume", "resume")
            };
            let name = match child.nickname.trim() {
                "" => t.t("share-unnamed"),
                n => n.to_owned(),
            };
            AddSharedView {
                question: Some(t.t_args(key, &[("name", name.into())])),
                confirm: Some(confirm),
                ..view("confirm", child, words(changes))
            }
        }
    })
}
