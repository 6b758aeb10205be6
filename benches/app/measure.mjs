// Measures one app start through tauri-driver: from the session request to `selector` having
// text, then the resident memory of the app and its WebKit processes two seconds later.
// Prints one JSON line. Usage: node measure.mjs <driver url> <app binary> <css selector>
import { readFileSync, readdirSync } from 'node:fs';

const [driver, app, selector] = process.argv.slice(2);
const wd = async (method, path, body) => {
  const res = await fetch(driver + path, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  return (await res.json()).value;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function processTree(root) {
  const children = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const ppid = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1];
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {}
  }
  const out = [];
  const walk = (pid) => { out.push(pid); for (const c of children.get(pid) ?? []) walk(c); };
  walk(String(root));
  return out;
}

function rssKiB(pids) {
  return pids.reduce((sum, pid) => {
    try {
      const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
      return sum + (line ? Number(line.split(/\s+/)[1]) : 0);
    } catch { return sum; }
  }, 0);
}

function findApp() {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try { if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] === app) return pid; } catch {}
  }
  return null;
}

const start = performance.now();
const session = (await wd('POST', '/session', { capabilities: { alwaysMatch: { browserName: 'wry', 'tauri:options': { application: app } } } })).sessionId;
let visibleMs = null;
while (performance.now() - start < 60000) {
  const text = await wd('POST', `/session/${session}/execute/sync`, { script: 'const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : "";', args: [selector] });
  if (text) { visibleMs = performance.now() - start; break; }
  await sleep(10);
}
await sleep(2000);
const pid = findApp();
const rss = pid ? rssKiB(processTree(pid)) : null;
await wd('DELETE', `/session/${session}`);
console.log(JSON.stringify({ visibleMs, rssKiB: rss }));
