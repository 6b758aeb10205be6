// End to end: the real app (target/debug/tsunagu-app) under Xvfb, driven through tauri-driver and
// WebKitWebDriver with plain WebDriver calls. Started by scripts/e2e, which also runs a session
// bus with a notification daemon and records every Notify call to $TSUNAGU_NOTIFY_LOG.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const DRIVER = process.env.TAURI_DRIVER_URL ?? 'http://127.0.0.1:4444';
const APP = resolve(process.env.TSUNAGU_APP ?? '../target/debug/tsunagu-app');
const NOTIFY_LOG = process.env.TSUNAGU_NOTIFY_LOG;

async function wd(method, path, body) {
  const res = await fetch(`${DRIVER}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
  return json.value;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function eventually(what, probe, timeoutMs = 20000) {
  console.log(`# waiting for ${what}`);
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

function isoDate(offsetDays) {
  const d = new Date(Date.now() + offsetDays * 86400000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('the real app', () => {
  let session;
  const script = (source, ...args) => wd('POST', `/session/${session}/execute/sync`, { script: source, args });
  const text = (selector) => script('const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;', selector);
  // Sets a form field the way a person's typing would: value, then the input event Svelte listens to.
  const fill = (selector, value) =>
    script(
      'const e = document.querySelector(arguments[0]); e.value = arguments[1]; e.dispatchEvent(new Event("input", { bubbles: true })); e.dispatchEvent(new Event("change", { bubbles: true })); return true;',
      selector,
      value,
    );
  // Clicks the first visible match, as a person would.
  const click = (selector) =>
    script(
      'const e = [...document.querySelectorAll(arguments[0])].find((x) => x.offsetParent !== null); e.scrollIntoView(); e.click(); return true;',
      selector,
    );

  before(async () => {
    const created = await wd('POST', '/session', {
      capabilities: { alwaysMatch: { browserName: 'wry', 'tauri:options': { application: APP } } },
    });
    session = created.sessionId;
  });

  after(async () => {
    if (session) await wd('DELETE', `/session/${session}`).catch(() => {});
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
