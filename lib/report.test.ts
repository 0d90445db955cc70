import { describe, expect, it } from 'vitest';
import { toJSON, toMarkdown } from './report';
import type { Analysis } from './types';

const a: Analysis = {
  url: 'https://example.org/a', title: 'Titel', siteName: 'Blatt', byline: null, authors: [], published: '2025-12-03T11:00:00+01:00', description: null, lang: 'de',
  summary: ['Ein Satz.'], blocks: [{ text: 'Er sah „Tatort“. „Ja“, sagte Anna.', kind: 'paragraph' }], words: 7, readingMinutes: 1,
  entities: [{ id: 'e1', type: 'person', name: 'Anna Berg', forms: ['Anna'], role: 'Ministerin', mentions: 1, occurrences: [] }],
  quotes: [
    { text: 'Tatort', speaker: null, speakerId: null, speakerRole: null, partial: true, kind: 'direct', block: 0, start: 8, end: 14, nonSpeech: 'title' },
    { text: 'Ja', speaker: 'Anna Berg', speakerId: 'e1', speakerRole: 'Ministerin', partial: false, kind: 'direct', block: 0, start: 18, end: 20 },
  ],
};

describe('reports', () => {
  it('Markdown lists quotations with speakers and leaves titles out', () => {
    const md = toMarkdown(a);
    expect(md).toContain('- „Ja“ — **Anna Berg**, Ministerin');
    expect(md).not.toContain('Tatort');
    expect(md).toContain('Blatt · 03.12.2025');
  });

  it('JSON keeps the contract’s fields and flags titles instead of dropping them', () => {
    const j = toJSON(a);
    expect(Object.keys(j).slice(0, 9)).toEqual(['url', 'title', 'siteName', 'published', 'lang', 'summary', 'entities', 'quotes', 'description']);
    expect(j.quotes.map((q) => q.nonSpeech ?? null)).toEqual(['title', null]);
  });

  it('names the article’s authors (JSON keeps the byline as the page wrote it)', () => {
    const by = { ...a, byline: 'VON MAX MUSTER, 3. März', authors: ['Max Muster', 'Erika Beispiel'] };
    expect(toJSON(by)).toMatchObject({ byline: 'VON MAX MUSTER, 3. März', authors: ['Max Muster', 'Erika Beispiel'] });
    expect(toMarkdown(by)).toContain('Blatt · 03.12.2025 · Max Muster und Erika Beispiel');
  });
});
