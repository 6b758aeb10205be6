// The mock's version of CADENCE.md: slots, stages, milestones and validation, computed from the
// dates only. Plausible, not authoritative: the shell's Rust core is the reference.
import type { EndedReason, Town } from '../types';
import { birthday, completedMonths, gestationalDays } from './dates';

export const FIRST_PREGNANCY_DAY = 28; // 4w0d
export const LAST_PREGNANCY_DAY = 293; // 41w6d
export const TERM_DAYS = 280; // 40w0d
const PRETERM_BEFORE_DAYS = 259; // 37w0d
const VIABLE_FROM_DAYS = 154; // 22w0d
const LATEST_BIRTH_DAYS = 308; // 44w0d

export type Programme = Town['programme'];

export type MockChild = {
  id: number;
  nickname: string;
  dueDate: number | null;
  birth: number | null;
  /** The day the family recorded the birth in the app. */
  birthRecordedOn: number | null;
  registeredOn: number;
  endedOn: number | null;
  endedReason: EndedReason | null;
};

export type Age =
  | { kind: 'gestation'; weeks: number; days: number }
  | { kind: 'days'; days: number }
  | { kind: 'months'; years: number; months: number };

export type Stage = { actual: Age; corrected?: Age };

export type Milestone =
  | { kind: 'stable-period' }
  | { kind: 'full-term' }
  | { kind: 'due-date' }
  | { kind: 'days'; days: number };

export type PlanEntry = { date: number; slot: string; earlier: boolean; stage: Stage };

export type Due = { slot?: string; milestone?: Milestone; askIfBorn: boolean; stage: Stage };

export type CadenceError = { code: string; args: Record<string, string> };

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function pregnancySlot(ga: number): string {
  return `p-${pad(Math.floor(ga / 7), 2)}d${ga % 7}`;
}

/** The baby-track slot for day `n` of age 0, if one falls that day. */
export function babySlot(n: number): string | undefined {
  if (n >= 0 && n <= 100) return `b-${pad(n, 4)}`;
  if (n >= 101 && n <= 362 && (n - 101) % 3 === 0) return `b-${pad(n, 4)}`;
  return undefined;
}

export function gestation(ga: number): Age {
  const g = Math.max(0, ga);
  return { kind: 'gestation', weeks: Math.floor(g / 7), days: g % 7 };
}

export function sinceBirth(birth: number, on: number): Age {
  const days = Math.max(0, on - birth);
  if (days <= 100) return { kind: 'days', days };
  const months = completedMonths(birth, on);
  return { kind: 'months', years: Math.floor(months / 12), months: months % 12 };
}

export function isPreterm(c: MockChild): boolean {
  return c.dueDate !== null && c.birth !== null && gestationalDays(c.dueDate, c.birth) < PRETERM_BEFORE_DAYS;
}

function programmeIncludes(programme: Programme, slot: string): boolean {
  switch (programme) {
    case 'pregnancy':
      return slot.startsWith('p-');
    case 'age1':
      return slot.startsWith('p-') || slot.startsWith('b-') || slot === 'y1-00';
    case 'age2':
      return !slot.startsWith('y2-') ? slot !== 'y3' : slot === 'y2-00';
    case 'age3':
      return true;
  }
}

function lastBabyDay(programme: Programme, birth: number): number | null {
  switch (programme) {
    case 'pregnancy':
      return null;
    case 'age1':
      return birthday(birth, 1);
    case 'age2':
      return birthday(birth, 2);
    case 'age3':
      return birthday(birth, 3);
  }
}

function babyStage(c: MockChild, birth: number, date: number): Stage {
  const actual = sinceBirth(birth, date);
  if (!isPreterm(c) || c.dueDate === null) return { actual };
  const corrected = date < c.dueDate ? gestation(gestationalDays(c.dueDate, date)) : sinceBirth(c.dueDate, date);
  return { actual, corrected };
}

export function onBabyTrack(c: MockChild, date: number): boolean {
  if (c.birth === null) return false;
  return c.dueDate === null || date >= (c.birthRecordedOn ?? c.birth);
}

/** The stage header on `date`, on the track running that day. */
export function stageOn(c: MockChild, date: number): Stage | undefined {
  if (onBabyTrack(c, date)) return babyStage(c, c.birth!, date);
  if (c.dueDate !== null) return { actual: gestation(gestationalDays(c.dueDate, date)) };
  return undefined;
}

/** Every baby-track slot with its date, in order. */
function babySlots(birth: number): { slot: string; date: number }[] {
  const out: { slot: string; date: number }[] = [];
  for (let n = 0; n <= 362; n++) {
    const slot = babySlot(n);
    if (slot) out.push({ slot, date: birth + n });
  }
  const first = birthday(birth, 1);
  for (let k = 0; k <= 51; k++) out.push({ slot: `y1-${pad(k, 2)}`, date: first + 7 * k });
  const second = birthday(birth, 2);
  for (let k = 0; k <= 25; k++) out.push({ slot: `y2-${pad(k, 2)}`, date: second + 14 * k });
  out.push({ slot: 'y3', date: birthday(birth, 3) });
  return out;
}

