// An in-memory backend implementing every command of docs/ipc.md, for the browser and the tests.
// It keeps state (children, ids, read and bookmark marks, settings, what is stopped) and answers
// with what the real app answered for the same child on the same day (./fixtures.ts): it never
// computes a date or writes a word of its own. Results go through JSON, as they would over IPC.
import type {
  AddSharedView,
  AppInfo,
  ArchiveItem,
  ArchiveFilter,
  ChildView,
  Command,
  EndedReason,
  EventView,
  FeedStatus,
  Lang,
  MessageView,
  ScheduleView,
  SettingsView,
  ShareView,
  TodayChild,
  TodayView,
} from '../types';
import {
  FIXTURES,
  childKey,
  codeKey,
  dateLabel,
  errorShape,
  fixtureFor,
  message,
  recordedRefusal,
  shellString,
  strings,
  type ChildDates,
  type FixtureChild,
} from './fixtures';
import { EventLog } from '../events';
import { date, num, optDate, str } from './args';
import { Fail, Recorded } from './fail';
import { Records } from './records';
import { exportDocument, readDocument } from './transfer';
import { isAllowedLink } from './town';

export type MockConfig = {
  /** The mock's "today", `YYYY-MM-DD`: a day the fixtures recorded (default: their today). */
  today?: string;
  /** `family`: two children already registered; `empty` (default): the first launch. */
  seed?: 'empty' | 'family';
  lang?: Lang;
  /** Whether the platform grants notifications when asked (default true). */
  notificationsGranted?: boolean;
  /** What the app holds of the town's feed: `current` (default), `expired`, or `none` yet. */
  townFeed?: 'current' | 'expired' | 'none';
  /** Every `sync_town` fails, as with no connection (also `backend.syncFails` at run time). */
  syncFails?: boolean;
  /** The last background check failed before the page opened. */
  lastCheckFailed?: boolean;
  /** The on-device data cannot be opened: every command fails so until it is set aside. */
  unreadable?: 'database-corrupt' | 'database-too-new';
  /** `restart_app` is not granted, as on a phone (only the desktop capability allows it). */
  phone?: boolean;
};

/** The mock's copy of the town's feed state: a version, and the days and times it moved. */
type Feed = {
  version?: number;
  generated?: [string, string];
  checked?: [string, string];
  failed: boolean;
  expired: boolean;
};

export type MockChild = ChildDates & {
  id: number;
  nickname: string;
  endedOn: string | null;
  endedReason: EndedReason | null;
  /** Added from another phone's share code. */
  shared: boolean;
  /** The child's identity in share codes, once it has one. */
  shareId: number | null;
  /** The state this phone last showed in the child's share code. */
  sharedAs: 'expecting' | 'born' | 'stopped' | null;
};

export type Delivery = {
  id: number;
  childId: number;
  slot: string;
  dueOn: string;
  earlier: boolean;
  read: boolean;
  bookmarked: boolean;
};

/** Where the shell keeps the database (what its messages name). */
const DATABASE = '/home/family/.local/share/jp.tsunagu.demo/tsunagu.db';

const REASONS: EndedReason[] = ['pregnancy-loss', 'child-loss', 'other'];
const TEXT_SIZES = ['standard', 'large', 'larger'];
const THEMES = ['system', 'light', 'dark'];

/** The seeded family, as the fixtures recorded them (src-tauri/tests/mock_fixtures.rs). */
const FAMILY: Omit<MockChild, 'id'>[] = [
  // 24w2d on the fixtures' today, registered twelve days before.
  { nickname: 'こはる', dueDate: '2027-05-03', birthDate: null, registeredOn: '2027-01-01', birthRecordedOn: null, endedOn: null, endedReason: null, shared: false, shareId: null, sharedAs: null },
  // Born five weeks early, registered a month after birth.
  { nickname: 'そうた', dueDate: '2025-09-30', birthDate: '2025-08-26', registeredOn: '2025-09-25', birthRecordedOn: '2025-09-25', endedOn: null, endedReason: null, shared: false, shareId: null, sharedAs: null },
];

