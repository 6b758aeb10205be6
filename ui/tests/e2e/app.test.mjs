// End to end: the real app (target/debug/tsunagu-app) under Xvfb, driven through tauri-driver and
// WebKitWebDriver with plain WebDriver calls. Started by scripts/e2e, which also runs a session
// bus with a notification daemon and records every Notify call to $TSUNAGU_NOTIFY_LOG.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { eventually, isoDate, startSession } from './driver.mjs';

const NOTIFY_LOG = process.env.TSUNAGU_NOTIFY_LOG;

describe('the real app', () => {
  let app;
  let script, text, fill, click;

  before(async () => {
    app = await startSession();
    ({ script, text, fill, click } = app);
  });

  after(async () => {
    await app?.close();
  });

  it('registers a child, shows today\'s message, keeps it in the archive, shows the town\'s new items and raises a notification', async () => {
    await eventually('the welcome screen', () => script('return document.querySelector("#welcome-due") !== null;'));
    assert.match(await text('.badge--sample'), /サンプル/);

    await fill('#welcome-due', isoDate(150));
    await click('form button[type=submit]');
    await eventually('the notification step', () => script('return document.querySelector("#welcome-time") !== null;'));
    // Deliver at midnight so that today's notification is due at once.
    await fill('#welcome-time', '00:00');
    const buttons = await script('return [...document.querySelectorAll("button")].map((b) => b.textContent.trim());');
    const start = buttons.findIndex((b) => b === 'はじめる');
    assert.ok(start >= 0, `a start button among ${buttons}`);
    await script('[...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "はじめる").click(); return true;');

    const title = await eventually('today\'s message', () => text('.today-card article.message h3'));
    assert.ok(title.length > 3, title);
    assert.match(await text('.today-card .stage'), /妊娠\d+週\d日/);

    await script('location.hash = "#/archive"; return true;');
    const archive = await eventually('the archive', () => script('const e = [...document.querySelectorAll(".entry")]; return e.length ? e.map((x) => x.textContent).join("\\n") : null;'));
    assert.ok(archive.includes(title), `the archive lists today's message "${title}"`);

    // The town's draft feed, served by `tsunagu feed serve` (scripts/e2e): after pulling to refresh,
    // its new event is listed and its new overlay is on Today, on its day.
    await script('location.hash = "#/town"; return true;');
    await eventually('the refresh button', () => script('return document.querySelector(".town-refresh") !== null;'));
    await click('.town-refresh');
    await eventually('the result of the refresh', () => text('.town-result p'));
    await eventually("the town's new event", () =>
      script('return [...document.querySelectorAll(".event h3")].some((h) => h.textContent.includes("絵本の読み聞かせ会(テスト)"));'),
    );
    await script('location.hash = "#/today"; return true;');
    await eventually("the town's new overlay on Today", () =>
      script('return [...document.querySelectorAll(".today-card .notice h4")].some((h) => h.textContent.includes("町の新しいお知らせ(テスト)"));'),
    );

    if (NOTIFY_LOG) {
      const log = await eventually('a desktop notification on the session bus', () => {
        const seen = readFileSync(NOTIFY_LOG, 'utf8');
        return seen.includes(title) ? seen : null;
      }, 45000);
      assert.match(log, /member=Notify/);
    }
  });
});
