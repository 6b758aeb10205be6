// Shared by the browser tests: a tiny static server for ui/dist-mock (the app's pages built with
// the in-memory mock, `npm run build:mock`, served with the app's CSP), Debian's
// Chromium driven by playwright-core, the mock backend configured per page, and axe-core.
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = fileURLToPath(new URL('.', import.meta.url));
export const UI = resolve(here, '../..');
export const DIST = join(UI, 'dist-mock');
export const SCREENSHOTS = join(UI, 'screenshots');

/** The CSP the Tauri app runs under, read from tauri.conf.json itself: the pages are tested under
 * exactly the policy that ships, never a hand copy that could drift or be weaker. */
export const CSP = JSON.parse(
  await readFile(resolve(UI, '../src-tauri/tauri.conf.json'), 'utf8'),
).app.security.csp;
if (typeof CSP !== 'string' || !CSP.includes("script-src 'self'")) {
  throw new Error(`tauri.conf.json has no usable CSP: ${CSP}`);
}

/** A fixed "today" so stages, dates and screenshots do not move: the day the mock's fixtures were
 * recorded on (src-tauri/tests/mock_fixtures.rs), with the demo town's events already announced. */
export const TODAY = '2027-01-13';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export async function startServer() {
  try {
    await stat(join(DIST, 'index.html'));
  } catch {
    throw new Error('ui/dist-mock is missing: run `npm run build:mock` first');
  }
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(DIST, path === '/' ? 'index.html' : path));
    if (!file.startsWith(DIST)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CSP,
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium with a fresh profile (its own --user-data-dir), removed on close. */
export async function launch() {
  const profile = await mkdtemp(join(tmpdir(), 'tsunagu-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: FLAGS,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(10_000);
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the app against the mock backend. `problems` collects console errors, page errors and
 * CSP violations: a test ends by asserting it is empty.
 */
export async function openApp(context, baseUrl, config = {}) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript((cfg) => {
    window.__TSUNAGU_MOCK_CONFIG__ = cfg;
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  }, { today: TODAY, ...config });
  await page.goto(baseUrl);
  await page.locator('main h1').first().waitFor();
  return { page, problems };
}

const require = createRequire(import.meta.url);
let axeSource;

/** Runs axe-core (WCAG 2.x A/AA and best practices) on the page; returns the violations. */
export async function axe(page) {
  axeSource ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    }),
  );
  return result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 3).join(' ')}`),
  }));
}

/** Goes to a hash route and waits for its heading (focus moves there too). */
export async function go(page, hash) {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.waitForFunction((h) => location.hash === h, hash);
  await page.locator('main h1').first().waitFor();
  await page.waitForTimeout(50);
}

/** Visible text of the whole page. */
export function pageText(page) {
  return page.evaluate(() => document.body.innerText);
}
