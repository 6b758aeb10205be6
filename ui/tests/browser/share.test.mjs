// Issue #12 in Chromium against the mock backend (answering as the real app answered, recorded
// by src-tauri/tests/mock_fixtures.rs): sharing a child, adding it on a grandparent's first
// launch from a good and a damaged code, and the town's survey card; in Japanese and English,
// axe clean throughout.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCREENSHOTS, UI, axe, go, launch, openApp, pageText, startServer } from './harness.mjs';

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

async function check(page, label) {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `${label}: ${JSON.stringify(violations, null, 2)}`);
}

const WORDS = {
  ja: {
    share: '家族と共有',
    withNickname: 'ニックネームを含める',
    holdsNickname: 'ニックネーム: こはる',
    noNickname: 'ニックネームは含みません',
    addShared: '共有されたお子さんを追加',
    codeLabel: '共有コード',
    add: '追加する',
    added: '追加しました',
    damaged: '何も変更していません',
    otherTown: 'ほかの町',
    badge: '共有',
    answer: 'アンケートに答える',
    dismiss: '今は答えない(閉じる)',
    survey: '子育てについてのアンケート',
  },
  en: {
    share: 'Share with family',
    withNickname: 'Include the nickname',
    holdsNickname: 'The nickname: こはる',
    noNickname: 'No nickname',
    addShared: 'Add a shared child',
    codeLabel: 'Share code',
    add: 'Add',
    added: 'Added',
    damaged: 'Nothing has been changed',
    otherTown: "another town's app",
    badge: 'Shared',
    answer: 'Answer the survey',
    dismiss: 'Not now, hide this',
    survey: 'Survey on raising children',
  },
};

/** The code the seeded こはる's share screen shows (read off the page, as a reader would). */
async function shownCode(page) {
  const groups = await page.locator('.share__code span').allTextContents();
  return groups.join('-');
}

