// Measures one app start through tauri-driver: from the session request to `selector` having
// text, then the resident memory of each of the app's processes two seconds later, and the
// timeline of that start: when the process began, the shell's steps (tsunagu's shell appends them
// to $TSUNAGU_TIMELINE) and the page's (navigation timing and performance marks), each in ms after
// the session request. Prints one JSON line. Usage: node measure.mjs <driver url> <app binary> <css selector>
// [<file>]: with a file, also writes there a static copy of the page as shown (its HTML without
// scripts, beside the same stylesheet), the page of scripts/bench-app's second floor.
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';

const [driver, app, selector, copyTo] = process.argv.slice(2);
const timelineFile = process.env.TSUNAGU_TIMELINE;
const wd = async (method, path, body) => {
  const res = await fetch(driver + path, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  return (await res.json()).value;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pids = () => readdirSync('/proc').filter((p) => /^\d+$/.test(p));
const stat = (pid) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');

function processTree(root) {
  const children = new Map();
  for (const pid of pids()) {
    try {
      const ppid = stat(pid)[1];
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {}
  }
  const out = [];
  const walk = (pid) => { out.push(pid); for (const c of children.get(pid) ?? []) walk(c); };
  walk(String(root));
  return out;
}

/** Resident memory in KiB of each process, by its short name (app, WebKitWebProcess, …). */
function rssByProcess(tree) {
  const out = {};
  for (const pid of tree) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n');
      const name = status[0].split(/\s+/)[1] === app.split('/').pop().slice(0, 15) ? 'app' : status[0].split(/\s+/)[1];
      const line = status.find((l) => l.startsWith('VmRSS:'));
      out[name] = (out[name] ?? 0) + (line ? Number(line.split(/\s+/)[1]) : 0);
    } catch {}
  }
  return out;
}

function findApp() {
  for (const pid of pids()) {
    try { if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] === app) return pid; } catch {}
  }
  return null;
}

/** When the process began, in ms since the epoch, to the kernel's clock tick (10 ms): its start
 * tick against this script's own, whose start in epoch time node knows. */
function processStart(pid) {
  const selfStart = Date.now() - process.uptime() * 1000;
  return selfStart + (Number(stat(pid)[19]) - Number(stat('self')[19])) * 10;
}

if (timelineFile) rmSync(timelineFile, { force: true });
const t0 = Date.now();
const session = (await wd('POST', '/session', { capabilities: { alwaysMatch: { browserName: 'wry', 'tauri:options': { application: app } } } })).sessionId;
let visibleMs = null;
while (Date.now() - t0 < 60000) {
  const text = await wd('POST', `/session/${session}/execute/sync`, { script: 'const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : "";', args: [selector] });
  if (text) { visibleMs = Date.now() - t0; break; }
  await sleep(10);
}
await sleep(2000);
const pid = findApp();
const processes = pid ? rssByProcess(processTree(pid)) : {};
// Read while the process is alive: it ends with the session.
const began = pid ? processStart(pid) : null;
const page = await wd('POST', `/session/${session}/execute/sync`, {
  script: `const n = performance.getEntriesByType('navigation')[0] || {};
    const steps = { 'page-request': n.requestStart, 'page-response': n.responseEnd, 'dom-interactive': n.domInteractive, 'dom-loaded': n.domContentLoadedEventEnd, 'page-loaded': n.loadEventEnd };
    for (const m of performance.getEntriesByType('mark')) if (!(m.name in steps)) steps[m.name] = m.startTime;
    return { origin: performance.timeOrigin, steps };`,
  args: [],
});
if (copyTo) {
  const html = await wd('POST', `/session/${session}/execute/sync`, { script: 'return "<!doctype html>\\n" + document.documentElement.outerHTML;', args: [] });
  writeFileSync(copyTo, html.replace(/<script\b[\s\S]*?<\/script>/g, '').replace(/<link rel="modulepreload"[^>]*>/g, ''));
}
await wd('DELETE', `/session/${session}`);

const steps = { 'process': began !== null ? began - t0 : null };
if (timelineFile && existsSync(timelineFile)) {
  for (const line of readFileSync(timelineFile, 'utf8').split('\n')) {
    const [step, ms] = line.split(' ');
    if (step && !(`shell:${step}` in steps)) steps[`shell:${step}`] = Number(ms) - t0;
  }
}
for (const [step, ms] of Object.entries(page.steps)) {
  if (typeof ms === 'number' && ms > 0) steps[`page:${step.replace(/^tsunagu:/, '')}`] = page.origin + ms - t0;
}
steps.visible = visibleMs;
const rssKiB = pid ? Object.values(processes).reduce((a, b) => a + b, 0) : null;
console.log(JSON.stringify({ visibleMs, rssKiB, processes, steps }));
