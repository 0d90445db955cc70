/** A copied citation's link lands on exactly its quotation, even when the same words stand twice on the page — in Chromium and in Firefox ESR. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../lib/analyze';
import { fragmentLink } from '../../lib/citation';
import { nodeEngine } from '../../lib/engine-node';
import { extractArticle } from '../../lib/extract';
import { BROWSERS, launchBrowser, serve, skipReason, type Driver } from './driver';
import { ROOT } from './harness';

for (const name of BROWSERS) {
  const skip = skipReason(name);
  if (skip && process.env.CI === 'true') throw new Error(`browser tests cannot run in CI: ${skip}`);

  describe.skipIf(!!skip)(`text-fragment links in ${name}`, { timeout: 60_000 }, () => {
    let b: Driver;
    let origin: string;
    let close: () => void;
    beforeAll(async () => {
      const s = await serve(join(ROOT, 'tests/fixtures'));
      origin = s.origin;
      close = () => s.server.close();
      b = await launchBrowser(name);
    }, 60_000);
    afterAll(async () => {
      await b?.close();
      close?.();
    });

    it.each([
      ['Anna Berger', 'Anna Berger', 'Peter Lang'],
      ['Peter Lang', 'Peter Lang', 'Anna Berger'],
    ])('the quotation by %s scrolls its own paragraph into view, not the other one', async (speaker, name, other) => {
      const url = `${origin}/twice/index.html`;
      const a = analyze(extractArticle(readFileSync(join(ROOT, 'tests/fixtures/twice/index.html'), 'utf8'), url), nodeEngine);
      const q = a.quotes.find((x) => x.speaker === speaker)!;
      expect(q.text).toBe('Wir sparen, wo es geht');
      const page = await b.newPage(fragmentLink(a, q)!);
      // the browser scrolls the matched text into view; check which paragraph is on screen
      const inView = (n: string) =>
        page.evaluate((who) => {
          const p = [...document.querySelectorAll('p')].find((x) => x.textContent!.includes(who))!;
          const r = p.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight;
        }, n);
      await expect.poll(() => inView(name), { timeout: 5000 }).toBe(true);
      expect(await inView(other)).toBe(false);
      await page.close();
    });
  });
}
