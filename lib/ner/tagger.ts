/** Greedy left-to-right BILOU decoding with document history. Pure TypeScript. */
import { mix, mix2 } from './hash.ts';
import { SentenceBuffer, T, type FeatureConfig } from './features.ts';
import type { NerModel } from './model.ts';

export const MAX_DYNAMIC = 8;

/**
 * Label-history / document features for token i given the previous two predicted labels
 * (-1 = sentence start). `hist` is the document history value for the token (-1 = none).
 * Writes hashes into `out` and returns how many were written.
 */
export function dynamicFeatures(
  cfg: FeatureConfig,
  prev: number,
  prev2: number,
  lowerHash: number,
  shortShape: number,
  cap: number,
  hist: number,
  out: Uint32Array,
): number {
  let k = 0;
  out[k++] = mix(T.PREV, prev + 1);
  out[k++] = mix(T.PREV2, (prev2 + 1) * 256 + prev + 1);
  out[k++] = mix2(T.PREV_SS, prev + 1, shortShape);
  if (cfg.prevWord) out[k++] = mix2(T.PREV_W, prev + 1, lowerHash);
  if (cfg.history && hist >= 0) {
    out[k++] = mix(T.HIST, hist * 2 + cap);
    out[k++] = mix2(T.HIST_SS, hist, shortShape);
  }
  return k;
}

/** Per-document history map update: remember the entity type (or O) given to capitalised tokens. */
export function updateHistory(
  hist: Map<number, number>,
  buf: SentenceBuffer,
  labels: ArrayLike<number>,
  typeOf: Int32Array,
): void {
  for (let i = 0; i < buf.n; i++) {
    if (!buf.cap[i]) continue;
    const t = typeOf[labels[i]];
    if (i === 0 && t < 0) continue; // sentence-initial capitalisation is uninformative
    hist.set(buf.hL[i], t + 1);
  }
}

/** Max tokens whose intrinsic (token-only) partial scores are cached per model. */
export let TOKEN_CACHE_SIZE = 40000;

/** Change the token cache size for models first used after this call (tests, memory-constrained hosts). */
export function setTokenCacheSize(n: number): void {
  TOKEN_CACHE_SIZE = Math.max(1, n | 0);
}

export interface Tagger {
  buf: SentenceBuffer;
  /** token -> cache slot; slot data lives in the pooled arrays below */
  cache: Map<string, number>;
  cScores: Int32Array;
  cHL: Uint32Array;
  cSS: Uint32Array;
  cCL: Uint32Array;
  cCap: Uint8Array;
  size: number;
  next: number;
  full: boolean;
  skip: Uint8Array;
  hits: Int32Array;
  scores: Int32Array;
  dyn: Uint32Array;
  rows: Int32Array;
}

const taggers = new WeakMap<NerModel, Tagger>();

function getTagger(model: NerModel): Tagger {
  let t = taggers.get(model);
  if (!t) {
    t = {
      buf: new SentenceBuffer(model.cfg),
      cache: new Map(),
      size: TOKEN_CACHE_SIZE,
      cScores: new Int32Array(TOKEN_CACHE_SIZE * model.space.labels.length),
      cHL: new Uint32Array(TOKEN_CACHE_SIZE),
      cSS: new Uint32Array(TOKEN_CACHE_SIZE),
      cCL: new Uint32Array(TOKEN_CACHE_SIZE),
      cCap: new Uint8Array(TOKEN_CACHE_SIZE),
      next: 0,
      full: false,
      skip: new Uint8Array(256),
      hits: new Int32Array(256),
      scores: new Int32Array(model.space.labels.length),
      dyn: new Uint32Array(MAX_DYNAMIC),
      rows: new Int32Array(256 * 64),
    };
    taggers.set(model, t);
  }
  return t;
}

