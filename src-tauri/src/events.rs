//! The shell's events for the page (docs/ipc.md): a tapped notification (`open-day`) and data
//! that changed outside the UI (`data-changed`). Each event gets the next number; the page asks
//! `shell_events` with the last number it has seen, and the answer comes as soon as there is a
//! newer event: an ordinary command, answered late. So an event raised while the page was busy
//! (or before it asked at all, counted from the number that came with the page) is not lost.
//!
//! Tauri's own events would reach the page by evaluating a script in it, and the result of every
//! evaluation makes the app's process start a JavaScript engine of its own to read it: about
//! 6 MiB held for the whole session for two listeners (docs/performance.md).

use std::collections::VecDeque;
use std::sync::Mutex;

use serde::Serialize;
use tokio::sync::watch;

/// How many events are kept for a page that has not asked for a while. A page further behind
/// than that gets `data-changed` first, so it reloads everything it shows.
const KEPT: usize = 32;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub enum ShellEvent {
    /// A notification was tapped: show that day's message.
    #[serde(rename_all = "camelCase")]
    OpenDay {
        date: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(test, ts(optional, type = "number"))]
        child_id: Option<i64>,
    },
    /// Children, settings, the archive or the town's information changed outside the UI.
    DataChanged,
}

/// The answer to `shell_events`: the events after the number asked with, and the number to ask
/// with next.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(test, derive(ts_rs::TS), ts(export))]
pub struct EventBatch {
    #[cfg_attr(test, ts(type = "number"))]
    pub seq: u64,
    pub events: Vec<ShellEvent>,
}

/// The numbered events of this run of the app.
pub struct ShellEvents {
    kept: Mutex<VecDeque<(u64, ShellEvent)>>,
    /// The newest event's number; waiting pages watch it.
    newest: watch::Sender<u64>,
}

impl Default for ShellEvents {
    fn default() -> Self {
        ShellEvents {
            kept: Mutex::new(VecDeque::new()),
            newest: watch::Sender::new(0),
        }
    }
}

impl ShellEvents {
    /// Raises an event: every page waiting on `wait` is answered.
    pub fn send(&self, event: ShellEvent) {
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        let seq = *self.newest.borrow() + 1;
        kept.push_back((seq, event));
        if kept.len() > KEPT {
            kept.pop_front();
        }
        self.newest.send_replace(seq);
    }

    /// The newest event's number (0 before the first).
    pub fn seq(&self) -> u64 {
        *self.newest.borrow()
    }

    /// The events after `after`, at once, even when there are none.
    pub fn since(&self, after: u64) -> EventBatch {
        let kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        let seq = *self.newest.borrow();
        if after >= seq {
            // Nothing newer, or a number this run never gave: from now on.
            return EventBatch {
                seq,
                events: Vec::new(),
            };
        }
        let mut events: Vec<ShellEvent> = Vec::new();
        if kept.front().is_some_and(|(first, _)| *first > after + 1) {
            events.push(ShellEvent::DataChanged);
        }
        events.extend(
            kept.iter()
                .filter(|(n, _)| *n > after)
                .map(|(_, e)| e.clone()),
        );
        EventBatch { seq, events }
    }

    /// The events after `after`, as soon as there is one; without a number, the newest number at
    /// once (a page that starts counting now).
    pub async fn wait(&self, after: Option<u64>) -> EventBatch {
        let Some(after) = after else {
            return self.since(u64::MAX);
        };
        // Watching before looking: an event raised in between still wakes this wait.
        let mut newest = self.newest.subscribe();
        loop {
            let batch = self.since(after);
            if !batch.events.is_empty() || batch.seq < after {
                return batch;
            }
            // The sender lives as long as the app's state, and so as long as any command.
            if newest.changed().await.is_err() {
                return batch;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(date: &str) -> ShellEvent {
        ShellEvent::OpenDay {
            date: date.into(),
            child_id: None,
        }
    }

    #[test]
    fn a_page_gets_every_event_after_the_number_it_has_seen_in_order() {
        let events = ShellEvents::default();
        assert_eq!(events.since(0).events, vec![]);
        events.send(ShellEvent::DataChanged);
        events.send(open("2027-01-13"));
        assert_eq!(events.seq(), 2);
        let batch = events.since(0);
        assert_eq!(batch.seq, 2);
        assert_eq!(
            batch.events,
            vec![ShellEvent::DataChanged, open("2027-01-13")]
        );
        assert_eq!(events.since(1).events, vec![open("2027-01-13")]);
        assert_eq!(events.since(2).events, vec![]);
    }

    #[test]
    fn a_page_too_far_behind_is_told_to_reload_before_what_is_kept() {
        let events = ShellEvents::default();
        for day in 0..KEPT + 3 {
            events.send(open(&format!("2027-01-{:02}", day % 28 + 1)));
        }
        let batch = events.since(0);
        assert_eq!(batch.events.len(), KEPT + 1);
        assert_eq!(batch.events[0], ShellEvent::DataChanged);
        // One that asked in time misses nothing and gets no extra reload.
        let recent = events.since(batch.seq - 2);
        assert_eq!(recent.events.len(), 2);
        assert!(!recent.events.contains(&ShellEvent::DataChanged));
    }

    #[test]
    fn the_wire_shape_is_the_one_the_ui_reads() {
        let events = ShellEvents::default();
        events.send(open("2027-01-13"));
        events.send(ShellEvent::OpenDay {
            date: "2027-01-14".into(),
            child_id: Some(2),
        });
        events.send(ShellEvent::DataChanged);
        assert_eq!(
            serde_json::to_value(events.since(0)).unwrap(),
            serde_json::json!({ "seq": 3, "events": [
                { "kind": "open-day", "date": "2027-01-13" },
                { "kind": "open-day", "date": "2027-01-14", "childId": 2 },
                { "kind": "data-changed" },
            ] })
        );
    }

    #[test]
    fn a_waiting_page_is_answered_when_an_event_is_raised_and_not_before() {
        let events = std::sync::Arc::new(ShellEvents::default());
        tauri::async_runtime::block_on(async {
            // Without a number: the newest at once.
            assert_eq!(
                events.wait(None).await,
                EventBatch {
                    seq: 0,
                    events: vec![]
                }
            );
            let waiting = tauri::async_runtime::spawn({
                let events = events.clone();
                async move { events.wait(Some(0)).await }
            });
            std::thread::sleep(std::time::Duration::from_millis(50));
            assert!(
                !waiting.inner().is_finished(),
                "answered with nothing to say"
            );
            let sender = events.clone();
            std::thread::spawn(move || sender.send(ShellEvent::DataChanged))
                .join()
                .unwrap();
            let batch = waiting.await.unwrap();
            assert_eq!(batch.seq, 1);
            assert_eq!(batch.events, vec![ShellEvent::DataChanged]);
        });
    }
}
