// @vitest-environment jsdom
/**
 * The annotator where the CSS Custom Highlight API is missing (jsdom has none, like Firefox before
 * 140): mentions are wrapped in our own elements, the visible text stays the same, and removal puts
 * the page back node for node. Plus keyboard navigation between names.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { analyze } from '../lib/analyze';
import { extractArticle } from '../lib/extract';
import { decodeModel, tagDocument } from '../lib/ner/index';
import type { Analysis } from '../lib/types';

const html = readFileSync(join(import.meta.dirname, '../tests/fixtures/seed-article/index.html'), 'utf8');
let analysis: Analysis;
let Annotator: typeof import('./annotator').Annotator;

beforeAll(async () => {
  (globalThis as { chrome?: unknown }).chrome = fakeBrowser;
  // jsdom has no layout: empty boxes are enough here
  Range.prototype.getBoundingClientRect = () => new DOMRect();
  Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
  Element.prototype.scrollIntoView = () => {};
  ({ Annotator } = await import('./annotator'));
  const { onMessage } = await import('./protocol');
  onMessage('wikiPreview', () => ({ kind: 'off' })); // the card asks; the background is not here
  // lib/engine-node finds the model through import.meta.url, which jsdom's URL does not take: read it by path
  const model = decodeModel(new Uint8Array(readFileSync(join(import.meta.dirname, '../assets/models/ner-de.bin'))));
  analysis = analyze(extractArticle(html, 'http://127.0.0.1/seed-article/index.html'), { taggerFor: (lang) => (lang === 'de' ? (s) => tagDocument(model, s) : null) });
});

function loadPage() {
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
  return document;
}

describe('annotator without the Highlight API', () => {
  it('wraps every mention in our own elements without changing the text, and unwraps without trace', async () => {
    const doc = loadPage();
    const before = doc.body.innerHTML;
    const text = doc.body.textContent;
    const someText = [...doc.body.querySelectorAll('p')].map((p) => p.firstChild).find((n) => n?.nodeType === 3 && /Putin/.test(n.textContent ?? ''))!;
    const a = new Annotator(doc, analysis);
    const n = await a.draw();
    expect(n).toBeGreaterThanOrEqual(40);
    // the reader's settings (mark style, types shown) are read first
    await vi.waitFor(() => expect(doc.querySelectorAll('nc-mark').length).toBeGreaterThan(0));
    const marks = doc.querySelectorAll('nc-mark');
    expect(marks.length).toBeGreaterThanOrEqual(n);
    expect(doc.body.textContent).toBe(text);
    expect([...marks].map((m) => m.textContent)).toContain('Uschakow');
    expect(marks[0].getAttribute('style')).toMatch(/text-decoration: underline/);
    a.destroy();
    expect(doc.querySelectorAll('nc-mark').length).toBe(0);
    expect(doc.body.innerHTML).toBe(before);
    expect(someText.isConnected).toBe(true); // the page's own text node, not a copy
  });

  it('goes from name to name with Alt+Shift+N / P and opens the card with focus in it', async () => {
    const doc = loadPage();
    const a = new Annotator(doc, analysis);
    await a.draw();
    await vi.waitFor(() => expect(doc.querySelectorAll('nc-mark').length).toBeGreaterThan(0));
    const key = (code: string) => doc.dispatchEvent(new KeyboardEvent('keydown', { code, key: code.slice(3), altKey: true, shiftKey: true, bubbles: true }));
    const card = () => doc.querySelector('news-companion-ui')?.shadowRoot?.querySelector('.card') as HTMLElement | null;
    const settle = () => new Promise((r) => setTimeout(r, 50));
    key('KeyN');
    await settle();
    const first = card()?.querySelector('.name')?.textContent;
    expect(first).toBeTruthy();
    expect(card()!.getAttribute('role')).toBe('dialog');
    expect(doc.querySelector('news-companion-ui')!.shadowRoot!.activeElement).toBe(card());
    key('KeyN');
    key('KeyP');
    expect(card()?.querySelector('.name')?.textContent).toBe(first);
    doc.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(card()).toBeNull();
    a.destroy();
  });
});
