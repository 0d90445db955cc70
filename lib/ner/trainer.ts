/**
 * Averaged perceptron trainer for the greedy BILOU tagger (pure TypeScript; used by
 * scripts/train-ner.ts). Produces ModelData that encodeModel() writes to disk.
 */
import { HashIndex, mix, mix2 } from './hash.ts';
import { DEFAULT_FEATURE_CONFIG, lexNameSlots, SentenceBuffer, T, makeGazFilter, type FeatureConfig, type Resources } from './features.ts';
import { lexIndex } from './lexicon.ts';
import { BeamLattice, labelFeatures } from './beam.ts';
import { makeLabelSpace, toBilou, type LabelSpace } from './labels.ts';
import type { ModelData, ModelHeader, WeightTable } from './model.ts';
import { MAX_S2, buildDocStats, stage2Features, type Stage1Sentence } from './stage2.ts';
import { MAX_DYNAMIC, dynamicFeatures, updateHistory } from './tagger.ts';

export interface TrainSentence {
  tokens: string[];
  labels: string[];
}
export type TrainDoc = TrainSentence[];

export interface TrainOptions {
  lang: string;
  types: readonly string[];
  epochs: number;
  seed: number;
  minCount: number;
  features?: Partial<FeatureConfig>;
  clusters?: { keys: Uint32Array; codes: Uint32Array };
  gaz?: { keys: Uint32Array; masks: Uint16Array | Uint32Array; maxLen: number; prefixes?: boolean };
  /** optional per-fold gazetteers used while extracting training features (jackknifed train-derived lists) */
  gazFolds?: { keys: Uint32Array; masks: Uint16Array | Uint32Array; maxLen: number; prefixes?: boolean }[];
  /** use gold instead of predicted labels for the label-history features while training */
  goldHistory?: boolean;
  /** structured training with features.beam > 1: update at the early-update prefix (default: gold falls out of the beam) or the max-violation prefix */
  beamUpdate?: 'maxviol' | 'early';
  /** beam training only: probability of hiding a token's word-identity features (WORD, LOWER) in a training pass */
  wordDrop?: number;
  /** word lexicon baked into the model (features.lex) */
  lex?: { keys: Uint32Array; masks: Uint16Array };
  /** beam training with features.lex: probability of hiding a token's name-list lexicon features in a training pass (gazetteer dropout) */
  lexDrop?: number;
  /** byte budget for the feature table (rows + entries) */
  maxFeatureBytes: number;
  log?: (msg: string) => void;
  /** called after each epoch with the averaged model (for dev monitoring); optional */
  onEpoch?: (epoch: number, data: () => ModelData) => void;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildResources(opts: Pick<TrainOptions, 'clusters' | 'gaz' | 'lex'>): Resources {
  let clusters: HashIndex | null = null;
  if (opts.clusters && opts.clusters.keys.length) {
    clusters = new HashIndex(opts.clusters.keys.length);
    for (let i = 0; i < opts.clusters.keys.length; i++) clusters.set(opts.clusters.keys[i], opts.clusters.codes[i]);
  }
  let gaz: HashIndex | null = null;
  if (opts.gaz && opts.gaz.keys.length) {
    gaz = new HashIndex(opts.gaz.keys.length);
    for (let i = 0; i < opts.gaz.keys.length; i++) gaz.set(opts.gaz.keys[i], opts.gaz.masks[i]);
  }
  return {
    clusters,
    gaz,
    gazMaxLen: opts.gaz?.maxLen ?? 0,
    gazPrefixes: !!opts.gaz?.prefixes,
    gazFilter: opts.gaz && opts.gaz.keys.length ? makeGazFilter(opts.gaz.keys) : undefined,
    lex: opts.lex && opts.lex.keys.length ? lexIndex(opts.lex.keys, opts.lex.masks) : null,
  };
}

export function train(docs: TrainDoc[], opts: TrainOptions): ModelData {
  const log = opts.log ?? (() => {});
  const cfg: FeatureConfig = { ...DEFAULT_FEATURE_CONFIG, ...opts.features };
  const space = makeLabelSpace(opts.types);
  const L = space.labels.length;
  const res = buildResources(opts);
  const foldRes = opts.gazFolds?.map((g) => buildResources({ clusters: opts.clusters, gaz: g, lex: opts.lex }));
  const buf = new SentenceBuffer(cfg);
  const S = buf.slots;

  // 1. static features per sentence + counts
  type Sent = { feats: Uint32Array; hL: Uint32Array; ss: Uint32Array; cl: Uint32Array; cap: Uint8Array; gold: Uint8Array; n: number };
  const sents: Sent[][] = [];
  const counts = new Map<number, number>();
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d];
    const ds: Sent[] = [];
    const r = foldRes ? foldRes[d % foldRes.length] : res;
    for (const s of doc) {
      if (!s.tokens.length) continue;
      buf.extract(cfg, r, s.tokens);
      const n = buf.n;
      const feats = buf.feats.slice(0, n * S);
      for (let i = 0; i < feats.length; i++) {
        const f = feats[i];
        if (f) counts.set(f, (counts.get(f) ?? 0) + 1);
      }
      ds.push({ feats, hL: buf.hL.slice(0, n), ss: buf.ss.slice(0, n), cl: buf.cl.slice(0, n), cap: buf.cap.slice(0, n), gold: toBilou(space, s.labels), n });
    }
    sents.push(ds);
  }
  const index = new HashIndex(counts.size);
  const keys: number[] = [];
  for (const [f, c] of counts) {
    if (c >= opts.minCount) {
      index.set(f, keys.length);
      keys.push(f);
    }
  }
  log(`features: ${counts.size} distinct, ${keys.length} kept (count >= ${opts.minCount})`);
  counts.clear();
  // map static hashes to rows (-1 = pruned), stored in place as Int32
  const rowsOf: Int32Array[][] = sents.map((ds) =>
    ds.map((s) => {
      const r = new Int32Array(s.feats.length);
      for (let i = 0; i < s.feats.length; i++) r[i] = s.feats[i] ? index.get(s.feats[i]) : -1;
      return r;
    }),
  );
  for (const ds of sents) for (const s of ds) (s as { feats: Uint32Array | null }).feats = null;

  let cap = keys.length + 4096;
  let W = new Float32Array(cap * L);
  let U = new Float64Array(cap * L);
  const addRow = (f: number): number => {
    if (keys.length >= cap) {
      cap *= 2;
      const W2 = new Float32Array(cap * L); W2.set(W); W = W2;
      const U2 = new Float64Array(cap * L); U2.set(U); U = U2;
    }
    index.set(f, keys.length);
    keys.push(f);
    return keys.length - 1;
  };

  const rng = mulberry32(opts.seed);
  const order = docs.map((_, i) => i);
  const scores = new Float64Array(L);
  const dyn = new Uint32Array(MAX_DYNAMIC);
  const dynRows = new Int32Array(MAX_DYNAMIC);
  let c = 1;
  const average = (): ModelData => finish(opts, cfg, res, keys, W, U, c, L);

  // ---- structured (beam) training: one update per sentence at the early-update (or max-violation) prefix
  const B = cfg.beam ?? 1;
  const lat = B > 1 ? new BeamLattice(B) : null;
  const K1 = L + 1;
  let stat = new Float64Array(0);
  let histF = new Uint32Array(0);
  let goldScore = new Float64Array(0);
  let goldAt = new Int32Array(0);
  let predSeq = new Int32Array(0);
  let dropped = new Uint8Array(0);
  const wordDrop = opts.wordDrop ?? 0;
  const dropRng = mulberry32(opts.seed ^ 0x0d0b);
  const lexDrop = cfg.lex ? opts.lexDrop ?? 0 : 0;
  const lexDropRng = mulberry32(opts.seed ^ 0x1e0c);
  /**
   * per static slot, the dropout it belongs to: 1 = word identity (WORD, LOWER: slots 1 and 2, see
   * SentenceBuffer.extract), 2 = the name-list lexicon features (gazetteer dropout)
   */
  const slotDrop = new Uint8Array(S);
  slotDrop[1] = slotDrop[2] = 1;
  for (const k of lexNameSlots(cfg)) slotDrop[k] = 2;
  const lf = new Uint32Array(5);
  const dv = new Float64Array(L);
  /** dv = scores of the label features for previous labels p, p2 at token i */
  const labelScores = (s: { hL: Uint32Array; ss: Uint32Array; cl: Uint32Array }, i: number, p: number, p2: number): void => {
    dv.fill(0);
    labelFeatures(cfg, p, p2, s.hL[i], s.ss[i], s.cl[i], lf);
    for (let k = 0; k < 5; k++) {
      if (!lf[k]) continue;
      const r = index.get(lf[k]);
      if (r < 0) continue;
      const o = r * L;
      for (let l = 0; l < L; l++) dv[l] += W[o + l];
    }
  };
  const bump = (f: number, label: number, d: number): void => {
    let r = index.get(f);
    if (r < 0) r = addRow(f);
    const o = r * L + label;
    W[o] += d; U[o] += d * c;
  };
  const beamSentence = (s: Sent, rows: Int32Array, hist: Map<number, number>, pred: Uint8Array): number => {
    const n = s.n;
    const bl = lat!;
    bl.ensure(n);
    if (stat.length < n * L) {
      stat = new Float64Array(n * 2 * L);
      histF = new Uint32Array(n * 4);
      goldScore = new Float64Array(n * 2);
      goldAt = new Int32Array(n * 2);
      predSeq = new Int32Array(n * 2);
      dropped = new Uint8Array(n * 2);
    }
    for (let i = 0; i < n; i++) dropped[i] = (wordDrop > 0 && dropRng() < wordDrop ? 1 : 0) | (lexDrop > 0 && lexDropRng() < lexDrop ? 2 : 0);
    const gold = s.gold;
    // label-independent scores
    for (let i = 0; i < n; i++) {
      const so = i * L;
      for (let l = 0; l < L; l++) stat[so + l] = 0;
      const base = i * S;
      for (let k = 0; k < S; k++) {
        const r = rows[base + k];
        if (r < 0 || (dropped[i] & slotDrop[k]) !== 0) continue;
        const o = r * L;
        for (let l = 0; l < L; l++) stat[so + l] += W[o + l];
      }
      const hv = cfg.history ? hist.get(s.hL[i]) : undefined;
      histF[2 * i] = hv !== undefined && hv >= 0 ? mix(T.HIST, hv * 2 + s.cap[i]) : 0;
      histF[2 * i + 1] = hv !== undefined && hv >= 0 ? mix2(T.HIST_SS, hv, s.ss[i]) : 0;
      for (let q = 0; q < 2; q++) {
        const f = histF[2 * i + q];
        if (!f) continue;
        const r = index.get(f);
        if (r < 0) continue;
        const o = r * L;
        for (let l = 0; l < L; l++) stat[so + l] += W[o + l];
      }
    }
    // search, tracking the gold prefix
    const { allowed, kindOf } = space;
    let gs = 0;
    for (let i = 0; i < n; i++) {
      const cur = bl.steps[i];
      cur.m = 0;
      const prevStep = i > 0 ? bl.steps[i - 1] : null;
      const hypos = prevStep ? prevStep.m : 1;
      const so = i * L;
      for (let b = 0; b < hypos; b++) {
        const p = prevStep ? prevStep.label[b] : -1;
        const p2 = prevStep && i > 1 ? bl.steps[i - 2].label[prevStep.parent[b]] : -1;
        const base = prevStep ? prevStep.score[b] : 0;
        labelScores(s, i, p, p2);
        const aBase = (p < 0 ? L : p) * L;
        for (let l = 0; l < L; l++) {
          if (!allowed[aBase + l]) continue;
          if (i === n - 1 && (kindOf[l] === 1 || kindOf[l] === 2)) continue;
          cur.push(base + stat[so + l] + dv[l], b, l, (p + 1) * K1 + l);
        }
      }
      labelScores(s, i, i > 0 ? gold[i - 1] : -1, i > 1 ? gold[i - 2] : -1);
      gs += stat[so + gold[i]] + dv[gold[i]];
      goldScore[i] = gs;
      const gPrev = i > 0 ? goldAt[i - 1] : -1;
      let ga = -1;
      if (i === 0 || gPrev >= 0) for (let b = 0; b < cur.m; b++) if (cur.label[b] === gold[i] && cur.parent[b] === (i > 0 ? gPrev : 0)) { ga = b; break; }
      goldAt[i] = ga;
    }
    bl.backtrack(n - 1, 0, pred);
    let errs = 0;
    for (let i = 0; i < n; i++) if (pred[i] !== gold[i]) errs++;
    if (errs === 0) return 0;
    // choose the update prefix
    let upTo = n - 1;
    if (opts.beamUpdate !== 'maxviol') {
      for (let i = 0; i < n; i++) if (goldAt[i] < 0) { upTo = i; break; }
    } else {
      let best = -Infinity;
      for (let i = 0; i < n; i++) {
        if (goldAt[i] === 0) continue; // gold prefix is on top here
        const v = bl.steps[i].score[0] - goldScore[i];
        if (v > best) { best = v; upTo = i; }
      }
    }
    bl.backtrack(upTo, 0, predSeq);
    for (let j = 0; j <= upTo; j++) {
      const pj = predSeq[j], gj = gold[j];
      if (pj !== gj) {
        const base = j * S;
        for (let k = 0; k < S; k++) {
          const r = rows[base + k];
          if (r < 0 || (dropped[j] & slotDrop[k]) !== 0) continue;
          const o = r * L;
          W[o + gj] += 1; U[o + gj] += c;
          W[o + pj] -= 1; U[o + pj] -= c;
        }
        for (let q = 0; q < 2; q++) {
          const f = histF[2 * j + q];
          if (f) { bump(f, gj, 1); bump(f, pj, -1); }
        }
      }
      labelFeatures(cfg, j > 0 ? gold[j - 1] : -1, j > 1 ? gold[j - 2] : -1, s.hL[j], s.ss[j], s.cl[j], lf);
      for (let k = 0; k < 5; k++) if (lf[k]) bump(lf[k], gj, 1);
      labelFeatures(cfg, j > 0 ? predSeq[j - 1] : -1, j > 1 ? predSeq[j - 2] : -1, s.hL[j], s.ss[j], s.cl[j], lf);
      for (let k = 0; k < 5; k++) if (lf[k]) bump(lf[k], pj, -1);
    }
    return errs;
  };

  for (let ep = 0; ep < opts.epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const t = order[i]; order[i] = order[j]; order[j] = t;
    }
    let errors = 0, total = 0;
    const t0 = Date.now();
    for (const di of order) {
      const hist = new Map<number, number>();
      const ds = sents[di];
      for (let si = 0; si < ds.length; si++) {
        const s = ds[si];
        const rows = rowsOf[di][si];
        const n = s.n;
        const pred = new Uint8Array(n);
        let prev = -1, prev2 = -1;
        if (lat) {
          errors += beamSentence(s, rows, hist, pred);
          total += n;
          c += n;
          if (opts.goldHistory) pred.set(s.gold);
          if (cfg.history) updateHistory(hist, { n, cap: s.cap, hL: s.hL }, pred, space.typeOf);
          continue;
        }
        for (let i = 0; i < n; i++) {
          scores.fill(0);
          const base = i * S;
          for (let k = 0; k < S; k++) {
            const r = rows[base + k];
            if (r < 0) continue;
            const o = r * L;
            for (let l = 0; l < L; l++) scores[l] += W[o + l];
          }
          const hv = cfg.history ? hist.get(s.hL[i]) : undefined;
          const nd = dynamicFeatures(cfg, prev, prev2, s.hL[i], s.ss[i], s.cap[i], hv === undefined ? -1 : hv, dyn);
          for (let k = 0; k < nd; k++) {
            const r = index.get(dyn[k]);
            dynRows[k] = r;
            if (r < 0) continue;
            const o = r * L;
            for (let l = 0; l < L; l++) scores[l] += W[o + l];
          }
          let best = 0, bs = -Infinity;
          for (let l = 0; l < L; l++) if (scores[l] > bs) { bs = scores[l]; best = l; }
          const g = s.gold[i];
          total++;
          if (best !== g) {
            errors++;
            for (let k = 0; k < S; k++) {
              const r = rows[base + k];
              if (r < 0) continue;
              const o = r * L;
              W[o + g] += 1; U[o + g] += c;
              W[o + best] -= 1; U[o + best] -= c;
            }
            for (let k = 0; k < nd; k++) {
              let r = dynRows[k];
              if (r < 0) r = addRow(dyn[k]);
              const o = r * L;
              W[o + g] += 1; U[o + g] += c;
              W[o + best] -= 1; U[o + best] -= c;
            }
          }
          c++;
          pred[i] = opts.goldHistory ? g : best;
          prev2 = prev;
          prev = pred[i];
        }
        if (cfg.history) {
          updateHistory(hist, { n, cap: s.cap, hL: s.hL }, pred, space.typeOf);
        }
      }
    }
    log(`epoch ${ep + 1}/${opts.epochs}: token error ${(errors / total * 100).toFixed(2)}% (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    if (opts.onEpoch) opts.onEpoch(ep + 1, average);
  }
  return average();
}

function finish(
  opts: TrainOptions,
  cfg: FeatureConfig,
  res: Resources,
  keys: number[],
  W: Float32Array,
  U: Float64Array,
  c: number,
  L: number,
): ModelData {
  const nF = keys.length;
  const avg = new Float32Array(nF * L);
  let maxAbs = 0;
  for (let i = 0; i < nF * L; i++) {
    const v = W[i] - U[i] / c;
    avg[i] = v;
    const a = Math.abs(v);
    if (a > maxAbs) maxAbs = a;
  }
  // choose a pruning threshold that fits the byte budget: 5 bytes per row + 3 per entry
  const abs: number[] = [];
  for (let i = 0; i < avg.length; i++) if (avg[i] !== 0) abs.push(Math.abs(avg[i]));
  const sorted = Float32Array.from(abs).sort();
  let thr = 0;
  const scale = maxAbs / 32767 || 1;
  const minQ = scale * 0.5;
  const fits = (th: number): number => {
    let rows = 0, entries = 0;
    for (let r = 0; r < nF; r++) {
      let k = 0;
      for (let l = 0; l < L; l++) if (Math.abs(avg[r * L + l]) >= th && Math.abs(avg[r * L + l]) > minQ) k++;
      if (k) { rows++; entries += k; }
    }
    return rows * 5 + entries * 3;
  };
  let lo = 0, hi = sorted.length - 1;
  if (fits(0) > opts.maxFeatureBytes) {
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (fits(sorted[mid]) > opts.maxFeatureBytes) lo = mid + 1;
      else hi = mid;
    }
    thr = sorted[lo];
  }
  const featKeys: number[] = [];
  const featCounts: number[] = [];
  const entryLabels: number[] = [];
  const entryWeights: number[] = [];
  for (let r = 0; r < nF; r++) {
    let k = 0;
    for (let l = 0; l < L; l++) {
      const v = avg[r * L + l];
      const a = Math.abs(v);
      if (a === 0 || a < thr || a <= minQ) continue;
      const q = Math.round(v / scale);
      if (q === 0) continue;
      entryLabels.push(l);
      entryWeights.push(q);
      k++;
    }
    if (k) { featKeys.push(keys[r]); featCounts.push(k); }
  }
  (opts.log ?? (() => {}))(`model: ${featKeys.length} rows, ${entryLabels.length} entries, threshold ${thr.toPrecision(3)}`);
  const header: ModelHeader = {
    lang: opts.lang,
    types: [...opts.types],
    features: cfg,
    gazMaxLen: res.gazMaxLen,
    gazPrefixes: res.gazPrefixes || undefined,
    gazMask32: opts.gaz?.masks instanceof Uint32Array || undefined,
    scale,
  };
  return {
    header,
    lexKeys: opts.lex?.keys,
    lexMasks: opts.lex?.masks,
    clusterKeys: opts.clusters?.keys ?? new Uint32Array(0),
    clusterCodes: opts.clusters?.codes ?? new Uint32Array(0),
    gazKeys: opts.gaz?.keys ?? new Uint32Array(0),
    gazMasks: opts.gaz?.masks ?? new Uint16Array(0),
    featKeys: Uint32Array.from(featKeys),
    featCounts: Uint8Array.from(featCounts),
    entryLabels: Uint8Array.from(entryLabels),
    entryWeights: Int16Array.from(entryWeights),
  };
}

// ---------------------------------------------------------------------------------------------
// Second pass (stacking) trainer

export interface Stage2Doc {
  s1: Stage1Sentence[];
  gold: Uint8Array[];
}

export function trainStage2(
  docs: Stage2Doc[],
  space: LabelSpace,
  opts: { epochs: number; seed: number; log?: (m: string) => void; s1mult?: number },
): { table: WeightTable; scale: number; mult: number } {
  const mult = opts.s1mult ?? 1;
  const log = opts.log ?? (() => {});
  const L = space.labels.length;
  const index = new Map<number, number>();
  const keys: number[] = [];
  let cap = 4096;
  let W = new Float64Array(cap * L);
  let U = new Float64Array(cap * L);
  const rowOf = (f: number): number => {
    let r = index.get(f);
    if (r === undefined) {
      if (keys.length >= cap) {
        cap *= 2;
        const W2 = new Float64Array(cap * L); W2.set(W); W = W2;
        const U2 = new Float64Array(cap * L); U2.set(U); U = U2;
      }
      r = keys.length;
      keys.push(f);
      index.set(f, r);
    }
    return r;
  };
  const stats = docs.map((d) => buildDocStats(d.s1, space));
  const rng = mulberry32(opts.seed ^ 0x5eed);
  const order = docs.map((_, i) => i);
  const feats = new Uint32Array(MAX_S2);
  const sc = new Float64Array(L);
  let c = 1;
  for (let ep = 0; ep < opts.epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const t = order[i]; order[i] = order[j]; order[j] = t;
    }
    let errors = 0, total = 0;
    for (const di of order) {
      const d = docs[di];
      for (let si = 0; si < d.s1.length; si++) {
        const s = d.s1[si];
        const gold = d.gold[si];
        let prev = -1;
        for (let i = 0; i < s.n; i++) {
          for (let l = 0; l < L; l++) sc[l] = s.scores[i * L + l] * mult;
          const nf = stage2Features(s, i, prev, stats[di], space, feats);
          for (let k = 0; k < nf; k++) {
            const r = index.get(feats[k]);
            if (r === undefined) continue;
            for (let l = 0; l < L; l++) sc[l] += W[r * L + l];
          }
          let best = 0, bs = -Infinity;
          for (let l = 0; l < L; l++) if (sc[l] > bs) { bs = sc[l]; best = l; }
          const g = gold[i];
          total++;
          if (best !== g) {
            errors++;
            for (let k = 0; k < nf; k++) {
              const r = rowOf(feats[k]);
              W[r * L + g] += 1; U[r * L + g] += c;
              W[r * L + best] -= 1; U[r * L + best] -= c;
            }
          }
          c++;
          prev = best;
        }
      }
    }
    log(`stage 2 epoch ${ep + 1}/${opts.epochs}: token error ${((errors / total) * 100).toFixed(2)}%`);
  }
  let maxAbs = 0;
  const avg = new Float64Array(keys.length * L);
  for (let i = 0; i < avg.length; i++) {
    avg[i] = W[i] - U[i] / c;
    maxAbs = Math.max(maxAbs, Math.abs(avg[i]));
  }
  const scale = maxAbs / 32767 || 1;
  const fk: number[] = [], fc: number[] = [], el: number[] = [], ew: number[] = [];
  for (let r = 0; r < keys.length; r++) {
    let k = 0;
    for (let l = 0; l < L; l++) {
      const q = Math.round(avg[r * L + l] / scale);
      if (q === 0) continue;
      el.push(l); ew.push(q); k++;
    }
    if (k) { fk.push(keys[r]); fc.push(k); }
  }
  log(`stage 2: ${fk.length} rows, ${el.length} entries`);
  return {
    table: { featKeys: Uint32Array.from(fk), featCounts: Uint8Array.from(fc), entryLabels: Uint8Array.from(el), entryWeights: Int16Array.from(ew) },
    scale,
    mult,
  };
}