/** The day after / before `day` among the fixtures' labelled days (string dates order as days do). */
function shiftDay(day: string, days: number): string {
  const labelled = Object.keys(FIXTURES.strings.ja.dates).sort();
  const at = labelled.indexOf(day);
  const moved = labelled[at + days];
  if (at < 0 || moved === undefined) throw new Fail('internal', { value: `the mock has no day ${days} from ${day}` });
  return moved;
}

export class MockBackend {
  today: string;
  private children: MockChild[] = [];
  private deliveries: Delivery[] = [];
  private records = new Records();
  private nextChildId = 1;
  private nextDeliveryId = 1;
  private settings: SettingsView;
  private readonly grant: boolean;
  /** Test notifications "sent", newest last (the mock has no platform to show them on). */
  readonly sentNotifications: string[] = [];
  /** Every command asked of the mock, oldest first (tests see what the UI asked for). */
  readonly calls: Command[] = [];
  /** The shell's events (`__TSUNAGU_MOCK__.emit`), answered to `shell_events`. */
  readonly events = new EventLog();
  /** Links `open_link` "opened" in the system browser, oldest first. */
  readonly openedLinks: string[] = [];
  /** Mock switch: `sync_town` fails as with no connection. */
  syncFails: boolean;
  private feed: Feed;
  private unreadable: MockConfig['unreadable'];
  /** The reader answered or dismissed the town's survey card. */
  private surveyDone = false;
  private readonly phone: boolean;

  constructor(config: MockConfig = {}) {
    this.unreadable = config.unreadable;
    this.phone = config.phone ?? false;
    this.today = config.today ?? FIXTURES.today;
    this.grant = config.notificationsGranted ?? true;
    this.syncFails = config.syncFails ?? false;
    const t = this.today;
    this.feed =
      config.townFeed === 'none'
        ? { failed: Boolean(config.lastCheckFailed), expired: false, checked: config.lastCheckFailed ? [t, '07:40'] : undefined }
        : {
            version: 6,
            generated: [shiftDay(t, -9), '09:00'],
            checked: [t, '07:40'],
            failed: Boolean(config.lastCheckFailed),
            expired: config.townFeed === 'expired',
          };
    this.settings = {
      deliveryTime: '08:00',
      locale: config.lang ?? 'ja',
      textSize: 'standard',
      theme: 'system',
      notificationsAllowed: false,
    };
    if (config.seed === 'family') this.seedFamily();
  }

  get lang(): Lang {
    return this.settings.locale;
  }

  /** Runs one command the way Tauri's `invoke` would: a JSON value, or a `{code, message}` rejection. */
  async invoke(cmd: Command, args: Record<string, unknown> = {}): Promise<unknown> {
    this.calls.push(cmd);
    // Answered when there is an event, like the shell's.
    if (cmd === 'shell_events') return this.events.wait(typeof args.after === 'number' ? args.after : undefined);
    try {
      const result = this.handle(cmd, args);
      return result === undefined ? null : JSON.parse(JSON.stringify(result));
    } catch (e) {
      if (e instanceof Fail) throw errorShape(e.code, e.args, this.lang);
      if (e instanceof Recorded) throw e.shape;
      throw errorShape('internal', { value: String(e) }, this.lang);
    }
  }

