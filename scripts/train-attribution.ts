/**
 * npm run train:attribution [-- --data <dir>] [--epochs N] [--eval-only]
 * Trains the speaker ranker (lib/speakers/ranker.ts) on PolNeAR train (English news: Source, Cue,
 * Content) and SpkAtt-2023 train (German: Source, Cue, Message), reports on their dev splits, and
 * writes assets/models/attribution.json. Each attribution becomes one ranking example: the candidates
 * lib/speakers/candidates.ts finds around the Content (run through the same pipeline as the product:
 * tokens, entities, quotation marks), the right ones being those that overlap the gold Source.
 * Deterministic: fixed example order and a seeded shuffle, so the same data gives the same weights.
 *   SpkAtt's dev figure is "given the gold cue and message, the Source chosen right": the cue's token
 *   is handed to the candidates as the speech verb.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeEngine } from '../lib/engine-node';
import { recognize } from '../lib/entities';
import { findQuotes, type BlockReading, type MentionRef } from '../lib/quotes';
import { candidatesFor, tokenAt, type Candidate, type Doc, type PrevSpeaker, type QuoteSite } from '../lib/speakers/candidates';
import { discourseSpeaker, unattributedInSentence } from '../lib/speakers/discourse';
import { makeDoc, siteOf } from '../lib/speakers/index';
import { withLanguage } from '../lib/speakers/ranker';
import { splitBlocks } from '../lib/tokenize';
import type { Block, Entity, Quote, Sentence } from '../lib/types';
import { paragraphBlocks, parseAnn } from './polnear';

const args = process.argv.slice(2);
const opt = (k: string, d: string) => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const DATA = opt('--data', join(import.meta.dirname, '../../shared/data'));
const EPOCHS = Number(opt('--epochs', '12'));
const OUT = join(import.meta.dirname, '../assets/models/attribution.json');

interface Site {
  site: QuoteSite;
  /** gold Source spans, as block character ranges */
  gold: { block: number; start: number; end: number }[];
}
interface ReadDoc {
  doc: Doc;
  mentions: MentionRef[];
  sites: Site[];
}
interface Example {
  feats: number[][];
  pos: number[];
  lang: string;
  direct: boolean;
  /** for a quotation its sentence does not attribute: the discourse rule that applies and the candidate it picks (-1: one of its own) */
  disc?: { rule: string; idx: number; right: boolean };
}

/** Runs the product's pipeline up to quotations on plain blocks. */
function readBlocks(blocks: Block[], lang: string): { doc: Doc; mentions: MentionRef[]; quotes: Quote[]; entities: Entity[] } | null {
  const sentences = splitBlocks(blocks, lang);
  const { entities, mentions } = recognize(blocks, sentences, lang, nodeEngine.taggerFor(lang));
  const blockTokens = blocks.map(() => [] as Sentence['tokens']);
  for (const s of sentences) blockTokens[s.block].push(...s.tokens);
  const reading: BlockReading[] = [];
  const quotes = findQuotes(blocks, lang, mentions, blockTokens, reading);
  const doc = makeDoc({ blocks, lang, reading, mentions, entities });
  if (!doc) return null;
  return { doc, mentions: [...mentions].sort((a, b) => a.block - b.block || a.start - b.start), quotes, entities };
}

/** The rule-based reading's speaker for a span, from the quotation of ours that overlaps it. */
function ruleFor(quotes: Quote[], entities: Entity[], block: number, start: number, end: number): Pick<QuoteSite, 'ruleAt' | 'ruleEntity'> {
  const q = quotes.find((x) => x.block === block && x.start < end && start < x.end && !x.nonSpeech);
  return { ruleAt: q?.speakerAt ?? null, ruleEntity: q?.speakerId ? entities.find((e) => e.id === q.speakerId) ?? null : null };
}

