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
    expect(text).toEqual(['Stadtrat beschließt neuen Radweg am Fluss', expect.stringMatching(/^Der Stadtrat hat/), expect.stringMatching(/^Bild und Ton der Sitzung/), expect.stringMatching(/^„Wir wollen/)]);
    // "Bild" without a colon is not a credit
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
/** The blocks after the headline. */
const texts = (html: string) => extractArticle(html).blocks.slice(1).map((b) => b.text);

describe('the headline', () => {
  it('is the first block, as the page’s <h1> shows it, also when the title names the outlet too', () => {
    const a = extractArticle(page(body.join('')).replace('<title>Neue Brücke für Lindenau</title>', '<title>Neue Brücke für Lindenau | Lindenauer Bote</title>'));
    expect(a.blocks[0]).toEqual({ text: 'Neue Brücke für Lindenau', kind: 'heading' });
    expect(a.title).toBe('Neue Brücke für Lindenau');
    expect(a.blocks.filter((b) => b.text === 'Neue Brücke für Lindenau')).toHaveLength(1);
  });

  it('is followed by the teaser the page shows under it, found by its description, when the article’s container left it out', () => {
    const dek = 'Nach Jahren des Streits bekommt Lindenau eine zweite Brücke über die Weiße Elster, und der Umweg über die Altstadt hat ein Ende.';
    const html = page(body.join(''), '<meta name="description" content="Nach Jahren des Streits bekommt Lindenau eine zweite Brücke über die Weiße Elster, und der…">').replace('</h1></header>', `</h1><p class="dek">${dek}</p></header>`);
    expect(extractArticle(html).blocks.slice(0, 3).map((b) => b.text)).toEqual(['Neue Brücke für Lindenau', dek, expect.stringMatching(/^Der Stadtrat von Lindenau/)]);
    // a card that points to the article with its teaser cut short is not the teaser
    const card = html.replace(`<p class="dek">${dek}</p>`, '<p class="dek">Nach Jahren des Streits bekommt Lindenau eine zweite Brücke über die Weiße Elster, und der…</p>');
    expect(extractArticle(card).blocks[1].text).toMatch(/^Der Stadtrat von Lindenau/);
  });

  it('is the part of a longer <h1> that the title confirms, and never the outlet’s logo', () => {
    const html = page(body.join(''), '<meta property="og:title" content="Neue Brücke für Lindenau"><meta property="og:site_name" content="Lindenauer Bote">')
      .replace('<header><h1>Neue Brücke für Lindenau</h1></header>', '<header><h1><a href="/">Lindenauer Bote</a></h1><h1><span>Lokales | </span><span>Neue Brücke für Lindenau</span></h1></header>');
    expect(extractArticle(html).blocks[0].text).toBe('Neue Brücke für Lindenau');
  });

  it('is an <h2> (or the element marked as the headline) when the only <h1> is the outlet’s logo', () => {
    const logo = '<header><h1><a href="/">Lindenauer Bote</a></h1></header>';
    const h2 = page(body.join(''), '<meta property="og:title" content="Neue Brücke für Lindenau">').replace('<header><h1>Neue Brücke für Lindenau</h1></header>', `${logo}<h2 class="headline">Neue Brücke für Lindenau</h2><h2>Mehr aus Lindenau</h2>`);
    expect(extractArticle(h2).blocks[0]).toEqual({ text: 'Neue Brücke für Lindenau', kind: 'heading' });
    const marked = h2.replace('<h2 class="headline">Neue Brücke für Lindenau</h2>', '<span itemprop="name headline">Neue Brücke für Lindenau</span>');
    expect(extractArticle(marked).blocks[0]).toEqual({ text: 'Neue Brücke für Lindenau', kind: 'heading' });
    // a sub-heading the title does not confirm is no headline
    const other = h2.replace('<h2 class="headline">Neue Brücke für Lindenau</h2>', '');
    expect(extractArticle(other).blocks[0].kind).toBe('paragraph');
  });

  it('is not the outlet’s name when the page gives its headline as its application name too', () => {
    const html = page(body.join(''), '<meta name="application-name" content="Neue Brücke für Lindenau">');
    const a = extractArticle(html, 'https://www.lindenauer-bote.de/lokales/bruecke');
    expect(a.blocks[0]).toEqual({ text: 'Neue Brücke für Lindenau', kind: 'heading' });
    expect(a.siteName).not.toBe('Neue Brücke für Lindenau');
  });
});

