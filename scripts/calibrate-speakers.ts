/**
 * npm run -s calibrate:speakers [-- --write]
 * How right the speaker stage is at each confidence, per language, on the development sets: PolNeAR
 * dev (English; right as eval:quotes counts it) and news-gold (German and English; right as its
 * score.py counts it). Prints the trade-off between the accuracy of the speakers shown and the share
 * withheld as uncertain for a range of thresholds, and picks per language the lowest threshold whose
 * shown speakers are right at least TARGET of the time on every set of that language; --write puts it
 * into assets/models/attribution.json.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeWith } from '../lib/analyze';
import { nodeEngine } from '../lib/engine-node';
import { extractArticle } from '../lib/extract';
import { fromJSON, type ModelFile } from '../lib/speakers/ranker';
import type { Analysis, Quote } from '../lib/types';
import { goldNameKeys, keys, overlap, predSpeaker, speakerRight, type GoldPage } from './news-gold';
import { paragraphBlocks, parseAnn } from './polnear';

const DATA = join(import.meta.dirname, '../../shared/data');
const MODEL = join(import.meta.dirname, '../assets/models/attribution.json');
/** the share of shown speakers that must be right */
const TARGET = { de: 0.97, en: 0.97 } as Record<string, number>;
const file = JSON.parse(readFileSync(MODEL, 'utf8')) as ModelFile & Record<string, unknown>;
// the same model, withholding nothing, so every decision's confidence can be seen
const open = fromJSON({ ...file, threshold: { de: 0, en: 0 } });

interface Point {
  confidence: number;
  right: boolean;
}
const sets = new Map<string, Point[]>();
const add = (set: string, p: Point) => {
  const list = sets.get(set) ?? [];
  list.push(p);
  sets.set(set, list);
};

// PolNeAR dev (English)
const pdir = join(DATA, 'polnear/dev');
const anns = readdirSync(join(pdir, 'attributions')).sort();
const ov = (a: [number, number], b: [number, number]) => a[0] < b[1] && b[0] < a[1];
for (const f of readdirSync(join(pdir, 'text')).sort()) {
  const base = f.slice(0, -4);
  const annFile = anns.find((a) => a.startsWith(base + '_') && a.endsWith('.ann'));
  if (!annFile) continue;
  const text = readFileSync(join(pdir, 'text', f), 'utf8');
  const { spans, rels } = parseAnn(readFileSync(join(pdir, 'attributions', annFile), 'utf8'));
  const { blocks, offsets } = paragraphBlocks(text);
  const a = analyzeWith({ url: null, title: blocks[0]?.text ?? '', siteName: null, byline: null, published: null, description: null, declaredLang: 'en', blocks }, nodeEngine, { speakerModel: open });
  const abs = (s: { block: number; start: number; end: number }): [number, number] => [offsets[s.block] + s.start, offsets[s.block] + s.end];
  for (const q of a.quotes) {
    if (q.kind !== 'direct' || q.nonSpeech || q.speakerConfidence === undefined) continue;
    const sources = rels.filter((r) => spans.get(r.Content ?? '')?.ranges.some((c) => ov(c, abs(q)))).flatMap((r) => spans.get(r.Source ?? '')?.ranges ?? []);
    if (!sources.length) continue;
    const entity = a.entities.find((e) => e.id === q.speakerId);
    const right = (!!q.speakerAt && sources.some((s) => ov(abs(q.speakerAt!), s))) || !!entity?.occurrences.some((o) => sources.some((s) => ov(abs(o), s)));
    add('en polnear-dev', { confidence: q.speakerConfidence, right });
  }
}

// news-gold (German and English)
const gdir = join(DATA, 'news-gold');
for (const f of readdirSync(gdir).filter((x) => x.endsWith('.json')).sort()) {
  const gold = JSON.parse(readFileSync(join(gdir, f), 'utf8')) as GoldPage;
  const a: Analysis = analyzeWith(extractArticle(readFileSync(join(DATA, 'trafilatura-pages/pages', gold.page), 'utf8'), null), nodeEngine, { speakerModel: open });
  const nameKeys = goldNameKeys(gold);
  const direct = a.quotes.filter((q) => q.kind === 'direct');
  const used = new Set<Quote>();
  for (const g of gold.quotes ?? []) {
    let best = 0;
    let match: Quote | null = null;
    for (const q of direct) {
      if (used.has(q)) continue;
      const o = overlap(g.text, q.text);
      if (o > best) [best, match] = [o, q];
    }
    if (best < 0.8 || !match) continue;
    used.add(match);
    if (!g.speaker || g.scare || match.speakerConfidence === undefined) continue;
    add(`${gold.language} news-gold`, { confidence: match.speakerConfidence, right: speakerRight(g.speaker, predSpeaker(match, a.entities), nameKeys) });
  }
}
void keys;

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const steps = Array.from({ length: 20 }, (_, i) => i * 0.05);
const chosen: Record<string, number> = {};
for (const lang of ['de', 'en']) {
  const mine = [...sets].filter(([k]) => k.startsWith(lang + ' '));
  console.log(`\n${lang}: threshold → per set: right of shown (shown/all), withheld share, right of all (withheld counted wrong)`);
  let pick: number | null = null;
  for (const t of steps) {
    const cells = mine.map(([name, pts]) => {
      const shown = pts.filter((p) => p.confidence >= t);
      const right = shown.filter((p) => p.right).length;
      return { name, acc: shown.length ? right / shown.length : 1, withheld: 1 - shown.length / pts.length, all: right / pts.length, shown: shown.length, n: pts.length };
    });
    console.log(`  ${t.toFixed(2)}  ${cells.map((c) => `${c.name}: ${r3(c.acc)} (${c.shown}/${c.n}), withheld ${r3(c.withheld)}, all ${r3(c.all)}`).join(' · ')}`);
    if (pick === null && cells.every((c) => c.acc >= TARGET[lang])) pick = t;
  }
  chosen[lang] = pick ?? steps[steps.length - 1];
  console.log(`  → ${lang} threshold ${chosen[lang].toFixed(2)}${pick === null ? ' (target not reached at any threshold)' : ''}`);
}
if (process.argv.includes('--write')) {
  writeFileSync(MODEL, JSON.stringify({ ...file, threshold: chosen }) + '\n');
  console.log(`wrote thresholds ${JSON.stringify(chosen)} to ${MODEL}`);
}
