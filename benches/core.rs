//! The core's speed goals (criterion; `cargo bench`):
//! a child's whole plan ≤ 50 µs, today's due for 3 children ≤ 5 µs, catalogue parse scaled to
//! 1,068 messages ≤ 5 ms, archive search p95 over 2,000 messages ≤ 2 ms.

use std::hint::black_box;
use std::time::Instant;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use tsunagu::cadence::{Birth, Child, Programme, Slot};
use tsunagu::catalogue::Catalogue;
use tsunagu::store::{NewChild, Store};

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn longest_path_child() -> Child {
    let due = date("2027-06-01");
    let birth = due + Days::new(14);
    Child {
        due_date: Some(due),
        birth: Some(Birth {
            date: birth,
            recorded_on: birth,
        }),
        registered_on: due - Days::new(252),
        ended_on: None,
    }
}

/// A body of about 480 characters drawn from real Japanese text patterns, different per slot.
fn body(seed: usize) -> String {
    const WORDS: [&str; 16] = [
        "赤ちゃんは",
        "今日は",
        "からだを",
        "ゆっくり",
        "休めましょう。",
        "健診で",
        "相談できます。",
        "ご家族と",
        "食事は",
        "貧血に",
        "気をつけて、",
        "離乳食の",
        "準備を",
        "少しずつ",
        "進めていきます。",
        "眠れない夜も",
    ];
    let mut s = String::new();
    let mut x = seed as u64 * 2_654_435_761 + 7;
    while s.chars().count() < 480 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s.push_str(WORDS[(x % 16) as usize]);
        if x.is_multiple_of(5) {
            s.push_str("\n\n");
        }
    }
    s
}

fn scaled_files() -> Vec<(String, String, String)> {
    let mut files = Vec::new();
    for locale in ["ja", "en"] {
        for (i, slot) in Slot::all().enumerate() {
            let text = format!(
                "+++\ntitle = \"{slot}のメッセージ\"\ntopics = [\"growth\", \"care\"]\n+++\n{}\n",
                body(i)
            );
            files.push((locale.to_owned(), format!("{slot}.md"), text));
        }
    }
    files
}

fn benches(c: &mut Criterion) {
    let child = longest_path_child();
    c.bench_function("plan: one child's whole plan (534 slots)", |b| {
        b.iter(|| black_box(&child).plan(Programme::ToThirdBirthday))
    });

    let children = [
        longest_path_child(),
        Child::expecting(date("2027-03-10"), date("2026-09-01")),
        Child::born(date("2025-01-31"), date("2025-02-10")),
    ];
    let today = date("2026-11-25");
    c.bench_function("today: what is due for 3 children", |b| {
        b.iter(|| {
            children
                .iter()
                .map(|ch| ch.due_on(Programme::ToThirdBirthday, black_box(today)))
                .collect::<Vec<_>>()
        })
    });

    let manifest = include_str!("../content/catalogue.toml");
    let files = scaled_files();
    assert_eq!(files.len(), 1068);
    // What the app does at start: inflate every locale's block and parse both full catalogues.
    c.bench_function(
        "catalogue: inflate and parse the embedded catalogue (ja + en)",
        |b| b.iter(|| Catalogue::embedded().unwrap()),
    );

    // The same catalogue's parse alone, from the text files: the rest of the figure is inflating.
    let real: Vec<(String, String, String)> = ["ja", "en"]
        .iter()
        .flat_map(|locale| {
            std::fs::read_dir(format!("content/messages/{locale}"))
                .unwrap()
                .flatten()
                .map(move |e| {
                    (
                        locale.to_string(),
                        e.file_name().to_string_lossy().into_owned(),
                        std::fs::read_to_string(e.path()).unwrap(),
                    )
                })
        })
        .collect();
    let real_manifest = std::fs::read_to_string("content/catalogue.toml").unwrap();
    c.bench_function(
        "catalogue: parse the real catalogue (ja + en) from text",
        |b| {
            b.iter(|| {
                let it = real
                    .iter()
                    .map(|(l, n, t)| (l.clone(), n.clone(), t.as_str()));
                Catalogue::from_files(&real_manifest, it).unwrap()
            })
        },
    );

    c.bench_function("catalogue: parse 1,068 messages", |b| {
        b.iter(|| {
            let it = files
                .iter()
                .map(|(l, n, t)| (l.clone(), n.clone(), t.as_str()));
            Catalogue::from_files(manifest, it).unwrap()
        })
    });

    // Over 2,000 delivered messages: four children (twins and siblings, say) each followed from
    // 4w0d of pregnancy to the 3rd birthday, the longest path, from a full-size catalogue.
    let catalogue = Catalogue::from_files(
        manifest,
        files
            .iter()
            .map(|(l, n, t)| (l.clone(), n.clone(), t.as_str())),
    )
    .unwrap();
    let dir = std::env::temp_dir().join(format!("tsunagu-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut store = Store::open(dir.join("bench.db")).unwrap();
    for (due, born) in [
        ("2023-03-01", "2023-03-05"),
        ("2023-04-01", "2023-04-10"),
        ("2023-05-01", "2023-05-02"),
        ("2023-06-01", "2023-06-03"),
    ] {
        let new = NewChild {
            nickname: String::new(),
            due_date: Some(date(due)),
            birth_date: None,
        };
        let registered = date(due) - chrono::Days::new(252);
        let child = store.add_child(&new, registered).unwrap();
        store
            .record_birth(child.id, date(born), date(born))
            .unwrap();
    }
    store
        .catch_up(&catalogue, Programme::ToThirdBirthday, date("2026-07-01"))
        .unwrap();
    let delivered = store.archive(Default::default()).unwrap().len();
    let queries = [
        "貧血",
        "離乳食",
        "ゆっくり休め",
        "健診で相談",
        "眠れない夜",
        "家族",
    ];
    c.bench_function(&format!("search: archive of {delivered} messages"), |b| {
        let mut i = 0;
        b.iter(|| {
            i += 1;
            store.search(queries[i % queries.len()], 50).unwrap()
        })
    });
    let mut each: Vec<Vec<f64>> = vec![Vec::new(); queries.len()];
    for i in 0..3000 {
        let start = Instant::now();
        black_box(store.search(queries[i % queries.len()], 50).unwrap());
        each[i % queries.len()].push(start.elapsed().as_secs_f64() * 1e3);
    }
    let mut times: Vec<f64> = each.iter().flatten().copied().collect();
    times.sort_by(f64::total_cmp);
    println!(
        "search p95 over {delivered} delivered messages: {:.3} ms (p50 {:.3} ms; goal ≤ 2 ms)",
        times[times.len() * 95 / 100],
        times[times.len() / 2]
    );
    // Which words cost what: where the time goes, word by word.
    for (query, mut t) in queries.iter().zip(each) {
        t.sort_by(f64::total_cmp);
        println!(
            "  {query}: p50 {:.3} ms, p95 {:.3} ms",
            t[t.len() / 2],
            t[t.len() * 95 / 100]
        );
    }
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(core, benches);
criterion_main!(core);
