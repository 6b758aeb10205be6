// Issue #12, second profile: a fresh data folder (a grandparent's first launch) adds the child
// from the code share-first.test.mjs showed, and today shows the same message title.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { eventually, startSession } from './driver.mjs';

const HANDOFF = process.env.TSUNAGU_E2E_HANDOFF;

describe('the second phone adds the shared child', () => {
  let app;
  let shared;

  before(async () => {
    assert.ok(HANDOFF, 'scripts/e2e sets TSUNAGU_E2E_HANDOFF');
    shared = JSON.parse(readFileSync(HANDOFF, 'utf8'));
    app = await startSession();
  });

  after(async () => {
    await app?.close();
  });

  it('adds the child from the code, marked shared, with the same message today', async () => {
    const { script, text, fill, click } = app;
    await eventually('the welcome screen', () => script('return document.querySelector("#welcome-due") !== null;'));
    await click('a[href="#/children/add-shared"]');
    await eventually('the code field', () => script('return document.querySelector("#shared-code") !== null;'));
    // Typed as a person reading it aloud might: small letters, spaces for the hyphens.
    await fill('#shared-code', shared.code.toLowerCase().replaceAll('-', ' '));
    await click('form button[type=submit]');
    await eventually('the result', () => script('return document.querySelector("main .card[role=status]") !== null;'));
    assert.match(await text('main .card[role=status]'), /まる/);

    await script('location.hash = "#/children"; return true;');
    const badge = await eventually('the shared badge', () => text('.badge--shared')).catch(async (e) => {
      console.log(`# on ${await script('return location.hash;')}: ${await script('return document.body.innerText;')}`);
      throw e;
    });
    assert.equal(badge, '共有');

    await script('location.hash = "#/today"; return true;');
    const title = await eventually("today's message", () => text('.today-card article.message h3'));
    assert.equal(title, shared.title);
  });
});