/** Tag one sentence; returns internal BILOU label ids. */
export function tagSentenceIds(model: NerModel, tokens: readonly string[], hist: Map<number, number> | null): Uint8Array {
  const tg = getTagger(model);
  const { buf, scores, dyn } = tg;
  const { cfg, space, table, mask, entries } = model;
  const n = tokens.length;
  if (tg.skip.length < n) {
    tg.skip = new Uint8Array(n * 2);
    tg.hits = new Int32Array(n * 2);
  }
  const skip = tg.skip, hits = tg.hits, cache = tg.cache;
  const { cScores, cHL, cSS, cCL, cCap } = tg;
  if (tg.full) {
    cache.clear();
    tg.next = 0;
    tg.full = false;
  }
  buf.ensure(n);
  for (let i = 0; i < n; i++) {
    const c = cache.get(tokens[i]);
    if (c === undefined) {
      hits[i] = -1;
      skip[i] = 0;
    } else {
      hits[i] = c;
      skip[i] = 1;
      buf.hL[i] = cHL[c];
      buf.ss[i] = cSS[c];
      buf.cl[i] = cCL[c];
      buf.cap[i] = cCap[c];
    }
  }
  buf.extract(cfg, model.res, tokens, skip);
  const S = buf.slots;
  const I = buf.intrinsic;
  const L = space.labels.length;
  const allowed = space.allowed;
  const out = new Uint8Array(n);
  const feats = buf.feats;
  let prev = -1, prev2 = -1;
  for (let i = 0; i < n; i++) {
    const base = i * S;
    const cached = hits[i];
    let s0 = I;
    if (cached >= 0) scores.set(cScores.subarray(cached * L, cached * L + L));
    else {
      scores.fill(0);
      s0 = 0;
    }
    for (let s = s0; s < S; s++) {
      if (s === I && cached < 0) {
        if (tg.next >= tg.size) {
          // full: start over (slots referenced by later tokens of this sentence are re-read below, so only
          // clear between sentences)
          tg.full = true;
        }
        const slot = tg.full ? -1 : tg.next++;
        if (slot >= 0) cache.set(tokens[i], slot);
        if (slot >= 0) {
          for (let l = 0; l < L; l++) cScores[slot * L + l] = scores[l];
          cHL[slot] = buf.hL[i];
          cSS[slot] = buf.ss[i];
          cCL[slot] = buf.cl[i];
          cCap[slot] = buf.cap[i];
        }
      }
      const f = feats[base + s];
      if (f === 0) continue;
      let j = (Math.imul(f, 0x9e3779b1) >>> 7) & mask;
      let k = table[j << 1];
      while (k !== f && k !== 0) {
        j = (j + 1) & mask;
        k = table[j << 1];
      }
      if (k === 0) continue;
      const v = table[(j << 1) + 1];
      for (let e = v >>> 8, end = e + (v & 255); e < end; e++) {
        const x = entries[e];
        scores[x >>> 16] += (x << 16) >> 16;
      }
    }
    const hv = hist && cfg.history ? hist.get(buf.hL[i]) : undefined;
    const nd = dynamicFeatures(cfg, prev, prev2, buf.hL[i], buf.ss[i], buf.cap[i], hv === undefined ? -1 : hv, dyn);
    for (let s = 0; s < nd; s++) {
      const f = dyn[s];
      let j = (Math.imul(f, 0x9e3779b1) >>> 7) & mask;
      let k = table[j << 1];
      while (k !== f && k !== 0) {
        j = (j + 1) & mask;
        k = table[j << 1];
      }
      if (k === 0) continue;
      const v = table[(j << 1) + 1];
      for (let e = v >>> 8, end = e + (v & 255); e < end; e++) {
        const x = entries[e];
        scores[x >>> 16] += (x << 16) >> 16;
      }
    }
    const aBase = (prev < 0 ? L : prev) * L;
    let best = -1, bestScore = -Infinity;
    for (let c = 0; c < L; c++) {
      if (!allowed[aBase + c]) continue;
      if (i === n - 1 && (space.kindOf[c] === 1 || space.kindOf[c] === 2)) continue; // must close at end
      if (scores[c] > bestScore) {
        bestScore = scores[c];
        best = c;
      }
    }
    out[i] = best;
    prev2 = prev;
    prev = best;
  }
  if (hist && cfg.history) updateHistory(hist, buf, out, space.typeOf);
  return out;
}

/**
 * Tag a document given as tokenised sentences. Returns IOB2 labels per token
 * (GermEval outer labels for German models, CoNLL labels for English ones).
 */
export function tagDocument(model: NerModel, sentences: readonly (readonly string[])[]): string[][] {
  const hist = new Map<number, number>();
  const iob = model.space.iob2;
  const res: string[][] = [];
  for (const sent of sentences) {
    if (sent.length === 0) {
      res.push([]);
      continue;
    }
    const ids = tagSentenceIds(model, sent, hist);
    const labels = new Array<string>(ids.length);
    for (let i = 0; i < ids.length; i++) labels[i] = iob[ids[i]];
    res.push(labels);
  }
  return res;
}
