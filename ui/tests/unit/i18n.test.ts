// The UI strings: ja and en carry the same keys, every key the code uses exists, and the
// strings format without Fluent errors.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const read = (lang: string) => readFileSync(join(root, '../locales', lang, 'ui.ftl'), 'utf8');

function ids(source: string): string[] {
  const resource = new FluentResource(source);
  return resource.body.map((entry) => entry.id).sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'mock' ? [] : sourceFiles(path);
    return /\.(svelte|ts)$/.test(name) ? [path] : [];
  });
}

describe('locales/*/ui.ftl', () => {
  const ja = ids(read('ja'));
  const en = ids(read('en'));

  it('has the same keys in Japanese and English', () => {
    expect(ja.length).toBeGreaterThan(50);
    expect(en.filter((k) => !ja.includes(k))).toEqual([]);
    expect(ja.filter((k) => !en.includes(k))).toEqual([]);
  });

  it('has no duplicate keys', () => {
    expect(new Set(ja).size).toBe(ja.length);
    expect(new Set(en).size).toBe(en.length);
  });

  it('parses without errors and formats every message', () => {
    for (const lang of ['ja', 'en']) {
      const bundle = new FluentBundle(lang, { useIsolating: false });
      expect(bundle.addResource(new FluentResource(read(lang)))).toEqual([]);
      const args = { count: 3, title: 'T', query: 'Q', town: 'X', name: 'N', phone: '#8000', hours: 'H', date: 'D', file: 'f.json', version: '1', stage: 'S', path: '/p/tsunagu.db', first: 'F', last: 'L' };
      for (const id of ids(read(lang))) {
        const errors: Error[] = [];
        const value = bundle.getMessage(id)?.value;
        expect(value, `${lang} ${id}`).toBeTruthy();
        bundle.formatPattern(value!, args, errors);
        expect(errors, `${lang} ${id}`).toEqual([]);
      }
    }
  });

  it('has every key the code asks for', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-z0-9-]+)'/g)) used.add(m[1]);
      // Keys held in data (tab labels) and built from a fixed set of values.
      for (const m of text.matchAll(/label: '([a-z]+-[a-z0-9-]+)'/g)) used.add(m[1]);
    }
    for (const v of ['expecting', 'born', 'ended']) used.add(`child-status-${v}`);
    for (const v of ['pregnancy-loss', 'child-loss', 'other']) used.add(`stop-reason-${v}`);
    for (const v of ['standard', 'large', 'larger']) used.add(`text-size-${v}`);
    for (const v of ['system', 'light', 'dark']) used.add(`theme-${v}`);
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !ja.includes(k))).toEqual([]);
  });

  it('never congratulates on the stop-messages path', () => {
    for (const lang of ['ja', 'en']) {
      const bundle = new FluentBundle(lang, { useIsolating: false });
      bundle.addResource(new FluentResource(read(lang)));
      for (const id of ids(read(lang)).filter((k) => /^(stop|support|resume)-/.test(k))) {
        const text = bundle.formatPattern(bundle.getMessage(id)!.value!, { name: 'N', phone: 'P', hours: 'H' });
        expect(text).not.toMatch(/おめでとう|congratulat|誕生|arrival/i);
      }
    }
  });
});
