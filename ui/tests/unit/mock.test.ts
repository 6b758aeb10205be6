// The mock backend: plausible behaviour of every command, computed from the dates (CADENCE.md).
import { describe, expect, it } from 'vitest';
import { BackendError, createApi } from '../../src/backend/ipc';
import { MockBackend, type MockConfig } from '../../src/backend/mock/backend';
import { addMonths, birthday, formatDay, parseDate } from '../../src/backend/mock/dates';
import type { ArchiveItem } from '../../src/backend/types';

const TODAY = '2026-11-25';

function setup(config: MockConfig = {}) {
  const backend = new MockBackend({ today: TODAY, ...config });
  return { backend, api: createApi((cmd, args) => backend.invoke(cmd, args)) };
}

const shift = (date: string, days: number) => formatDay(parseDate(date)! + days);

/** The catalogue's messages of an archive list, without the town's items. */
const messages = (list: ArchiveItem[]) => list.flatMap((e) => (e.kind === 'message' ? [e] : []));

async function rejection(p: Promise<unknown>): Promise<BackendError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(BackendError);
    return e as BackendError;
  }
  throw new Error('expected a rejection');
}

describe('dates', () => {
  it('adds months with month-end clamping and the 29 February birthday rule', () => {
    expect(formatDay(addMonths(parseDate('2027-01-31')!, 1))).toBe('2027-02-28');
    expect(formatDay(birthday(parseDate('2028-02-29')!, 1))).toBe('2029-02-28');
    expect(formatDay(birthday(parseDate('2028-02-29')!, 4))).toBe('2032-02-29');
  });
  it('rejects dates that do not exist', () => {
    expect(parseDate('2027-02-30')).toBeNull();
    expect(parseDate('27-2-3')).toBeNull();
  });
});

describe('registration', () => {
  it('computes the pregnancy stage from the due date', async () => {
    const { api } = setup();
    const child = await api.addChild({ nickname: 'そら', dueDate: shift(TODAY, 280 - 87) });
    expect(child).toMatchObject({ status: 'expecting', stage: '妊娠12週3日', preterm: false });
  });

  it('rejects a due date more than 40 weeks away, with a localised message', async () => {
    const { api } = setup();
    const far = shift(TODAY, 300);
    const e = await rejection(api.addChild({ nickname: '', dueDate: far }));
    expect(e.code).toBe('due-date-too-far');
    expect(e.message).toContain(far);
    expect(e.message).toContain('40週');
    await api.setSetting('locale', 'en');
    const en = await rejection(api.addChild({ nickname: '', dueDate: far }));
    expect(en.message).toMatch(/more than 40 weeks away/);
  });

  it('rejects a birth in the future, and no dates at all', async () => {
    const { api } = setup();
    expect((await rejection(api.addChild({ nickname: '', birthDate: shift(TODAY, 1) }))).code).toBe('birth-in-future');
    expect((await rejection(api.addChild({}))).code).toBe('no-dates');
    expect((await rejection(api.addChild({ nickname: '', dueDate: '2027-02-30' }))).code).toBe('invalid-date');
  });

  it('starts the track on the registration day: earlier slots are readable, never notified', async () => {
    const { api } = setup();
    await api.addChild({ nickname: '', dueDate: shift(TODAY, 280 - 40) });
    const archive = messages(await api.archive());
    // 4w0d (day 28) up to today (day 40): 13 slots, only today's notified.
    expect(archive).toHaveLength(13);
    expect(archive[0]).toMatchObject({ dueOn: TODAY, slot: 'p-05d5', earlier: false });
    expect(archive.slice(1).every((e) => e.earlier)).toBe(true);
    const today = await api.today();
    expect(today.unreadEarlier).toBe(0);
    expect(today.children[0].message?.slot).toBe('p-05d5');
  });
});

