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

export interface Tagger {
  buf: SentenceBuffer;
  scores: Float32Array;
  dyn: Uint32Array;
  rows: Int32Array;
}

const taggers = new WeakMap<NerModel, Tagger>();

function getTagger(model: NerModel): Tagger {
  let t = taggers.get(model);
  if (!t) {
    t = {
      buf: new SentenceBuffer(model.cfg),
      scores: new Float32Array(model.space.labels.length),
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
  const { cfg, space, feat, rowStart, rowLabel, rowWeight } = model;
  buf.extract(cfg, model.res, tokens);
  const n = buf.n;
  const S = buf.slots;
  const L = space.labels.length;
  const allowed = space.allowed;
  const out = new Uint8Array(n);
  const feats = buf.feats;
  let prev = -1, prev2 = -1;
  for (let i = 0; i < n; i++) {
    scores.fill(0);
    const base = i * S;
    for (let s = 0; s < S; s++) {
      const f = feats[base + s];
      if (f === 0) continue;
      const r = feat.get(f);
      if (r < 0) continue;
      for (let e = rowStart[r], end = rowStart[r + 1]; e < end; e++) scores[rowLabel[e]] += rowWeight[e];
    }
    const hv = hist && cfg.history ? hist.get(buf.hL[i]) : undefined;
    const nd = dynamicFeatures(cfg, prev, prev2, buf.hL[i], buf.ss[i], buf.cap[i], hv === undefined ? -1 : hv, dyn);
    for (let s = 0; s < nd; s++) {
      const r = feat.get(dyn[s]);
      if (r < 0) continue;
      for (let e = rowStart[r], end = rowStart[r + 1]; e < end; e++) scores[rowLabel[e]] += rowWeight[e];
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