// ---- PolNeAR ----
function readPolnear(split: string): ReadDoc[] {
  const dir = join(DATA, 'polnear', split);
  const anns = readdirSync(join(dir, 'attributions')).sort();
  const out: ReadDoc[] = [];
  for (const file of readdirSync(join(dir, 'text')).sort()) {
    if (!file.endsWith('.txt')) continue;
    const base = file.slice(0, -4);
    const annFile = anns.find((a) => a.startsWith(base + '_') && a.endsWith('.ann'));
    if (!annFile) continue;
    const text = readFileSync(join(dir, 'text', file), 'utf8');
    const { blocks, offsets } = paragraphBlocks(text);
    const locate = (abs: number) => {
      let b = 0;
      while (b + 1 < offsets.length && offsets[b + 1] <= abs) b++;
      return { block: b, offset: Math.max(0, Math.min(blocks[b].text.length, abs - offsets[b])) };
    };
    const read = readBlocks(blocks, 'en');
    if (!read) continue;
    const ann = parseAnn(readFileSync(join(dir, 'attributions', annFile), 'utf8'));
    const spans = new Map([...ann.spans].map(([k, v]) => [k, v.ranges]));
    const rels = ann.rels;
    // the sites are our own direct quotations, as in the product; the gold speaker is the Source of
    // the attributions whose Content holds the quotation
    const contents = rels
      .map((r) => ({ content: spans.get(r.Content ?? ''), source: spans.get(r.Source ?? '') }))
      .filter((x): x is { content: [number, number][]; source: [number, number][] } => !!x.content && !!x.source);
    const byId = new Map(read.entities.map((e) => [e.id, e]));
    const sites: Site[] = [];
    for (const q of read.quotes) {
      if (q.kind !== 'direct' || q.nonSpeech) continue;
      const qs = offsets[q.block] + q.start;
      const qe = offsets[q.block] + q.end;
      const holders = contents.filter((x) => x.content.some(([s, e]) => s < qe && qs < e));
      if (!holders.length) continue;
      const gold = holders.flatMap((h) =>
        h.source.map(([s, e]) => {
          const l = locate(s);
          return { block: l.block, start: l.offset, end: l.offset + (e - s) };
        }),
      );
      sites.push({ site: siteOf(q, byId), gold });
    }
    sites.sort((x, y) => x.site.block - y.site.block || x.site.start - y.site.start);
    out.push({ doc: read.doc, mentions: read.mentions, sites });
  }
  return out;
}