describe('birth', () => {
  it('switches to baby messages at once and marks days before the record as earlier', async () => {
    const { api } = setup();
    const child = await api.addChild({ nickname: '', dueDate: shift(TODAY, 5) });
    const born = await api.recordBirth(child.id, shift(TODAY, -2));
    expect(born).toMatchObject({ status: 'born', stage: '生後2日', preterm: false });
    const today = await api.today();
    expect(today.children[0].message?.slot).toBe('b-0002');
    const archive = messages(await api.archive());
    expect(archive.find((e) => e.slot === 'b-0000')?.earlier).toBe(true);
    expect(archive.some((e) => e.slot.startsWith('p-') && e.dueOn >= TODAY)).toBe(false);
    expect((await rejection(api.recordBirth(child.id, TODAY))).code).toBe('already-born');
  });

  it('shows corrected age for a baby born before 37 weeks', async () => {
    const { api } = setup();
    const child = await api.addChild({ nickname: '', birthDate: shift(TODAY, -120), dueDate: shift(TODAY, -120 + 56) });
    expect(child.preterm).toBe(true);
    expect(child.stage).toBe('生後3か月(修正64日)');
  });

  it('rejects a birth before 22 weeks of the recorded pregnancy', async () => {
    const { api } = setup();
    const child = await api.addChild({ nickname: '', dueDate: shift(TODAY, 150) });
    expect((await rejection(api.recordBirth(child.id, TODAY))).code).toBe('birth-before-viable');
  });

  it('asks gently whether the baby has arrived after 41w6d', async () => {
    const { api, backend } = setup();
    const child = await api.addChild({ nickname: '', dueDate: shift(TODAY, -10) });
    backend.today += 5;
    const today = await api.today();
    expect(today.children[0]).toMatchObject({ askIfBorn: true });
    expect(today.children[0].message).toBeUndefined();
    expect(child.id).toBe(1);
  });
});

describe('stopping messages', () => {
  it('stops everything at once, keeps the past readable, and resumes only when asked', async () => {
    const { api } = setup();
    const child = await api.addChild({ nickname: '', dueDate: shift(TODAY, 100) });
    const ended = await api.endChild(child.id, 'pregnancy-loss');
    expect(ended).toMatchObject({ status: 'ended', endedReason: 'pregnancy-loss' });
    expect(ended.stage).toBeUndefined();
    const today = await api.today();
    expect(today.children[0].message).toBeUndefined();
    expect(today.children[0].askIfBorn).toBe(false);
    expect((await api.archive()).some((e) => e.dueOn >= TODAY)).toBe(false);
    expect((await rejection(api.recordBirth(child.id, TODAY))).code).toBe('child-ended');
    const resumed = await api.resumeChild(child.id);
    expect(resumed.status).toBe('expecting');
    expect((await rejection(api.resumeChild(child.id))).code).toBe('child-not-ended');
  });
});

describe('milestones and missing slots', () => {
  it('notes day 100 on the day itself', async () => {
    const { api } = setup();
    await api.addChild({ nickname: '', birthDate: shift(TODAY, -100) });
    const today = await api.today();
    expect(today.children[0].milestone).toContain('生後100日');
  });

  it('reports a slot that is still being written', async () => {
    const { api } = setup();
    // The mock leaves the 2nd year unwritten: the 2nd birthday is y2-00.
    const birth = formatDay(addMonths(parseDate(TODAY)!, -24));
    await api.addChild({ nickname: '', birthDate: birth });
    const today = await api.today();
    expect(today.children[0].missing).toBe('y2-00');
    expect(today.children[0].message).toBeUndefined();
  });
});

