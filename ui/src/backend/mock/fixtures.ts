// What the real app answered, for the mock to answer with. Two files, both made by the Rust side:
// - fixtures.json, recorded from the real commands for each sample child (stages, date labels, the
//   day's slot and notes, the archive's labels, the town's items and events, the tests' refusals):
//   `UPDATE_MOCK_FIXTURES=1 cargo test -p tsunagu-app --test mock_fixtures` writes it, and the
//   same test fails in CI when it is not current;
// - catalogue.json, every message as the app renders it: `tsunagu catalogue export --out …`
//   (`npm run mock:catalogue`), made afresh before every mock build, never committed.
// The mock looks things up here; it never computes a date or writes a word of its own.
import { FluentBundle, FluentResource } from '@fluent/bundle';
import type { BackendErrorShape, EventView, Lang, Notice, ScheduleView, SurveyCard } from '../types';
import fixturesText from './fixtures.json?raw';
import catalogueText from './catalogue.json?raw';
import jaStrings from '../../../../locales/ja/tsunagu.ftl?raw';
import enStrings from '../../../../locales/en/tsunagu.ftl?raw';
import { Fail } from './fail';

type PerLang<T> = Record<Lang, T>;

/** One day of a sample child, as `today` answered it. */
export type FixtureDay = {
  slot?: string;
  askIfBorn: boolean;
  /** The town's survey is open for a family of this child that day. */
  survey?: boolean;
} & PerLang<{ stage?: string; milestone?: string; missing?: string; notices?: Notice[]; visitsOpening?: string[] }>;

/** One message of a child's archive, with the labels `open_message` gave it. */
export type FixtureEntry = {
  slot: string;
  dueOn: string;
  earlier: boolean;
} & PerLang<{ dateLabel: string; stage: string }>;

/** One of the town's overlays on a child's day. */
export type FixtureTownItem = {
  key: string;
  dueOn: string;
} & PerLang<{ dateLabel: string; title: string; html: string }>;

export type FixtureChild = {
  preterm: boolean;
  days: Record<string, FixtureDay>;
  /** Oldest first, through the last day of the window. */
  entries: FixtureEntry[];
  town: FixtureTownItem[];
  events: PerLang<EventView[]>;
};

/** A child's "Check-ups and shots" with some records, as `child_schedule` answered it (its `child`
 * left out: the mock puts its own), and the .ics `export_calendar` made (DTSTAMP pinned). */
export type FixtureSchedule = PerLang<Omit<ScheduleView, 'child'>> & { ics: PerLang<string> };

/** A child's share screen as the app showed it (a sample child, its nickname, with or without it). */
export type FixtureShare = {
  child: string;
  nickname: string;
  code: string;
  groups: string[];
  qrSvg: string;
  withNickname: boolean;
} & PerLang<{ holds: string[] }>;

type Fixtures = {
  today: string;
  app: PerLang<unknown>;
  strings: PerLang<{ dates: Record<string, string>; syncFailed: string }>;
  children: Record<string, FixtureChild>;
  eventOrder: string[];
  refusals: Record<string, PerLang<BackendErrorShape>>;
  /** By child key, then by records key (see `recordsKey`). */
  schedules: Record<string, Record<string, FixtureSchedule>>;
  shares: {
    views: FixtureShare[];
    /** What a second phone added from each code (keyed without hyphens). */
    codes: Record<string, { identity: number; child: { nickname: string; dueDate?: string; birthDate?: string } }>;
    /** The refusals of the damaged and other-town codes the tests type (keyed without hyphens). */
    refusals: Record<string, PerLang<BackendErrorShape>>;
  };
  survey: PerLang<SurveyCard>;
};

export const FIXTURES: Fixtures = JSON.parse(fixturesText);
const CATALOGUE: PerLang<Record<string, { title: string; html: string }>> = JSON.parse(catalogueText);

