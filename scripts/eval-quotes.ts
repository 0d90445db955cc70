/**
 * npm run -s eval:quotes -- <polnear-split-dir> [--verbose]
 * Runs the quote finder and attribution on each PolNeAR article and scores the attributions whose
 * content is in quotation marks. Gold quotations are the quoted stretches (found by a plain regex,
 * independent of our own quotation-mark finder) at least half covered by attribution Contents (a long
 * quotation is often annotated as several clause-sized Contents); a predicted quotation is
 * a direct quotation we attribute to a speaker. A prediction matches a gold quotation when their
 * overlap is at least half of their union. A matched speaker is right when the words we took for
 * the speaker overlap the gold Source span, or the speaker entity has a mention overlapping it.
 * A quotation over several paragraphs counts one stretch per paragraph, as the engine gives one item per
 * paragraph (each re-opens the mark; GUIDELINES of news-gold count them so too).
 * A quotation whose speaker the engine withheld as uncertain counts as found; speakerAccuracy is over
 * the speakers shown, with the share withheld, the accuracy counting withheld ones as wrong, and the
 * accuracy of the top choices had none been withheld beside it.
 * Prints {"quotes":{"p","r","f1"},"speakerAccuracy":N,"withheld":N,"speakerAccuracyAll":N,"topChoiceAccuracy":N,"articles":N}.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../lib/analyze';
import { nodeEngine } from '../lib/engine-node';
import type { Article } from '../lib/types';
import { paragraphBlocks, parseAnn } from './polnear';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
const verbose = args.includes('--verbose');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
if (!dir) {
  process.stderr.write('usage: npm run -s eval:quotes -- <polnear-split-dir> [--verbose]\n');
  process.exit(2);
}

interface Gold {
  start: number;
  end: number;
  sources: [number, number][];
}


/**
 * Quoted stretches in the text, as absolute offsets of the text inside the marks. PolNeAR's texts often
 * mix the marks of one quotation (“…" or "…”), so an opening mark pairs with the next closing mark of
 * either kind. (Pairing only “…” and "…", as this script did until 2026-11-25, spanned whole paragraphs
 * from “no evidence" to the next ” and scored the right quotations as misses: dev F1 .935 under that
 * pairing against .940 with this one, for the same predictions.)
 */