// ---- SpkAtt-2023 ----
interface SpkFile {
  Sentences: { SentenceId: number; Tokens: string[] }[];
  Annotations: Record<string, string[]>[];
}
function readSpkatt(split: string): ReadDoc[] {
  const dir = join(DATA, 'spkatt-2023', split, 'task1');
  const out: ReadDoc[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.json')) continue;
    const d = JSON.parse(readFileSync(join(dir, file), 'utf8')) as SpkFile;
    // one block per speech; token offsets kept while joining
    let text = '';
    const at = new Map<string, [number, number]>();
    for (const s of d.Sentences) {
      s.Tokens.forEach((tok, i) => {
        const noSpace = !text || /^[,.;:!?)\]“”"]$/.test(tok) || /[(„[]$/.test(text);
        if (!noSpace) text += ' ';
        at.set(`${s.SentenceId}:${i}`, [text.length, text.length + tok.length]);
        text += tok;
      });
    }
    const blocks: Block[] = [{ text, kind: 'paragraph' }];
    const read = readBlocks(blocks, 'de');
    if (!read) continue;
    const sites: Site[] = [];
    const range = (refs: string[]) => {
      const xs = refs.map((r) => at.get(r)).filter((x): x is [number, number] => !!x);
      return xs.length ? [Math.min(...xs.map((x) => x[0])), Math.max(...xs.map((x) => x[1]))] : null;
    };
    for (const a of d.Annotations) {
      if (!a.Source?.length || !a.Message?.length || !a.Cue?.length) continue;
      const msg = range(a.Message)!;
      const cue = at.get(a.Cue[0]);
      if (!cue) continue;
      const gold = a.Source.map((r) => at.get(r)).filter((x): x is [number, number] => !!x).map(([s, e]) => ({ block: 0, start: s, end: e }));
      const cueTok = tokenAt(read.doc.reading[0].tokens, cue[0]);
      sites.push({
        site: { block: 0, start: msg[0], end: msg[1], lastBlock: 0, partial: false, direct: /^[„“"»]/.test(text.slice(msg[0] - 1, msg[0])), cue: cueTok, ...ruleFor(read.quotes, read.entities, 0, msg[0], msg[1]) },
        gold,
      });
    }
    sites.sort((x, y) => x.site.start - y.site.start);
    out.push({ doc: read.doc, mentions: read.mentions, sites });
  }
  return out;
}

// ---- examples ----
const featIndex = new Map<string, number>();
const featNames: string[] = [];
function fid(f: string, grow: boolean): number {
  let i = featIndex.get(f);
  if (i === undefined) {
    if (!grow) return -1;
    i = featNames.length;
    featIndex.set(f, i);
    featNames.push(f);
  }
  return i;
}

const locStats = new Map<string, number>();
const overlaps = (c: { block: number; start: number; end: number }, g: { block: number; start: number; end: number }) => c.block === g.block && c.start < g.end && g.start < c.end;

function examples(docs: ReadDoc[], grow: boolean, stats: { reachable: number; total: number }): Example[] {
  const out: Example[] = [];
  for (const rd of docs) {
    let prev: PrevSpeaker | null = null;
    for (const s of rd.sites) {
      stats.total++;
      const cands = candidatesFor(rd.doc, s.site, prev);
      const pos = positives(cands, s.gold);
      const prevHere = prev;
      // the gold speaker of this attribution is the "previous speaker" of the next (teacher forcing)
      const named = cands.find((c, i) => pos.includes(i) && c.kind === 'name');
      const g0 = s.gold[0];
      prev = { entity: named?.entity ?? null, name: rd.doc.blocks[g0.block].text.slice(g0.start, g0.end), at: g0, block: g0.block };
      if (process.env.ATTR_STATS) {
        const key = (c: Candidate) => `${c.features.find((f) => f.startsWith('loc:'))} ${c.features.includes('verb|loc:S0') || c.features.some((f) => f.startsWith('verb|')) ? 'verb' : 'noVerb'} ${c.features.some((f) => f.startsWith('alone|')) ? 'alone' : ''}`;
        const k = pos.length ? key(cands[pos[0]]) : 'UNREACHABLE ' + (cands[0] ? key(cands[0]).split(' ').slice(1).join(' ') : '');
        locStats.set(`${rd.doc.lang} ${k}`, (locStats.get(`${rd.doc.lang} ${k}`) ?? 0) + 1);
      }
      if (!pos.length && process.env.ATTR_UNREACH && rd.doc.lang === process.env.ATTR_UNREACH) {
        const t = rd.doc.blocks[s.site.block].text;
        console.log(`UNREACH src=[${s.gold.map((g) => rd.doc.blocks[g.block].text.slice(g.start, g.end)).join('|')}] msg=[${t.slice(s.site.start, s.site.end).slice(0, 50)}] cands=${cands.map((c) => c.kind === 'name' ? c.entity!.name : c.kind === 'np' ? c.np!.text : c.word ?? 'prev').join(', ')}`);
      }
      if (!pos.length) continue;
      stats.reachable++;
      let disc: Example['disc'];
      if (s.site.direct && unattributedInSentence(cands)) {
        const d = discourseSpeaker(rd.doc, s.site, cands, prevHere);
        if (d) {
          const idx = cands.indexOf(d.cand);
          const right = idx >= 0 ? pos.includes(idx) : !!d.cand.entity && cands.some((c, i) => pos.includes(i) && c.entity === d.cand.entity);
          disc = { rule: d.rule, idx, right };
          if (process.env.ATTR_DISC && d.rule === process.env.ATTR_DISC && !right && !grow) {
            const t = rd.doc.blocks[s.site.block].text;
            const name = (c: Candidate) => (c.kind === 'name' ? c.entity!.name : c.kind === 'np' ? c.np!.text : c.kind === 'prev' ? 'PREV:' + c.prev!.name : c.word);
            console.log(`DISC ${d.rule} picked=${name(d.cand)}@${d.cand.loc} gold=${s.gold.map((g) => rd.doc.blocks[g.block].text.slice(g.start, g.end)).join('|')} pos=${pos.map((i) => name(cands[i]) + '@' + cands[i].loc).join(',')}\n   ${t.slice(Math.max(0, s.site.start - 150), s.site.end + 60)}`);
          }
        } else disc = { rule: 'none', idx: -1, right: false };
      }
      out.push({ feats: cands.map((c) => withLanguage(c.features, rd.doc.lang).map((f) => fid(f, grow)).filter((i) => i >= 0)), pos, lang: rd.doc.lang, direct: s.site.direct, disc });
    }
  }
  return out;
}

function positives(cands: Candidate[], gold: Site['gold']): number[] {
  const pos: number[] = [];
  // a name inside a phrase that is the source ("der Kollege von der FDP") is not the source itself
  const inside = (c: Candidate) => c.kind === 'name' && cands.some((o) => o.kind === 'np' && o.block === c.block && o.start < c.start && c.end <= o.end && gold.some((g) => overlaps(o, g)));
  cands.forEach((c, i) => {
    if (c.kind === 'prev') {
      const p = c.prev!;
      if ((p.at && gold.some((g) => overlaps(p.at!, g))) || (p.entity && cands.some((o) => o.kind === 'name' && o.entity === p.entity && gold.some((g) => overlaps(o, g))))) pos.push(i);
    } else if (gold.some((g) => overlaps(c, g)) && !inside(c)) pos.push(i);
  });
  return pos;
}

// ---- training: softmax ranking with AdaGrad and L2, averaged over updates ----
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function train(ex: Example[], n: number): Float64Array {
  const w = new Float64Array(n);
  const g2 = new Float64Array(n).fill(1e-8);
  const avg = new Float64Array(n);
  const rand = mulberry32(7);
  const order = ex.map((_, i) => i);
  const LR = 0.2;
  const L2 = 2e-6;
  let steps = 0;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const e = ex[k];
      const scores = e.feats.map((fs) => fs.reduce((s, f) => s + w[f], 0));
      const max = Math.max(...scores);
      const ex_ = scores.map((s) => Math.exp(s - max));
      const z = ex_.reduce((a, b) => a + b, 0);
      const p = ex_.map((x) => x / z);
      const zPos = e.pos.reduce((s, i) => s + p[i], 0);
      const grad = new Map<number, number>();
      e.feats.forEach((fs, i) => {
        const target = e.pos.includes(i) ? p[i] / zPos : 0;
        const d = p[i] - target;
        if (Math.abs(d) < 1e-9) return;
        for (const f of fs) grad.set(f, (grad.get(f) ?? 0) + d);
      });
      steps++;
      for (const [f, g0] of grad) {
        const g = g0 + L2 * w[f];
        g2[f] += g * g;
        const delta = (LR * g) / Math.sqrt(g2[f]);
        w[f] -= delta;
        avg[f] -= steps * delta;
      }
    }
  }
  // averaged weights: w - avg / steps
  const out = new Float64Array(n);
  for (let f = 0; f < n; f++) out[f] = w[f] - avg[f] / steps;
  return out;
}