  private handle(cmd: Command, a: Record<string, unknown>): unknown {
    if (cmd === 'restart_app') {
      if (this.phone) throw new Fail('internal', { value: 'restart_app not allowed' });
      return null;
    }
    if (cmd === 'set_aside_data') {
      if (!this.unreadable) throw new Fail('data-readable', { path: DATABASE });
      // The old file is kept; the app starts again with empty data (a fresh mock).
      this.unreadable = undefined;
      return DATABASE.replace('tsunagu.db', `tsunagu.unreadable-${this.today.replaceAll('-', '')}-090000.db`);
    }
    if (this.unreadable) throw new Fail(this.unreadable, { path: DATABASE, found: '9', supported: '3', value: 'file is not a database' });
    switch (cmd) {
      case 'app_info':
        return FIXTURES.app[this.lang] as AppInfo;
      case 'list_children':
        return this.children.map((c) => this.childView(c));
      case 'add_child':
        return this.addChild(str(a.nickname) ?? '', optDate(a.dueDate), optDate(a.birthDate));
      case 'record_birth':
        return this.recordBirth(num(a.id), date(a.birthDate));
      case 'correct_dates':
        return this.correctDates(num(a.id), optDate(a.dueDate), optDate(a.birthDate));
      case 'end_child':
        return this.endChild(num(a.id), a.reason as EndedReason);
      case 'resume_child':
        return this.resumeChild(num(a.id));
      case 'delete_child':
        this.child(num(a.id));
        this.children = this.children.filter((c) => c.id !== a.id);
        this.deliveries = this.deliveries.filter((d) => d.childId !== a.id);
        this.records.forget(num(a.id));
        return null;
      case 'share_child':
        return this.shareChild(num(a.id), Boolean(a.includeNickname));
      case 'add_shared_child':
        return this.addSharedChild(str(a.code) ?? '');
      case 'today':
        return this.todayView();
      case 'archive':
        return this.archive(a as ArchiveFilter);
      case 'search':
        return this.search(str(a.query) ?? '');
      case 'open_message': {
        const d = this.delivery(num(a.deliveryId));
        d.read = true;
        return this.messageView(d);
      }
      case 'set_bookmark':
        this.delivery(num(a.deliveryId)).bookmarked = Boolean(a.bookmarked);
        return null;
      case 'get_settings':
        return this.settings;
      case 'set_setting':
        return this.setSetting(str(a.key) ?? '', str(a.value) ?? '');
      case 'request_notification_permission':
        this.settings.notificationsAllowed = this.grant;
        return this.grant;
      case 'send_test_notification':
        this.sentNotifications.push('test');
        return null;
      case 'town_status':
        return this.townStatus();
      case 'sync_town':
        return this.syncTown();
      case 'town_events':
        return this.townEvents();
      case 'child_schedule':
        return this.scheduleView(this.open(num(a.id)));
      case 'record_dose':
      case 'correct_dose':
      case 'remove_dose': {
        const c = this.open(num(a.id));
        const on = cmd === 'remove_dose' ? null : this.past(a.date);
        this.records.dose(c, str(a.vaccine) ?? '', num(a.number), on, cmd === 'correct_dose');
        return this.scheduleView(c);
      }
      case 'record_checkup':
      case 'remove_checkup': {
        const c = this.open(num(a.id));
        this.records.checkup(c, str(a.visit) ?? '', cmd === 'remove_checkup' ? null : this.past(a.date));
        return this.scheduleView(c);
      }
      case 'export_calendar':
        return this.records.calendar(this.open(num(a.id)), this.lang);
      case 'open_link': {
        const url = str(a.url) ?? '';
        if (!isAllowedLink(url)) throw new Fail('link-not-allowed', { value: url });
        this.openedLinks.push(url);
        return null;
      }
      case 'dismiss_survey':
      case 'answer_survey': {
        const card = FIXTURES.survey[this.lang];
        if (a.key === card.key && this.surveyOpen()) {
          this.surveyDone = true;
          if (cmd === 'answer_survey') this.openedLinks.push(card.url);
        }
        return null;
      }
      case 'export_data':
        return exportDocument(this.today, this.settings, this.children, this.deliveries, this.records.byChild);
      case 'import_data':
        this.importData(str(a.data) ?? '');
        return null;
      default:
        throw new Fail('internal', { value: `unknown command ${String(cmd)}` });
    }
  }

  // --- children -------------------------------------------------------------------------------

  private child(id: number): MockChild {
    const c = this.children.find((c) => c.id === id);
    if (!c) throw new Fail('unknown-child', { id: String(id) });
    return c;
  }

  /** The recorded day of a child that is not stopped; `undefined` before its registration. */
  private day(c: MockChild, f: FixtureChild = fixtureFor(c)) {
    if (this.today < c.registeredOn) return undefined;
    const day = f.days[this.today];
    if (!day) throw new Fail('internal', { value: `the mock has no recording of ${this.today} for this child` });
    return day;
  }

