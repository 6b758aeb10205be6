// The one place that chooses the backend: Tauri inside the app, the in-memory mock in a plain
// browser (dev server, browser tests). Everything else imports `api` and `events` from here.
import { createApi, tauriInvoke, type Api } from './ipc';
import { shellEvents } from './events';
import type { Events, StartView } from './types';

export { BackendError } from './ipc';
export type * from './types';

export let api: Api;
export let events: Events;
export let usingMock = false;

export function insideTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

/** Picks the backend once; must resolve before any screen talks to `api`. */
export async function initBackend(): Promise<void> {
  if (api) return;
  if (insideTauri()) {
    api = createApi(tauriInvoke);
    events = shellEvents(api.shellEvents);
    return;
  }
  // The in-memory mock is compiled in only for the dev server and the browser tests' build
  // (`npm run build:mock`): the app a family installs carries no sample data and no second backend.
  if (!import.meta.env.DEV && import.meta.env.VITE_TSUNAGU_MOCK !== '1') {
    throw new Error('This page runs inside the tsunagu app only.');
  }
  const { installMockBackend } = await import('./mock');
  const mock = installMockBackend();
  api = createApi(mock.invoke);
  events = shellEvents(api.shellEvents);
  usingMock = true;
}

/** How old what came with the page may be and still be shown: a page loaded again later asks. */
const START_FRESH_MS = 60_000;

/**
 * What the shell handed over with the page for the first screen (src-tauri/src/api/start.rs), if
 * anything and if fresh; taken once. The mock hands nothing over, so it always asks.
 */
export function takeStart(): StartView | null {
  if (typeof window === 'undefined') return null;
  const holder = window as { __TSUNAGU_START__?: StartView | null };
  const start = holder.__TSUNAGU_START__ ?? null;
  holder.__TSUNAGU_START__ = null;
  return start && Math.abs(Date.now() - start.madeAt) <= START_FRESH_MS ? start : null;
}
