import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { permissionOrigins, summaryUrl, thumbnailOf, toPreview, WIKIPEDIA } from './wikipedia';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../tests/fixtures/wikipedia/de/${name}.json`, import.meta.url), 'utf8'));

describe('Wikipedia gateway', () => {
  it('builds the REST summary address in the article’s language', () => {
    const base = 'https://{lang}.wikipedia.org/api/rest_v1/page/summary/';
    expect(summaryUrl(base, 'de', 'Juri Uschakow')).toBe('https://de.wikipedia.org/api/rest_v1/page/summary/Juri_Uschakow');
    expect(summaryUrl(base, 'en', 'AC/DC')).toBe('https://en.wikipedia.org/api/rest_v1/page/summary/AC%2FDC');
    expect(summaryUrl(base, '../x', 'A')).toBe('https://en.wikipedia.org/api/rest_v1/page/summary/A');
  });

  it('asks for the API’s hosts in every language and for its images', () => {
    expect(permissionOrigins('https://{lang}.wikipedia.org/api/rest_v1/page/summary/')).toEqual(['https://*.wikipedia.org/*', 'https://upload.wikimedia.org/*']);
    expect(permissionOrigins('http://127.0.0.1:4711/{lang}/')).toEqual(['http://127.0.0.1/*']);
  });

  it('turns a standard page into a preview with description, extract, link and image address', () => {
    const json = fixture('Juri_Uschakow');
    const p = toPreview(json, 'Juri Uschakow');
    expect(p).toMatchObject({ kind: 'standard', title: 'Juri Uschakow', description: 'russischer Diplomat', url: 'https://de.wikipedia.org/wiki/Juri_Uschakow', lang: 'de', dir: 'ltr' });
    expect(p.kind === 'standard' && p.extract).toMatch(/^Juri Wiktorowitsch Uschakow ist ein russischer Diplomat\./);
    expect(thumbnailOf(json)).toMatchObject({ width: 160, height: 200, source: expect.stringMatching(/^https:\/\/upload\.wikimedia\.org\//) });
  });

  it('shows a disambiguation page as such', () => {
    expect(toPreview(fixture('Sergei_Markov'), 'Sergei Markov')).toMatchObject({ kind: 'disambiguation', title: 'Sergei Markov' });
  });

  it('stands a quiet "none" in for errors, empty extracts and anything else', () => {
    const notFound = { type: 'https://mediawiki.org/wiki/HyperSwitch/errors/not_found', title: 'Not found.', method: 'get', detail: 'Page or revision not found.' };
    expect(toPreview(notFound, 'X')).toEqual({ kind: 'none', title: 'X' });
    expect(toPreview({ ...fixture('Wladimir_Putin'), extract: '' }, 'W')).toEqual({ kind: 'none', title: 'W' });
    expect(toPreview(null, 'Y')).toEqual({ kind: 'none', title: 'Y' });
    expect(toPreview('<html>', 'Z')).toEqual({ kind: 'none', title: 'Z' });
  });

  it('cuts long extracts at a sentence end', () => {
    const long = Array.from({ length: 30 }, (_, i) => `Satz ${i} ist ein ganz gewöhnlicher Satz.`).join(' ');
    const p = toPreview({ ...fixture('Wladimir_Putin'), extract: long }, 'W');
    expect(p.kind === 'standard' && p.extract.length).toBeLessThanOrEqual(WIKIPEDIA.maxExtractChars);
    expect(p.kind === 'standard' && p.extract).toMatch(/Satz\.$/);
  });
});
