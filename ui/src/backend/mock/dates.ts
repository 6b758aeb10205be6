// Civil dates (YYYY-MM-DD) as whole day numbers, for the mock's cadence. No time zones: a date
// is a calendar day, as in CADENCE.md.

const DAY_MS = 86_400_000;

/** Parses `YYYY-MM-DD`; `null` for anything that is not a real calendar date. */
export function parseDate(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / DAY_MS);
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function ymd(day: number): { year: number; month: number; day: number; weekday: number } {
  const d = new Date(day * DAY_MS);
  // weekday: 0 = Monday ... 6 = Sunday
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: (d.getUTCDay() + 6) % 7 };
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `day` moved by whole months; a missing month-day (31 April, 29 February) becomes the month's last. */
export function addMonths(day: number, months: number): number {
  const { year, month, day: dd } = ymd(day);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return Math.round(Date.UTC(y, m - 1, Math.min(dd, lastDayOfMonth(y, m))) / DAY_MS);
}

/** The `years`-th birthday; born on 29 February means 28 February in common years. */
export function birthday(birth: number, years: number): number {
  return addMonths(birth, years * 12);
}

/** Whole calendar months from `from` to `on`, consistent with `addMonths`. */
export function completedMonths(from: number, on: number): number {
  if (on < from) return 0;
  const a = ymd(from);
  const b = ymd(on);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (addMonths(from, months) > on) months -= 1;
  return months;
}

/** Gestational age in days on `on` for a pregnancy due on `due` (280 = 40w0d). */
export function gestationalDays(due: number, on: number): number {
  return 280 - (due - on);
}

/** Today's local calendar date. */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