describe('archive and search', () => {
  it('lists newest first, filters, bookmarks and marks read', async () => {
    const { api } = setup({ seed: 'family' });
    const all = messages(await api.archive());
    expect(all.length).toBeGreaterThan(100);
    expect(all.every((e, i) => i === 0 || all[i - 1].dueOn >= e.dueOn)).toBe(true);
    const unread = messages(await api.archive({ unreadOnly: true }));
    expect(unread.length).toBeGreaterThan(0);
    expect(unread.every((e) => !e.read)).toBe(true);
    const first = unread[0];
    const opened = await api.openMessage(first.deliveryId);
    expect(opened).toMatchObject({ read: true, deliveryId: first.deliveryId });
    expect(opened.html).toMatch(/^<p>|^<ul>/);
    await api.setBookmark(first.deliveryId, true);
    const marked = messages(await api.archive({ bookmarkedOnly: true }));
    expect(marked.map((e) => e.deliveryId)).toContain(first.deliveryId);
    const one = await api.archive({ childId: 2 });
    expect(one.every((e) => e.childId === 2)).toBe(true);
  });

  it('finds Japanese substrings, and English after a language switch', async () => {
    const { api } = setup({ seed: 'family' });
    expect((await api.search('貧血')).length).toBeGreaterThan(0);
    expect((await api.search('離乳食')).length).toBeGreaterThan(0);
    expect(await api.search('  ')).toEqual([]);
    await api.setSetting('locale', 'en');
    const hits = await api.search('anaemia');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0].title).toMatch(/[A-Za-z]/);
  });

  it("keeps the town's overlays on their days, found by search, never in the unread or bookmark views", async () => {
    const { api } = setup({ seed: 'family' });
    // The toddler was registered a month after birth: its 4-month check-up and first birthday
    // are in the archive, the newborn visit (day 14) is not.
    const town = (await api.archive({ childId: 2 })).filter((e) => e.kind === 'town');
    expect(town.map((e) => e.kind === 'town' && e.key)).toEqual(['birthday-card', 'checkup-4m']);
    expect(town[1]).toMatchObject({ nickname: 'そうた', title: '4か月児健診のご案内(サンプル)' });
    expect(town[1].kind === 'town' && town[1].html).toContain('<strong>4か月児健診</strong>');
    const all = await api.archive();
    expect(all.every((e, i) => i === 0 || all[i - 1].dueOn >= e.dueOn)).toBe(true);
    expect((await api.archive({ unreadOnly: true })).some((e) => e.kind === 'town')).toBe(false);
    expect((await api.archive({ bookmarkedOnly: true })).some((e) => e.kind === 'town')).toBe(false);
    const found = await api.search('バースデーカード');
    expect(found.some((e) => e.kind === 'town' && e.key === 'birthday-card')).toBe(true);
  });
});

describe('settings and data', () => {
  it('validates settings', async () => {
    const { api } = setup();
    expect((await api.setSetting('delivery-time', '07:30')).deliveryTime).toBe('07:30');
    expect((await rejection(api.setSetting('delivery-time', '25:00'))).code).toBe('invalid-setting');
    expect((await rejection(api.setSetting('locale', 'fr'))).code).toBe('unknown-locale');
    expect((await api.setSetting('text-size', 'larger')).textSize).toBe('larger');
    expect(await api.requestNotificationPermission()).toBe(true);
    expect((await api.getSettings()).notificationsAllowed).toBe(true);
  });

  it('exports and imports every child, setting and archive mark', async () => {
    const { api } = setup({ seed: 'family' });
    const [entry] = messages(await api.archive());
    await api.setBookmark(entry.deliveryId, true);
    await api.setSetting('theme', 'dark');
    const data = await api.exportData();
    const other = setup();
    await other.api.importData(data);
    expect(await other.api.listChildren()).toEqual(await api.listChildren());
    expect((await other.api.getSettings()).theme).toBe('dark');
    const bookmarked = messages(await other.api.archive({ bookmarkedOnly: true }));
    expect(bookmarked.map((e) => e.slot)).toContain(entry.slot);
  });

  it('refuses a file that is not an export, and changes nothing', async () => {
    const { api } = setup({ seed: 'family' });
    const e = await rejection(api.importData('{"hello": 1}'));
    expect(e.code).toBe('internal');
    expect(e.message).toContain('読めません');
    expect(await api.listChildren()).toHaveLength(2);
  });

  it('deletes a child and its archive', async () => {
    const { api } = setup({ seed: 'family' });
    await api.deleteChild(1);
    expect((await api.listChildren()).map((c) => c.id)).toEqual([2]);
    expect((await api.archive()).every((e) => e.childId === 2)).toBe(true);
    expect((await rejection(api.deleteChild(1))).code).toBe('unknown-child');
  });

  it('describes the demo town as a sample, in the reader language', async () => {
    const { api } = setup({ lang: 'en' });
    const info = await api.appInfo();
    expect(info.lang).toBe('en');
    expect(info.town.sample).toBe(true);
    expect(info.town.contacts.some((c) => c.phone === '#8000')).toBe(true);
  });
});

