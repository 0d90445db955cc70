import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExtractError, extractArticle, parseDate } from './extract';
import { countWords } from './words';

const demo = readFileSync(join(import.meta.dirname, '../tests/fixtures/seed-article/index.html'), 'utf8');
const expected = JSON.parse(readFileSync(join(import.meta.dirname, '../tests/fixtures/seed-article/expected.json'), 'utf8'));
const para = (s: string) => `<p>${s}</p>`;
const long = 'Dies ist ein langer Satz über die Verhandlungen, die am Dienstag in Berlin stattfanden und lange dauerten. ';

describe('extractArticle', () => {
  const a = extractArticle(demo, 'http://example.org/demo');
  it('takes title, outlet, date and teaser from the page metadata', () => {
    expect(a.title).toBe(expected.title);
    expect(a.siteName).toBe('Demo Rundschau');
    expect(a.published).toBe(expected.published);
    expect(a.description).toMatch(/^Eine US-Delegation traf sich mit Putin im Kreml/);
    expect(a.declaredLang).toBe('de');
    expect(a.byline).toBeNull(); // "Stand: 03.12.2025, 11:00 Uhr" is a dateline, not an author
  });

  it('keeps boilerplate out of the article', () => {
    const text = a.blocks.map((b) => b.text);
    for (const junk of expected.boilerplate_not_in_article) expect(text.filter((t) => t === junk || t.includes(junk) && junk.length > 20)).toEqual([]);
    expect(text.some((t) => /SHARE|Continue reading|Qualitäts-Ticket/.test(t))).toBe(false);
  });

  it('drops a paragraph repeated word for word (teaser and lead)', () => {
    const text = a.blocks.map((b) => b.text);
    expect(new Set(text).size).toBe(text.length);
    expect(text.at(-1)).toMatch(/^In einem Telegram-Beitrag sagte/);
  });

  it('gives clear errors for pages that are not articles', () => {
    expect(() => extractArticle('')).toThrow(ExtractError);
    expect(() => extractArticle('<html><body><nav><a href="/">Home</a></nav></body></html>')).toThrow(/no article/);
    try {
      extractArticle('x'.repeat(9_000_000));
    } catch (e) {
      expect((e as ExtractError).code).toBe('too-large');
    }
  });

  it('survives malformed HTML', () => {
    const html = `<html><body><div><p>${long}<b>unclosed <i>tags ${long}</div><p>${long}<table><tr><td>${long}`;
    const r = extractArticle(html);
    expect(r.blocks.length).toBeGreaterThan(0);
  });

  it('leaves soft hyphens and zero-width characters out of the text, so a name is one word', () => {
    const html = `<html><body><article>${para(long.repeat(2))}<p>Bürger\u00admeis\u00adterin Han\u00adna Kurz\u200bweil sprach\ufeff lange. ${long}</p></article></body></html>`;
    expect(extractArticle(html).blocks[1].text).toBe(`Bürgermeisterin Hanna Kurzweil sprach lange. ${long.trim()}`);
  });

  it('reads a date from JSON-LD when meta tags have none', () => {
    const html = `<html><head><title>T</title><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2024-05-01T08:00:00Z"}]}</script></head><body><article>${para(long.repeat(3))}${para(long.repeat(2))}</article></body></html>`;
    expect(extractArticle(html).published).toBe('2024-05-01T08:00:00Z');
  });
});

describe('extraction on saved pages that showed bugs (tests/fixtures/pages)', () => {
  const page = (name: string) => readFileSync(join(import.meta.dirname, '../tests/fixtures/pages', name), 'utf8');

  it('takes a Chinese article for an article, counting its words by characters', () => {
    const a = extractArticle(page('chinese-article.html'));
    expect(a.blocks.map((b) => b.text).join('')).toContain('王奶奶');
    expect(countWords('青年志愿者走进社区')).toBe(5);
    expect(countWords('Ein Satz, drei Wörter? 2024!')).toBe(5);
  });

  it('drops pointers to other articles, picture credits, copyright lines and sign-up calls, not the article', () => {
    const text = extractArticle(page('boilerplate-blocks.html')).blocks.map((b) => b.text);
    expect(text).toHaveLength(3);
    expect(text[1]).toMatch(/^Bild und Ton der Sitzung/); // "Bild" without a colon is not a credit
    expect(text.join(' ')).not.toMatch(/Titelbild|Anzeige|Lesen Sie auch|Auch interessant|Subscribe|©/);
  });

  it('finds the whole article when Readability’s strict first attempt only sees the teaser', () => {
    const text = extractArticle(page('sidebar-article.html')).blocks.map((b) => b.text).join('\n');
    expect(text).toContain('Mitchell said she hoped schools in Ontario');
    expect(text).toContain('A new study suggests');
  });
});

