/**
 * npm run -s bench:browser [-- --json] [--runs N]: the content script's cost in a real Chromium (the e2e
 * build, .output/e2e, built when missing) on a 10,000-word article and on a 5 MB page: the longest
 * stretch of main-thread work the content script itself measured, long tasks seen by a
 * PerformanceObserver ('longtask') in the page, the longest animation-frame blocking time
 * ('long-animation-frame', which also counts the style recalculation our marks cause), and the time
 * from the content script's start to the last mark. Median and worst of N runs (default 3) per page.
 * Figures, not assertions: scripts/bench.ts prints them with the others.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CorpusRunner, quantile, type PageResult } from '../tests/browser/corpus';
import { browserSkipReason, EXTENSION_DIR, ROOT } from '../tests/browser/harness';
import { hugePageHtml, longArticleHtml } from '../tests/browser/synthetic-pages';

const args = process.argv.slice(2);
const json = args.includes('--json');
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;

export interface PageFigures {
  bytes: number;
  marks: number;
  annotateMs: number;
  longestSliceMs: { median: number; max: number };
  longTasks: number;
  longestLongTaskMs: number;
  longestFrameBlockingMs: { median: number; max: number };
}

const skip = browserSkipReason()?.startsWith('no Chromium') ? browserSkipReason() : null;
if (skip) {
  console.log(`browser figures skipped: ${skip}`);
  if (json) console.log(JSON.stringify({ skipped: skip }));
  process.exit(0);
}
if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
  const b = spawnSync('npm', ['run', '-s', 'build:e2e'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const dir = mkdtempSync(join(tmpdir(), 'nc-bench-'));
const pages = { longArticle: longArticleHtml(10_000), hugePage: hugePageHtml(5_000_000) };
for (const [name, html] of Object.entries(pages)) writeFileSync(join(dir, `${name}.html`), html);

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const figures: Record<string, PageFigures> = {};
const runner = await CorpusRunner.start(dir);
try {
  for (const [name, html] of Object.entries(pages)) {
    const results: PageResult[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await runner.run({ name: `${name}.html`, file: join(dir, `${name}.html`) });
      if (r.status !== 'annotated') throw new Error(`${name}: ${r.status} ${r.errors.join('; ')}`);
      results.push(r);
    }
    const slices = sorted(results.map((r) => r.longestSliceMs ?? 0));
    const frames = sorted(results.map((r) => r.longestFrameBlockingMs));
    const tasks = results.flatMap((r) => r.longTasksMs);
    figures[name] = {
      bytes: Buffer.byteLength(html),
      marks: results[0].marks,
      annotateMs: quantile(sorted(results.map((r) => r.annotateMs ?? 0)), 0.5),
      longestSliceMs: { median: quantile(slices, 0.5), max: slices.at(-1)! },
      longTasks: tasks.length,
      longestLongTaskMs: Math.max(0, ...tasks),
      longestFrameBlockingMs: { median: quantile(frames, 0.5), max: frames.at(-1)! },
    };
  }
} finally {
  await runner.close();
  rmSync(dir, { recursive: true, force: true });
}

for (const [name, f] of Object.entries(figures)) {
  console.log(
    `${name.padEnd(12)} ${(f.bytes / 1e6).toFixed(2)} MB, ${f.marks} marks: annotated in ${f.annotateMs} ms; content script's longest slice ${f.longestSliceMs.median} ms (worst ${f.longestSliceMs.max} of ${runs} runs); ` +
      `${f.longTasks} long tasks${f.longTasks ? ` (longest ${f.longestLongTaskMs} ms)` : ''}; longest frame blocking ${f.longestFrameBlockingMs.median} ms (worst ${f.longestFrameBlockingMs.max})`,
  );
}
if (json) console.log(JSON.stringify({ runs, ...figures }));