  private childView(c: MockChild): ChildView {
    const status = c.endedOn !== null ? 'ended' : c.birthDate !== null ? 'born' : 'expecting';
    const f = fixtureFor(c);
    return {
      id: c.id,
      nickname: c.nickname,
      status,
      endedReason: c.endedReason ?? undefined,
      dueDate: c.dueDate ?? undefined,
      birthDate: c.birthDate ?? undefined,
      stage: status === 'ended' ? undefined : this.day(c, f)?.[this.lang].stage,
      preterm: f.preterm,
      shared: c.shared,
    };
  }

  /** Refuses dates the real app refused (as recorded); a child with no recording fails plainly. */
  private admit(next: ChildDates, cmd: string, before: ChildDates | null, due: string | null, birth: string | null): void {
    const refusal = recordedRefusal(cmd, before, due, birth, this.lang);
    if (refusal) throw new Recorded(refusal);
    fixtureFor(next);
  }

  private addChild(nickname: string, dueDate: string | null, birthDate: string | null): ChildView {
    const dates: ChildDates = { dueDate, birthDate, registeredOn: this.today, birthRecordedOn: birthDate && this.today };
    this.admit(dates, 'add_child', null, dueDate, birthDate);
    const c: MockChild = { id: this.nextChildId++, nickname: nickname.trim(), ...dates, endedOn: null, endedReason: null, shared: false, shareId: null, sharedAs: null };
    this.children.push(c);
    this.catchUp();
    return this.childView(c);
  }

  private recordBirth(id: number, birth: string): ChildView {
    const c = this.child(id);
    if (c.endedOn !== null) throw new Fail('child-ended', { id: String(id) });
    if (c.birthDate !== null) throw new Fail('already-born', { id: String(id) });
    this.admit({ ...c, birthDate: birth, birthRecordedOn: this.today }, 'record_birth', c, null, birth);
    c.birthDate = birth;
    c.birthRecordedOn = this.today;
    this.keepWhatStillFits(c);
    return this.childView(c);
  }

  private correctDates(id: number, dueDate: string | null, birth: string | null): ChildView {
    const c = this.child(id);
    if (c.endedOn !== null) throw new Fail('child-ended', { id: String(id) });
    if (birth !== null && c.birthDate === null) throw new Fail('not-born', { id: String(id) });
    const next = { ...c, dueDate: dueDate ?? c.dueDate, birthDate: birth ?? c.birthDate };
    this.admit(next, 'correct_dates', c, dueDate, birth);
    c.dueDate = next.dueDate;
    c.birthDate = next.birthDate;
    this.keepWhatStillFits(c);
    return this.childView(c);
  }

  private endChild(id: number, reason: EndedReason): ChildView {
    const c = this.child(id);
    if (c.endedOn !== null) throw new Fail('child-ended', { id: String(id) });
    if (!REASONS.includes(reason)) throw new Fail('internal', { value: `reason ${String(reason)}` });
    c.endedOn = this.today;
    c.endedReason = reason;
    // Everything stops at once, today's message included.
    this.deliveries = this.deliveries.filter((d) => !(d.childId === id && d.dueOn >= this.today));
    return this.childView(c);
  }

  private resumeChild(id: number): ChildView {
    const c = this.child(id);
    if (c.endedOn === null) throw new Fail('child-not-ended', { id: String(id) });
    // As the store does: the days in between are not back-notified, registration moves to today.
    fixtureFor({ ...c, registeredOn: this.today });
    c.endedOn = null;
    c.endedReason = null;
    c.registeredOn = this.today;
    this.catchUp();
    return this.childView(c);
  }

  // --- sharing (issue #12) --------------------------------------------------------------------

  /** The share screen the app showed for this child (recorded for the seeded こはる). */
  private shareChild(id: number, includeNickname: boolean): ShareView {
    const c = this.child(id);
    const key = childKey(c);
    const view = FIXTURES.shares.views.find((v) => v.child === key && v.nickname === c.nickname && v.withNickname === includeNickname);
    if (!view) {
      throw new Fail('internal', { value: `the mock has no share screen of ${key} (${c.nickname}): add it to record_shares in src-tauri/tests/mock_fixtures.rs` });
    }
    const state = c.endedOn !== null ? 'stopped' : c.birthDate !== null ? 'born' : 'expecting';
    const before = c.sharedAs;
    c.sharedAs = state;
    c.shareId = FIXTURES.shares.codes[codeKey(view.code)].identity;
    const again = before !== null && before !== state ? shellString(`share-again-${state === 'expecting' ? 'resumed' : state}`, this.lang) : undefined;
    return {
      childId: c.id,
      code: view.code,
      groups: view.groups,
      qrSvg: view.qrSvg,
      withNickname: view.withNickname,
      holds: view[this.lang].holds,
      shareAgain: again,
    };
  }