function accuracy(ex: Example[], w: Float64Array, filter: (e: Example) => boolean = () => true): { acc: number; n: number } {
  let ok = 0;
  let n = 0;
  for (const e of ex) {
    if (!filter(e)) continue;
    n++;
    let best = -1;
    let bs = -Infinity;
    e.feats.forEach((fs, i) => {
      const s = fs.reduce((a, f) => a + (f >= 0 ? w[f] : 0), 0);
      if (s > bs) [bs, best] = [s, i];
    });
    if (e.pos.includes(best)) ok++;
  }
  return { acc: n ? ok / n : 0, n };
}

const t0 = Date.now();
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const trainStats = { reachable: 0, total: 0 };
const trainDocs = [...readPolnear('train'), ...readSpkatt('train')];
const trainEx = examples(trainDocs, true, trainStats);
console.log(`train: ${trainEx.length} examples (${trainStats.reachable}/${trainStats.total} attributions with the gold source among the candidates), ${featNames.length} features, read in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
const w = train(trainEx, featNames.length);
const devStats = { en: { reachable: 0, total: 0 }, de: { reachable: 0, total: 0 } };
const devEn = examples(readPolnear('dev'), false, devStats.en);
const devDe = examples(readSpkatt('dev'), false, devStats.de);
const ruleId = fid('rule', false);
const ruleAcc = (ex: Example[], filter: (e: Example) => boolean = () => true) => {
  const xs = ex.filter(filter);
  return r3(xs.filter((e) => e.feats.some((fs, i) => fs.includes(ruleId) && e.pos.includes(i))).length / (xs.length || 1));
};
const report = {
  trainAccuracy: r3(accuracy(trainEx, w).acc),
  polnearDev: { chosenRight: r3(accuracy(devEn, w).acc), direct: r3(accuracy(devEn, w, (e) => e.direct).acc), ruleDirect: ruleAcc(devEn, (e) => e.direct), rule: ruleAcc(devEn), reachable: r3(devStats.en.reachable / devStats.en.total), ofAll: r3((accuracy(devEn, w).acc * devStats.en.reachable) / devStats.en.total), n: devStats.en.total },
  spkattDev: { chosenRight: r3(accuracy(devDe, w).acc), rule: ruleAcc(devDe), reachable: r3(devStats.de.reachable / devStats.de.total), ofAll: r3((accuracy(devDe, w).acc * devStats.de.reachable) / devStats.de.total), n: devStats.de.total },
};
console.log(JSON.stringify(report));
// the discourse rules against the ranker, on the quotations their sentence does not attribute; a
// language whose training data has enough such quotations, and whose dev set says the ranker does
// them better, leaves them to the ranker (lib/speakers/index.ts)
const discourse: Record<string, 'ranker' | 'rules'> = {};
for (const [lang, dev] of [['en', devEn], ['de', devDe]] as const) {
  const seen = trainEx.filter((e) => e.lang === lang && e.disc).length;
  const cases = dev.filter((e) => e.disc);
  const byRules = cases.filter((e) => e.disc!.right).length;
  const byRanker = cases.filter((e) => accuracy([e], w).acc).length;
  discourse[lang] = seen >= 200 && byRanker > byRules ? 'ranker' : 'rules';
  console.log(`${lang}: ${seen} training quotations their sentence does not attribute; dev: rules ${byRules}, ranker ${byRanker} of ${cases.length} → ${discourse[lang]}`);
}
for (const [name, ex] of [['polnear train', trainEx.filter((e) => e.lang === 'en')], ['polnear dev', devEn]] as const) {
  const rows = new Map<string, { n: number; rule: number; ranker: number }>();
  for (const e of ex) {
    if (!e.disc) continue;
    const row = rows.get(e.disc.rule) ?? { n: 0, rule: 0, ranker: 0 };
    row.n++;
    if (e.disc.right) row.rule++;
    if (accuracy([e], w).acc) row.ranker++;
    rows.set(e.disc.rule, row);
  }
  console.log(`${name}: discourse rule right / ranker right, of n:`, JSON.stringify(Object.fromEntries([...rows].map(([k, v]) => [k, `${v.rule}/${v.ranker} of ${v.n}`]))));
}
if (process.env.ATTR_STATS) console.log([...locStats].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n}\t${k}`).join('\n'));
if (!args.includes('--eval-only')) {
  const weights: Record<string, number> = {};
  featNames.forEach((f, i) => {
    if (Math.abs(w[i]) >= 0.01) weights[f] = Math.round(w[i] * 1000) / 1000;
  });
  const prior = JSON.parse(readFileSync(OUT, 'utf8')) as { threshold?: Record<string, number> };
  const model = {
    about: 'Speaker ranker weights, made by `npm run train:attribution` (scripts/train-attribution.ts) from PolNeAR train and SpkAtt-2023 train; threshold: confidence below which a speaker is withheld, chosen on the dev sets.',
    threshold: prior.threshold ?? { de: 0, en: 0 },
    discourse,
    trained: report,
    weights,
  };
  writeFileSync(OUT, JSON.stringify(model) + '\n');
  console.log(`wrote ${OUT}: ${Object.keys(weights).length} weights, ${(JSON.stringify(model).length / 1024).toFixed(0)} KB, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
