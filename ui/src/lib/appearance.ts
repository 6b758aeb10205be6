// Applies text size, theme and the town's colours to the whole page through the root element.
import type { SettingsView, Town } from '../backend/types';
import { townPalette } from './colour';

// Surfaces of each theme (kept in step with app.css).
const SURFACES = { light: ['#faf6f0', '#ffffff', '#f3ece2'], dark: ['#151a19', '#1d2422', '#252d2b'] };

let lastTown: Town | undefined;
let lastSettings: SettingsView | undefined;
let media: MediaQueryList | undefined;

function resolvedTheme(theme: SettingsView['theme']): 'light' | 'dark' {
  if (theme !== 'system') return theme;
  media ??= window.matchMedia('(prefers-color-scheme: dark)');
  return media.matches ? 'dark' : 'light';
}

export function applyAppearance(settings: SettingsView, town?: Town): void {
  lastSettings = settings;
  if (town) lastTown = town;
  const root = document.documentElement;
  root.dataset.textSize = settings.textSize;
  const theme = resolvedTheme(settings.theme);
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
  const t = town ?? lastTown;
  if (t) {
    const p = townPalette(t.primaryColor, t.accentColor, SURFACES[theme], theme === 'dark');
    root.style.setProperty('--town-ink', p.ink);
    root.style.setProperty('--town-fill', p.fill);
    root.style.setProperty('--town-on-fill', p.onFill);
    root.style.setProperty('--town-accent-tint', p.accentTint);
    root.style.setProperty('--town-accent-line', p.accentLine);
  }
}

/** Follows the device's light/dark switch while the theme is "system". */
export function watchSystemTheme(): void {
  media ??= window.matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', () => {
    if (lastSettings?.theme === 'system') applyAppearance(lastSettings);
  });
}
