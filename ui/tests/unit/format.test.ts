import { describe, expect, it } from 'vitest';
import { contrast, ensureContrast, parseHex, toHex, townPalette } from '../../src/lib/colour';
import { childName, exportFileName, formatDate, parseTime, telHref } from '../../src/lib/format';
import { pageKey, parseHash, tabOf } from '../../src/lib/route';

describe('formatDate', () => {
  it('writes civil dates for each language, whatever the time zone', () => {
    expect(formatDate('2027-03-15', 'ja')).toBe('2027年3月15日');
    expect(formatDate('2027-03-15', 'en')).toBe('15 March 2027');
    expect(formatDate(undefined, 'ja')).toBe('');
    expect(formatDate('soon', 'en')).toBe('soon');
  });
});

describe('small helpers', () => {
  it('falls back to a gentle name', () => {
    expect(childName({ nickname: '  ' }, 'お子さん')).toBe('お子さん');
    expect(childName({ nickname: 'はる' }, 'お子さん')).toBe('はる');
  });
  it('names export files by date', () => {
    expect(exportFileName(new Date(2026, 10, 5))).toBe('tsunagu-2026-11-05.json');
  });
  it('dials short numbers', () => {
    expect(telHref('#8000')).toBe('tel:%238000');
    expect(telHref('03-1234-5678')).toBe('tel:0312345678');
  });
  it('checks times', () => {
    expect(parseTime('8:05')).toBe('08:05');
    expect(parseTime('24:00')).toBeNull();
  });
});

describe('colours', () => {
  it('computes WCAG contrast', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(toHex(parseHex('#2E7D6F')!)).toBe('#2e7d6f');
    expect(parseHex('#abc')).toEqual([170, 187, 204]);
  });
  it('darkens or lightens just enough', () => {
    const pale = parseHex('#e0885a')!;
    const dark = ensureContrast(pale, [[255, 255, 255]], 4.5, 'dark');
    expect(contrast(dark, [255, 255, 255])).toBeGreaterThanOrEqual(4.5);
  });
  it('reaches AA for any town colour on both themes', () => {
    for (const [primary, accent] of [
      ['#2e7d6f', '#e0885a'],
      ['#ffeb3b', '#00bcd4'],
      ['#101010', '#202020'],
    ]) {
      for (const [surfaces, dark] of [
        [['#faf6f0', '#ffffff', '#f3ece2'], false],
        [['#151a19', '#1d2422', '#252d2b'], true],
      ] as const) {
        const p = townPalette(primary, accent, [...surfaces], dark);
        for (const s of surfaces) expect(contrast(parseHex(p.ink)!, parseHex(s)!)).toBeGreaterThanOrEqual(4.5);
        expect(contrast(parseHex(p.fill)!, parseHex(p.onFill)!)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});

describe('routes', () => {
  it('parses hash routes', () => {
    expect(parseHash('')).toEqual({ name: 'today' });
    expect(parseHash('#/archive?unread=1&child=2')).toEqual({ name: 'archive', childId: 2, unread: true, bookmarked: false, query: '' });
    expect(parseHash('#/message/12')).toEqual({ name: 'message', deliveryId: 12 });
    expect(parseHash('#/children/3/stop')).toEqual({ name: 'child-stop', id: 3 });
    expect(parseHash('#/children/add')).toEqual({ name: 'child-add' });
    expect(parseHash('#/nowhere')).toEqual({ name: 'today' });
    expect(parseHash('#/town')).toEqual({ name: 'town' });
  });
  it('knows the tab and the page of a route', () => {
    expect(tabOf(parseHash('#/message/1'))).toBe('archive');
    expect(tabOf(parseHash('#/welcome'))).toBeNull();
    expect(tabOf(parseHash('#/town'))).toBe('town');
    expect(pageKey(parseHash('#/archive?unread=1'))).toBe(pageKey(parseHash('#/archive')));
  });
});