describe("the town's feed", () => {
  const titles = async (api: ReturnType<typeof setup>['api']) =>
    (await api.today()).children.flatMap((c) => c.notices.map((n) => n.title));

  it('shows the newborn home visit on day 14 only, and the 4-month check-up on the month day', async () => {
    const { api, backend } = setup();
    await api.addChild({ nickname: '', birthDate: shift(TODAY, -13) });
    expect(await titles(api)).toEqual([]);
    backend.today += 1;
    expect(await titles(api)).toEqual(['赤ちゃん訪問のご連絡(サンプル)']);
    const html = (await api.today()).children[0].notices[0].html;
    expect(html).toMatch(/^<p>/);
    expect(html).toContain('href="https://example.jp/tsunagu-demo/newborn-visit"');
    backend.today += 1;
    expect(await titles(api)).toEqual([]);

    // Born 31 July: 4 months is 30 November (the month's last day).
    const other = setup({ today: '2026-11-30' });
    await other.api.addChild({ nickname: '', birthDate: '2026-07-31' });
    expect(await titles(other.api)).toEqual(['4か月児健診のご案内(サンプル)']);
    await other.api.setSetting('locale', 'en');
    expect(await titles(other.api)).toEqual(['The 4-month check-up (sample)']);
  });

  it('shows pregnancy overlays on their gestational day, and none once messages are stopped', async () => {
    const { api } = setup();
    const child = await api.addChild({ nickname: '', dueDate: shift(TODAY, 280 - 56) });
    expect(await titles(api)).toEqual(['妊娠の届出と母子健康手帳(サンプル)']);
    await api.endChild(child.id, 'pregnancy-loss');
    expect(await titles(api)).toEqual([]);
  });

  it("lists the family's events soonest first, dated from today", async () => {
    const { api, backend } = setup({ seed: 'family' });
    const events = await api.townEvents();
    expect(events.map((e) => e.id)).toEqual(['parents-class', 'open-day']);
    expect(events[0]).toMatchObject({
      title: '両親学級(サンプル)',
      when: '2026年12月19日(土) 10:00–12:00',
      place: 'つなぐ町保健センター 2階 研修室',
      url: 'https://example.jp/tsunagu-demo/parents-class',
    });
    expect(events.every((e) => e.url?.startsWith('https://'))).toBe(true);
    // Only the toddler left: the class for the pregnant is not theirs.
    await api.endChild(1, 'other');
    expect((await api.townEvents()).map((e) => e.id)).toEqual(['open-day']);
    backend.today += 1;
    expect((await api.townEvents())[0].when).toBe('2027年1月10日(日) 10:00–15:00');
  });

  it('says when the information was updated, and refreshes once', async () => {
    const { api } = setup({ seed: 'family' });
    const before = await api.townStatus();
    expect(before).toEqual({
      version: 6,
      updatedLabel: '2026年11月16日(月) 09:00',
      checkedLabel: '2026年11月25日(水) 07:40',
      expired: false,
    });
    const after = await api.syncTown();
    expect(after).toMatchObject({ version: 7, updatedLabel: '2026年11月25日(水) 09:00', expired: false });
    expect(after.error).toBeUndefined();
    expect((await api.syncTown()).version).toBe(7);
  });

  it('reports a failed check in plain words, and keeps what it had', async () => {
    const { api, backend } = setup({ townFeed: 'expired', lang: 'en' });
    backend.syncFails = true;
    const failed = await api.syncTown();
    expect(failed).toMatchObject({ version: 6, expired: true });
    expect(failed.error).toMatch(/could not be updated/);
    expect((await api.townStatus()).error).toBe(failed.error);
    backend.syncFails = false;
    const ok = await api.syncTown();
    expect(ok).toMatchObject({ version: 7, expired: false });
    expect(ok.error).toBeUndefined();
  });

  it('has nothing before the first feed arrives', async () => {
    const { api } = setup({ seed: 'family', townFeed: 'none' });
    expect(await api.townStatus()).toEqual({ expired: false });
    expect(await api.townEvents()).toEqual([]);
  });

  it('opens https, mailto and tel links, and refuses anything else', async () => {
    const { api, backend } = setup();
    for (const url of ['https://example.jp/a', 'mailto:town@example.jp', 'tel:0000-00-0000']) {
      expect(await api.openLink(url)).toBeNull();
    }
    expect(backend.openedLinks).toEqual(['https://example.jp/a', 'mailto:town@example.jp', 'tel:0000-00-0000']);
    for (const url of ['http://example.jp/a', 'javascript:alert(1)', '/relative', 'https://']) {
      const e = await rejection(api.openLink(url));
      expect(e.code).toBe('link-not-allowed');
      expect(e.message).toContain('開けません');
    }
    expect(backend.openedLinks).toHaveLength(3);
  });
});
