// The UI's own strings, from Fluent files shared with the shell (locales/<lang>/ui.ftl).
// `t()` reads the current language, so anything rendered with it follows a language switch.
// The files are parsed when the UI is built (vite.config.ts, `?fluent`): the page reads the
// parsed messages as JSON, the first time a language is used.
import { FluentBundle, type FluentResource, type FluentVariable } from '@fluent/bundle';
import ja from '../../locales/ja/ui.ftl?fluent';
import en from '../../locales/en/ui.ftl?fluent';
import type { Lang } from './backend/types';

const PARSED: Record<Lang, string> = { ja, en };

function makeBundle(lang: Lang): FluentBundle {
  const bundle = new FluentBundle(lang, { useIsolating: false });
  // What FluentResource's constructor would have made of the file.
  const resource: FluentResource = { body: JSON.parse(PARSED[lang]) };
  const errors = bundle.addResource(resource);
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