  /** What a second phone answered to a recorded code: added, then unchanged; or its refusal. */
  private addSharedChild(code: string): AddSharedView {
    const key = codeKey(code);
    const refusal = FIXTURES.shares.refusals[key]?.[this.lang];
    if (refusal) throw new Recorded(refusal);
    const recorded = FIXTURES.shares.codes[key];
    if (!recorded) throw new Fail('internal', { value: `the mock has no recording of the code ${code}: add it to record_shares in src-tauri/tests/mock_fixtures.rs` });
    const here = this.children.find((c) => c.shareId === recorded.identity);
    if (here) return { outcome: 'unchanged', child: this.childView(here), changes: [] };
    const { nickname, dueDate, birthDate } = recorded.child;
    const dates: ChildDates = { dueDate: dueDate ?? null, birthDate: birthDate ?? null, registeredOn: this.today, birthRecordedOn: birthDate ? this.today : null };
    fixtureFor(dates);
    const c: MockChild = { id: this.nextChildId++, nickname, ...dates, endedOn: null, endedReason: null, shared: true, shareId: recorded.identity, sharedAs: null };
    this.children.push(c);
    this.catchUp();
    return { outcome: 'added', child: this.childView(c), changes: [] };
  }

  /** The town's survey is open today for one of the family's children (as recorded), and not done. */
  private surveyOpen(): boolean {
    return !this.surveyDone && this.children.some((c) => c.endedOn === null && this.day(c)?.survey === true);
  }

  // --- deliveries -----------------------------------------------------------------------------

  /** Records every message due up to today for every child, as the app's catch-up does. Idempotent. */
  private catchUp(): void {
    for (const c of this.children) {
      const have = new Set(this.deliveries.filter((d) => d.childId === c.id).map((d) => d.slot));
      for (const e of fixtureFor(c).entries) {
        if (e.dueOn > this.today || (c.endedOn !== null && e.dueOn >= c.endedOn) || have.has(e.slot)) continue;
        this.deliveries.push({ id: this.nextDeliveryId++, childId: c.id, slot: e.slot, dueOn: e.dueOn, earlier: e.earlier, read: false, bookmarked: false });
      }
    }
  }

  /** After new dates: keeps the deliveries (and their marks) still on the plan, then catches up. */
  private keepWhatStillFits(c: MockChild): void {
    const plan = new Map(fixtureFor(c).entries.map((e) => [e.slot, e.dueOn]));
    this.deliveries = this.deliveries.filter((d) => d.childId !== c.id || plan.get(d.slot) === d.dueOn);
    this.catchUp();
  }

  private delivery(id: number): Delivery {
    const d = this.deliveries.find((d) => d.id === id);
    if (!d) throw new Fail('unknown-delivery', { id: String(id) });
    return d;
  }

  /** The labels the app gave this delivery's day: from the child's recording that holds it. */
  private labels(d: Delivery): { dateLabel: string; stage: string } {
    const c = this.child(d.childId);
    const e = fixtureFor(c).entries.find((e) => e.slot === d.slot && e.dueOn === d.dueOn);
    return e ? e[this.lang] : { dateLabel: dateLabel(d.dueOn, this.lang), stage: '' };
  }

  private messageView(d: Delivery): MessageView {
    const text = message(d.slot, this.lang);
    return {
      deliveryId: d.id,
      childId: d.childId,
      slot: d.slot,
      dueOn: d.dueOn,
      ...this.labels(d),
      title: text?.title ?? '',
      html: text?.html ?? '',
      read: d.read,
      bookmarked: d.bookmarked,
      earlier: d.earlier,
    };
  }

