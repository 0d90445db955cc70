/**
 * A sample of the real-page corpus in Chromium and in Firefox ESR, on every `npm test`: the saved pages that showed bugs
 * (tests/fixtures/pages), and a handful of Readability's and trafilatura's saved pages when
 * ../shared/data is there. On each: no error caused by the extension, the visible text unchanged,
 * and the DOM as it was once annotation is switched off. The whole corpus: `npm run -s corpus -- <dir>`.
 */
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusRunner, listPages, type CorpusPage } from './corpus';
import { BROWSERS, skipReason } from './driver';
import { ROOT } from './harness';

const DATA = join(ROOT, '../shared/data');
/** Pages chosen to cover: German and English news, a Chinese page, a French one, pages with <canvas>. */
const SAMPLE = [
  'readability-test-pages/heise',
  'readability-test-pages/keep-images',
  'readability-test-pages/youth',
  'readability-test-pages/lemonde-1',
  'trafilatura-pages/pages/bundespraesident.de.20030331.html',
  'trafilatura-pages/pages/bbc.com.52241221.html',
];
const hasData = SAMPLE.every((p) => existsSync(join(DATA, p)));
if (!hasData) console.warn(`[skipped] shared corpus sample: ${DATA} not found (only tests/fixtures/pages run)`);

for (const name of BROWSERS) {
  const skip = skipReason(name);
  if (skip && process.env.CI === 'true') throw new Error(`browser tests cannot run in CI: ${skip}`);

  describe.skipIf(!!skip)(`real pages in ${name}`, { timeout: 120_000 }, () => {
    // one served folder holding links to the sample, so one browser serves all of it
    const root = mkdtempSync(join(tmpdir(), 'nc-corpus-'));
    let runner: CorpusRunner;
    let pages: CorpusPage[];

    beforeAll(async () => {
      symlinkSync(join(ROOT, 'tests/fixtures/pages'), join(root, 'fixtures'));
      if (hasData) for (const p of SAMPLE) symlinkSync(join(DATA, p), join(root, p.replace(/\//g, '__')));
      pages = listPages(root);
      runner = await CorpusRunner.start(root, undefined, name);
    }, 60_000);

    afterAll(async () => {
      await runner?.close();
      rmSync(root, { recursive: true, force: true });
    });

    it('annotates every sample page without an error, a change to its text, or a trace left behind', async () => {
      expect(pages.length).toBeGreaterThanOrEqual(hasData ? 10 : 4);
      const results = [];
      for (const page of pages) results.push(await runner.run(page));
      const problems = results.filter((r) => r.errors.length || r.textChanged || r.domChanged || r.status === 'error');
      expect(problems.map((r) => `${r.name}: ${r.errors.join('; ')}${r.textChanged ? ' text changed' : ''}${r.domChanged ? ' DOM changed' : ''}`)).toEqual([]);
      const status = Object.fromEntries(results.map((r) => [r.name, r.status]));
      // the bug pages: a Chinese article and one with a <canvas> are articles and get annotated
      expect(status['fixtures/chinese-article.html']).toBe('annotated');
      expect(status['fixtures/canvas-chart.html']).toBe('annotated');
      expect(results.find((r) => r.name === 'fixtures/canvas-chart.html')!.marks).toBeGreaterThan(0);
      if (hasData) {
        for (const p of ['trafilatura-pages__pages__bundespraesident.de.20030331.html', 'trafilatura-pages__pages__bbc.com.52241221.html', 'readability-test-pages__keep-images/source.html']) {
          expect(status[p], p).toBe('annotated');
          expect(results.find((r) => r.name === p)!.marks, p).toBeGreaterThan(0);
        }
      }
    });
  });
}
