import { describe, expect, it } from 'vitest';
import { formatAuthors, formatCitation, formatDate, fragmentLink, speakerDescription } from './citation';
import type { Analysis, Quote } from './types';

const block = 'Er sagte „Ja“. Später sagte sie „Ja“ und ging.';
const q2: Quote = { text: 'Ja', speaker: 'Anna Beispiel', speakerId: 'e1', speakerRole: 'Sprecherin der <Firma>', partial: false, kind: 'direct', block: 0, start: block.lastIndexOf('Ja'), end: block.lastIndexOf('Ja') + 2 };
const a = (lang: string, over: Partial<Analysis> = {}): Analysis => ({
  url: 'https://example.org/a?x=1#top', title: 'Titel & Co', siteName: 'Demo', byline: null, authors: [], published: '2025-12-03T00:30:00+01:00', description: null,
  lang, summary: [], entities: [], quotes: [q2], blocks: [{ text: block, kind: 'paragraph' }], words: 10, readingMinutes: 1, ...over,
});

describe('citations', () => {
  it('keeps the publisher’s date (no shift to UTC)', () => {
    expect(formatDate('2025-12-03T00:30:00+01:00', 'de')).toBe('03.12.2025');
    expect(formatDate('2025-12-03T00:30:00+01:00', 'en')).toBe('3 December 2025');
    expect(formatDate(null, 'de')).toBeNull();
  });

  it('German plain text with „…“, role, title, outlet, date and link', () => {
    expect(formatCitation(a('de'), q2)).toBe(`„Ja“ — Anna Beispiel, Sprecherin der <Firma>. In: Titel & Co, Demo, 03.12.2025. ${fragmentLink(a('de'), q2)}`);
  });

  it('English uses “…”', () => expect(formatCitation(a('en'), q2)).toMatch(/^“Ja” — Anna Beispiel/));

  it('shows the article’s description of a speaker only where it says more than the role', () => {
    expect(speakerDescription({ ...q2, speakerRole: 'Virologin', speakerDescription: 'die Virologin' })).toBeNull();
    expect(speakerDescription({ ...q2, speakerRole: null, speakerDescription: 'die Virologin' })).toBe('die Virologin');
    expect(speakerDescription({ ...q2, speakerRole: 'Bürgermeisterin', speakerDescription: 'die Hamburgerin' })).toBe('die Hamburgerin');
  });

  it('a speaker withheld as uncertain is not guessed in any format: the citation names nobody', () => {
    const unsure: Quote = { ...q2, speaker: null, speakerId: null, speakerRole: null, uncertain: true, guess: { speaker: 'Anna Beispiel', speakerId: 'e1' } };
    const text = formatCitation(a('de'), unsure);
    expect(text.startsWith('„Ja“. In: Titel & Co, Demo, 03.12.2025.')).toBe(true);
    for (const format of ['text', 'markdown', 'html'] as const) {
      const c = formatCitation(a('de'), unsure, format);
      expect(c).not.toContain('Anna Beispiel');
      expect(c).not.toContain('ohne Quellenangabe');
    }
  });

  it('the text-fragment link carries context so it lands on the second „Ja“, not the first', () => {
    const link = fragmentLink(a('de'), q2)!;
    expect(link.startsWith('https://example.org/a?x=1#:~:text=')).toBe(true);
    expect(decodeURIComponent(link.split('#:~:text=')[1])).toBe('Später sagte sie-,„Ja“,-und ging.');
  });

  it('HTML escapes page text and uses blockquote cite', () => {
    const html = formatCitation(a('de'), q2, 'html');
    expect(html).toMatch(/^<blockquote cite="https:\/\/example\.org\/a\?x=1#:~:text=[^"]+"><p>„Ja“<\/p><footer>— Anna Beispiel, Sprecherin der &lt;Firma&gt;\. In: <cite><a href="[^"]+">Titel &amp; Co<\/a><\/cite>, Demo, 03\.12\.2025\.<\/footer><\/blockquote>$/);
  });

  it('Markdown quotes the text and links the title', () => {
    const md = formatCitation(a('de'), q2, 'markdown');
    expect(md.split('\n')[0]).toBe('> „Ja“');
    expect(md).toContain('— **Anna Beispiel**, Sprecherin der \\<Firma\\>. In: [Titel & Co](https://example.org/a?x=1#:~:text=');
  });

  it('names the article’s authors before its title, in every format', () => {
    const two = a('de', { authors: ['Max Muster', 'Erika Beispiel'] });
    expect(formatCitation(two, q2)).toBe(`„Ja“ — Anna Beispiel, Sprecherin der <Firma>. In: Max Muster und Erika Beispiel: Titel & Co, Demo, 03.12.2025. ${fragmentLink(two, q2)}`);
    expect(formatCitation(two, q2, 'markdown')).toContain('. In: Max Muster und Erika Beispiel: [Titel & Co](https://example.org/a?x=1#:~:text=');
    expect(formatCitation(two, q2, 'html')).toContain('. In: Max Muster und Erika Beispiel: <cite><a href=');
    expect(formatCitation(a('en', { authors: ['Jane Roe', 'John Doe', 'Max Muster', 'Erika Beispiel'] }), q2)).toContain('. In: Jane Roe et al.: Titel & Co, Demo, 3 December 2025.');
    expect(formatAuthors(['A B', 'C D', 'E F'], 'en')).toBe('A B, C D and E F');
  });

  it('works without a URL', () => expect(formatCitation(a('de', { url: null }), q2)).toBe('„Ja“ — Anna Beispiel, Sprecherin der <Firma>. In: Titel & Co, Demo, 03.12.2025.'));
});