  private entryView(d: Delivery): ArchiveItem {
    return {
      kind: 'message',
      deliveryId: d.id,
      childId: d.childId,
      nickname: this.child(d.childId).nickname,
      slot: d.slot,
      dueOn: d.dueOn,
      dateLabel: this.labels(d).dateLabel,
      title: message(d.slot, this.lang)?.title ?? '',
      read: d.read,
      bookmarked: d.bookmarked,
      earlier: d.earlier,
    };
  }

  /** The town's overlays on each child's days so far, as archive rows, newest first. */
  private townEntries(childId?: number): ArchiveItem[] {
    return this.children
      .filter((c) => childId === undefined || c.id === childId)
      .flatMap((c) =>
        fixtureFor(c)
          .town.filter((o) => o.dueOn <= this.today && (c.endedOn === null || o.dueOn < c.endedOn))
          .map((o) => ({
            kind: 'town' as const,
            key: o.key,
            childId: c.id,
            nickname: c.nickname,
            dueOn: o.dueOn,
            ...o[this.lang],
          })),
      )
      .sort((a, b) => cmp(b.dueOn, a.dueOn) || a.childId - b.childId);
  }

  /** Messages and town items in one list, newest day first, a message before the town's items of its day. */
  private merged(messages: Delivery[], town: ArchiveItem[]): ArchiveItem[] {
    const out: ArchiveItem[] = [];
    let i = 0;
    for (const d of messages) {
      while (i < town.length && town[i].dueOn > d.dueOn) out.push(town[i++]);
      out.push(this.entryView(d));
    }
    while (i < town.length) out.push(town[i++]);
    return out;
  }

  private newestFirst(list: Delivery[]): Delivery[] {
    return [...list].sort((a, b) => cmp(b.dueOn, a.dueOn) || a.childId - b.childId || b.id - a.id);
  }

  private todayView(): TodayView {
    this.catchUp();
    const children: TodayChild[] = this.children.map((c) => {
      const tc: TodayChild = { child: this.childView(c), askIfBorn: false, notices: [], visitsOpening: [] };
      const day = c.endedOn === null ? this.day(c) : undefined;
      if (!day) return tc;
      const words = day[this.lang];
      if (day.slot) {
        const d = this.deliveries.find((d) => d.childId === c.id && d.slot === day.slot && !d.earlier);
        if (d) tc.message = this.messageView(d);
      }
      return {
        ...tc,
        askIfBorn: day.askIfBorn,
        milestone: words.milestone,
        missing: words.missing,
        notices: words.notices ?? [],
        visitsOpening: words.visitsOpening ?? [],
      };
    });
    const ended = new Set(this.children.filter((c) => c.endedOn !== null).map((c) => c.id));
    const unreadEarlier = this.deliveries.filter((d) => !d.read && !d.earlier && d.dueOn < this.today && !ended.has(d.childId)).length;
    const survey = this.surveyOpen() ? FIXTURES.survey[this.lang] : undefined;
    return { date: this.today, dateLabel: dateLabel(this.today, this.lang), children, unreadEarlier, survey };
  }

  private archive(f: ArchiveFilter): ArchiveItem[] {
    this.catchUp();
    const list = this.deliveries.filter(
      (d) => (f.childId === undefined || d.childId === f.childId) && (!f.unreadOnly || !d.read) && (!f.bookmarkedOnly || d.bookmarked),
    );
    // The town's items carry no read or bookmark marks: they are left out of those views.
    const town = f.unreadOnly || f.bookmarkedOnly ? [] : this.townEntries(f.childId);
    return this.merged(this.newestFirst(list), town);
  }

  private search(query: string): ArchiveItem[] {
    const words = query.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    const matches = (text: string) => words.every((w) => text.toLocaleLowerCase().includes(w));
    const hits = this.deliveries.filter((d) => {
      const text = message(d.slot, this.lang);
      return text !== undefined && matches(`${text.title} ${plainText(text.html)}`);
    });
    const town = this.townEntries().filter((o) => o.kind === 'town' && matches(`${o.title} ${plainText(o.html)}`));
    return this.merged(this.newestFirst(hits), town);
  }

  // --- the town's feed ------------------------------------------------------------------------

