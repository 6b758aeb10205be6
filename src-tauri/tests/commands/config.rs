//! What the app's configuration lets the page do: its own commands and nothing else (the
//! capabilities), and the dev server the shell loads.

use serde_json::{Value, json};

use crate::common::harness;

#[test]
fn the_web_view_can_reach_the_app_commands_and_nothing_else() {
    let h = harness();
    assert!(h.invoke("get_settings", json!({})).is_ok());
    // The plugins the app installs, and Tauri's core plugins, are there but refused to the page
    // by the capabilities: links and notifications go through the app's own checked commands.
    for cmd in [
        "plugin:opener|open_url",
        "plugin:opener|open_path",
        "plugin:notification|notify",
        "plugin:notification|request_permission",
        "plugin:window|close",
        "plugin:window|set_title",
        "plugin:webview|create_webview_window",
        "plugin:app|app_hide",
        "plugin:path|resolve_directory",
        "plugin:event|emit",
        // The shell's events come through the app's own `shell_events`, not Tauri's.
        "plugin:event|listen",
    ] {
        let refused = h
            .invoke(
                cmd,
                json!({ "url": "https://example.jp", "path": "/etc/passwd" }),
            )
            .expect_err(cmd);
        let said = refused.to_string();
        assert!(
            said.contains("not allowed"),
            "{cmd} must be refused by the capabilities, not merely missing: {said}"
        );
    }
    // The app's own `allow-` entries are exactly its commands (build.rs), each in one capability.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let build = std::fs::read_to_string(root.join("build.rs")).unwrap();
    let list = build
        .split("const COMMANDS: &[&str] = &[")
        .nth(1)
        .and_then(|rest| rest.split("];").next())
        .expect("build.rs lists the commands");
    let mut commands: Vec<String> = list
        .split('"')
        .skip(1)
        .step_by(2)
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    commands.sort();
    let mut allowed = Vec::new();
    for name in ["base", "desktop", "mobile"] {
        let file = root.join(format!("capabilities/{name}.json"));
        let capability: Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for permission in capability["permissions"].as_array().unwrap() {
            let permission = permission.as_str().unwrap();
            if permission.starts_with("allow-") {
                allowed.push(permission.to_owned());
            } else if name == "mobile" {
                // Phones may also scan a share code with the camera: nothing else.
                assert!(
                    permission.starts_with("barcode-scanner:allow-"),
                    "{permission}"
                );
                assert_eq!(capability["platforms"], json!(["android", "iOS"]));
            } else {
                panic!("{name}: {permission} is not one of the app's own commands");
            }
        }
    }
    allowed.sort();
    assert_eq!(allowed, commands);
    for cmd in [
        "share_child",
        "add_shared_child",
        "dismiss_survey",
        "answer_survey",
    ] {
        let error = h.invoke(cmd, json!({})).expect_err(cmd).to_string();
        assert!(!error.contains("not allowed"), "{cmd}: {error}");
    }
    // The camera plugin is a phone-only dependency: the desktop build never pulls it.
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let (common, phones) = manifest
        .split_once(
            "[target.'cfg(any(target_os = \"android\", target_os = \"ios\"))'.dependencies]",
        )
        .expect("a phone-only section");
    assert!(!common.contains("barcode"));
    assert!(phones.contains("tauri-plugin-barcode-scanner = \"2.5\""));
    // File system, shell and HTTP plugins are not in the app at all (so nothing to refuse).
    let manifest =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml")).unwrap();
    for absent in ["tauri-plugin-fs", "tauri-plugin-shell", "tauri-plugin-http"] {
        assert!(
            !manifest.contains(absent),
            "{absent} must not be a dependency"
        );
    }
}

/// Audit finding 10: the dev server the shell loads is the one Vite starts.
#[test]
fn the_dev_url_is_the_port_vite_serves() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let conf: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("src-tauri/tauri.conf.json")).unwrap(),
    )
    .unwrap();
    let dev_url = conf["build"]["devUrl"].as_str().unwrap();
    let vite = std::fs::read_to_string(root.join("ui/vite.config.ts")).unwrap();
    let port = vite
        .lines()
        .find_map(|l| l.trim().strip_prefix("port:"))
        .map(|p| p.trim().trim_end_matches(',').to_owned())
        .expect("vite.config.ts names its port");
    assert!(
        dev_url.ends_with(&format!(":{port}")),
        "{dev_url} vs vite port {port}"
    );
}