function quotedStretches(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /“([^“”"]{1,3000})[”"]|"([^"“”\n]{1,3000})[”"]/g;
  for (const m of text.matchAll(re)) out.push([m.index! + 1, m.index! + m[0].length - 1]);
  // a quotation over several paragraphs re-opens the mark in each and closes only in the last: the
  // paragraphs before are quoted stretches too, from the mark to the end of their line (since 2026-12-07)
  for (const m of text.matchAll(/(^|\n)([^\n]*?)([“"])([^\n“”"]+)(?=\n\s*[“"])/g)) {
    const start = m.index! + m[1].length + m[2].length + 1;
    if (/[“”"]/.test(m[2]) && (m[2].match(/[“”"]/g)!.length % 2 === 1)) continue; // the mark closes an earlier one
    out.push([start, start + m[4].trimEnd().length]);
  }
  out.sort((a, b) => a[0] - b[0]);
  return out;
}

const overlap = (a: [number, number], b: [number, number]) => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
const iou = (a: [number, number], b: [number, number]) => overlap(a, b) / (Math.max(a[1], b[1]) - Math.min(a[0], b[0]));

let tp = 0;
let fp = 0;
let fn = 0;
let spkTotal = 0;
/** speakers withheld as uncertain, and how many of those guesses were right */
let withheld = 0;
let guessRight = 0;
let spkRight = 0;
let articles = 0;
const textDir = join(dir, 'text');
const annDir = join(dir, 'attributions');
const anns = readdirSync(annDir).sort();
for (const file of readdirSync(textDir).sort()) {
  if (!file.endsWith('.txt')) continue;
  const base = file.slice(0, -4);
  const annFile = anns.find((a) => a.startsWith(base + '_') && a.endsWith('.ann'));
  if (!annFile || (only && !base.includes(only))) continue;
  articles++;
  const text = readFileSync(join(textDir, file), 'utf8');
  const { spans, rels } = parseAnn(readFileSync(join(annDir, annFile), 'utf8'));

  // gold: quoted stretches inside the Content of an attribution, with that attribution's Source
  const gold: Gold[] = [];
  const stretches = quotedStretches(text);
  // A long quotation is often annotated as several clause-sized Contents; a stretch is gold when
  // Contents cover at least half of it, and its sources are those of the Contents inside it.
  for (const [qs, qe] of stretches) {
    const covered = new Uint8Array(qe - qs);
    const sources: [number, number][] = [];
    for (const r of rels) {
      const content = spans.get(r.Content ?? '');
      if (!content) continue;
      let hit = false;
      for (const [cs, ce] of content.ranges) {
        for (let k = Math.max(cs, qs); k < Math.min(ce, qe); k++) covered[k - qs] = 1;
        if (overlap([cs, ce], [qs, qe]) > 0) hit = true;
      }
      if (hit) sources.push(...(spans.get(r.Source ?? '')?.ranges ?? []));
    }
    if (covered.reduce((n, x) => n + x, 0) >= covered.length / 2) gold.push({ start: qs, end: qe, sources });
  }

  // prediction: paragraphs as blocks, with their offsets in the file
  const { blocks, offsets } = paragraphBlocks(text);
  const article: Article = { url: null, title: blocks[0]?.text ?? '', siteName: null, byline: null, authors: [], published: null, description: null, declaredLang: 'en', blocks };
  const a = analyze(article, nodeEngine);
  const abs = (s: { block: number; start: number; end: number }): [number, number] => [offsets[s.block] + s.start, offsets[s.block] + s.end];
  // a quotation we attribute, or whose speaker we withheld as uncertain (found all the same)
  const predicted = a.quotes.filter((q) => q.kind === 'direct' && (q.speaker || q.uncertain));
  if (only) for (const q of a.quotes) console.error(`OURS ${q.kind} ${q.speaker} | ${q.text.slice(0, 70)}`);

  const used = new Set<number>();
  for (const q of predicted) {
    const span = abs(q);
    let best = -1;
    let bestIou = 0.5;
    gold.forEach((g, i) => {
      if (used.has(i)) return;
      const v = iou(span, [g.start, g.end]);
      if (v >= bestIou) [best, bestIou] = [i, v];
    });
    if (best < 0) {
      fp++;
      const partly = gold.some((g) => overlap(span, [g.start, g.end]) > 0);
      const inContent = rels.some((r) => spans.get(r.Content ?? '')?.ranges.some((c) => overlap(span, c) > 0));
      if (verbose) console.error(`FP${partly ? '-overlap' : inContent ? '-incontent' : ''} ${base}: “${q.text.slice(0, 80)}” — ${q.speaker}`);
      if (verbose && args.includes('--context')) console.error(`    ${text.slice(Math.max(0, span[0] - 160), span[1] + 120).replace(/\s+/g, ' ')}`);
      continue;
    }
    used.add(best);
    tp++;
    if (args.includes('--tp')) console.error(`TP ${base}: “${q.text.slice(0, 80)}” — ${q.speaker}`);
    const g = gold[best];
    if (!g.sources.length) continue;
    spkTotal++;
    const at = q.speakerAt ? abs(q.speakerAt) : null;
    const entity = a.entities.find((e) => e.id === (q.speakerId ?? q.guess?.speakerId));
    const right = (at && g.sources.some((s) => overlap(at, s) > 0)) || (entity?.occurrences.some((o) => g.sources.some((s) => overlap(abs(o), s) > 0)) ?? false);
    if (q.uncertain) {
      withheld++;
      if (right) guessRight++;
      continue;
    }
    if (right) spkRight++;
    else if (verbose) console.error(`SPK ${base}: “${q.text.slice(0, 60)}” — ours ${q.speaker}, gold ${g.sources.map(([s, e]) => text.slice(s, e)).join(' / ')}`);
  }
  gold.forEach((g, i) => {
    if (used.has(i)) return;
    fn++;
    const found = a.quotes.find((q) => q.kind === 'direct' && !q.speaker && iou(abs(q), [g.start, g.end]) >= 0.5);
    if (verbose) {
      console.error(`FN${found ? '-nospeaker' : ''} ${base}: “${text.slice(g.start, g.end).slice(0, 80)}” — gold ${g.sources.map(([s, e]) => text.slice(s, e)).join(' / ')}`);
      if (args.includes('--context')) console.error(`    ${text.slice(Math.max(0, g.start - 160), g.end + 120).replace(/\s+/g, ' ')}`);
    }
  });
}
const p = tp / (tp + fp || 1);
const r = tp / (tp + fn || 1);
const r3 = (n: number) => Math.round(n * 1000) / 1000;
const shown = spkTotal - withheld;
console.log(
  JSON.stringify({
    quotes: { p: r3(p), r: r3(r), f1: r3((2 * p * r) / (p + r || 1)), tp, fp, fn },
    // of the speakers shown; withheld: the share of matched quotations whose speaker was withheld as uncertain
    speakerAccuracy: r3(spkRight / (shown || 1)),
    speakers: spkTotal,
    withheld: r3(withheld / (spkTotal || 1)),
    // every speaker counted, the withheld ones as wrong; and the accuracy of the top choice had nothing been withheld
    speakerAccuracyAll: r3(spkRight / (spkTotal || 1)),
    topChoiceAccuracy: r3((spkRight + guessRight) / (spkTotal || 1)),
    articles,
  }),
);
