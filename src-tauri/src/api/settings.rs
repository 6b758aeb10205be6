//! The reader's settings and moving the data to a new phone.

use tsunagu::Result;

use crate::state::Core;
use crate::views::SettingsView;

pub fn get(core: &mut Core, notifications_allowed: bool) -> Result<SettingsView> {
    let s = core.store.settings()?;
    let pairs = s.to_pairs();
    let value = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    Ok(SettingsView {
        delivery_time: value("delivery-time"),
        locale: value("locale"),
        text_size: value("text-size"),
        theme: value("theme"),
        notifications_allowed,
    })
}

pub fn set(
    core: &mut Core,
    key: &str,
    value: &str,
    notifications_allowed: bool,
) -> Result<SettingsView> {
    core.store.set_setting(key, value)?;
    get(core, notifications_allowed)
}

pub fn export(core: &mut Core) -> Result<String> {
    core.store.export_json()
}

pub fn import(core: &mut Core, data: &str) -> Result<()> {
    core.store.import_json(data)?;
    let today = core.clock.today();
    core.store
        .catch_up(&core.catalogue, core.town.programme(), today)?;
    Ok(())
}
