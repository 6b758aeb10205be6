// An in-memory backend implementing every command of docs/ipc.md, for the browser and the tests.
// What is due is always computed from the dates (CADENCE.md); the archive keeps read and bookmark
// marks. Results go through JSON, as they would over IPC.
import type {
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
  SettingsView,
  TodayChild,
  TodayView,
} from '../types';
import { dueOn, isPreterm, planUntil, stageOn, validate, type MockChild, type Programme, type Stage } from './cadence';
import { messageFor, plainText } from './content';
import { addMonths, formatDay, localToday, parseDate } from './dates';
import { Fail } from './fail';
import { exportDocument, readDocument } from './transfer';
import { childOverlaysOn, eventsFor, isAllowedLink, momentLabel, syncFailed, townArchive } from './town';
import { dateLabel, demoTown, milestoneLabel as milestoneText, mockError, stageLabel } from './labels';

export type MockConfig = {
  /** The mock's "today", `YYYY-MM-DD` (default: the local date). */
  today?: string;
  /** `family`: two children already registered; `empty` (default): the first launch. */
  seed?: 'empty' | 'family';
  lang?: Lang;
  programme?: Programme;
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

/** The mock's copy of the town's feed state. */
type Feed = {
  version?: number;
  /** When the town made the version held: a day and a time. */
  generated?: [number, string];
  checked?: [number, string];
  failed: boolean;
  expired: boolean;
};

export type Delivery = {
  id: number;
  childId: number;
  slot: string;
  dueOn: number;
  earlier: boolean;
  stage: Stage;
  read: boolean;
  bookmarked: boolean;
};

/** Where the shell keeps the database (what its messages name). */
const DATABASE = '/home/family/.local/share/jp.tsunagu.demo/tsunagu.db';

const REASONS: EndedReason[] = ['pregnancy-loss', 'child-loss', 'other'];
const TEXT_SIZES = ['standard', 'large', 'larger'];
const THEMES = ['system', 'light', 'dark'];

export class MockBackend {
  today: number;
  private children: MockChild[] = [];
  private deliveries: Delivery[] = [];
  private nextChildId = 1;
  private nextDeliveryId = 1;
  private settings: SettingsView;
  private readonly programme: Programme;
  private readonly grant: boolean;
  /** Test notifications "sent", newest last (the mock has no platform to show them on). */
  readonly sentNotifications: string[] = [];
  /** Links `open_link` "opened" in the system browser, oldest first. */
  readonly openedLinks: string[] = [];
  /** Mock switch: `sync_town` fails as with no connection. */
  syncFails: boolean;
  private feed: Feed;
  private unreadable: MockConfig['unreadable'];
  private readonly phone: boolean;

  constructor(config: MockConfig = {}) {
    this.unreadable = config.unreadable;
    this.phone = config.phone ?? false;
    this.today = parseDate(config.today ?? localToday()) ?? parseDate(localToday())!;
    this.programme = config.programme ?? 'age3';
    this.grant = config.notificationsGranted ?? true;
    this.syncFails = config.syncFails ?? false;
    const t = this.today;
    this.feed =
      config.townFeed === 'none'
        ? { failed: Boolean(config.lastCheckFailed), expired: false, checked: config.lastCheckFailed ? [t, '07:40'] : undefined }
        : {
            version: 6,
            generated: [t - 9, '09:00'],
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
    try {
      const result = this.handle(cmd, args);
      return result === undefined ? null : JSON.parse(JSON.stringify(result));
    } catch (e) {
      if (e instanceof Fail) throw mockError(e.code, e.args, this.lang);
      throw mockError('internal', { value: String(e) }, this.lang);
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
      return DATABASE.replace('tsunagu.db', `tsunagu.unreadable-${formatDay(this.today).replaceAll('-', '')}-090000.db`);
    }
    if (this.unreadable) throw new Fail(this.unreadable, { path: DATABASE, found: '9', supported: '3', value: 'file is not a database' });
    switch (cmd) {
      case 'app_info':
        return { town: demoTown(this.lang), version: '0.1.0 (mock)', lang: this.lang } satisfies AppInfo;
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
        return null;
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
        this.sentNotifications.push(this.lang === 'ja' ? 'テスト通知' : 'Test notification');
        return null;
      case 'town_status':
        return this.townStatus();
      case 'sync_town':
        return this.syncTown();
      case 'town_events':
        return this.townEvents();
      case 'open_link': {
        const url = str(a.url) ?? '';
        if (!isAllowedLink(url)) throw new Fail('link-not-allowed', { url });
        this.openedLinks.push(url);
        return null;
      }
      case 'export_data':
        return this.exportData();
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

  private childView(c: MockChild): ChildView {
    const status = c.endedOn !== null ? 'ended' : c.birth !== null ? 'born' : 'expecting';
    const stage = status === 'ended' ? undefined : stageOn(c, this.today);
    return {
      id: c.id,
      nickname: c.nickname,
      status,
      endedReason: c.endedReason ?? undefined,
      dueDate: c.dueDate !== null ? formatDay(c.dueDate) : undefined,
      birthDate: c.birth !== null ? formatDay(c.birth) : undefined,
      stage: stage ? stageLabel(stage, this.lang) : undefined,
      preterm: isPreterm(c),
    };
  }

  private check(c: Pick<MockChild, 'dueDate' | 'birth'>): void {
    const err = validate(c, this.today);
    if (err) throw new Fail(err.code, err.args);
  }

  private addChild(nickname: string, dueDate: number | null, birth: number | null): ChildView {
    this.check({ dueDate, birth });
    const c: MockChild = {
      id: this.nextChildId++,
      nickname: nickname.trim(),
      dueDate,
      birth,
      birthRecordedOn: birth !== null ? this.today : null,
      registeredOn: this.today,
      endedOn: null,
      endedReason: null,
    };
    this.children.push(c);
    this.catchUp();
    return this.childView(c);
  }

  private recordBirth(id: number, birth: number): ChildView {
    const c = this.child(id);
    if (c.endedOn !== null) throw new Fail('child-ended', { id: String(id) });
    if (c.birth !== null) throw new Fail('already-born', { id: String(id) });
    this.check({ dueDate: c.dueDate, birth });
    c.birth = birth;
    c.birthRecordedOn = this.today;
    // Pregnancy messages stop at once: today's becomes the baby's.
    this.deliveries = this.deliveries.filter((d) => !(d.childId === id && d.slot.startsWith('p-') && d.dueOn >= this.today));
    this.catchUp();
    return this.childView(c);
  }

  private correctDates(id: number, dueDate: number | null, birth: number | null): ChildView {
    const c = this.child(id);
    if (c.endedOn !== null) throw new Fail('child-ended', { id: String(id) });
    if (birth !== null && c.birth === null) throw new Fail('not-born', { id: String(id) });
    const next = { dueDate: dueDate ?? c.dueDate, birth: birth ?? c.birth };
    this.check(next);
    c.dueDate = next.dueDate;
    c.birth = next.birth;
    // Keep what still fits the new dates (with its marks); the rest is recomputed.
    const plan = new Map(planUntil(c, this.programme, this.today).map((e) => [e.slot, e]));
    this.deliveries = this.deliveries.filter((d) => d.childId !== id || plan.get(d.slot)?.date === d.dueOn);
    this.catchUp();
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
    this.check(c);
    c.endedOn = null;
    c.endedReason = null;
    // Days in between are not back-notified.
    c.registeredOn = this.today;
    this.catchUp();
    return this.childView(c);
  }

  // --- deliveries -----------------------------------------------------------------------------

  /** Records every slot due up to today for every child, from the dates alone. Idempotent. */
  private catchUp(): void {
    for (const c of this.children) {
      const have = new Set(this.deliveries.filter((d) => d.childId === c.id).map((d) => d.slot));
      for (const e of planUntil(c, this.programme, this.today)) {
        if (have.has(e.slot)) continue;
        this.deliveries.push({
          id: this.nextDeliveryId++,
          childId: c.id,
          slot: e.slot,
          dueOn: e.date,
          earlier: e.earlier,
          stage: e.stage,
          read: false,
          bookmarked: false,
        });
      }
    }
  }

  private delivery(id: number): Delivery {
    const d = this.deliveries.find((d) => d.id === id);
    if (!d) throw new Fail('unknown-delivery', { id: String(id) });
    return d;
  }

  private messageView(d: Delivery): MessageView {
    const text = messageFor(d.slot, this.lang);
    return {
      deliveryId: d.id,
      childId: d.childId,
      slot: d.slot,
      dueOn: formatDay(d.dueOn),
      dateLabel: dateLabel(d.dueOn, this.lang),
      stage: stageLabel(d.stage, this.lang),
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
      nickname: this.children.find((c) => c.id === d.childId)?.nickname ?? '',
      slot: d.slot,
      dueOn: formatDay(d.dueOn),
      dateLabel: dateLabel(d.dueOn, this.lang),
      title: messageFor(d.slot, this.lang)?.title ?? '',
      read: d.read,
      bookmarked: d.bookmarked,
      earlier: d.earlier,
    };
  }

  /** The town's overlays on each child's days so far, as archive rows, newest first. */
  private townEntries(childId?: number): (ArchiveItem & { day: number })[] {
    return this.children
      .filter((c) => childId === undefined || c.id === childId)
      .flatMap((c) =>
        townArchive(c, this.programme, this.today, this.lang).map((o) => ({
          kind: 'town' as const,
          day: o.day,
          key: o.key,
          childId: c.id,
          nickname: c.nickname,
          dueOn: formatDay(o.day),
          dateLabel: dateLabel(o.day, this.lang),
          title: o.notice.title,
          html: o.notice.html,
        })),
      )
      .sort((a, b) => b.day - a.day || a.childId - b.childId);
  }

  /** Messages and town items in one list, newest day first, a message before the town's items of its day. */
  private merged(messages: Delivery[], town: (ArchiveItem & { day: number })[]): ArchiveItem[] {
    const out: ArchiveItem[] = [];
    let i = 0;
    for (const d of messages) {
      while (i < town.length && town[i].day > d.dueOn) out.push(strip(town[i++]));
      out.push(this.entryView(d));
    }
    while (i < town.length) out.push(strip(town[i++]));
    return out;
  }

  private newestFirst(list: Delivery[]): Delivery[] {
    return [...list].sort((a, b) => b.dueOn - a.dueOn || a.childId - b.childId || b.id - a.id);
  }

  private todayView(): TodayView {
    this.catchUp();
    const children: TodayChild[] = this.children.map((c) => {
      const due = dueOn(c, this.programme, this.today);
      const tc: TodayChild = { child: this.childView(c), askIfBorn: due?.askIfBorn ?? false, notices: [] };
      if (!due) return tc;
      if (due.slot) {
        const d = this.deliveries.find((d) => d.childId === c.id && d.slot === due.slot && !d.earlier);
        if (d && messageFor(d.slot, this.lang)) tc.message = this.messageView(d);
        else tc.missing = due.slot;
      }
      if (due.milestone) tc.milestone = milestoneText(due.milestone, this.lang);
      tc.notices = childOverlaysOn(c, this.programme, this.today, this.lang).map((o) => o.notice);
      return tc;
    });
    const ended = new Set(this.children.filter((c) => c.endedOn !== null).map((c) => c.id));
    const unreadEarlier = this.deliveries.filter(
      (d) => !d.read && !d.earlier && d.dueOn < this.today && !ended.has(d.childId),
    ).length;
    return { date: formatDay(this.today), dateLabel: dateLabel(this.today, this.lang), children, unreadEarlier };
  }

  private archive(f: ArchiveFilter): ArchiveItem[] {
    this.catchUp();
    const list = this.deliveries.filter(
      (d) =>
        (f.childId === undefined || d.childId === f.childId) &&
        (!f.unreadOnly || !d.read) &&
        (!f.bookmarkedOnly || d.bookmarked),
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
      const text = messageFor(d.slot, this.lang);
      return text !== undefined && matches(`${text.title} ${plainText(text.html)}`);
    });
    const town = this.townEntries().filter((o) => o.kind === 'town' && matches(`${o.title} ${plainText(o.html)}`));
    return this.merged(this.newestFirst(hits), town);
  }

  // --- the town's feed ------------------------------------------------------------------------

  private townStatus(): FeedStatus {
    const f = this.feed;
    return {
      version: f.version,
      updatedLabel: f.generated ? momentLabel(f.generated[0], f.generated[1], this.lang) : undefined,
      checkedLabel: f.checked ? momentLabel(f.checked[0], f.checked[1], this.lang) : undefined,
      error: f.failed ? syncFailed(this.lang) : undefined,
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

  private townEvents(): EventView[] {
    if (this.feed.version === undefined) return [];
    const family = this.children.filter((c) => c.endedOn === null);
    return eventsFor(this.today, family, this.lang);
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

  private exportData(): string {
    return exportDocument(this.today, this.settings, this.children, this.deliveries);
  }

  private importData(text: string): void {
    const doc = readDocument(text, this.settings);
    // One transaction: nothing changes unless the whole document is good.
    this.children = doc.children;
    this.deliveries = [];
    this.nextChildId = Math.max(0, ...doc.children.map((c) => c.id)) + 1;
    this.settings = doc.settings;
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
    const t = this.today;
    const toddlerBirth = addMonths(t, -12) - 7 * 20;
    this.children.push(
      {
        id: this.nextChildId++,
        nickname: 'こはる',
        dueDate: t + 110,
        birth: null,
        birthRecordedOn: null,
        registeredOn: t - 12,
        endedOn: null,
        endedReason: null,
      },
      {
        id: this.nextChildId++,
        nickname: 'そうた',
        dueDate: toddlerBirth + 35,
        birth: toddlerBirth,
        birthRecordedOn: toddlerBirth + 30,
        registeredOn: toddlerBirth + 30,
        endedOn: null,
        endedReason: null,
      },
    );
    this.catchUp();
    // A family that has been reading along: everything before the last few days is read.
    for (const d of this.deliveries) {
      if (d.dueOn < t - 2) d.read = true;
      if (d.slot === 'p-22d0' || d.slot === 'b-0030') d.bookmarked = true;
    }
  }
}


/** A town row without the mock's own sort key. */
function strip({ day: _, ...item }: ArchiveItem & { day: number }): ArchiveItem {
  return item as ArchiveItem;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function num(v: unknown): number {
  if (typeof v !== 'number') throw new Fail('internal', { value: `expected a number, got ${String(v)}` });
  return v;
}

function date(v: unknown): number {
  const s = str(v) ?? '';
  const d = parseDate(s);
  if (d === null) throw new Fail('invalid-date', { value: s });
  return d;
}

function optDate(v: unknown): number | null {
  if (v === undefined || v === null || v === '') return null;
  return date(v);
}
