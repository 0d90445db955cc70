/**
 * npm run -s corpus -- <dir> [--browser chromium|firefox] [--json] [--limit N] [--only substring]
 * Annotates every saved page under <dir> (each *.html file, or each folder's source.html) in
 * Chromium (or Firefox ESR with --browser firefox) with the built extension (.output/e2e, built first when missing), one line per page;
 * the last line is the JSON summary (../shared/DESIGN.md). With --json every page is one JSON line.
 * Exit code 1 when a page had an error caused by the extension or its text or DOM changed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { blankResult, CorpusRunner, formatLine, listPages, summarize, type PageResult } from '../tests/browser/corpus';
import { BROWSERS, extensionDir, skipReason, type BrowserName } from '../tests/browser/driver';
import { ROOT } from '../tests/browser/harness';

const args = process.argv.slice(2);
const json = args.includes('--json');
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir = args.find((a, i) => !a.startsWith('--') && !['--limit', '--only', '--browser'].includes(args[i - 1] ?? ''));
const browser = (opt('--browser') ?? 'chromium') as BrowserName;
if (!dir || !existsSync(dir) || !BROWSERS.includes(browser)) {
  const why = !BROWSERS.includes(browser) ? ` (no such browser: ${browser})` : dir ? ` (no such folder: ${dir})` : '';
  console.error(`usage: npm run -s corpus -- <dir> [--browser ${BROWSERS.join('|')}] [--json] [--limit N] [--only text]${why}`);
  process.exit(2);
}
if (!existsSync(resolve(extensionDir(browser), 'manifest.json'))) {
  console.error('› building the e2e extension first (npm run build:e2e)');
  const b = spawnSync('npm', ['run', '-s', 'build:e2e'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const cannot = skipReason(browser);
if (cannot) {
  console.error(cannot);
  process.exit(2);
}

let pages = listPages(resolve(dir));
const only = opt('--only');
if (only) pages = pages.filter((p) => p.name.includes(only));
const limit = Number(opt('--limit') ?? 0);
if (limit > 0) pages = pages.slice(0, limit);

const runner = await CorpusRunner.start(resolve(dir), undefined, browser);
const results: PageResult[] = [];
try {
  for (const page of pages) {
    let r: PageResult;
    try {
      r = await runner.run(page);
    } catch (e) {
      const left = runner.left(page);
      r = { ...blankResult(page.name), status: left ? 'left' : 'error', errors: left ? [] : [`runner: ${(e as Error).message.split('\n')[0]}`] };
    }
    results.push(r);
    console.log(json ? JSON.stringify(r) : formatLine(r));
  }
} finally {
  await runner.close();
}
const summary = summarize(results);
console.log(JSON.stringify(summary));
process.exit(summary.errorPages || summary.textChangedPages || summary.domChangedPages ? 1 : 0);
