/**
 * npm run -s eval:extract -- [<data-dir>] [--verbose] [--json]
 * How well our article extraction (lib/extract.ts) does on the saved real pages in ../shared/data:
 * - trafilatura-pages/expected.json: the share of `with` snippets our article text keeps and of
 *   `without` snippets (navigation, footers, comments) it drops;
 * - readability-test-pages: word overlap (precision, recall, F1 of the word multisets) between our
 *   article text and Readability's expected.html, averaged over the pages.
 * Pages we refuse as "not an article" count as keeping nothing. Prints a report; the last line is JSON.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ExtractError, extractArticle, parseDocument } from '../lib/extract';
import { fold, wordOverlap } from './extract-score';
import { listPages } from '../tests/browser/corpus';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const dataDir = resolve(args.find((a) => !a.startsWith('--')) ?? join(import.meta.dirname, '../../shared/data'));
const traf = join(dataDir, 'trafilatura-pages');
const read = join(dataDir, 'readability-test-pages');
if (!existsSync(traf) && !existsSync(read)) {
  console.error(`no trafilatura-pages or readability-test-pages under ${dataDir}`);
  process.exit(2);
}

/** The article text as the extension sees it, or null when the page is refused. */
function articleText(html: string, url: string | null): string | null {
  try {
    const a = extractArticle(html, url);
    return a.blocks.map((b) => b.text).join('\n');
  } catch (e) {
    if (e instanceof ExtractError) return null;
    throw e;
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const out: Record<string, unknown> = {};

if (existsSync(traf)) {
  const expected = JSON.parse(readFileSync(join(traf, 'expected.json'), 'utf8')) as Record<string, { url: string; with: string[]; without: string[] }>;
  let withKept = 0, withAll = 0, withoutDropped = 0, withoutAll = 0, refused = 0, pages = 0;
  for (const [file, e] of Object.entries(expected)) {
    const path = join(traf, 'pages', file);
    if (!existsSync(path)) continue;
    pages++;
    const text = articleText(readFileSync(path, 'utf8'), e.url);
    if (text === null) refused++;
    const t = fold(text ?? '');
    const kept = e.with.filter((s) => t.includes(fold(s)));
    const leaked = e.without.filter((s) => t.includes(fold(s)));
    withKept += kept.length;
    withAll += e.with.length;
    withoutDropped += e.without.length - leaked.length;
    withoutAll += e.without.length;
    if (verbose && (kept.length < e.with.length || leaked.length)) {
      console.log(`${file}: ${text === null ? 'REFUSED ' : ''}kept ${kept.length}/${e.with.length}, leaked ${leaked.length}/${e.without.length}${leaked.length ? ` ${JSON.stringify(leaked)}` : ''}`);
    }
  }
  const t = { pages, refused, withKept: round(withKept / withAll), withoutDropped: round(withoutDropped / withoutAll) };
  console.log(`trafilatura-pages: ${pages} pages (${refused} refused as not an article): kept ${withKept}/${withAll} "with" snippets (${t.withKept}), dropped ${withoutDropped}/${withoutAll} "without" snippets (${t.withoutDropped})`);
  out.trafilatura = t;
}

if (existsSync(read)) {
  let p = 0, r = 0, f1 = 0, n = 0, refused = 0;
  for (const page of listPages(read)) {
    const dir = page.file.replace(/source\.html$/, '');
    if (!existsSync(join(dir, 'expected.html'))) continue;
    const want = parseDocument(`<!DOCTYPE html><html><body>${readFileSync(join(dir, 'expected.html'), 'utf8')}</body></html>`).body.textContent ?? '';
    const text = articleText(readFileSync(page.file, 'utf8'), 'http://fakehost/test/page.html');
    if (text === null) refused++;
    const o = wordOverlap(text ?? '', want);
    p += o.p;
    r += o.r;
    f1 += o.f1;
    n++;
    if (verbose && o.f1 < 0.9) console.log(`${page.name}: ${text === null ? 'REFUSED ' : ''}p ${round(o.p)} r ${round(o.r)} f1 ${round(o.f1)}`);
  }
  const t = { pages: n, refused, p: round(p / n), r: round(r / n), f1: round(f1 / n) };
  console.log(`readability-test-pages: ${n} pages (${refused} refused as not an article): word overlap with expected.html p ${t.p}, r ${t.r}, f1 ${t.f1} (mean over pages)`);
  out.readability = t;
}
console.log(JSON.stringify(out));
