// Looks up the mock's sample message for a slot, and the town notices for a stage.
import type { Lang, Notice } from '../types';
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

/** The demo town's notices for a child at this point (gestational day or day since birth). */
export function noticesFor(track: 'pregnancy' | 'baby', day: number, lang: Lang): Notice[] {
  const ja = lang === 'ja';
  if (track === 'pregnancy' && day >= 140 && day <= 223) {
    return [
      {
        title: ja ? '両親学級(サンプル)' : 'Parenting class (sample)',
        html: ja
          ? '<p>毎月第2土曜日 10:00〜12:00、町の保健センターで。沐浴の練習もあります。申し込みはこども家庭センターへ。</p>'
          : '<p>Second Saturday of each month, 10:00-12:00, at the town health centre, with a chance to practise bathing a baby. Book through the family support centre.</p>',
      },
    ];
  }
  if (track === 'baby' && day >= 85 && day <= 130) {
    return [
      {
        title: ja ? '3〜4か月児健診のご案内(サンプル)' : 'Three-to-four-month check-up (sample)',
        html: ja
          ? '<p>対象のご家庭には個別にご案内を送っています。母子健康手帳と問診票をお持ちください。</p>'
          : '<p>Each family due for the check-up receives a letter with the date. Please bring your handbook and the questionnaire.</p>',
      },
    ];
  }
  return [];
}
