// Installs the in-memory backend for a plain browser. Configuration comes from
// `window.__TSUNAGU_MOCK_CONFIG__` (set by the browser tests' init script) or the page's query
// string (`?today=2027-01-13&seed=family&lang=en&feed=expired&sync=fail`, handy with `npm run dev`).
import type { EventName, EventPayloads, Invoke } from './types';
import { MockBackend, type MockConfig } from './mock/backend';

export { MockBackend, type MockConfig } from './mock/backend';

declare global {
  interface Window {
    __TSUNAGU_MOCK_CONFIG__?: MockConfig;
    /** Test hooks: emit shell events, move the mock's clock. Present only with the mock. */
    __TSUNAGU_MOCK__?: {
      backend: MockBackend;
      emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
      setToday(date: string): void;
    };
  }
}

function configFromPage(): MockConfig {
  const config: MockConfig = { ...(window.__TSUNAGU_MOCK_CONFIG__ ?? {}) };
  const q = new URLSearchParams(window.location.search);
  const today = q.get('today');
  if (today && /^\d{4}-\d{2}-\d{2}$/.test(today)) config.today = today;
  const seed = q.get('seed');
  if (seed === 'family' || seed === 'empty') config.seed = seed;
  const lang = q.get('lang');
  if (lang === 'ja' || lang === 'en') config.lang = lang;
  const feed = q.get('feed');
  if (feed === 'current' || feed === 'expired' || feed === 'none') config.townFeed = feed;
  if (q.get('sync') === 'fail') config.syncFails = true;
  return config;
}

export function installMockBackend(): { invoke: Invoke } {
  const backend = new MockBackend(configFromPage());
  window.__TSUNAGU_MOCK__ = {
    backend,
    emit: (event, payload) => backend.events.send(event, payload),
    setToday(date) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`not a date: ${date}`);
      backend.today = date;
      backend.events.send('data-changed', null);
    },
  };
  return { invoke: (cmd, args) => backend.invoke(cmd, args) };
}