  private townStatus(): FeedStatus {
    const f = this.feed;
    const moment = (m?: [string, string]) => (m ? `${dateLabel(m[0], this.lang)} ${m[1]}` : undefined);
    return {
      version: f.version,
      updatedLabel: moment(f.generated),
      checkedLabel: moment(f.checked),
      error: f.failed ? strings(this.lang).syncFailed : undefined,
      expired: f.expired,
    };
  }

  /** Checks "now": fails when switched to, else takes the town's next version once, then 304s. */
  private syncTown(): FeedStatus {
    const f = this.feed;
    f.checked = [this.today, '10:15'];
    f.failed = this.syncFails;
    if (!this.syncFails && (f.version === undefined || f.version < 7)) {
      f.version = 7;
      f.generated = [this.today, '09:00'];
      f.expired = false;
    }
    return this.townStatus();
  }

  /** The events the app listed for each child of the family, in the app's order, once each. */
  private townEvents(): EventView[] {
    if (this.feed.version === undefined) return [];
    const found = new Map<string, EventView>();
    for (const c of this.children.filter((c) => c.endedOn === null)) {
      for (const e of fixtureFor(c).events[this.lang]) found.set(e.id, e);
    }
    return FIXTURES.eventOrder.flatMap((id) => found.get(id) ?? []);
  }

  // --- check-ups and shots -------------------------------------------------------------------

  /** A child whose schedule may be shown or written: not stopped. */
  private open(id: number): MockChild {
    const c = this.child(id);
    if (c.endedOn !== null) throw new Fail('child-ended', { id: String(id) });
    return c;
  }

  /** A date the family entered: a real date, not after today. */
  private past(v: unknown): string {
    const d = date(v);
    if (d > this.today) throw new Fail('record-in-future', { date: d });
    return d;
  }

  private scheduleView(c: MockChild): ScheduleView {
    const recorded = this.records.schedule(c)[this.lang];
    const townEvents = this.feed.version === undefined ? [] : recorded.townEvents;
    return { ...recorded, child: this.childView(c), townEvents };
  }

  // --- settings and data ----------------------------------------------------------------------

  private setSetting(key: string, value: string): SettingsView {
    const bad = () => new Fail('invalid-setting', { key, value });
    switch (key) {
      case 'delivery-time': {
        const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
        if (!m) throw bad();
        this.settings.deliveryTime = value;
        break;
      }
      case 'locale':
        if (value !== 'ja' && value !== 'en') throw new Fail('unknown-locale', { value });
        this.settings.locale = value;
        break;
      case 'text-size':
        if (!TEXT_SIZES.includes(value)) throw bad();
        this.settings.textSize = value as SettingsView['textSize'];
        break;
      case 'theme':
        if (!THEMES.includes(value)) throw bad();
        this.settings.theme = value as SettingsView['theme'];
        break;
      default:
        throw bad();
    }
    return this.settings;
  }

  private importData(text: string): void {
    const doc = readDocument(text, this.settings);
    for (const c of doc.children) fixtureFor(c);
    // One transaction: nothing changes unless the whole document is good.
    this.children = doc.children;
    this.deliveries = [];
    this.nextChildId = Math.max(0, ...doc.children.map((c) => c.id)) + 1;
    this.settings = doc.settings;
    this.records = new Records(doc.records);
    this.catchUp();
    for (const mark of doc.marks) {
      const d = this.deliveries.find((d) => d.childId === mark.childId && d.slot === mark.slot);
      if (d) {
        d.read = Boolean(mark.read);
        d.bookmarked = Boolean(mark.bookmarked);
      }
    }
  }

  // --- sample data ----------------------------------------------------------------------------

  /** Two children: one expected in the spring, one toddler born early, registered a month after birth. */
  private seedFamily(): void {
    for (const c of FAMILY) this.children.push({ ...c, id: this.nextChildId++ });
    this.catchUp();
    // A family that has been reading along: everything before the last few days is read.
    const recent = shiftDay(this.today, -2);
    for (const d of this.deliveries) {
      if (d.dueOn < recent) d.read = true;
      if (d.slot === 'p-22d0' || d.slot === 'b-0030') d.bookmarked = true;
    }
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Plain text of a message body, for search. */
function plainText(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
}