/**
 * Every slot of the child's plan up to and including `until`: pregnancy slots until the birth
 * was recorded, then baby slots from the real birth date. Slots before the registration (or
 * before the birth was recorded) are `earlier`: readable, never notified.
 */
export function planUntil(c: MockChild, programme: Programme, until: number): PlanEntry[] {
  const entries: PlanEntry[] = [];
  const stop = (date: number) => date > until || (c.endedOn !== null && date >= c.endedOn);
  if (c.dueDate !== null) {
    for (let ga = FIRST_PREGNANCY_DAY; ga <= LAST_PREGNANCY_DAY; ga++) {
      const date = c.dueDate + ga - TERM_DAYS;
      // A child registered after the birth has no pregnancy messages to read back.
      const pregnancyEnd = c.birth === null ? Infinity : c.registeredOn >= c.birth ? c.birth : (c.birthRecordedOn ?? c.birth);
      if (stop(date) || date >= pregnancyEnd) break;
      entries.push({
        date,
        slot: pregnancySlot(ga),
        earlier: date < c.registeredOn,
        stage: { actual: gestation(ga) },
      });
    }
  }
  if (c.birth !== null && programme !== 'pregnancy') {
    const notifiedFrom = Math.max(c.birthRecordedOn ?? c.registeredOn, c.registeredOn);
    for (const { slot, date } of babySlots(c.birth)) {
      if (!programmeIncludes(programme, slot) || stop(date)) break;
      entries.push({ date, slot, earlier: date < notifiedFrom, stage: babyStage(c, c.birth, date) });
    }
  }
  return entries.sort((a, b) => a.date - b.date);
}

/** What falls on `date` for this child; `null` when nothing runs (before registration, stopped, past the programme). */
export function dueOn(c: MockChild, programme: Programme, date: number): Due | null {
  if (date < c.registeredOn || (c.endedOn !== null && date >= c.endedOn)) return null;
  const stage = stageOn(c, date);
  if (!stage) return null;
  if (onBabyTrack(c, date)) {
    const birth = c.birth!;
    const last = lastBabyDay(programme, birth);
    if (last === null || date > last) return null;
    const n = date - birth;
    const milestone: Milestone | undefined = n >= 100 && n <= 1000 && n % 100 === 0 ? { kind: 'days', days: n } : undefined;
    const slot = babySlots(birth).find((s) => s.date === date)?.slot;
    return { slot: slot && programmeIncludes(programme, slot) ? slot : undefined, milestone, askIfBorn: false, stage };
  }
  const ga = gestationalDays(c.dueDate!, date);
  const slot = ga >= FIRST_PREGNANCY_DAY && ga <= LAST_PREGNANCY_DAY ? pregnancySlot(ga) : undefined;
  const milestone: Milestone | undefined =
    ga === 112 ? { kind: 'stable-period' } : ga === 252 ? { kind: 'full-term' } : ga === TERM_DAYS ? { kind: 'due-date' } : undefined;
  // After 41w6d with no birth recorded, ask gently whether the baby has arrived.
  return { slot, milestone, askIfBorn: c.birth === null && ga > LAST_PREGNANCY_DAY, stage };
}

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Checks dates a family enters on `today` against what is possible. */
export function validate(c: Pick<MockChild, 'dueDate' | 'birth'>, today: number): CadenceError | null {
  if (c.dueDate === null && c.birth === null) return { code: 'no-dates', args: {} };
  if (c.birth !== null) {
    if (c.birth > today) return { code: 'birth-in-future', args: { birth: iso(c.birth) } };
    if (birthday(c.birth, 3) < today) return { code: 'birth-too-long-ago', args: { birth: iso(c.birth) } };
    if (c.dueDate !== null) {
      const ga = gestationalDays(c.dueDate, c.birth);
      const args = { birth: iso(c.birth), due: iso(c.dueDate) };
      if (ga < VIABLE_FROM_DAYS) return { code: 'birth-before-viable', args };
      if (ga > LATEST_BIRTH_DAYS) return { code: 'birth-after-due-date', args };
    }
  }
  if (c.dueDate !== null) {
    const ga = gestationalDays(c.dueDate, today);
    if (ga < 0) return { code: 'due-date-too-far', args: { due: iso(c.dueDate) } };
    if (c.birth === null && ga > LAST_PREGNANCY_DAY) return { code: 'due-date-passed', args: { due: iso(c.dueDate) } };
  }
  return null;
}