describe('line breaks', () => {
  it('keeps where a paragraph breaks its lines (<br>), in text as the page shows it', () => {
    const list = '<p>Signed by<br>\n<strong>Anne Roe</strong><br>\nMarie Lund, author<br>Tom Falk, Lindenau College</p>';
    const a = extractArticle(page(body.slice(0, 2).join('') + list + body.slice(2).join('')));
    const b = a.blocks.find((x) => x.text.startsWith('Signed by'))!;
    expect(b.text).toBe('Signed by Anne Roe Marie Lund, authorTom Falk, Lindenau College');
    expect(b.breaks!.map((k) => b.text.slice(k, k + 5))).toEqual(['Anne ', 'Marie', 'Tom F']);
    // a paragraph without one has none
    expect(a.blocks.find((x) => x.text.startsWith('Der Stadtrat'))!.breaks).toBeUndefined();
  });
});

describe('what is not the article’s text (GUIDELINES “Article text”)', () => {
  it('drops a byline, by its class or by its words, and names the author', () => {
    const a = extractArticle(page(`<p class="article-byline">Von Torsten Beispielmann, Lindenau</p>${body.join('')}<p>By Jane Roe, Valley Courier, Springfield</p>`));
    const t = a.blocks.map((b) => b.text).join('\n');
    expect(t).not.toMatch(/Beispielmann|Jane Roe/);
    expect(a.authors).toEqual(['Torsten Beispielmann']);
  });

  it('drops a photo credit and a caption inside a figure, and a caption that ends with its credit', () => {
    const t = texts(
      page(
        `${body[0]}<figure><img src="bruecke.jpg"><figcaption>Hanna Kurzweil am Ufer der Weißen Elster. Foto: Karl Knipser</figcaption></figure>` +
          `${body[1]}<p>Die alte Straßenbrücke im Morgennebel (Foto: Paula Pixel)</p><p>(dpa)</p><p>Source: Lindenau Planning Office, Regional Statistics Bureau</p>${body.slice(2).join('')}`,
      ),
    );
    expect(t.join('\n')).not.toMatch(/Knipser|Pixel|Morgennebel|\(dpa\)|Planning Office/);
    expect(t).toHaveLength(4);
  });

  it('drops a caption in an inline box around a picture, not the paragraphs beside it', () => {
    const t = texts(page(`<div>${body[0]} <span class="story-image"><img src="a.jpg"><span class="caption"><span class="credit">© Bildagentur</span> Kurt Knips zeigt die Pläne</span></span> ${body[1]}</div>${body.slice(2).join('')}`));
    expect(t.join('\n')).not.toMatch(/Knips|Bildagentur/);
    expect(t.join('\n')).toContain('Bürgermeisterin Hanna Kurzweil');
  });

  it('drops a teaser box for other articles and a paragraph that is one link elsewhere, with its label', () => {
    const t = texts(
      page(
        `${body.slice(0, 2).join('')}<div class="related-articles"><h3>Mehr aus der Region</h3><ul><li><a href="/a">Bürgermeister Otto Nebel tritt zurück</a></li><li><a href="/b">Neues Hallenbad in Auental eröffnet</a></li></ul></div>` +
          `<p><strong>Mehr zum Hochwasser:</strong></p><p><a href="/p">Die Pegelstände der Elster</a></p><p><a href="/c">Wie sich Lindenau auf das nächste Hochwasser an der Weißen Elster vorbereitet (Lindenauer Bote)</a></p>${body.slice(2).join('')}`,
      ),
    );
    expect(t.join('\n')).not.toMatch(/Otto Nebel|Hallenbad|Hochwasser/);
    expect(t).toHaveLength(4);
  });

  it('keeps the article’s own lead even when its class says “teaser” (it links nowhere)', () => {
    const t = texts(page(`<p class="article-teaser">Lindenau bekommt eine zweite Brücke über die Weiße Elster, und Radfahrer wie Fußgänger sparen sich künftig einen langen Umweg.</p>${body.join('')}`));
    expect(t[0]).toMatch(/^Lindenau bekommt/);
  });

  it('drops a job advertisement box, also when broken HTML puts it inside a paragraph', () => {
    const ad = '<div class="job-slider"><span>Entwicklungsingenieur (m/w/d) Brückenbau</span> <small>Musterbau GmbH</small> <span>Auental</span></div>';
    const t = texts(page(`${body[0]}<p>${body[1].slice(3, -4)} ${ad} ${body[2].slice(3, -4)}</p>${body[3]}`));
    expect(t.join('\n')).not.toMatch(/Musterbau|Entwicklungsingenieur/);
    expect(t.join('\n')).toContain('Die Kosten von rund drei Millionen Euro');
  });

  it('keeps a paragraph whole when an element inside its text looks like a byline to Readability (a dateline, an editor’s author span)', () => {
    const first = '<p><span class="dateline">LINDENAU —</span> Der Stadtrat von Lindenau hat am Mittwoch den Bau einer neuen Fußgängerbrücke über die Weiße Elster beschlossen, die zwei Stadtteile verbinden soll, und damit eine lange Debatte beendet, die seit Jahren die Stadt beschäftigt hat.</p>';
    const second = '<p><span>Bürgermeisterin Hanna Kurzweil sprach nach der Sitzung von einem guten Tag für die Stadt</span><span class="author-a1b2c3">,</span><span> und sie dankte den Fraktionen für die rasche Einigung, die nach monatelangem Streit über die Kosten und den Standort der Brücke am Ende doch noch gelungen ist.</span></p>';
    const t = texts(page(`${first}${second}${body.slice(2).join('')}`));
    expect(t[0]).toMatch(/^LINDENAU — Der Stadtrat/);
    expect(t[1]).toContain('guten Tag für die Stadt, und sie dankte');
  });

  it('does not take a “no_caption” class for a caption', () => {
    const t = texts(page(`<div class="item no_caption"><img src="a.jpg"><p>${body[0].slice(3, -4)}</p></div>${body.slice(1).join('')}`));
    expect(t).toHaveLength(4);
  });
});

