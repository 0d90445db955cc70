/**
 * npm run -s eval:summary -- <dir> [<dir> …] [--json]
 *
 * On every page that carries a publisher description (og:description / meta description; for
 * Readability's test pages, the excerpt in expected-metadata.json, taken only where the page declares
 * one, since Readability otherwise copies the first paragraph), scores against that description:
 * our extractive summary and the Lead-3 baseline, ROUGE-1 and ROUGE-2 (F1, recall), side by side,
 * and the share of the article's five most-mentioned entities each one names.
 * Prints one line per page and, last, one JSON object with the means (overall and per language).
 *
 * <dir> may hold `<page>/source.html` folders (Readability's layout), a `pages/` folder of
 * `*.html` files (trafilatura's layout), or `*.html` files.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyze } from '../lib/analyze';
import { nodeEngine } from '../lib/engine-node';
import { ExtractError, extractArticle } from '../lib/extract';
import { summarize } from '../lib/summary';
import { splitBlocks } from '../lib/tokenize';
import type { Analysis, Entity } from '../lib/types';
import { rougeN } from './rouge';

interface Page {
  id: string;
  file: string;
  excerpt: string | null;
}

function pagesIn(dir: string): Page[] {
  const out: Page[] = [];
  const base = existsSync(join(dir, 'pages')) ? join(dir, 'pages') : dir;
  for (const name of readdirSync(base).sort()) {
    const p = join(base, name);
    if (statSync(p).isDirectory()) {
      const src = join(p, 'source.html');
      if (!existsSync(src)) continue;
      const metaFile = join(p, 'expected-metadata.json');
      const excerpt = existsSync(metaFile) ? ((JSON.parse(readFileSync(metaFile, 'utf8')) as { excerpt?: string | null }).excerpt ?? null) : null;
      out.push({ id: `${basename(dir)}/${name}`, file: src, excerpt });
    } else if (name.endsWith('.html')) out.push({ id: `${basename(dir)}/${name}`, file: p, excerpt: null });
  }
  return out;
}

const leadN = (a: Analysis, n: number) =>
  splitBlocks(a.blocks, a.lang)
    .filter((s) => a.blocks[s.block].kind !== 'heading')
    .slice(0, n)
    .map((s) => a.blocks[s.block].text.slice(s.start, s.end));

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Share of the article's five most-mentioned entities that the text names (by any of their forms). */
function coverage(text: string, top: Entity[]): number {
  if (!top.length) return NaN;
  const named = top.filter((e) => [e.name, ...e.forms].some((f) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(f)}`, 'u').test(text)));
  return named.length / top.length;
}

interface Row {
  id: string;
  lang: string;
  ours: Scores;
  lead3: Scores;
}

interface Scores {
  r1: number;
  r1r: number;
  r2: number;
  r2r: number;
  cov: number;
  words: number;
}

function score(cand: string[], ref: string, top: Entity[]): Scores {
  const text = cand.join(' ');
  const r1 = rougeN(text, ref, 1);
  const r2 = rougeN(text, ref, 2);
  return { r1: r1.f1, r1r: r1.r, r2: r2.f1, r2r: r2.r, cov: coverage(text, top), words: text.split(/\s+/).filter(Boolean).length };
}

const mean = (xs: number[]) => {
  const v = xs.filter((x) => !Number.isNaN(x));
  return v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 1000) / 1000 : null;
};

function summaryOf(rows: Row[]) {
  const pick = (k: 'ours' | 'lead3') => ({
    rouge1: { f1: mean(rows.map((r) => r[k].r1)), r: mean(rows.map((r) => r[k].r1r)) },
    rouge2: { f1: mean(rows.map((r) => r[k].r2)), r: mean(rows.map((r) => r[k].r2r)) },
    top5EntityCoverage: mean(rows.map((r) => r[k].cov)),
    words: mean(rows.map((r) => r[k].words)),
  });
  return { pages: rows.length, ours: pick('ours'), lead3: pick('lead3'), oursBetterRouge1Pages: rows.filter((r) => r.ours.r1 > r.lead3.r1).length };
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const dirs = args.filter((a) => !a.startsWith('--'));
if (!dirs.length) {
  process.stderr.write('usage: npm run -s eval:summary -- <dir> [<dir> …] [--json]\n');
  process.exit(2);
}

const rows: Row[] = [];
const skipped: Record<string, number> = { noDescription: 0, notArticle: 0, tooShort: 0 };
for (const dir of dirs) {
  for (const page of pagesIn(dir)) {
    let article;
    try {
      article = extractArticle(readFileSync(page.file, 'utf8'), null);
    } catch (e) {
      if (e instanceof ExtractError) {
        skipped.notArticle++;
        continue;
      }
      throw e;
    }
    // a publisher description exists only where the page declares one
    const ref = article.description ? (page.excerpt ?? article.description) : null;
    if (!ref || ref.split(/\s+/).length < 5) {
      skipped[ref ? 'tooShort' : 'noDescription']++;
      continue;
    }
    const a = analyze(article, nodeEngine);
    // scored without the teaser filter: the description is the reference, not something to avoid
    const ours = summarize(a.blocks, a.entities, a.lang, null);
    const top = [...a.entities].sort((x, y) => y.mentions - x.mentions).slice(0, 5);
    const row: Row = { id: page.id, lang: a.lang, ours: score(ours, ref, top), lead3: score(leadN(a, 3), ref, top) };
    rows.push(row);
    if (!json) {
      const f = (x: number) => (Number.isNaN(x) ? '  – ' : x.toFixed(2));
      console.log(`${page.id.padEnd(48)} ${a.lang}  R1 ${f(row.ours.r1)} vs ${f(row.lead3.r1)}  R2 ${f(row.ours.r2)} vs ${f(row.lead3.r2)}  top5 ${f(row.ours.cov)} vs ${f(row.lead3.cov)}`);
    }
  }
}
const byLang: Record<string, ReturnType<typeof summaryOf>> = {};
for (const lang of [...new Set(rows.map((r) => (r.lang === 'de' || r.lang === 'en' ? r.lang : 'other')))].sort()) {
  byLang[lang] = summaryOf(rows.filter((r) => (r.lang === 'de' || r.lang === 'en' ? r.lang : 'other') === lang));
}
console.log(JSON.stringify({ ...summaryOf(rows), skipped, byLang }));
