// The UI's own strings, from Fluent files shared with the shell (locales/<lang>/ui.ftl).
// `t()` reads the current language, so anything rendered with it follows a language switch.
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import jaSource from '../../locales/ja/ui.ftl?raw';
import enSource from '../../locales/en/ui.ftl?raw';
import type { Lang } from './backend/types';

export const SOURCES: Record<Lang, string> = { ja: jaSource, en: enSource };

function makeBundle(lang: Lang): FluentBundle {
  const bundle = new FluentBundle(lang, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(SOURCES[lang]));
  if (errors.length) console.error(`locales/${lang}/ui.ftl`, errors);
  return bundle;
}

// Each language is parsed on its first use: a start in one language never builds the other.
const bundles: Partial<Record<Lang, FluentBundle>> = {};

let current = $state<Lang>('ja');

export function lang(): Lang {
  return current;
}

/** Switches every string at once and tells assistive technology the page's language. */
export function setLang(next: Lang): void {
  current = next;
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

/** The string `id` in the current language; the id itself when missing (caught by the tests). */
export function t(id: string, args?: Record<string, FluentVariable>): string {
  const bundle = (bundles[current] ??= makeBundle(current));
  const message = bundle.getMessage(id);
  if (!message?.value) return id;
  return bundle.formatPattern(message.value, args);
}