/** A page around body paragraphs, with whatever the test puts before and after them. */
const page = (inner: string, head = '') =>
  `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Neue Brücke für Lindenau</title>${head}</head><body><header><h1>Neue Brücke für Lindenau</h1></header><main><article>${inner}</article></main></body></html>`;
const body = [
  'Der Stadtrat von Lindenau hat am Mittwoch den Bau einer neuen Fußgängerbrücke über die Weiße Elster beschlossen, die zwei Stadtteile verbinden soll.',
  'Bürgermeisterin Hanna Kurzweil sprach nach der Sitzung von einem guten Tag für die Stadt und dankte den Fraktionen für die rasche Einigung.',
  'Die Kosten von rund drei Millionen Euro teilen sich Stadt und Land, die Bauarbeiten sollen im kommenden Frühjahr beginnen und ein Jahr dauern.',
  'Anwohner hatten seit Jahren eine sichere Verbindung gefordert, weil der Umweg über die alte Straßenbrücke mehr als zwei Kilometer lang ist.',
].map(para);
const texts = (html: string) => extractArticle(html).blocks.map((b) => b.text);

describe('the publication date, from every common source, in the page’s own terms', () => {
  const dateOf = (head: string, inner = body.join('')) => extractArticle(page(inner, head)).published;
  it.each([
    ['<meta property="article:published_time" content="2024-03-05T09:30:00+01:00">', '2024-03-05T09:30:00+01:00'],
    ['<meta name="pubdate" content="2024-03-05">', '2024-03-05'],
    ['<meta name="DC.date.issued" content="2024-03-05T09:30:00+0100">', '2024-03-05T09:30:00+01:00'],
    ['<meta name="sailthru.date" content="2024-03-05 09:30:00 -0500">', '2024-03-05T09:30:00-05:00'],
    ['<meta name="parsely-pub-date" content="2024-03-05T14:30:00Z">', '2024-03-05T14:30:00Z'],
    ['<meta name="date" content="Di., 05.03.2024 - 09:30">', '2024-03-05T09:30'],
    ['<meta itemprop="datePublished" content="2024-3-5">', '2024-03-05'],
    ['<script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":"NewsArticle","datePublished":"2024-03-05T09:30:00+01:00"}]}</script>', '2024-03-05T09:30:00+01:00'],
  ])('%s', (head, want) => expect(dateOf(head)).toBe(want));

  it('from microdata on an element and from the <time> in the article’s header', () => {
    expect(dateOf('', `<div itemprop="datePublished" datetime="2024-03-05">5. März 2024</div>${body.join('')}`)).toBe('2024-03-05');
    expect(dateOf('', `<div class="article-meta"><time datetime="2024-03-05T09:30:00+01:00">5. März</time></div>${body.join('')}`)).toBe('2024-03-05T09:30:00+01:00');
    expect(dateOf('', `<p class="date"><time>5. März 2024, 09:30 Uhr</time></p>${body.join('')}`)).toBe('2024-03-05T09:30');
  });

  it('not from the dates of works an article cites, nor modification times', () => {
    const cited = '<div itemscope itemtype="https://schema.org/Book"><meta itemprop="datePublished" content="1988-01-01"></div>';
    expect(dateOf('<meta property="article:modified_time" content="2024-04-01T10:00:00Z">', `${cited}${body.join('')}`)).toBeNull();
  });

  it('a time from a second source on the same day completes a date', () => {
    expect(dateOf('<meta name="dcterms.created" content="2024-03-05">', `<header><time datetime="2024-03-05T09:30:00+01:00">5. März</time></header>${body.join('')}`)).toBe('2024-03-05T09:30:00+01:00');
  });
});

describe('parseDate', () => {
  it.each([
    ['2024-03-05T09:30:00.123+01:00', '2024-03-05T09:30:00.123+01:00'],
    ['2024-03-05 09:30', '2024-03-05T09:30'],
    ['20240305', '2024-03-05'],
    ['2024/03/05', '2024-03-05'],
    ['5. März 2024', '2024-03-05'],
    ['March 5, 2024 at 4:56 p.m.', '2024-03-05T16:56'],
    ['Tue, 05 Mar 2024 09:30:00 +0100', '2024-03-05T09:30:00+01:00'],
    ['Tue Mar 05 09:30:00 CET 2024', '2024-03-05T09:30:00+01:00'],
    ['5 de marzo de 2024', '2024-03-05'],
    ['2024', null],
    ['2024-02-30', null],
    ['Mo - So von 08 - 20 Uhr', null],
  ])('%s → %s', (v, want) => expect(parseDate(v)).toBe(want));
});
