// Each child's doses and check-ups in the mock, keyed as the fixtures key them
// (`dose hepatitis-b 1 2027-01-05`, `checkup 1m 2027-02-10`), with the refusals the real app gives
// for the same writes. What a schedule then looks like is the app's recording (fixtures.ts);
// records the app was never recorded with fail there, naming where to add them.
import type { Lang } from '../types';
import { Fail } from './fail';
import { scheduleFor, type ChildDates, type FixtureSchedule } from './fixtures';

type Child = ChildDates & { id: number };

export class Records {
  constructor(readonly byChild = new Map<number, string[]>()) {}

  of(c: Child): string[] {
    return this.byChild.get(c.id) ?? [];
  }

  /** The app's recording of the child's schedule with what is recorded now. */
  schedule(c: Child): FixtureSchedule {
    return scheduleFor(c, this.of(c));
  }

  /** Records (`on`), corrects (`on`, `correcting`) or removes (`on` null) a dose. */
  dose(c: Child, vaccine: string, number: number, on: string | null, correcting = false): void {
    const what = `dose ${vaccine} ${number} `;
    const held = this.of(c).some((r) => r.startsWith(what));
    if (on !== null && !correcting && held) throw new Fail('dose-recorded-twice', { vaccine, number: String(number) });
    if ((on === null || correcting) && !held) throw new Fail('not-recorded', { value: what.trim() });
    this.replace(c, what, on === null ? null : what + on);
  }

  /** Records (`on`) or removes (`on` null) an attended check-up. */
  checkup(c: Child, visit: string, on: string | null): void {
    const what = `checkup ${visit} `;
    if (on === null && !this.of(c).some((r) => r.startsWith(what))) throw new Fail('not-recorded', { value: visit });
    this.replace(c, what, on === null ? null : what + on);
  }

  /** The calendar file the app wrote; recorded for the child as number 1, so the UIDs are renamed. */
  calendar(c: Child, lang: Lang): string {
    return this.schedule(c).ics[lang].replaceAll('\r\nUID:child-1-', `\r\nUID:child-${c.id}-`);
  }

  forget(id: number): void {
    this.byChild.delete(id);
  }

  /** Replaces the record starting `what` with `entry` (or removes it), if the app answered that. */
  private replace(c: Child, what: string, entry: string | null): void {
    const next = this.of(c).filter((r) => !r.startsWith(what));
    if (entry !== null) next.push(entry);
    scheduleFor(c, next);
    this.byChild.set(c.id, next);
  }
}
