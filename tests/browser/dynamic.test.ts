/**
 * Pages that change under the extension, in real browsers (Chromium and Firefox ESR, one driver each): an article that arrives after load, a
 * navigation through history.pushState, paragraphs re-rendered with new text nodes, a page that never
 * stops changing — and pages too large or very long.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSERS, launchBrowser, serve, skipReason, type Driver, type Tab } from './driver';
import { ROOT } from './harness';
import { longArticleHtml } from './synthetic-pages';

/** The text of every mark of one kind, in page order. */
const marked = (p: Tab, name: string) => p.evaluate((n) => [...(CSS.highlights.get(n) ?? [])].map((r) => (r as Range).toString()).sort(), name);

for (const name of BROWSERS) {
  const skip = skipReason(name);
  if (skip && process.env.CI === 'true') throw new Error(`browser tests cannot run in CI: ${skip}`);

  describe.skipIf(!!skip)(`dynamic and large pages in ${name}`, { timeout: 90_000 }, () => {
    let b: Driver;
    let origin: string;
    let bigOrigin: string;
    let close: () => void;
    const bigDir = mkdtempSync(join(tmpdir(), 'nc-big-'));

    beforeAll(async () => {
      writeFileSync(join(bigDir, 'long.html'), longArticleHtml(10_000));
      // over the element limit (components/serialize.ts): refused before any work
      writeFileSync(join(bigDir, 'too-large.html'), `<!DOCTYPE html><html><body><article><p>${'Ein Satz über Berlin. '.repeat(50)}</p>${'<span>x</span>'.repeat(160_000)}</article></body></html>`);
      const s = await serve(ROOT);
      const big = await serve(bigDir); // generated pages, in a temporary folder
      origin = s.origin;
      bigOrigin = big.origin;
      close = () => {
        s.server.close();
        big.server.close();
      };
      b = await launchBrowser(name);
      // count what the content scripts ask the background, to see that nothing loops
      await b.evaluateInBackground((background) => {
        const g = background as unknown as { __ncCount: Record<string, number>; chrome: { runtime: { onMessage: { addListener(f: (m: { type?: string }) => void): void } } } };
        g.__ncCount = {};
        g.chrome.runtime.onMessage.addListener((m) => {
          if (m?.type) g.__ncCount[m.type] = (g.__ncCount[m.type] ?? 0) + 1;
        });
      }, null);
    }, 60_000);

    afterAll(async () => {
      await b?.close();
      close?.();
      rmSync(bigDir, { recursive: true, force: true });
    });

    const analyses = () => b.evaluateInBackground((background) => (background as unknown as { __ncCount: Record<string, number> }).__ncCount.analyzePage ?? 0, null);

    async function annotateViaPopup(page: Tab): Promise<Tab> {
      const popup = await b.openPopup(page);
      await popup.locator('.state:not([aria-live]), article h1').first().waitFor({ timeout: 30_000 });
      return popup;
    }

    it('annotates an article inserted after load, follows a pushState navigation, and redraws re-rendered paragraphs without looping', async () => {
      const page = await b.newPage(`${origin}/tests/fixtures/pages/spa/index.html`);
      const popup = await annotateViaPopup(page);
      expect(await popup.locator('.state').first().innerText()).toMatch(/not look like an article|kein Artikel|nicht wie ein Artikel/i);
      await popup.close();
      expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);

      const before = await analyses();
      await page.evaluate(() => (window as unknown as { showArticle(): void }).showArticle());
      await page.waitForFunction(() => CSS.highlights.has('nc-person'), null, { timeout: 15_000 });
      expect(await marked(page, 'nc-person')).toEqual(expect.arrayContaining(['Wladimir Putin', 'Juri Uschakow', 'Jared Kushner']));
      expect(await analyses()).toBe(before + 1);

      // the page re-renders every paragraph: the marks come back on the new text nodes, with the same analysis
      const count = (await marked(page, 'nc-person')).length;
      await page.evaluate(() => (window as unknown as { rerender(): void }).rerender());
      await page.waitForFunction(() => [...(CSS.highlights.get('nc-person') ?? [])].every((r) => (r as Range).startContainer.isConnected && !(r as Range).collapsed), null, { timeout: 10_000 });
      expect(await marked(page, 'nc-person')).toHaveLength(count);
      expect(await analyses()).toBe(before + 1);

      // a navigation without reload: the new article's names, none of the old
      await page.locator('#next').click();
      await page.waitForFunction(() => [...(CSS.highlights.get('nc-person') ?? [])].some((r) => (r as Range).toString().includes('Merz')), null, { timeout: 15_000 });
      const people = await marked(page, 'nc-person');
      expect(people).toEqual(expect.arrayContaining(['Friedrich Merz', 'Ursula von der Leyen']));
      expect(people.some((t) => /Putin|Uschakow/.test(t))).toBe(false);
      expect(await page.evaluate(() => location.href)).toMatch(/zweiter-artikel$/);

      // a page that keeps changing outside the article: no further analysis, marks stay
      const settled = await analyses();
      await page.evaluate(() => (window as unknown as { startClock(): void }).startClock());
      await page.waitForTimeout(2500);
      expect(await analyses()).toBe(settled);
      expect(await marked(page, 'nc-person')).toEqual(people);
      await page.close();
    });

    it('annotates a 10,000-word article completely', async () => {
      const page = await b.newPage(`${bigOrigin}/long.html`);
      const popup = await annotateViaPopup(page);
      await popup.close();
      await page.waitForFunction(() => (CSS.highlights.get('nc-person')?.size ?? 0) > 100, null, { timeout: 30_000 });
      // every repetition of the demo article's names is marked, down to the last section
      const last = await page.evaluate(() => {
        const ranges = [...(CSS.highlights.get('nc-person') ?? [])] as Range[];
        const lastP = [...document.querySelectorAll('article p')].at(-1)!;
        return ranges.some((r) => lastP.contains(r.startContainer));
      });
      expect(last).toBe(true);
      await page.close();
    });

    it('answers malformed and misdirected messages with an error result and keeps working', async () => {
      const page = await b.newPage(`${origin}/tests/fixtures/seed-article/index.html`);
      const tabId = await b.tabIdOf(page);
      const ext = await b.openExtensionPage('popup.html?tabId=0');
      const send = (type: string, data: unknown) =>
        ext.evaluate(([type, data]) => new Promise<{ res?: { ok?: boolean; code?: string; result?: { ok: boolean } }; err?: { message: string } }>((resolve) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown, cb: (r: never) => void): void } } }).chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }, resolve)), [type, data] as const);
      expect((await send('annotateTab', { tabId: 'all' })).err?.message).toMatch(/bad message/);
      expect((await send('setAlwaysOn', { tabId, on: 'yes' })).err?.message).toMatch(/bad message/);
      // a content-script message from an extension page: refused, not run
      expect((await send('analyzePage', { html: '<p>x</p>', url: 'https://example.org/' })).res).toMatchObject({ ok: false, code: 'internal' });
      const ok = await send('annotateTab', { tabId });
      expect(ok.res?.result?.ok).toBe(true);
      await ext.close();
      await page.close();
    });

    it('refuses a page over the size limit with a sentence in the popup, and leaves the page alone', async () => {
      const page = await b.newPage(`${bigOrigin}/too-large.html`);
      const popup = await annotateViaPopup(page);
      expect(await popup.locator('.state').first().innerText()).toMatch(/too large|zu groß/i);
      expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
      await popup.close();
      await page.close();
    });
  });
}
