// The app's shared state: town, settings, children and the current route. Screens load their
// own data and reload whenever `revision` moves (data-changed, language switch, import).
import { api } from '../backend';
import type { AppInfo, ChildView, SettingsView, StartView, TodayView } from '../backend/types';
import { setLang } from '../i18n.svelte';
import { applyAppearance } from './appearance';
import { parseHash, type Route } from './route';

class AppState {
  info = $state<AppInfo | null>(null);
  settings = $state<SettingsView | null>(null);
  children = $state<ChildView[]>([]);
  route = $state<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash));
  revision = $state(0);
  /** Today's screen, asked for at start beside the shared state; used once, by the first Today. */
  private todayAhead: Promise<TodayView> | null = null;

  prefetchToday(): void {
    this.todayAhead = api.today();
    // Not awaited here: a failure is reported by the screen that takes it.
    this.todayAhead.catch(() => {});
  }

  /** What the shell handed over with the page: the shared state, and Today for its first load. */
  adoptStart(start: StartView): void {
    this.info = start.info;
    this.children = start.children;
    this.applySettings(start.settings);
    this.todayAhead = Promise.resolve(start.today);
  }

  /** The prefetched Today, if it was not taken yet; afterwards every load asks afresh. */
  takeToday(): Promise<TodayView> | null {
    const ahead = this.todayAhead;
    this.todayAhead = null;
    return ahead;
  }
  /** The children asked for last: an answer to an earlier request that arrives later is stale. */
  private childrenAsked = 0;

  /** Reloads what every screen shares, and applies the settings to the page. */
  async refresh(): Promise<void> {
    const asked = ++this.childrenAsked;
    const [info, settings, children] = await Promise.all([api.appInfo(), api.getSettings(), api.listChildren()]);
    this.info = info;
    // A reload started before a child was added (a sync's data-changed on a first launch) must
    // not bring back the empty list after it, which would send the reader to Welcome.
    if (asked === this.childrenAsked) this.children = children;
    this.applySettings(settings);
  }

  applySettings(settings: SettingsView): void {
    this.settings = settings;
    setLang(settings.locale);
    applyAppearance(settings, this.info?.town);
  }

  /** Everything changed (outside the UI, or the language): reload and let screens refetch. */
  async reloadAll(): Promise<void> {
    this.todayAhead = null;
    await this.refresh();
    this.revision += 1;
  }

  async reloadChildren(): Promise<void> {
    const asked = ++this.childrenAsked;
    const children = await api.listChildren();
    if (asked === this.childrenAsked) this.children = children;
  }
}

export const app = new AppState();

export function navigate(path: string): void {
  const hash = `#${path}`;
  if (location.hash === hash) app.route = parseHash(hash);
  else location.hash = hash;
}
