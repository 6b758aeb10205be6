// axe-core on every screen, in Japanese and English, light and dark; and phone-sized screenshots
// (390×844) of the main screens under ui/screenshots/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SCREENSHOTS, axe, go, launch, openApp, startServer } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
  await mkdir(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Sets the theme the way the shell would: a setting changed, then `data-changed`. */
async function setTheme(page, theme) {
  await page.evaluate(async (value) => {
    await window.__TSUNAGU_MOCK__.backend.invoke('set_setting', { key: 'theme', value });
    window.__TSUNAGU_MOCK__.emit('data-changed', null);
  }, theme);
  await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
}

async function shot(page, name) {
  await page.evaluate(() => {
    document.activeElement?.blur?.();
    window.scrollTo(0, 0);
  });
  await page.waitForTimeout(30);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

async function check(page, label) {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `${label}: ${JSON.stringify(violations, null, 2)}`);
}

for (const lang of ['ja', 'en']) {
  for (const theme of ['light', 'dark']) {
    describe(`${lang}, ${theme}`, () => {
      const tag = `${lang}-${theme}`;

      it('welcome, including an error and the notification step', async () => {
        const { page, problems } = await openApp(browser.context, server.url, { seed: 'empty', lang });
        await setTheme(page, theme);
        await check(page, `${tag} welcome`);
        await shot(page, `welcome-${tag}`);
        await page.locator('#welcome-due').fill('2031-01-01');
        await page.locator('form button[type=submit]').click();
        await page.locator('#welcome-error').waitFor();
        await check(page, `${tag} welcome error`);
        await page.locator('#welcome-due').fill('2027-06-02');
        await page.locator('form button[type=submit]').click();
        await page.locator('#welcome-time').waitFor();
        await check(page, `${tag} welcome notifications`);
        assert.deepEqual(problems, []);
        await page.close();
      });

      it('every screen of a registered family', async () => {
        const { page, problems } = await openApp(browser.context, server.url, { seed: 'family', lang });
        await setTheme(page, theme);
        const screens = [
          ['#/today', 'today'],
          ['#/archive', 'archive'],
          ['#/message/5', 'message'],
          ['#/children', 'children'],
          ['#/children/add', null],
          ['#/children/1/edit', null],
          ['#/children/1/born', null],
          ['#/children/1/stop', null],
          ['#/children/2/schedule', 'schedule'],
          ['#/children/1/share', null],
          ['#/children/add-shared', null],
          ['#/settings', 'settings'],
          ['#/town', 'town'],
        ];
        for (const [hash, name] of screens) {
          await go(page, hash);
          await check(page, `${tag} ${hash}`);
          if (name) await shot(page, `${name}-${tag}`);
        }
        // The town screen after a failed refresh, with a refused link's message showing.
        await page.evaluate(() => (window.__TSUNAGU_MOCK__.backend.syncFails = true));
        await page.locator('.town-refresh').click();
        await page.locator('.town-result p').waitFor();
        await page.evaluate(() => {
          const a = document.createElement('a');
          a.href = 'http://example.jp/plain';
          a.textContent = 'http';
          document.querySelector('article.event .prose p').append(a);
          a.click();
        });
        await page.locator('#link-error').waitFor();
        await check(page, `${tag} town refresh failed`);
        // Check-ups and shots with the record form open and a refused date.
        await go(page, '#/children/2/schedule');
        await page.locator('li.visit[aria-labelledby="visit-dose-varicella-1"] button').click();
        await page.locator('#schedule-date-dose-varicella-1').fill('2099-01-01');
        await page.locator('.visit__form button[type=submit]').click();
        await page.locator('#schedule-error-dose-varicella-1').waitFor();
        await check(page, `${tag} schedule form`);
        // The archive with a search, and the stop path to its end.
        await go(page, '#/archive');
        await page.locator('#archive-q').fill(lang === 'ja' ? '貧血' : 'anaemia');
        await page.locator('form[role=search] button[type=submit]').click();
        await page.locator('.entry').first().waitFor();
        await check(page, `${tag} search`);
        await go(page, '#/children/1/stop');
        await page.locator('form.card button[type=submit]').click();
        await page.locator('.calm section.card .button:not(.button--quiet)').click();
        await page.locator('.contacts').waitFor();
        await check(page, `${tag} stopped`);
        await go(page, '#/children');
        await check(page, `${tag} children after stop`);
        assert.deepEqual(problems, []);
        await page.close();
      });
    });
  }
}

describe('desktop window', () => {
  it('lays out at 1000 px with the tab bar on top, and passes axe', async () => {
    const { page, problems } = await openApp(browser.context, server.url, { seed: 'family', lang: 'ja' });
    await page.setViewportSize({ width: 1000, height: 760 });
    await go(page, '#/today');
    const nav = await page.locator('nav').boundingBox();
    const main = await page.locator('main').boundingBox();
    assert.ok(nav.y < main.y, 'tab bar above the content');
    await check(page, 'desktop today');
    await shot(page, 'today-ja-light-desktop');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
