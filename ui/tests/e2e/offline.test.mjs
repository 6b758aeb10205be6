// Offline for good: the real app started with no network at all (scripts/e2e runs it in a network
// namespace with only loopback, before any feed server exists). From the first start every screen
// works, the town feed bundled with the app is applied, and the town status says plainly that the
// information could not be updated.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { eventually, isoDate, startSession } from './driver.mjs';

describe('the real app with no network', () => {
  let app;

  before(async () => {
    app = await startSession();
  });

  after(async () => {
    await app?.close();
  });

  it('registers, reads, archives and shows the bundled town information, saying it could not update', async () => {
    const { script, text, fill, click } = app;
    await eventually('the welcome screen', () => script('return document.querySelector("#welcome-due") !== null;'));
    await fill('#welcome-due', isoDate(120));
    await click('form button[type=submit]');
    await eventually('the notification step', () => script('return document.querySelector("#welcome-time") !== null;'));
    await script('[...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "はじめる").click(); return true;');

    const title = await eventually("today's message", () => text('.today-card article.message h3'));
    assert.ok(title.length > 3, title);

    await script('location.hash = "#/archive"; return true;');
    await eventually('the archive', () => script('return document.querySelectorAll(".entry").length > 0;'));

    await script('location.hash = "#/town"; return true;');
    const updated = await eventually('the town status', () => text('.town-status__updated'));
    assert.match(updated, /町の情報の更新/, `the bundled feed is applied: ${updated}`);
    await eventually('the events section', () => text('#town-events-title'));
    await click('.town-refresh');
    const result = await eventually('the result of the refresh', () => text('.town-result p'));
    assert.match(result, /更新できませんでした/, result);
    assert.match(await text('.town-status__updated'), /町の情報の更新/, 'what the town sent before stays');

    await script('location.hash = "#/settings"; return true;');
    await eventually('the settings screen', () => text('h1'));
  });
});
