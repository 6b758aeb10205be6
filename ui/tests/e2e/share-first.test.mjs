// Issue #12, first profile: the real app with its own data folder registers a child and shows its
// share code; the code and today's message title are handed to share-second.test.mjs, which
// scripts/e2e runs next in a second profile (another TSUNAGU_DATA_DIR) on the same machine.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';

import { eventually, isoDate, startSession } from './driver.mjs';

const HANDOFF = process.env.TSUNAGU_E2E_HANDOFF;

describe('the first phone shares a child', () => {
  let app;

  before(async () => {
    assert.ok(HANDOFF, 'scripts/e2e sets TSUNAGU_E2E_HANDOFF');
    app = await startSession();
  });

  after(async () => {
    await app?.close();
  });

  it("registers a child, reads today's message and shows the child's share code", async () => {
    const { script, text, fill, click } = app;
    await eventually('the welcome screen', () => script('return document.querySelector("#welcome-due") !== null;'));
    await fill('#welcome-due', isoDate(150));
    await fill('#welcome-nickname', 'まる');
    await click('form button[type=submit]');
    await eventually('the notification step', () => script('return document.querySelector("#welcome-time") !== null;'));
    await script('[...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "はじめる").click(); return true;');
    const title = await eventually("today's message", () => text('.today-card article.message h3'));

    await script('location.hash = "#/children/1/share"; return true;');
    const code = await eventually('the share code', () =>
      script('const g = [...document.querySelectorAll(".share__code span")].map((s) => s.textContent.trim()); return g.length ? g.join("-") : null;'),
    );
    assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/);
    // The QR code is drawn in the real WebView under the app's CSP.
    await eventually('the QR image', () =>
      script('const i = document.querySelector("img.share__qr"); return Boolean(i && i.complete && i.naturalWidth > 0);'),
    );
    writeFileSync(HANDOFF, JSON.stringify({ code, title }));
  });
});
