// Looks up the mock's sample message for a slot (the town's overlays are in ./town.ts).
import type { Lang } from '../types';
import { BABY } from './content-baby';
import { PREGNANCY } from './content-pregnancy';

export type Text = { title: string; html: string };
export type Theme = { match: (slot: string) => boolean; messages: { ja: Text; en: Text }[] };

const THEMES: Theme[] = [...PREGNANCY, ...BABY];

function hash(s: string): number {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}

/** The sample message for a slot; `undefined` when that slot is still being written. */
export function messageFor(slot: string, lang: Lang): Text | undefined {
  const theme = THEMES.find((t) => t.match(slot));
  if (!theme) return undefined;
  return theme.messages[hash(slot) % theme.messages.length][lang];
}

/** Plain text of a message body, for search. */
export function plainText(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
}
