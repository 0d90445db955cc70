/**
 * Property tests (fast-check) for the whole pipeline on text and HTML nobody wrote by hand: it never
 * throws (other than a clear ExtractError for pages that are not articles), every offset it reports is
 * inside its block and on a code-point boundary, and the same input always gives the same result.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { nodeEngine } from './engine-node';
import { ExtractError, extractArticle, normalizeSpace } from './extract';
import { splitBlocks } from './tokenize';
import type { Analysis, Article, Block } from './types';

/** Sentences that reach the entity, role and quote code, so random input does not only exercise the fallbacks. */
const NEWSY = [
  '„Wir werden nicht nachgeben“, sagte Bundeskanzler Olaf Scholz am Montag in Berlin.',
  'Juri Uschakow, Putins Berater, erklärte, die Gespräche seien „konstruktiv“ gewesen.',
  '"We will not back down," said Joe Biden, the president of the United States, in Washington.',
  'Angela Merkel traf Emmanuel Macron in Paris; die EU-Kommission in Brüssel schwieg.',
  '«Nous verrons», a déclaré le ministre à Paris.',
  'The company, Microsoft, said in a statement that “results were strong”.',
  'Er sagte: „Das ist',
  '“',
  'Dr. med. Anna-Lena Müller-Lüdenscheidt (CDU) kritisierte die Pläne der Bundesregierung scharf.',
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
  { weight: 4, arbitrary: fc.constantFrom(...NEWSY) },
  { weight: 1, arbitrary: fc.constantFrom(' ', '\u00a0', '\n\n', '\u200b', '\ufeff', '\u{1F600}', '\ud83d', 'é', 'e\u0301', '„', '»', '"') },
);
const paragraph = fc.array(text, { minLength: 1, maxLength: 8 }).map((parts) => normalizeSpace(parts.join(' ')));

const escape = (s: string) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
const TAGS = ['p', 'div', 'span', 'b', 'i', 'a', 'h1', 'h2', 'li', 'ul', 'blockquote', 'section', 'article', 'table', 'td', 'tr', 'br', 'img', 'script', 'style', 'nav', 'aside', 'figure', 'figcaption', 'pre', 'noscript', 'canvas', 'svg'];
const { node: htmlNode } = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map(escape),
    fc
      .tuple(fc.constantFrom(...TAGS), fc.constantFrom('', ' class="content"', ' id="main"', ' class="share nav"', ' hidden', ' lang="en"', ' style="display:none"'), fc.array(tie('node'), { maxLength: 5 }), fc.boolean())
      .map(([tag, attr, kids, closed]) => `<${tag}${attr}>${kids.join('')}${closed ? `</${tag}>` : ''}`),
  ),
}));
const html = fc
  .tuple(fc.constantFrom('', '<!DOCTYPE html>'), fc.constantFrom('', '<html lang="de">', '<html lang="en">', '<html>'), fc.array(htmlNode, { maxLength: 8 }), fc.array(paragraph, { maxLength: 6 }))
  .map(([doctype, open, nodes, paras]) => `${doctype}${open}<body>${nodes.join('')}<article>${paras.map((p) => `<p>${escape(p)}</p>`).join('')}</article></body>`);

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** Not between the two halves of a surrogate pair. */
const onBoundary = (s: string, i: number) => i <= 0 || i >= s.length || !(isHigh(s.charCodeAt(i - 1)) && isLow(s.charCodeAt(i)));

function checkOffsets(a: Analysis, blocks: Block[]) {
  const spans: { block: number; start: number; end: number; what: string }[] = [];
  for (const e of a.entities) for (const o of e.occurrences) spans.push({ ...o, what: `entity ${e.name}` });
  for (const q of a.quotes) {
    spans.push({ block: q.block, start: q.start, end: q.end, what: 'quote' });
    for (const c of q.continues ?? []) spans.push({ ...c, what: 'quote continued' });
  }
  for (const s of splitBlocks(blocks, a.lang)) {
    spans.push({ ...s, what: 'sentence' });
    for (const t of s.tokens) spans.push({ block: s.block, start: t.start, end: t.end, what: `token ${t.text}` });
  }
  for (const s of spans) {
    const b = blocks[s.block]?.text;
    expect(b, `${s.what}: block ${s.block} exists`).toBeTypeOf('string');
    expect(s.start, s.what).toBeGreaterThanOrEqual(0);
    expect(s.end, s.what).toBeGreaterThanOrEqual(s.start);
    expect(s.end, s.what).toBeLessThanOrEqual(b.length);
    expect(onBoundary(b, s.start) && onBoundary(b, s.end), `${s.what} at ${s.start}-${s.end} on code-point boundaries`).toBe(true);
  }
  for (const e of a.entities) for (const o of e.occurrences) expect(blocks[o.block].text.slice(o.start, o.end)).toBe(o.text);
}

const article = (blocks: Block[], lang: string | null): Article => ({ url: null, title: 'T', siteName: null, byline: null, authors: [], published: null, description: null, declaredLang: lang, blocks });

describe('the pipeline on random input', () => {
  it('never throws on random Unicode text, keeps offsets in range and on code points, and is deterministic', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 6 }), fc.constantFrom('de', 'en', null, 'fr'), (paras, lang) => {
        const blocks = paras.filter(Boolean).map((t): Block => ({ text: t, kind: 'paragraph' }));
        const a = analyze(article(blocks, lang), nodeEngine);
        checkOffsets(a, blocks);
        expect(analyze(article(blocks, lang), nodeEngine)).toEqual(a);
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on random HTML except with a clear "not an article", and is deterministic', () => {
    fc.assert(
      fc.property(html, (page) => {
        let art: Article;
        try {
          art = extractArticle(page, 'https://example.org/a');
        } catch (e) {
          expect(e).toBeInstanceOf(ExtractError);
          return;
        }
        for (const b of art.blocks) expect(b.text).toBe(normalizeSpace(b.text));
        const a = analyze(art, nodeEngine);
        checkOffsets(a, art.blocks);
        expect(analyze(extractArticle(page, 'https://example.org/a'), nodeEngine)).toEqual(a);
      }),
      { numRuns: 120 },
    );
  });
});
