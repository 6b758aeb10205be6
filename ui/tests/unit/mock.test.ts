// The mock backend: it keeps state and answers with what the real app answered for the same child
// on the same day (src/backend/mock/fixtures.json, recorded by src-tauri/tests/mock_fixtures.rs).
import { describe, expect, it } from 'vitest';
import { BackendError, createApi } from '../../src/backend/ipc';
import { MockBackend, type MockConfig } from '../../src/backend/mock/backend';
import type { ArchiveItem } from '../../src/backend/types';

/** The day the fixtures were recorded on. */
const TODAY = '2027-01-13';

function setup(config: MockConfig = {}) {
  const backend = new MockBackend({ today: TODAY, ...config });
  return { backend, api: createApi((cmd, args) => backend.invoke(cmd, args)) };
}

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

describe('registration', () => {
  it("answers with the app's own stage and message for the day", async () => {
    const { api } = setup();
    const child = await api.addChild({ nickname: ' ひなた ', dueDate: '2027-06-02' });
    expect(child).toMatchObject({ nickname: 'ひなた', status: 'expecting', stage: '妊娠20週0日', preterm: false });
    const today = await api.today();
    expect(today.dateLabel).toBe('2027年1月13日(水)');
    expect(today.children[0].message).toMatchObject({ slot: 'p-20d0', stage: '妊娠20週0日', earlier: false });
    expect(today.children[0].message?.html).toMatch(/^<p>/);
  });

  it('refuses what the app refused, in its words', async () => {
    const { api } = setup();
    const far = await rejection(api.addChild({ nickname: '', dueDate: '2028-02-17' }));
    expect(far.code).toBe('due-date-too-far');
    expect(far.message).toContain('40週より先');
    expect((await rejection(api.addChild({ nickname: '', birthDate: '2027-01-14' }))).code).toBe('birth-in-future');
    expect((await rejection(api.addChild({}))).code).toBe('no-dates');
    expect((await rejection(api.addChild({ nickname: '', dueDate: '15 March' }))).code).toBe('invalid-date');
    const en = setup({ lang: 'en' });
    expect((await rejection(en.api.addChild({ nickname: '', dueDate: '2028-02-17' }))).message).toMatch(/more than 40 weeks/);
  });

  it('says plainly when a child has no recording, instead of inventing one', async () => {
    const { api } = setup();
    const e = await rejection(api.addChild({ nickname: '', dueDate: '2027-07-01' }));
    expect(e.code).toBe('internal');
    expect(e.message).toContain('mock_fixtures.rs');
    expect(await api.listChildren()).toEqual([]);
  });

  it('starts the track on the registration day: earlier slots are readable, never notified', async () => {
    const { api } = setup();
    await api.addChild({ nickname: '', dueDate: '2027-06-02' });
    const archive = messages(await api.archive());
    // 4w0d up to today (20w0d): 113 slots, only today's notified.
    expect(archive).toHaveLength(113);
    expect(archive[0]).toMatchObject({ dueOn: TODAY, slot: 'p-20d0', earlier: false });
    expect(archive.slice(1).every((e) => e.earlier)).toBe(true);
    expect((await api.today()).unreadEarlier).toBe(0);
  });
});

describe('birth', () => {
  it('switches to baby messages at once, with the corrected age of a baby born early', async () => {
    const { api } = setup({ seed: 'family' });
    const born = await api.recordBirth(1, '2027-01-12');
    expect(born).toMatchObject({ status: 'born', preterm: true });
    expect(born.stage).toMatch(/^生後1日\(修正\d+週\d日\)$/);
    const today = await api.today();
    expect(today.children[0].message?.slot).toBe('b-0001');
    const archive = messages(await api.archive({ childId: 1 }));
    expect(archive.find((e) => e.slot === 'b-0000')?.earlier).toBe(true);
    expect(archive.some((e) => e.slot.startsWith('p-') && e.dueOn >= TODAY)).toBe(false);
    expect((await rejection(api.recordBirth(1, TODAY))).code).toBe('already-born');
  });

  it('refuses a birth in the future or before 22 weeks, as the app did', async () => {
    const { api } = setup({ seed: 'family' });
    expect((await rejection(api.recordBirth(1, '2027-01-14'))).code).toBe('birth-in-future');
    expect((await rejection(api.recordBirth(1, '2026-10-20'))).code).toBe('birth-before-viable');
    expect((await api.listChildren())[0].status).toBe('expecting');
  });

  it('asks gently whether the baby has arrived after 41w6d', async () => {
    const { api, backend } = setup({ today: '2027-01-10' });
    await api.addChild({ nickname: '', dueDate: '2026-12-30' });
    expect((await api.today()).children[0].askIfBorn).toBe(false);
    backend.today = TODAY;
    const today = (await api.today()).children[0];
    expect(today.askIfBorn).toBe(true);
    expect(today.message).toBeUndefined();
    backend.today = '2027-01-14';
    expect((await api.today()).children[0].askIfBorn).toBe(false);
  });
});

