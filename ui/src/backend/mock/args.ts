// The commands' arguments as the mock reads them off the wire: what the shell's typed command
// signatures check before a command runs, with the same refusals.
import { Fail } from './fail';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function num(v: unknown): number {
  if (typeof v !== 'number') throw new Fail('internal', { value: `expected a number, got ${String(v)}` });
  return v;
}

/** A `YYYY-MM-DD` date, or `invalid-date`. */
export function date(v: unknown): string {
  const s = (str(v) ?? '').trim();
  if (!DATE.test(s)) throw new Fail('invalid-date', { value: s });
  return s;
}

/** An optional date: absent, null or empty is none. */
export function optDate(v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  return date(v);
}
