// The app as a family uses it, in Chromium, against the built UI and the mock backend.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, TODAY, axe, go, launch, openApp, pageText, startServer } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const shift = (days) => {
  const d = new Date(`${TODAY}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe('built HTML', () => {
  it('has no inline scripts, inline handlers or remote resources', async () => {
    const html = await readFile(join(DIST, 'index.html'), 'utf8');
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i);
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
    assert.doesNotMatch(html, /(src|href)=["']?(https?:)?\/\//i);
  });
});

describe('first launch', () => {
  it('registers by due date after an impossible date, then sets up notifications', async () => {
    const { page, problems } = await openApp(browser.context, server.url, { seed: 'empty' });
    assert.match(page.url(), /#\/welcome$/);
    assert.equal(await page.locator('.badge--sample').first().textContent(), 'サンプルの町');
    assert.match(await pageText(page), /アカウントはいりません/);
    assert.equal(await page.locator('nav').count(), 0, 'no tab bar before registration');

    await page.getByLabel('出産予定日').fill(shift(400));
    await page.getByLabel('呼び名(なくてもかまいません)').fill('ひなた');
    await page.getByRole('button', { name: '登録する' }).click();
    const error = page.locator('#welcome-error');
    await error.waitFor();
    assert.match(await error.textContent(), /40週より先/);
    assert.equal(await page.getByLabel('出産予定日').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('出産予定日').getAttribute('aria-describedby'), 'welcome-due-hint welcome-error');

    await page.getByLabel('出産予定日').fill(shift(140));
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByRole('heading', { name: '毎日のお知らせ' }).waitFor();
    await page.getByRole('button', { name: '通知を許可する' }).click();
    await page.getByText('通知は許可されています。').first().waitFor();
    assert.equal(await page.getByLabel('お知らせの時刻').inputValue(), '08:00');
    await page.getByLabel('お知らせの時刻').fill('07:30');
    await page.getByRole('button', { name: 'はじめる' }).click();

    await page.getByRole('heading', { level: 1, name: '今日' }).waitFor();
    const card = page.locator('.today-card', { hasText: 'ひなた' });
    assert.match(await card.locator('.stage').textContent(), /妊娠20週0日/);
    assert.equal(await card.locator('article.message h3').count(), 1);
    assert.equal(await page.evaluate(() => window.__TSUNAGU_MOCK__.backend.invoke('get_settings').then((s) => s.deliveryTime)), '07:30');
    assert.deepEqual(problems, []);
    await page.close();
  });
});

/** The URLs the mock's open_link was asked to open. */
const opened = (page) => page.evaluate(() => [...window.__TSUNAGU_MOCK__.backend.openedLinks]);

/** Fails the test if anything opens a new window or the app's page moves. */
function watchNavigation(page) {
  const start = page.url();
  const popups = [];
  page.on('popup', (p) => popups.push(p.url()));
  return () => {
    assert.deepEqual(popups, [], 'no new window');
    assert.equal(page.url().split('#')[0], start.split('#')[0], 'the app page stays');
  };
}

describe('data that cannot be opened', () => {
  it('says why, keeps the old file aside on request and starts afresh', async () => {
    const { page, problems } = await openApp(browser.context, server.url, { unreadable: 'database-corrupt' });
    await page.getByRole('heading', { level: 1, name: 'アプリのデータを読み込めませんでした。' }).waitFor();
    assert.match(await pageText(page), /tsunagu\.db を読めません。ファイルは消さずにそのまま残しています。/);
    assert.deepEqual(await axe(page), []);
    const start = page.getByRole('button', { name: '古いデータを残して、新しく始める' });
    await start.click();
    // Asked once more, plainly, before anything moves.
    await page.getByText(/新しいデータには入りません/).waitFor();
    await page.getByRole('button', { name: 'やめておく' }).click();
    await start.click();
    await start.click();
    const kept = page.getByRole('status').filter({ hasText: 'に残しました' });
    await kept.waitFor();
    assert.match(await kept.textContent(), /tsunagu\.unreadable-20270113-\d{6}\.db/);
    await page.getByRole('button', { name: 'アプリを再起動する' }).click();
    await page.waitForFunction(() => location.hash === '#/welcome');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('suggests updating first when the data is from a newer version', async () => {
    const { page, problems } = await openApp(browser.context, server.url, { unreadable: 'database-too-new', phone: true });
    await page.getByRole('heading', { level: 1, name: 'アプリのデータを読み込めませんでした。' }).waitFor();
    const text = await pageText(page);
    assert.match(text, /新しいバージョンのアプリで作られています/);
    assert.match(text, /アプリを最新版に更新すれば、このデータをそのまま使えます。/);
    // On a phone the app cannot relaunch itself: the reader is asked to reopen it.
    const start = page.getByRole('button', { name: '古いデータを残して、新しく始める' });
    await start.click();
    await start.click();
    await page.getByRole('button', { name: 'アプリを再起動する' }).click();
    await page.getByText('アプリを一度閉じて、もう一度開いてください。').waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe("the town's information", () => {
  it("shows the town's overlay on Today, and opens its link outside the app", async () => {
    const { page, problems } = await openApp(browser.context, server.url, { seed: 'family' });
    const stayed = watchNavigation(page);
    await page.evaluate(async (birthDate) => {
      await window.__TSUNAGU_MOCK__.backend.invoke('add_child', { nickname: 'ゆい', birthDate });
      window.__TSUNAGU_MOCK__.emit('data-changed', null);
    }, shift(-14));
    const card = page.locator('.today-card', { hasText: 'ゆい' });
    const notices = card.getByRole('region', { name: '町からのお知らせ' });
    await notices.getByRole('heading', { name: '赤ちゃん訪問のご連絡(サンプル)' }).waitFor();
    // Below the day's message, and only for the child whose day it is.
    const [message, notice] = await Promise.all([card.locator('article.message').boundingBox(), notices.boundingBox()]);
    assert.ok(notice.y > message.y);
    assert.equal(await page.locator('.today-card', { hasText: 'こはる' }).locator('.notices').count(), 0);

    await notices.getByRole('link', { name: '0000-00-0000' }).click();
    await page.waitForFunction(() => window.__TSUNAGU_MOCK__.backend.openedLinks.length === 1);
    assert.deepEqual(await opened(page), ['tel:0000-00-0000']);
    assert.equal(await page.evaluate(() => location.hash), '');
    stayed();

    await notices.getByRole('link', { name: '町のお知らせをすべて見る' }).click();
    await page.getByRole('heading', { level: 1, name: '町のお知らせ' }).waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('lists events, refreshes, says when it fails, and never leaves the app for a link', async () => {
    const { page, problems } = await openApp(browser.context, server.url, { seed: 'family' });
    const stayed = watchNavigation(page);
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '町から' }).click();
    await page.getByRole('heading', { level: 1, name: '町のお知らせ' }).waitFor();
    await page.getByText('町の情報の更新: 2027年1月4日(月) 09:00').waitFor();
    const events = page.locator('article.event');
    assert.deepEqual(await events.locator('h3').allTextContents(), ['両親学級(サンプル)', '子育て支援センターのオープンデー(サンプル)']);
    const first = await events.first().innerText();
    assert.match(first, /日時\s+2027年1月23日\(土\) 10:00–12:00/);
    assert.match(first, /場所\s+つなぐ町保健センター 2階 研修室/);
    assert.match(first, /沐浴の練習/);

    // Refresh: busy while checking, then the result is announced.
    const button = page.getByRole('button', { name: '最新の情報を確かめる' });
    await button.click();
    const live = page.locator('.town-result[aria-live=polite]');
    await live.getByText('町の情報を新しくしました。').waitFor();
    await page.getByText('町の情報の更新: 2027年1月13日(水) 09:00').waitFor();
    assert.equal(await page.locator('.town-status').getAttribute('aria-busy'), 'false');
    await button.click();
    await live.getByText('町の情報は最新です。').waitFor();

    // No connection: a plain message, and what the app had stays.
    await page.evaluate(() => (window.__TSUNAGU_MOCK__.backend.syncFails = true));
    await button.click();
    await live.getByText(/町の情報を更新できませんでした。/).waitFor();
    assert.equal(await events.count(), 2);

    // Links: the event's button and a link in its body go to the system browser.
    await events.first().getByRole('button', { name: /詳しく見る/ }).click();
    await events.first().getByRole('link', { name: '0000-00-0000' }).click();
    await page.waitForFunction(() => window.__TSUNAGU_MOCK__.backend.openedLinks.length === 2);
    assert.deepEqual(await opened(page), ['https://example.jp/tsunagu-demo/parents-class', 'tel:0000-00-0000']);
    // A link the shell refuses: its message is shown, and nothing navigates.
    await page.evaluate(() => {
      const p = document.querySelector('article.event .prose p');
      const a = document.createElement('a');
      a.href = 'http://example.jp/plain';
      a.textContent = 'plain http';
      p.append(a);
    });
    await page.getByRole('link', { name: 'plain http' }).click();
    const refusal = page.locator('#link-error');
    await refusal.waitFor();
    assert.match(await refusal.textContent(), /http:\/\/example\.jp\/plain.*開けません/);
    await page.getByRole('button', { name: '閉じる' }).click();
    await refusal.waitFor({ state: 'detached' });
    assert.equal(await opened(page).then((l) => l.length), 2);
    assert.match(page.url(), /#\/town$/);
    stayed();

    // data-changed (midnight): the screen asks for the town's events again.
    const asked = () => page.evaluate(() => window.__TSUNAGU_MOCK__.backend.calls.filter((c) => c === 'town_events').length);
    const before = await asked();
    await page.evaluate((date) => window.__TSUNAGU_MOCK__.setToday(date), shift(1));
    await page.waitForFunction((n) => window.__TSUNAGU_MOCK__.backend.calls.filter((c) => c === 'town_events').length > n, before);
    assert.equal(await events.count(), 2);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('in English: an expired feed and a failed check in plain words', async () => {
    const { page, problems } = await openApp(browser.context, server.url, {
      seed: 'family',
      lang: 'en',
      townFeed: 'expired',
      lastCheckFailed: true,
      syncFails: true,
    });
    await go(page, '#/town');
    await page.getByRole('heading', { level: 1, name: 'Town notices' }).waitFor();
    const text = await pageText(page);
    assert.match(text, /Town information updated: Mon 4 Jan 2027 09:00/);
    assert.match(text, /past its expiry date/);
    assert.match(text, /could not be updated/);
    assert.match(text, /Class for parents-to-be \(sample\)/);
    assert.doesNotMatch(text, /町|日時/);
    const button = page.getByRole('button', { name: 'Check for updates' });
    await button.click();
    const live = page.locator('.town-result');
    await live.getByText(/could not be updated/).waitFor();
    // The standing message gives way to the announced one: said once, not twice.
    assert.equal(await page.getByText(/could not be updated/).count(), 1);
    await page.evaluate(() => (window.__TSUNAGU_MOCK__.backend.syncFails = false));
    await button.click();
    await live.getByText("The town's information has been updated.").waitFor();
    assert.doesNotMatch(await pageText(page), /past its expiry date|could not be updated/);
    assert.deepEqual(problems, []);
    await page.close();
  });
  it('checks for updates when the reader pulls the page down on a touch screen', async () => {
    const { page, problems } = await openApp(browser.context, server.url, { seed: 'family' });
    await go(page, '#/town');
    await page.getByText('町の情報の更新: 2027年1月4日(月) 09:00').waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const drag = async (pixels) => {
      const at = (y) => [{ x: 200, y, id: 1 }];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(150) });
      for (let y = 150; y <= 150 + pixels; y += 10) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(y) });
      }
      return async () => cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    // A short pull is a scroll, not a request.
    await (await drag(30))();
    assert.equal(await page.locator('.town-result p').count(), 0);
    // A long one says to let go, and letting go checks.
    const release = await drag(120);
    await page.getByText('指をはなすと確かめます').waitFor();
    await release();
    await page.locator('.town-result').getByText('町の情報を新しくしました。').waitFor();
    await page.getByText('町の情報の更新: 2027年1月13日(水) 09:00').waitFor();
    assert.equal(await page.getByText('指をはなすと確かめます').isVisible(), false);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('a family already registered', () => {
  it('reaches every screen from the tab bar', async () => {
    const { page, problems } = await openApp(browser.context, server.url, { seed: 'family' });
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    for (const [tab, heading] of [
      ['これまで', 'これまでのメッセージ'],
      ['町から', '町のお知らせ'],
      ['子ども', '子ども'],
      ['設定', '設定'],
      ['今日', '今日'],
    ]) {
      await nav.getByRole('link', { name: tab }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      assert.equal(await nav.getByRole('link', { name: tab }).getAttribute('aria-current'), 'page');
      // Focus moves to the new page's heading.
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    }
    const text = await pageText(page);
    assert.match(text, /妊娠24週2日/);
    assert.match(text, /1歳4か月\(修正1歳3か月\)/);
    assert.match(text, /まだ読んでいないメッセージが\d+通あります/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('opens, bookmarks and filters messages in the archive', async () => {
    const { page, problems } = await openApp(browser.context, server.url, { seed: 'family' });
    await page.getByRole('link', { name: /まだ読んでいないメッセージが/ }).click();
    await page.getByRole('heading', { level: 1, name: 'これまでのメッセージ' }).waitFor();
    assert.equal(await page.getByLabel('未読だけ').isChecked(), true);
    const unreadBefore = await page.locator('.entry').count();
    assert.ok(unreadBefore > 0);
    await page.locator('.entry__link').first().click();
    await page.locator('#message-title').waitFor();
    const title = await page.locator('#message-title').textContent();
    const bookmark = page.getByRole('button', { name: 'ブックマーク' });
    assert.equal(await bookmark.getAttribute('aria-pressed'), 'false');
    await bookmark.click();
    await page.waitForFunction(() => document.querySelector('.bookmark')?.getAttribute('aria-pressed') === 'true');
    await page.getByRole('link', { name: '一覧にもどる' }).click();
    await page.getByRole('heading', { level: 1, name: 'これまでのメッセージ' }).waitFor();
    await page.getByLabel('未読だけ').uncheck();
    await page.getByLabel('ブックマークだけ').check();
    await page.locator('.entry__title', { hasText: title }).first().waitFor();
    // Entries before registration are marked as such.
    await page.getByLabel('ブックマークだけ').uncheck();
    await page.getByLabel('子ども').selectOption({ label: 'そうた' });
    await page.getByRole('button', { name: 'さらに表示' }).click();
    await page.getByRole('button', { name: 'さらに表示' }).click();
    await page.getByRole('button', { name: 'さらに表示' }).click();
    await page.getByRole('button', { name: 'さらに表示' }).click();
    assert.ok((await page.locator('.badge--earlier').count()) > 0);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("keeps the town's overlays in the archive on their days, found by search and readable in place", async () => {
    const { page, problems } = await openApp(browser.context, server.url, { seed: 'family' });
    await go(page, '#/archive');
    await page.getByLabel('メッセージを検索').fill('バースデーカード');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    const item = page.locator('.entry--town', { hasText: '町長からのバースデーカード(サンプル)' });
    await item.waitFor();
    assert.match(await item.locator('.entry__meta').innerText(), /町から[\s\S]*そうた/);
    assert.equal(await item.locator('.entry__body').isVisible(), false);
    await item.locator('summary').click();
    await item.locator('.entry__body').waitFor();
    assert.match(await item.locator('.entry__body').innerText(), /1歳のお誕生日、おめでとうございます/);
    // The town's items carry no read marks: the unread view leaves them out.
    await page.getByLabel('未読だけ').check();
    await page.waitForFunction(() => document.querySelectorAll('.entry--town').length === 0);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('finds 貧血 and 離乳食 by search', async () => {
    const { page, problems } = await openApp(browser.context, server.url, { seed: 'family' });
    await go(page, '#/archive');
    for (const word of ['貧血', '離乳食']) {
      await page.getByLabel('メッセージを検索').fill(word);
      await page.getByRole('button', { name: '検索', exact: true }).click();
      const status = page.getByRole('status').filter({ hasText: `「${word}」の検索結果` });
      await status.waitFor();
      const count = Number((await status.textContent()).match(/(\d+)件/)[1]);
      assert.ok(count > 0, `${word}: ${count}`);
      await page.locator('.entry__link').first().click();
      await page.locator('#message-title').waitFor();
      assert.match(await page.locator('main .prose').innerText(), new RegExp(word));
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: 'これまでのメッセージ' }).waitFor();
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('records a birth and switches to baby messages', async () => {
    const { page, problems } = await openApp(browser.context, server.url, { seed: 'family' });
    await go(page, '#/children');
    await page.getByRole('link', { name: '赤ちゃんが生まれました' }).click();
    await page.getByRole('heading', { level: 1, name: '誕生日を記録する' }).waitFor();
    await page.getByLabel('誕生日').fill(shift(1));
    await page.getByRole('button', { name: '記録する' }).click();
    await page.locator('#born-error').waitFor();
    assert.match(await page.locator('#born-error').textContent(), /まだ来ていない日付/);
    await page.getByLabel('誕生日').fill(shift(-1));
    await page.getByRole('button', { name: '記録する' }).click();
    await page.getByRole('heading', { level: 1, name: 'おめでとうございます' }).waitFor();
    await page.getByRole('link', { name: '今日のメッセージを見る' }).click();
    const card = page.locator('.today-card', { hasText: 'こはる' });
    await card.waitFor();
    assert.match(await card.locator('.stage').textContent(), /生後1日\(修正\d+週\d日\)/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('stops messages after a loss: support contacts, and never a congratulation', async () => {
    const { page, problems } = await openApp(browser.context, server.url, { seed: 'family' });
    await go(page, '#/children');
    const card = page.locator('.child-card', { hasText: 'こはる' });
    await card.getByRole('link', { name: 'メッセージを止める' }).click();
    await page.getByRole('heading', { level: 1, name: 'メッセージを止める' }).waitFor();
    await page.getByLabel('妊娠中に、赤ちゃんとお別れした').check();
    await page.getByRole('button', { name: '次へ' }).click();
    await page.getByRole('heading', { level: 1, name: '止める前に' }).waitFor();
    assert.match(await pageText(page), /すべてすぐに止まり、予定していた通知も取り消されます/);
    await page.getByRole('button', { name: '止める', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'メッセージを止めました' }).waitFor();
    await page.getByRole('heading', { name: '相談できるところ' }).waitFor();
    const link = page.getByRole('link', { name: /#8000/ });
    assert.equal(await link.getAttribute('href'), 'tel:%238000');
    const celebratory = /おめでとう|お祝い|congratulat|celebrat/i;
    assert.doesNotMatch(await pageText(page), celebratory);

    for (const hash of ['#/today', '#/children', '#/archive']) {
      await go(page, hash);
      if (hash === '#/archive') {
        // The archive keeps what こはる had (her brother's first birthday is his, not hers).
        await page.getByLabel('子ども').selectOption({ label: 'こはる' });
        await page.waitForFunction(() => [...document.querySelectorAll('.entry__meta')].every((m) => m.textContent.includes('こはる')));
      }
      const text = await pageText(page);
      assert.doesNotMatch(text, celebratory, hash);
      if (hash === '#/today') assert.doesNotMatch(text, /こはる/);
    }
    const ended = await page.evaluate(() => window.__TSUNAGU_MOCK__.backend.invoke('list_children'));
    assert.equal(ended[0].status, 'ended');
    assert.equal(ended[0].endedReason, 'pregnancy-loss');

    // Resuming is the family's own, explicit choice.
    await go(page, '#/children');
    await page.getByRole('button', { name: 'メッセージを再開する' }).click();
    await page.getByRole('heading', { name: 'メッセージを再開しますか' }).waitFor();
    await page.getByRole('button', { name: '再開する' }).click();
    await page.locator('.child-card', { hasText: 'こはる' }).getByText('妊娠中').waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('switches language from Japanese to English at once', async () => {
    const { page, problems } = await openApp(browser.context, server.url, { seed: 'family' });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
    await go(page, '#/settings');
    await page.getByLabel('English').check();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.getByLabel('English').isChecked(), true);
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Today' }).click();
    await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
    const text = await pageText(page);
    assert.match(text, /24 weeks 2 days pregnant/);
    assert.match(text, /Tsunagu Town \(sample\)/);
    assert.doesNotMatch(text, /今日|設定|妊娠/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('makes text larger across the UI', async () => {
    const { page, problems } = await openApp(browser.context, server.url, { seed: 'family' });
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('main p')).fontSize));
    const tab = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('nav a span')).fontSize));
    await go(page, '#/settings');
    const [p0, t0] = [await size(), await tab()];
    await page.getByLabel('特大').check();
    await page.waitForFunction(() => document.documentElement.dataset.textSize === 'larger');
    const [p1, t1] = [await size(), await tab()];
    assert.ok(p1 >= p0 * 1.25, `body text ${p0} -> ${p1}`);
    assert.ok(t1 >= t0 * 1.25, `tab bar ${t0} -> ${t1}`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
    assert.ok(wide, 'no sideways scrolling at the largest size');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('answers open-day by showing that day, and data-changed by reloading', async () => {
    const { page, problems } = await openApp(browser.context, server.url, { seed: 'family' });
    await go(page, '#/settings');
    await page.evaluate((date) => window.__TSUNAGU_MOCK__.emit('open-day', { date, childId: 1 }), shift(-3));
    await page.locator('#message-title').waitFor();
    assert.match(await page.locator('.message__meta').textContent(), /こはる/);
    await page.evaluate((date) => window.__TSUNAGU_MOCK__.emit('open-day', { date }), TODAY);
    await page.getByRole('heading', { level: 1, name: '今日' }).waitFor();
    // Midnight passes: the shell says data changed, and Today moves on.
    await page.evaluate((date) => window.__TSUNAGU_MOCK__.setToday(date), shift(1));
    await page.locator('.stage', { hasText: '妊娠24週3日' }).waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('switches to dark and back, and exports a download', async () => {
    const { page, problems } = await openApp(browser.context, server.url, { seed: 'family' });
    await go(page, '#/settings');
    await page.getByLabel('ダーク').check();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(21, 26, 25)');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'データを書き出す' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^tsunagu-\d{4}-\d{2}-\d{2}\.json$/);
    const json = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(json.children.length, 2);

    // Import asks first, then replaces this device's data.
    json.children = json.children.slice(1);
    json.archive = json.archive.filter((a) => a.childId === 2);
    await page.getByLabel('読み込むファイルを選ぶ').setInputFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(json)),
    });
    await page.getByText('「backup.json」の内容で').waitFor();
    await page.getByRole('button', { name: '置きかえる' }).click();
    await page.getByText('読み込みました。').waitFor();
    await go(page, '#/children');
    assert.equal(await page.locator('.child-card').count(), 1);
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe('check-ups and shots', () => {
  const card = (page, id) => page.locator(`li.visit[aria-labelledby="visit-${id.replaceAll('/', '-')}"]`);

  it('lists the windows, records a dose and the next one moves, then exports the calendar', async () => {
    const { page, problems } = await openApp(browser.context, server.url, { seed: 'family' });
    await go(page, '#/children');
    await page.locator('li.child-card', { hasText: 'そうた' }).getByRole('link', { name: '健診と予防接種' }).click();
    await page.getByRole('heading', { level: 1, name: '健診と予防接種' }).waitFor();
    assert.match(await page.locator('.clinic-decides').innerText(), /医療機関が決めます/);
    const due = page.locator('section.schedule-group--due-now');
    assert.match(await due.innerText(), /MR\(麻しん風しん\)\s+標準的な時期: 2026年8月25日\(火\) – 2027年8月25日\(水\)/);
    const second = card(page, 'dose/varicella/2');
    assert.match(await second.innerText(), /標準的な時期: 2027年7月14日\(水\) – 2028年1月13日\(木\)/);
    assert.equal(await second.getByRole('button').count(), 0, 'dose 1 first');

    // A day to come is refused in the form; the dose a week ago is recorded.
    await card(page, 'dose/varicella/1').getByRole('button', { name: '水痘 1回目 を記録する' }).click();
    const field = page.locator('#schedule-date-dose-varicella-1');
    assert.equal(await field.inputValue(), TODAY);
    await field.fill(shift(1));
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('まだ来ていない日付です。').waitFor();
    await field.fill('2027-01-06');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').getByText('水痘 1回目 を記録しました。').waitFor();
    const done = page.locator('section.schedule-group--done');
    assert.match(await done.innerText(), /水痘 1回目[\s\S]*記録: 2027年1月6日\(水\)/);
    assert.match(await second.innerText(), /標準的な時期: 2027年7月7日\(水\) – 2028年1月6日\(木\)/);
    assert.equal(await second.getByRole('button', { name: '水痘 2回目 を記録する' }).count(), 1);

    // The calendar file, handed over as a download.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'カレンダーに追加' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /\.ics$/);
    const ics = await readFile(await download.path(), 'utf8');
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.match(ics, /\r\nUID:child-2-dose-varicella-2@tsunagu\r\n/);
    assert.match(ics.replaceAll('\r\n ', ''), /DTSTART;VALUE=DATE:20270707/);

    // Undone: the next dose goes back to where it was.
    await card(page, 'dose/varicella/1').getByRole('button', { name: 'この記録を消す' }).click();
    await page.getByRole('status').getByText('水痘 1回目 の記録を消しました。').waitFor();
    assert.match(await second.innerText(), /2027年7月14日\(水\)/);
    assert.match(await page.locator('.clinic-decides').innerText(), /医療機関が決めます/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('in English: lists the windows and records a dose', async () => {
    const { page, problems } = await openApp(browser.context, server.url, { seed: 'family', lang: 'en' });
    await go(page, '#/children/2/schedule');
    await page.getByRole('heading', { level: 1, name: 'Check-ups and shots' }).waitFor();
    assert.match(await page.locator('.clinic-decides').innerText(), /Your clinic decides/);
    assert.match(await card(page, 'dose/varicella/2').innerText(), /Recommended: Wed 14 Jul 2027 – Thu 13 Jan 2028/);
    await card(page, 'dose/varicella/1').getByRole('button', { name: 'Record chickenpox (varicella), dose 1' }).click();
    await page.locator('#schedule-date-dose-varicella-1').fill('2027-01-06');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Recorded chickenpox (varicella), dose 1.').waitFor();
    assert.match(await card(page, 'dose/varicella/2').innerText(), /Recommended: Wed 7 Jul 2027 – Thu 6 Jan 2028/);
    assert.match(await card(page, 'dose/varicella/1').innerText(), /Recorded: Wed 6 Jan 2027/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('Today mentions a window that opens and links to the screen', async () => {
    const { page, problems } = await openApp(browser.context, server.url, { seed: 'empty', lang: 'en' });
    await page.evaluate(async () => {
      await window.__TSUNAGU_MOCK__.backend.invoke('add_child', { nickname: 'Hana', dueDate: '2027-06-02' });
      window.__TSUNAGU_MOCK__.emit('data-changed', null);
    });
    await go(page, '#/today');
    const mention = page.locator('section.gentle', { hasText: 'Check-ups and shots' });
    await mention.getByText('The recommended period for prenatal check-up starts today').waitFor();
    await mention.getByRole('link', { name: 'Check-ups and shots' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check-ups and shots' }).waitFor();
    await page.locator('.clinic-decides').waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });
});
