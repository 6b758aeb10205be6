// Small formatting helpers for what the shell does not localise (raw YYYY-MM-DD fields).
import type { ChildView, Lang } from '../backend/types';

/** A civil date `YYYY-MM-DD` written for a reader: 2027年3月15日 / 15 March 2027. */
export function formatDate(iso: string | undefined, lang: Lang): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** The name to show for a child: the nickname, or a gentle fallback. */
export function childName(child: Pick<ChildView, 'nickname'>, fallback: string): string {
  return child.nickname.trim() || fallback;
}

/** The file name for an export made on `today`. */
export function exportFileName(today: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `tsunagu-${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}.json`;
}

/** `tel:` link for a phone number as printed (#8000, 119, 03-1234-5678). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d#+*]/g, '').replace(/#/g, '%23')}`;
}

/** A valid `HH:MM`, or `null`. */
export function parseTime(value: string): string | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}
