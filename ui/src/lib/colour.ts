// Town colours made readable: WCAG contrast, and variants of a town's colour that reach AA on
// this app's light and dark surfaces whatever colour the town chose.

export type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
}

export function toHex([r, g, b]: Rgb): string {
  return '#' + [r, g, b].map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('');
}

export function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `a` moved a fraction `t` of the way to `b`. */
export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [0, 1, 2].map((i) => a[i] + (b[i] - a[i]) * t) as Rgb;
}

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

/** `colour`, darkened (or lightened) just enough to reach `ratio` against every background. */
export function ensureContrast(colour: Rgb, backgrounds: Rgb[], ratio: number, toward: 'dark' | 'light'): Rgb {
  const target = toward === 'dark' ? BLACK : WHITE;
  for (let t = 0; t <= 1.0001; t += 0.02) {
    const c = mix(colour, target, t);
    if (backgrounds.every((bg) => contrast(c, bg) >= ratio)) return c;
  }
  return target;
}

export type Palette = {
  /** Text and links in the town's colour. */
  ink: string;
  /** Filled buttons. */
  fill: string;
  onFill: string;
  /** A quiet tint of the accent colour for backgrounds (text on it stays the normal text colour). */
  accentTint: string;
  /** The accent colour strong enough for borders and icons (3:1). */
  accentLine: string;
};

/** The town's colours adapted to the surfaces of one theme. */
export function townPalette(primaryHex: string, accentHex: string, surfaces: string[], dark: boolean): Palette {
  const primary = parseHex(primaryHex) ?? [46, 125, 111];
  const accent = parseHex(accentHex) ?? [224, 136, 90];
  const bgs = surfaces.map((s) => parseHex(s)!);
  const ink = ensureContrast(primary, bgs, 4.7, dark ? 'light' : 'dark');
  const fill = dark ? ensureContrast(primary, bgs, 3.2, 'light') : ensureContrast(primary, [WHITE], 4.7, 'dark');
  const onFill: Rgb = contrast(fill, WHITE) >= contrast(fill, [17, 24, 22]) ? WHITE : [17, 24, 22];
  const fillFixed = ensureContrast(fill, [onFill], 4.7, contrast(onFill, WHITE) < 2 ? 'dark' : 'light');
  return {
    ink: toHex(ink),
    fill: toHex(fillFixed),
    onFill: toHex(onFill),
    accentTint: toHex(mix(accent, bgs[0], dark ? 0.82 : 0.86)),
    accentLine: toHex(ensureContrast(accent, bgs, 3.1, dark ? 'light' : 'dark')),
  };
}
