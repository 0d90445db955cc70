// @vitest-environment jsdom
/**
 * Marking then unmarking restores the DOM, for random pages (fast-check). jsdom has no CSS Custom
 * Highlight API, so this drives the fallback that wraps mentions in elements of ours — the path that
 * really changes the page while it is annotated. (The Highlight API path is checked on real pages in
 * Chromium by the corpus test.)
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../lib/analyze';
import { nodeEngine } from '../lib/engine-node';
import { ExtractError, extractArticle } from '../lib/extract';
import type { Analysis } from '../lib/types';
import { MARK_TAG } from './marks';
import { Slicer } from './slicer';

let Annotator: typeof import('./annotator').Annotator;
beforeAll(async () => {
  // settings are read through @wxt-dev/storage, which picks up the extension API when first imported
  (globalThis as { chrome?: unknown }).chrome = fakeBrowser;
  ({ Annotator } = await import('./annotator'));
});

const SENTENCES = [
  'Bundeskanzler Olaf Scholz traf am Montag in Berlin den französischen Präsidenten Emmanuel Macron.',
  '„Wir sind uns einig“, sagte Scholz nach dem Treffen im Kanzleramt.',
  'Juri Uschakow, der Berater von Wladimir Putin, sprach in Moskau von konstruktiven Gesprächen.',
  'Die Europäische Union und die NATO beobachten die Lage in der Ukraine genau.',
  'Angela Merkel äußerte sich nicht.',
];
const word = fc.oneof(fc.constantFrom('Putin', 'Berlin', 'Merkel', 'und', 'die', '„', '“', ' ', '\u00a0', '—'), fc.string({ unit: 'grapheme', maxLength: 6 }));
const escape = (s: string) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
/** A sentence, sometimes cut into inline elements and odd whitespace the way real pages are. */
const inline = fc.tuple(fc.constantFrom(...SENTENCES), fc.array(fc.tuple(fc.nat(120), fc.constantFrom('b', 'i', 'a', 'span', 'em', 'br', 'wbr')), { maxLength: 4 }), fc.array(word, { maxLength: 3 })).map(([s, cuts, extra]) => {
  let out = escape(`${s} ${extra.join(' ')}`);
  for (const [at, tag] of cuts.sort((a, b) => b[0] - a[0])) {
    const i = Math.min(at, out.length);
    if (/&[a-z]*$/.test(out.slice(0, i))) continue; // not inside an entity
    out = tag === 'br' || tag === 'wbr' ? `${out.slice(0, i)}<${tag}>${out.slice(i)}` : `${out.slice(0, i)}<${tag}>${out.slice(i, i + 7)}</${tag}>${out.slice(i + 7)}`;
  }
  return out;
});
const page = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom('p', 'li', 'blockquote', 'h2', 'div'), fc.array(inline, { minLength: 1, maxLength: 4 })), { minLength: 3, maxLength: 10 }), fc.constantFrom('', '<nav><a href="#">Home</a> <a href="#">Politik</a></nav>', '<script>var Putin = 1;</script>'))
  .map(([blocks, clutter]) => `<header>${clutter}</header><main><article>${blocks.map(([t, s]) => (t === 'li' ? `<ul><li>${s.join(' ')}</li></ul>` : `<${t}>${s.join(' ')}</${t}>`)).join('\n')}</article></main>`);

function analysisOf(body: string): Analysis | null {
  try {
    return analyze(extractArticle(`<!DOCTYPE html><html lang="de"><head><title>T</title></head><body>${body}</body></html>`, 'https://example.org/a'), nodeEngine);
  } catch (e) {
    if (e instanceof ExtractError) return null;
    throw e;
  }
}

describe('marking and unmarking a page', () => {
  it('leaves the page exactly as it was, and its text unchanged while marked', async () => {
    let marked = 0;
    await fc.assert(
      fc.asyncProperty(page, async (body) => {
        document.body.innerHTML = body;
        const html = document.documentElement.outerHTML;
        const text = document.body.textContent;
        const analysis = analysisOf(body);
        if (!analysis) return;
        const a = new Annotator(document, analysis);
        const n = await a.draw(new Slicer(8));
        marked += n;
        expect(document.body.textContent).toBe(text);
        if (n) expect(document.querySelectorAll(MARK_TAG).length).toBeGreaterThan(0); // the fallback did wrap mentions
        a.destroy();
        expect(document.documentElement.outerHTML).toBe(html);
      }),
      { numRuns: 60 },
    );
    expect(marked).toBeGreaterThan(0); // the property was not checked on pages without marks only
  });
});
