//! Issue #12 through IPC: a child shared by code between two profiles (two data folders), the
//! refusals of bad codes, the confirmation a stop needs, and the town's survey card.

use chrono::{NaiveDate, NaiveTime};
use serde_json::{Value, json};

use crate::common::{Harness, harness};

fn nine(h: &Harness, date: &str) {
    let d = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    h.set_now(d.and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap()));
}

/// A first phone with one expecting child, on 2027-01-13.
fn first_phone() -> (Harness, Value) {
    let h = harness();
    nine(&h, "2027-01-13");
    let child = h
        .invoke(
            "add_child",
            json!({ "nickname": "まる", "dueDate": "2027-05-03" }),
        )
        .unwrap();
    (h, child)
}

fn share(h: &Harness, id: &Value, include_nickname: bool) -> Value {
    h.invoke(
        "share_child",
        json!({ "id": id, "includeNickname": include_nickname }),
    )
    .unwrap()
}

fn title_today(h: &Harness) -> Value {
    h.invoke("today", json!({})).unwrap()["children"][0]["message"]["title"].clone()
}

#[test]
fn a_child_shared_by_code_reads_the_same_message_on_a_second_profile() {
    let (first, child) = first_phone();
    let view = share(&first, &child["id"], true);
    let code = view["code"].as_str().unwrap();
    assert_eq!(view["childId"], child["id"]);
    assert_eq!(view["withNickname"], true);
    let groups: Vec<&str> = view["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g.as_str().unwrap())
        .collect();
    assert_eq!(groups.join("-"), code);
    assert!(groups[..groups.len() - 1].iter().all(|g| g.len() == 4));
    let svg = view["qrSvg"].as_str().unwrap();
    assert!(svg.contains("<svg") && !svg.contains("<script"), "{svg}");
    let holds = view["holds"].to_string();
    assert!(holds.contains("まる") && holds.contains("2027"), "{holds}");
    assert!(view["shareAgain"].is_null(), "{view}");

    // The second profile: its own data folder, the same day. Typed in lower case with spaces.
    let second = harness();
    nine(&second, "2027-01-13");
    let typed = code.to_lowercase().replace('-', " ");
    let added = second
        .invoke("add_shared_child", json!({ "code": typed }))
        .unwrap();
    assert_eq!(added["outcome"], "added", "{added}");
    assert_eq!(added["child"]["shared"], true);
    assert_eq!(added["child"]["nickname"], "まる");
    assert_eq!(added["child"]["dueDate"], "2027-05-03");
    assert_eq!(child["shared"], false);
    let title = title_today(&first);
    assert!(title.is_string(), "a message today");
    assert_eq!(title_today(&second), title);

    // The same code again: nothing new, no second child.
    let again = second
        .invoke("add_shared_child", json!({ "code": code }))
        .unwrap();
    assert_eq!(again["outcome"], "unchanged");
    assert_eq!(
        second
            .invoke("list_children", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Without the nickname: the code says so, and the second phone keeps its name.
    let bare = share(&first, &child["id"], false);
    assert_eq!(bare["withNickname"], false);
    assert!(bare["code"].as_str().unwrap().len() < code.len());
    let kept = second
        .invoke("add_shared_child", json!({ "code": bare["code"] }))
        .unwrap();
    assert_eq!(kept["outcome"], "unchanged");
    assert_eq!(kept["child"]["nickname"], "まる");

    // The birth recorded on the first phone: the share screen says to share again, and the new
    // code updates the same child on the second, said in words.
    nine(&first, "2027-01-14");
    nine(&second, "2027-01-14");
    first
        .invoke(
            "record_birth",
            json!({ "id": child["id"], "birthDate": "2027-01-14" }),
        )
        .unwrap();
    let reshared = share(&first, &child["id"], true);
    assert!(reshared["shareAgain"].is_string(), "{reshared}");
    let updated = second
        .invoke("add_shared_child", json!({ "code": reshared["code"] }))
        .unwrap();
    assert_eq!(updated["outcome"], "updated", "{updated}");
    assert_eq!(updated["child"]["status"], "born");
    assert_eq!(updated["changes"].as_array().unwrap().len(), 1);
    assert_eq!(title_today(&second), title_today(&first));
    // Shown again with nothing changed since: no "share again".
    assert!(share(&first, &child["id"], true)["shareAgain"].is_null());
}

#[test]
fn damaged_and_other_town_codes_are_refused_and_change_nothing() {
    let (first, child) = first_phone();
    let code = share(&first, &child["id"], true)["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let second = harness();
    nine(&second, "2027-01-13");
    let mut damaged = code.clone().into_bytes();
    damaged[6] = if damaged[6] == b'7' { b'8' } else { b'7' };
    let damaged = String::from_utf8(damaged).unwrap();
    let other_town = tsunagu::share::Share::from_code(&code, "demo")
        .unwrap()
        .to_code("hidamari")
        .unwrap();
    for (bad, expected) in [
        (damaged.as_str(), "share-code-damaged"),
        (&code[..code.len() - 2], "share-code-damaged"),
        ("not a code!", "share-code-damaged"),
        ("", "share-code-damaged"),
        (other_town.as_str(), "share-code-other-town"),
    ] {
        let error = second
            .invoke("add_shared_child", json!({ "code": bad }))
            .expect_err(bad);
        assert_eq!(error["code"], expected, "{bad}: {error}");
        assert!(
            error["message"]
                .as_str()
                .unwrap()
                .contains("何も変更していません")
        );
        assert_eq!(
            error.as_object().unwrap().len(),
            2,
            "the one shape: {error}"
        );
    }
    assert_eq!(
        second.invoke("list_children", json!({})).unwrap(),
        json!([])
    );
    // In English too.
    second
        .invoke("set_setting", json!({ "key": "locale", "value": "en" }))
        .unwrap();
    let error = second
        .invoke("add_shared_child", json!({ "code": damaged }))
        .unwrap_err();
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("Nothing has been changed")
    );
}

#[test]
fn a_stopped_childs_code_stops_nothing_until_the_reader_confirms() {
    let (first, child) = first_phone();
    let code = share(&first, &child["id"], true)["code"].clone();
    let second = harness();
    nine(&second, "2027-01-13");
    let added = second
        .invoke("add_shared_child", json!({ "code": code }))
        .unwrap();
    let id = added["child"]["id"].clone();
    first
        .invoke(
            "end_child",
            json!({ "id": child["id"], "reason": "pregnancy-loss" }),
        )
        .unwrap();
    let stopped = share(&first, &child["id"], true);
    assert!(stopped["shareAgain"].is_string(), "{stopped}");
    assert!(!stopped["holds"].to_string().contains("pregnancy"));

    let asked = second
        .invoke("add_shared_child", json!({ "code": stopped["code"] }))
        .unwrap();
    assert_eq!(asked["outcome"], "confirm", "{asked}");
    assert_eq!(asked["confirm"], "stop");
    assert!(asked["question"].as_str().unwrap().contains("まる"));
    // Nothing changed yet: still expecting, still today's message.
    let children = second.invoke("list_children", json!({})).unwrap();
    assert_eq!(children[0]["status"], "expecting");
    assert!(title_today(&second).is_string());

    let done = second
        .invoke(
            "add_shared_child",
            json!({ "code": stopped["code"], "confirm": "stop" }),
        )
        .unwrap();
    assert_eq!(done["outcome"], "updated", "{done}");
    assert_eq!(done["child"]["status"], "ended");
    assert_eq!(done["child"]["id"], id);
    let today = second.invoke("today", json!({})).unwrap();
    assert!(today["children"][0]["message"].is_null(), "{today}");

    // The old running code does not restart it either, without the reader.
    let resumed = second
        .invoke("add_shared_child", json!({ "code": code }))
        .unwrap();
    assert_eq!(resumed["outcome"], "confirm");
    assert_eq!(resumed["confirm"], "resume");
    assert_eq!(
        second.invoke("list_children", json!({})).unwrap()[0]["status"],
        "ended"
    );
}

/// The demo feed's survey is open from 2027-01-15: a card on Today until dismissed or answered.
#[test]
fn the_town_survey_shows_on_today_until_dismissed_or_answered() {
    for (how, lang) in [("dismiss_survey", "ja"), ("answer_survey", "en")] {
        let h = harness();
        h.invoke("set_setting", json!({ "key": "locale", "value": lang }))
            .unwrap();
        nine(&h, "2027-01-14");
        h.invoke("add_child", json!({ "dueDate": "2027-05-03" }))
            .unwrap();
        assert!(h.invoke("today", json!({})).unwrap()["survey"].is_null());
        nine(&h, "2027-01-15");
        let card = h.invoke("today", json!({})).unwrap()["survey"].clone();
        assert_eq!(card["key"], "family-survey-2027", "{card}");
        assert!(card["url"].as_str().unwrap().starts_with("https://"));
        assert!(card["html"].as_str().unwrap().contains("<li>"));
        let japanese = card["title"].as_str().unwrap().contains("アンケート");
        assert_eq!(japanese, lang == "ja", "{card}");
        // Still there the next time Today opens, and the next day.
        nine(&h, "2027-01-16");
        assert_eq!(h.invoke("today", json!({})).unwrap()["survey"], card);
        // Another key changes nothing.
        h.invoke(how, json!({ "key": "no-such-survey" })).unwrap();
        assert_eq!(h.invoke("today", json!({})).unwrap()["survey"], card);
        assert_eq!(
            h.invoke(how, json!({ "key": card["key"] })).unwrap(),
            Value::Null
        );
        assert!(h.invoke("today", json!({})).unwrap()["survey"].is_null());
        nine(&h, "2027-01-20");
        assert!(h.invoke("today", json!({})).unwrap()["survey"].is_null());
    }
}

#[test]
fn a_family_whose_messages_are_all_stopped_is_not_asked_the_survey() {
    let h = harness();
    nine(&h, "2027-01-14");
    let child = h
        .invoke("add_child", json!({ "dueDate": "2027-05-03" }))
        .unwrap();
    h.invoke(
        "end_child",
        json!({ "id": child["id"], "reason": "pregnancy-loss" }),
    )
    .unwrap();
    nine(&h, "2027-01-15");
    assert!(h.invoke("today", json!({})).unwrap()["survey"].is_null());
}