describe('a live blog with many entries', () => {
  const entry = (time: string, who: string, text: string) =>
    `<div class="live-entry"><div class="entry-info"><time>${time}</time><mark>${who}</mark></div><div class="entry-content"><h3>Neues aus dem Rathaus</h3><p>${text}</p></div></div>`;
  const repeated = '„Wir bauen die Brücke so schnell wie möglich, aber nicht auf Kosten der Sicherheit“, sagte Kurzweil am Abend noch einmal.';
  const updates = Array.from({ length: 12 }, (_, i) => `Update ${i + 1}: Der Stadtrat berät weiter über die Brücke in Lindenau, heute ist Sitzung Nummer ${i + 1} des Bauausschusses.`);
  const html = page(`${body[0]}${[repeated, ...updates, repeated].map((t, i) => entry(`1${i % 10}:0${i % 6}`, 'Jana Beispiel', t)).join('')}`);
  const t = texts(html);

  it('keeps every entry, and a statement an entry repeats far from its first one', () => {
    for (const u of updates) expect(t).toContain(u);
    expect(t.filter((x) => x === repeated)).toHaveLength(2);
  });

  it('leaves out the entries’ time and author lines', () => {
    expect(t.join('\n')).not.toContain('Jana Beispiel');
  });
});

describe('authors', () => {
  const withHead = (head: string, inner = body.join('')) => extractArticle(page(inner, head));
  it('from JSON-LD (a person, also by @id in a @graph), not the publisher', () => {
    const ld = { '@context': 'https://schema.org', '@graph': [{ '@type': 'NewsArticle', author: [{ '@id': '#p1' }, { '@type': 'Person', name: 'Erika Muster' }], publisher: { '@type': 'Organization', name: 'Lindenauer Bote' } }, { '@type': 'Person', '@id': '#p1', name: 'Max Beispiel' }] };
    expect(withHead(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`).authors).toEqual(['Max Beispiel', 'Erika Muster']);
  });

  it('from meta author, without the outlet', () => {
    expect(withHead('<meta name="author" content="Lindenauer Bote"><meta property="og:site_name" content="Lindenauer Bote">').authors).toEqual([]);
    expect(withHead('<meta name="author" content="Max Beispiel | Lindenauer Bote"><meta property="og:site_name" content="Lindenauer Bote">').authors).toEqual(['Max Beispiel']);
  });

  it('from a rel=author link or a byline, cleaned of label, date and capitals', () => {
    expect(withHead('', `<p class="meta">Ein Beitrag von <a rel="author" href="/autor/mb">Max Beispiel</a></p>${body.join('')}`).authors).toEqual(['Max Beispiel']);
    expect(withHead('', `<div class="byline">VON ERIKA MUSTER UND MAX BEISPIEL am 3. März 2024</div>${body.join('')}`).authors).toEqual(['Erika Muster', 'Max Beispiel']);
  });

  it('not from the bylines of a list of other articles', () => {
    const teasers = Array.from({ length: 4 }, (_, i) => `<div class="teaser-item"><a href="/t${i}">Anderer Artikel ${i}</a><span class="item-author">Autor Nummer${i} Beispiel</span></div>`).join('');
    expect(withHead('', `${body.join('')}${teasers}`).authors).toEqual([]);
  });
});

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