/** The dates a sample child was entered with, as the fixtures key it. */
export type ChildDates = {
  dueDate: string | null;
  birthDate: string | null;
  registeredOn: string;
  birthRecordedOn: string | null;
};

export function childKey(c: ChildDates): string {
  const recorded = c.birthDate === null ? null : (c.birthRecordedOn ?? c.registeredOn);
  return [c.dueDate, c.birthDate, c.registeredOn, recorded].map((d) => d ?? '-').join('|');
}

/** The recorded child with these dates, or a failure that says how to record it. */
export function fixtureFor(c: ChildDates): FixtureChild {
  const key = childKey(c);
  const child = FIXTURES.children[key];
  if (!child) {
    throw new Fail('internal', {
      value: `the mock has no recording of a child ${key}: add it to SAMPLES in src-tauri/tests/mock_fixtures.rs`,
    });
  }
  return child;
}

/** A refusal the real app gave to this request on the fixtures' today, if it was recorded. */
export function recordedRefusal(cmd: string, child: ChildDates | null, due: string | null, birth: string | null, lang: Lang): BackendErrorShape | undefined {
  const key = `${cmd} ${child ? childKey(child) : '-'} ${due ?? '-'}|${birth ?? '-'}`;
  return FIXTURES.refusals[key]?.[lang];
}

export function message(slot: string, lang: Lang): { title: string; html: string } | undefined {
  return CATALOGUE[lang][slot];
}

/** A day as the app labels it, within a month of the fixtures' today. */
export function dateLabel(day: string, lang: Lang): string {
  const label = FIXTURES.strings[lang].dates[day];
  if (label === undefined) throw new Fail('internal', { value: `the mock has no label for ${day}` });
  return label;
}

export function strings(lang: Lang): { syncFailed: string } {
  return FIXTURES.strings[lang];
}

const ERRORS: PerLang<FluentBundle> = {
  ja: bundle('ja', jaStrings),
  en: bundle('en', enStrings),
};

function bundle(lang: Lang, source: string): FluentBundle {
  const b = new FluentBundle(lang, { useIsolating: false });
  b.addResource(new FluentResource(source));
  return b;
}

/** A failure as the shell says it: its message from the shell's own strings (locales/*\/tsunagu.ftl). */
export function errorShape(code: string, args: Record<string, string>, lang: Lang): BackendErrorShape {
  const b = ERRORS[lang];
  const pattern = b.getMessage(`error-${code}`)?.value ?? b.getMessage('error-internal')!.value!;
  // Codes the contract does not list travel as `internal` (docs/ipc.md).
  const wire = code === 'unknown-delivery' || code === 'invalid-import' ? 'internal' : code;
  return { code: wire, message: b.formatPattern(pattern!, { value: code, ...args }) };
}

/** The key of a child's records, as the fixtures file them: `dose <vaccine> <n> <date>` and
 * `checkup <visit> <date>`, sorted, joined by `; ` (empty when nothing is recorded). */
export function recordsKey(records: string[]): string {
  return [...records].sort().join('; ');
}

/** The recorded schedule of this child with these records, or a failure that says how to record it. */
export function scheduleFor(c: ChildDates, records: string[]): FixtureSchedule {
  const key = recordsKey(records);
  const found = FIXTURES.schedules[childKey(c)]?.[key];
  if (!found) {
    throw new Fail('internal', {
      value: `the mock has no recording of the schedule of ${childKey(c)} with "${key}": add it to SCHEDULE_RECORDS in src-tauri/tests/mock_fixtures.rs`,
    });
  }
  return found;
}

/** A code as typed or pasted, as the fixtures key it: capitals, no spaces or hyphens. */
export function codeKey(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** A string of the shell's own (locales/*\/tsunagu.ftl), as it says it. */
export function shellString(key: string, lang: Lang): string {
  const pattern = ERRORS[lang].getMessage(key)?.value;
  if (!pattern) throw new Fail('internal', { value: `the shell has no string ${key}` });
  return ERRORS[lang].formatPattern(pattern);
}