describe('stopping messages', () => {
  it('stops everything at once, keeps the past readable, and resumes only when asked', async () => {
    const { api } = setup({ seed: 'family' });
    const ended = await api.endChild(1, 'pregnancy-loss');
    expect(ended).toMatchObject({ status: 'ended', endedReason: 'pregnancy-loss' });
    expect(ended.stage).toBeUndefined();
    const today = await api.today();
    expect(today.children[0].message).toBeUndefined();
    expect(today.children[0].notices).toEqual([]);
    expect((await api.archive({ childId: 1 })).some((e) => e.dueOn >= TODAY)).toBe(false);
    expect((await api.archive({ childId: 1 })).length).toBeGreaterThan(0);
    expect((await rejection(api.recordBirth(1, TODAY))).code).toBe('child-ended');
    const resumed = await api.resumeChild(1);
    expect(resumed).toMatchObject({ status: 'expecting', stage: '妊娠24週2日' });
    expect((await api.today()).children[0].message?.slot).toBe('p-24d2');
    expect((await rejection(api.resumeChild(1))).code).toBe('child-not-ended');
  });
});

describe('milestones', () => {
  it('notes day 100 on the day itself', async () => {
    const { api, backend } = setup();
    await api.addChild({ nickname: '', birthDate: '2026-10-05' });
    expect((await api.today()).children[0].milestone).toBe('生後100日。ここまで一日一日を重ねてきました。');
    backend.today = '2027-01-14';
    expect((await api.today()).children[0].milestone).toBeUndefined();
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
    expect(e.message).toContain('読み込めません');
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

  it("shows the town's overlay on the child's day only, in the reader's language", async () => {
    const { api, backend } = setup();
    await api.addChild({ nickname: '', birthDate: '2026-12-30' });
    expect(await titles(api)).toEqual(['赤ちゃん訪問のご連絡(サンプル)']);
    const html = (await api.today()).children[0].notices[0].html;
    expect(html).toMatch(/^<p>/);
    expect(html).toContain('href="tel:0000-00-0000"');
    await api.setSetting('locale', 'en');
    expect(await titles(api)).toEqual(['Your newborn home visit (sample)']);
    backend.today = '2027-01-14';
    expect(await titles(api)).toEqual([]);
  });

  it("lists the family's events soonest first, and only the ones that concern it", async () => {
    const { api } = setup({ seed: 'family' });
    const events = await api.townEvents();
    expect(events.map((e) => e.id)).toEqual(['parents-class-2027-01', 'open-day-2027-02']);
    expect(events[0]).toMatchObject({
      title: '両親学級(サンプル)',
      when: '2027年1月23日(土) 10:00–12:00',
      place: 'つなぐ町保健センター 2階 研修室',
      url: 'https://example.jp/tsunagu-demo/parents-class',
    });
    // Only the toddler left: the class for the pregnant is not theirs.
    await api.endChild(1, 'other');
    expect((await api.townEvents()).map((e) => e.id)).toEqual(['open-day-2027-02']);
  });

  it('says when the information was updated, and refreshes once', async () => {
    const { api } = setup({ seed: 'family' });
    const before = await api.townStatus();
    expect(before).toEqual({
      version: 6,
      updatedLabel: '2027年1月4日(月) 09:00',
      checkedLabel: '2027年1月13日(水) 07:40',
      expired: false,
    });
    const after = await api.syncTown();
    expect(after).toMatchObject({ version: 7, updatedLabel: '2027年1月13日(水) 09:00', expired: false });
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

describe('check-ups and shots', () => {
  const visit = (v: { dueNow: { id: string }[]; coming: { id: string }[]; talkToClinic: { id: string }[]; done: { id: string }[] }, id: string) =>
    [...v.dueNow, ...v.coming, ...v.talkToClinic, ...v.done].find((x) => x.id === id);

  it("answers with the app's plan, and a recorded dose moves the next by the app's interval", async () => {
    const { api } = setup({ seed: 'family' });
    const before = await api.childSchedule(2);
    expect(before.child.nickname).toBe('そうた');
    expect(before.clinicDecides).toContain('医療機関');
    expect(visit(before, 'dose/varicella/2')).toMatchObject({ first: '2027-07-14' });
    const after = await api.recordDose({ id: 2, vaccine: 'varicella', number: 1 }, '2027-01-06');
    expect(after.done.find((v) => v.id === 'dose/varicella/1')).toMatchObject({ doneOn: '2027-01-06', removable: true });
    expect(visit(after, 'dose/varicella/2')).toMatchObject({ first: '2027-07-07' });
    expect(await api.childSchedule(2)).toEqual(after);
    const removed = await api.removeDose({ id: 2, vaccine: 'varicella', number: 1 });
    expect(visit(removed, 'dose/varicella/2')).toMatchObject({ first: '2027-07-14' });
  });

  it('refuses a dose twice, a day to come, and a record the app was never asked for', async () => {
    const { api } = setup({ seed: 'family' });
    await api.recordDose({ id: 2, vaccine: 'varicella', number: 1 }, '2027-01-06');
    expect((await rejection(api.recordDose({ id: 2, vaccine: 'varicella', number: 1 }, '2027-01-07'))).code).toBe('dose-recorded-twice');
    const future = await rejection(api.recordDose({ id: 2, vaccine: 'mr', number: 1 }, '2027-01-14'));
    expect(future.code).toBe('record-in-future');
    expect(future.message).toContain('2027-01-14');
    const unrecorded = await rejection(api.recordDose({ id: 2, vaccine: 'mr', number: 1 }, '2027-01-10'));
    expect(unrecorded.code).toBe('internal');
    expect(unrecorded.message).toContain('SCHEDULE_RECORDS');
    expect((await api.childSchedule(2)).done.map((v) => v.id)).toEqual(['dose/varicella/1']);
  });

  it('exports the calendar the app wrote, in the reader language', async () => {
    const { api, backend } = setup({ seed: 'family' });
    const ics = await api.exportCalendar(2);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('\r\nUID:child-2-dose-mr-1@tsunagu\r\n');
    expect(ics).not.toContain('UID:child-1-');
    expect(ics).toMatch(/麻しん/);
    await backend.invoke('set_setting', { key: 'locale', value: 'en' });
    expect(await api.exportCalendar(2)).toMatch(/measles/i);
  });

  it('shows nothing for a stopped child, and carries the records through export and import', async () => {
    const { api } = setup({ seed: 'family' });
    await api.recordDose({ id: 2, vaccine: 'varicella', number: 1 }, '2027-01-06');
    const data = await api.exportData();
    await api.endChild(2, 'other');
    expect((await rejection(api.childSchedule(2))).code).toBe('child-ended');
    await api.importData(data);
    expect((await api.childSchedule(2)).done.map((v) => v.id)).toEqual(['dose/varicella/1']);
  });
});

describe('sharing a child (issue #12)', () => {
  it("shows the app's share screen for the seeded こはる, and says to share again after the birth", async () => {
    const { api } = setup({ seed: 'family' });
    const view = await api.shareChild(1, true);
    expect(view.childId).toBe(1);
    expect(view.groups.join('-')).toBe(view.code);
    expect(view.qrSvg).toContain('<svg');
    expect(view.holds.join('\n')).toContain('こはる');
    expect(view.shareAgain).toBeUndefined();
    const bare = await api.shareChild(1, false);
    expect(bare.withNickname).toBe(false);
    expect(bare.code.length).toBeLessThan(view.code.length);
    expect((await api.shareChild(1, true)).shareAgain).toBeUndefined();
    // A child the fixtures hold no share screen for fails plainly.
    expect((await rejection(api.shareChild(2, true))).message).toContain('mock_fixtures.rs');
  });

  it('adds the child of a recorded code once, marked shared, and refuses recorded bad codes', async () => {
    const first = setup({ seed: 'family' });
    const code = (await first.api.shareChild(1, true)).code;
    const { api } = setup();
    const added = await api.addSharedChild(` ${code.toLowerCase().replaceAll('-', ' ')} `);
    expect(added.outcome).toBe('added');
    expect(added.child).toMatchObject({ nickname: 'こはる', shared: true, dueDate: '2027-05-03', status: 'expecting' });
    expect((await api.today()).children[0].message?.slot).toBe((await first.api.today()).children[0].message?.slot);
    expect((await api.addSharedChild(code)).outcome).toBe('unchanged');
    const bare = (await first.api.shareChild(1, false)).code;
    expect((await api.addSharedChild(bare)).outcome).toBe('unchanged');
    expect(await api.listChildren()).toHaveLength(1);

    const damaged = code.slice(0, 6) + (code[6] === '7' ? '8' : '7') + code.slice(7);
    const other = setup();
    const e = await rejection(other.api.addSharedChild(damaged));
    expect(e.code).toBe('share-code-damaged');
    expect(e.message).toContain('何も変更していません');
    expect(await other.api.listChildren()).toEqual([]);
  });
});

describe("the town's survey", () => {
  it('is on Today from its first day for the family, once, until answered or dismissed', async () => {
    const before = setup({ seed: 'family' });
    expect((await before.api.today()).survey).toBeUndefined();
    for (const how of ['answer', 'dismiss'] as const) {
      const { api, backend } = setup({ seed: 'family', today: '2027-01-15' });
      const survey = (await api.today()).survey;
      expect(survey?.key).toBe('family-survey-2027');
      expect(survey?.url).toMatch(/^https:\/\//);
      await api.dismissSurvey('another');
      expect((await api.today()).survey).toEqual(survey);
      if (how === 'answer') await api.answerSurvey(survey!.key);
      else await api.dismissSurvey(survey!.key);
      expect((await api.today()).survey).toBeUndefined();
      expect(backend.openedLinks).toEqual(how === 'answer' ? [survey!.url] : []);
    }
    const en = setup({ seed: 'family', today: '2027-01-15', lang: 'en' });
    expect((await en.api.today()).survey?.title).toMatch(/Survey/);
  });
});
