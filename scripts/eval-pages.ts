/**
 * npm run -s eval:pages -- <gold-dir> [--pages <dir>] [--json] [--verbose] [--only <substring>]
 * Runs the CLI's engine (extract → analyze → the JSON of `annotate`) on every page a news-gold folder
 * names and scores it as news-gold's GUIDELINES.md defines (scripts/news-gold.ts, a port of its
 * score.py). One line per page, then a summary overall and per language; with --json the last line is
 * {"de":{people,places,organizations,quotes,speakerAccuracy,roleAccuracy,…},"en":{…},"all":{…},"pages":N,"failed":N}.
 * Pages come from <gold-dir>/../trafilatura-pages/pages unless --pages says otherwise.
 * --verbose lists each page's mistakes (FN/FP entities, wrong roles, missed quotes, wrong speakers).
 * --dump <dir> writes each page's CLI JSON there (for score.py).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../lib/analyze';
import { nodeEngine } from '../lib/engine-node';
import { extractArticle } from '../lib/extract';
import { toJSON } from '../lib/report';
import { scorePage, summarize, type GoldPage, type PageDetail } from './news-gold';
import { loadPage } from './page-source';

const USAGE = 'usage: npm run -s eval:pages -- <gold-dir> [--pages <dir>] [--json] [--verbose] [--only <substring>] [--dump <dir>]';
const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : null);
const valued = new Set(['--pages', '--only', '--dump']);
const goldDir = args.find((a, i) => !a.startsWith('--') && !valued.has(args[i - 1]));
if (!goldDir) {
  process.stderr.write(USAGE + '\n');
  process.exit(2);
}
const pagesDir = opt('--pages') ?? join(resolve(goldDir), '../trafilatura-pages/pages');
const json = args.includes('--json');
const verbose = args.includes('--verbose');
const only = opt('--only');
const dump = opt('--dump');
if (dump) mkdirSync(dump, { recursive: true });

const files = readdirSync(goldDir)
  .filter((f) => f.endsWith('.json') && (!only || f.includes(only)))
  .sort();
const byLang = new Map<string, PageDetail[]>();
const all: PageDetail[] = [];
let failed = 0;
const f2 = (n: number) => n.toFixed(2);
for (const f of files) {
  const gold = JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as GoldPage;
  if (!gold.page || !Array.isArray(gold.quotes)) continue;
  let pred;
  try {
    const { html, url } = await loadPage(join(pagesDir, gold.page));
    pred = toJSON(analyze(extractArticle(html, url), nodeEngine));
  } catch (e) {
    failed++;
    console.log(`${gold.page}\tFAILED: ${(e as Error).message}`);
    pred = { entities: [], quotes: [] };
  }
  if (dump) writeFileSync(join(dump, f), JSON.stringify(pred));
  const s = scorePage(gold, pred);
  all.push(s);
  const list = byLang.get(gold.language) ?? [];
  list.push(s);
  byLang.set(gold.language, list);
  const pr = (c: { tp: number; pred: number; gold: number }) => `${c.tp}/${c.pred}/${c.gold}`;
  console.log(
    `${gold.page}\t${gold.language}\tpeople ${pr(s.people)}\tplaces ${pr(s.places)}\torgs ${pr(s.organizations)}\tquotes ${pr(s.quotes)}\tspeakers ${s.speakers.ok}/${s.speakers.gold}${s.withheld ? ` (${s.withheld} withheld)` : ''}\troles ${s.roles.ok}/${s.roles.gold}`,
  );
  if (verbose) for (const e of s.errors) console.log(`    ${e}`);
}
const out: Record<string, unknown> = {};
for (const [lang, list] of [...byLang].sort()) out[lang] = summarize(list);
out.all = summarize(all);
out.pages = all.length;
out.failed = failed;
console.log('(tp/predicted/gold per page)');
for (const [k, v] of Object.entries(out)) {
  if (typeof v !== 'object') continue;
  const s = v as ReturnType<typeof summarize>;
  console.log(
    `${k.padEnd(3)} ${String(s.pages).padStart(2)} pages  people P ${f2(s.people.p)} R ${f2(s.people.r)} F1 ${f2(s.people.f1)} · places F1 ${f2(s.places.f1)} · orgs F1 ${f2(s.organizations.f1)} · quotes P ${f2(s.quotes.p)} R ${f2(s.quotes.r)} F1 ${f2(s.quotes.f1)} · speakers ${f2(s.speakerAccuracy)} (shown ${f2(s.shownSpeakerAccuracy)}, withheld ${f2(s.withheld)}, top choice ${f2(s.topChoiceAccuracy)}) · roles ${f2(s.roleAccuracy)}`,
  );
}
if (json) console.log(JSON.stringify(out));
