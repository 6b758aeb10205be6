// Shared by the end-to-end tests: plain WebDriver calls to tauri-driver (started by scripts/e2e),
// which launches the real app (target/debug/tsunagu-app) through WebKitWebDriver.
import { resolve } from 'node:path';

const DRIVER = process.env.TAURI_DRIVER_URL ?? 'http://127.0.0.1:4444';
const APP = resolve(process.env.TSUNAGU_APP ?? '../target/debug/tsunagu-app');

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

/** Polls `probe` until it gives something truthy, or fails after `timeoutMs`. */
export async function eventually(what, probe, timeoutMs = 20000) {
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

/** A local calendar date `offsetDays` from now, as the forms take it. */
export function isoDate(offsetDays) {
  const d = new Date(Date.now() + offsetDays * 86400000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Starts the app in a new WebDriver session, with the few page actions the tests use. */
export async function startSession() {
  const created = await wd('POST', '/session', {
    capabilities: { alwaysMatch: { browserName: 'wry', 'tauri:options': { application: APP } } },
  });
  const session = created.sessionId;
  const script = (source, ...args) => wd('POST', `/session/${session}/execute/sync`, { script: source, args });
  return {
    script,
    text: (selector) => script('const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;', selector),
    // Sets a form field the way a person's typing would: value, then the events Svelte listens to.
    fill: (selector, value) =>
      script(
        'const e = document.querySelector(arguments[0]); e.value = arguments[1]; e.dispatchEvent(new Event("input", { bubbles: true })); e.dispatchEvent(new Event("change", { bubbles: true })); return true;',
        selector,
        value,
      ),
    // Clicks the first visible match, as a person would.
    click: (selector) =>
      script(
        'const e = [...document.querySelectorAll(arguments[0])].find((x) => x.offsetParent !== null); e.scrollIntoView(); e.click(); return true;',
        selector,
      ),
    close: () => wd('DELETE', `/session/${session}`).catch(() => {}),
  };
}
