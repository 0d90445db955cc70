/** Every UI string the code asks for exists in English and German, with the same placeholders. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
type Messages = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const load = (lang: string): Messages => JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8'));
const en = load('en');
const de = load('de');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

const used = new Set<string>();
for (const file of [...sources(join(ROOT, 'components')), ...sources(join(ROOT, 'entrypoints'))]) {
  for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z]+)'/g)) used.add(m[1]);
}

describe('UI strings (_locales)', () => {
  it('has English and German for the same keys', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('has every key the UI uses', () => {
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((k) => !en[k])).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    for (const k of Object.keys(en)) expect(Object.keys(de[k]?.placeholders ?? {}), k).toEqual(Object.keys(en[k].placeholders ?? {}));
  });
});