for (const lang of ['ja', 'en']) {
  const w = WORDS[lang];

  describe(`sharing a child, ${lang}`, () => {
    it('shows a QR image and the code, with or without the nickname', async () => {
      const { page, problems } = await openApp(browser.context, server.url, { seed: 'family', lang });
      await go(page, '#/children');
      await page.getByRole('link', { name: w.share }).first().click();
      await page.getByRole('heading', { level: 1, name: w.share }).waitFor();
      const img = page.locator('img.share__qr');
      await img.waitFor();
      assert.match(await img.getAttribute('src'), /^data:image\/svg\+xml/);
      // The picture really draws (the CSP lets data: images through, and the SVG is sound).
      await page.waitForFunction(() => {
        const i = document.querySelector('img.share__qr');
        return i instanceof HTMLImageElement && i.complete && i.naturalWidth > 0;
      });
      const code = await shownCode(page);
      assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/);
      assert.match(await pageText(page), new RegExp(w.holdsNickname));
      await check(page, `${lang} share`);
      await page.screenshot({ path: join(SCREENSHOTS, `share-${lang}.png`) });

      await page.getByLabel(w.withNickname).uncheck();
      await page.waitForFunction((before) => {
        const groups = [...document.querySelectorAll('.share__code span')].map((s) => s.textContent);
        return groups.join('-') !== before;
      }, code);
      const bare = await shownCode(page);
      assert.ok(bare.length < code.length, `${bare} is shorter than ${code}`);
      assert.match(await pageText(page), new RegExp(w.noNickname));
      await check(page, `${lang} share without nickname`);
      assert.deepEqual(problems, []);
      await page.close();
    });

    it("adds the child on a grandparent's first launch, after a damaged code is refused", async () => {
      // The code as the first phone shows it.
      const first = await openApp(browser.context, server.url, { seed: 'family', lang });
      await go(first.page, '#/children/1/share');
      await first.page.locator('.share__code span').first().waitFor();
      const code = await shownCode(first.page);
      await first.page.close();

      const { page, problems } = await openApp(browser.context, server.url, { seed: 'empty', lang });
      assert.match(page.url(), /#\/welcome$/);
      await page.getByRole('link', { name: w.addShared }).click();
      await page.getByRole('heading', { level: 1, name: w.addShared }).waitFor();
      assert.equal(await page.locator('nav').count(), 0, 'no tab bar before the first child');
      assert.equal(await page.getByRole('button', { name: lang === 'ja' ? 'QRコードを読み取る' : 'Scan the QR code' }).count(), 0, 'no camera on desktop');
      await check(page, `${lang} add shared`);

      // One character changed (the recorded damaged code): refused, nothing added.
      const damaged = code.slice(0, 6) + (code[6] === '7' ? '8' : '7') + code.slice(7);
      await page.getByLabel(w.codeLabel).fill(damaged);
      await page.getByRole('button', { name: w.add, exact: true }).click();
      await page.locator('#shared-error').waitFor();
      assert.match(await page.locator('#shared-error').textContent(), new RegExp(w.damaged));
      assert.equal(await page.getByLabel(w.codeLabel).getAttribute('aria-invalid'), 'true');
      await check(page, `${lang} add shared damaged`);
      const none = await page.evaluate(() => window.__TSUNAGU_MOCK__.backend.invoke('list_children'));
      assert.deepEqual(none, []);

      // Typed in small letters with spaces: added, marked shared.
      await page.getByLabel(w.codeLabel).fill(code.toLowerCase().replaceAll('-', ' '));
      await page.getByRole('button', { name: w.add, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: w.added }).waitFor();
      assert.match(await pageText(page), /こはる/);
      await check(page, `${lang} add shared done`);
      await page.screenshot({ path: join(SCREENSHOTS, `add-shared-${lang}.png`) });
      await go(page, '#/children');
      assert.equal(await page.locator('.badge--shared').textContent(), w.badge);
      await check(page, `${lang} children with a shared child`);
      await go(page, '#/today');
      assert.match(await pageText(page), /こはる/);
      assert.deepEqual(problems, []);
      await page.close();
    });

    it('refuses a code from another town', async () => {
      const { page, problems } = await openApp(browser.context, server.url, { seed: 'family', lang });
      const fixtures = JSON.parse(await readFile(join(UI, 'src/backend/mock/fixtures.json'), 'utf8'));
      const refusals = Object.keys(fixtures.shares.refusals);
      await go(page, '#/children/add-shared');
      let seen = 0;
      for (const bad of refusals) {
        await page.getByLabel(w.codeLabel).fill(bad);
        await page.getByRole('button', { name: w.add, exact: true }).click();
        await page.waitForFunction(() => document.querySelector('#shared-error'));
        if ((await page.locator('#shared-error').textContent()).includes(w.otherTown)) seen += 1;
      }
      assert.equal(seen, 1);
      assert.deepEqual(problems, []);
      await page.close();
    });
  });

  describe(`the town's survey, ${lang}`, () => {
    for (const how of ['answer', 'dismiss']) {
      it(`shows once on Today and goes on ${how}`, async () => {
        const { page, problems } = await openApp(browser.context, server.url, { seed: 'family', lang, today: '2027-01-15' });
        await go(page, '#/today');
        const card = page.locator('section.survey');
        await card.waitFor();
        assert.equal(await card.count(), 1, 'one card for the family, not one a child');
        assert.match(await card.textContent(), new RegExp(w.survey));
        await check(page, `${lang} survey`);
        if (how === 'answer') await page.screenshot({ path: join(SCREENSHOTS, `survey-${lang}.png`) });
        await page.getByRole('button', { name: how === 'answer' ? w.answer : w.dismiss }).click();
        await card.waitFor({ state: 'detached' });
        const opened = await page.evaluate(() => window.__TSUNAGU_MOCK__.backend.openedLinks);
        assert.deepEqual(opened, how === 'answer' ? ['https://example.jp/tsunagu-demo/survey-2027'] : []);
        // Gone for good: Today again has no card.
        await go(page, '#/archive');
        await go(page, '#/today');
        await page.locator('.today-card').first().waitFor();
        assert.equal(await page.locator('section.survey').count(), 0);
        assert.deepEqual(problems, []);
        await page.close();
      });
    }

    it('is not shown before it opens', async () => {
      const { page, problems } = await openApp(browser.context, server.url, { seed: 'family', lang });
      await go(page, '#/today');
      await page.locator('.today-card').first().waitFor();
      assert.equal(await page.locator('section.survey').count(), 0);
      assert.deepEqual(problems, []);
      await page.close();
    });
  });
}
